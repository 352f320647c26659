"""Sentence segmentation with exact character offsets.

Rules, in order:
1. Every line is a unit boundary: headings, paragraphs and list items never share
   a sentence. Boilerplate lines (data/boilerplate.yaml) are dropped.
2. A list marker at the start of a line ("- ", "– ", "• ", "* ") is outside the sentence.
3. Inside a line, a sentence ends after . ! ? … (plus closing quotes/brackets) when the
   next character is upper case or an opening quote/bracket, unless the word before
   the period is an abbreviation (data/segment/abbreviations.yaml): `never_final` ones
   never end a sentence ("np.", "gen.", "U.S."), `maybe_final` ones end it only before
   a capital ("1999 r. Spotkanie" ends, "II w. ś." does not). Single capital initials
   ("J. Smith") never end one; nor does a number of up to three digits before a word
   it is the ordinal of (`ordinal_heads`: "10. Brygada").
4. A parenthesised source note that opens a unit ("(Reuter, June 10)") ends before the
   next capitalised word; a colon glued to a capital ("1999:The") ends a dateline.
5. A unit longer than MAX_UNIT_CHARS (a text without sentence punctuation, or without
   line breaks) is cut after the last whitespace before the limit (mid-word only when
   there is none), so no unit is longer than the limit.

Every step looks at a bounded stretch of text around the position it decides, so
segmenting is linear in the length of a line and of a file.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .ingest import boilerplate_rule, load_yaml_data
from .languages import language

_LINE = re.compile(r"[^\n]+")
_MARKER = re.compile(r"\s*(?:[-–—•*·▪◦]|\d{1,2}[.)])\s+")
_END = re.compile(r"[.!?…]+[\"”’»)\]]*|\)|(?<=\w):(?=[A-ZĄĆĘŁŃÓŚŹŻ])")
_OPENERS = "\"“„«'‘([–-"
MAX_UNIT_CHARS = 5_000


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    text: str


@lru_cache(maxsize=4)
def abbreviations(lang: str) -> tuple[frozenset, frozenset]:
    data = load_yaml_data("segment/abbreviations.yaml").get(lang, {})
    return frozenset(data.get("never_final", [])), frozenset(data.get("maybe_final", []))


@lru_cache(maxsize=4)
def ordinal_heads(lang: str) -> tuple[str, ...]:
    """Beginnings of the words a number with a full stop is the ordinal of ("10. Brygada")."""
    return tuple(load_yaml_data("segment/abbreviations.yaml").get(lang, {}).get("ordinal_heads", []))


_SPACE = re.compile(r"\s*")


def _word_before(line: str, end: int) -> str:
    """The word that ends at `end` (no whitespace or opening bracket or quote in it),
    found by scanning back from `end`: the cost is the word's length, not the line's."""
    start = end
    while start > 0 and not line[start - 1].isspace() and line[start - 1] not in "([\"“„«":
        start -= 1
    return line[start:end]


def _is_boundary(line: str, m: re.Match, unit_start: int, lang: str, abbrevs: tuple | None = None,
                 digit_opens: bool | None = None) -> bool:
    # Every test looks at a bounded neighbourhood of the match (the next non-space
    # character, the word before it), never copies the rest of the line: splitting a
    # line is linear in its length.
    if m.group() == ":":
        return True
    gap = _SPACE.match(line, m.end()).end()
    if gap == len(line) or gap == m.end():  # end of line, or no space after the mark
        return False
    nxt = line[gap]
    upper = nxt.isupper() or nxt in _OPENERS or (nxt.isdigit() and (language(lang).digit_opens_sentence if digit_opens is None else digit_opens))
    if not upper:
        return False
    mark = m.group()
    if mark == ")":
        first = _SPACE.match(line, unit_start).end()
        return line[first:first + 1] == "("
    if mark.startswith(".") and len(mark.rstrip("\"”’»)]")) == 1:
        word = _word_before(line, m.start())
        never, maybe = abbrevs or abbreviations(lang)
        if word in never or (len(word) == 1 and word.isupper()):
            return False
        if word in maybe:
            return nxt.isupper()
        if word.isdigit() and len(word) <= 3 and ordinal_heads(lang) and any(
                w.startswith(ordinal_heads(lang)) for w in line[gap:gap + 60].split()[:3]):
            return False  # an ordinal: "10. Brygada Kawalerii Pancernej", "18. Samodzielny Batalion"
    return True


def split_line(line: str, lang: str, abbrevs: tuple | None = None, digit_opens: bool | None = None) -> list[tuple[int, int]]:
    """Sentence (start, end) pairs inside one line, stripped of outer whitespace."""
    out, start = [], 0
    for m in _END.finditer(line):
        if m.end() <= start:
            continue
        if _is_boundary(line, m, start, lang, abbrevs, digit_opens):
            out.append((start, m.end()))
            start = m.end()
    out.append((start, len(line)))
    spans = []
    for s, e in out:
        seg = line[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            spans.append((s + ls, s + rs))
    return spans


def iter_segment(text: str, lang: str, drop_boilerplate: bool = True, abbrevs: tuple | None = None,
                 digit_opens: bool | None = None) -> Iterator[Unit]:
    """The sentence units of a document, one at a time (offsets index `text` exactly).
    `abbrevs`: (never_final, maybe_final), by default the language's `abbreviations`;
    `digit_opens`: whether a sentence may start with a digit, by default the language's
    record (kosnlp.languages)."""
    for lm in _LINE.finditer(text):
        line = lm.group()
        if not line.strip() or (drop_boilerplate and boilerplate_rule(line)):
            continue
        marker = _MARKER.match(line)
        off = marker.end() if marker else 0
        for s, e in split_line(line[off:], lang, abbrevs, digit_opens):
            for a, b in _cut_long(text, lm.start() + off + s, lm.start() + off + e):
                yield Unit(a, b, text[a:b])


def _cut_long(text: str, start: int, end: int, limit: int = MAX_UNIT_CHARS) -> Iterator[tuple[int, int]]:
    """(start, end) pieces of at most `limit` characters, cut after whitespace, stripped."""
    while end - start > limit:
        cut = start + limit
        while cut > start and not text[cut - 1].isspace():
            cut -= 1
        if cut == start:
            cut = start + limit  # one word longer than the limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield start, end


def segment(text: str, lang: str, drop_boilerplate: bool = True, abbrevs: tuple | None = None,
            digit_opens: bool | None = None) -> list[Unit]:
    """Split a document into sentence units whose offsets index `text` exactly."""
    return list(iter_segment(text, lang, drop_boilerplate, abbrevs, digit_opens))
