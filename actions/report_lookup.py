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

from actions.report_form import answers_the_question, interrupts
from actions.speech import guidance, is_cancel, language_of, say, words
from actions.store import storage
from bot import routing
from bot.language import translations
from bot.storage import messages, reports
from bot.storage.reports import (
    REFERENCE_ALPHABET,
    SEPARATOR,
    format_reference,
    normalise_reference,
)
from bot.topics import entity_values, intent_name

# Twelve code characters in any case, as three groups of four with or without a dash or
# space between them (so a phrase such as "grabbed my bag" is not taken for a code).
_GROUP = f"[{REFERENCE_ALPHABET}{REFERENCE_ALPHABET.lower()}]{{4}}"
CODE_PATTERN = re.compile(
    rf"(?<![A-Za-z0-9])({_GROUP}{SEPARATOR}?{_GROUP}{SEPARATOR}?{_GROUP})(?![A-Za-z0-9])")


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
        if is_cancel(text, tracker) or intent_name(tracker.latest_message) == "deny":
            return {"report_reference": "none"}
        return {"report_reference": text}

    async def validate_report_reference(self, value: str, dispatcher: CollectingDispatcher,
                                        tracker: Tracker, domain: dict) -> dict[str, Any]:
        if value == "none":
            dispatcher.utter_message(text=guidance(tracker, "check_report"))
            return {"report_reference": "none"}
        sessions, cipher = storage()
        chat = cipher.identity(f"lookup:{tracker.sender_id}")
        wait = await reports.lookup_delay(sessions, chat)
        if wait > 0:
            say(dispatcher, tracker, "utter_code_wait", seconds=int(wait) + 1)
            return {"report_reference": None}
        code = code_in(value)
        if not code:
            say(dispatcher, tracker, "utter_code_malformed")
            return {"report_reference": None}
        if await reports.find_by_reference(sessions, code):
            return {"report_reference": code}
        await reports.record_lookup_failure(sessions, chat)
        say(dispatcher, tracker, "utter_code_not_found")
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
            say(dispatcher, tracker, "utter_manage_what", _manage_buttons(tracker))
            return []
        if choice == "reply":
            return [FollowupAction("report_reply_form")]
        handler = {"withdraw": self._ask_withdraw, "delete": self._ask_delete,
                   "delete_confirmed": self._delete}.get(choice or "")
        if choice and choice.startswith("withdraw:"):
            return await self._withdraw(sessions, code, choice.split(":", 1)[1], dispatcher,
                                        tracker)
        if choice and choice.split(":", 1)[0] in ("agree", "decline"):
            answer, organisation = choice.split(":", 1)
            return await self._answer_request(sessions, code, organisation, answer == "agree",
                                              dispatcher, tracker)
        if handler:
            return await handler(sessions, code, dispatcher, tracker)
        return await self._status(sessions, cipher, code, dispatcher, tracker)

    @staticmethod
    async def _status(sessions, cipher, code: str, dispatcher: CollectingDispatcher,
                      tracker: Tracker) -> list[dict]:
        status = await reports.report_status(sessions, cipher, code)
        if status is None:
            say(dispatcher, tracker, "utter_report_gone")
            return [SlotSet("report_reference", None)]
        latest = await messages.latest_for_reporter(sessions, cipher, code)
        reply = [_manage("reply", words(tracker, "button.reply_to_team"))] if latest else []
        say(dispatcher, tracker, "utter_report_status", [*_manage_buttons(tracker), *reply],
            reference=format_reference(code), topic=words(tracker, f"topic.{status.topic}"),
            status=words(tracker, f"status.{status.status}"),
            updated=f"{status.updated_at:%d.%m.%Y}" if language_of(tracker) != "en"
            else f"{status.updated_at:%d %B %Y}",
            shared=_shared_with(tracker, status.consents),
            staff_message=words(tracker, "status.latest_message", message=latest) if latest
            else "")
        _ask_consent(status.requests, dispatcher, tracker)
        return []

    @staticmethod
    async def _answer_request(sessions, code: str, organisation: str, agree: bool,
                              dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict]:
        name = _organisation_name(organisation)
        if not await reports.answer_referral_request(sessions, code, organisation, agree):
            say(dispatcher, tracker, "utter_no_question_waiting", name=name)
        else:
            say(dispatcher, tracker, "utter_consent_given" if agree else "utter_consent_declined",
                name=name)
        return []

    @staticmethod
    async def _ask_withdraw(sessions, code: str, dispatcher: CollectingDispatcher,
                            tracker: Tracker) -> list[dict]:
        status = await reports.report_status(sessions, storage()[1], code)
        given = [r for r, on in (status.consents if status else {}).items() if on]
        if not given:
            say(dispatcher, tracker, "utter_nothing_to_withdraw")
            return []
        names = routing.default().organisations
        buttons = [_manage(f"withdraw:{r}", words(tracker, "button.stop_sharing_with",
                                                  name=names[r].name))
                   for r in given if r in names]
        if len(given) > 1:
            buttons.append(_manage("withdraw:all", words(tracker, "button.stop_sharing_with_all")))
        say(dispatcher, tracker, "utter_withdraw_from_whom", buttons)
        return []

    @staticmethod
    async def _withdraw(sessions, code: str, recipient: str, dispatcher: CollectingDispatcher,
                        tracker: Tracker) -> list[dict]:
        withdrawn = await reports.withdraw_consent(
            sessions, code, None if recipient == "all" else recipient)
        if withdrawn:
            listed = words(tracker, "report.and").join(_organisation_name(r) for r in withdrawn)
            say(dispatcher, tracker, "utter_consent_withdrawn", names=listed)
        else:
            say(dispatcher, tracker, "utter_no_consent_left")
        return []

    @staticmethod
    async def _ask_delete(sessions, code: str, dispatcher: CollectingDispatcher,
                          tracker: Tracker) -> list[dict]:
        say(dispatcher, tracker, "utter_confirm_delete",
            [_manage("delete_confirmed", words(tracker, "button.yes_delete")),
             {"title": words(tracker, "button.no_keep"), "payload": "/deny"}],
            reference=format_reference(code))
        return []

    @staticmethod
    async def _delete(sessions, code: str, dispatcher: CollectingDispatcher,
                      tracker: Tracker) -> list[dict]:
        if await reports.delete_report(sessions, code):
            say(dispatcher, tracker, "utter_report_deleted")
        else:
            say(dispatcher, tracker, "utter_report_gone")
        return [SlotSet("report_reference", None)]


def _ask_consent(requests: dict[str, str], dispatcher: CollectingDispatcher,
                 tracker: Tracker) -> None:
    """One yes/no question per referral the team asked for, with its reason (as staff
    wrote it)."""
    names = routing.default().organisations
    for organisation, reason in requests.items():
        name = _organisation_name(organisation)
        what = (translations.default().text("organisations", organisation, language_of(tracker))
                if organisation in names else "")
        why = words(tracker, "status.teams_reason", reason=reason) if reason else ""
        say(dispatcher, tracker, "utter_team_asks_consent",
            [_manage(f"agree:{organisation}", words(tracker, "button.yes_share_with", name=name)),
             _manage(f"decline:{organisation}", words(tracker, "button.no_dont_share"))],
            name=name, summary=what, reason=why)


def _organisation_name(organisation: str) -> str:
    names = routing.default().organisations
    return names[organisation].name if organisation in names else organisation


def _shared_with(tracker: Tracker, consents: dict[str, bool]) -> str:
    given = [_organisation_name(r) for r, on in consents.items() if on]
    if not given:
        return words(tracker, "status.not_shared")
    return words(tracker, "status.shared_with", names=words(tracker, "report.and").join(given))


def _manage(choice: str, title: str) -> dict:
    return {"title": title, "payload": f'/manage_report{{"manage": "{choice}"}}'}


def _manage_buttons(tracker: Tracker) -> list[dict]:
    return [_manage("withdraw", words(tracker, "button.withdraw_consent")),
            _manage("delete", words(tracker, "button.delete_report"))]


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
        if not text or is_cancel(text, tracker):
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
                say(dispatcher, tracker, "utter_reply_sent")
            else:
                say(dispatcher, tracker, "utter_report_gone")
        else:
            say(dispatcher, tracker, "utter_anything_else")
        return [SlotSet("report_reply", None)]
