# Bourse-partenariats — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: run serve test install migrate demo schema lint format messages bench bench-pg clean backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Development server on the embedded SQLite database, with demo content and an admin account.
run: export DEBUG ?= 1
run: install
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap_portal
	$(BIN)/python manage.py seed_demo --if-empty
	$(BIN)/python manage.py ensure_dev_admin
	$(BIN)/python manage.py runserver $(HOST)

# Production on one machine: DEBUG off (SECRET_KEY, ALLOWED_HOSTS and PUBLIC_BASE_URL must
# be set, or it refuses to start), collected static files, migrations, the skeleton, then
# gunicorn (portal/gunicorn_config.py) with the periodic jobs (manage.py run_periodic) beside.
serve: export DEBUG = 0
serve: install
	mkdir -p var
	$(BIN)/python manage.py check --deploy --fail-level ERROR
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py bootstrap_portal
	exec $(BIN)/gunicorn --config portal/gunicorn_config.py

# The whole suite: SQLite by default, PostgreSQL when DATABASE_URL is set.
test: install
	mkdir -p var
	$(BIN)/python -m pytest $(PYTEST_ARGS)

schema: export DEBUG ?= 1
schema: install
	$(BIN)/python manage.py graphql_schema_snapshot

messages: export DEBUG ?= 1
messages: install
	$(BIN)/python manage.py makemessages -l fr -l en -l es -l pt -l ar --no-obsolete --ignore=.venv --ignore=var
	$(BIN)/python manage.py compilemessages --ignore=.venv

bench: install
	mkdir -p var
	$(BIN)/python -m bench

# The same on PostgreSQL at the real atlas' size, with .ci/run's services: a database of its
# own per size (created when missing, seeded on first use, then reused) and a Redis DB apart.
BENCH_AUTHORITIES ?= 15000
BENCH_DATABASE ?= bench$(BENCH_AUTHORITIES)
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/7
bench-pg: install
	mkdir -p var
	createdb -h 127.0.0.1 -U postgres $(BENCH_DATABASE) 2>/dev/null || true
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_DATABASE) REDIS_URL=$(BENCH_REDIS_URL) \
		$(BIN)/python -m bench --authorities $(BENCH_AUTHORITIES) $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Backups (README, "Backups"): database and media into $(BACKUP_DIR)/<UTC timestamp>/;
# `make restore BACKUP=var/backups/<timestamp>` replaces both with one.
BACKUP_DIR ?= var/backups
backup: install
	$(BIN)/python manage.py backup_portal --directory $(BACKUP_DIR)

restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=$(BACKUP_DIR)/<timestamp>"; exit 2; }
	$(BIN)/python manage.py restore_portal $(BACKUP)

clean:
	rm -rf $(VENV) var
