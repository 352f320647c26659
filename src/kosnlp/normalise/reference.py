"""The reference date of a document, for anchoring its relative and partial dates.

A raw/ document's manifest entry gives `reference_date` (the date of writing) or at
least `period` (the year the text is about); the year is then the reference, at year
precision. `kosnlp annotate` takes a file's reference (`Reference.find`), in this order:
its row in a metadata table (`--metadata`: CSV with a header, or JSONL; columns `file`
and `date`, optional `title` and `source`), the entry of a manifest.yaml beside it, the
batch's `--reference-date`, and the date of a dateline opening a news text ("BELGRADE,
May 7, 1999 (Reuters) -", "Warszawa, 12.06.1999 (PAP)"). A file with none of these has
no reference date: its dates are anchored on the dates written before them in the text,
or left unresolved. Each DATE norm anchored on the reference says where it came from
(`reference_from`: metadata, manifest, option or dateline).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

from ..errors import KosnlpError
from ..ingest import MANIFEST, read_text_file, read_yaml_file

COMPONENT = "kosnlp_normaliser"


def document_reference(meta: dict, where: str = MANIFEST) -> str | None:
    """"YYYY-MM-DD" or "YYYY" from a manifest entry; a clear error when malformed."""
    for field, fmt in (("reference_date", "%Y-%m-%d"), ("period", "%Y")):
        value = meta.get(field)
        if value is None:
            continue
        value = str(value)
        try:
            dt.datetime.strptime(value, fmt)
        except ValueError:
            raise KosnlpError("KOS-E501", f"{field} {value!r} of {meta.get('doc_id', '?')} is not {fmt}",
                              where=where, hint="write reference_date as YYYY-MM-DD and period as YYYY") from None
        return value
    return None


def reference_date_for(path: str | Path) -> str | None:
    """The reference of a file listed in a manifest.yaml beside it, else None."""
    path = Path(path)
    man = path.parent / MANIFEST
    if not man.is_file():
        return None
    data = read_yaml_file(man)  # a broken manifest is an error (KOS-E107), not silently no anchor
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, list):
        raise KosnlpError("KOS-E107", "manifest has no 'documents' list", where=str(man),
                          hint="fix it, or move the file away from it")
    for d in docs:
        if isinstance(d, dict) and d.get("file") == path.name:
            return document_reference(d, str(man))
    return None


def check_date(value: str, where: str) -> str:
    """A "YYYY-MM-DD" date given by the user (an option, a metadata row), else KOS-E504."""
    try:
        ok = bool(re.fullmatch(r"\d{4}-\d\d-\d\d", value)) and bool(dt.date.fromisoformat(value))
    except ValueError:
        ok = False
    if not ok:
        raise KosnlpError("KOS-E504", f"reference date {value!r} is not YYYY-MM-DD", where=where,
                          hint="write the date of writing as YYYY-MM-DD (e.g. 1999-05-07)")
    return value


def read_metadata(path: str | Path) -> dict[str, dict]:
    """A metadata table -> {file name: row}: CSV with a header or JSONL (by the suffix
    .jsonl / .json, else CSV); each row needs `file` and `date` (YYYY-MM-DD)."""
    path = Path(path)
    text = read_text_file(path).removeprefix("\ufeff")
    rows: list[tuple[int, dict]] = []
    if path.suffix.lower() in (".jsonl", ".json"):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as e:
                raise KosnlpError("KOS-E504", f"not a JSON object: {e.msg}", where=f"{path}:{n}",
                                  hint="write one JSON object per line with 'file' and 'date'") from None
            rows.append((n, row))
    else:
        reader = csv.DictReader(io.StringIO(text))
        if not {"file", "date"} <= set(reader.fieldnames or ()):
            raise KosnlpError("KOS-E504", "the header has no 'file' and 'date' columns", where=f"{path}:1",
                              hint="start the CSV with a header line such as: file,date,title,source")
        rows = [(n, row) for n, row in enumerate(reader, 2)]
    out = {}
    for n, row in rows:
        if not isinstance(row, dict) or not row.get("file") or not row.get("date"):
            raise KosnlpError("KOS-E504", "a row without 'file' or 'date'", where=f"{path}:{n}",
                              hint="give every row a file name and its date (YYYY-MM-DD); CSV needs a header line")
        check_date(str(row["date"]).strip(), f"{path}:{n}")
        out[Path(str(row["file"]).strip()).name] = {k: str(v).strip() for k, v in row.items() if v is not None}
    return out


def dateline_date(text: str, lang: str, dates=None) -> str | None:
    """The date of a dateline on the first line of a news text ("BELGRADE, May 7, 1999
    (Reuters) -"; the pattern is data/norm/dates.yaml `dateline`): a day written with its year."""
    from .datelex import lexicon
    from .dates import DateNormaliser
    first = text.lstrip().split("\n", 1)[0][:200]
    m = re.match(lexicon()["dateline"], first)
    if not m:
        return None
    n = (dates or DateNormaliser()).normalise(m.group("date"), lang)
    ok = n.get("status") == "resolved" and n.get("anchor") is None and n["start"] == n["end"]
    return n["start"] if ok else None


class Reference:
    """Where `kosnlp annotate` takes each file's reference date from (module docstring)."""

    def __init__(self, date: str | None = None, metadata: str | Path | None = None):
        self.date = check_date(date, "--reference-date") if date else None
        self.table = read_metadata(metadata) if metadata else {}
        self.where = str(metadata) if metadata else ""

    def find(self, path: str | Path, text: str, lang: str) -> tuple[str | None, str | None]:
        """(reference date, where it came from) for one file."""
        path = Path(path)
        row = self.table.get(path.name)
        if row:
            return row["date"], "metadata"
        got = reference_date_for(path)
        if got:
            return got, "manifest"
        if self.date:
            return self.date, "option"
        got = dateline_date(text, lang)
        return (got, "dateline") if got else (None, None)


def norm_cfg(nlp, reference_date: str | None, source: str | None = None) -> dict:
    """component_cfg for nlp.pipe: passes the reference date (and where it came from) to the normaliser."""
    if COMPONENT not in nlp.pipe_names:
        return {}
    return {COMPONENT: {"reference_date": reference_date, **({"reference_from": source} if source else {})}}
