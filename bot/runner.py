"""Starting and stopping the three processes: engine, action server and app.

`make run` uses it to run everything, and the end-to-end tests use it to start the same
processes the same way. The engine and the action server listen on loopback only.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.crypto import tracker_store_keys
from bot.settings import PROJECT_ROOT, Settings

ENGINE_BIN = PROJECT_ROOT / ".venv-engine" / "bin" / "rasa"
MODEL = PROJECT_ROOT / "models" / "current.tar.gz"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
STOP_GRACE_SECONDS = 15
# What /healthz calls a component that is fully up (Telegram may be off, polling or webhook).
READY_STATES = {"ready", "disabled", "polling", "webhook"}


def free_port() -> int:
    """A loopback port nothing listens on right now (the OS picks it)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def loopback_address(url: str, what: str) -> tuple[str, int]:
    """(host, port) of `url`, refusing anything but loopback (these have no auth)."""
    parts = urlsplit(url)
    if parts.hostname not in LOOPBACK or parts.port is None:
        raise SystemExit(f"{what} must be on loopback with a port (got {url!r})")
    return parts.hostname, parts.port


def child_environment(settings: Settings) -> dict[str, str]:
    """The environment every child gets: settings resolved, secrets passed, noise off."""
    env = {**os.environ, **settings.to_env(), **lock_store_environment(settings.redis_url)}
    env.update({
        "ENGINE_TOKEN": settings.engine_token or secrets.token_urlsafe(32),
        "TRACKER_STORE_URL": settings.tracker_store,
        "TRACKER_STORE_KEYS": tracker_store_keys(settings),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def lock_store_environment(redis_url: str) -> dict[str, str]:
    """The engine's conversation locks (endpoints.yml's lock_store): Redis when REDIS_URL
    is set, else the engine's memory."""
    if not redis_url:
        return {"LOCK_STORE_TYPE": "in_memory", "REDIS_HOST": "", "REDIS_PORT": "6379",
                "REDIS_DB": "0", "REDIS_PASSWORD": ""}
    parts = urlsplit(redis_url)
    if parts.scheme != "redis" or not parts.hostname:
        raise SystemExit(f"REDIS_URL must look like redis://host:port/db (got {parts.scheme}://...)")
    return {"LOCK_STORE_TYPE": "redis", "REDIS_HOST": parts.hostname,
            "REDIS_PORT": str(parts.port or 6379), "REDIS_DB": parts.path.strip("/") or "0",
            "REDIS_PASSWORD": parts.password or ""}


@dataclass
class Command:
    """A process to start: its command line and what its environment adds to the shared one."""

    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)


def replica_name(process: str, index: int) -> str:
    """engine, engine-2, engine-3...: the first replica keeps the plain name."""
    return process if index == 0 else f"{process}-{index + 1}"


def commands(settings: Settings, env: dict[str, str],
             app_ports: list[int] | None = None) -> dict[str, Command]:
    """Every process by name: one engine and one action server per ENGINE_URL entry, and one
    app per port in `app_ports` (default: one on APP_PORT)."""
    programs = {}
    pairs = zip(settings.engine_urls, settings.action_server_urls, strict=True)
    for i, (engine_url, actions_url) in enumerate(pairs):
        engine_host, engine_port = loopback_address(engine_url, "ENGINE_URL")
        actions_host, actions_port = loopback_address(actions_url, "ACTION_SERVER_URL")
        programs[replica_name("engine", i)] = Command(
            [str(ENGINE_BIN), "run", "--enable-api", f"--auth-token={env['ENGINE_TOKEN']}",
             "--interface", engine_host, "--port", str(engine_port), "--model", str(MODEL),
             "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"],
            # One BLAS thread: the sentence embedding's small products gain nothing from a
            # second, whose busy-waiting took the other core from the app and actions
            # (make bench, 20 conversations: reply p95 699 ms with two, 307 ms with one).
            {"ACTION_SERVER_URL": actions_url, "OPENBLAS_NUM_THREADS": "1",
             # The engine's own responses are said by the same action server, in the
             # resident's language (actions/nlg.py).
             "NLG_URL": actions_url.rsplit("/webhook", 1)[0] + "/nlg"})
        programs[replica_name("actions", i)] = Command(
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(actions_port)],
            {"SANIC_HOST": actions_host})  # rasa-sdk would otherwise bind 0.0.0.0
    for i, port in enumerate(app_ports or [settings.app_port]):
        programs[replica_name("app", i)] = Command([sys.executable, "-m", "bot", "serve"],
                                                   {"APP_PORT": str(port)})
    return programs


@dataclass
class Services:
    """The running processes, their logs, and how to wait for and stop them."""

    settings: Settings
    env: dict[str, str]
    programs: dict[str, Command] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.programs = self.programs or commands(self.settings, self.env)

    @property
    def log_dir(self) -> Path:
        return self.settings.var_dir / "logs"

    def start(self, names: tuple[str, ...] | None = None) -> None:
        """Start the named processes (default: all), each in its own process group."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        for name in names or tuple(self.programs):
            program = self.programs[name]
            with open(self.log_dir / f"{name}.log", "ab") as log:
                self.processes[name] = subprocess.Popen(
                    program.argv, cwd=PROJECT_ROOT, env={**self.env, **program.env},
                    stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def kill(self, name: str) -> None:
        """SIGKILL a process group, as a crash would end it (the fault tests use it)."""
        proc = self.processes.pop(name)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()

    def health(self, port: int | None = None) -> dict:
        """An app's /healthz answer (default: on APP_PORT), or {} while it is not up."""
        url = f"http://127.0.0.1:{port or self.settings.app_port}/healthz"
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as exc:
            return json.load(exc)
        except (OSError, ValueError):
            return {}

    def wait_ready(self, timeout: float, progress=None, port: int | None = None) -> dict:
        """Poll an app's /healthz until every component (every replica) is ready; fail fast
        if a process dies."""

        def probe() -> dict | None:
            health = self.health(port)
            if progress:
                progress(health)
            complete = set((health.get("components") or {}).values()) <= READY_STATES
            return health if health.get("status") == "ok" and complete else None

        try:
            return self.wait_until(probe, timeout)
        except TimeoutError:
            raise RuntimeError(f"not ready after {timeout:.0f}s: {self.health(port)} "
                               f"(logs in {self.log_dir})") from None

    def wait_until(self, probe, timeout: float, interval: float = 0.25):
        """Call probe() until it returns something truthy, and return that; raise
        RuntimeError if a process dies, TimeoutError when the time is up."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = probe()
            if result:
                return result
            self.check_alive()
            time.sleep(interval)
        raise TimeoutError(f"not ready after {timeout:.0f}s")

    def check_alive(self) -> None:
        for name, proc in self.processes.items():
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with code {proc.returncode}; "
                                   f"see {self.log_dir / (name + '.log')}")

    def stop(self, names: tuple[str, ...] | None = None) -> None:
        """SIGTERM each process group, then SIGKILL what is still there after the grace time."""
        chosen = {n: p for n, p in self.processes.items() if names is None or n in names}
        for proc in chosen.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for proc in chosen.values():
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        for name in chosen:
            self.processes.pop(name)


@dataclass
class OneOfEach:
    """`make run`'s processes: one engine, one action server and one app (bot/replicas.py
    has the same three methods for several of each)."""

    settings: Settings
    services: Services | None = None

    def start(self) -> Services:
        from bot.storage.migrate import upgrade

        upgrade(self.settings.database)
        self.services = Services(self.settings, child_environment(self.settings))
        self.services.start()
        return self.services

    def wait_ready(self, timeout: float, progress=None) -> None:
        self.services.wait_ready(timeout, progress)

    def stop(self) -> None:
        if self.services:
            self.services.stop()


@contextlib.contextmanager
def running_system(var_dir: Path, startup_seconds: float = 300,
                   **env: str) -> Iterator[Services]:
    """Engine, action server and app, started as `make run` starts them on free loopback
    ports with `env` on top, ready; stopped on leaving, whatever happened (the tests and the
    conversation evaluation use it)."""
    from bot.storage.migrate import upgrade

    settings = Settings.from_env({
        "SAFER_VAR_DIR": str(var_dir),
        "APP_PORT": str(free_port()),
        "ENGINE_URL": f"http://127.0.0.1:{free_port()}",
        "ACTION_SERVER_URL": f"http://127.0.0.1:{free_port()}/webhook",
        **env,
    })
    upgrade(settings.database)
    services = Services(settings, child_environment(settings))
    services.start()
    try:
        services.wait_ready(startup_seconds)
        yield services
    finally:
        services.stop()


def _stop_like_ctrl_c(_signum, _frame) -> None:
    """SIGTERM (from systemd, or `kill`) stops everything the way Ctrl-C does."""
    raise KeyboardInterrupt


def run(settings: Settings, replicas: int = 1) -> None:
    """`make run` (and `make run-replicas`): migrate, start everything, report progress,
    stop cleanly on Ctrl-C."""
    from bot.replicas import Replicas

    if not MODEL.exists():
        raise SystemExit(f"no trained model at {MODEL}: run `make model` first")
    if replicas < 1:
        raise SystemExit("--replicas must be at least 1")
    os.umask(0o077)  # databases, keys and logs readable by this user only
    group = OneOfEach(settings) if replicas == 1 else Replicas(settings, replicas)
    signal.signal(signal.SIGTERM, _stop_like_ctrl_c)
    started = time.monotonic()
    last = [None]

    def progress(health: dict) -> None:
        states = health.get("components") or {"app": "starting"}
        line = ", ".join(f"{k}: {v}" for k, v in states.items())
        if line != last[0]:
            print(f"[{time.monotonic() - started:5.0f}s] {line}", flush=True)
            last[0] = line

    try:
        copies = "" if replicas == 1 else f" ({replicas} of each, on PostgreSQL and Redis)"
        print(f"Starting engine, action server and app{copies} (logs in "
              f"{settings.var_dir / 'logs'})...", flush=True)
        services = group.start()
        group.wait_ready(timeout=600 * replicas, progress=progress)
        base = f"http://localhost:{settings.app_port}"
        print(f"\nReady in {time.monotonic() - started:.0f}s.\n"
              f"  Web chat:      {base}/chat\n  Staff console: {base}/staff\n"
              f"  Health:        {base}/healthz\nPress Ctrl-C to stop.", flush=True)
        while True:
            services.check_alive()
            time.sleep(1)
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not leave orphans
        group.stop()
        print("Stopped.")
