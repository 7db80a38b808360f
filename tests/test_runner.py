"""How the runner starts the processes: loopback only, and arguments that parse."""

import pytest

from bot.runner import child_environment, commands
from tests.conftest import make_settings


def test_a_token_starting_with_a_dash_is_still_one_argument(tmp_path):
    settings = make_settings(tmp_path, ENGINE_TOKEN="-starts-with-a-dash")
    cmd = commands(settings, child_environment(settings))["engine"]
    assert "--auth-token=-starts-with-a-dash" in cmd


def test_engine_and_actions_listen_on_loopback_only(tmp_path):
    settings = make_settings(tmp_path)
    env = child_environment(settings)
    engine = commands(settings, env)["engine"]
    assert engine[engine.index("--interface") + 1] == "127.0.0.1"
    assert env["SANIC_HOST"] == "127.0.0.1"


@pytest.mark.parametrize("name", ["ENGINE_URL", "ACTION_SERVER_URL"])
def test_a_public_address_for_engine_or_actions_is_refused(tmp_path, name):
    settings = make_settings(tmp_path, **{name: "http://0.0.0.0:5005/webhook"})
    with pytest.raises(SystemExit, match=f"{name} must be on loopback"):
        commands(settings, child_environment(settings))


def test_wait_until_returns_the_probe_result_or_says_why_it_stopped(tmp_path):
    import subprocess
    import sys

    from bot.runner import Services

    settings = make_settings(tmp_path)
    services = Services(settings, child_environment(settings))
    assert services.wait_until(lambda: "ready", timeout=1) == "ready"
    with pytest.raises(TimeoutError):
        services.wait_until(lambda: None, timeout=0.3, interval=0.05)
    services.processes["engine"] = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    services.processes["engine"].wait()
    with pytest.raises(RuntimeError, match="engine exited with code 3"):
        services.wait_until(lambda: None, timeout=5)
