"""Components on docs built with spacy.blank, and the assembled pipelines on new text
(sentences written for the tests, not taken from raw/)."""
import pytest
import spacy
from spacy.tokens import Span

from conftest import ents
from kosnlp.components.morph import PolishMorph, cases
from kosnlp.components.names import NameFinder
from kosnlp.components.resolver import EntityResolver

KEY = "kosnlp_candidates"


def test_morph_lemmas_and_cache():
    nlp = spacy.blank("pl")
    morph = PolishMorph(nlp)
    doc = morph(nlp("Delegacja Rosji przyjechała do Belgradu w marcu"))
    lem = {t.text: t.lemma_ for t in doc}
    assert lem["Rosji"] == "Rosja" and lem["Belgradu"] == "Belgrad" and lem["marcu"] == "marzec"
    assert "gen" in cases(doc[1])
    from kosnlp.morfeusz import analyse
    hits = analyse.cache_info().hits
    morph(nlp("Rosji Rosji"))
    assert analyse.cache_info().hits >= hits + 2  # repeated forms come from the cache


@pytest.mark.parametrize("form", ["Rosji", "Belgradu", "marcu", "przyjechała", "Kosowie", "Miloszewicz", "NATO",
                                  "ds.", "2 kwietnia", "12,5", "—", "Warszawa", "zł"])
def test_morfeusz_analyse_equals_the_wrappers_expanded_analysis(form):
    from kosnlp.morfeusz import analyse, analyser
    wrapper = tuple((lem.split(":")[0], tag, tuple(names))
                    for _s, _e, (_o, lem, tag, names, _q) in analyser().analyse(form))
    assert analyse.__wrapped__(form) == wrapper and wrapper


def test_resolver_longest_wins_and_not_date_blocks():
    nlp = spacy.blank("pl")
    text = "Trybunał ONZ ds. Zbrodni zbadał to podczas II w. ś. wojny"
    doc = nlp(text)

    def cs(sub, label):
        i = text.index(sub)
        return doc.char_span(i, i + len(sub), label=label)
    doc.spans[KEY] = [cs("Trybunał ONZ ds. Zbrodni", "ACTOR"), cs("ONZ", "ACTOR"),
                      cs("II w.", "DATE"), cs("II w. ś.", "NOT_DATE")]
    res = EntityResolver(nlp, lang="pl", spans_key=KEY)(doc)
    assert [(e.text, e.label_) for e in res.ents] == [("Trybunał ONZ ds. Zbrodni", "ACTOR")]


def test_resolver_context_en():
    nlp = spacy.blank("en")
    r = EntityResolver(nlp, lang="en", spans_key=KEY)

    def label(text, start, end, lab="STATE", sid="state:rs"):
        doc = nlp(text)
        doc.spans[KEY] = [Span(doc, start, end, lab, span_id=sid)]
        return [e.label_ for e in r(doc).ents][0]
    assert label("Serbia refused to sign", 0, 1) == "ACTOR"
    assert label("troops moved into Serbia", 3, 4) == "PLACE"
    assert label("the government of Serbia said", 3, 4) == "ACTOR"
    assert label("the province of Kosovo", 3, 4, sid="state:xk") == "PLACE"
    assert label("the bombing campaign against Serbia", 4, 5) == "PLACE"
    assert label("Serbia's refusal", 0, 1) == "ACTOR"
    assert label("a town in Kosovo", 3, 4, sid="state:xk") == "PLACE"


def test_names_title_first_name_and_surname_memory():
    nlp = spacy.blank("en")
    doc = nlp("Ambassador Christopher Hill met envoys. Later Hill left.")
    doc.spans[KEY] = []
    out = NameFinder(nlp, lang="en", spans_key=KEY)(doc)
    found = {(s.text, s.label_) for s in out.spans[KEY]}
    assert ("Christopher Hill", "PERSON") in found and ("Hill", "PERSON") in found


def test_names_org_head_words():
    nlp = spacy.blank("en")
    doc = nlp("Leaders of the Democratic League of Kosovo met.")
    doc.spans[KEY] = []
    out = NameFinder(nlp, lang="en", spans_key=KEY)(doc)
    assert ("Democratic League of Kosovo", "ORG") in {(s.text, s.label_) for s in out.spans[KEY]}


def test_polish_pipeline_new_text(nlp_pl):
    got = ents(nlp_pl, "Rosja zmieniła stanowisko, a 14 kwietnia 1999 r. w Brukseli spotkali się ministrowie.")
    assert ("Rosja", "ACTOR") in got and ("14 kwietnia 1999 r.", "DATE") in got and ("Brukseli", "PLACE") in got


def test_polish_inflected_country_forms(nlp_pl):
    got = ents(nlp_pl, "Naloty na Jugosławię trwały, a delegacja Jugosławii wyjechała z Kosowa do Belgradu.")
    assert ("Jugosławię", "PLACE") in got and ("Jugosławii", "ACTOR") in got
    assert ("Kosowa", "PLACE") in got and ("Belgradu", "PLACE") in got


def test_polish_dates_not_durations(nlp_pl):
    got = ents(nlp_pl, "Rozmowy trwały pięć dni, a porozumienie podpisano dwa dni później, w połowie maja.")
    assert ("pięć dni", "DATE") not in got
    assert ("dwa dni później", "DATE") in got and ("połowie maja", "DATE") in got


def test_english_pipeline_new_text(nlp_en):
    got = ents(nlp_en, "BELGRADE, Yugoslavia -- Moscow said on Thursday, May 6, 1999 that troops left Pristina.")
    assert ("BELGRADE", "PLACE") in got and ("Yugoslavia", "PLACE") in got
    assert ("Moscow", "ACTOR") in got and ("Pristina", "PLACE") in got
    # a weekday before its date is one span with it, also across a comma (label-spec: one coordinated expression)
    assert ("Thursday, May 6, 1999", "DATE") in got and ("Thursday", "DATE") not in got


def test_english_durations_are_not_dates(nlp_en):
    got = ents(nlp_en, "The bombing lasted 78 days and the talks took two weeks; five days later they met.")
    labels = [t for t, lab in got if lab == "DATE"]
    assert labels == ["five days later"]
