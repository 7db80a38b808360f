"""The safety net in every language: a table of catches and near-misses per language
(tests/safety_cases/<language>.yml), each message with its meaning in English."""

from pathlib import Path

import pytest
import yaml

from bot.safety import LANGUAGES, is_present_danger, is_urgent, languages_of_danger, normalise

CASES = Path(__file__).parent / "safety_cases"
MIN_URGENT, MIN_NEAR_MISSES = 25, 20


def _cases(kind: str) -> list:
    rows = []
    for language in LANGUAGES[1:]:
        table = yaml.safe_load((CASES / f"{language}.yml").read_text(encoding="utf-8"))
        rows += [pytest.param(language, text, id=f"{language}: {gloss}")
                 for text, gloss in table.get(kind) or []]
    return rows


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_every_language_has_a_table(language):
    table = yaml.safe_load((CASES / f"{language}.yml").read_text(encoding="utf-8"))
    assert table["language"] == language
    assert len(table["urgent"]) + len(table["present"]) >= MIN_URGENT
    assert len(table["not_urgent"]) >= MIN_NEAR_MISSES


@pytest.mark.parametrize(("language", "text"), [*_cases("urgent"), *_cases("present")])
def test_danger_now_is_caught_in_its_language(language, text):
    assert language in languages_of_danger(text)


@pytest.mark.parametrize(("language", "text"), _cases("present"))
def test_a_danger_that_can_only_be_now_is_never_overruled(language, text):
    assert is_present_danger(text)


@pytest.mark.parametrize(("language", "text"), _cases("not_urgent"))
def test_near_misses_are_not_flagged(language, text):
    assert not is_urgent(text), languages_of_danger(text)


@pytest.mark.parametrize(("raw", "plain"), [
    ("Pomocy! On ma NÓŻ", "pomocy! on ma noz"),
    ("Şi-a pierdut cunoştinţa", "si-a pierdut cunostinta"),
    ("زوجي   يضربني", "زوجي يضربني"),
    ("أنا في خطر", "انا في خطر"),
    ("he won’t wake up", "he won't wake up"),
    ("Straße", "strasse"),
    ("کیا وہ ٹھیک ہے", "کيا وه ٹهيک هے"),
])
def test_patterns_see_one_form_of_each_letter(raw, plain):
    assert normalise(raw) == plain


@pytest.mark.parametrize("text", [
    "he is outside my door " * 100, "a" * 2000, "زوجي يضربني الآن " * 120, "他拿着刀在我家门口" * 220,
    "ma nóż pomocy bachao maar raha 救命 " * 60, "nie, nie, nie, " * 130,
    "mera bhai ghar nahi aaya abhi tak " * 60, "!" * 2000 + "x"])
def test_no_pattern_backtracks_without_end_on_a_long_message(text):
    """A message may be 2,000 characters: every language's patterns on it must finish (a
    pattern that backtracks exponentially would hold the app's event loop for minutes;
    this bound is a guard against that, far above the milliseconds they take)."""
    import time

    started = time.perf_counter()
    languages_of_danger(text[:2000] + " ")
    assert time.perf_counter() - started < 3
