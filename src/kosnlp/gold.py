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


def load_gold(gold_dir: str | Path = GOLD_DIR, raw: dict[str, str] | None = None) -> list[dict]:
    """All gold records, validated against the contract (and raw texts when given)."""
    recs = []
    files = sorted(Path(gold_dir).glob("*.jsonl"))
    for f in files:
        for ln, rec in read_jsonl(f):
            probs = contract_problems(rec, raw.get(rec.get("doc_id")) if raw else None)
            if probs:
                raise KosnlpError("KOS-E202", "; ".join(probs[:3]), where=f"{f}:{ln}",
                                  hint="fix the record; see ../shared/corpus-contract.md")
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
