"""One growth step (tests/growth.py) in a copy of the project, checked end to end.

The corpus checks of the other test modules also run on the grown copy (the `corpus_root`
fixture); here: what the step itself must have produced.
"""
import json
import subprocess
import sys

import pytest
import yaml
from growth import READING, SPRING, TEXT, spans_by_reading

from kosnlp import datacard, versioning
from kosnlp.cli import main
from kosnlp.gold import coverage, load_gold
from kosnlp.ingest import load_raw_corpus, read_manifest
from kosnlp.normalise.gold import norms_to_review
from kosnlp.raw import DOC_ID


@pytest.fixture(scope="module")
def grown(grown_project):
    p = grown_project["root"]
    gold = load_gold(p / "annotations" / "gold", {d.doc_id: d.text for d in load_raw_corpus(p / "raw")})
    return dict(grown_project, gold=gold, mine=[r for r in gold if r["doc_id"] == grown_project["doc_id"]])


def test_the_new_document_is_in_raw_and_the_manifest(grown, root):
    p, doc_id = grown["root"], grown["doc_id"]
    assert DOC_ID.match(doc_id) and doc_id.startswith("pl-")
    man = read_manifest(p / "raw")
    old = read_manifest(root / "raw")
    assert man["documents"][:-1] == old["documents"]
    entry = man["documents"][-1]
    assert entry["doc_id"] == doc_id and entry["file"] == f"{doc_id}.txt" and entry["lang"] == "pl"
    assert (p / "raw" / entry["file"]).read_bytes() == TEXT.read_bytes()
    assert [d.doc_id for d in load_raw_corpus(p / "raw")][-1] == doc_id  # sha256 verified


def test_pulled_sentences_are_gold_as_read_the_rest_is_not(grown):
    mine, new = grown["mine"], grown["new"]
    assert [r["id"] for r in mine] == [new[n - 1]["id"] for n in READING]
    for r, (n, reading) in zip(mine, READING.items()):
        assert [[s["start"], s["end"], s["label"]] for s in r["spans"]] == spans_by_reading(r["text"], reading)
        assert r["provenance"]["doccano"]["annotator"] == "anna" and r["provenance"]["doccano"]["confirmed"]
        silver = [[s["start"], s["end"], s["label"]] for s in new[n - 1]["spans"]]
        assert r["provenance"]["origin"] == ("accepted" if silver == spans_by_reading(r["text"], reading)
                                             else "corrected")
    assert {r["provenance"]["origin"] for r in mine} == {"accepted", "corrected"}  # the step exercises both
    cov = coverage(grown["gold"], load_raw_corpus(grown["root"] / "raw"))["documents"][grown["doc_id"]]
    assert (cov["state"], cov["gold"], cov["sentences"]) == ("partial", len(READING), len(new))


def test_evaluation_scores_only_the_gold_sentences(grown, root):
    p, doc_id, new = grown["root"], grown["doc_id"], grown["new"]
    rep = json.loads((p / "annotations" / "evaluation.json").read_text(encoding="utf-8"))
    committed = json.loads((root / "annotations" / "evaluation.json").read_text(encoding="utf-8"))
    mine = rep["by_doc"][doc_id]["strict"]["micro"]
    in_gold = [new[n - 1] for n in READING]
    assert mine["act"] == sum(len(r["spans"]) for r in in_gold)          # only spans of gold sentences
    assert mine["pos"] == sum(len(reading) for reading in READING.values())
    for d, t in committed["by_doc"].items():                             # the other documents as before
        assert rep["by_doc"][d] == t, d
    pl = [d for d in rep["by_doc"] if d.startswith("pl-")]
    for k in ("COR", "SPU", "MIS", "act", "pos"):
        assert rep["by_lang"]["pl"]["strict"]["micro"][k] == sum(rep["by_doc"][d]["strict"]["micro"][k] for d in pl)
    cov = rep["coverage"]
    assert cov["documents"][doc_id]["state"] == "partial"
    assert cov["by_lang"]["pl"]["partial"] == 1 and cov["by_lang"]["pl"]["sentences"] == \
        committed["coverage"]["by_lang"]["pl"]["sentences"] + len(new)
    md = (p / "annotations" / "evaluation.md").read_text(encoding="utf-8")
    assert f"| {doc_id} | pl | {len(READING)} | {len(new)} |" in md


def test_norms_were_flagged_and_reviewed(grown, capsys):
    mine = {r["id"]: r for r in grown["mine"]}
    accepted, set_ = mine[grown["accepted"]], mine[grown["set"]]
    assert "norms_to_check" not in accepted["provenance"]
    assert {e["action"] for e in accepted["provenance"]["norms_reviewed"]} == {"accepted"}
    assert set_["spans"][0]["norm"] == yaml.safe_load(SPRING)
    assert set_["provenance"]["norms_reviewed"][0]["action"] == "set"
    left = norms_to_review(grown["gold"])
    n_spans = sum(len(r) for r in READING.values())
    assert grown["flagged"] == n_spans and len(left) == n_spans - len(accepted["spans"]) - 1
    assert main(["norms", "review", "list", "--gold", str(grown["root"] / "annotations" / "gold")]) == 0
    assert [ln.split("\t")[0] for ln in capsys.readouterr().out.splitlines()] == [r["id"] for r, _ in left]


def test_release_datacard_and_contract_hold_after_the_step(grown, root):
    p = grown["root"]
    versioning.check(p)
    assert read_manifest(p / "raw")["corpus_version"] == grown["version"]
    datacard.check(p / "annotations", p / "raw")
    card = (p / "annotations" / "README.md").read_text(encoding="utf-8")
    assert "Every sentence of every document" not in card and "annotated all" not in card
    assert f"| `{grown['doc_id']}` | pl | {len(READING)} | {len(READING)} of {len(grown['new'])} |" in card
    checker = root.parent / "shared" / "tools" / "check_contract.py"
    if not checker.is_file():
        pytest.skip("shared/tools not beside the checkout")
    for target in (p / "annotations", p / "output"):
        out = subprocess.run([sys.executable, str(checker), "--raw", str(p / "raw"), str(target)],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stdout[-2000:]


def test_report_counts_only_the_gold_sentences_of_the_partial_document(grown, tmp_path):
    import re
    p, doc_id = grown["root"], grown["doc_id"]
    out = tmp_path / "report.html"
    assert main(["report", str(p / "output" / "silver.jsonl"), "--gold", str(p / "annotations" / "gold"),
                 "--raw", str(p / "raw"), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    sec = page[page.index(f"id='doc-{doc_id}'"):]
    from kosnlp.spans import KINDS
    cells = dict(zip(KINDS, map(int, re.findall(r"\d+", re.search(r"<tbody><tr>((?:<td>\d+</td>){5})</tr>", sec)[1]))))
    strict = json.loads((p / "annotations" / "evaluation.json").read_text(encoding="utf-8"))["by_doc"][doc_id]["strict"]
    assert cells["spurious"] == strict["micro"]["SPU"] and "fall outside every gold sentence" not in sec[:sec.index("</p>")]
