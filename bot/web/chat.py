"""The resident web chat page; it talks to /api/chat from the browser."""

import aiohttp_jinja2
from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/")
async def root(_request: web.Request) -> web.Response:
    raise web.HTTPFound("/chat")


@routes.get("/chat")
@aiohttp_jinja2.template("chat.html")
async def chat_page(_request: web.Request) -> dict:
    return {}
