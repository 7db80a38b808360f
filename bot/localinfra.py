"""PostgreSQL and Redis servers on loopback, from Debian's packages, in a folder of ours.

`python -m bot run-replicas` runs the replicas on them, and the tests start throwaway
ones. Each server can be stopped and started again on the same port and data, which is how
the fault tests take the database or Redis away for a while.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from bot.runner import free_port


def postgres_binary(name: str) -> str:
    """Debian keeps PostgreSQL's server programs out of PATH, under its major version."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [shutil.which(name)]
    if not found[-1]:
        raise RuntimeError(f"PostgreSQL's {name} is not installed: apt-get install postgresql")
    return found[-1]


def _as_postgres_user() -> list[str]:
    """PostgreSQL refuses to run as root: run its commands as the `postgres` user then."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _let_postgres_in(folder: Path) -> None:
    """As root (a container), the `postgres` user owns the cluster's folder and may pass
    through (not list) the folders above it, which owner-only var/ folders otherwise stop."""
    pw = pwd.getpwnam("postgres")
    os.chown(folder, pw.pw_uid, pw.pw_gid)
    for parent in folder.resolve().parents:
        mode = parent.stat().st_mode
        if not mode & 0o001:
            parent.chmod(mode | 0o001)


def _wait_for_port(port: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f}s")


@dataclass
class LocalPostgres:
    """A PostgreSQL cluster in `root` (made on first start), trusting loopback only."""

    root: Path
    port: int = 0

    @property
    def url(self) -> str:
        """The reports database's URL (asyncpg); `tracker_url` is the engine's (psycopg2)."""
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/postgres"

    @property
    def tracker_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def start(self) -> LocalPostgres:
        self.port = self.port or free_port()
        self.root.mkdir(parents=True, exist_ok=True)
        data = self.root / "data"
        if os.geteuid() == 0:
            _let_postgres_in(self.root)
        if not data.exists():
            self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync")
        self._run("pg_ctl", "-D", str(data), "-w", "-l", str(self.root / "log"),
                  "-o", f"-p {self.port} -k {self.root} -h 127.0.0.1 -F", "start")
        return self

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "fast", "stop", check=False)

    def _run(self, program: str, *args: str, check: bool = True) -> None:
        subprocess.run([*_as_postgres_user(), postgres_binary(program), *args], check=check,
                       capture_output=True)


@dataclass
class LocalRedis:
    """A Redis server on loopback keeping nothing on disk (it only holds the engine's
    conversation locks)."""

    root: Path
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> LocalRedis:
        program = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(program).exists():
            raise RuntimeError("Redis is not installed: apt-get install redis-server")
        self.port = self.port or free_port()
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "redis.log", "ab") as log:
            self.process = subprocess.Popen(
                [program, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
                 "--appendonly", "no", "--dir", str(self.root), "--protected-mode", "yes"],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        _wait_for_port(self.port, 10)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None
