"""kosnlp_segmenter: sentence boundaries from kosnlp.segment (the same rules as the
corpus units), set on tokens so that later components see `doc.sents`."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..segment import segment
from .base import Stateless


class Segmenter(Stateless):
    def __init__(self, nlp: Language, name: str = "kosnlp_segmenter", *, lang: str):
        self.name, self.lang = name, lang

    def __call__(self, doc: Doc) -> Doc:
        starts = {u.start for u in segment(doc.text, self.lang, drop_boilerplate=False)}
        for tok in doc:
            tok.is_sent_start = tok.i == 0 or tok.idx in starts or "\n" in doc[tok.i - 1].text
        return doc



@Language.factory("kosnlp_segmenter", default_config={"lang": "en"})
def make_segmenter(nlp: Language, name: str, lang: str) -> Segmenter:
    return Segmenter(nlp, name, lang=lang)
