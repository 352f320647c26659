"""The doccano round trip against a real doccano 1.8 server on 127.0.0.1.

The module starts one server (its own environment under services/doccano, installed on
first use) on a free port with a temporary data directory, and stops it at the end.
Without the doccano environment the tests are skipped, unless KOSNLP_REQUIRE_DOCCANO=1
(CI sets it), in which case they fail.
"""
import json
import os
import socket
import threading

import pytest
from doccano_corpus import RAW, records, write_corpus

from kosnlp.cli import main
from kosnlp.doccano import server as srv
from kosnlp.doccano.client import Doccano
from kosnlp.doccano.pull import pull
from kosnlp.errors import KosnlpError
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
    state = srv.serve(s, port=port, workers=2)
    yield {"server": s, "url": state["url"], "port": port, "data_dir": str(s.data_dir)}
    srv.stop(s)


@pytest.fixture
def env(server, monkeypatch):
    for k in ("KOSNLP_DOCCANO_URL", "KOSNLP_DOCCANO_USER", "KOSNLP_DOCCANO_PASSWORD"):
        monkeypatch.delenv(k, raising=False)
    return ["--data-dir", server["data_dir"], "--server-env", str(server["server"].env_dir)]


def admin(server) -> Doccano:
    return Doccano(server["url"], "admin", srv.admin_password(server["server"].data_dir)).login()


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
    before = gold_bytes(gold)
    args = ["--project", "unchanged", "--gold", str(gold), *env]
    assert main(["doccano", "push", "--source", "gold", *args]) == 0
    assert main(["doccano", "push", "--source", "gold", *args]) == 0  # idempotent
    assert "0 uploaded, 4 already there" in capsys.readouterr().out
    dc = admin(server)
    pid = dc.project_id("unchanged")
    assert len(list(dc.examples(pid))) == 4
    dc.confirm(pid, by_sid(dc, pid)["pl-test-0002"])  # confirmed without a change
    assert main(["doccano", "pull", "--records", "--raw", str(tmp_path / "no-raw"), *args]) == 0
    assert gold_bytes(gold) == before


def test_annotator_corrections_come_back_exactly(server, env, tmp_path, capsys):
    gold = tmp_path / "gold"
    write_corpus(gold)
    before = {r["id"]: r for r in records()}
    args = ["--project", "corrections", "--gold", str(gold), *env]
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
    assert main(["doccano", "pull", "--dry-run", "--records", *args]) == 0
    diff = capsys.readouterr().out.splitlines()
    assert sorted(diff) == sorted([
        f"+ pl-test-0001 [{g},{g + 17}) ACTOR 'grupy kontaktowej'",
        f"- pl-test-0002 [{d},{d + 16}) DATE '6 lutego 1999 r.'",
        f"+ pl-test-0002 [{d},{d + 13}) DATE '6 lutego 1999'",
        f"- pl-test-0002 [{i},{i + 11}) ACTOR 'Igor Iwanow'",
        f"- en-test-0002 [{m},{m + 6}) PLACE 'Moscow'",
        f"+ en-test-0002 [{m},{m + 6}) ACTOR 'Moscow'"])
    assert main(["doccano", "pull", "--records", *args]) == 0
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
    args = ["--project", "quotes", "--gold", str(gold), *env]
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
    assert main(["doccano", "pull", "--records", str(silver), *args]) == 0
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

    pw = srv.admin_password(server["server"].data_dir)
    with pytest.raises(KosnlpError, match="KOS-E401 .*server unreachable"):
        pull(Outage(server["url"], "admin", pw, retries=2, backoff=0.1).login(), "outage", gold, RAW)
    assert gold_bytes(gold) == before
    srv.serve(server["server"], port=server["port"])
    res = pull(admin(server), "outage", gold, RAW)
    assert len(res.changes) == 1 and not res.conflicts
    recs = [json.loads(x) for x in (gold / "en-test.jsonl").read_text().splitlines()]
    assert [s["text"] for s in recs[1]["spans"]] == ["Madeleine Albright"]
