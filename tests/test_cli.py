"""The commands end to end, and the corpus contract over everything they write."""
import json
import shutil
import subprocess
import sys

import pytest

from kosnlp.cli import COMMANDS, main, parser


def _subparsers(p):
    return next(a for a in p._actions if a.dest == "cmd").choices


def test_a_command_alone_parses_as_in_the_whole_parser():
    whole = _subparsers(parser())
    assert set(whole) == set(COMMANDS)  # main builds a known command's parser alone
    for cmd in COMMANDS:
        alone = _subparsers(parser(cmd))
        assert cmd in alone and set(alone) < set(whole)
        assert alone[cmd].format_help() == whole[cmd].format_help(), cmd
    ns = parser("annotate").parse_args(["annotate", "a.txt", "--out", "o.jsonl", "--n-process", "2"])
    assert (ns.files, ns.out, ns.n_process, ns.lang, ns.engine) == (["a.txt"], "o.jsonl", 2, "auto", "local")


def test_a_command_does_not_import_the_modules_of_others():
    code = ("import sys; from kosnlp.cli import parser; parser('annotate'); "
            "print(sorted(m for m in ('kosnlp.doccano.cli', 'kosnlp.export', 'kosnlp.corpus_cli', 'kosnlp.workflow') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_help_on_every_command(capsys):
    for cmd in ("annotate", "run", "evaluate", "agreement", "build-data", "build-models", "export", "datacard",
                "release", "report", "doccano", "train-context"):
        with pytest.raises(SystemExit, match="0"):
            main([cmd, "--help"])
        assert "usage: kosnlp" in capsys.readouterr().out


def test_annotate_bad_inputs_reported_and_others_processed(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Rosja zmieniła swoje stanowisko 30 marca 1999 r. w sprawie Kosowa.", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Za\xbf\xf3\xb3\xe6 g\xea\xb6l\xb1 ja\xbc\xf1".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "out.jsonl"
    files = [str(tmp_path / n) for n in ("latin1.txt", "empty.txt", "bin.txt", "missing.txt", "good.txt")]
    rc = main(["annotate", *files, "--lang", "auto", "--out", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert rc == 1
    for code, name in (("KOS-E103", "latin1.txt"), ("KOS-E104", "empty.txt"), ("KOS-E105", "bin.txt"),
                       ("KOS-E101", "missing.txt")):
        assert any(code in line and name in line for line in err.splitlines()), (code, err)
    assert "Traceback" not in err
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc_id"] for r in recs] == ["good"] and recs[0]["status"] == "silver"
    assert {(s["text"], s["label"]) for s in recs[0]["spans"]} >= {("Rosja", "ACTOR"), ("30 marca 1999 r.", "DATE")}


def test_unknown_language_is_one_line_error(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text("NATO met.", encoding="utf-8")
    assert main(["annotate", str(f), "--lang", "de", "--out", str(tmp_path / "o.jsonl"), "--quiet"]) == 1
    assert "KOS-E106" in capsys.readouterr().err


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory, corpus_root):
    d = tmp_path_factory.mktemp("run")
    shutil.copytree(corpus_root / "raw", d / "raw")
    shutil.copytree(corpus_root / "annotations", d / "annotations")
    subprocess.run([sys.executable, "-m", "kosnlp.cli", "run", "--quiet", "--no-lodo"], cwd=d, check=True)
    return d


def test_run_writes_contract_valid_silver_and_reports(run_dir, root):
    from kosnlp.ingest import load_raw_corpus
    from kosnlp.records import contract_problems
    from kosnlp.segment import segment
    raw = {p.stem: p.read_text(encoding="utf-8") for p in (run_dir / "raw").glob("*.txt")}
    recs = [json.loads(x) for x in (run_dir / "output" / "silver.jsonl").read_text(encoding="utf-8").splitlines()]
    n_sentences = sum(len(segment(d.text, d.lang)) for d in load_raw_corpus(run_dir / "raw"))
    assert len(recs) == n_sentences and {r["doc_id"] for r in recs} == set(raw)
    for r in recs:
        assert contract_problems(r, raw[r["doc_id"]]) == [], r["id"]
    assert len({r["id"] for r in recs}) == len(recs)
    rep = json.loads((run_dir / "output" / "evaluation.json").read_text(encoding="utf-8"))
    gold_langs = {json.loads(x)["lang"] for f in (run_dir / "annotations" / "gold").glob("*.jsonl")
                  for x in f.read_text(encoding="utf-8").splitlines()}
    assert set(rep["by_lang"]) == gold_langs and rep["segmentation"]["boundaries"]["f1"] > 0.95
    assert "lodo" not in rep
    cov = rep["coverage"]
    assert sum(t["sentences"] for t in cov["by_lang"].values()) == n_sentences
    assert (run_dir / "models" / "kosnlp-pl" / "config.cfg").is_file()


def test_run_without_lodo_leaves_the_committed_evaluation(run_dir, corpus_root):
    """--no-lodo writes its evaluation to output/: annotations/evaluation.* keep the full
    run's scores (with the leave-one-document-out estimate), and the data card stays current."""
    from kosnlp import datacard
    for name in ("evaluation.json", "evaluation.md"):
        assert (run_dir / "annotations" / name).read_bytes() == (corpus_root / "annotations" / name).read_bytes(), name
    datacard.check(run_dir / "annotations", run_dir / "raw")


def test_run_with_two_processes_writes_the_same_bytes(run_dir, tmp_path):
    """`kosnlp run` annotates raw/ through annotate's engines: two worker processes give the
    single-process run's silver records and evaluation, byte for byte."""
    d = tmp_path / "p2"
    shutil.copytree(run_dir / "raw", d / "raw")
    shutil.copytree(run_dir / "annotations", d / "annotations")
    subprocess.run([sys.executable, "-m", "kosnlp.cli", "run", "--quiet", "--no-lodo", "--no-models",
                    "--n-process", "2"], cwd=d, check=True)
    for name in ("silver.jsonl", "evaluation.json", "evaluation.md"):
        assert (d / "output" / name).read_bytes() == (run_dir / "output" / name).read_bytes(), name


def test_run_checks_the_engine_options(run_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(run_dir)
    assert main(["run", "--quiet", "--no-lodo", "--no-models", "--out", str(tmp_path / "o"),
                 "--scheduler", "tcp://127.0.0.1:1"]) == 1
    assert "KOS-E701" in capsys.readouterr().err and not (tmp_path / "o").exists()


def test_shared_contract_checker_passes(run_dir, root):
    checker = root.parent / "shared" / "tools" / "check_contract.py"
    if not checker.is_file():
        pytest.skip("shared/tools not beside the checkout")
    for target in (run_dir / "annotations", run_dir / "output"):
        out = subprocess.run([sys.executable, str(checker), "--raw", str(run_dir / "raw"), str(target)],
                             capture_output=True, text=True)
        assert out.returncode == 0, out.stdout[-2000:]


def test_run_is_deterministic(run_dir, tmp_path):
    first = (run_dir / "output" / "silver.jsonl").read_bytes()
    subprocess.run([sys.executable, "-m", "kosnlp.cli", "run", "--quiet", "--no-lodo", "--no-models",
                    "--out", str(tmp_path)], cwd=run_dir, check=True)
    assert (tmp_path / "silver.jsonl").read_bytes() == first
