"""The language registry: one record per language (data/languages.yaml).

Modules ask a language's record for what differs (`language(lang).case_inflection`,
`.has_morfeusz`, `.pretrained` ...) and enumerate the languages with `codes()`; no other
module names a language. `check_lang` and `detect_language` (`--lang auto`) decide which
registered language a text is in. Adding a language: docs/pipeline.md.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .errors import KosnlpError


@dataclass(frozen=True)
class Language:
    """One record of data/languages.yaml (its header explains the properties)."""
    code: str
    name: str
    pretrained: str
    has_morfeusz: bool
    case_inflection: bool
    lower_case_titles: bool
    digit_opens_sentence: bool
    group_words_as_adjectives: bool
    letters: str
    warm_date: str
    data: tuple[str, ...]


_built: tuple = (None, None)  # (the registry data, what _registry built from it)
_rules = None  # kosnlp.normalise.rules, once imported


def _registry() -> tuple[dict[str, Language], str, dict[str, str]]:
    global _built, _rules
    if _rules is None:  # imported here: kosnlp.normalise imports this module
        from .normalise import rules as _rules
    src = _rules.get("languages")  # the package's registry, or the one a loaded pipeline saved
    if _built[0] is src:
        return _built[1]
    langs = {code: Language(code=code, **{**rec, "data": tuple(rec["data"])}) for code, rec in src["languages"].items()}
    _built = (src, (langs, src["default"], dict(src["told_apart"])))
    return _built[1]


def codes() -> tuple[str, ...]:
    """The registered languages, in registry order."""
    return tuple(_registry()[0])


def language(code: str) -> Language:
    """The record of a registered language (KOS-E106 for another code)."""
    langs = _registry()[0]
    rec = langs.get(code)  # the normalisers ask per mention: a registered code needs no check
    return rec if rec is not None else langs[check_lang(code)]


def properties(code: str, names) -> dict:
    """The named properties of a language's record, as components save them with their data."""
    rec = language(code)
    return {n: getattr(rec, n) for n in names}


def default_language() -> str:
    """The language assumed where none is given (the date lexicon's fallback section)."""
    return _registry()[1]


def check_lang(lang: str, where: str = "--lang") -> str:
    if lang not in _registry()[0]:
        raise KosnlpError("KOS-E106", f"unknown language {lang!r}", where=where,
                          hint=f"use {', '.join(codes())} or auto")
    return lang


_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stop_words() -> dict[str, frozenset]:
    import importlib
    return {lang: frozenset(importlib.import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)
            for lang in (*codes(), *_registry()[2])}


def detect_language(text: str, where: str = "<text>") -> str:
    """A registered language by stop-word share and the language's own letters; an error
    when none fits or when the text looks like a language told apart (German, French,
    Serbian ...: languages.yaml `told_apart`)."""
    langs, _default, others = _registry()
    names = [r.name for r in langs.values()]
    handled = " and ".join(codes())
    # acronyms are names, not function words ("NATO" is Slovenian for "then")
    words = [w.lower() for w in _WORD.findall(text[:20000]) if not (len(w) > 1 and w.isupper())]
    if not words:
        raise KosnlpError("KOS-E106", "cannot tell the language: no words", where=where,
                          hint="pass " + " or ".join(f"--lang {c}" for c in codes()))
    sw = _stop_words()
    score = {lang: sum(w in stop for w in words) / len(words) for lang, stop in sw.items()}
    for lang, rec in langs.items():
        if rec.letters:
            score[lang] += 0.5 * sum(ch in rec.letters for w in words for ch in w) / len(words)
    best = max(langs, key=score.get)
    other = max(others, key=score.get)
    if score[other] > score[best]:
        raise KosnlpError("KOS-E106", f"text looks {others[other]} ({other}), not {' or '.join(names)}",
                          where=where, hint=f"kosnlp handles {handled}; skip the file, or pass --lang to force one")
    if score[best] < 0.05:
        raise KosnlpError("KOS-E106", f"text is neither {' nor '.join(names)}", where=where,
                          hint=f"kosnlp handles {handled}; pass --lang to force one")
    return best
