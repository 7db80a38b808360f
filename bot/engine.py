"""HTTP client for the Rasa engine: the REST channel for conversations, the API for parsing.

With several engine replicas (ENGINE_URL lists them), each conversation goes to the one its
sender's hash picks, so one replica handles it at a time and the Redis lock store only has
to guard the moment a replica fails: a replica that refuses the connection (stopped,
crashed, restarting) is skipped for the next in the ring. A replica that was reached but did
not answer in time is not tried again elsewhere, because it may still be handling the
message and the resident must not be answered twice.
"""

from __future__ import annotations

import hashlib
import itertools
from typing import Any

import aiohttp


class EngineUnavailable(Exception):
    """The engine did not answer in time, refused the connection or failed."""


class EngineUnreachable(EngineUnavailable):
    """The request never reached an engine (connection refused): safe to send elsewhere."""


class EngineClient:
    """Talks to `rasa run --enable-api` replicas on loopback; one shared aiohttp session."""

    def __init__(self, http: aiohttp.ClientSession, base_urls: list[str], token: str,
                 timeout: float) -> None:
        self._http = http
        self._bases = [url.rstrip("/") for url in base_urls]
        self._token = token
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._turns = itertools.count()

    def replicas_for(self, sender: str) -> list[str]:
        """The replicas in the order this conversation tries them: its own one first."""
        start = int.from_bytes(hashlib.sha256(sender.encode()).digest()[:8], "big")
        start %= len(self._bases)
        return self._bases[start:] + self._bases[:start]

    async def send(self, sender: str, text: str, metadata: dict | None = None) -> list[dict]:
        """Send one user message; return the bot's replies as Rasa's REST channel gives them."""
        body = {"sender": sender, "message": text, "metadata": metadata or {}}
        return await self._first_reachable(self.replicas_for(sender), "POST",
                                           "/webhooks/rest/webhook", json=body)

    async def parse(self, text: str) -> dict[str, Any]:
        """Intent, ranking and entities for `text`, without touching any conversation (any
        replica will do: they take turns)."""
        start = next(self._turns) % len(self._bases)
        order = self._bases[start:] + self._bases[:start]
        return await self._first_reachable(order, "POST", "/model/parse", json={"text": text},
                                           params={"token": self._token})

    async def ready(self) -> tuple[int, int]:
        """(replicas answering with a model loaded, replicas)."""
        count = 0
        for base in self._bases:
            try:
                status = await self._request(base, "GET", "/status", params={"token": self._token})
            except EngineUnavailable:
                continue
            count += bool(status.get("model_id"))
        return count, len(self._bases)

    async def _first_reachable(self, bases: list[str], method: str, path: str, **kwargs) -> Any:
        for base in bases:
            try:
                return await self._request(base, method, path, **kwargs)
            except EngineUnreachable as exc:
                unreachable = exc
        raise unreachable

    async def _request(self, base: str, method: str, path: str, **kwargs) -> Any:
        try:
            async with self._http.request(method, base + path, timeout=self._timeout,
                                          **kwargs) as resp:
                if resp.status != 200:
                    raise EngineUnavailable(f"{method} {path}: HTTP {resp.status}")
                return await resp.json()
        except aiohttp.ClientConnectorError as exc:
            raise EngineUnreachable(f"{method} {path}: {type(exc).__name__}") from exc
        except (TimeoutError, aiohttp.ClientError, ValueError) as exc:
            raise EngineUnavailable(f"{method} {path}: {type(exc).__name__}") from exc
