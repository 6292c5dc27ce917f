# Dispute Desk — the README's commands: `make run`, `make test`, `make bench`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
HOST ?= 127.0.0.1
PORT ?= 5000
STAMP := $(VENV)/.installed
# Debian packages the app and its tests use: a CJK TrueType font for PDFs, poppler to read them back,
# graphviz to draw the life-cycle diagram, Redis for the job queue, rate limits and shared caches.
SYSTEM_PACKAGES := fonts-wqy-microhei poppler-utils graphviz redis-server
# Where `make run` keeps the database, Redis's data and socket, and the logs of every process.
INSTANCE := $(abspath $(or $(DISPUTES_INSTANCE_PATH),instance))

.PHONY: run test test-sqlite test-postgres lint bench install system-packages translations messages db clean

$(STAMP): setup.cfg pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip setuptools wheel
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# Front-end libraries (Apache ECharts) from the npm registry, pinned by package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch node_modules/.installed

install: $(STAMP) translations node_modules/.installed

# Installs what is missing when we are allowed to (root, apt-get present); otherwise says what to install.
system-packages:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing $$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "please install: $$missing (sudo apt-get install $$missing)"; fi; \
	fi

translations: $(STAMP)
	$(BIN)/pybabel compile --statistics -d disputes/translations -D messages

# Re-extracts every string marked for translation -- gettext/_ and lazy_gettext/_l in disputes/, _() in
# templates/ (babel.cfg says which files; workflows/ and casebase/ carry their English labels as data) --
# and merges it into each catalog. Then translate what is new or fuzzy in disputes/translations/*/LC_MESSAGES/
# messages.po; tests/disputes/test_i18n.py fails while any string is missing or untranslated.
# Not a prerequisite of run or test: those only compile the catalogs (`translations`).
POT := disputes/translations/messages.pot

messages: $(STAMP)
	$(BIN)/pybabel --quiet extract -F babel.cfg -k _l -k lazy_gettext --sort-by-file --ignore-dirs ".*" \
	  --project "Dispute Desk" -o $(POT) .
	$(BIN)/pybabel --quiet update --ignore-obsolete -i $(POT) -d disputes/translations -D messages

db: install
	$(FLASK) db upgrade

# Migrates, seeds (which builds the search index), then starts Redis, gunicorn, the job worker and the
# scheduler together under honcho (disputes/jobs/Procfile); Ctrl-C stops them all.
run: system-packages install
	env -u REDIS_URL $(FLASK) db upgrade
	env -u REDIS_URL $(FLASK) seed demo
	@mkdir -p $(INSTANCE)/logs
	@echo ""
	@echo "  Dispute Desk is starting on http://$(HOST):$(PORT)/"
	@echo "  Demo logins (password Demo-pass-2026): admin, mediator, mediator2, arbitrator, legalaid,"
	@echo "    inspector, inspecthead (labour inspection), worker"
	@echo "  Workers file a complaint at http://$(HOST):$(PORT)/intake without an account."
	@echo "  Background jobs (admin): http://$(HOST):$(PORT)/admin/jobs"
	@echo "  Logs: redis $(INSTANCE)/logs/redis.log, web $(INSTANCE)/logs/web.log,"
	@echo "        worker $(INSTANCE)/logs/worker.log, scheduler $(INSTANCE)/logs/scheduler.log"
	@echo "  Redis: unix://$(INSTANCE)/redis.sock (data in $(INSTANCE)). Ctrl-C stops every process."
	@echo ""
	DISPUTES_INSECURE_COOKIES=1 DISPUTES_INSTANCE_PATH=$(INSTANCE) REDIS_URL=unix://$(INSTANCE)/redis.sock \
	  DD_INSTANCE=$(INSTANCE) DD_BIN=$(abspath $(BIN)) DD_BIND=$(HOST):$(PORT) \
	  $(BIN)/honcho -f disputes/jobs/Procfile -d . start

lint: install
	$(BIN)/bandit -q -r disputes workflows casebase
	@# pip-audit asks for each release's own JSON. Where the index reachable here serves only the project
	@# JSON, it audits nothing; then .ci/audit_latest.py audits every package installed at its latest
	@# release from the project JSON (which lists that release's advisories) and names the rest.
	@$(BIN)/pip-audit --skip-editable --progress-spinner off > .pip-audit.log 2>&1; status=$$?; \
	if grep -q "could not be audited" .pip-audit.log; then \
	  echo "pip-audit could not reach per-release vulnerability data for $$(grep -c 'could not be audited' .pip-audit.log) packages; auditing through the project JSON instead:"; \
	  if [ $$status != 0 ]; then grep -v "could not be audited" .pip-audit.log; fi; rm -f .pip-audit.log; \
	  $(BIN)/python .ci/audit_latest.py || status=1; \
	else cat .pip-audit.log; rm -f .pip-audit.log; fi; exit $$status

# The SQLite pass ignores TEST_DATABASE_URL (.ci/run exports it for the whole of `make test`).
test-sqlite: install
	env -u TEST_DATABASE_URL $(BIN)/pytest -q

# Runs when TEST_DATABASE_URL names a PostgreSQL server (.ci/run starts one); in CI it must.
test-postgres: install
	@if [ -n "$$TEST_DATABASE_URL" ]; then $(BIN)/pytest -q -m "not e2e"; \
	elif [ "$$CI" = "true" ]; then echo "CI=true but TEST_DATABASE_URL is not set: PostgreSQL pass cannot run" >&2; exit 1; \
	else echo "TEST_DATABASE_URL not set: skipping the PostgreSQL pass (see README)"; fi

test: system-packages lint test-sqlite test-postgres

BENCHMARKS := queues dashboard search documents portal load assess_eval

# Each prints one JSON object; outputs are also kept in bench/out/<name>.json. The servers they start
# need Redis: without REDIS_URL a throwaway redis-server runs on a unix socket for the duration.
bench: system-packages install
	@mkdir -p bench/out
	@redis_dir=""; if [ -z "$$REDIS_URL" ]; then redis_dir=$$(mktemp -d); \
	  redis-server --port 0 --unixsocket $$redis_dir/redis.sock --unixsocketperm 700 --dir $$redis_dir --save '' \
	    --appendonly no --daemonize yes --pidfile $$redis_dir/redis.pid --logfile $$redis_dir/redis.log; \
	  for _ in $$(seq 1 50); do [ -S $$redis_dir/redis.sock ] && break; sleep 0.1; done; \
	  export REDIS_URL=unix://$$redis_dir/redis.sock; fi; \
	status=0; for name in $(BENCHMARKS); do echo "== bench/$$name.py"; \
	  $(BIN)/python bench/$$name.py | tee bench/out/$$name.json || { status=1; break; }; done; \
	if [ -n "$$redis_dir" ]; then kill $$(cat $$redis_dir/redis.pid); rm -rf $$redis_dir; fi; exit $$status

clean:
	rm -rf $(VENV) instance .pytest_cache .hypothesis
