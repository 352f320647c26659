"""Rebuild annotations/gold/ of the documents annotated in this workspace (run from the repo root).

    uv run python work/build_gold.py

This is how the gold of corpus 0.1.0 and 0.2.0 was made, and it still reproduces it. Spans
come from the annotators' files and the adjudication; every span's norm comes from the
resolvers (kosnlp.normalise) corrected by the reading in work/norms/review.yaml.

Since gold also comes from doccano (`kosnlp doccano pull`) and norms are reviewed with
`kosnlp norms review`, the gold files are the record: this script only rebuilds the
documents that have annotations here, and refuses (KOS-E503, nothing written) when that
would overwrite or drop a gold sentence merged from doccano or a norm reviewed by command.
New norm corrections go through `kosnlp norms review`, not work/norms/review.yaml.
"""
import sys

import yaml

from kosnlp.errors import KosnlpError
from kosnlp.gold import GOLD_DIR, assemble, guard_workspace_build, load_annotations, load_gold, write_gold
from kosnlp.ingest import load_raw_corpus
from kosnlp.normalise.gold import attach_norms
from kosnlp.normalise.reference import document_reference
from kosnlp.segment import segment


def main() -> int:
    first = load_annotations("work/annot/a/output/*.jsonl")
    second = load_annotations("work/annot/b/output/*.jsonl")
    review = load_annotations("work/review/review-*.jsonl")
    decisions = {d["id"]: d for d in yaml.safe_load(open("work/adjudication.yaml", encoding="utf-8"))}
    docs = load_raw_corpus("raw")
    annotated = {rid.rsplit("-", 1)[0] for rid in first}
    units = {d.doc_id: (d.lang, segment(d.text, d.lang)) for d in docs if d.doc_id in annotated}
    records = assemble(units, first, second, review, decisions)
    norm_review = yaml.safe_load(open("work/norms/review.yaml", encoding="utf-8"))
    overrides = attach_norms(records, {d.doc_id: document_reference(d.meta) for d in docs}, norm_review)
    existing = load_gold(GOLD_DIR, {d.doc_id: d.text for d in docs}) if GOLD_DIR.is_dir() else []
    guard_workspace_build(existing, records)
    counts = write_gold(records)
    print(counts, sum(counts.values()), "gold records;", overrides, "norms corrected by reading")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KosnlpError as e:
        print(f"error: {e}", file=sys.stderr)
        sys.exit(1)
