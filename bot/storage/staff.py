"""Staff accounts: argon2 password hashes, no default passwords."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.storage.models import StaffUser

ROLES = ("viewer", "caseworker", "admin")
MIN_PASSWORD_CHARS = 12
_hasher = PasswordHasher()
# Verified against when the user does not exist, so both paths cost the same time.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


async def set_password(sessions: async_sessionmaker, username: str, password: str,
                       role: str, *, create: bool) -> StaffUser:
    """Create a new account (`create`), or reset the password and role of an existing one."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"password must have at least {MIN_PASSWORD_CHARS} characters")
    async with sessions() as session, session.begin():
        user = await session.scalar(select(StaffUser).where(StaffUser.username == username))
        if create and user is not None:
            raise ValueError(f"account {username!r} exists already: use reset-password")
        if not create and user is None:
            raise ValueError(f"there is no account {username!r}: use create-admin")
        if user is None:
            user = StaffUser(username=username)
            session.add(user)
        user.password_hash = _hasher.hash(password)
        user.role = role
    return user


async def authenticate(sessions: async_sessionmaker, username: str,
                       password: str) -> StaffUser | None:
    """The account if the password is right, else None."""
    async with sessions() as session:
        user = await session.scalar(select(StaffUser).where(StaffUser.username == username))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    return user
