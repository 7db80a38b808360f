"""A fake Telegram Bot API server, so the real python-telegram-bot code runs in tests.

PTB reaches it through `base_url` (TELEGRAM_API_URL). It serves getMe and getUpdates
(long polling over a queue of injected updates), records every method the bot calls with
its parameters, and answers them as Telegram would. It runs in its own thread and event
loop, so both the in-process tests and a separately started app can use it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time

from aiohttp import web

from bot.runner import free_port

BOT_TOKEN = "123456:TEST-TOKEN"
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Safer Oxford",
            "username": "safer_oxford_test_bot"}


class FakeTelegram:
    def __init__(self, wake_on_update: bool = False) -> None:
        """`wake_on_update`: a waiting getUpdates returns as soon as an update is pushed
        instead of at its next 50 ms poll (the benchmark times replies with it)."""
        self.calls: list[tuple[str, dict]] = []
        self.pushed: list[dict] = []  # every update a test injected, in order
        self.refused: list[tuple[str, dict]] = []  # calls answered "retry after"
        self._refuse: dict[str, tuple[int, int]] = {}  # method -> (calls to refuse, error code)
        self._updates: list[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._lock = threading.Lock()
        self._sent: dict[str, list[tuple[float, dict]]] = {}  # chat -> (monotonic, sendMessage)
        self._wake_on_update = wake_on_update
        self._arrived: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # ---- driving it from a test -------------------------------------------------------

    def send_text(self, chat_id: int, text: str) -> None:
        """A resident types `text` in a private chat ("/start" is marked as a command, as
        Telegram does)."""
        command = text.split()[0] if text.startswith("/") else ""
        entities = [{"type": "bot_command", "offset": 0, "length": len(command)}] if command else []
        self.send_message(chat_id, text=text, **({"entities": entities} if entities else {}))

    def send_message(self, chat_id: int, language_code: str | None = None, **content) -> None:
        """A resident sends a message of any kind: `voice={...}`, `sticker={...}`... from a
        Telegram app set to `language_code`, if given."""
        sender = {"id": chat_id, "is_bot": False, "first_name": "R",
                  **({"language_code": language_code} if language_code else {})}
        self._push({"message": {"message_id": next(self._message_ids), "date": int(time.time()),
                                "chat": {"id": chat_id, "type": "private"}, "from": sender,
                                **content}})

    def edit_text(self, chat_id: int, text: str, message_id: int = 1) -> None:
        """A resident edits a message they sent earlier."""
        self._push({"edited_message": {"message_id": message_id, "date": int(time.time()),
                                       "edit_date": int(time.time()),
                                       "chat": {"id": chat_id, "type": "private"},
                                       "from": {"id": chat_id, "is_bot": False, "first_name": "R"},
                                       "text": text}})

    def send_location(self, chat_id: int, latitude: float, longitude: float) -> None:
        """A resident shares a location (the paperclip, then Location)."""
        self._push({"message": {"message_id": next(self._message_ids), "date": int(time.time()),
                                "chat": {"id": chat_id, "type": "private"},
                                "from": {"id": chat_id, "is_bot": False, "first_name": "R"},
                                "location": {"latitude": latitude, "longitude": longitude}}})

    def press_button(self, chat_id: int, data: str, message_id: int = 1) -> None:
        """A resident presses an inline keyboard button carrying `data`."""
        message = {"message_id": message_id, "date": int(time.time()),
                   "chat": {"id": chat_id, "type": "private"}, "text": "..."}
        self._push({"callback_query": {"id": str(next(self._update_ids)), "data": data,
                                       "chat_instance": "ci", "message": message,
                                       "from": {"id": chat_id, "is_bot": False,
                                                "first_name": "R"}}})

    def refuse_next(self, method: str, times: int = 1, error_code: int = 429) -> None:
        """Refuse the next calls of `method` as Telegram does: 429 "retry after 1" when a
        bot sends too fast, or another error code (400: a bad request)."""
        with self._lock:
            self._refuse[method] = (times, error_code)

    def reset(self) -> None:
        """Forget the calls and queued updates so far, for a fresh system under test."""
        with self._lock:
            self.calls.clear()
            self.pushed.clear()
            self.refused.clear()
            self._refuse.clear()
            self._updates.clear()
            self._sent.clear()

    def sent_to(self, chat_id: int, start: int = 0) -> list[tuple[float, dict]]:
        """The bot's sendMessage calls to one chat from the `start`-th on, each with the
        time.monotonic() it arrived: cheap to poll from a benchmark's event loop."""
        with self._lock:
            return list(self._sent.get(str(chat_id), [])[start:])

    def calls_to(self, method: str, chat_id: int | None = None) -> list[dict]:
        with self._lock:
            return [p for m, p in self.calls
                    if m == method and (chat_id is None or str(p.get("chat_id")) == str(chat_id))]

    def wait_for(self, predicate, timeout: float = 30.0):
        """Poll until predicate() is truthy; return its value or fail with the calls seen."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.05)
        raise AssertionError(f"timed out; calls so far: {self.calls}")

    def _push(self, update: dict) -> None:
        with self._lock:
            self._updates.append({"update_id": next(self._update_ids), **update})
            self.pushed.append(update)
        if self._wake_on_update and self._loop and self._arrived:
            self._loop.call_soon_threadsafe(self._arrived.set)

    def incoming_ids(self, chat_id: int) -> set[int]:
        """The ids of the messages the resident sent in the chat."""
        with self._lock:
            return {u["message"]["message_id"] for u in self.pushed
                    if u.get("message", {}).get("chat", {}).get("id") == chat_id}

    # ---- the server -------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        token, method = request.match_info["token"], request.match_info["method"]
        if token != BOT_TOKEN:
            return web.json_response({"ok": False, "error_code": 401,
                                      "description": "Unauthorized"}, status=401)
        params = await self._params(request)
        if method == "getUpdates":
            return web.json_response({"ok": True, "result": await self._get_updates(params)})
        refusal = self._take_refusal(method, params)
        if refusal:
            return web.json_response(refusal, status=refusal["error_code"])
        result = self._result(method, params)
        if isinstance(result, dict) and "message_id" in result:
            params["sent_message_id"] = result["message_id"]  # what the bot was told back
        with self._lock:
            self.calls.append((method, params))
            if method == "sendMessage":
                self._sent.setdefault(str(params.get("chat_id")), []).append(
                    (time.monotonic(), params))
        return web.json_response({"ok": True, "result": result})

    def _take_refusal(self, method: str, params: dict) -> dict | None:
        """The error body if this call is to be refused."""
        with self._lock:
            times, code = self._refuse.get(method, (0, 0))
            if times <= 0:
                return None
            self._refuse[method] = (times - 1, code)
            self.refused.append((method, params))
        if code == 429:
            return {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1}}
        return {"ok": False, "error_code": code, "description": "Bad Request: refused by the test"}

    @staticmethod
    async def _params(request: web.Request) -> dict:
        if request.content_type == "application/json":
            return await request.json()
        form = await request.post()
        params = {}
        for key, value in form.items():
            try:
                params[key] = json.loads(value)
            except (TypeError, ValueError):
                params[key] = value
        return params

    async def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 1.0)
        while True:
            if self._arrived:
                self._arrived.clear()  # before looking, so a push from now on wakes us
            with self._lock:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
                ready = list(self._updates)
            if ready or time.monotonic() >= deadline:
                return ready
            if self._wake_on_update and self._arrived:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._arrived.wait(), 0.05)
            else:
                await asyncio.sleep(0.05)

    def _result(self, method: str, params: dict):
        if method == "getMe":
            return BOT_USER
        if method == "sendMessage":
            return {"message_id": next(self._message_ids), "date": int(time.time()),
                    "chat": {"id": int(params["chat_id"]), "type": "private"},
                    "from": BOT_USER, "text": params.get("text", "")}
        if method == "editMessageReplyMarkup":
            return {"message_id": int(params.get("message_id", 1)), "date": int(time.time()),
                    "chat": {"id": int(params["chat_id"]), "type": "private"}, "text": "..."}
        return True

    # ---- lifecycle --------------------------------------------------------------------

    def start(self) -> FakeTelegram:
        ready = threading.Event()
        threading.Thread(target=self._serve, args=(ready,), daemon=True).start()
        if not ready.wait(10):
            raise RuntimeError("fake Telegram server did not start")
        return self

    def _serve(self, ready: threading.Event) -> None:
        self._loop = asyncio.new_event_loop()
        self._arrived = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        self._loop.run_until_complete(self._runner.setup())
        self.port = free_port()
        self._loop.run_until_complete(web.TCPSite(self._runner, "127.0.0.1", self.port).start())
        ready.set()
        self._loop.run_forever()

    def stop(self) -> None:
        if self._loop and self._runner:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
            self._loop.call_soon_threadsafe(self._loop.stop)
