"""Command line: `python -m bot run | serve | create-admin | create-user | reset-password |
purge | rotate-key | directory | import-safe-places | postcodes`."""

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
    cmd = sub.add_parser("run", help="migrate, then start engine, action server and app (make run)")
    cmd.add_argument("--replicas", type=int, default=1,
                     help="start this many of each, on PostgreSQL and Redis, behind nginx "
                          "(make run-replicas: 2)")
    sub.add_parser("serve", help="serve the web app (and Telegram) in this process")
    sub.add_parser("purge", help="delete closed reports older than RETENTION_DAYS")
    sub.add_parser("rotate-key", help="re-encrypt stored text under DATA_KEY (old keys in "
                                      "DATA_KEY_PREVIOUS)")
    sub.add_parser("directory", help="check the directory and list entries not verified for "
                                     "6 months")
    cmd = sub.add_parser("import-safe-places", help="replace the Safe Places with the "
                                                    "partnership's CSV (see the README)")
    cmd.add_argument("csv_file")
    cmd = sub.add_parser("postcodes", help="rebuild data/directory/postcodes.csv from a CSV of "
                                           "postcode,latitude,longitude")
    cmd.add_argument("csv_file")
    for name, role in (("create-admin", "admin"), ("create-user", None), ("reset-password", None)):
        cmd = sub.add_parser(name, help=f"{name.replace('-', ' ')} for a staff account (the "
                                        "password is asked for, never an argument)")
        cmd.add_argument("username")
        if role is None:
            cmd.add_argument("--role", choices=("viewer", "caseworker", "admin"),
                             required=name == "create-user", help="reset-password: keep it if not given")
            cmd.add_argument("--topics", help="comma-separated topics whose reports a caseworker "
                                              "handles, e.g. asb,hate_crime")
        cmd.set_defaults(role=role)
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    configure_logging(settings)
    if args.command == "run":
        from bot.runner import run

        run(settings, args.replicas)
    elif args.command == "serve":
        serve(settings)
    elif args.command == "purge":
        purge(settings)
    elif args.command == "rotate-key":
        rotate_key(settings)
    elif args.command == "directory":
        check_directory()
    elif args.command == "import-safe-places":
        import_safe_places(args.csv_file)
    elif args.command == "postcodes":
        rebuild_postcodes(args.csv_file)
    else:
        topics = getattr(args, "topics", None)
        set_password(settings, args.username, args.role, create=args.command != "reset-password",
                     topics=None if topics is None else topics.split(","))


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


def check_directory() -> None:
    """Load every directory file (as start-up does) and list the entries to re-check."""
    import datetime as dt

    from bot import directory

    try:
        loaded = directory.load()
    except directory.DirectoryError as exc:
        raise SystemExit(str(exc)) from None
    stale = loaded.stale(dt.date.today())
    print(f"directory OK: {len(loaded.services)} services, {len(loaded.safe_places)} Safe Places "
          f"({sum(p.sample for p in loaded.safe_places)} samples)")
    for kind, entry_id, verified in stale:
        print(f"not verified since {verified}: {kind} {entry_id}")


def import_safe_places(csv_file: str) -> None:
    """Check the partnership's CSV and make it the Safe Places list (nothing changes if any
    row is wrong)."""
    from pathlib import Path

    from bot import directory
    from bot.directory.safe_places import import_safe_places as replace_list

    try:
        count = replace_list(Path(csv_file), directory.DIRECTORY_DIR / "safe_places.csv",
                             directory.load().gazetteer)
    except (OSError, ValueError) as exc:
        raise SystemExit(str(exc)) from None
    print(f"{count} Safe Places imported; the running bot uses them from its next message")


def rebuild_postcodes(csv_file: str) -> None:
    """Sector and district centres for the area served, from a postcode list with
    postcode, latitude and longitude columns (the ONS Postcode Directory, say)."""
    import csv

    from bot import directory
    from bot.datafiles import read_yaml
    from bot.directory.geo import POSTCODE_COLUMNS, postcode_table

    with open(csv_file, newline="", encoding="utf-8") as handle:
        rows = [(row["postcode"], float(row["latitude"]), float(row["longitude"]))
                for row in csv.DictReader(handle) if row.get("latitude") and row.get("longitude")]
    places = read_yaml(directory.DIRECTORY_DIR / "places.yml", directory.DirectoryError)
    area = places["postcode_area"]
    table = postcode_table(rows, area)
    with (directory.DIRECTORY_DIR / "postcodes.csv").open("w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows([POSTCODE_COLUMNS, *table])
    print(f"{len(table)} {area} districts and sectors written")


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


def set_password(settings: Settings, username: str, role: str | None, *, create: bool,
                 topics: list[str] | None) -> None:
    """Create or reset a staff account; the password is read, never taken as an argument. A
    reset signs the account out everywhere and lifts a sign-in lock-out."""
    from bot.crypto import DataCipher
    from bot.storage import staff

    if sys.stdin.isatty():
        password = getpass.getpass("New password: ")
        if password != getpass.getpass("Repeat it: "):
            raise SystemExit("the two passwords differ")
    else:
        password = sys.stdin.readline().rstrip("\n")
    async def save(sessions):
        user = await staff.set_password(sessions, username, password, role, create=create,
                                        topics=topics)
        await staff.clear_failures(sessions, staff.account_key(
            DataCipher.from_settings(settings), username))
        return user

    try:
        user = with_database(settings, save)
    except ValueError as exc:
        raise SystemExit(str(exc)) from None
    print(f"staff account {username!r} ({user.role}) saved")


if __name__ == "__main__":
    main()
