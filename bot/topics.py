"""From the model's intents to the partnership's topics, plus the urgent flag.

Every intent names one topic (or none: "other"); the urgent_* intents carry their topic
too, so "my husband is hitting me right now" is domestic abuse AND urgent.
"""

from __future__ import annotations

from bot import details, safety

URGENCY = "urgency"  # the danger-now model's probability, in the engine's parse
# The intent the engine's answer selector sets for a question of data/answers.yml.
ASK_QUESTION = "ask_question"

TOPICS = ("asb", "hate_crime", "spiking", "domestic_abuse", "other")
TOPIC_NAMES = {"asb": "Anti-social behaviour", "hate_crime": "Hate crime", "spiking": "Spiking",
               "domestic_abuse": "Domestic abuse", "other": "Other"}  # as staff read them
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
# The details that name a topic by themselves (a strand is hate crime, a relationship is
# domestic abuse): how the app tells the topic when the engine is down.
TOPIC_OF_DETAIL = {"asb_kind": "asb", "hate_strand": "hate_crime", "spiking_method": "spiking",
                   "da_relationship": "domestic_abuse", "da_kind": "domestic_abuse"}
# When a message has several: hate in a neighbour dispute is hate crime and abuse by an ex
# next door is domestic abuse (the taxonomy's rules), so ASB comes last; a strand is the
# surer sign ("abuse at me and my boyfriend" names a partner who is not the abuser).
TOPIC_PRIORITY = ("hate_crime", "domestic_abuse", "spiking", "asb")
URGENT_INTENTS = frozenset(
    {"urgent_asb", "urgent_hate_crime", "urgent_spiking", "urgent_domestic_abuse", "urgent_danger"})
# Requests for help that can be about a topic ("how do I get a non-molestation order", "how
# do I report a hate crime without my name"): their topic is the one the rest of the
# probability points to, when it has at least SUBJECT_SHARE of it; "other" otherwise
# ("what's the police non-emergency number"). Chosen on the validation messages (README,
# "Requests about a topic").
SUPPORT_INTENTS = frozenset(
    {"helpline_request", "report_incident", "find_safe_place", "human_handoff", "check_report"})
SUBJECT_SHARE = 0.1


# Urgency is the model's probability of danger now: the average of the intent model's (its
# probability summed over the urgent intents) and the danger-now model's, which learns from
# every topic's urgent examples at once (rasa_components/intent_classifier.py). A missed
# emergency costs more than a needless 999 reminder, so a one-in-three chance is enough.
URGENT_THRESHOLD = 1 / 3
# The safety net fires on words for what happens ("threatened to stab", "passed out",
# "knife crime"), in the past or in a question as much as now. It always shows the 999 lines
# first; for the urgent flag, a model this sure there is no danger now overrules it. Chosen
# on the validation messages and on cross-validation of the training data (README,
# "Choosing the pipeline"): 0.1 loses no urgent message there and raises fewer false alarms
# than 0.05 (24 against 32 of the validation messages). Its words for a danger that can
# only be now ("won't wake up", "hasn't come home"), and its words in the other languages
# (chosen on English only), no model overrules (safety.beyond_overrule).
SURE_NOT_NOW = 0.1


def intent_name(parse: dict) -> str | None:
    return (parse.get("intent") or {}).get("name")


def _ranking(parse: dict) -> list[dict]:
    """The model's intents and confidences; a button press has only its own intent."""
    ranking = [r for r in parse.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
    return ranking or [parse.get("intent") or {}]


def topic_of(parse: dict) -> str:
    """The topic with the most probability, summed over its intents (asb + urgent_asb...).

    Summing matters when the model hesitates between twins: "asb" 0.4 and "urgent_asb"
    0.3 is anti-social behaviour, not the "other" an unsure top intent would suggest. A
    request for help is about the best topic beside it, if any has SUBJECT_SHARE.
    """
    ranking = _ranking(parse)
    scores: dict[str, float] = {}
    for entry in ranking:
        topic = TOPIC_OF_INTENT.get(entry.get("name"), "other")
        scores[topic] = scores.get(topic, 0.0) + float(entry.get("confidence") or 0.0)
    if ranking[0].get("name") in SUPPORT_INTENTS:
        subject = max((t for t in scores if t != "other"), key=scores.__getitem__, default=None)
        return subject if subject and scores[subject] >= SUBJECT_SHARE else "other"
    return max(scores, key=scores.__getitem__) if scores else "other"


def urgent_probability(parse: dict) -> float:
    """The model's chance of danger now; a button press (no `urgency`) has its intent's."""
    by_intents = sum(float(entry.get("confidence") or 0.0) for entry in _ranking(parse)
                     if entry.get("name") in URGENT_INTENTS)
    danger_now = parse.get(URGENCY)
    return by_intents if danger_now is None else (by_intents + float(danger_now)) / 2


def model_says_urgent(parse: dict) -> bool:
    """Enough chance of danger now, to the model alone, to show the 999 lines in the chat."""
    return urgent_probability(parse) >= URGENT_THRESHOLD


def is_urgent(parse: dict, text: str, threshold: float = URGENT_THRESHOLD,
              sure_not_now: float = SURE_NOT_NOW) -> bool:
    """Danger now, as the model and the safety net decide together: a likely one to the
    model, a danger the net's words say is now or in another language than English, or the
    net's other (English) words unless the model is sure there is none."""
    probability = urgent_probability(parse)
    return (probability >= threshold or safety.beyond_overrule(text)
            or (probability >= sure_not_now and safety.is_urgent(text)))


def classify(parse: dict, text: str) -> dict:
    """The /api/classify answer: the model and the safety net together decide `urgent`."""
    intent = parse.get("intent") or {}
    if intent.get("name") == ASK_QUESTION:
        # A question of the knowledge base: the intent model's own reading is the intent.
        intent = _ranking(parse)[0]
    topic = topic_of(parse)
    urgent = is_urgent(parse, text)
    return {
        "topic": topic,
        "urgent": urgent,
        "intent": intent.get("name") or "nlu_fallback",
        "confidence": round(float(intent.get("confidence") or 0.0), 4),
        "details": details.default().for_report(topic, entity_values(parse), urgent),
    }


def entity_values(parse: dict) -> dict[str, list[str]]:
    """The parsed entities grouped by name, the way list slots hold them."""
    found: dict[str, list[str]] = {}
    for entity in parse.get("entities") or []:
        found.setdefault(entity.get("entity"), []).append(str(entity.get("value")))
    return found


def topic_without_model(text: str) -> str | None:
    """The topic the words of a message point to when the engine cannot be asked: the first,
    in TOPIC_PRIORITY, of the topics whose naming details the message has; None for none."""
    found = {TOPIC_OF_DETAIL[name] for name in details.default().found_in(text)
             if name in TOPIC_OF_DETAIL}
    return next((topic for topic in TOPIC_PRIORITY if topic in found), None)
