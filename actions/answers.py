"""Answers to residents' questions from the knowledge base (data/answers.yml): the short
answer with "Tell me more", or, when the engine is unsure, the closest questions to choose
from and a person to ask."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.signposting import said_by_resident, topic_reply
from actions.speech import button, language_of, say
from actions.store import settings
from bot import answers
from bot.topics import entity_values

ANSWER_ID = "answer_id"  # the entity a button names its answer with
REPORTED = ("asb", "hate_crime", "spiking")


class ActionAnswer(Action):
    """The answer the engine picked (or the resident chose from a button)."""

    def name(self) -> str:
        return "action_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        knowledge = answers.default()
        chosen = _chosen(tracker, knowledge)
        listener = answers.listener(said_by_resident(tracker), language_of(tracker))
        decision = (answers.Decision(knowledge.answers[chosen]) if chosen
                    else knowledge.decide(tracker.latest_message, listener))
        events = _account(tracker)
        topic = answers.told_topic(tracker.latest_message)
        if decision.sure is None and not decision.choices and topic:
            # No answer is sure to fit what they told: the topic's help, as without the
            # answer selector.
            return events + topic_reply(dispatcher, tracker, topic)
        if decision.sure is not None:
            return events + show_answer(dispatcher, tracker, decision.sure)
        if decision.choices:
            reported = any(a.topic in REPORTED + ("domestic_abuse",) for a in decision.choices)
            say(dispatcher, tracker, "utter_answer_not_sure",
                [*({"title": a.title, "payload": _payload("ask_question", a.id)}
                   for a in decision.choices),
                 *([button(tracker, "button.report_it_here", "/report_incident")]
                   if reported else []),
                 button(tracker, "button.talk_to_person", "/human_handoff")])
            return events
        say(dispatcher, tracker, "utter_default")
        return events


def _account(tracker: Tracker) -> list[dict]:
    """A message the intent model read as an incident ("my neighbour shouts racist abuse
    at me every day") is the draft report's account, as it would be without the answer
    (domain.yml, incident_text); a question the model read as a question is not."""
    message = tracker.latest_message
    if answers.told_topic(tracker.latest_message) is None:
        return []
    return [SlotSet("incident_text", message.get("text"))]


def show_answer(dispatcher: CollectingDispatcher, tracker: Tracker,
                answer: answers.Answer) -> list[dict]:
    """The short answer with a Tell me more button, and a way to report under a topic's
    answer (under domestic abuse, Leave now instead: recording is offered with its
    guidance); the conversation's topic becomes the answer's, so a report that follows
    has it."""
    buttons = [button(tracker, "button.tell_me_more", _payload("answer_more", answer.id))]
    if answer.topic == "domestic_abuse":
        buttons.append(button(tracker, "button.leave_now", "/quick_exit"))
    elif answer.topic in REPORTED:
        buttons.append(button(tracker, "button.report_it_here", "/report_incident"))
    dispatcher.utter_message(
        text=answers.default().text(answer.id, "answer", language_of(tracker),
                                    **settings().case_review_figures),
        buttons=buttons)
    return [SlotSet("topic", answer.topic)] if answer.topic in answers.TOPICS else []


class ActionAnswerMore(Action):
    """The longer answer, after Tell me more (or "yes" to an answer); "yes" to the topic's
    help that offered to report starts the report; otherwise (also "yes" to "I'm not sure,
    which of these?") it asks what else."""

    def name(self) -> str:
        return "action_answer_more"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict) -> list[dict]:
        knowledge = answers.default()
        offered = _last_turn_buttons(tracker)
        chosen = _chosen(tracker, knowledge) or _offered_more(offered, knowledge)
        if not chosen and "/report_incident" in offered and not any(
                p.startswith("/ask_question") for p in offered):
            return [FollowupAction("report_form")]  # "yes" to the offer to report
        if not chosen:
            say(dispatcher, tracker, "utter_ask_what_else")
            return []
        dispatcher.utter_message(text=knowledge.text(chosen, "more", language_of(tracker),
                                                     **settings().case_review_figures))
        say(dispatcher, tracker, "utter_anything_else")
        return []


def _chosen(tracker: Tracker, knowledge: answers.KnowledgeBase) -> str | None:
    """The answer a button names ({"answer_id": ...}), if it is one of the knowledge base's."""
    named = [a for a in entity_values(tracker.latest_message).get(ANSWER_ID, [])
             if a in knowledge.answers]
    return named[0] if named else None


def _offered_more(offered: list[str], knowledge: answers.KnowledgeBase) -> str | None:
    """The answer whose Tell me more the bot's last turn offered: "yes please", "tell me
    more" or a typed /answer_more mean that one (an older answer's is not meant)."""
    return next((a for a in knowledge.answers if _payload("answer_more", a) in offered), None)


def _last_turn_buttons(tracker: Tracker) -> list[str]:
    """The payloads of the buttons the bot offered in reply to the resident's previous
    message."""
    users, payloads = 0, []
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > 1:
                break
        elif event.get("event") == "bot" and users == 1:
            payloads += [b.get("payload") or "" for b in
                         (event.get("data") or {}).get("buttons") or []]
    return payloads


def _payload(intent: str, answer_id: str) -> str:
    return f'/{intent}{{"{ANSWER_ID}": "{answer_id}"}}'
