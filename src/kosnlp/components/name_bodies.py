"""A body named by its capitalised head word alone inside a Polish sentence (kosnlp_names):
"Komisja poparła plan", "rozmowy Przewodnictwa z Tiraną".
Polish writes these common nouns in lower case unless they name the body ("Komisja" = the
European Commission named before; label-spec: "Sojusz", "Trybunał" are names only when
capitalised). The words, as written, are the cue `body_words` of context/<lang>.yaml; a word
opening a sentence, or next to another capitalised word (part of a longer name: "Unii
Europejskiej", "Radzie Bezpieczeństwa") or before a link of a longer name (`body_word_links`: "Komisja ds. ..."),
is left to the other rules."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .name_quoted import OPEN


def lone_bodies(doc: Doc, texts: list, caps: list, words: set, links: set, sent_starts: set, covered: set,
                new: list) -> None:
    """Append an ORG span for each such word not in a listed name (`covered`) or a new one; a word
    before one of `links` ("Komisja ds. Uchodźców") is the head of a longer name."""
    present = words.intersection(texts)  # most docs have none: no loop over their tokens
    if not present:
        return
    taken = covered | {i for s in new for i in range(s.start, s.end)}
    n = len(texts)
    for i in (i for i, t in enumerate(texts) if t in present and i > 0):
        if (i not in sent_starts and i not in taken and not caps[i - 1]
                and texts[i - 1] not in OPEN and not (i + 1 < n and (caps[i + 1] or texts[i + 1] in links))):
            new.append(Span(doc, i, i + 1, label="ORG"))
