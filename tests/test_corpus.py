"""load_corpus: DataFrames of sentences, mentions and documents; norms flattened when present."""
import json

import pandas as pd
import pytest
import yaml

from kosnlp import load_corpus
from kosnlp.corpus import actor_timeline, flatten
from kosnlp.errors import KosnlpError
from synthetic import record as _rec, project as _project, synthetic_with_norms


def test_gold_loads_from_the_project_directory(corpus_root, monkeypatch):
    root = corpus_root
    monkeypatch.chdir(root / "raw")          # found from a subdirectory too
    c = load_corpus()
    gold = [json.loads(x) for f in sorted((root / "annotations" / "gold").glob("*.jsonl"))
            for x in f.read_text(encoding="utf-8").splitlines()]
    assert len(c.sentences) == len(gold) and len(c.mentions) == sum(len(r["spans"]) for r in gold)
    assert set(c.documents.doc_id) == {r["doc_id"] for r in gold}
    assert c.documents.sentences.sum() == len(gold) and c.documents.mentions.sum() == len(c.mentions)
    assert c.version == yaml.safe_load((root / "raw" / "manifest.yaml").read_text(encoding="utf-8"))["corpus_version"]
    # mention offsets index the sentence text, doc offsets index the raw document
    sent_text = dict(zip(c.sentences.sentence_id, c.sentences.text))
    for m in c.mentions.itertuples():
        assert sent_text[m.sentence_id][m.start:m.end] == m.text
    raw = {d: (root / "raw" / f).read_text(encoding="utf-8") for d, f in zip(c.documents.doc_id, c.documents.file)}
    for m in c.mentions.head(50).itertuples():
        assert raw[m.doc_id][m.doc_start:m.doc_end] == m.text
    man = {d["doc_id"]: d for d in yaml.safe_load((root / "raw" / "manifest.yaml").read_text(encoding="utf-8"))["documents"]}
    for d in c.documents.itertuples():
        assert d.title == man[d.doc_id]["title"]
        ref = man[d.doc_id].get("reference_date")
        assert (str(d.reference_date.date()) == ref) if ref else d.reference_date is pd.NaT
    # since corpus 0.2.0 every gold span carries a norm (flattened into norm_* columns)
    m = c.mentions
    assert m.norm_status.isin(["resolved", "unresolved"]).all()
    resolved = m[m.norm_status == "resolved"]
    assert resolved[resolved.label != "DATE"].norm_id.notna().all()
    assert resolved[resolved.label == "DATE"].norm_value.notna().all()
    unresolved = m[m.norm_status == "unresolved"]
    assert unresolved.empty or unresolved.norm_reason.notna().all()


def test_no_corpus_is_a_coded_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(KosnlpError, match="KOS-E601"):
        load_corpus()
    (tmp_path / "c.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(KosnlpError, match="KOS-E602"):
        load_corpus(tmp_path / "c.jsonl", manifest=tmp_path / "raw" / "manifest.yaml")


def test_any_contract_jsonl_loads_without_a_manifest(tmp_path):
    """A user's own records: no raw/manifest.yaml anywhere above them, no corpus version."""
    f = tmp_path / "mine.jsonl"
    f.write_text(json.dumps(_rec("x-0001", "x", "NATO met in Rome.", [("NATO", "ACTOR", None)])) + "\n",
                 encoding="utf-8")
    c = load_corpus(f)
    assert list(c.documents.doc_id) == ["x"] and c.documents.title.isna().all()
    assert list(c.mentions.text) == ["NATO"] and c.version is None


def test_no_corpus_version_for_records_the_manifest_does_not_list(tmp_path):
    p = _project(tmp_path, [_rec("d1-0001", "d1", "NATO.", [("NATO", "ACTOR", None)])], [("d1", "en", None)])
    assert load_corpus(p).version == "9.9.9"
    mine = p / "mine.jsonl"  # in the project, beside its raw/, but not one of its documents
    mine.write_text(json.dumps(_rec("other-0001", "other", "NATO.", [("NATO", "ACTOR", None)])) + "\n",
                    encoding="utf-8")
    c = load_corpus(mine)
    assert c.version is None and c.documents.title.isna().all()


def test_norms_are_flattened_generically(tmp_path):
    c = load_corpus(synthetic_with_norms(tmp_path))
    m = c.mentions.set_index(["sentence_id", "text"])
    assert m.loc[("d1-0001", "Milosevic"), "norm_id"] == "person:slobodan-milosevic"
    assert m.loc[("d1-0001", "Milosevic"), "norm_name_pl"] == "Slobodan Milošević"
    assert m.loc[("d1-0001", "Belgrade"), "norm_lat"] == 44.8
    assert m.loc[("d1-0001", "30 March 1999"), "norm_start"] == "1999-03-30"
    assert m.loc[("d1-0001", "30 March 1999"), "norm_extra_calendar"] == "gregorian"  # nested key, no code change
    assert m.loc[("d1-0002", "spring"), "norm_reason"] == "season"
    assert c.version == "9.9.9"


def test_actor_timeline_uses_sentence_date_else_reference_date(tmp_path):
    tl = actor_timeline(load_corpus(synthetic_with_norms(tmp_path)))
    got = {(r.sentence_id, r.actor_id): (str(r.time.date()), r.time_source) for r in tl.itertuples()}
    assert got == {
        ("d1-0001", "person:slobodan-milosevic"): ("1999-03-30", "sentence DATE"),
        ("d1-0001", "state:ru"): ("1999-03-30", "sentence DATE"),
        ("d1-0002", "person:slobodan-milosevic"): ("1999-04-02", "document reference date"),
        ("d2-0001", "state:ru"): ("1999-06-08", "document reference date"),
        # d3 has no date and no reference date; the unresolved actor has no id
    }
    assert set(tl.actor_name) == {"Slobodan Milosevic", "Russia"}


def test_actor_timeline_is_empty_without_norms(tmp_path):
    p = _project(tmp_path, [_rec("d1-0001", "d1", "NATO.", [("NATO", "ACTOR", None)])], [("d1", "en", None)])
    assert actor_timeline(load_corpus(p)).empty


def test_actor_timeline_of_the_gold(corpus_root):
    t = actor_timeline(load_corpus(corpus_root))
    m = load_corpus(corpus_root).mentions
    assert 0 < len(t) <= (m.label == "ACTOR").sum()
    assert set(t.time_source) <= {"sentence DATE", "document reference date"}
    assert t.time.notna().all() and t.actor_id.str.contains(":").all()


def test_bad_record_names_file_and_line(tmp_path):
    p = _project(tmp_path, [_rec("d1-0001", "d1", "NATO.", [("NATO", "ACTOR", None)])], [("d1", "en", None)])
    f = p / "annotations" / "gold" / "x.jsonl"
    f.write_text(f.read_text(encoding="utf-8") + '{"id": "d1-0002"}\n', encoding="utf-8")
    with pytest.raises(KosnlpError, match=r"KOS-E202 .*x\.jsonl:2"):
        load_corpus(p)


def test_flatten():
    assert flatten({"a": 1, "b": {"c": 2, "d": {"e": [3]}}}, "norm") == {"norm_a": 1, "norm_b_c": 2, "norm_b_d_e": [3]}
