"""Dates without a year whose direction is not the sentence's tense: the date of a thing named before
it ("z 3 marca") is past in a future-tense sentence; a season after "przed" / "before" counted from the
date of writing is a deadline ahead. The sentences are written for these tests."""
import pytest
from date_norms import dates


@pytest.mark.parametrize("text, ref, span, want", [
    # the date of a thing named before it ("z 3 marca") in a future-tense sentence: already past
    ("Jutro przedstawimy raport o ostrzale wsi z 3 marca i o jego skutkach.", "1999-06-15", "3 marca",
     ("1999-03-03", "1999-03-03")),
    # a date of the verb in a future-tense sentence is still the coming one
    ("Raport przedstawimy 3 marca.", "1999-06-15", "3 marca", ("2000-03-03", "2000-03-03")),
])
def test_the_date_of_a_thing_named_before_it_is_past(nlp_pl, text, ref, span, want):
    assert dates(nlp_pl, "pl", text, ref).get(span) == want


@pytest.mark.parametrize("lang, text, ref, span, want", [
    # a season after "przed" / "before" counted from the date of writing: the coming one
    ("pl", "Obozy trzeba zamknąć przed zimą.", "1999-06-20", "zimą", ("1999-12-01", "2000-02-29")),
    ("en", "The camps must be closed before winter.", "1999-06-20", "winter", ("1999-12-01", "2000-02-29")),
    # in a past-tense sentence: the latest one begun
    ("pl", "Obozy zamknięto przed zimą.", "1999-06-20", "zimą", ("1998-12-01", "1999-02-28")),
])
def test_a_season_after_before_is_a_deadline_ahead(nlp_pl, nlp_en, lang, text, ref, span, want):
    assert dates(nlp_pl if lang == "pl" else nlp_en, lang, text, ref).get(span) == want
