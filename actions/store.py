"""The action server's settings, database sessions and cipher, made on first use, once per
process."""

from __future__ import annotations

from functools import cache

from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.crypto import DataCipher
from bot.settings import Settings
from bot.storage.db import make_engine, make_sessionmaker


@cache
def settings() -> Settings:
    return Settings.from_env()


@cache
def storage() -> tuple[async_sessionmaker, DataCipher]:
    return (make_sessionmaker(make_engine(settings().database)),
            DataCipher.from_settings(settings()))
