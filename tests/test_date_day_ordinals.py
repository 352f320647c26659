"""Days of the month as ordinals after a month just named ("On the 15th", "the night of the 7th",
"the 16th of that month", "on the 12th, a Saturday") and a month heading "May." (not the verb):
their spans and norms, and the counts of days after them. Through the pipeline; the texts are
written for these tests."""
import pytest
from date_norms import check, dates

CASES = [
    # a day alone after a preposition: the day of the month just named; a count after it starts there
    ("In April 1998 the delegates met in Geneva. On the 14th, talks broke down. Mediators returned the "
     "following day; on the 19th the envoy left, and four days later the border closed.", "2005-05-01",
     {"14th": ("1998-04-14", "1998-04-14"), "following day": ("1998-04-15", "1998-04-15"),
      "19th": ("1998-04-19", "1998-04-19"), "four days later": ("1998-04-23", "1998-04-23")}),
    # a part of the day before it, and "of that month"
    ("The strike began in October 1998. By the evening of the 11th the mines were empty. "
     "On the 20th of that month the miners voted.", "2005-05-01",
     {"evening of the 11th": ("1998-10-11", "1998-10-11"), "20th of that month": ("1998-10-20", "1998-10-20")}),
    # ordinals that count a noun are no days
    ("In July 1998 the veterans marked the 50th anniversary of the battle. They were attacked by the 3rd "
     "Battalion on the 9th floor of a hotel in the 20th century city.", "2005-05-01",
     {"50th": None, "3rd": None, "9th": None, "20th century": ("1901-01-01", "2000-12-31")}),
    # a weekday with its day apposed, either way round
    ("In March 1998 the clashes began on a Tuesday night, the 3rd. The army withdrew on the 7th, a Saturday, "
     "at dawn.", "2005-05-01",
     {"Tuesday night, the 3rd": ("1998-03-03", "1998-03-03"), "7th, a Saturday": ("1998-03-07", "1998-03-07")}),
]


@pytest.mark.parametrize("text, ref, want", CASES)
def test_day_ordinals(nlp_en, text, ref, want):
    got = dates(nlp_en, "en", text, ref)
    for span, value in want.items():
        check(got, span, value)


def test_may_heading(nlp_en):
    # "May." opening a paragraph names the month; "may" as a verb stays no date
    text = "The year 1998 in review.\n\nApril. The talks failed.\n\nMay. On the 5th the talks resumed. They may fail."
    got = dates(nlp_en, "en", text, "1998-12-30")
    check(got, "May", ("1998-05-01", "1998-05-31"))
    check(got, "5th", ("1998-05-05", "1998-05-05"))
    assert "may" not in got, got
    # "May" opening a sentence without the stop after it is the verb
    assert "May" not in dates(nlp_en, "en", "The talks stalled.\n\nMay I ask what happens next?", "1998-12-30")


def test_mid_period_and_year_noun(nlp_en):
    # "mid-month": the middle of the month just named; "the year 2000": the year with its noun
    text = "In August 1998 the envoy returned in mid-month. Nobody could say what the year 2001 would bring."
    got = dates(nlp_en, "en", text, "1998-12-30")
    check(got, "mid-month", ("1998-08-11", "1998-08-20"))
    check(got, "year 2001", ("2001-01-01", "2001-12-31"))


@pytest.mark.parametrize("lang, text, span, value", [
    # two periods coordinated opening a paragraph (a heading): one span, from the first to the second
    ("pl", "Kronika roku 1998.\n\nWiosna i lato. W połowie maja doszło do starć.", "Wiosna i lato",
     ("1998-03-01", "1998-08-31")),
    # a month before the start of the next year: the month of the year before
    ("pl", "Kronika roku 1998.\n\nListopad i początek 1999 r. W połowie listopada nic się nie stało.",
     "Listopad i początek 1999 r.", ("1998-11-01", "1999-04-30")),
    ("en", "The year 1998 in review.\n\nSeptember and October. Talks went on.", "September and October",
     ("1998-09-01", "1998-10-31")),
])
def test_coordinated_heading(nlp_pl, nlp_en, lang, text, span, value):
    check(dates(nlp_pl if lang == "pl" else nlp_en, lang, text, "1999-01-20"), span, value)


def test_polish_day_word_after_month(nlp_pl):
    # an ordinal day word set off by commas after a month (hedged or not): the day of that month;
    # an ordinal before its noun stays no date
    text = ("Przyjechałem w 1998 r. W listopadzie, bodaj siódmego, spadł śnieg. W marcu 1999 r., dwunastego, "
            "wyjechaliśmy. Piątego dnia nikt nie przyszedł, a trzeciego kandydata nie było.")
    got = dates(nlp_pl, "pl", text, "2004-05-01")
    check(got, "siódmego", ("1998-11-07", "1998-11-07"))
    check(got, "dwunastego", ("1999-03-12", "1999-03-12"))
    check(got, "trzeciego", None)


@pytest.mark.parametrize("lang, text, span, value", [
    # a season of the year before or after the story's year
    ("pl", "Powstanie wybuchło w lutym 1998 r. Napięcie rosło od jesieni poprzedniego roku.",
     "jesieni poprzedniego roku", ("1997-09-01", "1997-11-30")),
    ("pl", "Rozmowy zaczęły się w maju 1998 r. Zakończono je zimą następnego roku.",
     "zimą następnego roku", ("1999-12-01", "2000-02-29")),
    ("en", "The rising began in February 1998. Tension had grown since the autumn of the previous year.",
     "autumn of the previous year", ("1997-09-01", "1997-11-30")),
])
def test_season_of_shifted_year(nlp_pl, nlp_en, lang, text, span, value):
    check(dates(nlp_pl if lang == "pl" else nlp_en, lang, text, "2006-01-20"), span, value)


def test_day_of_period_just_named(nlp_en):
    # "the last day of the month", "the first day of the year": of the month or year just named
    text = "The blockade began in September 1998. On the last day of the month the convoy got through."
    got = dates(nlp_en, "en", text, "2006-01-20")
    check(got, "last day of the month", ("1998-09-30", "1998-09-30"))
