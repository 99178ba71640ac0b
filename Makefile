# quire — a terminal reader for long-form articles.
# Plain Makefile: objects under build/, libraries found with pkg-config.
#   make            build ./quire
#   make run        install missing build dependencies, build, open the sample library
#   make check      install missing build dependencies, build, run every test
#   make bench      print import-speed, blog-import and search figures
#   make install    PREFIX=/usr/local DESTDIR= (make uninstall removes it all again)
#   make check-clang build once more with clang, warnings as errors (skips without clang)

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share
MANDIR   ?= $(DATADIR)/man
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR  ?= $(DATADIR)/zsh/site-functions
SHAREDIR ?= $(DATADIR)/quire
CC       ?= cc
PKG_CONFIG ?= pkg-config
PKGS     := ncursesw libxml-2.0 sqlite3 libcurl

CFLAGS   ?= -O2 -g
# -Wpedantic, less its limit of 4095 bytes on a string literal (a limit of
# old compilers, which the schema's SQL outgrows).
WARN     := -std=c11 -Wall -Wextra -Wpedantic -Wno-overlength-strings -Wno-unused-parameter
BUILD    ?= build

ifeq ($(SANITIZE),1)
BUILD    := build/sanitize
CFLAGS   := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS  += -fsanitize=address,undefined
endif

PKG_CFLAGS = $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(WARN) -D_GNU_SOURCE -Iinclude $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
LIBS       = $(PKG_LIBS) -lm

SRCS      := $(sort $(wildcard src/*.c src/*/*.c))
OBJS      := $(SRCS:%.c=$(BUILD)/%.o)
LIB_OBJS  := $(filter-out $(BUILD)/src/main.o,$(OBJS))
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
TOOL_SRCS := $(sort $(wildcard tests/tools/*.c))
TOOL_BINS := $(TOOL_SRCS:tests/tools/%.c=$(BUILD)/tools/%)

QUIRE := $(if $(filter 1,$(SANITIZE)),$(BUILD)/quire,quire)

.PHONY: all run check check-unit check-cli check-sanitize check-clang bench deps install uninstall clean

all: $(QUIRE)

quire: $(BUILD)/quire
	cp $(BUILD)/quire $@.tmp && mv -f $@.tmp $@

$(BUILD)/quire: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LIBS)

$(BUILD)/%.o: %.c $(wildcard include/*.h) $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LIBS)

$(BUILD)/tools/%: tests/tools/%.c $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(LIB_OBJS) $(LIBS)

# Install missing -dev packages (as root), or say exactly what to run.
deps:
	@sh tests/deps.sh

run: deps
	@$(MAKE) --no-print-directory all
	@sh data/sample/run.sh ./quire $(BUILD)/sample.db

check: deps
	@$(MAKE) --no-print-directory all $(UNIT_BINS) $(TOOL_BINS)
	@sh tests/run.sh ./quire $(BUILD)
	@$(MAKE) --no-print-directory check-sanitize
	@$(MAKE) --no-print-directory check-clang

# The program once more with clang, every warning an error, when clang is here
# (tests/deps.sh --list-ci brings it to CI). Objects in build/clang.
check-clang:
	@if command -v clang >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory CC=clang BUILD=build/clang CFLAGS="-O1 -Werror" build/clang/quire && \
		echo "check-clang: quire builds with clang, no warnings"; \
	else \
		echo "check-clang: skipped, clang not installed"; \
	fi

# The same suite once more under AddressSanitizer and UBSan, built in its own folder.
check-sanitize:
	@$(MAKE) --no-print-directory SANITIZE=1 build/sanitize/quire $(UNIT_SRCS:tests/unit/%.c=build/sanitize/tests/%) $(TOOL_SRCS:tests/tools/%.c=build/sanitize/tools/%)
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 QUIRE_SANITIZED=1 sh tests/run.sh build/sanitize/quire build/sanitize

bench: deps
	@$(MAKE) --no-print-directory all $(TOOL_BINS)
	@sh tests/bench.sh ./quire $(BUILD)
	@echo; sh tests/fixtures/pager/bench.sh ./quire
	@echo; sh tests/bench_wxr.sh ./quire $(BUILD)
	@echo; $(BUILD)/tools/searchbench $(BUILD)/bench-search.db

# The binary, the man page, bash and zsh completions, and the sample pages.
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(SHAREDIR)/sample
	install -m 755 quire $(DESTDIR)$(BINDIR)/quire
	install -m 644 man/quire.1 $(DESTDIR)$(MANDIR)/man1/quire.1
	install -m 644 data/completions/quire.bash $(DESTDIR)$(BASHCOMPDIR)/quire
	install -m 644 data/completions/_quire $(DESTDIR)$(ZSHCOMPDIR)/_quire
	install -m 644 data/sample/*.html $(DESTDIR)$(SHAREDIR)/sample

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/quire $(DESTDIR)$(MANDIR)/man1/quire.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/quire $(DESTDIR)$(ZSHCOMPDIR)/_quire
	rm -rf $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build quire

-include $(OBJS:.o=.d)

# ---------------------------------------------------------------------------
# Fuzzing (tests/fuzz/): libFuzzer harnesses built with clang into build/fuzz/.
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS="fuzz_html fuzz_text"]
# The library (src/ but main.c) is compiled once more, with coverage
# instrumentation and ASan/UBSan; seeds come from our own fixtures;
# tests/t_fuzz.sh runs each harness briefly and replays tests/fuzz/crashers/.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?=
FUZZ_DIR     := build/fuzz
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS   = $(WARN) -D_GNU_SOURCE -Iinclude $(PKG_CFLAGS) $(CPPFLAGS) $(FUZZ_FLAGS)
FUZZ_SRCS    := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS    := $(FUZZ_SRCS:tests/fuzz/%.c=$(FUZZ_DIR)/%)
FUZZ_OBJS    := $(patsubst %.c,$(FUZZ_DIR)/%.o,$(filter-out src/main.c,$(SRCS)))
FUZZ_SEEDS   := $(wildcard tests/fixtures/*/*.html tests/fixtures/*/*.xml data/sample/*.html)

.PHONY: fuzz fuzz-build

fuzz: fuzz-build
	@sh tests/fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-build: $(FUZZ_BINS) $(FUZZ_DIR)/seeds/.stamp

$(FUZZ_DIR)/src/%.o: src/%.c $(wildcard include/*.h) $(wildcard src/*/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) $(LIBS)

$(FUZZ_DIR)/seeds/.stamp: tests/fuzz/seeds.py $(FUZZ_SEEDS)
	@rm -rf $(FUZZ_DIR)/seeds
	python3 tests/fuzz/seeds.py $(FUZZ_DIR)/seeds tests/fixtures data/sample
	@touch $@

# Objects made only for the harnesses are not intermediate files: keep them.
.SECONDARY: $(FUZZ_OBJS)

-include $(FUZZ_OBJS:.o=.d)
# ---------------------------------------------------------------------------
