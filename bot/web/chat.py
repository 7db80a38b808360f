"""The resident web chat page; it talks to /api/chat from the browser."""

import aiohttp_jinja2
from aiohttp import web

from bot import signposting
from bot.web.keys import SETTINGS

routes = web.RouteTableDef()

# No copy of a conversation in the browser's disk cache (the page and the API's answers).
NO_STORE = {"Cache-Control": "no-store"}
# The page runs only its own script and style and talks only to its own origin, so nothing
# a third party serves can read the conversation; links out carry no referrer.
PAGE_HEADERS = {
    **NO_STORE,
    "Content-Security-Policy": "; ".join([
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'",
        "img-src 'self'", "font-src 'self'", "base-uri 'none'", "form-action 'none'",
        "frame-ancestors 'none'"]),
    "Referrer-Policy": "no-referrer",
}


@routes.get("/")
async def root(_request: web.Request) -> web.Response:
    raise web.HTTPFound("/chat")


@routes.get("/chat")
async def chat_page(request: web.Request) -> web.Response:
    """The page: a welcome that says what the bot can do; its emergency notice and "service
    unavailable" text come from the data, like every number."""
    texts = signposting.default()
    response = aiohttp_jinja2.render_template("chat.html", request, {
        "notice": texts.text("chat_notice"), "welcome": texts.text("web_welcome"),
        "unavailable": texts.text("unavailable"),
        "notice_seconds": request.app[SETTINGS].web_notice_seconds})
    response.headers.update(PAGE_HEADERS)
    return response
