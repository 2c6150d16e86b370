# pikir: the two quick-start commands (`make run`, `make test`) set up
# everything they need on a fresh Debian machine with the Swift toolchain.

PREFIX ?= /usr/local
SWIFT  ?= swift
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SAMPLES := $(sort $(wildcard sample-data/*.csv sample-data/*.tsv sample-data/*.txt))

.PHONY: deps build run test bench-read clean

# Debian packages the build links against, found by their headers
# (libcsv-dev has no pkg-config file): libcsv for reading, SQLite for GRDB.
DEB_HEADERS := /usr/include/csv.h:libcsv-dev /usr/include/sqlite3.h:libsqlite3-dev

deps:
	@missing=""; for pair in $(DEB_HEADERS); do \
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

test: deps
	$(SWIFT) test

bench-read: deps
	bash bench/read.sh

clean:
	rm -rf .build
