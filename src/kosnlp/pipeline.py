"""The per-language spaCy pipelines.

`load(lang)` returns a `Language`: the pretrained pipeline of the language's record
(kosnlp.languages: pl_core_news_sm, en_core_web_sm; or `model=` any installed package or path) plus
kosnlp's components when it is installed, otherwise a blank pipeline plus the
components (the embedded default: no download, no network). `save_models()` writes
every language's to models/, loadable with `spacy.load("models/kosnlp-<lang>")` in a fresh
interpreter (the factories are `spacy_factories` entry points).
"""
from __future__ import annotations

import gc
import re
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import NORM, ORTH, SPACY
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .compiled import read_patterns
from .components import CANDIDATES as KEY
from .components.phrases import compiled_ruler, package_phrases
from .errors import KosnlpError
from .languages import check_lang, codes, language

def base_pipeline(lang: str, model: str | None = None) -> tuple[Language, str]:
    """The pretrained pipeline if available, else a blank one; (nlp, description)."""
    name = model or language(lang).pretrained
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
    from .segment import abbreviations
    never, maybe = abbreviations(lang)
    for abbr in sorted(never | maybe):
        nlp.tokenizer.add_special_case(f"{abbr}.", [{"ORTH": f"{abbr}."}])


def blank_tokenizer(lang: str):
    """The tokenizer of the blank pipeline with kosnlp's abbreviations (the one the
    gazetteer's phrases are compiled with)."""
    nlp = spacy.blank(lang)
    add_abbreviations(nlp, lang)
    return nlp.tokenizer


def add_components(nlp: Language, lang: str, compiled: bool = False) -> Language:
    """kosnlp's components after nlp's; `compiled`: nlp is the blank pipeline, whose
    tokenizer the compiled gazetteer was made with (data/compiled/phrases_<lang>.bin)."""
    add_abbreviations(nlp, lang)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    nlp.add_pipe("kosnlp_segmenter", config={"lang": lang}, **({"before": first} if first else {}))
    if language(lang).has_morfeusz:
        nlp.add_pipe("kosnlp_morph")
    gaz = nlp.add_pipe("kosnlp_span_ruler", name="kosnlp_gazetteer",
                       config={"spans_key": KEY, "phrase_matcher_attr": "ORTH", "overwrite": False})
    dates = nlp.add_pipe("kosnlp_span_ruler", name="kosnlp_dates", config={"spans_key": KEY, "overwrite": False})
    if compiled:
        compiled_ruler(gaz, *package_phrases(lang), lambda: read_patterns(f"gazetteer_{lang}.jsonl"))
    # The span ruler runs its phrase patterns through the components before it; the
    # phrase matcher compares ORTH only, which the tokenizer alone sets, so those
    # components (segmenter, Morfeusz) are switched off while patterns are added.
    # The tokenizer's cache (10,000 entries) is not filled with the patterns' words
    # (25,000 Polish patterns filled it, and texts were then tokenized uncached).
    cache_size, nlp.tokenizer.max_cache_size = nlp.tokenizer.max_cache_size, 0
    try:
        with nlp.select_pipes(enable=[]):
            if not compiled:
                gaz.add_patterns(read_patterns(f"gazetteer_{lang}.jsonl"))
            dates.add_patterns(read_patterns(f"dates_{lang}.jsonl"))
    finally:
        nlp.tokenizer.max_cache_size = cache_size
    nlp.add_pipe("kosnlp_names", config={"lang": lang, "spans_key": KEY})
    nlp.add_pipe("kosnlp_resolver", config={"lang": lang, "spans_key": KEY})
    nlp.add_pipe("kosnlp_normaliser", config={"lang": lang})
    return nlp


_PIECE_END = re.compile(r"\n(?=\S)")


def make_doc(nlp: Language, text: str) -> Doc:
    """`nlp.make_doc(text)`, faster for long texts: the tokenizer stops caching words
    after the first special case in a text ("r.", "U.S."), so a 20,000-character chunk
    is tokenized line by line (cut after a newline before a non-space, where the
    tokenizer splits anyway) and the tokens are joined into one Doc: the same words,
    spaces and norms. Falls back to nlp.make_doc for tokenizers it cannot reproduce."""
    tok = nlp.tokenizer
    # a special case with a newline between other characters could match across a cut
    # (whitespace-only ones, like spaCy's "\n", stay inside a piece)
    if not isinstance(tok, Tokenizer) or any("\n" in r and not r.isspace() for r in tok.rules):
        return nlp.make_doc(text)
    cuts = [m.end() for m in _PIECE_END.finditer(text)]
    arrays = [tok(text[a:b]).to_array([ORTH, NORM, SPACY]) for a, b in zip([0] + cuts, cuts + [len(text)]) if a < b]
    if not arrays:
        return Doc(nlp.vocab, words=[])
    arr = numpy.concatenate(arrays)
    strings = nlp.vocab.strings
    doc = Doc(nlp.vocab, words=[strings[o] for o in arr[:, 0].tolist()], spaces=arr[:, 2].astype(bool).tolist())
    for i in numpy.flatnonzero(doc.to_array(NORM) != arr[:, 1]).tolist():
        doc[i].norm_ = strings[int(arr[i, 1])]  # norms set by tokenizer exceptions ("n't" -> "not")
    return doc


def load(lang: str, model: str | None = None) -> Language:
    """The pipeline for `lang`, built once per process and (lang, model): `load(lang)`
    and `load(lang, None)` are the same object."""
    return _load(lang, model)


@lru_cache(maxsize=4)
def _load(lang: str, model: str | None) -> Language:
    check_lang(lang)
    nlp, desc = base_pipeline(lang, model)
    nlp.meta["kosnlp_base"] = desc
    nlp.meta["name"] = f"kosnlp_{lang}"
    return add_components(nlp, lang, compiled=desc == f"blank:{lang}")


def run_loader(model: str | None = None):
    """`lang -> load(lang, model)` for a command that annotates until its process ends.
    A pipeline is warmed when first loaded (Morfeusz and dateparser, which `load` leaves
    to the first text, are loaded now: before `--n-process` workers are forked, so that
    they share them). Then everything alive is moved out of the garbage
    collector's sight (`gc.freeze`): the pipelines and their tables (about 200,000
    objects for the warmed Polish pipeline) live as long as the process, and every full collection would walk them
    again (a tenth of annotate's time), writing to their memory pages, which forked
    workers share copy-on-write until then."""
    def get(lang: str) -> Language:
        nlp = load(lang, model)
        if (lang, model) not in _FROZEN:  # once per pipeline and process
            _FROZEN.add((lang, model))
            warm(nlp)  # before any worker is forked
            gc.freeze()
        return nlp
    return get


_FROZEN: set = set()


def warm(nlp: Language) -> Language:
    """Load now what the first text would: Morfeusz (kosnlp_morph, and kosnlp_names in
    both languages), the components' data (the given names ...), the date ruler's
    compiled gate, and the normaliser's tables and dateparser."""
    from .components.base import WithData
    from .components.ruler import Ruler
    from .morfeusz import analyser
    analyser()
    for _name, proc in nlp.pipeline:
        if isinstance(proc, WithData):
            proc.ensure_data()
        if isinstance(proc, Ruler):
            proc.warm()
    nlp.get_pipe("kosnlp_normaliser").warm()
    return nlp


def save_models(out_dir: str | Path = "models") -> list[Path]:
    """Save every language's pipeline to `out_dir`/kosnlp-<lang>, each written into a temp directory
    and renamed into place: an interrupted save leaves the old model (or none), never a
    half-written one."""
    from .records import atomic_dir
    paths = []
    for lang in codes():
        path = Path(out_dir) / f"kosnlp-{lang}"
        nlp = load(lang)
        with atomic_dir(path) as tmp:
            nlp.to_disk(tmp)
        paths.append(path)
    return paths
