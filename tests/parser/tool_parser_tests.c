// tool_parser_tests: runs the test262-parser-tests package (npm) through
// the parser in-process.
//
//   tool_parser_tests [--list FILE] [--analyzer] [-v] PACKAGE_DIR
//
// pass/ and pass-explicit/ must parse; fail/ must be rejected; early/
// (static-semantics errors, mostly the analyzer's job) is reported as a rate
// only. Files named *.module.js use the module goal, the rest are sloppy
// scripts. Every file is parsed in strict mode (first error stops) and in
// tolerant mode, and both must agree on whether the file has errors.
//
// --analyzer adds the analyzer's early errors to the strict-mode verdict (as
// `ochre parse` and the engine do): pass/ must then also be free of them,
// and the early/ rate becomes the engine's.
//
// The list file names files of fail/ (and early/) that later editions made
// valid, one per line with `# reason`; those must parse. Any other mismatch
// fails the run, and so does a listed file that is missing.
#include "analyzer.h"
#include "parser.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// A parse that hangs (a parser bug) must fail the run, not stall it.
#define TIMEOUT_SECONDS 20
static char current_file[4608];

static void on_alarm(int sig) {
    (void)sig;
    static const char msg[] = "FAIL timeout: the parser did not finish within 20 s on ";
    // Best effort: nothing to do if the writes fail.
    if (write(1, msg, sizeof msg - 1) > 0 && write(1, current_file, strlen(current_file)) > 0)
        if (write(1, "\n", 1)) {}
    _exit(1);
}

#define DEFAULT_LIST "tests/parser/parser_tests_now_valid.txt"

typedef struct Entry {
    char *path;  // "fail/xxxx.js"
    bool found;
} Entry;

static struct {
    Entry *items;
    size_t len;
} list;

static bool verbose, use_analyzer;

static void *xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "tool_parser_tests: out of memory\n");
        exit(2);
    }
    return p;
}

static void load_list(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "tool_parser_tests: cannot read %s: %s\n", path, strerror(errno));
        exit(2);
    }
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) >= 0) {
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        if (*p == '#' || *p == '\n' || *p == 0) continue;
        size_t n = strcspn(p, " \t#\r\n");
        list.items = xrealloc(list.items, (list.len + 1) * sizeof *list.items);
        char *s = xrealloc(NULL, n + 1);
        memcpy(s, p, n);
        s[n] = 0;
        list.items[list.len++] = (Entry){.path = s};
    }
    free(line);
    fclose(f);
}

static Entry *listed(const char *rel) {
    for (size_t i = 0; i < list.len; i++)
        if (strcmp(list.items[i].path, rel) == 0) return &list.items[i];
    return NULL;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

// Sorted names of the *.js files in dir.
static char **list_dir(const char *dir, size_t *n) {
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "tool_parser_tests: cannot open %s: %s\n", dir, strerror(errno));
        exit(2);
    }
    char **names = NULL;
    size_t len = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 3 || strcmp(e->d_name + l - 3, ".js") != 0) continue;
        names = xrealloc(names, (len + 1) * sizeof *names);
        names[len] = xrealloc(NULL, l + 1);
        memcpy(names[len++], e->d_name, l + 1);
    }
    closedir(d);
    qsort(names, len, sizeof *names, cmp_str);
    *n = len;
    return names;
}

static bool is_module(const char *name) {
    size_t l = strlen(name);
    return l >= 10 && strcmp(name + l - 10, ".module.js") == 0;
}

// Parses in one mode; returns whether errors were reported and writes the
// first one into msg.
static bool parse_has_errors(const char *src, size_t len, bool module, bool tolerant,
                             char *msg, size_t msgcap, bool *root_ok) {
    PsOptions opts;
    ps_options_default(&opts);
    opts.goal = module ? PS_GOAL_MODULE : PS_GOAL_SCRIPT;
    opts.tolerant = tolerant;
    PsParse *p = ps_parse(src, len, &opts);
    *root_ok = p->root && p->root->kind == PS_NODE_PROGRAM;
    bool bad = ps_parse_has_errors(p);
    msg[0] = 0;
    for (uint32_t i = 0; i < p->diags.v.len; i++) {
        const OchDiag *d = &p->diags.v.items[i];
        if (d->severity != OCH_SEV_ERROR) continue;
        snprintf(msg, msgcap, "%s at %u: %s", och_diag_code_str(d->code), d->span.start,
                 d->message);
        break;
    }
    // The analyzer runs on clean parses in strict mode, on every tree in
    // tolerant mode (as `ochre parse` does).
    if (use_analyzer && (tolerant || !bad)) {
        AnOptions aopts;
        an_options_default(&aopts);
        AnResult *a = an_analyze(p, &aopts);
        for (uint32_t i = 0; i < a->diags.v.len && !bad; i++) {
            const OchDiag *d = &a->diags.v.items[i];
            if (d->severity != OCH_SEV_ERROR) continue;
            snprintf(msg, msgcap, "analyzer: %s at %u: %s", och_diag_code_str(d->code),
                     d->span.start, d->message);
            bad = true;
        }
        an_result_free(a);
    }
    ps_parse_free(p);
    return bad;
}

typedef struct Tally {
    size_t total, ok, failures;
} Tally;

// Runs every file of one directory. want_error: 1 must be rejected, 0 must
// parse, -1 rate only. Listed files must parse whatever the directory.
static void run_dir(const char *pkg, const char *sub, int want_error, Tally *t,
                    size_t *failures) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", pkg, sub);
    size_t n;
    char **names = list_dir(dir, &n);
    for (size_t i = 0; i < n; i++) {
        char rel[512], path[4608], msg[512], tmsg[512];
        snprintf(rel, sizeof rel, "%s/%s", sub, names[i]);
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        char *src;
        size_t len;
        if (ps_source_read_file(path, &src, &len) != OCH_OK) {
            fprintf(stderr, "tool_parser_tests: cannot read %s: %s\n", path, strerror(errno));
            exit(2);
        }
        bool module = is_module(names[i]);
        bool root_ok, troot_ok;
        snprintf(current_file, sizeof current_file, "%s", rel);
        alarm(TIMEOUT_SECONDS);
        bool bad = parse_has_errors(src, len, module, false, msg, sizeof msg, &root_ok);
        bool tbad = parse_has_errors(src, len, module, true, tmsg, sizeof tmsg, &troot_ok);
        alarm(0);
        och_free(src);

        Entry *e = listed(rel);
        int want = want_error;
        if (e) {
            e->found = true;
            want = 0;
        } else {
            t->total++;
        }
        // Structural problems fail in every directory; the verdict only
        // where the directory has one (early/ is a rate).
        const char *problem = NULL;
        if (!root_ok || !troot_ok) problem = "no PROGRAM root returned";
        else if (bad != tbad)
            problem = bad ? "strict mode rejects, tolerant mode accepts"
                          : "strict mode accepts, tolerant mode rejects";
        else if (want == 0 && bad) problem = "rejected, expected to parse";
        else if (want == 1 && !bad) problem = "accepted, expected a syntax error";
        if (!e && (want == -1 ? bad : !problem)) t->ok++;
        if (problem) {
            (*failures)++;
            t->failures++;
            printf("FAIL %s: %s%s%s\n", rel, problem, msg[0] || tmsg[0] ? " -- " : "",
                   msg[0] ? msg : tmsg);
        } else if (verbose && want == -1 && !bad) {
            printf("early error not reported: %s\n", rel);
        }
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv) {
    const char *list_path = DEFAULT_LIST;
    const char *pkg = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--list") == 0 && i + 1 < argc) list_path = argv[++i];
        else if (strcmp(argv[i], "-v") == 0) verbose = true;
        else if (strcmp(argv[i], "--analyzer") == 0) use_analyzer = true;
        else if (argv[i][0] != '-' && !pkg) pkg = argv[i];
        else {
            fprintf(stderr, "usage: tool_parser_tests [--list FILE] [--analyzer] [-v] PACKAGE_DIR\n");
            return 2;
        }
    }
    if (!pkg) {
        fprintf(stderr, "usage: tool_parser_tests [--list FILE] [--analyzer] [-v] PACKAGE_DIR\n");
        return 2;
    }
    load_list(list_path);
    signal(SIGALRM, on_alarm);

    static const struct {
        const char *sub;
        int want_error;
    } dirs[] = {{"pass", 0}, {"pass-explicit", 0}, {"fail", 1}, {"early", -1}};
    Tally tallies[4] = {0};
    size_t failures = 0;
    for (int k = 0; k < 4; k++) run_dir(pkg, dirs[k].sub, dirs[k].want_error, &tallies[k], &failures);

    size_t now_valid = 0;
    for (size_t i = 0; i < list.len; i++) {
        if (list.items[i].found) {
            now_valid++;
        } else {
            failures++;
            printf("FAIL listed in %s but missing: %s\n", list_path, list.items[i].path);
        }
    }
    printf("test262-parser-tests (%s):\n", use_analyzer ? "parser + analyzer" : "parser alone");
    for (int k = 0; k < 4; k++) {
        const Tally *t = &tallies[k];
        const char *what = dirs[k].want_error == 0   ? "parsed"
                           : dirs[k].want_error == 1 ? "rejected"
                                                     : "rejected (rate only)";
        printf("  %-14s %4zu/%-4zu %s (%.2f%%)\n", dirs[k].sub, t->ok, t->total, what,
               t->total ? 100.0 * (double)t->ok / (double)t->total : 100.0);
    }
    printf("  now valid      %4zu listed files parsed as valid (see %s)\n", now_valid, list_path);
    printf("%zu failures\n", failures);
    for (size_t i = 0; i < list.len; i++) free(list.items[i].path);
    free(list.items);
    return failures ? 1 : 0;
}
