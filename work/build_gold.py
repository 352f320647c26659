"""Rebuild annotations/gold/ from the annotation workspace (reproducible; run from the repo root).

    uv run python work/build_gold.py

Spans come from the annotators' files and the adjudication; every span's norm comes
from the resolvers (kosnlp.normalise) corrected by the reading in work/norms/review.yaml.
"""
import yaml

from kosnlp.gold import assemble, load_annotations, write_gold
from kosnlp.ingest import load_raw_corpus
from kosnlp.normalise.gold import attach_norms
from kosnlp.normalise.reference import document_reference
from kosnlp.segment import segment

first = load_annotations("work/annot/a/output/*.jsonl")
second = load_annotations("work/annot/b/output/*.jsonl")
review = load_annotations("work/review/review-*.jsonl")
decisions = {d["id"]: d for d in yaml.safe_load(open("work/adjudication.yaml", encoding="utf-8"))}
docs = load_raw_corpus("raw")
units = {d.doc_id: (d.lang, segment(d.text, d.lang)) for d in docs}
records = assemble(units, first, second, review, decisions)
norm_review = yaml.safe_load(open("work/norms/review.yaml", encoding="utf-8"))
overrides = attach_norms(records, {d.doc_id: document_reference(d.meta) for d in docs}, norm_review)
counts = write_gold(records)
print(counts, sum(counts.values()), "gold records;", overrides, "norms corrected by reading")
