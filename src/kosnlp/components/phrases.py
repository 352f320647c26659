"""The gazetteer's phrase patterns, compiled: spaCy's PhraseMatcher (attr ORTH) without
tokenizing 25,000 patterns and creating their lexemes at every load.

`kosnlp build-data` tokenizes every phrase pattern of data/patterns/gazetteer_<lang>.jsonl
with the blank pipeline's tokenizer (and kosnlp's abbreviations) and writes the tokens'
ORTH hashes (data/compiled/phrases_<lang>.bin). `CompiledPhrases` finds the same matches
as a PhraseMatcher holding those pattern docs: every (key, start, end) where the doc's
tokens have the pattern's ORTH hashes (all of them, overlapping too). The span ruler
sorts and de-duplicates the matches, so their order does not matter. `add` and `remove`
work as the PhraseMatcher's (patterns added or removed after loading).
`compiled_ruler` puts it into a span ruler with the pattern dicts read only when asked for.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy
from spacy.attrs import ORTH

from ..compiled import compiled_dir, encode_arrays, read_arrays


def compile_phrases(lang: str, patterns_file: Path, tokenizer) -> bytes:
    """The compiled file's bytes: the ORTH hashes of each phrase pattern's tokens, and its (label, id)."""
    pairs: dict[tuple[str, str], int] = {}
    toks, off, which = [], [0], []
    n = 0
    for line in patterns_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        p = json.loads(line)
        n += 1
        if not isinstance(p["pattern"], str):
            raise ValueError(f"{patterns_file}: the gazetteer holds phrase patterns only, not {p['pattern']!r}")
        orths = tokenizer(p["pattern"]).to_array(ORTH).tolist()
        if not orths:
            continue
        toks += orths
        off.append(len(toks))
        which.append(pairs.setdefault((p["label"], p.get("id", "")), len(pairs)))
    arrays = {"tokens": numpy.array(toks, dtype="<u8"), "offsets": numpy.array(off, dtype="<u4"),
              "pair": numpy.array(which, dtype="<u4")}
    return encode_arrays({"lang": lang, "patterns": n, "pairs": [list(p) for p in pairs]}, arrays)


class CompiledPhrases:
    """Phrase patterns as byte strings of ORTH hashes -> match keys."""

    def __init__(self, vocab, tokens: numpy.ndarray, offsets: numpy.ndarray, keys: list[int]):
        self.vocab = vocab
        raw = tokens.astype("<u8").tobytes()
        seqs: dict[bytes, list[int]] = {}
        prefixes: set[bytes] = set()
        off = offsets.tolist()
        for k, a, b in zip(keys, off, off[1:]):
            s = raw[8 * a:8 * b]
            got = seqs.get(s)
            if got is None:
                seqs[s] = [k]
            elif k not in got:
                got.append(k)
            for j in range(a + 1, b):
                prefixes.add(raw[8 * a:8 * j])
        self.seqs, self.prefixes = seqs, prefixes
        self.longest = max((b - a for a, b in zip(off, off[1:])), default=0)
        self._first = None

    def _firsts(self) -> numpy.ndarray:
        if self._first is None:
            self._first = numpy.unique(numpy.frombuffer(b"".join(s[:8] for s in self.seqs), dtype="<u8"))
        return self._first

    def __call__(self, doc, *, as_spans: bool = False):
        if as_spans:
            raise ValueError("CompiledPhrases gives (key, start, end) matches only")
        orths = doc.to_array(ORTH).astype("<u8")
        raw, seqs, prefixes, longest = orths.tobytes(), self.seqs, self.prefixes, self.longest
        out = []
        n = len(orths)
        for i in numpy.flatnonzero(numpy.isin(orths, self._firsts())).tolist():
            for j in range(i + 1, min(n, i + longest) + 1):
                s = raw[8 * i:8 * j]
                for k in seqs.get(s, ()):
                    out.append((k, i, j))
                if s not in prefixes:
                    break
        return out

    def _key(self, key) -> int:
        return self.vocab.strings.add(key) if isinstance(key, str) else key

    def __contains__(self, key) -> bool:
        k = self._key(key)
        return any(k in ks for ks in self.seqs.values())

    def __len__(self) -> int:
        return len({k for ks in self.seqs.values() for k in ks})

    def add(self, key, docs, *, on_match=None) -> None:
        if on_match is not None:
            raise ValueError("CompiledPhrases has no on_match callbacks")
        k = self._key(key)
        for doc in docs:
            orths = doc.to_array(ORTH).astype("<u8")
            if not len(orths):
                continue
            raw = orths.tobytes()
            self.seqs.setdefault(raw, [])
            if k not in self.seqs[raw]:
                self.seqs[raw].append(k)
            self.prefixes.update(raw[:8 * j] for j in range(1, len(orths)))
            self.longest = max(self.longest, len(orths))
        self._first = None

    def remove(self, key) -> None:
        k = self._key(key)
        if k not in self:
            raise KeyError(key)
        for s in list(self.seqs):
            ks = self.seqs[s]
            if k in ks:
                ks.remove(k)
                if not ks:
                    del self.seqs[s]  # prefixes and first tokens may stay: they only narrow the search
        self._first = None


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


def compiled_ruler(ruler, lang: str, read_patterns) -> None:
    """Give a new, empty span ruler the compiled gazetteer of `lang`: its phrase matcher,
    its label map and its patterns (`read_patterns()` gives the pattern dicts when needed)."""
    meta, a = read_arrays(compiled_dir() / f"phrases_{lang}.bin")
    strings = ruler.nlp.vocab.strings
    pair_keys = []
    for label, pid in meta["pairs"]:
        k = strings.add(repr((label, pid)))
        ruler._match_label_id_map[k] = {"label": label, "id": pid}
        pair_keys.append(k)
    keys = [pair_keys[i] for i in a["pair"].tolist()]
    ruler.phrase_matcher = CompiledPhrases(ruler.nlp.vocab, a["tokens"], a["offsets"], keys)
    ruler._patterns = LazyPatterns(meta["patterns"], read_patterns)
