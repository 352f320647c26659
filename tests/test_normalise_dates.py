"""Date normalisation on expressions written for the tests: explicit, partial, ranges,
weekdays and relative expressions, Polish inflected month names."""
import pytest

from kosnlp.normalise.dates import DateNormaliser

D = DateNormaliser()


def day(v):
    return {"status": "resolved", "value": v, "start": v, "end": v}


def norm(text, lang, ref=None, prev=None):
    return D.normalise(text, lang, ref, prev)


@pytest.mark.parametrize("text, lang, ref, value, start, end", [
    ("24 marca 1999 r.", "pl", None, "1999-03-24", "1999-03-24", "1999-03-24"),
    ("24 marca 1999 roku", "pl", None, "1999-03-24", "1999-03-24", "1999-03-24"),
    ("30 marca", "pl", "1999", "1999-03-30", "1999-03-30", "1999-03-30"),
    ("w kwietniu", "pl", "1999", "1999-04", "1999-04-01", "1999-04-30"),
    ("kwietnia 1999", "pl", None, "1999-04", "1999-04-01", "1999-04-30"),
    ("lutym 1998", "pl", None, "1998-02", "1998-02-01", "1998-02-28"),
    ("1999", "en", None, "1999", "1999-01-01", "1999-12-31"),
    ("June 3, 1999", "en", None, "1999-06-03", "1999-06-03", "1999-06-03"),
    ("Tuesday", "en", "1999-06-08", "1999-06-08", "1999-06-08", "1999-06-08"),
    ("Friday", "en", "1999-06-08", "1999-06-04", "1999-06-04", "1999-06-04"),
    ("w środę", "pl", "1999-06-08", "1999-06-09", "1999-06-09", "1999-06-09"),
    ("last week", "en", "1999-06-08", "1999-W22", "1999-05-31", "1999-06-06"),
    ("w zeszłym tygodniu", "pl", "1999-06-08", "1999-W22", "1999-05-31", "1999-06-06"),
    ("yesterday", "en", "1999-06-08", "1999-06-07", "1999-06-07", "1999-06-07"),
    ("wczoraj", "pl", "1999-04-01", "1999-03-31", "1999-03-31", "1999-03-31"),
    ("jutro", "pl", "1999-12-31", "2000-01-01", "2000-01-01", "2000-01-01"),
    ("this morning", "en", "1999-06-08", "1999-06-08", "1999-06-08", "1999-06-08"),
    ("przedwczoraj", "pl", "1999-03-01", "1999-02-27", "1999-02-27", "1999-02-27"),
    ("from March 24 to June 10", "en", "1999-06-20", "1999-03-24/1999-06-10", "1999-03-24", "1999-06-10"),
    ("od 24 marca do 10 czerwca 1999 r.", "pl", None, "1999-03-24/1999-06-10", "1999-03-24", "1999-06-10"),
    ("10-12 czerwca 1999", "pl", None, "1999-06-10/1999-06-12", "1999-06-10", "1999-06-12"),
    ("April and May 1999", "en", None, "1999-04/1999-05", "1999-04-01", "1999-05-31"),
    ("late April", "en", "1999-06-08", "1999-04", "1999-04-21", "1999-04-30"),
    ("początku maja", "pl", "1999", "1999-05", "1999-05-01", "1999-05-10"),
    ("mid-1998", "en", None, "1998", "1998-05-01", "1998-08-31"),
    ("last summer", "en", "1999-03-26", "1998-SU", "1998-06-01", "1998-08-31"),
    ("XX w.", "pl", None, "19", "1901-01-01", "2000-12-31"),
    ("November", "en", "1999-03-26", "1998-11", "1998-11-01", "1998-11-30"),  # nearest November
    ("two years ago", "en", "1999-06-08", "1997", "1997-01-01", "1997-12-31"),
    # seasons with a year, in both word orders and with "of" / "roku"
    ("summer of 1998", "en", None, "1998-SU", "1998-06-01", "1998-08-31"),
    ("wiosną 1999 r.", "pl", None, "1999-SP", "1999-03-01", "1999-05-31"),
    ("latem 2001 roku", "pl", None, "2001-SU", "2001-06-01", "2001-08-31"),
    # decades: TIMEX3 value of three digits; a Polish decade takes the anchor's century
    ("the 1980s", "en", None, "198", "1980-01-01", "1989-12-31"),
    ("latach 70.", "pl", "2004-05-01", "197", "1970-01-01", "1979-12-31"),
    ("lat 90. XX w.", "pl", None, "199", "1990-01-01", "1999-12-31"),
    # a part of a day keeps its day
    ("Sunday evening", "en", "2003-11-12", "2003-11-09", "2003-11-09", "2003-11-09"),
    ("Tuesday morning", "en", "2003-11-12", "2003-11-11", "2003-11-11", "2003-11-11"),
    ("we wtorek wieczorem", "pl", "2003-11-12", "2003-11-11", "2003-11-11", "2003-11-11"),
    ("wczoraj rano", "pl", "2003-11-12", "2003-11-11", "2003-11-11", "2003-11-11"),
    # a month of the previous or next year, counted from the reference date
    ("lutym ubiegłego roku", "pl", "2009-06-12", "2008-02", "2008-02-01", "2008-02-29"),
    # written-out Polish day ordinals
    ("dwudziestego czwartego marca 1999 r.", "pl", None, "1999-03-24", "1999-03-24", "1999-03-24"),
    ("piątego maja 2002", "pl", None, "2002-05-05", "2002-05-05", "2002-05-05"),
    # "na przełomie" of two months: the end of the first and the start of the second
    ("przełomie lutego i marca 1998 r.", "pl", None, "1998-02/1998-03", "1998-02-21", "1998-03-10"),
])
def test_values(text, lang, ref, value, start, end):
    n = norm(text, lang, ref)
    assert (n.get("value"), n.get("start"), n.get("end")) == (value, start, end), n


def test_anchors_are_recorded():
    assert norm("24 marca 1999 r.", "pl")["anchor"] is None
    n = norm("30 marca", "pl", "1999-06-08")
    assert n["anchor"] == "reference_date" and n["anchor_value"] == "1999-06-08"
    n = norm("następnego dnia", "pl", None, day("1999-06-09"))
    assert (n["value"], n["anchor"], n["anchor_value"]) == ("1999-06-10", "previous_date", "1999-06-09")
    n = norm("three days later", "en", "1999-01-01", day("1999-03-18"))
    assert n["value"] == "1999-03-21" and n["anchor"] == "previous_date"  # anaphora: the previous date first
    n = norm("30 marca", "pl", None, day("1999-05-06"))
    assert n["value"] == "1999-03-30" and n["anchor"] == "previous_date"


@pytest.mark.parametrize("text, lang, prev, value", [
    ("the same day", "en", "2001-02-03", "2001-02-03"),
    ("tego samego dnia", "pl", "2001-02-03", "2001-02-03"),
    ("the next morning", "en", "2001-02-03", "2001-02-04"),
    ("następnego ranka", "pl", "2001-02-28", "2001-03-01"),
])
def test_days_counted_from_the_previous_date(text, lang, prev, value):
    n = norm(text, lang, "2010-10-10", day(prev))
    assert (n["value"], n["anchor"]) == (value, "previous_date"), n


def test_the_following_period_is_counted_from_the_previous_date():
    prev = {"status": "resolved", "value": "1995-11", "start": "1995-11-01", "end": "1995-11-30"}
    assert norm("the following year", "en", "2010-12-14", prev)["value"] == "1996"
    assert norm("następnego roku", "pl", "2010-12-14", prev)["value"] == "1996"
    assert norm("the following month", "en", "2010-12-14", prev)["value"] == "1995-12"
    assert norm("the preceding year", "en", "2010-12-14", prev)["value"] == "1994"
    assert norm("next year", "en", "2010-12-14", prev)["value"] == "2011"  # without "following": the reference's


def test_without_anchor_unresolved_with_reason():
    for text, lang in [("Tuesday", "en"), ("last week", "en"), ("30 marca", "pl"), ("w kwietniu", "pl"),
                       ("five days later", "en"), ("from March 24 to June 10", "en"), ("the same day", "en"),
                       ("lat 90.", "pl"), ("the following year", "en"), ("Sunday evening", "en")]:
        assert norm(text, lang) == {"status": "unresolved", "reason": "no anchor"}, text


def test_not_calendar_expressions_are_unresolved():
    assert norm("the talks", "en", "1999-06-08")["status"] == "unresolved"
    assert norm("Rosji", "pl", "1999")["status"] == "unresolved"


def test_parses_do_not_depend_on_the_day_the_pipeline_runs(monkeypatch):
    # dateparser reads from a fixed base and the anchor is applied afterwards: a leap day
    # parses in any year the tests run, and deictic words count from each anchor
    assert norm("29 lutego", "pl", "2000-03-05")["value"] == "2000-02-29"
    assert norm("yesterday", "en", "2000-03-01")["value"] == "2000-02-29"
    assert norm("yesterday", "en", "1999-03-01")["value"] == "1999-02-28"
    import dateparser.date
    calls = []
    real = dateparser.date.DateDataParser.get_date_data
    monkeypatch.setattr(dateparser.date.DateDataParser, "get_date_data",
                        lambda self, text, *a, **k: calls.append(text) or real(self, text, *a, **k))
    for ref in ("1999-04-01", "1999-05-02", "1999-06-03"):
        assert norm("pojutrze", "pl", ref)["status"] == "resolved"
        assert norm("12 maja 1998", "pl", ref)["value"] == "1998-05-12"
    assert calls.count("pojutrze") <= 1 and calls.count("12 maja 1998") <= 1  # each text parsed once


def chain(mentions, lang, ref):
    """Normalise mentions in reading order as the component does: each gets the previous date."""
    prev, out = None, []
    for text, word_before in mentions:
        n = D.normalise(text, lang, ref, prev)
        prev = D.previous_after(prev, n, ref, lang, word_before)
        out.append(n.get("value"))
    return out


def test_a_date_without_a_year_takes_the_story_time():
    # a retrospective written in 2011 about 2001: the explicit date puts 2001 in focus
    assert chain([("14 March 2001", "On"), ("June", "in"), ("2 July", "On")], "en", "2011-05-20") == \
        ["2001-03-14", "2001-06", "2001-07-02"]
    assert chain([("5 maja 2001 r.", None), ("wrześniu", "we")], "pl", "2011-05-20") == ["2001-05-05", "2001-09"]
    # a chronicle of a year published early in the next: the year heading is the focus
    assert chain([("2002", None), ("3 lutego", None), ("11 listopada", None)], "pl", "2003-01-09") == \
        ["2002", "2002-02-03", "2002-11-11"]
    # without a date written with its year, the reference date decides (news)
    assert chain([("yesterday", None), ("12 April", "On")], "en", "2003-05-02") == ["2003-05-01", "2003-04-12"]


def test_the_story_stays_in_its_year():
    # a month after a date of the story is in the story's year (HeidelTime's narrative rule) ...
    assert chain([("June 2002", "in"), ("April", "in"), ("November", "in")], "en", "2012-01-01") == \
        ["2002-06", "2002-04", "2002-11"]
    # ... and a season takes the instance holding the story's time, or the nearest
    assert chain([("October 2002", "in"), ("winter", "the"), ("April", "in")], "en", "2012-01-01") == \
        ["2002-10", "2002-WI", "2003-04"]


def test_a_dateline_or_a_duration_bound_is_no_story_time():
    # "since 1971" bounds a duration: 12 March is the reference date's
    assert chain([("1971", "since"), ("12 March", "On"), ("Twelve days later", None)], "en", "2003-04-07") == \
        ["1971", "2003-03-12", "2003-03-24"]
    # a dateline restating the date of writing keeps the story's year in focus
    assert chain([("2002", None), ("9 stycznia 2003 r.", None), ("1 stycznia", None)], "pl", "2003-01-09") == \
        ["2002", "2003-01-09", "2002-01-01"]


def test_deictic_words_count_from_the_time_of_writing_only():
    # the reference is known only to the year: "today" is not the story's last date
    prev = day("2001-06-10")
    assert norm("dziś", "pl", "2011", prev) == {"status": "unresolved", "reason": "reference date known only to the year"}
    assert norm("today", "en", "2011-02-03", prev)["value"] == "2011-02-03"


def test_this_season_said_just_after_it_is_the_one_that_ended():
    assert norm("tej zimy", "pl", "2005-03-20")["value"] == "2004-WI"
    assert norm("this summer", "en", "2005-07-01")["value"] == "2005-SU"


def test_a_dateline_sets_the_date_of_writing():
    import kosnlp
    nlp = kosnlp.load("pl")
    text = ("Obóz pod miastem\n\nKukës (Albania), 3 maja\n\n"
            "Dziś rano przyjechały tu kolejne ciężarówki z uchodźcami.\n")
    doc = nlp.pipe([text], component_cfg={"kosnlp_normaliser": {"reference_date": "2001-05-05"}})
    dates = {e.text: e._.norm for e in next(iter(doc)).ents if e.label_ == "DATE"}
    assert dates["3 maja"]["value"] == "2001-05-03"
    assert next(v for k, v in dates.items() if k.startswith("Dziś"))["value"] == "2001-05-03"


@pytest.mark.parametrize("text, lang, ref, value, start, end", [
    # a weekday with the date of its day
    ("Tuesday 14 May 2002", "en", None, "2002-05-14", "2002-05-14", "2002-05-14"),
    ("czwartek, 6 czerwca 2002 r.", "pl", None, "2002-06-06", "2002-06-06", "2002-06-06"),
    # first / last day of a month, the n-th week of a month (the first holds day 1)
    ("the last day of February", "en", "2004-06-01", "2004-02-29", "2004-02-29", "2004-02-29"),
    ("second week of July", "en", "2002-09-01", "2002-W28", "2002-07-08", "2002-07-14"),
    # the deictic period of the date of writing, moved back
    ("Ten years ago this week", "en", "2012-10-10", "2002-W41", "2002-10-07", "2002-10-13"),
    ("twenty years ago this morning", "en", "2021-05-02", "2001-05-02", "2001-05-02", "2001-05-02"),
    # holidays: Western Easter, Christmas days
    ("Easter", "en", "2002-05-01", "2002-03-31", "2002-03-31", "2002-03-31"),
    ("świętami", "pl", "2002-12-01", "2002-12-24/2002-12-26", "2002-12-24", "2002-12-26"),
    # a night between two days, year ranges after "lata"
    ("nocy z piątego na szóstego maja", "pl", "2002-06-01", "2002-05-05/2002-05-06", "2002-05-05", "2002-05-06"),
    ("latach 1991–1995", "pl", None, "1991/1995", "1991-01-01", "1995-12-31"),
    # "br." is the year of writing; "minionego roku" the one before
    ("1 marca br.", "pl", "2002-06-01", "2002-03-01", "2002-03-01", "2002-03-01"),
    ("minionego roku", "pl", "2002-06-01", "2001", "2001-01-01", "2001-12-31"),
])
def test_more_calendar_expressions(text, lang, ref, value, start, end):
    n = norm(text, lang, ref)
    assert (n.get("value"), n.get("start"), n.get("end")) == (value, start, end), n


def test_that_season_is_at_the_story_time():
    assert chain([("marca 2002 r.", None), ("tamtej jesieni", None)], "pl", "2012-01-01") == ["2002-03", "2002-FA"]


def test_a_year_counted_from_the_date_of_writing_sets_the_story_year():
    # a chronicle of last year: its day-month entries are in that year
    assert chain([("minionego roku", None), ("STYCZEŃ", None), ("3 lutego", None)], "pl", "2003-01-09") == \
        ["2002", "2002-01", "2002-02-03"]
    # a season said in spring: the one holding the date, else the nearest
    assert norm("latem", "pl", "2003-04-20")["value"] == "2003-SU"


def test_a_story_date_is_not_after_the_date_of_writing():
    # told in March 2003: October after January 2003 is the October before
    assert chain([("January 2003", "in"), ("October", "in")], "en", "2003-03-20") == ["2003-01", "2002-10"]


def test_lata_before_one_year_is_its_summer_before_a_range_the_years():
    assert norm("lata 2001 r.", "pl", "2008-07-16")["value"] == "2001-SU"
    assert norm("lata 1999", "pl", "2008-07-16")["value"] == "1999-SU"
    assert (norm("latach 1997–2000", "pl", "2008-07-16")["start"], norm("latach 1997–2000", "pl", "2008-07-16")["end"]) \
        == ("1997-01-01", "2000-12-31")


def test_next_weekday_said_the_day_before_it_is_the_one_a_week_on():
    # written on Wednesday 12 June 2019
    assert norm("next Thursday", "en", "2019-06-12")["value"] == "2019-06-20"
    assert norm("next Friday", "en", "2019-06-12")["value"] == "2019-06-14"
    assert norm("coming Thursday", "en", "2019-06-12")["value"] == "2019-06-13"
    assert norm("przyszły czwartek", "pl", "2019-06-12")["value"] == "2019-06-20"
    assert norm("najbliższy czwartek", "pl", "2019-06-12")["value"] == "2019-06-13"


@pytest.mark.parametrize("text, lang, value", [
    ("siedemnaście lat temu", "pl", "1999"), ("trzynastu lat", "pl", None), ("dziewiętnaście lat temu", "pl", "1997"),
    ("seventeen years ago", "en", "1999"), ("thirteen years later", "en", "2012"), ("eighteen months later", "en", "2000-12"),
])
def test_counts_in_teen_words(text, lang, value):
    prev = day("1999-06-12")
    got = norm(text, lang, "2016-09-12", prev)
    assert got.get("value") == value
