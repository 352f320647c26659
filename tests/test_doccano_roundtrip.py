"""The doccano round trip against a real doccano 1.8 server on 127.0.0.1.

The module starts one server (its own environment under services/doccano, installed on
first use) on a free port with a temporary data directory, and stops it at the end.
Without the doccano environment the tests are skipped, unless KOSNLP_REQUIRE_DOCCANO=1
(CI sets it), in which case they fail.
"""
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from doccano_corpus import RAW, many, records, write_corpus, write_raw

from kosnlp.cli import main
from kosnlp.doccano import credentials as cred
from kosnlp.doccano import server as srv
from kosnlp.doccano.client import Doccano
from kosnlp.doccano.pull import pull
from kosnlp.doccano.push import PENDING, span_tuples
from kosnlp.errors import KosnlpError
from kosnlp.gold import write_gold
from kosnlp.records import make_record, write_jsonl

pytestmark = pytest.mark.timeout(600)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory, root):
    s = srv.Server(tmp_path_factory.mktemp("doccano-data"), root / "services" / "doccano")
    try:
        srv.install(s, quiet=True)
    except KosnlpError as e:
        if os.environ.get("KOSNLP_REQUIRE_DOCCANO") == "1":
            raise
        pytest.skip(f"no doccano server environment here: {e}")
    port = free_port()
    state = start(s, port)
    yield {"server": s, "url": state["url"], "port": port, "data_dir": str(s.data_dir)}
    srv.stop(s)


def start(s, port):
    """Serve with doccano's import chunk at 100 sentences: several chunks in a few hundred sentences."""
    saved = os.environ.get("IMPORT_BATCH_SIZE")
    os.environ["IMPORT_BATCH_SIZE"] = "100"
    try:
        return srv.serve(s, port=port, workers=2)
    finally:
        os.environ.pop("IMPORT_BATCH_SIZE") if saved is None else os.environ.update(IMPORT_BATCH_SIZE=saved)


@pytest.fixture
def env(server, monkeypatch):
    for k in ("KOSNLP_DOCCANO_URL", "KOSNLP_DOCCANO_USER", "KOSNLP_DOCCANO_PASSWORD"):
        monkeypatch.delenv(k, raising=False)
    return ["--data-dir", server["data_dir"], "--server-env", str(server["server"].env_dir)]


def admin(server) -> Doccano:
    return Doccano(server["url"], "admin", cred.admin_password(server["server"].data_dir)).login()


def annotator(server, env, project, name="anna") -> Doccano:
    assert main(["doccano", "add-annotator", name, "--project", project, *env]) == 0
    pw = (server["server"].data_dir / "users" / f"{name}.password").read_text().strip()
    return Doccano(server["url"], name, pw).login()


def by_sid(dc, pid):
    return {e["meta"]["sentence_id"]: e["id"] for e in dc.examples(pid)}


def gold_bytes(gold):
    return {f.name: f.read_bytes() for f in sorted(gold.iterdir())}


def test_server_binds_loopback_and_keeps_password_out_of_logs(server, env, capsys):
    assert server["url"] == f"http://127.0.0.1:{server['port']}"
    assert main(["doccano", "status", *env]) == 0
    assert "answering" in capsys.readouterr().out
    pw_file = server["server"].data_dir / "admin-password"
    assert oct(pw_file.stat().st_mode & 0o777) == "0o600"
    data = server["server"].data_dir
    modes = {oct(p.stat().st_mode & 0o777) for p in [data, *data.rglob("*")] if p.is_dir()}
    assert modes == {"0o700"}
    files = {p.name: oct(p.stat().st_mode & 0o777) for p in data.rglob("*") if p.is_file()}
    assert "db.sqlite3" in files and set(files.values()) == {"0o600"}, files
    pw = pw_file.read_text().strip()
    logs = "".join(f.read_text(errors="replace") for f in (server["server"].data_dir / "logs").iterdir())
    assert pw not in logs and "Setting password for User admin" in logs
    with socket.socket() as s:  # not reachable on another interface address
        s.settimeout(1)
        other = socket.gethostbyname(socket.gethostname())
        if not other.startswith("127."):
            assert s.connect_ex((other, server["port"])) != 0


def test_wrong_password_and_missing_project(server):
    with pytest.raises(KosnlpError, match="KOS-E402 .*login as 'admin' refused"):
        Doccano(server["url"], "admin", "not-the-password", retries=0).login()
    with pytest.raises(KosnlpError, match="KOS-E403 .*no project named 'nope'"):
        admin(server).project_id("nope")


def test_gold_push_pull_without_change_is_byte_identical(server, env, tmp_path, capsys):
    gold = tmp_path / "gold"
    write_corpus(gold)
    write_raw(tmp_path / "raw")
    before = gold_bytes(gold)
    args = ["--project", "unchanged", "--gold", str(gold), *env]
    raw = ["--raw", str(tmp_path / "raw")]
    assert main(["doccano", "push", "--source", "gold", *args]) == 0
    assert main(["doccano", "push", "--source", "gold", *args]) == 0  # idempotent
    assert "0 uploaded, 4 already there" in capsys.readouterr().out
    dc = admin(server)
    pid = dc.project_id("unchanged")
    assert len(list(dc.examples(pid))) == 4
    dc.confirm(pid, by_sid(dc, pid)["pl-test-0002"])  # confirmed without a change
    assert main(["doccano", "pull", "--records", *raw, *args]) == 0
    assert gold_bytes(gold) == before


def test_annotator_corrections_come_back_exactly(server, env, tmp_path, capsys):
    gold = tmp_path / "gold"
    write_corpus(gold)
    write_raw(tmp_path / "raw")
    before = {r["id"]: r for r in records()}
    args = ["--project", "corrections", "--gold", str(gold), *env]
    raw = ["--raw", str(tmp_path / "raw")]
    assert main(["doccano", "push", "--source", "gold", *args]) == 0
    anna = annotator(server, env, "corrections")
    pid = anna.project_id("corrections")
    ex, labels = by_sid(anna, pid), anna.label_ids(pid)

    def spans(sid):
        return {(s["start"], s["end"]): s for s in anna.spans(pid, ex[sid])}

    # add: "grupy kontaktowej" between typographic quotes (offsets counted in code points)
    text = before["pl-test-0001"]["text"]
    g = text.index("grupy kontaktowej")
    anna.create_span(pid, ex["pl-test-0001"], g, g + len("grupy kontaktowej"), labels["ACTOR"])
    # re-bound: "6 lutego 1999 r." -> "6 lutego 1999"
    text2 = before["pl-test-0002"]["text"]
    d = text2.index("6 lutego 1999 r.")
    anna.update_span(pid, ex["pl-test-0002"], spans("pl-test-0002")[(d, d + 16)]["id"], d, d + 13, labels["DATE"])
    # delete "Igor Iwanow"; relabel "Moscow"
    i = text2.index("Igor Iwanow")
    anna.delete_span(pid, ex["pl-test-0002"], spans("pl-test-0002")[(i, i + 11)]["id"])
    m = before["en-test-0002"]["text"].index("Moscow")
    anna.update_span(pid, ex["en-test-0002"], spans("en-test-0002")[(m, m + 6)]["id"], m, m + 6, labels["ACTOR"])
    # a change that is never confirmed does not come back
    n = spans("en-test-0001")[(0, 4)]
    anna.delete_span(pid, ex["en-test-0001"], n["id"])
    for sid in ("pl-test-0001", "pl-test-0002", "en-test-0002"):
        anna.confirm(pid, ex[sid])

    capsys.readouterr()
    assert main(["doccano", "pull", "--dry-run", "--records", *raw, *args]) == 0
    diff = capsys.readouterr().out.splitlines()
    assert sorted(diff) == sorted([
        f"+ pl-test-0001 [{g},{g + 17}) ACTOR 'grupy kontaktowej'",
        f"- pl-test-0002 [{d},{d + 16}) DATE '6 lutego 1999 r.'",
        f"+ pl-test-0002 [{d},{d + 13}) DATE '6 lutego 1999'",
        f"- pl-test-0002 [{i},{i + 11}) ACTOR 'Igor Iwanow'",
        f"- en-test-0002 [{m},{m + 6}) PLACE 'Moscow'",
        f"+ en-test-0002 [{m},{m + 6}) ACTOR 'Moscow'"])
    assert main(["doccano", "pull", "--records", *raw, *args]) == 0
    after = {r["id"]: r for f in sorted(gold.iterdir()) for r in map(json.loads, f.read_text().splitlines())}
    got = {sid: [(s["text"], s["label"]) for s in r["spans"]] for sid, r in after.items()}
    assert got == {
        "pl-test-0001": [("grupy kontaktowej", "ACTOR"), ("Rambouillet", "PLACE")],
        "pl-test-0002": [("Joschka Fischer", "ACTOR"), ("6 lutego 1999", "DATE"), ("Miloševiciem", "ACTOR")],
        "en-test-0001": [("NATO", "ACTOR"), ("24 March", "DATE")],
        "en-test-0002": [("Madeleine Albright", "ACTOR"), ("Moscow", "ACTOR")]}
    for sid, r in after.items():
        assert all(r["text"][s["start"]:s["end"]] == s["text"] for s in r["spans"])
        prov = r["provenance"]
        if sid == "en-test-0001":
            assert r == before[sid]
        else:
            assert prov["doccano"]["annotator"] == "anna" and prov["doccano"]["confirmed_at"]
            assert prov["annotator"] == "A"


def test_polish_diacritics_and_quotes_keep_exact_offsets(server, env, tmp_path):
    text = "„Miloševiciowi” — rzekł Żiwkowić — «nie wolno zwlekać», a Kouchner w Prisztinie… 😀 Łódź."
    surfaces = [("Miloševiciowi", "ACTOR"), ("Żiwkowić", "ACTOR"), ("Kouchner", "ACTOR")]
    spans = [{"start": text.index(s), "end": text.index(s) + len(s), "label": lab, "text": s} for s, lab in surfaces]
    rec = make_record("pl-quotes", "pl", 0, 0, len(text), text, spans, status="silver")
    silver = tmp_path / "silver.jsonl"
    write_jsonl(silver, [rec])
    gold = tmp_path / "gold"
    gold.mkdir()
    write_raw(tmp_path / "raw", {"pl-quotes": text})
    args = ["--project", "quotes", "--gold", str(gold), *env]
    raw = ["--raw", str(tmp_path / "raw")]
    assert main(["doccano", "push", "--records", str(silver), *args]) == 0
    dc = admin(server)
    pid = dc.project_id("quotes")
    (eid,) = by_sid(dc, pid).values()
    assert dc.examples(pid).__next__()["text"] == text
    assert sorted((s["start"], s["end"]) for s in dc.spans(pid, eid)) == [(s["start"], s["end"]) for s in spans]
    for place in ("Prisztinie", "Łódź"):
        p = text.index(place)
        dc.create_span(pid, eid, p, p + len(place), dc.label_ids(pid)["PLACE"])
    dc.confirm(pid, eid)
    assert main(["doccano", "pull", "--records", str(silver), *raw, *args]) == 0
    (out,) = [json.loads(x) for x in (gold / "pl-quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(s["text"], s["label"]) for s in out["spans"]] == surfaces + [("Prisztinie", "PLACE"), ("Łódź", "PLACE")]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in out["spans"])
    assert out["status"] == "gold" and out["provenance"]["origin"] == "corrected"


def test_server_stopped_mid_pull_leaves_gold_then_pull_completes(server, env, tmp_path):
    gold = tmp_path / "gold"
    write_corpus(gold)
    assert main(["doccano", "push", "--source", "gold", "--project", "outage", "--gold", str(gold), *env]) == 0
    dc = admin(server)
    pid = dc.project_id("outage")
    eid = by_sid(dc, pid)["en-test-0002"]
    (moscow,) = [s for s in dc.spans(pid, eid) if s["start"] == 27]
    dc.delete_span(pid, eid, moscow["id"])
    dc.confirm(pid, eid)
    before = gold_bytes(gold)

    class Outage(Doccano):
        def states(self, project_id, example_id):  # the export is done; the server goes away
            with lock:
                srv.stop(server["server"])
            return super().states(project_id, example_id)

    lock = threading.Lock()

    pw = cred.admin_password(server["server"].data_dir)
    with pytest.raises(KosnlpError, match="KOS-E401 .*server unreachable"):
        pull(Outage(server["url"], "admin", pw, retries=2, backoff=0.1).login(), "outage", gold, RAW)
    assert gold_bytes(gold) == before
    start(server["server"], server["port"])
    res = pull(admin(server), "outage", gold, RAW)
    assert len(res.changes) == 1 and not res.conflicts
    recs = [json.loads(x) for x in (gold / "en-test.jsonl").read_text().splitlines()]
    assert [s["text"] for s in recs[1]["spans"]] == ["Madeleine Albright"]


def sql(server, query: str, *params):
    """Read doccano's database directly (read-only), as the test's independent view of the server."""
    db = server["server"].data_dir / "db.sqlite3"
    for _ in range(200):
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as c:
                return c.execute(query, params).fetchall()
        except sqlite3.OperationalError:
            time.sleep(0.005)
    raise AssertionError("doccano's database stayed locked")


def kill_server(server) -> None:
    """The server stops at once (SIGKILL: no graceful end of the running import)."""
    for pid in server["server"].state()["pids"].values():
        try:
            os.killpg(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    srv.stop(server["server"])


EXAMPLES_AND_WITH_SPANS = """
SELECT (SELECT count(*) FROM examples_example e JOIN projects_project p ON e.project_id = p.id WHERE p.name = ?),
       (SELECT count(DISTINCT s.example_id) FROM labels_span s JOIN examples_example e ON s.example_id = e.id
        JOIN projects_project p ON e.project_id = p.id WHERE p.name = ?)"""


def test_server_stopped_in_the_middle_of_a_push_then_rerun(server, env, tmp_path, capsys, monkeypatch):
    texts, recs = many(600)
    raw, gold = tmp_path / "raw", tmp_path / "gold"
    write_raw(raw, texts)
    write_gold(recs, gold)
    before = gold_bytes(gold)
    with_spans = sum(1 for r in recs if r["spans"])
    args = ["--project", "interrupted", "--gold", str(gold), *env]
    caught, done = {}, threading.Event()

    def killer():  # stop the server when examples are in the database and their spans not yet
        while not done.is_set():
            n_examples, n_with_spans = sql(server, EXAMPLES_AND_WITH_SPANS, "interrupted", "interrupted")[0]
            if n_examples > n_with_spans or 0 < n_examples < len(recs):
                kill_server(server)
                caught.update(examples=n_examples, with_spans=n_with_spans)
                return
            time.sleep(0.002)

    t = threading.Thread(target=killer)
    t.start()
    rc = main(["doccano", "push", "--source", "gold", *args, "--retries", "1"])  # review: the gold path
    done.set()
    t.join()
    assert caught and rc == 1 and "KOS-E401" in capsys.readouterr().err, caught
    print(f"server stopped with {caught['examples']} examples in the database, {caught['with_spans']} with spans",
          file=sys.__stderr__)

    monkeypatch.setenv("KOSNLP_DOCCANO_PASSWORD", "not-the-admin-password")
    with pytest.raises(KosnlpError, match="KOS-E412 .*not the admin password this data directory"):
        srv.serve(server["server"], port=server["port"])
    monkeypatch.delenv("KOSNLP_DOCCANO_PASSWORD")
    start(server["server"], server["port"])

    assert main(["doccano", "push", "--source", "gold", *args]) == 0
    out = capsys.readouterr().out
    dc = admin(server)
    pid = dc.project_id("interrupted")
    rows = dc.export(pid, confirmed_only=False)
    assert sorted(r["sentence_id"] for r in rows) == sorted(r["id"] for r in recs)  # one example per sentence
    assert {r["sentence_id"]: span_tuples(r["label"]) for r in rows} == {r["id"]: span_tuples(r["spans"]) for r in recs}
    assert not dc.markers(pid, PENDING)
    n_examples, n_with_spans = sql(server, EXAMPLES_AND_WITH_SPANS, "interrupted", "interrupted")[0]
    assert (n_examples, n_with_spans) == (len(recs), with_spans)
    repaired = out.count("repaired ")
    print(f"rerun: {out.splitlines()[0]}; {repaired} repaired", file=sys.__stderr__)
    assert repaired == caught["examples"] - caught["with_spans"] or "uploaded" in out, (caught, out[-500:])

    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(4) as pool:  # the annotators confirm every sentence as they see it
        list(pool.map(lambda r: dc.confirm(pid, r["id"]), rows))
    assert main(["doccano", "pull", "--records", "--raw", str(raw), *args]) == 0
    assert gold_bytes(gold) == before  # no gold span lost


def test_two_pushes_at_once_make_one_example_per_sentence(server, env, tmp_path):
    texts, recs = many(300, status="silver")
    silver = tmp_path / "silver.jsonl"
    write_jsonl(silver, recs)
    common = ["doccano", "push", "--project", "concurrent", "--records", str(silver), "--gold", str(tmp_path / "g")]
    code = "import sys; from kosnlp.cli import main; sys.exit(main(sys.argv[1:]))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KOSNLP_DOCCANO")}
    here = subprocess.Popen([sys.executable, "-c", code, *common, *env], env=clean, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    other_machine = dict(clean, KOSNLP_DOCCANO_URL=server["url"],
                         KOSNLP_DOCCANO_PASSWORD=cred.admin_password(server["server"].data_dir),
                         KOSNLP_DOCCANO_SERVER_KEY=cred.identity_key(server["server"].data_dir))
    there = subprocess.Popen([sys.executable, "-c", code, *common, "--data-dir", str(tmp_path / "elsewhere")],
                             env=other_machine, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    outs = [p.communicate(timeout=400) for p in (here, there)]
    assert [p.returncode for p in (here, there)] == [0, 0], outs
    uploaded = sorted(int(re.search(r"(\d+) uploaded", out).group(1)) for out, _ in outs)
    assert uploaded == [0, len(recs)], outs
    dc = admin(server)
    pid = dc.project_id("concurrent")
    assert len([p for p in dc._client.list_projects() if p.name == "concurrent"]) == 1
    assert sorted(e["meta"]["sentence_id"] for e in dc.examples(pid)) == sorted(r["id"] for r in recs)


def test_a_traversing_doc_id_is_refused(server, env, tmp_path, capsys):
    gold = tmp_path / "deep" / "gold"
    write_corpus(gold)
    write_raw(tmp_path / "raw")
    before = gold_bytes(gold)
    args = ["--project", "traversal", "--gold", str(gold), *env]
    raw = ["--raw", str(tmp_path / "raw")]
    assert main(["doccano", "push", "--source", "gold", *args]) == 0
    dc = admin(server)
    pid = dc.project_id("traversal")
    ex = next(e for e in dc.examples(pid) if e["meta"]["sentence_id"] == "en-test-0002")
    dc.set_meta(pid, ex["id"], ex["text"], dict(ex["meta"], doc_id="../../x", sentence_id="../../x-0002"))
    dc.confirm(pid, ex["id"])
    capsys.readouterr()
    assert main(["doccano", "pull", "--records", *raw, *args]) == 1
    err = capsys.readouterr().err
    assert f"KOS-E415 conflict bad-id example {ex['id']}" in err
    assert gold_bytes(gold) == before and not list(tmp_path.rglob("x.jsonl"))


def test_a_label_swap_in_doccano_is_refused(server, env, tmp_path, capsys):
    gold = tmp_path / "gold"
    write_corpus(gold)
    write_raw(tmp_path / "raw")
    before = gold_bytes(gold)
    args = ["--project", "swap", "--gold", str(gold), *env]
    raw = ["--raw", str(tmp_path / "raw")]
    assert main(["doccano", "push", "--source", "gold", *args]) == 0
    dc = admin(server)
    pid = dc.project_id("swap")
    for e in dc.examples(pid):
        dc.confirm(pid, e["id"])
    ids = dc.label_ids(pid)
    for label_id, name in ((ids["ACTOR"], "TMP"), (ids["PLACE"], "ACTOR"), (ids["ACTOR"], "PLACE")):
        dc._client.update_label_type(pid, label_id, "span", text=name)
    capsys.readouterr()
    assert main(["doccano", "pull", "--records", *raw, *args]) == 1
    assert "KOS-E413" in capsys.readouterr().err
    assert gold_bytes(gold) == before
    assert main(["doccano", "push", "--source", "gold", *args]) == 1  # nor is anything pushed into it
    assert "KOS-E413" in capsys.readouterr().err


def test_a_taken_port_is_a_coded_error_and_a_foreign_server_is_not_answering(server, env, tmp_path, capsys):
    other = tmp_path / "other"
    assert main(["doccano", "serve", "--port", str(server["port"]), "--data-dir", str(other),
                 "--server-env", env[3]]) == 1
    assert f"KOS-E410 {server['url']}: port {server['port']}" in capsys.readouterr().err
    other.mkdir()
    cred.identity_key(other)  # a data dir whose recorded server is now someone else's
    (other / srv.STATE_FILE).write_text(json.dumps({"url": server["url"], "user": "admin", "pids": {}}))
    assert main(["doccano", "status", "--data-dir", str(other)]) == 3
    assert "another server answers there" in capsys.readouterr().out
    write_corpus(tmp_path / "gold")
    assert main(["doccano", "push", "--source", "gold", "--gold", str(tmp_path / "gold"), "--project", "never",
                 "--data-dir", str(other)]) == 1
    assert "KOS-E411" in capsys.readouterr().err


def test_add_annotator_before_the_first_push(server, env, tmp_path):
    assert main(["doccano", "add-annotator", "bob", "--project", "fresh", *env]) == 0
    dc = admin(server)
    pid = dc.project_id("fresh")
    assert set(dc.label_ids(pid)) == {"ACTOR", "PLACE", "DATE"}
    gold = tmp_path / "gold"
    write_corpus(gold)
    assert main(["doccano", "push", "--source", "gold", "--project", "fresh", "--gold", str(gold), *env]) == 0
    assert len(list(dc.examples(pid))) == len(records())


def test_resolve_settles_a_conflict(server, env, tmp_path, capsys):
    gold = tmp_path / "gold"
    write_corpus(gold)
    write_raw(tmp_path / "raw")
    args = ["--project", "resolve", "--gold", str(gold), *env]
    raw = ["--raw", str(tmp_path / "raw")]
    assert main(["doccano", "push", "--source", "gold", *args]) == 0
    anna = annotator(server, env, "resolve", "rita")
    pid = anna.project_id("resolve")
    eid = by_sid(anna, pid)["en-test-0002"]
    moscow = next(s for s in anna.spans(pid, eid) if s["start"] == 27)
    anna.update_span(pid, eid, moscow["id"], 27, 33, anna.label_ids(pid)["ACTOR"])
    anna.confirm(pid, eid)
    recs = records()
    recs[3]["spans"] = recs[3]["spans"][:1]
    write_jsonl(gold / "en-test.jsonl", recs[2:])  # and a local edit since the push
    capsys.readouterr()
    assert main(["doccano", "pull", "--records", *raw, *args]) == 1
    assert f"KOS-E404 conflict both-edited en-test-0002 (example {eid})" in capsys.readouterr().err
    assert main(["doccano", "resolve", "en-test-0002", "--keep", "doccano", "--records", *raw, *args]) == 0
    rec = [json.loads(x) for x in (gold / "en-test.jsonl").read_text().splitlines()][1]
    assert [(s["text"], s["label"]) for s in rec["spans"]] == [("Madeleine Albright", "ACTOR"), ("Moscow", "ACTOR")]
    assert rec["provenance"]["doccano"]["annotator"] == "rita"
    before = gold_bytes(gold)
    assert main(["doccano", "pull", "--records", *raw, *args]) == 0
    assert gold_bytes(gold) == before


def test_growth_story_end_to_end_through_a_real_server(server, env, tmp_path, root, monkeypatch):
    """A project lead adds a new Polish document, runs the pipeline and pushes its sentences
    (the command line); an annotator corrects and confirms some of them through the REST API;
    the lead pulls, reviews the flagged norms and releases. The grown project then passes the
    corpus checks (tests/test_growth.py runs them on the fake-doccano version of this step)."""
    from growth import READING, grow, spans_by_reading

    from kosnlp import datacard
    from kosnlp.gold import coverage, load_gold
    from kosnlp.ingest import load_raw_corpus

    def through_the_server(p, new, silver, docs, gold_dir):
        monkeypatch.chdir(p)  # the lead works in the project directory, with the commands' defaults
        doc_id = new[0]["doc_id"]
        assert main(["doccano", "push", "--project", "growth", "--doc", doc_id, *env]) == 0
        anna = annotator(server, env, "growth")
        pid = anna.project_id("growth")
        ex, labels = by_sid(anna, pid), anna.label_ids(pid)
        assert set(ex) == {r["id"] for r in new}  # the new document only: the rest of the corpus is gold
        for n, reading in READING.items():
            eid = ex[new[n - 1]["id"]]
            for s in anna.spans(pid, eid):
                anna.delete_span(pid, eid, s["id"])
            for start, end, label in spans_by_reading(new[n - 1]["text"], reading):
                anna.create_span(pid, eid, start, end, labels[label])
            anna.confirm(pid, eid)
        assert main(["doccano", "pull", "--project", "growth", *env]) == 0

    g = grow(root, tmp_path / "grown", through=through_the_server)
    p, doc_id = g["root"], g["doc_id"]
    docs = load_raw_corpus(p / "raw")
    gold = load_gold(p / "annotations" / "gold", {d.doc_id: d.text for d in docs})
    mine = {r["id"]: r for r in gold if r["doc_id"] == doc_id}
    assert set(mine) == {g["new"][n - 1]["id"] for n in READING}
    for n, reading in READING.items():
        r = mine[g["new"][n - 1]["id"]]
        assert [(s["text"], s["label"]) for s in r["spans"]] == reading
        assert r["provenance"]["doccano"]["annotator"] == "anna"
    assert coverage(gold, docs)["documents"][doc_id]["state"] == "partial"
    datacard.check(p / "annotations", p / "raw")
