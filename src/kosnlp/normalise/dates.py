"""Date normalisation: a DATE mention -> TIMEX3-style value, first and last day, anchor.

`DateNormaliser.normalise(text, lang, reference, previous)`:
- reference: the document's reference date ("1999-06-08") or, when the manifest
  gives only the period the text is about, its year ("1999"); None if unknown;
- previous: the norm of the nearest resolved date before the mention in the text
  (`previous_after` says which date that is).
Explicit dates get anchor None. A date without a year (a day and month, a month, a
season) takes the story's time (narrative time, as HeidelTime's narrative documents):
the year of the previous date when the text wrote it with its year or counted it from
such a date; else the instance nearest the reference date, else the previous date.
A dateline ("Stenkovec (Macedonia), 16 kwietnia" alone on its line) is the date of
writing of what follows; a date restating the reference date or bounding a duration
("since 1968") does not move the story's time. Deictic words (yesterday, this week,
last fall, a weekday) count from the reference date, and only from one known to the day;
anaphoric ones (five days later, następnego dnia, the same day, the following year) from
the previous date (else the reference). Granularity follows the words: "ten years ago"
is a year, "five days later" a day, a part of a day keeps its day. Without an anchor the
mention is "unresolved: no anchor". dateparser parses single calendar expressions and
deictic words; the lexicon in data/norm/dates.yaml covers ranges, coordination,
modifiers, weekdays, seasons, weeks, weekends, decades, centuries and anaphora.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..ingest import load_yaml_data
from .keys import unresolved
from .timex import Anchor, day_norm, iso, last_day, make_anchor, month_norm, roman, span, week_norm, year_norm

YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return load_yaml_data("norm/dates.yaml")


# dateparser's base date: fixed, so that a parse never depends on the day the pipeline runs
# (a leap year, so that "29 February" parses); the mention's anchor is applied by the caller.
BASE = dt.date(2000, 1, 1)


@lru_cache(maxsize=4)
def _parser(lang: str):
    """One dateparser per language (building one costs far more than a parse)."""
    from dateparser.date import DateDataParser
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
                "RELATIVE_BASE": dt.datetime.combine(BASE, dt.time(12))}
    return DateDataParser(languages=[lang], settings=settings)


@lru_cache(maxsize=4096)
def _dateparser(lang: str, text: str) -> tuple[dt.date, str] | None:
    """(date, period) that dateparser reads in `text`, or None; the same text parses the
    same way (the parser's base is fixed), so each distinct text is parsed once."""
    got = _parser(lang).get_date_data(text)
    if got is None or got.date_obj is None:
        return None
    return got.date_obj.date(), got.period


def _deictic_days(lang: str, word: str) -> int | None:
    """The day offset dateparser gives a deictic word ("yesterday" -> -1) from its fixed
    base. The deictic words of data/norm/dates.yaml are whole days, so the offset does
    not depend on the base."""
    got = _dateparser(lang, word)
    return None if got is None else (got[0] - BASE).days


class DateNormaliser:
    def __init__(self, lex: dict | None = None):
        self.lx = lex or lexicon()

    # -- entry point ---------------------------------------------------------------
    @staticmethod
    def dateline(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> bool:
        """Is the date at text[start:end] a dateline: alone on its line with a place name,
        other names and punctuation only ("Stenkovec (Macedonia), 16 kwietnia"; not a
        source citation "(Reuter, AP, June 10)")? Its day is the date of writing of what follows."""
        lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
        hi = len(text) if hi < 0 else hi
        rest, pos, places = [], lo, 0
        for s, e, label in sorted(spans):
            if s < lo or e > hi:
                continue
            if label == "PLACE":
                places += 1
            elif label != "ACTOR" and (s, e) != (start, end):  # a place in it may be read as its state
                return False
            rest.append(text[pos:s])
            pos = e
        rest.append(text[pos:hi])
        return places > 0 and not re.search(r"\w", "".join(rest))

    @staticmethod
    def previous_after(previous: dict | None, norm: dict, reference=None, lang: str = "en",
                       word_before: str | None = None) -> dict | None:
        """The previous date for the mentions after one whose norm is `norm`. It is the
        previous date for anaphora, but not the story's time when it only restates the
        reference date (a dateline) or bounds a duration ("since 1968", "od 1989 r.")."""
        if norm.get("status") != "resolved":
            return previous
        bound = word_before is not None and word_before.lower() in lexicon()["duration_bounds"].get(lang, [])
        restated = reference is not None and len(str(reference)) == 10 and norm["value"] == str(reference)
        if norm.get("anchor") is None and restated and previous is not None:
            return previous  # a dateline inside the story keeps the story's time
        if norm.get("anchor") is None and (restated or bound):
            return {**norm, "anchor": "reference_date" if restated else "duration_bound"}
        return norm

    def normalise(self, text: str, lang: str, reference=None, previous: dict | None = None) -> dict:
        ref, prev = make_anchor("reference_date", reference), make_anchor("previous_date", previous)
        t = " ".join(text.lower().replace("’s", "").replace("'s", "").split())
        t = re.sub(r"^(the|from|since|on|in|w|we|od|z)\s+", "", t)
        t = self._plain(t, lang)
        try:
            out = self._parse(t, lang, ref, prev) or self._without_day_part(t, lang, ref, prev)
        except (ValueError, OverflowError):
            out = None
        return out or unresolved("not a calendar expression")

    def _plain(self, t: str, lang: str) -> str:
        """Filler words dropped ("spring of 1999"), written-out day ordinals as digits
        ("dwudziestego czwartego marca" -> "24 marca")."""
        filler = set(self._w("filler", lang))
        words = [w for w in t.split() if w not in filler]
        ordinals, out, i = self._w("ordinal_days", lang), [], 0
        while i < len(words):
            n = ordinals.get(words[i])
            if n is not None and n % 10 == 0 and n >= 20 and i + 1 < len(words) and 0 < ordinals.get(words[i + 1], 0) < 10:
                n, i = n + ordinals[words[i + 1]], i + 1
            out.append(str(n) if n is not None else words[i])
            i += 1
        return " ".join(out) if out else t

    def _without_day_part(self, t: str, lang: str, ref, prev) -> dict | None:
        """A part of a day before or after a day keeps that day ("Sunday evening",
        "wczoraj wieczorem", "the night of 23 March" is not covered)."""
        for part in sorted(self._w("day_parts", lang), key=len, reverse=True):
            for rest in (t[:-len(part)] if t.endswith(" " + part) else None,
                         t[len(part):] if t.startswith(part + " ") else None):
                if not rest or not rest.strip():
                    continue
                got = self._parse(rest.strip(), lang, ref, prev)
                if got and (got.get("status") != "resolved" or got["start"] == got["end"]):
                    return got
        return None

    def _parse(self, t: str, lang: str, ref: Anchor | None, prev: Anchor | None) -> dict | None:
        for f in (self._century, self._decade, self._weekday_and_date, self._day_of_month, self._week_of_month,
                  self._ago_this, self._holiday, self._night_between, self._years_after_word, self._that,
                  self._anaphoric, self._anaphoric_period, self._relative_count,
                  self._deictic, self._weekend, self._part, self._month_of_shifted_year, self._shifted,
                  self._weekday, self._season, self._range, self._single):
            got = f(t, lang, ref, prev)
            if got is not None:
                return got
        return None

    def _w(self, name: str, lang: str) -> dict | list:
        v = self.lx[name]
        return v.get(lang, v.get("en", {})) if isinstance(v, dict) and ("en" in v or "pl" in v) else v

    @staticmethod
    def _focus(ref: Anchor | None, prev: Anchor | None) -> Anchor | None:
        """The anchor of a date without a year (a day and month, a month, a season): the
        narrative time. A date the text has just given with its own year, or counted from
        such a date, puts the story's time in focus; otherwise the reference date."""
        if ref is not None and ref.value == f"{ref.start.year:04d}" and prev is not None \
                and (prev.day or prev.mid).year == ref.start.year:
            return ref  # the story is in the year the reference gives: the same year, by the reference
        if prev is not None and (ref is None or prev.narrative):
            return prev
        return ref or prev

    @staticmethod
    def _pick(first: Anchor | None, second: Anchor | None, need_day: bool = False) -> Anchor | None:
        for a in (first, second):
            if a is not None and (a.day or not need_day):
                return a
        return None

    # -- pieces --------------------------------------------------------------------
    def _century(self, t, lang, ref, prev):
        words = "|".join(re.escape(w) for w in self._w("century_words", lang))
        m = re.fullmatch(rf"([ivxlc]+|\d+)(?:st|nd|rd|th)?\s*(?:{words})", t)
        if not m:
            return None
        n = int(m.group(1)) if m.group(1).isdigit() else roman(m.group(1))
        if not n:
            return None
        return span(f"{n - 1:02d}", dt.date((n - 1) * 100 + 1, 1, 1), dt.date(n * 100, 12, 31), anchor=None)

    def _decade(self, t, lang, ref, prev):
        """"the 1990s", "1990s" (TIMEX3 value "199"); "lat 90." with the century of the anchor:
        the latest such decade that does not start after it."""
        m = re.fullmatch(r"(1[5-9]|20)(\d)0s", t)
        if m:
            start = int(m.group(1)) * 100 + int(m.group(2)) * 10
        else:
            words = self._w("decade_words", lang)
            m = re.fullmatch(r"(\S+)\s+(\d)0\.?(?:\s+(.+))?", t)
            if not m or m.group(1) not in words:
                return None
            century = None
            if m.group(3):
                c = self._century(m.group(3), lang, ref, prev)
                if not c or c.get("status") != "resolved":
                    return None
                century = int(c["start"][:4]) - 1
            a = self._pick(ref, prev)
            if century is None:
                if a is None:
                    return unresolved("no anchor")
                y = (a.day or a.start).year
                century = y - y % 100
                if century + int(m.group(2)) * 10 > y:
                    century -= 100
            start = century + int(m.group(2)) * 10
        return span(f"{start // 10:03d}", dt.date(start, 1, 1), dt.date(start + 9, 12, 31), anchor=None)

    def _weekday_and_date(self, t, lang, ref, prev):
        """A weekday before the date of its day ("Tuesday 18 May 1999", "czwartek, 3 czerwca"):
        the date; its year as for the date alone."""
        m = re.fullmatch(r"(\w+),?\s+(.*\d.*)", t)
        if not m or m.group(1) not in self._w("weekdays", lang):
            return None
        got = self._parse(m.group(2), lang, ref, prev)
        return got if got and (got.get("status") != "resolved" or got["start"] == got["end"]) else None

    def _day_of_month(self, t, lang, ref, prev):
        """"the last day of March", "first day of May 1999"."""
        m = re.fullmatch(r"(\w+)\s+(?:day|dzień|dniu|dnia)\s+(?:of\s+)?(.+)", t)
        which = self._w("day_of_month", lang).get(m.group(1)) if m else None
        if which is None:
            return None
        got = self._parse(m.group(2), lang, ref, prev)
        if not got or got.get("status") != "resolved" or not re.fullmatch(r"\d{4}-\d\d", got["value"]):
            return got if got and got.get("status") != "resolved" else None
        d = dt.date.fromisoformat(got["end"] if which == "last" else got["start"])
        return {**day_norm(d), **{k: v for k, v in got.items() if k.startswith("anchor")}}

    def _week_of_month(self, t, lang, ref, prev):
        """"the second week of June": the n-th Monday-to-Sunday week, the first holding day 1."""
        m = re.fullmatch(r"(\w+)\s+(?:week|tydzień|tygodniu|tygodnia)\s+(?:of\s+)?(.+)", t)
        # a written-out ordinal is a digit by now (_plain); "last" is the fifth or the last
        n = (int(m.group(1)) if m.group(1).isdigit() else self._w("ordinals", lang).get(m.group(1))) if m else None
        if n is None:
            return None
        got = self._parse(m.group(2), lang, ref, prev)
        if not got or got.get("status") != "resolved" or not re.fullmatch(r"\d{4}-\d\d", got["value"]):
            return got if got and got.get("status") != "resolved" else None
        first = dt.date.fromisoformat(got["start"])
        return {**week_norm(first + dt.timedelta(weeks=n - 1)), **{k: v for k, v in got.items() if k.startswith("anchor")}}

    def _ago_this(self, t, lang, ref, prev):
        """"five years ago this week", "twenty years ago this morning": the deictic period
        of the date of writing moved back."""
        m = re.fullmatch(r"(\S+\s+\S+\s+\S+)\s+(\S+\s+\S+)", t)
        if not m or ref is None or not ref.day:
            return None
        back = self._relative_count(m.group(1), lang, ref, None)
        if not back or back.get("status") != "resolved" or back.get("anchor") != "reference_date":
            return None
        years = ref.day.year - dt.date.fromisoformat(back["start"]).year
        try:
            moved = ref.day.replace(year=ref.day.year - years)
        except ValueError:  # 29 February
            moved = ref.day.replace(year=ref.day.year - years, day=28)
        got = self._parse(m.group(2), lang, make_anchor("reference_date", iso(moved)), None)
        if not got or got.get("status") != "resolved":
            return None
        return {**got, "anchor": "reference_date", "anchor_value": ref.value}

    def _holiday(self, t, lang, ref, prev):
        """Easter (Western) and Christmas of the story's year (data/norm/dates.yaml holidays)."""
        words = t.split()
        name = self._w("holidays", lang).get(words[0]) if words else None
        if name is None or len(words) > 2 or (len(words) == 2 and not YEAR.fullmatch(words[1])):
            return None
        if len(words) == 2:
            y, extra = int(words[1]), {"anchor": None}
        else:
            a = self._focus(ref, prev)
            if a is None:
                return unresolved("no anchor")
            y = (a.day or a.mid).year
            extra = {"anchor": a.kind, "anchor_value": a.value}
        if name == "easter":
            from dateutil.easter import easter
            d = easter(y)
            return {**day_norm(d), **extra}
        lo, hi = self.lx["holiday_days"][name]
        return span(f"{y:04d}-{lo}/{y:04d}-{hi}" if lo != hi else f"{y:04d}-{lo}",
                    dt.date.fromisoformat(f"{y:04d}-{lo}"), dt.date.fromisoformat(f"{y:04d}-{hi}"), **extra)

    def _that(self, t, lang, ref, prev):
        """"tamtej jesieni", "that spring": the period at the story's time (the previous date)."""
        words = t.split()
        if len(words) < 2 or words[0] not in self._w("that", lang):
            return None
        if prev is None:
            return unresolved("no anchor")
        return self._parse(" ".join(words[1:]), lang, None, prev)

    def _night_between(self, t, lang, ref, prev):
        """"nocy z szóstego na siódmego kwietnia": the two days."""
        m = re.fullmatch(r"(?:noc|nocy|nocą)\s+z\s+(\S+)\s+na\s+(.+)", t)
        if not m:
            return None
        return self._range(f"{m.group(1)} - {m.group(2)}", lang, ref, prev)

    def _years_after_word(self, t, lang, ref, prev):
        """"latach 1997–2000", "lat 1998–1999": the years."""
        m = re.fullmatch(r"(\S+)\s+((?:1[5-9]|20)\d\d.*)", t)
        if not m or m.group(1) not in self._w("decade_words", lang):
            return None
        return self._parse(m.group(2), lang, ref, prev)

    def _anaphoric_period(self, t, lang, ref, prev):
        """The year / month / week after or before the previous date's ("the following year")."""
        m = re.fullmatch(r"(\S+)\s+(\S+)", t)
        if not m:
            return None
        sign = 1 if m.group(1) in self._w("following", lang) else -1 if m.group(1) in self._w("preceding", lang) else 0
        unit = self._w("units", lang).get(m.group(2))
        if not sign or unit not in ("week", "month", "year"):
            return None
        a = self._pick(prev, ref)
        if a is None:
            return unresolved("no anchor")
        d, extra = a.day or a.start, {"anchor": a.kind, "anchor_value": a.value}
        if unit == "week":
            return week_norm(d + dt.timedelta(weeks=sign), **extra)
        if unit == "month":
            k = d.year * 12 + d.month - 1 + sign
            return month_norm(k // 12, k % 12 + 1, **extra)
        return year_norm(d.year + sign, **extra)

    def _month_of_shifted_year(self, t, lang, ref, prev):
        """A month of last / next year ("lutym ubiegłego roku", "February last year")."""
        words = t.split()
        if len(words) != 3 or words[0] not in self._w("months", lang):
            return None
        shift = self._w("shift", lang).get(words[1])
        if shift is None or self._w("units", lang).get(words[2]) != "year":
            return None
        a = self._pick(ref, prev)
        if a is None:
            return unresolved("no anchor")
        return month_norm((a.day or a.mid).year + shift, self._w("months", lang)[words[0]],
                          anchor=a.kind, anchor_value=a.value)

    def _anaphoric(self, t, lang, ref, prev):
        for name, delta in (("next_day", 1), ("previous_day", -1), ("same_day", 0)):
            if t in self._w(name, lang):
                a = self._pick(prev, ref, need_day=True)
                if a is None:
                    return unresolved("no anchor")
                return day_norm(a.day + dt.timedelta(days=delta), anchor=a.kind, anchor_value=a.value)
        return None

    def _relative_count(self, t, lang, ref, prev):
        m = re.fullmatch(r"(\S+)\s+(\S+)\s+(\S+)", t)
        if not m:
            return None
        num, unit, rel = m.groups()
        n = int(num) if num.isdigit() else self._w("numbers", lang).get(num)
        unit = self._w("units", lang).get(unit)
        if n is None or unit is None:
            return None
        if rel in self._w("after", lang):
            sign, a = 1, self._pick(prev, ref, need_day=unit == "day")
        elif rel in self._w("before", lang):
            sign, a = -1, self._pick(prev, ref, need_day=unit == "day")
        elif rel in self._w("ago", lang):
            sign, a = -1, self._pick(ref, prev, need_day=unit == "day")
        else:
            return None
        if a is None:
            return unresolved("no anchor")
        base = a.day or a.start
        extra = {"anchor": a.kind, "anchor_value": a.value}
        if unit == "day":
            return day_norm(base + dt.timedelta(days=sign * n), **extra)
        if unit == "week":
            d = base + dt.timedelta(weeks=sign * n)
            return week_norm(d, **extra)
        if unit == "month":
            k = base.year * 12 + base.month - 1 + sign * n
            return month_norm(k // 12, k % 12 + 1, **extra)
        return year_norm(base.year + sign * n, **extra)

    def _deictic(self, t, lang, ref, prev):
        if t not in self._w("deictic", lang):
            return None
        # counted from the time of writing: a date of the story is no substitute for a
        # reference date known only to the year
        a = self._pick(ref, None if ref is not None else prev, need_day=True)
        if a is None:
            return unresolved("no anchor")
        word = "today" if t.split()[0] in ("this", "tonight") else t  # "this morning": the anchor day
        days = _deictic_days(lang, word)
        if days is None:
            return None
        return day_norm(a.day + dt.timedelta(days=days), anchor=a.kind, anchor_value=a.value, method="dateparser")

    def _weekend(self, t, lang, ref, prev):
        words = t.split()
        if not words or words[-1] not in self._w("weekend", lang) or len(words) > 2:
            return None
        shift = self._w("shift", lang).get(words[0]) if len(words) == 2 else None
        if len(words) == 2 and shift is None:
            return None
        a = self._pick(ref, prev, need_day=True)
        if a is None:
            return unresolved("no anchor")
        d = a.day
        sat = d - dt.timedelta(days=(d.weekday() - 5) % 7)  # the latest Saturday on or before d
        if d.weekday() == 6:
            sat = d - dt.timedelta(days=1)
        if shift == 1 and sat <= d:
            sat += dt.timedelta(days=7)
        y, w, _ = sat.isocalendar()
        return span(f"{y:04d}-W{w:02d}-WE", sat, sat + dt.timedelta(days=1), anchor=a.kind, anchor_value=a.value)

    def _part(self, t, lang, ref, prev):
        parts = self._w("parts", lang)
        m = re.fullmatch(r"(\w+)[-\s]+(.+)", t)
        if not m or m.group(1) not in parts:
            return None
        mod = parts[m.group(1)]
        inner = self._parse(m.group(2), lang, ref, prev)
        if inner is None or inner.get("status") != "resolved":
            return inner
        s, e = dt.date.fromisoformat(inner["start"]), dt.date.fromisoformat(inner["end"])
        v = inner["value"]
        if re.fullmatch(r"\d{4}-\d\d", v):
            lo, hi = self.lx["part_days"][mod]
            s, e = s.replace(day=lo), s.replace(day=min(hi, last_day(s.year, s.month)))
        elif re.fullmatch(r"\d{4}", v):
            lo, hi = self.lx["part_months"][mod]
            s, e = dt.date(s.year, lo, 1), dt.date(s.year, hi, last_day(s.year, hi))
        return {**inner, "start": iso(s), "end": iso(e), "mod": mod}

    def _shifted(self, t, lang, ref, prev):
        m = re.fullmatch(r"(\w+)\s+(\w+)", t)
        if not m or m.group(1) not in self._w("shift", lang):
            return None
        shift, what = self._w("shift", lang)[m.group(1)], m.group(2)
        a = self._pick(ref, prev)
        if a is None:
            return unresolved("no anchor")
        extra = {"anchor": a.kind, "anchor_value": a.value}
        d = a.day or a.mid
        unit = self._w("units", lang).get(what)
        if unit == "week":
            return week_norm(d + dt.timedelta(weeks=shift), **extra)
        if unit == "month":
            k = d.year * 12 + d.month - 1 + shift
            return month_norm(k // 12, k % 12 + 1, **extra)
        if unit == "year":
            return year_norm(d.year + shift, **extra)
        months, seasons, days = self._w("months", lang), self._w("seasons", lang), self._w("weekdays", lang)
        if what in months:
            y = d.year + (shift if shift else 0)
            if shift == -1 and months[what] < d.month:
                y = d.year
            if shift == 1 and months[what] > d.month:
                y = d.year
            return month_norm(y, months[what], **extra)
        if what in seasons:
            return self._season_instance(seasons[what], d, shift, **extra)
        if what in days and a.day:
            delta = (days[what] - d.weekday()) % 7
            if shift == -1:
                delta = delta - 7 if delta > 0 else -7
            elif shift == 1:
                delta = delta or 7
            return day_norm(d + dt.timedelta(days=delta), **extra)
        return None

    def _season_bounds(self, code: str, year: int) -> tuple[dt.date, dt.date]:
        m0 = self.lx["season_start"][code]
        s = dt.date(year, m0, 1)
        k = year * 12 + m0 - 1 + 2
        e = dt.date(k // 12, k % 12 + 1, last_day(k // 12, k % 12 + 1))
        return s, e

    def _season_instance(self, code: str, d: dt.date, shift: int | None, **extra) -> dict:
        """shift None: the latest season of that name starting on or before d; -1: the latest
        one ended before d; 0: the one containing d, else the nearest; 1: the first starting after d."""
        years = range(d.year - 2, d.year + 2)
        inst = [(y, *self._season_bounds(code, y)) for y in years]
        if shift is None:
            y, s, e = [i for i in inst if i[1] <= d][-1]
        elif shift == -1:
            y, s, e = [i for i in inst if i[2] < d][-1]
        elif shift == 0:  # the one holding d, else the nearest ("this winter" said in March)
            y, s, e = min(inst, key=lambda i: max((i[1] - d).days, (d - i[2]).days, 0))
        else:
            y, s, e = next(i for i in inst if i[1] > d)
        return span(f"{y:04d}-{code}", s, e, **extra)

    def _weekday(self, t, lang, ref, prev):
        days = self._w("weekdays", lang)
        if t not in days:
            return None
        a = self._pick(ref, prev, need_day=True)
        if a is None:
            return unresolved("no anchor")
        lo, hi = self.lx["weekday_window"]
        for off in range(lo, hi + 1):
            d = a.day + dt.timedelta(days=off)
            if d.weekday() == days[t]:
                return day_norm(d, anchor=a.kind, anchor_value=a.value)
        return None

    def _season(self, t, lang, ref, prev):
        seasons = self._w("seasons", lang)
        words = [w for w in t.split() if w not in self.lx["year_words"].get(lang, [])]
        if not words or words[0] not in seasons or len(words) > 2:
            return None
        code = seasons[words[0]]
        if len(words) == 2:
            if not YEAR.fullmatch(words[1]):
                return None
            s, e = self._season_bounds(code, int(words[1]))
            return span(f"{words[1]}-{code}", s, e, anchor=None)
        a = self._focus(ref, prev)
        if a is None:
            return unresolved("no anchor")
        extra = {"anchor": a.kind, "anchor_value": a.value}
        if a.narrative and a.kind == "previous_date":  # the story's time: the season of its year
            y = self._nearest_year(self.lx["season_start"][code], 15, a, ref)
            s, e = self._season_bounds(code, y)
            return span(f"{y:04d}-{code}", s, e, **extra)
        # from the date of writing: the season holding it, else the nearest ("latem" said in April)
        return self._season_instance(code, a.day or a.end, 0, **extra)

    def _range(self, t, lang, ref, prev):
        for sep in self.lx["range_separators"]:
            if sep not in t:
                continue
            left, right = t.split(sep, 1)
            left, right = left.strip(), right.strip()
            if not left or not right:
                continue
            r = self._parse(right, lang, ref, prev)
            if r and r.get("reason") == "no anchor":
                return r
            if not r or r.get("status") != "resolved":
                continue
            # the left side inherits what it lacks from the right: "23-25 kwietnia 1999", "March-June 1999"
            ly = YEAR.search(left)
            left_full = left
            rest = right.split()
            if re.fullmatch(r"\d{1,2}", left) and len(rest) > 1:
                left_full = " ".join([left] + rest[1:])
            elif not ly and YEAR.search(right):
                left_full = f"{left} {YEAR.search(right).group(0)}"
            lft = self._parse(left_full, lang, ref, prev)
            if not lft or lft.get("status") != "resolved" or lft["start"] > r["start"]:
                continue
            anchor = lft.get("anchor") or r.get("anchor")
            out = span(f"{lft['value']}/{r['value']}", dt.date.fromisoformat(lft["start"]),
                       dt.date.fromisoformat(r["end"]), anchor=anchor)
            if anchor:
                out["anchor_value"] = lft.get("anchor_value") or r.get("anchor_value")
            return out
        return None

    def _single(self, t, lang, ref, prev):
        months = self._w("months", lang)
        words = [w for w in re.split(r"[\s,]+", t) if w and w not in self.lx["year_words"].get(lang, [])]
        if not words:
            return None
        this_year = [w for w in words if w in self._w("this_year", lang)]
        if this_year:  # "1 stycznia br.": the year of writing
            if ref is None:
                return unresolved("no anchor")
            words = [w for w in words if w not in this_year]
            t = " ".join(words + [f"{(ref.day or ref.start).year:04d}"])
        year = YEAR.search(t)
        month = next((months[w] for w in words if w in months), None)
        day = next((int(w) for w in words if re.fullmatch(r"\d{1,2}", w)), None)
        if month is None and year is None:
            return None
        if any(not (w in months or re.fullmatch(r"\d{1,4}", w) or w.rstrip(".") in ("r", "roku", "rok")) for w in words):
            return None
        got = _dateparser(lang, t)
        if got is None:
            return None
        d, period = got
        if year:
            extra = {"anchor": None, "method": "dateparser"}
            y = int(year.group(0))
        else:
            a = self._focus(ref, prev)
            if a is None:
                return unresolved("no anchor")
            extra = {"anchor": a.kind, "anchor_value": a.value, "method": "dateparser"}
            y = self._nearest_year(d.month, d.day if period == "day" else 15, a, ref)
        if period == "day" and day is not None:
            return day_norm(dt.date(y, d.month, d.day), **extra)
        if period == "month" or (month and day is None):
            return month_norm(y, d.month, **extra)
        return year_norm(y, **extra)

    @staticmethod
    def _nearest_year(month: int, day: int, a: Anchor, ref: Anchor | None = None) -> int:
        """The year of a day and month (or month): a year anchor's year; the story's year when
        the anchor is the story's time; else the instance nearest the reference date."""
        if a.start.year == a.end.year and a.start.month == 1 and a.end.month == 12 and a.end.day == 31 and a.start.day == 1:
            return a.start.year  # a year anchor: that year
        c = a.day or a.mid
        if a.narrative and a.kind == "previous_date":
            # the story's year (HeidelTime's narrative documents), or the next one when the date
            # lies before the story's and the next year's is nearer, a step back counting
            # `narrative_backward_weight` times as far: a story mostly moves forward
            back = (c - dt.date(c.year, month, min(day, last_day(c.year, month)))).days
            ahead = (dt.date(c.year + 1, month, min(day, last_day(c.year + 1, month))) - c).days
            y = c.year + 1 if back > 0 and back * lexicon()["narrative_backward_weight"] > ahead else c.year
            # the story is told after it happened: not later than the date of writing
            if ref is not None and dt.date(y, month, 1) > ref.end:
                y -= 1
            return y
        return min((c.year - 1, c.year, c.year + 1),
                   key=lambda y: (abs((dt.date(y, month, min(day, last_day(y, month))) - c).days), y > c.year))


class StoryTime:
    """The date context of one text read in order: the reference date (the date of
    writing; a dateline moves it) and the previous date (`DateNormaliser.previous_after`).
    The spaCy component and the gold candidates both read texts through it."""

    def __init__(self, reference=None):
        self.reference, self.previous = reference, None

    @property
    def key(self) -> tuple:
        """What a date's norm depends on besides its text (a memo key)."""
        p = self.previous
        return self.reference, (p["start"], p["end"], p["value"], p.get("anchor")) if p else None

    def advance(self, norm: dict, lang: str, word_before: str | None, dateline: bool) -> None:
        """Take in the norm of the date just read; `dateline`: DateNormaliser.dateline of it."""
        self.previous = DateNormaliser.previous_after(self.previous, norm, self.reference, lang, word_before)
        if dateline and norm.get("start") and norm["start"] == norm["end"]:
            self.reference = norm["value"]  # what follows was written on the dateline's day
