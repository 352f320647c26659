from kosnlp.agreement import pairwise
from kosnlp.evaluate import compare, evaluate


def rec(doc, spans, start=0, text="x" * 60, lang="en", rid=None):
    return {"id": rid or f"{doc}-0001", "doc_id": doc, "lang": lang, "start": start, "end": start + len(text),
            "text": text, "status": "gold",
            "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e]} for s, e, lab in spans]}


def test_semeval_categories():
    gold = [(0, 4, "ACTOR", "a", "i"), (10, 15, "PLACE", "b", "i"), (20, 25, "DATE", "c", "i"),
            (30, 35, "ACTOR", "d", "i"), (40, 45, "PLACE", "e", "i")]
    pred = [(0, 4, "ACTOR", "a", "i"),       # correct
            (10, 15, "ACTOR", "b", "i"),     # right bounds, wrong label
            (20, 23, "DATE", "c", "i"),      # partial, same label
            (50, 55, "DATE", "f", "i")]      # spurious; 30-35 and 40-45 missed
    counts, errors = compare(gold, pred)
    s = counts["strict"]
    assert s["ACTOR"]["COR"] == 1 and s["ACTOR"]["MIS"] == 1
    assert s["PLACE"]["INC"] == 1 and s["PLACE"]["MIS"] == 1
    assert s["DATE"]["INC"] == 1 and s["DATE"]["SPU"] == 1
    assert counts["exact"]["PLACE"]["COR"] == 1 and counts["partial"]["DATE"]["PAR"] == 1
    assert counts["type"]["DATE"]["COR"] == 1 and counts["type"]["PLACE"]["INC"] == 1
    kinds = sorted(e["kind"] for e in errors)
    assert kinds == ["false negative", "false negative", "false positive", "wrong boundary", "wrong label"]


def test_evaluate_scores_on_document_offsets():
    gold = [rec("d", [(0, 4, "ACTOR"), (10, 14, "PLACE")])]
    # the prediction segments differently: same entities, other sentence offsets
    pred = [rec("d", [(0, 4, "ACTOR")], text="x" * 8), rec("d", [(2, 6, "PLACE")], start=8, text="x" * 52, rid="d-0002")]
    rep = evaluate(gold, pred)
    assert rep["overall"]["strict"]["micro"]["f1"] == 1.0
    assert rep["segmentation"]["boundaries"]["p"] == 0.5  # one extra boundary at 8
    assert rep["segmentation"]["sentences"]["r"] == 0.0
    assert rep["by_lang"]["en"]["strict"]["labels"]["PLACE"]["p"] == 1.0


def test_partial_credit_formula():
    rep = evaluate([rec("d", [(0, 10, "ACTOR")])], [rec("d", [(0, 5, "ACTOR")])])
    assert rep["overall"]["strict"]["micro"]["f1"] == 0.0
    assert rep["overall"]["partial"]["micro"]["p"] == 0.5


def test_agreement_positive_specific():
    a = {"s1": rec("d", [(0, 4, "ACTOR"), (10, 14, "PLACE")], rid="s1")}
    b = {"s1": rec("d", [(0, 4, "ACTOR"), (10, 14, "ACTOR"), (20, 24, "DATE")], rid="s1")}
    ag = pairwise(a, b)
    assert ag["by_label"]["ACTOR"]["f1"] == round(2 * 1 / 3, 4)
    assert ag["by_label"]["ALL"]["f1"] == round(2 * 1 / 5, 4)
    assert ag["disagreement_classes"] == {"label": 1, "only_b": 1}


def test_partial_document_scores_only_its_gold_sentences():
    """One gold sentence of a three-sentence document: the pipeline's entities in the two
    sentences without gold are neither spurious nor counted as sentences."""
    gold = [rec("d", [(0, 4, "ACTOR")], start=61, rid="d-0002")]
    pred = [rec("d", [(0, 4, "ACTOR"), (10, 14, "PLACE")], rid="d-0001"),
            rec("d", [(0, 4, "ACTOR"), (10, 14, "DATE")], start=61, rid="d-0002"),
            rec("d", [(20, 24, "PLACE")], start=122, rid="d-0003")]
    naive = evaluate(gold, pred)
    assert naive["overall"]["strict"]["micro"]["SPU"] == 4  # what a partial gold file did to the scores
    rep = evaluate(gold, pred, partial={"d"})
    micro = rep["overall"]["strict"]["micro"]
    assert (micro["COR"], micro["SPU"], micro["act"], micro["pos"]) == (1, 1, 2, 1)
    assert [e["id"] for e in rep["errors"]] == ["d-0002"]
    assert rep["segmentation"]["sentences"]["pred"] == 1 and rep["segmentation"]["sentences"]["f1"] == 1.0
    # a pipeline entity that crosses out of the gold sentence is left out, one inside is kept
    cross = [rec("d", [(50, 70, "ACTOR")], text="x" * 200, rid="d-0001")]
    assert evaluate(gold, cross, partial={"d"})["overall"]["strict"]["micro"]["act"] == 0
    inside = [rec("d", [(61, 65, "ACTOR")], text="x" * 200, rid="d-0001")]
    assert evaluate(gold, inside, partial={"d"})["overall"]["strict"]["micro"]["COR"] == 1


def test_coverage_per_document_and_language():
    from kosnlp.gold import coverage, partial_documents
    from kosnlp.ingest import Document
    text = "NATO met. Russia agreed.\nThe end came."
    docs = [Document("a", None, text, "en"), Document("b", None, text, "en"), Document("c", None, text, "en")]
    units = [(0, 9), (10, 24), (25, 38)]
    gold = [dict(rec("a", [], start=s, text=text[s:e], rid=f"a-{i:04d}")) for i, (s, e) in enumerate(units, 1)]
    gold += [rec("b", [], start=10, text=text[10:24], rid="b-0002")]
    cov = coverage(gold, docs)
    assert cov["documents"]["a"] == {"lang": "en", "gold": 3, "sentences": 3, "state": "complete", "share": 1.0}
    assert cov["documents"]["b"]["state"] == "partial" and cov["documents"]["b"]["share"] == round(1 / 3, 4)
    assert cov["documents"]["c"]["state"] == "none"
    assert cov["by_lang"]["en"] == {"gold": 4, "sentences": 9, "complete": 1, "partial": 1, "none": 1,
                                    "share": round(4 / 9, 4)}
    assert partial_documents(cov) == {"b"}
