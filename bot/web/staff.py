"""The staff console: login, logout and the report list (more screens come with issue 7)."""

from __future__ import annotations

import hmac
import secrets

import aiohttp_jinja2
from aiohttp import web
from aiohttp_session import get_session, new_session

from bot import details, routing
from bot.storage import messages, reports, staff
from bot.storage.reports import format_reference, normalise_reference
from bot.web.keys import CIPHER, SESSIONS

routes = web.RouteTableDef()
# Roles that may write to a reporter (issue 7 brings the full role table).
WRITER_ROLES = ("caseworker", "admin")
MAX_STAFF_MESSAGE_CHARS = 2000


async def csrf_token(request: web.Request) -> str:
    """The session's CSRF token, made on first use; every staff form carries it."""
    session = await get_session(request)
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


async def check_csrf(request: web.Request) -> dict:
    """The posted form, after checking its CSRF token against the session's."""
    form = await request.post()
    session = await get_session(request)
    expected = session.get("csrf", "")
    if not expected or not hmac.compare_digest(expected, str(form.get("csrf", ""))):
        raise web.HTTPForbidden(text="This form has expired. Go back, reload the page and try again.")
    return dict(form)


async def current_user(request: web.Request) -> dict:
    """The signed-in staff member, or a redirect to the login page."""
    session = await get_session(request)
    if "user" not in session:
        raise web.HTTPFound("/staff/login")
    return session["user"]


@routes.get("/staff")
async def staff_home(_request: web.Request) -> web.Response:
    raise web.HTTPFound("/staff/reports")


@routes.get("/staff/login")
async def login_page(request: web.Request) -> web.Response:
    return aiohttp_jinja2.render_template(
        "staff/login.html", request, {"csrf": await csrf_token(request), "error": None})


@routes.post("/staff/login")
async def login(request: web.Request) -> web.Response:
    form = await check_csrf(request)
    user = await staff.authenticate(request.app[SESSIONS], str(form.get("username", "")),
                                    str(form.get("password", "")))
    if user is None:
        return aiohttp_jinja2.render_template(
            "staff/login.html", request,
            {"csrf": await csrf_token(request), "error": "Wrong username or password."},
            status=401)
    session = await new_session(request)
    session["user"] = {"id": user.id, "username": user.username, "role": user.role}
    raise web.HTTPFound("/staff/reports")


@routes.post("/staff/logout")
async def logout(request: web.Request) -> web.Response:
    await check_csrf(request)
    (await get_session(request)).invalidate()
    raise web.HTTPFound("/staff/login")


@routes.get("/staff/reports")
async def report_list(request: web.Request) -> web.Response:
    user = await current_user(request)
    rows = await reports.recent_reports(request.app[SESSIONS])
    return aiohttp_jinja2.render_template("staff/reports.html", request, {
        "user": user, "csrf": await csrf_token(request), "format_reference": format_reference,
        "describe": details.default().labelled, "reports": rows,
        "organisations": routing.default().organisations,
        "can_write": user["role"] in WRITER_ROLES, "sent": request.query.get("sent")})


@routes.post("/staff/reports/{reference}/messages")
async def message_reporter(request: web.Request) -> web.Response:
    """Staff write to the reporter through the bot; who the reporter is stays hidden."""
    user = await current_user(request)
    if user["role"] not in WRITER_ROLES:
        raise web.HTTPForbidden(text="Your role cannot write to reporters.")
    form = await check_csrf(request)
    text = str(form.get("message", "")).strip()
    if not text or len(text) > MAX_STAFF_MESSAGE_CHARS:
        raise web.HTTPBadRequest(
            text=f"Write a message of 1 to {MAX_STAFF_MESSAGE_CHARS} characters.")
    reference = request.match_info["reference"]
    if not await messages.send_to_reporter(request.app[SESSIONS], request.app[CIPHER],
                                           reference, user["username"], text):
        raise web.HTTPNotFound(text="That report no longer exists.")
    raise web.HTTPFound(f"/staff/reports?sent={format_reference(normalise_reference(reference))}")
