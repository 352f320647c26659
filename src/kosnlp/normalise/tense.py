"""The tense around a DATE mention, for the direction of a date without a year.

`tense_at(sentence, offset, lang)` gives "past", "future" or None: the tense of the cue word
nearest to the mention (at `offset` in the sentence), from the cues of data/norm/dates.yaml
`tense` (auxiliaries, frequent past forms, past endings of Polish and English verbs) and,
for a language Morfeusz analyses, the tags of a word's analyses (`morph_tags`: a Polish
impersonal "ostrzelano" is past, a perfective finite verb "przyjedzie" future).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..languages import language
from . import rules
from .datelex import lexicon

WORD = re.compile(r"[\w'’]+")
CLAUSE_BREAK = re.compile(r"[,;:()–—]|\s-\s")


@rules.derived
@lru_cache(maxsize=4)
def _cues(lang: str) -> dict:
    c = lexicon().get("tense", {}).get(lang, {})
    ends = sorted(c.get("past_endings", []), key=len, reverse=True)
    return {"future": set(c.get("future", [])), "past": set(c.get("past", [])),
            "not_past": set(c.get("not_past", [])), "not_after": set(c.get("past_endings_not_after", [])),
            "ending": re.compile(r"\w{2,}(?:" + "|".join(map(re.escape, ends)) + r")") if ends else None,
            "morph": c.get("morph_tags", {}) if language(lang).has_morfeusz else {}}


def _morph_tense(word: str, morph: dict) -> str | None:
    """The tense all of a word's analyses agree on (`morph_tags`: a tag matches a pattern when
    it has all the pattern's fields; `neutral` tags do not disagree), else None."""
    from ..morfeusz import analyse
    tags = [set(t.split(":")) for _, t, _ in analyse(word)]
    neutral = [set(p.split(":")) for p in morph.get("neutral", [])]

    def fits(tag, name):
        return any(set(p.split(":")) <= tag for p in morph.get(name, []))
    for name in ("past", "future", "present"):
        if tags and any(fits(t, name) for t in tags) and all(fits(t, name) or any(n <= t for n in neutral)
                                                           for t in tags):
            return name
    return None


@rules.derived
@lru_cache(maxsize=65536)
def _tag(word: str, lang: str) -> str | tuple | None:
    """What a word cues whatever the word before it: "future", "past", None, "ending" (a past
    ending: past unless after a word of `past_endings_not_after`), or ("morph" | "name", the
    tense its analyses agree on: a capitalised word's only as the first word of a sentence)."""
    c, w = _cues(lang), word.lower().replace("’", "'")
    if w in c["future"]:
        return "future"
    if w in c["past"]:
        return "past"
    if w in c["not_past"]:
        return None
    if word[:1].isupper():  # a name; the first word of a sentence only by its analyses ("Przyjechali")
        return ("name", _morph_tense(w, c["morph"]) if c["morph"] else None)
    if c["ending"] is not None and c["ending"].fullmatch(w):
        return "ending"
    return ("morph", _morph_tense(w, c["morph"]) if c["morph"] else None)


def word_tense(word: str, lang: str, before: str | None = None) -> str | None:
    """The tense a word cues, or None. A past ending or analysis after a word of
    `past_endings_not_after` ("to be signed", "could be adopted", "will be held") is a passive or a participle,
    no cue; a capitalised word is a name, except the first word of a sentence, read by its
    analyses."""
    t = _tag(word, lang)
    if t in ("future", None):
        return t
    if (before or "").lower().replace("’", "'") in _cues(lang)["not_after"]:
        return None  # also a listed past form that is a participle ("will be held", "to be sent")
    if t == "past":
        return t
    if t == "ending":
        return "past"
    kind, tense = t
    return tense if kind == "morph" or before is None else None


def tense_at(sentence: str, offset: int, lang: str, length: int = 0) -> str | None:
    """The tense of the cue nearest to the mention at sentence[offset:offset+length]: "past",
    "future", or "present" (a present-tense verb nearer than any other cue: no direction)."""
    # the mention's clause (between commas, semicolons, dashes): a cue in it goes before a nearer one
    # outside it ("opowiemy o tym, jak 12 czerwca oddziały wjechały": "wjechały")
    lo = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, offset)), default=0)
    after = CLAUSE_BREAK.search(sentence, offset + length)
    hi = after.start() if after else len(sentence)
    best, before = None, None
    for m in WORD.finditer(sentence):
        word = m.group(0)
        if offset <= m.start() < offset + length:
            before = word
            continue  # a word of the mention itself
        t = word_tense(word, lang, before)
        before = word
        if t:
            d = offset - m.end() if m.end() <= offset else m.start() - (offset + length)
            key = (not lo <= m.start() < hi, d)
            if best is None or key < best[0]:
                best = (key, t)
    return best[1] if best else None


@rules.derived
@lru_cache(maxsize=4)
def _since(lang: str) -> dict:
    c = lexicon().get("since_aspect", {}).get(lang, {})
    return {k: tuple(v) if isinstance(v, list) else v for k, v in c.items()}


def _aux(word: str, forms: tuple) -> str | None:
    """"exact" when `word` is one of `forms`, "clitic" when it ends in one of its clitics ("we'd"), else None."""
    w = word.lower()
    if w in forms:
        return "exact"
    return "clitic" if any(f[0] in "'’" and w.endswith(f) and len(w) > len(f) for f in forms) else None


def since_aspect(sentence: str, offset: int, lang: str, length: int = 0) -> str | None:
    """A duration bound of `since_aspect` ("since", "od"; an article between) right before the mention
    at sentence[offset:offset+length], and the aspect of its clause: "present" (a present perfect,
    "has been"; Polish: a present-tense verb), "past" (a past perfect, "had been", "we'd fled"), else None.
    A language without a perfect reads the tense of the clause's verbs when it is one of `clause_tenses`."""
    c = _since(lang)
    if not c:
        return None
    head = WORD.findall(sentence[max(0, offset - 40):offset])[-2:]
    if head and head[-1].lower() in c.get("articles", ()):
        head = head[:-1]
    if not head or head[-1].lower() not in c["bounds"]:
        return None
    lo = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, offset)), default=0)
    after = CLAUSE_BREAK.search(sentence, offset + length)
    hi = after.start() if after else len(sentence)
    words = [m.group(0) for m in WORD.finditer(sentence, lo, hi) if not offset <= m.start() < offset + length]
    if "present" not in c:  # no perfect: the clause's verb
        tenses = {word_tense(w, lang, b) for b, w in zip([None, *words], words)} - {None}
        return next((t for t in c.get("clause_tenses", ()) if tenses == {t}), None)
    ends = c.get("participle_endings", ())
    for w, nxt in zip(words, [*words[1:], ""]):
        participle = nxt.lower() in c.get("participle", ()) or (len(nxt) > 3 and nxt.lower().endswith(ends))
        for aspect in ("present", "past"):
            kind = _aux(w, c[aspect])
            if kind == "exact" and (aspect == "present" or participle) or kind == "clitic" and participle:
                return aspect
    return None


def looks_back(sentence: str, offset: int, lang: str) -> bool:
    """Does the mention at sentence[offset:] stand in a clause that looks back from the story's time: a
    duration bound of `since_aspect` ("since", "od") or a past perfect's auxiliary ("had") before it in
    its clause ("my father, who had not worked since they dismissed the doctors in 1990, ..."), a relative
    pronoun opening its clause (`relative_pronouns`: "dziadek, który pamiętał wrzesień 1939 roku"), or a word
    of `dated_thing_before` right before it ("o Bałkanach z 1912 roku")?"""
    c, lx = _since(lang), lexicon()
    if not c:
        return False
    lo = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, offset)), default=0)
    words = [m.group(0).lower() for m in WORD.finditer(sentence, lo, offset)]
    relative = lx.get("relative_pronouns", {}).get(lang, [])
    return (any(w in c["bounds"] or _aux(w, c.get("past", ())) == "exact" for w in words)
            or bool(words) and (words[0] in relative or words[-1] in lx.get("dated_thing_before", {}).get(lang, [])))
