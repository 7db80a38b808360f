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

from actions.store import settings
from bot import directory, signposting
from bot.directory.select import Suggestion, page, select
from bot.signposting import ASKED_FOR_TOPIC
from bot.topics import entity_values, intent_name, is_urgent, model_says_urgent, topic_of

# On every reply about what happened: a way to leave at once (the quick exit).
LEAVE_NOW = {"title": "Leave now", "payload": "/quick_exit"}
REPORT_BUTTONS = [{"title": "Report it here", "payload": "/report_incident"},
                  {"title": "No, thanks", "payload": "/deny"}, LEAVE_NOW]
# Domestic abuse: support first; recording anything is the resident's choice, never a push.
RECORD_BUTTONS = [{"title": "Keep a record", "payload": "/report_incident"},
                  {"title": "Not now", "payload": "/deny"}, LEAVE_NOW]
MORE_BUTTON = {"title": "More services", "payload": "/more_services"}
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
SPIKING_TIMES = {"within_12_hours": "Less than 12 hours ago",
                 "within_7_days": "12 hours to 7 days ago",
                 "over_7_days": "More than 7 days ago"}
SPIKING_TIME_OF_WHEN = {"now": "within_12_hours", "past": "over_7_days"}


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
        guidance = signposting.default()
        if model_says_urgent(message) and not emergency_shown:
            dispatcher.utter_message(text=guidance.text("emergency"))
        if intent in OFF_TOPIC and urgent:
            return _topic_reply(dispatcher, tracker, topic_of(message), urgent)
        if intent == "out_of_scope":
            dispatcher.utter_message(response="utter_out_of_scope")
            return []
        if intent == "helpline_request":
            return show_services(dispatcher, tracker, guidance.text("helplines"),
                                 topic=_asked_about(message) or _talked_about(tracker),
                                 asked="support")
        if intent in SUPPORT_GUIDANCE:
            dispatcher.utter_message(text=guidance.text(SUPPORT_GUIDANCE[intent]))
            if intent != "quick_exit":
                return []
            # Leaving quickly: the app deletes this conversation from the engine's store (and
            # with it any report half written: nothing of it was stored) and the chat.
            dispatcher.utter_message(json_message={"quick_exit": True})
            return [AllSlotsReset()]
        if intent == "nlu_fallback":
            dispatcher.utter_message(response="utter_default")
            return [SlotSet("urgent", True)] if urgent else []
        if tracker.active_loop.get("name") == "report_form":
            # Danger mid-report: the report keeps its topic and is marked urgent.
            return [SlotSet("urgent", True)] if urgent else []
        return _topic_reply(dispatcher, tracker, topic_of(message), urgent)


def _topic_reply(dispatcher: CollectingDispatcher, tracker: Tracker, topic: str,
                 urgent: bool) -> list[dict]:
    """The topic's guidance with its services, spiking's testing question, then the offer to
    report (for domestic abuse, to keep a record; when urgent, once they are safe)."""
    text = signposting.default().text(topic, **case_review_figures())
    if topic == "spiking" and "needle" in (tracker.get_slot("spiking_method") or []):
        text += "\n" + signposting.default().text("spiking_needle")
    events = [SlotSet("topic", topic), SlotSet("urgent", urgent)]
    if topic in ASKED_FOR_TOPIC and (topic != "other" or not urgent):
        events += show_services(dispatcher, tracker, text, topic=topic, urgent=urgent,
                                asked=ASKED_FOR_TOPIC[topic])
    elif topic != "other":
        dispatcher.utter_message(text=text)
    if topic == "spiking":
        _spiking_time(dispatcher, tracker.latest_message)
    if urgent:
        dispatcher.utter_message(response="utter_when_safe", buttons=REPORT_BUTTONS)
    elif topic == "domestic_abuse":
        dispatcher.utter_message(response="utter_offer_record", buttons=RECORD_BUTTONS)
    else:
        dispatcher.utter_message(response="utter_offer_report", buttons=REPORT_BUTTONS)
    return events


def _asked_about(message: dict) -> str | None:
    """The topic a request for helplines names ("a helpline for men abused by their wife"),
    which comes before what was talked about earlier; None when it names none."""
    topic = topic_of(message)
    return topic if topic != "other" else None


def _talked_about(tracker: Tracker) -> str | None:
    """The topic already talked about, for helplines that fit it; None for the general list."""
    topic = tracker.get_slot("topic")
    return topic if topic and topic != "other" else None


def _spiking_time(dispatcher: CollectingDispatcher, message: dict) -> None:
    """Testing advice for how long ago it was, when the message says; else ask, with buttons."""
    said = [SPIKING_TIME_OF_WHEN[w] for w in entity_values(message).get("when", [])
            if w in SPIKING_TIME_OF_WHEN]
    if said:
        dispatcher.utter_message(text=spiking_advice(said[0]))
        return
    dispatcher.utter_message(
        response="utter_ask_spiking_time",
        buttons=[{"title": title, "payload": f'/choose{{"option": "{option}"}}'}
                 for option, title in SPIKING_TIMES.items()])


def spiking_advice(since: str | None) -> str:
    """The police-testing advice for how long ago it was."""
    return signposting.default().text(
        f"spiking_{since}" if since in SPIKING_TIMES else "spiking_time_unknown")


def show_services(dispatcher: CollectingDispatcher, tracker: Tracker, intro: str, *,
                  topic: str | None, asked: str, urgent: bool = False) -> list[dict]:
    """The intro and the first three services for the situation, with a More button when
    there are more; remembers the question so More can show the next three."""
    query = {"topic": topic, "asked": asked, "urgent": urgent, "area": area_of(tracker),
             "strands": sorted(tracker.get_slot("hate_strand") or []), "page": 0}
    return _show_page(dispatcher, intro, query)


def _show_page(dispatcher: CollectingDispatcher, intro: str, query: dict[str, Any]) -> list[dict]:
    shown, more = page(_suggestions(query), query["page"])
    dispatcher.utter_message(text=signposting.with_services(intro, shown),
                             buttons=[MORE_BUTTON] if more else [])
    return [SlotSet("services_query", query)]


def _suggestions(query: dict[str, Any]) -> list[Suggestion]:
    return select(directory.default(), topic=query["topic"], now=now(),
                  strands=set(query["strands"]), urgent=query["urgent"], area=query["area"],
                  asked=query["asked"])


def area_of(tracker: Tracker) -> str | None:
    """The resident's area from the places they named (None: not known)."""
    areas = directory.default().areas.of_place_value
    named = [areas[p] for p in tracker.get_slot("place") or [] if p in areas]
    return named[-1] if named else None


class ActionMoreServices(Action):
    """The next three services for the same question."""

    def name(self) -> str:
        return "action_more_services"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        query = tracker.get_slot("services_query")
        if not isinstance(query, dict):
            return show_services(dispatcher, tracker, signposting.default().text("helplines"),
                                 topic=None, asked="support")
        return _show_page(dispatcher, "More services:", {**query, "page": query["page"] + 1})


class ActionSpikingAdvice(Action):
    """Testing advice for the time chosen, then the offer to report."""

    def name(self) -> str:
        return "action_spiking_advice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        since = (entity_values(tracker.latest_message).get("option") or [None])[0]
        dispatcher.utter_message(text=spiking_advice(since))
        dispatcher.utter_message(response="utter_offer_report", buttons=REPORT_BUTTONS)
        return []


def case_review_figures() -> dict[str, int]:
    """The ASB Case Review threshold as configured: {{incidents}} in {{months}} months."""
    return settings().case_review_figures
