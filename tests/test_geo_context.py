"""ACTOR or PLACE for a country or city by its context, as classes (label-spec rule 3), and
the name classes around it; sentences written for these tests, several wordings a class."""
import pytest

from conftest import ents
from kosnlp.segment import segment


@pytest.mark.parametrize("text, span", [
    ("Belgrade was bombed again overnight.", "Belgrade"),
    ("Novi Sad has been hit three times this week.", "Novi Sad"),
    ("Montenegro remained largely untouched by the strikes.", "Montenegro"),
    ("Albania was flooded with refugees.", "Albania"),
])
def test_english_passive_of_what_is_done_to_a_territory_is_a_place(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("Belgrad został zbombardowany w nocy.", "Belgrad"),
    ("Nowy Sad był wielokrotnie ostrzeliwany.", "Nowy Sad"),
    ("Prisztina została ponownie zaatakowana.", "Prisztina"),
])
def test_polish_passive_of_what_is_done_to_a_territory_is_a_place(nlp_pl, text, span):
    assert (span, "PLACE") in ents(nlp_pl, text)


def test_passive_of_other_verbs_leaves_the_actor(nlp_en, nlp_pl):
    assert ("Belgrade", "ACTOR") in ents(nlp_en, "Belgrade was told to withdraw, and Belgrade refused.")
    assert ("Rosja", "ACTOR") in ents(nlp_pl, "Rosja została poinformowana o nalotach.")


@pytest.mark.parametrize("text, span", [
    ("Kosovo's capital was without power.", "Kosovo"),
    ("Serbia's southern towns were hit hardest.", "Serbia"),
    ("Macedonia's border stayed closed.", "Macedonia"),
])
def test_english_possessive_before_a_place_noun_is_a_place(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


def test_english_possessive_before_other_nouns_is_an_actor(nlp_en):
    assert ("Russia", "ACTOR") in ents(nlp_en, "Russia's position hardened.")
    assert ("Germany", "ACTOR") in ents(nlp_en, "They waited for Germany's answer.")


@pytest.mark.parametrize("nlp, text, span", [
    ("en", "Skopje, the capital of Macedonia, was full of reporters.", "Skopje"),
    ("en", "Pec, a town in western Kosovo, was emptied.", "Pec"),
    ("en", "Pristina is the capital of the province.", "Pristina"),
    ("pl", "Skopje, stolica Macedonii, było pełne dziennikarzy.", "Skopje"),
    ("pl", "Tirana, stolica Albanii, przyjęła tysiące uchodźców.", "Tirana"),
])
def test_name_described_by_a_place_noun_is_a_place(request, nlp, text, span):
    assert (span, "PLACE") in ents(request.getfixturevalue(f"nlp_{nlp}"), text)


@pytest.mark.parametrize("nlp, text, spans", [
    ("en", "The border between Albania and Kosovo was closed.", ["Albania", "Kosovo"]),
    ("en", "The road between Belgrade and Nis was cut.", ["Belgrade", "Nis"]),
    ("pl", "Granicę między Albanią a Kosowem zamknięto.", ["Albanią", "Kosowem"]),
    ("pl", "Droga między Belgradem a Nowym Sadem została przecięta.", ["Belgradem", "Nowym Sadem"]),
])
def test_places_at_the_ends_of_a_border_or_road_are_places(request, nlp, text, spans):
    got = ents(request.getfixturevalue(f"nlp_{nlp}"), text)
    assert all((s, "PLACE") in got for s in spans)


def test_parties_between_stay_actors(nlp_en, nlp_pl):
    assert ("Belgradem", "ACTOR") in ents(nlp_pl, "Rozmowy między Belgradem a Prisztiną zostały zerwane.")
    assert ("Belgrade", "ACTOR") in ents(nlp_en, "The talks between Belgrade and the rebels broke down.")


@pytest.mark.parametrize("nlp, text, span", [
    ("en", "Diplomats flew from Bonn to Skopje.", "Bonn"),
    ("en", "Officials returned from Moscow empty-handed.", "Moscow"),
    ("pl", "Dyplomaci polecieli z Bonn do Skopje.", "Bonn"),
    ("pl", "Ministrowie wrócili z Moskwy bez porozumienia.", "Moskwy"),
])
def test_where_someone_moved_from_is_a_place(request, nlp, text, span):
    assert (span, "PLACE") in ents(request.getfixturevalue(f"nlp_{nlp}"), text)


@pytest.mark.parametrize("nlp, text, span", [
    ("en", "Negotiators from Russia arrived in Bonn.", "Russia"),
    ("en", "Mediators from Finland joined the talks.", "Finland"),
    ("pl", "Negocjatorzy z Rosji przybyli do Bonn.", "Rosji"),
    ("pl", "Dyplomaci z Francji opuścili salę.", "Francji"),
])
def test_who_represents_a_state_from_it_makes_it_an_actor(request, nlp, text, span):
    assert (span, "ACTOR") in ents(request.getfixturevalue(f"nlp_{nlp}"), text)


def test_political_support_names_a_party_and_aid_a_place(nlp_en, nlp_pl):
    assert ("Belgrade", "ACTOR") in ents(nlp_en, "Support for Belgrade came from Minsk.")
    assert ("Albania", "PLACE") in ents(nlp_en, "The EU pledged aid for Albania.")
    assert ("Belgradu", "ACTOR") in ents(nlp_pl, "Poparcie dla Belgradu płynęło z Mińska.")
    assert ("Albanii", "PLACE") in ents(nlp_pl, "Unia przekazała pomoc dla Albanii.")


@pytest.mark.parametrize("nlp, text, spans", [
    ("en", "Serbia lies at the heart of the Balkans.", ["Serbia"]),
    ("en", "Yugoslavia borders Hungary, Romania and Bulgaria.", ["Yugoslavia", "Hungary", "Romania", "Bulgaria"]),
    ("pl", "Serbia leży w sercu Bałkanów.", ["Serbia"]),
    ("pl", "Macedonia graniczy z Albanią.", ["Macedonia"]),
])
def test_where_a_place_lies_makes_it_a_place(request, nlp, text, spans):
    got = ents(request.getfixturevalue(f"nlp_{nlp}"), text)
    assert all((s, "PLACE") in got for s in spans)


@pytest.mark.parametrize("text, span", [
    ("Albania: some 440,000 refugees are in the country.", "Albania"),
    ("Montenegro: 60,000 displaced persons.", "Montenegro"),
])
def test_a_section_heading_on_a_place_is_a_place(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("Politika, the Belgrade daily, blamed the alliance.", "Belgrade"),
    ("He was taken to a Pristina hospital.", "Pristina"),
    ("Skopje residents watched the convoys.", "Skopje"),
])
def test_english_city_modifying_a_noun_of_origin_or_place_is_a_place(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


def test_polish_governing_noun_read_from_every_lemma(nlp_pl):
    # "Południe" is first read as the adjective "południ"; the noun "południe" governs
    assert ("Serbii", "PLACE") in ents(nlp_pl, "Południe Serbii ucierpiało najbardziej.")
    assert ("Serbii", "PLACE") in ents(nlp_pl, "Północ Serbii była spokojna.")


@pytest.mark.parametrize("nlp, text, span", [
    ("en", "BELGRADE (AP) - Air raid sirens sounded across the city.", "BELGRADE"),
    ("en", "SKOPJE (Reuters) — Refugees kept arriving.", "SKOPJE"),
    ("en", "PRISTINA - Police sealed off the centre.", "PRISTINA"),
    ("pl", "BELGRAD (PAP) - Syreny zawyły nad miastem.", "BELGRAD"),
    ("pl", "TIRANA – Do obozów przybywają kolejni uchodźcy.", "TIRANA"),
])
def test_dateline_with_an_agency_or_a_dash(request, nlp, text, span):
    assert (span, "PLACE") in ents(request.getfixturevalue(f"nlp_{nlp}"), text)


def test_an_organisation_before_a_dash_is_no_dateline(nlp_en):
    got = ents(nlp_en, "NATO (AP) - The alliance met again.")
    assert ("NATO", "ACTOR") in got and ("NATO", "PLACE") not in got


@pytest.mark.parametrize("text, span", [
    ("Do Albanii trafiła 10. Brygada Kawalerii Pancernej.", "10. Brygada Kawalerii Pancernej"),
    ("Żołnierze 82. Dywizji Powietrznodesantowej przybyli do bazy.", "82. Dywizji Powietrznodesantowej"),
    ("Patrol z 18. Samodzielnego Batalionu Desantowo-Szturmowego wrócił.",
     "18. Samodzielnego Batalionu Desantowo-Szturmowego"),
])
def test_polish_numbered_unit_is_one_sentence_and_one_span(nlp_pl, text, span):
    assert len(segment(text, "pl")) == 1
    assert (span, "ACTOR") in ents(nlp_pl, text)


def test_polish_number_ending_a_sentence_still_ends_it():
    assert len(segment("Zginęło 12. Rodziny czekały na wieści.", "pl")) == 2


def test_transcript_speakers_in_capitals(nlp_en):
    text = ("JAMIE SHEA: Good afternoon.\nQ: Can you confirm the report?\nSHEA: I can confirm it.\n"
            "GENERAL JERTZ: The weather was good.\nMODERATOR: Thank you.")
    got = ents(nlp_en, text)
    assert ("JAMIE SHEA", "ACTOR") in got and ("SHEA", "ACTOR") in got and ("JERTZ", "ACTOR") in got
    assert not [g for g in got if g[0] in ("Q", "MODERATOR")]


@pytest.mark.parametrize("text, span", [
    ("Correspondent Alex Kirkbride reported from Brussels.", "Alex Kirkbride"),
    ("Photographer Ron Haviv covered the war.", "Ron Haviv"),
    ("Researcher Fred Abrahams collected testimony.", "Fred Abrahams"),
])
def test_english_lower_case_title_capitalised_at_sentence_start_is_outside(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("Klub Parlamentarny AWS poparł rząd.", "Klub Parlamentarny AWS"),
    ("Posłowie Klubu Parlamentarnego SLD wstrzymali się.", "Klubu Parlamentarnego SLD"),
])
def test_polish_parliamentary_club_is_an_organisation(nlp_pl, text, span):
    assert (span, "ACTOR") in ents(nlp_pl, text)


@pytest.mark.parametrize("text, span", [
    ("The Special Anti-Terrorist Unit took part.", "Special Anti-Terrorist Unit"),
    ("A Military Police Detachment guarded the camp.", "Military Police Detachment"),
])
def test_english_units_are_organisations(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("The Senate backed the air campaign.", "Senate"),
    ("After the debate the Commons voted.", "Commons"),
    ("The Council adopted the text unanimously.", "Council"),
])
def test_english_institution_named_by_one_capitalised_word(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


def test_english_institution_word_in_lower_case_is_no_name(nlp_en):
    assert not ents(nlp_en, "The senate of the university met, and the council agreed.")


def test_english_group_noun_with_its_article_coordinated(nlp_en):
    got = ents(nlp_en, "The British and the Italians sent paratroopers.")
    assert ("British", "ACTOR") in got and ("Italians", "ACTOR") in got
    assert ("British", "ACTOR") not in ents(nlp_en, "British and Italian troops landed.")


def test_polish_compass_adjective_between_preposition_and_name(nlp_pl):
    assert ("Albanii", "PLACE") in ents(nlp_pl, "Uchodźcy dotarli do Kukësu w północnej Albanii.")
    assert ("Serbii", "PLACE") in ents(nlp_pl, "Walki przeniosły się do południowej Serbii.")


@pytest.mark.parametrize("nlp, text, span", [
    ("en", "Kukes (Albania): 100,000 refugees are in the town.", "Albania"),
    ("en", "They reached Blace (Macedonia) at night.", "Macedonia"),
    ("pl", "Dotarli do Stenkovca (Macedonia) w nocy.", "Macedonia"),
])
def test_country_in_brackets_after_a_place_is_a_place(request, nlp, text, span):
    assert (span, "PLACE") in ents(request.getfixturevalue(f"nlp_{nlp}"), text)


@pytest.mark.parametrize("text, span", [
    ("The Belgrade-based centre documented the killings.", "Belgrade"),
    ("A London-based group published the list.", "London"),
    ("Serbia-wide protests followed.", "Serbia"),
])
def test_english_place_compounds(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


def test_english_later_members_of_a_coordination_after_a_place_preposition(nlp_en):
    got = ents(nlp_en, "Refugees in Macedonia, Albania and Montenegro numbered 800,000.")
    assert [g for g in got if g[1] == "PLACE"] == [("Macedonia", "PLACE"), ("Albania", "PLACE"), ("Montenegro", "PLACE")]
    assert ("Russia", "ACTOR") in ents(nlp_en, "Talks in Bonn failed and Russia walked out.")


@pytest.mark.parametrize("text, span", [
    ("Rada Ministrów przyjęła stanowisko w sprawie Kosowa.", "Kosowa"),
    ("Premier przedstawił opinię rządu na temat Kosowa.", "Kosowa"),
])
def test_polish_governing_noun_does_not_reach_across_a_preposition(nlp_pl, text, span):
    assert (span, "PLACE") in ents(nlp_pl, text)


@pytest.mark.parametrize("text, span", [
    ("Polityka Waszyngtonu wobec Belgradu była niekonsekwentna.", "Belgradu"),
    ("Wysłannicy Waszyngtonu przyjechali do Belgradu.", "Waszyngtonu"),
])
def test_polish_towards_and_envoys_name_parties(nlp_pl, text, span):
    assert (span, "ACTOR") in ents(nlp_pl, text)


@pytest.mark.parametrize("nlp, text, name, office", [
    ("pl", "Przewodniczący Komisji Europejskiej Romano Prodi skrytykował rząd.", "Komisji Europejskiej",
     "Przewodniczący"),
    ("pl", "Sekretarz Generalny NATO Javier Solana zapowiedział przerwę.", "NATO", "Generalny"),
    ("en", "He met the President of the Security Council.", "Security Council", "President"),
])
def test_office_before_an_organisation_is_outside_it(request, nlp, text, name, office):
    got = ents(request.getfixturevalue(f"nlp_{nlp}"), text)
    assert (name, "ACTOR") in got and not [g for g in got if office in g[0]]


def test_english_word_of_a_longer_title_opens_an_organisation(nlp_en):
    assert ("Foreign Service", "ACTOR") in ents(nlp_en, "He joined the Foreign Service in 1962.")


@pytest.mark.parametrize("text, span", [
    ("W Dolinie Preszewa wybuchły walki.", "Dolinie Preszewa"),
    ("Uchodźcy zatrzymali się w Hotelu Metropol.", "Hotelu Metropol"),
])
def test_polish_capitalised_place_noun_is_part_of_the_name(nlp_pl, text, span):
    assert (span, "PLACE") in ents(nlp_pl, text)


def test_polish_place_or_what_befalls_it_after_its_name(nlp_pl):
    assert ("Prisztina", "PLACE") in ents(nlp_pl, "Prisztina opustoszała w ciągu kilku dni.")
    assert ("Belgrad", "PLACE") in ents(nlp_pl, "Belgrad płonął przez całą noc.")
    assert ("Rosja", "ACTOR") in ents(nlp_pl, "Rosja liczyła na kompromis.")


@pytest.mark.parametrize("text, span", [
    ("Kosovo borders Serbia to the north and Montenegro to the west.", "Montenegro"),
    ("The Albanian capital, Tirana, was calm.", "Tirana"),
    ("Protests filled the Serbian capital Belgrade.", "Belgrade"),
])
def test_english_compass_and_capital_appositions_are_places(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


def test_a_place_alone_on_a_heading_line_is_a_place(nlp_en, nlp_pl):
    assert ("ALBANIA", "PLACE") in ents(nlp_en, "ALBANIA\nRefugee numbers rose again.")
    assert ("MACEDONIA", "PLACE") in ents(nlp_pl, "MACEDONIA\nLiczba uchodźców wzrosła.")


@pytest.mark.parametrize("text, span", [
    ("Serbowie kosowscy uciekli na północ.", "Serbowie kosowscy"),
    ("Rozmawiano z Albańczykami kosowskimi.", "Albańczykami kosowskimi"),
    ("Pomoc dla Serbów bośniackich dotarła.", "Serbów bośniackich"),
])
def test_polish_group_noun_with_its_geographic_adjective_after_it(nlp_pl, text, span):
    assert (span, "ACTOR") in ents(nlp_pl, text)


def test_polish_upper_case_name_declined_after_a_hyphen(nlp_pl):
    got = ents(nlp_pl, "Żołnierze KFOR-u spotkali przedstawiciela UNHCR-u.")
    assert ("KFOR-u", "ACTOR") in got and ("UNHCR-u", "ACTOR") in got


def test_polish_adjective_made_from_a_name_with_a_hyphen_is_no_name(nlp_pl):
    got = ents(nlp_pl, "Oddziały ONZ-owskie i NATO-wskie samoloty wróciły.")
    assert not got


@pytest.mark.parametrize("nlp, text, abbr", [
    ("en", "The Humanitarian Law Center (HLC) documented the deaths.", "HLC"),
    ("en", "The Federal Republic of Yugoslavia (FRY) rejected the plan.", "FRY"),
    ("pl", "Polska Akcja Humanitarna (PAH) wysłała konwój.", "PAH"),
])
def test_abbreviation_in_brackets_after_an_actor_is_an_actor(request, nlp, text, abbr):
    assert (abbr, "ACTOR") in ents(request.getfixturevalue(f"nlp_{nlp}"), text)


def test_place_in_brackets_after_an_agency_dateline_keeps_labels(nlp_en):
    got = ents(nlp_en, "BELGRADE (AP) - Sirens sounded.")
    assert ("BELGRADE", "PLACE") in got and ("AP", "ACTOR") in got


def test_organisation_before_a_person_ends_before_the_connector(nlp_en):
    got = ents(nlp_en, "The Serbian Renewal Movement of Vuk Draskovic left the coalition.")
    assert ("Serbian Renewal Movement", "ACTOR") in got and ("Vuk Draskovic", "ACTOR") in got



@pytest.mark.parametrize("text, span", [
    ("The bombers went after Serbia's power grid.", "Serbia"),
    ("Strikes crippled Yugoslavia's infrastructure.", "Yugoslavia"),
    ("Montenegro's electricity came back at noon.", "Montenegro"),
])
def test_english_possessive_before_infrastructure_is_a_place(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


def test_english_possessive_before_power_alone_is_the_state_acting(nlp_en):
    # "power" is a place's only as the modifier of its grid, which the possessive rule crosses to
    got = ents(nlp_en, "Russia's power in the Balkans was waning.")
    assert ("Russia", "ACTOR") in got and ("Balkans", "PLACE") in got


@pytest.mark.parametrize("text, span", [
    ("Much of Novi Sad had no water.", "Novi Sad"),
    ("Most of Montenegro stayed calm.", "Montenegro"),
    ("The writer was smuggled out of Belgrade.", "Belgrade"),
])
def test_english_share_of_a_territory_or_way_out_of_it_is_a_place(nlp_en, text, span):
    assert (span, "PLACE") in ents(nlp_en, text)


@pytest.mark.parametrize("nlp, text, spans", [
    ("en", "The mediator shuttled between Bonn, Moscow and Helsinki.", ["Bonn", "Moscow", "Helsinki"]),
    ("en", "Envoys travelled between Skopje and Tirana all week.", ["Skopje", "Tirana"]),
])
def test_ends_of_a_journey_between_places_are_places(request, nlp, text, spans):
    got = ents(request.getfixturevalue(f"nlp_{nlp}"), text)
    assert [g for g in got if g[0] in spans] == [(s, "PLACE") for s in spans]


@pytest.mark.parametrize("nlp, text, span", [
    ("pl", "Komunikat Biura Prasowego Rządu, Warszawa, 3 maja 1999 r. (fragmenty)\n\nRząd przyjął plan.", "Warszawa"),
    ("en", "Briefing by the Foreign Office spokesman, London, 4 May 1999 (extract)\n\nGood morning.", "London"),
])
def test_place_and_date_closing_a_heading_with_a_remark_in_brackets_is_a_place(request, nlp, text, span):
    assert (span, "PLACE") in ents(request.getfixturevalue(f"nlp_{nlp}"), text)
