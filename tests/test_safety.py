"""The deterministic urgent-danger check, as a table of catches and near-misses."""

import pytest

from bot.safety import is_present_danger, is_urgent


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
    "youths have set fire to the wheelie bin right up against my house",
    "the shed next door is on fire",
    "bin store alight under the flats",
    "kids pouring lighter fluid thru my letterbox now",
    "gang outside with bats now",
    "people with crowbars trying to get into the flats",
    "armed robbery at the petrol station",
    "someones got a crossbow in Banbury",
    "drunk lad outside the pub has just glassed someone",
    "lads laying into a gay couple at the bus stop",
    "trans and being hit rn",
    "our daughter has got her dad by the neck",
    "I've been kidnapped",
    "i'm trapped and I can't get out",
    "im trans and a group have cornered me and wont let me past",
    "ex outside my house threatning me",
    "hiding under the bed hes searching the house for me",
    "he's coming up the stairs",
    "drink spiked and she just fell and isnt waking up",
    "she's gone floppy in the smoking area",
    "the girl next to me is being sick and her eyes are rolling",
    "my brother's convulsing in a beer garden",
    "my mum has dementia and she's gone missing in the rain",
    "my little girl's disappeared in the Westgate",
    "grandad's wandered off from the care home in his slippers",
    "our son never came home from school and his phone is off",
    "we've looked everywhere in the park and can't find her",
    "spiked at the bar, can't walk",
    "he's found me, his van is across the road",
    "im not safe",
    "he said earlier he wanted to die",
    "a woman is on the wrong side of the railings on the bridge",
    "a man is on the edge of the multi storey about to jump",
])
def test_fire_weapons_captivity_and_medical_signs_are_caught(text):
    """Kinds of danger the first patterns missed: in the training data, two urgent
    messages in three went past them (README, "The safety net's words")."""
    assert is_urgent(text)


@pytest.mark.parametrize(("text", "urgent"), [
    ("I don't want to be here anymore. I've got the pills lined up", True),
    ("my mate msgd me goodbye and says hes taken all his tablets", True),
    ("my brother says he's going to end it tonight and he won't answer", True),
    ("someone is threatening to jump off the bridge", True),
    ("she said she would kill herself if I left", True),
    ("he swallowed a handful of paracetamol", True),
    ("I want to end it all with these pills", True),
    ("i dont want to wake up tomorrow", True),
    # ending a relationship, one's usual tablets, and not wanting to live somewhere
    ("I want to end it with him but I'm scared of what he'll do", False),
    ("I took my tablets this morning and I'm fine", False),
    ("the neighbours are so noisy I don't want to live here any more", False),
    ("she texted me goodnight and went to bed", False),
    ("he's shouting downstairs, I don't want to wake up the kids", False),
])
def test_self_harm_said_of_oneself_or_another_is_caught(text, urgent):
    """Words for suicide the net lacked: 5 urgent training messages and 4 of validation2
    went past it (README, "The safety net's words")."""
    assert is_urgent(text) is urgent


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
    "I'm not in danger, I just want to talk to someone",
    "she's no longer in danger but I'm worried",
    "what's the non-emergency number",
    "who do I call, it's not an emergency",
    "streetlight outside my house isnt working",
    "someone revs their car outside my window at 1am every night",
    "her husband won't let her out of his sight",
    "my husband won't let me go out alone",
    "fuel drive off at my petrol station",
    "someone siphoned the petrol out of my car",
    "can't find my keys anywhere",
    "my bike has gone missing from outside the station",
    "my parcel went missing",
    "my daughter went missing for two days last year, the police were useless",
    "my cat hasnt come home",
    "bunch of drunk lads rang our doorbell at 2am then wandered off",
    "my son is missing his dad since the divorce",
    "a man shouted abuse at me then disappeared into the crowd",
    "the lad who keyed my car has disappeared, nobody knows where he lives",
    "kids knocked on my door and disappeared",
    "found needles in the grass by the kids play area, it's sick",
    "i was needle spiked last month, can i still get tested",
    "he hit me 2 years ago and i'm still confused about it",
    "the injection at the doctors gave me nausea",
    "hellooo",
])
def test_everyday_reports_are_not_flagged(text):
    assert not is_urgent(text)


@pytest.mark.parametrize(("text", "now"), [
    ("she won't wake up", True),
    ("my friend isn't breathing", True),
    ("she's gone floppy in the smoking area", True),
    ("my 7 year old has wandered off in the park, cant find her anywhere", True),
    ("my daughter is 15 and didnt come home last night, phone's off", True),
    ("my mum has dementia and she's missing", True),
    ("he's found me, his van is across the road", True),
    ("im not safe", True),
    ("a woman is on the wrong side of the railings on the bridge", True),
    # told in the past or asked about as often as lived now: the model may overrule these
    ("he threatened to stab me last year", False),
    ("my friend collapsed after her drink", False),
    ("is there much knife crime round here", False),
    ("I passed out on saturday after two drinks", False),
])
def test_only_a_danger_that_can_only_be_now_is_present_danger(text, now):
    """A present danger is urgent whatever the model says (bot/topics.py), so only
    words nobody uses about the past belong there; every one is urgent to the net too."""
    assert is_present_danger(text) is now
    assert is_urgent(text)


@pytest.mark.parametrize("text", [
    "someone just jabbed me with a needle in the club and im dizzy",
    "felt a sharp prick in my arm at the bar, now i feel really weird",
    "i think ive been needle spiked, my legs have gone",
    "sheeee wont wake uppp",
    "hes got a knifeee",
])
def test_needle_spiking_felt_now_and_letters_held_down_are_caught(text):
    """Needle spiking with its effects now, and words typed with a letter held down:
    none of them was caught in any language before the safety held-out reading of
    December 8 (docs/languages.md)."""
    assert is_urgent(text)
