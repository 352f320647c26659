"""Weekends of DATE mentions: "the first weekend of May", "the weekend of May 1-2", "last weekend",
"that weekend" (a mixin of WeekdayForms, run by kosnlp.normalise.dates)."""
from __future__ import annotations

import datetime as dt
import re

from .keys import unresolved
from .timex import span


class WeekendForms:
    """Methods of DateNormaliser (kosnlp.normalise.dates): each reads one form of date
    expression, `t` lower case, against the reference and previous anchors, or returns None."""

    def _weekend_of(self, t, lang, ref, prev):
        """"the first weekend of May", "pierwszy weekend maja": the n-th (or last) Saturday of the month
        and the Sunday after it; "the weekend of May 1-2", "weekend of 8 May": the Saturday-Sunday of
        the week of that date's first day."""
        ends = self._w("weekend", lang)
        nth = re.fullmatch(r"(\S+)\s+(\S+)\s+(?:of\s+|in\s+)?(.+)", t)
        of = re.fullmatch(r"(\S+)\s+(?:of\s+)?(.+)", t)  # "of" is dropped as a filler by now
        ords = self._w("weekday_ordinals", lang)
        if nth and nth.group(2) in ends and (nth.group(1) in ords or nth.group(1) in ("1", "2", "3", "4")):
            n, rest = ords.get(nth.group(1)) or int(nth.group(1)), nth.group(3)  # "first" is a digit by now
        elif of and of.group(1) in ends:
            n, rest = None, of.group(2)
        else:
            return None
        got = self._in_focus(rest, lang, ref, prev) or self._parse(rest, lang, ref, prev)
        if not got or got.get("status") != "resolved":
            return got
        first, last = dt.date.fromisoformat(got["start"]), dt.date.fromisoformat(got["end"])
        if n is None:
            sat = first + dt.timedelta(days=5 - first.weekday()) if first.weekday() != 6 else first - dt.timedelta(days=1)
        elif not re.fullmatch(r"\d{4}-\d\d", got["value"]):
            return None
        elif n > 0:
            sat = first + dt.timedelta(days=(5 - first.weekday()) % 7, weeks=n - 1)
        else:
            sat = last - dt.timedelta(days=(last.weekday() - 5) % 7)
        y, w, _ = sat.isocalendar()
        return span(f"{y:04d}-W{w:02d}-WE", sat, sat + dt.timedelta(days=1),
                    **{k: v for k, v in got.items() if k.startswith("anchor")})

    def _weekend(self, t, lang, ref, prev):
        """"the weekend", "last weekend", "weekend" and "this weekend" not in a past-tense sentence
        (the coming one), from
        the date of writing; "that weekend", "the following weekend" at the story's time: the
        Saturday-Sunday of the story day's Monday-Sunday week, or of the week after / before it."""
        words = t.split()
        if not words or words[-1] not in self._w("weekend", lang) or len(words) > 2:
            return None
        shift = self._w("shift", lang).get(words[0]) if len(words) == 2 else None
        sign = (1 if words[0] in self._w("following", lang) else -1 if words[0] in self._w("preceding", lang)
                else None) if len(words) == 2 else None
        if len(words) == 2 and shift is None and sign is None:
            return None
        a = self._pick(prev, ref, need_day=True) if sign else self._pick(ref, prev, need_day=True)
        if a is None:
            return unresolved("no anchor")
        d = a.day
        if a is not ref or sign:  # at the story's time: the weekend of its week
            sat = d + dt.timedelta(days=5 - d.weekday(), weeks=sign or 0)
        else:
            sat = d - dt.timedelta(days=(d.weekday() - 5) % 7)  # the latest Saturday on or before d
            if d.weekday() == 6:
                sat = d - dt.timedelta(days=1)
            # "the weekend", "this weekend" said on a weekday, not in a past-tense sentence: the coming one
            ahead = shift in (None, 0) and self._tense != "past"
            if shift == 1 and sat <= d or (ahead and sat < d - dt.timedelta(days=1)):
                sat += dt.timedelta(days=7)  # "next weekend"; "the weekend" to come said on a weekday
        y, w, _ = sat.isocalendar()
        return span(f"{y:04d}-W{w:02d}-WE", sat, sat + dt.timedelta(days=1), anchor=a.kind, anchor_value=a.value)
