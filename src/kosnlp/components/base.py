"""Shared pieces of kosnlp's components."""
import numpy
from spacy.attrs import ORTH, SENT_START, SPACY


def doc_text(doc) -> str:
    """`doc.text`, from the token arrays (doc.text makes a Token object per token)."""
    strings = doc.vocab.strings
    return "".join(strings[o] + " " if sp else strings[o]
                   for o, sp in zip(doc.to_array(ORTH).tolist(), doc.to_array(SPACY).tolist()))


def sentence_bounds(doc) -> list[tuple[int, int]]:
    """(start, end) token ids of `doc.sents`: a sentence starts where sent_start == 1."""
    ss = doc.to_array(SENT_START).astype("int64")
    starts = [0] + (numpy.flatnonzero(ss[1:] == 1) + 1).tolist()
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(doc)]) if a < b]


class Stateless:
    """For rule components whose data lives in their config: nothing to serialise."""

    def to_disk(self, path, *, exclude=()):
        pass

    def from_disk(self, path, *, exclude=()):
        return self

    def to_bytes(self, *, exclude=()):
        return b""

    def from_bytes(self, data, *, exclude=()):
        return self
