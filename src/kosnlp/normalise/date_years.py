"""Which year a date written without one takes (kosnlp.normalise.dates runs it): the story's
time (HeidelTime's narrative documents), the nearest instance to the date of writing, turned
by the tense, a period the text just gave, or the latest one begun by a "since"."""
from __future__ import annotations

import datetime as dt

from .datelex import lexicon
from .timex import Anchor, add_months, last_day


class YearChoice:
    """Methods of DateNormaliser (kosnlp.normalise.dates) that give a day, month or season its year."""

    def _nearest_year(self, month: int, day: int | None, a: Anchor, ref: Anchor | None = None,
                      months: int = 1) -> int:
        """The year of a day and month (or a month, or a season of `months` months from `month`):
        a year anchor's year; at the story's time, the instance nearest the story's last date;
        else the instance nearest the reference date."""
        if a.whole_year:
            if a is self._story[1] and a.kind == "story_year" and month in self._months:
                return self._months[month]  # before the story's first date: the year the text gives that month
            return a.start.year  # a year anchor: that year
        if self._since is not None and (a.story or self._since == "present"):
            # "since" with a perfect: the latest instance begun by the story's date (a past perfect) or by
            # the time in focus (a present perfect: the date of writing, or the present of a story told in it)
            y = (a.day or a.end).year
            return y if dt.date(y, month, day or 1) <= (a.day or a.end) else y - 1
        if a.story:
            told = self._told
            if told is not None:  # a period the text just gave: the instance in it ("autumn 2000 ... March 2001")
                for y in range(told.start.year, told.end.year + 1):
                    ey, em = add_months(y, month, months - 1)
                    first = dt.date(y, month, min(day, last_day(y, month)) if day else 1)
                    if told.start <= first and (first if day else dt.date(ey, em, last_day(ey, em))) <= told.end:
                        return y
            y = self._story_year(month, day, months, a)
            # the story is told after it happened: not later than the date of writing (unless in the future tense)
            bound = self._written or ref
            if bound is not None and dt.date(y, month, 1) > bound.end and self._tense != "future":
                y -= 1
            return y
        c, mid = a.day or a.mid, day or 15  # a month: its middle for distances
        # the nearest instance; a tense cue turns it only when it lies more than `tense_slack_days`
        # on the other side of the date of writing ("w grudniu" in a past-tense report written in
        # June is last December, "due in January" the coming one; "arrived yesterday and is
        # scheduled, on June 12, to take part" keeps the June 12 two days ahead)
        y = min((c.year - 1, c.year, c.year + 1),
                key=lambda y: (abs((dt.date(y, month, min(mid, last_day(y, month))) - c).days), y > c.year))
        # a whole month is turned as soon as it lies on the other side ("will be held in October" said in November)
        slack = dt.timedelta(days=lexicon()["tense_slack_days"] if day else 0)
        if self._tense == "past" and dt.date(y, month, day or 1) > c + slack:
            told = self._story[0]
            if a is ref and y == c.year and told is not None and told.story and (told.day or told.mid).year < c.year - 1:
                # a retrospective: a past date still ahead in the year of writing is the story's
                return self._story_year(month, day, months, told)
            y -= 1
        elif self._tense == "future" and dt.date(y, month, day or last_day(y, month)) < c - slack:
            y += 1
        return y

    @staticmethod
    def _story_year(month: int, day: int | None, months: int, a: Anchor) -> int:
        """The year of a date without one at the story's time (HeidelTime's narrative documents):
        the instance that holds the story's last date (a period: "the winter" within "October 1999
        until April 2000"), else the nearer of the story's year's and the next one's, a step back counting
        `narrative_backward_weight` times as far (a story mostly moves forward: "in October 1998
        ... in April" is April 1999, "in summer 1999 ... died in the spring" the spring before)."""
        weight = lexicon()["narrative_backward_weight"]

        def cost(y: int) -> tuple:
            ey, em = add_months(y, month, months - 1)
            s = dt.date(y, month, min(day, last_day(y, month)) if day else 1)  # 29 February
            e = s if day else dt.date(ey, em, last_day(ey, em))
            if e < a.start:
                gap = (a.start - e).days * weight
            else:
                gap = max((s - a.end).days, 0)
            return gap, abs((s + (e - s) / 2 - a.mid).days)
        y0 = a.start.year
        years = (y0, y0 + 1) if cost(y0 - 1)[0] else (y0 - 1, y0, y0 + 1)
        return min(years, key=cost)

