"""Sliding-window message limits, per chat (Telegram) and per sender (web), so one client
sending faster than a person types can't crowd out everyone else's replies.

With REDIS_URL set, the windows live in Redis, so a sender whose messages the load balancer
spreads over several app replicas is counted once; if Redis fails, each app counts on its
own until it is back, rather than refusing or letting everyone through.
"""

from __future__ import annotations

import logging
import time
import uuid

import redis.asyncio as aioredis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

WINDOW_SECONDS = 10.0
# Per window, per chat or sender: more than anyone types, and than a quick hand presses
# buttons through a report (about one a second).
MAX_MESSAGES = 20


class Limits:
    """Windows for many keys in this process, forgetting idle ones once there are many."""

    def __init__(self, limit: int = MAX_MESSAGES, window: float = WINDOW_SECONDS,
                 max_keys: int = 10_000):
        self.limit, self.window, self.max_keys = limit, window, max_keys
        self._times: dict[str, list[float]] = {}

    async def over(self, key: str, now: float | None = None) -> bool:
        """Count a message of `key`; True when it is one too many."""
        return self.count(key, time.monotonic() if now is None else now)

    async def close(self) -> None:
        """Nothing to release here; the shared windows close their Redis connections."""

    def count(self, key: str, now: float) -> bool:
        if len(self._times) >= self.max_keys:
            self._times = {k: t for k, t in self._times.items() if now - t[-1] < self.window}
        times = [t for t in self._times.get(key, []) if now - t < self.window]
        times.append(now)
        self._times[key] = times[-(self.limit + 1):]
        return len(times) > self.limit


class SharedLimits(Limits):
    """The same windows in Redis (a sorted set of message times per key), shared by every
    app replica; this process's own windows stand in while Redis is unavailable."""

    def __init__(self, url: str, limit: int = MAX_MESSAGES, window: float = WINDOW_SECONDS):
        super().__init__(limit, window)
        self._redis = aioredis.from_url(url, socket_timeout=1, socket_connect_timeout=1)
        self._failing = False

    async def over(self, key: str, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        name = f"safer:limit:{key}"
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.zremrangebyscore(name, 0, now - self.window)
                pipe.zadd(name, {f"{now}:{uuid.uuid4().hex[:8]}": now})
                pipe.zcard(name)
                pipe.expire(name, int(self.window) + 1)
                _, _, count, _ = await pipe.execute()
        except (RedisError, OSError) as exc:
            if not self._failing:
                log.warning("rate limits counted per app while Redis is unavailable: %s",
                            type(exc).__name__)
            self._failing = True
            return self.count(key, now)
        self._failing = False
        return count > self.limit

    async def close(self) -> None:
        await self._redis.aclose()


def make_limits(redis_url: str, limit: int = MAX_MESSAGES) -> Limits:
    """Shared windows when Redis is configured, else this process's own."""
    return SharedLimits(redis_url, limit) if redis_url else Limits(limit)
