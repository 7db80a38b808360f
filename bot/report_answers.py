"""The answers a report can hold (by the slot that asks for them), with the short names
the resident sees in the summary and staff see on the report page, and the words of each
choice (the buttons of the question in domain.yml)."""

from __future__ import annotations

import re
from functools import cache

import yaml

from bot.settings import PROJECT_ROOT

LABELS = {
    "report_role": "Who is reporting", "incident_text": "What happened",
    "report_strands": "Because of", "report_where": "Where", "report_when": "When",
    "report_ongoing": "Happened before", "report_injuries": "Anyone hurt",
    "report_suspect": "Person responsible", "report_evidence": "Online evidence",
    "report_impact": "Impact", "report_symptoms": "How they felt",
    "report_tested": "Tested", "report_contact": "Contact",
    "report_contact_how": "How to contact you", "report_contact_time": "Safe time to contact",
    "report_sharing": "What happens to it", "report_support_org": "Support organisation",
}


def options(domain: dict, slot: str) -> dict[str, str]:
    """The buttons of a question, value -> title, read from its response in the domain."""
    responses = domain.get("responses", {}).get(f"utter_ask_{slot}") or [{}]
    found = {}
    for button in responses[0].get("buttons") or []:
        match = re.search(r'"option":\s*"([^"]+)"', button.get("payload", ""))
        if match:
            found[match.group(1)] = button["title"]
    return found


@cache
def _domain() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


def shown(slot: str, value: str) -> str:
    """An answer as the resident chose it ("I saw it happen", not "witness")."""
    return options(_domain(), slot).get(value, value)
