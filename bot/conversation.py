"""One conversation turn, the same for every channel: safety net, engine, fallback.

The safety net runs before the engine and independently of it, so someone in danger
gets emergency guidance first even when the engine is down or the model is wrong, in the
language of their words for danger. The language of the conversation is decided here
(bot/language) and travels to the engine with every message; a resident asking for a
language ("English please", "/language pl") is answered here, without the engine.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from bot import safety, signposting
from bot.crypto import DataCipher
from bot.engine import EngineClient, EngineUnavailable
from bot.language import (
    LANGUAGES,
    Language,
    asked_for,
    emergency_language,
    from_hint,
    next_language,
    translations,
)
from bot.storage.trackers import Trackers
from bot.topics import topic_without_model

log = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
LOCATION_DECIMALS = 3  # about 100 m: enough to find the nearest Safe Place
SHARE_LOCATION = "/share_location"  # what a shared location says to the engine
# Typed commands (Telegram's menu; also typed in the web chat), each the button payload
# that means the same, so "/help" is the capabilities and never a model's guess at "help".
COMMANDS = {"help": "/bot_capabilities", "report": "/report_incident",
            "saferplace": "/find_safe_place", "exit": "/quick_exit"}
# "/language pl": a language chosen (a Telegram button, the web page's choice).
LANGUAGE_COMMAND = "/language"
# What a chat is told when staff write about a report made in it: never the message, which
# could show on a lock screen or to someone looking over a shoulder (English here; in the
# report's language through `staff_message_notice`).
STAFF_MESSAGE_NOTICE = signposting.words("notice.staff_message")


def command_payload(text: str) -> str | None:
    """The payload a typed command stands for ("/help", "/report@SaferOxfordBot"), or None."""
    if not text.startswith("/"):
        return None
    name = text.split()[0][1:].split("@")[0].lower()
    return COMMANDS.get(name)


def chosen_language(text: str) -> str | None:
    """The language a message asks for: "/language pl", "English please", "do you speak
    Polish?"; None for any other message."""
    if is_language_command(text):
        words = text.split()
        return words[1].lower() if len(words) > 1 and words[1].lower() in LANGUAGES else None
    return asked_for(text)


def is_language_command(text: str) -> bool:
    """"/language", "/language@SaferOxfordBot pl": the command, whatever follows it."""
    words = text.split()
    return bool(words) and words[0].split("@")[0].lower() == LANGUAGE_COMMAND


def language_choice(language: str) -> dict:
    """The question "which language?" with a button per language, each named in itself."""
    return {"text": signposting.words("notice.choose_language", language),
            "buttons": [{"title": name, "payload": f"{LANGUAGE_COMMAND} {code}"}
                        for code, name in translations.language_names().items()]}


def staff_message_notice(language: str | None) -> str:
    return signposting.words("notice.staff_message", language)


@dataclass(frozen=True)
class Answer:
    """The bot's replies to one message, and the language the conversation is in now."""

    replies: list[dict]
    language: Language


@dataclass
class Conversations:
    """Turns a resident's message into the bot's replies, whichever channel it came from."""

    engine: EngineClient
    cipher: DataCipher
    trackers: Trackers
    case_review: dict[str, int]  # {"incidents": 3, "months": 6}: the ASB guidance's figures

    def sender_id(self, channel: str, raw_id: str) -> str:
        """The id the engine sees: a keyed hash, so trackers hold no Telegram id."""
        return f"{channel}-{self.cipher.identity(f'{channel}:{raw_id}')[:32]}"

    async def reply(self, sender: str, text: str, delivery: str | None = None,
                    location: tuple[float, float] | None = None,
                    language: Language | None = None, hint: str | None = None) -> Answer:
        """The bot's replies to `text` as [{"text": ..., "buttons": [...]}]; after a quick
        exit the last one is marked "quick_exit": true, for the channel to clear the chat.

        `delivery` ("tg:<chat id>") is where staff messages about a report made in this chat
        are announced; it reaches the engine only encrypted. A shared `location` (latitude,
        longitude) is rounded to about 100 m before it leaves this process. `language` is
        the conversation's so far (None: none yet), `hint` the channel's language setting.
        """
        urgent = safety.is_urgent(text)
        try:
            chosen = chosen_language(text)
            answering = next_language(language, text, hint)
            emergency_in = emergency_language(text, answering.code)
        except Exception as exc:  # noqa: BLE001 - never between a resident and the 999 lines
            log.error("deciding the language failed (%s): answering in the one so far",
                      type(exc).__name__)
            chosen, answering = None, language or Language(from_hint(hint))
            emergency_in = answering.code
        if chosen and not urgent:
            return Answer([{"text": translations.default().response(
                "utter_language_chosen", chosen).text}], Language(chosen, chosen=True))
        if is_language_command(text) and not urgent:
            return Answer([language_choice(answering.code)], answering)
        replies = [{"text": signposting.emergency(emergency_in), "alert": True}] if urgent else []
        answer = await self._engine_reply(sender, text, delivery, location, urgent,
                                          answering.code)
        return Answer(replies + answer, answering)

    async def _engine_reply(self, sender: str, text: str, delivery: str | None,
                            location: tuple[float, float] | None, urgent: bool,
                            language: str) -> list[dict]:
        """The engine's replies (or the app's own, when it cannot answer), after the
        emergency lines."""
        metadata: dict = {"emergency_shown": urgent, "language": language}
        if delivery:
            metadata["delivery"] = self.cipher.encrypt(delivery)
        if location:
            metadata["location"] = {"latitude": round(location[0], LOCATION_DECIMALS),
                                    "longitude": round(location[1], LOCATION_DECIMALS)}
        try:
            answer = await self.engine.send(sender, text, metadata)
        except EngineUnavailable as exc:
            log.warning("engine unavailable, answering without it: %s", exc)
            return self._without_engine(text, language)
        answered = [_message(m) for m in answer if m.get("text") or m.get("buttons")]
        if any((m.get("custom") or {}).get("quick_exit") for m in answer) and answered:
            # Leaving quickly: the conversation (and any unsent draft) leaves the engine's
            # store; the channel removes what it can of the chat, then shows this reply.
            forgotten = await self.trackers.forget(sender)
            return [*answered[:-1], {**answered[-1], "quick_exit": True}] + (
                [] if forgotten else [{"text": signposting.words("notice.not_forgotten",
                                                                 language)}])
        if not answered:
            # The engine said nothing: its action server is down or an action failed.
            log.warning("engine gave no reply, answering without it")
            return self._without_engine(text, language)
        return answered

    def _without_engine(self, text: str, language: str) -> list[dict]:
        """Never silent: the topic's guidance and services when the words show the topic,
        then that the service is having problems (with 101 and 999)."""
        topic = topic_without_model(text)
        helped = [{"text": signposting.topic_help(topic, dt.datetime.now(dt.UTC), language,
                                                  **self.case_review)}] if topic else []
        return helped + [{"text": signposting.default().text("unavailable", language)}]


def _message(raw: dict) -> dict:
    """A reply as the channels take it: text, buttons, and "alert" for the 999 lines."""
    message = {"text": raw.get("text", "")}
    if (raw.get("custom") or {}).get("alert"):
        message["alert"] = True
    buttons = [{"title": b["title"], "payload": b["payload"]}
               for b in raw.get("buttons") or [] if b.get("title") and b.get("payload")]
    if buttons:
        message["buttons"] = buttons
    return message
