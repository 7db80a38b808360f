"""Referral routing: the shipped file routes each report sensibly; a broken file names its line."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from bot import routing
from bot.routing import ROUTING_FILE, RoutingError
from bot.topics import TOPICS

# A small valid file; each broken-file case below changes one line of it.
VALID = textwrap.dedent("""\
    organisations:
      police:
        name: Police
        kind: police
        method: outbox
        service: police_non_emergency
        summary: The police.
        source: test
        last_verified: 2026-11-21
      helper:
        name: Helper
        kind: support
        method: outbox
        service: null
        summary: Helps.
        source: test
        last_verified: 2026-11-21
      lgbt:
        name: LGBT helper
        kind: support
        method: outbox
        service: galop
        summary: Helps LGBT+ people.
        source: test
        last_verified: 2026-11-21
    rules:
      - when: {topic: hate_crime, strands: [transgender]}
        refer_to: [lgbt]
      - when: {topic: hate_crime}
        refer_to: [helper]
      - when: {topic: asb}
        refer_to: [helper]
      - when: {topic: spiking}
        refer_to: [helper]
      - when: {topic: domestic_abuse}
        refer_to: [helper]
      - when: {topic: other}
        refer_to: [helper]
    response_times:
      asb: {urgent: today, normal: this week}
      hate_crime: {urgent: today, normal: this week}
      spiking: {urgent: today, normal: this week}
      domestic_abuse: {urgent: today, normal: this week}
      other: {urgent: today, normal: this week}
    """)


def ids(orgs: list[routing.Organisation]) -> list[str]:
    return [org.id for org in orgs]


def test_the_shipped_file_loads_and_every_report_has_somewhere_to_go():
    shipped = routing.load(ROUTING_FILE)
    for topic in TOPICS:
        for urgent in (False, True):
            assert shipped.support_for(topic, [], None, urgent), (topic, urgent)
            assert shipped.response_time(topic, urgent).startswith("within"), (topic, urgent)


def test_the_police_is_thames_valley_police_and_never_a_support_organisation():
    shipped = routing.default()
    assert shipped.police.name == "Thames Valley Police"
    assert shipped.police.kind == "police"
    for topic in TOPICS:
        assert shipped.police not in shipped.support_for(topic, ["race"], "cowley", True)


@pytest.mark.parametrize(("topic", "strands", "area", "urgent", "first"), [
    ("hate_crime", ["race"], None, False, "stop_hate_uk"),
    ("hate_crime", ["disability"], "cowley", True, "stop_hate_uk"),
    ("hate_crime", ["transgender"], None, False, "galop"),
    ("hate_crime", ["sexual_orientation"], None, False, "galop"),
    ("hate_crime", ["religion"], None, False, "stop_hate_uk"),
    ("domestic_abuse", [], None, False, "odas"),
    ("domestic_abuse", [], None, True, "national_domestic_abuse_helpline"),
    ("asb", [], "cherwell", False, "cherwell_council"),
    ("asb", [], "cherwell", True, "cherwell_council"),
    ("asb", [], "oxford_city_centre", False, "oxford_city_council"),
    ("asb", [], "blackbird_leys", False, "oxford_city_council"),
    ("asb", [], "cowley road", False, "oxford_city_council"),
    ("asb", [], "abingdon", False, "oxford_city_council"),
    ("asb", [], None, False, "oxford_city_council"),
    ("spiking", [], "oxford_city_centre", True, "victims_first"),
    ("other", [], None, False, "victims_first"),
])
def test_the_most_suitable_organisation_comes_first(topic, strands, area, urgent, first):
    assert ids(routing.default().support_for(topic, strands, area, urgent))[0] == first


def test_faith_services_are_alternatives_after_stop_hate_uk_for_religion_only():
    shipped = routing.default()
    religion = ids(shipped.support_for("hate_crime", ["religion"], None, False))
    assert religion.index("stop_hate_uk") < religion.index("tell_mama") < religion.index("cst")
    race = ids(shipped.support_for("hate_crime", ["race"], None, False))
    assert "tell_mama" not in race and "cst" not in race


def test_several_strands_combine_in_rule_order_without_repeats():
    both = ids(routing.default().support_for("hate_crime", ["religion", "transgender"], None, False))
    assert both[:2] == ["galop", "stop_hate_uk"]
    assert len(both) == len(set(both))


def test_cherwell_council_is_only_offered_in_cherwell():
    for area in ("cowley", "abingdon", "oxfordshire_towns", None):
        assert "cherwell_council" not in ids(routing.default().support_for("asb", [], area, False)), area


def test_asb_response_times_follow_the_council_categories():
    shipped = routing.default()
    assert shipped.response_time("asb", urgent=True) == "within 24 hours"
    assert shipped.response_time("asb", urgent=False) == "within 2 to 5 working days"


CHRISTMAS_EVE = dt.datetime(2026, 12, 24, 10, 0, tzinfo=dt.UTC)  # a Thursday


@pytest.mark.parametrize(("topic", "urgent", "due"), [
    ("asb", True, dt.datetime(2026, 12, 25, 10, 0, tzinfo=dt.UTC)),  # "within 24 hours"
    # "within 2 to 5 working days": the 5th, past Christmas, Boxing Day (Monday 28th in
    # lieu), New Year's Day and two weekends.
    ("asb", False, dt.datetime(2027, 1, 5, 10, 0, tzinfo=dt.UTC)),
    ("hate_crime", False, dt.datetime(2026, 12, 30, 10, 0, tzinfo=dt.UTC)),
])
def test_a_reports_deadline_is_what_the_resident_was_told(topic, urgent, due):
    assert routing.default().due(topic, urgent, CHRISTMAS_EVE) == due


def test_words_without_a_figure_give_no_deadline(tmp_path):
    path = tmp_path / "routing.yml"
    path.write_text(VALID)
    assert routing.load(path).due("spiking", True, CHRISTMAS_EVE) is None  # "today"


def test_every_organisation_sends_through_the_outbox_and_links_its_contact_facts():
    shipped = routing.default()
    for oid, org in shipped.organisations.items():
        assert org.id == oid and org.method == "outbox" and org.summary, oid
    assert shipped.organisations["odas"].service == "odas"
    assert shipped.organisations["oxford_city_council"].service == "oxford_community_safety"


def test_changing_the_file_changes_routing(tmp_path):
    path = tmp_path / "routing.yml"
    path.write_text(VALID.replace("refer_to: [lgbt]", "refer_to: [lgbt, helper]"))
    assert ids(routing.load(path).support_for("hate_crime", ["transgender"], None, False)) == [
        "lgbt", "helper"]
    path.write_text(VALID)
    assert ids(routing.load(path).support_for("hate_crime", ["race"], None, False)) == ["helper"]


def test_the_small_valid_file_is_valid(tmp_path):
    path = tmp_path / "routing.yml"
    path.write_text(VALID)
    loaded = routing.load(path)
    assert loaded.police.id == "police"
    assert loaded.response_time("spiking", urgent=True) == "today"


def line_of(text: str, marker: str) -> int:
    """The 1-based number of the only line containing `marker`."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if marker in line]
    assert len(lines) == 1, f"{marker!r} is on lines {lines}"
    return lines[0]


# (what is broken, text replaced, replacement, a text on the line the error must name, message)
BROKEN = [
    ("unknown organisation", "refer_to: [lgbt]", "refer_to: [lgbt, foo]", "[lgbt, foo]",
     "rule 1 names unknown organisation 'foo'"),
    ("unknown strand", "strands: [transgender]", "strands: [transgender, trans]", "[transgender, trans]",
     "rule 1 names unknown strand 'trans'"),
    ("unknown area", "{topic: asb}", "{topic: asb, areas: [narnia]}", "narnia",
     "rule 3 names unknown area 'narnia'"),
    ("unknown topic", "{topic: other}", "{topic: burglary}", "burglary",
     "rule 6 names unknown topic 'burglary'"),
    ("missing catch-all", "  - when: {topic: spiking}\n    refer_to: [helper]\n", "", "rules:",
     "topic 'spiking' has no catch-all rule"),
    ("catch-all that tests urgency", "{topic: spiking}", "{topic: spiking, urgent: true}", "rules:",
     "topic 'spiking' has no catch-all rule"),
    ("two police organisations", "    kind: support\n    method: outbox\n    service: galop",
     "    kind: police  # second\n    method: outbox\n    service: galop", "# second",
     "organisations 'police' and 'lgbt' both have kind police"),
    ("no police organisation", "kind: police", "kind: support", "organisations:",
     "no organisation has kind police"),
    ("bad YAML", "summary: Helps.", "summary: Helps: a lot.", "Helps: a lot",
     "not valid YAML"),
    ("unknown key", "    source: test\n    last_verified: 2026-11-21\n  lgbt:",
     "    source: test\n    phone: 0123\n    last_verified: 2026-11-21\n  lgbt:", "phone:",
     "organisation 'helper' has unknown key 'phone'"),
    ("unknown rule key", "refer_to: [lgbt]", "refer_to: [lgbt]\n    priority: 1", "priority:",
     "rule 1 has unknown key 'priority'"),
    ("service not in signposting", "service: galop", "service: galop_helpline", "galop_helpline",
     "names service 'galop_helpline', which is not in data/directory/services.yml"),
    ("bad method", "  lgbt:\n    name: LGBT helper\n    kind: support\n    method: outbox",
     "  lgbt:\n    name: LGBT helper\n    kind: support\n    method: fax", "method: fax",
     "organisation 'lgbt' has method 'fax'"),
    ("missing response time", "  spiking: {urgent: today, normal: this week}\n", "", "response_times:",
     "response_times is missing spiking"),
    ("police in a rule", "{topic: other}\n    refer_to: [helper]", "{topic: other}\n    refer_to: [police]",
     "[police]", "rule 6 names the police"),
    ("undated organisation", "service: galop\n    summary: Helps LGBT+ people.\n    source: test\n"
     "    last_verified: 2026-11-21", "service: galop\n    summary: Helps LGBT+ people.\n"
     "    source: test\n    last_verified: soon", "soon", "last_verified must be a date"),
    ("key given twice", "  other: {urgent: today, normal: this week}",
     "  other: {urgent: today, normal: this week}\n  other: {urgent: now, normal: later}", "now",
     "'other' is given twice"),
]


@pytest.mark.parametrize(("old", "new", "marker", "message"),
                         [case[1:] for case in BROKEN], ids=[case[0] for case in BROKEN])
def test_a_broken_file_is_refused_naming_file_line_and_problem(tmp_path, old, new, marker, message):
    assert old in VALID, "the case no longer matches the valid file"
    text = VALID.replace(old, new, 1)
    path = tmp_path / "routing.yml"
    path.write_text(text)
    with pytest.raises(RoutingError) as err:
        routing.load(path)
    assert str(err.value).startswith(f"{path} line {line_of(text, marker)}: "), str(err.value)
    assert message in str(err.value)


def test_an_unreadable_file_is_refused_naming_it(tmp_path):
    missing = tmp_path / "nowhere.yml"
    with pytest.raises(RoutingError, match="nowhere.yml: cannot read"):
        routing.load(missing)


def test_a_file_in_the_project_is_named_from_the_project_root(tmp_path, monkeypatch):
    monkeypatch.setattr(routing, "PROJECT_ROOT", tmp_path)
    path = tmp_path / "data" / "routing.yml"
    path.parent.mkdir()
    path.write_text(VALID.replace("refer_to: [lgbt]", "refer_to: [foo]"))
    with pytest.raises(RoutingError) as err:
        routing.load(path)
    assert str(err.value) == "data/routing.yml line 28: rule 1 names unknown organisation 'foo'"


def test_a_broken_routing_file_stops_the_app_at_start_up(tmp_path, monkeypatch):
    from bot.web.app import create_app
    from tests.conftest import make_settings

    broken = tmp_path / "routing.yml"
    broken.write_text(VALID.replace("refer_to: [lgbt]", "refer_to: [nobody]"))
    monkeypatch.setattr(routing, "default", lambda: routing.load(broken))
    with pytest.raises(RoutingError, match="routing.yml line 28: rule 1 names unknown organisation 'nobody'"):
        create_app(make_settings(tmp_path))
