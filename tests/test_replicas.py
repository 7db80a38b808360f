"""Two replicas of every process on PostgreSQL and Redis behind nginx, as `make
run-replicas` starts them: a conversation goes on while replicas are killed and restarted,
with no message lost or answered twice; Telegram webhook updates and staff message notices
are handled once; Redis going away degrades the bot and its return heals it."""

from __future__ import annotations

import asyncio
import dataclasses
import json

import aiohttp
import pytest

from bot import signposting
from bot.conversation import STAFF_MESSAGE_NOTICE, Conversations
from bot.crypto import DataCipher, master_key
from bot.replicas import Replicas
from bot.runner import free_port
from bot.settings import Settings
from bot.storage import messages, reports
from bot.storage.db import make_engine, make_sessionmaker
from bot.storage.trackers import async_url
from tests.dialogue import (
    REFERENCE,
    WITNESS_ACCOUNT,
    WITNESS_ANSWERS,
    choose,
    question_in,
    texts,
)
from tests.fake_telegram import BOT_TOKEN, FakeTelegram
from tests.system import STARTUP_SECONDS
from tests.test_end_to_end import (
    answer_questions,
    query,
    stored_report,
)
from tests.test_storage import new_report

SECRET = "replicas-webhook-secret"
UNAVAILABLE = signposting.default().text("unavailable")


@pytest.fixture(scope="module")
def telegram():
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def replicas(tmp_path_factory, telegram):
    """PostgreSQL, Redis, two engines, two action servers and two apps (Telegram in webhook
    mode) behind nginx, on free loopback ports."""
    settings = Settings.from_env({
        "SAFER_VAR_DIR": str(tmp_path_factory.mktemp("replicas")), "APP_PORT": str(free_port()),
        "TELEGRAM_BOT_TOKEN": BOT_TOKEN, "TELEGRAM_API_URL": telegram.base_url,
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/telegram/webhook",
        "TELEGRAM_WEBHOOK_SECRET": SECRET})
    settings = dataclasses.replace(
        settings, engine_url=",".join(f"http://127.0.0.1:{free_port()}" for _ in range(2)),
        action_server_url=",".join(f"http://127.0.0.1:{free_port()}/webhook" for _ in range(2)))
    group = Replicas(settings, 2, app_ports=[free_port(), free_port()])
    try:
        group.start()
        group.wait_ready(STARTUP_SECONDS)
        yield group
    finally:
        group.stop()


def restart(group: Replicas, name: str) -> None:
    """Start a killed process again and wait until every app sees everything ready."""
    group.services.start((name,))
    group.wait_ready(STARTUP_SECONDS)


async def post(port: int, path: str, body: dict, headers: dict | None = None):
    """(status, the JSON answer, or the text of one that is not JSON)."""
    async with aiohttp.ClientSession() as http, http.post(
            f"http://127.0.0.1:{port}{path}", json=body, headers=headers or {}) as resp:
        answer = await resp.text()
        return resp.status, (json.loads(answer) if resp.content_type == "application/json"
                             else answer)


def engine_sender(group: Replicas, channel: str, raw_id: str) -> str:
    """The keyed id the engine knows a chat by, worked out as the apps do."""
    cipher = DataCipher(master_key(group.settings))
    return Conversations(None, cipher, None, {}).sender_id(channel, raw_id)


async def user_turns(group: Replicas, sender: str) -> int:
    """Messages of this conversation the engines handled, from their shared store."""
    rows = await query(async_url(group.settings.tracker_store),
                       "SELECT count(*) AS n FROM events WHERE sender_id = :s "
                       "AND type_name = 'user'", s=sender)
    return rows[0]["n"]


async def test_a_report_goes_on_while_engine_and_app_replicas_are_killed_and_restarted(replicas):
    """Each engine, then each app, is killed (SIGKILL) and started again during one report
    made through nginx: every message gets its normal answer (never the engine-down
    fallback), the engines' store holds each message exactly once, and the confirmed report
    is stored once."""
    faults = iter([
        lambda: replicas.services.kill("engine"),
        lambda: (restart(replicas, "engine"), replicas.services.kill("engine-2")),
        lambda: (restart(replicas, "engine-2"), replicas.services.kill("app")),
        lambda: (restart(replicas, "app"), replicas.services.kill("app-2")),
        lambda: restart(replicas, "app-2"),
    ])
    sent = []

    async def send(message: str) -> list[dict]:
        status, replies = await post(replicas.settings.app_port, "/api/chat",
                                     {"sender": "replica-web", "message": message})
        assert status == 200 and UNAVAILABLE not in texts(replies), (message, replies)
        sent.append(message)
        if len(sent) % 2 == 0:
            await asyncio.to_thread(next(faults, lambda: None))
        return replies

    await send(WITNESS_ACCOUNT)
    summary = await answer_questions(send, await send("/report_incident"), WITNESS_ANSWERS)
    assert WITNESS_ACCOUNT in texts(summary)
    reference = REFERENCE.search(texts(await send(choose("send")))).group(1)
    assert len(sent) > 10, "the faults must have happened during the report"
    row = await stored_report(replicas.services, reference)
    assert row["topic"] == "hate_crime"
    assert await user_turns(replicas, engine_sender(replicas, "web", "replica-web")) == len(sent)


async def test_a_webhook_update_retried_on_the_other_replica_is_answered_once(replicas,
                                                                              telegram):
    """Telegram sends an update again when it got no 200 in time; behind the load balancer
    the retry reaches the other app. Only one of them handles it."""
    update = {"update_id": 77001, "message": {
        "message_id": 1, "date": 1, "chat": {"id": 880001, "type": "private"},
        "from": {"id": 880001, "is_bot": False, "first_name": "R"},
        "text": "kids keep kicking a football at my window"}}
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    answers = await asyncio.gather(*(post(port, "/telegram/webhook", update, headers)
                                     for port in replicas.app_ports))
    assert [status for status, _ in answers] == [200, 200]
    await asyncio.sleep(2)  # a second handling would have sent by now
    assert telegram.calls_to("sendMessage", 880001)
    first_turn = len(telegram.calls_to("sendMessage", 880001))
    status, _ = await post(replicas.app_ports[0], "/telegram/webhook", update, headers)
    assert status == 200 and len(telegram.calls_to("sendMessage", 880001)) == first_turn
    assert await user_turns(replicas, engine_sender(replicas, "tg", "880001")) == 1


async def test_a_staff_message_is_announced_once_though_both_replicas_poll(replicas, telegram):
    engine = make_engine(replicas.settings.database)
    try:
        sessions = make_sessionmaker(engine)
        cipher = DataCipher(master_key(replicas.settings))
        report = await reports.create_report(sessions, cipher, new_report(delivery="tg:880002"))
        for n in range(3):
            assert await messages.send_to_reporter(sessions, cipher, report.reference,
                                                   "caseworker", f"update {n}")
    finally:
        await engine.dispose()
    notices = lambda: [c for c in telegram.calls_to("sendMessage", 880002)  # noqa: E731
                       if c["text"] == STAFF_MESSAGE_NOTICE]
    await asyncio.to_thread(telegram.wait_for, lambda: len(notices()) >= 3, 30)
    await asyncio.sleep(12)  # both replicas have polled at least twice more
    assert len(notices()) == 3


async def test_without_redis_the_bot_degrades_and_heals_when_it_returns(replicas):
    """The engines keep their conversation locks in Redis: while it is away every message
    still gets an answer (999 first when urgent), and once it is back the conversation goes
    on where it was, with no restart."""
    sender = "replica-redis"
    asked = (await post(replicas.settings.app_port, "/api/chat",
                        {"sender": sender, "message": "/report_incident"}))[1]
    assert question_in(asked) == "report_role"
    replicas.redis.stop()
    try:
        status, replies = await post(replicas.settings.app_port, "/api/chat",
                                     {"sender": sender, "message": choose("victim")})
        assert status == 200 and UNAVAILABLE in texts(replies)
        status, replies = await post(replicas.settings.app_port, "/api/chat",
                                     {"sender": sender, "message": "he has a knife and is "
                                                                   "outside my door now"})
        assert status == 200 and "999" in replies[0]["text"]
    finally:
        replicas.redis.start()
    status, replies = await post(replicas.settings.app_port, "/api/chat",
                                 {"sender": sender, "message": choose("victim")})
    assert status == 200 and UNAVAILABLE not in texts(replies)
    assert question_in(replies) == "incident_text"
