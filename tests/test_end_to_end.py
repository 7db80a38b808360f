"""The whole path, for real: engine (trained model), action server, app, database.

Messages go in through /api/chat and through the fake Telegram Bot API server (so the
real python-telegram-bot code polls it), and come out as replies and stored reports,
which a staff member then sees in the console.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys

import aiohttp
import pytest
from sqlalchemy import text

from bot import signposting
from bot.crypto import DataCipher, master_key
from bot.runner import MODEL, Services, child_environment, free_port
from bot.settings import PROJECT_ROOT, Settings
from bot.storage.db import make_engine
from bot.storage.migrate import upgrade
from tests.fake_telegram import BOT_TOKEN, FakeTelegram

REFERENCE = re.compile(r"\b([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\b")
STARTUP_SECONDS = 300


@pytest.fixture(scope="module")
def telegram():
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def system(request, telegram, tmp_path_factory):
    """Engine, action server and app started exactly as `make run` starts them, with both
    databases (reports and engine trackers) on SQLite, then on a real PostgreSQL."""
    assert MODEL.exists(), f"no trained model at {MODEL}: run `make model` (make test does)"
    env = {
        "SAFER_VAR_DIR": str(tmp_path_factory.mktemp("var")),
        "APP_PORT": str(free_port()),
        "ENGINE_URL": f"http://127.0.0.1:{free_port()}",
        "ACTION_SERVER_URL": f"http://127.0.0.1:{free_port()}/webhook",
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN, "TELEGRAM_API_URL": telegram.base_url,
    }
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_url")
        env["DATABASE_URL"] = url
        env["TRACKER_STORE_URL"] = url.replace("postgresql+asyncpg://", "postgresql://")
    settings = Settings.from_env(env)
    upgrade(settings.database)
    telegram.reset()
    services = Services(settings, child_environment(settings))
    services.start()
    try:
        services.wait_ready(STARTUP_SECONDS)
        yield services
    finally:
        services.stop()


def base(system: Services) -> str:
    return f"http://127.0.0.1:{system.settings.app_port}"


async def chat(system, sender, message):
    async with aiohttp.ClientSession() as http, http.post(
            f"{base(system)}/api/chat", json={"sender": sender, "message": message}) as resp:
        assert resp.status == 200
        return await resp.json()


def texts(replies) -> str:
    return "\n".join(r["text"] for r in replies)


def payloads(replies) -> list[str]:
    return [b["payload"] for r in replies for b in r.get("buttons", [])]


async def query(url: str, sql: str, **params) -> list:
    """Rows from either database the system runs on, read the way the app reads them."""
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            return list((await conn.execute(text(sql), params)).mappings())
    finally:
        await engine.dispose()


async def stored_report(system: Services, reference: str):
    rows = await query(system.settings.database, "SELECT * FROM reports WHERE reference = :r",
                       r=reference.replace("-", ""))
    assert len(rows) == 1, f"report {reference} stored {len(rows)} times"
    return rows[0]


def stored_details(row) -> dict:
    """The details column as a dict: SQLite hands JSON back as text."""
    value = row["details"]
    return json.loads(value) if isinstance(value, str) else value


async def tracker_senders(system: Services) -> set[str]:
    url = system.env["TRACKER_STORE_URL"]
    url = url.replace("postgresql://", "postgresql+asyncpg://").replace("sqlite://",
                                                                         "sqlite+aiosqlite://")
    return {r["sender_id"] for r in await query(url, "SELECT DISTINCT sender_id FROM events")}


def test_health_names_every_component_ready(system):
    assert system.health() == {"status": "ok", "components": {
        "engine": "ready", "actions": "ready", "database": "ready", "telegram": "polling"}}


async def test_someone_in_danger_gets_999_guidance_first(system):
    replies = await chat(system, "e2e-danger", "someone is outside my door with a knife")
    first = replies[0]["text"]
    assert "999" in first and "55" in first and "18000" in first
    assert texts(replies).count(signposting.default().text("emergency")) == 1


async def test_hate_crime_report_through_web_chat_is_stored_with_its_reference(system):
    account = "a man shouted racist abuse at my neighbour outside the mosque on cowley road"
    replies = await chat(system, "e2e-web", account)
    assert "True Vision" in texts(replies)
    assert "/report_incident" in payloads(replies)
    confirm = await chat(system, "e2e-web", "/report_incident")
    assert account in texts(confirm) and "/affirm" in payloads(confirm)
    done = await chat(system, "e2e-web", "/affirm")
    reference = REFERENCE.search(texts(done)).group(1)
    row = await stored_report(system, reference)
    assert row["topic"] == "hate_crime" and row["status"] == "new"
    assert stored_details(row) == {"hate_strand": ["race", "religion"], "place": ["cowley"]}
    assert account not in row["description_enc"]
    cipher = DataCipher(master_key(system.settings))
    assert cipher.decrypt(row["description_enc"]) == account


async def test_danger_half_way_through_a_report_gets_999_first_then_the_report_resumes(system):
    sender = "e2e-interrupt"
    asked = await chat(system, sender, "/report_incident")
    assert "in your own words" in texts(asked)
    replies = await chat(system, sender, "he's back and he's kicking the door")
    assert "999" in replies[0]["text"]
    assert "in your own words" in texts(replies)
    account = "lads on bikes smashed the bus shelter by the shops on saturday"
    confirm = await chat(system, sender, account)
    assert account in texts(confirm) and "/affirm" in payloads(confirm)


async def test_report_made_on_telegram_is_stored_and_the_chat_id_is_not(system, telegram):
    chat_id = 424242
    account = "kids on bikes smashing the bus shelter again in blackbird leys"
    telegram.send_text(chat_id, account)
    wait = lambda n: lambda: len(telegram.calls_to("sendMessage", chat_id)) >= n  # noqa: E731
    await asyncio.to_thread(telegram.wait_for, wait(2), 60)
    offer = telegram.calls_to("sendMessage", chat_id)[-1]
    buttons = [b["callback_data"] for row in offer["reply_markup"]["inline_keyboard"] for b in row]
    assert "/report_incident" in buttons
    telegram.press_button(chat_id, "/report_incident")
    await asyncio.to_thread(telegram.wait_for, wait(3), 60)
    assert account in telegram.calls_to("sendMessage", chat_id)[-1]["text"]
    telegram.press_button(chat_id, "/affirm")
    await asyncio.to_thread(telegram.wait_for, wait(4), 60)
    reference = REFERENCE.search(telegram.calls_to("sendMessage", chat_id)[-1]["text"]).group(1)
    row = await stored_report(system, reference)
    assert row["topic"] == "asb"
    assert stored_details(row) == {"asb_kind": ["vandalism", "youths"], "place": ["blackbird_leys"],
                                   "when": ["ongoing"],
                                   "asb_category": ["environmental", "nuisance"]}
    senders = await tracker_senders(system)
    assert senders and not any(str(chat_id) in s for s in senders)
    assert str(chat_id) not in row["reporter_key"]


async def test_classify_uses_the_same_model(system):
    async with aiohttp.ClientSession() as http, http.post(
            f"{base(system)}/api/classify",
            json={"text": "someone sprayed a swastika on the synagogue"}) as resp:
        result = await resp.json()
    assert result["topic"] == "hate_crime" and result["urgent"] is False
    assert result["intent"] == "hate_crime" and 0.5 < result["confidence"] <= 1
    assert result["details"] == {"hate_strand": ["religion"]}


async def test_staff_member_sees_the_report_in_the_console(system):
    reply = await chat(system, "e2e-staff", "someone keeps dumping mattresses in our alley")
    assert "/report_incident" in payloads(reply)
    await chat(system, "e2e-staff", "/report_incident")
    reference = REFERENCE.search(texts(await chat(system, "e2e-staff", "/affirm"))).group(1)
    password = "e2e staff password"
    await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "bot", "create-admin", "e2e-admin"],
        input=password, text=True, check=True, cwd=PROJECT_ROOT, env=system.env,
        capture_output=True)
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        async with http.get(f"{base(system)}/staff/login") as resp:
            csrf = re.search(r'name="csrf" value="([^"]+)"', await resp.text()).group(1)
        async with http.post(f"{base(system)}/staff/login", data={
                "csrf": csrf, "username": "e2e-admin", "password": password}) as resp:
            page = await resp.text()
    assert resp.url.path == "/staff/reports"
    assert reference in page
    assert "Fly-tipping and litter" in page and "Environmental" in page


SECRETS_AND_TEXTS = ("cowley road", "blackbird leys", "mattresses", "turning up at my work",
                     "424242", BOT_TOKEN)


def test_logs_hold_no_message_text_chat_id_or_token(system):
    """Runs after the conversations above (tests run in file order)."""
    logs = {p.name: p.read_text().lower() for p in system.log_dir.glob("*.log")}
    assert set(logs) == {"engine.log", "actions.log", "app.log"}
    for name, content in logs.items():
        for secret in SECRETS_AND_TEXTS:
            assert secret.lower() not in content, f"{secret!r} found in {name}"


async def test_conversation_survives_an_engine_restart(system):
    account = "my ex keeps turning up at my work and following me to the bus"
    await chat(system, "e2e-restart", account)
    system.stop(("engine",))
    system.start(("engine",))
    await asyncio.to_thread(system.wait_ready, STARTUP_SECONDS)
    confirm = await chat(system, "e2e-restart", "/report_incident")
    assert account in texts(confirm)
