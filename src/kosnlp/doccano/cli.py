"""`kosnlp doccano serve | stop | status | push | pull | add-annotator`.

Connection settings come from the environment, never from files in the repository:
KOSNLP_DOCCANO_URL (default: the server started with --data-dir, else
http://127.0.0.1:8000), KOSNLP_DOCCANO_USER (default admin), KOSNLP_DOCCANO_PASSWORD
(default: the generated password in <data-dir>/admin-password, owner-only).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from ..errors import KosnlpError
from . import server as srv

DEFAULT_PROJECT = "kosnlp"


def _server(a) -> srv.Server:
    return srv.Server(Path(a.data_dir), Path(a.server_env))


def connect(a):
    from .client import Doccano
    state = _server(a).state() or {}
    url = os.environ.get("KOSNLP_DOCCANO_URL") or state.get("url") or f"http://127.0.0.1:{srv.DEFAULT_PORT}"
    user = os.environ.get("KOSNLP_DOCCANO_USER") or state.get("user") or "admin"
    password = os.environ.get("KOSNLP_DOCCANO_PASSWORD")
    if not password:
        path = Path(a.data_dir) / "admin-password"
        if not path.exists():
            raise KosnlpError("KOS-E408", "no doccano password", where=url,
                              hint="set KOSNLP_DOCCANO_PASSWORD, or --data-dir of a server started by kosnlp")
        password = path.read_text(encoding="utf-8").strip()
    return Doccano(url, user, password, retries=a.retries).login()


def cmd_serve(a) -> int:
    t = time.perf_counter()
    st = srv.serve(_server(a), host=a.host, port=a.port, workers=a.workers, quiet=a.quiet)
    secret = "KOSNLP_DOCCANO_PASSWORD" if os.environ.get("KOSNLP_DOCCANO_PASSWORD") else \
        f"{Path(a.data_dir) / 'admin-password'} (owner-only)"
    print(f"doccano at {st['url']} (started in {time.perf_counter() - t:.0f}s); user {st['user']}, "
          f"password in {secret}; data in {a.data_dir}; `kosnlp doccano stop` stops it")
    return 0


def cmd_stop(a) -> int:
    print("stopped" if srv.stop(_server(a)) else f"no server running for {a.data_dir}")
    return 0


def cmd_status(a) -> int:
    st = srv.status(_server(a))
    running = ", ".join(f"{k} {'up' if v else 'down'}" for k, v in st["running"].items()) or "not started"
    print(f"{st['url'] or '-'}: {running}; {'answering' if st['reachable'] else 'not answering'}; "
          f"data {st['data_dir']}; environment {'installed' if st['installed'] else 'not installed'}")
    return 0 if st["reachable"] else 3


def _records(a) -> list[dict]:
    from ..gold import load_gold
    from ..records import read_jsonl
    if a.source == "gold":
        return load_gold(a.gold)
    return [r for f in a.records for _, r in read_jsonl(f)]


def cmd_push(a) -> int:
    from .push import push
    guideline = Path(a.guidelines).read_text(encoding="utf-8") if Path(a.guidelines).exists() else ""
    t = time.perf_counter()
    s = push(connect(a), _records(a), a.project, guideline, docs=a.doc, lang=a.lang, unconfirmed=a.unconfirmed)
    print(f"project {a.project!r} (id {s.project_id}{', created' if s.created else ''}): {s.selected} sentences "
          f"selected, {s.uploaded} uploaded, {s.already} already there ({time.perf_counter() - t:.1f}s)")
    for doc, n in sorted(s.by_doc.items()):
        print(f"  {doc}: {n}")
    return 0


def cmd_pull(a) -> int:
    from ..ingest import load_raw_corpus
    from ..records import read_jsonl
    from .pull import pull
    from ..normalise.reference import document_reference
    docs = load_raw_corpus(a.raw, verify=False) if Path(a.raw).exists() else []
    raw = {d.doc_id: d.text for d in docs}
    references = {d.doc_id: document_reference(d.meta) for d in docs}
    files = a.records if a.records is not None else [f for f in ["output/silver.jsonl"] if Path(f).exists()]
    extra = [r for f in files for _, r in read_jsonl(f)]
    t = time.perf_counter()
    res = pull(connect(a), a.project, a.gold, raw, extra, include_unconfirmed=a.all, dry_run=a.dry_run,
               references=references)
    for ch in res.changes:
        for line in ch.lines():
            print(line)
    for c in res.conflicts:
        print(c, file=sys.stderr)
    verb = "would merge" if a.dry_run else "merged"
    print(f"{res.exported} examples exported; {verb} {len(res.changes)}; {res.unchanged} unchanged; "
          f"{res.kept_local} kept local edits; {len(res.conflicts)} conflicts"
          + (f"; wrote {', '.join(sorted(res.written))}" if res.written else "")
          + f" ({time.perf_counter() - t:.1f}s)", file=sys.stderr)
    return 1 if res.conflicts else 0


def cmd_add_annotator(a) -> int:
    dc = connect(a)
    pid = dc.project_id(a.project)
    created = ""
    if not dc.user_exists(a.username):
        users = Path(a.data_dir) / "users"
        users.mkdir(parents=True, exist_ok=True, mode=0o700)
        password = srv.secret_file(users / f"{a.username}.password", "KOSNLP_DOCCANO_NEW_PASSWORD")
        dc.create_user(a.username, password)
        where = "KOSNLP_DOCCANO_NEW_PASSWORD" if os.environ.get("KOSNLP_DOCCANO_NEW_PASSWORD") else \
            f"{users / (a.username + '.password')} (owner-only; hand it over privately)"
        created = f"user created, password in {where}; "
    added = dc.add_member(pid, a.username, a.role)
    print(f"{a.username}: {created}{'added to' if added else 'already in'} {a.project!r} as {a.role}")
    return 0


def add_parser(sub) -> None:
    d = sub.add_parser("doccano", help="the doccano round trip: serve, push, pull",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    dsub = d.add_subparsers(dest="doccano_cmd", required=True)

    def common(p, project: bool = True):
        p.add_argument("--data-dir", default=srv.DEFAULT_DATA_DIR, help="the server's data (default: .doccano)")
        p.add_argument("--server-env", default=srv.DEFAULT_ENV_DIR,
                       help="doccano's own uv project (default: services/doccano)")
        p.add_argument("--retries", type=int, default=4, help="retries on transient HTTP errors (default: 4)")
        if project:
            p.add_argument("--project", default=DEFAULT_PROJECT, help="doccano project name (default: kosnlp)")
        return p

    p = common(dsub.add_parser("serve", help="start doccano (web server + task worker) in the background"), False)
    p.add_argument("--host", default="127.0.0.1", help="bind address (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=srv.DEFAULT_PORT, help=f"port (default: {srv.DEFAULT_PORT})")
    p.add_argument("--workers", type=int, default=2, help="web server worker processes (default: 2)")
    p.add_argument("--quiet", action="store_true", help="no progress messages")
    p.set_defaults(func=cmd_serve)
    common(dsub.add_parser("stop", help="stop the server started with this --data-dir"), False).set_defaults(func=cmd_stop)
    common(dsub.add_parser("status", help="is the server running and answering?"), False).set_defaults(func=cmd_status)

    p = common(dsub.add_parser("push", help="upload sentences with their current spans (idempotent)"))
    p.add_argument("--source", choices=("gold", "silver"), default="silver",
                   help="silver: pipeline records (--records); gold: the gold corpus for review (default: silver)")
    p.add_argument("--records", nargs="+", default=["output/silver.jsonl"], help="silver JSONL files")
    p.add_argument("--gold", default="annotations/gold", help="gold JSONL directory (default: annotations/gold)")
    p.add_argument("--guidelines", default="annotations/GUIDELINES.md", help="shown as the project's guideline")
    p.add_argument("--doc", action="append", help="only this document (repeatable)")
    p.add_argument("--lang", choices=("pl", "en"), help="only this language")
    p.add_argument("--unconfirmed", action="store_true", help="only sentences not yet confirmed in doccano")
    p.set_defaults(func=cmd_push)

    p = common(dsub.add_parser("pull", help="merge confirmed examples into the gold corpus"))
    p.add_argument("--gold", default="annotations/gold", help="gold JSONL directory (default: annotations/gold)")
    p.add_argument("--raw", default="raw", help="raw documents, to validate every sentence (default: raw)")
    p.add_argument("--records", nargs="*", default=None,
                   help="silver JSONL files that were pushed, for sentences not yet in gold "
                        "(default: output/silver.jsonl if it exists)")
    p.add_argument("--all", action="store_true",
                   help="also unconfirmed examples that were changed in doccano (marked confirmed: false)")
    p.add_argument("--dry-run", action="store_true", help="show the diff, write nothing")
    p.set_defaults(func=cmd_pull)

    p = common(dsub.add_parser("add-annotator", help="create a user and add it to the project"))
    p.add_argument("username", help="the new user's login name")
    p.add_argument("--role", default="annotator", choices=("annotator", "annotation_approver", "project_admin"),
                   help="project role (default: annotator)")
    p.set_defaults(func=cmd_add_annotator)
