"""Organisations named after a person ("Fundacja im. ..."): the words before the person are
the cue `named_for_words` of context/<lang>.yaml, saved with the pipeline."""
import json

import spacy

from conftest import ents

TEXT = "Pomoc przysłało Stowarzyszenie imienia Marka Nowaka z Krakowa."


def test_a_head_and_the_person_it_is_named_for_are_one_organisation(nlp_pl):
    assert ("Stowarzyszenie imienia Marka Nowaka", "ACTOR") in ents(nlp_pl, TEXT)


def test_the_named_for_words_are_read_from_the_saved_pipeline(nlp_pl, tmp_path):
    model = tmp_path / "kosnlp-pl"
    nlp_pl.to_disk(model)
    cues_file = model / "kosnlp_names" / "cues.json"
    cues = json.loads(cues_file.read_text(encoding="utf-8"))
    assert cues["named_for_words"] == ["im.", "imienia"]
    cues["named_for_words"] = ["im."]
    cues_file.write_text(json.dumps(cues, ensure_ascii=False), encoding="utf-8")
    got = ents(spacy.load(model), TEXT)
    assert ("Stowarzyszenie imienia Marka Nowaka", "ACTOR") not in got


def test_english_has_no_named_for_words(nlp_en):
    assert json.loads(nlp_en.get_pipe("kosnlp_names").to_bytes())["named_for_words"] == []
