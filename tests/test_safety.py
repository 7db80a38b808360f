"""The deterministic urgent-danger check, as a table of catches and near-misses."""

import pytest

from bot.safety import is_urgent


@pytest.mark.parametrize("text", [
    "someone is outside my door with a knife",
    "he's kicking the door in right now",
    "my husband is hitting me",
    "my friend collapsed after her drink and won't wake up",
    "they are trying to break in",
    "he said he is going to kill me",
    "HELP HE HAS A GUN",
    "she isn't breathing",
    "my drink tasted salty and now I can't stand up",
    "cant feel my legs after that drink",
    "a man is following me home and I'm scared",
    "I am in danger",
    "theres a burglar downstairs",
    "my ex is threatening me with a bottle",
    "a group are chasing us down cowley road",
    "my son is being attacked outside the shop",
    "she's not moving and her lips are turning blue",
    "someone's been stabbed on the high street",
    "please send help",
    "we need an ambulance her drink was spiked and shes fitting",
    "my dad wont let me leave the house",
    "i'm going to hurt myself",
    "he said he'd burn the house down with us inside",
    "i'm not safe outside, they're waiting for me",
])
def test_urgent_messages_are_caught(text):
    assert is_urgent(text)


@pytest.mark.parametrize("text", [
    "kids on bikes smashing the bus shelter again",
    "my neighbour plays loud music every night",
    "someone wrote a swastika on the synagogue",
    "he takes my bank card and says I'd be nothing without him",
    "hello",
    "I want to report fly-tipping on Botley Road",
    "my bike was stolen from outside the station",
    "they shout abuse at my mum every time she walks past",
    "my ex keeps texting me",
    "I think my drink was spiked last weekend, I'm fine now",
    "I couldn't stand up the next morning after that club",
    "can you help me report noise",
])
def test_everyday_reports_are_not_flagged(text):
    assert not is_urgent(text)
