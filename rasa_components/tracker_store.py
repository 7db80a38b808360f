"""The engine's conversation store, with every event's data encrypted at rest.

Rasa's SQL tracker store keeps each event (the resident's words, the slots, the draft of a
report) as JSON text. This store is the same, but the `data` column is encrypted with
Fernet, under a key the app derives from DATA_KEY and hands to the engine in
TRACKER_STORE_KEYS (the current key first, then any retired by a key rotation, still
accepted for reading). Only the sender's keyed hash, the event type, its time and the
intent or action name stay readable, which is what the store queries by.

An event no key can read (DATA_KEY replaced without DATA_KEY_PREVIOUS) reads as a restart,
so that resident starts afresh instead of being stuck; events written before encryption
(plain JSON) are read as they are.

When the database is away, a message is not answered (the app then answers it itself,
with the topic's guidance and "the service is having problems"): Rasa would otherwise
carry on as if the conversation had just begun, and a resident half way through a report
would be asked the first question again and again. Pooled connections are tested before
use, so the store works again, by itself, as soon as the database is back.
"""

from __future__ import annotations

import itertools
import json
import logging
import os

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import (
    FailSafeTrackerStore,
    SQLTrackerStore,
    _create_sequence,
    create_engine_kwargs,
)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.orm import declarative_base

log = logging.getLogger(__name__)

KEYS_VARIABLE = "TRACKER_STORE_KEYS"
STORED = "_stored_events"  # on a tracker: how many of its events the store holds
UNREADABLE = json.dumps({"event": "restart"})


class Keyring:
    """The keys of the running engine, set when the store is made."""

    fernet: MultiFernet | None = None

    @classmethod
    def load(cls, keys: str) -> None:
        if not keys.strip():
            raise ValueError(f"{KEYS_VARIABLE} is not set: the engine must be started by the app")
        cls.fernet = MultiFernet([Fernet(k.strip()) for k in keys.split(",") if k.strip()])


class EncryptedText(sa.types.TypeDecorator):
    """Text encrypted on the way in and decrypted on the way out."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else Keyring.fernet.encrypt(value.encode()).decode()

    def process_result_value(self, value, dialect):
        if value is None or value.startswith("{"):
            return value
        try:
            return Keyring.fernet.decrypt(value.encode()).decode()
        except InvalidToken:
            log.error("a conversation event could not be decrypted; it reads as a restart")
            return UNREADABLE


Base = declarative_base()


class EncryptedEvent(Base):
    """Rasa's `events` table, column for column, with `data` encrypted."""

    __tablename__ = "events"

    id = sa.Column(sa.Integer, _create_sequence(__tablename__), primary_key=True)
    sender_id = sa.Column(sa.String(255), nullable=False, index=True)
    type_name = sa.Column(sa.String(255), nullable=False)
    timestamp = sa.Column(sa.Float)
    intent_name = sa.Column(sa.String(255))
    action_name = sa.Column(sa.String(255))
    data = sa.Column(EncryptedText)


class EncryptedSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQLTrackerStore (endpoints.yml: type: rasa_components.tracker_store.EncryptedSQLTrackerStore)
    reading and writing the encrypted events table."""

    Base = Base
    SQLEvent = EncryptedEvent

    def __init__(self, *args, **kwargs) -> None:
        Keyring.load(os.environ.get(KEYS_VARIABLE, ""))
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_write_ahead)
            self.engine.dispose()  # connections opened by Rasa's set-up get it too
        else:
            # Rasa's engine keeps connections a database restart has cut, and the next
            # message on each would fail: test each one (SELECT 1) as it leaves the pool.
            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
            self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    # Reading and saving were a third of the engine's time per message under load. Rasa
    # builds an ORM object per stored event to read one column, and before each save
    # counts the stored events again to know which are new. Here only `data` is read, and
    # the tracker remembers how many of its events are stored (`STORED`), so a save adds
    # the rest without counting; a tracker the store did not read is counted as Rasa does.
    # Turns of one conversation never overlap (the engine's lock store), so the number
    # holds from the read to the save.

    async def _retrieve(self, sender_id: str, fetch_events_from_all_sessions: bool):
        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions)
            rows = query.with_entities(self.SQLEvent.data).all()
        if not (self.domain and rows):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, [json.loads(data) for data, in rows],
                                                 self.domain.slots)
        if not fetch_events_from_all_sessions:
            setattr(tracker, STORED, len(tracker.events))
        return tracker

    def _additional_events(self, session, tracker: DialogueStateTracker):
        stored = getattr(tracker, STORED, None)
        if stored is None or stored > len(tracker.events):
            return super()._additional_events(session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def save(self, tracker: DialogueStateTracker) -> None:
        await super().save(tracker)
        setattr(tracker, STORED, len(tracker.events))


def _sqlite_write_ahead(dbapi_connection, _record) -> None:
    """The embedded store commits every message: with a write-ahead log, and syncing to
    disk at checkpoints rather than at each commit, a commit costs 0.03 ms instead of
    1.2 ms of the engine's one event loop. A power cut may lose the last turns of
    conversations (never a report, which the reports database keeps fully synced)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class ConversationStoreUnavailable(Exception):
    """The conversation could not be read or saved: the engine leaves the message unanswered."""


# Rasa wraps every store in FailSafeTrackerStore, which, when a conversation cannot be read,
# goes on with a new one: a resident half way through a report would be asked its first
# question again and again, and told nothing of the problem. For this store, the message
# is left unanswered instead (the REST channel answers it with no messages, and the app
# then answers it itself), also when only the save at the end of the turn failed. Caught
# in the processor, so the REST channel does not log it with the message's text.
_rasa_retrieve_error = FailSafeTrackerStore.on_tracker_store_retrieve_error
_rasa_handle_message = MessageProcessor.handle_message
_rasa_save = FailSafeTrackerStore.save


def _retrieve_error(self: FailSafeTrackerStore, error: Exception) -> None:
    if not isinstance(self._tracker_store, EncryptedSQLTrackerStore):
        return _rasa_retrieve_error(self, error)
    log.error("conversation store unavailable, message left unanswered: %s",
              type(error).__name__)
    raise ConversationStoreUnavailable(type(error).__name__) from error


async def _save(self: FailSafeTrackerStore, tracker) -> None:
    """Rasa's wrapper saves to memory when the store is away, so the next message, once the
    store is back, reads the conversation as it was before: a report sent just before the
    store went away would be offered again, and sent again under the same code. For this
    store the turn fails instead (the app answers it), and the resident sends it again."""
    if not isinstance(self._tracker_store, EncryptedSQLTrackerStore):
        return await _rasa_save(self, tracker)
    try:
        await self._tracker_store.save(tracker)
    except Exception as error:
        log.error("conversation store unavailable, turn not saved: %s", type(error).__name__)
        raise ConversationStoreUnavailable(type(error).__name__) from error


async def _handle_message(self: MessageProcessor, message) -> list | None:
    """A turn whose conversation could not be saved is not answered at all: the REST
    channel would otherwise still send what the turn said (a report's reference code, say)
    while the conversation forgets it, and the resident's next report would be sent under
    that code again, its own account lost. Unanswered, the app answers it, and the resident
    sends it again (a report is stored once per draft, so the same code comes back)."""
    try:
        return await _rasa_handle_message(self, message)
    except ConversationStoreUnavailable:
        if isinstance(message.output_channel, CollectingOutputChannel):
            message.output_channel.messages.clear()
        return None


FailSafeTrackerStore.on_tracker_store_retrieve_error = _retrieve_error
FailSafeTrackerStore.save = _save
MessageProcessor.handle_message = _handle_message
