import json

import pytest
from doccano_corpus import RAW, records, write_corpus
from fake_doccano import FakeDoccano

from kosnlp.doccano.lock import LOCK, ProjectLock
from kosnlp.doccano.pull import pull
from kosnlp.doccano.push import PENDING, digest, example_for, project_config, push, select, span_tuples
from kosnlp.errors import KosnlpError


def sids(dc, pid):
    return [e["meta"]["sentence_id"] for e in dc.examples(pid)]


def spans_of(dc, pid):
    return {e["meta"]["sentence_id"]: span_tuples(dc._example(pid, e["id"])["spans"]) for e in dc.examples(pid)}


def sent(recs):
    return {r["id"]: span_tuples(r["spans"]) for r in recs}


def test_example_carries_id_and_fingerprints():
    rec = records()[1]
    ex = example_for(rec, "b1", {"ACTOR": 1})
    assert ex["sentence_id"] == "pl-test-0002" and ex["text"] == rec["text"]
    assert ex["label"] == [[s["start"], s["end"], s["label"]] for s in rec["spans"]]
    assert ex["text_sha256"] == digest(rec["text"]) and ex["spans_sha256"] == digest(ex["label"])
    assert (ex["batch"], ex["label_ids"]) == ("b1", {"ACTOR": 1})
    assert set(ex) - {"text", "label"} == set(project_config()["meta_fields"])


def test_project_labels_have_fixed_colours_and_keys():
    labels = {lab["text"]: lab for lab in project_config()["labels"]}
    assert set(labels) == {"ACTOR", "PLACE", "DATE"}
    assert [labels[k]["suffix_key"] for k in ("ACTOR", "PLACE", "DATE")] == ["a", "p", "d"]
    assert len({lab["color"] for lab in labels.values()}) == 3


def test_push_creates_project_and_is_idempotent():
    dc = FakeDoccano()
    s = push(dc, records(), "p", "the guidelines")
    assert (s.created, s.uploaded, s.already) == (True, len(records()), 0)
    proj = dc._project(s.project_id)
    assert proj["guideline"] == "the guidelines" and set(proj["labels"]) == {"ACTOR", "PLACE", "DATE"}
    s2 = push(dc, records(), "p", "new guidelines")
    assert (s2.created, s2.uploaded, s2.already) == (False, 0, len(records()))
    assert len(proj["examples"]) == len(records()) and proj["guideline"] == "new guidelines"
    assert dc.calls.count("upload") == 1
    assert spans_of(dc, s.project_id) == sent(records()) and not dc.markers(s.project_id, PENDING)
    assert s2.examples == {e["meta"]["sentence_id"]: e["id"] for e in dc.examples(s.project_id)}


def test_push_subsets_by_document_language_and_confirmation():
    recs = records()
    assert {r["doc_id"] for r in select(recs, docs=["en-test"])} == {"en-test"}
    assert {r["lang"] for r in select(recs, lang="pl")} == {"pl"}
    recs[0]["provenance"]["doccano"] = {"confirmed_at": "2026-11-01T10:00:00Z"}
    assert recs[0]["id"] not in {r["id"] for r in select(recs, unconfirmed=True)}
    dc = FakeDoccano()
    pid = push(dc, recs, "p", "", lang="pl").project_id
    push(dc, recs, "p", "")
    pl = [r["id"] for r in recs if r["lang"] == "pl"]
    assert sids(dc, pid) == pl + [r["id"] for r in recs if r["lang"] != "pl"]


def test_default_push_leaves_out_sentences_that_have_gold():
    silver = records("silver")
    gold_ids = {silver[0]["id"], silver[3]["id"]}
    dc = FakeDoccano()
    s = push(dc, silver, "p", "", exclude=gold_ids)
    assert set(sids(dc, s.project_id)) == {r["id"] for r in silver} - gold_ids
    assert s.selected == len(silver) - len(gold_ids)


def test_push_batches_uploads():
    dc = FakeDoccano()
    s = push(dc, records(), "p", "", batch=3)
    assert s.uploaded == len(records()) and dc.calls.count("upload") == -(-len(records()) // 3)


def test_span_tuples_accept_both_shapes():
    rec = records()[0]
    assert span_tuples(rec["spans"]) == span_tuples([[s["start"], s["end"], s["label"]] for s in rec["spans"]])
    assert json.dumps(span_tuples([[5, 9, "ACTOR"], [0, 3, "DATE"]])) == '[[0, 3, "DATE"], [5, 9, "ACTOR"]]'


class Interrupted(FakeDoccano):
    """doccano stopped in the middle of an import: a chunk's examples are committed, their spans not."""

    def __init__(self, keep_spans: int):
        super().__init__()
        self.keep_spans, self.down = keep_spans, True

    def upload_jsonl(self, pid, path):
        super().upload_jsonl(pid, path)
        if self.down:
            self.down = False
            for e in self._project(pid)["examples"][self.keep_spans:]:
                e["spans"] = []
            raise KosnlpError("KOS-E401", "import status: server unreachable after 5 attempts", where="fake")


def test_interrupted_push_then_rerun_leaves_no_example_without_its_spans():
    dc = Interrupted(keep_spans=1)
    recs = records()
    with pytest.raises(KosnlpError, match="KOS-E401"):
        push(dc, recs, "p", "")
    pid = dc.find_project("p")
    assert spans_of(dc, pid) != sent(recs)  # the state the interruption left
    assert len(dc.markers(pid, PENDING)) == 1
    s = push(dc, recs, "p", "", settle=0.01)
    assert spans_of(dc, pid) == sent(recs) and sorted(sids(dc, pid)) == sorted(sent(recs))
    assert sorted(s.repaired) == sorted(r["id"] for r in recs[1:] if r["spans"])
    assert (s.uploaded, s.unrepaired, dc.markers(pid, PENDING)) == (0, {}, [])
    again = push(dc, recs, "p", "")  # converged: nothing more to do
    assert (again.uploaded, again.repaired, again.unrepaired) == (0, [], {})


def test_incomplete_import_is_a_conflict_on_pull_never_a_deletion(tmp_path):
    gold = tmp_path / "gold"
    write_corpus(gold)
    before = {f.name: f.read_bytes() for f in gold.iterdir()}
    dc = Interrupted(keep_spans=0)
    with pytest.raises(KosnlpError, match="KOS-E401"):
        push(dc, records(), "p", "")  # push --source gold, for review
    pid = dc.find_project("p")
    for e in dc.examples(pid):
        dc.confirm(pid, e["id"])  # an annotator confirms what they see: sentences without spans
    res = pull(dc, "p", gold, RAW)
    assert {c.kind for c in res.conflicts} == {"incomplete-import"}
    assert {c.where.split()[0] for c in res.conflicts} == {r["id"] for r in records() if r["spans"]}
    assert all(str(c).startswith("KOS-E404 conflict incomplete-import") for c in res.conflicts)
    assert not res.changes and {f.name: f.read_bytes() for f in gold.iterdir()} == before


def test_unrepairable_examples_are_reported_or_sent_again():
    dc = Interrupted(keep_spans=0)
    recs = records()
    with pytest.raises(KosnlpError, match="KOS-E401"):
        push(dc, recs, "p", "")
    pid = dc.find_project("p")
    ex = {e["meta"]["sentence_id"]: e["id"] for e in dc.examples(pid)}
    dc.confirm(pid, ex["en-test-0002"])  # confirmed, spans missing, and the local record changed since
    recs[3]["spans"] = recs[3]["spans"][:1]
    recs[1]["spans"] = recs[1]["spans"][:1]  # unconfirmed: deleted and sent again with the new spans
    s = push(dc, recs, "p", "", settle=0.01)
    assert list(s.unrepaired) == ["en-test-0002"] and "do not hold them" in s.unrepaired["en-test-0002"]
    now = spans_of(dc, pid)
    assert now["pl-test-0002"] == sent(recs)["pl-test-0002"] and now["en-test-0002"] == []
    assert len(dc.markers(pid, PENDING)) == 1  # stays pending: pull reports a conflict, resolve settles it


def test_duplicates_are_removed_unless_someone_worked_on_them():
    dc = FakeDoccano()
    pid = push(dc, records(), "p", "").project_id
    proj = dc._project(pid)
    a, b, c = proj["examples"][:3]
    dc.confirm(pid, c["id"])
    proj["examples"] += [dict(a, id=900, spans=[list(x) for x in a["spans"]]),  # an unedited copy
                         dict(b, id=901, spans=[], states=[{"confirmed_by": 1, "confirmed_at": "t"}]),
                         dict(c, id=902, spans=[], states=[{"confirmed_by": 1, "confirmed_at": "t"}])]
    s = push(dc, records(), "p", "")
    # a: the copy goes; b: the confirmed copy wins over the unedited original; c: two confirmed, one reported
    assert sorted(s.duplicates_removed) == [(a["meta"]["sentence_id"], 900), (b["meta"]["sentence_id"], b["id"])]
    assert s.duplicates_kept == [(c["meta"]["sentence_id"], 902)]
    assert sorted(sids(dc, pid)) == sorted([r["id"] for r in records()] + [c["meta"]["sentence_id"]])


def test_label_swap_or_rename_is_refused_before_anything_is_sent():
    dc = FakeDoccano()
    pid = push(dc, records()[:2], "p", "").project_id
    labels = dc._project(pid)["labels"]
    labels["ACTOR"], labels["PLACE"] = labels["PLACE"], labels["ACTOR"]  # names swapped in doccano
    with pytest.raises(KosnlpError, match="KOS-E413 .*label ACTOR is label id"):
        push(dc, records(), "p", "")
    labels["ACTOR"], labels["PLACE"] = labels["PLACE"], labels["ACTOR"]
    labels["PERSON"] = labels.pop("ACTOR")
    with pytest.raises(KosnlpError, match="KOS-E413 .*label ACTOR is missing"):
        push(dc, records(), "p", "")
    assert len(list(dc.examples(pid))) == 2


def test_lock_serialises_pushes_across_machines(tmp_path):
    dc = FakeDoccano()
    pid = push(dc, records(), "p", "").project_id
    with ProjectLock(dc, pid, "p", tmp_path / "machine-a"):
        with pytest.raises(KosnlpError, match="KOS-E414 .*locked by another push or pull"):
            with ProjectLock(dc, pid, "p", tmp_path / "machine-b", wait=0.3, poll=0.05):
                pass
        with pytest.raises(KosnlpError, match="KOS-E414 .*this machine"):
            with ProjectLock(dc, pid, "p", tmp_path / "machine-a", wait=0.3, poll=0.05):
                pass
        with pytest.raises(KosnlpError, match="KOS-E414"):
            push(dc, records(), "p", "", lock=lambda p: ProjectLock(dc, p, "p", tmp_path / "b", wait=0.2, poll=0.05))
    assert not dc.markers(pid, LOCK)
    with ProjectLock(dc, pid, "p", tmp_path / "machine-b"):
        assert len(dc.markers(pid, LOCK)) == 1


def test_a_lock_left_behind_is_taken_over(tmp_path):
    dc = FakeDoccano()
    pid = push(dc, records(), "p", "").project_id
    dc.add_marker(pid, LOCK, "#123456")  # a killed process of another machine; never refreshed
    messages = []
    with ProjectLock(dc, pid, "p", tmp_path, stale=0.2, poll=0.05, say=messages.append):
        pass
    assert any("not refreshed" in m for m in messages)
    mine = ProjectLock(dc, pid, "p", tmp_path)
    dc.add_marker(pid, LOCK, mine.owner)  # left by a killed run of this machine and data dir: replaced at once
    with ProjectLock(dc, pid, "p", tmp_path, wait=0.1, poll=0.05):
        pass
    assert not dc.markers(pid, LOCK)


def test_a_refreshed_lock_is_waited_for(tmp_path):
    dc = FakeDoccano()
    pid = push(dc, records(), "p", "").project_id
    with ProjectLock(dc, pid, "p", tmp_path / "a", beat=0.05):
        with pytest.raises(KosnlpError, match="KOS-E414"):
            with ProjectLock(dc, pid, "p", tmp_path / "b", wait=0.6, stale=0.2, poll=0.05):
                pass


class StillImporting(FakeDoccano):
    """The import of a killed client still runs on the server: each look at the count moves it on."""

    def __init__(self):
        super().__init__()
        self.steps = []

    def count_examples(self, pid):
        if self.steps:
            self.steps.pop(0)()
        return super().count_examples(pid)


def test_repair_waits_until_an_import_still_running_is_done():
    dc = StillImporting()
    recs = records()
    pid = push(dc, recs[:2], "p", "").project_id
    a = dc._project(pid)["examples"][1]
    batch, ids = a["meta"]["batch"], a["meta"]["label_ids"]
    dc.add_marker(pid, PENDING + batch)  # as if the client had been killed before the import's end
    a_spans, a["spans"] = a["spans"], []
    b = dict(example_for(recs[2], batch, ids))
    b_example = {"id": 9999, "text": b.pop("text"), "states": [], "spans": [],
                 "meta": {k: v for k, v in b.items() if k != "label"}}

    def chunk_one_done():  # a's spans land, the next chunk's example b is created without its spans
        a["spans"] = a_spans
        dc._project(pid)["examples"].append(b_example)

    def chunk_two_done():
        b_example["spans"] = [[*x, 10_000 + i] for i, x in enumerate(b["label"])]

    dc.steps = [chunk_one_done, chunk_two_done]
    s = push(dc, recs[:3], "p", "", settle=0.01)
    assert (s.uploaded, s.repaired, dc.calls.count("create span")) == (0, [], 0)  # the import's spans, not a repair's
    assert spans_of(dc, pid) == sent(recs[:3])


def test_unlock_removes_the_server_side_lock(tmp_path):
    from kosnlp.doccano.lock import unlock
    dc = FakeDoccano()
    pid = push(dc, records(), "p", "").project_id
    dc.add_marker(pid, LOCK, "#abcdef")
    assert unlock(dc, pid) == 1 and not dc.markers(pid, LOCK) and unlock(dc, pid) == 0


def test_a_pending_example_is_not_deleted_by_a_push_that_will_not_send_it_again():
    dc = Interrupted(keep_spans=0)
    gold = records()
    with pytest.raises(KosnlpError, match="KOS-E401"):
        push(dc, gold, "p", "")  # --source gold, interrupted
    pid = dc.find_project("p")
    silver = records("silver")
    for r in silver:
        r["spans"] = r["spans"][:1]  # the pipeline's spans differ from gold's
    s = push(dc, silver, "p", "", exclude={r["id"] for r in gold}, settle=0.01)  # the default push: no gold
    assert sorted(sids(dc, pid)) == sorted(r["id"] for r in gold) and s.uploaded == 0
    differ = {r["id"] for r, q in zip(gold, silver) if span_tuples(r["spans"]) != span_tuples(q["spans"])}
    assert differ and sorted(s.unrepaired) == sorted(differ)  # the others are repaired from identical spans
    s = push(dc, gold, "p", "", settle=0.01)  # the push that sent them, again
    assert spans_of(dc, pid) == sent(gold) and not s.unrepaired and not dc.markers(pid, PENDING)
