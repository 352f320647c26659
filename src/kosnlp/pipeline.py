"""The per-language spaCy pipelines.

`load("pl")` / `load("en")` returns a `Language`: the pretrained pipeline
(pl_core_news_sm / en_core_web_sm, or `model=` any installed package or path) plus
kosnlp's components when it is installed, otherwise a blank pipeline plus the
components (the embedded default: no download, no network). `save_models()` writes
both to models/, loadable with `spacy.load("models/kosnlp-<lang>")` in a fresh
interpreter (the factories are `spacy_factories` entry points).
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from .components import CANDIDATES as KEY
from .components.gate import GatedMatcher
from .errors import KosnlpError
from .ingest import check_lang

PRETRAINED = {"pl": "pl_core_news_sm", "en": "en_core_web_sm"}


def _patterns(name: str) -> list[dict]:
    path = resources.files("kosnlp") / "data" / "patterns" / name
    out = []
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise KosnlpError("KOS-E108", f"pattern is not JSON ({e.msg})", where=f"{path}:{ln}",
                                  hint="run `kosnlp build-data` to regenerate") from None
    return out


def base_pipeline(lang: str, model: str | None = None) -> tuple[Language, str]:
    """The pretrained pipeline if available, else a blank one; (nlp, description)."""
    name = model or PRETRAINED[lang]
    if model or spacy.util.is_package(name):
        try:
            nlp = spacy.load(name, exclude=["ner", "senter"])
        except (OSError, ValueError) as e:
            raise KosnlpError("KOS-E301", f"cannot load pipeline {name!r}: {e}".splitlines()[0],
                              hint="install it, or leave out --model for the blank default") from None
        if nlp.lang != lang:
            raise KosnlpError("KOS-E301", f"pipeline {name!r} is for {nlp.lang!r}, not {lang!r}")
        return nlp, name
    return spacy.blank(lang), f"blank:{lang}"


def add_abbreviations(nlp: Language, lang: str) -> None:
    """Keep "r.", "w.", "np.", "U.S." ... one token, also at the end of a sentence."""
    from .segment import _abbreviations
    never, maybe = _abbreviations(lang)
    for abbr in sorted(never | maybe):
        nlp.tokenizer.add_special_case(f"{abbr}.", [{"ORTH": f"{abbr}."}])


def add_components(nlp: Language, lang: str) -> Language:
    add_abbreviations(nlp, lang)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("kosnlp_segmenter", config={"lang": lang}, **({"before": first} if first else {}))
    if lang == "pl":
        nlp.add_pipe("kosnlp_morph")
    gaz = nlp.add_pipe("span_ruler", name="kosnlp_gazetteer",
                       config={"spans_key": KEY, "phrase_matcher_attr": "ORTH", "overwrite": False})
    dates = nlp.add_pipe("span_ruler", name="kosnlp_dates", config={"spans_key": KEY, "overwrite": False})
    # The span ruler runs its phrase patterns through the components before it; the
    # phrase matcher compares ORTH only, which the tokenizer alone sets, so those
    # components (segmenter, Morfeusz) are switched off while patterns are added.
    with nlp.select_pipes(enable=[]):
        gaz.add_patterns(_patterns(f"gazetteer_{lang}.jsonl"))
        dates.add_patterns(_patterns(f"dates_{lang}.jsonl"))
    # same matches, found faster (kosnlp.components.gate); patterns added later are learnt too
    dates.matcher = GatedMatcher(dates.matcher, nlp.vocab, [p["pattern"] for p in dates.patterns
                                                            if isinstance(p["pattern"], list)])
    nlp.add_pipe("kosnlp_names", config={"lang": lang, "spans_key": KEY})
    nlp.add_pipe("kosnlp_resolver", config={"lang": lang, "spans_key": KEY})
    return nlp


@lru_cache(maxsize=4)
def load(lang: str, model: str | None = None) -> Language:
    check_lang(lang)
    nlp, desc = base_pipeline(lang, model)
    nlp.meta["kosnlp_base"] = desc
    nlp.meta["name"] = f"kosnlp_{lang}"
    return add_components(nlp, lang)


def save_models(out_dir: str | Path = "models") -> list[Path]:
    paths = []
    for lang in ("pl", "en"):
        path = Path(out_dir) / f"kosnlp-{lang}"
        path.parent.mkdir(parents=True, exist_ok=True)
        load(lang).to_disk(path)
        paths.append(path)
    return paths
