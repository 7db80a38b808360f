"""The staff console: login, logout, the report list, one report's page and the directory
(more screens come with issue 7)."""

from __future__ import annotations

import datetime as dt
import hmac
import secrets

import aiohttp_jinja2
from aiohttp import web
from aiohttp_session import get_session, new_session

from bot import details, directory, routing
from bot.report_answers import LABELS as ANSWER_LABELS
from bot.report_answers import shown as shown_answer
from bot.storage import casework, messages, reports, staff
from bot.storage.reports import format_reference, normalise_reference
from bot.web.keys import CIPHER, SESSIONS

routes = web.RouteTableDef()
# Roles that may open reports and answer reporters (issue 7 brings the full role table).
CASEWORK_ROLES = ("caseworker", "admin")
MAX_STAFF_MESSAGE_CHARS = 2000
DONE_NOTICES = {"message": "Message sent to the reporter.", "referral": "Referral marked as sent."}


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
        "can_open": user["role"] in CASEWORK_ROLES})


@routes.post("/staff/reports/{reference}/messages")
async def message_reporter(request: web.Request) -> web.Response:
    """Staff write to the reporter through the bot; who the reporter is stays hidden."""
    user = await caseworker(request)
    form = await check_csrf(request)
    text = str(form.get("message", "")).strip()
    if not text or len(text) > MAX_STAFF_MESSAGE_CHARS:
        raise web.HTTPBadRequest(
            text=f"Write a message of 1 to {MAX_STAFF_MESSAGE_CHARS} characters.")
    reference = normalise_reference(request.match_info["reference"])
    if not await messages.send_to_reporter(request.app[SESSIONS], request.app[CIPHER],
                                           reference, user["username"], text):
        raise web.HTTPNotFound(text="That report no longer exists.")
    raise web.HTTPFound(f"/staff/reports/{reference}?done=message")


@routes.get("/staff/reports/{reference}")
async def report_page(request: web.Request) -> web.Response:
    """One report for a caseworker: the account (this view is audited), the details, the
    consents and referral outbox, and the messages with the reporter."""
    user = await caseworker(request)
    case = await casework.open_case(request.app[SESSIONS], request.app[CIPHER],
                                    request.match_info["reference"], user["username"])
    if case is None:
        raise web.HTTPNotFound(text="That report no longer exists.")
    return aiohttp_jinja2.render_template("staff/report.html", request, {
        "user": user, "csrf": await csrf_token(request), "case": case, "r": case.report,
        "format_reference": format_reference, "describe": details.default().labelled,
        "organisations": routing.default().organisations, "labels": ANSWER_LABELS,
        "shown": shown_answer,
        "done": DONE_NOTICES.get(request.query.get("done", ""))})


@routes.post("/staff/reports/{reference}/referrals/{organisation}/sent")
async def referral_sent(request: web.Request) -> web.Response:
    """The caseworker has sent the referral in the outbox to its organisation."""
    user = await caseworker(request)
    await check_csrf(request)
    reference = normalise_reference(request.match_info["reference"])
    if not await casework.mark_referral_sent(request.app[SESSIONS], reference,
                                             request.match_info["organisation"],
                                             user["username"]):
        raise web.HTTPConflict(text="That referral is not waiting to be sent (consent may "
                                    "have been withdrawn). Reload the report.")
    raise web.HTTPFound(f"/staff/reports/{reference}?done=referral")


@routes.get("/staff/directory")
async def directory_page(request: web.Request) -> web.Response:
    """The services and Safe Places the bot signposts, entries past their re-check date
    first (the bot keeps using them until they are corrected in data/directory/)."""
    user = await caseworker(request)
    loaded = directory.default()
    stale = {(kind, entry_id) for kind, entry_id, _ in loaded.stale(today())}
    return aiohttp_jinja2.render_template("staff/directory.html", request, {
        "user": user, "csrf": await csrf_token(request),
        "services": sorted(loaded.services.values(),
                           key=lambda s: (("service", s.id) not in stale, s.name)),
        "places": sorted(loaded.safe_places,
                         key=lambda p: (("safe place", p.id) not in stale, p.name)),
        "stale": stale, "count": len(stale)})


def today() -> dt.date:
    return dt.date.today()


async def caseworker(request: web.Request) -> dict:
    """The signed-in staff member, if their role may read and answer reports."""
    user = await current_user(request)
    if user["role"] not in CASEWORK_ROLES:
        raise web.HTTPForbidden(text="Your role cannot open reports.")
    return user
