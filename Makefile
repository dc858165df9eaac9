# ochre build. `make` builds build/ochre; `make test` builds and runs every
# test twice: a normal (debug, asserts on) build in build/ and an
# AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/.
# `make deps` installs missing Debian packages (apt-get; sudo when not root).

CC ?= cc
B ?= build
SAN ?=
OPT ?= -O2

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wno-unused-parameter
ifeq ($(CI),true)
WARN += -Werror
endif
CFLAGS_BASE := -std=c17 -g $(OPT) $(WARN) -fvisibility=hidden -D_GNU_SOURCE \
               -Iparser -Ianalyzer -Iengine -Ilsp -I$(B)/gen
ifeq ($(SAN),1)
CFLAGS_BASE += -fsanitize=address,undefined -fno-omit-frame-pointer \
               -fno-sanitize-recover=undefined
LDFLAGS_SAN := -fsanitize=address,undefined
endif
ALL_CFLAGS := $(CFLAGS_BASE) $(CFLAGS)
LDLIBS := -lm -lpthread -lgmp $(shell pkg-config --libs jansson 2>/dev/null || echo -ljansson) \
          $(shell pkg-config --libs libuv 2>/dev/null || echo -luv) \
          $(shell pkg-config --libs libedit 2>/dev/null || echo -ledit)

PKGS_DEV := libcriterion-dev libjansson-dev libuv1-dev libgmp-dev libedit-dev unicode-data pkg-config
CRITERION_LIBS = $(shell pkg-config --libs criterion 2>/dev/null || echo -lcriterion)

# --- sources ----------------------------------------------------------------
UNICODE_GEN := $(B)/gen/unicode_generated.c
PARSER_SRC := $(wildcard parser/*.c)
PARSER_OBJ := $(PARSER_SRC:%.c=$(B)/obj/%.o) $(B)/obj/gen/unicode_generated.o
CLI_SRC := $(wildcard cli/*.c)
CLI_OBJ := $(CLI_SRC:%.c=$(B)/obj/%.o)
PARSER_LIB := $(B)/libochre_parser.a
ANALYZER_SRC := $(wildcard analyzer/*.c)
ANALYZER_OBJ := $(ANALYZER_SRC:%.c=$(B)/obj/%.o)
ANALYZER_LIB := $(B)/libochre_analyzer.a
TEST_ANALYZER_SRC := $(wildcard tests/analyzer/test_*.c)
ENGINE_SRC := $(wildcard engine/*.c engine/builtins/*.c engine/runtime/*.c)
ENGINE_OBJ := $(ENGINE_SRC:%.c=$(B)/obj/%.o)
ENGINE_LIB := $(B)/libochre_engine.a
TEST_ENGINE_SRC := $(wildcard tests/engine/test_*.c)
LSP_SRC := $(wildcard lsp/*.c)
LSP_OBJ := $(LSP_SRC:%.c=$(B)/obj/%.o)
LSP_LIB := $(B)/libochre_lsp.a
TEST_LSP_SRC := $(wildcard tests/lsp/test_*.c)
TEST_CLI_SRC := $(wildcard tests/cli/test_*.c)
CHECK_OBJ := $(filter $(B)/obj/cli/check_%.o,$(CLI_OBJ))
TEST_PARSER_SRC := $(wildcard tests/parser/test_*.c)
TEST_TOOL_SRC := $(wildcard tests/parser/tool_*.c)
TEST_TOOLS := $(TEST_TOOL_SRC:tests/parser/%.c=$(B)/tests/%)

.PHONY: all test test-one test262 check-asan check-gcstress bench-heap deps demo clean unit test262-parse bench
all: $(B)/ochre

$(B)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(B)/obj/gen/%.o: $(B)/gen/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Iparser -MMD -MP -c $< -o $@

# Generated Unicode tables (never committed): built from Debian's unicode-data.
$(B)/tools/gen_unicode: tools/gen_unicode.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 -O1 -g -Wall -Wextra $< -o $@
$(UNICODE_GEN): $(B)/tools/gen_unicode
	@mkdir -p $(dir $@)
	$(B)/tools/gen_unicode /usr/share/unicode > $@.tmp && mv $@.tmp $@

# Engine tables generated at build time (never committed): powers of ten
# for the shortest number formatting, and case mappings from unicode-data.
ENGINE_GEN := $(B)/gen/numconv_tables_generated.h $(B)/gen/bi_string_case_generated.h
$(B)/gen/numconv_tables_generated.h: tools/gen_numconv_tables.py
	@mkdir -p $(dir $@)
	python3 $< > $@.tmp && mv $@.tmp $@
$(B)/gen/bi_string_case_generated.h: tools/gen_case_tables.py
	@mkdir -p $(dir $@)
	python3 $< /usr/share/unicode > $@.tmp && mv $@.tmp $@
$(B)/obj/engine/numconv.o: $(B)/gen/numconv_tables_generated.h
$(B)/obj/engine/builtins/bi_string_case.o: $(B)/gen/bi_string_case_generated.h
# The runtime's JavaScript (CommonJS loader, node: modules written in JS).
RT_JS := $(sort $(wildcard engine/runtime/js/*.js))
$(B)/gen/rt_js_generated.h: tools/gen_js_embed.py $(RT_JS)
	@mkdir -p $(dir $@)
	python3 $< $(RT_JS) > $@.tmp && mv $@.tmp $@
$(B)/obj/engine/runtime/rt_modules.o: $(B)/gen/rt_js_generated.h
# RegExp: Unicode property and case-folding tables (tools/gen_regexp_tables.py).
$(B)/gen/regexp_unicode_generated.h: tools/gen_regexp_tables.py
	@mkdir -p $(dir $@)
	python3 $< /usr/share/unicode > $@.tmp && mv $@.tmp $@
$(B)/obj/engine/regexp_unicode.o: $(B)/gen/regexp_unicode_generated.h

$(PARSER_LIB): $(PARSER_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(ANALYZER_LIB): $(ANALYZER_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(ENGINE_LIB): $(ENGINE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(LSP_LIB): $(LSP_OBJ)
	@rm -f $@
	ar rcs $@ $^

# Libraries in dependency order: each may use only those after it.
LIBS := $(LSP_LIB) $(ENGINE_LIB) $(ANALYZER_LIB) $(PARSER_LIB)

$(B)/ochre: $(CLI_OBJ) $(LIBS)
	$(CC) $(LDFLAGS_SAN) $(LDFLAGS) $^ $(LDLIBS) -o $@

$(B)/tests/test_analyzer: $(TEST_ANALYZER_SRC) $(LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_SAN) $(TEST_ANALYZER_SRC) $(LIBS) $(CRITERION_LIBS) $(LDLIBS) -o $@

$(B)/tests/test_engine: $(TEST_ENGINE_SRC) $(LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_SAN) $(TEST_ENGINE_SRC) $(LIBS) $(CRITERION_LIBS) $(LDLIBS) -o $@

$(B)/tests/test_parser: $(TEST_PARSER_SRC) $(PARSER_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_SAN) $(TEST_PARSER_SRC) $(PARSER_LIB) $(CRITERION_LIBS) $(LDLIBS) -o $@

$(B)/tests/test_lsp: $(TEST_LSP_SRC) $(LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_SAN) $(TEST_LSP_SRC) $(LIBS) $(CRITERION_LIBS) $(LDLIBS) -o $@

$(B)/tests/test_cli: $(TEST_CLI_SRC) $(CHECK_OBJ) $(LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Icli $(LDFLAGS_SAN) $(TEST_CLI_SRC) $(CHECK_OBJ) $(LIBS) $(CRITERION_LIBS) $(LDLIBS) -o $@

# The engine's test262 runner (tests/test262/README.md).
$(B)/tests/run262: $(wildcard tests/test262/*.c tests/test262/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_SAN) $(filter %.c,$^) -lpthread -o $@

# All of test262 on the engine, with per-directory rates and the issue's figures.
test262: all $(B)/tests/run262
	$(B)/tests/run262 --ochre $(B)/ochre --summary

$(B)/tests/tool_lint_json: tests/analyzer/tool_lint_json.c $(ANALYZER_LIB) $(PARSER_LIB)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_SAN) $< $(ANALYZER_LIB) $(PARSER_LIB) $(LDLIBS) -o $@

$(B)/tests/tool_%: tests/parser/tool_%.c $(LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS_SAN) $< $(LIBS) -lpthread $(LDLIBS) -o $@

# --- tests ------------------------------------------------------------------
# One configuration (B, SAN): unit tests, then the conformance and corpus
# suites (scripts in tests/parser/, which fetch pinned npm packages into
# $(OCHRE_CACHE) once).
UNIT_BINS := $(B)/tests/test_parser $(if $(TEST_ANALYZER_SRC),$(B)/tests/test_analyzer) \
             $(if $(TEST_CLI_SRC),$(B)/tests/test_cli) $(if $(TEST_LSP_SRC),$(B)/tests/test_lsp) \
             $(if $(TEST_ENGINE_SRC),$(B)/tests/test_engine)
# Criterion reports a test as passed before LeakSanitizer's report at exit:
# abort_on_error turns a leak into a failed test.
UNIT_ENV := $(if $(filter 1,$(SAN)),ASAN_OPTIONS=abort_on_error=1:detect_leaks=1)
unit: $(UNIT_BINS)
	@for t in $(UNIT_BINS); do echo "== $$t"; $(UNIT_ENV) $$t --jobs 2 || exit 1; done

test-one: all unit check-gcstress $(TEST_TOOLS) $(B)/tests/run262
	B=$(B) tests/run_suites.sh
	tests/cli/run_check_tests.sh $(B)
	B=$(B) tests/lsp/run.sh
	tests/engine/run_js.sh $(B) $(if $(filter 1,$(SAN)),--gc-stress)
	tests/runtime/run.sh $(B) $(if $(filter 1,$(SAN)),--gc-stress)
	tests/runtime/run_ochre_test.sh $(B)
	tests/runtime/run_repl.sh $(B)
	$(B)/tests/run262 --ochre $(B)/ochre --slice tests/test262/slice.txt $(if $(filter 1,$(SAN)),--sample 4 --timeout 30)

test: deps
	$(MAKE) B=build test-one
	$(MAKE) B=build-asan SAN=1 OPT=-O1 test-one
	@echo "make test: all suites passed (normal and ASan/UBSan builds)"

# The engine's unit tests again with a collection at every allocation.
check-gcstress: $(B)/tests/test_engine
	OCHRE_GC_STRESS=1 $(B)/tests/test_engine --jobs 2

bench-heap:
	B=$(B) bench/heap/run.sh

check-asan: deps
	$(MAKE) B=build-asan SAN=1 OPT=-O1 test-one

bench: all $(TEST_TOOLS)
	bench/parse/run.sh
	bench/check/run.sh
	bench/engine/run.sh

demo: deps all
	$(B)/ochre parse --tolerant examples/broken.js || true
	$(B)/ochre parse --json examples/hello.js | head -c 600; echo
	$(B)/ochre run examples/engine.js

# Installs what is missing, and nothing when everything is there.
deps:
	@missing=""; \
	pkg-config --exists criterion || missing="$$missing libcriterion-dev"; \
	pkg-config --exists jansson || missing="$$missing libjansson-dev"; \
	pkg-config --exists libuv || missing="$$missing libuv1-dev"; \
	pkg-config --exists libedit || missing="$$missing libedit-dev"; \
	test -f /usr/share/unicode/DerivedCoreProperties.txt || missing="$$missing unicode-data"; \
	test -f /usr/include/gmp.h || test -f /usr/include/x86_64-linux-gnu/gmp.h || missing="$$missing libgmp-dev"; \
	command -v node >/dev/null || missing="$$missing nodejs npm"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

clean:
	rm -rf build build-asan

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)
