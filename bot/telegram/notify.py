"""Telling a reporter's Telegram chat that staff wrote about their report.

Only a neutral line is sent, never the message or the reference code: someone else may
see the phone's lock screen. The resident reads the message by giving their code.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.conversation import staff_message_notice
from bot.crypto import DataCipher
from bot.storage import messages
from bot.storage.db import DATABASE_ERRORS
from bot.telegram.traces import Traces
from telegram import Bot
from telegram.error import Forbidden, TelegramError

log = logging.getLogger(__name__)

CHANNEL = "tg"
POLL_SECONDS = 5


async def notify_once(bot: Bot, sessions: async_sessionmaker, cipher: DataCipher,
                      traces: Traces) -> int:
    """Announce every waiting staff message once, even with several app replicas polling (a
    chat that blocked the bot is given up on, and a quick exit deletes the notice too); the
    number of messages dealt with here."""
    told = 0
    for item in await messages.pending_notifications(sessions, cipher, CHANNEL):
        if not await messages.claim_notice(sessions, item.message_id):
            continue  # another replica is telling this chat
        try:
            await traces.send(bot, item.delivery.removeprefix(f"{CHANNEL}:"),
                              staff_message_notice(item.language))
        except Forbidden:
            log.info("staff message notice: the chat has blocked the bot; not retried")
        except TelegramError as exc:
            log.warning("staff message notice not sent, retried later: %s", type(exc).__name__)
            await messages.release_notice(sessions, item.message_id)
            continue
        told += 1
    return told


async def notify_forever(bot: Bot, sessions: async_sessionmaker, cipher: DataCipher,
                         traces: Traces) -> None:
    """Runs with the Telegram bot: a database or Telegram outage only delays notices."""
    while True:
        try:
            await notify_once(bot, sessions, cipher, traces)
        except DATABASE_ERRORS as exc:
            log.warning("staff message notices paused: %s", type(exc).__name__)
        await asyncio.sleep(POLL_SECONDS)
