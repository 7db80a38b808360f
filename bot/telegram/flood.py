"""Flood protection per chat: a chat sending faster than a person types is slowed down, so
it can't crowd out everyone else's replies. A message the safety net finds urgent always
gets through."""

from __future__ import annotations

import time

from bot import safety
from bot.ratelimit import over_limit
from bot.telegram.traces import TRACES_KEY
from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

SLOW_DOWN = ("You're sending messages very quickly, so I've skipped some. Please wait a few "
             "seconds, then send your message again.")
WARNED_KEY = "flood_warned"


async def flood_guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Before any handler: skip a flooding chat's message (saying so once per flood),
    unless it is urgent."""
    message = update.effective_message
    if message is None or context.chat_data is None or update.effective_chat is None:
        return
    if safety.is_urgent(message.text or ""):
        return
    if not over_limit(context.chat_data, time.monotonic()):
        context.chat_data.pop(WARNED_KEY, None)
        return
    if not context.chat_data.get(WARNED_KEY):
        context.chat_data[WARNED_KEY] = True
        await context.bot_data[TRACES_KEY].send(context.bot, update.effective_chat.id, SLOW_DOWN)
    raise ApplicationHandlerStop
