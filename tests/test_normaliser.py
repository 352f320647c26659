"""The kosnlp_normaliser component, the reference date's way into it, the gold norms'
review, and the normalisation score. Texts are written for the tests."""
import json
import subprocess
import sys

import pytest
import spacy
import yaml
from spacy.tokens import Span

from kosnlp.annotate import annotate_files, records_for
from kosnlp.components.normaliser import Normaliser
from kosnlp.errors import KosnlpError
from kosnlp.normalise.gold import apply_review, candidate_norms
from kosnlp.normalise.reference import document_reference, reference_date_for
from kosnlp.normalise.score import normalisation


@pytest.fixture(scope="module")
def component(norm_tables):
    c = Normaliser(spacy.blank("en"), lang="en")
    c._tables = norm_tables
    return c


def _doc(text, ents):
    nlp = spacy.blank("en")
    doc = nlp(text)
    spans = []
    for sub, label, ent_id in ents:
        i = text.index(sub)
        s = doc.char_span(i, i + len(sub), label=label)
        spans.append(Span(doc, s.start, s.end, label=label, span_id=ent_id))
    doc.ents = spans
    return doc


def test_component_sets_norm_on_blank_doc(component):
    doc = _doc("Moscow said on Tuesday that Talbott would fly to Raczak.",
               [("Moscow", "ACTOR", "capital:524901"), ("Tuesday", "DATE", ""), ("Talbott", "ACTOR", ""),
                ("Raczak", "PLACE", "")])
    doc = component(doc, reference_date="1999-06-10")
    norms = {e.text: e._.norm for e in doc.ents}
    assert norms["Moscow"]["id"] == "state:ru"
    assert norms["Tuesday"]["value"] == "1999-06-08" and norms["Tuesday"]["anchor"] == "reference_date"
    assert norms["Talbott"]["id"] == "person:talbott-strobe"
    assert norms["Raczak"]["id"] == "place:racak"


def test_reference_from_doc_extension_and_previous_date(component):
    doc = _doc("Talks began on 18 March 1999 and failed two days later.",
               [("18 March 1999", "DATE", ""), ("two days later", "DATE", "")])
    n = [e._.norm for e in component(doc).ents]
    assert n[1]["value"] == "1999-03-20" and n[1]["anchor"] == "previous_date"
    doc = _doc("It happened on Monday.", [("Monday", "DATE", "")])
    assert component(doc).ents[0]._.norm == {"status": "unresolved", "reason": "no anchor"}
    doc = _doc("It happened on Monday.", [("Monday", "DATE", "")])
    doc._.reference_date = "1999-06-10"
    assert component(doc).ents[0]._.norm["value"] == "1999-06-07"


def test_tables_round_trip_to_disk(component, tmp_path):
    component.to_disk(tmp_path)
    other = Normaliser(spacy.blank("en"), lang="en").from_disk(tmp_path)
    assert other.tables["entities"]["state:ru"]["name"] == "Russia"
    doc = _doc("Jelcyn", [("Jelcyn", "ACTOR", "")])
    assert other(doc).ents[0]._.norm["id"] == "person:yeltsin-boris"
    again = Normaliser(spacy.blank("en"), lang="en").from_bytes(component.to_bytes())
    assert again.tables["surfaces"]["pl"]["Rosji"] == ["state:ru"]


def test_pipeline_records_carry_norms(nlp_pl):
    text = "Rosja wysłała 30 marca do Belgradu premiera Jewgienija Primakowa.\nNastępnego dnia Miloszewić spotkał się z nim."
    recs = list(records_for("t", "pl", text, nlp_pl, reference_date="1999"))
    spans = {s["text"]: s["norm"] for r in recs for s in r["spans"]}
    assert spans["Rosja"]["id"] == "state:ru"
    assert spans["30 marca"]["value"] == "1999-03-30"
    assert spans["Belgradu"]["id"] == "geonames:792680"
    assert spans["Następnego dnia"]["value"] == "1999-03-31"
    assert all("norm" in s for r in recs for s in r["spans"])


def test_saved_model_normalises_in_a_fresh_interpreter(tmp_path, nlp_en):
    nlp_en.to_disk(tmp_path / "m")
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "d = nlp('Albright met Milosevic in Belgrade.'); print([e._.norm['id'] for e in d.ents])")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "m")], capture_output=True, text=True, check=True)
    assert "person:albright-madeleine" in out.stdout and "person:milosevic-slobodan" in out.stdout


def test_annotate_uses_manifest_beside_the_file(tmp_path, nlp_en):
    f = tmp_path / "news.txt"
    f.write_text("Russia said on Tuesday it would join the force.", encoding="utf-8")
    other = tmp_path / "other" / "news-copy.txt"  # not listed in a manifest beside it (doc ids are unique per run)
    other.parent.mkdir()
    other.write_text("Russia said on Tuesday it would join the force.", encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump({"documents": [
        {"doc_id": "news", "file": "news.txt", "lang": "en", "sha256": "x", "reference_date": "1999-06-10"}]}))
    assert reference_date_for(f) == "1999-06-10" and reference_date_for(other) is None
    out = tmp_path / "out.jsonl"
    annotate_files([f, other], "en", out, lambda lang: nlp_en, progress=False)
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    tue = [s["norm"] for r in recs for s in r["spans"] if s["text"] == "Tuesday"]
    assert tue[0]["value"] == "1999-06-08"
    assert tue[1] == {"status": "unresolved", "reason": "no anchor"}


def test_document_reference_and_bad_manifest_values():
    assert document_reference({"reference_date": "1999-06-08", "period": "1999"}) == "1999-06-08"
    assert document_reference({"reference_date": None, "period": "1999"}) == "1999"
    assert document_reference({}) is None
    with pytest.raises(KosnlpError, match="KOS-E501"):
        document_reference({"doc_id": "d", "reference_date": "8 June 1999"})


def _gold():
    return [{"id": "d-0001", "doc_id": "d", "lang": "pl", "start": 0, "end": 40,
             "text": "Solanę i Rosję 30 marca odwiedził Kowan.",
             "spans": [{"start": 0, "end": 6, "label": "ACTOR", "text": "Solanę"},
                       {"start": 9, "end": 14, "label": "ACTOR", "text": "Rosję"},
                       {"start": 15, "end": 23, "label": "DATE", "text": "30 marca"},
                       {"start": 34, "end": 39, "label": "ACTOR", "text": "Kowan"}], "status": "gold"}]


def test_gold_candidates_and_review(norm_tables):
    gold = _gold()
    candidate_norms(gold, {"d": "1999"}, norm_tables)
    n = [s["norm"] for s in gold[0]["spans"]]
    assert n[0]["id"] == "person:solana-javier" and n[1]["id"] == "state:ru" and n[2]["value"] == "1999-03-30"
    assert n[3]["status"] == "unresolved" and "method" not in n[0]
    fix = {"status": "resolved", "id": "person:kavan-jan", "type": "person", "name": "Jan Kavan", "name_pl": "Jan Kavan"}
    assert apply_review(gold, [{"id": "d-0001", "text": "Kowan", "norm": fix, "reason": "misspelling"}]) == 1
    assert gold[0]["spans"][3]["norm"]["id"] == "person:kavan-jan"
    with pytest.raises(KosnlpError, match="KOS-E502"):
        apply_review(gold, [{"id": "d-0001", "text": "Kavan", "norm": fix, "reason": "x"}])
    with pytest.raises(KosnlpError, match="KOS-E502"):
        apply_review(gold, [{"id": "d-0001", "text": "Kowan", "norm": fix}])


def test_normalisation_score_per_label(norm_tables):
    gold = _gold()
    candidate_norms(gold, {"d": "1999"}, norm_tables)
    pred = json.loads(json.dumps(gold))
    pred[0]["status"] = "silver"
    pred[0]["spans"][2]["norm"] = {"status": "resolved", "value": "1998-03-30", "start": "1998-03-30", "end": "1998-03-30"}
    del pred[0]["spans"][0]  # a missed span
    rep = normalisation(gold, pred)
    assert rep["labels"]["DATE"] == {"gold": 1, "matched": 1, "correct": 0, "accuracy": 0.0, "end_to_end": 0.0}
    assert rep["labels"]["ACTOR"] == {"gold": 3, "matched": 2, "correct": 2, "accuracy": 1.0, "end_to_end": 0.6667}
    assert rep["unresolved"]["gold"]["ACTOR"] == {"total": 1, "reasons": {"not in registry": 1}}
    assert rep["errors"][0]["text"] == "30 marca"
    assert [(m["side"], m["text"], m["reason"]) for m in rep["unresolved_mentions"]] == [
        ("gold", "Kowan", "not in registry"), ("pipeline", "Kowan", "not in registry")]


def test_linking_without_alias_tables_uses_keys_lemmas_and_stems(norm_tables):
    from kosnlp.normalise.score import without_alias_tables
    gold = [{"id": "d-0001", "doc_id": "d", "lang": "pl", "start": 0, "end": 60,
             "text": "Unii Europejskiej, Moskwą i Jelcynowi pomogli w Prisztinie.",
             "spans": [{"start": 0, "end": 17, "label": "ACTOR", "text": "Unii Europejskiej",
                        "norm": {"status": "resolved", "id": "organisation:eu"}},
                       {"start": 19, "end": 25, "label": "ACTOR", "text": "Moskwą",
                        "norm": {"status": "resolved", "id": "state:ru"}},
                       {"start": 28, "end": 37, "label": "ACTOR", "text": "Jelcynowi",
                        "norm": {"status": "resolved", "id": "person:yeltsin-boris"}},
                       {"start": 48, "end": 58, "label": "PLACE", "text": "Prisztinie",
                        "norm": {"status": "resolved", "id": "geonames:786714"}}], "status": "gold"}]
    rep = without_alias_tables(gold, norm_tables)
    assert rep["labels"]["ACTOR"] == {"spans": 3, "correct": 3, "wrong": 0, "unresolved": 0, "accuracy": 1.0}, rep
    assert rep["labels"]["PLACE"]["correct"] == 1 and rep["misses"] == []
