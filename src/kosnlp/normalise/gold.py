"""Norms of the gold spans: the resolvers' candidates, corrected by reading.

`attach_norms(records, references, review)` gives every gold span a `norm`: the
candidate from the same resolvers the pipeline uses (without the pipeline's gazetteer
ids: the span text, Morfeusz lemmas, the previous gold date as anchor, the actor
context of the text read in order), then the
reviewed overrides of work/norms/review.yaml, each with a reason. An override that
matches no gold span is an error (KOS-E502), so the review cannot silently rot. This
is how the gold of corpus 0.2.0 was built (work/build_gold.py).

Gold that comes from doccano gets the same candidates, flagged for review
(`flag_candidate_norms`: `provenance.norms_to_check` lists [start, end, label] of each
unchecked span); `kosnlp norms review` lists them, accepts a candidate or sets another
norm (with a reason, kept in `provenance.norms_reviewed`), writing the gold atomically.
"""
from __future__ import annotations

from ..errors import KosnlpError
from .context import ActorContext
from .story_time import StoryTime
from .tense import since_aspect, tense_at
from .norms import Resolvers, text_lemmas
from .tables import build_tables

PROVENANCE_KEYS = ("method",)
RESOLVED_FIELDS = {"ACTOR": ("id", "type", "name", "name_pl"),
                   "PLACE": ("id", "name", "country_code", "lat", "lon", "geonameid", "source"),
                   "DATE": ("value", "start", "end", "anchor")}


def check_norm(norm: dict, label: str, where: str) -> dict:
    """A norm given by hand, checked against the shared schema of its label (KOS-E502 if not)."""
    status = norm.get("status")
    missing = [] if status == "unresolved" else [k for k in RESOLVED_FIELDS[label] if k not in norm]
    if status not in ("resolved", "unresolved") or (status == "unresolved" and not norm.get("reason")) \
            or missing or any(k in norm for k in PROVENANCE_KEYS):
        raise KosnlpError("KOS-E502", f"norm {norm!r} does not fit a {label} span", where=where,
                          hint=f"status resolved with {', '.join(RESOLVED_FIELDS[label])}, or status unresolved "
                               f"with a reason; no {', '.join(PROVENANCE_KEYS)}" + (f" (missing {missing})" if missing else ""))
    return norm


def candidate_norms(records: list[dict], references: dict[str, str | None], tables: dict | None = None) -> None:
    """Set span["norm"] on every span of `records` (sorted by document and offset)."""
    res = Resolvers(tables or build_tables())
    stories: dict[str, StoryTime] = {}
    actors: dict[str, ActorContext] = {}
    dates: dict[str, list[str]] = {}
    presents: dict[str, int] = {}
    for r in records:
        dates.setdefault(r["doc_id"], []).extend(s["text"] for s in r["spans"] if s["label"] == "DATE")
        got = StoryTime.stated_present(r["text"], sorted((s["start"], s["end"]) for s in r["spans"] if s["label"] == "DATE"),
                                       r["lang"])
        if got and r["doc_id"] not in presents:
            presents[r["doc_id"]] = got
    for r in sorted(records, key=lambda r: (r["doc_id"], r["start"])):
        if r["doc_id"] not in stories:
            stories[r["doc_id"]] = StoryTime.of_text(references.get(r["doc_id"]), dates[r["doc_id"]], r["lang"],
                                                     presents.get(r["doc_id"]))
        story = stories[r["doc_id"]]
        context = actors.setdefault(r["doc_id"], ActorContext(res.actors, r["lang"]))
        prev_end, spans, last_date = 0, [(x["start"], x["end"], x["label"]) for x in r["spans"]], None
        for s in sorted(r["spans"], key=lambda s: s["start"]):
            lab, text, lang = s["label"], s["text"], r["lang"]
            dateline = lab == "DATE" and res.dates.dateline(r["text"], s["start"], s["end"], spans)
            tense = (story.dateline_tense if dateline else tense_at(r["text"], s["start"], lang, len(text))) \
                if lab == "DATE" else None
            before = (r["text"][:s["start"]].split()[-1:] or [None])[0] if lab == "DATE" else None
            if lab == "DATE" and last_date is not None:  # a count restating the date before it keeps its unit
                before = res.dates.restating(r["text"][last_date["end"]:s["start"]], before, lang)
            n = res.norm(lab, text, lang, lemmas=None if lab == "DATE" else text_lemmas(text, lang),
                         **story.anchors, tense=tense, before=before, near=last_date is not None,
                         since=since_aspect(r["text"], s["start"], lang, len(text)) if lab == "DATE" and not dateline else None,
                         when=context.when(story, r["text"]) if lab == "ACTOR" else None)
            if lab == "ACTOR":
                n = context.resolve(n, text, r["text"][prev_end:s["start"]].split()[-3:],
                                    r["text"][s["end"]:].split()[:2])
            prev_end = max(prev_end, s["end"])
            if lab == "DATE":
                if last_date is not None:  # a count named by the date after it (DateNormaliser.apposed)
                    named = res.dates.apposed(last_date["norm"], r["text"][last_date["end"]:s["start"]], n,
                                              last_date["text"], lang)
                    if named is not None:
                        last_date["norm"] = {k: v for k, v in named.items() if k not in PROVENANCE_KEYS}
                last_date = s
                if not (res.dates.weekday_before_its_date(r["text"], s["start"], s["end"], spans, lang)
                        or res.dates.citation(r["text"], s["start"], s["end"], spans)):
                    story.advance(n, lang, before, dateline, r["start"] == 0 and "\n" not in r["text"][:s["start"]])
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


def flag_candidate_norms(merged: list[dict], before: dict[str, dict], gold_by_doc: dict[str, dict],
                         references: dict[str, str | None]) -> None:
    """Give the spans of records merged into gold a candidate norm, flagged for review.

    merged: the new gold records; before: id -> the record as it was before the merge (gold
    or silver); gold_by_doc: doc_id -> {id: gold record}, the context of DATE anchors. A span
    keeps its norm only when it was already gold with a checked norm (same offsets and label,
    not in the old record's norms_to_check); every other span (silver, new or changed) gets
    the resolvers' candidate and is listed in provenance.norms_to_check.
    """
    from copy import deepcopy
    for doc in sorted({r["doc_id"] for r in merged}):
        mine = {r["id"]: r for r in merged if r["doc_id"] == doc}
        local = gold_by_doc.get(doc, {})
        context = deepcopy([mine.get(rid, r) for rid, r in local.items()] +
                           [r for rid, r in mine.items() if rid not in local])
        candidate_norms(context, references)
        fresh = {r["id"]: r for r in context}
        for rid, rec in mine.items():
            old = before.get(rid) or {}
            todo = {tuple(x) for x in (old.get("provenance") or {}).get("norms_to_check", [])}
            checked = {(s["start"], s["end"], s["label"]): s.get("norm") for s in old.get("spans", [])
                       if old.get("status") == "gold" and "norm" in s
                       and (s["start"], s["end"], s["label"]) not in todo}
            computed = {(s["start"], s["end"], s["label"]): s["norm"] for s in fresh[rid]["spans"]}
            unchecked, spans = [], []
            for sp in rec["spans"]:
                key = (sp["start"], sp["end"], sp["label"])
                if key in checked:
                    spans.append(dict(sp, norm=checked[key]))
                else:
                    spans.append(dict(sp, norm=computed[key]))
                    unchecked.append(list(key))
            rec["spans"] = spans
            rec["provenance"] = dict(rec.get("provenance") or {}, norms_to_check=unchecked)
            if not unchecked:
                del rec["provenance"]["norms_to_check"]


def norms_to_review(records: list[dict]) -> list[tuple[dict, dict]]:
    """(record, span) for every gold span whose candidate norm is not yet checked, in corpus order."""
    out = []
    for r in sorted(records, key=lambda r: (r["doc_id"], r["start"])):
        todo = {tuple(x) for x in (r.get("provenance") or {}).get("norms_to_check", [])}
        out += [(r, s) for s in r["spans"] if (s["start"], s["end"], s["label"]) in todo]
    return out


def review_gold(gold_dir, sentence_id: str, start: int | None, norm: dict | None = None,
                reason: str | None = None, who: str | None = None) -> int:
    """`review_norm` on the gold corpus at `gold_dir`, its document's file rewritten atomically;
    returns the number of candidate norms still to check."""
    from ..gold import load_gold, write_gold
    gold = load_gold(gold_dir)
    docs = {r["doc_id"] for r in review_norm(gold, sentence_id, start, norm, reason, who)}
    write_gold([r for r in gold if r["doc_id"] in docs], gold_dir)
    return len(norms_to_review(gold))


def review_norm(records: list[dict], sentence_id: str, start: int | None, norm: dict | None = None,
                reason: str | None = None, who: str | None = None) -> list[dict]:
    """Accept the candidate norm of a flagged span (norm=None) or set another one (with a reason).

    `start` (the span's offset in its sentence) may be left out when the sentence has one
    flagged span, or to accept all of its flagged spans. Returns the changed records.
    """
    rec = next((r for r in records if r["id"] == sentence_id), None)
    flagged = [s for r, s in norms_to_review([rec] if rec else [])]
    spans = [s for s in (rec or {}).get("spans", []) if start is None or s["start"] == start]
    if norm is not None:
        if not reason:
            raise KosnlpError("KOS-E502", "a norm set by hand needs --reason", where=sentence_id,
                              hint="say why the candidate was wrong")
        if len(spans) != 1:
            raise KosnlpError("KOS-E502", f"{len(spans)} spans match (start {start})", where=sentence_id,
                              hint="give the span's --start in its sentence (kosnlp norms review list)")
        check_norm(norm, spans[0]["label"], sentence_id)
    else:
        spans = [s for s in spans if any(s is f for f in flagged)]
        if not spans:
            raise KosnlpError("KOS-E502", f"no span with a norm to check (start {start})", where=sentence_id,
                              hint="kosnlp norms review list shows them")
    prov = dict(rec.get("provenance") or {})
    done = prov.get("norms_reviewed", [])
    keys = {(s["start"], s["end"], s["label"]) for s in spans}
    for s in spans:
        entry = {"start": s["start"], "end": s["end"], "label": s["label"], "action": "set" if norm else "accepted"}
        if norm is not None:
            entry["previous"], entry["reason"] = s.get("norm"), reason
            s["norm"] = dict(norm)
        if who:
            entry["by"] = who
        done = [d for d in done if (d["start"], d["end"], d["label"]) != tuple(entry[k] for k in ("start", "end", "label"))]
        done.append(entry)
    prov["norms_reviewed"] = sorted(done, key=lambda d: (d["start"], d["end"]))
    left = [x for x in prov.get("norms_to_check", []) if tuple(x) not in keys]
    if left:
        prov["norms_to_check"] = left
    else:
        prov.pop("norms_to_check", None)
    rec["provenance"] = prov
    return [rec]
