"""Anchoring dates on the story's time, written for the tests: exact anniversaries, seasons and
months within or next to a period of the story, months and seasons of another year counted
from the date of writing, decades counted from a date."""
import pytest

from kosnlp.normalise.dates import DateNormaliser
from kosnlp.normalise.story_time import StoryTime

D = DateNormaliser()


def read(mentions, lang, ref):
    """Normalise mentions (text, word before) in reading order through StoryTime."""
    story, out = StoryTime(ref), []
    for text, before in mentions:
        n = D.normalise(text, lang, **story.anchors, before=before)
        story.advance(n, lang, before, False)
        out.append((n["start"], n["end"]) if n.get("status") == "resolved" else n.get("reason"))
    return out


@pytest.mark.parametrize("mentions, lang, ref, want", [
    # "exactly N years ago" said on the anniversary: that day, and what is counted from it
    ([("piętnaście lat temu", "dokładnie"), ("dzień wcześniej", None)], "pl", "2014-08-02",
     [("1999-08-02", "1999-08-02"), ("1999-08-01", "1999-08-01")]),
    ([("ten years ago", "exactly"), ("the next day", None)], "en", "2009-06-20",
     [("1999-06-20", "1999-06-20"), ("1999-06-21", "1999-06-21")]),
    # without "exactly" the count keeps its unit
    ([("ten years ago", None)], "en", "2009-06-20", [("1999-01-01", "1999-12-31")]),
])
def test_an_exact_anniversary_is_the_day(mentions, lang, ref, want):
    assert read(mentions, lang, ref) == want


def test_an_exact_count_from_a_story_day_is_the_day():
    assert read([("3 May 1998", None), ("a year later", "exactly")], "en", "2005-01-01") == \
        [("1998-05-03", "1998-05-03"), ("1999-05-03", "1999-05-03")]


@pytest.mark.parametrize("mentions, lang, ref, want", [
    # a season within the story's period: the one that holds it
    ([("from November 2000 until March 2001", None), ("the winter", None)], "en", "2015-02-02",
     [("2000-11-01", "2001-03-31"), ("2000-12-01", "2001-02-28")]),
    # a month just before a season of the story: that year's, not the next
    ([("zimą 2001/2002", None), ("październiku", None)], "pl", "2015-02-02",
     [("2001-12-01", "2002-02-28"), ("2001-10-01", "2001-10-31")]),
    # the season just before the story's season
    ([("latem 2003 roku", None), ("wiosną", None)], "pl", "2015-02-02",
     [("2003-06-01", "2003-08-31"), ("2003-03-01", "2003-05-31")]),
    # far back: the next year's, as before
    ([("October 2000", None), ("April", None)], "en", "2015-02-02",
     [("2000-10-01", "2000-10-31"), ("2001-04-01", "2001-04-30")]),
])
def test_a_month_or_season_next_to_the_story_period(mentions, lang, ref, want):
    assert read(mentions, lang, ref) == want


@pytest.mark.parametrize("mentions, lang, ref, want", [
    ([("jesienią ubiegłego roku", None), ("końcu października", None)], "pl", "2002-05-06",
     [("2001-09-01", "2001-11-30"), ("2001-10-21", "2001-10-31")]),
    ([("February last year", None), ("early March", None)], "en", "2002-11-06",
     [("2001-02-01", "2001-02-28"), ("2001-03-01", "2001-03-10")]),
])
def test_a_month_or_season_of_another_year_counted_from_the_date_of_writing_is_the_story_time(
        mentions, lang, ref, want):
    assert read(mentions, lang, ref) == want


@pytest.mark.parametrize("text, lang, prev, want", [
    ("trzy dekady po tamtej jesieni", "pl", ("1991-FA", "1991-09-01", "1991-11-30"), ("2021-01-01", "2021-12-31")),
    ("two decades after that summer", "en", ("1995-SU", "1995-06-01", "1995-08-31"), ("2015-01-01", "2015-12-31")),
])
def test_decades_counted_from_a_season_keep_the_year(text, lang, prev, want):
    p = {"status": "resolved", "value": prev[0], "start": prev[1], "end": prev[2]}
    n = D.normalise(text, lang, "2023-01-01", p)
    assert (n["start"], n["end"]) == want


@pytest.mark.parametrize("text, lang, want", [
    # the n-th Monday-Sunday week with four or more days in the month; the last such
    ("the first week of May 1999", "en", ("1999-05-03", "1999-05-09")),      # 1 May 1999 a Saturday
    ("pierwszym tygodniu kwietnia 1999 r.", "pl", ("1999-03-29", "1999-04-04")),  # 1 April a Thursday
    ("the last week of March 1999", "en", ("1999-03-22", "1999-03-28")),     # 31 March a Wednesday
    ("ostatnim tygodniu maja 1999 r.", "pl", ("1999-05-24", "1999-05-30")),
])
def test_the_weeks_of_a_month_have_four_days_or_more_in_it(text, lang, want):
    n = D.normalise(text, lang, "2005-01-01")
    assert (n["start"], n["end"]) == want


@pytest.mark.parametrize("text, lang, tense, want", [
    # at the story's time (a Thursday): the weekend of its week, or of the next
    ("that weekend", "en", None, ("1999-06-12", "1999-06-13")),
    ("the following weekend", "en", None, ("1999-06-19", "1999-06-20")),
    ("kolejny weekend", "pl", None, ("1999-06-19", "1999-06-20")),
    # from the date of writing (a Wednesday): the last one, or in the future tense the coming one
    ("the weekend", "en", "past", ("1999-06-19", "1999-06-20")),
    ("the weekend", "en", "future", ("1999-06-26", "1999-06-27")),
])
def test_weekends(text, lang, tense, want):
    prev = {"status": "resolved", "value": "1999-06-10", "start": "1999-06-10", "end": "1999-06-10"}
    n = D.normalise(text, lang, "1999-06-23", prev, tense=tense)
    assert (n["start"], n["end"]) == want


@pytest.mark.parametrize("text, lang, want", [
    ("Orthodox Easter", "en", ("2001-04-15", "2001-04-15")),        # 2001: both churches on 15 April
    ("prawosławnej Wielkanocy 1999", "pl", ("1999-04-11", "1999-04-11")),
    ("Easter 1999", "en", ("1999-04-04", "1999-04-04")),
    ("Boże Narodzenie 1998", "pl", ("1998-12-25", "1998-12-26")),
    # the period after / before the story's date, written with the unit first
    ("the day after", "en", ("2001-03-11", "2001-03-11")),
    ("the week before", "en", ("2001-02-26", "2001-03-04")),
    ("the year after", "en", ("2002-01-01", "2002-12-31")),
    # a part of the day with a preposition before its day
    ("midnight on 12 March", "en", ("2001-03-12", "2001-03-12")),
])
def test_holidays_and_periods_around_the_story_date(text, lang, want):
    prev = {"status": "resolved", "value": "2001-03-10", "start": "2001-03-10", "end": "2001-03-10"}
    n = D.normalise(text, lang, "2001-06-01", prev)
    assert (n["start"], n["end"]) == want


@pytest.mark.parametrize("text, lang, want", [
    # the ten-day parts of a month (Polish "dekada" of a month)
    ("pierwszej dekadzie kwietnia", "pl", ("2001-04-01", "2001-04-10")),
    ("drugiej dekadzie lutego 2000 r.", "pl", ("2000-02-11", "2000-02-20")),
    ("ostatniej dekadzie lutego 2000 r.", "pl", ("2000-02-21", "2000-02-29")),
    # "later" / "earlier" do not narrow the period they lead
    ("later that year", "en", ("2001-01-01", "2001-12-31")),
    ("earlier that day", "en", ("2001-03-10", "2001-03-10")),
    ("później tego samego dnia", "pl", ("2001-03-10", "2001-03-10")),
    ("that same evening", "en", ("2001-03-10", "2001-03-10")),
    # the early hours keep their day
    ("the early hours of 11 March", "en", ("2001-03-11", "2001-03-11")),
])
def test_parts_of_a_month_and_periods_at_the_story_date(text, lang, want):
    prev = {"status": "resolved", "value": "2001-03-10", "start": "2001-03-10", "end": "2001-03-10"}
    n = D.normalise(text, lang, "2001-06-01", prev)
    assert (n["start"], n["end"]) == want


def test_a_decade_of_years_is_still_ten_years():
    n = D.normalise("dwie dekady później", "pl", "2021-06-01",
                    {"status": "resolved", "value": "1999", "start": "1999-01-01", "end": "1999-12-31"})
    assert (n["start"], n["end"]) == ("2019-01-01", "2019-12-31")
