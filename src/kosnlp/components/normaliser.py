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
The data it uses is saved with the pipeline and read back from it, as spaCy's SpanRuler
saves its patterns: the lookup tables (tables.json), the spelling keys and the date
lexicon (rules.json) and the GeoNames cities (cities.bin, read through a memory map).
A normaliser made new takes the package's, each read on first use; one loaded from
disk puts its own in use while it runs (normalise.rules).
"""
from __future__ import annotations

import json
from bisect import bisect_right
from pathlib import Path

import srsly

from spacy.attrs import IDX, LEMMA, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..compiled import decode_arrays, encode_arrays, read_arrays
from ..errors import KosnlpError
from ..languages import language
from ..normalise import rules
from ..normalise.context import ActorContext
from ..normalise.events import Events
from ..normalise.keys import key, nominatives
from ..normalise.story_time import StoryTime
from ..normalise.norms import Resolvers
from ..normalise.tables import compiled_tables
from ..normalise.tense import looks_back, since_aspect, tense_at
from ..records import atomic_writer, write_text
from .base import doc_text as text_of, sentence_bounds

if not Span.has_extension("norm"):
    Span.set_extension("norm", default=None)
if not Doc.has_extension("reference_date"):
    Doc.set_extension("reference_date", default=None)



def norm_key(start_char: int, end_char: int) -> tuple:
    """Where `span._.norm` lives: spaCy keeps a span's extension values in the doc's
    user_data under this key (read and written directly: an Underscore object per access
    costs more than the lookup)."""
    return ("._.", "norm", start_char, end_char)


TABLES, RULES, CITIES = "tables.json", "rules.json", "cities.bin"
SAVED = ("keys", "dates", "events", "languages")  # in RULES; the cities are CITIES
CACHE_SIZE = 200_000


class _Sentences:
    """The sentence of a token, as `span.sent` gives it (the whole doc without sentence
    starts), from the doc's arrays once per doc (span.sent walks the tokens each time);
    also the doc's text, its words and the offsets of its mentions."""

    def __init__(self, doc: Doc, ents):
        self.bounds = sentence_bounds(doc) if doc.has_annotation("SENT_START") else [(0, len(doc))]
        self.starts = [a for a, _b in self.bounds]
        self.idx, self.length = doc.to_array(IDX).tolist(), doc.to_array(LENGTH).tolist()
        self.text = text_of(doc)
        self.words = [self.text[i:i + n] for i, n in zip(self.idx, self.length)]
        # (start_char, end_char, label) of every mention, sorted, and their starts
        self.spans = [(self.idx[e.start], self.idx[e.end - 1] + self.length[e.end - 1], e.label_) for e in ents]
        self.span_starts = [a for a, _b, _l in self.spans]

    def of(self, i: int) -> tuple[int, int, str]:
        """(start, end, text) of the sentence of token i."""
        a, b = self.bounds[bisect_right(self.starts, i) - 1]
        return a, b, self.text[self.idx[a]:self.idx[b - 1] + self.length[b - 1]]


class Normaliser:
    def __init__(self, nlp: Language, name: str = "kosnlp_normaliser", *, lang: str,
                 reference_date: str | None = None):
        self.name, self.lang, self.reference_date = name, lang, reference_date
        self._tables: dict | None = None
        self._rules: dict | None = None  # None: the package's (normalise.rules)
        self._resolvers = None
        self._cache: dict = {}
        self._events: dict = {}  # lang -> the calendar of events (normalise.events), read on first use

    @property
    def tables(self) -> dict:
        if self._tables is None:
            self._tables = compiled_tables()
        elif isinstance(self._tables, bytes):  # loaded from disk: parsed on first use
            self._tables = json.loads(self._tables)
        return self._tables

    def resolvers(self) -> Resolvers:
        rules.use(self._rules)
        if self._resolvers is None:
            self._resolvers = Resolvers(self.tables)
        return self._resolvers

    def warm(self) -> "Normaliser":
        """Read the tables and load dateparser now (before workers are forked)."""
        self.resolvers().dates.normalise(language(self.lang).warm_date, self.lang, "1999-01-01", None)
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
        ents = doc.ents  # once: doc.ents walks every token
        if not ents:
            return doc
        lang = self.lang
        inflected = language(lang).case_inflection  # mentions are linked through their lemmas
        sents = _Sentences(doc, ents)  # once per doc: doc.text and doc.ents walk every token
        doc_text, words, spans, starts = sents.text, sents.words, sents.spans, sents.span_starts
        date_spans = [(s, e) for s, e, label in spans if label == "DATE"]
        story = StoryTime.of_text(reference_date or doc._.reference_date or self.reference_date,
                                  [doc_text[s:e] for s, e in date_spans], lang,
                                  StoryTime.stated_present(doc_text, date_spans, lang))
        given = story.reference
        first_nl = doc_text.find("\n")  # the end of the first line (a title)
        actors = ActorContext(res.actors, lang)
        short_forms: dict[str, dict] = {}  # the first word of a hyphenated place named in the text -> its norm
        lemma_of = self._lemmas(doc, words) if inflected else None
        prev_end, last_date = 0, None  # last_date: (start_char, end_char) of the last DATE
        data = doc.user_data
        events = self._events.get(lang) or self._events.setdefault(lang, Events(lang))
        for e, (start_char, end_char, label) in zip(ents, spans):
            start, end = e.start, e.end
            text = doc_text[start_char:end_char]
            if label == "DATE":
                s_start, _, s_text = sents.of(start)
                dateline = res.dates.dateline(doc_text, start_char, end_char, spans, starts)
                tense = story.dateline_tense if dateline else tense_at(s_text, start_char - sents.idx[s_start], lang, len(text))
                before = words[start - 1] if start else None
                if last_date is not None:  # "ubiegły wtorek, czyli równo dwadzieścia lat później": not the day
                    before = res.dates.restating(doc_text[last_date[1]:start_char], before, lang)
                near = last_date is not None and last_date[0] >= sents.idx[s_start]  # the previous date in its sentence
                since = None if dateline else since_aspect(s_text, start_char - sents.idx[s_start], lang, len(text))
                norm = self._memo(("D", text, *story.key, tense, before, near, since),
                                  lambda: res.norm(label, text, lang, **story.anchors, tense=tense, before=before, near=near,
                                                   since=since))
                norm = events.year(text, norm, s_text, tense)  # "after Račak on 15 January": the event's year
                if reference_from and norm.get("anchor") == "reference_date" and story.reference == given:
                    norm["reference_from"] = reference_from  # which reference: metadata, manifest, option, dateline
                data[norm_key(start_char, end_char)] = norm
                if last_date is not None:  # "two years later, on 17 February 2008": the count named
                    named = res.dates.apposed(data.get(norm_key(*last_date)), doc_text[last_date[1]:start_char], norm,
                                              doc_text[last_date[0]:last_date[1]], lang)
                    if named is not None:
                        data[norm_key(*last_date)] = named
                last_date = (start_char, end_char)
                if not (res.dates.weekday_before_its_date(doc_text, start_char, end_char, spans, lang, starts)
                        or res.dates.citation(doc_text, start_char, end_char, spans)):
                    back = norm.get("anchor") is None and norm.get("status") == "resolved" and looks_back(
                        s_text, start_char - sents.idx[s_start], lang)  # only a date written out can be a digression
                    story.advance(norm, lang, before, dateline, not 0 <= first_nl < start_char, back)
            elif label == "PLACE":
                eid = e.ent_id_
                lemmas = lemma_of[start:end] if inflected else None
                norm = self._memo((label[0], text, eid, tuple(lemmas) if lemmas else None),
                                  lambda: res.norm(label, text, lang, eid, lemmas))
                hyphenated = end - start > 2 and words[start + 1] == "-" and norm.get("status") == "resolved"
                if hyphenated or (end - start == 1 and short_forms):
                    forms = {key(f) for f in nominatives(words[start])}  # its first word in any case form
                    named = next((short_forms[f] for f in forms if f in short_forms), None)
                    if hyphenated:  # "Bielsku-Białej": "Bielska" from here on is this city
                        short_forms.update(dict.fromkeys(forms, norm))
                    elif named is not None and named.get("id") != norm.get("id"):
                        norm = {**named, "method": "short form of a place named before"}
                data[norm_key(start_char, end_char)] = norm
            elif label == "ACTOR":
                eid = e.ent_id_
                lemmas = lemma_of[start:end] if inflected else None
                s_start, s_end, s_text = sents.of(start)
                when = actors.when(story, s_text)
                norm = self._memo((label[0], text, eid, tuple(lemmas) if lemmas else None, res.actors.era(when)),
                                  lambda: res.norm(label, text, lang, eid, lemmas, when=when))
                data[norm_key(start_char, end_char)] = actors.resolve(
                    norm, text, words[max(s_start, prev_end, start - 3):start], words[end:min(s_end, end + 2)])
            prev_end = end
        return doc

    @staticmethod
    def _lemmas(doc: Doc, words: list[str]) -> list[str]:
        """Every token's lemma, else its text (`token.lemma_ or token.text`)."""
        strings = doc.vocab.strings
        return [strings[h] if h else w for h, w in zip(doc.to_array(LEMMA).tolist(), words)]

    def pipe(self, docs, batch_size: int = 128, reference_date: str | None = None,
             reference_from: str | None = None):
        for doc in docs:
            yield self(doc, reference_date, reference_from)

    # -- serialisation ---------------------------------------------------------------
    def _rule_data(self) -> dict:
        return self._rules if self._rules is not None else rules.package_data()

    def _load(self, tables: dict | bytes, rule_data: dict) -> "Normaliser":
        self._tables, self._rules = tables, rule_data
        self._resolvers, self._cache, self._events = None, {}, {}
        return self

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = self._rule_data()
        write_text(path / TABLES, json.dumps(self.tables, ensure_ascii=False))
        # in the sources' order: the registry's order is the order of its languages
        write_text(path / RULES, json.dumps({n: data[n] for n in SAVED}, ensure_ascii=False))
        with atomic_writer(path / CITIES, "wb") as fh:
            fh.write(encode_arrays(*data["cities"]))

    def from_disk(self, path, *, exclude=()):
        path = Path(path)
        for f in (TABLES, RULES, CITIES):
            if not (path / f).is_file():
                raise KosnlpError("KOS-E301", f"the saved component {self.name!r} has no {f}", where=str(path),
                                  hint="save the pipeline again: kosnlp build-models")
        rule_data = json.loads((path / RULES).read_text(encoding="utf-8"))
        if set(SAVED) - set(rule_data):
            raise KosnlpError("KOS-E301", f"the saved component {self.name!r} lacks {sorted(set(SAVED) - set(rule_data))} "
                                          f"in {RULES}", where=str(path), hint="save the pipeline again: kosnlp build-models")
        rule_data["cities"] = read_arrays(path / CITIES)
        return self._load((path / TABLES).read_bytes(), rule_data)

    def to_bytes(self, *, exclude=()):
        data = self._rule_data()
        return srsly.msgpack_dumps({"tables": json.dumps(self.tables, ensure_ascii=False),
                                    **{n: data[n] for n in SAVED}, "cities": encode_arrays(*data["cities"])})

    def from_bytes(self, data, *, exclude=()):
        msg = srsly.msgpack_loads(data)
        return self._load(json.loads(msg["tables"]),
                          {**{n: msg[n] for n in SAVED}, "cities": decode_arrays(msg["cities"])})


@Language.factory("kosnlp_normaliser", default_config={"reference_date": None})
def make_normaliser(nlp: Language, name: str, lang: str, reference_date: str | None) -> Normaliser:
    return Normaliser(nlp, name, lang=lang, reference_date=reference_date)
