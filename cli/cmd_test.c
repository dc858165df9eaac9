// `ochre test`: finds the test files (node's patterns: *.test.js,
// *-test.js, *_test.js, test-*.js, test.js, and every .js/.mjs/.cjs under a
// `test` directory; node_modules and dot-directories skipped), runs each
// in a fresh engine with the node:test runner reporting to this process,
// prints one report for all (TAP when stdout is not a terminal, spec
// otherwise) and exits 1 when a test failed.
#include "cmd_test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "engine.h"
#include "parser.h"

const char cli_test_usage[] =
    "usage: ochre test [--reporter tap|spec] [--test-name-pattern=REGEXP] [PATH|FILE:LINE...]\n"
    "\n"
    "Runs the node:test tests of the test files under PATHs (default: the\n"
    "current directory), each file in a fresh engine. FILE:LINE runs only the\n"
    "top-level test around that line.\n";

typedef OCH_VEC(char *) Paths;

static bool has_suffix(const char *s, const char *suf) {
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

static bool js_extension(const char *name) {
    return has_suffix(name, ".js") || has_suffix(name, ".mjs") || has_suffix(name, ".cjs");
}

static bool is_test_name(const char *name, bool under_test_dir) {
    if (!js_extension(name)) return false;
    if (under_test_dir) return true;
    const char *dot = strrchr(name, '.');
    size_t stem = (size_t)(dot - name);
    if (stem >= 5 && (!strncmp(dot - 5, ".test", 5) || !strncmp(dot - 5, "-test", 5) || !strncmp(dot - 5, "_test", 5)))
        return true;
    if (!strncmp(name, "test-", 5)) return true;
    return stem == 4 && !strncmp(name, "test", 4);
}

static void walk(const char *dir, bool under_test_dir, Paths *out) {
    DIR *d = opendir(dir);
    if (!d) return;
    OCH_VEC(char *) names = {0};
    struct dirent *e;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.' && strcmp(e->d_name, "node_modules"))
            och_vec_push(&names, och_strndup(e->d_name, strlen(e->d_name)));
    closedir(d);
    for (uint32_t i = 0; i < names.len; i++) {
        OchBuf p = {0};
        och_buf_printf(&p, "%s/%s", dir, names.items[i]);
        struct stat st;
        if (stat(p.data, &st) == 0) {
            if (S_ISDIR(st.st_mode)) walk(p.data, under_test_dir || !strcmp(names.items[i], "test"), out);
            else if (S_ISREG(st.st_mode) && is_test_name(names.items[i], under_test_dir))
                och_vec_push(out, och_strndup(p.data, p.len));
        }
        och_buf_free(&p);
        och_free(names.items[i]);
    }
    och_vec_free(&names);
}

static int cmp_paths(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void print_to_stdio(void *ctx, const char *line, size_t len, bool is_error) {
    (void)ctx;
    FILE *f = is_error ? stderr : stdout;
    fwrite(line, 1, len, f);
    fputc('\n', f);
}

typedef struct TestRun {
    const char *reporter;
    const char *pattern;
    EnTestCounts total;
    uint32_t files, failed_files;
} TestRun;

// Runs one file; adds its counts. A file that fails to load counts as a
// failed test (like node's runner).
static void run_file(TestRun *r, const char *path, uint32_t line, uint32_t index) {
    char *src;
    size_t len;
    bool tap = !strcmp(r->reporter, "tap");
    if (tap) printf("# Subtest: %s\n", path);
    else printf("▶ %s\n", path);
    fflush(stdout);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    EnTestCounts c = {0};
    bool ok = false;
    if (ps_source_read_file(path, &src, &len) == OCH_OK) {
        EnRuntime *rt = en_runtime_new(NULL);
        EnContext *cx = en_context_new(rt);
        en_context_set_print(cx, print_to_stdio, NULL);
        char *argv[1] = {(char *)path};
        EnHostOptions ho = {.argc = 1, .argv = argv, .test_runner = true, .test_reporter = r->reporter,
                            .test_name_pattern = r->pattern, .test_line = line};
        EnStatus st = en_host_install(cx, &ho) ? en_host_run_main(cx, path, src, len) : EN_STATUS_EXCEPTION;
        int code = 0;
        if (st == EN_STATUS_OK) st = en_host_run(cx, &code);
        if (st == EN_STATUS_TERMINATED && en_host_exiting(cx, &code)) {
            en_exception_take(cx);
            st = EN_STATUS_OK;
        }
        if (st != EN_STATUS_OK) {
            OchBuf b = {0};
            en_exception_report(cx, en_exception_take(cx), &b);
            fflush(stdout);
            fprintf(stderr, "%s\n", b.data ? b.data : "Uncaught exception");
            och_buf_free(&b);
        }
        ok = en_host_test_counts(cx, &c) && st == EN_STATUS_OK && code == 0;
        if (!en_host_test_counts(cx, &c)) memset(&c, 0, sizeof c);
        fflush(stdout);
        en_host_free(cx);
        en_context_free(cx);
        en_runtime_free(rt);
        och_free(src);
    } else {
        fprintf(stderr, "ochre test: cannot read '%s'\n", path);
    }
    if (!ok && c.fail == 0) c.fail = 1, c.tests++;  // the file itself failed
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    bool failed = c.fail > 0;
    if (tap)
        printf("%s %u - %s\n  ---\n  duration_ms: %.6f\n  ...\n", failed ? "not ok" : "ok", index, path, ms);
    else
        printf("%s %s (%.3fms)\n", failed ? "✖" : "▶", path, ms);
    r->total.tests += c.tests;
    r->total.suites += c.suites;
    r->total.pass += c.pass;
    r->total.fail += c.fail;
    r->total.cancelled += c.cancelled;
    r->total.skipped += c.skipped;
    r->total.todo += c.todo;
    r->files++;
    r->failed_files += failed;
}

int cli_cmd_test(int argc, char **argv) {
    TestRun r = {isatty(1) ? "spec" : "tap", NULL, {0}, 0, 0};
    Paths files = {0};
    OCH_VEC(uint32_t) lines = {0};
    Paths roots = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(cli_test_usage, stdout);
            return CLI_EXIT_OK;
        } else if (!strcmp(a, "--reporter") && i + 1 < argc) {
            r.reporter = argv[++i];
        } else if (!strncmp(a, "--reporter=", 11)) {
            r.reporter = a + 11;
        } else if (!strncmp(a, "--test-name-pattern=", 20)) {
            r.pattern = a + 20;
        } else if (!strcmp(a, "--test-name-pattern") && i + 1 < argc) {
            r.pattern = argv[++i];
        } else if (a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "ochre test: unknown option '%s'\n%s", a, cli_test_usage);
            return CLI_EXIT_USAGE;
        } else {
            och_vec_push(&roots, (char *)a);
        }
    }
    if (strcmp(r.reporter, "tap") && strcmp(r.reporter, "spec")) {
        fprintf(stderr, "ochre test: unknown reporter '%s' (tap or spec)\n", r.reporter);
        return CLI_EXIT_USAGE;
    }
    if (!roots.len) och_vec_push(&roots, ".");
    for (uint32_t i = 0; i < roots.len; i++) {
        // FILE:LINE selects the test around a line.
        char *arg = och_strndup(roots.items[i], strlen(roots.items[i]));
        uint32_t line = 0;
        char *colon = strrchr(arg, ':');
        struct stat st;
        if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1) && stat(arg, &st) != 0) {
            *colon = 0;
            line = (uint32_t)strtoul(colon + 1, NULL, 10);
        }
        if (stat(arg, &st) != 0) {
            fprintf(stderr, "ochre test: no such file or directory: %s\n", arg);
            och_free(arg);
            return CLI_EXIT_USAGE;
        }
        if (S_ISDIR(st.st_mode)) {
            size_t before = files.len;
            walk(arg, false, &files);
            qsort(files.items + before, files.len - before, sizeof *files.items, cmp_paths);
            while (lines.len < files.len) och_vec_push(&lines, 0);
            och_free(arg);
        } else {
            och_vec_push(&files, arg);
            och_vec_push(&lines, line);
        }
    }
    och_vec_free(&roots);
    bool tap = !strcmp(r.reporter, "tap");
    if (tap) puts("TAP version 13");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (uint32_t i = 0; i < files.len; i++) run_file(&r, files.items[i], lines.items[i], i + 1);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    const char *p = tap ? "#" : "ℹ";
    if (tap) printf("1..%u\n", r.files);
    printf("%s tests %u\n%s suites %u\n%s pass %u\n%s fail %u\n%s cancelled %u\n%s skipped %u\n%s todo %u\n"
           "%s duration_ms %.6f\n",
           p, r.total.tests, p, r.total.suites, p, r.total.pass, p, r.total.fail, p, r.total.cancelled, p,
           r.total.skipped, p, r.total.todo, p, ms);
    if (!files.len) fprintf(stderr, "ochre test: no test files found\n");
    for (uint32_t i = 0; i < files.len; i++) och_free(files.items[i]);
    och_vec_free(&files);
    och_vec_free(&lines);
    return r.total.fail ? CLI_EXIT_ERRORS : CLI_EXIT_OK;
}
