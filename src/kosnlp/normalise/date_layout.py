"""Where a DATE mention stands in its text's layout (kosnlp.normalise.dates runs them): a
dateline or a heading alone on its line, a date heading an entry on its line, the date of a
cited source in parentheses, a weekday just before its date. The normaliser reads a dateline's
day as the date of writing of what follows; a citation and such a weekday leave the story's time."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from . import rules
from .datelex import lexicon


@rules.derived
@lru_cache(maxsize=1)
def _day_part_words() -> frozenset[str]:
    """The words of the lexicon's parts of the day, of every language."""
    return frozenset(w for ws in lexicon()["day_parts"].values() for p in ws for w in p.split())


# a clock time beside a date in a heading ("12.06.2009, 21:14", "7 May 1999 16:00")
CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b(?!\.\d)")
# a source's name and a comma before its date in parentheses: capitalised words, "AP", "Reuters/AFP"
CITED = re.compile(r"\s*(?:[A-ZĄĆĘŁŃÓŚŹŻ][\w.&'/-]*\s*){1,4},\s*")
# after a date heading an entry on its line: its weekday in parentheses, then a stop, colon or dash and
# the entry's text ("3 May (Mon). An F-16", "12.03.1999 (piątek). Minister", "4 May 1999 - The Alliance")
ENTRY_AFTER = re.compile(r"(?:\s*\([^()\n]{1,15}\))?(?:\.|:|\s+[-–—])\s+(?=\S)")
ENTRY_PLACE = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?,\s*")  # "BRUSSELS, ", "Kukës (Albania), "
ENTRY_YEAR_WORD = re.compile(r"\b(?:r|roku)\.?$")
# a place's name the gazetteer does not know, after a comma on a heading's line ("Thursday 25 March,
# Rabanal del Camino"): capitalised words, short lower-case particles between them ("del", "nad")
_NAME = r"[A-ZĄĆĘŁŃÓŚŹŻ][\w'’.-]*(?:\s+(?:[a-ząćęłńóśźż]{1,3}\s+)?[A-ZĄĆĘŁŃÓŚŹŻ][\w'’.-]*){0,3}"
HEADING_NAME_AFTER = re.compile(r"\s*,\s*" + _NAME + r"\s*")


@rules.derived
@lru_cache(maxsize=1)
def _deictic_words() -> frozenset:
    """The deictic day words of every language ("today", "dziś"): after a dateline's dash, no range's end."""
    return frozenset(w for ws in lexicon()["deictic"].values() for w in ws)


class LayoutForms:
    """Methods of DateNormaliser (kosnlp.normalise.dates) that read a mention's place in its text."""

    @staticmethod
    def dateline(text: str, start: int, end: int, spans: list[tuple[int, int, str]],
                 starts: list[int] | None = None) -> bool:
        """Is the date at text[start:end] a dateline: alone on its line with a place name,
        other names and punctuation only ("Stenkovec (Macedonia), 16 kwietnia"; not a
        source citation "(Reuter, AP, June 10)"), or a heading, dates alone on their line
        ("Wednesday, 13 January 1999" opening a diary entry), or its field in a header of fields with a
        clock time ("kapral_bb | 12.06.2009, 21:14" over a post)? Its day is the date of writing of what follows,
        and a weekday in it follows the date of writing so far (the entries go forward).
        `starts`: when given, `spans` are sorted and these are their starts (a doc's
        mentions: those of the line are found by bisection)."""
        lo, hi = text.rfind("\n", 0, start) + 1, text.find("\n", end)
        hi = len(text) if hi < 0 else hi
        if LayoutForms._entry(text, lo, start, end, spans, starts):
            return True
        bar_l, bar_r = text.rfind("|", lo, start), text.find("|", end, hi)
        if bar_l >= 0 or bar_r >= 0:  # a header of fields ("kapral_bb | 12.06.2009, 21:14"): the date's field
            lo, hi = (bar_l + 1 if bar_l >= 0 else lo), (bar_r if bar_r >= 0 else hi)
        rest, pos, others = [], lo, []
        line = sorted(spans) if starts is None else spans[bisect_left(starts, lo):bisect_right(starts, hi)]
        for s, e, label in line:
            if s < lo or e > hi:
                continue
            if (s, e) != (start, end):
                others.append(label)
            rest.append(text[pos:s])
            pos = e
        rest.append(text[pos:hi])
        rest = CLOCK.sub(" ", "".join(rest))  # "12.06.2009, 21:14": a time of the day
        parts = _day_part_words()
        if any(w.lower() not in parts for w in re.findall(r"\w+", rest)):
            # words but a part of the day ("20 March, evening, Skopje") make it no heading, unless the
            # day opens its line and an unknown place's name follows it ("Saturday 27 March, Villafranca del Bierzo")
            return (lo > 0 and not text[lo:start].strip() and any(c.isdigit() for c in text[start:end])
                    and set(others) <= {"PLACE", "ACTOR"} and HEADING_NAME_AFTER.fullmatch(text[end:hi]) is not None)
        if "PLACE" in others:  # a place in it may be read as its state: names, no other date
            return set(others) <= {"PLACE", "ACTOR"}
        return set(others) <= {"DATE"}  # a heading: the date alone, or its weekday and its day

    @staticmethod
    def _entry(text: str, lo: int, start: int, end: int, spans: list[tuple[int, int, str]],
               starts: list[int] | None) -> bool:
        """Does the date at text[start:end] head an entry or release on its line: first on it (after a
        place and a comma only: "BRUSSELS, 4 May 1999 - The Alliance ..."), then its weekday in
        parentheses and a stop, colon or dash before the entry's text ("3 May (Mon). An F-16 went
        down", "12.03.1999 (piątek). Minister ...", "25 Mar. Day two."), a day of the month written in it? A date ending in the
        abbreviation of "year" ("24 marca 1999 r. NATO ...") begins a sentence instead."""
        if not any(c.isdigit() for c in text[start:end]):
            return False  # a weekday heading a line of a list ("Monday: 2,400 kits") is no date of writing
        if lo == 0:
            return False  # a text's opening dateline is its reference date unless the user gave one (normalise.reference)
        head = text[lo:start]
        if head.strip():
            line = spans if starts is None else spans[bisect_left(starts, lo):bisect_left(starts, start)]
            places = [(s, e) for s, e, label in line if lo <= s and e <= start and label == "PLACE"]
            if len(places) != 1 or text[lo:places[0][0]].strip() or not ENTRY_PLACE.fullmatch(text[places[0][1]:start]):
                return False
        tail = text[end:end + 40]
        m = ENTRY_AFTER.match(tail)
        if m is None and text[end - 1:end] == "." and not ENTRY_YEAR_WORD.search(text[start:end]):
            m = re.match(r"\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ])", tail)  # "25 Mar. Day two.": the abbreviation's stop ends it
        if m is None:
            return False
        nxt = end + m.end()  # a second date after a dash is a range's ("Tirana, 5 June - 7 June"),
        # not a deictic day opening the entry ("BRUSSELS, 10 May 1999 - Today marks ..."); after a stop or a
        # colon it opens the entry ("Friday, 25 December. Christmas in Prizren.")
        if not re.search(r"[-–—]", m.group(0)):
            return True
        return not any(s == nxt and label == "DATE" and text[s:e].lower() not in _deictic_words() for s, e, label in
                       (spans if starts is None else spans[bisect_left(starts, nxt):bisect_right(starts, nxt)]))

    @staticmethod
    def citation(text: str, start: int, end: int, spans: list[tuple[int, int, str]]) -> bool:
        """Is the date at text[start:end] the date of a source cited in parentheses with its
        agency or author ("(AP, 3 May 2001)", "(Reuters, June 10)"; a capitalised name not found as a
        place or date: "(Tanjug, 3 May)")? It dates the source, not
        the story: the story's time does not move."""
        lo, hi = text.rfind("(", max(0, start - 80), start), text.find(")", end, end + 8)
        if lo < 0 or hi < 0 or ")" in text[lo:start] or "\n" in text[lo:hi] or text[end:hi].strip(" .,"):
            return False
        inside = [label for s, e, label in spans if lo < s and e <= start]
        # an agency or author found, or a name not found as a place ("(Tanjug, 3 May)", "(Rzeczpospolita, 5.05.1999)")
        return "ACTOR" in inside or (not {"PLACE", "DATE"} & set(inside) and CITED.fullmatch(text[lo + 1:start]) is not None)

    def weekday_before_its_date(self, text: str, start: int, end: int, spans: list[tuple[int, int, str]],
                                lang: str, starts: list[int] | None = None) -> bool:
        """Is the date at text[start:end] a weekday found as a mention of its own just before
        the date of its day ("Saturday, March 20")? The date says which day it is: the weekday
        does not move the story's time. `starts`: as for `dateline`."""
        if " ".join(text[start:end].lower().split()) not in self._w("weekdays", lang):
            return False
        after = spans if starts is None else spans[bisect_left(starts, end):]
        nxt = min((s for s, _, label in after if label == "DATE" and s >= end), default=None)
        return nxt is not None and re.fullmatch(r"[\s,(]*", text[end:nxt]) is not None
