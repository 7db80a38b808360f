"""Retention: closed reports are deleted a configurable number of days after they closed.

Run by `python -m bot purge` and once a day by the app; only an audit line (without any
content) outlives a purged report. The app's run also forgets the ids of Telegram
messages too old for a quick exit to delete.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.storage import chat_traces, telegram_updates
from bot.storage.db import DATABASE_ERRORS
from bot.storage.models import Report, as_utc, utcnow
from bot.storage.reports import audit_event

log = logging.getLogger(__name__)

CLOSED = "closed"
DAY_SECONDS = 24 * 3600


async def purge_closed(sessions: async_sessionmaker, days: int,
                       now: dt.datetime | None = None) -> int:
    """Delete reports closed (last changed) more than `days` ago; how many were deleted."""
    cutoff = as_utc(now or utcnow()) - dt.timedelta(days=days)
    async with sessions() as session, session.begin():
        old = (await session.execute(select(Report.id, Report.reference, Report.topic).where(
            Report.status == CLOSED, Report.updated_at < cutoff))).all()
        session.add_all(audit_event("system", "report_purged", reference,
                                    {"topic": topic, "after_days": days})
                        for _, reference, topic in old)
        if old:
            await session.execute(delete(Report).where(Report.id.in_([i for i, _, _ in old])))
    return len(old)


async def purge_logged(sessions: async_sessionmaker, days: int) -> None:
    """One run as the app does it (closed reports, chat message ids too old for a quick exit
    to delete, Telegram update ids past its retries): a database outage only postpones it
    to the next run."""
    try:
        purged = await purge_closed(sessions, days)
        if purged:
            log.info("retention: %d closed reports deleted", purged)
        await chat_traces.prune(sessions)
        await telegram_updates.prune(sessions)
    except DATABASE_ERRORS as exc:
        log.warning("retention run failed: %s", type(exc).__name__)


async def purge_daily(sessions: async_sessionmaker, days: int) -> None:
    """The app's daily run, after the one it makes at start-up."""
    while True:
        await asyncio.sleep(DAY_SECONDS)
        await purge_logged(sessions, days)
