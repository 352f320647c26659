"""`kosnlp doccano push`: sentences and their current spans into a doccano project.

Each example carries the sentence id and fingerprints of the text and spans as pushed
(`meta`), so that pull can map it back and tell who changed what. Idempotent: sentences
already in the project (by sentence id) are not uploaded again.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest import load_yaml_data

BATCH = 2000


def project_config() -> dict:
    return load_yaml_data("doccano/project.yaml")


def span_tuples(spans: Iterable) -> list[list]:
    """Spans as sorted [start, end, label] lists (from records' dicts or doccano's lists)."""
    out = [[s["start"], s["end"], s["label"]] if isinstance(s, dict) else [s[0], s[1], s[2]] for s in spans]
    return sorted(out)


def digest(value) -> str:
    data = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def example_for(rec: dict) -> dict:
    """The doccano JSONL line of one record: text, labels and kosnlp's metadata."""
    spans = span_tuples(rec["spans"])
    return {"text": rec["text"], "label": spans, "sentence_id": rec["id"], "doc_id": rec["doc_id"],
            "lang": rec["lang"], "start": rec["start"], "end": rec["end"], "source": rec["status"],
            "text_sha256": digest(rec["text"]), "spans_sha256": digest(spans)}


def confirmed_in_doccano(rec: dict) -> bool:
    return bool((rec.get("provenance") or {}).get("doccano", {}).get("confirmed_at"))


def select(records: Iterable[dict], docs=None, lang=None, unconfirmed: bool = False) -> list[dict]:
    docs = set(docs or ())
    return [r for r in records if (not docs or r["doc_id"] in docs) and (not lang or r["lang"] == lang)
            and not (unconfirmed and confirmed_in_doccano(r))]


@dataclass
class PushSummary:
    project_id: int = 0
    created: bool = False
    selected: int = 0
    uploaded: int = 0
    already: int = 0
    by_doc: dict = field(default_factory=dict)


def push(dc, records: Iterable[dict], project: str, guideline: str, *, docs=None, lang=None,
         unconfirmed: bool = False, batch: int = BATCH, progress=None) -> PushSummary:
    cfg = project_config()
    s = PushSummary()
    s.project_id, s.created = dc.ensure_project(project, cfg["description"], guideline)
    dc.ensure_labels(s.project_id, cfg["labels"])
    chosen = select(records, docs, lang, unconfirmed)
    s.selected = len(chosen)
    present = {e["meta"].get("sentence_id") for e in dc.examples(s.project_id)}
    todo = [r for r in chosen if r["id"] not in present]
    s.already = s.selected - len(todo)
    for i in range(0, len(todo), batch):
        part = todo[i:i + batch]
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "examples.jsonl"
            path.write_text("".join(json.dumps(example_for(r), ensure_ascii=False) + "\n" for r in part),
                            encoding="utf-8")
            dc.upload_jsonl(s.project_id, path)
        s.uploaded += len(part)
        for r in part:
            s.by_doc[r["doc_id"]] = s.by_doc.get(r["doc_id"], 0) + 1
        if progress:
            progress(len(part))
    return s
