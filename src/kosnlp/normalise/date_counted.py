"""Anaphoric and counted forms of DATE mentions: the period after / before the previous date,
"that spring" / "the same year" at the story's time, and counts ("ten years later", "rok później",
"przed tygodniem", "za dwa dni", "three days ago") (kosnlp.normalise.dates runs them)."""
from __future__ import annotations

import datetime as dt
import re

from .date_anaphora import COUNTED_BACK
from .keys import unresolved
from .timex import add_months, day_norm, iso, last_day, month_norm, months_on, span, week_norm, year_norm


def years_on(d: dt.date, k: int) -> dt.date:
    """The same day k years on; a month's last day stays its last (February of a leap year)."""
    y = d.year + k
    return dt.date(y, d.month, last_day(y, d.month) if d.day == last_day(d.year, d.month) else d.day)


class CountedForms:
    """Methods of DateNormaliser (kosnlp.normalise.dates): each reads one form of date
    expression, `t` lower case, against the reference and previous anchors, or returns None."""

    def restating(self, between: str, before: str | None, lang: str) -> str | None:
        """The word before a count (`before`), unless it is an "exactly" and the count restates the
        date just before it (`between`: the text between them, "ubiegły wtorek, czyli równo dwadzieścia
        lat później"): the date names the day, the count keeps its unit (None then)."""
        if before is None or before.lower() not in self._w("exactly", lang):
            return before
        words = " ".join(between.lower().split()).strip(" ,(")
        lead = words[:-len(before)].strip(" ,") if words.endswith(before.lower()) else None
        return None if lead in self._w("restating", lang) else before

    def _that(self, t, lang, ref, prev):
        """"tamtej jesieni", "that spring", "that year", "tego samego roku" (after "later" / "earlier" too:
        the words do not narrow it): the period at the
        story's time (the last narrative date, else the previous date); said from the present
        of a retrospective, the year the story is mostly in."""
        words = t.split()
        if len(words) > 2 and words[0] in self._w("within_that", lang):  # "later that year": that year
            inner = " ".join(words[1:])
            lead = inner.split()[0]
            return self._parse(inner, lang, ref, prev) if lead in self._w("that", lang) or lead in self._w("shift", lang) \
                or any(inner.startswith(p + " ") for p in self._w("same", lang)) else None
        same = next((p for p in sorted(self._w("same", lang), key=len, reverse=True) if t.startswith(p + " ")), None)
        if same:
            rest = t[len(same) + 1:]
        elif len(words) > 1 and words[0] in self._w("that", lang):
            rest = " ".join(words[1:])
        else:
            return None
        named = self._that_weekday(rest, lang)
        if named is not None:  # "that Saturday morning": the Saturday the text named
            return named
        unit = self._w("units", lang).get(rest)
        if unit == "year" and rest in self._w("seasons", lang):
            unit = None  # "tamtego lata", "tego samego lata": that summer (a singular "that"), not those years
        if unit == "day":
            return None  # "that day", "tego samego dnia": the previous date's day (_anaphoric)
        code = self._w("seasons", lang).get(rest) if unit is None and len(words) == 2 else None
        if code in self._seasons:  # "tamtej wiosny": the spring the story was most in (after a digression too)
            s, e = self._season_bounds(code, self._seasons[code])
            return span(f"{self._seasons[code]:04d}-{code}", s, e, anchor="narrative_date",
                        anchor_value=f"{self._seasons[code]:04d}-{code}")
        a = self._distal(ref, prev)
        if a is None:
            return unresolved("no anchor")
        if unit is None:
            return self._parse(rest, lang, None, a)
        if unit == "week" and a.day is None and (a.end - a.start).days > 6:
            # "that week" at a month or a year: the week of the last day the text named in it
            a = self._day_in(a, 1) or a
            if a.day is None:
                return unresolved("no week named")
        d, extra = a.day or a.mid, {"anchor": a.kind, "anchor_value": a.value}
        if unit == "week":
            return week_norm(d, **extra)
        return month_norm(d.year, d.month, **extra) if unit == "month" else year_norm(d.year, **extra)

    def _of_that_year(self, t, lang, ref, prev):
        """A day or month followed by "that year" / "tego samego roku" ("26 lutego tego samego roku",
        "March that year"): in the year of the story's time (as "that year", _that). Words that say
        this year or that year ("w czerwcu tego roku"; alone too) take the year a date without one
        would: the story's when the sentence has just given a date of it ("Wiosną 1989 r. ..., a w czerwcu
        tego roku"), else the year of writing (the demonstrative points at the present of the telling)."""
        either = next((p for p in self._w("this_or_that_year", lang) if t == p or t.endswith(" " + p)), None)
        tail = either or next((p for p in sorted(self._w("that_year", lang), key=len, reverse=True)
                               if t.endswith(" " + p)), None)
        shift = 0
        if tail is None:  # "wiosny poprzedniego roku": the year before the story's
            shifted = self._w("that_year_shifted", lang)
            tail = next((p for p in sorted(shifted, key=len, reverse=True) if t.endswith(" " + p)), None)
            if tail is None:
                return None
            shift = shifted[tail]
        a = (self._focus(ref, prev) if self._near or self._written is None else self._written) if either \
            else self._distal(ref, prev)
        if a is None:
            return unresolved("no anchor")
        year = (a.day or a.mid).year + shift
        if t == tail:
            return year_norm(year, anchor=a.kind, anchor_value=a.value)
        got = self._parse(f"{t[:-len(tail) - 1]} {year:04d}", lang, ref, prev)
        if not got or got.get("status") != "resolved":
            return got
        return {**got, "anchor": a.kind, "anchor_value": a.value}

    def _anaphoric_period(self, t, lang, ref, prev):
        """The year / month / week after or before the previous date's ("the following year", "the
        week before")."""
        m = re.fullmatch(r"(\S+)\s+(\S+)", t)
        if not m:
            return None
        sign = 1 if m.group(1) in self._w("following", lang) else -1 if m.group(1) in self._w("preceding", lang) else 0
        if not sign and self._w("period_after", lang).get(m.group(2)) and self._w("units", lang).get(m.group(1)):
            m = re.fullmatch(r"(\S+)\s+(\S+)", f"{m.group(2)} {m.group(1)}")  # "the week before": the preceding week
            sign = self._w("period_after", lang)[m.group(1)]
        days, seasons = self._w("weekdays", lang), self._w("seasons", lang)
        if sign and m.group(2) in seasons:  # "the following spring": the first one after the previous date
            # in a future-tense sentence ("spędzą tam kolejną zimę") the coming one after the date of writing
            a = self._pick(ref, None, need_day=True) if sign > 0 and self._tense == "future" else None
            a = a or self._pick(prev, ref)
            if a is None:
                return unresolved("no anchor")
            return self._season_instance(seasons[m.group(2)], a.end if sign > 0 else a.start, sign,
                                         anchor=a.kind, anchor_value=a.value)
        if sign and m.group(2) in days:  # "the following Tuesday", "w następny wtorek": after the previous day
            a = self._pick(prev, ref, need_day=True)
            if a is None:
                return unresolved("no anchor")
            if sign > 0:
                d = a.day + dt.timedelta(days=(days[m.group(2)] - a.day.weekday()) % 7 or 7)
            else:
                d = a.day - dt.timedelta(days=(a.day.weekday() - days[m.group(2)]) % 7 or 7)
            return day_norm(d, anchor=a.kind, anchor_value=a.value)
        unit = self._w("units", lang).get(m.group(2))
        if not sign or unit not in ("week", "month", "year"):
            return None
        a = self._pick(self._narrative(prev) if unit == "year" else prev, ref)
        if a is None:
            return unresolved("no anchor")
        d, extra = a.day or a.start, {"anchor": a.kind, "anchor_value": a.value}
        if unit == "week":
            return week_norm(d + dt.timedelta(weeks=sign), **extra)
        if unit == "month":
            return month_norm(*add_months(d.year, d.month, sign), **extra)
        return year_norm(d.year + sign, **extra)

    def _told_elsewhere(self, ref) -> bool:
        """Is the story's last date in another year than the date of writing? A day counted
        from the story ("dzień później", "the next day") then has no day to count from when
        the story gave none: not the date of writing."""
        told = self._story[0]
        return ref is not None and told is not None and (told.day or told.mid).year != ref.end.year

    def _count(self, t: str, lang: str) -> tuple[float, str, str] | None:
        """(n, unit, relation) of a count: "ten years later", "rok później" (a unit alone is
        one), "przed dwoma laty" / "przed rokiem" (ago), "za dwa dni" (ahead), "półtora roku
        temu" (n 1.5); else None."""
        half = self._w("and_a_half", lang)
        plus = 0.5 if half and f" {half} " in f" {t} " else 0
        words = f" {t} ".replace(f" {half} ", " ").split() if plus else t.split()
        if words and words[0] in self._w("count_before", lang) + self._w("count_after", lang):
            rel = "ago" if words[0] in self._w("count_before", lang) else "ahead"
            words = words[1:]
        elif len(words) in (2, 3, 4):
            rel, words = words[-1], words[:-1]
        else:
            return None
        if len(words) == 1 and words[0] in self._w("one_units", lang):
            words = ["1", words[0]]
        if len(words) not in (2, 3):
            return None
        n, unit = self._number(words[:-1], lang), words[-1]
        n = n + plus if n is not None else None
        unit = self._w("units", lang).get(unit)
        if unit == "fortnight" and n is not None:  # "a fortnight later": two weeks
            n, unit = n * 2, "week"
        for name in ("after", "before", "ago"):
            if rel in self._w(name, lang):
                rel = name
        if n is None or unit is None or rel not in ("after", "before", "ago", "ahead"):
            return None
        return n, unit, rel

    def _number(self, words: list[str], lang: str) -> float | None:
        """A count's number: digits, a number word, or a ten and a unit ("twenty-five", "dwadzieścia pięć")."""
        numbers, tens = self._w("numbers", lang), self._w("tens", lang)
        if len(words) == 1 and "-" in words[0]:
            words = words[0].split("-")
        if len(words) == 2:
            a, b = tens.get(words[0]), numbers.get(words[1])
            return a + b if a is not None and b is not None and 0 < b < 10 else None
        if len(words) != 1:
            return None
        w = words[0]
        return int(w) if w.isdigit() else numbers.get(w, tens.get(w, self._w("half_numbers", lang).get(w)))

    def _count_from_date(self, t, lang, ref, prev):
        """A count from a date in the mention ("two days after 24 March", "tydzień po 1 maja")."""
        words = t.split()
        rels = self._w("count_from", lang)
        cut = next((i for i, w in enumerate(words[:3]) if w in rels and i > 0), None)
        if cut is None or cut == len(words) - 1:
            return None
        got = self._count(" ".join(words[:cut] + [self._w("after", lang)[0]]), lang)
        if got is None:
            return None
        n, unit, _ = got
        if n != int(n):
            return None
        decades = unit == "decade"
        if decades:  # "dwie dekady po tamtej wiośnie": twenty years, kept at the year
            n, unit = n * 10, "year"
        base = self._parse(" ".join(words[cut + 1:]), lang, ref, prev)
        if not base or base.get("status") != "resolved":
            return base
        sign = rels[words[cut]]
        s, e = dt.date.fromisoformat(base["start"]), dt.date.fromisoformat(base["end"])
        d = e if sign > 0 else s
        extra = {k: v for k, v in base.items() if k.startswith("anchor")}
        if unit in ("day", "hour"):
            return day_norm(d + dt.timedelta(days=sign * (n if unit == "day" else n // 24)), **extra)
        if unit == "week":
            return week_norm(d + dt.timedelta(weeks=sign * n), **extra)
        if unit == "month":
            return month_norm(*add_months(d.year, d.month, sign * n), **extra)
        if not decades and re.fullmatch(r"\d{4}-(?:\d\d|[A-Z]{2})", base["value"]):  # years from a month or season: the same one
            return {**extra, "status": "resolved", "value": f"{int(base['value'][:4]) + sign * n:04d}{base['value'][4:]}",
                    "start": iso(years_on(s, sign * n)), "end": iso(years_on(e, sign * n))}
        return year_norm(d.year + sign * n, **extra)

    def _relative_count(self, t, lang, ref, prev):
        got = self._count(t, lang)
        if got is None:
            return None
        n, unit, rel = got
        if unit == "decade":  # "dekadę później": ten years
            n, unit = n * 10, "year"
        story = self._narrative(prev) if unit in ("month", "year") else prev  # "ten years later": the story's
        if unit == "month" and story is not None and story.story and (story.end - story.start).days > 31 \
                and self._story[2] is not None:
            story = self._story[2]  # months counted from the story's last date of a month or less, not "the autumn"
        day = unit in ("day", "hour")
        if rel in ("after", "before"):
            sign = 1 if rel == "after" else -1
            if day and story is not None and story.day is None:
                story = self._day_in(story, sign) or story
            a = self._pick(story, ref, need_day=day)
            if a is ref and self._told_elsewhere(ref):
                return unresolved("no anchor")
        else:  # counted from the date of writing
            sign, a = (-1 if rel == "ago" else 1), self._pick(ref, prev, need_day=day)
        if a is None:
            return unresolved("no anchor")
        base = a.day or a.start
        extra = {"anchor": a.kind, "anchor_value": a.value}
        if n != int(n):  # "półtora roku temu": counted in the next smaller unit, kept at its own
            return self._fractional(base, n, unit, sign, extra)
        if unit in ("year", "month") and a.day and self._before in self._w("exactly", lang):
            # "exactly twenty years ago", "dokładnie rok później": the anniversary, a day
            return day_norm(months_on(a.day, sign * n * (12 if unit == "year" else 1)), **extra)
        if unit == "hour":  # "dwie godziny później": the day the hours end on, at day granularity
            return day_norm(base + dt.timedelta(days=sign * (n // 24)), **extra)
        if unit == "day":
            back = {"method": COUNTED_BACK} if sign < 0 and a is story and a is not ref else {}
            return day_norm(base + dt.timedelta(days=sign * n), **extra, **back)
        if unit == "week":
            if a.day is None and (a.end - a.start).days > self.lx["week_count_anchor_days"]:
                return unresolved("weeks counted from a year")  # "A year earlier ... Three weeks earlier"
            d = base + dt.timedelta(weeks=sign * n)
            if a.day is None:  # from a period ("mid-April ... three weeks later"): both its ends counted
                last = week_norm(a.end + dt.timedelta(weeks=sign * n))
                if last["start"] != week_norm(d)["start"]:
                    return span(f"{week_norm(d)['value']}/{last['value']}", d - dt.timedelta(days=d.weekday()),
                                dt.date.fromisoformat(last["end"]), **extra)
            return week_norm(d, **extra)
        if unit == "month":
            return month_norm(*add_months(base.year, base.month, sign * n), **extra)
        if sign > 0 and ref is not None and (a is not ref or rel == "after") and base.year + n > ref.end.year:
            # told later than the date of writing (or "later" with no story date before it, as in
            # a title "Ten years later"): counted from the year the story is mostly in
            main = self._story[1]
            if main is None or main.start.year + n > ref.end.year:
                return unresolved("counted past the date of writing")
            return year_norm(main.start.year + n, anchor=main.kind, anchor_value=main.value)
        return year_norm(base.year + sign * n, **extra)

    @staticmethod
    def _fractional(base: dt.date, n: float, unit: str, sign: int, extra: dict) -> dict:
        """A count with a half ("a year and a half ago", "półtora miesiąca później"): counted in
        months (of years) or days (of months, weeks, days), at the granularity of its unit."""
        if unit in ("year", "decade"):
            y, _ = add_months(base.year, base.month, sign * round(n * (120 if unit == "decade" else 12)))
            return year_norm(y, **extra)
        days = round(n * {"month": 30.44, "week": 7, "day": 1, "hour": 1 / 24}[unit])
        d = base + dt.timedelta(days=sign * days)
        if unit == "month":
            return month_norm(d.year, d.month, **extra)
        return week_norm(d, **extra) if unit == "week" else day_norm(d, **extra)
