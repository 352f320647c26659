"""kosnlp_resolver: from overlapping candidates to ACTOR / PLACE / DATE entities.

1. NOT_DATE candidates block the DATE candidates they overlap ("II w. ś."); a DATE
   candidate's leading preposition or article (`date_outside`) is outside it ("in May").
2. Overlaps: the longest candidate wins (label-spec: the longest mention is the one
   span); among equals, PRIORITY decides.
3. STATE, CITY and REGION candidates become ACTOR or PLACE by context (label-spec rule 3):
   prepositions, governing words ("government of X", "prezydenta X"), a following
   verb or possessive, Polish case (Morfeusz), and, when a pretrained pipeline has
   parsed the sentence, the dependency label (subject -> ACTOR, prepositional
   object -> PLACE). Undecided members of a coordination ("USA, UK, France and
   Russia") take the label of a decided member; otherwise a default per kind
   (states and capitals act, other places are places). With `decision` classifier (the
   default) or combined, a learned model weighs that decision with other features
   (kosnlp.components.geo, trained by `kosnlp train-context`).
   The places of a dateline are places (kosnlp.components.datelines).
4. DATE composition: kosnlp.components.date_grammar (ranges, weekday + date, "night of").
The result is written to `doc.ents` (with the gazetteer id as `ent_id_`).
"""
from __future__ import annotations

from itertools import accumulate

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import KosnlpError
from .base import WithCues
from .date_grammar import DateGrammar
from .date_lines import DateLines
from .datelines import datelines
from .geo import GEO, MODES, GeoModel, WithGeoModel, geo_features, sentences
from .geo_rules import GeoRules

PRIORITY = {"DATELINE": 0, "ACTOR": 1, "STATE": 2, "CITY": 3, "REGION": 3, "GROUP": 4, "PLACE": 5,
            "FACILITY": 5, "DATE": 6, "ORG": 7, "PERSON": 8}
WORDS_MEMO = 200_000  # cue words of (form, lemma) pairs remembered
FIXED = {"ACTOR": "ACTOR", "GROUP": "ACTOR", "ORG": "ACTOR", "PERSON": "ACTOR",
         "PLACE": "PLACE", "DATELINE": "PLACE", "FACILITY": "PLACE", "DATE": "DATE"}


class EntityResolver(WithGeoModel, WithCues, DateGrammar, DateLines, GeoRules):
    """Its cues (context/<lang>.yaml: prepositions, governing words, verbs ...) are saved
    with the pipeline (kosnlp.components.base.WithCues)."""

    def __init__(self, nlp: Language, name: str = "kosnlp_resolver", *, lang: str, spans_key: str,
                 cues: dict | None = None, decision: str = "classifier"):
        if decision not in MODES:
            raise KosnlpError("KOS-E301", f"kosnlp_resolver: decision {decision!r} is not one of {', '.join(MODES)}",
                              hint="set [components.kosnlp_resolver] decision in the pipeline's config.cfg")
        self.name, self.lang, self.key, self.decision = name, lang, spans_key, decision
        self._model: GeoModel | None = None
        self._words: dict[tuple[int, int], str] = {}
        if cues:
            self.set_data(cues)

    LANGUAGE = ("case_inflection", "group_words_as_adjectives", "has_morfeusz")

    def _prepare(self, cues: dict) -> None:
        rec = cues["language"]
        self.inflected, self.adjective_groups = rec["case_inflection"], rec["group_words_as_adjectives"]
        self.morf = rec["has_morfeusz"]  # verbs and cases of a mention's context from Morfeusz
        self._c = {k: set(v) if isinstance(v, list) else v for k, v in cues.items()}
        self._c["prepositions"] = set().union(*(self._c.get(k, set()) for k in (
            "place_preps", "with_preps", "between_preps", "agent_preps", "against_preps")))
        self._words: dict[tuple[int, int], str] = {}  # (ORTH, LEMMA) -> cue word (_w)
        # the verb endings, longest first (geo_features takes the first a word ends in)
        self.verb_suffixes = sorted(self._c.get("verb_suffixes", ()), key=len, reverse=True)

    @property
    def c(self) -> dict:
        """The cues as sets."""
        self.ensure_data()
        return self._c

    # -- selection -------------------------------------------------------------------
    def select(self, doc: Doc) -> list[Span]:
        cands = list(doc.spans[self.key]) if self.key in doc.spans else []
        blocked = {i for s in cands if s.label_ == "NOT_DATE" for i in range(s.start, s.end)}
        cands = [self._trim_date(doc, s) if s.label_ == "DATE" else self._trim_name(doc, s) for s in cands
                 if s.label_ in PRIORITY
                 and not (s.label_ == "DATE" and any(i in blocked for i in range(s.start, s.end)))]
        openers = self.c.get("generic_openers")
        if openers:  # "Siły NATO zajęły ...": a common noun capitalised by the sentence before a name
            spans = {(s.start, s.end) for s in cands}
            cands = [s for s in cands if not (
                len(s) >= 2 and s.label_ in ("ORG", "ACTOR") and (s.start == 0 or doc[s.start].is_sent_start)
                and self._w(doc[s.start]) in openers and (s.start + 1, s.end) in spans)]
        first = self.c.get("date_first_rules", set())  # a month opening a heading over a village: "Luty"
        cands.sort(key=lambda s: (-(s.end - s.start), -1 if s.label_ == "DATE" and s.id_.partition(":")[2] in first
                                  else PRIORITY[s.label_], s.start))
        taken: set[int] = set()
        out = []
        # sentence starts up to each token, from the doc's array (a scan: once, not per span)
        starts = list(accumulate((doc.to_array(SENT_START) == 1).tolist(), initial=0)) \
            if doc.has_annotation("SENT_START") else None
        for s in cands:
            if any(i in taken for i in range(s.start, s.end)):
                continue
            if starts is not None and starts[s.end] > starts[s.start + 1]:
                continue  # never across a sentence boundary
            taken.update(range(s.start, s.end))
            out.append(s)
        return sorted(out, key=lambda s: s.start)

    def _trim_name(self, doc: Doc, s: Span) -> Span:
        """An article opening a name is outside it (label-spec: "The Times" -> "Times")."""
        if len(s) > 1 and doc[s.start].text in self.c.get("name_outside", ()):
            return Span(doc, s.start + 1, s.end, label=s.label_, span_id=s.id_)
        return s

    def _group_name(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """A group noun with its geographic adjective is one name (label-spec rule 4:
        "kosowskich Albańczykach", and after the noun in Polish: "Serbowie kosowscy"); the
        adjectives are `group_geo_adjectives` (lemmas)."""
        adjs, out = self.c.get("group_geo_adjectives", set()), []
        for s in spans:
            if s.label_ == "GROUP" and s.start > 0 and self._w(doc[s.start - 1]) in adjs:
                if out and out[-1].end == s.start and len(out[-1]) == 1 and out[-1].label_ in GEO:
                    out.pop()  # "Kosovo Serbs": the place name is the group name's geographic word
                if not out or out[-1].end < s.start:
                    s = Span(doc, s.start - 1, s.end, label=s.label_, span_id=s.id_)
            elif (s.label_ == "GROUP" and self.inflected and s.end < len(doc) and doc[s.end].is_lower
                  and self._w(doc[s.end]) in adjs):
                s = Span(doc, s.start, s.end + 1, label=s.label_, span_id=s.id_)  # "Serbowie kosowscy"
            out.append(s)
        return out

    # -- context ---------------------------------------------------------------------
    def _prev(self, doc: Doc, i: int, skip=("the", "a", "an")):
        j = i - 1
        while j >= 0:
            t = doc[j]
            if not (t.lower_ in skip or (self.inflected and self._w(t) in skip)):
                return t
            j -= 1  # "w samym Paryżu", "w północnej Albanii": the lemma in Polish
        return None

    def _w(self, tok) -> str:
        """The cue word of a token: its lemma in Polish (its text for a preposition: "od",
        not the noun "oda"), its lower case in English."""
        if tok is None:
            return ""
        key = (tok.orth, tok.lemma)  # the cue word depends on the form and the lemma only
        got = self._words.get(key)
        if got is None:
            if self.inflected and tok.lower_ not in self.c["prepositions"]:
                got = (tok.lemma_ or tok.text).lower()
            else:
                got = tok.lower_
            if len(self._words) < WORDS_MEMO:
                self._words[key] = got
        return got

    def _adjective_use(self, doc: Doc, s: Span) -> bool:
        """An English group word used as an adjective before a noun ("British envoys")."""
        if not self.adjective_groups or s.label_ != "GROUP" or s.text.endswith("s"):
            return False
        i = s.end  # "British, French and U.S. troops": the coordinated adjectives before their noun
        while i + 1 < len(doc) and doc[i].text in (",", "and", "or") and doc[i + 1].text[:1].isupper():
            i += 2
        nxt = doc[i] if i < len(doc) else None
        if i == s.end and nxt is not None and nxt.lower_ in self.c["coordination"] and s.start > 0 \
                and doc[s.start - 1].lower_ in self.c.get("name_outside_lower", ()):
            return False  # "the British and the French": a noun with its article, coordinated
        return (nxt is not None and nxt.is_alpha and not self._group_verb(nxt)
                and (i == s.end or (nxt.is_lower and nxt.lower_ != "the" and not doc[i - 1].text.endswith("s"))))

    def _group_verb(self, tok) -> bool:
        """A verb after a group word makes it a noun ("the British ended up", "Roma were"):
        `actor_verbs`, `group_verbs`, or a past form in -ed that is no participle adjective
        (`group_not_verbs`: "British armed forces")."""
        w, c = tok.lower_, self.c
        return (w in c["actor_verbs"] or w in c.get("group_verbs", ())
                or (tok.is_lower and w.endswith("ed") and len(w) > 4 and w not in c.get("group_not_verbs", ())))

    def default(self, s: Span) -> str:
        ent_id = s.id_ or ""
        if ent_id in self.c.get("place_default_ids", set()):
            return "PLACE"
        if s.label_ == "STATE" or ent_id.startswith("capital:"):
            return "ACTOR"
        return "PLACE"

    def _coordinated(self, doc: Doc, a: Span, b: Span) -> bool:
        if not 0 < b.start - a.end <= 3:
            return False
        allowed = self.c["coordination"]  # and "the"
        for i in range(a.end, b.start):
            t = doc[i]
            w = self._w(t)
            if not (w == "the" or w in allowed) or not (t.text == "the" or t.text in allowed):
                return False
        return True

    # -- main ------------------------------------------------------------------------
    def _rule_labels(self, doc: Doc, spans: list[Span], parsed: bool) -> tuple[list, set[int]]:
        """(label, strong) of every span by the cues, and the spans that are datelines."""
        labels: list[tuple[str | None, bool]] = []
        for s in spans:
            labels.append((FIXED[s.label_], True) if s.label_ in FIXED else self.decide(doc, s, parsed))
        lines = datelines(doc, spans)
        for n in lines:
            labels[n] = ("PLACE", True)
        for n in range(1, len(spans)):  # the country of a town named before it: "Kukes, Albania"
            a, s = spans[n - 1], spans[n]
            if (s.label_ == "STATE" and a.label_ == "CITY" and a.end + 1 == s.start and doc[a.end].text == ","
                    and not (s.end < len(doc) and doc[s.end].lower_ in self.c["coordination"] - {","})
                    and not (n + 1 < len(spans) and self._coordinated(doc, s, spans[n + 1]))):
                labels[n] = ("PLACE", True)
        # coordination: undecided or weak members follow a strongly decided neighbour
        for _ in range(2):
            for i in range(len(spans) - 1):
                for a, b in ((i, i + 1), (i + 1, i)):
                    if (labels[a][1] and not labels[b][1] and spans[a].label_ in GEO
                            and spans[b].label_ in GEO
                            and (spans[b].id_ or "") not in self.c.get("place_default_ids", set())
                            and self._coordinated(doc, spans[min(a, b)], spans[max(a, b)])):
                        labels[b] = (labels[a][0], True)
        return labels, lines

    def _spans(self, doc: Doc) -> list[Span]:
        self.ensure_data()
        spans = self._group_name(doc, self.compose_dates(doc, self.select(doc)))
        return [s for s in (self._hyphen_ending(doc, s) for s in spans) if s is not None
                and not self._adjective_use(doc, s)]

    def _hyphen_ending(self, doc: Doc, s: Span) -> Span | None:
        """An upper-case name with a case ending after a hyphen is inflected, the ending
        is in the span ("KFOR-u", `acronym_case_endings`); with an adjective's suffix it
        is no name (label-spec: "ONZ-owskiego", `acronym_adjective_suffixes`)."""
        e = s.end
        if (s.label_ == "DATE" or e + 1 >= len(doc) or doc[e].text != "-" or doc[e - 1].whitespace_
                or doc[e].whitespace_ or not doc[e - 1].is_upper):
            return s
        tail = doc[e + 1].text
        if tail in self.c.get("acronym_case_endings", ()):
            return Span(doc, s.start, e + 2, label=s.label_, span_id=s.id_)
        if tail.startswith(tuple(self.c.get("acronym_adjective_suffixes", ()))):
            return None
        return s

    def geo_examples(self, doc: Doc) -> list[tuple[Span, list[str]]]:
        """Every STATE, CITY or REGION mention the resolver decides, with its features
        (kosnlp.components.geo): what `kosnlp train-context` learns from."""
        spans, parsed = self._spans(doc), doc.has_annotation("DEP")
        labels, lines = self._rule_labels(doc, spans, parsed)
        starts = sentences(doc)
        return [(s, geo_features(self, doc, spans, n, labels[n], n in lines, parsed, starts))
                for n, s in enumerate(spans) if s.label_ in GEO]

    def __call__(self, doc: Doc) -> Doc:
        spans, parsed = self._spans(doc), doc.has_annotation("DEP")
        labels, lines = self._rule_labels(doc, spans, parsed)
        model = self.geo_model if self.decision != "rules" else None
        if model is not None and any(s.label_ in GEO for s in spans):
            starts = sentences(doc)  # "classifier": every mention; "combined": those no cue decided
            labels = [(model.label(geo_features(self, doc, spans, n, labels[n], n in lines, parsed, starts)), True)
                      if s.label_ in GEO and (self.decision == "classifier" or not labels[n][1]) else labels[n]
                      for n, s in enumerate(spans)]
        ents = []
        for s, (lab, strong) in zip(spans, labels):
            if not strong and (s.id_ or "") in self.c.get("place_default_ids", set()):
                lab = None  # weak cues do not override a place-by-default entity
            lab = lab or self.default(s)
            if lab == "ACTOR" and (s.id_ or "") in self.c.get("building_ids", ()):
                prev = self._prev(doc, s.start)
                if prev is not None and self._w(prev) in self.c.get("building_preps", ()):
                    lab = "PLACE"  # "at the White House": the building
            if ents and ents[-1].end + 1 == s.start and doc[s.start - 1].text == "(" and s.end < len(doc) \
                    and doc[s.end].text.startswith(")") and ents[-1].label_ == "ACTOR" and lab == "PLACE" \
                    and s.text.isupper():
                lab = "ACTOR"  # an abbreviation in brackets after an actor's name is the actor's: "(FRY)"
            ents.append(Span(doc, s.start, s.end, label=lab, span_id=s.id_ or ""))
        doc.ents = ents
        return doc



@Language.factory("kosnlp_resolver", default_config={"spans_key": "kosnlp_candidates", "decision": "classifier"})
def make_resolver(nlp: Language, name: str, lang: str, spans_key: str, decision: str) -> EntityResolver:
    return EntityResolver(nlp, name, lang=lang, spans_key=spans_key, decision=decision)
