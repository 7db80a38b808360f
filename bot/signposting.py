"""Signposting texts rendered from data/signposting.yml, the one home of every number.

Both the action server (normal replies) and the web app (replies when the engine is
down) render guidance through this module, so the two can never disagree.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import SimpleNamespace

from bot.datafiles import read_yaml
from bot.settings import PROJECT_ROOT

SIGNPOSTING_FILE = PROJECT_ROOT / "data" / "signposting.yml"
TOPICS = ("asb", "hate_crime", "spiking", "domestic_abuse", "other")
# Every text the bot renders; a file without one of them is refused at start-up.
REQUIRED_GUIDANCE = (*TOPICS, "emergency", "unavailable", "human", "helplines", "safe_places",
                     "check_report", "quick_exit", "other_crime", "asb_case_review")
REQUIRED_SERVICE_FIELDS = ("name", "source", "last_verified")


class SignpostingError(ValueError):
    """A signposting file that must not be used; the message names file, entry and problem."""


@dataclass(frozen=True)
class Signposting:
    """Validated services and the guidance texts rendered from them."""

    services: dict[str, dict]
    guidance: dict[str, str]

    def text(self, key: str, **figures: object) -> str:
        """The rendered guidance for `key` (a topic or "emergency"), with the {{figures}}
        the caller gives filled in."""
        text = self.guidance[key]
        for name, value in figures.items():
            text = text.replace(f"{{{name}}}", str(value))
        return text


def load(path: Path = SIGNPOSTING_FILE) -> Signposting:
    """Read and validate the file; raise SignpostingError naming what is wrong."""
    raw = read_yaml(path, SignpostingError)
    if not isinstance(raw, dict) or not isinstance(raw.get("services"), dict):
        raise SignpostingError(f"{path}: needs a 'services' mapping")
    services = {sid: _check_service(path, sid, entry) for sid, entry in raw["services"].items()}
    texts = raw.get("guidance") or {}
    missing = [key for key in REQUIRED_GUIDANCE if key not in texts]
    if missing:
        raise SignpostingError(f"{path}: guidance is missing {', '.join(missing)}")
    guidance = {key: _render(path, key, text, services) for key, text in texts.items()}
    return Signposting(services=services, guidance=guidance)


def _check_service(path: Path, sid: str, entry: object) -> dict:
    if not isinstance(entry, dict):
        raise SignpostingError(f"{path}: service {sid!r} must be a mapping")
    for name in REQUIRED_SERVICE_FIELDS:
        if not entry.get(name):
            raise SignpostingError(f"{path}: service {sid!r} has no {name!r}")
    if not isinstance(entry["last_verified"], dt.date):
        raise SignpostingError(f"{path}: service {sid!r} last_verified must be a date (YYYY-MM-DD)")
    return {key: str(value) for key, value in entry.items()}


def _render(path: Path, key: str, text: str, services: dict[str, dict]) -> str:
    for _, field_name, _, _ in string.Formatter().parse(text):
        if field_name is None:
            continue
        sid, _, attr = field_name.partition(".")
        if sid not in services or attr not in services[sid]:
            raise SignpostingError(f"{path}: guidance {key!r} refers to unknown {{{field_name}}}")
    return text.format_map({sid: SimpleNamespace(**entry) for sid, entry in services.items()})


@cache
def default() -> Signposting:
    """The project's signposting, loaded once per process."""
    return load()
