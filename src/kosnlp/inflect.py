"""Polish inflected forms of names, for building gazetteer patterns (build time only).

Morfeusz 2 (SGJP) first: for a name it knows, the head noun and the adjectives next
to it are generated in every case, agreeing in number and gender, and the rest of the
name stays as written ("Rada Bezpieczeństwa ONZ" -> "Radzie Bezpieczeństwa ONZ").
Names it does not know get the declension rules of data/inflection/pl.yaml.
"""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from .ingest import load_yaml_data

CASES = ("nom", "gen", "dat", "acc", "inst", "loc")


from .morfeusz import analyser as _morfeusz


def _parts(tag: str) -> list[str]:
    return tag.split(":")


def _keep_case(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if model[:1].isupper() else form


def _nominative_analyses(word: str) -> list[tuple[str, list[str]]]:
    out = []
    for _, _, (orth, lemma, tag, names, _q) in _morfeusz().analyse(word):
        p = _parts(tag)
        if p[0] in ("subst", "adj", "ppas") and len(p) >= 4 and "nom" in p[2].split("."):
            out.append((lemma.split(":")[0], p))
    return out


def morfeusz_forms(word: str, pos: str, number: str | None = None, gender: str | None = None) -> dict | None:
    """case -> forms of `word` as the nominative of a noun/adjective, or None if unknown."""
    for lemma, p in _nominative_analyses(word):
        if p[0] == "ppas" and pos == "adj":
            p = ["adj"] + p[1:4] + ["ppas"]
        if p[0] != pos or (number and p[1] != number) or (gender and gender not in p[3].split(".")):
            continue
        forms: dict[str, set] = {c: set() for c in CASES}
        for orth, _lem, tag, _n, _q in _morfeusz().generate(lemma):
            q = _parts(tag)
            if q[0] == "ppas" and len(p) > 4 and p[4] == "ppas" and q[-1] == "aff":
                q = ["adj"] + q[1:4] + ["pos"]
            if q[0] != pos or q[1] != p[1] or len(q) < 4:
                continue
            if gender and gender not in q[3].split("."):
                continue
            if pos == "adj" and len(q) > 4 and q[4] not in ("pos",):
                continue
            for c in q[2].split("."):
                if c in forms:
                    forms[c].add(_keep_case(orth, word))
        if any(forms.values()):
            forms["nom"].add(word)
            return forms
    return None


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_yaml_data("inflection/pl.yaml")


def rule_forms(word: str, paradigm: str) -> dict:
    for rule in _rules()[paradigm]:
        end = rule["ending"]
        if word.endswith(end) and len(word) > len(end):
            stem = word[: len(word) - len(end)] if end else word
            out = {c: {stem + suf for suf in rule.get(c, [])} for c in CASES if c != "nom"}
            out["nom"] = {word}
            return out
    return {c: {word} for c in CASES}


def _nouns(word: str) -> list[list[str]]:
    """Tags of the nominative noun readings of a word written as a plain word ("Jork",
    "Komisarz"; not an acronym or a compound such as "UE", "NATO-Rosja")."""
    if not (word.isalpha() and word[1:].islower()):
        return []
    return [p for _, p in _nominative_analyses(word) if p[0] == "subst"]


def _head_index(words: list[str]) -> int | None:
    """The head noun: the first word that can be a noun, unless it can also be an adjective
    agreeing with a noun right after it that cannot be an adjective after it ("Wysoki
    Komisarz", "Biały Dom": the head is the second word; "Rada Bezpieczeństwa", "Ruda
    Śląska": the first)."""
    for i, w in enumerate(words):
        an = _nominative_analyses(w)
        if not any(p[0] == "subst" for _, p in an):
            continue
        adj = {(p[1], g) for _, p in an if p[0] in ("adj", "ppas") for g in p[3].split(".")}
        nxt = {(p[1], g) for p in _nouns(words[i + 1]) for g in p[3].split(".")} \
            if adj and i + 1 < len(words) else set()
        if adj & nxt:
            # unless the next word may as well be an adjective after this noun ("Ruda Śląska")
            noun = {(p[1], g) for _, p in an if p[0] == "subst" for g in p[3].split(".")}
            after = {(p[1], g) for _, p in _nominative_analyses(words[i + 1]) if p[0] in ("adj", "ppas")
                     for g in p[3].split(".")}
            if not noun & after:
                continue
        return i
    return None


def inflect(name: str, kind: str = "place", gender: str = "m", polish: bool = False) -> set[str]:
    """All forms of a Polish (or foreign) name in Polish text, the name itself included;
    `polish`: the name is a Polish form (an exonym or a Polish spelling), whose last word
    declines also when Morfeusz knows none of its words."""
    words = name.split()
    if not words:
        return set()
    if kind == "place" and len(words) == 1 and _HYPHENATED.match(name):
        return _hyphenated(name)
    paradigm = {"person": "feminine" if gender == "f" else "masculine"}.get(kind, "place")
    per_word: list[dict] = [{c: {w} for c in CASES} for w in words]
    if kind == "person":
        for i, w in enumerate(words):
            if w[:1].isupper() and not w.isupper():
                per_word[i] = _morfeusz_person(w, gender) or rule_forms(w, paradigm)
    else:
        head = _head_index(words)
        if polish and head is not None and head + 1 < len(words) and _person_name_only(words[head]):
            # "Szar Płanina": a word known only as a person's name is not the head of a place
            later = _head_index(words[head + 1:])
            head = None if later is None else head + 1 + later
        if polish and len(words) > 1 and not _nominative_analyses(words[-1]) and all(
                any(p[0] == "adj" for _, p in _nominative_analyses(w)) for w in words[:-1]):
            # "Kosowska Mitrowica": adjectives before a head Morfeusz does not know agree
            # with it in the gender of its ending
            g = "f" if words[-1].endswith("a") else "n" if words[-1].endswith(("o", "e")) else "m3"
            per_word[-1] = rule_forms(words[-1], paradigm)
            for j in range(len(words) - 1):
                per_word[j] = morfeusz_forms(words[j], "adj", "sg", g) or per_word[j]
        elif head is None:
            # a name Morfeusz does not know: its last word declines ("Szar Płanina" ->
            # "Szar Płaniny"), the words before it stay as written
            if not words[-1].isupper() and (len(words) == 1 or (kind == "place" and polish)):
                per_word[-1] = rule_forms(words[-1], paradigm)
        else:
            heads = [p for _, p in _nominative_analyses(words[head]) if p[0] == "subst"]
            # the reading that agrees with an adjective before it ("Wysoki Komisarz": m1, not the f noun)
            agree = next((p for p in heads if head and morfeusz_forms(words[head - 1], "adj", p[1],
                                                                    p[3].split(".")[0])), None)
            p_head = agree or heads[0]
            g = p_head[3].split(".")[0]
            per_word[head] = (agree and morfeusz_forms(words[head], "subst", p_head[1], g)
                              or morfeusz_forms(words[head], "subst", p_head[1]) or per_word[head])
            for j in itertools.chain(range(head - 1, -1, -1), range(head + 1, len(words))):
                f = morfeusz_forms(words[j], "adj", p_head[1], g) if words[j][:1].isupper() or j > head else None
                if not f:
                    if j < head:
                        continue
                    break
                per_word[j] = f
    neuter = words[-1].endswith(("e", "o")) and words[0].endswith("e")
    if kind == "place" and len(words) == 2 and (words[-1].endswith("a") or neuter) and _foreign_adjective(words[0]):
        # "Suva Reka" -> "Suvej Reki"; "Kosowe Pole" -> "na Kosowym Polu"
        adj = rule_forms(words[0], "place_adjective_n" if neuter else "place_adjective_f")
        per_word[0] = {c: (per_word[0][c] or {words[0]}) | adj[c] for c in CASES}
        if neuter:
            per_word[-1] = morfeusz_forms(words[-1], "subst", "sg", "n") or rule_forms(words[-1], paradigm)
        elif per_word[-1]["gen"] == {words[-1]}:  # a GeoNames spelling: its noun declines too
            per_word[-1] = rule_forms(words[-1], paradigm)
    out = {name}
    for c in CASES:
        choices = [sorted(pw[c] or pw["nom"]) for pw in per_word]
        for combo in itertools.islice(itertools.product(*choices), 64):
            out.add(" ".join(combo))
    return out


def _foreign_adjective(word: str) -> bool:
    """A capitalised word in -a (-e before a neuter noun) that Morfeusz does not know, read
    as an adjective of a place name before its noun ("Suva", "Mala", "Kosovska", "Kosowe")."""
    return (word[:1].isupper() and word[1:].islower() and word.isalpha() and word.endswith(("a", "e"))
            and len(word) >= 4 and not _nominative_analyses(word))


def _person_name_only(word: str) -> bool:
    """Morfeusz knows the word, and only as a surname or given name."""
    kinds = [set(names) for _, _, (_o, _l, _t, names, _q) in _morfeusz().analyse(word)]
    return bool(kinds) and all(k and k <= {"nazwisko", "imię"} for k in kinds)


_HYPHENATED = re.compile(r"^[A-ZŁŚŻŹĆŃÓ][^\W\d_]+-[A-ZŁŚŻŹĆŃÓ][^\W\d_]+$")


def _word_cases(word: str) -> dict:
    """case -> forms of one word of a place name: a noun, else an adjective, else the rules."""
    for pos, number, gender in dict.fromkeys((p[0] if p[0] != "ppas" else "adj", p[1], p[3].split(".")[0])
                                             for _, p in _nominative_analyses(word)):
        forms = morfeusz_forms(word, pos, number, gender if pos == "adj" else None)
        if forms:
            return forms
    return rule_forms(word, "place")


def _hyphenated(name: str) -> set[str]:
    """A hyphenated place ("Bielsko-Biała"): both parts in the same case ("Bielsku-Białej")."""
    a, b = (_word_cases(w) for w in name.split("-"))
    out = {name}
    for c in CASES:
        out.update(f"{x}-{y}" for x in sorted(a[c] or a["nom"]) for y in sorted(b[c] or b["nom"]))
    return out


def _morfeusz_person(word: str, gender: str) -> dict | None:
    for lemma, p in _nominative_analyses(word):
        if p[0] == "subst" and p[1] == "sg":
            g = p[3].split(".")
            if (gender == "f") == ("f" in g):
                return morfeusz_forms(word, "subst", "sg")
    return None
