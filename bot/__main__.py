"""Command line: `python -m bot run | serve | create-admin | reset-password`."""

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


def set_password(settings: Settings, username: str, role: str, *, create: bool) -> None:
    """Create or reset a staff account; the password is read, never taken as an argument."""
    from bot.storage import staff
    from bot.storage.db import make_engine, make_sessionmaker
    from bot.storage.migrate import upgrade

    if sys.stdin.isatty():
        password = getpass.getpass("New password: ")
        if password != getpass.getpass("Repeat it: "):
            raise SystemExit("the two passwords differ")
    else:
        password = sys.stdin.readline().rstrip("\n")
    upgrade(settings.database)

    async def save() -> None:
        engine = make_engine(settings.database)
        try:
            await staff.set_password(make_sessionmaker(engine), username, password, role,
                                     create=create)
        finally:
            await engine.dispose()

    try:
        asyncio.run(save())
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    print(f"staff account {username!r} ({role}) saved")


if __name__ == "__main__":
    main()
