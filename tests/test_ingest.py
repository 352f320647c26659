import hashlib
import shutil

import pytest

from kosnlp.errors import KosnlpError
from kosnlp.ingest import boilerplate_rule, decode, load_raw_corpus, read_manifest, read_text_file
from kosnlp.languages import detect_language


def test_manifest_checksums_match_raw_files(corpus_root):
    docs = load_raw_corpus(corpus_root / "raw")
    assert [d.doc_id for d in docs] == [d["doc_id"] for d in read_manifest(corpus_root / "raw")["documents"]]
    for d in docs:
        assert hashlib.sha256(d.path.read_bytes()).hexdigest() == d.meta["sha256"]
        assert d.lang in ("pl", "en")


def test_raw_files_are_the_seeds_byte_for_byte(root, corpus_root):
    """Documents from the project's seed set (a `seed` in the manifest) are their seed file, byte for byte."""
    seeds = root.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds not beside the checkout")
    docs = [d for d in read_manifest(corpus_root / "raw")["documents"] if "seed" in d]
    assert docs
    for d in docs:
        assert (corpus_root / "raw" / d["file"]).read_bytes() == (seeds / d["seed"]).read_bytes()


def test_changed_raw_file_is_an_error_naming_it(corpus_root, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(corpus_root / "raw", raw)
    victim = raw / read_manifest(raw)["documents"][-1]["file"]
    victim.write_text(victim.read_text(encoding="utf-8") + " ", encoding="utf-8")
    with pytest.raises(KosnlpError, match=rf"KOS-E102 .*{victim.name}"):
        load_raw_corpus(raw)


@pytest.mark.parametrize("data,code", [
    (b"", "KOS-E104"), (b"  \n", "KOS-E104"), (b"abc\x00\x01", "KOS-E105"),
    (b"ok line\nbad \xff byte", "KOS-E103"),
])
def test_bad_bytes_get_coded_errors(data, code):
    with pytest.raises(KosnlpError, match=code):
        decode(data, "f.txt")


def test_non_utf8_error_names_the_line():
    with pytest.raises(KosnlpError, match=r"f.txt:2"):
        decode(b"first\nsecond \xe9t\xe9", "f.txt")


def test_missing_file(tmp_path):
    with pytest.raises(KosnlpError, match="KOS-E101"):
        read_text_file(tmp_path / "nope.txt")


def test_universal_newlines_like_read_text(tmp_path):
    p = tmp_path / "crlf.txt"
    p.write_bytes("Zdanie pierwsze.\r\nDrugie.\rTrzecie.".encode())
    assert read_text_file(p) == p.read_text(encoding="utf-8")


@pytest.mark.parametrize("line,rule", [
    ("Get the latest updates as we post them — right on your browser", "live-updates-promo"),
    (". Last Updated: 07/27/2016", "last-updated-stamp"),
    ("Last updated 1/2/2015 10:30 am", "last-updated-stamp"),
    ("Share | Tweet | Email", "share-buttons"),
    ("© 1999 Cable News Network. All Rights Reserved.", "copyright-line"),
])
def test_every_boilerplate_rule_matches_its_kind_of_line(line, rule):
    assert boilerplate_rule(line) == rule


@pytest.mark.parametrize("line", [
    "NATO hailed the agreement as a clear road map.",
    "The draft was last updated on Tuesday by the ministers.",
    "Share of the vote fell.",
])
def test_boilerplate_rules_leave_text_alone(line):
    assert boilerplate_rule(line) is None


def test_detect_language():
    assert detect_language("Rosja zmieniła swoje stanowisko w sprawie Kosowa i nie zgodziła się.") == "pl"
    assert detect_language("The West and Russia reached a landmark accord on Tuesday.") == "en"
    with pytest.raises(KosnlpError, match="KOS-E106"):
        detect_language("12345 67890")


def test_broken_data_file_names_the_file_and_line(tmp_path, monkeypatch):
    import kosnlp.ingest as ingest
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "broken.yaml").write_text("titles: [President,\nprime: minister\n", encoding="utf-8")
    monkeypatch.setattr(ingest.resources, "files", lambda _pkg: tmp_path)
    with pytest.raises(KosnlpError, match=r"KOS-E108 .*broken\.yaml: cannot read data file: while parsing a flow sequence line 1, column 9 .*line 3"):
        ingest.load_yaml_data("broken.yaml")
    with pytest.raises(KosnlpError, match=r"KOS-E108 .*missing\.yaml: cannot read data file"):
        ingest.load_yaml_data("missing.yaml")
