"""`python -m bot.evaluation` (`make eval`): score the model and both baselines on the
held-out set, print them side by side, write var/eval/results.json and confusion.png."""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import urllib.request
from pathlib import Path

from bot import safety
from bot.evaluation import data
from bot.evaluation.baselines import KeywordRules, TfidfLogistic
from bot.evaluation.metrics import confusion, score
from bot.runner import MODEL, Services, child_environment, free_port
from bot.settings import PROJECT_ROOT, Settings
from bot.topics import TOPICS, classify

OUT_DIR = PROJECT_ROOT / "var" / "eval"
TRAIN_SECONDS_FILE = PROJECT_ROOT / "models" / "train-seconds.txt"
LOAD_TIMEOUT = 300
OURS = "rasa model + safety net"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--heldout", type=Path, default=data.HELDOUT_FILE)
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args()
    messages = data.heldout(args.heldout)
    texts, intents = zip(*data.training_examples(), strict=True)
    predictions = {
        "keyword rules": _predict(KeywordRules().fit(list(texts), list(intents)).parse, messages),
        "tf-idf + logistic regression": _predict(
            TfidfLogistic().fit(list(texts), list(intents)).parse, messages),
    }
    parses, load_seconds, latencies = _parse_with_engine([m.text for m in messages])
    predictions[OURS] = [classify(parse, m.text)
                         for parse, m in zip(parses, messages, strict=True)]
    results = _results(messages, predictions, load_seconds, latencies)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    _draw_confusion(results, args.out / "confusion.png")
    print(_table(results))
    print(f"\nwritten: {args.out / 'results.json'}, {args.out / 'confusion.png'}")


def _predict(parse, messages: list[data.Labelled]) -> list[dict]:
    return [classify(parse(m.text), m.text) for m in messages]


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


def _results(messages, predictions: dict[str, list[dict]], load_seconds: float,
             latencies: list[float]) -> dict:
    gold = [(m.topic, m.urgent) for m in messages]
    systems = {}
    for name, preds in predictions.items():
        systems[name] = score(gold, [(p["topic"], p["urgent"]) for p in preds])
        systems[name]["confusion"] = confusion([g[0] for g in gold], [p["topic"] for p in preds])
    net = score(gold, [("other", safety.is_urgent(m.text)) for m in messages])
    ordered = sorted(latencies)
    train = TRAIN_SECONDS_FILE.read_text().strip() if TRAIN_SECONDS_FILE.exists() else None
    return {
        "heldout_messages": len(messages),
        "urgent_messages": sum(m.urgent for m in messages),
        "topics": list(TOPICS),
        "systems": systems,
        "safety_net_alone": {"urgent_precision": net["urgent_precision"],
                             "urgent_recall": net["urgent_recall"]},
        "parse_latency_ms": {"p50": round(statistics.median(ordered), 1),
                             "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1)},
        "model_load_seconds": round(load_seconds, 1),
        "training_seconds": int(train) if train else None,
    }


def _table(results: dict) -> str:
    names = list(results["systems"])
    width = 30
    lines = [f"{results['heldout_messages']} held-out messages "
             f"({results['urgent_messages']} urgent)", "",
             "".ljust(24) + "".join(n[:width - 2].ljust(width) for n in names)]

    def row(label: str, values) -> None:
        lines.append(label.ljust(24) + "".join(v.ljust(width) for v in values))

    for topic in results["topics"]:
        row(f"{topic} P/R/F1", [
            "{precision:.2f} / {recall:.2f} / {f1:.2f}".format(**results["systems"][n]["per_topic"][topic])
            for n in names])
    for key in ("macro_f1", "accuracy", "urgent_recall", "urgent_precision"):
        row(key.replace("_", " "), [f"{results['systems'][n][key]:.3f}" for n in names])
    net = results["safety_net_alone"]
    lines += ["", f"safety net alone: urgent recall {net['urgent_recall']:.3f}, "
                  f"precision {net['urgent_precision']:.3f}",
              f"parse latency (engine HTTP API, sequential): p50 "
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
    topics = results["topics"]
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
