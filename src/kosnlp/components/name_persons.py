"""Persons of kosnlp_names: every name in a capitalised run ("David and Anthony", "German
Foreign Minister Joschka Fischer", "Szukam Agima Krasniqiego") and the upper-case speakers
opening the lines of a transcript ("JAMIE SHEA:")."""
from __future__ import annotations

from itertools import compress

from spacy.tokens import Doc, Span

from ..morfeusz import analyse
from .name_parts import office_words_end


def is_person(s: Span) -> bool:
    """A person's span: a PERSON candidate, or an ACTOR linked to a listed person."""
    return s.label_ == "PERSON" or (s.label_ == "ACTOR" and (s.id_ or "").startswith("person:"))


def places_named_for_persons(spans: list[Span]) -> list[Span]:
    """A person inside a place named after them is no person ("bulwarze Billa Clintona")."""
    places = [(s.start, s.end) for s in spans if s.label_ == "FACILITY"]
    if not places:
        return spans
    return [s for s in spans if not ((s.label_ == "PERSON" or (s.id_ or "").startswith("person:"))
                                     and any(a <= s.start and s.end <= b for a, b in places))]


class NamePersons:
    """Mixed into NameFinder (through NameRules), whose `_prepare` sets the cue attributes used here."""

    def _speakers(self, doc: Doc, bounds, covered: set, surnames: list, new: list) -> None:
        """The upper-case name of a speaker opening a line of a transcript before a colon
        ("JAMIE SHEA:", "GENERAL JERTZ:", "SHEA:", "MARTA:"): a person when its first word read
        in title case is a given name, or a title before a name, or it is the surname of a
        person of the text, or a given name alone ("DAN:"); not a role ("PRESENTER:", "Q:").
        A speaker named by a given name alone is that person where the text names them again
        ("Ze mną Paweł")."""
        labels = []
        for a, b in bounds:
            j = a
            while j < b and doc[j].is_upper and doc[j].is_alpha and len(doc[j]) >= 2 and j not in covered:
                j += 1
            if a < j < b and doc[j].text == ":" and j - a <= 4:
                labels.append((a, j, [t.text.title() for t in doc[a:j]]))
        known = {x.upper() for x in surnames}
        alone = set()  # speakers already taken as a given name alone
        for a, j, words in labels:
            if len(words) >= 2 and words[0] in self.title_words:
                new.append(Span(doc, a + 1, j, label="PERSON"))
            elif len(words) >= 2 and (words[0] in self.given or "imię" in _name_classes_text(words[0])):
                new.append(Span(doc, a, j, label="PERSON"))
            elif len(words) == 1 and len(words[0]) >= 3 and (
                    words[0] in self.given_alone or "imię" in _name_classes_text(words[0])):
                new.append(Span(doc, a, j, label="PERSON"))  # "MARTA:": a host named by the given name
                alone.add(a)
                known.add(doc[a].text.upper())
                surnames.append(words[0])  # later "Marta" in the text is the host
                continue
            else:
                continue
            known.add(doc[j - 1].text.upper())
            surnames.append(doc[j - 1].text)
        for a, j, words in labels:
            if len(words) == 1 and a not in alone and (doc[a].text.upper() in known or words[0] in self.given_alone):
                new.append(Span(doc, a, j, label="PERSON"))

    def _persons(self, doc: Doc, sent: Span, i: int, j: int, v, covered: set, person: set,
                 heading: bool, new: list) -> None:
        """The persons in the run i..j: every name in it ("David and Anthony")."""
        caps, texts, title_word = v.caps, v.texts, v.titles

        def place_named_person(k: int) -> bool:  # "Jordan Nikolić", "Roman Kowalski"
            return (k in covered and k in self._geo and k + 1 < j and caps[k + 1] and v.alpha[k + 1]
                    and (k + 1 not in covered or k + 1 in person) and not title_word[k + 1]
                    and not v.heads[k + 1] and texts[k + 1] not in self.event_heads and self._given(doc[k]))

        def surname_place(k: int) -> bool:  # "Arben Morina": a given name before a one-word place
            return (k not in covered and k + 1 in self._geo_surname and (k + 2 >= j or not caps[k + 2])
                    and not title_word[k] and self._given(doc[k], alone=True))

        while i < j:
            k = i
            while k < j and ((k in covered and not place_named_person(k)) or not caps[k] or title_word[k]):
                k += 1
            m, stops = k, 0
            while m < j and m < k + 3 + stops and (m not in covered or (m > k and m in person)
                                                   or (m == k and place_named_person(k))
                                                   or (m == k + 1 and surname_place(k))):
                if texts[m] == "." and m > k and len(texts[m - 1]) == 1:
                    stops += 1  # the full stop of an initial ("K .")
                elif (texts[m] == "-" and m > k and m + 1 < j and caps[m + 1] and not doc[m - 1].whitespace_
                      and not doc[m].whitespace_):
                    stops += 1  # a hyphenated given name or surname: "Jean-Pierre Thébault"
                elif texts[m] in self.particles and m > k and m + 1 < j and (
                        caps[m + 1] or (texts[m + 1] in self.particles and m + 2 < j and caps[m + 2])):
                    stops += 1  # a particle inside a surname: "Hans van den Broek", "Jaap de Hoop Scheffer"
                elif not caps[m]:
                    break
                elif title_word[m]:
                    k = m + 1  # "German Foreign Minister Joschka Fischer": the name follows the title
                m += 1
            i = max(m, k + 1)
            if k >= m or texts[k] in self.not_names:
                continue
            if m - k >= 2 and not self._given(doc[k]) and self._given(doc[k + 1]) and (
                    self._common(doc[k]) or (k == sent.start and not self.inflected and k + 1 not in covered)):
                k += 1  # "Szukam Agima Krasniqiego", "Driver Besim Krasniqi": a common word before the name
            elif self.inflected and m - k >= 2 and self._common(doc[k]) and self._title_before(doc, k, v):
                k, m = office_words_end(self, doc, k, j, v, covered) or (k, m)  # "Minister Obrony | Jan Nowak"
            run = doc[k:m]
            # a capitalised word inside a sentence before a known person's surname is another
            # given name of that family ("editor Veran Matić" beside the minister Goran Matić)
            first_name = self._given(run[0]) or (
                not self.inflected and not heading and len(run) == 2 and k != sent.start and k + 1 in person
                and k not in covered and texts[k].isalpha() and texts[k][1:].islower())
            if len(run) == 1 and not heading and self._given(run[0], alone=True):
                new.append(Span(doc, run.start, run.end, label="PERSON"))  # "Fatmir", "David"
            elif (len(run) >= 2 and first_name) or (self._title_before(doc, k, v) and not heading and not (
                    self.inflected and len(run) >= 2 and all(self._common(t) for t in run))):  # "Minister Spraw Zagranicznych"
                if len(run) == 1 and run.start == sent.start:
                    continue
                new.append(Span(doc, run.start, run.end, label="PERSON"))


    def _surname_mentions(self, doc: Doc, v, covered: set, surnames: list, existing: list, new: list) -> list:
        """A capitalised word outside the spans found that is a surname of a person the text named
        (`_is_surname`) is that person; a listed place that is such a surname after a title ("Ms
        Morina") is the person, not the place. Appends to `new`; returns `existing` without those places."""
        texts = v.texts
        taken = covered | {i for s in new for i in range(s.start, s.end)}
        memo: dict[str, bool] = {}
        for i in compress(range(len(texts)), v.caps):  # the capitalised words only
            titled = i in taken and i in self._geo_surname and self._title_before(doc, i, v)
            if i not in taken or titled:
                hit = memo.get(texts[i])
                if hit is None:
                    hit = memo[texts[i]] = self._is_surname(texts[i], surnames)
                if hit:
                    new.append(Span(doc, i, i + 1, label="PERSON"))
                    if titled:
                        existing = [s for s in existing if not (s.start == i and s.end == i + 1)]
        return existing


def _name_classes_text(text: str) -> set:
    """Morfeusz name classes of a word out of context (its title-case form, read as a name)."""
    return {n for _l, _t, names in analyse(text) for n in names}
