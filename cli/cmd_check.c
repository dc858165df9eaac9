// `ochre check`: command line, then plan (walk, configuration discovery:
// single-threaded), check (parse + analyze + format per file on a pool of
// threads), and output in path order.
#include "cmd_check.h"

#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_config.h"
#include "check_file.h"
#include "check_format.h"
#include "check_queue.h"
#include "check_walk.h"
#include "cli.h"

#define DEFAULT_MAX_FILE_SIZE (10u * 1024 * 1024)

const char cli_check_usage[] =
    "usage: ochre check [options] [PATH...]\n"
    "\n"
    "Reports syntax errors, early errors and lint problems in JavaScript files.\n"
    "A PATH is a file or a directory (default: `.`); `-` reads standard input.\n"
    "Directories are searched for .js .mjs .cjs .jsx files, skipping\n"
    "node_modules, .git, and what .gitignore files and the `ignore` patterns of\n"
    "ochre.json exclude. Each file uses the nearest ochre.json above it.\n"
    "\n"
    "options:\n"
    "  --format FORMAT        pretty (default), compact, json, sarif, github, junit\n"
    "  --color, --no-color    force colors in pretty output on or off (default: on\n"
    "                         when the findings go to a terminal and NO_COLOR is\n"
    "                         not set)\n"
    "  --config FILE          use FILE for every file instead of the nearest ochre.json\n"
    "  --stdin-filename NAME  check stdin (`-`) as if it were the file NAME\n"
    "  --max-warnings N       exit with status 1 when there are more than N warnings\n"
    "  --max-file-size SIZE   skip larger files with a warning; bytes, or with a\n"
    "                         K, M or G suffix (default 10M)\n"
    "  --threads N            number of worker threads (default: number of CPUs)\n"
    "  --fix                  apply the safe fixes of the reported findings and\n"
    "                         report what remains; files are replaced atomically;\n"
    "                         with `-`, the fixed source goes to stdout\n"
    "  --fix-dry-run          print the fixes as a unified diff (patch -p1) and\n"
    "                         report what would remain; nothing is written\n"
    "  -h, --help             show this help\n"
    "\n"
    "Fixes never touch a statement with a syntax error, and suggestions (fixes\n"
    "that may change what the code does) are never applied. With --fix-dry-run,\n"
    "or --fix and `-`, stdout carries only the diff or the fixed source and the\n"
    "findings go to stderr in the chosen format.\n"
    "\n"
    "exit status: 0 no errors, 1 errors (or more warnings than --max-warnings),\n"
    "2 usage, configuration or I/O error (including a file --fix cannot write);\n"
    "with --fix and --fix-dry-run, counted on the findings left after fixing\n";

typedef struct CheckArgs {
    OCH_VEC(const char *) paths;
    ChkFormat format;
    int color;  // -1 auto
    const char *config;
    const char *stdin_filename;
    long long max_warnings;  // -1: no limit
    uint64_t max_file_size;
    uint32_t threads;  // 0: number of CPUs
    ChkFixMode fix;
} CheckArgs;

static int usage_error(const char *fmt, const char *arg) {
    fputs("ochre check: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\n(see `ochre check --help`)\n", stderr);
    return CLI_EXIT_USAGE;
}

static bool parse_count(const char *s, long long max, long long *out) {
    if (!*s) return false;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < 0 || v > max) return false;
    *out = v;
    return true;
}

static bool parse_size(const char *s, uint64_t *out) {
    if (!*s || *s == '-') return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s) return false;
    uint64_t mult = 1;
    if (*end == 'k' || *end == 'K') mult = 1024, end++;
    else if (*end == 'm' || *end == 'M') mult = 1024 * 1024, end++;
    else if (*end == 'g' || *end == 'G') mult = 1024ull * 1024 * 1024, end++;
    if (*end == 'B' || *end == 'b') end++;
    if (*end || v > UINT64_MAX / mult) return false;
    *out = v * mult;
    return true;
}

// `--name VALUE` or `--name=VALUE`: stores the value and advances *i.
// Returns 0 when argv[*i] is not this option, 1 when it is, -1 on a
// missing value.
static int option_value(int argc, char **argv, int *i, const char *name, const char **value) {
    const char *s = argv[*i];
    size_t n = strlen(name);
    if (strncmp(s, name, n) != 0) return 0;
    if (s[n] == '=') {
        *value = s + n + 1;
        return 1;
    }
    if (s[n]) return 0;
    if (*i + 1 >= argc) return -1;
    *value = argv[++*i];
    return 1;
}

// Returns -1 when the arguments are fine, else the exit status.
static int parse_args(int argc, char **argv, CheckArgs *a) {
    memset(a, 0, sizeof *a);
    a->color = -1;
    a->max_warnings = -1;
    a->max_file_size = DEFAULT_MAX_FILE_SIZE;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        const char *v = NULL;
        int r;
        if (options_done || s[0] != '-' || strcmp(s, "-") == 0) {
            och_vec_push(&a->paths, s);
        } else if (strcmp(s, "--") == 0) {
            options_done = true;
        } else if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
            fputs(cli_check_usage, stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(s, "--color") == 0) {
            a->color = 1;
        } else if (strcmp(s, "--no-color") == 0) {
            a->color = 0;
        } else if (strcmp(s, "--fix") == 0 || strcmp(s, "--fix-dry-run") == 0) {
            ChkFixMode m = s[5] ? CHK_FIX_DRY_RUN : CHK_FIX_APPLY;
            if (a->fix && a->fix != m) return usage_error("%s", "--fix and --fix-dry-run cannot be combined");
            a->fix = m;
        } else if ((r = option_value(argc, argv, &i, "--format", &v)) != 0) {
            if (r < 0) return usage_error("%s needs a value", s);
            if (!chk_format_by_name(v, &a->format))
                return usage_error("unknown format '%s' (pretty, compact, json, sarif, github, junit)", v);
        } else if ((r = option_value(argc, argv, &i, "--config", &v)) != 0) {
            if (r < 0) return usage_error("%s needs a value", s);
            a->config = v;
        } else if ((r = option_value(argc, argv, &i, "--stdin-filename", &v)) != 0) {
            if (r < 0) return usage_error("%s needs a value", s);
            if (!*v) return usage_error("%s", "--stdin-filename needs a non-empty name");
            a->stdin_filename = v;
        } else if ((r = option_value(argc, argv, &i, "--max-warnings", &v)) != 0) {
            if (r < 0) return usage_error("%s needs a value", s);
            if (!parse_count(v, INT_MAX, &a->max_warnings))
                return usage_error("--max-warnings needs a count (0 or more), not '%s'", v);
        } else if ((r = option_value(argc, argv, &i, "--max-file-size", &v)) != 0) {
            if (r < 0) return usage_error("%s needs a value", s);
            if (!parse_size(v, &a->max_file_size))
                return usage_error("--max-file-size needs a size such as 500K or 10M, not '%s'", v);
        } else if ((r = option_value(argc, argv, &i, "--threads", &v)) != 0) {
            long long n;
            if (r < 0) return usage_error("%s needs a value", s);
            if (!parse_count(v, 1024, &n) || n < 1) return usage_error("--threads needs a number from 1 to 1024, not '%s'", v);
            a->threads = (uint32_t)n;
        } else {
            return usage_error("unknown option '%s'", s);
        }
    }
    uint32_t nstdin = 0;
    for (uint32_t i = 0; i < a->paths.len; i++) nstdin += strcmp(a->paths.items[i], "-") == 0;
    if (nstdin > 1) return usage_error("%s", "`-` (stdin) can be given only once");
    if (a->stdin_filename && !nstdin) return usage_error("%s", "--stdin-filename needs `-` among the paths");
    return -1;
}

// --- running ------------------------------------------------------------------

typedef struct Run {
    const ChkPlan *plan;
    ChkFileOptions file_opts;
    ChkFormatOptions fmt_opts;
    ChkFileReport *reports;
    ChkOutput out;
    bool io_error;
    uint32_t fixes, fixed_files;
    bool changes_failed;  // writing the diff or fixed source to stdout failed
    int changes_errno;
} Run;

static void run_work(void *ctx, uint32_t i) {
    Run *run = ctx;
    const ChkJob *job = &run->plan->jobs.items[i];
    ChkFileResult res;
    chk_file_check(job, &run->file_opts, &res);
    chk_format_file(&run->fmt_opts, job->path, &res, &run->reports[i]);
    run->reports[i].changes = res.changes;
    memset(&res.changes, 0, sizeof res.changes);
    chk_file_result_free(&res);
}

static void run_done(void *ctx, uint32_t i) {
    Run *run = ctx;
    ChkFileReport *rep = &run->reports[i];
    if (rep->io_error) run->io_error = true;
    run->fixes += rep->fixes;
    run->fixed_files += rep->fixes > 0;
    size_t n = rep->changes.len;
    if (n && !run->changes_failed && fwrite(rep->changes.data, 1, n, stdout) != n) {
        run->changes_failed = true;
        run->changes_errno = errno;
    }
    chk_output_file(&run->out, rep);
    chk_file_report_free(&run->reports[i]);
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool want_color(int flag, FILE *out) {
    if (flag >= 0) return flag;
    const char *no = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    return isatty(fileno(out)) && !(no && *no) && !(term && strcmp(term, "dumb") == 0);
}

static const char *plural(uint32_t n, const char *one, const char *many) { return n == 1 ? one : many; }

static int cmp_size(const void *a, const void *b, void *ctx) {
    const ChkJob *jobs = ctx;
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    uint64_t sx = jobs[x].size, sy = jobs[y].size;
    if (sx != sy) return sx > sy ? -1 : 1;
    return x < y ? -1 : x > y;
}

// Start order. Output goes in path order, and a file finished before the
// files ahead of it waits with its rendered report in memory, so files
// start in path order: reports then wait for at most the few files in
// progress. Big files are the exception: one started late would run alone
// at the end while the other threads idle, so files holding a large share
// of all the bytes (a quarter of one thread's share) start first, largest
// first. On a tree of small files that keeps the peak memory near that of
// one thread; on a corpus with one huge file, that file starts at once.
static uint32_t *start_order(const ChkPlan *plan, uint32_t threads) {
    uint32_t n = plan->jobs.len;
    uint32_t *order = och_malloc((n ? n : 1) * sizeof *order);
    uint64_t total = 0;
    for (uint32_t i = 0; i < n; i++) total += plan->jobs.items[i].size;
    uint64_t big = total / (4 * (uint64_t)(threads ? threads : 1));
    if (big < 64 * 1024) big = 64 * 1024;
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++)
        if (plan->jobs.items[i].size >= big) order[k++] = i;
    if (k > 1) qsort_r(order, k, sizeof *order, cmp_size, plan->jobs.items);
    for (uint32_t i = 0; i < n; i++)
        if (plan->jobs.items[i].size < big) order[k++] = i;
    return order;
}

// Checks the planned files, writes the output and the summary; returns the
// exit status.
static int check_all(const CheckArgs *a, const ChkPlan *plan, const char *cwd, double t0) {
    if (!plan->jobs.len && !plan->bad_path) fputs("ochre check: no JavaScript files to check\n", stderr);
    Run run;
    memset(&run, 0, sizeof run);
    run.plan = plan;
    run.file_opts.max_file_size = a->max_file_size;
    run.file_opts.fix = a->fix;
    // Standard output carries the changes when there are some to print
    // (a diff, or stdin's fixed source); the findings then go to stderr.
    bool has_stdin = false;
    for (uint32_t i = 0; i < plan->jobs.len; i++) has_stdin |= plan->jobs.items[i].is_stdin;
    FILE *findings = a->fix == CHK_FIX_DRY_RUN || (a->fix == CHK_FIX_APPLY && has_stdin) ? stderr : stdout;
    run.fmt_opts.format = a->format;
    run.fmt_opts.color = a->format == CHK_FMT_PRETTY && want_color(a->color, findings);
    run.fmt_opts.cwd = cwd;
    run.reports = och_calloc(plan->jobs.len ? plan->jobs.len : 1, sizeof *run.reports);
    chk_output_begin(&run.out, &run.fmt_opts, findings);
    uint32_t threads = a->threads ? a->threads : chk_cpu_count();
    uint32_t *order = start_order(plan, threads);
    chk_queue_run(plan->jobs.len, threads, order, run_work, run_done, &run);
    och_free(order);
    uint32_t files = run.out.files, errors = run.out.errors, warnings = run.out.warnings;
    bool written = chk_output_end(&run.out);
    och_free(run.reports);

    if (a->format == CHK_FMT_PRETTY) {
        char fixes[96] = "";
        if (a->fix)
            snprintf(fixes, sizeof fixes, ", %u %s %s %u %s", run.fixes, plural(run.fixes, "fix", "fixes"),
                     a->fix == CHK_FIX_APPLY ? "applied to" : "to apply to", run.fixed_files,
                     plural(run.fixed_files, "file", "files"));
        fprintf(stderr, "ochre check: %u %s, %u %s, %u %s%s (%.2f s)\n", files, plural(files, "file", "files"),
                errors, plural(errors, "error", "errors"), warnings, plural(warnings, "warning", "warnings"),
                fixes, now_seconds() - t0);
    }
    bool too_many = a->max_warnings >= 0 && (long long)warnings > a->max_warnings;
    if (too_many)
        fprintf(stderr, "ochre check: %u warnings, more than --max-warnings %lld\n", warnings, a->max_warnings);
    if (!written) fprintf(stderr, "ochre check: cannot write the output: %s\n", strerror(run.out.write_errno));
    if (findings != stdout && (run.changes_failed || fflush(stdout) != 0)) {
        fprintf(stderr, "ochre check: cannot write the output: %s\n",
                strerror(run.changes_failed ? run.changes_errno : errno));
        written = false;
    }
    if (!written || run.io_error || plan->bad_path) return CLI_EXIT_USAGE;
    if (errors || too_many) return CLI_EXIT_ERRORS;
    return CLI_EXIT_OK;
}

int ochre_cmd_check(int argc, char **argv) {
    double t0 = now_seconds();
    // Every file allocates and frees a parse and an analysis of similar
    // sizes. By default glibc hands freed heap tops back to the kernel and
    // faults the pages in again for the next file: on a tree of small files
    // that was most of the system time. Keep up to 256 MiB of free heap.
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    CheckArgs a;
    int status = parse_args(argc, argv, &a);
    if (status >= 0) {
        och_vec_free(&a.paths);
        return status;
    }
    char cwd_buf[PATH_MAX];
    if (!getcwd(cwd_buf, sizeof cwd_buf)) {
        fprintf(stderr, "ochre check: cannot get the working directory: %s\n", strerror(errno));
        och_vec_free(&a.paths);
        return CLI_EXIT_USAGE;
    }

    // Configuration given on the command line.
    ChkConfig *forced = NULL;
    if (a.config) {
        OchBuf errs = {0};
        if (chk_config_load(a.config, a.config, &forced, &errs) != OCH_OK) {
            fputs(errs.data ? errs.data : "", stderr);
            och_buf_free(&errs);
            och_vec_free(&a.paths);
            return CLI_EXIT_USAGE;
        }
        och_buf_free(&errs);
    }
    ChkConfigFinder finder;
    chk_config_finder_init(&finder, forced, cwd_buf);

    // Plan: walk and discover configurations, before anything is checked,
    // so that a bad configuration stops the run with nothing half-reported.
    ChkPlan plan;
    chk_plan_init(&plan, &finder, cwd_buf);
    if (!a.paths.len) och_vec_push(&a.paths, ".");
    for (uint32_t i = 0; i < a.paths.len; i++) {
        if (strcmp(a.paths.items[i], "-") == 0) chk_plan_add_stdin(&plan, a.stdin_filename);
        else chk_plan_add_path(&plan, a.paths.items[i]);
    }
    chk_plan_finish(&plan);
    if (a.fix) chk_plan_drop_aliases(&plan);
    if (plan.notes.len) fputs(plan.notes.data, stderr);
    if (finder.failed) {
        fputs(finder.errors.data ? finder.errors.data : "", stderr);
        status = CLI_EXIT_USAGE;
    } else {
        status = check_all(&a, &plan, cwd_buf, t0);
    }

    chk_plan_free(&plan);
    chk_config_finder_free(&finder);
    och_vec_free(&a.paths);
    an_globals_cache_free();  // the workers have joined: nothing uses the tables now
    return status;
}
