"""What the bot says when it signposts: guidance texts (data/signposting.yml) filled in from
the directory (data/directory/), and the lines that present services and Safe Places.

Both the action server (normal replies) and the web app (replies when the engine is
down) render guidance through this module, so the two can never disagree, and no number
reaches a reply except from the directory. Every text is rendered in each language that
translates it (bot/language/translations.py), with the same facts filled in.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from bot import directory
from bot.datafiles import read_yaml, reloaded
from bot.directory.hours import Status
from bot.directory.safe_places import WALK_LIMIT_MINUTES, Nearby
from bot.directory.select import Suggestion, page, select
from bot.directory.services import Service
from bot.language import translations
from bot.language.names import LANGUAGES
from bot.settings import PROJECT_ROOT
from bot.topics import TOPICS

SIGNPOSTING_FILE = PROJECT_ROOT / "data" / "signposting.yml"
SPIKING_TIMES = ("spiking_within_12_hours", "spiking_within_7_days", "spiking_over_7_days",
                 "spiking_time_unknown")
# Every text the bot renders; a file without one of them is refused at start-up.
REQUIRED_GUIDANCE = (*TOPICS, "emergency", "emergency_interpreter", "unavailable", "human",
                     "helplines", "safe_places",
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


class SignpostingError(ValueError):
    """A signposting file that must not be used; the message names file, entry and problem."""


@dataclass(frozen=True)
class Signposting:
    """Guidance texts with the directory's facts filled in, in English and in each
    language that translates them."""

    guidance: dict[str, str]  # English
    translated: dict[str, dict[str, str]]  # language -> key -> text
    untranslated: dict[str, str]  # language -> the line saying a text is in English

    def text(self, key: str, language: str | None = None, **figures: object) -> str:
        """The rendered guidance for `key` (a topic or "emergency") in `language` (English
        with a line saying so when it has no translation), with the {{figures}} the caller
        gives filled in."""
        text = self.translated.get(language or "en", {}).get(key)
        if text is None:
            text = self.guidance[key]
            if language in self.untranslated:
                text = f"{text}\n{self.untranslated[language]}"
        return with_figures(text, **figures)


def with_figures(text: str, **figures: object) -> str:
    """The text with each {{figure}} the bot fills in when it speaks (written {name} once
    the directory's facts are in) replaced by its value."""
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
    services = services or directory.default().services
    facts = {sid: service.fields() for sid, service in services.items()}
    phrases = translations.default()
    translated, untranslated = {}, {}
    for language, sections in phrases.translated.items():
        theirs = {sid: {**fields, **({"how": sections["directory"][f"{sid}.how"]}
                                     if f"{sid}.how" in sections["directory"] else {})}
                  for sid, fields in facts.items()}
        translated[language] = {key: render_facts(path, key, text, theirs)
                                for key, text in sections["guidance"].items()}
    for language in LANGUAGES[1:]:
        untranslated[language] = phrases.note(language)
    return Signposting({key: render_facts(path, key, text, facts) for key, text in texts.items()},
                       translated, untranslated)


def render_facts(path: Path, key: str, text: str, facts: dict[str, dict[str, str]]) -> str:
    """The text with each {service_id.field} filled in from the directory; SignpostingError
    for one the directory does not have."""
    for _, field_name, _, _ in string.Formatter().parse(text):
        if field_name is None:
            continue
        sid, _, attr = field_name.partition(".")
        if not facts.get(sid, {}).get(attr):
            raise SignpostingError(f"{path}: guidance {key!r} refers to unknown {{{field_name}}}")
    return text.format_map({sid: SimpleNamespace(**fields) for sid, fields in facts.items()})


def emergency(language: str | None = None) -> str:
    """The emergency lines; in another language than English, with how to get an
    interpreter on 999."""
    guidance = default()
    text = guidance.text("emergency", language)
    if language in (None, "en"):
        return text
    return f"{text} {guidance.text('emergency_interpreter', language)}"


def words(key: str, language: str | None = None, **values: object) -> str:
    """One of the bot's own words (data/interface.yml) in `language`, values filled in."""
    text = translations.default().text("interface", key, language)
    return text.format(**values) if values else text


# A phone number inside a service's "how" line ("out of hours call 020 7008 1500").
_NUMBER_IN_WORDS = re.compile(r"\+?\d[\d ()]{1,}\d")
PHONE_FIELDS = ("phone", "phone_non_emergency", "text")


def phones_in(text: str) -> list[str]:
    """The directory's phone numbers that a reply shows, longest first, for the web page to
    make them tappable (tel: links): only numbers of the directory, so "24 hours" or "7 days"
    never become a call."""
    numbers = set()
    for service in directory.default().services.values():
        numbers.update(v for k, v in service.contact.items() if k in PHONE_FIELDS)
        numbers.update(_NUMBER_IN_WORDS.findall(service.how))
    return sorted((n for n in numbers if re.search(rf"(?<![\d+]){re.escape(n)}(?!\d)", text)),
                  key=lambda n: (-len(n), n))


def service_line(suggestion: Suggestion, language: str | None = None) -> str:
    """"• Stop Hate UK: call 0800 138 1625, text 07717 989 025 (24 hours)", with
    "interpreters" for a service that offers them to a resident writing another language,
    and no hours for a service whose hours are not known."""
    service = suggestion.service
    ways = [words(f"contact.{kind}", language, value=value)
            for kind, value in service.contact.items()]
    if service.how:
        ways.append(translations.default().text("directory", f"{service.id}.how", language))
    if service.languages and language not in (None, "en"):
        ways.append(words("services.interpreters", language))
    line = f"• {service.name}: {', '.join(ways)}"
    # Hours the sources do not give are not shown: "(opening hours not confirmed)" read
    # as "this may not work".
    if suggestion.status.kind == "unknown":
        return line
    return f"{line} ({status_words(suggestion.status, language)})"


def status_words(status: Status, language: str | None = None) -> str:
    """"open until 5:30pm", "closed now, opens tomorrow at 9am"... in `language` (other
    languages write the time as 17:30)."""
    if language in (None, "en"):
        return status.says
    if status.kind in ("always", "unknown"):
        return words(f"hours.{status.kind}", language)
    time = f"{status.at:%H:%M}" if status.at else ""
    if status.kind == "open_until":
        return words("hours.open_until", language, time=time)
    closed = words("hours.closed_bank_holiday" if status.bank_holiday else "hours.closed", language)
    if status.kind == "closed":
        return closed
    if status.day is None:
        return words("hours.opens_today", language, closed=closed, time=time)
    if status.day == 1:
        return words("hours.opens_tomorrow", language, closed=closed, time=time)
    return words("hours.opens_on", language, closed=closed, time=time,
                 day=words(f"day.{status.day - 10}", language))


def topic_help(topic: str, now: dt.datetime, language: str | None = None,
               **figures: object) -> str:
    """The topic's guidance and its first services, as one message: what the app says about
    a topic it recognised when the engine is down."""
    text = default().text(topic, language, **figures)
    if topic not in ASKED_FOR_TOPIC:
        return text
    shown, _ = page(select(directory.default(), topic=topic, now=now,
                           asked=ASKED_FOR_TOPIC[topic], language=language), 0)
    return with_services(text, shown, language)


def with_services(text: str, shown: list[Suggestion], language: str | None = None) -> str:
    """A message's text, then the services shown under it. One line break between: the
    engine splits a message at a blank line into separate bubbles."""
    if not shown:
        return text
    return "\n".join([text, services_text(words("services.intro", language), shown, language)])


def services_text(intro: str, suggestions: list[Suggestion], language: str | None = None) -> str:
    """An introduction, then one line per service."""
    return "\n".join([intro, *(service_line(s, language) for s in suggestions)])


def safe_places_text(where: str, nearby: list[Nearby], language: str | None = None) -> str:
    """The nearest Safe Places open now within a 15-minute walk, or what to do when none is;
    samples say so on their own line."""
    guidance = default()
    close = [n for n in nearby if n.minutes <= WALK_LIMIT_MINUTES]
    lines = []
    if any(n.place.sample for n in nearby):
        lines.append(guidance.text("safe_places_samples", language))
    if close:
        lines.append(words("safe_places.open_near", language, where=where))
        lines += [_place_line(n, language) for n in close]
        lines.append(guidance.text("safe_places", language))
    else:
        lines.append(guidance.text("safe_places_none_near", language, where=where,
                                   minutes=WALK_LIMIT_MINUTES))
        further = [n for n in nearby[:1] if n.minutes <= FURTHEST_SHOWN_MINUTES]
        lines += [f"{words('safe_places.further', language)}\n{_place_line(n, language)}"
                  for n in further]
    return "\n".join(lines)


def _place_line(nearby: Nearby, language: str | None = None) -> str:
    place = nearby.place
    sample = f" {words('safe_places.sample', language)}" if place.sample else ""
    walk = words("safe_places.walk", language, minutes=nearby.minutes)
    return (f"• {place.name}{sample}, {place.address}: {_distance(nearby.metres)}, {walk}, "
            f"{status_words(nearby.status, language)}. {place.how_to_get_help}")


def _distance(metres: float) -> str:
    return f"{round(metres, -1):.0f} m" if metres < 1000 else f"{metres / 1000:.1f} km"


def default() -> Signposting:
    """The project's signposting, read again when it, the directory or a translation
    changes: a number corrected in the staff console is in the very next reply, in the app
    and the action server alike."""
    return reloaded("signposting", translations.source_files(), load, SignpostingError)
