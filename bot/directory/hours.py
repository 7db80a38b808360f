"""Opening hours (24 hours, a weekly schedule, or not known) and what to say about them now.

Times are wall-clock times in Europe/London, so a service that opens at 9am opens at 9am
on both sides of a clock change. Bank holidays in England follow each entry's rule.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ALWAYS, UNKNOWN = "24/7", "unknown"
# What a bank holiday does to a weekly schedule: nothing, closes the service, or Sunday hours.
BANK_HOLIDAY_RULES = ("as_usual", "closed", "sunday")
SUNDAY = 6
_INTERVAL = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")
_DAY_ENTRY = re.compile(r"^([a-z]{3})[a-z]*(?:\s*-\s*([a-z]{3})[a-z]*)?\s+(.+)$")

Interval = tuple[int, int]  # minutes after midnight; an end past 1440 runs into the next day


@dataclass(frozen=True)
class Status:
    """Whether it is open now (None: hours not known), the English words to say so, and the
    parts they were made of, for saying it in another language (bot/signposting.py):
    `kind` is always, unknown, open_until, closed or opens; `at` the time it closes or
    opens; `day` when it opens (None: today, 1: tomorrow, 10 + weekday: Monday is 10);
    `bank_holiday`: closed for one."""

    open: bool | None
    says: str
    kind: str = field(default="unknown", compare=False)
    at: dt.datetime | None = field(default=None, compare=False)
    day: int | None = field(default=None, compare=False)
    bank_holiday: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Hours:
    """A service's opening hours: always open, a weekly schedule, or not known."""

    always: bool = False
    weekly: tuple[tuple[Interval, ...], ...] | None = None  # Monday first
    bank_holidays: str = "as_usual"

    @classmethod
    def parse(cls, value: object, bank_holidays: str = "as_usual") -> Hours:
        """From "24/7", "unknown", "mon-fri 09:00-17:00; sat 10:00-16:00" or a mapping of
        days to intervals; raises ValueError saying what is wrong."""
        if bank_holidays not in BANK_HOLIDAY_RULES:
            raise ValueError(f"bank_holidays must be one of {', '.join(BANK_HOLIDAY_RULES)}")
        if value in (ALWAYS, "24 hours"):
            return cls(always=True)
        if value in (None, "", UNKNOWN):
            return cls()
        if isinstance(value, str):
            entries = [_split_day_entry(part.strip()) for part in value.split(";") if part.strip()]
        elif isinstance(value, dict):
            entries = [(str(days), str(times)) for days, times in value.items()]
        else:
            raise ValueError(f"hours must be {ALWAYS!r}, {UNKNOWN!r} or a weekly schedule")
        weekly: list[tuple[Interval, ...] | None] = [None] * 7
        for days, times in entries:
            for day in _days(days):
                if weekly[day] is not None:
                    raise ValueError(f"{DAYS[day]} is given twice")
                weekly[day] = _intervals(times)
        return cls(weekly=tuple(day or () for day in weekly), bank_holidays=bank_holidays)

    @property
    def known(self) -> bool:
        return self.always or self.weekly is not None

    def status(self, now: dt.datetime) -> Status:
        """Open or closed at `now` (any time zone), with "open until 10pm", "24 hours" or
        "closed now, opens tomorrow at 9am"."""
        if self.always:
            return Status(True, "24 hours", "always")
        if self.weekly is None:
            return Status(None, "opening hours not confirmed", "unknown")
        local = now.astimezone(LONDON).replace(tzinfo=None)
        spans = self._spans(local.date())
        for start, end in spans:
            if start <= local < end:
                return Status(True, f"open until {_clock(end)}", "open_until", end)
        holiday = self.bank_holidays != "as_usual" and is_bank_holiday(local.date())
        closed = "closed now (bank holiday)" if holiday else "closed now"
        upcoming = [start for start, _ in spans if start > local]
        if not upcoming:
            return Status(False, closed, "closed", bank_holiday=holiday)
        opens, day = upcoming[0], _day(local.date(), upcoming[0].date())
        return Status(False, f"{closed}, opens {_day_words(day)}at {_clock(opens)}", "opens",
                      opens, day, holiday)

    def _spans(self, today: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
        """Opening spans as local wall-clock datetimes from yesterday (whose evening may
        run past midnight) to a week ahead, joined where one ends as the next starts."""
        spans: list[tuple[dt.datetime, dt.datetime]] = []
        for offset in range(-1, 8):
            day = today + dt.timedelta(days=offset)
            midnight = dt.datetime.combine(day, dt.time())
            for start, end in self._intervals_on(day):
                begin, finish = (midnight + dt.timedelta(minutes=start),
                                 midnight + dt.timedelta(minutes=end))
                if spans and spans[-1][1] >= begin:
                    spans[-1] = (spans[-1][0], max(spans[-1][1], finish))
                else:
                    spans.append((begin, finish))
        return spans

    def _intervals_on(self, day: dt.date) -> tuple[Interval, ...]:
        assert self.weekly is not None
        if is_bank_holiday(day):
            if self.bank_holidays == "closed":
                return ()
            if self.bank_holidays == "sunday":
                return self.weekly[SUNDAY]
        return self.weekly[day.weekday()]


@cache
def _england_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_bank_holiday(day: dt.date) -> bool:
    """A bank holiday in England (from the `holidays` package, computed offline). One that
    falls at a weekend is taken on the next weekday, so the weekend day itself is not."""
    return day.weekday() < 5 and day in _england_holidays(day.year)


def _split_day_entry(part: str) -> tuple[str, str]:
    match = _DAY_ENTRY.match(part.lower())
    if not match:
        raise ValueError(f"cannot read {part!r}: write it like 'mon-fri 09:00-17:00'")
    days = match.group(1) + (f"-{match.group(2)}" if match.group(2) else "")
    return days, match.group(3)


def _days(text: str) -> list[int]:
    first, _, last = text.lower().replace(" ", "").partition("-")
    first, last = first[:3], last[:3]  # "monday" is "mon"
    for name in (first, last or first):
        if name not in DAYS:
            raise ValueError(f"unknown day {name!r}: use {', '.join(DAYS)}")
    start, end = DAYS.index(first), DAYS.index(last or first)
    if end < start:
        raise ValueError(f"day range {text!r} runs backwards")
    return list(range(start, end + 1))


def _intervals(text: str) -> tuple[Interval, ...]:
    if text.strip().lower() == "closed":
        return ()
    found = []
    for part in text.split(","):
        match = _INTERVAL.match(part.strip())
        if not match:
            raise ValueError(f"cannot read opening times {part.strip()!r}: write them like 09:00-17:30")
        hour1, min1, hour2, min2 = map(int, match.groups())
        if hour1 > 23 or hour2 > 24 or min1 > 59 or min2 > 59 or (hour2 == 24 and min2):
            raise ValueError(f"{part.strip()!r} is not a time of day")
        start, end = hour1 * 60 + min1, hour2 * 60 + min2
        found.append((start, end if end > start else end + 24 * 60))  # overnight
    return tuple(sorted(found))


def _clock(moment: dt.datetime) -> str:
    """9am, 5:30pm, noon, midnight."""
    if moment.hour == 0 and moment.minute == 0:
        return "midnight"
    if moment.hour == 12 and moment.minute == 0:
        return "noon"
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def _day(today: dt.date, day: dt.date) -> int | None:
    """None for today, 1 for tomorrow, else the weekday (0: Monday) plus 10."""
    if day == today:
        return None
    if day == today + dt.timedelta(days=1):
        return 1
    return 10 + day.weekday()


def _day_words(day: int | None) -> str:
    """"" for today, "tomorrow " or "on Monday " for a later day."""
    if day is None:
        return ""
    return "tomorrow " if day == 1 else f"on {DAY_NAMES[day - 10]} "
