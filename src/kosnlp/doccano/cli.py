"""`kosnlp doccano serve | stop | status | push | pull | resolve | unlock | add-annotator`.

Connection settings come from the environment, never from files in the repository:
KOSNLP_DOCCANO_URL (default: the server started with --data-dir), KOSNLP_DOCCANO_USER
(default admin), KOSNLP_DOCCANO_PASSWORD (default: the generated password in
<data-dir>/admin-password, owner-only). Before any password is sent, the server started
with --data-dir must prove it is that server (server.proves); another machine's server
proves it holds KOSNLP_DOCCANO_SERVER_KEY (a copy of its <data-dir>/server-key) if that
is set; only a URL and a password both given in the environment without that key are
taken on the user's word.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from ..errors import KosnlpError
from ..languages import codes
from . import server as srv

DEFAULT_PROJECT = "kosnlp"


def _server(a) -> srv.Server:
    return srv.Server(Path(a.data_dir), Path(a.server_env))


def connect(a):
    from .client import Doccano
    server = _server(a)
    state = server.state() or {}
    env_url, password = os.environ.get("KOSNLP_DOCCANO_URL"), os.environ.get("KOSNLP_DOCCANO_PASSWORD")
    url = (env_url or state.get("url") or "").rstrip("/")
    if not url:
        raise KosnlpError("KOS-E401", f"no doccano server of {a.data_dir} is running and KOSNLP_DOCCANO_URL "
                          "is not set", where=a.data_dir,
                          hint="`kosnlp doccano serve`, or set KOSNLP_DOCCANO_URL (and KOSNLP_DOCCANO_PASSWORD)")
    own = bool(state) and url == state["url"].rstrip("/")
    key = os.environ.get("KOSNLP_DOCCANO_SERVER_KEY")
    if key and not srv.proves(url, None, key=key):
        raise KosnlpError("KOS-E411", "the server answering there does not prove it holds "
                          "KOSNLP_DOCCANO_SERVER_KEY; no password was sent", where=url,
                          hint="check KOSNLP_DOCCANO_URL and the key (the server's <data-dir>/server-key)")
    if not key and (own or not password) and not srv.proves(url, server.data_dir):
        raise KosnlpError("KOS-E411", "the server answering there is not the one started with this data "
                          "directory (or none answers); no password was sent", where=url,
                          hint=f"`kosnlp doccano status --data-dir {a.data_dir}`; `serve` it again, or set "
                               "KOSNLP_DOCCANO_URL and KOSNLP_DOCCANO_PASSWORD for another server")
    user = os.environ.get("KOSNLP_DOCCANO_USER") or state.get("user") or "admin"
    if not password:
        path = Path(a.data_dir) / "admin-password"
        if not path.exists():
            raise KosnlpError("KOS-E408", "no doccano password", where=url,
                              hint="set KOSNLP_DOCCANO_PASSWORD, or --data-dir of a server started by kosnlp")
        password = path.read_text(encoding="utf-8").strip()
    return Doccano(url, user, password, retries=a.retries).login()


def _lock(a, dc):
    from .lock import ProjectLock
    return lambda pid: ProjectLock(dc, pid, a.project, a.data_dir, wait=a.wait,
                                   say=lambda msg: print(msg, file=sys.stderr))


def _raw(a) -> tuple[dict, dict]:
    """The manifest's documents: texts and normalisation references by doc id."""
    from ..ingest import load_raw_corpus
    from ..normalise.reference import document_reference
    docs = load_raw_corpus(a.raw, verify=False)
    return {d.doc_id: d.text for d in docs}, {d.doc_id: document_reference(d.meta) for d in docs}


def _pushed_records(a) -> list[dict]:
    from ..records import read_jsonl
    files = a.records if a.records is not None else [f for f in ["output/silver.jsonl"] if Path(f).exists()]
    return [r for f in files for _, r in read_jsonl(f)]


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
    answer = "answering" if st["reachable"] else \
        "another server answers there (not this data directory's)" if st["foreign"] else "not answering"
    print(f"{st['url'] or '-'}: {running}; {answer}; "
          f"data {st['data_dir']}; environment {'installed' if st['installed'] else 'not installed'}")
    return 0 if st["reachable"] else 3


def _records(a) -> tuple[list[dict], set]:
    """The records to push and the sentence ids to leave out (silver: those already in gold)."""
    from ..gold import load_gold
    from ..records import read_jsonl
    gold = load_gold(a.gold) if Path(a.gold).exists() else []
    if a.source == "gold":
        return gold, set()
    return [r for f in a.records for _, r in read_jsonl(f)], {r["id"] for r in gold}


def cmd_push(a) -> int:
    from .lock import save_journal
    from .push import push
    guideline = Path(a.guidelines).read_text(encoding="utf-8") if Path(a.guidelines).exists() else ""
    records, in_gold = _records(a)
    t = time.perf_counter()
    dc = connect(a)
    s = push(dc, records, a.project, guideline, docs=a.doc, lang=a.lang, unconfirmed=a.unconfirmed,
             exclude=in_gold, lock=_lock(a, dc))
    save_journal(a.data_dir, dc.url, a.project, s.project_id, s.examples)
    skipped = len([r for r in records if r["id"] in in_gold])
    print(f"project {a.project!r} (id {s.project_id}{', created' if s.created else ''}): {s.selected} sentences "
          f"selected, {s.uploaded} uploaded, {s.already} already there"
          + (f", {skipped} left out (already gold; --source gold to review them)" if skipped else "")
          + f" ({time.perf_counter() - t:.1f}s)")
    for doc, n in sorted(s.by_doc.items()):
        print(f"  {doc}: {n}")
    for sid in s.repaired:
        print(f"repaired {sid}: spans missing after an interrupted import were added")
    for sid, eid in s.duplicates_removed:
        print(f"duplicate {sid}: example {eid} removed (an unedited copy)")
    for sid, eid in s.duplicates_kept:
        print(f"KOS-E404 duplicate {sid}: example {eid} kept (confirmed or edited); "
              f"`kosnlp doccano resolve {sid} --keep doccano|local`", file=sys.stderr)
    for sid, why in sorted(s.unrepaired.items()):
        print(f"KOS-E416 {sid}: {why}", file=sys.stderr)
    return 1 if s.unrepaired or s.duplicates_kept else 0


def cmd_pull(a) -> int:
    from .lock import load_journal
    from .pull import pull
    raw, references = _raw(a)
    extra = _pushed_records(a)
    t = time.perf_counter()
    dc = connect(a)
    res = pull(dc, a.project, a.gold, raw, extra, include_unconfirmed=a.all, dry_run=a.dry_run,
               references=references, lock=_lock(a, dc), pushed=load_journal(a.data_dir, dc.url, a.project))
    for ch in res.changes:
        for line in ch.lines():
            print(line)
    for c in res.conflicts:
        print(c, file=sys.stderr)
    for sid, eid in res.deleted:
        print(f"deleted in doccano: {sid} (example {eid}); push again to restore it", file=sys.stderr)
    for where in res.kept_local:
        print(f"kept local edits: {where} (changed locally since the push, not in doccano)", file=sys.stderr)
    verb = "would merge" if a.dry_run else "merged"
    print(f"{res.exported} examples exported; {verb} {len(res.changes)}; {res.unchanged} unchanged; "
          f"{len(res.kept_local)} kept local edits; {len(res.conflicts)} conflicts; {len(res.deleted)} deleted"
          + (f"; wrote {', '.join(sorted(res.written))}" if res.written else "")
          + f" ({time.perf_counter() - t:.1f}s)", file=sys.stderr)
    return 1 if res.conflicts or res.deleted else 0


def cmd_resolve(a) -> int:
    from .resolve import resolve
    raw, references = _raw(a)
    dc = connect(a)
    print(resolve(dc, a.project, a.sentence_id, a.keep, a.gold, raw, _pushed_records(a), references,
                  lock=_lock(a, dc)))
    return 0


def cmd_unlock(a) -> int:
    from .lock import unlock
    dc = connect(a)
    n = unlock(dc, dc.project_id(a.project))
    print(f"{a.project!r}: {n} server-side lock removed" if n else f"{a.project!r} was not locked")
    return 0


def cmd_add_annotator(a) -> int:
    from .labelset import check_labels, project_config
    dc = connect(a)
    cfg = project_config()
    guideline = Path(a.guidelines).read_text(encoding="utf-8") if Path(a.guidelines).exists() else ""
    pid = dc.find_project(a.project)
    made = ""
    if pid is None:
        pid, fresh = dc.ensure_project(a.project, cfg["description"], guideline)
        with _lock(a, dc)(pid):
            check_labels(dc, pid, create=not list(dc.examples(pid)))
        made = " (project created)" if fresh else ""
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
    print(f"{a.username}: {created}{'added to' if added else 'already in'} {a.project!r}{made} as {a.role}")
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
            p.add_argument("--wait", type=float, default=900.0,
                           help="seconds to wait for another push/pull of the project (default: 900)")
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
                   help="silver: pipeline records (--records) of sentences without gold; gold: the gold corpus "
                        "for review (default: silver)")
    p.add_argument("--records", nargs="+", default=["output/silver.jsonl"], help="silver JSONL files")
    p.add_argument("--gold", default="annotations/gold", help="gold JSONL directory (default: annotations/gold)")
    p.add_argument("--guidelines", default="annotations/GUIDELINES.md", help="shown as the project's guideline")
    p.add_argument("--doc", action="append", help="only this document (repeatable)")
    p.add_argument("--lang", choices=codes(), help="only this language")
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

    p = common(dsub.add_parser("resolve", help="settle a conflict: keep doccano's spans or the local ones"))
    p.add_argument("sentence_id", help="the conflicting sentence's id")
    p.add_argument("--keep", required=True, choices=("doccano", "local"), help="whose spans become gold")
    p.add_argument("--gold", default="annotations/gold", help="gold JSONL directory (default: annotations/gold)")
    p.add_argument("--raw", default="raw", help="raw/ with manifest.yaml (default: raw)")
    p.add_argument("--records", nargs="*", default=None,
                   help="silver JSONL files that were pushed (default: output/silver.jsonl if it exists)")
    p.set_defaults(func=cmd_resolve)

    common(dsub.add_parser("unlock", help="remove a project lock left behind by a killed push or pull")
           ).set_defaults(func=cmd_unlock)

    p = common(dsub.add_parser("add-annotator", help="create a user and add it to the project"))
    p.add_argument("username", help="the new user's login name")
    p.add_argument("--role", default="annotator", choices=("annotator", "annotation_approver", "project_admin"),
                   help="project role (default: annotator)")
    p.add_argument("--guidelines", default="annotations/GUIDELINES.md", help="the guideline of a new project")
    p.set_defaults(func=cmd_add_annotator)
