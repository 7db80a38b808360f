"""Precision, recall and F1 per topic, macro-F1, accuracy, and urgent precision/recall."""

from __future__ import annotations

from bot.topics import TOPICS


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score(gold: list[tuple[str, bool]], predicted: list[tuple[str, bool]]) -> dict:
    """Scores for (topic, urgent) predictions against gold labels, in the same order."""
    per_topic = {}
    for topic in TOPICS:
        tp = sum(g[0] == topic and p[0] == topic for g, p in zip(gold, predicted, strict=True))
        fp = sum(g[0] != topic and p[0] == topic for g, p in zip(gold, predicted, strict=True))
        fn = sum(g[0] == topic and p[0] != topic for g, p in zip(gold, predicted, strict=True))
        per_topic[topic] = _prf(tp, fp, fn) | {"support": tp + fn}
    urgent_tp = sum(g[1] and p[1] for g, p in zip(gold, predicted, strict=True))
    urgent_fp = sum(not g[1] and p[1] for g, p in zip(gold, predicted, strict=True))
    urgent_fn = sum(g[1] and not p[1] for g, p in zip(gold, predicted, strict=True))
    urgent = _prf(urgent_tp, urgent_fp, urgent_fn)
    correct = sum(g[0] == p[0] for g, p in zip(gold, predicted, strict=True))
    return {
        "per_topic": per_topic,
        "macro_f1": round(sum(t["f1"] for t in per_topic.values()) / len(per_topic), 4),
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "urgent_precision": urgent["precision"],
        "urgent_recall": urgent["recall"],
    }


def confusion(gold: list[str], predicted: list[str]) -> list[list[int]]:
    """Counts with rows for the true topic and columns for the predicted one, in TOPICS order."""
    index = {t: i for i, t in enumerate(TOPICS)}
    matrix = [[0] * len(TOPICS) for _ in TOPICS]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix
