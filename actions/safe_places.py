"""Safe Places near me: where the resident is (a shared location, a place name or an
Oxfordshire postcode), then the nearest Safe Places open now, with distance and walking time.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.report_form import answers_the_question, interrupts, shared_location
from actions.signposting import now
from actions.speech import guidance, language_of, say
from bot import directory, signposting
from bot.directory.geo import Location, Point
from bot.directory.safe_places import nearest_open
from bot.topics import intent_name

NOT_FOUND = "unknown"
# Asking twice is enough: then the general guidance (and 101/999) rather than a loop.
ATTEMPTS = 2


def locate(message: dict) -> Location | None:
    """Where a message says the resident is: a shared location, a postcode or a place name."""
    gazetteer = directory.default().gazetteer
    point = shared_location(message)
    if point:
        return gazetteer.at_coordinates(*point)
    return gazetteer.resolve(message.get("text") or "")


class ValidateSafePlaceForm(FormValidationAction):
    """Asks where the resident is until a place is found, at most twice."""

    def name(self) -> str:
        return "validate_safe_place_form"

    async def extract_safe_place_from(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                      domain: dict) -> dict[str, Any]:
        message = tracker.latest_message
        found = locate(message)
        if found:
            return {"safe_place_from": {"label": found.label, "latitude": found.point.latitude,
                                        "longitude": found.point.longitude}}
        asked = tracker.get_slot("requested_slot") == "safe_place_from"
        if not asked or not answers_the_question(tracker) or intent_name(message) == "quick_exit":
            return {}
        return {"safe_place_from": {"label": message.get("text") or "", "missing": True}}

    async def validate_safe_place_from(self, value: Any, dispatcher: CollectingDispatcher,
                                       tracker: Tracker, domain: dict) -> dict[str, Any]:
        if isinstance(value, dict) and not value.get("missing"):
            return {"safe_place_from": value, "safe_place_attempts": None}
        net_fired = bool((tracker.latest_message.get("metadata") or {}).get("emergency_shown"))
        if net_fired or interrupts(tracker.latest_message):
            # Danger now, not a place: emergency guidance (unless the safety net gave it),
            # then the same question again, without counting it as a place not found.
            if not net_fired:
                dispatcher.utter_message(text=signposting.emergency(language_of(tracker)))
            return {"safe_place_from": None}
        attempts = int(tracker.get_slot("safe_place_attempts") or 0) + 1
        if attempts >= ATTEMPTS:
            return {"safe_place_from": NOT_FOUND, "safe_place_attempts": None}
        foreign = directory.default().gazetteer.foreign_postcode(str(value.get("label", "")))
        say(dispatcher, tracker, "utter_place_not_found_foreign" if foreign
            else "utter_place_not_found")
        return {"safe_place_from": None, "safe_place_attempts": attempts}


class ActionSafePlaces(Action):
    """The nearest Safe Places open now, or what to do when none is within a short walk."""

    def name(self) -> str:
        return "action_safe_places"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        where = tracker.get_slot("safe_place_from")
        if not isinstance(where, dict):
            dispatcher.utter_message(text=guidance(tracker, "safe_places"))
            return [SlotSet("safe_place_from", None)]
        point = Point(float(where["latitude"]), float(where["longitude"]))
        found = nearest_open(directory.default().safe_places,
                             Location(where["label"], point, None), now())
        dispatcher.utter_message(text=signposting.safe_places_text(where["label"], found,
                                                                   language_of(tracker)))
        return [SlotSet("safe_place_from", None)]
