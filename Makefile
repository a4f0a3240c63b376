# VirtualHooks: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
BENCH_RECORDS ?= 100000

SDK_VENV := .venv-sdk

.PHONY: demo test build bench deps sdk-venv

# Installs the C headers libcurl and SQLite need, only when they are missing (checked without a C compiler).
deps:
	@if ! { ls /usr/include/curl/curl.h /usr/include/*/curl/curl.h 2>/dev/null | grep -q . && [ -e /usr/include/sqlite3.h ]; }; then \
		echo "installing libcurl4-openssl-dev and libsqlite3-dev"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcurl4-openssl-dev libsqlite3-dev; \
	fi

# Builds, then runs the whole product on loopback: sandbox provider, recording subscriber and the bridge.
demo: deps
	$(SWIFT) build --product vhooks
	$$($(SWIFT) build --product vhooks --show-bin-path)/vhooks demo

# A virtualenv with Unified's official Python SDK, an OpenAPI validator and schemathesis (the schema-driven API test)
# for the SDK and OpenAPI tests. If PyPI cannot be reached those tests are skipped, with a message saying so.
sdk-venv:
	@if ! $(SDK_VENV)/bin/python -c "import unified_python_sdk, openapi_spec_validator, schemathesis" 2>/dev/null; then \
		echo "installing unified-python-sdk, openapi-spec-validator and schemathesis into $(SDK_VENV)"; \
		{ python3 -m venv $(SDK_VENV) && $(SDK_VENV)/bin/pip install -q unified-python-sdk==0.61.5 openapi-spec-validator \
			schemathesis==4.32.5; } \
			|| echo "could not install the Python SDK: the SDK and OpenAPI validation tests will be skipped"; \
	fi

# The whole test suite (unit, integration over loopback, end to end with the built executable).
test: deps sdk-venv
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Release build of the executable.
build: deps
	$(SWIFT) build -c release --product vhooks

# Backfills $(BENCH_RECORDS) sandbox records end to end through `vhooks serve` in its own process and prints its
# records/s, CPU per record, database bytes and RSS against loopback baselines; then the idle benchmark at
# $(BENCH_IDLE) connections, $(BENCH_IDLE_SECONDS) s of steady state each (about 4 minutes per count).
BENCH_IDLE ?= 100,1000,10000
BENCH_IDLE_SECONDS ?= 180
bench: deps
	$(SWIFT) build -c release --product vhooks
	$(SWIFT) build -c release --product BackfillBenchmark
	$$($(SWIFT) build -c release --product BackfillBenchmark --show-bin-path)/BackfillBenchmark --records $(BENCH_RECORDS)
	$$($(SWIFT) build -c release --product BackfillBenchmark --show-bin-path)/BackfillBenchmark --idle $(BENCH_IDLE) \
		--idle-seconds $(BENCH_IDLE_SECONDS)
