"""Corpus records (docs/corpus-format.md): build, validate, read and write JSONL.

Writes are atomic (temp file in the same directory, fsync, rename): a reader never
sees a half-written file, and an interrupted write leaves the old file as it was. A
directory (a saved pipeline) is written the same way: into a temp directory beside it,
renamed into place when complete. Written files get the usual permissions (0666 less
the umask, like any file the user creates), not the temp file's 0600.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import KosnlpError
from .languages import codes

LABELS = ("ACTOR", "PLACE", "DATE")
STATUSES = ("gold", "silver")


def sentence_id(doc_id: str, index: int) -> str:
    """Stable id of the index-th (0-based) sentence of a document."""
    return f"{doc_id}-{index + 1:04d}"


def make_record(doc_id: str, lang: str, index: int, start: int, end: int, text: str,
                spans: Iterable[dict] = (), status: str = "silver", **extra) -> dict:
    rec = {"id": sentence_id(doc_id, index), "doc_id": doc_id, "lang": lang,
           "start": start, "end": end, "text": text,
           "spans": sorted((dict(s) for s in spans), key=lambda s: (s["start"], s["end"])),
           "status": status}
    rec.update(extra)
    return rec


def contract_problems(rec: dict, raw: str | None = None) -> list[str]:
    """What in one record breaks the corpus contract (empty list = valid)."""
    fields = {"id": str, "doc_id": str, "lang": str, "start": int, "end": int,
              "text": str, "spans": list, "status": str}
    probs = [f"field {k!r} missing or not {t.__name__}" for k, t in fields.items()
             if not isinstance(rec.get(k), t)]
    if probs:
        return probs
    if rec["lang"] not in codes():
        probs.append(f"lang {rec['lang']!r} is not {' or '.join(codes())}")
    if rec["status"] not in STATUSES:
        probs.append(f"status {rec['status']!r} is not gold or silver")
    if raw is not None and raw[rec["start"]:rec["end"]] != rec["text"]:
        probs.append("raw[start:end] != text")
    return probs + span_problems(rec["text"], rec["spans"])


def span_problems(text: str, spans: Iterable) -> list[str]:
    """What breaks the contract in the spans of one sentence `text` (empty list = valid):
    a label not in LABELS, bounds that are not ints inside the text, outer whitespace,
    overlapping or unsorted spans and, for span dicts, a `text` that is not the
    sentence's. Spans are record span dicts or (start, end, label) sequences (doccano's)."""
    probs, last_end = [], -1
    for sp in spans:
        if not isinstance(sp, (dict, list, tuple)) or (not isinstance(sp, dict) and len(sp) != 3):
            probs.append(f"span is neither an object nor [start, end, label]: {sp!r}")
            continue
        d = sp if isinstance(sp, dict) else {"start": sp[0], "end": sp[1], "label": sp[2]}
        s, e = d.get("start"), d.get("end")
        if not (isinstance(s, int) and isinstance(e, int)):
            probs.append(f"span without int start/end: {sp}")
            continue
        if d.get("label") not in LABELS:
            probs.append(f"span label {d.get('label')!r} is not one of {LABELS}")
        if not 0 <= s < e <= len(text):
            probs.append(f"span {s}-{e} does not fit the sentence ({len(text)} characters)")
            continue
        surface = text[s:e]
        if isinstance(sp, dict) and sp.get("text") != surface:
            probs.append(f"span text {sp.get('text')!r} != sentence text {surface!r}")
        if surface != surface.strip():
            probs.append(f"span {surface!r} has outer whitespace")
        if s < last_end:
            probs.append(f"spans overlap or are unsorted at {s}")
        last_end = max(last_end, e)
    return probs


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict]]:
    """(line number, record) pairs; a bad line (not UTF-8, not JSON, not an object) is
    one error naming file and line. A leading byte-order mark is skipped."""
    path = Path(path)
    if path.is_dir():
        raise KosnlpError("KOS-E112", "is a directory, not a JSONL file", where=str(path),
                          hint="give a JSONL file")
    if not path.is_file():
        raise KosnlpError("KOS-E101", "no such file", where=str(path))
    with path.open("rb") as fh:
        for ln, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise KosnlpError("KOS-E103", f"byte 0x{raw[e.start]:02x} at column {e.start + 1} is not UTF-8",
                                  where=f"{path}:{ln}", hint="records are UTF-8 JSON lines; convert the file") from None
            if ln == 1:
                line = line.removeprefix("\ufeff")
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                raise KosnlpError("KOS-E201", f"not JSON ({e.msg} at column {e.colno})",
                                  where=f"{path}:{ln}", hint="fix or remove the line") from None
            if not isinstance(rec, dict):
                raise KosnlpError("KOS-E201", "line is JSON but not an object", where=f"{path}:{ln}")
            yield ln, rec


def dumps(rec: dict) -> str:
    return json.dumps(rec, ensure_ascii=False, separators=(", ", ": "))


class Discard(Exception):
    """Raised inside `atomic_writer`'s block: drop what was written, leave the file as it was."""


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _unwritable(path: Path, e: OSError) -> KosnlpError:
    return KosnlpError("KOS-E110", f"cannot write: {e.strerror or e}", where=str(path),
                       hint="choose a writable location, or fix the directory's permissions")


def check_not_an_input(out: str | Path, inputs: Iterable[str | Path]) -> None:
    """An output must not be one of the command's inputs (the same path, or the same file
    reached by another path or a link): KOS-E117."""
    out = Path(out)
    for path in inputs:
        p = Path(path)
        same = p.resolve() == out.resolve()
        if not same and p.exists() and out.exists():
            same = out.samefile(p)
        if same:
            raise KosnlpError("KOS-E117", f"the output is the input file {path}: it would be overwritten",
                              where=str(out), hint="write the output to a new file name")


def output_path(path: str | Path) -> Path:
    """`path` checked as a place for an output file: not a directory, parent creatable."""
    path = Path(path)
    if path.is_dir():
        raise KosnlpError("KOS-E112", "is a directory, not a file", where=str(path),
                          hint="give a file name for the output")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        in_the_way = next(d for d in (path.parent, *path.parent.parents) if d.exists() and not d.is_dir())
        raise KosnlpError("KOS-E110", f"cannot write: {in_the_way} is a file, not a directory", where=str(path),
                          hint="choose another output path") from None
    except OSError as e:
        raise _unwritable(path, e) from None
    return path


@contextmanager
def atomic_writer(path: str | Path, mode: str = "w"):
    """Open a temp file next to `path`; on success fsync and rename over it (an error or
    `Discard` in the block leaves `path` as it was). One-line errors (KOS-E110, KOS-E112)
    when `path` cannot be written."""
    path = output_path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise _unwritable(path, e) from None
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8") as fh:
            yield fh
            try:
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as e:  # a full disk, a lost mount
                raise _unwritable(path, e) from None
        try:
            os.replace(tmp, path)
        except OSError as e:
            raise _unwritable(path, e) from None
    except Discard:
        Path(tmp).unlink(missing_ok=True)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_dir(path: str | Path):
    """A temp directory beside `path` to write into; when the block ends without an error
    it is renamed to `path` (an old `path` is moved aside first, then removed): `path` is
    always either the old directory, the complete new one, or, for the instant between the
    two renames, absent, never half-written."""
    path = output_path(path) if not Path(path).is_dir() else Path(path)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    except OSError as e:
        raise _unwritable(path, e) from None
    try:
        os.chmod(tmp, 0o777 & ~_umask())
        yield tmp
        try:
            if path.exists() or path.is_symlink():
                old = tmp.with_name(tmp.name[:-len(".tmp")] + ".old")
                os.replace(path, old)
                os.replace(tmp, path)
                shutil.rmtree(old) if old.is_dir() else old.unlink()
            else:
                os.replace(tmp, path)
        except OSError as e:
            raise _unwritable(path, e) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_jsonl(path: str | Path, records: Iterable[dict]) -> int:
    n = 0
    with atomic_writer(path) as fh:
        for rec in records:
            fh.write(dumps(rec) + "\n")
            n += 1
    return n


def write_text(path: str | Path, text: str) -> None:
    with atomic_writer(path) as fh:
        fh.write(text)
