"""The action server's database sessions and cipher, made on first use, once per process."""

from __future__ import annotations

from functools import cache

from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.crypto import DataCipher
from bot.settings import Settings
from bot.storage.db import make_engine, make_sessionmaker


@cache
def storage() -> tuple[async_sessionmaker, DataCipher]:
    settings = Settings.from_env()
    return make_sessionmaker(make_engine(settings.database)), DataCipher.from_settings(settings)
