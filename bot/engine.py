"""HTTP client for the Rasa engine: the REST channel for conversations, the API for parsing."""

from __future__ import annotations

from typing import Any

import aiohttp


class EngineUnavailable(Exception):
    """The engine did not answer in time, refused the connection or failed."""


class EngineClient:
    """Talks to `rasa run --enable-api` on loopback; one shared aiohttp session."""

    def __init__(self, http: aiohttp.ClientSession, base_url: str, token: str,
                 timeout: float) -> None:
        self._http = http
        self._base = base_url.rstrip("/")
        self._token = token
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    async def send(self, sender: str, text: str, metadata: dict | None = None) -> list[dict]:
        """Send one user message; return the bot's replies as Rasa's REST channel gives them."""
        body = {"sender": sender, "message": text, "metadata": metadata or {}}
        return await self._post("/webhooks/rest/webhook", body)

    async def parse(self, text: str) -> dict[str, Any]:
        """Intent, ranking and entities for `text`, without touching any conversation."""
        return await self._post("/model/parse", {"text": text}, params={"token": self._token})

    async def ready(self) -> bool:
        """True once the engine answers with a model loaded."""
        try:
            status = await self._get("/status", params={"token": self._token})
        except EngineUnavailable:
            return False
        return bool(status.get("model_id"))

    async def _post(self, path: str, body: dict, params: dict | None = None) -> Any:
        return await self._request("POST", path, json=body, params=params)

    async def _get(self, path: str, params: dict | None = None) -> Any:
        return await self._request("GET", path, params=params)

    async def _request(self, method: str, path: str, **kwargs) -> Any:
        try:
            async with self._http.request(method, self._base + path, timeout=self._timeout,
                                          **kwargs) as resp:
                if resp.status != 200:
                    raise EngineUnavailable(f"{method} {path}: HTTP {resp.status}")
                return await resp.json()
        except (TimeoutError, aiohttp.ClientError, ValueError) as exc:
            raise EngineUnavailable(f"{method} {path}: {type(exc).__name__}") from exc
