// run262: runs test262 files on the engine, one process per variant.
//
//   run262 [options] [PATH...]
//     --root DIR          test262 checkout (default ../shared/test262)
//     --ochre BIN         engine binary (default build/ochre): runs
//                         `BIN run --test262 (--script|--module) FILE`
//     --engine-cmd CMD    any other engine: CMD split on spaces, then
//                         `(--script|--module) FILE` (e.g. `node
//                         tests/test262/node_host.js` to check the runner)
//     --slice FILE        add the paths listed in FILE (the `make test` slice)
//     --sample N          run every Nth file of the sorted list (a smaller
//                         deterministic slice, for sanitizer builds)
//     --skip FILE         skip list (default tests/test262/skip.txt)
//     --expect FILE       expected failures (default
//                         tests/test262/expected_failures.txt; /dev/null: none)
//     --update            rewrite the expectations file from this run
//     --strict-list       also fail when a listed test passes
//     -j N                parallel processes (default: number of CPUs)
//     --timeout S         per-variant time limit in seconds (default 10)
//     --summary           print the two issue figures (test/language and
//                         the test/built-ins directories)
//     -v                  list every failure with its reason
//
// PATHs are files or directories relative to the root (default:
// test/language test/built-ins test/annexB). Each test runs in sloppy and
// strict mode ("use strict"; prepended) unless its flags say otherwise;
// the harness (assert.js, sta.js, doneprintHandle.js for async tests,
// then `includes`) is prepended unless the test is raw. A file passes when
// all its variants pass. The exit status is 1 when a test failed that the
// expectations file does not list.
#include "run262.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_JOBS 64

typedef enum Outcome { OUT_PENDING, OUT_PASS, OUT_FAIL, OUT_SKIP } Outcome;

typedef struct Test {
    char *path;      // relative to the root, e.g. test/language/x/y.js
    Outcome outcome;
    char *detail;    // malloc'd: why it failed, or what skipped it
    bool listed;     // in the expectations file
} Test;

typedef struct Harness {
    char *name;
    char *text;
    struct Harness *next;
} Harness;

typedef struct Run {
    const char *root;       // as given
    char root_abs[PATH_MAX];
    char tmp[512];          // private workspace, removed at the end
    T262StrList engine;     // argv prefix
    double timeout;
    Test *tests;
    size_t ntests;
    atomic_size_t next, done, failed;
    T262Entries skip;       // feature:X, flag:X, path:PREFIX
    pthread_mutex_t harness_lock;
    Harness *harness;       // cache of harness/ files, loaded on demand
    atomic_int next_worker;
} Run;

static volatile sig_atomic_t interrupted;

static void on_signal(int sig) {
    (void)sig;
    interrupted = 1;
}

// ---------------------------------------------------------------------------
// Files.

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = t262_xmalloc(cap + 1);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                fprintf(stderr, "run262: out of memory\n");
                exit(2);
            }
            buf = nb;
        }
    }
    fclose(f);
    buf[n] = 0;
    if (len) *len = n;
    return buf;
}

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && memcmp(s + n - m, suf, m) == 0;
}

typedef struct Paths {
    char **items;
    size_t len, cap;
} Paths;

static void paths_add(Paths *p, char *s) {
    if (p->len == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 4096;
        char **n = realloc(p->items, p->cap * sizeof *n);
        if (!n) exit(2);
        p->items = n;
    }
    p->items[p->len++] = s;
}

// Adds rel (a test file, or a directory walked for *.js tests; _FIXTURE
// files are imported by module tests, not tests themselves).
static void collect(const char *root, const char *rel, Paths *out) {
    char *full = t262_xprintf("%s/%s", root, rel);
    struct stat st;
    if (stat(full, &st) != 0) {
        fprintf(stderr, "run262: %s: %s\n", full, strerror(errno));
        exit(2);
    }
    if (!S_ISDIR(st.st_mode)) {
        paths_add(out, t262_xstrndup(rel, strlen(rel)));
        free(full);
        return;
    }
    DIR *d = opendir(full);
    if (!d) {
        fprintf(stderr, "run262: cannot open %s: %s\n", full, strerror(errno));
        exit(2);
    }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char *child = t262_xprintf("%s/%s", rel, e->d_name);
        char *child_full = t262_xprintf("%s/%s", root, child);
        if (stat(child_full, &st) == 0 && S_ISDIR(st.st_mode)) {
            collect(root, child, out);
            free(child);
        } else if (has_suffix(e->d_name, ".js") && !strstr(e->d_name, "_FIXTURE")) {
            paths_add(out, child);
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

static int rm_entry(const char *p, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    remove(p);
    return 0;
}

static void rm_tree(const char *p) { nftw(p, rm_entry, 16, FTW_DEPTH | FTW_PHYS); }

// ---------------------------------------------------------------------------
// Harness files: read once, shared by all workers.

static const char *harness_get(Run *run, const char *name) {
    pthread_mutex_lock(&run->harness_lock);
    Harness *h = run->harness;
    while (h && strcmp(h->name, name) != 0) h = h->next;
    if (!h) {
        char *p = t262_xprintf("%s/harness/%s", run->root, name);
        char *text = read_file(p, NULL);
        free(p);
        h = t262_xmalloc(sizeof *h);
        h->name = t262_xstrndup(name, strlen(name));
        h->text = text;  // NULL: missing (the test fails with a reason)
        h->next = run->harness;
        run->harness = h;
    }
    pthread_mutex_unlock(&run->harness_lock);
    return h->text;
}

// ---------------------------------------------------------------------------
// Skips.

static const char *skip_reason(Run *run, const char *path, const T262Meta *m, char *buf,
                               size_t bufn) {
    for (size_t i = 0; m && i < m->features.len; i++) {
        snprintf(buf, bufn, "feature:%s", m->features.items[i]);
        if (t262_entries_find(&run->skip, buf)) return buf;
    }
    for (unsigned f = 1; m && f <= T262_F_NON_DETERMINISTIC; f <<= 1) {
        if (!(m->flags & f)) continue;
        snprintf(buf, bufn, "flag:%s", t262_flag_name(f));
        if (t262_entries_find(&run->skip, buf)) return buf;
    }
    // path: entries are directory prefixes (few; linear scan).
    for (size_t i = 0; i < run->skip.len; i++) {
        const char *k = run->skip.items[i].key;
        if (strncmp(k, "path:", 5) != 0) continue;
        size_t n = strlen(k + 5);
        if (strncmp(path, k + 5, n) == 0 && (path[n] == '/' || path[n] == 0)) {
            snprintf(buf, bufn, "%s", k);
            return buf;
        }
    }
    return NULL;
}

// ---------------------------------------------------------------------------
// Workers.

typedef struct Worker {
    Run *run;
    int id;
    char dir[1024];             // workspace of this worker
    char mirror_of[PATH_MAX];   // source directory mirrored in dir/m ("" none)
} Worker;

static bool write_all(FILE *f, const char *s) {
    size_t n = strlen(s);
    return fwrite(s, 1, n, f) == n;
}

// Module tests import siblings ("./x_FIXTURE.js"), sometimes themselves:
// the test is written, harness prepended, under its own name into a
// directory whose other entries are symlinks to the test's directory.
static bool module_dir(Worker *w, const char *src_dir, char *out, size_t outn) {
    snprintf(out, outn, "%s/m", w->dir);
    if (strcmp(w->mirror_of, src_dir) == 0) return true;
    rm_tree(out);
    if (mkdir(out, 0700) != 0) return false;
    DIR *d = opendir(src_dir);
    if (!d) return false;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char *from = t262_xprintf("%s/%s", src_dir, e->d_name);
        char *to = t262_xprintf("%s/%s", out, e->d_name);
        if (symlink(from, to) != 0 && errno != EEXIST) {
            free(from);
            free(to);
            closedir(d);
            return false;
        }
        free(from);
        free(to);
    }
    closedir(d);
    snprintf(w->mirror_of, sizeof w->mirror_of, "%s", src_dir);
    return true;
}

// Runs one variant; returns NULL on pass or a malloc'd reason.
static char *run_variant(Worker *w, const Test *t, const T262Meta *m, const char *src,
                         bool strict) {
    Run *run = w->run;
    bool module = m->flags & T262_F_MODULE;
    // Tests that import fixtures (modules, or scripts calling import()) run
    // from a mirror of their directory so that relative specifiers resolve.
    bool mirror = module || strstr(src, "_FIXTURE") != NULL;
    const char *base = strrchr(t->path, '/');
    base = base ? base + 1 : t->path;
    char file[PATH_MAX * 2], restore[PATH_MAX * 2] = "";
    if (mirror) {
        char *src_dir = t262_xprintf("%s/%s", run->root_abs, t->path);
        *strrchr(src_dir, '/') = 0;
        char dir[PATH_MAX];
        bool ok = module_dir(w, src_dir, dir, sizeof dir);
        free(src_dir);
        if (!ok) return t262_xprintf("cannot prepare module directory: %s", strerror(errno));
        snprintf(file, sizeof file, "%s/%s", dir, base);
        snprintf(restore, sizeof restore, "%s/%s", run->root_abs, t->path);
        unlink(file);
    } else {
        snprintf(file, sizeof file, "%s/%s", w->dir, base);
    }
    FILE *f = fopen(file, "wb");
    if (!f) return t262_xprintf("cannot write %s: %s", file, strerror(errno));
    bool ok = true;
    char *missing = NULL;
    if (strict) ok = write_all(f, "\"use strict\";\n");
    if (!(m->flags & T262_F_RAW)) {
        const char *names[3] = {"assert.js", "sta.js", "doneprintHandle.js"};
        size_t nfixed = (m->flags & T262_F_ASYNC) ? 3 : 2;
        for (size_t i = 0; ok && i < nfixed + m->includes.len; i++) {
            const char *name = i < nfixed ? names[i] : m->includes.items[i - nfixed];
            const char *text = harness_get(run, name);
            if (!text) {
                missing = t262_xprintf("harness file %s not found", name);
                break;
            }
            ok = write_all(f, text) && write_all(f, "\n");
        }
    }
    if (ok && !missing) ok = write_all(f, src);
    if (fclose(f) != 0) ok = false;
    char *verdict = missing;
    if (!verdict && !ok) verdict = t262_xprintf("cannot write %s", file);
    if (!verdict) {
        char *argv[40];
        size_t n = 0;
        for (size_t i = 0; i < run->engine.len && n < 36; i++) argv[n++] = run->engine.items[i];
        argv[n++] = module ? "--module" : "--script";
        argv[n++] = file;
        argv[n] = NULL;
        T262Exec r;
        t262_exec(argv, run->timeout, &r);
        verdict = t262_judge(m, &r);
        t262_exec_free(&r);
    }
    if (mirror) {
        unlink(file);
        if (symlink(restore, file) != 0) w->mirror_of[0] = 0;
    } else {
        unlink(file);
    }
    return verdict;
}

static void run_test(Worker *w, Test *t) {
    Run *run = w->run;
    char buf[256];
    const char *why = skip_reason(run, t->path, NULL, buf, sizeof buf);
    if (why) {
        t->outcome = OUT_SKIP;
        t->detail = t262_xstrndup(why, strlen(why));
        return;
    }
    char *full = t262_xprintf("%s/%s", run->root, t->path);
    char *src = read_file(full, NULL);
    free(full);
    if (!src) {
        t->outcome = OUT_FAIL;
        t->detail = t262_xprintf("cannot read: %s", strerror(errno));
        return;
    }
    T262Meta m;
    t262_meta_parse(src, &m);
    why = m.found ? skip_reason(run, t->path, &m, buf, sizeof buf) : "no frontmatter";
    if (why) {
        t->outcome = OUT_SKIP;
        t->detail = t262_xstrndup(why, strlen(why));
    } else {
        bool sloppy = true, strict = true;
        if (m.flags & (T262_F_MODULE | T262_F_RAW | T262_F_NO_STRICT)) strict = false;
        if (m.flags & T262_F_ONLY_STRICT) sloppy = false, strict = true;
        t->outcome = OUT_PASS;
        for (int v = 0; v < 2 && t->outcome == OUT_PASS; v++) {
            if (!(v ? strict : sloppy)) continue;
            char *verdict = run_variant(w, t, &m, src, v == 1);
            if (verdict) {
                const char *mode = m.flags & T262_F_MODULE ? "module" : v ? "strict" : "sloppy";
                t->outcome = OUT_FAIL;
                t->detail = t262_xprintf("%s: %s", mode, verdict);
                free(verdict);
            }
        }
    }
    t262_meta_free(&m);
    free(src);
}

static void *worker_main(void *arg) {
    Worker *w = arg;
    Run *run = w->run;
    snprintf(w->dir, sizeof w->dir, "%s/w%d", run->tmp, w->id);
    if (mkdir(w->dir, 0700) != 0) {
        fprintf(stderr, "run262: cannot create %s: %s\n", w->dir, strerror(errno));
        exit(2);
    }
    for (;;) {
        if (interrupted) break;
        size_t i = atomic_fetch_add(&run->next, 1);
        if (i >= run->ntests) break;
        run_test(w, &run->tests[i]);
        if (run->tests[i].outcome == OUT_FAIL) atomic_fetch_add(&run->failed, 1);
        atomic_fetch_add(&run->done, 1);
    }
    return NULL;
}

// ---------------------------------------------------------------------------
// Report.

typedef struct Group {
    char name[96];
    size_t pass, fail, skip;
} Group;

typedef struct Groups {
    Group *items;
    size_t len, cap;
} Groups;

// language/expressions, built-ins/Array, annexB/built-ins...: two levels
// below test/.
static void group_name(const char *path, char out[96]) {
    const char *p = strncmp(path, "test/", 5) == 0 ? path + 5 : path;
    const char *s1 = strchr(p, '/');
    const char *s2 = s1 ? strchr(s1 + 1, '/') : NULL;
    size_t n = s2 ? (size_t)(s2 - p) : s1 ? (size_t)(s1 - p) : strlen(p);
    if (n > 95) n = 95;
    memcpy(out, p, n);
    out[n] = 0;
}

static Group *group_get(Groups *g, const char *name) {
    // Tests are sorted: the group is nearly always the last one.
    if (g->len && strcmp(g->items[g->len - 1].name, name) == 0) return &g->items[g->len - 1];
    for (size_t i = 0; i < g->len; i++)
        if (strcmp(g->items[i].name, name) == 0) return &g->items[i];
    if (g->len == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 64;
        Group *n = realloc(g->items, g->cap * sizeof *n);
        if (!n) exit(2);
        g->items = n;
    }
    Group *r = &g->items[g->len++];
    memset(r, 0, sizeof *r);
    snprintf(r->name, sizeof r->name, "%s", name);
    return r;
}

static double pct(size_t a, size_t b) { return b ? 100.0 * (double)a / (double)b : 0.0; }

static void print_group(const Group *g) {
    size_t run = g->pass + g->fail;
    printf("  %-44s %6zu / %-6zu %7.2f%%  fail %-6zu", g->name, g->pass, run, pct(g->pass, run),
           g->fail);
    if (g->skip) printf(" skipped %zu", g->skip);
    putchar('\n');
}

// The directories of the built-ins figure.
static const char *const figure_builtins[] = {
    "Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "Math", "JSON",
    "Error", "NativeErrors", "Promise", "Reflect", "Iterator", "GeneratorPrototype",
    "AsyncGeneratorPrototype",
};

static bool in_figure_builtins(const char *path) {
    const char *pre = "test/built-ins/";
    if (strncmp(path, pre, strlen(pre)) != 0) return false;
    const char *d = path + strlen(pre);
    for (size_t i = 0; i < sizeof figure_builtins / sizeof *figure_builtins; i++) {
        size_t n = strlen(figure_builtins[i]);
        if (strncmp(d, figure_builtins[i], n) == 0 && d[n] == '/') return true;
    }
    return false;
}

static void print_figure(const char *what, const Group *g) {
    size_t run = g->pass + g->fail;
    printf("%s: %zu / %zu files pass (%.2f%%); %zu skipped by the skip list "
           "(%.2f%% of all %zu files)\n",
           what, g->pass, run, pct(g->pass, run), g->skip, pct(g->pass, run + g->skip),
           run + g->skip);
}

// ---------------------------------------------------------------------------
// Expectations.

static int cmp_path_ptr(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool in_run(const Run *run, const char *path) {
    size_t lo = 0, hi = run->ntests;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(run->tests[mid].path, path);
        if (c == 0) return true;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return false;
}

// Writes the failures of this run plus the listed entries outside it,
// sorted and grouped (`## group: count` headers).
static void write_expectations(const char *path, const Run *run, const T262Entries *old) {
    Paths all = {0};
    for (size_t i = 0; i < old->len; i++)
        if (!in_run(run, old->items[i].key)) {
            char *full = t262_xprintf("%s/%s", run->root, old->items[i].key);
            if (access(full, F_OK) == 0) paths_add(&all, old->items[i].key);
            free(full);
        }
    for (size_t i = 0; i < run->ntests; i++)
        if (run->tests[i].outcome == OUT_FAIL) paths_add(&all, run->tests[i].path);
    if (all.len) qsort(all.items, all.len, sizeof *all.items, cmp_path_ptr);
    char *tmp = t262_xprintf("%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "run262: cannot write %s: %s\n", tmp, strerror(errno));
        exit(2);
    }
    fprintf(f,
            "# test262 files the engine is known to fail (%zu). `make test` fails when a\n"
            "# file fails that is not listed here, and reports listed files that now pass.\n"
            "# Generated by tests/test262/update_expectations.sh from a full run\n"
            "# (tests/test262/run262 --update); one path per line, grouped by directory.\n",
            all.len);
    for (size_t i = 0; i < all.len;) {
        char g[96], h[96];
        group_name(all.items[i], g);
        size_t j = i;
        while (j < all.len && (group_name(all.items[j], h), strcmp(g, h) == 0)) j++;
        fprintf(f, "\n## %s: %zu\n", g, j - i);
        for (; i < j; i++) fprintf(f, "%s\n", all.items[i]);
    }
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "run262: cannot write %s: %s\n", path, strerror(errno));
        exit(2);
    }
    free(tmp);
    free(all.items);
}

// ---------------------------------------------------------------------------

static void usage(void) {
    fprintf(stderr,
            "usage: run262 [--root DIR] [--ochre BIN | --engine-cmd CMD] [--slice FILE]\n"
            "              [--skip FILE] [--expect FILE] [--update] [--strict-list] [-j N]\n"
            "              [--sample N] [--timeout S] [--summary] [-v] [PATH...]\n");
    exit(2);
}

static void split_words(const char *s, T262StrList *out) {
    while (*s) {
        while (*s == ' ') s++;
        size_t n = strcspn(s, " ");
        if (n) t262_list_push(out, s, n);
        s += n;
    }
}

int main(int argc, char **argv) {
    Run run = {.root = "../shared/test262", .timeout = 10.0};
    const char *ochre = "build/ochre", *engine_cmd = NULL;
    const char *skip_path = "tests/test262/skip.txt";
    const char *expect_path = "tests/test262/expected_failures.txt";
    bool update = false, strict_list = false, summary = false, verbose = false;
    long jobs = sysconf(_SC_NPROCESSORS_ONLN), sample = 1;
    T262StrList rels = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool more = i + 1 < argc;
        if (!strcmp(a, "--root") && more) run.root = argv[++i];
        else if (!strcmp(a, "--ochre") && more) ochre = argv[++i];
        else if (!strcmp(a, "--engine-cmd") && more) engine_cmd = argv[++i];
        else if (!strcmp(a, "--skip") && more) skip_path = argv[++i];
        else if (!strcmp(a, "--expect") && more) expect_path = argv[++i];
        else if (!strcmp(a, "--timeout") && more) run.timeout = atof(argv[++i]);
        else if (!strcmp(a, "--sample") && more) sample = atol(argv[++i]);
        else if (!strcmp(a, "-j") && more) jobs = atol(argv[++i]);
        else if (!strncmp(a, "-j", 2) && a[2]) jobs = atol(a + 2);
        else if (!strcmp(a, "--update")) update = true;
        else if (!strcmp(a, "--strict-list")) strict_list = true;
        else if (!strcmp(a, "--summary")) summary = true;
        else if (!strcmp(a, "-v")) verbose = true;
        else if (!strcmp(a, "--slice") && more) {
            T262Entries s;
            t262_entries_load(argv[++i], false, &s);
            for (size_t k = 0; k < s.len; k++) t262_list_push(&rels, s.items[k].key, strlen(s.items[k].key));
            t262_entries_free(&s);
        } else if (a[0] == '-') usage();
        else t262_list_push(&rels, a, strlen(a));
    }
    if (jobs < 1) jobs = 1;
    if (jobs > MAX_JOBS) jobs = MAX_JOBS;
    if (run.timeout <= 0) run.timeout = 10.0;
    if (!rels.len) {
        const char *def[] = {"test/language", "test/built-ins", "test/annexB"};
        for (size_t k = 0; k < 3; k++) t262_list_push(&rels, def[k], strlen(def[k]));
    }
    if (!realpath(run.root, run.root_abs)) {
        fprintf(stderr, "run262: test262 not found at %s: %s\n", run.root, strerror(errno));
        return 2;
    }
    if (engine_cmd) {
        split_words(engine_cmd, &run.engine);
    } else {
        char abs[PATH_MAX];
        if (!realpath(ochre, abs)) {
            fprintf(stderr, "run262: engine %s not found (build it, or pass --ochre)\n", ochre);
            return 2;
        }
        t262_list_push(&run.engine, abs, strlen(abs));
        t262_list_push(&run.engine, "run", 3);
        t262_list_push(&run.engine, "--test262", 9);
    }
    if (!run.engine.len) usage();
    t262_entries_load(skip_path, true, &run.skip);
    t262_entries_sort(&run.skip);
    T262Entries expect;
    t262_entries_load(expect_path, true, &expect);
    t262_entries_sort(&expect);

    Paths files = {0};
    for (size_t k = 0; k < rels.len; k++) collect(run.root, rels.items[k], &files);
    if (files.len) qsort(files.items, files.len, sizeof *files.items, cmp_str);
    run.tests = calloc(files.len ? files.len : 1, sizeof *run.tests);
    if (!run.tests) return 2;
    // run.tests borrow their paths from files (freed at the end).
    size_t distinct = 0;
    for (size_t i = 0; i < files.len; i++) {
        if (i && strcmp(files.items[i - 1], files.items[i]) == 0) continue;  // overlapping paths
        if (sample > 1 && distinct++ % (size_t)sample != 0) continue;
        run.tests[run.ntests++].path = files.items[i];
    }

    const char *tmpdir = getenv("TMPDIR");
    snprintf(run.tmp, sizeof run.tmp, "%s/ochre-run262-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    if (!mkdtemp(run.tmp)) {
        fprintf(stderr, "run262: cannot create a workspace: %s\n", strerror(errno));
        return 2;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    signal(SIGPIPE, SIG_IGN);
    pthread_mutex_init(&run.harness_lock, NULL);

    time_t start = time(NULL);
    printf("run262: %zu files, %ld jobs, engine: %s ...\n", run.ntests, jobs, run.engine.items[0]);
    fflush(stdout);
    pthread_t threads[MAX_JOBS];
    Worker workers[MAX_JOBS];
    for (long i = 0; i < jobs; i++) {
        workers[i] = (Worker){.run = &run, .id = (int)i};
        pthread_create(&threads[i], NULL, worker_main, &workers[i]);
    }
    // Progress: a status line on a terminal, a line every 30 s otherwise.
    bool tty = isatty(2);
    time_t last = start;
    while (atomic_load(&run.done) < run.ntests && !interrupted) {
        struct timespec ts = {0, 250 * 1000 * 1000};
        nanosleep(&ts, NULL);
        time_t now = time(NULL);
        if (atomic_load(&run.next) >= run.ntests + (size_t)jobs) break;
        if ((tty && now != last) || now - last >= 30) {
            last = now;
            fprintf(stderr, "%s[%zu/%zu] %zu failed, %lds%s", tty ? "\r" : "",
                    atomic_load(&run.done), run.ntests, atomic_load(&run.failed),
                    (long)(now - start), tty ? "  " : "\n");
        }
    }
    for (long i = 0; i < jobs; i++) pthread_join(threads[i], NULL);
    if (tty) fputs("\r\033[K", stderr);
    rm_tree(run.tmp);
    if (interrupted) {
        fprintf(stderr, "run262: interrupted\n");
        return 130;
    }

    // Tally.
    Groups groups = {0};
    Group total = {.name = "total"}, lang = {.name = "language"}, bi = {.name = "built-ins"};
    size_t unexpected = 0, removable = 0, expected = 0;
    for (size_t i = 0; i < run.ntests; i++) {
        Test *t = &run.tests[i];
        char name[96];
        group_name(t->path, name);
        Group *gs[4] = {group_get(&groups, name), &total, NULL, NULL};
        if (strncmp(t->path, "test/language/", 14) == 0) gs[2] = &lang;
        if (in_figure_builtins(t->path)) gs[3] = &bi;
        for (int k = 0; k < 4; k++) {
            if (!gs[k]) continue;
            gs[k]->pass += t->outcome == OUT_PASS;
            gs[k]->fail += t->outcome == OUT_FAIL;
            gs[k]->skip += t->outcome == OUT_SKIP;
        }
        T262Entry *e = t262_entries_find(&expect, t->path);
        if (e) e->used = true;
        t->listed = e != NULL;
        if (t->outcome == OUT_FAIL) t->listed ? expected++ : unexpected++;
        if (t->outcome == OUT_PASS && t->listed) removable++;
    }
    printf("test262 on %s (%s), %ld s\n", run.engine.items[0], run.root, (long)(time(NULL) - start));
    printf("  %-44s %6s / %-6s %8s\n", "directory", "pass", "run", "rate");
    for (size_t k = 0; k < groups.len; k++) print_group(&groups.items[k]);
    print_group(&total);
    if (summary) {
        print_figure("figure test/language", &lang);
        print_figure("figure test/built-ins (the issue's directories)", &bi);
        printf("  directories:");
        for (size_t i = 0; i < sizeof figure_builtins / sizeof *figure_builtins; i++)
            printf(" %s", figure_builtins[i]);
        putchar('\n');
    }

    size_t shown = 0;
    for (size_t i = 0; i < run.ntests; i++) {
        Test *t = &run.tests[i];
        if (t->outcome == OUT_FAIL && !t->listed && (verbose || shown++ < 300))
            printf("FAIL %s  (%s)\n", t->path, t->detail);
        else if (t->outcome == OUT_FAIL && verbose)
            printf("expected failure %s  (%s)\n", t->path, t->detail);
        else if (t->outcome == OUT_PASS && t->listed && !update)
            printf("passes now, can be removed from %s: %s\n", expect_path, t->path);
    }
    size_t stale = 0;
    for (size_t i = 0; i < expect.len; i++) {
        if (expect.items[i].used) continue;
        char *full = t262_xprintf("%s/%s", run.root, expect.items[i].key);
        if (access(full, F_OK) != 0) {
            stale++;
            printf("listed but not in test262 (remove): %s\n", expect.items[i].key);
        }
        free(full);
    }
    printf("%zu passed, %zu failed (%zu expected, %zu unexpected), %zu skipped; %zu listed "
           "failures pass now, %zu stale entries\n",
           total.pass, total.fail, expected, unexpected, total.skip, removable, stale);
    if (update) {
        write_expectations(expect_path, &run, &expect);
        printf("updated %s\n", expect_path);
    }

    int rc = 0;
    if (!update && unexpected) rc = 1;
    if (!update && strict_list && (removable || stale)) rc = 1;
    for (size_t i = 0; i < run.ntests; i++) free(run.tests[i].detail);
    free(run.tests);
    for (size_t i = 0; i < files.len; i++) free(files.items[i]);
    free(files.items);
    free(groups.items);
    for (Harness *h = run.harness, *n; h; h = n) {
        n = h->next;
        free(h->name);
        free(h->text);
        free(h);
    }
    t262_list_free(&rels);
    t262_list_free(&run.engine);
    t262_entries_free(&run.skip);
    t262_entries_free(&expect);
    return rc;
}
