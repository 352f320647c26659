"""Throughput and memory of `kosnlp annotate` (run by hand, not in the test suite).

    uv run python bench/bench.py --sizes 10000 100000 1000000

For each language and N, builds a synthetic corpus of about N words from the raw
documents (sentences repeated and shuffled, fixed seed), runs `kosnlp annotate` on it in
a child process, and prints words/s, sentences/s and the child's peak RSS; then, on the
same text, the throughput of a blank spaCy tokenizer alone (the ceiling).
"""
from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def corpus(lang: str, n_words: int, seed: int = 0) -> str:
    from kosnlp.ingest import load_raw_corpus
    from kosnlp.segment import segment
    sents = [u.text for d in load_raw_corpus(ROOT / "raw") if d.lang == lang for u in segment(d.text, lang)]
    rng, out, words = random.Random(seed), [], 0
    while words < n_words:
        s = rng.choice(sents)
        out.append(s)
        words += len(s.split())
    return "\n".join(out) + "\n"


def tokenizer_ceiling(lang: str, text: str) -> float:
    import spacy
    nlp = spacy.blank(lang)
    lines = text.splitlines()
    t = time.perf_counter()
    n = sum(len(doc) for doc in nlp.tokenizer.pipe(lines, batch_size=256))
    dt = time.perf_counter() - t
    return len(text.split()) / dt if n else 0.0


def run(lang: str, n: int, tmp: Path) -> dict:
    text = corpus(lang, n)
    src = tmp / f"{lang}-{n}.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp / f"{lang}-{n}.jsonl"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    code = ("import sys, time, resource; from kosnlp.cli import main; from kosnlp import load; "
            f"load('{lang}'); t=time.perf_counter(); "
            f"rc=main(['annotate', '{src}', '--lang', '{lang}', '--out', '{out}', '--quiet']); "
            "print(time.perf_counter()-t); print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    secs, rss_kb = res.stdout.split()[-2:]
    del before
    words, sents = len(text.split()), text.count("\n")
    return {"lang": lang, "words": words, "sentences": sents, "seconds": float(secs),
            "wps": words / float(secs), "sps": sents / float(secs), "peak_rss_mb": int(rss_kb) / 1024,
            "tokenizer_wps": tokenizer_ceiling(lang, text)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--langs", nargs="+", default=["pl", "en"])
    a = ap.parse_args()
    print(f"{'lang':4} {'words':>9} {'sent':>7} {'sec':>7} {'words/s':>9} {'sent/s':>8} {'peakRSS MB':>10} "
          f"{'tok-only w/s':>12} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as d:
        for lang in a.langs:
            for n in a.sizes:
                r = run(lang, n, Path(d))
                print(f"{r['lang']:4} {r['words']:>9} {r['sentences']:>7} {r['seconds']:>7.1f} {r['wps']:>9.0f} "
                      f"{r['sps']:>8.0f} {r['peak_rss_mb']:>10.0f} {r['tokenizer_wps']:>12.0f} "
                      f"{r['wps'] / r['tokenizer_wps']:>6.2f}", flush=True)


if __name__ == "__main__":
    main()
