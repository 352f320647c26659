"""kosnlp_normaliser: the `norm` object of every entity (span._.norm).

ACTOR -> registry id (normalise.actors), PLACE -> GeoNames / curated place
(normalise.places), DATE -> TIMEX3-style value against an anchor (normalise.dates).
The reference date of the text comes, in this order, from `nlp.pipe(...,
component_cfg={"kosnlp_normaliser": {"reference_date": ...}})`, from
`doc._.reference_date`, or from the component's config; without one, dates are
anchored on the nearest resolved date before them in the Doc, or left unresolved.
The lookup tables are built from the package's data files on first use and saved
with the pipeline (`to_disk` writes them to tables.json).
"""
from __future__ import annotations

import json
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..normalise.actors import ActorLinker
from ..normalise.dates import DateNormaliser
from ..normalise.places import PlaceResolver
from ..normalise.tables import build_tables
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
            self._tables = build_tables()
        return self._tables

    def resolvers(self):
        if self._resolvers is None:
            t = self.tables
            self._resolvers = (ActorLinker(t), PlaceResolver(t), DateNormaliser())
        return self._resolvers

    def warm(self) -> "Normaliser":
        """Build the tables, the GeoNames city index and dateparser now (before workers are forked)."""
        from ..normalise.places import city_keys
        city_keys()
        dates = self.resolvers()[2]
        dates.normalise("1 January 1999" if self.lang == "en" else "1 stycznia 1999", self.lang, "1999-01-01", None)
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

    def __call__(self, doc: Doc, reference_date: str | None = None) -> Doc:
        actors, places, dates = self.resolvers()
        ref = reference_date or doc._.reference_date or self.reference_date
        previous, lang = None, self.lang
        for e in doc.ents:
            text, label, eid = e.text, e.label_, e.ent_id_
            if label == "DATE":
                # an anchor is what timex.make_anchor reads: first and last day, value, and whether
                # it is the story's time (its own anchor): the memo key
                prev_key = ((previous["start"], previous["end"], previous["value"], previous.get("anchor"))
                            if previous else None)
                e._.norm = self._memo(("D", text, ref, prev_key),
                                      lambda: dates.normalise(text, lang, ref, previous))
                before = doc[e.start - 1].text if e.start else None
                previous = dates.previous_after(previous, e._.norm, ref, lang, before)
                if e._.norm.get("start") and e._.norm["start"] == e._.norm["end"] and dates.dateline(
                        doc.text, e.start_char, e.end_char, [(x.start_char, x.end_char, x.label_) for x in doc.ents]):
                    ref = e._.norm["value"]  # what follows was written on the dateline's day
                continue
            lemmas = [t.lemma_ or t.text for t in e] if lang == "pl" else None
            key = (label[0], text, eid, tuple(lemmas) if lemmas else None)
            if label == "ACTOR":
                e._.norm = self._memo(key, lambda: actors.link(text, lang, eid, lemmas))
            elif label == "PLACE":
                e._.norm = self._memo(key, lambda: places.resolve(text, lang, eid, lemmas))
        return doc

    def pipe(self, docs, batch_size: int = 128, reference_date: str | None = None):
        for doc in docs:
            yield self(doc, reference_date)

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
