"""Starting and stopping the three processes: engine, action server and app.

`make run` uses it to run everything, and the end-to-end tests use it to start the same
processes the same way. The engine and the action server listen on loopback only.
"""

from __future__ import annotations

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
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.crypto import tracker_store_keys
from bot.settings import PROJECT_ROOT, Settings

ENGINE_BIN = PROJECT_ROOT / ".venv-engine" / "bin" / "rasa"
MODEL = PROJECT_ROOT / "models" / "current.tar.gz"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
STOP_GRACE_SECONDS = 15


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
    env = {**os.environ, **settings.to_env()}
    env.update({
        "ENGINE_TOKEN": settings.engine_token or secrets.token_urlsafe(32),
        "TRACKER_STORE_URL": settings.tracker_store,
        "TRACKER_STORE_KEYS": tracker_store_keys(settings),
        "SANIC_HOST": loopback_address(settings.action_server_url, "ACTION_SERVER_URL")[0],
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def commands(settings: Settings, env: dict[str, str]) -> dict[str, list[str]]:
    """The command line of each process, by name."""
    engine_host, engine_port = loopback_address(settings.engine_url, "ENGINE_URL")
    _, actions_port = loopback_address(settings.action_server_url, "ACTION_SERVER_URL")
    return {
        "engine": [str(ENGINE_BIN), "run", "--enable-api", f"--auth-token={env['ENGINE_TOKEN']}",
                   "--interface", engine_host, "--port", str(engine_port), "--model", str(MODEL),
                   "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"],
        "actions": [sys.executable, "-m", "rasa_sdk", "--actions", "actions",
                    "--port", str(actions_port)],
        "app": [sys.executable, "-m", "bot", "serve"],
    }


@dataclass
class Services:
    """The running processes, their logs, and how to wait for and stop them."""

    settings: Settings
    env: dict[str, str]
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def log_dir(self) -> Path:
        return self.settings.var_dir / "logs"

    def start(self, names: tuple[str, ...] = ("engine", "actions", "app")) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        cmds = commands(self.settings, self.env)
        for name in names:
            with open(self.log_dir / f"{name}.log", "ab") as log:
                self.processes[name] = subprocess.Popen(
                    cmds[name], cwd=PROJECT_ROOT, env=self.env, stdout=log,
                    stderr=subprocess.STDOUT, start_new_session=True)

    def health(self) -> dict:
        """The app's /healthz answer, or {} while the app itself is not up."""
        url = f"http://127.0.0.1:{self.settings.app_port}/healthz"
        try:
            with urllib.request.urlopen(url, timeout=5) as resp:
                return json.load(resp)
        except urllib.error.HTTPError as exc:
            return json.load(exc)
        except (OSError, ValueError):
            return {}

    def wait_ready(self, timeout: float, progress=None) -> dict:
        """Poll /healthz until everything is ready; fail fast if a process dies."""

        def probe() -> dict | None:
            health = self.health()
            if progress:
                progress(health)
            return health if health.get("status") == "ok" else None

        try:
            return self.wait_until(probe, timeout)
        except TimeoutError:
            raise RuntimeError(f"not ready after {timeout:.0f}s: {self.health()} "
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


def _stop_like_ctrl_c(_signum, _frame) -> None:
    """SIGTERM (from systemd, or `kill`) stops everything the way Ctrl-C does."""
    raise KeyboardInterrupt


def run(settings: Settings) -> None:
    """`make run`: migrate, start everything, report progress, stop cleanly on Ctrl-C."""
    from bot.storage.migrate import upgrade

    if not MODEL.exists():
        raise SystemExit(f"no trained model at {MODEL}: run `make model` first")
    os.umask(0o077)  # databases, keys and logs readable by this user only
    upgrade(settings.database)
    services = Services(settings, child_environment(settings))
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
        print(f"Starting engine, action server and app (logs in {services.log_dir})...")
        services.start()
        services.wait_ready(timeout=600, progress=progress)
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
        services.stop()
        print("Stopped.")
