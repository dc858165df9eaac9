// bench_treesitter: parse throughput of tree-sitter-javascript (the pinned
// npm package's grammar, built by bench/parse/run.sh against Debian's
// libtree-sitter), with the same protocol and output as bench_ochre.c:
//   time  tree-sitter  FILE  BYTES  SECONDS_PER_PARSE
//   mem   tree-sitter  -  -  PEAK_RSS_KB
//
//   bench_treesitter [--min-time SECONDS] FILE...
#define _POSIX_C_SOURCE 200809L
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_javascript(void);

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    double min_time = 0.5;
    TSParser *parser = ts_parser_new();
    if (!ts_parser_set_language(parser, tree_sitter_javascript())) {
        fprintf(stderr, "bench_treesitter: grammar ABI not supported by libtree-sitter\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--min-time") == 0 && i + 1 < argc) {
            min_time = atof(argv[++i]);
            continue;
        }
        if (strcmp(argv[i], "--script") == 0 || strcmp(argv[i], "--module") == 0) continue;
        size_t len;
        char *src = read_all(argv[i], &len);
        if (!src) {
            fprintf(stderr, "bench_treesitter: cannot read %s\n", argv[i]);
            return 2;
        }
        TSTree *tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)len);  // warm-up
        if (ts_node_has_error(ts_tree_root_node(tree)))
            fprintf(stderr, "bench_treesitter: warning: %s has syntax errors\n", argv[i]);
        ts_tree_delete(tree);
        size_t n = 0;
        double t0 = now_s(), t;
        do {
            tree = ts_parser_parse_string(parser, NULL, src, (uint32_t)len);
            ts_tree_delete(tree);
            n++;
            t = now_s() - t0;
        } while (t < min_time || n < 3);
        printf("time\ttree-sitter\t%s\t%zu\t%.9f\n", argv[i], len, t / (double)n);
        free(src);
    }
    ts_parser_delete(parser);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("mem\ttree-sitter\t-\t-\t%ld\n", ru.ru_maxrss);
    return 0;
}
