"""`python -m bot.evaluation.conversations` (`make converse`): scripted resident
conversations (tests/nlu/conversations.yml) through /api/chat of the real system, scored
turn by turn; prints a short table and writes var/eval/conversations.json.

Why: `make eval` scores the model one message at a time, but a resident meets whole
conversations: whether each reply gives the facts they need (the right number, the
emergency lines in danger and only then), how long the replies are to read on a phone,
and whether the bot says the same long block twice. So the engine, action server and app
are started exactly as `make run` starts them (as tests/system.py does), each turn is sent
as a resident would send it (typed, or a button pressed), and three figures are reported
against the issue's targets:

- turns right: a turn is right when its replies hold every `must` fact and no `must_not`
  one (target: at least 95 %);
- words per bot reply, p50 and p95 (target: p50 at most 60);
- blocks repeated: a reply text of 25 words or more said again in the same conversation,
  counted once per repeat (target: 0).

The figures are a report, not a test: the command fails only when the system does.
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.runner import MODEL, running_system
from bot.settings import PROJECT_ROOT

CONVERSATIONS_FILE = PROJECT_ROOT / "tests" / "nlu" / "conversations.yml"
OUT_DIR = PROJECT_ROOT / "var" / "eval"
STARTUP_SECONDS = 300
REQUEST_TIMEOUT = 60
MAX_TURNS = 5
BLOCK_WORDS = 25  # a reply this long or longer, said twice in a conversation, is a repeat
TURNS_RIGHT_TARGET = 95.0  # per cent, at least
P50_WORDS_TARGET = 60  # at most
REPEATS_TARGET = 0

TURN_KEYS = frozenset({"say", "press", "must", "must_not"})

Fact = tuple[str, ...]  # alternatives: any one of them in the replies is enough


@dataclass(frozen=True)
class Turn:
    """What the resident sends (typed text, or the title of a button to press) and the
    facts its replies must and must not hold."""

    say: str | None
    press: str | None
    must: tuple[Fact, ...] = ()
    must_not: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        """The turn as the table shows it."""
        return self.say if self.say is not None else f"[{self.press}]"


@dataclass(frozen=True)
class Conversation:
    name: str
    turns: tuple[Turn, ...]


def load(path: Path = CONVERSATIONS_FILE) -> list[Conversation]:
    """The scripted conversations, refusing a malformed one with its name, so a typo in
    the file is not scored as a bot mistake."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [_conversation(c, i) for i, c in enumerate(raw.get("conversations") or [])]


def _conversation(raw: object, index: int) -> Conversation:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        raise ValueError(f"conversation {index + 1}: needs a name")
    name, turns = raw["name"], raw.get("turns")
    if not isinstance(turns, list) or not 1 <= len(turns) <= MAX_TURNS:
        raise ValueError(f"{name!r}: needs 1 to {MAX_TURNS} turns")
    return Conversation(name, tuple(_turn(name, t, i) for i, t in enumerate(turns)))


def _turn(name: str, raw: object, index: int) -> Turn:
    where = f"{name!r} turn {index + 1}"
    if not isinstance(raw, dict) or ("say" in raw) == ("press" in raw):
        raise ValueError(f"{where}: needs exactly one of say or press")
    if unknown := sorted(set(raw) - TURN_KEYS):
        raise ValueError(f"{where}: unknown keys {unknown}")
    if index == 0 and "press" in raw:
        raise ValueError(f"{where}: the first turn has no button to press")
    must = tuple(_fact(where, f) for f in raw.get("must") or [])
    must_not = tuple(raw.get("must_not") or [])
    if not all(isinstance(s, str) and s for s in must_not):
        raise ValueError(f"{where}: must_not holds non-empty strings")
    sent = raw.get("say", raw.get("press"))
    if not isinstance(sent, str) or not sent.strip():
        raise ValueError(f"{where}: say or press needs text")
    return Turn(say=raw.get("say"), press=raw.get("press"), must=must, must_not=must_not)


def _fact(where: str, raw: object) -> Fact:
    alternatives = (raw,) if isinstance(raw, str) else tuple(raw) if isinstance(raw, list) else ()
    if not alternatives or not all(isinstance(a, str) and a for a in alternatives):
        raise ValueError(f"{where}: a must item is a string or a list of strings")
    return alternatives


def seen(replies: Sequence[dict]) -> str:
    """Everything the resident sees of a turn's replies: their texts and button titles
    (a button the bot offers is part of what it says: "Report it here" under the 999
    lines is offering a form to someone in danger)."""
    parts = []
    for reply in replies:
        parts.append(reply.get("text") or "")
        parts += [b.get("title") or "" for b in reply.get("buttons") or []]
    return "\n".join(p for p in parts if p)


def problems(turn: Turn, replies: Sequence[dict]) -> list[str]:
    """What is wrong with a turn's replies: each `must` fact missing and each `must_not`
    one present, compared without case (residents read "SARC" and "sarc" alike)."""
    text = seen(replies).casefold()
    found = []
    for fact in turn.must:
        if not any(a.casefold() in text for a in fact):
            found.append("missing " + " or ".join(repr(a) for a in fact))
    found += [f"present {s!r}" for s in turn.must_not if s.casefold() in text]
    return found


def payload_of(replies: Sequence[dict], title: str) -> str | None:
    """The payload of the button titled `title` among the replies (as the resident would
    find it on the screen), None when the bot did not offer it."""
    for reply in replies:
        for b in reply.get("buttons") or []:
            if (b.get("title") or "").strip().casefold() == title.strip().casefold():
                return b.get("payload")
    return None


def words_per_reply(replies: Sequence[dict]) -> list[int]:
    """Words in each reply that has text (split on whitespace): what a resident reads,
    one message bubble at a time; a reply without text (a button row, a signal to the
    page) is not a message to read."""
    return [len(r["text"].split()) for r in replies if (r.get("text") or "").strip()]


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (`share` from 0 to 1): always a length some reply
    really had, and 0 when there are none."""
    if not values:
        return 0
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def repeated_blocks(texts: Sequence[str], min_words: int = BLOCK_WORDS) -> int:
    """Long reply texts said again within one conversation, once per repeat (three times
    is two repeats): a resident scrolling back should not read the same block twice.
    Whitespace is ignored, short replies ("OK.", a question) may recur."""
    counts = Counter(" ".join(t.split()) for t in texts if len(t.split()) >= min_words)
    return sum(n - 1 for n in counts.values())


def summarise(results: Sequence[dict]) -> dict:
    """The three figures and whether each meets the issue's target, from the conversations'
    results (each with "turns" holding "right" and "words", and "repeated_blocks")."""
    turns = [t for c in results for t in c["turns"]]
    right = sum(t["right"] for t in turns)
    words = [w for t in turns for w in t["words"]]
    share = round(100 * right / len(turns), 1) if turns else 0.0
    p50, p95 = percentile(words, 0.5), percentile(words, 0.95)
    repeats = sum(c["repeated_blocks"] for c in results)
    return {
        "conversations": len(results), "turns": len(turns), "turns_right": right,
        "turns_right_percent": share, "replies": len(words),
        "words_per_reply": {"p50": p50, "p95": p95},
        "blocks_repeated": repeats,
        "targets": {
            "turns_right_percent": {"target": f">= {TURNS_RIGHT_TARGET}",
                                    "met": share >= TURNS_RIGHT_TARGET},
            "words_per_reply_p50": {"target": f"<= {P50_WORDS_TARGET}",
                                    "met": p50 <= P50_WORDS_TARGET},
            "blocks_repeated": {"target": f"= {REPEATS_TARGET}", "met": repeats == REPEATS_TARGET},
        },
    }


def failing_turns(results: Sequence[dict]) -> list[dict]:
    """Every wrong turn, with where it is and what was wrong, for the table."""
    return [{"conversation": c["name"], "turn": i + 1, "sent": t["sent"],
             "problems": t["problems"], "said": t["said"]}
            for c in results for i, t in enumerate(c["turns"]) if not t["right"]]


def table(summary: dict, failures: Sequence[dict], width: int = 100) -> str:
    """The figures against their targets, then each failing turn with what was missing or
    present and the start of what the bot said instead."""
    met = {k: "met" if v["met"] else "NOT MET" for k, v in summary["targets"].items()}
    words = summary["words_per_reply"]
    lines = [
        f"conversations {summary['conversations']}, turns {summary['turns']}, "
        f"bot replies {summary['replies']}",
        f"turns right      {summary['turns_right']}/{summary['turns']} "
        f"= {summary['turns_right_percent']} %   (target >= {TURNS_RIGHT_TARGET:g} %: "
        f"{met['turns_right_percent']})",
        f"words per reply  p50 {words['p50']}, p95 {words['p95']}   "
        f"(target p50 <= {P50_WORDS_TARGET}: {met['words_per_reply_p50']})",
        f"blocks repeated  {summary['blocks_repeated']}   (target {REPEATS_TARGET}: "
        f"{met['blocks_repeated']})",
    ]
    if failures:
        lines += ["", f"failing turns ({len(failures)}):"]
    for f in failures:
        said = " | ".join(" ".join(s.split()) for s in f["said"]) or "(no reply)"
        lines += [f"- {f['conversation']} / turn {f['turn']}: {'; '.join(f['problems'])}",
                  f"    sent: {_cut(f['sent'], width)}",
                  f"    said: {_cut(said, width)}"]
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# The run: the real system, one sender per conversation.

def _post_chat(base_url: str, sender: str, message: str) -> tuple[list[dict], str | None]:
    """The replies to one message, or none and the error (a refused or failed request is a
    wrong turn, not a crash of the whole evaluation)."""
    request = urllib.request.Request(
        f"{base_url}/api/chat", json.dumps({"sender": sender, "message": message}).encode(),
        {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return json.load(response), None
    except urllib.error.HTTPError as exc:
        return [], f"HTTP {exc.code}: {exc.read().decode(errors='replace')[:200]}"
    except (OSError, ValueError) as exc:
        return [], f"no answer: {exc}"


def run_conversation(base_url: str, conversation: Conversation, sender: str) -> dict:
    """Send each turn in order (a pressed button's payload, or the title typed when the
    bot did not offer that button, so the conversation can go on) and score it."""
    previous: list[dict] = []
    turns, texts = [], []
    for turn in conversation.turns:
        trouble = []
        message = turn.say
        if turn.press is not None:
            message = payload_of(previous, turn.press)
            if message is None:
                trouble.append(f"no button {turn.press!r} in the previous replies")
                message = turn.press
        replies, error = _post_chat(base_url, sender, message)
        trouble += [error] if error else []
        trouble += problems(turn, replies)
        said = [r["text"] for r in replies if (r.get("text") or "").strip()]
        texts += said
        turns.append({"sent": turn.shown, "message": message, "right": not trouble,
                      "problems": trouble, "said": said,
                      "buttons": [b.get("title") for r in replies for b in r.get("buttons") or []],
                      "words": words_per_reply(replies)})
        previous = replies
    return {"name": conversation.name, "sender": sender, "turns": turns,
            "repeated_blocks": repeated_blocks(texts)}


def run(conversations: Sequence[Conversation]) -> tuple[list[dict], float]:
    """Start the system as the tests do (bot.runner.running_system), run every
    conversation under its own sender, stop it whatever happened; the results and the
    seconds taken."""
    if not MODEL.exists():
        raise SystemExit(f"no trained model at {MODEL}: run `make model`")
    with tempfile.TemporaryDirectory() as var, running_system(Path(var),
                                                              STARTUP_SECONDS) as services:
        base_url = f"http://127.0.0.1:{services.settings.app_port}"
        run_id = uuid.uuid4().hex[:8]
        started = time.monotonic()
        results = [run_conversation(base_url, c, f"converse-{run_id}-{i:03d}")
                   for i, c in enumerate(conversations)]
        return results, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--file", type=Path, default=CONVERSATIONS_FILE)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    conversations = load(args.file)
    results, seconds = run(conversations)
    summary = summarise(results)
    failures = failing_turns(results)
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / "conversations.json"
    out.write_text(json.dumps({
        "file": str(args.file.relative_to(PROJECT_ROOT) if args.file.is_relative_to(PROJECT_ROOT)
                    else args.file),
        "seconds": round(seconds, 1), **summary, "failing_turns": failures,
        "conversations": results}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(summary, failures))
    repeats = [c["name"] for c in results if c["repeated_blocks"]]
    if repeats:
        print("\nrepeated blocks in: " + "; ".join(repeats))
    print(f"\nwritten: {out}")


if __name__ == "__main__":
    main()
