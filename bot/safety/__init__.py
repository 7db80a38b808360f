"""The deterministic urgent-danger check that runs on every message before the model.

It must hold when the engine is down or the model is wrong, so it is plain patterns, one
module a language (`en.py`, `pl.py`...): a weapon, a threat to life, violence happening
now, a fire, someone trying to get in or held, someone collapsed, not breathing or
missing, self-harm, a cry for help. It prefers a false alarm to a miss: a wrongly shown
999 line costs a sentence, a missed one can cost a life. It leaves out only what its words
deny ("not in danger", "the non-emergency number").

Every language's words are tried on every message, whatever language it seems to be in:
a short message ("pomocy") or a mixed one ("my neighbour ma nóż") is not reliably one
language, and a word for a knife in one language is not an everyday word in another.

Most words name something that happens, and people tell those in the past or ask about
them as often as they live them now ("he threatened to stab me last year"); the model may
overrule those (`EVENT` in each module; bot/topics.py). A few name a state that only
exists now ("she won't wake up", "my son hasn't come home"): nothing overrules those
(`PRESENT`).

Patterns are matched against `normalise(text)`: case folded, accents and Arabic vowel
marks removed, Arabic-script letter variants and apostrophes made one, so a pattern is
written once, without diacritics, and still matches "NÓŻ", "noz" and "nóż".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache
from importlib import import_module

# The net's languages, in the order a finding names them (English first).
LANGUAGES = ("en", "pl", "ur", "ar", "ro", "es", "it", "pt", "fr", "de", "zh", "sq")

# Letters that do not decompose into a base letter and an accent, and Arabic-script
# variants typed for one another (Urdu and Arabic keyboards, Persian forms).
_LETTERS = str.maketrans({
    "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i",
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
    "ى": "ي", "ی": "ي", "ې": "ي", "ك": "ک", "ہ": "ه", "ھ": "ه", "ۀ": "ه", "ة": "ه",
    "ۃ": "ه", "ـ": None, "\u200c": None, "\u200d": None, "\u200f": None, "\u200e": None,
})
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The form every pattern is written for: NFKC, case folded, no combining marks
    (accents, Arabic harakat, the hamza over alef), one letter for each Arabic-script
    variant, straight apostrophes, single spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    bare = "".join(c for c in unicodedata.normalize("NFKD", folded)
                   if not unicodedata.combining(c))
    return _SPACES.sub(" ", bare.translate(_LETTERS)).strip()


@dataclass(frozen=True)
class Net:
    """One language's compiled words: events (a sure model may overrule them) and
    dangers that can only be now (nothing overrules them)."""

    language: str
    event: tuple[re.Pattern[str], ...]
    present: tuple[re.Pattern[str], ...]


@cache
def nets() -> tuple[Net, ...]:
    """Every language's words, compiled once per process."""
    found = []
    for language in LANGUAGES:
        module = import_module(f"bot.safety.{language}")
        found.append(Net(language, _compiled(module.EVENT), _compiled(module.PRESENT)))
    return tuple(found)


def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def is_urgent(text: str) -> bool:
    """True when the message suggests someone may be in immediate danger."""
    return bool(languages_of_danger(text))


def is_present_danger(text: str) -> bool:
    """True when the message names a danger that can only be happening now."""
    return _findings(text)[1]


def beyond_overrule(text: str) -> bool:
    """Words for danger the model may not overrule: a danger that can only be now, in any
    language, and any words for danger in a language other than English. The overrule
    (bot/topics.py) was chosen on English messages, and the model learnt each other
    language from a twelfth as many examples: on the validation messages it "overruled" a
    bare cry for help in Urdu and in Arabic (README, "Languages")."""
    return is_present_danger(text) or any(code != "en" for code in languages_of_danger(text))


def languages_of_danger(text: str) -> tuple[str, ...]:
    """The languages whose words for danger the message has (empty: none): the
    emergency guidance is shown in the first of them."""
    return _findings(text)[0]


def _findings(text: str) -> tuple[tuple[str, ...], bool]:
    """(the languages whose words fired, whether any of them names a danger that can only
    be now), worked out once per message: the app, the rate limits and the actions all
    ask, and the twelve languages' thousand patterns take a few milliseconds a message.
    Remembered by a digest of the message, so no resident's words stay in memory."""
    key = hashlib.blake2b(text.encode(), digest_size=16).digest()
    found = _RECENT.get(key)
    if found is None:
        found = _RECENT[key] = _search(text)
        if len(_RECENT) > RECENT_MESSAGES:
            _RECENT.popitem(last=False)
    return found


RECENT_MESSAGES = 64
_RECENT: OrderedDict[bytes, tuple[tuple[str, ...], bool]] = OrderedDict()


def _search(text: str) -> tuple[tuple[str, ...], bool]:
    spellings = _spellings(normalise(text))
    fired, present = [], False
    for net in nets():
        now = any(p.search(s) for p in net.present for s in spellings)
        present = present or now
        if now or any(p.search(s) for p in net.event for s in spellings):
            fired.append(net.language)
    return tuple(fired), present


_LONG_RUN = re.compile(r"(\w)\1{2,}")


def _spellings(plain: str) -> tuple[str, ...]:
    """The message as typed, and, when a letter is held down ("heeelp", "ajutooor",
    "ndihmeee"), with each such run as one letter and as two ("help", "killl" -> "kill")."""
    if not _LONG_RUN.search(plain):
        return (plain,)
    return plain, _LONG_RUN.sub(r"\1", plain), _LONG_RUN.sub(r"\1\1", plain)


def both(first: str, second: str) -> str:
    """A pattern for two things anywhere in one message, in either order (a needle, and
    feeling faint now)."""
    return rf"^(?=.*?(?:{first}))(?=.*?(?:{second}))"
