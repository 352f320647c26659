"""Dated headings (a diary's entries) as the date of writing of what follows, on texts
written for the tests: which lines are headings, weekdays of headings going forward, and
the date the whole text was written by bounding a month said in an entry."""
import pytest

from kosnlp.normalise.dates import DateNormaliser
from kosnlp.normalise.story_time import StoryTime

D = DateNormaliser()


def spans_of(text, parts):
    """(start, end, label) of each (words, label) in `parts`, found in order in `text`."""
    out, pos = [], 0
    for words, label in parts:
        s = text.index(words, pos)
        out.append((s, s + len(words), label))
        pos = s + len(words)
    return out


@pytest.mark.parametrize("line, parts, which, expected", [
    # a heading: the date alone, or its weekday and its day, with a part of the day
    ("Tuesday, 4 June 2002", [("Tuesday", "DATE"), ("4 June 2002", "DATE")], 1, True),
    ("Tuesday, 4 June 2002", [("Tuesday", "DATE"), ("4 June 2002", "DATE")], 0, True),
    ("Środa wieczorem", [("Środa wieczorem", "DATE")], 0, True),
    ("5 June, evening, Tirana", [("5 June", "DATE"), ("Tirana", "PLACE")], 0, True),
    # a date heading an entry on its line: a log's, a digest's, a release's after its place
    ("7 Apr (Wed). Convoy left at dawn; back tomorrow.", [("7 Apr", "DATE"), ("Wed", "DATE"), ("tomorrow", "DATE")],
     0, True),
    ("15.04.1999 (czwartek). Rząd przyjmuje apel.", [("15.04.1999", "DATE"), ("czwartek", "DATE")], 0, True),
    ("SKOPJE, 9 April 1999 - The border stays closed today.", [("SKOPJE", "PLACE"), ("9 April 1999", "DATE"),
                                                              ("today", "DATE")], 1, True),
    ("9 Apr. Rain all day.", [("9 Apr.", "DATE")], 0, True),
    # a day opening its line, then a place the gazetteer does not know (a traveller's stage)
    ("Saturday 27 March, Villafranca del Bierzo", [("Saturday 27 March", "DATE")], 0, True),
    ("Sunday 4 April, Santiago de Compostela", [("Sunday 4 April", "DATE"), ("Santiago", "ACTOR")], 0, True),
    ("12 maja, Stara Wieś nad Wisłą", [("12 maja", "DATE")], 0, True),
    # ... its entry opening with a date after the stop: no range
    ("Monday, 24 December. Christmas Eve in the camp.", [("Monday, 24 December", "DATE"), ("Christmas Eve", "DATE")],
     0, True),
    ("12.04.1999: Wielkanoc prawosławna minęła spokojnie.", [("12.04.1999", "DATE"), ("Wielkanoc", "DATE")], 0, True),
    # not one: a sentence opening with a date, a weekday heading an item of a list
    ("9 kwietnia 1999 r. Macedonia zamknęła granicę.", [("9 kwietnia 1999 r.", "DATE"), ("Macedonia", "PLACE")],
     0, False),
    ("Monday: tents handed out in Kukes.", [("Monday", "DATE"), ("Kukes", "PLACE")], 0, False),
    ("On 9 April the border closed.", [("9 April", "DATE")], 0, False),
    # not a heading: a sentence, a source citation, a place line with a second date
    ("We left on 5 June.", [("5 June", "DATE")], 0, False),
    ("5 June, and then we left", [("5 June", "DATE")], 0, False),
    ("5 June, Kukes and Tirana were quiet.", [("5 June", "DATE")], 0, False),
    ("Rain, 5 June, Mud", [("5 June", "DATE")], 0, False),
    ("(Reuter, AP, June 10)", [("Reuter", "ACTOR"), ("AP", "ACTOR"), ("June 10", "DATE")], 2, False),
    ("Tirana, 5 June - 7 June", [("Tirana", "PLACE"), ("5 June", "DATE"), ("7 June", "DATE")], 1, False),
])
def test_a_heading_is_dates_alone_on_their_line(line, parts, which, expected):
    text = "A notebook\n\n" + line + "\nThe next line tells the day.\n"
    spans = spans_of(text, parts)
    s, e, _ = spans[which]
    assert D.dateline(text, s, e, spans) is expected


def read(mentions, lang, ref):
    """Normalise (mention, is_heading) in reading order through StoryTime, as the spaCy
    component does: a heading's weekday goes forward."""
    story, out = StoryTime(ref), []
    for text, heading in mentions:
        n = D.normalise(text, lang, **story.anchors, tense="future" if heading else None)
        story.advance(n, lang, None, heading)
        out.append(n.get("value") or n.get("reason"))
    return out


def test_the_headings_of_a_diary_move_the_date_of_writing_forward():
    # a notebook published on 30 June 2002, its entries from May
    assert read([("Wednesday", True), ("8 May 2002", True), ("yesterday", False), ("Saturday", True),
                 ("this morning", False), ("Monday night", True), ("last Friday", False)], "en", "2002-06-30") == \
        ["2002-07-03", "2002-05-08", "2002-05-07", "2002-05-11", "2002-05-11", "2002-05-13", "2002-05-10"]


def test_a_month_said_in_an_entry_is_bounded_by_the_date_the_text_was_written_by():
    # the entry of 12 February speaks of mid-March ahead: the same year, not the year before
    assert read([("12 lutego 2003", True), ("połowie marca", False), ("Piątek, 21 marca", True)], "pl",
                "2003-04-02") == ["2003-02-12", "2003-03", "2003-03-21"]


def test_a_diary_read_by_the_pipeline():
    import kosnlp
    nlp = kosnlp.load("en")
    text = ("Notes from Tirana, spring 2002\n\nThursday, 2 May 2002\n"
            "The convoy came back this afternoon after a week on the road.\n\nSaturday\n"
            "Rain all day. The office was closed yesterday.\n")
    doc = next(iter(nlp.pipe([text], component_cfg={"kosnlp_normaliser": {"reference_date": "2002-06-20"}})))
    dates = [(e.text, e._.norm.get("value")) for e in doc.ents if e.label_ == "DATE"]
    assert ("this afternoon", "2002-05-02") in dates
    assert ("Saturday", "2002-05-04") in dates
    assert ("yesterday", "2002-05-03") in dates


def test_a_log_of_entries_headed_by_their_dates_read_by_the_pipeline(nlp_en, nlp_pl):
    # a log published at its end: each entry's words count from the entry's day, the first entry
    # lies before the date of writing, and "br." stays the year of writing
    from date_norms import dates
    text = ("Field log, Kukes\n\n6 Apr (Tue). Buses arrived last night. More expected tomorrow.\n\n"
            "9 Apr (Fri). Quiet this morning.\n\nMonday: water tanks checked.\n")
    got = dates(nlp_en, "en", text, "1999-06-30")
    assert got["6 Apr (Tue)"] == ("1999-04-06", "1999-04-06")
    assert got["last night"] == ("1999-04-05", "1999-04-05")
    assert got["tomorrow"] == ("1999-04-07", "1999-04-07")
    assert got["this morning"] == ("1999-04-09", "1999-04-09")
    text = ("Kronika\n\n14 grudnia – w Peći giną młodzi Serbowie; tego dnia wojsko zabija przemytników.\n\n"
            "Od 1 stycznia br. przewodnictwo sprawuje Norwegia.\n")
    got = dates(nlp_pl, "pl", text, "1999-01-20")
    assert got["14 grudnia"] == ("1998-12-14", "1998-12-14")
    assert got["1 stycznia br."] == ("1999-01-01", "1999-01-01")


def test_next_after_the_counts_from_the_previous_date():
    prev = {"status": "resolved", "value": "2002-02-09", "start": "2002-02-09", "end": "2002-02-09"}
    # "the next week" is the week after the story's date; "next week" the one after the date of writing
    assert D.normalise("next week", "en", "2003-05-14", prev, before="the")["value"] == "2002-W07"
    assert D.normalise("next week", "en", "2003-05-14", prev)["value"] == "2003-W21"
    assert D.normalise("next day", "en", "2003-05-14", prev, before="The")["value"] == "2002-02-10"


def test_a_weekday_just_before_its_date_does_not_move_the_story():
    text = "It began on Friday, June 7, and ended later."
    spans = spans_of(text, [("Friday", "DATE"), ("June 7", "DATE")])
    assert D.weekday_before_its_date(text, *spans[0][:2], spans, "en") is True
    assert D.weekday_before_its_date(text, *spans[1][:2], spans, "en") is False  # the date itself
    other = "On Friday the talks on 7 June went on."
    spans = spans_of(other, [("Friday", "DATE"), ("7 June", "DATE")])
    assert D.weekday_before_its_date(other, *spans[0][:2], spans, "en") is False  # words between


def test_a_retrospective_interview_keeps_its_story_year_after_a_weekday_and_its_date():
    import kosnlp
    nlp = kosnlp.load("en")
    text = ("Q: When did it start?\n\nA: In May 2002 the talks failed. On Saturday, June 8, the convoys left. "
            "Three days later the shooting began.\n")
    doc = next(iter(nlp.pipe([text], component_cfg={"kosnlp_normaliser": {"reference_date": "2004-06-20"}})))
    dates = dict((e.text, e._.norm.get("value")) for e in doc.ents if e.label_ == "DATE")
    # the weekday is its own mention or one with the date (label-spec: a weekday with its date)
    assert [v for t, v in dates.items() if t.endswith("June 8")] == ["2002-06-08"]
    assert dates.get("Three days later") == "2002-06-11"


@pytest.mark.parametrize("text, lang, start, end", [
    ("początku tygodnia", "pl", "2003-10-13", "2003-10-14"),   # written on Wednesday 15 October 2003
    ("the end of the week", "en", "2003-10-17", "2003-10-19"),
    ("early next week", "en", "2003-10-20", "2003-10-21"),
])
def test_the_start_middle_or_end_of_a_week_are_its_days(text, lang, start, end):
    n = D.normalise(text, lang, "2003-10-15")
    assert (n["start"], n["end"]) == (start, end)


@pytest.mark.parametrize("text, lang, value, start, end", [
    # years counted from a season or a month keep it; a decade is ten years, kept at the year
    # (eval/unseen/conventions.md: "two decades later" = that year)
    ("dwie dekady po tamtym lecie", "pl", "2021", "2021-01-01", "2021-12-31"),
    ("three years after March 2001", "en", "2004-03", "2004-03-01", "2004-03-31"),
    ("a decade after 2001", "en", "2011", "2011-01-01", "2011-12-31"),
])
def test_years_counted_from_a_season_or_month_keep_it(text, lang, value, start, end):
    prev = {"status": "resolved", "value": "2001-SU", "start": "2001-06-01", "end": "2001-08-31"}
    n = D.normalise(text, lang, "2022-01-10", prev)
    assert (n["value"], n["start"], n["end"]) == (value, start, end)
