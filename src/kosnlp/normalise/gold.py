"""Norms of the gold spans: the resolvers' candidates, corrected by reading.

`attach_norms(records, references, review)` gives every gold span a `norm`: the
candidate from the same resolvers the pipeline uses (without the pipeline's gazetteer
ids: the span text, Morfeusz lemmas, the previous gold date as anchor, the actor
context of the text read in order), then the
reviewed overrides of work/norms/review.yaml, each with a reason. An override that
matches no gold span is an error (KOS-E502), so the review cannot silently rot.
"""
from __future__ import annotations

from ..errors import KosnlpError
from .context import ActorContext
from .dates import StoryTime
from .norms import Resolvers, text_lemmas
from .tables import build_tables

PROVENANCE_KEYS = ("method",)


def candidate_norms(records: list[dict], references: dict[str, str | None], tables: dict | None = None) -> None:
    """Set span["norm"] on every span of `records` (sorted by document and offset)."""
    res = Resolvers(tables or build_tables())
    stories: dict[str, StoryTime] = {}
    actors: dict[str, ActorContext] = {}
    for r in sorted(records, key=lambda r: (r["doc_id"], r["start"])):
        story = stories.setdefault(r["doc_id"], StoryTime(references.get(r["doc_id"])))
        context = actors.setdefault(r["doc_id"], ActorContext(res.actors, r["lang"]))
        prev_end = 0
        for s in sorted(r["spans"], key=lambda s: s["start"]):
            lab, text, lang = s["label"], s["text"], r["lang"]
            n = res.norm(lab, text, lang, lemmas=None if lab == "DATE" else text_lemmas(text, lang),
                         reference=story.reference, previous=story.previous,
                         when=context.when(story, r["text"]) if lab == "ACTOR" else None)
            if lab == "ACTOR":
                n = context.resolve(n, text, r["text"][prev_end:s["start"]].split()[-3:],
                                    r["text"][s["end"]:].split()[:2])
            prev_end = max(prev_end, s["end"])
            if lab == "DATE":
                before = r["text"][:s["start"]].split()
                spans = [(x["start"], x["end"], x["label"]) for x in r["spans"]]
                story.advance(n, lang, before[-1] if before else None,
                              res.dates.dateline(r["text"], s["start"], s["end"], spans))
            s["norm"] = {k: v for k, v in n.items() if k not in PROVENANCE_KEYS}


def apply_review(records: list[dict], review: list[dict], where: str = "work/norms/review.yaml") -> int:
    """Replace candidate norms by the reviewed ones; returns the number of overrides applied."""
    by_id = {r["id"]: r for r in records}
    for i, o in enumerate(review or [], 1):
        rec = by_id.get(o.get("id"))
        hits = [s for s in (rec or {}).get("spans", []) if s["text"] == o.get("text")
                and ("start" not in o or s["start"] == o["start"])]
        if len(hits) != 1 or not o.get("reason") or not isinstance(o.get("norm"), dict):
            raise KosnlpError("KOS-E502", f"override #{i} ({o.get('id')}, {o.get('text')!r}) matches "
                              f"{len(hits)} gold spans or lacks norm/reason", where=where,
                              hint="give id, text (and start when the text repeats), norm and reason")
        hits[0]["norm"] = dict(o["norm"])
    return len(review or [])


def attach_norms(records: list[dict], references: dict[str, str | None], review: list[dict],
                 where: str = "work/norms/review.yaml") -> int:
    candidate_norms(records, references)
    return apply_review(records, review, where)
