"""Parts of a name the other rules of kosnlp_names leave out or take in: capitalised words
of an office between a Polish title and a person ("Minister Spraw Zagranicznych | Bronisław
Geremek", "Sekretarz Stanu | Madeleine Albright"; label-spec rule 1: the name only, without
titles or functions), and a camp's number after its listed place ("obozie Stenkovec I")."""
from __future__ import annotations

import re

from spacy.tokens import Doc

ROMAN = re.compile(r"^(I{1,3}|IV|V|VI{1,3})$")


def office_words_end(finder, doc: Doc, k: int, j: int, v, covered: set) -> tuple[int, int] | None:
    """Capitalised common words of an office after a title ("Minister | Spraw Zagranicznych",
    "Sekretarz | Stanu") end where a given name followed by a capitalised word begins: (start,
    end) of that person's name, or None."""
    t = k  # a common word that is also a given name's case form ("Stanu": Stan) is an office word
    while t < j - 1 and t < k + 4 and finder._common(doc[t]) and not (
            t > k and finder._given(doc[t]) and not finder._common(doc[t + 1])):
        t += 1  # up to a given name before a word that is no common word ("Jan | Nowicki")
    if t == k or t >= j - 1 or not finder._given(doc[t]) or not v.caps[t + 1]:
        return None
    m = t + 1
    while m < j and m < t + 3 and v.caps[m] and (m not in covered or m == t + 1):
        m += 1
    return t, m


def camp_number_end(v, k: int, end: int) -> int | None:
    """The end of a capitalised name from token k with a Roman number after it ("Stenkovec I",
    "Kukës II"), or None."""
    m = k
    while m < end and m < k + 3 and v.caps[m] and not ROMAN.match(v.texts[m]):
        m += 1
    return m + 1 if m < end and m > k and ROMAN.match(v.texts[m]) else None
