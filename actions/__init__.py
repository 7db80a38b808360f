"""Rasa custom actions, served by rasa-sdk in the project's own environment."""
