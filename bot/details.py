"""The details of an incident (ASB kind, hate-crime strand, relationship...) from data/details.yml.

One file says which words mean which detail. From it come the engine's lookup tables and
synonyms (`python -m bot.details` writes nlu_data/details.yml), the labels staff see, and
the details kept with a report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

import yaml

from bot.datafiles import read_yaml
from bot.settings import PROJECT_ROOT

DETAILS_FILE = PROJECT_ROOT / "data" / "details.yml"
TRAINING_FILE = PROJECT_ROOT / "nlu_data" / "details.yml"
# Times that say the spiking was not just now; otherwise "unwell" means unwell now.
PAST_TIMES = frozenset({"recent", "past"})
SECTIONS = ("entities", "topics", "asb_police_category")
# Labels of the details worked out here rather than found in the message.
DERIVED_LABELS = {
    "asb_category": "Police ASB category", "personal": "Personal", "nuisance": "Nuisance",
    "environmental": "Environmental", "unwell_now": "Unwell now", "unwell_earlier": "Was unwell",
}


class DetailsError(ValueError):
    """A details file that must not be used; the message names the entry and the problem."""


def padded_words(text: str) -> str:
    """The text as lower-case words between single spaces, padded with a space each side,
    so `padded_words(phrase) in padded_words(text)` finds a phrase as whole words."""
    return f" {' '.join(re.sub(r'[^a-z0-9]+', ' ', text.lower()).split())} "


@dataclass(frozen=True)
class Entity:
    label: str
    values: dict[str, str]  # value -> label
    phrases: dict[str, str]  # phrase -> value


@dataclass(frozen=True)
class Details:
    entities: dict[str, Entity]
    topics: dict[str, list[str]]
    asb_police_category: dict[str, str]

    def for_report(self, topic: str, slots: dict[str, list[str] | None],
                   urgent: bool) -> dict[str, list[str]]:
        """The details that belong to `topic`, as canonical values: what a report keeps."""
        kept = {name: sorted(set(slots.get(name) or [])) for name in self.topics.get(topic, [])}
        kept = {name: values for name, values in kept.items() if values}
        if "asb_kind" in kept:
            categories = {self.asb_police_category.get(kind) for kind in kept["asb_kind"]}
            kept["asb_category"] = sorted(category for category in categories if category)
        if "unwell" in kept:
            earlier = not urgent and PAST_TIMES.intersection(kept.get("when", []))
            kept["unwell"] = ["unwell_earlier" if earlier else "unwell_now"]
        return kept

    def found_in(self, text: str) -> dict[str, set[str]]:
        """The details whose phrases appear in `text` (whole words), without the model: what
        the app can still tell when the engine is down."""
        words = padded_words(text)
        found: dict[str, set[str]] = {}
        for name, phrases in self._phrase_words.items():
            for phrase, value in phrases:
                if phrase in words:
                    found.setdefault(name, set()).add(value)
        return found

    @cached_property
    def _phrase_words(self) -> dict[str, list[tuple[str, str]]]:
        """Each entity's phrases as padded words, worked out once."""
        return {name: [(padded_words(p), v) for p, v in entity.phrases.items()]
                for name, entity in self.entities.items()}

    def labelled(self, details: dict[str, list[str]]) -> list[tuple[str, str]]:
        """(label, values) pairs for the staff console."""
        rows = []
        for name, values in details.items():
            entity = self.entities.get(name)
            label = entity.label if entity else DERIVED_LABELS.get(name, name)
            known = entity.values if entity else {}
            rows.append((label, ", ".join(
                known.get(value) or DERIVED_LABELS.get(value, value) for value in values)))
        return rows


def load(path: Path = DETAILS_FILE) -> Details:
    """Read and check the file: every value has a label and phrases; no phrase means two things."""
    raw = read_yaml(path, DetailsError)
    missing = [key for key in SECTIONS if not isinstance(raw, dict) or not raw.get(key)]
    if missing:
        raise DetailsError(f"{path}: needs {', '.join(missing)}")
    entities = {name: _entity(path, name, entry) for name, entry in raw["entities"].items()}
    seen: dict[str, str] = {}
    for name, entity in entities.items():
        for phrase in entity.phrases:
            if phrase in seen:
                raise DetailsError(f"{path}: '{phrase}' is listed under {seen[phrase]} and {name}")
            seen[phrase] = name
    for topic, names in raw["topics"].items():
        unknown = [name for name in names if name not in entities]
        if unknown:
            raise DetailsError(f"{path}: topic {topic} names unknown entities {unknown}")
    return Details(entities=entities, topics=raw["topics"],
                   asb_police_category=raw["asb_police_category"])


def _entity(path: Path, name: str, entry: dict) -> Entity:
    values, phrases = {}, {}
    for value, spec in entry["values"].items():
        if not spec.get("label") or not spec.get("phrases"):
            raise DetailsError(f"{path}: {name}.{value} needs a label and phrases")
        values[value] = spec["label"]
        for phrase in spec["phrases"]:
            phrase = str(phrase).lower()
            if phrase in phrases:
                raise DetailsError(f"{path}: '{phrase}' is listed twice under {name}")
            phrases[phrase] = value
    return Entity(label=entry["label"], values=values, phrases=phrases)


@cache
def default() -> Details:
    return load()


def training_data(details: Details) -> str:
    """Rasa lookup tables (longest phrase first, so it wins) and synonyms, as NLU YAML."""
    blocks = []
    for name, entity in details.entities.items():
        phrases = sorted(entity.phrases, key=lambda phrase: (-len(phrase), phrase))
        blocks.append({"lookup": name, "examples": _examples(phrases)})
    for entity in details.entities.values():
        for value in entity.values:
            synonyms = sorted(p for p, v in entity.phrases.items() if v == value and p != value)
            if synonyms:
                blocks.append({"synonym": value, "examples": _examples(synonyms)})
    header = "# Generated from data/details.yml by `python -m bot.details`: edit that file.\n"
    body = yaml.dump({"version": "3.1", "nlu": blocks}, sort_keys=False, allow_unicode=True,
                     width=100, Dumper=_LiteralDumper)
    return header + body


def _examples(phrases: list[str]) -> str:
    return "".join(f"- {phrase}\n" for phrase in phrases)


class _LiteralDumper(yaml.SafeDumper):
    """Writes multi-line strings as `|` blocks, the way Rasa's own files look."""


_LiteralDumper.add_representer(
    str, lambda dumper, data: dumper.represent_scalar(
        "tag:yaml.org,2002:str", data, style="|" if "\n" in data else None))


def main() -> int:
    """Write nlu_data/details.yml (a test fails while it is out of date)."""
    TRAINING_FILE.write_text(training_data(load()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
