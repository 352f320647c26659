"""Which Polish lemmatiser serves the rules better: Morfeusz 2 or spacy-lookups-data?

    uv run python bench/lemmas_pl.py

For every token of a gold Polish ACTOR/PLACE span whose form is inflected (not the
nominative written in the registry), count how often each lemmatiser returns the
nominative name the gazetteer knows ("Rosji" -> "Rosja"). Prints both rates.
"""
from spacy.lookups import load_lookups

from kosnlp.components.morph import PolishMorph
from kosnlp.gold import load_gold
from kosnlp.ingest import load_yaml_data

import spacy

names = set()
for e in load_yaml_data("registry/actors.yaml") + load_yaml_data("gazetteer/places_curated.yaml") + \
        load_yaml_data("gazetteer/states_curated.yaml"):
    for n in [e.get("name_pl")] + (e.get("aliases_pl") or []):
        if n:
            names.update(n.split())
from babel import Locale  # noqa: E402
names.update(w for n in Locale("pl").territories.values() for w in n.split())

# Polish has per-POS tables (the POS-aware lemmatiser); without a tagger, a proper noun
# is looked up as a noun
table = load_lookups("pl", ["lemma_lookup_noun"]).get_table("lemma_lookup_noun")
morph = PolishMorph(spacy.blank("pl"))
nlp = spacy.blank("pl")
total = hit_m = hit_l = 0
for r in load_gold():
    if r["lang"] != "pl":
        continue
    for s in r["spans"]:
        if s["label"] == "DATE":
            continue
        for tok in nlp(s["text"]):
            if not tok.text[:1].isupper() or tok.text in names:
                continue
            total += 1
            an = morph.analyse(tok.text)
            hit_m += any(a[0] in names or a[0].capitalize() in names for a in an)
            lem = table.get(tok.text, table.get(tok.text.lower(), tok.text))
            hit_l += lem in names or lem.capitalize() in names
print(f"inflected name tokens in Polish gold ACTOR/PLACE spans: {total}")
print(f"Morfeusz 2 lemma is a known name:        {hit_m} ({hit_m / total:.1%})")
print(f"spacy-lookups-data lemma is a known name: {hit_l} ({hit_l / total:.1%})")
