"""`python -m bot.evaluation` (`make eval`): score the model and both baselines on every
language's held-out messages, beside the safety net alone and the English-only pipeline
this one replaced; print them side by side, write var/eval/results.json and confusion.png.

`--set validation` scores the validation files instead (for choosing settings; the held-out
files are read once, after every choice is made).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import urllib.request
from pathlib import Path

from bot import answers, safety
from bot.evaluation import answers as answer_scores
from bot.evaluation import data
from bot.evaluation.baselines import KeywordRules, TfidfLogistic
from bot.evaluation.metrics import confusion, score
from bot.language import ENGLISH_NAMES, detect
from bot.runner import MODEL, Services, child_environment, free_port
from bot.settings import PROJECT_ROOT, Settings
from bot.topics import TOPICS, classify

OUT_DIR = PROJECT_ROOT / "var" / "eval"
TRAIN_SECONDS_FILE = PROJECT_ROOT / "models" / "train-seconds.txt"
# What the English-only pipeline (commit 2796976: all-MiniLM-L6-v2, English training data
# only) said of every held-out and validation message, kept because that pipeline is gone
# (docs/languages.md, "The English-only pipeline's answers").
ENGLISH_ONLY_FILE = PROJECT_ROOT / "docs" / "english_only_answers.json"
LOAD_TIMEOUT = 300
OURS = "rasa model + safety net"
BASELINES = ("tf-idf + logistic regression", "keyword rules")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", choices=("heldout", "safety", "validation"), default="heldout")
    parser.add_argument("--heldout", type=Path, help="one file instead (scored as English)")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    files = {"en": [args.heldout]} if args.heldout else data.test_files(args.set)
    sets = {code: [m for path in paths for m in data.heldout(path)]
            for code, paths in files.items()}
    texts, intents = zip(*data.training_examples(), strict=True)
    baselines = {BASELINES[0]: TfidfLogistic().fit(list(texts), list(intents)),
                 BASELINES[1]: KeywordRules().fit(list(texts), list(intents))}
    answer_file = None if args.heldout else data.ANSWER_FILES.get(args.set)
    asked = data.questions(answer_file) if answer_file else []
    every = list(dict.fromkeys([*(m.text for messages in sets.values() for m in messages),
                                *(q.text for q in asked)]))
    parses, load_seconds, latencies = _parse_with_engine(every)
    by_text = dict(zip(every, parses, strict=True))
    english_only = (json.loads(ENGLISH_ONLY_FILE.read_text(encoding="utf-8"))
                    if ENGLISH_ONLY_FILE.exists() else {})
    languages = {code: _language_results(code, messages, by_text, baselines, english_only)
                 for code, messages in sets.items()}
    results = {"set": args.set, "files": {c: [str(p.relative_to(PROJECT_ROOT)) for p in paths]
                                          for c, paths in files.items()},
               "topics": list(TOPICS), "languages": languages,
               "answers": answer_scores.score(asked, by_text, answers.default()) if asked else None,
               **_timings(load_seconds, latencies)}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    _draw_confusion(languages["en"], args.out / "confusion.png")
    print(_table(results))
    print(f"\nwritten: {args.out / 'results.json'}, {args.out / 'confusion.png'}")


def _language_results(code: str, messages: list[data.Labelled], parses: dict[str, dict],
                      baselines: dict, english_only: dict[str, dict]) -> dict:
    """Every system's scores on one language's messages."""
    gold = [(m.topic, m.urgent) for m in messages]
    predicted = {OURS: [classify(parses[m.text], m.text) for m in messages]}
    for name, model in baselines.items():
        predicted[name] = [classify(model.parse(m.text), m.text) for m in messages]
    systems = {}
    for name, said in predicted.items():
        systems[name] = score(gold, [(p["topic"], p["urgent"]) for p in said])
        systems[name]["confusion"] = confusion([g[0] for g in gold], [p["topic"] for p in said])
        systems[name]["missed"] = sum(g[1] and not p["urgent"] for g, p in zip(gold, said,
                                                                                strict=True))
        systems[name]["false_alarms"] = sum(p["urgent"] and not g[1]
                                            for g, p in zip(gold, said, strict=True))
    net = score(gold, [("other", safety.is_urgent(m.text)) for m in messages])
    old = [english_only.get(m.text) for m in messages]
    known = [(g, o) for g, o in zip(gold, old, strict=True) if o]
    return {
        "messages": len(messages), "urgent": sum(m.urgent for m in messages),
        "systems": systems,
        "safety_net_alone": {"urgent_recall": net["urgent_recall"],
                             "urgent_precision": net["urgent_precision"]},
        "english_only_pipeline": score([g for g, _ in known],
                                       [(o["topic"], o["urgent"]) for _, o in known])
        if len(known) == len(messages) else None,
        # How often the language identifier names the file's language (short messages
        # keep the conversation's language instead: bot/language).
        "language_detected": round(sum(detect(m.text).language == code for m in messages)
                                   / len(messages), 3),
    }


def _timings(load_seconds: float, latencies: list[float]) -> dict:
    ordered = sorted(latencies)
    train = TRAIN_SECONDS_FILE.read_text().strip() if TRAIN_SECONDS_FILE.exists() else None
    return {"parse_latency_ms": {"p50": round(statistics.median(ordered), 1),
                                 "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1)},
            "model_load_seconds": round(load_seconds, 1),
            "training_seconds": int(train) if train else None}


def _parse_with_engine(texts: list[str]) -> tuple[list[dict], float, list[float]]:
    """Start the engine alone, time its load, and parse every text over its HTTP API."""
    if not MODEL.exists():
        raise SystemExit(f"no trained model at {MODEL}: run `make model`")
    with tempfile.TemporaryDirectory() as var:
        settings = Settings.from_env({"SAFER_VAR_DIR": var,
                                      "ENGINE_URL": f"http://127.0.0.1:{free_port()}"})
        services = Services(settings, child_environment(settings))
        token = services.env["ENGINE_TOKEN"]
        started = time.monotonic()
        services.start(("engine",))
        try:
            _wait_for_model(services, settings.engine_url, token)
            load_seconds = time.monotonic() - started
            parses, latencies = [], []
            for text in texts:
                t0 = time.perf_counter()
                parses.append(_post(f"{settings.engine_url}/model/parse?token={token}",
                                    {"text": text}))
                latencies.append((time.perf_counter() - t0) * 1000)
        finally:
            services.stop()
    return parses, load_seconds, latencies


def _wait_for_model(services: Services, engine_url: str, token: str) -> None:
    def model_loaded() -> bool:
        try:
            with urllib.request.urlopen(f"{engine_url}/status?token={token}", timeout=2) as r:
                return bool(json.load(r).get("model_id"))
        except (OSError, ValueError):
            return False

    try:
        services.wait_until(model_loaded, LOAD_TIMEOUT)
    except TimeoutError:
        raise SystemExit(f"the engine did not load the model within {LOAD_TIMEOUT}s") from None


def _post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, json.dumps(body).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as resp:
        return json.load(resp)


def _table(results: dict) -> str:
    """The English per-topic table, then one row per language."""
    languages = results["languages"]
    english = languages["en"]["systems"]
    names = [OURS, *BASELINES]
    width = 30
    lines = [f"{results['set']} messages, English: {languages['en']['messages']} "
             f"({languages['en']['urgent']} urgent)", "",
             "".ljust(24) + "".join(n[:width - 2].ljust(width) for n in names)]

    def row(label: str, values) -> None:
        lines.append(label.ljust(24) + "".join(v.ljust(width) for v in values))

    for topic in results["topics"]:
        row(f"{topic} P/R/F1", [
            "{precision:.2f} / {recall:.2f} / {f1:.2f}".format(**english[n]["per_topic"][topic])
            for n in names])
    for key in ("macro_f1", "accuracy", "urgent_recall", "urgent_precision"):
        row(key.replace("_", " "), [f"{english[n][key]:.3f}" for n in names])
    lines += ["", "Every language (model + safety net; then the safety net alone, the "
                  "English-only pipeline it replaced, and the TF-IDF baseline):", "",
              f"{'language':<11}{'n':>4}{'urg':>5}  {'macro-F1':>8} {'acc':>6} {'urg R':>6} "
              f"{'urg P':>6} {'miss':>4} {'f.a.':>4} | net R  net P | old F1 old R | "
              f"tfidf F1 | lang id"]
    for code, found in languages.items():
        ours = found["systems"][OURS]
        old = found["english_only_pipeline"]
        net = found["safety_net_alone"]
        lines.append(
            f"{ENGLISH_NAMES.get(code, code):<11}{found['messages']:>4}{found['urgent']:>5}  "
            f"{ours['macro_f1']:>8.3f} {ours['accuracy']:>6.3f} {ours['urgent_recall']:>6.3f} "
            f"{ours['urgent_precision']:>6.3f} {ours['missed']:>4} {ours['false_alarms']:>4} | "
            f"{net['urgent_recall']:.3f} {net['urgent_precision']:.3f} | "
            + (f"{old['macro_f1']:.3f}  {old['urgent_recall']:.3f}" if old else "   -      -  ")
            + f" | {found['systems'][BASELINES[0]]['macro_f1']:>8.3f} | "
            f"{found['language_detected']:.3f}")
    found = results.get("answers")
    if found:
        lines += ["", f"Answers ({found['questions']} questions, {found['no_answer_messages']} "
                      f"messages that need none): top-1 {found['top1']:.3f}, wrong "
                      f"{found['wrong_rate']:.3f} ({found['wrong']} wrong answers, "
                      f"{found['answered_when_none']} answers where none was asked), "
                      f"not sure {found['unsure']}, unanswered {found['unanswered']}"]
    lines += ["", f"parse latency (engine HTTP API, sequential): p50 "
                  f"{results['parse_latency_ms']['p50']} ms, p95 {results['parse_latency_ms']['p95']} ms",
              f"model load (process start to model ready): {results['model_load_seconds']} s",
              f"training time (last `make model`; Rasa reuses cached parts when it can): "
              f"{results['training_seconds']} s"]
    return "\n".join(lines)


def _draw_confusion(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(results["systems"])
    topics = list(TOPICS)
    fig, axes = plt.subplots(1, len(names), figsize=(5.5 * len(names), 5), constrained_layout=True)
    for ax, name in zip(axes, names, strict=True):
        matrix = results["systems"][name]["confusion"]
        ax.imshow(matrix, cmap="Blues")
        ax.set_title(f"{name}\nmacro-F1 {results['systems'][name]['macro_f1']:.3f}")
        ax.set_xticks(range(len(topics)), topics, rotation=45, ha="right")
        ax.set_yticks(range(len(topics)), topics)
        ax.set_xlabel("predicted")
        ax.set_ylabel("true")
        for i, counts in enumerate(matrix):
            for j, count in enumerate(counts):
                ax.text(j, i, str(count), ha="center", va="center",
                        color="white" if count > max(map(max, matrix)) / 2 else "black")
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main()
