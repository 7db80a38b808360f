"""Safe Places (data/directory/safe_places.csv): the partnership's list, imported from a CSV,
and the nearest ones open now.

No public list of Oxford's Safe Places exists, so the shipped file holds samples for the
demo, marked `sample` in the data and in every reply that uses them. `python -m bot
import-safe-places FILE.csv` replaces them with the partnership's own list.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

from bot.directory.geo import Gazetteer, Location, Point, distance_m, walking_minutes
from bot.directory.hours import Hours, Status

# The documented columns, in order (README, "Safe Places").
COLUMNS = ("id", "name", "address", "postcode", "latitude", "longitude", "hours",
           "bank_holidays", "how_to_get_help", "accessibility", "sample", "source",
           "last_verified")
REQUIRED = ("id", "name", "address", "hours", "how_to_get_help", "source", "last_verified")
WALK_LIMIT_MINUTES = 15
YES = ("yes", "true", "1", "y")


@dataclass(frozen=True)
class SafePlace:
    id: str
    name: str
    address: str
    point: Point
    hours: Hours
    how_to_get_help: str
    accessibility: str
    sample: bool
    source: str
    last_verified: dt.date


@dataclass(frozen=True)
class Nearby:
    place: SafePlace
    metres: float
    minutes: int
    status: Status


def read_safe_places(text: str, gazetteer: Gazetteer) -> tuple[list[SafePlace], list[str]]:
    """The places in a CSV text and a problem per bad row ("row 4: ..."), so an import can
    report every mistake at once."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [name for name in REQUIRED if name not in (reader.fieldnames or [])]
    if missing:
        return [], [f"missing column(s) {', '.join(missing)}; the columns are {', '.join(COLUMNS)}"]
    places, problems, seen = [], [], set()
    for row_number, row in enumerate(reader, start=2):
        try:
            place = _place(row, gazetteer)
            if place.id in seen:
                raise ValueError(f"id {place.id!r} is used twice")
            seen.add(place.id)
            places.append(place)
        except ValueError as exc:
            problems.append(f"row {row_number}: {exc}")
    return places, problems


def _place(row: dict, gazetteer: Gazetteer) -> SafePlace:
    values = {key: (value or "").strip() for key, value in row.items() if key}
    empty = [name for name in REQUIRED if not values.get(name)]
    if empty:
        raise ValueError(f"{', '.join(empty)} must not be empty")
    try:
        verified = dt.date.fromisoformat(values["last_verified"])
    except ValueError:
        raise ValueError("last_verified must be a date (YYYY-MM-DD)") from None
    try:
        hours = Hours.parse(values["hours"], values.get("bank_holidays") or "as_usual")
    except ValueError as exc:
        raise ValueError(f"hours: {exc}") from None
    if not hours.known:
        raise ValueError("hours must be 24/7 or a weekly schedule: a place must say when it helps")
    return SafePlace(
        id=values["id"], name=values["name"], address=values["address"],
        point=_point(values, gazetteer), hours=hours,
        how_to_get_help=values["how_to_get_help"], accessibility=values.get("accessibility", ""),
        sample=values.get("sample", "").lower() in YES, source=values["source"],
        last_verified=verified)


def _point(values: dict, gazetteer: Gazetteer) -> Point:
    """Its coordinates, or the centre of its postcode's sector when none are given."""
    if values.get("latitude") or values.get("longitude"):
        try:
            point = Point(float(values["latitude"]), float(values["longitude"]))
        except (KeyError, ValueError):
            raise ValueError("latitude and longitude must be numbers") from None
        if not (49 < point.latitude < 61 and -9 < point.longitude < 2):
            raise ValueError("latitude and longitude are not in the UK")
        return point
    code = gazetteer.postcode_in(values.get("postcode", ""))
    if not code:
        raise ValueError("give latitude and longitude, or a postcode in the area served")
    return gazetteer.postcodes[code]


def nearest_open(places: list[SafePlace], where: Location, now: dt.datetime,
                 limit: int = 3) -> list[Nearby]:
    """The Safe Places open now, nearest first."""
    found = []
    for place in places:
        status = place.hours.status(now)
        if status.open:
            metres = distance_m(where.point, place.point)
            found.append(Nearby(place, metres, walking_minutes(metres), status))
    return sorted(found, key=lambda nearby: nearby.metres)[:limit]


def import_safe_places(source: Path, destination: Path, gazetteer: Gazetteer) -> int:
    """Check the partnership's CSV file and, only if every row is right, make it the list
    the bot uses; ValueError lists every bad row."""
    try:
        return replace_safe_places(source.read_text(encoding="utf-8-sig"), destination, gazetteer)
    except ValueError as exc:
        raise ValueError(f"{source}: {exc}") from None


def replace_safe_places(text: str, destination: Path, gazetteer: Gazetteer) -> int:
    """The same for the CSV's text (an upload in the staff console). The new list is written
    beside the old one and moved over it, so the bot never reads half a file."""
    places, problems = read_safe_places(text, gazetteer)
    if problems or not places:
        raise ValueError("; ".join(problems) or "no Safe Places in the file")
    rows = list(csv.DictReader(io.StringIO(text)))
    written = destination.with_suffix(".csv.new")
    with written.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for place, row in zip(places, rows, strict=True):
            writer.writerow({**{name: (row.get(name) or "").strip() for name in COLUMNS},
                             "latitude": f"{place.point.latitude:.5f}",
                             "longitude": f"{place.point.longitude:.5f}",
                             "sample": "yes" if place.sample else "no"})
    os.replace(written, destination)
    return len(places)
