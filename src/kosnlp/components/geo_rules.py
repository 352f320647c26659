"""The ACTOR / PLACE decision for a country, city or region mention by the resolver's cues
(data/context/<lang>.yaml: prepositions, governing nouns and verbs, Polish cases from
Morfeusz): the rules, and the rules' decision that the learned model (kosnlp.components.geo)
takes as a feature. Mixed into EntityResolver, whose `_prepare` sets the cue attributes."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .morph import MEMO, cases, morf_of

VERB_TAGS = {"fin", "praet", "impt", "inf", "bedzie", "imps", "winien", "pred"}
_VERBS: dict[tuple, bool] = {}  # analyses -> a verb (geo_rules._verb)
_LEMMAS: dict[tuple, frozenset] = {}  # analyses -> their lemmas in lower case (morf_lemmas)


def morf_lemmas(analyses: tuple) -> frozenset:
    """The lemmas of Morfeusz analyses in lower case, remembered per analyses."""
    got = _LEMMAS.get(analyses)
    if got is None:
        got = frozenset(lem.lower() for lem, _t, _n in analyses)
        if len(_LEMMAS) < MEMO:
            _LEMMAS[analyses] = got
    return got


class GeoRules:
    def decide(self, doc: Doc, s: Span, parsed: bool | None = None) -> tuple[str | None, bool]:
        """(label, strong): strong when an explicit cue decided it. `parsed`: whether
        the doc has dependency labels (looked up when not given)."""
        c = self.c
        if parsed is None:
            parsed = doc.has_annotation("DEP")
        dep = s.root.dep_ if parsed else ""
        if dep in ("nsubj", "agent"):  # active subjects act; passive subjects are acted on
            return "ACTOR", True
        prev = self._prev(doc, s.start, self.c.get("skip_before", ("the", "a", "an")))
        pw = self._w(prev)
        nxt = doc[s.end] if s.end < len(doc) else None
        shared = self._decide_shared(doc, s, prev, pw)
        if shared is not None:
            return shared, True
        if self.inflected:  # case-governed cues
            return self._decide_pl(doc, s, prev, pw)
        if pw == "from" and prev is not None:
            return ("ACTOR", True) if self._head_before(doc, prev.i, c["actor_from_heads"]) else ("PLACE", True)
        if pw in c.get("support_preps", ()) and prev is not None and self._head_before(
                doc, prev.i, c.get("actor_support_heads", ()), 2):
            return "ACTOR", True  # the party supported: "support for Belgrade"
        if pw in c["agent_preps"]:
            return "ACTOR", True
        if nxt is not None and nxt.text in ("'s", "’s") and pw in c["place_preps"] \
                and not self._possessed_place(doc, s.end + 1):
            return "ACTOR", True  # "appealed for Moscow's support": the possessor acts
        if pw in ("to", "on") and prev is not None:
            before = {t.lower_ for t in doc[max(0, prev.i - 4):prev.i]}
            if pw == "to" and before & c["actor_to_heads"]:
                return "ACTOR", True  # the addressee: "conveyed our regret to Beijing"
            if pw == "on" and before & c["place_before_on"]:
                return "PLACE", True  # "missiles fell on Yugoslavia"
        if pw == "for" and nxt is not None and nxt.lower_ == "to" and s.end + 1 < len(doc) \
                and doc[s.end + 1].is_lower and doc[s.end + 1].is_alpha:
            return "ACTOR", True  # the subject of an infinitive: "time for Belgrade to comply"
        if pw in c["place_preps"]:
            return "PLACE", True
        first = self._listed_after(doc, s.start, c["place_preps"])
        if first is not None:
            if doc[first].lower_ == "from" and self._head_before(doc, first, c["actor_from_heads"]) \
                    and not (nxt is not None and nxt.is_title):  # "Kosovo Albanian leaders": a modifier
                return "ACTOR", True  # "troops from Germany, France and Italy": who they represent
            return "PLACE", True  # "in Macedonia, Albania and Montenegro numbered ...": not the subject
        if pw == "of" and prev is not None:
            head = self._w(self._prev(doc, prev.i))
            if head in c["actor_before_of"]:
                return "ACTOR", True
            if head in c["place_before_of"]:
                return "PLACE", True
        if pw in c["place_before"]:
            return "PLACE", True
        if pw == "against" and prev is not None and self._w(self._prev(doc, prev.i)) in c["against_place"]:
            return "PLACE", True
        if nxt is not None:
            if nxt.text in ("'s", "’s", "'", "’"):
                return ("PLACE", True) if self._possessed_place(doc, s.end + 1) else ("ACTOR", True)
            if c.get("postcode") and re.match(c["postcode"], nxt.text):
                return "PLACE", True  # an address: "London W5", "Independence, MO 64050"
            if nxt.lower_ in c.get("place_after", ()):
                return "PLACE", True  # a name modifying a place noun: "the Kosovo-Albania border"
            if nxt.text in c["actor_after"] or nxt.lower_ in c["actor_verbs"]:
                return "ACTOR", True
            if nxt.is_lower and nxt.text.endswith("ed") and nxt.is_alpha:
                return "ACTOR", True
        if dep in ("pobj", "dobj", "obj", "obl"):
            return "PLACE", False
        return None, False

    def _decide_shared(self, doc: Doc, s: Span, prev, pw: str) -> str | None:
        """Cues of both languages: a name that something is done to in the passive
        ("Belgrade was bombed", "Belgrad został zbombardowany"), a name in apposition to a
        place noun ("Skopje, the capital of Macedonia"), the two ends of a place noun
        with "between" ("the border between Albania and Kosovo")."""
        c = self.c
        i, n = s.end, len(doc)
        aux = c.get("passive_aux", ())
        k = i
        while k < n and k < i + 3 and self._lemmas(doc[k]) & aux:
            k += 1
        while k < n and k < i + 5 and doc[k].lower_ in c.get("passive_skip", ()):
            k += 1  # "was heavily bombed", "został ponownie zbombardowany"
        if k > i and k < n and self._lemmas(doc[k]) & c.get("place_passive", set()):
            return "PLACE"
        if k > i and self._lemmas(doc[i]) & c.get("copula", set()):
            j = i + 1  # "Albania is one of the poorest countries": what the name is, a place
            while j < n and j < i + 6 and (doc[j].is_lower and doc[j].is_alpha) \
                    and not self._lemmas(doc[j]) & c.get("apposition_place", set()):
                j += 1
            if j < n and self._lemmas(doc[j]) & c.get("apposition_place", set()):
                return "PLACE"
        if i < n and self._lemmas(doc[i]) & c.get("place_verbs", set()):
            return "PLACE"  # "Serbia lies at the heart of the Balkans", "Yugoslavia borders Hungary"
        if (s.start == 0 or doc[s.start].is_sent_start) and i + 1 < n and doc[i].text in c.get("heading_marks", ()):
            return "PLACE"  # a section on a place: "Albania: 440,000 refugees", "Macedonia - the camps"
        if i + 1 < n and doc[i].text == ",":
            j = i + 1
            while j < n and j < i + 4 and (doc[j].lower_ in ("the", "a", "an")
                                           or doc[j].lower_ in c.get("passive_skip", ())):
                j += 1
            if j < n and self._lemmas(doc[j]) & c.get("apposition_place", set()):
                return "PLACE"
        app = c.get("apposition_place", set())
        if prev is not None and (self._lemmas(prev) & app or (
                prev.text == "," and prev.i > 0 and self._lemmas(doc[prev.i - 1]) & app and not doc[prev.i - 1].is_title)):
            return "PLACE"  # "the Serbian capital Belgrade", "the Albanian capital, Tirana"
        if i + 2 < n and doc[i].lower_ in c.get("compass_links", ()) and (
                doc[i + 1].lower_ in c.get("compass_words", ()) or doc[i + 2].lower_ in c.get("compass_words", ())):
            return "PLACE"  # "Montenegro to the west"
        sent_start = s.start == 0 or doc[s.start].is_sent_start
        e = i
        while e < n and (doc[e].is_space or (doc[e].is_punct and doc[e].text not in ("(", ":", ","))) \
                and not doc[e].is_sent_start:
            e += 1
        if sent_start and (e == n or doc[e].is_sent_start):
            return "PLACE"  # a heading of its own: "ALBANIA"
        if (prev is not None and prev.text == "(" and prev.i > 0 and doc[prev.i - 1].text[:1].isupper()
                and i < n and doc[i].text.startswith(")")):
            return "PLACE"  # the country of a place named before it: "Kukes (Albania)"
        if i + 1 < n and doc[i].text in ("-", "–") and not doc[i - 1].whitespace_ \
                and doc[i + 1].lower_ in c.get("place_compounds", ()):
            return "PLACE"  # "the Belgrade-based centre", "Serbia-wide protests"
        if prev is not None and pw in c.get("between_place_preps", ()):
            before = self._prev(doc, prev.i, ())
            if before is not None and self._lemmas(before) & (c.get("between_place_heads", set())
                                                               | c.get("motion_verbs", set())):
                return "PLACE"  # "the border between Albania and Kosovo", "shuttled between Moscow and Bonn"
        return None

    def _listed_after(self, doc: Doc, i: int, preps) -> int | None:
        """The name at token i is a later member of a coordination ("Albania and
        Montenegro") whose first member follows one of `preps`: that preposition's token."""
        words, j, coord = self.c["coordination"], i - 1, False
        while j >= 0 and i - j <= 12 and (doc[j].lower_ in words or doc[j].text in words
                                          or doc[j].text[:1].isupper() or doc[j].lower_ == "the"):
            coord = coord or doc[j].lower_ in words or doc[j].text in words
            j -= 1
        if coord and j >= 0 and j < i - 1 and doc[j].lower_ in preps and doc[j + 1].text[:1].isupper():
            return j
        return None

    def _lemmas(self, tok) -> set:
        """The cue words of a token: its lower case, and in Polish every lemma Morfeusz
        gives it ("Południe": the adjective "południ" and the noun "południe")."""
        out = {tok.lower_, self._w(tok)}
        if self.morf:
            out |= morf_lemmas(morf_of(tok))
        return out

    def _head_before(self, doc: Doc, i: int, heads, window: int = 4) -> bool:
        """One of `heads` among the `window` words before token i, with no verb of motion
        between ("representatives from Russia"; not "diplomats flew from Bonn")."""
        stops = self.c.get("motion_verbs", set())
        for t in reversed(doc[max(0, i - window):i]):
            words = self._lemmas(t)
            if words & stops or t.is_punct:
                return False
            if words & set(heads):
                return True
        return False

    def _possessed_place(self, doc: Doc, i: int) -> bool:
        """A place noun after a possessive, across one lower-case modifier: "Kosovo's
        capital", "Serbia's southern towns"."""
        nouns = self.c.get("place_possessed", set())
        for k in range(i, min(i + 2, len(doc))):
            if doc[k].lower_ in nouns:
                return True
            if not (doc[k].is_lower and doc[k].is_alpha):
                return False
        return False

    def _decide_pl(self, doc: Doc, s: Span, prev, pw: str) -> tuple[str | None, bool]:
        c, head = self.c, s[0]
        cs = cases(head)
        if pw in c["with_preps"]:
            before = self._prev(doc, prev.i, ()) if prev is not None else None
            nxt = doc[s.end] if s.end < len(doc) else None
            if before is not None and self._lemmas(before) & c.get("motion_verbs", set()):
                return "PLACE", True  # "przylecieli z Bonn": where from
            if nxt is not None and nxt.lower_ in c.get("route_preps", ()):
                return "PLACE", True  # "z Bonn do Skopje": a route
            if before is not None and self._lemmas(before) & c.get("actor_from_heads", set()):
                return "ACTOR", True  # "negocjatorzy z Rosji": who represent it
            if "inst" in cs and self._w(before) not in c["place_before"]:
                return "ACTOR", True  # "wojny z Jugosławią"; but "granicy z Albanią" is a place
            return "PLACE", True
        if pw in c["agent_preps"] and prev is not None and set().union(
                *(self._lemmas(t) for t in doc[max(0, prev.i - 3):prev.i])) & c.get("through_heads", set()):
            return "PLACE", True  # the way: "dojazd przez Macedonię", "przejechali przez Serbię"
        if pw in c["between_preps"] or pw in c["agent_preps"]:
            return "ACTOR", True
        if pw in c["against_preps"] and prev is not None:
            return ("PLACE", True) if self._w(self._prev(doc, prev.i, ())) in c["against_place"] else ("ACTOR", True)
        heads = c.get(f"actor_{pw}_heads") if pw in c.get("addressee_preps", ()) else None
        if heads and prev is not None and set().union(*(self._lemmas(t) for t in doc[max(0, prev.i - 3):prev.i])) & heads:
            return "ACTOR", True  # the addressee: "apelował do Chin", "naciskali na Moskwę"
        if pw in c["place_preps"]:
            return "PLACE", True
        # governing noun up to three words back: "ministra spraw wewnętrznych Jugosławii"
        for k in range(s.start - 1, max(-1, s.start - 4), -1):
            t = doc[k]
            if t.is_punct:
                break
            ws = self._lemmas(t)
            if ws & c["actor_before"]:
                return "ACTOR", True
            if ws & c["place_before"]:
                return "PLACE", True
            if self._verb(t) or t.lower_ in c["prepositions"]:
                break  # the governing word is the verb or in the name's own phrase, not beyond the
                # verb or a preposition ("stanowisko w sprawie Kosowa": "sprawa" governs it)
            if t.text[:1].isupper() and k < s.start - 1:
                break
        if cs & {"nom", "dat", "inst"} and not cs & {"loc"}:
            return "ACTOR", False
        return None, False

    @staticmethod
    def _verb(tok) -> bool:
        """A Polish finite verb, past form or infinitive only (Morfeusz)."""
        analyses = morf_of(tok) or ()
        got = _VERBS.get(analyses)
        if got is None:
            got = bool(analyses) and all(t.split(":")[0] in VERB_TAGS for _l, t, _n in analyses)
            if len(_VERBS) < MEMO:
                _VERBS[analyses] = got
        return got
