import json

from doccano_corpus import records
from fake_doccano import FakeDoccano

from kosnlp.doccano.push import digest, example_for, project_config, push, select, span_tuples


def test_example_carries_id_and_fingerprints():
    rec = records()[1]
    ex = example_for(rec)
    assert ex["sentence_id"] == "pl-test-0002" and ex["text"] == rec["text"]
    assert ex["label"] == [[s["start"], s["end"], s["label"]] for s in rec["spans"]]
    assert ex["text_sha256"] == digest(rec["text"]) and ex["spans_sha256"] == digest(ex["label"])
    assert set(ex) - {"text", "label"} == set(project_config()["meta_fields"])


def test_project_labels_have_fixed_colours_and_keys():
    labels = {lab["text"]: lab for lab in project_config()["labels"]}
    assert set(labels) == {"ACTOR", "PLACE", "DATE"}
    assert [labels[k]["suffix_key"] for k in ("ACTOR", "PLACE", "DATE")] == ["a", "p", "d"]
    assert len({lab["color"] for lab in labels.values()}) == 3


def test_push_creates_project_and_is_idempotent():
    dc = FakeDoccano()
    s = push(dc, records(), "p", "the guidelines")
    assert (s.created, s.uploaded, s.already) == (True, 4, 0)
    proj = dc.projects["p"]
    assert proj["guideline"] == "the guidelines" and set(proj["labels"]) == {"ACTOR", "PLACE", "DATE"}
    s2 = push(dc, records(), "p", "new guidelines")
    assert (s2.created, s2.uploaded, s2.already) == (False, 0, 4)
    assert len(proj["examples"]) == 4 and proj["guideline"] == "new guidelines"
    assert dc.calls.count("upload") == 1


def test_push_subsets_by_document_language_and_confirmation():
    recs = records()
    assert {r["doc_id"] for r in select(recs, docs=["en-test"])} == {"en-test"}
    assert {r["lang"] for r in select(recs, lang="pl")} == {"pl"}
    recs[0]["provenance"]["doccano"] = {"confirmed_at": "2026-11-01T10:00:00Z"}
    assert recs[0]["id"] not in {r["id"] for r in select(recs, unconfirmed=True)}
    dc = FakeDoccano()
    push(dc, recs, "p", "", lang="pl")
    push(dc, recs, "p", "")
    ids = [e["meta"]["sentence_id"] for e in dc.examples(1)]
    assert ids == ["pl-test-0001", "pl-test-0002", "en-test-0001", "en-test-0002"]


def test_push_batches_uploads():
    dc = FakeDoccano()
    s = push(dc, records(), "p", "", batch=3)
    assert s.uploaded == 4 and dc.calls.count("upload") == 2


def test_span_tuples_accept_both_shapes():
    rec = records()[0]
    assert span_tuples(rec["spans"]) == span_tuples([[s["start"], s["end"], s["label"]] for s in rec["spans"]])
    assert json.dumps(span_tuples([[5, 9, "ACTOR"], [0, 3, "DATE"]])) == '[[0, 3, "DATE"], [5, 9, "ACTOR"]]'
