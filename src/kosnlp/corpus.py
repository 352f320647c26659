"""Load the corpus into pandas: one row per sentence, one per mention, one per document.

`load_corpus()` finds `annotations/gold` from the current directory (or a parent), and the
manifest `raw/manifest.yaml` beside it, for document metadata (any contract JSONL loads
without one). A span's `norm` object (the
normalised ACTOR / PLACE / DATE value) is flattened into `norm_<key>` columns, whatever keys
it has (nested objects become `norm_<key>_<subkey>`), so new keys need no code change; without
norms those columns are simply absent.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import KosnlpError
from .ingest import read_manifest
from .records import contract_problems, read_jsonl

GOLD_RELPATH = Path("annotations") / "gold"
DOC_META = ("title", "source", "genre", "reference_date", "period", "licence_note")


@dataclass(frozen=True)
class Corpus:
    """`sentences`, `mentions` and `documents` DataFrames, and where they came from."""
    sentences: pd.DataFrame
    mentions: pd.DataFrame
    documents: pd.DataFrame
    files: tuple[Path, ...]
    manifest: dict

    @property
    def version(self) -> str | None:
        """The manifest's corpus version, when every document loaded is one the manifest
        lists (records of other documents have no corpus version)."""
        listed = {d.get("doc_id") for d in self.manifest.get("documents", [])}
        ids = set(self.documents.doc_id) if len(self.documents) else set()
        return self.manifest.get("corpus_version") if ids and ids <= listed else None


def flatten(obj: dict, prefix: str) -> dict:
    """{"a": 1, "b": {"c": 2}} -> {"<prefix>_a": 1, "<prefix>_b_c": 2}; lists stay values."""
    out = {}
    for k, v in obj.items():
        key = f"{prefix}_{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key))
        else:
            out[key] = v
    return out


def find_gold_dir(start: str | Path | None = None) -> Path:
    """`annotations/gold` in the start directory (default: cwd) or the nearest parent."""
    here = Path(start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / GOLD_RELPATH).is_dir():
            return d / GOLD_RELPATH
    raise KosnlpError("KOS-E601", "no annotations/gold here or in any parent directory", where=str(here),
                      hint="run from the kosnlp project directory or pass load_corpus(path=...)")


def find_manifest(start: Path) -> Path | None:
    """`raw/manifest.yaml` in the nearest directory above `start` (a file or a directory), or None."""
    start = start.resolve()
    for d in (start if start.is_dir() else start.parent, *start.parents):
        if (d / "raw" / "manifest.yaml").is_file():
            return d / "raw" / "manifest.yaml"
    return None


def corpus_files(path: str | Path | None) -> list[Path]:
    """The JSONL files of a corpus path: a file, a directory of *.jsonl, or a project root."""
    if path is None:
        path = find_gold_dir()
    p = Path(path)
    if p.is_file():
        return [p]
    if p.is_dir() and (p / GOLD_RELPATH).is_dir():
        p = p / GOLD_RELPATH
    files = sorted(p.glob("*.jsonl")) if p.is_dir() else []
    if not files:
        raise KosnlpError("KOS-E601", "no corpus JSONL files", where=str(p),
                          hint="give a JSONL file, a directory of them, or the project directory")
    return files


def read_records(files: list[Path]) -> list[dict]:
    """All records of the files, each checked against the corpus contract (file:line on error)."""
    recs = []
    for f in files:
        for ln, rec in read_jsonl(f):
            probs = contract_problems(rec)
            if probs:
                raise KosnlpError("KOS-E202", "; ".join(probs[:3]), where=f"{f}:{ln}",
                                  hint="fix the record; see docs/corpus-format.md")
            recs.append(rec)
    return recs


def _frames(records: list[dict], manifest: dict) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    meta = {d["doc_id"]: d for d in manifest.get("documents", [])}
    doc_cols = {k: None for k in DOC_META}
    sents, ments = [], []
    for r in records:
        dm = {k: meta.get(r["doc_id"], doc_cols).get(k) for k in DOC_META}
        sents.append({"sentence_id": r["id"], "doc_id": r["doc_id"], "lang": r["lang"],
                      "start": r["start"], "end": r["end"], "text": r["text"], "status": r["status"],
                      "n_mentions": len(r["spans"]), **dm,
                      **flatten(r.get("provenance") or {}, "provenance")})
        for i, s in enumerate(r["spans"]):
            ments.append({"sentence_id": r["id"], "doc_id": r["doc_id"], "lang": r["lang"],
                          "mention_index": i, "label": s["label"], "text": s["text"],
                          "start": s["start"], "end": s["end"],
                          "doc_start": r["start"] + s["start"], "doc_end": r["start"] + s["end"],
                          "status": r["status"], **dm, **flatten(s.get("norm") or {}, "norm")})
    sent_df = pd.DataFrame(sents, columns=None if sents else ["sentence_id", "doc_id", "lang", "text"])
    ment_df = pd.DataFrame(ments, columns=None if ments else ["sentence_id", "doc_id", "lang", "label", "text"])
    for df in (sent_df, ment_df):
        if "reference_date" in df:
            df["reference_date"] = pd.to_datetime(df["reference_date"], errors="coerce")
    present = list(dict.fromkeys(r["doc_id"] for r in records))
    docs = []
    for d in present:
        m = meta.get(d, {})
        docs.append({"doc_id": d, "lang": m.get("lang") or sent_df.loc[sent_df.doc_id == d, "lang"].iloc[0],
                     "file": m.get("file"), **{k: m.get(k) for k in DOC_META}, "sha256": m.get("sha256"),
                     "sentences": int((sent_df.doc_id == d).sum()),
                     "mentions": int((ment_df.doc_id == d).sum()) if len(ment_df) else 0})
    doc_df = pd.DataFrame(docs)
    if len(doc_df):
        doc_df["reference_date"] = pd.to_datetime(doc_df["reference_date"], errors="coerce")
    return sent_df, ment_df, doc_df


def load_corpus(path: str | Path | None = None, manifest: str | Path | None = None) -> Corpus:
    """The corpus as DataFrames.

    path: a JSONL file (e.g. output/silver.jsonl), a directory of JSONL files, or a project
    directory; default: `annotations/gold` found from the current directory upwards. Any
    records that follow the corpus contract load.
    manifest: raw/manifest.yaml, for document metadata; default: the nearest
    `raw/manifest.yaml` above `path`, if there is one (else the metadata columns are empty).
    """
    files = corpus_files(path)
    if manifest:
        man_path = Path(manifest)
        if man_path.name != "manifest.yaml" or not man_path.is_file():
            raise KosnlpError("KOS-E602", "no such manifest.yaml", where=str(man_path),
                              hint="give the path of a raw/manifest.yaml, or leave manifest out")
    else:
        man_path = find_manifest(files[0])
    man = read_manifest(man_path.parent) if man_path else {}
    sents, ments, docs = _frames(read_records(files), man)
    return Corpus(sents, ments, docs, tuple(files), man)


def actor_timeline(corpus: Corpus) -> pd.DataFrame:
    """ACTOR mentions with a resolved norm id, dated (needs normalised spans; else empty).

    A mention's time is the `norm_start` of the first resolved DATE mention in its sentence
    or, when the sentence has none, its document's reference date. Mentions with neither are
    left out. Columns: actor_id, actor_name, sentence_id, doc_id, lang, time, time_source.
    """
    cols = ["actor_id", "actor_name", "sentence_id", "doc_id", "lang", "time", "time_source"]
    m = corpus.mentions
    if "norm_id" not in m or "norm_status" not in m:
        return pd.DataFrame(columns=cols)
    resolved = m["norm_status"] == "resolved"
    dates = m[resolved & (m["label"] == "DATE")]
    first_date = {}
    if "norm_start" in dates:
        for sid, start in dates.sort_values("start")[["sentence_id", "norm_start"]].itertuples(index=False):
            if isinstance(start, str) and start and sid not in first_date:
                first_date[sid] = start
    actors = m[resolved & (m["label"] == "ACTOR") & m["norm_id"].notna()]
    rows = []
    for a in actors.itertuples(index=False):
        if a.sentence_id in first_date:
            t, src = pd.to_datetime(first_date[a.sentence_id], errors="coerce"), "sentence DATE"
        else:
            t, src = a.reference_date, "document reference date"
        if pd.isna(t):
            continue
        name = getattr(a, "norm_name", None)
        rows.append({"actor_id": a.norm_id, "actor_name": name if isinstance(name, str) else a.norm_id,
                     "sentence_id": a.sentence_id, "doc_id": a.doc_id, "lang": a.lang,
                     "time": t, "time_source": src})
    return pd.DataFrame(rows, columns=cols)
