"""The staff console in a real browser: Debian's Chromium, driven by Playwright, against the
real system (engine with the trained model, action server, app on SQLite), as
tests/test_web_chat.py drives the resident's chat.

A resident reports a hate crime in the web chat page; a caseworker signs in, filters the
queue, opens the report, assigns it to themself, marks the referral as sent, changes its
status and writes to the reporter, whose open chat page is told a message waits and shows
it when they check their report; an admin reads the statistics and the audit log. The tests run in file order
and share that story through the module's fixtures (`Case` records what was done).
Screenshots go to SCREENSHOT_DIR (`make screenshots`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import re
import subprocess
import sys
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from playwright.async_api import Browser, Locator, Page, expect

from bot.conversation import STAFF_MESSAGE_NOTICE
from bot.settings import PROJECT_ROOT
from tests import test_web_chat as web_chat
from tests.dialogue import (
    REFERENCE,
    WITNESS_ACCOUNT,
    WITNESS_ANSWERS,
    choose,
    payloads,
    texts,
)
from tests.test_end_to_end import (
    answer_questions,
    chat,
    query,
    stored_report,
)
from tests.test_web_chat import SCREENSHOTS, Tab, axe_violations, new_tab

pytestmark = pytest.mark.asyncio(loop_scope="module")

# The web chat tests' fixtures: one system for the module (no Telegram), Debian's Chromium.
system, chromium, browser = web_chat.system, web_chat.chromium, web_chat.browser

STAFF_VIEWPORT = {"width": 1000, "height": 900}
CASEWORKER, ADMIN = "casey", "ada"
PASSWORDS = {CASEWORKER: "casey's long passphrase", ADMIN: "ada's long passphrase"}
ACCOUNT, ANSWERS = WITNESS_ACCOUNT, WITNESS_ANSWERS
STAFF_MESSAGE = "Thank you for reporting this. We have passed it to Stop Hate UK. Did anyone else see it?"


@dataclasses.dataclass
class Case:
    """What the story has done so far, for the tests that follow."""

    resident: Tab
    reference: str
    other_reference: str
    steps: list[str] = dataclasses.field(default_factory=list)

    def needs(self, step: str) -> None:
        assert step in self.steps, f"this test follows the one that {step} (run the module in order)"


@pytest.fixture(scope="module")
def accounts(system) -> None:
    """A caseworker for hate crime and an admin, made with the commands the README gives
    (the password on standard input, never an argument)."""
    for command in (["create-user", CASEWORKER, "--role", "caseworker", "--topics", "hate_crime"],
                    ["create-admin", ADMIN]):
        subprocess.run([sys.executable, "-m", "bot", *command], input=PASSWORDS[command[1]],
                       text=True, check=True, cwd=PROJECT_ROOT, env=system.env, capture_output=True)


def page_sender(tab: Tab):
    """Like test_end_to_end's `send`, but in the chat page: a payload is the press of the
    newest reply's button that carries it, anything else is typed and sent with Enter. It
    returns the bot's replies as /api/chat gave them to the page."""
    last: list[dict] = []

    async def send(message: str) -> list[dict]:
        offered = {b["payload"]: b["title"] for reply in last for b in reply.get("buttons", [])}
        assert not message.startswith("/") or message in offered, \
            f"the page offers no button for {message} (offered: {offered})"
        async with tab.page.expect_response(
                lambda r: r.url == f"{tab.origin}/api/chat" and r.request.method == "POST") as posted:
            if message in offered:
                await tab.button(offered[message]).click()
            else:
                await tab.page.locator("#message").fill(message)
                await tab.page.locator("#message").press("Enter")
        replies = await (await posted.value).json()
        await tab.answered()
        last[:] = replies
        return replies
    return send


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def case(browser, system, accounts) -> AsyncIterator[Case]:
    """A hate crime reported in the chat page by an anonymous witness who agrees to a referral
    to support (the tab stays open, as the resident's); and another hate crime reported
    through /api/chat, so the queue has something to filter out."""
    other = lambda message: chat(system, "staff-browser-other", message)  # noqa: E731
    await other("someone painted a swastika on the synagogue wall")
    await answer_questions(other, await other("/report_incident"), {"report_strands": [choose("done")]})
    other_reference = REFERENCE.search(texts(await other(choose("send")))).group(1)
    async with new_tab(browser, system) as tab:
        await tab.open()
        send = page_sender(tab)
        offer = await send(ACCOUNT)
        assert "/report_incident" in payloads(offer)
        summary = await answer_questions(send, await send("/report_incident"), ANSWERS)
        assert "Stop Hate UK" in texts(summary) and ACCOUNT in texts(summary)
        done = await send(choose("send"))
        reference = REFERENCE.search(texts(done)).group(1)
        assert any(reference in said for said in await tab.bot_said())
        yield Case(tab, reference, other_reference)


@contextlib.asynccontextmanager
async def staff_page(browser: Browser, system, username: str) -> AsyncIterator[Page]:
    """A browser of its own, signed in as `username` with the keyboard."""
    async with new_tab(browser, system) as tab:
        page = tab.page
        await page.set_viewport_size(STAFF_VIEWPORT)
        await page.goto(f"{tab.origin}/staff")
        await expect(page).to_have_url(f"{tab.origin}/staff/login")
        await page.keyboard.press("Tab")
        await expect(page.get_by_label("Username")).to_be_focused()
        await page.keyboard.type(username)
        await page.keyboard.press("Tab")
        await expect(page.get_by_label("Password")).to_be_focused()
        await page.keyboard.type(PASSWORDS[username])
        await page.keyboard.press("Enter")
        await expect(page).to_have_url(f"{tab.origin}/staff/reports")
        await expect(page.get_by_text(f"{username} (")).to_be_visible()
        yield page


async def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.locator("main").screenshot(path=SCREENSHOTS / f"staff-{name}.png")


def done_notice(page: Page) -> Locator:
    return page.get_by_role("status")


async def test_the_resident_s_report_is_stored_with_its_referral_waiting(case, system):
    row = await stored_report(system, case.reference)
    assert row["topic"] == "hate_crime" and row["status"] == "new" and row["contact_enc"] is None
    referrals = await query(system.settings.database,
                            "SELECT organisation, state FROM referrals WHERE report_id = :i", i=row["id"])
    assert [tuple(r.values()) for r in referrals] == [("stop_hate_uk", "to_send")]
    assert (await stored_report(system, case.other_reference))["topic"] == "hate_crime"
    case.steps.append("reported")


async def test_a_caseworker_filters_opens_assigns_refers_and_writes_to_the_reporter(
        case, browser, system):
    case.needs("reported")
    async with staff_page(browser, system, CASEWORKER) as page:
        queue = page.get_by_role("table")
        await expect(queue.get_by_role("link", name=case.reference)).to_be_visible()
        await expect(queue.get_by_role("link", name=case.other_reference)).to_be_visible()
        await page.get_by_label("Topic").select_option("hate_crime")
        await page.get_by_label("Reference").focus()
        await page.keyboard.type(case.reference)
        await page.keyboard.press("Enter")
        await expect(page).to_have_url(re.compile(r"topic=hate_crime&.*reference=" + case.reference))
        await expect(page.get_by_text("1 matching report:")).to_be_visible()
        await expect(queue.locator("tbody tr")).to_have_count(1)
        row = queue.locator("tbody tr")
        await expect(row).to_contain_text("Hate crime")
        await expect(row).to_contain_text("Stop Hate UK")
        await expect(row).to_contain_text("nobody")
        await expect(page.get_by_label("Topic")).to_have_value("hate_crime")
        await expect(page.get_by_label("Reference")).to_have_value(case.reference)
        await screenshot(page, "queue")

        await row.get_by_role("link", name=case.reference).click()
        await expect(page.get_by_role("heading", level=1)).to_have_text(f"Report {case.reference}")
        await expect(page).to_have_title(f"Report {case.reference} · Safer Oxford staff")
        await expect(page.locator(".account")).to_have_text(ACCOUNT)
        state = page.locator("p", has_text="Status:")
        await expect(state).to_have_text(re.compile(r"Status: New · assigned to\s+nobody"))

        await page.get_by_label("Assigned to").select_option(CASEWORKER)
        await page.get_by_role("button", name="Save assignment").click()
        await expect(done_notice(page)).to_have_text("Assignment saved.")
        await expect(state).to_have_text(re.compile(rf"assigned to\s+{CASEWORKER}$"))
        await expect(page.get_by_label("Assigned to")).to_have_value(CASEWORKER)

        referral = page.get_by_role("row", name=re.compile("^Stop Hate UK"))
        await expect(referral.get_by_role("cell").nth(2)).to_have_text(re.compile(r"^to send"))
        await referral.get_by_role("button", name="Mark as sent").click()
        await expect(done_notice(page)).to_have_text("Referral marked as sent.")
        await expect(referral.get_by_role("cell").nth(2)).to_have_text("sent")
        await expect(page.get_by_role("button", name="Mark as sent")).to_have_count(0)

        await page.get_by_label("New status").select_option("referred")
        await page.get_by_label("Note for the history").fill("Passed to Stop Hate UK")
        await page.get_by_role("button", name="Change status").click()
        await expect(done_notice(page)).to_have_text("Status changed.")
        await expect(state).to_have_text(re.compile(r"^Status: Referred · "))
        await expect(page.locator("h3:text-is('History') + ol > li").last).to_have_text(
            re.compile(rf"Referred · {CASEWORKER}: Passed to Stop Hate UK$"))

        await page.get_by_role("textbox", name=re.compile("^Message to the reporter")).fill(STAFF_MESSAGE)
        await page.get_by_role("button", name="Send", exact=True).click()
        await expect(done_notice(page)).to_have_text("Message sent to the reporter.")
        sent = page.locator("p.msg")
        await expect(sent).to_have_count(1)
        await expect(sent).to_contain_text(CASEWORKER)
        await expect(sent).to_contain_text(STAFF_MESSAGE)
        await screenshot(page, "report")
    case.steps.append("wrote to the reporter")


async def test_the_staff_message_arrives_in_the_resident_s_chat(case):
    case.needs("wrote to the reporter")
    tab = case.resident
    notice = tab.page.locator(".msg.bot", has_text=STAFF_MESSAGE_NOTICE)
    await expect(notice).to_have_count(1)  # the open page was told, without the message
    assert STAFF_MESSAGE not in await tab.page.locator("#log").inner_text()
    await tab.say(f"check my report {case.reference}")
    said = (await tab.bot_said())[-1]
    assert said.startswith(f"Report {case.reference} (hate crime) is referred."), said
    assert f'Latest message from the team: "{STAFF_MESSAGE}"' in said
    await expect(tab.button("Reply to the team")).to_be_visible()


async def test_an_admin_reads_the_statistics_and_the_caseworker_s_actions_in_the_audit_log(
        case, browser, system):
    case.needs("wrote to the reporter")
    async with staff_page(browser, system, ADMIN) as page:
        await page.get_by_role("navigation").get_by_role("link", name="Statistics").click()
        # The statistics page is being rebuilt: only what any version of it shows.
        await expect(page.get_by_role("heading", level=1)).to_have_text("Statistics")
        await expect(page.get_by_role("table").first).to_be_visible()
        await expect(page.locator("main")).to_contain_text(dt.datetime.now(dt.UTC).strftime("%Y-%m"))

        await page.get_by_role("navigation").get_by_role("link", name="Audit log").click()
        await expect(page.get_by_role("heading", level=1)).to_have_text("Audit log")
        await page.get_by_label("Who").fill(CASEWORKER)
        await page.get_by_label("Report").fill(case.reference)
        await page.get_by_label("Report").press("Enter")
        await expect(page).to_have_url(re.compile(rf"actor={CASEWORKER}&.*reference={case.reference}"))
        lines = page.locator("tbody tr")
        await expect(lines.first).to_be_visible()
        cells = await lines.evaluate_all(
            "rows => rows.map(r => [...r.cells].slice(1).map(c => c.textContent.trim()))")
        assert {who for who, *_ in cells} == {CASEWORKER}
        assert {reference for _, _, reference, _ in cells} == {case.reference}
        done = [(action, detail) for _, action, _, detail in reversed(cells) if action != "report_viewed"]
        assert [action for action, _ in done] == [
            "assigned", "referral_sent", "status_changed", "message_to_reporter"]
        done = dict(done)
        assert done["assigned"] == f"to: {CASEWORKER}"
        assert done["referral_sent"] == "organisation: stop_hate_uk"
        assert done["status_changed"].startswith("from: new; to: referred")
        await expect(page.get_by_text(f"{len(cells)} matching lines.")).to_be_visible()
        await screenshot(page, "audit")


async def test_sign_in_queue_and_report_pass_axe_wcag_2_2_aa(case, browser, system):
    found = {}
    async with new_tab(browser, system) as tab:
        await tab.page.goto(f"{tab.origin}/staff/login")
        found["sign-in"] = await axe_violations(tab.page)
    async with staff_page(browser, system, CASEWORKER) as page:
        found["queue"] = await axe_violations(page)
        await page.get_by_role("link", name=case.reference).click()
        await expect(page.get_by_role("heading", level=1)).to_have_text(f"Report {case.reference}")
        found["report"] = await axe_violations(page)
    async with staff_page(browser, system, ADMIN) as page:
        origin = page.url.split("/staff")[0]
        for name, path in ADMIN_PAGES.items():
            await page.goto(f"{origin}{path}")
            await expect(page.get_by_role("heading", level=1)).to_be_visible()
            found[name] = await axe_violations(page)
    assert found == dict.fromkeys(["sign-in", "queue", "report", *ADMIN_PAGES], [])


# The console's other pages, each checked by axe as an admin sees it.
ADMIN_PAGES = {"statistics": "/staff/statistics", "directory": "/staff/directory",
               "audit log": "/staff/audit", "users": "/staff/users",
               "an account": f"/staff/users/{CASEWORKER}", "routing": "/staff/routing",
               "password": "/staff/account/password"}

