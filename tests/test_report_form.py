"""The reporting form's questions and answer checks, with rasa-sdk's own tracker."""

from __future__ import annotations

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import report_form
from actions.report_form import QUESTIONS, ValidateReportForm, questions_for
from bot import routing
from bot.report_answers import LABELS
from bot.settings import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())


def answering(slot: str, text: str, slots: dict | None = None, intent: str = "inform",
              option: str | None = None, confidence: float = 0.5,
              net_fired: bool = False) -> Tracker:
    """A tracker whose latest message answers the question for `slot`."""
    entities = [{"entity": "option", "value": option}] if option else []
    name = "choose" if option else intent
    latest = {"text": text, "intent": {"name": name, "confidence": confidence},
              "intent_ranking": [{"name": name, "confidence": confidence}],
              "entities": entities, "metadata": {"emergency_shown": net_fired}}
    values = {"topic": "hate_crime", "report_draft": "d", **(slots or {}),
              "requested_slot": slot}
    events = [{"event": "user", "text": text}]
    return Tracker("web-x", values, latest, events, False, None, {"name": "report_form"},
                   "action_listen")


async def validate(tracker: Tracker) -> tuple[list[dict], dict]:
    """What validate_report_form does with the answer: (messages, slot values set)."""
    dispatcher = CollectingDispatcher()
    events = await ValidateReportForm().run(dispatcher, tracker, DOMAIN)
    return dispatcher.messages, {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_every_question_has_its_wording_in_the_domain_and_a_label():
    custom = {"report_support_org", "report_review"}
    for topic in QUESTIONS:
        for slot in questions_for(topic, {"report_contact": "contact",
                                          "report_sharing": "both"}):
            assert slot in DOMAIN["slots"], slot
            asks = f"utter_ask_{slot}" in DOMAIN["responses"]
            assert asks or (slot in custom and f"action_ask_{slot}" in DOMAIN["actions"]), slot
            assert slot == "report_review" or slot in LABELS


@pytest.mark.parametrize(("topic", "slots", "first", "contains", "absent"), [
    ("hate_crime", {}, "report_role", {"report_strands", "report_evidence"}, {"report_impact"}),
    ("asb", {}, "report_role", {"report_impact"}, {"report_strands"}),
    ("spiking", {}, "report_role", {"report_tested", "report_symptoms"}, {"report_strands"}),
    # Domestic abuse: the resident's choice of support comes first, no push to police.
    ("domestic_abuse", {}, "report_sharing", {"incident_text"}, {"report_where"}),
    ("hate_crime", {"report_contact": "contact"}, "report_role",
     {"report_contact_how", "report_contact_time"}, set()),
    ("hate_crime", {"report_contact": "anonymous"}, "report_role", set(),
     {"report_contact_how"}),
    ("hate_crime", {"report_sharing": "support"}, "report_role", {"report_support_org"}, set()),
    ("hate_crime", {"report_sharing": "police"}, "report_role", set(), {"report_support_org"}),
    (None, {}, "report_role", {"incident_text"}, {"report_strands"}),
])
def test_questions_depend_on_the_topic_and_the_answers(topic, slots, first, contains, absent):
    asked = questions_for(topic, slots)
    assert asked[0] == first and asked[-1] == "report_review"
    assert contains <= set(asked) and not absent & set(asked)


async def test_a_button_answers_a_choice_and_a_stray_word_is_asked_again():
    _, slots = await validate(answering("report_role", "/choose", option="witness"))
    assert slots["report_role"] == "witness"
    messages, slots = await validate(answering("report_role", "banana"))
    assert slots["report_role"] is None and "buttons" in messages[0]["text"]


@pytest.mark.parametrize(("slot", "text", "entities", "expected"), [
    ("report_contact", "stay anonymous", [], "anonymous"),
    ("report_contact", "Anonymous", [], "anonymous"),
    ("report_role", "i saw the whole thing", [{"entity": "reporter_role", "value": "witness"}],
     "witness"),
    ("report_sharing", "Just record it", [], "record"),
])
async def test_typed_answers_to_choices_are_understood(slot, text, entities, expected):
    tracker = answering(slot, text)
    tracker.latest_message["entities"] = entities
    _, slots = await validate(tracker)
    assert slots[slot] == expected


async def test_typed_yes_and_no_answer_yes_no_questions():
    _, slots = await validate(answering("report_injuries", "nope", intent="deny"))
    assert slots["report_injuries"] == "none"
    _, slots = await validate(answering("report_ongoing", "yes it has", intent="affirm"))
    assert slots["report_ongoing"] == "before"


async def test_free_text_is_kept_as_typed_and_skip_is_allowed():
    _, slots = await validate(answering("report_where", "by the Tesco on Cowley Road"))
    assert slots["report_where"] == "by the Tesco on Cowley Road"
    _, slots = await validate(answering("report_where", "/choose", option="skip"))
    assert slots["report_where"] == "skip"


async def test_several_strands_can_be_chosen_before_done():
    messages, slots = await validate(answering(
        "report_strands", "/choose", {"hate_strand": ["race"]}, option="disability"))
    assert slots["hate_strand"] == ["disability", "race"] and slots["report_strands"] is None
    assert "Disability" in messages[0]["text"]
    _, slots = await validate(answering("report_strands", "/choose", option="done"))
    assert slots["report_strands"] == "done"


async def test_saying_cancel_at_any_question_ends_the_report_unsent():
    _, slots = await validate(answering("report_when", "Cancel"))
    assert slots["report_review"] == "cancel" and slots["requested_slot"] is None
    _, slots = await validate(answering("incident_text", "no forget it", intent="deny"))
    assert slots["report_review"] == "cancel"


async def test_changing_an_answer_clears_it_and_what_depends_on_it():
    _, slots = await validate(answering("report_review", "/choose", option="change"))
    assert slots["report_review"] is None and slots["requested_slot"] == "report_role"
    dispatcher = CollectingDispatcher()
    await report_form.ActionAskReportReview().run(
        dispatcher, answering("report_review", "/choose", option="change"), DOMAIN)
    assert '/choose{"option": "change:report_where"}' in [
        b["payload"] for b in dispatcher.messages[0]["buttons"]]
    answered = {**{slot: "answered" for slot in QUESTIONS["hate_crime"]},
                "report_contact": "contact", "report_contact_how": "07700 900123",
                "report_contact_time": "evenings", "report_sharing": "record"}
    _, slots = await validate(answering("report_review", "/choose", answered,
                                        option="change:report_contact"))
    assert slots["report_contact"] is None and slots["report_contact_how"] is None
    assert slots["report_contact_time"] is None and "report_where" not in slots
    assert slots["requested_slot"] == "report_contact"


async def test_the_first_account_given_sets_the_topic_of_a_report_started_without_one():
    tracker = answering("incident_text", "someone sprayed a swastika on the synagogue",
                        {"topic": None, "report_role": "victim"}, intent="hate_crime")
    tracker.latest_message["intent_ranking"] = [{"name": "hate_crime", "confidence": 0.9}]
    _, slots = await validate(tracker)
    assert slots["topic"] == "hate_crime" and slots["requested_slot"] == "report_strands"


@pytest.mark.parametrize(("text", "confidence", "net_fired", "taken"), [
    ("he's kicking the door in", 0.5, True, False),   # the safety net fired
    ("they're here again right now", 0.95, False, False),  # the model is sure
    ("outside the mosque", 0.8, False, True),  # an answer that only looks urgent
])
async def test_only_clear_danger_interrupts_a_report(text, confidence, net_fired, taken):
    _, slots = await validate(answering("report_where", text, intent="urgent_hate_crime",
                                        confidence=confidence, net_fired=net_fired))
    assert (slots.get("report_where") == text) is taken


async def test_an_answer_given_before_the_bot_spoke_again_is_not_taken_twice():
    tracker = answering("report_where", "Cowley Road")
    tracker.events.append({"event": "bot", "text": "If you are in danger now, call 999"})
    _, slots = await validate(tracker)
    assert "report_where" not in slots


async def test_support_organisation_is_proposed_for_the_strand():
    dispatcher = CollectingDispatcher()
    tracker = answering("report_support_org", "", {"hate_strand": ["transgender"]})
    await report_form.ActionAskReportSupportOrg().run(dispatcher, tracker, DOMAIN)
    first = routing.default().organisations["galop"]
    assert dispatcher.messages[0]["text"].startswith(f"I suggest {first.name}")
    assert dispatcher.messages[0]["buttons"][0]["payload"] == '/choose{"option": "galop"}'


def test_recipients_follow_the_sharing_choice():
    police = routing.default().police.id
    assert report_form.sharing_recipients({"report_sharing": "record"}) == []
    assert report_form.sharing_recipients({"report_sharing": "police"}) == [police]
    assert report_form.sharing_recipients(
        {"report_sharing": "both", "report_support_org": "galop"}) == [police, "galop"]


@pytest.mark.parametrize(("message", "answer"), [
    ({"text": "/share_location", "intent": {"name": "share_location"},
      "metadata": {"location": {"latitude": 51.7331, "longitude": -1.2205}}},
     "Shared location near 51.733, -1.220"),
    ({"text": "outside the mosque", "intent": {"name": "hate_crime"}}, "outside the mosque"),
    ({"text": "/share_location", "intent": {"name": "share_location"},
      "metadata": {"location": {"latitude": "north"}}}, "/share_location"),
])
def test_a_shared_location_answers_where_as_rounded_text(message, answer):
    assert report_form.answer_in(message) == answer
