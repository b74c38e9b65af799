# Two commands from a fresh clone: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TRANSLATIONS := app/translations
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)

.PHONY: run test bench bench-quality train train-sections train-cv screenshots editor-screenshots install clean cluster-up cluster-down \
	cluster-load translations-extract translations-init translations-update translations-compile

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11 or run 'make PYTHON=python3 ...'"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/pybabel compile --statistics -d $(TRANSLATIONS)
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/flask --app app run --host 127.0.0.1 --port 5000

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# One table: quality (assistant vs plain rank-bm25) and speed (latency, index build,
# wrk load test of the Procfile's gunicorn server, memory). BENCH_ARGS="--no-load" skips wrk.
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

# The quality part alone, failing below the targets (used by .ci/run).
bench-quality: $(STAMP)
	$(BIN)/python -m bench.quality --check $(BENCH_ARGS)

# Rebuild corpus/topic-model.bin from ../shared/train (TRAIN_ARGS="--train-dir DIR" elsewhere) and
# corpus/section-model.bin from the team's tables in tests/data, each byte for byte.
train: $(STAMP)
	$(BIN)/python -m bench.train $(TRAIN_ARGS)
	$(BIN)/python -m bench.train_sections $(TRAIN_ARGS)

# The section model alone (reads the labelled training questions' text from ../shared/train too).
train-sections: $(STAMP)
	$(BIN)/python -m bench.train_sections $(TRAIN_ARGS)

# The grouped cross-validation that chose the topic model's settings.
train-cv: $(STAMP)
	$(BIN)/python -m bench.train --cv $(TRAIN_ARGS)

# Languages (README "Languages"): extract the English texts, start a language, merge new texts, compile.
translations-extract: $(STAMP)
	$(BIN)/pybabel extract -F $(TRANSLATIONS)/babel.cfg -k _l -k N_ --project=policy-assistant --version=$(VERSION) --add-comments=TRANSLATORS: --no-location --sort-output \
		-o $(TRANSLATIONS)/messages.pot .

translations-init: translations-extract
	@test -n "$(LANGUAGE_CODE)" || { echo "usage: make translations-init LANGUAGE_CODE=mr"; exit 1; }
	$(BIN)/pybabel init -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l $(LANGUAGE_CODE)

translations-update: translations-extract
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS)

translations-compile: $(STAMP)
	$(BIN)/pybabel compile --statistics -d $(TRANSLATIONS)

# PNGs of the chat page, the widget, the request form, the confirmation and the staff queue at 1280x800 and
# 360x740 in every language the app offers, in build/screenshots/ (SCREENSHOTS_ARGS="--out DIR --languages en").
screenshots: $(STAMP)
	$(BIN)/python -m bench.screenshots $(SCREENSHOTS_ARGS)

clean:
	rm -rf $(VENV) instance .pytest_cache

# Pictures of the editors' dashboard and review page (build/screenshots/editor/, not kept in git), taken by their browser test.
editor-screenshots: $(STAMP)
	WIDGET_SCREENSHOTS=build/screenshots/editor REQUIRE_BROWSER=1 $(BIN)/python -m pytest -q -p no:cacheprovider tests/browser/test_editor_browser.py

# A cluster on this machine (Redis, two web instances, HAProxy on 127.0.0.1): see README "Past one machine".
cluster-up: $(STAMP)
	$(BIN)/python -m bench.cluster up

cluster-down: $(STAMP)
	$(BIN)/python -m bench.cluster down

# Up, 10,000 asks and 500 submissions from 32 clients through HAProxy, one instance SIGKILLed halfway, down.
cluster-load: $(STAMP)
	$(BIN)/python -m bench.cluster load $(CLUSTER_ARGS)
