"""The gazetteer's phrase patterns, compiled: spaCy's PhraseMatcher (attr ORTH) without
tokenizing 25,000 patterns and creating their lexemes at every load.

`kosnlp build-data` tokenizes every phrase pattern of data/patterns/gazetteer_<lang>.jsonl
with the blank pipeline's tokenizer (and kosnlp's abbreviations) and writes the tokens'
ORTH hashes, a rolling hash of each pattern (sorted) and the patterns' first tokens
(data/compiled/phrases_<lang>.bin), read through a memory map: no Python object per
pattern. `CompiledPhrases` finds the same matches as a PhraseMatcher holding those
pattern docs: every (key, start, end) where the doc's tokens have the pattern's ORTH
hashes (all of them, overlapping too). From the tokens that start some pattern, it
extends the rolling hash one token at a time, looks it up among the patterns' hashes
and compares the tokens of every hit (a hash collision gives no false match). The span ruler
sorts and de-duplicates the matches, so their order does not matter. `add` and `remove`
work as the PhraseMatcher's (patterns added or removed after loading).
Names written in capitals within a run of capitals (a cable's subject line, a headline,
"MEETING WITH RUGOVA IN PRISTINA", "NEW YORK") are matched too, in title case ("Rugova",
"New York"): a match made only of such words (none a stop word) is kept, so only the
listed names in the run are found, never an ordinary word written in capitals; one word
that Morfeusz (where the pipeline has it) reads first as a common word ("LUTY", February,
also a village) is not.
`compiled_ruler` puts it into a span ruler with the pattern dicts read only when asked for.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy
from spacy.attrs import IS_ALPHA, IS_BRACKET, IS_STOP, IS_UPPER, ORTH
from spacy.strings import get_string_id

from ..compiled import compiled_dir, encode_arrays, read_arrays
from .morph import morf_of


def _common_word(token) -> bool:
    """Does Morfeusz (kosnlp_morph) read the word first as a common word (a lower-case lemma)?"""
    an = morf_of(token)
    return bool(an) and an[0][0][:1].islower()


P = numpy.uint64(0x100000001B3)  # the rolling hash: h(t0..tk) = h(t0..tk-1) * P + tk (mod 2**64)


def rolling(tokens: numpy.ndarray, offsets: numpy.ndarray) -> numpy.ndarray:
    """The rolling hash of each sequence tokens[offsets[i]:offsets[i+1]]."""
    out = numpy.zeros(len(offsets) - 1, dtype="<u8")
    lengths = numpy.diff(offsets)
    for j in range(int(lengths.max(initial=0))):
        live = lengths > j
        out[live] = out[live] * P + tokens[offsets[:-1][live] + j]
    return out


def compile_phrases(lang: str, patterns: Iterable[dict], tokenizer, where: str = "") -> bytes:
    """The compiled file's bytes: the ORTH hashes of each phrase pattern's tokens and its
    (label, id); the patterns' rolling hashes, sorted; the sorted first tokens."""
    pairs: dict[tuple[str, str], int] = {}
    toks, off, which = [], [0], []
    n = 0
    for p in patterns:
        n += 1
        if not isinstance(p["pattern"], str):
            raise ValueError(f"{where}: the gazetteer holds phrase patterns only, not {p['pattern']!r}")
        orths = tokenizer(p["pattern"]).to_array(ORTH).tolist()
        if not orths:
            continue
        toks += orths
        off.append(len(toks))
        which.append(pairs.setdefault((p["label"], p.get("id", "")), len(pairs)))
    tokens, offsets = numpy.array(toks, dtype="<u8"), numpy.array(off, dtype="<u4")
    hashes = rolling(tokens, offsets)
    order = numpy.argsort(hashes, kind="stable").astype("<u4")
    arrays = {"tokens": tokens, "offsets": offsets, "pair": numpy.array(which, dtype="<u4"),
              "hashes": hashes[order], "order": order, "firsts": numpy.unique(tokens[offsets[:-1]])}
    return encode_arrays({"lang": lang, "patterns": n, "pairs": [list(p) for p in pairs],
                          "longest": int(numpy.diff(offsets).max(initial=0))}, arrays)


class CompiledPhrases:
    """The compiled phrase patterns (arrays, read-only), plus patterns added since
    (`add`) and keys removed since (`remove`)."""

    def __init__(self, vocab, arrays: dict[str, numpy.ndarray], keys: list[int], longest: int, meta: dict | None = None):
        self.vocab, self.a, self.longest, self.meta = vocab, arrays, longest, meta
        self.keys = keys  # match key of each (label, id) pair
        self.removed: set[int] = set()
        self.added: dict[bytes, list[int]] = {}  # ORTH hashes (bytes) -> keys

    def _in(self, orths: numpy.ndarray, values: numpy.ndarray) -> numpy.ndarray:
        i = numpy.minimum(numpy.searchsorted(values, orths), max(len(values) - 1, 0))
        return values[i] == orths if len(values) else numpy.zeros(len(orths), dtype=bool)

    def __call__(self, doc, *, as_spans: bool = False):
        if as_spans:
            raise ValueError("CompiledPhrases gives (key, start, end) matches only")
        orths = doc.to_array(ORTH).astype("<u8")
        out = self._match(orths)
        folded = self._caps_run(doc)
        if folded.any():
            titled = orths.copy()
            for i in numpy.flatnonzero(folded).tolist():
                titled[i] = get_string_id(doc[i].text.title())
            seen = set(out)
            out.extend(m for m in self._match(titled) if m not in seen and folded[m[1]:m[2]].all()
                       and not (m[2] - m[1] == 1 and _common_word(doc[m[1]])))
        return out

    @staticmethod
    def _caps_run(doc) -> numpy.ndarray:
        """Which tokens are words in capitals (two letters or more, not a stop word) next to
        another word in capitals ("W", "Z" too), punctuation between them aside but for brackets
        ("BELGRADE (AP) -" is a dateline and an agency), within a sentence: a run of capitals."""
        n = len(doc)
        if not n:
            return numpy.zeros(0, dtype=bool)
        attrs = doc.to_array([IS_ALPHA, IS_UPPER, IS_STOP, IS_BRACKET]).astype(bool)
        caps = attrs[:, 0] & attrs[:, 1]
        if caps.sum() < 2:
            return numpy.zeros(n, dtype=bool)
        alpha = numpy.flatnonzero(attrs[:, 0])  # the words, punctuation and numbers skipped
        run = numpy.zeros(n, dtype=bool)
        wc = caps[alpha]
        starts = numpy.array([t.is_sent_start is True for t in doc], dtype=bool)  # runs end with a sentence
        brackets = numpy.cumsum(attrs[:, 3] | starts)[alpha]
        joined = wc[:-1] & wc[1:] & (brackets[:-1] == brackets[1:])  # words k and k + 1 in one run
        near = numpy.zeros(len(alpha), dtype=bool)
        near[1:] |= joined
        near[:-1] |= joined
        run[alpha[wc & near]] = True
        return run & ~attrs[:, 2] & numpy.array([len(t) >= 2 for t in doc], dtype=bool)

    def _match(self, orths: numpy.ndarray) -> list[tuple]:
        a, n, out = self.a, len(orths), []
        starts = numpy.flatnonzero(self._in(orths, a["firsts"]))
        h = numpy.zeros(len(starts), dtype="<u8")
        for length in range(1, self.longest + 1):
            live = starts + length <= n
            starts, h = starts[live], h[live]
            if not len(starts):
                break
            h = h * P + orths[starts + length - 1]
            lo, hi = numpy.searchsorted(a["hashes"], h, "left"), numpy.searchsorted(a["hashes"], h, "right")
            for k in numpy.flatnonzero(hi > lo).tolist():
                s = int(starts[k])
                for j in a["order"][lo[k]:hi[k]].tolist():
                    b, e = int(a["offsets"][j]), int(a["offsets"][j + 1])
                    key = self.keys[int(a["pair"][j])]
                    if e - b == length and key not in self.removed and (a["tokens"][b:e] == orths[s:s + length]).all():
                        out.append((key, s, s + length))
        for seq, keys in self.added.items():
            pat = numpy.frombuffer(seq, dtype="<u8")
            for s in numpy.flatnonzero(orths[:max(n - len(pat) + 1, 0)] == pat[0]).tolist():
                if (orths[s:s + len(pat)] == pat).all():
                    out.extend((k, s, s + len(pat)) for k in keys)
        return out

    def _key(self, key) -> int:
        return self.vocab.strings.add(key) if isinstance(key, str) else key

    def _compiled_keys(self) -> set[int]:
        return set(self.keys) - self.removed

    def __contains__(self, key) -> bool:
        k = self._key(key)
        return k in self._compiled_keys() or any(k in ks for ks in self.added.values())

    def __len__(self) -> int:
        return len(self._compiled_keys() | {k for ks in self.added.values() for k in ks})

    def add(self, key, docs, *, on_match=None) -> None:
        if on_match is not None:
            raise ValueError("CompiledPhrases has no on_match callbacks")
        k = self._key(key)
        for doc in docs:
            orths = doc.to_array(ORTH).astype("<u8")
            if len(orths):
                got = self.added.setdefault(orths.tobytes(), [])
                if k not in got:
                    got.append(k)

    def remove(self, key) -> None:
        k = self._key(key)
        if k not in self:
            raise KeyError(key)
        self.removed.add(k)
        for seq in list(self.added):
            if k in self.added[seq]:
                self.added[seq].remove(k)
                if not self.added[seq]:
                    del self.added[seq]


class LazyPatterns(Sequence):
    """The ruler's pattern dicts, read from the pattern file when first asked for (the
    matching needs only the compiled phrases); `append` as a list's."""

    def __init__(self, count: int, read):
        self._count, self._read, self._items = count, read, None

    def _all(self) -> list:
        if self._items is None:
            self._items = self._read()
        return self._items

    def __len__(self) -> int:
        return self._count if self._items is None else len(self._items)

    def __getitem__(self, i):
        return self._all()[i]

    def __iter__(self) -> Iterator:
        return iter(self._all())

    def append(self, item) -> None:
        self._all().append(item)


def compiled_ruler(ruler, meta: dict, arrays: dict[str, numpy.ndarray], read_patterns, count: int | None = None) -> None:
    """Give a span ruler without phrase patterns the compiled phrases (meta, arrays): its
    phrase matcher, its label map and its patterns (`read_patterns()` gives the pattern
    dicts, `count` of them (default: the phrase patterns'), when they are asked for)."""
    strings = ruler.nlp.vocab.strings
    pair_keys = []
    for label, pid in meta["pairs"]:
        k = strings.add(repr((label, pid)))
        ruler._match_label_id_map[k] = {"label": label, "id": pid}
        pair_keys.append(k)
    ruler.phrase_matcher = CompiledPhrases(ruler.nlp.vocab, arrays, pair_keys, meta["longest"], meta)
    ruler._patterns = LazyPatterns(meta["patterns"] if count is None else count, read_patterns)


def package_phrases(lang: str) -> tuple[dict, dict[str, numpy.ndarray]]:
    """The package's compiled gazetteer phrases of `lang` (data/compiled/phrases_<lang>.bin)."""
    return read_arrays(compiled_dir() / f"phrases_{lang}.bin")
