"""The word tests of kosnlp_names: given names (listed, Morfeusz's "imię" class, Polish case
forms), titles before a name, common words and a person's surname in its case forms."""
from __future__ import annotations

from spacy.tokens import Doc

from ..morfeusz import analyse
from . import morph
from .name_rules import _cap_text

# Polish cases of a given name, also after an apostrophe (foreign names: "Tony'ego", "Mike'a")
GIVEN_SUFFIXES = ("a", "owi", "em", "ie", "u", "y", "ą", "ę", "i", "ego", "emu", "iem",
                  "'ego", "'emu", "'a", "'owi", "'em", "'u", "’ego", "’emu", "’a", "’owi", "’em", "’u")
# the case endings of a given name in -a that replace the -a ("Drita": "Drity", "Dritę", "Dritą")
GIVEN_A_SUFFIXES = ("y", "i", "ie", "ę", "ą")
CAP_MEMO = 200_000  # word forms whose capitalisation a NameFinder remembers
SURNAME_SUFFIXES = ("", "a", "owi", "em", "ie", "u", "iem", "y", "ą", "ę", "ego", "emu", "im", "i", "'a", "’a", "'owi")


def _name_classes(tok) -> set:
    """Morfeusz name classes: from kosnlp_morph when it ran (Polish), else looked up."""
    return {n for _l, _t, names in (morph.morf_of(tok) or analyse(tok.text)) for n in names}


class NameWords:
    """Mixin of NameFinder: the tests of one word or of the words before a token; it reads
    the finder's lists (given, given_alone, titles, morfeusz) set by its `_prepare`."""

    def cap(self, text: str) -> bool:
        """`_cap_text`, remembered for up to CAP_MEMO word forms."""
        got = _cap_text(text)
        if len(self.cap_memo) < CAP_MEMO:
            self.cap_memo[text] = got
        return got

    def _given(self, tok, alone: bool = False) -> bool:
        """A given name: Morfeusz's "imię" class or the given-name lists (Polish: also
        inflected). `alone`: a given name with no surname, only from the lists and only
        when it is not also a common word ("Will", "Tylko")."""
        t = tok.text
        names = self.given_alone if alone else self.given
        if t in names or (not alone and "imię" in _name_classes(tok)):
            return not (alone and (tok.is_stop or len(t) < 3))
        if not self.inflected:
            return False
        return self.inflected_given_name(t, alone)

    def inflected_given_name(self, t: str, alone: bool) -> bool:
        """A listed given name with a case ending ("Jerzego"), or one in -a with the -a
        replaced ("Drity", "Dritą"), remembered per form."""
        got = self.inflected_given.get((t, alone))
        if got is None:
            names = self.given_alone if alone else self.given
            got = any(t.endswith(e) and t[:-len(e)] in names for e in GIVEN_SUFFIXES) \
                or (any(t.endswith(e) and t[:-len(e)] + "a" in names for e in GIVEN_A_SUFFIXES)
                    and not (self.morfeusz and self._common_word(t)))  # "Ginie" is a verb, not "Gina"
            if len(self.inflected_given) < CAP_MEMO:
                self.inflected_given[(t, alone)] = got
        return got

    def _one_word_title(self, tok) -> bool:
        """A title of one word ("Przewodniczący", "President"; not "Foreign" of "Foreign Secretary")."""
        return ((tok.text,) in self._titles_cased.get(1, ()) or (tok.lower_,) in self._titles_lower.get(1, ())
                or (self.inflected and tok.lemma_.lower() in self._title_lemmas))

    def _title_before(self, doc: Doc, i: int, v) -> bool:
        """A title ends just before token i ("President", "Prime Minister", "premiera"); `v`:
        the finder's per-doc view (its `texts`)."""
        texts = v.texts
        for n, titles in self._titles_cased.items():
            if i - n >= 0 and tuple(texts[i - n:i]) in titles:
                return True
        for n, titles in self._titles_lower.items():
            if i - n >= 0 and tuple(t.lower() for t in texts[i - n:i]) in titles:
                return True
        return i >= 1 and bool(self._title_lemmas) and doc[i - 1].lemma_.lower() in self._title_lemmas

    def _common(self, tok) -> bool:
        if self.morfeusz:
            return self._common_word(tok.text)
        return tok.is_stop or (tok.lower_,) in self._titles_lower.get(1, ())  # "Correspondent Alex Kirkbride"

    @staticmethod
    def _common_word(text: str) -> bool:
        """A word Morfeusz knows as no name (Polish)."""
        return any(set(names) <= {"nazwa_pospolita"} and t != "ign" for _l, t, names in analyse(text.lower()))

    def _is_surname(self, text: str, surnames: list[str]) -> bool:
        for s in surnames:
            if text == s:
                return True
            if self.inflected and len(s) >= 4:
                stem = s[:-1] if s[-1] in "aoe" else s
                stem = stem[:-1] + "ci" if stem.endswith("ć") else stem
                if text.startswith(stem) and text[len(stem):] in SURNAME_SUFFIXES:
                    return True
        return False
