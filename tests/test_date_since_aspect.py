"""A month or season after "since" / "od": a perfect (or, in Polish, the clause's tense) says whether
it is counted back from the date of writing or from the story's date. The texts are written for these tests."""
import pytest

from kosnlp.normalise.tense import since_aspect
from date_norms import expect_dates


@pytest.mark.parametrize("lang, sentence, mention, want", [
    ("en", "They had lived in the camp since the autumn, waiting for news.", "autumn", "past"),
    ("en", "We'd stayed there since March.", "March", "past"),
    ("en", "Since May the mayor has been a former commander.", "May", "present"),
    ("en", "The mission has grown since the spring.", "spring", "present"),
    ("en", "In May the mayor was a former commander.", "May", None),  # no bound
    ("en", "Since May we'd like to forget.", "May", None),  # "'d" without a participle: "would"
    ("pl", "Od kwietnia burmistrzem jest dawny dowódca.", "kwietnia", "present"),
    ("pl", "Od jesieni mieszkaliśmy w obozie.", "jesieni", None),  # a past tense is no past perfect
])
def test_the_aspect_of_a_since_before_a_date(lang, sentence, mention, want):
    i = sentence.index(mention)
    assert since_aspect(sentence, i, lang, len(mention)) == want


@pytest.mark.parametrize("lang, text, ref, want", [
    # a past perfect: the instance begun before the story's date, not the next one after it
    ("en", "The airlift ran from 2 April to 20 June 1999. The crews had flown from Brindisi since the winter, and "
           "in May the flights doubled.", "2012-05-04",
     {"winter": ("1998-12-01", "1999-02-28"), "May": ("1999-05-01", "1999-05-31")}),
    # a present perfect in a retrospective back at its present: counted back from the date of writing
    ("en", "In the summer of 1999 the town was a ruin. Today it is busy. Since March the old bridge has been "
           "open again.", "2015-10-20", {"March": ("2015-03-01", "2015-03-31")}),
    ("pl", "Latem 1999 r. miasto leżało w gruzach. Dziś tętni życiem. Od marca stary most jest znów otwarty.",
     "2015-10-20", {"marca": ("2015-03-01", "2015-03-31")}),
    # a present perfect in a story told in its present: counted back from the story's date
    ("en", "Early June 1999. The refugees have been waiting at the border since 20 March.", "2019-06-12",
     {"20 March": ("1999-03-20", "1999-03-20")}),
    # a range after "od" is read as written
    ("pl", "Wiosną 1999 r. NATO bombardowało Jugosławię od 24 marca do 10 czerwca.", "2015-10-20",
     {"24 marca do 10 czerwca": ("1999-03-24", "1999-06-10")}),
])
def test_a_date_after_since_by_its_aspect(nlp_pl, nlp_en, lang, text, ref, want):
    expect_dates(nlp_pl, nlp_en, lang, text, ref, want)
