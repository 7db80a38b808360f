"""Simulated residents: what they say (the scripts) and how each turn is sent and timed.

A resident talks over the web chat's HTTP API or over the fake Telegram Bot API, pauses
("thinks") between a reply and its next message, and stops at the first error, which is
named by kind (see `measure.classify`). Scripts follow the end-to-end tests' conversations.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import aiohttp

from bench.measure import Failed, classify
from tests.dialogue import (
    REFERENCE,
    WITNESS_ACCOUNT,
    WITNESS_ANSWERS,
    choose,
    payloads,
    question_in,
    texts,
)

REPLY_TIMEOUT = 30.0  # longer than the app's ENGINE_TIMEOUT (15 s): it always answers by then
TELEGRAM_QUIET = 0.5  # a Telegram turn is over when the bot has sent nothing for this long

# What a resident types where a form question has no button (or they'd rather type).
TYPED = {"incident_text": "they were shouting and banging on the windows again",
         "report_where": "outside the shops on Cowley Road",
         "report_when": "last night about 11pm",
         "report_contact_how": "07700 900456, text only please"}


def think_time(spec: str) -> Callable[[], float]:
    """'1-3' is a uniform pause between 1 and 3 s, '0.5' always half a second, '0' none."""
    low, _, high = spec.partition("-")
    low, high = float(low), float(high or low)
    if low < 0 or high < low:
        raise ValueError(f"think time {spec!r}: use SECONDS or LOW-HIGH")
    return lambda: random.uniform(low, high)


@dataclass
class Turn:
    """One message and its answer: when it was sent (monotonic), how long the whole
    answer took, the error kind if it failed, and what was sent (bench text, no resident's)."""

    sent_at: float
    latency: float | None
    error: str | None = None
    message: str = ""


@dataclass
class Resident:
    """One conversation's resident. Subclasses send over a channel; `say` and `press`
    time the turn, pause before it, and raise Failed on an error."""

    think: Callable[[], float]
    channel: str = ""
    turns: list[Turn] = field(default_factory=list)
    thought: float = 0.0

    async def say(self, message: str) -> list[dict]:
        return await self._turn(message, button=False)

    async def press(self, payload: str) -> list[dict]:
        return await self._turn(payload, button=True)

    async def _turn(self, message: str, button: bool) -> list[dict]:
        if self.turns:
            pause = self.think()
            self.thought += pause
            await asyncio.sleep(pause)
            self._settle()
        sent_at = time.monotonic()
        try:
            replies, latency = await asyncio.wait_for(self._exchange(message, button),
                                                      REPLY_TIMEOUT)
        except Failed as exc:
            self.turns.append(Turn(sent_at, None, exc.kind, message))
            raise
        except TimeoutError:
            self.turns.append(Turn(sent_at, None, "timeout", message))
            raise Failed("timeout", f"no whole answer within {REPLY_TIMEOUT:.0f}s") from None
        except (aiohttp.ClientError, OSError) as exc:
            self.turns.append(Turn(sent_at, None, "connection", message))
            raise Failed("connection", type(exc).__name__) from None
        kind = classify(replies)
        self.turns.append(Turn(sent_at, latency, kind, message))
        if kind:
            raise Failed(kind, texts(replies)[:120])
        return replies

    def _settle(self) -> None:
        """Before the next message: account for any late part of the last answer."""

    async def _exchange(self, message: str, button: bool) -> tuple[list[dict], float]:
        raise NotImplementedError


@dataclass
class WebResident(Resident):
    """Talks to POST /api/chat; a reply is the whole HTTP response."""

    http: aiohttp.ClientSession | None = None
    url: str = ""
    sender: str = ""
    channel: str = "web"

    async def _exchange(self, message: str, button: bool) -> tuple[list[dict], float]:
        start = time.monotonic()
        async with self.http.post(f"{self.url}/api/chat",
                                  json={"sender": self.sender, "message": message}) as resp:
            if resp.status != 200:
                raise Failed(f"http_{resp.status}", (await resp.text())[:120])
            replies = await resp.json()
        return replies, time.monotonic() - start


@dataclass
class TelegramResident(Resident):
    """Talks through the fake Bot API: the answer is every sendMessage to the chat until
    the bot has been quiet for TELEGRAM_QUIET; its latency ends at the last one (the quiet
    wait is not counted). Messages arriving after that are counted as late."""

    telegram: object = None
    chat_id: int = 0
    channel: str = "telegram"
    seen: int = 0
    late: int = 0

    async def _exchange(self, message: str, button: bool) -> tuple[list[dict], float]:
        before = self.seen
        start = time.monotonic()
        (self.telegram.press_button if button else self.telegram.send_text)(self.chat_id, message)
        # Polled: the fake's calls arrive on its own thread and loop.
        while True:
            sent = self.telegram.sent_to(self.chat_id, before)
            if sent and time.monotonic() - sent[-1][0] >= TELEGRAM_QUIET:
                break
            await asyncio.sleep(0.02 if not sent else 0.05)
        self.seen = before + len(sent)
        replies = [{"text": p.get("text", ""), "buttons": [
            {"title": b["text"], "payload": b["callback_data"]}
            for row in (p.get("reply_markup") or {}).get("inline_keyboard", []) for b in row]}
            for _, p in sent]
        return replies, sent[-1][0] - start

    def _settle(self) -> None:
        late = self.telegram.sent_to(self.chat_id, self.seen)
        if late and self.turns and self.turns[-1].latency is not None:
            self.late += len(late)
            self.seen += len(late)
            self.turns[-1].latency = late[-1][0] - self.turns[-1].sent_at


# ---- the scripts: each returns the reference code a report was confirmed with, or None ----

async def helplines(r: Resident) -> None:
    await r.say("hi")
    replies = await r.say("can i have some helpline numbers")
    if "/more_services" in payloads(replies):
        await r.press("/more_services")
    await r.say("thanks, that's helpful")


async def asb_noise(r: Resident) -> None:
    await r.say("my neighbours play really loud music every night until 3am and I can't sleep")
    await r.say("who can I contact about it?")
    await r.say("thank you")


async def spiking(r: Resident) -> None:
    replies = await r.say("i think my drink was spiked at a club last night, i feel awful")
    options = [p for p in payloads(replies) if p.startswith("/choose")]
    if options:
        await r.press(options[0])
    await r.say("ok thanks")


async def safe_place(r: Resident) -> None:
    await r.say("where can i go thats safe")
    replies = await r.say("OX4 3AB")
    if "Safe Place" not in texts(replies):
        raise Failed("unexpected", "no Safe Place for OX4 3AB")


async def urgent(r: Resident) -> None:
    replies = await r.say("someone is outside my door with a knife")
    if "999" not in replies[0].get("text", ""):
        raise Failed("unexpected", "no 999 guidance first for an urgent message")
    await r.say("ok i've called them, thank you")


async def small_talk(r: Resident) -> None:
    await r.say("hello")
    await r.say("what can you do?")
    await r.say("ok thanks bye")


async def report(r: Resident, account: str, answers: dict[str, list[str]]) -> str:
    """A whole report through the form: each question answered from `answers`, else with
    typed text where there is no button, else the first button; then sent."""
    await r.say(account)
    replies = await r.press("/report_incident")
    queued = {slot: list(given) for slot, given in answers.items()}
    asked = []
    while (slot := question_in(replies)) not in (None, "report_review"):
        asked.append(slot)
        if asked.count(slot) > max(1, len(answers.get(slot, []))):
            raise Failed("unexpected", f"{slot} asked again")
        if queued.get(slot):
            answer = queued[slot].pop(0)
        elif payloads(replies) and slot not in TYPED:
            answer = payloads(replies)[0]
        else:
            answer = TYPED.get(slot, "I'd rather not say")
        replies = await (r.press(answer) if answer.startswith("/") else r.say(answer))
    if slot != "report_review":
        raise Failed("unexpected", f"no summary after {asked}")
    found = REFERENCE.search(texts(await r.press(choose("send"))))
    if not found:
        raise Failed("unexpected", "no reference code after sending the report")
    return found.group(1)


async def hate_crime_report(r: Resident) -> str:
    return await report(
        r, WITNESS_ACCOUNT, WITNESS_ANSWERS)


async def asb_report(r: Resident) -> str:
    return await report(r, "kids on bikes smashing the bus shelter again in blackbird leys", {
        "report_contact": [choose("contact")], "report_sharing": [choose("record")]})


# (script, channel) in turn: a third are full reports, a third are on Telegram.
MIX = [(hate_crime_report, "web"), (helplines, "telegram"), (asb_noise, "web"),
       (asb_report, "telegram"), (urgent, "web"), (safe_place, "web"),
       (hate_crime_report, "web"), (spiking, "telegram"), (small_talk, "web")]
REPORTS = {hate_crime_report, asb_report}
