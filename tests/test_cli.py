"""The maintenance commands, run as an operator runs them."""

from __future__ import annotations

import subprocess
import sys

from cryptography.fernet import Fernet

from bot.settings import PROJECT_ROOT


def bot_command(tmp_path, *args, **env) -> subprocess.CompletedProcess:
    environment = {"SAFER_VAR_DIR": str(tmp_path / "var"), "PATH": "/usr/bin:/bin", **env}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT,
                          env=environment, capture_output=True, text=True, timeout=120)


def test_purge_applies_the_retention_period(tmp_path):
    done = bot_command(tmp_path, "purge", RETENTION_DAYS="30")
    assert done.returncode == 0, done.stderr
    assert "0 closed reports older than 30 days deleted" in done.stdout


def test_rotate_key_needs_the_old_key_and_says_what_it_did(tmp_path):
    first = Fernet.generate_key().decode()
    assert bot_command(tmp_path, "rotate-key", DATA_KEY=first).returncode == 0
    done = bot_command(tmp_path, "rotate-key", DATA_KEY=Fernet.generate_key().decode(),
                       DATA_KEY_PREVIOUS=first)
    assert done.returncode == 0, done.stderr
    assert "re-encrypted under the current key" in done.stdout
    bad = bot_command(tmp_path, "rotate-key", DATA_KEY_PREVIOUS="not a key")
    assert bad.returncode != 0 and "DATA_KEY_PREVIOUS" in bad.stderr


def test_staff_accounts_are_made_and_reset_with_the_password_read_from_input(tmp_path):
    def account(*args, password="a long staff password"):
        return subprocess.run([sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT,
                              env={"SAFER_VAR_DIR": str(tmp_path / "var"), "PATH": "/usr/bin:/bin"},
                              input=password + "\n", capture_output=True, text=True, timeout=120)

    made = account("create-user", "casey", "--role", "caseworker", "--topics", "asb,hate_crime")
    assert made.returncode == 0 and "'casey' (caseworker) saved" in made.stdout, made.stderr
    reset = account("reset-password", "casey", password="another long password")
    assert reset.returncode == 0 and "(caseworker) saved" in reset.stdout  # the role is kept
    bad = account("create-user", "vera", "--role", "viewer", "--topics", "asb,parking")
    assert bad.returncode != 0 and "unknown topics parking" in bad.stderr
    short = account("create-admin", "alice", password="short")
    assert short.returncode != 0 and "at least 12" in short.stderr
    assert "a long staff password" not in made.stdout + made.stderr
