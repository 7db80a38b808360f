"""Counts for the statistics page, aggregated by the database (GROUP BY), never by loading reports.

Reports are counted by period, in UTC: a month ("2026-11"), a quarter ("2026-Q4"), a year
("2026"), or the partnership's financial quarter ("2025/26 Q1": April to June 2025) and
financial year ("2025/26": April 2025 to March 2026), and by topic or by one detail of a
topic. A report naming two values of a detail (two hate-crime strands) counts once under
each; one naming none counts under NOT_GIVEN, so no report is left out of a table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Integer, String, case, cast, distinct, func, literal_column, select, true
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot import details
from bot.storage.models import Report

PERIODS = ("month", "quarter", "year", "financial_quarter", "financial_year")
NOT_GIVEN = "not_given"
# Periods in a year: a period is numbered year * n + its place in the year ("ordinal"), the
# year starting `_FROM_MONTH` months after January (a financial year starts in April), and
# taking its number from the calendar year it starts in.
_PER_YEAR = {"month": 12, "quarter": 4, "year": 1, "financial_quarter": 4, "financial_year": 1}
_FROM_MONTH = {"financial_quarter": 3, "financial_year": 3}
# Period label -> column (a topic or a detail's value) -> reports.
Counts = dict[str, dict[str, int]]


@dataclass(frozen=True)
class Window:
    """Whole periods from `first` to `last` (ordinals), counted with the period before
    `first` so that the first period shown also has a change."""

    period: str
    first: int
    last: int

    @classmethod
    def covering(cls, period: str, start: dt.date, end: dt.date) -> Window:
        """The whole periods that hold the days from `start` to `end`."""
        return cls(period, ordinal(start, period), ordinal(end, period))

    @classmethod
    def latest(cls, period: str, end: dt.date, count: int) -> Window:
        """`count` periods, the last of them the one holding `end`."""
        last = ordinal(end, period)
        return cls(period, last - count + 1, last)

    def __len__(self) -> int:
        return self.last - self.first + 1

    @property
    def labels(self) -> list[str]:
        """The periods counted, latest first, ending with the one before `first`."""
        return [label(number, self.period) for number in range(self.last, self.first - 2, -1)]

    @property
    def since(self) -> dt.datetime:
        return start(self.first - 1, self.period)

    @property
    def until(self) -> dt.datetime:
        return start(self.last + 1, self.period)

    @property
    def first_day(self) -> dt.date:
        return start(self.first, self.period).date()

    @property
    def last_day(self) -> dt.date:
        return (self.until - dt.timedelta(days=1)).date()


def ordinal(day: dt.date, period: str) -> int:
    months = day.year * 12 + day.month - 1 - _FROM_MONTH.get(period, 0)
    return months * _PER_YEAR[period] // 12


def start(number: int, period: str) -> dt.datetime:
    """The first moment (UTC) of the period numbered `number`."""
    year, month = divmod(number * 12 // _PER_YEAR[period] + _FROM_MONTH.get(period, 0), 12)
    return dt.datetime(year, month + 1, 1, tzinfo=dt.UTC)


def label(number: int, period: str) -> str:
    """The period as the database writes it: "2026-11", "2026-Q4", "2026", "2025/26 Q1" or
    "2025/26"."""
    year, place = divmod(number, _PER_YEAR[period])
    financial = f"{year}/{(year + 1) % 100:02d}"
    return {"month": f"{year}-{place + 1:02d}", "quarter": f"{year}-Q{place + 1}", "year": f"{year}",
            "financial_quarter": f"{financial} Q{place + 1}", "financial_year": financial}[period]


async def by_topic(sessions: async_sessionmaker, window: Window) -> Counts:
    """Reports per period and topic."""
    async with sessions() as session:
        when = _period(session.bind.dialect.name, window.period).label("period")
        rows = await session.execute(
            select(when, Report.topic, func.count()).where(*_within(window))
            .group_by(when, Report.topic))
    return _nested(rows)


async def by_detail(sessions: async_sessionmaker, window: Window, topic: str, detail: str,
                    mapping: dict[str, str] | None = None) -> Counts:
    """Reports on `topic` per period and value of `detail` (or what `mapping` makes of the value):
    a report counts once under each value it names, and under NOT_GIVEN if it names none."""
    async with sessions() as session:
        dialect = session.bind.dialect.name
        when = _period(dialect, window.period).label("period")
        values = _detail_values(dialect, detail)
        value = values.c.value if mapping is None else case(mapping, value=values.c.value)
        column = func.coalesce(value, NOT_GIVEN).label("column")
        rows = await session.execute(
            select(when, column, func.count(distinct(Report.id)))
            .select_from(Report).outerjoin(values, true())
            .where(Report.topic == topic, *_within(window))
            .group_by(when, column))
    return _nested(rows)


async def hate_crime_by_strand(sessions: async_sessionmaker, window: Window) -> Counts:
    return await by_detail(sessions, window, "hate_crime", "hate_strand")


async def asb_by_police_category(sessions: async_sessionmaker, window: Window) -> Counts:
    """Personal, nuisance or environmental, worked out from the kinds reported, so reports
    made before the category was stored are counted too."""
    return await by_detail(sessions, window, "asb", "asb_kind", details.default().asb_police_category)


async def asb_by_kind(sessions: async_sessionmaker, window: Window) -> Counts:
    return await by_detail(sessions, window, "asb", "asb_kind")


async def domestic_abuse_by_kind(sessions: async_sessionmaker, window: Window) -> Counts:
    return await by_detail(sessions, window, "domestic_abuse", "da_kind")


async def spiking_by_method(sessions: async_sessionmaker, window: Window) -> Counts:
    return await by_detail(sessions, window, "spiking", "spiking_method")


@dataclass(frozen=True)
class Cell:
    count: int
    change: int
    # Per cent of the previous count; None when that was 0.
    percent: float | None


@dataclass(frozen=True)
class Row:
    period: str
    cells: list[Cell]


def with_change(counts: Counts, periods: list[str], columns: list[str]) -> list[Row]:
    """A row per period but the last of `periods` (latest first, each followed by the one
    before it), each count with its change from the period before, as a number and a per cent."""
    rows = []
    for period, previous in zip(periods, periods[1:], strict=False):
        now, before = counts.get(period, {}), counts.get(previous, {})
        rows.append(Row(period, [_cell(now.get(column, 0), before.get(column, 0)) for column in columns]))
    return rows


def _cell(count: int, previous: int) -> Cell:
    change = count - previous
    return Cell(count, change, round(100 * change / previous, 1) if previous else None)


def _within(window: Window) -> tuple:
    return Report.created_at >= window.since, Report.created_at < window.until


def _period(dialect: str, period: str):
    """The report's period as `label` writes it (UTC), in each database's own words. A
    financial period is read from the time 3 months earlier (1 April is then 1 January), with
    the two digits of the year after it."""
    if dialect == "sqlite":
        return _sqlite_period(period)
    when = func.timezone("UTC", Report.created_at)
    if period not in _FROM_MONTH:
        formats = {"month": "YYYY-MM", "quarter": 'YYYY-"Q"Q', "year": "YYYY"}
        return func.to_char(when, formats[period])
    shifted = when - literal_column("INTERVAL '3 months'")
    year = func.to_char(shifted, 'YYYY"/"').concat(
        func.to_char(shifted + literal_column("INTERVAL '1 year'"), "YY"))
    return year if period == "financial_year" else year.concat(func.to_char(shifted, '" Q"Q'))


def _sqlite_period(period: str):
    # From the first of the month: SQLite's "-3 months" makes 31 December "1 October".
    shift = ("start of month", "-3 months") if period in _FROM_MONTH else ()

    def strftime(pattern: str, *more: str):
        return func.strftime(pattern, Report.created_at, *shift, *more)

    if period in ("month", "year"):
        return strftime({"month": "%Y-%m", "year": "%Y"}[period])
    month = cast(strftime("%m"), Integer)
    quarter = cast((month + 2) // 3, String)
    if period == "quarter":
        return strftime("%Y-Q").concat(quarter)
    year = strftime("%Y/").concat(func.substr(strftime("%Y", "+1 year"), 3))
    return year if period == "financial_year" else year.concat(" Q").concat(quarter)


def _detail_values(dialect: str, detail: str):
    """The values of one detail of the report, a row each (none when it has no such detail)."""
    if dialect == "sqlite":
        return func.json_each(Report.details, f"$.{detail}").table_valued("value").alias("detail_value")
    listed = cast(Report.details, JSONB).op("->")(detail)  # not [detail]: that needs PostgreSQL 14
    return func.jsonb_array_elements_text(listed).table_valued("value").lateral("detail_value")


def _nested(rows) -> Counts:
    counts: Counts = {}
    for period, column, count in rows:
        counts.setdefault(period, {})[column] = count
    return counts
