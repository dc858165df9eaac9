// Micro-benchmarks of the heap (allocation rate, collection time per MB
// live, rope flattening, atom lookups). Internal API: links against
// libochre_engine.a. Run: bench/heap/run.sh. Figures go to bench/RESULTS.md.
#include <stdio.h>
#include <time.h>

#include "runtime_int.h"

typedef struct Node {
    EnInternalCell base;
    EnValue next;
    EnValue payload;
} Node;

static void node_trace(EnGCTracer *t, void *cell) {
    Node *n = cell;
    en_gc_mark_value(t, n->next);
    en_gc_mark_value(t, n->payload);
}
static const EnCellOps node_ops = {node_trace, NULL, NULL};

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static Node *node(EnContext *cx) {
    Node *n = en_gc_alloc(cx, EN_CELL_INTERNAL, sizeof(Node));
    n->base.ops = &node_ops;
    n->next = n->payload = EN_UNDEFINED;
    return n;
}

int main(void) {
    EnRuntime *rt = en_runtime_new(NULL);
    EnContext cx = {.rt = rt};
    EnHandleScope hs;
    en_handle_scope_open(&cx, &hs);
    EnHeapStats st0, st1;

    // 1. Allocation rate: 32-byte cells, a window of 1000 kept alive.
    uint32_t n = 20000000;
    EnValue *keep = en_handle(&cx, EN_UNDEFINED);
    en_gc_stats(rt, &st0);
    double t0 = now_s();
    for (uint32_t i = 0; i < n; i++) {
        Node *nd = node(&cx);
        if (i % 1000 == 0) *keep = EN_UNDEFINED;
        nd->next = *keep;
        *keep = en_ptr_value(EN_TAG_CELL, nd);
    }
    double t1 = now_s();
    en_gc_stats(rt, &st1);
    printf("alloc: %u cells of %zu B in %.3f s = %.1f M cells/s (%.0f MB/s), %llu collections, %.1f%% in GC\n",
           n, sizeof(Node), t1 - t0, n / (t1 - t0) / 1e6, n * 32.0 / (t1 - t0) / 1e6,
           (unsigned long long)(st1.collections - st0.collections),
           100.0 * (double)(st1.gc_ns - st0.gc_ns) / 1e9 / (t1 - t0));
    *keep = EN_UNDEFINED;

    // 2. Collection time per MB live: a linked list of 2M nodes (64 MB).
    uint32_t live = 2000000;
    EnValue *head = en_handle(&cx, EN_UNDEFINED);
    for (uint32_t i = 0; i < live; i++) {
        Node *nd = node(&cx);
        nd->next = *head;
        *head = en_ptr_value(EN_TAG_CELL, nd);
    }
    en_gc_collect(rt);
    en_gc_stats(rt, &st0);
    int reps = 5;
    t0 = now_s();
    for (int r = 0; r < reps; r++) en_gc_collect(rt);
    t1 = now_s();
    double mb = (double)st0.live_bytes / (1024.0 * 1024.0);
    printf("collect: %.1f MB live (%u cells): %.2f ms per collection = %.3f ms/MB\n", mb, live,
           (t1 - t0) * 1e3 / reps, (t1 - t0) * 1e3 / reps / mb);
    *head = EN_UNDEFINED;
    en_gc_collect(rt);

    // 3. Ropes: 1e6 one-unit concatenations, then one flatten.
    EnValue *acc = en_handle(&cx, en_string_value(en_str_from_cstr(&cx, "start-of-a-long-string-")));
    t0 = now_s();
    for (uint32_t i = 0; i < 1000000; i++)
        *acc = en_string_value(en_str_concat(&cx, en_as_string(*acc), en_str_from_unit(&cx, 'a' + i % 26)));
    t1 = now_s();
    EnString *flat = en_str_flatten(&cx, en_as_string(*acc));
    double t2 = now_s();
    printf("rope: 1e6 concats %.1f ms, flatten of %u units %.1f ms\n", (t1 - t0) * 1e3, en_str_length(flat),
           (t2 - t1) * 1e3);
    *acc = EN_UNDEFINED;

    // 4. Atom lookups of existing names (the property-key path).
    const char *names[] = {"length", "prototype", "constructor", "toString", "valueOf", "x", "y", "children"};
    for (int i = 0; i < 8; i++) en_handle(&cx, en_string_value(en_atom_from_cstr(&cx, names[i])));
    t0 = now_s();
    uint64_t sum = 0;
    for (uint32_t i = 0; i < 10000000; i++) sum += (uintptr_t)en_atom_from_cstr(&cx, names[i & 7]);
    t1 = now_s();
    printf("atoms: %.1f M lookups/s (%llu)\n", 1e7 / (t1 - t0) / 1e6, (unsigned long long)(sum & 1));

    en_handle_scope_close(&hs);
    en_gc_stats(rt, &st1);
    printf("total: %llu collections, %.1f ms in GC, peak %.1f MB\n", (unsigned long long)st1.collections,
           st1.gc_ns / 1e6, st1.peak_bytes / 1048576.0);
    en_runtime_free(rt);
    return 0;
}
