"""The custom actions, run with rasa-sdk's dispatcher and tracker, storing into SQLite."""

from __future__ import annotations

import datetime as dt
import os
import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import AllSlotsReset, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import actions, report_lookup, safe_places, speech, store
from actions import signposting as signpost_actions
from bot import signposting
from bot.crypto import DataCipher, master_key
from bot.language import translations
from bot.settings import Settings
from bot.storage.db import make_engine, make_sessionmaker
from bot.storage.models import Report


async def forget_storage() -> None:
    """Dispose of the action server's database engine, if a test made one, in the test's
    own event loop (an engine left to the garbage collector finishes its work in a closed
    loop), and forget it and the settings it came from."""
    if store.storage.cache_info().currsize:
        sessions, _ = store.storage()
        await sessions.kw["bind"].dispose()
    store.settings.cache_clear()
    store.storage.cache_clear()


@pytest.fixture
async def action_env(monkeypatch, tmp_path, sqlite_sessions_url):
    """The action server's environment: its own database URL and key folder."""
    monkeypatch.setenv("DATABASE_URL", sqlite_sessions_url)
    monkeypatch.setenv("SAFER_VAR_DIR", str(tmp_path / "var"))
    await forget_storage()
    yield Settings.from_env()
    await forget_storage()


@pytest.fixture(autouse=True)
def tuesday_afternoon(monkeypatch):
    """Signposting depends on the time (open services first): a fixed weekday afternoon."""
    monkeypatch.setattr(signpost_actions, "now",
                        lambda: dt.datetime(2026, 11, 24, 14, 0, tzinfo=dt.UTC))


def tracker(intent="hate_crime", slots=None, metadata=None, text="", message_id="m-1"):
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9},
              "intent_ranking": [{"name": intent, "confidence": 0.9}],
              "metadata": metadata or {}}
    events = [{"event": "user", "text": text, "message_id": message_id, "timestamp": 1.0}]
    return Tracker("web-abc", slots or {}, latest, events, False, None, {}, "action_listen")


def said(response: str, **values) -> str:
    """What a response of domain.yml says in English."""
    return translations.default().render(response, "en", **values)["text"]


def reference_in(text: str) -> str:
    return re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", text).group(0)


async def run(action, tr):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tr, {})
    return dispatcher.messages, events


@pytest.mark.parametrize(("topic", "first_service"), [
    ("asb", "Oxford City Council community safety team"), ("hate_crime", "Stop Hate UK"),
    ("spiking", None), ("domestic_abuse", "National Domestic Abuse Helpline")])
async def test_signpost_gives_the_topics_guidance_its_services_and_an_offer_to_report(
        topic, first_service):
    messages, events = await run(signpost_actions.ActionSignpost(), tracker(intent=topic))
    guidance = signposting.default().text(topic, **signpost_actions.case_review_figures())
    if first_service is None:  # spiking: its guidance, then how long ago it was
        assert messages[0]["text"] == guidance
        assert messages[1]["text"] == said("utter_ask_spiking_time")
    else:
        assert messages[0]["text"].startswith(guidance + "\n" + signposting.words("services.intro"))
        services = messages[0]["text"].split(signposting.words("services.intro"))[1].strip().splitlines()
        assert 1 <= len(services) <= 3 and services[0].startswith(f"• {first_service}")
    assert "{" not in messages[0]["text"]
    offer = "utter_offer_record" if topic == "domestic_abuse" else "utter_offer_report"
    assert messages[-1]["text"] == said(offer)
    assert "/report_incident" in [b["payload"] for b in messages[-1]["buttons"]]
    assert SlotSet("topic", topic) in events


async def test_urgent_intent_gets_emergency_guidance_unless_the_net_showed_it():
    messages, events = await run(signpost_actions.ActionSignpost(),
                                 tracker(intent="urgent_danger"))
    assert messages[0]["text"] == signposting.default().text("emergency")
    assert SlotSet("urgent", True) in events
    shown, _ = await run(signpost_actions.ActionSignpost(),
                         tracker(intent="urgent_danger", metadata={"emergency_shown": True}))
    assert signposting.default().text("emergency") not in [m.get("text") for m in shown]
    assert shown[0]["text"] == said("utter_danger_choices")


async def test_submit_stores_the_report_then_gives_its_reference(action_env):
    slots = {"incident_text": "paint on the mosque door", "topic": "hate_crime", "urgent": False,
             "hate_strand": ["religion"], "setting": ["in_person"], "asb_kind": ["vandalism"],
             "report_review": "send", "report_draft": "d-1"}
    messages, events = await run(actions.ActionSubmitReport(), tracker(slots=slots))
    assert messages[0]["text"].startswith(said("utter_report_stored").split("{")[0])
    reference = reference_in(messages[0]["text"]).replace("-", "")
    engine = make_engine(action_env.database)
    async with make_sessionmaker(engine)() as session:
        report = await session.scalar(select(Report).where(Report.reference == reference))
    await engine.dispose()
    assert report.topic == "hate_crime"
    cipher = DataCipher(master_key(action_env))
    assert cipher.decrypt(report.description_enc) == "paint on the mosque door"
    assert report.details == {"hate_strand": ["religion"], "setting": ["in_person"]}
    assert events == [AllSlotsReset(), SlotSet("language", None)]


async def test_submit_twice_for_the_same_confirmation_gives_the_same_reference(action_env):
    slots = {"incident_text": "bins set on fire", "topic": "asb", "report_review": "send",
             "report_draft": "d-2"}
    first, _ = await run(actions.ActionSubmitReport(), tracker(slots=slots))
    again, _ = await run(actions.ActionSubmitReport(), tracker(slots=slots))
    assert reference_in(first[0]["text"]) == reference_in(again[0]["text"])


async def test_database_failure_keeps_the_draft_and_asks_again(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path}/missing/dir/x.db")
    monkeypatch.setenv("SAFER_VAR_DIR", str(tmp_path / "var"))
    await forget_storage()
    slots = {"incident_text": "someone keeps dumping rubbish", "topic": "asb",
             "report_review": "send", "report_draft": "d-3"}
    messages, events = await run(actions.ActionSubmitReport(), tracker(slots=slots))
    await forget_storage()
    assert messages[0]["text"] == said("utter_report_failed")
    assert events == [SlotSet("report_review", None), FollowupAction("report_form")]


@pytest.mark.parametrize("slots", [{}, {"incident_text": "x", "report_review": "cancel"}])
async def test_a_cancelled_draft_is_dropped_and_nothing_stored(action_env, slots):
    messages, events = await run(actions.ActionSubmitReport(), tracker(slots=slots))
    assert messages[0]["text"] == said("utter_report_cancelled")
    assert events == [AllSlotsReset(), SlotSet("language", None)]
    engine = make_engine(action_env.database)
    async with make_sessionmaker(engine)() as session:
        assert (await session.scalars(select(Report))).all() == []
    await engine.dispose()


async def test_urgent_topic_gets_the_999_lines_alone_then_safe_now_or_more_help():
    messages, events = await run(signpost_actions.ActionSignpost(),
                                 tracker(intent="urgent_domestic_abuse"))
    guidance = signposting.default()
    assert messages[0]["text"] == guidance.text("emergency")
    assert messages[0]["custom"] == {"alert": True}
    assert [m["text"] for m in messages[1:]] == [said("utter_danger_choices")]
    assert [b["payload"] for b in messages[1]["buttons"]] == ["/safe_now", "/more_help"]
    assert SlotSet("topic", "domestic_abuse") in events and SlotSet("urgent", True) in events


async def test_more_help_after_danger_gives_the_topics_help_and_safe_now_the_offer():
    slots = {"topic": "domestic_abuse", "urgent": True}
    messages, events = await run(signpost_actions.ActionAfterDanger(),
                                 tracker(intent="more_help", slots=slots))
    assert messages[0]["text"].startswith(signposting.default().text("domestic_abuse"))
    assert "(24 hours)" in messages[0]["text"].splitlines()[-3]
    assert messages[-1]["text"] == said("utter_when_safe")
    messages, _ = await run(signpost_actions.ActionAfterDanger(),
                            tracker(intent="safe_now", slots=slots))
    assert [m["text"] for m in messages] == [said("utter_offer_record")]
    messages, _ = await run(signpost_actions.ActionAfterDanger(),
                            tracker(intent="more_help", slots={"topic": "other"}))
    assert messages[0]["text"].startswith(signposting.default().text("helplines"))


async def test_a_topics_guidance_already_shown_is_pointed_to_not_repeated():
    messages, events = await run(signpost_actions.ActionSignpost(), tracker(intent="asb"))
    assert SlotSet("guidance_shown", ["asb"]) in events
    again = tracker(intent="asb", slots={"guidance_shown": ["asb"]})
    messages, _ = await run(signpost_actions.ActionSignpost(), again)
    assert [m["text"] for m in messages] == [said("utter_guidance_shown"),
                                             said("utter_offer_report")]


@pytest.mark.parametrize(("intent", "key"), sorted(signpost_actions.SUPPORT_GUIDANCE.items()))
async def test_support_requests_are_answered_from_the_data_file(intent, key):
    messages, events = await run(signpost_actions.ActionSignpost(), tracker(intent=intent))
    assert messages[0]["text"] == signposting.default().text(key)
    assert events == ([AllSlotsReset()] if intent == "quick_exit" else [])
    assert key in signposting.REQUIRED_GUIDANCE
    # A quick exit tells the app to delete the conversation (trackers, and the chat).
    told = [m.get("custom") for m in messages[1:]]
    assert told == ([{"quick_exit": True}] if intent == "quick_exit" else [])


async def test_helpline_request_after_a_topic_gives_that_topics_helplines_then_more():
    asked = tracker(intent="helpline_request", slots={"topic": "hate_crime"})
    messages, events = await run(signpost_actions.ActionSignpost(), asked)
    first = messages[0]["text"]
    assert first.startswith(signposting.default().text("helplines"))
    assert "• Stop Hate UK" in first and "National Domestic Abuse Helpline" not in first
    assert messages[0]["buttons"] == [{"title": "More services", "payload": "/more_services"}]
    query = events[0]["value"]
    more = tracker(intent="more_services", slots={"services_query": query})
    messages, events = await run(signpost_actions.ActionMoreServices(), more)
    shown = [line for line in messages[0]["text"].splitlines() if line.startswith("•")]
    assert shown and not set(shown) & set(first.splitlines())
    assert events[0]["value"]["page"] == 1


async def test_a_request_for_helplines_about_a_topic_gets_that_topics_first():
    """"a helpline for men abused by their wife": domestic abuse's helplines, before the
    topic talked about earlier."""
    asked = tracker(intent="helpline_request", slots={"topic": "hate_crime"})
    asked.latest_message["intent_ranking"] = [
        {"name": "helpline_request", "confidence": 0.8},
        {"name": "domestic_abuse", "confidence": 0.15}, {"name": "greet", "confidence": 0.05}]
    messages, _ = await run(signpost_actions.ActionSignpost(), asked)
    assert "• National Domestic Abuse Helpline" in messages[0]["text"]
    assert "Stop Hate UK" not in messages[0]["text"]


@pytest.mark.parametrize(("text", "first"), [
    ("my wife hits me and takes my wages", "Men's Advice Line"),
    ("im gay and my partner hits me", "Galop (LGBT+ helpline)"),
    ("my husband hits me", "National Domestic Abuse Helpline")])
async def test_a_service_for_who_the_resident_said_they_are_comes_first(text, first):
    """Issue 24, "Context": a man, or a wife or girlfriend as the abuser, puts the Men's
    Advice Line first; LGBT+ puts Galop first; "More services" goes on with the same order."""
    messages, events = await run(signpost_actions.ActionSignpost(),
                                 tracker(intent="domestic_abuse", text=text))
    services = [line for line in messages[0]["text"].splitlines() if line.startswith("• ")]
    assert services[0].startswith(f"• {first}")
    query = next(e["value"] for e in events if e.get("name") == "services_query")
    more = tracker(intent="more_services", slots={"services_query": query})
    shown, _ = await run(signpost_actions.ActionMoreServices(), more)
    assert not any(line.startswith(f"• {first}") for line in shown[0]["text"].splitlines())


def test_every_intent_the_code_names_is_in_the_domain():
    import yaml

    from bot.settings import PROJECT_ROOT
    from bot.topics import TOPIC_OF_INTENT, URGENT_INTENTS

    domain = set(yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())["intents"])
    named = (set(TOPIC_OF_INTENT) | URGENT_INTENTS | set(signpost_actions.SUPPORT_GUIDANCE)
             | {"helpline_request", "more_services", "share_location", "choose"})
    assert named <= domain, named - domain


@pytest.mark.parametrize("intent", sorted(signpost_actions.OFF_TOPIC))
async def test_danger_now_outside_the_topics_gets_the_danger_reply_and_an_urgent_report(intent):
    """A child missing now reads as out of scope to the model: after the net's 999 lines,
    "Sorry, I can't help with that" or "ring 101" would be the wrong answer."""
    missing = tracker(intent=intent, metadata={"emergency_shown": True},
                      text="my 7 year old has wandered off in the park, cant find her")
    messages, events = await run(signpost_actions.ActionSignpost(), missing)
    assert [m.get("text") for m in messages] == [said("utter_danger_choices")]
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/safe_now", "/more_help"]
    assert SlotSet("topic", "other") in events and SlotSet("urgent", True) in events


async def test_out_of_scope_without_danger_is_told_what_the_bot_helps_with():
    messages, events = await run(signpost_actions.ActionSignpost(),
                                 tracker(intent="out_of_scope", text="when is my bin collection"))
    assert [m.get("text") for m in messages] == [said("utter_out_of_scope")] and events == []


async def test_unsure_model_offers_topic_buttons_and_still_warns_when_it_leans_urgent():
    unsure = tracker(intent="nlu_fallback")
    unsure.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4}, {"name": "asb", "confidence": 0.35},
        {"name": "urgent_asb", "confidence": 0.3}, {"name": "urgent_danger", "confidence": 0.1}]
    messages, events = await run(signpost_actions.ActionSignpost(), unsure)
    assert messages[0]["text"] == signposting.default().text("emergency")
    assert messages[1]["text"] == said("utter_default")
    assert events == [SlotSet("urgent", True)]
    calm = tracker(intent="nlu_fallback")
    calm.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4}, {"name": "greet", "confidence": 0.3}]
    messages, events = await run(signpost_actions.ActionSignpost(), calm)
    assert [m.get("text") for m in messages] == [said("utter_default")] and events == []


async def test_details_from_each_message_add_up_over_the_conversation():
    events = [{"event": "user", "text": "racist abuse outside the mosque"},
              {"event": "slot", "name": "hate_strand", "value": ["race", "religion"]},
              {"event": "bot", "text": "Where did it happen?"},
              {"event": "user", "text": "by the mosque"},
              {"event": "slot", "name": "hate_strand", "value": ["religion"]},
              {"event": "slot", "name": "place", "value": ["cowley"]}]
    tr = Tracker("web-abc", {"hate_strand": ["religion"], "place": ["cowley"]},
                 {"text": "by the mosque"}, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    result = await actions.ActionKeepDetails().run(dispatcher, tr, {})
    assert SlotSet("hate_strand", ["race", "religion"]) in result
    assert SlotSet("place", ["cowley"]) in result


@pytest.mark.parametrize(("intent", "active_loop", "urgent"), [
    ("find_safe_place", None, True),  # the missing child the model read as a Safe Place
    ("greet", None, True),
    ("find_safe_place", "report_form", False),  # the form decides what interrupts it
])
async def test_danger_now_marks_the_conversation_urgent_whatever_the_intent(
        intent, active_loop, urgent):
    tr = tracker(intent=intent, text="my 8 year old has gone missing in the westgate, cant find him")
    tr.active_loop = {"name": active_loop} if active_loop else {}
    result = await actions.ActionKeepDetails().run(CollectingDispatcher(), tr, {})
    assert (SlotSet("urgent", True) in result) is urgent
    calm = tracker(intent=intent, text="where is the nearest safe place")
    calm.active_loop = tr.active_loop
    assert SlotSet("urgent", True) not in await actions.ActionKeepDetails().run(
        CollectingDispatcher(), calm, {})


def test_a_reset_forgets_earlier_details():
    events = [{"event": "slot", "name": "place", "value": ["cowley"]},
              {"event": "reset_slots"}, {"event": "user", "text": "hi"}]
    assert actions.earlier_value(events, "place") is None


async def test_the_third_asb_report_in_six_months_is_told_about_the_case_review(action_env):
    said = []
    for draft in ("a", "b", "c"):
        slots = {"incident_text": f"music until 4am again ({draft})", "topic": "asb",
                 "report_review": "send", "report_draft": draft}
        messages, _ = await run(actions.ActionSubmitReport(), tracker(slots=slots))
        said.append(" ".join(m.get("text") or "" for m in messages))
    assert "ASB Case Review" not in said[0] + said[1]
    assert "reported 3 separate incidents" in said[2] and "in the last 6 months" in said[2]
    assert "{" not in said[2]


async def test_a_submit_lost_after_commit_is_retried_without_a_second_report(action_env,
                                                                           monkeypatch):
    """The database stores the report but the answer never comes back: the resident is told
    to try again, and trying again gives the same report, stored once."""
    real, calls = actions.create_report, []

    async def commits_then_fails(*args):
        calls.append(await real(*args))
        if len(calls) == 1:
            raise ConnectionError("connection lost after commit")
        return calls[-1]

    monkeypatch.setattr(actions, "create_report", commits_then_fails)
    slots = {"incident_text": "graffiti on the church", "topic": "hate_crime",
             "report_review": "send", "report_draft": "d-lost"}
    failed, events = await run(actions.ActionSubmitReport(), tracker(slots=slots))
    assert failed[0]["text"] == said("utter_report_failed")
    assert FollowupAction("report_form") in events
    stored, _ = await run(actions.ActionSubmitReport(), tracker(slots=slots))
    assert reference_in(stored[0]["text"]).replace("-", "") == calls[0].reference
    engine = make_engine(action_env.database)
    async with make_sessionmaker(engine)() as session:
        assert len((await session.scalars(select(Report))).all()) == 1
    await engine.dispose()


async def test_leaving_quickly_drops_a_draft_report():
    messages, events = await run(signpost_actions.ActionSignpost(), tracker(
        intent="quick_exit", slots={"incident_text": "he hit me", "report_role": "victim"}))
    assert messages[0]["text"] == signposting.default().text("quick_exit")
    assert events == [AllSlotsReset()]


def lookup_tracker(text: str, slots: dict | None = None) -> Tracker:
    latest = {"text": text, "intent": {"name": "check_report", "confidence": 0.9},
              "entities": [], "metadata": {}}
    return Tracker("web-lookup", {"requested_slot": "report_reference", **(slots or {})},
                   latest, [{"event": "user", "text": text}], False, None,
                   {"name": "report_lookup_form"}, "action_listen")


async def test_a_new_code_replaces_the_one_given_earlier_in_the_conversation():
    form = report_lookup.ValidateReportLookupForm()
    found = await form.extract_report_reference(
        CollectingDispatcher(), lookup_tracker("and ref bcde fghj kmnp?",
                                               {"report_reference": "ABCDEFGHJKMN"}), {})
    assert found == {"report_reference": "BCDEFGHJKMNP"}


async def test_words_that_are_not_a_code_are_not_counted_as_a_wrong_code(action_env):
    form = report_lookup.ValidateReportLookupForm()
    for _ in range(5):
        dispatcher = CollectingDispatcher()
        result = await form.validate_report_reference(
            "what is the police number", dispatcher, lookup_tracker("x"), {})
        assert result == {"report_reference": None}
        assert "doesn't look like a reference code" in dispatcher.messages[0]["text"]
    dispatcher = CollectingDispatcher()
    await form.validate_report_reference("ABCD-EFGH-JKMN", dispatcher, lookup_tracker("x"), {})
    assert dispatcher.messages[0]["text"] == "I couldn't find a report with that code."


@pytest.mark.parametrize(("text", "code"), [
    ("check ABCD-EFGH-JKMN please", "ABCDEFGHJKMN"),
    ("abcd efgh jkmn", "ABCDEFGHJKMN"),
    ("ABCD–EFGH–JKMN", "ABCDEFGHJKMN"),  # the dash a phone puts in
    ("ABCDEFGHJKMN", "ABCDEFGHJKMN"),
    ("ABCD-EFGH-JKM", None),
    ("ABCDEFGHJKMNP", None),
    ("he grabbed my bag", None),  # twelve code letters, but not in groups of four
])
def test_codes_are_found_however_they_are_typed(text, code):
    assert report_lookup.code_in(text) == code


def test_the_answers_hold_only_what_is_not_kept_elsewhere():
    slots = {"incident_text": "they spat at her", "topic": "hate_crime", "report_role": "witness",
             "report_strands": "done", "report_where": "Cowley Road", "report_evidence": "skip",
             "report_contact": "contact", "report_contact_how": "07700 900123",
             "report_sharing": "support", "report_support_org": "stop_hate_uk"}
    new = actions.new_report(tracker(slots=slots), DataCipher(os.urandom(32)))
    assert new.answers == {"report_role": "witness", "report_where": "Cowley Road",
                           "report_contact": "contact", "report_sharing": "support"}
    assert new.contact == "07700 900123" and new.consents == ("stop_hate_uk",)
    assert new.referrals == (("stop_hate_uk", "outbox"),)


async def test_needle_spiking_gets_infection_advice_then_the_testing_question():
    needle = tracker(intent="spiking", slots={"spiking_method": ["needle"]})
    messages, _ = await run(signpost_actions.ActionSignpost(), needle)
    guidance = signposting.default()
    assert messages[0]["text"] == guidance.text("spiking") + "\n" + guidance.text("spiking_needle")
    assert messages[1]["text"] == said("utter_ask_spiking_time")
    assert [b["payload"] for b in messages[1]["buttons"]] == [
        f'/choose{{"option": "{option}"}}' for option in signpost_actions.SPIKING_TIMES]


@pytest.mark.parametrize(("when", "advice"), [
    ("now", "spiking_within_12_hours"), ("past", "spiking_over_7_days")])
async def test_spiking_that_says_when_gets_its_testing_advice_without_a_question(when, advice):
    told = tracker(intent="spiking")
    told.latest_message["entities"] = [{"entity": "when", "value": when}]
    messages, _ = await run(signpost_actions.ActionSignpost(), told)
    assert messages[1]["text"] == signposting.default().text(advice)
    assert said("utter_ask_spiking_time") not in [m.get("text") for m in messages]


@pytest.mark.parametrize(("slots", "said_when", "key"), [
    ({}, [], "spiking"), ({}, ["now"], "spiking"), ({}, ["recent"], "spiking_after"),
    ({"when": ["past"]}, [], "spiking_after")])
async def test_spiking_told_the_day_after_gets_no_advice_about_the_venue(slots, said_when, key):
    """Issue 24, "Context": at home the next day, "tell the venue staff and stay with them"
    is no use; asked how long ago, or told "now", it stays."""
    told = tracker(intent="spiking", slots=slots)
    told.latest_message["entities"] = [{"entity": "when", "value": w} for w in said_when]
    messages, _ = await run(signpost_actions.ActionSignpost(), told)
    assert messages[0]["text"].startswith(signposting.default().text(key))
    venue = "Tell the venue staff"
    assert (venue in messages[0]["text"]) is (key == "spiking")


@pytest.mark.parametrize(("option", "advice"), [
    ("within_12_hours", "spiking_within_12_hours"), ("within_7_days", "spiking_within_7_days"),
    ("over_7_days", "spiking_over_7_days"), ("tomorrow", "spiking_time_unknown")])
async def test_the_time_chosen_gives_its_testing_advice_then_the_offer(option, advice):
    chosen = tracker(intent="choose")
    chosen.latest_message["entities"] = [{"entity": "option", "value": option}]
    messages, _ = await run(signpost_actions.ActionSpikingAdvice(), chosen)
    assert messages[0]["text"] == signposting.default().text(advice)
    assert messages[1]["text"] == said("utter_offer_report")


def asked_where(text: str, attempts=None, metadata=None) -> Tracker:
    """A reply to "Where are you?" (the bot spoke, then the resident)."""
    latest = {"text": text, "intent": {"name": "out_of_scope", "confidence": 0.5},
              "metadata": metadata or {}}
    events = [{"event": "bot", "text": "Where are you?"}, {"event": "user", "text": text}]
    return Tracker("web-abc", {"requested_slot": "safe_place_from",
                               "safe_place_attempts": attempts}, latest, events, False, None,
                   {"name": "safe_place_form"}, "action_listen")


async def where_slots(tr: Tracker) -> tuple[list[dict], dict]:
    form, dispatcher = safe_places.ValidateSafePlaceForm(), CollectingDispatcher()
    extracted = await form.extract_safe_place_from(dispatcher, tr, {})
    value = extracted.get("safe_place_from")
    checked = await form.validate_safe_place_from(value, dispatcher, tr, {}) if value else {}
    return dispatcher.messages, checked


@pytest.mark.parametrize(("text", "metadata", "label"), [
    ("OX4 1AA", None, "OX4 1"), ("by the shops in blackbird leys", None, "Blackbird Leys"),
    ("/share_location", {"location": {"latitude": 51.733, "longitude": -1.22}}, "your location")])
async def test_where_the_resident_is_comes_from_a_postcode_a_place_or_a_location(
        text, metadata, label):
    messages, checked = await where_slots(asked_where(text, metadata=metadata))
    assert messages == [] and checked["safe_place_from"]["label"] == label


async def test_a_place_not_found_is_asked_again_once_then_given_up():
    messages, checked = await where_slots(asked_where("SW1A 1AA"))
    assert messages[0]["text"] == said("utter_place_not_found_foreign")
    assert checked == {"safe_place_from": None, "safe_place_attempts": 1}
    messages, checked = await where_slots(asked_where("the big tree", attempts=1))
    assert checked["safe_place_from"] == safe_places.NOT_FOUND and messages == []
    given_up = tracker(intent="out_of_scope", slots={"safe_place_from": safe_places.NOT_FOUND})
    messages, events = await run(safe_places.ActionSafePlaces(), given_up)
    assert messages[0]["text"] == signposting.default().text("safe_places")
    assert events == [SlotSet("safe_place_from", None)]


async def test_the_nearest_open_safe_places_are_listed_with_their_walk(monkeypatch):
    monkeypatch.setattr(safe_places, "now", lambda: dt.datetime(2026, 11, 24, 14, tzinfo=dt.UTC))
    where = {"label": "OX4 1", "latitude": 51.74637, "longitude": -1.23582}
    messages, _ = await run(safe_places.ActionSafePlaces(),
                            tracker(slots={"safe_place_from": where}))
    lines = messages[0]["text"].splitlines()
    assert lines[1] == "Safe Places open now near OX4 1:"
    assert lines[2].startswith("• SAMPLE Safe Place C (Cowley Road) [SAMPLE, not a real Safe "
                               "Place], Cowley Road (sample address): ")
    assert "open until 5:30pm" in lines[2]


@pytest.mark.parametrize(("metadata", "confidence", "emergency_from_action"), [
    ({"emergency_shown": True}, 0.5, False), ({}, 0.95, True)])
async def test_danger_instead_of_a_place_gets_999_then_the_question_again(
        metadata, confidence, emergency_from_action):
    danger = asked_where("hes following me and i cant get away", metadata=metadata)
    danger.latest_message["intent"] = {"name": "urgent_danger", "confidence": confidence}
    danger.latest_message["intent_ranking"] = [danger.latest_message["intent"]]
    messages, checked = await where_slots(danger)
    assert checked == {"safe_place_from": None}  # asked again, not counted as a place not found
    shown = [m.get("text") for m in messages]
    assert shown == ([signposting.default().text("emergency")] if emergency_from_action else [])


@pytest.mark.parametrize("text", ["بچاؤ", "my 7 year old has wandered off in the park"])
async def test_an_unsure_model_with_the_nets_sure_words_gets_the_reply_for_any_danger(text):
    """A bare cry for help in Urdu, a child missing now: the net's words the model may not
    overrule (safety.beyond_overrule) give the reply for any danger, not topic buttons."""
    unsure = tracker(intent="nlu_fallback", text=text, metadata={"emergency_shown": True})
    unsure.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.3}, {"name": "greet", "confidence": 0.2}]
    messages, events = await run(signpost_actions.ActionSignpost(), unsure)
    assert [m.get("text") for m in messages] == [said("utter_danger_choices")]
    assert SlotSet("urgent", True) in events


@pytest.mark.parametrize(("typed", "cancels"), [
    ("cancel", True), ("Stop.", True), ("ive changed my mind", True),
    ("I’ve changed my mind!", True), ("stop them", False), ("no", False)])
def test_cancel_words_are_read_whatever_the_apostrophe(typed, cancels):
    assert speech.is_cancel(typed) is cancels
