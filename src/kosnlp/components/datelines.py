"""Places of a dateline among the resolver's spans: a name opening a
sentence before a date, or a place between commas before a date that ends the sentence:
where the text was written; kosnlp_resolver labels them PLACE."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .geo import GEO


def datelines(doc: Doc, spans: list[Span]) -> set[int]:
    """Places of a dateline: a name opening a sentence, with only commas, brackets and
    other names between it and a date ("Warszawa, 8 stycznia 1999 r.", "Stenkovec
    (Macedonia), 16 kwietnia", "SKOPJE, 6 April"): where the text was written."""
    at = {i: n for n, sp in enumerate(spans) for i in range(sp.start, sp.end)}
    out: set[int] = set()
    for n, sp in enumerate(spans):
        if sp.label_ in GEO and _closing_dateline(doc, spans, n):
            out.add(n)  # "Opracowanie dla biuletynu ..., Warszawa, 28 maja 1999 r."
            continue
        if sp.label_ not in GEO or not (sp.start == 0 or doc[sp.start].is_sent_start):
            continue
        names, i = [n], sp.end
        while i < len(doc) and i < sp.end + 8 and not doc[i].is_sent_start:
            k = at.get(i)
            if k is not None and spans[k].label_ == "DATE":
                if i > sp.end:
                    out.update(names)
                break
            if k is not None and spans[k].label_ in GEO:
                names.append(k)
                i = spans[k].end
            elif doc[i].text in (",", "(", ")"):
                i += 1
            else:
                break
    return out


def _closing_dateline(doc: Doc, spans: list[Span], n: int) -> bool:
    """A place between commas before a date that ends the sentence: where a note or
    letter was written, at its end ("..., Warszawa, 28 maja 1999 r.")."""
    sp = spans[n]
    if n + 1 >= len(spans) or sp.start == 0 or doc[sp.start - 1].text != "," or sp.end + 1 >= len(doc):
        return False
    d = spans[n + 1]
    if d.label_ != "DATE" or doc[sp.end].text != "," or d.start != sp.end + 1:
        return False
    e = d.end + (d.end < len(doc) and doc[d.end].text == ".")
    if e < len(doc) and doc[e].text == "(":  # a remark in brackets after it: "..., 11 czerwca 1999 r. (zapis)"
        k = next((k for k in range(e + 1, min(e + 8, len(doc))) if doc[k].text == ")"), None)
        if k is not None:
            e = k + 1
    return e == len(doc) or doc[e].is_sent_start or doc[e].is_space
