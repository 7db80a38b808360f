"""Engine replicas: each conversation sticks to one, and only an unreachable one is skipped."""

from __future__ import annotations

import aiohttp
import pytest

from bot.engine import EngineClient, EngineUnavailable
from bot.runner import free_port
from tests.fake_engine import TOKEN, FakeEngine


@pytest.fixture
async def replicas(aiohttp_server):
    """Two fake engine replicas and a client for them."""
    engines = [FakeEngine(), FakeEngine()]
    servers = [await aiohttp_server(engine.app) for engine in engines]
    async with aiohttp.ClientSession() as http:
        client = EngineClient(http, [str(s.make_url("")) for s in servers], TOKEN, timeout=1)
        yield client, engines, servers


def senders_of(engine: FakeEngine) -> set[str]:
    return {body["sender"] for body in engine.received}


async def test_every_message_of_a_conversation_goes_to_the_same_replica(replicas):
    client, engines, _ = replicas
    for turn in range(3):
        for n in range(20):
            await client.send(f"web-{n}", f"message {turn}")
    first, second = senders_of(engines[0]), senders_of(engines[1])
    assert first and second, "twenty conversations should use both replicas"
    assert not first & second
    assert all(len([b for b in e.received if b["sender"] == s]) == 3
               for e in engines for s in senders_of(e))


async def test_a_stopped_replicas_conversations_move_to_the_other_and_come_back(replicas):
    client, engines, servers = replicas
    sender = next(f"web-{n}" for n in range(50)
                  if client.replicas_for(f"web-{n}")[0] == str(servers[0].make_url("")).rstrip("/"))
    await servers[0].close()
    assert await client.send(sender, "hello") == [{"recipient_id": sender, "text": "echo: hello"}]
    assert senders_of(engines[1]) == {sender}
    assert await client.ready() == (1, 2)


async def test_a_replica_that_was_reached_but_failed_is_not_asked_again_elsewhere(replicas):
    """It may still be handling the message: asking another would answer it twice."""
    client, engines, servers = replicas
    sender = "web-slow"
    own = next(i for i, s in enumerate(servers)
               if client.replicas_for(sender)[0] == str(s.make_url("")).rstrip("/"))
    engines[own].slow["hello"] = 3
    with pytest.raises(EngineUnavailable):
        await client.send(sender, "hello")
    engines[own].down = True
    with pytest.raises(EngineUnavailable):
        await client.send(sender, "hello again")
    assert senders_of(engines[1 - own]) == set()


async def test_with_every_replica_unreachable_the_engine_is_unavailable():
    async with aiohttp.ClientSession() as http:
        client = EngineClient(http, [f"http://127.0.0.1:{free_port()}" for _ in range(2)],
                              TOKEN, timeout=1)
        with pytest.raises(EngineUnavailable):
            await client.send("web-1", "hello")
        assert await client.ready() == (0, 2)
