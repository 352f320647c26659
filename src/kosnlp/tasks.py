"""The engine's unit of work: a `Task` (one chunk of sentence units of one document),
`run_task` (annotate it with a pipeline) and its `Result` (the JSONL lines and counts).
kosnlp.annotate makes the tasks and writes the results; kosnlp.engine runs them."""
from __future__ import annotations

from dataclasses import dataclass

from .normalise.reference import norm_cfg
from .records import dumps, make_record


@dataclass(frozen=True)
class Task:
    """One chunk of one document: `text` is raw[base:...]; `units` are (start, end) in raw."""
    doc_id: str
    lang: str
    text: str
    base: int
    units: tuple
    first_index: int
    status: str = "silver"
    reference_date: str | None = None  # the document's, for the normaliser's date anchors
    reference_from: str | None = None  # where it came from (normalise.reference.Reference.find)


@dataclass
class Result:
    """What a worker sends back for a task: the JSONL lines and their counts."""
    lines: list
    sentences: int
    words: int
    spans: dict


def task_records(task: Task, doc) -> list[dict]:
    """Records of a task's units from the chunk's annotated Doc."""
    base, text = task.base, task.text
    from spacy.tokens import Span
    has_norm = Span.has_extension("norm")  # set by the kosnlp_normaliser component
    from .components.normaliser import norm_key  # where span._.norm lives in the doc's user_data
    data = doc.user_data
    ents = [(base + e.start_char, base + e.end_char, e.label_,
             data.get(norm_key(e.start_char, e.end_char)) if has_norm else None) for e in doc.ents]
    out, k = [], 0
    for n, (start, end) in enumerate(task.units):
        spans = []
        while k < len(ents) and ents[k][0] < end:
            s, e, lab, norm = ents[k]
            if s >= start and e <= end:
                spans.append({"start": s - start, "end": e - start, "label": lab, "text": text[s - base:e - base],
                              **({"norm": norm} if norm else {})})
            k += 1
        out.append(make_record(task.doc_id, task.lang, task.first_index + n, start, end,
                               text[start - base:end - base], spans, status=task.status))
    return out


def task_doc(task: Task, nlp):
    """The chunk annotated by `nlp` (a spaCy Doc; dates anchored on the task's reference date)."""
    from .pipeline import make_doc
    return nlp(make_doc(nlp, task.text), component_cfg=norm_cfg(nlp, task.reference_date, task.reference_from))


def run_task(task: Task, nlp) -> Result:
    recs = task_records(task, task_doc(task, nlp))
    spans = {"ACTOR": 0, "PLACE": 0, "DATE": 0}
    for r in recs:
        for s in r["spans"]:
            spans[s["label"]] += 1
    return Result([dumps(r) + "\n" for r in recs], len(recs), sum(len(r["text"].split()) for r in recs), spans)
