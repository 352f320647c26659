"""Name rules of kosnlp_names beyond the capitalised runs (its cues, data/context/<lang>.yaml):
organisations coordinated with a conjunction, numbered units, connector phrases of long
official names, names after a place noun or a media noun, datelines, and names built on a
listed name: a state's official name ("Republiki Kosowa"), an institution named by its
city ("Uniwersytet w Prisztinie"), a quoted title coordinated with a listed one
("„Trybuna” i „Życie”"). The persons of a capitalised run and the speakers of a transcript
are kosnlp.components.name_persons."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from ..morfeusz import analyse
from .name_parts import camp_number_end
from .name_persons import NamePersons
from .name_quoted import OPEN, quoted_after, quoted_before


def _cap_text(t: str) -> bool:
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _adjective(text: str) -> bool:
    """Is a word read by Morfeusz, lower-cased, only as an adjective ("Federalnym")?"""
    analyses = analyse(text.lower())
    return bool(analyses) and all(t.startswith("adj") for _l, t, _n in analyses)


def _all_caps(tok) -> bool:
    return tok.is_upper and tok.is_alpha


def _cap(tok) -> bool:
    return _cap_text(tok.text)


class NameRules(NamePersons):
    """Mixed into NameFinder, whose `_prepare` sets the cue attributes used here."""

    def _coordinated_org(self, doc: Doc, texts: list, v, i: int, j: int, new: list, covered: set) -> int:
        """Two names joined by a conjunction, the second with its own organisation head
        word ("Tanjug and Radio Free Europe", "Serbska Partia Radykalna i Socjalistyczna
        Partia Serbii"): the first is left to the lists (or is an organisation itself),
        the run goes on from the second. Returns the new start of the run."""
        for t in range(j - 2, i, -1):
            if texts[t] in self.conjunctions and any(v.heads[t + 1:j]):
                if t - i >= 2 and any(v.heads[i:t]):
                    new.append(Span(doc, self._office_of(texts, v, i, t, covered), t, label="ORG"))
                return t + 1
        return i

    def _office_of(self, texts: list, v, i: int, j: int, covered: set) -> int:
        """The start of an organisation's name after an office or other words of no
        organisation before "of" ("Chief of the General Staff ...", "Summary of the Trial
        Chamber"), unless the "of" is inside a known name ("House of Commons ...");
        The words are `office_of` of the cues (none in Polish: names take the genitive)."""
        if not self.office_of:
            return i
        t = next((t for t in range(i + 1, j - 1) if texts[t] in self.office_of), None)
        if t is None or t in covered or any(v.heads[i:t]):
            return i
        k = t + 1 + (texts[t + 1] in ("the", "The"))
        return k if k < j and any(v.heads[k:j]) else i

    def _institution(self, doc: Doc, sent: Span, v, covered: set, new: list) -> None:
        """A body named by one capitalised word after "the" or "this" ("the Chamber found",
        "this House"), a name only when capitalised (label-spec), when no other name goes on."""
        for i in range(sent.start + 1, sent.end):
            if (v.texts[i] in self.institution_words and i not in covered
                    and v.texts[i - 1] in ("the", "The", "this", "This")
                    and not (i + 1 < sent.end and (v.caps[i + 1] or v.texts[i + 1] == "of"))):
                new.append(Span(doc, i, i + 1, label="ORG"))

    def _unit_number(self, texts: list, i: int, first: int) -> int:
        """The start of an organisation with its number: "1st Armored Division",
        "10. Brygada" (the number and its full stop may be two tokens)."""
        if self.unit_number is None:
            return i
        if i - 1 >= first and self.unit_number.match(texts[i - 1]):
            return i - 1
        if i - 2 >= first and texts[i - 1] == "." and self.unit_number.match(texts[i - 2]):
            return i - 2
        return i

    def _phrase_at(self, texts: list, j: int, end: int) -> int:
        """The length of a connector phrase ("do spraw") at token j, 0 if none."""
        for p in (self.phrases if self._empty_phrase else self._phrases_by_first.get(texts[j], ())):
            if j + len(p) < end and texts[j:j + len(p)] == p:
                return len(p)
        return 0

    def _after_noun(self, doc: Doc, sent: Span, v, covered: set, new: list, person: set = frozenset()) -> None:
        """Names after a lower-case place noun (a place), media noun (an organisation) or
        person noun (a person or family: "rodziny Jasharich", "Nagroda im. Sacharowa"):
        "wsi Brazda", "the village of Drenovac", "the magazine Foreign Policy". A place
        named after a person is the place ("bulwarze Billa Clintona", "meczet Sinana
        Paszy"): a known person's tokens (`person`) do not stop a place's name."""
        nouns = self.noun_positions(v)
        for i in nouns[bisect_left(nouns, sent.start):bisect_left(nouns, sent.end - 1)]:
            w = v.words[i]
            label = ("FACILITY" if w in self.place_nouns else "ORG" if w in self.media_nouns
                     else "PERSON" if w in self.person_nouns or v.texts[i] in self.person_nouns else None)
            if label is None:
                continue
            named = label == "FACILITY" and self.inflected and v.caps[i] and i > sent.start
            if v.caps[i] and not named and not (i == sent.start and v.texts[i + 1] in OPEN):
                continue  # a capitalised noun is part of a name, unless it opens the sentence before a quote
            k = i + 1
            if v.texts[k] == "of" and label == "FACILITY":
                k += 1
            if k < sent.end and v.texts[k] in ("„", '"', "“", "«"):
                k += 1
            m = k
            while m < sent.end and m < k + 3 and v.caps[m] and (m not in covered or named
                                                              or (label == "FACILITY" and m in person)):
                m += 1
            if label == "FACILITY" and m == k and k in covered:
                m = camp_number_end(v, k, sent.end)  # a listed name with the number of a camp: "obozie Stenkovec I"
                if m is None:
                    continue
            if m > k and (m - k > 1 or not doc[k].is_sent_start):
                # a Polish place noun written with a capital is part of the name: "w Dolinie Preszewa"
                new.append(Span(doc, i if named else k, m, label=label))

    def noun_positions(self, v) -> list[int]:
        """The tokens of the doc whose word (lemma or lower case) is a place, media or
        person noun, or whose text is a person noun, in order: found once per doc, from
        the nouns the doc contains (most contain none of most)."""
        if v.nouns is None:
            in_words = self.noun_words & set(v.words)
            in_texts = self.person_nouns & set(v.texts)
            v.nouns = [i for i, (w, t) in enumerate(zip(v.words, v.texts)) if w in in_words or t in in_texts] \
                if in_words or in_texts else []
        return v.nouns

    def _dateline(self, doc: Doc, sent: Span, new: list, covered: set = frozenset()) -> None:
        """An upper-case place opening a news sentence: "COLOGNE, Germany --", or with
        the agency or a dash and no comma ("BELGRADE (AP) -", "PRISTINA -"), then only
        when no list gave the words a name of its own ("NATO (AP)": an organisation). Words
        in capitals going on after the comma are a line in capitals, no dateline."""
        i = sent.start
        j = i
        while j < sent.end and doc[j].is_upper and doc[j].is_alpha and len(doc[j]) >= 3:
            j += 1
        if j == i or j >= sent.end:
            return
        if doc[j].text != ",":
            k = j
            if doc[j].text == "(":
                k = next((m + 1 for m in range(j + 1, min(j + 5, sent.end)) if doc[m].text == ")"), j)
            if (k >= sent.end or doc[k].text not in self.dateline_dashes or k == sent.end - 1
                    or any(m in covered for m in range(i, j))):
                return
            new.append(Span(doc, i, j, label="DATELINE"))
            return
        m = j + 1  # the word after the comma
        if m < sent.end and _all_caps(doc[m]) and (len(doc[m]) >= 2 or m + 1 < sent.end and _all_caps(doc[m + 1])):
            return
        new.append(Span(doc, i, j, label="DATELINE"))
        k = j + 1
        while k < sent.end and _cap(doc[k]):
            k += 1
        if k > j + 1 and k < sent.end and doc[k].text in ("--", "—", "–", "(", "-"):
            new.append(Span(doc, j + 1, k, label="DATELINE"))

    def _on_listed(self, doc: Doc, v, existing: list, new: list) -> None:
        """Names built on a listed name (the cues `state_heads`, `city_named_orgs`,
        `state_missions`): "Republiki Kosowa" (a state, with the state's id), "Ambasada
        Rzeczypospolitej Polskiej" (a state's mission), "Uniwersytecie w Prisztinie"
        (an institution: the head word right before "w" and the city), and a quoted
        title coordinated with a quoted listed organisation ("„Trybuna” i „Życie”")."""
        n = len(doc)
        for s in existing:
            a = s.start
            if s.label_ == "STATE" and a >= 1 and v.caps[a - 1] and v.words[a - 1] in self.state_heads:
                new.append(Span(doc, a - 1, s.end, label="STATE", span_id=s.id_))
            elif s.label_ == "STATE" and (h := self._mission_head(v, a)) is not None:
                new.append(Span(doc, h, s.end, label="ORG"))
            elif (s.label_ in ("CITY", "STATE", "REGION") and a >= 2 and v.texts[a - 1] in ("w", "we")
                  and v.caps[a - 2] and v.words[a - 2] in self.city_named_orgs):
                new.append(Span(doc, a - 2, s.end, label="ORG"))
            elif (s.id_ or "").startswith("organisation:"):
                if self.morfeusz and a >= 2 and v.caps[a - 1] and not v.caps[a - 2] \
                        and _adjective(v.texts[a - 1]) and not doc[a - 1].is_sent_start:
                    new.append(Span(doc, a - 1, s.end, label="ORG"))  # "Federalnym MSZ": another body
                for q in (quoted_after(v.texts, s.end, n, self.conjunctions),
                          quoted_before(v.texts, a, self.conjunctions)):
                    if q and all(v.caps[k] or v.texts[k] in self.connectors for k in range(*q)) \
                            and v.caps[q[0]]:
                        new.append(Span(doc, q[0], q[1], label="ORG"))

    def _mission_head(self, v, a: int) -> int | None:
        """Where a state's mission named before the state at token a starts: its capitalised
        head word right before, or before one capitalised word ("Konsulatu Generalnego")."""
        for h in (a - 1, a - 2):
            if h >= 0 and all(v.caps[h:a]) and v.words[h] in self.state_missions:
                return h
        return None

    @staticmethod
    def _abbreviations(doc: Doc, spans: list, covered: set, new: list) -> None:
        """An upper-case abbreviation in brackets after an organisation's name is its own
        name (label-spec: "Związku Białorusi i Rosji (ZBiR)"): "the Humanitarian Law
        Center (HLC)"."""
        n = len(doc)
        for s in spans:
            e = s.end
            if ((s.label_ == "ORG" or (s.id_ or "").startswith("organisation:")) and e + 2 < n
                    and doc[e].text == "(" and doc[e + 2].text.startswith(")") and e + 1 not in covered):
                t = doc[e + 1].text
                if 2 <= len(t) <= 8 and t[0].isupper() and sum(ch.isupper() for ch in t) >= 2 and t.isalpha():
                    new.append(Span(doc, e + 1, e + 2, label="ORG"))
