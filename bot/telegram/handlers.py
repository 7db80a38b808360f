"""Telegram handlers: every update gets a reply, through the same conversation service."""

from __future__ import annotations

import contextlib
import logging

from bot import signposting
from bot.conversation import (
    COMMANDS,
    MAX_MESSAGE_CHARS,
    SHARE_LOCATION,
    Conversations,
    command_payload,
)
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
TELEGRAM_MESSAGE_LIMIT = 4096
TEXT_ONLY = ("I can only read text messages for now. Please type what happened, "
             "in your own words.")
# What the bot cannot take, said plainly; the first that matches answers.
NOT_TAKEN = (
    (filters.VOICE | filters.AUDIO | filters.VIDEO_NOTE,
     "I can't listen to voice notes or audio. Please type what happened, in your own words."),
    (filters.PHOTO | filters.VIDEO | filters.Document.ALL,
     "I can't open photos, videos or files, and please don't send them here. Type what "
     "happened instead; if you have pictures as evidence, keep them safe and mention them "
     "in a report: the team can ask for them."),
    (filters.Sticker.ALL | filters.ANIMATION,
     "I can't read stickers or GIFs. Please type your message."),
    (filters.COMMAND,
     "I don't know that command. I know /start, /help, /report, /saferplace and /exit, or "
     "just type what happened."),
)
EDITED = ("I can't see changes to a message you already sent. Please send what you wanted "
          "to say as a new message.")
TOO_LONG = f"That message is too long for me. Please keep it under {MAX_MESSAGE_CHARS} characters."
TRY_AGAIN = "Sorry, something went wrong on our side. Please try again in a moment."


def register(application: Application) -> None:
    """All handlers, and the error handler, in one place."""
    new = filters.UpdateType.MESSAGE
    application.add_handler(TypeHandler(Update, remember_incoming), group=-2)
    application.add_handler(TypeHandler(Update, flood_guard), group=-1)
    application.add_handler(MessageHandler(filters.UpdateType.EDITED, edited))
    application.add_handler(CommandHandler("start", start, filters=new))
    application.add_handler(CommandHandler(list(COMMANDS), command, filters=new))
    application.add_handler(MessageHandler(new & filters.TEXT & ~filters.COMMAND, text_message))
    application.add_handler(MessageHandler(new & filters.LOCATION, location_message))
    application.add_handler(CallbackQueryHandler(button_pressed))
    application.add_handler(MessageHandler(filters.ALL, unsupported))
    application.add_error_handler(on_error)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A short, neutral welcome: what the bot does, that nobody watches the chat for
    emergencies, and how to leave quickly (rendered from the data, as it names 999)."""
    await say(context, update.effective_chat.id, signposting.default().text("welcome"))


async def command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help, /report, /saferplace, /exit: the same as the words or buttons that mean them."""
    await converse(update, context, command_payload(update.effective_message.text))


async def edited(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await say(context, update.effective_chat.id, EDITED)


async def text_message(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    text = update.effective_message.text.strip()
    if len(text) > MAX_MESSAGE_CHARS:
        await say(context, update.effective_chat.id, TOO_LONG)
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
        said = next((text for kind, text in NOT_TAKEN if kind.check_update(update)), TEXT_ONLY)
        await say(context, update.effective_chat.id, said)


async def converse(update: Update, context: ContextTypes.DEFAULT_TYPE, text: str,
                   location: tuple[float, float] | None = None) -> None:
    """Send the text to the conversation service and each reply back to the chat (one
    update at a time per chat: see `bot.telegram.ordering`)."""
    conversations: Conversations = context.bot_data[CONVERSATIONS_KEY]
    chat = update.effective_chat
    await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
    replies = await conversations.reply(conversations.sender_id("tg", str(chat.id)), text,
                                        delivery=f"tg:{chat.id}", location=location)
    if any(reply.get("quick_exit") for reply in replies):
        await context.bot_data[TRACES_KEY].remove_chat(context.bot, chat.id)
    for reply in replies:
        parts = split_text(reply.get("text") or "Choose one:")
        for part in parts[:-1]:
            await say(context, chat.id, part)
        await say(context, chat.id, parts[-1], keyboard(reply))


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
            await say(context, update.effective_chat.id, TRY_AGAIN)
