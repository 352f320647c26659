"""Held-out texts: the markup reader, the manifest checks, the norm comparison and a scored
split (kosnlp.heldout, the scoring behind eval/unseen.py and `kosnlp run`)."""
import pytest
import yaml

from kosnlp.errors import KosnlpError
from kosnlp.heldout import documents, norm_ok, parse_marked, score
from kosnlp.report import heldout_markdown

TEXT = "On Monday, 3 May 1999, the envoy met Jan Nowak in Tirana.\n"
MARKED = "On [[Monday, 3 May 1999|DATE]], the envoy met [[Jan Nowak|ACTOR]] in [[Tirana|PLACE]].\n"


def _heldout(tmp_path, marked=MARKED, split="dev"):
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "norms").mkdir()
    (tmp_path / "texts" / "en-test-01.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold" / "en-test-01.marked").write_text(marked, encoding="utf-8")
    (tmp_path / "texts" / "manifest.yaml").write_text(yaml.safe_dump({"documents": [
        {"doc_id": "en-test-01", "file": "en-test-01.txt", "lang": "en", "reference_date": "1999-05-04",
         "split": split}]}), encoding="utf-8")
    start = TEXT.index("Monday")
    (tmp_path / "norms" / "en-test-01.yaml").write_text(yaml.safe_dump([
        {"start": start, "end": start + len("Monday, 3 May 1999"), "label": "DATE",
         "first": "1999-05-03", "last": "1999-05-03"},
        {"start": TEXT.index("Jan"), "end": TEXT.index("Jan") + 9, "label": "ACTOR",
         "status": "unresolved", "reason": "not in registry"}]), encoding="utf-8")
    return tmp_path


def test_markup_gives_the_plain_text_and_offsets_into_it():
    plain, spans = parse_marked(MARKED)
    assert plain == TEXT
    assert [(plain[s:e], lab) for s, e, lab in spans] == [
        ("Monday, 3 May 1999", "DATE"), ("Jan Nowak", "ACTOR"), ("Tirana", "PLACE")]


def test_a_norm_read_by_hand_is_matched_by_value_and_unresolved_wants_unresolved():
    assert norm_ok("DATE", {"first": "1999-05-03", "last": "1999-05-03"},
                   {"status": "resolved", "start": "1999-05-03", "end": "1999-05-03"}, {})
    assert not norm_ok("DATE", {"first": "1999-05-03", "last": "1999-05-03"},
                       {"status": "resolved", "start": "1999-05-03", "end": "1999-05-09"}, {})
    assert norm_ok("ACTOR", {"status": "unresolved"}, {"status": "unresolved", "reason": "x"}, {})
    assert not norm_ok("ACTOR", {"status": "unresolved"}, {"status": "resolved", "id": "actor:x"}, {})
    same = {"place:tirana": "geonames:3183875"}
    assert norm_ok("PLACE", {"id": "geonames:3183875"}, {"status": "resolved", "id": "place:tirana"}, same)


def test_manifest_without_a_split_is_a_coded_error(tmp_path):
    root = _heldout(tmp_path, split="later")
    with pytest.raises(KosnlpError, match="KOS-E204"):
        documents(root)


def test_gold_that_changes_the_text_is_a_coded_error(tmp_path):
    root = _heldout(tmp_path, marked=MARKED.replace("envoy", "envoys"))
    with pytest.raises(KosnlpError, match="KOS-E204.*differs"):
        score(root, "dev", None)


def test_errors_of_the_test_half_are_refused(tmp_path):
    root = _heldout(tmp_path, split="test")
    with pytest.raises(KosnlpError, match="KOS-E204.*dev half only"):
        score(root, "test", None, errors=True)


def test_a_split_is_scored_against_every_gold_span(tmp_path):
    from kosnlp.pipeline import run_loader
    root = _heldout(tmp_path)
    s = score(root, "dev", run_loader(), errors=True)
    assert (s["texts"], s["spans"]) == (1, 3)
    strict = s["by_lang"]["en"]["strict"]
    assert {lab: v["pos"] for lab, v in strict["labels"].items()} == {"ACTOR": 1, "PLACE": 1, "DATE": 1}
    assert s["norms"]["en DATE"]["gold"] == 1 and s["norms"]["en ACTOR"]["gold"] == 1
    # every gold span is found, missed or wrong: the errors account for the recall lost
    missed = sum(v["pos"] for v in strict["labels"].values()) * (1 - strict["micro"]["r"])
    assert len([e for e in s["errors"] if e["gold"]]) >= round(missed)
    assert score(root, "test", run_loader())["texts"] == 0  # the test half of this set is empty
    text = "\n".join(heldout_markdown({"dev": s}))
    assert "### dev: 1 texts, 3 gold spans" in text and "| en DATE |" in text


def test_error_classes_count_kinds_and_labels_without_the_text():
    from kosnlp.heldout import error_classes
    errors = [{"doc_id": "d", "kind": "wrong label", "gold": "Serbii/PLACE", "pred": "Serbii/ACTOR"},
              {"doc_id": "d", "kind": "false negative", "gold": "wtorek/DATE", "pred": None},
              {"doc_id": "d", "kind": "false positive", "gold": None, "pred": "Jordan/ACTOR"},
              {"doc_id": "d", "kind": "wrong boundary", "gold": "Jan Nowak/ACTOR", "pred": "Nowak/ACTOR"},
              {"doc_id": "d", "kind": "false negative", "gold": "środę/DATE", "pred": None}]
    assert error_classes(errors, {"d": "pl"}) == {
        "pl false negative DATE": 2, "pl false positive ACTOR": 1, "pl wrong boundary ACTOR": 1,
        "pl wrong label PLACE->ACTOR": 1}


def test_norm_error_classes_say_how_a_norm_is_wrong_without_the_text():
    from kosnlp.heldout import norm_error_class
    day = {"first": "1999-06-17", "last": "1999-06-17"}
    assert norm_error_class("DATE", day, {"status": "resolved", "start": "2000-06-17", "end": "2000-06-17"}) \
        == "day 1 year(s) later"
    assert norm_error_class("DATE", day, {"status": "resolved", "start": "1999-06-10", "end": "1999-06-10"}) \
        == "day 1-7 days earlier"
    assert norm_error_class("DATE", day, {"status": "resolved", "start": "1999-06-01", "end": "1999-06-30"}) \
        == "width day -> month"
    assert norm_error_class("DATE", day, {"status": "unresolved", "reason": "no anchor: no date"}) \
        == "unresolved (no anchor)"
    assert norm_error_class("ACTOR", {"status": "unresolved"}, {"status": "resolved", "id": "person:x"}) \
        == "resolved where gold is unresolved"
    assert norm_error_class("PLACE", {"id": "geonames:1"}, {"status": "resolved", "id": "geonames:2"}) == "another id"


def test_norm_scores_count_the_classes_with_the_anchor_used():
    from kosnlp.heldout import norm_scores
    gold = [{"doc_id": "d", "lang": "pl", "spans": [
        {"start": 0, "end": 9, "label": "DATE", "text": "17 czerwca", "norm": {"first": "1998-06-17", "last": "1998-06-17"}},
        {"start": 20, "end": 26, "label": "DATE", "text": "w maju", "norm": {"first": "1998-05-01", "last": "1998-05-31"}}]}]
    pred = [{"doc_id": "d", "start": 0, "spans": [
        {"start": 0, "end": 9, "label": "DATE", "norm": {"status": "resolved", "start": "1999-06-17",
                                                         "end": "1999-06-17", "anchor": "reference_date"}},
        {"start": 20, "end": 26, "label": "DATE", "norm": {"status": "resolved", "start": "1998-05-01",
                                                           "end": "1998-05-31", "anchor": "story"}}]}]
    counts, wrong, classes = norm_scores(gold, pred)
    assert dict(counts[("pl", "DATE")]) == {"gold": 2, "found": 2, "correct": 1, "wrong": 1}
    assert classes == {"pl DATE day 1 year(s) later, anchor reference_date": 1}
    assert len(wrong) == 1


def test_the_projects_heldout_set_is_complete_and_consistent(root):
    """Every text of eval/unseen has adjudicated gold over an exact copy of it, two blind
    readings, a norm read by hand for every gold span, and each language is split in halves."""
    from collections import Counter

    from kosnlp.heldout import gold_record
    heldout = root / "eval" / "unseen"
    docs = documents(heldout)
    assert docs
    halves = Counter((d["lang"], d["split"]) for d in docs)
    for lang in {d["lang"] for d in docs}:
        assert halves[(lang, "dev")] == halves[(lang, "test")], halves
    for d in docs:
        rec = gold_record(heldout, d)
        for who in ("a", "b"):
            reading, _ = parse_marked((heldout / "annotators" / who / f"{d['doc_id']}.marked").read_text(encoding="utf-8"))
            assert reading.rstrip("\n") == rec["text"].rstrip("\n"), (who, d["doc_id"])
        missing = [s["text"] for s in rec["spans"] if "norm" not in s]
        assert missing == [], (d["doc_id"], missing)
        norms = yaml.safe_load((heldout / "norms" / f"{d['doc_id']}.yaml").read_text(encoding="utf-8"))
        for n in norms:
            assert rec["text"][n["start"]:n["end"]] == n["text"], (d["doc_id"], n)
            assert ("first" in n and "last" in n) or "id" in n or (n.get("status") == "unresolved" and n.get("reason")), n
    decisions = yaml.safe_load((heldout / "adjudication.yaml").read_text(encoding="utf-8"))
    assert {x["doc"] for x in decisions if "doc" in x} <= {d["doc_id"] for d in docs}


def test_second_readings_of_date_norms_cover_the_gold_date_spans(root):
    """A second, blind reading of the DATE norms (eval/unseen/norms2) gives a value or a reason for
    exactly the gold DATE spans of its text, and every adjudicated difference
    (norm_adjudication.yaml) names one of those spans and the norm the gold now has."""
    heldout = root / "eval" / "unseen"
    ids = {d["doc_id"] for d in documents(heldout)}
    second = sorted((heldout / "norms2").glob("*.yaml"))
    assert second
    date_spans = {}
    for f in second:
        assert f.stem in ids, f.name
        gold = yaml.safe_load((heldout / "norms" / f.name).read_text(encoding="utf-8"))
        spans = [(n["start"], n["end"], n["text"]) for n in gold if n.get("label", "DATE") == "DATE"]
        date_spans[f.stem] = {(s, e): n for n in gold if n.get("label", "DATE") == "DATE"
                              for s, e in [(n["start"], n["end"])]}
        reading = yaml.safe_load(f.read_text(encoding="utf-8"))
        assert [(n["start"], n["end"], n["text"]) for n in reading] == spans, f.name
        for n in reading:
            assert ("first" in n and "last" in n and str(n["first"]) <= str(n["last"])) or (
                n.get("status") == "unresolved" and n.get("reason")), (f.name, n["start"])
    for d in yaml.safe_load((heldout / "norm_adjudication.yaml").read_text(encoding="utf-8")):
        g = date_spans[d["doc"]][(d["start"], d["end"])]
        if d.get("status") == "unresolved":
            assert g.get("status") == "unresolved", d
        else:
            assert (str(g.get("first")), str(g.get("last"))) == (str(d["first"]), str(d["last"])), d
