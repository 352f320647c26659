"""Scores on held-out texts: texts no rule was written from (the project's own are in
eval/unseen/, docs/evaluation.md).

A held-out directory has `texts/*.txt` with `texts/manifest.yaml` (doc id, file, lang,
reference date and `split`: dev or test), `gold/<doc id>.marked` (the adjudicated spans as
`[[surface|LABEL]]` markup over the text) and optionally `norms/<doc id>.yaml` (norms read
by hand: DATE `first`/`last`, ACTOR and PLACE `id`, or `status: unresolved`).

`score` annotates one split with the pipeline (as `kosnlp annotate` does, anchored on the
manifest's reference dates) and gives the span scores (kosnlp.evaluate) and the accuracy of
the norms on the spans found exactly. The dev half may be read for errors; the test half
is only scored: its errors are never returned.
"""
from __future__ import annotations

import re
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import yaml

from .errors import KosnlpError

DEFAULT_DIR = "eval/unseen"
SPLITS = ("dev", "test")
MARK = re.compile(r"\[\[(.+?)\|(ACTOR|PLACE|DATE)\]\]", re.S)


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


def documents(root: str | Path, split: str = "all", lang: str | None = None) -> list[dict]:
    """The manifest entries of one split (dev, test or all), optionally of one language."""
    path = Path(root) / "texts" / "manifest.yaml"
    if not path.is_file():
        raise KosnlpError("KOS-E204", "no held-out manifest", where=str(path),
                          hint="give a directory with texts/manifest.yaml (see docs/evaluation.md)")
    try:
        docs = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("documents") or []
    except yaml.YAMLError as e:
        raise KosnlpError("KOS-E204", f"manifest is not valid YAML: {' '.join(str(e).split())}", where=str(path),
                          hint="fix the manifest") from None
    for i, d in enumerate(docs):
        if not isinstance(d, dict) or d.get("split") not in SPLITS or not d.get("doc_id") or not d.get("file"):
            raise KosnlpError("KOS-E204", f"entry {i + 1} needs doc_id, file, lang and split (dev or test)",
                              where=str(path), hint="fix the entry")
    return [d for d in docs if split in ("all", d["split"]) and lang in (None, d["lang"])]


def gold_record(root: Path, doc: dict) -> dict:
    """One record per document (offsets are absolute, so scoring needs no segmentation)."""
    text = (root / "texts" / doc["file"]).read_text(encoding="utf-8")
    marked = root / "gold" / f"{doc['doc_id']}.marked"
    plain, spans = parse_marked(marked.read_text(encoding="utf-8"))
    if plain.rstrip("\n") != text.rstrip("\n"):
        raise KosnlpError("KOS-E204", f"its text differs from texts/{doc['file']}", where=str(marked),
                          hint="the markup must wrap an exact copy of the text")
    norms = {}
    norm_file = root / "norms" / f"{doc['doc_id']}.yaml"
    if norm_file.is_file():
        for item in yaml.safe_load(norm_file.read_text(encoding="utf-8")) or []:
            norms[(item["start"], item["end"])] = item
    return {"id": doc["doc_id"], "doc_id": doc["doc_id"], "lang": doc["lang"], "start": 0, "end": len(text),
            "text": text, "status": "gold",
            "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e],
                       **({"norm": norms[(s, e)]} if (s, e) in norms else {})} for s, e, lab in spans]}


def annotate(root: Path, docs: list[dict], loader) -> list[dict]:
    """The pipeline's records for `docs` (through kosnlp annotate's own path)."""
    from .annotate import annotate_files
    from .records import read_jsonl
    preds = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in sorted({d["lang"] for d in docs}):
            out = Path(tmp) / f"silver-{lang}.jsonl"
            files = [root / "texts" / d["file"] for d in docs if d["lang"] == lang]
            annotate_files(files, lang, out, loader, progress=False)
            preds += [r for _, r in read_jsonl(out)]
    return preds


def same_place_ids() -> dict[str, str]:
    """Curated places that say which GeoNames record they are: one referent, two ids."""
    from .ingest import load_yaml_data
    out = {}
    for p in load_yaml_data("gazetteer/places_curated.yaml") or []:
        m = re.search(r"GeoNames (?:record )?(\d+)", str(p.get("source", "")))
        if m:
            out[f"place:{p['id']}"] = f"geonames:{m.group(1)}"
    return out


def norm_ok(label: str, gold: dict, pred: dict, same: dict[str, str]) -> bool:
    """A gold norm read by hand against the pipeline's: DATE by first and last day, ACTOR and
    PLACE by id; an unresolved gold norm wants an unresolved prediction (no confident wrong link)."""
    if gold.get("status") == "unresolved":
        return pred.get("status") != "resolved"
    if pred.get("status") != "resolved":
        return False
    if label == "DATE":
        return str(pred.get("start")) == str(gold["first"]) and str(pred.get("end")) == str(gold["last"])
    return same.get(pred.get("id"), pred.get("id")) == same.get(gold["id"], gold["id"])


def _width(days: int) -> str:
    return next(name for limit, name in ((1, "day"), (7, "week"), (31, "month"), (92, "season"), (366, "year"))
                if days <= limit) if days <= 366 else "longer"


def norm_error_class(label: str, gold: dict, pred: dict) -> str:
    """What kind of wrong a norm is, in words with no text of the span: a DATE a year or days
    off (and which way), of another width, resolved where the reader left it unresolved, or
    unresolved with its reason; an ACTOR or PLACE linked to another id."""
    if pred.get("status") != "resolved":
        return f"unresolved ({str(pred.get('reason') or 'no reason').split(':')[0]})"
    if gold.get("status") == "unresolved":
        return "resolved where gold is unresolved"
    if label != "DATE":
        return "another id"
    try:
        g0, g1, p0, p1 = (date.fromisoformat(str(x)) for x in (gold["first"], gold["last"], pred["start"], pred["end"]))
    except (KeyError, ValueError):
        return "not a day range"
    gw, pw = _width((g1 - g0).days + 1), _width((p1 - p0).days + 1)
    if gw != pw:
        return f"width {gw} -> {pw}"
    off = (p0 - g0).days
    way = "later" if off > 0 else "earlier"
    if (p0.month, p0.day) == (g0.month, g0.day):
        return f"{gw} {abs(p0.year - g0.year)} year(s) {way}"
    unit = next(u for limit, u in ((7, "1-7 days"), (31, "8-31 days"), (366, "1-12 months")) if abs(off) <= limit) \
        if abs(off) <= 366 else "over a year"
    return f"{gw} {unit} {way}"


def norm_scores(gold: list[dict], pred: list[dict]) -> tuple[dict, list, dict]:
    """Spans found exactly: is the pipeline's norm the hand-read one? Counts per (language,
    label), the wrong or unresolved norms, and their counts by class and the anchor the
    pipeline used ("pl DATE day 1 year(s) later, anchor reference_date"), without their text."""
    same = same_place_ids()
    p = {(r["doc_id"], r["start"] + s["start"], r["start"] + s["end"], s["label"]): s.get("norm") or {}
         for r in pred for s in r["spans"]}
    out: dict[tuple, Counter] = {}
    wrong, classes = [], Counter()
    for g in gold:
        for s in g["spans"]:
            if "norm" not in s:
                continue
            c = out.setdefault((g["lang"], s["label"]), Counter())
            c["gold"] += 1
            key = (g["doc_id"], s["start"], s["end"], s["label"])
            if key not in p:
                continue
            c["found"] += 1
            if norm_ok(s["label"], s["norm"], p[key], same):
                c["correct"] += 1
            else:
                c["unresolved" if p[key].get("status") != "resolved" else "wrong"] += 1
                anchor = f", anchor {p[key].get('anchor') or 'none'}" \
                    if s["label"] == "DATE" and p[key].get("status") == "resolved" else ""
                classes[f"{g['lang']} {s['label']} {norm_error_class(s['label'], s['norm'], p[key])}{anchor}"] += 1
                wrong.append((g["doc_id"], s["label"], s["text"], s["norm"],
                              {k: p[key].get(k) for k in ("status", "id", "start", "end", "reason") if p[key].get(k)}))
    return out, wrong, dict(sorted(classes.items()))


def error_classes(errors: list[dict], lang_of: dict[str, str]) -> dict[str, int]:
    """Counts of span errors by language, kind and labels ("pl wrong label PLACE->ACTOR"):
    the figures that say which class of error a change removed, without the errors' text."""
    c: Counter = Counter()
    for e in errors:
        g, p = (x.rsplit("/", 1)[1] if x else None for x in (e["gold"], e["pred"]))
        labels = g if g == p or p is None else p if g is None else f"{g}->{p}"
        c[f"{lang_of[e['doc_id']]} {e['kind']} {labels}"] += 1
    return dict(sorted(c.items()))


def score(root: str | Path, split: str, loader, lang: str | None = None, errors: bool = False) -> dict:
    """Span scores per language and label and norm accuracy on one split; `errors` (the
    span and norm errors) only for the dev half."""
    from .evaluate import evaluate
    if errors and split != "dev":
        raise KosnlpError("KOS-E204", "errors are listed for the dev half only", where=f"--split {split}",
                          hint="the test half is only scored")
    root = Path(root)
    docs = documents(root, split, lang)
    if not docs:
        return {"split": split, "texts": 0, "spans": 0, "by_lang": {}, "norms": {}, "error_classes": {}, "norm_error_classes": {},
                **({"errors": [], "norm_errors": []} if errors else {})}
    gold = [gold_record(root, d) for d in docs]
    pred = annotate(root, docs, loader)
    rep = evaluate(gold, pred)
    counts, wrong, classes = norm_scores(gold, pred)
    out = {"split": split, "texts": len(docs), "spans": sum(len(g["spans"]) for g in gold),
           "by_lang": rep["by_lang"], "error_classes": error_classes(rep["errors"], {d["doc_id"]: d["lang"] for d in docs}),
           "norms": {f"{k[0]} {k[1]}": dict(v) for k, v in sorted(counts.items())},
           "norm_error_classes": classes}
    if errors:
        out["errors"], out["norm_errors"] = rep["errors"], wrong
    return out
