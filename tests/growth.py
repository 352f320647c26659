"""A growth step, as a project lead and an annotator take it, in a copy of the project.

A new Polish document (tests/data/pl-growth-dyplomacja-1999.txt, written for the tests)
is added with `kosnlp add`, the pipeline runs, its sentences go to doccano (the in-memory
fake; the real-server version is the doccano integration test), an annotator corrects and
confirms some of them by reading, pull makes them gold (a partial document with candidate
norms flagged), the norms are reviewed with `kosnlp norms review`, the evaluation is
rerun, and a new version is released. The result is a project directory on which every
corpus check must pass as it does on the committed corpus.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from fake_doccano import FakeDoccano
from synthetic import copy_project

from kosnlp.cli import main
from kosnlp.records import read_jsonl

TEXT = Path(__file__).parent / "data" / "pl-growth-dyplomacja-1999.txt"
TITLE = "[Dyplomacja wiosny 1999: Polska, Rosja i wysłannicy]"
# The annotator's reading of the sentences she confirms (1-based sentence number -> spans in
# reading order); the other sentences of the document stay without gold.
READING = {
    1: [("Wiosną 1999 roku", "DATE"), ("Kosowa", "PLACE")],
    3: [("Bronisław Geremek", "ACTOR"), ("Javierem Solaną", "ACTOR")],
    5: [("maju", "DATE"), ("Czernomyrdin", "ACTOR"), ("Martti Ahtisaarim", "ACTOR"), ("Strobe'em Talbottem", "ACTOR")],
    7: [("2 czerwca", "DATE"), ("Belgradzie", "PLACE"), ("Slobodanowi Miloševiciowi", "ACTOR")],
    # a nickname (no rule finds it): the annotator corrects this sentence
    9: [("Rugovę", "ACTOR"), ("Gandhim Bałkanów", "ACTOR")],
}

SPRING = '{status: resolved, value: 1999-SP, start: "1999-03-01", end: "1999-05-31", anchor: null}'


def spans_by_reading(text: str, reading: list) -> list[list]:
    out, pos = [], 0
    for surface, label in reading:
        start = text.index(surface, pos)
        out.append([start, start + len(surface), label])
        pos = start + len(surface)
    return out


def next_version(version: str) -> str:
    major, minor, _ = map(int, version.split("."))
    return f"{major}.{minor + 1}.0"


def through_the_fake(p: Path, new: list, silver: list, docs: list, gold_dir: Path) -> None:
    """Push the new document's sentences to the in-memory doccano, let the annotator correct
    and confirm the READING sentences, and pull them into gold."""
    from kosnlp.doccano.pull import pull
    from kosnlp.doccano.push import push
    from kosnlp.normalise.reference import document_reference
    dc = FakeDoccano()
    push(dc, new, "kosnlp", "")
    pid = dc.project_id("kosnlp")
    dc.create_user("anna", "-")
    dc.add_member(pid, "anna")
    anna = next(k for k, v in dc.users.items() if v == "anna")
    by_sid = {e["meta"]["sentence_id"]: e for e in dc.examples(pid)}
    for n, reading in READING.items():
        e = by_sid[new[n - 1]["id"]]
        dc.set_spans(pid, e["id"], spans_by_reading(e["text"], reading))
        dc.confirm(pid, e["id"], user_id=anna)
    refs = {d.doc_id: document_reference(d.meta) for d in docs}
    res = pull(dc, "kosnlp", gold_dir, {d.doc_id: d.text for d in docs}, silver, references=refs)
    assert not res.conflicts and len(res.changes) == len(READING), res.conflicts


def grow(root: Path, dest: Path, through=through_the_fake) -> dict:
    """Copy the project to `dest` and take one growth step there; returns what was done.
    `through(project, new records, silver, docs, gold_dir)` takes the new sentences through
    doccano into gold: the in-memory fake by default, a real server in the integration test."""
    import yaml
    from kosnlp.gold import load_gold
    from kosnlp.ingest import load_raw_corpus
    from kosnlp.normalise.gold import norms_to_review

    p = copy_project(root, dest)
    shutil.copytree(root / "work", p / "work")
    raw, ann, gold_dir = p / "raw", p / "annotations", p / "annotations" / "gold"
    before = {d.doc_id for d in load_raw_corpus(raw)}
    assert main(["add", str(TEXT), "--lang", "pl", "--title", TITLE, "--genre", "notatka", "--period", "1999",
                 "--source", "written for the kosnlp tests", "--licence", "CC0 (written for the tests)",
                 "--raw", str(raw)]) == 0
    docs = load_raw_corpus(raw)
    (doc_id,) = {d.doc_id for d in docs} - before
    assert main(["run", "--raw", str(raw), "--out", str(p / "output"), "--annotations", str(ann),
                 "--no-models", "--no-lodo", "--quiet"]) == 0
    silver = [r for _, r in read_jsonl(p / "output" / "silver.jsonl")]
    new = [r for r in silver if r["doc_id"] == doc_id]

    through(p, new, silver, docs, gold_dir)

    # the lead reads the candidates: those of sentence 3 are right, the season of sentence 1 is not
    flagged = norms_to_review(load_gold(gold_dir))
    s1, s3 = (new[n - 1]["id"] for n in (1, 3))
    assert main(["norms", "review", "accept", s3, "--by", "lead", "--gold", str(gold_dir)]) == 0
    assert main(["norms", "review", "set", s1, "--start", "0", "--by", "lead", "--norm", SPRING,
                 "--reason", "spring 1999 (meteorological season); the resolvers do not read the instrumental "
                             "'Wiosną'", "--gold", str(gold_dir)]) == 0

    # the lead refreshes the corpus's evaluation (a full `kosnlp run` would; without the slow
    # leave-one-document-out estimate here, so evaluate is told to write it into annotations/)
    assert main(["evaluate", str(p / "output" / "silver.jsonl"), "--raw", str(raw), "--annotations", str(ann),
                 "--out", str(ann), "--no-lodo"]) == 0
    man = yaml.safe_load((raw / "manifest.yaml").read_text(encoding="utf-8"))
    version = next_version(str(man["corpus_version"]))
    cl = p / "CHANGELOG.md"
    text = cl.read_text(encoding="utf-8")
    first = text.index("\n## ")
    cl.write_text(text[:first] + f"\n## {version} - 2027-01-01\n\n- {doc_id}: {len(READING)} sentences from "
                  f"doccano (partial).\n" + text[first:], encoding="utf-8")
    assert main(["release", version, "--date", "2027-01-01", "--root", str(p)]) == 0
    return {"root": p, "doc_id": doc_id, "version": version, "silver": silver, "new": new,
            "flagged": len(flagged), "accepted": s3, "set": s1}
