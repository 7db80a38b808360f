"""Chats are served concurrently, each chat's updates one at a time and in order.

A resident who sends two messages quickly must get the answers in order, and a flooding
chat must not hold up anyone else's reply. PTB's update processor runs updates
concurrently; this one adds a lock per chat around everything done for an update (noting
its id, the flood guard, the handlers), so nothing of one chat overtakes another of the
same chat.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class OneTurnPerChat(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        # A chat's lock lives while an update of the chat holds or waits for it.
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            await coroutine
            return
        lock = self._locks.get(chat.id)
        if lock is None:
            lock = self._locks[chat.id] = asyncio.Lock()
        async with lock:
            await coroutine

    async def initialize(self) -> None:
        """Nothing to set up: locks are made as chats write."""

    async def shutdown(self) -> None:
        """Nothing to free: locks go with their last waiting update."""
