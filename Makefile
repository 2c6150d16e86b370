# pikir: the two quick-start commands (`make run`, `make test`) set up
# everything they need on a fresh Debian machine with the Swift toolchain.

PREFIX ?= /usr/local
SWIFT  ?= swift
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SAMPLES := $(sort $(wildcard sample-data/*.csv sample-data/*.tsv sample-data/*.txt))

.PHONY: deps test-deps apt build run install uninstall test bench-read fuzz fuzz-build test-asan clean

# Debian packages, found by a file they install (libcsv-dev has no
# pkg-config file): libcsv for reading, SQLite for GRDB, libxlsxwriter for
# the .xlsx outputs; for the tests, Chromium and poppler-utils (the HTML
# reports are opened in a real browser and printed to PDF), the sqlite3
# shell (the personal-data test dumps every table of a warehouse) and
# openpyxl (every workbook is read back by an independent reader); libpq
# for the PostgreSQL warehouse, and for its tests Debian's PostgreSQL server
# (a throwaway cluster, scripts/pg-test-cluster.sh).
DEB_HEADERS := /usr/include/csv.h:libcsv-dev /usr/include/sqlite3.h:libsqlite3-dev /usr/include/xlsxwriter.h:libxlsxwriter-dev \
	/usr/include/postgresql/libpq-fe.h:libpq-dev
DEB_TEST    := /usr/bin/chromium:chromium /usr/bin/pdfinfo:poppler-utils /usr/bin/sqlite3:sqlite3 \
	/usr/lib/python3/dist-packages/openpyxl/__init__.py:python3-openpyxl /usr/lib/postgresql/15/bin/initdb:postgresql

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

BIN     := .build/release/pikir
SOURCES := Package.swift $(shell find Sources -type f 2>/dev/null)
# The release build links the Swift runtime and Foundation into the binary:
# a run starts in 30 ms instead of 44 (no symbol look-ups through a dozen
# shared libraries), and every call into the runtime is direct (`agg --csv`
# on 1M rows: 0.71 s against 0.80, seven alternating runs). The binary is
# 116 MB against 44. The benchmarks build with these flags too (`make build`).
RELEASE := -c release --static-swift-stdlib

# Built only when a source is newer than the binary, so `make run` right after
# `make run` costs no Swift build check (a few seconds) and stays a no-op.
$(BIN): $(SOURCES) | deps
	$(SWIFT) build $(RELEASE) --product pikir
	@touch $(BIN)

build: deps $(BIN)

# The demo pipeline: every sample export → every report in kk, ru and en,
# text and HTML, under out/demo/ (see pipelines/demo.toml). Running it again
# at once is a no-op. Then the records the samples hold on purpose to be
# rejected, each with its file, line and reason (sample-data/expected.json,
# "ingest", lists them with every file's counts).
run: build
	$(BIN) run pipelines/demo.toml
	@echo "Rejected on purpose (see sample-data/README.md):"
	@$(BIN) rejects --db out/demo/pikir.sqlite

# `make install PREFIX=~/.local` puts pikir on the PATH with its resources,
# shell completions (bash, zsh, fish) and man page.
install: build
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/man/man1" \
		"$(DESTDIR)$(PREFIX)/share/bash-completion/completions" "$(DESTDIR)$(PREFIX)/share/zsh/site-functions" \
		"$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d"
	install -m 755 .build/release/pikir "$(DESTDIR)$(PREFIX)/bin/pikir"
	for bundle in .build/release/*.resources; do \
		rm -rf "$(DESTDIR)$(PREFIX)/bin/$$(basename $$bundle)"; cp -R "$$bundle" "$(DESTDIR)$(PREFIX)/bin/"; \
	done
	.build/release/pikir --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/pikir"
	.build/release/pikir --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_pikir"
	.build/release/pikir --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/pikir.fish"
	$(SWIFT) package generate-manual >/dev/null
	install -m 644 .build/plugins/GenerateManual/outputs/pikir/pikir.1 "$(DESTDIR)$(PREFIX)/share/man/man1/pikir.1"
	@echo "Installed $(DESTDIR)$(PREFIX)/bin/pikir (man pikir; completions for bash, zsh, fish)"

uninstall:
	rm -rf "$(DESTDIR)$(PREFIX)/bin/pikir" "$(DESTDIR)$(PREFIX)/bin/pikir_PikirReport.resources" "$(DESTDIR)$(PREFIX)/bin/GRDB_GRDB.resources" \
		"$(DESTDIR)$(PREFIX)/share/man/man1/pikir.1" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/pikir" \
		"$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_pikir" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/pikir.fish"

# The tests run against both warehouses: a throwaway PostgreSQL cluster is
# started for them (PIKIR_TEST_POSTGRES is its address) and stopped
# afterwards, whether they pass or not.
test: test-deps
	@url=$$(scripts/pg-test-cluster.sh start) || exit 1; \
	trap 'scripts/pg-test-cluster.sh stop' EXIT INT TERM; \
	echo "PostgreSQL for the tests: $$url"; \
	PIKIR_TEST_POSTGRES="$$url" $(SWIFT) test

# The whole test suite (the warehouse path end to end included) built with
# AddressSanitizer, in its own build folder.
test-asan: test-deps
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

# The fuzzers (see Sources/PikirFuzzing): `make fuzz` runs the read →
# normalise fuzzer for FUZZ_SECONDS on FUZZ_JOBS cores, `make fuzz
# FUZZ_TARGET=warehouse` the one that ingests into SQLite. Built with
# libFuzzer and AddressSanitizer in their own build folder; seeded with the
# sample exports and every input a fuzzer ever found a fault with. Inputs
# stay under 4 KiB (a header and a few dozen rows: every rule, twice the
# executions of 16 KiB), and allocations keep no stack (ASan's cost was
# mostly recording them); set ASAN_OPTIONS=malloc_context_size=30 on a
# replay to see them. Nor is new memory filled, nor leaks looked for (the
# profile showed both on every input; ASan's bounds and use-after-free
# checks stay). A fault stops the run and leaves the input in
# .fuzz/crashes/: replay it with `swift run pikir-fuzz-$(FUZZ_TARGET) FILE`
# and keep it in Tests/PikirFuzzingTests/Regressions/.
FUZZ_TARGET  ?= read
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
FUZZ_FLAGS   ?=
FUZZ_SEEDS   := $(SAMPLES) $(wildcard Tests/PikirFuzzingTests/Regressions/*)
FUZZ_ASAN    := detect_leaks=0:malloc_context_size=0:quarantine_size_mb=16:max_malloc_fill_size=0

fuzz-build: deps
	$(SWIFT) build -c release --scratch-path .build-fuzz --product pikir-fuzz-$(FUZZ_TARGET) \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DPIKIR_FUZZ -Xswiftc -use-ld=lld

fuzz: fuzz-build
	@mkdir -p .fuzz/corpus-$(FUZZ_TARGET) .fuzz/crashes
	@cp $(FUZZ_SEEDS) .fuzz/corpus-$(FUZZ_TARGET)/
	cd .fuzz && SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=$(FUZZ_ASAN) ../.build-fuzz/release/pikir-fuzz-$(FUZZ_TARGET) \
		corpus-$(FUZZ_TARGET) -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=4096 -detect_leaks=0 -print_final_stats=1 \
		-artifact_prefix=crashes/ $(if $(filter-out 1,$(FUZZ_JOBS)),-jobs=$(FUZZ_JOBS) -workers=$(FUZZ_JOBS)) $(FUZZ_FLAGS)

bench-read: deps
	bash bench/read.sh

clean:
	rm -rf .build
