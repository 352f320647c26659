"""The year of a day and month named with an event of the public record (kosnlp.normalise.events,
data/norm/events.yaml), through the pipeline. The texts are written for these tests."""
import json

import pytest
import spacy

from kosnlp.ingest import load_yaml_data
from kosnlp.pipeline import load
from date_norms import expect_dates

EVENT_STORIES = [
    # a chronology told after a background year: the event's year, and the story goes on from it
    ("pl", "Przypomnę chronologię. Polska, która w 1998 r. przewodniczyła OBWE, wspierała misję. Po masakrze w "
           "Raczaku 15 stycznia zwołano rozmowy w Rambouillet, trwające od 6 do 23 lutego.", "1999-03-25",
     {"15 stycznia": ("1999-01-15", "1999-01-15"), "6 do 23 lutego": ("1999-02-06", "1999-02-23")}),
    ("en", "The treaty was signed on 4 April 1949. Poland, Hungary and the Czech Republic joined the Alliance on "
           "12 March, and the summit welcomed them.", "1999-04-27", {"12 March": ("1999-03-12", "1999-03-12")}),
    # a retrospective that has come to its present: the event's days are still the event's
    ("en", "The museum opened in May 2023. The verifiers withdrew from Kosovo on 20 March. Four days later the "
           "bombing began.", "2024-03-24",
     {"20 March": ("1999-03-20", "1999-03-20"), "Four days later": ("1999-03-24", "1999-03-24")}),
    ("pl", "Byłem tam znowu w 2019 r. Rezolucję 1244 przyjęto 10 czerwca, a dwa dni później wkroczył KFOR.",
     "2019-06-20", {"10 czerwca": ("1999-06-10", "1999-06-10"), "dwa dni później": ("1999-06-12", "1999-06-12")}),
    # a month that holds the event's days, or lies in them
    ("en", "We recorded this in the studio last week, and Račak happens in January.", "2024-03-24",
     {"January": ("1999-01-01", "1999-01-31")}),
    ("pl", "Wróciłem tam w 2019 r. W kwietniu naloty trwały już drugi tydzień.", "2019-06-20",
     {"kwietniu": ("1999-04-01", "1999-04-30")}),
    # a February moved from a leap year ends on the 28th of the event's year
    ("pl", "Wróciłem tam w 2004 r. W lutym trwały rozmowy w Rambouillet.", "2004-06-01",
     {"lutym": ("1999-02-01", "1999-02-28")}),
    # an anniversary marked, a weekday that does not fall on the event's day, words that say which: not the event
    ("en", "On 24 March we remember the bombing of 1999.", "2019-03-20", {"24 March": ("2019-03-24", "2019-03-24")}),
    ("pl", "Dziś jest niedziela, 24 marca, i mija dwadzieścia lat od pierwszych nalotów.", "2019-03-24",
     {"niedziela, 24 marca": ("2019-03-24", "2019-03-24")}),
    ("en", "Episode three, on the bombing, comes out next Tuesday, 24 March.", "2020-03-17",
     {"next Tuesday, 24 March": ("2020-03-24", "2020-03-24")}),
    # a sentence that names no event keeps the rules' year
    ("en", "The museum opened on 2 May 2023. The first visitors came on 20 May.", "2024-03-24",
     {"20 May": ("2023-05-20", "2023-05-20")}),
]


@pytest.mark.parametrize("lang, text, ref, want", EVENT_STORIES)
def test_a_day_named_with_an_event_takes_the_events_year(nlp_pl, nlp_en, lang, text, ref, want):
    expect_dates(nlp_pl, nlp_en, lang, text, ref, want)


def test_the_norm_says_which_event_gave_the_year(nlp_en):
    doc = nlp_en("The treaty was signed on 4 April 1949. Poland joined the Alliance on 12 March.",
                 component_cfg={"kosnlp_normaliser": {"reference_date": "1999-04-27"}})
    norm = [e._.norm for e in doc.ents if e.text == "12 March"][0]
    assert (norm["value"], norm["anchor"], norm["anchor_value"]) == ("1999-03-12", "event", "nato_accession")


def test_every_event_has_its_days_cues_in_each_language_and_a_source():
    data = load_yaml_data("norm/events.yaml")
    ids = [e["id"] for e in data["events"]]
    assert len(ids) == len(set(ids))
    for e in data["events"]:
        first, last = (str(d) for d in e["days"])
        assert first <= last, e["id"]
        assert set(e["cues"]) == {"en", "pl"} and all(g and all(isinstance(c, (str, int)) for c in g)
                                                     for groups in e["cues"].values() for g in groups), e["id"]
        assert e.get("source"), e["id"]


def test_the_calendar_is_saved_with_the_pipeline(tmp_path):
    """A saved pipeline normalises with the calendar it carries: without an event, no event's year."""
    model = tmp_path / "kosnlp-en"
    load("en").to_disk(model)
    path = model / "kosnlp_normaliser" / "rules.json"
    rules = json.loads(path.read_text(encoding="utf-8"))
    assert any(e["id"] == "nato_accession" for e in rules["events"]["events"])
    rules["events"]["events"] = [e for e in rules["events"]["events"] if e["id"] != "nato_accession"]
    path.write_text(json.dumps(rules), encoding="utf-8")
    text = "The treaty was signed on 4 April 1949. Poland joined the Alliance on 12 March."
    cfg = {"kosnlp_normaliser": {"reference_date": "1999-04-27"}}

    def twelfth(nlp):
        return [e._.norm for e in nlp(text, component_cfg=cfg).ents if e.text == "12 March"][0]["start"]
    assert twelfth(spacy.load(model)) == "1949-03-12" and twelfth(load("en")) == "1999-03-12"
