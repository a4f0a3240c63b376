# VirtualHooks: the two commands a newcomer needs are `make demo` and `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
BENCH_RECORDS ?= 100000

.PHONY: demo test build bench deps

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

# The whole test suite (unit, integration over loopback, end to end with the built executable).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Release build of the executable.
build: deps
	$(SWIFT) build -c release --product vhooks

# Backfills $(BENCH_RECORDS) sandbox records end to end and prints records/s against loopback baselines.
bench: deps
	$(SWIFT) build -c release --product BackfillBenchmark
	$$($(SWIFT) build -c release --product BackfillBenchmark --show-bin-path)/BackfillBenchmark --records $(BENCH_RECORDS)
