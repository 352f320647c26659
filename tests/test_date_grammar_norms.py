"""DATE norms of the kinds of dates the span grammar finds beyond plain calendar dates: historical
years, Roman-numeral months and "bm.", "that year", written-out ordinals and counts, days counted up
to or from a day, decades and centuries in words, named parts of the year, holidays the context
names, parts of a day around a weekday. Through the pipeline; the texts are written for these tests."""
import pytest
from date_norms import expect_dates



CASES = [
    # an explicit historical year is kept, not replaced by the story's
    ("en", "The battle was fought on 15 June 1389 near the river.", "2014-06-01",
     {"15 June 1389": ("1389-06-15", "1389-06-15")}),
    # a day with its month in Roman numerals, in a diary of dated entries
    ("pl", "Pierwszy patrol 12 października 1998 r.\n\n12 XI\nPatrol.\n\n18 I\nNic.", "1999-03-01",
     {"12 XI": ("1998-11-12", "1998-11-12"), "18 I": ("1999-01-18", "1999-01-18")}),
    # "bm." (bieżącego miesiąca): the month of writing, with its weekday too
    ("pl", "Warszawa, 27 października 1998 r.\n\nW poniedziałek 26 bm. odbyłem rozmowę. Spotkanie 30 bm. odwołano.",
     "1998-10-27", {"poniedziałek 26 bm.": ("1998-10-26", "1998-10-26"), "30 bm.": ("1998-10-30", "1998-10-30")}),
    # a day or month "that year": the year of the story's time
    ("pl", "Niepodległość ogłoszono 17 lutego 2008 roku. Polska uznała ją 26 lutego tego samego roku.", "2014-06-01",
     {"26 lutego tego samego roku": ("2008-02-26", "2008-02-26")}),
    ("en", "By 1997 the army was fighting in the valley, where many died in April that year. The group first met "
           "in early May of that year.", "2015-04-01",
     {"April that year": ("1997-04-01", "1997-04-30"), "early May of that year": ("1997-05-01", "1997-05-10")}),
    # ordinals written out; a day alone in the month just named; "Friday the eleventh" after a period of the
    # story; a part of a day around a weekday's part keeps the weekday's day
    ("en", "The war began on the twenty-fourth of March 1999. On the third of June they agreed. The generals signed "
           "at the base on the ninth, and the council voted the next day.", "2019-06-12",
     {"twenty-fourth of March 1999": ("1999-03-24", "1999-03-24"), "ninth": ("1999-06-09", "1999-06-09"),
      "next day": ("1999-06-10", "1999-06-10")}),
    ("en", "Early June 1999. On Friday the eleventh they left the base and reached the airfield in the small hours "
           "of Saturday morning.", "2019-06-12",
     {"Friday the eleventh": ("1999-06-11", "1999-06-11"),
      "small hours of Saturday morning": ("1999-06-12", "1999-06-12")}),
    # counts written out: "N years ago this June" is that June; a count of years keeps the year
    ("en", "Twenty-five years ago this June, troops crossed the border.", "2024-04-15",
     {"Twenty-five years ago this June": ("1999-06-01", "1999-06-30")}),
    ("pl", "Dwadzieścia pięć lat temu wybuchła wojna.", "2024-03-24",
     {"Dwadzieścia pięć lat temu": ("1999-01-01", "1999-12-31")}),
    # days counted up to / from the date of writing; the decade of writing
    ("en", "The record of the past eight months is poor. Priorities for the coming fortnight are shelter. They have "
           "waited for most of this decade.", "1998-10-15",
     {"past eight months": ("1998-02-15", "1998-10-15"), "coming fortnight": ("1998-10-15", "1998-10-28"),
      "this decade": ("1990-01-01", "1999-12-31")}),
    ("en", "Over the next days, and in the past three days, nothing changed.", "1999-05-07",
     {"past three days": ("1999-05-05", "1999-05-07")}),
    # a part of the decade just named: the whole decade
    ("pl", "Przez całe lata 90. trwał opór. Pod koniec dekady wybuchła wojna.", "2024-03-24",
     {"koniec dekady": ("1990-01-01", "1999-12-31")}),
    # centuries in words and Roman numerals
    ("en", "They burned a fourteenth-century church.", "2004-04-15", {"fourteenth-century": ("1301-01-01", "1400-12-31")}),
    ("pl", "Cerkiew z XIV wieku spłonęła.", "2004-04-15", {"XIV wieku": ("1301-01-01", "1400-12-31")}),
    # "przedwiośnie": February-March
    ("pl", "Pierwsze zdjęcia powstały na przedwiośniu 1998 roku.", "2009-03-24",
     {"przedwiośniu 1998 roku": ("1998-02-01", "1998-03-31")}),
    # a month heading with its week: the week of the month convention (1 November 1998 was a Sunday)
    ("pl", "Dziennik zaczyna się 28 października 1998.\n\nListopad, pierwszy tydzień\nOdprawa.", "1999-03-24",
     {"Listopad, pierwszy tydzień": ("1998-11-02", "1998-11-08")}),
    # "kolejną zimę" in a future-tense sentence: the coming winter
    ("pl", "Żołnierze w lipcu ubiegłego roku przyjechali. Spędzą w Kosowie kolejną zimę.", "2000-11-04",
     {"kolejną zimę": ("2000-12-01", "2001-02-28")}),
    # the holidays the context names: the Orthodox Easter on the Sunday just named, its holidays after it
    ("pl", "Skopje, 10 kwietnia 1999 r.\n\nW niedzielę prawosławni mieszkańcy obchodzą Wielkanoc. W obozie nikt "
           "nie myśli o świętach.", "1999-04-10",
     {"Wielkanoc": ("1999-04-11", "1999-04-11"), "świętach": ("1999-04-11", "1999-04-12")}),
    # the holidays the story comes to, else unresolved
    ("pl", "Przyjechaliśmy w lipcu 1999 roku. We wrześniu rozbrojono UÇK. Wróciłem do domu przed świętami.",
     "2009-06-12", {"świętami": ("1999-12-24", "1999-12-26")}),
    ("pl", "W czerwcu 1999 roku nikt nie rozmawiał o świętach.", "2009-06-12", {"świętach": "holiday not named"}),
    # after the Orthodox Easter named as such, a plain Easter is the Western one
    ("en", "The Orthodox Easter of 1999 fell on 11 April. Easter Sunday came a week earlier.", "2009-06-12",
     {"Easter Sunday": ("1999-04-04", "1999-04-04")}),
]


@pytest.mark.parametrize("lang, text, ref, want", CASES)
def test_date_grammar_norms(nlp_pl, nlp_en, lang, text, ref, want):
    expect_dates(nlp_pl, nlp_en, lang, text, ref, want)


def test_this_decade_is_the_decade_of_writing_and_the_last_one_is_left_open():
    from kosnlp.normalise.dates import DateNormaliser
    d = DateNormaliser()
    got = d.normalise("this decade", "en", "1998-10-15")
    assert (got["value"], got["start"], got["end"]) == ("199", "1990-01-01", "1999-12-31")
    assert d.normalise("last decade", "en", "1998-10-15") == {"status": "unresolved",
                                                              "reason": "last or next ten years or decade"}
