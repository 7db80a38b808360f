"""A stand-in for the Rasa engine's HTTP interface, for fast tests of the app's side.

It answers the REST webhook, /model/parse and /status the way Rasa 3.6 does, records what
it was sent, and can be told to fail, so the app's handling of each case can be checked.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

TOKEN = "test-engine-token"
KEYWORD_INTENTS = {"racist": "hate_crime", "knife": "urgent_hate_crime", "noise": "asb"}


class FakeEngine:
    def __init__(self) -> None:
        self.received: list[dict] = []
        self.down = False
        self.silent = False  # answers 200 with no messages, as when the action server is down
        self.slow: dict[str, float] = {}  # message -> seconds to think before answering it
        self.app = web.Application()
        self.app.add_routes([web.post("/webhooks/rest/webhook", self.webhook),
                             web.post("/model/parse", self.parse),
                             web.get("/status", self.status)])

    def _check(self, request: web.Request, needs_token: bool) -> None:
        if self.down:
            raise web.HTTPInternalServerError()
        if needs_token and request.query.get("token") != TOKEN:
            raise web.HTTPUnauthorized()

    async def webhook(self, request: web.Request) -> web.Response:
        self._check(request, needs_token=False)
        body = await request.json()
        self.received.append(body)
        await asyncio.sleep(self.slow.get(body["message"], 0))
        if self.silent:
            return web.json_response([])
        if body["message"] == "/quick_exit":  # as action_signpost answers a quick exit
            return web.json_response([{"recipient_id": body["sender"], "text": "cleared"},
                                      {"recipient_id": body["sender"],
                                       "custom": {"quick_exit": True}}])
        reply = {"recipient_id": body["sender"], "text": f"echo: {body['message']}"}
        if body["message"] == "buttons please":
            reply["buttons"] = [{"title": "Report it here", "payload": "/report_incident"}]
        return web.json_response([reply])

    async def parse(self, request: web.Request) -> web.Response:
        self._check(request, needs_token=True)
        text = (await request.json())["text"]
        intent = next((i for k, i in KEYWORD_INTENTS.items() if k in text), "greet")
        ranking = [{"name": intent, "confidence": 0.9},
                   {"name": "urgent_danger", "confidence": 0.1}]  # a little doubt, as models have
        entities = [{"entity": "hate_strand", "value": "race"}] if "racist" in text else []
        return web.json_response({"text": text, "intent": ranking[0], "intent_ranking": ranking,
                                  "entities": entities})

    async def status(self, request: web.Request) -> web.Response:
        self._check(request, needs_token=True)
        return web.json_response({"model_id": "fake-model", "model_file": "fake.tar.gz"})


def action_server_app() -> web.Application:
    """The action server's /health, as rasa-sdk answers it."""
    async def health(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.add_routes([web.get("/health", health)])
    return app


async def app_client(aiohttp_client, aiohttp_server, engine: FakeEngine, tmp_path,
                     database_url: str, **extra: str):
    """The app in process against this stand-in engine and a stand-in action server, with
    these extra settings (the fixtures' way to start it)."""
    from bot.web.app import create_app
    from tests.conftest import make_settings

    engine_server = await aiohttp_server(engine.app)
    actions_server = await aiohttp_server(action_server_app())
    settings = make_settings(
        tmp_path, ENGINE_URL=str(engine_server.make_url("")), ENGINE_TOKEN=TOKEN,
        ACTION_SERVER_URL=str(actions_server.make_url("/webhook")),
        DATABASE_URL=database_url, ENGINE_TIMEOUT="2", **extra)
    return await aiohttp_client(create_app(settings))
