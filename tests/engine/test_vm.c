// VM tests through the C API: en_eval results, exceptions and stack
// traces, stack overflow as a RangeError (JS recursion and recursion
// through native calls), time limit and heap limit ending an evaluation
// with TERMINATED, interrupts from another thread, en_call into JS. Every
// behaviour runs twice: normally and with gc_stress.
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runtime_int.h"

typedef struct VmFixture {
    EnRuntime *rt;
    EnContext *cx;
    OchBuf out;  // print() output, lines joined by '\n'
} VmFixture;

static void capture_print(void *ctx, const char *line, size_t len, bool is_error) {
    (void)is_error;
    OchBuf *b = ctx;
    och_buf_append(b, line, len);
    och_buf_putc(b, '\n');
}

static void fx_open(VmFixture *f, bool stress, size_t max_heap, uint64_t time_ms) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    lim.max_heap_bytes = max_heap;
    lim.time_limit_ms = time_ms;
    memset(f, 0, sizeof *f);
    f->rt = en_runtime_new(&lim);
    f->cx = en_context_new(f->rt);
    en_context_set_print(f->cx, capture_print, &f->out);
}

static void fx_close(VmFixture *f) {
    en_context_free(f->cx);
    en_runtime_free(f->rt);
    och_buf_free(&f->out);
}

static EnStatus run(VmFixture *f, const char *src, EnValue *result) {
    EnEvalOptions o;
    en_eval_options_default(&o);
    o.filename = "test.js";
    return en_eval(f->cx, src, strlen(src), &o, result);
}

// Runs src and returns the display string of the completion value (or of
// the exception, prefixed with "!").
static char *eval_display(VmFixture *f, const char *src) {
    EnValue r = EN_UNDEFINED;
    EnStatus st = run(f, src, &r);
    OchBuf b = {0};
    if (st != EN_STATUS_OK) {
        och_buf_putc(&b, '!');
        r = en_exception_take(f->cx);
    }
    en_value_to_display(f->cx, r, &b);
    return och_buf_take(&b);
}

static void check_eval(bool stress, const char *src, const char *want) {
    VmFixture f;
    fx_open(&f, stress, 0, 0);
    char *got = eval_display(&f, src);
    cr_expect_str_eq(got, want, "%s (stress=%d)", src, stress);
    och_free(got);
    fx_close(&f);
}

#define BOTH_WAYS(...)                              \
    for (int stress_ = 0; stress_ < 2; stress_++) {  \
        bool stress = stress_ != 0;                  \
        __VA_ARGS__                                  \
    }

Test(vm, eval_returns_completion_values) {
    BOTH_WAYS({
        check_eval(stress, "1 + 2", "3");
        check_eval(stress, "var s = 'a'; s + 'b' + 1", "ab1");
        check_eval(stress, "0.1 + 0.2", "0.30000000000000004");
        check_eval(stress, "2147483647 + 1", "2147483648");
        check_eval(stress, "typeof null + typeof function () {}", "objectfunction");
        check_eval(stress, "let o = {a: {b: [1, 2, 3]}}; o.a.b[1] * 10", "20");
    })
}

Test(vm, closures_loops_and_control_flow) {
    BOTH_WAYS({
        check_eval(stress,
                   "var fs = []; for (let i = 0; i < 3; i++) fs[i] = () => i;"
                   "'' + fs[0]() + fs[1]() + fs[2]()",
                   "012");
        check_eval(stress, "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); } fib(15)",
                   "610");
        check_eval(stress,
                   "var r = ''; outer: for (var i = 0; i < 3; i++) for (var j = 0; j < 3; j++) {"
                   " if (j == 1) continue outer; if (i == 2) break outer; r += i + '' + j; } r",
                   "0010");
        check_eval(stress,
                   "function f() { var s = ''; for (var i = 0; i < 4; i++) { try { if (i == 2) "
                   "break; continue; } finally { s += i; } } return s; } f()",
                   "012");
        check_eval(stress, "var k = ''; for (var p in {x: 1, y: 2}) k += p; k", "xy");
    })
}

Test(vm, classes_and_destructuring) {
    BOTH_WAYS({
        check_eval(stress,
                   "class A { #v = 2; x = 1; get v() { return this.#v; } m() { return this.x + "
                   "this.v; } } class B extends A { m() { return super.m() * 10; } } new B().m()",
                   "30");
        check_eval(stress, "var {a, b: [, c] = [0, 5]} = {a: 1}; a + c", "6");
        check_eval(stress, "function f(a, b = a + 1, ...r) { return a + b + r.length; } f(1, undefined, 3, 4)",
                   "5");
    })
}

Test(vm, exceptions_are_catchable_and_reported) {
    BOTH_WAYS({
        check_eval(stress, "try { null.x } catch (e) { e instanceof TypeError }", "true");
        check_eval(stress, "try { undefinedName } catch (e) { e.name }", "ReferenceError");
        check_eval(stress, "throw 42", "!42");
        check_eval(stress, "{ let t = x; let x = 1; }", "!ReferenceError: Cannot access 'x' before initialization");
        check_eval(stress, "const c = 1; c = 2", "!TypeError: Assignment to constant variable.");
    })
}

Test(vm, stack_trace_has_call_site_columns) {
    VmFixture f;
    fx_open(&f, false, 0, 0);
    char *got = eval_display(&f,
                             "function inner() { return new Error('x'); }\n"
                             "function outer() { return inner(); }\n"
                             "outer().stack");
    cr_expect_str_eq(got,
                     "Error: x\n    at inner (test.js:1:27)\n    at outer (test.js:2:27)\n"
                     "    at test.js:3:1");
    och_free(got);
    fx_close(&f);
}

Test(vm, deep_recursion_is_a_range_error) {
    BOTH_WAYS({
        VmFixture f;
        fx_open(&f, stress, 0, 0);
        char *got = eval_display(&f,
                                 "function r(n) { return r(n + 1) + 1; }"
                                 "try { r(0) } catch (e) { (e instanceof RangeError) + ' ' + e.message }");
        cr_expect_str_eq(got, "true Maximum call stack size exceeded");
        och_free(got);
        // Through natives calling back into JS (Function.prototype.call).
        got = eval_display(&f,
                           "function c(n) { return c.call(null, n + 1); }"
                           "try { c(0) } catch (e) { e instanceof RangeError }");
        cr_expect_str_eq(got, "true");
        och_free(got);
        // The VM still works afterwards.
        got = eval_display(&f, "1 + 1");
        cr_expect_str_eq(got, "2");
        och_free(got);
        fx_close(&f);
    })
}

Test(vm, time_limit_terminates_infinite_loop) {
    VmFixture f;
    fx_open(&f, false, 0, 100);
    EnStatus st = run(&f, "while (1) {}", NULL);
    cr_expect_eq(st, EN_STATUS_TERMINATED);
    en_exception_take(f.cx);
    fx_close(&f);
}

Test(vm, time_limit_is_not_catchable) {
    VmFixture f;
    fx_open(&f, false, 0, 100);
    EnStatus st = run(&f, "for (;;) { try { while (1) {} } catch (e) {} finally {} }", NULL);
    cr_expect_eq(st, EN_STATUS_TERMINATED);
    en_exception_take(f.cx);
    fx_close(&f);
}

Test(vm, heap_limit_terminates_allocation_loop) {
    VmFixture f;
    fx_open(&f, false, 16u << 20, 0);
    EnStatus st = run(&f, "var a = []; var i = 0; while (true) { a[i++] = {x: i, y: 'v' + i}; }",
                      NULL);
    cr_expect_eq(st, EN_STATUS_TERMINATED);
    en_exception_take(f.cx);
    fx_close(&f);
}

static void *interrupt_later(void *arg) {
    usleep(50 * 1000);
    en_runtime_interrupt((EnRuntime *)arg);
    return NULL;
}

Test(vm, interrupt_from_another_thread) {
    VmFixture f;
    fx_open(&f, false, 0, 0);
    pthread_t th;
    pthread_create(&th, NULL, interrupt_later, f.rt);
    EnStatus st = run(&f, "var n = 0; while (true) { n++; }", NULL);
    pthread_join(th, NULL);
    cr_expect_eq(st, EN_STATUS_TERMINATED);
    en_exception_take(f.cx);
    fx_close(&f);
}

Test(vm, print_and_console_log) {
    BOTH_WAYS({
        VmFixture f;
        fx_open(&f, stress, 0, 0);
        cr_assert_eq(run(&f, "print('a', 1, true); console.log('b', null, undefined)", NULL),
                     EN_STATUS_OK);
        cr_expect_str_eq(f.out.data, "a 1 true\nb null undefined\n");
        fx_close(&f);
    })
}

Test(vm, en_call_invokes_js_functions) {
    BOTH_WAYS({
        VmFixture f;
        fx_open(&f, stress, 0, 0);
        EnValue fn = EN_UNDEFINED;
        cr_assert_eq(run(&f, "(function (a, b) { return this.k + a * b; })", &fn), EN_STATUS_OK);
        EnHandleScope hs;
        en_handle_scope_open(f.cx, &hs);
        EnValue *hf = en_handle(f.cx, fn);
        EnValue this_v = EN_UNDEFINED;
        cr_assert_eq(run(&f, "({k: 100})", &this_v), EN_STATUS_OK);
        EnValue *ht = en_handle(f.cx, this_v);
        EnValue args[2] = {en_int32(6), en_int32(7)};
        EnValue r = en_call(f.cx, *hf, *ht, 2, args);
        cr_expect(en_is_int32(r) && en_as_int32(r) == 142);
        en_handle_scope_close(&hs);
        fx_close(&f);
    })
}

Test(vm, syntax_errors_and_early_errors) {
    VmFixture f;
    fx_open(&f, false, 0, 0);
    cr_expect_eq(run(&f, "var = 1", NULL), EN_STATUS_SYNTAX_ERROR);
    en_exception_take(f.cx);
    cr_expect_eq(run(&f, "let a; let a;", NULL), EN_STATUS_SYNTAX_ERROR);
    en_exception_take(f.cx);
    // Global lexical redeclaration across scripts.
    cr_expect_eq(run(&f, "let g1 = 1;", NULL), EN_STATUS_OK);
    cr_expect_eq(run(&f, "let g1 = 2;", NULL), EN_STATUS_EXCEPTION);
    en_exception_take(f.cx);
    char *got = eval_display(&f, "g1");
    cr_expect_str_eq(got, "1");
    och_free(got);
    fx_close(&f);
}
