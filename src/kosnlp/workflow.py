"""The flow from raw/ to an evaluated corpus, as the commands run it.

- `annotate_corpus`: every document of raw/ (manifest order, checksums verified) through
  annotate's tasks and engines (in this process, N local processes or dask) into one
  silver JSONL file, written atomically (annotate.annotate_documents, which the
  leave-one-document-out estimate, kosnlp.lodo, also annotates its documents with).
  This is the only place that annotates raw/: `kosnlp run` and the report's fallback
  run both call it.
- `run_evaluation`: score predictions against gold/ and write evaluation.{json,md}.
- `run`: the main job (annotate raw/, save the models, evaluate, refresh the data card);
  `evaluate_file` and `agreement`: `kosnlp evaluate` and `kosnlp agreement`.
- `report`: the HTML report; its predictions (`report_predictions`) are made by running
  the pipeline over raw/ first when the default file is missing.

The command line (kosnlp.cli) parses the arguments and calls these; `say` receives the
progress lines meant for the user.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .errors import KosnlpError

DEFAULT_PRED = "output/silver.jsonl"
SILVER = "silver.jsonl"


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def annotate_corpus(raw_dir: str | Path, out: str | Path, loader, progress: bool = True,
                    n_process: int = 1, engine: str = "local", scheduler: str | None = None):
    """Annotate every document of raw/ into OUT; returns (documents, annotate.Summary)."""
    from .annotate import annotate_documents
    from .engine import make_engine
    from .ingest import load_raw_corpus
    engine_run = make_engine(engine, loader, n_process, scheduler)  # checks the options first
    docs = load_raw_corpus(raw_dir)
    return docs, annotate_documents(docs, out, engine_run, progress)


def run_evaluation(raw_dir: str | Path, pred: list[dict], gold_dir: Path, out_dir: Path, model=None,
                   with_lodo: bool = True, heldout: str | Path | None = None) -> dict | None:
    """Score `pred` against the gold files in `gold_dir`; write evaluation.{json,md} to `out_dir`.
    With `heldout` (a directory of held-out texts, kosnlp.heldout), their dev and test halves
    are annotated and scored too. None when there is no gold."""
    from .evaluate import evaluate
    from .gold import coverage, load_gold, partial_documents
    from .ingest import load_raw_corpus
    from .records import write_text
    from .report import evaluation_markdown
    if not any(Path(gold_dir).glob("*.jsonl")):
        return None
    docs = load_raw_corpus(raw_dir)
    gold = load_gold(gold_dir, {d.doc_id: d.text for d in docs})
    cov = coverage(gold, docs)
    partial = partial_documents(cov)
    rep = evaluate(gold, pred, partial)
    rep["note"] = ("In-sample for the documents the rules and gazetteers were written with (those of corpus 0.2.0). "
                   "The leave-one-document-out section is the honest estimate for unseen texts.")
    rep["coverage"] = cov
    if with_lodo:
        from .lodo import lodo
        rep["lodo"] = lodo([d for d in docs if d.doc_id in {g["doc_id"] for g in gold}], gold, model, partial)
        if "normalisation" in rep:
            from .normalise.score import without_alias_tables
            from .normalise.tables import build_tables
            rep["normalisation"]["without_alias_tables"] = without_alias_tables(gold, build_tables())
    if heldout:
        from .heldout import SPLITS, score
        from .pipeline import run_loader
        rep["heldout"] = {split: score(heldout, split, run_loader(model)) for split in SPLITS}
    write_text(Path(out_dir) / "evaluation.json", json.dumps(rep, ensure_ascii=False, indent=1) + "\n")
    write_text(Path(out_dir) / "evaluation.md", evaluation_markdown(rep))
    return rep


def evaluate_file(pred_path: str | Path, raw_dir: str | Path, annotations: str | Path, out_dir: str | Path,
                  model: str | None = None, with_lodo: bool = True, say: Callable[[str], None] = print) -> dict:
    """`kosnlp evaluate`: score the records of `pred_path` against annotations/gold/ into
    out_dir/evaluation.{json,md} (never over the input)."""
    from .records import check_not_an_input, read_jsonl
    pred = [r for _, r in read_jsonl(pred_path)]
    out = Path(out_dir)
    for name in ("evaluation.json", "evaluation.md"):
        check_not_an_input(out / name, [pred_path])
    gold_dir = Path(annotations) / "gold"
    rep = run_evaluation(raw_dir, pred, gold_dir, out, model, with_lodo=with_lodo)
    if rep is None:
        raise KosnlpError("KOS-E203", "no gold files", where=str(gold_dir), hint="build the gold first")
    say(summary_line(rep))
    say(f"evaluation -> {out}/evaluation.json, evaluation.md")
    return rep


def agreement(first: str, second: str, raw_dir: str | Path, annotations: str | Path,
              say: Callable[[str], None] = print) -> dict:
    """`kosnlp agreement`: two annotators' files (globs) -> annotations/agreement.{json,md}."""
    from .agreement import pairwise
    from .gold import load_annotations
    from .ingest import verify_raw
    from .records import write_text
    from .report import agreement_markdown
    langs = {d["doc_id"]: d["lang"] for d in verify_raw(raw_dir)["documents"]}
    ag = pairwise(load_annotations(first, langs), load_annotations(second, langs))
    write_text(Path(annotations) / "agreement.json", json.dumps(ag, ensure_ascii=False, indent=1) + "\n")
    write_text(Path(annotations) / "agreement.md", agreement_markdown(ag))
    say(f"{ag['sentences']} sentences, strict F1 {ag['by_label']['ALL']['f1']}")
    return ag


def summary_line(rep: dict) -> str:
    parts = []
    for lang, t in rep["by_lang"].items():
        f = {lab: v["f1"] for lab, v in t["strict"]["labels"].items()}
        parts.append(f"{lang}: " + " ".join(f"{k}={v:.3f}" for k, v in f.items()) + f" micro={t['strict']['micro']['f1']:.3f}")
    return "strict F1 (in-sample) " + "; ".join(parts)


@dataclass
class RunOptions:
    raw: str = "raw"
    out: str = "output"
    annotations: str = "annotations"
    models: str = "models"
    model: str | None = None
    no_models: bool = False
    no_lodo: bool = False
    progress: bool = True
    n_process: int = 1
    engine: str = "local"
    scheduler: str | None = None
    heldout: str | None = "eval/unseen"


def run(o: RunOptions, say: Callable[[str], None] = _stderr) -> dict | None:
    """The main job: raw/ -> out/silver.jsonl, models/, the evaluation against gold and the
    data card. Returns the evaluation (None without gold)."""
    from .gold import GOLD_DIR
    from .pipeline import run_loader, save_models
    from .records import read_jsonl
    silver = Path(o.out) / SILVER
    docs, s = annotate_corpus(o.raw, silver, run_loader(o.model), o.progress, o.n_process, o.engine, o.scheduler)
    say(f"{len(docs)} documents, {s.sentences} silver records -> {silver}")
    if not o.no_models:
        say("models: " + ", ".join(map(str, save_models(o.models))))
    # The committed evaluation (annotations/evaluation.*) is refreshed only by a full run:
    # without the leave-one-document-out estimate it goes to --out, beside silver.jsonl.
    ann = Path(o.annotations)
    eval_dir = Path(o.out) if o.no_lodo else ann
    pred = [r for _, r in read_jsonl(silver)] if s.written else []
    heldout = o.heldout if o.heldout and (Path(o.heldout) / "texts" / "manifest.yaml").is_file() else None
    rep = run_evaluation(o.raw, pred, ann / GOLD_DIR.name, eval_dir, o.model, with_lodo=not o.no_lodo,
                         heldout=heldout)
    if rep:
        from .datacard import write as write_datacard
        say(summary_line(rep))
        for split, h in rep.get("heldout", {}).items():
            say(summary_line(h).replace("(in-sample)", f"(held-out {split})"))
        say(f"evaluation -> {eval_dir}/evaluation.json, evaluation.md"
            + (f" ({ann}/evaluation.* left as they were: --no-lodo)" if o.no_lodo else ""))
        say(f"data card -> {write_datacard(o.annotations, o.raw)}")
    return rep


def report_predictions(raw_dir: str | Path, pred: str | Path | None, model: str | None = None,
                       say: Callable[[str], None] = _stderr) -> Path:
    """The predictions the report shows: PRED, or the default output/silver.jsonl, which is
    written first (by the pipeline over raw/, as `kosnlp run` does) when it is missing.
    A PRED that was given and is missing is an error."""
    from .pipeline import run_loader
    path = Path(pred or DEFAULT_PRED)
    if path.is_file():
        return path
    if pred:
        raise KosnlpError("KOS-E607", "prediction file not found", where=str(path),
                          hint="give pipeline records (kosnlp run writes output/silver.jsonl)")
    say(f"{path} missing: running the pipeline over {raw_dir}/ ...")
    _, s = annotate_corpus(raw_dir, path, run_loader(model), progress=False)
    say(f"{s.sentences} silver records -> {path}")
    return path


def report(raw_dir: str | Path, pred: str | Path | None, gold_dir: str | Path, out: str | Path,
           model: str | None = None, screenshot: str | None = None, say: Callable[[str], None] = print) -> None:
    """The HTML report of gold against the predictions (see `report_predictions`)."""
    from .gold import coverage, load_gold, partial_documents
    from .html_report import build
    from .ingest import load_raw_corpus, verify_raw
    from .records import check_not_an_input, write_text
    verify_raw(raw_dir)
    check_not_an_input(out, [Path(pred or DEFAULT_PRED)])
    path = report_predictions(raw_dir, pred, model)
    partial = partial_documents(coverage(load_gold(gold_dir), load_raw_corpus(raw_dir)))
    write_text(out, build(gold_dir, path, Path(raw_dir) / "manifest.yaml", partial))
    say(f"report -> {out}")
    if screenshot:
        from .browser import screenshot as take
        say(f"screenshot -> {take(out, screenshot)}")
