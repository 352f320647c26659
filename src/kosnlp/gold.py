"""The gold corpus: build records from reader annotations, provenance, loading, consistency.

Annotators (people or helpers) write `{"id", "text", "ents": [[surface, LABEL], ...]}`
lines, mentions in reading order; `ents_to_spans` turns them into exact offsets,
searching left to right, and fails loudly (file:line) when a surface is not there.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

from .errors import KosnlpError
from .records import LABELS, contract_problems, read_jsonl, write_jsonl

GOLD_DIR = Path("annotations") / "gold"


def ents_to_spans(text: str, ents: list, where: str) -> list[dict]:
    spans, pos = [], 0
    for item in ents:
        if not (isinstance(item, (list, tuple)) and len(item) == 2 and item[1] in LABELS):
            raise KosnlpError("KOS-E203", f"mention {item!r} is not [surface, ACTOR|PLACE|DATE]", where=where)
        surface, label = item
        # whole-word match: not inside a longer word
        pat = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
        m = pat.search(text, pos)
        if not m:
            raise KosnlpError("KOS-E203", f"mention {surface!r} not found after offset {pos}", where=where,
                              hint="copy the surface exactly and list mentions in reading order")
        spans.append({"start": m.start(), "end": m.end(), "label": label, "text": surface})
        pos = m.end()
    return spans


def load_annotation(path: str | Path) -> dict[str, dict]:
    """id -> {"text", "spans", "note"} from an annotator's file."""
    out = {}
    for ln, rec in read_jsonl(path):
        where = f"{path}:{ln}"
        out[rec["id"]] = {"id": rec["id"], "text": rec["text"], "note": rec.get("note"),
                          "spans": ents_to_spans(rec["text"], rec.get("ents", []), where)}
    return out


def load_annotations(pattern: str, langs: dict[str, str] | None = None) -> dict[str, dict]:
    """Merge the annotator files matching a glob; `langs` (doc_id -> lang) sets "lang"."""
    import glob
    out = {}
    for f in sorted(glob.glob(pattern)):
        out.update(load_annotation(f))
    for rid, rec in out.items():
        doc_id = rid.rsplit("-", 1)[0]
        if langs is not None:
            if doc_id not in langs:
                raise KosnlpError("KOS-E203", f"sentence of unknown document {doc_id!r}", where=rid,
                                  hint="its document must be listed in raw/manifest.yaml")
            rec["lang"] = langs[doc_id]
    return out


def load_gold(gold_dir: str | Path = GOLD_DIR, raw: dict[str, str] | None = None) -> list[dict]:
    """All gold records, validated against the contract (and raw texts when given)."""
    recs = []
    files = sorted(Path(gold_dir).glob("*.jsonl"))
    for f in files:
        for ln, rec in read_jsonl(f):
            probs = contract_problems(rec, raw.get(rec.get("doc_id")) if raw else None)
            if probs:
                raise KosnlpError("KOS-E202", "; ".join(probs[:3]), where=f"{f}:{ln}",
                                  hint="fix the record; see docs/corpus-format.md")
            recs.append(rec)
    return recs


def write_gold(records: list[dict], gold_dir: str | Path = GOLD_DIR) -> dict[str, int]:
    """Write gold per document, atomically (a half-written gold file is impossible)."""
    by_doc = defaultdict(list)
    for r in records:
        probs = contract_problems(r)
        if probs:
            raise KosnlpError("KOS-E202", "; ".join(probs[:3]), where=r.get("id", "?"))
        by_doc[r["doc_id"]].append(r)
    return {d: write_jsonl(Path(gold_dir) / f"{d}.jsonl", sorted(rs, key=lambda r: r["start"]))
            for d, rs in by_doc.items()}


def surface_label_review(records: list[dict]) -> list[dict]:
    """Surface forms labelled differently across the corpus (or annotated and not)."""
    seen = defaultdict(Counter)
    where = defaultdict(list)
    for r in records:
        for s in r["spans"]:
            seen[s["text"]][s["label"]] += 1
            where[(s["text"], s["label"])].append(r["id"])
    out = []
    for surface, labels in sorted(seen.items()):
        if len(labels) > 1:
            out.append({"surface": surface, "labels": dict(labels),
                        "ids": {lab: where[(surface, lab)] for lab in labels}})
    return out


def diff_counts(before: list[dict], after: list[dict]) -> dict[str, int]:
    from .agreement import classify
    _, dis = classify(before, after)
    c = Counter(cls for cls, _, _ in dis)
    return {"added": c["only_b"], "removed": c["only_a"], "relabelled": c["label"],
            "rebounded": c["boundary"] + c["boundary+label"]}


def assemble(units_by_doc: dict, first: dict, second: dict, review: dict, decisions: dict) -> list[dict]:
    """Gold records from the first annotation, overridden by accepted review/adjudication.

    units_by_doc: doc_id -> (lang, [Unit]); first/second/review: id -> annotation;
    decisions: id -> {"decision": "keep A" | "keep B" | "accept review", ...}.
    """
    from .records import make_record
    out = []
    for doc_id, (lang, units) in units_by_doc.items():
        for i, u in enumerate(units):
            rid = f"{doc_id}-{i + 1:04d}"
            if rid not in first:
                raise KosnlpError("KOS-E203", "sentence has no first annotation", where=rid)
            a = first[rid]
            if a["text"] != u.text:
                raise KosnlpError("KOS-E203", "annotated text differs from the segmented sentence", where=rid)
            spans = a["spans"]
            dec = decisions.get(rid, {}).get("decision")
            if dec == "keep B":
                spans = second[rid]["spans"]
            elif dec == "accept review":
                spans = review[rid]["spans"]
            prov = {"origin": "scratch", "pre_annotation": None, "annotator": "A",
                    "second_annotator": "B" if rid in second else None,
                    "reviewed": rid not in second, "adjudicated": rid in decisions,
                    "changes_vs_first": diff_counts(a["spans"], spans)}
            if rid in decisions:
                prov["decision"] = decisions[rid].get("reason")
            out.append(make_record(doc_id, lang, i, u.start, u.end, u.text, spans, status="gold",
                                   provenance=prov))
    return out


def text_edits(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """(old_start, old_end, new_start, new_end) of each changed region, in order (a line diff,
    narrowed to the changed characters inside each changed block of lines)."""
    from difflib import SequenceMatcher
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    ao, bo = [0], [0]
    for ln in a:
        ao.append(ao[-1] + len(ln))
    for ln in b:
        bo.append(bo[-1] + len(ln))
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        x0, x1, y0, y1 = ao[i1], ao[i2], bo[j1], bo[j2]
        while x0 < x1 and y0 < y1 and old[x0] == new[y0]:
            x0, y0 = x0 + 1, y0 + 1
        while x1 > x0 and y1 > y0 and old[x1 - 1] == new[y1 - 1]:
            x1, y1 = x1 - 1, y1 - 1
        out.append((x0, x1, y0, y1))
    return out


def remap(records: list[dict], old: str, new: str, lang: str, where: str) -> tuple[list[dict], dict[str, str]]:
    """The gold records of one document moved onto its new raw text.

    Allowed: edits outside every gold span (before or after a sentence, or inside it between
    its mentions) that leave the segmenter's sentence boundaries of every gold sentence
    where they were. Anything else raises KOS-E116 naming the sentences it would break. A
    sentence whose own text changed is marked `provenance.text_edited_after_annotation`.
    Returns the new records (ids renumbered when sentences were added or removed before
    them) and the old -> new ids that changed.
    """
    from .records import sentence_id
    from .segment import segment
    edits = text_edits(old, new)

    def moved(p: int, end: bool = False) -> int:  # an insertion at p is before a start, after an end
        return p + sum((y1 - y0) - (x1 - x0) for x0, x1, y0, y1 in edits if x1 <= p and not (end and x0 == x1 == p))

    units = {(u.start, u.end): i for i, u in enumerate(segment(new, lang))}
    out, broken, renumbered = [], {}, {}
    for r in sorted(records, key=lambda r: r["start"]):
        s, e = r["start"], r["end"]
        inside = [(x0, x1) for x0, x1, _, _ in edits if x0 < e and x1 > s or (x0 == x1 and s < x0 < e)]
        if any(x0 < s or x1 > e for x0, x1 in inside):
            broken[r["id"]] = "an edit crosses the sentence boundary"
            continue
        hit = [sp["text"] for sp in r["spans"] for x0, x1 in inside
               if x0 <= s + sp["end"] and x1 >= s + sp["start"]]
        if hit:
            broken[r["id"]] = f"an edit touches {hit[0]!r}"
            continue
        ns, ne = moved(s), moved(e, end=True)
        index = units.get((ns, ne))
        if index is None:
            broken[r["id"]] = "its sentence boundaries change"
            continue
        spans = [dict(sp, start=moved(s + sp["start"]) - ns, end=moved(s + sp["end"], end=True) - ns)
                 for sp in r["spans"]]
        rec = dict(r, id=sentence_id(r["doc_id"], index), start=ns, end=ne, text=new[ns:ne], spans=spans)
        if inside:
            rec["provenance"] = dict(r.get("provenance") or {}, text_edited_after_annotation=True)
        if rec["id"] != r["id"]:
            renumbered[r["id"]] = rec["id"]
        probs = contract_problems(rec, new)
        if probs:
            broken[r["id"]] = probs[0]
            continue
        out.append(rec)
    if broken:
        ids = sorted(broken)
        raise KosnlpError("KOS-E116", f"the new text would break {len(ids)} gold sentence(s): "
                          + "; ".join(f"{i} ({broken[i]})" for i in ids[:20]) + (" ..." if len(ids) > 20 else ""),
                          where=where, hint="edit only outside the annotated mentions, or re-annotate those "
                                            "sentences after removing their gold")
    return out, renumbered


def coverage(gold: list[dict], docs) -> dict:
    """How much of each document has gold: the gold sentences against the segmenter's sentences.

    docs: ingest.Document list (the manifest's documents). A document is `complete` when every
    sentence of its raw text has a gold record, `partial` when some have, `none` otherwise.
    Totals per language count sentences of all documents, and documents by state.
    """
    from .segment import segment
    have = defaultdict(set)
    for r in gold:
        have[r["doc_id"]].add((r["start"], r["end"]))
    per_doc, per_lang = {}, {}
    for d in docs:
        units = {(u.start, u.end) for u in segment(d.text, d.lang)}
        n_gold = len(have.get(d.doc_id, ()))
        state = "complete" if units and units <= have.get(d.doc_id, set()) else "partial" if n_gold else "none"
        per_doc[d.doc_id] = {"lang": d.lang, "gold": n_gold, "sentences": len(units), "state": state,
                             "share": round(n_gold / len(units), 4) if units else 0.0}
        t = per_lang.setdefault(d.lang, {"gold": 0, "sentences": 0, "complete": 0, "partial": 0, "none": 0})
        t["gold"] += n_gold
        t["sentences"] += len(units)
        t[state] += 1
    for t in per_lang.values():
        t["share"] = round(t["gold"] / t["sentences"], 4) if t["sentences"] else 0.0
    return {"documents": per_doc, "by_lang": dict(sorted(per_lang.items()))}


def partial_documents(cov: dict) -> set[str]:
    return {d for d, c in cov["documents"].items() if c["state"] == "partial"}


def from_workspace(rec: dict) -> bool:
    """True for a gold record that work/build_gold.py can rebuild: not merged from doccano,
    no norm set or accepted by `kosnlp norms review`."""
    prov = rec.get("provenance") or {}
    return not any(k in prov for k in ("doccano", "norms_reviewed", "norms_to_check", "text_edited_after_annotation"))


def guard_workspace_build(existing: list[dict], built: list[dict]) -> None:
    """Refuse (KOS-E503) a rebuild from the annotation workspace that would overwrite or drop
    gold that the workspace did not make (merged from doccano, norms reviewed by command)."""
    new = {r["id"]: r for r in built}
    docs = {r["doc_id"] for r in built}
    lost = [r["id"] for r in existing if r["doc_id"] in docs and not from_workspace(r) and new.get(r["id"]) != r]
    if lost:
        raise KosnlpError("KOS-E503", f"{len(lost)} gold sentence(s) came from doccano or the norm review and "
                          f"would be overwritten: {', '.join(lost[:10])}" + (" ..." if len(lost) > 10 else ""),
                          where=str(GOLD_DIR), hint="the gold is the record now; correct it with kosnlp doccano "
                                                    "pull or kosnlp norms review, not work/build_gold.py")
