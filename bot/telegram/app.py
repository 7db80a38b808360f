"""Building the PTB Application and running it inside the aiohttp app's lifetime."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging

from aiohttp import web

from bot.conversation import Conversations
from bot.ratelimit import make_limits
from bot.settings import Settings
from bot.storage import telegram_updates
from bot.storage.db import DATABASE_ERRORS
from bot.telegram import handlers
from bot.telegram.flood import LIMITS_KEY
from bot.telegram.notify import notify_forever
from bot.telegram.ordering import OneTurnPerChat
from bot.telegram.traces import TRACES_KEY, Traces
from bot.web.keys import (
    CIPHER,
    CONVERSATIONS,
    SESSIONS,
    SETTINGS,
    TELEGRAM_APPLICATION,
    TELEGRAM_STATE,
)
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

log = logging.getLogger(__name__)

CONCURRENT_UPDATES = 64
# Outgoing calls keep under Telegram's limits (30 messages a second overall, 20 a minute per
# group); a "retry after" from Telegram is waited out and the call tried again, this often.
RETRIES_AFTER_FLOOD = 3
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/telegram/webhook"


def build_application(settings: Settings, conversations: Conversations,
                      traces: Traces) -> Application:
    """A PTB application with the bot's handlers, talking to TELEGRAM_API_URL."""
    application = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .base_url(settings.telegram_api_url)
        .concurrent_updates(OneTurnPerChat(CONCURRENT_UPDATES))
        .rate_limiter(AIORateLimiter(max_retries=RETRIES_AFTER_FLOOD))
        .build()
    )
    application.bot_data[handlers.CONVERSATIONS_KEY] = conversations
    application.bot_data[TRACES_KEY] = traces
    application.bot_data[LIMITS_KEY] = make_limits(settings.redis_url)
    handlers.register(application)
    return application


async def telegram_ctx(app: web.Application):
    """Run the bot while the app runs, when a token is configured: polling Telegram, or, with
    TELEGRAM_WEBHOOK_URL, taking updates at /telegram/webhook; and announce staff messages to
    reporters' chats."""
    settings = app[SETTINGS]
    app[TELEGRAM_STATE] = {"state": "disabled"}
    if not settings.telegram_bot_token:
        yield
        return
    traces = Traces(app[SESSIONS], app[CIPHER])
    application = build_application(settings, app[CONVERSATIONS], traces)
    mode = "webhook" if settings.telegram_webhook_url else "polling"
    try:
        await application.initialize()
        await application.start()
        if mode == "webhook":
            await application.bot.set_webhook(settings.telegram_webhook_url,
                                              secret_token=settings.telegram_webhook_secret,
                                              allowed_updates=Update.ALL_TYPES)
            app[TELEGRAM_APPLICATION] = application
        else:
            await application.updater.start_polling(drop_pending_updates=False)
        app[TELEGRAM_STATE]["state"] = mode
    except TelegramError as exc:
        log.error("Telegram did not start (%s); the web chat keeps working", type(exc).__name__)
        app[TELEGRAM_STATE]["state"] = "error"
    running = app[TELEGRAM_STATE]["state"] == mode
    notices = asyncio.create_task(
        notify_forever(application.bot, app[SESSIONS], app[CIPHER], traces)) if running else None
    yield
    if notices:
        notices.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await notices
    if running:
        if mode == "polling":
            await application.updater.stop()
        await application.stop()
        await application.shutdown()
    await application.bot_data[LIMITS_KEY].close()


async def webhook(request: web.Request) -> web.Response:
    """One update from Telegram: refused without the secret it was given, else handled
    before the 200 (so Telegram retries what a crashed replica never finished) and only once
    across replicas."""
    application = request.app.get(TELEGRAM_APPLICATION)
    if application is None:
        raise web.HTTPNotFound()
    sent = request.headers.get(SECRET_HEADER, "")
    if not hmac.compare_digest(sent, request.app[SETTINGS].telegram_webhook_secret):
        raise web.HTTPForbidden(text="wrong or missing secret token")
    try:
        update = Update.de_json(await request.json(), application.bot)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
        raise web.HTTPBadRequest(text="not a Telegram update") from None
    if update is None or type(update.update_id) is not int or not 0 <= update.update_id < 2**63:
        raise web.HTTPBadRequest(text="not a Telegram update")
    if await _claim(request.app, update.update_id):
        await application.update_processor.process_update(update,
                                                          application.process_update(update))
        with contextlib.suppress(*DATABASE_ERRORS):
            await telegram_updates.finish(request.app[SESSIONS], update.update_id)
    return web.Response(text="ok")


async def _claim(app: web.Application, update_id: int) -> bool:
    """Whether to handle the update here; with the database down, yes: a resident answered
    twice is better than one not answered."""
    try:
        return await telegram_updates.claim(app[SESSIONS], update_id)
    except DATABASE_ERRORS as exc:
        log.warning("webhook update handled unclaimed (database: %s)", type(exc).__name__)
        return True
