"""DATE spans and norms of weekdays, weekends and holidays in talk of the present and future: a
weekday with a modifier or a spoken ordinal apposed to its date, the weekday of a date in the
story's year, the coming weekend, the n-th weekend of a month and the weekend of a date, "last"
weekdays, a weekday after a coming week, "by Thursday" in plans, a holiday just ahead, a range
from a weekday. Through the pipeline; the texts are written for these tests."""
import pytest
from date_norms import U, check, dates

CASES = [
    # a weekday with "last" / "this" apposed to its date is one span, the date says which day
    ("en", "1999-05-11", "The convoy left last Friday, 7 May, and returns this Sunday, 16 May.",
     {"last Friday, 7 May": ("1999-05-07", "1999-05-07"), "this Sunday, 16 May": ("1999-05-16", "1999-05-16"),
      "7 May": None, "16 May": None}),
    # a spoken nominative ordinal before its month; a weekday with its day as an ordinal closing the phrase
    ("pl", "1999-05-11", "Dziś jest wtorek, jedenasty maja. Konwój wyjedzie w tę sobotę, piętnastego, a wróci we "
                         "wtorek, drugiego dnia szczytu.",
     {"wtorek, jedenasty maja": ("1999-05-11", "1999-05-11"), "tę sobotę, piętnastego": ("1999-05-15", "1999-05-15"),
      "wtorek": ("1999-05-18", "1999-05-18"), "wtorek, drugiego": None}),
    # a weekday, date and part of day in a look back: the weekday agrees in the story's year
    ("pl", "2019-03-20", "Dwadzieścia lat temu, w środę 24 marca wieczorem, nad Belgradem zawyły syreny.",
     {"środę 24 marca wieczorem": ("1999-03-24", "1999-03-24")}),
    # "weekend" said on a weekday, not in a past-tense sentence: the coming one
    ("pl", "1999-05-13", "Jutro spotkanie, a w weekend ma się rozpogodzić.", {"weekend": ("1999-05-15", "1999-05-16")}),
    ("en", "1999-04-08", "We hope the weather clears at the weekend.", {"weekend": ("1999-04-10", "1999-04-11")}),
    # the n-th weekend of a month: its n-th Saturday and the Sunday after; the weekend of a date
    ("pl", "1999-06-02", "W pierwszy weekend maja uwolniono jeńców. W ostatni weekend maja padało.",
     {"pierwszy weekend maja": ("1999-05-01", "1999-05-02"), "ostatni weekend maja": ("1999-05-29", "1999-05-30")}),
    ("en", "1999-06-02", "On the weekend of May 1-2 the soldiers were freed. On the first weekend of May it rained. "
                         "The weekend of 8 May was calm.",
     {"weekend of May 1-2": ("1999-05-01", "1999-05-02"), "first weekend of May": ("1999-05-01", "1999-05-02"),
      "weekend of 8 May": ("1999-05-08", "1999-05-09")}),
    # "last Wednesday" said on a Thursday is not yesterday: the one of the week before; said on a Friday of a
    # Tuesday, that of this week
    ("pl", "1999-05-13", "W ubiegłą środę byli w Skopju.", {"ubiegłą środę": ("1999-05-05", "1999-05-05")}),
    ("en", "1999-05-13", "Last Wednesday they were in Skopje.", {"Last Wednesday": ("1999-05-05", "1999-05-05")}),
    ("pl", "1999-05-14", "W zeszły wtorek byli w Skopju.", {"zeszły wtorek": ("1999-05-11", "1999-05-11")}),
    # a weekday apposed to a coming week is in that week
    ("pl", "1999-05-13", "Czy przyjdzie pan znowu za tydzień, w czwartek?", {"czwartek": ("1999-05-20", "1999-05-20")}),
    ("en", "1999-05-11", "Will you come back next week, on Tuesday?", {"Tuesday": ("1999-05-18", "1999-05-18")}),
    # "by Thursday" in plans after a later date: from the date of writing
    ("en", "1999-04-13", "The lorry leaves on Saturday, 24 April; Ruth will print leaflets by Thursday.",
     {"Thursday": ("1999-04-15", "1999-04-15")}),
    # a holiday a few days ahead in a past-tense sentence is this year's; one months ahead, last year's
    ("pl", "1999-04-08", "We wtorek Belgrad ogłosił rozejm na prawosławną Wielkanoc.",
     {"prawosławną Wielkanoc": ("1999-04-11", "1999-04-11")}),
    ("en", "1999-03-10", "The refugees celebrated Easter in the camps.", {"Easter": ("1998-04-12", "1998-04-12")}),
    # precision words and the "a" of a count after them are outside; one unit alone is one
    ("en", "1999-06-02", "The talks collapsed on 3 May. Barely a day later the envoy returned, and about a week later "
                         "a deal was close.",
     {"day later": ("1999-05-04", "1999-05-04"), "week later": ("1999-05-10", "1999-05-16")}),
    # Polish counts and parts: "za miesiąc", "dwie dekady temu", "początek miesiąca" (nominative), the days of a
    # night after its weekdays; "za miesiąc" before the month it pays for is no date
    ("pl", "1999-06-02", "Początek miesiąca był spokojny. Nie wiadomo, czy jeńcy wrócą jutro, czy za miesiąc. W nocy "
                         "z piątku na sobotę, z 7 na 8 maja, trafiono ambasadę. Dwie dekady temu nikt tego nie przewidział.",
     {"Początek miesiąca": ("1999-06-01", "1999-06-10"), "za miesiąc": ("1999-07-01", "1999-07-31"),
      "7 na 8 maja": ("1999-05-07", "1999-05-08"), "Dwie dekady temu": ("1979-01-01", "1979-12-31")}),
    ("pl", "1999-06-02", "Pensja za miesiąc maj wynosi 500 zł.", {"za miesiąc": None}),
    # the day after an Easter says which one: the Orthodox Easter of that year
    ("en", "1999-04-13", "The Serbian churches celebrated Easter last Sunday, 11 April, under the bombs.",
     {"Easter": ("1999-04-11", "1999-04-11")}),
    ("pl", "1999-04-13", "Serbowie obchodzili Wielkanoc w niedzielę, 11 kwietnia.", {"Wielkanoc": ("1999-04-11", "1999-04-11")}),
    ("en", "1999-04-13", "Catholics had marked Easter on 4 April.", {"Easter": ("1999-04-04", "1999-04-04")}),
    # parts of "the month" just told: the first full week (from its first Monday), a half, its last weekend
    ("en", "1999-05-31", "The convoy was stopped on Monday, 3 May. The first full week of the month was quiet; through "
                         "the second half of the month talks went on, and in the last weekend of the month it rained.",
     {"first full week of the month": ("1999-05-03", "1999-05-09"), "second half of the month": ("1999-05-16", "1999-05-31"),
      "last weekend of the month": ("1999-05-29", "1999-05-30")}),
    ("en", "1999-07-01", "The first full week of June 1999 was hot.", {"first full week of June 1999": ("1999-06-07", "1999-06-13")}),
    # a range from a weekday to a part of a month in a look back: the right side in the weekday's year
    ("pl", "2019-03-15", "W 1999 roku naloty trwały do czerwca. Wystawa będzie czynna od poniedziałku do końca marca.",
     {"poniedziałku do końca marca": ("2019-03-18", "2019-03-31")}),
    # a past weekday in a retrospective at a part of a month of its story: ambiguous, and the story's time stays
    ("pl", "2012-10-08", "Wróciłem tam na początku maja 1999 r. Pamiętam, że w czwartek padał deszcz. Pod koniec maja "
                         "obóz był pełen.", {"czwartek": U, "koniec maja": ("1999-05-21", "1999-05-31")}),
    ("en", "2012-10-08", "I went back in mid-May 1999. I remember it rained on Thursday. By the end of May the camp was "
                         "full.", {"Thursday": U, "end of May": ("1999-05-21", "1999-05-31")}),
    # after a whole month of the story, or in the year of writing, the weekday is still resolved
    ("en", "1999-05-28", "The camps filled in mid-May 1999. On Thursday it rained.", {"Thursday": ("1999-05-27", "1999-05-27")}),
]


@pytest.mark.parametrize("lang, ref, text, want", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_weekday_classes(nlp_pl, nlp_en, lang, ref, text, want):
    got = dates(nlp_pl if lang == "pl" else nlp_en, lang, text, ref)
    for span, value in want.items():
        check(got, span, value)
