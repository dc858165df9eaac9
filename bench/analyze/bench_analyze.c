// bench_analyze: cost of scope analysis and lint rules relative to parsing,
// in-process, per file.
//
//   bench_analyze [--min-time SECONDS] [--script|--module] FILE...
//
// For each file (read once, NUL-padded) it times, each repeated until
// --min-time (default 0.3 s) has passed and at least 3 times, after one
// warm-up run:
//   parse    ps_parse (tolerant mode, as the editor and `ochre check` use it)
//   analyze  an_analyze with lint rules off (scopes and early errors)
//   lint     an_analyze with every implemented lint rule on (default options)
// Analysis times exclude the parse (the same tree is analyzed repeatedly).
// Prints tab-separated lines for bench/analyze/run.sh:
//   time  FILE  BYTES  PARSE_S  ANALYZE_S  LINT_S  FINDINGS
#include "analyzer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

// Seconds per run of one configuration on an existing parse (parse NULL:
// time the parse itself).
static double time_runs(const char *src, size_t len, const PsOptions *po, const PsParse *parse,
                        const AnOptions *ao, double min_time, uint32_t *findings) {
    size_t n = 0;
    double t0 = now_s(), t;
    do {
        if (!parse) {
            ps_parse_free(ps_parse(src, len, po));
        } else {
            AnResult *r = an_analyze(parse, ao);
            if (findings) *findings = r->diags.v.len;
            an_result_free(r);
        }
        n++;
        t = now_s() - t0;
    } while (t < min_time || n < 3);
    return t / (double)n;
}

int main(int argc, char **argv) {
    double min_time = 0.3;
    PsGoal goal = PS_GOAL_SCRIPT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--min-time") == 0 && i + 1 < argc) {
            min_time = atof(argv[++i]);
        } else if (strcmp(a, "--script") == 0) {
            goal = PS_GOAL_SCRIPT;
        } else if (strcmp(a, "--module") == 0) {
            goal = PS_GOAL_MODULE;
        } else if (a[0] == '-') {
            fprintf(stderr, "usage: bench_analyze [--min-time S] [--script|--module] FILE...\n");
            return 2;
        } else {
            char *src;
            size_t len;
            if (ps_source_read_file(a, &src, &len) != OCH_OK) {
                fprintf(stderr, "bench_analyze: cannot read %s: %s\n", a, strerror(errno));
                return 2;
            }
            PsOptions po;
            ps_options_default(&po);
            po.goal = goal;
            po.tolerant = true;
            PsParse *p = ps_parse(src, len, &po);
            AnOptions plain, lint;
            an_options_default(&plain);
            an_options_default(&lint);
            static AnRuleConfig every[AN_RULE_COUNT];
            for (uint32_t k = 0; k < AN_RULE_COUNT; k++) every[k] = (AnRuleConfig){AN_LEVEL_ERROR, NULL};
            lint.lint = true;
            lint.rules = every;
            an_result_free(an_analyze(p, &lint));  // warm-up
            uint32_t findings = 0;
            // BENCH_ONLY=analyze|lint times one configuration (for profiles).
            const char *only = getenv("BENCH_ONLY");
            bool all = !only;
            double tp = all ? time_runs(src, len, &po, NULL, NULL, min_time, NULL) : 0;
            double ta = all || !strcmp(only, "analyze") ? time_runs(src, len, &po, p, &plain, min_time, NULL) : 0;
            double tl = all || !strcmp(only, "lint") ? time_runs(src, len, &po, p, &lint, min_time, &findings) : 0;
            printf("time\t%s\t%zu\t%.9f\t%.9f\t%.9f\t%u\n", a, len, tp, ta, tl, findings);
            fflush(stdout);
            ps_parse_free(p);
            och_free(src);
        }
    }
    return 0;
}
