"""How well the engine picks answers (data/answers.yml), scored through the same decision
the bot makes: the answer when it is sure, "I'm not sure" with choices, or no answer."""

from __future__ import annotations

from bot.answers import NONE, KnowledgeBase, listener
from bot.evaluation.data import Question
from bot.language.detect import detect
from bot.topics import ASK_QUESTION


def outcome(parse: dict, knowledge: KnowledgeBase) -> tuple[str, str | None]:
    """("answer", id), ("unsure", None) or ("none", None) for one parse, as the first
    message of a conversation (in the language it is detected in)."""
    if (parse.get("intent") or {}).get("name") != ASK_QUESTION:
        return "none", None
    text = parse.get("text") or ""
    decision = knowledge.decide(parse, listener([text], detect(text).language))
    if decision.sure is not None:
        return "answer", decision.sure.id
    return ("unsure", None) if decision.choices else ("none", None)


def score(questions: list[Question], parses: dict[str, dict],
          knowledge: KnowledgeBase) -> dict:
    """Top-1 (the right answer given) and wrong answers over the questions that have one;
    answers given to messages that should get none; "not sure" is never wrong."""
    asked = [q for q in questions if q.answer != NONE]
    others = [q for q in questions if q.answer == NONE]
    said = {q.text: outcome(parses[q.text], knowledge) for q in questions}
    right = [q for q in asked if said[q.text] == ("answer", q.answer)]
    wrong = [q for q in asked if said[q.text][0] == "answer" and said[q.text][1] != q.answer]
    unsure = [q for q in asked if said[q.text][0] == "unsure"]
    false_answers = [q for q in others if said[q.text][0] == "answer"]
    total = len(questions) or 1
    return {
        "questions": len(asked), "no_answer_messages": len(others),
        "top1": round(len(right) / (len(asked) or 1), 3),
        "wrong_rate": round((len(wrong) + len(false_answers)) / total, 3),
        "wrong": len(wrong), "unsure": len(unsure),
        "unanswered": len(asked) - len(right) - len(wrong) - len(unsure),
        "answered_when_none": len(false_answers),
        "unsure_when_none": sum(said[q.text][0] == "unsure" for q in others),
        "mistakes": [{"text": q.text, "expected": q.answer, "got": said[q.text]}
                     for q in [*wrong, *false_answers]],
    }
