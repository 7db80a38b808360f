"""The project's data files: reading them (signposting, incident details), reading them again
when they change, and changing them from the staff console without breaking them (the
directory's corrections, routing).

A console change is made on a scratch copy, which must pass the same checks as at start-up,
and only then renamed over the original, so a change can never leave a broken file. YAML is
changed through ruamel's round trip, so comments, quotes and layout stay and the diff shows
only what changed.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from ruamel.yaml import YAML

log = logging.getLogger(__name__)
T = TypeVar("T")


def read_yaml(path: Path, error: type[ValueError]) -> object:
    """The file's data; an unreadable or malformed file raises `error` naming it."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"{path}: cannot read: {exc}") from exc


_loaded: dict[tuple[str, tuple[Path, ...]], tuple[tuple, Any]] = {}


def reloaded(what: str, paths: tuple[Path, ...], load: Callable[[], T],
             error: type[Exception]) -> T:
    """What `load()` makes of `paths`, read again when one of them changes, so a change made
    in the console reaches every process (the app and the action server) without a restart.
    A changed file that `load` refuses (raising `error`) is logged and what was in use stays,
    so a bad hand edit never breaks conversations under way; at first, it is raised."""
    stamp = tuple(_stamp(path) for path in paths)
    key = (what, paths)
    known = _loaded.get(key)
    if known is None or known[0] != stamp:
        try:
            _loaded[key] = (stamp, load())
        except error as exc:
            if known is None:
                raise
            log.error("%s not reloaded, the one in use stays: %s", what, exc)
            _loaded[key] = (stamp, known[1])
    return _loaded[key][1]


def _stamp(path: Path) -> tuple[int, int, int]:
    """When, how large and which file: a file renamed into place is a new file even within
    the clock's resolution."""
    try:
        found = path.stat()
    except OSError:
        return 0, 0, 0
    return found.st_mtime_ns, found.st_size, found.st_ino


def edited_yaml(text: str, edit: Callable[[Any], None]) -> str:
    """`text` after `edit` changed its data in place, comments, quotes and layout kept (block
    lists indented under their key, as the data files write them)."""
    round_trip = YAML()
    round_trip.preserve_quotes = True
    round_trip.width = 4096  # never re-wrap a long line: the diff shows only what changed
    round_trip.indent(mapping=2, sequence=4, offset=2)
    data = round_trip.load(text)
    edit(data)
    out = io.StringIO()
    round_trip.dump(data, out)
    return out.getvalue()


def replace_checked(folder: Path, name: str, change: Callable[[str], str], check: Callable[[Path], object],
                    error: type[Exception], read_with: Iterable[str] | None = None) -> None:
    """Change the file `name` of `folder` (`change` gets its text and returns the new text) on
    a scratch copy of the folder, or of the file and the files `read_with` it, which
    `check(copy of the folder)` must accept, then rename it over the original. A change the
    check refuses (raising `error`) changes nothing; the message names files as in `folder`."""
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / folder.name
        if read_with is None:
            shutil.copytree(folder, copy)
        else:
            copy.mkdir()
            for other in (name, *read_with):
                shutil.copy2(folder / other, copy / other)
        changed = change((copy / name).read_text(encoding="utf-8"))
        (copy / name).write_text(changed, encoding="utf-8")
        try:
            check(copy)
        except error as exc:  # named by file, not by the scratch folder
            raise error(str(exc).replace(f"{copy}/", "")) from None
        staged = folder / f"{name}.new"
        staged.write_text(changed, encoding="utf-8")
        os.replace(staged, folder / name)
