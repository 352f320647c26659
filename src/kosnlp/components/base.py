"""Shared pieces of kosnlp's components."""


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
