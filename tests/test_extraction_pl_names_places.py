"""Polish ACTOR / PLACE classes: names and places an unseen text needs (sentences written for these tests)."""
import pytest

from conftest import ents


def test_polish_speaker_named_by_given_name_and_named_again(nlp_pl):
    text = ("EWA: Dobry wieczór, mówimy dziś o Kosowie. Jest ze mną Tomasz.\n"
            "TOMASZ: Dzień dobry.\nPROWADZĄCY: Dziękuję.\nEWA: Tomasz, co stało się w Raczaku?\n")
    got = ents(nlp_pl, text)
    assert got.count(("EWA", "ACTOR")) == 2 and ("TOMASZ", "ACTOR") in got
    assert got.count(("Tomasz", "ACTOR")) == 2
    assert not [g for g in got if g[0] == "PROWADZĄCY"]


@pytest.mark.parametrize("text, span", [
    ("Paczki zebrano w Gdańsku, Łodzi i Krakowie.", "Łodzi"),
    ("Saperzy z Opola wyjechali na Bałkany.", "Opola"),
    ("Transport ruszył z Poznania do Skopja.", "Poznania"),
])
def test_polish_cities_whose_names_are_also_common_nouns(nlp_pl, text, span):
    assert (span, "PLACE") in ents(nlp_pl, text)


@pytest.mark.parametrize("text, span", [
    ("Patrol dotarł wieczorem do Kosovskiej Mitrovicy.", "Kosovskiej Mitrovicy"),
    ("Ostrzał trwał całą noc koło Suvej Reki.", "Suvej Reki"),
    ("Szkoła w Kosovskiej Kamenicy ocalała.", "Kosovskiej Kamenicy"),
    ("Uciekinierzy z Małej Kruszy dotarli do granicy.", "Małej Kruszy"),
])
def test_polish_cases_of_south_slavic_adjective_place_names(nlp_pl, text, span):
    assert (span, "PLACE") in ents(nlp_pl, text)


def test_inflect_adds_polish_adjective_cases_and_keeps_the_others():
    from kosnlp.inflect import inflect
    forms = inflect("Banja Luka", "place", polish=True)
    assert {"Banja Luce", "Banjej Luce", "Banją Lukę"} <= forms
