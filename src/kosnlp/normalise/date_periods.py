"""Periods of DATE mentions counted up to or from a day ("the past ten days", "the coming
fortnight", "ostatnich ośmiu miesięcy"), the decade in focus ("this decade", "koniec dekady") and
named parts of the year that are not seasons ("przedwiośnie") (kosnlp.normalise.dates runs them)."""
from __future__ import annotations

import datetime as dt
import re

from .datelex import YEAR
from .keys import unresolved
from .timex import iso, last_day, span


def months_on(d: dt.date, k: int) -> dt.date:
    """The same day k months on (the month's last day when it has fewer days)."""
    y, m = divmod(d.year * 12 + d.month - 1 + k, 12)
    return dt.date(y, m + 1, min(d.day, last_day(y, m + 1)))


class PeriodForms:
    """Methods of DateNormaliser (kosnlp.normalise.dates): each reads one form of date
    expression, `t` lower case, against the reference and previous anchors, or returns None."""

    def _counted_span(self, t, lang, ref, prev):
        """"the past ten days", "over the past eight months", "the coming fortnight", "najbliższych
        dwóch tygodni": the days up to (or from) the date of writing, at day granularity; in a
        past-tense sentence up to the story's last day (what someone said then). N days or weeks
        count the anchor's day in; months and years run from the same day N months before (or to
        the same day N months after)."""
        words = t.split()
        sign = self._w("span_shift", lang).get(words[0]) if len(words) > 1 else None
        if sign is None:
            return None
        units = self._w("units", lang)
        unit = units.get(words[-1])
        if unit == "fortnight" and len(words) == 2:
            n = 1
        elif len(words) > 2 and unit in ("day", "week", "fortnight", "month", "year"):
            n = self._number(words[1:-1], lang)
            if n is None or n != int(n):
                return None
        else:
            return None
        a = self._pick(ref, None, need_day=True)
        told = self._story[0]
        if self._tense == "past" and told is not None and told.day and (a is None or told.day <= a.day):
            a = told  # "he described villages emptied over the past ten days": up to the day he said it
        if a is None:
            return unresolved("no anchor")
        d, n = a.day, int(n)
        if unit in ("month", "year"):
            other = months_on(d, sign * n * (12 if unit == "year" else 1))
        else:
            days = n * {"day": 1, "week": 7, "fortnight": 14}[unit]
            other = d + dt.timedelta(days=sign * (days - 1))
        s, e = min(d, other), max(d, other)
        return span(f"{iso(s)}/{iso(e)}", s, e, anchor=a.kind, anchor_value=a.value)

    def _decade_of(self, a, shift: int = 0, **extra) -> dict:
        """The decade holding the anchor's date (a decade itself: that one), moved by `shift` decades."""
        if re.fullmatch(r"\d{3}", a.value):
            y = int(a.value) * 10
        else:
            y = (a.day or a.mid).year
            y -= y % 10
        y += 10 * shift
        return span(f"{y // 10:03d}", dt.date(y, 1, 1), dt.date(y + 9, 12, 31), **extra)

    def _named_period(self, t, lang, ref, prev):
        """A named part of the year that is no season ("przedwiośnie": February-March), of the
        year written, else at the story's time as a season."""
        words = [w for w in t.split() if w not in self.lx["year_words"].get(lang, [])]
        got = self._w("named_periods", lang).get(words[0]) if words else None
        if got is None or len(words) > 2 or (len(words) == 2 and not YEAR.fullmatch(words[1])):
            return None
        m0, m1 = got
        if len(words) == 2:
            y, extra = int(words[1]), {"anchor": None}
        else:
            a = self._focus(ref, prev)
            if a is None:
                return unresolved("no anchor")
            y = self._nearest_year(m0, None, a, ref, months=m1 - m0 + 1)
            extra = {"anchor": a.kind, "anchor_value": a.value}
        s, e = dt.date(y, m0, 1), dt.date(y, m1, last_day(y, m1))
        return span(f"{y:04d}-{m0:02d}/{y:04d}-{m1:02d}", s, e, **extra)
