"""Ingest: read raw documents safely, check the manifest's checksums, drop boilerplate.

Text is decoded as UTF-8 with universal newlines, exactly as Python's
``Path.read_text(encoding="utf-8")`` does, so record offsets index the same string
that researchers (and ../shared/tools/check_contract.py) get.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from .errors import KosnlpError

MANIFEST = "manifest.yaml"


@dataclass(frozen=True)
class Document:
    doc_id: str
    path: Path
    text: str
    lang: str | None = None
    meta: dict = field(default_factory=dict, compare=False, hash=False)


# libyaml's safe loader when PyYAML was built with it (the data files load 5-10x faster)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml_data(relpath: str) -> dict:
    """Load a YAML data file shipped under kosnlp/data/ (a clear error if it is broken)."""
    res = resources.files("kosnlp") / "data" / relpath
    try:
        return yaml.load(res.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except (OSError, yaml.YAMLError) as e:
        what = " ".join(str(e).replace('in "<unicode string>",', "").split())  # one line, with YAML's line marks
        raise KosnlpError("KOS-E108", f"cannot read data file: {what}", where=str(res),
                          hint="reinstall kosnlp or fix the file") from None


def decode(data: bytes, where: str) -> str:
    """Bytes -> text, with one-line errors naming the file (and line) for bad input."""
    if not data.strip():
        raise KosnlpError("KOS-E104", "file is empty", where=where, hint="give a file with text in it")
    if b"\x00" in data[:8192]:
        raise KosnlpError("KOS-E105", "file looks binary (NUL bytes)", where=where,
                          hint="give a UTF-8 text file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise KosnlpError("KOS-E103", f"byte 0x{data[e.start]:02x} at offset {e.start} is not UTF-8",
                          where=f"{where}:{line}", hint="convert the file to UTF-8, e.g. iconv -t UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path: str | Path) -> str:
    p = Path(path)
    if not p.is_file():
        raise KosnlpError("KOS-E101", "no such file", where=str(p), hint="check the path")
    return decode(p.read_bytes(), str(p))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_manifest(raw_dir: str | Path) -> dict:
    path = Path(raw_dir) / MANIFEST
    if not path.is_file():
        raise KosnlpError("KOS-E107", "manifest not found", where=str(path),
                          hint="raw/ needs a manifest.yaml listing its documents")
    try:
        man = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise KosnlpError("KOS-E107", "manifest is not valid YAML", where=where) from None
    docs = (man or {}).get("documents")
    if not isinstance(docs, list):
        raise KosnlpError("KOS-E107", "manifest has no 'documents' list", where=str(path))
    for i, d in enumerate(docs):
        missing = {"doc_id", "file", "lang", "sha256"} - set(d or {})
        if missing:
            raise KosnlpError("KOS-E107", f"document #{i + 1} lacks {sorted(missing)}", where=str(path))
    return man


def load_raw_corpus(raw_dir: str | Path, verify: bool = True) -> list[Document]:
    """All documents of raw/ in manifest order; a changed file is an error naming it."""
    raw_dir = Path(raw_dir)
    out = []
    for d in read_manifest(raw_dir)["documents"]:
        path = raw_dir / d["file"]
        if not path.is_file():
            raise KosnlpError("KOS-E101", "raw document listed in the manifest is missing", where=str(path))
        if verify and sha256_of(path) != d["sha256"]:
            raise KosnlpError("KOS-E102", "raw document changed: sha256 differs from raw/manifest.yaml",
                              where=str(path),
                              hint="restore the file (gold offsets depend on it) or re-annotate and update the manifest")
        out.append(Document(d["doc_id"], path, read_text_file(path), d["lang"], d))
    return out


@lru_cache(maxsize=1)
def _boilerplate_rules() -> tuple[tuple[str, re.Pattern], ...]:
    rules = load_yaml_data("boilerplate.yaml").get("rules", [])
    return tuple((r["name"], re.compile(r["pattern"])) for r in rules)


def boilerplate_rule(line: str) -> str | None:
    """The name of the boilerplate rule a (stripped) line matches, or None."""
    s = line.strip()
    for name, pat in _boilerplate_rules():
        if pat.fullmatch(s):
            return name
    return None


LANGS = ("pl", "en")
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stop_words() -> dict[str, frozenset]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.pl.stop_words import STOP_WORDS as PL
    return {"pl": frozenset(PL), "en": frozenset(EN)}


def detect_language(text: str, where: str = "<text>") -> str:
    """'pl' or 'en' by stop-word share and Polish letters; an error when neither fits."""
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if not words:
        raise KosnlpError("KOS-E106", "cannot tell the language: no words", where=where,
                          hint="pass --lang pl or --lang en")
    sw = _stop_words()
    score = {lang: sum(w in sw[lang] for w in words) / len(words) for lang in LANGS}
    score["pl"] += 0.5 * sum(ch in "ąćęłńóśźż" for w in words for ch in w) / len(words)
    best = max(score, key=score.get)
    if score[best] < 0.05:
        raise KosnlpError("KOS-E106", "text is neither Polish nor English", where=where,
                          hint="kosnlp handles pl and en; pass --lang to force one")
    return best


def check_lang(lang: str, where: str = "--lang") -> str:
    if lang not in LANGS:
        raise KosnlpError("KOS-E106", f"unknown language {lang!r}", where=where,
                          hint="use pl, en or auto")
    return lang
