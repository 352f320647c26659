"""Anaphoric days of DATE mentions: the day after / before / of the previous date ("następnego dnia",
"the day before", "tego samego dnia"), a night's two days, a day counted back as an aside, the present a
text narrates day by day, "that Saturday", what "that spring" and a count of days after a period point to, and
"five years ago this week" (kosnlp.normalise.dates runs them)."""
from __future__ import annotations

import datetime as dt
import re

from .keys import unresolved
from .timex import Anchor, day_norm, iso, make_anchor, months_on, span

NIGHT = "night"  # the method of a night's two days ("w nocy z 22 na 23 kwietnia")
COUNTED_BACK = "counted back"  # the method of a day counted back from the story's day ("dzień wcześniej")
NARRATED = "narrated present"  # the method of a day the text narrates in its present (StoryTime.advance)


def as_night(got: dict | None) -> dict | None:
    """A night's two days (a resolved span of two days) marked a night."""
    if not got or got.get("status") != "resolved" or got["start"] == got["end"] or "method" in got:
        return got
    s, e = dt.date.fromisoformat(got["start"]), dt.date.fromisoformat(got["end"])
    return {**got, "method": NIGHT} if (e - s).days == 1 else got


class AnaphoraForms:
    """Methods of DateNormaliser (kosnlp.normalise.dates): each reads one form of date
    expression, `t` lower case, against the reference and previous anchors, or returns None."""

    def _anaphoric(self, t, lang, ref, prev):
        """The day after / before / of the previous date; after a few days ("22 and 23 March",
        "23-25 kwietnia") the day after the last or before the first of them; after a week, the days after
        (before) each of its days. A night is the turn of
        its two days: the day before it (its evening) is its first, the day after (its morning) its
        second, "the same day" both. After a day counted back from the story's day ("dzień wcześniej"),
        "the next morning" and "that evening" count from the story's day, which the aside left."""
        for name, delta in (("next_day", 1), ("previous_day", -1), ("same_day", 0)):
            if t in self._w(name, lang):
                if prev is not None and self._prev_norm.get("method") == NIGHT and prev.start < prev.end:
                    extra = {"anchor": prev.kind, "anchor_value": prev.value}
                    if delta == 0:
                        return span(prev.value, prev.start, prev.end, method=NIGHT, **extra)
                    return day_norm(prev.end if delta > 0 else prev.start, **extra)
                if prev is not None and delta and re.fullmatch(r"\d{4}-W\d\d", prev.value):
                    # after a week the day is not given: the days after (before) each of its days
                    s, e = prev.start + dt.timedelta(days=delta), prev.end + dt.timedelta(days=delta)
                    return span(f"{iso(s)}/{iso(e)}", s, e, anchor=prev.kind, anchor_value=prev.value)
                if delta >= 0:
                    prev = self._left_aside(prev)
                days = prev is not None and not prev.day and delta and (prev.end - prev.start).days < 7 \
                    and re.fullmatch(r"[\d-]{10}/[\d-]{10}", prev.value)
                a = prev if days else self._pick(prev, ref, need_day=True)
                if a is None or (a is ref and self._told_elsewhere(ref)):
                    a = self._now if delta > 0 and self._tense == "present" else None
                    if a is None:
                        return unresolved("no anchor")
                d = a.day or (a.end if delta > 0 else a.start)
                extra = {"method": COUNTED_BACK} if delta < 0 and a is prev else {}
                got = day_norm(d + dt.timedelta(days=delta), anchor=a.kind, anchor_value=a.value, **extra)
                return self._narrated(got) if delta > 0 else got
        return None

    def _narrated(self, got: dict) -> dict:
        """A day after the text's last day, said in the present tense before the date of writing
        ("Następnego dnia rano przekraczam granicę" in a travel report): the present the text
        narrates moves to it (StoryTime.advance), its "dziś"."""
        w = self._written
        if self._tense != "present" or w is None or w.day is None or got["start"][:4] != f"{w.day.year:04d}" \
                or got["start"] >= w.value:
            return got
        return {**got, "method": NARRATED}

    def _left_aside(self, prev: Anchor | None) -> Anchor | None:
        """The story's day before a day counted back from it ("17 marca ... dzień wcześniej"), else `prev`."""
        p = self._prev_norm
        if prev is None or prev.day is None or p.get("method") != COUNTED_BACK \
                or not re.fullmatch(r"\d{4}-\d\d-\d\d", str(p.get("anchor_value", ""))):
            return prev
        day = dt.date.fromisoformat(p["anchor_value"])
        if not 0 < (day - prev.day).days <= self.lx["aside_days"]:
            return prev
        return Anchor(prev.kind, day, day, p["anchor_value"], narrative=prev.narrative)

    def _that_weekday(self, rest: str, lang: str) -> dict | None:
        """A weekday, with a part of the day or not, that the text has named as a day ("Saturday 12 June"
        before "that Saturday morning"): the last such day (StoryTime.days) other than the date of writing; None if it named none."""
        words = rest.split()
        day = self._w("weekdays", lang).get(words[0]) if words else None
        if day is None or (len(words) > 1 and " ".join(words[1:]) not in self._w("day_parts", lang)):
            return None
        got = self._last_named(day)
        return day_norm(got, anchor="narrative_date", anchor_value=got.isoformat()) if got else None

    def _last_named(self, weekday: int) -> dt.date | None:
        """The last day the text named on `weekday` (StoryTime.days) other than the date of writing, else None."""
        w = self._written.day if self._written is not None else None
        return next((d for d in reversed(self._days) if d.weekday() == weekday and d != w), None)

    def _distal(self, ref: Anchor | None, prev: Anchor | None) -> Anchor | None:
        """What "that spring", "tamtego roku" point to: the story's time, but from the present
        of a retrospective (the previous date, or the story's last date counted up to the year of
        writing: "Twelve months later, ... that spring") the year the story is mostly in."""
        told, main = self._story[0], self._story[1]
        back = self._at_present(ref, prev) or bool(ref and told and main and told.story
                                                  and (told.day or told.mid).year == ref.end.year != main.start.year)
        return main if back else self._narrative(prev)

    def _day_in(self, period: Anchor, sign: int) -> Anchor | None:
        """The day a count of days counts from when the previous date is a period: a range's end (its start
        counting back: "od 24 marca do 10 czerwca ... Dwa dni później"), else the last single day the text
        named in it ("12 marca 1999 ... tamten marzec ... dwanaście dni później"); None if neither."""
        named = [d for d in self._days if period.start <= d <= period.end]
        if "/" in period.value:
            d = period.end if sign > 0 else period.start
        elif named:
            d = named[-1]
        else:
            return None
        return Anchor(period.kind, d, d, d.isoformat(), period.narrative)

    def _ago_this(self, t, lang, ref, prev):
        """"five years ago this week", "twenty years ago this morning", "two weeks ago today": the deictic
        period of the date of writing moved back by the count."""
        words = t.split()
        at = next((i for i, w in enumerate(words) if w in self._w("ago", lang)), None)
        if at is None or not 1 <= at <= 2 or not 1 <= len(words) - at - 1 <= 2 or ref is None or not ref.day:
            return None  # "year ago this week" (a count of one) or "five years ago this week"
        back = self._relative_count(" ".join(words[:at + 1]), lang, ref, None)
        if not back or back.get("status") != "resolved" or back.get("anchor") != "reference_date":
            return None
        count = self._count(" ".join(words[:at + 1]), lang)
        n, unit = (count[0], count[1]) if count else (0, "year")
        if unit in ("day", "week") and n == int(n):  # "two weeks ago today": that day, the weeks counted back
            moved = ref.day - dt.timedelta(days=int(n) * (7 if unit == "week" else 1))
        elif unit == "month" and n == int(n):
            moved = months_on(ref.day, -int(n))
        else:
            years = ref.day.year - dt.date.fromisoformat(back["start"]).year
            try:
                moved = ref.day.replace(year=ref.day.year - years)
            except ValueError:  # 29 February
                moved = ref.day.replace(year=ref.day.year - years, day=28)
        got = self._parse(" ".join(words[at + 1:]), lang, make_anchor("reference_date", iso(moved)), None)
        if not got or got.get("status") != "resolved":
            return None
        return {**got, "anchor": "reference_date", "anchor_value": ref.value}
