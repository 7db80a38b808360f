"""The knowledge base: answers to the questions residents ask (data/answers.yml), and how
sure the engine must be to give one.

Each entry has question variants (the engine's answer selector learns them:
rasa_components/answer_selector.py), a short answer, a longer "tell me more", its sources
and the date they were last checked. Numbers, addresses and web sites are never written in
an answer: like the guidance texts, answers name a directory service as {service_id.field},
and the loader refuses one that names a service or field the directory does not have.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from bot import directory
from bot.datafiles import read_yaml, reloaded
from bot.directory.audiences import audiences_in
from bot.directory.services import AUDIENCES
from bot.language import translations
from bot.settings import PROJECT_ROOT
from bot.signposting import SignpostingError, render_facts, with_figures
from bot.topics import TOPIC_OF_INTENT, TOPICS

ANSWERS_FILE = PROJECT_ROOT / "data" / "answers.yml"
ANSWER_TOPICS = (*TOPICS, "service")
# A reply must fit a phone screen (about 80 words at most): the short answer at most
# ANSWER_WORDS, the longer one at most MORE_WORDS (numbers filled in).
ANSWER_WORDS = 70
MORE_WORDS = 130
# The answer selector's probability for its best answer: at least SURE, the answer; below,
# "I'm not sure" with the best CHOICES as buttons (rasa_components/answer_selector.py does
# not offer one below its own threshold). Chosen on the validation split (docs/answers.md).
SURE = 0.3
# ... or at least 0.2 and twice the next answer's: a clear lead among 127 answers.
CLEAR_LEAD = (0.2, 2.0)
CHOICES = 3
# Below this the engine gives no answer (the selector's `threshold`, config.yml); an answer
# passed over can leave only such ones.
LEAST = 0.15
NONE = "none"
# A phone number written into an answer rather than named from the directory: 999, 101,
# 111, or five or more digits in a row (spaces allowed).
_NUMBER = re.compile(r"(?<!\d)(?:999|101|111|\d(?:\s?\d){4,})(?!\d)")


class AnswersError(ValueError):
    """A knowledge-base file that must not be used; the message names entry and problem."""


@dataclass(frozen=True)
class Answer:
    id: str
    topic: str
    title: str  # the question, short enough for a button
    questions: tuple[str, ...]
    answer: str
    more: str
    sources: tuple[str, ...]
    last_checked: dt.date
    audiences: frozenset[str] = frozenset()  # `for`: given only to these (empty: anyone)


@dataclass(frozen=True)
class Decision:
    """What the selector's parse means: one answer, "not sure" between some, or none."""

    sure: Answer | None
    choices: tuple[Answer, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    answers: dict[str, Answer]

    def decide(self, parse: dict, audiences: frozenset[str] | None = None) -> Decision:
        """The answer for a parse, or the choices to offer when the selector is unsure.
        With `audiences` (who the resident said they are; None: not known), an answer meant
        for someone else is passed over ("my husband hits me" is not asking about help for
        men); none left likely enough: no answer, and the topic's help is given instead."""
        ranking = [r for r in ((parse.get("answer") or {}).get("ranking") or [])
                   if r.get("id") in self.answers
                   and (audiences is None or not self.answers[r["id"]].audiences
                        or self.answers[r["id"]].audiences & audiences)]
        if not ranking or float(ranking[0].get("confidence") or 0.0) < LEAST:
            return Decision(None)
        best = float(ranking[0].get("confidence") or 0.0)
        second = float(ranking[1].get("confidence") or 0.0) if len(ranking) > 1 else 0.0
        if best >= SURE or (best >= CLEAR_LEAD[0] and best >= CLEAR_LEAD[1] * second):
            return Decision(self.answers[ranking[0]["id"]])
        if told_topic(parse):
            # "i think my drink was spiked at a club": the topic's help (and, for spiking,
            # how long ago), not a choice of questions they did not ask.
            return Decision(None)
        return Decision(None, tuple(self.answers[r["id"]] for r in ranking[:CHOICES]))

    def text(self, answer_id: str, part: str, language: str | None = None,
             **figures: object) -> str:
        """The short answer or the longer one ("more"), with the {{figures}} the caller
        gives filled in; in English, with the line saying so, for a resident writing
        another language (no answer is translated yet)."""
        entry = self.answers[answer_id]
        text = with_figures(entry.answer if part == "answer" else entry.more, **figures)
        if language not in (None, "en"):
            text = f"{text}\n{translations.default().note(language)}"
        return text


def load(path: Path = ANSWERS_FILE) -> KnowledgeBase:
    """Read and check the file against the directory; raise AnswersError naming what is
    wrong."""
    raw = read_yaml(path, AnswersError)
    entries = raw.get("answers") if isinstance(raw, dict) else None
    if not isinstance(entries, dict) or not entries:
        raise AnswersError(f"{path}: needs an 'answers' mapping")
    facts = {sid: s.fields() for sid, s in directory.default().services.items()}
    answers = {}
    for answer_id, entry in entries.items():
        try:
            answers[answer_id] = _answer(path, answer_id, entry, facts)
        except (KeyError, TypeError, ValueError, SignpostingError) as exc:
            raise AnswersError(f"{path}: answer {answer_id!r}: {exc}") from None
    return KnowledgeBase(answers)


def _answer(path: Path, answer_id: str, entry: dict, facts: dict) -> Answer:
    if entry["topic"] not in ANSWER_TOPICS:
        raise ValueError(f"topic must be one of {', '.join(ANSWER_TOPICS)}")
    questions = tuple(str(q) for q in entry["questions"])
    if len(questions) < 5:
        raise ValueError("needs at least 5 question variants")
    for part in ("answer", "more"):
        if _NUMBER.search(re.sub(r"\{[^{}]*\}", "", str(entry[part]))):
            raise ValueError(f"{part} writes a phone number: name it from the directory")
    answer = render_facts(path, answer_id, str(entry["answer"]).strip(), facts)
    more = render_facts(path, answer_id, str(entry["more"]).strip(), facts)
    for part, text, limit in (("answer", answer, ANSWER_WORDS), ("more", more, MORE_WORDS)):
        if len(text.split()) > limit:
            raise ValueError(f"{part} has {len(text.split())} words (at most {limit})")
    if not entry["sources"]:
        raise ValueError("needs its sources")
    checked = entry["last_checked"]
    if not isinstance(checked, dt.date):
        raise ValueError("last_checked must be a date (YYYY-MM-DD)")
    meant_for = frozenset(entry.get("for") or ())
    if meant_for - set(AUDIENCES):
        raise ValueError(f"for must name some of {', '.join(AUDIENCES)}")
    return Answer(answer_id, entry["topic"], str(entry["title"]), questions, answer, more,
                  tuple(str(s) for s in entry["sources"]), checked, meant_for)


def told_topic(parse: dict) -> str | None:
    """The topic the intent model read the message as telling of (None: a question, a
    request or small talk)."""
    ranking = parse.get("intent_ranking") or []
    return TOPIC_OF_INTENT.get(ranking[0].get("name")) if ranking else None


def listener(said: list[str], language: str | None) -> frozenset[str] | None:
    """Who the resident said they are, for answers meant for someone (`for`); None (every
    answer may be given) in another language than English, whose words
    data/audiences.yml does not have yet."""
    return audiences_in(said) if language in (None, "en") else None


def default() -> KnowledgeBase:
    """The project's knowledge base, read again when it or the directory changes (as the
    guidance is: bot/signposting.py)."""
    return reloaded("answers", (ANSWERS_FILE, *translations.source_files()), load,
                    AnswersError)
