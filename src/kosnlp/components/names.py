"""kosnlp_names: names that are in no list.

Adds candidates to `doc.spans[spans_key]` (the rulers write there too):
- ORG: a run of capitalised words (with connectors such as "of", "ds.") that contains
  an organisation head word ("Army", "Council", "Partia", "Rada" ...);
- PERSON: a capitalised run after a title ("President", "premier", "gen.") or starting
  with a first name (Morfeusz's "imię" class), and later mentions of the same surname
  in the document, inflected ("Kowan" ... "Kowana");
- DATELINE: an upper-case place at the start of a news sentence ("COLOGNE, Germany --").
Title-case headings are skipped: every word is capitalised there.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..ingest import load_yaml_data
from ..morfeusz import analyse
from . import morph  # noqa: F401  (registers Token._.morf)
from .base import Stateless

SURNAME_SUFFIXES = ("", "a", "owi", "em", "ie", "u", "iem", "y", "ą", "ę", "ego", "emu", "im", "i", "'a", "’a", "'owi")


def _name_classes(tok) -> set:
    """Morfeusz name classes: from kosnlp_morph when it ran (Polish), else looked up."""
    return {n for _l, _t, names in (tok._.morf or analyse(tok.text)) for n in names}


def _cap(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


class NameFinder(Stateless):
    def __init__(self, nlp: Language, name: str = "kosnlp_names", *, lang: str, spans_key: str,
                 cues: dict | None = None):
        self.name, self.lang, self.key = name, lang, spans_key
        self.cues = cues or load_yaml_data(f"context/{lang}.yaml")
        self.titles = [t.split() for t in self.cues["titles"]]
        self.title_words = {w for t in self.titles for w in t if w[:1].isupper() or lang == "pl"}
        self.org_heads = {w.lower() for w in self.cues["org_heads"]}
        self.connectors = set(self.cues["connectors"])
        self.not_names = set(self.cues.get("not_name_first", []))
        self.after_ds = set(self.cues.get("connectors_after_ds", []))

    def _word(self, tok) -> str:
        return (tok.lemma_ or tok.text).lower() if self.lang == "pl" else tok.text.lower()

    def _runs(self, sent: Span):
        """Maximal runs of capitalised tokens, joined by connectors; (start, end) token ids."""
        i, end = sent.start, sent.end
        doc = sent.doc
        while i < end:
            if not _cap(doc[i]):
                i += 1
                continue
            j, seen_ds = i + 1, False
            while j < end:
                t = doc[j]
                if _cap(t):
                    j += 1
                elif (t.text in self.connectors or (seen_ds and t.text in self.after_ds)) \
                        and j + 1 < end and _cap(doc[j + 1]):
                    seen_ds = seen_ds or t.text == "ds."
                    j += 2
                else:
                    break
            yield i, j
            i = j

    def _not_org_first(self, tok) -> bool:
        """Operations, treaties, wars, documents are not annotated ("Operation Allied Force")."""
        return tok.text in self.not_names

    def _is_title_word(self, tok) -> bool:
        return tok.text in self.title_words or (self.lang == "pl" and tok.lemma_.lower() in self.title_words)

    def _title_before(self, doc: Doc, i: int) -> bool:
        for title in self.titles:
            n = len(title)
            if i - n >= 0 and [t.text if title[0][0].isupper() else t.text.lower() for t in doc[i - n:i]] == title:
                return True
            if self.lang == "pl" and n == 1 and i >= 1 and doc[i - 1].lemma_.lower() == title[0]:
                return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        existing = list(doc.spans[self.key]) if self.key in doc.spans else []
        covered = {i for s in existing for i in range(s.start, s.end)}
        new: list[Span] = []
        surnames: list[str] = []
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sents:
            words = [t for t in sent if t.is_alpha]
            heading = (len(words) >= 3 and sent[-1].text not in ".!?;:"
                       and sum(_cap(t) for t in words) / len(words) > 0.6)
            self._dateline(doc, sent, new)
            for i, j in self._runs(sent):
                if i == sent.start and j - i > 1 and doc[i].is_stop:
                    i += 1  # "The Kosovo Liberation Army", "W Kosowie"
                if (j - i >= 2 and not heading and not self._not_org_first(doc[i])
                        and any(self._word(t) in self.org_heads for t in doc[i:j])):
                    new.append(Span(doc, i, j, label="ORG"))
                    continue
                k = i
                while k < j and (k in covered or not _cap(doc[k]) or self._is_title_word(doc[k])):
                    k += 1
                m = k
                while m < j and m < k + 3 and _cap(doc[m]) and m not in covered:
                    if self._is_title_word(doc[m]):
                        k = m + 1  # "German Foreign Minister Joschka Fischer": the name follows the title
                    m += 1
                run = doc[k:m]
                if not len(run) or any(self._not_org_first(t) for t in run[:1]):
                    continue
                first_name = "imię" in _name_classes(run[0])
                if (len(run) >= 2 and first_name) or (self._title_before(doc, k) and not heading):
                    if len(run) == 1 and run.start == sent.start:
                        continue
                    new.append(Span(doc, run.start, run.end, label="PERSON"))
        for s in existing + new:
            if s.label_ == "PERSON" or (s.label_ == "ACTOR" and (s.id_ or "").startswith("person:")):
                surnames.append(s[-1].text)
        if surnames:
            taken = covered | {i for s in new for i in range(s.start, s.end)}
            for tok in doc:
                if tok.i not in taken and _cap(tok) and self._is_surname(tok.text, surnames):
                    new.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
        doc.spans[self.key] = existing + new
        return doc

    def _is_surname(self, text: str, surnames: list[str]) -> bool:
        for s in surnames:
            if text == s:
                return True
            if self.lang == "pl" and len(s) >= 4:
                stem = s[:-1] if s[-1] in "aoe" else s
                stem = stem[:-1] + "ci" if stem.endswith("ć") else stem
                if text.startswith(stem) and text[len(stem):] in SURNAME_SUFFIXES:
                    return True
        return False

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



@Language.factory("kosnlp_names", default_config={"lang": "en", "spans_key": "kosnlp_candidates"})
def make_names(nlp: Language, name: str, lang: str, spans_key: str) -> NameFinder:
    return NameFinder(nlp, name, lang=lang, spans_key=spans_key)
