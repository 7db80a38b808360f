"""Following up a report from any chat: its status, withdrawing consent, deleting it.

The reference code is the only key (reports may be anonymous), so a chat that sends
wrong codes is made to wait before the next one is checked.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.report_form import answers_the_question, interrupts, is_cancel
from actions.store import storage
from bot import routing, signposting
from bot.storage import messages, reports
from bot.storage.reports import (
    REFERENCE_ALPHABET,
    SEPARATOR,
    format_reference,
    normalise_reference,
)
from bot.topics import TOPIC_NAMES, entity_values, intent_name

# Twelve code characters in any case, as three groups of four with or without a dash or
# space between them (so a phrase such as "grabbed my bag" is not taken for a code).
_GROUP = f"[{REFERENCE_ALPHABET}{REFERENCE_ALPHABET.lower()}]{{4}}"
CODE_PATTERN = re.compile(
    rf"(?<![A-Za-z0-9])({_GROUP}{SEPARATOR}?{_GROUP}{SEPARATOR}?{_GROUP})(?![A-Za-z0-9])")
STATUS_WORDS = {"new": "waiting to be reviewed", "in_review": "being reviewed",
                "referred": "referred", "waiting_for_reporter": "waiting for your reply",
                "closed": "closed"}


def code_in(text: str) -> str | None:
    """The reference code in a message, normalised (upper case, no separators)."""
    match = CODE_PATTERN.search(text or "")
    return normalise_reference(match.group(1)) if match else None


class ValidateReportLookupForm(FormValidationAction):
    """Asks for the code until a report matches, slowing down a chat that keeps guessing."""

    def name(self) -> str:
        return "validate_report_lookup_form"

    async def extract_report_reference(self, dispatcher: CollectingDispatcher,
                                       tracker: Tracker, domain: dict) -> dict[str, Any]:
        """A code in the latest message (a new one replaces the one given before)."""
        text = tracker.latest_message.get("text") or ""
        if code_in(text):
            return {"report_reference": code_in(text)}
        if (tracker.get_slot("report_reference") or interrupts(tracker.latest_message)
                or not answers_the_question(tracker)):
            return {}
        if is_cancel(text) or intent_name(tracker.latest_message) == "deny":
            return {"report_reference": "none"}
        return {"report_reference": text}

    async def validate_report_reference(self, value: str, dispatcher: CollectingDispatcher,
                                        tracker: Tracker, domain: dict) -> dict[str, Any]:
        if value == "none":
            dispatcher.utter_message(text=signposting.default().text("check_report"))
            return {"report_reference": "none"}
        sessions, cipher = storage()
        chat = cipher.identity(f"lookup:{tracker.sender_id}")
        wait = await reports.lookup_delay(sessions, chat)
        if wait > 0:
            dispatcher.utter_message(
                text=f"Too many codes didn't match. Please wait {int(wait) + 1} seconds, "
                     "then send your code again.")
            return {"report_reference": None}
        code = code_in(value)
        if not code:
            dispatcher.utter_message(text="That doesn't look like a reference code: it has 12 "
                                          "letters and numbers.")
            return {"report_reference": None}
        if await reports.find_by_reference(sessions, code):
            return {"report_reference": code}
        await reports.record_lookup_failure(sessions, chat)
        dispatcher.utter_message(text="I couldn't find a report with that code.")
        return {"report_reference": None}


def _manage_choice(tracker: Tracker) -> str | None:
    """What a button asked to do with the report (withdraw, delete...), if any."""
    return (entity_values(tracker.latest_message).get("manage") or [None])[0]


class ActionReportLookup(Action):
    """The status of the report whose code was given, or what the resident asked to do."""

    def name(self) -> str:
        return "action_report_lookup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        code = tracker.get_slot("report_reference")
        if not code or code == "none":
            return [SlotSet("report_reference", None)]
        sessions, cipher = storage()
        choice = _manage_choice(tracker)
        if intent_name(tracker.latest_message) == "manage_report" and choice is None:
            dispatcher.utter_message(text="What would you like to do with this report?",
                                     buttons=_manage_buttons())
            return []
        if choice == "reply":
            return [FollowupAction("report_reply_form")]
        handler = {"withdraw": self._ask_withdraw, "delete": self._ask_delete,
                   "delete_confirmed": self._delete}.get(choice or "")
        if choice and choice.startswith("withdraw:"):
            return await self._withdraw(sessions, code, choice.split(":", 1)[1], dispatcher)
        if choice and choice.split(":", 1)[0] in ("agree", "decline"):
            answer, organisation = choice.split(":", 1)
            return await self._answer_request(sessions, code, organisation, answer == "agree",
                                              dispatcher)
        if handler:
            return await handler(sessions, code, dispatcher)
        return await self._status(sessions, cipher, code, dispatcher)

    @staticmethod
    async def _status(sessions, cipher, code: str, dispatcher: CollectingDispatcher) -> list[dict]:
        status = await reports.report_status(sessions, cipher, code)
        if status is None:
            dispatcher.utter_message(text="That report no longer exists.")
            return [SlotSet("report_reference", None)]
        latest = await messages.latest_for_reporter(sessions, cipher, code)
        dispatcher.utter_message(
            response="utter_report_status", reference=format_reference(code),
            topic=TOPIC_NAMES.get(status.topic, status.topic).lower(),
            status=STATUS_WORDS.get(status.status, status.status),
            updated=f"{status.updated_at:%d %B %Y}", shared=_shared_with(status.consents),
            staff_message=f'Latest message from the team: "{latest}"' if latest else "",
            buttons=[*_manage_buttons(), *([_manage("reply", "Reply to the team")]
                                           if latest else [])])
        _ask_consent(status.requests, dispatcher)
        return []

    @staticmethod
    async def _answer_request(sessions, code: str, organisation: str, agree: bool,
                              dispatcher: CollectingDispatcher) -> list[dict]:
        name = _organisation_name(organisation)
        if not await reports.answer_referral_request(sessions, code, organisation, agree):
            dispatcher.utter_message(text=f"There is no question about {name} waiting for "
                                          "an answer: it may have been answered already.")
        elif agree:
            dispatcher.utter_message(
                text=f"Thank you: your report will be passed to {name}, and your consent is "
                     "recorded. You can withdraw it at any time with your code.")
        else:
            dispatcher.utter_message(
                text=f"Understood: your report will not be passed to {name}. The community "
                     "safety team keeps it, and nothing else changes.")
        return []

    @staticmethod
    async def _ask_withdraw(sessions, code: str,
                            dispatcher: CollectingDispatcher) -> list[dict]:
        status = await reports.report_status(sessions, storage()[1], code)
        given = [r for r, on in (status.consents if status else {}).items() if on]
        if not given:
            dispatcher.utter_message(text="This report is not shared with anyone, so there is "
                                          "no consent to withdraw.")
            return []
        names = routing.default().organisations
        buttons = [_manage(f"withdraw:{r}", f"Stop sharing with {names[r].name}")
                   for r in given if r in names]
        if len(given) > 1:
            buttons.append(_manage("withdraw:all", "Stop sharing with all of them"))
        dispatcher.utter_message(text="Who should no longer receive this report?",
                                 buttons=buttons)
        return []

    @staticmethod
    async def _withdraw(sessions, code: str, recipient: str,
                        dispatcher: CollectingDispatcher) -> list[dict]:
        withdrawn = await reports.withdraw_consent(
            sessions, code, None if recipient == "all" else recipient)
        if withdrawn:
            listed = " and ".join(_organisation_name(r) for r in withdrawn)
            dispatcher.utter_message(
                text=f"Done: your consent for {listed} is withdrawn and recorded. The report "
                     "stays with the community safety team; a caseworker will let them know.")
        else:
            dispatcher.utter_message(text="There was no consent left to withdraw.")
        return []

    @staticmethod
    async def _ask_delete(sessions, code: str, dispatcher: CollectingDispatcher) -> list[dict]:
        dispatcher.utter_message(
            text=f"Delete report {format_reference(code)}? Everything you wrote in it will be "
                 "removed and cannot be recovered.",
            buttons=[_manage("delete_confirmed", "Yes, delete it"),
                     {"title": "No, keep it", "payload": "/deny"}])
        return []

    @staticmethod
    async def _delete(sessions, code: str, dispatcher: CollectingDispatcher) -> list[dict]:
        if await reports.delete_report(sessions, code):
            dispatcher.utter_message(text="Done: the report is deleted. Only a note that a "
                                          "report was deleted is kept, without its content.")
        else:
            dispatcher.utter_message(text="That report no longer exists.")
        return [SlotSet("report_reference", None)]


def _ask_consent(requests: dict[str, str], dispatcher: CollectingDispatcher) -> None:
    """One yes/no question per referral the team asked for, with its reason."""
    names = routing.default().organisations
    for organisation, reason in requests.items():
        name = _organisation_name(organisation)
        what = f" {names[organisation].summary}" if organisation in names else ""
        why = f" The team's reason: {reason}" if reason else ""
        dispatcher.utter_message(
            text=f"The team asks to pass this report to {name}.{what}{why} Nothing is shared "
                 "unless you agree.",
            buttons=[_manage(f"agree:{organisation}", f"Yes, share it with {name}"),
                     _manage(f"decline:{organisation}", "No, don't share it")])


def _organisation_name(organisation: str) -> str:
    names = routing.default().organisations
    return names[organisation].name if organisation in names else organisation


def _shared_with(consents: dict[str, bool]) -> str:
    given = [_organisation_name(r) for r, on in consents.items() if on]
    return f"Shared with your consent with {' and '.join(given)}." if given else \
        "Not shared with anyone."


def _manage(choice: str, title: str) -> dict:
    return {"title": title, "payload": f'/manage_report{{"manage": "{choice}"}}'}


def _manage_buttons() -> list[dict]:
    return [_manage("withdraw", "Withdraw my consent"), _manage("delete", "Delete this report")]


class ValidateReportReplyForm(FormValidationAction):
    """Takes the resident's next message as their reply to the team."""

    def name(self) -> str:
        return "validate_report_reply_form"

    async def extract_report_reply(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: dict) -> dict[str, Any]:
        asked = tracker.get_slot("requested_slot") == "report_reply"
        if (not asked or tracker.get_slot("report_reply") or interrupts(tracker.latest_message)
                or not answers_the_question(tracker)):
            return {}
        text = (tracker.latest_message.get("text") or "").strip()
        if not text or is_cancel(text):
            return {"report_reply": "none"}
        return {"report_reply": text}


class ActionSendReply(Action):
    """Stores the reply with the report, for staff; the reporter stays anonymous."""

    def name(self) -> str:
        return "action_send_reply"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        reply, code = tracker.get_slot("report_reply"), tracker.get_slot("report_reference")
        if reply and reply != "none" and code:
            sessions, cipher = storage()
            if await messages.reply_from_reporter(sessions, cipher, code, reply):
                dispatcher.utter_message(response="utter_reply_sent")
            else:
                dispatcher.utter_message(text="That report no longer exists.")
        else:
            dispatcher.utter_message(response="utter_anything_else")
        return [SlotSet("report_reply", None)]
