"""Score the pipeline on the unseen evaluation texts (eval/unseen/).

The texts were written for evaluation from facts of the public record, in genres the
corpus does not have, and annotated blind by two readers whose differences were
adjudicated (eval/unseen/README.md). They were split once into a dev half (read for
errors) and a test half (only scored). This script runs `kosnlp annotate` on a split
and prints strict / exact / partial / type scores per language and label, plus the
accuracy of the norms on the spans found exactly (DATE: first and last day; ACTOR,
PLACE: the id) against norms read by hand (eval/unseen/norms).

    uv run python eval/unseen.py --split dev      # or test, or all
    uv run python eval/unseen.py --split dev --errors   # also list the errors (dev only)
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml

from kosnlp.unseen import parse_marked

HERE = Path(__file__).resolve().parent / "unseen"


def gold_record(doc: dict) -> dict:
    """One pseudo-record per document (offsets are absolute, so scoring needs no segmentation)."""
    text = (HERE / "texts" / doc["file"]).read_text(encoding="utf-8")
    plain, spans = parse_marked((HERE / "gold" / f"{doc['doc_id']}.marked").read_text(encoding="utf-8"))
    if plain.rstrip("\n") != text.rstrip("\n"):
        sys.exit(f"error: eval/unseen/gold/{doc['doc_id']}.marked: its text differs from texts/{doc['file']}")
    norms = {}
    norm_file = HERE / "norms" / f"{doc['doc_id']}.yaml"
    if norm_file.is_file():
        for item in yaml.safe_load(norm_file.read_text(encoding="utf-8")) or []:
            norms[(item["start"], item["end"])] = item
    return {"id": doc["doc_id"], "doc_id": doc["doc_id"], "lang": doc["lang"], "start": 0, "end": len(text),
            "text": text, "status": "gold",
            "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e],
                       **({"norm": norms[(s, e)]} if (s, e) in norms else {})} for s, e, lab in spans]}


def annotate(docs: list[dict], workdir: Path) -> list[dict]:
    preds = []
    for lang in sorted({d["lang"] for d in docs}):
        files = [str(HERE / "texts" / d["file"]) for d in docs if d["lang"] == lang]
        out = workdir / f"silver-{lang}.jsonl"
        subprocess.run([sys.executable, "-m", "kosnlp.cli", "annotate", *files, "--lang", lang,
                        "--out", str(out), "--quiet"], check=True)
        preds += [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
    return preds


def same_place_ids() -> dict[str, str]:
    """Curated places that say which GeoNames record they are: one referent, two ids."""
    data = yaml.safe_load((Path(__file__).resolve().parents[1] / "src/kosnlp/data/gazetteer/places_curated.yaml")
                          .read_text(encoding="utf-8"))
    out = {}
    for p in data:
        m = re.search(r"GeoNames (?:record )?(\d+)", str(p.get("source", "")))
        if m:
            out[f"place:{p['id']}"] = f"geonames:{m.group(1)}"
    return out


SAME = same_place_ids()


def norm_ok(label: str, gold: dict, pred: dict) -> bool:
    """A gold norm read by hand against the pipeline's: DATE by first and last day, ACTOR and
    PLACE by id; an unresolved gold norm wants an unresolved prediction (no confident wrong link)."""
    if gold.get("status") == "unresolved":
        return pred.get("status") != "resolved"
    if pred.get("status") != "resolved":
        return False
    if label == "DATE":
        return str(pred.get("start")) == str(gold["first"]) and str(pred.get("end")) == str(gold["last"])
    return SAME.get(pred.get("id"), pred.get("id")) == SAME.get(gold["id"], gold["id"])


def norm_scores(gold: list[dict], pred: list[dict]) -> dict:
    """Spans found exactly: is the pipeline's norm the hand-read one? Per language and label."""
    p = {(r["doc_id"], r["start"] + s["start"], r["start"] + s["end"], s["label"]): s.get("norm") or {}
         for r in pred for s in r["spans"]}
    out: dict[tuple, Counter] = {}
    wrong = []
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
            gn, pn = s["norm"], p[key]
            if norm_ok(s["label"], gn, pn):
                c["correct"] += 1
            else:
                c["unresolved" if pn.get("status") != "resolved" else "wrong"] += 1
                wrong.append((g["doc_id"], s["label"], s["text"], gn,
                              {k: pn.get(k) for k in ("status", "id", "start", "end", "reason") if pn.get(k)}))
    return {"counts": out, "wrong": wrong}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev", help="which half to score")
    ap.add_argument("--lang", choices=("pl", "en"), help="one language only (default both)")
    ap.add_argument("--errors", action="store_true", help="list the errors (refused for the test half)")
    ap.add_argument("--json", metavar="FILE", help="also write the scores as JSON")
    a = ap.parse_args(argv)
    if a.errors and a.split != "dev":
        sys.exit("error: errors are listed for the dev half only (the test half is only scored)")
    from kosnlp.evaluate import evaluate
    from kosnlp.records import write_text
    manifest = yaml.safe_load((HERE / "texts" / "manifest.yaml").read_text(encoding="utf-8"))
    docs = [d for d in manifest["documents"] if (a.split == "all" or d["split"] == a.split)
            and (a.lang is None or d["lang"] == a.lang)]
    gold = [gold_record(d) for d in docs]
    with tempfile.TemporaryDirectory() as tmp:
        pred = annotate(docs, Path(tmp))
    rep = evaluate(gold, pred)
    norms = norm_scores(gold, pred)
    print(f"split {a.split}: {len(docs)} texts, {sum(len(g['spans']) for g in gold)} gold spans")
    print(f"{'lang':5} {'label':6} {'P':>6} {'R':>6} {'F1':>6} {'pos':>5}  (strict)   exact-F1 type-F1")
    for lang, t in rep["by_lang"].items():
        for lab, s in [*t["strict"]["labels"].items(), ("micro", t["strict"]["micro"])]:
            ex = t["exact"]["labels"].get(lab, t["exact"]["micro"])["f1"]
            ty = t["type"]["labels"].get(lab, t["type"]["micro"])["f1"]
            print(f"{lang:5} {lab:6} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['pos']:5}  {'':9} {ex:8.3f} {ty:7.3f}")
    for (lang, label), c in sorted(norms["counts"].items()):
        if c["found"]:
            print(f"{lang:5} {label:6} norms: {c['correct']}/{c['found']} correct on exactly found spans "
                  f"({c['correct'] / c['found']:.3f}); {c['wrong']} wrong, {c['unresolved']} unresolved; "
                  f"end to end {c['correct']}/{c['gold']}")
    if a.errors:
        print("\nerrors:")
        for e in rep["errors"]:
            print(f"  {e['doc_id']}: {e['kind']}: gold {e['gold']} pred {e['pred']}")
        for doc_id, label, text, gn, pn in norms["wrong"]:
            print(f"  {doc_id}: {label} norm {text!r}: gold {gn} pred {pn}")
    if a.json:
        write_text(a.json, json.dumps({"split": a.split, "by_lang": rep["by_lang"],
                                            "norms": {f"{k[0]} {k[1]}": dict(v) for k, v in norms["counts"].items()}},
                                           indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
