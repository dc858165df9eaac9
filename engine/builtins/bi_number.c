// Builtin family "number": the Number constructor, its constants and
// predicates, and Number.prototype (toString with radix, toFixed,
// toExponential, toPrecision, toLocaleString, valueOf). Digits come from
// numconv.c.
#include <float.h>
#include <math.h>

#include "bigint_int.h"
#include "bi_support_int.h"
#include "numconv_int.h"

// Number(value) / new Number(value).
static EnValue number_ctor(EnContext *cx, const EnArgs *args) {
    double n = 0;
    if (args->argc > 0) {
        EnValue prim = en_to_numeric(cx, args->argv[0]);
        if (en_is_exception(prim)) return EN_EXCEPTION;
        n = en_is_bigint(prim) ? en_bigint_to_double(en_as_bigint(prim)) : en_as_number(prim);
    }
    if (en_is_undefined(args->new_target)) return en_number(n);
    EnObject *o = en_bi_new_wrapper(cx, args->new_target, EN_CLASS_NUMBER,
                                    EN_INTRINSIC_NumberPrototype, en_number(n));
    return o ? en_object_value(o) : EN_EXCEPTION;
}

static bool is_integral(double d) { return isfinite(d) && trunc(d) == d; }

static EnValue number_is_finite(EnContext *cx, const EnArgs *args) {
    (void)cx;
    EnValue v = en_arg(args, 0);
    return en_bool(en_is_number(v) && isfinite(en_as_number(v)));
}

static EnValue number_is_integer(EnContext *cx, const EnArgs *args) {
    (void)cx;
    EnValue v = en_arg(args, 0);
    return en_bool(en_is_number(v) && is_integral(en_as_number(v)));
}

static EnValue number_is_nan(EnContext *cx, const EnArgs *args) {
    (void)cx;
    EnValue v = en_arg(args, 0);
    return en_bool(en_is_number(v) && isnan(en_as_number(v)));
}

static EnValue number_is_safe_integer(EnContext *cx, const EnArgs *args) {
    (void)cx;
    EnValue v = en_arg(args, 0);
    if (!en_is_number(v)) return EN_FALSE;
    double d = en_as_number(v);
    return en_bool(is_integral(d) && fabs(d) <= 9007199254740991.0);
}

// --- prototype

static EnValue number_to_string(EnContext *cx, const EnArgs *args) {
    double x;
    if (!en_bi_this_number(cx, args->this_val, "toString", &x)) return EN_EXCEPTION;
    double r = 10;
    EnValue radix = en_arg(args, 0);
    if (!en_is_undefined(radix) && !en_to_integer_or_infinity(cx, radix, &r)) return EN_EXCEPTION;
    if (r < 2 || r > 36) return en_throw_range_error(cx, "toString() radix must be between 2 and 36");
    if (r == 10) {
        EnString *s = en_number_to_string(cx, x);
        return s ? en_string_value(s) : EN_EXCEPTION;
    }
    char buf[EN_NUM_RADIX_BUF];
    uint32_t n = en_num_to_radix_cstr(x, (int)r, buf, sizeof buf);
    return en_bi_ascii(cx, buf, n);
}

static EnValue number_to_locale_string(EnContext *cx, const EnArgs *args) {
    double x;
    if (!en_bi_this_number(cx, args->this_val, "toLocaleString", &x)) return EN_EXCEPTION;
    // No Intl: the plain Number::toString form.
    EnString *s = en_number_to_string(cx, x);
    return s ? en_string_value(s) : EN_EXCEPTION;
}

static EnValue number_value_of(EnContext *cx, const EnArgs *args) {
    double x;
    if (!en_bi_this_number(cx, args->this_val, "valueOf", &x)) return EN_EXCEPTION;
    return en_number(x);
}

static EnValue number_to_fixed(EnContext *cx, const EnArgs *args) {
    double x, f;
    if (!en_bi_this_number(cx, args->this_val, "toFixed", &x)) return EN_EXCEPTION;
    if (!en_to_integer_or_infinity(cx, en_arg(args, 0), &f)) return EN_EXCEPTION;
    if (!(f >= 0 && f <= 100)) return en_throw_range_error(cx, "toFixed() digits argument must be between 0 and 100");
    char buf[EN_NUM_FIXED_BUF];
    uint32_t n = en_num_to_fixed(x, (int)f, buf, sizeof buf);
    return en_bi_ascii(cx, buf, n);
}

static EnValue number_to_exponential(EnContext *cx, const EnArgs *args) {
    double x, f;
    if (!en_bi_this_number(cx, args->this_val, "toExponential", &x)) return EN_EXCEPTION;
    EnValue fd = en_arg(args, 0);
    if (!en_to_integer_or_infinity(cx, fd, &f)) return EN_EXCEPTION;
    char buf[EN_NUM_FIXED_BUF];
    uint32_t n;
    if (!isfinite(x)) {
        n = en_num_to_cstr(x, buf);
        return en_bi_ascii(cx, buf, n);
    }
    if (!(f >= 0 && f <= 100)) return en_throw_range_error(cx, "toExponential() argument must be between 0 and 100");
    n = en_num_to_exponential(x, en_is_undefined(fd) ? -1 : (int)f, buf, sizeof buf);
    return en_bi_ascii(cx, buf, n);
}

static EnValue number_to_precision(EnContext *cx, const EnArgs *args) {
    double x, p;
    if (!en_bi_this_number(cx, args->this_val, "toPrecision", &x)) return EN_EXCEPTION;
    EnValue pv = en_arg(args, 0);
    if (en_is_undefined(pv)) {
        EnString *s = en_number_to_string(cx, x);
        return s ? en_string_value(s) : EN_EXCEPTION;
    }
    if (!en_to_integer_or_infinity(cx, pv, &p)) return EN_EXCEPTION;
    char buf[EN_NUM_FIXED_BUF];
    uint32_t n;
    if (!isfinite(x)) {
        n = en_num_to_cstr(x, buf);
        return en_bi_ascii(cx, buf, n);
    }
    if (!(p >= 1 && p <= 100)) return en_throw_range_error(cx, "toPrecision() argument must be between 1 and 100");
    n = en_num_to_precision(x, (int)p, buf, sizeof buf);
    return en_bi_ascii(cx, buf, n);
}

static const EnBiMethod number_statics[] = {
    {"isFinite", number_is_finite, 1},
    {"isInteger", number_is_integer, 1},
    {"isNaN", number_is_nan, 1},
    {"isSafeInteger", number_is_safe_integer, 1},
    {"parseFloat", en_bi_parse_float, 1},
    {"parseInt", en_bi_parse_int, 2},
};

static const EnBiMethod number_methods[] = {
    {"toExponential", number_to_exponential, 1},
    {"toFixed", number_to_fixed, 1},
    {"toLocaleString", number_to_locale_string, 0},
    {"toPrecision", number_to_precision, 1},
    {"toString", number_to_string, 1},
    {"valueOf", number_value_of, 0},
};

bool en_init_number(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    // %Number.prototype% is itself a Number object whose value is +0.
    EnObject *proto = en_obj_new(cx, EN_CLASS_NUMBER, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 8);
    if (!proto) goto out;
    ((EnPrimitiveObject *)proto)->value = en_int32(0);
    EnValue *hproto = en_handle(cx, en_object_value(proto));
    EnObject *ctor = en_define_class(cx, "Number", number_ctor, 1, proto, EN_INTRINSIC_Number,
                                     EN_INTRINSIC_NumberPrototype);
    if (!ctor) goto out;
    EnValue *hctor = en_handle(cx, en_object_value(ctor));
    static const struct {
        const char *name;
        double v;
    } consts[] = {
        {"EPSILON", DBL_EPSILON}, {"MAX_SAFE_INTEGER", 9007199254740991.0},
        {"MIN_SAFE_INTEGER", -9007199254740991.0}, {"MAX_VALUE", DBL_MAX},
        {"MIN_VALUE", 4.9406564584124654e-324}, {"NaN", NAN},
        {"NEGATIVE_INFINITY", -INFINITY}, {"POSITIVE_INFINITY", INFINITY},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (!en_bi_value(cx, en_as_object(*hctor), consts[i].name, en_number(consts[i].v), 0)) goto out;
    if (!en_bi_methods(cx, en_as_object(*hctor), number_statics,
                       sizeof number_statics / sizeof number_statics[0]))
        goto out;
    ok = en_bi_methods(cx, en_as_object(*hproto), number_methods,
                       sizeof number_methods / sizeof number_methods[0]);
out:
    en_handle_scope_close(&hs);
    return ok;
}
