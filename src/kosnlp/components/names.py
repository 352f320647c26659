"""kosnlp_names: names that are in no list.

Adds candidates to `doc.spans[spans_key]` (the rulers write there too):
- ORG: a run of capitalised words (with connectors such as "of", "ds.") that contains
  an organisation head word ("Army", "Council", "Partia", "Rada" ...), ending before a
  document word ("UN Security Council | Resolution 1244");
- PERSON: a capitalised run after a title ("President", "premier", "gen.") or starting
  with a given name (Morfeusz's "imię" class or the given-name lists,
  patterns/given_names_<lang>.jsonl, also inflected: "Agima"), a given name alone
  ("Fatmir"), and later mentions of the same surname in the document, inflected
  ("Kowan" ... "Kowana"); a run may end in a known person ("Wesley K." + "Clark"),
  and an organisation's run ends where a person's name begins ("Kolegium ... Sztabów
  Hugh Sheltonem");
- FACILITY: a capitalised run ending in a facility or landscape word ("Truman Library",
  "Aviano Air Base", "Mekong Delta") or opening with one before "of" ("Palace of Youth
  and Sports", "Patriarchate of Peć"), or a name after a lower-case place noun
  ("wsi Brazda", "kawiarni „Panda”", "the village of Drenovac"): a PLACE;
- ORG also: a name after a media noun ("the magazine Foreign Policy", "tygodnik
  „Polityka”"), and firm names joined by "&" ("Calder & Rowe");
- DATELINE: an upper-case place at the start of a news sentence ("COLOGNE, Germany --");
- runs cut or set aside first (kosnlp.components.name_cuts), and places in no list found by
  the words around them (kosnlp.components.place_context: "the Rugovo gorge", ", near X").
Title-case headings are skipped: every word is capitalised there.
"""
from __future__ import annotations

import re
from itertools import accumulate

from spacy.attrs import IS_ALPHA, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..compiled import read_patterns
from ..morfeusz import analyse
from . import morph  # noqa: F401  (registers Token._.morf)
from .base import WithCues, sentence_bounds
from .name_handles import handles, prepare_handles
from .name_persons import is_person, places_named_for_persons
from .name_bodies import lone_bodies
from .name_quoted import quoted_orgs
from .name_rules import NameRules
from .name_cuts import NameCuts
from .name_words import NameWords
from .place_context import PlaceContext

class _View:
    """Per-doc token attributes read once, from the doc's arrays (token objects are
    slow to create)."""
    __slots__ = ("texts", "caps", "words", "titles", "alpha", "heads", "nouns")

    def __init__(self, finder: "NameFinder", doc: Doc):
        finder.ensure_data()
        self.nouns = None  # NameRules.noun_positions, on first use
        pl = finder.inflected  # cue words are lemmas
        strings = doc.vocab.strings
        self.texts = [strings[o] for o in doc.to_array(ORTH).tolist()]
        lemmas = [strings[o] for o in doc.to_array(LEMMA).tolist()] if pl else None
        self.alpha = doc.to_array(IS_ALPHA).astype(bool).tolist()
        memo = finder.cap_memo  # a word form is capitalised or not once per process
        self.caps = [memo[t] if t in memo else finder.cap(t) for t in self.texts]
        for n in (n for n, t in enumerate(self.texts) if t in finder.months_after_day):
            if n and self.texts[n - 1].isdigit():  # "1 Apr. Three Army soldiers": the month ends a date, no name
                self.caps[n] = False
        # lemma (Polish) or text, lower case
        self.words = [(lem or t).lower() for lem, t in zip(lemmas, self.texts)] if pl \
            else [t.lower() for t in self.texts]
        # organisation head words, and two-word heads ("General Staff": not "Chief of Staff")
        heads, pairs = finder.org_heads, finder.head_pairs
        self.heads = [w in heads or (n > 0 and (self.texts[n - 1], t) in pairs)
                      for n, (w, t) in enumerate(zip(self.words, self.texts))]
        if not pl:  # a head word after a hyphen names no body: "Self-Government"
            self.heads = [h and not (n > 1 and self.texts[n - 1] == "-" and not doc[n - 2].whitespace_)
                          for n, h in enumerate(self.heads)]
        if pl:  # a capitalised head word whose chosen lemma is another word's ("Rady": "rad")
            for n, t in enumerate(self.texts):
                if not self.heads[n] and self.caps[n] and any(a[0].lower() in heads for a in analyse(t)):
                    self.heads[n] = True
        tw = finder.title_words
        self.titles = [t in tw or (pl and lem.lower() in tw) for t, lem in zip(self.texts, lemmas)] if pl \
            else [t in tw for t in self.texts]


def _common_noun_pl(text: str) -> bool:
    """A Polish common noun (not a name) when lower-cased: "Bojownicy", "Mieszkańcy", "Posiedzenie"; or
    an adverb: "Wczoraj"."""
    analyses = analyse(text.lower())
    return bool(analyses) and all(t.startswith(("subst", "depr", "ger", "adv")) and set(names) <= {"nazwa_pospolita"}
                                  for _l, t, names in analyses)


class NameFinder(WithCues, NameRules, PlaceContext, NameCuts, NameWords):
    """Its cues (context/<lang>.yaml: titles, organisation heads, connectors ...) and the
    given names (patterns/given_names_<lang>.jsonl) are saved with the pipeline
    (kosnlp.components.base.WithCues)."""

    def package_data(self) -> dict:
        return {**super().package_data(),
                "given_names": read_patterns(f"given_names_{self.lang}.jsonl")}

    def __init__(self, nlp: Language, name: str = "kosnlp_names", *, lang: str, spans_key: str,
                 cues: dict | None = None):
        self.name, self.lang, self.key = name, lang, spans_key
        self.cap_memo: dict[str, bool] = {}  # word form -> capitalised (a name's word)
        if cues:
            self.set_data(cues)

    LANGUAGE = ("case_inflection", "has_morfeusz", "lower_case_titles")

    def _prepare(self, cues: dict) -> None:
        rec = cues["language"]
        self.inflected, self.morfeusz, self.lower_titles = (rec["case_inflection"], rec["has_morfeusz"],
                                                            rec["lower_case_titles"])
        self.titles = [t.split() for t in cues["titles"]]
        self.title_words = {w for t in self.titles for w in t if w[:1].isupper() or self.lower_titles}
        self.org_heads = {w.lower() for w in cues["org_heads"]}
        self.office_of = set(cues.get("office_of", []))
        self.head_pairs = {tuple(p.split()) for p in cues.get("org_head_pairs", [])}
        self.institution_words = set(cues.get("institution_words", []))
        self.months_after_day = set(cues.get("months_after_day", []))
        self.particles = set(cues.get("name_particles", []))
        self.connectors = set(cues["connectors"])
        self.not_joined = set(cues.get("not_joined", []))
        self.not_names = set(cues.get("not_name_first", []))
        self.plural_marks = set(cues.get("plural_possessive_marks", []))
        self._prepare_places(cues)
        self._prepare_cuts(cues)
        self.after_ds = set(cues.get("connectors_after_ds", []))
        self.unit_number = re.compile(cues["unit_number"]) if cues.get("unit_number") else None
        self.place_heads = set(cues.get("place_heads", []))
        self.place_heads_first = set(cues.get("place_heads_first", []))
        self.document_words = set(cues.get("document_words", []))
        self.conjunctions = set(cues.get("conjunctions", []))
        self.dateline_dashes = set(cues.get("dateline_dashes", []))
        self.place_nouns = set(cues.get("place_nouns", []))
        self.media_nouns = set(cues.get("media_nouns", []))
        self.state_heads = set(cues.get("state_heads", []))
        self.person_nouns = set(cues.get("person_nouns", []))
        self.noun_words = self.place_nouns | self.media_nouns | self.person_nouns
        self.city_named_orgs = set(cues.get("city_named_orgs", []))
        self.state_missions = set(cues.get("state_missions", []))
        self.place_heads_first_the = set(cues.get("place_heads_first_the", []))
        self.articles = set(cues.get("name_outside_lower", []))  # "the"
        self.phrases = [p.split() for p in cues.get("connector_phrases", [])]
        self.quoted_heads = set(cues.get("quoted_name_heads", []))
        self.named_for = frozenset(cues.get("named_for_words", []))
        self.body_words, self.body_links = set(cues.get("body_words", [])), set(cues.get("body_word_links", []))
        self.handle_seps, self.handle_shape = prepare_handles(cues)
        self.given = {g["name"] for g in cues.get("given_names", [])}
        self.given_alone = {g["name"] for g in cues.get("given_names", []) if not g.get("common")}
        self.inflected_given: dict[tuple[str, bool], bool] = {}  # (form, alone) -> an inflected given name
        # titles by length: capitalised ones match the text, the others its lower case
        self._titles_cased: dict[int, set] = {}
        self._titles_lower: dict[int, set] = {}
        for t in self.titles:
            (self._titles_cased if t[0][0].isupper() else self._titles_lower).setdefault(len(t), set()).add(tuple(t))
        self._title_lemmas = {t[0] for t in self.titles if len(t) == 1} if self.inflected else set()
        self._phrases_by_first: dict[str, list] = {}  # connector phrases by their first word, in order
        self._empty_phrase = [] in self.phrases  # (an empty phrase would be met anywhere: all in order)
        for ph in self.phrases:
            self._phrases_by_first.setdefault(ph[0], []).append(ph)

    def _runs(self, sent: Span, v: _View | None = None):
        """Maximal runs of capitalised tokens, joined by connectors; (start, end) token ids."""
        v = v or _View(self, sent.doc)
        caps, texts = v.caps, v.texts
        i, end = sent.start, sent.end
        while i < end:
            if not caps[i]:
                i += 1
                continue
            j, seen_ds = i + 1, False
            while j < end:
                if caps[j]:
                    j += 1
                elif (texts[j] == "-" and j + 1 < end and caps[j + 1] and not sent.doc[j - 1].whitespace_
                      and not sent.doc[j].whitespace_):
                    j += 2  # a hyphenated word of a name: "Batalion Desantowo-Szturmowy"
                elif (n := self._phrase_at(texts, j, end)) and caps[j + n]:
                    j += n + 1  # "Urząd ... do spraw Uchodźców"
                elif texts[j] == "." and len(texts[j - 1]) == 1 and j + 1 < end and caps[j + 1]:
                    j += 1  # an initial split from its full stop: "Wesley K . Clark"
                elif (texts[j] in self.plural_marks and texts[j - 1].endswith("s") and not sent.doc[j - 1].whitespace_
                      and j + 1 < end and caps[j + 1]):
                    j += 1  # a plural possessive inside a name: "Old Boys' Association"
                elif (texts[j] in self.connectors or (seen_ds and texts[j] in self.after_ds)) \
                        and j + 1 < end and caps[j + 1] and texts[j + 1] not in self.not_joined:
                    seen_ds = seen_ds or texts[j] == "ds."
                    j += 2
                else:
                    break
            yield i, j
            i = j

    def __call__(self, doc: Doc) -> Doc:
        v = _View(self, doc)
        caps, texts = v.caps, v.texts
        existing = list(doc.spans[self.key]) if self.key in doc.spans else []
        if self.institution_words:  # "Alliance officials said": opening a sentence, the capital is no name's
            existing = [s for s in existing if not (len(s) == 1 and s.text in self.institution_words
                                                    and (s.start == 0 or doc[s.start].is_sent_start))]
        covered = {i for s in existing for i in range(s.start, s.end)}
        # tokens of a known person may end a longer name ("Wesley K." + "Clark")
        person = {i for s in existing if (s.id_ or "").startswith("person:") for i in range(s.start, s.end)}
        person_start = {s.start for s in existing if (s.id_ or "").startswith("person:")}
        # one-word countries and cities that may be a given name before a surname
        self._geo = {s.start for s in existing if s.label_ in ("STATE", "CITY", "REGION") and len(s) == 1}
        # one-word places that may be a surname after a given name ("Arben Morina", "Jan Opole")
        self._geo_surname = self._geo | {s.start for s in existing if s.label_ == "PLACE" and len(s) == 1}
        new: list[Span] = []
        events: set[int] = set()  # the tokens of an operation's name after its head word
        org_at = {s.start for s in existing if (s.id_ or "").startswith("organisation:")}
        state_at = {s.start: s.end for s in existing if s.label_ == "STATE"}
        bounds = sentence_bounds(doc) if doc.has_annotation("SENT_START") else [(0, len(doc))]
        # words and capitalised words before each token: a sentence's counts by two subtractions
        n_words = list(accumulate(v.alpha, initial=0))
        n_caps = list(accumulate((al and c for al, c in zip(v.alpha, caps)), initial=0))
        for a, b in bounds:
            sent = doc[a:b]
            words = n_words[b] - n_words[a]
            last = b - 1 - (b - 1 > a and texts[b - 1].isspace())  # the line break after a sentence
            heading = (words >= 3 and texts[last] not in ".!?;:"
                       and (n_caps[b] - n_caps[a]) / words > 0.6)
            self._dateline(doc, sent, new, covered)
            self._after_noun(doc, sent, v, covered, new, person)
            if self.institution_words and not heading:
                self._institution(doc, sent, v, covered, new)
            for i, j in self._runs(sent, v):
                if (i == sent.start or texts[i - 1] == ":") and j - i > 1 and doc[i].is_stop:
                    i += 1  # "The Kosovo Liberation Army", "W Kosowie", "GOŚĆ: Bo Sojusz"
                j = self._run_start(doc, v, i, j, heading, org_at, state_at, events, new)
                if j is None:
                    continue
                # a document word ends a name: "UN Security Council | Resolution 1244"
                j = next((t for t in range(i + 1, j) if texts[t] in self.document_words), j)
                if (j - i >= 3 and not heading and texts[i + 1] in self.office_of
                        and (texts[i] in self.place_heads_first
                             or (texts[i] in self.place_heads_first_the and texts[i + 2] in self.articles))):
                    new.append(Span(doc, i, j, label="FACILITY"))  # "Palace of Youth and Sports"
                    continue
                if (i == sent.start and j - i > 1 and self.morfeusz and not v.heads[i]
                        and _common_noun_pl(texts[i]) and not (caps[i + 1] and self._given(doc[i]))):
                    i += 1  # "Bojownicy Wyzwoleńczej Armii Kosowa": a common noun opens the sentence
                    while i < j and not caps[i]:
                        i += 1
                if j - i >= 2 and not heading and texts[j - 1] in self.place_heads and texts[i] not in self.not_names:
                    new.append(Span(doc, i, j, label="FACILITY"))  # "Truman Library", "Mekong Delta"
                    continue
                amp = next((t for t in range(i + 1, j - 1) if texts[t] == "&"), None) if not heading else None
                if amp is not None and j == amp + 2:  # a firm: "Calder & Rowe", after its author's name
                    new.append(Span(doc, amp - 1, j, label="ORG"))
                    self._persons(doc, sent, i, amp - 1, v, covered, person, heading, new)
                    continue
                if (j - i >= 2 and not heading and texts[i] not in self.not_names
                        and any(v.heads[i:j])):
                    t0 = i
                    while i < j - 1 and self._one_word_title(doc[i]) and not v.heads[i]:
                        i += 1  # "Przewodniczący Komisji Europejskiej": the office is outside the name
                    while t0 < i < j - 1 and (texts[i] in self.connectors or texts[i] == "the"):
                        i += 1  # "President of the Security Council"
                    i = self._coordinated_org(doc, texts, v, i, j, new, covered)
                    k = self._office_of(texts, v, i, j, covered)
                    if k > i:  # "Colonel General X of the General Staff": the person before "of"
                        self._persons(doc, sent, i, k, v, covered, person, heading, new)
                    i = k
                    cut = next((t for t in range(i + 1, j - 1) if caps[t] and caps[t + 1]
                                and (t not in covered or t in person_start)
                                and not v.heads[t] and not v.heads[t + 1] and self._given(doc[t])), j)
                    cut = self._title_cut(texts, v, i, cut, j)
                    end = cut
                    while end - i > 2 and (texts[end - 1] in self.connectors or texts[end - 1] == "the"):
                        end -= 1  # "Serbian Renewal Movement of | Vuk Draskovic": the connector is no part
                    if cut - i >= 2 and any(v.heads[i:end]):
                        new.append(Span(doc, self._unit_number(texts, i, sent.start), end, label="ORG"))
                        if cut == j:
                            continue
                        i = cut  # "Kolegium Połączonych Szefów Sztabów | Hugh Sheltonem"
                    elif cut < j:
                        i = cut  # "Rząd | Jerzego Buzka": one head word is no name
                self._persons(doc, sent, i, j, v, covered, person, heading, new)
        self._on_listed(doc, v, existing, new)
        starts = {a for a, _b in bounds}
        quoted_orgs(doc, texts, caps, v.words, self.quoted_heads, self.named_for, new, starts,
                    lambda i: self.morfeusz and not v.heads[i] and _common_noun_pl(texts[i]))
        lone_bodies(doc, texts, caps, self.body_words, self.body_links, starts, covered, new)
        self._unlisted_places(doc, v, covered | {i for s in new for i in range(s.start, s.end)}, new,
                              {s.start for s in existing if (s.id_ or "").startswith("usstate:")}, person, events)
        surnames = [s[-1].text for s in existing + new if is_person(s)]
        self._speakers(doc, bounds, covered, surnames, new)
        handles(doc, texts, self.handle_seps, self.handle_shape, covered, new)
        self._abbreviations(doc, existing + new, covered, new)
        if surnames:
            existing = self._surname_mentions(doc, v, covered, surnames, existing, new)
        if events:
            existing = [s for s in existing if s.label_ in ("STATE", "CITY", "REGION") or s.start not in events]
        doc.spans[self.key] = places_named_for_persons(existing + new)
        return doc


@Language.factory("kosnlp_names", default_config={"spans_key": "kosnlp_candidates"})
def make_names(nlp: Language, name: str, lang: str, spans_key: str) -> NameFinder:
    return NameFinder(nlp, name, lang=lang, spans_key=spans_key)
