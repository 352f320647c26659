"""The DATE conformance sweep (tests/date_sweep_cases.py) through the pipeline. The spans in
KNOWN are disagreements not fixed yet (strict xfail: a fix must move them out)."""
import pytest

from date_norms import check, dates
from date_sweep_cases import CASES

# (lang, reference date, span text): the class it belongs to
KNOWN = {
    ("en", "2001-01-10", "A year and a half ago"): "span: 'a year and a half ago' not found",
    ("en", "2001-01-10", "a few days later"): "span: a vague count is no span (conventions: unresolved)",
    ("pl", "2001-01-10", "kilka dni później"): "span: a vague count is no span (conventions: unresolved)",
    ("en", "1999-03-02", "June"): "reported speech: 'would' after the month is no future cue, 'said' before it is past",
    ("en", "2000-06-14", "winter"): "tense: 'expected ... by the winter' in a quote after a plan for next year read as the coming one",
}


def _params():
    for lang, ref, text, want in CASES:
        for span, value in want.items():
            why = KNOWN.get((lang, ref, span))
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            yield pytest.param(lang, ref, text, span, value, marks=marks, id=f"{lang}-{ref}-{span}")


@pytest.mark.parametrize("lang, ref, text, span, value", list(_params()))
def test_sweep(nlp_pl, nlp_en, lang, ref, text, span, value):
    check(dates(nlp_pl if lang == "pl" else nlp_en, lang, text, ref), span, value)
