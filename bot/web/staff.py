"""The staff console: sign-in, the report queue and one report's page (the directory and
the statistics have modules of their own).

Every route states the roles it allows (`allow`, or `public` for the sign-in page), and a
test checks each one refuses everybody else. A session ends after STAFF_IDLE_MINUTES
without use, after 8 hours, and on "Sign out everywhere" or a password reset, on every
device (the account's session epoch changes)."""

from __future__ import annotations

import datetime as dt
import functools
import hmac
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

import aiohttp_jinja2
from aiohttp import web
from aiohttp_session import get_session, new_session

from bot import details, routing
from bot.language import ENGLISH_NAMES
from bot.report_answers import LABELS as ANSWER_LABELS
from bot.report_answers import shown as shown_answer
from bot.storage import casework, messages, queue, reports, staff
from bot.storage.models import Report
from bot.storage.reports import format_reference, normalise_reference
from bot.topics import TOPIC_NAMES
from bot.web.csvfile import csv_response
from bot.web.keys import CIPHER, SESSIONS, SETTINGS

routes = web.RouteTableDef()
Handler = Callable[[web.Request, dict], Awaitable[web.StreamResponse]]
CASEWORK = ("caseworker", "admin")
EVERYONE = ("viewer", "caseworker", "admin")
PUBLIC = ("public",)  # the sign-in page and sign-out: no account needed
HOME = {"viewer": "/staff/statistics", "caseworker": "/staff/reports", "admin": "/staff/reports"}
MAX_STAFF_MESSAGE_CHARS = 2000
DONE_NOTICES = {"message": "Message sent to the reporter.", "referral": "Referral marked as sent.",
                "referral_requested": "Referral recorded. If the reporter had not agreed to "
                                      "that organisation, they are asked through the bot.",
                "status": "Status changed.", "assigned": "Assignment saved.", "note": "Note added."}
ENDED = {"idle": "You were signed out because the console was not used for a while.",
         "elsewhere": "You were signed out: your account was signed out everywhere, or its "
                      "password was reset.",
         "disabled": "You were signed out: your account has been disabled. Ask an admin if "
                     "you still need it."}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")  # in no name or code (and no NUL for PostgreSQL)
LOCKED = ("Too many failed sign-ins for this account. Wait 15 minutes and try again, or ask "
          "an admin to reset the password.")


def allow(*roles: str) -> Callable[[Handler], Callable[[web.Request], Awaitable[web.StreamResponse]]]:
    """The route is for signed-in staff with one of these roles; anybody else is sent to
    sign in (no session) or refused (another role). The handler gets the account."""
    def wrap(handler: Handler):
        @functools.wraps(handler)
        async def checked(request: web.Request) -> web.StreamResponse:
            user = await signed_in(request)
            if user["role"] not in roles:
                raise web.HTTPForbidden(text="Your role cannot use this page.")
            return await handler(request, user)
        checked.roles = roles
        return checked
    return wrap


def public(handler):
    """A route anyone may use (it still checks the CSRF token of what it is sent)."""
    handler.roles = PUBLIC
    return handler


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


async def signed_in(request: web.Request) -> dict:
    """The signed-in staff member as the account is now (role and topics may have changed),
    or a redirect to sign in when there is no session or it has ended."""
    session = await get_session(request)
    who = session.get("user")
    if not who:
        raise web.HTTPFound("/staff/login")
    now = time.time()
    if now - session.get("seen", 0) > request.app[SETTINGS].staff_idle_minutes * 60:
        session.invalidate()
        raise web.HTTPFound("/staff/login?ended=idle")
    user = await staff.account(request.app[SESSIONS], who["id"])
    if user is not None and user.disabled_at is not None:
        session.invalidate()
        raise web.HTTPFound("/staff/login?ended=disabled")
    if user is None or user.session_epoch != who.get("epoch"):  # (older cookies have none)
        session.invalidate()
        raise web.HTTPFound("/staff/login?ended=elsewhere")
    session["seen"] = now
    # A password an admin chose: nothing else until the owner has chosen their own.
    if user.must_change_password and request.path not in ("/staff/account/password",
                                                          "/staff/logout-everywhere"):
        raise web.HTTPFound("/staff/account/password")
    # A notice left for the next page (e.g. "password changed"), shown in its header.
    notice = session.pop("notice", None) if request.method == "GET" else None
    return {"id": user.id, "username": user.username, "role": user.role,
            "topics": list(user.topics), "notice": notice}


async def handled_report(request: web.Request, user: dict) -> Report:
    """The report in the path, if it exists and is one this user handles."""
    reference = normalise_reference(request.match_info["reference"])
    report = await reports.find_by_reference(request.app[SESSIONS], reference) if (
        reports.is_reference(reference)) else None
    if report is None:
        raise web.HTTPNotFound(text="That report no longer exists.")
    if not staff.handles(user["role"], user["topics"], report.topic):
        raise web.HTTPForbidden(text="That report's topic is not one of yours.")
    return report


@routes.get("/staff")
@allow(*EVERYONE)
async def staff_home(_request: web.Request, user: dict) -> web.Response:
    raise web.HTTPFound(HOME[user["role"]])


@routes.get("/staff/login")
@public
async def login_page(request: web.Request) -> web.Response:
    return await _login_form(request, ENDED.get(request.query.get("ended", "")), status=200)


async def _login_form(request: web.Request, error: str | None, status: int) -> web.Response:
    return aiohttp_jinja2.render_template(
        "staff/login.html", request, {"csrf": await csrf_token(request), "error": error},
        status=status)


@routes.post("/staff/login")
@public
async def login(request: web.Request) -> web.Response:
    """Sign in; an account name is locked for a while after repeated failures, whether or
    not it exists."""
    form = await check_csrf(request)
    username = str(form.get("username", ""))
    if CONTROL_CHARACTERS.search(username):  # no account has one (nor can PostgreSQL look for it)
        return await _login_form(request, "Wrong username or password.", status=401)
    attempt = await staff.authenticate(request.app[SESSIONS], username,
                                       str(form.get("password", "")),
                                       staff.account_key(request.app[CIPHER], username))
    if attempt.locked:
        return await _login_form(request, LOCKED, status=429)
    if attempt.user is None:
        return await _login_form(request, "Wrong username or password.", status=401)
    session = await new_session(request)
    session["user"] = {"id": attempt.user.id, "epoch": attempt.user.session_epoch}
    session["seen"] = time.time()
    raise web.HTTPFound("/staff/account/password" if attempt.user.must_change_password
                        else HOME[attempt.user.role])


@routes.post("/staff/logout")
@public
async def logout(request: web.Request) -> web.Response:
    await check_csrf(request)
    (await get_session(request)).invalidate()
    raise web.HTTPFound("/staff/login")


@routes.post("/staff/logout-everywhere")
@allow(*EVERYONE)
async def logout_everywhere(request: web.Request, user: dict) -> web.Response:
    """Void every session of this account (a lost phone, a shared computer)."""
    await check_csrf(request)
    await staff.sign_out_everywhere(request.app[SESSIONS], user["id"])
    (await get_session(request)).invalidate()
    raise web.HTTPFound("/staff/login?ended=elsewhere")


@routes.get("/staff/reports")
@allow(*CASEWORK)
async def report_list(request: web.Request, user: dict) -> web.Response:
    """The queue this user handles, filtered as asked, urgent and open first, with counts and
    each report's age against the response time the resident was told."""
    wanted = queue_filter(request.query)
    found = await queue.queue(request.app[SESSIONS], wanted, handled_topics(user))
    now = dt.datetime.now(dt.UTC)
    return aiohttp_jinja2.render_template("staff/reports.html", request, {
        "user": user, "csrf": await csrf_token(request), "format_reference": format_reference,
        "describe": details.default().labelled, "queue": found, "wanted": wanted,
        "choices": filter_choices(), "statuses": casework.STATUSES,
        "due": {r.id: due_words(r, now) for r in found.reports},
        "export": urlencode(wanted.used()), "may_export_text": user["role"] == "admin",
        "organisations": routing.default().organisations})


@routes.get("/staff/reports.csv")
@allow(*CASEWORK)
async def report_export(request: web.Request, user: dict) -> web.Response:
    """The filtered queue as CSV, audited; the residents' accounts only for admins who ask."""
    wanted = queue_filter(request.query)
    with_text = request.query.get("text") == "yes"
    if with_text and user["role"] != "admin":
        raise web.HTTPForbidden(text="Only admins can export the residents' accounts.")
    found = await queue.queue(request.app[SESSIONS], wanted, handled_topics(user),
                              limit=EXPORT_LIMIT)
    await reports.audit(request.app[SESSIONS], user["username"], "reports_exported", None,
                        {"count": len(found.reports), "with_text": with_text,
                         "filters": sorted(wanted.used())})
    cipher = request.app[CIPHER]
    rows = ([*export_row(r), cipher.decrypt(r.description_enc)] if with_text else export_row(r)
            for r in found.reports)
    header = EXPORT_COLUMNS + (["account"] if with_text else [])
    return csv_response(header, rows, f"reports-{dt.date.today().isoformat()}.csv")


def handled_topics(user: dict) -> list[str] | None:
    """The topics whose reports this user sees (None: every topic, for admins)."""
    return None if user["role"] == "admin" else user["topics"]


def filter_choices() -> dict[str, dict[str, str]]:
    """The values each queue filter accepts, with their labels."""
    known = details.default().entities
    return {"topic": dict(TOPIC_NAMES), "language": dict(ENGLISH_NAMES),
            "status": dict(casework.STATUSES),
            "urgent": {"yes": "urgent", "no": "not urgent"},
            "strand": dict(known["hate_strand"].values), "area": dict(known["place"].values),
            "referred_to": {oid: org.name for oid, org in routing.default().organisations.items()}}


def queue_filter(query) -> queue.QueueFilter:
    """The filters in the query string, each checked; a bad one is a 400 that names it."""
    choices = filter_choices()
    values: dict[str, object] = {}
    for name in ("topic", "language", "status", "urgent", "strand", "area", "referred_to"):
        value = query.get(name, "")
        if value and value not in choices[name]:
            raise web.HTTPBadRequest(text=f"Unknown {name.replace('_', ' ')}: choose one offered.")
        values[name] = value or None
    if values["urgent"] is not None:
        values["urgent"] = values["urgent"] == "yes"
    for name in ("received_from", "received_to"):
        values[name] = query_date(query, name)
    for name, limit in (("assigned_to", 64), ("reference", 20)):
        values[name] = typed_filter(query, name, limit)
    return queue.QueueFilter(**values)


def typed_filter(query, name: str, limit: int) -> str | None:
    """A filter staff type (a name, a code), trimmed; too long, or holding control
    characters (PostgreSQL refuses a NUL in text), is a 400 that names it."""
    value = query.get(name, "").strip()
    if len(value) > limit:
        raise web.HTTPBadRequest(text=f"The {name.replace('_', ' ')} filter is too long.")
    if CONTROL_CHARACTERS.search(value):
        raise web.HTTPBadRequest(text=f"The {name.replace('_', ' ')} filter holds control characters.")
    return value or None


EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2999, 12, 31)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def query_date(query, name: str) -> dt.date | None:
    """The date `name` in a query string (YYYY-MM-DD), for every staff page's filters; a bad
    one is a 400 that says what is expected."""
    raw = query.get(name, "")
    if not raw:
        return None
    try:
        day = dt.date.fromisoformat(raw) if ISO_DATE.fullmatch(raw) else None
    except ValueError:
        day = None
    if day is None or not EARLIEST <= day <= LATEST:
        raise web.HTTPBadRequest(text=f"{name} must be a date between {EARLIEST} and {LATEST}, "
                                      "written YYYY-MM-DD.")
    return day


def due_words(report, now: dt.datetime) -> tuple[str, bool]:
    """("due in 5 h", False) or ("overdue by 2 d", True), against the response time the
    resident was told; closed reports and unreadable times say nothing."""
    due = routing.default().due(report.topic, report.urgent, report.created_at)
    if due is None or report.status == "closed":
        return "", False
    late = now > due
    return f"{'overdue by' if late else 'due in'} {_span(abs(due - now))}", late


def _span(delta: dt.timedelta) -> str:
    hours = int(delta.total_seconds() // 3600)
    return f"{hours // 24} d" if hours >= 48 else f"{hours} h"


EXPORT_COLUMNS = ["reference", "topic", "language", "urgent", "status", "received",
                  "assigned_to", "details", "referrals"]
EXPORT_LIMIT = 10_000


def export_row(report) -> list[object]:
    """A report's structured fields: no free text, no contact details."""
    return [format_reference(report.reference), report.topic, report.language,
            "yes" if report.urgent else "no",
            report.status, report.created_at.strftime("%Y-%m-%d %H:%M"), report.assigned_to or "",
            "; ".join(f"{label}: {values}" for label, values in
                      details.default().labelled(report.details or {})),
            "; ".join(f"{r.organisation}: {r.state}" for r in report.referrals)]


@routes.post("/staff/reports/{reference}/messages")
@allow(*CASEWORK)
async def message_reporter(request: web.Request, user: dict) -> web.Response:
    """Staff write to the reporter through the bot; who the reporter is stays hidden."""
    form = await check_csrf(request)
    reference = (await handled_report(request, user)).reference
    text = str(form.get("message", "")).strip()
    if not text or len(text) > MAX_STAFF_MESSAGE_CHARS:
        raise web.HTTPBadRequest(
            text=f"Write a message of 1 to {MAX_STAFF_MESSAGE_CHARS} characters.")
    if not await messages.send_to_reporter(request.app[SESSIONS], request.app[CIPHER],
                                           reference, user["username"], text):
        raise web.HTTPNotFound(text="That report no longer exists.")
    raise web.HTTPFound(f"/staff/reports/{reference}?done=message")


@routes.get("/staff/reports/{reference}")
@allow(*CASEWORK)
async def report_page(request: web.Request, user: dict) -> web.Response:
    """One report for a caseworker: the account (this view is audited), the details, the
    consents and referral outbox, and the messages with the reporter."""
    case = await casework.open_case(request.app[SESSIONS], request.app[CIPHER],
                                    (await handled_report(request, user)).reference,
                                    user["username"])
    if case is None:
        raise web.HTTPNotFound(text="That report no longer exists.")
    return aiohttp_jinja2.render_template("staff/report.html", request, {
        "user": user, "csrf": await csrf_token(request), "case": case, "r": case.report,
        "format_reference": format_reference, "describe": details.default().labelled,
        "organisations": routing.default().organisations, "labels": ANSWER_LABELS,
        "shown": shown_answer, "statuses": casework.STATUSES, "outcomes": casework.OUTCOMES,
        "topic_names": TOPIC_NAMES, "referral_states": casework.REFERRAL_STATES,
        "language_name": ENGLISH_NAMES.get(case.report.language, case.report.language),
        **referral_choices(case.report),
        "handlers": await staff.handlers_of(request.app[SESSIONS], case.report.topic),
        "done": DONE_NOTICES.get(request.query.get("done", ""))})


def referral_choices(report: Report) -> dict:
    """The organisations the report can still be referred to, and the one routing suggests
    (its most suitable support organisation not referred yet)."""
    referred = {r.organisation for r in report.referrals}
    found, loaded = report.details or {}, routing.default()
    suited = loaded.support_for(
        report.topic, list(found.get("hate_strand", [])), (found.get("place") or [None])[0],
        report.urgent)
    routed = next((org for org in suited if org.id not in referred), None)
    others = [org for org in loaded.organisations.values()
              if org.id not in referred and org != routed]
    return {"referable": [routed, *others] if routed else others,
            "routed": routed.id if routed else None}


@routes.post("/staff/reports/{reference}/status")
@allow(*CASEWORK)
async def status_changed(request: web.Request, user: dict) -> web.Response:
    """A new status for the report (closing it needs an outcome), with an optional note."""
    form = await check_csrf(request)
    reference = (await handled_report(request, user)).reference
    await _casework(casework.change_status(
        request.app[SESSIONS], request.app[CIPHER], reference, str(form.get("status", "")),
        user["username"], outcome=str(form.get("outcome", "")) or None,
        note=str(form.get("note", ""))))
    raise web.HTTPFound(f"/staff/reports/{reference}?done=status")


@routes.post("/staff/reports/{reference}/assign")
@allow(*CASEWORK)
async def assigned(request: web.Request, user: dict) -> web.Response:
    """Give the report to one of the staff who handle its topic, or to nobody."""
    form = await check_csrf(request)
    report = await handled_report(request, user)
    assignee = str(form.get("assignee", "")) or None
    if assignee and assignee not in await staff.handlers_of(request.app[SESSIONS], report.topic):
        raise web.HTTPBadRequest(text="Choose someone who handles this report's topic.")
    await casework.assign(request.app[SESSIONS], report.reference, assignee, user["username"])
    raise web.HTTPFound(f"/staff/reports/{report.reference}?done=assigned")


@routes.post("/staff/reports/{reference}/notes")
@allow(*CASEWORK)
async def note_added(request: web.Request, user: dict) -> web.Response:
    """An internal note: staff read it, the reporter never does."""
    form = await check_csrf(request)
    reference = (await handled_report(request, user)).reference
    await _casework(casework.add_note(
        request.app[SESSIONS], request.app[CIPHER], reference, str(form.get("note", "")),
        user["username"]))
    raise web.HTTPFound(f"/staff/reports/{reference}?done=note")


async def _casework(change: Awaitable[None]) -> None:
    """Run a casework change; a refused one is a 400 that says why."""
    try:
        await change
    except casework.CaseworkError as exc:
        raise web.HTTPBadRequest(text=f"{exc} Go back to the report and try again.") from None


@routes.post("/staff/reports/{reference}/referrals/{organisation}/sent")
@allow(*CASEWORK)
async def referral_sent(request: web.Request, user: dict) -> web.Response:
    """The caseworker has sent the referral in the outbox to its organisation."""
    await check_csrf(request)
    reference = (await handled_report(request, user)).reference
    if not await casework.mark_referral_sent(request.app[SESSIONS], reference,
                                             request.match_info["organisation"],
                                             user["username"]):
        raise web.HTTPConflict(text="That referral is not waiting to be sent (consent may "
                                    "have been withdrawn). Reload the report.")
    raise web.HTTPFound(f"/staff/reports/{reference}?done=referral")


@routes.post("/staff/reports/{reference}/referrals")
@allow(*CASEWORK)
async def referral_requested(request: web.Request, user: dict) -> web.Response:
    """Refer the report to an organisation: routing's suggestion, or another with a reason.
    Without the reporter's consent to it, they are asked through the bot and nothing is
    sent until they agree."""
    form = await check_csrf(request)
    report = await handled_report(request, user)
    choices = referral_choices(report)
    organisation = routing.default().organisations.get(str(form.get("organisation", "")))
    if organisation is None or organisation not in choices["referable"]:
        raise web.HTTPBadRequest(text="Choose one of the organisations offered.")
    reason = str(form.get("reason", ""))
    await _casework(casework.request_referral(
        request.app[SESSIONS], request.app[CIPHER], report.reference, organisation.id, reason,
        user["username"], reason_needed=organisation.id != choices["routed"],
        ask_reporter=consent_question(organisation, reason)))
    raise web.HTTPFound(f"/staff/reports/{report.reference}?done=referral_requested")


def consent_question(organisation: routing.Organisation, reason: str) -> str:
    """What the reporter reads when asked to agree (with yes and no buttons in the bot)."""
    why = f" Why: {reason.strip()}" if reason.strip() else ""
    return (f"The team would like to pass your report to {organisation.name}. "
            f"{organisation.summary}{why} Nothing is shared unless you agree: check your "
            "report with its code to answer yes or no.")


AUDIT_FILTERS = (("actor", 64), ("action", 40), ("reference", 20))


@routes.get("/staff/audit")
@allow("admin")
async def audit_page(request: web.Request, user: dict) -> web.Response:
    """Who did what, when, to which report: searchable, newest first. There is no way to
    change or delete a line (the database refuses it too)."""
    query = request.query
    wanted = {name: typed_filter(query, name, limit) for name, limit in AUDIT_FILTERS}
    since, until = (query_date(query, n) for n in ("from", "to"))
    lines, total = await reports.search_audit(
        request.app[SESSIONS], **wanted,
        since=queue.midnight(since) if since else None,
        until=queue.midnight(until + dt.timedelta(days=1)) if until else None)
    return aiohttp_jinja2.render_template("staff/audit.html", request, {
        "user": user, "csrf": await csrf_token(request), "lines": lines, "total": total,
        "wanted": {**wanted, "from": since or "", "to": until or ""},
        "format_reference": format_reference})
