"""The `kosnlp` command line. Every command has --help; errors are one line with a code."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .errors import KosnlpError


def _loader(model: str | None):
    from .pipeline import run_loader
    return run_loader(model)


def cmd_annotate(a) -> int:
    from .annotate import annotate_files
    from .normalise.reference import Reference
    t = time.perf_counter()
    s = annotate_files(a.files, a.lang, a.out, _loader(a.model), progress=not a.quiet,
                       n_process=a.n_process, engine=a.engine, scheduler=a.scheduler,
                       reference=Reference(a.reference_date, a.metadata))
    dt = time.perf_counter() - t
    where = f"-> {a.out}" if s.written else f"no file annotated: {a.out} not written (left as it was)"
    print(f"{s.files} files, {s.sentences} sentences, {s.words} words, spans {s.spans} "
          f"{where} ({dt:.1f}s)", file=sys.stderr)
    return 1 if s.errors else 0


def _run_options(a):
    from .workflow import RunOptions
    return RunOptions(raw=a.raw, out=a.out, annotations=a.annotations, models=a.models, model=a.model,
                      no_models=a.no_models, no_lodo=a.no_lodo, progress=not a.quiet,
                      n_process=a.n_process, engine=a.engine, scheduler=a.scheduler, heldout=a.heldout)


def cmd_run(a) -> int:
    from .corpus_cli import warn_unlisted
    from .workflow import run
    warn_unlisted(a.raw)
    run(_run_options(a))
    return 0


def cmd_evaluate(a) -> int:
    from .workflow import evaluate_file
    evaluate_file(a.pred, a.raw, a.annotations, a.out, a.model, with_lodo=not a.no_lodo)
    return 0


def cmd_agreement(a) -> int:
    from .workflow import agreement
    agreement(a.first, a.second, a.raw, a.annotations)
    return 0


def cmd_build_data(a) -> int:
    from .build_data import build, check
    if a.check:
        print("up to date: " + ", ".join(check()))
    else:
        print(build())
    return 0


def cmd_build_models(a) -> int:
    from .pipeline import save_models
    for p in save_models(a.models):
        print(p)
    return 0


def cmd_train_context(a) -> int:
    from .train_report import train
    train(a.lang, a.annotations, a.raw, a.heldout, a.out, compare=a.compare, curve=a.curve)
    return 0


def cmd_export(a) -> int:
    from .corpus import corpus_files, find_manifest
    from .export import FORMATS, export
    from .ingest import verify_raw
    manifest = find_manifest(corpus_files(a.corpus)[0])
    if manifest:  # the raw/ beside the corpus: its checksums first
        verify_raw(manifest.parent)
    export(a.corpus, a.out, a.format or tuple(FORMATS), a.dev_share, config=not a.no_config, report=print)
    return 0


def cmd_datacard(a) -> int:
    from . import datacard
    from .ingest import verify_raw
    verify_raw(a.raw)
    if a.check:
        datacard.check(a.annotations, a.raw)
        print(f"{a.annotations}/README.md is up to date")
    else:
        print(datacard.write(a.annotations, a.raw))
    return 0


def cmd_release(a) -> int:
    import datetime
    from . import datacard, versioning
    from .ingest import verify_raw
    root = Path(a.root)
    verify_raw(root / "raw")
    versioning.release(root, a.version, a.date or datetime.date.today().isoformat())
    versioning.check(root)
    print(f"corpus version {a.version} recorded in {root / 'raw' / 'manifest.yaml'}; "
          f"data card -> {datacard.write(root / 'annotations', root / 'raw')}")
    return 0


def cmd_report(a) -> int:
    from .workflow import report
    report(a.raw, a.pred, a.gold, a.out, a.model, a.screenshot)
    return 0


def add_engine_options(s) -> None:
    s.add_argument("--n-process", type=int, default=1, metavar="N",
                   help="worker processes (default 1); output is identical for any N")
    s.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes, or dask.distributed (default: local)")
    s.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="dask scheduler address (tcp://host:8786); without it --engine dask starts a local cluster")


def parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of `command` alone (what `main` builds for a
    known command: the other commands' modules are then not imported)."""
    def want(*names: str) -> bool:
        return command is None or command in names

    p = argparse.ArgumentParser(prog="kosnlp", description="ACTOR / PLACE / DATE corpus tools for the Kosovo 1998-1999 corpus")
    sub = p.add_subparsers(dest="cmd", required=True)
    if want("annotate"):
        s = sub.add_parser("annotate", help="annotate UTF-8 text files into silver JSONL records")
        s.add_argument("files", nargs="+", metavar="FILE",
                       help="UTF-8 text files; the doc id is the file name without extension (unique per run)")
        s.add_argument("--lang", default="auto",
                       help="pl, en or auto (default: auto; a text in another language is error KOS-E106)")
        s.add_argument("--out", required=True,
                       help="output JSONL file, never one of the inputs; replaced only when a file was annotated")
        s.add_argument("--model", default=None, help="a spaCy pipeline (package or path) to use as the base")
        s.add_argument("--quiet", action="store_true", help="no progress bar")
        s.add_argument("--reference-date", default=None, metavar="YYYY-MM-DD",
                       help="date of writing of every file (for 'yesterday', '12 May'), unless a metadata row "
                            "or a manifest.yaml beside the file gives one")
        s.add_argument("--metadata", default=None, metavar="TABLE",
                       help="CSV (with a header) or JSONL table: file, date (YYYY-MM-DD), optional title, source; "
                            "a file without a row, manifest or --reference-date takes the date of its opening dateline")
        add_engine_options(s)
        s.set_defaults(func=cmd_annotate)
    if want("run"):
        s = sub.add_parser("run", help="the main job: raw/ -> silver records, models/, evaluation against gold")
        s.add_argument("--raw", default="raw", help="raw documents and manifest.yaml (default: raw)")
        s.add_argument("--out", default="output",
                       help="where silver.jsonl goes, and evaluation.* with --no-lodo (default: output)")
        s.add_argument("--annotations", default="annotations",
                       help="gold/ is read from here; evaluation.* and the data card are written here (default: annotations)")
        s.add_argument("--models", default="models", help="where the pipelines are saved (default: models)")
        s.add_argument("--model", default=None, help="a spaCy pipeline (package or path) to use as the base")
        s.add_argument("--no-models", action="store_true", help="do not write models/")
        s.add_argument("--no-lodo", action="store_true",
                       help="skip the leave-one-document-out estimate; the evaluation then goes to --out, "
                            "and annotations/evaluation.* are left as they were")
        s.add_argument("--heldout", default="eval/unseen", metavar="DIR",
                       help="held-out texts scored beside the in-sample figures, dev and test half, when DIR "
                            "exists (default: eval/unseen; docs/evaluation.md)")
        s.add_argument("--quiet", action="store_true", help="no progress bar")
        add_engine_options(s)
        s.set_defaults(func=cmd_run)
    if want("evaluate"):
        s = sub.add_parser("evaluate", help="score silver records against the gold corpus")
        s.add_argument("pred", help="pipeline output JSONL")
        s.add_argument("--raw", default="raw", help="raw documents and manifest.yaml (default: raw)")
        s.add_argument("--annotations", default="annotations", help="the gold is read from its gold/ (default: annotations)")
        s.add_argument("--out", default="output",
                       help="where evaluation.json and evaluation.md are written (default: output; "
                            "only kosnlp run refreshes annotations/evaluation.*)")
        s.add_argument("--model", default=None, help="base spaCy pipeline for the leave-one-document-out runs")
        s.add_argument("--no-lodo", action="store_true", help="skip the leave-one-document-out estimate")
        s.set_defaults(func=cmd_evaluate)
    if want("agreement"):
        s = sub.add_parser("agreement", help="inter-annotator agreement of two annotation sets")
        s.add_argument("--first", default="work/annot/a/output/*.jsonl",
                       help="first annotator's JSONL files, a glob (default: work/annot/a/output/*.jsonl)")
        s.add_argument("--second", default="work/annot/b/output/*.jsonl",
                       help="second annotator's JSONL files, a glob (default: work/annot/b/output/*.jsonl)")
        s.add_argument("--raw", default="raw", help="raw/ with manifest.yaml, for the documents' languages (default: raw)")
        s.add_argument("--annotations", default="annotations", help="where agreement.* are written (default: annotations)")
        s.set_defaults(func=cmd_agreement)
    if want("add", "norms"):
        from .corpus_cli import add_parsers as add_corpus
        add_corpus(sub)
    if want("build-data"):
        s = sub.add_parser("build-data", help="regenerate data/patterns/*.jsonl and data/compiled/ from the gazetteer sources")
        s.add_argument("--check", action="store_true",
                       help="only check that the generated files are up to date (error KOS-E109 if not)")
        s.set_defaults(func=cmd_build_data)
    if want("build-models"):
        s = sub.add_parser("build-models", help="save the pipelines to models/kosnlp-<lang>")
        s.add_argument("--models", default="models", help="output directory (default: models)")
        s.set_defaults(func=cmd_build_models)
    if want("train-context"):
        s = sub.add_parser("train-context", help="learn the ACTOR / PLACE decision for countries, cities and regions",
                           description="Trains a logistic regression (scikit-learn) on the STATE / CITY / REGION "
                                       "mentions of the gold corpus and of the dev half of the unseen evaluation texts "
                                       "(the split is read from their manifest) and writes its weights as JSON, which "
                                       "the resolver reads (kosnlp/components/geo.py). Run kosnlp build-models after.")
        s.add_argument("--lang", default="all", help="pl, en or all (default: all)")
        s.add_argument("--annotations", default="annotations", help="the gold corpus' directory (default: annotations)")
        s.add_argument("--raw", default="raw", help="raw/ with manifest.yaml (default: raw)")
        s.add_argument("--heldout", default="eval/unseen", metavar="DIR",
                       help="the held-out evaluation texts: their dev half is trained on (default: eval/unseen)")
        s.add_argument("--out", default=None, help="where model_<lang>.json goes (default: the package's data/context)")
        s.add_argument("--compare", action="store_true",
                       help="also print strict F1 of rules / classifier / combined on test, dev and leave-one-out")
        s.add_argument("--curve", action="store_true",
                       help="also print test F1 with 25/50/75/100%% of the training mentions")
        s.set_defaults(func=cmd_train_context)
    if want("doccano"):
        from .doccano.cli import add_parser as add_doccano
        add_doccano(sub)
    if want("export"):
        from .export import FORMATS
        s = sub.add_parser("export", help="export the gold corpus: spaCy DocBin train/dev, IOB, doccano JSONL, CSV",
                           description="Export the corpus for other tools (see kosnlp/export.py for the layout). "
                                       "The spaCy train/dev split is by document within each language; a language "
                                       "with one document (Polish in corpus 0.2.0) has its last sentences as dev.")
        s.add_argument("--format", action="append", choices=list(FORMATS),
                       help="repeatable; default: all (" + ", ".join(FORMATS) + ")")
        s.add_argument("--corpus", default=None, help="JSONL file or directory (default: annotations/gold)")
        s.add_argument("--out", default="output/export", help="output directory (default: output/export)")
        s.add_argument("--dev-share", type=float, default=0.2, help="share of documents (or sentences) for dev")
        s.add_argument("--no-config", action="store_true", help="do not write spacy/<lang>/config.cfg")
        s.set_defaults(func=cmd_export)
    if want("datacard"):
        s = sub.add_parser("datacard", help="regenerate the data card annotations/README.md from the data")
        s.add_argument("--annotations", default="annotations", help="the data card's directory (default: annotations)")
        s.add_argument("--raw", default="raw", help="raw/ with manifest.yaml (default: raw)")
        s.add_argument("--check", action="store_true", help="only check that it is up to date (error KOS-E606 if not)")
        s.set_defaults(func=cmd_datacard)
    if want("release"):
        s = sub.add_parser("release", help="record a new corpus version after a gold change (needs its CHANGELOG.md entry)",
                           description="Sets corpus_version in raw/manifest.yaml, records the gold checksums under "
                                       "releases:, updates CITATION.cff and regenerates the data card.")
        s.add_argument("version", help="the new version, MAJOR.MINOR.PATCH, above the newest release")
        s.add_argument("--date", default=None, help="release date for CITATION.cff (default: today)")
        s.add_argument("--root", default=".", help="the project directory (default: .)")
        s.set_defaults(func=cmd_release)
    if want("report"):
        from .workflow import DEFAULT_PRED
        s = sub.add_parser("report", help="one static HTML page: gold vs pipeline spans per document, scores, charts",
                           description="Writes a self-contained HTML report (no network needed to view it). PRED "
                                       f"defaults to {DEFAULT_PRED}; when that default file is missing, the pipeline "
                                       "is run over raw/ first and its records written there (as kosnlp run does). "
                                       "An explicitly given PRED that is missing is an error (KOS-E607).")
        s.add_argument("pred", nargs="?", default=None, help=f"pipeline records JSONL (default: {DEFAULT_PRED})")
        s.add_argument("--gold", default="annotations/gold", help="gold JSONL directory (default: annotations/gold)")
        s.add_argument("--raw", default="raw", help="raw/ with manifest.yaml (default: raw)")
        s.add_argument("--out", default="output/report.html", help="the HTML file (default: output/report.html)")
        s.add_argument("--model", default=None, help="base spaCy pipeline when the pipeline has to be run")
        s.add_argument("--screenshot", default=None, metavar="PNG",
                       help="also save a 1280x2000 screenshot taken with headless chromium")
        s.set_defaults(func=cmd_report)
    return p


COMMANDS = ("annotate", "run", "evaluate", "agreement", "add", "norms", "build-data", "build-models",
            "train-context", "doccano", "export", "datacard", "release", "report")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    a = parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    try:
        return a.func(a)
    except KosnlpError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except OSError as e:  # one line naming the file, never a traceback
        where = e.filename or "kosnlp"
        print(f"error: {KosnlpError('KOS-E113', e.strerror or str(e), where=str(where), hint='check the path and its permissions')}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted: every file written before is complete; the one being written was "
              "left as it was (outputs are written to a temp file or directory and renamed)", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
