"""Sliding-window message limits, per chat (Telegram) and per sender (web), so one client
sending faster than a person types can't crowd out everyone else's replies."""

from __future__ import annotations

WINDOW_SECONDS = 10.0
# Per window, per chat or sender: more than anyone types, and than a quick hand presses
# buttons through a report (about one a second).
MAX_MESSAGES = 20
TIMES_KEY = "limit_times"


def over_limit(holder: dict, now: float, limit: int = MAX_MESSAGES,
               window: float = WINDOW_SECONDS) -> bool:
    """Count a message in the holder's window; True when it is one too many."""
    times = [t for t in holder.get(TIMES_KEY, []) if now - t < window]
    times.append(now)
    holder[TIMES_KEY] = times[-(limit + 1):]
    return len(times) > limit


class Limits:
    """Windows for many keys (web senders), forgetting idle ones once there are many."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS, max_keys: int = 10_000):
        self.limit, self.window, self.max_keys = limit, window, max_keys
        self._holders: dict[str, dict] = {}

    def over(self, key: str, now: float) -> bool:
        if len(self._holders) >= self.max_keys:
            self._holders = {k: h for k, h in self._holders.items()
                             if now - h[TIMES_KEY][-1] < self.window}
        return over_limit(self._holders.setdefault(key, {}), now, self.limit, self.window)
