"""Reading the project's YAML data files (signposting, incident details)."""

from __future__ import annotations

from pathlib import Path

import yaml


def read_yaml(path: Path, error: type[ValueError]) -> object:
    """The file's data; an unreadable or malformed file raises `error` naming it."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"{path}: cannot read: {exc}") from exc
