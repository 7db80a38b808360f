"""What the bot says in each language: data/translations/<language>.yml, checked against the
English it translates.

The English stays where it always was (domain.yml's responses, data/signposting.yml's
guidance, data/interface.yml, the organisations' summaries in data/routing.yml, and the
directory's "how" lines, such as Silent Solution's "call 999, then press 55"); a
translation file gives, per section, the same keys in its language, with where the
translation came from (who wrote it, when, whether a machine helped, who reviewed it) and
when it was last checked. A translation that drops or adds a placeholder ("{reference}",
"{police_emergency.phone}": a number comes only from the directory), changes a number
("999", "12 hours"), or names a button the English does not have is refused, naming the
file, the key and the problem, so it stops start-up like any other bad data file. A text
with no translation yet is said in English with a line in the resident's language saying
so (`Phrasebook.text`).
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bot.datafiles import read_yaml, reloaded
from bot.language.names import LANGUAGES, OWN_NAMES
from bot.settings import PROJECT_ROOT

TRANSLATIONS_DIR = PROJECT_ROOT / "data" / "translations"
DOMAIN_FILE = PROJECT_ROOT / "domain.yml"
SIGNPOSTING_FILE = PROJECT_ROOT / "data" / "signposting.yml"
INTERFACE_FILE = PROJECT_ROOT / "data" / "interface.yml"
ROUTING_FILE = PROJECT_ROOT / "data" / "routing.yml"
SERVICES_FILE = PROJECT_ROOT / "data" / "directory" / "services.yml"
SECTIONS = ("responses", "guidance", "interface", "organisations", "directory")
PROVENANCE = ("written_by", "method", "written_on", "reviewed_by")
UNTRANSLATED = "notice.untranslated"
PARTS = ("interface", "organisations", "directory")  # said inside other texts
_PLACEHOLDER = re.compile(r"\{+[\w.]+\}+")
_NUMBER = re.compile(r"\d+")
_OPTION = re.compile(r'"option":\s*"([^"]+)"')
_FIELD = re.compile(r"\{(\w+)\}")


class TranslationError(ValueError):
    """A translation that must not be used; the message names file, key and problem."""


@dataclass(frozen=True)
class Response:
    """One response of domain.yml: its text and its buttons (key -> title: a form choice's
    option, or the payload), in a language."""

    text: str
    buttons: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Phrasebook:
    """Every text the bot says, in English and in each language that translates it."""

    english: dict[str, dict[str, object]]  # section -> key -> str or Response
    translated: dict[str, dict[str, dict[str, object]]]  # language -> section -> key -> ...
    provenance: dict[str, dict[str, str]]
    payloads: dict[str, dict[str, str]]  # response -> button key -> payload, as sent

    def render(self, name: str, language: str | None, /, **values: object) -> dict:
        """A response as the channel shows it: {"text", "buttons": [{"title", "payload"}]},
        in `language`, each {value} filled in (a {value} not given stays as written, as
        Rasa leaves it)."""
        said = self.response(name, language)
        text = _FIELD.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], said.text)
        return {"text": text, "buttons": [{"title": title, "payload": self.payloads[name][key]}
                                          for key, title in said.buttons]}

    def text(self, section: str, key: str, language: str | None) -> str:
        """The text in `language`; in English when it is not translated yet, with a note in
        `language` saying so for a whole text (a guidance text), not for the parts replies
        are put together from (the bot's own words, summaries, "how" lines)."""
        found = self.translated.get(language or "en", {}).get(section, {}).get(key)
        if found is not None:
            return str(found)
        english = str(self.english[section][key])
        if language in (None, "en") or section in PARTS:
            return english
        return f"{english}\n{self.note(language)}"

    def response(self, name: str, language: str | None) -> Response:
        """A domain response in `language`: its text (or the English with a note) and its
        buttons, each title translated where the translation has it, payloads unchanged."""
        english = self.english["responses"][name]
        assert isinstance(english, Response)
        found = self.translated.get(language or "en", {}).get("responses", {}).get(name)
        if not isinstance(found, Response):
            text = english.text if language in (None, "en") else \
                f"{english.text}\n{self.note(language)}"
            return Response(text, english.buttons)
        titles = dict(found.buttons)
        return Response(found.text, tuple((payload, titles.get(payload, title))
                                          for payload, title in english.buttons))

    def note(self, language: str) -> str:
        found = self.translated.get(language, {}).get("interface", {}).get(UNTRANSLATED)
        return str(found or self.english["interface"][UNTRANSLATED])

    def languages(self) -> tuple[str, ...]:
        """English and every language with a translation file, in the bot's order."""
        return tuple(code for code in LANGUAGES if code == "en" or code in self.translated)


def language_names() -> dict[str, str]:
    """The languages a resident can choose, each named in itself ("Polski", "العربية")."""
    return {code: OWN_NAMES[code] for code in default().languages()}


def english_texts() -> dict[str, dict[str, object]]:
    """The English the translations are checked against."""
    domain = read_yaml(DOMAIN_FILE, TranslationError) or {}
    responses = {name: _response(variations[0]) for name, variations in
                 (domain.get("responses") or {}).items()}
    guidance = (read_yaml(SIGNPOSTING_FILE, TranslationError) or {}).get("guidance") or {}
    interface = (read_yaml(INTERFACE_FILE, TranslationError) or {}).get("interface") or {}
    routing = (read_yaml(ROUTING_FILE, TranslationError) or {}).get("organisations") or {}
    services = (read_yaml(SERVICES_FILE, TranslationError) or {}).get("services") or {}
    return {"responses": responses, "guidance": dict(guidance), "interface": dict(interface),
            "organisations": {oid: entry["summary"] for oid, entry in routing.items()},
            "directory": {f"{sid}.how": entry["how"] for sid, entry in services.items()
                          if entry.get("how")}}


def _payloads() -> dict[str, dict[str, str]]:
    """Each response's buttons' payloads as Rasa sends them ("{{" in the domain is "{")."""
    domain = read_yaml(DOMAIN_FILE, TranslationError) or {}
    return {name: {button_key(b["payload"]): b["payload"].replace("{{", "{").replace("}}", "}")
                   for b in variations[0].get("buttons") or []}
            for name, variations in (domain.get("responses") or {}).items()}


def _response(variation: dict) -> Response:
    buttons = tuple((button_key(b["payload"]), b["title"]) for b in variation.get("buttons") or [])
    return Response(str(variation.get("text") or ""), buttons)


def button_key(payload: str) -> str:
    """How a translation names a button: the option of a form's choice, else the payload."""
    found = _OPTION.search(payload)
    return found.group(1) if found else payload


def load(folder: Path = TRANSLATIONS_DIR) -> Phrasebook:
    """Every translation file of `folder`, each checked against the English."""
    english = english_texts()
    translated, provenance = {}, {}
    for path in sorted(folder.glob("*.yml")):
        language = path.stem
        if language not in LANGUAGES or language == "en":
            raise TranslationError(f"{path}: {language!r} is not one of the bot's languages")
        raw = read_yaml(path, TranslationError)
        if not isinstance(raw, dict) or raw.get("language") != language:
            raise TranslationError(f"{path}: must say language: {language}")
        provenance[language] = _provenance(path, raw)
        translated[language] = {section: _section(path, section, raw.get(section) or {},
                                                  english[section])
                                for section in SECTIONS}
    return Phrasebook(english, translated, provenance, _payloads())


def _provenance(path: Path, raw: dict) -> dict[str, str]:
    found = raw.get("provenance")
    if not isinstance(found, dict) or any(field not in found for field in PROVENANCE):
        raise TranslationError(f"{path}: provenance needs {', '.join(PROVENANCE)} "
                               "(reviewed_by may be null)")
    if not isinstance(raw.get("last_checked"), dt.date):
        raise TranslationError(f"{path}: last_checked must be a date (YYYY-MM-DD)")
    return {**{k: str(found[k]) for k in PROVENANCE}, "last_checked": str(raw["last_checked"])}


def _section(path: Path, section: str, entries: object, english: dict) -> dict[str, object]:
    if not isinstance(entries, dict):
        raise TranslationError(f"{path}: {section} must be a mapping of keys to texts")
    checked = {}
    for key, value in entries.items():
        where = f"{path}: {section} {key!r}"
        if key not in english:
            raise TranslationError(f"{where}: the English has no such text")
        if isinstance(english[key], Response):
            checked[key] = _checked_response(where, value, english[key])
        else:
            checked[key] = _checked_text(where, value, str(english[key]))
    return checked


def _checked_response(where: str, value: object, english: Response) -> Response:
    if isinstance(value, str):
        value = {"text": value}
    if not isinstance(value, dict) or set(value) - {"text", "buttons"}:
        raise TranslationError(f"{where}: give text and, if it has buttons, buttons")
    buttons = value.get("buttons") or {}
    known = dict(english.buttons)
    for payload, title in buttons.items():
        if payload not in known:
            raise TranslationError(f"{where}: button {payload!r} is not one of the English "
                                   f"buttons ({', '.join(known) or 'none'})")
        _checked_text(f"{where} button {payload!r}", title, known[payload])
    text = _checked_text(where, value.get("text"), english.text)
    return Response(text, tuple((str(p), str(t)) for p, t in buttons.items()))


def _checked_text(where: str, value: object, english: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise TranslationError(f"{where}: must be a non-empty text")
    for kind, pattern in (("placeholders", _PLACEHOLDER), ("numbers", _NUMBER)):
        ours, theirs = Counter(pattern.findall(value)), Counter(pattern.findall(english))
        if ours != theirs:
            missing, extra = theirs - ours, ours - theirs
            raise TranslationError(
                f"{where}: {kind} differ from the English"
                + (f"; missing {', '.join(sorted(missing))}" if missing else "")
                + (f"; not in the English {', '.join(sorted(extra))}" if extra else ""))
    if _formats(english) and not _formats(value):
        raise TranslationError(f"{where}: a stray {{ or }}, or an empty {{}}")
    return value.strip()


def _formats(text: str) -> bool:
    """Whether `str.format` can fill the text (signposting fills its placeholders so)."""
    try:
        return all(field for _, field, _, _ in string.Formatter().parse(text)
                   if field is not None)
    except ValueError:
        return False


@cache
def source_files() -> tuple[Path, ...]:
    """Every file a text the bot says is made from: when one changes, the texts are read
    again (and the guidance and answers, which fill in the directory's facts)."""
    return (DOMAIN_FILE, SIGNPOSTING_FILE, INTERFACE_FILE, ROUTING_FILE, SERVICES_FILE,
            *sorted(TRANSLATIONS_DIR.glob("*.yml")))


def default() -> Phrasebook:
    """The project's phrasebook, read again when a file changes (as the directory is)."""
    return reloaded("translations", source_files(), load, TranslationError)
