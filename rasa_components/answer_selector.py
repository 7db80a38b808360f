"""Answer selector: which question of the knowledge base (data/answers.yml) a message asks,
if any, in any of the twelve languages.

Rasa's way is retrieval intents with a ResponseSelector (a second TensorFlow model). This
does the same job with a logistic regression on the multilingual sentence embedding the
pipeline already computes: the questions live with their answers and sources in one file,
it trains in seconds rather than minutes, and on the validation questions it did better
than the words and character n-grams beside the embedding (docs/answers.md).

It learns the knowledge base's question variants, one class an answer, against a sample
of every other training example (reports, greetings, requests) and every out-of-scope one
as the class `none`. When
an answer is likely enough and the message is not danger now, the message's intent becomes
`ask_question` (the rules send it to action_answer) and the parse gains `answer`: the best
answers with their probabilities. The intent ranking is left as it was, so the topic and
the danger-now flag are still the intent model's.
"""

import hashlib
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import (
    FEATURE_TYPE_SENTENCE,
    INTENT,
    INTENT_RANKING_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

from rasa_components import sentence_encoder

ANSWER = "answer"  # the parse's key (actions/answers.py and bot/answers.py read it)
ASK_QUESTION = "ask_question"
NONE = "none"
RANKING_LENGTH = 3
# What the saved model holds besides scikit-learn's own types (skops trusts no others).
TRUSTED_TYPES: list[str] = []


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class AnswerSelector(GraphComponent):
    """Logistic regression over the e5 sentence embedding, centred on the training mean."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            "answers_file": "data/answers.yml",
            # Weak regularisation, and a solver stopped early: on the validation questions
            # 60 iterations answered as well as 300, in a fifth of the time.
            "C": 100.0,
            "max_iter": 60,
            # Below this no answer is offered; between it and bot/answers.py's SURE the
            # action says "I'm not sure" with choices.
            "threshold": 0.15,
            # Leaving quickly is never answered instead of done.
            "never_answered": ["quick_exit"],
            # Requests the bot acts on ("check my report ABCD-...", "a safe place near OX4")
            # are answered only when the answer is likelier than the request: "how many
            # times do I have to report before a case review" is a question, not a lookup.
            "actions": ["check_report", "manage_report", "find_safe_place", "report_incident",
                        "helpline_request", "human_handoff", "affirm", "deny", "greet",
                        "goodbye", "thanks"],
            # The intent model's danger now: no answer takes that message over.
            "urgent_intent_prefix": "urgent_",
            "urgency_threshold": 1 / 3,
            # Every training example outside the knowledge base is `none`; this many of
            # them, evenly spread, did as well as 3,000 in half the time...
            "max_none_examples": 1500,
            # ... and all of these intents' examples: questions the bot does not answer
            # ("how do I pay my council tax") look most like the ones it does.
            "hard_negative_intents": ["out_of_scope", "other_crime"],
            # The share of the training weight that `none` carries (see _weights).
            "none_share": 0.05,
        }

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage,
                 resource: Resource) -> None:
        self.config = config
        self._model_storage = model_storage
        self._resource = resource
        self.mean: np.ndarray | None = None
        self.model: LogisticRegression | None = None

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "AnswerSelector":
        return cls(config, model_storage, resource)

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str:
        """The knowledge base's questions are read here, not given by the graph: a change to
        them must train again."""
        path = Path(config.get("answers_file", "data/answers.yml"))
        return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""

    def train(self, training_data: TrainingData) -> Resource:
        questions = _questions(Path(self.config["answers_file"]))
        asked = {q.lower() for q, _ in questions}
        others = [m for m in training_data.intent_examples
                  if m.get(TEXT) and m.get(TEXT).lower() not in asked]
        hard = [m for m in others if m.get(INTENT) in self.config["hard_negative_intents"]]
        sample = others[::max(1, -(-len(others) // self.config["max_none_examples"]))]
        sampled = {id(m) for m in sample}
        others = [*sample, *(m for m in hard if id(m) not in sampled)]
        meanings = np.vstack([sentence_encoder.default().encode([q for q, _ in questions], 2),
                              *(_meaning(m) for m in others)])
        labels = [a for _, a in questions] + [NONE] * len(others)
        self.mean = meanings.mean(axis=0)
        self.model = LogisticRegression(C=self.config["C"],
                                        class_weight=self._weights(len(questions), len(others),
                                                                   set(labels)),
                                        max_iter=self.config["max_iter"], random_state=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            self.model.fit(meanings - self.mean, labels)
        self.persist()
        return self._resource

    def _weights(self, asked: int, others: int, classes: set[str]) -> dict[str, float]:
        """`none` gets none_share of the training weight. Balanced classes gave it 1/128
        (one class of 128), and a quarter of the reports the model had not seen got an
        answer ("someone sprayed graffiti on the bus shelter": the racist-graffiti one);
        at 0.05, an eighth did, for a few validation questions fewer answered."""
        share, total = self.config["none_share"], asked + others
        return {c: (share * total / others if c == NONE else (1 - share) * total / asked)
                for c in classes}

    def process(self, messages: list[Message]) -> list[Message]:
        """The best answers, and the intent `ask_question` when one is likely enough."""
        if self.model is None:
            return messages
        for message in messages:
            text = message.get(TEXT) or ""
            if not text or text.startswith(INTENT_MESSAGE_PREFIX):
                continue
            ranking = self._ranking(_meaning(message))
            message.set(ANSWER, {"ranking": ranking}, add_to_output=True)
            if self._answers(message, ranking[0]):
                message.set(INTENT, {"name": ASK_QUESTION,
                                     "confidence": ranking[0]["confidence"]}, add_to_output=True)
        return messages

    def _answers(self, message: Message, best: dict[str, Any]) -> bool:
        """Whether the best answer takes the message: likely enough, no danger now, and not
        a request the bot acts on that the intent model is surer of."""
        if best["id"] == NONE or best["confidence"] < self.config["threshold"]:
            return False
        ranking = message.get(INTENT_RANKING_KEY) or [message.get(INTENT) or {}]
        intent, sure = ranking[0].get("name"), float(ranking[0].get("confidence") or 0.0)
        if intent in self.config["never_answered"]:
            return False
        if intent in self.config["actions"] and sure >= best["confidence"]:
            return False
        return not self._urgent(message)

    def _ranking(self, meaning: np.ndarray) -> list[dict[str, Any]]:
        probabilities = self.model.predict_proba((meaning - self.mean)[None, :])[0]
        best = np.argsort(probabilities)[::-1][:RANKING_LENGTH]
        return [{"id": str(self.model.classes_[i]), "confidence": round(float(probabilities[i]), 4)}
                for i in best]

    def _urgent(self, message: Message) -> bool:
        """Danger now, as bot/topics.py's model_says_urgent reads the parse: the average of
        the urgent intents' probability and the danger-now model's."""
        by_intents = sum(float(r.get("confidence") or 0.0)
                         for r in message.get(INTENT_RANKING_KEY) or []
                         if str(r.get("name")).startswith(self.config["urgent_intent_prefix"]))
        danger_now = message.get("urgency")
        probability = by_intents if danger_now is None else (by_intents + float(danger_now)) / 2
        return probability >= self.config["urgency_threshold"]

    def persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as model_dir:
            sio.dump({"mean": self.mean, "model": self.model},
                     model_dir / "answer_selector.skops")

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "AnswerSelector":
        """The trained selector; fail loudly rather than answer from an untrained one."""
        import skops.io as sio

        component = cls(config, model_storage, resource)
        with model_storage.read_from(resource) as model_dir:
            path = model_dir / "answer_selector.skops"
            saved = sio.load(path, trusted=TRUSTED_TYPES)
        component.mean, component.model = saved["mean"], saved["model"]
        return component


def _questions(path: Path) -> list[tuple[str, str]]:
    """(question, answer id) for every variant in the knowledge base."""
    answers = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("answers") or {}
    return [(str(q), answer_id) for answer_id, entry in answers.items()
            for q in entry.get("questions") or []]


def _meaning(message: Message) -> np.ndarray:
    """The message's sentence embedding, as the pipeline's featurizer computed it."""
    for features in message.features:
        if (features.attribute == TEXT and features.type == FEATURE_TYPE_SENTENCE
                and features.is_dense()):
            return np.asarray(features.features).reshape(-1)
    return sentence_encoder.default().encode([message.get(TEXT)])[0]
