"""Spelling keys and Polish case-ending stems for linking names (data/norm/keys.yaml).

`key("Miloszević") == key("Milošević") == key("Milosevic")`; `nominatives("Solanę")`
yields "Solanę", "Solana", ...: the candidate base forms a mention may have.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import rules


def _rules() -> dict:
    return rules.get("keys")


class _Table(dict):
    """A str.translate table filled on first sight of a character: code point -> fn(char)
    (a string, or None to drop the character)."""

    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def __missing__(self, ch: int) -> str | None:
        out = self[ch] = self.fn(chr(ch))
        return out


def _fold_char(c: str) -> str:
    c = {"ł": "l", "đ": "dj"}.get(c, c)
    return "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))


_FOLD = _Table(_fold_char)
_KEEP = _Table(lambda c: c if c.isalnum() or c == " " else None)  # letters, digits and spaces
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1+")


def fold(s: str) -> str:
    """Lower case, ł -> l, đ -> dj, no diacritics. Character by character after lower():
    NFKD decomposes each character on its own and only reorders combining marks, which
    are dropped, so the translation table gives what NFKD of the whole string gives."""
    return s.lower().translate(_FOLD)


@rules.derived
@lru_cache(maxsize=1)
def _replacements() -> tuple[tuple[str, str], ...]:
    return tuple((fold(a), b) for a, b in _rules()["replace"])


@rules.derived
@lru_cache(maxsize=100_000)
def key(s: str) -> str:
    """The spelling key of a name: folded, transliteration variants merged, no punctuation."""
    out = fold(" ".join(s.split()))
    for a, b in _replacements():
        if a in out:
            out = out.replace(a, b)
    return _DOUBLED.sub(r"\1", out.translate(_KEEP))  # Talbott = Talbot


def plural_form(word: str) -> bool:
    """True when the word ends in a Polish plural-only case ending (Niemców, Serbami)."""
    return word.endswith(tuple(_rules()["plural_endings"]))


def nominatives(word: str) -> list[str]:
    """The word and the base forms obtained by replacing a Polish case ending."""
    out = [word]
    for end, nom in _rules()["endings"]:
        if word.endswith(end) and len(word) - len(end) >= 3:
            out.append(word[: len(word) - len(end)] + nom)
    return out


def lemma_keys(text: str, limit: int = 16) -> set[str]:
    """Spelling keys of the Morfeusz lemma sequences of a (Polish) name, every analysis
    of every word: "Unii Europejskiej" and "Unia Europejska" share "unia europejski"."""
    import itertools
    from ..morfeusz import analyse
    per_word = []
    for w in text.split():
        if not w.isalpha() or (w.isupper() and len(w) > 1):  # G-8, ds., ONZ: Morfeusz splits or guesses
            per_word.append([w])
            continue
        lems = sorted({lem for lem, tag, _n in analyse(w) if tag != "ign"}) or [w]
        per_word.append(lems[:4])
    return {key(" ".join(c)) for c in itertools.islice(itertools.product(*per_word), limit)}


def written_variants(name: str) -> list[str]:
    """The name and its spellings with each listed abbreviation written out or abbreviated
    (data/norm/keys.yaml `abbreviations`), as whole words."""
    out = [name]
    for short, long in _rules().get("abbreviations", []):
        for a, b in ((short, long), (long, short)):
            pat = re.compile(r"(?<!\S)" + re.escape(a) + r"(?!\S)")
            out += [pat.sub(b, n) for n in out if pat.search(n)]
    return list(dict.fromkeys(out))


def unresolved(reason: str) -> dict:
    return {"status": "unresolved", "reason": reason}
