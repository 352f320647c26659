"""Every command's bad-input paths: one coded line (`error: KOS-Ennn ...`), a non-zero exit,
never a traceback on stderr (the stderr file descriptor is read, so worker processes count)."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import traceback

import pytest

from kosnlp.cli import main
from synthetic import copy_project

EN = "NATO and Russia met in Cologne on 10 June 1999. Solana spoke in Brussels."


@pytest.fixture(scope="module")
def bad(tmp_path_factory, root):
    """A project copy with a changed raw file, and a directory of bad inputs."""
    d = tmp_path_factory.mktemp("bad")
    good = d / "good.txt"
    good.write_text(EN, encoding="utf-8")
    (d / "latin1.txt").write_bytes("Za\xbf\xf3\xb3\xe6 g\xea\xb6l\xb1".encode("latin-1"))
    (d / "empty.txt").write_bytes(b"")
    (d / "nul.txt").write_bytes(EN.encode() + b"\x00")
    (d / "de.txt").write_text("Die NATO hat mit den Luftangriffen auf Jugoslawien begonnen, und die Lage im "
                              "Kosovo ist dramatisch, sagte der Kanzler in Bonn.", encoding="utf-8")
    (d / "adir").mkdir()
    (d / "other").mkdir()
    (d / "other" / "good.txt").write_text(EN, encoding="utf-8")
    (d / "mf").mkdir()
    (d / "mf" / "x.txt").write_text(EN, encoding="utf-8")
    (d / "mf" / "manifest.yaml").write_text("documents: [\n", encoding="utf-8")
    (d / "notjson.jsonl").write_text('{"id": 1}\nnot json\n', encoding="utf-8")
    (d / "latin1.jsonl").write_bytes(b'{"id": "caf\xe9"}\n')
    (d / "contract.jsonl").write_text(json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    (d / "bad.yaml").write_text("documents: [\n", encoding="utf-8")
    p = copy_project(root, d / "proj")
    victim = p / "raw" / "en-monitor-contact-group-1998.txt"
    victim.write_text(victim.read_text(encoding="utf-8") + " ", encoding="utf-8")
    (d / "emptyraw").mkdir()
    return d


def _cases(d):
    p = d / "proj"
    return [
        # annotate
        ["annotate", d / "missing.txt", "--out", d / "o1.jsonl"],
        ["annotate", d / "adir", "--out", d / "o1.jsonl"],
        ["annotate", d / "latin1.txt", "--out", d / "o1.jsonl"],
        ["annotate", d / "empty.txt", "--out", d / "o1.jsonl"],
        ["annotate", d / "nul.txt", "--out", d / "o1.jsonl"],
        ["annotate", d / "de.txt", "--out", d / "o1.jsonl"],
        ["annotate", d / "mf" / "x.txt", "--lang", "en", "--out", d / "o1.jsonl"],
        ["annotate", d / "good.txt", "--lang", "en", "--out", d / "good.txt"],
        ["annotate", d / "good.txt", "--lang", "en", "--out", d / "adir"],
        ["annotate", d / "good.txt", "--lang", "en", "--out", d / "good.txt" / "o.jsonl"],
        ["annotate", d / "good.txt", d / "other" / "good.txt", "--lang", "en", "--out", d / "o2.jsonl"],
        ["annotate", d / "good.txt", "--lang", "xx", "--out", d / "o3.jsonl"],
        ["annotate", d / "good.txt", "--lang", "en", "--out", d / "o3.jsonl", "--n-process", "0"],
        ["annotate", d / "good.txt", "--lang", "en", "--out", d / "o3.jsonl", "--scheduler", "tcp://127.0.0.1:1"],
        ["annotate", d / "good.txt", "--lang", "en", "--out", d / "o3.jsonl", "--model", d / "no-such-model"],
        # run
        ["run", "--raw", d / "emptyraw", "--out", d / "run-out", "--no-models", "--quiet"],
        ["run", "--raw", p / "raw", "--annotations", p / "annotations", "--out", d / "run-out", "--quiet"],
        ["run", "--raw", d / "proj" / "nothing", "--out", d / "good.txt" / "x", "--quiet"],
        # evaluate
        ["evaluate", d / "missing.jsonl", "--no-lodo"],
        ["evaluate", d / "adir", "--no-lodo"],
        ["evaluate", d / "latin1.jsonl", "--no-lodo"],
        ["evaluate", d / "notjson.jsonl", "--no-lodo"],
        ["evaluate", d / "contract.jsonl", "--no-lodo", "--raw", p / "raw", "--annotations", p / "annotations"],
        # agreement
        ["agreement", "--raw", d / "emptyraw"],
        ["agreement", "--raw", p / "raw"],
        # build-models
        ["build-models", "--models", d / "good.txt" / "models"],
        # export
        ["export", "--corpus", d / "latin1.jsonl", "--out", d / "ex"],
        ["export", "--corpus", d / "notjson.jsonl", "--out", d / "ex"],
        ["export", "--corpus", d / "contract.jsonl", "--out", d / "ex"],
        ["export", "--corpus", d / "adir", "--out", d / "ex"],
        ["export", "--corpus", p / "annotations" / "gold", "--out", d / "ex"],
        ["export", "--corpus", d / "missing.jsonl", "--out", d / "ex"],
        ["export", "--out", d / "ex", "--dev-share", "2"],
        # datacard
        ["datacard", "--raw", d / "emptyraw", "--annotations", d / "adir"],
        ["datacard", "--check", "--raw", p / "raw", "--annotations", p / "annotations"],
        # release
        ["release", "not-a-version", "--root", d / "adir"],
        ["release", "9.9.9", "--root", p],
        # report
        ["report", d / "latin1.jsonl", "--out", d / "r.html"],
        ["report", d / "missing.jsonl", "--out", d / "r.html"],
        ["report", d / "notjson.jsonl", "--out", d / "notjson.jsonl"],
        ["report", "--raw", p / "raw", "--gold", p / "annotations" / "gold", "--out", d / "r.html"],
        ["report", d / "notjson.jsonl", "--raw", d / "emptyraw", "--out", d / "r.html"],
    ]


def test_every_bad_input_is_one_coded_line_never_a_traceback(bad, capfd):
    before = {p: p.read_bytes() for p in bad.iterdir() if p.is_file()}
    failures = []
    for args in _cases(bad):
        args = [str(a) for a in args]
        try:
            rc = main(args)
        except SystemExit as e:  # argparse
            rc = e.code
        except BaseException:
            traceback.print_exc()
            rc = "raised"
        err = capfd.readouterr().err
        errors = [line for line in err.splitlines() if line.startswith("error: KOS-E")]
        if rc in (0, "raised") or "Traceback" in err or not errors:
            failures.append((args, rc, err[-1500:]))
    assert failures == [], "\n\n".join(f"{' '.join(a)}\n  rc={rc}\n{e}" for a, rc, e in failures)
    # no input was changed by any of it
    assert {p: p.read_bytes() for p in before} == before


def _interrupt(cmd, cwd, ready, timeout=180):
    """Run `cmd` in its own process group and, once `ready(pid)` is true, send SIGINT to the
    whole group, as Ctrl-C in a terminal does; (exit code, stderr)."""
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                         start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        t = time.monotonic()
        while not ready(p.pid) and p.poll() is None and time.monotonic() - t < timeout:
            time.sleep(0.05)
        os.killpg(p.pid, signal.SIGINT)
        _, err = p.communicate(timeout=timeout)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    return p.returncode, err


@pytest.mark.timeout(900)
def test_ctrl_c_with_the_dask_engine_prints_no_traceback(root, tmp_path):
    psutil = pytest.importorskip("psutil")
    pytest.importorskip("distributed")
    text = "\n".join((root / "raw" / f).read_text(encoding="utf-8")
                     for f in ("en-news-cologne-accord-1999.txt", "en-notes-rambouillet-nato.txt"))
    src = tmp_path / "big.txt"
    src.write_text((text + "\n") * 400, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "kosnlp.cli", "annotate", str(src), "--lang", "en", "--out", str(out),
           "--quiet", "--engine", "dask", "--n-process", "2"]

    def started(after):
        t = time.monotonic()
        return lambda pid: time.monotonic() - t > after

    def workers_starting(pid):
        try:
            return len(psutil.Process(pid).children(recursive=True)) >= 2
        except psutil.Error:
            return False

    def writing(pid):  # records are being written to the temp file beside OUT
        return any(p.name.startswith(".out.jsonl.") and p.stat().st_size > 0 for p in tmp_path.iterdir())

    # while kosnlp starts, while the cluster's worker processes start, while chunks are annotated
    for when, ready in (("start", started(1.0)), ("workers", workers_starting), ("writing", writing)):
        out.write_text("old\n", encoding="utf-8")
        rc, err = _interrupt(cmd, tmp_path, ready)
        assert "Traceback" not in err, (when, err[-3000:])
        # Ctrl-C while the local cluster starts is ignored (engine.py): that run may finish
        assert rc == 130 or (rc == 0 and when == "workers"), (when, rc, err[-3000:])
        if rc == 130:
            assert err.strip().splitlines()[-1].startswith("interrupted: "), (when, err[-3000:])
            assert out.read_text(encoding="utf-8") == "old\n"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["big.txt", "out.jsonl"]  # no temp file left


def test_local_cluster_listens_on_localhost_only(monkeypatch):
    distributed = pytest.importorskip("distributed")
    from kosnlp.engine import make_engine
    clients = []

    class Recording(distributed.Client):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            clients.append(self)
    monkeypatch.setattr(distributed, "Client", Recording)
    with make_engine("dask", lambda lang: None, 1):
        addresses = [clients[0].scheduler.address, *clients[0].scheduler_info()["workers"]]
    assert all(a.startswith("tcp://127.0.0.1:") for a in addresses), addresses
