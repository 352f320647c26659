"""The context cues of each language (data/context/<lang>.yaml) are lists of distinct words."""
import pytest

from kosnlp.ingest import load_yaml_data


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_every_cue_list_names_each_word_once(lang):
    cues = load_yaml_data(f"context/{lang}.yaml")
    repeated = {key: sorted({str(w) for w in words if list(map(str, words)).count(str(w)) > 1})
                for key, words in cues.items() if isinstance(words, list)}
    assert {k: v for k, v in repeated.items() if v} == {}
