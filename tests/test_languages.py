"""The language registry (data/languages.yaml, kosnlp.languages): every registered language
has its data, and no module but the registry names a language code."""
import ast
from importlib import resources
from pathlib import Path

import pytest
import spacy

import kosnlp
from kosnlp.errors import KosnlpError
from kosnlp.ingest import load_yaml_data
from kosnlp.languages import check_lang, codes, default_language, language

SRC = Path(kosnlp.__file__).parent
DATA = Path(str(resources.files("kosnlp") / "data"))
# Modules that may name a language's data by its code (not test a language): the gazetteer
# builders, written per source (English names as written, Polish ones inflected with
# Morfeusz), and the norm's English and Polish display names (name, name_pl).
NAMED_DATA = {"build_data.py", "build_gazetteer.py", "normalise/tables.py"}


def test_every_registered_language_has_its_data():
    assert codes() and default_language() in codes()
    abbreviations = load_yaml_data("segment/abbreviations.yaml")
    dates = load_yaml_data("patterns/dates.yaml")
    for code in codes():
        rec = language(code)
        assert rec.code == code and rec.name and rec.data
        missing = [f for f in rec.data if not (DATA / f).is_file()]
        assert not missing, f"{code}: missing data files {missing}"
        assert f"context/{code}.yaml" in rec.data and load_yaml_data(f"context/{code}.yaml")["titles"]
        assert f"patterns/gazetteer_{code}.jsonl" in rec.data and f"patterns/dates_{code}.jsonl" in rec.data
        assert code in abbreviations and code in dates["lexicon"] and code in dates["rules"]
        assert spacy.blank(code).lang == code


def test_an_unregistered_language_is_a_coded_error():
    with pytest.raises(KosnlpError, match="KOS-E106 --lang: unknown language 'xx'"):
        check_lang("xx")
    with pytest.raises(KosnlpError, match="KOS-E106 .*unknown language 'de'"):
        language("de")


def code_literals(source: str, strict: bool) -> list[tuple[int, str]]:
    """(line, code) of every string constant that is a registered language code and is
    compared, listed (tuple, list, set, dict key) or, when `strict`, used at all."""
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and node.value in codes()):
            continue
        parent = parents.get(node)
        listed = isinstance(parent, (ast.Tuple, ast.List, ast.Set)) or (
            isinstance(parent, ast.Dict) and node in parent.keys)
        if strict or listed or isinstance(parent, ast.Compare):
            found.append((node.lineno, node.value))
    return sorted(found)


def test_the_check_finds_language_tests():
    code = codes()[0]
    sample = (f"if lang == {code!r}:\n    pass\nx = lang in ({code!r}, 'zz')\ny = {{{code!r}: 1}}\n"
              f"z = f(lang={code!r})\n")
    assert code_literals(sample, strict=False) == [(1, code), (3, code), (4, code)]
    assert code_literals(sample, strict=True) == [(1, code), (3, code), (4, code), (5, code)]


def test_no_module_outside_the_registry_names_a_language():
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel == "languages.py":
            continue
        hits = code_literals(path.read_text(encoding="utf-8"), strict=rel not in NAMED_DATA)
        if hits:
            found[rel] = hits
    assert not found, f"language codes outside kosnlp.languages (ask the record instead): {found}"
