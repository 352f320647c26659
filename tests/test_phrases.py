"""The compiled gazetteer (kosnlp.components.phrases) finds what spaCy's PhraseMatcher
finds with the same patterns, also after patterns are removed and added again."""
from pathlib import Path

import pytest
from spacy.matcher import PhraseMatcher

from kosnlp.compiled import read_patterns
from kosnlp.ingest import load_raw_corpus
from kosnlp.pipeline import load, make_doc

ROOT = Path(__file__).resolve().parents[1]


def phrase_matcher(nlp, patterns) -> PhraseMatcher:
    """A PhraseMatcher holding the patterns as the span ruler adds them (tokenizer only)."""
    pm = PhraseMatcher(nlp.vocab, attr="ORTH")
    for p in patterns:
        pm.add(repr((p["label"], p["id"])), [nlp.make_doc(p["pattern"])])
    return pm


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_compiled_phrases_match_as_the_phrase_matcher(lang):
    nlp = load(lang)
    ruler = nlp.get_pipe("kosnlp_gazetteer")
    patterns = read_patterns(f"gazetteer_{lang}.jsonl")
    assert len(ruler.patterns) == len(patterns) and list(ruler.patterns) == patterns
    pm = phrase_matcher(nlp, patterns)
    texts = [d.text for d in load_raw_corpus(ROOT / "raw") if d.lang == lang]
    assert texts
    for text in texts:
        doc = make_doc(nlp, text)
        want = set(pm(doc))
        assert want and set(ruler.phrase_matcher(doc)) == want


def test_removed_and_added_again(tmp_path):
    nlp = load("en")
    ruler = nlp.get_pipe("kosnlp_gazetteer")
    doc = nlp.make_doc("NATO and Javier Solana met in Brussels.")
    before = {(ruler._match_label_id_map[k]["id"], s, e) for k, s, e in ruler.phrase_matcher(doc)}
    assert ("organisation:nato", 0, 1) in before
    mine = [p for p in ruler.patterns if p["id"] == "organisation:nato"]
    ruler.remove_by_id("organisation:nato")
    try:
        after = {(ruler._match_label_id_map[k]["id"], s, e) for k, s, e in ruler.phrase_matcher(doc)}
        assert after == {m for m in before if m[0] != "organisation:nato"}
    finally:
        ruler.add_patterns(mine)
    again = {(ruler._match_label_id_map[k]["id"], s, e) for k, s, e in ruler.phrase_matcher(doc)}
    assert again == before


def test_a_saved_ruler_loads_its_compiled_phrases_and_the_patterns_added_to_it(tmp_path):
    """spacy.load of a saved pipeline: the rulers read their phrases compiled (phrases.bin,
    not tokenized again) and find what the rulers that were saved find, patterns added
    after the pipeline was built included (compiled from the patterns when saved)."""
    import spacy

    from kosnlp.components import CANDIDATES
    from kosnlp.components.gate import GatedMatcher
    from kosnlp.components.phrases import CompiledPhrases
    from kosnlp.pipeline import add_components
    nlp = add_components(spacy.blank("en"), "en", compiled=True)
    nlp.get_pipe("kosnlp_gazetteer").add_patterns([{"label": "ACTOR", "pattern": "Blue Lagoon Council", "id": "test:c"}])
    nlp.get_pipe("kosnlp_dates").add_patterns([{"label": "DATE", "pattern": [{"LOWER": "lagoon"}, {"LOWER": "day"}],
                                                "id": "test:d"}])
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    texts = [d.text for d in load_raw_corpus(ROOT / "raw") if d.lang == "en"] + ["The Blue Lagoon Council met on Lagoon Day."]
    for name in ("kosnlp_gazetteer", "kosnlp_dates"):
        saved, got = nlp.get_pipe(name), loaded.get_pipe(name)
        assert isinstance(got.phrase_matcher, CompiledPhrases) and isinstance(got.matcher, GatedMatcher)
        assert list(got.patterns) == list(saved.patterns)
        for text in texts:
            a, b = saved(make_doc(nlp, text)), got(make_doc(loaded, text))
            want = [(s.start, s.end, s.label_, s.id_) for s in a.spans[CANDIDATES]]
            assert want and [(s.start, s.end, s.label_, s.id_) for s in b.spans[CANDIDATES]] == want
    doc = loaded(texts[-1])
    assert {(s.text, s.id_) for s in doc.spans[CANDIDATES]} >= {("Blue Lagoon Council", "test:c"), ("Lagoon Day", "test:d")}
