"""Staff accounts: argon2 password hashes, no default passwords, lock-out after repeated
failed sign-ins, and signing an account out everywhere."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.crypto import DataCipher
from bot.storage.models import StaffLoginFailure, StaffUser, as_utc, utcnow
from bot.topics import TOPICS

ROLES = ("viewer", "caseworker", "admin")
MIN_PASSWORD_CHARS = 12
# Names appear in the audit trail, which holds identifiers only: no spaces, no e-mail addresses.
USERNAME = re.compile(r"[A-Za-z0-9_.-]{2,64}")
# An account name with this many failed sign-ins in the window is locked (a right password
# is refused too): guessing is hopeless, and a mistyping person waits 15 minutes at most.
LOCK_AFTER_FAILURES = 5
LOCK_WINDOW = dt.timedelta(minutes=15)
_hasher = PasswordHasher()
# Verified against when the user does not exist, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


@dataclass(frozen=True)
class SignIn:
    """What a sign-in attempt gave: the account, or whether the name is locked out."""

    user: StaffUser | None
    locked: bool = False


def account_key(cipher: DataCipher, username: str) -> str:
    """The keyed hash failed sign-ins are counted under (no account names in that table)."""
    return cipher.identity(f"staff:{username.strip().lower()}")


async def set_password(sessions: async_sessionmaker, username: str, password: str,
                       role: str | None, *, create: bool,
                       topics: Iterable[str] | None = None) -> StaffUser:
    """Create a new account (`create`), or reset the password of an existing one (which
    signs it out everywhere). `role` and `topics` (whose reports a caseworker handles):
    None keeps them; a new account needs a role and starts with no topics."""
    if create and not USERNAME.fullmatch(username):
        raise ValueError("a username is 2 to 64 letters, digits, dots, dashes or underscores")
    if (role is None and create) or (role is not None and role not in ROLES):
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"password must have at least {MIN_PASSWORD_CHARS} characters")
    topics = None if topics is None else _checked_topics(topics)
    async with sessions() as session, session.begin():
        user = await session.scalar(select(StaffUser).where(StaffUser.username == username))
        if create and user is not None:
            raise ValueError(f"account {username!r} exists already: use reset-password")
        if not create and user is None:
            raise ValueError(f"there is no account {username!r}: use create-user")
        if user is None:
            user = StaffUser(username=username, topics=[], session_epoch=0)
            session.add(user)
        else:
            user.session_epoch += 1
        user.password_hash = _hasher.hash(password)
        user.role = role or user.role
        if topics is not None:
            user.topics = topics
    return user


def _checked_topics(topics: Iterable[str]) -> list[str]:
    chosen = sorted({t.strip() for t in topics if t.strip()})
    unknown = [t for t in chosen if t not in TOPICS]
    if unknown:
        raise ValueError(f"unknown topics {', '.join(unknown)}: use {', '.join(TOPICS)}")
    return chosen


async def authenticate(sessions: async_sessionmaker, username: str, password: str,
                       account_key: str, now: dt.datetime | None = None) -> SignIn:
    """The account if the password is right and the name is not locked out. Failures are
    counted by `account_key` (a keyed hash of the name), for names with no account too, so
    a lock-out tells nothing about which names exist."""
    now = as_utc(now or utcnow())
    async with sessions() as session:
        user = await session.scalar(select(StaffUser).where(StaffUser.username == username))
        failures = await session.scalar(select(func.count()).where(
            StaffLoginFailure.account_key == account_key, StaffLoginFailure.at > now - LOCK_WINDOW))
    if failures >= LOCK_AFTER_FAILURES:
        return SignIn(None, locked=True)
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        await _record_failure(sessions, account_key, now)
        return SignIn(None, locked=failures + 1 >= LOCK_AFTER_FAILURES)
    await clear_failures(sessions, account_key)
    return SignIn(user)


async def _record_failure(sessions: async_sessionmaker, account_key: str, now: dt.datetime) -> None:
    async with sessions() as session, session.begin():
        await session.execute(delete(StaffLoginFailure).where(
            StaffLoginFailure.at <= now - LOCK_WINDOW))
        session.add(StaffLoginFailure(account_key=account_key, at=now))


async def clear_failures(sessions: async_sessionmaker, account_key: str) -> None:
    """After a good sign-in or a password reset, the name starts with a clean slate."""
    async with sessions() as session, session.begin():
        await session.execute(delete(StaffLoginFailure).where(
            StaffLoginFailure.account_key == account_key))


async def account(sessions: async_sessionmaker, user_id: int) -> StaffUser | None:
    """The account as it is now (its role, topics and session epoch may have changed)."""
    async with sessions() as session:
        return await session.get(StaffUser, user_id)


async def sign_out_everywhere(sessions: async_sessionmaker, user_id: int) -> None:
    """Void every session of the account, on every device."""
    async with sessions() as session, session.begin():
        await session.execute(update(StaffUser).where(StaffUser.id == user_id)
                              .values(session_epoch=StaffUser.session_epoch + 1))


def handles(role: str, topics: list[str], topic: str) -> bool:
    """Whether an account handles reports of `topic`: admins every topic, a caseworker
    their own."""
    return role == "admin" or (role == "caseworker" and topic in topics)


async def handlers_of(sessions: async_sessionmaker, topic: str) -> list[str]:
    """Usernames a report of `topic` can be assigned to."""
    async with sessions() as session:
        users = await session.scalars(select(StaffUser).order_by(StaffUser.username))
        return [u.username for u in users if handles(u.role, u.topics, topic)]
