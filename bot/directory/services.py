"""Services of the directory (data/directory/services.yml), checked against their schema."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.directory.hours import Hours

OFFERS = ("support", "report", "talk", "medical", "emergency", "named")
AUDIENCES = ("men", "women", "lgbt", "young_people", "deaf", "perpetrators", "muslim",
             "jewish")
CONTACT_KINDS = ("phone", "phone_non_emergency", "text", "web", "email", "in_person")
ANY_TOPIC = "any"
REQUIRED = ("name", "offers", "topics", "contact", "hours", "area", "languages", "accessibility",
            "source", "last_verified")
OPTIONAL = ("how", "strands", "audiences", "bank_holidays", "hours_note")


@dataclass(frozen=True)
class Service:
    """One entry of the directory."""

    id: str
    name: str
    offers: frozenset[str]
    topics: frozenset[str]
    strands: frozenset[str]  # empty: every strand
    audiences: frozenset[str]  # empty: everyone
    contact: dict[str, str]
    how: str
    hours: Hours
    hours_note: str
    area: str
    languages: tuple[str, ...]
    accessibility: str
    source: str
    last_verified: dt.date

    def for_topic(self, topic: str | None) -> bool:
        return topic is None or ANY_TOPIC in self.topics or topic in self.topics

    def fields(self) -> dict[str, str]:
        """What guidance texts may name as {id.field}: name, how, hours and the contacts."""
        return {"name": self.name, "how": self.how,
                "hours": "24 hours" if self.hours.always else "", **self.contact}


def parse_service(sid: str, entry: object, topics: tuple[str, ...], strands: tuple[str, ...],
                  areas: tuple[str, ...]) -> Service:
    """The entry as a Service; ValueError says which field is wrong and why."""
    if not isinstance(entry, dict):
        raise ValueError("must be a mapping of fields")
    missing = [name for name in REQUIRED if name not in entry]
    unknown = sorted(set(entry) - set(REQUIRED) - set(OPTIONAL))
    if missing:
        raise ValueError(f"has no {', '.join(missing)}")
    if unknown:
        raise ValueError(f"has unknown field(s) {', '.join(unknown)}")
    for name in ("name", "source"):
        if not isinstance(entry[name], str) or not entry[name].strip():
            raise ValueError(f"{name} must be text")
    if not isinstance(entry["last_verified"], dt.date):
        raise ValueError("last_verified must be a date (YYYY-MM-DD)")
    contact = entry["contact"] or {}
    if not isinstance(contact, dict) or set(contact) - set(CONTACT_KINDS):
        raise ValueError(f"contact may only have {', '.join(CONTACT_KINDS)}")
    if any(not isinstance(value, str) or not value.strip() for value in contact.values()):
        raise ValueError('contact values must be quoted text, like phone: "0800 123 456"')
    if not isinstance(entry["languages"] or [], list):
        raise ValueError("languages must be a list")
    if not contact and not entry.get("how"):
        raise ValueError("needs a contact or a 'how' line saying how to use it")
    if entry["area"] not in areas:
        raise ValueError(f"area {entry['area']!r} is not one of {', '.join(areas)}")
    try:
        hours = Hours.parse(entry["hours"], entry.get("bank_holidays", "as_usual"))
    except ValueError as exc:
        raise ValueError(f"hours: {exc}") from None
    return Service(
        id=sid, name=entry["name"].strip(),
        offers=_choices("offers", entry["offers"], OFFERS, required=True),
        topics=_choices("topics", entry["topics"], (*topics, ANY_TOPIC), required=True),
        strands=_choices("strands", entry.get("strands"), strands),
        audiences=_choices("audiences", entry.get("audiences"), AUDIENCES),
        contact=dict(contact),
        how=str(entry.get("how") or ""), hours=hours, hours_note=str(entry.get("hours_note") or ""),
        area=entry["area"], languages=tuple(str(x) for x in entry["languages"] or ()),
        accessibility=str(entry["accessibility"] or ""), source=entry["source"].strip(),
        last_verified=entry["last_verified"])


def _choices(field: str, value: object, allowed: tuple[str, ...],
             required: bool = False) -> frozenset[str]:
    values = value or []
    if not isinstance(values, list) or (required and not values):
        raise ValueError(f"{field} must be a list{' of at least one' if required else ''}")
    wrong = [str(v) for v in values if v not in allowed]
    if wrong:
        raise ValueError(f"{field}: {', '.join(wrong)} not one of {', '.join(allowed)}")
    return frozenset(values)
