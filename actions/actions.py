"""Custom actions: signposting rendered from the data file, and storing a confirmed report.

They run in the action server (rasa-sdk, the project's environment), never in the engine.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import details, signposting
from bot.crypto import DataCipher, master_key
from bot.settings import Settings
from bot.storage.db import make_engine, make_sessionmaker
from bot.storage.reports import NewReport, create_report, format_reference
from bot.topics import intent_name, model_says_urgent, topic_of

log = logging.getLogger(__name__)

REPORT_BUTTONS = [{"title": "Report it here", "payload": "/report_incident"},
                  {"title": "No, thanks", "payload": "/deny"}]
# Domestic abuse: support first; recording anything is the resident's choice, never a push.
RECORD_BUTTONS = [{"title": "Keep a record", "payload": "/report_incident"},
                  {"title": "Not now", "payload": "/deny"}]


# Support requests answered from data/signposting.yml (they name numbers and places).
SUPPORT_GUIDANCE = {
    "human_handoff": "human",
    "helpline_request": "helplines",
    "find_safe_place": "safe_places",
    "check_report": "check_report",
    "quick_exit": "quick_exit",
    "other_crime": "other_crime",
}


@cache
def storage() -> tuple[Any, DataCipher]:
    """The action server's sessionmaker and cipher, made on first use, once per process."""
    settings = Settings.from_env()
    return make_sessionmaker(make_engine(settings.database)), DataCipher(master_key(settings))


class ActionSignpost(Action):
    """Emergency guidance first when urgent, then what fits: the topic's signposting and an
    offer to report, the answer to a support request, or topic buttons when unsure."""

    def name(self) -> str:
        return "action_signpost"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        message = tracker.latest_message
        intent = intent_name(message)
        urgent = model_says_urgent(message)
        emergency_shown = bool((message.get("metadata") or {}).get("emergency_shown"))
        guidance = signposting.default()
        if urgent and not emergency_shown:
            dispatcher.utter_message(text=guidance.text("emergency"))
        if intent in SUPPORT_GUIDANCE:
            dispatcher.utter_message(text=guidance.text(self._support_key(intent, tracker)))
            return []
        if intent == "nlu_fallback":
            dispatcher.utter_message(response="utter_default")
            return [SlotSet("urgent", True)] if urgent or emergency_shown else []
        topic = topic_of(message)
        if urgent:
            if topic != "other":
                dispatcher.utter_message(text=guidance.text(topic))
            dispatcher.utter_message(response="utter_when_safe", buttons=REPORT_BUTTONS)
        elif topic == "domestic_abuse":
            dispatcher.utter_message(text=guidance.text(topic))
            dispatcher.utter_message(response="utter_offer_record", buttons=RECORD_BUTTONS)
        else:
            dispatcher.utter_message(text=guidance.text(topic))
            dispatcher.utter_message(response="utter_offer_report", buttons=REPORT_BUTTONS)
        return [SlotSet("topic", topic), SlotSet("urgent", urgent or emergency_shown)]

    @staticmethod
    def _support_key(intent: str, tracker: Tracker) -> str:
        """Helplines for the topic already talked about, else the general list."""
        topic = tracker.get_slot("topic")
        if intent == "helpline_request" and topic and topic != "other":
            return topic
        return SUPPORT_GUIDANCE[intent]


class ActionSubmitReport(Action):
    """Commit the confirmed report, then give the reference code (never the other way round)."""

    def name(self) -> str:
        return "action_submit_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        description = tracker.get_slot("incident_text")
        if not description:
            dispatcher.utter_message(response="utter_ask_incident_text")
            return [FollowupAction("report_form")]
        sessions, cipher = storage()
        topic, urgent = tracker.get_slot("topic") or "other", bool(tracker.get_slot("urgent"))
        found = details.default().for_report(topic, tracker.current_slot_values(), urgent)
        new = NewReport(topic=topic, description=description, urgent=urgent,
                        reporter=tracker.sender_id, details=found,
                        submission_id=_confirming_message_id(tracker))
        try:
            report = await create_report(sessions, cipher, new)
        except Exception as exc:
            log.error("report not stored: %s", type(exc).__name__)
            dispatcher.utter_message(response="utter_report_failed")
            return [FollowupAction("utter_confirm_report")]
        dispatcher.utter_message(response="utter_report_stored",
                                 reference=format_reference(report.reference))
        return [AllSlotsReset()]


def _confirming_message_id(tracker: Tracker) -> str:
    """The id of the user message that confirmed, so a retried submit is stored once."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return str(event.get("message_id") or event.get("timestamp"))
    return "no-message"
