"""Spelling keys and Polish case-ending stems for linking names (data/norm/keys.yaml).

`key("Miloszević") == key("Milošević") == key("Milosevic")`; `nominatives("Solanę")`
yields "Solanę", "Solana", ...: the candidate base forms a mention may have.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..ingest import load_yaml_data


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_yaml_data("norm/keys.yaml")


def fold(s: str) -> str:
    s = s.lower().replace("ł", "l").replace("đ", "dj")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _replacements() -> tuple[tuple[str, str], ...]:
    return tuple((fold(a), b) for a, b in _rules()["replace"])


@lru_cache(maxsize=100_000)
def key(s: str) -> str:
    """The spelling key of a name: folded, transliteration variants merged, no punctuation."""
    out = fold(" ".join(s.split()))
    for a, b in _replacements():
        if a in out:
            out = out.replace(a, b)
    out = "".join(c for c in out if c.isalnum() or c == " ")
    return re.sub(r"(.)\1+", r"\1", out)  # Martti = Marti, Talbott = Talbot


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


def unresolved(reason: str) -> dict:
    return {"status": "unresolved", "reason": reason}
