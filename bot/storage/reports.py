"""Reports and what a resident can do with them later by reference code.

A confirmed report is committed, with its consents, referrals, first status and audit
event, in one transaction before it is confirmed. The reference code is the bearer
secret for looking it up, withdrawing consent or deleting it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.crypto import DataCipher
from bot.storage.models import (
    AuditEvent,
    Consent,
    LookupFailure,
    Referral,
    Report,
    StatusChange,
    as_utc,
    utcnow,
)

# No 0/O, 1/I/L or 5/S look-alikes: codes are read aloud and typed on phones.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
REFERENCE_LENGTH = 12
# Spaces and any kind of dash (phones turn "-" into "–"), as typed around a code.
SEPARATOR = r"[\s\-\u2010-\u2015\u2212]"
_SEPARATORS = re.compile(SEPARATOR)
# Audit detail holds identifiers, numbers and flags only, never what a resident wrote.
_AUDIT_TOKEN = re.compile(r"[A-Za-z0-9_.:-]{1,64}")

FREE_LOOKUP_FAILURES = 3
LOOKUP_WINDOW = dt.timedelta(minutes=15)
FIRST_LOOKUP_DELAY = 5.0
MAX_LOOKUP_DELAY = 300.0


def new_reference() -> str:
    """A random reference code (29^12, about 2^58, so it cannot be guessed)."""
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def format_reference(reference: str) -> str:
    """ABCD-EFGH-JKMN: easier to read back than twelve letters in a row."""
    return "-".join(reference[i:i + 4] for i in range(0, len(reference), 4))


def normalise_reference(typed: str) -> str:
    """A code as stored, whatever case and separators it was typed with."""
    return _SEPARATORS.sub("", typed).upper()


def is_reference(normalised: str) -> bool:
    """Whether a normalised code can be one this service gives (its alphabet and length)."""
    return len(normalised) == REFERENCE_LENGTH and set(normalised) <= set(REFERENCE_ALPHABET)


@dataclass(frozen=True)
class NewReport:
    topic: str
    description: str
    urgent: bool
    reporter: str
    submission_id: str
    details: dict[str, list[str]] = field(default_factory=dict)
    answers: dict[str, str] = field(default_factory=dict)
    contact: str | None = None
    delivery: str | None = None
    consents: tuple[str, ...] = ()
    referrals: tuple[tuple[str, str], ...] = ()
    language: str = "en"


@dataclass(frozen=True)
class ReportStatus:
    reference: str
    topic: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    consents: dict[str, bool]
    referrals: dict[str, str]
    # Referrals staff asked for and the resident has not answered: organisation -> reason.
    requests: dict[str, str] = field(default_factory=dict)


async def create_report(sessions: async_sessionmaker, cipher: DataCipher,
                        new: NewReport) -> Report:
    """Store a report once: a repeated submission returns the report already stored."""
    _check_referrals_consented(new)
    key = cipher.identity(f"submission:{new.reporter}:{new.submission_id}")
    existing = await _by_submission_key(sessions, key)
    if existing is not None:
        return existing
    report = _report_row(cipher, new, key)
    created = audit_event("resident", "report_created", report.reference,
                     {"topic": new.topic, "consents": [c.recipient for c in report.consents]})
    try:
        async with sessions() as session, session.begin():
            session.add_all([report, created])
    except IntegrityError:
        existing = await _by_submission_key(sessions, key)
        if existing is None:
            raise
        return existing
    return report


def _check_referrals_consented(new: NewReport) -> None:
    """A referral without the resident's consent to that recipient must never be queued."""
    missing = {organisation for organisation, _ in new.referrals} - set(new.consents)
    if missing:
        raise ValueError(f"referrals without consent: {', '.join(sorted(missing))}")


def _report_row(cipher: DataCipher, new: NewReport, key: str) -> Report:
    now = utcnow()
    return Report(
        reference=new_reference(), submission_key=key, topic=new.topic, urgent=new.urgent,
        language=new.language, description_enc=cipher.encrypt(new.description),
        answers_enc=cipher.encrypt(json.dumps(new.answers)),
        contact_enc=cipher.encrypt(new.contact) if new.contact else None,
        delivery_enc=cipher.encrypt(new.delivery) if new.delivery else None,
        delivery_channel=new.delivery.split(":", 1)[0] if new.delivery else None,
        delivery_key=delivery_key(cipher, new.delivery) if new.delivery else None,
        details=new.details, reporter_key=cipher.identity(f"reporter:{new.reporter}"),
        status="new", created_at=now, updated_at=now,
        consents=[Consent(recipient=r, given_at=now) for r in dict.fromkeys(new.consents)],
        referrals=[Referral(organisation=o, method=m, state="to_send", created_at=now, updated_at=now)
                   for o, m in dict(new.referrals).items()],
        status_changes=[StatusChange(status="new", actor="resident", at=now)])


def delivery_key(cipher: DataCipher, delivery: str) -> str:
    """The keyed hash a chat's reports are found by, for its staff-message notices."""
    return cipher.identity(f"delivery:{delivery}")


async def _by_submission_key(sessions: async_sessionmaker, key: str) -> Report | None:
    async with sessions() as session:
        return await session.scalar(select(Report).where(Report.submission_key == key))


async def find_by_reference(sessions: async_sessionmaker, reference: str) -> Report | None:
    """The report a typed code stands for, with its consents, referrals and history."""
    async with sessions() as session:
        return await by_reference(session, reference)


async def by_reference(session: AsyncSession, reference: str, lock: bool = False) -> Report | None:
    """`lock` keeps two changes to one report (withdraw, delete) from interleaving on PostgreSQL."""
    query = select(Report).where(Report.reference == normalise_reference(reference))
    return await session.scalar(query.with_for_update() if lock else query)


async def report_status(sessions: async_sessionmaker, cipher: DataCipher,
                        reference: str) -> ReportStatus | None:
    """What a resident may see of their own report: no content, only where it stands and
    what staff ask them to agree to."""
    report = await find_by_reference(sessions, reference)
    if report is None:
        return None
    return ReportStatus(
        reference=report.reference, topic=report.topic, status=report.status,
        created_at=report.created_at, updated_at=report.updated_at,
        consents={c.recipient: c.withdrawn_at is None for c in report.consents},
        referrals={r.organisation: r.state for r in report.referrals},
        requests={r.organisation: cipher.decrypt(r.reason_enc) if r.reason_enc else ""
                  for r in report.referrals if r.state == "awaiting_consent"})


async def withdraw_consent(sessions: async_sessionmaker, reference: str,
                           recipient: str | None) -> list[str]:
    """Withdraw one recipient's consent (all if None) and stop or flag their referrals.

    A referral already sent becomes "withdrawn" too: the caseworker tells the organisation.
    """
    async with sessions() as session, session.begin():
        report = await by_reference(session, reference, lock=True)
        if report is None:
            return []
        given = [c for c in report.consents
                 if c.withdrawn_at is None and recipient in (None, c.recipient)]
        withdrawn = [c.recipient for c in given]
        if not withdrawn:
            return []
        now = utcnow()
        for consent in given:
            consent.withdrawn_at = now
        for referral in report.referrals:
            if referral.organisation in withdrawn and referral.state != "withdrawn":
                referral.state, referral.updated_at = "withdrawn", now
        report.updated_at = now
        session.add_all(audit_event("resident", "consent_withdrawn", report.reference, {"recipient": r})
                        for r in withdrawn)
    return withdrawn


async def answer_referral_request(sessions: async_sessionmaker, reference: str,
                                  organisation: str, agree: bool) -> bool:
    """The resident's yes or no to a referral staff asked for: yes records their consent and
    puts the referral in the outbox; no closes it for good. False if nothing was waiting."""
    async with sessions() as session, session.begin():
        report = await by_reference(session, reference, lock=True)
        waiting = referral_in(report, organisation, "awaiting_consent")
        if waiting is None:
            return False
        now = utcnow()
        waiting.state, waiting.updated_at = ("to_send" if agree else "declined"), now
        if agree:
            _give_consent(report, organisation, now)
        report.updated_at = now
        session.add(audit_event("resident", "consent_given" if agree else "referral_declined",
                                report.reference, {"recipient": organisation}))
    return True


def referral_in(report: Report | None, organisation: str, state: str) -> Referral | None:
    """The report's referral to `organisation`, if there is one in `state`."""
    return next((r for r in (report.referrals if report else [])
                 if r.organisation == organisation and r.state == state), None)


def _give_consent(report: Report, recipient: str, now: dt.datetime) -> None:
    """A new consent, or one withdrawn before given again (one row per recipient)."""
    earlier = next((c for c in report.consents if c.recipient == recipient), None)
    if earlier is None:
        report.consents.append(Consent(recipient=recipient, given_at=now))
    else:
        earlier.given_at, earlier.withdrawn_at = now, None


async def delete_report(sessions: async_sessionmaker, reference: str) -> bool:
    """Delete a report and (by cascade) everything about it; only the audit event remains."""
    async with sessions() as session, session.begin():
        report = await by_reference(session, reference, lock=True)
        if report is None:
            return False
        session.add(audit_event("resident", "report_deleted", report.reference, {"topic": report.topic}))
        await session.execute(delete(Report).where(Report.id == report.id))
    return True


async def record_lookup_failure(sessions: async_sessionmaker, chat_key: str,
                                now: dt.datetime | None = None) -> None:
    """Count a wrong code from this chat, and prune failures too old to count any more."""
    now = as_utc(now or utcnow())
    async with sessions() as session, session.begin():
        await session.execute(delete(LookupFailure).where(LookupFailure.at < now - LOOKUP_WINDOW))
        session.add(LookupFailure(chat_key=chat_key, at=now))


async def lookup_delay(sessions: async_sessionmaker, chat_key: str,
                       now: dt.datetime | None = None) -> float:
    """Seconds before this chat's next code is checked, counted from its latest failure.

    Free for the first few failures in the window, then doubling, so guessing codes is
    hopeless while a resident who mistypes is hardly slowed down.
    """
    now = as_utc(now or utcnow())
    async with sessions() as session:
        count, latest = (await session.execute(
            select(func.count(), func.max(LookupFailure.at)).where(
                LookupFailure.chat_key == chat_key,
                LookupFailure.at > now - LOOKUP_WINDOW))).one()
    if count <= FREE_LOOKUP_FAILURES:
        return 0.0
    penalty = min(FIRST_LOOKUP_DELAY * 2 ** (count - FREE_LOOKUP_FAILURES - 1), MAX_LOOKUP_DELAY)
    elapsed = (now - as_utc(latest)).total_seconds()
    return min(penalty, max(0.0, penalty - elapsed))


async def audit(sessions: async_sessionmaker, actor: str, action: str, reference: str | None,
                detail: dict) -> None:
    """Append one event to the audit trail (nothing ever updates or deletes one)."""
    async with sessions() as session, session.begin():
        session.add(audit_event(actor, action, reference, detail))


def audit_event(actor: str, action: str, reference: str | None, detail: dict) -> AuditEvent:
    _check_audit_detail(detail)
    return AuditEvent(at=utcnow(), actor=actor, action=action,
                      report_reference=normalise_reference(reference) if reference else None,
                      detail=detail)


async def search_audit(sessions: async_sessionmaker, actor: str | None = None,
                       action: str | None = None, reference: str | None = None,
                       since: dt.datetime | None = None, until: dt.datetime | None = None,
                       limit: int = 200) -> tuple[list[AuditEvent], int]:
    """Audit lines matching every filter given, newest first, and how many match in all."""
    conditions = []
    if actor:
        conditions.append(AuditEvent.actor == actor)
    if action:
        conditions.append(AuditEvent.action == action)
    if reference:
        conditions.append(AuditEvent.report_reference == normalise_reference(reference))
    if since:
        conditions.append(AuditEvent.at >= since)
    if until:
        conditions.append(AuditEvent.at < until)
    async with sessions() as session:
        total = await session.scalar(select(func.count()).select_from(AuditEvent).where(*conditions))
        rows = await session.scalars(select(AuditEvent).where(*conditions)
                                     .order_by(AuditEvent.id.desc()).limit(limit))
        return list(rows), total


def _check_audit_detail(detail: dict) -> None:
    """Refuse free text in the audit trail: it outlives deleted reports."""
    for key, value in detail.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if not (isinstance(item, bool | int | float | None)
                    or (isinstance(item, str) and _AUDIT_TOKEN.fullmatch(item))):
                raise ValueError(f"audit detail {key!r} must hold identifiers, not free text")


async def recent_reports(sessions: async_sessionmaker, limit: int = 100) -> list[Report]:
    """The newest reports first, urgent ones before others of the same day."""
    async with sessions() as session:
        rows = await session.scalars(
            select(Report).order_by(Report.created_at.desc(), Report.urgent.desc()).limit(limit))
        return list(rows)


async def count_from_reporter(sessions: async_sessionmaker, cipher: DataCipher, reporter: str,
                              topic: str, since: dt.datetime) -> int:
    """Reports of `topic` made from one chat since a date (for the ASB Case Review)."""
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(Report).where(
            Report.reporter_key == cipher.identity(f"reporter:{reporter}"),
            Report.topic == topic, Report.created_at >= as_utc(since))) or 0


async def count_reports(sessions: async_sessionmaker) -> int:
    async with sessions() as session:
        return await session.scalar(select(func.count()).select_from(Report)) or 0
