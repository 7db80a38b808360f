"""One async engine and one sessionmaker per process, for SQLite or PostgreSQL."""

from __future__ import annotations

from asyncpg.exceptions import CannotConnectNowError, PostgresConnectionError
from sqlalchemy import event, exc
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine


def make_engine(url: str) -> AsyncEngine:
    """An async engine; SQLite gets WAL and a busy timeout so two processes can share it."""
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 30})
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(url, pool_pre_ping=True)


# What a failed database call raises: SQLAlchemy's errors, and asyncpg's own while
# connecting, which SQLAlchemy does not wrap (a stopped server is a plain
# ConnectionRefusedError). Code that carries on without the database catches these.
DATABASE_ERRORS = (exc.SQLAlchemyError, OSError, CannotConnectNowError, PostgresConnectionError)


def unavailable(error: BaseException) -> bool:
    """Whether `error` is the database being away (stopped, restarting, unreachable, a
    connection cut, SQLite locked) rather than a bug: worth a "try again" and a 503."""
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    # asyncpg raises its own while connecting, unwrapped: a refused connection, "the
    # database system is shutting down / starting up" (57P03), a connection lost (08xxx).
    return isinstance(error, ConnectionError | exc.OperationalError | CannotConnectNowError
                      | PostgresConnectionError)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    # A deleted report is overwritten on disk, not left in free pages of the file.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker:
    return async_sessionmaker(engine, expire_on_commit=False)
