"""Properties of every place where residents' or staff's text comes in: whatever is sent
(empty, huge, control characters, emoji, right-to-left, mixed scripts, unpaired surrogates,
invalid UTF-8, truncated or deeply nested JSON, wrong types) gets a clear reply or a 4xx,
never a 500 and never a hang; and a sender over the rate limit gets 429 while others are
answered normally and quickly.

Hypothesis drives the in-process app against the stand-in engine and the fake Telegram
(fast). Runs are reproducible (derandomized, no example database, no deadline: each
request is instead given REQUEST_SECONDS to answer). An input that once broke the app is
kept as an explicit @example.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import secrets
import time
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot import safety
from bot.signposting import words
from bot.storage import staff
from bot.telegram.app import SECRET_HEADER
from bot.topics import TOPIC_NAMES
from bot.web.app import MAX_BODY_BYTES, MAX_WEB_MESSAGES, create_app
from bot.web.keys import SESSIONS
from bot.web.statistics import TABLES
from tests.conftest import make_settings
from tests.fake_engine import FakeEngine, app_client
from tests.fake_telegram import BOT_TOKEN, FakeTelegram
from tests.test_staff import PASSWORD, csrf_of, login

TRY_AGAIN = words("telegram.try_again")

REQUEST_SECONDS = 5  # "no hang": every request is answered within this
TELEGRAM_REPLY_SECONDS = 10

# One app serves all the examples of a test (that is what keeps the file fast), so the
# function-scoped fixtures are shared on purpose.
PROPERTIES = settings(derandomize=True, database=None, deadline=None, print_blob=False,
                      suppress_health_check=[HealthCheck.function_scoped_fixture,
                                             HealthCheck.too_slow, HealthCheck.data_too_large])


# ---- what people send ----------------------------------------------------------------------

AWKWARD = [
    "", " ", "\n\t\r", "\x00", "a\x00b", "\x1b[31mred\x1b[0m", "\u200b", "\ufeffhello",
    "مرحبا، الجيران يزعجونني كل ليلة", "שלום, יש רעש", "\u202egnirts desrever\u202c",
    "😀👩‍👩‍👧‍👦🏳️‍🌈🇬🇧", "Z̸̢͈a̷l̵g̶o̴ text", "привет 你好 नमस्ते Cześć ❤", "\ud800", "lone \udfff end",
    "/start", "/exit@SaferOxfordBot now", "/", "//", "' OR 1=1 --", "<script>alert(1)</script>",
    "%s %n {0} ${x}", "null", "e" * 2000, "é" * 2001, "🙂" * 1999,
]
CHARACTERS = st.one_of(st.characters(), st.characters(categories=["Cs", "Cc", "Cf", "Zl", "Zp"]))
TEXTS = st.one_of(st.text(CHARACTERS, max_size=60), st.sampled_from(AWKWARD),
                  st.builds(lambda c, n: c * n, st.sampled_from("xé🙂\u05d0 \x00"),
                            st.integers(1990, 2010)))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.just(10 ** 400) | TEXTS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXTS, inner, max_size=3),
    max_leaves=6)
FIELDS = TEXTS | JSON_VALUES
NUMBERS = st.one_of(st.floats(), st.integers(), st.just(10 ** 400), TEXTS, st.none())
LOCATIONS = st.one_of(JSON_VALUES, st.fixed_dictionaries({"latitude": NUMBERS, "longitude": NUMBERS}))


def with_extras(fields: dict) -> st.SearchStrategy[dict]:
    """Objects with any of these fields, plus any others."""
    return st.builds(lambda known, extra: {**extra, **known},
                     st.fixed_dictionaries({}, optional=fields),
                     st.dictionaries(TEXTS, JSON_VALUES, max_size=2))


# Half the objects have any fields of any type, half the fields a client means to send,
# as text of any kind, so that a field's content is reached past the checks of its type.
CHAT_BODIES = with_extras({"sender": FIELDS, "message": FIELDS, "location": LOCATIONS}) | (
    st.fixed_dictionaries({"sender": TEXTS}, optional={"message": TEXTS, "location": LOCATIONS}))
CLASSIFY_BODIES = with_extras({"text": FIELDS}) | st.fixed_dictionaries({"text": TEXTS})
NOTICE_BODIES = with_extras({"sender": FIELDS}) | st.fixed_dictionaries({"sender": TEXTS})


def _invalid_utf8(valid: bytes, at: int, junk: bytes) -> bytes:
    at %= len(valid) + 1
    return valid[:at] + junk + valid[at:]


def raw_bodies(objects: st.SearchStrategy[dict], deep: bool = True) -> st.SearchStrategy[bytes]:
    """Bytes as a broken client or an attacker sends them (`deep`: with JSON nested past the
    parser's depth)."""
    encoded = objects.map(lambda body: json.dumps(body).encode())
    nested = st.builds(lambda n: b"[" * n, st.integers(1, 60_000) if deep else st.integers(1, 200))
    return st.one_of(
        st.binary(max_size=200),
        st.builds(lambda b, n: b[:n], encoded, st.integers(0, 200)),  # truncated JSON
        st.builds(_invalid_utf8, encoded, st.integers(0, 200),
                  st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80"])),
        st.builds(lambda n: b'{"sender": "s", "message": "' + b"x" * n + b'"}',
                  st.integers(MAX_BODY_BYTES - 100, MAX_BODY_BYTES + 100)),  # about 64 KiB
        nested,
        st.sampled_from([b"", b"null", b"{}", b"[]", b'"text"', b"NaN", b"1e999", b"\xef\xbb\xbf{}",
                         b'{"sender": "s", "message": ' + b"9" * 5000 + b"}"]),
    )


CONTENT_TYPES = st.sampled_from(["application/json", "application/json; charset=latin-1",
                                 "text/plain", "application/x-www-form-urlencoded", None])


async def answered(request, seconds: float = REQUEST_SECONDS):
    """The response and its body, or a failure saying the request hung."""
    try:
        async with asyncio.timeout(seconds):
            resp = await request
            return resp, await resp.read()
    except TimeoutError:
        pytest.fail(f"no answer within {seconds} s")


def assert_clear_refusal(status: int, body: bytes, allowed=(400, 413, 429)) -> None:
    """A 4xx the API documents, with a JSON error that says what is wrong."""
    assert status in allowed, (status, body[:300])
    error = json.loads(body)["error"]
    assert isinstance(error, str) and error.strip() and "Traceback" not in error


def fits(body: object) -> bool:
    """The body as the test client sends it is within the app's 64 KiB."""
    return len(json.dumps(body).encode()) <= MAX_BODY_BYTES


def good_text(value: object, limit: int) -> bool:
    """What the API promises to take: a string, not blank, within the limit, real text."""
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        return False
    try:
        value.encode()
    except UnicodeEncodeError:
        return False
    return True


# ---- the HTTP API --------------------------------------------------------------------------

@pytest.fixture
async def api(aiohttp_client, aiohttp_server, tmp_path, sqlite_sessions_url):
    """The app in process against the stand-in engine: (client, engine)."""
    engine = FakeEngine()
    return await app_client(aiohttp_client, aiohttp_server, engine, tmp_path,
                            sqlite_sessions_url), engine


@settings(PROPERTIES, max_examples=150)
@given(body=CHAT_BODIES)
@example(body={"sender": "\ud800", "message": "hello"})  # once a 500: the sender hash's UTF-8
@example(body={"sender": "s", "location": {"latitude": 10 ** 400, "longitude": 0}})  # once a 500
@example(body={"sender": "s", "message": "\udfff lone"})
@example(body={"sender": "مرحبا", "message": "\u202e😀 привет 你好\x00"})
async def test_any_chat_object_gets_replies_or_a_clear_400(api, body):
    """/api/chat: any JSON object is answered with replies (every one with text) or a 400
    (429 when that sender is too fast) with a JSON error; a good sender and message always get
    replies."""
    client, _ = api
    resp, raw = await answered(client.post("/api/chat", json=body))
    if resp.status == 200:
        replies = json.loads(raw)
        assert replies and all(isinstance(r["text"], str) and r["text"] for r in replies)
        return
    assert_clear_refusal(resp.status, raw, allowed=(400, 429))
    if resp.status == 429:
        assert resp.headers["Retry-After"] == "10"
    assert not (good_text(body.get("sender"), 128) and good_text(body.get("message"), 2000)
                and body.get("location") is None and fits(body) and resp.status == 400), raw


@settings(PROPERTIES, max_examples=100)
@given(body=raw_bodies(CHAT_BODIES), content_type=CONTENT_TYPES,
       path=st.sampled_from(["/api/chat", "/api/classify", "/api/chat/notices"]))
@example(body=b"[" * 50_000, content_type="application/json", path="/api/chat")  # once a 500
@example(body=b'{"text": ' + b"9" * 5000 + b"}", content_type=None, path="/api/classify")  # once a 500
@example(body=b'{"sender": "s", "message": "' + b"x" * 70_000 + b'"}', content_type=None, path="/api/chat")
@example(body=b'{"sender": "\xff"}', content_type="application/json", path="/api/chat/notices")
async def test_any_raw_body_gets_an_answer_or_a_clear_400(api, body, content_type, path):
    """Raw bytes (invalid UTF-8, truncated or deeply nested JSON, bodies over 64 KiB) to any
    API endpoint: an answer, or a 4xx with a JSON error; never a 500."""
    client, _ = api
    headers = {"Content-Type": content_type} if content_type else {}
    resp, raw = await answered(client.post(path, data=body, headers=headers))
    if resp.status != 200:
        assert_clear_refusal(resp.status, raw)
    if len(body) > MAX_BODY_BYTES:
        assert resp.status in (400, 413) and "too large" in json.loads(raw)["error"]


@settings(PROPERTIES, max_examples=80)
@given(body=CLASSIFY_BODIES, engine_down=st.booleans())
@example(body={"text": "\ud800"}, engine_down=False)
@example(body={"text": "he has a knife \u202e"}, engine_down=True)
async def test_classify_answers_any_object_or_says_the_model_is_down(api, body, engine_down):
    """/api/classify: any JSON object gets a topic, urgency, intent and confidence, or a 400;
    while the engine is down, the documented 503 with an error."""
    client, engine = api
    engine.down = engine_down
    resp, raw = await answered(client.post("/api/classify", json=body))
    if resp.status == 200:
        assert not engine_down
        found = json.loads(raw)
        assert found["topic"] in TOPIC_NAMES or found["topic"] == "other"
        assert isinstance(found["urgent"], bool) and 0 <= found["confidence"] <= 1
        return
    assert_clear_refusal(resp.status, raw, allowed=(400, 503))
    assert resp.status == 400 or engine_down
    if good_text(body.get("text"), 2000) and fits(body):
        assert resp.status == 503


@settings(PROPERTIES, max_examples=50)
@given(body=NOTICE_BODIES)
@example(body={"sender": "\udc80"})
async def test_notices_answer_any_object_with_a_list_or_a_clear_400(api, body):
    """/api/chat/notices: any JSON object gets {"notices": [...]} or a 400."""
    client, _ = api
    resp, raw = await answered(client.post("/api/chat/notices", json=body))
    if resp.status == 200:
        assert json.loads(raw) == {"notices": []}
    else:
        assert_clear_refusal(resp.status, raw, allowed=(400,))
        assert not (good_text(body.get("sender"), 128) and fits(body))


SENDER_NUMBERS = itertools.count()
CALM = st.text(st.characters(codec="utf-8"), min_size=1, max_size=80).filter(
    lambda t: t.strip() and not safety.is_urgent(t))


@settings(PROPERTIES, max_examples=5)
@given(flooder=TEXTS.filter(lambda s: good_text(s, 100)), other=TEXTS.filter(lambda s: good_text(s, 100)),
       messages=st.lists(CALM, min_size=1, max_size=3))
async def test_a_sender_over_the_limit_gets_429_while_another_is_answered_quickly(
        api, flooder, other, messages):
    """A sender sending twice the limit at once gets replies up to the limit, then 429 with
    Retry-After; another sender asking meanwhile gets a normal answer within a second."""
    client, _ = api
    number = next(SENDER_NUMBERS)  # one app serves every example: fresh senders each time
    flooder, other = f"{number}-a-{flooder}", f"{number}-b-{other}"
    flood = [client.post("/api/chat", json={"sender": flooder, "message": messages[n % len(messages)]})
             for n in range(2 * MAX_WEB_MESSAGES)]

    async def timed_other():
        await asyncio.sleep(0.05)  # while the flood is being answered
        started = time.monotonic()
        resp, raw = await answered(client.post("/api/chat", json={"sender": other, "message": "hello"}))
        return resp, raw, time.monotonic() - started

    *flooded, (resp, raw, took) = await asyncio.gather(*(answered(r) for r in flood), timed_other())
    statuses = sorted(r.status for r, _ in flooded)
    assert statuses == [200] * MAX_WEB_MESSAGES + [429] * MAX_WEB_MESSAGES
    refused = next(r for r, _ in flooded if r.status == 429)
    assert refused.headers["Retry-After"] == "10"
    assert resp.status == 200 and json.loads(raw) == [{"text": "echo: hello"}]
    assert took < 1.0, f"another sender waited {took:.2f} s"


# ---- Telegram ------------------------------------------------------------------------------

SECRET = "property-secret_1"


@pytest.fixture
def telegram():
    """The fake Telegram Bot API server, in its own thread."""
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


@pytest.fixture
def start_telegram_app(telegram, aiohttp_client, aiohttp_server, tmp_path, sqlite_sessions_url):
    """Starts the app with a Telegram bot against the fake server, with these extra settings."""
    async def start(**extra: str):
        return await app_client(aiohttp_client, aiohttp_server, FakeEngine(), tmp_path,
                                sqlite_sessions_url, TELEGRAM_BOT_TOKEN=BOT_TOKEN,
                                TELEGRAM_API_URL=telegram.base_url, **extra)
    return start


@pytest.fixture
async def webhook_client(start_telegram_app):
    return await start_telegram_app(TELEGRAM_WEBHOOK_URL="https://bot.example.org/telegram/webhook",
                                    TELEGRAM_WEBHOOK_SECRET=SECRET)


# Dates past any clock and update ids past 64 bits once gave a 500 (BROKE_THE_WEBHOOK below).
DATES = st.integers() | st.floats() | TEXTS | st.none()
UPDATE_IDS = st.integers() | st.floats() | TEXTS | st.none()
USERS = st.fixed_dictionaries({"id": JSON_VALUES | st.integers(), "is_bot": JSON_VALUES,
                               "first_name": FIELDS})
CHATS = st.fixed_dictionaries({"id": st.integers() | JSON_VALUES, "type": st.sampled_from(
    ["private", "group", "channel", "nonsense"]) | JSON_VALUES})
MESSAGES = with_extras({
    "message_id": st.integers() | JSON_VALUES, "date": DATES,
    "chat": CHATS | JSON_VALUES, "from": USERS | JSON_VALUES, "text": FIELDS,
    "entities": st.lists(st.fixed_dictionaries({"type": TEXTS, "offset": st.integers(),
                                                "length": st.integers()}), max_size=2) | JSON_VALUES,
    "location": LOCATIONS})
UPDATES = st.one_of(
    JSON_VALUES,
    with_extras({"update_id": UPDATE_IDS, "message": MESSAGES | JSON_VALUES,
                 "edited_message": MESSAGES, "callback_query": JSON_VALUES}))


def hello(**changed) -> dict:
    """A text update, with these fields of it changed."""
    return {"update_id": 1, "message": {"message_id": 1, "date": 1, "chat": {"id": 5, "type": "private"},
                                        "text": "hello", **changed.pop("message", {})}, **changed}


@settings(PROPERTIES, max_examples=80)
@given(update=UPDATES)
@example(update=hello(message={"text": "\u202e😀\x00 \ud800"}))
@example(update={"update_id": "one", "message": []})
@example(update={"update_id": 1.5})
async def test_any_webhook_update_with_the_secret_is_taken_or_a_400(webhook_client, update):
    """/telegram/webhook with the right secret: any JSON is taken (200) or refused (400),
    never a 500."""
    resp, raw = await answered(webhook_client.post("/telegram/webhook", json=update,
                                                   headers={SECRET_HEADER: SECRET}))
    assert resp.status in (200, 400), (resp.status, raw[:300])


@settings(PROPERTIES, max_examples=30)
@given(body=raw_bodies(UPDATES, deep=False))
async def test_any_raw_webhook_body_with_the_secret_is_a_400_or_taken(webhook_client, body):
    """/telegram/webhook with the right secret and bytes that are no update (invalid UTF-8,
    truncated JSON, over 64 KiB): a 400 (or 200 for a bare object), never a 500."""
    resp, raw = await answered(webhook_client.post("/telegram/webhook", data=body, headers={
        SECRET_HEADER: SECRET, "Content-Type": "application/json"}))
    assert resp.status in (200, 400), (resp.status, raw[:300])


BROKE_THE_WEBHOOK = {
    # PTB's from_timestamp raised OverflowError, which webhook() did not catch
    "a date past any clock": json.dumps(hello(message={"date": 10 ** 21})).encode(),
    # json.loads raised RecursionError, which webhook() did not catch
    "nested past the parser's depth": b"[" * 50_000,
    # telegram_updates.claim() raised OverflowError (SQLite INTEGER) on an id past 64 bits
    "an update id past 64 bits": json.dumps(hello(update_id=2 ** 70)).encode(),
}


@pytest.mark.parametrize("body", list(BROKE_THE_WEBHOOK.values()), ids=list(BROKE_THE_WEBHOOK))
async def test_webhook_bodies_that_once_gave_a_500(webhook_client, body):
    """Found by test_any_webhook_update_with_the_secret_is_taken_or_a_400: each of these
    must be a 400 (not a Telegram update), not a 500."""
    resp, raw = await answered(webhook_client.post("/telegram/webhook", data=body, headers={
        SECRET_HEADER: SECRET, "Content-Type": "application/json"}))
    assert resp.status == 400, (resp.status, raw[:300])


@pytest.fixture
async def polling_client(start_telegram_app):
    return await start_telegram_app()


CHAT_IDS = itertools.count(700_000)


@settings(PROPERTIES, max_examples=25)
@given(text=st.one_of(st.text(CHARACTERS, max_size=40), st.sampled_from(AWKWARD),
                      st.builds(lambda n: "ж" * n, st.integers(1995, 4200))))
@example(text="\ud800 lone surrogate")
@example(text="")
async def test_any_telegram_text_gets_a_reply_never_silence(polling_client, telegram, text):
    """Through the polling path, any message text (commands, blank, over the length limit,
    control characters, every script) is answered in the chat within seconds."""
    chat_id = next(CHAT_IDS)
    telegram.send_text(chat_id, text)
    sent = await asyncio.to_thread(telegram.wait_for, lambda: telegram.calls_to("sendMessage", chat_id),
                                   TELEGRAM_REPLY_SECONDS)
    assert all(isinstance(m.get("text"), str) and m["text"].strip() for m in sent)
    if good_text(text, 5000):  # (Telegram sends UTF-8: it has no unpaired surrogates to send)
        assert TRY_AGAIN not in [m["text"] for m in sent]  # answered, not failed


# ---- the staff console's filters ------------------------------------------------------------

# Each page's filters (the query names it reads), and values of every kind for them.
STAFF_PAGES = {
    "/staff/reports": ["topic", "status", "urgent", "strand", "area", "referred_to", "received_from",
                       "received_to", "assigned_to", "reference"],
    "/staff/reports.csv": ["topic", "received_from", "assigned_to", "reference", "text"],
    "/staff/audit": ["actor", "action", "reference", "from", "to"],
    **{f"/staff/statistics{page}": ["period", "from", "to"] for page in (
        "", *(f"/{name}.csv" for name in TABLES))},
}
FILTER_VALUES = st.one_of(
    TEXTS, st.binary(max_size=8), st.dates().map(str), st.sampled_from(
        ["asb", "hate_crime", "new", "closed", "yes", "no", "race", "nobody", "month", "year",
         "financial_year", "financial_quarter", "quarter", "2000-01-01", "2999-12-31", "3000-01-01",
         "1999-12-31", "2026-02-30", "0000-00-00", "+2026-01-01", "２０２６-０１-０１",
         "\x00", "casey\x00", "ABCD-\x00"]))  # PostgreSQL refuses NUL in text


def _query_part(value: str | bytes) -> str:
    return quote(value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass"), safe="")


def queries(names: list[str]) -> st.SearchStrategy[str]:
    """Query strings of these names (and any others) with any values, percent-encoded as
    bytes, so invalid UTF-8 too."""
    return st.lists(st.tuples(st.sampled_from(names) | TEXTS, FILTER_VALUES), max_size=5).map(
        lambda pairs: "&".join(f"{_query_part(k)}={_query_part(v)}" for k, v in pairs))


PAGES_AND_QUERIES = st.sampled_from(sorted(STAFF_PAGES)).flatmap(
    lambda page: st.tuples(st.just(page), queries(STAFF_PAGES[page])))


@pytest.fixture
async def admin(aiohttp_client, tmp_path, database_url):
    """The console with an admin signed in, on SQLite and on PostgreSQL."""
    client = await aiohttp_client(create_app(make_settings(tmp_path, DATABASE_URL=database_url)))
    name = f"prop-admin-{secrets.token_hex(4)}"  # PostgreSQL's database is shared by the tests
    await staff.set_password(client.server.app[SESSIONS], name, PASSWORD, "admin", create=True)
    assert (await login(client, username=name)).status == 302
    return client


@settings(PROPERTIES, max_examples=60)
@given(page=PAGES_AND_QUERIES)
@example(page=("/staff/reports", "assigned_to=%00"))  # once a 500 on PostgreSQL
@example(page=("/staff/audit", "actor=a%00b"))  # once a 500 on PostgreSQL
@example(page=("/staff/reports", "reference=%ED%A0%80&topic=%FF"))
@example(page=("/staff/statistics", "period=financial_year&from=2000-01-01&to=2999-12-31"))
async def test_any_staff_filter_query_is_a_page_or_a_clear_400(admin, page):
    """The queue, its CSV export, the audit search and the statistics: any query string
    (unknown names, wrong values, dates out of range, invalid UTF-8, NUL) gives the page or a
    short 400 that says what is wrong; never a 500."""
    path, query = page
    resp, raw = await answered(admin.get(f"{path}?{query}", allow_redirects=False))
    assert resp.status in (200, 400), (resp.status, raw[:300])
    if resp.status == 400:
        assert len(raw) < 300 and b"Traceback" not in raw


@settings(PROPERTIES, max_examples=30)
@given(reference=TEXTS)
@example(reference="ABCD\x00EFGH")  # once a 500 on PostgreSQL
async def test_any_report_reference_in_the_path_is_a_404_or_a_page(admin, reference):
    """A report's page with any reference typed into its address: not found (or the page),
    never a 500."""
    resp, raw = await answered(admin.get(f"/staff/reports/{_query_part(reference) or 'x'}",
                                         allow_redirects=False))
    assert resp.status in (200, 400, 404), (resp.status, raw[:300])


@pytest.fixture
async def console(aiohttp_client, tmp_path, database_url):
    """The console, nobody signed in, on SQLite and on PostgreSQL."""
    return await aiohttp_client(create_app(make_settings(tmp_path, DATABASE_URL=database_url)))


@settings(PROPERTIES, max_examples=10)  # each wrong password costs an Argon2 hash
@given(username=TEXTS, password=TEXTS)
@example(username="a\x00b", password="x")  # once a 500 on PostgreSQL
@example(username="\ud800", password="\udfff")
async def test_any_sign_in_is_refused_clearly(console, username, password):
    """The sign-in form with any name and password (sent as raw form bytes, so invalid
    UTF-8 too): refused (401, or 429 once the name is locked out), never a 500."""
    client = console
    form = "&".join(f"{name}={_query_part(value)}" for name, value in (
        ("csrf", await csrf_of(client)), ("username", username), ("password", password)))
    resp, raw = await answered(client.post("/staff/login", data=form, allow_redirects=False, headers={
        "Content-Type": "application/x-www-form-urlencoded"}))
    assert resp.status in (401, 429), (resp.status, raw[:300])
