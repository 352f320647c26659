"""Every command is safe with the user's files: outputs never destroy inputs, are complete or
absent, bad input is one coded line (never a traceback), input handling is defined."""
import json
import os
import re
import shutil
import stat

import pytest

from kosnlp.cli import main
from kosnlp.errors import KosnlpError
from synthetic import copy_project

EN = "NATO and Russia met in Cologne on 10 June 1999. Solana spoke in Brussels."
GERMAN = ("Die NATO hat am 24. März 1999 mit den Luftangriffen auf Jugoslawien begonnen. Der Bundeskanzler "
          "Gerhard Schröder sagte in Bonn, die Lage im Kosovo sei dramatisch.")


def _cli(args, capsys) -> tuple[int, str]:
    rc = main([str(a) for a in args])
    return rc, capsys.readouterr().err


def _error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error: ")]


def _records(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


# -- outputs never destroy inputs ------------------------------------------------------------

def test_out_that_is_an_input_is_refused(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(EN, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(src)
    os.link(src, tmp_path / "hard.txt")
    for out in (src, tmp_path / "link.txt", tmp_path / "hard.txt", tmp_path / "." / "a.txt"):
        rc, err = _cli(["annotate", src, "--lang", "en", "--out", out, "--quiet"], capsys)
        assert rc == 1 and _error_lines(err)[0].startswith("error: KOS-E117 "), err
        assert src.read_text(encoding="utf-8") == EN


def test_existing_out_is_kept_when_every_input_fails(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text("precious\n", encoding="utf-8")
    rc, err = _cli(["annotate", tmp_path / "typo.txt", "--lang", "en", "--out", out, "--quiet"], capsys)
    assert rc == 1 and "KOS-E101" in err
    assert "not written" in err.splitlines()[-1] and "->" not in err.splitlines()[-1]
    assert out.read_text(encoding="utf-8") == "precious\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_interrupted_model_save_leaves_the_old_model(tmp_path, monkeypatch):
    """A save interrupted half-way (Ctrl-C while spaCy writes config.cfg) leaves the old model."""
    import kosnlp.pipeline as pipeline
    old = tmp_path / "models" / "kosnlp-pl"
    old.mkdir(parents=True)
    (old / "config.cfg").write_text("[old]\n", encoding="utf-8")

    class HalfWriter:
        def to_disk(self, path):
            (path / "config.cfg").write_text("", encoding="utf-8")  # 0 bytes so far, then Ctrl-C
            raise KeyboardInterrupt
    monkeypatch.setattr(pipeline, "load", lambda lang, model=None: HalfWriter())
    with pytest.raises(KeyboardInterrupt):
        pipeline.save_models(tmp_path / "models")
    assert (old / "config.cfg").read_text(encoding="utf-8") == "[old]\n"
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == ["kosnlp-pl"]  # no temp directory left


def test_saved_model_replaces_the_old_one_whole(tmp_path, monkeypatch):
    import kosnlp.pipeline as pipeline
    (tmp_path / "models" / "kosnlp-en").mkdir(parents=True)
    (tmp_path / "models" / "kosnlp-en" / "stale.bin").write_bytes(b"x")

    class Writer:
        def __init__(self, lang):
            self.lang = lang

        def to_disk(self, path):
            (path / "config.cfg").write_text(f"[{self.lang}]\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "load", lambda lang, model=None: Writer(lang))
    paths = pipeline.save_models(tmp_path / "models")
    assert [sorted(p.name for p in d.iterdir()) for d in paths] == [["config.cfg"], ["config.cfg"]]
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == ["kosnlp-en", "kosnlp-pl"]
    mode = stat.S_IMODE(paths[0].stat().st_mode)
    assert mode == 0o777 & ~_umask()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_output_files_have_normal_permissions(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(EN, encoding="utf-8")
    old = os.umask(0o022)
    try:
        rc, _ = _cli(["annotate", src, "--lang", "en", "--out", tmp_path / "o.jsonl", "--quiet"], capsys)
    finally:
        os.umask(old)
    assert rc == 0 and stat.S_IMODE((tmp_path / "o.jsonl").stat().st_mode) == 0o644


def test_unwritable_out_is_one_coded_line(tmp_path, capsys, monkeypatch):
    src = tmp_path / "a.txt"
    src.write_text(EN, encoding="utf-8")
    # a directory that cannot be made (a file is in the way)
    rc, err = _cli(["annotate", src, "--lang", "en", "--out", src / "sub" / "o.jsonl", "--quiet"], capsys)
    assert rc == 1 and _error_lines(err) == [f"error: KOS-E110 {src / 'sub' / 'o.jsonl'}: cannot write: {src} is a file, "
                                             "not a directory (choose another output path)"]
    # a read-only directory (simulated: the tests may run as root, who may write anywhere)
    import tempfile

    def denied(*a, **k):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", denied)
    rc, err = _cli(["annotate", src, "--lang", "en", "--out", tmp_path / "o.jsonl", "--quiet"], capsys)
    assert rc == 1 and _error_lines(err) == [f"error: KOS-E110 {tmp_path / 'o.jsonl'}: cannot write: Permission denied "
                                             "(choose a writable location, or fix the directory's permissions)"]
    assert "Traceback" not in err


def test_read_only_directory_is_one_coded_line(tmp_path, capsys):
    if os.geteuid() == 0:
        pytest.skip("root may write into a read-only directory (the simulated case above covers it)")
    src = tmp_path / "a.txt"
    src.write_text(EN, encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        rc, err = _cli(["annotate", src, "--lang", "en", "--out", ro / "o.jsonl", "--quiet"], capsys)
    finally:
        ro.chmod(0o755)
    assert rc == 1 and "KOS-E110" in err and "Traceback" not in err


def test_directories_named_as_files(tmp_path, capsys):
    (tmp_path / "d").mkdir()
    src = tmp_path / "a.txt"
    src.write_text(EN, encoding="utf-8")
    rc, err = _cli(["annotate", tmp_path / "d", src, "--lang", "en", "--out", tmp_path / "o.jsonl", "--quiet"], capsys)
    assert rc == 1 and _error_lines(err)[0].startswith(f"error: KOS-E112 {tmp_path / 'd'}: is a directory")
    assert [r["doc_id"] for r in _records(tmp_path / "o.jsonl")] == ["a", "a"]
    rc, err = _cli(["annotate", src, "--lang", "en", "--out", tmp_path / "d", "--quiet"], capsys)
    assert rc == 1 and _error_lines(err)[0].startswith(f"error: KOS-E112 {tmp_path / 'd'}: is a directory")
    rc, err = _cli(["evaluate", tmp_path / "d", "--no-lodo"], capsys)
    assert rc == 1 and _error_lines(err)[0].startswith(f"error: KOS-E112 {tmp_path / 'd'}: is a directory")


# -- linear time -----------------------------------------------------------------------------

class CountingStr(str):
    """A str that counts the characters its slices and indexing hand out."""
    copied = 0

    def __getitem__(self, key):
        out = str.__getitem__(self, key)
        CountingStr.copied += len(out)
        return out


def test_splitting_a_line_reads_it_a_bounded_number_of_times(root):
    """Quadratic splitting copied the rest of the line at every candidate boundary."""
    from kosnlp.segment import split_line
    en = " ".join((root / "raw" / "en-news-cologne-accord-1999.txt").read_text(encoding="utf-8").split())
    for n in (20_000, 80_000):
        line = CountingStr((en * (n // len(en) + 1))[:n])
        CountingStr.copied = 0
        spans = split_line(line, "en")
        assert len(spans) > n / 400  # many sentences in the line
        assert CountingStr.copied < 3 * n, (n, CountingStr.copied)


def test_no_unit_is_longer_than_the_limit_and_offsets_stay_exact():
    from kosnlp.segment import MAX_UNIT_CHARS, segment
    words = " ".join(f"word{i}" for i in range(6000)) + " " + "x" * (MAX_UNIT_CHARS + 10) + " end"
    text = "Title\n" + words + "\n"
    units = segment(text, "en")
    assert units[0].text == "Title" and all(len(u.text) <= MAX_UNIT_CHARS for u in units)
    for u in units:
        assert text[u.start:u.end] == u.text == u.text.strip()
    assert "".join(u.text for u in units[1:]).replace(" ", "") == words.replace(" ", "")


# -- coded errors, never a traceback ---------------------------------------------------------

def _fake_data(tmp_path, monkeypatch, relpath, text):
    import kosnlp.ingest as ingest
    real = ingest.resources.files("kosnlp")
    (tmp_path / "data" / relpath).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "data" / relpath).write_text(text, encoding="utf-8")
    shutil.copy(real / "data" / "schemas.yaml", tmp_path / "data" / "schemas.yaml")
    ingest._schemas.cache_clear()
    monkeypatch.setattr(ingest.resources, "files", lambda _pkg: tmp_path)
    return ingest


@pytest.mark.parametrize("relpath,text,where,what", [
    ("registry/actors.yaml", "- id: a\n  type: person\n  name_en: A\n- id: b\n  type: person\n",
     ":4", "wrong shape at [1]: missing key 'name_en'"),
    ("registry/actors.yaml", "- id: a\n  type: person\n  name_en: A\n  aliases_en: Ann\n",
     ":4", "wrong shape at [0].aliases_en: expected list, got str"),
    ("boilerplate.yaml", "rules:\n  name: x\n", ":2", "wrong shape at rules: expected list, got dict"),
    ("segment/abbreviations.yaml", "pl:\n  never_final: [np, 3]\n", ":2", "wrong shape at pl.never_final[1]: expected str, got int"),
    ("gazetteer/places_curated.yaml", "- {id: a, name_en: A, lat: north}\n", ":1", "wrong shape at [0].lat: expected number, got str"),
])
def test_wrongly_shaped_data_file_is_a_coded_error(tmp_path, monkeypatch, relpath, text, where, what):
    ingest = _fake_data(tmp_path, monkeypatch, relpath, text)
    with pytest.raises(KosnlpError, match="KOS-E108") as e:
        ingest.load_yaml_data(relpath)
    assert str(e.value).startswith(f"KOS-E108 {tmp_path / 'data' / relpath}{where}: {what} ")
    ingest._schemas.cache_clear()


def test_every_shipped_data_file_fits_its_schema():
    from importlib import resources

    from kosnlp.ingest import _schemas, load_yaml_data
    data = resources.files("kosnlp") / "data"
    for relpath in _schemas():
        assert (data / relpath).is_file(), relpath
        load_yaml_data(relpath)


@pytest.mark.parametrize("cmd", ["evaluate", "report", "export"])
def test_non_utf8_records_are_a_coded_error(cmd, tmp_path, capsys, root):
    bad = tmp_path / "pred.jsonl"
    good = (root / "annotations" / "gold" / "en-notes-rambouillet-nato.jsonl").read_bytes().splitlines(keepends=True)
    bad.write_bytes(good[0] + good[1].replace(b"NATO", "NATO \xe9t\xe9".encode("latin-1"), 1))
    args = {"evaluate": ["evaluate", bad, "--no-lodo", "--out", tmp_path / "ev"],
            "report": ["report", bad, "--out", tmp_path / "r.html"],
            "export": ["export", "--corpus", bad, "--out", tmp_path / "ex"]}[cmd]
    rc, err = _cli(args, capsys)
    assert rc == 1 and "Traceback" not in err
    assert _error_lines(err) == [f"error: KOS-E103 {bad}:2: byte 0xe9 at column "
                                 f"{good[1].index(b'NATO') + 6} is not UTF-8 (records are UTF-8 JSON lines; convert the file)"]


# -- input handling --------------------------------------------------------------------------

def test_bom_is_stripped_and_offsets_index_the_text_without_it(tmp_path, capsys):
    src = tmp_path / "bom.txt"
    src.write_bytes(b"\xef\xbb\xbf" + EN.encode("utf-8"))
    rc, _ = _cli(["annotate", src, "--lang", "en", "--out", tmp_path / "o.jsonl", "--quiet"], capsys)
    recs = _records(tmp_path / "o.jsonl")
    assert rc == 0 and recs[0]["start"] == 0 and recs[0]["text"].startswith("NATO")
    assert recs[0]["spans"][0]["text"] == "NATO" and recs[0]["spans"][0]["start"] == 0
    text = src.read_text(encoding="utf-8-sig")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in recs)


def test_crlf_counts_as_one_character(tmp_path, capsys):
    src = tmp_path / "crlf.txt"
    src.write_bytes(b"NATO met.\r\nRussia agreed.\r\n")
    rc, _ = _cli(["annotate", src, "--lang", "en", "--out", tmp_path / "o.jsonl", "--quiet"], capsys)
    recs = _records(tmp_path / "o.jsonl")
    assert rc == 0 and [(r["start"], r["end"]) for r in recs] == [(0, 9), (10, 24)]


def test_nul_anywhere_makes_a_file_binary(tmp_path, capsys):
    src = tmp_path / "late-nul.txt"
    src.write_bytes(((EN + "\n") * 200).encode("utf-8") + b"\x00 tail\n")
    rc, err = _cli(["annotate", src, "--lang", "en", "--out", tmp_path / "o.jsonl", "--quiet"], capsys)
    assert rc == 1 and _error_lines(err)[0].startswith(f"error: KOS-E105 {src}:201: NUL byte at offset ")
    assert not (tmp_path / "o.jsonl").exists()


def test_same_file_name_in_two_directories_is_a_coded_error(tmp_path, capsys):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "report.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b" / "report.md").write_text(EN, encoding="utf-8")
    files = [tmp_path / "a" / "report.txt", tmp_path / "b" / "report.txt", tmp_path / "b" / "report.md"]
    rc, err = _cli(["annotate", *files, "--lang", "en", "--out", tmp_path / "o.jsonl", "--quiet"], capsys)
    assert rc == 1
    assert [e.split()[1:3] for e in _error_lines(err)] == [["KOS-E111", f"{files[1]}:"], ["KOS-E111", f"{files[2]}:"]]
    recs = _records(tmp_path / "o.jsonl")
    assert {r["doc_id"] for r in recs} == {"report"} and len({r["id"] for r in recs}) == len(recs)


def test_german_under_lang_auto_is_a_coded_error(tmp_path, capsys):
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(EN, encoding="utf-8")
    rc, err = _cli(["annotate", tmp_path / "de.txt", tmp_path / "en.txt", "--out", tmp_path / "o.jsonl", "--quiet"],
                   capsys)
    assert rc == 1 and _error_lines(err) == [
        f"error: KOS-E106 {tmp_path / 'de.txt'}: text looks German (de), not Polish or English "
        "(kosnlp handles pl and en; skip the file, or pass --lang to force one)"]
    assert {r["doc_id"] for r in _records(tmp_path / "o.jsonl")} == {"en"}


def test_languages_of_the_corpus_are_still_recognised(root):
    from kosnlp.ingest import load_raw_corpus
    from kosnlp.languages import detect_language
    for d in load_raw_corpus(root / "raw"):
        assert detect_language(d.text) == d.lang


def test_broken_manifest_beside_an_input_is_a_coded_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "manifest.yaml").write_text("documents:\n  - {file: a.txt, reference_date: 1999-06-10\n",
                                            encoding="utf-8")
    rc, err = _cli(["annotate", tmp_path / "a.txt", "--lang", "en", "--out", tmp_path / "o.jsonl", "--quiet"], capsys)
    assert rc == 1 and _error_lines(err)[0].startswith(f"error: KOS-E107 {tmp_path / 'manifest.yaml'}:3: not valid YAML")
    (tmp_path / "manifest.yaml").write_text("- a.txt\n", encoding="utf-8")
    rc, err = _cli(["annotate", tmp_path / "a.txt", "--lang", "en", "--out", tmp_path / "o.jsonl", "--quiet"], capsys)
    assert rc == 1 and _error_lines(err)[0].startswith(f"error: KOS-E107 {tmp_path / 'manifest.yaml'}: manifest has no")


# -- raw/ checksums and the committed evaluation ---------------------------------------------

@pytest.fixture
def project(root, tmp_path):
    p = copy_project(root, tmp_path / "p")
    (p / "output").mkdir()
    shutil.copy(root / "annotations" / "gold" / "en-notes-rambouillet-nato.jsonl", p / "output" / "pred.jsonl")
    return p


def test_every_command_that_reads_raw_checks_its_checksums(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    victim = project / "raw" / "en-monitor-contact-group-1998.txt"
    victim.write_text(victim.read_text(encoding="utf-8") + " ", encoding="utf-8")
    for args in (["report", "output/pred.jsonl"], ["export"], ["datacard", "--check"], ["datacard"],
                 ["evaluate", "output/pred.jsonl", "--no-lodo"], ["agreement"]):
        rc, err = _cli(args, capsys)
        lines = _error_lines(err)
        assert rc == 1 and len(lines) == 1, (args, err)
        assert re.fullmatch(r"error: KOS-E102 (\S*/)?raw/en-monitor-contact-group-1998\.txt: raw document changed: "
                            r"sha256 differs from raw/manifest\.yaml \(.*\)", lines[0]), (args, lines)
    assert not (project / "output" / "report.html").exists() and not (project / "output" / "export").exists()


def test_evaluate_writes_to_output_and_leaves_the_committed_evaluation(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    committed = {n: (project / "annotations" / n).read_bytes() for n in ("evaluation.json", "evaluation.md")}
    rc, _ = _cli(["evaluate", "output/pred.jsonl", "--no-lodo"], capsys)
    assert rc == 0 and json.loads((project / "output" / "evaluation.json").read_text(encoding="utf-8"))["by_lang"]
    assert {n: (project / "annotations" / n).read_bytes() for n in committed} == committed
    rc, _ = _cli(["evaluate", "output/pred.jsonl", "--no-lodo", "--out", "elsewhere"], capsys)
    assert rc == 0 and (project / "elsewhere" / "evaluation.md").is_file()


# -- CLI help, README --------------------------------------------------------------------------

def _subparsers(p):
    import argparse
    for a in p._actions:
        if isinstance(a, argparse._SubParsersAction):
            for name, sp in a.choices.items():
                yield name, sp
                for sub, ssp in _subparsers(sp):
                    yield f"{name} {sub}", ssp


def test_every_option_has_a_description():
    import argparse

    from kosnlp.cli import parser
    missing = [f"{name} {a.option_strings or a.dest}" for name, sp in _subparsers(parser()) for a in sp._actions
               if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction)) and not a.help]
    assert missing == []


def test_readme_setup_is_pinned_and_works_with_pep_668(root):
    """The setup installs the uv that CI pins into a virtual environment (PEP 668: no pip into
    the system Python), and .ci/run calls the README's test command verbatim."""
    import re
    readme = (root / "README.md").read_text(encoding="utf-8")
    ci = (root / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"^    (python3 .*)$", readme[:readme.index("## What you get")], re.M)
    assert len(commands) == 2 and commands[1] in ci.splitlines()
    pin = re.search(r"uv==(\d+\.\d+\.\d+)", commands[0]).group(1)
    assert all(f"uv=={pin}" in c for c in commands)
    assert all(c.startswith("python3 -m venv ") and "pip install --user" not in c and "--break-system-packages" not in c
               for c in commands)


def test_scale_doc_dask_recipe_binds_localhost_and_warns(root):
    page = (root / "docs" / "scale.md").read_text(encoding="utf-8")
    recipe = page[page.index("On a real cluster:"):page.index("Each worker process loads")]
    assert "uv run dask scheduler --host 127.0.0.1" in recipe
    assert "run code" in recipe and "TLS" in recipe


def _lost_interrupt_run(n_results, ctrl_c_at):
    """A fake engine run giving `n_results` results; at result `ctrl_c_at` a SIGINT arrives
    while a finaliser runs, where Python's KeyboardInterrupt is printed and lost."""
    import gc
    import signal
    from contextlib import nullcontext

    from kosnlp.tasks import Result

    class Finaliser:
        def __del__(self):
            signal.raise_signal(signal.SIGINT)

    def run(tasks):
        for i, _ in enumerate(tasks):
            if i == ctrl_c_at:
                Finaliser()
                gc.collect()
            yield Result(lines=[f'{{"id": {i}}}\n'], sentences=1, words=3, spans={"ACTOR": 1})
    return nullcontext(run), range(n_results)


@pytest.mark.parametrize("ctrl_c_at", [0, 2])  # at the first result, at the last
def test_ctrl_c_lost_in_a_finaliser_still_stops_the_run(tmp_path, capsys, ctrl_c_at):
    from kosnlp.annotate import Summary, write_results
    import signal
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    engine_run, tasks = _lost_interrupt_run(3, ctrl_c_at)
    summary = Summary(files=1)
    # Ctrl-C as a terminal's process has it (a background job inherits SIGINT ignored)
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        write_results(tasks, out, engine_run, summary)
        stopped = False
    except KeyboardInterrupt:
        stopped = True
    finally:
        signal.signal(signal.SIGINT, handler)
    assert stopped, "the run went on after Ctrl-C"
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no temp file left
    assert "Traceback" not in capsys.readouterr().err
