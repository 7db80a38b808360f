"""Corrections made in the staff console, written to the directory's own data files.

The data files stay the one source of every signposting fact. A correction is made on a
copy of the folder, the copy is checked as at start-up, and only then is the changed file
moved over the original, so a correction can never leave a broken directory. Comments in
services.yml are kept (ruamel's round trip). See `bot.datafiles`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot import directory
from bot.datafiles import edited_yaml, replace_checked
from bot.directory.safe_places import COLUMNS

SERVICES, SAFE_PLACES = "services.yml", "safe_places.csv"


def mark_verified(folder: Path, kind: str, entry_id: str, day: dt.date) -> None:
    """Record that staff checked the entry against its source on `day`."""
    if kind == "service":
        _apply(folder, SERVICES, lambda text: _service_field(text, entry_id, "last_verified", day))
    elif kind == "safe_place":
        _apply(folder, SAFE_PLACES, lambda text: _place_field(text, entry_id, "last_verified",
                                                              day.isoformat()))
    else:
        raise ValueError(f"unknown kind of entry {kind!r}")


def correct_contact(folder: Path, service_id: str, how: str, value: str, day: dt.date) -> None:
    """Change one of a service's contacts (a kind of `services.CONTACT_KINDS`), checked
    from its source today; an empty value removes it."""
    def change(data) -> None:
        entry = _service(data, service_id)
        contact = entry.setdefault("contact", {})
        if value.strip():  # quoted, so YAML never reads a number like 01865 as an integer
            contact[how] = DoubleQuotedScalarString(value.strip())
        else:
            contact.pop(how, None)
        entry["last_verified"] = day
    _apply(folder, SERVICES, lambda text: edited_yaml(text, change))


def _apply(folder: Path, name: str, change) -> None:
    """Change one file on a checked copy of the whole folder, then move it into place."""
    replace_checked(folder, name, change, directory.load, directory.DirectoryError)


def _service(data, service_id: str):
    if service_id not in data["services"]:
        raise ValueError(f"there is no service {service_id!r}")
    return data["services"][service_id]


def _service_field(text: str, service_id: str, field: str, value: object) -> str:
    def change(data) -> None:
        _service(data, service_id)[field] = value
    return edited_yaml(text, change)


def _place_field(text: str, place_id: str, field: str, value: str) -> str:
    rows = list(csv.DictReader(io.StringIO(text)))
    matching = [row for row in rows if row["id"] == place_id]
    if not matching:
        raise ValueError(f"there is no Safe Place {place_id!r}")
    matching[0][field] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
