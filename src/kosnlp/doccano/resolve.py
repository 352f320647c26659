"""`kosnlp doccano resolve ID --keep doccano|local`: settle one conflict of a pull.

--keep doccano   the example's current spans become the sentence's gold (checked like a
                 pull: same text, spans fit the text and the raw document), with who
                 confirmed it, if anyone did;
--keep local     the example in doccano is set to the local record (gold, or the records
                 pushed): its text and spans; the gold is not touched.
Either way the example's metadata is brought up to date (fingerprints of the text and
spans now shared by both sides, no pending batch), so that the next pull sees the
sentence as unchanged; other examples with the same sentence id (duplicates) are deleted.
"""
from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from ..errors import KosnlpError
from ..gold import load_gold
from ..records import contract_problems, span_problems
from .labelset import check_labels
from .pull import id_problem, merged_record, who_confirmed, write_merged
from .push import digest, span_tuples


def resolve(dc, project: str, sentence_id: str, keep: str, gold_dir: str | Path, raw_texts: dict[str, str],
            extra_records=(), references: dict | None = None, lock=None) -> str:
    if keep not in ("doccano", "local"):
        raise KosnlpError("KOS-E404", f"--keep {keep!r}: doccano or local", where=sentence_id)
    pid = dc.project_id(project)
    with lock(pid) if lock else nullcontext():
        listing = list(dc.examples(pid))
        label_ids = check_labels(dc, pid, [e["meta"].get("label_ids") for e in listing])
        names = {v: k for k, v in label_ids.items()}
        examples = sorted((e for e in listing if e["meta"].get("sentence_id") == sentence_id),
                          key=lambda e: (not e["is_confirmed"], e["id"]))
        if not examples:
            raise KosnlpError("KOS-E404", f"no example in project {project!r} has sentence id {sentence_id!r}",
                              where=getattr(dc, "url", None), hint="check the id in the pull's conflict line")
        gold = load_gold(gold_dir)
        local = {r["id"]: r for r in extra_records}
        local.update({r["id"]: r for r in gold})
        ex = examples[0]
        rec = local.get(sentence_id)
        problem = id_problem({"id": ex["id"], **ex["meta"]}, rec, raw_texts)
        if problem:
            raise KosnlpError(problem.code, f"{problem.kind}: {problem.detail}", where=problem.where)
        raw = raw_texts[rec["doc_id"]]
        if raw[rec["start"]:rec["end"]] != rec["text"]:
            raise KosnlpError("KOS-E404", "the raw document no longer has this sentence", where=sentence_id,
                              hint="re-annotate the document first")
        there = span_tuples([[s["start"], s["end"], names.get(s["label"], s["label"])]
                             for s in dc.spans(pid, ex["id"])])
        if keep == "doccano":
            if ex["text"] != rec["text"]:
                raise KosnlpError("KOS-E404", "the example's text was edited in doccano: only --keep local "
                                  "can settle it", where=f"{sentence_id} (example {ex['id']})")
            problems = span_problems(rec["text"], there)
            if problems:
                raise KosnlpError("KOS-E409", "; ".join(problems[:2]), where=f"{sentence_id} (example {ex['id']})",
                                  hint="fix the spans in doccano first")
            who = who_confirmed(dc, pid, project, {"id": ex["id"]}, dc.states(pid, ex["id"]), dc.usernames(pid))
            new = merged_record(rec, there, who)
            problems = contract_problems(new, raw)
            if problems:
                raise KosnlpError("KOS-E409", "; ".join(problems[:2]), where=sentence_id)
            write_merged([new], local, gold, gold_dir, references)
            final, text = there, ex["text"]
            done = f"{sentence_id}: doccano's {len(there)} spans are now gold"
        else:
            final, text = span_tuples(rec["spans"]), rec["text"]
            if ex["text"] != text:
                dc.set_meta(pid, ex["id"], text, ex["meta"])
                there = []
            for s in dc.spans(pid, ex["id"]):
                if ex["text"] != text or [s["start"], s["end"], names.get(s["label"])] not in final:
                    dc.delete_span(pid, ex["id"], s["id"])
            for start, end, label in final:
                if [start, end, label] not in there:
                    dc.create_span(pid, ex["id"], start, end, label_ids[label])
            done = f"{sentence_id}: example {ex['id']} in doccano now has the local {len(final)} spans"
        meta = dict(ex["meta"], text_sha256=digest(text), spans_sha256=digest(final), batch="", label_ids=label_ids)
        dc.set_meta(pid, ex["id"], text, meta)
        others = [e["id"] for e in examples[1:]]
        dc.delete_examples(pid, others)
        return done + (f"; duplicate examples {', '.join(map(str, others))} deleted" if others else "")
