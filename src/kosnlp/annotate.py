"""Annotate text files: ingest -> segment -> spaCy pipeline -> silver records (streamed).

Each document is cut into chunks of whole sentence units (at most `chunk_chars`); a
chunk is one `Task`, the unit of work for every engine (kosnlp.engine: in-process,
`n_process` local processes, or dask). Records are written in file and chunk order as
soon as a chunk is done, to a temp file renamed over OUT at the end: memory stays flat
and OUT is never half-written. The chunking and the per-chunk work are the same for
every engine, so their outputs are byte-identical.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KosnlpError
from .ingest import read_text_file
from .languages import check_lang, detect_language
from .normalise.reference import Reference, document_reference, norm_cfg
from .records import Discard, atomic_writer, check_not_an_input, output_path
from .segment import Unit, iter_segment
from .tasks import Task, task_records

CHUNK_CHARS = 20_000


@dataclass
class Summary:
    files: int = 0
    sentences: int = 0
    words: int = 0
    spans: dict = field(default_factory=lambda: {"ACTOR": 0, "PLACE": 0, "DATE": 0})
    errors: list = field(default_factory=list)
    written: bool = False  # OUT was written (at least one file was annotated)


def chunks(units: Iterable[Unit], limit: int = CHUNK_CHARS) -> Iterator[list[Unit]]:
    cur: list[Unit] = []
    for u in units:
        if cur and u.end - cur[0].start > limit:
            yield cur
            cur = []
        cur.append(u)
    if cur:
        yield cur


def tasks_for(doc_id: str, lang: str, text: str, units: Iterable[Unit] | None = None,
              status: str = "silver", reference_date: str | None = None,
              reference_from: str | None = None) -> Iterator[Task]:
    """The chunks of one document, in order, numbered on from the previous chunk
    (segmented lazily: a long document is never held as a list of units)."""
    units = iter_segment(text, lang) if units is None else units
    index = 0
    for part in chunks(units):
        base = part[0].start
        yield Task(doc_id, lang, text[base:part[-1].end], base, tuple((u.start, u.end) for u in part),
                   index, status, reference_date, reference_from)
        index += len(part)


def records_for(doc_id: str, lang: str, text: str, nlp, units: list[Unit] | None = None,
                batch_size: int = 16, status: str = "silver", reference_date: str | None = None,
                reference_from: str | None = None) -> Iterator[dict]:
    """Silver records of one document, in sentence order (in this process; dates anchored on
    `reference_date`, which came from `reference_from`)."""
    from .pipeline import make_doc
    tasks = list(tasks_for(doc_id, lang, text, units, status, reference_date, reference_from))
    docs = nlp.pipe((make_doc(nlp, t.text) for t in tasks), batch_size=batch_size,
                    component_cfg=norm_cfg(nlp, reference_date, reference_from))
    for task, doc in zip(tasks, docs):
        yield from task_records(task, doc)


def resolve_lang(lang: str, text: str, where: str) -> str:
    return detect_language(text, where) if lang == "auto" else check_lang(lang)


def annotate_files(paths: Iterable[str | Path], lang: str, out: str | Path, loader,
                   progress: bool = True, n_process: int = 1, engine: str = "local",
                   scheduler: str | None = None, reference: Reference | None = None) -> Summary:
    """Annotate files into OUT; a bad file is reported (one line) and skipped.

    engine "local" runs in this process (n_process=1) or in n_process forked worker
    processes; "dask" runs on a dask.distributed cluster (`scheduler` address, or a
    LocalCluster of n_process workers). Files are read, checked and segmented here,
    so bad files give the same errors with every engine.

    OUT is never one of the inputs (KOS-E117), and it is written (replaced) only when at
    least one file was annotated: when every file fails, an existing OUT is left as it
    was (`Summary.written` is False). Two files with the same name (the doc id is the file
    name without extension) are an error for the second (KOS-E111). `reference` says where
    each file's reference date comes from (normalise.reference.Reference)."""
    from tqdm import tqdm

    from .engine import make_engine
    if lang != "auto":
        check_lang(lang)
    summary = Summary()
    paths = list(paths)
    check_not_an_input(out, paths)
    output_path(out)
    engine_run = make_engine(engine, loader, n_process, scheduler)  # checks the options
    bar = tqdm(total=len(paths), unit="file", disable=not progress, file=sys.stderr, desc="annotate")
    seen: dict[str, str] = {}

    def tasks() -> Iterator[Task]:
        for path in paths:
            doc_id = Path(path).stem
            try:
                if doc_id in seen:
                    raise KosnlpError("KOS-E111", f"doc id {doc_id!r} is already taken by {seen[doc_id]}",
                                      where=str(path), hint="rename one of the files (doc id = file name "
                                                            "without extension), or annotate them separately")
                text = read_text_file(path)
                doc_lang = resolve_lang(lang, text, str(path))
                ref, ref_from = (reference or Reference()).find(path, text, doc_lang)
            except KosnlpError as e:
                summary.errors.append(str(e))
                bar.write(f"error: {e}", file=sys.stderr)  # on its own line, above the progress bar
                bar.update()
                continue
            seen[doc_id] = str(path)
            yield from tasks_for(doc_id, doc_lang, text, reference_date=ref, reference_from=ref_from)
            summary.files += 1
            bar.update()

    try:
        write_results(tasks(), out, engine_run, summary)
    finally:
        bar.close()  # before any error line
    return summary


def annotate_documents(docs, out: str | Path, engine_run, progress: bool = True):
    """Annotate ingest.Documents into OUT through annotate's tasks on `engine_run` (from
    engine.make_engine); returns the annotate.Summary. Each document's dates are anchored
    on its manifest entry's reference date."""
    from tqdm import tqdm
    output_path(out)
    summary = Summary()

    def tasks():
        for d in tqdm(docs, unit="doc", desc="annotate", disable=not progress, file=sys.stderr):
            yield from document_tasks(d)
            summary.files += 1

    write_results(tasks(), out, engine_run, summary)
    return summary


def document_tasks(d):
    """The tasks (chunks of sentence units) of one ingest.Document."""
    return tasks_for(d.doc_id, d.lang, d.text, reference_date=document_reference(d.meta))


def write_results(tasks: Iterable[Task], out: str | Path, engine_run, summary: Summary) -> Summary:
    """Run `tasks` on `engine_run` (from engine.make_engine) and write their records to OUT
    in task order, counting them in `summary` (whose `files` the task source counts). OUT is
    replaced only when at least one file was annotated (`summary.written`)."""
    from .engine import interrupts
    with atomic_writer(out) as fh, interrupts() as interrupted:
        with engine_run as run:
            for res in run(tasks):
                interrupted.check()
                fh.writelines(res.lines)
                summary.sentences += res.sentences
                summary.words += res.words
                for k, v in res.spans.items():
                    summary.spans[k] += v
        interrupted.check()  # a Ctrl-C lost while the engine stopped: OUT stays as it was
        if not summary.files:
            raise Discard  # nothing annotated: OUT stays as it was
        summary.written = True
    return summary
