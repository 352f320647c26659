"""Places in no list, found by the words around them (kosnlp_names; cues in
data/context/<lang>.yaml): a capitalised name before a lower-case landscape or facility
noun ("the Rugovo gorge", "the Gornjak monastery": `place_nouns_after`), and a capitalised
name before ", near" or ", just south of" ("In Dubravic, near Pristina":
`near_words`, `compass_words`, `near_modifiers`). The words must not be a candidate already, nor an adjective
of the lists (`not_place_words`, `not_place_suffixes`: "the Orthodox monastery")."""
from __future__ import annotations

from spacy.tokens import Doc, Span


class PlaceContext:
    """Mixed into NameFinder, whose `_prepare` reads the cues (`_prepare_places`)."""

    def _prepare_places(self, cues: dict) -> None:
        self.nouns_after = set(cues.get("place_nouns_after", []))
        self.near_words = set(cues.get("near_words", []))
        self.compass = set(cues.get("compass_words", []))
        self.near_mods = set(cues.get("near_modifiers", []))
        self.not_place = set(cues.get("not_place_words", []))
        self.not_place_suffixes = tuple(cues.get("not_place_suffixes", []))

    def _unknown_name(self, doc: Doc, v, covered: set, a: int, b: int) -> bool:
        """Tokens a..b are capitalised words of a name no list knows."""
        return a < b and all(v.caps[k] and v.alpha[k] and k not in covered and v.texts[k] not in self.not_place
                             and not v.texts[k].isupper()  # "Camps I and II, north of the town": numbers, no names
                             and not v.texts[k].endswith(self.not_place_suffixes) for k in range(a, b))

    def _unlisted_places(self, doc: Doc, v, covered: set, new: list, regions: set = frozenset(),
                         person: set = frozenset(), dropped: set | None = None) -> None:
        """`regions`: the first tokens of listed regions a town is named with ("Independence, Missouri");
        `person`: the tokens of listed persons, a surname before a landscape noun being the place's
        ("the Rugova valley"): its token goes into `dropped` (the person's candidate is dropped)."""
        if not (self.nouns_after or self.near_words):
            return
        words = set(v.words)
        n = len(doc)
        for r in regions:  # "Independence, Missouri", "Fort Dix, New Jersey"
            a = r - 1
            while a > r - 4 and a >= 1 and v.caps[a - 1] and not doc[a - 1].is_stop and not doc[a].is_sent_start:
                a -= 1
            if r >= 2 and v.texts[r - 1] == "," and self._unknown_name(doc, v, covered, a, r - 1):
                new.append(Span(doc, a, r - 1, label="FACILITY"))
        if "(" in v.texts:  # a member's constituency in a debate's record: "Mr. John Smith (Wealdbridge):"
            for i in [i for i, t in enumerate(v.texts) if t == "("]:
                if 0 < i and v.caps[i - 1] and v.alpha[i - 1]:
                    k = next((k for k in range(i + 1, min(i + 5, n)) if v.texts[k] in (")", "):")), None)
                    if k is not None and (v.texts[k] == "):" or (k + 1 < n and v.texts[k + 1] == ":")) \
                            and self._unknown_name(doc, v, covered, i + 1, k):
                        new.append(Span(doc, i + 1, k, label="FACILITY"))
        if self.nouns_after & words:
            for i in [i for i, w in enumerate(v.words) if w in self.nouns_after]:
                if not doc[i].is_lower or i < 2:
                    continue
                a = i - 1
                while a > i - 3 and v.caps[a - 1] and v.words[a - 1] not in self.articles and not doc[a].is_sent_start:
                    a -= 1
                surname = a == i - 1 and a in person and dropped is not None and (a - 1 not in person)
                if not doc[a].is_sent_start and v.words[a - 1] in self.articles \
                        and (self._unknown_name(doc, v, covered - ({a} if surname else set()), a, i)):
                    new.append(Span(doc, a, i, label="FACILITY"))  # "the Rugovo gorge", "the Rugova valley"
                    if surname:
                        dropped.add(a)
        if self.near_words & words:  # "killed near Rogovo"
            for i in [i for i, w in enumerate(v.words[:-1]) if w in self.near_words]:
                if doc[i].is_lower and not doc[i + 1].is_sent_start:
                    b = i + 1
                    while b < n and b < i + 3 and v.caps[b] and not doc[b].is_sent_start:
                        b += 1
                    if self._unknown_name(doc, v, covered, i + 1, b) and v.texts[i + 1] not in self.institution_words \
                            and not self._given(doc[i + 1], alone=True):  # "stood near Arben"
                        new.append(Span(doc, i + 1, b, label="FACILITY"))
                        covered = covered | set(range(i + 1, b))
        if (self.near_words | self.compass) & words:
            for i in [i for i, t in enumerate(v.texts) if t == ","]:
                if i < 1 or i + 2 >= n:
                    continue
                k = i + 1 + (v.words[i + 1] in self.near_mods)  # ", just south of"
                if not (v.words[k] in self.near_words
                        or (v.words[k] in self.compass and k + 1 < n and v.words[k + 1] == "of")):
                    continue
                a = i - 1
                while a > i - 2 and v.caps[a - 1] and not doc[a - 1].is_stop and not doc[a].is_sent_start:
                    a -= 1
                if (doc[a].is_sent_start or doc[a - 1].is_stop or not v.caps[a - 1]) \
                        and self._unknown_name(doc, v, covered, a, i) \
                        and not (doc[a].is_sent_start and i - a == 1 and self._given(doc[a], alone=True)):
                    new.append(Span(doc, a, i, label="FACILITY"))  # "In Dubravic, near Pristina"
