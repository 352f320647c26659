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


@lru_cache(maxsize=4096)
def _expanded(tag: str) -> tuple[str, ...]:
    """The tags a Morfeusz tag stands for ("subst:sg:nom.acc:m3" -> two tags), as the
    wrapper's `analyse(expand_tags=True)` gives them; a tag is expanded once."""
    return tuple(analyser()._expand_tag(tag))


@lru_cache(maxsize=200_000)
def analyse(form: str) -> tuple:
    """(lemma, tag, name classes) per analysis; SGJP homonym marks (":S...") dropped.
    The same tuples as the wrapper's `analyse` with expand_tags=True, 2-3x faster on new
    forms: the C++ analyser is called directly and the tag expansion is cached."""
    m = analyser()
    raw = m._morfeusz_obj
    return tuple((i.lemma.split(":")[0], tag, tuple(i.getName(raw)))
                 for i in raw.analyse(form) for tag in _expanded(i.getTag(raw)))
