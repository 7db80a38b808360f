"""The resident web chat page; it talks to /api/chat from the browser."""

import aiohttp_jinja2
from aiohttp import web

from bot import signposting
from bot.language import RIGHT_TO_LEFT, from_hint, translations
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
    unavailable" text come from the data, like every number. It opens in the browser's
    language when that is one of the bot's, and carries its own words in every language,
    so the language choice (or the resident writing in another language) changes them at
    once, right to left for Arabic and Urdu."""
    words = page_words()
    language = _browser_language(request.headers.get("Accept-Language", ""), words)
    response = aiohttp_jinja2.render_template("chat.html", request, {
        "language": language, "words": words, "said": words[language],
        "notice_seconds": request.app[SETTINGS].web_notice_seconds})
    response.headers.update(PAGE_HEADERS)
    return response


def page_words() -> dict[str, dict[str, str]]:
    """For each language the bot speaks: the page's own words (data/interface.yml, page.*),
    its welcome, emergency notice and "service unavailable", its name and direction."""
    phrasebook, guidance = translations.default(), signposting.default()
    names = translations.language_names()
    return {code: {"name": names[code], "dir": "rtl" if code in RIGHT_TO_LEFT else "ltr",
                   "notice": guidance.text("chat_notice", code),
                   "welcome": guidance.text("web_welcome", code),
                   "unavailable": guidance.text("unavailable", code),
                   **{key.removeprefix("page."): phrasebook.text("interface", key, code)
                      for key in phrasebook.english["interface"] if key.startswith("page.")}}
            for code in names}


def _browser_language(header: str, words: dict) -> str:
    """The first of the browser's languages the bot speaks ("pl-PL,pl;q=0.9,en;q=0.8")."""
    for part in header.split(","):
        code = from_hint(part.split(";")[0].strip())
        if code in words and (code != "en" or part.strip().lower().startswith("en")):
            return code
    return "en"
