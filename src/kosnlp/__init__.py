"""kosnlp: ACTOR / PLACE / DATE corpus of the 1998-1999 Kosovo crisis (Polish, English)."""
__version__ = "0.1.0"


def load(lang: str, model: str | None = None):
    """The spaCy pipeline for a registered language (kosnlp.languages; pretrained base if installed, else blank)."""
    from .pipeline import load as _load
    return _load(lang, model)


def load_corpus(path=None, manifest=None):
    """The corpus as pandas DataFrames (`.sentences`, `.mentions`, `.documents`); see kosnlp.corpus."""
    from .corpus import load_corpus as _load_corpus
    return _load_corpus(path, manifest)
