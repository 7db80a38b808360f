"""Incident details: the data file, the training data made from it, and what a report keeps."""

from __future__ import annotations

import re

import pytest
import yaml

from bot import details
from bot.details import DETAILS_FILE, TRAINING_FILE, DetailsError
from bot.settings import PROJECT_ROOT

ANNOTATION = re.compile(r"\[[^\]]+\]\((\w+)\)")


def test_generated_training_file_is_up_to_date():
    assert TRAINING_FILE.read_text() == details.training_data(details.load()), (
        "run python -m bot.details")


def test_every_entity_is_a_list_slot_filled_from_that_entity():
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())
    for name in details.default().entities:
        assert name in domain["entities"], name
        slot = domain["slots"][name]
        assert slot["type"] == "list"
        assert slot["mappings"] == [{"type": "from_entity", "entity": name}]


def test_every_entity_is_annotated_in_training_data():
    """RegexEntityExtractor silently ignores a lookup table whose entity is never annotated."""
    annotated = {match for path in (PROJECT_ROOT / "nlu_data").glob("*.yml")
                 for match in ANNOTATION.findall(path.read_text())}
    assert set(details.default().entities) <= annotated, set(details.default().entities) - annotated


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda raw: raw["entities"]["setting"]["values"]["online"]["phrases"].append("hijab"),
     "'hijab' is listed under hate_strand and setting"),
    (lambda raw: raw["entities"]["asb_kind"]["values"]["noise"].pop("label"),
     "asb_kind.noise needs a label and phrases"),
    (lambda raw: raw["topics"]["asb"].append("shoe_size"), "unknown entities ['shoe_size']"),
    (lambda raw: raw.pop("topics"), "needs topics"),
])
def test_a_broken_file_is_refused_naming_the_problem(tmp_path, mutate, message):
    raw = yaml.safe_load(DETAILS_FILE.read_text())
    mutate(raw)
    broken = tmp_path / "details.yml"
    broken.write_text(yaml.safe_dump(raw))
    with pytest.raises(DetailsError, match=re.escape(message)):
        details.load(broken)


def test_a_report_keeps_only_its_topics_details_and_gets_the_police_category():
    slots = {"asb_kind": ["fly_tipping", "noise", "noise"], "hate_strand": ["race"],
             "place": ["barton"], "da_kind": ["physical"]}
    kept = details.default().for_report("asb", slots, urgent=False)
    assert kept == {"asb_kind": ["fly_tipping", "noise"], "place": ["barton"],
                    "asb_category": ["environmental", "nuisance"]}


def test_domestic_abuse_reports_keep_no_place():
    kept = details.default().for_report(
        "domestic_abuse", {"place": ["barton"], "da_relationship": ["ex_partner"]}, urgent=False)
    assert kept == {"da_relationship": ["ex_partner"]}


@pytest.mark.parametrize(("when", "urgent", "expected"), [
    ([], False, "unwell_now"), (["now"], False, "unwell_now"),
    (["recent"], False, "unwell_earlier"), (["recent"], True, "unwell_now"),
])
def test_unwell_after_spiking_is_now_unless_said_to_be_earlier(when, urgent, expected):
    kept = details.default().for_report("spiking", {"unwell": ["unwell"], "when": when}, urgent)
    assert kept["unwell"] == [expected]


def test_staff_see_labels_not_codes():
    rows = details.default().labelled({"hate_strand": ["race", "religion"],
                                       "asb_category": ["environmental"]})
    assert rows == [("Hate crime strand", "Race, ethnicity or nationality, Religion or faith"),
                    ("Police ASB category", "Environmental")]


def test_a_broken_file_stops_the_app_at_start_up(tmp_path, monkeypatch):
    from bot.web.app import create_app
    from tests.conftest import make_settings

    broken = tmp_path / "details.yml"
    broken.write_text("entities: {}\n")
    monkeypatch.setattr(details, "default", lambda: details.load(broken))
    with pytest.raises(DetailsError, match="needs entities, topics, asb_police_category"):
        create_app(make_settings(tmp_path))
