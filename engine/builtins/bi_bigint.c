// Builtin family "bigint" (ECMA-262 §21.2): the BigInt function (callable,
// `new` throws), BigInt.asIntN / asUintN and BigInt.prototype (toString,
// toLocaleString, valueOf, @@toStringTag). Values: bigint_int.h.
#include "bigint_int.h"
#include "bi_support_int.h"

// thisBigIntValue(value).
static bool this_bigint(EnContext *cx, EnValue v, const char *method, EnValue *out) {
    if (en_is_bigint(v)) return *out = v, true;
    if (en_is_object(v) && en_primitive_unwrap(en_as_object(v), EN_CLASS_BIGINT, out)) return true;
    en_throw_type_error(cx, "BigInt.prototype.%s requires that 'this' be a BigInt", method);
    return false;
}

static EnValue bigint_ctor(EnContext *cx, const EnArgs *args) {
    if (!en_is_undefined(args->new_target)) return en_throw_type_error(cx, "BigInt is not a constructor");
    EnValue prim = en_to_primitive(cx, en_arg(args, 0), EN_HINT_NUMBER);
    if (en_is_exception(prim)) return prim;
    if (en_is_number(prim)) return en_number_to_bigint(cx, en_as_number(prim));
    return en_to_bigint(cx, prim);
}

static EnValue as_n(EnContext *cx, const EnArgs *args, bool is_signed) {
    uint64_t bits;
    if (!en_to_index(cx, en_arg(args, 0), &bits)) return EN_EXCEPTION;
    EnValue b = en_to_bigint(cx, en_arg(args, 1));
    if (en_is_exception(b)) return b;
    return en_bigint_as_n(cx, bits, b, is_signed);
}

static EnValue bigint_as_int_n(EnContext *cx, const EnArgs *args) { return as_n(cx, args, true); }
static EnValue bigint_as_uint_n(EnContext *cx, const EnArgs *args) { return as_n(cx, args, false); }

static EnValue bigint_to_string(EnContext *cx, const EnArgs *args) {
    EnValue x;
    if (!this_bigint(cx, args->this_val, "toString", &x)) return EN_EXCEPTION;
    int radix = 10;
    if (!en_is_undefined(en_arg(args, 0))) {
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *hx = en_handle(cx, x);
        double r;
        bool ok = en_to_integer_or_infinity(cx, en_arg(args, 0), &r);
        x = *hx;
        en_handle_scope_close(&hs);
        if (!ok) return EN_EXCEPTION;
        if (r < 2 || r > 36) return en_throw_range_error(cx, "toString() radix must be between 2 and 36");
        radix = (int)r;
    }
    EnString *s = en_bigint_to_string(cx, en_as_bigint(x), radix);
    return s ? en_string_value(s) : EN_EXCEPTION;
}

// Without ECMA-402 the digits are the decimal toString (the spec's
// implementation-defined fallback).
static EnValue bigint_to_locale_string(EnContext *cx, const EnArgs *args) {
    EnValue x;
    if (!this_bigint(cx, args->this_val, "toLocaleString", &x)) return EN_EXCEPTION;
    EnString *s = en_bigint_to_string(cx, en_as_bigint(x), 10);
    return s ? en_string_value(s) : EN_EXCEPTION;
}

static EnValue bigint_value_of(EnContext *cx, const EnArgs *args) {
    EnValue x;
    if (!this_bigint(cx, args->this_val, "valueOf", &x)) return EN_EXCEPTION;
    return x;
}

static const EnBiMethod bigint_statics[] = {
    {"asIntN", bigint_as_int_n, 2},
    {"asUintN", bigint_as_uint_n, 2},
};

static const EnBiMethod bigint_methods[] = {
    {"toString", bigint_to_string, 0},
    {"toLocaleString", bigint_to_locale_string, 0},
    {"valueOf", bigint_value_of, 0},
};

bool en_init_bigint(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *proto = en_obj_new_plain(cx);  // ordinary object, not a BigInt wrapper
    if (!proto) goto out;
    EnValue *hproto = en_handle(cx, en_object_value(proto));
    EnObject *ctor = en_define_class(cx, "BigInt", bigint_ctor, 1, proto, EN_INTRINSIC_BigInt,
                                     EN_INTRINSIC_BigIntPrototype);
    if (!ctor) goto out;
    EnValue *hctor = en_handle(cx, en_object_value(ctor));
    ok = en_bi_methods(cx, en_as_object(*hctor), bigint_statics, sizeof bigint_statics / sizeof bigint_statics[0]) &&
         en_bi_methods(cx, en_as_object(*hproto), bigint_methods, sizeof bigint_methods / sizeof bigint_methods[0]) &&
         en_bi_to_string_tag(cx, en_as_object(*hproto), "BigInt");
out:
    en_handle_scope_close(&hs);
    return ok;
}
