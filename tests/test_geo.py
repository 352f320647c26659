"""The learned ACTOR / PLACE decision: features, the saved model, training, the command."""
import json

import pytest

from kosnlp.cli import main
from kosnlp.components.geo import MODEL_FILE, GeoModel, read_model
from kosnlp.errors import KosnlpError
from kosnlp.train_context import Example, Source, examples, fit


def _features(nlp, text: str) -> dict[str, list[str]]:
    """Mention text -> its features, for every STATE / CITY / REGION mention of `text`."""
    res = nlp.get_pipe("kosnlp_resolver")
    with nlp.select_pipes(disable=["kosnlp_resolver", "kosnlp_normaliser"]):
        doc = nlp(text)
    return {s.text: feats for s, feats in res.geo_examples(doc)}


def test_english_features(nlp_en):
    f = _features(nlp_en, "Relief convoys drove across Albania while Norway's envoy waited. "
                          "Sweden and Finland sent observers to Lisbon.")
    assert {"kind=STATE", "p1=across", "rule=PLACE:strong", "rules=PLACE"} <= set(f["Albania"])
    assert "n1='s" in f["Norway"] and "rules=ACTOR" in f["Norway"]
    assert "coordinated" in f["Sweden"] and "coordinated" in f["Finland"]
    assert "right_ent=STATE" in f["Sweden"] and "left_ent=STATE" in f["Finland"]
    assert "sent_start" in f["Sweden"] and "sent_start" not in f["Finland"]
    assert {"p1=to", "ctx=observers", "n1=."} <= set(f["Lisbon"])
    assert not any(x.startswith(("case=", "dep=")) for x in f["Lisbon"])  # no Morfeusz, no parser


def test_polish_features_carry_case_and_governing_word(nlp_pl):
    f = _features(nlp_pl, "Delegacja Norwegii wysłała obserwatorów do Lizbony.")
    assert {"ctx=delegacja", "case=gen", "p1=delegacja", "p2=<s>", "n1=verb", "rules=ACTOR"} <= set(f["Norwegii"])
    assert {"p1=do", "case=gen", "p1case=do|gen", "ctx=obserwator"} <= set(f["Lizbony"])
    assert "verb=wysłać" in f["Lizbony"]


def test_dateline_feature(nlp_en):
    f = _features(nlp_en, "Lisbon, 4 May 1999 - The talks ended.")
    assert {"dateline", "sent_start", "rule=PLACE:strong", "right_ent=DATE", "p1=<s>"} <= set(f["Lisbon"])


def test_model_scores_by_its_weights():
    m = GeoModel({"lang": "en", "bias": -1.0, "weights": {"p1=by": 3.0, "p1=in": -2.0}})
    assert m.label(["p1=by"]) == "ACTOR" and m.label(["p1=in"]) == "PLACE" and m.label([]) == "PLACE"
    assert m.prob(["p1=by", "p1=by"]) == pytest.approx(1 / (1 + 2.718281828459045 ** -2.0))


def test_model_file_problems_are_coded():
    with pytest.raises(KosnlpError, match=r"KOS-E108 m\.json: context model is not valid JSON"):
        read_model("{", "m.json")
    with pytest.raises(KosnlpError, match=r"KOS-E108 m\.json: context model needs a number 'bias'"):
        read_model(json.dumps({"bias": 0.5, "weights": {"p1=in": "heavy"}}), "m.json")


def test_resolver_round_trip_keeps_the_model(nlp_en, tmp_path):
    """to_disk writes the model beside the cues; from_disk of a fresh resolver reads it back,
    and the labels follow the loaded weights."""
    from kosnlp.components.resolver import EntityResolver
    res = nlp_en.get_pipe("kosnlp_resolver")
    data = {"lang": "en", "bias": 5.0, "weights": {"kind=CITY": -10.0}}  # every state acts, every city is a place
    before = res._model
    res.set_model(data)
    try:
        res.to_disk(tmp_path / "res")
    finally:
        res._model = before
    assert json.loads((tmp_path / "res" / MODEL_FILE).read_text(encoding="utf-8")) == data
    fresh = EntityResolver(nlp_en, lang="en", spans_key=res.key, decision="classifier").from_disk(tmp_path / "res")
    assert fresh.geo_model.data == data and fresh.c == res.c
    with nlp_en.select_pipes(disable=["kosnlp_resolver", "kosnlp_normaliser"]):
        doc = nlp_en("Troops crossed into Albania and reached Lisbon.")
    assert {(e.text, e.label_) for e in fresh(doc).ents} >= {("Albania", "ACTOR"), ("Lisbon", "PLACE")}
    (tmp_path / "res" / MODEL_FILE).unlink()
    with pytest.raises(KosnlpError, match=f"KOS-E301 .*has no {MODEL_FILE}"):
        EntityResolver(nlp_en, lang="en", spans_key=res.key, decision="combined").from_disk(tmp_path / "res")
    rules = EntityResolver(nlp_en, lang="en", spans_key=res.key, decision="rules").from_disk(tmp_path / "res")
    assert rules.geo_model is None


def test_unknown_decision_is_coded(nlp_en):
    from kosnlp.components.resolver import EntityResolver
    with pytest.raises(KosnlpError, match="KOS-E301 .*decision 'vote' is not one of rules, classifier, combined"):
        EntityResolver(nlp_en, lang="en", spans_key="k", decision="vote")


SOURCE = ("Observers left Lisbon for Norway. Norway protested, and Sweden backed Norway. "
          "Aid flew from Oslo to Sweden.")


def _source() -> Source:
    gold = []
    for word, label, nth in (("Lisbon", "PLACE", 0), ("Norway", "PLACE", 0), ("Norway", "ACTOR", 1),
                             ("Sweden", "ACTOR", 0), ("Norway", "ACTOR", 2), ("Oslo", "PLACE", 0),
                             ("Sweden", "PLACE", 1)):
        at = -1
        for _ in range(nth + 1):
            at = SOURCE.index(word, at + 1)
        gold.append((at, at + len(word), label))
    return Source("t-1", "en", SOURCE, tuple(sorted(gold)), ((0, len(SOURCE)),), "dev")


def test_training_is_deterministic(nlp_en):
    exs = examples(nlp_en, [_source()])
    assert [(e.label) for e in exs] == ["PLACE", "PLACE", "ACTOR", "ACTOR", "ACTOR", "PLACE", "PLACE"]
    assert exs == examples(nlp_en, [_source()])
    first, second = fit(exs, "en"), fit(list(exs), "en")
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)
    assert first["training"] == {"mentions": 7, "ACTOR": 3, "PLACE": 4, "documents": ["t-1"], "C": 1.0,
                                 "features": len({f for e in exs for f in e.feats})}
    assert GeoModel(first).label(list(exs[0].feats)) == "PLACE"


def test_training_needs_both_labels():
    with pytest.raises(KosnlpError, match="KOS-E302 .*2 labelled mentions, labels \\['PLACE'\\]"):
        fit([Example("d", ("p1=in",), "PLACE"), Example("d", ("p1=to",), "PLACE")], "en")


def _unseen(tmp_path, text: str, marked: str, split: str = "dev"):
    root = tmp_path / "unseen"
    (root / "texts").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "texts" / "en-x-01.txt").write_text(text, encoding="utf-8")
    (root / "gold" / "en-x-01.marked").write_text(marked, encoding="utf-8")
    (root / "texts" / "manifest.yaml").write_text(
        f"documents:\n- {{doc_id: en-x-01, file: en-x-01.txt, lang: en, split: {split}}}\n", encoding="utf-8")
    return root


def test_command_errors_are_coded(tmp_path, capsys, root):
    empty = tmp_path / "annotations"
    (empty / "gold").mkdir(parents=True)
    common = ["train-context", "--raw", str(root / "raw"), "--annotations", str(empty), "--out", str(tmp_path / "m")]
    assert main([*common, "--lang", "xx"]) == 1
    assert "KOS-E106" in capsys.readouterr().err
    assert main([*common, "--lang", "en", "--heldout", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert "KOS-E204" in err and "manifest.yaml" in err
    only_places = _unseen(tmp_path, "Aid reached Lisbon.\n", "Aid reached [[Lisbon|PLACE]].\n")
    assert main([*common, "--lang", "en", "--heldout", str(only_places)]) == 1
    err = capsys.readouterr().err
    assert "KOS-E302" in err and "both ACTOR and PLACE are needed" in err and "Traceback" not in err
    assert not (tmp_path / "m").exists()


def test_command_trains_and_writes_the_model(tmp_path, capsys, root):
    empty = tmp_path / "annotations"
    (empty / "gold").mkdir(parents=True)
    marked = SOURCE
    for word, label in (("Lisbon", "PLACE"), ("Oslo", "PLACE")):
        marked = marked.replace(word, f"[[{word}|{label}]]")
    marked = marked.replace("Norway protested", "[[Norway|ACTOR]] protested")
    unseen = _unseen(tmp_path, SOURCE + "\n", marked + "\n")
    args = ["train-context", "--lang", "en", "--raw", str(root / "raw"), "--annotations", str(empty),
            "--heldout", str(unseen), "--out", str(tmp_path / "m")]
    assert main(args) == 0
    assert "en: 3 mentions (1 ACTOR, 2 PLACE) from 0 corpus and 1 dev documents" in capsys.readouterr().out
    model = json.loads((tmp_path / "m" / "model_en.json").read_text(encoding="utf-8"))
    assert model["training"]["documents"] == ["en-x-01"]
    assert main([*args, "--curve"]) == 1  # the curve needs test texts
    assert "KOS-E302" in capsys.readouterr().err
