"""What the rest of a text says about an ACTOR mention, weighed after linking.

`ActorContext` reads one text in order (as story_time.StoryTime does for dates) and
corrects the norm of a listed person named by the surname alone, by the words
around it and the names the text gave before (data/norm/actor_context.yaml, saved
with the pipeline in the normaliser's tables):
- a title of address of the other gender ("Mrs. Blair", "pani Clinton", "Frau
  Schröder" for a listed man) names another person: "title names another person";
- a family word with the surname uninflected or plural ("the Jashari family", "the
  Jashari compound", "rodzinę Berisha", "rodziny Jasharich") names a family: "family";
- a capitalised word before it that is not the person's given name ("Agima
  Krasniqiego") names another person: "given name does not agree";
- the surname alone is the listed person when a role title stands before it
  ("President Milošević", "generał Clark") or the text named that person in full before;
  a surname the text last gave to someone else ("Drita Rugova ... Rugova") is that
  person: "surname of another person named in the text"; a surname common in the
  region and not introduced so is left: "surname only, not introduced".
A body's head word written alone and capitalised ("the Council" after "the Security
Council", "Trybunał" after "Międzynarodowy Trybunał Sprawiedliwości", "Unia") is the
body of that head word the text named last (`institution_heads` of the cues).
It also gives the date at which a capital used as an actor is read (`when`): the
story's previous date, else the reference date, and the reference date in a
sentence about the present ("Belgrad do dziś jej nie uznaje").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..ingest import load_yaml_data
from ..languages import language
from .keys import key, nominatives, unresolved

POSSESSIVE = ("'s", "’s", "'", "’")


@lru_cache(maxsize=4)
def stop_words(lang: str) -> frozenset[str]:
    from importlib import import_module
    return frozenset(import_module(f"spacy.lang.{lang}.stop_words").STOP_WORDS)


def _word(w: str) -> str:
    return w.strip("()[]\"'„”“,;:").rstrip(".").lower()


class ActorContext:
    """The actor context of one text; `linker`: the normalise.actors.ActorLinker."""

    def __init__(self, linker, lang: str):
        # the cues travel with the pipeline's tables (tables.json); a table built before them: the package's
        self.linker, self.lang = linker, lang
        self.cue = linker.t.get("actor_context") or load_yaml_data("norm/actor_context.yaml")
        self.named: dict[str, str | None] = {}  # surname key -> the person last named in full (None: not listed)
        self.common = {key(s) for s in self.cue["common_surnames"]}
        present = sorted(linker.t.get("present", {}).get(lang, []), key=len, reverse=True)
        self.present = re.compile(r"\b(?:" + "|".join(map(re.escape, present)) + r")\b") if present else None
        self._present_in: dict[str, bool] = {}
        self.heads = {f: head for head, forms in self.cue.get("institution_heads", {}).get(lang, {}).items()
                      for f in forms}
        self.bodies: dict[str, str] = {}  # head word -> the body with it the text named last

    # -- the text's time ---------------------------------------------------------------
    def when(self, story, sentence: str) -> str | None:
        """The date a capital acting in `sentence` is read at; `story`: story_time.StoryTime."""
        if story.previous and not self._about_present(sentence):
            return story.previous.get("start") or story.reference
        return story.reference

    def _about_present(self, sentence: str) -> bool:
        """Does the sentence say it is about the present (a `present` cue)? Once per sentence."""
        got = self._present_in.get(sentence)
        if got is None:
            got = self._present_in[sentence] = bool(self.present and self.present.search(sentence.lower()))
        return got

    # -- persons -------------------------------------------------------------------------
    def _surname_keys(self, word: str) -> set[str]:
        return {key(f) for f in nominatives(word)}

    def resolve(self, norm: dict, text: str, before: list[str], after: list[str]) -> dict:
        """The norm of a mention given the words before it (in its sentence, after the
        mention before it: a word of another mention is not a given name) and after it."""
        words = text.split()
        rid = norm.get("id", "") if norm.get("status") == "resolved" else ""
        if len(words) > 1:
            self._remember(words, rid)
            if rid.startswith("organisation:"):
                self.bodies.update({self.heads[_word(w)]: rid for w in words
                                    if w[:1].isupper() and _word(w) in self.heads})
            return norm
        if words and words[0][:1].isupper() and _word(words[0]) in self.heads:
            body = self.bodies.get(self.heads[_word(words[0])])
            return self.linker.norm(body, "head word of a body named before") if body else norm
        if not rid.startswith("person:") or not words:
            return norm
        word = words[0]
        skeys = self._surname_keys(word)
        if not (skeys & self.linker.surname_keys.get(rid, set())) or rid not in self.linker.given:
            return norm  # a one-word name (Akihito, Pavle) or a listed alias, not a surname
        reason = self._why_not(rid, word, skeys, before, after)
        return unresolved(reason) if reason else norm

    def _remember(self, words: list[str], rid: str) -> None:
        """A name in full: its surname now means this person (None: a person not listed)."""
        if not all(w[:1].isupper() for w in words) or len(words) > 4:
            return
        first = _word(words[0])
        if self._role(first) or any(first in t for t in self.cue["titles"].values()):
            words = words[1:]  # "General Clark", "Mr Cook": a title, not a given name
            if len(words) < 2:
                return
        skeys = self._surname_keys(words[-1])
        if rid.startswith("person:"):
            for k in skeys:
                self.named[k] = rid
        elif not rid:
            for k in skeys:
                if k in self.linker.surnames:
                    self.named[k] = None

    def _why_not(self, rid: str, word: str, skeys: set[str], before: list[str], after: list[str]) -> str | None:
        prev = _word(before[-1]) if before else ""
        nxt = _word(after[0]) if after and not after[0].startswith(POSSESSIVE) else ""
        base = rid in self.linker.surnames.get(key(word), ())
        plural = not base and word.endswith(tuple(self.cue["plural_surname_endings"].get(self.lang, [])))
        if nxt in self.cue["family"]["after"] or (prev in self.cue["family"]["before"] and (base or plural)) \
                or (plural and not base):
            return "family"
        gender = self.linker.ent[rid].get("gender")
        other = {"m": "f", "f": "m"}.get(gender or "")
        if other and prev in self.cue["titles"][other]:
            return "title names another person"
        if before and {key(f) for f in nominatives(before[-1])} & self.linker.given[rid]:
            self.named.update(dict.fromkeys(skeys, rid))  # the given name agrees: named in full
            return None
        if len(before) > 1 and not before[-2][:1].isupper() and self._given_name(before[-1]):
            return "given name does not agree"
        if self._role(prev):  # introduced by role: the surname means this person from here on
            self.named.update(dict.fromkeys(skeys, rid))
            return None
        for k in skeys:
            if k in self.named:
                return None if self.named[k] == rid else "surname of another person named in the text"
        if skeys & self.common:
            return "surname only, not introduced"
        return None

    def _role(self, word: str) -> bool:
        roles = self.cue["roles"].get(self.lang, [])
        return word.startswith(tuple(roles)) if language(self.lang).case_inflection else word in roles

    def _given_name(self, w: str) -> bool:
        """Could the word before the surname (not first in its sentence, after a word in
        lower case: not a title-case heading) be a given name: capitalised, not a common
        word, title, role, family word or any listed name (a state, a group, a body)?"""
        if not (w[:1].isupper() and w[1:2].islower() and w.isalpha()):
            return False
        lw = _word(w)
        if lw in stop_words(self.lang) or any(lw in t for t in self.cue["titles"].values()) or self._role(lw) \
                or lw in self.cue["family"]["before"]:
            return False
        return not (self.linker.index.by_key(w) or any(self.linker.index.by_key(f) for f in nominatives(w)))
