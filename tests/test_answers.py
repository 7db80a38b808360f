"""The knowledge base (data/answers.yml), the decision between an answer and "I'm not
sure", and the actions that say them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from actions import answers as answer_actions
from bot import answers, directory, signposting
from bot.evaluation import answers as answer_scores
from bot.evaluation.data import Question
from tests.test_actions import run, said, tracker

KNOWLEDGE = answers.default()


def test_the_knowledge_base_has_at_least_120_answers_over_every_topic_and_the_service():
    assert len(KNOWLEDGE.answers) >= 120
    topics = {a.topic for a in KNOWLEDGE.answers.values()}
    assert topics >= {"asb", "hate_crime", "spiking", "domestic_abuse", "service"}


def test_every_answer_fits_a_phone_names_its_sources_and_when_they_were_checked():
    for answer in KNOWLEDGE.answers.values():
        assert len(answer.answer.split()) <= answers.ANSWER_WORDS, answer.id
        assert len(answer.more.split()) <= answers.MORE_WORDS, answer.id
        assert answer.sources and answer.last_checked <= dt.date.today(), answer.id
        figures = {"incidents": 3, "months": 6}
        shown = [KNOWLEDGE.text(answer.id, part, **figures) for part in ("answer", "more")]
        assert "{" not in "".join(shown) and "}" not in "".join(shown), answer.id
        assert len(answer.title) <= 56 and len(answer.questions) >= 5, answer.id


def test_the_numbers_in_answers_are_the_directorys():
    numbers = {value for service in directory.default().services.values()
               for value in service.contact.values()}
    mens = KNOWLEDGE.answers["da_men_help"]
    assert directory.default().services["mens_advice_line"].contact["phone"] in mens.answer
    assert any(n in a.answer + a.more for a in KNOWLEDGE.answers.values() for n in numbers)


def write(tmp_path: Path, **changes) -> Path:
    entry = {"topic": "asb", "title": "Who do I call about noise?",
             "questions": ["noise who", "who do i call about noise", "noise at night",
                           "loud music next door", "party noise complaint"],
             "answer": "Call {police_non_emergency.phone} if a crime is happening.",
             "more": "More words.", "sources": ["shared/facts/README.md"],
             "last_checked": dt.date(2026, 12, 7), **changes}
    path = tmp_path / "answers.yml"
    path.write_text(yaml.safe_dump({"answers": {"asb_noise": entry}}), encoding="utf-8")
    return path


def test_a_good_entry_loads_with_the_directorys_number_filled_in(tmp_path):
    loaded = answers.load(write(tmp_path))
    assert loaded.answers["asb_noise"].answer == "Call 101 if a crime is happening."


@pytest.mark.parametrize(("change", "problem"), [
    ({"answer": "Call 0800 123 4567 now."}, "phone number"),
    ({"answer": "Call 101 now."}, "phone number"),
    ({"answer": "Call {nobody.phone}."}, "unknown"),
    ({"answer": "word " * (answers.ANSWER_WORDS + 1)}, f"{answers.ANSWER_WORDS + 1} words"),
    ({"sources": []}, "sources"),
    ({"topic": "weather"}, "topic"),
    ({"questions": ["just one"]}, "variants"),
    ({"last_checked": "last week"}, "date"),
])
def test_an_entry_that_breaks_a_rule_is_refused_naming_it(tmp_path, change, problem):
    with pytest.raises(answers.AnswersError, match=problem) as refused:
        answers.load(write(tmp_path, **change))
    assert "asb_noise" in str(refused.value)


def ranked(*pairs: tuple[str, float]) -> dict:
    return {"intent": {"name": "ask_question", "confidence": pairs[0][1]},
            "answer": {"ranking": [{"id": i, "confidence": c} for i, c in pairs]}}


def test_a_sure_selector_gives_one_answer_and_an_unsure_one_the_choices():
    sure = KNOWLEDGE.decide(ranked(("da_clares_law", 0.8), ("da_clares_law_how", 0.1)))
    assert sure.sure.id == "da_clares_law" and not sure.choices
    unsure = KNOWLEDGE.decide(ranked(("da_clares_law", 0.25), ("da_clares_law_how", 0.2),
                                     ("none", 0.2)))
    assert unsure.sure is None
    assert [a.id for a in unsure.choices] == ["da_clares_law", "da_clares_law_how"]
    assert KNOWLEDGE.decide({"intent": {"name": "asb"}}) == answers.Decision(None)


def question(parse: dict, text: str = "what is clares law") -> object:
    tr = tracker(intent="ask_question", text=text)
    tr.latest_message.update(parse)
    return tr


async def test_the_answer_comes_with_tell_me_more_and_sets_the_topic():
    messages, events = await run(answer_actions.ActionAnswer(),
                                 question(ranked(("da_clares_law", 0.9))))
    answer = KNOWLEDGE.answers["da_clares_law"]
    assert [m["text"] for m in messages] == [answer.answer]
    payloads = [b["payload"] for b in messages[0]["buttons"]]
    assert payloads == ['/answer_more{"answer_id": "da_clares_law"}', "/quick_exit"]
    assert {"event": "slot", "timestamp": None, "name": "topic",
            "value": "domestic_abuse"} in events


async def test_an_unsure_selector_offers_the_closest_questions_and_a_person():
    messages, _ = await run(answer_actions.ActionAnswer(),
                            question(ranked(("asb_case_review", 0.25),
                                            ("asb_case_review_apply", 0.2), ("none", 0.2))))
    assert messages[0]["text"] == said("utter_answer_not_sure")
    buttons = messages[0]["buttons"]
    assert buttons[0] == {"title": KNOWLEDGE.answers["asb_case_review"].title,
                          "payload": '/ask_question{"answer_id": "asb_case_review"}'}
    assert buttons[-1]["payload"] == "/human_handoff"


async def test_a_chosen_question_and_tell_me_more_give_that_answer_in_full():
    chosen = tracker(intent="ask_question", text='/ask_question{"answer_id": "sp_sarc"}')
    chosen.latest_message["entities"] = [{"entity": "answer_id", "value": "sp_sarc"}]
    messages, _ = await run(answer_actions.ActionAnswer(), chosen)
    assert messages[0]["text"] == KNOWLEDGE.answers["sp_sarc"].answer
    more = tracker(intent="answer_more", text="/answer_more")
    more.latest_message["entities"] = [{"entity": "answer_id", "value": "sp_sarc"}]
    messages, _ = await run(answer_actions.ActionAnswerMore(), more)
    assert messages[0]["text"] == KNOWLEDGE.answers["sp_sarc"].more
    assert messages[1]["text"] == said("utter_anything_else")


def after_a_turn_that_offered(payloads: list[str], intent="affirm", text="yes please"):
    """The resident's reply to a turn whose buttons had these payloads."""
    tr = tracker(intent=intent, text=text)
    tr.events[:0] = [{"event": "user", "text": "before", "timestamp": 0.1},
                     {"event": "bot", "text": "older", "timestamp": 0.2, "data": {"buttons": [
                         {"title": "Tell me more",
                          "payload": '/answer_more{"answer_id": "da_clares_law"}'}]}},
                     {"event": "user", "text": "a question", "timestamp": 0.5},
                     {"event": "bot", "text": "an answer", "timestamp": 0.6, "data": {
                         "buttons": [{"title": p, "payload": p} for p in payloads]}}]
    return tr


async def test_yes_to_an_answer_is_its_tell_me_more_and_yes_to_an_offer_to_report_starts_it():
    """"yes please", "ok" or a typed /answer_more after an answer: the longer answer of
    the one just given, never an older one; after the topic's help that offered to
    report, the report; after neither (or after "I'm not sure, which of these?"), what
    else."""
    messages, _ = await run(answer_actions.ActionAnswerMore(), after_a_turn_that_offered(
        ['/answer_more{"answer_id": "sp_sarc"}', "/quick_exit"]))
    assert messages[0]["text"] == KNOWLEDGE.answers["sp_sarc"].more
    typed = after_a_turn_that_offered(['/answer_more{"answer_id": "sp_sarc"}'],
                                      intent="answer_more", text="/answer_more")
    messages, _ = await run(answer_actions.ActionAnswerMore(), typed)
    assert messages[0]["text"] == KNOWLEDGE.answers["sp_sarc"].more
    messages, events = await run(answer_actions.ActionAnswerMore(), after_a_turn_that_offered(
        ["/report_incident", "/deny", "/quick_exit"]))
    assert not messages and events == [{"event": "followup", "timestamp": None,
                                        "name": "report_form"}]
    for offered in (["/more_services"], ['/ask_question{"answer_id": "sp_sarc"}',
                                         "/report_incident", "/human_handoff"]):
        messages, events = await run(answer_actions.ActionAnswerMore(),
                                     after_a_turn_that_offered(offered))
        assert [m["text"] for m in messages] == [said("utter_ask_what_else")] and not events


async def test_another_language_gets_the_answer_with_a_line_saying_it_is_in_english():
    tr = question(ranked(("svc_languages", 0.9)), "czy mogę pisać po polsku")
    tr.latest_message["metadata"] = {"language": "pl"}
    messages, _ = await run(answer_actions.ActionAnswer(), tr)
    assert messages[0]["text"].startswith(KNOWLEDGE.answers["svc_languages"].answer + "\n")
    assert messages[0]["text"] != KNOWLEDGE.answers["svc_languages"].answer


def test_the_answer_score_counts_not_sure_apart_from_wrong():
    asked = [Question("a", "da_clares_law"), Question("b", "da_clares_law"),
             Question("c", "sp_sarc"), Question("d", "none"), Question("e", "none")]
    parses = {"a": ranked(("da_clares_law", 0.9)), "b": ranked(("sp_sarc", 0.9)),
              "c": ranked(("sp_sarc", 0.25), ("sp_pep", 0.2)), "d": {"intent": {"name": "greet"}},
              "e": ranked(("sp_pep", 0.95))}
    found = answer_scores.score(asked, parses, KNOWLEDGE)
    assert (found["top1"], found["wrong"], found["unsure"]) == (round(1 / 3, 3), 1, 1)
    assert found["answered_when_none"] == 1 and found["wrong_rate"] == 0.4


async def test_an_incident_the_model_read_as_one_is_kept_as_the_reports_account():
    """"my neighbour shouts racist abuse at me every day" gets its answer, and reporting it
    then starts from what was written; a question is not kept as an account."""
    text = "my neighbour shouts racist abuse at me every day"
    told = question(ranked(("hc_neighbour_racist", 0.8)), text)
    told.latest_message["intent_ranking"] = [{"name": "hate_crime", "confidence": 0.7}]
    _, events = await run(answer_actions.ActionAnswer(), told)
    assert {"event": "slot", "timestamp": None, "name": "incident_text", "value": text} in events
    asked = question(ranked(("da_clares_law", 0.9)))
    asked.latest_message["intent_ranking"] = [{"name": "helpline_request", "confidence": 0.5}]
    _, events = await run(answer_actions.ActionAnswer(), asked)
    assert not [e for e in events if e.get("name") == "incident_text"]


def test_an_answer_meant_for_someone_is_passed_over_when_the_resident_said_nothing_of_it():
    """"my husband hits me" is not asking about help for men (issue 24, "Context"); in a
    language whose words are not known yet, nothing is passed over."""
    parse = ranked(("da_men_help", 0.46), ("da_my_fault", 0.05))
    assert KNOWLEDGE.decide(parse, frozenset()) == answers.Decision(None)
    assert KNOWLEDGE.decide(parse, frozenset({"lgbt"})) == answers.Decision(None)
    assert KNOWLEDGE.decide(parse, frozenset({"men"})).sure.id == "da_men_help"
    assert KNOWLEDGE.decide(parse, None).sure.id == "da_men_help"
    assert answers.listener(["my husband hits me"], "en") == frozenset()
    assert answers.listener(["im a bloke and my wife hits me"], "en") == frozenset({"men"})
    assert answers.listener(["mąż mnie bije"], "pl") is None


async def test_a_told_incident_whose_answer_is_for_someone_else_gets_the_topics_help():
    text = "my husband hits me"
    told = question(ranked(("da_men_help", 0.46), ("none", 0.32), ("da_my_fault", 0.05)), text)
    told.latest_message["intent_ranking"] = [{"name": "domestic_abuse", "confidence": 0.96}]
    messages, events = await run(answer_actions.ActionAnswer(), told)
    guidance = signposting.default().text("domestic_abuse")
    assert messages[0]["text"].startswith(guidance)
    assert all(m["text"] != KNOWLEDGE.answers["da_men_help"].answer for m in messages)
    assert messages[-1]["text"] == said("utter_offer_record")
    assert {"event": "slot", "timestamp": None, "name": "topic",
            "value": "domestic_abuse"} in events


async def test_a_told_incident_the_selector_is_unsure_of_gets_the_topics_help_not_choices():
    """"i think my drink was spiked at a club": spiking's guidance and how long ago it was,
    not a choice of questions the resident did not ask; a question still gets the choices."""
    unsure = ranked(("sp_what_now", 0.25), ("sp_needle", 0.2), ("sp_next_day", 0.15))
    told = question(unsure, "i think my drink was spiked at a club, i feel awful")
    told.latest_message["intent_ranking"] = [{"name": "spiking", "confidence": 0.9}]
    assert KNOWLEDGE.decide(told.latest_message) == answers.Decision(None)
    messages, _ = await run(answer_actions.ActionAnswer(), told)
    assert messages[0]["text"].startswith(signposting.default().text("spiking"))
    assert messages[1]["text"] == said("utter_ask_spiking_time")
    asked = KNOWLEDGE.decide({**unsure, "intent_ranking": [{"name": "out_of_scope"}]})
    assert [a.id for a in asked.choices] == ["sp_what_now", "sp_needle", "sp_next_day"]
