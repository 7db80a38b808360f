# Safer Oxford Bot. The two commands users need: `make run` and `make test`.
# Everything they depend on is built here when missing or out of date.

SHELL := /bin/bash
PYTHON ?= python3
APP_VENV := .venv
ENGINE_VENV := .venv-engine
APP_PY := $(APP_VENV)/bin/python
RASA := $(ENGINE_VENV)/bin/rasa
MODEL := models/current.tar.gz
DETAILS_DATA := nlu_data/details.yml
# Of rasa_components/, the intent classifier, the answer selector (with the knowledge base's
# questions) and the sentence featurizer (with its encoder)
# are part of the model (the conversation store and the engine's run-time additions are not).
TRAINING_DATA := config.yml domain.yml $(DETAILS_DATA) $(wildcard nlu_data/*.yml) \
	$(wildcard nlu_data/languages/*.yml) \
	data/answers.yml rasa_components/answer_selector.py \
	rasa_components/intent_classifier.py rasa_components/sentence_featurizer.py \
	rasa_components/sentence_encoder.py

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run run-replicas test eval converse bench screenshots setup model lint validate conversation-test pytest lock-app lock-engine clean

## run: set up what is missing, train if the training data changed, start everything
run: setup $(MODEL)
	$(APP_PY) -m bot run

## run-replicas: as run, with two of each process on PostgreSQL and Redis behind nginx
run-replicas: setup $(MODEL)
	$(APP_PY) -m bot run --replicas 2

## test: ruff, rasa data validate, conversation tests, pytest (unit, PostgreSQL, end to end)
test: setup $(MODEL) lint validate conversation-test pytest

## eval: the model, the safety net and the baselines on every language's held-out messages (tests/nlu/heldout*.yml) -> var/eval/ (EVAL_ARGS="--set validation" for the validation files)
eval: setup $(MODEL)
	$(APP_PY) -m bot.evaluation $(EVAL_ARGS)

## converse: scripted resident conversations through /api/chat (tests/nlu/conversations.yml) -> var/eval/conversations.json
converse: setup $(MODEL)
	$(APP_PY) -m bot.evaluation.conversations

## bench: simulated residents (web chat, Telegram) at 1, 5, 20, 50 concurrent conversations -> var/bench/ (options: BENCH_ARGS="--help")
bench: setup $(MODEL)
	$(APP_PY) -m bench $(BENCH_ARGS)

## screenshots: the web chat's and staff console's browser tests (Debian's chromium), saving the README's screenshots
screenshots: setup $(MODEL)
	SCREENSHOT_DIR=docs/screenshots $(APP_PY) -m pytest tests/test_web_chat.py tests/test_staff_browser.py -q

setup: $(APP_VENV)/.installed $(ENGINE_VENV)/.installed

model: $(MODEL)

$(APP_VENV)/.installed: requirements/app.lock pyproject.toml
	@echo ">> app environment ($(APP_VENV))"
	@test -x $(APP_PY) || $(PYTHON) -m venv $(APP_VENV)
	$(APP_PY) -m pip install --quiet --progress-bar off -r requirements/app.lock
	$(APP_PY) -m pip install --quiet --no-deps -e .
	@touch $@

$(ENGINE_VENV)/.installed: requirements/engine.lock
	@echo ">> engine environment ($(ENGINE_VENV)): Rasa 3.6 and TensorFlow, a few minutes the first time"
	@test -x $(ENGINE_VENV)/bin/python || $(PYTHON) -m venv $(ENGINE_VENV)
	$(ENGINE_VENV)/bin/python -m pip install --progress-bar off --no-deps --ignore-requires-python \
		-r requirements/engine.lock
	@touch $@

$(MODEL): $(TRAINING_DATA) | $(ENGINE_VENV)/.installed
	@echo ">> training the model (the training data changed or there is no model yet)"
	@start=$$(date +%s) && \
	$(RASA) train --data nlu_data --domain domain.yml --config config.yml \
		--out models --fixed-model-name current && \
	echo $$(( $$(date +%s) - start )) > models/train-seconds.txt
	@touch $@

# Lookup tables and synonyms are generated from data/details.yml (see bot/details.py).
$(DETAILS_DATA): data/details.yml bot/details.py | $(APP_VENV)/.installed
	$(APP_PY) -m bot.details

lint: $(APP_VENV)/.installed
	$(APP_VENV)/bin/ruff check .

validate: $(ENGINE_VENV)/.installed $(DETAILS_DATA)
	$(RASA) data validate --data nlu_data --domain domain.yml --config config.yml

conversation-test: $(MODEL)
	$(RASA) test core --model $(MODEL) --stories tests/conversations \
		--fail-on-prediction-errors --out var/test-results

pytest: $(APP_VENV)/.installed $(MODEL)
	$(APP_PY) -m pytest

## lock-app / lock-engine: regenerate the lock files after changing versions
lock-app:
	rm -rf /tmp/safer-lock-venv && $(PYTHON) -m venv /tmp/safer-lock-venv
	/tmp/safer-lock-venv/bin/pip install --quiet -e '.[dev]'
	(echo "# The app environment, frozen from pyproject.toml: make lock-app regenerates it"; \
	 /tmp/safer-lock-venv/bin/pip freeze --exclude-editable) > requirements/app.lock

lock-engine:
	$(PYTHON) requirements/make_lock.py

clean:
	rm -rf $(APP_VENV) $(ENGINE_VENV) models var/test-results
