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
    """word_tense as written before the memo: every check per call (a Polish word's analyses
    by Morfeusz where no list or ending decides)."""
    c, w = _cues(lang), word.lower().replace("’", "'")
    if w in c["future"]:
        return "future"
    if w in c["past"]:  # a listed past form after "be", "will", "to" is a participle ("will be held")
        return None if (before or "").lower().replace("’", "'") in c["not_after"] else "past"
    if w in c["not_past"] or (before or "").lower().replace("’", "'") in c["not_after"]:
        return None
    if word[:1].isupper():  # a name; the first word of a sentence only by its analyses
        return _morph_tense(w, c["morph"]) if before is None and c["morph"] else None
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
