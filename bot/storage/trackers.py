"""The engine's tracker store, for the one thing the app does to it: forget a conversation.

A quick exit must leave no text of the conversation in any store. The engine keeps each
conversation's events (messages, slots, the draft of a report) in its SQL tracker store;
deleting that conversation's rows removes them all. Confirmed reports live in the reports
database and are not touched.
"""

from __future__ import annotations

import logging

from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from bot.storage.db import DATABASE_ERRORS

log = logging.getLogger(__name__)

ASYNC_DRIVERS = {"sqlite://": "sqlite+aiosqlite://", "postgresql://": "postgresql+asyncpg://"}


def async_url(url: str) -> str:
    """The engine's (synchronous) store URL with the async driver the app uses."""
    for plain, driver in ASYNC_DRIVERS.items():
        if url.startswith(plain):
            return driver + url[len(plain):]
    return url


class Trackers:
    def __init__(self, url: str) -> None:
        # Connections are tested as they leave the pool: a database restart leaves them cut.
        self._engine: AsyncEngine = create_async_engine(async_url(url), pool_pre_ping=True)

    async def forget(self, sender_id: str) -> bool:
        """Delete every event of the conversation (none to delete before the engine made its
        store); False (logged) if the store failed."""
        try:
            async with self._engine.begin() as conn:
                if not await conn.run_sync(lambda sync: inspect(sync).has_table("events")):
                    return True
                await conn.execute(text("DELETE FROM events WHERE sender_id = :sender"),
                                   {"sender": sender_id})
        except DATABASE_ERRORS as exc:
            log.error("could not forget a conversation: %s", type(exc).__name__)
            return False
        return True

    async def dispose(self) -> None:
        await self._engine.dispose()
