"""The app factory: one process serving the API, the web chat, the staff console and
(when a token is set) the Telegram bot, all in one event loop."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging

import aiohttp
import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp_session import setup as setup_session
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from bot import details, directory, routing, safety, signposting
from bot.conversation import Conversations
from bot.crypto import DataCipher, derive, master_key
from bot.engine import EngineClient
from bot.language import detect, translations
from bot.ratelimit import make_limits
from bot.settings import PROJECT_ROOT, Settings
from bot.storage.db import make_engine, make_sessionmaker
from bot.storage.retention import purge_daily, purge_logged
from bot.storage.trackers import Trackers
from bot.telegram.app import WEBHOOK_PATH, telegram_ctx, webhook
from bot.web import accounts, api, chat, routing_pages, staff, statistics
from bot.web import directory as directory_pages
from bot.web.keys import (
    CIPHER,
    CONVERSATIONS,
    ENGINE,
    HTTP,
    SENDER_LIMITS,
    SESSIONS,
    SETTINGS,
)

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
# Per sender in 10 s: buttons can be pressed quicker than messages are typed. Limits per
# address belong to the reverse proxy (behind it, every request comes from the proxy).
MAX_WEB_MESSAGES = 30
STAFF_SESSION_SECONDS = 8 * 3600


async def database_ctx(app: web.Application):
    """One async engine and sessionmaker for the app's lifetime."""
    engine = make_engine(app[SETTINGS].database)
    app[SESSIONS] = make_sessionmaker(engine)
    yield
    await engine.dispose()


async def limits_ctx(app: web.Application):
    """Each web sender's message window: in Redis when configured, shared by replicas."""
    app[SENDER_LIMITS] = make_limits(app[SETTINGS].redis_url, MAX_WEB_MESSAGES)
    yield
    await app[SENDER_LIMITS].close()


async def retention_ctx(app: web.Application):
    """Delete closed reports past the retention period, at start-up and then daily (the
    first run is awaited, so no query is left running when a short-lived app stops)."""
    await purge_logged(app[SESSIONS], app[SETTINGS].retention_days)
    task = asyncio.create_task(purge_daily(app[SESSIONS], app[SETTINGS].retention_days))
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def engine_client_ctx(app: web.Application):
    """One HTTP client session to the engine and the action server, and the engine's
    tracker store (a quick exit deletes the conversation from it)."""
    settings = app[SETTINGS]
    trackers = Trackers(settings.tracker_store)
    async with aiohttp.ClientSession() as http:
        app[HTTP] = http
        app[ENGINE] = EngineClient(http, settings.engine_urls, settings.engine_token,
                                   settings.engine_timeout)
        app[CONVERSATIONS] = Conversations(app[ENGINE], app[CIPHER], trackers,
                                           settings.case_review_figures)
        yield
    await trackers.dispose()


def warn_stale(loaded: directory.Directory) -> None:
    """Staff see entries not verified for about 6 months (`python -m bot directory` lists
    them); the bot keeps using them until they are corrected."""
    stale = loaded.stale(dt.date.today())
    if stale:
        log.warning("directory: %d entries not verified for 6 months: %s", len(stale),
                    ", ".join(f"{kind} {entry_id}" for kind, entry_id, _ in stale))


def create_app(settings: Settings | None = None) -> web.Application:
    """Build the application; nothing connects until it starts (see the cleanup contexts)."""
    settings = settings or Settings.from_env()
    # A broken directory, signposting, details or routing file stops start-up here, with
    # its message.
    warn_stale(directory.default())
    signposting.default()
    details.default()
    routing.default()
    # The safety net's words and the language identifier load here, not at a resident's
    # first message (about 2 s); a broken pattern or translation stops start-up too.
    safety.nets()
    translations.default()
    detect("warm up")
    master = master_key(settings)
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[api.json_errors])
    app[SETTINGS] = settings
    app[CIPHER] = DataCipher.from_settings(settings)
    setup_session(app, EncryptedCookieStorage(
        derive(master, "staff-session"), cookie_name="staff_session",
        max_age=STAFF_SESSION_SECONDS, httponly=True, samesite="Strict", path="/staff",
        secure=settings.staff_cookie_secure))
    aiohttp_jinja2.setup(app, autoescape=True,
                         loader=jinja2.FileSystemLoader(PROJECT_ROOT / "bot" / "templates"))
    app.cleanup_ctx.extend([database_ctx, limits_ctx, retention_ctx, engine_client_ctx,
                            telegram_ctx])
    app.add_routes(api.routes)
    app.add_routes(chat.routes)
    app.add_routes(staff.routes)
    app.add_routes(directory_pages.routes)
    app.add_routes(statistics.routes)
    app.add_routes(routing_pages.routes)
    app.add_routes(accounts.routes)
    app.router.add_post(WEBHOOK_PATH, webhook)
    app.router.add_static("/static", PROJECT_ROOT / "bot" / "static")
    return app
