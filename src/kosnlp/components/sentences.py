"""kosnlp_segmenter: sentence boundaries from kosnlp.segment (the same rules as the
corpus units), set on tokens so that later components see `doc.sents`. Its
abbreviations (data/segment/abbreviations.yaml) are saved with the pipeline."""
from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..segment import abbreviations, segment
from .base import WithData, doc_text

_NEWLINE = re.compile("\n")


class Segmenter(WithData):
    DATA_FILE = "abbreviations.json"
    LANGUAGE = ("digit_opens_sentence",)

    def __init__(self, nlp: Language, name: str = "kosnlp_segmenter", *, lang: str):
        self.name, self.lang = name, lang

    def package_data(self) -> dict:
        never, maybe = abbreviations(self.lang)
        return {"never_final": sorted(never), "maybe_final": sorted(maybe)}

    def _prepare(self, data: dict) -> None:
        self.abbrevs = (frozenset(data["never_final"]), frozenset(data["maybe_final"]))
        self.digit_opens = data["language"]["digit_opens_sentence"]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        self.ensure_data()
        text = doc_text(doc)
        starts = numpy.array([u.start for u in segment(text, self.lang, drop_boilerplate=False, abbrevs=self.abbrevs,
                                                  digit_opens=self.digit_opens)],
                             dtype="int64")
        newlines = numpy.array([m.start() for m in _NEWLINE.finditer(text)], dtype="int64")
        idx, length = doc.to_array([IDX, LENGTH]).astype("int64").T
        # a token starts a sentence if it is the first, starts a unit, or follows a
        # token with a newline in it
        after_newline = numpy.zeros(len(doc), dtype=bool)
        after_newline[1:] = (numpy.searchsorted(newlines, idx[:-1] + length[:-1])
                             > numpy.searchsorted(newlines, idx[:-1]))
        first = numpy.zeros(len(doc), dtype=bool)
        first[0] = True
        # tokens whose offset is a unit start (idx and starts both ascend; numpy.isin
        # would sort again, and its first call imports numpy.ma)
        at_unit = numpy.zeros(len(doc), dtype=bool)
        pos = numpy.searchsorted(idx, starts)
        pos = pos[pos < len(idx)]
        at_unit[pos[idx[pos] == starts[:len(pos)]]] = True
        is_start = first | at_unit | after_newline
        # One array write instead of `token.is_sent_start = ...` per token: that setter
        # scans the whole doc (has_annotation("DEP")) each time, quadratic in doc length.
        # Values as Token.is_sent_start stores them: 1 starts a sentence, -1 does not.
        doc.from_array([SENT_START], numpy.where(is_start, 1, -1).astype("int64").astype("uint64"))
        return doc



@Language.factory("kosnlp_segmenter")
def make_segmenter(nlp: Language, name: str, lang: str) -> Segmenter:
    return Segmenter(nlp, name, lang=lang)
