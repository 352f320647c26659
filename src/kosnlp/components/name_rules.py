"""Name rules of kosnlp_names beyond the capitalised runs (its cues, data/context/<lang>.yaml):
organisations coordinated with a conjunction, numbered units, connector phrases of long
official names, names after a place noun or a media noun, and datelines."""
from __future__ import annotations

from spacy.tokens import Doc, Span


def _cap_text(t: str) -> bool:
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _cap(tok) -> bool:
    return _cap_text(tok.text)


class NameRules:
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
        English only (Polish names take the genitive, with no "of")."""
        if self.lang != "en":
            return i
        t = next((t for t in range(i + 1, j - 1) if texts[t] == "of"), None)
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
        for p in self.phrases:
            if j + len(p) < end and texts[j:j + len(p)] == p:
                return len(p)
        return 0

    def _after_noun(self, doc: Doc, sent: Span, v, covered: set, new: list) -> None:
        """Names after a lower-case place noun (a place) or media noun (an organisation):
        "wsi Brazda", "the village of Drenovac", "the magazine Foreign Policy"."""
        for i in range(sent.start, sent.end - 1):
            w = v.words[i]
            label = "FACILITY" if w in self.place_nouns else "ORG" if w in self.media_nouns else None
            if label is None or v.caps[i]:
                continue
            k = i + 1
            if v.texts[k] == "of" and label == "FACILITY":
                k += 1
            if k < sent.end and v.texts[k] in ("„", '"', "“", "«"):
                k += 1
            m = k
            while m < sent.end and m < k + 3 and v.caps[m] and m not in covered:
                m += 1
            if m > k and (m - k > 1 or not doc[k].is_sent_start):
                new.append(Span(doc, k, m, label=label))

    def _dateline(self, doc: Doc, sent: Span, new: list) -> None:
        i = sent.start
        j = i
        while j < sent.end and doc[j].is_upper and doc[j].is_alpha and len(doc[j]) >= 3:
            j += 1
        if j == i or j >= sent.end or doc[j].text != ",":
            return
        new.append(Span(doc, i, j, label="DATELINE"))
        k = j + 1
        while k < sent.end and _cap(doc[k]):
            k += 1
        if k > j + 1 and k < sent.end and doc[k].text in ("--", "—", "–", "(", "-"):
            new.append(Span(doc, j + 1, k, label="DATELINE"))
