"""The real system for tests: engine (trained model), action server and app, started
exactly as `make run` starts them, on free loopback ports."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from bot.runner import MODEL, Services, child_environment, free_port
from bot.settings import Settings
from bot.storage.migrate import upgrade

STARTUP_SECONDS = 300


@contextlib.contextmanager
def running_system(var_dir: Path, **env: str) -> Iterator[Services]:
    """The three processes, ready, with `env` on top of the ports and var/ folder; stopped
    on leaving, whatever happened."""
    assert MODEL.exists(), f"no trained model at {MODEL}: run `make model` (make test does)"
    settings = Settings.from_env({
        "SAFER_VAR_DIR": str(var_dir),
        "APP_PORT": str(free_port()),
        "ENGINE_URL": f"http://127.0.0.1:{free_port()}",
        "ACTION_SERVER_URL": f"http://127.0.0.1:{free_port()}/webhook",
        **env,
    })
    upgrade(settings.database)
    services = Services(settings, child_environment(settings))
    services.start()
    try:
        services.wait_ready(STARTUP_SECONDS)
        yield services
    finally:
        services.stop()
