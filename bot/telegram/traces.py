"""What a quick exit can remove from a Telegram chat: the ids of its recent messages.

Telegram lets a bot delete messages in a private chat, the resident's and its own, for 48
hours. The ids (never the text) of every message in and out are kept in memory per chat,
so a quick exit can delete them in batches. They are lost when the app restarts; the
reply to a quick exit says what could not be removed.
"""

from __future__ import annotations

import logging
import time

from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

log = logging.getLogger(__name__)

DELETABLE_SECONDS = 48 * 3600
BATCH = 100  # Telegram's limit per deleteMessages call
KEPT_PER_CHAT = 1000
MESSAGES_KEY = "message_ids"


def remember(chat_data: dict, message_id: int) -> None:
    """Note a message of the chat, forgetting those too old to delete."""
    now = time.time()
    kept = [(mid, at) for mid, at in chat_data.get(MESSAGES_KEY, [])
            if now - at < DELETABLE_SECONDS and mid != message_id]
    chat_data[MESSAGES_KEY] = [*kept, (message_id, now)][-KEPT_PER_CHAT:]


async def remember_incoming(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every message the resident sends (text, photo, location...), before any handler."""
    message = update.message or update.edited_message
    if message is not None and context.chat_data is not None:
        remember(context.chat_data, message.message_id)


async def remove_chat(bot: Bot, chat_id: int, chat_data: dict) -> int:
    """Delete every remembered message of the chat that Telegram still allows; the number
    of messages asked to be deleted."""
    now = time.time()
    ids = sorted(mid for mid, at in chat_data.pop(MESSAGES_KEY, [])
                 if now - at < DELETABLE_SECONDS)
    for start in range(0, len(ids), BATCH):
        try:
            await bot.delete_messages(chat_id, ids[start:start + BATCH])
        except TelegramError as exc:
            log.warning("could not delete messages: %s", type(exc).__name__)
    return len(ids)
