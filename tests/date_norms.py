"""The DATE spans of a text and their norms, through the pipeline (shared by the date tests)."""
from kosnlp.annotate import records_for


def dates(nlp, lang, text, ref):
    """{span text: (first, last) or the unresolved reason} of the DATE spans of a text."""
    out = {}
    for r in records_for("t", lang, text, nlp, reference_date=ref):
        for s in r["spans"]:
            if s["label"] == "DATE":
                n = s["norm"]
                out[s["text"]] = (n["start"], n["end"]) if n.get("status") == "resolved" else n.get("reason")
    return out
