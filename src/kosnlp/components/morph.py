"""kosnlp_morph: Polish lemmas and name classes from Morfeusz 2 (SGJP).

Sets `token.lemma_` (the first analysis' lemma, without SGJP's ":S..." homonym marks)
and `token._.morf`: a tuple of (lemma, tag, name classes) for every analysis. Word
forms repeat a lot, so analyses are cached per form (kosnlp.morfeusz).
"""
from __future__ import annotations

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..morfeusz import analyse
from .base import Stateless

if not Token.has_extension("morf"):
    Token.set_extension("morf", default=())


class PolishMorph(Stateless):
    def __init__(self, nlp: Language, name: str = "kosnlp_morph", *, set_lemmas: bool = True):
        # analyses are cached per form in kosnlp.morfeusz (200,000 forms)
        self.name, self.set_lemmas = name, set_lemmas

    @staticmethod
    def analyse(form: str) -> tuple:
        return analyse(form)

    def __call__(self, doc: Doc) -> Doc:
        """Token by token as `tok._.morf = an; tok.lemma_ = ...` would, but reading and
        writing the doc's arrays: analyses go to user_data under the key token._.morf
        uses, lemmas in one LEMMA array write (token objects are slow to create)."""
        if not len(doc):
            return doc
        strings, data = doc.vocab.strings, doc.user_data
        skip = doc.to_array([IS_SPACE, IS_PUNCT]).any(axis=1).tolist()
        lemmas = doc.to_array(LEMMA)
        changed = False
        for i, (orth, idx) in enumerate(zip(doc.to_array(ORTH).tolist(), doc.to_array(IDX).tolist())):
            if skip[i]:
                continue
            an = self.analyse(strings[orth])
            data[("._.", "morf", idx, None)] = an
            if self.set_lemmas and an and an[0][1] != "ign":
                lemmas[i] = strings.add(an[0][0])
                changed = True
        if changed:
            doc.from_array([LEMMA], lemmas)
        return doc



@Language.factory("kosnlp_morph", default_config={"set_lemmas": True})
def make_morph(nlp: Language, name: str, set_lemmas: bool) -> PolishMorph:
    return PolishMorph(nlp, name, set_lemmas=set_lemmas)


MEMO = 100_000  # analyses whose cases (and verb test, geo_rules) are remembered
_CASES: dict[tuple, frozenset] = {}


def morf_of(token: Token) -> tuple:
    """`token._.morf`, read from where kosnlp_morph writes it (the doc's user_data; an
    Underscore object per access is slow)."""
    return token.doc.user_data.get(("._.", "morf", token.idx, None), ())


def cases(token: Token) -> set[str]:
    """Grammatical cases Morfeusz allows for a noun token (empty if unknown)."""
    analyses = morf_of(token)
    got = _CASES.get(analyses)
    if got is None:
        out = set()
        for _lem, tag, _n in analyses:
            p = tag.split(":")
            if p[0] in ("subst", "depr", "adj", "ppas") and len(p) > 2:
                out.update(p[2].split("."))
        got = frozenset(out)
        if len(_CASES) < MEMO:
            _CASES[analyses] = got
    return set(got)
