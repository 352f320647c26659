"""Organisations named by a quoted name after their capitalised head word (kosnlp_names):
"Stowarzyszenia „Wspólny Most”", "Wielonarodowej Brygady „Wschód”", "Fundacja „Dzieci
Bałkanów”", or after the person they are named for ("Fundacja im. Stefana Batorego"): the
head, the capitalised words before it and the quoted name with its quotes are one
organisation (label-spec: the longest mention is the one span). The head words (lemmas)
are the cue `quoted_name_heads` of context/<lang>.yaml, the words before the person
("im.") the cue `named_for_words`; a programme or an action
("Program „Kosowo”") is no organisation and has no such head."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..morfeusz import analyse

OPEN, CLOSE = ("„", '"', "“", "«"), ("”", '"', "“", "»")
_OPEN_SET = frozenset(OPEN)
MAX_QUOTED = 6  # words of a quoted name


def quoted_orgs(doc: Doc, texts: list, caps: list, words: list, heads: set, named_for: frozenset,
                new: list, sent_starts: set, common_first) -> None:
    """Append an ORG span for each head word + quoted name, or head word + `named_for` word +
    person, in `doc` (`words`: lemmas in lower case; `common_first(i)`: the capitalised word
    opening a sentence is a common noun)."""
    if not heads or not (_OPEN_SET | named_for).intersection(texts):
        return
    n = len(texts)
    for k in (k for k, t in enumerate(texts) if t in _OPEN_SET and 0 < k < n - 2):
        if not caps[k + 1] or not caps[k - 1] or not _head(texts[k - 1], words[k - 1], heads):
            continue
        m = next((j for j in range(k + 2, min(k + 2 + MAX_QUOTED, n)) if texts[j] in CLOSE), None)
        if m is None or any(texts[j] in (".", ",", ";", ":", "(", ")") for j in range(k + 1, m)):
            continue
        i = k - 1
        while i - 1 >= 0 and caps[i - 1] and i not in sent_starts and texts[i - 1] not in OPEN + CLOSE:
            i -= 1  # "Wielonarodowej Brygady": capitalised words before the head
        if i < k - 1 and i in sent_starts and common_first(i):
            i += 1  # "Sprawozdanie Stowarzyszenia „...”": a common noun opens the sentence
        new.append(Span(doc, i, m + 1, label="ORG"))
    for k in (k for k, t in enumerate(texts) if t in named_for and 0 < k < n - 1):
        if not caps[k + 1] or not caps[k - 1] or not _head(texts[k - 1], words[k - 1], heads):
            continue  # "Fundacja im. Stefana Batorego": an organisation named after a person
        m = k + 1
        while m < n and m < k + 5 and caps[m]:
            m += 1
        i = k - 1
        if i in sent_starts or not caps[i - 1] or texts[i - 1] in OPEN + CLOSE:
            new.append(Span(doc, i, m, label="ORG"))


def _head(text: str, word: str, heads: set) -> bool:
    """The word's lemma is a head, or one of its Morfeusz lemmas ("Stowarzyszenia")."""
    return word in heads or any(lem.lower() in heads for lem, _t, _n in analyse(text))


def quoted_after(texts: list, end: int, n: int, conj: set) -> tuple[int, int] | None:
    """ ” i „Name” : the quoted run after a closing quote and a conjunction."""
    k = end
    if k + 3 < n and texts[k] in CLOSE and (texts[k + 1] in conj or texts[k + 1] == ",") and texts[k + 2] in OPEN:
        start = m = k + 3
        while m < n and m < start + 4 and texts[m] not in CLOSE:
            m += 1
        if m < n and m > start and texts[m] in CLOSE:
            return start, m
    return None


def quoted_before(texts: list, start: int, conj: set) -> tuple[int, int] | None:
    """ „Name” i „ : the quoted run before an opening quote and a conjunction."""
    k = start - 1
    if k >= 3 and texts[k] in OPEN and (texts[k - 1] in conj or texts[k - 1] == ",") and texts[k - 2] in CLOSE:
        end = m = k - 2
        while m > 0 and m > end - 4 and texts[m - 1] not in OPEN:
            m -= 1
        if m > 0 and m < end and texts[m - 1] in OPEN:
            return m, end
    return None
