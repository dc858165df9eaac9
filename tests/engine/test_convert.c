// Abstract operations: ToNumber / ToString / ToPrimitive / ToBoolean
// tables, integer conversions, equality (strict, loose, SameValue),
// IsLessThan, typeof, instanceof, iterators. Runs normally and with
// gc_stress.
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>

#include "objmodel_int.h"

typedef struct Env {
    EnRuntime *rt;
    EnContext *cx;
    EnHandleScope hs;
} Env;

static void env_open(Env *e, bool stress) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    e->rt = en_runtime_new(&lim);
    e->cx = en_context_new(e->rt);
    en_handle_scope_open(e->cx, &e->hs);
}

static void env_close(Env *e) {
    en_handle_scope_close(&e->hs);
    en_context_free(e->cx);
    en_runtime_free(e->rt);
}

#define BOTH(name)                                                  \
    static void name##_body(EnContext *cx);                         \
    Test(convert, name) {                                           \
        Env e;                                                      \
        env_open(&e, false);                                        \
        name##_body(e.cx);                                          \
        env_close(&e);                                              \
    }                                                               \
    Test(convert_gcstress, name) {                                  \
        Env e;                                                      \
        env_open(&e, true);                                         \
        name##_body(e.cx);                                          \
        env_close(&e);                                              \
    }                                                               \
    static void name##_body(EnContext *cx)

static EnValue str(EnContext *cx, const char *s) {
    EnString *p = en_str_from_cstr(cx, s);
    cr_assert(p);
    return *en_handle(cx, en_string_value(p));
}

static bool same_num(double a, double b) {
    if (a != a) return b != b;
    return a == b && signbit(a) == signbit(b);
}

static void check_to_string(EnContext *cx, EnValue v, const char *want) {
    EnString *s = en_to_string(cx, v);
    cr_assert(s, "ToString threw for %s", want);
    OchBuf b = {0};
    en_str_to_utf8(cx, s, &b);
    cr_assert_str_eq(b.data ? b.data : "", want);
    och_buf_free(&b);
}

BOTH(to_number_table) {
    static const struct {
        const char *in;
        double want;
    } cases[] = {
        {"", 0},         {"  12  ", 12},     {"\t\n 7 \r", 7}, {"0x10", 16},     {"0o17", 15},
        {"0b101", 5},    {"1e3", 1000},      {".5", 0.5},      {"5.", 5},        {"-0", -0.0},
        {"+1", 1},       {"Infinity", INFINITY}, {"-Infinity", -INFINITY}, {"abc", NAN}, {"1_000", NAN},
        {"0x", NAN},     {"-0x10", NAN},     {"12px", NAN},    {"\xc2\xa0" "3", 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double d;
        cr_assert(en_to_number(cx, str(cx, cases[i].in), &d));
        cr_assert(same_num(d, cases[i].want), "ToNumber(\"%s\") = %g, want %g", cases[i].in, d, cases[i].want);
    }
    double d;
    cr_assert(en_to_number(cx, EN_UNDEFINED, &d) && d != d);
    cr_assert(en_to_number(cx, EN_NULL, &d) && same_num(d, 0));
    cr_assert(en_to_number(cx, EN_TRUE, &d) && d == 1);
    cr_assert(en_to_number(cx, EN_FALSE, &d) && same_num(d, 0));
    EnValue sym = en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator));
    cr_assert(!en_to_number(cx, sym, &d));
    cr_assert(cx->has_exception);
    en_exception_take(cx);
}

BOTH(to_string_table) {
    check_to_string(cx, en_int32(0), "0");
    check_to_string(cx, en_double(-0.0), "0");
    check_to_string(cx, en_int32(-42), "-42");
    check_to_string(cx, en_double(0.1 + 0.2), "0.30000000000000004");
    check_to_string(cx, en_double(1e21), "1e+21");
    check_to_string(cx, en_double(123456789012345680000.0), "123456789012345680000");
    check_to_string(cx, en_double(1.5e-7), "1.5e-7");
    check_to_string(cx, en_double(NAN), "NaN");
    check_to_string(cx, en_double(-INFINITY), "-Infinity");
    check_to_string(cx, en_double(4294967295.0), "4294967295");
    check_to_string(cx, EN_UNDEFINED, "undefined");
    check_to_string(cx, EN_NULL, "null");
    check_to_string(cx, EN_TRUE, "true");
    EnValue sym = en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator));
    cr_assert_null(en_to_string(cx, sym));
    en_exception_take(cx);
}

static EnValue to_prim_hint(EnContext *cx, const EnArgs *a) {
    (void)cx;
    // Returns the hint it was called with.
    return en_arg(a, 0);
}
static EnValue value_of_7(EnContext *cx, const EnArgs *a) {
    (void)cx, (void)a;
    return en_int32(7);
}
static EnValue returns_object(EnContext *cx, const EnArgs *a) {
    (void)cx;
    return a->this_val;
}

BOTH(to_primitive_table) {
    EnObject *o = en_obj_new_plain(cx);
    EnValue *h = en_handle(cx, en_object_value(o));
    // OrdinaryToPrimitive: number hint tries valueOf first.
    cr_assert(en_define_method(cx, en_as_object(*h), "valueOf", value_of_7, 0));
    cr_assert_eq(en_to_primitive(cx, *h, EN_HINT_NUMBER), en_int32(7));
    cr_assert_eq(en_to_primitive(cx, *h, EN_HINT_DEFAULT), en_int32(7));
    EnValue s = en_to_primitive(cx, *h, EN_HINT_STRING);
    cr_assert(en_is_string(s) && en_str_equal_cstr(cx, en_as_string(s), "[object Object]"));
    double d;
    cr_assert(en_to_number(cx, *h, &d) && d == 7);
    // @@toPrimitive gets the hint string.
    EnObject *p = en_obj_new_plain(cx);
    EnValue *hp = en_handle(cx, en_object_value(p));
    cr_assert(en_define_method_sym(cx, en_as_object(*hp), EN_SYM_toPrimitive, "[Symbol.toPrimitive]",
                                   to_prim_hint, 1));
    s = en_to_primitive(cx, *hp, EN_HINT_DEFAULT);
    cr_assert(en_str_equal_cstr(cx, en_as_string(s), "default"));
    s = en_to_primitive(cx, *hp, EN_HINT_NUMBER);
    cr_assert(en_str_equal_cstr(cx, en_as_string(s), "number"));
    s = en_to_primitive(cx, *hp, EN_HINT_STRING);
    cr_assert(en_str_equal_cstr(cx, en_as_string(s), "string"));
    // Both methods returning objects: TypeError.
    EnObject *q = en_obj_new_plain(cx);
    EnValue *hq = en_handle(cx, en_object_value(q));
    cr_assert(en_define_method(cx, en_as_object(*hq), "valueOf", returns_object, 0));
    cr_assert(en_define_method(cx, en_as_object(*hq), "toString", returns_object, 0));
    cr_assert(en_is_exception(en_to_primitive(cx, *hq, EN_HINT_DEFAULT)));
    EnValue exc = en_exception_take(cx);
    cr_assert_eq(en_as_object(exc)->shape->proto, en_intrinsic(cx, EN_INTRINSIC_TypeErrorPrototype));
}

BOTH(to_boolean_and_integers) {
    cr_assert(!en_to_boolean(en_double(NAN)));
    cr_assert(!en_to_boolean(en_double(-0.0)));
    cr_assert(en_to_boolean(en_double(0.5)));
    cr_assert(!en_to_boolean(str(cx, "")));
    cr_assert(en_to_boolean(str(cx, "0")));
    cr_assert(en_to_boolean(en_object_value(en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype))));
    int32_t i;
    uint32_t u;
    cr_assert(en_to_int32(cx, en_double(4294967295.0), &i) && i == -1);
    cr_assert(en_to_int32(cx, en_double(2147483648.0), &i) && i == INT32_MIN);
    cr_assert(en_to_int32(cx, en_double(-1.9), &i) && i == -1);
    cr_assert(en_to_int32(cx, en_double(1e20), &i) && i == 1661992960);
    cr_assert(en_to_uint32(cx, en_int32(-1), &u) && u == 4294967295u);
    cr_assert(en_to_uint32(cx, en_double(NAN), &u) && u == 0);
    cr_assert(en_to_uint32(cx, en_double(-4294967297.0), &u) && u == 4294967295u);
    double d;
    cr_assert(en_to_integer_or_infinity(cx, en_double(-0.5), &d) && same_num(d, 0));
    cr_assert(en_to_integer_or_infinity(cx, en_double(-INFINITY), &d) && d == -INFINITY);
    uint64_t l;
    cr_assert(en_to_length(cx, en_double(1e300), &l) && l == 9007199254740991ull);
    cr_assert(en_to_length(cx, en_int32(-5), &l) && l == 0);
    cr_assert(en_to_index(cx, EN_UNDEFINED, &l) && l == 0);
    cr_assert(!en_to_index(cx, en_int32(-1), &l));
    en_exception_take(cx);
}

BOTH(equality) {
    // Strict: numbers by value, strings by content (also ropes), NaN unequal.
    cr_assert(en_strict_equals(en_int32(1), en_double(1.0)));
    cr_assert(!en_strict_equals(en_double(NAN), en_double(NAN)));
    cr_assert(en_strict_equals(en_double(0.0), en_double(-0.0)));
    EnValue a = str(cx, "hello world, this is long enough to be a rope maybe");
    EnString *l = en_str_from_cstr(cx, "hello world, ");
    EnValue *hl = en_handle(cx, en_string_value(l));
    EnString *r = en_str_from_cstr(cx, "this is long enough to be a rope maybe");
    EnString *cat = en_str_concat(cx, en_as_string(*hl), r);
    cr_assert(cat);
    EnValue *hc = en_handle(cx, en_string_value(cat));
    cr_assert(en_strict_equals(a, *hc));
    cr_assert(!en_strict_equals(str(cx, "hello"), str(cx, "hellp")));
    // SameValue / SameValueZero.
    cr_assert(en_same_value(en_double(NAN), en_double(NAN)));
    cr_assert(!en_same_value(en_double(0.0), en_double(-0.0)));
    cr_assert(en_same_value_zero(en_double(0.0), en_double(-0.0)));
    // Loose.
    bool eq;
    cr_assert(en_loose_equals(cx, EN_NULL, EN_UNDEFINED, &eq) && eq);
    cr_assert(en_loose_equals(cx, EN_NULL, en_int32(0), &eq) && !eq);
    cr_assert(en_loose_equals(cx, str(cx, "1"), en_int32(1), &eq) && eq);
    cr_assert(en_loose_equals(cx, EN_TRUE, str(cx, "1"), &eq) && eq);
    cr_assert(en_loose_equals(cx, EN_FALSE, str(cx, ""), &eq) && eq);
    cr_assert(en_loose_equals(cx, str(cx, " \n"), en_int32(0), &eq) && eq);
    cr_assert(en_loose_equals(cx, en_double(NAN), en_double(NAN), &eq) && !eq);
    EnObject *o = en_obj_new_plain(cx);
    EnValue *ho = en_handle(cx, en_object_value(o));
    cr_assert(en_loose_equals(cx, *ho, str(cx, "[object Object]"), &eq) && eq);
    cr_assert(en_loose_equals(cx, *ho, *ho, &eq) && eq);
    cr_assert(en_loose_equals(cx, *ho, EN_NULL, &eq) && !eq);
}

BOTH(less_than_and_typeof) {
    cr_assert_eq(en_less_than(cx, en_int32(1), en_int32(2), true), 1);
    cr_assert_eq(en_less_than(cx, en_double(NAN), en_int32(2), true), -1);
    cr_assert_eq(en_less_than(cx, str(cx, "a"), str(cx, "b"), true), 1);
    cr_assert_eq(en_less_than(cx, str(cx, "10"), str(cx, "9"), true), 1);  // string order
    cr_assert_eq(en_less_than(cx, str(cx, "10"), en_int32(9), true), 0);
    cr_assert_eq(en_less_than(cx, EN_NULL, en_int32(1), true), 1);
    EnValue sym = en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator));
    cr_assert_eq(en_less_than(cx, sym, en_int32(1), true), -2);
    en_exception_take(cx);
    static const struct {
        EnValue v;
        const char *t;
    } cases[] = {{EN_UNDEFINED, "undefined"}, {EN_NULL, "object"}, {EN_TRUE, "boolean"}, {0x3ff0000000000000ull, "number"}};
    for (size_t i = 0; i < 4; i++) cr_assert(en_str_equal_cstr(cx, en_typeof(cx, cases[i].v), cases[i].t));
    cr_assert(en_str_equal_cstr(cx, en_typeof(cx, sym), "symbol"));
    cr_assert(en_str_equal_cstr(cx, en_typeof(cx, str(cx, "x")), "string"));
    cr_assert(en_str_equal_cstr(cx, en_typeof(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_Object))), "function"));
    cr_assert(en_str_equal_cstr(cx, en_typeof(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype))), "object"));
}

BOTH(to_object_wraps_primitives) {
    EnObject *o = en_to_object(cx, en_int32(5));
    cr_assert(o);
    EnValue v;
    cr_assert(en_primitive_unwrap(o, EN_CLASS_NUMBER, &v) && v == en_int32(5));
    cr_assert_null(en_to_object(cx, EN_NULL));
    en_exception_take(cx);
    o = en_to_object(cx, EN_TRUE);
    cr_assert(o && en_obj_class(o) == EN_CLASS_BOOLEAN);
}

BOTH(iterators_over_a_helper) {
    // Iterator.from(arrayLike iterator) through a native iterator object:
    // build one by hand: { next() { ... } } counting to 3.
    EnValue from = en_get(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_Iterator)),
                          en_key_atom(en_atom_from_cstr(cx, "from")));
    cr_assert(en_is_callable(from));
    EnObject *it = en_create_iter_result(cx, en_int32(1), false);
    cr_assert(it);
    EnValue *hi = en_handle(cx, en_object_value(it));
    bool ok;
    EnValue *hv = en_handle(cx, EN_UNDEFINED);
    (void)hv;
    cr_assert(en_get(cx, *hi, en_key_atom(en_atom(cx, EN_ATOM_value))) == en_int32(1));
    cr_assert(en_get(cx, *hi, en_key_atom(en_atom(cx, EN_ATOM_done))) == EN_FALSE);
    (void)ok;
    // Objects without @@iterator are not iterable.
    EnIteratorRecord rec;
    cr_assert(!en_get_iterator(cx, *hi, false, &rec));
    en_exception_take(cx);
}
