"""The conversation evaluation's scoring (bot/evaluation/conversations.py), so the figures
`make converse` reports can be trusted; no system is started here."""

from __future__ import annotations

import pytest

from bot.evaluation.conversations import (
    CONVERSATIONS_FILE,
    MAX_TURNS,
    Turn,
    failing_turns,
    load,
    payload_of,
    percentile,
    problems,
    repeated_blocks,
    summarise,
    table,
    words_per_reply,
)

DANGER = [{"text": "If you or anyone else is in danger right now, call 999."},
          {"text": "When you can, choose one.",
           "buttons": [{"title": "I'm safe now", "payload": "/safe_now"},
                       {"title": "More help", "payload": "/more_help"}]}]


def turn(must=(), must_not=()) -> Turn:
    return Turn(say="x", press=None, must=tuple(tuple(f) if isinstance(f, list) else (f,)
                                               for f in must), must_not=tuple(must_not))


def test_a_turn_with_every_fact_and_nothing_forbidden_is_right():
    assert problems(turn(must=["999"], must_not=["Report it here"]), DANGER) == []


def test_a_turn_missing_a_fact_is_wrong():
    assert problems(turn(must=["999", "0808 2000 247"]), DANGER) == ["missing '0808 2000 247'"]


def test_a_forbidden_fact_present_makes_the_turn_wrong():
    assert problems(turn(must_not=["call 999"]), DANGER) == ["present 'call 999'"]


def test_facts_are_matched_without_case():
    assert problems(turn(must=["CALL 999"], must_not=["report it HERE"]), DANGER) == []


def test_button_titles_count_as_what_the_bot_said():
    assert problems(turn(must_not=["More help"]), DANGER) == ["present 'More help'"]
    assert problems(turn(must=["I'm safe now"]), DANGER) == []


def test_one_of_a_fact_s_alternatives_is_enough():
    assert problems(turn(must=[["Silent Solution", "999"]]), DANGER) == []
    assert problems(turn(must=[["SARC", "0800 970 9952"]]), DANGER) == [
        "missing 'SARC' or '0800 970 9952'"]


def test_no_replies_miss_every_fact():
    assert problems(turn(must=["999"], must_not=["Report it here"]), []) == ["missing '999'"]


def test_a_pressed_button_sends_its_payload_and_a_missing_one_is_none():
    assert payload_of(DANGER, "More help") == "/more_help"
    assert payload_of(DANGER, "more help ") == "/more_help"
    assert payload_of(DANGER, "Report it here") is None


def test_words_are_counted_per_reply_with_text():
    replies = [{"text": "Call  999\nnow."}, {"text": ""}, {"custom": {"quick_exit": True}},
               {"text": "one"}]
    assert words_per_reply(replies) == [3, 1]


def test_a_repeated_long_block_counts_once_per_repeat():
    block = " ".join(f"word{i}" for i in range(25))
    assert repeated_blocks([block, "OK.", block]) == 1
    assert repeated_blocks([block, block, block]) == 2
    assert repeated_blocks([block, block.replace(" ", "\n  ")]) == 1  # whitespace ignored


def test_short_or_different_replies_are_not_repeats():
    short = " ".join(["word"] * 24)
    assert repeated_blocks([short, short, "OK.", "OK."]) == 0
    assert repeated_blocks([" ".join(f"a{i}" for i in range(30)),
                            " ".join(f"b{i}" for i in range(30))]) == 0


def test_percentiles_are_nearest_rank():
    values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    assert percentile(values, 0.5) == 50
    assert percentile(values, 0.95) == 100
    assert percentile([7, 3, 5], 0.5) == 5  # unsorted input
    assert percentile([42], 0.95) == 42
    assert percentile([], 0.5) == 0


def result(name, rights, words, repeats=0):
    return {"name": name, "repeated_blocks": repeats,
            "turns": [{"sent": f"turn {i}", "right": r, "words": w,
                       "problems": [] if r else ["missing '999'"], "said": ["Hello."]}
                      for i, (r, w) in enumerate(zip(rights, words, strict=True))]}


def test_summary_figures_and_targets():
    results = [result("a", [True] * 19, [[30]] * 19),
               result("b", [False], [[100, 200]], repeats=1)]
    summary = summarise(results)
    assert summary["turns"] == 20 and summary["turns_right"] == 19
    assert summary["turns_right_percent"] == 95.0
    assert summary["words_per_reply"] == {"p50": 30, "p95": 100}
    assert summary["blocks_repeated"] == 1
    assert summary["targets"]["turns_right_percent"]["met"] is True
    assert summary["targets"]["words_per_reply_p50"]["met"] is True
    assert summary["targets"]["blocks_repeated"]["met"] is False


def test_one_wrong_turn_in_ten_misses_the_95_percent_target():
    summary = summarise([result("a", [True] * 9 + [False], [[10]] * 10)])
    assert summary["turns_right_percent"] == 90.0
    assert summary["targets"]["turns_right_percent"]["met"] is False


def test_failing_turns_name_the_conversation_turn_and_problem():
    results = [result("danger", [True, False], [[5], [5]])]
    assert failing_turns(results) == [{"conversation": "danger", "turn": 2, "sent": "turn 1",
                                       "problems": ["missing '999'"], "said": ["Hello."]}]
    printed = table(summarise(results), failing_turns(results))
    assert "danger / turn 2: missing '999'" in printed and "NOT MET" in printed


def test_the_scripted_conversations_load_and_are_enough():
    conversations = load(CONVERSATIONS_FILE)
    assert len(conversations) >= 60
    assert all(1 <= len(c.turns) <= MAX_TURNS for c in conversations)
    assert len({c.name for c in conversations}) == len(conversations)
    assert all(t.must or t.must_not for c in conversations for t in c.turns)


@pytest.mark.parametrize("text", [
    "conversations:\n  - name: a\n    turns: []\n",
    "conversations:\n  - name: a\n    turns:\n      - press: More help\n",
    "conversations:\n  - name: a\n    turns:\n      - say: hi\n        press: More help\n",
    "conversations:\n  - name: a\n    turns:\n      - say: hi\n        must: [[]]\n",
    "conversations:\n  - name: a\n    turns:\n      - say: hi\n        mustnt: [x]\n",
])
def test_a_malformed_conversation_is_refused(tmp_path, text):
    path = tmp_path / "conversations.yml"
    path.write_text(text)
    with pytest.raises(ValueError):
        load(path)
