"""One push, pull or resolve at a time per doccano project, across shells and machines.

Two locks, taken in this order:
- a local file lock (`<data-dir>/locks/<hash of url + project>.lock`, flock), so that two
  shells of one machine queue without asking the server;
- a server-side lock: the marker `kosnlp-lock` (a category type of the sequence-labelling
  project: annotators never see it). doccano keeps label names unique per project in its
  database, so creating the marker is an atomic test-and-set that every machine talking
  to the server shares. The holder refreshes it every `beat` seconds (it rewrites the
  marker's text colour with a counter). A waiter that sees the same marker unchanged for
  `stale` seconds of its own clock takes it as left behind by a killed process and
  deletes it (by id, so a fresh lock of someone else is never deleted); no clocks are
  compared between machines. The marker's colour tags the machine and data directory
  that holds it: a marker of this machine and data directory, met while holding the local
  lock, was left by a process that is gone, and is replaced at once. `kosnlp doccano
  unlock` deletes it at once.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import socket
import threading
import time
from pathlib import Path

from ..errors import KosnlpError

LOCK = "kosnlp-lock"


class ProjectLock:
    def __init__(self, dc, project_id: int, project: str, data_dir: str | Path, *, wait: float = 900.0,
                 stale: float = 120.0, beat: float = 15.0, poll: float = 2.0, say=None):
        self.dc, self.pid, self.project = dc, project_id, project
        self.data_dir = Path(data_dir)
        self.wait, self.stale, self.beat, self.poll = wait, stale, beat, poll
        self.say = say or (lambda msg: None)
        self.marker = None
        self._fh = None
        self._stop = threading.Event()
        self._thread = None
        tag = f"{socket.gethostname()}\n{self.data_dir.resolve()}\n{getattr(dc, 'url', '')}\n{project}"
        self.owner = "#" + hashlib.sha256(tag.encode()).hexdigest()[:6]

    # -- local ------------------------------------------------------------------------------
    def _local(self, deadline: float) -> None:
        locks = self.data_dir / "locks"
        locks.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = hashlib.sha256(f"{getattr(self.dc, 'url', '')}\n{self.project}".encode()).hexdigest()[:16]
        self._fh = open(os.open(locks / f"{name}.lock", os.O_RDWR | os.O_CREAT, 0o600), "r+")
        told = False
        while True:
            try:
                fcntl.flock(self._fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    self._fh.close()
                    raise self._busy("another kosnlp process of this machine") from None
                if not told:
                    self.say(f"waiting for another push/pull of {self.project!r} on this machine ...")
                    told = True
                time.sleep(self.poll)

    def _busy(self, who: str) -> KosnlpError:
        return KosnlpError("KOS-E414", f"project {self.project!r} is locked by {who}; waited {self.wait:.0f}s",
                           where=getattr(self.dc, "url", None),
                           hint="retry when it has finished; if no push or pull is running, "
                                "`kosnlp doccano unlock` removes a lock left behind")

    # -- server -----------------------------------------------------------------------------
    def _server(self, deadline: float) -> None:
        seen, since, told = None, time.monotonic(), False
        while True:
            self.marker = self.dc.add_marker(self.pid, LOCK, self.owner)
            if self.marker is not None:
                return
            current = next(iter(self.dc.markers(self.pid, LOCK)), None)
            state = (current["id"], current["beat"]) if current else None
            if current and current["owner"] == self.owner:
                self.say(f"removing the lock of {self.project!r} left by an earlier run on this machine")
                self.dc.delete_marker(self.pid, current["id"])
                continue
            if state != seen:
                seen, since = state, time.monotonic()
            elif current and time.monotonic() - since > self.stale:
                self.say(f"the lock of {self.project!r} (marker {current['id']}) was not refreshed for "
                         f"{self.stale:.0f}s: removing it as left behind")
                self.dc.delete_marker(self.pid, current["id"])
                continue
            if time.monotonic() > deadline:
                raise self._busy("another push or pull (maybe on another machine)")
            if not told:
                self.say(f"waiting for another push/pull of {self.project!r} (server lock) ...")
                told = True
            time.sleep(self.poll)

    def _heartbeat(self) -> None:
        n = 0
        while not self._stop.wait(self.beat):
            n += 1
            try:
                self.dc.beat_marker(self.pid, self.marker, LOCK, self.owner, n)
            except Exception:  # the main thread meets the same server problem and reports it
                pass

    def __enter__(self) -> "ProjectLock":
        deadline = time.monotonic() + self.wait
        self._local(deadline)
        try:
            self._server(deadline)
        except BaseException:
            self._fh.close()
            raise
        self._thread = threading.Thread(target=self._heartbeat, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()
        try:
            self.dc.delete_marker(self.pid, self.marker)
        except KosnlpError:
            if exc_type is None:  # else the first error is the one to report; the lock goes stale
                raise
        finally:
            self._fh.close()


def unlock(dc, project_id: int) -> int:
    """Delete the server-side lock of a project; the number of markers removed."""
    return sum(dc.delete_marker(project_id, m["id"]) for m in dc.markers(project_id, LOCK))


# -- the push journal: which example holds which sentence, as the last push of this data dir saw it
def journal_path(data_dir: str | Path, url: str, project: str) -> Path:
    name = hashlib.sha256(f"{url.rstrip('/')}\n{project}".encode()).hexdigest()[:16]
    return Path(data_dir) / "pushed" / f"{name}.json"


def load_journal(data_dir: str | Path, url: str, project: str) -> dict[str, int]:
    path = journal_path(data_dir, url, project)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except ValueError:
        raise KosnlpError("KOS-E405", "the push journal is not valid JSON", where=str(path),
                          hint="delete it; the next push writes it again") from None
    return {str(k): int(v) for k, v in data.get("examples", {}).items()}


def save_journal(data_dir: str | Path, url: str, project: str, project_id: int, examples: dict) -> None:
    from .credentials import write_private
    path = journal_path(data_dir, url, project)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_private(path, json.dumps({"url": url, "project": project, "project_id": project_id,
                                    "examples": {k: v for k, v in sorted(examples.items()) if k}}, indent=0))
