import pytest

from kosnlp.ingest import load_raw_corpus
from kosnlp.segment import segment


def texts(text, lang):
    return [u.text for u in segment(text, lang)]


@pytest.mark.parametrize("text", [
    "Ze strony takich państw jak np. Rosja, Grecja czy Chiny, Sojusz znalazł się w defensywie.",
    "Działalność Grupy Kontaktowej ds. Jugosławii została zakończona.",
    "Oskarżono gen. Dragoljuba Ojdanicia i innych.",
    "W deklaracji (zob. aneks nr 5) ponowiono warunki.",
    "Zniszczenia były większe niż podczas II w. ś. według Rosji.",
    "Państwa sprzyjające Serbii, tzn. Czech i Grecji, miały plan.",
])
def test_polish_abbreviations_do_not_split(text):
    assert texts(text, "pl") == [text]


@pytest.mark.parametrize("text,n", [
    ("Szczyt odbył się w dniach 23-25 kwietnia 1999 r. Spotkanie to było robocze.", 2),
    ("Ustalono zadania NATO na XXI w. Wypracowana koncepcja potwierdzała to.", 2),
    ("Rosja ma prawo weta w Radzie Bezpieczeństwa NZ. Ze względu na to Milošević też.", 2),
])
def test_polish_maybe_final_abbreviations_end_sentences_before_capitals(text, n):
    assert len(texts(text, "pl")) == n


def test_list_items_and_headings_are_units_without_markers():
    text = "Warunki:\n– Powstrzymanie czystek;\n– Przyznanie Kosowu autonomii.\nNagłówek\n  • Bullet one; and\n"
    assert texts(text, "pl") == ["Warunki:", "Powstrzymanie czystek;", "Przyznanie Kosowu autonomii.",
                                 "Nagłówek", "Bullet one; and"]


def test_english_rules():
    assert texts("The U.S. State Department spoke. He said no.", "en") == [
        "The U.S. State Department spoke.", "He said no."]
    assert texts("It ended. (Reuter, AP, June 10) The remark followed.", "en") == [
        "It ended.", "(Reuter, AP, June 10)", "The remark followed."]
    assert texts("Washington, DC, March 26, 1999:The U.S. objectives are clear.", "en") == [
        "Washington, DC, March 26, 1999:", "The U.S. objectives are clear."]


def test_offsets_exact_on_the_whole_corpus(root):
    for d in load_raw_corpus(root / "raw"):
        units = segment(d.text, d.lang)
        assert units
        for u in units:
            assert d.text[u.start:u.end] == u.text == u.text.strip()
        assert all(a.end <= b.start for a, b in zip(units, units[1:]))


def test_boilerplate_is_excluded(root):
    doc = next(d for d in load_raw_corpus(root / "raw") if d.doc_id == "en-news-cologne-accord-1999")
    joined = " ".join(texts(doc.text, "en"))
    assert "Get the latest updates" not in joined and "Last Updated" not in joined
    assert texts(doc.text, "en")[0] == "UN Sent Draft for Peace in Kosovo"
