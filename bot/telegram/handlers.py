"""Telegram handlers: every update gets a reply, through the same conversation service, in
the chat's language (kept in PTB's chat_data for the app's lifetime; after a restart the
next message's language, or the Telegram app's language setting, sets it again)."""

from __future__ import annotations

import contextlib
import logging

from bot import signposting
from bot.conversation import (
    COMMANDS,
    LANGUAGE_COMMAND,
    MAX_MESSAGE_CHARS,
    SHARE_LOCATION,
    Conversations,
    command_payload,
)
from bot.language import Language, from_hint, translations
from bot.telegram.flood import flood_guard
from bot.telegram.traces import TRACES_KEY, remember_incoming
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

log = logging.getLogger(__name__)

CONVERSATIONS_KEY = "conversations"
LANGUAGE_KEY = "language"  # chat_data: the chat's bot.language.Language
TELEGRAM_MESSAGE_LIMIT = 4096
# What the bot cannot take, said plainly (data/interface.yml); the first that matches answers.
NOT_TAKEN = (
    (filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE, "telegram.voice"),
    (filters.PHOTO | filters.VIDEO | filters.Document.ALL, "telegram.media"),
    (filters.Sticker.ALL | filters.ANIMATION, "telegram.sticker"),
    (filters.COMMAND, "telegram.unknown_command"),
)


def register(application: Application) -> None:
    """All handlers, and the error handler, in one place."""
    new = filters.UpdateType.MESSAGE
    application.add_handler(TypeHandler(Update, remember_incoming), group=-2)
    application.add_handler(TypeHandler(Update, flood_guard), group=-1)
    application.add_handler(MessageHandler(filters.UpdateType.EDITED, edited))
    application.add_handler(CommandHandler("start", start, filters=new))
    application.add_handler(CommandHandler(LANGUAGE_COMMAND[1:], choose_language, filters=new))
    application.add_handler(CommandHandler(list(COMMANDS), command, filters=new))
    application.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND, text_message))
    application.add_handler(MessageHandler(new & filters.LOCATION, location_message))
    application.add_handler(CallbackQueryHandler(button_pressed))
    application.add_handler(MessageHandler(filters.ALL, unsupported))
    application.add_error_handler(on_error)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A short, neutral welcome: what the bot does, that nobody watches the chat for
    emergencies, and how to leave quickly (rendered from the data, as it names 999)."""
    await say(context, update.effective_chat.id,
              signposting.default().text("welcome", language_of(update, context).code))


async def choose_language(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/language: the bot's languages as buttons, each named in itself ("Polski", "العربية");
    "/language pl" chooses one at once."""
    if len(update.effective_message.text.split()) > 1:
        await converse(update, context, update.effective_message.text)
        return
    buttons = [InlineKeyboardButton(name, callback_data=f"{LANGUAGE_COMMAND} {code}")
               for code, name in translations.language_names().items()]
    await say(context, update.effective_chat.id, words("notice.choose_language", context, update),
              InlineKeyboardMarkup([buttons[i:i + 2] for i in range(0, len(buttons), 2)]))


async def command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help, /report, /saferplace, /exit: the same as the words or buttons that mean them."""
    await converse(update, context, command_payload(update.effective_message.text))


async def edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await say(context, update.effective_chat.id, words("telegram.edited", context, update))


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text = update.effective_message.text.strip()
    if len(text) > MAX_MESSAGE_CHARS:
        await say(context, update.effective_chat.id,
                  words("telegram.too_long", context, update, limit=MAX_MESSAGE_CHARS))
        return
    await converse(update, context, text)


async def location_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A shared location: the nearest Safe Places, or the answer to "where" in a report."""
    where = update.effective_message.location
    await converse(update, context, SHARE_LOCATION, location=(where.latitude, where.longitude))


async def button_pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A Rasa button: answer the query, remove the keyboard, send the payload on."""
    query = update.callback_query
    await query.answer()
    await query.edit_message_reply_markup(reply_markup=None)
    await converse(update, context, query.data or "")


async def unsupported(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Anything but text, a location or a button: what the bot can't take, and what it can."""
    if update.effective_message and update.effective_chat:
        key = next((key for kind, key in NOT_TAKEN if kind.check_update(update)),
                   "telegram.text_only")
        await say(context, update.effective_chat.id, words(key, context, update))


async def converse(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                   location: tuple[float, float] | None = None) -> None:
    """Send the text to the conversation service and each reply back to the chat (one
    update at a time per chat: see `bot.telegram.ordering`)."""
    conversations: Conversations = context.bot_data[CONVERSATIONS_KEY]
    chat = update.effective_chat
    await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    answer = await conversations.reply(conversations.sender_id("tg", str(chat.id)), text,
                                       delivery=f"tg:{chat.id}", location=location,
                                       language=context.chat_data.get(LANGUAGE_KEY),
                                       hint=_hint(update))
    replies = answer.replies
    context.chat_data[LANGUAGE_KEY] = answer.language
    if any(reply.get("quick_exit") for reply in replies):
        context.chat_data.pop(LANGUAGE_KEY, None)
        await context.bot_data[TRACES_KEY].remove_chat(context.bot, chat.id)
    for reply in replies:
        parts = split_text(reply.get("text")
                           or signposting.words("telegram.choose_one", answer.language.code))
        for part in parts[:-1]:
            await say(context, chat.id, part)
        await say(context, chat.id, parts[-1], keyboard(reply))


def language_of(update: Update, context: ContextTypes.DEFAULT_TYPE) -> Language:
    """The chat's language so far, or the Telegram app's setting when there is none yet."""
    known = context.chat_data.get(LANGUAGE_KEY) if context.chat_data is not None else None
    return known or Language(from_hint(_hint(update)))


def _hint(update: Update) -> str | None:
    return update.effective_user.language_code if update.effective_user else None


def words(key: str, context: ContextTypes.DEFAULT_TYPE, update: Update, **values: object) -> str:
    """One of the bot's own lines (data/interface.yml) in the chat's language."""
    return signposting.words(key, language_of(update, context).code, **values)


async def say(context: ContextTypes.DEFAULT_TYPE, chat_id: int, text: str,
              markup: InlineKeyboardMarkup | None = None) -> None:
    """Send a message and note its id, so a quick exit can delete it."""
    await context.bot_data[TRACES_KEY].send(context.bot, chat_id, text, markup)


def keyboard(reply: dict) -> InlineKeyboardMarkup | None:
    """Rasa buttons as an inline keyboard, one button a row; None when there are none."""
    buttons = reply.get("buttons")
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b["title"], callback_data=b["payload"])] for b in buttons])


def split_text(text: str, limit: int = TELEGRAM_MESSAGE_LIMIT) -> list[str]:
    """Pieces of at most `limit` characters, cut at a line or word break where possible."""
    parts = []
    while len(text) > limit:
        cut = max(text.rfind("\n", 0, limit), text.rfind(" ", 0, limit))
        cut = cut if cut > 0 else limit
        parts.append(text[:cut])
        text = text[cut:].lstrip()
    return parts + [text]


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the error type only (never message content) and tell the user to try again."""
    log.error("telegram handler failed: %s", type(context.error).__name__)
    if isinstance(update, Update) and update.effective_chat:
        with contextlib.suppress(TelegramError):  # Telegram itself failing: nothing to say
            await say(context, update.effective_chat.id, words("telegram.try_again", context,
                                                                update))
