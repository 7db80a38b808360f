"""Reply latency against concurrency, as a PNG: p50, p95 and p99, one colour per run
(engine-replica count), the 250 ms p95 target as a dashed line."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: write files only
import matplotlib.pyplot as plt  # noqa: E402

STYLES = {"p50": ":", "p95": "-", "p99": "--"}
TARGET_MS = 250
LOG_TICKS = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 25000]


def draw(results: dict, path: Path) -> None:
    fig, ax = plt.subplots(figsize=(8, 5))
    levels, values = set(), []
    for n, run in enumerate(results["runs"]):
        colour = f"C{n}"
        label = run["label"]
        for name, style in STYLES.items():
            points = [(lv["concurrency"], lv["reply_latency_ms"][name]) for lv in run["levels"]
                      if lv["reply_latency_ms"][name] is not None]
            levels.update(x for x, _ in points)
            values.extend(y for _, y in points)
            if points:
                ax.plot(*zip(*points, strict=True), style, marker="o", color=colour,
                        label=f"{label}: {name}")
    if values and max(values) / max(min(values), 1) >= 20:
        ax.set_yscale("log")  # a few ms and several seconds on one chart, labelled in ms
        ax.set_yticks([t for t in LOG_TICKS if min(values) / 2 <= t <= max(values) * 2],
                      [str(t) for t in LOG_TICKS if min(values) / 2 <= t <= max(values) * 2])
        ax.minorticks_off()
    ax.axhline(TARGET_MS, color="grey", linestyle="-.", linewidth=1, label="target p95 at 20")
    if levels and max(levels) / max(min(levels), 1) >= 10:
        ax.set_xscale("log")
    ax.minorticks_off()
    ax.set_xticks(sorted(levels), [str(x) for x in sorted(levels)])
    ax.set_xlabel("concurrent conversations")
    ax.set_ylabel("reply latency (ms)")
    ax.set_title("Safer Oxford Bot: reply latency against concurrency")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
