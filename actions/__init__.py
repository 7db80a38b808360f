"""Rasa custom actions, served by rasa-sdk in the project's own environment."""

from bot import safety

safety.nets()  # every language's words compiled at start, not at a resident's first message
