# The two commands of README.md: `make run` (portal with demo data on SQLite) and
# `make test` (the test suite on DATABASE_URL, SQLite when unset).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup system-packages lint messages clean

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)
	@command -v msgfmt >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }
	$(BIN)/python manage.py compilemessages --ignore=.venv --verbosity=0

run: setup
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_data
	$(BIN)/python manage.py runserver $(or $(ADDRESS),127.0.0.1:8000)

# Debian's packages for the browser tests (Chromium) and the production smoke stage (nginx
# with brotli, Redis, openssl for a throwaway certificate). Installed when run as root;
# elsewhere the tests that need them are skipped with the reason (never under CI).
SYSTEM_PACKAGES := chromium nginx libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static \
	redis-server openssl
system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else echo "Not installed: $$missing (their tests will be skipped)."; fi; \
	fi

test: setup system-packages
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run --verbosity=1
	$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest --ignore=tests/production $(PYTEST_ARGS)
	@# The production smoke stage: nginx, two gunicorn servers, PostgreSQL and Redis, as deployed.
	$(BIN)/python -m pytest tests/production -m production $(PYTEST_ARGS)

# ruff's lint rules and its formatting (pyproject.toml); .pre-commit-config.yaml runs the same.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Refresh locale/*/django.po from the source (the JavaScript has no interface strings).
messages: setup
	$(BIN)/python manage.py makemessages --all --no-location --no-obsolete --ignore=.venv \
		--ignore=staticfiles --ignore=bench --ignore=tests

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
