"""`make bench`: its measurements, and one short run against the real system."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import time

import aiohttp
import pytest

from bench.__main__ import main, parse_args, table
from bench.drive import level_figures, replica_settings
from bench.measure import (
    classify,
    compare_reports,
    cpu_seconds,
    memory_mb,
    percentile,
    process_pids,
    summary_ms,
)
from bench.plot import draw
from bench.residents import (
    TELEGRAM_QUIET,
    TelegramResident,
    Turn,
    WebResident,
    think_time,
)
from bot import signposting
from bot.runner import MODEL
from bot.telegram.flood import SLOW_DOWN
from tests.fake_telegram import BOT_TOKEN, FakeTelegram


def test_percentiles_interpolate_between_ranks():
    values = [v / 1000 for v in range(1, 101)]  # 1..100 ms, shuffled order must not matter
    assert percentile(list(reversed(values)), 50) == pytest.approx(0.0505)
    assert percentile(values, 95) == pytest.approx(0.09505)
    assert percentile(values, 99) == pytest.approx(0.09901)
    assert percentile([0.2], 99) == 0.2
    assert percentile([], 50) is None
    assert summary_ms([0.1, 0.3]) == {"n": 2, "p50": 200.0, "p95": 290.0, "p99": 298.0,
                                      "mean": 200.0, "max": 300.0}
    assert summary_ms([])["p95"] is None


@pytest.mark.parametrize("replies, kind", [
    ([{"text": "Hello, I can help."}], None),
    ([{"text": "", "buttons": [{"title": "Yes", "payload": "/affirm"}]}], None),
    ([], "no_reply"),
    ([{"text": ""}], "no_reply"),
    ([{"text": "Hate crime is..."}, {"text": "unavailable"}], "degraded"),
    ([{"text": SLOW_DOWN}], "rate_limited"),
    ([{"text": "too_fast"}], "rate_limited"),
])
def test_answers_are_classified_by_kind(replies, kind):
    texts = {"unavailable": signposting.default().text("unavailable"),
             "too_fast": signposting.default().text("too_fast")}
    replies = [{**r, "text": texts.get(r.get("text"), r.get("text"))} for r in replies]
    assert classify(replies) == kind


def test_reports_confirmed_are_looked_up_without_dashes_and_the_missing_ones_named():
    confirmed = ["ABCD-EFGH-JKMN", "BCDE-FGHJ-KMNP", "abcd-efgh-jkmn"]
    assert compare_reports(confirmed, {"ABCDEFGHJKMN", "ZZZZZZZZZZZZ"}) == {
        "reports_confirmed": 2, "reports_stored": 1, "reports_lost": 1,
        "lost_references": ["BCDEFGHJKMNP"]}
    assert compare_reports(confirmed, None)["reports_lost"] is None
    assert compare_reports([], set())["reports_lost"] == 0


def test_think_times():
    assert think_time("0")() == 0
    assert all(1 <= think_time("1-3")() <= 3 for _ in range(100))
    for bad in ("3-1", "-1", "soon"):
        with pytest.raises(ValueError):
            think_time(bad)


def resident(channel: str, latencies: list[float | None], errors: list[str | None]):
    r = (WebResident if channel == "web" else TelegramResident)(think_time("0"))
    r.turns = [Turn(0.0, lat, err) for lat, err in zip(latencies, errors, strict=True)]
    return r


def record(channel, latencies, errors, kind="helplines", error=None, reference=None, report=False):
    return {"kind": kind, "channel": channel, "report": report, "error": error, "detail": "",
            "reference": reference, "cut_off": False,
            "resident": resident(channel, latencies, errors)}


def test_a_level_counts_answered_turns_only_and_errors_by_kind():
    records = [
        record("web", [0.1, 0.2, 0.3], [None, None, None], kind="hate_crime_report",
               reference="ABCD-EFGH-JKMN", report=True),
        record("telegram", [0.05, None], [None, "timeout"], error="timeout"),
        record("web", [0.4, 0.2], [None, "degraded"], error="degraded"),
    ]
    figures = level_figures(5, records, wall=2.0)
    assert figures["replies"] == 5 and figures["replies_per_second"] == 2.5
    assert figures["reply_latency_ms"]["n"] == 5 and figures["reply_latency_ms"]["max"] == 400.0
    assert figures["reply_latency_ms_by_channel"]["telegram"]["n"] == 1
    assert figures["errors"] == 2 and figures["errors_by_kind"] == {"timeout": 1, "degraded": 1}
    assert figures["conversations"]["completed"] == 1
    assert figures["conversation_latency_ms"]["p50"] == pytest.approx(600.0)
    assert figures["report_conversation_latency_ms"]["n"] == 1
    json.dumps(figures)  # the JSON written is plain data


def test_memory_and_cpu_are_summed_over_a_process_its_group_and_descendants():
    """As the action server's worker (same group) and PostgreSQL's backends (own sessions)."""
    shell = subprocess.Popen(["sh", "-c", "sleep 30 & setsid sleep 30 & wait"],
                             start_new_session=True)
    time.sleep(0.3)
    pids = process_pids(shell.pid)
    for pid in pids:  # the setsid one left the group: each is ended by its id
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    shell.wait()
    assert len(pids) == 3 and shell.pid in pids
    assert os.getpid() in process_pids(os.getpgid(0))
    assert memory_mb([os.getpid()])["rss"] > 10
    assert cpu_seconds([os.getpid()]) > 0
    assert process_pids(2**22 + 12345) == []


def test_only_loopback_urls_and_replicas_on_loopback():
    with pytest.raises(SystemExit):
        parse_args(["--url", "http://example.org:8080"])
    assert parse_args(["--url", "http://127.0.0.1:8080/"]).url == "http://127.0.0.1:8080"
    with pytest.raises(SystemExit):
        parse_args(["--levels", "0,5"])
    urls = replica_settings(2)
    assert [len(v.split(",")) for v in urls.values()] == [2, 2]
    assert all(u.startswith("http://127.0.0.1:") for v in urls.values() for u in v.split(","))


async def test_a_telegram_reply_is_timed_to_the_bots_last_message_not_the_quiet_wait():
    telegram = FakeTelegram(wake_on_update=True).start()
    try:
        r = TelegramResident(think_time("0"), telegram=telegram, chat_id=4711)

        http = aiohttp.ClientSession()

        async def bot_says(*texts: str) -> None:
            for text in texts:
                await asyncio.sleep(0.15)
                await http.post(f"{telegram.base_url}{BOT_TOKEN}/sendMessage",
                                json={"chat_id": 4711, "text": text})

        started = time.monotonic()
        answering = asyncio.create_task(bot_says("first", "second"))
        replies = await r.say("hello")
        await answering
        assert [m["text"] for m in replies] == ["first", "second"]
        assert telegram.pushed[-1]["message"]["text"] == "hello"
        assert 0.28 < r.turns[0].latency < 0.45
        assert time.monotonic() - started >= r.turns[0].latency + TELEGRAM_QUIET
        await bot_says("late")  # after the quiet time: the last turn took that long
        r._settle()
        assert r.late == 1 and r.turns[0].latency > 0.6
        await http.close()
    finally:
        telegram.stop()


def sample_results() -> dict:
    levels = [level_figures(c, [record("web", [0.05 * c], [None])], 1.0) for c in (1, 5)]
    for lv in levels:
        lv.update(compare_reports([], set()), memory_mb={"engine": 600.0}, cpu_percent={})
    return {"runs": [{"label": "1 engine", "levels": levels}]}


def test_the_table_and_the_plot_are_made_from_the_results(tmp_path):
    results = sample_results()
    assert "1 engine" in table(results) and "0/0/0" in table(results)
    draw(results, tmp_path / "latency.png")
    assert (tmp_path / "latency.png").read_bytes()[:4] == b"\x89PNG"


def test_a_short_real_run_stores_every_report_it_confirms(tmp_path):
    """Levels 1 and 2, two conversations each: a hate-crime report on the web chat and a
    helplines conversation on Telegram, against the real engine, actions and app."""
    assert MODEL.exists(), f"no trained model at {MODEL}: run `make model`"
    assert main(["--levels", "1,2", "--conversations", "2", "--think", "0.1",
                 "--max-seconds", "30", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["machine"]["nproc"] >= 1 and results["git"]["commit"]
    run = results["runs"][0]
    assert "failed" not in run and run["startup"]["engine_ready_seconds"] > 0
    assert [lv["concurrency"] for lv in run["levels"]] == [1, 2]
    for lv in run["levels"]:
        assert lv["errors"] == 0, lv["error_examples"]
        assert lv["conversations"]["completed"] == 2
        assert lv["conversations"]["by_channel"] == {"web": 1, "telegram": 1}
        assert lv["reports_confirmed"] == 1 and lv["reports_stored"] == 1
        assert lv["reports_lost"] == 0
        assert lv["replies"] > 10 and lv["replies_per_second"] > 0
        assert 0 < lv["reply_latency_ms"]["p50"] <= lv["reply_latency_ms"]["p95"]
        assert lv["reply_latency_ms"]["p95"] <= lv["reply_latency_ms"]["p99"]
        assert set(lv["memory_mb"]) >= {"engine", "actions", "app"}
        assert lv["memory_mb"]["engine"] > 100
    assert (tmp_path / "latency.png").stat().st_size > 1000
