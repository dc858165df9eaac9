// bench_ochre: parse throughput of ochre's parser, in-process.
//
//   bench_ochre [--tolerant] [--min-time SECONDS] [--script|--module] FILE...
//
// Reads each file once, parses it once to warm up, then repeatedly (AST
// built, nothing printed) until --min-time (default 0.5 s) has passed, at
// least 3 times. Prints tab-separated lines for bench/parse/run.sh:
//   time  TOOL  FILE  BYTES  SECONDS_PER_PARSE
//   mem   TOOL  ARENA_USED_PER_BYTE  ARENA_RESERVED_PER_BYTE  PEAK_RSS_KB
// (arena figures are for the whole set of files: sum over files of the
// arena of one parse, divided by the total source size).
#include "parser.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    bool tolerant = false;
    double min_time = 0.5;
    PsGoal goal = PS_GOAL_SCRIPT;
    size_t total_bytes = 0, arena_used = 0, arena_reserved = 0;
    const char *tool = "ochre";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--tolerant") == 0) {
            tolerant = true;
            tool = "ochre-tolerant";
        } else if (strcmp(a, "--min-time") == 0 && i + 1 < argc) {
            min_time = atof(argv[++i]);
        } else if (strcmp(a, "--script") == 0) {
            goal = PS_GOAL_SCRIPT;
        } else if (strcmp(a, "--module") == 0) {
            goal = PS_GOAL_MODULE;
        } else if (a[0] == '-') {
            fprintf(stderr, "usage: bench_ochre [--tolerant] [--min-time S] "
                            "[--script|--module] FILE...\n");
            return 2;
        } else {
            char *src;
            size_t len;
            if (ps_source_read_file(a, &src, &len) != OCH_OK) {
                fprintf(stderr, "bench_ochre: cannot read %s: %s\n", a, strerror(errno));
                return 2;
            }
            PsOptions opts;
            ps_options_default(&opts);
            opts.goal = goal;
            opts.tolerant = tolerant;
            PsParse *p = ps_parse(src, len, &opts);  // warm-up, and memory figures
            if (ps_parse_has_errors(p))
                fprintf(stderr, "bench_ochre: warning: %s has syntax errors\n", a);
            arena_used += p->arena.total;
            arena_reserved += p->arena.reserved;
            ps_parse_free(p);
            size_t n = 0;
            double t0 = now_s(), t;
            do {
                p = ps_parse(src, len, &opts);
                ps_parse_free(p);
                n++;
                t = now_s() - t0;
            } while (t < min_time || n < 3);
            printf("time\t%s\t%s\t%zu\t%.9f\n", tool, a, len, t / (double)n);
            total_bytes += len;
            och_free(src);
        }
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double tb = total_bytes ? (double)total_bytes : 1;
    printf("mem\t%s\t%.2f\t%.2f\t%ld\n", tool, (double)arena_used / tb,
           (double)arena_reserved / tb, ru.ru_maxrss);
    return 0;
}
