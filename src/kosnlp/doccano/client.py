"""The one module that talks to doccano: a thin adapter over doccano-client.

push.py and pull.py call `Doccano` only, so unit tests pass a fake with the same methods
(tests/fake_doccano.py). Every call is retried on transient failures (connection errors,
timeouts, HTTP 502/503/504) with exponential backoff; what still fails becomes a one-line
coded error: KOS-E401 unreachable, KOS-E402 login refused, KOS-E403 no such project,
KOS-E405 any other server answer.

doccano-client 1.2.8 is written for pydantic 1, kosnlp's environment has pydantic 2
(spaCy needs it). pydantic 2 ships the pydantic 1 API as `pydantic.v1`, so
`doccano_client_module()` imports doccano-client with `pydantic` mapped to `pydantic.v1`
for the duration of the import only; tests/test_doccano_client.py and the integration
tests prove the installed combination works against a real server.
"""
from __future__ import annotations

import functools
import importlib
import json
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import KosnlpError

TRANSIENT_STATUS = {502, 503, 504}


@functools.lru_cache(maxsize=1)
def doccano_client_module():
    """Import doccano_client under pydantic 2 (see module docstring)."""
    import pydantic.v1
    import pydantic.v1.types

    names = ("pydantic", "pydantic.types")
    saved = {n: sys.modules.get(n) for n in names}
    sys.modules["pydantic"], sys.modules["pydantic.types"] = pydantic.v1, pydantic.v1.types
    try:
        module = importlib.import_module("doccano_client")
        from doccano_client import exceptions  # noqa: F401  (bind while mapped)
    finally:
        for n, m in saved.items():
            sys.modules[n] = m
    return module


def _status(err) -> int | None:
    response = getattr(err, "response", None)
    return getattr(response, "status_code", None)


class Doccano:
    """What kosnlp needs from a doccano server, and nothing more."""

    def __init__(self, url: str, username: str, password: str, *, retries: int = 4, backoff: float = 0.5,
                 timeout: float = 60.0, client=None):
        self.url, self.username = url.rstrip("/"), username
        self._password = password
        self.retries, self.backoff = retries, backoff
        if client is None:
            client = doccano_client_module().DoccanoClient(self.url)
            session = client._base_repository._session
            session.request = functools.partial(session.request, timeout=timeout)
        self._client = client
        self._base = client._base_repository
        self._logged_in = False

    # -- plumbing -------------------------------------------------------------------------
    def _call(self, what: str, fn, *args, **kwargs):
        import requests

        for attempt in range(self.retries + 1):
            try:
                return fn(*args, **kwargs)
            except (requests.ConnectionError, requests.Timeout) as err:
                last = err
            except Exception as err:  # doccano_client.exceptions.DoccanoAPIError and friends
                code = _status(err)
                if code in TRANSIENT_STATUS:
                    last = err
                elif code in (400, 401, 403) and what == "login":
                    raise KosnlpError("KOS-E402", f"login as {self.username!r} refused", where=self.url,
                                      hint="check KOSNLP_DOCCANO_USER / KOSNLP_DOCCANO_PASSWORD") from None
                elif code == 404:
                    raise KosnlpError("KOS-E405", f"{what}: not found (HTTP 404)", where=self.url,
                                      hint="is this a doccano 1.8 server?") from None
                else:
                    detail = getattr(getattr(err, "response", None), "text", "") or str(err)
                    raise KosnlpError("KOS-E405", f"{what} failed: HTTP {code}: {detail[:200]}", where=self.url,
                                      hint=f"see the server log ({type(err).__name__})") from None
            if attempt < self.retries:
                time.sleep(self.backoff * 2 ** attempt)
        raise KosnlpError("KOS-E401", f"{what}: server unreachable after {self.retries + 1} attempts "
                          f"({type(last).__name__})", where=self.url,
                          hint="is it running? `kosnlp doccano status`") from None

    def _get(self, resource: str, **params):
        return self._call(f"GET {resource}", self._base.get, resource, params=params).json()

    def login(self) -> "Doccano":
        if not self._logged_in:
            self._call("login", self._client.login, self.username, self._password)
            self._logged_in = True
        return self

    # -- projects, labels, members ----------------------------------------------------------
    def find_project(self, name: str) -> int | None:
        """The id of the project named `name`; of several, the oldest (see ensure_project)."""
        ids = [p.id for p in self._call("list projects", lambda: list(self._client.list_projects())) if p.name == name]
        return min(ids) if ids else None

    def project_id(self, name: str) -> int:
        pid = self.find_project(name)
        if pid is None:
            raise KosnlpError("KOS-E403", f"no project named {name!r}", where=self.url,
                              hint="push first (`kosnlp doccano push`) or check --project")
        return pid

    def ensure_project(self, name: str, description: str, guideline: str) -> tuple[int, bool]:
        """The project's id, creating it or updating its description and guideline.

        Two processes may create the project at once (doccano does not make names unique):
        the oldest project of that name wins and a newer one just created is deleted again.
        """
        pid = self.find_project(name)
        settings = dict(description=description, guideline=guideline, collaborative_annotation=True,
                        allow_overlapping=False, grapheme_mode=False, use_relation=False, random_order=False)
        if pid is None:
            mine = self._call("create project", self._client.create_project, name=name,
                              project_type="SequenceLabeling", **settings).id
            oldest = self.find_project(name)
            if oldest == mine:
                return mine, True
            self._call("delete project", self._client.delete_project, mine)
            return oldest, False
        self._call("update project", self._client.update_project, pid, **settings)
        return pid, False

    def label_types(self, project_id: int) -> list[dict]:
        """The span labels: [{id, text, suffix_key, color}]."""
        return [{"id": t.id, "text": t.text, "suffix_key": t.suffix_key, "color": (t.background_color or "").lower()}
                for t in self._call("list labels", self._client.list_label_types, project_id, "span")]

    def create_label(self, project_id: int, label: dict) -> None:
        self._call("create label", self._client.create_label_type, project_id, "span", label["text"],
                   suffix_key=label["suffix_key"], color=label["color"])

    # -- markers: category types of the (sequence-labelling) project, unseen by annotators --
    # doccano keeps label names unique per project in the database, so creating one is an
    # atomic test-and-set on the server, shared by every machine that talks to it.
    def markers(self, project_id: int, prefix: str) -> list[dict]:
        """[{id, text, owner, beat}] of the markers whose name starts with `prefix`."""
        rows = self._get(f"projects/{project_id}/category-types")
        return [{"id": r["id"], "text": r["text"], "owner": r["background_color"], "beat": r["text_color"]}
                for r in rows if r["text"].startswith(prefix)]

    def add_marker(self, project_id: int, text: str, owner: str = "#000000") -> int | None:
        """Create the marker (`owner`: a #rrggbb tag); None if one of that name exists already."""
        body = {"text": text, "background_color": owner, "text_color": "#000000"}
        try:
            return self._call(f"create marker {text}", self._base.post, f"projects/{project_id}/category-types",
                              json=body).json()["id"]
        except KosnlpError as err:
            if err.code == "KOS-E405" and any(m["text"] == text for m in self.markers(project_id, text)):
                return None
            raise

    def beat_marker(self, project_id: int, marker_id: int, text: str, owner: str, beat: int) -> None:
        body = {"text": text, "background_color": owner, "text_color": f"#{beat % 0xFFFFFF:06x}"}
        self._call("refresh marker", self._base.put, f"projects/{project_id}/category-types/{marker_id}", json=body)

    def delete_marker(self, project_id: int, marker_id: int) -> bool:
        """Delete the marker; False if it was gone already."""
        try:
            self._call("delete marker", self._base.delete, f"projects/{project_id}/category-types/{marker_id}")
        except KosnlpError as err:
            if "404" in err.message:
                return False
            raise
        return True

    def create_user(self, username: str, password: str) -> None:
        self._call("create user", self._client.create_user, username, password)

    def user_exists(self, username: str) -> bool:
        return any(u.username == username for u in self._call("search users", self._client.search_users, username))

    def add_member(self, project_id: int, username: str, role: str = "annotator") -> bool:
        members = self._call("list members", self._client.list_members, project_id)
        if any(getattr(m, "username", None) == username for m in members):
            return False
        self._call("add member", self._client.add_member, project_id, username, role)
        return True

    def usernames(self, project_id: int) -> dict[int, str]:
        return {m.user: m.username for m in self._call("list members", self._client.list_members, project_id)}

    # -- examples ---------------------------------------------------------------------------
    def examples(self, project_id: int, page: int = 500) -> Iterator[dict]:
        """All examples: {id, text, meta, is_confirmed}, in creation order."""
        offset = 0
        while True:
            data = self._get(f"projects/{project_id}/examples", limit=page, offset=offset)
            rows = data["results"] if isinstance(data, dict) else data
            yield from ({k: r[k] for k in ("id", "text", "meta", "is_confirmed")} for r in rows)
            if not isinstance(data, dict) or not data.get("next") or not rows:
                return
            offset += len(rows)

    def count_examples(self, project_id: int) -> int:
        return int(self._get(f"projects/{project_id}/examples", limit=1)["count"])

    def delete_examples(self, project_id: int, example_ids: list[int]) -> None:
        if example_ids:  # doccano deletes every example of the project when the list is empty
            self._call("delete examples", self._client.bulk_delete_examples, project_id, list(example_ids))

    def set_meta(self, project_id: int, example_id: int, text: str, meta: dict) -> None:
        self._call("update example", self._client.update_example, project_id, example_id, text=text, meta=meta)

    def upload_jsonl(self, project_id: int, path: str | Path) -> None:
        """Import a doccano JSONL file through doccano's task worker.

        doccano-client's `upload` leaves the encoding to doccano's chardet guess, which
        misreads Polish UTF-8 (seen: 'charmap' codec errors), so the same three steps are
        done here with the encoding stated.
        """
        repo, tasks = self._client._data_import_repository, self._client._task_status_repository
        upload_id = self._call("upload", repo.upload, str(path))
        task_id = self._call("import", repo.ingest, project_id, [upload_id], "SequenceLabeling", "JSONL",
                             column_data="text", column_label="label", encoding="utf_8")
        status = self._call("import status", tasks.wait, task_id)
        error = getattr(status, "error", None) or (getattr(status, "result", None) or {}).get("error")
        if error:
            raise KosnlpError("KOS-E405", f"doccano rejected the import: {json.dumps(error)[:300]}", where=self.url,
                              hint="see the task worker log")

    def export(self, project_id: int, confirmed_only: bool = True) -> list[dict]:
        """The project exported as doccano JSONL (one dict per example) by doccano's task worker."""
        with tempfile.TemporaryDirectory() as tmp:
            path = self._call("export", self._client.download, project_id, "JSONL", confirmed_only, tmp)
            rows = []
            with zipfile.ZipFile(path) as z:
                for name in sorted(z.namelist()):
                    for line in z.read(name).decode("utf-8").splitlines():
                        if line.strip():
                            rows.append(json.loads(line))
            return rows

    def states(self, project_id: int, example_id: int) -> list[dict]:
        """Who confirmed an example and when: [{confirmed_by: user id, confirmed_at: ISO time}]."""
        data = self._get(f"projects/{project_id}/examples/{example_id}/states")
        return data["results"] if isinstance(data, dict) else data

    # -- what an annotator does in the web UI (used by tests and by `doccano confirm`) ------
    def spans(self, project_id: int, example_id: int) -> list[dict]:
        return [{"id": s.id, "start": s.start_offset, "end": s.end_offset, "label": s.label, "user": s.user}
                for s in self._call("list spans", self._client.list_spans, project_id, example_id)]

    def label_ids(self, project_id: int) -> dict[str, int]:
        return {t.text: t.id for t in self._call("list labels", self._client.list_label_types, project_id, "span")}

    def create_span(self, project_id: int, example_id: int, start: int, end: int, label_id: int) -> None:
        self._call("create span", self._client.create_span, project_id, example_id, start, end, label_id)

    def update_span(self, project_id: int, example_id: int, span_id: int, start: int, end: int,
                    label_id: int) -> None:
        self._call("update span", self._client.update_span, project_id, example_id, span_id, start, end, label_id)

    def delete_span(self, project_id: int, example_id: int, span_id: int) -> None:
        self._call("delete span", self._client.delete_span, project_id, example_id, span_id)

    def confirm(self, project_id: int, example_id: int) -> None:
        self._call("confirm", self._client.update_example_state, project_id, example_id)
