"""Inter-annotator agreement: pairwise strict F1 (positive specific agreement) per label,
and the classes of disagreement (the same typology evaluate.py uses for errors)."""
from __future__ import annotations

from collections import Counter, defaultdict

from .records import LABELS


def classify(a: list[dict], b: list[dict]) -> tuple[int, list[tuple[str, dict | None, dict | None]]]:
    """Match two span lists of one sentence. Returns (exact matches, disagreements) where a
    disagreement is (class, span_a, span_b) with class in
    label (same bounds), boundary (overlap, same label), boundary+label, only_a, only_b."""
    key = lambda s: (s["start"], s["end"], s["label"])
    exact = {key(s) for s in a} & {key(s) for s in b}
    ra = [s for s in a if key(s) not in exact]
    rb = [s for s in b if key(s) not in exact]
    out, used = [], set()
    for sa in ra:
        best = None
        for j, sb in enumerate(rb):
            if j in used or sb["end"] <= sa["start"] or sb["start"] >= sa["end"]:
                continue
            same_bounds = (sb["start"], sb["end"]) == (sa["start"], sa["end"])
            cls = ("label" if same_bounds else
                   "boundary" if sb["label"] == sa["label"] else "boundary+label")
            rank = {"label": 0, "boundary": 1, "boundary+label": 2}[cls]
            if best is None or rank < best[0]:
                best = (rank, j, cls)
        if best:
            used.add(best[1])
            out.append((best[2], sa, rb[best[1]]))
        else:
            out.append(("only_a", sa, None))
    out += [("only_b", None, sb) for j, sb in enumerate(rb) if j not in used]
    return len(exact), out


def pairwise(records_a: dict[str, dict], records_b: dict[str, dict]) -> dict:
    """Agreement over the sentences both annotated (dicts id -> record with spans)."""
    ids = sorted(set(records_a) & set(records_b))
    per = {lab: Counter() for lab in LABELS}
    per_lang: dict[str, dict[str, Counter]] = defaultdict(lambda: {lab: Counter() for lab in LABELS})
    classes, examples = Counter(), []
    for sid in ids:
        ra, rb = records_a[sid], records_b[sid]
        _, dis = classify(ra["spans"], rb["spans"])
        ka = Counter(s["label"] for s in ra["spans"])
        kb = Counter(s["label"] for s in rb["spans"])
        exact = Counter(s["label"] for s in ra["spans"]
                        if any((s["start"], s["end"], s["label"]) == (t["start"], t["end"], t["label"])
                               for t in rb["spans"]))
        for lab in LABELS:
            for c in (per[lab], per_lang[ra["lang"]][lab]):
                c["a"] += ka[lab]
                c["b"] += kb[lab]
                c["both"] += exact[lab]
        for cls, sa, sb in dis:
            classes[cls] += 1
            examples.append({"id": sid, "class": cls,
                             "a": sa and f"{sa['text']}/{sa['label']}",
                             "b": sb and f"{sb['text']}/{sb['label']}"})

    def f1(c: Counter) -> float | None:
        return round(2 * c["both"] / (c["a"] + c["b"]), 4) if c["a"] + c["b"] else None

    def table(cs: dict[str, Counter]) -> dict:
        allc = sum(cs.values(), Counter())
        return {**{lab: {"f1": f1(c), "a": c["a"], "b": c["b"], "both": c["both"]} for lab, c in cs.items()},
                "ALL": {"f1": f1(allc), "a": allc["a"], "b": allc["b"], "both": allc["both"]}}

    return {"sentences": len(ids),
            "by_label": table(per),
            "by_lang": {lang: table(cs) for lang, cs in sorted(per_lang.items())},
            "disagreement_classes": dict(classes),
            "disagreements": examples}
