"""The resident web chat page; it talks to /api/chat from the browser."""

import aiohttp_jinja2
from aiohttp import web

from bot import signposting

routes = web.RouteTableDef()


@routes.get("/")
async def root(_request: web.Request) -> web.Response:
    raise web.HTTPFound("/chat")


@routes.get("/chat")
@aiohttp_jinja2.template("chat.html")
async def chat_page(_request: web.Request) -> dict:
    """The page; its emergency notice comes from the data, like every number."""
    return {"notice": signposting.default().text("chat_notice")}
