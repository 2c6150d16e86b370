# pikir: the two quick-start commands (`make run`, `make test`) set up
# everything they need on a fresh Debian machine with the Swift toolchain.

PREFIX ?= /usr/local
SWIFT  ?= swift
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SAMPLES := $(sort $(wildcard sample-data/*.csv sample-data/*.tsv sample-data/*.txt))

.PHONY: deps test-deps apt build run test bench-read clean

# Debian packages, found by a file they install (libcsv-dev has no
# pkg-config file): libcsv for reading, SQLite for GRDB; for the tests,
# Chromium and poppler-utils (the HTML reports are opened in a real browser
# and printed to PDF).
DEB_HEADERS := /usr/include/csv.h:libcsv-dev /usr/include/sqlite3.h:libsqlite3-dev
DEB_TEST    := /usr/bin/chromium:chromium /usr/bin/pdfinfo:poppler-utils

deps:
	@$(MAKE) --no-print-directory apt PAIRS="$(DEB_HEADERS)"

test-deps: deps
	@$(MAKE) --no-print-directory apt PAIRS="$(DEB_TEST)"

apt:
	@missing=""; for pair in $(PAIRS); do \
		[ -f "$${pair%%:*}" ] || missing="$$missing $${pair#*:}"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing (Debian packages)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product pikir

run: build
	.build/release/pikir inspect $(SAMPLES)

test: test-deps
	$(SWIFT) test

bench-read: deps
	bash bench/read.sh

clean:
	rm -rf .build
