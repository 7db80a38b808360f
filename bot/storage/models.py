"""SQLAlchemy models. Free text is stored encrypted; identities only as keyed hashes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator):
    """Aware UTC on both databases: SQLite keeps no zone, so it stores UTC and gets it back here."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        return None if value is None else as_utc(value)

    def process_result_value(self, value: dt.datetime | None, dialect) -> dt.datetime | None:
        return None if value is None else as_utc(value)


def as_utc(value: dt.datetime) -> dt.datetime:
    """A naive time is taken to be UTC (as SQLite returns it); an aware one is converted."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    pass


def _report_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)


def _children(model: str, order_by: str | None = None):
    """Loaded with the report (async sessions cannot lazy-load); the database deletes them."""
    return relationship(model, cascade="all, delete-orphan", passive_deletes=True,
                        lazy="selectin", order_by=order_by)


class Report(Base):
    """A report a resident confirmed in the chat."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    submission_key: Mapped[str] = mapped_column(String(64), unique=True)
    topic: Mapped[str] = mapped_column(String(20), index=True)
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    # The language the resident wrote in (bot/language): their free text is kept as written.
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en",
                                          index=True)
    description_enc: Mapped[str] = mapped_column(Text)
    # Encrypted JSON of the free-text answers (where, when, injuries...); None on older reports.
    answers_enc: Mapped[str | None] = mapped_column(Text)
    # Only when the resident chose to leave contact details.
    contact_enc: Mapped[str | None] = mapped_column(Text)
    # Where staff replies go ("tg:123", "web:<page id>"); never shown to staff. The channel
    # in the clear (which poller announces them), and a keyed hash to find a page's notices.
    delivery_enc: Mapped[str | None] = mapped_column(Text)
    delivery_channel: Mapped[str | None] = mapped_column(String(8))
    delivery_key: Mapped[str | None] = mapped_column(String(64), index=True)
    # Canonical values from data/details.yml only (never free text), so plain for statistics.
    details: Mapped[dict] = mapped_column(JSON, default=dict)
    reporter_key: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(20), default="new")
    # The staff username handling it, if anyone has taken it.
    assigned_to: Mapped[str | None] = mapped_column(String(64), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, server_default=func.now(), index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, onupdate=utcnow, server_default=func.now())

    consents: Mapped[list[Consent]] = _children("Consent", "Consent.id")
    referrals: Mapped[list[Referral]] = _children("Referral", "Referral.id")
    status_changes: Mapped[list[StatusChange]] = _children("StatusChange", "StatusChange.id")
    messages: Mapped[list[Message]] = _children("Message", "Message.id")
    notes: Mapped[list[CaseNote]] = _children("CaseNote", "CaseNote.id")


class Consent(Base):
    """The resident's agreement to share the report with one recipient, until withdrawn."""

    __tablename__ = "consents"
    __table_args__ = (UniqueConstraint("report_id", "recipient"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = _report_fk()
    recipient: Mapped[str] = mapped_column(String(64))
    given_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Referral(Base):
    """One recipient's copy of the report, as an outbox item a caseworker sends: made with
    the resident's consent, or asked for by staff and waiting for the resident to agree."""

    __tablename__ = "referrals"
    __table_args__ = (UniqueConstraint("report_id", "organisation"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = _report_fk()
    organisation: Mapped[str] = mapped_column(String(64))
    method: Mapped[str] = mapped_column(String(20), default="outbox")
    state: Mapped[str] = mapped_column(String(20), default="to_send", index=True)
    # Set when staff asked for it: who, and why (the resident reads the reason; encrypted).
    requested_by: Mapped[str | None] = mapped_column(String(64))
    reason_enc: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class StatusChange(Base):
    """The report's status history; the note is free text, so encrypted."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = _report_fk()
    status: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str | None] = mapped_column(String(40))  # how a closed report ended
    note_enc: Mapped[str | None] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))


class Message(Base):
    """A message between staff and the reporter, through the bot; the text encrypted."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = _report_fk()
    direction: Mapped[str] = mapped_column(String(20))  # "to_reporter" or "from_reporter"
    author: Mapped[str] = mapped_column(String(64))  # a staff username, or "reporter"
    body_enc: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    # When the reporter's chat was told a message is waiting (Telegram), or they read it.
    notified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)


class CaseNote(Base):
    """An internal note staff keep on a report (never shown to the reporter); encrypted."""

    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = _report_fk()
    author: Mapped[str] = mapped_column(String(64))
    body_enc: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEvent(Base):
    """Append-only trail. No foreign key, so it outlives a deleted report; detail holds ids only."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(40))
    report_reference: Mapped[str | None] = mapped_column(String(16), index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


class LookupFailure(Base):
    """A wrong reference code typed in one chat, kept in the database to throttle across processes."""

    __tablename__ = "lookup_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_key: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class ChatTrace(Base):
    """The id of a recent message in a Telegram chat (never its text), for a quick exit."""

    __tablename__ = "chat_traces"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_key: Mapped[str] = mapped_column(String(64), index=True)
    message_id: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class TelegramUpdate(Base):
    """A Telegram update taken at the webhook by one app replica, so a retry that reaches
    another replica is not handled again (bot/storage/telegram_updates.py)."""

    __tablename__ = "telegram_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    claimed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class StaffUser(Base):
    """A staff account for the console; the password only as an argon2 hash."""

    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20), default="caseworker")
    # The topics whose reports a caseworker handles (admins see every report).
    topics: Mapped[list] = mapped_column(JSON, default=list, server_default="[]")
    # Raised to sign the account out everywhere: a session made under another value is void.
    session_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # A disabled account cannot sign in; it stays for the audit trail and past assignments.
    disabled_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # Set when an admin chose the password: the owner picks their own at next sign-in.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False,
                                                       server_default=false())
    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utcnow, server_default=func.now())


class StaffLoginFailure(Base):
    """A failed sign-in for an account name (a keyed hash of it, whether or not it exists)."""

    __tablename__ = "staff_login_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_key: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
