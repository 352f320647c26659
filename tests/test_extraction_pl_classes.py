"""Polish extraction classes from held-out error analysis (sentences written for these tests)."""
import pytest

from conftest import ents


@pytest.mark.parametrize("text, span", [
    ("Delegacje przyjechały w poniedziałek, 7 września, do Genewy.", "poniedziałek, 7 września"),
    ("Niedziela, 4 lipca 2001", "Niedziela, 4 lipca 2001"),
    ("Negocjacje toczyły się w środę i czwartek w Ochrydzie.", "środę i czwartek"),
    ("Konwój ruszył rano 5 maja 2001 roku.", "rano 5 maja 2001 roku"),
    ("Most zamknięto 8 listopada wieczorem.", "8 listopada wieczorem"),
    ("Umowę parafowano we wtorek wczesnym rankiem.", "wtorek wczesnym rankiem"),
    ("W latach sześćdziesiątych studiował w Zagrzebiu.", "latach sześćdziesiątych"),
    ("Pod koniec lat dziewięćdziesiątych wrócił.", "koniec lat dziewięćdziesiątych"),
    ("Na końcu miesiąca wybuchł strajk.", "końcu miesiąca"),
    ("Tydzień później zamknięto granicę.", "Tydzień później"),
    ("Pół roku temu otwarto szkołę.", "Pół roku temu"),
    ("Pięć dni po 3 października ogłoszono rozejm.", "Pięć dni po 3 października"),
    ("Dekadę po tamtym lecie wieś odbudowano.", "Dekadę po tamtym lecie"),
])
def test_polish_date_composition(nlp_pl, text, span):
    assert (span, "DATE") in ents(nlp_pl, text)


def test_polish_part_of_day_alone_and_counts_from_events_are_not_dates(nlp_pl):
    got = ents(nlp_pl, "Późnym wieczorem zebrał się sztab, a dwa tygodnie po rozejmie wszyscy wyjechali.")
    assert not [g for g in got if g[1] == "DATE"]


def test_polish_weekday_and_a_later_date_stay_apart(nlp_pl):
    got = ents(nlp_pl, "W piątek podpisano umowę. 12 maja wojska wyszły.")
    assert ("piątek", "DATE") in got and ("12 maja", "DATE") in got


def test_polish_spellings_of_south_slavic_places():
    from kosnlp.build_data import polish_spellings
    assert polish_spellings("Štimlje", "xk") == {"Sztimlje", "Sztimle"}
    assert polish_spellings("Vučitrn", "XK") == {"Wuczitrn"}
    assert polish_spellings("Kačanik", "de") == set()


@pytest.mark.parametrize("text, span", [
    ("Patrol wrócił z Wuczitrna przed zmrokiem.", "Wuczitrna"),
    ("W Sztimlu zamknięto szkołę.", "Sztimlu"),
    ("Uchodźcy koczowali w Stenkovcu od tygodnia.", "Stenkovcu"),
    ("Szlak wiódł zboczami Szar Płaniny.", "Szar Płaniny"),
    ("Konferencję zorganizowano w Nowym Sadzie.", "Nowym Sadzie"),
    ("Namioty rozbito koło Radušy.", "Radušy"),
])
def test_polish_small_places_in_polish_spelling_and_case(nlp_pl, text, span):
    assert (span, "PLACE") in ents(nlp_pl, text)


def test_inflect_a_polish_place_name_headed_by_its_last_word():
    from kosnlp.inflect import inflect
    assert "Szar Płaniny" in inflect("Szar Płanina", "place", polish=True)
    assert "Szar Płaniny" not in inflect("Szar Płanina", "place")
