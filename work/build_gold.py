"""Rebuild annotations/gold/ from the annotation workspace (reproducible; run from the repo root).

    uv run python work/build_gold.py
"""
import yaml

from kosnlp.gold import assemble, load_annotations, write_gold
from kosnlp.ingest import load_raw_corpus
from kosnlp.segment import segment

first = load_annotations("work/annot/a/output/*.jsonl")
second = load_annotations("work/annot/b/output/*.jsonl")
review = load_annotations("work/review/review-*.jsonl")
decisions = {d["id"]: d for d in yaml.safe_load(open("work/adjudication.yaml", encoding="utf-8"))}
units = {d.doc_id: (d.lang, segment(d.text, d.lang)) for d in load_raw_corpus("raw")}
counts = write_gold(assemble(units, first, second, review, decisions))
print(counts, sum(counts.values()), "gold records")
