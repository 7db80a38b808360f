"""The resident web chat page in a real browser: Debian's Chromium, driven by Playwright,
against the real system (engine with the trained model, action server, app on SQLite).

Nothing leaves the machine: every request to another site is answered by a stub page.
The module also writes screenshots of the page (SCREENSHOT_DIR; `make screenshots`).
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import json
import os
import re
import time
from collections.abc import AsyncIterator
from pathlib import Path

import axe_playwright_python
import pytest
import pytest_asyncio
from playwright.async_api import Browser, Page, Route, async_playwright, expect

from bot import answers, signposting
from bot.conversation import Conversations
from bot.crypto import DataCipher, master_key
from bot.runner import Services
from bot.settings import PROJECT_ROOT
from bot.storage.trackers import async_url
from bot.web.chat import page_words
from tests.system import running_system
from tests.test_end_to_end import base, query

pytestmark = pytest.mark.asyncio(loop_scope="module")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 800, "height": 900}
NARROW = {"width": 320, "height": 640}  # 1280 px at 400% zoom: WCAG's reflow width
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_SOURCE = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text()
SCREENSHOTS = PROJECT_ROOT / os.environ.get("SCREENSHOT_DIR", "var/test-results/screenshots")
REPLY_SECONDS = 30
SHIFT_RESET_SECONDS = 5

NEUTRAL = "https://www.bbc.co.uk/weather"
ELSEWHERE = "https://example.org/"
DANGER = "someone is outside my door with a knife"
ASB = "kids on bikes smashing the bus shelter again"
NOT_SHARED = "Your location was not shared"
DOMESTIC_ABUSE = "my husband controls all the money and checks my phone"


@pytest.fixture(scope="module")
def system(tmp_path_factory):
    """One real system for the module, without Telegram; an open page asks for staff
    message notices every second."""
    with running_system(tmp_path_factory.mktemp("var"), WEB_NOTICE_SECONDS="1") as services:
        yield services


@pytest.fixture(scope="module")
def chromium() -> Path:
    """Debian's Chromium: these tests fail, never skip, without it."""
    assert CHROMIUM.exists(), (f"the web chat tests drive Debian's Chromium at {CHROMIUM}: "
                               "apt-get install chromium")
    return CHROMIUM


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser(chromium) -> AsyncIterator[Browser]:
    expect.set_options(timeout=REPLY_SECONDS * 1000)
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True)
        yield launched
        await launched.close()


class Tab:
    """One browser tab on the chat page, with every request it made."""

    def __init__(self, page: Page, origin: str) -> None:
        self.page, self.origin, self.requests, self.response = page, origin, [], None
        page.on("request", lambda request: self.requests.append(request))

    async def open(self) -> None:
        self.response = await self.page.goto(f"{self.origin}/chat")

    def chat_posts(self) -> list[dict]:
        return [r.post_data_json for r in self.requests
                if r.url == f"{self.origin}/api/chat" and r.method == "POST"]

    @property
    def sender(self) -> str:
        return self.chat_posts()[0]["sender"]

    async def say(self, text: str) -> None:
        """Type a message and press Enter, then wait for the answer."""
        await self.page.locator("#message").fill(text)
        await self.page.locator("#message").press("Enter")
        await self.answered()

    async def answered(self) -> None:
        await expect(self.page.locator("#log")).to_have_attribute("aria-busy", "false")

    async def bot_said(self) -> list[str]:
        """The bot's replies (after the welcome the page opens with)."""
        return await self.page.locator(".msg.bot:not(.welcome)").evaluate_all(
            "ps => ps.map(p => [...p.childNodes].slice(1).map(n => n.textContent).join(''))")

    async def user_said(self) -> list[str]:
        return await self.page.locator(".msg.user").evaluate_all(
            "ps => ps.map(p => p.lastChild.textContent)")

    def button(self, title: str):
        """The newest reply button with this title."""
        return self.page.locator(".buttons").get_by_role("button", name=title, exact=True).last


async def stub(route: Route) -> None:
    """Another site's page, answered here: the tests never leave the machine."""
    await route.fulfill(status=200, content_type="text/html",
                        body="<!doctype html><title>Elsewhere</title><p>Another site</p>")


@contextlib.asynccontextmanager
async def new_tab(browser: Browser, system: Services, **options) -> AsyncIterator[Tab]:
    origin = base(system)
    context = await browser.new_context(viewport=VIEWPORT, **options)
    await context.route(lambda url: not url.startswith(origin), stub)
    try:
        yield Tab(await context.new_page(), origin)
    finally:
        await context.close()


@pytest_asyncio.fixture(loop_scope="module")
async def tab(browser, system) -> AsyncIterator[Tab]:
    async with new_tab(browser, system) as opened:
        await opened.open()
        yield opened


async def tracker_events(system: Services, sender: str) -> list:
    """The engine's stored events of the conversation this tab's sender id leads to."""
    cipher = DataCipher(master_key(system.settings))
    sender_id = Conversations(None, cipher, None, {}).sender_id("web", sender)
    return await query(async_url(system.env["TRACKER_STORE_URL"]),
                       "SELECT id FROM events WHERE sender_id = :s", s=sender_id)


async def forgotten(system: Services, sender: str) -> bool:
    """Whether the conversation's events are gone soon (an exit's beacon is answered after
    the page has left)."""
    deadline = time.monotonic() + REPLY_SECONDS
    while await tracker_events(system, sender):
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.1)
    return True


async def focused(page: Page) -> dict:
    """What has the focus, its outline as drawn, and whether its middle is in sight (not
    scrolled away or under the sticky heading)."""
    return await page.evaluate("""() => {
        const e = document.activeElement, style = getComputedStyle(e);
        const box = e.getBoundingClientRect();
        const seen = e.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
        return {tag: e.tagName, id: e.id, text: e.textContent, inRow: !!e.closest('.buttons'),
                outline: style.outlineStyle, width: parseFloat(style.outlineWidth), seen};
    }""")


def assert_visible_focus(where: dict) -> None:
    assert where["tag"] != "BODY", "focus was lost to the page"
    assert where["outline"] != "none" and where["width"] >= 2, f"no visible focus on {where}"
    assert where["seen"], f"the focused element is out of sight: {where}"


async def axe_violations(page: Page) -> list[str]:
    await page.evaluate(AXE_SOURCE)
    result = await page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
                                 WCAG_TAGS)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]} {v['nodes'][0]['failureSummary']}"
            for v in result["violations"]]


async def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=SCREENSHOTS / f"{name}.png")


async def test_someone_in_danger_gets_999_first_and_an_asb_message_gets_buttons(tab):
    await expect(tab.page.locator(".msg.bot.welcome")).to_have_text(
        "Safer Oxford: " + signposting.default().text("web_welcome"))
    await tab.say(DANGER)
    assert (await tab.bot_said())[0] == signposting.default().text("emergency")
    assert "999" in (await tab.bot_said())[0]
    said = len(await tab.bot_said())
    await tab.say(ASB)
    assert await tab.user_said() == [DANGER, ASB]
    assert len(await tab.bot_said()) > said
    await expect(tab.page.locator(".buttons").last.locator("button").first).to_be_visible()
    assert await tab.page.locator("#message").input_value() == ""


PHONE = {"width": 390, "height": 844}


async def test_danger_now_is_a_distinct_alert_with_tappable_numbers_then_two_choices(tab):
    await tab.page.set_viewport_size(PHONE)
    await tab.say(DANGER)
    alert = tab.page.locator(".msg.bot.alert")
    await expect(alert).to_have_count(1)
    await expect(alert).to_have_attribute("role", "alert")
    await expect(alert.locator('a[href="tel:999"]').first).to_be_visible()
    await expect(alert.locator('a[href="tel:18000"]')).to_have_count(1)
    choices = tab.page.locator(".buttons").last.locator("button")
    await expect(choices).to_have_text(["I'm safe now", "More help"])
    await expect(tab.button("Report it here")).to_have_count(0)
    assert await tab.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert await axe_violations(tab.page) == []
    await screenshot(tab.page, "danger-now")
    await tab.button("More help").click()
    await tab.answered()
    helplines = tab.page.locator(".msg.bot:not(.alert) a[href^='tel:']")
    assert await helplines.count() >= 1
    for link in await helplines.all():
        assert (await link.get_attribute("href")).removeprefix("tel:").isdigit()


async def test_a_question_on_a_phone_gets_a_short_answer_and_tell_me_more(tab):
    await tab.page.set_viewport_size(PHONE)
    await tab.say("is it abuse if he doesnt hit me")
    said = await tab.bot_said()
    assert said == [answers.default().text("da_abuse_without_hitting", "answer")]
    assert len(said[0].split()) <= 80
    await expect(tab.page.locator(".msg.bot a[href='tel:08082000247']")).to_be_visible()
    await screenshot(tab.page, "answer-phone")
    await tab.button("Tell me more").click()
    await tab.answered()
    assert (await tab.bot_said())[1] == answers.default().text("da_abuse_without_hitting", "more")
    assert await tab.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


async def test_a_button_sends_its_payload_once_and_its_row_goes(tab):
    await tab.say(ASB)
    held, release = [], asyncio.Event()

    async def hold(route: Route) -> None:
        held.append(route.request.post_data_json)
        await release.wait()
        await route.continue_()

    await tab.page.route("**/api/chat", hold)
    report = tab.button("Report it here")
    await report.dblclick()
    await expect(tab.page.locator("#status")).to_have_text("Sending…")
    await expect(tab.page.locator("#log")).to_have_attribute("aria-busy", "true")
    release.set()
    await tab.answered()
    assert [body["message"] for body in held] == ["/report_incident"]
    assert (await tab.user_said())[-1] == "Report it here"
    await expect(tab.page.get_by_role("button", name="Report it here")).to_have_count(0)
    assert (await tab.bot_said())[-1] == "Who is making this report?"
    await expect(tab.button("It happened to me")).to_be_focused()
    await expect(tab.page.locator("#status")).to_have_text("")


async def test_keyboard_only_sends_answers_buttons_and_focus_follows_visibly(tab):
    page, keys = tab.page, tab.page.keyboard
    await keys.press("Tab")
    assert (await focused(page))["id"] == "exit"
    assert_visible_focus(await focused(page))
    await keys.press("Tab")
    assert (await focused(page))["id"] == "language"
    assert_visible_focus(await focused(page))
    await keys.press("Tab")
    assert (await focused(page))["id"] == "message"
    assert_visible_focus(await focused(page))
    await keys.type("kids on bikes smashing")
    await keys.press("Shift+Enter")
    await keys.type("the bus shelter again")
    assert await page.locator("#message").input_value() == "kids on bikes smashing\nthe bus shelter again"
    assert tab.chat_posts() == []
    await keys.press("Enter")
    await tab.answered()
    assert await tab.user_said() == ["kids on bikes smashing\nthe bus shelter again"]
    assert (await focused(page))["id"] == "message"
    for _ in range(10):
        await keys.press("Shift+Tab")
        if (await focused(page))["text"] == "Report it here":
            break
    assert (await focused(page))["text"] == "Report it here"
    assert_visible_focus(await focused(page))
    await keys.press("Space")
    await tab.answered()
    where = await focused(page)
    assert where["inRow"] and where["text"] == "It happened to me", where
    assert_visible_focus(where)
    await keys.press("Tab")
    await keys.press("Enter")  # "I saw it happen"
    await tab.answered()
    assert (await tab.user_said())[-1] == "I saw it happen"
    where = await focused(page)
    assert where["inRow"] or where["id"] == "message", where
    assert_visible_focus(where)


async def test_a_quick_exit_in_words_clears_the_page_and_the_conversation(tab, system):
    await tab.say(ASB)
    assert await tracker_events(system, tab.sender)
    await tab.say("delete this chat")
    assert await tab.bot_said() == [signposting.default().text("quick_exit")]
    assert await tab.user_said() == []
    await expect(tab.page.locator(".buttons")).to_have_count(0)
    assert await tracker_events(system, tab.sender) == []


async def test_exit_this_page_leaves_for_a_neutral_page_that_back_does_not_undo(browser, system):
    async with new_tab(browser, system) as tab:
        await tab.page.goto(ELSEWHERE)
        await tab.open()
        await tab.say(ASB)
        assert await tracker_events(system, tab.sender)
        await tab.page.get_by_role("link", name="Exit this page").click()
        await tab.page.wait_for_url(NEUTRAL)
        assert {"sender": tab.sender, "message": "/quick_exit"} in tab.chat_posts()
        await tab.page.go_back()
        assert tab.page.url == ELSEWHERE
        assert await forgotten(system, tab.sender)


async def test_the_leave_now_button_leaves_like_exit_this_page(browser, system):
    async with new_tab(browser, system) as tab:
        await tab.page.goto(ELSEWHERE)
        await tab.open()
        await tab.say(DOMESTIC_ABUSE)
        await tab.page.get_by_role("button", name="Leave now").first.click()
        await tab.page.wait_for_url(NEUTRAL)
        assert {"sender": tab.sender, "message": "/quick_exit"} in tab.chat_posts()
        await tab.page.go_back()
        assert tab.page.url == ELSEWHERE
        assert await forgotten(system, tab.sender)


async def test_shift_three_times_exits_but_not_as_a_modifier_or_after_a_pause(tab, system):
    page, keys, status = tab.page, tab.page.keyboard, tab.page.locator("#exit-status")
    await tab.say(ASB)
    await page.locator("#message").focus()
    for key in ("Shift+KeyA", "Shift+KeyB", "Shift+Enter", "Shift+Enter", "Shift+KeyC"):
        await keys.press(key)
    assert await page.locator("#message").input_value() == "AB\n\nC"
    assert await status.text_content() == ""  # read at once: the count would fade in 5 s
    await keys.press("Shift")
    await expect(status).to_have_text("Shift, press 2 more times to exit.")
    await keys.press("Shift")
    await expect(status).to_have_text("Shift, press 1 more time to exit.")
    started = time.monotonic()
    await expect(status).to_have_text("", timeout=(SHIFT_RESET_SECONDS + 5) * 1000)
    assert time.monotonic() - started > SHIFT_RESET_SECONDS - 1
    await keys.press("Shift")
    await expect(status).to_have_text("Shift, press 2 more times to exit.")
    assert page.url.endswith("/chat")
    await keys.press("Shift")
    await keys.press("Shift")
    await page.wait_for_url(NEUTRAL)
    assert await forgotten(system, tab.sender)


def safe_place_open_all_day() -> dict:
    with (PROJECT_ROOT / "data" / "directory" / "safe_places.csv").open(newline="") as f:
        return next(row for row in csv.DictReader(f) if row["hours"] == "24/7")


async def test_a_shared_location_lists_the_safe_place_there_from_rounded_coordinates(browser, system):
    place = safe_place_open_all_day()
    # A little off the place, with more decimals than the page may send.
    where = {"latitude": float(place["latitude"]) + 0.000123,
             "longitude": float(place["longitude"]) - 0.000234}
    async with new_tab(browser, system, permissions=["geolocation"], geolocation=where) as tab:
        await tab.open()
        await tab.page.get_by_role("button", name="Use my location").click()
        await expect(tab.page.locator(".msg.user")).to_have_count(1)
        await tab.answered()
        assert await tab.user_said() == ["Shared my location"]
        assert any(place["name"] in said for said in await tab.bot_said())
        [request] = [r for r in tab.requests if r.url.endswith("/api/chat")]
        sent = json.loads(request.post_data)["location"]
        assert sent == {k: round(v, 3) for k, v in where.items()}
        assert all(len(d) <= 3 for d in re.findall(r"\.(\d+)", request.post_data))


async def test_a_location_not_allowed_gets_a_kind_way_on(tab):
    await tab.page.get_by_role("button", name="Use my location").click()
    await expect(tab.page.locator(".msg.bot:not(.welcome)")).to_have_count(1)
    [said] = await tab.bot_said()
    assert said.startswith(NOT_SHARED) and "postcode" in said
    assert tab.chat_posts() == []


async def test_nothing_of_the_conversation_is_kept_or_sent_elsewhere(tab):
    await tab.say(ASB)
    await tab.button("Report it here").click()
    await tab.answered()
    kept = await tab.page.evaluate(
        "[localStorage.length, sessionStorage.length, document.cookie]")
    assert kept == [0, 0, ""]
    assert tab.response.headers["cache-control"] == "no-store"
    assert tab.response.headers["referrer-policy"] == "no-referrer"
    policy = tab.response.headers["content-security-policy"]
    for kind in ("script", "style", "connect", "img", "font"):
        assert f"{kind}-src 'self';" in policy
    api = [await r.response() for r in tab.requests if r.url.endswith("/api/chat")]
    assert len(api) == 2 and all(r.headers["cache-control"] == "no-store" for r in api)
    assert tab.requests and all(r.url.startswith(tab.origin + "/") for r in tab.requests)


async def test_no_accessibility_violations_and_no_sideways_scrolling_at_320_px(tab):
    page = tab.page
    assert await axe_violations(page) == []
    await expect(page.get_by_role("textbox", name="Your message")).to_have_accessible_description(
        "Enter sends. Shift and Enter starts a new line.")
    await screenshot(page, "chat-new")
    await tab.say(ASB)
    await expect(tab.button("Report it here")).to_be_visible()
    assert await axe_violations(page) == []
    await expect(page.get_by_role("log", name="Conversation")).to_have_count(1)
    rows = await page.locator(".buttons").count()
    assert rows >= 1
    await expect(page.get_by_role("group", name="Choices")).to_have_count(rows)
    await page.evaluate("window.scrollTo(0, 0)")
    await screenshot(page, "chat-conversation")
    await page.set_viewport_size(NARROW)
    assert await axe_violations(page) == []
    assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    await page.evaluate("window.scrollTo(0, 0)")
    await screenshot(page, "chat-320px")


async def test_at_320_px_the_exit_stays_in_sight_and_focus_never_hides_under_it(tab):
    page = tab.page
    await page.set_viewport_size(NARROW)
    await tab.say(ASB)
    await tab.say("the same kids threw stones at my window last night")
    assert await page.evaluate("""() => {
        const you = [...document.querySelectorAll('.msg.user')].pop();
        let reply = you.nextElementSibling;
        while (!reply.matches('.msg.bot')) reply = reply.nextElementSibling;
        const box = reply.getBoundingClientRect();
        return reply.contains(document.elementFromPoint(box.x + box.width / 2, box.y + 2));
    }"""), "the reply's first line is under the heading"
    await page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    await expect(page.get_by_role("link", name="Exit this page")).to_be_in_viewport()
    await page.locator("#message").focus()
    stops = []
    while len(stops) < 20 and (not stops or stops[-1]["id"] != "exit"):
        await page.keyboard.press("Shift+Tab")
        stops.append(await focused(page))
        assert_visible_focus(stops[-1])
    assert stops[-1]["id"] == "exit" and sum(stop["inRow"] for stop in stops) >= 4


async def test_arabic_turns_the_page_right_to_left_and_the_choice_of_language_follows(tab):
    """A resident writing Arabic gets the 999 lines in Arabic first, and the page's own words
    and layout switch to Arabic, right to left; choosing Polski switches them again."""
    page = tab.page
    words = page_words()
    await tab.say("ساعدوني، زوجي يحمل سكينا ويهددني الآن")
    assert (await tab.bot_said())[0] == signposting.emergency("ar")
    html = page.locator("html")
    await expect(html).to_have_attribute("dir", "rtl")
    await expect(html).to_have_attribute("lang", "ar")
    await expect(page.get_by_role("button", name=words["ar"]["send"], exact=True)).to_be_visible()
    await expect(page.get_by_role("link", name=words["ar"]["exit"])).to_be_visible()
    layout = await page.evaluate("""() => {
        const box = (s) => document.querySelector(s).getBoundingClientRect();
        const bot = [...document.querySelectorAll('.msg.bot')].pop();
        return {exitLeftOfTitle: box('#exit').right <= box('h1').left,
                reply: getComputedStyle(bot).direction,
                page: getComputedStyle(document.body).direction};
    }""")
    assert layout == {"exitLeftOfTitle": True, "reply": "rtl", "page": "rtl"}
    assert await axe_violations(page) == []
    await page.set_viewport_size(NARROW)
    assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    await page.evaluate("window.scrollTo(0, 0)")
    await screenshot(page, "chat-arabic-320px")
    await page.set_viewport_size(VIEWPORT)
    await page.locator("#language").select_option("pl")
    await tab.answered()
    await expect(html).to_have_attribute("dir", "ltr")
    await expect(page.get_by_role("button", name=words["pl"]["send"], exact=True)).to_be_visible()
    assert tab.chat_posts()[-1]["message"] == "/language pl"
    await tab.say("sąsiedzi znowu puszczają głośną muzykę do trzeciej w nocy")
    assert tab.chat_posts()[-1]["language"] == "pl" and tab.chat_posts()[-1]["language_chosen"]
    await expect(tab.button(signposting.words("button.report_it_here", "pl"))).to_be_visible()
