"""Signposting texts: they name the directory's facts, never numbers; bad files stop start-up."""

from __future__ import annotations

import re

import pytest
import yaml

from bot import directory, signposting
from bot.settings import PROJECT_ROOT
from bot.signposting import SIGNPOSTING_FILE, SignpostingError


def test_every_service_has_a_source_and_a_verified_date():
    for sid, service in directory.default().services.items():
        assert service.source and service.last_verified.year >= 2026, sid


def test_domain_responses_contain_no_phone_numbers():
    domain = (PROJECT_ROOT / "domain.yml").read_text()
    assert not re.search(r"\b\d{3,}\b", domain)


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["guidance"].update(asb="call {nobody.phone}"),
     "guidance 'asb' refers to unknown {nobody.phone}"),
    (lambda d: d["guidance"].update(asb="call {galop.fax}"),
     "guidance 'asb' refers to unknown {galop.fax}"),
    (lambda d: d["guidance"].update(asb="call {odas.hours}"),
     "guidance 'asb' refers to unknown {odas.hours}"),
    (lambda d: d.pop("guidance"), "needs a 'guidance' mapping"),
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
