"""Custom actions: details kept across the conversation, and storing a confirmed report.

They run in the action server (rasa-sdk, the project's environment), never in the engine.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from rasa_sdk import Action, Tracker, ValidationAction
from rasa_sdk.events import AllSlotsReset, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.report_form import SKIPPED, sharing_recipients
from actions.signposting import case_review_figures
from actions.speech import guidance, language_of, say, words
from actions.store import storage
from bot import details, routing
from bot.crypto import DataCipher
from bot.language import LANGUAGES
from bot.report_answers import LABELS
from bot.storage.reports import NewReport, count_from_reporter, create_report, format_reference
from bot.topics import is_urgent

# Answers kept in a place of their own, not among the answers: the account and contact
# details (encrypted columns), strands (details) and the organisation (consents).
KEPT_APART = ("incident_text", "report_contact_how", "report_contact_time", "report_strands",
              "report_support_org")
DAYS_PER_MONTH = 30.44

log = logging.getLogger(__name__)

class ActionKeepDetails(ValidationAction):
    """Runs after every message. Adds the details found in it to those found earlier in the
    conversation (a list slot filled from entities would otherwise keep only the latest
    message's), marks the conversation urgent when it is, whatever its intent (a missing
    child read as "find a Safe Place" still makes the report that follows urgent), and keeps
    the language the app decided for this message, which every reply is said in."""

    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: dict) -> list[dict]:
        entities = details.default().entities
        kept = [SlotSet(slot, sorted({*(earlier_value(tracker.events, slot) or []),
                                      *(value or [])}))
                for slot, value in tracker.slots_to_validate().items() if slot in entities]
        language = (tracker.latest_message.get("metadata") or {}).get("language")
        if language in LANGUAGES and language != tracker.get_slot("language"):
            kept.append(SlotSet("language", language))
        return kept + ([SlotSet("urgent", True)] if newly_urgent(tracker) else [])


def newly_urgent(tracker: Tracker) -> bool:
    """Danger now in a message outside a form. Inside one, answers are short fragments the
    model was not trained on, and the form decides what interrupts it
    (actions/report_form.py)."""
    message = tracker.latest_message
    return (not tracker.active_loop.get("name") and not tracker.get_slot("urgent")
            and is_urgent(message, message.get("text") or ""))


def earlier_value(events: list[dict], slot: str) -> Any:
    """A slot's value before the latest message (None after a reset)."""
    before_latest = False
    for event in reversed(events):
        kind = event.get("event")
        if kind == "user":
            before_latest = True
        elif before_latest and kind == "slot" and event.get("name") == slot:
            return event.get("value")
        elif before_latest and kind in ("reset_slots", "restart", "session_started"):
            return None
    return None


class ActionSubmitReport(Action):
    """After the summary: store the report the resident sent, committed before the reference
    code is given (never the other way round), or drop a cancelled draft."""

    def name(self) -> str:
        return "action_submit_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        # Leaving a report keeps the conversation's language: AllSlotsReset would forget it.
        kept = [SlotSet("language", tracker.get_slot("language"))]
        if tracker.get_slot("report_review") != "send" or not tracker.get_slot("incident_text"):
            say(dispatcher, tracker, "utter_report_cancelled")
            return [AllSlotsReset(), *kept]
        sessions, cipher = storage()
        new = new_report(tracker, cipher)
        try:
            report = await create_report(sessions, cipher, new)
        except Exception as exc:
            log.error("report not stored: %s", type(exc).__name__)
            say(dispatcher, tracker, "utter_report_failed")
            return [SlotSet("report_review", None), FollowupAction("report_form")]
        say(dispatcher, tracker, "utter_report_stored",
            reference=format_reference(report.reference), next_steps=next_steps(tracker, new))
        if new.topic == "asb":
            await _case_review_threshold(dispatcher, tracker, sessions, cipher, new.reporter)
        return [AllSlotsReset(), *kept]


async def _case_review_threshold(dispatcher: CollectingDispatcher, tracker: Tracker, sessions,
                                 cipher: DataCipher, reporter: str) -> None:
    """Tell a resident when their ASB reports from this chat reach the ASB Case Review
    threshold (by default 3 separate incidents in 6 months)."""
    figures = case_review_figures()
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=round(figures["months"] * DAYS_PER_MONTH))
    count = await count_from_reporter(sessions, cipher, reporter, "asb", since)
    if count >= figures["incidents"]:
        dispatcher.utter_message(text=guidance(tracker, "asb_case_review",
                                               **{**figures, "incidents": count}))


def new_report(tracker: Tracker, cipher: DataCipher) -> NewReport:
    """The draft in the conversation's slots as the report to store."""
    slots = tracker.current_slot_values()
    topic, urgent = slots.get("topic") or "other", bool(slots.get("urgent"))
    recipients = sharing_recipients(slots)
    organisations = routing.default().organisations
    answers = {slot: str(slots[slot]) for slot in LABELS
               if slot not in KEPT_APART and slots.get(slot) not in (None, SKIPPED)}
    return NewReport(
        topic=topic, description=slots["incident_text"], urgent=urgent,
        reporter=tracker.sender_id, submission_id=slots.get("report_draft") or "no-draft",
        details=details.default().for_report(topic, slots, urgent), answers=answers,
        contact=_contact(slots), delivery=_delivery(tracker, cipher),
        consents=tuple(recipients),
        referrals=tuple((r, organisations[r].method) for r in recipients),
        language=language_of(tracker))


def _delivery(tracker: Tracker, cipher: DataCipher) -> str | None:
    """Where the chat can be told of staff messages (a Telegram chat, or an open web chat
    page), sent encrypted by the app in the message's metadata."""
    token = (tracker.latest_message.get("metadata") or {}).get("delivery")
    try:
        return cipher.decrypt(token) if token else None
    except ValueError:
        return None


def _contact(slots: dict[str, Any]) -> str | None:
    if slots.get("report_contact") != "contact" or not slots.get("report_contact_how"):
        return None
    when = slots.get("report_contact_time")
    return slots["report_contact_how"] + (f" (safe time: {when})" if when not in (None, SKIPPED)
                                          else "")


def next_steps(tracker: Tracker, new: NewReport) -> str:
    """What happens now, and when: the response time staff set in data/routing.yml."""
    plan = routing.default()
    names = [plan.organisations[r].name for r in new.consents]
    shared = (words(tracker, "report.passed_to", names=words(tracker, "report.and").join(names))
              if names else words(tracker, "report.recorded_only"))
    when = response_time_words(tracker, plan.response_time(new.topic, new.urgent))
    return words(tracker, "report.look_at_it", when=when, shared=shared)


def response_time_words(tracker: Tracker, english: str) -> str:
    """"within 2 to 5 working days" in the conversation's language, from its figures; the
    English as staff wrote it when it has none (or the conversation is in English)."""
    found = routing.WITHIN.search(english)
    if language_of(tracker) == "en" or not found:
        return english
    least, most = found["least"], found["most"]
    unit = "hours" if found["unit"].startswith("hour") else "working_days"
    if most:
        return words(tracker, f"within.range_{unit}", least=least, most=most)
    if least == "1":
        return words(tracker, f"within.{unit[:-1]}")
    return words(tracker, f"within.{unit}", count=least)
