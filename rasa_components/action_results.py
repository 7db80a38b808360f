"""A faster check of the action server's answers, installed in the engine at start-up.

Rasa 3.6 checks every answer of the action server with `jsonschema.validate`, which first
checks the schema itself against JSON Schema's meta-schema: on this bot that was about 70%
of the engine's time (a report turn calls the action server several times). The schema
never changes, so it is checked once here and a prepared validator does the per-answer
check, with the same errors and the same message Rasa adds.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@cache
def _validator() -> Any:
    """The answer schema's validator, its schema checked once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(_action: RemoteAction, result: dict[str, Any]) -> bool:
    """Rasa's `RemoteAction._validate_action_result`, without re-checking the schema."""
    error = exceptions.best_match(_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (". Failed to validate Action server response from API, make sure your "
                      "response from the Action endpoint is valid. For more information about "
                      f"the format visit {DOCS_BASE_URL}/custom-actions")
    raise error


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
