"""One span matcher (kosnlp.spans): evaluate, agreement and the HTML report are views over it."""
import json
import random
import re

from kosnlp.agreement import pairwise
from kosnlp.evaluate import evaluate
from kosnlp.html_report import build
from kosnlp.spans import KINDS, counts, match, outcome, statuses

TEXT = "abcde fghi klmno pqrst uvwxy z123 45678 90abc defgh ijklm"


def rec(doc, spans, i=0, start=0, text=TEXT, lang="en"):
    return {"id": f"{doc}-{i + 1:04d}", "doc_id": doc, "lang": lang, "start": start, "end": start + len(text),
            "text": text, "status": "gold",
            "spans": [{"start": s, "end": e, "label": lab, "text": text[s:e]} for s, e, lab in spans]}


def report_counts(page: str) -> dict[str, dict[str, int]]:
    """The kind counts of every document section of a report page."""
    out = {}
    for doc, cells in re.findall(r"<section class='doc' id='doc-([^']+)'>.*?<tbody><tr>((?:<td>\d+</td>){5})</tr>",
                                 page, flags=re.S):
        out[doc] = dict(zip(KINDS, map(int, re.findall(r"\d+", cells))))
    return out


def evaluate_counts(table: dict) -> dict[str, int]:
    """The same kinds read from evaluate's schema counts (micro over labels)."""
    strict, exact, partial = (table[s]["micro"] for s in ("strict", "exact", "partial"))
    return {"correct": strict["COR"], "incorrect": exact["COR"] - strict["COR"], "partial": partial["PAR"],
            "missing": strict["MIS"], "spurious": strict["SPU"]}


def write_project(tmp_path, gold: list[dict], pred: list[dict]):
    (tmp_path / "gold").mkdir()
    for doc in sorted({r["doc_id"] for r in gold}):
        (tmp_path / "gold" / f"{doc}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in gold if r["doc_id"] == doc), encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text("".join(json.dumps(r) + "\n" for r in pred), encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(json.dumps({"corpus_version": "0.0.1", "documents": [
        {"doc_id": d, "file": f"{d}.txt", "lang": "en", "sha256": "0"} for d in sorted({r["doc_id"] for r in gold})]}),
        encoding="utf-8")
    return build(tmp_path / "gold", tmp_path / "pred.jsonl", tmp_path / "manifest.yaml")


def test_the_three_views_agree_on_one_boundary_error(tmp_path):
    """Gold ACTOR (0,5) and (6,10) against one predicted ACTOR (0,10): the predicted span
    pairs with the first gold span (partial), the second gold span is missing, everywhere."""
    gold, pred = [(0, 5, "ACTOR"), (6, 10, "ACTOR")], [(0, 10, "ACTOR")]
    ms = match(gold, pred)
    assert [(m.kind, m.gold, m.pred) for m in ms] == [("partial", gold[0], pred[0]), ("missing", gold[1], None)]
    assert [outcome(m) for m in ms] == [("INC", "INC", "PAR", "COR"), ("MIS",) * 4]
    assert statuses(ms, 2, 1) == (["partial", "missing"], ["partial"])

    g, p = [rec("d", gold)], [rec("d", pred)]
    rep = evaluate(g, p)
    assert rep["error_counts"] == {"wrong boundary": 1, "false negative": 1}
    assert {k: rep["overall"]["strict"]["micro"][k] for k in ("COR", "INC", "PAR", "MIS", "SPU")} == \
        {"COR": 0, "INC": 1, "PAR": 0, "MIS": 1, "SPU": 0}
    assert rep["overall"]["partial"]["micro"]["PAR"] == 1 and rep["overall"]["type"]["micro"]["COR"] == 1

    ag = pairwise({"d-0001": g[0]}, {"d-0001": p[0]})
    assert ag["disagreement_classes"] == {"boundary": 1, "only_a": 1}
    assert [(x["class"], x["a"], x["b"]) for x in ag["disagreements"]] == \
        [("boundary", "abcde/ACTOR", "abcde fghi/ACTOR"), ("only_a", "fghi/ACTOR", None)]

    page = write_project(tmp_path, g, p)
    assert report_counts(page) == {"d": {"correct": 0, "incorrect": 0, "partial": 1, "missing": 1, "spurious": 0}}
    assert report_counts(page)["d"] == evaluate_counts(rep["by_doc"]["d"])
    assert page.count("ACTOR PARTIAL") == 2 and page.count("ACTOR MISSING") == 1


WORDS = [(m.start(), m.end()) for m in re.finditer(r"\S+", TEXT)]


def random_spans(rng: random.Random, n: int) -> list[tuple]:
    """Non-overlapping spans of whole words, random bounds and labels, inside a sentence of TEXT."""
    cuts = sorted(rng.sample(range(len(WORDS)), min(2 * n, len(WORDS))))
    return [(WORDS[a][0], WORDS[b][1], rng.choice(("ACTOR", "PLACE", "DATE"))) for a, b in zip(cuts[::2], cuts[1::2])]


def test_report_counts_equal_evaluate_counts(tmp_path):
    rng = random.Random(7)
    gold, pred = [], []
    for d in ("a", "b", "c"):
        for i in range(6):
            start = i * (len(TEXT) + 1)
            g = random_spans(rng, rng.randint(0, 5))
            # a perturbed copy: some spans kept, relabelled, moved or dropped, some new
            p = [s for s in g if rng.random() < 0.5] + random_spans(rng, rng.randint(0, 3))
            p = sorted(p)
            p = [s for k, s in enumerate(p) if all(s[0] >= q[1] or s[1] <= q[0] for q in p[:k])]
            gold.append(rec(d, g, i, start))
            pred.append(rec(d, p, i, start))
    rep = evaluate(gold, pred)
    page = write_project(tmp_path, gold, pred)
    got = report_counts(page)
    assert set(got) == {"a", "b", "c"}
    assert sum(sum(c.values()) for c in got.values()) > 30  # the random corpus exercised the matcher
    for d in ("a", "b", "c"):
        assert got[d] == evaluate_counts(rep["by_doc"][d]), d
    assert {k for c in got.values() for k, v in c.items() if v} == set(KINDS)


def test_counts_follow_the_gold_label():
    ms = match([(0, 4, "PLACE"), (10, 14, "DATE")], [(0, 4, "ACTOR"), (20, 24, "DATE")])
    c = counts(ms)
    assert c["strict"]["PLACE"] == {"INC": 1} and c["exact"]["PLACE"] == {"COR": 1}
    assert c["strict"]["DATE"] == {"MIS": 1, "SPU": 1} and "ACTOR" not in c["strict"]
