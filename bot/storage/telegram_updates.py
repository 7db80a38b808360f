"""Telegram webhook updates, each handled once however many app replicas take them.

Telegram posts an update again when it gets no 200 in time, and behind the load balancer
the retry may reach another replica. A replica claims the update's id in the database
before handling it and marks it done after; a second arrival of a claimed id is not
handled again, unless the claim is older than LEASE and not done (the replica that took it
died), so an update is never dropped because its first replica crashed. Ids are forgotten
after 48 hours, when Telegram has long stopped retrying.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.storage.models import TelegramUpdate, as_utc, utcnow

LEASE = dt.timedelta(seconds=60)
KEPT = dt.timedelta(hours=48)


async def claim(sessions: async_sessionmaker, update_id: int,
                now: dt.datetime | None = None) -> bool:
    """True when this replica is to handle the update (first to claim it, or taking over a
    claim abandoned for longer than LEASE)."""
    now = as_utc(now or utcnow())
    try:
        async with sessions() as session, session.begin():
            session.add(TelegramUpdate(update_id=update_id, claimed_at=now, done=False))
        return True
    except IntegrityError:
        async with sessions() as session, session.begin():
            taken = await session.execute(
                update(TelegramUpdate)
                .where(TelegramUpdate.update_id == update_id, TelegramUpdate.done.is_(False),
                       TelegramUpdate.claimed_at < now - LEASE)
                .values(claimed_at=now))
        return taken.rowcount == 1


async def finish(sessions: async_sessionmaker, update_id: int) -> None:
    async with sessions() as session, session.begin():
        await session.execute(update(TelegramUpdate).where(TelegramUpdate.update_id == update_id)
                              .values(done=True))


async def prune(sessions: async_sessionmaker, now: dt.datetime | None = None) -> int:
    """Forget ids older than Telegram's retries; how many were forgotten."""
    cutoff = as_utc(now or utcnow()) - KEPT
    async with sessions() as session, session.begin():
        result = await session.execute(delete(TelegramUpdate)
                                       .where(TelegramUpdate.claimed_at <= cutoff))
    return result.rowcount
