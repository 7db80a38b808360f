"""Two baselines trained on the project's own training data, to beat on every topic.

Both produce a Rasa-style parse (intent and ranking), so they go through the same
`bot.topics.classify` as the real model, safety net included.
"""

from __future__ import annotations

import re
from collections import Counter

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union

WORD = re.compile(r"[a-z']+")
STOPWORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "i", "me", "my", "we", "our", "you", "your", "he",
    "she", "it", "they", "them", "his", "her", "their", "is", "are", "was", "were", "be",
    "been", "to", "of", "in", "on", "at", "for", "with", "by", "from", "this", "that",
    "there", "so", "just", "im", "its", "not", "no", "do", "did", "have", "has", "had",
    "can", "could", "would", "will", "keep", "keeps", "again",
})


class KeywordRules:
    """For each intent, the words most typical of it in training; the best overlap wins."""

    def __init__(self, words_per_intent: int = 25) -> None:
        self.words_per_intent = words_per_intent
        self.keywords: dict[str, set[str]] = {}

    def fit(self, texts: list[str], intents: list[str]) -> KeywordRules:
        counts: dict[str, Counter] = {}
        for text, intent in zip(texts, intents, strict=True):
            counts.setdefault(intent, Counter()).update(_words(text))
        overall = Counter()
        for c in counts.values():
            overall.update(c)
        for intent, c in counts.items():
            typical = sorted(c, key=lambda w: c[w] * c[w] / overall[w], reverse=True)
            self.keywords[intent] = set(typical[: self.words_per_intent])
        return self

    def parse(self, text: str) -> dict:
        words = set(_words(text))
        scores = {i: len(words & kw) for i, kw in self.keywords.items()}
        total = sum(scores.values())
        if not total:
            return {"intent": {"name": "out_of_scope", "confidence": 0.0}, "intent_ranking": []}
        ranking = sorted(({"name": i, "confidence": s / total} for i, s in scores.items()),
                         key=lambda r: r["confidence"], reverse=True)
        return {"intent": ranking[0], "intent_ranking": ranking}


class TfidfLogistic:
    """TF-IDF of word 1-2-grams and char 2-5-grams, then logistic regression."""

    def __init__(self) -> None:
        self.pipeline = make_pipeline(
            make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                       TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
            LogisticRegression(max_iter=2000, C=10.0))

    def fit(self, texts: list[str], intents: list[str]) -> TfidfLogistic:
        self.pipeline.fit(texts, intents)
        return self

    def parse(self, text: str) -> dict:
        probabilities = self.pipeline.predict_proba([text])[0]
        ranking = sorted(({"name": str(c), "confidence": float(p)}
                          for c, p in zip(self.pipeline.classes_, probabilities, strict=True)),
                         key=lambda r: r["confidence"], reverse=True)
        return {"intent": ranking[0], "intent_ranking": ranking}


def _words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOPWORDS and len(w) > 2]
