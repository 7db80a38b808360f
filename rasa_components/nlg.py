"""The engine's own responses in the resident's language.

The engine says some responses by itself: a form's next question, a rule's greeting. In
English it says them from domain.yml, as Rasa always does. In another language it asks
the action server (`url`, its /nlg route: actions/nlg.py), which says them from the same
phrasebook as the actions' own words, so the engine never reads the translations itself.
Only what the answer needs is sent (the response's name, its values and the language), not
the whole conversation that Rasa's own callback generator sends with every response.

Named in endpoints.yml (`nlg: type: rasa_components.nlg.LanguageNLG`): a generator Rasa
loads by its module path. It is a TemplatedNaturalLanguageGenerator, so Rasa hands it the
model's responses when the model loads, as it does its own.
"""

from __future__ import annotations

from typing import Any

from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.nlg.callback import CallbackNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

ENGLISH = "en"


class LanguageNLG(TemplatedNaturalLanguageGenerator):
    """domain.yml's responses in English; the action server's in any other language."""

    def __init__(self, endpoint_config: EndpointConfig, domain: Domain) -> None:
        super().__init__(domain.responses)
        self.endpoint = endpoint_config

    async def generate(self, utter_action: str, tracker: DialogueStateTracker,
                       output_channel: str, **kwargs: Any) -> dict[str, Any] | None:
        language = tracker.get_slot("language") or ENGLISH
        if language == ENGLISH:
            return await super().generate(utter_action, tracker, output_channel, **kwargs)
        values = {k: v for k, v in kwargs.items() if isinstance(v, str | int | float)}
        body = {"response": utter_action, "arguments": values,
                "tracker": {"slots": {"language": language}}}
        answer = await self.endpoint.request(method="post", json=body,
                                             timeout=DEFAULT_REQUEST_TIMEOUT)
        if not isinstance(answer, dict) or not CallbackNaturalLanguageGenerator.validate_response(
                answer):
            raise RasaException("the action server's NLG answer is not a response")
        return answer or None
