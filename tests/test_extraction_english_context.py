"""English ACTOR / PLACE classes by the words around a name (sentences written for these tests)."""
import pytest

from conftest import ents


def names(got):
    return [g for g in got if g[1] != "DATE"]


@pytest.mark.parametrize("text, span", [
    ("The Britons ended up feeding the stranded convoy.", "Britons"),
    ("By noon the British took over the airfield.", "British"),
    ("Many Roma were accused of siding with the police.", "Roma"),
    ("The talks between Moscow and the West was the news of the week.", "West"),
    ("The old fortress was built against the Ottomans.", "Ottomans"),
])
def test_english_group_noun_before_a_verb(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


def test_english_group_adjective_before_a_participle_stays_unannotated(nlp_en):
    assert names(ents(nlp_en, "The British armed forces left at dawn.")) == []
    assert names(ents(nlp_en, "Children waved at the French armoured cars.")) == []


def test_english_countries_listed_after_troops_from_are_actors(nlp_en):
    got = ents(nlp_en, "Soldiers from Spain, Norway and Canada crossed the border.")
    assert [g for g in got if g[0] in ("Spain", "Norway", "Canada")] == [
        ("Spain", "ACTOR"), ("Norway", "ACTOR"), ("Canada", "ACTOR")]


def test_english_countries_listed_after_flights_from_stay_places(nlp_en):
    got = ents(nlp_en, "The refugees flew in from Spain, Norway and Canada.")
    assert [g for g in got if g[0] in ("Spain", "Norway", "Canada")] == [
        ("Spain", "PLACE"), ("Norway", "PLACE"), ("Canada", "PLACE")]


def test_english_addressee_of_a_presented_plan_is_an_actor(nlp_en):
    assert ("Belgrade", "ACTOR") in ents(nlp_en, "The new draft was presented to Belgrade on the same day.")


def test_english_city_before_crowds_is_a_place(nlp_en):
    assert ("Skopje", "PLACE") in ents(nlp_en, "Skopje crowds waved at the tanks.")


@pytest.mark.parametrize("text, span", [
    ("A sergeant, Captain Ellis Ward, led the patrol.", "Ellis Ward"),
    ("Lieutenant Oscar Bremer radioed the base.", "Oscar Bremer"),
])
def test_english_military_ranks_are_outside_the_name(nlp_en, text, span):
    got = ents(nlp_en, text)
    assert (span, "ACTOR") in got and not [g for g in got if "Captain" in g[0] or "Lieutenant" in g[0]]


def test_english_given_name_that_is_a_country_before_a_known_surname(nlp_en):
    got = ents(nlp_en, "Jordan Milosevic, a cousin, was questioned.")
    assert ("Jordan Milosevic", "ACTOR") in got and len(names(got)) == 1


def test_english_sentence_opening_noun_before_a_given_name_is_outside(nlp_en):
    assert names(ents(nlp_en, "Farmer Besim Hoxha lost his cattle.")) == [("Besim Hoxha", "ACTOR")]


def test_english_document_word_ends_the_body_name(nlp_en):
    assert ("Contact Group", "ACTOR") in ents(nlp_en, "The Contact Group Statement was read aloud.")


def test_english_no_newspaper_inside_an_operation_name(nlp_en):
    assert names(ents(nlp_en, "Engineers crossed the border with Operation Joint Guardian in June.")) == []


@pytest.mark.parametrize("text, span", [
    ("Smoke rose over the Zhelnik gorge.", "Zhelnik"),
    ("Looters burnt the Gornjak monastery at night.", "Gornjak"),
    ("In Zhurovac, near Pristina, the shops stayed shut.", "Zhurovac"),
    ("Shots were fired in Dolno Vrbnje, just north of Pristina.", "Dolno Vrbnje"),
])
def test_english_unlisted_place_by_its_context(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


@pytest.mark.parametrize("text", [
    "Monks left the Orthodox monastery.",
    "Later, near the border, the convoy stopped.",
    "Pilgrims walked to the Byzantine church.",
    "Tourists photographed the Gothic cathedral.",
])
def test_english_adjective_or_adverb_is_no_unlisted_place(nlp_en, text):
    assert names(ents(nlp_en, text)) == []


@pytest.mark.parametrize("text, span", [
    ("Smoke rose over the Dobrilic valley.", "Dobrilic"),
    ("In Dubravic, near Pristina, the shops stayed shut.", "Dubravic"),
    ("Miners left the Slatine mine at noon.", "Slatine"),
])
def test_english_unlisted_place_written_without_diacritics_ends_like_an_adjective(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("Brezak, immediately south of Pec, was shelled.", "Brezak"),
    ("Villagers from Gornje Vrbnje, directly north of Pristina, fled.", "Gornje Vrbnje"),
])
def test_english_unlisted_place_before_a_modified_compass_word(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


def test_english_group_adjective_coordinated_before_a_noun_stays_unannotated(nlp_en):
    got = ents(nlp_en, "On Friday British and other allied troops crossed the border.")
    assert [g for g in got if g[0] == "British"] == []


def test_english_government_of_a_state_is_the_state(nlp_en):
    text = "A statement by the Government of the former Yugoslav Republic of Macedonia welcomed the plan."
    got = names(ents(nlp_en, text))
    assert got == [("Yugoslav Republic of Macedonia", "ACTOR")]


def test_english_capitalised_former_is_outside_the_state_name(nlp_en):
    got = names(ents(nlp_en, "Two flights went to the Former Yugoslav Republic of Macedonia."))
    assert got == [("Yugoslav Republic of Macedonia", "PLACE")]


def test_english_listed_organisation_after_a_conjunction_is_its_own_name(nlp_en):
    assert names(ents(nlp_en, "Government and UNHCR figures differ.")) == [("UNHCR", "ACTOR")]


@pytest.mark.parametrize("text, span", [
    ("The monitors said the Mission would stay.", "Mission"),
    ("Drivers waited outside the Embassy gates.", "Embassy"),
])
def test_english_capitalised_institution_word_alone(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("From the newsletter of the Eastfield Veterans' Association.", "Eastfield Veterans' Association"),
    ("A Mothers' Relief convoy left.", "Mothers' Relief"),
])
def test_english_plural_possessive_inside_an_organisation_name(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("The planes landed at Fort Harlan after dark.", "Fort Harlan"),
    ("Mr. Owen Pryce (Marshbury): Will the minister answer?", "Marshbury"),
    ("The speech was given in Lakeview, Missouri, last spring.", "Lakeview"),
])
def test_english_unlisted_place_by_its_form(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("It took a week for Macedonia to reopen the border.", "Macedonia"),
    ("Kosovo votes for a new assembly in the autumn.", "Kosovo"),
])
def test_english_subject_of_an_infinitive_or_a_vote_acts(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("The telegram went TO: SECSTATE WASHDC", "SECSTATE"),
    ("INFO: USNATO, USUN NEW YORK", "USNATO"),
    ("The USIS reading room in Tirana reopened.", "USIS"),
    ("The rally was backed by Srpska Lista on Sunday.", "Srpska Lista"),
])
def test_english_listed_bodies_of_cables_and_parties(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("Father Petar Lazic opened the gates.", "Petar Lazic"),
    ("Bishop Teodor Ranic blessed the convoy.", "Teodor Ranic"),
    ("Imam Bekim Hoti led the prayers.", "Bekim Hoti"),
])
def test_english_religious_titles_are_outside_the_name(nlp_en, text, span):
    assert names(ents(nlp_en, text)) == [(span, "ACTOR")]


@pytest.mark.parametrize("text, span", [
    ("Reporters stayed at the Hotel Dardanica.", "Hotel Dardanica"),
    ("Two shepherds were shot near Zhelnovo.", "Zhelnovo"),
    ("The villages of Dolno Selo and Gorno Pole were emptied.", "Dolno Selo"),
])
def test_english_unlisted_place_after_a_facility_or_place_word(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


def test_english_addressee_of_an_addressed_demand_acts(nlp_en):
    assert ("Tirana", "ACTOR") in ents(nlp_en, "The protest was addressed to Tirana.")


def test_english_aid_delivered_to_a_country_goes_to_a_place(nlp_en):
    assert ("Albania", "PLACE") in ents(nlp_en, "Tents were delivered to Albania.")


def test_english_capitalised_sentence_before_a_line_break_is_no_heading(nlp_en):
    got = ents(nlp_en, "10:00 Talks with President Ivo Marin at Belvedere Palace.\n\nLunch follows.")
    assert ("Ivo Marin", "ACTOR") in got and ("Belvedere Palace", "PLACE") in got


@pytest.mark.parametrize("text, want", [
    ("The jets left from RAF Coltishall at dawn.", [("RAF Coltishall", "PLACE")]),
    ("RAF Jaguars struck the depot.", [("RAF", "ACTOR")]),
])
def test_english_air_force_station_after_a_preposition(nlp_en, text, want):
    assert names(ents(nlp_en, text)) == want


def test_english_oval_office_is_a_place(nlp_en):
    assert ("Oval Office", "PLACE") in ents(nlp_en, "The President will speak from the Oval Office.")


@pytest.mark.parametrize("text, org, person", [
    ("The Regional Council President Lo Fenghua read the text.", "Regional Council", "Lo Fenghua"),
    ("Border Police Chief of Staff Darko Lukic resigned.", "Border Police", "Darko Lukic"),
    ("Danube Commission Secretary General Ilse Brandt spoke.", "Danube Commission", "Ilse Brandt"),
])
def test_english_title_between_an_organisation_and_a_person(nlp_en, text, org, person):
    got = names(ents(nlp_en, text))
    assert got == [(org, "ACTOR"), (person, "ACTOR")]


@pytest.mark.parametrize("text, org", [
    ("The Court of Justice ruled on Monday.", "Court of Justice"),
    ("The Regional General Assembly met.", "Regional General Assembly"),
])
def test_english_title_word_inside_an_organisation_name(nlp_en, text, org):
    assert names(ents(nlp_en, text)) == [(org, "ACTOR")]


def test_english_country_after_its_town_and_a_comma_is_a_place(nlp_en):
    got = ents(nlp_en, "The convoy reached Durres, Albania, after dark.")
    assert ("Durres", "PLACE") in got and ("Albania", "PLACE") in got


def test_english_listed_capitals_and_countries_still_act(nlp_en):
    got = ents(nlp_en, "Envoys from Rome, Greece and Spain objected.")
    assert ("Greece", "ACTOR") in got and ("Spain", "ACTOR") in got


def test_english_title_case_headline_verb_is_no_given_name(nlp_en):
    assert names(ents(nlp_en, "Albright Greets Ivanov in Oslo")) == [
        ("Albright", "ACTOR"), ("Ivanov", "ACTOR"), ("Oslo", "PLACE")]


def test_english_lower_case_government_after_a_nationality_is_no_name(nlp_en):
    assert names(ents(nlp_en, "The Montenegrin government stayed neutral.")) == []


@pytest.mark.parametrize("text, span", [
    ("Serbia's future was decided abroad.", "Serbia"),
    ("Macedonia's Albanians voted for the coalition.", "Macedonia"),
])
def test_english_possessor_of_its_future_or_people_is_a_place(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


@pytest.mark.parametrize("text, want", [
    ("The Lisbon Conference ended without a text.", [("Lisbon", "PLACE")]),
    ("Leaders met for the NATO Oslo Summit.", [("NATO", "ACTOR"), ("Oslo", "PLACE")]),
    ("The Contact Group Ministerial was postponed.", [("Contact Group", "ACTOR")]),
])
def test_english_event_named_by_its_place_or_body(nlp_en, text, want):
    assert names(ents(nlp_en, text)) == want


def test_english_self_government_is_no_body(nlp_en):
    got = names(ents(nlp_en, "The Framework for Peace and Self-Government in Kosovo was shelved."))
    assert got == [("Kosovo", "PLACE")]


@pytest.mark.parametrize("text, span", [
    ("The Beta news agency carried the report.", "Beta"),
    ("Officers of the UNMIK police made arrests.", "UNMIK"),
])
def test_english_lower_case_description_after_a_body_is_outside(nlp_en, text, span):
    assert names(ents(nlp_en, text)) == [(span, "ACTOR")]


def test_english_firm_after_its_author_is_its_own_name(nlp_en):
    got = names(ents(nlp_en, "The memoir by Tessa Lund Hollis & Crane printed in May was praised."))
    assert got == [("Tessa Lund", "ACTOR"), ("Hollis & Crane", "ACTOR")]


def test_english_faculty_is_an_organisation(nlp_en):
    assert ("Faculty of Law", "ACTOR") in ents(nlp_en, "The Faculty of Law reopened in the autumn.")


def test_english_surname_before_a_landscape_noun_is_the_place(nlp_en):
    got = names(ents(nlp_en, "Snow closed the Rugova valley for a week."))
    assert got == [("Rugova", "PLACE")]


def test_english_surname_alone_stays_a_person(nlp_en):
    assert names(ents(nlp_en, "Rugova met the envoys in the valley.")) == [("Rugova", "ACTOR")]


def test_english_given_name_after_near_is_a_person(nlp_en):
    assert ("Arben", "ACTOR") in ents(nlp_en, "She waited near Arben at the gate.")


@pytest.mark.parametrize("text", [
    "Besa Peja opened the shop again. By noon Mrs Peja had sold out of bread.",
    "Agim Peja was the first back. Mr Peja said the house was gone.",
])
def test_english_surname_that_is_a_listed_place_after_a_title_is_the_person(nlp_en, text):
    got = names(ents(nlp_en, text))
    assert got[1] == ("Peja", "ACTOR")


def test_english_listed_place_that_is_a_surname_stays_a_place_without_a_title(nlp_en):
    got = names(ents(nlp_en, "Agim Peja was the first back. He drove on to Peja."))
    assert got[-1] == ("Peja", "PLACE")
