// bench_incr: time of an incremental re-parse after a one-character edit
// in the middle of a file, ochre (ps_reparse) against tree-sitter
// (ts_tree_edit + ts_parser_parse with the old tree), same edits, same run.
//
//   bench_incr [--iters N] [--script|--module] FILE...
//
// For each file and edit kind (a character inserted inside an identifier,
// a `;` inserted between two statements of a function body, a character
// inserted inside a string literal; each near the middle of the file), the
// edit is applied and undone alternately, N times each (two fixed buffers,
// so no copying is timed), and each step is re-parsed incrementally by both
// parsers. Prints tab-separated lines:
//   time  TOOL  FILE  KIND  MEDIAN_SECONDS  P90_SECONDS
// TOOL: ochre (ps_reparse), ochre-settle (ps_parse_settle afterwards: the
// lazy offset shift, paid once by the first consumer of positions),
// ochre-full (a full ps_parse, for reference), tree-sitter.
// Before timing, ochre's incremental tree is checked against a full parse
// (ESTree JSON and diagnostics) for each kind.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <tree_sitter/api.h>

#include "parser.h"

const TSLanguage *tree_sitter_javascript(void);

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void report(const char *tool, const char *file, const char *kind, double *t, int n) {
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    printf("time\t%s\t%s\t%s\t%.9f\t%.9f\n", tool, file, kind, t[n / 2], t[(n * 9) / 10]);
}

// Finds, from the middle of the tree, the edit of the given kind: the
// byte offset where one character is inserted and which character.
typedef struct Find {
    uint32_t mid;
    int kind;  // 0 identifier, 1 function body, 2 string
    uint32_t pos;
    bool found;
} Find;

static bool find_cb(PsNode *n, void *ctx) {
    Find *f = ctx;
    if (f->found) return false;
    if (n->end < f->mid) return true;  // entirely before the middle
    switch (f->kind) {
    case 0:
        if (n->kind == PS_NODE_IDENTIFIER && n->start >= f->mid && n->end - n->start >= 2) {
            f->pos = n->start + 1;
            f->found = true;
            return false;
        }
        break;
    case 1:
        if ((n->kind == PS_NODE_FUNCTION_DECL || n->kind == PS_NODE_FUNCTION_EXPR) &&
            n->start >= f->mid) {
            PsNode *body = PS_AS(PsFunction, n)->body;
            PsListNode *b = PS_AS(PsListNode, body);
            if (body->kind == PS_NODE_BLOCK && b->items.count >= 2) {
                f->pos = b->items.items[1]->start;
                f->found = true;
                return false;
            }
        }
        break;
    case 2:
        if (n->kind == PS_NODE_LITERAL && n->op == PS_LIT_STRING && n->start >= f->mid &&
            n->end - n->start >= 4) {
            f->pos = n->start + 1;
            f->found = true;
            return false;
        }
        break;
    }
    ps_node_for_each_child(n, find_cb, f);
    return !f->found;
}

static TSPoint point_at(const char *s, uint32_t off) {
    TSPoint p = {0, 0};
    for (uint32_t i = 0; i < off; i++) {
        if (s[i] == '\n') {
            p.row++;
            p.column = 0;
        } else {
            p.column++;
        }
    }
    return p;
}

static bool same_as_full(PsParse *inc, const char *src, uint32_t len, const PsOptions *o) {
    PsParse *full = ps_parse(src, len, o);
    OchBuf a = {0}, b = {0};
    ps_estree_write(inc, &a);
    ps_estree_write(full, &b);
    bool same = a.len == b.len && memcmp(a.data, b.data, a.len) == 0 &&
                inc->diags.v.len == full->diags.v.len;
    for (uint32_t i = 0; same && i < inc->diags.v.len; i++)
        same = inc->diags.v.items[i].span.start == full->diags.v.items[i].span.start &&
               inc->diags.v.items[i].code == full->diags.v.items[i].code &&
               strcmp(inc->diags.v.items[i].message, full->diags.v.items[i].message) == 0;
    och_buf_free(&a);
    och_buf_free(&b);
    ps_parse_free(full);
    return same;
}

int main(int argc, char **argv) {
    int iters = 200;
    PsGoal goal = PS_GOAL_SCRIPT;
    TSParser *tsp = ts_parser_new();
    if (!ts_parser_set_language(tsp, tree_sitter_javascript())) {
        fprintf(stderr, "bench_incr: grammar ABI not supported by libtree-sitter\n");
        return 2;
    }
    static const char *const kinds[] = {"identifier", "function-body", "string"};
    static const char ins_char[] = {'x', ';', 'x'};
    int status = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--iters") && i + 1 < argc) {
            iters = atoi(argv[++i]);
            continue;
        }
        if (!strcmp(argv[i], "--script")) {
            goal = PS_GOAL_SCRIPT;
            continue;
        }
        if (!strcmp(argv[i], "--module")) {
            goal = PS_GOAL_MODULE;
            continue;
        }
        char *a;
        size_t len;
        if (ps_source_read_file(argv[i], &a, &len) != OCH_OK) {
            fprintf(stderr, "bench_incr: cannot read %s\n", argv[i]);
            return 2;
        }
        PsOptions o;
        ps_options_default(&o);
        o.goal = goal;
        o.tolerant = true;
        const char *name = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        double *t_ochre = malloc(sizeof(double) * (size_t)iters);
        double *t_settle = malloc(sizeof(double) * (size_t)iters);
        double *t_ts = malloc(sizeof(double) * (size_t)iters);
        double *t_full = malloc(sizeof(double) * 5);
        for (int k = 0; k < 3; k++) {
            PsParse *tree = ps_parse(a, len, &o);
            Find f = {(uint32_t)(len / 2), k, 0, false};
            ps_node_for_each_child(tree->root, find_cb, &f);
            if (!f.found) {
                fprintf(stderr, "bench_incr: no %s edit found in %s\n", kinds[k], name);
                ps_parse_free(tree);
                continue;
            }
            // b = a with the character inserted at f.pos.
            char *b = och_malloc(len + 1 + PS_SOURCE_PADDING);
            memcpy(b, a, f.pos);
            b[f.pos] = ins_char[k];
            memcpy(b + f.pos + 1, a + f.pos, len - f.pos);
            memset(b + len + 1, 0, PS_SOURCE_PADDING);
            PsEdit ins = {f.pos, f.pos, f.pos + 1}, del = {f.pos, f.pos + 1, f.pos};
            TSPoint p0 = point_at(a, f.pos), p1 = {p0.row, p0.column + 1};
            TSInputEdit ts_ins = {f.pos, f.pos, f.pos + 1, p0, p0, p1};
            TSInputEdit ts_del = {f.pos, f.pos + 1, f.pos, p0, p1, p0};

            // Correctness first (both directions).
            tree = ps_reparse(tree, b, len + 1, &ins, 1);
            if (!same_as_full(tree, b, (uint32_t)len + 1, &o)) {
                fprintf(stderr, "bench_incr: %s %s: incremental != full after the edit\n", name,
                        kinds[k]);
                status = 1;
            }
            fprintf(stderr, "bench_incr: %s %s: edit at %u, re-parsed bytes %u-%u (%u bytes%s)\n",
                    name, kinds[k], f.pos, tree->last_reparse.start, tree->last_reparse.new_end,
                    tree->last_reparse.new_end - tree->last_reparse.start,
                    tree->last_reparse.full ? ", full parse" : "");
            tree = ps_reparse(tree, a, len, &del, 1);
            if (!same_as_full(tree, a, (uint32_t)len, &o)) {
                fprintf(stderr, "bench_incr: %s %s: incremental != full after the undo\n", name,
                        kinds[k]);
                status = 1;
            }
            ps_parse_settle(tree);

            for (int it = 0; it < iters; it++) {
                bool fwd = (it & 1) == 0;
                double t0 = now_s();
                tree = ps_reparse(tree, fwd ? b : a, fwd ? len + 1 : len, fwd ? &ins : &del, 1);
                double t1 = now_s();
                ps_parse_settle(tree);
                double t2 = now_s();
                t_ochre[it] = t1 - t0;
                t_settle[it] = t2 - t1;
            }
            ps_parse_free(tree);
            for (int it = 0; it < 5; it++) {
                double t0 = now_s();
                PsParse *full = ps_parse(a, len, &o);
                t_full[it] = now_s() - t0;
                ps_parse_free(full);
            }

            TSTree *tt = ts_parser_parse_string(tsp, NULL, a, (uint32_t)len);
            for (int it = 0; it < iters; it++) {
                bool fwd = (it & 1) == 0;
                double t0 = now_s();
                ts_tree_edit(tt, fwd ? &ts_ins : &ts_del);
                TSTree *nt = ts_parser_parse_string(tsp, tt, fwd ? b : a,
                                                    (uint32_t)(fwd ? len + 1 : len));
                double t1 = now_s();
                ts_tree_delete(tt);
                tt = nt;
                t_ts[it] = t1 - t0;
            }
            ts_tree_delete(tt);
            report("ochre", name, kinds[k], t_ochre, iters);
            report("ochre-settle", name, kinds[k], t_settle, iters);
            report("ochre-full", name, kinds[k], t_full, 5);
            report("tree-sitter", name, kinds[k], t_ts, iters);
            fflush(stdout);
            och_free(b);
        }
        free(t_ochre);
        free(t_settle);
        free(t_ts);
        free(t_full);
        och_free(a);
    }
    ts_parser_delete(tsp);
    return status;
}
