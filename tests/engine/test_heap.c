// Heap and collector tests: size classes, large objects, roots, the mark
// stack, ephemerons, weak slots, the weak atom table, gc_stress and the
// heap limit. They allocate only the heap helper's own cell types (strings,
// symbols) and a test-local EN_CELL_INTERNAL node, so they do not depend on
// the object model. Every behaviour runs twice: normally and in gc_stress.
#include <criterion/criterion.h>
#include <stdio.h>
#include <time.h>

#include "runtime_int.h"

// --- test-local cells --------------------------------------------------------

// A node: n traced value slots, plus `weak` (never traced) for weak tests.
typedef struct TNode {
    EnInternalCell base;
    uint32_t n;
    uint32_t tag;
    EnValue weak;
    EnValue v[];
} TNode;

static void tnode_trace(EnGCTracer *t, void *cell) {
    TNode *nd = cell;
    en_gc_mark_values(t, nd->v, nd->n);
}
static size_t tnode_size(const void *cell) {
    return sizeof(TNode) + ((const TNode *)cell)->n * sizeof(EnValue);
}
static const EnCellOps tnode_ops = {tnode_trace, NULL, tnode_size};

// Ephemeron table: entries (key -> value); keys and values are not traced
// strongly, the collector's fixpoint decides.
typedef struct TEphTable {
    EnInternalCell base;
    uint32_t n;
    uint32_t _pad;
    EnValue kv[];  // key, value pairs
} TEphTable;

static bool teph_step(EnGCTracer *t, void *table) {
    TEphTable *e = table;
    bool marked = false;
    for (uint32_t i = 0; i < e->n; i++) {
        EnValue k = e->kv[2 * i], v = e->kv[2 * i + 1];
        if (!en_is_cell(k) || !en_gc_is_marked(en_as_ptr(k))) continue;
        if (en_is_cell(v) && !en_gc_is_marked(en_as_ptr(v))) {
            en_gc_mark_value(t, v);
            marked = true;
        }
    }
    return marked;
}
static void teph_sweep(EnRuntime *rt, void *table) {
    (void)rt;
    TEphTable *e = table;
    for (uint32_t i = 0; i < e->n; i++) {
        EnValue k = e->kv[2 * i];
        if (en_is_cell(k) && !en_gc_is_marked(en_as_ptr(k))) {
            e->kv[2 * i] = EN_UNDEFINED;
            e->kv[2 * i + 1] = EN_UNDEFINED;
        }
    }
}
static const EnWeakCallbacks teph_cb = {teph_step, teph_sweep};
static void teph_trace(EnGCTracer *t, void *cell) { en_gc_add_ephemeron_table(t, cell, &teph_cb); }
static size_t teph_size(const void *cell) {
    return sizeof(TEphTable) + ((const TEphTable *)cell)->n * 2 * sizeof(EnValue);
}
static const EnCellOps teph_ops = {teph_trace, NULL, teph_size};

// Finalizations of test-local cells (and of chosen cells) in this process.
static uint64_t g_finalized;
static const void *g_watch;
static bool g_watch_died;
static void count_hook(void *cell) {
    const EnCell *c = cell;
    if (c->type == EN_CELL_INTERNAL) {
        const EnInternalCell *ic = cell;
        if (ic->ops == &tnode_ops || ic->ops == &teph_ops) g_finalized++;
    }
    if (cell == g_watch) g_watch_died = true;
}

typedef struct Env {
    EnRuntime *rt;
    EnContext cx;  // a bare context (no realm): enough for the heap API
    EnHandleScope hs;
} Env;

static void env_open(Env *e, bool stress, size_t max_heap) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    lim.max_heap_bytes = max_heap;
    e->rt = en_runtime_new(&lim);
    memset(&e->cx, 0, sizeof e->cx);
    e->cx.rt = e->rt;
    en_gc_set_finalize_hook(e->rt, count_hook);
    g_finalized = 0;
    g_watch = NULL;
    g_watch_died = false;
    en_handle_scope_open(&e->cx, &e->hs);
}

static void env_close(Env *e) {
    en_handle_scope_close(&e->hs);
    en_runtime_free(e->rt);
}

static TNode *tnode(Env *e, uint32_t n, uint32_t tag) {
    TNode *nd = en_gc_alloc(&e->cx, EN_CELL_INTERNAL, sizeof(TNode) + n * sizeof(EnValue));
    cr_assert_not_null(nd);
    nd->base.ops = &tnode_ops;
    nd->n = n;
    nd->tag = tag;
    nd->weak = EN_UNDEFINED;
    for (uint32_t i = 0; i < n; i++) nd->v[i] = EN_UNDEFINED;
    return nd;
}
static EnValue cellv(const void *p) { return en_ptr_value(EN_TAG_CELL, p); }
static TNode *as_node(EnValue v) { return (TNode *)en_as_ptr(v); }

#define BOTH_MODES(name)                                            \
    static void name##_body(bool stress);                           \
    Test(heap, name) { name##_body(false); }                        \
    Test(heap, name##_gc_stress) { name##_body(true); }             \
    static void name##_body(bool stress)

// --- tests -------------------------------------------------------------------

BOTH_MODES(every_size_class_and_large_objects_survive_when_rooted) {
    Env e;
    env_open(&e, stress, 0);
    // Every 8-byte size from the smallest node to the large-object limit,
    // plus large cells; each filled with a pattern checked after collecting.
    uint32_t count = 0;
    EnValue *first = NULL;
    for (size_t bytes = sizeof(TNode); bytes <= 3 * EN_GC_LARGE_OBJECT_BYTES; bytes += stress ? 504 : 8) {
        uint32_t n = (uint32_t)((bytes - sizeof(TNode)) / sizeof(EnValue));
        TNode *nd = tnode(&e, n, count);
        for (uint32_t i = 0; i < n; i++) nd->v[i] = en_int32((int32_t)(count * 7 + i));
        EnValue *h = en_handle(&e.cx, cellv(nd));
        if (!first) first = h;
        count++;
    }
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, 0);
    for (uint32_t k = 0; k < count; k++) {
        TNode *nd = as_node(first[k]);
        cr_assert_eq(nd->tag, k);
        for (uint32_t i = 0; i < nd->n; i++) cr_assert_eq(nd->v[i], en_int32((int32_t)(k * 7 + i)));
    }
    EnHeapStats st;
    en_gc_stats(e.rt, &st);
    cr_assert_gt(st.collections, 0);
    cr_assert_gt(st.live_bytes, 3 * EN_GC_LARGE_OBJECT_BYTES);
    // Unrooted, all die (finalizers run for every size class and large cells).
    e.rt->handles_top = e.hs.saved_top;
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, count);
    env_close(&e);
}

BOTH_MODES(rooted_cells_survive_and_unrooted_cells_die) {
    Env e;
    env_open(&e, stress, 0);
    uint32_t n = stress ? 2000 : 100000;
    TNode *root = tnode(&e, n / 2, 0);
    EnValue *hroot = en_handle(&e.cx, cellv(root));
    for (uint32_t i = 0; i < n; i++) {
        TNode *nd = tnode(&e, 1, i);
        if (i % 2 == 0) as_node(*hroot)->v[i / 2] = cellv(nd);
    }
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, n / 2);
    for (uint32_t i = 0; i < n / 2; i++) cr_assert_eq(as_node(as_node(*hroot)->v[i])->tag, 2 * i);
    // Allocation reuses freed cells: live bytes stay bounded over many rounds.
    for (int round = 0; round < 5; round++) {
        for (uint32_t i = 0; i < n / 2; i++) tnode(&e, 1, i);
    }
    en_gc_collect(e.rt);
    EnHeapStats st;
    en_gc_stats(e.rt, &st);
    cr_assert_lt(st.allocated_bytes, (size_t)n * 64 + 4u * 1024 * 1024);
    env_close(&e);
}

BOTH_MODES(mark_stack_handles_a_million_long_chain) {
    Env e;
    env_open(&e, stress, 0);
    uint32_t n = stress ? 3000 : 1000000;
    EnValue *head = en_handle(&e.cx, EN_UNDEFINED);
    for (uint32_t i = 0; i < n; i++) {
        TNode *nd = tnode(&e, 1, i);
        nd->v[0] = *head;
        *head = cellv(nd);
    }
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, 0);
    uint32_t len = 0;
    for (EnValue v = *head; en_is_cell(v); v = as_node(v)->v[0]) len++;
    cr_assert_eq(len, n);
    *head = EN_UNDEFINED;
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, n);
    env_close(&e);
}

static TEphTable *teph(Env *e, uint32_t n) {
    TEphTable *t = en_gc_alloc(&e->cx, EN_CELL_INTERNAL, sizeof(TEphTable) + n * 2 * sizeof(EnValue));
    cr_assert_not_null(t);
    t->base.ops = &teph_ops;
    t->n = n;
    for (uint32_t i = 0; i < 2 * n; i++) t->kv[i] = EN_UNDEFINED;
    return t;
}

BOTH_MODES(ephemeron_value_lives_only_while_its_key_lives) {
    Env e;
    env_open(&e, stress, 0);
    EnValue *ht = en_handle(&e.cx, cellv(teph(&e, 2)));
    EnValue *hk = en_handle(&e.cx, cellv(tnode(&e, 0, 1)));
    EnValue *hv = en_handle(&e.cx, cellv(tnode(&e, 0, 2)));
    TEphTable *t = en_as_ptr(*ht);
    t->kv[0] = *hk;
    t->kv[1] = *hv;
    *hv = EN_UNDEFINED;  // the value is reachable only through the entry
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, 0, "value kept while the key is alive");
    cr_assert_eq(as_node(t->kv[1])->tag, 2);
    *hk = EN_UNDEFINED;
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, 2, "key and value die together");
    cr_assert_eq(t->kv[0], EN_UNDEFINED);
    cr_assert_eq(t->kv[1], EN_UNDEFINED);
    env_close(&e);
}

BOTH_MODES(ephemeron_chain_is_resolved_by_the_fixpoint) {
    Env e;
    env_open(&e, stress, 0);
    uint32_t n = stress ? 50 : 2000;
    EnValue *ht = en_handle(&e.cx, cellv(teph(&e, n)));
    EnValue *hk0 = en_handle(&e.cx, EN_UNDEFINED);
    EnValue *prev = en_handle(&e.cx, EN_UNDEFINED);
    // Entries inserted in reverse order of the chain k0 -> k1 -> ... -> kn,
    // so each fixpoint round can only discover one more link.
    for (uint32_t i = 0; i <= n; i++) {
        EnValue k = cellv(tnode(&e, 0, i));
        if (i == 0) *hk0 = k;
        else {
            TEphTable *t = en_as_ptr(*ht);
            t->kv[2 * (n - i)] = *prev;
            t->kv[2 * (n - i) + 1] = k;
        }
        *prev = k;
    }
    *prev = EN_UNDEFINED;
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, 0, "the whole chain hangs off k0");
    *hk0 = EN_UNDEFINED;
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, n + 1);
    env_close(&e);
}

BOTH_MODES(weak_slots_are_cleared_and_owners_queued) {
    Env e;
    env_open(&e, stress, 0);
    EnValue *howner = en_handle(&e.cx, cellv(tnode(&e, 1, 1)));
    EnValue *hkeep = en_handle(&e.cx, cellv(tnode(&e, 0, 2)));
    EnValue target = cellv(tnode(&e, 0, 3));
    TNode *owner = as_node(*howner);
    owner->weak = target;
    en_gc_weak_register(e.rt, owner, &owner->weak, true);
    // A second owner watching a live target keeps it.
    EnValue *howner2 = en_handle(&e.cx, cellv(tnode(&e, 0, 4)));
    TNode *owner2 = as_node(*howner2);
    owner2->weak = *hkeep;
    en_gc_weak_register(e.rt, owner2, &owner2->weak, false);
    en_gc_collect(e.rt);
    cr_assert_eq(owner->weak, EN_UNDEFINED);
    cr_assert_eq(owner2->weak, *hkeep);
    cr_assert_eq(en_gc_take_cleared(e.rt), owner);
    cr_assert_null(en_gc_take_cleared(e.rt));
    // kept objects survive until cleared
    EnValue kept = cellv(tnode(&e, 0, 5));
    owner2->weak = kept;
    en_gc_weak_register(e.rt, owner2, &owner2->weak, false);
    en_gc_keep_alive(&e.cx, kept);
    en_gc_collect(e.rt);
    cr_assert_eq(owner2->weak, kept);
    en_gc_clear_kept(e.rt);
    en_gc_collect(e.rt);
    cr_assert_eq(owner2->weak, EN_UNDEFINED);
    env_close(&e);
}

BOTH_MODES(atom_table_is_weak) {
    Env e;
    env_open(&e, stress, 0);
    EnContext *cx = &e.cx;
    uint32_t before = 0;
    EnString *a = en_atom_from_cstr(cx, "an_atom_nobody_keeps");
    cr_assert(a->hdr.flags & EN_STR_ATOM);
    cr_assert_eq(en_atom_from_cstr(cx, "an_atom_nobody_keeps"), a, "interning finds the same cell");
    EnString *s = en_str_from_cstr(cx, "an_atom_nobody_keeps");
    cr_assert_eq(en_atom_intern(cx, s), a);
    g_watch = a;
    (void)before;
    en_gc_collect(e.rt);
    cr_assert(g_watch_died, "an unreferenced atom is collected");
    EnString *b = en_atom_from_cstr(cx, "an_atom_nobody_keeps");
    cr_assert(en_str_equal_cstr(cx, b, "an_atom_nobody_keeps"));
    cr_assert(b->hdr.flags & EN_STR_ATOM);
    // A rooted atom survives and stays the interned one.
    EnValue *hb = en_handle(cx, en_string_value(b));
    g_watch = b;
    g_watch_died = false;
    en_gc_collect(e.rt);
    cr_assert_not(g_watch_died);
    cr_assert_eq(en_atom_from_cstr(cx, "an_atom_nobody_keeps"), en_as_string(*hb));
    // Predefined atoms are strong.
    en_gc_collect(e.rt);
    cr_assert(en_str_equal_cstr(cx, en_atom(cx, EN_ATOM_length), "length"));
    cr_assert_eq(en_atom_from_cstr(cx, "prototype"), en_atom(cx, EN_ATOM_prototype));
    cr_assert_eq(en_atom_from_cstr(cx, ""), en_atom(cx, EN_ATOM_empty));
    // Many atoms: the table grows, and shrinks back once they die.
    for (int i = 0; i < (stress ? 300 : 20000); i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "atom_%d", i);
        EnString *x = en_atom_from_cstr(cx, buf);
        cr_assert_eq(en_atom_from_cstr(cx, buf), x);
    }
    en_gc_collect(e.rt);
    cr_assert_eq(en_atom_from_cstr(cx, "length"), en_atom(cx, EN_ATOM_length));
    env_close(&e);
}

Test(heap, gc_stress_collects_at_every_allocation) {
    Env e;
    env_open(&e, true, 0);
    EnHeapStats a, b;
    en_gc_stats(e.rt, &a);
    for (int i = 0; i < 100; i++) tnode(&e, 1, (uint32_t)i);
    en_gc_stats(e.rt, &b);
    cr_assert_geq(b.collections - a.collections, 100);
    cr_assert_eq(g_finalized, 99);
    env_close(&e);
}

BOTH_MODES(heap_limit_returns_null_without_crashing) {
    Env e;
    env_open(&e, stress, 4u * 1024 * 1024);
    EnValue *list = en_handle(&e.cx, EN_UNDEFINED);
    bool hit = false;
    for (int i = 0; i < 10000; i++) {
        TNode *nd = en_gc_alloc(&e.cx, EN_CELL_INTERNAL, sizeof(TNode) + 8000 * sizeof(EnValue));
        if (!nd) {
            hit = true;
            break;
        }
        nd->base.ops = &tnode_ops;
        nd->n = 1;
        nd->v[0] = *list;
        *list = cellv(nd);
    }
    cr_assert(hit, "the limit stops allocation");
    cr_assert(e.cx.terminating, "termination is pending");
    EnHeapStats st;
    en_gc_stats(e.rt, &st);
    cr_assert_leq(st.allocated_bytes, 4u * 1024 * 1024);
    // Dropping the data makes room again.
    *list = EN_UNDEFINED;
    e.cx.terminating = false;
    cr_assert_not_null(en_gc_alloc(&e.cx, EN_CELL_INTERNAL, sizeof(TNode) + 8000 * sizeof(EnValue)));
    env_close(&e);
}

BOTH_MODES(handle_scopes_nest_and_escape) {
    Env e;
    env_open(&e, stress, 0);
    EnHandleScope outer, inner;
    en_handle_scope_open(&e.cx, &outer);
    uint32_t top = e.rt->handles_top;
    en_handle_scope_open(&e.cx, &inner);
    for (int i = 0; i < 1000; i++) en_handle(&e.cx, cellv(tnode(&e, 0, (uint32_t)i)));
    EnValue kept = en_handle_scope_escape(&inner, cellv(tnode(&e, 0, 4242)));
    cr_assert_eq(e.rt->handles_top, top + 1);
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, 1000);
    cr_assert_eq(as_node(kept)->tag, 4242);
    en_handle_scope_close(&outer);
    en_gc_collect(e.rt);
    cr_assert_eq(g_finalized, 1001);
    env_close(&e);
}

BOTH_MODES(symbols_well_known_and_registry) {
    Env e;
    env_open(&e, stress, 0);
    EnContext *cx = &e.cx;
    EnSymbol *it = en_well_known_symbol(cx, EN_SYM_iterator);
    cr_assert(en_str_equal_cstr(cx, en_as_string(it->description), "Symbol.iterator"));
    cr_assert(en_str_equal_cstr(cx, en_as_string(en_well_known_symbol(cx, EN_SYM_asyncDispose)->description),
                                "Symbol.asyncDispose"));
    EnSymbol *a = en_sym_for(cx, en_str_from_cstr(cx, "app.key"));
    EnValue *ha = en_handle(cx, en_symbol_value(a));
    (void)ha;
    for (int i = 0; i < 50; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "k%d", i);
        en_sym_for(cx, en_str_from_cstr(cx, buf));
    }
    en_gc_collect(e.rt);
    EnValue *h1 = en_handle(cx, en_string_value(en_str_from_cstr(cx, "app.")));
    EnString *s2 = en_str_from_cstr(cx, "key");
    EnSymbol *b = en_sym_for(cx, en_str_concat(cx, en_as_string(*h1), s2));
    cr_assert_eq(a, b, "Symbol.for returns the registered symbol");
    cr_assert(en_str_equal_cstr(cx, en_as_string(en_sym_key_for(a)), "app.key"));
    EnSymbol *plain = en_sym_new(cx, en_string_value(en_str_from_cstr(cx, "app.key")));
    cr_assert_neq(plain, a);
    cr_assert_eq(en_sym_key_for(plain), EN_UNDEFINED);
    cr_assert_neq(plain->hash, a->hash);
    env_close(&e);
}

Test(heap, time_limit_arms_a_deadline) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.time_limit_ms = 50;
    EnRuntime *rt = en_runtime_new(&lim);
    cr_assert_eq(rt->deadline_ns, 0);
    en_runtime_arm_deadline(rt);
    cr_assert_gt(rt->deadline_ns, 0);
    en_runtime_disarm_deadline(rt);
    cr_assert_eq(rt->deadline_ns, 0);
    en_runtime_interrupt(rt);
    cr_assert(atomic_load(&rt->interrupt) & EN_INTERRUPT_REQUEST);
    en_runtime_free(rt);
}

// With a realm: an interrupt or an expired deadline makes en_poll_interrupt
// return false with an uncatchable termination pending, once.
Test(heap, interrupt_and_deadline_end_polling) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.time_limit_ms = 1;
    EnRuntime *rt = en_runtime_new(&lim);
    EnContext *cx = en_context_new(rt);
    cr_assert(en_poll_interrupt(cx));
    en_runtime_interrupt(rt);
    cr_assert_not(en_poll_interrupt(cx));
    cr_assert(cx->terminating);
    en_exception_take(cx);
    cr_assert(en_poll_interrupt(cx), "an interrupt is consumed by the poll that reports it");
    en_runtime_arm_deadline(rt);
    struct timespec ts = {0, 3000000};
    nanosleep(&ts, NULL);
    bool stopped = false;
    for (int i = 0; i < 5000 && !stopped; i++) stopped = !en_poll_interrupt(cx);
    cr_assert(stopped, "the deadline is noticed within a few thousand polls");
    cr_assert(cx->terminating);
    en_exception_take(cx);
    cr_assert(en_poll_interrupt(cx), "the expired deadline is disarmed");
    en_context_free(cx);
    en_runtime_free(rt);
}

BOTH_MODES(weak_registrations_die_with_their_owner_or_unregister) {
    Env e;
    env_open(&e, stress, 0);
    EnValue *htarget = en_handle(&e.cx, cellv(tnode(&e, 0, 1)));
    TNode *owner = tnode(&e, 0, 2);  // unrooted: dies at the next collection
    owner->weak = *htarget;
    en_gc_weak_register(e.rt, owner, &owner->weak, true);
    EnValue *hkept = en_handle(&e.cx, cellv(tnode(&e, 0, 3)));
    TNode *k = as_node(*hkept);
    k->weak = cellv(tnode(&e, 0, 4));
    en_gc_weak_register(e.rt, k, &k->weak, true);
    en_gc_weak_unregister(e.rt, &k->weak);
    *htarget = EN_UNDEFINED;
    en_gc_collect(e.rt);
    cr_assert_null(en_gc_take_cleared(e.rt), "no notification: one owner died, one unregistered");
    cr_assert_neq(k->weak, EN_UNDEFINED, "an unregistered slot is left alone (its cell is dead now)");
    env_close(&e);
}

Test(heap, external_memory_counts_toward_the_trigger) {
    Env e;
    env_open(&e, false, 0);
    EnHeapStats a, b;
    en_gc_stats(e.rt, &a);
    en_gc_account_external(&e.cx, 64 * 1024 * 1024);
    tnode(&e, 0, 0);
    en_gc_stats(e.rt, &b);
    cr_assert_eq(b.collections, a.collections + 1, "the external bytes reached the threshold");
    cr_assert_geq(b.allocated_bytes, 64u * 1024 * 1024);
    en_gc_account_external(&e.cx, -64 * 1024 * 1024);
    en_gc_stats(e.rt, &b);
    cr_assert_lt(b.allocated_bytes, 64u * 1024 * 1024);
    env_close(&e);
}

BOTH_MODES(symbols_without_description_and_atoms_from_utf8) {
    Env e;
    env_open(&e, stress, 0);
    EnContext *cx = &e.cx;
    EnSymbol *s = en_sym_new(cx, EN_UNDEFINED);
    cr_assert_eq(s->description, EN_UNDEFINED);
    EnString *a = en_atom_from_utf8(cx, "caf\xc3\xa9", 5);
    cr_assert(a->hdr.flags & EN_STR_ATOM);
    cr_assert_eq(en_str_length(a), 4);
    EnValue *ha = en_handle(cx, en_string_value(a));
    cr_assert_eq(en_atom_from_utf8(cx, "caf\xc3\xa9", 5), en_as_string(*ha));
    EnString *w = en_atom_from_utf8(cx, "\xe2\x82\xac", 3);
    cr_assert_not(en_str_is_latin1(w));
    EnValue *hw = en_handle(cx, en_string_value(w));
    cr_assert_eq(en_atom_from_utf8(cx, "\xe2\x82\xac", 3), en_as_string(*hw));
    // A rope is flattened and its flat string interned.
    EnValue *hl = en_handle(cx, en_string_value(en_str_from_cstr(cx, "a-long-property-name-")));
    EnString *r = en_str_concat(cx, en_as_string(*hl), en_str_from_cstr(cx, "suffix"));
    EnValue *hr = en_handle(cx, en_string_value(r));
    EnString *ar = en_atom_intern(cx, en_as_string(*hr));
    cr_assert(ar->hdr.flags & EN_STR_ATOM);
    cr_assert_eq(en_atom_from_cstr(cx, "a-long-property-name-suffix"), ar);
    env_close(&e);
}

// A WeakRef target reachable only as the value of a live ephemeron key is
// alive: weak slots are processed after the ephemeron fixpoint.
BOTH_MODES(weak_slots_see_ephemeron_reachability) {
    Env e;
    env_open(&e, stress, 0);
    EnValue *ht = en_handle(&e.cx, cellv(teph(&e, 1)));
    EnValue *hk = en_handle(&e.cx, cellv(tnode(&e, 0, 1)));
    EnValue *howner = en_handle(&e.cx, cellv(tnode(&e, 0, 2)));
    EnValue target = cellv(tnode(&e, 0, 3));
    TEphTable *t = en_as_ptr(*ht);
    t->kv[0] = *hk;
    t->kv[1] = target;
    TNode *owner = as_node(*howner);
    owner->weak = target;
    en_gc_weak_register(e.rt, owner, &owner->weak, true);
    en_gc_collect(e.rt);
    cr_assert_eq(owner->weak, target, "kept through the ephemeron");
    cr_assert_null(en_gc_take_cleared(e.rt));
    *hk = EN_UNDEFINED;
    en_gc_collect(e.rt);
    cr_assert_eq(owner->weak, EN_UNDEFINED, "cleared once the key died");
    cr_assert_eq(en_gc_take_cleared(e.rt), owner);
    env_close(&e);
}
