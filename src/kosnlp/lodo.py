"""Leave-one-document-out estimate for rules written while reading the corpus.

For each document D: the gazetteer ids and date rules that produced a correct entity
in D and in no other document are removed from the pipeline, and D is annotated again
(annotate.annotate_documents, as kosnlp.workflow annotates the corpus) and scored.
"""
from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

from .annotate import annotate_documents, document_tasks
from .engine import make_engine
from .evaluate import compare, gold_sentences_only, merge, table
from .pipeline import add_components, base_pipeline
from .records import read_jsonl
from .spans import doc_entities
from .tasks import task_doc


def fired(d, nlp, gold_set: set) -> set[str]:
    """The rule ids (gazetteer entries, date rules) of the entities of document `d` that are in `gold_set`."""
    ids = set()
    for task in document_tasks(d):
        for e in task_doc(task, nlp).ents:
            if (task.base + e.start_char, task.base + e.end_char, e.label_) in gold_set and e.ent_id_:
                ids.add(e.ent_id_)
    return ids


def lodo(docs, gold: list[dict], model: str | None = None, partial=(), decision: str | None = None,
         context_models: dict | None = None) -> dict:
    """docs: ingest.Document list; partial: ids of documents with partial gold (only their gold
    sentences are scored). `decision`: the resolver's ACTOR / PLACE decision (rules,
    classifier, combined; default: the pipeline's); `context_models`: doc id -> the learned
    model to use for that document (one trained without it: kosnlp train-context; the
    others keep the pipeline's).
    Returns per-language tables and per-document removals."""
    g_ents = doc_entities(gold)
    pipes = {}
    for lang in {d.lang for d in docs}:
        nlp, _ = base_pipeline(lang, model)
        pipes[lang] = add_components(nlp, lang)
        if decision:
            pipes[lang].get_pipe("kosnlp_resolver").decision = decision

    def use_model(d):  # the learned decision trained without document d, when given
        if context_models and d.doc_id in context_models:
            pipes[d.lang].get_pipe("kosnlp_resolver").set_model(context_models[d.doc_id])

    used = {}
    for d in docs:
        use_model(d)
        used[d.doc_id] = fired(d, pipes[d.lang], {(g[0], g[1], g[2]) for g in g_ents.get(d.doc_id, [])})
    by_lang, removed = defaultdict(dict), {}
    with tempfile.TemporaryDirectory() as tmp:
        for d in docs:
            others = set().union(*(v for k, v in used.items() if k != d.doc_id))
            only = set(used[d.doc_id] - others)
            removed[d.doc_id] = sorted(only)
            nlp = pipes[d.lang]
            taken = []
            for name in ("kosnlp_gazetteer", "kosnlp_dates"):
                ruler = nlp.get_pipe(name)
                mine = [p for p in ruler.patterns if p.get("id") in only]
                for pid in {p["id"] for p in mine}:
                    ruler.remove_by_id(pid)
                taken.append((ruler, mine))
            use_model(d)
            out = Path(tmp) / "silver.jsonl"
            annotate_documents([d], out, make_engine("local", pipes.__getitem__), progress=False)
            pred = gold_sentences_only(gold, [r for _, r in read_jsonl(out)], partial)
            for ruler, mine in taken:  # restore for the next document
                ruler.add_patterns(mine)
            counts, _ = compare(g_ents.get(d.doc_id, []), doc_entities(pred).get(d.doc_id, []))
            merge(by_lang[d.lang], counts)
    return {"by_lang": {lang: table(c) for lang, c in sorted(by_lang.items())},
            "removed": {k: len(v) for k, v in removed.items()}, "removed_ids": removed}
