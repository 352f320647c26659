"""`kosnlp doccano pull`: confirmed examples back into the gold corpus.

Every exported example is mapped back by the sentence id in its metadata and checked
before anything is merged. What cannot be merged safely is a conflict, reported and left
as it was (never overwritten):

  no-id         the example has no sentence id, or one the corpus does not know
  duplicate     two examples carry the same sentence id
  raw-changed   the raw text of the sentence changed since the push
  text-edited   the example's text was edited in doccano
  both-edited   the spans changed both in doccano and locally since the push
  offsets       a span does not fit the text (out of range, empty, overlapping, unknown
                label, or starting / ending in whitespace)

All server calls happen before the first write, and each gold file is replaced
atomically, so a pull that fails (server gone, Ctrl-C) leaves the gold exactly as it was.
"""
from __future__ import annotations

from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..gold import diff_counts, load_gold, write_gold
from ..records import LABELS, contract_problems
from .push import digest, span_tuples


@dataclass
class Conflict:
    kind: str
    where: str
    detail: str

    def __str__(self) -> str:
        return f"conflict {self.kind} {self.where}: {self.detail}"


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
    kept_local: int = 0
    changes: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    written: dict = field(default_factory=dict)


def span_problem(text: str, spans: list) -> str | None:
    last_end = -1
    for s, e, lab in spans:
        if lab not in LABELS:
            return f"unknown label {lab!r}"
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            return f"span [{s},{e}) does not fit a text of {len(text)} characters"
        if s < last_end:
            return f"span [{s},{e}) overlaps the previous one"
        if text[s].isspace() or text[e - 1].isspace():
            return f"span [{s},{e}) {text[s:e]!r} starts or ends in whitespace"
        last_end = e
    return None


def classify(row: dict, local: dict | None, raw_text: str | None, seen: set) -> tuple[str, Conflict | None]:
    """'merge', 'unchanged', 'kept-local' or 'conflict' for one exported example."""
    sid, where = row.get("sentence_id"), f"example {row.get('id')}"
    if not sid or local is None:
        return "conflict", Conflict("no-id", where, f"sentence id {sid!r} is not in the corpus")
    where = f"{sid} ({where})"
    if sid in seen:
        return "conflict", Conflict("duplicate", where, "another example has the same sentence id")
    seen.add(sid)
    if raw_text is not None and raw_text[local["start"]:local["end"]] != local["text"]:
        return "conflict", Conflict("raw-changed", where, "the raw document no longer has this sentence")
    if digest(local["text"]) != row.get("text_sha256"):
        return "conflict", Conflict("raw-changed", where, "the sentence text changed since the push")
    if row["text"] != local["text"]:
        return "conflict", Conflict("text-edited", where, "the example text was edited in doccano")
    theirs = span_tuples(row.get("label", []))
    problem = span_problem(row["text"], theirs)
    if problem:
        return "conflict", Conflict("offsets", where, problem)
    ours = span_tuples(local["spans"])
    pushed = row.get("spans_sha256")
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


def pull(dc, project: str, gold_dir: str | Path, raw_texts: dict[str, str] | None = None,
         extra_records=(), include_unconfirmed: bool = False, dry_run: bool = False,
         workers: int = 4, references: dict | None = None) -> PullResult:
    res = PullResult()
    pid = dc.project_id(project)
    rows = dc.export(pid, confirmed_only=not include_unconfirmed)
    res.exported = len(rows)
    gold = load_gold(gold_dir)
    local = {r["id"]: r for r in extra_records}
    local.update({r["id"]: r for r in gold})
    raw_texts = raw_texts or {}
    users, seen, todo = None, set(), []
    for row in rows:
        rec = local.get(row.get("sentence_id"))
        verdict, conflict = classify(row, rec, raw_texts.get(rec["doc_id"]) if rec else None, seen)
        if conflict:
            res.conflicts.append(conflict)
        elif verdict == "unchanged":
            res.unchanged += 1
        elif verdict == "kept-local":
            res.kept_local += 1
        else:
            todo.append((row, rec))
    merged = []
    with ThreadPoolExecutor(max_workers=workers) as pool:  # who confirmed, and when: the last server calls
        all_states = list(pool.map(lambda item: dc.states(pid, item[0]["id"]), todo))
    for (row, rec), states in zip(todo, all_states):
        if not states and digest(span_tuples(row["label"])) == row.get("spans_sha256"):
            continue  # unconfirmed (--all) and untouched in doccano: nothing to take
        users = users if users is not None else dc.usernames(pid)
        last = max(states, key=lambda s: s["confirmed_at"]) if states else None
        who = {"project": project, "example_id": row["id"], "confirmed": bool(last),
               "annotator": users.get(last["confirmed_by"]) if last else None,
               "confirmed_at": last["confirmed_at"] if last else None}
        new = merged_record(rec, span_tuples(row["label"]), who)
        problems = contract_problems(new, raw_texts.get(new["doc_id"]))
        if problems:
            res.conflicts.append(Conflict("offsets", new["id"], "; ".join(problems[:2])))
            continue
        merged.append(new)
        res.changes.append(Change(new["id"], span_tuples(rec["spans"]), span_tuples(new["spans"]), new))
    by_doc = defaultdict(dict)
    for r in gold:
        by_doc[r["doc_id"]][r["id"]] = r
    if merged and any("norm" in s for r in [*gold, *merged] for s in r["spans"]):
        from ..normalise.gold import flag_candidate_norms
        flag_candidate_norms(merged, local, by_doc, references or {})
    if merged and not dry_run:
        for r in merged:
            by_doc[r["doc_id"]][r["id"]] = r
        docs = {r["doc_id"] for r in merged}
        res.written = write_gold([r for d in sorted(docs) for r in by_doc[d].values()], gold_dir)
    return res
