"""Story time on mention sequences written for the tests: the last narrative date kept apart
from the date of writing, counts without a number, "that year", seasons of a year, the first /
last days of a period, numeric dates, Polish "przed" / "za" counts."""
import pytest

from kosnlp.normalise.dates import DateNormaliser
from kosnlp.normalise.story_time import StoryTime

D = DateNormaliser()


def read(mentions, lang, ref):
    """Normalise mentions in reading order through StoryTime, as the spaCy component does."""
    story, out = StoryTime(ref), []
    for text in mentions:
        n = D.normalise(text, lang, **story.anchors)
        story.advance(n, lang, None, False)
        out.append(n.get("value") or n.get("reason"))
    return out


def test_years_later_count_from_the_story_not_from_today():
    # a memoir of 2012 about 2002: "today" does not move the story's time
    assert read(["15 maja 2002 r.", "dziś", "trzy lata później"], "pl", "2012-04-02") == \
        ["2002-05-15", "2012-04-02", "2005"]
    assert read(["In March 2003", "today", "two years later"], "en", "2013-09-09") == ["2003-03", "2013-09-09", "2005"]


def test_a_count_past_the_date_of_writing_falls_back_on_the_main_year_or_stays_unresolved():
    # mostly about 2002, then a note on 2008; "ten years later" from 2008 would pass 2013
    assert read(["5 maja 2002 r.", "8 sierpnia 2002 r.", "marcu 2008 roku", "dziesięć lat później"], "pl",
                "2013-01-20") == ["2002-05-05", "2002-08-08", "2008-03", "2012"]
    # a report of 2002 cannot tell of 2007
    assert read(["4 July 2002", "five years later"], "en", "2002-07-20") == \
        ["2002-07-04", "counted past the date of writing"]


def test_that_season_said_from_the_present_of_a_retrospective_is_the_main_years():
    assert read(["Osiem lat temu", "6 lipca 2003 r.", "wrześniu", "Dziś", "tamtej zimy"], "pl", "2011-07-06") == \
        ["2003", "2003-07-06", "2003-09", "2011-07-06", "2003-WI"]
    # told without a jump to the present: the last narrative date's
    assert read(["4 May 2005", "that summer"], "en", "2010-01-10") == ["2005-05-04", "2005-SU"]


@pytest.mark.parametrize("mentions, lang, ref, values", [
    (["12 lutego 2001 r.", "rok później"], "pl", "2006-03-03", ["2001-02-12", "2002"]),
    (["12 lutego 2001 r.", "miesiąc wcześniej"], "pl", "2006-03-03", ["2001-02-12", "2001-01"]),
    (["12 lutego 2001 r.", "tydzień później"], "pl", "2006-03-03", ["2001-02-12", "2001-W08"]),
    (["przed tygodniem"], "pl", "2001-05-16", ["2001-W19"]),
    (["przed dwoma laty"], "pl", "2001-05-16", ["1999"]),
    (["przed rokiem"], "pl", "2001-05-16", ["2000"]),
    (["za dwa dni"], "pl", "2001-05-16", ["2001-05-18"]),
    (["za miesiąc"], "pl", "2001-05-16", ["2001-06"]),
])
def test_counts_of_one_unit_and_polish_przed_za(mentions, lang, ref, values):
    assert read(mentions, lang, ref) == values


@pytest.mark.parametrize("mentions, lang, values", [
    (["3 października 2000 r.", "tego samego roku"], "pl", ["2000-10-03", "2000"]),
    (["3 października 2000 r.", "tamtego roku"], "pl", ["2000-10-03", "2000"]),
    (["3 October 2000", "that year"], "en", ["2000-10-03", "2000"]),
    (["3 October 2000", "that same month"], "en", ["2000-10-03", "2000-10"]),
    (["3 października 2000 r.", "tej samej nocy"], "pl", ["2000-10-03", "2000-10-03"]),
])
def test_the_same_year_or_month_is_the_story_dates(mentions, lang, values):
    assert read(mentions, lang, "2005-01-01") == values


def test_the_day_after_a_few_days_is_the_day_after_the_last_of_them():
    assert read(["January 2002", "4 and 5 March", "the following evening"], "en", "2009-09-09") == \
        ["2002-01", "2002-03-04/2002-03-05", "2002-03-06"]
    assert read(["stycznia 2002 r.", "4–5 marca", "dzień wcześniej"], "pl", "2009-09-09") == \
        ["2002-01", "2002-03-04/2002-03-05", "2002-03-03"]


def test_a_season_of_a_year_reference_is_that_years():
    # the reference gives only the year: spring of that year, not of the next
    assert D.normalise("wiosną", "pl", "2002")["value"] == "2002-SP"
    assert D.normalise("the autumn", "en", "2002")["value"] == "2002-FA"


def test_a_season_as_far_behind_as_ahead_follows_the_date_the_text_gave_last():
    # said in mid-April: autumn is about as far back as ahead; after "latem" (this summer) it is the coming one
    assert read(["latem", "jesienią"], "pl", "2001-04-15") == ["2001-SU", "2001-FA"]
    assert read(["zeszłej zimy", "jesienią"], "pl", "2001-04-15") == ["2000-WI", "2000-FA"]


@pytest.mark.parametrize("text, lang, ref, start, end", [
    ("w pierwszych dniach maja", "pl", "2001-06-01", "2001-05-01", "2001-05-10"),
    ("w ostatnich dniach roku", "pl", "2001-06-01", "2001-12-21", "2001-12-31"),
    ("the last days of August", "en", "2001-09-15", "2001-08-21", "2001-08-31"),
    ("the first days of 2002", "en", None, "2002-01-01", "2002-01-10"),
    ("pod koniec roku", "pl", "2001-06-01", "2001-09-01", "2001-12-31"),
    ("the end of the month", "en", "2001-06-14", "2001-06-21", "2001-06-30"),
])
def test_first_and_last_days_of_a_period(text, lang, ref, start, end):
    n = D.normalise(text, lang, ref)
    assert (n["start"], n["end"]) == (start, end)


@pytest.mark.parametrize("text, lang, ref, value", [
    ("17.09.2001", "pl", None, "2001-09-17"),
    ("17.09.2001 r.", "pl", None, "2001-09-17"),
    ("17 IX 2001 r.", "pl", None, "2001-09-17"),
    ("2001-09-17", "en", None, "2001-09-17"),
    ("w dniach 3–5 lipca 2001 r.", "pl", None, "2001-07-03/2001-07-05"),
    ("w dniu 8 lipca", "pl", "2001-07-10", "2001-07-08"),
    ("w nocy 8 lipca", "pl", "2001-07-10", "2001-07-08"),
    ("w zeszłą środę", "pl", "2001-07-10", "2001-07-04"),
    ("tego lata", "pl", "2001-07-10", "2001-SU"),
    ("w latach dziewięćdziesiątych", "pl", "2001-07-10", "199"),
    ("the eighties", "en", "2001-07-10", "198"),
])
def test_numeric_dates_lead_words_and_written_out_decades(text, lang, ref, value):
    assert D.normalise(text, lang, ref)["value"] == value


def test_today_with_a_reference_year_only_says_why_it_is_unresolved():
    assert D.normalise("dzisiaj", "pl", "2002") == {"status": "unresolved",
                                                    "reason": "reference date known only to the year"}


@pytest.mark.parametrize("sentence, mention, lang, tense", [
    ("The delegation was in Skopje on Friday.", "Friday", "en", "past"),
    ("The text could be adopted by Friday.", "Friday", "en", None),       # a passive "-ed" is no past
    ("The ministers approved the plan on Friday, saying that the truce will hold.", "Friday", "en", "past"),
    ("The sides agreed late on Friday that troops will leave.", "Friday", "en", "past"),
    ("The agreed text is ready for Friday.", "Friday", "en", None),        # "-ed" after an article: an adjective
    ("The council was expected to vote on Friday.", "Friday", "en", "future"),  # expected, scheduled: ahead
    ("The delegation will arrive on Friday.", "Friday", "en", "future"),
    ("W piątek delegacja przyjechała do stolicy.", "piątek", "pl", "past"),
    ("W piątek delegacja będzie w stolicy.", "piątek", "pl", "future"),
    ("Jeśli w piątek nie ma rozmów, to w sobotę.", "sobotę", "pl", None),   # "jeśli" is no past verb
    ("Michał w piątek.", "piątek", "pl", None),                             # a name is no cue
])
def test_the_tense_cue_nearest_a_date(sentence, mention, lang, tense):
    from kosnlp.normalise.tense import tense_at
    assert tense_at(sentence, sentence.index(mention), lang, len(mention)) == tense


@pytest.mark.parametrize("text, lang, tense, value", [
    # written on Thursday 2001-05-10: a past-tense Saturday is the one five days before
    ("w sobotę", "pl", "past", "2001-05-05"),
    ("w sobotę", "pl", None, "2001-05-12"),        # no cue: the window around the date of writing
    ("on Monday", "en", "future", "2001-05-14"),
    ("on Thursday", "en", "future", "2001-05-17"),  # said on a Thursday about the future: next week's
    ("in the autumn", "en", "past", "2000-FA"),
    ("jesienią", "pl", "future", "2001-FA"),
])
def test_tense_turns_a_weekday_or_season_from_the_date_of_writing(text, lang, tense, value):
    assert D.normalise(text, lang, "2001-05-10", tense=tense)["value"] == value


@pytest.mark.parametrize("text, lang, ref, value, start, end", [
    ("w drugiej połowie 2002 r.", "pl", None, "2002-H2", "2002-07-01", "2002-12-31"),
    ("the first half of 2003", "en", None, "2003-H1", "2003-01-01", "2003-06-30"),
    ("w pierwszej połowie lipca", "pl", "2003-09-09", "2003-07", "2003-07-01", "2003-07-15"),
    ("w połowie lat 80.", "pl", "2003-09-09", "198", "1980-01-01", "1989-12-31"),  # too vague to narrow
    ("wiosną ubiegłego roku", "pl", "2003-09-09", "2002-SP", "2002-03-01", "2002-05-31"),
    ("zimą przyszłego roku", "pl", "2003-09-09", "2004-WI", "2004-12-01", "2005-02-28"),
    ("w niedzielny wieczór", "pl", "2003-09-09", "2003-09-07", "2003-09-07", "2003-09-07"),
])
def test_halves_seasons_of_a_shifted_year_and_weekday_adjectives(text, lang, ref, value, start, end):
    n = D.normalise(text, lang, ref)
    assert (n["value"], n["start"], n["end"]) == (value, start, end)


@pytest.mark.parametrize("text, lang, ref, value", [
    ("dnia 3 maja 2002 r.", "pl", None, "2002-05-03"),
    ("3 maja 2002 r. o godz. 14.30", "pl", None, "2002-05-03"),
    ("3 May 2002 at 2 p.m.", "en", None, "2002-05-03"),
    ("3 maja (piątek)", "pl", "2002-05-06", "2002-05-03"),
    ("3 maja, w piątek", "pl", "2002-05-06", "2002-05-03"),
    ("w dniu wczorajszym", "pl", "2002-05-06", "2002-05-05"),
    ("zeszłej nocy", "pl", "2002-05-06", "2002-05-05"),
    ("last night", "en", "2002-05-06", "2002-05-05"),
])
def test_clock_times_weekdays_after_the_date_and_deictic_phrases(text, lang, ref, value):
    assert D.normalise(text, lang, ref)["value"] == value


def test_hours_later_stay_on_the_day():
    assert read(["4 lutego 2002 r.", "dwie godziny później"], "pl", "2002-03-01") == ["2002-02-04", "2002-02-04"]
    assert read(["4 February 2002", "two hours later"], "en", "2002-03-01") == ["2002-02-04", "2002-02-04"]


def test_last_year_from_a_year_only_reference_is_unresolved():
    # a reference known only to the year is the year the text is about, not the date of writing
    for text in ("w kwietniu ubiegłego roku", "w przyszłym tygodniu"):
        assert D.normalise(text, "pl", "2002") == {"status": "unresolved",
                                                   "reason": "reference date known only to the year"}
    assert D.normalise("w tym roku", "pl", "2002")["value"] == "2002"


@pytest.mark.parametrize("text, lang, value", [
    ("trzy dni po 5 czerwca 2002 r.", "pl", "2002-06-08"),
    ("dwa tygodnie przed 5 czerwca 2002 r.", "pl", "2002-W21"),
    ("four days after 5 June 2002", "en", "2002-06-09"),
    ("a month before June 2002", "en", "2002-05"),
])
def test_a_count_from_a_date_in_the_mention(text, lang, value):
    assert D.normalise(text, lang)["value"] == value


@pytest.mark.parametrize("text, lang, ref, value, mod", [
    ("między 3 marca a 9 kwietnia", "pl", "2002-05-01", "2002-03-03/2002-04-09", None),
    ("between 3 March and 9 April", "en", "2002-05-01", "2002-03-03/2002-04-09", None),
    ("zimą 2001/2002", "pl", None, "2001-WI", None),
    ("dekadę wcześniej", "pl", "2002-05-01", "1992", None),
    ("niespełna rok temu", "pl", "2002-05-01", "2001", "LESS_THAN"),
    ("about two weeks ago", "en", "2002-05-01", "2002-W16", "APPROX"),
])
def test_between_winters_of_two_years_decades_and_approximate_counts(text, lang, ref, value, mod):
    n = D.normalise(text, lang, ref)
    assert (n["value"], n.get("mod")) == (value, mod)


def test_a_story_year_before_1000_is_an_anchor_not_a_crash():
    # a text whose dates lie mostly in a three-digit year (a history of antiquity, a table of numbers)
    n = D.normalise("two years later", "en", "1999-05-01", main_year=151)
    assert n["status"] in ("resolved", "unresolved")


def test_a_weekday_with_a_date_without_a_year_takes_the_year_in_which_they_agree():
    # a 2023 retrospective of 2002: the weekday puts the day in the year of writing
    assert read(["In May 2002", "Wednesday, March 8"], "en", "2023-06-01") == ["2002-05", "2023-03-08"]
    assert read(["maju 2002 r.", "środa, 8 marca"], "pl", "2023-06-01") == ["2002-05", "2023-03-08"]
    # the story's own year when the weekday agrees with it (8 March 2002 was a Friday)
    assert read(["In May 2002", "Friday, 8 March"], "en", "2023-06-01") == ["2002-05", "2002-03-08"]
    # a year next to the story's when the date of writing does not fit
    assert read(["In May 2002", "Saturday, March 8"], "en", "2023-06-01") == ["2002-05", "2003-03-08"]
    # no nearby year in which they agree: unresolved, with the reason
    assert read(["In May 2002", "Monday, March 8"], "en", "2023-06-01") == \
        ["2002-05", "weekday does not agree with the date"]
    # a year written out is kept even when the weekday disagrees (the writer's slip, not ours)
    assert read(["Thursday, March 8, 2002"], "en", "2023-06-01") == ["2002-03-08"]


def test_years_later_before_any_date_of_the_story_count_from_its_main_year():
    # a title "Ten years later" over a 2009 text about 1999: the story's year, not the date of writing
    assert StoryTime.expected(["Dziesięć lat później", "24 marca 1999", "1999 r.", "2008 roku"]) == 1999
    story = StoryTime("2009-03-24", StoryTime.expected(["marca 1999 r."]))
    n = D.normalise("Dziesięć lat później", "pl", **story.anchors)
    assert (n.get("value"), n.get("anchor")) == ("2009", "story_year")
    assert D.normalise("Twenty years later", "en", **story.anchors)["reason"] == "counted past the date of writing"
    # without a year in the text there is no story to count from
    assert D.normalise("Ten years later", "en", **StoryTime("2009-03-24").anchors)["reason"] == \
        "counted past the date of writing"
    # "in two years" still counts forward from the date of writing
    assert D.normalise("za dwa lata", "pl", "2009-03-24")["value"] == "2011"


@pytest.mark.parametrize("text,lang,value,start,end", [
    ("end of that summer", "en", "1999-SU", "1999-08-01", "1999-08-31"),
    ("the end of the summer of 1999", "en", "1999-SU", "1999-08-01", "1999-08-31"),
    ("early autumn 1998", "en", "1998-FA", "1998-09-01", "1998-09-30"),
    ("late winter 1998", "en", "1998-WI", "1999-02-01", "1999-02-28"),
    ("początku jesieni 1998", "pl", "1998-FA", "1998-09-01", "1998-09-30"),
])
def test_the_start_middle_or_end_of_a_season_is_its_first_second_or_third_month(text, lang, value, start, end):
    story = StoryTime("2009-06-12")
    story.advance(D.normalise("12 June 1999", "en", "2009-06-12"), "en", None, False)
    n = D.normalise(text, lang, **story.anchors)
    assert (n["value"], n["start"], n["end"]) == (value, start, end)


@pytest.mark.parametrize("text,lang,start,end", [
    ("na przełomie marca i kwietnia", "pl", "1999-03-21", "1999-04-10"),
    ("przełomie lutego i marca 1998 r.", "pl", "1998-02-21", "1998-03-10"),
    ("the turn of March and April", "en", "1999-03-21", "1999-04-10"),
    ("na przełomie 1998 i 1999 roku", "pl", "1998-09-01", "1999-04-30"),
    ("at the turn of 1998 and 1999", "en", "1998-09-01", "1999-04-30"),
    ("przełomie lat 80. i 90.", "pl", "1980-01-01", "1999-12-31"),  # of decades: too vague to narrow
])
def test_the_turn_of_two_months_or_years_is_the_end_of_one_and_the_start_of_the_next(text, lang, start, end):
    n = D.normalise(text, lang, "1999-06-16")
    assert (n["start"], n["end"]) == (start, end)


@pytest.mark.parametrize("text,lang,value", [
    ("półtora roku temu", "pl", "1997"),              # 18 months before June 1999: December 1997
    ("a year and a half ago", "en", "1997"),
    ("dwa i pół roku temu", "pl", "1996"),
    ("two and a half years later", "en", "2001"),      # from March 1999
    ("półtora miesiąca później", "pl", "1999-04"),
    ("a week and a half later", "en", "1999-W10"),
])
def test_counts_with_a_half_keep_the_granularity_of_their_unit(text, lang, value):
    prev = {"status": "resolved", "value": "1999-03-01", "start": "1999-03-01", "end": "1999-03-01", "anchor": None}
    assert D.normalise(text, lang, "1999-06-16", prev)["value"] == value


def test_a_day_later_in_a_story_of_another_year_without_a_day_is_not_counted_from_the_date_of_writing():
    # a 2009 memoir: "summer 1999", then "a day later" after an undated patrol, then "in September"
    assert read(["12 czerwca 1999 roku", "Latem", "Dzień później", "We wrześniu"], "pl", "2009-06-12") == \
        ["1999-06-12", "1999-SU", "no anchor", "1999-09"]
    assert read(["June 12, 1999", "the next day", "That summer", "the next day"], "en", "2009-06-12") == \
        ["1999-06-12", "1999-06-13", "1999-SU", "no anchor"]
    # news of its own day still counts from the date of writing
    assert read(["Dzień później"], "pl", "2009-06-12") == ["2009-06-13"]


@pytest.mark.parametrize("mentions, lang, values", [
    # a day counted back from the story's day is an aside: "the next morning", "that evening" count from the story's day
    (["piątek 14 maja 1999 r.", "Dzień wcześniej", "tego wieczoru"], "pl", ["1999-05-14", "1999-05-13", "1999-05-14"]),
    (["3 May 2001", "two days earlier", "the next morning"], "en", ["2001-05-03", "2001-05-01", "2001-05-04"]),
    # counted back again, it goes on from the aside
    (["3 May 2001", "the day before", "the day before"], "en", ["2001-05-03", "2001-05-02", "2001-05-01"]),
])
def test_a_day_counted_back_is_an_aside_the_next_day_counts_from_the_story(mentions, lang, values):
    assert read(mentions, lang, "2010-01-01") == values


@pytest.mark.parametrize("mentions, lang, values", [
    # a night is the turn of its two days: the evening before it is its first, the morning after its second
    (["maja 1999 r.", "nocy z 7 na 8 maja", "poprzedniego wieczoru"], "pl", ["1999-05", "1999-05-07/1999-05-08", "1999-05-07"]),
    (["maja 1999 r.", "nocy z 7 na 8 maja", "tego samego dnia", "następnego dnia"], "pl",
     ["1999-05", "1999-05-07/1999-05-08", "1999-05-07/1999-05-08", "1999-05-08"]),
    (["May 1999", "the night of 7-8 May", "the next morning"], "en", ["1999-05", "1999-05-07/1999-05-08", "1999-05-08"]),
])
def test_the_day_of_a_night_just_named_is_its_two_days(mentions, lang, values):
    assert read(mentions, lang, "2010-01-01") == values


def read_tensed(mentions, lang, ref):
    """As `read`, each mention with the tense of its sentence."""
    story, out = StoryTime(ref), []
    for text, tense in mentions:
        n = D.normalise(text, lang, **story.anchors, tense=tense)
        story.advance(n, lang, None, False)
        out.append(n.get("value") or n.get("reason"))
    return out


def read_told(mentions, lang, ref):
    """As `read`, each mention given with its tense and the word before it: (text, tense, before)."""
    story, out = StoryTime(ref), []
    for text, tense, before in mentions:
        n = D.normalise(text, lang, **story.anchors, tense=tense, before=before)
        story.advance(n, lang, before, False)
        out.append(n.get("value") or n.get("reason"))
    return out


@pytest.mark.parametrize("mentions, lang, values", [
    # a travel report narrated in the present: after a digression into 1999, "the next day" is the day after the
    # text's last day of the year of writing, and its "today" is that day, not the date of writing
    ([("czwartek, 6 lipca", "past"), ("lipcu 1999 r.", "past"), ("Następnego dnia", "present"), ("dziś", "present")],
     "pl", ["2017-07-06", "1999-07", "2017-07-07", "2017-07-07"]),
    ([("Thursday, 6 July", "past"), ("July 1999", "past"), ("the next morning", "present"), ("today", "present")],
     "en", ["2017-07-06", "1999-07", "2017-07-07", "2017-07-07"]),
    # told in the past, the day after a month of another year has no day to count from
    ([("czwartek, 6 lipca", "past"), ("lipcu 1999 r.", "past"), ("Następnego dnia", "past"), ("dziś", "present")],
     "pl", ["2017-07-06", "1999-07", "no anchor", "2017-07-20"]),
])
def test_a_next_day_told_in_the_present_moves_the_narrated_present(mentions, lang, values):
    assert read_tensed(mentions, lang, "2017-07-20") == values


@pytest.mark.parametrize("mentions, lang, values", [
    # "that Saturday": the Saturday the text named, however far back
    (["Saturday 8 May 1999", "10 May", "today", "that Saturday morning"], "en",
     ["1999-05-08", "1999-05-10", "2017-07-20", "1999-05-08"]),
    (["sobotę 8 maja 1999 r.", "dziś", "tamtej soboty"], "pl", ["1999-05-08", "2017-07-20", "1999-05-08"]),
])
def test_that_weekday_is_the_day_the_text_named_on_it(mentions, lang, values):
    assert read(mentions, lang, "2017-07-20") == values


def test_the_next_morning_after_a_week_is_the_days_after_its_days():
    assert read(["the second week of May 1999", "the next morning"], "en", "2017-07-20") == \
        ["1999-W19", "1999-05-11/1999-05-17"]


@pytest.mark.parametrize("mentions, lang, ref, last", [
    # the Sunday just named after the Saturday of the story, not the last Sunday before writing
    ([("niedzielę 9 maja", "past", "w"), ("sobotę 8 maja", "past", "w"), ("niedzielę wieczorem", "past", "w")],
     "pl", "1999-05-18", "1999-05-09"),
    # the Tuesday already read as the coming one, named again without a tense
    ([("Tuesday", "future", "on"), ("2013", "past", "in"), ("Tuesday", None, "on")], "en", "2014-11-07", "2014-11-11"),
    # a heading's day, named again in the entry
    ([("Thursday 6 May", None, None), ("Thursday", "future", "on")], "en", "1999-05-06", "1999-05-06"),
])
def test_a_weekday_alone_is_the_day_of_that_name_just_named(mentions, lang, ref, last):
    assert read_told(mentions, lang, ref)[-1] == last


@pytest.mark.parametrize("mentions, lang, ref, last", [
    # a day named without being near the weekday's window does not draw it
    ([("10 June", "past", "on"), ("24 March", "past", "since"), ("Wednesday", "past", "on")], "en", "1999-06-11",
     "1999-06-09"),
    # the Thursday of the week before, said again without a tense: the coming one
    ([("czwartek, 3 czerwca", "past", "w"), ("czwartek", None, "w")], "pl", "1999-06-09", "1999-06-10"),
    # a coming weekday after a day of the story ahead of writing: not today's, named before it
    ([("piątek, 4 czerwca", None, None), ("niedzielę", "future", "w"), ("piątek", "future", "w")], "pl", "1999-06-04",
     "1999-06-11"),
])
def test_a_day_named_away_from_the_weekdays_window_is_not_it(mentions, lang, ref, last):
    assert read_told(mentions, lang, ref)[-1] == last


def test_a_weekday_with_an_indefinite_article_is_not_dated():
    assert read_told([("12 April 1999", "past", "on"), ("Thursday", "past", "a")], "en", "1999-11-13") == \
        ["1999-04-12", "weekday not dated"]


def test_a_weekday_with_an_indefinite_article_in_a_week_just_named_is_its_day():
    story = StoryTime("2016-04-09")
    week = D.normalise("two weeks ago", "en", **story.anchors, tense="past")
    story.advance(week, "en", None, False)
    got = D.normalise("Friday evening", "en", **story.anchors, tense="past", before="a", near=True)
    assert (week["value"], got["value"]) == ("2016-W12", "2016-03-25")


@pytest.mark.parametrize("mentions, lang, ref, values", [
    # an announcement of a day a week ahead, then weekdays without a tense: the coming ones
    ([("przyszłą sobotę, 22 maja", None, "w"), ("wtorek", None, "we"), ("czwartek", None, "w")], "pl", "1999-05-16",
     ["1999-05-22", "1999-05-18", "1999-05-20"]),
    ([("Sunday, 20 June", None, "on"), ("Wednesday", None, "on")], "en", "1999-06-13", ["1999-06-20", "1999-06-16"]),
    # a day of the next two, as a weekday alone could give, makes no plan; the past tense neither
    ([("sobotę", None, "w"), ("wtorek", None, "we")], "pl", "1999-03-25", ["1999-03-27", "1999-03-23"]),
    ([("Sunday, 20 June", None, "on"), ("Wednesday", "past", "on")], "en", "1999-06-13", ["1999-06-20", "1999-06-09"]),
])
def test_a_weekday_after_a_day_announced_ahead_is_the_coming_one(mentions, lang, ref, values):
    assert read_told(mentions, lang, ref) == values


@pytest.mark.parametrize("mentions, last", [
    # after a weekend day, "on the Monday" is the one after it, not the one before in its week
    ([("Saturday 16 January 1999", "past", "on"), ("Monday", "past", "the")], "1999-01-18"),
    ([("Friday, 5 March 1999", "past", "on"), ("Monday", "past", "the")], "1999-03-08"),
    # after a Wednesday, the Monday of its week, two days before
    ([("Wednesday, 3 March 1999", "past", "on"), ("Monday", "past", "the")], "1999-03-01"),
])
def test_the_weekday_with_an_article_is_the_one_nearest_the_storys_day(mentions, last):
    assert read_told(mentions, "en", "2009-03-01")[-1] == last


@pytest.mark.parametrize("mentions, lang, last", [
    ([("Saturday 12 June 1999", "past", "on"), ("November 2009", "past", "in"), ("that Saturday morning", "past", "the")],
     "en", "1999-06-12"),
    ([("sobotę 12 czerwca 1999 r.", "past", "w"), ("listopadzie 2009 r.", "past", "w"), ("tamtej soboty", "past", "od")],
     "pl", "1999-06-12"),
])
def test_that_weekday_at_a_month_of_the_story_is_the_last_one_named(mentions, lang, last):
    assert read_told(mentions, lang, "2019-06-12")[-1] == last
