"""The HTML report: differences marked, scores, charts; rendered in a real headless Chromium.

The browser tests skip when no chromium is installed, unless KOSNLP_REQUIRE_BROWSER=1
(set by .ci/run), in which case they fail.
"""
import copy
import json
import os
import re
import shutil

import pytest

from kosnlp.browser import dump_dom, find_chromium, screenshot
from kosnlp.cli import cmd_report, main, parser
from kosnlp.corpus import read_records
from kosnlp.errors import KosnlpError
from kosnlp.html_report import build, classify


def test_classify_each_kind():
    gold = [(0, 4, "ACTOR"), (10, 16, "PLACE"), (20, 25, "DATE"), (30, 35, "ACTOR")]
    pred = [(0, 4, "ACTOR"), (10, 16, "ACTOR"), (20, 23, "DATE"), (40, 44, "PLACE")]
    assert classify(gold, pred) == (["correct", "incorrect", "partial", "missing"],
                                    ["correct", "incorrect", "partial", "spurious"])


@pytest.fixture(scope="module")
def perturbed(corpus_root, tmp_path_factory):
    """Gold as predictions, with one error of each kind in four sentences of the factsheet."""
    root = corpus_root
    gold = read_records(sorted((root / "annotations" / "gold").glob("*.jsonl")))
    pred = copy.deepcopy(gold)
    by_id = {r["id"]: r for r in pred}
    fs = "en-factsheet-state-dept-1999-"
    by_id[fs + "0001"]["spans"].pop(2)                                    # Kosovo missed
    by_id[fs + "0003"]["spans"][0]["label"] = "PLACE"                     # U.S. wrong label
    s = by_id[fs + "0002"]["spans"][0]                                    # U.S. Department of State
    s["start"] += 5                                                       # -> "Department of State"
    s["text"] = by_id[fs + "0002"]["text"][s["start"]:s["end"]]
    r = by_id[fs + "0004"]
    i = r["text"].index(r["text"].split()[0])
    r["spans"] = sorted(r["spans"] + [{"start": i, "end": i + len(r["text"].split()[0]), "label": "DATE",
                                       "text": r["text"].split()[0]}], key=lambda x: x["start"])
    assert all(not (a["end"] > b["start"]) for a, b in zip(r["spans"], r["spans"][1:])), "spurious span overlaps"
    d = tmp_path_factory.mktemp("report")
    (d / "pred.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in pred), encoding="utf-8")
    out = d / "report.html"
    assert main(["report", str(d / "pred.jsonl"), "--gold", str(root / "annotations" / "gold"),
                 "--raw", str(root / "raw"), "--out", str(out)]) == 0
    return out, gold


def _doc_counts(page, doc_id):
    sec = page[page.index(f"id='doc-{doc_id}'"):]
    cells = re.search(r"<tbody><tr>((?:<td>\d+</td>){5})</tr>", sec)[1]
    return dict(zip(("correct", "incorrect", "partial", "missing", "spurious"),
                    map(int, re.findall(r"\d+", cells))))


def test_report_marks_exactly_the_introduced_differences(perturbed):
    out, gold = perturbed
    page = out.read_text(encoding="utf-8")
    differs = re.findall(r"<div class='sent differs' id='([^']+)'", page)
    assert differs == [f"en-factsheet-state-dept-1999-000{i}" for i in (1, 2, 3, 4)]
    n_fs = sum(len(r["spans"]) for r in gold if r["doc_id"] == "en-factsheet-state-dept-1999")
    assert _doc_counts(page, "en-factsheet-state-dept-1999") == {
        "correct": n_fs - 3, "missing": 1, "spurious": 1, "incorrect": 1, "partial": 1}
    for doc in {r["doc_id"] for r in gold} - {"en-factsheet-state-dept-1999"}:
        assert _doc_counts(page, doc)["correct"] == sum(len(r["spans"]) for r in gold if r["doc_id"] == doc), doc
    for mark in ("PLACE MISSING", "DATE SPURIOUS", "ACTOR INCORRECT", "PLACE INCORRECT", "ACTOR PARTIAL"):
        assert mark in page, mark
    assert page.count("class='sent") == len(gold)
    assert page.count("<section class='doc'") == len({r["doc_id"] for r in gold})


def test_report_counts_are_evaluate_counts(perturbed):
    """The report's marks come from the matches evaluate scores: the same counts per document."""
    from kosnlp.evaluate import evaluate
    out, gold = perturbed
    page = out.read_text(encoding="utf-8")
    rep = evaluate(gold, read_records([out.parent / "pred.jsonl"]))
    for doc, t in rep["by_doc"].items():
        strict, exact, partial = (t[s]["micro"] for s in ("strict", "exact", "partial"))
        assert _doc_counts(page, doc) == {"correct": strict["COR"], "incorrect": exact["COR"] - strict["COR"],
                                          "partial": partial["PAR"], "missing": strict["MIS"],
                                          "spurious": strict["SPU"]}, doc


def _charts(gold) -> int:
    """Label distribution and F1 always; actors over time once the gold carries norms."""
    return 3 if any("norm" in s for r in gold for s in r["spans"]) else 2


def test_report_is_self_contained_with_scores_and_charts(perturbed):
    page = perturbed[0].read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page) and "<link" not in page
    imgs = re.findall(r"<img src='([^']+)'", page)
    assert len(imgs) == _charts(perturbed[1]) and all(u.startswith("data:image/svg+xml;base64,") for u in imgs)
    assert ("appears once dates and actors are normalised" in page) == (_charts(perturbed[1]) == 2)
    assert "All documents, strict" in page and "Per document, strict micro" in page


def test_actors_over_time_chart_when_norms_exist(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "manifest.yaml").write_text(json.dumps({"corpus_version": "0.0.1", "documents": [
        {"doc_id": "d", "file": "d.txt", "lang": "en", "sha256": "0", "reference_date": "1999-06-08"}]}),
        encoding="utf-8")
    ru = {"status": "resolved", "id": "state:ru", "type": "state", "name": "Russia", "name_pl": "Rosja"}
    texts = ["Russia met NATO on 30 March 1999.", "Russia agreed.", "NATO and Russia on 3 May 1999."]
    recs = []
    for i, t in enumerate(texts):
        spans = []
        for w, lab in (("Russia", "ACTOR"), ("NATO", "ACTOR"), ("30 March 1999", "DATE"), ("3 May 1999", "DATE")):
            if w in t:
                j = t.index(w)
                norm = ru if w == "Russia" else {"status": "resolved", "id": "org:nato", "type": "organisation",
                                                 "name": "NATO"} if w == "NATO" else \
                    {"status": "resolved", "value": "x", "start": "1999-03-30" if "March" in w else "1999-05-03",
                     "end": "1999-05-03"}
                spans.append({"start": j, "end": j + len(w), "label": lab, "text": w, "norm": norm})
        recs.append({"id": f"d-{i + 1:04d}", "doc_id": "d", "lang": "en", "start": i * 40, "end": i * 40 + len(t),
                     "text": t, "spans": sorted(spans, key=lambda s: s["start"]), "status": "gold"})
    (tmp_path / "gold").mkdir()
    lines = "".join(json.dumps(r) + "\n" for r in recs)
    (tmp_path / "gold" / "d.jsonl").write_text(lines, encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(lines, encoding="utf-8")
    page = build(tmp_path / "gold", tmp_path / "pred.jsonl", tmp_path / "raw" / "manifest.yaml")
    assert len(re.findall(r"<img src='data:image/svg\+xml;base64,", page)) == 3
    assert "Top actors over time" in page and "appears once dates" not in page


def test_explicit_missing_prediction_file_is_an_error(root, tmp_path, capsys):
    args = parser().parse_args(["report", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "r.html"),
                                "--gold", str(root / "annotations" / "gold"), "--raw", str(root / "raw")])
    with pytest.raises(KosnlpError, match=r"KOS-E607 .*nope\.jsonl"):
        cmd_report(args)
    assert main(["report", str(tmp_path / "nope.jsonl")]) == 1 and "KOS-E607" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_missing_default_predictions_run_the_pipeline(root, tmp_path, monkeypatch):
    """`kosnlp report` without PRED in a project with no output/: the pipeline is run first."""
    import yaml
    doc = "en-monitor-contact-group-1998"  # one small English document keeps this test quick
    (tmp_path / "raw").mkdir()
    man = yaml.safe_load((root / "raw" / "manifest.yaml").read_text(encoding="utf-8"))
    man["documents"] = [d for d in man["documents"] if d["doc_id"] == doc]
    (tmp_path / "raw" / "manifest.yaml").write_text(yaml.safe_dump(man), encoding="utf-8")
    shutil.copy(root / "raw" / f"{doc}.txt", tmp_path / "raw")
    (tmp_path / "annotations" / "gold").mkdir(parents=True)
    shutil.copy(root / "annotations" / "gold" / f"{doc}.jsonl", tmp_path / "annotations" / "gold")
    monkeypatch.chdir(tmp_path)
    assert main(["report"]) == 0
    silver = [json.loads(x) for x in (tmp_path / "output" / "silver.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["doc_id"] for r in silver} == {doc} and all(r["status"] == "silver" for r in silver)
    page = (tmp_path / "output" / "report.html").read_text(encoding="utf-8")
    assert page.count("<section class='doc'") == 1 and "output/silver.jsonl" in page


def test_report_help(capsys):
    with pytest.raises(SystemExit, match="0"):
        main(["report", "--help"])
    assert "the pipeline is run over raw/ first" in " ".join(capsys.readouterr().out.split())


@pytest.fixture
def chromium():
    if find_chromium() is None:
        if os.environ.get("KOSNLP_REQUIRE_BROWSER") == "1":
            pytest.fail("KOSNLP_REQUIRE_BROWSER=1 but no chromium is installed (apt-get install -y chromium)")
        pytest.skip("chromium is not installed (apt-get install -y chromium); set KOSNLP_REQUIRE_BROWSER=1 to fail")
    return find_chromium()


PROBE = """<script>
window.addEventListener("load", () => {
  for (const img of document.images) img.setAttribute("data-natural-width", img.naturalWidth);
  document.body.setAttribute("data-probe", document.querySelectorAll("section.doc .entities").length);
});
</script></body>"""


def test_report_renders_in_headless_chromium(chromium, perturbed, tmp_path):
    out, gold = perturbed
    probe = tmp_path / "probe.html"
    probe.write_text(out.read_text(encoding="utf-8").replace("</body>", PROBE), encoding="utf-8")
    dom = dump_dom(probe)
    # the browser ran the page: every displaCy rendering is in the DOM, every image decoded
    assert re.search(r'<body data-probe="(\d+)"', dom)[1] == str(2 * len(gold))
    widths = [int(w) for w in re.findall(r'data-natural-width="(\d+)"', dom)]
    assert len(widths) == _charts(gold) and all(w > 100 for w in widths), widths
    assert dom.count('<section class="doc"') == len({r["doc_id"] for r in gold}) and dom.count("<table>") >= 10
    png = screenshot(out, tmp_path / "shot.png", 1280, 1600)
    from PIL import Image
    with Image.open(png) as im:
        assert im.size == (1280, 1600)
        colours = im.convert("RGB").resize((320, 400)).getcolors(maxcolors=100000)
    assert len(colours) > 50, "the screenshot is (nearly) blank"
