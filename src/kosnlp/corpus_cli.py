"""`kosnlp add` and `kosnlp norms review`: growing the corpus (parsing and printing only;
the work is done by kosnlp.raw and kosnlp.normalise.gold)."""
from __future__ import annotations

import sys
from pathlib import Path

from .errors import KosnlpError
from .languages import codes


def warn_unlisted(raw_dir: str) -> None:
    from .errors import warning_line
    from .raw import unlisted
    for p in unlisted(raw_dir):
        print(warning_line("KOS-W101", "not in the manifest, not processed", where=str(p),
                           hint=f"list it: kosnlp add {p} --id {p.stem} --lang pl|en --title ...; or move it out"),
              file=sys.stderr)


def cmd_add(a) -> int:
    from .raw import add, replace
    if a.replace:
        if len(a.files) != 1:
            raise KosnlpError("KOS-E115", f"--replace takes one FILE, got {len(a.files)}", where="--replace")
        r = replace(a.raw, a.gold, a.replace, a.files[0])
        print(f"{a.replace}: raw text replaced ({Path(a.raw) / (a.replace + '.txt')}); {r.sentences} gold sentences "
              f"remapped, {r.moved} moved" + (f", {len(r.renumbered)} renumbered: " + ", ".join(
                  f"{k} -> {v}" for k, v in r.renumbered.items()) if r.renumbered else ""))
        if r.sentences:
            print("the gold changed: write a CHANGELOG.md entry and run kosnlp release X.Y.Z")
        return 0
    if a.lang is None:
        raise KosnlpError("KOS-E106", "no language given", where="--lang", hint="pass --lang pl or --lang en")
    res = add(a.raw, a.files, a.lang, a.title, doc_ids=a.id, source=a.source, date=a.date, genre=a.genre,
              licence=a.licence, period=a.period)
    for e in res.errors:
        print(f"error: {e}", file=sys.stderr)
    for e in res.added:
        print(f"{e['doc_id']}: {Path(a.raw) / e['file']} (sha256 {e['sha256'][:12]}...) listed in "
              f"{Path(a.raw) / 'manifest.yaml'}")
    if res.added:
        print("next: kosnlp run, then kosnlp doccano push (see README, 'Growing the corpus')")
    return 1 if res.errors else 0


def cmd_norms_review(a) -> int:
    from .gold import load_gold
    from .normalise.gold import norms_to_review, review_gold
    if a.action == "list":
        todo = norms_to_review(load_gold(a.gold))
        for r, s in todo:
            n = s.get("norm") or {}
            what = n.get("id") or n.get("value") or n.get("reason") or "-"
            print(f"{r['id']}\t{s['start']}\t{s['label']}\t{s['text']}\t{n.get('status', 'no norm')}\t{what}")
        print(f"{len(todo)} candidate norms to check", file=sys.stderr)
        return 0
    if a.sentence_id is None:
        raise KosnlpError("KOS-E502", f"norms review {a.action} needs a sentence id", where="kosnlp norms review",
                          hint="kosnlp norms review list shows them")
    norm = None
    if a.action == "set":
        norm = _parse_norm(a.norm)
    left = review_gold(a.gold, a.sentence_id, a.start, norm, a.reason, a.by)
    print(f"{a.sentence_id}: norm {'set' if norm else 'accepted'}; {left} candidate norms left to check; "
          "the gold changed: write a CHANGELOG.md entry and run kosnlp release X.Y.Z")
    return 0


def _parse_norm(text: str | None) -> dict:
    import yaml
    if not text:
        raise KosnlpError("KOS-E502", "set needs --norm", where="--norm",
                          hint='e.g. --norm \'{status: resolved, id: "state:ru", type: state, name: Russia, name_pl: Rosja}\'')
    try:
        norm = yaml.safe_load(text)
    except yaml.YAMLError:
        norm = None
    if not isinstance(norm, dict):
        raise KosnlpError("KOS-E502", "--norm is not a YAML/JSON mapping", where="--norm")
    return norm


def add_parsers(sub) -> None:
    s = sub.add_parser("add", help="add documents to raw/ and raw/manifest.yaml (or replace one's text)",
                       description="Copies each FILE byte for byte to raw/<doc_id>.txt and lists it in "
                                   "raw/manifest.yaml with its sha256. The doc id is made from language, genre, "
                                   "title and year unless --id is given. A file whose content or id is already in "
                                   "the corpus is refused (KOS-E114). --replace DOC_ID FILE swaps a document's "
                                   "text: its gold is moved to the new offsets when every edit lies outside every "
                                   "gold span, else nothing is written and the sentences it would break are named "
                                   "(KOS-E116).")
    s.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text files to add (with --replace: the one new text)")
    s.add_argument("--lang", choices=codes(), default=None, help="the documents' language (required to add)")
    s.add_argument("--title", action="append", help="title, once per FILE in order (default: [file name])")
    s.add_argument("--id", action="append", help="doc id, once per FILE (default: made from lang, genre, title, year)")
    s.add_argument("--source", default=None, help="where the text comes from")
    s.add_argument("--date", default=None, help="reference date YYYY-MM-DD (anchor of relative dates)")
    s.add_argument("--period", default=None, help="year the text is about, anchor when it has no date (default: "
                                                  "the year of --date)")
    s.add_argument("--genre", default=None, help="news, essay, notes, ...")
    s.add_argument("--licence", default=None, help="licence note")
    s.add_argument("--replace", metavar="DOC_ID", default=None, help="replace the raw text of this document")
    s.add_argument("--raw", default="raw", help="raw/ with manifest.yaml (default: raw)")
    s.add_argument("--gold", default="annotations/gold", help="gold files, remapped by --replace (default: annotations/gold)")
    s.set_defaults(func=cmd_add)
    s = sub.add_parser("norms", help="the gold norms: review the candidates that came with new gold")
    nsub = s.add_subparsers(dest="norms_cmd", required=True)
    s = nsub.add_parser("review", help="list, accept or set the candidate norms flagged for review",
                        description="Gold spans merged from doccano carry the resolvers' candidate norm, flagged "
                                    "in provenance.norms_to_check. list: one line per flagged span (sentence id, "
                                    "start, label, text, status, id or value). accept ID [--start N]: the "
                                    "candidate is right. set ID --start N --norm YAML --reason TEXT: another norm. "
                                    "The gold is written atomically; record a release afterwards.")
    s.add_argument("action", choices=("list", "accept", "set"), help="list the norms to check; accept a candidate; set another norm")
    s.add_argument("sentence_id", nargs="?", default=None, help="the gold sentence (accept, set)")
    s.add_argument("--start", type=int, default=None, help="the span's start in its sentence")
    s.add_argument("--norm", default=None, help="set: the norm, a YAML or JSON mapping in the shared schema")
    s.add_argument("--reason", default=None, help="set: why the candidate was wrong (required)")
    s.add_argument("--by", default=None, help="who checked it (recorded in provenance.norms_reviewed)")
    s.add_argument("--gold", default="annotations/gold", help="gold directory (default: annotations/gold)")
    s.set_defaults(func=cmd_norms_review)
