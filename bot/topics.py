"""From the model's intents to the partnership's topics, plus the urgent flag."""

from __future__ import annotations

from bot import safety

TOPIC_INTENTS = {
    "asb": "asb",
    "hate_crime": "hate_crime",
    "spiking": "spiking",
    "domestic_abuse": "domestic_abuse",
}
URGENT_INTENT = "urgent_danger"
# When the top intent is "urgent", a topic intent this confident names what it is about.
SECOND_TOPIC_CONFIDENCE = 0.05


def topic_of(parse: dict) -> str:
    """The topic of a parsed message: its intent's, or for an urgent one the best topic."""
    intent = (parse.get("intent") or {}).get("name")
    if intent in TOPIC_INTENTS:
        return TOPIC_INTENTS[intent]
    if intent == URGENT_INTENT:
        for ranked in parse.get("intent_ranking") or []:
            if (ranked.get("name") in TOPIC_INTENTS
                    and ranked.get("confidence", 0) >= SECOND_TOPIC_CONFIDENCE):
                return TOPIC_INTENTS[ranked["name"]]
    return "other"


def classify(parse: dict, text: str) -> dict:
    """The /api/classify answer: the model and the safety net together decide `urgent`."""
    intent = parse.get("intent") or {}
    return {
        "topic": topic_of(parse),
        "urgent": intent.get("name") == URGENT_INTENT or safety.is_urgent(text),
        "intent": intent.get("name") or "nlu_fallback",
        "confidence": round(float(intent.get("confidence") or 0.0), 4),
    }
