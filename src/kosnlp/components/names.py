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

from spacy.attrs import IS_ALPHA, LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..morfeusz import analyse
from . import morph  # noqa: F401  (registers Token._.morf)
from .base import WithCues, sentence_bounds

SURNAME_SUFFIXES = ("", "a", "owi", "em", "ie", "u", "iem", "y", "ą", "ę", "ego", "emu", "im", "i", "'a", "’a", "'owi")


def _name_classes(tok) -> set:
    """Morfeusz name classes: from kosnlp_morph when it ran (Polish), else looked up."""
    return {n for _l, _t, names in (tok._.morf or analyse(tok.text)) for n in names}


def _cap_text(t: str) -> bool:
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _cap(tok) -> bool:
    return _cap_text(tok.text)


class _View:
    """Per-doc token attributes read once, from the doc's arrays (token objects are
    slow to create)."""
    __slots__ = ("texts", "caps", "words", "titles", "alpha")

    def __init__(self, finder: "NameFinder", doc: Doc):
        finder.ensure_data()
        pl = finder.lang == "pl"
        strings = doc.vocab.strings
        self.texts = [strings[o] for o in doc.to_array(ORTH).tolist()]
        lemmas = [strings[o] for o in doc.to_array(LEMMA).tolist()] if pl else None
        self.alpha = doc.to_array(IS_ALPHA).astype(bool).tolist()
        self.caps = [_cap_text(t) for t in self.texts]
        # lemma (Polish) or text, lower case
        self.words = [(lem or t).lower() for lem, t in zip(lemmas, self.texts)] if pl \
            else [t.lower() for t in self.texts]
        tw = finder.title_words
        self.titles = [t in tw or (pl and lem.lower() in tw) for t, lem in zip(self.texts, lemmas)] if pl \
            else [t in tw for t in self.texts]


class NameFinder(WithCues):
    """Its cues (context/<lang>.yaml: titles, organisation heads, connectors ...) are saved
    with the pipeline (kosnlp.components.base.WithCues)."""

    def __init__(self, nlp: Language, name: str = "kosnlp_names", *, lang: str, spans_key: str,
                 cues: dict | None = None):
        self.name, self.lang, self.key = name, lang, spans_key
        if cues:
            self.set_data(cues)

    def _prepare(self, cues: dict) -> None:
        lang = self.lang
        self.titles = [t.split() for t in cues["titles"]]
        self.title_words = {w for t in self.titles for w in t if w[:1].isupper() or lang == "pl"}
        self.org_heads = {w.lower() for w in cues["org_heads"]}
        self.connectors = set(cues["connectors"])
        self.not_names = set(cues.get("not_name_first", []))
        self.after_ds = set(cues.get("connectors_after_ds", []))
        # titles by length: capitalised ones match the text, the others its lower case
        self._titles_cased: dict[int, set] = {}
        self._titles_lower: dict[int, set] = {}
        for t in self.titles:
            (self._titles_cased if t[0][0].isupper() else self._titles_lower).setdefault(len(t), set()).add(tuple(t))
        self._title_lemmas = {t[0] for t in self.titles if len(t) == 1} if lang == "pl" else set()

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
                elif (texts[j] in self.connectors or (seen_ds and texts[j] in self.after_ds)) \
                        and j + 1 < end and caps[j + 1]:
                    seen_ds = seen_ds or texts[j] == "ds."
                    j += 2
                else:
                    break
            yield i, j
            i = j

    def _title_before(self, doc: Doc, i: int, v: _View | None = None) -> bool:
        """A title ends just before token i ("President", "Prime Minister", "premiera")."""
        v = v or _View(self, doc)
        for n, titles in self._titles_cased.items():
            if i - n >= 0 and tuple(v.texts[i - n:i]) in titles:
                return True
        for n, titles in self._titles_lower.items():
            if i - n >= 0 and tuple(t.lower() for t in v.texts[i - n:i]) in titles:
                return True
        return i >= 1 and bool(self._title_lemmas) and doc[i - 1].lemma_.lower() in self._title_lemmas

    def __call__(self, doc: Doc) -> Doc:
        v = _View(self, doc)
        caps, texts, title_word = v.caps, v.texts, v.titles
        existing = list(doc.spans[self.key]) if self.key in doc.spans else []
        covered = {i for s in existing for i in range(s.start, s.end)}
        new: list[Span] = []
        surnames: list[str] = []
        bounds = sentence_bounds(doc) if doc.has_annotation("SENT_START") else [(0, len(doc))]
        for a, b in bounds:
            sent = doc[a:b]
            words = [i for i in range(a, b) if v.alpha[i]]
            heading = (len(words) >= 3 and sent[-1].text not in ".!?;:"
                       and sum(caps[i] for i in words) / len(words) > 0.6)
            self._dateline(doc, sent, new)
            for i, j in self._runs(sent, v):
                if i == sent.start and j - i > 1 and doc[i].is_stop:
                    i += 1  # "The Kosovo Liberation Army", "W Kosowie"
                if (j - i >= 2 and not heading and texts[i] not in self.not_names
                        and any(v.words[t] in self.org_heads for t in range(i, j))):
                    new.append(Span(doc, i, j, label="ORG"))
                    continue
                k = i
                while k < j and (k in covered or not caps[k] or title_word[k]):
                    k += 1
                m = k
                while m < j and m < k + 3 and caps[m] and m not in covered:
                    if title_word[m]:
                        k = m + 1  # "German Foreign Minister Joschka Fischer": the name follows the title
                    m += 1
                if k >= m or texts[k] in self.not_names:
                    continue
                run = doc[k:m]
                first_name = "imię" in _name_classes(run[0])
                if (len(run) >= 2 and first_name) or (self._title_before(doc, k, v) and not heading):
                    if len(run) == 1 and run.start == sent.start:
                        continue
                    new.append(Span(doc, run.start, run.end, label="PERSON"))
        for s in existing + new:
            if s.label_ == "PERSON" or (s.label_ == "ACTOR" and (s.id_ or "").startswith("person:")):
                surnames.append(s[-1].text)
        if surnames:
            taken = covered | {i for s in new for i in range(s.start, s.end)}
            memo: dict[str, bool] = {}
            for i, text in enumerate(texts):
                if i not in taken and caps[i]:
                    hit = memo.get(text)
                    if hit is None:
                        hit = memo[text] = self._is_surname(text, surnames)
                    if hit:
                        new.append(Span(doc, i, i + 1, label="PERSON"))
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
