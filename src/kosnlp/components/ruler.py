"""kosnlp_span_ruler: spaCy's SpanRuler (the gazetteer and the date patterns), with the
same matches, that loads fast and matches fast.

- Token patterns run through `GatedMatcher` (kosnlp.components.gate: the Matcher over
  the runs of tokens that can be in a match), patterns added later included.
- `to_disk` writes what SpanRuler writes (patterns, one JSON object a line) and the phrase patterns
  compiled as `kosnlp build-data` compiles the gazetteer (phrases.bin: their tokens'
  hashes, kosnlp.components.phrases, tokenized by the pipeline's tokenizer), with
  ruler.json (the number of patterns and the token patterns). `from_disk` reads the
  compiled phrases through a memory map instead of running 25,000 phrases through the
  pipeline (tokenizer, segmenter, Morfeusz) again, and the pattern dicts from
  `patterns` only when they are asked for.
"""
from __future__ import annotations

import json
from pathlib import Path

import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import SpanRuler

from ..compiled import encode_arrays, read_arrays
from ..errors import KosnlpError
from ..records import atomic_writer, write_text
from .gate import GatedMatcher
from .phrases import CompiledPhrases, compile_phrases, compiled_ruler

PHRASES, INFO, PATTERNS = "phrases.bin", "ruler.json", "patterns"


class Ruler(SpanRuler):
    def clear(self) -> None:
        super().clear()
        self.matcher = GatedMatcher(self.matcher, self.nlp.vocab)

    def warm(self) -> None:
        """Compile the token patterns' gate now (pipeline.warm), not on the first doc."""
        if isinstance(self.matcher, GatedMatcher):
            self.matcher.prepare()

    def _compiled_phrases(self) -> bytes:
        pm = self.phrase_matcher
        if isinstance(pm, CompiledPhrases) and pm.meta and not pm.added and not pm.removed:
            return encode_arrays(pm.meta, pm.a)
        tok = self.nlp.tokenizer
        # the tokenizer's cache is not filled with the patterns' words (see pipeline.add_components)
        size, tok.max_cache_size = tok.max_cache_size, 0
        try:
            return compile_phrases(self.nlp.lang, [p for p in self.patterns if isinstance(p["pattern"], str)], tok,
                                   self.name)
        finally:
            tok.max_cache_size = size

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        super().to_disk(path, exclude=exclude)
        if not self._orth():
            return
        with atomic_writer(path / PHRASES, "wb") as fh:
            fh.write(self._compiled_phrases())
        write_text(path / INFO, json.dumps({"patterns": len(self.patterns),
                                            "token_patterns": [p for p in self.patterns if isinstance(p["pattern"], list)]},
                                           ensure_ascii=False))

    def _orth(self) -> bool:
        """Phrases compared by ORTH, as the compiled phrases are."""
        return self.phrase_matcher_attr in (None, "ORTH", ORTH)

    def from_disk(self, path, *, exclude=()):
        path = Path(path)
        if not self._orth():
            return super().from_disk(path, exclude=exclude)
        for f in (PATTERNS, PHRASES, INFO):
            if not (path / f).is_file():
                raise KosnlpError("KOS-E301", f"the saved component {self.name!r} has no {f}", where=str(path),
                                  hint="save the pipeline again: kosnlp build-models")
        self.clear()
        info = json.loads((path / INFO).read_text(encoding="utf-8"))
        self.add_patterns(info["token_patterns"])
        meta, arrays = read_arrays(path / PHRASES)
        compiled_ruler(self, meta, arrays, lambda: list(srsly.read_jsonl(path / PATTERNS)), info["patterns"])
        return self


@Language.factory("kosnlp_span_ruler", assigns=["doc.spans"], default_config={
    "spans_key": "ruler", "spans_filter": None, "annotate_ents": False,
    "ents_filter": {"@misc": "spacy.first_longest_spans_filter.v1"}, "phrase_matcher_attr": None,
    "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"}, "validate": False, "overwrite": True,
    "scorer": {"@scorers": "spacy.overlapping_labeled_spans_scorer.v1", "spans_key": "ruler"}})
def make_ruler(nlp: Language, name: str, spans_key, spans_filter, annotate_ents: bool, ents_filter,
               phrase_matcher_attr, matcher_fuzzy_compare, validate: bool, overwrite: bool, scorer) -> Ruler:
    return Ruler(nlp, name, spans_key=spans_key, spans_filter=spans_filter, annotate_ents=annotate_ents,
                 ents_filter=ents_filter, phrase_matcher_attr=phrase_matcher_attr,
                 matcher_fuzzy_compare=matcher_fuzzy_compare, validate=validate, overwrite=overwrite, scorer=scorer)
