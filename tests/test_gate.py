"""GatedMatcher finds exactly the matches of spaCy's Matcher."""
import random

import spacy
from spacy.matcher import Matcher

from kosnlp.components.gate import GatedMatcher

PATTERNS = [
    [{"ORTH": {"IN": ["May", "June"]}}, {"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"ORTH": ",", "OP": "?"},
     {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}],
    [{"LOWER": {"IN": ["early", "late"]}}, {"ORTH": "-", "OP": "?"}, {"ORTH": {"IN": ["May", "June"]}}],
    [{"LIKE_NUM": True}, {"LOWER": {"IN": ["days", "weeks"]}}, {"LOWER": "ago"}],
    [{"LOWER": "of", "OP": "?"}, {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}],
    [{"LOWER": "weekend"}],
    [{"IS_DIGIT": True, "OP": "+"}, {"LOWER": "hours"}],
    [{"LOWER": "the"}, {"ORTH": {"IN": ["June", "days"]}, "LENGTH": 4}],  # a spec of two conditions
    [{"TEXT": {"REGEX": r"(?i)^weekend$"}}, {"LOWER": "of"}],  # inline flag: cannot join an alternation
    [{"TEXT": {"REGEX": r"^(\d)\1$"}}, {"LOWER": "hours"}],  # a backreference: kept out of the alternation
    [{"ORTH": {"IN": ["May", "June"]}, "IS_SENT_START": True}, {"LIKE_NUM": True}],  # a token attribute too
    [{"IS_TITLE": True, "LOWER": {"NOT_IN": ["nato", "may"]}}, {"LOWER": "weekend"}],  # NOT_IN is not a lexeme test
]
WORDS = ["May", "June", "may", "12", "1999", "2001", ",", "-", "early", "late", "of", "the", "days", "weeks",
         "ago", "three", "weekend", "Weekend", "hours", "7", "NATO", "met", "in", "\n", "x1999", "11", "22"]


def _matchers(patterns):
    nlp = spacy.blank("en")
    plain, inner = Matcher(nlp.vocab), Matcher(nlp.vocab)
    gated = GatedMatcher(inner, nlp.vocab)
    for i, p in enumerate(patterns):
        plain.add(f"P{i}", [p])
        gated.add(f"P{i}", [p])
    return nlp, plain, gated


def test_same_matches_as_the_matcher_on_random_texts():
    nlp, plain, gated = _matchers(PATTERNS)
    assert gated.gated
    rng = random.Random(3)
    for _ in range(300):
        doc = nlp(" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 40))))
        assert sorted(gated(doc)) == sorted(plain(doc)), doc.text


def test_specs_with_other_conditions_are_gated_on_their_lexical_ones():
    nlp, plain, gated = _matchers(PATTERNS)
    assert gated.gated
    doc = nlp("June 12 and May 7 , Spring weekend , NATO weekend")
    assert sorted(gated(doc)) == sorted(plain(doc))
    assert {doc[a:b].text for _k, a, b in plain(doc)} >= {"June 12", "Spring weekend"}
    assert "May 7" not in {doc[a:b].text for _k, a, b in plain(doc)}


def test_gate_is_off_for_specs_it_cannot_decide():
    for extra in ([{"ORTH": "x", "OP": "!"}], [{}], [{"POS": "NOUN"}], [{"LOWER": "a", "OP": "*"}],
                  [{"ORTH": "a", "OP": "?"}]):
        _, _, gated = _matchers(PATTERNS + [extra])
        assert not gated.gated, extra
    nlp, plain, gated = _matchers(PATTERNS + [[{"ORTH": "NATO"}, {}, {"ORTH": "in"}]])
    doc = nlp("NATO met in May 12 1999")
    assert sorted(gated(doc)) == sorted(plain(doc)) and len(plain(doc)) > 1


def test_pipeline_dates_ruler_is_gated_and_learns_added_patterns(nlp_en):
    ruler = nlp_en.get_pipe("kosnlp_dates")
    assert isinstance(ruler.matcher, GatedMatcher) and ruler.matcher.gated
    text = "On 12 June 1999 NATO met; three weeks ago, in late May, the weekend of 1998 was quiet."
    before = [(e.text, e.label_) for e in nlp_en(text).ents if e.label_ == "DATE"]
    assert ("12 June 1999", "DATE") in before and not any("NATO" in t for t, _ in before)
    ruler.add_patterns([{"label": "DATE", "pattern": [{"ORTH": "NATO"}, {"ORTH": "met"}], "id": "test:x"}])
    try:
        assert ("NATO met", "DATE") in [(e.text, e.label_) for e in nlp_en(text).ents]
    finally:
        ruler.remove_by_id("test:x")
    assert [(e.text, e.label_) for e in nlp_en(text).ents if e.label_ == "DATE"] == before


class _Counting:
    """A Matcher that records the token runs it is called on."""

    def __init__(self, matcher):
        self.matcher, self.seen = matcher, []

    def __call__(self, doclike, **kwargs):
        self.seen.append(doclike.text)
        return self.matcher(doclike, **kwargs)

    def __getattr__(self, name):
        return getattr(self.matcher, name)

    def __len__(self):
        return len(self.matcher)


def test_a_run_without_every_required_spec_of_some_pattern_is_not_matched():
    nlp, plain, gated = _matchers(PATTERNS)
    gated.matcher = counting = _Counting(gated.matcher)
    # "the" starts a pattern that also needs "June" or "days" (four letters), "of" is optional
    # in a pattern that needs a year, "weeks" needs a number and "ago": no match in those runs
    doc = nlp("met the NATO and of the weeks in 12 June 1999 , three days ago")
    assert sorted(gated(doc)) == sorted(plain(doc)) and plain(doc)
    assert counting.seen == ["12 June 1999 , three days ago"]


def test_the_bits_of_a_word_are_those_of_each_required_spec():
    from kosnlp.components.gate import _AnyOf
    nlp, _plain, gated = _matchers(PATTERNS + [[{"LENGTH": 4}, {"LOWER": "ago"}]])
    gated.prepare()
    for w in WORDS + ["ago", "Ago", "1999s", "June"]:
        lex = nlp.vocab[w]
        want = sum(1 << bit for conds, bit in gated.required.items() if _AnyOf([list(conds)])(lex))
        assert gated._bits(lex) == want, w
        assert gated._flags(lex.orth)[2] == (want if gated._tests[0](lex) else 0), w
    assert gated._bits(nlp.vocab["ago"]) and gated._bits(nlp.vocab["days"])


def test_ruler_warm_compiles_the_gate_before_the_first_doc():
    import kosnlp.components.ruler  # noqa: F401  (registers kosnlp_span_ruler)
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("kosnlp_span_ruler", config={"spans_key": "c"})
    ruler.add_patterns([{"label": "DATE", "pattern": p} for p in PATTERNS])
    assert ruler.matcher.gated and ruler.matcher._tests is None
    ruler.warm()
    assert ruler.matcher._tests is not None and ruler.matcher._bits is not None
    doc = nlp("three days ago, in late May, the weekend")
    assert [s.text for s in doc.spans["c"]] == ["three days ago", "late May", "weekend"]
