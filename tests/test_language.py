"""Which language a message is in, and which one the bot answers in (bot/language)."""

import pytest

from bot.language import (
    Language,
    asked_for,
    detect,
    emergency_language,
    from_hint,
    next_language,
)
from bot.language.detect import is_roman_urdu


@pytest.mark.parametrize(("text", "language"), [
    ("Mój sąsiad mnie bije i grozi mi", "pl"),
    ("زوجي يضربني وأنا خائفة", "ar"),
    ("میرا شوہر مجھے مارتا ہے", "ur"),
    ("mera shohar mujhe roz maarta hai aur dhamkiyan deta hai", "ur"),
    ("我的邻居每天晚上都很吵", "zh"),
    ("他有刀", "zh"),
    ("vecinii mei fac gălăgie în fiecare noapte până la trei", "ro"),
    ("mis vecinos ponen la música muy alta todas las noches", "es"),
    ("i miei vicini fanno rumore tutte le notti fino alle tre", "it"),
    ("os meus vizinhos fazem barulho todas as noites até às três", "pt"),
    ("mes voisins font du bruit toutes les nuits jusqu'à trois heures", "fr"),
    ("meine Nachbarn machen jede Nacht bis drei Uhr Lärm", "de"),
    ("fqinjët e mi bëjnë zhurmë çdo natë deri në orën tre", "sq"),
    ("my neighbours play loud music every night until three", "en"),
])
def test_a_sentence_is_sure_of_its_language(text, language):
    assert detect(text) == detect(text) and detect(text).language == language
    assert detect(text).sure


@pytest.mark.parametrize("text", ["ok", "yes", "tak", "hi", "noise", "Flytip"])
def test_a_word_or_two_is_not_sure_enough_to_switch(text):
    assert not detect(text).sure


@pytest.mark.parametrize(("text", "roman_urdu"), [
    ("mera bhai mujhe maar raha hai", True),
    ("ghar ke bahar koi khara hai aur darwaza khatkhata raha hai", True),
    ("the main road is closed again", False),  # "main" is English too
    ("se non mi aiuti chiamo la polizia", False),  # "se" is Italian
    ("bhai ok", False),  # one word is not enough
])
def test_roman_urdu_is_told_by_its_own_words(text, roman_urdu):
    assert is_roman_urdu(text) is roman_urdu


@pytest.mark.parametrize(("text", "language"), [
    ("English please", "en"),
    ("do you speak polish?", "pl"),
    ("Can you speak Arabic", "ar"),
    ("po polsku", "pl"),
    ("en español por favor", None),  # a whole sentence in Spanish: answered in it anyway
    ("español", "es"),
    ("中文", "zh"),
    ("اردو", "ur"),
    ("switch to German", "de"),
    ("they called me a polish", None),
    ("my neighbour is Albanian and very noisy", None),
    ("Albanian", None),  # an answer ("why were you targeted?"), not a request
    ("polish.", None),
    ("Polish please", "pl"),
    ("english", "en"),
])
def test_a_short_message_asking_for_a_language_chooses_it(text, language):
    assert asked_for(text) == language


def test_the_answer_follows_the_resident_but_not_a_word_or_a_button():
    polish = next_language(None, "sąsiedzi znowu hałasują całą noc, nie mogę spać")
    assert polish == Language("pl")
    assert next_language(polish, "ok") == polish  # too short to switch
    assert next_language(polish, '/choose{"option": "skip"}') == polish  # a button
    english = next_language(polish, "actually my neighbours are playing music all night")
    assert english == Language("en")


def test_a_chosen_language_stays_until_another_is_chosen():
    chosen = next_language(None, "English please")
    assert chosen == Language("en", chosen=True)
    assert next_language(chosen, "sąsiedzi znowu hałasują całą noc, nie mogę spać") == chosen
    assert next_language(chosen, "po polsku") == Language("pl", chosen=True)


def test_a_first_short_message_takes_its_words_of_danger_or_the_channel_hint():
    assert next_language(None, "pomocy") == Language("pl")
    assert next_language(None, "ok", hint="ro-RO") == Language("ro")
    assert next_language(None, "ok", hint="ja") == Language("en")


@pytest.mark.parametrize(("text", "answering", "shown_in"), [
    ("pomocy, on ma nóż", "en", "pl"),  # Polish words for danger in an English conversation
    ("socorro", "en", "pt"),  # Spanish and Portuguese: the letters decide
    ("he has a knife", "pl", "en"),
    ("on ma nóż", "pl", "pl"),
    ("hello", "fr", "fr"),  # no words for danger: the conversation's language
])
def test_the_emergency_lines_are_in_the_language_of_the_words_for_danger(text, answering,
                                                                         shown_in):
    assert emergency_language(text, answering) == shown_in


@pytest.mark.parametrize(("hint", "language"), [
    ("pl", "pl"), ("pt-br", "pt"), ("zh-hans", "zh"), ("en-GB", "en"), ("ja", "en"),
    (None, "en"), ("", "en")])
def test_a_channels_language_setting_is_one_of_the_bots_or_english(hint, language):
    assert from_hint(hint) == language
