"""Is `kosnlp annotate`'s output byte-identical to a saved reference? (run by hand)

    uv run python bench/identical.py --save DIR     # before a change: write the reference outputs
    uv run python bench/identical.py --check DIR    # after it: annotate again and compare byte for byte

The inputs: the raw documents (raw/*.txt), the held-out texts (eval/unseen/texts/*.txt,
annotated only: on a difference the script prints the set's name and counts, never a line
of a held-out text) and the benchmark's corpora (bench.py's `corpus`, `--words` words per
language, written as bench.py writes them). Every set is annotated by a fresh
`kosnlp annotate` process, as a user would run it.
"""
from __future__ import annotations

import argparse
import filecmp
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))


def inputs(work: Path, words: int, langs: list[str]) -> dict[str, tuple[list[str], list[str], bool]]:
    """name -> (files, extra annotate arguments, whether its lines may be shown)."""
    from bench import corpus, write_docs
    sets = {"raw": (sorted(str(p) for p in (ROOT / "raw").glob("*.txt")), [], True),
            "unseen": (sorted(str(p) for p in (ROOT / "eval/unseen/texts").glob("*.txt")), [], False)}
    for lang in langs:
        files = write_docs(corpus(lang, words), 10_000, work / f"bench-{lang}")
        sets[f"bench-{lang}"] = (files, ["--lang", lang], True)
    return sets


def annotate(files: list[str], extra: list[str], out: Path) -> None:
    cmd = [sys.executable, "-m", "kosnlp.cli", "annotate", *files, *extra, "--out", str(out), "--quiet"]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if p.returncode:
        raise SystemExit(f"annotate failed ({p.returncode}): {p.stderr[-2000:]}")


def first_difference(a: Path, b: Path) -> tuple[int, int, int]:
    """(first differing line number, differing lines, lines) of two JSONL files."""
    la, lb = a.read_bytes().splitlines(), b.read_bytes().splitlines()
    diff = [i for i in range(max(len(la), len(lb))) if i >= len(la) or i >= len(lb) or la[i] != lb[i]]
    return (diff[0] + 1 if diff else 0), len(diff), max(len(la), len(lb))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, help="write the reference outputs to this directory")
    mode.add_argument("--check", type=Path, help="compare with the reference outputs in this directory")
    ap.add_argument("--words", type=int, default=100_000, help="words of bench corpus per language")
    ap.add_argument("--langs", nargs="+", default=["pl", "en"])
    ap.add_argument("--only", nargs="+", default=None, help="only these sets (raw, unseen, bench-pl, bench-en)")
    a = ap.parse_args()
    ref = a.save or a.check
    ref.mkdir(parents=True, exist_ok=True)
    bad = 0
    with tempfile.TemporaryDirectory() as d:
        for name, (files, extra, show) in inputs(Path(d), a.words, a.langs).items():
            if a.only and name not in a.only:
                continue
            out = (ref if a.save else Path(d)) / f"{name}.jsonl"
            annotate(files, extra, out)
            if a.save:
                print(f"{name:10} saved   {out} ({len(files)} files)", flush=True)
                continue
            same = filecmp.cmp(out, ref / f"{name}.jsonl", shallow=False)
            if same:
                print(f"{name:10} identical ({len(files)} files)", flush=True)
                continue
            bad += 1
            line, n, total = first_difference(ref / f"{name}.jsonl", out)
            print(f"{name:10} DIFFERENT: {n} of {total} lines, first at line {line}", flush=True)
            if show:
                ra = (ref / f"{name}.jsonl").read_bytes().splitlines()
                rb = out.read_bytes().splitlines()
                print("  ref:", ra[line - 1][:600] if line <= len(ra) else b"<none>")
                print("  now:", rb[line - 1][:600] if line <= len(rb) else b"<none>")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
