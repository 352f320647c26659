"""Relative forms of DATE mentions: deictic words, anaphora, counted and shifted periods,
parts of days and the text's clean-up before parsing (kosnlp.normalise.dates runs them)."""
from __future__ import annotations

import datetime as dt
import re

from .date_anaphora import as_night
from .datelex import deictic_days
from .keys import unresolved
from .timex import SHIFTED_YEAR, add_months, day_norm, iso, last_day, month_norm, roman, span, week_norm, year_norm


class RelativeForms:
    """Methods of DateNormaliser (kosnlp.normalise.dates): each reads one form of date
    expression, `t` lower case, against the reference and previous anchors, or returns None."""

    def _plain(self, t: str, lang: str) -> str:
        """Filler words dropped ("spring of 1999"), written-out day ordinals as digits
        ("dwudziestego czwartego marca" -> "24 marca")."""
        filler = set(self._w("filler", lang))
        t = re.sub(self.lx["clock_time"], "", self._numeric(t, lang))
        t = re.sub(r"\b(\d{1,2})(?:st|nd|rd|th)\b", r"\1", t)  # "March 24th", "the 24th of March"
        words = [w for w in self._compound_ordinals(t.split(), lang) if w not in filler]
        if len(words) > 1 and words[0] in self._w("day_lead", lang) and words[1][:1].isdigit():
            words = words[1:]  # "w dniach 6-23 lutego"
        if len(words) == 2 and words[0] in self._w("year_nouns", lang) and re.fullmatch(r"\d{4}", words[1]):
            words = words[1:]  # "the year 2000"
        ordinals, out, i = self._w("ordinal_days", lang), [], 0
        words = self._nominative_days(words, lang)
        while i < len(words):
            n = ordinals.get(words[i])
            pair = " ".join(words[i:i + 2])
            if n is not None and i + 1 < len(words) and (self._w("units", lang).get(words[i + 1]) == "day"
                                                         or pair in self._w("halves", lang)):
                n = None  # "the first days of May", "first day of", "second half": a part, not a day
            if n is not None and n % 10 == 0 and n >= 20 and i + 1 < len(words) and 0 < ordinals.get(words[i + 1], 0) < 10:
                n, i = n + ordinals[words[i + 1]], i + 1
            out.append(str(n) if n is not None else words[i])
            i += 1
        return " ".join(out) if out else t

    def _nominative_days(self, words: list[str], lang: str) -> list[str]:
        """Day ordinals in the nominative as digits, before a month only ("ósmy kwietnia" -> "8 kwietnia",
        "dwudziesty czwarty marca" -> "24 marca"; "pierwszy tydzień" stays)."""
        nom, months = self._w("ordinal_days_nom", lang), self._w("months", lang)
        out, i = [], 0
        while i < len(words):
            a, b, c = words[i], words[i + 1] if i + 1 < len(words) else "", words[i + 2] if i + 2 < len(words) else ""
            if a in nom and nom[a] in (20, 30) and 0 < nom.get(b, 0) < 10 and c in months:
                out.append(str(nom[a] + nom[b]))
                i += 2
                continue
            out.append(str(nom[a]) if a in nom and b in months else a)
            i += 1
        return out

    def _numeric(self, t: str, lang: str) -> str:
        """Numeric dates with the month written out: "24.03.1999", "24 III 1999", "1999-03-24"
        (day first, as in Polish and European writing) -> "24 march 1999"."""
        names = {}
        for name, n in self._w("months", lang).items():
            names.setdefault(n, name)

        def month(m: str) -> str | None:
            n = int(m) if m.isdigit() else roman(m)
            return names.get(n) if n else None

        def sub(pattern: str, order: tuple[int, int, int], text: str) -> str:
            def one(m):
                d, mo, y = (m.group(i) for i in order)
                name = month(mo)
                return f"{int(d)} {name} {y}" if name and 1 <= int(d) <= 31 else m.group(0)
            return re.sub(pattern, one, text)
        t = sub(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", (1, 2, 3), t)
        t = sub(r"\b(\d{1,2})\s+([ivx]{1,4})\.?\s+(\d{4})\b", (1, 2, 3), t)
        return sub(r"\b(\d{4})-(\d\d)-(\d\d)\b", (3, 2, 1), t)

    def _without_day_part(self, t: str, lang: str, ref, prev) -> dict | None:
        """A part of a day before or after a day keeps that day ("Sunday evening",
        "wczoraj wieczorem", "the night of 23 March" is not covered)."""
        for part in sorted(self._w("day_parts", lang), key=len, reverse=True):
            for rest in (t[:-len(part)] if t.endswith(" " + part) else None,
                         t[len(part):] if t.startswith(part + " ") else None):
                if not rest or not rest.strip():
                    continue
                rest = re.sub(r"^(?:(?:on|of|at|w|we|z)\s+)?(?:the\s+)?", "", rest.strip())  # "midnight on 9 June", "night of the 7th"
                # "the small hours of Saturday morning": a part of a day around a part of that day
                got = self._parse(rest, lang, ref, prev) or self._without_day_part(rest, lang, ref, prev)
                # a day, or the two days a night spans ("the night of June 11-12")
                if got and (got.get("status") != "resolved" or (dt.date.fromisoformat(got["end"])
                                                                 - dt.date.fromisoformat(got["start"])).days <= 1):
                    return as_night(got)
        return None

    def _month_of_shifted_year(self, t, lang, ref, prev):
        """A month or season of last / next year ("lutym ubiegłego roku", "wiosną tego roku",
        "February last year", "spring of next year")."""
        words = t.split()
        months, seasons = self._w("months", lang), self._w("seasons", lang)
        if len(words) != 3 or (words[0] not in months and words[0] not in seasons):
            return None
        shift = self._w("shift", lang).get(words[1])
        if shift is None or self._w("units", lang).get(words[2]) != "year":
            return None
        a = self._pick(ref, prev)
        if a is None:
            return unresolved("no anchor")
        if shift and a is ref and not ref.day:  # a year-only reference is the year written about
            a = self._present  # the year the text says it is written in ("Dziś, w 2014 r."), if it does
            if a is None:
                return unresolved("reference date known only to the year")
        y = (a.day or a.mid).year + shift
        extra = {"anchor": a.kind, "anchor_value": a.value, **({"method": SHIFTED_YEAR} if shift else {})}
        if words[0] in months:
            return month_norm(y, months[words[0]], **extra)
        code = seasons[words[0]]
        s, e = self._season_bounds(code, y)
        return span(f"{y:04d}-{code}", s, e, **extra)

    def _deictic(self, t, lang, ref, prev):
        offsets = self._w("deictic_offsets", lang)
        if t not in self._w("deictic", lang) and t not in offsets:
            return None
        # counted from the time of writing: a date of the story is no substitute for a
        # reference date known only to the year
        a = self._pick(ref, None if ref is not None else prev, need_day=True)
        if a is None and self._present is not None and ref is not None \
                and (offsets[t] if t in offsets else deictic_days(lang, t)) == 0:
            # "dziś" in a text that says the year it is written in ("Dziś, w 2014 r."): that year
            return year_norm(self._present.start.year, anchor=self._present.kind, anchor_value=self._present.value)
        if a is None:
            return unresolved("reference date known only to the year" if ref is not None else "no anchor")
        word = "today" if t.split()[0] in ("this", "tonight") else t  # "this morning": the anchor day
        days = offsets[t] if t in offsets else deictic_days(lang, word)
        if days is None:
            return None
        return day_norm(a.day + dt.timedelta(days=days), anchor=a.kind, anchor_value=a.value,
                        **({} if t in offsets else {"method": "dateparser"}))

    def _part(self, t, lang, ref, prev):
        """The start / middle / end of a period ("early April", "końca roku"; of a decade, "połowie
        lat 90.", the whole decade with the mod: too vague to narrow),
        its first / last days ("pierwszych dniach kwietnia", "the last days of the year") or half
        ("drugiej połowie 1998 r."); a bare "year" / "month" / "week" is the one in focus; the
        start / middle / end of a week are its days of part_week_days ("początku tygodnia"); of a
        season, its first / second / third month ("end of that summer": August)."""
        lead = lambda name: next((p for p in sorted(self._w(name, lang), key=len, reverse=True)  # noqa: E731
                                  if t.startswith(p + " ")), None)
        tenth = lead("month_decades")
        if tenth:  # "w pierwszej dekadzie kwietnia": days 1-10 of a month
            inner = self._parse(t[len(tenth) + 1:], lang, ref, prev)
            if not inner or inner.get("status") != "resolved" or not re.fullmatch(r"\d{4}-\d\d", inner["value"]):
                return inner if inner and inner.get("status") != "resolved" else None
            mod = self._w("month_decades", lang)[tenth]
            s, (lo, hi) = dt.date.fromisoformat(inner["start"]), self.lx["part_days"][mod]
            return {**inner, "start": iso(s.replace(day=lo)), "end": iso(s.replace(day=min(hi, last_day(s.year, s.month)))),
                    "mod": mod}
        days, half = lead("days_parts"), lead("halves")
        if days or half:
            mod = self._w("days_parts", lang)[days] if days else self._w("halves", lang)[half]
            rest = t[len(days or half) + 1:]
        else:
            m = re.fullmatch(r"(\w+)[-\s]+(.+)", t)
            if not m or m.group(1) not in self._w("parts", lang):
                return None
            mod, rest = self._w("parts", lang)[m.group(1)], m.group(2)
        articles = (self._w("after_article", lang) or {}).get("articles", [])
        if rest.split(" ", 1)[0] in articles and " " in rest:  # "the end of the summer"
            rest = rest.split(" ", 1)[1]
        inner = self._in_focus(rest, lang, ref, prev) or self._parse(rest, lang, ref, prev)
        if inner is None or inner.get("status") != "resolved":
            return inner
        if "/" in inner["value"]:
            return None  # "late March and early June 1999": a range of two parts (_range)
        s, e = dt.date.fromisoformat(inner["start"]), dt.date.fromisoformat(inner["end"])
        v = inner["value"]
        if half:
            return {**inner, **self._half(v, s, e, mod)}
        if days and re.fullmatch(r"\d{4}", v):
            s = e = dt.date(s.year, 1 if mod == "START" else 12, 1)
        if re.fullmatch(r"\d{4}-\d\d", v) or (days and re.fullmatch(r"\d{4}", v)):
            lo, hi = self.lx["part_days"][mod]
            s, e = s.replace(day=lo), s.replace(day=min(hi, last_day(s.year, s.month)))
        elif re.fullmatch(r"\d{4}", v):
            lo, hi = self.lx["part_months"][mod]
            s, e = dt.date(s.year, lo, 1), dt.date(s.year, hi, last_day(s.year, hi))
        elif re.fullmatch(r"\d{4}-(?:SP|SU|FA|WI)", v) and not days:  # a season's first / middle / last month
            y, m = add_months(s.year, s.month, {"START": 0, "MID": 1, "END": 2}[mod])
            s, e = dt.date(y, m, 1), dt.date(y, m, last_day(y, m))
        elif re.fullmatch(r"\d{4}-W\d\d", v) and not (days or half):
            lo, hi = self.lx["part_week_days"][mod]
            s, e = s + dt.timedelta(days=lo - 1), s + dt.timedelta(days=hi - 1)
        return {**inner, "start": iso(s), "end": iso(e), "mod": mod}

    def _turn(self, out: dict) -> dict:
        """The turn of two months or years: from the end of the first (its last days, its last
        months) to the start of the second; of other periods the whole range."""
        a, _, b = out["value"].partition("/")
        s, e = dt.date.fromisoformat(out["start"]), dt.date.fromisoformat(out["end"])
        if re.fullmatch(r"\d{4}-\d\d", a) and re.fullmatch(r"\d{4}-\d\d", b):
            lo, hi = self.lx["part_days"]["END"][0], self.lx["part_days"]["START"][1]
            s, e = s.replace(day=lo), dt.date(e.year, e.month, hi)
        elif re.fullmatch(r"\d{4}", a) and re.fullmatch(r"\d{4}", b):
            lo, hi = self.lx["part_months"]["END"][0], self.lx["part_months"]["START"][1]
            s, e = dt.date(s.year, lo, 1), dt.date(e.year, hi, 1)
            e = e.replace(day=last_day(e.year, e.month))
        else:
            return out
        return {**out, "start": s.isoformat(), "end": e.isoformat()}

    @staticmethod
    def _half(v: str, s: dt.date, e: dt.date, h: str) -> dict:
        """The first or second half (H1 / H2) of a year, a month or a decade."""
        first = h == "H1"
        if re.fullmatch(r"\d{4}", v):
            s, e = (s, dt.date(s.year, 6, 30)) if first else (dt.date(s.year, 7, 1), e)
            return {"value": f"{v}-{h}", "start": iso(s), "end": iso(e)}
        if re.fullmatch(r"\d{4}-\d\d", v):
            s, e = (s, s.replace(day=15)) if first else (s.replace(day=16), e)
        elif re.fullmatch(r"\d{3}", v):
            s, e = (s, dt.date(s.year + 4, 12, 31)) if first else (dt.date(s.year + 5, 1, 1), e)
        return {"start": iso(s), "end": iso(e), "mod": "START" if first else "END"}

    def _in_focus(self, t, lang, ref, prev):
        """A bare "year" / "month" / "week" ("końca roku", "end of the month"): the one in focus."""
        unit = self._w("units", lang).get(t.removeprefix("the "))
        if unit not in ("year", "month", "week", "decade"):
            return None
        a = self._focus(ref, prev)
        if a is None:
            return unresolved("no anchor")
        if unit == "decade":  # "koniec dekady": the decade in focus (a part of it: the whole decade)
            return self._decade_of(a, anchor=a.kind, anchor_value=a.value)
        d, extra = a.day or a.mid, {"anchor": a.kind, "anchor_value": a.value}
        if unit == "week":
            return week_norm(d, **extra)
        return year_norm(d.year, **extra) if unit == "year" else month_norm(d.year, d.month, **extra)

    def _shifted(self, t, lang, ref, prev):
        m = re.fullmatch(r"(\w+)\s+(\w+)", t)
        if not m or m.group(1) not in self._w("shift", lang):
            return None
        shift, what = self._w("shift", lang)[m.group(1)], m.group(2)
        a = self._pick(ref, prev)
        if a is None:
            return unresolved("no anchor")
        if shift and a is ref and not ref.day:  # "last year" from a year-only reference: the year written about
            a = self._present  # unless the text says the year it is written in
            if a is None:
                return unresolved("reference date known only to the year")
        extra = {"anchor": a.kind, "anchor_value": a.value}
        d = a.day or a.mid
        months, seasons, days = self._w("months", lang), self._w("seasons", lang), self._w("weekdays", lang)
        unit = None if what in seasons else self._w("units", lang).get(what)  # "tego lata": this summer
        if unit == "week":
            rp = self._period
            if shift == 0 and rp is not None and a is ref and a.day and rp.start <= a.day <= rp.end + dt.timedelta(days=7) \
                    and (self._written is None or self._written.value == ref.value):
                # a report that states its own period ("30 April - 6 May"), issued in it or just after it;
                # under a release's own dateline ("BRUSSELS, 6 May 1999 - ..."), the week of that day
                return span(rp.value, rp.start, rp.end, anchor=rp.kind, anchor_value=rp.value)
            return week_norm(d + dt.timedelta(weeks=shift), **extra)
        if unit == "month":
            return month_norm(*add_months(d.year, d.month, shift), **extra)
        if unit == "year":
            return year_norm(d.year + shift, **extra)
        if unit == "decade":  # "this decade", "tej dekady"; "the last decade" may be the last ten years
            return self._decade_of(a, **extra) if shift == 0 else unresolved("last or next ten years or decade")
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
            if shift == -1:  # "last Tuesday": the latest before; said the day after it ("yesterday"), the one before
                delta = delta - 7 if delta > 0 else -7
                delta = -8 if delta == -1 else delta
            elif shift == 1:  # "next Thursday" said the day before it is the one a week on; "the coming" one is not
                delta = delta or 7
                delta = 8 if delta == 1 and m.group(1) not in self._w("nearest", lang) else delta
            return day_norm(d + dt.timedelta(days=delta), **extra)
        return None
