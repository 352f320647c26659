"""Shared pieces of kosnlp's components."""
import json
from itertools import chain
from pathlib import Path

import numpy
from spacy.attrs import ORTH, SENT_START, SPACY

from ..errors import KosnlpError
from ..ingest import load_yaml_data
from ..records import write_text


def doc_text(doc) -> str:
    """`doc.text`, from the token arrays (doc.text makes a Token object per token)."""
    # word, space, word, space ...: the iteration stays in C (map, zip, chain)
    return "".join(chain.from_iterable(zip(map(doc.vocab.strings.__getitem__, doc.to_array(ORTH).tolist()),
                                           map(_SPACE.__getitem__, doc.to_array(SPACY).tolist()))))


_SPACE = ("", " ")  # a token's SPACY value (0 or 1) -> its trailing whitespace


def sentence_bounds(doc) -> list[tuple[int, int]]:
    """(start, end) token ids of `doc.sents`: a sentence starts where sent_start == 1."""
    ss = doc.to_array(SENT_START).astype("int64")
    starts = [0] + (numpy.flatnonzero(ss[1:] == 1) + 1).tolist()
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(doc)]) if a < b]


class Stateless:
    """For components with nothing to serialise (their settings are their config)."""

    def to_disk(self, path, *, exclude=()):
        pass

    def from_disk(self, path, *, exclude=()):
        return self

    def to_bytes(self, *, exclude=()):
        return b""

    def from_bytes(self, data, *, exclude=()):
        return self


class WithData:
    """A rule component whose data (cues, word lists, abbreviations ...) is saved with the
    pipeline, as spaCy's SpanRuler saves its patterns: `to_disk` writes it to DATA_FILE in
    the component's directory and `from_disk` reads it back, so a saved model keeps its
    data whatever the installed package holds. A component made new (not loaded) takes
    the package's data (`package_data`) on first use; `set_data` gives it other data.
    Subclasses derive their lookup structures in `_prepare(data)`. The properties of the
    language's record they read (LANGUAGE, see kosnlp.languages) are kept in the data too,
    under "language"."""
    DATA_FILE = "data.json"
    LANGUAGE: tuple[str, ...] = ()
    lang: str
    name: str
    _data: dict | None = None

    @property
    def data(self) -> dict:
        self.ensure_data()
        return self._data

    def ensure_data(self) -> None:
        """Take the package's data now if none was given or loaded."""
        if self._data is None:
            self.set_data(self.package_data())

    def set_data(self, data: dict) -> None:
        if self.LANGUAGE and "language" not in data:  # package data, or a model saved without them
            from ..languages import properties
            data = {**data, "language": properties(self.lang, self.LANGUAGE)}
        self._data = data
        self._prepare(data)

    def package_data(self) -> dict:
        raise NotImplementedError

    def _prepare(self, data: dict) -> None:
        raise NotImplementedError

    def to_disk(self, path, *, exclude=()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        write_text(path / self.DATA_FILE, self.to_bytes().decode("utf-8"))

    def from_disk(self, path, *, exclude=()):
        f = Path(path) / self.DATA_FILE
        if not f.is_file():
            raise KosnlpError("KOS-E301", f"the saved component {self.name!r} has no {self.DATA_FILE}",
                              where=str(path), hint="save the pipeline again: kosnlp build-models")
        return self.from_bytes(f.read_bytes())

    def to_bytes(self, *, exclude=()):
        return (json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")

    def from_bytes(self, data, *, exclude=()):
        self.set_data(json.loads(data.decode("utf-8")))
        return self


class WithCues(WithData):
    """The context cues of a language (data/context/<lang>.yaml), saved as cues.json."""
    DATA_FILE = "cues.json"

    def package_data(self) -> dict:
        return load_yaml_data(f"context/{self.lang}.yaml")
