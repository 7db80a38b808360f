"""Typed keys for what the app shares between handlers."""

import aiohttp
from aiohttp import web
from sqlalchemy.ext.asyncio import async_sessionmaker
from telegram.ext import Application

from bot.conversation import Conversations
from bot.crypto import DataCipher
from bot.engine import EngineClient
from bot.ratelimit import Limits
from bot.settings import Settings

SETTINGS = web.AppKey("settings", Settings)
CIPHER = web.AppKey("cipher", DataCipher)
SESSIONS = web.AppKey("sessions", async_sessionmaker)
HTTP = web.AppKey("http", aiohttp.ClientSession)
ENGINE = web.AppKey("engine", EngineClient)
CONVERSATIONS = web.AppKey("conversations", Conversations)
TELEGRAM_STATE = web.AppKey("telegram_state", dict)
# Message limits of /api/chat, per sender.
SENDER_LIMITS = web.AppKey("sender_limits", Limits)
# The running PTB application in webhook mode, which /telegram/webhook hands updates to.
TELEGRAM_APPLICATION = web.AppKey("telegram_application", Application)
