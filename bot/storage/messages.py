"""Two-way messages between staff and a reporter, who stays anonymous to staff.

Staff write to a report; the reporter's chat is told that a message is waiting (never
its text, which could show on a lock screen) and reads it by giving the reference code.
Telegram chats are told by a poller; a web chat page asks for its notices while it is open.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.crypto import DataCipher
from bot.storage.models import Message, Report, utcnow
from bot.storage.reports import audit_event, by_reference, delivery_key

log = logging.getLogger(__name__)

TO_REPORTER, FROM_REPORTER = "to_reporter", "from_reporter"


@dataclass(frozen=True)
class Pending:
    """A staff message whose reporter's chat has not been told yet."""

    message_id: int
    reference: str
    delivery: str
    language: str = "en"  # the report's: the notice is said in it


async def send_to_reporter(sessions: async_sessionmaker, cipher: DataCipher, reference: str,
                           author: str, text: str) -> bool:
    """Store a staff message for the reporter; False if the report no longer exists."""
    return await _add(sessions, cipher, reference, TO_REPORTER, author, text)


async def reply_from_reporter(sessions: async_sessionmaker, cipher: DataCipher,
                              reference: str, text: str) -> bool:
    """Store the reporter's answer, for staff to read on the report."""
    return await _add(sessions, cipher, reference, FROM_REPORTER, "reporter", text)


async def _add(sessions: async_sessionmaker, cipher: DataCipher, reference: str,
               direction: str, author: str, text: str) -> bool:
    async with sessions() as session, session.begin():
        report = await by_reference(session, reference, lock=True)
        if report is None:
            return False
        session.add(Message(report_id=report.id, direction=direction, author=author,
                            body_enc=cipher.encrypt(text)))
        report.updated_at = utcnow()
        actor = "resident" if direction == FROM_REPORTER else author
        session.add(audit_event(actor, f"message_{direction}", report.reference, {}))
    return True


async def pending_notifications(sessions: async_sessionmaker, cipher: DataCipher,
                                channel: str) -> list[Pending]:
    """Staff messages not yet announced to reporters whose chat is on `channel`."""
    async with sessions() as session:
        rows = (await session.execute(
            select(Message.id, Report.reference, Report.delivery_enc, Report.language)
            .join(Report, Message.report_id == Report.id)
            .where(Message.direction == TO_REPORTER, Message.notified_at.is_(None),
                   Report.delivery_enc.is_not(None),
                   # Reports made before the channel was kept have none: decrypted to tell.
                   or_(Report.delivery_channel == channel, Report.delivery_channel.is_(None)))
            .order_by(Message.id))).all()
    found, unreadable = [], 0
    for message_id, reference, delivery, language in rows:
        try:
            found.append(Pending(message_id, reference, cipher.decrypt(delivery), language))
        except ValueError:
            unreadable += 1
    if unreadable:  # one bad row must not hold up every other chat's notice
        log.warning("%d staff message notices skipped: their chat address cannot be decrypted "
                    "with this DATA_KEY", unreadable)
    return [p for p in found if p.delivery.startswith(f"{channel}:")]


async def take_notices(sessions: async_sessionmaker, cipher: DataCipher,
                       delivery: str) -> list[str]:
    """The staff messages waiting for reports made in this chat, as the language of each
    one's report (for the notice), marked as announced so each is announced once (a web
    page asking while it is open)."""
    async with sessions() as session, session.begin():
        waiting = list(await session.execute(
            select(Message, Report.language).join(Report, Message.report_id == Report.id)
            .where(Report.delivery_key == delivery_key(cipher, delivery),
                   Message.direction == TO_REPORTER, Message.notified_at.is_(None))
            # Two replicas asked at once: each message is counted by one of them.
            .with_for_update(of=Message, skip_locked=True)))
        for message, _ in waiting:
            message.notified_at = utcnow()
    return [language for _, language in waiting]


async def claim_notice(sessions: async_sessionmaker, message_id: int) -> bool:
    """Mark one staff message as announced; False when another app replica already did, so
    each reporter is told once however many replicas poll."""
    async with sessions() as session, session.begin():
        claimed = await session.execute(update(Message).where(
            Message.id == message_id, Message.notified_at.is_(None)).values(notified_at=utcnow()))
    return claimed.rowcount == 1


async def release_notice(sessions: async_sessionmaker, message_id: int) -> None:
    """The announcement failed: let the next poll try again."""
    async with sessions() as session, session.begin():
        await session.execute(update(Message).where(Message.id == message_id)
                              .values(notified_at=None))


async def latest_for_reporter(sessions: async_sessionmaker, cipher: DataCipher,
                              reference: str) -> str | None:
    """The newest staff message on a report, read or not."""
    async with sessions() as session:
        report = await by_reference(session, reference)
        sent = [m for m in (report.messages if report else []) if m.direction == TO_REPORTER]
        return cipher.decrypt(sent[-1].body_enc) if sent else None
