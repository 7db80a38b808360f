"""The HTTP contract through the aiohttp test client, against a stand-in engine."""

from __future__ import annotations

import re

import pytest

from bot import conversation, signposting
from bot.conversation import STAFF_MESSAGE_NOTICE
from bot.language import translations
from bot.storage import messages, reports
from bot.web.app import MAX_WEB_MESSAGES
from bot.web.keys import CIPHER, CONVERSATIONS, SESSIONS
from tests.fake_engine import FakeEngine, app_client

NOT_FORGOTTEN = signposting.words("notice.not_forgotten")


@pytest.fixture
def fake_engine():
    return FakeEngine()


@pytest.fixture
async def client(aiohttp_client, aiohttp_server, fake_engine, tmp_path, sqlite_sessions_url):
    return await app_client(aiohttp_client, aiohttp_server, fake_engine, tmp_path,
                            sqlite_sessions_url)


async def chat(client, message, sender="resident-1"):
    resp = await client.post("/api/chat", json={"sender": sender, "message": message})
    assert resp.status == 200
    return await resp.json()


async def test_chat_passes_the_message_to_the_engine_under_an_opaque_sender(client, fake_engine):
    replies = await chat(client, "neighbours noise again", sender="browser-tab-42")
    assert replies == [{"text": "echo: neighbours noise again"}]
    sent = fake_engine.received[-1]
    assert sent["message"] == "neighbours noise again"
    assert re.fullmatch(r"web-[0-9a-f]{32}", sent["sender"])
    assert "browser-tab-42" not in sent["sender"]
    assert set(sent["metadata"]) == {"emergency_shown", "delivery", "language"}
    assert sent["metadata"]["emergency_shown"] is False and sent["metadata"]["language"] == "en"
    assert "browser-tab-42" not in sent["metadata"]["delivery"]  # encrypted for the actions
    cipher = client.server.app[CIPHER]
    assert cipher.decrypt(sent["metadata"]["delivery"]) == "web:browser-tab-42"


async def test_an_open_chat_page_is_told_once_when_staff_write_about_its_report(client):
    app = client.server.app
    report = await reports.create_report(app[SESSIONS], app[CIPHER], reports.NewReport(
        topic="asb", description="noise", urgent=False, reporter="web-x", submission_id="1",
        delivery="web:tab-7"))

    async def notices(sender: str) -> list[str]:
        resp = await client.post("/api/chat/notices", json={"sender": sender})
        assert resp.status == 200 and resp.headers["Cache-Control"] == "no-store"
        return (await resp.json())["notices"]

    assert await notices("tab-7") == []
    await messages.send_to_reporter(app[SESSIONS], app[CIPHER], report.reference, "casey",
                                    "Could you tell us more?")
    await messages.send_to_reporter(app[SESSIONS], app[CIPHER], report.reference, "casey",
                                    "And when did it start?")
    assert await notices("tab-8") == []
    assert await notices("tab-7") == [STAFF_MESSAGE_NOTICE]  # two messages, one notice
    assert await notices("tab-7") == []
    assert (await client.post("/api/chat/notices", json={})).status == 400
    assert (await client.post("/api/chat/notices", data=b"\xff")).status == 400


@pytest.mark.parametrize(("typed", "sent"), [
    ("/help", "/bot_capabilities"), ("/report", "/report_incident"), ("/EXIT", "/quick_exit"),
    ("/saferplace now", "/find_safe_place"), ("/helpme", "/helpme"), ("help", "help")])
async def test_typed_commands_mean_what_they_mean_on_telegram(client, fake_engine, typed, sent):
    await chat(client, typed)
    assert fake_engine.received[-1]["message"] == sent


async def test_the_same_sender_keeps_one_conversation(client, fake_engine):
    await chat(client, "one", sender="a")
    await chat(client, "two", sender="a")
    await chat(client, "three", sender="b")
    senders = [m["sender"] for m in fake_engine.received]
    assert senders[0] == senders[1] != senders[2]


async def test_a_shared_location_reaches_the_engine_rounded_with_the_share_message(
        client, fake_engine):
    resp = await client.post("/api/chat", json={
        "sender": "resident-9", "location": {"latitude": 51.7331234, "longitude": -1.2204987}})
    assert resp.status == 200
    sent = fake_engine.received[-1]
    assert sent["message"] == "/share_location"
    assert sent["metadata"]["location"] == {"latitude": 51.733, "longitude": -1.22}


@pytest.mark.parametrize("location", [
    "Cowley", {"latitude": 51.7}, {"latitude": "north", "longitude": 1},
    {"latitude": 91, "longitude": 0}, {"latitude": None, "longitude": None}])
async def test_a_bad_location_is_refused_clearly(client, location):
    resp = await client.post("/api/chat", json={"sender": "r", "location": location})
    assert resp.status == 400
    assert "location" in (await resp.json())["error"]


async def test_buttons_come_back_as_title_and_payload(client):
    replies = await chat(client, "buttons please")
    assert replies[0]["buttons"] == [{"title": "Report it here", "payload": "/report_incident"}]


async def test_urgent_message_gets_emergency_guidance_first(client, fake_engine):
    replies = await chat(client, "someone is outside my door with a knife")
    assert replies[0]["text"] == signposting.default().text("emergency")
    assert "999" in replies[0]["text"] and "55" in replies[0]["text"]
    assert fake_engine.received[-1]["metadata"]["emergency_shown"] is True


@pytest.mark.parametrize("danger", ["he is kicking the door in, help",
                                    "the bins are on fire right up against my house",
                                    "she's gone floppy in the smoking area"])
async def test_engine_down_urgent_still_gets_999_and_others_a_clear_answer(
        client, fake_engine, danger):
    fake_engine.down = True
    urgent = await chat(client, danger)
    assert "999" in urgent[0]["text"] and "55" in urgent[0]["text"]
    calm = await chat(client, "can you help me with something")
    unavailable = signposting.default().text("unavailable")
    assert calm == [{"text": unavailable, "phones": ["101", "999"]}]  # tappable on the page
    assert "101" in calm[0]["text"] and urgent[0]["alert"] is True


async def test_an_engine_that_says_nothing_is_answered_for_as_if_it_were_down(
        client, fake_engine):
    fake_engine.silent = True
    replies = await chat(client, "someone shouted racist abuse at me")
    assert replies[0]["text"].startswith(signposting.default().text("hate_crime"))
    assert replies[-1]["text"] == signposting.default().text("unavailable")


@pytest.mark.parametrize(("message", "topic", "first_service"), [
    ("someone dumped a sofa in our street again", "asb", "Oxford City Council"),
    ("a lad shouted homophobic abuse at me and my boyfriend", "hate_crime", "Stop Hate UK"),
    ("my ex keeps turning up and checking my phone", "domestic_abuse",
     "National Domestic Abuse Helpline"),
    ("i think my drink was spiked", "spiking", None)])
async def test_engine_down_a_topic_told_by_its_words_gets_its_help_then_the_problem(
        client, fake_engine, message, topic, first_service):
    fake_engine.down = True
    replies = await chat(client, message)
    guidance = signposting.default().text(topic, incidents=3, months=6)
    assert replies[0]["text"].startswith(guidance)
    if first_service:
        assert f"\n• {first_service}" in replies[0]["text"]
    assert replies[-1]["text"] == signposting.default().text("unavailable")
    assert len(replies) == 2


@pytest.mark.parametrize(("body", "error"), [
    (b"{not json", "valid JSON"),
    (b"[1, 2]", "JSON object"),
    (b'{"message": "hi"}', "'sender' is required"),
    (b'{"sender": "s"}', "'message' is required"),
    (b'{"sender": "s", "message": 5}', "'message' must be a string"),
    (b'{"sender": 7, "message": "hi"}', "'sender' must be a string"),
    (b'{"sender": "s", "message": "   "}', "'message' must not be empty"),
    (b'{"sender": "s", "message": "' + b"x" * 2001 + b'"}', "longer than 2000"),
    (b'{"sender": "s", "message": "' + b"x" * 70000 + b'"}', "too large"),
    (b"\xff\xfe", "valid JSON"),
])
async def test_bad_chat_requests_get_400_saying_what_is_wrong(client, body, error):
    resp = await client.post("/api/chat", data=body,
                             headers={"Content-Type": "application/json"})
    assert resp.status == 400
    assert error in (await resp.json())["error"]


async def test_classify_gives_topic_urgency_intent_and_confidence(client):
    resp = await client.post("/api/classify", json={"text": "racist graffiti on the wall"})
    assert resp.status == 200
    assert await resp.json() == {"topic": "hate_crime", "urgent": False,
                                 "intent": "hate_crime", "confidence": 0.9,
                                 "details": {"hate_strand": ["race"]}, "language": "en"}


async def test_classify_urgent_comes_from_model_or_safety_net(client):
    by_model = await (await client.post("/api/classify", json={"text": "a knife"})).json()
    assert by_model["urgent"] is True and by_model["topic"] == "hate_crime"
    by_net = await (await client.post("/api/classify",
                                      json={"text": "he is strangling me"})).json()
    assert by_net["intent"] == "greet" and by_net["urgent"] is True


async def test_classify_refuses_bad_input_and_reports_an_engine_outage(client, fake_engine):
    resp = await client.post("/api/classify", json={"text": ""})
    assert resp.status == 400
    fake_engine.down = True
    resp = await client.post("/api/classify", json={"text": "hello"})
    assert resp.status == 503 and "not available" in (await resp.json())["error"]


async def test_healthz_names_each_component_and_is_503_until_all_ready(client, fake_engine):
    resp = await client.get("/healthz")
    assert resp.status == 200
    assert await resp.json() == {"status": "ok", "components": {
        "engine": "ready", "actions": "ready", "database": "ready", "telegram": "disabled"}}
    fake_engine.down = True
    resp = await client.get("/healthz")
    assert resp.status == 503
    assert (await resp.json())["components"]["engine"] == "unavailable"


async def test_chat_page_is_served_with_no_third_party_assets(client):
    resp = await client.get("/chat")
    assert resp.status == 200
    page = await resp.text()
    assert 'src="/static/chat.js"' in page
    assert not re.search(r'(src|href)="https?://(?!www\.bbc\.co\.uk/weather)', page)
    assert (await client.get("/static/chat.js")).status == 200
    assert signposting.default().text("chat_notice") in page  # its 999 comes from the data
    assert signposting.default().text("web_welcome") in page  # says what the bot can do


async def test_a_quick_exit_forgets_the_conversation_and_says_so_to_the_page(client, fake_engine,
                                                                             monkeypatch):
    forgotten = []

    async def forget(sender):
        forgotten.append(sender)
        return True

    monkeypatch.setattr(client.server.app[CONVERSATIONS].trackers, "forget", forget)
    replies = await chat(client, "/quick_exit", sender="resident-7")
    assert replies == [{"text": "cleared", "quick_exit": True}]
    assert forgotten == [fake_engine.received[-1]["sender"]]


async def test_a_quick_exit_that_could_not_forget_says_so(client, fake_engine, monkeypatch):
    async def fail(_sender):
        return False

    monkeypatch.setattr(client.server.app[CONVERSATIONS].trackers, "forget", fail)
    replies = await chat(client, "/quick_exit")
    assert replies[0]["quick_exit"] is True and replies[-1] == {"text": NOT_FORGOTTEN}


async def test_a_sender_over_the_limit_gets_429_but_danger_and_others_get_through(
        client, fake_engine):
    answered = [await client.post("/api/chat", json={"sender": "fast", "message": f"hi {n}"})
                for n in range(MAX_WEB_MESSAGES + 3)]
    statuses = [resp.status for resp in answered]
    assert statuses == [200] * MAX_WEB_MESSAGES + [429] * 3
    refused = answered[-1]
    assert refused.headers["Retry-After"] == "10"
    assert (await refused.json())["error"] == signposting.default().text("too_fast")
    danger = await chat(client, "he has a knife and is kicking the door in", sender="fast")
    assert danger[0]["text"] == signposting.default().text("emergency")
    assert (await chat(client, "hello", sender="someone else"))[0]["text"] == "echo: hello"


# Languages: the app decides the conversation's language and says its own words in it.
async def chat_in(client, message, **fields):
    resp = await client.post("/api/chat", json={"sender": "resident-lang", "message": message,
                                                **fields})
    assert resp.status == 200
    return await resp.json(), resp.headers["Content-Language"], resp.headers["X-Language-Chosen"]


@pytest.mark.parametrize(("message", "language"), [
    ("pomocy, on ma nóż", "pl"), ("زوجي يضربني الآن وهو يحمل سكينا", "ar"),
    ("救命，他有刀", "zh"), ("mera shohar mujhe maar raha hai, bachao", "ur")])
async def test_danger_in_another_language_gets_the_emergency_lines_in_it_first(
        client, fake_engine, message, language):
    replies, said_in, _ = await chat_in(client, message)
    assert replies[0]["text"] == signposting.emergency(language)
    assert "999" in replies[0]["text"] and said_in == language
    assert fake_engine.received[-1]["metadata"]["language"] == language


async def test_the_engine_down_in_arabic_gets_the_apps_own_answer_in_arabic(client, fake_engine):
    fake_engine.down = True
    replies, said_in, _ = await chat_in(client, "جاري يضايقني كل يوم ويصرخ علي في الدرج")
    assert said_in == "ar"
    assert replies[-1]["text"] == signposting.default().text("unavailable", "ar")


async def test_asking_for_a_language_is_answered_in_it_without_the_engine(client, fake_engine):
    replies, said_in, chosen = await chat_in(client, "do you speak polish?")
    assert (said_in, chosen) == ("pl", "true") and fake_engine.received == []
    assert replies == [{"text": translations.default().render("utter_language_chosen",
                                                              "pl")["text"]}]
    # the page sends the choice back: a message in another language keeps it
    _, said_in, chosen = await chat_in(client, "my neighbours play music all night long",
                                       language="pl", language_chosen=True)
    assert (said_in, chosen) == ("pl", "true")
    assert fake_engine.received[-1]["metadata"]["language"] == "pl"
    # the page's choice of language works the same
    _, said_in, chosen = await chat_in(client, "/language de", language="pl",
                                       language_chosen=True)
    assert (said_in, chosen) == ("de", "true")


@pytest.mark.parametrize("typed", ["/language", "/language xx"])
async def test_language_with_no_language_it_knows_offers_every_language(
        client, fake_engine, typed):
    replies, said_in, _ = await chat_in(client, typed, language="pl")
    assert fake_engine.received == [] and said_in == "pl"
    assert replies[0]["text"] == signposting.words("notice.choose_language", "pl")
    assert {"title": "العربية", "payload": "/language ar"} in replies[0]["buttons"]
    assert len(replies[0]["buttons"]) == 12


async def test_the_emergency_lines_come_first_even_if_choosing_the_language_fails(
        client, fake_engine, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the language identifier's model is missing")

    monkeypatch.setattr(conversation, "next_language", broken)
    replies, said_in, _ = await chat_in(client, "pomocy, on ma nóż", language="pl")
    assert replies[0]["text"] == signposting.emergency("pl") and said_in == "pl"
    assert fake_engine.received[-1]["metadata"]["emergency_shown"] is True


async def test_a_language_the_bot_does_not_speak_is_a_400(client):
    resp = await client.post("/api/chat", json={"sender": "s", "message": "hi",
                                                "language": "xx"})
    assert resp.status == 400 and "'language' must be one of" in (await resp.json())["error"]


async def test_classify_names_the_language(client):
    resp = await client.post("/api/classify", json={"text": "mój sąsiad pisze rasistowskie "
                                                            "hasła na naszym płocie"})
    assert (await resp.json())["language"] == "pl"
