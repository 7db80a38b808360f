"""Settings come from the environment, and the README documents every one of them."""

import pytest

from bot.settings import PROJECT_ROOT, Settings, env_table


def test_defaults_are_the_embedded_ones(tmp_path):
    s = Settings.from_env({"SAFER_VAR_DIR": str(tmp_path)})
    assert s.database == f"sqlite+aiosqlite:///{tmp_path / 'app.db'}"
    assert s.tracker_store == f"sqlite:///{tmp_path / 'trackers.db'}"
    assert s.app_port == 8080 and s.engine_url.startswith("http://127.0.0.1")


def test_configured_values_win_and_are_typed():
    s = Settings.from_env({"APP_PORT": "9000", "ENGINE_TIMEOUT": "2.5",
                           "DATABASE_URL": "postgresql+asyncpg://u@h/db"})
    assert s.app_port == 9000 and s.engine_timeout == 2.5
    assert s.database == "postgresql+asyncpg://u@h/db"


def test_a_bad_value_stops_with_a_clear_message():
    with pytest.raises(SystemExit, match="app_port has an invalid value 'eighty'"):
        Settings.from_env({"APP_PORT": "eighty"})


def test_readme_documents_every_setting():
    readme = (PROJECT_ROOT / "README.md").read_text()
    for name, _default, _ in env_table():
        assert f"`{name}`" in readme, name


@pytest.mark.parametrize(("environ", "message"), [
    ({"TELEGRAM_WEBHOOK_URL": "http://bot.example.org/telegram/webhook",
      "TELEGRAM_WEBHOOK_SECRET": "abc"}, "must start with https://"),
    ({"TELEGRAM_WEBHOOK_URL": "https://bot.example.org/telegram/webhook"},
     "TELEGRAM_WEBHOOK_SECRET must be 1 to 256"),
    ({"TELEGRAM_WEBHOOK_URL": "https://bot.example.org/telegram/webhook",
      "TELEGRAM_WEBHOOK_SECRET": "has spaces in it"}, "TELEGRAM_WEBHOOK_SECRET must be 1 to 256"),
])
def test_webhook_mode_needs_https_and_a_secret(environ, message):
    with pytest.raises(SystemExit) as stopped:
        Settings.from_env(environ)
    assert message in str(stopped.value)
