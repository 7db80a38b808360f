"""What the bot says when it signposts: guidance texts (data/signposting.yml) filled in from
the directory (data/directory/), and the lines that present services and Safe Places.

Both the action server (normal replies) and the web app (replies when the engine is
down) render guidance through this module, so the two can never disagree, and no number
reaches a reply except from the directory.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import SimpleNamespace

from bot import directory
from bot.datafiles import read_yaml
from bot.directory.safe_places import WALK_LIMIT_MINUTES, Nearby
from bot.directory.select import Suggestion, page, select
from bot.directory.services import Service
from bot.settings import PROJECT_ROOT
from bot.topics import TOPICS

SIGNPOSTING_FILE = PROJECT_ROOT / "data" / "signposting.yml"
SPIKING_TIMES = ("spiking_within_12_hours", "spiking_within_7_days", "spiking_over_7_days",
                 "spiking_time_unknown")
# Every text the bot renders; a file without one of them is refused at start-up.
REQUIRED_GUIDANCE = (*TOPICS, "emergency", "unavailable", "human", "helplines", "safe_places",
                     "safe_places_none_near", "safe_places_samples", "check_report",
                     "quick_exit", "other_crime", "asb_case_review", "spiking_needle", "welcome",
                     "chat_notice", "too_fast",
                     *SPIKING_TIMES)
# Beyond this, a Safe Place is no help to someone on foot, so it is not offered at all.
FURTHEST_SHOWN_MINUTES = 45
# What the services listed under a topic's guidance are for. Spiking has none: its guidance
# names 999, NHS and the police, and the testing advice follows.
ASKED_FOR_TOPIC = {"asb": "report", "hate_crime": "support", "domestic_abuse": "support",
                   "other": "report"}
SERVICES_INTRO = "Services that can help:"
CONTACT_WORDS = {"phone": "call {}", "phone_non_emergency": "non-emergency {}", "text": "text {}",
                 "web": "online at {}", "email": "e-mail {}", "in_person": "in person at {}"}


class SignpostingError(ValueError):
    """A signposting file that must not be used; the message names file, entry and problem."""


@dataclass(frozen=True)
class Signposting:
    """Guidance texts with the directory's facts filled in."""

    guidance: dict[str, str]

    def text(self, key: str, **figures: object) -> str:
        """The rendered guidance for `key` (a topic or "emergency"), with the {{figures}}
        the caller gives filled in."""
        text = self.guidance[key]
        for name, value in figures.items():
            text = text.replace(f"{{{name}}}", str(value))
        return text


def load(path: Path = SIGNPOSTING_FILE,
         services: dict[str, Service] | None = None) -> Signposting:
    """Read and check the file against the directory; raise SignpostingError naming what is
    wrong."""
    raw = read_yaml(path, SignpostingError)
    if not isinstance(raw, dict) or not isinstance(raw.get("guidance"), dict):
        raise SignpostingError(f"{path}: needs a 'guidance' mapping")
    texts = raw["guidance"]
    missing = [key for key in REQUIRED_GUIDANCE if key not in texts]
    if missing:
        raise SignpostingError(f"{path}: guidance is missing {', '.join(missing)}")
    facts = {sid: service.fields()
             for sid, service in (services or directory.default().services).items()}
    return Signposting({key: _render(path, key, text, facts) for key, text in texts.items()})


def _render(path: Path, key: str, text: str, facts: dict[str, dict[str, str]]) -> str:
    for _, field_name, _, _ in string.Formatter().parse(text):
        if field_name is None:
            continue
        sid, _, attr = field_name.partition(".")
        if not facts.get(sid, {}).get(attr):
            raise SignpostingError(f"{path}: guidance {key!r} refers to unknown {{{field_name}}}")
    return text.format_map({sid: SimpleNamespace(**fields) for sid, fields in facts.items()})


def service_line(suggestion: Suggestion) -> str:
    """"• Stop Hate UK: call 0800 138 1625, text 07717 989 025 (24 hours)"."""
    service = suggestion.service
    ways = [CONTACT_WORDS[kind].format(value) for kind, value in service.contact.items()]
    if service.how:
        ways.append(service.how)
    return f"• {service.name}: {', '.join(ways)} ({suggestion.status.says})"


def topic_help(topic: str, now: dt.datetime, **figures: object) -> str:
    """The topic's guidance and its first services, as one message: what the app says about
    a topic it recognised when the engine is down."""
    text = default().text(topic, **figures)
    if topic not in ASKED_FOR_TOPIC:
        return text
    shown, _ = page(select(directory.default(), topic=topic, now=now,
                           asked=ASKED_FOR_TOPIC[topic]), 0)
    return with_services(text, shown)


def with_services(text: str, shown: list[Suggestion]) -> str:
    """A message's text, then the services shown under it. One line break between: the
    engine splits a message at a blank line into separate bubbles."""
    return "\n".join([text, services_text(SERVICES_INTRO, shown)]) if shown else text


def services_text(intro: str, suggestions: list[Suggestion]) -> str:
    """An introduction, then one line per service."""
    return "\n".join([intro, *(service_line(s) for s in suggestions)])


def safe_places_text(where: str, nearby: list[Nearby]) -> str:
    """The nearest Safe Places open now within a 15-minute walk, or what to do when none is;
    samples say so on their own line."""
    guidance = default()
    close = [n for n in nearby if n.minutes <= WALK_LIMIT_MINUTES]
    lines = []
    if any(n.place.sample for n in nearby):
        lines.append(guidance.text("safe_places_samples"))
    if close:
        lines.append(f"Safe Places open now near {where}:")
        lines += [_place_line(n) for n in close]
        lines.append(guidance.text("safe_places"))
    else:
        lines.append(guidance.text("safe_places_none_near", where=where,
                                   minutes=WALK_LIMIT_MINUTES))
        further = [n for n in nearby[:1] if n.minutes <= FURTHEST_SHOWN_MINUTES]
        lines += [f"The nearest open one is further away:\n{_place_line(n)}" for n in further]
    return "\n".join(lines)


def _place_line(nearby: Nearby) -> str:
    place = nearby.place
    sample = " [SAMPLE, not a real Safe Place]" if place.sample else ""
    return (f"• {place.name}{sample}, {place.address}: {_distance(nearby.metres)}, about "
            f"{nearby.minutes} min walk, {nearby.status.says}. {place.how_to_get_help}")


def _distance(metres: float) -> str:
    return f"{round(metres, -1):.0f} m" if metres < 1000 else f"{metres / 1000:.1f} km"


@cache
def default() -> Signposting:
    """The project's signposting, loaded once per process."""
    return load()
