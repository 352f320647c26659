"""Charts for the HTML report, drawn with matplotlib (Agg) and returned as SVG data: URIs."""
from __future__ import annotations

import base64
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from .records import LABELS  # noqa: E402

COLORS = {"ACTOR": "#3a9fbf", "PLACE": "#e6a23c", "DATE": "#6aa84f"}
plt.rcParams.update({"svg.hashsalt": "kosnlp", "font.size": 10})


def _uri(fig) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def label_distribution(mentions: pd.DataFrame) -> str:
    """Gold mentions per label, grouped by language."""
    counts = mentions.groupby(["lang", "label"]).size().unstack(fill_value=0).reindex(columns=list(LABELS), fill_value=0)
    fig, ax = plt.subplots(figsize=(5.5, 3.2))
    width = 0.8 / len(LABELS)
    for i, lab in enumerate(LABELS):
        xs = [j + i * width for j in range(len(counts))]
        bars = ax.bar(xs, counts[lab], width, label=lab, color=COLORS[lab])
        ax.bar_label(bars, fontsize=8)
    ax.set_xticks([j + width for j in range(len(counts))], [f"{lang}" for lang in counts.index])
    ax.set_ylabel("gold mentions")
    ax.set_title("Label distribution per language")
    ax.legend(frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return _uri(fig)


def f1_per_label(rep: dict) -> str:
    """Strict F1 per label (and micro) for each language, from an evaluate() report."""
    langs = list(rep["by_lang"])
    names = [*LABELS, "micro"]
    fig, ax = plt.subplots(figsize=(5.5, 3.2))
    width = 0.8 / max(1, len(langs))
    for i, lang in enumerate(langs):
        t = rep["by_lang"][lang]["strict"]
        vals = [t["labels"][n]["f1"] if n in LABELS else t["micro"]["f1"] for n in names]
        bars = ax.bar([j + i * width for j in range(len(names))], vals, width, label=lang,
                      color=["#4c72b0", "#dd8452", "#55a868"][i % 3])
        ax.bar_label(bars, fmt="%.2f", fontsize=7)
    ax.set_xticks([j + width * (len(langs) - 1) / 2 for j in range(len(names))], names)
    ax.set_ylim(0, 1.25)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_ylabel("strict F1")
    ax.set_title("Pipeline F1 per label")
    ax.legend(frameon=False, loc="upper center", ncols=max(1, len(langs)))
    ax.spines[["top", "right"]].set_visible(False)
    return _uri(fig)


def actors_over_time(timeline: pd.DataFrame, top: int = 6) -> str:
    """Monthly mentions of the most mentioned actors (timeline from corpus.actor_timeline)."""
    best = timeline.actor_id.value_counts().head(top).index
    t = timeline[timeline.actor_id.isin(best)].copy()
    t["month"] = pd.to_datetime(t.time).dt.to_period("M")
    names = t.groupby("actor_id").actor_name.first()
    table = t.groupby(["month", "actor_id"]).size().unstack(fill_value=0).sort_index()
    table = table.reindex(columns=best, fill_value=0)
    fig, ax = plt.subplots(figsize=(7.5, 3.4))
    for aid in best:
        # only months with mentions, evenly spaced: background dates of other years would
        # otherwise stretch the axis over a decade of empty months
        ax.plot([str(m) for m in table.index], table[aid], marker="o", label=names[aid])
    ax.set_ylabel("mentions per month")
    ax.set_title(f"Top {len(best)} actors over time (months with mentions)", fontsize=10)
    ax.legend(frameon=False, fontsize=8, ncols=2)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    return _uri(fig)
