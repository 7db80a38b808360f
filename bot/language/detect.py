"""Which language a message is written in.

The identifier is py3langid (a maintained fork of langid.py that ships its model), limited
to the bot's languages: on the held-out messages of every language it named 1,058 of
1,130 right, as many as lingua in its high-accuracy mode (1,060) at a third of the memory,
and more than lingua's low-accuracy mode (1,020) on long messages (README, "Languages").
Two things it cannot know are rules here: Urdu typed in Roman letters ("mera shohar mujhe
maarta hai"), which no identifier covers, and the script of a message (Arabic letters are
Arabic or Urdu, Han characters Chinese), which settles short messages no statistics can.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.language.names import LANGUAGES

# Words of Roman Urdu that are not words of the bot's other Latin-script languages (so no
# "main", "se", "me", "ne", "na", "to", "hay", "dar", "mein" alone...).
_ROMAN_URDU_WORDS = """
hai hain hy nahi nahin nai nhi mujhe mujhay mujh mjhe mje mera meri mere mery kya kia kyun
kyu kyon aur raha rahi rahe tha thi thay kar karo karna karta karti krta krna kr bohat bahut
bht abhi kuch koi hum tum aap ap apna apni apne unka uska uski usne maine mainay mujhse ghar
shohar biwi bhai behen behan wala wali walay sath saath liye lye agar lekin magar phir bhi
sirf yahan wahan kahan kab kaise kaisay chahiye chahta chahti madad bachao pareshan larka
larki bacha bachay batao bolo suno jao jana wapas gaya gayi gya gyi diya liya hoa hua hui
raat subah abbu ammi dost maar maarta marta mara mujhko humein hamein unhon unhe usay isay
kyunke kiya kiye hota hoti
"""
ROMAN_URDU = frozenset(_ROMAN_URDU_WORDS.split())
_WORDS = re.compile(r"[^\W\d_]+")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_URDU_LETTERS = re.compile(r"[ٹڈڑںےۓھہ]")  # letters Urdu writes and Arabic does not
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
# Below this the statistics are a guess: "ok", "yes" and "tak" look like half the languages.
SURE_PROBABILITY = 0.9
SURE_LETTERS = 12


@dataclass(frozen=True)
class Detected:
    """The language a message seems to be in, and whether that is sure enough to answer
    in it (a short "ok" is not)."""

    language: str
    sure: bool


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect(text: str) -> Detected:
    """The message's language: by its script when that settles it, Roman Urdu by its
    words, else by py3langid's character statistics."""
    han, arabic = len(_HAN.findall(text)), len(_ARABIC_SCRIPT.findall(text))
    letters = sum(len(w) for w in _WORDS.findall(text))
    if han and han * 2 >= letters:
        return Detected("zh", True)
    if arabic and arabic * 2 >= letters:
        if _URDU_LETTERS.search(text):
            return Detected("ur", True)
        found = _identifier().classify(text)
        return Detected(found[0] if found[0] in ("ar", "ur") else "ar", arabic >= SURE_LETTERS // 2)
    if is_roman_urdu(text):
        return Detected("ur", True)
    language, probability = _identifier().classify(text)
    return Detected(language, probability >= SURE_PROBABILITY and letters >= SURE_LETTERS)


def is_roman_urdu(text: str) -> bool:
    """Two different Roman Urdu words, making at least a fifth of the message's words."""
    words = [w.casefold() for w in _WORDS.findall(text)]
    found = [w for w in words if w in ROMAN_URDU]
    return len(set(found)) >= 2 and len(found) * 5 >= len(words)
