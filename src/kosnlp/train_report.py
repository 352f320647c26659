"""`kosnlp train-context` (`train`: kosnlp.train_context's model per language) and the
figures of its `--compare` and `--curve`.

Strict F1 per label of the whole pipeline, with the resolver's decision set to one of
rules / classifier / combined and its model to the one given: on the test half (scores
only), on the dev half in-sample and leave-one-document-out, and on the gold corpus
leave-one-document-out (kosnlp.lodo, which also removes the gazetteer entries only the
left-out document used, with a model trained without that document).
"""
from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from .components.geo import MODES
from .errors import KosnlpError
from .train_context import (FRACTIONS, Example, Source, corpus_sources, examples, fit, package_dir, sample, save,
                            unseen_sources)

SHOWN = ("ACTOR", "PLACE", "micro")


@contextmanager
def deciding(nlp, decision: str, model: dict | None):
    """The pipeline's resolver with another decision and model, restored afterwards."""
    res = nlp.get_pipe("kosnlp_resolver")
    before = (res.decision, res._model)
    res.decision = decision
    res.set_model(model)
    try:
        yield res
    finally:
        res.decision, res._model = before


def predict(nlp, sources: list[Source]) -> list[dict]:
    from .annotate import records_for
    return [r for s in sources for r in records_for(s.doc_id, s.lang, s.text, nlp, reference_date=s.reference_date)]


def gold_records(sources: list[Source]) -> list[dict]:
    return [{"id": s.doc_id, "doc_id": s.doc_id, "lang": s.lang, "start": 0, "end": len(s.text), "text": s.text,
             "status": "gold", "spans": [{"start": a, "end": b, "label": lab, "text": s.text[a:b]} for a, b, lab in s.gold]}
            for s in sources]


def f1s(table: dict) -> dict[str, float]:
    strict = table["strict"]
    return {lab: (strict["micro"] if lab == "micro" else strict["labels"][lab])["f1"] for lab in SHOWN}


def score(nlp, sources: list[Source], decision: str, model: dict | None) -> dict[str, float]:
    from .evaluate import evaluate
    with deciding(nlp, decision, model):
        pred = predict(nlp, sources)
    return f1s(evaluate(gold_records(sources), pred)["by_lang"][sources[0].lang])


def leave_one_out(nlp, sources: list[Source], exs: list[Example], decision: str, lang: str) -> dict[str, float]:
    """Each source scored by a model trained on the examples of every other document."""
    from .evaluate import evaluate
    pred = []
    for s in sources:
        model = fit([e for e in exs if e.doc_id != s.doc_id], lang) if decision != "rules" else None
        with deciding(nlp, decision, model):
            pred += predict(nlp, [s])
    return f1s(evaluate(gold_records(sources), pred)["by_lang"][lang])


def corpus_lodo(corpus: list[Source], exs: list[Example], decision: str, lang: str,
                annotations, raw) -> dict[str, float]:
    """kosnlp.lodo over the whole gold corpus (both languages, as `kosnlp run` does: an entry
    another document also used is kept), `lang`'s documents with a model trained without them."""
    from .gold import coverage, load_gold, partial_documents
    from .ingest import load_raw_corpus
    from .lodo import lodo
    gold = load_gold(f"{annotations}/gold", {d.doc_id: d.text for d in load_raw_corpus(raw)})
    docs = [d for d in load_raw_corpus(raw) if d.doc_id in {r["doc_id"] for r in gold}]
    models = {s.doc_id: fit([e for e in exs if e.doc_id != s.doc_id], lang) for s in corpus} \
        if decision != "rules" else None
    rep = lodo(docs, gold, None, partial_documents(coverage(gold, docs)), decision=decision, context_models=models)
    return f1s(rep["by_lang"][lang])


def row(name: str, figures: dict[str, float]) -> str:
    return f"  {name:34} " + " ".join(f"{figures[lab]:6.3f}" for lab in SHOWN)


def print_compare(nlp, lang: str, corpus: list[Source], dev: list[Source], test: list[Source], exs: list[Example],
            annotations, raw, say: Callable[[str], None]) -> None:
    full = fit(exs, lang)
    say(f"{lang}: strict F1 {'':24} " + " ".join(f"{lab:>6}" for lab in SHOWN))
    for decision in MODES:
        model = None if decision == "rules" else full
        if test:
            say(row(f"{decision:10} test", score(nlp, test, decision, model)))
        if dev:
            say(row(f"{decision:10} dev in-sample", score(nlp, dev, decision, model)))
            say(row(f"{decision:10} dev leave-one-out", leave_one_out(nlp, dev, exs, decision, lang)))
        if corpus:
            say(row(f"{decision:10} corpus LODO", corpus_lodo(corpus, exs, decision, lang, annotations, raw)))


def print_curve(nlp, lang: str, test: list[Source], exs: list[Example], decision: str,
          say: Callable[[str], None]) -> None:
    """Test-half F1 of models trained on growing shares of the mentions (fixed seed)."""
    say(f"{lang}: train-curve, decision {decision}, test strict F1 " + " ".join(f"{lab:>6}" for lab in SHOWN))
    say(row("rules (no training)", score(nlp, test, "rules", None)))
    for frac in FRACTIONS:
        part = sample(exs, frac)
        say(row(f"{frac:4.0%} ({len(part)} mentions)", score(nlp, test, decision, fit(part, lang))))


def train(lang: str = "all", annotations="annotations", raw="raw", unseen="eval/unseen", out: str | None = None,
          compare: bool = False, curve: bool = False, say=print) -> list[Path]:
    """Train (and save) the model of each language; with `compare` / `curve`, print the figures."""
    from .languages import check_lang, codes
    from .pipeline import load
    langs = codes() if lang == "all" else (check_lang(lang),)
    paths = []
    for lg in langs:
        nlp = load(lg)
        corpus, dev = corpus_sources(annotations, raw, lg), unseen_sources(unseen, "dev", lg)
        exs = examples(nlp, corpus + dev)
        model = fit(exs, lg)
        paths.append(save(model, out or package_dir()))
        t = model["training"]
        say(f"{lg}: {t['mentions']} mentions ({t['ACTOR']} ACTOR, {t['PLACE']} PLACE) from {len(corpus)} corpus "
            f"and {len(dev)} dev documents, {t['features']} features -> {paths[-1]}")
        test = unseen_sources(unseen, "test", lg) if (compare or curve) else []
        if compare:
            print_compare(nlp, lg, corpus, dev, test, exs, annotations, raw, say)
        if curve:
            if not test:
                raise KosnlpError("KOS-E302", f"no {lg} text of the test split to draw the curve on",
                                  where=f"{unseen}/texts/manifest.yaml", hint="give --heldout the evaluation texts")
            print_curve(nlp, lg, test, exs, nlp.get_pipe("kosnlp_resolver").decision, say)
    return paths
