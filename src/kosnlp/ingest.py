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


_TYPES = {"str": str, "int": int, "number": (int, float), "bool": bool, "list": list, "map": dict,
          "any": object}


def shape_problem(value, schema, path: tuple = ()) -> tuple[tuple, str] | None:
    """The first place where `value` does not fit `schema` (data/schemas.yaml explains the
    notation): (path of keys and indices, what is wrong), or None when it fits."""
    if isinstance(schema, str):
        name, nullable = schema.rstrip("?"), schema.endswith("?")
        if value is None and nullable:
            return None
        types = _TYPES[name]
        if not isinstance(value, types) or (name in ("int", "number") and isinstance(value, bool)):
            return path, f"expected {name}, got {type(value).__name__ if value is not None else 'null'}"
        return None
    if "items" in schema:
        if not isinstance(value, list):
            return shape_problem(value, "list", path)
        for i, item in enumerate(value):
            if (p := shape_problem(item, schema["items"], (*path, i))):
                return p
        return None
    if not isinstance(value, dict):
        return shape_problem(value, "map", path)
    for key in schema.get("required", []):
        if key not in value:
            return path, f"missing key {key!r}"
    keys = schema.get("keys", {})
    for key, v in value.items():
        sub = keys.get(key, schema.get("values"))
        if sub is not None and (p := shape_problem(v, sub, (*path, key))):
            return p
    return None


def _line_of(text: str, path: tuple) -> int | None:
    """The 1-based line where the YAML node at `path` starts (composed again, on error only)."""
    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        for step in path:
            if isinstance(node, yaml.SequenceNode):
                node = node.value[step]
            else:
                node = next(v for k, v in node.value if k.value == str(step) or k.value == step)
        return node.start_mark.line + 1
    except Exception:  # the line is a convenience: the path still names the entry
        return None


@lru_cache(maxsize=1)
def _schemas() -> dict:
    res = resources.files("kosnlp") / "data" / "schemas.yaml"
    return yaml.load(res.read_text(encoding="utf-8"), Loader=SAFE_LOADER)


def load_yaml_data(relpath: str) -> dict:
    """Load a YAML data file shipped under kosnlp/data/, checked against its schema
    (data/schemas.yaml): a broken or wrongly shaped file is one error naming file and line."""
    res = resources.files("kosnlp") / "data" / relpath
    try:
        text = res.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=SAFE_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        what = " ".join(str(e).replace('in "<unicode string>",', "").split())  # one line, with YAML's line marks
        raise KosnlpError("KOS-E108", f"cannot read data file: {what}", where=str(res),
                          hint="reinstall kosnlp or fix the file") from None
    schema = _schemas().get(relpath)
    if data is None:
        data = [] if isinstance(schema, dict) and "items" in schema else {}
    problem = shape_problem(data, schema) if schema else None
    if problem:
        path, what = problem
        line = _line_of(text, path)
        entry = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".") or "top level"
        raise KosnlpError("KOS-E108", f"wrong shape at {entry}: {what}",
                          where=f"{res}:{line}" if line else str(res),
                          hint="see kosnlp/data/schemas.yaml for the expected shape")
    return data


def line_at(data: bytes, offset: int) -> int:
    """The 1-based line of a byte offset."""
    return data.count(b"\n", 0, offset) + 1


def decode(data: bytes, where: str) -> str:
    """Bytes -> text, with one-line errors naming the file (and line) for bad input.

    The text is the file decoded as UTF-8 with universal newlines (CRLF and CR count as
    one "\\n") and without a leading byte-order mark: record offsets index this string,
    which is what `Path.read_text(encoding="utf-8-sig")` returns. A NUL byte anywhere
    makes the file binary (UTF-16 files too)."""
    if not data.strip():
        raise KosnlpError("KOS-E104", "file is empty", where=where, hint="give a file with text in it")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise KosnlpError("KOS-E105", f"NUL byte at offset {nul}: the file looks binary",
                          where=f"{where}:{line_at(data, nul)}",
                          hint="give a UTF-8 text file (convert UTF-16 with iconv -f UTF-16 -t UTF-8)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise KosnlpError("KOS-E103", f"byte 0x{data[e.start]:02x} at offset {e.start} is not UTF-8",
                          where=f"{where}:{line_at(data, e.start)}", hint="convert the file to UTF-8, e.g. iconv -t UTF-8") from None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise KosnlpError("KOS-E104", "file is empty", where=where, hint="give a file with text in it")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: str | Path) -> bytes:
    """The bytes of an input file: one-line errors for a missing path, a directory, or an
    unreadable file."""
    p = Path(path)
    if p.is_dir():
        raise KosnlpError("KOS-E112", "is a directory, not a file", where=str(p), hint="give the files in it")
    if not p.is_file():
        raise KosnlpError("KOS-E101", "no such file", where=str(p), hint="check the path")
    try:
        return p.read_bytes()
    except OSError as e:
        raise KosnlpError("KOS-E101", f"cannot read: {e.strerror}", where=str(p), hint="check its permissions") from None


def read_text_file(path: str | Path) -> str:
    return decode(read_bytes(path), str(path))


def read_yaml_file(path: str | Path, code: str = "KOS-E107"):
    """A YAML input file (a manifest): decoded and parsed with one-line errors (`code`)."""
    path = Path(path)
    data = read_bytes(path)
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        raise KosnlpError(code, f"byte 0x{data[e.start]:02x} at offset {e.start} is not UTF-8",
                          where=f"{path}:{line_at(data, e.start)}", hint="save it as UTF-8") from None
    try:
        return yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise KosnlpError(code, f"not valid YAML ({getattr(e, 'problem', None) or 'parse error'})", where=where,
                          hint="fix the YAML syntax") from None


def sha256_of(path: Path) -> str:
    return hashlib.sha256(read_bytes(path)).hexdigest()


def read_manifest(raw_dir: str | Path) -> dict:
    path = Path(raw_dir) / MANIFEST
    if not path.is_file():
        raise KosnlpError("KOS-E107", "manifest not found", where=str(path),
                          hint="raw/ needs a manifest.yaml listing its documents")
    man = read_yaml_file(path)
    docs = man.get("documents") if isinstance(man, dict) else None
    if not isinstance(docs, list):
        raise KosnlpError("KOS-E107", "manifest has no 'documents' list", where=str(path))
    for i, d in enumerate(docs):
        if not isinstance(d, dict):
            raise KosnlpError("KOS-E107", f"document #{i + 1} is not a mapping", where=str(path))
        missing = {"doc_id", "file", "lang", "sha256"} - set(d)
        if missing:
            raise KosnlpError("KOS-E107", f"document #{i + 1} lacks {sorted(missing)}", where=str(path))
        bad = [k for k in ("doc_id", "file", "lang", "sha256") if not isinstance(d[k], str)]
        if bad:
            raise KosnlpError("KOS-E107", f"document #{i + 1}: {bad[0]} is not a string", where=str(path))
    return man


def verify_raw(raw_dir: str | Path) -> dict:
    """Check every raw/ document against its manifest checksum; the manifest. Every
    command that reads raw/ (or its manifest) calls this first."""
    raw_dir = Path(raw_dir)
    man = read_manifest(raw_dir)
    for d in man["documents"]:
        path = raw_dir / d["file"]
        if not path.is_file():
            raise KosnlpError("KOS-E101", "raw document listed in the manifest is missing", where=str(path))
        if sha256_of(path) != d["sha256"]:
            raise KosnlpError("KOS-E102", "raw document changed: sha256 differs from raw/manifest.yaml",
                              where=str(path),
                              hint="restore the file (gold offsets depend on it) or re-annotate and update the manifest")
    return man


def load_raw_corpus(raw_dir: str | Path, verify: bool = True) -> list[Document]:
    """All documents of raw/ in manifest order; a changed file is an error naming it."""
    raw_dir = Path(raw_dir)
    man = verify_raw(raw_dir) if verify else read_manifest(raw_dir)
    out = []
    for d in man["documents"]:
        path = raw_dir / d["file"]
        out.append(Document(d["doc_id"], path, read_text_file(path), d["lang"], d))
    return out


@lru_cache(maxsize=1)
def _boilerplate_rules() -> tuple[tuple[str, re.Pattern], ...]:
    rules = load_yaml_data("boilerplate.yaml")["rules"]
    return tuple((r["name"], re.compile(r["pattern"])) for r in rules)


def boilerplate_rule(line: str) -> str | None:
    """The name of the boilerplate rule a (stripped) line matches, or None."""
    s = line.strip()
    for name, pat in _boilerplate_rules():
        if pat.fullmatch(s):
            return name
    return None
