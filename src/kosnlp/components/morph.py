"""kosnlp_morph: Polish lemmas and name classes from Morfeusz 2 (SGJP).

Sets `token.lemma_` (the first analysis' lemma, without SGJP's ":S..." homonym marks)
and `token._.morf`: a tuple of (lemma, tag, name classes) for every analysis. Word
forms repeat a lot, so analyses are cached per form (LRU, `cache_size` entries).
"""
from __future__ import annotations

from collections import OrderedDict

from spacy.language import Language
from spacy.tokens import Doc, Token

if not Token.has_extension("morf"):
    Token.set_extension("morf", default=())


class PolishMorph:
    def __init__(self, nlp: Language, name: str = "kosnlp_morph", *, cache_size: int = 200_000,
                 set_lemmas: bool = True):
        import morfeusz2
        self.name, self.cache_size, self.set_lemmas = name, cache_size, set_lemmas
        self._m = morfeusz2.Morfeusz(expand_tags=True)
        self._cache: OrderedDict[str, tuple] = OrderedDict()

    def analyse(self, form: str) -> tuple:
        hit = self._cache.get(form)
        if hit is not None:
            return hit
        res = tuple((lem.split(":")[0], tag, tuple(names))
                    for _, _, (_o, lem, tag, names, _q) in self._m.analyse(form))
        self._cache[form] = res
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return res

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc:
            if tok.is_space or tok.is_punct:
                continue
            an = self.analyse(tok.text)
            tok._.morf = an
            if self.set_lemmas and an and an[0][1] != "ign":
                tok.lemma_ = an[0][0]
        return doc

    # nothing learned: serialisation only keeps the config
    def to_disk(self, path, *, exclude=()):
        pass

    def from_disk(self, path, *, exclude=()):
        return self

    def to_bytes(self, *, exclude=()):
        return b""

    def from_bytes(self, data, *, exclude=()):
        return self


@Language.factory("kosnlp_morph", default_config={"cache_size": 200_000, "set_lemmas": True})
def make_morph(nlp: Language, name: str, cache_size: int, set_lemmas: bool) -> PolishMorph:
    return PolishMorph(nlp, name, cache_size=cache_size, set_lemmas=set_lemmas)


def cases(token: Token) -> set[str]:
    """Grammatical cases Morfeusz allows for a noun token (empty if unknown)."""
    out = set()
    for _lem, tag, _n in token._.morf:
        p = tag.split(":")
        if p[0] in ("subst", "depr", "adj", "ppas") and len(p) > 2:
            out.update(p[2].split("."))
    return out


def name_classes(token: Token) -> set[str]:
    return {n for _l, _t, names in token._.morf for n in names}
