"""Shared fixtures: settings in a temporary folder, SQLite and a real PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest

from bot.crypto import DataCipher, master_key
from bot.settings import Settings
from bot.storage.db import make_engine, make_sessionmaker
from bot.storage.migrate import upgrade
from tests.postgres import postgres_server


def make_settings(tmp_path, **env) -> Settings:
    """Settings as the environment would give them, with var/ in a temporary folder."""
    return Settings.from_env({"SAFER_VAR_DIR": str(tmp_path / "var"), **env})


@pytest.fixture
def settings(tmp_path) -> Settings:
    return make_settings(tmp_path)


@pytest.fixture
def cipher(settings) -> DataCipher:
    return DataCipher(master_key(settings))


@pytest.fixture(scope="session")
def postgres_url():
    with postgres_server() as url:
        upgrade(url)
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """Each storage test runs on both databases the project supports."""
    if request.param == "postgresql":
        return request.getfixturevalue("postgres_url")
    url = f"sqlite+aiosqlite:///{tmp_path / 'app.db'}"
    upgrade(url)
    return url


@pytest.fixture
async def sessions(database_url):
    engine = make_engine(database_url)
    yield make_sessionmaker(engine)
    await engine.dispose()


@pytest.fixture
def sqlite_sessions_url(tmp_path) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'app.db'}"
    upgrade(url)
    return url


def run(coro):
    """Run a coroutine from a synchronous test."""
    return asyncio.run(coro)
