"""Which services to show this person, here, now: the one selection function.

Given the topic, the hate-crime strands, urgency, the person's area, the time and what they
asked for, it returns every suitable service: open ones first, then the most specific
(their strand, their audience, their area, their topic) first. Callers show three at a time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.directory import Directory
from bot.directory.hours import Status
from bot.directory.services import ANY_TOPIC, Service

PAGE_SIZE = 3
# A strand says who the person is, as far as services for an audience go.
AUDIENCE_OF_STRAND = {"sexual_orientation": "lgbt", "transgender": "lgbt"}
ASKED = ("support", "report", "talk", "medical", "emergency")


@dataclass(frozen=True)
class Suggestion:
    service: Service
    status: Status


def select(directory: Directory, *, topic: str | None, now: dt.datetime,
           strands: frozenset[str] | set[str] = frozenset(), urgent: bool = False,
           area: str | None = None, asked: str = "support",
           audiences: frozenset[str] | set[str] = frozenset(),
           language: str | None = None) -> list[Suggestion]:
    """Services for the situation, best first.

    - Only services that offer what was asked, for the topic (or any topic), serving the
      person's area (the home area when not known); a strand-specific service only when
      the strands are unknown or match.
    - Urgent: nothing that is closed now, and 24-hour services first.
    - A resident writing in another language than English: services whose source says
      they offer interpreters or other languages before the others.
    - Then, unless urgent, services for the audience they said they are in (`audiences`),
      unless closed now.
    """
    if asked not in ASKED:
        raise ValueError(f"asked must be one of {', '.join(ASKED)}")
    served = set(directory.areas.chain(area))
    audiences = {*audiences, *(AUDIENCE_OF_STRAND[s] for s in strands if s in AUDIENCE_OF_STRAND)}
    found = [Suggestion(service, service.hours.status(now))
             for service in directory.services.values()
             if asked in service.offers and service.for_topic(topic) and service.area in served
             and (not service.strands or not strands or service.strands & set(strands))]
    if urgent:
        found = [s for s in found if s.status.open is not False]

    def order(suggestion: Suggestion) -> tuple:
        service, status = suggestion.service, suggestion.status
        openness = {True: 0, None: 1, False: 2}[status.open]
        if urgent:
            openness = 0 if service.hours.always else openness + 1
        other_language = language not in (None, "en") and not service.languages
        # A service for who they said they are (the Men's Advice Line for "my wife hits
        # me") comes first unless it is closed now; in danger, the 24-hour ones do.
        theirs = (bool(service.audiences & audiences) and status.open is not False
                  and not urgent)
        return (other_language, not theirs, _maybe_not_for_them(service, strands, audiences),
                openness, -_specificity(directory, service, topic, strands, audiences),
                service.name)

    return sorted(found, key=order)


def _maybe_not_for_them(service: Service, strands: frozenset[str] | set[str],
                        audiences: frozenset[str] | set[str]) -> bool:
    """A service for one strand or audience when the person's is not known (CST for a hate
    crime of unknown strand, the Men's Advice Line for someone who has not said): shown
    after the services that are surely for them. Their audience makes it theirs."""
    if service.audiences & set(audiences):
        return False
    return bool((service.strands and not strands) or
                (service.audiences and not service.audiences & set(audiences)))


def _specificity(directory: Directory, service: Service, topic: str | None,
                 strands: frozenset[str] | set[str], audiences: frozenset[str] | set[str]) -> int:
    """Higher for a closer fit: their strand, their audience, their topic, their area."""
    score = directory.areas.depth(service.area)
    if topic is not None and ANY_TOPIC not in service.topics:
        score += 4
    if service.strands and service.strands & set(strands):
        score += 8
    if service.audiences and service.audiences & set(audiences):
        score += 8
    return score


def page(suggestions: list[Suggestion], number: int) -> tuple[list[Suggestion], bool]:
    """The `number`th page (from 0) of at most PAGE_SIZE, and whether more follow."""
    start = number * PAGE_SIZE
    return suggestions[start:start + PAGE_SIZE], len(suggestions) > start + PAGE_SIZE
