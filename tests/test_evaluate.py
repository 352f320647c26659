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
