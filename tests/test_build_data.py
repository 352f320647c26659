"""The generated data (data/patterns/*.jsonl, data/compiled/) is what `kosnlp build-data` makes from its sources."""
import shutil

import pytest

from kosnlp.build_data import check, data_dir
from kosnlp.compiled import read_patterns
from kosnlp.cli import main
from kosnlp.compiled import compiled_dir
from kosnlp.errors import KosnlpError

FILES = ["dates_en.jsonl", "dates_pl.jsonl", "gazetteer_en.jsonl", "gazetteer_pl.jsonl",
         "given_names_en.jsonl", "given_names_pl.jsonl", "cities.bin", "phrases_en.bin", "phrases_pl.bin",
         "tables.json"]


def test_generated_data_is_fresh(capsys):
    assert main(["build-data", "--check"]) == 0
    assert capsys.readouterr().out.strip() == "up to date: " + ", ".join(FILES)


def test_stale_data_is_a_coded_error(tmp_path):
    stale = tmp_path / "patterns"
    shutil.copytree(data_dir() / "patterns", stale)
    lines = (stale / "gazetteer_en.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (stale / "gazetteer_en.jsonl").write_text("".join(lines[:-1]), encoding="utf-8")  # a source entry added since
    (stale / "dates_pl.jsonl").unlink()
    with pytest.raises(KosnlpError, match=r"KOS-E109 .*patterns: generated data is stale: dates_pl\.jsonl, "
                                          r"gazetteer_en\.jsonl \(run `kosnlp build-data`"):
        check(stale)


def test_stale_compiled_data_is_a_coded_error(tmp_path):
    stale = tmp_path / "compiled"
    shutil.copytree(compiled_dir(), stale)
    (stale / "phrases_pl.bin").write_bytes((stale / "phrases_pl.bin").read_bytes()[:-8])
    with pytest.raises(KosnlpError, match=r"KOS-E109 .*compiled: generated data is stale: phrases_pl\.bin \(run"):
        check(compiled_dir=stale)


def test_read_patterns():
    pats = read_patterns("dates_en.jsonl")
    assert pats and all(p["label"] in ("DATE", "NOT_DATE") and p["id"].startswith("date:") for p in pats)
    with pytest.raises(KosnlpError, match="KOS-E108"):
        read_patterns("nope.jsonl")
