"""The directory: services, Safe Places and places, from the data files in data/directory/.

Everything is checked when loaded; a mistake raises DirectoryError naming the file, the
entry and the problem, and the app and the action server refuse to start with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bot import details
from bot.datafiles import read_yaml, reloaded
from bot.details import padded_words
from bot.directory.geo import Gazetteer, read_postcodes
from bot.directory.safe_places import SafePlace, read_safe_places
from bot.directory.services import Service, parse_service
from bot.settings import PROJECT_ROOT
from bot.topics import TOPICS

DIRECTORY_DIR = PROJECT_ROOT / "data" / "directory"
STALE_AFTER = dt.timedelta(days=183)  # about 6 months


class DirectoryError(ValueError):
    """A directory file that must not be used; the message names file, entry and problem."""


@dataclass(frozen=True)
class Areas:
    """The areas services serve, each inside another (Oxford inside Oxfordshire...)."""

    parent: dict[str, str | None]
    home: str  # assumed when a resident's area is not known
    of_place_value: dict[str, str]  # the `place` detail's values -> area

    def chain(self, area: str | None) -> list[str]:
        """The area and every area it sits in, innermost first."""
        found, current = [], area or self.home
        while current:
            found.append(current)
            current = self.parent.get(current)
        return found

    def depth(self, area: str) -> int:
        return len(self.chain(area))


@dataclass(frozen=True)
class Directory:
    services: dict[str, Service]
    safe_places: list[SafePlace]
    gazetteer: Gazetteer
    areas: Areas

    def stale(self, today: dt.date) -> list[tuple[str, str, dt.date]]:
        """(kind, id, last_verified) of every entry not verified for about 6 months."""
        entries = [("service", s.id, s.last_verified) for s in self.services.values()]
        entries += [("safe place", p.id, p.last_verified) for p in self.safe_places]
        return [entry for entry in entries if today - entry[2] > STALE_AFTER]


def load(folder: Path = DIRECTORY_DIR) -> Directory:
    """Read and check every file of the directory."""
    places_file = folder / "places.yml"
    areas, gazetteer = _places(places_file, _postcodes(folder / "postcodes.csv"))
    services = _services(folder / "services.yml", areas)
    safe_file = folder / "safe_places.csv"
    try:
        text = safe_file.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DirectoryError(f"{safe_file}: cannot read: {exc}") from exc
    safe_places, problems = read_safe_places(text, gazetteer)
    if problems:
        raise DirectoryError(f"{safe_file}: {problems[0]}")
    return Directory(services, safe_places, gazetteer, areas)


def _postcodes(path: Path) -> dict:
    try:
        return read_postcodes(path)
    except OSError as exc:
        raise DirectoryError(f"{path}: cannot read: {exc}") from exc
    except ValueError as exc:
        raise DirectoryError(f"{path}: {exc}") from exc


def _places(path: Path, postcodes: dict) -> tuple[Areas, Gazetteer]:
    raw = read_yaml(path, DirectoryError)
    if not isinstance(raw, dict):
        raise DirectoryError(f"{path}: must be a mapping")
    for section in ("home_area", "postcode_area", "areas", "districts", "places", "place_values"):
        if section not in raw:
            raise DirectoryError(f"{path}: has no {section!r}")
    parents = raw["areas"] or {}
    for area, parent in parents.items():
        if parent is not None and parent not in parents:
            raise DirectoryError(f"{path}: area {area!r} sits in unknown area {parent!r}")
    district_areas = {}
    for area, codes in raw["districts"].items():
        _known(path, "districts", area, parents)
        for code in codes:
            _known(path, f"districts of {area}", code, postcodes)
            district_areas[code] = area
    for name, code in raw["places"].items():
        _known(path, f"place {name!r}", code, postcodes)
    place_values = raw["place_values"]
    for value, area in place_values.items():
        _known(path, "place_values", area, parents)
        _known(path, "place_values", value, details.default().entities["place"].values)
    _known(path, "home_area", raw["home_area"], parents)
    areas = Areas(parents, raw["home_area"], dict(place_values))
    gazetteer = Gazetteer(postcodes, {padded_words(str(k)): v for k, v in raw["places"].items()},
                          district_areas, raw["postcode_area"])
    return areas, gazetteer


def _known(path: Path, where: str, value: object, known: object) -> None:
    if value not in known:
        raise DirectoryError(f"{path}: {where}: {value!r} is not known")


def _services(path: Path, areas: Areas) -> dict[str, Service]:
    raw = read_yaml(path, DirectoryError)
    if not isinstance(raw, dict) or not isinstance(raw.get("services"), dict):
        raise DirectoryError(f"{path}: needs a 'services' mapping")
    strands = tuple(details.default().entities["hate_strand"].values)
    services = {}
    for sid, entry in raw["services"].items():
        try:
            services[sid] = parse_service(sid, entry, TOPICS, strands, tuple(areas.parent))
        except ValueError as exc:
            raise DirectoryError(f"{path}: service {sid!r}: {exc}") from None
    return services


_FILES = ("places.yml", "postcodes.csv", "services.yml", "safe_places.csv")


def default() -> Directory:
    """The project's directory, read again when one of its files changes (a Safe Places
    import or a correction in the staff console reaches the app and the action server
    without a restart). A changed file that fails its checks is logged and the directory
    in use stays, so a bad edit never breaks conversations under way."""
    folder = DIRECTORY_DIR
    return reloaded("directory", tuple(folder / name for name in _FILES), lambda: load(folder),
                    DirectoryError)
