"""The staff console's first screens: login with CSRF, and the report list."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import time

import aiohttp
import pytest
from sqlalchemy import text

from bot import directory
from bot.crypto import DataCipher, master_key
from bot.language import translations
from bot.storage import casework, reports, staff
from bot.storage.db import make_engine, make_sessionmaker
from bot.web.app import create_app
from bot.web.keys import CIPHER, SESSIONS, SETTINGS
from bot.web.staff import EXPORT_COLUMNS, PUBLIC
from tests.conftest import make_settings
from tests.test_directory import BAD_ROWS, GOOD_ROWS, partnership_csv

PASSWORD = "a long staff password"


@pytest.fixture
async def console(aiohttp_client, tmp_path, sqlite_sessions_url):
    settings = make_settings(tmp_path, DATABASE_URL=sqlite_sessions_url)
    engine = make_engine(sqlite_sessions_url)
    sessions = make_sessionmaker(engine)
    await staff.set_password(sessions, "casey", PASSWORD, "caseworker", create=True,
                             topics=["asb"])
    cipher = DataCipher(master_key(settings))
    report = await reports.create_report(sessions, cipher, reports.NewReport(
        topic="asb", description="<script>alert(1)</script> fly-tipping", urgent=False,
        reporter="web-x", submission_id="1",
        answers={"report_where": "Rose Hill", "report_role": "witness"},
        consents=("oxford_city_council",), referrals=(("oxford_city_council", "outbox"),)))
    client = await aiohttp_client(create_app(settings))
    yield client, report
    await engine.dispose()


async def another_report(client, topic: str, description: str):
    """One more report in the console's database, shared with nobody."""
    app = client.server.app
    return await reports.create_report(app[SESSIONS], app[CIPHER], reports.NewReport(
        topic=topic, description=description, urgent=False, reporter=f"web-{topic}",
        submission_id=topic))


async def csrf_of(client, path="/staff/login") -> str:
    page = await (await client.get(path)).text()
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


async def login(client, password=PASSWORD, username="casey"):
    token = await csrf_of(client)
    return await client.post("/staff/login", allow_redirects=False,
                             data={"csrf": token, "username": username, "password": password})


async def audit_actions(client, reference: str) -> list[str]:
    async with client.server.app[SESSIONS]() as session:
        return list((await session.execute(text(
            "SELECT action FROM audit_events WHERE report_reference = :r ORDER BY id"),
            {"r": reference})).scalars())


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
    page = await resp.text()
    assert resp.status == 200 and resp.url.path == f"/staff/reports/{report.reference}"
    assert "Message sent to the reporter." in page and "Could you tell us the time?" in page
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


async def test_the_report_page_shows_the_account_and_audits_the_view(console):
    client, report = console
    await login(client)
    page = await (await client.get(f"/staff/reports/{report.reference}")).text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; fly-tipping" in page  # escaped, not run
    assert "Rose Hill" in page and "Oxford City Council" in page
    assert "to send" in page and "Mark as sent" in page
    assert "Who is reporting</dt><dd>I saw it happen" in page
    actions = await audit_actions(client, report.reference)
    assert actions == ["report_created", "report_viewed"]


async def test_a_referral_is_marked_sent_once_and_audited(console):
    client, report = console
    await login(client)
    url = f"/staff/reports/{report.reference}/referrals/oxford_city_council/sent"
    token = await csrf_of(client, f"/staff/reports/{report.reference}")
    resp = await client.post(url, data={"csrf": token})
    assert resp.status == 200 and "Referral marked as sent." in await resp.text()
    again = await client.post(url, data={"csrf": token})
    assert again.status == 409 and "not waiting to be sent" in await again.text()
    assert "referral_sent" in await audit_actions(client, report.reference)


async def test_referring_elsewhere_needs_a_reason_and_asks_the_reporter_first(console):
    client, report = console
    await login(client)
    page_url = f"/staff/reports/{report.reference}"
    page = await (await client.get(page_url)).text()
    offered = page.split('id="refer-to"')[1].split("</select>")[0]
    assert "thames_valley_police" in offered and "oxford_city_council" not in offered
    assert "suggested by routing" not in offered  # routing's only choice is referred already
    token = await csrf_of(client, page_url)
    url = f"{page_url}/referrals"
    for form, status in [({"organisation": "nowhere", "reason": "r"}, 400),
                         ({"organisation": "oxford_city_council", "reason": "again"}, 400),
                         ({"organisation": "thames_valley_police"}, 400),
                         ({"organisation": "thames_valley_police", "reason": "x" * 2001}, 400),
                         ({"organisation": "thames_valley_police", "reason": "r", "csrf": "x"}, 403)]:
        resp = await client.post(url, data={"csrf": token, **form})
        assert resp.status == status, form
    resp = await client.post(url, data={"csrf": token, "organisation": "thames_valley_police",
                                         "reason": "<script>alert(2)</script> threats made"})
    page = await resp.text()
    assert resp.status == 200 and "waiting for the reporter&#39;s consent" in page
    assert "<script>alert(2)" not in page and "&lt;script&gt;alert(2)&lt;/script&gt; threats" in page
    assert (await audit_actions(client, report.reference))[-2:] == [
        "referral_requested", "report_viewed"]
    async with client.server.app[SESSIONS]() as session:
        (body,) = (await session.execute(text(
            "SELECT body_enc FROM messages WHERE report_id = :i"), {"i": report.id})).scalars()
    asked = client.server.app[CIPHER].decrypt(body)
    assert "Thames Valley Police" in asked and "threats made" in asked and "yes or no" in asked


async def test_routings_suggestion_needs_no_reason(console):
    client, _ = console
    unshared = await another_report(client, "asb", "noise every night")
    await login(client)
    page_url = f"/staff/reports/{unshared.reference}"
    assert "Oxford City Council community safety team (suggested by routing)" in \
        await (await client.get(page_url)).text()
    resp = await client.post(f"{page_url}/referrals", data={
        "csrf": await csrf_of(client, page_url), "organisation": "oxford_city_council"})
    assert resp.status == 200 and "waiting for the reporter&#39;s consent" in await resp.text()
    assert "suggested by routing" not in await (await client.get(page_url)).text()


async def test_a_viewer_cannot_open_a_report(console):
    client, report = console
    app = client.server.app
    await staff.set_password(app[SESSIONS], "vera", PASSWORD, "viewer", create=True)
    token = await csrf_of(client)
    await client.post("/staff/login", data={"csrf": token, "username": "vera",
                                            "password": PASSWORD})
    resp = await client.get(f"/staff/reports/{report.reference}")
    assert resp.status == 403
    assert await audit_actions(client, report.reference) == ["report_created"]


async def test_the_app_applies_the_retention_period_when_it_starts(aiohttp_client, tmp_path,
                                                                     sqlite_sessions_url):
    engine = make_engine(sqlite_sessions_url)
    sessions = make_sessionmaker(engine)
    settings = make_settings(tmp_path, DATABASE_URL=sqlite_sessions_url, RETENTION_DAYS="30")
    cipher = DataCipher(master_key(settings))
    old = await reports.create_report(sessions, cipher, reports.NewReport(
        topic="asb", description="closed long ago", urgent=False, reporter="web-y",
        submission_id="old"))
    async with sessions() as session, session.begin():
        await session.execute(text("UPDATE reports SET status = 'closed', updated_at = :u"),
                              {"u": dt.datetime.now(dt.UTC) - dt.timedelta(days=31)})
    await aiohttp_client(create_app(settings))
    assert await reports.find_by_reference(sessions, old.reference) is None
    await engine.dispose()


async def test_the_directory_page_flags_entries_not_verified_for_6_months(console, monkeypatch):
    client, _ = console
    assert (await client.get("/staff/directory", allow_redirects=False)).status == 302
    await login(client)
    page = await (await client.get("/staff/directory")).text()
    assert "Every entry was verified in the last 6 months." in page
    assert "Stop Hate UK" in page and "sample, not a real Safe Place" in page
    monkeypatch.setattr("bot.web.directory.today", lambda: dt.date(2027, 6, 1))
    page = await (await client.get("/staff/directory")).text()
    assert re.search(r"\d+ entries have not been verified for 6 months", page)
    assert page.count("<strong>re-check</strong>") >= 30


ACCOUNTS = {"viewer": "vera", "caseworker": "casey", "admin": "adam"}


def staff_routes(app) -> list[tuple[str, str, object]]:
    """(method, path, handler) of every route under /staff."""
    found = []
    for route in app.router.routes():
        info = route.resource.get_info() if route.resource else {}
        path = info.get("path") or info.get("formatter") or ""
        if path.startswith("/staff") and route.method != "HEAD":
            found.append((route.method, path, route.handler))
    return found


async def sign_in_as(client, who: str) -> None:
    """An account of the role `who` ("anonymous": none) signs in on this client."""
    if who == "anonymous":
        return
    app = client.server.app
    if who != "caseworker":
        await staff.set_password(app[SESSIONS], ACCOUNTS[who], PASSWORD, who, create=True)
    assert (await login(client, username=ACCOUNTS[who])).status == 302


def test_every_staff_route_states_the_roles_it_allows(console):
    client, _ = console
    routes = staff_routes(client.server.app)
    assert len(routes) >= 10
    for method, path, handler in routes:
        assert getattr(handler, "roles", None), f"{method} {path} does not say who may use it"


@pytest.mark.parametrize("who", ["anonymous", "viewer", "caseworker", "admin"])
async def test_every_staff_route_refuses_anyone_its_roles_do_not_name(console, who):
    client, report = console
    await sign_in_as(client, who)
    token = await csrf_of(client)
    checked = 0
    for method, path, handler in staff_routes(client.server.app):
        if handler.roles == PUBLIC or (who in handler.roles and method != "GET"):
            continue  # an allowed POST would act (sign-out everywhere would end this run)
        url = path.format(reference=report.reference, organisation="oxford_city_council",
                          kind="service", entry_id="galop", username="casey")
        resp = await client.request(method, url, data={"csrf": token}, allow_redirects=False)
        if who == "anonymous":
            assert (resp.status, resp.headers.get("Location")) == (302, "/staff/login"), url
        elif who not in handler.roles:
            assert resp.status == 403, f"{who} reached {method} {url}"
        elif method == "GET":  # allowed: served, or sent on to the role's home page
            assert resp.status in (200, 302) and "/staff/login" not in resp.headers.get(
                "Location", ""), f"{who} refused {url}"
        checked += 1
    assert checked >= 5  # each role meets at least its five pages


async def test_a_caseworker_sees_and_opens_only_the_reports_of_their_topics(console):
    client, asb_report = console
    hate = await another_report(client, "hate_crime", "shouted abuse at my neighbour")
    await login(client)
    listed = await (await client.get("/staff/reports")).text()
    assert reports.format_reference(asb_report.reference) in listed
    assert reports.format_reference(hate.reference) not in listed
    refused = await client.get(f"/staff/reports/{hate.reference}")
    assert refused.status == 403 and "not one of yours" in await refused.text()
    assert await audit_actions(client, hate.reference) == ["report_created"]  # no view logged


async def test_a_session_unused_for_the_idle_time_ends(console, monkeypatch):
    client, _ = console
    await login(client)
    assert (await client.get("/staff/reports")).status == 200
    later = time.time() + 31 * 60
    monkeypatch.setattr("bot.web.staff.time.time", lambda: later)
    resp = await client.get("/staff/reports", allow_redirects=False)
    assert resp.headers["Location"] == "/staff/login?ended=idle"
    page = await (await client.get(resp.headers["Location"])).text()
    assert "not used for a while" in page
    assert (await client.get("/staff/reports", allow_redirects=False)).status == 302


async def test_sign_out_everywhere_ends_the_accounts_other_sessions(console):
    client, _ = console
    await login(client)
    other_device = client.session.cookie_jar.filter_cookies(client.make_url("/staff"))["staff_session"].value
    await login(client)
    resp = await client.post("/staff/logout-everywhere", allow_redirects=False,
                             data={"csrf": await csrf_of(client, "/staff/reports")})
    assert resp.headers["Location"] == "/staff/login?ended=elsewhere"
    client.session.cookie_jar.update_cookies({"staff_session": other_device},
                                             client.make_url("/staff"))
    resp = await client.get("/staff/reports", allow_redirects=False)
    assert resp.headers["Location"] == "/staff/login?ended=elsewhere"


async def test_a_password_reset_signs_the_account_out(console):
    client, _ = console
    await login(client)
    await staff.set_password(client.server.app[SESSIONS], "casey", "a new long password", None,
                             create=False)
    resp = await client.get("/staff/reports", allow_redirects=False)
    assert resp.headers["Location"] == "/staff/login?ended=elsewhere"


async def test_repeated_failed_sign_ins_lock_the_name_out(console):
    client, _ = console
    statuses = [(await login(client, password="guess number one")).status for _ in range(5)]
    assert statuses == [401, 401, 401, 401, 429]
    locked = await login(client)  # the right password, too soon
    assert locked.status == 429 and "Wait 15 minutes" in await locked.text()
    assert (await client.get("/staff/reports", allow_redirects=False)).status == 302


async def test_the_cookie_is_https_only_when_configured(aiohttp_client, tmp_path,
                                                      sqlite_sessions_url):
    settings = make_settings(tmp_path, DATABASE_URL=sqlite_sessions_url,
                             STAFF_COOKIE_SECURE="true")
    client = await aiohttp_client(create_app(settings))
    cookie = (await client.get("/staff/login")).headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie


async def test_a_viewer_signs_in_to_the_statistics_counted_by_the_database(console):
    client, report = console
    await sign_in_as(client, "viewer")
    resp = await client.get("/staff", allow_redirects=False)
    assert resp.headers["Location"] == "/staff/statistics"
    page = await (await client.get("/staff/statistics")).text()
    month = report.created_at.strftime("%Y-%m")
    row = re.search(rf'<th scope="row">{month}</th>(.*?)</tr>', page, re.S).group(1)  # by topic
    assert re.findall(r"<td>(\d+)<br>", row) == ["1", "0", "0", "0", "0", "1"]  # asb first
    assert "fly-tipping" not in page


async def test_a_caseworker_takes_a_report_from_new_to_closed_and_each_step_is_audited(console):
    client, report = console
    await login(client)
    url = f"/staff/reports/{report.reference}"
    token = await csrf_of(client, url)

    async def post(action, **form):
        return await client.post(f"{url}/{action}", data={"csrf": token, **form})

    assert "Assignment saved." in await (await post("assign", assignee="casey")).text()
    assert (await post("assign", assignee="someone-else")).status == 400
    assert "Status changed." in await (await post("status", status="in_review",
                                                  note="phoned the estate office")).text()
    assert "Note added." in await (await post("notes", note="the neighbour has CCTV")).text()
    refused = await post("status", status="closed")
    assert refused.status == 400 and "needs its outcome" in await refused.text()
    assert (await post("status", status="parked")).status == 400
    assert (await post("notes", note="   ")).status == 400
    page = await (await post("status", status="closed", outcome="resolved")).text()
    assert "Closed (Resolved)" in page and "phoned the estate office" in page
    assert "the neighbour has CCTV" in page and "<strong>casey</strong>" in page
    assert [a for a in await audit_actions(client, report.reference) if a != "report_viewed"] == [
        "report_created", "assigned", "status_changed", "note_added", "status_changed"]
    async with client.server.app[SESSIONS]() as session:
        stored = " ".join((await session.execute(text(
            "SELECT body_enc FROM case_notes UNION ALL SELECT coalesce(note_enc, '') "
            "FROM status_changes"))).scalars())
    assert "CCTV" not in stored and "estate office" not in stored


def test_every_status_staff_can_set_has_words_for_the_resident():
    said = {key.removeprefix("status.") for key in translations.default().english["interface"]}
    assert set(casework.STATUSES) <= said


async def make_reports(client) -> dict[str, reports.Report]:
    """A small queue: urgent ASB from 30 hours ago, two hate crimes, a closed spiking report."""
    app = client.server.app
    made = {}
    for key, topic, urgent, found in (
            ("urgent_asb", "asb", True, {"asb_kind": ["vandalism"]}),
            ("race", "hate_crime", False, {"hate_strand": ["race"], "place": ["cowley"]}),
            ("faith", "hate_crime", False, {"hate_strand": ["religion", "race"]}),
            ("spiking", "spiking", False, {})):
        made[key] = await reports.create_report(app[SESSIONS], app[CIPHER], reports.NewReport(
            topic=topic, description=f"=HYPERLINK(\"http://x\") {key}", urgent=urgent,
            reporter=f"web-{key}", submission_id=key, details=found,
            language="pl" if key == "faith" else "en",
            consents=("stop_hate_uk",) if key == "race" else (),
            referrals=(("stop_hate_uk", "outbox"),) if key == "race" else ()))
    async with app[SESSIONS]() as session, session.begin():
        await session.execute(text("UPDATE reports SET created_at = :at WHERE reference = :r"), {
            "at": dt.datetime.now(dt.UTC) - dt.timedelta(hours=30),
            "r": made["urgent_asb"].reference})
    await casework.change_status(app[SESSIONS], app[CIPHER], made["spiking"].reference, "closed",
                                 "adam", outcome="resolved")
    await casework.assign(app[SESSIONS], made["race"].reference, "adam", "adam")
    return made


def listed(page: str) -> set[str]:
    return set(re.findall(r'<a href="/staff/reports/([A-Z0-9]+)">', page))


@pytest.mark.parametrize(("query", "expected"), [
    ("", {"urgent_asb", "race", "faith", "spiking", "fixture"}),
    ("topic=hate_crime", {"race", "faith"}),
    ("strand=race", {"race", "faith"}),
    ("strand=religion", {"faith"}),
    ("area=cowley", {"race"}),
    ("status=closed", {"spiking"}),
    ("urgent=yes", {"urgent_asb"}),
    ("assigned_to=adam", {"race"}),
    ("assigned_to=nobody&topic=hate_crime", {"faith"}),
    ("referred_to=stop_hate_uk", {"race"}),
    ("received_to=2000-01-01", set()),
    ("language=pl", {"faith"}),
    ("language=pl&topic=asb", set()),
])
async def test_the_queue_filters_as_asked(console, query, expected):
    client, fixture_report = console
    await sign_in_as(client, "admin")
    made = {**await make_reports(client), "fixture": fixture_report}
    page = await (await client.get(f"/staff/reports?{query}")).text()
    assert listed(page) == {made[k].reference for k in expected}
    assert f"{len(expected)} matching report" in page


async def test_the_queue_puts_urgent_first_and_shows_what_is_overdue(console):
    client, _ = console
    await sign_in_as(client, "admin")
    made = await make_reports(client)
    page = await (await client.get("/staff/reports")).text()
    order = re.findall(r'<a href="/staff/reports/([A-Z0-9]+)">', page)
    assert order[0] == made["urgent_asb"].reference
    assert re.search(r'<strong class="error">overdue by 6 h</strong>', page)  # told "24 hours"
    assert "Closed 1" in page and "New 4" in page
    found = await (await client.get(f"/staff/reports?reference={made['faith'].reference[:5].lower()}")).text()
    assert listed(found) == {made["faith"].reference}


@pytest.mark.parametrize("query", [
    "topic=asb%27%20OR%201%3D1%20--", "status=%3Cscript%3E", "urgent=maybe", "strand=race%22",
    "language=xx",
    "received_from=2026-13-45", "referred_to=nobody", "reference=" + "A" * 21,
    "assigned_to=" + "x" * 65])
async def test_bad_filters_are_refused_clearly(console, query):
    client, _ = console
    await login(client)
    resp = await client.get(f"/staff/reports?{query}")
    assert resp.status == 400 and len(await resp.text()) < 200


@pytest.mark.parametrize("attack", ["' OR 1=1 --", "<script>alert(1)</script>", "%' --",
                                    "x\" onmouseover=\"alert(1)"])
async def test_injection_in_free_filters_finds_nothing_and_is_shown_harmlessly(console, attack):
    client, _ = console
    await login(client)
    for name in ("reference", "assigned_to"):
        resp = await client.get("/staff/reports", params={name: attack})
        page = await resp.text()
        assert (resp.status == 200 and "No reports match." in page) or resp.status == 400
        assert "<script>alert" not in page and 'onmouseover="alert' not in page


async def test_the_csv_export_is_audited_and_holds_free_text_only_for_admins(console):
    client, _ = console
    await login(client)
    made = await make_reports(client)
    resp = await client.get("/staff/reports.csv?topic=asb")
    body = (await resp.read()).decode("utf-8-sig")
    assert resp.status == 200 and resp.headers["Content-Disposition"].startswith("attachment")
    assert body.splitlines()[0] == ",".join(EXPORT_COLUMNS)
    assert reports.format_reference(made["urgent_asb"].reference) in body
    assert "HYPERLINK" not in body and "fly-tipping" not in body  # no accounts
    assert (await client.get("/staff/reports.csv?text=yes")).status == 403
    assert (await client.get("/staff/reports.csv?topic=hate_crime")).status == 200  # not casey's:
    audit = await all_audit(client, "reports_exported")
    assert [d["with_text"] for d in audit] == [False, False]
    await client.post("/staff/logout", data={"csrf": await csrf_of(client, "/staff/reports")})
    await sign_in_as(client, "admin")
    full = (await (await client.get("/staff/reports.csv?text=yes")).read()).decode("utf-8-sig")
    assert "'=HYPERLINK" in full and "\n=HYPERLINK" not in full  # never a live formula
    assert [d["with_text"] for d in await all_audit(client, "reports_exported")][-1] is True


async def all_audit(client, action: str) -> list[dict]:
    async with client.server.app[SESSIONS]() as session:
        rows = (await session.execute(text(
            "SELECT detail FROM audit_events WHERE action = :a ORDER BY id"), {"a": action})).scalars()
        return [json.loads(d) if isinstance(d, str) else d for d in rows]


async def test_the_audit_log_is_searchable_by_admins(console):
    client, report = console
    await login(client)
    await client.get(f"/staff/reports/{report.reference}")  # casey views: audited
    await client.post("/staff/logout", data={"csrf": await csrf_of(client, "/staff/reports")})
    await sign_in_as(client, "admin")
    page = await (await client.get("/staff/audit", params={"actor": "casey"})).text()
    assert "1 matching line" in page and "report_viewed" in page
    assert reports.format_reference(report.reference) in page
    by_report = await (await client.get("/staff/audit", params={
        "reference": reports.format_reference(report.reference).lower()})).text()
    assert "report_created" in by_report and "report_viewed" in by_report
    none = await (await client.get("/staff/audit", params={"to": "2000-01-01"})).text()
    assert "0 matching lines" in none
    assert (await client.get("/staff/audit", params={"from": "yesterday"})).status == 400
    harmless = await (await client.get("/staff/audit", params={"actor": "<b>x</b>' OR 1=1"})).text()
    assert "0 matching lines" in harmless and "<b>x</b>" not in harmless


@pytest.fixture
def directory_files(monkeypatch, tmp_path):
    """The console's directory changes go to a copy; the real files must not change."""
    copy = tmp_path / "directory"
    shutil.copytree(directory.DIRECTORY_DIR, copy)
    real = {p.name: p.read_bytes() for p in directory.DIRECTORY_DIR.iterdir()}
    monkeypatch.setattr(directory, "DIRECTORY_DIR", copy)
    yield copy
    monkeypatch.undo()
    assert real == {p.name: p.read_bytes() for p in directory.DIRECTORY_DIR.iterdir()}


async def test_an_admin_imports_safe_places_and_a_bad_file_changes_nothing(
        console, directory_files, tmp_path):
    client, _ = console
    await sign_in_as(client, "admin")
    token = await csrf_of(client, "/staff/directory")

    async def upload(rows):
        form = aiohttp.FormData({"csrf": token})
        form.add_field("file", partnership_csv(tmp_path, rows).read_bytes(),
                       filename="places.csv", content_type="text/csv")
        return await client.post("/staff/directory/safe-places", data=form)

    bad = await upload(BAD_ROWS)
    assert bad.status == 400 and "row 3: hours" in await bad.text()
    assert len(directory.default().safe_places) == 9  # the samples, unchanged
    page = await (await upload(GOOD_ROWS)).text()
    assert "Safe Places imported" in page and "Cowley Road Chemist" in page
    assert [p.id for p in directory.default().safe_places] == ["library", "chemist"]
    assert [d["count"] for d in await all_audit(client, "safe_places_imported")] == [2]


async def test_an_admin_corrects_a_service_and_marks_entries_checked(console, directory_files):
    client, _ = console
    await sign_in_as(client, "admin")
    token = await csrf_of(client, "/staff/directory")
    page = await (await client.post("/staff/directory/service/galop/contact", data={
        "csrf": token, "how": "phone", "value": "0800 999 5429"})).text()
    assert "Contact corrected." in page
    galop = directory.default().services["galop"]
    assert galop.contact["phone"] == "0800 999 5429" and galop.last_verified == dt.date.today()
    no_email = await client.post("/staff/directory/service/galop/contact", data={
        "csrf": token, "how": "email", "value": ""})
    assert "Contact corrected." in await no_email.text()
    emptied = await client.post("/staff/directory/service/galop/contact", data={
        "csrf": token, "how": "phone", "value": ""})
    said = await emptied.text()
    assert emptied.status == 400 and "services.yml: service 'galop': needs a contact" in said
    assert "/tmp" not in said and str(directory_files) not in said  # no server paths
    assert directory.default().services["galop"].contact["phone"] == "0800 999 5429"
    place = directory.default().safe_places[0].id
    checked = await client.post(f"/staff/directory/safe_place/{place}/verified", data={"csrf": token})
    assert "Marked as checked today." in await checked.text()
    assert directory.default().safe_places[0].last_verified == dt.date.today()
    assert (await client.post("/staff/directory/service/nobody/verified", data={"csrf": token})).status == 400
    # Two corrections (the phone, then the e-mail); the refused one is not audited.
    assert [d["entry"] for d in await all_audit(client, "directory_corrected")] == ["galop"] * 2


async def test_what_staff_write_is_shown_as_text_never_run(console):
    client, report = console
    await login(client)
    url = f"/staff/reports/{report.reference}"
    token = await csrf_of(client, url)
    attack = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    await client.post(f"{url}/notes", data={"csrf": token, "note": attack})
    await client.post(f"{url}/messages", data={"csrf": token, "message": attack})
    page = await client.post(f"{url}/status", data={"csrf": token, "status": "in_review",
                                                    "note": attack})
    html = await page.text()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 4  # the three, and the account


async def test_each_page_has_a_plain_title_and_one_of_each_form(console):
    client, report = console
    await sign_in_as(client, "admin")
    for path, title in ((f"/staff/reports/{report.reference}",
                         f"Report {reports.format_reference(report.reference)} · Safer Oxford staff"),
                        ("/staff/directory", "Directory · Safer Oxford staff"),
                        ("/staff/reports", "Reports · Safer Oxford staff")):
        page = await (await client.get(path)).text()
        assert re.search(r"<title>(.*?)</title>", page, re.S).group(1) == title
        ids = re.findall(r'\bid="([^"]+)"', page)
        assert len(ids) == len(set(ids)), f"{path} repeats an id"


async def test_a_report_in_another_language_says_so_and_keeps_the_text_as_written(console):
    client, _ = console
    await sign_in_as(client, "admin")
    made = await make_reports(client)
    page = await (await client.get(f"/staff/reports/{made['faith'].reference}")).text()
    assert "Written in Polish" in page and 'lang="pl" dir="auto"' in page
    assert "never a public web translator" in page
    queue_page = await (await client.get("/staff/reports?language=pl")).text()
    assert "<td>Polish</td>" in queue_page
    export = await (await client.get("/staff/reports.csv?language=pl")).text()
    assert export.lstrip("\ufeff").splitlines()[0].split(",")[:3] == ["reference", "topic", "language"]
    assert ",pl," in export.splitlines()[1]
