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


U = "unresolved"  # an expected value: the span is found and unresolved, whatever the reason


def check(got: dict, span: str, value) -> None:
    """One expected DATE of a text (`got`: dates()): None = no such span, U = found and
    unresolved, else its (first, last)."""
    if value is None:
        assert span not in got, got
    elif value == U:
        assert span in got and not isinstance(got[span], tuple), got
    else:
        assert got.get(span) == value, got


def expect_dates(nlp_pl, nlp_en, lang: str, text: str, ref, want: dict) -> None:
    """The DATE spans of `want` ({span text: (first, last) or reason}) in a text of `lang`, through
    the pipeline of its language; other spans of the text are not checked."""
    got = dates(nlp_pl if lang == "pl" else nlp_en, lang, text, ref)
    assert {k: got.get(k) for k in want} == want, got
