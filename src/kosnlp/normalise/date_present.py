"""Does a sentence speak of the present of writing? `present_cue(sentence, lang)` reads the cues of
data/norm/dates.yaml `present_cues`: a word of the present ("today", "dziś", "this time") gives True; an
anniversary with its ordinal count ("the fifteenth anniversary", "w dziesiątą rocznicę") gives the count,
which DateNormaliser checks against the years the story is in (YearChoice._present_of_writing)."""
from __future__ import annotations

import re
from functools import lru_cache

from . import rules
from .datelex import lexicon

WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
NUMERAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th|\.)?")


@rules.derived
@lru_cache(maxsize=4)
def _cues(lang: str) -> dict:
    lx = lexicon()
    c = lx.get("present_cues", {})

    def of(key):
        return c.get(key, {}).get(lang, [])
    words = [tuple(w.lower().split()) for w in of("words")]
    gen = c.get("ordinal_genitive", {}).get(lang, "")
    ordinals = {}
    for w, n in lx.get("ordinal_days", {}).get(lang, {}).items():
        stem = w[:-len(gen)] if gen and w.endswith(gen) else w
        for end in of("ordinal_endings") or [""]:
            ordinals.setdefault(stem + end, n)
    ordinals.update(lx.get("ordinal_tens", {}).get(lang, {}))
    return {"words": words, "not_after": set(of("not_after")), "anniversary": set(of("anniversary")),
            "ordinals": ordinals, "stops": set(of("stops")), "after": c.get("after_words", 0),
            # one search for any cue word first: most sentences have none
            "any": re.compile(r"\b(?:" + "|".join(re.escape(w) for w in [cue[0] for cue in words] + of("anniversary"))
                              + r")\b", re.I) if words or of("anniversary") else None}


def _count(words: list[str], ordinals: dict) -> int | None:
    """The ordinal count that ends at the end of `words` ("dwudziestą piątą", "twenty-fifth", "15th"), else None."""
    total, seen = 0, False
    for w in reversed(words):
        parts = w.split("-")
        if all(p in ordinals for p in parts):
            total, seen = total + sum(ordinals[p] for p in parts), True
        elif not seen and NUMERAL.fullmatch(w):
            return int(NUMERAL.fullmatch(w).group(1))
        else:
            break
    return total if seen else None


def present_cue(sentence: str, lang: str, offset: int = 0, length: int = 0) -> bool | int | None:
    """For the mention at sentence[offset:offset+length]: True for a word of the present of writing before
    it or just after it, with no clause told from that present between (`present_cues`); an anniversary's
    ordinal count anywhere in the sentence; else None."""
    c = _cues(lang)
    if c["any"] is None or not c["any"].search(sentence):
        return None
    found = [(m.start(), m.group(0).lower()) for m in WORD.finditer(sentence)]
    words = [w for _, w in found]
    first = next((i for i, (s, _) in enumerate(found) if s >= offset), len(found))  # the mention's first word
    last = next((i for i, (s, _) in enumerate(found) if s >= offset + length), len(found))  # the word after it
    for i in range(len(words)):
        for cue in c["words"]:
            if tuple(words[i:i + len(cue)]) != cue or (i and words[i - 1] in c["not_after"]):
                continue
            between = words[i + len(cue):first] if i < first else words[last:i]
            if (i < first or i - last < c["after"]) and not c["stops"] & set(between):
                return True
        if words[i] in c["anniversary"]:
            n = _count(words[max(0, i - 3):i], c["ordinals"])
            if n:
                return n
    return None
