"""Reports and staff accounts on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import asyncio
import re
import uuid

import pytest
from sqlalchemy import select, text

from bot.storage import reports, staff
from bot.storage.models import Report
from bot.storage.reports import REFERENCE_ALPHABET, REFERENCE_LENGTH, NewReport


def new_report(**overrides) -> NewReport:
    values = {"topic": "hate_crime", "description": "they shouted abuse at my neighbour",
              "urgent": False, "reporter": f"web-{uuid.uuid4().hex}", "submission_id": "m1"}
    return NewReport(**{**values, **overrides})


async def test_report_is_stored_encrypted_with_a_hashed_reporter(sessions, cipher):
    new = new_report()
    report = await reports.create_report(sessions, cipher, new)
    async with sessions() as session:
        raw = (await session.execute(
            text("SELECT description_enc, reporter_key, topic FROM reports WHERE reference = :r"),
            {"r": report.reference})).one()
    assert raw.topic == "hate_crime"
    assert new.description not in raw.description_enc
    assert cipher.decrypt(raw.description_enc) == new.description
    assert new.reporter not in raw.reporter_key and len(raw.reporter_key) == 64


async def test_reference_codes_are_long_unambiguous_and_distinct(sessions, cipher):
    made = [await reports.create_report(sessions, cipher, new_report(submission_id=str(i)))
            for i in range(20)]
    codes = {r.reference for r in made}
    assert len(codes) == 20
    for code in codes:
        assert len(code) == REFERENCE_LENGTH >= 10
        assert set(code) <= set(REFERENCE_ALPHABET)
        assert not set(code) & set("0O1IL5S")
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}",
                        reports.format_reference(made[0].reference))


async def test_repeated_submission_is_stored_once(sessions, cipher):
    new = new_report()
    first = await reports.create_report(sessions, cipher, new)
    again = await reports.create_report(sessions, cipher, new)
    assert again.reference == first.reference
    async with sessions() as session:
        count = len((await session.scalars(
            select(Report).where(Report.reference == first.reference))).all())
    assert count == 1


async def test_concurrent_submissions_from_many_chats_are_all_kept(sessions, cipher):
    batch = [new_report(reporter=f"web-{uuid.uuid4().hex}") for _ in range(25)]
    made = await asyncio.gather(*(reports.create_report(sessions, cipher, n) for n in batch))
    stored = {r.reference for r in await reports.recent_reports(sessions, limit=1000)}
    assert {r.reference for r in made} <= stored
    assert len({r.reference for r in made}) == 25


async def test_staff_accounts_check_passwords_and_refuse_duplicates(sessions):
    name = f"admin-{uuid.uuid4().hex[:8]}"
    await staff.set_password(sessions, name, "correct horse battery", "admin", create=True)
    assert (await staff.authenticate(sessions, name, "correct horse battery")).role == "admin"
    assert await staff.authenticate(sessions, name, "wrong password!!") is None
    assert await staff.authenticate(sessions, "nobody-" + name, "correct horse battery") is None
    with pytest.raises(ValueError, match="exists already"):
        await staff.set_password(sessions, name, "another long password", "admin", create=True)
    with pytest.raises(ValueError, match="at least 12"):
        await staff.set_password(sessions, name, "short", "admin", create=False)
    await staff.set_password(sessions, name, "a brand new password", "viewer", create=False)
    assert (await staff.authenticate(sessions, name, "a brand new password")).role == "viewer"
    async with sessions() as session:
        stored = await session.scalar(text("SELECT password_hash FROM staff_users "
                                           "WHERE username = :u").bindparams(u=name))
    assert stored.startswith("$argon2")


def test_migrating_creates_the_sqlite_folder_on_a_fresh_machine(tmp_path):
    from bot.storage.migrate import upgrade

    db = tmp_path / "fresh" / "var" / "app.db"
    upgrade(f"sqlite+aiosqlite:///{db}")
    assert db.exists()
