// Abstract operations of ECMA-262 §7: type conversions, property keys,
// equality and relational comparison, instanceof, species and prototype
// lookup from constructors.
#include <stdio.h>

#include "bigint_int.h"
#include "objmodel_int.h"
#include "proxy_int.h"
#include "vm_int.h"

// ---------------------------------------------------------------------------
// Property keys.

bool en_string_to_index(EnString *s, uint32_t *index) {
    uint32_t n = en_str_length(s);
    if (n == 0 || n > 10) return false;
    uint16_t c = en_str_at(s, 0);
    if (c < '0' || c > '9' || (c == '0' && n > 1)) return false;
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; i++) {
        c = en_str_at(s, i);
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    if (v > 0xFFFFFFFEull) return false;
    *index = (uint32_t)v;
    return true;
}

static bool key_from_string(EnContext *cx, EnString *s, EnKey *out) {
    if (s->hdr.flags & EN_STR_ATOM) return *out = en_string_value(s), true;
    s = en_str_flatten(cx, s);
    if (!s) return false;
    uint32_t idx;
    if (en_string_to_index(s, &idx)) return *out = en_key_index(idx), true;
    EnString *a = en_atom_intern(cx, s);
    if (!a) return false;
    *out = en_string_value(a);
    return true;
}

bool en_key_from_value(EnContext *cx, EnValue v, EnKey *out) {
    if (en_is_int32(v) && en_as_int32(v) >= 0) return *out = v, true;
    if (en_is_string(v)) return key_from_string(cx, en_as_string(v), out);
    if (en_is_symbol(v)) return *out = v, true;
    if (en_is_double(v)) {
        double d = en_as_double(v);
        if (d >= 0 && d <= 4294967294.0 && d == (double)(uint32_t)d && !(d == 0 && signbit(d)))
            return *out = en_key_index((uint32_t)d), true;
    }
    if (en_is_object(v)) {
        v = en_to_primitive(cx, v, EN_HINT_STRING);
        if (en_is_exception(v)) return false;
        if (en_is_symbol(v)) return *out = v, true;
    }
    EnString *s = en_to_string(cx, v);
    return s && key_from_string(cx, s, out);
}

EnValue en_key_to_value(EnContext *cx, EnKey k) {
    uint32_t idx;
    if (en_key_is_index(k, &idx)) {
        EnString *s = en_number_to_string(cx, (double)idx);
        return s ? en_string_value(s) : EN_EXCEPTION;
    }
    return k;
}

EnKey en_key_from_cstr(EnContext *cx, const char *s) {
    EnString *str = en_str_from_cstr(cx, s);
    EnKey k;
    if (!str || !key_from_string(cx, str, &k)) return EN_EXCEPTION;
    return k;
}

// ---------------------------------------------------------------------------
// Conversions.

bool en_to_boolean(EnValue v) {
    if (en_is_bool(v)) return v == EN_TRUE;
    if (en_is_int32(v)) return en_as_int32(v) != 0;
    if (en_is_double(v)) {
        double d = en_as_double(v);
        return d == d && d != 0;
    }
    if (en_is_string(v)) return en_str_length(en_as_string(v)) != 0;
    if (en_is_object(v)) return !(en_as_object(v)->hdr.flags & EN_OBJ_HTMLDDA);
    if (en_is_nullish(v)) return false;
    if (en_is_bigint(v)) return !en_bigint_is_zero(en_as_bigint(v));
    return true;  // symbols
}

static EnValue get_method(EnContext *cx, EnValue v, EnKey k) {
    EnValue f = en_get(cx, v, k);
    if (en_is_exception(f) || en_is_nullish(f)) return en_is_exception(f) ? f : EN_UNDEFINED;
    if (!en_is_callable(f)) return en_throw_type_error(cx, "property is not a function");
    return f;
}

static EnValue ordinary_to_primitive(EnContext *cx, EnValue o, int hint) {
    EnAtomId order[2] = {EN_ATOM_valueOf, EN_ATOM_toString};
    if (hint == EN_HINT_STRING) order[0] = EN_ATOM_toString, order[1] = EN_ATOM_valueOf;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, o);
    EnValue res = EN_EXCEPTION;
    for (int i = 0; i < 2; i++) {
        EnValue f = en_get_atom(cx, *ho, order[i]);
        if (en_is_exception(f)) goto done;
        if (en_is_callable(f)) {
            EnValue r = en_call(cx, f, *ho, 0, NULL);
            if (en_is_exception(r)) goto done;
            if (!en_is_object(r)) {
                res = r;
                goto done;
            }
        }
    }
    en_throw_type_error(cx, "Cannot convert object to primitive value");
done:
    en_handle_scope_close(&hs);
    return res;
}

EnValue en_to_primitive(EnContext *cx, EnValue v, int hint) {
    if (!en_is_object(v)) return v;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v);
    EnValue res;
    EnValue f = get_method(cx, v, en_symbol_value(en_well_known_symbol(cx, EN_SYM_toPrimitive)));
    if (en_is_exception(f)) {
        res = f;
    } else if (!en_is_undefined(f)) {
        static const EnAtomId names[3] = {EN_ATOM_default_, EN_ATOM_number, EN_ATOM_string};
        EnValue *arg = en_handle(cx, en_string_value(en_atom(cx, names[hint])));
        res = en_call(cx, f, *hv, 1, arg);
        if (!en_is_exception(res) && en_is_object(res))
            res = en_throw_type_error(cx, "Cannot convert object to primitive value");
    } else {
        res = ordinary_to_primitive(cx, *hv, hint == EN_HINT_STRING ? EN_HINT_STRING : EN_HINT_NUMBER);
    }
    en_handle_scope_close(&hs);
    return res;
}

EnValue en_to_numeric(EnContext *cx, EnValue v) {
    if (en_is_number(v)) return v;
    v = en_to_primitive(cx, v, EN_HINT_NUMBER);
    if (en_is_exception(v) || en_is_bigint(v)) return v;
    double d;
    if (!en_to_number(cx, v, &d)) return EN_EXCEPTION;
    return en_number(d);
}

bool en_to_number(EnContext *cx, EnValue v, double *out) {
    for (;;) {
        if (en_is_int32(v)) return *out = en_as_int32(v), true;
        if (en_is_double(v)) return *out = en_as_double(v), true;
        if (en_is_undefined(v)) return *out = NAN, true;
        if (en_is_null(v) || v == EN_FALSE) return *out = 0, true;
        if (v == EN_TRUE) return *out = 1, true;
        if (en_is_string(v)) {
            EnString *s = en_str_flatten(cx, en_as_string(v));
            if (!s) return false;
            *out = en_num_parse_units(s);
            return true;
        }
        if (en_is_symbol(v)) return en_throw_type_error(cx, "Cannot convert a Symbol value to a number"), false;
        if (en_is_bigint(v)) return en_throw_type_error(cx, "Cannot convert a BigInt value to a number"), false;
        v = en_to_primitive(cx, v, EN_HINT_NUMBER);
        if (en_is_exception(v)) return false;
    }
}

// The integer modulo 2^32 of a finite double (ToUint32's core).
static uint32_t double_to_uint32(double d) {
    if (!(d == d) || isinf(d)) return 0;
    if (d >= 0 && d < 4294967296.0) return (uint32_t)d;
    if (d > -2147483649.0 && d < 0) return (uint32_t)(int32_t)d;
    double t = trunc(d);
    double m = fmod(t, 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return (uint32_t)m;
}

bool en_to_int32(EnContext *cx, EnValue v, int32_t *out) {
    if (en_is_int32(v)) return *out = en_as_int32(v), true;
    double d;
    if (!en_to_number(cx, v, &d)) return false;
    *out = (int32_t)double_to_uint32(d);
    return true;
}

bool en_to_uint32(EnContext *cx, EnValue v, uint32_t *out) {
    if (en_is_int32(v)) return *out = (uint32_t)en_as_int32(v), true;
    double d;
    if (!en_to_number(cx, v, &d)) return false;
    *out = double_to_uint32(d);
    return true;
}

bool en_to_integer_or_infinity(EnContext *cx, EnValue v, double *out) {
    if (en_is_int32(v)) return *out = en_as_int32(v), true;
    double d;
    if (!en_to_number(cx, v, &d)) return false;
    if (d != d || d == 0) d = 0;
    else if (!isinf(d)) d = trunc(d);
    *out = d + 0.0;  // -0 -> +0
    return true;
}

bool en_to_length(EnContext *cx, EnValue v, uint64_t *out) {
    double d;
    if (!en_to_integer_or_infinity(cx, v, &d)) return false;
    if (d <= 0) *out = 0;
    else if (d >= 9007199254740991.0) *out = 9007199254740991ull;
    else *out = (uint64_t)d;
    return true;
}

bool en_to_index(EnContext *cx, EnValue v, uint64_t *out) {
    if (en_is_undefined(v)) return *out = 0, true;
    double d;
    if (!en_to_integer_or_infinity(cx, v, &d)) return false;
    if (d < 0 || d > 9007199254740991.0) return en_throw_range_error(cx, "Invalid index"), false;
    *out = (uint64_t)d;
    return true;
}

EnString *en_number_to_string(EnContext *cx, double d) {
    char buf[EN_NUM_BUF];
    uint32_t n;
    if (d >= 0 && d < 10 && d == (double)(int)d && !signbit(d)) {
        return en_str_from_unit(cx, (uint16_t)('0' + (int)d));
    }
    if (d == (double)(int32_t)d && d >= -2147483648.0 && d <= 2147483647.0 && !(d == 0)) {
        n = (uint32_t)snprintf(buf, sizeof buf, "%d", (int32_t)d);
    } else {
        n = en_num_to_cstr(d, buf);
    }
    return en_str_from_latin1(cx, (const uint8_t *)buf, n);
}

EnString *en_to_string(EnContext *cx, EnValue v) {
    for (;;) {
        if (en_is_string(v)) return en_as_string(v);
        if (en_is_number(v)) return en_number_to_string(cx, en_as_number(v));
        if (en_is_undefined(v)) return en_atom(cx, EN_ATOM_undefined);
        if (en_is_null(v)) return en_atom(cx, EN_ATOM_null_);
        if (v == EN_TRUE) return en_atom(cx, EN_ATOM_true_);
        if (v == EN_FALSE) return en_atom(cx, EN_ATOM_false_);
        if (en_is_symbol(v)) return en_throw_type_error(cx, "Cannot convert a Symbol value to a string"), NULL;
        if (en_is_bigint(v)) return en_bigint_to_string(cx, en_as_bigint(v), 10);
        v = en_to_primitive(cx, v, EN_HINT_STRING);
        if (en_is_exception(v)) return NULL;
    }
}

EnValue en_to_string_value(EnContext *cx, EnValue v) {
    EnString *s = en_to_string(cx, v);
    return s ? en_string_value(s) : EN_EXCEPTION;
}

EnObject *en_to_object(EnContext *cx, EnValue v) {
    if (en_is_object(v)) return en_as_object(v);
    if (en_is_nullish(v)) {
        en_throw_type_error(cx, "Cannot convert %s to object", en_is_null(v) ? "null" : "undefined");
        return NULL;
    }
    return en_primitive_wrap(cx, v);
}

EnString *en_typeof(EnContext *cx, EnValue v) {
    EnAtomId id;
    if (en_is_number(v)) id = EN_ATOM_number;
    else if (en_is_string(v)) id = EN_ATOM_string;
    else if (en_is_bool(v)) id = EN_ATOM_boolean;
    else if (en_is_undefined(v)) id = EN_ATOM_undefined;
    else if (en_is_null(v)) id = EN_ATOM_object;
    else if (en_is_symbol(v)) id = EN_ATOM_symbol;
    else if (en_is_bigint(v)) id = EN_ATOM_bigint;
    else {
        EnObject *o = en_as_object(v);
        if (o->hdr.flags & EN_OBJ_HTMLDDA) id = EN_ATOM_undefined;
        else id = en_obj_is_callable(o) ? EN_ATOM_function : EN_ATOM_object;
    }
    return en_atom(cx, id);
}

// ---------------------------------------------------------------------------
// Equality.

// Leaves of a string (a flat string or a rope tree), left to right, without
// flattening (equality has no context to allocate with).
typedef struct LeafIter {
    const EnString **stack;
    uint32_t sp, cap;
    const EnString *leaf;
    uint32_t pos;
} LeafIter;

static void leaf_push(LeafIter *it, const EnString *s) {
    if (it->sp == it->cap) {
        it->cap = it->cap ? it->cap * 2 : 16;
        it->stack = och_realloc(it->stack, it->cap * sizeof(EnString *));
    }
    it->stack[it->sp++] = s;
}

static bool leaf_next(LeafIter *it) {
    while (it->sp) {
        const EnString *s = it->stack[--it->sp];
        if (!en_str_is_rope(s)) {
            if (!en_str_length(s)) continue;
            it->leaf = s;
            it->pos = 0;
            return true;
        }
        const EnRope *r = (const EnRope *)s;
        if (r->right) leaf_push(it, r->right);
        if (r->left) leaf_push(it, r->left);
    }
    return false;
}

static bool units_equal_any(const EnString *a, const EnString *b) {
    LeafIter x = {0}, y = {0};
    leaf_push(&x, a);
    leaf_push(&y, b);
    bool eq = true, hx = leaf_next(&x), hy = leaf_next(&y);
    while (hx && hy) {
        if (en_str_at(x.leaf, x.pos) != en_str_at(y.leaf, y.pos)) {
            eq = false;
            break;
        }
        if (++x.pos == en_str_length(x.leaf)) hx = leaf_next(&x);
        if (++y.pos == en_str_length(y.leaf)) hy = leaf_next(&y);
    }
    if (eq) eq = !hx && !hy;
    och_free(x.stack);
    och_free(y.stack);
    return eq;
}

static bool strings_equal(EnString *a, EnString *b) {
    if (a == b) return true;
    uint32_t n = en_str_length(a);
    if (n != en_str_length(b)) return false;
    if (a->hdr.flags & b->hdr.flags & EN_STR_ATOM) return false;
    if (!en_str_is_rope(a) && !en_str_is_rope(b)) {
        if ((a->hdr.flags & b->hdr.flags & EN_STR_HASHED) && a->hash != b->hash) return false;
        if (en_str_is_latin1(a) && en_str_is_latin1(b)) return memcmp(a->u.latin1, b->u.latin1, n) == 0;
        for (uint32_t i = 0; i < n; i++)
            if (en_str_at(a, i) != en_str_at(b, i)) return false;
        return true;
    }
    return units_equal_any(a, b);
}

bool en_strict_equals(EnValue a, EnValue b) {
    if (en_is_number(a) && en_is_number(b)) return en_as_number(a) == en_as_number(b);
    if (en_is_string(a) && en_is_string(b)) return strings_equal(en_as_string(a), en_as_string(b));
    if (en_is_bigint(a) && en_is_bigint(b)) return en_bigint_equal(en_as_bigint(a), en_as_bigint(b));
    return a == b;
}

bool en_same_value_zero(EnValue a, EnValue b) {
    if (en_is_number(a) && en_is_number(b)) {
        double x = en_as_number(a), y = en_as_number(b);
        return x == y || (x != x && y != y);
    }
    return en_strict_equals(a, b);
}

bool en_same_value(EnValue a, EnValue b) {
    if (en_is_number(a) && en_is_number(b)) {
        double x = en_as_number(a), y = en_as_number(b);
        if (x != x) return y != y;
        return x == y && signbit(x) == signbit(y);
    }
    return en_strict_equals(a, b);
}

bool en_loose_equals(EnContext *cx, EnValue a, EnValue b, bool *out) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ha = en_handle(cx, a), *hb = en_handle(cx, b);
    bool ok = true;
    for (;;) {
        a = *ha, b = *hb;
        uint32_t ta = en_is_number(a) ? 0 : en_tag(a), tb = en_is_number(b) ? 0 : en_tag(b);
        bool same_type = ta == tb && (ta != EN_TAG_SPECIAL || (en_is_bool(a) == en_is_bool(b) &&
                                                                en_is_nullish(a) == en_is_nullish(b)));
        if (same_type && !(en_is_nullish(a) && a != b)) {
            *out = en_strict_equals(a, b);
            break;
        }
        if (en_is_nullish(a) || en_is_nullish(b)) {
            bool da = en_is_nullish(a) || (en_is_object(a) && (en_as_object(a)->hdr.flags & EN_OBJ_HTMLDDA));
            bool db = en_is_nullish(b) || (en_is_object(b) && (en_as_object(b)->hdr.flags & EN_OBJ_HTMLDDA));
            *out = da && db;
            break;
        }
        if (en_is_number(a) && en_is_string(b)) {
            double d;
            if (!(ok = en_to_number(cx, b, &d))) break;
            *out = en_as_number(a) == d;
            break;
        }
        if (en_is_string(a) && en_is_number(b)) {
            double d;
            if (!(ok = en_to_number(cx, a, &d))) break;
            *out = d == en_as_number(b);
            break;
        }
        // BigInt == String: StringToBigInt (an invalid string is unequal).
        if ((en_is_bigint(a) && en_is_string(b)) || (en_is_string(a) && en_is_bigint(b))) {
            EnValue *hs_ = en_is_string(a) ? ha : hb;
            EnValue n = en_string_to_bigint(cx, en_as_string(*hs_));
            if (!(ok = !en_is_exception(n))) break;
            if (en_is_undefined(n)) {
                *out = false;
                break;
            }
            *hs_ = n;
            continue;
        }
        if ((en_is_bigint(a) && en_is_number(b)) || (en_is_number(a) && en_is_bigint(b))) {
            EnValue x = en_is_bigint(a) ? a : b, y = en_is_bigint(a) ? b : a;
            *out = en_bigint_compare_double(en_as_bigint(x), en_as_number(y)) == 0;
            break;
        }
        if (en_is_bool(a)) {
            *ha = en_int32(a == EN_TRUE);
            continue;
        }
        if (en_is_bool(b)) {
            *hb = en_int32(b == EN_TRUE);
            continue;
        }
        if (en_is_object(b) && !en_is_object(a)) {
            EnValue p = en_to_primitive(cx, b, EN_HINT_DEFAULT);
            if (!(ok = !en_is_exception(p))) break;
            *hb = p;
            continue;
        }
        if (en_is_object(a) && !en_is_object(b)) {
            EnValue p = en_to_primitive(cx, a, EN_HINT_DEFAULT);
            if (!(ok = !en_is_exception(p))) break;
            *ha = p;
            continue;
        }
        *out = false;
        break;
    }
    en_handle_scope_close(&hs);
    return ok;
}

int en_less_than(EnContext *cx, EnValue a, EnValue b, bool left_first) {
    if (en_is_int32(a) && en_is_int32(b)) return en_as_int32(a) < en_as_int32(b);
    if (en_is_bigint(a) && en_is_bigint(b)) return en_bigint_compare(en_as_bigint(a), en_as_bigint(b)) < 0;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ha = en_handle(cx, a), *hb = en_handle(cx, b);
    int res = -2;
    EnValue pa, pb;
    if (left_first) {
        if (en_is_exception(pa = en_to_primitive(cx, *ha, EN_HINT_NUMBER))) goto done;
        *ha = pa;
        if (en_is_exception(pb = en_to_primitive(cx, *hb, EN_HINT_NUMBER))) goto done;
        *hb = pb;
    } else {
        if (en_is_exception(pb = en_to_primitive(cx, *hb, EN_HINT_NUMBER))) goto done;
        *hb = pb;
        if (en_is_exception(pa = en_to_primitive(cx, *ha, EN_HINT_NUMBER))) goto done;
        *ha = pa;
    }
    if (en_is_string(*ha) && en_is_string(*hb)) {
        int c = en_str_compare(cx, en_as_string(*ha), en_as_string(*hb));
        res = cx->has_exception ? -2 : c < 0;
        goto done;
    }
    // BigInt against a string: the string as a BigInt (undefined if invalid).
    if (en_is_bigint(*ha) && en_is_string(*hb)) {
        EnValue n = en_string_to_bigint(cx, en_as_string(*hb));
        if (en_is_exception(n)) goto done;
        res = en_is_undefined(n) ? -1 : en_bigint_compare(en_as_bigint(*ha), en_as_bigint(n)) < 0;
        goto done;
    }
    if (en_is_string(*ha) && en_is_bigint(*hb)) {
        EnValue n = en_string_to_bigint(cx, en_as_string(*ha));
        if (en_is_exception(n)) goto done;
        res = en_is_undefined(n) ? -1 : en_bigint_compare(en_as_bigint(n), en_as_bigint(*hb)) < 0;
        goto done;
    }
    EnValue nx = en_to_numeric(cx, *ha);
    if (en_is_exception(nx)) goto done;
    *ha = nx;
    EnValue ny = en_to_numeric(cx, *hb);
    if (en_is_exception(ny)) goto done;
    if (en_is_bigint(nx) || en_is_bigint(ny)) {
        int c;
        if (en_is_bigint(nx) && en_is_bigint(ny)) c = en_bigint_compare(en_as_bigint(nx), en_as_bigint(ny));
        else if (en_is_bigint(nx)) c = en_bigint_compare_double(en_as_bigint(nx), en_as_number(ny));
        else c = -en_bigint_compare_double(en_as_bigint(ny), en_as_number(nx)), c = c == -2 ? 2 : c;
        res = c == 2 ? -1 : c < 0;
        goto done;
    }
    double x = en_as_number(nx), y = en_as_number(ny);
    if (x != x || y != y) res = -1;
    else res = x < y;
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// instanceof, species, constructors' prototypes.

bool en_ordinary_has_instance(EnContext *cx, EnValue ctor, EnValue v, bool *out) {
    if (!en_is_callable(ctor)) return *out = false, true;
    EnObject *c = en_as_object(ctor);
    if (en_obj_class(c) == EN_CLASS_BOUND_FUNCTION)
        return en_instance_of(cx, v, ((EnBoundFunction *)c)->target, out);
    if (!en_is_object(v)) return *out = false, true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v);
    EnValue proto = en_get_atom(cx, ctor, EN_ATOM_prototype);
    bool ok = !en_is_exception(proto);
    if (ok && !en_is_object(proto)) {
        en_throw_type_error(cx, "Function has non-object prototype in instanceof check");
        ok = false;
    }
    if (ok) {
        en_handle(cx, proto);
        EnObject *o = en_as_object(*hv), *p = en_as_object(proto);
        *out = false;
        for (;;) {
            EnObject *q;
            if (!(ok = en_obj_get_prototype_of(cx, o, &q))) break;
            if (!q) break;
            if (q == p) {
                *out = true;
                break;
            }
            o = q;
        }
    }
    en_handle_scope_close(&hs);
    return ok;
}

bool en_instance_of(EnContext *cx, EnValue v, EnValue target, bool *out) {
    if (!en_is_object(target))
        return en_throw_type_error(cx, "Right-hand side of 'instanceof' is not an object"), false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v), *ht = en_handle(cx, target);
    bool ok;
    EnValue h = get_method(cx, target, en_symbol_value(en_well_known_symbol(cx, EN_SYM_hasInstance)));
    if (en_is_exception(h)) {
        ok = false;
    } else if (!en_is_undefined(h)) {
        EnValue r = en_call(cx, h, *ht, 1, hv);
        ok = !en_is_exception(r);
        if (ok) *out = en_to_boolean(r);
    } else if (!en_is_callable(*ht)) {
        en_throw_type_error(cx, "Right-hand side of 'instanceof' is not callable");
        ok = false;
    } else {
        ok = en_ordinary_has_instance(cx, *ht, *hv, out);
    }
    en_handle_scope_close(&hs);
    return ok;
}

EnValue en_species_constructor(EnContext *cx, EnObject *o, EnIntrinsic default_ctor) {
    EnValue def = en_object_value(en_intrinsic(cx, default_ctor));
    EnValue c = en_get_atom(cx, en_object_value(o), EN_ATOM_constructor);
    if (en_is_exception(c)) return c;
    if (en_is_undefined(c)) return def;
    if (!en_is_object(c)) return en_throw_type_error(cx, "object.constructor is not an object");
    EnValue s = en_get(cx, c, en_symbol_value(en_well_known_symbol(cx, EN_SYM_species)));
    if (en_is_exception(s)) return s;
    if (en_is_nullish(s)) return en_object_value(en_intrinsic(cx, default_ctor));
    if (en_is_constructor(s)) return s;
    return en_throw_type_error(cx, "object.constructor[Symbol.species] is not a constructor");
}

bool en_proto_from_ctor(EnContext *cx, EnValue new_target, EnIntrinsic fallback, EnObject **out) {
    if (en_is_object(new_target)) {
        EnValue p = en_get_atom(cx, new_target, EN_ATOM_prototype);
        if (en_is_exception(p)) return false;
        if (en_is_object(p)) return *out = en_as_object(p), true;
        // GetFunctionRealm: through proxies (a revoked one throws).
        // TODO(#6): cross-realm: the fallback of new_target's realm.
        EnObject *f = en_as_object(new_target);
        while (en_is_proxy(f))
            if (!en_proxy_target(cx, f, "GetFunctionRealm", &f)) return false;
    }
    *out = en_intrinsic(cx, fallback);
    return true;
}
