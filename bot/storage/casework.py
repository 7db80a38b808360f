"""What a caseworker reads and does on one report: the account, the referral outbox, the
messages with the reporter, its status, who has it, internal notes. Every read of the
account and every change is audited."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.crypto import DataCipher
from bot.storage.messages import TO_REPORTER
from bot.storage.models import (
    CaseNote,
    Consent,
    Message,
    Referral,
    Report,
    StatusChange,
    utcnow,
)
from bot.storage.reports import audit_event, by_reference, referral_in

# A report's statuses, in the order a case moves through them ("closed" needs an outcome).
STATUSES = {"new": "New", "in_review": "In review", "referred": "Referred",
            "waiting_for_reporter": "Waiting for the reporter", "closed": "Closed"}
OUTCOMES = {"resolved": "Resolved", "referred_on": "Referred to a partner organisation",
            "no_further_action": "No further action", "withdrawn": "The reporter withdrew it",
            "no_contact": "The reporter could not be reached"}
REFERRAL_STATES = {"to_send": "to send", "sent": "sent", "withdrawn": "consent withdrawn",
                   "awaiting_consent": "waiting for the reporter's consent",
                   "declined": "declined by the reporter"}
MAX_NOTE_CHARS = 2000


class CaseworkError(ValueError):
    """A change refused, with the reason to show the caseworker."""


@dataclass(frozen=True)
class Note:
    """One message between staff and the reporter, decrypted for the report page."""

    direction: str
    author: str
    at: dt.datetime
    text: str


@dataclass(frozen=True)
class Change:
    """One step of the status history, its note decrypted."""

    status: str
    outcome: str | None
    actor: str
    at: dt.datetime
    note: str | None


@dataclass(frozen=True)
class Sharing:
    """One organisation the report is shared with or asked to be: the resident's consent
    and the referral, either of which may be missing."""

    organisation: str
    consent: Consent | None
    referral: Referral | None
    reason: str | None  # why staff asked for the referral, decrypted


@dataclass(frozen=True)
class CaseView:
    report: Report
    description: str
    answers: dict[str, str]
    contact: str | None
    messages: list[Note]
    notes: list[Note]
    history: list[Change]
    sharing: list[Sharing]


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
                  for m in report.messages],
        notes=[Note("note", n.author, n.at, cipher.decrypt(n.body_enc)) for n in report.notes],
        history=[Change(c.status, c.outcome, c.actor, c.at,
                        cipher.decrypt(c.note_enc) if c.note_enc else None)
                 for c in report.status_changes],
        sharing=_sharing(cipher, report))


def _sharing(cipher: DataCipher, report: Report) -> list[Sharing]:
    consents = {c.recipient: c for c in report.consents}
    referrals = {r.organisation: r for r in report.referrals}
    return [Sharing(o, consents.get(o), referrals.get(o),
                    cipher.decrypt(referrals[o].reason_enc)
                    if o in referrals and referrals[o].reason_enc else None)
            for o in dict.fromkeys([*consents, *referrals])]


async def mark_referral_sent(sessions: async_sessionmaker, reference: str, organisation: str,
                             caseworker: str) -> bool:
    """Record that a caseworker sent a referral from the outbox; refused (False) unless it
    is waiting to be sent, so a withdrawn consent is never overridden."""
    async with sessions() as session, session.begin():
        report = await by_reference(session, reference, lock=True)
        waiting = referral_in(report, organisation, "to_send")
        if waiting is None:
            return False
        waiting.state, waiting.updated_at = "sent", utcnow()
        report.updated_at = utcnow()
        session.add(audit_event(caseworker, "referral_sent", report.reference,
                                {"organisation": organisation}))
    return True


async def request_referral(sessions: async_sessionmaker, cipher: DataCipher, reference: str,
                           organisation: str, reason: str, actor: str, *,
                           reason_needed: bool, ask_reporter: str) -> str:
    """Refer the report to `organisation`; its state: "to_send" when the resident's consent
    to it stands, otherwise "awaiting_consent", and `ask_reporter` goes to them through the
    bot: nothing is shared until they say yes. Once per organisation: a declined or
    withdrawn one is never asked again."""
    reason = _checked_text(reason, required=reason_needed)
    async with sessions() as session, session.begin():
        report = await _report(session, reference)
        earlier = next((r for r in report.referrals if r.organisation == organisation), None)
        if earlier is not None:
            raise CaseworkError(f"This report already has a referral there ({earlier.state}).")
        consented = any(c.recipient == organisation and c.withdrawn_at is None
                        for c in report.consents)
        state = "to_send" if consented else "awaiting_consent"
        now = utcnow()
        report.referrals.append(Referral(
            organisation=organisation, state=state, requested_by=actor, created_at=now,
            updated_at=now, reason_enc=cipher.encrypt(reason) if reason else None))
        if not consented:
            report.messages.append(Message(direction=TO_REPORTER, author=actor, at=now,
                                           body_enc=cipher.encrypt(ask_reporter)))
        report.updated_at = now
        session.add(audit_event(actor, "referral_requested", report.reference,
                                {"organisation": organisation, "state": state}))
    return state


async def change_status(sessions: async_sessionmaker, cipher: DataCipher, reference: str,
                        status: str, actor: str, outcome: str | None = None,
                        note: str = "") -> None:
    """Move the report to `status` (closing needs an outcome), with an optional note, in
    its history and the audit log."""
    if status not in STATUSES:
        raise CaseworkError("Choose one of the statuses offered.")
    if (status == "closed") != (outcome is not None) or (outcome and outcome not in OUTCOMES):
        raise CaseworkError("Closing a report needs its outcome (and only closing does).")
    note = _checked_text(note, required=False)
    async with sessions() as session, session.begin():
        report = await _report(session, reference)
        if report.status == status:
            raise CaseworkError(f"The report is {STATUSES[status].lower()} already.")
        change = {"from": report.status, "to": status} | ({"outcome": outcome} if outcome else {})
        session.add(audit_event(actor, "status_changed", report.reference, change))
        report.status_changes.append(StatusChange(
            status=status, outcome=outcome, actor=actor, at=utcnow(),
            note_enc=cipher.encrypt(note) if note else None))
        report.status, report.updated_at = status, utcnow()


async def assign(sessions: async_sessionmaker, reference: str, assignee: str | None,
                 actor: str) -> None:
    """Give the report to a member of staff (None: to nobody)."""
    async with sessions() as session, session.begin():
        report = await _report(session, reference)
        session.add(audit_event(actor, "assigned", report.reference, {"to": assignee}))
        report.assigned_to, report.updated_at = assignee, utcnow()


async def add_note(sessions: async_sessionmaker, cipher: DataCipher, reference: str,
                   text: str, actor: str) -> None:
    """An internal note on the report (staff only), encrypted; the audit line holds no text."""
    text = _checked_text(text, required=True)
    async with sessions() as session, session.begin():
        report = await _report(session, reference)
        session.add(audit_event(actor, "note_added", report.reference, {}))
        report.notes.append(CaseNote(author=actor, at=utcnow(), body_enc=cipher.encrypt(text)))
        report.updated_at = utcnow()


async def _report(session, reference: str) -> Report:
    report = await by_reference(session, reference, lock=True)
    if report is None:
        raise CaseworkError("That report no longer exists.")
    return report


def _checked_text(text: str, required: bool) -> str:
    text = text.strip()
    if required and not text:
        raise CaseworkError("Write the note first.")
    if len(text) > MAX_NOTE_CHARS:
        raise CaseworkError(f"Keep a note under {MAX_NOTE_CHARS} characters.")
    return text
