"""annotate: chunked tasks, and the output of every engine (one process, N forked
processes, dask) is byte-identical, in the same order, with the same errors."""
import json

import pytest

from kosnlp.annotate import CHUNK_CHARS, annotate_files, records_for, tasks_for
from kosnlp.cli import main
from kosnlp.normalise.reference import reference_date_for
from kosnlp.segment import segment


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, root):
    """Two raw documents, a long English text (several chunks), and bad files."""
    d = tmp_path_factory.mktemp("in")
    en = (root / "raw" / "en-news-cologne-accord-1999.txt").read_text(encoding="utf-8")
    long_en = (en + "\n") * (2 * CHUNK_CHARS // len(en) + 2)
    (d / "long-en.txt").write_text(long_en, encoding="utf-8")
    (d / "pl.txt").write_text((root / "raw" / "pl-essay-diplomacy-1999.txt").read_text(encoding="utf-8"),
                              encoding="utf-8")
    (d / "en.txt").write_text(en, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "latin1.txt").write_bytes("Za\xbf\xf3\xb3\xe6 g\xea\xb6l\xb1".encode("latin-1"))
    names = ["long-en.txt", "empty.txt", "pl.txt", "missing.txt", "latin1.txt", "en.txt"]
    return [str(d / n) for n in names]


@pytest.fixture(scope="module")
def single(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("single") / "out.jsonl"
    rc = main(["annotate", *inputs, "--out", str(out), "--quiet"])
    return rc, out.read_bytes()


def _errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error: ")]


def test_tasks_cover_every_unit_in_order_and_number_on(root):
    text = (root / "raw" / "en-news-cologne-accord-1999.txt").read_text(encoding="utf-8") * 8
    units = segment(text, "en")
    tasks = list(tasks_for("d", "en", text))
    assert len(tasks) > 1
    assert [u for t in tasks for u in t.units] == [(u.start, u.end) for u in units]
    assert [t.first_index for t in tasks] == [0] + [sum(len(t.units) for t in tasks[:i]) for i in range(1, len(tasks))]
    for t in tasks:
        assert text[t.base:t.base + len(t.text)] == t.text and len(t.text) <= CHUNK_CHARS


def test_records_for_matches_annotate(nlp_en, root, tmp_path):
    path = root / "raw" / "en-news-cologne-accord-1999.txt"
    text = path.read_text(encoding="utf-8")
    out = tmp_path / "o.jsonl"
    annotate_files([path], "en", out, lambda lang: nlp_en, progress=False)
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    # annotate_files takes the reference date from the manifest beside the file (raw/)
    assert got == list(records_for(path.stem, "en", text, nlp_en, reference_date=reference_date_for(path),
                                   reference_from="manifest"))
    assert [r["id"] for r in got] == [f"{path.stem}-{i:04d}" for i in range(1, len(got) + 1)]


def test_single_process_run_reports_bad_files_and_writes_the_good(single):
    rc, data = single
    recs = [json.loads(x) for x in data.decode("utf-8").splitlines()]
    assert rc == 1
    assert [r["doc_id"] for r in recs][0] == "long-en" and {r["doc_id"] for r in recs} == {"long-en", "pl", "en"}
    assert sum(r["doc_id"] == "long-en" for r in recs) > 100


def test_two_processes_give_identical_bytes_and_errors(inputs, single, tmp_path, capsys):
    capsys.readouterr()
    out = tmp_path / "out.jsonl"
    rc = main(["annotate", *inputs, "--out", str(out), "--quiet", "--n-process", "2"])
    err = capsys.readouterr().err
    assert (rc, out.read_bytes()) == single
    assert [e.split()[1] for e in _errors(err)] == ["KOS-E104", "KOS-E101", "KOS-E103"]


def test_dask_local_cluster_gives_identical_bytes_and_errors(inputs, single, tmp_path, capsys):
    pytest.importorskip("distributed")
    capsys.readouterr()
    out = tmp_path / "out.jsonl"
    rc = main(["annotate", *inputs, "--out", str(out), "--quiet", "--engine", "dask", "--n-process", "2"])
    err = capsys.readouterr().err
    assert (rc, out.read_bytes()) == single
    assert [e.split()[1] for e in _errors(err)] == ["KOS-E104", "KOS-E101", "KOS-E103"]


def test_failure_in_a_worker_leaves_out_untouched(inputs, tmp_path):
    from kosnlp import load
    from kosnlp.errors import KosnlpError
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")

    def loader(lang):
        if lang == "pl":
            raise KosnlpError("KOS-E301", "cannot load pipeline 'broken'")
        return load(lang)
    with pytest.raises(KosnlpError, match="KOS-E301"):
        annotate_files(inputs, "auto", out, loader, progress=False, n_process=2)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


@pytest.mark.parametrize("args", [["--n-process", "0"], ["--scheduler", "tcp://127.0.0.1:1"]])
def test_bad_engine_options_are_one_line_errors(args, tmp_path, capsys, inputs):
    rc = main(["annotate", inputs[-1], "--out", str(tmp_path / "o.jsonl"), "--quiet", *args])
    err = capsys.readouterr().err
    assert rc == 1 and "KOS-E701" in err and "Traceback" not in err
    assert not (tmp_path / "o.jsonl").exists()


def test_errors_survive_pickling():
    import pickle

    from kosnlp.errors import KosnlpError
    e = pickle.loads(pickle.dumps(KosnlpError("KOS-E301", "x", where="w", hint="h")))
    assert (e.code, e.where, e.hint, str(e)) == ("KOS-E301", "w", "h", "KOS-E301 w: x (h)")
