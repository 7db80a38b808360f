"""The deterministic urgent-danger check that runs on every message before the model.

It must hold when the engine is down or the model is wrong, so it is plain patterns:
a weapon, a threat to life, violence happening now, someone collapsed or not breathing,
someone trying to get in. It prefers a false alarm to a miss: a wrongly shown 999
line costs a sentence, a missed one can cost a life.
"""

from __future__ import annotations

import re

_SOMEONE = r"(?:me|him|her|them|us|my \w+)"

URGENT_PATTERNS = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # a weapon, or a weapon used
        r"\b(?:knife|knives|blade|machete|gun|firearm|shotgun|acid|axe|weapon|weapons)\b",
        r"\b(?:stabb(?:ed|ing)|shooting|been shot|getting shot)\b",
        # threats to life, violence happening now
        r"\b(?:kill|stab|shoot|strangle|choke|burn)(?:ing|s|ed)?\s+(?:the\b|" + _SOMEONE + ")",
        r"\b(?:going to|gonna|will|'ll|threaten\w*(?: to)?)\s+(?:kill|hurt|stab|attack|beat|rape)\b",
        r"\b(?:hitting|beating|punching|kicking|strangling|choking|attacking|raping|hurting)\s+"
        + _SOMEONE,
        r"\b(?:being|getting)\s+(?:attacked|beaten|stabbed|strangled|assaulted)\b",
        r"\bthreatening\s+" + _SOMEONE + r"\s+with\b",
        # someone getting in, or being held, chased or followed
        r"\b(?:trying|tryin)\s+to\s+(?:get|break|kick|force\s+(?:his|her|their)\s+way)\s+in\b",
        r"\b(?:break(?:ing)?|kick(?:ing)?|bang(?:ing)?|smash(?:ing)?)\s+(?:down\s+|in\s+)?"
        r"(?:my|the|our)\s+(?:door|window)",
        r"\b(?:breaking in|broken in and|intruder)\b",
        r"\bburglars? (?:is |are )?(?:in|inside|downstairs|upstairs)\b",
        r"\b(?:locked (?:me )?in|won'?t let me (?:leave|out|go)|holding me)\b",
        r"\b(?:following|chasing)\s+(?:me|us)\b|\bbeing (?:followed|chased)\b",
        r"\boutside my (?:door|house|flat|window)\b",
        # someone collapsed, not breathing, unconscious
        r"\b(?:not|isn'?t|is not|stopped|can'?t|cannot)\s+breath(?:e|ing)\b",
        r"\b(?:unconscious|unresponsive|passed out|collapsed|not responding|not moving)\b",
        r"\b(?:won'?t|can'?t|cannot)\s+wake\b|\bnot waking\b|\boverdos\w*",
        r"\b(?:can'?t|cannot)\s+(?:stand(?:\s+up)?|feel\s+my\s+(?:legs|arms|body))\b",
        r"\b(?:bleeding|blood everywhere|fitting|having a fit|seizure|turning blue)\b",
        # asking for help now
        r"\b(?:in danger|help me now|send help|call (?:the )?police for me|emergency)\b",
        r"\b(?:need|get|call)\s+(?:an? |the )?(?:ambulance|police (?:now|here|quick))\b",
        r"\bnot safe (?:now|right now|at the moment|currently|here|outside|again|still)\b",
        # self-harm
        r"\b(?:suicid\w*|kill myself|end my life|hurt myself|going to jump|gonna jump)\b",
    )
)


def is_urgent(text: str) -> bool:
    """True when the message suggests someone may be in immediate danger."""
    return any(p.search(text) for p in URGENT_PATTERNS)
