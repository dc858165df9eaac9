// Keyed collections and weak references: the ordered hash table
// (hashmap_int.h) directly — growth, tombstones, compaction under live
// cursors, clear — and through the engine: Map/Set iteration while the
// table rehashes, WeakMap ephemerons, WeakRef and FinalizationRegistry
// under real collections ($262.gc), normally and with gc_stress.
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "hashmap_int.h"
#include "weakref_int.h"

// ---------------------------------------------------------------------------
// The table alone (int32 keys: no heap needed).

Test(collections, table_grows_and_keeps_insertion_order) {
    EnHashMap m;
    en_hm_init(&m);
    for (int i = 0; i < 100000; i++) en_hm_set(&m, en_int32(i * 7), en_int32(i));
    cr_assert_eq(m.live, 100000u);
    for (int i = 0; i < 100000; i++) {
        EnHmEntry *e = en_hm_find(&m, en_int32(i * 7));
        cr_assert_not_null(e);
        cr_assert_eq(en_as_int32(e->value), i);
    }
    cr_assert_null(en_hm_find(&m, en_int32(1)));
    // Updating keeps the position.
    en_hm_set(&m, en_int32(0), en_int32(-1));
    uint32_t pos = 0;
    EnHmEntry *first = en_hm_next(&m, &pos);
    cr_assert_eq(en_as_int32(first->key), 0);
    cr_assert_eq(en_as_int32(first->value), -1);
    en_hm_free(&m);
}

Test(collections, number_keys_are_same_value_zero) {
    EnHashMap m;
    en_hm_init(&m);
    EnValue k = en_double(-0.0);
    cr_assert(en_hm_key_fast(&k));
    en_hm_set(&m, k, en_int32(1));
    EnValue z = en_int32(0), one_d = en_double(1.0), nan1 = en_double(NAN), nan2 = en_double(0.0 / 0.0);
    cr_assert(en_hm_key_fast(&z) && en_hm_key_fast(&one_d) && en_hm_key_fast(&nan1) && en_hm_key_fast(&nan2));
    cr_assert_not_null(en_hm_find(&m, z));
    en_hm_set(&m, en_int32(1), en_int32(2));
    cr_assert_eq(en_as_int32(en_hm_find(&m, one_d)->value), 2);
    en_hm_set(&m, nan1, en_int32(3));
    cr_assert_eq(en_as_int32(en_hm_find(&m, nan2)->value), 3);
    cr_assert_eq(m.live, 3u);
    en_hm_free(&m);
}

Test(collections, cursor_survives_compaction_and_sees_later_entries) {
    EnHashMap m;
    en_hm_init(&m);
    for (int i = 0; i < 1000; i++) en_hm_set(&m, en_int32(i), EN_UNDEFINED);
    uint32_t pos = 0;
    en_hm_cursor_add(&m, NULL, &pos);
    for (int i = 0; i < 500; i++) cr_assert_eq(en_as_int32(en_hm_next(&m, &pos)->key), i);
    uint32_t cap_before = m.cap;
    // Deleting most entries shrinks (rehashes) the table under the cursor.
    for (int i = 0; i < 990; i++) cr_assert(en_hm_delete(&m, en_int32(i)));
    cr_assert_lt(m.cap, cap_before, "the table should have compacted");
    // Re-adding deleted keys appends them after the survivors.
    en_hm_set(&m, en_int32(3), EN_UNDEFINED);
    // Growth after the cursor: more entries than the capacity.
    for (int i = 2000; i < 2100; i++) en_hm_set(&m, en_int32(i), EN_UNDEFINED);
    int expect = 990, n = 0;
    EnHmEntry *e;
    while ((e = en_hm_next(&m, &pos)) != NULL) {
        int k = en_as_int32(e->key);
        if (expect < 1000) cr_assert_eq(k, expect++);
        else if (expect == 1000) {
            cr_assert_eq(k, 3);
            expect = 2000;
        } else {
            cr_assert_eq(k, expect++);
        }
        n++;
    }
    cr_assert_eq(n, 10 + 1 + 100);
    en_hm_cursor_remove(&m, &pos);
    cr_assert_eq(m.ncursors, 0u);
    en_hm_free(&m);
}

Test(collections, tombstones_are_squeezed_out_without_growth) {
    EnHashMap m;
    en_hm_init(&m);
    // Churn: a queue of 16 live keys through 100000 insertions.
    for (int i = 0; i < 100000; i++) {
        en_hm_set(&m, en_int32(i), EN_UNDEFINED);
        if (i >= 16) cr_assert(en_hm_delete(&m, en_int32(i - 16)));
    }
    cr_assert_eq(m.live, 16u);
    cr_assert_leq(m.cap, 64u, "capacity %u grew with tombstones", m.cap);
    en_hm_free(&m);
}

Test(collections, clear_moves_cursors_to_the_start) {
    EnHashMap m;
    en_hm_init(&m);
    for (int i = 0; i < 100; i++) en_hm_set(&m, en_int32(i), EN_UNDEFINED);
    uint32_t pos = 0;
    en_hm_cursor_add(&m, NULL, &pos);
    for (int i = 0; i < 50; i++) en_hm_next(&m, &pos);
    en_hm_clear(&m);
    cr_assert_eq(pos, 0u);
    en_hm_set(&m, en_int32(42), EN_UNDEFINED);
    EnHmEntry *e = en_hm_next(&m, &pos);
    cr_assert_not_null(e);
    cr_assert_eq(en_as_int32(e->key), 42);
    cr_assert_null(en_hm_next(&m, &pos));
    en_hm_free(&m);
}

// ---------------------------------------------------------------------------
// Through the engine.

typedef struct Env {
    EnRuntime *rt;
    EnContext *cx;
} Env;

static void env_open(Env *e, bool stress) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    e->rt = en_runtime_new(&lim);
    e->cx = en_context_new(e->rt);
    cr_assert_not_null(e->cx);
    en_context_install_test262(e->cx);
}

static void env_close(Env *e) {
    en_context_free(e->cx);
    en_runtime_free(e->rt);
}

// Evaluates src; the result must be the string `want`.
static void expect_str(Env *e, const char *src, const char *want) {
    EnEvalOptions opts;
    en_eval_options_default(&opts);
    EnValue v;
    EnStatus st = en_eval(e->cx, src, strlen(src), &opts, &v);
    if (st != EN_STATUS_OK) {
        OchBuf b = {0};
        en_exception_report(e->cx, en_exception_take(e->cx), &b);
        cr_assert_fail("%s threw: %.*s", src, (int)b.len, b.data ? b.data : "");
    }
    cr_assert(en_is_string(v), "%s: not a string", src);
    OchBuf b = {0};
    en_str_to_utf8(e->cx, en_as_string(v), &b);
    cr_expect(b.len == strlen(want) && memcmp(b.data, want, b.len) == 0, "%s: got '%.*s', want '%s'", src,
              (int)b.len, b.data, want);
    och_buf_free(&b);
}

static void run(Env *e, const char *src) {
    EnEvalOptions opts;
    en_eval_options_default(&opts);
    EnValue v;
    cr_assert_eq(en_eval(e->cx, src, strlen(src), &opts, &v), EN_STATUS_OK, "%s threw", src);
}

static void iteration_under_rehash(bool stress) {
    Env e;
    env_open(&e, stress);
    int n = stress ? 300 : 3000;
    char src[1024];
    snprintf(src, sizeof src,
             "var m = new Map(); for (let i = 0; i < %d; i++) m.set('k' + i, i);"
             "var its = [m.keys(), m.values(), m.entries()]; its.forEach(it => it.next());"
             "for (let i = 0; i < %d - 5; i++) m.delete('k' + i);"
             "m.set('tail', -1); $262.gc();"
             "its.map(it => [...it].map(String).join('|')).join(' / ')",
             n, n);
    char want[512];
    snprintf(want, sizeof want,
             "k%d|k%d|k%d|k%d|k%d|tail / %d|%d|%d|%d|%d|-1 / k%d,%d|k%d,%d|k%d,%d|k%d,%d|k%d,%d|tail,-1", n - 5,
             n - 4, n - 3, n - 2, n - 1, n - 5, n - 4, n - 3, n - 2, n - 1, n - 5, n - 5, n - 4, n - 4, n - 3, n - 3,
             n - 2, n - 2, n - 1, n - 1);
    expect_str(&e, src, want);
    env_close(&e);
}

Test(collections, map_iterators_follow_rehash) { iteration_under_rehash(false); }
Test(collections, map_iterators_follow_rehash_gc_stress) { iteration_under_rehash(true); }

static void dead_iterators_drop_cursors(bool stress) {
    Env e;
    env_open(&e, stress);
    run(&e, "var s = new Set([1, 2, 3]); for (let i = 0; i < 200; i++) s.values().next(); var keep = s.values();");
    run(&e, "$262.gc()");
    EnValue s = en_get(e.cx, en_object_value(e.cx->global), en_key_atom(en_atom_from_cstr(e.cx, "s")));
    cr_assert(en_is_object(s));
    // Only `keep` is still registered.
    cr_assert_eq(((EnCollection *)en_as_object(s))->hm.ncursors, 1u);
    expect_str(&e, "[...keep].join()", "1,2,3");
    cr_assert_eq(((EnCollection *)en_as_object(s))->hm.ncursors, 0u);
    env_close(&e);
}

Test(collections, dead_iterators_drop_their_cursors) { dead_iterators_drop_cursors(false); }
Test(collections, dead_iterators_drop_their_cursors_gc_stress) { dead_iterators_drop_cursors(true); }

static void weak_keys_are_collected(bool stress) {
    Env e;
    env_open(&e, stress);
    run(&e, "var wm = new WeakMap(), ws = new WeakSet(), live = [];"
            "(function () { for (let i = 0; i < 100; i++) { const k = { i }; wm.set(k, { payload: i });"
            "ws.add(k); if (i % 10 === 0) live.push(k); } })();"
            "wm.set(Symbol('dies'), 1);");
    run(&e, "$262.gc()");
    EnValue wm = en_get(e.cx, en_object_value(e.cx->global), en_key_atom(en_atom_from_cstr(e.cx, "wm")));
    EnValue ws = en_get(e.cx, en_object_value(e.cx->global), en_key_atom(en_atom_from_cstr(e.cx, "ws")));
    cr_assert_eq(((EnCollection *)en_as_object(wm))->hm.live, 10u);
    cr_assert_eq(((EnCollection *)en_as_object(ws))->hm.live, 10u);
    expect_str(&e, "live.map(k => wm.get(k).payload + (ws.has(k) ? 's' : '')).join()",
               "0s,10s,20s,30s,40s,50s,60s,70s,80s,90s");
    env_close(&e);
}

Test(collections, weak_keys_are_collected) { weak_keys_are_collected(false); }
Test(collections, weak_keys_are_collected_gc_stress) { weak_keys_are_collected(true); }

static void ephemeron_chains(bool stress) {
    Env e;
    env_open(&e, stress);
    // root -> (wm1) a -> (wm2) b -> (wm1) c: values live only through live
    // keys, across two tables; an unreachable cycle dies.
    run(&e, "var wm1 = new WeakMap(), wm2 = new WeakMap(), root = {};"
            "(function () { const a = { n: 'a' }, b = { n: 'b' }, c = { n: 'c' };"
            "wm1.set(root, a); wm2.set(a, b); wm1.set(b, c);"
            "const x = {}, y = {}; wm1.set(x, y); wm2.set(y, x); })();");
    run(&e, "$262.gc()");
    expect_str(&e, "var a = wm1.get(root), b = wm2.get(a); [a.n, b.n, wm1.get(b).n].join()", "a,b,c");
    EnValue w1 = en_get(e.cx, en_object_value(e.cx->global), en_key_atom(en_atom_from_cstr(e.cx, "wm1")));
    EnValue w2 = en_get(e.cx, en_object_value(e.cx->global), en_key_atom(en_atom_from_cstr(e.cx, "wm2")));
    cr_assert_eq(((EnCollection *)en_as_object(w1))->hm.live, 2u);
    cr_assert_eq(((EnCollection *)en_as_object(w2))->hm.live, 1u);
    env_close(&e);
}

Test(collections, ephemeron_chains_across_tables) { ephemeron_chains(false); }
Test(collections, ephemeron_chains_across_tables_gc_stress) { ephemeron_chains(true); }

static void weakref_lifetime(bool stress) {
    Env e;
    env_open(&e, stress);
    run(&e, "var r = new WeakRef({ v: 1 }), kept = {}, r2 = new WeakRef(kept);");
    // Kept alive until the end of the job (AddToKeptObjects).
    run(&e, "$262.gc()");
    expect_str(&e, "String(r.deref().v)", "1");
    cr_assert(en_weak_after_job(e.cx));  // ClearKeptObjects
    run(&e, "$262.gc()");
    expect_str(&e, "String(r.deref()) + (r2.deref() === kept)", "undefinedtrue");
    env_close(&e);
}

Test(collections, weakref_target_lives_until_the_job_ends) { weakref_lifetime(false); }
Test(collections, weakref_target_lives_until_the_job_ends_gc_stress) { weakref_lifetime(true); }

static void finalization_callbacks(bool stress) {
    Env e;
    env_open(&e, stress);
    run(&e, "var log = [], tok = {};"
            "var fr = new FinalizationRegistry(h => log.push(h));"
            "(function () { fr.register({}, 'a'); fr.register({}, 'b', tok); fr.register({}, 'c'); })();"
            "var alive = {}; fr.register(alive, 'never');"
            "fr.unregister(tok);");
    cr_assert(en_weak_after_job(e.cx));
    run(&e, "$262.gc()");
    // Nothing runs synchronously: the callbacks are jobs.
    expect_str(&e, "log.join()", "");
    cr_assert(en_weak_after_job(e.cx));
    cr_assert_eq(en_run_jobs(e.cx), EN_STATUS_OK);
    expect_str(&e, "log.sort().join()", "a,c");
    // A registry that dies first never calls back.
    run(&e, "(function () { const f2 = new FinalizationRegistry(h => log.push('f2')); f2.register({}, 1); })();");
    cr_assert(en_weak_after_job(e.cx));
    run(&e, "$262.gc()");
    cr_assert(en_weak_after_job(e.cx));
    cr_assert_eq(en_run_jobs(e.cx), EN_STATUS_OK);
    expect_str(&e, "log.join()", "a,c");
    env_close(&e);
}

Test(collections, finalization_registry_cleanup_jobs) { finalization_callbacks(false); }
Test(collections, finalization_registry_cleanup_jobs_gc_stress) { finalization_callbacks(true); }
