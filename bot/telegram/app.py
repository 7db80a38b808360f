"""Building the PTB Application and running it inside the aiohttp app's lifetime."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from aiohttp import web

from bot.conversation import Conversations
from bot.settings import Settings
from bot.telegram import handlers
from bot.telegram.notify import notify_forever
from bot.web.keys import CIPHER, CONVERSATIONS, SESSIONS, SETTINGS, TELEGRAM_STATE
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationBuilder

log = logging.getLogger(__name__)


def build_application(settings: Settings, conversations: Conversations) -> Application:
    """A PTB application with the bot's handlers, talking to TELEGRAM_API_URL."""
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_url)
        .build()
    )
    application.bot_data[handlers.CONVERSATIONS_KEY] = conversations
    handlers.register(application)
    return application


async def telegram_ctx(app: web.Application):
    """Poll Telegram while the app runs, when a token is configured, and announce staff
    messages to reporters' chats."""
    settings = app[SETTINGS]
    app[TELEGRAM_STATE] = {"state": "disabled"}
    if not settings.telegram_bot_token:
        yield
        return
    application = build_application(settings, app[CONVERSATIONS])
    try:
        await application.initialize()
        await application.start()
        await application.updater.start_polling(drop_pending_updates=False)
        app[TELEGRAM_STATE]["state"] = "polling"
    except TelegramError as exc:
        log.error("Telegram did not start (%s); the web chat keeps working", type(exc).__name__)
        app[TELEGRAM_STATE]["state"] = "error"
    notices = None
    if app[TELEGRAM_STATE]["state"] == "polling":
        notices = asyncio.create_task(notify_forever(application.bot, app[SESSIONS], app[CIPHER]))
    yield
    if notices:
        notices.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await notices
    if app[TELEGRAM_STATE]["state"] == "polling":
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
