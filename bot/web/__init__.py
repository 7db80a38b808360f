"""The aiohttp side: resident API and web chat, health, and the staff console."""
