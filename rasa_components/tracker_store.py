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
"""

from __future__ import annotations

import json
import logging
import os

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from rasa.core.tracker_store import SQLTrackerStore, _create_sequence
from sqlalchemy.orm import declarative_base

log = logging.getLogger(__name__)

KEYS_VARIABLE = "TRACKER_STORE_KEYS"
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
