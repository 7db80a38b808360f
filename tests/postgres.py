"""A throwaway PostgreSQL server for the tests, from the machine's PostgreSQL binaries.

TEST_POSTGRES_URL (an asyncpg URL to an existing server) is used instead when set.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from bot.localinfra import LocalPostgres


@contextmanager
def postgres_server():
    """Yield the asyncpg URL of a fresh server on loopback; stop and delete it afterwards."""
    if os.environ.get("TEST_POSTGRES_URL"):
        yield os.environ["TEST_POSTGRES_URL"]
        return
    server = LocalPostgres(Path(tempfile.mkdtemp(prefix="safer-pg-"))).start()
    try:
        yield server.url
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)
