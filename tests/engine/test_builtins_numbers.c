// The numbers helper's builtin families (Number, Boolean, Math, global
// functions, JSON, String) through the C API: en_eval of expressions whose
// String() is compared with node's output, each run normally and with
// gc_stress; direct en_call on the builtin function objects; termination
// of long builtins by the time limit (en_poll_interrupt in their loops).
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "runtime_int.h"

typedef struct BEnv {
    EnRuntime *rt;
    EnContext *cx;
} BEnv;

static void benv_open(BEnv *e, bool stress, uint64_t time_limit_ms) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    lim.time_limit_ms = time_limit_ms;
    e->rt = en_runtime_new(&lim);
    e->cx = en_context_new(e->rt);
    cr_assert_not_null(e->cx);
}

static void benv_close(BEnv *e) {
    en_context_free(e->cx);
    en_runtime_free(e->rt);
}

// Evaluates `String(<expr>)` and compares the result with want.
static void expect_eval(BEnv *e, const char *expr, const char *want) {
    char src[4096];
    snprintf(src, sizeof src, "String(%s)", expr);
    EnEvalOptions opts;
    en_eval_options_default(&opts);
    EnValue v;
    EnStatus st = en_eval(e->cx, src, strlen(src), &opts, &v);
    if (st != EN_STATUS_OK) {
        OchBuf b = {0};
        en_exception_report(e->cx, en_exception_take(e->cx), &b);
        cr_expect_fail("%s threw: %.*s", expr, (int)b.len, b.data ? b.data : "");
        och_buf_free(&b);
        return;
    }
    cr_assert(en_is_string(v), "%s: not a string", expr);
    OchBuf b = {0};
    en_str_to_utf8(e->cx, en_as_string(v), &b);
    cr_expect(b.len == strlen(want) && memcmp(b.data, want, b.len) == 0, "%s: got \"%.*s\", want \"%s\"",
              expr, (int)b.len, b.data ? b.data : "", want);
    och_buf_free(&b);
}

static const struct {
    const char *expr, *want;
} cases[] = {
    {"0.1 + 0.2", "0.30000000000000004"},
    {"(255).toString(16) + (0.5).toString(2)", "ff0.1"},
    {"(1.005).toFixed(2) + ' ' + (1e21).toFixed(2) + ' ' + (0.5).toFixed(0)", "1.00 1e+21 1"},
    {"(123.456).toExponential(2) + ' ' + (0.00001).toPrecision(1)", "1.23e+2 0.00001"},
    {"Number('  0x1F  ') + Number('.5') + Number('1e1000')", "Infinity"},
    {"parseInt('  -0x1Fz') + ' ' + parseFloat('3.5e2x') + ' ' + parseInt('z', 36)", "-31 350 35"},
    {"Number.MAX_SAFE_INTEGER + ' ' + Number.EPSILON", "9007199254740991 2.220446049250313e-16"},
    {"Boolean('') + ' ' + new Boolean(false).valueOf() + ' ' + true.toString()", "false false true"},
    {"Math.max(1, 5, 3) + ' ' + Math.round(-2.5) + ' ' + Math.hypot(3, 4) + ' ' + Math.clz32(1)", "5 -2 5 31"},
    {"Math.imul(0xffffffff, 5) + ' ' + Math.fround(5.05) + ' ' + Math.sign(-3)", "-5 5.050000190734863 -1"},
    {"encodeURIComponent('a b&\\u00fc') + ' ' + decodeURIComponent('%E2%82%AC')", "a%20b%26%C3%BC \xe2\x82\xac"},
    {"escape('a b\\u0100') + ' ' + unescape('%u0041%42')", "a%20b%u0100 AB"},
    {"JSON.stringify({a: [1, 'x', null, true], b: {c: 1e21}, d: undefined})",
     "{\"a\":[1,\"x\",null,true],\"b\":{\"c\":1e+21}}"},
    {"JSON.stringify(JSON.parse('{\"k\":[0.1,-0,\"\\\\u00e9\"]}'), null, 1)", "{\n \"k\": [\n  0.1,\n  0,\n  \"\xc3\xa9\"\n ]\n}"},
    {"'abc'.padStart(6, '12') + 'x'.repeat(3) + ' AbC '.trim().toUpperCase()", "121abcxxxABC"},
    {"'stra\\u00dfe'.toUpperCase() + ' ' + '\\u03a3\\u0391\\u03a3'.toLowerCase()", "STRASSE \xcf\x83\xce\xb1\xcf\x82"},
    {"'a,b,,c'.split(',').length + ' ' + 'aXbX'.replaceAll('X', '$&$&') + ' ' + 'abc'.at(-1)", "4 aXXbXX c"},
    {"String.fromCodePoint(0x1F600).length + ' ' + 'x\\uD800'.isWellFormed() + ' ' + 'abc'.indexOf('c')", "2 false 2"},
};

static void run_cases(bool stress) {
    BEnv e;
    benv_open(&e, stress, 0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) expect_eval(&e, cases[i].expr, cases[i].want);
    benv_close(&e);
}

Test(builtins_numbers, expressions_match_node) { run_cases(false); }
Test(builtins_numbers, expressions_match_node_under_gc_stress) { run_cases(true); }

// en_call on the function objects themselves (this = a primitive).
static void call_methods(bool stress) {
    BEnv e;
    benv_open(&e, stress, 0);
    EnContext *cx = e.cx;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnObject *proto = en_intrinsic(cx, EN_INTRINSIC_NumberPrototype);
    cr_assert_not_null(proto);
    EnString *name = en_atom_from_cstr(cx, "toString");
    EnValue f = en_get(cx, en_object_value(proto), en_key_atom(name));
    cr_assert(en_is_callable(f));
    EnValue *hf = en_handle(cx, f);
    EnValue *argv = en_handle(cx, en_int32(2));
    EnValue r = en_call(cx, *hf, en_double(10.5), 1, argv);
    cr_assert(en_is_string(r));
    cr_expect(en_str_equal_cstr(cx, en_as_string(r), "1010.1"));
    // A wrong receiver throws a TypeError.
    r = en_call(cx, *hf, EN_NULL, 0, argv);
    cr_expect(en_is_exception(r));
    en_exception_take(cx);
    // Math.hypot with many arguments (C-heap path).
    EnObject *math = en_intrinsic(cx, EN_INTRINSIC_Math);
    cr_assert_not_null(math);
    EnValue hypot = en_get(cx, en_object_value(math), en_key_atom(en_atom_from_cstr(cx, "hypot")));
    EnValue *hh = en_handle(cx, hypot);
    EnValue *args = en_handle(cx, en_int32(1));
    for (int i = 1; i < 16; i++) en_handle(cx, en_int32(1));
    r = en_call(cx, *hh, EN_UNDEFINED, 16, args);
    cr_expect(en_is_number(r) && en_as_number(r) == 4.0);
    en_handle_scope_close(&hs);
    benv_close(&e);
}

Test(builtins_numbers, en_call_on_builtins) { call_methods(false); }
Test(builtins_numbers, en_call_on_builtins_under_gc_stress) { call_methods(true); }

// Long builtins poll for interrupts: the time limit stops them.
static void expect_terminated(const char *src) {
    BEnv e;
    benv_open(&e, false, 100);
    EnEvalOptions opts;
    en_eval_options_default(&opts);
    EnValue v;
    EnStatus st = en_eval(e.cx, src, strlen(src), &opts, &v);
    cr_expect_eq(st, EN_STATUS_TERMINATED, "%s: status %d", src, (int)st);
    en_exception_take(e.cx);
    benv_close(&e);
}

Test(builtins_numbers, time_limit_stops_pad_end) { expect_terminated("'ab'.padEnd(3e8).length"); }
Test(builtins_numbers, time_limit_stops_json_stringify) {
    expect_terminated("var a = []; for (var i = 0; i < 20; i++) a = [a, a]; JSON.stringify(a).length");
}
