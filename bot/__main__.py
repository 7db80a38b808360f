"""Command line: `python -m bot run | serve | create-admin | reset-password | purge |
rotate-key`."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import logging
import sys

from bot.settings import Settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="migrate, then start engine, action server and app (make run)")
    sub.add_parser("serve", help="serve the web app (and Telegram) in this process")
    sub.add_parser("purge", help="delete closed reports older than RETENTION_DAYS")
    sub.add_parser("rotate-key", help="re-encrypt stored text under DATA_KEY (old keys in "
                                      "DATA_KEY_PREVIOUS)")
    for name in ("create-admin", "reset-password"):
        cmd = sub.add_parser(name, help=f"{name.replace('-', ' ')} for a staff account")
        cmd.add_argument("username")
        if name == "reset-password":
            cmd.add_argument("--role", default="admin", choices=("viewer", "caseworker", "admin"))
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    configure_logging(settings)
    if args.command == "run":
        from bot.runner import run

        run(settings)
    elif args.command == "serve":
        serve(settings)
    elif args.command == "purge":
        purge(settings)
    elif args.command == "rotate-key":
        rotate_key(settings)
    else:
        set_password(settings, args.username, getattr(args, "role", "admin"),
                     create=args.command == "create-admin")


def configure_logging(settings: Settings) -> None:
    """Our log format; httpx is kept quiet because its request lines carry the bot token."""
    logging.basicConfig(level=settings.log_level,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)


def serve(settings: Settings) -> None:
    from aiohttp import web

    from bot.web.app import create_app

    web.run_app(create_app(settings), host=settings.app_host, port=settings.app_port,
                print=None, access_log=None)


def purge(settings: Settings) -> None:
    """Apply the retention period now (the app also does it daily)."""
    from bot.storage.retention import purge_closed

    purged = with_database(settings, lambda sessions: purge_closed(
        sessions, settings.retention_days))
    print(f"{purged} closed reports older than {settings.retention_days} days deleted")


def rotate_key(settings: Settings) -> None:
    """Re-encrypt every stored text under the current DATA_KEY."""
    from bot.crypto import DataCipher
    from bot.storage.rekey import reencrypt_all

    cipher = DataCipher.from_settings(settings)
    try:
        count = with_database(settings, lambda sessions: reencrypt_all(sessions, cipher))
    except ValueError as exc:
        raise SystemExit(f"{exc}: put the old key in DATA_KEY_PREVIOUS") from None
    print(f"{count} stored texts re-encrypted under the current key; the previous keys "
          "can now be removed from DATA_KEY_PREVIOUS")


def with_database(settings: Settings, job):
    """Migrate, then run `job(sessions)` on the reports database and return its result."""
    from bot.storage.db import make_engine, make_sessionmaker
    from bot.storage.migrate import upgrade

    upgrade(settings.database)

    async def run_job():
        engine = make_engine(settings.database)
        try:
            return await job(make_sessionmaker(engine))
        finally:
            await engine.dispose()

    return asyncio.run(run_job())


def set_password(settings: Settings, username: str, role: str, *, create: bool) -> None:
    """Create or reset a staff account; the password is read, never taken as an argument."""
    from bot.storage import staff

    if sys.stdin.isatty():
        password = getpass.getpass("New password: ")
        if password != getpass.getpass("Repeat it: "):
            raise SystemExit("the two passwords differ")
    else:
        password = sys.stdin.readline().rstrip("\n")
    try:
        with_database(settings, lambda sessions: staff.set_password(
            sessions, username, password, role, create=create))
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    print(f"staff account {username!r} ({role}) saved")


if __name__ == "__main__":
    main()
