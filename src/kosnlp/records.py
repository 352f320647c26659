"""Corpus records (docs/corpus-format.md): build, validate, read and write JSONL.

Writes are atomic (temp file in the same directory, fsync, rename): a reader never
sees a half-written file, and an interrupted write leaves the old file as it was.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import KosnlpError

LABELS = ("ACTOR", "PLACE", "DATE")
STATUSES = ("gold", "silver")


def sentence_id(doc_id: str, index: int) -> str:
    """Stable id of the index-th (0-based) sentence of a document."""
    return f"{doc_id}-{index + 1:04d}"


def make_record(doc_id: str, lang: str, index: int, start: int, end: int, text: str,
                spans: Iterable[dict] = (), status: str = "silver", **extra) -> dict:
    rec = {"id": sentence_id(doc_id, index), "doc_id": doc_id, "lang": lang,
           "start": start, "end": end, "text": text,
           "spans": sorted((dict(s) for s in spans), key=lambda s: (s["start"], s["end"])),
           "status": status}
    rec.update(extra)
    return rec


def contract_problems(rec: dict, raw: str | None = None) -> list[str]:
    """What in one record breaks the corpus contract (empty list = valid)."""
    fields = {"id": str, "doc_id": str, "lang": str, "start": int, "end": int,
              "text": str, "spans": list, "status": str}
    probs = [f"field {k!r} missing or not {t.__name__}" for k, t in fields.items()
             if not isinstance(rec.get(k), t)]
    if probs:
        return probs
    if rec["lang"] not in ("pl", "en"):
        probs.append(f"lang {rec['lang']!r} is not pl or en")
    if rec["status"] not in STATUSES:
        probs.append(f"status {rec['status']!r} is not gold or silver")
    if raw is not None and raw[rec["start"]:rec["end"]] != rec["text"]:
        probs.append("raw[start:end] != text")
    return probs + span_problems(rec["text"], rec["spans"])


def span_problems(text: str, spans: Iterable) -> list[str]:
    """What breaks the contract in the spans of one sentence `text` (empty list = valid):
    a label not in LABELS, bounds that are not ints inside the text, outer whitespace,
    overlapping or unsorted spans and, for span dicts, a `text` that is not the
    sentence's. Spans are record span dicts or (start, end, label) sequences (doccano's)."""
    probs, last_end = [], -1
    for sp in spans:
        if not isinstance(sp, (dict, list, tuple)) or (not isinstance(sp, dict) and len(sp) != 3):
            probs.append(f"span is neither an object nor [start, end, label]: {sp!r}")
            continue
        d = sp if isinstance(sp, dict) else {"start": sp[0], "end": sp[1], "label": sp[2]}
        s, e = d.get("start"), d.get("end")
        if not (isinstance(s, int) and isinstance(e, int)):
            probs.append(f"span without int start/end: {sp}")
            continue
        if d.get("label") not in LABELS:
            probs.append(f"span label {d.get('label')!r} is not one of {LABELS}")
        if not 0 <= s < e <= len(text):
            probs.append(f"span {s}-{e} does not fit the sentence ({len(text)} characters)")
            continue
        surface = text[s:e]
        if isinstance(sp, dict) and sp.get("text") != surface:
            probs.append(f"span text {sp.get('text')!r} != sentence text {surface!r}")
        if surface != surface.strip():
            probs.append(f"span {surface!r} has outer whitespace")
        if s < last_end:
            probs.append(f"spans overlap or are unsorted at {s}")
        last_end = max(last_end, e)
    return probs


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict]]:
    """(line number, record) pairs; a bad line is an error naming file and line."""
    path = Path(path)
    if not path.is_file():
        raise KosnlpError("KOS-E101", "no such file", where=str(path))
    with path.open(encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise KosnlpError("KOS-E201", f"not JSON ({e.msg} at column {e.colno})",
                                  where=f"{path}:{ln}", hint="fix or remove the line") from None
            if not isinstance(rec, dict):
                raise KosnlpError("KOS-E201", "line is JSON but not an object", where=f"{path}:{ln}")
            yield ln, rec


def dumps(rec: dict) -> str:
    return json.dumps(rec, ensure_ascii=False, separators=(", ", ": "))


@contextmanager
def atomic_writer(path: str | Path, mode: str = "w"):
    """Open a temp file next to `path`; on success fsync and rename over it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_jsonl(path: str | Path, records: Iterable[dict]) -> int:
    n = 0
    with atomic_writer(path) as fh:
        for rec in records:
            fh.write(dumps(rec) + "\n")
            n += 1
    return n


def write_text(path: str | Path, text: str) -> None:
    with atomic_writer(path) as fh:
        fh.write(text)
