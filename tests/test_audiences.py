"""Who the resident said they are, for services meant for them (bot/directory/audiences.py)."""

from __future__ import annotations

import pytest

from bot.directory import audiences
from bot.directory.audiences import AudiencesError, audiences_in


@pytest.mark.parametrize(("said", "expected"), [
    ("my wife hits me and takes my wages", {"men"}),
    ("is there a helpline for men being abused by their wife", {"men"}),
    ("I'm a man and my partner controls everything", {"men"}),
    ("im gay and my partner hit me", {"lgbt"}),
    ("my trans girlfriend gets abuse in the street", {"lgbt"}),
    ("i'm a man and my husband pushed me down the stairs", {"men", "lgbt"}),
    ("as a woman, my girlfriend checks my phone", {"women", "lgbt"}),
    ("im 17 and my family are taking me abroad to marry", {"young_people"}),
    ("I'm only 15, my stepdad hits mum", {"young_people"}),
    ("i'm deaf, how do I contact the police", {"deaf"}),
    ("someone pulled my hijab on the bus yesterday", {"muslim"}),
    ("they sprayed a swastika on the synagogue wall", {"jewish"}),
    # near-misses: nothing said about who they are
    ("my husband hits me", set()),
    ("i'm a woman and the men in my family control who i see", {"women"}),
    ("my boyfriend reads all my messages", set()),
    ("i'm 15 minutes from home and scared", set()),
    ("transport to the refuge", set()),
    ("my son is 16", set()),
    ("a man shouted at me about my religion", set()),
])
def test_what_residents_say_of_themselves_names_their_audience(said, expected):
    assert audiences_in([said]) == expected


def test_what_was_said_earlier_in_the_conversation_counts():
    assert audiences_in(["hi", "i'm a guy", "she hits me when she drinks"]) == {"men"}


def test_an_unknown_audience_or_a_bad_list_is_refused(tmp_path):
    bad = tmp_path / "audiences.yml"
    bad.write_text("pensioners:\n  self: [i'm retired]\n", encoding="utf-8")
    with pytest.raises(AudiencesError, match="audiences must be some of"):
        audiences.load(bad)
    bad.write_text("men:\n  self: i'm a man\n", encoding="utf-8")
    with pytest.raises(AudiencesError, match="a list of phrases"):
        audiences.load(bad)
    bad.write_text("men: [i'm a man]\n", encoding="utf-8")
    with pytest.raises(AudiencesError, match="each audience is a mapping"):
        audiences.load(bad)
