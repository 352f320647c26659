"""An in-memory stand-in for kosnlp.doccano.client.Doccano (same methods, same shapes).

Unit tests of push and pull use it; tests/test_doccano_client.py checks that it offers
nothing the real adapter lacks, and the integration tests run the same flows against a
real doccano server. Like doccano, it keeps label and marker names unique per project
(creating an existing one fails), gives every object an id from one counter, and
exports an example's metadata flattened into its row.
"""
from __future__ import annotations

import itertools
import json
from datetime import datetime, timezone
from pathlib import Path

from kosnlp.errors import KosnlpError

_ids = itertools.count(1)


class FakeDoccano:
    def __init__(self, username: str = "admin"):
        self.username = username
        self.url = "http://fake"
        self.projects: list[dict] = []
        self.users = {1: username}
        self.current = 1
        self.calls: list[str] = []

    def login(self):
        return self

    def _project(self, pid: int) -> dict:
        return next(p for p in self.projects if p["id"] == pid)

    def find_project(self, name):
        ids = [p["id"] for p in self.projects if p["name"] == name]
        return min(ids) if ids else None

    def project_id(self, name):
        pid = self.find_project(name)
        if pid is None:
            raise KosnlpError("KOS-E403", f"no project named {name!r}", where="fake")
        return pid

    def ensure_project(self, name, description, guideline):
        pid = self.find_project(name)
        if pid is not None:
            self._project(pid).update(description=description, guideline=guideline)
            return pid, False
        self.projects.append({"id": next(_ids), "name": name, "description": description, "guideline": guideline,
                              "labels": {}, "markers": {}, "examples": [], "members": {1: "admin"}})
        return self.projects[-1]["id"], True

    def label_types(self, pid):
        return [{"id": t["id"], "text": name, "suffix_key": t["suffix_key"], "color": t["color"].lower()}
                for name, t in self._project(pid)["labels"].items()]

    def create_label(self, pid, label):
        labels = self._project(pid)["labels"]
        if label["text"] in labels:
            raise KosnlpError("KOS-E405", "create label failed: HTTP 400: label type already exists", where="fake")
        labels[label["text"]] = {"id": next(_ids), "suffix_key": label["suffix_key"], "color": label["color"]}

    def markers(self, pid, prefix):
        return [{"id": m["id"], "text": text, "owner": m["owner"], "beat": m["beat"]}
                for text, m in self._project(pid)["markers"].items() if text.startswith(prefix)]

    def add_marker(self, pid, text, owner="#000000"):
        markers = self._project(pid)["markers"]
        if text in markers:
            return None
        markers[text] = {"id": next(_ids), "owner": owner, "beat": "#000000"}
        return markers[text]["id"]

    def beat_marker(self, pid, marker_id, text, owner, beat):
        for m in self._project(pid)["markers"].values():
            if m["id"] == marker_id:
                m["beat"] = f"#{beat:06x}"

    def delete_marker(self, pid, marker_id):
        markers = self._project(pid)["markers"]
        for text, m in list(markers.items()):
            if m["id"] == marker_id:
                del markers[text]
                return True
        return False

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
            yield {"id": e["id"], "text": e["text"], "meta": json.loads(json.dumps(e["meta"])),
                   "is_confirmed": bool(e["states"])}

    def count_examples(self, pid):
        return len(self._project(pid)["examples"])

    def delete_examples(self, pid, ids):
        self.calls.append("delete examples")
        if ids:
            p = self._project(pid)
            p["examples"] = [e for e in p["examples"] if e["id"] not in set(ids)]

    def set_meta(self, pid, eid, text, meta):
        self._example(pid, eid).update(text=text, meta=json.loads(json.dumps(meta)))

    def upload_jsonl(self, pid, path):
        self.calls.append("upload")
        p = self._project(pid)
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            meta = {k: v for k, v in row.items() if k not in ("text", "label")}
            p["examples"].append({"id": next(_ids), "text": row["text"], "meta": meta, "states": [],
                                  "spans": [[*s[:3], next(_ids)] for s in row["label"]]})

    def export(self, pid, confirmed_only=True):
        self.calls.append("export")
        return [{"id": e["id"], "text": e["text"], **json.loads(json.dumps(e["meta"])),
                 "label": [s[:3] for s in e["spans"]], "Comments": []}
                for e in self._project(pid)["examples"] if e["states"] or not confirmed_only]

    def states(self, pid, eid):
        self.calls.append("states")
        return list(self._example(pid, eid)["states"])

    # what an annotator does
    def _example(self, pid, eid):
        return next(e for e in self._project(pid)["examples"] if e["id"] == eid)

    def label_ids(self, pid):
        return {name: t["id"] for name, t in self._project(pid)["labels"].items()}

    def spans(self, pid, eid):
        ids = self.label_ids(pid)
        return [{"id": s[3], "start": s[0], "end": s[1], "label": ids[s[2]], "user": 1}
                for s in self._example(pid, eid)["spans"]]

    def create_span(self, pid, eid, start, end, label_id):
        self.calls.append("create span")
        name = {v: k for k, v in self.label_ids(pid).items()}[label_id]
        spans = self._example(pid, eid)["spans"]
        if any(s[0] < end and start < s[1] for s in spans):
            raise KosnlpError("KOS-E405", "create span failed: HTTP 400: overlapping", where="fake")
        spans.append([start, end, name, next(_ids)])

    def delete_span(self, pid, eid, span_id):
        ex = self._example(pid, eid)
        ex["spans"] = [s for s in ex["spans"] if s[3] != span_id]

    def confirm(self, pid, eid, user_id=None):
        self._example(pid, eid)["states"].append(
            {"confirmed_by": user_id or self.current, "confirmed_at": datetime.now(timezone.utc).isoformat()})

    def set_spans(self, pid, eid, spans):
        self._example(pid, eid)["spans"] = [[*s[:3], next(_ids)] for s in spans]
