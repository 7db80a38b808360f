"""From the model's intents to the partnership's topics, plus the urgent flag.

Every intent names one topic (or none: "other"); the urgent_* intents carry their topic
too, so "my husband is hitting me right now" is domestic abuse AND urgent.
"""

from __future__ import annotations

from bot import safety

TOPIC_OF_INTENT = {
    "asb": "asb",
    "hate_crime": "hate_crime",
    "spiking": "spiking",
    "domestic_abuse": "domestic_abuse",
    "urgent_asb": "asb",
    "urgent_hate_crime": "hate_crime",
    "urgent_spiking": "spiking",
    "urgent_domestic_abuse": "domestic_abuse",
}
URGENT_INTENTS = frozenset(
    {"urgent_asb", "urgent_hate_crime", "urgent_spiking", "urgent_domestic_abuse", "urgent_danger"})


def intent_name(parse: dict) -> str | None:
    return (parse.get("intent") or {}).get("name")


def topic_of(parse: dict) -> str:
    """The topic of a parsed message; "other" for support, small talk and other crime."""
    return TOPIC_OF_INTENT.get(intent_name(parse), "other")


def model_says_urgent(parse: dict) -> bool:
    return intent_name(parse) in URGENT_INTENTS


def classify(parse: dict, text: str) -> dict:
    """The /api/classify answer: the model and the safety net together decide `urgent`."""
    intent = parse.get("intent") or {}
    return {
        "topic": topic_of(parse),
        "urgent": model_says_urgent(parse) or safety.is_urgent(text),
        "intent": intent.get("name") or "nlu_fallback",
        "confidence": round(float(intent.get("confidence") or 0.0), 4),
    }
