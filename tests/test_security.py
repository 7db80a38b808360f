"""Security checks: the processes listen on loopback only, the runner refuses an engine or
action server off loopback, secrets come only from the environment (none in the
repository, and only bot/settings.py reads configuration from it), and the logs hold no
resident's words, contact details, Telegram id or key after full reports.

Each check has a self-test that plants what it looks for and sees it caught, so none can
pass by looking at nothing.
"""

from __future__ import annotations

import ast
import asyncio
import ipaddress
import os
import random
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.runner import child_environment, commands
from bot.settings import PROJECT_ROOT
from tests.conftest import make_settings
from tests.dialogue import (
    REFERENCE,
    WITNESS_ANSWERS,
    choose,
    texts,
)
from tests.fake_telegram import BOT_TOKEN, FakeTelegram
from tests.system import running_system
from tests.test_end_to_end import (
    answer_questions,
    chat,
    telegram_sender,
)

# ---- (b) the runner refuses an engine or action server off loopback ----------------------
# tests/test_runner.py already refuses 0.0.0.0; these are the other ways off loopback.

OFF_LOOPBACK = [
    "http://[::]:5005",  # every IPv6 interface
    "http://engine.internal:5005",  # a name that resolves who knows where
    "http://127.0.0.1.nip.io:5005",  # looks like loopback, is a public name
    "http://localhost.example.org:5005",
    "http://127.0.0.1@evil.example.org:5005",  # userinfo trick: the host is evil.example.org
    "http://10.0.0.5:5005",  # a private address is still a network address
    "http://127.0.0.1",  # no port: rasa would pick one and bind it
]


@pytest.mark.parametrize("url", OFF_LOOPBACK)
@pytest.mark.parametrize("name", ["ENGINE_URL", "ACTION_SERVER_URL"])
def test_the_runner_refuses_an_engine_or_action_server_off_loopback(tmp_path, name, url):
    """Neither the engine (no auth on its REST channel) nor the action server is started
    anywhere but on loopback, however the address is written."""
    if name == "ACTION_SERVER_URL":
        url = url.replace(":5005", ":5055") + "/webhook"
    settings = make_settings(tmp_path, **{name: url})
    with pytest.raises(SystemExit, match=f"{name} must be on loopback"):
        commands(settings, child_environment(settings))


def test_the_runner_refuses_a_second_replica_off_loopback(tmp_path):
    """With replicas, every engine and action server in the list is checked, not only the
    first."""
    settings = make_settings(
        tmp_path, ENGINE_URL="http://127.0.0.1:7001,http://0.0.0.0:7002",
        ACTION_SERVER_URL="http://127.0.0.1:7101/webhook,http://127.0.0.1:7102/webhook",
        REDIS_URL="redis://127.0.0.1:7200/0", TRACKER_STORE_URL="postgresql://u@127.0.0.1/t")
    with pytest.raises(SystemExit, match="ENGINE_URL must be on loopback"):
        commands(settings, child_environment(settings))


# ---- (c) secrets only from the environment ------------------------------------------------

def project_files() -> list[Path]:
    """Every file that is or would be committed: tracked, or new and not ignored."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=PROJECT_ROOT, capture_output=True, check=True).stdout
    return [PROJECT_ROOT / name for name in listed.decode().split("\0")
            if name and (PROJECT_ROOT / name).is_file()]


# Passwords the README and tests use in example URLs: obviously not real.
PLACEHOLDER_PASSWORDS = {"secret", "s3cret", "pw", "password", "pass", "changeme"}
SECRET_PATTERNS = {
    "Telegram bot token": re.compile(r"\b\d{6,}:[A-Za-z0-9_-]{30,}"),
    "Fernet key": re.compile(r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}=(?![A-Za-z0-9_=-])"),
    "private key": re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    "password in a URL": re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s/:@'\"]*:([^\s/@'\"]+)@"),
}


def secrets_in(text: str) -> list[tuple[str, str]]:
    """(kind, what) for each secret-looking value in the text."""
    found = []
    for kind, pattern in SECRET_PATTERNS.items():
        for match in pattern.finditer(text):
            value = match.group(match.lastindex or 0)
            if kind == "password in a URL" and (value.lower() in PLACEHOLDER_PASSWORDS
                                                or value.startswith(("{", "$", "<"))):
                continue
            found.append((kind, match.group(0)))
    return found


def test_the_secret_scan_finds_planted_secrets():
    """The scan below catches each kind of secret it looks for, and lets placeholders be."""
    planted = "\n".join([  # (cut in two, so this file does not hold them whole)
        "TELEGRAM_BOT_TOKEN=7012345678:" + "AAHk3xQz9vL2mN8pR4tY6uW1oI5eS7dF0gJ",
        f"DATA_KEY={Fernet.generate_key().decode()}",
        "-----BEGIN OPENSSH " + "PRIVATE KEY-----",
        "DATABASE_URL=postgresql+asyncpg://safer:" + "hunter2-really@db.example.org/safer"])
    assert [kind for kind, _ in secrets_in(planted)] == list(SECRET_PATTERNS)
    assert secrets_in("postgresql://safer:secret@127.0.0.1/safer redis://:s3cret@h:1/0 "
                      f"BOT_TOKEN = {BOT_TOKEN!r}") == []


def test_no_secret_looking_value_is_in_the_repository():
    """No bot token, Fernet key, private key or real-looking password in a URL in any file
    that is or would be committed: they come from the environment (or var/data.key)."""
    found = {}
    for path in project_files():
        text = path.read_bytes().decode("utf-8", errors="replace")
        if hits := secrets_in(text):
            found[str(path.relative_to(PROJECT_ROOT))] = hits
    assert found == {}


def test_var_and_key_files_are_kept_out_of_git():
    """var/ (databases, var/data.key, logs) and any *.key file are ignored by git, and no key
    or environment file is in the repository."""
    ignored = subprocess.run(["git", "check-ignore", "--no-index", "var/data.key", "var/logs/app.log",
                              "data.key", "deploy/master.key"],
                             cwd=PROJECT_ROOT, capture_output=True, text=True).stdout.split()
    assert ignored == ["var/data.key", "var/logs/app.log", "data.key", "deploy/master.key"]
    kept = [p.name for p in project_files() if p.suffix in (".key", ".pem") or p.name == ".env"]
    assert kept == []


def environment_reads(source: str) -> list[tuple[str, int]]:
    """(enclosing function, line) of every use of os.environ, os.environb, os.getenv or
    os.putenv (also imported by name) in Python source."""
    names = {"environ", "environb", "getenv", "getenvb", "putenv"}
    tree = ast.parse(source)
    imported = {alias.asname or alias.name for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module == "os"
                for alias in node.names if alias.name in names}
    reads = []

    def visit(node: ast.AST, function: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        used = (isinstance(node, ast.Attribute) and node.attr in names
                and isinstance(node.value, ast.Name) and node.value.id == "os") or (
            isinstance(node, ast.Name) and node.id in imported)
        if used:
            reads.append((function, node.lineno))
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, "<module>")
    return reads


# Where the environment is legitimately used, and why.
ALLOWED_ENVIRONMENT_READS = {
    # The one place configuration is read (Settings.from_env).
    ("bot/settings.py", "from_env"),
    # Passes the whole environment on to the processes it starts (PATH, HOME, the locale, and
    # the settings themselves): it reads no configuration of its own.
    ("bot/runner.py", "child_environment"),
    # Runs inside the engine, whose environment cannot import bot.settings: the runner hands
    # it the tracker-store keys in TRACKER_STORE_KEYS.
    ("rasa_components/tracker_store.py", "__init__"),
}


def test_the_environment_check_finds_a_planted_read():
    """The check below sees every way of reading the environment, inside functions too."""
    planted = ("import os\nfrom os import getenv as ge\nTOKEN = os.environ['T']\n"
               "def f():\n    return os.getenv('X'), ge('Y'), os.environ.get('Z')\n")
    assert environment_reads(planted) == [("<module>", 3), ("f", 5), ("f", 5), ("f", 5)]


def test_only_settings_reads_configuration_from_the_environment():
    """In the project's code (bot/, actions/ and the engine's rasa_components/), only
    bot/settings.py reads configuration from the environment; the allowed exceptions are
    listed with their reasons."""
    found = set()
    for folder in ("bot", "actions", "rasa_components"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            relative = str(path.relative_to(PROJECT_ROOT))
            found |= {(relative, function) for function, _ in environment_reads(path.read_text())}
    assert found - ALLOWED_ENVIRONMENT_READS == set()
    assert ("bot/settings.py", "from_env") in found  # (the check is looking at the right files)


# ---- (a) and (d): the real system ---------------------------------------------------------

@pytest.fixture(scope="module")
def telegram():
    """The fake Telegram Bot API server the system's bot polls."""
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def keys() -> dict[str, str]:
    """Secrets given to the system through its environment, random for this run."""
    return {"DATA_KEY": Fernet.generate_key().decode(), "ENGINE_TOKEN": secrets.token_urlsafe(32)}


@pytest.fixture(scope="module")
def system(telegram, keys, tmp_path_factory):
    """Engine, action server and app as `make run` starts them, in the default configuration
    (SQLite, default log level), with the fake Telegram."""
    with running_system(tmp_path_factory.mktemp("var"), TELEGRAM_BOT_TOKEN=BOT_TOKEN,
                        TELEGRAM_API_URL=telegram.base_url, **keys) as services:
        yield services


def process_group(pgid: int) -> list[int]:
    """The pids in a process group (each service runs in its own session)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[2]) == pgid:
            pids.append(int(stat.parent.name))
    return pids


def _address(hex_address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """An address as /proc/net/tcp{,6} writes it: 32-bit words in host (little-endian) order."""
    raw = bytes.fromhex(hex_address)
    raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
    return ipaddress.ip_address(raw)


def listening_sockets(pgid: int) -> set[tuple[str, int]]:
    """(address, port) of every TCP socket the process group listens on, matched by inode
    between /proc/<pid>/fd and /proc/<pid>/net/tcp and tcp6."""
    found = set()
    for pid in process_group(pgid):
        try:
            inodes = {os.readlink(fd)[len("socket:["):-1] for fd in Path(f"/proc/{pid}/fd").iterdir()
                      if os.readlink(fd).startswith("socket:[")}
            tables = [Path(f"/proc/{pid}/net/{name}").read_text() for name in ("tcp", "tcp6")]
        except OSError:
            continue
        for table in tables:
            for line in table.splitlines()[1:]:
                fields = line.split()
                local, state, inode = fields[1], fields[3], fields[9]
                if state == "0A" and inode in inodes:  # 0A: LISTEN
                    address, port = local.split(":")
                    found.add((str(_address(address)), int(port, 16)))
    return found


def off_loopback(sockets: set[tuple[str, int]]) -> set[tuple[str, int]]:
    def loopback(address: str) -> bool:
        ip = ipaddress.ip_address(address)
        mapped = getattr(ip, "ipv4_mapped", None)
        return ip.is_loopback or bool(mapped and mapped.is_loopback)
    return {s for s in sockets if not loopback(s[0])}


@pytest.mark.parametrize("host", ["0.0.0.0", "::"])
def test_the_listening_check_sees_a_socket_open_to_the_network(host):
    """The check sees a process that listens on every interface (for a moment, no traffic)."""
    family = "AF_INET6" if ":" in host else "AF_INET"
    child = subprocess.Popen([sys.executable, "-c", (
        f"import socket, time; s = socket.socket(socket.{family}); s.bind(({host!r}, 0)); "
        "s.listen(); print(s.getsockname()[1], flush=True); time.sleep(30)")],
        stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        port = int(child.stdout.readline())
        assert off_loopback(listening_sockets(child.pid)) == {(host, port)}
    finally:
        child.kill()
        child.wait()


def test_every_process_listens_on_loopback_only(system):
    """The engine, the action server and the app, with every process they started, listen
    on loopback only, each on its configured port."""
    settings = system.settings
    expected = {"engine": int(settings.engine_urls[0].rsplit(":", 1)[1]),
                "actions": int(settings.action_server_urls[0].rsplit(":", 1)[1].split("/")[0]),
                "app": settings.app_port}
    assert set(system.processes) == set(expected)
    for name, process in system.processes.items():
        sockets = listening_sockets(process.pid)
        assert expected[name] in {port for _, port in sockets}, f"{name}: {sockets}"
        assert off_loopback(sockets) == set(), f"{name} listens off loopback"


def _word() -> str:
    """A word no log could hold by chance."""
    return f"zq{secrets.token_hex(4)}"


async def test_logs_hold_no_words_contact_chat_id_or_key_after_full_reports(system, telegram, keys):
    """A full report with an e-mail contact over the web chat and one with a phone contact
    over Telegram; then no log (engine, action server, app) holds the accounts' words, the
    contact details, the Telegram chat id or the web sender, the bot token or any key, at
    the default log level."""
    word, street, email_user = _word(), _word(), _word()
    email = f"{email_user}@example.org"
    phone = f"07700 900{random.randint(100, 999)}"
    chat_id = random.randint(5_000_000_000, 5_999_999_999)
    sender = f"web-{_word()}"

    web = lambda message: chat(system, sender, message)  # noqa: E731
    account = f"a man shouted racist abuse at my neighbour outside the mosque on {street} road"
    await web(account)
    summary = await answer_questions(web, await web("/report_incident"), {
        **WITNESS_ANSWERS, "report_suspect": [f"tall man called {word}, grey hoodie"],
        "report_contact": [choose("contact")],
        "report_contact_how": [f"e-mail {email}, no phone calls"]})
    assert email in texts(summary)
    assert REFERENCE.search(texts(await web(choose("send"))))

    send = telegram_sender(telegram, chat_id)
    await send(f"kids on bikes smashing the bus shelter again in blackbird leys, {word} was there")
    summary = await answer_questions(send, await send("/report_incident"), {
        "report_contact": [choose("contact")],
        "report_contact_how": [f"{phone}, text only please"],
        "report_sharing": [choose("record")]})
    assert phone in texts(summary)
    assert REFERENCE.search(texts(await send(choose("send"))))

    await asyncio.sleep(1)  # the last lines reach the files
    logs = {p.name: p.read_text(errors="replace") for p in sorted(system.log_dir.iterdir())}
    assert {"engine.log", "actions.log", "app.log"} <= set(logs)
    assert all(logs.values()), "a log is empty: is the system logging at all?"
    private = {"a word of an account": word, "a street": street, "the e-mail": email,
               "the e-mail's name": email_user, "the phone": phone,
               "the phone's digits": phone.replace(" ", ""), "the web sender": sender,
               "the bot token": BOT_TOKEN, **keys,
               **{f"tracker-store key {n}": key for n, key in enumerate(
                   system.env["TRACKER_STORE_KEYS"].split(","))}}
    for name, content in logs.items():
        lowered = content.lower()
        for what, value in private.items():
            assert value.lower() not in lowered, f"{what} ({value!r}) is in {name}"
        assert not re.search(rf"\b{chat_id}\b", content), f"the Telegram chat id is in {name}"

