"""Annotate text files: ingest -> segment -> spaCy pipeline -> silver records (streamed).

Each document is cut into chunks of whole sentence units (at most `chunk_chars`), the
chunks go through `nlp.pipe`, and records are written as soon as a chunk is done, to a
temp file renamed over OUT at the end: memory stays flat and OUT is never half-written.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KosnlpError
from .normalise.reference import norm_cfg, reference_date_for
from .ingest import check_lang, detect_language, read_text_file
from .records import atomic_writer, dumps, make_record
from .segment import Unit, segment

CHUNK_CHARS = 20_000


@dataclass
class Summary:
    files: int = 0
    sentences: int = 0
    words: int = 0
    spans: dict = field(default_factory=lambda: {"ACTOR": 0, "PLACE": 0, "DATE": 0})
    errors: list = field(default_factory=list)


def chunks(units: list[Unit], limit: int = CHUNK_CHARS) -> Iterator[list[Unit]]:
    cur: list[Unit] = []
    for u in units:
        if cur and u.end - cur[0].start > limit:
            yield cur
            cur = []
        cur.append(u)
    if cur:
        yield cur


def records_for(doc_id: str, lang: str, text: str, nlp, units: list[Unit] | None = None,
                batch_size: int = 16, status: str = "silver", reference_date: str | None = None) -> Iterator[dict]:
    """Silver records of one document, in sentence order (dates anchored on `reference_date`)."""
    units = segment(text, lang) if units is None else units
    parts = list(chunks(units))
    index = 0
    docs = nlp.pipe((text[p[0].start:p[-1].end] for p in parts), batch_size=batch_size,
                    component_cfg=norm_cfg(nlp, reference_date))
    for part, doc in zip(parts, docs):
        base = part[0].start
        ents = [(base + e.start_char, base + e.end_char, e.label_, e._.get("norm")) for e in doc.ents]
        k = 0
        for u in part:
            spans = []
            while k < len(ents) and ents[k][0] < u.end:
                s, e, lab, norm = ents[k]
                if s >= u.start and e <= u.end:
                    spans.append({"start": s - u.start, "end": e - u.start, "label": lab, "text": text[s:e],
                                  **({"norm": norm} if norm else {})})
                k += 1
            yield make_record(doc_id, lang, index, u.start, u.end, u.text, spans, status=status)
            index += 1


def resolve_lang(lang: str, text: str, where: str) -> str:
    return detect_language(text, where) if lang == "auto" else check_lang(lang)


def annotate_files(paths: Iterable[str | Path], lang: str, out: str | Path, loader,
                   progress: bool = True) -> Summary:
    """Annotate files into OUT; a bad file is reported (one line) and skipped."""
    from tqdm import tqdm
    if lang != "auto":
        check_lang(lang)
    summary = Summary()
    paths = list(paths)
    with atomic_writer(out) as fh:
        bar = tqdm(paths, unit="file", disable=not progress, file=sys.stderr, desc="annotate")
        for path in bar:
            try:
                text = read_text_file(path)
                doc_lang = resolve_lang(lang, text, str(path))
            except KosnlpError as e:
                summary.errors.append(str(e))
                print(f"error: {e}", file=sys.stderr)
                continue
            nlp = loader(doc_lang)
            for rec in records_for(Path(path).stem, doc_lang, text, nlp, reference_date=reference_date_for(path)):
                fh.write(dumps(rec) + "\n")
                summary.sentences += 1
                summary.words += len(rec["text"].split())
                for s in rec["spans"]:
                    summary.spans[s["label"]] += 1
            summary.files += 1
    return summary
