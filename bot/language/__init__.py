"""The resident's language: which one a message is in, which one to answer in, and what
the bot says in it (translations.py).

The bot answers in the language the resident writes in, and keeps it for short messages
and buttons ("ok", "tak", a button's payload say too little). A language the resident
chose (the web page's choice, /language on Telegram, "English please", "do you speak
Polish?") is kept until they choose another. Telegram's own language setting is only a
hint, for a first message too short to tell.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot import safety
from bot.language.detect import Detected, detect
from bot.language.names import (
    ENGLISH_NAMES,
    LANGUAGES,
    OWN_NAMES,
    RIGHT_TO_LEFT,
    asked_for,
)

__all__ = ["ENGLISH_NAMES", "LANGUAGES", "OWN_NAMES", "RIGHT_TO_LEFT", "Detected", "Language",
           "asked_for", "detect", "emergency_language", "from_hint", "next_language"]


@dataclass(frozen=True)
class Language:
    """The language a conversation is answered in, and whether the resident chose it."""

    code: str = "en"
    chosen: bool = False


def from_hint(hint: str | None) -> str:
    """A channel's language setting ("pl", "pt-br", "zh-hans") as one of the bot's
    languages; English when it is none of them."""
    code = (hint or "").split("-")[0].split("_")[0].lower()
    return code if code in LANGUAGES else "en"


def next_language(current: Language | None, text: str, hint: str | None = None) -> Language:
    """The language to answer `text` in, given the conversation's so far.

    A request for a language wins; a button or command keeps the language; a chosen one is
    kept; otherwise a message sure to be in a language switches to it, and an unsure one
    keeps the current language (or, first of all, takes the words of danger it has, then
    the channel's hint)."""
    asked = asked_for(text)
    if asked:
        return Language(asked, chosen=True)
    if text.startswith("/") or (current and current.chosen):
        return current or Language(from_hint(hint))
    found = detect(text)
    if found.sure:
        return Language(found.language)
    if current:
        return current
    danger = [code for code in safety.languages_of_danger(text) if code != "en"]
    if found.language in danger or (danger and found.language == "en"):
        return Language(found.language if found.language in danger else danger[0])
    return Language(danger[0] if danger else from_hint(hint))


def emergency_language(text: str, answering: str) -> str:
    """The language of the emergency lines for a message: the conversation's, unless the
    message's words for danger are in another language only ("pomocy, on ma nóż" in a
    conversation so far in English gets them in Polish)."""
    fired = safety.languages_of_danger(text)
    if not fired or answering in fired:
        return answering
    seems = detect(text).language  # "socorro" is Spanish and Portuguese: the letters decide
    return seems if seems in fired else next((code for code in fired if code != "en"), fired[0])
