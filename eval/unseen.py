"""Score the pipeline on the unseen evaluation texts (eval/unseen/, docs/evaluation.md).

The texts were written for evaluation from facts of the public record and annotated blind
by two readers whose differences were adjudicated. They were split once into a dev half
(read for errors) and a test half (only scored). The scoring is kosnlp.heldout's, the same
that `kosnlp run` writes into annotations/evaluation.md; this script prints it for one split.

    uv run python eval/unseen.py --split dev      # or test, or all
    uv run python eval/unseen.py --split dev --errors   # also list the errors (dev only)
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "unseen"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev", help="which half to score")
    from kosnlp.languages import codes
    ap.add_argument("--lang", choices=codes(), help="one language only (default: all)")
    ap.add_argument("--errors", action="store_true", help="list the errors (refused for the test half)")
    ap.add_argument("--json", metavar="FILE", help="also write the scores as JSON")
    a = ap.parse_args(argv)
    from kosnlp.errors import KosnlpError
    from kosnlp.heldout import score
    from kosnlp.pipeline import run_loader
    from kosnlp.records import write_text
    try:
        s = score(HERE, a.split, run_loader(), a.lang, errors=a.errors)
    except KosnlpError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"split {a.split}: {s['texts']} texts, {s['spans']} gold spans")
    print(f"{'lang':5} {'label':6} {'P':>6} {'R':>6} {'F1':>6} {'pos':>5}  (strict)   exact-F1 type-F1")
    for lang, t in s["by_lang"].items():
        for lab, v in [*t["strict"]["labels"].items(), ("micro", t["strict"]["micro"])]:
            ex = t["exact"]["labels"].get(lab, t["exact"]["micro"])["f1"]
            ty = t["type"]["labels"].get(lab, t["type"]["micro"])["f1"]
            print(f"{lang:5} {lab:6} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {v['pos']:5}  {'':9} {ex:8.3f} {ty:7.3f}")
    for key, c in s["norms"].items():
        if c.get("found"):
            print(f"{key:12} norms: {c.get('correct', 0)}/{c['found']} correct on exactly found spans "
                  f"({c.get('correct', 0) / c['found']:.3f}); {c.get('wrong', 0)} wrong, "
                  f"{c.get('unresolved', 0)} unresolved; end to end {c.get('correct', 0)}/{c['gold']}")
    if s.get("norm_error_classes"):
        print("\nnorm errors by class (language, label, class, anchor used):")
        for k, v in s["norm_error_classes"].items():
            print(f"  {v:4}  {k}")
    if a.errors:
        print("\nerrors:")
        for e in s["errors"]:
            print(f"  {e['doc_id']}: {e['kind']}: gold {e['gold']} pred {e['pred']}")
        for doc_id, label, text, gn, pn in s["norm_errors"]:
            print(f"  {doc_id}: {label} norm {text!r}: gold {gn} pred {pn}")
    if a.json:
        write_text(a.json, json.dumps({k: v for k, v in s.items() if k not in ("errors", "norm_errors")},
                                      indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
