"""An in-memory stand-in for kosnlp.doccano.client.Doccano (same methods, same shapes).

Unit tests of push and pull use it; tests/test_doccano_client.py checks that it offers
nothing the real adapter lacks, and the integration tests run the same flows against a
real doccano server.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from kosnlp.errors import KosnlpError


class FakeDoccano:
    def __init__(self, username: str = "admin"):
        self.username = username
        self.projects: dict[str, dict] = {}
        self.users = {1: username}
        self.current = 1
        self.calls: list[str] = []

    def login(self):
        return self

    def _project(self, pid: int) -> dict:
        return next(p for p in self.projects.values() if p["id"] == pid)

    def find_project(self, name):
        p = self.projects.get(name)
        return p["id"] if p else None

    def project_id(self, name):
        pid = self.find_project(name)
        if pid is None:
            raise KosnlpError("KOS-E403", f"no project named {name!r}", where="fake")
        return pid

    def ensure_project(self, name, description, guideline):
        if name in self.projects:
            self.projects[name].update(description=description, guideline=guideline)
            return self.projects[name]["id"], False
        self.projects[name] = {"id": len(self.projects) + 1, "description": description, "guideline": guideline,
                               "labels": {}, "examples": [], "members": {1: "admin"}}
        return self.projects[name]["id"], True

    def ensure_labels(self, pid, labels):
        for lab in labels:
            self._project(pid)["labels"][lab["text"]] = dict(lab)

    def create_user(self, username, password):
        self.users[max(self.users) + 1] = username

    def user_exists(self, username):
        return username in self.users.values()

    def add_member(self, pid, username, role="annotator"):
        members = self._project(pid)["members"]
        if username in members.values():
            return False
        uid = next(k for k, v in self.users.items() if v == username)
        members[uid] = username
        return True

    def usernames(self, pid):
        return dict(self._project(pid)["members"])

    def examples(self, pid):
        for e in self._project(pid)["examples"]:
            yield {"id": e["id"], "text": e["text"], "meta": dict(e["meta"]), "is_confirmed": bool(e["states"])}

    def upload_jsonl(self, pid, path):
        self.calls.append("upload")
        p = self._project(pid)
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            eid = sum(len(q["examples"]) for q in self.projects.values()) + 1
            meta = {k: v for k, v in row.items() if k not in ("text", "label")}
            p["examples"].append({"id": eid, "text": row["text"], "meta": meta, "states": [],
                                  "spans": [list(s) for s in row["label"]]})

    def export(self, pid, confirmed_only=True):
        self.calls.append("export")
        return [{"id": e["id"], "text": e["text"], **e["meta"], "label": [list(s) for s in e["spans"]],
                 "Comments": []} for e in self._project(pid)["examples"] if e["states"] or not confirmed_only]

    def states(self, pid, eid):
        self.calls.append("states")
        return list(self._example(pid, eid)["states"])

    # what an annotator does
    def _example(self, pid, eid):
        return next(e for e in self._project(pid)["examples"] if e["id"] == eid)

    def confirm(self, pid, eid, user_id=None):
        self._example(pid, eid)["states"].append(
            {"confirmed_by": user_id or self.current, "confirmed_at": datetime.now(timezone.utc).isoformat()})

    def set_spans(self, pid, eid, spans):
        self._example(pid, eid)["spans"] = [list(s) for s in spans]
