"""The staff console's statistics: counts only, never report content, for every role.

The tables follow the partnership's published ones (hate-crime victims by strand, police ASB
incidents by category) so the bot's figures can sit beside them: by month, quarter or year,
or by the partnership's financial quarter or year (April to March), latest first, each count
with its change from the period before, a chart drawn here as SVG (no script, no style
attribute) and a CSV download of each table.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlencode

import aiohttp_jinja2
from aiohttp import web
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot import details
from bot.storage import statistics
from bot.storage.statistics import NOT_GIVEN, Cell, Counts, Row, Window
from bot.topics import TOPIC_NAMES
from bot.web.csvfile import csv_response
from bot.web.keys import SESSIONS
from bot.web.staff import EVERYONE, allow, csrf_token, query_date

routes = web.RouteTableDef()
DEFAULT_PERIODS = {"month": 12, "quarter": 8, "year": 5, "financial_quarter": 8, "financial_year": 5}
PERIOD_NAMES = {"month": "month", "quarter": "quarter", "year": "year",
                "financial_quarter": "financial quarter", "financial_year": "financial year"}
MAX_PERIODS = 120
TOTAL = "total"
MULTI_COUNT = ("A report naming two {} is counted once under each, so the columns can add up to "
               "more than the total of reports.")
# Okabe and Ito's colours, told apart with colour-blindness too, then more; the total is black.
COLOURS = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442",
           "#7f7f7f", "#8c564b", "#17becf", "#bcbd22", "#9467bd")


@dataclass(frozen=True)
class Table:
    """One published table: which reports it counts, and its columns' headings."""

    name: str
    title: str
    count: Callable[[async_sessionmaker, Window], Awaitable[Counts]]
    topic: str | None = None  # None: every topic, one column each
    entity: str | None = None  # the detail whose labels head the columns, unless `labels` does
    labels: dict[str, str] | None = None
    note: str = ""

    def headings(self) -> dict[str, str]:
        """Column -> heading; a topic's table ends with the reports that name no value."""
        if self.topic is None:
            return dict(self.labels)
        known = self.labels or details.default().entities[self.entity].values
        return {**known, NOT_GIVEN: "Not given"}


TABLES = {table.name: table for table in (
    Table("topics", "Reports by topic", statistics.by_topic, labels=TOPIC_NAMES),
    Table("hate_crime", "Hate crime reports by strand", statistics.hate_crime_by_strand, "hate_crime",
          labels={"race": "Race", "religion": "Faith", "disability": "Disability",
                  "sexual_orientation": "Sexual orientation", "transgender": "Transgender"},
          note=MULTI_COUNT.format("strands")),
    Table("asb_category", "Anti-social behaviour reports by police category",
          statistics.asb_by_police_category, "asb",
          labels={"personal": "Personal", "nuisance": "Nuisance", "environmental": "Environmental"},
          note="The category comes from the kinds of behaviour reported; police tables call "
               "nuisance \u201cCommunity\u201d. " + MULTI_COUNT.format("kinds in different categories")),
    Table("asb_kind", "Anti-social behaviour reports by kind", statistics.asb_by_kind, "asb", "asb_kind",
          note=MULTI_COUNT.format("kinds")),
    Table("domestic_abuse", "Domestic abuse reports by kind of abuse", statistics.domestic_abuse_by_kind,
          "domestic_abuse", "da_kind", note=MULTI_COUNT.format("kinds")),
    Table("spiking", "Spiking reports by method", statistics.spiking_by_method, "spiking",
          "spiking_method", note=MULTI_COUNT.format("methods")),
)}


@dataclass(frozen=True)
class Shown:
    """A table as counted for one window: headings and rows (latest first)."""

    table: Table
    headings: list[str]
    rows: list[Row]


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


@routes.get("/staff/statistics")
@allow(*EVERYONE)
async def statistics_page(request: web.Request, user: dict) -> web.Response:
    """Every table for the chosen periods, with its chart and a link to its CSV."""
    window = chosen_window(request.query)
    shown = await count_tables(request.app[SESSIONS], window, list(TABLES.values()))
    return aiohttp_jinja2.render_template("staff/statistics.html", request, {
        "user": user, "csrf": await csrf_token(request), "window": window, "periods": PERIOD_NAMES,
        "financial": window.period.startswith("financial"),
        "tables": [(table, chart(table)) for table in shown], "change": change_text,
        "query": urlencode({"period": window.period, "from": window.first_day, "to": window.last_day})})


def _csv_route(name: str):
    @allow(*EVERYONE)
    async def download(request: web.Request, _user: dict) -> web.Response:
        """The table as CSV, counts only; the same periods as the page with this query."""
        window = chosen_window(request.query)
        [shown] = await count_tables(request.app[SESSIONS], window, [TABLES[name]])
        first, last = (re.sub(r"[^A-Za-z0-9-]", "-", text) for text in (window.labels[-2], window.labels[0]))
        filename = f"safer-oxford-{name}-by-{window.period}-{first}-to-{last}.csv"  # "2025/26": "2025-26"
        return csv_response(*as_csv(shown, window.period), filename)
    return download


for _name in TABLES:
    routes.get(f"/staff/statistics/{_name}.csv")(_csv_route(_name))


def chosen_window(query) -> Window:
    """The periods the query asks for: ?period= one of DEFAULT_PERIODS, and whole periods over
    ?from=&to= (YYYY-MM-DD) or, without `from`, the latest few up to `to` or today."""
    period = query.get("period", "month")
    if period not in DEFAULT_PERIODS:
        raise web.HTTPBadRequest(text=f"period must be {', '.join(DEFAULT_PERIODS)}.")
    end, begin = query_date(query, "to") or today(), query_date(query, "from")
    if begin is None:
        return Window.latest(period, end, DEFAULT_PERIODS[period])
    if begin > end:
        raise web.HTTPBadRequest(text="from must be on or before to (today, if to is not given).")
    window = Window.covering(period, begin, end)
    if len(window) > MAX_PERIODS:
        raise web.HTTPBadRequest(text=f"That is {len(window)} {PERIOD_NAMES[period]}s: choose at most "
                                      f"{MAX_PERIODS}, or count by a longer period.")
    return window


async def count_tables(sessions: async_sessionmaker, window: Window, tables: list[Table]) -> list[Shown]:
    """The tables counted by the database; reports by topic give every table its total."""
    by_topic = await statistics.by_topic(sessions, window)
    shown = []
    for table in tables:
        counts = by_topic if table.topic is None else await table.count(sessions, window)
        headings = table.headings()
        headings.update({value: value for value in _values(counts) if value not in headings})
        headings[TOTAL] = "Total"
        rows = statistics.with_change(_with_totals(counts, by_topic, table.topic), window.labels,
                                      list(headings))
        shown.append(Shown(table, list(headings.values()), rows))
    return shown


def _values(counts: Counts) -> list[str]:
    """Every column counted, in case a report holds a value no longer listed in details.yml."""
    return sorted({value for row in counts.values() for value in row})


def _with_totals(counts: Counts, by_topic: Counts, topic: str | None) -> Counts:
    return {period: {**counts.get(period, {}), TOTAL: sum(
        count for name, count in by_topic[period].items() if topic in (None, name))}
        for period in by_topic}


def change_text(cell: Cell) -> str:
    """The change as the page shows it: "+2 (+50.0%)"; "+1 (n/a)" after none, as there is no
    per cent of nothing; "0" for none twice."""
    if cell.percent is None:
        return f"{cell.change:+d} (n/a)" if cell.change else "0"
    return f"{cell.change:+d} ({cell.percent:+.1f}%)" if cell.change else "0 (0.0%)"


def as_csv(shown: Shown, period: str) -> tuple[list[str], list[list[object]]]:
    """The table's header and rows, each count with its change as a number and a per cent
    (blank after a 0)."""
    header = [PERIOD_NAMES[period].capitalize()] + [text for heading in shown.headings for text in (
        heading, f"{heading}: change", f"{heading}: change %")]
    rows = [[row.period] + [value for counted in row.cells for value in (
        counted.count, counted.change, "" if counted.percent is None else counted.percent)]
        for row in shown.rows]
    return header, rows


@dataclass(frozen=True)
class Line:
    heading: str
    colour: str
    width: int
    points: list[tuple[float, float, str]]  # x, y and what the point is (its tooltip)

    @property
    def path(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in self.points)


@dataclass(frozen=True)
class Chart:
    """A line chart of a table, oldest period on the left, laid out for an inline <svg>."""

    name: str
    title: str
    width: int
    height: int
    left: int
    right: int
    bottom: int
    lines: list[Line]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, int]]
    legend: list[tuple[float, float, Line]]


# In SVG units: the chart scales to the page's width.
WIDTH, PLOT_HEIGHT, LEFT, RIGHT, TOP, BELOW = 720, 220, 48, 680, 12, 40
LEGEND_COLUMNS, LEGEND_ROW, MAX_X_LABELS = 3, 20, 12
CHARACTER, LABEL_GAP = 6, 10  # about the width of a digit at font-size 12, and space between labels


def chart(shown: Shown) -> Chart:
    """The table's columns as lines over time, oldest on the left; the total in black."""
    rows = shown.rows[::-1]
    top, step = _scale(max((counted.count for row in rows for counted in row.cells), default=0))
    bottom = TOP + PLOT_HEIGHT

    def y(count: int) -> float:
        return round(bottom - PLOT_HEIGHT * count / top, 1)

    xs = _xs(len(rows))
    lines = [_line(shown.headings, i, [(x, y(row.cells[i].count), row)
                                       for x, row in zip(xs, rows, strict=True)])
             for i in range(len(shown.headings))]
    longest = max((len(row.period) for row in rows), default=1)  # "2025/26 Q1" needs more room
    every = math.ceil(len(rows) / min(MAX_X_LABELS, (RIGHT - LEFT) // (CHARACTER * longest + LABEL_GAP)))
    x_labels = [(x, row.period) for i, (x, row) in enumerate(zip(xs, rows, strict=True))
                if (len(rows) - 1 - i) % every == 0]
    y_ticks = [(y(tick), tick) for tick in range(0, top + 1, step)]
    legend = [(round(LEFT + (i % LEGEND_COLUMNS) * (RIGHT - LEFT) / LEGEND_COLUMNS, 1),
               bottom + BELOW + (i // LEGEND_COLUMNS) * LEGEND_ROW, line) for i, line in enumerate(lines)]
    height = bottom + BELOW + math.ceil(len(lines) / LEGEND_COLUMNS) * LEGEND_ROW
    return Chart(shown.table.name, shown.table.title, WIDTH, height, LEFT, RIGHT, bottom, lines, x_labels,
                 y_ticks, legend)


def _xs(count: int) -> list[float]:
    """Periods spread evenly from the left edge to the right; a single one in the middle."""
    if count == 1:
        return [(LEFT + RIGHT) / 2]
    return [round(LEFT + (RIGHT - LEFT) * i / (count - 1), 1) for i in range(count)]


def _line(headings: list[str], column: int, points: list[tuple[float, float, Row]]) -> Line:
    heading, total = headings[column], column == len(headings) - 1
    return Line(heading, "#000000" if total else COLOURS[column % len(COLOURS)], 3 if total else 2,
                [(x, y, f"{heading}, {row.period}: {row.cells[column].count}") for x, y, row in points])


def _scale(largest: int) -> tuple[int, int]:
    """The top of the scale and its step: at most five whole steps of 1, 2 or 5 times a power of ten."""
    step = next(m * 10 ** power for power in itertools.count() for m in (1, 2, 5)
                if 5 * m * 10 ** power >= largest)
    return max(math.ceil(largest / step), 1) * step, step
