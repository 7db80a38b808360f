"""The system under test (started here, or already running) and one concurrency level:
`level` residents at a time, each running conversations back to back until the level's
count or time is used up."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
import secrets
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from bench import residents
from bench.measure import Failed, summary_ms
from bot.localinfra import LocalPostgres, LocalRedis
from bot.runner import READY_STATES, Services, child_environment, free_port
from bot.settings import Settings
from bot.storage.migrate import upgrade
from tests.fake_telegram import BOT_TOKEN, FakeTelegram

STARTUP_SECONDS = 300
GRACE_SECONDS = 60  # after --max-seconds no conversation starts; those under way get this long


@dataclass
class Target:
    """Where residents go: the app's URL, the fake Telegram (None: web only), the reports
    database to check, and the processes to measure (name -> pid of a process started in
    its own group: it is measured with its group and descendants)."""

    url: str
    telegram: FakeTelegram | None
    database: str | None
    processes: dict[str, int] = field(default_factory=dict)


def replica_settings(engines: int) -> dict[str, str]:
    """ENGINE_URL and ACTION_SERVER_URL for `engines` replicas on free loopback ports
    (comma-separated lists of equal length: one engine and one action server each)."""
    return {"ENGINE_URL": ",".join(f"http://127.0.0.1:{free_port()}" for _ in range(engines)),
            "ACTION_SERVER_URL": ",".join(f"http://127.0.0.1:{free_port()}/webhook"
                                          for _ in range(engines))}


@contextlib.contextmanager
def started_system(engines: int, postgres: bool, telegram: FakeTelegram,
                   logs_to: Path) -> Iterator[tuple[Services, dict, dict[str, int]]]:
    """Engine(s), action server(s) and app started as tests/system.py starts them (free
    loopback ports, a temporary var/ folder), talking to the fake Telegram; with the time
    each component took to be ready. PostgreSQL for both stores when asked or with more
    than one engine: replicas share the tracker store, and their conversation locks live
    in Redis. Also yields those servers' pids (name -> pid). Logs are kept in `logs_to`."""
    var_dir = Path(tempfile.mkdtemp(prefix="safer-bench-"))
    with contextlib.ExitStack() as stack:
        stack.callback(shutil.rmtree, var_dir, ignore_errors=True)  # last, whatever failed
        env = {"SAFER_VAR_DIR": str(var_dir), "APP_PORT": str(free_port()),
               "TELEGRAM_BOT_TOKEN": BOT_TOKEN, "TELEGRAM_API_URL": telegram.base_url,
               **replica_settings(engines)}
        servers = {}
        if postgres or engines > 1:
            database = LocalPostgres(var_dir / "postgres").start()
            stack.callback(database.stop)
            env.update(DATABASE_URL=database.url, TRACKER_STORE_URL=database.tracker_url)
            servers["postgres"] = int((database.root / "data" / "postmaster.pid")
                                      .read_text().split()[0])  # backends are its children
        if engines > 1:
            redis = LocalRedis(var_dir / "redis").start()
            stack.callback(redis.stop)
            env["REDIS_URL"] = redis.url
            servers["redis"] = redis.process.pid
        settings = Settings.from_env(env)
        upgrade(settings.database)
        services = Services(settings, child_environment(settings))
        ready: dict[str, float] = {}
        started = time.monotonic()

        def progress(health: dict) -> None:
            if health and "app" not in ready:  # the app answers /healthz: it is up
                ready["app"] = round(time.monotonic() - started, 2)
            for name, state in (health.get("components") or {}).items():
                if state in READY_STATES and name not in ready:
                    ready[name] = round(time.monotonic() - started, 2)

        try:
            services.start()
            services.wait_ready(STARTUP_SECONDS, progress)
            yield services, {"all_ready_seconds": round(time.monotonic() - started, 2),
                             "components_ready_seconds": ready}, servers
        finally:
            services.stop()
            logs_to.mkdir(parents=True, exist_ok=True)
            for log in services.log_dir.glob("*.log"):
                shutil.copy(log, logs_to / log.name)


async def run_level(target: Target, level: int, conversations: int, max_seconds: float,
                    think: Callable[[], float], mix: list | None = None
                    ) -> tuple[list[dict], float]:
    """Run up to `conversations` conversations, `level` at a time (no new one after
    `max_seconds`, those under way cancelled GRACE_SECONDS later); return one record per
    conversation and the level's wall time. `mix`: (script, channel) in turn."""
    mix = mix or residents.MIX
    tag = secrets.token_hex(3)
    chat_base = random.randrange(10**8, 9 * 10**8)
    numbers = itertools.count()
    records: list[dict] = []
    start = time.monotonic()
    stop_starting = start + max_seconds

    async def conversation(http: aiohttp.ClientSession, i: int) -> None:
        script, channel = mix[i % len(mix)]
        if channel == "telegram" and target.telegram is None:
            channel = "web"
        if channel == "web":
            resident = residents.WebResident(think, http=http, url=target.url,
                                             sender=f"bench-{tag}-{level}-{i}")
        else:
            resident = residents.TelegramResident(think, telegram=target.telegram,
                                                  chat_id=chat_base + i)
        record = {"kind": script.__name__, "channel": channel,
                  "report": script in residents.REPORTS, "error": None, "detail": "",
                  "reference": None, "cut_off": False, "resident": resident}
        records.append(record)
        try:
            record["reference"] = await script(resident)
        except Failed as exc:
            record.update(error=exc.kind, detail=exc.detail)
        except asyncio.CancelledError:
            record["cut_off"] = True
            raise
        except Exception as exc:  # a fault of the bench itself: shown, never hidden
            record.update(error=f"exception_{type(exc).__name__}", detail=str(exc)[:200])

    async def slot(http: aiohttp.ClientSession) -> None:
        await asyncio.sleep(random.uniform(0, think()))  # residents don't all start at once
        while time.monotonic() < stop_starting and (i := next(numbers)) < conversations:
            await conversation(http, i)

    timeout = aiohttp.ClientTimeout(total=residents.REPLY_TIMEOUT)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        tasks = [asyncio.create_task(slot(http)) for _ in range(level)]
        _, pending = await asyncio.wait(tasks, timeout=max_seconds + GRACE_SECONDS)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
    return records, time.monotonic() - start


def level_figures(level: int, records: list[dict], wall: float) -> dict:
    """A level's figures from its conversation records. Latencies count answered turns
    only; a conversation's time is the sum of its turns' (its wall time less the pauses)."""
    ok, by_channel, answered = [], {}, []
    for record in records:
        for number, turn in enumerate(record["resident"].turns, 1):
            if turn.error is None and turn.latency is not None:
                ok.append(turn.latency)
                by_channel.setdefault(record["channel"], []).append(turn.latency)
                answered.append((turn.latency, record["kind"], record["channel"], number,
                                 turn.message))
    finished = [r for r in records if r["error"] is None and not r["cut_off"]]

    def conversation_time(r):
        return sum(t.latency for t in r["resident"].turns)

    failed = [r for r in records if r["error"]]
    return {
        "concurrency": level,
        "wall_seconds": round(wall, 2),
        "conversations": {"started": len(records), "completed": len(finished),
                          "failed": len(failed), "cut_off": sum(r["cut_off"] for r in records),
                          "by_kind": dict(Counter(r["kind"] for r in records)),
                          "by_channel": dict(Counter(r["channel"] for r in records))},
        "replies": len(ok),
        "replies_per_second": round(len(ok) / wall, 2) if wall > 0 else None,
        "reply_latency_ms": summary_ms(ok),
        "reply_latency_ms_by_channel": {c: summary_ms(v) for c, v in sorted(by_channel.items())},
        "conversation_latency_ms": summary_ms([conversation_time(r) for r in finished]),
        "report_conversation_latency_ms": summary_ms(
            [conversation_time(r) for r in finished if r["report"]]),
        "think_seconds_total": round(sum(r["resident"].thought for r in records), 1),
        "errors": len(failed),
        "errors_by_kind": dict(Counter(r["error"] for r in failed)),
        "error_examples": [{k: r[k] for k in ("kind", "channel", "error", "detail")}
                           for r in failed[:5]],
        "slowest_turns": [{"ms": round(latency * 1000, 1), "kind": kind, "channel": channel,
                           "turn": number, "message": message[:60]}
                          for latency, kind, channel, number, message in sorted(answered)[-5:][::-1]],
        "telegram_late_messages": sum(getattr(r["resident"], "late", 0) for r in records),
    }
