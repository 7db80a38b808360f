"""Flood protection per chat: a chat sending faster than a person types is slowed down, so
it can't crowd out everyone else's replies. A message the safety net finds urgent always
gets through."""

from __future__ import annotations

from bot import safety, signposting
from bot.language import Language
from bot.telegram.traces import TRACES_KEY
from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

SLOW_DOWN = signposting.words("telegram.slow_down")
WARNED_KEY = "flood_warned"
LIMITS_KEY = "flood_limits"  # bot_data: bot.ratelimit's windows (in Redis with replicas)


async def flood_guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Before any handler: skip a flooding chat's message (saying so once per flood),
    unless it is urgent."""
    message = update.effective_message
    if message is None or context.chat_data is None or update.effective_chat is None:
        return
    if safety.is_urgent(message.text or ""):
        return
    chat_key = context.bot_data[TRACES_KEY].chat_key(update.effective_chat.id)
    if not await context.bot_data[LIMITS_KEY].over(f"tg:{chat_key}"):
        context.chat_data.pop(WARNED_KEY, None)
        return
    if not context.chat_data.get(WARNED_KEY):
        context.chat_data[WARNED_KEY] = True
        language = context.chat_data.get("language") or Language()
        await context.bot_data[TRACES_KEY].send(
            context.bot, update.effective_chat.id,
            signposting.words("telegram.slow_down", language.code))
    raise ApplicationHandlerStop
