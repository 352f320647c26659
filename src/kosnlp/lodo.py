"""Leave-one-document-out estimate for rules written while reading the corpus.

For each document D: the gazetteer ids and date rules that produced a correct entity
in D and in no other document are removed from the pipeline, and D is scored again.
"""
from __future__ import annotations

from collections import defaultdict

from .annotate import records_for
from .segment import segment
from .evaluate import compare, gold_sentences_only, merge, table
from .spans import doc_entities
from .pipeline import add_components, base_pipeline


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
    used = {}
    for d in docs:
        nlp = pipes[d.lang]
        if context_models and d.doc_id in context_models:
            nlp.get_pipe("kosnlp_resolver").set_model(context_models[d.doc_id])
        ids = set()
        gold_set = {(g[0], g[1], g[2]) for g in g_ents.get(d.doc_id, [])}
        units = segment(d.text, d.lang)
        for u in units:
            doc = nlp(u.text)
            for e in doc.ents:
                if (u.start + e.start_char, u.start + e.end_char, e.label_) in gold_set and e.ent_id_:
                    ids.add(e.ent_id_)
        used[d.doc_id] = ids
    by_lang, removed = defaultdict(dict), {}
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
        if context_models and d.doc_id in context_models:
            nlp.get_pipe("kosnlp_resolver").set_model(context_models[d.doc_id])
        pred = gold_sentences_only(gold, list(records_for(d.doc_id, d.lang, d.text, nlp)), partial)
        for ruler, mine in taken:  # restore for the next document
            ruler.add_patterns(mine)
        counts, _ = compare(g_ents.get(d.doc_id, []), doc_entities(pred).get(d.doc_id, []))
        merge(by_lang[d.lang], counts)
    return {"by_lang": {lang: table(c) for lang, c in sorted(by_lang.items())},
            "removed": {k: len(v) for k, v in removed.items()}, "removed_ids": removed}
