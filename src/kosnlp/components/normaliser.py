"""kosnlp_normaliser: the `norm` object of every entity (span._.norm).

ACTOR -> registry id (normalise.actors), PLACE -> GeoNames / curated place
(normalise.places), DATE -> TIMEX3-style value against an anchor (normalise.dates).
The reference date of the text comes, in this order, from `nlp.pipe(...,
component_cfg={"kosnlp_normaliser": {"reference_date": ..., "reference_from": ...}})`
(`reference_from`, where the date came from, is written into the DATE norms anchored on
it), from
`doc._.reference_date`, or from the component's config; without one, dates are
anchored on the nearest resolved date before them in the Doc, or left unresolved.
Actors are linked at the text's time (a capital's state by date) and weighed in their
text (titles, families, names given earlier: normalise.context.ActorContext).
The lookup tables are read from the package's compiled data on first use and saved
with the pipeline (`to_disk` writes them to tables.json).
"""
from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..normalise.context import ActorContext
from ..normalise.dates import StoryTime
from ..normalise.norms import Resolvers
from ..normalise.tables import compiled_tables
from ..normalise.tense import tense_at
from ..records import write_text

if not Span.has_extension("norm"):
    Span.set_extension("norm", default=None)
if not Doc.has_extension("reference_date"):
    Doc.set_extension("reference_date", default=None)

TABLES = "tables.json"
CACHE_SIZE = 200_000


class Normaliser:
    def __init__(self, nlp: Language, name: str = "kosnlp_normaliser", *, lang: str,
                 reference_date: str | None = None):
        self.name, self.lang, self.reference_date = name, lang, reference_date
        self._tables: dict | None = None
        self._resolvers = None
        self._cache: dict = {}

    @property
    def tables(self) -> dict:
        if self._tables is None:
            self._tables = compiled_tables()
        return self._tables

    def resolvers(self) -> Resolvers:
        if self._resolvers is None:
            self._resolvers = Resolvers(self.tables)
        return self._resolvers

    def warm(self) -> "Normaliser":
        """Read the tables and load dateparser now (before workers are forked)."""
        self.resolvers().dates.normalise("1 January 1999" if self.lang == "en" else "1 stycznia 1999", self.lang, "1999-01-01", None)
        return self

    def _memo(self, key: tuple, compute) -> dict:
        """The resolvers are pure functions of their arguments: a repeated mention (the same
        form, id, lemmas and anchors) is resolved once. Each span gets its own copy."""
        value = self._cache.get(key)
        if value is None:
            value = compute()
            if len(self._cache) < CACHE_SIZE:
                self._cache[key] = value
        return dict(value)

    def __call__(self, doc: Doc, reference_date: str | None = None, reference_from: str | None = None) -> Doc:
        res = self.resolvers()
        story = StoryTime(reference_date or doc._.reference_date or self.reference_date)
        given = story.reference
        actors = ActorContext(res.actors, self.lang)
        lang, ents, doc_text, spans = self.lang, doc.ents, None, None
        prev_end = 0
        for e in ents:
            text, label, eid = e.text, e.label_, e.ent_id_
            if label == "DATE":
                sent = e.sent if doc.has_annotation("SENT_START") else doc[:]
                tense = tense_at(sent.text, e.start_char - sent.start_char, lang, len(text))
                e._.norm = self._memo(("D", text, *story.key, tense),
                                      lambda: res.norm(label, text, lang, **story.anchors, tense=tense))
                if reference_from and e._.norm.get("anchor") == "reference_date" and story.reference == given:
                    e._.norm["reference_from"] = reference_from  # which reference: metadata, manifest, option, dateline
                if doc_text is None:  # once per doc: doc.text and doc.ents walk every token
                    doc_text, spans = doc.text, [(x.start_char, x.end_char, x.label_) for x in ents]
                story.advance(e._.norm, lang, doc[e.start - 1].text if e.start else None,
                              res.dates.dateline(doc_text, e.start_char, e.end_char, spans))
            elif label == "PLACE":
                lemmas = [t.lemma_ or t.text for t in e] if lang == "pl" else None
                e._.norm = self._memo((label[0], text, eid, tuple(lemmas) if lemmas else None),
                                      lambda: res.norm(label, text, lang, eid, lemmas))
            elif label == "ACTOR":
                lemmas = [t.lemma_ or t.text for t in e] if lang == "pl" else None
                sent = e.sent if doc.has_annotation("SENT_START") else doc[:]
                when = actors.when(story, sent.text)
                norm = self._memo((label[0], text, eid, tuple(lemmas) if lemmas else None, res.actors.era(when)),
                                  lambda: res.norm(label, text, lang, eid, lemmas, when=when))
                e._.norm = actors.resolve(norm, text, [t.text for t in doc[max(sent.start, prev_end, e.start - 3):e.start]],
                                          [t.text for t in doc[e.end:min(sent.end, e.end + 2)]])
            prev_end = e.end
        return doc

    def pipe(self, docs, batch_size: int = 128, reference_date: str | None = None,
             reference_from: str | None = None):
        for doc in docs:
            yield self(doc, reference_date, reference_from)

    # -- serialisation ---------------------------------------------------------------
    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write_text(path / TABLES, json.dumps(self.tables, ensure_ascii=False))

    def from_disk(self, path, *, exclude=()):
        f = Path(path) / TABLES
        if f.is_file():
            self._tables, self._resolvers = json.loads(f.read_text(encoding="utf-8")), None
            self._cache = {}
        return self

    def to_bytes(self, *, exclude=()):
        return json.dumps(self.tables, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data, *, exclude=()):
        self._tables, self._resolvers = json.loads(data.decode("utf-8")), None
        self._cache = {}
        return self


@Language.factory("kosnlp_normaliser", default_config={"lang": "en", "reference_date": None})
def make_normaliser(nlp: Language, name: str, lang: str, reference_date: str | None) -> Normaliser:
    return Normaliser(nlp, name, lang=lang, reference_date=reference_date)
