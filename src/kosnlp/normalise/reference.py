"""The reference date of a document, for anchoring its relative and partial dates.

A raw/ document's manifest entry gives `reference_date` (the date of writing) or at
least `period` (the year the text is about); the year is then the reference, at year
precision. `kosnlp annotate` looks for a manifest.yaml next to each file and uses the
entry whose `file` is that file; any other file has no reference date, and its dates
are anchored on the dates written before them in the text, or left unresolved.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import KosnlpError
from ..ingest import MANIFEST, read_yaml_file

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


def norm_cfg(nlp, reference_date: str | None) -> dict:
    """component_cfg for nlp.pipe: passes the reference date to the normaliser."""
    return {COMPONENT: {"reference_date": reference_date}} if COMPONENT in nlp.pipe_names else {}
