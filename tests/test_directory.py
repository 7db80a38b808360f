"""The directory (data/directory/): opening hours, the selection of services, places and
Safe Places, the checks that stop a broken file, and that no reply names a number the
directory does not have.

Times are given as aware UTC datetimes; the comment on each says what the clock shows in
Oxford (Europe/London), which is what the hours are written in.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
from functools import cache

import pytest
import yaml

from bot import details, directory, signposting
from bot.__main__ import main
from bot.directory import DirectoryError
from bot.directory import select as select_module
from bot.directory.geo import Point, distance_m, postcode_table, walking_minutes
from bot.directory.hours import Hours, Status, is_bank_holiday
from bot.directory.safe_places import (
    COLUMNS,
    import_safe_places,
    nearest_open,
    read_safe_places,
    replace_safe_places,
)
from bot.directory.select import PAGE_SIZE, Suggestion, page, select
from bot.settings import PROJECT_ROOT
from bot.signposting import safe_places_text, service_line, services_text
from bot.topics import TOPICS

UTC = dt.UTC


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=UTC)


# British Summer Time is UTC+1 from 2027-03-28 01:00 UTC (and until 2026-10-25 01:00 UTC).
TUE_AFTERNOON = utc(2027, 6, 8, 13)  # Tuesday 14:00 BST
WED_3AM = utc(2027, 6, 9, 2)  # Wednesday 03:00 BST
SAT_0030 = utc(2027, 6, 11, 23, 30)  # Saturday 00:30 BST (Friday night)
BANK_HOLIDAY = utc(2027, 5, 3, 11)  # Monday 12:00 BST, Early May bank holiday
CLOCK_SUNDAY_0330 = utc(2027, 3, 28, 2, 30)  # Sunday 03:30 BST, the night the clocks go forward
CLOCK_SUNDAY_0430 = utc(2027, 3, 28, 3, 30)  # Sunday 04:30 BST
CHRISTMAS_NOON = utc(2026, 12, 25, 12)  # Friday 12:00 GMT
TIMES = {"weekday afternoon": TUE_AFTERNOON, "weekday 3am": WED_3AM, "saturday 00:30": SAT_0030,
         "bank holiday": BANK_HOLIDAY, "clock change 03:30": CLOCK_SUNDAY_0330,
         "clock change 04:30": CLOCK_SUNDAY_0430, "christmas": CHRISTMAS_NOON}

STRANDS = ("race", "religion", "disability", "sexual_orientation", "transgender")
ASKED = ("support", "report", "talk", "medical", "emergency")
AREAS = (None, "oxford", "cherwell", "oxfordshire")


# -- Numbers: the helper other test modules import ---------------------------------------

_DIGIT_RUN = re.compile(r"\d+(?: \d+)*")
_UNIT_AFTER = re.compile(r"\s?-?\s?(?:km|m|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?"
                         r"|am|pm)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")


def phone_like_numbers(text: str) -> list[str]:
    """Runs of digits (single spaces allowed inside) with 3 or more digits, that are not part
    of a word or postcode ("OX4 1"), a decimal or a time ("1.8 km", "5:30pm"), a measure
    ("380 m", "15-minute walk", "24 hours") or a year."""
    found = []
    for match in _DIGIT_RUN.finditer(text):
        groups = match.group().split(" ")
        before, after = text[:match.start()][-1:], text[match.end():]
        if before.isalpha() or before in (".", ":", ","):
            groups = groups[1:]
        if after[:1].isalpha() or re.match(r"[.:,]\d", after):
            groups, after = groups[:-1], ""
        if not groups or _UNIT_AFTER.match(after):
            continue
        number = " ".join(groups)
        if len(number.replace(" ", "")) >= 3 and not _YEAR.fullmatch(number):
            found.append(number)
    return found


@cache
def directory_numbers() -> frozenset[str]:
    """Every phone, non-emergency and text number of data/directory/services.yml, read
    straight from the file (not through the code under test)."""
    services = yaml.safe_load((directory.DIRECTORY_DIR / "services.yml").read_text())["services"]
    contacts = {str(value) for entry in services.values()
                for kind, value in (entry.get("contact") or {}).items()
                if kind in ("phone", "phone_non_emergency", "text")}
    # A "how" line may give a second number ("out of hours call 020 7008 1500").
    said = {number for entry in services.values()
            for number in phone_like_numbers(str(entry.get("how") or ""))}
    return frozenset(contacts | said)


def unknown_numbers(text: str) -> list[str]:
    """The phone-like numbers in `text` that are not a directory contact (or part of one)."""
    known = directory_numbers()
    return [number for number in phone_like_numbers(text)
            if not any(number in value for value in known)]


# -- 1. Opening hours ---------------------------------------------------------------------

WEEKLY = "mon-fri 09:00-17:30; sat 10:00-16:00; sun closed"
WEEKLY_WITH_SUNDAY = "mon-fri 09:00-17:30; sat 10:00-16:00; sun 11:00-15:00"
WEEKDAYS = "mon-fri 09:00-17:30"
OVERNIGHT = "fri-sat 23:00-04:00"
EVERY_DAY = "mon-sun 09:00-17:00"


@pytest.mark.parametrize(("hours", "bank_holidays", "now", "expected"), [
    pytest.param("24/7", "as_usual", WED_3AM, Status(True, "24 hours"), id="24/7"),
    pytest.param("24/7", "closed", CHRISTMAS_NOON, Status(True, "24 hours"), id="24/7-christmas"),
    pytest.param("24 hours", "as_usual", WED_3AM, Status(True, "24 hours"), id="24-hours"),
    pytest.param("unknown", "as_usual", TUE_AFTERNOON, Status(None, "opening hours not confirmed"),
                 id="unknown"),
    # A weekly schedule.
    pytest.param(WEEKLY, "as_usual", TUE_AFTERNOON, Status(True, "open until 5:30pm"),
                 id="tuesday-afternoon"),
    pytest.param(WEEKLY, "as_usual", utc(2027, 6, 8, 6), Status(False, "closed now, opens at 9am"),
                 id="tuesday-7am"),
    pytest.param(WEEKLY, "as_usual", utc(2027, 6, 8, 16, 45),  # 17:45 BST
                 Status(False, "closed now, opens tomorrow at 9am"), id="tuesday-1745-bst"),
    pytest.param(WEEKLY, "as_usual", utc(2027, 1, 12, 16, 45),  # 16:45 GMT
                 Status(True, "open until 5:30pm"), id="tuesday-1645-gmt"),
    pytest.param(WEEKLY, "as_usual", utc(2027, 6, 11, 19),  # Friday 20:00
                 Status(False, "closed now, opens tomorrow at 10am"), id="friday-evening"),
    pytest.param(WEEKLY, "as_usual", utc(2027, 6, 12, 19),  # Saturday 20:00
                 Status(False, "closed now, opens on Monday at 9am"), id="saturday-evening"),
    pytest.param(WEEKLY, "as_usual", utc(2027, 6, 13, 11),  # Sunday noon
                 Status(False, "closed now, opens tomorrow at 9am"), id="sunday-closed"),
    # Overnight hours run into the next day.
    pytest.param(OVERNIGHT, "as_usual", utc(2027, 6, 12, 1), Status(True, "open until 4am"),
                 id="overnight-saturday-2am"),
    pytest.param(OVERNIGHT, "as_usual", utc(2027, 6, 12, 4), Status(False, "closed now, opens at 11pm"),
                 id="overnight-saturday-5am"),
    pytest.param(OVERNIGHT, "as_usual", utc(2027, 6, 13, 1), Status(True, "open until 4am"),
                 id="overnight-sunday-2am"),
    pytest.param(OVERNIGHT, "as_usual", utc(2027, 6, 13, 4),
                 Status(False, "closed now, opens on Friday at 11pm"), id="overnight-sunday-5am"),
    pytest.param(OVERNIGHT, "as_usual", utc(2027, 6, 10, 22, 30),  # Thursday 23:30
                 Status(False, "closed now, opens tomorrow at 11pm"), id="overnight-thursday"),
    # Words for noon and midnight; spans that meet are one; a break in the day.
    pytest.param("mon 00:00-12:00", "as_usual", utc(2027, 6, 7, 10), Status(True, "open until noon"),
                 id="until-noon"),
    pytest.param("mon 18:00-24:00", "as_usual", utc(2027, 6, 7, 20), Status(True, "open until midnight"),
                 id="until-midnight"),
    pytest.param("mon 18:00-24:00; tue 00:00-02:00", "as_usual", utc(2027, 6, 7, 21),
                 Status(True, "open until 2am"), id="joined-spans"),
    pytest.param("mon 09:00-12:00, 13:00-17:00", "as_usual", utc(2027, 6, 7, 11, 30),
                 Status(False, "closed now, opens at 1pm"), id="lunch-break"),
    pytest.param({"mon-fri": "09:00-17:00", "sat": "closed"}, "as_usual", utc(2027, 6, 12, 11),
                 Status(False, "closed now, opens on Monday at 9am"), id="mapping-form"),
    # Bank holidays in England: Monday 2027-05-03 is the Early May bank holiday.
    pytest.param(WEEKLY, "closed", BANK_HOLIDAY,
                 Status(False, "closed now (bank holiday), opens tomorrow at 9am"), id="bank-holiday-closed"),
    pytest.param(WEEKLY, "as_usual", BANK_HOLIDAY, Status(True, "open until 5:30pm"),
                 id="bank-holiday-as-usual"),
    pytest.param(WEEKLY, "sunday", BANK_HOLIDAY,
                 Status(False, "closed now (bank holiday), opens tomorrow at 9am"),
                 id="bank-holiday-sunday-closed"),
    pytest.param(WEEKLY_WITH_SUNDAY, "sunday", BANK_HOLIDAY, Status(True, "open until 3pm"),
                 id="bank-holiday-sunday-hours"),
    pytest.param(WEEKLY_WITH_SUNDAY, "sunday", utc(2027, 5, 3, 8, 30),  # 09:30
                 Status(False, "closed now (bank holiday), opens at 11am"),
                 id="bank-holiday-before-sunday-hours"),
    pytest.param(WEEKLY, "closed", utc(2027, 5, 1, 19),  # the Saturday before, 20:00
                 Status(False, "closed now, opens on Tuesday at 9am"), id="weekend-before-bank-holiday"),
    pytest.param(WEEKLY, "as_usual", utc(2027, 5, 4, 7),  # the Tuesday after, 08:00
                 Status(False, "closed now, opens at 9am"), id="day-after-bank-holiday"),
    # Christmas Day 2026 is a Friday; Boxing Day's bank holiday moves to Monday 28th.
    pytest.param(WEEKDAYS, "closed", CHRISTMAS_NOON,
                 Status(False, "closed now (bank holiday), opens on Tuesday at 9am"), id="christmas-closed"),
    pytest.param(WEEKDAYS, "as_usual", CHRISTMAS_NOON, Status(True, "open until 5:30pm"),
                 id="christmas-as-usual"),
    pytest.param(WEEKLY_WITH_SUNDAY, "sunday", CHRISTMAS_NOON, Status(True, "open until 3pm"),
                 id="christmas-sunday-hours"),
    # The clocks go forward at 01:00 UTC on Sunday 2027-03-28: opening times stay wall-clock.
    pytest.param(EVERY_DAY, "as_usual", utc(2027, 3, 28, 8, 30), Status(True, "open until 5pm"),
                 id="spring-0930-bst"),
    pytest.param(EVERY_DAY, "as_usual", utc(2027, 3, 28, 7, 30), Status(False, "closed now, opens at 9am"),
                 id="spring-0830-bst"),
    pytest.param(EVERY_DAY, "as_usual", utc(2027, 3, 27, 8, 30), Status(False, "closed now, opens at 9am"),
                 id="spring-day-before-0830-gmt"),
    pytest.param(OVERNIGHT, "as_usual", CLOCK_SUNDAY_0330, Status(True, "open until 4am"),
                 id="spring-overnight-0330-bst"),
    pytest.param(OVERNIGHT, "as_usual", CLOCK_SUNDAY_0430,
                 Status(False, "closed now, opens on Friday at 11pm"), id="spring-overnight-0430-bst"),
    # ...and back at 01:00 UTC on Sunday 2026-10-25.
    pytest.param(EVERY_DAY, "as_usual", utc(2026, 10, 25, 8, 30), Status(False, "closed now, opens at 9am"),
                 id="autumn-0830-gmt"),
    pytest.param(EVERY_DAY, "as_usual", utc(2026, 10, 25, 9), Status(True, "open until 5pm"),
                 id="autumn-0900-gmt"),
    pytest.param(EVERY_DAY, "as_usual", utc(2026, 10, 24, 8, 30), Status(True, "open until 5pm"),
                 id="autumn-day-before-0930-bst"),
])
def test_opening_hours_status(hours, bank_holidays, now, expected):
    """What the bot says about a service's hours, in Oxford's time, whatever UTC says."""
    assert Hours.parse(hours, bank_holidays).status(now) == expected


@pytest.mark.parametrize(("day", "holiday"), [
    (dt.date(2027, 5, 3), True),  # Early May
    (dt.date(2027, 5, 4), False),
    (dt.date(2026, 12, 25), True),
    (dt.date(2026, 12, 28), True),  # Boxing Day, substitute
    (dt.date(2026, 12, 26), False),  # Boxing Day on a Saturday: the Monday is the day off
    (dt.date(2027, 12, 25), False),  # Christmas on a Saturday
    (dt.date(2027, 12, 27), True),
    (dt.date(2027, 8, 30), True),  # Summer bank holiday in England...
    (dt.date(2027, 8, 2), False),  # ...not Scotland's
    (dt.date(2026, 11, 30), False),  # St Andrew's Day: Scotland only
])
def test_bank_holidays_are_those_of_england(day, holiday):
    """The bank_holidays rules follow England's calendar, not another nation's."""
    assert is_bank_holiday(day) is holiday


@pytest.mark.parametrize(("hours", "bank_holidays", "message"), [
    ("mon-fri 9-5", "as_usual", "write them like 09:00-17:30"),
    ("funday 09:00-17:00", "as_usual", "unknown day 'fun'"),
    ("09:00-17:00", "as_usual", "write it like 'mon-fri 09:00-17:00'"),
    ("fun 09:00-17:00", "as_usual", "unknown day 'fun'"),
    ("fri-mon 09:00-17:00", "as_usual", "day range 'fri-mon' runs backwards"),
    ("mon-fri 09:00-17:00; wed 18:00-20:00", "as_usual", "wed is given twice"),
    ("mon 25:00-26:00", "as_usual", "is not a time of day"),
    (42, "as_usual", "weekly schedule"),
    ("24/7", "sometimes", "bank_holidays must be one of as_usual, closed, sunday"),
])
def test_opening_hours_mistakes_are_explained(hours, bank_holidays, message):
    """Whoever edits the directory is told what is wrong and how to write it."""
    with pytest.raises(ValueError, match=re.escape(message)):
        Hours.parse(hours, bank_holidays)


# -- 2. Selecting services -----------------------------------------------------------------

def ids(suggestions: list[Suggestion]) -> list[str]:
    return [s.service.id for s in suggestions]


@pytest.mark.parametrize(("query", "first_page", "more"), [
    pytest.param(dict(topic="domestic_abuse", now=TUE_AFTERNOON),
                 ["national_domestic_abuse_helpline", "odas", "victims_first"], True, id="da"),
    pytest.param(dict(topic="domestic_abuse", urgent=True, now=WED_3AM),
                 ["national_domestic_abuse_helpline", "odas", "victims_first"], True, id="da-urgent-3am"),
    pytest.param(dict(topic="domestic_abuse", audiences={"men"}, now=TUE_AFTERNOON),
                 ["mens_advice_line", "national_domestic_abuse_helpline", "odas"], True, id="da-men"),
    pytest.param(dict(topic="domestic_abuse", audiences={"men"}, urgent=True, now=WED_3AM),
                 ["national_domestic_abuse_helpline", "mens_advice_line", "odas"], True,
                 id="da-men-urgent-3am"),
    pytest.param(dict(topic="domestic_abuse", asked="talk", now=BANK_HOLIDAY),
                 ["national_domestic_abuse_helpline", "samaritans", "galop"], True, id="da-talk"),
    pytest.param(dict(topic="domestic_abuse", asked="medical", now=CHRISTMAS_NOON),
                 ["solace_sarc"], False, id="da-medical"),
    pytest.param(dict(topic="domestic_abuse", asked="report", now=TUE_AFTERNOON),
                 ["police_non_emergency", "crimestoppers"], False, id="da-report"),
    pytest.param(dict(topic="hate_crime", now=TUE_AFTERNOON),
                 ["stop_hate_uk", "victims_first", "cst"], True, id="hate-no-strand"),
    pytest.param(dict(topic="hate_crime", strands={"race"}, now=TUE_AFTERNOON),
                 ["stop_hate_uk", "victims_first"], False, id="hate-race"),
    # A faith not said: the services for every faith first, then CST and Tell MAMA.
    pytest.param(dict(topic="hate_crime", strands={"religion"}, now=TUE_AFTERNOON),
                 ["stop_hate_uk", "victims_first", "cst"], True, id="hate-religion"),
    pytest.param(dict(topic="hate_crime", strands={"religion"}, audiences={"muslim"},
                      now=TUE_AFTERNOON),
                 ["tell_mama", "stop_hate_uk", "victims_first"], True, id="hate-religion-muslim"),
    pytest.param(dict(topic="hate_crime", strands={"religion"}, audiences={"jewish"},
                      now=TUE_AFTERNOON),
                 ["cst", "stop_hate_uk", "victims_first"], True, id="hate-religion-jewish"),
    pytest.param(dict(topic="hate_crime", strands={"religion"}, asked="report", urgent=True, now=WED_3AM),
                 ["stop_hate_uk", "true_vision", "oxford_community_safety"], True,
                 id="hate-religion-report-urgent"),
    pytest.param(dict(topic="hate_crime", strands={"disability"}, asked="report", now=SAT_0030),
                 ["stop_hate_uk", "true_vision", "oxford_community_safety"], True, id="hate-disability"),
    pytest.param(dict(topic="hate_crime", strands={"sexual_orientation"}, now=TUE_AFTERNOON),
                 ["galop", "galop_hate_crime", "stop_hate_uk"], True, id="hate-sexual-orientation"),
    pytest.param(dict(topic="hate_crime", strands={"transgender"}, asked="report", urgent=True,
                      now=TUE_AFTERNOON),
                 ["stop_hate_uk", "true_vision", "galop_hate_crime"], True, id="hate-transgender-urgent"),
    pytest.param(dict(topic="asb", asked="report", now=TUE_AFTERNOON),
                 ["oxford_community_safety", "police_non_emergency", "crimestoppers"], True,
                 id="asb-afternoon"),
    pytest.param(dict(topic="asb", asked="report", now=SAT_0030),
                 ["oxford_noise_out_of_hours", "oxford_community_safety", "police_non_emergency"], True,
                 id="asb-saturday-night"),
    pytest.param(dict(topic="asb", asked="report", urgent=True, now=TUE_AFTERNOON),
                 ["oxford_community_safety", "police_non_emergency", "crimestoppers"], False,
                 id="asb-urgent-afternoon"),
    pytest.param(dict(topic="asb", asked="report", urgent=True, now=SAT_0030),
                 ["oxford_noise_out_of_hours", "oxford_community_safety", "police_non_emergency"], True,
                 id="asb-urgent-saturday-night"),
    pytest.param(dict(topic="asb", asked="report", area="cherwell", now=SAT_0030),
                 ["cherwell_safer_communities", "police_non_emergency", "crimestoppers"], False,
                 id="asb-cherwell"),
    pytest.param(dict(topic="asb", now=TUE_AFTERNOON), ["victims_first"], False, id="asb-support"),
    pytest.param(dict(topic="spiking", asked="medical", now=WED_3AM), ["nhs_111"], False,
                 id="spiking-medical"),
    pytest.param(dict(topic="spiking", asked="report", urgent=True, now=SAT_0030),
                 ["police_non_emergency", "crimestoppers"], False, id="spiking-report"),
    pytest.param(dict(topic="other", asked="report", now=BANK_HOLIDAY),
                 ["oxford_community_safety", "police_non_emergency", "crimestoppers"], False,
                 id="other-report"),
    pytest.param(dict(topic="other", now=BANK_HOLIDAY), ["victims_first"], False, id="other-support"),
    pytest.param(dict(topic=None, asked="report", now=CLOCK_SUNDAY_0330),
                 ["oxford_noise_out_of_hours", "stop_hate_uk", "true_vision"], True, id="none-clock-0330"),
    pytest.param(dict(topic=None, asked="report", now=CLOCK_SUNDAY_0430),
                 ["stop_hate_uk", "true_vision", "oxford_community_safety"], True, id="none-clock-0430"),
    pytest.param(dict(topic=None, asked="emergency", urgent=True, now=WED_3AM),
                 ["police_emergency", "silent_solution", "ask_for_ani"], True, id="none-emergency"),
])
def test_selection_table(query, first_page, more):
    """The first three services shown for each situation, over the real directory."""
    shown, has_more = page(select(directory.default(), **query), 0)
    assert (ids(shown), has_more) == (first_page, more)


@pytest.mark.parametrize("strand", STRANDS)
def test_strand_specific_services_only_for_their_strand(strand):
    """CST and Tell MAMA for religion, Galop for sexual orientation and gender identity,
    nothing strand-specific for race or disability."""
    specific = {sid for sid, s in directory.default().services.items() if s.strands}
    for asked in ("support", "report"):
        found = ids(select(directory.default(), topic="hate_crime", strands={strand}, asked=asked,
                           now=TUE_AFTERNOON))
        shown_specific = set(found) & specific
        if strand == "religion":
            assert {"cst", "tell_mama"} <= set(found) and not {"galop", "galop_hate_crime"} & set(found)
        elif strand in ("sexual_orientation", "transgender"):
            assert "galop_hate_crime" in found and not {"cst", "tell_mama"} & set(found)
            if asked == "support":
                assert found.index("galop") < found.index("victims_first")
        else:
            assert shown_specific == set()


def test_the_out_of_hours_noise_service_says_when_it_opens():
    """At a weekday afternoon it is listed, last, as closed until 11pm; at Saturday 00:30 it
    is open until 4am and listed first."""
    afternoon = select(directory.default(), topic="asb", asked="report", now=TUE_AFTERNOON)
    assert afternoon[-1].service.id == "oxford_noise_out_of_hours"
    assert afternoon[-1].status == Status(False, "closed now, opens at 11pm")
    night = select(directory.default(), topic="asb", asked="report", now=SAT_0030)
    assert night[0].service.id == "oxford_noise_out_of_hours"
    assert night[0].status == Status(True, "open until 4am")


@pytest.mark.parametrize(("area", "local", "elsewhere"), [
    (None, "oxford_community_safety", "cherwell_safer_communities"),
    ("oxford", "oxford_community_safety", "cherwell_safer_communities"),
    ("cherwell", "cherwell_safer_communities", "oxford_community_safety"),
])
def test_local_services_follow_the_area(area, local, elsewhere):
    """A council's team is offered to its own residents (Oxford when the area is unknown)."""
    for topic in ("asb", "hate_crime", "other"):
        found = ids(select(directory.default(), topic=topic, asked="report", area=area, now=TUE_AFTERNOON))
        assert local in found and elsewhere not in found, (topic, found)


def test_select_refuses_an_unknown_request():
    with pytest.raises(ValueError, match="asked must be one of"):
        select(directory.default(), topic="asb", asked="cake", now=TUE_AFTERNOON)


def test_the_strands_and_requests_listed_here_are_all_there_are():
    """So the selection tests cover every strand the model can find and every request."""
    assert set(STRANDS) == set(details.default().entities["hate_strand"].values)
    assert ASKED == select_module.ASKED


SITUATIONS = [(topic, frozenset()) for topic in (*TOPICS, None)]
SITUATIONS += [("hate_crime", frozenset({strand})) for strand in STRANDS]


@pytest.mark.parametrize(("topic", "strands"), SITUATIONS,
                         ids=[f"{t}-{'-'.join(s) or 'any'}" for t, s in SITUATIONS])
def test_selection_invariants(topic, strands):
    """For every request, time, area and urgency: exactly the suitable services, open ones
    before unknown ones before closed ones (24-hour ones first when urgent) among those
    surely for the person, never a closed one when urgent, and pages of at most three."""
    loaded = directory.default()
    for urgent in (False, True):
        for asked in ASKED:
            for when, now in TIMES.items():
                for area in AREAS:
                    found = select(loaded, topic=topic, strands=strands, urgent=urgent, asked=asked,
                                   area=area, now=now)
                    _check_selection(loaded, found, topic, strands, urgent, asked, area, now,
                                     f"{topic} {set(strands)} urgent={urgent} {asked} {when} {area}")


def _check_selection(loaded, found, topic, strands, urgent, asked, area, now, label):
    served = set(loaded.areas.chain(area))
    expected = {sid for sid, s in loaded.services.items()
                if asked in s.offers and (topic is None or topic in s.topics or "any" in s.topics)
                and s.area in served and (not s.strands or not strands or s.strands & strands)
                and not (urgent and s.hours.status(now).open is False)}
    assert sorted(ids(found)) == sorted(expected), label
    for suggestion in found:
        assert suggestion.status == suggestion.service.hours.status(now), label
    if urgent:
        assert all(s.status.open is not False for s in found), label
    audiences = {"lgbt"} if strands & {"sexual_orientation", "transgender"} else set()
    not_sure = [bool((s.service.strands and not strands)
                     or (s.service.audiences and not s.service.audiences & audiences)) for s in found]
    assert not_sure == sorted(not_sure), f"{label}: services surely for them come first"
    for group in (False, True):
        members = [s for s, unsure in zip(found, not_sure, strict=True) if unsure is group]
        if urgent:
            rank = [0 if s.service.hours.always else {True: 1, None: 2}[s.status.open] for s in members]
        else:  # their audience's services first, unless closed
            rank = [(not (s.service.audiences & audiences and s.status.open is not False),
                     {True: 0, None: 1, False: 2}[s.status.open]) for s in members]
        assert rank == sorted(rank), f"{label}: {ids(members)}"
    shown, number = [], 0
    while True:
        items, more = page(found, number)
        assert len(items) <= PAGE_SIZE, label
        shown += items
        assert more == (len(shown) < len(found)), label
        if not more:
            break
        number += 1
    assert shown == found, label


def test_pages_of_three():
    """Three per page, the last page says nothing more follows, past the end is empty."""
    found = select(directory.default(), topic=None, asked="report", now=TUE_AFTERNOON)
    assert len(found) > 2 * PAGE_SIZE
    assert page(found, 0) == (found[:3], True)
    assert page(found, 1) == (found[3:6], True)
    assert page(found, 2) == (found[6:9], len(found) > 9)
    assert page(found, 10) == ([], False)


# -- 3. Places -----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "label", "area"), [
    ("safe place near OX4 1AA", "OX4 1", "oxford"),
    ("ox41aa", "OX4 1", "oxford"),
    ("OX4 5ZZ", "OX4", "oxford"),  # a sector not in the table: its district
    ("safe place near OX1 3 please", "OX1 3", "oxford"),  # a sector on its own
    ("ox16", "OX16", "cherwell"),
    ("near cowley road please", "Cowley Road", "oxford"),
    ("I'm in Cowley", "Cowley", "oxford"),
    ("outside the train station in Banbury", "Banbury", "cherwell"),
    ("Bicester village", "Bicester", "cherwell"),
])
def test_places_are_found_in_messages(text, label, area):
    found = directory.default().gazetteer.resolve(text)
    assert found is not None and (found.label, found.area) == (label, area)


def test_a_postcode_resolves_to_its_sector_centre():
    gazetteer = directory.default().gazetteer
    assert gazetteer.resolve("OX4 1AA").point == gazetteer.postcodes["OX4 1"]
    assert gazetteer.resolve("cowley road").point == gazetteer.postcodes["OX4 1"]


@pytest.mark.parametrize("text", ["hello there", "it happened yesterday at 10pm", "", "SW1A 1AA"])
def test_no_place_in_the_text(text):
    assert directory.default().gazetteer.resolve(text) is None


@pytest.mark.parametrize(("text", "foreign"), [
    ("SW1A 1AA", "SW1A"), ("I live in M1 1AE", "M1"), ("OX4 1AA", None), ("no postcode here", None),
    ("stuck on the A34 near the services", None), ("b4 I got home", None),
])
def test_a_postcode_outside_the_area_is_recognised(text, foreign):
    assert directory.default().gazetteer.foreign_postcode(text) == foreign


@pytest.mark.parametrize(("latitude", "longitude", "area"), [
    (52.0629, -1.3398, "cherwell"),  # Banbury
    (51.7520, -1.2577, "oxford"),  # Carfax
    (51.7330, -1.2200, "oxford"),  # Cowley
])
def test_a_shared_location_gets_the_area_of_the_nearest_district(latitude, longitude, area):
    found = directory.default().gazetteer.at_coordinates(latitude, longitude)
    assert (found.label, found.point, found.area) == ("your location", Point(latitude, longitude), area)


@pytest.mark.parametrize(("a", "b", "metres"), [
    (Point(51.7520, -1.2577), Point(52.0629, -1.3398), 35_000),  # Carfax to Banbury
    (Point(51.5007, -0.1246), Point(48.8584, 2.2945), 340_500),  # Big Ben to the Eiffel Tower
    (Point(51.7520, -1.2577), Point(51.7520, -1.2577), 0),
])
def test_distances_are_right_to_one_percent(a, b, metres):
    assert distance_m(a, b) == pytest.approx(metres, rel=0.01, abs=1)
    assert distance_m(a, b) == pytest.approx(distance_m(b, a))


@pytest.mark.parametrize(("metres", "minutes"), [(800, 12), (0, 1), (1000, 16), (64, 1), (3200, 50)])
def test_walking_minutes(metres, minutes):
    """80 m a minute, streets 1.25 times the straight line, never less than a minute."""
    assert walking_minutes(metres) == minutes


def test_postcode_table_takes_the_mean_of_each_district_and_sector():
    rows = [
        ("OX4 1AA", 51.70, -1.20), ("ox4 1ab", 51.80, -1.30), ("OX4 2AA", 51.60, -1.10),
        ("OX10 1AA", 51.60, -1.10), ("SW1A 1AA", 51.50, -0.10),  # another area: skipped
        ("OX4 3ZZ", 0.0, 0.0),  # no position (0, 0): skipped
        ("OX4 9ZZ", 62.0, -1.2),  # outside latitude 49-61: skipped
        ("OX4", 51.7, -1.2),  # no inward code: skipped
    ]
    assert postcode_table(rows, "OX") == [
        ("OX4", 51.7, -1.2, 3), ("OX4 1", 51.75, -1.25, 2), ("OX4 2", 51.6, -1.1, 1),
        ("OX10", 51.6, -1.1, 1), ("OX10 1", 51.6, -1.1, 1)]


# -- 4. Safe Places ------------------------------------------------------------------------

def test_the_nearest_open_safe_place_at_3am_is_the_24_hour_one():
    """From the 24-hour sample at 03:00 it comes first, about a minute away."""
    loaded = directory.default()
    where = loaded.gazetteer.at_coordinates(51.733, -1.220)
    found = nearest_open(loaded.safe_places, where, WED_3AM)
    assert found and found[0].place.id == "sample-cowley-24h"
    assert (round(found[0].metres), found[0].minutes, found[0].status.says) == (0, 1, "24 hours")


@pytest.mark.parametrize("where", ["OX4 1AA", "OX1 2AA", "banbury", "bicester", "headington"])
def test_a_closed_safe_place_is_never_offered(where):
    """Every hour of a week (and Christmas): only open places, nearest first, at most 3,
    and the nearest open ones at that."""
    loaded = directory.default()
    location = loaded.gazetteer.resolve(where)
    moments = [utc(2027, 6, 7, 0) + dt.timedelta(hours=h) for h in range(7 * 24)]
    moments += [CHRISTMAS_NOON, BANK_HOLIDAY, CLOCK_SUNDAY_0330, CLOCK_SUNDAY_0430]
    for now in moments:
        found = nearest_open(loaded.safe_places, location, now)
        assert all(n.status.open is True and n.place.hours.status(now).open is True for n in found), now
        assert [n.metres for n in found] == sorted(n.metres for n in found)
        open_now = sorted(distance_m(location.point, p.point) for p in loaded.safe_places
                          if p.hours.status(now).open)
        assert [round(n.metres, 3) for n in found] == [round(m, 3) for m in open_now[:3]], now


def test_a_safe_place_closed_on_bank_holidays_is_not_offered_then():
    """Sample C (Cowley Road) opens weekdays but closes on bank holidays."""
    loaded = directory.default()
    location = loaded.gazetteer.resolve("cowley road")
    monday = nearest_open(loaded.safe_places, location, utc(2027, 5, 10, 11))
    bank_monday = nearest_open(loaded.safe_places, location, BANK_HOLIDAY)
    assert monday[0].place.id == "sample-cowley-road"
    assert "sample-cowley-road" not in {n.place.id for n in bank_monday}


GOOD = {"id": "library", "name": "Central Library", "address": "Westgate, Oxford", "postcode": "",
        "latitude": "51.75", "longitude": "-1.26", "hours": "mon-sat 09:00-17:00",
        "bank_holidays": "closed", "how_to_get_help": "Ask at the desk.", "accessibility": "Lift",
        "sample": "no", "source": "Safe Places partnership list", "last_verified": "2026-11-01"}


def csv_text(rows: list[dict], columns=COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


BAD_ROWS = [
    GOOD,
    {**GOOD, "id": "cafe", "hours": "9-5"},
    {**GOOD, "id": "shop", "last_verified": "last week"},
    {**GOOD, "id": "pub", "latitude": "", "longitude": "", "postcode": "SW1A 1AA"},
    {**GOOD, "name": "Library again"},
]


def test_read_safe_places_names_every_bad_row():
    """An import reports every mistake at once, each with its row (the header is row 1)."""
    places, problems = read_safe_places(csv_text(BAD_ROWS), directory.default().gazetteer)
    assert [p.id for p in places] == ["library"]
    assert len(problems) == 4
    assert problems[0].startswith("row 3: hours: cannot read '9-5'")
    assert problems[1] == "row 4: last_verified must be a date (YYYY-MM-DD)"
    assert problems[2] == "row 5: give latitude and longitude, or a postcode in the area served"
    assert problems[3] == "row 6: id 'library' is used twice"


@pytest.mark.parametrize(("change", "problem"), [
    ({"latitude": "north"}, "latitude and longitude must be numbers"),
    ({"latitude": "48.85", "longitude": "2.29"}, "not in the UK"),
    ({"hours": "unknown"}, "a place must say when it helps"),
    ({"how_to_get_help": " "}, "how_to_get_help must not be empty"),
    ({"bank_holidays": "sometimes"}, "bank_holidays must be one of"),
])
def test_read_safe_places_other_mistakes(change, problem):
    places, problems = read_safe_places(csv_text([{**GOOD, **change}]), directory.default().gazetteer)
    assert places == [] and len(problems) == 1
    assert problems[0].startswith("row 2: ") and problem in problems[0]


def test_read_safe_places_needs_the_columns():
    columns = [c for c in COLUMNS if c != "hours"]
    places, problems = read_safe_places(csv_text([GOOD], columns), directory.default().gazetteer)
    assert places == []
    assert problems == [f"missing column(s) hours; the columns are {', '.join(COLUMNS)}"]


def partnership_csv(tmp_path, rows):
    """The partnership's file, columns in their own order and with a column of their own."""
    columns = ["name", "id", "notes", *[c for c in COLUMNS if c not in ("name", "id")][::-1]]
    source = tmp_path / "partnership.csv"
    source.write_text(csv_text([{**row, "notes": "internal"} for row in rows], columns))
    return source


GOOD_ROWS = [GOOD, {**GOOD, "id": "chemist", "name": "Cowley Road Chemist", "latitude": "",
                    "longitude": "", "postcode": "OX4 1AA", "sample": "yes", "hours": "24/7"}]


def test_import_writes_the_documented_columns_in_order(tmp_path):
    """A place given only by postcode gets its sector's centre; the result loads again."""
    gazetteer = directory.default().gazetteer
    destination = tmp_path / "safe_places.csv"
    assert import_safe_places(partnership_csv(tmp_path, GOOD_ROWS), destination, gazetteer) == 2
    text = destination.read_text()
    assert text.splitlines()[0] == ",".join(COLUMNS)
    rows = list(csv.DictReader(io.StringIO(text)))
    centre = gazetteer.postcodes["OX4 1"]
    assert [r["id"] for r in rows] == ["library", "chemist"]
    assert (rows[0]["latitude"], rows[0]["longitude"], rows[0]["sample"]) == ("51.75000", "-1.26000", "no")
    assert (rows[1]["latitude"], rows[1]["longitude"], rows[1]["sample"]) == (
        f"{centre.latitude:.5f}", f"{centre.longitude:.5f}", "yes")
    assert rows[1]["postcode"] == "OX4 1AA" and rows[1]["hours"] == "24/7"
    assert "notes" not in rows[0]
    places, problems = read_safe_places(text, gazetteer)
    assert problems == [] and [p.id for p in places] == ["library", "chemist"]


@pytest.mark.parametrize(("rows", "message"), [
    (BAD_ROWS, "row 3: hours"),
    ([GOOD, {**GOOD, "id": "x", "last_verified": "2026-13-01"}], "row 3: last_verified"),
    ([], "no Safe Places in the file"),
])
def test_import_refuses_the_whole_file_when_a_row_is_wrong(tmp_path, rows, message):
    destination = tmp_path / "safe_places.csv"
    destination.write_text("the list in use\n")
    with pytest.raises(ValueError, match=re.escape(message)):
        import_safe_places(partnership_csv(tmp_path, rows), destination, directory.default().gazetteer)
    assert destination.read_text() == "the list in use\n"


@pytest.fixture
def directory_copy(tmp_path):
    """A copy of data/directory/ to change."""
    folder = tmp_path / "directory"
    shutil.copytree(directory.DIRECTORY_DIR, folder)
    return folder


@pytest.fixture
def cli(monkeypatch, tmp_path, directory_copy):
    """`python -m bot ...` with the directory folder pointed at the copy (the real files are
    compared before and after, in case anything writes to them)."""
    monkeypatch.setenv("SAFER_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setattr(directory, "DIRECTORY_DIR", directory_copy)
    real = {p.name: p.read_bytes() for p in (PROJECT_ROOT / "data" / "directory").iterdir()}
    yield main
    assert real == {p.name: p.read_bytes() for p in (PROJECT_ROOT / "data" / "directory").iterdir()}


def test_cli_directory_reports_the_counts(cli, capsys):
    cli(["directory"])
    loaded = directory.load()
    lines = capsys.readouterr().out.splitlines()
    samples = sum(p.sample for p in loaded.safe_places)
    assert lines[0] == (f"directory OK: {len(loaded.services)} services, {len(loaded.safe_places)} "
                        f"Safe Places ({samples} samples)")
    assert samples == len(loaded.safe_places) > 0
    assert all(line.startswith("not verified since ") for line in lines[1:])


def test_cli_directory_stops_on_a_broken_directory(cli, monkeypatch, directory_copy):
    (directory_copy / "services.yml").write_text("services: {galop: {name: Galop}}\n")
    real_load = directory.load
    monkeypatch.setattr(directory, "load", lambda folder=directory_copy: real_load(folder))
    with pytest.raises(SystemExit) as stopped:
        cli(["directory"])
    assert str(directory_copy / "services.yml") in str(stopped.value)
    assert "service 'galop': has no offers" in str(stopped.value)


def test_cli_import_safe_places(cli, capsys, tmp_path, directory_copy):
    """The command replaces the list only when every row is right."""
    cli(["import-safe-places", str(partnership_csv(tmp_path, GOOD_ROWS))])
    assert "2 Safe Places imported" in capsys.readouterr().out
    imported = (directory_copy / "safe_places.csv").read_text()
    assert [p.id for p in directory.load(directory_copy).safe_places] == ["library", "chemist"]
    with pytest.raises(SystemExit) as stopped:
        cli(["import-safe-places", str(partnership_csv(tmp_path, BAD_ROWS))])
    assert "row 3: hours" in str(stopped.value) and "row 6: id 'library' is used twice" in str(stopped.value)
    assert (directory_copy / "safe_places.csv").read_text() == imported


def test_cli_postcodes_rebuilds_the_table(cli, capsys, tmp_path, directory_copy):
    source = tmp_path / "postcodes.csv"
    source.write_text("postcode,latitude,longitude\nOX4 1AA,51.7,-1.2\nOX4 1AB,51.8,-1.3\n"
                      "SW1A 1AA,51.5,-0.1\nOX4 2AA,,\n")
    cli(["postcodes", str(source)])
    assert "2 OX districts and sectors written" in capsys.readouterr().out
    rows = list(csv.reader(io.StringIO((directory_copy / "postcodes.csv").read_text())))
    assert rows == [["code", "latitude", "longitude", "postcodes"], ["OX4", "51.75", "-1.25", "2"],
                    ["OX4 1", "51.75", "-1.25", "2"]]


# -- 5. Broken directory files -------------------------------------------------------------

def edit_service(folder, change):
    path = folder / "services.yml"
    data = yaml.safe_load(path.read_text())
    change(data["services"]["galop"])
    path.write_text(yaml.safe_dump(data))


def edit_text(folder, name, old, new):
    path = folder / name
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def edit_safe_place_date(folder):
    path = folder / "safe_places.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text())))
    rows[1]["last_verified"] = "22/11/2026"
    path.write_text(csv_text(rows))


BROKEN = [
    pytest.param(lambda f: edit_service(f, lambda s: s.pop("source")), "services.yml",
                 "service 'galop': has no source", id="no-source"),
    pytest.param(lambda f: edit_service(f, lambda s: s.update(last_verified="soon")), "services.yml",
                 "service 'galop': last_verified must be a date (YYYY-MM-DD)", id="last-verified-soon"),
    pytest.param(lambda f: edit_service(f, lambda s: s.update(topics=["burglary"])), "services.yml",
                 "service 'galop': topics: burglary not one of", id="unknown-topic"),
    pytest.param(lambda f: edit_service(f, lambda s: s.update(strands=["height"])), "services.yml",
                 "service 'galop': strands: height not one of", id="unknown-strand"),
    pytest.param(lambda f: edit_service(f, lambda s: s.update(hours="mon-fri 9-5")), "services.yml",
                 "service 'galop': hours: cannot read opening times '9-5'", id="bad-hours"),
    pytest.param(lambda f: edit_service(f, lambda s: s.update(area="mars")), "services.yml",
                 "service 'galop': area 'mars' is not one of", id="unknown-area"),
    pytest.param(lambda f: edit_service(f, lambda s: s.update(phone_number="0800")), "services.yml",
                 "service 'galop': has unknown field(s) phone_number", id="unknown-field"),
    pytest.param(lambda f: edit_service(f, lambda s: s.update(contact={}, how="")), "services.yml",
                 "service 'galop': needs a contact or a 'how' line", id="no-contact"),
    pytest.param(lambda f: edit_text(f, "services.yml", 'phone: "0800 999 5428"', "phone: 01234567"),
                 "services.yml", "service 'galop': contact values must be quoted text",
                 id="unquoted-phone-read-as-octal"),
    pytest.param(lambda f: edit_service(f, lambda s: s.update(languages="English")), "services.yml",
                 "service 'galop': languages must be a list", id="languages-not-a-list"),
    pytest.param(edit_safe_place_date, "safe_places.csv",
                 "row 3: last_verified must be a date (YYYY-MM-DD)", id="safe-place-date"),
    pytest.param(lambda f: edit_text(f, "places.yml", "jericho: OX2 6", "jericho: OX2 5"), "places.yml",
                 "place 'jericho': 'OX2 5' is not known", id="place-unknown-postcode"),
    pytest.param(lambda f: edit_text(f, "places.yml", "oxford: [OX1,", "oxford: [OX99,"), "places.yml",
                 "districts of oxford: 'OX99' is not known", id="district-unknown-postcode"),
    pytest.param(lambda f: edit_text(f, "postcodes.csv", "OX1 1,51.75096", "OX1 1,north"), "postcodes.csv",
                 "line 3: needs code, latitude and longitude", id="postcode-latitude"),
    pytest.param(lambda f: edit_text(f, "postcodes.csv", "OX1 1,51.75096", "OX1 1,nan"), "postcodes.csv",
                 "line 3: OX1 1 is not in the UK", id="postcode-nan"),
    pytest.param(lambda f: edit_text(f, "postcodes.csv", "OX1 2,", "OX1 1,"), "postcodes.csv",
                 "line 4: OX1 1 is given twice", id="postcode-twice"),
    pytest.param(lambda f: (f / "services.yml").unlink(), "services.yml", "cannot read",
                 id="services-missing"),
    pytest.param(lambda f: (f / "safe_places.csv").unlink(), "safe_places.csv", "cannot read",
                 id="safe-places-missing"),
]


@pytest.mark.parametrize(("corrupt", "file", "problem"), BROKEN)
def test_a_broken_directory_file_stops_loading(directory_copy, corrupt, file, problem):
    """The message names the file, the entry and the problem."""
    directory.load(directory_copy)  # the copy is fine before it is broken
    corrupt(directory_copy)
    with pytest.raises(DirectoryError) as err:
        directory.load(directory_copy)
    assert str(err.value).startswith(f"{directory_copy / file}: ")
    assert problem in str(err.value)


def test_the_app_refuses_to_start_with_a_broken_directory(monkeypatch, directory_copy, settings):
    from bot.web.app import create_app

    edit_service(directory_copy, lambda s: s.pop("source"))
    monkeypatch.setattr(directory, "default", lambda: directory.load(directory_copy))
    with pytest.raises(DirectoryError, match="service 'galop': has no source"):
        create_app(settings)


def test_stale_entries_are_those_not_verified_for_six_months():
    loaded = directory.default()
    everything = len(loaded.services) + len(loaded.safe_places)
    assert loaded.stale(dt.date(2026, 11, 22)) == []
    far = loaded.stale(dt.date(2100, 1, 1))
    assert len(far) == everything and {kind for kind, _, _ in far} == {"service", "safe place"}
    assert ("service", "galop", dt.date(2026, 12, 7)) in far
    # 183 days after its check an entry is still fresh; the day after, it is stale.
    for entry in far:
        verified = entry[2]
        assert entry not in loaded.stale(verified + dt.timedelta(days=183))
        assert entry in loaded.stale(verified + dt.timedelta(days=184))


# -- 6. No number that is not in the directory ---------------------------------------------

@pytest.mark.parametrize(("text", "numbers"), [
    ("call 0800 123 4567 now", ["0800 123 4567"]),
    ("text 07700900123.", ["07700900123"]),
    ("call 999 or 101, or 0800 138 1625", []),
    ("380 m, about 5 min walk; 37.5 km, about 587 min walk", []),
    ("within a 15-minute walk, open until 5:30pm, opens at 11pm, 24 hours", []),
    ("near OX4 1 or OX16, verified 2026-11-22, in 2027", []),
    ("ring 12345 (a number nobody gave)", ["12345"]),
])
def test_unknown_numbers_finds_numbers_not_in_the_directory(text, numbers):
    """The checker itself: a planted number is caught, distances, times and postcodes are not."""
    assert unknown_numbers(text) == numbers


def test_directory_numbers_are_read_from_the_file():
    assert {"999", "101", "0808 2000 247", "07717 989 025", "18001 101"} <= directory_numbers()


def test_no_guidance_text_has_a_number_not_in_the_directory():
    guidance = signposting.default().guidance
    assert guidance
    for key, text in guidance.items():
        assert unknown_numbers(text) == [], key
    assert "999" in guidance["emergency"]


def test_no_service_line_has_a_number_not_in_the_directory():
    for now in TIMES.values():
        suggestions = [Suggestion(s, s.hours.status(now)) for s in directory.default().services.values()]
        for suggestion in suggestions:
            line = service_line(suggestion)
            assert unknown_numbers(line) == [], line
            assert all(value in line for value in suggestion.service.contact.values()), line
            # Hours the sources do not give are left out, not "not confirmed".
            if suggestion.status.kind == "unknown":
                assert "not confirmed" not in line, line
            else:
                assert line.endswith(f"({suggestion.status.says})")
        assert unknown_numbers(services_text("Some people who can help:", suggestions)) == []


@pytest.mark.parametrize("where", ["OX4 1AA", "banbury", "bicester", "headington", "city centre", None])
def test_no_safe_places_text_has_a_number_not_in_the_directory(where):
    """Near and far, open and closed: distances and minutes are fine, other numbers are not."""
    loaded = directory.default()
    location = (loaded.gazetteer.resolve(where) if where
                else loaded.gazetteer.at_coordinates(51.5007, -0.1246))  # London: far away
    for now in TIMES.values():
        text = safe_places_text(location.label, nearest_open(loaded.safe_places, location, now))
        assert unknown_numbers(text) == [], text
        assert "SAMPLE" in text
        assert ("Safe Places open now near" in text) != ("None of the Safe Places I know is open" in text)


def test_day_names_may_be_written_in_full_as_a_partnership_csv_might():
    """"Monday-Friday 09:00-17:00" means the same as "mon-fri 09:00-17:00"."""
    assert (Hours.parse("Monday-Friday 09:00-17:00; Saturday closed")
            == Hours.parse("mon-fri 09:00-17:00; sat closed"))
    assert Hours.parse({"monday-friday": "09:00-17:00"}) == Hours.parse("mon-fri 09:00-17:00")


def test_a_changed_directory_file_is_read_again_and_a_broken_one_is_not(
        monkeypatch, directory_copy, tmp_path, caplog):
    monkeypatch.setattr(directory, "DIRECTORY_DIR", directory_copy)
    before = directory.default()
    assert directory.default() is before  # unchanged files: not read again
    replace_safe_places(partnership_csv(tmp_path, GOOD_ROWS).read_text(),
                        directory_copy / "safe_places.csv", before.gazetteer)
    after = directory.default()
    assert [p.id for p in after.safe_places] == ["library", "chemist"]
    (directory_copy / "services.yml").write_text("services: {galop: {name: Galop}}\n")
    assert directory.default() is after  # the broken file is not used
    assert "directory not reloaded" in caplog.text and "has no offers" in caplog.text
