"""Who the resident is, as far as services meant for someone go (the directory's
`audiences`), from what they said: "my wife hits me" puts the Men's Advice Line first,
"I'm gay" Galop, "I'm 16" Childline. Only the order of services changes; nobody is shown
less. The words are in data/audiences.yml."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.datafiles import read_yaml, reloaded
from bot.details import padded_words
from bot.directory.services import AUDIENCES
from bot.settings import PROJECT_ROOT

AUDIENCES_FILE = PROJECT_ROOT / "data" / "audiences.yml"
# After an age, words that make it something else ("I'm 15 minutes away").
_NOT_AN_AGE = ("minutes", "minute", "mins", "min", "hours", "hour", "hrs", "days", "weeks",
               "months", "miles", "metres", "meters", "m", "km", "am", "pm", "percent",
               "pounds", "quid", "times", "stops")


class AudiencesError(ValueError):
    """data/audiences.yml is not usable; the message says why."""


@dataclass(frozen=True)
class Words:
    own: dict[str, tuple[str, ...]]  # audience -> what a resident says of themselves
    partner: dict[str, tuple[str, ...]]  # audience -> a partner's word that says it
    with_partner: dict[str, tuple[str, ...]]  # men / women -> partners making a same-sex couple
    ages: re.Pattern[str]


def audiences_in(texts: Iterable[str]) -> frozenset[str]:
    """The audiences what the resident said puts them in (empty: nothing said)."""
    said = [padded_words(text) for text in texts]  # each message on its own
    words = default()
    found = {a for a, phrases in words.own.items() if _any_in(phrases, said)}
    found |= {a for a, phrases in words.partner.items() if _any_in(phrases, said)}
    if "women" in found:  # "my wife", "the men in my family": not a man's words then
        found.discard("men")
    if any(words.ages.search(text) for text in said):
        found.add("young_people")
    if any(_any_in(words.with_partner.get(who, ()), said) for who in found & {"men", "women"}):
        found.add("lgbt")
    return frozenset(found)


def _any_in(phrases: tuple[str, ...], said: list[str]) -> bool:
    return any(phrase in text for text in said for phrase in phrases)


def load(path: Path = AUDIENCES_FILE) -> Words:
    """The file's words, checked: known audiences, lists of phrases, an age range."""
    data = read_yaml(path, AudiencesError)
    if not isinstance(data, dict) or set(data) - set(AUDIENCES):
        raise AudiencesError(f"{path}: audiences must be some of {', '.join(AUDIENCES)}")
    if not all(isinstance(entry, dict) for entry in data.values()):
        raise AudiencesError(f"{path}: each audience is a mapping (self, partner, ...)")
    own = {a: _phrases(path, a, entry.get("self")) for a, entry in data.items()}
    partner = {a: _phrases(path, a, entry.get("partner")) for a, entry in data.items()}
    lgbt_with = (data.get("lgbt") or {}).get("with") or {}
    with_partner = {who: _phrases(path, f"lgbt.with.{who}", lgbt_with.get(who))
                    for who in ("men", "women")}
    low, high = (data.get("young_people") or {}).get("ages") or (0, -1)
    ages = "|".join(str(n) for n in range(int(low), int(high) + 1))
    after = "|".join(_NOT_AN_AGE)
    pattern = (rf" (?:i m|im|i am)(?: only| just)? (?:{ages}) (?!(?:{after}) )|"
               rf" (?:{ages}) ?(?:years? old|yrs? old|yo) ") if ages else r"(?!)"
    return Words(own, partner, with_partner, re.compile(pattern))


def _phrases(path: Path, where: str, phrases: object) -> tuple[str, ...]:
    if phrases is None:
        return ()
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        raise AudiencesError(f"{path}: {where}: a list of phrases")
    return tuple(padded_words(p) for p in phrases)


def default() -> Words:
    """The project's words, read again when the file changes."""
    return reloaded("audiences", (AUDIENCES_FILE,), load, AudiencesError)
