"""All configuration in one place, read once from the environment.

Every field names its environment variable and says what it does; the README's
configuration table lists the same variables (a test keeps the two in step).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _env(name: str, default: str, doc: str):
    return field(default=default, metadata={"env": name, "doc": doc})


@dataclass(frozen=True)
class Settings:
    """Typed settings; empty strings mean "use the embedded default"."""

    var_dir: Path = _env("SAFER_VAR_DIR", "var",
                         "Folder for the embedded databases, the data key and logs.")
    app_host: str = _env("APP_HOST", "127.0.0.1", "Interface the web app listens on.")
    app_port: int = _env("APP_PORT", "8080", "Port of the web app (chat, API, staff console).")
    engine_url: str = _env("ENGINE_URL", "http://127.0.0.1:5005",
                           "Base URL of the Rasa engine (loopback only: its REST channel has no "
                           "auth). Several, comma-separated, are replicas: each conversation "
                           "goes to one, chosen by a hash of its sender.")
    engine_token: str = _env("ENGINE_TOKEN", "",
                             "Auth token of the engine's HTTP API; `make run` makes a random one.")
    engine_timeout: float = _env("ENGINE_TIMEOUT", "15",
                                 "Seconds the app waits for the engine before answering without it.")
    action_server_url: str = _env("ACTION_SERVER_URL", "http://127.0.0.1:5055/webhook",
                                  "Webhook of the custom action server (loopback only); one "
                                  "per ENGINE_URL entry, in the same order, for replicas.")
    database_url: str = _env("DATABASE_URL", "",
                             "SQLAlchemy async URL of the reports database; empty: SQLite in "
                             "SAFER_VAR_DIR/app.db. PostgreSQL: postgresql+asyncpg://user:pw@host/db")
    tracker_store_url: str = _env("TRACKER_STORE_URL", "",
                                  "SQLAlchemy URL of the engine's conversation store; empty: SQLite in "
                                  "SAFER_VAR_DIR/trackers.db. PostgreSQL: postgresql://user:pw@host/db")
    redis_url: str = _env("REDIS_URL", "",
                          "Redis for the engine's conversation locks (redis://[:password@]host"
                          ":port/db); empty: locks in the engine's memory, enough for one "
                          "engine. Engine replicas need it.")
    data_key: str = _env("DATA_KEY", "",
                         "Master key (Fernet, urlsafe base64) for data at rest; empty: a key "
                         "file SAFER_VAR_DIR/data.key made on first run, owner-only.")
    data_key_previous: str = _env("DATA_KEY_PREVIOUS", "",
                                  "Master keys retired by a rotation, comma-separated: stored "
                                  "text is still read with them until `python -m bot "
                                  "rotate-key` has re-encrypted it.")
    telegram_bot_token: str = _env("TELEGRAM_BOT_TOKEN", "",
                                   "Token from @BotFather; when set, the Telegram bot polls.")
    telegram_api_url: str = _env("TELEGRAM_API_URL", "https://api.telegram.org/bot",
                                 "Bot API base URL (a local Bot API server, or the tests' fake).")
    telegram_webhook_url: str = _env(
        "TELEGRAM_WEBHOOK_URL", "",
        "Public HTTPS URL that reaches this app's /telegram/webhook; when set, Telegram posts "
        "updates there instead of the bot polling.")
    telegram_webhook_secret: str = _env(
        "TELEGRAM_WEBHOOK_SECRET", "",
        "Secret Telegram sends with every webhook update (1-256 of A-Z a-z 0-9 _ -); "
        "required with TELEGRAM_WEBHOOK_URL, updates without it are refused.")
    retention_days: int = _env("RETENTION_DAYS", "365",
                               "Closed reports are deleted this many days after they closed "
                               "(daily by the app, or `python -m bot purge`).")
    asb_case_review_incidents: int = _env(
        "ASB_CASE_REVIEW_INCIDENTS", "3",
        "ASB reports from one chat within ASB_CASE_REVIEW_MONTHS that reach the ASB Case "
        "Review threshold.")
    asb_case_review_months: int = _env("ASB_CASE_REVIEW_MONTHS", "6",
                                       "The window, in months, for the ASB Case Review count.")
    staff_idle_minutes: int = _env("STAFF_IDLE_MINUTES", "30",
                                   "A staff session unused for this many minutes is signed out "
                                   "(and any session after 8 hours).")
    staff_cookie_secure: bool = _env("STAFF_COOKIE_SECURE", "false",
                                     "`true`: the staff session cookie is sent over HTTPS only. "
                                     "Set it behind the HTTPS proxy of a real deployment.")
    web_notice_seconds: int = _env("WEB_NOTICE_SECONDS", "60",
                                   "How often an open web chat page asks whether staff wrote "
                                   "about a report made in it.")
    log_level: str = _env("LOG_LEVEL", "INFO", "Python log level of the app and action server.")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Build settings from `environ` (default: os.environ), converting each type."""
        environ = os.environ if environ is None else environ
        values = {}
        for f in fields(cls):
            raw = environ.get(f.metadata["env"], f.default)
            values[f.name] = _convert(f.name, f.type, raw)
        settings = cls(**values)
        _check_webhook(settings)
        _check_replicas(settings)
        if settings.web_notice_seconds < 1:
            raise SystemExit("configuration: WEB_NOTICE_SECONDS must be at least 1")
        if not settings.var_dir.is_absolute():
            object.__setattr__(settings, "var_dir", PROJECT_ROOT / settings.var_dir)
        return settings

    def to_env(self) -> dict[str, str]:
        """These settings as environment variables, for the processes this one starts."""
        return {f.metadata["env"]: str(getattr(self, f.name)) for f in fields(self)}

    @property
    def database(self) -> str:
        """The reports database URL, the embedded SQLite file unless configured."""
        return self.database_url or f"sqlite+aiosqlite:///{self.var_dir / 'app.db'}"

    @property
    def engine_urls(self) -> list[str]:
        """Every engine replica's base URL (one unless ENGINE_URL lists several)."""
        return _listed(self.engine_url)

    @property
    def action_server_urls(self) -> list[str]:
        """The action server of each engine replica, in the same order."""
        return _listed(self.action_server_url)

    @property
    def case_review_figures(self) -> dict[str, int]:
        """The ASB Case Review threshold, as the guidance's {{incidents}} and {{months}}."""
        return {"incidents": self.asb_case_review_incidents,
                "months": self.asb_case_review_months}

    @property
    def tracker_store(self) -> str:
        """The engine's tracker store URL, the embedded SQLite file unless configured."""
        return self.tracker_store_url or f"sqlite:///{self.var_dir / 'trackers.db'}"


def _check_webhook(settings: Settings) -> None:
    """Webhook mode needs an HTTPS URL (Telegram's rule) and a secret to tell its updates
    from anyone else's."""
    if not settings.telegram_webhook_url:
        return
    if not settings.telegram_webhook_url.startswith("https://"):
        raise SystemExit("configuration: TELEGRAM_WEBHOOK_URL must start with https://")
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", settings.telegram_webhook_secret):
        raise SystemExit("configuration: TELEGRAM_WEBHOOK_SECRET must be 1 to 256 of "
                         "A-Z a-z 0-9 _ - when TELEGRAM_WEBHOOK_URL is set")


def _listed(raw: str) -> list[str]:
    return [part.strip() for part in raw.split(",") if part.strip()]


def _check_replicas(settings: Settings) -> None:
    """Each engine replica has its own action server; replicas share one conversation store,
    so they need PostgreSQL for it and Redis for the conversation locks."""
    engines, actions = settings.engine_urls, settings.action_server_urls
    if not engines or len(engines) != len(actions):
        raise SystemExit(f"configuration: ENGINE_URL lists {len(engines)} engines and "
                         f"ACTION_SERVER_URL {len(actions)} action servers: one each")
    if len(engines) > 1 and not (settings.redis_url and settings.tracker_store_url):
        raise SystemExit("configuration: engine replicas need REDIS_URL (conversation locks) "
                         "and TRACKER_STORE_URL (one conversation store for all of them)")


def _boolean(raw: str) -> bool:
    words = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
    if raw.strip().lower() not in words:
        raise ValueError("use true or false")
    return words[raw.strip().lower()]


def _convert(name: str, type_name: str, raw: str):
    converters = {"int": int, "float": float, "Path": Path, "str": str, "bool": _boolean}
    try:
        return converters[type_name](raw)
    except ValueError as exc:
        raise SystemExit(f"configuration: {name} has an invalid value {raw!r}: {exc}") from None


def env_table() -> list[tuple[str, str, str]]:
    """(variable, default, description) for every setting, for docs and their test."""
    return [(f.metadata["env"], f.default, f.metadata["doc"]) for f in fields(Settings)]
