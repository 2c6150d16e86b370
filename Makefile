# pikir: the two quick-start commands (`make run`, `make test`) set up
# everything they need on a fresh Debian machine with the Swift toolchain.

PREFIX ?= /usr/local
SWIFT  ?= swift
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SAMPLES := $(sort $(wildcard sample-data/*.csv sample-data/*.tsv sample-data/*.txt))

.PHONY: deps build run test bench-read clean

# libcsv-dev has no pkg-config file, so look for its header directly.
deps:
	@if [ ! -f /usr/include/csv.h ]; then \
		echo "Installing libcsv-dev (Debian package)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcsv-dev; \
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
