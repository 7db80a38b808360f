"""Statistics: counts by period and detail from the database (SQLite and PostgreSQL), the page
with its tables and charts, and the CSV downloads."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid

import pytest
from sqlalchemy import event, update

from bot.storage import reports, statistics
from bot.storage.models import Report
from bot.storage.statistics import NOT_GIVEN, Cell, Row, Window
from bot.web.app import create_app
from bot.web.keys import CIPHER, SESSIONS
from bot.web.statistics import TABLES, count_tables
from tests.conftest import make_settings
from tests.test_staff import sign_in_as


def at(year: int, month: int, day: int = 15) -> dt.datetime:
    return dt.datetime(year, month, day, 12, tzinfo=dt.UTC)


async def place(sessions, cipher, when: dt.datetime, topic: str, **found: list[str]) -> None:
    """A report on `topic` with these details, made at `when` (tests keep to years of their own,
    as the PostgreSQL database is shared by every test)."""
    report = await reports.create_report(sessions, cipher, reports.NewReport(
        topic=topic, description="they shouted at me outside the shop", urgent=False,
        reporter=f"web-{uuid.uuid4().hex}", submission_id="1", details=found))
    async with sessions() as session, session.begin():
        await session.execute(update(Report).where(Report.id == report.id).values(created_at=when))


async def test_hate_crime_counts_a_report_once_in_each_strand_and_not_given_when_none(sessions, cipher):
    await place(sessions, cipher, at(2701, 3), "hate_crime", hate_strand=["race", "religion"])
    await place(sessions, cipher, at(2701, 3), "hate_crime", hate_strand=["race"])
    await place(sessions, cipher, at(2701, 3), "hate_crime")
    await place(sessions, cipher, at(2701, 4), "hate_crime", hate_strand=["transgender"])
    await place(sessions, cipher, at(2701, 3), "asb", asb_kind=["noise"])
    window = Window.covering("month", dt.date(2701, 3, 1), dt.date(2701, 4, 30))
    assert await statistics.hate_crime_by_strand(sessions, window) == {
        "2701-03": {"race": 2, "religion": 1, NOT_GIVEN: 1}, "2701-04": {"transgender": 1}}


async def test_asb_is_counted_by_police_category_from_its_kinds_and_by_kind(sessions, cipher):
    await place(sessions, cipher, at(2702, 1), "asb", asb_kind=["noise", "drugs"])
    await place(sessions, cipher, at(2702, 2), "asb", asb_kind=["noise", "neighbour_nuisance"])
    await place(sessions, cipher, at(2702, 3), "asb", asb_kind=["fly_tipping"])
    await place(sessions, cipher, at(2702, 3), "asb")
    window = Window.covering("quarter", dt.date(2702, 1, 1), dt.date(2702, 3, 31))
    assert await statistics.asb_by_police_category(sessions, window) == {
        "2702-Q1": {"nuisance": 2, "personal": 1, "environmental": 1, NOT_GIVEN: 1}}
    assert await statistics.asb_by_kind(sessions, window) == {
        "2702-Q1": {"noise": 2, "drugs": 1, "neighbour_nuisance": 1, "fly_tipping": 1, NOT_GIVEN: 1}}


async def test_reports_are_grouped_by_utc_month_quarter_and_year(sessions, cipher):
    for when in (at(2703, 3, 31), at(2703, 4, 1), at(2703, 12, 31), at(2704, 1, 1)):
        await place(sessions, cipher, when.replace(hour=23, minute=59), "spiking", spiking_method=["drink"])
    await place(sessions, cipher, at(2703, 6), "domestic_abuse", da_kind=["physical"])
    late = dt.datetime(2703, 7, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))  # 30 June, UTC
    await place(sessions, cipher, late, "domestic_abuse")
    by_quarter = await statistics.by_topic(sessions, Window.covering("quarter", dt.date(2703, 1, 1),
                                                                      dt.date(2704, 3, 31)))
    assert by_quarter == {"2703-Q1": {"spiking": 1}, "2703-Q2": {"spiking": 1, "domestic_abuse": 2},
                          "2703-Q4": {"spiking": 1}, "2704-Q1": {"spiking": 1}}
    by_year = await statistics.domestic_abuse_by_kind(
        sessions, Window.covering("year", dt.date(2703, 1, 1), dt.date(2704, 1, 1)))
    assert by_year == {"2703": {"physical": 1, NOT_GIVEN: 1}}
    by_month = await statistics.spiking_by_method(
        sessions, Window.covering("month", dt.date(2703, 4, 1), dt.date(2703, 4, 30)))
    assert by_month == {"2703-03": {"drink": 1}, "2703-04": {"drink": 1}}  # March, to compare with


async def test_financial_periods_run_from_april_to_march(sessions, cipher):
    """31 March and 1 April fall in different financial years; January to March belongs to
    the year that began the April before; 31 December stays in Q3 (SQLite's "-3 months"
    alone would make it 1 October); and the year after 2799/00 is written with two digits."""
    for when in (at(2706, 3, 31), at(2706, 4, 1), at(2706, 12, 31), at(2707, 1, 1), at(2707, 3, 31)):
        await place(sessions, cipher, when.replace(hour=23, minute=59), "spiking", spiking_method=["drink"])
    await place(sessions, cipher, at(2706, 4, 1).replace(hour=0, minute=0), "asb")
    late = dt.datetime(2706, 7, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))  # 30 June, UTC
    await place(sessions, cipher, late, "asb")
    await place(sessions, cipher, at(2800, 3, 31), "asb")
    by_quarter = await statistics.by_topic(sessions, Window.covering(
        "financial_quarter", dt.date(2706, 1, 1), dt.date(2707, 3, 31)))
    assert by_quarter == {"2705/06 Q4": {"spiking": 1}, "2706/07 Q1": {"spiking": 1, "asb": 2},
                          "2706/07 Q3": {"spiking": 1}, "2706/07 Q4": {"spiking": 2}}
    by_year = await statistics.spiking_by_method(sessions, Window.covering(
        "financial_year", dt.date(2706, 4, 1), dt.date(2707, 3, 31)))
    assert by_year == {"2705/06": {"drink": 1}, "2706/07": {"drink": 4}}
    century = Window.covering("financial_year", dt.date(2800, 3, 31), dt.date(2800, 3, 31))
    assert century.labels == ["2799/00", "2798/99"]
    assert await statistics.by_topic(sessions, century) == {"2799/00": {"asb": 1}}
    quarter = Window.covering("financial_quarter", dt.date(2800, 3, 1), dt.date(2800, 3, 1))
    assert await statistics.by_topic(sessions, quarter) == {"2799/00 Q4": {"asb": 1}}


async def test_financial_periods_change_from_the_one_before_on_each_database(sessions, cipher):
    for when, strands in ((at(2708, 3, 31), ["race"]), (at(2708, 4, 1), ["race"]),
                          (at(2708, 4, 2), ["race", "religion"]), (at(2709, 1, 10), ["religion"]),
                          (at(2707, 4, 1), ["disability"])):
        await place(sessions, cipher, when, "hate_crime", hate_strand=strands)
    window = Window.covering("financial_year", dt.date(2708, 4, 1), dt.date(2709, 3, 31))
    [shown] = await count_tables(sessions, window, [TABLES["hate_crime"]])
    assert [row.period for row in shown.rows] == ["2708/09"]
    race, faith, disability, *_, total = shown.rows[0].cells
    assert (race, faith, disability, total) == (Cell(2, 1, 100.0), Cell(2, 2, None), Cell(0, -1, -100.0),
                                                Cell(3, 1, 50.0))
    window = Window.covering("financial_quarter", dt.date(2708, 3, 31), dt.date(2708, 4, 1))
    [shown] = await count_tables(sessions, window, [TABLES["hate_crime"]])
    assert [row.period for row in shown.rows] == ["2708/09 Q1", "2707/08 Q4"]
    assert [row.cells[-1] for row in shown.rows] == [Cell(2, 1, 100.0), Cell(1, 1, None)]


def test_each_period_changes_from_the_one_before_as_a_number_and_a_per_cent():
    counts = {"2026-03": {"race": 3, "faith": 1}, "2026-02": {"race": 2}, "2026-01": {"race": 4}}
    rows = statistics.with_change(counts, ["2026-03", "2026-02", "2026-01"], ["race", "faith"])
    assert rows == [Row("2026-03", [Cell(3, 1, 50.0), Cell(1, 1, None)]),
                    Row("2026-02", [Cell(2, -2, -50.0), Cell(0, 0, None)])]


def test_windows_count_whole_periods_and_the_one_before():
    window = Window.covering("quarter", dt.date(2026, 2, 10), dt.date(2026, 7, 1))
    assert window.labels == ["2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4"]
    assert (window.since, window.until) == (dt.datetime(2025, 10, 1, tzinfo=dt.UTC),
                                            dt.datetime(2026, 10, 1, tzinfo=dt.UTC))
    assert (window.first_day, window.last_day, len(window)) == (dt.date(2026, 1, 1), dt.date(2026, 9, 30), 3)
    assert Window.latest("month", dt.date(2026, 1, 5), 3).labels == [
        "2026-01", "2025-12", "2025-11", "2025-10"]
    assert Window.latest("year", dt.date(2026, 1, 5), 2).labels == ["2026", "2025", "2024"]


def test_financial_windows_start_in_april_and_number_their_quarters_from_it():
    window = Window.covering("financial_quarter", dt.date(2026, 3, 31), dt.date(2026, 4, 1))
    assert window.labels == ["2026/27 Q1", "2025/26 Q4", "2025/26 Q3"]
    assert (window.since, window.until) == (dt.datetime(2025, 10, 1, tzinfo=dt.UTC),
                                            dt.datetime(2026, 7, 1, tzinfo=dt.UTC))
    assert (window.first_day, window.last_day, len(window)) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30), 2)
    year = Window.latest("financial_year", dt.date(2026, 3, 31), 2)
    assert year.labels == ["2025/26", "2024/25", "2023/24"]
    assert (year.first_day, year.last_day) == (dt.date(2024, 4, 1), dt.date(2026, 3, 31))
    assert Window.latest("financial_year", dt.date(2026, 4, 1), 1).labels == ["2026/27", "2025/26"]
    for period in statistics.PERIODS:  # every day of two years lies in the period it is numbered
        for day in (dt.date(2025, 1, 1) + dt.timedelta(days=n) for n in range(731)):
            number = statistics.ordinal(day, period)
            assert statistics.start(number, period) <= at(day.year, day.month, day.day)
            assert day < statistics.start(number + 1, period).date()
    quarter = "financial_quarter"
    assert [statistics.label(statistics.ordinal(dt.date(2026, m, 1), quarter), quarter)
            for m in (1, 4, 7, 10)] == ["2025/26 Q4", "2026/27 Q1", "2026/27 Q2", "2026/27 Q3"]


@pytest.mark.parametrize(("period", "year", "label"), [("month", 2705, "2705-05"),
                                                       ("financial_quarter", 2710, "2710/11 Q1")])
async def test_counting_is_a_group_by_query_that_reads_no_report_content(sessions, cipher, period, year,
                                                                          label):
    await place(sessions, cipher, at(year, 5), "hate_crime", hate_strand=["disability"])
    engine = sessions.kw["bind"].sync_engine
    statements = []

    def seen(_conn, _cursor, statement, *_args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        window = Window.covering(period, dt.date(year, 5, 1), dt.date(year, 5, 31))
        assert await statistics.hate_crime_by_strand(sessions, window) == {label: {"disability": 1}}
        assert await statistics.by_topic(sessions, window) == {label: {"hate_crime": 1}}
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    queries = [s for s in statements if "reports" in s]
    assert len(queries) == 2
    for query in queries:
        assert "GROUP BY" in query and "count(" in query
        assert "description_enc" not in query and "reports.id," not in query


@pytest.fixture
async def viewer(aiohttp_client, tmp_path, sqlite_sessions_url):
    """The console with a viewer signed in, and hate crime reports this month and last."""
    client = await aiohttp_client(create_app(make_settings(tmp_path, DATABASE_URL=sqlite_sessions_url)))
    app = client.server.app
    this_month = dt.datetime.now(dt.UTC).replace(day=1, hour=12)
    last_month = this_month - dt.timedelta(days=20)
    for when, strands in ((this_month, ["race", "religion"]), (this_month, ["race"]),
                          (last_month, ["race"]), (last_month, [])):
        found = {"hate_strand": strands} if strands else {}
        await place(app[SESSIONS], app[CIPHER], when, "hate_crime", **found)
    await sign_in_as(client, "viewer")
    return client, this_month.strftime("%Y-%m")


def section(page: str, table: str) -> str:
    return re.search(rf'<section aria-labelledby="{table}-heading">(.*?)</section>', page, re.S).group(1)


def cells(page: str, table: str, period: str) -> list[tuple[str, str]]:
    """(count, change) of each cell in one table's row for `period`."""
    row = re.search(rf'<th scope="row">{period}</th>(.*?)</tr>', section(page, table), re.S).group(1)
    return re.findall(r'<td>(\d+)<br><span class="hint"><span class="visually-hidden">change </span>'
                      r"([^<]*)</span>", row)


async def test_a_viewer_sees_each_table_by_month_with_its_change_and_chart(viewer):
    client, month = viewer
    resp = await client.get("/staff/statistics")
    page = await resp.text()
    assert resp.status == 200
    for heading in ("Race", "Faith", "Disability", "Sexual orientation", "Transgender", "Personal",
                    "Nuisance", "Environmental", "Not given"):
        assert f'<th scope="col">{heading}</th>' in page
    assert cells(page, "hate_crime", month) == [
        ("2", "+1 (+100.0%)"), ("1", "+1 (n/a)"), ("0", "0"), ("0", "0"), ("0", "0"),
        ("0", "-1 (-100.0%)"), ("2", "0 (0.0%)")]
    hate = section(page, "hate_crime")
    assert hate.count("<svg") == 1 and 'aria-labelledby="hate_crime-chart-title' in hate
    assert "<title>Race, " + month + ": 2</title>" in hate
    assert page.count("<svg") == len(TABLES)
    assert "<script" not in page and "style=" not in page
    assert re.search(r"<title>(.*?)</title>", page).group(1) == "Statistics · Safer Oxford staff"
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert "shouted" not in page and "outside the shop" not in page  # no report's words
    rows = re.findall(r'<th scope="row">([^<]+)</th>', hate)
    assert len(rows) == 12 and rows[0] == month and rows == sorted(rows, reverse=True)


async def test_quarters_and_years_group_the_same_reports(viewer):
    client, month = viewer
    quarter = f"{month[:4]}-Q{(int(month[5:]) + 2) // 3}"
    page = await (await client.get("/staff/statistics?period=quarter")).text()
    assert '<option value="quarter" selected>' in page
    last_month_too = int(month[5:]) % 3 != 1
    assert cells(page, "topics", quarter)[1][0] == ("4" if last_month_too else "2")  # hate crime
    page = await (await client.get("/staff/statistics?period=year&from=2020-03-04&to=2024-01-01")).text()
    assert re.findall(r'<th scope="row">(\d{4})</th>', section(page, "topics")) == [
        "2024", "2023", "2022", "2021", "2020"]
    assert 'name="from" value="2020-01-01"' in page and 'name="to" value="2024-12-31"' in page


async def test_financial_years_and_quarters_on_the_page_and_in_csv(aiohttp_client, tmp_path,
                                                                   sqlite_sessions_url):
    client = await aiohttp_client(create_app(make_settings(tmp_path, DATABASE_URL=sqlite_sessions_url)))
    app = client.server.app
    for when in (at(2024, 2, 1), at(2024, 3, 31).replace(hour=23, minute=59),
                 at(2024, 4, 1).replace(hour=0, minute=0), at(2024, 5, 1), at(2025, 3, 31)):
        await place(app[SESSIONS], app[CIPHER], when, "hate_crime", hate_strand=["race"])
    await sign_in_as(client, "viewer")
    page = await (await client.get(
        "/staff/statistics?period=financial_year&from=2024-04-01&to=2025-03-31")).text()
    assert '<option value="financial_year" selected>financial year</option>' in page
    assert "<caption>Reports by topic, by financial year</caption>" in page
    assert 'name="from" value="2024-04-01"' in page and 'name="to" value="2025-03-31"' in page
    assert "Financial years run from April to March" in page and "<title>Race, 2024/25: 3</title>" in page
    assert cells(page, "hate_crime", "2024/25")[0] == ("3", "+1 (+50.0%)")  # 2023/24 had 2
    assert re.findall(r'<th scope="row">([^<]+)</th>', section(page, "topics")) == ["2024/25"]
    page = await (await client.get(
        "/staff/statistics?period=financial_quarter&from=2024-03-31&to=2024-04-01")).text()
    assert re.findall(r'<th scope="row">([^<]+)</th>', section(page, "topics")) == [
        "2024/25 Q1", "2023/24 Q4"]
    assert cells(page, "hate_crime", "2024/25 Q1")[0] == ("2", "0 (0.0%)")
    assert cells(page, "hate_crime", "2023/24 Q4")[0] == ("2", "+2 (n/a)")
    resp = await client.get("/staff/statistics/hate_crime.csv",
                            params={"period": "financial_quarter", "from": "2024-03-31", "to": "2024-04-01"})
    assert resp.headers["Content-Disposition"] == (
        'attachment; filename="safer-oxford-hate_crime-by-financial_quarter-2023-24-Q4-to-2024-25-Q1.csv"')
    table = csv_rows(await resp.text())
    assert table[0][:4] == ["Financial quarter", "Race", "Race: change", "Race: change %"]
    assert [row[:4] for row in table[1:]] == [["2024/25 Q1", "2", "0", "0.0"], ["2023/24 Q4", "2", "2", ""]]
    default = await (await client.get("/staff/statistics?period=financial_quarter")).text()
    assert len(re.findall(r'<th scope="row">', section(default, "topics"))) == 8


def csv_rows(body: str) -> list[list[str]]:
    assert body.startswith("\ufeff")  # for spreadsheets, as the queue's export
    return list(csv.reader(io.StringIO(body[1:])))


async def test_each_table_downloads_as_csv_with_counts_and_changes(viewer):
    client, month = viewer
    resp = await client.get("/staff/statistics/hate_crime.csv?period=month")
    body = await resp.text()
    assert resp.status == 200 and resp.content_type == "text/csv" and resp.charset == "utf-8"
    assert resp.headers["Content-Disposition"].startswith(
        'attachment; filename="safer-oxford-hate_crime-by-month-')
    table = csv_rows(body)
    assert table[0][:7] == ["Month", "Race", "Race: change", "Race: change %", "Faith", "Faith: change",
                            "Faith: change %"]
    assert table[0][-6:] == ["Not given", "Not given: change", "Not given: change %",
                             "Total", "Total: change", "Total: change %"]
    assert table[1][:7] == [month, "2", "1", "100.0", "1", "1", ""]
    assert table[1][-6:] == ["0", "-1", "-100.0", "2", "0", "0.0"]  # numbers, not quoted text
    assert len(table) == 13 and "shouted" not in body
    for name in TABLES:
        assert (await client.get(f"/staff/statistics/{name}.csv?period=year")).status == 200


async def test_a_value_missing_from_the_details_file_gets_its_own_column_safe_in_a_spreadsheet(viewer):
    client, month = viewer
    app = client.server.app
    await place(app[SESSIONS], app[CIPHER], dt.datetime.now(dt.UTC), "hate_crime",
                hate_strand=["=HYPERLINK(1)"])
    page = await (await client.get("/staff/statistics")).text()
    assert '<th scope="col">=HYPERLINK(1)</th>' in section(page, "hate_crime")
    table = csv_rows(await (await client.get("/staff/statistics/hate_crime.csv")).text())
    column = table[0].index("'=HYPERLINK(1)")
    assert table[0][column + 1] == "'=HYPERLINK(1): change"
    assert (table[1][column], table[1][-3]) == ("1", "3")  # and in the total


@pytest.mark.parametrize(("query", "message"), [
    ("period=week", "period must be month, quarter, year, financial_quarter, financial_year."),
    ("from=2026-13-01", "from must be a date between 2000-01-01 and 2999-12-31, written YYYY-MM-DD."),
    ("to=yesterday", "to must be a date between"),
    ("from=1999-12-31", "from must be a date between"),
    ("from=2026-05-01&to=2026-04-01", "from must be on or before to"),
    ("from=2000-01-01&to=2020-01-01", "That is 241 months: choose at most 120"),
])
async def test_bad_queries_are_refused_with_a_clear_message(viewer, query, message):
    client, _ = viewer
    for path in ("/staff/statistics", "/staff/statistics/topics.csv"):
        resp = await client.get(f"{path}?{query}")
        assert resp.status == 400 and message in await resp.text()
