"""From the model's ranking to topic and urgency: probability summed over twin intents,
and for urgency averaged with the danger-now model's."""

from __future__ import annotations

import pytest
import yaml

from bot.settings import PROJECT_ROOT
from bot.topics import (
    URGENT_INTENTS,
    classify,
    is_urgent,
    model_says_urgent,
    topic_of,
    topic_without_model,
    urgent_probability,
)


def parse(*ranking: tuple[str, float]) -> dict:
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return {"intent": entries[0], "intent_ranking": entries, "entities": []}


def test_twin_intents_add_up_to_their_topic():
    hesitant = parse(("greet", 0.3), ("asb", 0.3), ("urgent_asb", 0.25), ("thanks", 0.15))
    assert topic_of(hesitant) == "asb"


def test_support_intents_add_up_to_other():
    assert topic_of(parse(("asb", 0.4), ("greet", 0.3), ("thanks", 0.3))) == "other"


@pytest.mark.parametrize(("ranking", "topic"), [
    # "how do I get a non-molestation order": a request, about domestic abuse
    ((("helpline_request", 0.8), ("domestic_abuse", 0.08), ("urgent_domestic_abuse", 0.04),
      ("greet", 0.08)), "domestic_abuse"),
    ((("report_incident", 0.5), ("hate_crime", 0.3), ("asb", 0.2)), "hate_crime"),
    # "what's the police non-emergency number": about no topic in particular
    ((("helpline_request", 0.9), ("asb", 0.06), ("greet", 0.04)), "other"),
    # a request that is not for help keeps the sum: chat is "other"
    ((("greet", 0.8), ("asb", 0.2)), "other"),
])
def test_a_request_for_help_takes_the_topic_it_is_about(ranking, topic):
    assert topic_of(parse(*ranking)) == topic


def test_a_one_in_three_chance_of_danger_is_urgent():
    hesitant = parse(("asb", 0.6), ("urgent_asb", 0.2), ("urgent_danger", 0.14))
    assert model_says_urgent(hesitant) and is_urgent(hesitant, "lads shouting in the street")
    calmer = parse(("asb", 0.7), ("urgent_asb", 0.3))
    assert not model_says_urgent(calmer) and not is_urgent(calmer, "lads shouting")


@pytest.mark.parametrize(("text", "model", "urgent"), [
    ("my neighbour threatened to stab my dog last month", 0.01, False),
    ("my neighbour threatened to stab my dog last month", 0.2, True),  # the model unsure
    ("is there much knife crime round here", 0.04, False),
    ("he's got a knife", 0.08, False),
    ("he's got a knife", 0.12, True),  # the net, and a model not sure there is no danger
    ("he's got a knife", 0.5, True),
    ("I passed out on saturday after two drinks", 0.0, False),
    ("lads shouting in the street", 0.2, False),  # neither
    # a danger that can only be now: no model overrules it
    ("my 7 year old has wandered off at the park, cant find her", 0.02, True),
    ("she's gone floppy and won't wake up", 0.0, True),
])
def test_the_net_is_overruled_only_by_a_model_sure_there_is_no_danger_now(text, model, urgent):
    assert is_urgent(parse(("asb", 1 - model), ("urgent_asb", model)), text) is urgent


def test_the_danger_now_model_and_the_intents_count_alike():
    """Half from the urgent intents' sum, half from the danger-now model's `urgency`."""
    calm_intents = parse(("asb", 0.8), ("urgent_asb", 0.2))
    assert urgent_probability(calm_intents) == pytest.approx(0.2)
    assert urgent_probability({**calm_intents, "urgency": 0.6}) == pytest.approx(0.4)
    assert model_says_urgent({**calm_intents, "urgency": 0.6})
    assert not model_says_urgent({**calm_intents, "urgency": 0.4})
    sure_intents = parse(("asb", 0.9), ("urgent_asb", 0.1))
    assert is_urgent({**sure_intents, "urgency": 0.2}, "he's got a knife")
    assert not is_urgent({**sure_intents, "urgency": 0.0}, "he's got a knife")


def test_the_urgent_intents_are_the_ones_the_engine_trains_danger_now_on():
    """The engine's danger-now model takes intents named urgent_* (the classifier's
    `urgent_intent_prefix`) as danger now: the same set as the app's."""
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())
    named_urgent = {i for i in domain["intents"] if isinstance(i, str) and i.startswith("urgent_")}
    assert named_urgent == URGENT_INTENTS


def test_fallback_is_not_a_topic_and_does_not_hide_the_ranking_under_it():
    unsure = parse(("nlu_fallback", 0.4), ("domestic_abuse", 0.3), ("urgent_domestic_abuse", 0.35))
    assert topic_of(unsure) == "domestic_abuse" and model_says_urgent(unsure)


def test_a_button_press_has_only_its_own_intent():
    pressed = {"intent": {"name": "urgent_danger", "confidence": 1.0}, "entities": []}
    assert classify(pressed, "/urgent_danger")["urgent"] is True
    assert classify(pressed, "/urgent_danger")["topic"] == "other"


def test_classify_keeps_only_the_topics_details():
    found = parse(("hate_crime", 0.9), ("asb", 0.1))
    found["entities"] = [{"entity": "hate_strand", "value": "religion"},
                         {"entity": "asb_kind", "value": "vandalism"}]
    assert classify(found, "swastika sprayed on the synagogue")["details"] == {
        "hate_strand": ["religion"]}


@pytest.mark.parametrize(("text", "topic"), [
    ("graffiti all over the bus stop", "asb"),
    ("loud music next door every night", "asb"),
    ("someone shouted racist abuse at me", "hate_crime"),
    ("a gang of youths called my gay neighbour names", "hate_crime"),  # hate beats ASB
    ("my ex who lives next door keeps banging on my door", "domestic_abuse"),  # DA beats ASB
    ("my drink was spiked", "spiking"),
    ("a lad shouted homophobic abuse at me and my boyfriend", "hate_crime"),
    ("hello", None), ("i want to report something", None), ("", None),
])
def test_the_topic_is_told_from_its_words_when_the_engine_is_down(text, topic):
    assert topic_without_model(text) == topic
