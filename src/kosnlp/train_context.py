"""`kosnlp train-context`: learn the ACTOR / PLACE decision from annotated data.

Training data: every STATE, CITY or REGION mention the pipeline finds (the candidates of
the resolver, kosnlp.components.geo) whose span is a gold ACTOR or PLACE span, in the
gold corpus (annotations/gold, the sentences it covers) and in the dev half of the unseen
evaluation texts (eval/unseen, the split read from its manifest at run time). Mentions
whose boundaries the gold does not share are left out: they are a span error, not a label
question. Documents and mentions are taken in a fixed order, and scikit-learn's
LogisticRegression (lbfgs, L2) is deterministic: the same data gives the same weights.

The weights are written as JSON (data/context/model_<lang>.json), which the resolver
reads without scikit-learn; scikit-learn is imported here only.

`kosnlp.train_report` runs the command: `--compare` scores the resolver's three decisions (rules, classifier, combined) on the
test half (figures only), on the dev half in-sample and leave-one-document-out (each
dev text scored by a model trained without it), and on the gold corpus leave-one-
document-out (kosnlp.lodo, with a model trained without the left-out document).
`--curve` prints the test-half F1 of models trained on 25/50/75/100% of the mentions.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from .errors import KosnlpError
from .records import write_text

LABELS = ("ACTOR", "PLACE")
C = 1.0  # inverse L2 strength
SEED = 0
FRACTIONS = (0.25, 0.5, 0.75, 1.0)


@dataclass(frozen=True)
class Source:
    """One annotated document: its text, gold spans and the character ranges the gold covers."""
    doc_id: str
    lang: str
    text: str
    gold: tuple  # (start, end, label) on text offsets
    covered: tuple  # (start, end) ranges with gold
    origin: str  # "corpus" or "dev" / "test"
    reference_date: str | None = None


@dataclass(frozen=True)
class Example:
    doc_id: str
    feats: tuple
    label: str


def corpus_sources(annotations: str | Path, raw: str | Path, lang: str) -> list[Source]:
    from .gold import load_gold
    from .ingest import load_raw_corpus
    from .normalise.reference import document_reference
    docs = {d.doc_id: d for d in load_raw_corpus(raw) if d.lang == lang}
    gold = [r for r in load_gold(Path(annotations) / "gold", {k: d.text for k, d in docs.items()})
            if r["doc_id"] in docs]
    out = []
    for doc_id in sorted({r["doc_id"] for r in gold}):
        recs = [r for r in gold if r["doc_id"] == doc_id]
        spans = tuple(sorted((r["start"] + s["start"], r["start"] + s["end"], s["label"]) for r in recs for s in r["spans"]))
        out.append(Source(doc_id, lang, docs[doc_id].text, spans, tuple(sorted((r["start"], r["end"]) for r in recs)),
                          "corpus", document_reference(docs[doc_id].meta)))
    return out


def unseen_sources(root: str | Path, split: str, lang: str) -> list[Source]:
    from .heldout import documents, gold_record
    out = []
    for d in sorted(documents(root, split, lang), key=lambda d: d["doc_id"]):
        g = gold_record(Path(root), d)
        out.append(Source(d["doc_id"], lang, g["text"], tuple((s["start"], s["end"], s["label"]) for s in g["spans"]),
                          ((0, len(g["text"])),), d["split"], str(d.get("reference_date") or "") or None))
    return out


# the resolver's ACTOR / PLACE cue lists (data/context/<lang>.yaml)
DECISION_CUES = ("place_before", "against_place", "actor_before", "actor_before_of", "place_before_of", "actor_after",
                 "actor_verbs", "actor_from_heads", "actor_to_heads", "place_before_on", "place_after",
                 "actor_do_heads", "actor_na_heads")


def examples(nlp, sources: list[Source]) -> list[Example]:
    """The labelled mentions of `sources`, in document and text order.

    The cue lists were written while reading these documents, so on them the rules are
    right more often than on a new text, and a model would learn to trust them too much.
    As kosnlp.lodo does for gazetteer entries, each document's mentions are described
    with the cue words that occur in it and in no other document left out of the lists
    (`rule=` and `rules=` then say what the rules would decide on a text they were not
    written from)."""
    from .annotate import tasks_for
    from .pipeline import make_doc
    res = nlp.get_pipe("kosnlp_resolver")
    res.ensure_data()
    parsed = {}
    for src in sources:
        with nlp.select_pipes(disable=["kosnlp_resolver", "kosnlp_normaliser"]):
            parsed[src.doc_id] = [(t.base, nlp(make_doc(nlp, t.text))) for t in tasks_for(src.doc_id, src.lang, src.text)]
    words = {k: {res._w(t) for _, doc in v for t in doc} | {t.lower_ for _, doc in v for t in doc}
             for k, v in parsed.items()}
    cues, out = res.data, []
    try:
        for src in sources:
            only = words[src.doc_id].difference(*(w for k, w in words.items() if k != src.doc_id))
            res.set_data({k: [w for w in v if w not in only] if k in DECISION_CUES else v for k, v in cues.items()})
            gold = {(s, e): lab for s, e, lab in src.gold if lab in LABELS}
            for base, doc in parsed[src.doc_id]:
                for span, feats in res.geo_examples(doc):
                    a, b = base + span.start_char, base + span.end_char
                    if (a, b) in gold and any(x <= a and b <= y for x, y in src.covered):
                        out.append(Example(src.doc_id, tuple(feats), gold[(a, b)]))
    finally:
        res.set_data(cues)
    return out


def fit(exs: list[Example], lang: str) -> dict:
    """Logistic regression on the examples' binary features -> the model's JSON data."""
    try:
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise KosnlpError("KOS-E302", "scikit-learn is not installed", where="kosnlp train-context",
                          hint="uv sync (it is a dependency of kosnlp)") from None
    labels = {e.label for e in exs}
    if labels != set(LABELS):
        raise KosnlpError("KOS-E302", f"{len(exs)} labelled mentions, labels {sorted(labels)}: both ACTOR and "
                          "PLACE are needed", where=f"kosnlp train-context --lang {lang}",
                          hint="annotate more documents in this language (annotations/gold or eval/unseen dev)")
    vocab = {f: i for i, f in enumerate(sorted({f for e in exs for f in e.feats}))}
    rows, cols = [], []
    for n, e in enumerate(exs):
        idx = sorted({vocab[f] for f in e.feats})
        rows += [n] * len(idx)
        cols += idx
    x = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(exs), len(vocab)))
    y = [1 if e.label == "ACTOR" else 0 for e in exs]
    clf = LogisticRegression(C=C, solver="lbfgs", max_iter=5000, random_state=SEED).fit(x, y)
    names = sorted(vocab, key=vocab.get)
    weights = {f: round(float(w), 6) for f, w in zip(names, clf.coef_[0]) if round(float(w), 6) != 0.0}
    return {"lang": lang, "bias": round(float(clf.intercept_[0]), 6), "weights": weights,
            "training": {"mentions": len(exs), "ACTOR": y.count(1), "PLACE": y.count(0),
                         "documents": sorted({e.doc_id for e in exs}), "C": C, "features": len(vocab)}}


def save(model: dict, out_dir: str | Path) -> Path:
    path = Path(out_dir) / f"model_{model['lang']}.json"
    write_text(path, json.dumps(model, ensure_ascii=False, indent=0, sort_keys=True) + "\n")
    return path


def sample(exs: list[Example], fraction: float) -> list[Example]:
    """A fixed-seed share of the examples, kept in their order."""
    keep = sorted(random.Random(SEED).sample(range(len(exs)), round(len(exs) * fraction)))
    return [exs[i] for i in keep]


def package_dir() -> str:
    """Where the shipped models live: kosnlp/data/context."""
    from importlib import resources
    return str(resources.files("kosnlp") / "data" / "context")
