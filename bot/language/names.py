"""The bot's languages: codes, names, direction of writing, and the words that ask for one.

English first; then the languages Oxford's communities write most (issue "Every resident
in their own language"). Urdu is one language in two scripts: its Urdu-script texts serve
residents who type Roman Urdu too.
"""

from __future__ import annotations

import re

from bot.safety import normalise

LANGUAGES = ("en", "pl", "ur", "ar", "ro", "es", "it", "pt", "fr", "de", "zh", "sq")
ENGLISH_NAMES = {"en": "English", "pl": "Polish", "ur": "Urdu", "ar": "Arabic",
                 "ro": "Romanian", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
                 "fr": "French", "de": "German", "zh": "Chinese", "sq": "Albanian"}
# Each language's name in itself: what the language choice shows.
OWN_NAMES = {"en": "English", "pl": "Polski", "ur": "اردو", "ar": "العربية", "ro": "Română",
             "es": "Español", "it": "Italiano", "pt": "Português", "fr": "Français",
             "de": "Deutsch", "zh": "中文", "sq": "Shqip"}
RIGHT_TO_LEFT = frozenset({"ar", "ur"})

# Words that name a language, in English and in itself (normalised: no accents), and ways
# of asking for it; a message asks for a language only when it is short and has one.
_NAMES = {
    "en": r"english|in english|angielski|po angielsku|ingles|anglais|englisch|inglese|engleza"
          r"|anglisht|英语|英文|انگريزي|الانجليزيه|انجليزي",
    "pl": r"polish|polski|po polsku|polsku",
    "ur": r"urdu|اردو|urdu mein|urdu main",
    "ar": r"arabic|العربيه|عربي|بالعربي|بالعربيه",
    "ro": r"romanian|romana|in romana|romaneste",
    "es": r"spanish|espanol|en espanol|castellano",
    "it": r"italian|italiano|in italiano",
    "pt": r"portuguese|portugues|em portugues|brazilian portuguese",
    "fr": r"french|francais|en francais",
    "de": r"german|deutsch|auf deutsch",
    "zh": r"chinese|mandarin|中文|汉语|普通话|说中文|讲中文",
    "sq": r"albanian|shqip|ne shqip|shqiptare",
}
# "English please", "can you speak Polish", "do you speak arabic?", "po polsku",
# "switch to Urdu", "language: Italian".
_ASKING = r"(?:please |pls |can you |could you |do you |switch to |change to |language:? |)"
_SPEAK = r"(?:speak |talk |write |reply |answer |use |)(?:in )?"
_AFTER = r"(?: please| pls| plz|\?|!|\.)*"
_REQUESTS = {code: re.compile(rf"^{_ASKING}{_SPEAK}(?:{names}){_AFTER}$")
             for code, names in _NAMES.items()}
MAX_REQUEST_WORDS = 6
# Another language's English name alone ("Polish", "Albanian") is more often an answer ("why
# do you think they targeted you?") than a request: a request says more ("Polish please").
_ANSWER_NOT_REQUEST = re.compile(r"^(?:polish|arabic|romanian|spanish|italian|portuguese|"
                                 r"french|german|chinese|mandarin|albanian)[?!.]*$")


def asked_for(text: str) -> str | None:
    """The language a short message asks for ("English please", "do you speak Polish?",
    "po polsku", "中文"), or None. A message that only mentions a nationality ("they
    called me a Polish ...") asks for nothing."""
    plain = normalise(text).strip()
    if len(plain.split()) > MAX_REQUEST_WORDS or _ANSWER_NOT_REQUEST.match(plain):
        return None
    return next((code for code, pattern in _REQUESTS.items() if pattern.match(plain)), None)
