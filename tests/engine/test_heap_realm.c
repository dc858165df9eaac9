// Heap, runtime and Symbol tests that need a realm (en_context_new) and the
// interpreter: the heap limit and the time limit ending an evaluation, and
// the Symbol builtins (builtins/bi_symbol.c) observed from JS.
#include <criterion/criterion.h>
#include <stdio.h>

#include "runtime_int.h"

typedef struct REnv {
    EnRuntime *rt;
    EnContext *cx;
} REnv;

static void renv_open(REnv *e, bool stress, size_t max_heap, uint64_t time_ms) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    lim.max_heap_bytes = max_heap;
    lim.time_limit_ms = time_ms;
    e->rt = en_runtime_new(&lim);
    e->cx = en_context_new(e->rt);
}

static void renv_close(REnv *e) {
    en_context_free(e->cx);
    en_runtime_free(e->rt);
}

// Evaluates src; returns its status and the display of the result (or of
// the exception) in a static buffer.
static EnStatus run(REnv *e, const char *src, char *out, size_t outsz) {
    EnEvalOptions o;
    en_eval_options_default(&o);
    EnValue r;
    EnStatus st = en_eval(e->cx, src, strlen(src), &o, &r);
    EnHandleScope hs;
    en_handle_scope_open(e->cx, &hs);
    EnValue *v = en_handle(e->cx, st == EN_STATUS_OK ? r : en_exception_take(e->cx));
    OchBuf b = {0};
    if (st == EN_STATUS_OK) en_value_to_display(e->cx, *v, &b);
    else en_exception_report(e->cx, *v, &b);
    en_handle_scope_close(&hs);
    snprintf(out, outsz, "%.*s", (int)b.len, b.data ? b.data : "");
    och_buf_free(&b);
    return st;
}

#define EXPECT_JS(env, src, expect)                                                   \
    do {                                                                              \
        char buf_[512];                                                               \
        EnStatus st_ = run((env), (src), buf_, sizeof buf_);                          \
        cr_expect_eq(st_, EN_STATUS_OK, "%s: status %d (%s)", (src), st_, buf_);      \
        cr_expect_str_eq(buf_, (expect), "%s", (src));                                \
    } while (0)

Test(heap_realm, heap_limit_terminates_with_a_pending_error) {
    REnv e;
    renv_open(&e, false, 8u * 1024 * 1024, 0);
    EnHandleScope hs;
    en_handle_scope_open(e.cx, &hs);
    bool hit = false;
    for (int i = 0; i < 10000 && !hit; i++) {
        EnString *s = en_str_alloc(e.cx, 100000, true);
        if (!s) hit = true;
        else en_handle(e.cx, en_string_value(s));
    }
    cr_assert(hit);
    cr_assert(e.cx->terminating);
    cr_assert(e.cx->has_exception);
    en_handle_scope_close(&hs);
    en_exception_take(e.cx);
    cr_assert_not_null(en_str_alloc(e.cx, 100000, true), "room again once the data is dropped");
    renv_close(&e);
}

Test(heap_realm, allocation_loop_in_js_ends_terminated) {
    REnv e;
    renv_open(&e, false, 16u * 1024 * 1024, 0);
    char buf[512];
    EnStatus st = run(&e, "var l = null; for (;;) l = {next: l, pad: [1, 2, 3]};", buf, sizeof buf);
    cr_assert_eq(st, EN_STATUS_TERMINATED, "status %d: %s", st, buf);
    // The runtime stays usable after the limit was hit.
    EXPECT_JS(&e, "l = null; 6 * 7", "42");
    renv_close(&e);
}

Test(heap_realm, time_limit_ends_an_endless_loop) {
    REnv e;
    renv_open(&e, false, 0, 50);
    en_runtime_arm_deadline(e.rt);
    char buf[512];
    EnStatus st = run(&e, "for (;;) {}", buf, sizeof buf);
    cr_assert_eq(st, EN_STATUS_TERMINATED, "status %d: %s", st, buf);
    renv_close(&e);
}

static void symbol_builtins(bool stress) {
    REnv e;
    renv_open(&e, stress, 0, 0);
    EXPECT_JS(&e, "typeof Symbol()", "symbol");
    EXPECT_JS(&e, "Symbol('x').toString()", "Symbol(x)");
    EXPECT_JS(&e, "Symbol().toString()", "Symbol()");
    EXPECT_JS(&e, "Symbol.for('k') === Symbol.for('k')", "true");
    EXPECT_JS(&e, "Symbol('k') === Symbol('k')", "false");
    EXPECT_JS(&e, "Symbol.keyFor(Symbol.for('app'))", "app");
    EXPECT_JS(&e, "Symbol.keyFor(Symbol('app')) === undefined", "true");
    EXPECT_JS(&e, "try { Symbol.keyFor('s') } catch (e) { e instanceof TypeError }", "true");
    EXPECT_JS(&e, "try { new Symbol() } catch (e) { e instanceof TypeError }", "true");
    EXPECT_JS(&e, "Symbol.length", "0");
    EXPECT_JS(&e, "Symbol.iterator.toString()", "Symbol(Symbol.iterator)");
    EXPECT_JS(&e, "Symbol.asyncDispose.toString()", "Symbol(Symbol.asyncDispose)");
    EXPECT_JS(&e, "Object.getOwnPropertyDescriptor(Symbol, 'iterator').writable", "false");
    EXPECT_JS(&e, "Object.getOwnPropertyDescriptor(Symbol, 'iterator').configurable", "false");
    EXPECT_JS(&e, "Object(Symbol('w')).toString()", "Symbol(w)");
    EXPECT_JS(&e, "var s = Symbol('v'); Object(s).valueOf() === s", "true");
    EXPECT_JS(&e, "Symbol.prototype[Symbol.toStringTag]", "Symbol");
    EXPECT_JS(&e, "Symbol.prototype[Symbol.toPrimitive].name", "[Symbol.toPrimitive]");
    EXPECT_JS(&e, "Object.getOwnPropertyDescriptor(Symbol.prototype, Symbol.toPrimitive).writable", "false");
    EXPECT_JS(&e, "try { Symbol.prototype.toString.call(1) } catch (e) { e instanceof TypeError }", "true");
    EXPECT_JS(&e, "var o = {}; o[Symbol.iterator] = 7; o[Symbol.iterator]", "7");
    renv_close(&e);
}

Test(heap_realm, symbol_builtins) { symbol_builtins(false); }
Test(heap_realm, symbol_builtins_gc_stress) { symbol_builtins(true); }

// The description getter (an accessor on Symbol.prototype).
static void symbol_description(bool stress) {
    REnv e;
    renv_open(&e, stress, 0, 0);
    EXPECT_JS(&e, "Symbol('d').description", "d");
    EXPECT_JS(&e, "Symbol().description === undefined", "true");
    EXPECT_JS(&e, "Symbol.iterator.description", "Symbol.iterator");
    EXPECT_JS(&e, "typeof Object.getOwnPropertyDescriptor(Symbol.prototype, 'description').get",
              "function");
    renv_close(&e);
}

Test(heap_realm, symbol_description) { symbol_description(false); }
Test(heap_realm, symbol_description_gc_stress) { symbol_description(true); }
