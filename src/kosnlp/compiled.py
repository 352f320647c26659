"""Compiled data (data/compiled/): what `kosnlp build-data` derives from the generated
patterns, the registry and GeoNames, in files that load without deriving it again.

- `tables.json`: the normaliser's lookup tables (normalise.tables.build_tables);
- `phrases_<lang>.bin`: the gazetteer's phrase patterns as token hashes
  (components.phrases.CompiledPhrases), tokenized by the blank pipeline's tokenizer;
- `cities.bin`: the GeoNames city records and their spelling-key index
  (normalise.geonames.CityIndex), read through a memory map.

A `.bin` file is one JSON header and numpy arrays: 8 bytes (little-endian header
length), the header {"meta": ..., "arrays": {name: [dtype, shape, offset]}}, then the
arrays, each at an offset that is a multiple of 8. `encode_arrays` and `decode_arrays`
(`read_arrays` for a file, through a memory map) are the one writer and reader; `kosnlp build-data` writes every compiled file
(build_data.build_compiled), `build-data --check` compares them with the committed ones.
`read_patterns` is the one reader of the generated pattern files (data/patterns/).
"""
from __future__ import annotations

import json
import mmap
from importlib import resources
from pathlib import Path

import numpy

from .errors import KosnlpError

HEAD = 8


def compiled_dir() -> Path:
    return Path(str(resources.files("kosnlp") / "data" / "compiled"))


def encode_arrays(meta: dict, arrays: dict[str, numpy.ndarray]) -> bytes:
    layout, parts, pos = {}, [], 0
    for name, arr in arrays.items():
        arr = numpy.ascontiguousarray(arr)
        data = arr.tobytes()
        layout[name] = [arr.dtype.str, list(arr.shape), pos]
        parts.append(data + b"\0" * (-len(data) % 8))
        pos += len(parts[-1])
    head = json.dumps({"meta": meta, "arrays": layout}, ensure_ascii=False, sort_keys=True).encode("utf-8")
    head += b" " * (-len(head) % 8)
    return len(head).to_bytes(HEAD, "little") + head + b"".join(parts)


def decode_arrays(buf) -> tuple[dict, dict[str, numpy.ndarray]]:
    """(meta, arrays) of a compiled file's bytes (or memory map); the arrays are views of it."""
    n = int.from_bytes(buf[:HEAD], "little")
    head = json.loads(bytes(buf[HEAD:HEAD + n]).decode("utf-8"))
    base = HEAD + n
    arrays = {}
    for name, (dtype, shape, off) in head["arrays"].items():
        dt = numpy.dtype(dtype)
        count = int(numpy.prod(shape)) if shape else 1
        arrays[name] = numpy.frombuffer(buf, dtype=dt, count=count, offset=base + off).reshape(shape)
    return head["meta"], arrays


def read_arrays(path: Path) -> tuple[dict, dict[str, numpy.ndarray]]:
    """(meta, arrays) of a compiled .bin file; the arrays are read-only views of a memory map."""
    try:
        with open(path, "rb") as f:
            buf = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        return decode_arrays(buf)
    except (OSError, ValueError, KeyError, UnicodeDecodeError) as e:
        raise KosnlpError("KOS-E108", f"cannot read compiled data ({e.__class__.__name__})", where=str(path),
                          hint="run `kosnlp build-data` to regenerate, or reinstall kosnlp") from None


def read_patterns(name: str, directory: Path | None = None) -> list[dict]:
    """The patterns of the generated file data/patterns/<name> (or directory/<name>), one JSON object a line."""
    path = (directory or resources.files("kosnlp") / "data" / "patterns") / name
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise KosnlpError("KOS-E108", f"cannot read pattern file ({e.__class__.__name__})", where=str(path),
                          hint="run `kosnlp build-data` to regenerate, or reinstall kosnlp") from None
    out = []
    for ln, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise KosnlpError("KOS-E108", f"pattern is not JSON ({e.msg})", where=f"{path}:{ln}",
                                  hint="run `kosnlp build-data` to regenerate") from None
    return out


def read_json(name: str):
    path = compiled_dir() / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise KosnlpError("KOS-E108", f"cannot read compiled data ({e.__class__.__name__})", where=str(path),
                          hint="run `kosnlp build-data` to regenerate, or reinstall kosnlp") from None
