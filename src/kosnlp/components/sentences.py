"""kosnlp_segmenter: sentence boundaries from kosnlp.segment (the same rules as the
corpus units), set on tokens so that later components see `doc.sents`."""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..segment import segment
from .base import Stateless


class Segmenter(Stateless):
    def __init__(self, nlp: Language, name: str = "kosnlp_segmenter", *, lang: str):
        self.name, self.lang = name, lang

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        starts = {u.start for u in segment(doc.text, self.lang, drop_boilerplate=False)}
        # One array write instead of `token.is_sent_start = ...` per token: that setter
        # scans the whole doc (has_annotation("DEP")) each time, quadratic in doc length.
        # Values as Token.is_sent_start stores them: 1 starts a sentence, -1 does not.
        values, prev = [], None
        for tok in doc:
            values.append(1 if prev is None or tok.idx in starts or "\n" in prev else -1)
            prev = tok.text
        doc.from_array([SENT_START], numpy.array(values, dtype="int64").astype("uint64"))
        return doc



@Language.factory("kosnlp_segmenter", default_config={"lang": "en"})
def make_segmenter(nlp: Language, name: str, lang: str) -> Segmenter:
    return Segmenter(nlp, name, lang=lang)
