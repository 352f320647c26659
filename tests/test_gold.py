"""Consistency checks over the gold corpus, and the gold-building helpers."""
import json

import pytest
import yaml

from kosnlp.errors import KosnlpError
from kosnlp.gold import ents_to_spans, load_gold, surface_label_review, write_gold
from kosnlp.ingest import load_raw_corpus
from kosnlp.segment import segment


@pytest.fixture(scope="module")
def gold(root):
    raw = {d.doc_id: d.text for d in load_raw_corpus(root / "raw")}
    return load_gold(root / "annotations" / "gold", raw)


def test_gold_covers_every_sentence_of_every_document(root, gold):
    for d in load_raw_corpus(root / "raw"):
        units = [(u.start, u.end) for u in segment(d.text, d.lang)]
        assert [(r["start"], r["end"]) for r in gold if r["doc_id"] == d.doc_id] == units


def test_gold_records_are_gold_with_provenance(gold):
    assert {r["status"] for r in gold} == {"gold"}
    for r in gold:
        p = r["provenance"]
        assert p["origin"] in ("scratch", "accepted", "corrected") and p["annotator"]
        assert set(p["changes_vs_first"]) == {"added", "removed", "relabelled", "rebounded"}


def test_at_least_30_percent_double_annotated_in_both_languages(gold):
    for lang in ("pl", "en"):
        recs = [r for r in gold if r["lang"] == lang]
        double = [r for r in recs if r["provenance"]["second_annotator"]]
        assert len(double) / len(recs) >= 0.3


def test_spans_follow_boundary_rules(gold):
    bad_edges = set(" \t\n,;:!?\"“”„«»()[]'‘")
    for r in gold:
        for s in r["spans"]:
            assert s["text"][0] not in bad_edges and s["text"][-1] not in bad_edges, (r["id"], s)
            assert not s["text"].endswith(("'s", "’s")), (r["id"], s)
            assert s["text"].lower() not in ("the", "w", "in"), (r["id"], s)


def test_surface_label_review_is_justified(root, gold):
    """Every surface labelled two ways must be listed in annotations/review.yaml with a reason."""
    review = yaml.safe_load((root / "annotations" / "review.yaml").read_text(encoding="utf-8"))
    justified = {e["surface"] for e in review["justified"]}
    found = {e["surface"] for e in surface_label_review(gold)}
    assert found <= justified, sorted(found - justified)
    assert all(e["reason"] for e in review["justified"])


def test_ents_to_spans_finds_in_order_and_fails_loudly():
    spans = ents_to_spans("NATO i NATO", [["NATO", "ACTOR"], ["NATO", "ACTOR"]], "f:1")
    assert [s["start"] for s in spans] == [0, 7]
    with pytest.raises(KosnlpError, match=r"KOS-E203 f:2"):
        ents_to_spans("NATO", [["ONZ", "ACTOR"]], "f:2")
    with pytest.raises(KosnlpError, match="KOS-E203"):
        ents_to_spans("NATO", [["NATO", "ORG"]], "f:3")


def test_write_gold_refuses_invalid_records_and_keeps_files(tmp_path):
    good = {"id": "d-0001", "doc_id": "d", "lang": "en", "start": 0, "end": 4, "text": "NATO",
            "spans": [{"start": 0, "end": 4, "label": "ACTOR", "text": "NATO"}], "status": "gold"}
    write_gold([good], tmp_path)
    before = (tmp_path / "d.jsonl").read_bytes()
    bad = dict(good, spans=[{"start": 0, "end": 3, "label": "ACTOR", "text": "NATO"}])
    with pytest.raises(KosnlpError, match="KOS-E202"):
        write_gold([bad], tmp_path)
    assert (tmp_path / "d.jsonl").read_bytes() == before
    assert json.loads(before)["id"] == "d-0001"


def test_every_gold_span_has_a_norm_in_the_shared_schema(gold):
    fields = {"ACTOR": {"id", "type", "name", "name_pl"},
              "PLACE": {"id", "name", "country_code", "lat", "lon", "geonameid", "source"},
              "DATE": {"value", "start", "end", "anchor"}}
    for r in gold:
        for s in r["spans"]:
            n = s["norm"]
            assert n["status"] in ("resolved", "unresolved"), (r["id"], s)
            if n["status"] == "unresolved":
                assert n["reason"], (r["id"], s)
            else:
                assert fields[s["label"]] <= set(n), (r["id"], s, n)
                assert "method" not in n  # gold norms carry no pipeline provenance


def test_gold_norms_are_reproduced_by_resolvers_plus_review(root, gold):
    """work/build_gold.py's norms: the resolvers' candidates plus work/norms/review.yaml."""
    import copy
    from kosnlp.ingest import load_raw_corpus
    from kosnlp.normalise.gold import attach_norms
    from kosnlp.normalise.reference import document_reference
    rebuilt = copy.deepcopy(gold)
    for r in rebuilt:
        for s in r["spans"]:
            del s["norm"]
    refs = {d.doc_id: document_reference(d.meta) for d in load_raw_corpus(root / "raw")}
    review = yaml.safe_load((root / "work" / "norms" / "review.yaml").read_text(encoding="utf-8"))
    attach_norms(rebuilt, refs, review)
    assert rebuilt == gold
