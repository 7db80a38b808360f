"""What a caseworker reads and does on one report: the account, the referral outbox,
the messages with the reporter. Every read of the account is audited."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.crypto import DataCipher
from bot.storage.models import Report, utcnow
from bot.storage.reports import audit_event, by_reference


@dataclass(frozen=True)
class Note:
    """One message between staff and the reporter, decrypted for the report page."""

    direction: str
    author: str
    at: dt.datetime
    text: str


@dataclass(frozen=True)
class CaseView:
    report: Report
    description: str
    answers: dict[str, str]
    contact: str | None
    messages: list[Note]


async def open_case(sessions: async_sessionmaker, cipher: DataCipher, reference: str,
                    reader: str) -> CaseView | None:
    """The report decrypted for a staff member, and an audit line saying who read it."""
    async with sessions() as session, session.begin():
        report = await by_reference(session, reference)
        if report is None:
            return None
        session.add(audit_event(reader, "report_viewed", report.reference, {}))
    return CaseView(
        report=report, description=cipher.decrypt(report.description_enc),
        answers=json.loads(cipher.decrypt(report.answers_enc)) if report.answers_enc else {},
        contact=cipher.decrypt(report.contact_enc) if report.contact_enc else None,
        messages=[Note(m.direction, m.author, m.at, cipher.decrypt(m.body_enc))
                  for m in report.messages])


async def mark_referral_sent(sessions: async_sessionmaker, reference: str, organisation: str,
                             caseworker: str) -> bool:
    """Record that a caseworker sent a referral from the outbox; refused (False) unless it
    is waiting to be sent, so a withdrawn consent is never overridden."""
    async with sessions() as session, session.begin():
        report = await by_reference(session, reference, lock=True)
        waiting = [r for r in (report.referrals if report else [])
                   if r.organisation == organisation and r.state == "to_send"]
        if not waiting:
            return False
        waiting[0].state, waiting[0].updated_at = "sent", utcnow()
        report.updated_at = utcnow()
        session.add(audit_event(caseworker, "referral_sent", report.reference,
                                {"organisation": organisation}))
    return True
