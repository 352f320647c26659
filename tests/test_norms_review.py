"""Candidate norms of gold from doccano are flagged; `kosnlp norms review` lists, accepts and sets them;
work/build_gold.py never overwrites gold it did not make."""
import copy
import json
import shutil
import subprocess
import sys

import pytest
from doccano_corpus import RAW, records
from fake_doccano import FakeDoccano

from kosnlp.cli import main
from kosnlp.doccano.pull import pull
from kosnlp.doccano.push import push
from kosnlp.errors import KosnlpError
from kosnlp.gold import guard_workspace_build, load_gold, write_gold
from kosnlp.normalise.gold import norms_to_review

ALBRIGHT = {"status": "resolved", "id": "person:albright-madeleine", "type": "person", "name": "Madeleine Albright",
            "name_pl": "Madeleine Albright"}


@pytest.fixture
def merged(tmp_path):
    """Gold of pl-test (with checked norms); en-test pushed as silver, with the pipeline's norms, and
    confirmed in doccano (the second sentence corrected)."""
    gold_dir = tmp_path / "gold"
    gold = [r for r in records("gold") if r["doc_id"] == "pl-test"]
    for r in gold:
        for s in r["spans"]:
            s["norm"] = {"status": "unresolved", "reason": "checked by reading"}
    write_gold(gold, gold_dir)
    silver = [r for r in records("silver") if r["doc_id"] == "en-test"]
    for r in silver:
        for s in r["spans"]:
            s["norm"] = {"status": "resolved", "id": "pipeline:guess", "method": "alias"}
    dc = FakeDoccano()
    push(dc, silver, "p", "")
    for e in dc.examples(dc.project_id("p")):
        if e["meta"]["sentence_id"] == "en-test-0002":
            dc.set_spans(dc.project_id("p"), e["id"], [[0, 18, "ACTOR"], [27, 33, "ACTOR"]])  # Moscow as the Russian government
        dc.confirm(dc.project_id("p"), e["id"])
    res = pull(dc, "p", gold_dir, RAW, silver, references={"en-test": "1999-03-26", "pl-test": None})
    assert not res.conflicts and len(res.changes) == 2
    return gold_dir


def test_spans_from_silver_get_candidate_norms_all_flagged(merged):
    gold = {r["id"]: r for r in load_gold(merged)}
    for rid in ("en-test-0001", "en-test-0002"):
        r = gold[rid]
        assert r["provenance"]["origin"] in ("accepted", "corrected")
        assert r["provenance"]["norms_to_check"] == [[s["start"], s["end"], s["label"]] for s in r["spans"]]
        for s in r["spans"]:
            assert "method" not in s["norm"] and s["norm"].get("id") != "pipeline:guess"  # never the pipeline's
    assert gold["en-test-0002"]["spans"][1]["norm"]["id"] == "state:ru"
    assert gold["en-test-0001"]["spans"][1]["norm"]["value"] == "1999-03-24"
    assert all("norms_to_check" not in r["provenance"] for r in gold.values() if r["doc_id"] == "pl-test")
    assert len(norms_to_review(list(gold.values()))) == 4


def test_list_accept_and_set(merged, capsys):
    g = str(merged)
    assert main(["norms", "review", "list", "--gold", g]) == 0
    out = capsys.readouterr()
    lines = out.out.splitlines()
    assert len(lines) == 4 and lines[0].startswith("en-test-0001\t0\tACTOR\tNATO\t") and "4 candidate" in out.err
    assert main(["norms", "review", "accept", "en-test-0001", "--by", "ewa", "--gold", g]) == 0
    r = next(r for r in load_gold(merged) if r["id"] == "en-test-0001")
    assert "norms_to_check" not in r["provenance"]
    assert [(e["start"], e["action"], e["by"]) for e in r["provenance"]["norms_reviewed"]] == \
        [(0, "accepted", "ewa"), (26, "accepted", "ewa")]
    before = merged.joinpath("en-test.jsonl").read_bytes()
    assert main(["norms", "review", "set", "en-test-0002", "--start", "0", "--norm", json.dumps(ALBRIGHT),
                 "--gold", g]) == 1
    assert "KOS-E502 en-test-0002: a norm set by hand needs --reason" in capsys.readouterr().err
    assert main(["norms", "review", "set", "en-test-0002", "--start", "0", "--norm", "{status: resolved, id: x}",
                 "--reason", "r", "--gold", g]) == 1
    err = capsys.readouterr().err
    assert "KOS-E502" in err and "missing ['type', 'name', 'name_pl']" in err
    assert main(["norms", "review", "set", "en-test-0002", "--norm", json.dumps(ALBRIGHT), "--reason", "r",
                 "--gold", g]) == 1  # two spans: which one?
    assert "KOS-E502" in capsys.readouterr().err
    assert merged.joinpath("en-test.jsonl").read_bytes() == before  # failed commands wrote nothing
    candidate = next(r for r in load_gold(merged) if r["id"] == "en-test-0002")["spans"][0]["norm"]
    assert main(["norms", "review", "set", "en-test-0002", "--start", "0", "--norm", json.dumps(ALBRIGHT),
                 "--reason", "the registry id of the Secretary of State", "--gold", g]) == 0
    r = next(r for r in load_gold(merged) if r["id"] == "en-test-0002")
    assert r["spans"][0]["norm"] == ALBRIGHT and r["provenance"]["norms_to_check"] == [[27, 33, "ACTOR"]]
    (entry,) = r["provenance"]["norms_reviewed"]
    assert entry["action"] == "set" and entry["reason"] and entry["previous"] == candidate
    assert main(["norms", "review", "accept", "en-test-0002", "--start", "0", "--gold", g]) == 1  # not flagged any more
    assert "KOS-E502" in capsys.readouterr().err
    assert main(["norms", "review", "accept", "en-test-0002", "--start", "27", "--gold", g]) == 0
    assert norms_to_review(load_gold(merged)) == []


def test_a_reviewed_gold_sentence_pushed_again_keeps_its_checked_norms(merged):
    """push --source gold (review): unchanged spans keep their checked norms, a new span is flagged."""
    gold = load_gold(merged)
    dc = FakeDoccano()
    push(dc, gold, "p", "")
    e = next(e for e in dc.examples(dc.project_id("p")) if e["meta"]["sentence_id"] == "pl-test-0002")
    dc.set_spans(dc.project_id("p"), e["id"], [[0, 15, "ACTOR"], [18, 29, "ACTOR"], [41, 54, "DATE"], [60, 72, "ACTOR"]])  # "r." out
    dc.confirm(dc.project_id("p"), e["id"])
    pull(dc, "p", merged, RAW, references={"pl-test": None})
    r = next(r for r in load_gold(merged) if r["id"] == "pl-test-0002")
    checked = {"status": "unresolved", "reason": "checked by reading"}
    assert [s["norm"] == checked for s in r["spans"]] == [True, True, False, True]  # kept, except the new span
    assert r["spans"][2]["norm"]["value"] == "1999-02-06"
    assert r["provenance"]["norms_to_check"] == [[41, 54, "DATE"]] and r["provenance"]["origin"] == "scratch"


def test_workspace_rebuild_never_overwrites_gold_it_did_not_make():
    base = {"id": "d-0001", "doc_id": "d", "lang": "en", "start": 0, "end": 4, "text": "NATO", "status": "gold",
            "spans": [{"start": 0, "end": 4, "label": "ACTOR", "text": "NATO"}],
            "provenance": {"origin": "scratch", "annotator": "A"}}
    built = [copy.deepcopy(base)]
    guard_workspace_build([base], built)                      # the same: fine
    changed = dict(copy.deepcopy(base), spans=[])
    guard_workspace_build([changed], built)                   # workspace gold: the workspace wins
    merged = dict(copy.deepcopy(base), spans=[], provenance={"origin": "corrected", "doccano": {"example_id": 3}})
    with pytest.raises(KosnlpError, match="KOS-E503 .*d-0001"):
        guard_workspace_build([merged], built)
    reviewed = copy.deepcopy(base)
    reviewed["provenance"]["norms_reviewed"] = [{"start": 0, "end": 4, "label": "ACTOR", "action": "accepted"}]
    with pytest.raises(KosnlpError, match="KOS-E503"):
        guard_workspace_build([reviewed], built)
    other = dict(copy.deepcopy(merged), id="e-0001", doc_id="e")
    guard_workspace_build([other], built)                     # documents it does not build are not touched


def _gold_bytes(p):
    return {f.name: f.read_bytes() for f in (p / "annotations" / "gold").glob("*.jsonl")}


def test_build_gold_script_keeps_merged_gold_and_refuses_to_undo_a_review(grown_project, tmp_path):
    """work/build_gold.py on a grown corpus: the new document's gold (from doccano) is not touched;
    once a norm of workspace gold is set by review, the script refuses and writes nothing."""
    p = tmp_path / "p"
    shutil.copytree(grown_project["root"], p)
    before = _gold_bytes(p)
    run = [sys.executable, str(p / "work" / "build_gold.py")]
    out = subprocess.run(run, cwd=p, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert _gold_bytes(p) == before
    gold = load_gold(p / "annotations" / "gold")
    r = next(r for r in gold if r["provenance"]["origin"] == "scratch" and r["spans"])
    s = r["spans"][0]
    assert main(["norms", "review", "set", r["id"], "--start", str(s["start"]), "--norm",
                 json.dumps({"status": "unresolved", "reason": "test"}), "--reason", "test",
                 "--gold", str(p / "annotations" / "gold")]) == 0
    reviewed = _gold_bytes(p)
    out = subprocess.run(run, cwd=p, capture_output=True, text=True)
    assert out.returncode == 1 and "KOS-E503" in out.stderr and r["id"] in out.stderr and "Traceback" not in out.stderr
    assert _gold_bytes(p) == reviewed


def test_first_pull_into_an_empty_gold_flags_candidates_too(tmp_path):
    """No gold yet (a new corpus): the pipeline's norms still do not pass into gold unflagged."""
    silver = [r for r in records("silver") if r["doc_id"] == "en-test"]
    for r in silver:
        for s in r["spans"]:
            s["norm"] = {"status": "resolved", "id": "pipeline:guess", "method": "alias"}
    dc = FakeDoccano()
    push(dc, silver, "p", "")
    for e in dc.examples(dc.project_id("p")):
        dc.confirm(dc.project_id("p"), e["id"])
    pull(dc, "p", tmp_path / "gold", RAW, silver, references={"en-test": "1999-03-26"})
    gold = load_gold(tmp_path / "gold")
    assert len(gold) == 2 and len(norms_to_review(gold)) == sum(len(r["spans"]) for r in gold)
    assert all("method" not in s["norm"] for r in gold for s in r["spans"])
