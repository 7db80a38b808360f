"""Several copies of every process, for more residents than one copy serves, and for
keeping on when one copy fails.

`python -m bot run --replicas 2` (`make run-replicas`) starts, on loopback:
- PostgreSQL (reports and the engine's conversations) and Redis (the engine's conversation
  locks), from Debian's packages, in SAFER_VAR_DIR, unless DATABASE_URL and REDIS_URL name
  servers of your own (then TRACKER_STORE_URL is needed too);
- REPLICAS engines, each with its own action server; every app sends a conversation to the
  engine its sender's hash picks (bot/engine.py), so one engine handles it at a time;
- REPLICAS apps on APP_PORT+1, APP_PORT+2..., behind nginx on APP_HOST:APP_PORT, which
  spreads requests over them and passes a request to the next app when one is down.

Telegram: with TELEGRAM_WEBHOOK_URL, every app takes updates (each handled once, see
bot/telegram/updates.py); polling is done by the first app only, as Telegram allows one
poller per bot.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from bot.localinfra import LocalPostgres, LocalRedis
from bot.runner import Command, Services, child_environment, commands, replica_name
from bot.settings import Settings

REPLICAS = 2
NGINX_CONF = """\
worker_processes 1;
pid {root}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    upstream apps {{
{servers}
    }}
    server {{
        listen {host}:{port};
        client_max_body_size 64k;
        location / {{
            proxy_pass http://apps;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_read_timeout 60s;
            # A POST is passed to the next app only if the first never received it.
            proxy_next_upstream error timeout;
        }}
    }}
}}
"""


def nginx_binary() -> str:
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(found).exists():
        raise RuntimeError("nginx is not installed: apt-get install nginx")
    return found


def spread(url: str, count: int) -> str:
    """`count` loopback URLs on consecutive ports from one ("http://127.0.0.1:5005" ->
    ...:5005,...:5006), unless the setting already lists `count` of them."""
    listed = [part.strip() for part in url.split(",") if part.strip()]
    if len(listed) == count:
        return ",".join(listed)
    parts = urlsplit(listed[0])
    return ",".join(parts._replace(netloc=f"{parts.hostname}:{parts.port + i}").geturl()
                    for i in range(count))


@dataclasses.dataclass
class Replicas:
    """The servers, the processes and nginx: start() them all, stop() them all."""

    settings: Settings
    count: int = REPLICAS
    app_ports: list[int] = dataclasses.field(default_factory=list)
    postgres: LocalPostgres | None = None
    redis: LocalRedis | None = None
    services: Services | None = None

    def start(self) -> Services:
        from bot.storage.migrate import upgrade

        self.settings = self._with_servers(self.settings)
        upgrade(self.settings.database)
        self.app_ports = self.app_ports or [self.settings.app_port + 1 + i
                                            for i in range(self.count)]
        env = child_environment(self.settings)
        programs = commands(self.settings, env, self.app_ports)
        for i in range(self.count):  # only nginx faces APP_HOST
            programs[replica_name("app", i)].env["APP_HOST"] = "127.0.0.1"
        self._poll_telegram_once(programs)
        programs["proxy"] = self._nginx()
        self.services = Services(self.settings, env, programs)
        self.services.start()
        return self.services

    def wait_ready(self, timeout: float, progress=None) -> None:
        """Every app ready (each sees every engine and action server), then nginx."""
        for port in self.app_ports:
            self.services.wait_ready(timeout, progress, port=port)
        self.services.wait_ready(timeout, progress)

    def stop(self) -> None:
        if self.services:
            self.services.stop()
        for server in (self.redis, self.postgres):
            if server:
                server.stop()

    def _with_servers(self, settings: Settings) -> Settings:
        """Start what isn't configured, and point every replica at it."""
        var = settings.var_dir
        changes = {"engine_url": spread(settings.engine_url, self.count),
                   "action_server_url": spread(settings.action_server_url, self.count)}
        if not settings.database_url:
            self.postgres = LocalPostgres(var / "postgres").start()
            changes.update(database_url=self.postgres.url,
                           tracker_store_url=self.postgres.tracker_url)
        elif not settings.tracker_store_url:
            raise SystemExit("replicas need TRACKER_STORE_URL with DATABASE_URL")
        if not settings.redis_url:
            self.redis = LocalRedis(var / "redis").start()
            changes["redis_url"] = self.redis.url
        return dataclasses.replace(settings, **changes)

    def _poll_telegram_once(self, programs: dict[str, Command]) -> None:
        if self.settings.telegram_bot_token and not self.settings.telegram_webhook_url:
            for i in range(1, self.count):
                programs[replica_name("app", i)].env["TELEGRAM_BOT_TOKEN"] = ""

    def _nginx(self) -> Command:
        root = self.settings.var_dir / "nginx"
        root.mkdir(parents=True, exist_ok=True)
        # Never marked down: a stopped app refuses at once on loopback, and an app restarted
        # a moment ago must get requests again at once.
        servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=0;"
                            for port in self.app_ports)
        conf = root / "nginx.conf"
        conf.write_text(NGINX_CONF.format(root=root, servers=servers, host=self.settings.app_host,
                                          port=self.settings.app_port))
        return Command([nginx_binary(), "-p", str(root), "-c", str(conf),
                        "-e", str(root / "error.log"), "-g", "daemon off;"])
