"""The pipeline entry point: blank default, models/ saving, and the pretrained path,
tested with a small pipeline this test trains and saves itself."""
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.training import Example

from kosnlp.errors import KosnlpError
from kosnlp.pipeline import base_pipeline, load, save_models


def test_blank_default_without_pretrained_models():
    nlp = load("en")
    assert nlp.meta["kosnlp_base"] in ("blank:en", "en_core_web_sm")
    assert nlp.pipe_names[-2:] == ["kosnlp_resolver", "kosnlp_normaliser"]


def test_unknown_language():
    with pytest.raises(KosnlpError, match="KOS-E106"):
        load("de")


def test_saved_models_load_in_a_fresh_interpreter(tmp_path):
    paths = save_models(tmp_path)
    code = ("import spacy, sys; nlp = spacy.load(sys.argv[1]); "
            "print([(e.text, e.label_) for e in nlp('Rosja wysłała premiera do Belgradu 30 marca.').ents])")
    pl = next(p for p in paths if p.name == "kosnlp-pl")
    out = subprocess.run([sys.executable, "-c", code, str(pl)], capture_output=True, text=True, check=True)
    assert "('Rosja', 'ACTOR')" in out.stdout and "('30 marca', 'DATE')" in out.stdout


TEXTS = {"pl": "Rosja wysłała premiera Jewgienija Primakowa do Belgradu 30 marca 1999 r. Spotkanie z "
              "prezydentem Jugosławii trwało dwie godziny, podał gen. Wesley Clark. Trzy dni później "
              "prezydent Rugowa przyjął Solanę w Prisztinie, a w połowie kwietnia Warszawa wezwała ambasadora.",
         "en": "The U.S. envoy Richard Holbrooke met President Milosevic in Belgrade on 12 October 1998. "
               "German Foreign Minister Joschka Fischer said the Kosovo Liberation Army had agreed. "
               "Two days later Mr. Rugowa told Solana in Pristina that Moscow would wait until early November."}

NO_DATA = """
import json, sys
from importlib import resources
import kosnlp, spacy
assert kosnlp.__file__.startswith(sys.argv[1]), kosnlp.__file__
assert not (resources.files("kosnlp") / "data").exists()
nlp = spacy.load(sys.argv[2])
doc = nlp(sys.argv[3], component_cfg={"kosnlp_normaliser": {"reference_date": "1999-06-01"}})
print(json.dumps({"ents": [[e.start_char, e.end_char, e.label_, e.ent_id_, e._.norm] for e in doc.ents],
                  "sents": [s.start_char for s in doc.sents],
                  "data": {n: json.loads(nlp.get_pipe(n).to_bytes())
                           for n in ("kosnlp_segmenter", "kosnlp_names", "kosnlp_resolver")}}))
"""


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_saved_model_carries_its_rules_without_the_package_data(lang, tmp_path):
    """spacy.load("models/kosnlp-<lang>") with kosnlp's data files out of reach (a copy of the
    package without data/, first on the path): the segmenter's abbreviations, the name
    finder's and the resolver's cues, the rulers' patterns and the normaliser's tables,
    spelling keys, date lexicon and GeoNames cities come from the model, and the
    sentences, entities and norms are those of the pipeline built from the package."""
    import json
    import shutil
    from importlib import resources

    import kosnlp
    model = tmp_path / f"kosnlp-{lang}"
    nlp = load(lang)
    nlp.to_disk(model)
    pkg = tmp_path / "pkg"
    src = Path(kosnlp.__file__).parent
    shutil.copytree(src, pkg / "kosnlp", ignore=lambda d, names: [n for n in names if n == "__pycache__"
                                                                 or (Path(d) == src and n == "data")])
    assert (resources.files("kosnlp") / "data" / "context" / f"{lang}.yaml").is_file()
    env = {**os.environ, "PYTHONPATH": str(pkg)}
    out = subprocess.run([sys.executable, "-c", NO_DATA, str(pkg), str(model), TEXTS[lang]], env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout)
    doc = nlp(TEXTS[lang], component_cfg={"kosnlp_normaliser": {"reference_date": "1999-06-01"}})
    assert got["ents"] == [[e.start_char, e.end_char, e.label_, e.ent_id_, e._.norm] for e in doc.ents]
    assert got["sents"] == [s.start_char for s in doc.sents] and len(got["sents"]) == 3
    assert {lab for _s, _e, lab, _i, _n in got["ents"]} == {"ACTOR", "PLACE", "DATE"}
    norms = [n for *_, n in got["ents"]]
    assert all(n["status"] == "resolved" for n in norms), norms
    # linked by spelling key (keys), counted from the previous date (date lexicon), a city's record (GeoNames)
    assert any(n.get("method") == "key" for n in norms) and any(n.get("anchor") == "previous_date" for n in norms)
    assert any(str(n.get("id", "")).startswith("geonames:") and n.get("lat") for n in norms)
    for name in got["data"]:
        assert got["data"][name] == json.loads(nlp.get_pipe(name).to_bytes())


@pytest.mark.parametrize("component,file", [("kosnlp_names", "cues.json"), ("kosnlp_normaliser", "rules.json"),
                                            ("kosnlp_normaliser", "cities.bin")])
def test_a_saved_component_without_its_data_file_is_an_error(component, file, tmp_path):
    model = tmp_path / "kosnlp-en"
    load("en").to_disk(model)
    (model / component / file).unlink()
    with pytest.raises(KosnlpError, match=f"KOS-E301 .*{component}.*{file}"):
        spacy.load(model)


def test_a_loaded_normaliser_uses_its_own_rules_and_the_package_pipeline_its_own(tmp_path):
    """Two pipelines in one process, one saved with other spelling keys: each normalises
    with the rules it carries, in whichever order they run."""
    import json
    nlp = load("en")
    model = tmp_path / "kosnlp-en"
    nlp.to_disk(model)
    rules = json.loads((model / "kosnlp_normaliser" / "rules.json").read_text(encoding="utf-8"))
    rules["keys"]["replace"] = [r for r in rules["keys"]["replace"] if r != ["w", "v"]]
    (model / "kosnlp_normaliser" / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    other = spacy.load(model)
    text = "Later Mr. Rugowa met the envoy."

    def norm(pipeline):
        return [e._.norm for e in pipeline(text).ents if e.text == "Rugowa"][0]
    for _ in range(2):
        assert norm(nlp)["id"] == "person:rugova-ibrahim" and norm(nlp)["method"] == "key"
        assert norm(other) == {"status": "unresolved", "reason": "not in registry"}


@pytest.fixture(scope="module")
def tiny_pretrained(tmp_path_factory):
    """A small English pipeline with a trained tagger, standing in for en_core_web_sm."""
    nlp = spacy.blank("en")
    nlp.add_pipe("tagger")
    data = [("Russia refused the plan", {"tags": ["NNP", "VBD", "DT", "NN"]}),
            ("Troops entered Serbia", {"tags": ["NNS", "VBD", "NNP"]}),
            ("Belgrade rejected talks", {"tags": ["NNP", "VBD", "NNS"]})]
    examples = [Example.from_dict(nlp.make_doc(t), a) for t, a in data]
    opt = nlp.initialize(lambda: examples)
    random.seed(0)
    for _ in range(30):
        nlp.update(examples, sgd=opt)
    path = tmp_path_factory.mktemp("pretrained") / "tiny_en"
    nlp.to_disk(path)
    return path


def test_pretrained_path_keeps_its_components_and_adds_ours(tiny_pretrained):
    nlp, desc = base_pipeline("en", str(tiny_pretrained))
    assert desc == str(tiny_pretrained) and "tagger" in nlp.pipe_names
    full = load("en", str(tiny_pretrained))
    assert full.pipe_names.index("kosnlp_segmenter") < full.pipe_names.index("tagger")
    assert full.meta["kosnlp_base"] == str(tiny_pretrained)
    doc = full("Russia refused the plan.")
    assert doc[0].tag_ == "NNP" and doc.has_annotation("TAG")
    assert ("Russia", "ACTOR") in [(e.text, e.label_) for e in doc.ents]


def test_pretrained_language_mismatch(tiny_pretrained):
    with pytest.raises(KosnlpError, match="KOS-E301"):
        base_pipeline("pl", str(tiny_pretrained))


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_make_doc_tokenizes_exactly_as_the_tokenizer(lang, root):
    """Line by line and joined (never falling back to nlp.make_doc), the same tokens."""
    from unittest import mock

    from spacy.attrs import IDX, NORM, ORTH, SPACY

    from kosnlp.pipeline import load, make_doc
    raw = "\n".join(p.read_text(encoding="utf-8") for p in sorted((root / "raw").glob("*.txt")))
    for nlp in (load(lang), spacy.blank(lang)):
        for text in (raw, "", "\n", " a\n\n  b  \n- c\n\tD...\n \r\n", "don't\nU.S. r.\n:)\nit's\n"):
            with mock.patch.object(type(nlp), "make_doc", side_effect=AssertionError("fell back")):
                b = make_doc(nlp, text)
            a = nlp.make_doc(text)
            assert b.text == a.text and len(b) == len(a)
            assert (b.to_array([ORTH, NORM, SPACY, IDX]) == a.to_array([ORTH, NORM, SPACY, IDX])).all()
            assert [t.norm_ for t in b] == [t.norm_ for t in a]


def test_run_loader_freezes_the_loaded_pipeline_out_of_the_gc():
    # in a fresh interpreter: gc.freeze is process-wide
    code = ("import gc; from kosnlp.pipeline import run_loader, load; get = run_loader(); "
            "nlp = get('en'); n = gc.get_freeze_count(); get('en'); "
            "print(n, gc.get_freeze_count(), get('en') is load('en'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 100_000  # the pipeline and its tables
    assert out[1] == out[0] and out[2] == "True"  # frozen once; the same cached pipeline


def test_the_normaliser_round_trips_through_bytes():
    from kosnlp.components.normaliser import Normaliser
    nlp = load("en")
    copy = Normaliser(nlp, lang="en").from_bytes(nlp.get_pipe("kosnlp_normaliser").to_bytes())
    cfg = {"kosnlp_normaliser": {"reference_date": "1999-06-01"}}
    want = [e._.norm for e in nlp(TEXTS["en"], component_cfg=cfg).ents]
    with nlp.select_pipes(disable=["kosnlp_normaliser"]):
        doc = nlp(TEXTS["en"])
    assert [e._.norm for e in copy(doc, reference_date="1999-06-01").ents] == want and len(want) > 5
