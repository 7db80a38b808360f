"""`make bench`: simulated residents against the real system, at several concurrency levels.

Starts engine, action server and app (or uses a running system with --url), drives
conversations through /api/chat and the fake Telegram Bot API, and writes results.json
and latency.png to --out. Targets are measured, not enforced: the exit code is 0 unless
the bench itself could not run.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import random
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench import residents
from bench.drive import Target, level_figures, run_level, started_system
from bench.measure import (
    compare_reports,
    cpu_seconds,
    git_state,
    machine,
    machine_busy,
    memory_mb,
    process_pids,
    stored_references,
    training_seconds,
)
from bench.plot import draw
from bench.residents import think_time
from bot.runner import loopback_address
from bot.settings import PROJECT_ROOT, Settings
from tests.fake_telegram import FakeTelegram


def numbers(text: str) -> list[int]:
    values = [int(v) for v in text.split(",") if v.strip()]
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("a comma-separated list of whole numbers from 1")
    return values


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--levels", type=numbers, default=[1, 5, 20, 50],
                   help="concurrent conversations, one level after another (default 1,5,20,50)")
    p.add_argument("--think", default="1-3",
                   help="a resident's pause before each message after the first: SECONDS or "
                        "LOW-HIGH, uniform (default 1-3; 0 for a saturation run)")
    p.add_argument("--max-seconds", type=float, default=60,
                   help="per level: no conversation starts after this; those under way get "
                        "60 s more, then are cut off (default 60)")
    p.add_argument("--conversations", type=int, default=None,
                   help="per level, at most this many conversations (default 3 x level, at least 6)")
    p.add_argument("--url", help="use a running system at http://127.0.0.1:PORT (loopback only; "
                                 "web residents only; reports checked in the database the "
                                 "environment's settings name)")
    p.add_argument("--engines", type=numbers, default=[1],
                   help="engine replicas to start; a list (1,2) runs every level for each")
    p.add_argument("--postgres", action="store_true",
                   help="run on PostgreSQL even with one engine (always when --engines lists more)")
    p.add_argument("--out", type=Path, default=PROJECT_ROOT / "var" / "bench",
                   help="folder for results.json, latency.png and the system's logs")
    p.add_argument("--seed", type=int, default=None, help="random seed for pauses and start times")
    args = p.parse_args(argv)
    try:
        think_time(args.think)
    except ValueError as exc:
        p.error(str(exc))
    if args.url:
        loopback_address(args.url, "--url")  # SystemExit for anything but loopback
        args.url = args.url.rstrip("/")
    return args


class Usage:
    """CPU time of each process (with its group and descendants) and of the whole machine
    from now on; with memory, as figures at the end of a level."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.cpu = {name: cpu_seconds(pids) for name, pids in self.processes().items()}
        self.machine, self.load = machine_busy(), os.getloadavg()[0]

    def processes(self) -> dict[str, list[int]]:
        found = {name: process_pids(pid) for name, pid in self.target.processes.items()}
        return {**found, "bench": [os.getpid()]}

    def figures(self, wall: float) -> dict:
        processes = self.processes()
        memory = {name: memory_mb(pids) for name, pids in processes.items()}
        cpu = {name: round(100 * (cpu_seconds(pids) - self.cpu.get(name, 0)) / wall, 1)
               for name, pids in processes.items()}  # % of one core (200: both cores busy)
        busy, total = (now - then for now, then in zip(machine_busy(), self.machine, strict=True))
        return {"memory_mb": {name: m["rss"] for name, m in memory.items()},
                "peak_memory_mb": {name: m["peak"] for name, m in memory.items()},
                "cpu_percent": cpu,
                "machine_cpu_percent": round(100 * busy / total, 1) if total else None,
                "other_cpu_percent": round(100 * busy / wall - sum(cpu.values()), 1),
                "load_average_before": round(self.load, 2)}


async def measure_levels(target: Target, args: argparse.Namespace) -> dict:
    """A warm-up, then every level in turn against one system:
    {"warm_up": figures, "levels": [figures, ...]}."""
    think, results = think_time(args.think), []
    # Not counted: the first turns after start-up are slower (caches, connections).
    records, wall = await run_level(target, 1, 2, args.max_seconds, think_time("0"),
                                    mix=WARM_UP)
    warm_up = level_figures(1, records, wall)
    print(f"  warm-up: {warm_up['replies']} replies, max {warm_up['reply_latency_ms']['max']} ms, "
          f"{warm_up['errors']} errors", flush=True)
    for level in args.levels:
        usage = Usage(target)
        records, wall = await run_level(target, level, args.conversations or max(6, 3 * level),
                                        args.max_seconds, think)
        figures = {**level_figures(level, records, wall), **usage.figures(wall)}
        stored = None
        if target.database:
            try:
                stored = await stored_references(target.database)
            except Exception as exc:  # shown in the results, never hidden
                figures["reports_check_error"] = f"{type(exc).__name__}: {exc}"[:200]
        figures["reports_started"] = sum(r["report"] for r in records)
        figures.update(compare_reports([r["reference"] for r in records if r["reference"]],
                                       stored))
        print(f"  level {level}: {figures['conversations']['completed']}/"
              f"{figures['conversations']['started']} conversations, {figures['replies']} replies, "
              f"p95 {figures['reply_latency_ms']['p95']} ms, {figures['errors']} errors, "
              f"{figures['reports_lost']} reports lost, {wall:.0f}s; other processes on the "
              f"machine {figures['other_cpu_percent']}% of a core", flush=True)
        results.append(figures)
    return {"warm_up": warm_up, "levels": results}


WARM_UP = [(residents.hate_crime_report, "web"), (residents.helplines, "telegram")]


def run_started(engines: int, args: argparse.Namespace) -> dict:
    """Start the system with `engines` replicas, measure every level, stop it."""
    postgres = args.postgres or max(args.engines) > 1  # like for like across replica counts
    run = {"label": f"{engines} engine{'s' if engines > 1 else ''}", "engines": engines,
           "database": "postgresql" if postgres else "sqlite", "system": "started by the bench",
           "levels": []}
    print(f"Starting the system with {engines} engine(s) on {run['database']}...", flush=True)
    telegram = FakeTelegram(wake_on_update=True).start()
    try:
        with started_system(engines, postgres, telegram,
                            args.out / "logs" / f"engines-{engines}") as (services, startup,
                                                                          servers):
            components = startup["components_ready_seconds"]
            run["startup"] = {**startup, "engine_ready_seconds": components.get("engine")}
            print(f"  ready in {startup['all_ready_seconds']:.1f}s: {components}", flush=True)
            target = Target(f"http://127.0.0.1:{services.settings.app_port}", telegram,
                            services.settings.database,
                            {**{name: proc.pid for name, proc in services.processes.items()},
                             **servers})
            run["memory_mb_at_ready"] = {name: memory_mb(process_pids(pid))["rss"]
                                         for name, pid in target.processes.items()}
            run.update(asyncio.run(measure_levels(target, args)))
    except (RuntimeError, SystemExit, ValueError, OSError, subprocess.SubprocessError) as exc:
        run["failed"] = str(exc)[:500]
        print(f"  could not run: {run['failed']}", file=sys.stderr, flush=True)
    finally:
        telegram.stop()
    return run


def run_at_url(args: argparse.Namespace) -> dict:
    """A running system: web residents only, no process figures."""
    run = {"label": "running system", "engines": None, "system": args.url, "levels": []}
    try:
        with urllib.request.urlopen(f"{args.url}/healthz", timeout=5) as resp:
            run["health"] = json.load(resp)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        run["failed"] = f"{args.url}/healthz: {exc}"
        return run
    database = Settings.from_env().database
    run.update(asyncio.run(measure_levels(Target(args.url, None, database), args)))
    return run


def table(results: dict) -> str:
    """The figures as a readable table, one line per run and level."""
    head = (f"{'run':<15}{'conc':>5}{'convs ok':>10}{'replies':>8}{'rep/s':>7}"
            f"{'reply p50/p95/p99 ms':>23}{'conv p50/p95 s':>16}{'errors':>7}"
            f"{'reports ok/stored/lost':>24}  memory MB / CPU % of a core")
    lines = [head, "-" * len(head)]
    for run in results["runs"]:
        if run.get("failed"):
            lines.append(f"{run['label']:<15} failed: {run['failed']}")
        for lv in run["levels"]:
            r, c, convs = lv["reply_latency_ms"], lv["conversation_latency_ms"], lv["conversations"]
            reply = f"{r['p50']}/{r['p95']}/{r['p99']}"
            conv = "-" if c["p50"] is None else f"{c['p50'] / 1000:.1f}/{c['p95'] / 1000:.1f}"
            done = f"{convs['completed']}/{convs['started']}"
            reports = f"{lv['reports_confirmed']}/{lv['reports_stored']}/{lv['reports_lost']}"
            procs = " ".join(f"{n} {mb:.0f}/{lv['cpu_percent'].get(n, 0):.0f}%"
                             for n, mb in lv["memory_mb"].items())
            lines.append(f"{run['label']:<15}{lv['concurrency']:>5}{done:>10}{lv['replies']:>8}"
                         f"{lv['replies_per_second']:>7}{reply:>23}{conv:>16}{lv['errors']:>7}"
                         f"{reports:>24}  {procs}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    random.seed(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    began = time.monotonic()
    results = {"started_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
               "options": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
               "machine": machine(), "git": git_state(), "training_seconds": training_seconds(),
               "runs": []}
    if args.url:
        results["runs"].append(run_at_url(args))
    else:
        for engines in args.engines:
            results["runs"].append(run_started(engines, args))
    results["duration_seconds"] = round(time.monotonic() - began, 1)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    draw(results, args.out / "latency.png")
    print("\n" + table(results))
    print(f"\nTraining {results['training_seconds']}s; machine {results['machine']}; "
          f"took {results['duration_seconds']:.0f}s. Written: {args.out / 'results.json'}, "
          f"{args.out / 'latency.png'}")
    return 1 if all(run.get("failed") for run in results["runs"]) else 0


if __name__ == "__main__":
    sys.exit(main())
