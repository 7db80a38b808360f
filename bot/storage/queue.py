"""The staff queue: reports filtered as staff ask, most urgent and newest first, with counts.

Every filter is a bound parameter or a fixed column, never text pasted into SQL. Filters on
details (a strand, a place) look inside the report's JSON `details` with each database's
own JSON functions.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from sqlalchemy import Select, exists, func, select, text
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.storage.models import Referral, Report
from bot.storage.reports import normalise_reference

NOBODY = "nobody"  # the assigned-to filter's value for reports no one has taken
QUEUE_LIMIT = 200


@dataclass(frozen=True)
class QueueFilter:
    """What staff filter the queue by; None means any."""

    topic: str | None = None
    language: str | None = None
    strand: str | None = None
    status: str | None = None
    urgent: bool | None = None
    area: str | None = None
    received_from: dt.date | None = None
    received_to: dt.date | None = None
    assigned_to: str | None = None
    referred_to: str | None = None
    reference: str | None = None

    def used(self) -> dict[str, str]:
        """The filters set, as the query string that gives them again (for links and CSV)."""
        return {f.name: _query_value(getattr(self, f.name)) for f in fields(self)
                if getattr(self, f.name) is not None}


def _query_value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


@dataclass(frozen=True)
class Queue:
    reports: list[Report]
    total: int  # matching reports, of which at most QUEUE_LIMIT are listed
    by_status: dict[str, int]


async def queue(sessions: async_sessionmaker, wanted: QueueFilter, topics: list[str] | None,
                limit: int = QUEUE_LIMIT) -> Queue:
    """Matching reports (only `topics`' when given: a caseworker's), urgent and open first,
    then newest; with the total and the count per status."""
    async with sessions() as session:
        dialect = session.bind.dialect.name
        query = _filtered(select(Report), wanted, topics, dialect)
        rows = await session.scalars(query.order_by(
            Report.urgent.desc(), (Report.status == "closed").asc(), Report.created_at.desc())
            .limit(limit))
        counts = await session.execute(
            _filtered(select(Report.status, func.count()), wanted, topics, dialect)
            .group_by(Report.status))
    by_status = dict(counts.all())
    return Queue(list(rows), sum(by_status.values()), by_status)


def _filtered(query: Select, wanted: QueueFilter, topics: list[str] | None, dialect: str) -> Select:
    if topics is not None:
        query = query.where(Report.topic.in_(topics))
    plain = {"topic": Report.topic, "language": Report.language, "status": Report.status,
             "urgent": Report.urgent}
    for name, column in plain.items():
        if getattr(wanted, name) is not None:
            query = query.where(column == getattr(wanted, name))
    if wanted.reference:
        query = query.where(Report.reference.contains(normalise_reference(wanted.reference),
                                                      autoescape=True))
    if wanted.received_from:
        query = query.where(Report.created_at >= midnight(wanted.received_from))
    if wanted.received_to:
        query = query.where(Report.created_at < midnight(wanted.received_to + dt.timedelta(days=1)))
    if wanted.assigned_to:
        who = None if wanted.assigned_to == NOBODY else wanted.assigned_to
        query = query.where(Report.assigned_to.is_(None) if who is None else Report.assigned_to == who)
    if wanted.referred_to:
        query = query.where(exists().where(Referral.report_id == Report.id,
                                           Referral.organisation == wanted.referred_to))
    for name, value in (("hate_strand", wanted.strand), ("place", wanted.area)):
        if value:
            query = query.where(_has_detail(dialect, name, value))
    return query


def midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def _has_detail(dialect: str, name: str, value: str):
    """The report's details list `name` holds `value` (the detail name is ours, fixed)."""
    if dialect == "sqlite":
        return text(f"EXISTS (SELECT 1 FROM json_each(reports.details, '$.{name}') "
                    f"WHERE json_each.value = :{name})").bindparams(**{name: value})
    return text(f"jsonb_exists(CAST(reports.details AS jsonb) -> '{name}', :{name})").bindparams(
        **{name: value})
