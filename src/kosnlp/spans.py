"""The one span matcher: gold against predicted spans, SemEval-2013 Task 9.1 (as nervaluate).

`match(gold, pred)` pairs the spans of one document (or one sentence) and gives every
span one kind:

  correct    same boundaries, same label
  incorrect  same boundaries, another label (wrong label)
  partial    overlapping, other boundaries (the label may differ too)
  missing    a gold span that no predicted span overlaps
  spurious   a predicted span that overlaps no gold span

Pairing is one-to-one: exact matches first, then each remaining predicted span (in
order) takes the first remaining gold span (in order) that it overlaps. A gold span
overlapped by two predicted spans pairs with one; the other is spurious (and the
other way round, a second gold span is missing). From the kinds, nervaluate's four
schemas count each pair as COR, INC, PAR, MIS or SPU (`outcome`):

  strict   exact boundaries and label       exact   exact boundaries, any label
  partial  overlap, any label (half credit)  type    overlap, same label

evaluate.py (scores), agreement.py (annotator against annotator) and html_report.py
(the marked sentences) are views over the same matches.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import NamedTuple, Sequence

KINDS = ("correct", "incorrect", "partial", "missing", "spurious")
SCHEMAS = ("strict", "exact", "partial", "type")


class Match(NamedTuple):
    """One pairing: kind, the gold and predicted spans (None when absent) and their indices."""
    kind: str
    gold: tuple | None
    pred: tuple | None
    gi: int | None = None
    pi: int | None = None

    @property
    def same_label(self) -> bool:
        return self.gold is not None and self.pred is not None and self.gold[2] == self.pred[2]

    @property
    def label(self) -> str:
        """The label a pair is counted under: gold's, or the predicted one for a spurious span."""
        return (self.gold if self.gold is not None else self.pred)[2]


def match(gold: Sequence[tuple], pred: Sequence[tuple]) -> list[Match]:
    """Pair gold and predicted spans, each a tuple starting (start, end, label, ...).

    Returns matches ordered by predicted span (pairs and spurious spans), then the
    missing gold spans in gold order."""
    exact: dict[tuple, list[int]] = defaultdict(list)
    for i, g in enumerate(gold):
        exact[(g[0], g[1], g[2])].append(i)
    used: set[int] = set()
    by_pred: list[Match | None] = [None] * len(pred)
    for j, p in enumerate(pred):
        free = [i for i in exact.get((p[0], p[1], p[2]), ()) if i not in used]
        if free:
            used.add(free[0])
            by_pred[j] = Match("correct", gold[free[0]], p, free[0], j)
    for j, p in enumerate(pred):
        if by_pred[j] is not None:
            continue
        for i, g in enumerate(gold):
            if i in used or g[1] <= p[0] or g[0] >= p[1]:
                continue
            used.add(i)
            by_pred[j] = Match("incorrect" if (g[0], g[1]) == (p[0], p[1]) else "partial", g, p, i, j)
            break
        else:
            by_pred[j] = Match("spurious", None, p, None, j)
    return by_pred + [Match("missing", g, None, i, None) for i, g in enumerate(gold) if i not in used]


def outcome(m: Match) -> tuple[str, str, str, str]:
    """The category of a match under each schema in SCHEMAS (COR, INC, PAR, MIS, SPU)."""
    if m.kind == "correct":
        return "COR", "COR", "COR", "COR"
    if m.kind == "incorrect":
        return "INC", "COR", "COR", "INC"
    if m.kind == "partial":
        return "INC", "INC", "PAR", "COR" if m.same_label else "INC"
    return (("MIS",) if m.kind == "missing" else ("SPU",)) * 4


def counts(matches: Sequence[Match]) -> dict[str, dict[str, Counter]]:
    """Counts per schema per label (the gold label; a spurious span's own label)."""
    out = {sch: defaultdict(Counter) for sch in SCHEMAS}
    for m in matches:
        for sch, cat in zip(SCHEMAS, outcome(m)):
            out[sch][m.label][cat] += 1
    return out


def statuses(matches: Sequence[Match], n_gold: int, n_pred: int) -> tuple[list[str], list[str]]:
    """The kind of each gold and each predicted span, in their order."""
    gs, ps = [""] * n_gold, [""] * n_pred
    for m in matches:
        if m.gi is not None:
            gs[m.gi] = m.kind
        if m.pi is not None:
            ps[m.pi] = m.kind
    return gs, ps


def doc_entities(records: list[dict]) -> dict[str, list[tuple]]:
    """(start, end, label, text, record id) of every span, on document offsets, per doc_id."""
    out = defaultdict(list)
    for r in records:
        for s in r["spans"]:
            out[r["doc_id"]].append((r["start"] + s["start"], r["start"] + s["end"], s["label"], s["text"], r["id"]))
    return out
