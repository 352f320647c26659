"""A sentence that speaks of the present of writing in a retrospective: a word of the present
("today", "dziś", "this time") or an anniversary whose count reaches the year of writing puts a day,
month or season without a year at the date of writing, not at the story's year; the dates counted
from such a date stay out of the story's time. The sentences are written for these tests."""
import pytest
from date_norms import dates

from kosnlp.normalise.date_present import present_cue


def cue(sentence, mention, lang):
    return present_cue(sentence, lang, sentence.index(mention), len(mention))


@pytest.mark.parametrize("lang, sentence, mention, want", [
    ("en", "Today I walked the old road again on a warm October evening.", "October", True),
    ("en", "This time the papers wrote of the match played on 4 May.", "4 May", True),
    ("en", "He turns seventy in April, on the 9th, a month from today.", "April", True),
    ("en", "Today we know that in April the plan was ready.", "April", None),  # a clause told from the present
    ("en", "In May, on the twenty-fifth anniversary of the siege, I flew back.", "May", 25),
    ("en", "In May, on the 25th anniversary of the siege, I flew back.", "May", 25),
    ("pl", "W maju, w dwudziestą piątą rocznicę oblężenia, wróciłem do miasta.", "maju", 25),
    ("pl", "W kwietniu, przy okazji dziesiątej rocznicy nalotów, pojechałem tam znowu.", "kwietniu", 10),
    ("pl", "Do dziś trzymam list z października.", "października", None),  # a thing of the story kept till now
    ("pl", "Ci, którzy w maju ogłaszali jego klęskę, bo w czerwcu przegrał w sondażach wszystkie pojedynki z "
           "rywalami, powinni dziś przeprosić.", "czerwcu", None),  # "dziś" far after, in the main clause
])
def test_present_cue(lang, sentence, mention, want):
    assert cue(sentence, mention, lang) == want


@pytest.mark.parametrize("lang, text, ref, want", [
    # a month in a sentence of the present of writing, after the story's dates of 1999
    ("en", "In the summer of 1999 I first crossed the bridge. Today I crossed it again in the heat of an "
           "August afternoon.", "2012-08-20", {"August": ("2012-08-01", "2012-08-31")}),
    # an anniversary counted from the story's year
    ("pl", "Wiosną 1999 roku miasto opustoszało. W marcu, przy okazji dwudziestej rocznicy nalotów, "
           "wróciłem tam na tydzień.", "2019-06-10", {"marcu": ("2019-03-01", "2019-03-31")}),
    # an anniversary counted from a later year the text gives (10 years after February 2008)
    ("pl", "W lutym 2008 r. ogłoszono niepodległość. W lutym, w dziesiątą rocznicę niepodległości, "
           "pomnik pomalowano na nowo.", "2018-06-15",
     {"lutym 2008 r.": ("2008-02-01", "2008-02-29"), "lutym": ("2018-02-01", "2018-02-28")}),
    # a count that does not reach the year of writing: the story's year
    ("pl", "Wiosną 1999 roku miasto opustoszało. W czerwcu, w pierwszą rocznicę masakry, ludzie wrócili.",
     "2019-06-10", {"czerwcu": ("1999-06-01", "1999-06-30")}),
    # the day counted from a date of the present stays out of the story: the next date is the story's
    ("en", "In the spring of 1999 he fled to Macedonia. He turns seventy in May, on the 9th, three weeks from "
           "today. In June he came home.", "2021-04-18",
     {"May": ("2021-05-01", "2021-05-31"), "9th": ("2021-05-09", "2021-05-09"),
      "June": ("1999-06-01", "1999-06-30")}),
])
def test_a_date_of_the_present_of_writing(nlp_pl, nlp_en, lang, text, ref, want):
    got = dates(nlp_pl if lang == "pl" else nlp_en, lang, text, ref)
    assert {k: got.get(k) for k in want} == want, got


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
