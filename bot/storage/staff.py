"""Staff accounts: argon2 password hashes, no default passwords, lock-out after repeated
failed sign-ins, signing an account out everywhere, and what admins change in the console:
one-time passwords, roles and topics, disabling (never the last active admin)."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.crypto import DataCipher
from bot.storage.models import StaffLoginFailure, StaffUser, as_utc, utcnow
from bot.storage.reports import REFERENCE_ALPHABET
from bot.topics import TOPICS

ROLES = ("viewer", "caseworker", "admin")
MIN_PASSWORD_CHARS = 12
# Names appear in the audit trail, which holds identifiers only: no spaces, no e-mail
# addresses; and in the console's paths, so they start with a letter or digit (no "..").
USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{1,63}")
# An account name with this many failed sign-ins in the window is locked (a right password
# is refused too): guessing is hopeless, and a mistyping person waits 15 minutes at most.
LOCK_AFTER_FAILURES = 5
LOCK_WINDOW = dt.timedelta(minutes=15)
_hasher = PasswordHasher()
# Verified against when the user does not exist, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")
# Passwords an admin is shown once, to read out or paste: the reference codes' alphabet (no
# 0/o, 1/i/l or 5/s look-alikes), in 5 groups of 4 (29^20, about 2^97).
ONE_TIME_ALPHABET = REFERENCE_ALPHABET.lower()
ONE_TIME_GROUPS = 5


class AccountError(ValueError):
    """A change to an account that is refused; the message says why, to an admin."""


@dataclass(frozen=True)
class SignIn:
    """What a sign-in attempt gave: the account, or whether the name is locked out."""

    user: StaffUser | None
    locked: bool = False


def one_time_password() -> str:
    """A random password for an admin to hand over, e.g. "k7dq-hx3m-..."."""
    return "-".join("".join(secrets.choice(ONE_TIME_ALPHABET) for _ in range(4))
                    for _ in range(ONE_TIME_GROUPS))


def account_key(cipher: DataCipher, username: str) -> str:
    """The keyed hash failed sign-ins are counted under (no account names in that table)."""
    return cipher.identity(f"staff:{username.strip().lower()}")


async def set_password(sessions: async_sessionmaker, username: str, password: str,
                       role: str | None, *, create: bool,
                       topics: Iterable[str] | None = None,
                       must_change: bool = False) -> StaffUser:
    """Create a new account (`create`), or reset the password of an existing one (which
    signs it out everywhere). `role` and `topics` (whose reports a caseworker handles):
    None keeps them; a new account needs a role and starts with no topics. `must_change`:
    the owner must choose their own password at their next sign-in."""
    if create and not USERNAME.fullmatch(username):
        raise ValueError("a username is 2 to 64 letters, digits, dots, dashes or underscores, "
                         "starting with a letter or digit")
    if (role is None and create) or (role is not None and role not in ROLES):
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"password must have at least {MIN_PASSWORD_CHARS} characters")
    topics = None if topics is None else _checked_topics(topics)
    async with sessions() as session, session.begin():
        user = await session.scalar(select(StaffUser).where(
            func.lower(StaffUser.username) == username.lower() if create
            else StaffUser.username == username))
        if create and user is not None:  # (lock-outs are counted by the name in lower case)
            raise AccountError(f"account {user.username!r} exists already: reset its password instead")
        if not create and user is None:
            raise ValueError(f"there is no account {username!r}: use create-user")
        if user is None:
            user = StaffUser(username=username, topics=[], session_epoch=0)
            session.add(user)
        else:
            user.session_epoch += 1
        user.password_hash = _hasher.hash(password)
        user.must_change_password = must_change
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
        failures = (await _recent_failures(session, [account_key], now)).get(account_key, 0)
    if user is not None and user.disabled_at is not None:
        user = None  # refused like a name with no account: same message, same time
    if failures >= LOCK_AFTER_FAILURES:
        return SignIn(None, locked=True)
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        await _record_failure(sessions, account_key, now)
        return SignIn(None, locked=failures + 1 >= LOCK_AFTER_FAILURES)
    await clear_failures(sessions, account_key)
    return SignIn(user)


async def _recent_failures(session, keys: list[str], now: dt.datetime) -> dict[str, int]:
    """Failed sign-ins in the lock-out window, by account key."""
    rows = await session.execute(
        select(StaffLoginFailure.account_key, func.count())
        .where(StaffLoginFailure.account_key.in_(keys), StaffLoginFailure.at > now - LOCK_WINDOW)
        .group_by(StaffLoginFailure.account_key))
    return dict(rows.tuples().all())


async def locked_out(sessions: async_sessionmaker, keys: Iterable[str],
                     now: dt.datetime | None = None) -> set[str]:
    """Which of these account keys are locked out now."""
    now = as_utc(now or utcnow())
    async with sessions() as session:
        counts = await _recent_failures(session, list(keys), now)
    return {key for key, count in counts.items() if count >= LOCK_AFTER_FAILURES}


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
    """Usernames a report of `topic` can be assigned to (disabled accounts are not)."""
    async with sessions() as session:
        users = await session.scalars(select(StaffUser).where(StaffUser.disabled_at.is_(None))
                                      .order_by(StaffUser.username))
        return [u.username for u in users if handles(u.role, u.topics, topic)]


async def accounts(sessions: async_sessionmaker) -> list[StaffUser]:
    """Every account, by name."""
    async with sessions() as session:
        return list(await session.scalars(select(StaffUser).order_by(StaffUser.username)))


async def find(sessions: async_sessionmaker, username: str) -> StaffUser | None:
    async with sessions() as session:
        return await session.scalar(select(StaffUser).where(StaffUser.username == username))


async def create_account(sessions: async_sessionmaker, username: str, role: str,
                         topics: Iterable[str]) -> tuple[StaffUser, str]:
    """A new account with a one-time password (returned, to be shown once): its owner
    chooses their own at the first sign-in. Topics are kept for caseworkers only."""
    password = one_time_password()
    user = await set_password(sessions, username, password, role, create=True,
                              topics=topics if role == "caseworker" else [], must_change=True)
    return user, password


async def reset_password(sessions: async_sessionmaker, username: str) -> tuple[StaffUser, str]:
    """A new one-time password for the account (returned, to be shown once): it is signed
    out everywhere and must choose its own password at the next sign-in."""
    password = one_time_password()
    user = await set_password(sessions, username, password, None, create=False,
                              must_change=True)
    return user, password


async def change_access(sessions: async_sessionmaker, username: str, role: str,
                        topics: Iterable[str]) -> tuple[StaffUser, str] | None:
    """Give the account this role and these topics (kept for caseworkers only); the
    account and its previous role, or None if there is no such account. The last active
    admin cannot be demoted. It applies from the account's next page."""
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    topics = _checked_topics(topics) if role == "caseworker" else []
    async with sessions() as session, session.begin():
        user, other_admins = await _account_and_admins(session, username)
        if user is None:
            return None
        previous = user.role
        if role != "admin":
            _keep_an_admin(user, other_admins, "demoted")
        user.role, user.topics = role, topics
    return user, previous


async def set_disabled(sessions: async_sessionmaker, username: str, disabled: bool,
                       now: dt.datetime | None = None) -> StaffUser | None:
    """Disable the account (it is signed out everywhere and cannot sign in, but stays for
    the audit trail and past assignments) or enable it again; None if there is no such
    account. The last active admin cannot be disabled."""
    async with sessions() as session, session.begin():
        user, other_admins = await _account_and_admins(session, username)
        if user is None:
            return None
        if disabled and user.disabled_at is None:
            _keep_an_admin(user, other_admins, "disabled")
            user.disabled_at = as_utc(now or utcnow())
            user.session_epoch += 1
        elif not disabled:
            user.disabled_at = None
    return user


async def _account_and_admins(session, username: str) -> tuple[StaffUser | None, list[StaffUser]]:
    """The account and the other active admins, locked until the transaction ends, so two
    admins demoting each other at once cannot leave nobody in charge."""
    rows = list(await session.scalars(
        select(StaffUser).where(or_(StaffUser.username == username,
                                    and_(StaffUser.role == "admin",
                                         StaffUser.disabled_at.is_(None))))
        .order_by(StaffUser.id).with_for_update()))
    user = next((u for u in rows if u.username == username), None)
    return user, [u for u in rows if u is not user]


def _keep_an_admin(user: StaffUser, other_admins: list[StaffUser], change: str) -> None:
    if user.role == "admin" and user.disabled_at is None and not other_admins:
        raise AccountError(f"{user.username} is the last active admin and cannot be {change}: "
                           "make another account admin first")
