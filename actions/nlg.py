"""The engine's responses in the resident's language: Rasa's NLG callback.

The engine says some responses by itself: a form's next question, a rule's greeting or
goodbye. In a language other than English it asks this server for each one
(rasa_components/nlg.py), with the response's name, its values and the language, in the
shape of Rasa's NLG callback; the answer is the response of domain.yml in that language,
from the phrasebook the actions speak from (bot/language/translations.py), buttons' titles
translated and their payloads as they were.
"""

from __future__ import annotations

import logging

from sanic import Request, response
from sanic.response import HTTPResponse

from bot.language import translations

log = logging.getLogger(__name__)


async def respond(request: Request) -> HTTPResponse:
    """{"response": "utter_x", "arguments": {...}, "tracker": {"slots": {...}}} in,
    {"text", "buttons"} out; nothing for a response the domain does not have."""
    body = request.json if isinstance(request.json, dict) else {}
    name = body.get("response")
    phrasebook = translations.default()
    if name not in phrasebook.english["responses"]:
        log.warning("NLG asked for an unknown response")
        return response.json({})
    slots = (body.get("tracker") or {}).get("slots") or {}
    values = {k: v for k, v in (body.get("arguments") or {}).items()
              if isinstance(v, str | int | float)}
    return response.json(phrasebook.render(name, slots.get("language"), **values))
