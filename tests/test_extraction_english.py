"""English extraction classes on new text (sentences written for these tests)."""
import pytest

from conftest import ents


def dates(got):
    return [g[0] for g in got if g[1] == "DATE"]


@pytest.mark.parametrize("text, span", [
    ("The envoy arrived on Thursday, 4 November 2004, by train.", "Thursday, 4 November 2004"),
    ("On Sunday, May 16 the ferry sank.", "Sunday, May 16"),
    ("TUESDAY 12 OCTOBER 2004 - EVENING BULLETIN", "TUESDAY 12 OCTOBER 2004"),
    ("The markets shut on Monday the 3rd.", "Monday the 3rd"),
    ("Thursday 22nd", "Thursday 22nd"),
    ("8 August, morning", "8 August, morning"),
    ("Floods hit between late May and early July 2005.", "late May and early July 2005"),
    ("We had lunch at the port that afternoon.", "that afternoon"),
    ("The courts were closed that week.", "that week"),
    ("Nobody in the valley will forget this day.", "this day"),
])
def test_english_date_composition(nlp_en, text, span):
    got = ents(nlp_en, text)
    assert (span, "DATE") in got
    assert dates(got) == [span]  # one span, no second date inside or beside it


def test_english_to_this_day_is_no_date(nlp_en):
    assert dates(ents(nlp_en, "To this day the bridge is closed, and it stays shut until that day comes.")) == []


def test_english_weekday_list_is_not_joined_to_a_later_date(nlp_en):
    got = dates(ents(nlp_en, "Talks resumed on Monday, and on 5 June they ended."))
    assert got == ["Monday", "5 June"]


def test_english_date_then_comma_then_noun_is_not_a_part_of_day(nlp_en):
    got = dates(ents(nlp_en, "On 2 May, evening classes began in the town hall."))
    assert got == ["2 May"]
