"""Time the doccano round trip against a real server (run by hand, not in the test suite).

    uv run python bench/doccano_roundtrip.py --synthetic 10000

Starts a doccano server (services/doccano) on a free port of 127.0.0.1 with a temporary
data directory, then measures, for
  1. the gold corpus (annotations/gold): push; every example confirmed without a change
     (not timed, that is the annotators' work); pull (export, mapping, validation:
     nothing to merge, the gold stays byte-identical);
  2. a synthetic corpus of N silver sentences (the gold sentences repeated under new
     document ids of 100 sentences each, spans kept, raw texts made from them): push;
     every example confirmed (not timed); pull into an empty gold directory (every
     sentence merged as gold with who/when provenance).
Push and pull run as `kosnlp doccano push / pull` do: under the project lock (lock.py),
push verifying every example's spans after the import, pull checking the label set and
reporting deleted examples from the push journal. Prints seconds and sentences per
second for each step, and stops the server.
"""
from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kosnlp.doccano import server as srv  # noqa: E402
from kosnlp.doccano.client import Doccano  # noqa: E402
from kosnlp.doccano.lock import ProjectLock  # noqa: E402
from kosnlp.doccano.pull import pull  # noqa: E402
from kosnlp.doccano.push import push  # noqa: E402
from kosnlp.gold import load_gold  # noqa: E402
from kosnlp.ingest import load_raw_corpus  # noqa: E402
from kosnlp.records import make_record  # noqa: E402


def synthetic(gold: list[dict], n: int, per_doc: int = 100) -> tuple[list[dict], dict[str, str]]:
    """n silver records (gold sentences repeated) in documents of per_doc sentences, and their raw texts."""
    out, texts = [], {}
    for d in range(0, n, per_doc):
        doc, lines, start = f"synth-{d // per_doc:05d}", [], 0
        for i in range(min(per_doc, n - d)):
            g = gold[(d + i) % len(gold)]
            out.append(make_record(doc, g["lang"], i, start, start + len(g["text"]), g["text"],
                                   [dict(s) for s in g["spans"]]))
            lines.append(g["text"])
            start += len(g["text"]) + 1
        texts[doc] = "\n".join(lines)
    return out, texts


def timed(label: str, n: int, fn):
    t = time.perf_counter()
    result = fn()
    dt = time.perf_counter() - t
    print(f"  {label:<42} {dt:8.1f} s  {n / dt:8.0f} sentences/s", flush=True)
    return result


def confirm_all(dc: Doccano, pid: int) -> None:
    from concurrent.futures import ThreadPoolExecutor
    todo = [e["id"] for e in dc.examples(pid) if not e["is_confirmed"]]
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda eid: dc.confirm(pid, eid), todo))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--synthetic", type=int, default=10000, help="sentences in the synthetic corpus")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        s = srv.Server(tmp / "data", ROOT / "services" / "doccano")
        with socket.socket() as so:
            so.bind(("127.0.0.1", 0))
            port = so.getsockname()[1]
        t = time.perf_counter()
        state = srv.serve(s, port=port)
        print(f"doccano 1.8 at {state['url']}: started in {time.perf_counter() - t:.1f} s")
        try:
            dc = Doccano(state["url"], "admin", srv.admin_password(s.data_dir)).login()
            raw = {d.doc_id: d.text for d in load_raw_corpus(ROOT / "raw")}
            gold = load_gold(ROOT / "annotations" / "gold", raw)
            gold_copy = tmp / "gold"
            gold_copy.mkdir()
            for f in (ROOT / "annotations" / "gold").glob("*.jsonl"):
                (gold_copy / f.name).write_bytes(f.read_bytes())
            print(f"gold corpus: {len(gold)} sentences")
            data = tmp / "client"

            def lock(project):
                return lambda pid: ProjectLock(dc, pid, project, data)

            r = timed("push", len(gold), lambda: push(dc, gold, "bench-gold", "guidelines", lock=lock("bench-gold")))
            confirm_all(dc, r.project_id)
            res = timed("pull (all confirmed, no change)", len(gold),
                        lambda: pull(dc, "bench-gold", gold_copy, raw, lock=lock("bench-gold"), pushed=r.examples))
            same = all((gold_copy / f.name).read_bytes() == f.read_bytes()
                       for f in (ROOT / "annotations" / "gold").glob("*.jsonl"))
            print(f"  exported {res.exported}, unchanged {res.unchanged}, conflicts {len(res.conflicts)}, "
                  f"gold byte-identical: {same}")

            syn, syn_raw = synthetic(gold, a.synthetic)
            print(f"synthetic corpus: {len(syn)} silver sentences")
            r = timed("push", len(syn), lambda: push(dc, syn, "bench-synthetic", "guidelines",
                                                     lock=lock("bench-synthetic")))
            t = time.perf_counter()
            confirm_all(dc, r.project_id)
            print(f"  (confirming every example through the API: {time.perf_counter() - t:.1f} s, not counted)")
            out = tmp / "synthetic-gold"
            out.mkdir()
            res = timed("pull (all confirmed, all merged)", len(syn),
                        lambda: pull(dc, "bench-synthetic", out, syn_raw, extra_records=syn,
                                     lock=lock("bench-synthetic"), pushed=r.examples))
            print(f"  exported {res.exported}, merged {len(res.changes)}, conflicts {len(res.conflicts)}, "
                  f"gold files written {len(res.written)}")
            r2 = timed("push again (idempotent: nothing uploaded)", len(syn),
                       lambda: push(dc, syn, "bench-synthetic", "guidelines", lock=lock("bench-synthetic")))
            print(f"  uploaded {r2.uploaded}, already there {r2.already}")
        finally:
            srv.stop(s)


if __name__ == "__main__":
    main()
