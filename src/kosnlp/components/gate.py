"""A faster, equivalent way to run spaCy's token Matcher over long docs.

spaCy's Matcher checks every pattern at every token, with the IN and REGEX tests in
Python. A token that meets no token spec of any pattern can be in no match, so the
matches of a doc are exactly the matches inside the maximal runs of tokens that meet
at least one spec; and a run holds a match only if, for some pattern, each of its
required (not optional) specs is met by some token of the run (the first of them
decides in numpy which runs are looked at; the others by a bit per required spec,
OR-ed over the run's tokens: "the" or "in May" alone start no English date).
`GatedMatcher` wraps a Matcher and runs it over those runs only.
Whether a token meets a spec depends only on its lexeme (ORTH, TEXT, LOWER, LIKE_NUM
...), so it is decided once per word form and cached. A spec that also tests something
else (a token attribute set by a component, IS_SENT_START, NOT_IN) is gated on its lexical
conditions alone, which every token it matches meets; a spec with none (negation,
wildcards, only token attributes or extensions) switches the gate off: the wrapped Matcher
then runs over the whole doc as before.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc

LEXICAL = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_", "NORM": None, "LENGTH": "length",
           "IS_ALPHA": "is_alpha", "IS_DIGIT": "is_digit", "IS_PUNCT": "is_punct", "IS_SPACE": "is_space",
           "IS_LOWER": "is_lower", "IS_UPPER": "is_upper", "IS_TITLE": "is_title", "LIKE_NUM": "like_num"}


BACKREF = re.compile(r"\\[1-9]|\(\?P=")


def _value(lex, attr: str):
    """The lexeme's value of a LEXICAL attribute (a Lexeme has no `length`: its text's)."""
    return len(lex.orth_) if attr == "length" else getattr(lex, attr)


class _Spec:
    """One token spec as conditions on a lexeme: [(attribute, "in" | "re", values)], all of
    which must hold (None when the gate cannot decide)."""

    @staticmethod
    def compile(spec: dict):
        if not isinstance(spec, dict) or spec.get("OP", "1") in ("!", "*") or not set(spec) - {"OP"}:
            return None  # negation, zero-or-more and wildcards can match anything
        conds = []
        for key, want in spec.items():
            if key == "OP":
                continue
            attr = LEXICAL.get(str(key).upper())
            if attr is None:
                continue  # not a lexeme's: the other conditions still must hold
            values = want.get("IN", [want.get("REGEX")]) if isinstance(want, dict) else [want]
            if attr.endswith("_") and not all(isinstance(v, str) for v in values):
                continue  # hash ids on string attributes: not decided here
            if isinstance(want, dict):
                if set(want) == {"IN"}:
                    conds.append((attr, "in", frozenset(want["IN"])))
                elif set(want) == {"REGEX"} and attr in ("orth_", "lower_"):
                    conds.append((attr, "re", want["REGEX"]))
            else:
                conds.append((attr, "in", frozenset([want])))
        return conds or None


class _AnyOf:
    """Does a lexeme meet any of these specs? Specs of one condition are merged: one set
    lookup per attribute and one alternation of the regexes per attribute; the others
    are tested one by one."""

    def __init__(self, specs: list):
        sets: dict[str, set] = {}
        regexes: dict[str, list[str]] = {}
        self.others = []
        for conds in specs:
            if len(conds) == 1 and conds[0][1] == "in":
                sets.setdefault(conds[0][0], set()).update(conds[0][2])
            elif len(conds) == 1:
                regexes.setdefault(conds[0][0], []).append(conds[0][2])
            else:
                self.others.append([(a, kind, re.compile(v) if kind == "re" else v) for a, kind, v in conds])
        self.sets = list(sets.items())
        self.regexes = []
        for attr, rxs in regexes.items():
            alone = [r for r in rxs if BACKREF.search(r)]  # group numbers would shift in an alternation
            joined = [r for r in rxs if not BACKREF.search(r)]
            try:
                compiled = [re.compile("|".join(f"(?:{r})" for r in joined))] if joined else []
            except re.error:  # e.g. inline flags in the middle of an alternation: one by one
                compiled = [re.compile(r) for r in joined]
            self.regexes.append((attr, compiled + [re.compile(r) for r in alone]))

    @staticmethod
    def _holds(lex, attr, kind, v) -> bool:
        return bool(v.search(_value(lex, attr))) if kind == "re" else _value(lex, attr) in v

    def __call__(self, lex) -> bool:
        return (any(_value(lex, a) in v for a, v in self.sets)
                or any(r.search(_value(lex, a)) for a, rs in self.regexes for r in rs)
                or any(all(self._holds(lex, *c) for c in conds) for conds in self.others))


class _Bits:
    """The bits of the required specs a lexeme meets (`required`: conditions -> bit
    number): one dict lookup per attribute for the specs of one value set, one search
    per regex, the other specs one by one."""

    def __init__(self, required: dict):
        by_value: dict[str, dict] = {}
        self.regexes, self.others = [], []
        for conds, bit in required.items():
            if len(conds) == 1 and conds[0][1] == "in":
                values = by_value.setdefault(conds[0][0], {})
                for v in conds[0][2]:
                    values[v] = values.get(v, 0) | 1 << bit
            elif len(conds) == 1:
                self.regexes.append((conds[0][0], re.compile(conds[0][2]), 1 << bit))
            else:
                self.others.append((_AnyOf([list(conds)]), 1 << bit))
        self.by_value = list(by_value.items())

    def __call__(self, lex) -> int:
        bits = 0
        for attr, values in self.by_value:
            bits |= values.get(_value(lex, attr), 0)
        for attr, rx, bit in self.regexes:
            if rx.search(_value(lex, attr)):
                bits |= bit
        for test, bit in self.others:
            if test(lex):
                bits |= bit
        return bits


class GatedMatcher:
    """Wraps a spaCy Matcher: same matches, computed over the runs of possible tokens."""

    def __init__(self, matcher, vocab, patterns=()):
        self.matcher, self.vocab = matcher, vocab
        self.specs: list = []  # every spec of every pattern
        self.anchors: list = []  # the first required spec of every pattern
        self.required: dict = {}  # every distinct required spec -> its bit
        self.needs: list[int] = []  # the bits of every pattern's required specs
        self.gated = True
        self._cache: dict[int, tuple[bool, bool, int]] = {}
        self._tests: tuple[_AnyOf, _AnyOf] | None = None
        self._bits: _Bits | None = None  # the required specs a lexeme meets
        self._minimal: list[int] = []  # the needs no other need is a subset of
        self._enough: dict[int, bool] = {}  # the bits of a run -> some pattern's needs are met
        for p in patterns:
            self._learn(p)

    def _learn(self, pattern) -> None:
        anchor, need = None, 0
        for spec in pattern:
            test = _Spec.compile(spec)
            if test is None:
                self.gated = False
            self.specs.append(test)
            if test is not None and isinstance(spec, dict) and spec.get("OP", "1") in ("1", "+"):
                anchor = test if anchor is None else anchor
                need |= 1 << self.required.setdefault(tuple(test), len(self.required))
        if anchor is None:
            self.gated = False  # every token optional
        self.anchors.append(anchor)
        self.needs.append(need)
        self._cache.clear()
        self._tests = self._bits = None
        self._enough.clear()

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

    def prepare(self) -> None:
        """Compile the tests of the specs now (else on the first doc)."""
        if self._tests is None:
            self._prepare()

    def _prepare(self) -> None:
        self._tests = (_AnyOf([t for t in self.specs if t is not None]),
                       _AnyOf([t for t in self.anchors if t is not None]))
        self._bits = _Bits(self.required)
        needs = set(self.needs)
        self._minimal = sorted(n for n in needs if not any(o != n and o & n == o for o in needs))

    def _flags(self, orth: int) -> tuple[bool, bool, int]:
        """(the form meets some spec, the form meets some anchor spec, the bits of the
        required specs it meets)"""
        hit = self._cache.get(orth)
        if hit is None:
            if self._tests is None:
                self._prepare()
            lex = self.vocab[orth]
            possible = self._tests[0](lex)
            bits = self._bits(lex) if possible else 0
            hit = self._cache[orth] = (possible, self._tests[1](lex), bits)
        return hit

    def _enough_for_some_pattern(self, bits: int) -> bool:
        ok = self._enough.get(bits)
        if ok is None:
            ok = self._enough[bits] = any(bits & n == n for n in self._minimal)
        return ok

    def __call__(self, doclike, **kwargs):
        if kwargs or not self.gated or not isinstance(doclike, Doc) or not len(doclike) or not len(self.matcher):
            return self.matcher(doclike, **kwargs)
        doc = doclike
        orths = doc.to_array(ORTH)
        uniq, inverse = numpy.unique(orths, return_inverse=True)
        hits = [self._flags(o) for o in uniq.tolist()]
        inverse = inverse.reshape(-1)
        flags = numpy.array([h[:2] for h in hits], dtype=bool)[inverse]
        possible, anchor = flags[:, 0], flags[:, 1]
        edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], possible.view(numpy.int8), [0]))))
        anchors_before = numpy.concatenate(([0], numpy.cumsum(anchor))).tolist()
        token_bits = [hits[u][2] for u in inverse.tolist()]
        out = []
        for a, b in zip(edges[::2].tolist(), edges[1::2].tolist()):
            if anchors_before[b] > anchors_before[a]:
                bits = 0
                for t in token_bits[a:b]:
                    bits |= t
                if self._enough_for_some_pattern(bits):
                    out.extend((key, a + s, a + e) for key, s, e in self.matcher(doc[a:b]))
        return out
