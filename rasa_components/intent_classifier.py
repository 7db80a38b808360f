"""Intent classifier: Rasa's logistic regression over TF-IDF-weighted word and character
counts, beside the sentence embedding (rasa_components.sentence_featurizer), and a second
one that tells only whether someone is in danger now."""

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack, issparse, vstack
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

# The parse's key for the danger-now model's probability (bot/topics.py reads it).
URGENCY = "urgency"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class TfidfLogisticRegressionClassifier(LogisticRegressionClassifier):
    """LogisticRegressionClassifier with sublinear TF-IDF weighting and a configurable C.

    On raw counts with Rasa's fixed C=1, long messages dominate and short ones drift to
    the small intents ("my son hits his mother" came out as `greet`). Weighting and
    L2-normalising each message's features, with weaker regularisation, fixes that; the
    features still come from the pipeline, lookup tables included. The ranking is the
    parent's; the scikit-learn pipelines are saved with skops like its model.

    Dense sentence features, when the pipeline has them, follow the counts in each row
    (Rasa's `_create_X`): they skip the TF-IDF step and count `sentence_weight` times.

    Danger now is learnt twice. The intent model learns it once per topic (urgent_asb
    against asb, urgent_spiking against spiking...), so "right now" or "he's still here"
    must be learnt five times over. A second model, urgent intents against all the others
    on the same features, learns it once from every topic's examples. Its probability is
    the message's `urgency` in the parse; bot/topics.py averages it with the intent model's.
    """

    # TF-IDF keeps its weights as a sparse matrix, which skops does not trust by default;
    # nor the embedding's centring, below.
    TRUSTED_TYPES = ["scipy.sparse._csr.csr_matrix", "builtins.slice",
                     "rasa_components.intent_classifier.Centred"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 10.0,
                "sentence_weight": 1.5, "urgent_intent_prefix": "urgent_"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.urgency: Any = None

    def train(self, training_data: TrainingData) -> Resource:
        """Build both pipelines for this data's count width and fit them."""
        X, intents = self._create_training_matrix(training_data)
        widths = self._count_widths(training_data)
        self.clf = self._pipeline(widths).fit(X, intents)
        self.urgency = self._pipeline(widths).fit(X, [self._is_urgent(i) for i in intents])
        self.persist()
        return self._resource

    def _count_widths(self, training_data: TrainingData) -> dict[str, int]:
        """Each count featurizer's number of columns, in the order `_create_X` joins them
        (the columns after them are the sentence embedding)."""
        example = next(e for e in training_data.intent_examples if e.get(TEXT))
        return {f.origin: f.features.shape[1] for f in self._sentence_features(example)
                if f.is_sparse()}

    def _is_urgent(self, intent: str) -> bool:
        return intent.startswith(self.config["urgent_intent_prefix"])

    def process(self, messages: list[Message]) -> list[Message]:
        """The parent's intent and ranking, plus the danger-now model's probability."""
        messages = super().process(messages)
        if self.urgency is not None and messages:
            column = list(self.urgency.classes_).index(True)
            probabilities = self.urgency.predict_proba(self._create_X(messages))[:, column]
            for message, probability in zip(messages, probabilities, strict=True):
                message.set(URGENCY, round(float(probability), 4), add_to_output=True)
        return messages

    def _create_X(self, messages: list[Message]) -> csr_matrix:
        """The parent's matrix (each message's sparse sentence features, then its dense
        ones, in pipeline order), built a featurizer at a time. The parent deep-copies
        every message's features to join them, twice at every parse, and for the whole
        training set at once (training from nothing: 154 s with it, 135 s without)."""
        rows = [[f.features for f in self._sentence_features(m)] for m in messages]
        blocks = [vstack(column) if issparse(column[0]) else csr_matrix(np.vstack(column))
                  for column in zip(*rows, strict=True)]
        return hstack(blocks, format="csr")

    @staticmethod
    def _sentence_features(message: Message) -> list[Features]:
        """The message's sentence features for its text, sparse first, then dense: the
        columns of `_create_X`, in order. (A method, not a module function: Rasa's
        training cache reads the class's source.)"""
        features = [f for f in message.features
                    if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
        return sorted(features, key=lambda f: f.is_dense())

    def _pipeline(self, count_widths: dict[str, int]) -> Any:
        """TF-IDF for each count featurizer on its own, so that each message's character
        n-grams (many per word) weigh as much as its words rather than drowning them. The
        sentence embedding is centred on the training examples' mean: e5's vectors all lie
        close together (cosines of 0.7 to 0.95), and without their common part the solver
        needs about half the iterations for the same model (the intercept absorbs it)."""
        blocks, start = [], 0
        for origin, width in count_widths.items():
            blocks.append((origin, TfidfTransformer(sublinear_tf=True),
                           slice(start, start + width)))
            start += width
        features = ColumnTransformer(
            [*blocks, ("meaning", Centred(), slice(start, None))],
            transformer_weights={"meaning": self.config["sentence_weight"]})
        return make_pipeline(
            features,
            LogisticRegression(C=self.config["C"], class_weight="balanced",
                               max_iter=self.config["max_iter"], tol=self.config["tol"],
                               solver=self.config["solver"],
                               random_state=self.config["random_state"]))

    def persist(self) -> None:
        """Both models, each in its own skops file."""
        import skops.io as sio

        super().persist()
        with self._model_storage.write_to(self._resource) as model_dir:
            sio.dump(self.urgency, model_dir / f"{self._resource.name}.urgency.skops")

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any
             ) -> "TfidfLogisticRegressionClassifier":
        """Load the trained pipelines; fail loudly rather than fall back to untrained ones."""
        import skops.io as sio

        with model_storage.read_from(resource) as model_dir:
            component = cls(config, execution_context.node_name, model_storage, resource)
            component.clf = sio.load(model_dir / f"{resource.name}.skops",
                                     trusted=cls.TRUSTED_TYPES)
            component.urgency = sio.load(model_dir / f"{resource.name}.urgency.skops",
                                         trusted=cls.TRUSTED_TYPES)
        return component


class Centred(BaseEstimator, TransformerMixin):
    """The embedding's columns less their mean over the training examples, as a dense
    block (scikit-learn's scalers will not centre the sparse matrix they arrive in)."""

    def fit(self, X: Any, y: Any = None) -> "Centred":
        self.mean_ = np.asarray(X.mean(axis=0)).ravel()
        return self

    def transform(self, X: Any) -> np.ndarray:
        return (X.toarray() if issparse(X) else np.asarray(X)) - self.mean_
