"""`kosnlp doccano pull`: confirmed examples back into the gold corpus.

Every exported example is mapped back by the sentence id in its metadata and checked
before anything is merged. First the project's label set (labels.py: a renamed or
swapped label is KOS-E413 and nothing is merged). What cannot be merged safely is a
conflict, reported with its sentence id and left as it was (never overwritten):

  no-id         (KOS-E415) no sentence id, or one the corpus does not know
  bad-id        (KOS-E415) a sentence or document id that is not of the corpus's form
                (`<doc_id>-NNNN`, doc id letters, digits and . _ - only), or that does not
                match the record's: no id can name a path
  unknown-doc   (KOS-E415) the document is not in raw/manifest.yaml
  duplicate     two examples carry the same sentence id
  incomplete-import  the example's spans differ from what was pushed and its batch was
                never verified complete (push.py): missing spans are not a deletion
  raw-changed   the raw text of the sentence changed since the push
  text-edited   the example's text was edited in doccano
  both-edited   the spans changed both in doccano and locally since the push
  offsets       a span does not fit the text (out of range, empty, overlapping, unknown
                label, or starting / ending in whitespace)

Every conflict line starts with its code (KOS-E404 unless listed above, KOS-E409 for
offsets); `kosnlp doccano resolve ID --keep doccano|local` settles one (resolve.py).
Examples that were pushed (the push journal: sentence id -> example id) and are gone from
doccano are reported by id, and so is every sentence whose local edit was kept.

All server calls happen before the first write, and each gold file is replaced
atomically, so a pull that fails (server gone, Ctrl-C) leaves the gold exactly as it was.
"""
from __future__ import annotations

import re
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KosnlpError
from ..gold import diff_counts, load_gold, write_gold
from ..records import contract_problems, span_problems
from .labelset import check_labels
from .push import DOC_ID, PENDING, SENTENCE_ID, digest, span_tuples

CODES = {"no-id": "KOS-E415", "bad-id": "KOS-E415", "unknown-doc": "KOS-E415", "offsets": "KOS-E409"}


@dataclass
class Conflict:
    kind: str
    where: str
    detail: str

    @property
    def code(self) -> str:
        return CODES.get(self.kind, "KOS-E404")

    def __str__(self) -> str:
        return f"{self.code} conflict {self.kind} {self.where}: {self.detail}"


@dataclass
class Change:
    sentence_id: str
    before: list
    after: list
    record: dict

    def lines(self) -> list[str]:
        text = self.record["text"]
        b, a = {tuple(x) for x in self.before}, {tuple(x) for x in self.after}
        out = [f"- {self.sentence_id} [{s},{e}) {lab} {text[s:e]!r}" for s, e, lab in sorted(b - a)]
        out += [f"+ {self.sentence_id} [{s},{e}) {lab} {text[s:e]!r}" for s, e, lab in sorted(a - b)]
        return out or [f"= {self.sentence_id} confirmed, spans unchanged (silver -> gold)"]


@dataclass
class PullResult:
    exported: int = 0
    unchanged: int = 0
    kept_local: list = field(default_factory=list)  # "sentence id (example N)"
    deleted: list = field(default_factory=list)  # (sentence id, example id) pushed, gone from doccano
    changes: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    written: dict = field(default_factory=dict)


def id_problem(row: dict, local: dict | None, manifest: dict) -> Conflict | None:
    """Is the example's sentence id of the corpus's form, its document in the manifest, its record its own?"""
    sid, doc, where = row.get("sentence_id"), row.get("doc_id"), f"example {row.get('id')}"
    if not isinstance(sid, str) or not sid:
        return Conflict("no-id", where, "the example has no sentence id")
    m = SENTENCE_ID.fullmatch(sid)
    if not m or doc != m.group(1):
        return Conflict("bad-id", where, f"sentence id {sid!r} / doc id {doc!r} is not of the form <doc_id>-NNNN")
    where = f"{sid} ({where})"
    if doc not in manifest:
        return Conflict("unknown-doc", where, f"document {doc!r} is not in raw/manifest.yaml")
    if local is None:
        return Conflict("no-id", where, "the sentence id is not in the gold corpus or the records pushed")
    if (local.get("id"), local.get("doc_id")) != (sid, doc):
        return Conflict("bad-id", where, f"the local record is {local.get('id')!r} of {local.get('doc_id')!r}")
    return None


def classify(row: dict, local: dict | None, raw_text: str | None, seen: set,
             pending: frozenset = frozenset()) -> tuple[str, Conflict | None]:
    """'merge', 'unchanged', 'kept-local' or 'conflict' for one exported example (ids checked before)."""
    sid, where = row.get("sentence_id"), f"{row.get('sentence_id')} (example {row.get('id')})"
    if sid in seen:
        return "conflict", Conflict("duplicate", where, "another example has the same sentence id")
    seen.add(sid)
    if raw_text is None or raw_text[local["start"]:local["end"]] != local["text"]:
        return "conflict", Conflict("raw-changed", where, "the raw document no longer has this sentence")
    if digest(local["text"]) != row.get("text_sha256"):
        return "conflict", Conflict("raw-changed", where, "the sentence text changed since the push")
    if row["text"] != local["text"]:
        return "conflict", Conflict("text-edited", where, "the example text was edited in doccano")
    theirs = span_tuples(row.get("label", []))
    pushed = row.get("spans_sha256")
    if row.get("batch") in pending and digest(theirs) != pushed:
        return "conflict", Conflict("incomplete-import", where, "the push of this example was never verified "
                                    "complete and its spans differ from what was sent: rerun `kosnlp doccano "
                                    "push`, or `kosnlp doccano resolve ID --keep doccano|local`")
    problems = span_problems(row["text"], theirs)
    if problems:
        return "conflict", Conflict("offsets", where, "; ".join(problems[:2]))
    ours = span_tuples(local["spans"])
    changed_there, changed_here = digest(theirs) != pushed, digest(ours) != pushed
    if changed_there and changed_here and theirs != ours:
        return "conflict", Conflict("both-edited", where, "spans changed in doccano and locally since the push")
    if theirs == ours:
        return ("unchanged" if local["status"] == "gold" else "merge"), None
    return ("kept-local" if changed_here and not changed_there else "merge"), None


def merged_record(local: dict, spans: list, who: dict) -> dict:
    """The local record with doccano's spans (span dicts that did not change are kept whole)."""
    text, old = local["text"], {(s["start"], s["end"], s["label"]): s for s in local["spans"]}
    new_spans = [old.get((s, e, lab)) or {"start": s, "end": e, "label": lab, "text": text[s:e]}
                 for s, e, lab in spans]
    prov = dict(local.get("provenance") or {})
    if local["status"] != "gold":
        prov["origin"] = "accepted" if span_tuples(local["spans"]) == spans else "corrected"
    prov["doccano"] = who
    prov["changes_vs_pushed"] = diff_counts(local["spans"], new_spans)
    rec = dict(local)
    rec.update(spans=new_spans, status="gold", provenance=prov)
    return rec


def gold_path(gold_dir: str | Path, doc_id: str) -> Path:
    """The gold file of a document, refused (KOS-E415) unless it lies directly in gold_dir."""
    base = Path(gold_dir).resolve()
    path = (base / f"{doc_id}.jsonl").resolve()
    if not re.fullmatch(DOC_ID, doc_id) or path.parent != base:
        raise KosnlpError("KOS-E415", f"document id {doc_id!r} would write outside the gold directory",
                          where=str(gold_dir), hint="the id must be letters, digits and . _ - only")
    return path


def write_merged(merged: list[dict], before: dict[str, dict], gold: list[dict], gold_dir,
                 references: dict | None) -> dict:
    """Merge records into their documents' gold and write those files. `before`: id -> the
    record as it was (gold or silver); spans not already gold with a checked norm get the
    resolvers' candidate norm, flagged for review (normalise.gold.flag_candidate_norms)."""
    by_doc = defaultdict(dict)
    for r in gold:
        by_doc[r["doc_id"]][r["id"]] = r
    if merged and any("norm" in s for r in [*gold, *merged] for s in r["spans"]):
        from ..normalise.gold import flag_candidate_norms
        flag_candidate_norms(merged, before, by_doc, references or {})
    for r in merged:
        gold_path(gold_dir, r["doc_id"])
        by_doc[r["doc_id"]][r["id"]] = r
    docs = {r["doc_id"] for r in merged}
    return write_gold([r for d in sorted(docs) for r in by_doc[d].values()], gold_dir) if merged else {}


def who_confirmed(dc, pid: int, project: str, row: dict, states: list, users: dict) -> dict:
    last = max(states, key=lambda s: s["confirmed_at"]) if states else None
    return {"project": project, "example_id": row["id"], "confirmed": bool(last),
            "annotator": users.get(last["confirmed_by"]) if last else None,
            "confirmed_at": last["confirmed_at"] if last else None}


def pull(dc, project: str, gold_dir: str | Path, raw_texts: dict[str, str] | None = None,
         extra_records=(), include_unconfirmed: bool = False, dry_run: bool = False,
         workers: int = 4, references: dict | None = None, lock=None, pushed: dict | None = None) -> PullResult:
    """Merge doccano's examples into gold. `raw_texts`: the manifest's documents (doc id -> text);
    `lock(project_id)`: the project's lock; `pushed`: the push journal (sentence id -> example id)."""
    res = PullResult()
    pid = dc.project_id(project)
    with lock(pid) if lock else nullcontext():
        rows = dc.export(pid, confirmed_only=not include_unconfirmed)
        check_labels(dc, pid, [row.get("label_ids") for row in rows])
        pending = frozenset(m["text"][len(PENDING):] for m in dc.markers(pid, PENDING))
        if pushed:
            there = {r.get("sentence_id") for r in (rows if include_unconfirmed else dc.export(pid, False))}
            res.deleted = sorted((sid, eid) for sid, eid in pushed.items() if sid not in there)
        res.exported = len(rows)
        gold = load_gold(gold_dir)
        local = {r["id"]: r for r in extra_records}
        local.update({r["id"]: r for r in gold})
        raw_texts = raw_texts or {}
        users, seen, todo = None, set(), []
        for row in rows:
            rec = local.get(row.get("sentence_id"))
            conflict = id_problem(row, rec, raw_texts)
            verdict = "conflict"
            if not conflict:
                verdict, conflict = classify(row, rec, raw_texts.get(rec["doc_id"]), seen, pending)
            if conflict:
                res.conflicts.append(conflict)
            elif verdict == "unchanged":
                res.unchanged += 1
            elif verdict == "kept-local":
                res.kept_local.append(f"{row['sentence_id']} (example {row['id']})")
            else:
                todo.append((row, rec))
        merged = []
        with ThreadPoolExecutor(max_workers=workers) as pool:  # who confirmed, and when: the last server calls
            all_states = list(pool.map(lambda item: dc.states(pid, item[0]["id"]), todo))
        for (row, rec), states in zip(todo, all_states):
            if not states and digest(span_tuples(row["label"])) == row.get("spans_sha256"):
                continue  # unconfirmed (--all) and untouched in doccano: nothing to take
            users = users if users is not None else dc.usernames(pid)
            new = merged_record(rec, span_tuples(row["label"]), who_confirmed(dc, pid, project, row, states, users))
            problems = contract_problems(new, raw_texts.get(new["doc_id"]))
            if problems:
                res.conflicts.append(Conflict("offsets", new["id"], "; ".join(problems[:2])))
                continue
            merged.append(new)
            res.changes.append(Change(new["id"], span_tuples(rec["spans"]), span_tuples(new["spans"]), new))
        for r in merged:
            gold_path(gold_dir, r["doc_id"])
        if merged and not dry_run:
            res.written = write_merged(merged, local, gold, gold_dir, references)
    return res
