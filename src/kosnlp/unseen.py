"""The unseen evaluation texts (eval/unseen/, docs/evaluation.md) as gold records.

The manifest (eval/unseen/texts/manifest.yaml) gives each text a `split`: dev (read for
errors, and trained on) or test (only scored). The split is read each time, so texts
added to the manifest are used by the next run. The gold is `[[surface|LABEL]]` markup
(eval/unseen/gold/<doc_id>.marked) over the text.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import KosnlpError

MARK = re.compile(r"\[\[(.+?)\|(ACTOR|PLACE|DATE)\]\]", re.S)
SPLITS = ("dev", "test", "all")


def parse_marked(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """[[surface|LABEL]] markup -> (plain text, spans in plain-text offsets)."""
    out, spans, pos, n = [], [], 0, 0
    for m in MARK.finditer(marked):
        out.append(marked[pos:m.start()])
        n += m.start() - pos
        spans.append((n, n + len(m.group(1)), m.group(2)))
        out.append(m.group(1))
        n += len(m.group(1))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def manifest_docs(root: str | Path, split: str, lang: str | None = None) -> list[dict]:
    """The manifest's entries of `split` (dev, test or all), in manifest order."""
    f = Path(root) / "texts" / "manifest.yaml"
    if not f.is_file():
        raise KosnlpError("KOS-E107", "no manifest of the unseen evaluation texts", where=str(f),
                          hint="give the directory holding texts/manifest.yaml and gold/")
    try:
        docs = (yaml.safe_load(f.read_text(encoding="utf-8")) or {}).get("documents") or []
    except yaml.YAMLError as e:
        raise KosnlpError("KOS-E107", f"manifest is not valid YAML: {' '.join(str(e).split())}", where=str(f),
                          hint="fix the manifest") from None
    return [d for d in docs if (split == "all" or d.get("split") == split) and (lang is None or d.get("lang") == lang)]


def gold_record(root: str | Path, doc: dict) -> dict:
    """One gold record per text, its spans on text offsets (no segmentation needed)."""
    root = Path(root)
    text = (root / "texts" / doc["file"]).read_text(encoding="utf-8")
    marked = root / "gold" / f"{doc['doc_id']}.marked"
    plain, spans = parse_marked(marked.read_text(encoding="utf-8"))
    if plain.rstrip("\n") != text.rstrip("\n"):
        raise KosnlpError("KOS-E203", f"its text differs from texts/{doc['file']}", where=str(marked),
                          hint="the markup must only add [[...|LABEL]] around the text")
    return {"id": doc["doc_id"], "doc_id": doc["doc_id"], "lang": doc["lang"], "start": 0, "end": len(text),
            "text": text, "status": "gold",
            "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e]} for s, e, lab in spans]}
