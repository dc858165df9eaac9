// tool_test262: parses test262's test files in-process with the strict
// (engine) parser and checks the parse-phase outcome of each.
//
//   tool_test262 [-j N] [--expect FILE] [--update] [--strict-list]
//                [--analyzer] [-v] TEST262_ROOT [DIR...]
//
// DIRs are relative to TEST262_ROOT (default: test/language test/built-ins).
// Each test's YAML frontmatter decides how it runs: `flags: [module]` parses
// with the module goal; `onlyStrict` in strict mode only; `noStrict`/`raw` in
// sloppy mode only; otherwise both. Strict mode is options.strict (nothing is
// prepended, so offsets stay those of the file). A positive test must parse
// in every mode it runs in; a `negative: {phase: parse}` test must be
// rejected in every mode. Resolution and runtime negatives are positives
// here: their syntax is valid.
//
// The expectations file lists the tests known to fail, one per line:
//   test/language/.../file.js  # reason
// and features whose tests are skipped altogether (proposals out of scope):
//   feature:import-defer  # reason
// A failure that is not listed fails the run; a listed test that passes is
// reported as fixed (and fails the run with --strict-list). --update rewrites
// the file from this run, keeping the reasons of entries still failing.
//
// --analyzer also runs the analyzer's early errors after a clean parse (as
// `ochre parse` and the engine do). The same expectations file applies: a
// positive the analyzer rejects is an unexpected failure (a false
// positive); entries listed as "early error: analyzer (...)" must now pass
// (still failing is unexpected: the analyzer misses that early error).
#include "analyzer.h"
#include "parser.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_EXPECT "tests/parser/test262_parse_expected_failures.txt"

enum {
    F_MODULE = 1,
    F_ONLY_STRICT = 2,
    F_NO_STRICT = 4,
    F_RAW = 8,
    F_NEGATIVE = 16,     // negative, phase parse
    F_DECORATORS = 32,   // features include decorators
    F_SKIPPED = 64,      // uses a skipped feature
    F_NO_META = 128,     // no frontmatter (not a test file)
};

typedef enum Outcome { OUT_PASS, OUT_FAIL, OUT_SKIP } Outcome;

typedef struct Test {
    char *path;         // relative to the test262 root
    unsigned flags;
    Outcome outcome;
    char *detail;       // malloc'd: why it failed (mode and first diagnostic)
    char *description;  // malloc'd: frontmatter description (for --update reasons)
    int first_code;     // OchDiagCode of the first error of a failing positive, or -1
    bool listed;        // in the expectations file
} Test;

typedef struct Expectation {
    char *key;     // path or "feature:NAME"
    char *reason;  // text after '#', trimmed; may be empty
    bool used;
} Expectation;

// A parse that hangs (a parser bug) must fail the run, not stall it: each
// worker publishes what it parses and since when, and a watchdog thread
// ends the process when one takes longer than this.
#define TIMEOUT_SECONDS 20
#define MAX_JOBS 64

typedef struct Slot {
    _Atomic(const char *) path;  // NULL when idle
    atomic_llong since;          // CLOCK_MONOTONIC seconds
} Slot;

typedef struct Run {
    const char *root;
    Test *tests;
    size_t ntests;
    atomic_size_t next;
    Expectation *expect;
    size_t nexpect;
    Slot slots[MAX_JOBS];
    atomic_int next_slot;
    atomic_bool done;
} Run;

static long long mono_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec;
}

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "tool_test262: out of memory\n");
        exit(2);
    }
    return p;
}

static char *xstrndup(const char *s, size_t n) {
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

static char *xprintf(const char *fmt, ...) OCH_PRINTF(1, 2);
static char *xprintf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

// ---------------------------------------------------------------------------
// Walking the tree.

typedef struct PathList {
    char **items;
    size_t len, cap;
} PathList;

static void paths_push(PathList *self, char *p) {
    if (self->len == self->cap) {
        self->cap = self->cap ? self->cap * 2 : 1024;
        char **n = realloc(self->items, self->cap * sizeof *n);
        if (!n) {
            fprintf(stderr, "tool_test262: out of memory\n");
            exit(2);
        }
        self->items = n;
    }
    self->items[self->len++] = p;
}

static bool has_suffix(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

// Collects *.js test files under root/rel (fixtures excluded: they are
// imported by module tests, not tests themselves).
static void walk(const char *root, const char *rel, PathList *out) {
    char *full = xprintf("%s/%s", root, rel);
    DIR *d = opendir(full);
    if (!d) {
        fprintf(stderr, "tool_test262: cannot open %s: %s\n", full, strerror(errno));
        exit(2);
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char *child = xprintf("%s/%s", rel, e->d_name);
        char *child_full = xprintf("%s/%s", root, child);
        struct stat st;
        if (stat(child_full, &st) != 0) {
            free(child);
        } else if (S_ISDIR(st.st_mode)) {
            walk(root, child, out);
            free(child);
        } else if (has_suffix(e->d_name, ".js") && !has_suffix(e->d_name, "_FIXTURE.js")) {
            paths_push(out, child);
        } else {
            free(child);
        }
        free(child_full);
    }
    closedir(d);
    free(full);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

// ---------------------------------------------------------------------------
// Frontmatter: the YAML block between `/*---` and `---*/`. Only the keys this
// tool needs are read: flags and features (flow `[a, b]` or block `- a`
// lists), negative.phase, and description (first line).

static bool word_eq(const char *s, size_t n, const char *w) {
    return strlen(w) == n && memcmp(s, w, n) == 0;
}

static bool skipped_feature(const Run *run, const char *s, size_t n) {
    for (size_t i = 0; i < run->nexpect; i++) {
        const char *k = run->expect[i].key;
        if (strncmp(k, "feature:", 8) == 0 && word_eq(s, n, k + 8)) return true;
    }
    return false;
}

static unsigned list_item(const Run *run, const char *key, const char *s, size_t n) {
    while (n && (*s == ' ' || *s == '\t')) s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) n--;
    if (!n) return 0;
    if (strcmp(key, "flags") == 0) {
        if (word_eq(s, n, "module")) return F_MODULE;
        if (word_eq(s, n, "onlyStrict")) return F_ONLY_STRICT;
        if (word_eq(s, n, "noStrict")) return F_NO_STRICT;
        if (word_eq(s, n, "raw")) return F_RAW;
    } else if (strcmp(key, "features") == 0) {
        if (word_eq(s, n, "decorators")) return F_DECORATORS;
        if (skipped_feature(run, s, n)) return F_SKIPPED;
    }
    return 0;
}

// Parses a flow list "[a, b]" at s (up to the end of the line).
static unsigned flow_list(const Run *run, const char *key, const char *s, const char *eol) {
    const char *open = memchr(s, '[', (size_t)(eol - s));
    if (!open) return 0;
    unsigned f = 0;
    const char *p = open + 1;
    while (p < eol && *p != ']') {
        const char *q = p;
        while (q < eol && *q != ',' && *q != ']') q++;
        f |= list_item(run, key, p, (size_t)(q - p));
        p = q < eol && *q == ',' ? q + 1 : q;
    }
    return f;
}

static unsigned parse_meta(const Run *run, const char *src, size_t len, char **description) {
    *description = NULL;
    const char *start = strstr(src, "/*---");
    if (!start) return F_NO_META;
    start += 5;
    const char *end = strstr(start, "---*/");
    if (!end) return F_NO_META;
    unsigned f = 0;
    char key[32] = "";
    bool negative_parse = false;
    for (const char *line = start; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol) eol = end;
        if (line[0] != ' ' && line[0] != '\t' && line[0] != '\n' && line[0] != '\r') {
            // Top-level key.
            const char *colon = memchr(line, ':', (size_t)(eol - line));
            size_t n = colon ? (size_t)(colon - line) : 0;
            if (n && n < sizeof key) {
                memcpy(key, line, n);
                key[n] = 0;
                const char *v = colon + 1;
                while (v < eol && *v == ' ') v++;
                if (v < eol && *v == '[') {
                    f |= flow_list(run, key, v, eol);
                } else if (strcmp(key, "description") == 0 && !*description && v < eol &&
                           *v != '|' && *v != '>') {
                    *description = xstrndup(v, (size_t)(eol - v));
                }
            } else {
                key[0] = 0;
            }
        } else if (key[0]) {
            // Indented line under the current key.
            const char *p = line;
            while (p < eol && (*p == ' ' || *p == '\t')) p++;
            if (p < eol && *p == '-' && (strcmp(key, "flags") == 0 || strcmp(key, "features") == 0)) {
                f |= list_item(run, key, p + 1, (size_t)(eol - p - 1));
            } else if (strcmp(key, "negative") == 0 && (size_t)(eol - p) >= 6 &&
                       memcmp(p, "phase:", 6) == 0) {
                const char *v = p + 6;
                while (v < eol && *v == ' ') v++;
                negative_parse = (size_t)(eol - v) >= 5 && memcmp(v, "parse", 5) == 0;
            } else if (strcmp(key, "description") == 0 && !*description && p < eol) {
                *description = xstrndup(p, (size_t)(eol - p));
            }
        }
        line = eol + 1;
    }
    if (negative_parse) f |= F_NEGATIVE;
    return f;
}

// ---------------------------------------------------------------------------
// Running one test.

// Parses src in one mode; returns a malloc'd description of the first
// error, or NULL when the parse has none.
static bool use_analyzer;

static char *parse_once(const char *src, size_t len, bool module, bool strict, bool decorators,
                        int *code) {
    PsOptions opts;
    ps_options_default(&opts);
    opts.goal = module ? PS_GOAL_MODULE : PS_GOAL_SCRIPT;
    opts.strict = strict;
    opts.decorators = decorators;
    PsParse *p = ps_parse(src, len, &opts);
    char *err = NULL;
    if (!p->root || p->root->kind != PS_NODE_PROGRAM) {
        err = xstrdup("no PROGRAM root returned");
    } else if (ps_parse_has_errors(p)) {
        const OchDiag *d = NULL;
        for (uint32_t i = 0; i < p->diags.v.len; i++) {
            if (p->diags.v.items[i].severity == OCH_SEV_ERROR) {
                d = &p->diags.v.items[i];
                break;
            }
        }
        err = d ? xprintf("%s at %u: %s", och_diag_code_str(d->code), d->span.start, d->message)
                : xstrdup("error");
        if (d) *code = (int)d->code;
    } else if (use_analyzer) {
        AnOptions aopts;
        an_options_default(&aopts);
        AnResult *a = an_analyze(p, &aopts);
        if (an_result_has_errors(a)) {
            const OchDiag *d = &a->diags.v.items[0];
            for (uint32_t i = 0; i < a->diags.v.len; i++) {
                if (a->diags.v.items[i].severity == OCH_SEV_ERROR) {
                    d = &a->diags.v.items[i];
                    break;
                }
            }
            err = xprintf("analyzer: %s at %u: %s", och_diag_code_str(d->code), d->span.start,
                          d->message);
            *code = (int)d->code;
        }
        an_result_free(a);
    }
    ps_parse_free(p);
    return err;
}

static void run_test(const Run *run, Test *t) {
    char *full = xprintf("%s/%s", run->root, t->path);
    char *src;
    size_t len;
    if (ps_source_read_file(full, &src, &len) != OCH_OK) {
        t->outcome = OUT_FAIL;
        t->detail = xprintf("cannot read: %s", strerror(errno));
        free(full);
        return;
    }
    free(full);
    t->flags = parse_meta(run, src, len, &t->description);
    if (t->flags & (F_SKIPPED | F_NO_META)) {
        t->outcome = OUT_SKIP;
        och_free(src);
        return;
    }
    bool modes[2] = {false, false};  // [sloppy, strict]
    bool module = t->flags & F_MODULE;
    if (module || (t->flags & F_ONLY_STRICT)) {
        modes[1] = true;
    } else if (t->flags & (F_NO_STRICT | F_RAW)) {
        modes[0] = true;
    } else {
        modes[0] = modes[1] = true;
    }
    bool negative = t->flags & F_NEGATIVE;
    t->outcome = OUT_PASS;
    t->first_code = -1;
    for (int m = 0; m < 2 && t->outcome == OUT_PASS; m++) {
        if (!modes[m]) continue;
        // The module goal is always strict; options.strict stays off there.
        bool strict = m == 1 && !module;
        char *err = parse_once(src, len, module, strict, t->flags & F_DECORATORS, &t->first_code);
        const char *mode = module ? "module" : m ? "strict" : "sloppy";
        if (negative && !err) {
            t->outcome = OUT_FAIL;
            t->detail = xprintf("%s: accepted, expected a SyntaxError", mode);
        } else if (!negative && err) {
            t->outcome = OUT_FAIL;
            t->detail = xprintf("%s: %s", mode, err);
        }
        free(err);
    }
    och_free(src);
}

static void *worker(void *arg) {
    Run *run = arg;
    Slot *slot = &run->slots[atomic_fetch_add(&run->next_slot, 1)];
    for (;;) {
        size_t i = atomic_fetch_add(&run->next, 1);
        if (i >= run->ntests) break;
        atomic_store(&slot->since, mono_seconds());
        atomic_store(&slot->path, run->tests[i].path);
        run_test(run, &run->tests[i]);
        atomic_store(&slot->path, NULL);
    }
    return NULL;
}

static void *watchdog(void *arg) {
    Run *run = arg;
    while (!atomic_load(&run->done)) {
        sleep(1);
        for (int k = 0; k < MAX_JOBS; k++) {
            const char *path = atomic_load(&run->slots[k].path);
            if (path && mono_seconds() - atomic_load(&run->slots[k].since) > TIMEOUT_SECONDS) {
                printf("FAIL %s  (timeout: the parser did not finish within %d s)\n", path,
                       TIMEOUT_SECONDS);
                fflush(stdout);
                _exit(1);
            }
        }
    }
    return NULL;
}

// ---------------------------------------------------------------------------
// Expectations file.

static void load_expectations(const char *path, Expectation **out, size_t *nout) {
    *out = NULL;
    *nout = 0;
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT) return;
        fprintf(stderr, "tool_test262: cannot read %s: %s\n", path, strerror(errno));
        exit(2);
    }
    size_t cap = 0;
    char *line = NULL;
    size_t linecap = 0;
    ssize_t n;
    while ((n = getline(&line, &linecap, f)) >= 0) {
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '#' || *p == '\n' || *p == 0) continue;
        char *key_end = p;
        while (*key_end && *key_end != ' ' && *key_end != '\t' && *key_end != '#' &&
               *key_end != '\n')
            key_end++;
        char *reason = strchr(key_end, '#');
        char *r = reason ? reason + 1 : key_end + strlen(key_end);
        while (*r == ' ') r++;
        size_t rn = strlen(r);
        while (rn && (r[rn - 1] == '\n' || r[rn - 1] == '\r' || r[rn - 1] == ' ')) rn--;
        if (*nout == cap) {
            cap = cap ? cap * 2 : 256;
            Expectation *e = realloc(*out, cap * sizeof *e);
            if (!e) {
                fprintf(stderr, "tool_test262: out of memory\n");
                exit(2);
            }
            *out = e;
        }
        (*out)[(*nout)++] = (Expectation){
            .key = xstrndup(p, (size_t)(key_end - p)),
            .reason = xstrndup(r, rn),
        };
    }
    free(line);
    fclose(f);
}

static int cmp_expectation(const void *a, const void *b) {
    return strcmp(((const Expectation *)a)->key, ((const Expectation *)b)->key);
}

// run->expect is sorted by key (see main).
static Expectation *find_expectation(const Run *run, const char *key) {
    Expectation k = {.key = (char *)key};
    return bsearch(&k, run->expect, run->nexpect, sizeof k, cmp_expectation);
}

static bool contains(const char *hay, const char *needle) {
    return hay && strstr(hay, needle) != NULL;
}

// A first guess at the reason of a new failure, for --update. Negatives that
// the parser accepts are static-semantics early errors (the analyzer's job);
// positives it rejects are parser gaps. Review the guesses before committing.
static char *guess_reason(const Test *t) {
    const char *p = t->path, *d = t->description ? t->description : "";
    if (!(t->flags & F_NEGATIVE)) {
        const char *code = t->first_code >= 0 ? och_diag_code_str((OchDiagCode)t->first_code) : "?";
        const char *title = t->first_code >= 0 ? och_diag_code_title((OchDiagCode)t->first_code) : "";
        if (contains(p, "unicode-1") || contains(p, "property-escapes/generated"))
            return xprintf("parser gap: Unicode data is 15.0 (Debian's unicode-data), the test "
                           "needs a later version (%s %s)", code, title);
        return xprintf("parser gap: rejects valid code (%s %s)", code, title);
    }
    const char *what = NULL;
    if (contains(p, "/regexp/") || contains(p, "RegExp") || contains(d, "egular expression"))
        return xstrdup("parser gap: invalid regular expression accepted");
    if (contains(p, "export") && (contains(p, "dup") || contains(d, "uplicate")))
        what = "duplicate exports";
    else if (contains(p, "redecl") || contains(d, "redeclar") || contains(d, "re-declare") ||
             contains(p, "dup-") || contains(p, "duplicate") || contains(d, "uplicate") ||
             contains(p, "bound-names") || contains(p, "lex-var") || contains(p, "lex-and-var") ||
             contains(p, "binding-exists") || contains(p, "hoist-lex") ||
             contains(p, "early-catch") || contains(d, "shadowing") || contains(d, "BoundNames") ||
             contains(d, "lexically-scoped"))
        what = "redeclaration";
    else if (contains(p, "export-global") || contains(p, "export-unresolvable"))
        what = "export of an undeclared name";
    else if (contains(p, "label") || contains(d, "label"))
        what = "labels";
    else if (contains(p, "/break/") || contains(p, "/continue/"))
        what = "break/continue target";
    else if (contains(p, "new.target") || contains(p, "new-target") || contains(d, "new.target"))
        what = "new.target placement";
    else if (contains(p, "super") || contains(d, "super"))
        what = "super placement";
    else if (contains(p, "private") || contains(d, "#"))
        what = "private names";
    else if (contains(p, "export") || contains(p, "import") || contains(p, "/module-code/"))
        what = "module exports and imports";
    else if (contains(d, "eval") || contains(d, "arguments") || contains(p, "eval") ||
             contains(p, "arguments"))
        what = "strict-mode eval/arguments";
    else if (contains(d, "use strict") || contains(p, "use-strict"))
        what = "\"use strict\" with non-simple parameters";
    else if (contains(p, "assign") || contains(d, "assign") || contains(p, "target"))
        what = "invalid assignment target";
    if (what) return xprintf("early error: analyzer (%s)", what);
    return xprintf("early error: analyzer (%s)", d[0] ? d : "unclassified");
}

// Is key (a test path) under one of the walked directories?
static bool under_dirs(const char *key, const PathList *dirs) {
    for (size_t d = 0; d < dirs->len; d++) {
        size_t n = strlen(dirs->items[d]);
        if (strncmp(key, dirs->items[d], n) == 0 && key[n] == '/') return true;
    }
    return false;
}

// Rewrites the expectations file: feature lines and entries outside the
// walked directories are kept; the rest is this run's failures.
static void write_expectations(const char *path, Run *run, const PathList *dirs) {
    char *tmp = xprintf("%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "tool_test262: cannot write %s: %s\n", tmp, strerror(errno));
        exit(2);
    }
    fputs("# test262 tests that ochre's parser (strict mode, no analyzer) does not get right\n"
          "# yet. One path per line with `# reason`; `feature:NAME` skips every test using\n"
          "# that feature. Checked by tests/parser/tool_test262.c (make test); rewrite with\n"
          "# `build/tests/tool_test262 --update ../shared/test262` and review the reasons.\n"
          "# Reasons: \"early error: analyzer (...)\" = a static-semantics error that the\n"
          "# analyzer reports, not the parser; \"parser gap: ...\" = a parser bug to fix.\n\n",
          f);
    for (size_t i = 0; i < run->nexpect; i++) {
        Expectation *e = &run->expect[i];
        if (strncmp(e->key, "feature:", 8) == 0)
            fprintf(f, "%-40s # %s\n", e->key, e->reason);
    }
    fputc('\n', f);
    for (size_t i = 0; i < run->nexpect; i++) {
        Expectation *e = &run->expect[i];
        if (strncmp(e->key, "feature:", 8) != 0 && !under_dirs(e->key, dirs))
            fprintf(f, "%s  # %s\n", e->key, e->reason);
    }
    for (size_t i = 0; i < run->ntests; i++) {
        Test *t = &run->tests[i];
        if (t->outcome != OUT_FAIL) continue;
        Expectation *e = find_expectation(run, t->path);
        char *reason = e && e->reason[0] ? xstrdup(e->reason) : guess_reason(t);
        for (char *c = reason; *c; c++)
            if (*c == '\n' || *c == '\r') *c = ' ';
        fprintf(f, "%s  # %s\n", t->path, reason);
        free(reason);
    }
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "tool_test262: cannot write %s: %s\n", path, strerror(errno));
        exit(2);
    }
    free(tmp);
}

// ---------------------------------------------------------------------------
// Report.

typedef struct Group {
    char name[64];
    size_t pos, pos_pass, neg, neg_pass, skipped;
} Group;

// Rates are grouped by language/<dir> and by the other top-level dirs.
static void group_name(const char *path, char out[64]) {
    const char *p = strncmp(path, "test/", 5) == 0 ? path + 5 : path;
    const char *slash = strchr(p, '/');
    size_t n = slash ? (size_t)(slash - p) : strlen(p);
    if (slash && n == 8 && memcmp(p, "language", 8) == 0) {
        const char *s2 = strchr(slash + 1, '/');
        if (s2) n = (size_t)(s2 - p);
    }
    if (n > 63) n = 63;
    memcpy(out, p, n);
    out[n] = 0;
}

static double pct(size_t a, size_t b) { return b ? 100.0 * (double)a / (double)b : 100.0; }

static void print_group(const Group *g) {
    printf("  %-34s positives %6zu/%-6zu (%6.2f%%)   negatives %5zu/%-5zu (%6.2f%%)", g->name,
           g->pos_pass, g->pos, pct(g->pos_pass, g->pos), g->neg_pass, g->neg,
           pct(g->neg_pass, g->neg));
    if (g->skipped) printf("   skipped %zu", g->skipped);
    putchar('\n');
}

static void usage(void) {
    fprintf(stderr,
            "usage: tool_test262 [-j N] [--expect FILE] [--update] [--strict-list]\n"
            "                    [--analyzer] [-v] TEST262_ROOT [DIR...]\n");
    exit(2);
}

int main(int argc, char **argv) {
    int jobs = 2;
    const char *expect_path = DEFAULT_EXPECT;
    bool update = false, strict_list = false, verbose = false;
    const char *root = NULL;
    PathList dirs = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-j") == 0 && i + 1 < argc) {
            jobs = atoi(argv[++i]);
        } else if (strncmp(a, "-j", 2) == 0 && a[2]) {
            jobs = atoi(a + 2);
        } else if (strcmp(a, "--expect") == 0 && i + 1 < argc) {
            expect_path = argv[++i];
        } else if (strcmp(a, "--update") == 0) {
            update = true;
        } else if (strcmp(a, "--strict-list") == 0) {
            strict_list = true;
        } else if (strcmp(a, "--analyzer") == 0) {
            use_analyzer = true;
        } else if (strcmp(a, "-v") == 0) {
            verbose = true;
        } else if (a[0] == '-') {
            usage();
        } else if (!root) {
            root = a;
        } else {
            paths_push(&dirs, xstrdup(a));
        }
    }
    if (!root) usage();
    if (jobs < 1) jobs = 1;
    if (jobs > MAX_JOBS) jobs = MAX_JOBS;
    if (!dirs.len) {
        paths_push(&dirs, xstrdup("test/language"));
        paths_push(&dirs, xstrdup("test/built-ins"));
    }

    Run run = {.root = root};
    load_expectations(expect_path, &run.expect, &run.nexpect);
    qsort(run.expect, run.nexpect, sizeof *run.expect, cmp_expectation);

    PathList files = {0};
    for (size_t i = 0; i < dirs.len; i++) walk(root, dirs.items[i], &files);
    qsort(files.items, files.len, sizeof *files.items, cmp_str);
    run.ntests = files.len;
    run.tests = calloc(files.len ? files.len : 1, sizeof *run.tests);
    if (!run.tests) return 2;
    for (size_t i = 0; i < files.len; i++) run.tests[i].path = files.items[i];

    pthread_t threads[MAX_JOBS], dog;
    pthread_create(&dog, NULL, watchdog, &run);
    for (int i = 0; i < jobs; i++) pthread_create(&threads[i], NULL, worker, &run);
    for (int i = 0; i < jobs; i++) pthread_join(threads[i], NULL);
    atomic_store(&run.done, true);
    pthread_join(dog, NULL);

    // Tally by group (tests are sorted, so groups are contiguous runs of
    // equal names, apart from interleaving of sibling dirs, handled by
    // lookup).
    Group groups[256];
    size_t ngroups = 0;
    Group total = {.name = "total"};
    size_t unexpected = 0, fixed = 0, expected = 0, by_analyzer = 0;
    for (size_t i = 0; i < run.ntests; i++) {
        Test *t = &run.tests[i];
        char name[64];
        group_name(t->path, name);
        Group *g = NULL;
        for (size_t k = 0; k < ngroups; k++)
            if (strcmp(groups[k].name, name) == 0) g = &groups[k];
        if (!g) {
            if (ngroups == 256) g = &groups[255];
            else {
                g = &groups[ngroups++];
                memset(g, 0, sizeof *g);
                memcpy(g->name, name, sizeof g->name);
            }
        }
        if (t->outcome == OUT_SKIP) {
            g->skipped++, total.skipped++;
            continue;
        }
        bool pass = t->outcome == OUT_PASS;
        if (t->flags & F_NEGATIVE) {
            g->neg++, total.neg++;
            g->neg_pass += pass, total.neg_pass += pass;
        } else {
            g->pos++, total.pos++;
            g->pos_pass += pass, total.pos_pass += pass;
        }
        Expectation *e = find_expectation(&run, t->path);
        if (e) e->used = true;
        t->listed = e != NULL;
        if (!pass && e && !(use_analyzer && strncmp(e->reason, "early error: analyzer", 21) == 0))
            expected++;
    }

    printf("test262 parse (strict parser%s): %zu files\n",
           use_analyzer ? " + analyzer early errors" : ", no analyzer", run.ntests);
    for (size_t k = 0; k < ngroups; k++) print_group(&groups[k]);
    print_group(&total);

    for (size_t i = 0; i < run.ntests; i++) {
        Test *t = &run.tests[i];
        const Expectation *le = t->listed ? find_expectation(&run, t->path) : NULL;
        bool analyzer_owned = le && strncmp(le->reason, "early error: analyzer", 21) == 0;
        if (t->outcome == OUT_FAIL && (!t->listed || (use_analyzer && analyzer_owned))) {
            if (unexpected++ < 200 || verbose)
                printf("FAIL %s  (%s%s)\n", t->path, t->detail,
                       t->listed ? "; listed as an analyzer early error" : "");
        } else if (t->outcome == OUT_PASS && t->listed) {
            if (use_analyzer && analyzer_owned) {
                by_analyzer++;
            } else if (fixed++ < 200 || verbose) {
                printf("fixed, remove from the list: %s\n", t->path);
            }
        } else if (verbose && t->outcome == OUT_FAIL) {
            printf("expected failure %s  (%s)\n", t->path, t->detail);
        }
    }
    size_t stale = 0;
    for (size_t i = 0; i < run.nexpect; i++) {
        // Only entries under the walked directories can be found.
        if (under_dirs(run.expect[i].key, &dirs) && !run.expect[i].used) {
            stale++;
            printf("listed but not found (remove from the list): %s\n", run.expect[i].key);
        }
    }
    if (use_analyzer)
        printf("analyzer: %zu listed analyzer-owned early errors now reported\n", by_analyzer);
    printf("%zu expected failures, %zu unexpected failures, %zu fixed, %zu stale entries\n",
           expected, unexpected, fixed, stale);

    if (update && use_analyzer) {
        fprintf(stderr, "tool_test262: --update works without --analyzer only\n");
        return 2;
    }
    if (update) {
        write_expectations(expect_path, &run, &dirs);
        printf("updated %s\n", expect_path);
    }

    int rc = 0;
    if (!update && unexpected) rc = 1;
    if (!update && strict_list && (fixed || stale)) rc = 1;
    for (size_t i = 0; i < run.ntests; i++) {
        free(run.tests[i].path);
        free(run.tests[i].detail);
        free(run.tests[i].description);
    }
    free(run.tests);
    free(files.items);
    for (size_t i = 0; i < dirs.len; i++) free(dirs.items[i]);
    free(dirs.items);
    for (size_t i = 0; i < run.nexpect; i++) {
        free(run.expect[i].key);
        free(run.expect[i].reason);
    }
    free(run.expect);
    return rc;
}
