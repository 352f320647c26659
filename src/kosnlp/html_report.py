"""`kosnlp report`: one static, self-contained HTML page comparing gold and pipeline spans.

Per document, every gold sentence is rendered twice with displaCy (gold | pipeline), with
differences marked by the kind kosnlp.spans.match gives them on document offsets, the
same matches evaluate.py scores: missing, spurious, incorrect (same boundaries, wrong
label) and partial (overlapping, wrong boundaries). Then the
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
from .spans import KINDS, doc_entities, match, statuses

BASE_COLORS = {"ACTOR": "#7aecec", "PLACE": "#feca74", "DATE": "#bfe1d9"}
MARKS = {"MISSING": "#ff6b6b", "SPURIOUS": "#ff6b6b", "INCORRECT": "#e38cff", "PARTIAL": "#b5a8ff"}
HEADERS = {"incorrect": "incorrect (wrong label)", "partial": "partial (wrong boundary)"}


def colors() -> dict[str, str]:
    out = dict(BASE_COLORS)
    for lab in LABELS:
        for mark, col in MARKS.items():
            out[f"{lab} {mark}"] = col
    return out


def classify(gold: list[tuple], pred: list[tuple]) -> tuple[list[str], list[str]]:
    """The kind (spans.KINDS) of each gold and each predicted (start, end, label) span."""
    return statuses(match(gold, pred), len(gold), len(pred))


def _label(label: str, st: str) -> str:
    return label if st == "correct" else f"{label} {st.upper()}"


def align(gold_recs: list[dict], pred_recs: list[dict]) -> tuple[dict, dict, Counter, Counter]:
    """Match gold and pipeline spans per document on document offsets, as evaluate does
    (spans.match), and place them in the gold sentences for display.

    Returns (gold spans per sentence id, pipeline spans per sentence id; both as
    (start, end, label, kind) relative to the sentence), the kinds per document, and
    per document the pipeline spans that start outside every gold sentence."""
    sents = defaultdict(list)
    for g in gold_recs:
        sents[g["doc_id"]].append(g)
    g_ents, p_ents = doc_entities(gold_recs), doc_entities(pred_recs)
    gold_by, pred_by, kinds, outside = defaultdict(list), defaultdict(list), defaultdict(Counter), Counter()
    for doc_id, recs in sents.items():
        ge, pe = g_ents.get(doc_id, []), p_ents.get(doc_id, [])
        ms = match(ge, pe)
        kinds[doc_id].update(m.kind for m in ms)
        gs, ps = statuses(ms, len(ge), len(pe))
        by_id = {g["id"]: g for g in recs}
        for (a, b, lab, _t, rid), st in zip(ge, gs):
            host = by_id[rid]
            gold_by[rid].append((a - host["start"], b - host["start"], lab, st))
        for (a, b, lab, _t, _rid), st in zip(pe, ps):
            host = next((g for g in recs if g["start"] <= a < g["end"]), None)
            if host is None:
                outside[doc_id] += 1
                continue
            pred_by[host["id"]].append((a - host["start"], min(b, host["end"]) - host["start"], lab, st))
    return gold_by, pred_by, kinds, outside


def render_sentence(text: str, spans: list[tuple]) -> str:
    """displaCy markup of one sentence; spans are (start, end, label, kind)."""
    from spacy import displacy
    ents = [{"start": s, "end": e, "label": _label(lab, st)} for s, e, lab, st in spans]
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


def document_section(doc: dict, recs: list[dict], gold_by_sent: dict, pred_by_sent: dict,
                     counts: Counter, outside: int) -> str:
    blocks = []
    for r in recs:
        gold, pred = gold_by_sent.get(r["id"], []), sorted(pred_by_sent.get(r["id"], []))
        differs = any(st != "correct" for *_, st in gold + pred)
        blocks.append(f"<div class='sent{' differs' if differs else ''}' id='{html.escape(r['id'])}'>"
                      f"<div class='sid'>{html.escape(r['id'])}</div>"
                      f"<div class='side gold'><h4>gold</h4>{render_sentence(r['text'], gold)}</div>"
                      f"<div class='side pred'><h4>pipeline</h4>{render_sentence(r['text'], pred)}</div></div>")
    title = html.escape(str(doc.get("title") or doc["doc_id"]))
    head = (f"<section class='doc' id='doc-{html.escape(doc['doc_id'])}'><h3>{title}</h3>"
            f"<p class='note'><code>{html.escape(doc['doc_id'])}</code>, {html.escape(str(doc.get('lang')))}, "
            f"{len(recs)} sentences, {sum(len(r['spans']) for r in recs)} gold spans"
            + (f"; {outside} pipeline spans fall outside every gold sentence (counted as spurious)" if outside else "")
            + "</p>" + _table([HEADERS.get(k, k) for k in KINDS], [[counts[k] for k in KINDS]]))
    return head + "\n".join(blocks) + "</section>"


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
    gold_by_sent, pred_by_sent, kinds, outside = align(gold, pred)
    meta = {d["doc_id"]: d for d in corpus.manifest["documents"]}
    by_doc = defaultdict(list)
    for r in gold:
        by_doc[r["doc_id"]].append(r)
    sections, total = [], Counter()
    for d in sorted(by_doc):
        sections.append(document_section(meta.get(d, {"doc_id": d, "lang": by_doc[d][0]["lang"]}), by_doc[d],
                                         gold_by_sent, pred_by_sent, kinds[d], outside[d]))
        total += kinds[d]
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

