"""The gold corpus: build records from reader annotations, provenance, loading, consistency.

Annotators (people or helpers) write `{"id", "text", "ents": [[surface, LABEL], ...]}`
lines, mentions in reading order; `ents_to_spans` turns them into exact offsets,
searching left to right, and fails loudly (file:line) when a surface is not there.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from .errors import KosnlpError
from .records import LABELS, contract_problems, read_jsonl, write_jsonl

GOLD_DIR = Path("annotations") / "gold"


def ents_to_spans(text: str, ents: list, where: str) -> list[dict]:
    spans, pos = [], 0
    for item in ents:
        if not (isinstance(item, (list, tuple)) and len(item) == 2 and item[1] in LABELS):
            raise KosnlpError("KOS-E203", f"mention {item!r} is not [surface, ACTOR|PLACE|DATE]", where=where)
        surface, label = item
        # whole-word match: not inside a longer word
        pat = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
        m = pat.search(text, pos)
        if not m:
            raise KosnlpError("KOS-E203", f"mention {surface!r} not found after offset {pos}", where=where,
                              hint="copy the surface exactly and list mentions in reading order")
        spans.append({"start": m.start(), "end": m.end(), "label": label, "text": surface})
        pos = m.end()
    return spans


def load_annotation(path: str | Path) -> dict[str, dict]:
    """id -> {"text", "spans", "note"} from an annotator's file."""
    out = {}
    for ln, rec in read_jsonl(path):
        where = f"{path}:{ln}"
        out[rec["id"]] = {"id": rec["id"], "text": rec["text"], "note": rec.get("note"),
                          "spans": ents_to_spans(rec["text"], rec.get("ents", []), where)}
    return out


def load_annotations(pattern: str, langs: dict[str, str] | None = None) -> dict[str, dict]:
    """Merge the annotator files matching a glob; `langs` (doc_id -> lang) sets "lang"."""
    import glob
    out = {}
    for f in sorted(glob.glob(pattern)):
        out.update(load_annotation(f))
    for rid, rec in out.items():
        doc_id = rid.rsplit("-", 1)[0]
        if langs is not None:
            if doc_id not in langs:
                raise KosnlpError("KOS-E203", f"sentence of unknown document {doc_id!r}", where=rid,
                                  hint="its document must be listed in raw/manifest.yaml")
            rec["lang"] = langs[doc_id]
    return out


def load_gold(gold_dir: str | Path = GOLD_DIR, raw: dict[str, str] | None = None) -> list[dict]:
    """All gold records, validated against the contract (and raw texts when given)."""
    recs = []
    files = sorted(Path(gold_dir).glob("*.jsonl"))
    for f in files:
        for ln, rec in read_jsonl(f):
            probs = contract_problems(rec, raw.get(rec.get("doc_id")) if raw else None)
            if probs:
                raise KosnlpError("KOS-E202", "; ".join(probs[:3]), where=f"{f}:{ln}",
                                  hint="fix the record; see docs/corpus-format.md")
            recs.append(rec)
    return recs


def write_gold(records: list[dict], gold_dir: str | Path = GOLD_DIR) -> dict[str, int]:
    """Write gold per document, atomically (a half-written gold file is impossible)."""
    by_doc = defaultdict(list)
    for r in records:
        probs = contract_problems(r)
        if probs:
            raise KosnlpError("KOS-E202", "; ".join(probs[:3]), where=r.get("id", "?"))
        by_doc[r["doc_id"]].append(r)
    return {d: write_jsonl(Path(gold_dir) / f"{d}.jsonl", sorted(rs, key=lambda r: r["start"]))
            for d, rs in by_doc.items()}


def surface_label_review(records: list[dict]) -> list[dict]:
    """Surface forms labelled differently across the corpus (or annotated and not)."""
    seen = defaultdict(Counter)
    where = defaultdict(list)
    for r in records:
        for s in r["spans"]:
            seen[s["text"]][s["label"]] += 1
            where[(s["text"], s["label"])].append(r["id"])
    out = []
    for surface, labels in sorted(seen.items()):
        if len(labels) > 1:
            out.append({"surface": surface, "labels": dict(labels),
                        "ids": {lab: where[(surface, lab)] for lab in labels}})
    return out


def diff_counts(before: list[dict], after: list[dict]) -> dict[str, int]:
    from .agreement import classify
    _, dis = classify(before, after)
    c = Counter(cls for cls, _, _ in dis)
    return {"added": c["only_b"], "removed": c["only_a"], "relabelled": c["label"],
            "rebounded": c["boundary"] + c["boundary+label"]}


def assemble(units_by_doc: dict, first: dict, second: dict, review: dict, decisions: dict) -> list[dict]:
    """Gold records from the first annotation, overridden by accepted review/adjudication.

    units_by_doc: doc_id -> (lang, [Unit]); first/second/review: id -> annotation;
    decisions: id -> {"decision": "keep A" | "keep B" | "accept review", ...}.
    """
    from .records import make_record
    out = []
    for doc_id, (lang, units) in units_by_doc.items():
        for i, u in enumerate(units):
            rid = f"{doc_id}-{i + 1:04d}"
            if rid not in first:
                raise KosnlpError("KOS-E203", "sentence has no first annotation", where=rid)
            a = first[rid]
            if a["text"] != u.text:
                raise KosnlpError("KOS-E203", "annotated text differs from the segmented sentence", where=rid)
            spans = a["spans"]
            dec = decisions.get(rid, {}).get("decision")
            if dec == "keep B":
                spans = second[rid]["spans"]
            elif dec == "accept review":
                spans = review[rid]["spans"]
            prov = {"origin": "scratch", "pre_annotation": None, "annotator": "A",
                    "second_annotator": "B" if rid in second else None,
                    "reviewed": rid not in second, "adjudicated": rid in decisions,
                    "changes_vs_first": diff_counts(a["spans"], spans)}
            if rid in decisions:
                prov["decision"] = decisions[rid].get("reason")
            out.append(make_record(doc_id, lang, i, u.start, u.end, u.text, spans, status="gold",
                                   provenance=prov))
    return out
