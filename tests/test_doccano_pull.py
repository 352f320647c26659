import pytest
from doccano_corpus import RAW, records, span, write_corpus
from fake_doccano import FakeDoccano

from kosnlp.doccano.pull import pull, span_problem
from kosnlp.doccano.push import push
from kosnlp.errors import KosnlpError
from kosnlp.records import write_jsonl


@pytest.fixture
def setup(tmp_path):
    gold = tmp_path / "gold"
    write_corpus(gold)
    dc = FakeDoccano()
    push(dc, records(), "p", "")
    before = {f.name: f.read_bytes() for f in gold.iterdir()}
    return dc, gold, before


def eid(dc, sid):
    return next(e["id"] for e in dc.examples(1) if e["meta"]["sentence_id"] == sid)


def test_nothing_confirmed_nothing_changes(setup):
    dc, gold, before = setup
    res = pull(dc, "p", gold, RAW)
    assert (res.exported, res.changes, res.conflicts) == (0, [], [])
    assert {f.name: f.read_bytes() for f in gold.iterdir()} == before


def test_confirmed_without_change_keeps_gold_byte_identical(setup):
    dc, gold, before = setup
    for e in dc.examples(1):
        dc.confirm(1, e["id"])
    res = pull(dc, "p", gold, RAW)
    assert res.unchanged == 4 and not res.changes and not res.written
    assert {f.name: f.read_bytes() for f in gold.iterdir()} == before
    assert "states" not in dc.calls  # nothing to merge, so no provenance lookups


def test_corrections_are_merged_with_provenance(setup):
    dc, gold, before = setup
    text = records()[3]["text"]  # "Madeleine Albright flew to Moscow."
    e = eid(dc, "en-test-0002")
    dc.add_member(1, "admin")
    dc.create_user("anna", "x")
    dc.add_member(1, "anna")
    dc.set_spans(1, e, [[0, 18, "ACTOR"], [27, 33, "ACTOR"]])  # relabel Moscow
    dc.confirm(1, e, user_id=2)
    res = pull(dc, "p", gold, RAW, dry_run=True)
    assert [line for ch in res.changes for line in ch.lines()] == [
        "- en-test-0002 [27,33) PLACE 'Moscow'", "+ en-test-0002 [27,33) ACTOR 'Moscow'"]
    assert {f.name: f.read_bytes() for f in gold.iterdir()} == before  # dry run wrote nothing
    res = pull(dc, "p", gold, RAW)
    assert res.written == {"en-test": 2}
    after = [r for r in map(__import__("json").loads, (gold / "en-test.jsonl").read_text().splitlines())]
    rec = after[1]
    assert [(s["text"], s["label"]) for s in rec["spans"]] == [("Madeleine Albright", "ACTOR"), ("Moscow", "ACTOR")]
    assert rec["spans"][1] == {"start": 27, "end": 33, "label": "ACTOR", "text": text[27:33]}
    doc = rec["provenance"]["doccano"]
    assert (doc["annotator"], doc["project"], doc["example_id"], doc["confirmed"]) == ("anna", "p", e, True)
    assert rec["provenance"]["changes_vs_pushed"] == {"added": 0, "removed": 0, "relabelled": 1, "rebounded": 0}
    assert rec["provenance"]["annotator"] == "A"  # earlier provenance is kept
    assert (gold / "pl-test.jsonl").read_bytes() == before["pl-test.jsonl"]


def test_silver_sentences_become_gold(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    silver = records("silver")
    dc = FakeDoccano()
    push(dc, silver, "p", "")
    e1, e2 = eid(dc, "en-test-0001"), eid(dc, "en-test-0002")
    dc.confirm(1, e1)
    dc.set_spans(1, e2, [[0, 18, "ACTOR"]])  # annotator removes Moscow
    dc.confirm(1, e2)
    res = pull(dc, "p", gold, RAW, extra_records=silver)
    assert res.written == {"en-test": 2}
    recs = [__import__("json").loads(x) for x in (gold / "en-test.jsonl").read_text().splitlines()]
    assert [r["status"] for r in recs] == ["gold", "gold"]
    assert [r["provenance"]["origin"] for r in recs] == ["accepted", "corrected"]
    assert [s["text"] for s in recs[1]["spans"]] == ["Madeleine Albright"]


@pytest.mark.parametrize("kind,act", [
    ("no-id", lambda dc, e, gold: dc._example(1, e)["meta"].pop("sentence_id")),
    ("text-edited", lambda dc, e, gold: dc._example(1, e).update(text="Madeleine Albright flew to Moskva.")),
    ("raw-changed", lambda dc, e, gold: dc._example(1, e)["meta"].update(text_sha256="0" * 16)),
    ("offsets", lambda dc, e, gold: dc.set_spans(1, e, [[0, 99, "ACTOR"]])),
    ("offsets", lambda dc, e, gold: dc.set_spans(1, e, [[0, 10, "ACTOR"], [5, 18, "ACTOR"]])),
    ("offsets", lambda dc, e, gold: dc.set_spans(1, e, [[0, 19, "ACTOR"]])),
    ("offsets", lambda dc, e, gold: dc.set_spans(1, e, [[0, 18, "PERSON"]])),
    ("duplicate", lambda dc, e, gold: dc._project(1)["examples"].append(
        {**dc._example(1, e), "id": 99, "states": [{"confirmed_by": 1, "confirmed_at": "2026-11-22T00:00:00Z"}]})),
])
def test_conflicts_are_reported_not_merged(setup, kind, act):
    dc, gold, before = setup
    e = eid(dc, "en-test-0002")
    dc.set_spans(1, e, [[0, 18, "ACTOR"]])
    dc.confirm(1, e)
    act(dc, e, gold)
    res = pull(dc, "p", gold, RAW)
    assert kind in [c.kind for c in res.conflicts]
    if kind != "duplicate":
        assert not res.changes and {f.name: f.read_bytes() for f in gold.iterdir()} == before


def test_edited_both_locally_and_in_doccano_is_a_conflict(setup):
    dc, gold, before = setup
    recs = records()
    recs[3]["spans"] = recs[3]["spans"][:1]  # local edit after the push: Moscow removed
    write_jsonl(gold / "en-test.jsonl", recs[2:])
    local = (gold / "en-test.jsonl").read_bytes()
    e = eid(dc, "en-test-0002")
    dc.set_spans(1, e, [[0, 18, "ACTOR"], [27, 33, "ACTOR"]])
    dc.confirm(1, e)
    res = pull(dc, "p", gold, RAW)
    assert [c.kind for c in res.conflicts] == ["both-edited"]
    assert (gold / "en-test.jsonl").read_bytes() == local


def test_local_edit_alone_is_kept(setup):
    dc, gold, _ = setup
    recs = records()
    recs[3]["spans"] = recs[3]["spans"][:1]
    write_jsonl(gold / "en-test.jsonl", recs[2:])
    dc.confirm(1, eid(dc, "en-test-0002"))
    res = pull(dc, "p", gold, RAW)
    assert res.kept_local == 1 and not res.changes and not res.conflicts


def test_raw_document_changed_since_push(setup):
    dc, gold, before = setup
    e = eid(dc, "pl-test-0002")
    dc.set_spans(1, e, [])
    dc.confirm(1, e)
    raw = dict(RAW, **{"pl-test": RAW["pl-test"].replace("Joschka", "Joszka")})
    res = pull(dc, "p", gold, raw)
    assert [c.kind for c in res.conflicts] == ["raw-changed"]
    assert {f.name: f.read_bytes() for f in gold.iterdir()} == before


def test_unconfirmed_changes_only_with_all(setup):
    dc, gold, _ = setup
    e = eid(dc, "pl-test-0001")
    dc.set_spans(1, e, [[32, 43, "PLACE"], [11, 28, "ACTOR"]])
    assert pull(dc, "p", gold, RAW).changes == []
    res = pull(dc, "p", gold, RAW, include_unconfirmed=True)
    assert len(res.changes) == 1 and res.exported == 4
    rec = res.changes[0].record
    assert rec["provenance"]["doccano"]["confirmed"] is False
    assert [s["text"] for s in rec["spans"]] == ["grupy kontaktowej", "Rambouillet"]


def test_missing_project_is_a_coded_error(tmp_path):
    with pytest.raises(KosnlpError, match="KOS-E403"):
        pull(FakeDoccano(), "nope", tmp_path, {})


def test_span_problem():
    text = "Madeleine Albright flew"
    assert span_problem(text, [[0, 18, "ACTOR"]]) is None
    assert "whitespace" in span_problem(text, [[0, 19, "ACTOR"]])
    assert "does not fit" in span_problem(text, [[5, 5, "ACTOR"]])
    assert "label" in span_problem(text, [[0, 9, "PER"]])
    assert span(text, "Albright", "ACTOR")["start"] == 10


def test_spans_changed_in_doccano_get_a_candidate_norm(tmp_path):
    gold = tmp_path / "gold"
    recs = records()
    for r in recs:
        for s in r["spans"]:
            s["norm"] = {"status": "resolved", "id": f"checked:{s['text']}"}
    from kosnlp.gold import write_gold
    write_gold(recs, gold)
    dc = FakeDoccano()
    push(dc, recs, "p", "")
    e = eid(dc, "en-test-0002")
    dc.set_spans(1, e, [[0, 18, "ACTOR"], [27, 33, "ACTOR"]])  # Moscow as the Russian government
    dc.confirm(1, e)
    res = pull(dc, "p", gold, RAW, references={"en-test": "1999-03-26"})
    rec = res.changes[0].record
    assert rec["spans"][0]["norm"] == {"status": "resolved", "id": "checked:Madeleine Albright"}  # kept
    assert rec["spans"][1]["norm"]["status"] == "resolved" and rec["spans"][1]["norm"]["id"] == "state:ru"
    assert rec["provenance"]["norms_to_check"] == [[27, 33, "ACTOR"]]
