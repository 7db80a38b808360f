"""The routing screen (/staff/routing, admins only): routing in plain words, and changes to a
rule's organisations and to response times written to a copy of data/routing.yml that keeps
its comments, refused whole when they would break the file, and audited."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import logging
import os
import re
import shutil

import pytest
from markupsafe import escape
from sqlalchemy import text

from bot import routing
from bot.web.keys import SESSIONS
from tests.test_staff import console as console  # the fixture: the app, casey a caseworker
from tests.test_staff import csrf_of, login, sign_in_as

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.UTC)  # a Monday
HATE_CATCH_ALL = 3  # rule 3 of the shipped file: {topic: hate_crime} -> stop_hate_uk, victims_first


@pytest.fixture
def routing_file(monkeypatch, tmp_path):
    """The console's routing changes go to a copy; the real file must not change."""
    copy = tmp_path / "data" / "routing.yml"
    copy.parent.mkdir()
    shutil.copy2(routing.ROUTING_FILE, copy)
    real = routing.ROUTING_FILE.read_bytes()
    monkeypatch.setattr(routing, "ROUTING_FILE", copy)
    monkeypatch.setattr("bot.web.routing_pages.now", lambda: NOW)
    yield copy
    monkeypatch.undo()
    assert routing.ROUTING_FILE.read_bytes() == real


@pytest.fixture
async def admin(console, routing_file):
    client, _ = console
    await sign_in_as(client, "admin")
    return client, routing_file


async def routing_audit(client) -> list[tuple[str, object]]:
    async with client.server.app[SESSIONS]() as session:
        rows = (await session.execute(text(
            "SELECT actor, detail FROM audit_events WHERE action = 'routing_changed' ORDER BY id"))).all()
    return [(actor, json.loads(detail) if isinstance(detail, str) else detail) for actor, detail in rows]


def rule_form(page: str, number: int) -> dict[str, str]:
    """The hidden fields and chosen organisations of one rule's form, as the browser sends them."""
    form = re.search(rf'<li id="rule-{number}">(.*?)</form>', page, re.S).group(1)
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', form))
    for position, select in re.findall(r'<select name="choice-(\d+)">(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', select)
        fields[f"choice-{position}"] = chosen.group(1) if chosen else ""
    return fields


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0)
    return [line.rstrip("\n") for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


async def test_an_admin_reads_routing_in_plain_words(admin):
    client, _ = admin
    resp = await client.get("/staff/routing")
    page = await resp.text()
    assert resp.status == 200
    assert re.search(r"<title>(.*?)</title>", page).group(1) == "Routing · Safer Oxford staff"
    assert '<a href="/staff/routing">Routing</a>' in page
    # Organisations: name, kind, method, directory entry, last verified.
    assert "Stop Hate UK <small>(stop_hate_uk)</small>" in page
    assert "police (offered to every resident)" in page
    assert "Cherwell District Council safer communities" in page and "(cherwell_safer_communities)" in page
    assert "2026-11-21" in page and "a caseworker sends it from the outbox" in page
    # Rules in order, in words.
    whens = re.findall(r'<li id="rule-\d+">\s*<p><strong>([^<]+)</strong>', page)
    assert whens[:4] == ["Hate crime, strand Sexual orientation or Transgender identity",
                         "Hate crime, strand Religion or faith", "Hate crime",
                         "Anti-social behaviour, area Cherwell (Banbury, Bicester, Kidlington)"]
    assert "Domestic abuse, urgent" in whens and len(whens) == len(routing.default().rules)
    assert "→ Stop Hate UK, then Tell MAMA, then CST</p>" in page
    assert "Hate crime</strong> <small>(catch-all)</small>\n      → Stop Hate UK, then Victims First " \
           "(Thames Valley)</p>" in page
    assert rule_form(page, HATE_CATCH_ALL) | {"csrf": "", "version": ""} == {
        "csrf": "", "rule": "3", "version": "", "choice-1": "stop_hate_uk", "choice-2": "victims_first",
        "choice-3": ""}
    # Response times as residents read them, and the deadline each means for staff.
    asb = page.split('id="times-asb"')[1].split("</section>")[0]
    assert "Residents are told: “within 24 hours”. For staff: 24 hours after the report arrives; " \
           "a report\n      received now is due Tue 24 Nov 2026, 10:00 UTC." in asb
    assert "For staff: 5 working days after the report arrives" in asb
    assert "due Mon 30 Nov 2026, 10:00 UTC" in asb
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))


async def test_a_new_order_is_used_at_once_and_only_its_line_of_the_file_changes(admin):
    client, copy = admin
    before = copy.read_text()
    assert routing.default().support_for("hate_crime", [], None, False)[0].id == "stop_hate_uk"
    form = rule_form(await (await client.get("/staff/routing")).text(), HATE_CATCH_ALL)
    form |= {"choice-1": "victims_first", "choice-2": "", "choice-3": "stop_hate_uk"}  # a blank is skipped
    resp = await client.post("/staff/routing/rule", data=form)
    page = await resp.text()
    assert resp.status == 200 and resp.url.path == "/staff/routing"
    assert "Rule saved" in page and "Hate crime</strong> <small>(catch-all)</small>\n      → Victims First " \
                                    "(Thames Valley), then Stop Hate UK</p>" in page
    assert [org.id for org in routing.default().support_for("hate_crime", [], None, False)] == [
        "victims_first", "stop_hate_uk"]
    after = copy.read_text()
    assert changed_lines(before, after) == ["-    refer_to: [stop_hate_uk, victims_first]",
                                            "+    refer_to: [victims_first, stop_hate_uk]"]
    assert [line for line in after.splitlines() if "#" in line] == [
        line for line in before.splitlines() if "#" in line]  # every comment kept
    assert await routing_audit(client) == [
        ("adam", {"change": "rule", "rule": 3, "refer_to": ["victims_first", "stop_hate_uk"]})]
    # A third organisation, added in the empty position the page offers.
    form = rule_form(page, HATE_CATCH_ALL) | {"choice-3": "tell_mama"}
    assert (await client.post("/staff/routing/rule", data=form)).status == 200
    assert changed_lines(after, copy.read_text()) == [
        "-    refer_to: [victims_first, stop_hate_uk]",
        "+    refer_to: [victims_first, stop_hate_uk, tell_mama]"]


async def test_response_times_are_changed_and_the_deadline_follows(admin):
    client, copy = admin
    before = copy.read_text()
    resp = await client.post("/staff/routing/response-times", data={
        "csrf": await csrf_of(client, "/staff/routing"), "topic": "asb", "urgent": "within 48 hours",
        "normal": "within 2 to 5 working days"})
    page = await resp.text()
    assert resp.status == 200 and "Response times saved" in page
    assert "For staff: 48 hours after the report arrives" in page
    assert changed_lines(before, copy.read_text()) == [
        "-    urgent: within 24 hours", "+    urgent: within 48 hours"]
    assert routing.default().response_time("asb", True) == "within 48 hours"
    assert routing.default().due("asb", True, NOW) == NOW + dt.timedelta(hours=48)
    assert await routing_audit(client) == [("adam", {"change": "response_times", "topic": "asb",
                                                     "speeds": ["urgent"]})]


BREAKING = [
    ("rule", {"choice-1": "nobody"},
     "routing.yml line {line}: rule 3 names unknown organisation &#39;nobody&#39;"),
    ("rule", {"choice-1": "thames_valley_police"}, "rule 3 names the police"),
    ("rule", {"choice-1": "galop", "choice-2": "galop"}, "Choose each organisation once."),
    ("rule", {"choice-1": "", "choice-2": ""}, "Choose at least one organisation"),
    ("times", {"normal": "soon"}, "“soon” does not say by when staff must look at normal reports"),
    ("times", {"urgent": "within a day"}, "like “within 24 hours”, “within 1 working day”"),
    ("times", {"urgent": "   "}, "Write what residents are told about urgent reports."),
    ("times", {"urgent": "within 1 hour\nor two"}, "on one line"),
]


def refer_to_line(text: str, rule: int) -> int:
    """The line number of the `rule`-th rule's refer_to in the routing file's text."""
    lines = text.splitlines()
    start = lines.index("rules:")
    found = [n for n, line in enumerate(lines[start:], start + 1)
             if line.strip().startswith("refer_to:")]
    return found[rule - 1]


@pytest.mark.parametrize(("form", "changes", "message"), BREAKING)
async def test_a_change_that_would_break_the_file_is_refused_and_changes_nothing(admin, form, changes,
                                                                                 message):
    client, copy = admin
    before, in_use = copy.read_bytes(), routing.default()
    page = await (await client.get("/staff/routing")).text()
    if form == "rule":
        resp = await client.post("/staff/routing/rule", data=rule_form(page, HATE_CATCH_ALL) | changes)
    else:
        resp = await client.post("/staff/routing/response-times", data={
            "csrf": await csrf_of(client, "/staff/routing"), "topic": "hate_crime",
            "urgent": "within 1 working day", "normal": "within 2 working days", **changes})
    said = await resp.text()
    message = message.format(line=refer_to_line(before.decode(), rule=3))
    assert resp.status == 400 and message in said and 'role="alert"' in said
    assert "/tmp" not in said and str(copy.parent) not in said  # no server paths
    assert copy.read_bytes() == before and routing.default() == in_use
    assert await routing_audit(client) == []


async def test_a_form_for_a_rule_changed_since_the_page_was_opened_changes_nothing(admin):
    client, copy = admin
    form = rule_form(await (await client.get("/staff/routing")).text(), HATE_CATCH_ALL)
    assert (await client.post("/staff/routing/rule", data=form | {"choice-1": "victims_first",
                                                                 "choice-2": "stop_hate_uk"})).status == 200
    after = copy.read_bytes()
    stale = await client.post("/staff/routing/rule", data=form | {"choice-1": "tell_mama"})
    assert stale.status == 409 and "The page was out of date" in await stale.text()
    assert copy.read_bytes() == after
    for bad in ({"rule": "99"}, {"rule": "x"}):
        assert (await client.post("/staff/routing/rule", data=form | bad)).status == 400
    assert (await client.post("/staff/routing/response-times", data={
        "csrf": form["csrf"], "topic": "burglary", "urgent": "within 1 hour"})).status == 400
    assert copy.read_bytes() == after


async def test_forms_without_the_csrf_token_are_refused(admin):
    client, copy = admin
    before = copy.read_bytes()
    form = rule_form(await (await client.get("/staff/routing")).text(), HATE_CATCH_ALL)
    for data in ({**form, "csrf": ""}, {k: v for k, v in form.items() if k != "csrf"}):
        assert (await client.post("/staff/routing/rule", data=data | {"choice-1": "galop"})).status == 403
    assert (await client.post("/staff/routing/response-times", data={
        "topic": "asb", "urgent": "within 48 hours", "normal": "within 2 working days"})).status == 403
    assert copy.read_bytes() == before and await routing_audit(client) == []


@pytest.mark.parametrize("who", ["caseworker", "viewer"])
async def test_only_admins_see_or_change_routing(console, routing_file, who):
    client, _ = console
    before = routing_file.read_bytes()
    if who == "caseworker":
        assert (await login(client)).status == 302
    else:
        await sign_in_as(client, who)
    token = await csrf_of(client, "/staff/statistics")
    assert '<a href="/staff/routing">' not in await (await client.get("/staff/statistics")).text()
    assert (await client.get("/staff/routing")).status == 403
    assert (await client.post("/staff/routing/rule", data={
        "csrf": token, "rule": "3", "choice-1": "galop"})).status == 403
    assert (await client.post("/staff/routing/response-times", data={
        "csrf": token, "topic": "asb", "urgent": "within 48 hours",
        "normal": "within 2 working days"})).status == 403
    assert routing_file.read_bytes() == before


async def test_what_admins_type_is_shown_as_text_never_run(admin):
    client, copy = admin
    token = await csrf_of(client, "/staff/routing")
    attack = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    refused = await client.post("/staff/routing/response-times", data={
        "csrf": token, "topic": "spiking", "urgent": attack, "normal": "within 2 working days"})
    page = await refused.text()
    assert refused.status == 400 and "<script>alert(1)" not in page and "<img src=x" not in page
    escaped = str(escape(attack))
    assert page.count(escaped) == 2  # in the message, and kept in the field to correct it
    saved = await client.post("/staff/routing/response-times", data={
        "csrf": token, "topic": "spiking", "urgent": f"{attack} within 1 working day",
        "normal": "within 2 working days"})
    page = await saved.text()
    assert saved.status == 200 and "<script>alert(1)" not in page and "<img src=x" not in page
    assert f"Residents are told: “{escaped} within 1 working day”" in page
    assert routing.default().response_time("spiking", True) == f"{attack} within 1 working day"


def test_every_process_reads_the_file_again_when_it_changes(routing_file, caplog):
    """What the action server, another process, sees: a file replaced by the console is read
    again on the next call; a broken hand edit is logged and the routing in use stays."""
    first = routing.default()
    assert routing.default() is first  # not read again while unchanged
    text_now = routing_file.read_text()
    staged = routing_file.with_name("routing.yml.new")
    staged.write_text(text_now.replace("refer_to: [victims_first]\n\n  - when: {topic: other}",
                                       "refer_to: [cst]\n\n  - when: {topic: other}"))
    seen = routing_file.stat().st_mtime_ns
    os.replace(staged, routing_file)
    os.utime(routing_file, ns=(seen, seen))  # as if within one tick of the file system's clock
    assert [org.id for org in routing.default().support_for("spiking", [], None, False)] == ["cst"]
    changed = routing.default()
    routing_file.write_text(text_now.replace("refer_to: [odas,", "refer_to: [nobody,"))
    with caplog.at_level(logging.ERROR):
        assert routing.default() is changed
    assert "routing.yml not reloaded, the one in use stays" in caplog.text
