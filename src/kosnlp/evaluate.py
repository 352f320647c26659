"""Evaluation against gold, following SemEval-2013 Task 9.1 (as nervaluate does).

Entities are compared per document on absolute character offsets, so a segmentation
difference never hides an entity. The pairs come from kosnlp.spans.match, which counts
each as COR, INC, PAR, MIS or SPU under four schemas:
  strict  exact boundaries and label      exact   exact boundaries, any label
  partial overlapping boundaries, any label (half credit)
  type    overlapping boundaries, same label
precision = (COR [+ 0.5 PAR]) / ACT, recall = (COR [+ 0.5 PAR]) / POS.
Scores per label, per language and per document, micro and macro (mean over labels).
Only sentences with gold are scored: in a partially annotated document the pipeline's
sentences and entities outside its gold sentences are left out (`gold_sentences_only`).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from .records import LABELS
from .spans import SCHEMAS, Match, counts, doc_entities, match


ERROR_KINDS = {"incorrect": "wrong label", "missing": "false negative", "spurious": "false positive"}


def error_kind(m: Match) -> str:
    """How the error list names a match that is not correct."""
    if m.kind == "partial":
        return "wrong boundary" if m.same_label else "wrong label and boundary"
    return ERROR_KINDS[m.kind]


def compare(gold: list[tuple], pred: list[tuple]) -> tuple[dict[str, dict[str, Counter]], list[dict]]:
    """Counts per schema per label, and the error list, for one document (spans.match)."""
    matches = match(gold, pred)
    errors = [{"kind": error_kind(m), "gold": m.gold and f"{m.gold[3]}/{m.gold[2]}",
               "pred": m.pred and f"{m.pred[3]}/{m.pred[2]}", "id": (m.gold or m.pred)[4]}
              for m in matches if m.kind != "correct"]
    return counts(matches), errors


def prf(c: Counter, schema: str) -> dict:
    pos = c["COR"] + c["INC"] + c["PAR"] + c["MIS"]
    act = c["COR"] + c["INC"] + c["PAR"] + c["SPU"]
    hit = c["COR"] + (0.5 * c["PAR"] if schema in ("partial", "type") else 0)
    p = hit / act if act else 0.0
    r = hit / pos if pos else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "pos": pos, "act": act,
            **{k: c[k] for k in ("COR", "INC", "PAR", "MIS", "SPU")}}


def table(counts: dict[str, dict[str, Counter]]) -> dict:
    out = {}
    for sch in SCHEMAS:
        per = {lab: prf(counts[sch].get(lab, Counter()), sch) for lab in LABELS}
        micro = prf(sum((counts[sch].get(lab, Counter()) for lab in LABELS), Counter()), sch)
        macro = {k: round(sum(per[lab][k] for lab in LABELS) / len(LABELS), 4) for k in ("p", "r", "f1")}
        out[sch] = {"labels": per, "micro": micro, "macro": macro}
    return out


def merge(into: dict, counts: dict) -> None:
    for sch in SCHEMAS:
        for lab, c in counts[sch].items():
            into.setdefault(sch, defaultdict(Counter))[lab].update(c)


def segmentation(gold: list[dict], pred: list[dict]) -> dict:
    """Sentence boundaries: P/R/F1 of sentence end offsets and of exact sentence spans."""
    def sets(recs):
        return ({(r["doc_id"], r["end"]) for r in recs}, {(r["doc_id"], r["start"], r["end"]) for r in recs})
    ge, gs = sets(gold)
    docs = {r["doc_id"] for r in gold}
    pe, ps = sets([r for r in pred if r["doc_id"] in docs])

    def score(g, p):
        tp = len(g & p)
        pr, rc = (tp / len(p) if p else 0.0), (tp / len(g) if g else 0.0)
        return {"p": round(pr, 4), "r": round(rc, 4), "f1": round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0,
                "gold": len(g), "pred": len(p), "tp": tp}
    return {"boundaries": score(ge, pe), "sentences": score(gs, ps)}


def gold_sentences_only(gold: list[dict], pred: list[dict], partial=()) -> list[dict]:
    """`pred` with the records of the `partial` documents cut to their gold sentences: a record
    that overlaps no gold sentence is dropped, and an entity outside every gold sentence too."""
    partial = set(partial)
    if not partial:
        return pred
    ranges = defaultdict(list)
    for r in gold:
        if r["doc_id"] in partial:
            ranges[r["doc_id"]].append((r["start"], r["end"]))
    out = []
    for r in pred:
        if r["doc_id"] not in partial:
            out.append(r)
            continue
        near = [(s, e) for s, e in ranges[r["doc_id"]] if s < r["end"] and e > r["start"]]
        if near:
            spans = [sp for sp in r["spans"]
                     if any(s <= r["start"] + sp["start"] and r["start"] + sp["end"] <= e for s, e in near)]
            out.append(dict(r, spans=spans))
    return out


def evaluate(gold: list[dict], pred: list[dict], partial=()) -> dict:
    """Full report: overall, per language, per document, segmentation, errors.

    partial: ids of documents whose gold covers only some sentences (gold.coverage)."""
    pred = gold_sentences_only(gold, pred, partial)
    g_ents, p_ents = doc_entities(gold), doc_entities(pred)
    lang_of = {r["doc_id"]: r["lang"] for r in gold}
    text_of = {r["id"]: r["text"] for r in gold} | {r["id"]: r["text"] for r in pred}
    overall, by_lang, by_doc, errors = {}, defaultdict(dict), {}, []
    for doc_id in sorted(lang_of):
        counts, errs = compare(g_ents.get(doc_id, []), p_ents.get(doc_id, []))
        merge(overall, counts)
        merge(by_lang[lang_of[doc_id]], counts)
        by_doc[doc_id] = table(counts)
        for e in errs:
            e["doc_id"], e["context"] = doc_id, text_of.get(e["id"], "")
        errors += errs
    out = {"overall": table(overall),
           "by_lang": {lang: table(c) for lang, c in sorted(by_lang.items())},
           "by_doc": by_doc,
           "segmentation": segmentation(gold, pred),
           "errors": errors,
           "error_counts": dict(Counter(e["kind"] for e in errors))}
    if any("norm" in s for r in gold for s in r["spans"]):
        from .normalise.score import normalisation
        out["normalisation"] = normalisation(gold, pred)
    return out
