"""User names of a forum or chat thread (kosnlp_names; cues in data/context/<lang>.yaml): a
handle alone at the start of a post's header line, before a separator and the post's date
("kapral_bb | 12.06.2009, 21:14": `handle_separators`), is a person, and so is the same handle
anywhere else in the thread. A handle has the shape of `handle_shape` (one token with an
underscore or a digit among its letters, "anonim77", "stary_saper"): a plain word opening
such a line is a heading's."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span


def prepare_handles(cues: dict) -> tuple[frozenset, re.Pattern | None]:
    seps = frozenset(cues.get("handle_separators", []))
    return seps, (re.compile(cues["handle_shape"]) if cues.get("handle_shape") else None)


def handles(doc: Doc, texts: list[str], seps: frozenset, shape: re.Pattern | None, covered: set,
            new: list) -> None:
    """Adds a PERSON span for every mention of a handle that opens a post's header line."""
    if shape is None or seps.isdisjoint(texts):
        return
    found = {t for i, t in enumerate(texts[:-1])
             if texts[i + 1] in seps and (i == 0 or (texts[i - 1].isspace() and "\n" in texts[i - 1]))
             and shape.fullmatch(t)}
    if found:
        new.extend(Span(doc, i, i + 1, label="PERSON") for i, t in enumerate(texts)
                   if t in found and i not in covered)
