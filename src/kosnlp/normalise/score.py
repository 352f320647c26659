"""Normalisation accuracy of pipeline spans against gold norms, per label.

For every gold span the pipeline found exactly (same offsets and label), its norm is
correct when it agrees with the gold norm on the fields that identify the referent:
status and id (ACTOR, PLACE), status, value, start and end (DATE); two unresolved
norms agree. `accuracy` is over those matched spans; `end_to_end` divides the correct
ones by all gold spans (a missed span counts as wrong). Unresolved mentions are
counted in gold and in the pipeline output, with their reasons.
"""
from __future__ import annotations

from collections import Counter

from ..languages import codes
from ..records import LABELS

KEYS = {"ACTOR": ("status", "id"), "PLACE": ("status", "id"), "DATE": ("status", "value", "start", "end")}


def _spans(records: list[dict]) -> dict[tuple, tuple[dict, str]]:
    return {(r["doc_id"], r["start"] + s["start"], r["start"] + s["end"], s["label"]): (s, r["id"])
            for r in records for s in r["spans"]}


def same(label: str, a: dict | None, b: dict | None) -> bool:
    if not a or not b:
        return False
    return all(a.get(k) == b.get(k) for k in KEYS[label] if k == "status" or a.get("status") == "resolved")


def _reasons(spans) -> dict:
    out = {lab: Counter() for lab in LABELS}
    for s in spans:
        n = s.get("norm")
        if not n:
            out[s["label"]]["no norm"] += 1
        elif n.get("status") != "resolved":
            out[s["label"]][n.get("reason", "?")] += 1
    return {lab: {"total": sum(c.values()), "reasons": dict(c.most_common())} for lab, c in out.items()}


def normalisation(gold: list[dict], pred: list[dict]) -> dict:
    g, p = _spans(gold), _spans(pred)
    docs = {r["doc_id"] for r in gold}
    counts = {lab: Counter() for lab in LABELS}
    errors = []
    for k, (gs, rid) in g.items():
        lab = k[3]
        counts[lab]["gold"] += 1
        if k not in p:
            continue
        counts[lab]["matched"] += 1
        ps = p[k][0]
        if same(lab, gs.get("norm"), ps.get("norm")):
            counts[lab]["correct"] += 1
        else:
            errors.append({"id": rid, "label": lab, "text": gs["text"], "gold": _short(lab, gs.get("norm")),
                           "pred": _short(lab, ps.get("norm"))})
    per = {}
    for lab, c in counts.items():
        per[lab] = {"gold": c["gold"], "matched": c["matched"], "correct": c["correct"],
                    "accuracy": round(c["correct"] / c["matched"], 4) if c["matched"] else None,
                    "end_to_end": round(c["correct"] / c["gold"], 4) if c["gold"] else None}
    tot = sum(counts.values(), Counter())
    per["ALL"] = {"gold": tot["gold"], "matched": tot["matched"], "correct": tot["correct"],
                  "accuracy": round(tot["correct"] / tot["matched"], 4) if tot["matched"] else None,
                  "end_to_end": round(tot["correct"] / tot["gold"], 4) if tot["gold"] else None}
    pred_spans = [s for r in pred if r["doc_id"] in docs for s in r["spans"]]
    listed = [{"side": side, "id": r["id"], "label": s["label"], "text": s["text"],
               "reason": (s.get("norm") or {}).get("reason", "no norm")}
              for side, recs in (("gold", gold), ("pipeline", [r for r in pred if r["doc_id"] in docs]))
              for r in recs for s in r["spans"] if (s.get("norm") or {}).get("status") != "resolved"]
    return {"labels": per,
            "unresolved": {"gold": _reasons(s for r in gold for s in r["spans"]), "pipeline": _reasons(pred_spans)},
            "unresolved_mentions": listed,
            "errors": errors}


def _short(label: str, n: dict | None) -> str:
    if not n:
        return "(none)"
    if n.get("status") != "resolved":
        return f"unresolved: {n.get('reason')}"
    return n.get("value") if label == "DATE" else n.get("id")


def without_alias_tables(gold: list[dict], tables: dict) -> dict:
    """Link every resolved gold ACTOR / PLACE span as if its form were unseen: no gazetteer id
    and no generated alias table of inflected forms, only lemmas, spelling keys, case-ending
    base forms and surnames over the nominative names. An estimate of how linking carries
    over to other spellings and inflections than the ones generated from the registry."""
    from .norms import Resolvers, text_lemmas
    res = Resolvers(dict(tables, surfaces={lang: {} for lang in codes()}))
    counts = {lab: Counter() for lab in ("ACTOR", "PLACE")}
    misses = []
    for r in gold:
        for s in r["spans"]:
            g = s.get("norm") or {}
            if s["label"] not in counts or g.get("status") != "resolved":
                continue
            n = res.norm(s["label"], s["text"], r["lang"], lemmas=text_lemmas(s["text"], r["lang"]))
            c = counts[s["label"]]
            c["spans"] += 1
            if n.get("status") != "resolved":
                c["unresolved"] += 1
            elif n["id"] == g["id"]:
                c["correct"] += 1
            else:
                c["wrong"] += 1
            if n.get("id") != g["id"]:
                misses.append({"id": r["id"], "text": s["text"], "gold": g["id"], "got": _short(s["label"], n)})
    out = {lab: {**{k: c[k] for k in ("spans", "correct", "wrong", "unresolved")},
                 "accuracy": round(c["correct"] / c["spans"], 4) if c["spans"] else None}
           for lab, c in counts.items()}
    return {"labels": out, "misses": misses}
