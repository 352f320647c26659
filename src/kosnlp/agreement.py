"""Inter-annotator agreement: pairwise strict F1 (positive specific agreement) per label,
and the classes of disagreement: a view over kosnlp.spans.match, the matcher evaluate.py
scores with (annotator A in the place of gold, B of the prediction)."""
from __future__ import annotations

from collections import Counter, defaultdict

from .records import LABELS
from .spans import Match, match


CLASSES = {"incorrect": "label", "missing": "only_a", "spurious": "only_b"}


def disagreement_class(m: Match) -> str:
    """How agreement names a match that is not correct (A is the gold side of spans.match)."""
    if m.kind == "partial":
        return "boundary" if m.same_label else "boundary+label"
    return CLASSES[m.kind]


def classify(a: list[dict], b: list[dict]) -> tuple[int, list[tuple[str, dict | None, dict | None]]]:
    """Match two span lists of one sentence with spans.match (A as gold, B as predicted).
    Returns (exact matches, disagreements) where a disagreement is (class, span_a, span_b)
    with class in label (same bounds), boundary (overlap, same label), boundary+label,
    only_a, only_b; in A's order, then B's spans that A lacks."""
    ms = match([(s["start"], s["end"], s["label"]) for s in a], [(s["start"], s["end"], s["label"]) for s in b])
    dis = sorted((m for m in ms if m.kind != "correct"),
                 key=lambda m: (m.gi is None, m.gi if m.gi is not None else m.pi))
    return (sum(m.kind == "correct" for m in ms),
            [(disagreement_class(m), None if m.gi is None else a[m.gi], None if m.pi is None else b[m.pi])
             for m in dis])


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
        exact = ka - Counter(sa["label"] for _, sa, _ in dis if sa is not None)
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
