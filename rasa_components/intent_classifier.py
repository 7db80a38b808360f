"""Intent classifier: Rasa's logistic regression over TF-IDF-weighted pipeline features."""

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
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
    """

    # TF-IDF keeps its weights as a sparse matrix, which skops does not trust by default.
    TRUSTED_TYPES = ["scipy.sparse._csr.csr_matrix"]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 10.0}

    def __init__(self, config: dict[str, Any], name: str, model_storage: ModelStorage,
                 resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        self.clf = make_pipeline(
            TfidfTransformer(sublinear_tf=True),
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
