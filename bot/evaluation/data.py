"""The held-out messages and the training examples, as the evaluation reads them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.language import LANGUAGES
from bot.settings import PROJECT_ROOT

TEST_DIR = PROJECT_ROOT / "tests" / "nlu"
HELDOUT_FILE = TEST_DIR / "heldout.yml"
TRAINING_FILES = sorted([*(PROJECT_ROOT / "nlu_data").glob("*.yml"),
                         *(PROJECT_ROOT / "nlu_data" / "languages").glob("*.yml")])


def test_files(kind: str) -> dict[str, list[Path]]:
    """Each language's files of one kind: "heldout" (read once, after every choice),
    "safety" (urgent messages and near-misses, read once: the urgent flag's held-out test)
    or "validation" (for choosing settings); English has two validation files."""
    if kind == "heldout":
        return {code: [HELDOUT_FILE if code == "en" else TEST_DIR / f"heldout_{code}.yml"]
                for code in LANGUAGES}
    if kind == "safety":
        return {code: [TEST_DIR / f"safety_{code}.yml"] for code in LANGUAGES}
    if kind == "validation":
        return {code: ([TEST_DIR / "validation.yml", TEST_DIR / "validation2.yml"]
                       if code == "en" else [TEST_DIR / f"validation_{code}.yml"])
                for code in LANGUAGES}
    raise ValueError(f"unknown kind of test file {kind!r}")


@dataclass(frozen=True)
class Labelled:
    text: str
    topic: str
    urgent: bool


def heldout(path: Path = HELDOUT_FILE) -> list[Labelled]:
    """Resident messages labelled with topic and urgency; never used for training."""
    return [Labelled(m["text"], m["topic"], bool(m["urgent"]))
            for m in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]]


def training_examples(paths: list[Path] = TRAINING_FILES) -> list[tuple[str, str]]:
    """(text, intent) pairs from the Rasa NLU training files, annotations removed."""
    pairs = []
    for path in paths:
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" not in block:
                continue
            for line in block["examples"].splitlines():
                text = line.strip().removeprefix("- ").strip()
                if text:
                    pairs.append((_strip_annotations(text), block["intent"]))
    return pairs


def _strip_annotations(text: str) -> str:
    """'[Cowley Road](place)' -> 'Cowley Road', as Rasa reads entity annotations."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\[([^\]]+)\]\{[^}]*\}", r"\1", text)


ANSWER_FILES = {"heldout": TEST_DIR / "answers_heldout.yml",
                "validation": TEST_DIR / "answers_validation.yml"}


@dataclass(frozen=True)
class Question:
    text: str
    answer: str  # an id of data/answers.yml, or "none": no answer should be given


def questions(path: Path) -> list[Question]:
    """Residents' questions labelled with the knowledge base's answer; never trained on."""
    return [Question(q["text"], q["id"])
            for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]
