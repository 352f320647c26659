"""The data card is generated from the data; stale = test failure. CITATION.cff matches the version."""
import json
import re

import pytest
from synthetic import copy_project
import yaml

from kosnlp import datacard
from kosnlp.cli import main
from kosnlp.corpus import load_corpus
from kosnlp.errors import KosnlpError


def test_committed_data_card_is_up_to_date(corpus_root):
    root = corpus_root
    committed = (root / "annotations" / "README.md").read_text(encoding="utf-8")
    assert committed == datacard.render(root / "annotations", root / "raw"), \
        "annotations/README.md is stale: run `uv run kosnlp datacard` and commit it"


def test_card_figures_come_from_the_data(corpus_root):
    root = corpus_root
    card = datacard.render(root / "annotations", root / "raw")
    c = load_corpus(root)
    assert f"{len(c.sentences)} sentences" in card and f"{len(c.mentions)} mentions" in card
    for lab in ("ACTOR", "PLACE", "DATE"):
        row = re.search(rf"^\| {lab} \| (\d+) \| (\d+) \| (\d+) \|$", card, re.M)
        assert row and int(row[3]) == int((c.mentions.label == lab).sum())
        assert int(row[1]) == int(((c.mentions.label == lab) & (c.mentions.lang == "en")).sum())
    for d in c.documents.itertuples():
        assert d.sha256 in card and d.licence_note in card
    assert "version = {" + c.version + "}" in card


def test_card_statements_come_from_coverage_and_provenance(corpus_root):
    """What the card says about completeness and annotators is counted, for any corpus."""
    from kosnlp.gold import coverage, load_gold
    from kosnlp.ingest import load_raw_corpus
    root = corpus_root
    card = datacard.render(root / "annotations", root / "raw")
    gold = load_gold(root / "annotations" / "gold")
    cov = coverage(gold, load_raw_corpus(root / "raw"))["documents"]
    states = [c["state"] for c in cov.values()]
    complete_claim = "Every sentence of every document is included" in card
    assert complete_claim == (set(states) == {"complete"})
    if not complete_claim:
        with_gold = sum(s != "none" for s in states)
        assert f"{states.count('complete')} of the {with_gold} documents have gold for every sentence" in card
        missing = sum(c["sentences"] - c["gold"] for c in cov.values() if c["state"] == "partial")
        assert f"({missing} sentence" in card
    for d, c in cov.items():
        if c["state"] != "none":
            cell = "complete" if c["state"] == "complete" else f"{c['gold']} of {c['sentences']}"
            assert re.search(rf"^\| `{d}` \| {c['lang']} \| {c['gold']} \| {cell} \|", card, re.M), d
    scratch = [r for r in gold if r["provenance"]["origin"] == "scratch"]
    if scratch:
        assert f"{len(scratch)} of the {len(gold)} sentences were annotated from scratch" in card
    assert "annotated all" not in card
    doccano = [r for r in gold if r["provenance"]["origin"] != "scratch"]
    if doccano:
        who = sorted({r["provenance"]["doccano"]["annotator"] for r in doccano if r["provenance"]["doccano"]["annotator"]})
        assert f"{len(doccano)} were pre-annotated by the pipeline and corrected in doccano" in card
        assert ", ".join(who) in card
    flagged = sum(len(r["provenance"].get("norms_to_check", [])) for r in gold)
    assert (f"{flagged} span" in card and "not yet checked" in card) if flagged else "not yet checked" not in card


_copy = copy_project


def test_changed_gold_makes_the_card_stale(corpus_root, tmp_path):
    p = _copy(corpus_root, tmp_path)
    datacard.check(p / "annotations", p / "raw")
    g = sorted((p / "annotations" / "gold").glob("*.jsonl"))[0]
    lines = g.read_text(encoding="utf-8").splitlines(keepends=True)
    g.write_text("".join(lines[:-1]), encoding="utf-8")  # one sentence fewer
    with pytest.raises(KosnlpError, match="KOS-E606"):
        datacard.check(p / "annotations", p / "raw")
    assert main(["datacard", "--annotations", str(p / "annotations"), "--raw", str(p / "raw")]) == 0
    datacard.check(p / "annotations", p / "raw")
    assert f"{load_corpus(p).sentences.shape[0]} sentences" in (p / "annotations" / "README.md").read_text(encoding="utf-8")


def test_changed_scores_make_the_card_stale(root, tmp_path):
    p = _copy(root, tmp_path)
    ev = p / "annotations" / "evaluation.json"
    rep = json.loads(ev.read_text(encoding="utf-8"))
    rep["by_lang"]["en"]["strict"]["labels"]["ACTOR"]["f1"] = 0.123
    ev.write_text(json.dumps(rep), encoding="utf-8")
    with pytest.raises(KosnlpError, match="KOS-E606"):
        datacard.check(p / "annotations", p / "raw")


def test_norms_appear_in_the_card_when_present(root, tmp_path):
    p = _copy(root, tmp_path)
    g = sorted((p / "annotations" / "gold").glob("*.jsonl"))[0]
    recs = [json.loads(x) for x in g.read_text(encoding="utf-8").splitlines()]
    actors = next(a for a in ([s for s in r["spans"] if s["label"] == "ACTOR"] for r in recs) if len(a) >= 2)
    actors[0]["norm"] = {"status": "resolved", "id": "state:us", "type": "state", "name": "United States"}
    actors[1]["norm"] = {"status": "unresolved", "reason": "test"}
    g.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    card = datacard.render(p / "annotations", p / "raw")
    actors = [s for f in sorted((p / "annotations" / "gold").glob("*.jsonl"))
              for x in f.read_text(encoding="utf-8").splitlines() for s in json.loads(x)["spans"]
              if s["label"] == "ACTOR"]
    status = [s.get("norm", {}).get("status") for s in actors]
    expected = (status.count("resolved"), status.count("unresolved"), status.count(None))
    assert expected[1] >= 1 and sum(expected) == len(actors)
    row = r"^\| ACTOR \| {} \| {} \| {} \|$".format(*expected)
    assert re.search(row, card, re.M), card[card.index("Normalised"):][:400]


def test_citation_version_matches_manifest(corpus_root):
    cff = yaml.safe_load((corpus_root / "CITATION.cff").read_text(encoding="utf-8"))
    man = yaml.safe_load((corpus_root / "raw" / "manifest.yaml").read_text(encoding="utf-8"))
    assert str(cff["version"]) == man["corpus_version"] and cff["cff-version"] == "1.2.0"


def test_datacard_and_release_help(capsys):
    for cmd in ("datacard", "release"):
        with pytest.raises(SystemExit, match="0"):
            main([cmd, "--help"])
        assert "usage: kosnlp" in capsys.readouterr().out


def test_card_load_example_runs(corpus_root, monkeypatch):
    card = (corpus_root / "annotations" / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", card, re.S)
    monkeypatch.chdir(corpus_root)
    ns = {}
    exec(compile(block, "annotations/README.md", "exec"), ns)
    assert len(ns["corpus"].mentions) == len(load_corpus(corpus_root).mentions)
