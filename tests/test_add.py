"""`kosnlp add`: new documents into raw/ and the manifest; --replace with the gold remapped or refused."""
import hashlib
import json
import re
import shutil

import pytest
import yaml
from synthetic import copy_project

from kosnlp.cli import main
from kosnlp.errors import KosnlpError
from kosnlp.gold import load_gold, remap, text_edits
from kosnlp.ingest import load_raw_corpus, read_manifest
from kosnlp.raw import make_doc_id, slug

PL = "Rozmowy w Rambouillet zaczęły się 6 lutego 1999 r.\nDelegacja Jugosławii przyjechała późno.\n"


@pytest.fixture
def raw(root, tmp_path):
    shutil.copytree(root / "raw", tmp_path / "raw")
    return tmp_path / "raw"


def _file(tmp_path, name, text):
    p = tmp_path / name
    p.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return p


def test_slug_and_doc_id():
    assert slug("Łódź, Kraków i Żółć!") == "lodz-krakow-i-zolc"
    assert make_doc_id("pl", "[Rozmowy w Rambouillet, luty 1999]", "news", "1999-02-06") == \
        "pl-news-rozmowy-w-rambouillet-luty-1999"
    assert make_doc_id("en", "A", None, None) == "en-a"


def test_add_copies_the_file_and_lists_it_with_its_checksum(raw, tmp_path, capsys):
    before_text = (raw / "manifest.yaml").read_text(encoding="utf-8")
    before = read_manifest(raw)
    f = _file(tmp_path, "in.txt", PL)
    assert main(["add", str(f), "--lang", "pl", "--title", "Rozmowy w Rambouillet", "--genre", "news",
                 "--date", "1999-02-07", "--source", "test: source", "--licence", "CC0", "--raw", str(raw)]) == 0
    doc_id = "pl-news-rozmowy-w-rambouillet-1999"
    assert doc_id in capsys.readouterr().out
    man = read_manifest(raw)
    assert man["documents"][:-1] == before["documents"] and man["releases"] == before["releases"]
    assert man["documents"][-1] == {
        "doc_id": doc_id, "file": f"{doc_id}.txt", "lang": "pl", "title": "Rozmowy w Rambouillet",
        "source": "test: source", "genre": "news", "reference_date": "1999-02-07", "period": "1999",
        "licence_note": "CC0", "sha256": hashlib.sha256(PL.encode()).hexdigest()}
    assert (raw / f"{doc_id}.txt").read_bytes() == f.read_bytes()
    after_text = (raw / "manifest.yaml").read_text(encoding="utf-8")
    comments = [ln for ln in before_text.splitlines() if ln.lstrip().startswith("#") or " # " in ln]
    assert [ln for ln in after_text.splitlines() if ln in comments] == comments  # comments kept, in order
    assert [d.doc_id for d in load_raw_corpus(raw)][-1] == doc_id  # checksums verify


def test_duplicates_are_refused_and_nothing_changes(raw, tmp_path, capsys):
    existing = read_manifest(raw)["documents"][0]
    copy = _file(tmp_path, "copy.txt", (raw / existing["file"]).read_bytes())
    before = (raw / "manifest.yaml").read_bytes()
    assert main(["add", str(copy), "--lang", existing["lang"], "--title", "Other", "--raw", str(raw)]) == 1
    err = capsys.readouterr().err
    assert "KOS-E114" in err and "copy.txt" in err and existing["doc_id"] in err
    f = _file(tmp_path, "new.txt", PL)
    assert main(["add", str(f), "--lang", "pl", "--id", existing["doc_id"], "--raw", str(raw)]) == 1
    assert "KOS-E114" in capsys.readouterr().err
    assert (raw / "manifest.yaml").read_bytes() == before
    assert sorted(p.name for p in raw.iterdir() if not p.name.startswith(".")) == \
        sorted([*(d["file"] for d in read_manifest(raw)["documents"]), "manifest.yaml"])


def test_two_new_files_with_one_title_each_and_a_bad_one(raw, tmp_path, capsys):
    a, b = _file(tmp_path, "a.txt", PL), _file(tmp_path, "b.txt", PL.replace("późno", "wcześnie"))
    bad = _file(tmp_path, "bad.txt", b"Za\xbf\xf3\xb3\xe6")
    assert main(["add", str(a), str(bad), str(b), "--lang", "pl", "--title", "Jeden", "--title", "Zły",
                 "--title", "Dwa", "--raw", str(raw)]) == 1
    err = capsys.readouterr().err
    assert re.search(r"KOS-E103 .*bad\.txt:1", err) and "Traceback" not in err
    ids = [d["doc_id"] for d in read_manifest(raw)["documents"]][-2:]
    assert ids == ["pl-jeden", "pl-dwa"]
    assert main(["add", str(a), str(b), "--lang", "pl", "--title", "only one", "--raw", str(raw)]) == 1
    assert "KOS-E115 --title: 1 --title for 2 files" in capsys.readouterr().err


@pytest.mark.parametrize("bad_id", ["../x", "PL-Upper", "a--b", "x" * 81, "a/b"])
def test_bad_doc_id_is_refused(raw, tmp_path, capsys, bad_id):
    f = _file(tmp_path, "in.txt", PL)
    assert main(["add", str(f), "--lang", "pl", "--id", bad_id, "--raw", str(raw)]) == 1
    assert "KOS-E115" in capsys.readouterr().err
    assert not any(p.name.startswith("in") or ".." in p.name for p in raw.iterdir())
    assert not (raw.parent / "x.txt").exists()


def test_run_names_raw_files_missing_from_the_manifest(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "manifest.yaml").write_text("documents: []\n", encoding="utf-8")
    f = _file(tmp_path, "a.txt", "NATO met in Brussels on 30 March 1999.\n")
    assert main(["add", str(f), "--lang", "en", "--title", "A", "--raw", str(raw)]) == 0
    (raw / "stray.txt").write_text("Dropped here by hand.\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["run", "--raw", str(raw), "--out", str(tmp_path / "out"), "--annotations", str(tmp_path / "ann"),
                 "--no-models", "--no-lodo", "--quiet"]) == 0
    err = capsys.readouterr().err
    warn = [ln for ln in err.splitlines() if ln.startswith("warning:")]
    assert len(warn) == 1 and "KOS-W101" in warn[0] and "stray.txt" in warn[0] and "kosnlp add" in warn[0]
    recs = [json.loads(x) for x in (tmp_path / "out" / "silver.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["doc_id"] for r in recs} == {"en-a"}
    # the hint works: the file is listed where it lies, under its own name
    assert main(["add", str(raw / "stray.txt"), "--id", "stray", "--lang", "en", "--title", "S", "--raw", str(raw)]) == 0
    from kosnlp.raw import unlisted
    assert unlisted(raw) == [] and read_manifest(raw)["documents"][-1]["file"] == "stray.txt"


# --replace


def _gold_doc(p):
    """A document with gold, and one of its sentences that has a word clear of every span."""
    gold = load_gold(p / "annotations" / "gold")
    for r in gold:
        for m in re.finditer(r"\b[a-z]{5,}\b", r["text"]):
            if all(m.end() + 1 < s["start"] or m.start() - 1 > s["end"] for s in r["spans"]) and r["spans"]:
                return r["doc_id"], r, m
    raise AssertionError("no sentence with a free word")


def _state(p):
    return {f.relative_to(p): f.read_bytes() for d in ("raw", "annotations/gold") for f in (p / d).iterdir()
            if not f.name.startswith(".")}


def test_replace_outside_every_span_remaps_the_gold(root, tmp_path, capsys):
    p = copy_project(root, tmp_path / "p")
    doc_id, rec, word = _gold_doc(p)
    meta = next(d for d in read_manifest(p / "raw")["documents"] if d["doc_id"] == doc_id)
    old = (p / "raw" / meta["file"]).read_text(encoding="utf-8")
    a = rec["start"] + word.start()
    new = "A line added at the top of the document.\n" + old[:a] + "qqq" + old[a + len(word.group()):]
    f = _file(tmp_path, "new.txt", new)
    before = [r for r in load_gold(p / "annotations" / "gold") if r["doc_id"] == doc_id]
    assert main(["add", "--replace", doc_id, str(f), "--raw", str(p / "raw"), "--gold", str(p / "annotations" / "gold")]) == 0
    out = capsys.readouterr().out
    assert f"{len(before)} gold sentences remapped" in out and "renumbered" in out
    docs = {d.doc_id: d for d in load_raw_corpus(p / "raw")}      # the manifest's sha256 is the new file's
    assert docs[doc_id].text == new
    after = [r for r in load_gold(p / "annotations" / "gold", {doc_id: new}) if r["doc_id"] == doc_id]  # contract
    assert [[s["text"], s["label"]] for r in after for s in r["spans"]] == \
        [[s["text"], s["label"]] for r in before for s in r["spans"]]
    assert [int(r["id"][-4:]) for r in after] == [int(r["id"][-4:]) + 1 for r in before]  # one sentence added before
    edited = [r for r in after if r["provenance"].get("text_edited_after_annotation")]
    assert [r["text"] for r in edited] == [rec["text"].replace(word.group(), "qqq", 1)]


def test_replace_touching_a_span_is_refused_with_the_sentence_ids(root, tmp_path, capsys):
    p = copy_project(root, tmp_path / "p")
    gold = load_gold(p / "annotations" / "gold")
    r1, r2 = [r for r in gold if r["spans"]][:2]
    assert r1["doc_id"] == r2["doc_id"]
    meta = next(d for d in read_manifest(p / "raw")["documents"] if d["doc_id"] == r1["doc_id"])
    old = (p / "raw" / meta["file"]).read_text(encoding="utf-8")
    new = old
    for r in (r2, r1):  # change the first mention of two sentences (from the back, so offsets hold)
        s = r["start"] + r["spans"][0]["start"]
        new = new[:s] + "X" + new[s + 1:]
    f = _file(tmp_path, "new.txt", new)
    before = _state(p)
    assert main(["add", "--replace", r1["doc_id"], str(f), "--raw", str(p / "raw"),
                 "--gold", str(p / "annotations" / "gold")]) == 1
    err = capsys.readouterr().err
    assert "KOS-E116" in err and r1["id"] in err and r2["id"] in err and "new.txt" in err
    assert _state(p) == before  # nothing written


def test_remap_edge_cases():
    old = "Alpha met Beta.\nGamma left.\n"
    recs = [{"id": "d-0001", "doc_id": "d", "lang": "en", "start": 0, "end": 15, "text": "Alpha met Beta.",
             "spans": [{"start": 0, "end": 5, "label": "ACTOR", "text": "Alpha"}], "status": "gold"}]
    assert text_edits(old, old) == []
    # an insertion right before a sentence moves it; right after it leaves it
    out, ren = remap(recs, old, "\n" + old, "en", "f")
    assert (out[0]["start"], ren) == (1, {})
    out, _ = remap(recs, old, old.replace("Beta.\n", "Beta.\nNew line.\n"), "en", "f")
    assert out[0]["start"] == 0 and out[0]["text"] == "Alpha met Beta."
    # inside the sentence, clear of the span: remapped and marked
    out, _ = remap(recs, old, old.replace("met", "saw"), "en", "f")
    assert out[0]["text"] == "Alpha saw Beta." and out[0]["provenance"]["text_edited_after_annotation"]
    # glued to the span: refused
    with pytest.raises(KosnlpError, match="KOS-E116 f: .*d-0001 .*'Alpha'"):
        remap(recs, old, old.replace("Alpha ", "Alphas "), "en", "f")
    # a new sentence boundary inside a gold sentence: refused
    with pytest.raises(KosnlpError, match="KOS-E116 .*d-0001 .*boundaries"):
        remap(recs, old, old.replace("met", "met. Then"), "en", "f")


def test_manifest_comments_survive_and_a_flow_style_manifest_is_refused(tmp_path):
    from kosnlp.raw import append_entries
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "manifest.yaml").write_text('{"documents": []}', encoding="utf-8")
    with pytest.raises(KosnlpError, match="KOS-E107"):
        append_entries(raw, [{"doc_id": "x", "file": "x.txt", "lang": "en", "sha256": "0"}])
    (raw / "manifest.yaml").write_text("# top\ncorpus_version: \"1.0.0\"\ndocuments: []  # none yet\n# after\n"
                                       "releases: []\n", encoding="utf-8")
    append_entries(raw, [{"doc_id": "x", "file": "x.txt", "lang": "en", "title": "a: b # c", "sha256": "0"}])
    text = (raw / "manifest.yaml").read_text(encoding="utf-8")
    assert text.index("# none yet") < text.index("doc_id: x") < text.index("# after")
    man = yaml.safe_load(text)
    assert man["documents"] == [{"doc_id": "x", "file": "x.txt", "lang": "en", "title": "a: b # c", "sha256": "0"}]
    assert man["releases"] == [] and man["corpus_version"] == "1.0.0"


def test_an_add_cut_short_before_the_manifest_can_be_run_again(raw, tmp_path, capsys):
    f = _file(tmp_path, "in.txt", PL)
    (raw / "pl-a.txt").write_bytes(f.read_bytes())      # the raw file was written, the manifest was not
    assert main(["add", str(f), "--lang", "pl", "--title", "A", "--raw", str(raw)]) == 0
    assert read_manifest(raw)["documents"][-1]["doc_id"] == "pl-a"
    (raw / "pl-b.txt").write_text("something else\n", encoding="utf-8")  # a different file of that name
    g = _file(tmp_path, "b.txt", PL.replace("późno", "wcześnie"))
    assert main(["add", str(g), "--lang", "pl", "--title", "B", "--raw", str(raw)]) == 1
    assert "KOS-E114" in capsys.readouterr().err and (raw / "pl-b.txt").read_text(encoding="utf-8") == "something else\n"


def test_a_replace_cut_short_is_finished_by_running_it_again(root, tmp_path, monkeypatch):
    import kosnlp.raw
    clean, cut = copy_project(root, tmp_path / "clean"), copy_project(root, tmp_path / "cut")
    doc_id, rec, word = _gold_doc(clean)
    meta = next(d for d in read_manifest(clean / "raw")["documents"] if d["doc_id"] == doc_id)
    old = (clean / "raw" / meta["file"]).read_text(encoding="utf-8")
    f = _file(tmp_path, "new.txt", "A new first line.\n" + old)
    args = ["add", "--replace", doc_id, str(f)]
    assert main([*args, "--raw", str(clean / "raw"), "--gold", str(clean / "annotations" / "gold")]) == 0

    def cut_short(*_):
        raise KeyboardInterrupt
    with monkeypatch.context() as m:
        m.setattr(kosnlp.raw, "set_sha256", cut_short)  # killed after the gold and the raw text were written
        assert main([*args, "--raw", str(cut / "raw"), "--gold", str(cut / "annotations" / "gold")]) == 130
    with pytest.raises(KosnlpError, match="KOS-E102"):
        load_raw_corpus(cut / "raw")                    # the half-done state is detected, not used
    assert any(p.name.endswith(".before-replace") for p in (cut / "raw").iterdir())
    assert main([*args, "--raw", str(cut / "raw"), "--gold", str(cut / "annotations" / "gold")]) == 0
    assert _state(cut) == _state(clean)
    assert not any(p.name.endswith(".before-replace") for p in (cut / "raw").iterdir())


def test_adds_at_the_same_time_all_land_in_the_manifest(raw, tmp_path):
    import subprocess
    import sys
    files = [_file(tmp_path, f"c{i}.txt", PL + f"Zdanie numer {i}.\n") for i in range(4)]
    procs = [subprocess.Popen([sys.executable, "-m", "kosnlp.cli", "add", str(f), "--lang", "pl", "--id", f"pl-c{i}",
                               "--raw", str(raw)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for i, f in enumerate(files)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    ids = [d["doc_id"] for d in read_manifest(raw)["documents"]]
    assert sorted(ids[-4:]) == [f"pl-c{i}" for i in range(4)]
    assert [d.doc_id for d in load_raw_corpus(raw)][-4:] == ids[-4:]
