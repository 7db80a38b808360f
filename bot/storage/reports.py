"""Creating and listing reports. A confirmed report is committed before it is confirmed."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.crypto import DataCipher
from bot.storage.models import Report

# No 0/O, 1/I/L or 5/S look-alikes: codes are read aloud and typed on phones.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
REFERENCE_LENGTH = 12


def new_reference() -> str:
    """A random reference code (29^12, about 2^58, so it cannot be guessed)."""
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def format_reference(reference: str) -> str:
    """ABCD-EFGH-JKMN: easier to read back than twelve letters in a row."""
    return "-".join(reference[i:i + 4] for i in range(0, len(reference), 4))


@dataclass(frozen=True)
class NewReport:
    topic: str
    description: str
    urgent: bool
    reporter: str
    submission_id: str
    details: dict[str, list[str]] = field(default_factory=dict)


async def create_report(sessions: async_sessionmaker, cipher: DataCipher,
                        new: NewReport) -> Report:
    """Store a report once: a repeated submission returns the report already stored."""
    key = cipher.identity(f"submission:{new.reporter}:{new.submission_id}")
    existing = await _by_submission_key(sessions, key)
    if existing is not None:
        return existing
    report = Report(reference=new_reference(), submission_key=key, topic=new.topic,
                    urgent=new.urgent, description_enc=cipher.encrypt(new.description),
                    details=new.details,
                    reporter_key=cipher.identity(f"reporter:{new.reporter}"))
    try:
        async with sessions() as session, session.begin():
            session.add(report)
    except IntegrityError:
        existing = await _by_submission_key(sessions, key)
        if existing is None:
            raise
        return existing
    return report


async def _by_submission_key(sessions: async_sessionmaker, key: str) -> Report | None:
    async with sessions() as session:
        return await session.scalar(select(Report).where(Report.submission_key == key))


async def recent_reports(sessions: async_sessionmaker, limit: int = 100) -> list[Report]:
    """The newest reports first, urgent ones before others of the same day."""
    async with sessions() as session:
        rows = await session.scalars(
            select(Report).order_by(Report.created_at.desc(), Report.urgent.desc()).limit(limit))
        return list(rows)


async def count_reports(sessions: async_sessionmaker) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(Report)) or 0
