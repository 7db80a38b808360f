"""How the tests and the bench talk to the bot: the report form's questions known by their
wording in domain.yml, button payloads, and a witness's answers to a whole report."""

from __future__ import annotations

import re

import yaml

from bot.settings import PROJECT_ROOT

REFERENCE = re.compile(r"\b([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})\b")
QUESTIONS = {slot.removeprefix("utter_ask_"): value[0]["text"] for slot, value in
             yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())["responses"].items()
             if slot.startswith("utter_ask_report") or slot == "utter_ask_incident_text"}
QUESTIONS["report_support_org"] = "You can choose another."  # asked by a custom action
REVIEW = "Please check your report"


def choose(option: str) -> str:
    """The payload of the form's button for `option`."""
    return f'/choose{{"option": "{option}"}}'


def texts(replies: list[dict]) -> str:
    return "\n".join(r.get("text") or "" for r in replies)


def payloads(replies: list[dict]) -> list[str]:
    return [b["payload"] for r in replies for b in r.get("buttons") or []]


def question_in(replies: list[dict]) -> str | None:
    """The form question the bot asked last, by its wording in domain.yml."""
    said = texts(replies)
    if REVIEW in said:
        return "report_review"
    asked = [(said.rfind(q), slot) for slot, q in QUESTIONS.items() if q in said]
    return max(asked)[1] if asked else None


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
