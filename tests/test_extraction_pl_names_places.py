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
    ("EKSPERT: Bo Sojusz nie ustąpi.", "Sojusz"),
    ("PROWADZĄCA: Czy NATO przerwie naloty?", "NATO"),
    ("GOŚĆ: Ale Rosja tego nie poprze.", "Rosja"),
])
def test_polish_function_word_opening_an_answer_after_a_speaker_label_is_outside_the_name(nlp_pl, text, span):
    got = ents(nlp_pl, text)
    assert (span, "ACTOR") in got and not [g for g in got if g[0].startswith(("Bo ", "Czy ", "Ale "))]


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


@pytest.mark.parametrize("text, span, label", [
    ("Konwój jechał przez Bułgarię trzy dni.", "Bułgarię", "PLACE"),
    ("Tranzyt przez Węgry zablokowano.", "Węgry", "PLACE"),
    ("Projekt przygotowany przez Francję przyjęto.", "Francję", "ACTOR"),
    ("Wniosek został odrzucony przez Chiny.", "Chiny", "ACTOR"),
])
def test_polish_przez_is_the_way_after_a_movement_else_the_agent(nlp_pl, text, span, label):
    assert (span, label) in ents(nlp_pl, text)


@pytest.mark.parametrize("text, span", [
    ("W miejscowości Gornje Obrinje spłonęły domy.", "Gornje Obrinje"),
    ("Zamach w restauracji „Kalaja” w Prizrenie wstrząsnął miastem.", "Kalaja"),
    ("Nad jeziorem Gazivoda stanął posterunek.", "Gazivoda"),
])
def test_polish_names_after_place_nouns_are_places(nlp_pl, text, span):
    assert (span, "PLACE") in ents(nlp_pl, text)


def test_polish_document_number_is_no_unit_number(nlp_pl):
    got = ents(nlp_pl, "Rezolucja 1160 Rady Bezpieczeństwa nałożyła embargo, a 3. Batalion Piechoty wyjechał.")
    assert ("Rady Bezpieczeństwa", "ACTOR") in got and ("3. Batalion Piechoty", "ACTOR") in got


@pytest.mark.parametrize("text, span", [
    ("Sprawozdanie Fundacji „Dom Pokoju” za ubiegły rok trafiło do sejmu.", "Fundacji „Dom Pokoju”"),
    ("Żołnierze Polskiej Brygady „Północ” wrócili do kraju.", "Polskiej Brygady „Północ”"),
    ("Pomagało nam Towarzystwo „Nadzieja Bałkanów” z Gdańska.", "Towarzystwo „Nadzieja Bałkanów”"),
])
def test_polish_organisation_head_with_its_quoted_name_is_one_span(nlp_pl, text, span):
    assert (span, "ACTOR") in ents(nlp_pl, text)


def test_polish_programme_with_a_quoted_place_is_no_organisation(nlp_pl):
    assert ents(nlp_pl, "Program „Kosowo” trwał rok.") == [("Kosowo", "PLACE")]


@pytest.mark.parametrize("text, span", [
    ("Siły KFOR zajęły lotnisko.", "KFOR"),
    ("Rząd Albanii otworzył granicę.", "Albanii"),
    ("Władze Czarnogóry milczały.", "Czarnogóry"),
])
def test_polish_power_noun_opening_a_sentence_is_outside_the_name(nlp_pl, text, span):
    assert ents(nlp_pl, text)[0] == (span, "ACTOR")


def test_polish_organisation_opening_a_sentence_keeps_its_head(nlp_pl):
    assert ents(nlp_pl, "Armia Wyzwolenia Kosowa ogłosiła rozejm.")[0] == ("Armia Wyzwolenia Kosowa", "ACTOR")


@pytest.mark.parametrize("text, span", [
    ("Patrol wrócił do bazy Camp Able Sentry pod Skopjem.", "Camp Able Sentry"),
    ("Przez Dolinę Drinu szli uchodźcy.", "Dolinę Drinu"),
])
def test_polish_named_facilities_and_capitalised_place_nouns(nlp_pl, text, span):
    assert (span, "PLACE") in ents(nlp_pl, text)


def test_polish_surname_particles_join_the_name(nlp_pl):
    got = ents(nlp_pl, "Minister rozmawiał z Pierre'em de Boissieu i z Hansem van Mierlo.")
    assert ("Pierre'em de Boissieu", "ACTOR") in got and ("Hansem van Mierlo", "ACTOR") in got


def test_polish_union_capitalised_alone_is_the_eu_and_a_commission_alone_a_body(nlp_pl):
    doc = nlp_pl("Macedonia chce wejść do Unii, a Komisja przygotowała raport o Albanii.")
    got = {(e.text, e.label_): e._.norm.get("id") for e in doc.ents}
    assert got[("Unii", "ACTOR")] == "organisation:eu" and ("Komisja", "ACTOR") in got


def test_polish_commission_before_a_link_is_the_head_of_a_longer_name(nlp_pl):
    got = ents(nlp_pl, "Potem Komisja ds. Pomocy zebrała się w Skopju.")
    assert ("Komisja ds. Pomocy", "ACTOR") in got and ("Komisja", "ACTOR") not in got


def test_polish_lower_case_union_and_commission_are_no_names(nlp_pl):
    assert ents(nlp_pl, "Ta unia celna i komisja graniczna działały w Skopju.") == [("Skopju", "PLACE")]


def test_polish_name_shared_by_two_listed_bodies_is_ambiguous(nlp_pl):
    doc = nlp_pl("Paczki rozdawano razem z Caritasem.")
    assert [(e.text, e._.norm.get("reason", "")[:9]) for e in doc.ents] == [("Caritasem", "ambiguous")]


def test_polish_cases_of_a_place_in_c_acute(nlp_pl):
    doc = nlp_pl("Konwój wyjechał z Obilicia do Prisztiny.")
    got = {(e.text, e.label_): e._.norm.get("id") for e in doc.ents}
    assert ("Obilicia", "PLACE") in got and got[("Obilicia", "PLACE")]


def test_polish_place_before_the_closing_date_of_a_note_is_where_it_was_written(nlp_pl):
    got = ents(nlp_pl, "Raport przygotował zespół ambasady, Skopje, 14 kwietnia 1999 r.\n\nDalej tekst.")
    assert ("Skopje", "PLACE") in got


@pytest.mark.parametrize("text, span", [
    ("Referat wygłosił pracownik Zakładu Historii Najnowszej.", "Zakładu Historii Najnowszej"),
    ("Analizę opublikował Ośrodek Studiów Bałkańskich.", "Ośrodek Studiów Bałkańskich"),
])
def test_polish_institute_heads(nlp_pl, text, span):
    assert (span, "ACTOR") in ents(nlp_pl, text)


@pytest.mark.parametrize("text, span", [
    ("W obozie Kukës II zabrakło chleba.", "Kukës II"),
    ("Rocznicę bitwy obchodzono na Kosowym Polu.", "Kosowym Polu"),
])
def test_polish_numbered_camps_and_neuter_adjective_places(nlp_pl, text, span):
    assert (span, "PLACE") in ents(nlp_pl, text)


def test_polish_numbered_camp_links_to_its_place(nlp_pl):
    doc = nlp_pl("Paczki rozdano w obozie Stenkovec II.")
    got = {e.text: e._.norm.get("id") for e in doc.ents}
    assert got["Stenkovec II"] == "place:stenkovec"


@pytest.mark.parametrize("text, span", [
    ("Minister Obrony Narodowej Jan Nowicki odwiedził bazę.", "Jan Nowicki"),
    ("Do Skopja przyleciał Sekretarz Stanu Madeleine Albright.", "Madeleine Albright"),
])
def test_polish_capitalised_office_words_are_outside_the_person(nlp_pl, text, span):
    got = ents(nlp_pl, text)
    assert (span, "ACTOR") in got and not [g for g in got if g[0] != span and span in g[0]]


def test_polish_document_word_ends_the_organisation(nlp_pl):
    got = ents(nlp_pl, "Grupa Kontaktowa Deklaracją londyńską wezwała strony do rozmów.")
    assert got[0] == ("Grupa Kontaktowa", "ACTOR")


def test_polish_given_name_before_a_one_word_place_is_a_person(nlp_pl):
    assert ents(nlp_pl, "Sklep prowadził Besnik Morina z bratem.")[0] == ("Besnik Morina", "ACTOR")


def test_polish_military_police_and_headquarters_are_organisations(nlp_pl):
    got = ents(nlp_pl, "Żandarmeria Wojskowa i Komenda Główna Policji wysłały ludzi do Skopja.")
    assert ("Żandarmeria Wojskowa", "ACTOR") in got and ("Komenda Główna Policji", "ACTOR") in got


def test_polish_plural_adjective_from_an_acronym_is_no_name(nlp_pl):
    assert ents(nlp_pl, "NATO-wscy generałowie i ONZ-owscy urzędnicy przybyli do Skopja.") == [("Skopja", "PLACE")]


def test_polish_mission_capitalised_by_the_sentence_before_a_listed_body(nlp_pl):
    assert ents(nlp_pl, "Misja UNMIK przejęła administrację.")[0] == ("UNMIK", "ACTOR")


def test_polish_organisation_named_for_a_person_is_one_span(nlp_pl):
    got = ents(nlp_pl, "Stypendia dała Fundacja im. Jana Pawła II, a nagrodę im. Sacharowa dostał Rugova.")
    assert ("Fundacja im. Jana Pawła II", "ACTOR") in got and ("Sacharowa", "ACTOR") in got


@pytest.mark.parametrize("text, span", [
    ("Oblężenie Sarajewa trwało niemal cztery lata.", "Sarajewa"),
    ("Ewakuacja Prizrenu zaczęła się nocą.", "Prizrenu"),
])
def test_polish_territory_taken_or_emptied_is_a_place(nlp_pl, text, span):
    assert (span, "PLACE") in ents(nlp_pl, text)


def test_polish_taking_a_position_is_no_taking_of_a_territory(nlp_pl):
    assert ("Rosja", "ACTOR") in ents(nlp_pl, "Odmienne stanowisko zajęła Rosja.")


def test_polish_office_title_in_capitals_alone_is_no_person(nlp_pl):
    assert ents(nlp_pl, "Otrzymują: Minister Obrony Narodowej, Sztab Generalny WP.") == [("Sztab Generalny WP", "ACTOR")]


def test_polish_base_named_without_camp(nlp_pl):
    assert ents(nlp_pl, "Wróciliśmy do Bondsteel przed zmrokiem.") == [("Bondsteel", "PLACE")]


@pytest.mark.parametrize("text, span", [
    ("Wywiad z ministrem nadała wieczorem Jedynka.", "Jedynka"),
    ("W rozmowie z Jedynką rzecznik zaprzeczył.", "Jedynką"),
])
def test_polish_channel_named_by_its_colloquial_name_is_an_actor(nlp_pl, text, span):
    assert (span, "ACTOR") in ents(nlp_pl, text)


def test_polish_common_noun_of_the_channel_name_lower_case_is_no_name(nlp_pl):
    assert ents(nlp_pl, "Dostał jedynkę z klasówki.") == []


@pytest.mark.parametrize("text, span", [
    ("Dostałem list od Blerty, mojej uczennicy z obozu.", "Blerty"),
    ("Długo rozmawiałam z Vjosą o powrocie.", "Vjosą"),
    ("Na dworcu zobaczyłam Flutury siostrę.", "Flutury"),
])
def test_polish_given_name_in_a_alone_in_its_case_forms(nlp_pl, text, span):
    assert (span, "ACTOR") in ents(nlp_pl, text)


def test_polish_verb_that_looks_like_a_case_form_of_a_given_name_is_outside_the_name(nlp_pl):
    got = ents(nlp_pl, "Ginie Hashim Thaçi i jego ludzie.")
    assert not [g for g in got if g[0].startswith("Ginie")]


def test_polish_surname_that_is_a_listed_place_after_a_title_is_the_person(nlp_pl):
    got = ents(nlp_pl, "Besa Peja otworzyła sklep. Pani Peja mówi, że zostanie.")
    assert ("Peja", "ACTOR") in got and ("Peja", "PLACE") not in got
