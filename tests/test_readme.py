"""The loader examples of docs/researchers.md (the README's path for researchers) run, and compute what
they say, with and without normalised values; the README's own example runs too."""
import json
import re
from collections import Counter

import pytest

from synthetic import synthetic_with_norms


def readme_blocks(root):
    text = (root / "docs" / "researchers.md").read_text(encoding="utf-8")
    section = text[text.index("## Load it into pandas"):text.index("## Export it")]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert len(blocks) == 4  # set-up + the three examples
    return blocks


def run_blocks(root, cwd, monkeypatch):
    monkeypatch.chdir(cwd)
    ns = {}
    for b in readme_blocks(root):
        exec(compile(b, "docs/researchers.md", "exec"), ns)
    return ns


def test_readme_examples_on_the_gold(root, corpus_root, monkeypatch, capsys):
    ns = run_blocks(root, corpus_root, monkeypatch)
    assert "sentences," in capsys.readouterr().out
    gold = [json.loads(x) for f in sorted((corpus_root / "annotations" / "gold").glob("*.jsonl"))
            for x in f.read_text(encoding="utf-8").splitlines()]
    by = Counter((s["label"], r["lang"]) for r in gold for s in r["spans"])
    assert {(lab, lang): int(ns["per_label_lang"].loc[lab, lang]) for lab, lang in by} == dict(by)
    spans = [s for r in gold for s in r["spans"]]
    if all("norm" in s for s in spans):  # corpus >= 0.2.0: normalised names and DATE months
        actors = Counter(s["norm"].get("name") or s["text"] for s in spans if s["label"] == "ACTOR")
        months = Counter(s["norm"]["start"][:7] for s in spans
                         if s["label"] == "DATE" and s["norm"].get("start"))
    else:
        import yaml
        man = yaml.safe_load((corpus_root / "raw" / "manifest.yaml").read_text(encoding="utf-8"))
        ref = {d["doc_id"]: d.get("reference_date") for d in man["documents"]}
        actors = Counter(s["text"] for s in spans if s["label"] == "ACTOR")
        months = Counter(ref[r["doc_id"]][:7] for r in gold for _ in r["spans"] if ref[r["doc_id"]])
    assert dict(ns["top_actors"].head(3)) == dict(actors.most_common(3))
    assert {str(k): v for k, v in ns["per_month"].items()} == dict(months)


def test_readme_examples_with_norms(root, tmp_path, monkeypatch):
    ns = run_blocks(root, synthetic_with_norms(tmp_path), monkeypatch)
    assert {str(k): v for k, v in ns["per_month"].items()} == {"1999-03": 1}  # one resolved DATE
    assert dict(ns["top_actors"]) == {"Slobodan Milosevic": 2, "Russia": 3, "ktoś": 1}


DOC_PAGES = ("README.md", "docs/*.md", "bench/RESULTS.md")


def doc_pages(root):
    return [p for pat in DOC_PAGES for p in sorted(root.glob(pat))]


def test_the_readme_links_every_docs_page(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    linked = set(re.findall(r"\]\((docs/[\w.-]+\.md)\)", readme))
    assert linked == {f"docs/{p.name}" for p in (root / "docs").glob("*.md")}
    assert "(bench/RESULTS.md)" in readme


def test_links_and_paths_in_the_docs_exist(root):
    """Every relative link of the README and the docs pages, and every repository path they
    name in backquotes, exists (paths with placeholders aside)."""
    missing = []
    for page in doc_pages(root):
        text = page.read_text(encoding="utf-8")
        for link in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if not link.startswith("http") and not (page.parent / link).exists():
                missing.append(f"{page.name}: {link}")
        for path in re.findall(r"`((?:src|tests|bench|docs|work|annotations|raw|services)/[^` ]+)`", text):
            if not re.search(r"[<*{]", path) and not (root / path).exists() and not path.startswith("raw/."):
                missing.append(f"{page.name}: {path}")
    assert missing == []


def test_commands_in_the_docs_exist(root):
    import argparse

    from kosnlp.cli import parser
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    named = {cmd for page in doc_pages(root)
             for cmd in re.findall(r"kosnlp ([a-z][a-z-]+)", page.read_text(encoding="utf-8"))}
    assert named and named <= set(sub.choices), named - set(sub.choices)


def test_readme_python_examples_run(root, corpus_root, monkeypatch, capsys):
    text = (root / "README.md").read_text(encoding="utf-8")
    monkeypatch.chdir(corpus_root)
    ns = {}
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        exec(compile(block, "README.md", "exec"), ns)
    assert "kosnlp_normaliser" in ns["nlp"].pipe_names
    assert len(ns["corpus"].mentions) > 0 and "ACTOR" in capsys.readouterr().out
