"""Consistency checks over the gold corpus, and the gold-building helpers."""
import json

import pytest
import yaml

from kosnlp.errors import KosnlpError
from kosnlp.gold import coverage, ents_to_spans, load_gold, surface_label_review, write_gold
from kosnlp.ingest import load_raw_corpus
from kosnlp.segment import segment


@pytest.fixture(scope="module")
def gold(corpus_root):
    raw = {d.doc_id: d.text for d in load_raw_corpus(corpus_root / "raw")}
    return load_gold(corpus_root / "annotations" / "gold", raw)


def test_gold_sentences_are_the_segmenters_sentences(corpus_root, gold):
    """Each document's gold is its segmented sentences: all of them (complete) or some (partial)."""
    cov = coverage(gold, load_raw_corpus(corpus_root / "raw"))
    for d in load_raw_corpus(corpus_root / "raw"):
        units = [(u.start, u.end) for u in segment(d.text, d.lang)]
        mine = [(r["start"], r["end"]) for r in sorted(gold, key=lambda r: r["start"]) if r["doc_id"] == d.doc_id]
        assert set(mine) <= set(units), d.doc_id
        state = cov["documents"][d.doc_id]["state"]
        assert state == ("complete" if mine == units else "partial" if mine else "none"), d.doc_id
        assert cov["documents"][d.doc_id]["gold"] == len(mine) and cov["documents"][d.doc_id]["sentences"] == len(units)


def test_gold_records_are_gold_with_provenance(gold):
    """Made in the workspace (origin scratch: annotator, changes against the first annotation) or
    confirmed in doccano (origin accepted / corrected: who confirmed it, changes against the push)."""
    assert {r["status"] for r in gold} == {"gold"}
    for r in gold:
        p = r["provenance"]
        assert p["origin"] in ("scratch", "accepted", "corrected"), r["id"]
        if p["origin"] == "scratch":
            assert p["annotator"] and set(p["changes_vs_first"]) == {"added", "removed", "relabelled", "rebounded"}
        else:
            assert p["doccano"]["example_id"] and "confirmed_at" in p["doccano"], r["id"]
            assert set(p["changes_vs_pushed"]) == {"added", "removed", "relabelled", "rebounded"}
            assert (p["origin"] == "accepted") == (sum(p["changes_vs_pushed"].values()) == 0), r["id"]


def test_at_least_30_percent_of_scratch_annotation_double_annotated_in_both_languages(gold):
    """The workspace's rule: of the sentences annotated from scratch, at least 30% per language
    were annotated a second time, independently."""
    for lang in {r["lang"] for r in gold if r["provenance"]["origin"] == "scratch"}:
        recs = [r for r in gold if r["lang"] == lang and r["provenance"]["origin"] == "scratch"]
        double = [r for r in recs if r["provenance"].get("second_annotator")]
        assert len(double) / len(recs) >= 0.3, lang


def test_spans_follow_boundary_rules(gold):
    bad_edges = set(" \t\n,;:!?\"“”„«»()[]'‘")
    for r in gold:
        for s in r["spans"]:
            assert s["text"][0] not in bad_edges and s["text"][-1] not in bad_edges, (r["id"], s)
            assert not s["text"].endswith(("'s", "’s")), (r["id"], s)
            assert s["text"].lower() not in ("the", "w", "in"), (r["id"], s)


def test_surface_label_review_is_justified(corpus_root, gold):
    """Every surface labelled two ways must be listed in annotations/review.yaml with a reason."""
    review = yaml.safe_load((corpus_root / "annotations" / "review.yaml").read_text(encoding="utf-8"))
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


def test_gold_norms_are_reproduced_by_resolvers_plus_reviews(corpus_root, gold):
    """Every gold norm is the resolvers' candidate, corrected by reading: in work/norms/review.yaml
    (the workspace's gold) or by `kosnlp norms review set` (recorded with its reason)."""
    import copy
    from kosnlp.ingest import load_raw_corpus
    from kosnlp.normalise.gold import attach_norms
    from kosnlp.normalise.reference import document_reference
    rebuilt = copy.deepcopy(gold)
    for r in rebuilt:
        for s in r["spans"]:
            del s["norm"]
    refs = {d.doc_id: document_reference(d.meta) for d in load_raw_corpus(corpus_root / "raw")}
    review = yaml.safe_load((corpus_root / "work" / "norms" / "review.yaml").read_text(encoding="utf-8"))
    attach_norms(rebuilt, refs, review)
    by_id = {r["id"]: r for r in gold}
    for r in rebuilt:
        for entry in r.get("provenance", {}).get("norms_reviewed", []):
            if entry["action"] == "set":
                assert entry["reason"], r["id"]
                (span,) = [s for s in r["spans"] if (s["start"], s["end"], s["label"]) ==
                           (entry["start"], entry["end"], entry["label"])]
                (theirs,) = [s for s in by_id[r["id"]]["spans"] if s["start"] == span["start"]]
                assert entry["previous"] == span["norm"], r["id"]  # what the resolvers gave
                span["norm"] = theirs["norm"]
    assert rebuilt == gold


def test_gold_from_silver_flags_or_reviews_every_norm(gold):
    """A sentence that became gold in doccano (origin accepted / corrected: it was silver) has a
    norm on every span that is either checked by reading (norms_reviewed) or flagged (norms_to_check)."""
    for r in gold:
        p = r["provenance"]
        flagged = {tuple(x) for x in p.get("norms_to_check", [])}
        reviewed = {(e["start"], e["end"], e["label"]) for e in p.get("norms_reviewed", [])}
        assert not flagged & reviewed, r["id"]
        assert flagged <= {(s["start"], s["end"], s["label"]) for s in r["spans"]}, r["id"]
        if p["origin"] != "scratch":
            for s in r["spans"]:
                assert "method" not in s["norm"], r["id"]  # never the pipeline's norm
                assert (s["start"], s["end"], s["label"]) in flagged | reviewed, r["id"]
