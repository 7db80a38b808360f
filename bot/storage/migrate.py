"""Bring a database to the newest schema with Alembic (used by `make run` and the tests)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.settings import PROJECT_ROOT


def upgrade(url: str) -> None:
    """Run every pending migration on `url`; blocking, so call it outside the event loop."""
    logging.getLogger("alembic").setLevel(logging.WARNING)
    _ensure_sqlite_folder(url)
    from alembic import command
    from alembic.config import Config

    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head")


def _ensure_sqlite_folder(url: str) -> None:
    """SQLite creates its file but not the folder: make it, readable by this user only."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True, mode=0o700)
