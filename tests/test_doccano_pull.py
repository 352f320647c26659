import pytest
from doccano_corpus import RAW, records, span, write_corpus
from fake_doccano import FakeDoccano

from kosnlp.doccano.pull import gold_path, pull
from kosnlp.records import span_problems
from kosnlp.doccano.push import push
from kosnlp.doccano.resolve import resolve
from kosnlp.errors import KosnlpError
from kosnlp.records import write_jsonl


@pytest.fixture
def setup(tmp_path):
    gold = tmp_path / "gold"
    write_corpus(gold)
    dc = FakeDoccano()
    dc.pid = push(dc, records(), "p", "").project_id
    before = {f.name: f.read_bytes() for f in gold.iterdir()}
    return dc, gold, before


def eid(dc, sid):
    return next(e["id"] for e in dc.examples(dc.pid) if e["meta"]["sentence_id"] == sid)


def test_nothing_confirmed_nothing_changes(setup):
    dc, gold, before = setup
    res = pull(dc, "p", gold, RAW)
    assert (res.exported, res.changes, res.conflicts) == (0, [], [])
    assert {f.name: f.read_bytes() for f in gold.iterdir()} == before


def test_confirmed_without_change_keeps_gold_byte_identical(setup):
    dc, gold, before = setup
    for e in dc.examples(dc.pid):
        dc.confirm(dc.pid, e["id"])
    res = pull(dc, "p", gold, RAW)
    assert res.unchanged == len(records()) and not res.changes and not res.written
    assert {f.name: f.read_bytes() for f in gold.iterdir()} == before
    assert "states" not in dc.calls  # nothing to merge, so no provenance lookups


def test_corrections_are_merged_with_provenance(setup):
    dc, gold, before = setup
    text = records()[3]["text"]  # "Madeleine Albright flew to Moscow."
    e = eid(dc, "en-test-0002")
    dc.add_member(dc.pid, "admin")
    dc.create_user("anna", "x")
    dc.add_member(dc.pid, "anna")
    dc.set_spans(dc.pid, e, [[0, 18, "ACTOR"], [27, 33, "ACTOR"]])  # relabel Moscow
    dc.confirm(dc.pid, e, user_id=2)
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
    dc.pid = push(dc, silver, "p", "").project_id
    e1, e2 = eid(dc, "en-test-0001"), eid(dc, "en-test-0002")
    dc.confirm(dc.pid, e1)
    dc.set_spans(dc.pid, e2, [[0, 18, "ACTOR"]])  # annotator removes Moscow
    dc.confirm(dc.pid, e2)
    res = pull(dc, "p", gold, RAW, extra_records=silver)
    assert res.written == {"en-test": 2}
    recs = [__import__("json").loads(x) for x in (gold / "en-test.jsonl").read_text().splitlines()]
    assert [r["status"] for r in recs] == ["gold", "gold"]
    assert [r["provenance"]["origin"] for r in recs] == ["accepted", "corrected"]
    assert [s["text"] for s in recs[1]["spans"]] == ["Madeleine Albright"]


@pytest.mark.parametrize("kind,act", [
    ("no-id", lambda dc, e, gold: dc._example(dc.pid, e)["meta"].pop("sentence_id")),
    ("text-edited", lambda dc, e, gold: dc._example(dc.pid, e).update(text="Madeleine Albright flew to Moskva.")),
    ("raw-changed", lambda dc, e, gold: dc._example(dc.pid, e)["meta"].update(text_sha256="0" * 16)),
    ("offsets", lambda dc, e, gold: dc.set_spans(dc.pid, e, [[0, 99, "ACTOR"]])),
    ("offsets", lambda dc, e, gold: dc.set_spans(dc.pid, e, [[0, 10, "ACTOR"], [5, 18, "ACTOR"]])),
    ("offsets", lambda dc, e, gold: dc.set_spans(dc.pid, e, [[0, 19, "ACTOR"]])),
    ("offsets", lambda dc, e, gold: dc.set_spans(dc.pid, e, [[0, 18, "PERSON"]])),
    ("duplicate", lambda dc, e, gold: dc._project(dc.pid)["examples"].append(
        {**dc._example(dc.pid, e), "id": 99, "states": [{"confirmed_by": 1, "confirmed_at": "2026-11-22T00:00:00Z"}]})),
])
def test_conflicts_are_reported_not_merged(setup, kind, act):
    dc, gold, before = setup
    e = eid(dc, "en-test-0002")
    dc.set_spans(dc.pid, e, [[0, 18, "ACTOR"]])
    dc.confirm(dc.pid, e)
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
    dc.set_spans(dc.pid, e, [[0, 18, "ACTOR"], [27, 33, "ACTOR"]])
    dc.confirm(dc.pid, e)
    res = pull(dc, "p", gold, RAW)
    assert [c.kind for c in res.conflicts] == ["both-edited"]
    assert (gold / "en-test.jsonl").read_bytes() == local


def test_local_edit_alone_is_kept(setup):
    dc, gold, _ = setup
    recs = records()
    recs[3]["spans"] = recs[3]["spans"][:1]
    write_jsonl(gold / "en-test.jsonl", recs[2:])
    dc.confirm(dc.pid, eid(dc, "en-test-0002"))
    res = pull(dc, "p", gold, RAW)
    assert res.kept_local == [f"en-test-0002 (example {eid(dc, 'en-test-0002')})"]
    assert not res.changes and not res.conflicts


def test_raw_document_changed_since_push(setup):
    dc, gold, before = setup
    e = eid(dc, "pl-test-0002")
    dc.set_spans(dc.pid, e, [])
    dc.confirm(dc.pid, e)
    raw = dict(RAW, **{"pl-test": RAW["pl-test"].replace("Joschka", "Joszka")})
    res = pull(dc, "p", gold, raw)
    assert [c.kind for c in res.conflicts] == ["raw-changed"]
    assert {f.name: f.read_bytes() for f in gold.iterdir()} == before


def test_unconfirmed_changes_only_with_all(setup):
    dc, gold, _ = setup
    e = eid(dc, "pl-test-0001")
    dc.set_spans(dc.pid, e, [[32, 43, "PLACE"], [11, 28, "ACTOR"]])
    assert pull(dc, "p", gold, RAW).changes == []
    res = pull(dc, "p", gold, RAW, include_unconfirmed=True)
    assert len(res.changes) == 1 and res.exported == len(records())
    rec = res.changes[0].record
    assert rec["provenance"]["doccano"]["confirmed"] is False
    assert [s["text"] for s in rec["spans"]] == ["grupy kontaktowej", "Rambouillet"]


def test_missing_project_is_a_coded_error(tmp_path):
    with pytest.raises(KosnlpError, match="KOS-E403"):
        pull(FakeDoccano(), "nope", tmp_path, {})


def test_doccano_spans_are_checked_by_the_one_span_validator():
    text = "Madeleine Albright flew"
    assert span_problems(text, [[0, 18, "ACTOR"]]) == []
    assert "whitespace" in span_problems(text, [[0, 19, "ACTOR"]])[0]
    assert "does not fit" in span_problems(text, [[5, 5, "ACTOR"]])[0]
    assert "label" in span_problems(text, [[0, 9, "PER"]])[0]
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
    dc.pid = push(dc, recs, "p", "").project_id
    e = eid(dc, "en-test-0002")
    dc.set_spans(dc.pid, e, [[0, 18, "ACTOR"], [27, 33, "ACTOR"]])  # Moscow as the Russian government
    dc.confirm(dc.pid, e)
    res = pull(dc, "p", gold, RAW, references={"en-test": "1999-03-26"})
    rec = res.changes[0].record
    assert rec["spans"][0]["norm"] == {"status": "resolved", "id": "checked:Madeleine Albright"}  # kept
    assert rec["spans"][1]["norm"]["status"] == "resolved" and rec["spans"][1]["norm"]["id"] == "state:ru"
    assert rec["provenance"]["norms_to_check"] == [[27, 33, "ACTOR"]]


def confirm_all(dc):
    for e in dc.examples(dc.pid):
        dc.confirm(dc.pid, e["id"])


@pytest.mark.parametrize("doc_id", ["../../../x", "/tmp/x", "en-test/../../x", "..", "x y"])
def test_a_doc_id_that_names_a_path_is_refused(tmp_path, doc_id):
    gold = tmp_path / "a" / "b" / "gold"
    gold.mkdir(parents=True)
    rec = dict(records("silver")[3], doc_id=doc_id, id=f"{doc_id}-0002")
    dc = FakeDoccano()
    with pytest.raises(KosnlpError, match="KOS-E415 .*not of the form"):
        push(dc, [rec], "p", "")  # refused on the way out
    dc.pid = push(dc, records("silver")[3:], "p", "").project_id
    e = eid(dc, "en-test-0002")
    dc._example(dc.pid, e)["meta"].update(doc_id=doc_id, sentence_id=rec["id"])  # and edited in doccano
    confirm_all(dc)
    raw = dict(RAW, **{doc_id: RAW["en-test"]})  # even with a manifest that lists it
    res = pull(dc, "p", gold, raw, extra_records=[rec])
    assert [c.kind for c in res.conflicts] == ["bad-id"] and str(res.conflicts[0]).startswith("KOS-E415")
    assert not res.changes and sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == []
    with pytest.raises(KosnlpError, match="KOS-E415 .*outside the gold directory"):
        gold_path(gold, doc_id)


def test_a_document_not_in_the_manifest_is_refused(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    silver = records("silver")
    dc = FakeDoccano()
    dc.pid = push(dc, silver, "p", "").project_id
    confirm_all(dc)
    res = pull(dc, "p", gold, {"pl-test": RAW["pl-test"]}, extra_records=silver)
    assert sorted(c.where.split()[0] for c in res.conflicts if c.kind == "unknown-doc") == ["en-test-0001",
                                                                                            "en-test-0002"]
    assert res.written == {"pl-test": 2} and not (gold / "en-test.jsonl").exists()


def test_an_example_whose_ids_do_not_match_its_record_is_refused(setup):
    dc, gold, before = setup
    e = eid(dc, "en-test-0002")
    dc._example(dc.pid, e)["meta"]["doc_id"] = "pl-test"  # an id edited in doccano
    dc.set_spans(dc.pid, e, [])
    dc.confirm(dc.pid, e)
    res = pull(dc, "p", gold, RAW)
    assert [c.kind for c in res.conflicts] == ["bad-id"]
    assert {f.name: f.read_bytes() for f in gold.iterdir()} == before


def test_a_label_swap_in_doccano_is_refused_before_merging(setup):
    dc, gold, before = setup
    labels = dc._project(dc.pid)["labels"]
    labels["ACTOR"], labels["PLACE"] = labels["PLACE"], labels["ACTOR"]
    confirm_all(dc)
    with pytest.raises(KosnlpError, match="KOS-E413 .*label PLACE has key 'a'"):
        pull(dc, "p", gold, RAW)
    # a full swap (keys and colours too) is still seen: the ids differ from those the examples were pushed with
    labels["ACTOR"]["suffix_key"], labels["PLACE"]["suffix_key"] = "a", "p"
    labels["ACTOR"]["color"], labels["PLACE"]["color"] = labels["PLACE"]["color"], labels["ACTOR"]["color"]
    with pytest.raises(KosnlpError, match="KOS-E413 .*examples were pushed with id"):
        pull(dc, "p", gold, RAW)
    assert {f.name: f.read_bytes() for f in gold.iterdir()} == before


def test_deleted_examples_are_reported_by_id(setup):
    dc, gold, _ = setup
    journal = {e["meta"]["sentence_id"]: e["id"] for e in dc.examples(dc.pid)}
    gone = eid(dc, "pl-test-0001")
    dc.delete_examples(dc.pid, [gone])
    res = pull(dc, "p", gold, RAW, pushed=journal)
    assert res.deleted == [("pl-test-0001", gone)]


def test_resolve_keeps_doccano_or_local(setup):
    dc, gold, before = setup
    recs = records()
    recs[3]["spans"] = recs[3]["spans"][:1]
    write_jsonl(gold / "en-test.jsonl", recs[2:])  # local edit: Moscow removed
    e = eid(dc, "en-test-0002")
    dc.set_spans(dc.pid, e, [[0, 18, "ACTOR"], [27, 33, "ACTOR"]])  # doccano: Moscow relabelled
    dc.confirm(dc.pid, e)
    assert [c.kind for c in pull(dc, "p", gold, RAW).conflicts] == ["both-edited"]
    local = (gold / "en-test.jsonl").read_bytes()
    msg = resolve(dc, "p", "en-test-0002", "local", gold, RAW)
    assert "now has the local 1 spans" in msg and (gold / "en-test.jsonl").read_bytes() == local
    assert dc._example(dc.pid, e)["spans"][0][:3] == [0, 18, "ACTOR"] and len(dc._example(dc.pid, e)["spans"]) == 1
    res = pull(dc, "p", gold, RAW)
    assert (res.conflicts, res.changes, res.unchanged) == ([], [], 1)

    dc.set_spans(dc.pid, e, [[0, 18, "ACTOR"], [27, 33, "ACTOR"]])
    write_jsonl(gold / "en-test.jsonl", records()[2:])  # and a new local edit
    assert [c.kind for c in pull(dc, "p", gold, RAW).conflicts] == ["both-edited"]
    assert "are now gold" in resolve(dc, "p", "en-test-0002", "doccano", gold, RAW)
    rec = [__import__("json").loads(x) for x in (gold / "en-test.jsonl").read_text().splitlines()][1]
    assert [(s["text"], s["label"]) for s in rec["spans"]] == [("Madeleine Albright", "ACTOR"), ("Moscow", "ACTOR")]
    assert rec["provenance"]["doccano"]["example_id"] == e
    res = pull(dc, "p", gold, RAW)
    assert (res.conflicts, res.changes) == ([], [])
    with pytest.raises(KosnlpError, match="KOS-E404 .*no example"):
        resolve(dc, "p", "en-test-0099", "local", gold, RAW)


def test_the_cli_reports_every_dropped_sentence_by_id(tmp_path, monkeypatch, capsys):
    from doccano_corpus import write_raw

    from kosnlp.cli import main
    from kosnlp.doccano import cli as dcli
    gold, data = tmp_path / "gold", tmp_path / "data"
    write_corpus(gold)
    write_raw(tmp_path / "raw")
    dc = FakeDoccano()
    monkeypatch.setattr(dcli, "connect", lambda a: dc)
    common = ["--project", "p", "--gold", str(gold), "--data-dir", str(data)]
    assert main(["doccano", "push", "--source", "gold", *common]) == 0
    dc.pid = dc.project_id("p")
    recs = records()
    recs[3]["spans"] = recs[3]["spans"][:1]
    write_jsonl(gold / "en-test.jsonl", recs[2:])  # edited locally after the push
    kept, gone, bad = eid(dc, "en-test-0002"), eid(dc, "pl-test-0001"), eid(dc, "en-test-0001")
    dc.confirm(dc.pid, kept)
    dc.delete_examples(dc.pid, [gone])
    dc.set_spans(dc.pid, bad, [[0, 99, "ACTOR"]])
    dc.confirm(dc.pid, bad)
    capsys.readouterr()
    assert main(["doccano", "pull", "--records", "--raw", str(tmp_path / "raw"), *common]) == 1
    err = capsys.readouterr().err
    assert f"kept local edits: en-test-0002 (example {kept})" in err
    assert f"deleted in doccano: pl-test-0001 (example {gone})" in err
    assert f"KOS-E409 conflict offsets en-test-0001 (example {bad})" in err
    assert oct((data / "pushed").stat().st_mode & 0o777) == "0o700"
    assert {oct(f.stat().st_mode & 0o777) for f in (data / "pushed").iterdir()} == {"0o600"}
