"""raw/ as a growing collection: add documents, replace a raw text, name unlisted files.

`add()` copies a file byte for byte into raw/<doc_id>.txt and appends its entry (with the
sha256) to raw/manifest.yaml. The manifest is edited as text, so its comments stay, then
parsed back and compared with what was meant before it is written (atomically). A file
whose content or id is already in the corpus is refused (KOS-E114).

`replace()` swaps the text of a document that may have gold: the gold is remapped to the
new text when every edit lies outside every gold span (gold.remap), else refused with the
sentence ids it would break (KOS-E116). It writes three files (gold, raw text, manifest),
each atomically; the old text is kept in a hidden file beside it until all three are
written, so a replace cut short in between is finished by running it again.

Both hold an exclusive lock on raw/.manifest.lock while they read and write the manifest,
so two at once (two shells) cannot lose an entry.
"""
from __future__ import annotations

import fcntl
import hashlib
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import KosnlpError
from .ingest import MANIFEST, decode, read_manifest
from .languages import check_lang
from .records import atomic_writer, write_text

DOC_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_ID = 80
FIELDS = ("doc_id", "file", "lang", "title", "source", "genre", "reference_date", "period", "licence_note",
          "sha256")
_FOLD = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss"})


def slug(text: str, words: int = 4) -> str:
    """Lower-case ASCII words joined by '-' (diacritics folded), at most `words` of them."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    ascii_ = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_)[:words])


def make_doc_id(lang: str, title: str, genre: str | None = None, date: str | None = None) -> str:
    """`<lang>-<genre>-<title words>-<year>`, e.g. pl-essay-dyplomacja-wobec-wojny-1999."""
    year = re.match(r"\d{4}", date or "")
    parts = [lang, slug(genre or "", 2), slug(title.strip("[]"), 4), year.group() if year else ""]
    return "-".join(p for p in parts if p)[:MAX_ID].rstrip("-")


def check_doc_id(doc_id: str, where: str = "--id") -> str:
    if not (DOC_ID.match(doc_id or "") and len(doc_id) <= MAX_ID):
        raise KosnlpError("KOS-E115", f"document id {doc_id!r} is not lower-case letters, digits and single '-' "
                          f"(at most {MAX_ID} characters)", where=where, hint="give another --id")
    return doc_id


def check_date(value: str | None, where: str) -> str | None:
    if value is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise KosnlpError("KOS-E115", f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD", where=where)
    return value


@contextmanager
def manifest_lock(raw_dir: Path):
    with open(Path(raw_dir) / ".manifest.lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def unlisted(raw_dir: str | Path) -> list[Path]:
    """Files in raw/ that the manifest does not list (hidden files and the manifest aside)."""
    raw_dir = Path(raw_dir)
    listed = {d["file"] for d in read_manifest(raw_dir)["documents"]}
    return sorted(p for p in raw_dir.iterdir()
                  if p.is_file() and p.name != MANIFEST and not p.name.startswith(".") and p.name not in listed)


def _entry_text(entry: dict) -> str:
    lines = []
    for i, k in enumerate(k for k in FIELDS if k in entry):
        value = yaml.safe_dump(entry[k], allow_unicode=True, default_flow_style=True, width=10_000)
        value = value.removesuffix("\n...\n").rstrip("\n")
        lines.append(("  - " if i == 0 else "    ") + f"{k}: {value}")
    return "\n".join(lines) + "\n"


def append_entries(raw_dir: str | Path, entries: list[dict]) -> None:
    """Add documents to raw/manifest.yaml as text (comments stay), checked by parsing it back."""
    path = Path(raw_dir) / MANIFEST
    text = path.read_text(encoding="utf-8")
    before = read_manifest(raw_dir)
    block = "".join(_entry_text(e) for e in entries)
    lines = text.splitlines(keepends=True)
    start = next((i for i, ln in enumerate(lines) if re.match(r"documents:\s*(\[\s*\]\s*)?(#.*)?$", ln)), None)
    if start is None:
        raise KosnlpError("KOS-E107", "no top-level 'documents:' line", where=str(path),
                          hint="the manifest must list documents in block style (documents: then '- doc_id: ...')")
    lines[start] = re.sub(r"^documents:\s*\[\s*\]", "documents:", lines[start])  # an empty list: the first entry
    end = start + 1  # after the last line of the documents list (indented or blank), comments after it stay after
    for i in range(start + 1, len(lines)):
        if lines[i].strip() and not lines[i].startswith((" ", "\t", "-")):
            break
        if lines[i].strip():
            end = i + 1
    new = "".join(lines[:end]) + ("" if "".join(lines[:end]).endswith("\n") else "\n") + block + "".join(lines[end:])
    parsed = yaml.safe_load(new)
    if parsed.get("documents") != before["documents"] + entries or \
            {k: v for k, v in parsed.items() if k != "documents"} != {k: v for k, v in before.items() if k != "documents"}:
        raise KosnlpError("KOS-E107", "could not add the entries without changing the rest of the manifest",
                          where=str(path), hint="add them by hand, or fix the manifest's layout")
    write_text(path, new)


def set_sha256(raw_dir: str | Path, doc_id: str, sha: str) -> None:
    """Change one document's sha256 in raw/manifest.yaml as text, checked by parsing it back."""
    path = Path(raw_dir) / MANIFEST
    text, before = path.read_text(encoding="utf-8"), read_manifest(raw_dir)
    old = next(d["sha256"] for d in before["documents"] if d["doc_id"] == doc_id)
    new = re.sub(rf"^(\s*-?\s*sha256:\s*){re.escape(old)}\b", rf"\g<1>{sha}", text, count=1, flags=re.M)
    expected = [dict(d, sha256=sha) if d["doc_id"] == doc_id else d for d in before["documents"]]
    if yaml.safe_load(new).get("documents") != expected:
        raise KosnlpError("KOS-E107", f"could not update the sha256 of {doc_id}", where=str(path),
                          hint="another document has the same checksum line; edit it by hand")
    write_text(path, new)


@dataclass
class AddResult:
    added: list = field(default_factory=list)      # manifest entries written
    errors: list = field(default_factory=list)     # KosnlpError per refused file


def add(raw_dir: str | Path, files: list[str | Path], lang: str, titles: list[str] | None = None, **meta) -> AddResult:
    """Copy each file into raw/ under a new doc id and list it in the manifest; bad files are skipped.

    meta: doc_ids (one per file), source, date, genre, licence, period."""
    read_manifest(raw_dir)  # a clear error before the lock file is made in a directory that is not raw/
    with manifest_lock(Path(raw_dir)):
        return _add(Path(raw_dir), files, lang, titles, **meta)


def _add(raw_dir: Path, files: list[str | Path], lang: str, titles: list[str] | None = None, *,
         doc_ids: list[str] | None = None, source: str | None = None, date: str | None = None,
         genre: str | None = None, licence: str | None = None, period: str | None = None) -> AddResult:
    check_lang(lang)
    check_date(date, "--date")
    check_date(period, "--period")
    for opt, values in (("--title", titles), ("--id", doc_ids)):
        if values and len(values) != len(files):
            raise KosnlpError("KOS-E115", f"{len(values)} {opt} for {len(files)} files", where=opt,
                              hint=f"give {opt} once per FILE, in the same order, or leave it out")
    man = read_manifest(raw_dir)
    ids = {d["doc_id"] for d in man["documents"]}
    shas = {d["sha256"]: d["doc_id"] for d in man["documents"]}
    names = {d["file"] for d in man["documents"]}
    res = AddResult()
    for i, f in enumerate(files):
        f = Path(f)
        try:
            if not f.is_file():
                raise KosnlpError("KOS-E101", "no such file", where=str(f), hint="check the path")
            data = f.read_bytes()
            decode(data, str(f))  # UTF-8, not empty, not binary
            sha = hashlib.sha256(data).hexdigest()
            if sha in shas:
                raise KosnlpError("KOS-E114", f"same content as document {shas[sha]}", where=str(f),
                                  hint="it is already in the corpus; use kosnlp add --replace to change a text")
            title = titles[i] if titles else f"[{f.stem}]"
            doc_id = check_doc_id(doc_ids[i] if doc_ids else make_doc_id(lang, title, genre, date or period),
                                  where=str(f))
            target = raw_dir / f"{doc_id}.txt"
            leftover = target.is_file() and target.name not in names and target.read_bytes() == data  # an add cut short
            if doc_id in ids or target.name in names or (target.exists() and not leftover):
                raise KosnlpError("KOS-E114", f"document id {doc_id} is already taken", where=str(f),
                                  hint="give another --id (or --title)")
            entry = {"doc_id": doc_id, "file": target.name, "lang": lang, "title": title, "source": source,
                     "genre": genre, "reference_date": date, "period": period or (date[:4] if date else None),
                     "licence_note": licence, "sha256": sha}
            with atomic_writer(target, "wb") as fh:
                fh.write(data)
        except KosnlpError as e:
            res.errors.append(e)
            continue
        ids.add(doc_id)
        names.add(target.name)
        shas[sha] = doc_id
        res.added.append(entry)
    if res.added:
        try:
            append_entries(raw_dir, res.added)
        except BaseException:
            for e in res.added:  # nothing half-added: no raw file without its manifest entry
                (raw_dir / e["file"]).unlink(missing_ok=True)
            raise
    return res


@dataclass
class ReplaceResult:
    doc_id: str
    sentences: int = 0       # gold sentences remapped
    moved: int = 0           # of them, with new offsets
    renumbered: dict = field(default_factory=dict)   # old sentence id -> new


def replace(raw_dir: str | Path, gold_dir: str | Path, doc_id: str, file: str | Path) -> ReplaceResult:
    """Replace a document's raw text; its gold is remapped, or nothing is written (KOS-E116)."""
    read_manifest(raw_dir)
    with manifest_lock(Path(raw_dir)):
        return _replace(Path(raw_dir), Path(gold_dir), doc_id, file)


def _fits(records: list[dict], text: str) -> bool:
    from .records import contract_problems
    return all(not contract_problems(r, text) for r in records)


def _replace(raw_dir: Path, gold_dir: Path, doc_id: str, file: str | Path) -> ReplaceResult:
    from .gold import load_gold, remap, write_gold
    man = read_manifest(raw_dir)
    meta = next((d for d in man["documents"] if d["doc_id"] == doc_id), None)
    if meta is None:
        raise KosnlpError("KOS-E115", f"no document {doc_id!r} in the manifest", where=str(raw_dir / MANIFEST),
                          hint="add new documents without --replace")
    f = Path(file)
    if not f.is_file():
        raise KosnlpError("KOS-E101", "no such file", where=str(f), hint="check the path")
    data = f.read_bytes()
    new_text = decode(data, str(f))
    sha = hashlib.sha256(data).hexdigest()
    if sha == meta["sha256"]:
        raise KosnlpError("KOS-E114", f"same content as document {doc_id}", where=str(f), hint="nothing to replace")
    target = raw_dir / meta["file"]
    kept = raw_dir / f".{meta['file']}.{meta['sha256'][:16]}.before-replace"  # the old text, until all is written
    current = target.read_bytes()
    if hashlib.sha256(current).hexdigest() == meta["sha256"]:
        old = current
    elif kept.is_file() and hashlib.sha256(kept.read_bytes()).hexdigest() == meta["sha256"]:
        old = kept.read_bytes()  # a replace was cut short: go on from the text the manifest records
    else:
        raise KosnlpError("KOS-E102", "raw document changed: sha256 differs from raw/manifest.yaml", where=str(target),
                          hint="restore it (it is what the gold offsets point into), then replace it")
    old_text = decode(old, str(target))
    gold_file = gold_dir / f"{doc_id}.jsonl"
    mine = [r for r in load_gold(gold_dir) if r["doc_id"] == doc_id] if gold_file.is_file() else []
    if _fits(mine, old_text):
        remapped, renumbered = remap(mine, old_text, new_text, meta["lang"], where=str(f))
    elif kept.is_file() and _fits(mine, new_text):
        remapped, renumbered = mine, {}  # remapped by the run that was cut short
    else:
        raise KosnlpError("KOS-E202", f"the gold of {doc_id} does not fit its raw text", where=str(gold_file),
                          hint="fix the gold (kosnlp run names the records) before replacing the text")
    res = ReplaceResult(doc_id, len(remapped), sum(a["start"] != b["start"] for a, b in zip(mine, remapped)),
                        renumbered)
    # everything is computed and checked; now the atomic writes, the old text kept until the last one
    if not kept.is_file():
        with atomic_writer(kept, "wb") as fh:
            fh.write(old)
    if remapped:
        write_gold(remapped, gold_dir)
    with atomic_writer(target, "wb") as fh:
        fh.write(data)
    set_sha256(raw_dir, doc_id, sha)
    kept.unlink()
    return res
