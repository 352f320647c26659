"""A faster, equivalent way to run spaCy's token Matcher over long docs.

spaCy's Matcher checks every pattern at every token, with the IN and REGEX tests in
Python. A token that meets no token spec of any pattern can be in no match, so the
matches of a doc are exactly the matches inside the maximal runs of tokens that meet
at least one spec; and a run holds a match only if one of its tokens meets the first
required (not optional) spec of some pattern. `GatedMatcher` wraps a Matcher and runs
it over those runs only.
Whether a token meets a spec depends only on its lexeme (ORTH, TEXT, LOWER, LIKE_NUM
...), so it is decided once per word form and cached. Patterns using anything else
(negation, wildcards, token attributes set by components, extensions) switch the gate
off: the wrapped Matcher then runs over the whole doc as before.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc

LEXICAL = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_", "NORM": None, "LENGTH": "length",
           "IS_ALPHA": "is_alpha", "IS_DIGIT": "is_digit", "IS_PUNCT": "is_punct", "IS_SPACE": "is_space",
           "IS_LOWER": "is_lower", "IS_UPPER": "is_upper", "IS_TITLE": "is_title", "LIKE_NUM": "like_num"}


class _Spec:
    """One token spec as a test on a lexeme (None when the gate cannot decide)."""

    @staticmethod
    def compile(spec: dict):
        if not isinstance(spec, dict) or spec.get("OP", "1") in ("!", "*") or not set(spec) - {"OP"}:
            return None  # negation, zero-or-more and wildcards can match anything
        tests = []
        for key, want in spec.items():
            if key == "OP":
                continue
            attr = LEXICAL.get(str(key).upper())
            if attr is None:
                return None
            values = want.get("IN", [want.get("REGEX")]) if isinstance(want, dict) else [want]
            if attr.endswith("_") and not all(isinstance(v, str) for v in values):
                return None  # hash ids on string attributes: not decided here
            if isinstance(want, dict):
                if set(want) == {"IN"}:
                    values = set(want["IN"])
                    tests.append(lambda lex, a=attr, v=values: getattr(lex, a) in v)
                elif set(want) == {"REGEX"} and attr in ("orth_", "lower_"):
                    rx = re.compile(want["REGEX"])
                    tests.append(lambda lex, a=attr, r=rx: bool(r.search(getattr(lex, a))))
                else:
                    return None
            else:
                tests.append(lambda lex, a=attr, v=want: getattr(lex, a) == v)
        return lambda lex: all(t(lex) for t in tests)


class GatedMatcher:
    """Wraps a spaCy Matcher: same matches, computed over the runs of possible tokens."""

    def __init__(self, matcher, vocab, patterns=()):
        self.matcher, self.vocab = matcher, vocab
        self.specs: list = []  # every spec of every pattern
        self.anchors: list = []  # the first required spec of every pattern
        self.gated = True
        self._cache: dict[int, tuple[bool, bool]] = {}
        for p in patterns:
            self._learn(p)

    def _learn(self, pattern) -> None:
        anchor = None
        for spec in pattern:
            test = _Spec.compile(spec)
            if test is None:
                self.gated = False
            self.specs.append(test)
            if anchor is None and isinstance(spec, dict) and spec.get("OP", "1") in ("1", "+"):
                anchor = test
        if anchor is None:
            self.gated = False  # every token optional
        self.anchors.append(anchor)
        self._cache.clear()

    def add(self, key, patterns, *args, **kwargs):
        for p in patterns:
            self._learn(p)
        return self.matcher.add(key, patterns, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.matcher, name)

    def __len__(self):
        return len(self.matcher)

    def __contains__(self, key):
        return key in self.matcher

    def _flags(self, orth: int) -> tuple[bool, bool]:
        """(the form meets some spec, the form meets some anchor spec)"""
        hit = self._cache.get(orth)
        if hit is None:
            lex = self.vocab[orth]
            hit = self._cache[orth] = (any(t(lex) for t in self.specs), any(t(lex) for t in self.anchors))
        return hit

    def __call__(self, doclike, **kwargs):
        if kwargs or not self.gated or not isinstance(doclike, Doc) or not len(doclike) or not len(self.matcher):
            return self.matcher(doclike, **kwargs)
        doc = doclike
        orths = doc.to_array(ORTH)
        uniq, inverse = numpy.unique(orths, return_inverse=True)
        flags = numpy.array([self._flags(int(o)) for o in uniq], dtype=bool)[inverse.reshape(-1)]
        possible, anchor = flags[:, 0], flags[:, 1]
        edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], possible.view(numpy.int8), [0]))))
        anchors_before = numpy.concatenate(([0], numpy.cumsum(anchor)))
        out = []
        for a, b in zip(edges[::2].tolist(), edges[1::2].tolist()):
            if anchors_before[b] > anchors_before[a]:
                out.extend((key, a + s, a + e) for key, s, e in self.matcher(doc[a:b]))
        return out
