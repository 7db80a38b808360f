"""Faster versions of two Rasa 3.6 internals, installed in the engine at start-up; each
gives the same answers as Rasa's own (tests/test_engine_components.py compares them).

- Rasa checks every answer of the action server with `jsonschema.validate`, which first
  checks the schema itself against JSON Schema's meta-schema: that was about 70% of the
  engine's time (a report turn calls the action server several times). The schema never
  changes, so it is checked once and a prepared validator checks each answer, with the
  same errors and the same message Rasa adds.
- Rasa finds an event's class by walking every subclass of `Event` for each event it
  reads (45 µs each): most of the time spent loading a conversation from the store, which
  it does at every message. The classes are known once imported, so they are looked up in
  a table; a name not in it gets Rasa's own answer.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema import exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

_rasas_resolve_by_type = Event.resolve_by_type


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


@cache
def _event_classes() -> dict[str, type[Event]]:
    """Each event name's class, the first in Rasa's own search order."""
    classes: dict[str, type[Event]] = {}
    for cls in all_subclasses(Event):
        classes.setdefault(cls.type_name, cls)
    return classes


def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
    """Rasa's `Event.resolve_by_type`, from a table."""
    return _event_classes().get(type_name) or _rasas_resolve_by_type(type_name, default)


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
    Event.resolve_by_type = staticmethod(resolve_by_type)
