"""Faults under load, on the real system: engine, action server, app and database.

Several simulated residents chat and make full reports through /api/chat, and others send
urgent messages, while one part of the system fails and comes back: the engine killed
(SIGKILL to its process group) and started again, the action server killed and started
again, PostgreSQL stopped for a while and started again. Throughout, as the channels
issue says:

- every message gets 200 with an answer, never a 500 or silence: while a part is missing
  the app answers itself (the topic's guidance, then the "unavailable" text);
- a message the safety net finds urgent gets the 999 guidance first;
- no request waits longer than ENGINE_TIMEOUT (plus the app's own few seconds), including
  the ones in flight when the engine is killed;
- a report the bot confirmed (a reference code was given) is in the database, once; a
  submit that failed says so plainly and gives no code.

Afterwards the system is ready again by itself, conversations carry on where they were (a
report begun before the fault is finished after it) and every resident makes a new report.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import aiohttp_jinja2
import jinja2
import pytest
from aiohttp import web
from asyncpg.exceptions import CannotConnectNowError
from sqlalchemy.exc import DBAPIError

from bot import safety, signposting
from bot.crypto import DataCipher, master_key
from bot.localinfra import LocalPostgres
from bot.runner import Services
from bot.settings import PROJECT_ROOT
from bot.web import api
from tests.dialogue import (
    REFERENCE,
    choose,
    payloads,
    question_in,
    texts,
)
from tests.system import STARTUP_SECONDS, running_system
from tests.test_end_to_end import (
    QUICK_EXIT_WORDS,
    answer_questions,
    query,
    staff_console,
)

RESIDENTS = 6  # each makes full reports, one after another
CALLERS = 2  # each sends urgent messages and questions, over and over
# Accounts (the first message, and the report's "what happened"): ASB, hate crime,
# domestic abuse and spiking, so the forms of every topic are under way during a fault.
ACCOUNTS = (
    "kids on bikes smashing the bus shelter again in blackbird leys",
    "a man shouted racist abuse at my neighbour outside the mosque on cowley road",
    "my partner controls all my money and checks my phone every night",
    "my drink was spiked at a club on george street last month",
    "someone keeps dumping mattresses in our alley",
    "the neighbours play loud music every night until 3am",
)
ANSWERS = {  # what a resident sends to a question, in turn; other questions: the first button
    "report_strands": [choose("race"), choose("done")],
    "report_where": ["near the shops on Cowley Road"],
    "report_when": ["last Friday night"],
    "report_contact": [choose("anonymous")],
    "report_sharing": [choose("record")],
}
DANGER_MID_REPORT = "he's back and he's kicking the door"
CALLS = ("someone is outside my door with a knife", "what number do i call about noisy neighbours",
         "he has a knife and is kicking my door in", "where can i get help after a hate crime")
FAILED = "I couldn't save your report just now"
UNAVAILABLE_PAGE = re.compile(r"database.*unavailable", re.IGNORECASE | re.DOTALL)
SAME_QUESTION_LIMIT = 6  # a question asked this often: the resident cancels and starts again
APP_SLACK_SECONDS = 5  # the app's own time on top of ENGINE_TIMEOUT
LOAD_SECONDS = 240  # the whole load with its fault, at most
OUTAGE_SECONDS = 6  # how long a part stays away before it is started again
STAGGER_SECONDS = 1.5  # between one resident's start and the next
THINK_SECONDS = 0.4  # before each message
AT_ENGINE_SECONDS = 0.03  # a request in flight this long is with the engine


@dataclass
class Sent:
    """One /api/chat request and its outcome."""

    sender: str
    message: str
    started: float
    finished: float | None = None
    degraded: bool | None = None
    answer: str = ""


@dataclass
class Confirmed:
    """A report the bot gave a reference code for."""

    sender: str
    reference: str
    account: str
    began: float  # when the draft was begun (/report_incident)
    confirmed: float
    summary: str  # the summary the resident sent


@dataclass
class Load:
    """Residents and callers chatting through /api/chat, every answer checked as it comes."""

    services: Services
    tag: str
    http: aiohttp.ClientSession
    sent: list[Sent] = field(default_factory=list)
    in_flight: set[int] = field(default_factory=set)  # indexes into `sent`
    confirmed: list[Confirmed] = field(default_factory=list)
    drafting: set[str] = field(default_factory=set)  # residents with a form question open
    failed_submits: int = 0
    fault_at: float | None = None  # the part is taken away
    away: tuple[float, float] | None = None  # surely away, from and until (if not partly)
    recovered_at: float | None = None  # the system is ready again

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.services.settings.app_port}"

    @property
    def residents(self) -> list[str]:
        return [f"{self.tag}-resident-{n}" for n in range(RESIDENTS)]

    async def say(self, sender: str, message: str) -> list[dict]:
        """Send one message (after reading the last answer for a moment, as people do: the
        app allows 30 messages in 10 seconds); check the answer is one, and 999 first when
        it is urgent."""
        await asyncio.sleep(THINK_SECONDS)
        sent = Sent(sender, message, time.monotonic())
        self.sent.append(sent)
        at = len(self.sent) - 1
        self.in_flight.add(at)
        limit = self.services.settings.engine_timeout + APP_SLACK_SECONDS
        try:
            async with self.http.post(f"{self.base}/api/chat",
                                      json={"sender": sender, "message": message},
                                      timeout=aiohttp.ClientTimeout(total=limit)) as resp:
                body = await resp.text()
                status = resp.status
        except TimeoutError:
            raise AssertionError(f"no answer within {limit:.0f}s to {message!r}") from None
        finally:
            sent.finished = time.monotonic()
            self.in_flight.discard(at)
        sent.answer = body[:160]
        assert status == 200, f"{status} to {message!r}: {body[:300]}\n" + "\n".join(
            f"{s.started:.1f} {s.message[:40]!r} -> {s.answer}" for s in self.sent[-200:]
            if s.sender == sender)
        replies = json.loads(body)
        assert replies and all(r.get("text") for r in replies), f"no answer to {message!r}"
        guidance = signposting.default()
        if safety.is_urgent(message):
            assert replies[0]["text"] == guidance.text("emergency"), f"no 999 first: {message!r}"
        sent.degraded = replies[-1]["text"] == guidance.text("unavailable")
        if sent.degraded:
            assert not REFERENCE.search(texts(replies)), "a code given without the engine"
        return replies

    async def resident(self, sender: str, account: str, delay: float) -> None:
        """Make reports, one after another, until one is confirmed after the fault;
        starting a little after the others, so the fault finds reports at every stage."""
        await asyncio.sleep(delay)
        while not any(c.sender == sender and c.confirmed > (self.recovered_at or float("inf"))
                      for c in self.confirmed):
            await self.make_report(sender, account)

    async def make_report(self, sender: str, account: str) -> None:
        """One report, as a resident makes it: the account, Report, each question, Send.
        An answer without the engine is waited out and the message sent again."""
        # Danger half way through only once the engine knows the report's topic: in a
        # report of no topic yet, a danger message gives it one (and is its account).
        interrupted = self.sent_degraded(await self.say(sender, account))
        last, began, summary = "/report_incident", time.monotonic(), ""
        replies = await self.say(sender, last)
        asked: Counter[str] = Counter()
        while True:
            if self.sent_degraded(replies):
                await asyncio.sleep(1)
                replies = await self.say(sender, last)
                continue
            slot = question_in(replies)
            if slot is None or asked[slot] >= SAME_QUESTION_LIMIT:
                # No draft any more (or it is stuck): begin the report again.
                self.drafting.discard(sender)
                if slot is not None:
                    await self.say(sender, "cancel")
                await asyncio.sleep(0.5)
                last, began, asked = "/report_incident", time.monotonic(), Counter()
                replies = await self.say(sender, last)
                continue
            self.drafting.add(sender)
            asked[slot] += 1
            if slot == "report_review":
                summary, last = texts(replies), choose("send")
            elif asked.total() >= 3 and not interrupted and slot != "incident_text":
                interrupted, last = True, DANGER_MID_REPORT  # danger half way through
            else:
                last = self.answer(slot, asked[slot], replies, account)
            replies = await self.say(sender, last)
            if last != choose("send"):
                continue
            said = texts(replies)
            if FAILED in said:
                self.failed_submits += 1
                assert not REFERENCE.search(said), "a failed submit gave a reference code"
            if code := REFERENCE.search(said):
                self.drafting.discard(sender)
                self.confirmed.append(Confirmed(sender, code.group(1), account, began,
                                                time.monotonic(), summary))
                return

    @staticmethod
    def answer(slot: str, times: int, replies: list[dict], account: str) -> str:
        if slot == "incident_text":
            return account
        given = ANSWERS.get(slot)
        return given[min(times, len(given)) - 1] if given else payloads(replies)[0]

    def sent_degraded(self, replies: list[dict]) -> bool:
        return replies[-1]["text"] == signposting.default().text("unavailable")

    async def caller(self, n: int) -> None:
        """Urgent messages and questions, one every second or so, until the load ends."""
        sender = f"{self.tag}-caller-{n}"
        for i in range(10_000):
            if self.done():
                return
            await self.say(sender, CALLS[(i + n) % len(CALLS)])
            await asyncio.sleep(1)

    def done(self) -> bool:
        return self.recovered_at is not None and all(
            any(c.sender == r and c.confirmed > self.recovered_at for c in self.confirmed)
            for r in self.residents)

    async def until(self, condition, seconds: float, what: str) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            assert time.monotonic() < deadline, f"not {what} after {seconds:.0f}s"
            await asyncio.sleep(0.005)

    async def health(self) -> tuple[int, dict]:
        async with self.http.get(f"{self.base}/healthz") as resp:
            return resp.status, await resp.json()

    async def run(self, fault) -> None:
        """Residents and callers chat while `fault(self)` happens; until every resident has
        made a report after it."""
        async with asyncio.timeout(LOAD_SECONDS), asyncio.TaskGroup() as tasks:
            for n, (sender, account) in enumerate(zip(self.residents, ACCOUNTS, strict=True)):
                tasks.create_task(self.resident(sender, account, delay=n * STAGGER_SECONDS))
            for n in range(CALLERS):
                tasks.create_task(self.caller(n))
            tasks.create_task(fault(self))

    async def reports_under_way(self) -> None:
        """Wait until reports are being confirmed and others are under way."""
        await self.until(lambda: len(self.confirmed) >= 2 and len(self.drafting) >= 3, 120,
                         "reports confirmed and others under way")

    # What every fault test checks afterwards.

    def check_answers(self) -> None:
        """The fault was felt; while the part was surely away, every answer was the app's
        own (never one from a conversation that forgot what was said); once the system
        was ready again, none was."""
        during = [s for s in self.sent if self.fault_at <= s.started <= self.recovered_at]
        assert any(s.degraded for s in during), "the fault was never felt"
        if self.away:
            away = [s for s in self.sent
                    if self.away[0] <= s.started and s.finished <= self.away[1]]
            odd = [f"{s.message[:40]!r} -> {s.answer[:80]}" for s in away if not s.degraded]
            assert away and not odd, f"{len(odd)} of {len(away)} answered as if " \
                                     f"the engine had the conversation: {odd[:5]}"
        # Once ready again, nobody is told the service is having problems.
        after = [s for s in self.sent if s.started > self.recovered_at]
        late = [s.message for s in after if s.degraded]
        assert not late, f"{len(late)} of {len(after)} answered without the engine " \
                         f"after recovery: {late[:5]}"

    async def check_reports_stored(self) -> None:
        """Every confirmed code is stored once, with the account the resident gave; no
        resident's report is stored more often than they pressed Send."""
        assert self.confirmed
        began_before = [c for c in self.confirmed
                        if c.began < self.fault_at and c.confirmed > self.recovered_at]
        assert began_before, "no report begun before the fault was finished after it"
        database = self.services.settings.database
        codes = [c.reference.replace("-", "") for c in self.confirmed]
        assert len(set(codes)) == len(codes), "one code confirmed twice"
        stored = {r["reference"]: r for r in await query(
            database, "SELECT reference, reporter_key FROM reports")}
        missing = [c.reference for c in self.confirmed if c.reference.replace("-", "")
                   not in stored]
        assert not missing, f"{len(missing)} confirmed reports are not stored: {missing}"
        for c in self.confirmed:
            assert c.account in c.summary, "the summary lost the resident's account"
        cipher = DataCipher(master_key(self.services.settings))
        for sender in self.residents:
            key = cipher.identity(f"reporter:web-{cipher.identity(f'web:{sender}')[:32]}")
            rows = sum(r["reporter_key"] == key for r in stored.values())
            sends = sum(s.sender == sender and s.message == choose("send") for s in self.sent)
            mine = sum(c.sender == sender for c in self.confirmed)
            assert mine <= rows <= sends, f"{sender}: {rows} stored, {mine} confirmed"

    def check_logs(self) -> None:
        """No process logged what residents wrote, not even while failing."""
        said = {*ACCOUNTS, *CALLS, DANGER_MID_REPORT, *ANSWERS["report_where"],
                *ANSWERS["report_when"]}
        for log in self.services.log_dir.glob("*.log"):
            content = log.read_text().lower()
            found = [text for text in said if text.lower() in content]
            assert not found, f"{log.name} has what residents wrote: {found[:3]}"

    def summary(self, name: str) -> str:
        took = sorted(s.finished - s.started for s in self.sent)
        return (f"{name}: {len(self.sent)} messages, {sum(bool(s.degraded) for s in self.sent)} "
                f"answered without the engine, {len(self.confirmed)} reports confirmed, "
                f"{self.failed_submits} submits failed; latency median "
                f"{took[len(took) // 2]:.2f}s, p95 {took[int(len(took) * .95)]:.2f}s, "
                f"max {took[-1]:.2f}s; outage {self.recovered_at - self.fault_at:.1f}s")


@pytest.fixture
async def failing(aiohttp_client):
    """The app's error handling around handlers that fail as the database does when it is
    away, and as a bug does."""
    errors = {"refused": ConnectionRefusedError(111, "Connect call failed"),
              "shutting_down": CannotConnectNowError("the database system is shutting down"),
              "cut": DBAPIError("SELECT 1", {}, OSError("closed"), connection_invalidated=True),
              "bug": ValueError("a bug")}

    async def handler(request: web.Request) -> web.Response:
        raise errors[request.match_info["error"]]

    app = web.Application(middlewares=[api.json_errors])
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(PROJECT_ROOT / "bot" / "templates"))
    app.router.add_get("/staff/{error}", handler)
    app.router.add_get("/api/{error}", handler)
    return await aiohttp_client(app)


@pytest.mark.parametrize("error", ["refused", "shutting_down", "cut"])
async def test_the_database_away_is_a_503_that_says_so(failing, error):
    """Staff get a page saying the database is unavailable, the API a JSON error, both
    503 with Retry-After; not a 500."""
    page = await failing.get(f"/staff/{error}")
    assert page.status == 503 and page.headers["Retry-After"]
    assert UNAVAILABLE_PAGE.search(await page.text()) and "<h1>" in await page.text()
    answer = await failing.get(f"/api/{error}")
    assert answer.status == 503 and "database" in (await answer.json())["error"]


async def test_a_bug_is_still_a_500(failing):
    assert (await failing.get("/staff/bug")).status == 500
    assert (await failing.get("/api/bug")).status == 500


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def kill(services: Services, name: str) -> None:
    """SIGKILL to the process group: no chance to finish anything."""
    process = services.processes[name]
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)


@contextlib.contextmanager
def restored(services: Services, name: str):
    """Whatever happens in the test, the process is running and ready afterwards, so the
    tests that share the system are not hit by this one's failure."""
    try:
        yield
    finally:
        if services.processes[name].poll() is not None:
            services.start((name,))
            services.wait_ready(STARTUP_SECONDS)


@contextlib.asynccontextmanager
async def load_on(services: Services, tag: str):
    async with aiohttp.ClientSession() as http:
        yield Load(services, tag, http)


class TestProcessesKilled:
    """The engine, then the action server, killed under load and started again, on one
    system (SQLite) that each test leaves ready."""

    @pytest.fixture(scope="class")
    @classmethod
    def system(cls, tmp_path_factory):
        """Engine, action server and app, on SQLite."""
        with running_system(tmp_path_factory.mktemp("var")) as services:
            yield services

    async def test_engine_killed_during_load_and_started_again(self, system):
        """The engine killed with requests in flight: they and every message during the
        outage get an answer (999 first when urgent) within ENGINE_TIMEOUT; once it is
        started again the system is ready by itself, reports begun before the kill are
        finished from the stored conversation, and every confirmed report is stored."""
        in_flight_at_kill: list[Sent] = []

        async def fault(load: Load) -> None:
            await load.reports_under_way()
            # Kill while the engine surely has a message: the app takes a few milliseconds.
            at_engine = lambda: [i for i in load.in_flight  # noqa: E731
                                 if time.monotonic() - load.sent[i].started > AT_ENGINE_SECONDS]
            await load.until(at_engine, 30, "a message at the engine")
            in_flight_at_kill.extend(load.sent[i] for i in sorted(load.in_flight))
            load.fault_at = time.monotonic()
            kill(system, "engine")
            status, health = await load.health()
            assert status == 503 and health["components"]["engine"] == "unavailable"
            await asyncio.sleep(OUTAGE_SECONDS)
            load.away = (load.fault_at, time.monotonic())
            system.start(("engine",))
            await asyncio.to_thread(system.wait_ready, STARTUP_SECONDS)
            load.recovered_at = time.monotonic()

        with restored(system, "engine"):
            async with load_on(system, "engine-kill") as load:
                await load.run(fault)
        print(load.summary("engine killed"))
        assert in_flight_at_kill and all(s.finished for s in in_flight_at_kill)
        assert any(s.degraded for s in in_flight_at_kill), "no request in flight was cut off"
        load.check_answers()
        await load.check_reports_stored()
        load.check_logs()


    async def test_action_server_killed_during_load_and_started_again(self, system):
        """The action server killed mid-load: every message still gets an answer (the app's
        own when the engine has none), 999 first when urgent; started again, it is ready by
        itself, reports under way carry on, and every confirmed report is stored."""

        async def fault(load: Load) -> None:
            await load.reports_under_way()
            load.fault_at = time.monotonic()
            kill(system, "actions")
            status, health = await load.health()
            assert status == 503 and health["components"]["actions"] == "unavailable"
            await asyncio.sleep(OUTAGE_SECONDS)
            system.start(("actions",))
            await asyncio.to_thread(system.wait_ready, STARTUP_SECONDS)
            load.recovered_at = time.monotonic()

        with restored(system, "actions"):
            async with load_on(system, "actions-kill") as load:
                await load.run(fault)
        print(load.summary("action server killed"))
        load.check_answers()
        await load.check_reports_stored()
        load.check_logs()


class TestDatabaseAway:
    """PostgreSQL (reports and conversations) stopped and started again, under load and
    in a quiet moment, on a system of its own."""

    @pytest.fixture(scope="class")
    @classmethod
    def postgres_system(cls, tmp_path_factory):
        """A system whose reports and conversations are both on a PostgreSQL of its own, which
        the test stops and starts again on the same port and data."""
        # Not under pytest's folder: another pytest session starting makes that owner-only,
        # and PostgreSQL (its own user, when run as root) could not be started again.
        server = LocalPostgres(Path(tempfile.mkdtemp(prefix="safer-faults-pg-"))).start()
        try:
            with running_system(tmp_path_factory.mktemp("var"), DATABASE_URL=server.url,
                                TRACKER_STORE_URL=server.tracker_url) as services:
                yield services, server
        finally:
            server.stop()
            shutil.rmtree(server.root, ignore_errors=True)


    async def test_database_away_for_a_while_during_load(self, postgres_system):
        """PostgreSQL stopped mid-load: replies keep coming (999 first when urgent), /healthz
        says the database is unavailable, the staff console and the notices answer 503 with a
        clear message instead of crashing; started again, the app, the action server and the
        engine recover by themselves (same processes), new reports are stored and confirmed,
        and no confirmed report is missing."""
        services, server = postgres_system
        base = f"http://127.0.0.1:{services.settings.app_port}"
        pids = {name: process.pid for name, process in services.processes.items()}

        async def fault(load: Load) -> None:
            async with staff_console(services) as (staff, _, _):
                await load.reports_under_way()
                load.fault_at = time.monotonic()
                await asyncio.to_thread(server.stop)
                stopped = time.monotonic()
                status, health = await load.health()
                assert status == 503 and health["components"]["database"] == "unavailable"
                async with staff.get(f"{base}/staff/reports") as resp:
                    page = await resp.text()
                assert resp.status == 503 and UNAVAILABLE_PAGE.search(page), (resp.status, page)
                async with load.http.post(f"{base}/api/chat/notices",
                                          json={"sender": "a-page"}) as resp:
                    assert resp.status == 503 and "error" in await resp.json()
                await asyncio.sleep(OUTAGE_SECONDS)
                load.away = (stopped, time.monotonic())
                await asyncio.to_thread(server.start)
                await asyncio.to_thread(services.wait_ready, 60)
                load.recovered_at = time.monotonic()
                async with staff.get(f"{base}/staff/reports") as resp:
                    assert resp.status == 200

        try:
            async with load_on(services, "database-away") as load:
                await load.run(fault)
        finally:
            if server.port and not await asyncio.to_thread(_listening, server.port):
                await asyncio.to_thread(server.start)
        print(load.summary("database away"))
        assert {name: process.pid for name, process in services.processes.items()} == pids
        assert all(process.poll() is None for process in services.processes.values())
        load.check_answers()
        await load.check_reports_stored()
        load.check_logs()


    async def test_database_restarted_while_nobody_chats(self, postgres_system):
        """A database restart in a quiet moment cuts every pooled connection with no message
        in between to notice: the first message after it is still answered as usual (the
        report under way goes on, and is stored) and the staff console works, because the
        engine, the action server and the app test a pooled connection before use."""
        services, server = postgres_system
        base = f"http://127.0.0.1:{services.settings.app_port}"
        async with load_on(services, "quiet-restart") as load, staff_console(services) as (
                staff, _, _):
            resident = "quiet-restart-resident"
            send = lambda message: load.say(resident, message)  # noqa: E731
            await send(ACCOUNTS[0])
            assert question_in(await send("/report_incident")) == "report_role"
            await asyncio.to_thread(server.stop)
            await asyncio.to_thread(server.start)
            async with staff.get(f"{base}/staff/reports") as resp:
                assert resp.status == 200
            replies = await send(choose("victim"))
            assert not load.sent_degraded(replies), "the first message after the restart failed"
            assert question_in(replies) == "report_where"  # the account was the first message
            summary = await answer_questions(send, replies, ANSWERS)
            assert ACCOUNTS[0] in texts(summary)
            reference = REFERENCE.search(texts(await send(choose("send")))).group(1)
        assert await query(services.settings.database, "SELECT id FROM reports WHERE reference = :r",
                           r=reference.replace("-", ""))


    async def test_quick_exit_after_a_quiet_database_restart_removes_the_conversation(
            self, postgres_system):
        """The app deletes a conversation from the engine's store on a quick exit: the first
        one after a quiet database restart must work too, not leave the conversation there."""
        services, server = postgres_system
        async with load_on(services, "quiet-exit") as load:
            for sender in ("quiet-exit-before", "quiet-exit-after"):
                await load.say(sender, QUICK_EXIT_WORDS)
            left = await load.say("quiet-exit-before", "/exit")  # the app pools a connection
            assert left[-1].get("quick_exit") and len(left) == 1, left
            await asyncio.to_thread(server.stop)
            await asyncio.to_thread(server.start)
            left = await load.say("quiet-exit-after", "/exit")
        assert left[-1].get("quick_exit") and len(left) == 1, texts(left)
