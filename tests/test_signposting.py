"""Signposting data: every number said comes from the data file; bad files stop start-up."""

from __future__ import annotations

import re

import pytest
import yaml

from bot import signposting
from bot.settings import PROJECT_ROOT
from bot.signposting import SIGNPOSTING_FILE, SignpostingError

PHONE = re.compile(r"\b\d[\d ]{1,12}\d\b|\b\d{3}\b")


def numbers_in_data() -> set[str]:
    services = yaml.safe_load(SIGNPOSTING_FILE.read_text())["services"]
    return {str(v) for entry in services.values() for k, v in entry.items()
            if k.startswith("phone") or k == "text"}


def test_every_service_has_a_source_and_a_verified_date():
    for sid, entry in signposting.default().services.items():
        assert entry["source"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["last_verified"]), sid


def test_no_guidance_contains_a_number_that_is_not_in_the_data():
    known = numbers_in_data()
    for key, text in signposting.default().guidance.items():
        for number in PHONE.findall(text):
            assert any(number in k for k in known), (
                f"{key}: {number!r} is not a number from data/signposting.yml")


def test_domain_responses_contain_no_phone_numbers():
    domain = (PROJECT_ROOT / "domain.yml").read_text()
    assert not re.search(r"\b\d{3,}\b", domain)


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["services"]["galop"].pop("source"), "service 'galop' has no 'source'"),
    (lambda d: d["services"]["galop"].update(last_verified="soon"),
     "service 'galop' last_verified must be a date"),
    (lambda d: d["guidance"].update(asb="call {nobody.phone}"),
     "guidance 'asb' refers to unknown {nobody.phone}"),
    (lambda d: d["guidance"].pop("spiking"), "guidance is missing spiking"),
])
def test_a_broken_file_is_refused_naming_the_entry_and_problem(tmp_path, mutate, message):
    data = yaml.safe_load(SIGNPOSTING_FILE.read_text())
    mutate(data)
    broken = tmp_path / "signposting.yml"
    broken.write_text(yaml.safe_dump(data))
    with pytest.raises(SignpostingError) as err:
        signposting.load(broken)
    assert message in str(err.value) and str(broken) in str(err.value)
