"""The deterministic urgent-danger check that runs on every message before the model.

It must hold when the engine is down or the model is wrong, so it is plain patterns:
a weapon, a threat to life, violence happening now, someone collapsed or not breathing,
someone trying to get in. It prefers a false alarm to a miss: a wrongly shown 999
line costs a sentence, a missed one can cost a life.
"""

from __future__ import annotations

import re

_NOW = r"(?:now|right now|at the moment|currently|here|outside|again|still)"

URGENT_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:knife|knives|blade|machete|gun|firearm|shotgun|acid)\b",
        r"\b(?:kill|stab|shoot|strangle|choke|burn)(?:ing|s|ed)?\s+(?:me|him|her|them|us|my|the)\b",
        r"\b(?:going to|gonna|will|threaten\w*(?: to)?)\s+(?:kill|hurt|stab|attack|beat|rape)\b",
        r"\b(?:trying|tryin)\s+to\s+(?:get|break|kick)\s+in\b",
        r"\b(?:break(?:ing)?|kick(?:ing)?|bang(?:ing)?|smash(?:ing)?)\s+(?:down\s+|in\s+)?"
        r"(?:my|the|our)\s+(?:door|window)",
        r"\b(?:hitting|beating|punching|kicking|strangling|choking|attacking|raping)\s+"
        r"(?:me|him|her|them|us|my)\b",
        r"\b(?:not|isn'?t|is not|stopped|can'?t|cannot)\s+breath(?:e|ing)\b",
        r"\b(?:unconscious|unresponsive|passed out|collapsed|won'?t wake|not waking|overdos\w*)\b",
        r"\b(?:bleeding|blood everywhere|fitting|seizure)\b",
        r"\b(?:in danger|not safe " + _NOW + r"|help me now|call (?:the )?police for me|emergency)\b",
        r"\b(?:locked (?:me )?in|won'?t let me (?:leave|out)|holding me)\b",
        r"\b(?:following me|outside my (?:door|house|flat|window))\b",
        r"\b(?:suicid\w*|kill myself|end my life)\b",
    )
)


def is_urgent(text: str) -> bool:
    """True when the message suggests someone may be in immediate danger."""
    return any(p.search(text) for p in URGENT_PATTERNS)
