"""Norms of the gold spans: the resolvers' candidates, corrected by reading.

`attach_norms(records, references, review)` gives every gold span a `norm`: the
candidate from the same resolvers the pipeline uses (without the pipeline's gazetteer
ids: the span text, Morfeusz lemmas, the previous gold date as anchor), then the
reviewed overrides of work/norms/review.yaml, each with a reason. An override that
matches no gold span is an error (KOS-E502), so the review cannot silently rot.
"""
from __future__ import annotations

from collections import defaultdict

from ..errors import KosnlpError
from .actors import ActorLinker
from .dates import DateNormaliser
from .places import PlaceResolver
from .tables import build_tables

PROVENANCE_KEYS = ("method",)


def _lemmas(text: str, lang: str) -> list[str] | None:
    if lang != "pl":
        return None
    from ..morfeusz import analyse
    out = []
    for w in text.split():
        an = analyse(w)
        out.append(an[0][0] if an and an[0][1] != "ign" else w)
    return out


def candidate_norms(records: list[dict], references: dict[str, str | None], tables: dict | None = None) -> None:
    """Set span["norm"] on every span of `records` (sorted by document and offset)."""
    t = tables or build_tables()
    actors, places, dates = ActorLinker(t), PlaceResolver(t), DateNormaliser()
    previous: dict[str, dict | None] = defaultdict(lambda: None)
    references = dict(references)
    for r in sorted(records, key=lambda r: (r["doc_id"], r["start"])):
        for s in r["spans"]:
            lab, text, lang = s["label"], s["text"], r["lang"]
            if lab == "DATE":
                ref = references.get(r["doc_id"])
                n = dates.normalise(text, lang, ref, previous[r["doc_id"]])
                before = r["text"][:s["start"]].split()
                previous[r["doc_id"]] = dates.previous_after(previous[r["doc_id"]], n, ref, lang,
                                                             before[-1] if before else None)
                if n.get("start") and n["start"] == n["end"] and dates.dateline(
                        r["text"], s["start"], s["end"], [(x["start"], x["end"], x["label"]) for x in r["spans"]]):
                    references[r["doc_id"]] = n["value"]
            elif lab == "ACTOR":
                n = actors.link(text, lang, "", _lemmas(text, lang))
            else:
                n = places.resolve(text, lang, "", _lemmas(text, lang))
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
