// Promise internals through the C API (promise_int.h): en_promise_new /
// resolve_fn / reject_fn / then_native, the unhandled-rejection list, and
// the time limit stopping a long Array builtin. Each case runs normally and
// with gc_stress.
#include <criterion/criterion.h>
#include <string.h>

#include "promise_int.h"

typedef struct PEnv {
    EnRuntime *rt;
    EnContext *cx;
} PEnv;

static void penv_open(PEnv *e, bool stress, uint64_t time_limit_ms) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    lim.time_limit_ms = time_limit_ms;
    e->rt = en_runtime_new(&lim);
    e->cx = en_context_new(e->rt);
    cr_assert_not_null(e->cx);
}

static void penv_close(PEnv *e) {
    en_context_free(e->cx);
    en_runtime_free(e->rt);
}

static EnStatus eval(PEnv *e, const char *src, EnValue *out) {
    EnEvalOptions opts;
    en_eval_options_default(&opts);
    return en_eval(e->cx, src, strlen(src), &opts, out);
}

static void expect_global_string(PEnv *e, const char *expr, const char *want) {
    EnValue v;
    cr_assert_eq(eval(e, expr, &v), EN_STATUS_OK, "%s threw", expr);
    cr_assert(en_is_string(v), "%s: not a string", expr);
    cr_expect(en_str_equal_cstr(e->cx, en_as_string(v), want), "%s: unexpected value", expr);
}

// Native reaction: stores its argument in globalThis.seen.
static EnValue on_settled(EnContext *cx, const EnArgs *a) {
    EnValue *slot = en_native_slot(a->callee, 0);
    EnString *k = en_atom_from_cstr(cx, "seen");
    if (!k) return EN_EXCEPTION;
    EnValue v = en_arg(a, 0);
    if (en_is_int32(v)) v = en_int32(en_as_int32(v) + en_as_int32(*slot));
    return en_set(cx, en_object_value(cx->global), en_key_atom(k), v, true) ? EN_UNDEFINED : EN_EXCEPTION;
}

static void internal_api(bool stress) {
    PEnv e;
    penv_open(&e, stress, 0);
    EnHandleScope hs;
    en_handle_scope_open(e.cx, &hs);
    EnObject *p = en_promise_new(e.cx);
    cr_assert_not_null(p);
    EnValue *hp = en_handle(e.cx, en_object_value(p));
    EnObject *f = en_native_new(e.cx, on_settled, en_atom(e.cx, EN_ATOM_empty), 1, EN_NATIVE_NOT_CTOR, 1);
    cr_assert_not_null(f);
    *en_native_slot(f, 0) = en_int32(100);
    EnValue *hf = en_handle(e.cx, en_object_value(f));
    cr_assert(en_promise_then_native(e.cx, en_as_object(*hp), *hf, EN_UNDEFINED));
    cr_assert(en_promise_resolve_fn(e.cx, en_as_object(*hp), en_int32(5)));
    cr_expect_eq(((EnPromise *)en_as_object(*hp))->state, EN_PROMISE_FULFILLED);
    // Settled promises ignore later resolutions.
    cr_assert(en_promise_reject_fn(e.cx, en_as_object(*hp), en_int32(9)));
    cr_expect_eq(((EnPromise *)en_as_object(*hp))->state, EN_PROMISE_FULFILLED);
    cr_assert_eq(en_run_jobs(e.cx), EN_STATUS_OK);
    EnValue v;
    cr_assert_eq(eval(&e, "seen", &v), EN_STATUS_OK);
    cr_expect(en_is_int32(v) && en_as_int32(v) == 105);
    // en_promise_resolve: a %Promise% instance is returned as is.
    EnValue r = en_promise_resolve(e.cx, *hp);
    cr_expect_eq(r, *hp);
    r = en_promise_resolve(e.cx, en_int32(1));
    cr_assert(en_is_object(r) && en_obj_class(en_as_object(r)) == EN_CLASS_PROMISE);
    // Thenables are adopted through a job.
    cr_assert_eq(eval(&e, "var q = Promise.resolve({ then(r) { r('adopted'); } }); var out = ''; q.then(x => { out = x; }); 0", &v),
                 EN_STATUS_OK);
    cr_assert_eq(en_run_jobs(e.cx), EN_STATUS_OK);
    expect_global_string(&e, "out", "adopted");
    en_handle_scope_close(&hs);
    penv_close(&e);
}

Test(builtins_promise, internal_api) { internal_api(false); }
Test(builtins_promise, internal_api_gc_stress) { internal_api(true); }

static void unhandled(bool stress) {
    PEnv e;
    penv_open(&e, stress, 0);
    EnValue v;
    cr_assert_eq(eval(&e, "var a = Promise.reject(1); var b = Promise.reject(2); b.catch(() => {}); "
                          "var c = new Promise((_, rej) => rej(3)); 0",
                      &v),
                 EN_STATUS_OK);
    cr_assert_eq(en_run_jobs(e.cx), EN_STATUS_OK);
    cr_expect_eq(en_promise_unhandled_count(e.cx), 2);
    // A handler attached later takes it off the list.
    cr_assert_eq(eval(&e, "a.then(null, () => {}); 0", &v), EN_STATUS_OK);
    cr_expect_eq(en_promise_unhandled_count(e.cx), 1);
    EnObject *left = en_promise_unhandled_at(e.cx, 0);
    cr_expect(en_is_int32(((EnPromise *)left)->result) && en_as_int32(((EnPromise *)left)->result) == 3);
    en_promise_unhandled_clear(e.cx);
    cr_expect_eq(en_promise_unhandled_count(e.cx), 0);
    cr_assert_eq(en_run_jobs(e.cx), EN_STATUS_OK);
    penv_close(&e);
}

Test(builtins_promise, unhandled_rejections) { unhandled(false); }
Test(builtins_promise, unhandled_rejections_gc_stress) { unhandled(true); }

// Long Array builtins poll en_poll_interrupt: the time limit ends them.
Test(builtins_promise, array_builtin_time_limit) {
    PEnv e;
    penv_open(&e, false, 200);
    EnValue v;
    EnStatus st = eval(&e, "var o = { length: 2 ** 52 }; Array.prototype.includes.call(o, 1)", &v);
    cr_expect_eq(st, EN_STATUS_TERMINATED);
    penv_close(&e);
}
