"""English extraction classes on new text (sentences written for these tests)."""
import pytest

from conftest import ents


def dates(got):
    return [g[0] for g in got if g[1] == "DATE"]


@pytest.mark.parametrize("text, span", [
    ("The envoy arrived on Thursday, 4 November 2004, by train.", "Thursday, 4 November 2004"),
    ("On Sunday, May 16 the ferry sank.", "Sunday, May 16"),
    ("TUESDAY 12 OCTOBER 2004 - EVENING BULLETIN", "TUESDAY 12 OCTOBER 2004"),
    ("The markets shut on Monday the 3rd.", "Monday the 3rd"),
    ("Thursday 22nd", "Thursday 22nd"),
    ("8 August, morning", "8 August, morning"),
    ("Floods hit between late May and early July 2005.", "late May and early July 2005"),
    ("We had lunch at the port that afternoon.", "that afternoon"),
    ("The courts were closed that week.", "that week"),
    ("Nobody in the valley will forget this day.", "this day"),
    ("Between April and August the camps filled.", "April and August"),
    ("The first days of October were calm.", "first days of October"),
    ("In the last weeks of July the roads reopened.", "last weeks of July"),
    # a log's headings: months abbreviated with or without the stop, a weekday in parentheses
    ("7 Apr. Heavy Rain all day at the camp.", "7 Apr."),
    ("12 Jun (Sat). Troops crossed the river.", "12 Jun (Sat)"),
    ("The convoy left on 9 Oct and returned.", "9 Oct"),
])
def test_english_date_composition(nlp_en, text, span):
    got = ents(nlp_en, text)
    assert (span, "DATE") in got
    assert dates(got) == [span]  # one span, no second date inside or beside it


def test_english_to_this_day_is_no_date(nlp_en):
    assert dates(ents(nlp_en, "To this day the bridge is closed, and it stays shut until that day comes.")) == []


def test_english_weekday_list_is_not_joined_to_a_later_date(nlp_en):
    got = dates(ents(nlp_en, "Talks resumed on Monday, and on 5 June they ended."))
    assert got == ["Monday", "5 June"]


def test_english_date_then_comma_then_noun_is_not_a_part_of_day(nlp_en):
    got = dates(ents(nlp_en, "On 2 May, evening classes began in the town hall."))
    assert got == ["2 May"]


@pytest.mark.parametrize("text, span", [
    ("Brigadier Tom Reyes of the Yugoslav General Staff spoke first.", "Yugoslav General Staff"),
    ("Mirko Dolan, Chief of the General Staff of the Yugoslav Army, resigned.", "General Staff of the Yugoslav Army"),
    ("Appeals Chamber II of the Special Court for Sierra Leone sat on Monday.",
     "Appeals Chamber II of the Special Court for Sierra Leone"),
    ("The Chamber held that the order was lawful.", "Chamber"),
    ("Members of this House have asked for a vote.", "House"),
])
def test_english_organisation_names(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


def test_english_chief_of_staff_is_an_office_not_an_organisation(nlp_en):
    got = ents(nlp_en, "The Chief of Staff Pavel Ronin met reporters.")
    assert ("Pavel Ronin", "ACTOR") in got and not [g for g in got if "Staff" in g[0]]


def test_english_office_word_of_a_known_name_stays(nlp_en):
    got = ents(nlp_en, "She chaired the House of Commons Defence Committee.")
    assert not [g for g in got if g[0].startswith("Commons")]


def test_english_lower_case_house_and_unknown_chamber_word_are_no_names(nlp_en):
    got = ents(nlp_en, "They met in the house. The chamber was cold.")
    assert got == []


@pytest.mark.parametrize("text, span", [
    ("Goran Vuletić spoke to the press.", "Goran Vuletić"),
    ("Bujar Krasniqi, a teacher, was arrested.", "Bujar Krasniqi"),
    ("Dobrica Lazić led the convoy.", "Dobrica Lazić"),
])
def test_english_balkan_given_name_before_a_surname(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


def test_english_coordinated_nationality_adjectives_are_no_groups(nlp_en):
    got = ents(nlp_en, "Dutch, Belgian, British and Canadian engineers rebuilt the bridge.")
    assert not [g for g in got if g[0] in ("Dutch", "British")]


def test_english_coordinated_nationality_nouns_stay_groups(nlp_en):
    got = ents(nlp_en, "The British and French agreed, and the Dutch and the Germans did not.")
    assert {("British", "ACTOR"), ("French", "ACTOR"), ("Germans", "ACTOR")} <= set(got)


def test_english_alliance_opening_a_sentence_is_no_name(nlp_en):
    text = "Alliance planes flew at night. Soon afterwards the Alliance paused."
    assert [(e.text, e.label_, e.start_char) for e in nlp_en(text).ents] == [("Alliance", "ACTOR", text.rindex("Alliance"))]


@pytest.mark.parametrize("text, span", [
    ("Reporters waited outside the court in The Hague.", "Hague"),
    ("A Hague judge read the verdict; the Hague prosecutor left.", "Hague"),
    ("Refugees crossed into the former Yugoslav Republic of Macedonia.", "Yugoslav Republic of Macedonia"),
    ("NEWS DIGEST, ITEM 2: SERBIA", "SERBIA"),
    ("Tornado jets took off from Gioia del Colle at dusk.", "Gioia del Colle"),
])
def test_english_place_names(nlp_en, text, span):
    got = ents(nlp_en, text)
    assert span in [g[0] for g in got]
    assert not [g for g in got if g[0].startswith(("The ", "former "))]


@pytest.mark.parametrize("text, span", [
    ("He was posted to South Vietnam in 1965.", "South Vietnam"),
    ("She grew up in East Germany and studied in West Germany.", "East Germany"),
])
def test_english_cold_war_states(nlp_en, text, span):
    got = ents(nlp_en, text)
    assert (span, "PLACE") in got and ("Vietnam", "PLACE") not in got


def test_english_unknown_given_name_before_a_known_surname(nlp_en):
    got = ents(nlp_en, "Police questioned the lawyer Velisav Milošević, no relation of the president.")
    assert ("Velisav Milošević", "ACTOR") in got


def test_english_sentence_opening_word_before_a_known_surname_stays_outside(nlp_en):
    got = ents(nlp_en, "Meanwhile Milošević waited.")
    assert ("Milošević", "ACTOR") in got and not [g for g in got if g[0].startswith("Meanwhile")]


@pytest.mark.parametrize("text, span", [
    ("The Belgrade daily Glas Javnosti printed the list.", "Glas Javnosti"),
    ("According to Kosova Sot, the road was reopened.", "Kosova Sot"),
    ("An editorial in the Neue Zürcher Zeitung disagreed.", "Neue Zürcher Zeitung"),
])
def test_english_media_of_the_period(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


@pytest.mark.parametrize("text, span", [
    ("The envoy Pieter ter Horst arrived late.", "Pieter ter Horst"),
    ("A letter from Javier Pérez de Cuéllar was read out.", "Javier Pérez de Cuéllar"),
    ("The judge Anna von der Brelie asked for calm.", "Anna von der Brelie"),
])
def test_english_surname_particles(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


def test_english_particle_ends_no_name(nlp_en):
    got = ents(nlp_en, "They met Maria da in the hall.")
    assert not [g for g in got if g[0].endswith(" da")]


@pytest.mark.parametrize("text, span", [
    ("Kosovo Serbs gathered at the bridge.", "Kosovo Serbs"),
    ("Leaders of the Bosnian Croats met in the town.", "Bosnian Croats"),
])
def test_english_group_with_its_geographic_word(nlp_en, text, span):
    got = ents(nlp_en, text)
    assert (span, "ACTOR") in got and len(got) == 1


@pytest.mark.parametrize("text, span", [
    ("A note from Jean-Luc Moreau reached the mission.", "Jean-Luc Moreau"),
    ("Police detained Ana Marić-Horvat on Friday.", "Ana Marić-Horvat"),
])
def test_english_hyphenated_names(nlp_en, text, span):
    assert (span, "ACTOR") in ents(nlp_en, text)


def test_english_and_without_between_is_no_range(nlp_en):
    assert dates(ents(nlp_en, "In May and in August they met again.")) == ["May", "August"]
