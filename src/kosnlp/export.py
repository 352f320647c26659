"""Exports of the gold corpus for other tools: spaCy DocBin, CoNLL-2003-style IOB, doccano, CSV.

Layout under the output directory (default output/export):
  spacy/<lang>/train.spacy, dev.spacy, config.cfg   DocBin files and a `spacy init config` NER config
  split.json                                          which documents / sentences went to train and dev
  iob/<lang>.iob                                      IOB2 tags, one token per line, CoNLL-2003 columns
  doccano/<lang>.jsonl                                doccano 1.8 sequence-labelling import format
  mentions.csv                                        one row per mention (the loader's `mentions` frame)

Tokens come from spacy.blank(lang); a token that a span boundary falls inside is split at
the boundary, so every span is a whole number of tokens and round-trips exactly (the count
of such splits is reported).
"""
from __future__ import annotations

import hashlib
import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import KosnlpError
from .records import atomic_writer, dumps, write_text

DEV_SHARE = 0.2


@lru_cache(maxsize=4)
def blank(lang: str):
    import spacy
    return spacy.blank(lang)


def aligned_doc(rec: dict):
    """A spaCy Doc of the sentence whose entities are exactly the record's spans.

    Returns (doc, splits): `splits` counts tokens split because a span boundary fell inside.
    """
    from spacy.tokens import Doc
    nlp, text = blank(rec["lang"]), rec["text"]
    cuts = {b for s in rec["spans"] for b in (s["start"], s["end"])}
    words, spaces, splits = [], [], 0
    for t in nlp.make_doc(text):
        a, b = t.idx, t.idx + len(t.text)
        inner = sorted(c for c in cuts if a < c < b)
        splits += len(inner)
        pieces = [a, *inner, b]
        for i, (x, y) in enumerate(zip(pieces, pieces[1:])):
            words.append(text[x:y])
            spaces.append(bool(t.whitespace_) and i == len(pieces) - 2)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    ents = []
    for s in rec["spans"]:
        span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
        if span is None or doc.text != text:
            raise KosnlpError("KOS-E603", f"span {s['start']}-{s['end']} {s['text']!r} does not align with tokens",
                              where=rec["id"], hint="report this sentence: the tokenizer lost text")
        ents.append(span)
    doc.ents = ents
    doc.user_data["id"] = rec["id"]
    doc.user_data["doc_id"] = rec["doc_id"]
    return doc, splits


def _rank(doc_id: str) -> str:
    return hashlib.sha256(doc_id.encode("utf-8")).hexdigest()


def split(records: list[dict], dev_share: float = DEV_SHARE) -> tuple[dict[str, str], dict]:
    """sentence id -> "train" | "dev", by document, per language; and a description of it.

    Per language, documents are ordered by the sha256 of their doc_id and the first
    max(1, round(n * dev_share)) go to dev, the rest to train. A language with a single
    document (Polish, today) cannot be split by document: its sentences are split in
    reading order instead, the last ceil(n * dev_share) sentences going to dev (a
    contiguous tail, so no sentence of dev sits between two train sentences).
    """
    by_lang = defaultdict(lambda: defaultdict(list))
    for r in records:
        by_lang[r["lang"]][r["doc_id"]].append(r)
    out, info = {}, {}
    for lang, docs in sorted(by_lang.items()):
        order = sorted(docs, key=_rank)
        if len(order) >= 2:
            dev = set(order[:max(1, round(len(order) * dev_share))])
            for d, rs in docs.items():
                out.update({r["id"]: "dev" if d in dev else "train" for r in rs})
            info[lang] = {"by": "document", "train_docs": sorted(set(docs) - dev), "dev_docs": sorted(dev)}
        else:
            rs = sorted(docs[order[0]], key=lambda r: r["start"])
            n_dev = min(len(rs) - 1, math.ceil(len(rs) * dev_share)) if len(rs) > 1 else 0
            for i, r in enumerate(rs):
                out[r["id"]] = "dev" if i >= len(rs) - n_dev else "train"
            info[lang] = {"by": "sentence (single document: contiguous tail is dev)", "document": order[0],
                          "dev_from": rs[len(rs) - n_dev]["id"] if n_dev else None}
        for part in ("train", "dev"):
            info[lang][f"{part}_sentences"] = sum(out[r["id"]] == part for rs in docs.values() for r in rs)
    return out, info


def export_spacy(records: list[dict], out: Path, dev_share: float = DEV_SHARE, config: bool = True) -> dict:
    from spacy.tokens import DocBin
    assign, info = split(records, dev_share)
    bins = defaultdict(lambda: DocBin(store_user_data=True))
    splits = 0
    for r in records:
        doc, n = aligned_doc(r)
        splits += n
        bins[(r["lang"], assign[r["id"]])].add(doc)
    for (lang, part), db in bins.items():
        with atomic_writer(out / "spacy" / lang / f"{part}.spacy", "wb") as fh:
            fh.write(db.to_bytes())
    if config:
        from spacy.cli.init_config import init_config
        for lang in info:
            cfg = init_config(lang=lang, pipeline=["ner"], optimize="efficiency", gpu=False, silent=True)
            write_text(out / "spacy" / lang / "config.cfg", cfg.to_str())
    write_text(out / "split.json", json.dumps(info, ensure_ascii=False, indent=1) + "\n")
    return {"split": info, "token_splits": splits}


def iob_lines(rec: dict) -> list[str]:
    """One `token _ _ TAG` line per non-space token (IOB2: B- starts every mention)."""
    doc, _ = aligned_doc(rec)
    tags = {}
    for e in doc.ents:
        for i in range(e.start, e.end):
            tags[i] = ("B-" if i == e.start else "I-") + e.label_
    lines = []
    for t in doc:
        if t.is_space:
            continue
        if any(ch.isspace() for ch in t.text):
            raise KosnlpError("KOS-E603", f"token {t.text!r} contains whitespace; IOB cannot hold it",
                              where=rec["id"], hint="report this sentence")
        lines.append(f"{t.text} _ _ {tags.get(t.i, 'O')}")
    return lines


def export_iob(records: list[dict], out: Path) -> dict:
    by_lang = defaultdict(list)
    for r in records:
        by_lang[r["lang"]].append(r)
    counts = {}
    for lang, rs in by_lang.items():
        with atomic_writer(out / "iob" / f"{lang}.iob") as fh:
            last_doc = None
            for r in rs:
                if r["doc_id"] != last_doc:
                    fh.write("-DOCSTART- -X- -X- O\n\n")
                    last_doc = r["doc_id"]
                fh.write("\n".join(iob_lines(r)) + "\n\n")
        counts[lang] = len(rs)
    return counts


def parse_iob(text: str) -> list[list[tuple[str, str]]]:
    """IOB text -> sentences of (token, tag); -DOCSTART- lines are skipped."""
    sents, cur = [], []
    for ln, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        cols = line.split(" ")
        if cols[0] == "-DOCSTART-":
            continue
        if len(cols) != 4:
            raise KosnlpError("KOS-E603", f"IOB line has {len(cols)} columns, not 4", where=f"line {ln}")
        cur.append((cols[0], cols[3]))
    if cur:
        sents.append(cur)
    return sents


def iob_spans(text: str, tokens: list[tuple[str, str]]) -> list[dict]:
    """Character spans of an IOB sentence, by finding its tokens in order in `text`."""
    spans, pos, open_ = [], 0, None
    for tok, tag in tokens:
        i = text.find(tok, pos)
        if i < 0:
            raise KosnlpError("KOS-E603", f"token {tok!r} not in the sentence after offset {pos}", where=text[:40])
        pos = i + len(tok)
        if tag.startswith("I-") and open_ and open_["label"] == tag[2:]:
            open_["end"] = pos
            continue
        if open_:
            spans.append(open_)
            open_ = None
        if tag != "O":
            open_ = {"start": i, "end": pos, "label": tag[2:]}
    if open_:
        spans.append(open_)
    for s in spans:
        s["text"] = text[s["start"]:s["end"]]
    return spans


def doccano_record(rec: dict) -> dict:
    """doccano 1.8 sequence labelling import: text, label [[start, end, LABEL]], metadata."""
    return {"text": rec["text"], "label": [[s["start"], s["end"], s["label"]] for s in rec["spans"]],
            "sentence_id": rec["id"], "doc_id": rec["doc_id"], "lang": rec["lang"], "status": rec["status"]}


def export_doccano(records: list[dict], out: Path) -> dict:
    by_lang = defaultdict(list)
    for r in records:
        by_lang[r["lang"]].append(r)
    for lang, rs in by_lang.items():
        with atomic_writer(out / "doccano" / f"{lang}.jsonl") as fh:
            fh.writelines(dumps(doccano_record(r)) + "\n" for r in rs)
    return {lang: len(rs) for lang, rs in by_lang.items()}


def export_csv(mentions, out: Path) -> int:
    with atomic_writer(out / "mentions.csv") as fh:
        mentions.to_csv(fh, index=False, lineterminator="\n")
    return len(mentions)


@dataclass
class Job:
    """What every format writer gets: the corpus records (and where they came from),
    the output directory and the options."""
    records: list[dict]
    corpus_path: object
    out: Path
    dev_share: float = DEV_SHARE
    config: bool = True


def _spacy(job: Job) -> tuple[dict, str]:
    what = export_spacy(job.records, job.out, job.dev_share, job.config)
    parts = "; ".join(f"{lang}: train {v['train_sentences']}, dev {v['dev_sentences']} sentences"
                      for lang, v in what["split"].items())
    return what, (f"spacy: {job.out}/spacy/<lang>/{{train,dev}}.spacy, config.cfg ({parts}; "
                  f"{what['token_splits']} tokens split at span boundaries)")


def _iob(job: Job) -> tuple[dict, str]:
    what = export_iob(job.records, job.out)
    return what, "iob: " + ", ".join(f"{job.out}/iob/{lang}.iob ({n} sentences)" for lang, n in what.items())


def _doccano(job: Job) -> tuple[dict, str]:
    what = export_doccano(job.records, job.out)
    return what, "doccano: " + ", ".join(f"{job.out}/doccano/{lang}.jsonl ({n} sentences)" for lang, n in what.items())


def _csv(job: Job) -> tuple[int, str]:
    from .corpus import load_corpus
    n = export_csv(load_corpus(job.corpus_path).mentions, job.out)
    return n, f"csv: {job.out}/mentions.csv ({n} mentions)"


# format -> writer: a writer gets a Job and returns (result, one line saying what it wrote).
# A new format is one entry here; `kosnlp export --format` takes its choices from this table.
FORMATS = {"spacy": _spacy, "iob": _iob, "doccano": _doccano, "csv": _csv}


def export(corpus_path, out: str | Path, formats=tuple(FORMATS), dev_share: float = DEV_SHARE,
           config: bool = True, report=None) -> dict:
    """Write the requested formats of the corpus at `corpus_path` (see load_corpus) to `out`;
    {format: result}. `report(line)` is called with each writer's line (the CLI prints them)."""
    from .corpus import corpus_files, read_records
    if not 0 < dev_share < 1:
        raise KosnlpError("KOS-E603", f"dev share {dev_share} is not between 0 and 1", where="--dev-share",
                          hint="e.g. 0.2")
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise KosnlpError("KOS-E603", f"unknown export format {bad[0]!r}", where="--format",
                          hint="use " + ", ".join(FORMATS))
    job = Job(read_records(corpus_files(corpus_path)), corpus_path, Path(out), dev_share, config)
    done = {}
    for fmt in FORMATS:
        if fmt in formats:
            done[fmt], line = FORMATS[fmt](job)
            if report:
                report(line)
    return done
