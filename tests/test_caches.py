"""The per-process memos and per-doc lookups of the hot path give what the computation they
stand for gives (correctness, not timing)."""
import random

from kosnlp.components.geo_rules import GeoRules
from kosnlp.components.morph import cases, morf_of
from kosnlp.components.name_rules import _cap_text
from kosnlp.normalise import rules
from kosnlp.normalise.dates import DateNormaliser
from kosnlp.normalise.tense import _cues, _morph_tense, _tag, tense_at, word_tense

PL = "Rosja zmieniła 30 marca 1999 r. stanowisko wobec Belgradu, a premier Buzek rozmawiał z Moskwą i Prisztiną."


def _word_tense_uncached(word, lang, before=None):
    """word_tense without the memo: every check per call (a capitalised word is read by its
    analyses only as the first word of a sentence, with no word before it)."""
    c, w = _cues(lang), word.lower().replace("’", "'")
    if w in c["future"]:
        return "future"
    if w in c["past"]:
        return "past"
    if w in c["not_past"] or (before or "").lower().replace("’", "'") in c["not_after"]:
        return None
    if word[:1].isupper():
        return _morph_tense(w, c["morph"]) if c["morph"] and before is None else None
    if c["ending"] is not None and c["ending"].fullmatch(w):
        return "past"
    return _morph_tense(w, c["morph"]) if c["morph"] else None


def test_word_tense_memo_agrees_with_the_checks():
    words = {"en": ["said", "will", "Signed", "signed", "to", "be", "expected", "agreed", "walked", "the", "was"],
             "pl": ["powiedział", "będzie", "podpisano", "Rozmawiał", "rozmawiała", "ma", "jutro", "zostać"]}
    for lang, ws in words.items():
        for w in ws:
            for before in (None, *ws):
                assert word_tense(w, lang, before) == _word_tense_uncached(w, lang, before), (lang, w, before)
    assert tense_at("He said on Monday that the talks will resume.", 11, "en", 6) == "past"


def test_derived_memos_are_cleared_with_the_rule_data():
    _tag("said", "en")
    assert _tag.cache_info().currsize
    rules.use({**rules.package_data()})
    try:
        assert _tag.cache_info().currsize == 0
    finally:
        rules.use(None)


def test_dateline_with_sorted_starts_agrees_with_the_scan():
    text = ("PRISTINA, 24 March 1999\nNATO struck Belgrade on 24 March.\nSaturday, March 20\n"
            "Skopje (Macedonia), 16 April\n(Reuter, AP, June 10)\n")
    spans = sorted([(0, 8, "PLACE"), (10, 23, "DATE"), (24, 28, "ACTOR"), (36, 44, "ACTOR"), (48, 56, "DATE"),
                    (58, 66, "DATE"), (68, 76, "DATE"), (77, 83, "PLACE"), (85, 94, "PLACE"), (97, 105, "DATE"),
                    (107, 113, "ACTOR"), (115, 117, "ACTOR"), (119, 126, "DATE")])
    starts = [s for s, _, _ in spans]
    dn = DateNormaliser()
    for s, e, label in spans:
        if label == "DATE":
            assert dn.dateline(text, s, e, spans, starts) == dn.dateline(text, s, e, list(reversed(spans))), (s, e)
            assert dn.weekday_before_its_date(text, s, e, spans, "en", starts) \
                == dn.weekday_before_its_date(text, s, e, list(reversed(spans)), "en"), (s, e)
    assert dn.dateline(text, 10, 23, spans, starts) and not dn.dateline(text, 48, 56, spans, starts)
    assert dn.weekday_before_its_date(text, 58, 66, spans, "en", starts)


def test_cases_and_verbs_are_those_of_the_analyses(nlp_pl):
    doc = nlp_pl(PL)
    for tok in doc:
        assert morf_of(tok) == tok._.morf
        want = {c for _l, tag, _n in tok._.morf for p in [tag.split(":")]
                if p[0] in ("subst", "depr", "adj", "ppas") and len(p) > 2 for c in p[2].split(".")}
        assert cases(tok) == want == cases(tok), tok.text  # the memo, twice
        verb = bool(tok._.morf) and all(t.split(":")[0] in {"fin", "praet", "impt", "inf", "bedzie", "imps",
                                                              "winien", "pred"} for _l, t, _n in tok._.morf)
        assert GeoRules._verb(tok) == verb == GeoRules._verb(tok), tok.text
    got = cases(doc[0])
    got.add("changed")  # the caller's copy, not the memo
    assert "changed" not in cases(doc[0])
    assert GeoRules._verb(doc[1]) and "nom" in cases(doc[0])


def test_cue_word_memo_tells_a_form_by_its_lemma(nlp_pl):
    res = nlp_pl.get_pipe("kosnlp_resolver")
    doc = nlp_pl(PL)
    for tok in list(doc) + list(doc):
        plain = (tok.lemma_ or tok.text).lower() if tok.lower_ not in res.c["prepositions"] else tok.lower_
        assert res._w(tok) == plain, tok.text
    tok = doc[0]
    lemma = tok.lemma_
    tok.lemma_ = "innylemat"  # the same form with another lemma is another word
    try:
        assert res._w(tok) == "innylemat"
    finally:
        tok.lemma_ = lemma


def test_capitalisation_memo(nlp_en):
    names = nlp_en.get_pipe("kosnlp_names")
    rng = random.Random(1)
    for w in ["NATO", "nato", "1999", "Ó", "„Polityka”", "-", "x", "", "Kosovo-based", "'s", "U.S."] + \
            ["".join(rng.choice("aZ9.ł") for _ in range(rng.randint(1, 4))) for _ in range(200)]:
        assert names.cap(w) == _cap_text(w) == names.cap_memo.get(w, _cap_text(w)), w


def test_doc_text_from_arrays_is_the_docs_text(nlp_en, nlp_pl):
    from kosnlp.components.base import doc_text
    for nlp, text in ((nlp_pl, PL + "\n\n  Drugi  akapit,\tz odstępami. "),
                      (nlp_en, "NATO's jets struck  Belgrade\non 24 March 1999 -- Reuters.\n"), (nlp_en, "")):
        doc = nlp.make_doc(text)
        assert doc_text(doc) == doc.text == text


def test_noun_positions_are_the_tokens_the_noun_rules_look_at(nlp_en, nlp_pl):
    from kosnlp.components.names import _View
    for nlp, text in ((nlp_en, "The village of Drenovac and the magazine Foreign Policy. The family Jashari left the village."),
                      (nlp_pl, "Mieszkańcy wsi Brazda i rodziny Jasharich czytali tygodnik Polityka."),
                      (nlp_en, "No nouns of that kind here.")):
        names = nlp.get_pipe("kosnlp_names")
        doc = nlp(text)
        v = _View(names, doc)
        scan = [i for i, (w, t) in enumerate(zip(v.words, v.texts))
                if w in names.place_nouns or w in names.media_nouns or w in names.person_nouns
                or t in names.person_nouns]
        assert names.noun_positions(v) == scan
        assert names.noun_positions(v) is v.nouns  # found once per doc


def test_norm_key_is_where_span_extension_reads(nlp_en):
    from kosnlp.components.normaliser import norm_key
    doc = nlp_en("Belgrade was bombed on 24 March 1999.")
    assert doc.ents
    for e in doc.ents:
        assert doc.user_data[norm_key(e.start_char, e.end_char)] is e._.norm
        assert e._.norm is not None
    e = doc.ents[0]
    doc.user_data[norm_key(e.start_char, e.end_char)] = {"changed": True}
    assert e._.norm == {"changed": True}


def test_morf_lemmas_memo_agrees_with_the_analyses(nlp_pl):
    from kosnlp.components.geo_rules import morf_lemmas
    doc = nlp_pl(PL)
    for tok in list(doc) + list(doc):
        analyses = morf_of(tok)
        assert morf_lemmas(analyses) == {lem.lower() for lem, _t, _n in analyses}, tok.text
        assert morf_lemmas(analyses) is morf_lemmas(analyses)  # remembered per analyses


def test_coordination_check_agrees_with_the_set_test(nlp_en, nlp_pl):
    from spacy.tokens import Span
    for nlp, text in ((nlp_en, "Albania and Macedonia, the Kosovo or the Serbia , and then Greece"), (nlp_pl, PL)):
        res = nlp.get_pipe("kosnlp_resolver")
        doc = nlp(text)
        for a in range(len(doc)):
            for b in range(a + 1, min(len(doc), a + 6)):
                x, y = Span(doc, a, a + 1), Span(doc, b, b + 1)
                between = doc[x.end:y.start]
                words = {res._w(t) for t in between} | {t.text for t in between}
                assert res._coordinated(doc, x, y) == (0 < len(between) <= 3
                                                       and words <= (res.c["coordination"] | {"the"})), (a, b)


def test_inflected_given_name_memo(nlp_pl):
    from kosnlp.components.names import GIVEN_SUFFIXES
    names = nlp_pl.get_pipe("kosnlp_names")
    some = sorted(names.given)[:3]
    forms = [g + e for g in some for e in GIVEN_SUFFIXES] + ["Jerzego", "Buzka", "Kosowo", "x", ""]
    for alone in (False, True, False):
        listed = names.given_alone if alone else names.given
        for t in forms:
            assert names.inflected_given_name(t, alone) == any(
                t.endswith(e) and t[:-len(e)] in listed for e in GIVEN_SUFFIXES), (t, alone)
    assert ("Jerzego", False) in names.inflected_given
    names.set_data(names._data)  # new data: the memo starts again
    assert names.inflected_given == {}


def test_geo_model_score_is_the_sum_of_its_weights():
    import math
    from kosnlp.components.geo import GeoModel
    model = GeoModel({"bias": -0.25, "weights": {"a": 0.5, "b": -2.5, "c": 1e-9}})
    feats = ["a", "b", "a", "zzz", "c"]
    z = -0.25 + sum(model.weights.get(f, 0.0) for f in set(feats))
    assert model.prob(feats) == 1.0 / (1.0 + math.exp(-z))
    assert model.label(["a"]) == "ACTOR" and model.label(["b"]) == "PLACE"
