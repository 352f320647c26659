"""`kosnlp report`: one static, self-contained HTML page comparing gold and pipeline spans.

Per document, every gold sentence is rendered twice with displaCy (gold | pipeline), with
differences marked: a gold span the pipeline missed, a pipeline span with no gold span
(spurious), and overlapping spans with the wrong label or the wrong boundaries. Then the
score tables (kosnlp.evaluate over the same two files) and matplotlib charts, embedded as
data: URIs, so the file opens offline. The page template is data/report/page.html.
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path
from string import Template

from .records import LABELS

BASE_COLORS = {"ACTOR": "#7aecec", "PLACE": "#feca74", "DATE": "#bfe1d9"}
MARKS = {"MISSED": "#ff6b6b", "SPURIOUS": "#ff6b6b", "WRONG LABEL": "#e38cff", "WRONG BOUNDARY": "#b5a8ff"}
KINDS = ("correct", "missed", "spurious", "wrong label", "wrong boundary")


def colors() -> dict[str, str]:
    out = dict(BASE_COLORS)
    for lab in LABELS:
        for mark, col in MARKS.items():
            out[f"{lab} {mark}"] = col
    return out


def classify(gold: list[tuple], pred: list[tuple]) -> tuple[list[str], list[str]]:
    """Status of each gold and each predicted (start, end, label) span of one sentence.

    gold: correct | wrong label | wrong boundary | missed; pred: correct | wrong label |
    wrong boundary | spurious. Overlap with a different label counts as a wrong label.
    """
    def status(span, others, none):
        if (span[0], span[1], span[2]) in {(o[0], o[1], o[2]) for o in others}:
            return "correct"
        over = [o for o in others if o[0] < span[1] and span[0] < o[1]]
        if not over:
            return none
        if any(o[2] == span[2] for o in over):
            return "wrong boundary"
        return "wrong label"
    return [status(g, pred, "missed") for g in gold], [status(p, gold, "spurious") for p in pred]


def _label(label: str, st: str) -> str:
    return label if st == "correct" else f"{label} {st.upper()}"


def align(gold_recs: list[dict], pred_recs: list[dict]) -> tuple[dict[str, list[tuple]], Counter]:
    """Pipeline spans per gold sentence id, relative to it (by absolute start offset)."""
    sents = defaultdict(list)
    for g in gold_recs:
        sents[g["doc_id"]].append(g)
    out, outside = defaultdict(list), Counter()
    for p in pred_recs:
        for s in p["spans"]:
            a, b = p["start"] + s["start"], p["start"] + s["end"]
            host = next((g for g in sents.get(p["doc_id"], []) if g["start"] <= a < g["end"]), None)
            if host is None:
                outside[p["doc_id"]] += p["doc_id"] in sents
                continue
            out[host["id"]].append((a - host["start"], min(b, host["end"]) - host["start"], s["label"]))
    return out, outside


def render_sentence(text: str, spans: list[tuple], statuses: list[str]) -> str:
    from spacy import displacy
    ents = [{"start": s, "end": e, "label": _label(lab, st)} for (s, e, lab), st in zip(spans, statuses)]
    return displacy.render({"text": text, "ents": ents, "title": None}, style="ent", manual=True, page=False,
                           options={"colors": colors()})


def _table(header: list[str], rows: list[list]) -> str:
    def cell(v):
        return f"{v:.3f}" if isinstance(v, float) else html.escape(str(v))
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in r) + "</tr>" for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def score_tables(rep: dict) -> str:
    def rows(t, schema):
        out = [[lab, *(t[schema]["labels"][lab][k] for k in ("p", "r", "f1", "pos", "act"))] for lab in LABELS]
        return out + [["micro", *(t[schema]["micro"][k] for k in ("p", "r", "f1", "pos", "act"))]]
    hdr = ["label", "P", "R", "F1", "gold", "predicted"]
    parts = []
    for schema in ("strict", "type"):
        parts.append(f"<div><h3>All documents, {schema}</h3>" + _table(hdr, rows(rep["overall"], schema)) + "</div>")
    for lang, t in rep["by_lang"].items():
        parts.append(f"<div><h3>Language {html.escape(lang)}, strict</h3>" + _table(hdr, rows(t, "strict")) + "</div>")
    doc_rows = [[d, *(t["strict"]["micro"][k] for k in ("p", "r", "f1", "pos", "act"))] for d, t in rep["by_doc"].items()]
    parts.append("<div><h3>Per document, strict micro</h3>" + _table(["document", *hdr[1:]], doc_rows) + "</div>")
    seg = rep["segmentation"]["sentences"]
    parts.append(f"<p class='note' style='flex-basis: 100%'>Sentence segmentation: {seg['tp']} of {seg['gold']} gold sentences found exactly "
                 f"(F1 {seg['f1']:.3f}).</p>")
    return "\n".join(parts)


def document_section(doc: dict, recs: list[dict], pred_by_sent: dict, outside: int) -> tuple[str, Counter]:
    counts, blocks = Counter(), []
    for r in recs:
        gold = [(s["start"], s["end"], s["label"]) for s in r["spans"]]
        pred = sorted(pred_by_sent.get(r["id"], []))
        gs, ps = classify(gold, pred)
        counts.update(gs)
        counts.update(st for st in ps if st == "spurious")
        differs = any(st != "correct" for st in gs + ps)
        blocks.append(f"<div class='sent{' differs' if differs else ''}' id='{html.escape(r['id'])}'>"
                      f"<div class='sid'>{html.escape(r['id'])}</div>"
                      f"<div class='side gold'><h4>gold</h4>{render_sentence(r['text'], gold, gs)}</div>"
                      f"<div class='side pred'><h4>pipeline</h4>{render_sentence(r['text'], pred, ps)}</div></div>")
    counts["spurious"] += outside
    title = html.escape(str(doc.get("title") or doc["doc_id"]))
    head = (f"<section class='doc' id='doc-{html.escape(doc['doc_id'])}'><h3>{title}</h3>"
            f"<p class='note'><code>{html.escape(doc['doc_id'])}</code>, {html.escape(str(doc.get('lang')))}, "
            f"{len(recs)} sentences, {sum(len(r['spans']) for r in recs)} gold spans"
            + (f"; {outside} pipeline spans fall outside every gold sentence (counted as spurious)" if outside else "")
            + "</p>" + _table(list(KINDS), [[counts[k] for k in KINDS]]))
    return head + "\n".join(blocks) + "</section>", counts


def build(gold_dir: str | Path, pred_path: str | Path, manifest: str | Path | None = None, partial=()) -> str:
    """The report page for the gold corpus at `gold_dir` and the pipeline records at `pred_path`.

    partial: documents with partial gold; the pipeline's records outside their gold sentences
    are left out, as the evaluation does."""
    from . import charts
    from .corpus import actor_timeline, load_corpus, read_records
    from .evaluate import evaluate, gold_sentences_only
    corpus = load_corpus(gold_dir, manifest)
    gold = read_records(list(corpus.files))
    pred = gold_sentences_only(gold, read_records([Path(pred_path)]), partial)
    rep = evaluate(gold, pred)
    pred_by_sent, outside = align(gold, pred)
    meta = {d["doc_id"]: d for d in corpus.manifest["documents"]}
    by_doc = defaultdict(list)
    for r in gold:
        by_doc[r["doc_id"]].append(r)
    sections, total = [], Counter()
    for d in sorted(by_doc):
        sec, c = document_section(meta.get(d, {"doc_id": d, "lang": by_doc[d][0]["lang"]}), by_doc[d],
                                  pred_by_sent, outside[d])
        sections.append(sec)
        total += c
    figs = [("Label distribution per language (gold)", charts.label_distribution(corpus.mentions)),
            ("Strict F1 per label and language", charts.f1_per_label(rep))]
    timeline = actor_timeline(corpus)
    fig_html = [f"<figure><img src='{uri}' alt='{html.escape(cap)}'><figcaption class='note'>{html.escape(cap)}"
                f"</figcaption></figure>" for cap, uri in figs]
    if len(timeline):
        cap = ("Mentions of the top actors per month. An actor mention is dated by the first resolved DATE "
               "in its sentence (its first day), else by its document's reference date; others are left out.")
        fig_html.append(f"<figure><img src='{charts.actors_over_time(timeline)}' alt='Top actors over time'>"
                        f"<figcaption class='note'>{html.escape(cap)}</figcaption></figure>")
    else:
        fig_html.append("<p class='note' id='actors-over-time'>The chart of the top actors over time appears "
                        "once dates and actors are normalised (spans with a <code>norm</code>).</p>")
    legend = " ".join(f"<span style='background:{col}'>LABEL {m}</span>" for m, col in MARKS.items())
    summary = (f"{len(gold)} gold sentences, {sum(len(r['spans']) for r in gold)} gold spans; "
               + ", ".join(f"{k} {total[k]}" for k in KINDS) + ".")
    nav = " ".join(f"<a href='#doc-{html.escape(d)}'>{html.escape(d)}</a>" for d in sorted(by_doc))
    page = (resources.files("kosnlp") / "data" / "report" / "page.html").read_text(encoding="utf-8")
    return Template(page).substitute(
        version=html.escape(str(corpus.version)), gold=html.escape(str(gold_dir)), pred=html.escape(str(pred_path)),
        summary=html.escape(summary), nav="<a href='#charts'>charts</a> <a href='#scores'>scores</a> " + nav,
        charts="\n".join(fig_html), scores=score_tables(rep), legend=legend, documents="\n".join(sections))


def annotate_raw(raw_dir: str | Path, out: str | Path, model: str | None = None) -> int:
    """Run the pipeline over raw/ and write its records (what `kosnlp run` writes to output/)."""
    from .annotate import records_for
    from .ingest import load_raw_corpus
    from .normalise.reference import document_reference
    from .pipeline import load
    from .records import write_jsonl
    recs = []
    for d in load_raw_corpus(raw_dir):
        recs += list(records_for(d.doc_id, d.lang, d.text, load(d.lang, model),
                                 reference_date=document_reference(d.meta)))
    return write_jsonl(out, recs)
