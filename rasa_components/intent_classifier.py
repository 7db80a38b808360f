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
from rasa.shared.nlu.constants import (
    FEATURE_TYPE_SENTENCE,
    INTENT,
    INTENT_RANKING_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils.tensorflow.constants import RANKING_LENGTH
from scipy.sparse import csr_matrix, hstack, issparse, vstack
from scipy.special import expit, softmax
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
        self.scorer: LinearScorer | None = None

    def train(self, training_data: TrainingData) -> Resource:
        """Build both pipelines for this data's count width and fit them."""
        X, intents = self._create_training_matrix(training_data)
        widths = self._count_widths(training_data)
        self.clf = self._pipeline(widths).fit(X, intents)
        self.urgency = self._pipeline(widths).fit(X, [self._is_urgent(i) for i in intents])
        self.scorer = LinearScorer.of(self.clf, self.urgency)
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
        if not messages:
            return messages
        X = self._create_X(messages)
        if self.scorer is not None:
            intents, urgencies = self.scorer.probabilities(X)
        else:
            intents, urgencies = self.clf.predict_proba(X), [None] * len(messages)
            if self.urgency is not None:
                column = list(self.urgency.classes_).index(True)
                urgencies = self.urgency.predict_proba(X)[:, column]
        for message, row, urgency in zip(messages, intents, urgencies, strict=True):
            ranking = sorted(({"name": name, "confidence": float(p)}
                              for name, p in zip(self.clf.classes_, row, strict=True)),
                             key=lambda e: -e["confidence"])
            message.set(INTENT, ranking[0], add_to_output=True)
            length = self.config[RANKING_LENGTH]
            message.set(INTENT_RANKING_KEY, ranking[:length] if length > 0 else ranking,
                        add_to_output=True)
            if urgency is not None:
                message.set(URGENCY, round(float(urgency), 4), add_to_output=True)
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
        component.scorer = LinearScorer.of(component.clf, component.urgency)
        return component


class Centred(BaseEstimator, TransformerMixin):
    """The embedding's columns less their mean over the training examples, as a dense
    block (scikit-learn's scalers will not centre the sparse matrix they arrive in)."""

    def fit(self, X: Any, y: Any = None) -> "Centred":
        self.mean_ = np.asarray(X.mean(axis=0)).ravel()
        return self

    def transform(self, X: Any) -> np.ndarray:
        return (X.toarray() if issparse(X) else np.asarray(X)) - self.mean_


class LinearScorer:
    """Both fitted pipelines as one computation, for the engine's every parse.

    The two share their features (TF-IDF per count featurizer, then the centred embedding),
    fitted on the same matrix, so the features are computed once and both models' weights
    are applied in one product. scikit-learn's own path cost about 17 ms of the engine's
    ~60 ms per turn: the transform twice, and a copy of each weight matrix into the order
    sparse products need, at every call. The result is scikit-learn's, to rounding
    (tests/test_engine_components.py)."""

    def __init__(self, blocks: list[tuple[slice, np.ndarray | None]], mean: np.ndarray,
                 weight: float, coef: np.ndarray, intercept: np.ndarray) -> None:
        self.blocks, self.mean, self.weight = blocks, mean, weight
        self.coef, self.intercept = coef, intercept  # (columns, intents + 1): C-ordered

    @classmethod
    def of(cls, intents: Any, urgency: Any) -> "LinearScorer | None":
        """The scorer for these two pipelines, or None where they are not the shape this
        class computes (then the engine keeps scikit-learn's path)."""
        if urgency is None or not len(intents) == len(urgency) == 2:
            return None
        features, model = intents[0], intents[-1]
        if not (cls._same_features(features, urgency[0]) and len(model.classes_) > 2
                and model.multi_class in ("auto", "multinomial") and model.solver != "liblinear"
                and list(urgency[-1].classes_) == [False, True]):
            return None
        *counts, (_, centred, last) = features.transformers_
        coef = np.vstack([model.coef_, urgency[-1].coef_]).T.copy(order="C")
        intercept = np.concatenate([model.intercept_, urgency[-1].intercept_])
        weight = (features.transformer_weights or {}).get("meaning", 1.0)
        return cls([*((s, t.idf_) for _, t, s in counts), (last, None)], centred.mean_,
                   weight, coef, intercept)

    @staticmethod
    def _same_features(ours: ColumnTransformer, theirs: ColumnTransformer) -> bool:
        """Both transforms are sublinear, L2-normalised TF-IDF blocks with the same weights,
        then one centred block with the same mean, weighted at most by name."""
        pairs = list(zip(ours.transformers_, theirs.transformers_, strict=False))
        if len(ours.transformers_) != len(theirs.transformers_) or not pairs:
            return False
        *counts, ((_, centred, _), (_, other, _)) = pairs
        return (isinstance(centred, Centred) and np.array_equal(centred.mean_, other.mean_)
                and set(ours.transformer_weights or {}) <= {"meaning"}
                and all(isinstance(t, TfidfTransformer) and t.sublinear_tf and t.norm == "l2"
                        and np.array_equal(t.idf_, o.idf_) for (_, t, _), (_, o, _) in counts))

    def probabilities(self, X: Any) -> tuple[np.ndarray, np.ndarray]:
        """Each message's intent probabilities (the model's class order) and its
        probability of danger now."""
        X = csr_matrix(X)
        scores = np.tile(self.intercept, (X.shape[0], 1))
        column = 0
        for columns, idf in self.blocks:
            block = X[:, columns]
            width = block.shape[1]
            if idf is None:
                dense = (block.toarray() - self.mean) * self.weight
                scores += dense @ self.coef[column:column + width]
            else:
                block = block.astype(np.float64)  # a copy: the message's counts stay
                block.data = (np.log(block.data) + 1) * idf[block.indices]
                norms = np.sqrt(np.asarray(block.multiply(block).sum(axis=1))).ravel()
                norms[norms == 0] = 1
                scores += (csr_matrix(block.multiply(1 / norms[:, None]))
                           @ self.coef[column:column + width])
            column += width
        return softmax(scores[:, :-1], axis=1), expit(scores[:, -1])
