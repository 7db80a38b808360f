"""Keys for data at rest: one master key, from which purpose-bound keys are derived.

Free text and contact details are encrypted with Fernet; chat identities are kept only as
keyed hashes; the staff session cookie and the engine's conversation store have keys of
their own. All come from one master key (DATA_KEY, or a key file made on first run with
owner-only permissions).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.settings import Settings

KEY_FILE_NAME = "data.key"


def master_key(settings: Settings) -> bytes:
    """DATA_KEY if set, else the key file, created (0600) the first time it is needed."""
    if settings.data_key:
        return _decode(settings.data_key, "DATA_KEY")
    path = settings.var_dir / KEY_FILE_NAME
    if not path.exists():
        _create_key_file(path)
    return _decode(path.read_text().strip(), str(path))


def _create_key_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w") as fh:
        fh.write(Fernet.generate_key().decode() + "\n")


def _decode(value: str, where: str) -> bytes:
    try:
        key = base64.urlsafe_b64decode(value.encode())
    except ValueError:
        key = b""
    if len(key) != 32:
        raise SystemExit(f"{where}: not a Fernet key (32 bytes, urlsafe base64)")
    return key


def derive(master: bytes, purpose: str) -> bytes:
    """A 32-byte key for one purpose, so no key is ever used for two things."""
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=purpose.encode()).derive(master)


def previous_keys(settings: Settings) -> list[bytes]:
    """Master keys retired by a rotation, still accepted for reading (DATA_KEY_PREVIOUS)."""
    return [_decode(k.strip(), "DATA_KEY_PREVIOUS")
            for k in settings.data_key_previous.split(",") if k.strip()]


def tracker_store_keys(settings: Settings) -> str:
    """The engine's keys for its conversation store (rasa_components/tracker_store.py), as
    it reads them from TRACKER_STORE_KEYS: the current one first, then any retired by a
    rotation, so conversations under way survive one."""
    masters = [master_key(settings), *previous_keys(settings)]
    return ",".join(base64.urlsafe_b64encode(derive(m, "tracker-store")).decode() for m in masters)


def _text_key(master: bytes) -> Fernet:
    return Fernet(base64.urlsafe_b64encode(derive(master, "text-at-rest")))


class DataCipher:
    """Encrypts free text at rest and hashes identities, with keys derived from the master.

    Text is written with the current master key and read with it or any previous one, so
    a key rotation can re-encrypt stored text (`python -m bot rotate-key`).
    """

    def __init__(self, master: bytes, previous: list[bytes] | tuple = ()) -> None:
        self._fernet = MultiFernet([_text_key(master), *(_text_key(k) for k in previous)])
        self._id_key = derive(master, "identity-hash")

    @classmethod
    def from_settings(cls, settings: Settings) -> DataCipher:
        return cls(master_key(settings), previous_keys(settings))

    def encrypt(self, text: str) -> str:
        return self._fernet.encrypt(text.encode()).decode()

    def reencrypt(self, token: str) -> str:
        """The same text under the current key (for a key rotation)."""
        try:
            return self._fernet.rotate(token.encode()).decode()
        except InvalidToken as exc:
            raise ValueError("stored text cannot be decrypted with these keys") from exc

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode()).decode()
        except InvalidToken as exc:
            raise ValueError("stored text cannot be decrypted with this DATA_KEY") from exc

    def identity(self, value: str) -> str:
        """A keyed hash that stands for an identity (chat id, sender) without revealing it."""
        return hmac.new(self._id_key, value.encode(), hashlib.sha256).hexdigest()
