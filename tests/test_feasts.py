"""Feasts as DATE mentions: the movable feasts counted from Easter (Western, or Orthodox when said
so), the Polish feasts and public holidays of fixed date, and a named day heading its date after a
comma ("Niedziela Palmowa, 28 marca 1999 r."), one span and a dateline for what follows it. The
texts are written for these tests."""
import pytest
from date_norms import dates

from kosnlp.normalise.dates import DateNormaliser

D = DateNormaliser()


@pytest.mark.parametrize("text, lang, ref, first, last", [
    # Western Easter 2003: 20 April; Orthodox Easter 2003: 27 April
    ("Niedzielę Palmową", "pl", "2003-04-10", "2003-04-13", "2003-04-13"),
    ("Wielkiego Czwartku", "pl", "2003-04-10", "2003-04-17", "2003-04-17"),
    ("Wielkim Piątkiem", "pl", "2003-04-10", "2003-04-18", "2003-04-18"),
    ("Wielkiej Soboty", "pl", "2003-04-10", "2003-04-19", "2003-04-19"),
    ("Poniedziałku Wielkanocnego", "pl", "2003-04-10", "2003-04-21", "2003-04-21"),
    ("prawosławny Wielki Piątek", "pl", "2003-04-10", "2003-04-25", "2003-04-25"),
    ("prawosławnego Bożego Narodzenia", "pl", "2004-01-10", "2004-01-07", "2004-01-08"),
    ("Orthodox Christmas", "en", "2004-01-10", "2004-01-07", "2004-01-07"),
    ("Thanksgiving", "en", "1999-11-20", "1999-11-25", "1999-11-25"),
    ("Thanksgiving Day 2001", "en", "1999-11-20", "2001-11-22", "2001-11-22"),
    ("Zielonych Świątek", "pl", "2003-04-10", "2003-06-08", "2003-06-08"),
    ("Zesłaniu Ducha Świętego", "pl", "2003-04-10", "2003-06-08", "2003-06-08"),
    ("Bożym Ciele", "pl", "2003-04-10", "2003-06-19", "2003-06-19"),
    ("Uroczystości Trójcy Świętej", "pl", "2003-04-10", "2003-06-15", "2003-06-15"),
    ("IV Niedziela Wielkanocna", "pl", "2003-04-10", "2003-05-11", "2003-05-11"),
    ("Wszystkich Świętych", "pl", "2003-10-20", "2003-11-01", "2003-11-01"),
    ("Święcie Niepodległości", "pl", "2003-10-20", "2003-11-11", "2003-11-11"),
    ("Święta Konstytucji 3 Maja", "pl", "2003-04-10", "2003-05-03", "2003-05-03"),
    ("Palm Sunday", "en", "2003-04-10", "2003-04-13", "2003-04-13"),
    ("Maundy Thursday", "en", "2003-04-10", "2003-04-17", "2003-04-17"),
    ("Orthodox Good Friday", "en", "2003-04-10", "2003-04-25", "2003-04-25"),
    ("Easter Monday", "en", "2003-04-10", "2003-04-21", "2003-04-21"),
    ("the Easter weekend", "en", "2003-04-10", "2003-04-19", "2003-04-20"),
    ("Whit Sunday", "en", "2003-04-10", "2003-06-08", "2003-06-08"),
    ("Corpus Christi", "en", "2003-04-10", "2003-06-19", "2003-06-19"),
    ("the second Sunday of Easter", "en", "2003-04-10", "2003-04-27", "2003-04-27"),
])
def test_feast_days(text, lang, ref, first, last):
    got = D.normalise(text, lang, ref)
    assert (got["start"], got["end"]) == (first, last)
    assert got["method"].startswith("holiday:")


@pytest.mark.parametrize("text, lang, ref, day", [
    ("Wielki Czwartek, 17 kwietnia", "pl", "2003-04-13", "2003-04-17"),
    ("XXV Niedziela zwykła, 21 września 2003 r.", "pl", "2003", "2003-09-21"),
    ("prawosławną Wielkanoc, 27 kwietnia", "pl", "2003-05-10", "2003-04-27"),
    ("Good Friday, 18 April", "en", "2003-04-25", "2003-04-18"),
])
def test_named_day_and_its_date(text, lang, ref, day):
    got = D.normalise(text, lang, ref)
    assert (got["status"], got["start"], got["end"]) == ("resolved", day, day)


def test_feasts_found_and_headings_date_their_section(nlp_pl):
    text = ("Ogłoszenia parafialne, jesień 2003\n\nXXIX Niedziela zwykła, 19 października 2003 r.\n\n"
            "1. Dziś zbiórka na misje, jutro spotkanie ministrantów. W Dzień Wszystkich Świętych Msze o 8.00 i 10.00.\n\n"
            "Uroczystość Trójcy Przenajświętszej, 15 czerwca 2003 r.\n\n1. Dziś po Sumie procesja. "
            "W czwartek uroczystość Bożego Ciała. W przyszłą niedzielę Wielkanoc obchodzą prawosławni.")
    got = dates(nlp_pl, "pl", text, "2003")
    assert got["XXIX Niedziela zwykła, 19 października 2003 r."] == ("2003-10-19", "2003-10-19")
    assert got["jutro"] == ("2003-10-20", "2003-10-20")
    assert got["Dzień Wszystkich Świętych"] == ("2003-11-01", "2003-11-01")
    assert got["Uroczystość Trójcy Przenajświętszej, 15 czerwca 2003 r."] == ("2003-06-15", "2003-06-15")
    assert got["Bożego Ciała"] == ("2003-06-19", "2003-06-19")
    # a weekday before a feast without a comma: two dates
    assert "przyszłą niedzielę" in got and "Wielkanoc" in got
    assert "19 października 2003 r." not in got and "Uroczystość" not in " ".join(k for k in got if "," not in k)


def test_feast_with_its_date_in_a_sentence(nlp_pl, nlp_en):
    got = dates(nlp_pl, "pl", "Gdy w Wielki Piątek, 18 kwietnia, ruszył konwój, padał deszcz. Święto Niepodległości "
                              "obchodzono skromnie.", "2003-11-20")
    assert got["Wielki Piątek, 18 kwietnia"] == ("2003-04-18", "2003-04-18")
    assert got["Święto Niepodległości"] == ("2003-11-11", "2003-11-11")
    got = dates(nlp_en, "en", "We spent the Easter weekend at the camp, and on Whit Monday we drove home.", "2003-06-20")
    assert got["Easter weekend"] == ("2003-04-19", "2003-04-20")
    assert got["Whit Monday"] == ("2003-06-09", "2003-06-09")


def test_a_named_day_heading_its_line_is_one_span(nlp_pl, nlp_en):
    got = dates(nlp_pl, "pl", "Ogłoszenia\n\nNiedziela Bożego Miłosierdzia, 27 kwietnia 2003 r.\n\nDziś zbiórka, jutro "
                              "spotkanie.\n\nMiasto Kraków, 3 czerwca 2003 r.\n", "2003")
    assert got["Niedziela Bożego Miłosierdzia, 27 kwietnia 2003 r."] == ("2003-04-27", "2003-04-27")
    assert got["jutro"] == ("2003-04-28", "2003-04-28")
    assert "3 czerwca 2003 r." in got  # a place's line is no named day
    got = dates(nlp_en, "en", "Notices\n\nFeast of the Ascension, 29 May 2003\n\nToday the choir sings.\n", "2003")
    assert got["Feast of the Ascension, 29 May 2003"] == ("2003-05-29", "2003-05-29")
    assert got["Today"] == ("2003-05-29", "2003-05-29")
