// BigInt values (engine/bigint.c, bigint_ops.c): literals, toString in
// every radix, arithmetic on huge values against known results (computed
// with Python's integers), conversions to and from Numbers and strings,
// exact comparisons, asIntN/asUintN, limits. Every test runs normally and
// with gc_stress (a collection at each allocation).
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "bigint_int.h"
#include "objmodel_int.h"

typedef struct Env {
    EnRuntime *rt;
    EnContext *cx;
    EnHandleScope hs;
} Env;

static void env_open(Env *e, bool stress, size_t max_heap) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    lim.max_heap_bytes = max_heap;
    e->rt = en_runtime_new(&lim);
    e->cx = en_context_new(e->rt);
    en_handle_scope_open(e->cx, &e->hs);
}

static void env_close(Env *e) {
    en_handle_scope_close(&e->hs);
    en_context_free(e->cx);
    en_runtime_free(e->rt);
}

#define BOTH(name)                          \
    static void name##_body(EnContext *cx); \
    Test(bigint, name) {                    \
        Env e;                              \
        env_open(&e, false, 0);             \
        name##_body(e.cx);                  \
        env_close(&e);                      \
    }                                       \
    Test(bigint_gcstress, name) {           \
        Env e;                              \
        env_open(&e, true, 0);              \
        name##_body(e.cx);                  \
        env_close(&e);                      \
    }                                       \
    static void name##_body(EnContext *cx)

// A rooted BigInt from literal text ("-" prefix allowed here).
static EnValue big(EnContext *cx, const char *lit) {
    bool neg = lit[0] == '-';
    EnValue v = en_bigint_from_literal(cx, lit + neg, (uint32_t)strlen(lit + neg));
    cr_assert(!en_is_exception(v), "literal %s", lit);
    if (neg) v = en_bigint_neg(cx, v);
    cr_assert(en_is_bigint(v));
    return *en_handle(cx, v);
}

static void check(EnContext *cx, EnValue v, int radix, const char *want) {
    cr_assert(en_is_bigint(v), "not a bigint (want %s)", want);
    EnString *s = en_bigint_to_string(cx, en_as_bigint(v), radix);
    cr_assert(s);
    char buf[4096];
    uint32_t n = en_str_length(s);
    cr_assert(n < sizeof buf);
    for (uint32_t i = 0; i < n; i++) buf[i] = (char)en_str_at(s, i);
    buf[n] = 0;
    cr_assert_str_eq(buf, want);
}

static EnValue op(EnContext *cx, EnBigIntOp o, EnValue a, EnValue b) {
    EnValue r = en_bigint_binary(cx, o, a, b);
    cr_assert(!en_is_exception(r));
    return *en_handle(cx, r);
}

static const char F100[] =
    "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253"
    "697920827223758251185210916864000000000000000000000000";

BOTH(literals_in_every_prefix) {
    check(cx, big(cx, "0"), 10, "0");
    check(cx, big(cx, "000123"), 10, "123");
    check(cx, big(cx, "0x1F"), 10, "31");
    check(cx, big(cx, "0o777"), 10, "511");
    check(cx, big(cx, "0B101"), 10, "5");
    check(cx, big(cx, "18446744073709551616"), 16, "10000000000000000");
    check(cx, big(cx, F100), 10, F100);
    check(cx, big(cx, "0x1b30964ec395dc24069528d54bbda40d16e966ef9a70eb21b5b2943a321cdf10391745570cca9420c6ecb3b72ed2ee8b02ea2735c61a000000000000000000000000"),
          10, F100);
    cr_assert(en_is_exception(en_bigint_from_literal(cx, "12a", 3)));
    cx->has_exception = false;
}

BOTH(to_string_radixes) {
    EnValue x = big(cx, "-515377520732011331036461129765621272702107522001");  // -(3^100)
    check(cx, x, 36, "-ajmfwc7pep3zss2fwkm9zm45pd86w29");
    check(cx, x, 7, "-230231613340145623403214021055230445262243332056242021334");
    check(cx, big(cx, "255"), 2, "11111111");
    check(cx, big(cx, "-255"), 16, "-ff");
    check(cx, big(cx, "35"), 36, "z");
    check(cx, big(cx, "18446744073709551615"), 36, "3w5e11264sgsf");
    check(cx, big(cx, "-0"), 10, "0");
}

BOTH(arithmetic_on_huge_values) {
    EnValue a = big(cx, "1606938044258990275541962092341162602522215339461694069869266");  // 2^200 + 12345678901234567890
    EnValue b = big(cx, "-1361129467683753853853498429726085191503");                  // -(2^130) + 987654321
    check(cx, op(cx, EN_BIGINT_MUL, a, b), 10,
          "-2187250724783011924372502227116034266050194553971827468907012904133846023658781058036939465784046798");
    check(cx, op(cx, EN_BIGINT_DIV, a, b), 10, "-1180591620717411303424");
    check(cx, op(cx, EN_BIGINT_MOD, a, b), 10, "1166016415550290072662190262994");
    check(cx, op(cx, EN_BIGINT_AND, a, b), 10, "1606938044258990275541962092341162602522202993782793541912720");
    check(cx, op(cx, EN_BIGINT_OR, a, b), 10, "-1361129467683753853841152750825557234957");
    check(cx, op(cx, EN_BIGINT_XOR, a, b), 10, "-1606938044258990275543323221808846356376044146533619099147677");
    check(cx, en_bigint_not(cx, b), 10, "1361129467683753853853498429726085191502");
    check(cx, op(cx, EN_BIGINT_SAR, b, big(cx, "7")), 10, "-10633823966279326983230456482235040559");
    check(cx, op(cx, EN_BIGINT_SHL, b, big(cx, "100")), 10,
          "-1725436586697640946858688965568004362519943588688029176002586899120128");
    check(cx, op(cx, EN_BIGINT_SHL, b, big(cx, "-7")), 10, "-10633823966279326983230456482235040559");
    check(cx, op(cx, EN_BIGINT_SUB, op(cx, EN_BIGINT_EXP, big(cx, "2"), big(cx, "521")), big(cx, "1")), 10,
          "686479766013060971498190079908139321726943530014330540939446345918554318339765605212255964066145455497"
          "7296311391480858037121987999716643812574028291115057151");
    check(cx, op(cx, EN_BIGINT_EXP, big(cx, "-3"), big(cx, "101")), 10,
          "-1546132562196033993109383389296863818106322566003");
    check(cx, op(cx, EN_BIGINT_ADD, a, en_bigint_neg(cx, a)), 10, "0");
    // Sign rules of truncating division.
    check(cx, op(cx, EN_BIGINT_DIV, big(cx, "-7"), big(cx, "2")), 10, "-3");
    check(cx, op(cx, EN_BIGINT_MOD, big(cx, "-7"), big(cx, "2")), 10, "-1");
    check(cx, op(cx, EN_BIGINT_MOD, big(cx, "7"), big(cx, "-2")), 10, "1");
    check(cx, op(cx, EN_BIGINT_SAR, big(cx, "-5"), big(cx, "1")), 10, "-3");
    check(cx, op(cx, EN_BIGINT_SAR, big(cx, "-5"), big(cx, "1000000000000")), 10, "-1");
}

BOTH(factorial_loop_keeps_every_intermediate_alive) {
    EnValue *acc = en_handle(cx, big(cx, "1"));
    for (int i = 2; i <= 100; i++) {
        EnValue k = en_bigint_from_int64(cx, i);
        cr_assert(!en_is_exception(k));
        *acc = op(cx, EN_BIGINT_MUL, *acc, k);
    }
    check(cx, *acc, 10, F100);
    // And back down by division: exact every step.
    for (int i = 100; i >= 2; i--) *acc = op(cx, EN_BIGINT_DIV, *acc, en_bigint_from_int64(cx, i));
    check(cx, *acc, 10, "1");
}

BOTH(errors_are_range_errors) {
    EnValue r = en_bigint_binary(cx, EN_BIGINT_DIV, big(cx, "1"), big(cx, "0"));
    cr_assert(en_is_exception(r));
    cx->has_exception = false;
    r = en_bigint_binary(cx, EN_BIGINT_EXP, big(cx, "2"), big(cx, "-1"));
    cr_assert(en_is_exception(r));
    cx->has_exception = false;
    r = en_bigint_binary(cx, EN_BIGINT_EXP, big(cx, "3"), big(cx, "4294967296"));
    cr_assert(en_is_exception(r));
    cx->has_exception = false;
    r = en_bigint_binary(cx, EN_BIGINT_SHL, big(cx, "1"), big(cx, "1099511627776"));
    cr_assert(en_is_exception(r));
    cx->has_exception = false;
    check(cx, op(cx, EN_BIGINT_EXP, big(cx, "-1"), big(cx, "18446744073709551615")), 10, "-1");
    check(cx, op(cx, EN_BIGINT_EXP, big(cx, "0"), big(cx, "0")), 10, "1");
}

BOTH(number_conversions_round_exactly) {
    cr_assert_eq(en_bigint_to_double(en_as_bigint(big(cx, "9007199254740993"))), 9007199254740992.0);
    cr_assert_eq(en_bigint_to_double(en_as_bigint(big(cx, "9007199254740995"))), 9007199254740996.0);
    // 2^54 + 3: the halfway bit plus a sticky bit rounds up.
    cr_assert_eq(en_bigint_to_double(en_as_bigint(big(cx, "18014398509481987"))), 18014398509481988.0);
    cr_assert_eq(en_bigint_to_double(en_as_bigint(big(cx, "-340282366920938463463374607431768211457"))),
                 -340282366920938463463374607431768211456.0);
    EnValue huge = op(cx, EN_BIGINT_EXP, big(cx, "2"), big(cx, "1024"));
    cr_assert(isinf(en_bigint_to_double(en_as_bigint(huge))));
    EnValue v = en_number_to_bigint(cx, 1e21);
    check(cx, v, 10, "1000000000000000000000");
    v = en_number_to_bigint(cx, -1.7976931348623157e308);
    cr_assert_eq(en_bigint_to_double(en_as_bigint(v)), -1.7976931348623157e308);
    cr_assert(en_is_exception(en_number_to_bigint(cx, 1.5)));
    cx->has_exception = false;
    cr_assert(en_is_exception(en_number_to_bigint(cx, INFINITY)));
    cx->has_exception = false;
}

BOTH(int64_conversions_wrap) {
    int64_t i;
    uint64_t u;
    cr_assert(en_to_bigint64(cx, big(cx, "18446744073709551615"), &i));
    cr_assert_eq(i, -1);
    cr_assert(en_to_biguint64(cx, big(cx, "-1"), &u));
    cr_assert_eq(u, UINT64_MAX);
    cr_assert(en_to_bigint64(cx, big(cx, "-36893488147419103233"), &i));  // -(2^65 + 1)
    cr_assert_eq(i, -1);
    check(cx, en_bigint_from_int64(cx, INT64_MIN), 10, "-9223372036854775808");
    check(cx, en_bigint_from_uint64(cx, UINT64_MAX), 10, "18446744073709551615");
    cr_assert(en_to_biguint64(cx, EN_TRUE, &u) && u == 1);
    cr_assert(!en_to_biguint64(cx, en_int32(1), &u));  // Numbers throw TypeError
    cx->has_exception = false;
}

static EnValue from_str(EnContext *cx, const char *s) {
    EnString *p = en_str_from_cstr(cx, s);
    cr_assert(p);
    return en_string_to_bigint(cx, p);
}

BOTH(string_to_bigint_grammar) {
    check(cx, from_str(cx, "  -123\n"), 10, "-123");
    check(cx, from_str(cx, ""), 10, "0");
    check(cx, from_str(cx, "0x10"), 10, "16");
    cr_assert(en_is_undefined(from_str(cx, "+0b11")));  // a sign only before decimal digits
}

BOTH(string_to_bigint_rejects) {
    static const char *const bad[] = {"1n", "1.0", "1e3", "-0x1", "0x", "+", "1_0", "Infinity", "0b2", "- 1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        cr_assert(en_is_undefined(from_str(cx, bad[i])), "%s", bad[i]);
}

BOTH(comparisons_are_exact) {
    EnValue a = big(cx, "9007199254740993");
    cr_assert_gt(en_bigint_compare_double(en_as_bigint(a), 9007199254740992.0), 0);
    cr_assert_lt(en_bigint_compare_double(en_as_bigint(a), 9007199254740994.0), 0);
    cr_assert_lt(en_bigint_compare_double(en_as_bigint(big(cx, "2")), 2.5), 0);
    cr_assert_gt(en_bigint_compare_double(en_as_bigint(big(cx, "-2")), -2.5), 0);
    cr_assert_eq(en_bigint_compare_double(en_as_bigint(big(cx, "0")), -0.0), 0);
    cr_assert_eq(en_bigint_compare_double(en_as_bigint(a), NAN), 2);
    cr_assert_lt(en_bigint_compare_double(en_as_bigint(op(cx, EN_BIGINT_EXP, big(cx, "10"), big(cx, "400"))), INFINITY), 0);
    EnValue b = big(cx, "9007199254740993");
    cr_assert(en_strict_equals(a, b) && en_same_value(a, b) && en_same_value_zero(a, b));
    cr_assert_eq(en_bigint_hash(en_as_bigint(a)), en_bigint_hash(en_as_bigint(b)));
    cr_assert(!en_strict_equals(a, big(cx, "-9007199254740993")));
    cr_assert(!en_strict_equals(big(cx, "1"), en_int32(1)));
    bool eq;
    cr_assert(en_loose_equals(cx, big(cx, "1"), en_int32(1), &eq) && eq);
    EnValue sixteen = big(cx, "16");
    EnValue *hex = en_handle(cx, en_string_value(en_str_from_cstr(cx, "0x10")));
    cr_assert(en_loose_equals(cx, sixteen, *hex, &eq) && eq);
    cr_assert_eq(en_less_than(cx, big(cx, "1"), en_double(1.5), true), 1);
    cr_assert_eq(en_less_than(cx, big(cx, "1"), en_double(NAN), true), -1);
}

BOTH(as_int_n_and_as_uint_n) {
    check(cx, en_bigint_as_n(cx, 8, big(cx, "255"), true), 10, "-1");
    check(cx, en_bigint_as_n(cx, 8, big(cx, "-1"), false), 10, "255");
    check(cx, en_bigint_as_n(cx, 64, big(cx, "9223372036854775808"), true), 10, "-9223372036854775808");
    check(cx, en_bigint_as_n(cx, 65, big(cx, "-1"), false), 10, "36893488147419103231");
    check(cx, en_bigint_as_n(cx, 3, big(cx, "25"), true), 10, "1");
    check(cx, en_bigint_as_n(cx, 0, big(cx, "5"), false), 10, "0");
    check(cx, en_bigint_as_n(cx, 200, big(cx, "-5"), true), 10, "-5");
    cr_assert(en_is_exception(en_bigint_as_n(cx, 9007199254740991ull, big(cx, "-1"), false)));
    cx->has_exception = false;
}

// The heap limit counts BigInt cells: a result too large for it ends the
// evaluation instead of succeeding behind the collector's back.
Test(bigint, heap_limit_counts_limbs) {
    Env e;
    env_open(&e, false, 8u << 20);
    EnContext *cx = e.cx;
    EnValue r = en_bigint_binary(cx, EN_BIGINT_SHL, big(cx, "1"), big(cx, "200000000"));  // 25 MB
    cr_assert(en_is_exception(r));
    cr_assert(cx->terminating);
    env_close(&e);
}
