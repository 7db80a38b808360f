"""The loopback PostgreSQL and Redis servers that the replicas and the fault tests use."""

from __future__ import annotations

import shutil
import socket
import tempfile
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from bot.localinfra import LocalPostgres, LocalRedis


def answers(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


async def test_postgres_stops_and_starts_again_on_the_same_port_with_its_data(tmp_path):
    """A fault test takes the database away and gives it back: the data must still be there."""
    # Not under tmp_path: another pytest session makes pytest's folder owner-only again, and
    # the postgres user could no longer reach the cluster to stop it.
    server = LocalPostgres(Path(tempfile.mkdtemp(prefix="safer-pg-"))).start()
    try:
        engine = create_async_engine(server.url)
        async with engine.begin() as db:
            await db.execute(sa.text("create table kept (n int)"))
            await db.execute(sa.text("insert into kept values (7)"))
        await engine.dispose()
        server.stop()
        assert not answers(server.port)
        server.start()
        async with engine.connect() as db:
            assert (await db.execute(sa.text("select n from kept"))).scalar() == 7
        await engine.dispose()
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


def test_redis_listens_on_loopback_only_until_stopped(tmp_path):
    server = LocalRedis(tmp_path / "redis").start()
    try:
        assert answers(server.port)
        with socket.create_connection(("127.0.0.1", server.port)) as s:
            s.sendall(b"PING\r\n")
            assert s.recv(16) == b"+PONG\r\n"
    finally:
        server.stop()
    assert not answers(server.port)


async def test_replicas_count_a_sender_together_in_redis_and_alone_while_it_is_away(tmp_path):
    """Two app replicas' windows in one Redis: the limit holds across them; with Redis
    stopped each counts on its own instead of failing."""
    from bot.ratelimit import SharedLimits

    server = LocalRedis(tmp_path / "redis").start()
    first, second = SharedLimits(server.url, limit=4), SharedLimits(server.url, limit=4)
    try:
        verdicts = [await (first if n % 2 else second).over("web:abc", now=100.0 + n / 10)
                    for n in range(5)]
        assert verdicts == [False] * 4 + [True]
        assert not await first.over("web:other", now=100.6)
        assert not await first.over("web:abc", now=111.0)  # the window has moved on
        server.stop()
        alone = [await first.over("web:new", now=200.0 + n / 10) for n in range(5)]
        assert alone == [False] * 4 + [True]
    finally:
        await first.close()
        await second.close()
        server.stop()
