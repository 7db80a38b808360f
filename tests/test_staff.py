"""The staff console's first screens: login with CSRF, and the report list."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from bot.crypto import DataCipher, master_key
from bot.storage import reports, staff
from bot.storage.db import make_engine, make_sessionmaker
from bot.web.app import create_app
from bot.web.keys import SETTINGS
from tests.conftest import make_settings

PASSWORD = "a long staff password"


@pytest.fixture
async def console(aiohttp_client, tmp_path, sqlite_sessions_url):
    settings = make_settings(tmp_path, DATABASE_URL=sqlite_sessions_url)
    engine = make_engine(sqlite_sessions_url)
    sessions = make_sessionmaker(engine)
    await staff.set_password(sessions, "casey", PASSWORD, "caseworker", create=True)
    cipher = DataCipher(master_key(settings))
    report = await reports.create_report(sessions, cipher, reports.NewReport(
        topic="asb", description="<script>alert(1)</script> fly-tipping", urgent=False,
        reporter="web-x", submission_id="1"))
    client = await aiohttp_client(create_app(settings))
    yield client, report
    await engine.dispose()


async def csrf_of(client, path="/staff/login") -> str:
    page = await (await client.get(path)).text()
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


async def login(client, password=PASSWORD):
    token = await csrf_of(client)
    return await client.post("/staff/login", allow_redirects=False,
                             data={"csrf": token, "username": "casey", "password": password})


async def test_report_list_needs_a_login(console):
    client, _ = console
    resp = await client.get("/staff/reports", allow_redirects=False)
    assert resp.status == 302 and resp.headers["Location"] == "/staff/login"


async def test_login_shows_reports_without_their_free_text(console):
    client, report = console
    resp = await login(client)
    assert resp.status == 302 and resp.headers["Location"] == "/staff/reports"
    page = await (await client.get("/staff/reports")).text()
    assert reports.format_reference(report.reference) in page
    assert "casey (caseworker)" in page
    assert "<script>" not in page and "fly-tipping" not in page


async def test_wrong_password_is_refused(console):
    client, _ = console
    resp = await login(client, password="not the password")
    assert resp.status == 401 and "Wrong username or password" in await resp.text()
    assert (await client.get("/staff/reports", allow_redirects=False)).status == 302


async def test_forms_without_the_csrf_token_are_refused(console):
    client, _ = console
    await client.get("/staff/login")
    resp = await client.post("/staff/login", data={"username": "casey", "password": PASSWORD})
    assert resp.status == 403
    assert (await client.get("/staff/reports", allow_redirects=False)).status == 302


async def test_logout_ends_the_session(console):
    client, _ = console
    await login(client)
    token = await csrf_of(client, "/staff/reports")
    resp = await client.post("/staff/logout", data={"csrf": token}, allow_redirects=False)
    assert resp.status == 302
    assert (await client.get("/staff/reports", allow_redirects=False)).status == 302


async def test_a_caseworker_writes_to_the_reporter_and_it_is_stored_encrypted(console):
    client, report = console
    await login(client)
    token = await csrf_of(client, "/staff/reports")
    resp = await client.post(f"/staff/reports/{report.reference}/messages",
                             data={"csrf": token, "message": "Could you tell us the time?"})
    assert resp.status == 200 and "Message sent to the reporter" in await resp.text()
    settings = client.server.app[SETTINGS]
    engine = make_engine(settings.database)
    async with make_sessionmaker(engine)() as session:
        body, author = (await session.execute(text(
            "SELECT body_enc, author FROM messages"))).one()
    await engine.dispose()
    assert author == "casey" and "the time" not in body
    assert DataCipher(master_key(settings)).decrypt(body) == "Could you tell us the time?"


@pytest.mark.parametrize(("form", "status"), [
    ({"message": ""}, 400), ({"message": "x" * 2001}, 400), ({"message": "hi", "csrf": "bad"}, 403)])
async def test_bad_staff_messages_are_refused_clearly(console, form, status):
    client, report = console
    await login(client)
    data = {"csrf": await csrf_of(client, "/staff/reports"), **form}
    resp = await client.post(f"/staff/reports/{report.reference}/messages", data=data)
    assert resp.status == status


async def test_writing_to_a_report_that_is_gone_is_a_clear_404(console):
    client, _ = console
    await login(client)
    resp = await client.post("/staff/reports/ABCDEFGHJKMN/messages", data={
        "csrf": await csrf_of(client, "/staff/reports"), "message": "hello"})
    assert resp.status == 404 and "no longer exists" in await resp.text()
