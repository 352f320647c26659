"""`kosnlp doccano push`: sentences and their current spans into a doccano project.

Each example carries the sentence id and fingerprints of the text and spans as pushed
(`meta`), so that pull can map it back and tell who changed what.

doccano imports in chunks and commits a chunk's examples before its spans, so a server
stopped in the middle of an import leaves examples without their spans. A push therefore:
1. takes the project's lock (lock.py) and checks the label set (labels.py);
2. removes duplicate examples of one sentence (an unconfirmed copy that nobody edited);
3. before uploading a batch, creates a server-side marker `kosnlp-pending-<batch>`, and
   writes the batch id into each example's metadata;
4. after the uploads (and first thing on a rerun), exports the project and compares the
   spans of every example of a pending batch with the fingerprint of what was sent;
   missing spans are created, the result is read back, and only a batch whose every
   example carries exactly the spans sent loses its marker. What cannot be repaired is
   reported by sentence id (KOS-E416) and stays pending, so pull treats it as a conflict
   (`incomplete-import`), never as an annotator's deletion.
A rerun after any interruption converges: present sentences are not sent again, pending
batches are verified and repaired.
"""
from __future__ import annotations

import hashlib
import json
import re
import tempfile
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KosnlpError
from .labelset import check_labels, project_config

BATCH = 2000
PENDING = "kosnlp-pending-"
DOC_ID = r"[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*"  # no "/", no "..": an id never names a path
SENTENCE_ID = re.compile(rf"({DOC_ID})-[0-9]{{4,}}")

__all__ = ["push", "project_config", "span_tuples", "digest", "example_for", "select", "PENDING"]


def span_tuples(spans: Iterable) -> list[list]:
    """Spans as sorted [start, end, label] lists (from records' dicts or doccano's lists)."""
    out = [[s["start"], s["end"], s["label"]] if isinstance(s, dict) else [s[0], s[1], s[2]] for s in spans]
    return sorted(out)


def digest(value) -> str:
    data = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def example_for(rec: dict, batch: str = "", label_ids: dict | None = None) -> dict:
    """The doccano JSONL line of one record: text, labels and kosnlp's metadata."""
    spans = span_tuples(rec["spans"])
    return {"text": rec["text"], "label": spans, "sentence_id": rec["id"], "doc_id": rec["doc_id"],
            "lang": rec["lang"], "start": rec["start"], "end": rec["end"], "source": rec["status"],
            "text_sha256": digest(rec["text"]), "spans_sha256": digest(spans), "batch": batch,
            "label_ids": dict(label_ids or {})}


def confirmed_in_doccano(rec: dict) -> bool:
    return bool((rec.get("provenance") or {}).get("doccano", {}).get("confirmed_at"))


def select(records: Iterable[dict], docs=None, lang=None, unconfirmed: bool = False,
           exclude: Iterable[str] = ()) -> list[dict]:
    """The records to push: by document, language, confirmation; `exclude`: ids not to send (gold)."""
    docs, exclude = set(docs or ()), set(exclude)
    return [r for r in records if (not docs or r["doc_id"] in docs) and (not lang or r["lang"] == lang)
            and not (unconfirmed and confirmed_in_doccano(r)) and r["id"] not in exclude]


@dataclass
class PushSummary:
    project_id: int = 0
    created: bool = False
    selected: int = 0
    uploaded: int = 0
    already: int = 0
    repaired: list = field(default_factory=list)
    unrepaired: dict = field(default_factory=dict)  # sentence id -> why
    duplicates_removed: list = field(default_factory=list)
    duplicates_kept: list = field(default_factory=list)
    by_doc: dict = field(default_factory=dict)
    examples: dict = field(default_factory=dict)  # sentence id -> example id, after the push


def inventory(dc, pid: int) -> list[dict]:
    """Every example: {id, text, meta, is_confirmed, label}, from two exports of doccano's task
    worker (listing examples through the API costs a query per example: ten times slower)."""
    rows = dc.export(pid, confirmed_only=False)
    confirmed = {r["id"] for r in dc.export(pid, confirmed_only=True)} if rows else set()
    return [{"id": r["id"], "text": r["text"], "label": span_tuples(r.get("label", [])),
             "is_confirmed": r["id"] in confirmed,
             "meta": {k: v for k, v in r.items() if k not in ("id", "text", "label", "Comments")}} for r in rows]


def _spans_now(dc, pid: int, eid: int, names: dict) -> list[list]:
    return span_tuples([[s["start"], s["end"], names.get(s["label"], s["label"])] for s in dc.spans(pid, eid)])


def remove_duplicates(dc, pid: int, listing: list[dict], s: PushSummary) -> list[dict]:
    """One example per sentence id: unconfirmed copies nobody edited are deleted, others reported."""
    groups = defaultdict(list)
    for e in listing:
        groups[e["meta"].get("sentence_id")].append(e)
    doomed = []
    for sid, group in groups.items():
        if sid is None or len(group) < 2:
            continue
        group.sort(key=lambda e: (not e["is_confirmed"], e["id"]))
        for e in group[1:]:
            spans = e["label"]
            if not e["is_confirmed"] and (not spans or digest(spans) == e["meta"].get("spans_sha256")):
                doomed.append(e["id"])
                s.duplicates_removed.append((sid, e["id"]))
            elif (sid, e["id"]) not in s.duplicates_kept:
                s.duplicates_kept.append((sid, e["id"]))
    dc.delete_examples(pid, doomed)
    return [e for e in listing if e["id"] not in set(doomed)]


def incomplete(dc, pid: int, markers: dict, settle: float, rows: list | None = None, tries: int = 20) -> list[dict]:
    """The exported examples of pending batches whose spans differ from those sent.

    An import of a killed client may still be running on the server (its examples come
    before their spans): the rows are only returned once the project's example count has
    not moved for `settle` seconds, so that no span is added twice.
    """
    for _ in range(tries):
        before = dc.count_examples(pid)
        rows = [r for r in (dc.export(pid, confirmed_only=False) if rows is None else rows)
                if r.get("batch") in markers and digest(span_tuples(r.get("label", []))) != r.get("spans_sha256")]
        if not rows or not settle:
            return rows
        rows = None
        time.sleep(settle)
        if dc.count_examples(pid) == before:
            return [r for r in dc.export(pid, confirmed_only=False) if r.get("batch") in markers and
                    digest(span_tuples(r.get("label", []))) != r.get("spans_sha256")]
    raise KosnlpError("KOS-E416", "the project keeps changing (an import still running?)",
                      where=getattr(dc, "url", None), hint="run the push again when doccano's import is done")


def complete(dc, pid: int, records: dict, label_ids: dict, confirmed: set | None, s: PushSummary,
             settle: float = 0.0, rows: list | None = None, resend: frozenset = frozenset()) -> set | None:
    """Verify and repair the examples of pending batches; the example ids deleted (to send again),
    None if no batch was pending.

    An example that has no span at all, is not confirmed (`confirmed`: the confirmed example
    ids; None: delete nothing) and whose local record changed since it was sent is deleted,
    to be sent again with the current spans, if it is among `resend` (the ids about to be sent).
    """
    markers = {m["text"][len(PENDING):]: m for m in dc.markers(pid, PENDING)}
    if not markers:
        return None
    names = {v: k for k, v in label_ids.items()}
    still_open, deleted, fixed = set(), set(), []
    for row in incomplete(dc, pid, markers, settle, rows):
        batch, sid = row.get("batch"), row.get("sentence_id")
        theirs = span_tuples(row.get("label", []))
        rec = records.get(sid)
        sent = span_tuples(rec["spans"]) if rec and rec["text"] == row["text"] else None
        if sent is None or digest(sent) != row.get("spans_sha256"):
            if not theirs and confirmed is not None and row["id"] not in confirmed and sid in resend:
                deleted.add(row["id"])  # nothing of it to keep: sent again with the current spans
                continue
            s.unrepaired[sid] = (f"example {row['id']}: its spans differ from those sent, and the records given "
                                 f"do not hold them (changed since, or another --source): rerun the push that "
                                 f"sent it, or `kosnlp doccano resolve`")
            still_open.add(batch)
            continue
        extra = [sp for sp in theirs if sp not in sent]
        if extra:
            s.unrepaired[sid] = f"example {row['id']} has spans that were not sent: {extra[:3]}"
            still_open.add(batch)
            continue
        try:
            for start, end, label in (sp for sp in sent if sp not in theirs):
                dc.create_span(pid, row["id"], start, end, label_ids[label])
        except KosnlpError as err:
            s.unrepaired[sid] = f"example {row['id']}: {err.message}"
            still_open.add(batch)
            continue
        fixed.append((sid, row, batch))
    for sid, row, batch in fixed:  # read back what the server now holds
        if digest(_spans_now(dc, pid, row["id"], names)) == row["spans_sha256"]:
            s.repaired.append(sid)
        else:
            s.unrepaired[sid] = f"example {row['id']}: its spans still differ after the repair"
            still_open.add(batch)
    dc.delete_examples(pid, sorted(deleted))
    for batch, m in markers.items():
        if batch not in still_open:
            dc.delete_marker(pid, m["id"])
    return deleted


def _upload(dc, pid: int, part: list[dict], label_ids: dict) -> None:
    batch = uuid.uuid4().hex[:16]
    if dc.add_marker(pid, PENDING + batch) is None:
        raise KosnlpError("KOS-E405", f"could not create the marker of batch {batch}", where=getattr(dc, "url", None))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "examples.jsonl"
        path.write_text("".join(json.dumps(example_for(r, batch, label_ids), ensure_ascii=False) + "\n"
                                for r in part), encoding="utf-8")
        dc.upload_jsonl(pid, path)


def push(dc, records: Iterable[dict], project: str, guideline: str, *, docs=None, lang=None,
         unconfirmed: bool = False, exclude: Iterable[str] = (), batch: int = BATCH, progress=None,
         lock=None, settle: float = 3.0) -> PushSummary:
    """Push the selected records; `lock(project_id)` gives the project's lock (lock.ProjectLock);
    `settle`: seconds the project must stay still before examples left incomplete by an
    earlier push are repaired (see `incomplete`)."""
    records = list(records)
    bad = [r.get("id") for r in records if not ((m := SENTENCE_ID.fullmatch(str(r.get("id")))) and
                                                m.group(1) == r.get("doc_id"))]
    if bad:
        raise KosnlpError("KOS-E415", f"{len(bad)} records have ids not of the form <doc_id>-NNNN: "
                          f"{', '.join(map(repr, bad[:3]))}", hint="doc ids are letters, digits and . _ - only")
    cfg = project_config()
    s = PushSummary()
    s.project_id, s.created = dc.ensure_project(project, cfg["description"], guideline)
    pid = s.project_id
    with lock(pid) if lock else nullcontext():
        listing = inventory(dc, pid)
        label_ids = check_labels(dc, pid, [e["meta"].get("label_ids") for e in listing], create=not listing)
        listing = remove_duplicates(dc, pid, listing, s)
        chosen = select(records, docs, lang, unconfirmed, exclude)
        by_id = {r["id"]: r for r in records}
        confirmed = {e["id"] for e in listing if e["is_confirmed"]}
        rows = [{"id": e["id"], "text": e["text"], "label": e["label"], **e["meta"]} for e in listing]
        if complete(dc, pid, by_id, label_ids, confirmed, s, settle, rows,  # an earlier push
                    frozenset(r["id"] for r in chosen)) is not None:
            listing = inventory(dc, pid)  # unfinished: its import may have gone on meanwhile
        present = {e["meta"].get("sentence_id") for e in listing}
        s.selected = len(chosen)
        todo = [r for r in chosen if r["id"] not in present]
        s.already = s.selected - len(todo)
        for i in range(0, len(todo), batch):
            part = todo[i:i + batch]
            _upload(dc, pid, part, label_ids)
            s.uploaded += len(part)
            for r in part:
                s.by_doc[r["doc_id"]] = s.by_doc.get(r["doc_id"], 0) + 1
            if progress:
                progress(len(part))
        if todo:
            complete(dc, pid, by_id, label_ids, None, s)
            listing = remove_duplicates(dc, pid, inventory(dc, pid), s)  # doccano retries a failed import whole
        s.examples = {e["meta"].get("sentence_id"): e["id"] for e in listing}
    return s
