"""One shared Morfeusz 2 analyser (SGJP dictionary) with a per-form analysis cache.

Loading the dictionary costs time and memory, so every user (the kosnlp_morph and
kosnlp_names components, the inflection generator, the data build) calls `analyser()`.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def analyser():
    import morfeusz2
    return morfeusz2.Morfeusz(expand_tags=True)


@lru_cache(maxsize=200_000)
def analyse(form: str) -> tuple:
    """(lemma, tag, name classes) per analysis; SGJP homonym marks (":S...") dropped."""
    return tuple((lem.split(":")[0], tag, tuple(names))
                 for _, _, (_o, lem, tag, names, _q) in analyser().analyse(form))
