"""The reporting conversation: one question at a time, a summary to check, nothing stored
until the resident sends it.

The questions (their wording and buttons) are `utter_ask_<slot>` responses in domain.yml;
which ones are asked, and in what order, depends on the topic (QUESTIONS below). Answers
live in the conversation's slots only: the report is written by action_submit_report.
"""

from __future__ import annotations

import uuid
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.speech import choices, is_cancel, language_of, say, words
from bot import routing
from bot.language import translations
from bot.report_answers import LABELS, options
from bot.topics import (
    URGENT_INTENTS,
    entity_values,
    intent_name,
    topic_of,
    urgent_probability,
)

SKIPPED = "skip"
DONE = "done"
CHANGE = "change:"
CONTACT_SLOTS = ("report_contact_how", "report_contact_time")
SHARING_WITH_SUPPORT = ("support", "both")
SHARING_WITH_POLICE = ("police", "both")

_COMMON_END = ("report_contact", "report_sharing")
# Domestic abuse: support and the resident's own choice first; nothing pushes to police.
QUESTIONS: dict[str, tuple[str, ...]] = {
    "hate_crime": ("report_role", "incident_text", "report_strands", "report_where",
                   "report_when", "report_ongoing", "report_injuries", "report_suspect",
                   "report_evidence", *_COMMON_END),
    "asb": ("report_role", "incident_text", "report_where", "report_when", "report_ongoing",
            "report_impact", *_COMMON_END),
    "spiking": ("report_role", "incident_text", "report_where", "report_when",
                "report_symptoms", "report_tested", *_COMMON_END),
    "domestic_abuse": ("report_sharing", "incident_text", "report_contact"),
    "other": ("report_role", "incident_text", "report_where", "report_when", *_COMMON_END),
}
# Answering one question makes others (dis)appear; changing it clears those too.
DEPENDENTS = {"report_contact": CONTACT_SLOTS, "report_sharing": ("report_support_org",),
              "report_strands": ("hate_strand",)}
# Typed answers to the yes/no style questions, by the intent the model gives them.
TYPED_YES_NO = {"report_ongoing": {"affirm": "before", "deny": "once"},
                "report_injuries": {"affirm": "injured", "deny": "none"},
                "report_tested": {"deny": "no"}}
# Questions a detail found in a typed answer can answer.
ENTITY_ANSWERS = {"report_role": "reporter_role"}
# Inside a report, how sure the model alone must be that a message is about danger now:
# answers such as "outside the mosque" look urgent to it, and the safety net still
# catches explicit danger ("he's back and kicking the door") whatever the model says.
CONFIDENT_URGENT = 0.9


def questions_for(topic: str | None, slots: dict[str, Any]) -> list[str]:
    """The questions this report needs, in order, given the answers so far."""
    asked = list(QUESTIONS.get(topic or "other", QUESTIONS["other"]))
    if slots.get("report_contact") == "contact":
        at = asked.index("report_contact") + 1
        asked[at:at] = CONTACT_SLOTS
    if slots.get("report_sharing") in SHARING_WITH_SUPPORT:
        asked.insert(asked.index("report_sharing") + 1, "report_support_org")
    return [*asked, "report_review"]


def shared_location(message: dict) -> tuple[float, float] | None:
    """The location the channel shared with the message (already rounded to about 100 m)."""
    where = (message.get("metadata") or {}).get("location") or {}
    try:
        return float(where["latitude"]), float(where["longitude"])
    except (KeyError, TypeError, ValueError):
        return None


def answer_in(message: dict) -> str | None:
    """A button's option, a shared location, else the typed text; None for a message that
    interrupts."""
    chosen = entity_values(message).get("option")
    if chosen:
        return chosen[0]
    location = shared_location(message)
    if location:
        return f"Shared location near {location[0]:.3f}, {location[1]:.3f}"
    if interrupts(message) or intent_name(message) == "choose":
        return None
    text = (message.get("text") or "").strip()
    return text or None


def interrupts(message: dict) -> bool:
    """Danger now, or leaving: answered by the rules instead of taken as an answer.

    Short answers are not what the model learnt from, so inside a report only the safety
    net or a very confident model counts as danger now.
    """
    intent = intent_name(message)
    if intent == "quick_exit":
        return True
    net_fired = bool((message.get("metadata") or {}).get("emergency_shown"))
    return intent in URGENT_INTENTS and (
        net_fired or urgent_probability(message) >= CONFIDENT_URGENT)


def answers_the_question(tracker: Tracker) -> bool:
    """True when the resident's latest message came after the question (and so answers
    it); False when the bot spoke since, as after an urgent interruption."""
    for event in reversed(tracker.events):
        if event.get("event") in ("user", "bot"):
            return event["event"] == "user"
    return False


def typed_choice(slot: str, text: str, options: dict[str, str], message: dict,
                 titles: dict[str, str] | None = None) -> str | None:
    """The option a typed answer means: a button's words (in English or in the
    conversation's language), a detail the model found ("I saw it" is a witness), or yes/no
    to a yes/no question."""
    by_words = {said.casefold(): option for option, title in options.items()
                for said in (option, title, (titles or {}).get(option, title))}
    found = [v for v in entity_values(message).get(ENTITY_ANSWERS.get(slot, ""), [])
             if v in options]
    return (by_words.get(text.strip().casefold()) or (found[0] if found else None)
            or TYPED_YES_NO.get(slot, {}).get(intent_name(message)))


class ValidateReportForm(FormValidationAction):
    """Chooses the questions for the topic and checks each answer as it comes."""

    def name(self) -> str:
        return "validate_report_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: dict) -> list[str]:
        if tracker.get_slot("report_review") == "cancel":
            return []
        return questions_for(tracker.get_slot("topic"), tracker.slots)

    async def get_extraction_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: dict) -> list[dict]:
        """Take the latest message as the answer to the question just asked."""
        events = [] if tracker.get_slot("report_draft") else [
            SlotSet("report_draft", uuid.uuid4().hex)]
        requested = tracker.get_slot("requested_slot")
        answer = answer_in(tracker.latest_message)
        if requested and answer is not None and answers_the_question(tracker):
            events.append(SlotSet(requested, answer))
        return events

    async def get_validation_events(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: dict) -> list[dict]:
        """Check only the answer to the question asked: returning nothing for a message that
        answered nothing lets the form step aside for the rules (an urgent interruption)."""
        candidates = tracker.slots_to_validate()
        events = [SlotSet("report_draft", candidates["report_draft"])] \
            if "report_draft" in candidates else []
        requested = tracker.get_slot("requested_slot")
        if not requested or candidates.get(requested) is None:
            return events
        value = str(candidates[requested])
        if is_cancel(value, tracker):
            return [*events, SlotSet(requested, None), SlotSet("report_review", "cancel")]
        check = getattr(self, f"_check_{requested}", None) or self._check_answer
        return events + check(requested, value, dispatcher, tracker, domain)

    def _check_answer(self, slot: str, value: str, dispatcher: CollectingDispatcher,
                      tracker: Tracker, domain: dict) -> list[dict]:
        """A choice must be one of the buttons (or a typed yes/no); free text is kept as
        typed, so nothing the resident wrote is lost."""
        known = options(domain, slot)
        if value in known or not known or set(known) == {SKIPPED}:
            return [SlotSet(slot, value)]
        typed = typed_choice(slot, value, known, tracker.latest_message, choices(tracker, slot))
        if typed:
            return [SlotSet(slot, typed)]
        say(dispatcher, tracker, "utter_choose_a_button")
        return [SlotSet(slot, None)]

    def _check_incident_text(self, slot: str, value: str, dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: dict) -> list[dict]:
        """A "no" to "what happened" means they would rather not report after all."""
        intent = intent_name(tracker.latest_message)
        if intent == "deny":
            return [SlotSet(slot, None), SlotSet("report_review", "cancel")]
        events = [SlotSet(slot, value)]
        if tracker.get_slot("topic") in (None, "other"):
            events.append(SlotSet("topic", topic_of(tracker.latest_message)))
        return events

    def _check_report_strands(self, slot: str, value: str, dispatcher: CollectingDispatcher,
                              tracker: Tracker, domain: dict) -> list[dict]:
        """Several strands may apply: each button adds one, Done (or typed words) ends."""
        chosen, titles = list(tracker.get_slot("hate_strand") or []), choices(tracker, slot)
        if value == DONE:
            return [SlotSet(slot, DONE)]
        if value in titles:
            chosen = sorted({*chosen, value})
            say(dispatcher, tracker, "utter_strands_noted",
                noted=", ".join(titles[s] for s in chosen if s in titles))
            return [SlotSet("hate_strand", chosen), SlotSet(slot, None)]
        typed = entity_values(tracker.latest_message).get("hate_strand", [])
        return [SlotSet("hate_strand", sorted({*chosen, *typed})), SlotSet(slot, DONE)]

    def _check_report_support_org(self, slot: str, value: str,
                                  dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: dict) -> list[dict]:
        if value in routing.default().organisations:
            return [SlotSet(slot, value)]
        say(dispatcher, tracker, "utter_choose_an_organisation")
        return [SlotSet(slot, None)]

    def _check_report_review(self, slot: str, value: str, dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: dict) -> list[dict]:
        """Send, cancel, or change one answer (which is then asked again)."""
        if value in ("send", "cancel"):
            return [SlotSet(slot, value)]
        if value in ("change", "back"):
            return [SlotSet(slot, None)]  # asked again: the list of answers, or the summary
        if value.startswith(CHANGE) and value[len(CHANGE):] in LABELS:
            target = value[len(CHANGE):]
            cleared = [target, *DEPENDENTS.get(target, ())]
            return [*(SlotSet(s, None) for s in cleared), SlotSet(slot, None)]
        say(dispatcher, tracker, "utter_choose_send_change_cancel")
        return [SlotSet(slot, None)]


def _choice(option: str, title: str) -> dict:
    return {"title": title, "payload": f'/choose{{"option": "{option}"}}'}


def sharing_recipients(slots: dict[str, Any]) -> list[str]:
    """The organisations the resident agreed to share the report with."""
    sharing = slots.get("report_sharing")
    recipients = []
    if sharing in SHARING_WITH_POLICE:
        recipients.append(routing.default().police.id)
    if sharing in SHARING_WITH_SUPPORT and slots.get("report_support_org"):
        recipients.append(slots["report_support_org"])
    return recipients


class ActionAskReportSupportOrg(Action):
    """Proposes the most suitable organisation for the strand and area; others as choices."""

    def name(self) -> str:
        return "action_ask_report_support_org"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        places = tracker.get_slot("place") or []
        found = routing.default().support_for(
            tracker.get_slot("topic") or "other", list(tracker.get_slot("hate_strand") or []),
            places[0] if places else None, bool(tracker.get_slot("urgent")))
        best = found[0]
        what = translations.default().text("organisations", best.id, language_of(tracker))
        say(dispatcher, tracker, "utter_suggest_organisation",
            [_choice(org.id, org.name) for org in found], name=best.name, summary=what)
        return []


def summary(tracker: Tracker) -> str:
    """The draft as the resident will check it: each answer by its label, in the
    conversation's language (what the resident typed stays as typed)."""
    slots = tracker.slots
    lines = []
    for slot in questions_for(slots.get("topic"), slots)[:-1]:
        lines.append(f"{words(tracker, f'label.{slot}')}: {_shown(slot, tracker)}")
    return "\n".join(lines)


def _shown(slot: str, tracker: Tracker) -> str:
    value, slots = tracker.slots.get(slot), tracker.slots
    if slot == "report_strands":
        titles = choices(tracker, slot)
        return (", ".join(titles.get(s, s) for s in slots.get("hate_strand") or [])
                or words(tracker, "answer.not_given"))
    if slot == "report_support_org":
        org = routing.default().organisations.get(value)
        return org.name if org else words(tracker, "answer.not_chosen")
    if value in (None, SKIPPED):
        return words(tracker, "answer.not_given")
    return choices(tracker, slot).get(value, value)


class ActionAskReportReview(Action):
    """The summary to check before anything is stored: send, change an answer, or cancel;
    after "change an answer", the list of answers to choose from."""

    def name(self) -> str:
        return "action_ask_report_review"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        if answer_in(tracker.latest_message) == "change":
            asked = questions_for(tracker.get_slot("topic"), tracker.slots)[:-1]
            say(dispatcher, tracker, "utter_which_answer",
                [*(_choice(f"{CHANGE}{s}", words(tracker, f"label.{s}")) for s in asked),
                 _choice("back", words(tracker, "button.back_to_summary"))])
            return []
        say(dispatcher, tracker, "utter_check_your_report",
            [_choice("send", words(tracker, "button.send_it")),
             _choice("change", words(tracker, "button.change_an_answer")),
             _choice("cancel", words(tracker, "button.cancel"))],
            summary=summary(tracker))
        return []
