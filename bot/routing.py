"""Where a report can be referred, from data/routing.yml: admins change routing in the staff
console (/staff/routing: which organisations a rule refers to, and response times), which
writes that file, or by editing it.

MANTRA-style third-party reporting passes a report to "the most suitable support
organisation". The file lists the organisations and ordered rules; this module checks it and
answers which organisations suit a report. Whether anything is sent is the resident's choice
(consent), handled by the caller. A mistake in the file stops start-up with its file, line
and problem, so a typo cannot quietly send reports to the wrong place; a change the console
makes must pass the same checks before it is written. Every process reads the file again
when it changes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import details, directory
from bot.datafiles import edited_yaml, reloaded, replace_checked
from bot.directory.hours import is_bank_holiday
from bot.settings import PROJECT_ROOT
from bot.topics import TOPICS

ROUTING_FILE = PROJECT_ROOT / "data" / "routing.yml"
SECTIONS = ("organisations", "rules", "response_times")
ORGANISATION_FIELDS = ("name", "kind", "method", "service", "summary", "source", "last_verified")
KINDS = ("police", "support")
METHODS = ("outbox",)  # e-mail later
RULE_FIELDS = ("when", "refer_to")
CONDITIONS = ("topic", "strands", "areas", "urgent")
SPEEDS = ("urgent", "normal")
MAX_RESPONSE_TIME_CHARS = 200


class RoutingError(ValueError):
    """A routing file that must not be used; the message names file, line and problem."""


class _Problem(Exception):
    """A problem at a line of the file; load() turns it into a RoutingError with the file name."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Organisation:
    """Somewhere a report can be referred; its phone numbers stay in the directory."""

    id: str
    name: str  # shown to residents and staff
    kind: str  # "police" or "support"
    method: str  # how a referral is sent: "outbox" (a caseworker sends it)
    service: str | None  # its entry in data/directory/services.yml (its contacts)
    summary: str  # one plain line for residents: what they do
    source: str  # where the facts came from
    last_verified: dt.date


@dataclass(frozen=True)
class Rule:
    """One rule of the file; a condition left out (None) matches any report."""

    topic: str | None
    strands: frozenset[str] | None
    areas: frozenset[str] | None  # place values of data/details.yml
    urgent: bool | None
    refer_to: tuple[str, ...]

    @property
    def catch_all(self) -> bool:
        """True when only the topic is tested: such a rule guarantees the topic a referral."""
        return self.strands is None and self.areas is None and self.urgent is None

    def matches(self, topic: str, strands: set[str], area: str | None, urgent: bool) -> bool:
        return ((self.topic is None or self.topic == topic)
                and (self.strands is None or not self.strands.isdisjoint(strands))
                and (self.areas is None or area in self.areas)
                and (self.urgent is None or self.urgent == urgent))


@dataclass(frozen=True)
class Routing:
    """The checked file: who a report can go to, and what residents are told about timing."""

    organisations: dict[str, Organisation]
    police: Organisation  # the one organisation with kind "police"
    rules: tuple[Rule, ...]
    response_times: dict[str, dict[str, str]]  # topic -> {"urgent": ..., "normal": ...}

    def support_for(self, topic: str, strands: list[str], area: str | None,
                    urgent: bool) -> list[Organisation]:
        """Support organisations for this report, most suitable first (never empty for a known topic).

        Each matching rule adds its organisations in file order, so the specific rules the
        file lists first rank above a topic's catch-all. An unknown topic is routed as "other".
        """
        topic = topic if topic in TOPICS else "other"
        area = area.strip() if area else None
        ids: list[str] = []
        for rule in self.rules:
            if rule.matches(topic, set(strands or ()), area, urgent):
                ids += [oid for oid in rule.refer_to if oid not in ids]
        return [self.organisations[oid] for oid in ids]

    def response_time(self, topic: str, urgent: bool) -> str:
        """What to tell the resident about when staff will look at it, e.g. 'within 1 working day'."""
        times = self.response_times.get(topic, self.response_times["other"])
        return times["urgent" if urgent else "normal"]

    def due(self, topic: str, urgent: bool, received: dt.datetime) -> dt.datetime | None:
        """When staff should have looked at a report: what the resident was told, read as a
        deadline ("within 24 hours", "within 2 to 5 working days": the longer figure; working
        days skip weekends and England's bank holidays). None if the words give no figure."""
        found = deadline(self.response_time(topic, urgent))
        if found is None:
            return None
        count, unit = found
        if unit == "hours":
            return received + dt.timedelta(hours=count)
        return _add_working_days(received, count)


WITHIN = re.compile(r"within (?P<least>\d+)(?: to (?P<most>\d+))? (?P<unit>hours?|working days?)")


def deadline(words: str) -> tuple[int, str] | None:
    """The figure staff work to in what a resident is told, and its unit ("hours" or "working
    days"): "within 2 to 5 working days" is (5, "working days"). None if the words give none."""
    match = WITHIN.search(words)
    if not match:
        return None
    unit = "hours" if match["unit"].startswith("hour") else "working days"
    return int(match["most"] or match["least"]), unit


def _add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """`days` working days after `start`, at the same time of day."""
    moment = start
    while days:
        moment += dt.timedelta(days=1)
        if moment.weekday() < 5 and not is_bank_holiday(moment.date()):
            days -= 1
    return moment


def load(path: Path = ROUTING_FILE) -> Routing:
    """Read and check the whole file, so a mistake stops start-up rather than misroutes a report."""
    try:
        return _build(_read(path))
    except _Problem as problem:
        raise RoutingError(f"{_shown(path)} line {problem.line}: {problem}") from None


def default() -> Routing:
    """The project's routing, read again when the file changes (a change made in the staff
    console reaches the app and the action server without a restart). A changed file that
    fails its checks is logged and the routing in use stays."""
    path = ROUTING_FILE
    return reloaded(path.name, (path,), lambda: load(path), RoutingError)


# Changing: the console's changes, written to the file itself (see bot.datafiles).

def change_referrals(number: int, organisations: list[str]) -> None:
    """Rule `number` (from 1, in file order) refers to `organisations`, in this order."""
    if len(set(organisations)) != len(organisations):
        raise RoutingError("Choose each organisation once.")

    def edit(data) -> None:
        rules = data.get("rules") or []
        if not 1 <= number <= len(rules):
            raise RoutingError(f"There is no rule {number}.")
        rules[number - 1]["refer_to"][:] = organisations  # the same list: its layout stays
    _write(edit)


def change_response_times(topic: str, times: dict[str, str]) -> None:
    """What residents of `topic` are told ({"urgent": ..., "normal": ...}); each must give
    staff a deadline that `Routing.due` can read."""
    if topic not in TOPICS or not set(times) <= set(SPEEDS):
        raise RoutingError(f"There is no topic {topic!r} with urgent and normal times.")
    for speed, words in times.items():
        _check_response_time(speed, words)

    def edit(data) -> None:
        entry = data["response_times"][topic]
        for speed, words in times.items():
            if entry.get(speed) != words:  # an unchanged line keeps its quotes
                entry[speed] = words
    _write(edit)


def _check_response_time(speed: str, words: str) -> None:
    if not words.strip():
        raise RoutingError(f"Write what residents are told about {speed} reports.")
    if len(words) > MAX_RESPONSE_TIME_CHARS or any(ord(c) < 32 for c in words):
        raise RoutingError(f"Write the {speed} time on one line, in at most {MAX_RESPONSE_TIME_CHARS} "
                           "characters.")
    if deadline(words) is None:
        raise RoutingError(
            f"“{words}” does not say by when staff must look at {speed} reports, so the "
            "queue could not show it as due or overdue. Please write it with a number, like "
            "“within 24 hours”, “within 1 working day” or “within 2 to 5 "
            "working days” (other words around it are fine).")


def _write(edit: Callable[[object], None]) -> None:
    """The routing file changed by `edit`, written only if it still passes `load`."""
    path = ROUTING_FILE
    replace_checked(path.parent, path.name, lambda text: edited_yaml(text, edit),
                    lambda copy: load(copy / path.name), RoutingError, read_with=())


# Reading: YAML whose mappings and lists remember the line of each entry.

class _Map(dict):
    """A YAML mapping with `lines`: the (1-based) line of each key, for error messages."""

    lines: dict[str, int]


class _Seq(list):
    """A YAML list with `lines`: the (1-based) line of each item, for error messages."""

    lines: list[int]


class _LineLoader(yaml.SafeLoader):
    """SafeLoader building _Map and _Seq, and refusing a key given twice (YAML keeps the last)."""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map()
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise _Problem(line, f"key {key!r} must be a word")
        if key in result:
            raise _Problem(line, f"{key!r} is given twice")
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    result = _Seq(loader.construct_object(item, deep=True) for item in node.value)
    result.lines = [item.start_mark.line + 1 for item in node.value]
    return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def _read(path: Path) -> object:
    """The file's data; a YAML mistake names its line like any other problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RoutingError(f"{_shown(path)}: cannot read: {exc}") from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader: builds plain data only
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        problem = getattr(exc, "problem", None) or exc
        raise _Problem(mark.line + 1 if mark else 1, f"not valid YAML: {problem}") from exc


def _shown(path: Path) -> str:
    """The path from the project root when inside it: what a staff member edits."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


# Checking: every problem names its line.

def _build(raw: object) -> Routing:
    """Every section checked; organisations first, since rules refer to them."""
    root = _mapping(raw, 1, "the file")
    _check_keys(root, SECTIONS, "the file")
    _require_keys(root, SECTIONS, 1, "the file")
    section = _mapping(root["organisations"], root.lines["organisations"], "organisations")
    organisations = {oid: _organisation(oid, entry, section.lines[oid])
                     for oid, entry in section.items()}
    return Routing(
        organisations=organisations,
        police=_the_police(section, organisations, root.lines["organisations"]),
        rules=_rules(root["rules"], root.lines["rules"], organisations),
        response_times=_response_times(root["response_times"], root.lines["response_times"]))


def _mapping(value: object, line: int, what: str) -> _Map:
    if not isinstance(value, _Map):
        raise _Problem(line, f"{what} must be a mapping of 'key: value' entries")
    return value


def _list(value: object, line: int, what: str) -> _Seq:
    if not isinstance(value, _Seq) or not value:
        raise _Problem(line, f"{what} must be a non-empty list")
    return value


def _check_keys(entry: _Map, allowed: tuple[str, ...], what: str) -> None:
    for key in entry:
        if key not in allowed:
            raise _Problem(entry.lines[key],
                           f"{what} has unknown key {key!r} (allowed: {', '.join(allowed)})")


def _require_keys(entry: _Map, required: tuple[str, ...], line: int, what: str) -> None:
    missing = [key for key in required if key not in entry]
    if missing:
        raise _Problem(line, f"{what} is missing {', '.join(missing)}")


def _text(entry: _Map, key: str, what: str) -> str:
    value = entry[key]
    if not isinstance(value, str) or not value.strip():
        raise _Problem(entry.lines[key], f"{what} {key} must be some text")
    return value.strip()


def _choice(entry: _Map, key: str, allowed: tuple[str, ...], what: str) -> str:
    if entry[key] not in allowed:
        raise _Problem(entry.lines[key],
                       f"{what} has {key} {entry[key]!r}; it must be one of {', '.join(allowed)}")
    return entry[key]


def _organisation(oid: str, entry: object, line: int) -> Organisation:
    what = f"organisation {oid!r}"
    entry = _mapping(entry, line, what)
    _check_keys(entry, ORGANISATION_FIELDS, what)
    _require_keys(entry, ORGANISATION_FIELDS, line, what)
    source = _text(entry, "source", what)
    if not isinstance(entry["last_verified"], dt.date):
        raise _Problem(entry.lines["last_verified"], f"{what} last_verified must be a date (YYYY-MM-DD)")
    return Organisation(id=oid, name=_text(entry, "name", what), kind=_choice(entry, "kind", KINDS, what),
                        method=_choice(entry, "method", METHODS, what),
                        service=_service(entry, what), summary=_text(entry, "summary", what),
                        source=source, last_verified=entry["last_verified"])


def _service(entry: _Map, what: str) -> str | None:
    """The directory id, checked: contact facts must come from an entry that names its source."""
    service = entry["service"]
    if service is not None and service not in directory.default().services:
        raise _Problem(entry.lines["service"], f"{what} names service {service!r}, which is not "
                                               "in data/directory/services.yml")
    return service


def _the_police(section: _Map, organisations: dict[str, Organisation], line: int) -> Organisation:
    """Exactly one: referral "to the police" is one choice for the resident, so one force."""
    police = [org for org in organisations.values() if org.kind == "police"]
    if not police:
        raise _Problem(line, "no organisation has kind police; exactly one must (Thames Valley Police)")
    if len(police) > 1:
        raise _Problem(section[police[1].id].lines["kind"],
                       f"organisations {police[0].id!r} and {police[1].id!r} both have kind police; "
                       "exactly one may")
    return police[0]


def _rules(value: object, line: int, organisations: dict[str, Organisation]) -> tuple[Rule, ...]:
    """The rules in file order, with a catch-all per topic so no report is left without a referral."""
    entries = _list(value, line, "rules")
    rules = tuple(_rule(number, entry, entries.lines[number - 1], organisations)
                  for number, entry in enumerate(entries, 1))
    for topic in TOPICS:
        if not any(rule.catch_all and rule.topic in (None, topic) for rule in rules):
            raise _Problem(line, f"topic {topic!r} has no catch-all rule (one whose 'when' has only "
                                 "the topic), so some of its reports would have nowhere to go")
    return rules


def _rule(number: int, entry: object, line: int, organisations: dict[str, Organisation]) -> Rule:
    """One rule; strand and area values must be those data/details.yml gives a report."""
    what = f"rule {number}"
    entry = _mapping(entry, line, what)
    _check_keys(entry, RULE_FIELDS, what)
    _require_keys(entry, RULE_FIELDS, line, what)
    when = _mapping(entry["when"], entry.lines["when"], f"{what} 'when'")
    _check_keys(when, CONDITIONS, f"{what} 'when'")
    strand_values = tuple(details.default().entities["hate_strand"].values)
    return Rule(topic=_topic(when, what), strands=_values(when, "strands", strand_values, what),
                areas=_areas(when, what), urgent=_urgent(when, what),
                refer_to=_referrals(entry, organisations, what))


def _topic(when: _Map, what: str) -> str | None:
    if "topic" in when and when["topic"] not in TOPICS:
        raise _Problem(when.lines["topic"],
                       f"{what} names unknown topic {when['topic']!r} (known: {', '.join(TOPICS)})")
    return when.get("topic")


def _values(when: _Map, key: str, known: tuple[str, ...], what: str) -> frozenset[str] | None:
    """The listed values of a condition, each checked against data/details.yml."""
    if key not in when:
        return None
    items = _list(when[key], when.lines[key], f"{what} {key}")
    for item, line in zip(items, items.lines, strict=True):
        if item not in known:
            raise _Problem(line, f"{what} names unknown {key[:-1]} {item!r} "
                                 f"(known in data/details.yml: {', '.join(known)})")
    return frozenset(items)


def _areas(when: _Map, what: str) -> frozenset[str] | None:
    """Place values of data/details.yml: the areas the bot knows a report to be in."""
    if "areas" not in when:
        return None
    place = details.default().entities["place"]
    items = _list(when["areas"], when.lines["areas"], f"{what} areas")
    for item, line in zip(items, items.lines, strict=True):
        if item not in place.values:
            raise _Problem(line, f"{what} names unknown area {item!r} (use a place from "
                                 f"data/details.yml: {', '.join(place.values)})")
    return frozenset(items)


def _urgent(when: _Map, what: str) -> bool | None:
    if "urgent" in when and not isinstance(when["urgent"], bool):
        raise _Problem(when.lines["urgent"], f"{what} urgent must be true or false")
    return when.get("urgent")


def _referrals(entry: _Map, organisations: dict[str, Organisation], what: str) -> tuple[str, ...]:
    """Organisation ids, each known and a support organisation (police referral is offered apart)."""
    ids = _list(entry["refer_to"], entry.lines["refer_to"], f"{what} refer_to")
    for oid, line in zip(ids, ids.lines, strict=True):
        org = organisations.get(oid) if isinstance(oid, str) else None
        if org is None:
            raise _Problem(line, f"{what} names unknown organisation {oid!r}")
        if org.kind == "police":
            raise _Problem(line, f"{what} names the police ({oid!r}); rules list support organisations, "
                                 "police referral is offered to every resident separately")
    return tuple(ids)


def _response_times(value: object, line: int) -> dict[str, dict[str, str]]:
    """Urgent and normal times for every topic, so the bot never promises nothing."""
    section = _mapping(value, line, "response_times")
    _check_keys(section, TOPICS, "response_times")
    _require_keys(section, TOPICS, line, "response_times")
    return {topic: _times(topic, section[topic], section.lines[topic]) for topic in TOPICS}


def _times(topic: str, value: object, line: int) -> dict[str, str]:
    what = f"response_times {topic}"
    entry = _mapping(value, line, what)
    _check_keys(entry, SPEEDS, what)
    _require_keys(entry, SPEEDS, line, what)
    return {speed: _text(entry, speed, what) for speed in SPEEDS}
