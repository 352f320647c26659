"""The data card, annotations/README.md, generated from the data (never typed by hand).

Counts come from the gold files (via load_corpus), document metadata and raw checksums from
raw/manifest.yaml, agreement and scores from annotations/{agreement,evaluation}.json, the
citation from CITATION.cff; the prose is the template data/datacard/template.md.
`render()` is pure, so a test can compare it with the committed file.
"""
from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from string import Template

import yaml

from .corpus import load_corpus
from .errors import KosnlpError
from .records import LABELS, write_text
from .versioning import gold_checksums

CARD = "README.md"


def _table(header: list[str], rows: list[list]) -> str:
    def cell(v):
        if isinstance(v, float):
            return f"{v:.3f}"
        return "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(lines)


def _json(path: Path) -> dict | None:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _agreement(ag: dict | None) -> str:
    if not ag:
        return "No agreement figures yet (run `kosnlp agreement`)."
    rows = [["all", lab, v["f1"], v["a"], v["b"], v["both"]] for lab, v in ag["by_label"].items()]
    rows += [[lang, lab, v["f1"], v["a"], v["b"], v["both"]]
             for lang, t in sorted(ag["by_lang"].items()) for lab, v in t.items()]
    return _table(["scope", "label", "F1", "A spans", "B spans", "both"], rows)


def _evaluation(ev: dict | None) -> str:
    if not ev:
        return "No evaluation yet (run `kosnlp run`)."
    lodo = (ev.get("lodo") or {}).get("by_lang", {})
    rows = []
    for lang, t in ev["by_lang"].items():
        for lab in (*LABELS, "micro"):
            s = t["strict"]["micro"] if lab == "micro" else t["strict"]["labels"][lab]
            lo = lodo.get(lang, {}).get("strict")
            lf = (lo["micro"] if lab == "micro" else lo["labels"][lab])["f1"] if lo else "not run"
            rows.append([lang, lab, s["pos"], s["p"], s["r"], s["f1"], lf])
    return _table(["language", "label", "gold", "P", "R", "F1 (in-sample)", "F1 (leave-one-document-out)"], rows)


def _bibtex(cff: dict, version: str, n_sent: int, n_ment: int) -> str:
    year = str(cff.get("date-released", ""))[:4] or "n.d."
    authors = " and ".join("{" + a["name"] + "}" if "name" in a else f"{a.get('family-names')}, {a.get('given-names')}"
                           for a in cff.get("authors", [])) or "{The kosnlp project}"
    key = "kosnlp_corpus_" + re.sub(r"\W", "_", version)
    return "\n".join([f"@misc{{{key},", f"  title = {{{cff.get('title', 'kosnlp corpus')}}},",
                      f"  author = {{{authors}}},", f"  year = {{{year}}},", f"  version = {{{version}}},",
                      f"  note = {{Corpus version {version}: {n_sent} sentences, {n_ment} gold mentions}}", "}"])


def render(annotations: str | Path = "annotations", raw: str | Path = "raw",
           citation: str | Path | None = None) -> str:
    ann, raw = Path(annotations), Path(raw)
    c = load_corpus(ann / "gold", manifest=raw / "manifest.yaml")
    man, s, m, docs = c.manifest, c.sentences, c.mentions, c.documents
    version = str(man.get("corpus_version"))
    cff_path = Path(citation) if citation else ann.parent / "CITATION.cff"
    cff = yaml.safe_load(cff_path.read_text(encoding="utf-8")) if cff_path.is_file() else {}
    if cff and str(cff.get("version")) != version:
        raise KosnlpError("KOS-E605", f"CITATION.cff version {cff.get('version')} != corpus_version {version}",
                          where=str(cff_path), hint="run kosnlp release or fix CITATION.cff")
    meta = {d["doc_id"]: d for d in man["documents"]}
    doc_rows = [[f"`{d}`", meta[d].get("lang"), meta[d].get("title"), meta[d].get("source"), meta[d].get("genre"),
                 meta[d].get("reference_date"), meta[d].get("licence_note")] for d in docs.doc_id]
    langs = sorted(s.lang.unique())
    ll = m.groupby(["label", "lang"]).size()
    label_rows = [[lab, *[int(ll.get((lab, g), 0)) for g in langs], int(ll.xs(lab).sum()) if lab in ll else 0]
                  for lab in LABELS]
    label_rows.append(["all", *[int((m.lang == g).sum()) for g in langs], len(m)])
    label_rows.append(["sentences", *[int((s.lang == g).sum()) for g in langs], len(s)])
    dl = m.groupby(["doc_id", "label"]).size()
    doc_count_rows = [[f"`{d}`", lang, n_s, *[int(dl.get((d, lab), 0)) for lab in LABELS], n_m]
                      for d, lang, n_s, n_m in docs[["doc_id", "lang", "sentences", "mentions"]].itertuples(index=False)]
    has_norm = "norm_status" in m
    if has_norm:
        ns = m.groupby(["label", "norm_status"]).size()
        statuses = sorted(m.norm_status.dropna().unique())
        norm_rows = [[lab, *[int(ns.get((lab, st), 0)) for st in statuses],
                      int((m.label == lab).sum() - sum(ns.get((lab, st), 0) for st in statuses))] for lab in LABELS]
        norm_section = ("Normalised values (`norm` on spans) per label:\n\n"
                        + _table(["label", *statuses, "without norm"], norm_rows))
    else:
        norm_section = "Normalised values: none in this version (spans carry no `norm` yet)."
    prov = []
    if "provenance_second_annotator" in s:
        prov.append(f"{int(s.provenance_second_annotator.notna().sum())} sentences were annotated independently "
                    f"by a second annotator (B)")
    if "provenance_reviewed" in s:
        prov.append(f"{int((s.provenance_reviewed == True).sum())} were read by a reviewer")  # noqa: E712
    if "provenance_adjudicated" in s:
        prov.append(f"{int((s.provenance_adjudicated == True).sum())} were adjudicated")  # noqa: E712
    provenance = (f"Annotator A annotated all {len(s)} sentences from scratch; " + "; ".join(prov) + "."
                  if prov else "")
    ag = _json(ann / "agreement.json")
    raw_sums = [[f"raw/{d['file']}", f"`{d['sha256']}`"] for d in man["documents"]]
    gold_sums = [[f"annotations/gold/{n}", f"`{h}`"] for n, h in gold_checksums(ann / "gold").items()]
    template = (resources.files("kosnlp") / "data" / "datacard" / "template.md").read_text(encoding="utf-8")
    return Template(template).substitute(
        version=version, n_documents=len(docs), n_sentences=len(s), n_mentions=len(m),
        norm_sentence=(" Spans may carry a `norm` object with normalised values (ACTOR ids and names, PLACE "
                       "ids and coordinates, DATE ISO values with first and last day)." if has_norm else ""),
        documents_table=_table(["document", "lang", "title", "source", "genre", "reference date", "licence note"],
                               doc_rows),
        label_lang_table=_table(["label", *langs, "total"], label_rows),
        doc_table=_table(["document", "lang", "sentences", *LABELS, "mentions"], doc_count_rows),
        norm_section=norm_section, provenance_summary=provenance,
        agreement_sentences=ag["sentences"] if ag else 0, agreement_table=_agreement(ag),
        evaluation_table=_evaluation(_json(ann / "evaluation.json")),
        checksum_table=_table(["file", "sha256"], raw_sums + gold_sums),
        norm_columns=", `norm_*` values" if has_norm else ", and `norm_*` values once normalised",
        bibtex=_bibtex(cff, version, len(s), len(m)))


def write(annotations: str | Path = "annotations", raw: str | Path = "raw") -> Path:
    path = Path(annotations) / CARD
    write_text(path, render(annotations, raw))
    return path


def check(annotations: str | Path = "annotations", raw: str | Path = "raw") -> None:
    path = Path(annotations) / CARD
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    if current != render(annotations, raw):
        raise KosnlpError("KOS-E606", "data card differs from the data", where=str(path),
                          hint="run kosnlp datacard and commit the result")
