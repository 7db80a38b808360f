"""The Telegram channel, on python-telegram-bot, in the web app's event loop."""
