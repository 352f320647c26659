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
        if self.inflected:  # case-governed cues
            return self._decide_pl(doc, s, prev, pw)
        if pw == "from" and prev is not None:
            before = {t.lower_ for t in doc[max(0, prev.i - 4):prev.i]}
            return ("ACTOR", True) if before & c["actor_from_heads"] else ("PLACE", True)
        if pw in c["agent_preps"]:
            return "ACTOR", True
        if nxt is not None and nxt.text in ("'s", "’s") and pw in c["place_preps"]:
            return "ACTOR", True  # "appealed for Moscow's support": the possessor acts
        if pw in ("to", "on") and prev is not None:
            before = {t.lower_ for t in doc[max(0, prev.i - 4):prev.i]}
            if pw == "to" and before & c["actor_to_heads"]:
                return "ACTOR", True  # the addressee: "conveyed our regret to Beijing"
            if pw == "on" and before & c["place_before_on"]:
                return "PLACE", True  # "missiles fell on Yugoslavia"
        if pw in c["place_preps"]:
            return "PLACE", True
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
                return "ACTOR", True
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

    def _decide_pl(self, doc: Doc, s: Span, prev, pw: str) -> tuple[str | None, bool]:
        c, head = self.c, s[0]
        cs = cases(head)
        if pw in c["with_preps"]:
            before = self._w(self._prev(doc, prev.i, ())) if prev is not None else ""
            if "inst" in cs and before not in c["place_before"]:
                return "ACTOR", True  # "wojny z Jugosławią"; but "granicy z Albanią" is a place
            return "PLACE", True
        if pw in c["between_preps"] or pw in c["agent_preps"]:
            return "ACTOR", True
        if pw in c["against_preps"] and prev is not None:
            return ("PLACE", True) if self._w(self._prev(doc, prev.i, ())) in c["against_place"] else ("ACTOR", True)
        heads = c.get(f"actor_{pw}_heads") if pw in ("do", "na") else None
        if heads and prev is not None and {self._w(t) for t in doc[max(0, prev.i - 3):prev.i]} & heads:
            return "ACTOR", True  # the addressee: "apelował do Chin", "naciskali na Moskwę"
        if pw in c["place_preps"]:
            return "PLACE", True
        # governing noun up to three words back: "ministra spraw wewnętrznych Jugosławii"
        for k in range(s.start - 1, max(-1, s.start - 4), -1):
            t = doc[k]
            if t.is_punct:
                break
            w = self._w(t)
            if w in c["actor_before"]:
                return "ACTOR", True
            if w in c["place_before"]:
                return "PLACE", True
            if self._verb(t):
                break  # the governing word is the verb or in the name's own phrase, not beyond the verb
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
