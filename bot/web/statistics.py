"""The staff console's statistics: counts only, never report content, for every role."""

from __future__ import annotations

import datetime as dt

import aiohttp_jinja2
from aiohttp import web

from bot.storage import statistics
from bot.topics import TOPICS
from bot.web.keys import SESSIONS
from bot.web.staff import EVERYONE, allow, csrf_token

routes = web.RouteTableDef()


@routes.get("/staff/statistics")
@allow(*EVERYONE)
async def statistics_page(request: web.Request, user: dict) -> web.Response:
    """Reports made in the last 12 months, by month and topic (counts only, no content)."""
    since = (dt.datetime.now(dt.UTC) - dt.timedelta(days=365)).replace(day=1, hour=0, minute=0,
                                                                        second=0, microsecond=0)
    counts = await statistics.reports_by_month(request.app[SESSIONS], since)
    return aiohttp_jinja2.render_template("staff/statistics.html", request, {
        "user": user, "csrf": await csrf_token(request), "topics": TOPICS,
        "months": sorted(counts, reverse=True), "counts": counts})
