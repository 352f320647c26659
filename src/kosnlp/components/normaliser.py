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


class Normaliser:
    def __init__(self, nlp: Language, name: str = "kosnlp_normaliser", *, lang: str,
                 reference_date: str | None = None):
        self.name, self.lang, self.reference_date = name, lang, reference_date
        self._tables: dict | None = None
        self._resolvers = None

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

    def __call__(self, doc: Doc, reference_date: str | None = None) -> Doc:
        actors, places, dates = self.resolvers()
        ref = reference_date or doc._.reference_date or self.reference_date
        previous = None
        for e in doc.ents:
            lemmas = [t.lemma_ or t.text for t in e] if self.lang == "pl" else None
            if e.label_ == "DATE":
                e._.norm = dates.normalise(e.text, self.lang, ref, previous)
                if e._.norm["status"] == "resolved":
                    previous = e._.norm
            elif e.label_ == "ACTOR":
                e._.norm = actors.link(e.text, self.lang, e.ent_id_, lemmas)
            elif e.label_ == "PLACE":
                e._.norm = places.resolve(e.text, self.lang, e.ent_id_, lemmas)
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
        return self

    def to_bytes(self, *, exclude=()):
        return json.dumps(self.tables, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data, *, exclude=()):
        self._tables, self._resolvers = json.loads(data.decode("utf-8")), None
        return self


@Language.factory("kosnlp_normaliser", default_config={"lang": "en", "reference_date": None})
def make_normaliser(nlp: Language, name: str, lang: str, reference_date: str | None) -> Normaliser:
    return Normaliser(nlp, name, lang=lang, reference_date=reference_date)
