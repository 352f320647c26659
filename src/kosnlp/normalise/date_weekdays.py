"""Weekday forms of DATE mentions: a weekday alone (by the tense, or in a story of another year
counted from its last day), with the date of its day ("Tuesday 18 May 1999", "Friday 15th") and
the n-th weekday, day or week of a month ("the second Sunday of May", "the last day of March",
"the second week of June", "the week of March 22"), and weekends (date_weekends; kosnlp.normalise.dates runs them)."""
from __future__ import annotations

import datetime as dt
import re

from .date_weekends import WeekendForms
from .datelex import YEAR
from .keys import unresolved
from .timex import Anchor, add_months, day_norm, last_day, week_norm


class WeekdayForms(WeekendForms):
    """Methods of DateNormaliser (kosnlp.normalise.dates): each reads one form of date
    expression, `t` lower case, against the reference and previous anchors, or returns None."""

    def _weekday_and_date(self, t, lang, ref, prev):
        """A weekday before or after the date of its day ("Tuesday 18 May 1999", "czwartek, 3
        czerwca", "24 marca (środa)", "Friday night, 7 May"): the date; its year as for the date alone, unless the
        weekday falls on that day in another year only (_year_of_weekday)."""
        near = re.fullmatch(r"(\w+)\s+(after|before)\s+(\D+?)(\s+\d{4})?", t)
        if near and near.group(1) in self._w("weekdays", lang) and near.group(2) in self._w("weekday_from_day", lang):
            return self._weekday_from_day(near, lang, ref, prev)  # "the Tuesday after Easter"
        mod = re.fullmatch(r"(\w+)\s+(\w+,?\s+.*\d.*)", t)
        if mod and mod.group(1) in self._w("shift", lang) and mod.group(2).split()[0].rstrip(",") in self._w("weekdays", lang):
            t = mod.group(2)  # "last Sunday, 11 April", "this Saturday, 17 April": the date says which
        m = re.fullmatch(r"(\w+),?\s+(?:the\s+(?=\d+\s+\w))?(.*\d.*)", t)  # "thursday the 15 april"
        after = re.fullmatch(r"(.*\d.*?)\s*[,(]\s*(?:w\s+|we\s+|on\s+|a\s+)?(\w+)\.?\)?", t)  # "24 marca (środa)", "9 June, a Wednesday"
        days = self._w("weekdays", lang)
        if m and m.group(1) in days:
            rest, name = m.group(2), m.group(1)
            part = next((p for p in self._w("day_parts", lang) if re.match(rf"{p},?\s+\S", rest)), None)
            if part:  # "Sunday night, 2 May": a part of the day keeps the date's day
                rest = rest[len(part):].lstrip(", ")
        elif after and after.group(2) in days:
            rest, name = after.group(1), after.group(2)
        else:
            return None
        day = re.fullmatch(r"(?:the\s+)?(\d{1,2})", rest)
        if day:  # "Friday 15th": the 15th that is a Friday, nearest the anchor
            return self._weekday_on_day(days[name], int(day.group(1)), ref, prev)
        got = self._parse(rest, lang, ref, prev)
        if not got or got.get("status") != "resolved" or got["start"] != got["end"]:
            return None if got and got.get("status") == "resolved" else got
        return got if YEAR.search(rest) else self._year_of_weekday(got, days[name])

    def _year_of_weekday(self, got: dict, weekday: int) -> dict:
        """A day and month without a year, with its weekday: the year in which that day is that
        weekday, among the year found, the year of writing (or the one before), the story's years
        (its last date's and the one it is mostly in: "w sobotę 27 marca" in a 2009 retrospective of
        1999 after "ten years later") and the years next to the one found (a 2023 explainer's
        "Sunday, September 24" after dates of 1999); none of them: unresolved."""
        d = dt.date.fromisoformat(got["start"])
        if d.weekday() == weekday:
            return got
        w = self._written
        story = [a.start.year for a in self._story if a is not None]  # "środę 24 marca" in a 2019 look back at 1999
        years = story + ([w.end.year, w.end.year - 1] if w else []) + [d.year - 1, d.year + 1]
        for y in years:
            try:
                day = d.replace(year=y)
            except ValueError:  # 29 February
                continue
            if day.weekday() == weekday:
                a = next(((x.kind, x.value) for x in self._story if x is not None and x.start.year == y), None) or (
                    (w.kind, w.value) if w and y in (w.end.year, w.end.year - 1) else (got.get("anchor"), got.get("anchor_value")))
                return {**got, **day_norm(day, anchor=a[0], anchor_value=a[1])}
        return unresolved("weekday does not agree with the date")

    def _weekday_on_day(self, weekday: int, day: int, ref, prev):
        """The day `day` of a month that falls on `weekday`, nearest the story's time (of two as
        near, the earlier), within the months from one year before to one year after it."""
        # the previous day; else a period of the story just named ("Early June 1999. On Friday the
        # eleventh"); else the date of writing
        a = self._pick(prev, None, need_day=True) or (prev if prev is not None and prev.narrative else None) \
            or self._pick(ref, None, need_day=True) or self._focus(ref, prev)
        if a is None:
            return unresolved("no anchor")
        c = a.day or a.mid
        hits = []
        for k in range(-12, 13):
            y, mo = add_months(c.year, c.month, k)
            if day <= last_day(y, mo) and dt.date(y, mo, day).weekday() == weekday:
                hits.append(dt.date(y, mo, day))
        if not hits:
            return None
        d = min(hits, key=lambda h: (abs((h - c).days), h))
        return day_norm(d, anchor=a.kind, anchor_value=a.value)

    def _nth_weekday(self, t, lang, ref, prev):
        """"the second Sunday of May", "w drugą niedzielę maja", "last Friday of April 1999": the
        n-th (or the last) weekday of that name in the month."""
        m = re.fullmatch(r"(\S+)\s+(\S+)\s+(.+)", t)
        days = self._w("weekdays", lang)
        if not m or m.group(2) not in days:
            return None
        n = int(m.group(1)) if m.group(1) in ("1", "2", "3", "4") else self._w("weekday_ordinals", lang).get(m.group(1))
        if n is None:
            return None
        got = self._parse(m.group(3), lang, ref, prev)
        if not got or got.get("status") != "resolved" or not re.fullmatch(r"\d{4}-\d\d", got["value"]):
            return got if got and got.get("status") != "resolved" else None
        first, last = dt.date.fromisoformat(got["start"]), dt.date.fromisoformat(got["end"])
        if n > 0:
            d = first + dt.timedelta(days=(days[m.group(2)] - first.weekday()) % 7 + 7 * (n - 1))
        else:
            d = last - dt.timedelta(days=(last.weekday() - days[m.group(2)]) % 7)
        if d > last:
            return None
        return {**day_norm(d), **{k: v for k, v in got.items() if k.startswith("anchor")}}

    def _epithet_weekday(self, t, lang, ref, prev):
        """"w tę rocznicową niedzielę", "tamtej pamiętnej soboty": a demonstrative, an epithet and a
        weekday are the weekday with its demonstrative."""
        w = t.split()
        if len(w) < 3 or w[0] not in self._w("shift", lang) or w[2] not in self._w("weekdays", lang) \
                or w[1] in self._w("weekdays", lang):
            return None
        return self._parse(" ".join([w[0]] + w[2:]), lang, ref, prev)

    def _weekday(self, t, lang, ref, prev):
        """A weekday alone: in the window of days around the date of writing its tense gives;
        "by Monday" (`weekday_by`) the first one after the story's last day; "the Monday"
        (`weekday_article`) the one nearest the story's last day (or days), of its week or the next
        ("On Saturday ... On the Monday": the Monday after; "9 and 10 May ... On the Monday": of their week); in a story
        told far from the date of writing (of another year, or gone on by days counted in it),
        the first one from the story's last day on."""
        days = self._w("weekdays", lang)
        if t not in days:
            return None
        if self._before in self._w("weekday_indefinite", lang):  # "on a Thursday": some Thursday, unless
            if self._near and prev is not None and prev.start.weekday() == 0 and (prev.end - prev.start).days == 6:
                d = prev.start + dt.timedelta(days=days[t])  # one of the week just named ("three weeks ago, on a Thursday")
                return day_norm(d, anchor=prev.kind, anchor_value=prev.value)
            if prev is not None and prev.day is not None and prev.day.weekday() == days[t]:
                return day_norm(prev.day, anchor=prev.kind, anchor_value=prev.value)  # the day just named: "It was a Wednesday."
            return unresolved("weekday not dated")
        # the story's last day: the previous date, else (after a period that only bounds a duration,
        # "od końca marca") the last day of the story's time
        p = self._pick(prev, self._story[0], need_day=True)
        if p is None and prev is not None and prev.narrative and (prev.end - prev.start).days == 1:
            p = Anchor(prev.kind, prev.end, prev.end, prev.value, True)  # a night of the story: its second day
        main = self._story[1]
        if (p is None and prev is not None and prev.narrative and prev.day is None and self._tense == "past"
                and 7 <= (prev.end - prev.start).days < 27 and main is not None and ref is not None
                and main.start.year != (ref.day or ref.end).year):
            # a past weekday in a retrospective whose story is at a part of a month, not a whole one ("w połowie czerwca 1999 r.
            # ... w piątek"): which of its weeks the words do not say, and it is no day of the date of writing
            return unresolved("ambiguous")
        if self._before in self._w("weekday_article", lang) and prev is not None and (prev.end - prev.start).days < 7:
            d = prev.start + dt.timedelta(days=days[t] - prev.start.weekday())  # in its Monday-Sunday week,
            gap = [(x, max((prev.start - x).days, (x - prev.end).days, 0)) for x in (d - dt.timedelta(7), d, d + dt.timedelta(7))]
            d = min(gap, key=lambda g: (g[1], g[0]))[0]  # or the week next to it, whichever is nearer the story's days
            return day_norm(d, anchor=prev.kind, anchor_value=prev.value)
        a = self._pick(ref, prev, need_day=True)
        if a is None:  # no day to count from ("that Saturday" at a month of the story): the last one the text named
            d = self._last_named(days[t])
            return unresolved("no anchor") if d is None else day_norm(d, anchor="previous_date", anchor_value=d.isoformat())
        if (prev is not None and a is ref and prev.start.weekday() == 0 and (prev.end - prev.start).days == 6
                and prev.start > a.day):  # "za tydzień, w czwartek", "next week, on Thursday": in that week
            d = prev.start + dt.timedelta(days=days[t])
            return day_norm(d, anchor=prev.kind, anchor_value=prev.value)
        lo, hi = {"past": (-6, 0), "future": (1, 7)}.get(self._tense or "", self.lx["weekday_window"])
        if (self._tense != "past" and p is not None and a is not p and p.day > a.day
                and any((d - a.day).days > hi for d in self._days)):
            # after days ahead of the date of writing, one further than a weekday alone reaches (a plan, an
            # announcement: "w przyszłą niedzielę, 16 maja ... próby w środę"): the coming one
            lo, hi = 1, 7
        named = self._named_weekday(days[t], a, p, lo)
        if named is not None:
            return named
        if self._before in self._w("weekday_by", lang) and p is not None:
            # from the story's last day; from the date of writing when that day lies ahead of it (plans)
            a, (lo, hi) = (a if a.day == p.day or (a is ref and p.day > a.day) else p), (1, 7)
        elif (p is not None and a is not p and (a.day - p.day).days > self.lx["weekday_story_days"] and self._tense != "future"
                and ((main is not None and main.start.year != a.day.year) or self._prev_counted
                     or (self._near and self._tense == "past" and p is prev))):
            # told in a story of another year than the date of writing ("15 January 1999 ... on
            # Saturday" written in 2009), or one gone on by days it counted ("On the Monday ... On
            # Tuesday"): the first day of that name from the story's last day on
            a, (lo, hi) = p, self.lx["weekday_story_window"]
        for off in range(lo, hi + 1):
            d = a.day + dt.timedelta(days=off)
            if d.weekday() == days[t]:
                return day_norm(d, anchor=a.kind, anchor_value=a.value)
        return None

    def _named_weekday(self, weekday: int, a, p, lo: int):
        """The day of that weekday the text has just named (StoryTime.days): in the window of days around
        the anchor `a` its tense gives (without a tense, from `lo` to the week ahead: the day named is the one
        meant), or in the days after the story's last day `p`; not against the tense; the latest such; else None."""
        ahead = self.lx["weekday_named_days"]
        lo, hi = {"past": (-6, 0), "future": (0, ahead + 1)}.get(self._tense or "", (lo, ahead))
        # a coming day lies after a day of the story ahead of the anchor ("wyjedzie w sobotę ... wróci we wtorek")
        after = p.day if self._tense == "future" and p is not None and p.day > a.day else None
        hits = [(d, a) for d in self._days if d.weekday() == weekday and lo <= (d - a.day).days <= hi
                and (after is None or d > after)]
        if p is not None and self._tense != "future":
            hits += [(d, p) for d in self._days if d.weekday() == weekday and 1 <= (d - p.day).days <= ahead
                     and (self._tense != "past" or d <= a.day)]
        if not hits:
            return None
        d, src = max(hits, key=lambda h: h[0])
        return day_norm(d, anchor=src.kind, anchor_value=src.value)

    def _day_alone(self, t, lang, ref, prev):
        """A day of the month alone ("on the ninth", written out: a digit by now): the day of the
        month of the previous date (a day or a month just named), else unresolved; also with that
        month said ("the 16th of that month")."""
        head, _, rest = t.partition(" ")
        if rest and rest in self._w("day_of_that_month", lang):
            t = head
        if not re.fullmatch(r"\d{1,2}", t) or not 1 <= int(t) <= 31:
            return None
        if prev is None or (prev.start.year, prev.start.month) != (prev.end.year, prev.end.month):
            return unresolved("no month named")
        if int(t) > last_day(prev.start.year, prev.start.month):
            return None
        return day_norm(prev.start.replace(day=int(t)), anchor=prev.kind, anchor_value=prev.value)

    def _day_of_month(self, t, lang, ref, prev):
        """"the last day of March", "first day of May 1999", "the last day of the month" (just named)."""
        m = re.fullmatch(r"(\w+)\s+(?:day|dzień|dniu|dnia)\s+(?:of\s+)?(.+)", t)
        which = self._w("day_of_month", lang).get(m.group(1)) if m else None
        if which is None:
            return None
        got = self._in_focus(m.group(2), lang, ref, prev) or self._parse(m.group(2), lang, ref, prev)  # "of the month"
        if not got or got.get("status") != "resolved" or not re.fullmatch(r"\d{4}(?:-\d\d)?", got["value"]):
            return got if got and got.get("status") != "resolved" else None
        d = dt.date.fromisoformat(got["end"] if which == "last" else got["start"])
        return {**day_norm(d), **{k: v for k, v in got.items() if k.startswith("anchor")}}

    def _week_of_month(self, t, lang, ref, prev):
        """"the second week of June": the n-th Monday-to-Sunday week with most of its days (four or
        more) in the month; "the last week of June" the last such week."""
        head = re.fullmatch(r"([^,]+),\s+(\w+\s+(?:week|tydzień|tygodniu|tygodnia))", t)
        if head:  # "Listopad, pierwszy tydzień", "June, second week" (a diary heading): the week of the month
            t = f"{head.group(2)} {head.group(1)}"
        w = t.split(" ", 1)
        if len(w) == 2 and self._w("units", lang).get(w[0]) == "week" and w[1][:1].isalpha():
            got = self._parse(w[1], lang, ref, prev)  # "the week of March 22": the week of that day
            if got and got.get("status") == "resolved" and got["start"] == got["end"]:
                return {**week_norm(dt.date.fromisoformat(got["start"])),
                        **{k: v for k, v in got.items() if k.startswith("anchor")}}
        full = re.fullmatch(r"(\w+)\s+full\s+(week\s+.+)", t)  # "the first full week of May": wholly in it
        t = f"{full.group(1)} {full.group(2)}" if full else t
        m = re.fullmatch(r"(\w+)\s+(?:week|tydzień|tygodniu|tygodnia)\s+(?:of\s+)?(.+)", t)
        # a written-out ordinal is a digit by now (_plain); "last" is the fifth or the last
        n = (int(m.group(1)) if m.group(1).isdigit() else self._w("ordinals", lang).get(m.group(1))) if m else None
        if n is None:
            return None
        got = self._in_focus(m.group(2), lang, ref, prev) or self._parse(m.group(2), lang, ref, prev)  # "of the month"
        if not got or got.get("status") != "resolved" or not re.fullmatch(r"\d{4}-\d\d", got["value"]):
            return got if got and got.get("status") != "resolved" else None
        first, last = dt.date.fromisoformat(got["start"]), dt.date.fromisoformat(got["end"])
        if full and n != 5:  # from the first Monday of the month
            d = first + dt.timedelta(days=(7 - first.weekday()) % 7, weeks=n - 1)
        elif n == 5:  # the last: the week of the month's last Thursday (its Monday-Sunday week has four days in it)
            d = last - dt.timedelta(days=(last.weekday() - 3) % 7)
        else:  # the n-th: from the week of the month's first Thursday
            d = first + dt.timedelta(days=(3 - first.weekday()) % 7, weeks=n - 1)
        return {**week_norm(d), **{k: v for k, v in got.items() if k.startswith("anchor")}}

    def _weekday_from_day(self, near, lang, ref, prev):
        """"Tuesday after Easter", "Friday before Christmas": the first such weekday after (before)
        the day named (data/norm/dates.yaml weekday_from_day: the direction of the word)."""
        got = self._parse(near.group(3) + (near.group(4) or ""), lang, ref, prev)
        if not got or got.get("status") != "resolved" or got["start"] != got["end"]:
            return None
        step, want = self._w("weekday_from_day", lang)[near.group(2)], self._w("weekdays", lang)[near.group(1)]
        d = dt.date.fromisoformat(got["start"]) + dt.timedelta(days=step)
        while d.weekday() != want:
            d += dt.timedelta(days=step)
        return {**day_norm(d), **{k: v for k, v in got.items() if k in ("anchor", "anchor_value")},
                "method": "weekday-from-day"}

