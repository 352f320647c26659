"""The date context of one text read in order (StoryTime, read with kosnlp.normalise.dates): the reference
date, the previous date, the story's time and year, and a report's own period."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from .date_anaphora import NARRATED
from .datelex import YEAR, lexicon
from .dates import APPOSITION, DateNormaliser
from .timex import make_anchor, season_of


class StoryTime:
    """The date context of one text read in order: the reference date (the date of
    writing; a dateline moves it), the previous date (`DateNormaliser.previous_after`), the
    last date of the story's time (`narrative`: a date written with its year or counted from
    one, not "today" or "last week") and the year most of those lie in (`main_year`; the
    first such year on a tie). The spaCy component and the gold candidates both read texts
    through it."""

    def __init__(self, reference=None, expected_year: int | None = None, present: int | None = None):
        self.reference, self.previous, self.narrative = reference, None, None
        self.written = reference  # a dateline moves the reference, not the date the text was written by
        self.years: Counter[int] = Counter()
        self.expected_year = expected_year  # before the story has given a date (StoryTime.expected)
        self.period = None  # the period a report states for itself in its first line ("30 April - 6 May 1999")
        self.present = present  # the year the text says it is written in (StoryTime.stated_present)
        self.holiday = None  # the norm of the last holiday named ("Wielkanoc"): what "święta" means after it
        self.fine = None  # the last date of the story's time of a month or less ("12 June 1999", not "the autumn")
        self.seasons: dict[str, Counter[int]] = {}  # season code -> the story's dates in each year's such season
        self.months: tuple = ()  # (month, year) of the months the text writes out with a year (StoryTime.written_months)
        self.told = None  # a period the text just gave by two dates written out in turn ("autumn 2000 ... March 2001")
        self._given = None  # the norm of the last date if it was written out with its year
        self.days: tuple = ()  # the last single days named (ISO): what a weekday alone or "that Saturday" is
        self.now = None  # the text's last day in the year of writing, not the date of writing (a travel report's day)

    @classmethod
    def of_text(cls, reference, date_texts: list[str], lang: str, present: int | None = None) -> "StoryTime":
        """The date context at the start of a text whose DATE mentions read `date_texts`, in order."""
        story = cls(reference, cls.expected(date_texts, int(str(reference)[:4]) if reference else None), present)
        story.months = cls.written_months(date_texts, lang)
        return story

    @staticmethod
    def expected(date_texts, written: int | None = None) -> int | None:
        """The year written out most often in a text's DATE mentions (the first on a tie, and the
        year of writing, `written`, only if no other is written as often: a dateline's year is not
        the story's): the story's year for what comes before its first date ("Ten years later" as a title)."""
        years = Counter(int(y) for t in date_texts for y in YEAR.findall(t))
        if not years:
            return None
        top = [y for y, n in years.items() if n == max(years.values())]
        return next((y for y in top if y != written), top[0])

    @staticmethod
    def written_months(date_texts, lang: str) -> tuple:
        """(month, year) for each month a text's DATE mentions write out with one year ("13 October 1998"),
        the first year for a month: the year of that month named before the story gave a date."""
        names, out = lexicon()["months"].get(lang, {}), {}
        for t in date_texts:
            years = YEAR.findall(t)
            if len(years) == 1:
                for w in re.findall(r"[^\W\d_]+\.?", t.lower()):
                    m = names.get(w) or names.get(w.rstrip("."))
                    if m and m not in out:
                        out[m] = int(years[0])
        return tuple(sorted(out.items()))

    @staticmethod
    def stated_present(text: str, dates: list[tuple[int, int]], lang: str) -> int | None:
        """The year a text says it is written in: a "today" with a year in apposition ("Dziś, w
        2014 r., ...", "Today, in 2019, ..."); `dates`: its DATE mentions (start, end), in order."""
        lx = lexicon()
        words, year = lx["stated_present"].get(lang, []), re.compile(lx["stated_present_year"])
        for (s1, e1), (s2, e2) in zip(dates, dates[1:]):
            if text[s1:e1].lower() in words and APPOSITION.fullmatch(text[e1:s2]):
                m = year.match(text[s2:e2])
                if m:
                    return int(m.group("year"))
        return None

    @property
    def dateline_tense(self) -> str | None:
        """The direction of a dateline's date without a year: after an earlier dateline the
        entries go forward ("future"); the first one lies before the date of writing, as any date
        of the story (None: the nearest)."""
        return "future" if self.reference != self.written else None

    @property
    def main_year(self) -> int | None:
        return self.years.most_common(1)[0][0] if self.years else self.expected_year

    @property
    def seasons_told(self) -> tuple:
        """(season code, year) of the season of each name the story was most in (the later on a tie):
        "tamtej wiosny" after a passing mention of another year's March is still the story's spring."""
        return tuple(sorted((c, max(n, key=lambda y: (n[y], y))) for c, n in self.seasons.items()))

    @property
    def anchors(self) -> dict:
        """The keyword arguments of DateNormaliser.normalise (and Resolvers.norm) but the text."""
        return {"reference": self.reference, "previous": self.previous, "narrative": self.narrative,
                "main_year": self.main_year, "written": self.written, "period": self.period, "present": self.present,
                "holiday": self.holiday, "fine": self.fine, "seasons": self.seasons_told, "told": self.told,
                "months": self.months, "now": self.now, "days": self.days}

    @property
    def key(self) -> tuple:
        """What a date's norm depends on besides its text (a memo key)."""
        def k(p):
            return (p["start"], p["end"], p["value"], p.get("anchor")) if p else None
        return (self.reference, k(self.previous), k(self.narrative), self.main_year, self.written, k(self.period),
                self.present, k(self.holiday), k(self.fine), self.seasons_told, k(self.told), self.months,
                k(self.now), self.days)

    def advance(self, norm: dict, lang: str, word_before: str | None, dateline: bool, first_line: bool = False,
                looks_back: bool = False) -> None:
        """Take in the norm of the date just read; `dateline`: DateNormaliser.dateline of it;
        `first_line`: is it on the text's first line (a title: a report's own period); `looks_back`: is it
        in a clause that looks back from the story's time (tense.looks_back)? A date written out there
        that lies years before the story's last date is a digression: the story stays where it was."""
        if looks_back and self._digression(norm):
            return
        if first_line and self.period is None and norm.get("status") == "resolved" and norm.get("anchor") is None:
            days = (dt.date.fromisoformat(norm["end"]) - dt.date.fromisoformat(norm["start"])).days + 1
            lo, hi = lexicon()["report_period_days"]
            if lo <= days <= hi:
                self.period = norm
        if norm.get("method") == NARRATED:  # the day the text narrates in its present: its "dziś"
            self.reference = norm["value"]
        w = str(self.written or "")
        if norm.get("status") == "resolved" and norm["start"] == norm["end"] and len(w) == 10 \
                and norm["start"][:4] == w[:4] and norm["start"] < w:
            self.now = norm
        if str(norm.get("method", "")).startswith("holiday:"):
            self.holiday = norm
        self._told(norm, dateline)
        if norm.get("status") == "resolved" and norm.get("start") and norm["start"] == norm["end"]:
            self.days = (*[d for d in self.days if d != norm["start"]][-(lexicon()["named_days_kept"] - 1):], norm["start"])
        old = self.previous
        if self._counted_to_present(norm):
            return  # "a decade later" from 1999 in a text of 2009: its present, not the story's next date
        self.previous = DateNormaliser.previous_after(old, norm, self.reference, lang, word_before)
        a = make_anchor("previous_date", self.previous) if self.previous is not old else None
        present = a is not None and norm.get("anchor") == "story_year" and self.reference \
            and a.start.year == int(str(self.reference)[:4])
        # under a dateline or heading ("Monday 18 January" over a diary entry) a day counted from it
        # ("this morning", "yesterday") is a day of the story
        headed = a is not None and a.day is not None and self.reference != self.written \
            and norm.get("anchor") == "reference_date"
        if a is not None and (a.narrative or headed) and not present and not self._bound_back(norm, lang, word_before):
            self.narrative = self.previous
            if (a.end - a.start).days <= 31:
                self.fine = self.previous
            if (a.end - a.start).days <= lexicon()["season_days"]:  # the season it lies in ("tamtej wiosny" after it)
                code, year = season_of(a.mid, lexicon()["season_start"])
                self.seasons.setdefault(code, Counter())[year] += 1
            if a.start.year == a.end.year:
                self.years[a.start.year] += 1
        if dateline and norm.get("start") and norm["start"] == norm["end"]:
            self.reference = norm["value"]  # what follows was written on the dateline's day


    def _told(self, norm: dict, dateline: bool) -> None:
        """Two dates written out with their years in turn, each of a season or less, the second in a later
        year and within `told_period_days` of the first's start ("jesienią 2000 r. ... w marcu 2001 r."): the
        period the story is in (`told`) until the next date written out. (Within one year the story's forward
        reading already gives the months between; "spring of 1998 ... October 1998 ... April" moves on to 1999.)
        A date after the period's end ends it too: the story has moved on past it."""
        if norm.get("status") == "resolved" and self.told is not None and norm["start"] > self.told["end"]:
            self.told = None  # the story has moved on past the period
        if norm.get("status") != "resolved" or norm.get("anchor") is not None or dateline:
            self._given = None
            return
        s, e = dt.date.fromisoformat(norm["start"]), dt.date.fromisoformat(norm["end"])
        lx = lexicon()
        if (e - s).days > lx["season_days"]:
            self._given = self.told = None
            return
        last, self.told = self._given, None
        if last is not None and last["start"] < norm["start"] and last["end"] < norm["end"] \
                and last["start"][:4] != norm["end"][:4] \
                and (e - dt.date.fromisoformat(last["start"])).days <= lx["told_period_days"]:
            self.told = {"status": "resolved", "start": last["start"], "end": norm["end"],
                         "value": f"{last['value']}/{norm['value']}"}
        self._given = norm

    def _digression(self, norm: dict) -> bool:
        """A date written with its year, not the year the text writes out most (`expected_year`), ending more than a year
        before the story's last date."""
        told = self.narrative
        if norm.get("status") != "resolved" or norm.get("anchor") is not None or not told or told.get("status") != "resolved":
            return False
        return (int(norm["start"][:4]) != self.expected_year
                and (dt.date.fromisoformat(told["start"]) - dt.date.fromisoformat(norm["end"])).days > 366)

    def _counted_to_present(self, norm: dict) -> bool:
        """Is the date a whole year counted from the story's time that is the year of writing, in a text
        whose story lies in earlier years ("which still governs it a decade later")? The text looks up to
        its present and back: the story's next day and month without a year are still the story's."""
        w, main = str(self.written or "")[:4], self.main_year
        return (norm.get("status") == "resolved" and norm.get("anchor") in ("previous_date", "narrative_date")
                and w.isdigit() and main is not None and main < int(w)
                and norm["start"] == f"{w}-01-01" and norm["end"] == f"{w}-12-31")

    def _bound_back(self, norm: dict, lang: str, word_before: str | None) -> bool:
        """Is the date, counted in the story, a bound of a duration reaching back before the
        story's last date ("koczowały tam od końca marca" after 6 April)? It is the previous
        date, but the story's time stays on its last date."""
        old = make_anchor("narrative_date", self.narrative)
        bounds = lexicon()["duration_bounds"].get(lang, [])
        return (old is not None and norm.get("anchor") is not None and (word_before or "").lower() in bounds
                and dt.date.fromisoformat(norm["end"]) < old.start)
