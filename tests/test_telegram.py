"""The real python-telegram-bot code against the fake Bot API server and a stand-in engine."""

from __future__ import annotations

import asyncio
import logging
import re

import pytest
from sqlalchemy import text

from bot import signposting
from bot.conversation import COMMANDS, STAFF_MESSAGE_NOTICE
from bot.language import translations
from bot.ratelimit import MAX_MESSAGES, Limits
from bot.signposting import words
from bot.storage import messages, reports
from bot.storage.db import make_engine, make_sessionmaker
from bot.telegram.flood import SLOW_DOWN
from bot.telegram.handlers import split_text
from bot.telegram.traces import Traces
from bot.web.keys import CIPHER, SESSIONS
from tests.fake_engine import FakeEngine, app_client
from tests.fake_telegram import BOT_TOKEN, FakeTelegram
from tests.test_storage import new_report

EDITED, TEXT_ONLY, TRY_AGAIN = (words(f"telegram.{key}") for key in ("edited", "text_only",
                                                                       "try_again"))


@pytest.fixture
def telegram():
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


@pytest.fixture
def engine():
    return FakeEngine()


@pytest.fixture
def start_app(telegram, engine, aiohttp_client, aiohttp_server, tmp_path, sqlite_sessions_url):
    """Starts the app against the fake Telegram server and the stand-in engine, with these
    extra settings."""
    async def start(**extra: str):
        return await app_client(aiohttp_client, aiohttp_server, engine, tmp_path,
                                sqlite_sessions_url, TELEGRAM_BOT_TOKEN=BOT_TOKEN,
                                TELEGRAM_API_URL=telegram.base_url, **extra)
    return start


@pytest.fixture
async def app(start_app):
    """The app polling the fake Telegram server (set up first, so it is stopped last)."""
    return await start_app()


async def wait_for(telegram: FakeTelegram, predicate):
    return await asyncio.to_thread(telegram.wait_for, predicate, 15)


async def test_polling_starts_and_healthz_says_so(app, telegram):
    health = await (await app.get("/healthz")).json()
    assert health["components"]["telegram"] == "polling"
    assert telegram.calls_to("getMe")


async def test_text_message_is_answered_through_the_engine(app, telegram, engine):
    telegram.send_text(501, "loud music every night")
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 501))
    assert sent[0]["text"] == "echo: loud music every night"
    assert telegram.calls_to("sendChatAction", 501)[0]["action"] == "typing"
    # A keyed hash of the chat: hex digits (which can spell "501" by chance), never the id.
    assert re.fullmatch(r"tg-[0-9a-f]{32}", engine.received[-1]["sender"])


async def test_a_shared_location_reaches_the_engine_rounded_to_about_100_m(app, telegram,
                                                                          engine):
    telegram.send_location(503, 51.752021, -1.257726)
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 503))
    assert sent[0]["text"] == "echo: /share_location"
    assert engine.received[-1]["metadata"]["location"] == {"latitude": 51.752,
                                                           "longitude": -1.258}
    assert "51.752021" not in str(engine.received[-1])


async def test_the_chat_is_passed_on_only_encrypted_for_staff_message_notices(app, telegram,
                                                                               engine):
    telegram.send_text(504, "hello")
    await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 504))
    token = engine.received[-1]["metadata"]["delivery"]
    assert "504" not in token
    assert app.server.app[CIPHER].decrypt(token) == "tg:504"


async def test_buttons_become_an_inline_keyboard_and_a_press_sends_the_payload(
        app, telegram, engine):
    telegram.send_text(502, "buttons please")
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 502))
    keyboard = sent[0]["reply_markup"]["inline_keyboard"]
    assert keyboard == [[{"text": "Report it here", "callback_data": "/report_incident"}]]
    telegram.press_button(502, "/report_incident", message_id=77)
    await wait_for(telegram, lambda: len(telegram.calls_to("sendMessage", 502)) == 2)
    assert telegram.calls_to("answerCallbackQuery")
    removed = telegram.calls_to("editMessageReplyMarkup", 502)
    assert removed and removed[0]["message_id"] == 77 and "reply_markup" not in removed[0]
    assert engine.received[-1]["message"] == "/report_incident"


async def test_urgent_message_gets_emergency_guidance_first_on_telegram(app, telegram):
    telegram.send_text(503, "he has a knife and is outside")
    await wait_for(telegram, lambda: len(telegram.calls_to("sendMessage", 503)) >= 2)
    sent = telegram.calls_to("sendMessage", 503)
    assert sent[0]["text"] == signposting.default().text("emergency")


async def test_engine_down_still_answers_on_telegram(app, telegram, engine):
    engine.down = True
    telegram.send_text(505, "can you help me")
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 505))
    assert sent[0]["text"] == signposting.default().text("unavailable")


def test_long_replies_are_split_under_telegrams_limit():
    text = ("word " * 2000).strip()
    parts = split_text(text)
    assert all(len(p) <= 4096 for p in parts)
    assert " ".join(parts) == text


async def test_start_is_a_short_neutral_welcome_that_says_how_to_leave(app, telegram, engine):
    telegram.send_text(601, "/start")
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 601))
    welcome = sent[0]["text"]
    assert welcome == signposting.default().text("welcome")
    assert "/exit" in welcome and "999" in welcome and "Nobody watches this chat" in welcome
    assert engine.received == []


@pytest.mark.parametrize(("command", "payload"), sorted(COMMANDS.items()))
async def test_commands_mean_what_their_buttons_mean(app, telegram, engine, command, payload):
    telegram.send_text(602, f"/{command}")
    await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 602))
    assert engine.received[-1]["message"] == payload


@pytest.mark.parametrize(("content", "reply"), [
    ({"voice": {"file_id": "v", "file_unique_id": "v1", "duration": 3}}, "voice notes"),
    ({"sticker": {"file_id": "s", "file_unique_id": "s1", "type": "regular", "width": 5,
                  "height": 5, "is_animated": False, "is_video": False}}, "stickers"),
    ({"document": {"file_id": "d", "file_unique_id": "d1"}}, "photos, videos or files"),
    ({"photo": [{"file_id": "p", "file_unique_id": "p1", "width": 5, "height": 5}]},
     "photos, videos or files"),
    ({"text": "/weather", "entities": [{"type": "bot_command", "offset": 0, "length": 8}]},
     "I don't know that command"),
    ({"contact": {"phone_number": "0", "first_name": "A"}}, TEXT_ONLY),
])
async def test_what_the_bot_cannot_take_gets_a_clear_reply(app, telegram, engine, content, reply):
    telegram.send_message(603, **content)
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 603))
    assert reply in sent[0]["text"]
    assert engine.received == []


async def test_an_edited_message_is_not_answered_twice_but_explained(app, telegram, engine):
    telegram.edit_text(604, "actually it was on the cowley road")
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 604))
    assert sent[0]["text"] == EDITED
    assert engine.received == []


async def test_exit_deletes_the_chats_messages_then_leaves_one_line(app, telegram, engine):
    telegram.send_text(701, "he reads my messages every night")
    await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 701))
    telegram.send_message(701, photo=[{"file_id": "p", "file_unique_id": "p1", "width": 5,
                                       "height": 5}])
    await wait_for(telegram, lambda: len(telegram.calls_to("sendMessage", 701)) >= 2)
    telegram.send_text(701, "/exit")
    deleted = await wait_for(telegram, lambda: telegram.calls_to("deleteMessages", 701))
    sent = await wait_for(telegram, lambda: len(telegram.calls_to("sendMessage", 701)) >= 3
                          and telegram.calls_to("sendMessage", 701))
    ids = set(deleted[0]["message_ids"])
    assert telegram.incoming_ids(701) <= ids  # the resident's three messages, /exit included
    assert {m["sent_message_id"] for m in sent[:2]} <= ids  # and the bot's two replies
    assert sent[-1]["text"] == "cleared" and engine.received[-1]["message"] == "/quick_exit"
    telegram.send_text(701, "/exit")  # again: only what was sent since is deleted
    again = await wait_for(telegram, lambda: len(telegram.calls_to("deleteMessages", 701)) >= 2
                           and telegram.calls_to("deleteMessages", 701))
    assert not set(again[1]["message_ids"]) & ids


SECRET = "s3cret_token-for-tests"
WEBHOOK_URL = "https://bot.example.org/telegram/webhook"


@pytest.fixture
async def webhook_app(start_app):
    """The app in webhook mode: Telegram posts updates to it instead of being polled."""
    return await start_app(TELEGRAM_WEBHOOK_URL=WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET=SECRET)


def text_update(chat_id: int, text: str, update_id: int = 9001) -> dict:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": 1, "chat": {"id": chat_id, "type": "private"},
        "from": {"id": chat_id, "is_bot": False, "first_name": "R"}, "text": text}}


async def test_webhook_mode_registers_the_url_with_its_secret_and_does_not_poll(
        webhook_app, telegram):
    registered = telegram.calls_to("setWebhook")
    assert registered and registered[0]["url"] == WEBHOOK_URL
    assert registered[0]["secret_token"] == SECRET
    assert not telegram.calls_to("getUpdates")
    health = await (await webhook_app.get("/healthz")).json()
    assert health["components"]["telegram"] == "webhook"


async def test_a_webhook_update_with_the_secret_is_answered(webhook_app, telegram, engine):
    resp = await webhook_app.post("/telegram/webhook", json=text_update(801, "loud music"),
                                  headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert resp.status == 200
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 801))
    assert sent[0]["text"] == "echo: loud music"


async def test_a_webhook_update_is_answered_before_the_200_and_a_retry_is_not_answered_again(
        webhook_app, telegram, engine):
    """Telegram retries an update it got no 200 for, and behind the replicas the retry may
    reach another app: the 200 comes once the reply is sent, and the retry is not handled."""
    for _ in range(2):
        resp = await webhook_app.post("/telegram/webhook", json=text_update(804, "graffiti"),
                                      headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
        assert resp.status == 200
        assert [m["text"] for m in telegram.calls_to("sendMessage", 804)] == ["echo: graffiti"]
    assert [b["message"] for b in engine.received] == ["graffiti"]


@pytest.mark.parametrize("headers", [{}, {"X-Telegram-Bot-Api-Secret-Token": "guess"}])
async def test_a_webhook_update_without_the_secret_is_refused(webhook_app, engine, headers):
    resp = await webhook_app.post("/telegram/webhook", json=text_update(802, "hello"),
                                  headers=headers)
    assert resp.status == 403
    await asyncio.sleep(0.2)
    assert engine.received == []


@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"no": "update"}'])
async def test_a_webhook_body_that_is_not_an_update_is_a_400(webhook_app, body):
    resp = await webhook_app.post("/telegram/webhook", data=body,
                                  headers={"X-Telegram-Bot-Api-Secret-Token": SECRET,
                                           "Content-Type": "application/json"})
    assert resp.status == 400


async def test_in_polling_mode_the_webhook_path_does_not_exist(app):
    resp = await app.post("/telegram/webhook", json=text_update(803, "hi"),
                          headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert resp.status == 404


async def test_a_flooding_chat_is_slowed_down_but_danger_and_other_chats_get_through(
        app, telegram, engine):
    for n in range(MAX_MESSAGES + 6):
        telegram.send_text(901, f"spam {n}")
    telegram.send_text(901, "he has a knife and is kicking the door in")
    telegram.send_text(902, "loud music next door")
    await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 902))
    sent = await wait_for(telegram, lambda: [m for m in telegram.calls_to("sendMessage", 901)
                                             if m["text"] == signposting.default().text("emergency")]
                          and telegram.calls_to("sendMessage", 901))
    from_901 = [m["message"] for m in engine.received if m["message"].startswith("spam")]
    assert len(from_901) == MAX_MESSAGES  # the rest were skipped
    assert [m["text"] for m in sent].count(SLOW_DOWN) == 1  # said once per flood
    assert "he has a knife and is kicking the door in" in [m["message"] for m in engine.received]


def test_the_window_forgets_old_messages():
    limits = Limits()
    quick = [n * 0.4 for n in range(MAX_MESSAGES)]  # all within 10 s
    assert not any(limits.count("chat", t) for t in quick)
    assert limits.count("chat", quick[-1] + 0.1)  # one too many in the window
    assert not limits.count("chat", 100.0)  # much later: a new window
    assert not any(limits.count("steady", t * 1.0) for t in range(3 * MAX_MESSAGES))  # 1 a second


async def test_a_chats_messages_are_answered_in_order_and_other_chats_are_not_held_up(
        app, telegram, engine):
    engine.slow["first, and slow to answer"] = 1.0
    telegram.send_text(1101, "first, and slow to answer")
    telegram.send_text(1101, "second")
    telegram.send_text(1102, "another chat")
    sent = await wait_for(telegram, lambda: len(telegram.calls_to("sendMessage", 1101)) >= 2
                          and telegram.calls_to("sendMessage", 1101))
    assert [m["text"] for m in sent] == ["echo: first, and slow to answer", "echo: second"]
    order = [p["text"] for m, p in telegram.calls if m == "sendMessage"]
    assert order.index("echo: another chat") < order.index("echo: first, and slow to answer")


async def test_a_retry_after_from_telegram_is_waited_out_and_the_reply_still_arrives(
        app, telegram, engine):
    telegram.refuse_next("sendMessage")
    telegram.send_text(1401, "noise from the flat above again")
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 1401))
    assert [m for m, _ in telegram.refused] == ["sendMessage"]
    assert [m["text"] for m in sent] == ["echo: noise from the flat above again"]  # no "try again"


async def test_a_quick_exit_after_an_app_restart_still_deletes_the_earlier_messages(
        start_app, telegram, engine):
    before = await start_app()
    telegram.send_text(1201, "he follows me home from work")
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 1201))
    await before.close()
    after = await start_app()
    telegram.send_text(1201, "/exit")
    deleted = await wait_for(telegram, lambda: telegram.calls_to("deleteMessages", 1201))
    ids = set(deleted[0]["message_ids"])
    assert telegram.incoming_ids(1201) <= ids and sent[0]["sent_message_id"] in ids
    async with after.server.app[SESSIONS]() as session:
        stored = (await session.execute(text("SELECT chat_key, message_id FROM chat_traces")))
        rows = stored.all()
    assert all("1201" not in key for key, _ in rows)  # only a keyed hash of the chat


async def test_a_staff_message_notice_is_deleted_by_a_quick_exit_too(app, telegram, engine):
    sessions, cipher = app.server.app[SESSIONS], app.server.app[CIPHER]
    report = await reports.create_report(sessions, cipher, new_report(delivery="tg:1301"))
    assert await messages.send_to_reporter(sessions, cipher, report.reference, "casey",
                                           "Thank you for your report")
    notice = await wait_for(telegram, lambda: [m for m in telegram.calls_to("sendMessage", 1301)
                                               if m["text"] == STAFF_MESSAGE_NOTICE])
    telegram.send_text(1301, "/exit")
    deleted = await wait_for(telegram, lambda: telegram.calls_to("deleteMessages", 1301))
    assert notice[0]["sent_message_id"] in deleted[0]["message_ids"]


async def test_with_the_database_down_the_chat_is_still_answered(tmp_path, cipher, caplog):
    engine = make_engine(f"sqlite+aiosqlite:///{tmp_path / 'missing' / 'app.db'}")
    traces = Traces(make_sessionmaker(engine), cipher)
    try:
        await traces.remember(1501, 7)
        assert await traces.remove_chat(None, 1501) == 0  # nothing known: Telegram not asked
    finally:
        await engine.dispose()
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        "message ids not noted for a quick exit", "message ids for a quick exit not read"]


async def test_a_failing_handler_logs_only_the_error_type_and_asks_to_try_again(
        app, telegram, engine, caplog):
    telegram.refuse_next("sendChatAction", error_code=400)
    telegram.send_text(1601, "my neighbour plays music at 3am")
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 1601))
    assert [m["text"] for m in sent] == [TRY_AGAIN]
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert errors == ["telegram handler failed: BadRequest"]
    assert not any("music" in r.getMessage() or "1601" in r.getMessage() for r in caplog.records)


async def test_replies_are_plain_text_so_markup_characters_arrive_as_written(app, telegram):
    written = "*not bold* <b>not html</b> _x_ [link](http://example.org) 1 < 2 & 3"
    telegram.send_text(1701, written)
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 1701))
    assert sent[0]["text"] == f"echo: {written}" and "parse_mode" not in sent[0]


async def test_what_the_bot_cannot_take_leaves_no_error_in_the_log(app, telegram, caplog):
    for n, content in enumerate(({"voice": {"file_id": "v", "file_unique_id": "v1", "duration": 2}},
                                 {"sticker": {"file_id": "s", "file_unique_id": "s1", "width": 5,
                                              "height": 5, "is_animated": False,
                                              "is_video": False, "type": "regular"}})):
        telegram.send_message(1801 + n, **content)
    await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 1801)
                   and telegram.calls_to("sendMessage", 1802))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


async def test_danger_in_polish_gets_polish_lines_and_the_chat_stays_in_polish(
        app, telegram, engine):
    telegram.send_text(601, "pomocy, on ma nóż i stoi pod drzwiami")
    await wait_for(telegram, lambda: len(telegram.calls_to("sendMessage", 601)) >= 2)
    assert telegram.calls_to("sendMessage", 601)[0]["text"] == signposting.emergency("pl")
    assert engine.received[-1]["metadata"]["language"] == "pl"
    telegram.send_message(601, sticker={"file_id": "s", "file_unique_id": "u", "type": "regular",
                                        "width": 1, "height": 1, "is_animated": False,
                                        "is_video": False})
    await wait_for(telegram, lambda: len(telegram.calls_to("sendMessage", 601)) >= 3)
    assert telegram.calls_to("sendMessage", 601)[-1]["text"] == words("telegram.sticker", "pl")


async def test_language_lists_the_languages_and_a_press_chooses_one(app, telegram, engine):
    telegram.send_text(602, "/language")
    sent = await wait_for(telegram, lambda: telegram.calls_to("sendMessage", 602))
    choices = [b for row in sent[0]["reply_markup"]["inline_keyboard"] for b in row]
    assert {"text": "العربية", "callback_data": "/language ar"} in choices and len(choices) == 12
    telegram.press_button(602, "/language ar", message_id=5)
    await wait_for(telegram, lambda: len(telegram.calls_to("sendMessage", 602)) >= 2)
    chosen = telegram.calls_to("sendMessage", 602)[-1]["text"]
    assert chosen == translations.default().render("utter_language_chosen", "ar")["text"]
    assert engine.received == []  # chosen in the app, without the engine
    telegram.send_text(602, "my neighbours play music all night long")
    await wait_for(telegram, lambda: engine.received)
    assert engine.received[-1]["metadata"]["language"] == "ar"  # chosen: kept


async def test_the_telegram_apps_language_is_a_hint_for_a_first_short_message(
        app, telegram, engine):
    telegram.send_message(603, language_code="ro", text="ok")
    await wait_for(telegram, lambda: engine.received)
    assert engine.received[-1]["metadata"]["language"] == "ro"
