"""Calendar forms of DATE mentions: single dates, ranges, seasons, weekdays, decades,
centuries, holidays and the parts of a month (kosnlp.normalise.dates runs them)."""
from __future__ import annotations

import datetime as dt
import re

from .date_anaphora import as_night
from .datelex import YEAR, dateparse
from .keys import unresolved
from .timex import (
    Anchor,
    add_months,
    day_norm,
    last_day,
    make_anchor,
    month_norm,
    roman,
    span,
    year_norm,
)


class CalendarForms:
    """Methods of DateNormaliser (kosnlp.normalise.dates): each reads one form of date
    expression, `t` lower case, against the reference and previous anchors, or returns None."""

    def _century(self, t, lang, ref, prev):
        words = "|".join(re.escape(w) for w in self._w("century_words", lang))
        m = re.fullmatch(rf"([ivxlc]+|\d+|[^\W\d]+(?:-[^\W\d]+)?)(?:st|nd|rd|th)?[\s-]*(?:{words})", t)
        if not m:
            return None
        w = m.group(1)  # a digit, a Roman numeral, a written-out ordinal ("fourteenth-century", "twenty-first century")
        if not w.isdigit() and roman(w) is None:
            w = self._compound_ordinals([w], lang)[0]
            w = str(self._w("ordinal_days", lang).get(w, w))
        n = int(w) if w.isdigit() else roman(w)
        if not n:
            return None
        return span(f"{n - 1:02d}", dt.date((n - 1) * 100 + 1, 1, 1), dt.date(n * 100, 12, 31), anchor=None)

    def _decade(self, t, lang, ref, prev):
        """"the 1990s", "1990s" (TIMEX3 value "199"); "lat 90.", "lat dziewięćdziesiątych", "the
        nineties" with the century of the anchor: the latest such decade that does not start after it."""
        m = re.fullmatch(r"(1[5-9]|20)(\d)0s", t)
        if m:
            start = int(m.group(1)) * 100 + int(m.group(2)) * 10
        else:
            words, names = self._w("decade_words", lang), self._w("decade_names", lang)
            ws = t.split()
            if ws and ws[0] in names:
                ws = [""] + ws  # "the nineties": no decade word in English
            if len(ws) > 1 and ws[1] in names and (ws[0] in words or not ws[0]):
                ws[1] = f"{names[ws[1]]}0"
            m = re.fullmatch(r"(\S*)\s+(\d)0\.?(?:\s+(.+))?", " ".join(ws))
            if not m or not (m.group(1) in words or (not m.group(1) and t.split()[0] in names)):
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

    def _night_between(self, t, lang, ref, prev):
        """"nocy z szóstego na siódmego kwietnia": the two days, marked a night (what "tego samego dnia" after it is)."""
        m = re.fullmatch(r"(?:noc|nocy|nocą)\s+ze?\s+(\S+)\s+na\s+(.+)", t) \
            or re.fullmatch(r"(\d{1,2})\s+na\s+(\d.+)", t)  # "(z) 7 na 8 maja"
        if not m:
            return None
        return as_night(self._range(f"{m.group(1)} - {m.group(2)}", lang, ref, prev))

    def _years_after_word(self, t, lang, ref, prev):
        """"latach 1997–2000", "lat 1998–1999": the years; "lata" before one year is a summer's
        ("do lata 2000 r.", _season)."""
        m = re.fullmatch(r"(\S+)\s+((?:1[5-9]|20)\d\d.*)", t)
        if not m or m.group(1) not in self._w("decade_words", lang):
            return None
        if m.group(1) in self._w("seasons", lang) and re.fullmatch(r"\d{4}(?:\s+(?:r\.?|roku))?", m.group(2)):
            return None
        return self._parse(m.group(2), lang, ref, prev)

    def _season_bounds(self, code: str, year: int) -> tuple[dt.date, dt.date]:
        m0 = self.lx["season_start"][code]
        s = dt.date(year, m0, 1)
        ey, em = add_months(year, m0, 2)
        e = dt.date(ey, em, last_day(ey, em))
        return s, e

    def _season_instance(self, code: str, d: dt.date, shift: int | None, near: dt.date | None = None,
                         **extra) -> dict:
        """shift None: the latest season of that name starting on or before d; -1: the latest
        one ended before d; 0: the one containing d, else the nearest (of two as near, the one
        nearer to `near`, the date the text gave last, else the earlier); 1: the first starting after d."""
        years = range(d.year - 2, d.year + 2)
        inst = [(y, *self._season_bounds(code, y)) for y in years]
        if shift is None:
            y, s, e = [i for i in inst if i[1] <= d][-1]
        elif shift == -1:
            y, s, e = [i for i in inst if i[2] < d][-1]
        elif shift == 0:  # the one holding d, else the nearest ("this winter" said in March)
            def gap(i, x):
                return max((i[1] - x).days, (x - i[2]).days, 0)
            best = min(gap(i, d) for i in inst)
            close = [i for i in inst if gap(i, d) - best <= self.lx["season_tie_days"]]
            y, s, e = min(close, key=lambda i: (gap(i, near) if near else 0, gap(i, d)))
        else:
            y, s, e = next(i for i in inst if i[1] > d)
        return span(f"{y:04d}-{code}", s, e, **extra)

    def _season(self, t, lang, ref, prev):
        seasons = self._w("seasons", lang)
        words = [w for w in t.split() if w not in self.lx["year_words"].get(lang, [])]
        if not words or words[0] not in seasons or len(words) > 4:
            return None
        code = seasons[words[0]]
        if len(words) == 4 and words[2] in ("-", "–", "/"):  # "winter of 1998 - 99" as tokens
            words = [words[0], words[1] + "/" + words[3]]
        if len(words) > 2:
            return None
        pair = re.fullmatch(r"(\d{4})[/–-](\d{4}|\d\d)", words[1]) if len(words) == 2 else None
        if pair and len(pair.group(2)) == 2:
            pair = re.fullmatch(r"(\d{4})/(\d{4})", f"{pair.group(1)}/{pair.group(1)[:2]}{pair.group(2)}")
        if pair and code == "WI" and int(pair.group(2)) == int(pair.group(1)) + 1:
            words = [words[0], pair.group(1)]  # "zimą 1998/1999": the winter starting in December 1998
        if len(words) == 2:
            if not YEAR.fullmatch(words[1]):
                return None
            s, e = self._season_bounds(code, int(words[1]))
            return span(f"{words[1]}-{code}", s, e, anchor=None)
        a = self._focus(ref, prev)
        if a is None:
            return unresolved("no anchor")
        extra = {"anchor": a.kind, "anchor_value": a.value}
        if a.story or a.whole_year:  # the story's time, or a year: the season of its year
            y = self._nearest_year(self.lx["season_start"][code], None, a, ref, months=3)
            s, e = self._season_bounds(code, y)
            return span(f"{y:04d}-{code}", s, e, **extra)
        # from the date of writing: the season holding it, else the nearest ("latem" said in April);
        # in a past-tense sentence the latest one begun, in a future-tense one the next unless in it
        d = a.day or a.end
        if self._tense == "past" or self._since == "present":
            return self._season_instance(code, d, None, **extra)
        ahead = self._tense == "future" or self._before in self._w("season_ahead_before", lang)
        shift = 1 if ahead and self._season_instance(code, d, None)["end"] < str(d) else 0
        return self._season_instance(code, d, shift, (prev.day or prev.mid) if prev else None, **extra)

    def _range(self, t, lang, ref, prev):
        for sep in self.lx["range_separators"]:
            if sep not in t:
                continue
            left, right = t.split(sep, 1)
            left, right = left.strip(), right.strip()
            art = right.split(" ", 1)
            if len(art) == 2 and art[0] in self._w("range_articles", lang):
                right = art[1]  # "the 23rd to the 25th", "mid-May through the end of the month"
            if not left or not right:
                continue
            if re.fullmatch(r"\d{4}", left) and re.fullmatch(r"\d\d", right):
                right = left[:2] + right  # "1998-99"
            months, decades = self._w("months", lang), self._w("decade_words", lang)
            if left.split()[0] in decades and right.split()[0] not in decades:
                right = f"{left.split()[0]} {right}"  # "lat 80. i 90.": the decade word of the left
            if (left.split()[0] in months and not any(w.strip(",") in months for w in right.split())
                    and re.match(r"\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", right)):
                right = f"{left.split()[0]} {right}"  # "April 3 to 5", "Jan. 8-19": the month of the left
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
            if (not ly and left_full != left and YEAR.search(right) and lft and lft.get("status") == "resolved"
                    and lft["start"] > r["start"]):  # "grudzień i początek 2000 r.": the December before
                y = int(YEAR.search(right).group(0)) - 1
                lft = self._parse(f"{left} {y}", lang, ref, prev) or lft
            if lft and lft.get("status") == "resolved" and lft["start"] > r["start"] and not YEAR.search(right) \
                    and not ly and lft["start"][:4] != r["start"][:4]:
                # "od poniedziałku do końca marca": a right side without a year in the year of the left's day
                r2 = self._parse(f"{right} {lft['start'][:4]}", lang, ref, prev)
                r = r2 if r2 and r2.get("status") == "resolved" and r2["start"] >= lft["start"] else r
            bare = not any(c.isdigit() for c in right) and not any(w in months for w in right.split())
            if lft and lft.get("status") == "resolved" and (lft["start"] > r["start"] or bare):
                # "mid-May through the end of the month": a right side without a month or year of its own,
                # or one before the left, read from the left's time
                a = make_anchor("previous_date", lft)
                a = a and Anchor(a.kind, a.start, a.end, a.value, True)
                r2 = self._parse(right, lang, ref, a)
                r = r2 if r2 and r2.get("status") == "resolved" and r2["start"] >= lft["start"] else r
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
        this_year = [w for w in words if w in self._w("this_year", lang) or w in self._w("last_year", lang)]
        if this_year:  # "1 stycznia br.": the year of writing; "12 marca ub.r.": the one before
            when = self._written or ref  # the year of writing, not of a dateline or entry heading moved to
            if when is None:
                return unresolved("no anchor")
            back = 1 if this_year[0] in self._w("last_year", lang) else 0
            words = [w for w in words if w not in this_year]
            t = " ".join(words + [f"{(when.day or when.start).year - back:04d}"])
        words, t = self._month_words(words, t, lang, ref)
        if words is None:
            return unresolved("no anchor")
        year = YEAR.search(t)
        month = next((months[w] for w in words if w in months), None)
        day = next((int(w) for w in words if re.fullmatch(r"\d{1,2}", w)), None)
        if month is None and year is None:
            return None
        if any(not (w in months or re.fullmatch(r"\d{1,4}", w) or w.rstrip(".") in ("r", "roku", "rok")) for w in words):
            return None
        got = dateparse(lang, t)
        if got is None and month is not None:  # a case form dateparser does not know ("marcem"): the month's first form
            first = next(w for w, n in months.items() if n == month)
            got = dateparse(lang, " ".join(first if w in months else w for w in words))
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
            y = self._nearest_year(d.month, d.day if period == "day" else None, a, ref)
        if period == "day" and day is not None:
            return day_norm(dt.date(y, d.month, d.day), **extra)
        if period == "month" or (month and day is None):
            return month_norm(y, d.month, **extra)
        return year_norm(y, **extra)

    def _month_words(self, words: list[str], t: str, lang: str, ref) -> tuple[list[str] | None, str]:
        """A day with its month in Roman numerals ("12 XI") or as "bm." (bieżącego miesiąca: the
        month of the date of writing, "26 bm."; "ub.m.": the month before it): the month's name
        (and for "bm." the year of writing). (None, t) when "bm." has no date of writing to count from.
        A heading's day and month in figures ("24.03", "15.04.99") and a year of two digits ("3 IV 99")
        are read the same way."""
        fig = re.fullmatch(r"(\d{1,2})\.(0[1-9]|1[0-2])(?:\.(\d\d))?", words[0]) if len(words) == 1 else None
        if fig:
            name = next(w for w, n in self._w("months", lang).items() if n == int(fig.group(2)))
            words = [fig.group(1), name] + ([fig.group(3)] if fig.group(3) else [])
            t = " ".join(words)
        if len(words) == 3 and re.fullmatch(r"\d\d", words[2]) and re.fullmatch(r"\d{1,2}", words[0]):
            now = ref.start.year if ref is not None else 2000
            y = now // 100 * 100 + int(words[2])
            words = [*words[:2], str(y - 100 if y > now + 10 else y)]
            t = " ".join(words)
        if len(words) < 2 or not re.fullmatch(r"\d{1,2}", words[0]):
            return words, t
        names: dict[int, str] = {}
        for name, n in self._w("months", lang).items():
            names.setdefault(n, name)
        shift = self._w("this_month", lang).get(words[1])
        if shift is not None and len(words) == 2:
            if ref is None or (ref.end - ref.start).days > 31:
                return None, t
            y, m = add_months(ref.start.year, ref.start.month, shift)
            words = [words[0], names[m], f"{y:04d}"]
            return words, " ".join(words)
        n = roman(words[1])
        if n and 1 <= n <= 12 and len(words) <= 3 and words[1] not in self._w("not_roman", lang):
            words = [words[0], names[n], *words[2:]]
            return words, " ".join(words)
        return words, t
