"""Staff accounts in the console: admins create accounts with one-time passwords, change
roles and topics, reset passwords, disable and enable; everyone changes their own password."""

from __future__ import annotations

import json
import logging
import re
import uuid
from http.cookies import SimpleCookie

import pytest
from sqlalchemy import text

from bot.storage import staff
from bot.web.keys import SESSIONS
from tests.test_staff import PASSWORD, another_report, csrf_of, login, sign_in_as
from tests.test_staff import console as console  # the fixture: the app, casey a caseworker

ONE_TIME = re.compile(r'<code id="one-time">([^<]+)</code>')
NEW_PASSWORD = "my own new staff password"


def cookie(client) -> str:
    """This client's staff session cookie (one device's sign-in)."""
    return client.session.cookie_jar.filter_cookies(client.make_url("/staff"))["staff_session"].value


def use(client, value: str) -> None:
    """Carry on as the device whose session cookie this is."""
    replacing = SimpleCookie()
    replacing["staff_session"] = value
    replacing["staff_session"]["path"] = "/staff"
    client.session.cookie_jar.update_cookies(replacing, client.make_url("/staff"))


async def logout(client) -> None:
    await client.post("/staff/logout", data={"csrf": await csrf_of(client, "/staff/login")})
    client.session.cookie_jar.clear()


async def post(client, path: str, *fields, page="/staff/users", allow_redirects=True):
    """A console form: CSRF token and `fields` (pairs: a name may repeat, like checkboxes)."""
    data = [("csrf", await csrf_of(client, page)), *fields]
    return await client.post(path, data=data, allow_redirects=allow_redirects)


async def create(client, username: str, role: str, *topics: str) -> tuple[object, str | None]:
    """An admin creates an account: the response and the one-time password it shows."""
    resp = await post(client, "/staff/users", ("username", username), ("role", role),
                      *(("topics", t) for t in topics))
    found = ONE_TIME.search(await resp.text())
    return resp, found.group(1) if found else None


async def audit_lines(client, action: str) -> list[tuple[str, dict]]:
    async with client.server.app[SESSIONS]() as session:
        rows = await session.execute(text(
            "SELECT actor, detail FROM audit_events WHERE action = :a ORDER BY id"), {"a": action})
        return [(actor, json.loads(d) if isinstance(d, str) else d) for actor, d in rows]


async def everything_audited(client) -> str:
    async with client.server.app[SESSIONS]() as session:
        return " ".join(str(row) for row in await session.execute(text("SELECT * FROM audit_events")))


async def test_a_created_account_signs_in_with_its_one_time_password_and_must_change_it(
        console, caplog):
    caplog.set_level(logging.DEBUG)
    client, _ = console
    await sign_in_as(client, "admin")
    resp, password = await create(client, "robin", "caseworker", "asb", "spiking")
    assert resp.status == 200 and resp.headers["Cache-Control"] == "no-store"
    assert password and len(password.replace("-", "")) >= 16
    assert not set(password) & set("0o1il5sOIL")  # read out over the phone without doubt
    assert (await create(client, "robin2", "viewer"))[1] != password  # random each time
    await logout(client)

    first = await login(client, password=password, username="robin")
    assert first.headers["Location"] == "/staff/account/password"
    for page in ("/staff/reports", "/staff/directory", "/staff/statistics", "/staff"):
        resp = await client.get(page, allow_redirects=False)
        assert resp.headers["Location"] == "/staff/account/password", page
    form = await client.get("/staff/account/password")
    assert form.status == 200 and re.search(r"choose\s+your own before", await form.text())

    async def change(current, new, repeat=None, **kw):
        return await post(client, "/staff/account/password", ("current", current), ("new", new),
                          ("repeat", new if repeat is None else repeat),
                          page="/staff/account/password", **kw)

    for refused, why in ((await change(password, "too short"), "at least 12 characters"),
                         (await change(password, NEW_PASSWORD, "something else entirely"),
                          "are not the same"),
                         (await change(password, password), "differs from the current one"),
                         (await change("not my password at all", NEW_PASSWORD),
                          "not your current password")):
        assert refused.status == 400 and why in await refused.text()
    assert (await client.get("/staff/reports", allow_redirects=False)).status == 302  # still

    done = await change(password, NEW_PASSWORD, allow_redirects=False)
    assert done.headers["Location"] == "/staff/reports"
    home = await client.get("/staff/reports")
    assert home.status == 200 and "Your password was changed." in await home.text()
    assert "Your password was changed." not in await (await client.get("/staff/reports")).text()
    await logout(client)
    assert (await login(client, password=password, username="robin")).status == 401
    again = await login(client, password=NEW_PASSWORD, username="robin")
    assert again.headers["Location"] == "/staff/reports"

    assert password not in caplog.text and NEW_PASSWORD not in caplog.text
    assert password not in await everything_audited(client)
    async with client.server.app[SESSIONS]() as session:
        stored = " ".join(await session.scalars(text("SELECT password_hash FROM staff_users")))
    assert password not in stored and NEW_PASSWORD not in stored
    assert await audit_lines(client, "staff_account_created") == [
        ("adam", {"account": "robin", "role": "caseworker", "topics": ["asb", "spiking"]}),
        ("adam", {"account": "robin2", "role": "viewer", "topics": []})]
    assert await audit_lines(client, "staff_password_changed") == [("robin", {"account": "robin"})]


async def test_changing_ones_password_keeps_this_device_and_signs_out_the_others(console):
    client, _ = console
    await login(client)
    other_device = cookie(client)
    await login(client)
    resp = await post(client, "/staff/account/password", ("current", PASSWORD),
                      ("new", NEW_PASSWORD), ("repeat", NEW_PASSWORD),
                      page="/staff/account/password", allow_redirects=False)
    assert resp.headers["Location"] == "/staff/reports"
    assert (await client.get("/staff/reports", allow_redirects=False)).status == 200  # carries on
    use(client, other_device)
    resp = await client.get("/staff/reports", allow_redirects=False)
    assert resp.headers["Location"] == "/staff/login?ended=elsewhere"


async def test_wrong_current_passwords_count_towards_the_lock_out(console):
    client, _ = console
    await login(client)

    async def change(current):
        return await post(client, "/staff/account/password", ("current", current),
                          ("new", NEW_PASSWORD), ("repeat", NEW_PASSWORD),
                          page="/staff/account/password")

    statuses = [(await change(f"wrong guess number {i}")).status for i in range(5)]
    assert statuses == [400, 400, 400, 400, 429]
    locked = await change(PASSWORD)  # the right one, too soon
    assert locked.status == 429 and "Wait 15 minutes" in await locked.text()
    await logout(client)
    assert (await login(client)).status == 429  # signing in is locked the same way


async def test_role_and_topic_changes_apply_on_the_accounts_next_request(console):
    client, _ = console
    hate = await another_report(client, "hate_crime", "shouted at in the street")
    await login(client)
    casey = cookie(client)
    assert (await client.get(f"/staff/reports/{hate.reference}")).status == 403
    await sign_in_as(client, "admin")
    adam = cookie(client)

    saved = await post(client, "/staff/users/casey/access", ("role", "caseworker"),
                       ("topics", "asb"), ("topics", "hate_crime"))
    assert saved.url.path == "/staff/users/casey" and "Role and topics saved" in await saved.text()
    use(client, casey)
    assert (await client.get(f"/staff/reports/{hate.reference}", allow_redirects=False)).status == 200

    use(client, adam)
    await post(client, "/staff/users/casey/access", ("role", "viewer"), ("topics", "asb"))
    use(client, casey)
    assert (await client.get("/staff/reports")).status == 403
    assert (await client.get("/staff/statistics", allow_redirects=False)).status == 200

    use(client, adam)
    for fields, why in (((("role", "root"),), "role must be one of"),
                        ((("role", "caseworker"), ("topics", "parking")), "unknown topics")):
        refused = await post(client, "/staff/users/casey/access", *fields)
        assert refused.status == 400 and why in await refused.text()
    assert (await client.get("/staff/users/nobody")).status == 404
    for action in ("access", "password", "disable", "enable"):
        assert (await post(client, f"/staff/users/nobody/{action}", ("role", "viewer"))).status == 404
    assert await audit_lines(client, "staff_access_changed") == [
        ("adam", {"account": "casey", "role": "caseworker", "topics": ["asb", "hate_crime"],
                  "previous_role": "caseworker"}),
        ("adam", {"account": "casey", "role": "viewer", "topics": [], "previous_role": "caseworker"})]


async def test_a_password_reset_signs_the_account_out_and_lifts_its_lock_out(console, caplog):
    caplog.set_level(logging.DEBUG)
    client, _ = console
    await login(client)
    casey = cookie(client)
    client.session.cookie_jar.clear()
    for _ in range(5):
        await login(client, password="somebody guessing")
    assert (await login(client)).status == 429
    await sign_in_as(client, "admin")
    listed = await (await client.get("/staff/users")).text()
    assert re.search(r"casey</a></td>.*?<strong>yes</strong>: a password reset lifts it", listed, re.S)

    resp = await post(client, "/staff/users/casey/password", page="/staff/users/casey")
    password = ONE_TIME.search(await resp.text()).group(1)
    assert resp.status == 200 and resp.headers["Cache-Control"] == "no-store"
    assert "was reset" in await resp.text()
    assert "lifts it" not in await (await client.get("/staff/users")).text()
    use(client, casey)
    resp = await client.get("/staff/reports", allow_redirects=False)
    assert resp.headers["Location"] == "/staff/login?ended=elsewhere"
    assert (await login(client)).status == 401  # the old password is gone
    first = await login(client, password=password)
    assert first.headers["Location"] == "/staff/account/password"
    assert password not in caplog.text and password not in await everything_audited(client)
    assert await audit_lines(client, "staff_password_reset") == [("adam", {"account": "casey"})]


class Verifications:
    """The password hasher, noting which hashes are verified against."""

    def __init__(self, real):
        self.real, self.verified = real, []

    def verify(self, stored, password):
        self.verified.append(stored)
        return self.real.verify(stored, password)


async def test_disabling_ends_an_open_session_and_refuses_sign_in_until_enabled(console, monkeypatch):
    client, report = console
    await login(client)
    casey = cookie(client)
    await sign_in_as(client, "admin")
    adam = cookie(client)
    listed = await (await client.get(f"/staff/reports/{report.reference}")).text()
    assert '<option value="casey"' in listed

    done = await post(client, "/staff/users/casey/disable", page="/staff/users/casey")
    assert "Account disabled" in await done.text()
    assert '<option value="casey"' not in await (await client.get(
        f"/staff/reports/{report.reference}")).text()
    refused = await post(client, f"/staff/reports/{report.reference}/assign", ("assignee", "casey"),
                         page=f"/staff/reports/{report.reference}")
    assert refused.status == 400
    assert "<strong>disabled</strong>" in await (await client.get("/staff/users")).text()

    use(client, casey)
    resp = await client.get("/staff/reports", allow_redirects=False)
    assert resp.headers["Location"] == "/staff/login?ended=disabled"
    assert "has been disabled" in await (await client.get(resp.headers["Location"])).text()
    hasher = Verifications(staff._hasher)
    monkeypatch.setattr(staff, "_hasher", hasher)
    resp = await login(client)
    assert resp.status == 401 and "Wrong username or password." in await resp.text()
    assert hasher.verified == [staff._DUMMY_HASH]  # the same argon2 work as a wrong password

    use(client, adam)
    assert "Account enabled" in await (await post(client, "/staff/users/casey/enable",
                                                  page="/staff/users/casey")).text()
    client.session.cookie_jar.clear()
    assert (await login(client)).headers["Location"] == "/staff/reports"
    assert await audit_lines(client, "staff_account_disabled") == [("adam", {"account": "casey"})]
    assert await audit_lines(client, "staff_account_enabled") == [("adam", {"account": "casey"})]


async def test_an_admin_cannot_demote_disable_or_reset_themselves(console):
    client, _ = console
    await sign_in_as(client, "admin")
    for action, fields, why in (
            ("access", (("role", "caseworker"),), "cannot change your own role"),
            ("disable", (), "cannot disable your own account"),
            ("password", (), "use Change password")):
        refused = await post(client, f"/staff/users/adam/{action}", *fields)
        assert refused.status == 400 and why in await refused.text(), action
    kept = await post(client, "/staff/users/adam/access", ("role", "admin"))  # own topics only
    assert kept.status == 200 and "Role and topics saved" in await kept.text()
    adam = await staff.find(client.server.app[SESSIONS], "adam")
    assert (adam.role, adam.disabled_at, adam.session_epoch) == ("admin", None, 0)
    assert (await client.get("/staff/users", allow_redirects=False)).status == 200  # still signed in


async def test_the_last_active_admin_can_never_be_demoted_or_disabled(console):
    client, _ = console
    sessions = client.server.app[SESSIONS]
    await staff.set_password(sessions, "adam", PASSWORD, "admin", create=True)
    with pytest.raises(staff.AccountError, match="last active admin"):
        await staff.change_access(sessions, "adam", "caseworker", ["asb"])
    with pytest.raises(staff.AccountError, match="last active admin"):
        await staff.set_disabled(sessions, "adam", True)
    await staff.set_password(sessions, "alex", PASSWORD, "admin", create=True)
    await staff.set_disabled(sessions, "alex", True)  # a disabled admin is nobody in charge
    with pytest.raises(staff.AccountError, match="last active admin"):
        await staff.change_access(sessions, "adam", "viewer", [])
    await staff.set_disabled(sessions, "alex", False)
    assert (await staff.change_access(sessions, "adam", "viewer", []))[0].role == "viewer"
    with pytest.raises(staff.AccountError, match="last active admin"):
        await staff.set_disabled(sessions, "alex", True)

    assert (await login(client, username="alex")).status == 302  # alex alone is in charge
    refused = await post(client, "/staff/users/alex/access", ("role", "viewer"))
    assert refused.status == 400 and "own role" in await refused.text()


async def test_every_account_form_refuses_a_missing_or_wrong_csrf_token(console):
    client, _ = console
    await sign_in_as(client, "admin")
    await client.get("/staff/users")
    for path in ("/staff/users", "/staff/users/casey/access", "/staff/users/casey/password",
                 "/staff/users/casey/disable", "/staff/users/casey/enable",
                 "/staff/account/password"):
        for token in ({}, {"csrf": "forged"}):
            resp = await client.post(path, data={**token, "username": "mallory", "role": "admin",
                                                 "current": PASSWORD, "new": NEW_PASSWORD,
                                                 "repeat": NEW_PASSWORD})
            assert resp.status == 403, path
    casey = await staff.find(client.server.app[SESSIONS], "casey")
    assert (casey.role, casey.disabled_at, casey.session_epoch) == ("caseworker", None, 0)
    assert await staff.find(client.server.app[SESSIONS], "mallory") is None
    assert "staff_" not in await everything_audited(client)


@pytest.mark.parametrize(("username", "why"), [
    ("<script>alert(1)</script>", "a username is 2 to 64"), ("x", "a username is 2 to 64"),
    ("..", "a username is 2 to 64"), ("jo@council.gov.uk", "a username is 2 to 64"),
    ("casey", "exists already"), ("CASEY", "exists already")])
async def test_bad_or_taken_usernames_are_refused_and_shown_as_text(console, username, why):
    client, _ = console
    await sign_in_as(client, "admin")
    resp, password = await create(client, username, "caseworker", "asb")
    page = await resp.text()
    assert resp.status == 400 and why in page and password is None
    assert "<script>alert" not in page
    if "<" in username:  # given back in the form to correct, as text
        assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in page
    assert len(await staff.accounts(client.server.app[SESSIONS])) == 2  # casey and adam
    assert "staff_account_created" not in await everything_audited(client)


async def test_an_unknown_role_is_refused_and_nothing_is_created(console):
    client, _ = console
    await sign_in_as(client, "admin")
    resp, password = await create(client, "robin", "superuser")
    assert resp.status == 400 and "role must be one of" in await resp.text() and password is None
    assert await staff.find(client.server.app[SESSIONS], "robin") is None
    missing = await client.get("/staff/users/%3Cscript%3E")
    assert missing.status == 404 and "<script" not in await missing.text()


async def test_the_account_pages_have_plain_titles_unique_ids_and_scrolling_tables(console):
    client, _ = console
    await sign_in_as(client, "admin")
    created, _ = await create(client, "robin", "viewer")
    pages = {"Staff accounts · Safer Oxford staff": await (await client.get("/staff/users")).text(),
             "Account casey · Safer Oxford staff": await (await client.get("/staff/users/casey")).text(),
             "Change your password · Safer Oxford staff":
                 await (await client.get("/staff/account/password")).text(),
             "One-time password · Safer Oxford staff": await created.text()}
    for title, page in pages.items():
        assert re.search(r"<title>(.*?)</title>", page, re.S).group(1) == title
        ids = re.findall(r'\bid="([^"]+)"', page)
        assert len(ids) == len(set(ids)), f"{title} repeats an id"
        assert page.count("<table") == page.count('<div class="scroll"><table')
        assert "Sign out everywhere" in page and '<a href="/staff/users">Users</a>' in page
        assert "http://" not in page and "https://" not in page  # no third-party assets
        for field in re.findall(r'<(?:input|select)\b[^>]*\bid="([^"]+)"', page):
            assert f'for="{field}"' in page, f"{title}: {field} has no label"
    await logout(client)
    await login(client)
    page = await (await client.get("/staff/reports")).text()
    assert "/staff/account/password" in page and 'href="/staff/users"' not in page


async def test_storage_refuses_disabled_accounts_and_keeps_them_from_casework(sessions):
    name = f"robin-{uuid.uuid4().hex[:8]}"
    user, password = await staff.create_account(sessions, name, "caseworker", ["asb"])
    assert user.must_change_password and user.topics == ["asb"]

    async def sign_in(password):
        return await staff.authenticate(sessions, name, password, f"key-{name}")

    assert (await sign_in(password)).user.username == name
    with pytest.raises(ValueError, match="exists already"):
        await staff.create_account(sessions, name.upper(), "viewer", [])
    assert name in await staff.handlers_of(sessions, "asb")
    assert (await staff.set_disabled(sessions, name, True)).session_epoch == 1
    assert (await sign_in(password)).user is None
    assert name not in await staff.handlers_of(sessions, "asb")
    await staff.set_disabled(sessions, name, False)
    assert (await sign_in(password)).user is not None
    assert name in await staff.handlers_of(sessions, "asb")

    changed, previous = await staff.change_access(sessions, name, "viewer", ["asb"])
    assert (changed.role, changed.topics, previous) == ("viewer", [], "caseworker")
    reset, new = await staff.reset_password(sessions, name)
    assert new != password and reset.must_change_password and reset.session_epoch == 2
    assert (await sign_in(password)).user is None and (await sign_in(new)).user is not None
    assert await staff.change_access(sessions, f"nobody-{name}", "viewer", []) is None
    assert await staff.set_disabled(sessions, f"nobody-{name}", True) is None
    key = f"key-{name}"
    for _ in range(5):
        await sign_in("not the password at all")
    assert await staff.locked_out(sessions, [key, "key-nobody"]) == {key}
