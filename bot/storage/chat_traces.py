"""The ids of recent messages in Telegram chats, so that a quick exit can delete them.

Telegram lets a bot delete the messages of a private chat, the resident's and its own, for
48 hours. Only a keyed hash of the chat and the message ids are stored, never text. They
are kept in the database, not in memory, so that they outlive an app restart and every
app replica sees them; the daily retention run prunes ids too old to delete.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.storage.models import ChatTrace, as_utc, utcnow

DELETABLE = dt.timedelta(hours=48)


async def remember(sessions: async_sessionmaker, chat_key: str, message_ids: Iterable[int],
                   now: dt.datetime | None = None) -> None:
    """Note messages of the chat as sent or received now."""
    at = as_utc(now or utcnow())
    async with sessions() as session, session.begin():
        session.add_all(ChatTrace(chat_key=chat_key, message_id=mid, at=at) for mid in message_ids)


async def take(sessions: async_sessionmaker, chat_key: str,
               now: dt.datetime | None = None) -> list[int]:
    """Every id of the chat that can still be deleted, oldest first; the chat's ids leave
    the store as they are handed out."""
    cutoff = as_utc(now or utcnow()) - DELETABLE
    async with sessions() as session, session.begin():
        rows = (await session.execute(
            delete(ChatTrace).where(ChatTrace.chat_key == chat_key)
            .returning(ChatTrace.message_id, ChatTrace.at))).all()
    return sorted({mid for mid, at in rows if as_utc(at) > cutoff})


async def prune(sessions: async_sessionmaker, now: dt.datetime | None = None) -> int:
    """Forget ids too old to delete; how many were forgotten."""
    cutoff = as_utc(now or utcnow()) - DELETABLE
    async with sessions() as session, session.begin():
        result = await session.execute(delete(ChatTrace).where(ChatTrace.at <= cutoff))
    return result.rowcount
