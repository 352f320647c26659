"""DATE spans and norms of days with their part of day and their modifiers (label-spec DATE: "days
of the week and deictic days, with their part of day"; conventions: "a part of a day keeps its
day"), weekdays apposed to their date, ranges of days of the month just named, spans of units up to
the date of writing. Through the pipeline; the sentences are written for these tests."""
import pytest
from date_norms import dates, expect_dates

CASES = [
    # a weekday with its part of day, a comma and the date: the date's day
    ("en", "ROME, 5 May 1999 - A ferry sank on Monday night, 3 May, off the coast.", "1999-05-05",
     {"Monday night, 3 May": ("1999-05-03", "1999-05-03")}),
    # the weekday apposed after its date, with its article: one span, the date's day
    ("en", "The war began in March 1999. The envoys met on 3 May, a Monday, in Skopje.", "2019-06-12",
     {"3 May, a Monday": ("1999-05-03", "1999-05-03")}),
    # "the small hours of" a day or of this morning: the day
    ("en", "The convoy reached the border in the small hours of 14 June 1999, before dawn.", "2019-06-12",
     {"small hours of 14 June 1999": ("1999-06-14", "1999-06-14")}),
    ("en", "Shelling went on into the small hours of this morning.", "1999-05-12",
     {"small hours of this morning": ("1999-05-12", "1999-05-12")}),
    # "late last night" is last night; "the night before last" two nights before the date of writing
    ("en", "Shots were heard late last night near the bridge.", "1999-05-12",
     {"late last night": ("1999-05-11", "1999-05-11")}),
    ("en", "The bridge fell the night before last, the mayor says.", "1999-05-12",
     {"night before last": ("1999-05-10", "1999-05-10")}),
    # "that Saturday morning": the Saturday of the story just told
    ("en", "On 12 June 1999 the troops crossed the border. We remember that Saturday morning well.", "2019-06-12",
     {"that Saturday morning": ("1999-06-12", "1999-06-12")}),
    # a range of ordinal days of the month just named; a range to the end of the month of its first date
    ("en", "Early May. Talks in Rome from the 4th to the 6th. The rest is quiet.", "1999-06-30",
     {"4th to the 6th": ("1999-05-04", "1999-05-06")}),
    ("en", "Early April. Late March through the end of the month: rain every day.", "1999-06-30",
     {"Late March through the end of the month": ("1999-03-21", "1999-03-31")}),
    # a dateline's dash before "Today": the date of writing, and "Today" its day
    ("en", "Releases of the week\n\nROME, 10 May 1999 - Today the ministers met again.", "1999-05-14",
     {"10 May 1999": ("1999-05-10", "1999-05-10"), "Today": ("1999-05-10", "1999-05-10")}),
    # a demonstrative, an epithet and a weekday: the weekday with its demonstrative
    ("pl", "W tę pamiętną sobotę wszyscy wyszli na ulice.", "1999-06-12",
     {"tę pamiętną sobotę": ("1999-06-12", "1999-06-12")}),
    # "poprzedniej zimy": the winter before the story's time
    ("pl", "Latem 2001 roku wróciliśmy do wsi, gdzie poprzedniej zimy nie było prądu.", "2010-03-01",
     {"poprzedniej zimy": ("2000-12-01", "2001-02-28")}),
    # the second half of the month in focus
    ("pl", "W maju ruszyła zbiórka. Pieniądze trafią do rodzin w drugiej połowie miesiąca.", "1999-05-04",
     {"drugiej połowie miesiąca": ("1999-05-16", "1999-05-31")}),
    # the last N weeks up to the date of writing (the day of writing counted in)
    ("pl", "W ostatnich dwóch tygodniach sytuacja w obozach się poprawiła.", "1999-06-20",
     {"ostatnich dwóch tygodniach": ("1999-06-07", "1999-06-20")}),
]


@pytest.mark.parametrize("lang, text, ref, want", CASES)
def test_part_of_day_and_modifier_norms(nlp_pl, nlp_en, lang, text, ref, want):
    expect_dates(nlp_pl, nlp_en, lang, text, ref, want)


@pytest.mark.parametrize("lang, text, ref, want", [
    # a log's heading: its weekday abbreviated in parentheses ("Wed" cut like "we'd"), a year of two digits
    ("en", "Log.\n\n16 Jun 99 (Wed). Rain.\n\n23 Jun (Wed). Sun.", "1999-06-30", ["16 Jun 99 (Wed)", "23 Jun (Wed)"]),
    # the separate parts are no spans of their own
    ("en", "The envoys met on 3 May, a Monday, in Skopje.", "1999-06-12", ["3 May, a Monday"]),
    ("en", "Mid-June through the end of the month: heat.", "1999-07-30", ["Mid-June through the end of the month"]),
    # "that" after a verb of saying is a conjunction, outside the weekday
    ("en", "He said that Sunday was quiet.", "1999-06-12", ["Sunday"]),
    # the genitive after a noun is not annotated (dev gold precedent), the locative is
    ("pl", "Oto najważniejsze wydarzenia ostatnich dwóch tygodni.", "1999-06-20", []),
])
def test_part_of_day_and_modifier_spans(nlp_pl, nlp_en, lang, text, ref, want):
    got = dates(nlp_pl if lang == "pl" else nlp_en, lang, text, ref)
    assert list(got) == want, got
