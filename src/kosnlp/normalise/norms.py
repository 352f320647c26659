"""The one norm dispatch: a mention's label picks its resolver.

ACTOR -> actors.ActorLinker.link, PLACE -> places.PlaceResolver.resolve, DATE ->
dates.DateNormaliser.normalise (against a reference date and the previous resolved
date). The spaCy component (kosnlp.components.normaliser), the gold candidates
(gold.candidate_norms) and the score without alias tables (score.without_alias_tables)
all call `Resolvers.norm`.
"""
from __future__ import annotations

from functools import cached_property

from ..languages import language
from .actors import ActorLinker
from .dates import DateNormaliser
from .keys import unresolved
from .places import PlaceResolver


class Resolvers:
    """The three resolvers over one set of lookup tables (normalise.tables)."""

    def __init__(self, tables: dict):
        self.actors, self.places = ActorLinker(tables), PlaceResolver(tables)

    @cached_property
    def dates(self) -> DateNormaliser:
        return DateNormaliser()

    def norm(self, label: str, text: str, lang: str, ent_id: str = "", lemmas: list[str] | None = None,
             when: str | None = None, **date_context) -> dict | None:
        """The norm of one mention (None for a label other than ACTOR, PLACE, DATE).
        ent_id: the gazetteer id the pipeline gave it; lemmas: its words' lemmas (Polish);
        when: the text's time at an ACTOR mention (context.ActorContext.when); date_context: a
        DATE's keyword arguments of DateNormaliser.normalise (its anchors, story_time.StoryTime.anchors,
        and the mention's tense, word before it, `near` and `since`)."""
        if label == "DATE":
            return self.dates.normalise(text, lang, **date_context)
        if label == "ACTOR":
            return self.actors.link(text, lang, ent_id, lemmas, when)
        if label == "PLACE":
            if ent_id.startswith("organisation:"):  # a body's building ("at the White House"): no listed place
                return unresolved("not in gazetteer")
            return self.places.resolve(text, lang, ent_id, lemmas)
        return None


def text_lemmas(text: str, lang: str) -> list[str] | None:
    """Lemmas of the words of a text in a language Morfeusz analyses (its first analysis,
    else the word); None for other languages. For mentions with no tokens (gold spans)."""
    if not language(lang).has_morfeusz:
        return None
    from ..morfeusz import analyse
    out = []
    for w in text.split():
        an = analyse(w)
        out.append(an[0][0] if an and an[0][1] != "ign" else w)
    return out
