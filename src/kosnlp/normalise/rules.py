"""The rule data the normalisers read while they run: the spelling keys
(data/norm/keys.yaml), the date lexicon (data/norm/dates.yaml), the calendar of events
(data/norm/events.yaml, kosnlp.normalise.events), the GeoNames cities
(data/compiled/cities.bin) and the language registry (data/languages.yaml, read through
kosnlp.languages).

By default they come from the installed package, each read on first use. A pipeline
loaded from disk carries its own (kosnlp_normaliser saves them with the model and reads
them back in `from_disk`), and its normaliser puts them in use while it runs (`use`):
a saved model normalises as it did when saved, whatever the installed package holds.
Switching the data in use clears the caches derived from it (the functions registered
with `derived`).
"""
from __future__ import annotations

from functools import lru_cache

NAMES = ("keys", "dates", "events", "cities", "languages")
_given: dict | None = None  # {"keys": ..., "dates": ..., "cities": (meta, arrays)}; None: the package's
_derived: list = []


def derived(fn):
    """Register an lru_cache'd function whose results depend on the data in use."""
    _derived.append(fn)
    return fn


@lru_cache(maxsize=None)
def package(name: str):
    """The installed package's data `name` (one of NAMES); cities: (meta, arrays)."""
    from ..compiled import compiled_dir, read_arrays
    from ..ingest import load_yaml_data
    if name == "cities":
        return read_arrays(compiled_dir() / "cities.bin")
    if name == "languages":
        return load_yaml_data("languages.yaml")
    return load_yaml_data(f"norm/{name}.yaml")


def get(name: str):
    """The data `name` in use (cities: (meta, arrays))."""
    return package(name) if _given is None else _given[name]


def use(data: dict | None) -> None:
    """Put `data` (a dict of NAMES, or None for the package's) in use."""
    global _given
    if data is _given:
        return
    _given = data
    for fn in _derived:
        fn.cache_clear()


def package_data() -> dict:
    """Every part of the package's data, as `use` takes it."""
    return {name: package(name) for name in NAMES}
