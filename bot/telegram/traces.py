"""What a quick exit can remove from a Telegram chat: its recent messages, by id.

Every message in and out of a chat is noted (its id, never its text) in the database, see
`bot.storage.chat_traces`; a quick exit deletes them in batches. A database outage only
means those messages cannot be deleted later: the reply to a quick exit says what may
remain, and a chat is never left unanswered because of it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.crypto import DataCipher
from bot.storage import chat_traces
from bot.storage.db import DATABASE_ERRORS
from telegram import Bot, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

log = logging.getLogger(__name__)

BATCH = 100  # Telegram's limit per deleteMessages call
TRACES_KEY = "traces"


@dataclass
class Traces:
    """The chats' message ids, keyed by a keyed hash of the chat so no Telegram id is stored."""

    sessions: async_sessionmaker
    cipher: DataCipher

    def chat_key(self, chat_id: int | str) -> str:
        return self.cipher.identity(f"tg:{chat_id}")

    async def remember(self, chat_id: int | str, *message_ids: int) -> None:
        try:
            await chat_traces.remember(self.sessions, self.chat_key(chat_id), message_ids)
        except DATABASE_ERRORS as exc:
            log.warning("message ids not noted for a quick exit: %s", type(exc).__name__)

    async def send(self, bot: Bot, chat_id: int | str, text: str,
                   markup: InlineKeyboardMarkup | None = None) -> Message:
        """Send a message and note its id, so a quick exit can delete it."""
        sent = await bot.send_message(chat_id, text, reply_markup=markup)
        await self.remember(chat_id, sent.message_id)
        return sent

    async def remove_chat(self, bot: Bot, chat_id: int) -> int:
        """Delete every noted message of the chat that Telegram still allows; how many were
        asked to be deleted."""
        try:
            ids = await chat_traces.take(self.sessions, self.chat_key(chat_id))
        except DATABASE_ERRORS as exc:
            log.warning("message ids for a quick exit not read: %s", type(exc).__name__)
            return 0
        for start in range(0, len(ids), BATCH):
            try:
                await bot.delete_messages(chat_id, ids[start:start + BATCH])
            except TelegramError as exc:
                log.warning("could not delete messages: %s", type(exc).__name__)
        return len(ids)


async def remember_incoming(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every message the resident sends (text, photo, location...), before any handler."""
    message = update.message or update.edited_message
    if message is not None:
        await context.bot_data[TRACES_KEY].remember(message.chat_id, message.message_id)
