"""Where a resident is, from a shared location, a place name or an Oxfordshire postcode, all
resolved offline from data shipped with the project; and distances and walking times.

Postcodes resolve to the centre of their sector ("OX4 1") or district ("OX4"), never to a
single street: close enough to find the nearest Safe Place, and no more precise than that.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.details import padded_words

EARTH_RADIUS_M = 6_371_000
WALKING_M_PER_MINUTE = 80  # about 4.8 km/h
DETOUR = 1.25  # streets are longer than a straight line
POSTCODE_COLUMNS = ("code", "latitude", "longitude", "postcodes")
# A district ("OX4"), a sector ("OX4 1") or a full postcode ("OX4 1AA").
_ANY_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)(?:\s*(\d)([A-Z]{2})?)?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Location:
    """A resolved place: what to call it, where it is, and its area (for local services)."""

    label: str
    point: Point
    area: str | None


@dataclass(frozen=True)
class Gazetteer:
    """Postcode sectors and districts, place names, and the area each belongs to."""

    postcodes: dict[str, Point]  # "OX4" and "OX4 1" -> centre
    places: dict[str, str]  # place name as padded words (" cowley road ") -> postcode code
    district_areas: dict[str, str]  # "OX4" -> "oxford"
    postcode_area: str  # the postcode area served: "OX"

    def resolve(self, text: str) -> Location | None:
        """The place a message names: a postcode first, else the longest known place name."""
        postcode = self.postcode_in(text)
        if postcode:
            return self._at(postcode, postcode)
        words = padded_words(text)
        names = [name for name in self.places if name in words]
        if not names:
            return None
        name = max(names, key=len)
        return self._at(self.places[name], name.strip().title())

    def postcode_in(self, text: str) -> str | None:
        """The best known code for a postcode in the text: its sector, else its district."""
        for match in _ANY_POSTCODE.finditer(text or ""):
            district = match.group(1).upper()
            sector = f"{district} {match.group(2)}" if match.group(2) else None
            if sector in self.postcodes:
                return sector
            if district in self.postcodes:
                return district
        return None

    def foreign_postcode(self, text: str) -> str | None:
        """A full postcode outside the area served ("SW1A 1AA"), so the reply can say why it
        is not found; a bare "A34" or "b4" is a road or a word, not a postcode."""
        for match in _ANY_POSTCODE.finditer(text or ""):
            district = match.group(1).upper()
            if match.group(3) and not district.startswith(self.postcode_area):
                return district
        return None

    def at_coordinates(self, latitude: float, longitude: float) -> Location:
        """A shared location; its area is that of the nearest postcode district."""
        point = Point(latitude, longitude)
        districts = [code for code in self.postcodes if " " not in code]
        nearest = min(districts, key=lambda code: distance_m(point, self.postcodes[code]))
        return Location("your location", point, self.district_areas.get(nearest))

    def _at(self, code: str, label: str) -> Location:
        return Location(label, self.postcodes[code], self.district_areas.get(code.split()[0]))


def distance_m(a: Point, b: Point) -> float:
    """Great-circle distance in metres (haversine)."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def walking_minutes(metres: float) -> int:
    """Minutes on foot, allowing for streets not being straight; at least 1."""
    return max(1, round(metres * DETOUR / WALKING_M_PER_MINUTE))


def read_postcodes(path: Path) -> dict[str, Point]:
    """The shipped table of postcode sectors and districts; ValueError names the row."""
    table: dict[str, Point] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                code = row["code"].strip().upper()
                point = Point(float(row["latitude"]), float(row["longitude"]))
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ValueError(f"line {line}: needs code, latitude and longitude") from exc
            if not (49 < point.latitude < 61 and -9 < point.longitude < 2):
                raise ValueError(f"line {line}: {code} is not in the UK")
            if code in table:
                raise ValueError(f"line {line}: {code} is given twice")
            table[code] = point
    return table


def postcode_table(rows: Iterable[tuple[str, float, float]], area: str) -> list[tuple]:
    """District and sector centres (the mean of their postcodes) for one postcode area,
    from (postcode, latitude, longitude) rows: how data/directory/postcodes.csv is made."""
    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for postcode, lat, lon in rows:
        outward, _, inward = postcode.upper().strip().partition(" ")
        if not outward.startswith(area) or not inward or not (49 < lat < 61):
            continue
        groups[outward].append((lat, lon))
        groups[f"{outward} {inward[0]}"].append((lat, lon))

    def order(code: str) -> tuple:
        outward, _, sector = code.partition(" ")
        return int(re.sub(r"\D", "", outward) or 0), sector

    return [(code, round(sum(p[0] for p in points) / len(points), 5),
             round(sum(p[1] for p in points) / len(points), 5), len(points))
            for code, points in sorted(groups.items(), key=lambda item: order(item[0]))]
