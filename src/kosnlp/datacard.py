"""The data card, annotations/README.md, generated from the data (never typed by hand).

Counts come from the gold files (via load_corpus), who annotated what from each sentence's
provenance, how much of each document has gold from the raw texts (gold.coverage), document
metadata and raw checksums from raw/manifest.yaml, agreement and scores from annotations/{agreement,evaluation}.json, the
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
from .gold import coverage
from .ingest import load_raw_corpus
from .languages import codes, language
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
    columns = {"F1 (leave-one-document-out)": (ev.get("lodo") or {}).get("by_lang", {})}
    columns |= {f"F1 (held-out {split})": h["by_lang"] for split, h in (ev.get("heldout") or {}).items()}
    rows = []
    for lang, t in ev["by_lang"].items():
        for lab in (*LABELS, "micro"):
            s = t["strict"]["micro"] if lab == "micro" else t["strict"]["labels"][lab]
            row = [lang, lab, s["pos"], s["p"], s["r"], s["f1"]]
            for by_lang in columns.values():
                o = by_lang.get(lang, {}).get("strict")
                row.append((o["micro"] if lab == "micro" else o["labels"][lab])["f1"] if o else "not run")
            rows.append(row)
    return _table(["language", "label", "gold", "P", "R", "F1 (in-sample)", *columns], rows)


def _bibtex(cff: dict, version: str, n_sent: int, n_ment: int) -> str:
    year = str(cff.get("date-released", ""))[:4] or "n.d."
    authors = " and ".join("{" + a["name"] + "}" if "name" in a else f"{a.get('family-names')}, {a.get('given-names')}"
                           for a in cff.get("authors", [])) or "{The kosnlp project}"
    key = "kosnlp_corpus_" + re.sub(r"\W", "_", version)
    return "\n".join([f"@misc{{{key},", f"  title = {{{cff.get('title', 'kosnlp corpus')}}},",
                      f"  author = {{{authors}}},", f"  year = {{{year}}},", f"  version = {{{version}}},",
                      f"  note = {{Corpus version {version}: {n_sent} sentences, {n_ment} gold mentions}}", "}"])


def _count(n: int, what: str) -> str:
    return f"{n} {what}" + ("" if n == 1 else "s")


def _names(values) -> str:
    names = sorted({str(v) for v in (() if values is None else values) if isinstance(v, str) and v})
    if not names:
        return "an annotator not recorded"
    return ("annotator " if len(names) == 1 else "annotators ") + ", ".join(names)


def _col(s, name):
    return s[name] if name in s else None


def provenance_summary(s, m) -> str:
    """Who annotated the gold sentences and how, counted from their provenance."""
    if not len(s):
        return ""
    origin, parts = _col(s, "provenance_origin"), []
    total = len(s)
    if origin is not None:
        scratch = s[origin == "scratch"]
        if len(scratch):
            parts.append(f"{len(scratch)} of the {total} sentences were annotated from scratch "
                         f"(without pre-annotation) by {_names(_col(scratch, 'provenance_annotator'))}")
        pre = s[origin.isin(["accepted", "corrected"])]
        if len(pre):
            who = _col(pre, "provenance_doccano_annotator")
            confirmed = int((who.notna()).sum()) if who is not None else 0
            parts.append(f"{len(pre)} were pre-annotated by the pipeline and corrected in doccano "
                         f"({int((pre.provenance_origin == 'accepted').sum())} accepted unchanged, "
                         f"{int((pre.provenance_origin == 'corrected').sum())} changed), "
                         f"{confirmed} of them confirmed by {_names(who)}")
    second = _col(s, "provenance_second_annotator")
    if second is not None and second.notna().any():
        parts.append(f"{int(second.notna().sum())} were annotated independently by a second "
                     f"{_names(second)}")
    for col, what in (("provenance_reviewed", "read by a reviewer"), ("provenance_adjudicated", "adjudicated")):
        c = _col(s, col)
        if c is not None:
            parts.append(f"{int((c == True).sum())} were {what}")  # noqa: E712
    out = ("; ".join(parts) + ".") if parts else ""
    todo = _col(s, "provenance_norms_to_check")
    n_todo = sum(len(x) for x in todo if isinstance(x, list)) if todo is not None else 0
    if n_todo:
        out += (f" {_count(n_todo, 'span')} carry a candidate norm from the resolvers not yet checked by reading "
                f"(`kosnlp norms review list`).")
    return out


def coverage_summary(cov: dict, n_docs_with_gold: int) -> tuple[str, list]:
    """The sentence saying how complete the gold is, and per-document coverage cells."""
    docs = cov["documents"]
    complete = [d for d, c in docs.items() if c["state"] == "complete"]
    partial = [d for d, c in docs.items() if c["state"] == "partial"]
    none = [d for d, c in docs.items() if c["state"] == "none"]
    if not partial and not none:
        text = "Every sentence of every document is included, with or without mentions."
    else:
        missing = sum(c["sentences"] - c["gold"] for c in docs.values() if c["state"] != "none")
        text = (f"{len(complete)} of the {n_docs_with_gold} documents have gold for every sentence, with or "
                f"without mentions; {len(partial)} {'is' if len(partial) == 1 else 'are'} partial "
                f"({_count(missing, 'sentence')} of them without gold yet, which are not in the corpus and "
                f"not scored)." + (f" {_count(len(none), 'document')} of raw/ {'has' if len(none) == 1 else 'have'} "
                                   f"no gold yet and {'is' if len(none) == 1 else 'are'} not counted here."
                                   if none else ""))
    return text, {d: ("complete" if c["state"] == "complete" else f"{c['gold']} of {c['sentences']}")
                  for d, c in docs.items()}


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
    cov = coverage(s[["doc_id", "start", "end"]].to_dict("records"), load_raw_corpus(raw))
    coverage_sentence, doc_cov = coverage_summary(cov, len(docs))
    doc_count_rows = [[f"`{d}`", lang, n_s, doc_cov.get(d, ""), *[int(dl.get((d, lab), 0)) for lab in LABELS], n_m]
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
    provenance = provenance_summary(s, m)
    ag = _json(ann / "agreement.json")
    raw_sums = [[f"raw/{d['file']}", f"`{d['sha256']}`"] for d in man["documents"]]
    gold_sums = [[f"annotations/gold/{n}", f"`{h}`"] for n, h in gold_checksums(ann / "gold").items()]
    template = (resources.files("kosnlp") / "data" / "datacard" / "template.md").read_text(encoding="utf-8")
    return Template(template).substitute(
        version=version, n_documents=len(docs), n_sentences=len(s), n_mentions=len(m),
        coverage_sentence=coverage_sentence,
        size_note=f"{_count(len(docs), 'document')}, " + ", ".join(
            f"{int((docs.lang == g).sum())} {name}" for g, name in ((c, language(c).name) for c in codes())),
        norm_sentence=(" Spans may carry a `norm` object with normalised values (ACTOR ids and names, PLACE "
                       "ids and coordinates, DATE ISO values with first and last day)." if has_norm else ""),
        documents_table=_table(["document", "lang", "title", "source", "genre", "reference date", "licence note"],
                               doc_rows),
        label_lang_table=_table(["label", *langs, "total"], label_rows),
        doc_table=_table(["document", "lang", "sentences", "gold coverage", *LABELS, "mentions"], doc_count_rows),
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
