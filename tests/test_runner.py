"""How the runner starts the processes: loopback only, and arguments that parse."""

import pytest

from bot.runner import child_environment, commands
from tests.conftest import make_settings


def test_a_token_starting_with_a_dash_is_still_one_argument(tmp_path):
    settings = make_settings(tmp_path, ENGINE_TOKEN="-starts-with-a-dash")
    cmd = commands(settings, child_environment(settings))["engine"]
    assert "--auth-token=-starts-with-a-dash" in cmd.argv


def test_the_engine_runs_its_matrix_products_on_one_thread(tmp_path):
    settings = make_settings(tmp_path)
    assert commands(settings, child_environment(settings))["engine"].env["OPENBLAS_NUM_THREADS"] == "1"


def test_engine_and_actions_listen_on_loopback_only(tmp_path):
    settings = make_settings(tmp_path)
    programs = commands(settings, child_environment(settings))
    engine = programs["engine"].argv
    assert engine[engine.index("--interface") + 1] == "127.0.0.1"
    assert programs["actions"].env["SANIC_HOST"] == "127.0.0.1"


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


def test_each_engine_replica_gets_its_own_action_server_and_app_replicas_their_ports(tmp_path):
    settings = make_settings(
        tmp_path, ENGINE_URL="http://127.0.0.1:7001,http://127.0.0.1:7002",
        ACTION_SERVER_URL="http://127.0.0.1:7101/webhook,http://127.0.0.1:7102/webhook",
        REDIS_URL="redis://127.0.0.1:7200/0", TRACKER_STORE_URL="postgresql://u@127.0.0.1/t")
    programs = commands(settings, child_environment(settings), app_ports=[7301, 7302])
    assert sorted(programs) == ["actions", "actions-2", "app", "app-2", "engine", "engine-2"]
    assert programs["engine-2"].argv[programs["engine-2"].argv.index("--port") + 1] == "7002"
    assert programs["engine-2"].env["ACTION_SERVER_URL"] == "http://127.0.0.1:7102/webhook"
    assert programs["actions-2"].argv[-1] == "7102"
    assert [programs[a].env["APP_PORT"] for a in ("app", "app-2")] == ["7301", "7302"]


@pytest.mark.parametrize(("redis_url", "expected"), [
    ("", {"LOCK_STORE_TYPE": "in_memory"}),
    ("redis://:s3cret@127.0.0.1:6390/2", {"LOCK_STORE_TYPE": "redis", "REDIS_HOST": "127.0.0.1",
                                          "REDIS_PORT": "6390", "REDIS_DB": "2",
                                          "REDIS_PASSWORD": "s3cret"}),
])
def test_the_engines_lock_store_follows_redis_url(redis_url, expected):
    from bot.runner import lock_store_environment

    assert expected.items() <= lock_store_environment(redis_url).items()


@pytest.mark.parametrize(("environ", "message"), [
    ({"ENGINE_URL": "http://127.0.0.1:1,http://127.0.0.1:2"}, "lists 2 engines and ACTION_SERVER_URL 1"),
    ({"ENGINE_URL": "http://127.0.0.1:1,http://127.0.0.1:2",
      "ACTION_SERVER_URL": "http://127.0.0.1:3/webhook,http://127.0.0.1:4/webhook"},
     "engine replicas need REDIS_URL"),
])
def test_replicas_need_their_pairs_and_shared_stores(tmp_path, environ, message):
    with pytest.raises(SystemExit, match=message):
        make_settings(tmp_path, **environ)
