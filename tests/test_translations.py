"""What the bot says in each language: the translation files, their checks and fallbacks."""

import datetime as dt

import pytest
import yaml

from bot import signposting
from bot.language import LANGUAGES, translations
from bot.language.translations import TRANSLATIONS_DIR, TranslationError


def test_every_language_has_a_complete_translation_with_its_provenance():
    phrasebook = translations.load()
    assert phrasebook.languages() == LANGUAGES
    english = phrasebook.english
    for language in LANGUAGES[1:]:
        missing = [f"{section}.{key}" for section, texts in english.items() for key in texts
                   if key not in phrasebook.translated[language][section]]
        assert missing == [], language
        provenance = phrasebook.provenance[language]
        assert provenance["written_by"] and provenance["method"]
        assert dt.date.fromisoformat(provenance["last_checked"]) <= dt.date.today()


def _write(folder, language: str, change) -> None:
    """A copy of a shipped translation, changed by `change(data)`."""
    data = yaml.safe_load((TRANSLATIONS_DIR / f"{language}.yml").read_text(encoding="utf-8"))
    change(data)
    (folder / f"{language}.yml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                            encoding="utf-8")


@pytest.mark.parametrize(("change", "problem"), [
    (lambda d: d["guidance"].update(emergency=d["guidance"]["emergency"].replace(
        "{police_emergency.phone}", "999", 1)),
     "guidance 'emergency': placeholders differ from the English; missing "
     "{police_emergency.phone}"),
    (lambda d: d["guidance"].update(spiking_within_12_hours=d["guidance"][
        "spiking_within_12_hours"].replace("12", "24")),
     "numbers differ from the English; missing 12; not in the English 24"),
    (lambda d: d["responses"]["utter_ask_report_role"]["buttons"].update(victimm="Ja"),
     "button 'victimm' is not one of the English buttons"),
    (lambda d: d["interface"].update({"button.no_such_thing": "Nie"}),
     "interface 'button.no_such_thing': the English has no such text"),
    (lambda d: d.update(provenance={"written_by": "someone"}), "provenance needs"),
    (lambda d: d["responses"].update(utter_greet=""), "must be a non-empty text"),
    (lambda d: d["guidance"].update(emergency=d["guidance"]["emergency"] + " }"),
     "a stray { or }"),
])
def test_a_translation_that_would_change_a_fact_or_break_a_button_is_refused(
        tmp_path, change, problem):
    _write(tmp_path, "pl", change)
    with pytest.raises(TranslationError) as refused:
        translations.load(tmp_path)
    assert problem in str(refused.value) and "pl.yml" in str(refused.value)


def test_a_text_not_yet_translated_is_said_in_english_with_a_line_saying_so(tmp_path):
    _write(tmp_path, "pl", lambda d: d["responses"].pop("utter_greet"))
    phrasebook = translations.load(tmp_path)
    english = phrasebook.english["responses"]["utter_greet"].text
    note = phrasebook.translated["pl"]["interface"]["notice.untranslated"]
    assert phrasebook.render("utter_greet", "pl")["text"] == f"{english}\n{note}"
    # a part of a reply (a button's words) not yet translated is English, without the note
    _write(tmp_path, "pl", lambda d: d["interface"].pop("button.leave_now"))
    assert translations.load(tmp_path).text("interface", "button.leave_now", "pl") == "Leave now"


def test_a_response_keeps_its_payloads_and_fills_its_values_in_every_language():
    phrasebook = translations.default()
    for language in LANGUAGES:
        asked = phrasebook.render("utter_ask_report_role", language)
        assert [b["payload"] for b in asked["buttons"]] == [
            f'/choose{{"option": "{option}"}}'
            for option in ("victim", "witness", "on_behalf_agreed", "on_behalf_not_agreed")]
        stored = phrasebook.render("utter_report_stored", language, reference="ABCD-EFGH-JKMN",
                                   next_steps="…")
        assert "ABCD-EFGH-JKMN" in stored["text"] and "{" not in stored["text"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_emergency_lines_give_the_directorys_numbers_in_every_language(language):
    said = signposting.emergency(language)
    for number in ("999", "55", "18000"):
        assert number in said
    assert "{" not in said
    if language != "en":  # and how to get an interpreter on 999, the words said in English
        assert '"Help' in said or "“Help" in said or "«Help" in said or "„Help" in said \
            or "Help," in said


def test_a_service_line_says_its_hours_and_contacts_in_the_language():
    from bot import directory
    from bot.directory.select import select

    now = dt.datetime(2026, 11, 24, 14, 0, tzinfo=dt.UTC)  # a Tuesday afternoon
    shown = select(directory.default(), topic="hate_crime", now=now, asked="support",
                   language="de")
    line = signposting.service_line(shown[0], "de")
    assert "Stop Hate UK" in line and "0800 138 1625" in line
    assert signposting.words("hours.always", "de") in line
    assert signposting.words("contact.phone", "de", value="0800 138 1625") in line


def test_services_that_offer_interpreters_come_first_to_someone_writing_another_language():
    from bot import directory
    from bot.directory.select import select

    now = dt.datetime(2026, 11, 24, 14, 0, tzinfo=dt.UTC)
    english = select(directory.default(), topic="other", now=now, asked="emergency")
    polish = select(directory.default(), topic="other", now=now, asked="emergency",
                    language="pl")
    assert polish[0].service.languages and polish[0].service.id == "police_emergency"
    assert {s.service.id for s in english} == {s.service.id for s in polish}
    assert "999" in signposting.service_line(polish[0], "pl")
