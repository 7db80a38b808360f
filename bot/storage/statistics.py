"""Counts for the statistics page, aggregated by the database (never by loading reports)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.storage.models import Report


async def reports_by_month(sessions: async_sessionmaker, since: dt.datetime) -> dict[str, dict[str, int]]:
    """{"2026-11": {"asb": 4, "hate_crime": 2, ...}, ...} for reports made since `since`."""
    async with sessions() as session:
        month = _month(session.bind.dialect.name)
        rows = await session.execute(
            select(month, Report.topic, func.count()).where(Report.created_at >= since)
            .group_by(month, Report.topic))
    counts: dict[str, dict[str, int]] = {}
    for when, topic, count in rows:
        counts.setdefault(when, {})[topic] = count
    return counts


def _month(dialect: str):
    """The report's month as "YYYY-MM" (UTC), in each database's own words."""
    if dialect == "sqlite":
        return func.strftime("%Y-%m", Report.created_at)
    return func.to_char(func.timezone("UTC", Report.created_at), "YYYY-MM")
