"""Every export is read back: DocBin -> Docs with the gold entities, IOB -> the same spans,
doccano JSONL -> the same labels, CSV -> the same mentions."""
import json
import subprocess
import sys

import pandas as pd
import pytest
import spacy
from spacy.tokens import DocBin

from kosnlp.corpus import read_records
from kosnlp.errors import KosnlpError
from kosnlp.export import aligned_doc, export, iob_lines, iob_spans, parse_iob, split


@pytest.fixture(scope="module")
def gold(corpus_root):
    return read_records(sorted((corpus_root / "annotations" / "gold").glob("*.jsonl")))


@pytest.fixture(scope="module")
def exported(corpus_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    summary = export(corpus_root / "annotations" / "gold", out)
    return out, summary


def _spans(rec):
    return [(s["start"], s["end"], s["label"], s["text"]) for s in rec["spans"]]


def test_docbin_reads_back_to_gold_entities(exported, gold):
    out, summary = exported
    by_id = {r["id"]: r for r in gold}
    seen = {}
    for lang in ("pl", "en"):
        nlp = spacy.blank(lang)
        for part in ("train", "dev"):
            for doc in DocBin().from_disk(out / "spacy" / lang / f"{part}.spacy").get_docs(nlp.vocab):
                rec = by_id[doc.user_data["id"]]
                assert doc.text == rec["text"] and rec["lang"] == lang
                assert [(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents] == _spans(rec)
                seen[rec["id"]] = part
    assert set(seen) == set(by_id)
    # split by document, per language with several documents: no document in both train and dev
    parts_of = {}
    for rid, part in seen.items():
        parts_of.setdefault(by_id[rid]["doc_id"], set()).add(part)
    info = json.loads((out / "split.json").read_text(encoding="utf-8"))
    assert info == summary["spacy"]["split"]
    for lang in {r["lang"] for r in gold}:
        docs = {r["doc_id"] for r in gold if r["lang"] == lang}
        if len(docs) > 1:
            assert all(len(parts_of[d]) == 1 for d in docs)
            assert {p for d in docs for p in parts_of[d]} == {"train", "dev"}
        assert info[lang]["train_sentences"] + info[lang]["dev_sentences"] == sum(r["lang"] == lang for r in gold)


def test_split_is_deterministic_by_document_or_single_document_tail(gold):
    a, info = split(gold)
    assert a == split(list(reversed(gold)))[0]
    for lang in {r["lang"] for r in gold}:
        docs = {r["doc_id"] for r in gold if r["lang"] == lang}
        if len(docs) > 1:  # whole documents to train or dev, both used
            parts = {d: {a[r["id"]] for r in gold if r["doc_id"] == d} for d in docs}
            assert all(len(p) == 1 for p in parts.values()), lang
            assert {p for ps in parts.values() for p in ps} == {"train", "dev"}, lang
            assert sorted(info[lang]["dev_docs"]) == sorted(d for d in docs if parts[d] == {"dev"})
        else:  # one document: a contiguous tail of its sentences is dev
            recs = sorted((r for r in gold if r["lang"] == lang), key=lambda r: r["start"])
            parts = [a[r["id"]] for r in recs]
            k = parts.index("dev")
            assert set(parts[:k]) == {"train"} and set(parts[k:]) == {"dev"} and info[lang]["dev_from"] == recs[k]["id"]


def test_iob_reparses_to_the_same_spans(exported, gold):
    out, _ = exported
    for lang in ("pl", "en"):
        text = (out / "iob" / f"{lang}.iob").read_text(encoding="utf-8")
        recs = [r for r in gold if r["lang"] == lang]
        sents = parse_iob(text)
        assert len(sents) == len(recs) and text.count("-DOCSTART-") == len({r["doc_id"] for r in recs})
        for rec, toks in zip(recs, sents):
            got = [(s["start"], s["end"], s["label"], s["text"]) for s in iob_spans(rec["text"], toks)]
            assert got == _spans(rec), rec["id"]


def test_iob_is_readable_by_spacys_conll_converter(exported, gold):
    from spacy.training.converters import conll_ner_to_docs
    out, _ = exported
    docs = list(conll_ner_to_docs((out / "iob" / "en.iob").read_text(encoding="utf-8"), n_sents=1, no_print=True))
    ents = [e.text.replace(" ", "") for d in docs for e in d.ents]
    assert ents == [s["text"].replace(" ", "") for r in gold if r["lang"] == "en" for s in r["spans"]]


def test_span_inside_a_token_is_split_and_round_trips():
    text = "Sojusz NATOwski obradował."  # spacy.blank("pl") keeps "NATOwski" one token
    rec = {"id": "x-0001", "doc_id": "x", "lang": "pl", "start": 0, "end": len(text), "text": text,
           "spans": [{"start": 7, "end": 11, "label": "ACTOR", "text": "NATO"}], "status": "gold"}
    assert "NATOwski" in [t.text for t in spacy.blank("pl")(text)]
    doc, splits = aligned_doc(rec)
    assert splits == 1 and [(e.text, e.label_) for e in doc.ents] == [("NATO", "ACTOR")] and doc.text == rec["text"]
    toks = parse_iob("\n".join(iob_lines(rec)) + "\n")[0]
    assert iob_spans(rec["text"], toks) == rec["spans"]


def test_adjacent_mentions_of_one_label_stay_apart():
    text = "NATO UN met."
    rec = {"id": "x-0001", "doc_id": "x", "lang": "en", "start": 0, "end": len(text), "text": text,
           "spans": [{"start": 0, "end": 4, "label": "ACTOR", "text": "NATO"},
                     {"start": 5, "end": 7, "label": "ACTOR", "text": "UN"}], "status": "gold"}
    assert iob_lines(rec)[:2] == ["NATO _ _ B-ACTOR", "UN _ _ B-ACTOR"]
    assert iob_spans(text, parse_iob("\n".join(iob_lines(rec)))[0]) == rec["spans"]


def test_doccano_jsonl_reads_back(exported, gold):
    out, _ = exported
    rows = [json.loads(x) for lang in ("en", "pl")
            for x in (out / "doccano" / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(gold)
    by_id = {r["id"]: r for r in gold}
    for row in rows:
        rec = by_id[row["sentence_id"]]
        assert row["text"] == rec["text"] and row["doc_id"] == rec["doc_id"]
        assert [tuple(x) for x in row["label"]] == [(s["start"], s["end"], s["label"]) for s in rec["spans"]]


def test_csv_reads_back(exported, gold):
    out, _ = exported
    df = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    assert len(df) == sum(len(r["spans"]) for r in gold)
    assert list(zip(df.sentence_id, df.start, df.end, df.label, df.text)) == [
        (r["id"], s["start"], s["end"], s["label"], s["text"]) for r in gold for s in r["spans"]]


def test_spacy_debug_data_accepts_the_export(exported):
    out, _ = exported
    d = out / "spacy" / "en"
    res = subprocess.run([sys.executable, "-m", "spacy", "debug", "data", str(d / "config.cfg"),
                          "--paths.train", str(d / "train.spacy"), "--paths.dev", str(d / "dev.spacy")],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    assert "Training data loaded" in res.stdout or "Corpus is loadable" in res.stdout, res.stdout[-2000:]


def test_unknown_format_is_a_coded_error(root, tmp_path):
    with pytest.raises(KosnlpError, match="KOS-E603"):
        export(root / "annotations" / "gold", tmp_path, formats=("xml",))
    with pytest.raises(KosnlpError, match="KOS-E603 --dev-share"):
        export(root / "annotations" / "gold", tmp_path, dev_share=1.5)


def test_spacy_train_runs_on_the_export(exported, tmp_path):
    out, _ = exported
    d = out / "spacy" / "pl"
    res = subprocess.run([sys.executable, "-m", "spacy", "train", str(d / "config.cfg"),
                          "--paths.train", str(d / "train.spacy"), "--paths.dev", str(d / "dev.spacy"),
                          "--training.max_steps", "10", "--training.eval_frequency", "5",
                          "--output", str(tmp_path / "model")], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-2000:]
    nlp = spacy.load(tmp_path / "model" / "model-last")
    assert nlp.pipe_names == ["tok2vec", "ner"] and set(nlp.get_pipe("ner").labels) == {"ACTOR", "PLACE", "DATE"}


def test_cli_export_selected_formats(root, tmp_path, capsys, monkeypatch):
    from kosnlp.cli import main
    monkeypatch.chdir(root)
    assert main(["export", "--format", "iob", "--format", "csv", "--out", str(tmp_path)]) == 0
    assert "mentions.csv (" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["iob", "mentions.csv"]


def test_cli_export_help(capsys):
    from kosnlp.cli import main
    with pytest.raises(SystemExit, match="0"):
        main(["export", "--help"])
    assert "by document within each language" in capsys.readouterr().out


def test_a_new_format_is_one_table_entry(root, tmp_path, monkeypatch, capsys):
    """A writer added to export.FORMATS is a `kosnlp export --format` choice and runs."""
    from kosnlp import export as export_module
    from kosnlp.cli import main

    def ids(job):
        (job.out / "ids.txt").write_text("".join(r["id"] + "\n" for r in job.records), encoding="utf-8")
        return len(job.records), f"ids: {job.out}/ids.txt"
    monkeypatch.setitem(export_module.FORMATS, "ids", ids)
    assert main(["export", "--format", "ids", "--corpus", str(root / "annotations" / "gold"),
                 "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out == f"ids: {tmp_path}/ids.txt\n"
    gold = read_records(sorted((root / "annotations" / "gold").glob("*.jsonl")))
    assert (tmp_path / "ids.txt").read_text(encoding="utf-8").split() == [r["id"] for r in gold]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ids.txt"]
