"""Where `kosnlp annotate` takes a file's reference date: a metadata table, a manifest beside
the file, --reference-date, the dateline opening a news text; texts written for the tests."""
import json

import pytest

from kosnlp.annotate import annotate_files
from kosnlp.errors import KosnlpError
from kosnlp.normalise.reference import Reference, dateline_date, read_metadata


@pytest.mark.parametrize("first_line, lang, date", [
    ("SKOPJE, April 3, 2001 (AFP) - Border guards said on Monday", "en", "2001-04-03"),
    ("Kraków, 14.02.2002 (PAP) – Rada miasta zebrała się wczoraj", "pl", "2002-02-14"),
    ("TIRANA, 9 March 2001 - The ministry said", "en", "2001-03-09"),
    ("Gdańsk, 5 sierpnia 2003 r. (PAP)", "pl", "2003-08-05"),
])
def test_a_dateline_gives_the_date_of_writing(first_line, lang, date):
    assert dateline_date(first_line + "\nMore text.", lang) == date


@pytest.mark.parametrize("first_line, lang", [
    ("SKOPJE, April 3 (AFP) - Border guards said", "en"),           # no year: not a date of writing
    ("Kosovo, 2001: a year of elections", "en"),                      # a year, not a day
    ("The talks, held on 3 April 2001, failed.", "en"),               # a sentence, not a dateline
])
def test_no_dateline_without_a_day_and_year_in_its_place(first_line, lang):
    assert dateline_date(first_line, lang) is None


def test_metadata_tables_csv_and_jsonl(tmp_path):
    csv = tmp_path / "meta.csv"
    csv.write_text("file,date,title\nnotes/a.txt,2002-05-01,A note\nb.txt,2002-06-02,\n", encoding="utf-8")
    assert {k: v["date"] for k, v in read_metadata(csv).items()} == {"a.txt": "2002-05-01", "b.txt": "2002-06-02"}
    jl = tmp_path / "meta.jsonl"
    jl.write_text(json.dumps({"file": "c.txt", "date": "2003-01-31", "source": "archive"}) + "\n\n", encoding="utf-8")
    assert read_metadata(jl)["c.txt"]["source"] == "archive"


@pytest.mark.parametrize("name, content, message", [
    ("m.csv", "file;date\na.txt;2002-05-01\n", "no 'file' and 'date' columns"),
    ("m.csv", "file,date\na.txt,\n", "without 'file' or 'date'"),
    ("m.csv", "file,date\na.txt,1.5.2002\n", "is not YYYY-MM-DD"),
    ("m.jsonl", '{"file": "a.txt", "date": "2002-02-30"}\n', "is not YYYY-MM-DD"),
    ("m.jsonl", "{file: a.txt}\n", "not a JSON object"),
])
def test_a_bad_metadata_table_is_a_one_line_error(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(KosnlpError, match=rf"KOS-E504 .*{message}"):
        read_metadata(p)


def test_a_bad_reference_date_option_is_an_error():
    with pytest.raises(KosnlpError, match=r"KOS-E504 --reference-date: .*'2002-5-1' is not YYYY-MM-DD"):
        Reference("2002-5-1")


def test_the_order_metadata_manifest_option_dateline(tmp_path):
    (tmp_path / "manifest.yaml").write_text(
        "documents:\n- {doc_id: m, file: m.txt, lang: en, reference_date: 2004-04-04}\n", encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,date\nm.txt,2005-05-05\nx.txt,2006-06-06\n", encoding="utf-8")
    line = "SKOPJE, April 3, 2001 (AFP) - text"
    ref = Reference("2007-07-07", meta)
    assert ref.find(tmp_path / "x.txt", line, "en") == ("2006-06-06", "metadata")
    assert ref.find(tmp_path / "m.txt", line, "en") == ("2005-05-05", "metadata")
    assert Reference("2007-07-07").find(tmp_path / "m.txt", line, "en") == ("2004-04-04", "manifest")
    assert ref.find(tmp_path / "y.txt", line, "en") == ("2007-07-07", "option")
    assert Reference().find(tmp_path / "y.txt", line, "en") == ("2001-04-03", "dateline")
    assert Reference().find(tmp_path / "y.txt", "No date here.", "en") == (None, None)


def yesterdays(out):
    got = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        for s in r["spans"]:
            if s["text"] == "yesterday":
                got[r["doc_id"]] = (s["norm"].get("value"), s["norm"].get("reference_from") or s["norm"].get("reason"))
    return got


def test_annotate_anchors_relative_dates_and_says_on_what(nlp_en, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The minister said yesterday that the talks would go on.\n", encoding="utf-8")
    b.write_text("SKOPJE, April 3, 2001 (AFP) - The minister said yesterday that the talks would go on.\n",
                 encoding="utf-8")
    out = tmp_path / "o.jsonl"
    annotate_files([a, b], "en", out, lambda lang: nlp_en, progress=False, reference=Reference("2002-10-10"))
    # the batch date comes before a dateline (it is what the user gave)
    assert yesterdays(out) == {"a": ("2002-10-09", "option"), "b": ("2002-10-09", "option")}
    annotate_files([a, b], "en", out, lambda lang: nlp_en, progress=False)
    assert yesterdays(out) == {"a": (None, "no anchor"), "b": ("2001-04-02", "dateline")}
