"""The staff console's directory: what the bot signposts, entries due a re-check first, and
for admins, corrections and the Safe Places import, written to the data files themselves
(see `bot.directory.corrections`) and audited."""

from __future__ import annotations

import datetime as dt

import aiohttp_jinja2
from aiohttp import web

from bot import directory
from bot.directory import corrections
from bot.directory.safe_places import replace_safe_places
from bot.directory.services import CONTACT_KINDS
from bot.storage import reports
from bot.web.keys import SESSIONS
from bot.web.staff import CASEWORK, allow, check_csrf, csrf_token

routes = web.RouteTableDef()
KINDS = {"service": "service", "safe_place": "safe place"}  # path word -> stale list's word
DONE = {"imported": "Safe Places imported: the bot uses them from its next message.",
        "verified": "Marked as checked today.", "corrected": "Contact corrected."}


def today() -> dt.date:
    return dt.date.today()


@routes.get("/staff/directory")
@allow(*CASEWORK)
async def directory_page(request: web.Request, user: dict) -> web.Response:
    """The services and Safe Places the bot signposts, entries past their re-check date
    first (the bot keeps using them until they are checked or corrected)."""
    loaded = directory.default()
    stale = {(kind, entry_id) for kind, entry_id, _ in loaded.stale(today())}
    return aiohttp_jinja2.render_template("staff/directory.html", request, {
        "user": user, "csrf": await csrf_token(request), "contact_kinds": CONTACT_KINDS,
        "services": sorted(loaded.services.values(),
                           key=lambda s: (("service", s.id) not in stale, s.name)),
        "places": sorted(loaded.safe_places,
                         key=lambda p: (("safe place", p.id) not in stale, p.name)),
        "stale": stale, "count": len(stale), "done": DONE.get(request.query.get("done", ""))})


@routes.post("/staff/directory/safe-places")
@allow("admin")
async def safe_places_imported(request: web.Request, user: dict) -> web.Response:
    """The partnership's Safe Places CSV, replacing the list only if every row is right."""
    form = await check_csrf(request)
    upload = form.get("file")
    if not hasattr(upload, "file"):
        raise web.HTTPBadRequest(text="Choose the Safe Places CSV file to import.")
    try:
        count = replace_safe_places(upload.file.read().decode("utf-8-sig"),
                                    directory.DIRECTORY_DIR / corrections.SAFE_PLACES,
                                    directory.default().gazetteer)
    except (UnicodeDecodeError, ValueError) as exc:
        raise web.HTTPBadRequest(text=f"Nothing was changed. {exc}") from None
    await reports.audit(request.app[SESSIONS], user["username"], "safe_places_imported", None,
                        {"count": count})
    raise web.HTTPFound("/staff/directory?done=imported")


@routes.post("/staff/directory/{kind}/{entry_id}/verified")
@allow("admin")
async def entry_verified(request: web.Request, user: dict) -> web.Response:
    """Staff checked the entry against its source today."""
    await check_csrf(request)
    kind, entry_id = request.match_info["kind"], request.match_info["entry_id"]
    if kind not in KINDS:
        raise web.HTTPNotFound(text="No such kind of directory entry.")
    await _correct(lambda: corrections.mark_verified(directory.DIRECTORY_DIR, kind, entry_id,
                                                     today()))
    await reports.audit(request.app[SESSIONS], user["username"], "directory_verified", None,
                        {"kind": kind, "entry": entry_id})
    raise web.HTTPFound("/staff/directory?done=verified")


@routes.post("/staff/directory/service/{entry_id}/contact")
@allow("admin")
async def contact_corrected(request: web.Request, user: dict) -> web.Response:
    """One contact of a service, as its source gives it today (empty: removed)."""
    form = await check_csrf(request)
    how, entry_id = str(form.get("how", "")), request.match_info["entry_id"]
    if how not in CONTACT_KINDS:
        raise web.HTTPBadRequest(text=f"Choose one of {', '.join(CONTACT_KINDS)}.")
    value = str(form.get("value", ""))[:300]
    await _correct(lambda: corrections.correct_contact(directory.DIRECTORY_DIR, entry_id, how,
                                                       value, today()))
    await reports.audit(request.app[SESSIONS], user["username"], "directory_corrected", None,
                        {"kind": "service", "entry": entry_id, "contact": how})
    raise web.HTTPFound("/staff/directory?done=corrected")


async def _correct(change) -> None:
    """Apply a correction; one the directory's checks refuse changes nothing and is a 400."""
    try:
        change()
    except (ValueError, directory.DirectoryError) as exc:
        raise web.HTTPBadRequest(text=f"Nothing was changed. {exc}") from None
