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
