"""Signposting actions: emergency guidance first, then the topic's guidance with the services
chosen for this person now (three at a time), spiking test advice for how long ago it was,
and answers to support requests. Every number comes from the directory.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.speech import button, guidance, language_of, say, words
from actions.store import settings
from bot import directory, safety, signposting
from bot.directory.audiences import audiences_in
from bot.directory.select import Suggestion, page, select
from bot.signposting import ASKED_FOR_TOPIC
from bot.topics import entity_values, intent_name, is_urgent, model_says_urgent, topic_of


def report_buttons(tracker: Tracker) -> list[dict]:
    """Report it, not now, and on every reply about what happened a way to leave at once."""
    return [button(tracker, "button.report_it_here", "/report_incident"),
            button(tracker, "button.no_thanks", "/deny"), _leave_now(tracker)]


def record_buttons(tracker: Tracker) -> list[dict]:
    """Domestic abuse: support first; recording anything is the resident's choice, never a
    push."""
    return [button(tracker, "button.keep_a_record", "/report_incident"),
            button(tracker, "button.not_now", "/deny"), _leave_now(tracker)]


def _leave_now(tracker: Tracker) -> dict:
    return button(tracker, "button.leave_now", "/quick_exit")

# Support requests answered with a guidance text of data/signposting.yml.
SUPPORT_GUIDANCE = {
    "human_handoff": "human",
    "quick_exit": "quick_exit",
    "other_crime": "other_crime",
}
# Messages outside the four topics ("when is my bin collection") or for 101 ("my bike was
# stolen") get their own answer, unless there is danger now ("my 7 year old has wandered
# off", "there's a burglar downstairs"): then the answer for any danger, and the report,
# if they make one, is marked urgent.
OFF_TOPIC = frozenset({"out_of_scope", "other_crime"})
# How long ago the spiking was, as buttons; the `when` detail answers it only when it is
# clear ("earlier today" may be more than 12 hours ago, so it is asked).
SPIKING_TIMES = ("within_12_hours", "within_7_days", "over_7_days")
SPIKING_TIME_OF_WHEN = {"now": "within_12_hours", "past": "over_7_days"}
LATER = frozenset({"recent", "past"})  # `when` values after the day it happened


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ActionSignpost(Action):
    """Emergency guidance first when urgent, then what fits: the topic's signposting and an
    offer to report, the answer to a support request, or topic buttons when unsure."""

    def name(self) -> str:
        return "action_signpost"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        message = tracker.latest_message
        intent = intent_name(message)
        urgent = is_urgent(message, message.get("text") or "")
        emergency_shown = bool((message.get("metadata") or {}).get("emergency_shown"))
        if model_says_urgent(message) and not emergency_shown:
            dispatcher.utter_message(text=signposting.emergency(language_of(tracker)),
                                     json_message={"alert": True})
        if intent in OFF_TOPIC and urgent:
            return topic_reply(dispatcher, tracker, topic_of(message), urgent)
        if intent == "out_of_scope":
            say(dispatcher, tracker, "utter_out_of_scope")
            return []
        if intent == "helpline_request":
            return show_services(dispatcher, tracker, guidance(tracker, "helplines"),
                                 topic=_asked_about(message) or _talked_about(tracker),
                                 asked="support")
        if intent in SUPPORT_GUIDANCE:
            dispatcher.utter_message(text=guidance(tracker, SUPPORT_GUIDANCE[intent]))
            if intent != "quick_exit":
                return []
            # Leaving quickly: the app deletes this conversation from the engine's store (and
            # with it any report half written: nothing of it was stored) and the chat.
            dispatcher.utter_message(json_message={"quick_exit": True})
            return [AllSlotsReset()]
        if intent == "nlu_fallback" and safety.beyond_overrule(message.get("text") or ""):
            # The net's words say danger now, whatever the model: a missing child, a cry for
            # help in Urdu. The reply for any danger, not "which of these is closest?".
            return topic_reply(dispatcher, tracker, topic_of(message), urgent=True)
        if intent == "nlu_fallback":
            say(dispatcher, tracker, "utter_default")
            return [SlotSet("urgent", True)] if urgent else []
        if tracker.active_loop.get("name") == "report_form":
            # Danger mid-report: the report keeps its topic and is marked urgent.
            return [SlotSet("urgent", True)] if urgent else []
        return topic_reply(dispatcher, tracker, topic_of(message), urgent)


def topic_reply(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str,
                urgent: bool = False) -> list[dict]:
    """The topic's guidance with its services, spiking's testing question, then the offer to
    report (for domestic abuse, to keep a record). Danger now: the 999 lines stay alone,
    with only "I'm safe now" and "More help" under them."""
    events = [SlotSet("topic", topic), SlotSet("urgent", urgent)]
    if urgent:
        say(dispatcher, tracker, "utter_danger_choices",
            [button(tracker, "button.safe_now", "/safe_now"),
             button(tracker, "button.more_help", "/more_help")])
        return events
    return events + topic_help(dispatcher, tracker, topic)


def topic_help(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str,
               urgent: bool = False) -> list[dict]:
    """The topic's guidance, its services and the offer to report; a guidance already shown
    in this conversation is not shown again, only pointed to."""
    shown = list(tracker.get_slot("guidance_shown") or [])
    if topic in shown and topic != "other":
        return _offer(dispatcher, tracker, topic, urgent, "utter_guidance_shown")
    text = guidance(tracker, _guidance_key(tracker, topic), **case_review_figures())
    if topic == "spiking" and "needle" in (tracker.get_slot("spiking_method") or []):
        text += "\n" + guidance(tracker, "spiking_needle")
    events = [SlotSet("guidance_shown", [*shown, topic])]
    if topic in ASKED_FOR_TOPIC and (topic != "other" or not urgent):
        events += show_services(dispatcher, tracker, text, topic=topic, urgent=urgent,
                                asked=ASKED_FOR_TOPIC[topic])
    elif topic != "other":
        dispatcher.utter_message(text=text)
    if topic == "spiking":
        _spiking_time(dispatcher, tracker)
    return events + _offer(dispatcher, tracker, topic, urgent)


def _guidance_key(tracker: Tracker, topic: str) -> str:
    """The topic's guidance; for spiking told of the day after or later ("last night", "I
    woke up..."), the one without "tell the venue staff and stay with them"."""
    said = {*(tracker.get_slot("when") or []),
            *entity_values(tracker.latest_message).get("when", [])}
    return "spiking_after" if topic == "spiking" and said & LATER else topic


def _offer(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str, urgent: bool,
           before: str | None = None) -> list[dict]:
    """The offer to report (for domestic abuse, to keep a record; when urgent, once safe),
    after `before` when given."""
    if before:
        say(dispatcher, tracker, before)
    if urgent:
        say(dispatcher, tracker, "utter_when_safe", report_buttons(tracker))
    elif topic == "domestic_abuse":
        say(dispatcher, tracker, "utter_offer_record", record_buttons(tracker))
    else:
        say(dispatcher, tracker, "utter_offer_report", report_buttons(tracker))
    return []


def _asked_about(message: dict) -> str | None:
    """The topic a request for helplines names ("a helpline for men abused by their wife"),
    which comes before what was talked about earlier; None when it names none."""
    topic = topic_of(message)
    return topic if topic != "other" else None


def _talked_about(tracker: Tracker) -> str | None:
    """The topic already talked about, for helplines that fit it; None for the general list."""
    topic = tracker.get_slot("topic")
    return topic if topic and topic != "other" else None


def _spiking_time(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Testing advice for how long ago it was, when the message says; else ask, with buttons."""
    said = [SPIKING_TIME_OF_WHEN[w] for w in entity_values(tracker.latest_message).get("when", [])
            if w in SPIKING_TIME_OF_WHEN]
    if said:
        dispatcher.utter_message(text=spiking_advice(tracker, said[0]))
        return
    say(dispatcher, tracker, "utter_ask_spiking_time",
        [button(tracker, f"button.spiking_{option}", f'/choose{{"option": "{option}"}}')
         for option in SPIKING_TIMES])


def spiking_advice(tracker: Tracker, since: str | None) -> str:
    """The police-testing advice for how long ago it was."""
    return guidance(tracker, f"spiking_{since}" if since in SPIKING_TIMES
                    else "spiking_time_unknown")


def show_services(dispatcher: CollectingDispatcher, tracker: Tracker, intro: str, *,
                  topic: str | None, asked: str, urgent: bool = False) -> list[dict]:
    """The intro and the first three services for the situation, with a More button when
    there are more; remembers the question so More can show the next three."""
    query = {"topic": topic, "asked": asked, "urgent": urgent, "area": area_of(tracker),
             "strands": sorted(tracker.get_slot("hate_strand") or []),
             "audiences": sorted(audiences_in(said_by_resident(tracker))), "page": 0}
    return _show_page(dispatcher, tracker, intro, query)


def _show_page(dispatcher: CollectingDispatcher, tracker: Tracker, intro: str,
               query: dict[str, Any]) -> list[dict]:
    language = language_of(tracker)
    shown, more = page(_suggestions(query, language), query["page"])
    more_button = button(tracker, "button.more_services", "/more_services")
    dispatcher.utter_message(text=signposting.with_services(intro, shown, language),
                             buttons=[more_button] if more else [])
    return [SlotSet("services_query", query)]


def _suggestions(query: dict[str, Any], language: str) -> list[Suggestion]:
    return select(directory.default(), topic=query["topic"], now=now(),
                  strands=set(query["strands"]), urgent=query["urgent"], area=query["area"],
                  asked=query["asked"], audiences=set(query.get("audiences") or []),
                  language=language)


def said_by_resident(tracker: Tracker) -> list[str]:
    """Everything the resident wrote in this conversation (buttons' payloads left out)."""
    return [e["text"] for e in tracker.events
            if e.get("event") == "user" and e.get("text") and not e["text"].startswith("/")]


def area_of(tracker: Tracker) -> str | None:
    """The resident's area from the places they named (None: not known)."""
    areas = directory.default().areas.of_place_value
    named = [areas[p] for p in tracker.get_slot("place") or [] if p in areas]
    return named[-1] if named else None


class ActionAfterDanger(Action):
    """After the 999 lines: "I'm safe now" gets the offer to report (or keep a record);
    "More help", the topic's guidance and services (open-now, 24-hour ones first)."""

    def name(self) -> str:
        return "action_after_danger"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        topic = tracker.get_slot("topic") or "other"
        if intent_name(tracker.latest_message) == "more_help" and topic == "other":
            events = show_services(dispatcher, tracker, guidance(tracker, "helplines"),
                                   topic=None, asked="support", urgent=True)
            say(dispatcher, tracker, "utter_when_safe", report_buttons(tracker))
            return events
        if intent_name(tracker.latest_message) == "more_help":
            return topic_help(dispatcher, tracker, topic, urgent=True)
        offer = ("utter_offer_record", record_buttons(tracker)) if topic == "domestic_abuse" \
            else ("utter_safe_now", report_buttons(tracker))
        say(dispatcher, tracker, offer[0], offer[1])
        return []


class ActionMoreServices(Action):
    """The next three services for the same question."""

    def name(self) -> str:
        return "action_more_services"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        query = tracker.get_slot("services_query")
        if not isinstance(query, dict):
            return show_services(dispatcher, tracker, guidance(tracker, "helplines"),
                                 topic=None, asked="support")
        return _show_page(dispatcher, tracker, words(tracker, "services.more"),
                          {**query, "page": query["page"] + 1})


class ActionSpikingAdvice(Action):
    """Testing advice for the time chosen, then the offer to report."""

    def name(self) -> str:
        return "action_spiking_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        since = (entity_values(tracker.latest_message).get("option") or [None])[0]
        dispatcher.utter_message(text=spiking_advice(tracker, since))
        say(dispatcher, tracker, "utter_offer_report", report_buttons(tracker))
        return []


def case_review_figures() -> dict[str, int]:
    """The ASB Case Review threshold as configured: {{incidents}} in {{months}} months."""
    return settings().case_review_figures
