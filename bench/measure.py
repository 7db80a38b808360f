"""The figures: percentiles, error kinds, reports confirmed against stored, memory and CPU
of each process group (from /proc), and facts about the machine and the code measured."""

from __future__ import annotations

import math
import os
import platform
import subprocess
from pathlib import Path

from sqlalchemy import text

from bot import signposting
from bot.settings import PROJECT_ROOT
from bot.storage.db import make_engine
from bot.telegram.flood import SLOW_DOWN

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class Failed(Exception):
    """A turn that went wrong, by kind (timeout, http_500, degraded...): ends the conversation."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind, self.detail = kind, detail


def classify(replies: list[dict]) -> str | None:
    """The error kind of an answer that came back, or None when it is a real answer:
    nothing said, the app's "service is having problems" fallback (engine or actions
    unavailable), or the Telegram bot's "slow down" (flood guard)."""
    if not replies or not any((r.get("text") or r.get("buttons")) for r in replies):
        return "no_reply"
    said = [r.get("text") or "" for r in replies]
    if any(signposting.default().text("unavailable") in s for s in said):
        return "degraded"
    if any(SLOW_DOWN in s or signposting.default().text("too_fast") in s for s in said):
        return "rate_limited"
    return None


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0-100), interpolating between ranks (as numpy's default)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary_ms(seconds: list[float]) -> dict:
    """p50/p95/p99, mean and max in milliseconds, and how many values."""
    def ms(value):
        return None if value is None else round(value * 1000, 1)
    return {"n": len(seconds), "p50": ms(percentile(seconds, 50)),
            "p95": ms(percentile(seconds, 95)), "p99": ms(percentile(seconds, 99)),
            "mean": ms(sum(seconds) / len(seconds)) if seconds else None,
            "max": ms(max(seconds, default=None))}


def compare_reports(confirmed: list[str], stored: set[str] | None) -> dict:
    """Reports the bot confirmed with a code against those in the database (codes are
    stored without dashes). `stored` None: the database could not be read."""
    codes = sorted({c.replace("-", "").upper() for c in confirmed})
    if stored is None:
        return {"reports_confirmed": len(codes), "reports_stored": None, "reports_lost": None,
                "lost_references": []}
    lost = [c for c in codes if c not in stored]
    return {"reports_confirmed": len(codes), "reports_stored": len(codes) - len(lost),
            "reports_lost": len(lost), "lost_references": lost}


async def stored_references(database_url: str) -> set[str]:
    """Every reference code in the reports database (read only)."""
    engine = make_engine(database_url)
    try:
        async with engine.connect() as conn:
            return {row[0] for row in await conn.execute(text("SELECT reference FROM reports"))}
    finally:
        await engine.dispose()


# ---- processes ------------------------------------------------------------------------

def process_pids(root: int) -> list[int]:
    """A process started in its own group, with its group and all its descendants: the
    action server's worker is a child in its group, PostgreSQL's backends are children that
    leave the postmaster's group."""
    parents, group = {}, set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            state_ppid_pgrp = stat.rsplit(")", 1)[1].split()[:3]
            parents[int(entry.name)] = int(state_ppid_pgrp[1])
            if int(state_ppid_pgrp[2]) == root:
                group.add(int(entry.name))
    found = group | ({root} if root in parents else set())
    while True:
        more = {pid for pid, ppid in parents.items() if ppid in found} - found
        if not more:
            return sorted(found)
        found |= more


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def memory_mb(pids: list[int]) -> dict:
    """Resident memory now, and the sum of each process's peak, in MB."""
    return {"rss": round(sum(_status_kb(p, "VmRSS") for p in pids) / 1024, 1),
            "peak": round(sum(_status_kb(p, "VmHWM") for p in pids) / 1024, 1)}


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, all cores (from /proc/stat):
    what else ran during a level shows in the difference with our processes."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle, iowait
    return (sum(values) - idle) / CLOCK_TICKS, sum(values) / CLOCK_TICKS


# ---- the machine and the code ---------------------------------------------------------

def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                  if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal:"))
    return {"nproc": os.cpu_count(), "usable_cpus": len(os.sched_getaffinity(0)),
            "cpu_model": model, "memory_gb": round(mem_kb / 1024 / 1024, 1),
            "kernel": platform.release(), "python": platform.python_version()}


def git_state() -> dict:
    def git(*args):
        done = subprocess.run(["git", *args], cwd=PROJECT_ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else None
    status = git("status", "--porcelain")
    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(status) if status is not None else None}


def training_seconds() -> float | None:
    """The last `make model` training time (models/train-seconds.txt)."""
    try:
        return float((PROJECT_ROOT / "models" / "train-seconds.txt").read_text().strip())
    except (OSError, ValueError):
        return None
