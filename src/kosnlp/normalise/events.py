"""The year of a day and month named with an event of the public record (kosnlp_normaliser runs it
after the date rules).

A careful reader of "after the massacre at Račak on 15 January" or "the bombing, which began on
24 March" knows the year from the event, whatever year the text was last in: a chronology in a
briefing of March 1999 that has just said "in 1998", or a retrospective written in 2019. The
calendar of events (data/norm/events.yaml, each with its source) gives each event its days and
the words that name it; a date without a year in a sentence that names an event, whose days
fall in the event's days or hold them ("Račak happens in January"), takes the event's year. Not in a sentence that marks an
anniversary or speaks of the present ("on 24 March we remember the bombing", "dziś, 24 marca,
dwadzieścia lat temu") or of the future, nor when a weekday named with the day does not fall on it
in that year.
"""
from __future__ import annotations

import datetime as dt
import re

from . import rules
from .date_counted import years_on
from .datelex import lexicon

WORD = re.compile(r"[^\W_]+", re.UNICODE)
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)|['’]\d\d\b")


def _named(words: list[str], group: list[str]) -> bool:
    """Does a word (or two words in a row) of the sentence begin with one of the group's stems?"""
    pairs = [f"{a} {b}" for a, b in zip(words, words[1:])]
    return any(w.startswith(stem) for stem in group for w in (pairs if " " in stem else words))


class Events:
    """The calendar of events of one language (data/norm/events.yaml)."""

    def __init__(self, lang: str):
        data = rules.get("events") or {}
        self.events = []
        for e in data.get("events", []):
            cues = (e.get("cues") or {}).get(lang)
            if cues:
                start, end = (dt.date.fromisoformat(str(d)) for d in e["days"])
                self.events.append((e["id"], start, end, [[str(c).lower() for c in g] for g in cues]))
        self.not_in = [str(w).lower() for w in (data.get("not_in") or {}).get(lang, [])]
        lx = lexicon()
        self.months, self.weekdays = lx["months"].get(lang, {}), lx["weekdays"].get(lang, {})
        self.shift = set(lx["shift"].get(lang, {}))

    def year(self, text: str, norm: dict, sentence: str, tense: str | None) -> dict:
        """The norm of a DATE mention `text` (the rules'), moved to the year of an event its sentence
        names whose days hold its day and month; else the norm as it is."""
        if (not self.events or norm.get("status") != "resolved" or tense == "future" or YEAR.search(text)
                or norm.get("anchor") is None):
            return norm
        own = [w.lower() for w in WORD.findall(text)]
        if not any(w in self.months for w in own) and not re.search(r"\d\s*[./]\s*\d", text):
            return norm  # a day and month written out, not a weekday or a count
        if any(w in self.shift for w in own):
            return norm  # "next Tuesday, 24 March": the words say which
        named = {self.weekdays[w] for w in own if w in self.weekdays}
        words = [w.lower() for w in WORD.findall(sentence)]
        if _named(words, self.not_in):
            return norm
        start, end = dt.date.fromisoformat(norm["start"]), dt.date.fromisoformat(norm["end"])
        if (end - start).days > 31:
            return norm
        for eid, first, last, cues in self.events:
            for year in {first.year, last.year}:
                s, e = years_on(start, year - start.year), years_on(end, year - start.year)
                if s.year == start.year or not (first <= s <= e <= last or s <= first <= last <= e) \
                        or (named and {s.weekday()} != named):  # "niedziela, 24 marca" is no Wednesday of 1999
                    continue
                if all(_named(words, g) for g in cues):
                    return self.moved(norm, year - start.year, s, e, eid)
        return norm

    @staticmethod
    def moved(norm: dict, years: int, start: dt.date, end: dt.date, eid: str) -> dict:
        """The norm on the days `start`..`end`, its value's years moved by `years`."""
        def shift(v: str) -> str:
            return re.sub(r"(?<!\d)\d{4}(?=-)", lambda m: f"{int(m.group()) + years:04d}", v)
        return {**norm, "value": "/".join(shift(v) for v in norm["value"].split("/")), "start": start.isoformat(),
                "end": end.isoformat(), "anchor": "event", "anchor_value": eid}
