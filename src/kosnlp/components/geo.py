"""ACTOR or PLACE for a country, capital, city or region, learned from annotated data.

`geo_features` turns the context of one candidate mention (a STATE, CITY or REGION
span the resolver has selected) into binary features: the words before it (the cue
word after skipped words, the one before that, the governing noun or verb within three
words), the word after it (a possessive, a verb), its Polish cases (Morfeusz), its kind
and gazetteer id, whether it opens a sentence, a dateline or a short title-like line,
whether it is coordinated with another candidate, the labels of the neighbouring
candidates, the rule decision of the hand-written cues (data/context/<lang>.yaml), and
the dependency relation when a pretrained parser has parsed the sentence.

`GeoModel` is a logistic regression over those features: a weight per feature name and
a bias, trained by `kosnlp train-context` (kosnlp.train_context, the only place that
imports scikit-learn) and shipped as data (data/context/model_<lang>.json); scoring is
a sum of weights, so the runtime needs nothing but the JSON.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from importlib import resources
from itertools import repeat
from pathlib import Path

from spacy.tokens import Doc, Span

from ..errors import KosnlpError
from ..records import write_text
from .base import sentence_bounds
from .morph import cases

GEO = ("STATE", "CITY", "REGION")  # decided by context
MODES = ("rules", "classifier", "combined")
MODEL_FILE = "geo_model.json"  # in the resolver's directory of a saved pipeline
WINDOW = 3  # words before a mention searched for its governing word


def _word(res, tok) -> str:
    return res._w(tok) if tok is not None else ""


def sentences(doc: Doc) -> list[int]:
    """The start token of every sentence (one scan of the doc's arrays)."""
    return [a for a, _ in sentence_bounds(doc)] if doc.has_annotation("SENT_START") else [0]


def geo_features(res, doc: Doc, spans: list[Span], n: int, rule: tuple[str | None, bool],
                 dateline: bool, parsed: bool, starts: list[int]) -> list[str]:
    """The features of candidate `spans[n]`; `res`: the EntityResolver (its cue words and
    word forms), `rule`: its rule decision (label, strong), `dateline`: it is the place of
    a dateline, `parsed`: the doc has dependency labels, `starts`: `sentences(doc)`."""
    s, c = spans[n], res.c
    k = bisect_right(starts, s.start)
    sent_start, sent_end = starts[k - 1], starts[k] if k < len(starts) else len(doc)  # its sentence
    out = [f"kind={s.label_}", f"id={s.id_ or '-'}", f"idp={(s.id_ or '-').split(':')[0]}"]
    lab, strong = rule
    if not strong and (s.id_ or "") in c.get("place_default_ids", ()):
        lab = None  # as the resolver: weak cues do not override a place-by-default entity
    out += [f"rule={rule[0] or 'none'}:{'strong' if strong else 'weak'}", f"rules={lab or res.default(s)}"]
    prev = res._prev(doc, s.start, c.get("skip_before", ("the", "a", "an")))
    p1 = _word(res, prev)
    p2 = _word(res, res._prev(doc, prev.i, ())) if prev is not None else ""
    p1, p2 = p1 or "<s>", p2 or "<s>"
    out += [f"p1={p1}", f"p2={p2}", f"p1p2={p1}|{p2}"]
    if prev is not None and prev.is_punct:
        out.append("p1=punct")
    for k in range(s.start - 1, max(sent_start, s.start - WINDOW) - 1, -1):
        t = doc[k]
        if t.is_punct:
            break
        w = _word(res, t)
        out.append(f"ctx={w}")
        if res.morf and res._verb(t):
            out.append(f"verb={w}")
    nxt = doc[s.end] if s.end < len(doc) else None
    if nxt is None or nxt.is_sent_start:
        out.append("n1=</s>")
    else:
        out.append(f"n1={_word(res, nxt)}")
        if nxt.is_punct:
            out.append("n1=punct")
        if res.morf and res._verb(nxt):
            out.append("n1=verb")
        suffix = next((x for x in res.verb_suffixes if nxt.text.endswith(x)), None) \
            if nxt.is_lower and nxt.is_alpha else None
        if suffix:  # a verb's ending, in a language without Morfeusz ("Belgrade agreed")
            out.append(f"n1suffix={suffix}")
        if nxt.is_title:
            out.append("n1=Title")
    if res.morf:
        cs = sorted(cases(s[0]))
        out += [f"case={c}" for c in cs] + [f"cases={'.'.join(cs) or '-'}"]
        out += [f"p1case={p1}|{c}" for c in cs]
    if s.start == sent_start:
        out.append("sent_start")
    if dateline:
        out.append("dateline")
    if sent_end - sent_start <= 8 and not (sent_end > sent_start and doc[sent_end - 1].text in (".", "!", "?")):
        out.append("title_line")
    if s.text.isupper() and len(s.text) > 1:
        out.append("upper")
    for side, m in (("left", n - 1), ("right", n + 1)):
        if 0 <= m < len(spans) and sent_start <= spans[m].start < sent_end:
            out.append(f"{side}_ent={spans[m].label_}")
            a, b = (spans[m], s) if m < n else (s, spans[m])
            if spans[m].label_ in GEO and res._coordinated(doc, a, b):
                out.append("coordinated")
    if parsed:
        out += [f"dep={s.root.dep_}", f"head={s.root.head.lemma_.lower()}"]
    return out


class GeoModel:
    """Binary logistic regression, P(ACTOR | features), from its saved weights."""

    def __init__(self, data: dict):
        self.data = data
        self.weights: dict[str, float] = data["weights"]
        self.bias: float = data["bias"]

    def prob(self, feats: list[str]) -> float:
        z = self.bias + sum(map(self.weights.get, set(feats), repeat(0.0)))  # the same order as a loop
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))

    def label(self, feats: list[str]) -> str:
        return "ACTOR" if self.prob(feats) >= 0.5 else "PLACE"


def read_model(text: str, where: str) -> dict:
    """A model's JSON (written by kosnlp train-context), its shape checked: a weight per
    feature and a bias, all numbers."""
    try:
        data = json.loads(text)
    except ValueError as e:
        raise KosnlpError("KOS-E108", f"context model is not valid JSON: {e}", where=where,
                          hint="train it again: kosnlp train-context") from None
    num = (int, float)
    if not (isinstance(data, dict) and isinstance(data.get("bias"), num) and isinstance(data.get("weights"), dict)
            and all(isinstance(w, num) for w in data["weights"].values())):
        raise KosnlpError("KOS-E108", "context model needs a number 'bias' and a map 'weights' of numbers",
                          where=where, hint="train it again: kosnlp train-context")
    return data


def model_path(lang: str):
    return resources.files("kosnlp") / "data" / "context" / f"model_{lang}.json"


def load_model(lang: str) -> dict:
    """The package's learned model for `lang` (data/context/model_<lang>.json)."""
    res = model_path(lang)
    try:
        text = res.read_text(encoding="utf-8")
    except OSError:
        raise KosnlpError("KOS-E108", "no context model for this language", where=str(res),
                          hint=f"train it: kosnlp train-context --lang {lang}") from None
    return read_model(text, str(res))


class WithGeoModel:
    """The resolver's learned model (`decision` classifier or combined), saved with the
    pipeline beside its cues as MODEL_FILE; a resolver made new takes the package's."""
    lang: str
    name: str
    decision: str
    _model: GeoModel | None = None

    @property
    def geo_model(self) -> GeoModel | None:
        """Loaded on first use (not `model`: spaCy probes components for that attribute)."""
        if self._model is None and self.decision != "rules":
            self._model = GeoModel(load_model(self.lang))
        return self._model

    def set_model(self, data: dict | None) -> None:
        self._model = GeoModel(data) if data is not None else None

    def to_disk(self, path, *, exclude=()):
        super().to_disk(path, exclude=exclude)
        if self.geo_model is not None:
            write_text(Path(path) / MODEL_FILE, json.dumps(self.geo_model.data, ensure_ascii=False, indent=0,
                                                           sort_keys=True) + "\n")

    def from_disk(self, path, *, exclude=()):
        super().from_disk(path, exclude=exclude)
        f = Path(path) / MODEL_FILE
        if self.decision != "rules":
            if not f.is_file():
                raise KosnlpError("KOS-E301", f"the saved component {self.name!r} has no {MODEL_FILE}",
                                  where=str(path), hint="save the pipeline again: kosnlp build-models")
            self._model = GeoModel(read_model(f.read_text(encoding="utf-8"), str(f)))
        return self
