"""The real system for tests: engine (trained model), action server and app, started
exactly as `make run` starts them, on free loopback ports."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from bot import runner
from bot.runner import MODEL, Services

STARTUP_SECONDS = 300


@contextlib.contextmanager
def running_system(var_dir: Path, **env: str) -> Iterator[Services]:
    """The three processes, ready, with `env` on top of the ports and var/ folder; stopped
    on leaving, whatever happened."""
    assert MODEL.exists(), f"no trained model at {MODEL}: run `make model` (make test does)"
    with runner.running_system(var_dir, STARTUP_SECONDS, **env) as services:
        yield services
