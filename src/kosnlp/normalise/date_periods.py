"""Periods of DATE mentions counted up to or from a day ("the past ten days", "the coming
fortnight", "ostatnich ośmiu miesięcy"), the decade in focus ("this decade", "koniec dekady") and
named parts of the year that are not seasons ("przedwiośnie"), and holidays: Easter (Western or
Orthodox), Christmas, and "święta", the holidays the context names (kosnlp.normalise.dates runs them)."""
from __future__ import annotations

import datetime as dt
import re

from .datelex import YEAR
from .keys import unresolved
from .timex import day_norm, iso, last_day, months_on, roman, span


class PeriodForms:
    """Methods of DateNormaliser (kosnlp.normalise.dates): each reads one form of date
    expression, `t` lower case, against the reference and previous anchors, or returns None."""

    def _compound_ordinals(self, words: list[str], lang: str) -> list[str]:
        """"twenty-fourth", "twenty fourth" (a ten and an ordinal under ten) -> "24"."""
        tens, ordinals = self._w("ordinal_tens", lang), self._w("ordinal_days", lang)
        if not tens:
            return words
        out, i = [], 0
        while i < len(words):
            a, _, b = words[i].partition("-")
            if not b and i + 1 < len(words):
                b, step = words[i + 1], 2
            else:
                step = 1
            if a in tens and 0 < ordinals.get(b, 0) < 10:
                out.append(str(tens[a] + ordinals[b]))
                i += step
            else:
                out.append(words[i])
                i += 1
        return out

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
        y, a, extra = self._year_or_focus(words, ref, prev)
        if y is None and a is None:
            return extra
        if a is not None:
            y = self._nearest_year(m0, None, a, ref, months=m1 - m0 + 1)
        s, e = dt.date(y, m0, 1), dt.date(y, m1, last_day(y, m1))
        return span(f"{y:04d}-{m0:02d}/{y:04d}-{m1:02d}", s, e, **extra)

    def _year_or_focus(self, words, ref, prev):
        """A name with the year written after it (words[1]): (year, None, {"anchor": None}); else
        the story's focus: (None, anchor, its anchor fields); (None, None, unresolved) without one."""
        if len(words) == 2:
            return int(words[1]), None, {"anchor": None}
        a = self._focus(ref, prev)
        if a is None:
            return None, None, unresolved("no anchor")
        return None, a, {"anchor": a.kind, "anchor_value": a.value}

    def _holiday_days(self, name: str, y: int) -> tuple[dt.date, dt.date]:
        """The days of a holiday in year y: Easter Sunday (Western or Orthodox, computed), or the
        days of data/norm/dates.yaml holiday_days, or its n-th weekday of a month (weekday_holidays); "name:days"
        for Easter's holidays (Sunday-Monday)."""
        name, _, days = name.partition(":")
        base = name.removeprefix("orthodox_")
        if base in self.lx["easter_offsets"]:  # a movable feast: days counted from Easter Sunday
            from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
            d = easter(y, EASTER_ORTHODOX if name != base else EASTER_WESTERN)
            if days:
                return d, d + dt.timedelta(days=self.lx["easter_holidays_days"] - 1)
            lo, hi = self.lx["easter_offsets"][base]
            return d + dt.timedelta(days=lo), d + dt.timedelta(days=hi)
        if name in self.lx["weekday_holidays"]:  # the n-th weekday of a month (Thanksgiving)
            month, weekday, n = self.lx["weekday_holidays"][name]
            first = dt.date(y, month, 1)
            d = first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
            return d, d
        lo, hi = self.lx["holiday_days"][name]
        return dt.date.fromisoformat(f"{y:04d}-{lo}"), dt.date.fromisoformat(f"{y:04d}-{hi}")

    def _holiday_norm(self, name: str, y: int, **extra) -> dict:
        s, e = self._holiday_days(name, y)
        return {**(day_norm(s) if s == e else span(f"{iso(s)}/{iso(e)}", s, e)), **extra, "method": f"holiday:{name}"}

    def _holiday(self, t, lang, ref, prev):
        """Easter (Western, or Orthodox: said so, or the word before says so, "prawosławni ...
        obchodzą Wielkanoc" aside, or the Sunday just named is Orthodox Easter only) and Christmas
        of the story's year (data/norm/dates.yaml holidays); "święta" (the holidays) as _holidays."""
        words = t.split()  # "Wielkanoc 1999 r.": the year word after a year (not the "rok" of "Nowy Rok")
        if len(words) > 1 and words[-1] in self.lx["year_words"].get(lang, []) and YEAR.fullmatch(words[-2]):
            words = words[:-1]
        cues = self._w("orthodox_cues", lang)
        said_orthodox = len(words) > 1 and any(words[0].startswith(c) for c in cues)
        if said_orthodox and " ".join(words) not in self._w("holidays", lang):
            words = words[1:]  # "prawosławny Wielki Piątek": the feast, Orthodox (below)
        holidays = self._w("holidays", lang)
        key = next((k for k in sorted(holidays, key=len, reverse=True)
                    if " ".join(words).startswith(k) and len(k.split()) in (len(words), len(words) - 1)), None)
        name = holidays[key] if key else None
        words = [key] + words[len(key.split()):] if key else words
        if name is None or len(words) > 2 or (len(words) == 2 and not YEAR.fullmatch(words[1])):
            return None
        y, a, extra = self._year_or_focus(words, ref, prev)
        if y is None and a is None:
            return extra
        if a is not None:
            y = (a.day or a.mid).year
            if a is not ref and a.day is None and name != "holidays":
                # the story at a period (a season, a range): the feast inside it ("that winter ... before Christmas")
                y = next((y2 for y2 in (a.start.year, a.end.year)
                          if a.start <= (h := self._holiday_days(name, y2))[0] and h[1] <= a.end), y)
        if name == "holidays":
            return self._holidays(prev, ref, extra)
        if a is not None and a is ref and a.day is not None:
            # from the date of writing a tense turns it: "spent Christmas Day" in January is the last one,
            # "celebrated Easter" in March the year before; a holiday just ahead stays ("ogłosił rozejm na Wielkanoc")
            s, e = self._holiday_days(name, y)
            y += -1 if self._tense == "past" and (s - a.day).days > self.lx["holiday_near_days"] \
                else 1 if self._tense == "future" and e < a.day else 0
        # after the Orthodox Easter named as such a plain "Easter" is the other one
        contrast = self._holiday_named is not None and self._holiday_named.get("method") == "holiday:orthodox_easter"
        if name in self.lx["easter_offsets"] and (said_orthodox or any(self._before.startswith(c) for c in cues)):
            name = "orthodox_" + name
        if name == "easter" and ((prev is not None and prev.day is not None and len(words) == 1 and not contrast
                                     and prev.day == self._holiday_days("orthodox_easter", y)[0]
                                     != self._holiday_days("easter", y)[0])):
            name = "orthodox_easter"
        return self._holiday_norm(name, y, **extra)

    def _easter_sunday(self, t, lang, ref, prev):
        """"III Niedziela Wielkanocna", "the third Sunday of Easter": the n-th Sunday from Easter Sunday
        (the first), of the year written after it, else of the story's year."""
        words = t.split()
        if len(words) < 2:
            return None
        n = roman(words[0]) or (int(words[0]) if words[0].isdigit() else None)  # ordinals are digits by now
        rest = words[1:] if n else words
        name = next((k for k in self._w("easter_sundays", lang) if " ".join(rest).startswith(k)), None)
        if name is None or not n or n > 7:
            return None
        rest = [w for w in rest[len(name.split()):] if w not in self.lx["year_words"].get(lang, [])]
        if len(rest) > 1 or (rest and not YEAR.fullmatch(rest[0])):
            return None
        y, a, extra = self._year_or_focus(["", *rest], ref, prev)
        if y is None and a is None:
            return extra
        y = y if a is None else (a.day or a.mid).year
        d = self._holiday_days("easter", y)[0] + dt.timedelta(days=7 * (n - 1))
        return {**day_norm(d), **extra, "method": "holiday:easter_sunday"}

    def _named_and_date(self, t, lang, ref, prev):
        """A named day with its date after a comma, one span ("Niedziela Palmowa, 28 marca 1999 r.",
        "XI Niedziela zwykła, 13 czerwca", "prawosławną Wielkanoc, 11 kwietnia"): the date says which day."""
        head, sep, tail = t.partition(", ")
        if not sep or any(c.isdigit() for c in head) or len(head.split()) > 6 or not any(c.isdigit() for c in tail):
            return None
        got = self._parse(tail, lang, ref, prev)
        if got is None or got.get("status") != "resolved" or got.get("start") != got.get("end"):
            return None
        return self._feast_year(head, tail, got, lang, ref, prev)

    def _feast_year(self, head: str, tail: str, got: dict, lang, ref, prev) -> dict:
        """A movable feast named with its day and month ("Wielkanoc, 4 kwietnia"): the year, among the story's
        years first, else nearest the date's, not after the date of writing (but in the future tense), in which the
        feast falls on that day."""
        if YEAR.search(tail):
            return got
        feast = self._parse(head, lang, ref, prev) or {}
        name = str(feast.get("method") or "").removeprefix("holiday:")
        d = dt.date.fromisoformat(got["start"])
        if not name or feast.get("status") != "resolved" or self._holiday_days(name, d.year)[0] == d:
            return got
        last = self._written.end.year if self._written is not None and self._tense != "future" else d.year + 1
        story = {a.start.year for a in self._story if a is not None}  # the story's years first ("Easter Monday, 5 April")
        for y in sorted(range(d.year - 40, last + 1), key=lambda y: (y not in story, abs(y - d.year), y > d.year)):
            s, _ = self._holiday_days(name, y)
            if (s.month, s.day) == (d.month, d.day):
                return {**got, **day_norm(s), "method": f"holiday:{name}"}
        return got

    def _holidays(self, prev, ref, extra: dict) -> dict:
        """"święta", "świętach" (the holidays): the Easter or Christmas the text has just named, else
        the one the story's last date (else the date of writing) lies in, else the first to come
        within `holidays_ahead_days` of it ("we wrześniu ... wróciłem przed świętami": Christmas), or in a
        past-tense sentence counted from the date of writing the last within as many days before it; else unresolved."""
        named = self._holiday_named
        if named is not None:
            name = named.get("method", "").removeprefix("holiday:").partition(":")[0]
            family = "christmas" if name.startswith("christmas") else name if name.endswith("easter") else None
            if family:
                y0 = int(named["start"][:4])
                return self._holiday_norm(family + (":days" if family != "christmas" else ""), y0, **extra)
        prev = prev or ref  # no date in the text yet: the date of writing
        if prev is None:
            return unresolved("holiday not named")
        kinds = ("easter:days", "christmas")
        found = [(self._holiday_days(k, yy), k, yy) for yy in (prev.start.year - 1, prev.start.year, prev.start.year + 1)
                 for k in kinds]
        inside = [(d, k, yy) for d, k, yy in found if d[0] <= prev.end and prev.start <= d[1]]
        ahead = sorted((d, k, yy) for d, k, yy in found if prev.end < d[0]
                       and (d[0] - prev.end).days <= self.lx["holidays_ahead_days"])
        if self._tense == "past" and prev is ref:  # "spędzili święta" written after them: the last ones
            ahead = sorted(((d, k, yy) for d, k, yy in found if d[1] < prev.start
                            and (prev.start - d[1]).days <= self.lx["holidays_ahead_days"]), reverse=True)
        got = inside[:1] or ahead[:1]
        if not got:
            return unresolved("holiday not named")
        _, k, yy = got[0]
        return self._holiday_norm(k, yy, **extra)

    def _easter_named(self, norm: dict, explicit: dict) -> dict | None:
        """"kept Easter last Sunday, 11 April": the day after an Easter says which Easter (Western or Orthodox)."""
        day = dt.date.fromisoformat(explicit["start"])
        if explicit["start"] != explicit["end"] or explicit["start"] == norm.get("start"):
            return None
        for name in ("easter", "orthodox_easter"):
            if self._holiday_days(name, day.year)[0] == day:
                return self._holiday_norm(name, day.year, anchor="apposition", anchor_value=explicit["value"])
        return None
