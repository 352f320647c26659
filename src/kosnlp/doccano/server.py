"""`kosnlp doccano serve | stop | status`: a real doccano 1.8 server in its own environment.

doccano is a separate application with dependencies that cannot share kosnlp's
environment (pydantic, numpy, pandas pins), so it lives in its own uv-locked project
(`services/doccano`), installed on first use with `uv sync --frozen`. The server's data
(SQLite database, media, logs, secrets, pids) lives in a data directory the user names.

The data directory's secrets and the server's identity check: kosnlp.doccano.credentials.
doccano runs with umask 077.
"""
from __future__ import annotations

import errno
import json
import os
import socket
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import KosnlpError
from .credentials import (CHECK_FILE, IDENTITY_FILE, admin_password, check_password, identity_key, proves,
                          secret_file, secure, write_private)

DEFAULT_ENV_DIR = "services/doccano"
DEFAULT_DATA_DIR = ".doccano"
DEFAULT_PORT = 8000
STATE_FILE = "server.json"
LAUNCH = Path(__file__).with_name("_launch.py")


@dataclass
class Server:
    data_dir: Path
    env_dir: Path = Path(DEFAULT_ENV_DIR)

    @property
    def python(self) -> Path:
        return self.env_dir / ".venv" / "bin" / "python"

    @property
    def state_path(self) -> Path:
        return self.data_dir / STATE_FILE

    def state(self) -> dict | None:
        try:
            return json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None


def port_taken(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as e:
            return e.errno in (errno.EADDRINUSE, errno.EACCES)
    return False


def install(server: Server, quiet: bool = False) -> None:
    """Create the doccano environment from its lock file if it is not there yet."""
    if server.python.exists():
        return
    if not (server.env_dir / "uv.lock").exists():
        raise KosnlpError("KOS-E406", "no doccano environment project (pyproject.toml + uv.lock)",
                          where=str(server.env_dir), hint="run from the project root or pass --server-env")
    uv = os.environ.get("UV") or shutil.which("uv")
    if not uv:
        raise KosnlpError("KOS-E406", "uv is needed to install the doccano server environment",
                          where=str(server.env_dir), hint="python3 -m pip install uv")
    if not quiet:
        print(f"installing the doccano server environment in {server.env_dir}/.venv (once) ...", file=sys.stderr)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")}
    done = subprocess.run([uv, "sync", "--frozen", "--project", str(server.env_dir)], env=env,
                          capture_output=True, text=True)
    if done.returncode != 0 or not server.python.exists():
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise KosnlpError("KOS-E406", f"installing doccano failed: {tail}", where=str(server.env_dir),
                          hint=f"run `uv sync --frozen --project {server.env_dir}` to see why")


def _env(server: Server, host: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOSNLP_DOCCANO_")}  # no secret of ours
    identity_key(server.data_dir)
    env.update(DOCCANO_HOME=str(server.data_dir.resolve()), KOSNLP_DOCCANO_HOST=host,
               SECRET_KEY=secret_file(server.data_dir / "secret-key"), DEBUG="False",
               KOSNLP_DOCCANO_IDENTITY_FILE=str((server.data_dir / IDENTITY_FILE).resolve()))
    env.pop("VIRTUAL_ENV", None)
    return env


def _doccano(server: Server, env: dict, *args: str, log=None, wait: bool = True):
    cmd = [str(server.python), str(LAUNCH), *args]
    if wait:
        done = subprocess.run(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, umask=0o077)
        if done.returncode != 0:
            raise KosnlpError("KOS-E407", f"`doccano {args[0]}` failed (exit {done.returncode})",
                              where=str(server.data_dir), hint=f"see {server.data_dir}/logs/")
        return done
    return subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                            umask=0o077)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def reachable(url: str, timeout: float = 2.0) -> bool:
    try:
        import urllib.request
        with urllib.request.urlopen(url.rstrip("/") + "/v1/health/?format=json", timeout=timeout) as r:
            return r.status < 500
    except Exception:
        return False


def serve(server: Server, host: str = "127.0.0.1", port: int = DEFAULT_PORT, workers: int = 2,
          user: str | None = None, timeout: float = 180.0, quiet: bool = False) -> dict:
    """Start the web server and the task worker in the background; return the state."""
    state = server.state()
    if state and any(alive(p) for p in state["pids"].values()):
        raise KosnlpError("KOS-E407", f"a server is already running at {state['url']}", where=str(server.data_dir),
                          hint="`kosnlp doccano stop` first, or use another --data-dir")
    url = f"http://{'127.0.0.1' if host in ('0.0.0.0', '') else host}:{port}"
    if port_taken(host, port) or reachable(url, timeout=1.0):
        raise KosnlpError("KOS-E410", f"port {port} on {host} is taken by another process", where=url,
                          hint="stop that process or choose another --port")
    install(server, quiet=quiet)
    secure(server.data_dir)
    logs = server.data_dir / "logs"
    logs.mkdir(exist_ok=True, mode=0o700)
    user = user or os.environ.get("KOSNLP_DOCCANO_USER", "admin")
    password = admin_password(server.data_dir)
    first = not (server.data_dir / CHECK_FILE).exists()
    generated = server.data_dir / "admin-password"
    if first and (server.data_dir / "db.sqlite3").exists() and generated.exists() and \
            generated.read_text(encoding="utf-8").strip() != password:
        first = False  # a data dir made before the check file: its generated password is the admin's
        check_password(server.data_dir, generated.read_text(encoding="utf-8").strip())
    if not first and not check_password(server.data_dir, password):
        raise KosnlpError("KOS-E412", "KOSNLP_DOCCANO_PASSWORD is not the admin password this data directory "
                          "was created with", where=str(server.data_dir),
                          hint="unset it or set the original one; to change the password, change it in doccano "
                               "(admin page) and delete admin-password.check")
    env = _env(server, host)
    with open(logs / "setup.log", "a", encoding="utf-8") as log:
        _doccano(server, env, "init", log=log)
        if first:
            _doccano(server, {**env, "KOSNLP_DOCCANO_ADMIN_PASSWORD": password}, "createuser",
                     "--username", user, "--email", f"{user}@localhost", log=log)
            check_password(server.data_dir, password)
    web = _doccano(server, env, "webserver", "--port", str(port), "--workers", str(workers),
                   log=open(logs / "webserver.log", "a", encoding="utf-8"), wait=False)
    task = _doccano(server, env, "task", "--concurrency", "1",
                    log=open(logs / "task.log", "a", encoding="utf-8"), wait=False)
    state = {"url": url, "host": host, "port": port, "user": user, "pids": {"webserver": web.pid, "task": task.pid},
             "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    write_private(server.state_path, json.dumps(state, indent=1))
    deadline = time.monotonic() + timeout
    while not (proves(url, server.data_dir) and reachable(url, timeout=10.0)):  # ours, and Django up
        if web.poll() is not None or time.monotonic() > deadline:
            stop(server)
            raise KosnlpError("KOS-E407", f"the web server did not answer at {url}", where=str(server.data_dir),
                              hint=f"see {logs / 'webserver.log'}; is port {port} free?")
        time.sleep(0.5)
    secure(server.data_dir)
    return state


def stop(server: Server, timeout: float = 20.0) -> bool:
    """Stop the processes recorded in the data directory; False if none was running."""
    state = server.state()
    if not state:
        return False
    pids = [p for p in state["pids"].values() if alive(p)]
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            try:
                os.killpg(pid, sig)
            except (ProcessLookupError, PermissionError):
                pass
        deadline = time.monotonic() + timeout
        while any(alive(p) for p in pids) and time.monotonic() < deadline:
            _reap(pids)
            time.sleep(0.2)
        if not any(alive(p) for p in pids):
            break
    server.state_path.unlink(missing_ok=True)
    return bool(pids)


def _reap(pids) -> None:
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass


def status(server: Server) -> dict:
    """Running processes; 'answering' only when the server proves it is this data dir's."""
    state = server.state() or {}
    pids = state.get("pids", {})
    url = state.get("url")
    proven = bool(url) and proves(url, server.data_dir)
    foreign = bool(url) and not proven and reachable(url, timeout=5.0)
    return {"url": url, "running": {name: alive(pid) for name, pid in pids.items()},
            "reachable": proven, "foreign": foreign,
            "data_dir": str(server.data_dir), "installed": server.python.exists()}
