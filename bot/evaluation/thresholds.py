"""How the urgent flag's threshold, and how sure the model must be to overrule the safety
net, trade recall for precision, on a split of the training data (never the held-out file).

    .venv/bin/python -m bot.evaluation.thresholds

80 % of each intent's examples train the TF-IDF + logistic regression baseline (the same
n-gram features and C as the product's classifier, without Rasa or the sentence embedding,
so it runs in seconds), twice like the product's: on the intents, and on danger now or not.
The other 20 % are scored, with the safety net, at each threshold.
"""

from __future__ import annotations

import random
from collections import defaultdict

from bot import topics
from bot.evaluation import baselines, data
from bot.evaluation.metrics import score

SEED = 7
THRESHOLDS = (0.25, 1 / 3, 0.4, 0.5)
OVERRULE_BELOW = (0.0, 0.05, 0.1, 0.2)  # 0.0: the net is never overruled


def split(examples: list[tuple[str, str]], share: float = 0.2) -> tuple[list, list]:
    """(train, validation): `share` of each intent's examples held back, the same every run."""
    by_intent: dict[str, list[str]] = defaultdict(list)
    for text, intent in examples:
        by_intent[intent].append(text)
    rng, train, validation = random.Random(SEED), [], []
    for intent, texts in sorted(by_intent.items()):
        texts = sorted(texts)
        rng.shuffle(texts)
        cut = int(len(texts) * share)
        validation += [(t, intent) for t in texts[:cut]]
        train += [(t, intent) for t in texts[cut:]]
    return train, validation


def main() -> None:
    train, validation = split(data.training_examples())
    texts = [t for t, _ in train]
    model = baselines.TfidfLogistic().fit(texts, [i for _, i in train])
    danger_now = baselines.TfidfLogistic().fit(
        texts, [str(i in topics.URGENT_INTENTS) for _, i in train])
    parses = [{**model.parse(text), topics.URGENCY: _confidence(danger_now.parse(text), "True")}
              for text, _ in validation]
    gold = [("other", intent in topics.URGENT_INTENTS) for _, intent in validation]
    print(f"{len(train)} training / {len(validation)} validation examples "
          f"({sum(g for _, g in gold)} urgent)\n")
    print("recall / precision; columns: the net is overruled when the model gives danger now"
          " under ...")
    print("threshold  " + "".join(f"{below:<17}" for below in OVERRULE_BELOW))
    for threshold in THRESHOLDS:
        row = []
        for below in OVERRULE_BELOW:
            urgent = [topics.is_urgent(p, text, threshold, sure_not_now=below)
                      for p, (text, _) in zip(parses, validation, strict=True)]
            row.append(f"{_figures(gold, urgent):17}")
        print(f"{threshold:9.2f}  " + "".join(row))


def _confidence(parse: dict, name: str) -> float:
    return next(r["confidence"] for r in parse["intent_ranking"] if r["name"] == name)


def _figures(gold: list[tuple[str, bool]], urgent: list[bool]) -> str:
    scores = score(gold, [("other", u) for u in urgent])
    return f"{scores['urgent_recall']:.3f} / {scores['urgent_precision']:.3f}"


if __name__ == "__main__":
    main()
