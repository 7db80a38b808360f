"""The HTTP contract: /healthz, /api/chat and /api/classify (see the README)."""

from __future__ import annotations

import asyncio
import logging
import re

import aiohttp
import aiohttp_jinja2
from aiohttp import web
from sqlalchemy import text

from bot import safety, signposting
from bot.conversation import (
    MAX_MESSAGE_CHARS,
    SHARE_LOCATION,
    command_payload,
    staff_message_notice,
)
from bot.engine import EngineUnavailable
from bot.language import LANGUAGES, Language, detect
from bot.ratelimit import WINDOW_SECONDS
from bot.storage import db, messages
from bot.topics import classify
from bot.web.chat import NO_STORE
from bot.web.keys import (
    CIPHER,
    CONVERSATIONS,
    ENGINE,
    HTTP,
    SENDER_LIMITS,
    SESSIONS,
    SETTINGS,
    TELEGRAM_STATE,
)

log = logging.getLogger(__name__)
routes = web.RouteTableDef()

MAX_SENDER_CHARS = 128
LANGUAGE_CHOSEN_HEADER = "X-Language-Chosen"  # "true": the resident chose the language
_SURROGATE = re.compile("[\ud800-\udfff]")
HEALTH_TIMEOUT = aiohttp.ClientTimeout(total=3)
DATABASE_AWAY = "the database is unavailable just now, please try again in a minute"
RETRY_AFTER_SECONDS = 30


class BadRequest(Exception):
    """A request the API refuses with 400 and this message."""


@web.middleware
async def json_errors(request: web.Request, handler):
    """API errors are JSON with a message that says what is wrong, never an HTML page."""
    try:
        return await handler(request)
    except BadRequest as exc:
        return web.json_response({"error": str(exc)}, status=400)
    except web.HTTPRequestEntityTooLarge:
        return web.json_response({"error": "request body is too large"}, status=400)
    except web.HTTPException:
        raise
    except Exception as exc:
        if db.unavailable(exc):
            return _database_away(request, exc)
        log.exception("unhandled error on %s %s", request.method, request.path)
        return web.json_response({"error": "internal error, please try again"}, status=500)


def _database_away(request: web.Request, exc: Exception) -> web.Response:
    """The database is away for a while (stopped, restarting): a 503 that says so, as a
    page in the staff console and as JSON elsewhere, not a crash."""
    log.warning("database unavailable on %s %s: %s", request.method, request.path,
                type(exc).__name__)
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if request.path.startswith("/staff"):
        page = aiohttp_jinja2.render_template("staff/unavailable.html", request, {}, status=503)
        page.headers.update(headers)
        return page
    return web.json_response({"error": DATABASE_AWAY}, status=503, headers=headers)


async def _json_object(request: web.Request) -> dict:
    try:
        body = await request.json()
    except (ValueError, RecursionError):  # bad JSON or UTF-8, a 5000-digit number, [[[[...
        raise BadRequest("body must be valid JSON") from None
    if not isinstance(body, dict):
        raise BadRequest("body must be a JSON object")
    return body


def _text_field(body: dict, name: str, limit: int) -> str:
    value = body.get(name)
    if value is None:
        raise BadRequest(f"'{name}' is required")
    if not isinstance(value, str):
        raise BadRequest(f"'{name}' must be a string")
    if not value.strip():
        raise BadRequest(f"'{name}' must not be empty")
    if len(value) > limit:
        raise BadRequest(f"'{name}' is longer than {limit} characters")
    if _SURROGATE.search(value):  # "\ud800" is valid JSON, but no text: it can't be UTF-8
        raise BadRequest(f"'{name}' must be Unicode text (it has an unpaired surrogate)")
    return value.strip()


def _language_field(body: dict) -> Language | None:
    """The page's language so far ({"language": "pl", "language_chosen": true}), if any."""
    code = body.get("language")
    if code is None:
        return None
    if code not in LANGUAGES:
        raise BadRequest(f"'language' must be one of {', '.join(LANGUAGES)}")
    chosen = body.get("language_chosen", False)
    if not isinstance(chosen, bool):
        raise BadRequest("'language_chosen' must be true or false")
    return Language(code, chosen)


def _location_field(body: dict) -> tuple[float, float] | None:
    """An optional {"latitude": ..., "longitude": ...} (the browser's geolocation)."""
    value = body.get("location")
    if value is None:
        return None
    try:
        latitude, longitude = float(value["latitude"]), float(value["longitude"])
    except (TypeError, KeyError, ValueError, OverflowError):
        raise BadRequest("'location' must be {\"latitude\": number, \"longitude\": number}") from None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise BadRequest("'location' is not a place on Earth")
    return latitude, longitude


async def _too_fast(request: web.Request, engine_sender: str, message: str) -> bool:
    """Over the sender's message limit (counted under the keyed id the engine knows them
    by, never what the page sent); an urgent message never is."""
    if safety.is_urgent(message):
        return False
    return await request.app[SENDER_LIMITS].over(engine_sender)


@routes.post("/api/chat")
async def chat(request: web.Request) -> web.Response:
    """One resident message in, the bot's replies out; a shared location comes with the
    message "/share_location", and a typed command ("/help") means what it means on Telegram."""
    body = await _json_object(request)
    sender = _text_field(body, "sender", MAX_SENDER_CHARS)
    location = _location_field(body)
    language = _language_field(body)
    message = SHARE_LOCATION if location and not body.get("message") else _text_field(
        body, "message", MAX_MESSAGE_CHARS)
    message = command_payload(message) or message
    conversations = request.app[CONVERSATIONS]
    engine_sender = conversations.sender_id("web", sender)
    if await _too_fast(request, engine_sender, message):
        too_fast = signposting.default().text("too_fast", (language or Language()).code)
        return web.json_response({"error": too_fast}, status=429,
                                 headers={"Retry-After": str(int(WINDOW_SECONDS)), **NO_STORE})
    answer = await conversations.reply(engine_sender, message, delivery=f"web:{sender}",
                                       location=location, language=language)
    # The conversation's language travels in headers, so the answer stays a list of replies:
    # the page shows its own words in it and sends it back with the next message.
    said = {"Content-Language": answer.language.code,
            LANGUAGE_CHOSEN_HEADER: "true" if answer.language.chosen else "false"}
    replies = [{**reply, "phones": phones} if (phones := signposting.phones_in(reply["text"]))
               else reply for reply in answer.replies]
    return web.json_response(replies, headers={**NO_STORE, **said})


@routes.post("/api/chat/notices")
async def chat_notices(request: web.Request) -> web.Response:
    """Asked by an open chat page now and then: whether staff wrote about a report made in
    it (the page id is random per page load, so a closed page is never told)."""
    sender = _text_field(await _json_object(request), "sender", MAX_SENDER_CHARS)
    languages = await messages.take_notices(request.app[SESSIONS], request.app[CIPHER],
                                            f"web:{sender}")
    notices = dict.fromkeys(staff_message_notice(code) for code in languages)  # each once
    return web.json_response({"notices": list(notices)}, headers=NO_STORE)


@routes.post("/api/classify")
async def classify_text(request: web.Request) -> web.Response:
    """Topic, urgency, intent and confidence of a text, from the same model as the chat, and
    the language it is written in."""
    text_value = _text_field(await _json_object(request), "text", MAX_MESSAGE_CHARS)
    try:
        parse = await request.app[ENGINE].parse(text_value)
    except EngineUnavailable:
        return web.json_response({"error": "the language model is not available, try again"},
                                 status=503)
    return web.json_response({**classify(parse, text_value),
                              "language": detect(text_value).language})


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    """Each component's state; 200 when residents can be served: the database, and at least
    one engine replica and action server ("1 of 2 ready" while another is down)."""
    engine, actions, database = await asyncio.gather(
        request.app[ENGINE].ready(), _actions_ready(request.app), _database_ready(request.app))
    telegram = request.app[TELEGRAM_STATE]["state"]
    components = {
        "engine": _replicas_state(*engine),
        "actions": _replicas_state(*actions),
        "database": "ready" if database else "unavailable",
        "telegram": telegram,
    }
    healthy = (engine[0] and actions[0] and database
               and telegram in ("disabled", "polling", "webhook"))
    return web.json_response({"status": "ok" if healthy else "unavailable",
                              "components": components}, status=200 if healthy else 503)


def _replicas_state(ready: int, total: int) -> str:
    if ready == total:
        return "ready"
    return f"{ready} of {total} ready" if ready else "unavailable"


async def _actions_ready(app: web.Application) -> tuple[int, int]:
    """(action servers answering their health check, action servers)."""
    urls = [url.rsplit("/webhook", 1)[0] + "/health" for url in app[SETTINGS].action_server_urls]
    answers = await asyncio.gather(*(_answers(app[HTTP], url) for url in urls))
    return sum(answers), len(urls)


async def _answers(http: aiohttp.ClientSession, url: str) -> bool:
    try:
        async with http.get(url, timeout=HEALTH_TIMEOUT) as resp:
            return resp.status == 200
    except (TimeoutError, aiohttp.ClientError):
        return False


async def _database_ready(app: web.Application) -> bool:
    try:
        async with app[SESSIONS]() as session:
            await session.execute(text("SELECT 1"))
        return True
    except Exception as exc:
        # Away for a while: one line per check, not a traceback every quarter second.
        log.warning("database health check failed: %s", type(exc).__name__,
                    exc_info=not db.unavailable(exc))
        return False
