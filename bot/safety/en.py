"""English words for danger now (the first language of the net; see bot/safety/__init__.py).

Written for this project from its English training data and the validation messages'
misses (README, "The safety net's words"); matched against `normalise`d text.
"""

from __future__ import annotations

from bot.safety import both

_SOMEONE = r"(?:me|him|her|them|us|my \w+)"
# Someone who can go missing: a child, a relative or a friend, and "my" one when the words
# are apart, so that things ("my bike has gone missing") and the ones who did the harm
# ("kids knocked on my door and disappeared") are left out.
_MISSED = (r"(?:son|daughter|child|kid|boy|girl|toddler|baby|little \w+|mum|mom|mam|dad|nan|"
           r"gran|grandma|grandad|grandpa|sister|brother|friend|mate)s?|\d+ ?(?:year|yr) old")
_NOT_HOME = r"(?:hasn'?t|has not|haven'?t|didn'?t|did not|never) (?:come|came) home"


# A needle or an injection (needle spiking) with feeling faint or strange now.
_NEEDLE = (r"\b(?:jabbed|pricked|injected|injection|needle[ -]?spik\w*|(?:with|"
           r"by) a (?:needle|syringe)|sharp (?:prick|scratch|pain) (?:in|on) my|pin ?prick)")
_FAINT = (r"\b(?:dizzy|dizziness|woozy|faint|spinning|drowsy|numb|blurry|out of it|"
          r"going under|feel (?:really |so |very )?(?:weird|strange|sick|funny|odd|off)|"
          r"can'?t (?:stand|walk|see|think|move)|legs (?:have )?gone)\b")

EVENT = (
    # needle spiking, felt now
    both(_NEEDLE, _FAINT),
    # a weapon, or a weapon used
    r"\b(?:knife|knives|blade|machete|gun|firearm|shotgun|crossbow|acid|axe|weapon|weapons)\b",
    r"\b(?:stabb(?:ed|ing)|shooting|been shot|getting shot|glassed|armed)\b",
    r"\bwith (?:a |an |the |their |his )?(?:bats?|hammers?|crowbars?|golf clubs?|"
    r"metal bars?|iron bars?|baseball bats?|bricks?)\b",
    # threats to life, violence happening now
    r"\b(?:kill|stab|shoot|strangle|choke|burn)(?:ing|s|ed)?\s+(?:the\b|" + _SOMEONE + ")",
    r"\b(?:going to|gonna|will|'ll|threaten\w*(?: to)?)\s+(?:kill|hurt|stab|attack|beat|rape)\b",
    r"\b(?:hitting|beating|punching|kicking|strangling|choking|attacking|raping|hurting)\s+"
    + _SOMEONE,
    r"\b(?:beating up|laying into|headbutting|punching)\s+(?:a|an|the|some|two|this)\b",
    r"\b(?:being|getting)\s+(?:attacked|beaten|stabbed|strangled|assaulted|hit|punched|"
    r"kicked in|beaten up|glassed|jumped)\b",
    r"\bthreatening\s+" + _SOMEONE + r"\s+with\b",
    r"\bby the (?:neck|throat)\b",
    # fire set now, or about to be
    r"\b(?:on fire|alight|ablaze|set fire|setting fire|settin fire|caught fire|petrol bombs?|"
    r"lighter fluid)\b|\bsmoke (?:pouring|everywhere)\b|\bpour\w* petrol|petrol (?:on|over|through)\b",
    # someone getting in, or being held, chased, followed or taken
    r"\b(?:trying|tryin)\s+to\s+(?:get|break|kick|force\s+(?:his|her|their)\s+way)\s+in\b",
    r"\b(?:break(?:ing)?|kick(?:ing)?|bang(?:ing)?|smash(?:ing)?)\s+(?:down\s+|in\s+)?"
    r"(?:my|the|our)\s+(?:door|window)",
    r"\b(?:breaking in|broken in and|intruder)\b",
    r"\bburglars? (?:is |are )?(?:in|inside|downstairs|upstairs)\b",
    r"\b(?:locked (?:me )?in|holding me|trapped|kidnapp\w*|abduct\w*)\b",
    r"\bwon'?t let " + _SOMEONE + r" (?:leave|out(?! of)|go(?! out| to)|past)\b",
    r"\b(?:following|chasing)\s+(?:me|us)\b|\bbeing (?:followed|chased)\b",
    r"\b(?:is|'s|are|'re|hes|shes|theyre|still|now|ex|he|she|they|someone|somebody|man|men|"
    r"lads|gang|group)\s+(?:stood |standing |waiting |sitting )?"
    r"outside (?:my|our|the) (?:door|house|flat|window|home)\b",
    r"\b(?:hiding|hidin) (?:in|under|from|upstairs|behind)\b|\bcoming up the stairs\b",
    # someone collapsed, unconscious or hurt
    r"\b(?:unconscious|unresponsive|passed out|collapsed|not responding|not moving)\b",
    r"\boverdos\w*",
    r"\b(?:can'?t|cannot)\s+(?:stand(?:\s+up)?|feel\s+my\s+(?:legs|arms|body))\b",
    r"\b(?:bleeding|blood everywhere|fitting|having a fit|seizure|turning blue|convuls\w*)\b",
    # asking for help now
    r"\b(?:help me now|send help|call (?:the )?police for me)\b",
    r"(?<!not )(?<!n't )(?<!no longer )\bin danger\b",
    r"(?<!non )(?<!non-)(?<!not an )(?<!n't an )(?<!not a )\bemergency\b",
    r"\b(?:need|get|call)\s+(?:an? |the )?(?:ambulance|police (?:now|here|quick))\b",
    # self-harm, said of oneself or of someone else; ending a relationship ("end it with
    # him") and one's usual tablets ("took my tablets") are left out
    r"\b(?:suicid\w*|end my life|going to jump|gonna jump|about to jump|threaten\w* to jump|"
    r"(?:kill|hurt|harm) (?:myself|himself|herself|themselves|themself))\b",
    r"\b(?:going to|gonna|'ll|will|want to|wanna) end it(?: all)?\b(?! with (?:him|her|them|my)\b)",
    r"\b(?:taken|took|swallowed|had) (?:all (?:of )?(?:his|her|their|my|the) |a load of |loads of "
    r"|a handful of |a bottle of |a packet of |the whole packet of )(?:pills|tablets|paracetamol)\b",
    r"\b(?:pills|tablets)\b[^.!?]{0,20}\b(?:lined up|in front of me|ready)\b",
    r"\b(?:don'?t|do not) want to (?:be here any ?more|be alive|live any ?more|"
    r"wake up (?:again|tomorrow|in the morning))\b",
    r"\b(?:texted|messaged|msgd|sent) (?:me )?(?:a )?goodbye\b",
)

PRESENT = (
    # found by the person they fled
    r"\b(?:he|she|they)(?:'s| has| have|s) found (?:me|us)\b",
    # a body in trouble now
    r"\b(?:not|isn'?t|is not|stopped|can'?t|cannot)\s+breath(?:e|ing)\b",
    r"\b(?:won'?t|can'?t|cannot|isn'?t|not)\s+wak(?:e|ing)\b",
    r"\b(?:gone|going) floppy\b|\beyes (?:are )?rolling\b|\bbarely (?:conscious|breathing)\b",
    r"\bspiked\b.{0,30}\b(?:can'?t|cnt|cannot) (?:think|see|stand|walk|move|talk|focus)\b",
    # someone missing now
    r"\b(?:my|our) (?:" + _MISSED + r")\b[^.!?]{0,30}?\b(?:gone missing|disappeared|"
    r"wandered off|" + _NOT_HOME + r")\b",
    r"\b(?:he|she|" + _MISSED + r")(?:'s| has| have) (?:gone missing|wandered off)\b",
    r"\b(?:he|she|" + _MISSED + r") " + _NOT_HOME + r"\b",
    r"\b(?:he|she|" + _MISSED + r")(?: is| are|'s) missing\b"
    r"(?! (?:his|her|their|my|the|a|school|work|out))",
    r"\bcan'?t find (?:him|her|them|my (?:son|daughter|child|kid|boy|girl|toddler|little \w+))\b",
    # not safe, or not wanting to live, said now
    r"\bnot safe (?:now|right now|at the moment|currently|here|outside|again|still)\b",
    r"\b(?:i'?m|i am|we'?re|we are)\s+not safe\b",
    r"\b(?:want(?:s|ed)? to die|wrong side of the (?:railings|barrier|fence))\b",
)

