"""The staff console's routing, for admins: the organisations a report can be referred to, the
rules that choose them in plain words, and the response times residents are told with the
deadline each means for staff. Admins change which organisations a rule refers to (and in
which order) and a topic's response times; each change is written to data/routing.yml itself
(see `bot.routing.change_referrals`), only if the file still passes its checks, and audited.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass

import aiohttp_jinja2
from aiohttp import web

from bot import details, directory, routing
from bot.routing import SPEEDS, Organisation, Routing, RoutingError, Rule
from bot.storage import reports
from bot.topics import TOPIC_NAMES, TOPICS
from bot.web.keys import SESSIONS
from bot.web.staff import allow, check_csrf, csrf_token

routes = web.RouteTableDef()
DONE = {"rule": "Rule saved: the bot offers its organisations in the new order from its next message.",
        "times": "Response times saved: residents are told them from the bot's next message."}
CHOICE = re.compile(r"choice-(\d{1,2})")
STALE = "The page was out of date: routing changed since it was opened. It now shows the file as it is."


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class RuleShown:
    """One rule as the page shows it: its conditions in words, its organisations in order,
    and a select per position (one more than it has, to add one)."""

    number: int
    when: str
    catch_all: bool
    refer_to: list[Organisation]
    positions: list[str]  # the organisation id chosen at each position ("" for none)
    version: str


@dataclass(frozen=True)
class TimeShown:
    speed: str
    words: str  # as told to residents
    typed: str  # what the form shows: the words, or what was typed when they were refused
    deadline: str  # what it means for staff
    due: dt.datetime | None  # for a report received now


@routes.get("/staff/routing")
@allow("admin")
async def routing_page(request: web.Request, user: dict) -> web.Response:
    return await _page(request, user, DONE.get(request.query.get("done", "")))


@routes.post("/staff/routing/rule")
@allow("admin")
async def rule_changed(request: web.Request, user: dict) -> web.Response:
    """Which organisations a rule refers to, in order: the choices by position, blanks skipped."""
    form = await check_csrf(request)
    number = _number(form.get("rule"))
    loaded = routing.default()
    if number is None or number > len(loaded.rules):
        raise web.HTTPBadRequest(text="There is no such rule: reload the page.")
    if form.get("version") != version(loaded.rules[number - 1]):
        return await _page(request, user, error=STALE, status=409)
    chosen = [str(form[key]) for key in sorted((key for key in form if CHOICE.fullmatch(key)),
                                               key=lambda key: int(key.split("-")[1])) if form[key]]
    if not chosen:
        return await _page(request, user, status=400, error=(
            "Choose at least one organisation: every rule needs one, so that every report has "
            "somewhere to go. Nothing was changed."))
    try:
        routing.change_referrals(number, chosen)
    except RoutingError as exc:
        return await _page(request, user, error=f"Nothing was changed. {exc}", status=400)
    await reports.audit(request.app[SESSIONS], user["username"], "routing_changed", None,
                        {"change": "rule", "rule": number, "refer_to": chosen})
    raise web.HTTPFound(f"/staff/routing?done=rule#rule-{number}")


@routes.post("/staff/routing/response-times")
@allow("admin")
async def response_times_changed(request: web.Request, user: dict) -> web.Response:
    """A topic's urgent and normal response times, each of which must give staff a deadline."""
    form = await check_csrf(request)
    topic = str(form.get("topic", ""))
    if topic not in TOPICS:
        raise web.HTTPBadRequest(text="There is no such topic: reload the page.")
    times = {speed: str(form.get(speed, "")).strip() for speed in SPEEDS}
    before = routing.default().response_times[topic]
    try:
        routing.change_response_times(topic, times)
    except RoutingError as exc:
        return await _page(request, user, error=f"Nothing was changed. {exc}", status=400,
                           typed={topic: times})
    await reports.audit(request.app[SESSIONS], user["username"], "routing_changed", None, {
        "change": "response_times", "topic": topic,
        "speeds": [speed for speed in SPEEDS if times[speed] != before[speed]]})
    raise web.HTTPFound(f"/staff/routing?done=times#times-{topic}")


async def _page(request: web.Request, user: dict, done: str | None = None, error: str | None = None,
                status: int = 200, typed: dict[str, dict[str, str]] | None = None) -> web.Response:
    loaded = routing.default()
    support = [org for org in loaded.organisations.values() if org.kind == "support"]
    today = now().date()
    return aiohttp_jinja2.render_template("staff/routing.html", request, {
        "user": user, "csrf": await csrf_token(request), "done": done, "error": error,
        "organisations": list(loaded.organisations.values()), "support": support,
        "services": directory.default().services,
        "stale": {org.id for org in loaded.organisations.values()
                  if today - org.last_verified > directory.STALE_AFTER},
        "rules": [rule_shown(number, rule, loaded, len(support))
                  for number, rule in enumerate(loaded.rules, 1)],
        "times": times_shown(loaded, typed or {}), "topic_names": TOPIC_NAMES}, status=status)


def rule_shown(number: int, rule: Rule, loaded: Routing, most: int) -> RuleShown:
    positions = list(rule.refer_to) + [""] * max(0, min(most, len(rule.refer_to) + 1) - len(rule.refer_to))
    return RuleShown(number, when_words(rule), rule.catch_all,
                     [loaded.organisations[oid] for oid in rule.refer_to], positions, version(rule))


def when_words(rule: Rule) -> str:
    """The rule's conditions as staff read them: "Hate crime, strand Religion or faith"."""
    entities = details.default().entities
    words = [TOPIC_NAMES.get(rule.topic, rule.topic) if rule.topic else "Any topic"]
    for name, chosen, what in (("hate_strand", rule.strands, "strand"), ("place", rule.areas, "area")):
        if chosen is not None:
            labels = [label for value, label in entities[name].values.items() if value in chosen]
            words.append(f"{what} {' or '.join(labels)}")
    if rule.urgent is not None:
        words.append("urgent" if rule.urgent else "not urgent")
    return ", ".join(words)


def version(rule: Rule) -> str:
    """A short fingerprint of the rule, so a form for a rule that has changed since the page
    was opened (another admin, an edit of the file) changes nothing."""
    parts = (rule.topic, sorted(rule.strands or ()), sorted(rule.areas or ()), rule.urgent, rule.refer_to)
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


def times_shown(loaded: Routing, typed: dict[str, dict[str, str]]) -> list[tuple[str, list[TimeShown]]]:
    """Per topic, each speed's words (as typed, after a refusal) and what they mean for staff."""
    received = now()
    shown = []
    for topic in TOPICS:
        rows = []
        for speed in SPEEDS:
            words = loaded.response_times[topic][speed]
            rows.append(TimeShown(speed, words, typed.get(topic, {}).get(speed, words), deadline_words(words),
                                  loaded.due(topic, speed == "urgent", received)))
        shown.append((topic, rows))
    return shown


def deadline_words(words: str) -> str:
    found = routing.deadline(words)
    if found is None:
        return "no deadline: the queue cannot show these reports as due"
    count, unit = found
    figure = f"{count} {unit if count != 1 else unit[:-1]}"
    if unit == "hours":
        return f"{figure} after the report arrives"
    return f"{figure} after the report arrives (weekends and England's bank holidays skipped)"


def _number(value) -> int | None:
    text = str(value or "")
    return int(text) if text.isdigit() and 0 < int(text) < 1000 else None
