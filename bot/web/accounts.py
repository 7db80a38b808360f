"""The console's staff accounts. Admins list them, create them, change an account's role and
topics, reset its password, and disable or enable it; every change is audited. A password
an admin hands over is generated, shown once (never stored, logged or audited) and must be
changed at the next sign-in. Everyone changes their own password here too.

An admin cannot change their own role or disable themselves, and the last active admin can
never be demoted or disabled (`bot.storage.staff` refuses it, whoever asks)."""

from __future__ import annotations

import time

import aiohttp_jinja2
from aiohttp import web
from aiohttp_session import new_session

from bot.storage import reports, staff
from bot.storage.models import StaffUser
from bot.topics import TOPIC_NAMES
from bot.web.keys import CIPHER, SESSIONS
from bot.web.staff import EVERYONE, HOME, LOCKED, allow, check_csrf, csrf_token

routes = web.RouteTableDef()
PASSWORD_PAGE = "/staff/account/password"
DONE = {"access": "Role and topics saved: they apply from the account's next page.",
        "disabled": "Account disabled and signed out everywhere.",
        "enabled": "Account enabled: it can sign in again."}
CHANGED = ("Your password was changed. Any other device you were signed in on has been "
           "signed out.")


async def _posted(request: web.Request) -> tuple[str, list[str]]:
    """The role and topics posted (topics are checkboxes: one name given many times)."""
    form = await request.post()  # read once, by check_csrf, and kept
    return str(form.get("role", "")), [str(t) for t in form.getall("topics", [])]


def _detail(account: StaffUser) -> dict:
    """What the audit trail says of an account (identifiers only)."""
    return {"account": account.username, "role": account.role, "topics": list(account.topics)}


async def _account(request: web.Request) -> StaffUser:
    """The account in the path, or a 404."""
    found = await staff.find(request.app[SESSIONS], request.match_info["username"])
    if found is None:
        raise web.HTTPNotFound(text="There is no staff account by that name.")
    return found


def _sentence(exc: ValueError) -> str:
    """A refusal from the storage layer as a sentence for the page."""
    said = str(exc)
    return f"Nothing was changed: {said[:1].lower()}{said[1:]}."


@routes.get("/staff/users")
@allow("admin")
async def users_page(request: web.Request, user: dict) -> web.Response:
    """Every account: role, topics, active or disabled, created, locked out now."""
    return await _users(request, user)


async def _users(request: web.Request, user: dict, error: str | None = None,
                 form: dict | None = None, status: int = 200) -> web.Response:
    sessions, cipher = request.app[SESSIONS], request.app[CIPHER]
    found = await staff.accounts(sessions)
    keys = {u.username: staff.account_key(cipher, u.username) for u in found}
    locked = await staff.locked_out(sessions, keys.values())
    return aiohttp_jinja2.render_template("staff/users.html", request, {
        "user": user, "csrf": await csrf_token(request), "accounts": found,
        "locked": {name for name, key in keys.items() if key in locked},
        "roles": staff.ROLES, "topic_names": TOPIC_NAMES, "error": error,
        "form": form or {"username": "", "role": "caseworker", "topics": []}}, status=status)


@routes.post("/staff/users")
@allow("admin")
async def user_created(request: web.Request, user: dict) -> web.Response:
    """A new account with a one-time password, shown on the response page only."""
    username = str((await check_csrf(request)).get("username", "")).strip()
    role, topics = await _posted(request)
    try:
        made, password = await staff.create_account(request.app[SESSIONS], username, role,
                                                     topics)
    except ValueError as exc:
        return await _users(request, user, _sentence(exc), status=400,
                            form={"username": username, "role": role, "topics": topics})
    await reports.audit(request.app[SESSIONS], user["username"], "staff_account_created", None,
                        _detail(made))
    return await _one_time(request, user, made, password, created=True)


async def _one_time(request: web.Request, user: dict, account: StaffUser, password: str,
                    created: bool) -> web.Response:
    """The page that shows a one-time password: once, and never kept by a browser cache."""
    response = aiohttp_jinja2.render_template("staff/one_time.html", request, {
        "user": user, "csrf": await csrf_token(request), "account": account,
        "password": password, "created": created})
    response.headers["Cache-Control"] = "no-store"
    return response


@routes.get("/staff/users/{username}")
@allow("admin")
async def account_page(request: web.Request, user: dict) -> web.Response:
    """One account, with its changes: role and topics, password reset, disable or enable."""
    return await _account_view(request, user, await _account(request),
                               done=DONE.get(request.query.get("done", "")))


async def _account_view(request: web.Request, user: dict, account: StaffUser,
                        error: str | None = None, done: str | None = None,
                        status: int = 200) -> web.Response:
    cipher = request.app[CIPHER]
    key = staff.account_key(cipher, account.username)
    return aiohttp_jinja2.render_template("staff/account.html", request, {
        "user": user, "csrf": await csrf_token(request), "account": account,
        "locked": key in await staff.locked_out(request.app[SESSIONS], [key]),
        "roles": staff.ROLES, "topic_names": TOPIC_NAMES, "error": error, "done": done,
        "own": account.username == user["username"]}, status=status)


async def _refuse(request: web.Request, user: dict, account: StaffUser, why: str) -> web.Response:
    """The account's page again, with the reason nothing was changed."""
    return await _account_view(request, user, account, error=why, status=400)


@routes.post("/staff/users/{username}/access")
@allow("admin")
async def access_changed(request: web.Request, user: dict) -> web.Response:
    """A new role and topics for the account, from its next page on."""
    await check_csrf(request)
    account = await _account(request)
    role, topics = await _posted(request)
    if account.username == user["username"] and role != account.role:
        return await _refuse(request, user, account,
                             "You cannot change your own role: ask another admin.")
    try:
        changed = await staff.change_access(request.app[SESSIONS], account.username, role, topics)
    except ValueError as exc:
        return await _refuse(request, user, account, _sentence(exc))
    if changed is None:
        raise web.HTTPNotFound(text="There is no staff account by that name.")
    updated, previous = changed
    await reports.audit(request.app[SESSIONS], user["username"], "staff_access_changed", None,
                        {**_detail(updated), "previous_role": previous})
    raise web.HTTPFound(f"/staff/users/{account.username}?done=access")


@routes.post("/staff/users/{username}/password")
@allow("admin")
async def password_reset(request: web.Request, user: dict) -> web.Response:
    """A new one-time password: the account is signed out everywhere, its lock-out lifted,
    and it must choose its own password at the next sign-in."""
    await check_csrf(request)
    account = await _account(request)
    if account.username == user["username"]:
        return await _refuse(request, user, account,
                             "To change your own password, use Change password.")
    sessions = request.app[SESSIONS]
    reset, password = await staff.reset_password(sessions, account.username)
    await staff.clear_failures(sessions, staff.account_key(request.app[CIPHER], reset.username))
    await reports.audit(sessions, user["username"], "staff_password_reset", None,
                        {"account": reset.username})
    return await _one_time(request, user, reset, password, created=False)


@routes.post("/staff/users/{username}/disable")
@allow("admin")
async def disabled(request: web.Request, user: dict) -> web.Response:
    """The account can no longer sign in, and its open sessions end now."""
    return await _set_disabled(request, user, True)


@routes.post("/staff/users/{username}/enable")
@allow("admin")
async def enabled(request: web.Request, user: dict) -> web.Response:
    """The account can sign in again (with the password it had)."""
    return await _set_disabled(request, user, False)


async def _set_disabled(request: web.Request, user: dict, disable: bool) -> web.Response:
    await check_csrf(request)
    account = await _account(request)
    if disable and account.username == user["username"]:
        return await _refuse(request, user, account,
                             "You cannot disable your own account: ask another admin.")
    try:
        changed = await staff.set_disabled(request.app[SESSIONS], account.username, disable)
    except ValueError as exc:
        return await _refuse(request, user, account, _sentence(exc))
    if changed is None:
        raise web.HTTPNotFound(text="There is no staff account by that name.")
    action = "disabled" if disable else "enabled"
    await reports.audit(request.app[SESSIONS], user["username"], f"staff_account_{action}", None,
                        {"account": changed.username})
    raise web.HTTPFound(f"/staff/users/{changed.username}?done={action}")


@routes.get(PASSWORD_PAGE)
@allow(*EVERYONE)
async def password_page(request: web.Request, user: dict) -> web.Response:
    return await _password_form(request, user, None, status=200)


async def _password_form(request: web.Request, user: dict, error: str | None,
                         status: int) -> web.Response:
    account = await staff.account(request.app[SESSIONS], user["id"])
    return aiohttp_jinja2.render_template("staff/password.html", request, {
        "user": user, "csrf": await csrf_token(request), "error": error,
        "must_change": account.must_change_password, "min_chars": staff.MIN_PASSWORD_CHARS},
        status=status)


def password_problem(current: str, new: str, repeat: str) -> str | None:
    """What is wrong with a new password, before the current one is checked."""
    if len(new) < staff.MIN_PASSWORD_CHARS:
        return f"Choose a new password of at least {staff.MIN_PASSWORD_CHARS} characters."
    if new != repeat:
        return "The new password and its repeat are not the same: type them again."
    if new == current:
        return "Choose a new password that differs from the current one."
    return None


@routes.post(PASSWORD_PAGE)
@allow(*EVERYONE)
async def password_changed(request: web.Request, user: dict) -> web.Response:
    """The signed-in person's own new password. A wrong current password counts as a failed
    sign-in; on success every other session ends and this one carries on."""
    form = await check_csrf(request)
    current, new, repeat = (str(form.get(name, "")) for name in ("current", "new", "repeat"))
    problem = password_problem(current, new, repeat)
    if problem:
        return await _password_form(request, user, problem, status=400)
    sessions = request.app[SESSIONS]
    attempt = await staff.authenticate(sessions, user["username"], current,
                                       staff.account_key(request.app[CIPHER], user["username"]))
    if attempt.locked:
        return await _password_form(request, user, LOCKED, status=429)
    if attempt.user is None:
        return await _password_form(request, user, (
            "That is not your current password: nothing was changed. Take care: after 5 wrong "
            "tries in 15 minutes the account is locked for a while."), status=400)
    changed = await staff.set_password(sessions, user["username"], new, None, create=False)
    await reports.audit(sessions, user["username"], "staff_password_changed", None,
                        {"account": changed.username})
    session = await new_session(request)  # this device stays signed in, under the new epoch
    session["user"] = {"id": changed.id, "epoch": changed.session_epoch}
    session["seen"] = time.time()
    session["notice"] = CHANGED
    raise web.HTTPFound(HOME[changed.role])
