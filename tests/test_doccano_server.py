"""The server's secrets, identity and port checks, without doccano (the real server: test_doccano_roundtrip.py)."""
import hashlib
import hmac
import json
import os
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from types import SimpleNamespace
from wsgiref.simple_server import WSGIRequestHandler, make_server

import pytest

from kosnlp.doccano import _launch
from kosnlp.doccano import credentials as cred
from kosnlp.doccano import server as srv
from kosnlp.doccano.cli import connect
from kosnlp.errors import KosnlpError


def test_generated_passwords_never_start_with_a_dash(monkeypatch, tmp_path):
    values = iter(["-starts-with-dash", "-again", "fine-value"])
    monkeypatch.setattr(cred.secrets, "token_urlsafe", lambda n: next(values))
    assert cred.new_secret() == "fine-value"
    monkeypatch.setattr(cred.secrets, "token_urlsafe", lambda n: "-x")
    monkeypatch.setattr(cred, "new_secret", lambda: "ok-value")
    assert cred.secret_file(tmp_path / "pw") == "ok-value"


def test_data_dir_and_files_become_owner_only_whatever_existed(tmp_path):
    data = tmp_path / "data"
    (data / "logs").mkdir(parents=True)
    os.chmod(data, 0o755)
    os.chmod(data / "logs", 0o755)
    for name in ("db.sqlite3", "logs/webserver.log", "admin-password"):
        (data / name).write_text("x")
        os.chmod(data / name, 0o644)
    cred.secure(data)
    modes = {p.relative_to(data).as_posix(): oct(p.stat().st_mode & 0o777) for p in [data, *data.rglob("*")]}
    assert modes == {".": "0o700", "logs": "0o700", "db.sqlite3": "0o600", "logs/webserver.log": "0o600",
                     "admin-password": "0o600"}
    os.chmod(data / "admin-password", 0o644)
    cred.secret_file(data / "admin-password")
    assert oct((data / "admin-password").stat().st_mode & 0o777) == "0o600"


def test_a_different_password_on_restart_is_detected(tmp_path):
    assert cred.check_password(tmp_path, "first-password")  # recorded (salted hash, 0600)
    assert oct((tmp_path / cred.CHECK_FILE).stat().st_mode & 0o777) == "0o600"
    assert "first-password" not in (tmp_path / cred.CHECK_FILE).read_text()
    assert cred.check_password(tmp_path, "first-password")
    assert not cred.check_password(tmp_path, "another-password")


def test_serve_on_a_taken_port_is_a_coded_error(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        assert srv.port_taken("127.0.0.1", port)
        with pytest.raises(KosnlpError, match=f"KOS-E410 http://127.0.0.1:{port}: port {port} on 127.0.0.1 is taken"):
            srv.serve(srv.Server(tmp_path / "data", tmp_path / "no-env"), port=port)
    assert not (tmp_path / "data").exists()  # nothing started, nothing written


class Foreign(BaseHTTPRequestHandler):
    """Any other web server: answers 200 to everything, and records what it was sent."""
    seen: list = []

    def _answer(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        Foreign.seen.append((self.command, self.path, body))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"key": "token"}')

    do_GET = do_POST = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def foreign_server():
    httpd = HTTPServer(("127.0.0.1", 0), Foreign)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    Foreign.seen = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def data_dir_with_state(tmp_path, url):
    data = tmp_path / "data"
    data.mkdir()
    cred.identity_key(data)
    (data / "admin-password").write_text("the-admin-password\n")
    (data / srv.STATE_FILE).write_text(json.dumps({"url": url, "user": "admin", "pids": {}}))
    return data


def args(data):
    return SimpleNamespace(data_dir=str(data), server_env="services/doccano", retries=0)


def test_no_password_goes_to_a_server_that_does_not_prove_it_is_ours(tmp_path, foreign_server, monkeypatch):
    for k in ("KOSNLP_DOCCANO_URL", "KOSNLP_DOCCANO_PASSWORD", "KOSNLP_DOCCANO_USER"):
        monkeypatch.delenv(k, raising=False)
    data = data_dir_with_state(tmp_path, foreign_server)
    st = srv.status(srv.Server(data))
    assert (st["reachable"], st["foreign"]) == (False, True)
    with pytest.raises(KosnlpError, match="KOS-E411 .*not the one started with this data directory"):
        connect(args(data))
    monkeypatch.setenv("KOSNLP_DOCCANO_URL", foreign_server)  # the URL named, the password still this data dir's
    with pytest.raises(KosnlpError, match="KOS-E411"):
        connect(args(data))
    monkeypatch.setenv("KOSNLP_DOCCANO_PASSWORD", "another-machines-password")  # another machine's server,
    monkeypatch.setenv("KOSNLP_DOCCANO_SERVER_KEY", "its-identity-key")  # whose key it must prove
    with pytest.raises(KosnlpError, match="KOS-E411 .*does not prove it holds KOSNLP_DOCCANO_SERVER_KEY"):
        connect(args(data))
    assert Foreign.seen and all(b"password" not in body and "login" not in path for _, path, body in Foreign.seen)


def test_no_server_running_is_not_an_invitation_to_port_8000(tmp_path, monkeypatch):
    for k in ("KOSNLP_DOCCANO_URL", "KOSNLP_DOCCANO_PASSWORD"):
        monkeypatch.delenv(k, raising=False)
    with pytest.raises(KosnlpError, match="KOS-E401 .*no doccano server of .* is running"):
        connect(args(tmp_path / "never-served"))


def test_the_identity_answer_proves_the_key(tmp_path):
    key = "the-identity-key"
    (tmp_path / cred.IDENTITY_FILE).write_text(key + "\n")

    def app(environ, start_response):
        start_response("200 OK", [])
        return [b"doccano"]

    class Quiet(WSGIRequestHandler):
        def log_message(self, *a):
            pass

    httpd = make_server("127.0.0.1", 0, _launch.identity_app(app, key.encode()), handler_class=Quiet)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        assert cred.proves(url, tmp_path)
        (tmp_path / cred.IDENTITY_FILE).write_text("another-key\n")
        assert not cred.proves(url, tmp_path)
        nonce = "0123456789abcdef"
        import urllib.request
        answer = urllib.request.urlopen(f"{url}{cred.IDENTITY_PATH}?nonce={nonce}").read().decode()
        assert answer == hmac.new(key.encode(), nonce.encode(), hashlib.sha256).hexdigest() and key not in answer
        assert urllib.request.urlopen(f"{url}/other").read() == b"doccano"
    finally:
        httpd.shutdown()
