"""The evaluation's arithmetic and baselines, so `make eval` figures can be trusted."""

from __future__ import annotations

import pytest

from bot.evaluation import data, thresholds
from bot.evaluation.baselines import KeywordRules, TfidfLogistic
from bot.evaluation.metrics import confusion, score
from bot.language import LANGUAGES
from bot.topics import TOPICS, classify


def test_scores_match_a_hand_worked_example():
    gold = [("asb", False), ("asb", True), ("hate_crime", False), ("other", True)]
    predicted = [("asb", False), ("hate_crime", True), ("hate_crime", True), ("other", False)]
    result = score(gold, predicted)
    assert result["per_topic"]["asb"] == {"precision": 1.0, "recall": 0.5,
                                          "f1": 0.6667, "support": 2}
    assert result["per_topic"]["hate_crime"] == {"precision": 0.5, "recall": 1.0,
                                                 "f1": 0.6667, "support": 1}
    assert result["per_topic"]["spiking"]["f1"] == 0.0
    assert result["accuracy"] == 0.75
    assert result["urgent_recall"] == 0.5 and result["urgent_precision"] == 0.5
    assert result["macro_f1"] == round((0.6667 + 0.6667 + 0 + 0 + 1.0) / 5, 4)


def test_confusion_rows_are_true_topics_and_columns_predictions():
    matrix = confusion(["asb", "asb", "spiking"], ["asb", "spiking", "spiking"])
    asb, spiking = TOPICS.index("asb"), TOPICS.index("spiking")
    assert matrix[asb][asb] == 1 and matrix[asb][spiking] == 1
    assert matrix[spiking][spiking] == 1 and sum(map(sum, matrix)) == 3


TRAIN = [("loud music from next door every night", "asb"),
         ("neighbours party noise till 4am", "asb"),
         ("racist abuse shouted at me on the bus", "hate_crime"),
         ("they called my brother a racist name", "hate_crime"),
         ("someone put something in my drink", "spiking"),
         ("my drink was spiked at the club", "spiking")]


@pytest.mark.parametrize("model", [KeywordRules(words_per_intent=5), TfidfLogistic()])
def test_baselines_learn_from_training_data_and_parse_like_rasa(model):
    texts, intents = zip(*TRAIN, strict=True)
    model.fit(list(texts), list(intents))
    parse = model.parse("my drink at the club was spiked")
    assert parse["intent"]["name"] == "spiking"
    assert classify(parse, "my drink at the club was spiked")["topic"] == "spiking"


def test_heldout_set_is_labelled_with_known_topics_and_not_in_training():
    messages = data.heldout()
    assert len(messages) >= 280 and {m.topic for m in messages} == set(TOPICS)
    assert sum(m.urgent for m in messages) >= 40
    training = {text.lower() for text, _ in data.training_examples()}
    assert not [m.text for m in messages if m.text.lower() in training]


def test_the_second_validation_set_loads_and_none_of_it_is_trained_on():
    """Its header says so, and its figures in the README mean nothing otherwise."""
    messages = data.heldout(data.HELDOUT_FILE.with_name("validation2.yml"))
    assert len(messages) == 383 and sum(m.urgent for m in messages) == 101
    assert {m.topic for m in messages} == set(TOPICS)
    training = {text.lower() for text, _ in data.training_examples()}
    assert not [m.text for m in messages if m.text.lower() in training]


def test_training_examples_lose_their_entity_annotations(tmp_path):
    nlu = tmp_path / "nlu.yml"
    nlu.write_text('version: "3.1"\nnlu:\n- intent: asb\n  examples: |\n'
                   '    - noise on [Cowley Road](place) again\n'
                   '    - bikes in [Jericho]{"entity": "place"}\n')
    assert data.training_examples([nlu]) == [("noise on Cowley Road again", "asb"),
                                            ("bikes in Jericho", "asb")]


def test_the_threshold_split_is_repeatable_disjoint_and_a_fifth_of_each_intent():
    examples = [(f"{intent} example {n}", intent) for intent in ("asb", "urgent_asb")
                for n in range(10)]
    train, validation = thresholds.split(examples)
    assert (train, validation) == thresholds.split(list(reversed(examples)))
    assert not set(train) & set(validation) and len(train) + len(validation) == 20
    assert sorted(i for _, i in validation) == ["asb", "asb", "urgent_asb", "urgent_asb"]


@pytest.mark.parametrize("kind", ["heldout", "validation"])
@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_each_languages_test_messages_are_labelled_and_never_trained_on(kind, language):
    """At least 60 messages a file, some urgent, every topic; written apart from the
    training examples, and none of them one (the held-out files are read once, after every
    choice; the validation files choose settings)."""
    (path,) = data.test_files(kind)[language]
    messages = data.heldout(path)
    assert len(messages) >= 60 and sum(m.urgent for m in messages) >= 10
    assert {m.topic for m in messages} == set(TOPICS)
    training = {text.lower() for text, _ in data.training_examples()}
    assert not [m.text for m in messages if m.text.lower() in training]


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_languages_safety_messages_mix_danger_and_near_misses_never_trained_on(language):
    """The urgent flag's own held-out test: danger now and messages that only sound like
    it, in every language, none of them a training example."""
    (path,) = data.test_files("safety")[language]
    messages = data.heldout(path)
    urgent = sum(m.urgent for m in messages)
    assert urgent >= 14 and len(messages) - urgent >= 10
    assert {m.topic for m in messages} <= set(TOPICS)
    training = {text.lower() for text, _ in data.training_examples()}
    assert not [m.text for m in messages if m.text.lower() in training]
