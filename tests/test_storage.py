"""Reports and staff accounts on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import functools
import json
import re
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from cryptography.fernet import Fernet
from sqlalchemy import select, text

from bot.crypto import DataCipher
from bot.settings import PROJECT_ROOT
from bot.storage import casework, chat_traces, messages, rekey, reports, retention, staff, statistics
from bot.storage.db import make_engine
from bot.storage.models import AuditEvent, Base, LookupFailure, Report, utcnow
from bot.storage.reports import REFERENCE_ALPHABET, REFERENCE_LENGTH, NewReport

TVP, SHU = "thames_valley_police", "stop_hate_uk"
CHILD_TABLES = ("consents", "referrals", "status_changes")


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

    async def sign_in(username, password):
        return await staff.authenticate(sessions, username, password, f"key-{username}")

    await staff.set_password(sessions, name, "correct horse battery", "admin", create=True)
    assert (await sign_in(name, "correct horse battery")).user.role == "admin"
    assert (await sign_in(name, "wrong password!!")).user is None
    assert (await sign_in("nobody-" + name, "correct horse battery")).user is None
    with pytest.raises(ValueError, match="exists already"):
        await staff.set_password(sessions, name, "another long password", "admin", create=True)
    for bad_name in ("jo@council.gov.uk", "Jo Smith", "x"):
        with pytest.raises(ValueError, match="a username is 2 to 64 letters"):
            await staff.set_password(sessions, bad_name, "correct horse battery", "admin", create=True)
    with pytest.raises(ValueError, match="at least 12"):
        await staff.set_password(sessions, name, "short", "admin", create=False)
    with pytest.raises(ValueError, match="unknown topics nonsense"):
        await staff.set_password(sessions, name, "a brand new password", "caseworker",
                                 create=False, topics=["asb", "nonsense"])
    await staff.set_password(sessions, name, "a brand new password", "caseworker", create=False,
                             topics=["hate_crime", "asb"])
    user = (await sign_in(name, "a brand new password")).user
    assert (user.role, user.topics, user.session_epoch) == ("caseworker", ["asb", "hate_crime"], 1)
    async with sessions() as session:
        stored = await session.scalar(text("SELECT password_hash FROM staff_users "
                                           "WHERE username = :u").bindparams(u=name))
    assert stored.startswith("$argon2")


async def test_five_failed_sign_ins_lock_a_name_for_15_minutes_whether_or_not_it_exists(sessions):
    name, ghost = f"casey-{uuid.uuid4().hex[:8]}", f"ghost-{uuid.uuid4().hex[:8]}"
    await staff.set_password(sessions, name, "correct horse battery", "caseworker", create=True)
    start = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)

    async def sign_in(username, password, minutes):
        return await staff.authenticate(sessions, username, password, f"key-{username}",
                                        start + dt.timedelta(minutes=minutes))

    for who in (name, ghost):
        attempts = [await sign_in(who, "not the password", minute) for minute in range(5)]
        assert [a.locked for a in attempts] == [False, False, False, False, True]
        assert all(a.user is None for a in attempts)
    locked = await sign_in(name, "correct horse battery", 10)
    assert locked.locked and locked.user is None  # even the right password, while locked
    assert (await sign_in(name, "correct horse battery", 16)).user.username == name
    assert not (await sign_in(name, "not the password", 17)).locked  # a good one cleared them


def test_migrating_creates_the_sqlite_folder_on_a_fresh_machine(tmp_path):
    from bot.storage.migrate import upgrade

    db = tmp_path / "fresh" / "var" / "app.db"
    upgrade(f"sqlite+aiosqlite:///{db}")
    assert db.exists()


def shared_report(**overrides) -> NewReport:
    """A report with everything a resident can add, each free text unique to this test."""
    tag = uuid.uuid4().hex
    values = {"description": f"they shouted abuse at my neighbour {tag}",
              "answers": {"where": f"Cowley Road by the bus stop {tag}", "injuries": "a cut lip"},
              "contact": f"07700 900{tag[:3]} after six", "delivery": f"telegram:{tag}",
              "consents": (TVP, SHU), "referrals": ((TVP, "outbox"), (SHU, "outbox"))}
    return new_report(**{**values, **overrides})


def free_texts(new: NewReport) -> list[str]:
    return [new.description, new.contact, new.delivery, *new.answers.values()]


async def rows(sessions, sql: str, **params) -> list:
    async with sessions() as session:
        return list((await session.execute(text(sql), params)).all())


async def child_counts(sessions, report_id: int) -> dict[str, int]:
    return {table: (await rows(sessions, f"SELECT count(*) FROM {table} WHERE report_id = :i",
                               i=report_id))[0][0] for table in CHILD_TABLES}


async def audit_trail(sessions, reference: str) -> list[tuple[str, str, dict]]:
    async with sessions() as session:
        events = await session.scalars(select(AuditEvent).where(
            AuditEvent.report_reference == reference).order_by(AuditEvent.id))
        return [(e.actor, e.action, e.detail) for e in events]


async def test_consents_referrals_and_answers_are_stored_with_history_and_audit(sessions, cipher):
    new = shared_report()
    report = await reports.create_report(sessions, cipher, new)
    (raw,) = await rows(sessions, "SELECT * FROM reports WHERE reference = :r", r=report.reference)
    for secret in free_texts(new):
        assert secret not in str(raw)
    assert json.loads(cipher.decrypt(raw.answers_enc)) == new.answers
    assert cipher.decrypt(raw.contact_enc) == new.contact
    assert cipher.decrypt(raw.delivery_enc) == new.delivery
    consents = await rows(sessions, "SELECT recipient, given_at, withdrawn_at FROM consents "
                          "WHERE report_id = :i ORDER BY id", i=raw.id)
    assert [(c.recipient, c.withdrawn_at) for c in consents] == [(TVP, None), (SHU, None)]
    assert all(c.given_at is not None for c in consents)
    referrals = await rows(sessions, "SELECT organisation, method, state, created_at FROM referrals "
                           "WHERE report_id = :i ORDER BY id", i=raw.id)
    assert [tuple(r[:3]) for r in referrals] == [(TVP, "outbox", "to_send"), (SHU, "outbox", "to_send")]
    assert all(r.created_at is not None for r in referrals)
    history = await rows(sessions, "SELECT status, actor, note_enc FROM status_changes "
                         "WHERE report_id = :i", i=raw.id)
    assert [tuple(h) for h in history] == [("new", "resident", None)]
    assert await audit_trail(sessions, report.reference) == [
        ("resident", "report_created", {"topic": "hate_crime", "consents": [TVP, SHU]})]


async def test_record_only_report_has_no_consents_referrals_or_contact(sessions, cipher):
    report = await reports.create_report(sessions, cipher, new_report())
    assert await child_counts(sessions, report.id) == {
        "consents": 0, "referrals": 0, "status_changes": 1}
    (raw,) = await rows(sessions, "SELECT contact_enc, delivery_enc, answers_enc FROM reports "
                        "WHERE id = :i", i=report.id)
    assert raw.contact_enc is None and raw.delivery_enc is None
    assert cipher.decrypt(raw.answers_enc) == "{}"


async def test_referral_without_consent_is_refused(sessions, cipher):
    with pytest.raises(ValueError, match=SHU):
        await reports.create_report(sessions, cipher, shared_report(consents=(TVP,)))


async def test_repeated_and_concurrent_submissions_keep_one_set_of_consents(sessions, cipher):
    new = shared_report()
    made = await asyncio.gather(*(reports.create_report(sessions, cipher, new) for _ in range(4)))
    again = await reports.create_report(sessions, cipher, new)
    assert {r.reference for r in made} == {again.reference}
    (found,) = await rows(sessions, "SELECT count(*) FROM reports WHERE reference = :r",
                          r=again.reference)
    assert found[0] == 1
    assert await child_counts(sessions, again.id) == {
        "consents": 2, "referrals": 2, "status_changes": 1}
    assert [a for _, a, _ in await audit_trail(sessions, again.reference)] == ["report_created"]


async def test_status_is_found_by_a_loosely_typed_code(sessions, cipher):
    report = await reports.create_report(sessions, cipher, shared_report())
    typed = " " + reports.format_reference(report.reference).lower().replace("-", " - ", 1) + " "
    status = await reports.report_status(sessions, cipher, typed)
    assert status.reference == report.reference
    assert (status.topic, status.status) == ("hate_crime", "new")
    assert status.consents == {TVP: True, SHU: True}
    assert status.referrals == {TVP: "to_send", SHU: "to_send"}
    assert status.created_at.tzinfo is not None and status.updated_at.tzinfo is not None
    assert abs(status.created_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=1)
    assert await reports.report_status(sessions, cipher, reports.new_reference()) is None
    assert await reports.report_status(sessions, cipher, "") is None
    assert await reports.find_by_reference(sessions, reports.new_reference()) is None


async def test_consent_is_withdrawn_for_one_recipient_then_all(sessions, cipher):
    report = await reports.create_report(sessions, cipher, shared_report())
    code = reports.format_reference(report.reference)
    assert await reports.withdraw_consent(sessions, code, SHU) == [SHU]
    assert await reports.withdraw_consent(sessions, code, SHU) == []
    status = await reports.report_status(sessions, cipher, code)
    assert status.consents == {TVP: True, SHU: False}
    assert status.referrals == {TVP: "to_send", SHU: "withdrawn"}
    assert status.updated_at > status.created_at
    async with sessions() as session, session.begin():
        await session.execute(text("UPDATE referrals SET state = 'sent' WHERE report_id = :i "
                                   "AND organisation = :o"), {"i": report.id, "o": TVP})
    assert await reports.withdraw_consent(sessions, code, None) == [TVP]
    assert await reports.withdraw_consent(sessions, code, None) == []
    status = await reports.report_status(sessions, cipher, code)
    assert status.consents == {TVP: False, SHU: False}
    assert status.referrals == {TVP: "withdrawn", SHU: "withdrawn"}
    consents = await rows(sessions, "SELECT withdrawn_at FROM consents WHERE report_id = :i",
                          i=report.id)
    assert len(consents) == 2 and all(c.withdrawn_at is not None for c in consents)
    assert [(a, d) for _, a, d in await audit_trail(sessions, report.reference)][1:] == [
        ("consent_withdrawn", {"recipient": SHU}), ("consent_withdrawn", {"recipient": TVP})]
    assert await reports.withdraw_consent(sessions, reports.new_reference(), None) == []


async def test_a_referral_staff_ask_for_waits_for_the_reporters_yes(sessions, cipher):
    report = await reports.create_report(sessions, cipher, shared_report(
        consents=(SHU,), referrals=((SHU, "outbox"),)))
    ask = functools.partial(casework.request_referral, sessions, cipher, report.reference,
                            actor="casey", reason_needed=True, ask_reporter="May we?")
    with pytest.raises(casework.CaseworkError, match="Write"):
        await ask("tell_mama", "  ")
    with pytest.raises(casework.CaseworkError, match="already"):
        await ask(SHU, "twice")
    assert await ask("tell_mama", f"they run a helpline for {report.reference}") == \
        "awaiting_consent"
    status = await reports.report_status(sessions, cipher, report.reference)
    assert status.requests == {"tell_mama": f"they run a helpline for {report.reference}"}
    assert status.consents == {SHU: True}
    (raw,) = await rows(sessions, "SELECT state, reason_enc, requested_by FROM referrals "
                        "WHERE organisation = 'tell_mama' AND report_id = :i", i=report.id)
    assert (raw.state, raw.requested_by) == ("awaiting_consent", "casey")
    assert report.reference not in raw.reason_enc
    sent = await rows(sessions, "SELECT direction, body_enc FROM messages WHERE report_id = :i",
                      i=report.id)
    assert [(m.direction, cipher.decrypt(m.body_enc)) for m in sent] == [
        ("to_reporter", "May we?")]
    assert await reports.answer_referral_request(sessions, report.reference, "galop", True) \
        is False
    assert await reports.answer_referral_request(sessions, report.reference, "tell_mama", True)
    assert await reports.answer_referral_request(sessions, report.reference, "tell_mama",
                                                 False) is False
    status = await reports.report_status(sessions, cipher, report.reference)
    assert status.requests == {} and status.consents == {SHU: True, "tell_mama": True}
    assert status.referrals == {SHU: "to_send", "tell_mama": "to_send"}


async def test_a_declined_referral_is_closed_and_a_standing_consent_needs_no_question(
        sessions, cipher):
    report = await reports.create_report(sessions, cipher, shared_report(
        consents=(SHU, TVP, "galop"), referrals=((SHU, "outbox"),)))
    ask = functools.partial(casework.request_referral, sessions, cipher, report.reference,
                            actor="casey", reason_needed=False, ask_reporter="May we?")
    assert await ask(TVP, "") == "to_send"
    assert await reports.withdraw_consent(sessions, report.reference, "galop") == ["galop"]
    assert await ask("galop", "") == "awaiting_consent"
    assert await reports.answer_referral_request(sessions, report.reference, "galop", True)
    assert await ask("cst", "") == "awaiting_consent"
    assert await reports.answer_referral_request(sessions, report.reference, "cst", False)
    status = await reports.report_status(sessions, cipher, report.reference)
    assert status.referrals == {SHU: "to_send", TVP: "to_send", "galop": "to_send",
                                "cst": "declined"}
    assert status.consents == {SHU: True, TVP: True, "galop": True} and status.requests == {}
    with pytest.raises(casework.CaseworkError, match="declined"):
        await ask("cst", "please")
    assert len(await rows(sessions, "SELECT id FROM messages WHERE report_id = :i",
                          i=report.id)) == 2
    assert [(a, d) for _, a, d in await audit_trail(sessions, report.reference)][1:] == [
        ("referral_requested", {"organisation": TVP, "state": "to_send"}),
        ("consent_withdrawn", {"recipient": "galop"}),
        ("referral_requested", {"organisation": "galop", "state": "awaiting_consent"}),
        ("consent_given", {"recipient": "galop"}),
        ("referral_requested", {"organisation": "cst", "state": "awaiting_consent"}),
        ("referral_declined", {"recipient": "cst"})]


async def test_deleting_a_report_removes_everything_but_the_audit_event(sessions, cipher):
    new = shared_report()
    report = await reports.create_report(sessions, cipher, new)
    await reports.withdraw_consent(sessions, report.reference, SHU)
    assert await child_counts(sessions, report.id) == {
        "consents": 2, "referrals": 2, "status_changes": 1}
    assert await reports.delete_report(sessions, reports.format_reference(report.reference).lower())
    assert await reports.delete_report(sessions, report.reference) is False
    assert await reports.find_by_reference(sessions, report.reference) is None
    (left,) = await rows(sessions, "SELECT count(*) FROM reports WHERE id = :i", i=report.id)
    assert left[0] == 0
    assert await child_counts(sessions, report.id) == dict.fromkeys(CHILD_TABLES, 0)
    assert await audit_trail(sessions, report.reference) == [
        ("resident", "report_created", {"topic": "hate_crime", "consents": [TVP, SHU]}),
        ("resident", "consent_withdrawn", {"recipient": SHU}),
        ("resident", "report_deleted", {"topic": "hate_crime"})]
    whole_trail = str(await rows(sessions, "SELECT * FROM audit_events"))
    for secret in free_texts(new):
        assert secret not in whole_trail


async def test_audit_takes_identifiers_and_refuses_free_text(sessions, cipher):
    report = await reports.create_report(sessions, cipher, new_report())
    await reports.audit(sessions, "caseworker1", "referral_sent", report.reference,
                        {"organisation": SHU, "attempt": 1})
    assert (await audit_trail(sessions, report.reference))[-1] == (
        "caseworker1", "referral_sent", {"organisation": SHU, "attempt": 1})
    with pytest.raises(ValueError, match="free text"):
        await reports.audit(sessions, "caseworker1", "note", report.reference,
                            {"note": "he said he would come back"})
    assert len(await audit_trail(sessions, report.reference)) == 2


async def test_wrong_codes_from_one_chat_are_slowed_down_more_and_more(sessions):
    chat, t0 = uuid.uuid4().hex, dt.datetime.now(dt.UTC)
    delays = []
    for _ in range(11):
        await reports.record_lookup_failure(sessions, chat, now=t0)
        delays.append(await reports.lookup_delay(sessions, chat, now=t0))
    assert delays == [0, 0, 0, 5, 10, 20, 40, 80, 160, 300, 300]
    assert await reports.lookup_delay(sessions, chat, now=t0 + dt.timedelta(seconds=60)) == 240
    assert await reports.lookup_delay(sessions, uuid.uuid4().hex, now=t0) == 0


async def test_wrong_codes_older_than_fifteen_minutes_do_not_count(sessions):
    chat, t0 = uuid.uuid4().hex, dt.datetime.now(dt.UTC)
    old = (t0 - dt.timedelta(minutes=16)).astimezone(dt.timezone(dt.timedelta(hours=1)))
    async with sessions() as session, session.begin():
        session.add_all(LookupFailure(chat_key=chat, at=old) for _ in range(6))
        session.add(LookupFailure(chat_key=chat, at=t0))
    assert await reports.lookup_delay(sessions, chat, now=t0) == 0
    naive_now = t0.replace(tzinfo=None)
    await reports.record_lookup_failure(sessions, chat, now=naive_now)
    (kept,) = await rows(sessions, "SELECT count(*) FROM lookup_failures WHERE chat_key = :c", c=chat)
    assert kept[0] == 2


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request, tmp_path) -> str:
    """A database no migration has touched, on each database the project supports."""
    if request.param == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}"
    server = request.getfixturevalue("postgres_url")
    name = f"migrations_{uuid.uuid4().hex[:12]}"
    asyncio.run(_execute(server, f"CREATE DATABASE {name}", autocommit=True))
    return server.rsplit("/", 1)[0] + f"/{name}"


async def _execute(url: str, sql: str, autocommit: bool = False, **params) -> list:
    engine = make_engine(url)
    if autocommit:
        engine = engine.execution_options(isolation_level="AUTOCOMMIT")
    try:
        async with engine.begin() as connection:
            result = await connection.execute(text(sql), params)
            return list(result.all()) if result.returns_rows else []
    finally:
        await engine.dispose()


def test_migration_0003_keeps_older_reports_and_downgrades_cleanly(empty_database_url):
    from alembic import command
    from alembic.config import Config

    url = empty_database_url
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "0002")
    asyncio.run(_execute(url, "INSERT INTO reports (reference, submission_key, topic, urgent, "
                         "description_enc, reporter_key, status, created_at, details) VALUES "
                         "('OLDREPORT234', 'k', 'asb', false, 'x', 'r', 'new', :t, '{}')",
                         t=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)))
    command.upgrade(config, "head")
    (old,) = asyncio.run(_execute(url, "SELECT created_at, updated_at, answers_enc FROM reports"))
    assert old.updated_at == old.created_at and old.answers_enc is None
    asyncio.run(_execute(url, "INSERT INTO consents (report_id, recipient, given_at) "
                         "SELECT id, 'stop_hate_uk', created_at FROM reports"))
    asyncio.run(_execute(url, "DELETE FROM reports"))
    assert asyncio.run(_execute(url, "SELECT count(*) FROM consents"))[0][0] == 0
    command.downgrade(config, "0002")
    with pytest.raises(Exception, match="(?i)consents"):
        asyncio.run(_execute(url, "SELECT count(*) FROM consents"))
    with pytest.raises(Exception, match="(?i)updated_at"):
        asyncio.run(_execute(url, "SELECT updated_at FROM reports"))
    command.upgrade(config, "head")


async def test_staff_and_reporter_messages_are_encrypted_and_announced_once(sessions, cipher):
    report = await reports.create_report(sessions, cipher, new_report(delivery="tg:4242"))
    anonymous = await reports.create_report(sessions, cipher, new_report())
    assert await messages.send_to_reporter(sessions, cipher, report.reference, "caseworker1",
                                           "We have referred your report to Stop Hate UK")
    assert await messages.send_to_reporter(sessions, cipher, anonymous.reference, "caseworker1",
                                           "No chat to tell")
    assert not await messages.send_to_reporter(sessions, cipher, "ABCDEFGHJKMN", "c", "lost")
    async with sessions() as session:
        bodies = (await session.execute(text("SELECT body_enc FROM messages"))).scalars().all()
    assert bodies and not any("Stop Hate" in b for b in bodies)
    elsewhere = DataCipher(Fernet.generate_key())  # a report this key cannot read
    unreadable = await reports.create_report(sessions, elsewhere, new_report(delivery="tg:1"))
    assert await messages.send_to_reporter(sessions, elsewhere, unreadable.reference, "c", "hi")
    pending = await messages.pending_notifications(sessions, cipher, "tg")
    assert [(p.reference, p.delivery) for p in pending] == [(report.reference, "tg:4242")]
    assert await messages.pending_notifications(sessions, cipher, "web") == []
    assert await messages.claim_notice(sessions, pending[0].message_id)
    assert not await messages.claim_notice(sessions, pending[0].message_id)  # another replica
    assert await messages.pending_notifications(sessions, cipher, "tg") == []
    await messages.release_notice(sessions, pending[0].message_id)  # sending failed
    assert len(await messages.pending_notifications(sessions, cipher, "tg")) == 1
    assert await messages.claim_notice(sessions, pending[0].message_id)
    assert await messages.latest_for_reporter(sessions, cipher, report.reference) == \
        "We have referred your report to Stop Hate UK"
    assert await messages.reply_from_reporter(sessions, cipher, report.reference, "thank you")
    assert await messages.latest_for_reporter(sessions, cipher, report.reference) == \
        "We have referred your report to Stop Hate UK"
    async with sessions() as session:
        actions = (await session.execute(text(
            "SELECT action FROM audit_events WHERE report_reference = :r ORDER BY id"),
            {"r": report.reference})).scalars().all()
    assert actions == ["report_created", "message_to_reporter", "message_from_reporter"]


async def test_only_closed_reports_past_the_retention_period_are_purged(sessions, cipher):
    made = [await reports.create_report(sessions, cipher, new_report(submission_id=str(i)))
            for i in range(3)]
    long_ago = utcnow() - dt.timedelta(days=400)
    async with sessions() as session, session.begin():
        for report, status, when in zip(made, ("closed", "closed", "new"),
                                        (long_ago, utcnow(), long_ago), strict=True):
            await session.execute(text("UPDATE reports SET status = :s, updated_at = :u "
                                       "WHERE id = :i"), {"s": status, "u": when, "i": report.id})
    assert await retention.purge_closed(sessions, 365) == 1
    assert await reports.find_by_reference(sessions, made[0].reference) is None
    for kept in made[1:]:
        assert await reports.find_by_reference(sessions, kept.reference) is not None
    async with sessions() as session:
        purged = (await session.execute(text(
            "SELECT actor, action FROM audit_events WHERE report_reference = :r "
            "AND action = 'report_purged'"), {"r": made[0].reference})).all()
    assert [tuple(p) for p in purged] == [("system", "report_purged")]
    assert await retention.purge_closed(sessions, 365) == 0


async def test_a_key_rotation_reencrypts_every_stored_text(sessions):
    # A rotation covers the whole database, which on PostgreSQL other tests share.
    async with sessions() as session, session.begin():
        await session.execute(text("DELETE FROM reports"))
    old_key, new_key = (base64.urlsafe_b64decode(Fernet.generate_key()) for _ in range(2))
    old = DataCipher(old_key)
    report = await reports.create_report(sessions, old, new_report(
        answers={"report_where": "Cowley Road"}, contact="07700 900123", delivery="tg:1"))
    await messages.send_to_reporter(sessions, old, report.reference, "casey", "hello")
    with pytest.raises(ValueError):
        await rekey.reencrypt_all(sessions, DataCipher(new_key))  # old key not given
    assert await rekey.reencrypt_all(sessions, DataCipher(new_key, [old_key])) == 5
    new_only = DataCipher(new_key)
    async with sessions() as session:
        row = (await session.execute(text(
            "SELECT description_enc, contact_enc FROM reports WHERE id = :i"),
            {"i": report.id})).one()
        body = (await session.execute(text("SELECT body_enc FROM messages"))).scalar_one()
    assert new_only.decrypt(row.description_enc) == new_report().description
    assert new_only.decrypt(row.contact_enc) == "07700 900123"
    assert new_only.decrypt(body) == "hello"
    with pytest.raises(ValueError):
        old.decrypt(body)


async def test_forgetting_a_conversation_deletes_only_its_tracker_events(tmp_path):
    from sqlalchemy import create_engine
    from sqlalchemy import text as sql

    from bot.storage.trackers import Trackers

    url = f"sqlite:///{tmp_path}/trackers.db"
    with create_engine(url).begin() as conn:
        conn.execute(sql("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, data TEXT)"))
        conn.execute(sql("INSERT INTO events (sender_id, data) VALUES ('a', 'my secret'), "
                         "('a', 'more'), ('b', 'other chat')"))
    trackers = Trackers(url)
    assert await trackers.forget("a") is True
    await trackers.dispose()
    with create_engine(url).connect() as conn:
        assert conn.execute(sql("SELECT sender_id, data FROM events")).all() == [("b", "other chat")]


async def test_before_the_engine_made_its_store_there_is_nothing_to_forget(tmp_path):
    from bot.storage.trackers import Trackers

    trackers = Trackers(f"sqlite:///{tmp_path}/trackers.db")  # no events table yet
    assert await trackers.forget("a") is True
    await trackers.dispose()


async def test_forgetting_says_so_when_the_store_cannot_be_reached():
    from bot.storage.trackers import Trackers

    trackers = Trackers("postgresql://nobody@127.0.0.1:1/trackers")  # nothing listens there
    assert await trackers.forget("a") is False
    await trackers.dispose()


async def test_chat_traces_hand_out_a_chats_deletable_ids_once_and_prune_the_old(sessions):
    now = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
    a, b = f"a-{uuid.uuid4().hex}", f"b-{uuid.uuid4().hex}"  # PostgreSQL is shared by tests
    await chat_traces.remember(sessions, a, [30, 10], now - dt.timedelta(hours=47))
    await chat_traces.remember(sessions, a, [5], now - dt.timedelta(hours=49))
    await chat_traces.remember(sessions, b, [11], now - dt.timedelta(hours=50))
    await chat_traces.remember(sessions, b, [12], now)
    assert await chat_traces.take(sessions, a, now) == [10, 30]  # 5 is too old to delete
    assert await chat_traces.take(sessions, a, now) == []
    assert await chat_traces.prune(sessions, now) == 1  # b's 11, too old to delete
    assert await chat_traces.take(sessions, b, now) == [12]


def ours(name, kind, _parent) -> bool:
    """Only the app's tables: the shared test PostgreSQL also holds the engine's `events`."""
    return kind != "table" or name in Base.metadata.tables


async def test_the_migrations_make_the_tables_the_models_describe(sessions):
    async with sessions() as session:
        connection = await session.connection()
        differences = await connection.run_sync(lambda sync: compare_metadata(
            MigrationContext.configure(sync, opts={"include_name": ours}), Base.metadata))
    assert differences == []


async def test_reports_are_counted_by_month_and_topic_in_the_database(sessions, cipher):
    since = utcnow() + dt.timedelta(days=3650)  # later than any other test's reports
    made = [await reports.create_report(sessions, cipher, new_report(topic=topic))
            for topic in ("asb", "asb", "spiking")]
    async with sessions() as session, session.begin():
        await session.execute(text("UPDATE reports SET created_at = :at WHERE id IN (:a, :b, :c)"),
                              {"at": since + dt.timedelta(days=40), "a": made[0].id,
                               "b": made[1].id, "c": made[2].id})
    month = (since + dt.timedelta(days=40)).date()
    window = statistics.Window.covering("month", month, month)
    assert await statistics.by_topic(sessions, window) == {month.strftime("%Y-%m"): {"asb": 2, "spiking": 1}}


async def test_casework_changes_are_kept_in_the_history_encrypted_and_audited(sessions, cipher):
    report = await reports.create_report(sessions, cipher, new_report(submission_id="case-1"))
    await casework.assign(sessions, report.reference, "casey", "adam")
    await casework.change_status(sessions, cipher, report.reference, "closed", "casey",
                                 outcome="no_contact", note="three calls, no answer")
    await casework.add_note(sessions, cipher, report.reference, "left a voicemail", "casey")
    with pytest.raises(casework.CaseworkError, match="closed already"):
        await casework.change_status(sessions, cipher, report.reference, "closed", "casey",
                                     outcome="resolved")
    case = await casework.open_case(sessions, cipher, report.reference, "casey")
    assert case.report.assigned_to == "casey" and case.report.status == "closed"
    assert [(c.status, c.outcome, c.note) for c in case.history] == [
        ("new", None, None), ("closed", "no_contact", "three calls, no answer")]
    assert [n.text for n in case.notes] == ["left a voicemail"]


async def test_the_audit_trail_cannot_be_changed_or_deleted(sessions, cipher):
    report = await reports.create_report(sessions, cipher, new_report(submission_id="audit-1"))
    for statement in ("UPDATE audit_events SET actor = 'someone else'", "DELETE FROM audit_events"):
        with pytest.raises(Exception, match="append-only"):
            async with sessions() as session, session.begin():
                await session.execute(text(statement))
    lines, total = await reports.search_audit(sessions, reference=report.reference)
    assert total == 1 and lines[0].action == "report_created"


async def test_a_telegram_update_is_claimed_once_unless_its_claim_was_abandoned(sessions):
    """Across app replicas: the first claim wins, a finished update is never taken again,
    and an unfinished claim older than the lease (its replica died) can be taken over."""
    import datetime as dt

    from bot.storage import telegram_updates

    start = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)
    later = start + telegram_updates.LEASE + dt.timedelta(seconds=1)
    assert await telegram_updates.claim(sessions, 501, now=start)
    assert not await telegram_updates.claim(sessions, 501, now=start)
    assert await telegram_updates.claim(sessions, 501, now=later)
    assert not await telegram_updates.claim(sessions, 501, now=later)
    assert await telegram_updates.claim(sessions, 502, now=start)
    await telegram_updates.finish(sessions, 502)
    assert not await telegram_updates.claim(sessions, 502, now=later)
    assert await telegram_updates.prune(sessions, now=later + telegram_updates.KEPT) == 2
    assert await telegram_updates.claim(sessions, 502, now=later)


async def test_a_postgresql_server_that_refuses_connections_is_a_database_outage(cipher):
    """asyncpg raises a plain ConnectionRefusedError (not a SQLAlchemy error) when the
    server is stopped: the quick-exit ids, the staff notice loop, the daily retention run
    and the webhook's update claim must treat it as the database being away, not crash."""
    import asyncio

    from bot.runner import free_port
    from bot.storage.db import make_engine, make_sessionmaker
    from bot.storage.retention import purge_logged
    from bot.telegram.app import _claim
    from bot.telegram.notify import notify_forever
    from bot.telegram.traces import Traces
    from bot.web.keys import SESSIONS

    engine = make_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{free_port()}/postgres")
    sessions = make_sessionmaker(engine)
    try:
        traces = Traces(sessions, cipher)
        await traces.remember(4242, 1)  # logged, the chat still answered
        assert await traces.remove_chat(None, 4242) == 0
        await purge_logged(sessions, 365)
        assert await _claim({SESSIONS: sessions}, 77)  # handled, unclaimed
        notices = asyncio.create_task(notify_forever(None, sessions, cipher, traces))
        await asyncio.sleep(0.5)
        assert not notices.done(), "the notice loop died with the database"
        notices.cancel()
    finally:
        await engine.dispose()


def test_only_a_code_this_service_could_give_is_looked_up():
    from bot.storage.reports import is_reference, new_reference, normalise_reference

    assert is_reference(new_reference())
    assert is_reference(normalise_reference("abcd-efgh-jkmn"))
    assert not is_reference("ABCD\x00EFGHJKM")  # PostgreSQL refuses a NUL
    assert not is_reference("ABCDEFGHJKMO")  # O is not in the alphabet (looks like 0)
    assert not is_reference("ABCDEFGHJKM")
