// Builtin family "math": the Math namespace object (ES2025: every function
// incl. fround, f16round, clz32, imul, hypot; sumPrecise is ES2026 and not
// provided). Edge cases follow the spec where C's libm differs (pow with
// |base| = 1 and an infinite exponent, round, max/min with -0, hypot
// with infinities and NaN).
#include <math.h>
#include <stdint.h>
#include <time.h>

#include "bi_support_int.h"

// ToNumber of argument i (undefined when missing).
static bool arg_num(EnContext *cx, const EnArgs *args, uint32_t i, double *out) {
    EnValue v = en_arg(args, i);
    if (en_is_number(v)) {
        *out = en_as_number(v);
        return true;
    }
    return en_to_number(cx, v, out);
}

#define MATH_UNARY(name, expr)                                         \
    static EnValue math_##name(EnContext *cx, const EnArgs *args) {    \
        double x;                                                      \
        if (!arg_num(cx, args, 0, &x)) return EN_EXCEPTION;            \
        return en_number(expr);                                        \
    }

MATH_UNARY(abs, fabs(x))
MATH_UNARY(acos, acos(x))
MATH_UNARY(acosh, acosh(x))
MATH_UNARY(asin, asin(x))
MATH_UNARY(asinh, asinh(x))
MATH_UNARY(atan, atan(x))
MATH_UNARY(atanh, atanh(x))
// glibc's cbrt is not correctly rounded (cbrt(27) = 3.0000000000000004);
// the extended-precision one rounded to double matches V8's fdlibm port.
MATH_UNARY(cbrt, (double)cbrtl((long double)x))
MATH_UNARY(ceil, ceil(x))
MATH_UNARY(cos, cos(x))
MATH_UNARY(cosh, cosh(x))
MATH_UNARY(exp, exp(x))
MATH_UNARY(expm1, expm1(x))
MATH_UNARY(floor, floor(x))
MATH_UNARY(fround, (double)(float)x)
MATH_UNARY(log, log(x))
MATH_UNARY(log1p, log1p(x))
MATH_UNARY(log10, log10(x))
MATH_UNARY(log2, log2(x))
MATH_UNARY(sin, sin(x))
MATH_UNARY(sinh, sinh(x))
MATH_UNARY(sqrt, sqrt(x))
MATH_UNARY(tan, tan(x))
MATH_UNARY(tanh, tanh(x))
MATH_UNARY(trunc, trunc(x))
MATH_UNARY(sign, isnan(x) || x == 0 ? x : (x > 0 ? 1.0 : -1.0))

// Math.round: the integer closest to x, ties toward +Infinity; -0 for
// x in [-0.5, -0]. floor(x + 0.5) is wrong for 0.49999999999999994 and
// for odd integers above 2^52, hence the explicit form.
static double js_round(double x) {
    if (!isfinite(x) || x == 0) return x;
    if (x > 0 && x < 0.5) return 0.0;
    if (x < 0 && x >= -0.5) return -0.0;
    if (fabs(x) >= 4503599627370496.0) return x;
    double r = floor(x);
    return (x - r >= 0.5) ? r + 1 : r;
}
MATH_UNARY(round, js_round(x))

// binary16 rounding (round to nearest, ties to even), computed on the
// double directly (going through float would round twice).
static double f16_round(double x) {
    if (!isfinite(x) || x == 0) return x;
    double a = fabs(x);
    if (a >= 65520.0) return copysign(INFINITY, x);  // halfway above 65504 and beyond
    int e;
    frexp(a, &e);
    int ue = e - 1;  // a = 1.f * 2^ue
    if (ue < -14) ue = -14;  // subnormal halves share the 2^-24 quantum
    double quantum = ldexp(1.0, ue - 10);
    double q = nearbyint(a / quantum);  // exact scaling; ties to even
    return copysign(q * quantum, x);
}
MATH_UNARY(f16round, f16_round(x))

static EnValue math_clz32(EnContext *cx, const EnArgs *args) {
    uint32_t n;
    if (!en_to_uint32(cx, en_arg(args, 0), &n)) return EN_EXCEPTION;
    return en_int32(n == 0 ? 32 : __builtin_clz(n));
}

static EnValue math_imul(EnContext *cx, const EnArgs *args) {
    uint32_t a, b;
    if (!en_to_uint32(cx, en_arg(args, 0), &a) || !en_to_uint32(cx, en_arg(args, 1), &b))
        return EN_EXCEPTION;
    return en_int32((int32_t)(a * b));
}

static EnValue math_atan2(EnContext *cx, const EnArgs *args) {
    double y, x;
    if (!arg_num(cx, args, 0, &y) || !arg_num(cx, args, 1, &x)) return EN_EXCEPTION;
    return en_number(atan2(y, x));
}

// Number::exponentiate.
static double js_pow(double b, double e) {
    if (isnan(e)) return NAN;
    if (e == 0) return 1;
    if (isnan(b)) return NAN;
    if (fabs(b) == 1 && isinf(e)) return NAN;
    return pow(b, e);
}

static EnValue math_pow(EnContext *cx, const EnArgs *args) {
    double b, e;
    if (!arg_num(cx, args, 0, &b) || !arg_num(cx, args, 1, &e)) return EN_EXCEPTION;
    return en_number(js_pow(b, e));
}

// max / min: every argument is converted first (side effects of all), NaN
// wins, -0 < +0.
static EnValue math_minmax(EnContext *cx, const EnArgs *args, bool is_max) {
    double acc = is_max ? -INFINITY : INFINITY;
    bool nan = false;
    for (uint32_t i = 0; i < args->argc; i++) {
        double x;
        if (!arg_num(cx, args, i, &x)) return EN_EXCEPTION;
        if (isnan(x)) nan = true;
        else if (is_max ? (x > acc || (x == 0 && acc == 0 && !signbit(x)))
                        : (x < acc || (x == 0 && acc == 0 && signbit(x))))
            acc = x;
    }
    return en_number(nan ? NAN : acc);
}
static EnValue math_max(EnContext *cx, const EnArgs *args) { return math_minmax(cx, args, true); }
static EnValue math_min(EnContext *cx, const EnArgs *args) { return math_minmax(cx, args, false); }

// hypot: scaled by the largest magnitude, Kahan-compensated sum of
// squares (the same rounding as V8, so results match node's).
static EnValue math_hypot(EnContext *cx, const EnArgs *args) {
    double small[8];
    double *v = small;
    if (args->argc > 8) v = och_malloc(sizeof(double) * args->argc);
    bool inf = false, nan = false;
    double max = 0;
    for (uint32_t i = 0; i < args->argc; i++) {
        double x;
        if (!arg_num(cx, args, i, &x)) {
            if (v != small) och_free(v);
            return EN_EXCEPTION;
        }
        x = fabs(x);
        if (isinf(x)) inf = true;
        else if (isnan(x)) nan = true;
        else if (x > max) max = x;
        v[i] = x;
    }
    double r;
    if (inf) r = INFINITY;
    else if (nan) r = NAN;
    else if (max == 0) r = 0;
    else {
        double sum = 0, comp = 0;
        for (uint32_t i = 0; i < args->argc; i++) {
            double n = v[i] / max;
            double summand = n * n - comp;
            double prelim = sum + summand;
            comp = (prelim - sum) - summand;
            sum = prelim;
        }
        r = sqrt(sum) * max;
    }
    if (v != small) och_free(v);
    return en_number(r);
}

// Math.random: xorshift128+ per thread, seeded from the clock and the
// state's address (not cryptographic, like every engine's).
static _Thread_local uint64_t rnd_s[2];

static uint64_t splitmix(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static EnValue math_random(EnContext *cx, const EnArgs *args) {
    (void)cx;
    (void)args;
    if (rnd_s[0] == 0 && rnd_s[1] == 0) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        uint64_t seed = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 32) ^ (uint64_t)(uintptr_t)&rnd_s;
        rnd_s[0] = splitmix(&seed);
        rnd_s[1] = splitmix(&seed);
    }
    uint64_t s1 = rnd_s[0];
    const uint64_t s0 = rnd_s[1];
    rnd_s[0] = s0;
    s1 ^= s1 << 23;
    rnd_s[1] = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
    // 53 random bits -> [0, 1).
    return en_double((double)((rnd_s[1] + s0) >> 11) * 0x1.0p-53);
}

static const EnBiMethod math_methods[] = {
    {"abs", math_abs, 1},       {"acos", math_acos, 1},       {"acosh", math_acosh, 1},
    {"asin", math_asin, 1},     {"asinh", math_asinh, 1},     {"atan", math_atan, 1},
    {"atanh", math_atanh, 1},   {"atan2", math_atan2, 2},     {"cbrt", math_cbrt, 1},
    {"ceil", math_ceil, 1},     {"clz32", math_clz32, 1},     {"cos", math_cos, 1},
    {"cosh", math_cosh, 1},     {"exp", math_exp, 1},         {"expm1", math_expm1, 1},
    {"floor", math_floor, 1},   {"fround", math_fround, 1},   {"f16round", math_f16round, 1},
    {"hypot", math_hypot, 2},   {"imul", math_imul, 2},       {"log", math_log, 1},
    {"log1p", math_log1p, 1},   {"log10", math_log10, 1},     {"log2", math_log2, 1},
    {"max", math_max, 2},       {"min", math_min, 2},         {"pow", math_pow, 2},
    {"random", math_random, 0}, {"round", math_round, 1},     {"sign", math_sign, 1},
    {"sin", math_sin, 1},       {"sinh", math_sinh, 1},       {"sqrt", math_sqrt, 1},
    {"tan", math_tan, 1},       {"tanh", math_tanh, 1},       {"trunc", math_trunc, 1},
};

bool en_init_math(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *math = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 16);
    if (!math) goto out;
    EnValue *hm = en_handle(cx, en_object_value(math));
    cx->intrinsics[EN_INTRINSIC_Math] = math;
    static const struct {
        const char *name;
        double v;
    } consts[] = {
        {"E", 2.718281828459045},         {"LN10", 2.302585092994046},
        {"LN2", 0.6931471805599453},      {"LOG10E", 0.4342944819032518},
        {"LOG2E", 1.4426950408889634},    {"PI", 3.141592653589793},
        {"SQRT1_2", 0.7071067811865476},  {"SQRT2", 1.4142135623730951},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (!en_bi_value(cx, en_as_object(*hm), consts[i].name, en_double(consts[i].v), 0)) goto out;
    if (!en_bi_to_string_tag(cx, en_as_object(*hm), "Math")) goto out;
    if (!en_bi_methods(cx, en_as_object(*hm), math_methods, sizeof math_methods / sizeof math_methods[0]))
        goto out;
    ok = en_bi_value(cx, cx->global, "Math", *hm, EN_PROP_HIDDEN);
out:
    en_handle_scope_close(&hs);
    return ok;
}
