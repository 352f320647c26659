import json

import pytest

from kosnlp.errors import KosnlpError
from kosnlp.records import atomic_writer, contract_problems, make_record, read_jsonl, span_problems, write_jsonl


def rec(**kw):
    r = make_record("doc", "en", 0, 0, 12, "NATO met UN.",
                    [{"start": 9, "end": 11, "label": "ACTOR", "text": "UN"},
                     {"start": 0, "end": 4, "label": "ACTOR", "text": "NATO"}])
    r.update(kw)
    return r


def test_make_record_sorts_spans_and_ids():
    r = rec()
    assert r["id"] == "doc-0001" and [s["start"] for s in r["spans"]] == [0, 9]
    assert contract_problems(r, "NATO met UN.") == []


@pytest.mark.parametrize("change,problem", [
    ({"lang": "de"}, "lang"), ({"status": "bronze"}, "status"),
    ({"spans": [{"start": 0, "end": 5, "label": "ACTOR", "text": "NATO "}]}, "outer whitespace"),
    ({"spans": [{"start": 0, "end": 4, "label": "ORG", "text": "NATO"}]}, "label"),
    ({"spans": [{"start": 0, "end": 4, "label": "ACTOR", "text": "NATO"},
                {"start": 2, "end": 6, "label": "ACTOR", "text": "TO m"}]}, "overlap"),
    ({"spans": [{"start": 9, "end": 40, "label": "ACTOR", "text": "UN"}]}, "does not fit"),
])
def test_contract_problems(change, problem):
    assert any(problem in p for p in contract_problems(rec(**change)))


def test_span_problems_of_doccano_spans():
    """The one span validator takes doccano's [start, end, label] lists as well as span dicts."""
    text = "Madeleine Albright flew"
    assert span_problems(text, [[0, 18, "ACTOR"]]) == [] == span_problems(text, [(19, 23, "DATE")])
    for spans, problem in (([[0, 19, "ACTOR"]], "outer whitespace"), ([[5, 5, "ACTOR"]], "does not fit"),
                           ([[0, 30, "ACTOR"]], "does not fit"), ([[0, 9, "PER"]], "label 'PER'"),
                           ([[0, 9, "ACTOR"], [5, 18, "ACTOR"]], "overlap"), ([["0", 9, "ACTOR"]], "int"),
                           ([[0, 9]], "neither"), (["x"], "neither")):
        probs = span_problems(text, spans)
        assert len(probs) == 1 and problem in probs[0], (spans, probs)
    assert span_problems(text, [{"start": 0, "end": 9, "label": "ACTOR"}]) == ["span text None != sentence text 'Madeleine'"]


def test_raw_mismatch_detected():
    assert contract_problems(rec(), "XATO met UN.") == ["raw[start:end] != text"]


def test_read_jsonl_names_file_and_line(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"a": 1}\n{broken\n', encoding="utf-8")
    with pytest.raises(KosnlpError, match=r"KOS-E201 .*x.jsonl:2"):
        list(read_jsonl(p))


def test_atomic_write_leaves_old_file_on_failure(tmp_path):
    p = tmp_path / "gold.jsonl"
    write_jsonl(p, [{"id": "old"}])
    before = p.read_bytes()
    with pytest.raises(RuntimeError, match="boom"):
        with atomic_writer(p) as fh:
            fh.write(json.dumps({"id": "new"}) + "\n")
            raise RuntimeError("boom")
    assert p.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == ["gold.jsonl"]
