"""What the actions say, in the conversation's language: domain.yml's responses, guidance
and the bot's own words, from one phrasebook (bot/language/translations.py)."""

from __future__ import annotations

from collections.abc import Iterable

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import safety, signposting
from bot.language import translations


def language_of(tracker: Tracker) -> str:
    """The conversation's language: this message's (set by the app), or the slot that
    keeps the last one."""
    return ((tracker.latest_message.get("metadata") or {}).get("language")
            or tracker.get_slot("language") or "en")


def say(dispatcher: CollectingDispatcher, tracker: Tracker, response: str,
        buttons: Iterable[dict] = (), **values: object) -> None:
    """A response of domain.yml in the conversation's language, with its own buttons and
    any the action adds."""
    said = translations.default().render(response, language_of(tracker), **values)
    dispatcher.utter_message(text=said["text"], buttons=[*said["buttons"], *buttons])


def words(tracker: Tracker, key: str, **values: object) -> str:
    """One of the bot's own words (data/interface.yml) in the conversation's language."""
    return signposting.words(key, language_of(tracker), **values)


def guidance(tracker: Tracker, key: str, **figures: object) -> str:
    """A guidance text (data/signposting.yml) in the conversation's language."""
    return signposting.default().text(key, language_of(tracker), **figures)


def button(tracker: Tracker, key: str, payload: str) -> dict:
    """A button the action adds, its title one of the bot's own words."""
    return {"title": words(tracker, key), "payload": payload}


def choices(tracker: Tracker, slot: str) -> dict[str, str]:
    """A form question's buttons as option -> title, in the conversation's language."""
    said = translations.default().response(f"utter_ask_{slot}", language_of(tracker))
    return dict(said.buttons)


def is_cancel(text: str, tracker: Tracker | None = None) -> bool:
    """"cancel", "stop", "anuluj"...: the resident wants out of what they were doing (the
    words in English and in the conversation's language)."""
    said = {signposting.words("words.cancel")}
    if tracker is not None:
        said.add(words(tracker, "words.cancel"))
    return _plain(text) in {_plain(word) for line in said for word in line.split(",")}


def _plain(text: str) -> str:
    """"I’ve changed my mind!" and "ive changed my mind" alike."""
    return safety.normalise(text).replace("'", "").strip().rstrip(".!")
