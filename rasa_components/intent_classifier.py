"""Intent classifier: Rasa's logistic regression over TF-IDF-weighted word and character
counts, beside the sentence embedding (rasa_components.sentence_featurizer)."""

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class TfidfLogisticRegressionClassifier(LogisticRegressionClassifier):
    """LogisticRegressionClassifier with sublinear TF-IDF weighting and a configurable C.

    On raw counts with Rasa's fixed C=1, long messages dominate and short ones drift to
    the small intents ("my son hits his mother" came out as `greet`). Weighting and
    L2-normalising each message's features, with weaker regularisation, fixes that; the
    features still come from the pipeline, lookup tables included. Training, ranking and
    saving are the parent's (the scikit-learn pipeline is saved with skops like its model).

    Dense sentence features, when the pipeline has them, follow the counts in each row
    (Rasa's `_create_X`): they skip the TF-IDF step and count `sentence_weight` times.
    """

    # TF-IDF keeps its weights as a sparse matrix, which skops does not trust by default.
    TRUSTED_TYPES = ["scipy.sparse._csr.csr_matrix", "builtins.slice"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 10.0,
                "sentence_weight": 1.5}

    def train(self, training_data: TrainingData) -> Resource:
        """Build the pipeline for this data's count width, then the parent's training."""
        example = next((e for e in training_data.intent_examples
                        if e.get(INTENT) and e.get(TEXT)), None)
        if example is not None:
            counts = example.get_sparse_features(TEXT)[1]
            self.clf = self._pipeline(counts.features.shape[1] if counts else 0)
        return super().train(training_data)

    def _pipeline(self, count_columns: int) -> Any:
        features = ColumnTransformer(
            [("counts", TfidfTransformer(sublinear_tf=True), slice(0, count_columns)),
             ("meaning", "passthrough", slice(count_columns, None))],
            transformer_weights={"meaning": self.config["sentence_weight"]})
        return make_pipeline(
            features,
            LogisticRegression(C=self.config["C"], class_weight="balanced",
                               max_iter=self.config["max_iter"], tol=self.config["tol"],
                               solver=self.config["solver"],
                               random_state=self.config["random_state"]))

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any
             ) -> "TfidfLogisticRegressionClassifier":
        """Load the trained pipeline; fail loudly rather than fall back to an untrained one."""
        import skops.io as sio

        with model_storage.read_from(resource) as model_dir:
            component = cls(config, execution_context.node_name, model_storage, resource)
            component.clf = sio.load(model_dir / f"{resource.name}.skops",
                                     trusted=cls.TRUSTED_TYPES)
        return component
