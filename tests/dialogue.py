"""How the tests and the bench talk to the bot: the report form's questions known by their
wording (domain.yml, or its translation), button payloads, and a witness's answers to a
whole report."""

from __future__ import annotations

import re
from functools import cache

from bot.language import translations

REFERENCE = re.compile(r"\b([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\b")


@cache
def questions(language: str = "en") -> dict[str, str]:
    """Each question of the report form by its slot, as the bot asks it in `language`; the
    summary (report_review) by the words before it."""
    phrasebook = translations.default()
    said = {slot.removeprefix("utter_ask_"): phrasebook.render(slot, language)["text"]
            for slot in phrasebook.english["responses"]
            if slot.startswith("utter_ask_report") or slot == "utter_ask_incident_text"}
    # asked by a custom action: the words after the organisation's summary
    said["report_support_org"] = phrasebook.render(
        "utter_suggest_organisation", language)["text"].split("{summary}")[-1].strip()
    said["report_review"] = phrasebook.render(
        "utter_check_your_report", language)["text"].split("{summary}")[0].strip()
    return said


QUESTIONS = questions()
REVIEW = QUESTIONS["report_review"]


def choose(option: str) -> str:
    """The payload of the form's button for `option`."""
    return f'/choose{{"option": "{option}"}}'


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text") or "" for r in replies)


def payloads(replies: list[dict]) -> list[str]:
    return [b["payload"] for r in replies for b in r.get("buttons") or []]


def question_in(replies: list[dict], language: str = "en") -> str | None:
    """The form question the bot asked last, by its wording in `language`."""
    said, asked = texts(replies), questions(language)
    if asked["report_review"] in said:
        return "report_review"
    found = [(said.rfind(q), slot) for slot, q in asked.items() if q in said]
    return max(found)[1] if found else None


# An anonymous witness's hate-crime report, with consent to refer to support.
WITNESS_ACCOUNT = "a man shouted racist abuse at my neighbour outside the mosque on cowley road"
WITNESS_ANSWERS = {
    "report_role": [choose("witness")],
    "report_strands": [choose("race"), choose("religion"), choose("done")],
    "report_where": ["outside the mosque on Cowley Road"],
    "report_when": ["yesterday about 6pm"],
    "report_ongoing": [choose("before")],
    "report_injuries": [choose("none")],
    "report_suspect": ["tall man, grey hoodie, about 40"],
    "report_evidence": [choose("skip")],
    "report_contact": [choose("anonymous")],
    "report_sharing": [choose("support")],
}
