# The two commands of the README: `make run` and `make test`. Both idempotent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# npm ci again whenever the lock file changes, so a new Node dependency reaches an old checkout.
NODE_STAMP := tools/node_modules/.installed

.PHONY: run test lint tools bench clean-neo4j

# In development mode: tokens are signed with a random secret kept in .mentorgraph/.
# Browser apps on the usual local dev servers may call the API (the environment overrides).
DEV_ORIGINS := http://localhost:3000,http://127.0.0.1:3000,http://localhost:5173,http://127.0.0.1:5173,http://localhost:8080,http://127.0.0.1:8080
run: export MENTORGRAPH_CORS_ORIGINS ?= $(DEV_ORIGINS)
run: export MENTORGRAPH_ALLOWED_HOSTS ?= 127.0.0.1,localhost
run: $(STAMP)
	$(BIN)/mentorgraph up

test: $(STAMP) tools
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "mentorgraph needs Python 3.11+ ($(PYTHON) is older)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

# System tools the tests use, installed from Debian's packages when missing; Node's from
# tools/package-lock.json.
tools: $(NODE_STAMP)
	@command -v docker-compose >/dev/null || $(call apt_install,docker-compose)
	@command -v redis-server >/dev/null || $(call apt_install,redis-server)
	@command -v chromium >/dev/null || $(call apt_install,chromium)

$(NODE_STAMP): tools/package-lock.json
	npm ci --prefix tools --no-audit --no-fund --silent
	touch $@

define apt_install
	{ echo "installing $(1) from Debian's packages"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(1) >/dev/null; }
endef

clean-neo4j:
	-$(BIN)/mentorgraph neo4j stop
	rm -rf .neo4j
