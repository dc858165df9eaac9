// %TypedArray%.prototype (ECMA-262 §23.2.3): accessors, iteration,
// searching, copying, sorting. Element reads and writes go straight to the
// buffer through en_ta_get_index / en_ta_set_index (which re-check the
// index against the current length, so callbacks that detach or shrink
// the buffer are handled), with raw byte loops where no JS can run.
#include <math.h>
#include <stdlib.h>

#include "../bigint_int.h"
#include "../typed_array_int.h"
#include "bi_array_int.h"
#include "bi_support_int.h"

EnValue en_arr_iterator_new(EnContext *cx, EnValue obj, uint32_t kind);  // bi_array.c

#define POLL_MASK 0xFFFFu

// Long loops let a time limit or an interrupt stop them (every 64K steps).
static inline bool poll(EnContext *cx, size_t k) {
    return (k & POLL_MASK) != POLL_MASK || en_poll_interrupt(cx);
}

#define VALIDATE()                                              \
    size_t len;                                                 \
    EnTypedArray *ta = en_ta_validate(cx, a->this_val, &len);   \
    if (!ta) return EN_EXCEPTION;                               \
    (void)ta

static EnTypedArray *this_ta(EnContext *cx, EnValue v, const char *what) {
    if (!en_is_typed_array(v)) return en_throw_type_error(cx, "%s called on a non-TypedArray", what), NULL;
    return en_as_ta(en_as_object(v));
}

// --- accessors --------------------------------------------------------------

static EnValue tp_buffer(EnContext *cx, const EnArgs *a) {
    EnTypedArray *ta = this_ta(cx, a->this_val, "get TypedArray.prototype.buffer");
    return ta ? en_object_value(ta->buffer) : EN_EXCEPTION;
}

static EnValue tp_byte_length(EnContext *cx, const EnArgs *a) {
    EnTypedArray *ta = this_ta(cx, a->this_val, "get TypedArray.prototype.byteLength");
    if (!ta) return EN_EXCEPTION;
    return en_number((double)(en_ta_length(ta) << en_ta_shift[ta->type]));
}

static EnValue tp_byte_offset(EnContext *cx, const EnArgs *a) {
    EnTypedArray *ta = this_ta(cx, a->this_val, "get TypedArray.prototype.byteOffset");
    if (!ta) return EN_EXCEPTION;
    return en_number(en_ta_oob(ta) ? 0 : (double)ta->byte_offset);
}

static EnValue tp_length(EnContext *cx, const EnArgs *a) {
    EnTypedArray *ta = this_ta(cx, a->this_val, "get TypedArray.prototype.length");
    if (!ta) return EN_EXCEPTION;
    return en_number((double)en_ta_length(ta));
}

static EnValue tp_to_string_tag(EnContext *cx, const EnArgs *a) {
    if (!en_is_typed_array(a->this_val)) return EN_UNDEFINED;
    EnString *s = en_atom_from_cstr(cx, en_ta_names[en_as_ta(en_as_object(a->this_val))->type]);
    return s ? en_string_value(s) : EN_EXCEPTION;
}

// --- helpers ------------------------------------------------------------------

// Relative index (start / end arguments) clamped to [0, len].
static bool rel_index(EnContext *cx, EnValue v, double len, double dflt, double *out) {
    double d = dflt;
    if (!en_is_undefined(v) && !en_to_integer_or_infinity(cx, v, &d)) return false;
    if (d < 0) d = d + len < 0 ? 0 : d + len;
    else if (d > len) d = len;
    *out = d;
    return true;
}

static EnValue get_k(EnContext *cx, EnValue o, size_t k) { return en_ta_get_index(cx, en_as_object(o), (double)k); }

static EnValue throw_not_callable(EnContext *cx, const char *method) {
    return en_throw_type_error(cx, "TypedArray.prototype.%s: callback is not a function", method);
}

// --- callback iteration --------------------------------------------------------

enum { IT_EVERY, IT_SOME, IT_FOREACH, IT_FIND, IT_FIND_INDEX, IT_FIND_LAST, IT_FIND_LAST_INDEX };

static EnValue iterate(EnContext *cx, const EnArgs *a, int kind, const char *method) {
    VALIDATE();
    EnValue fn = en_arg(a, 0);
    if (!en_is_callable(fn)) return throw_not_callable(cx, method);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *args = en_arr_handles(cx, 3);
    EnValue res = EN_EXCEPTION;
    bool backwards = kind == IT_FIND_LAST || kind == IT_FIND_LAST_INDEX;
    for (size_t i = 0; i < len; i++) {
        size_t k = backwards ? len - 1 - i : i;
        EnValue v = get_k(cx, a->this_val, k);
        if (en_is_exception(v)) goto done;
        args[0] = v;
        args[1] = en_number((double)k);
        args[2] = a->this_val;
        EnValue r = en_call(cx, fn, en_arg(a, 1), 3, args);
        if (en_is_exception(r)) goto done;
        bool t = en_to_boolean(r);
        switch (kind) {
        case IT_EVERY: if (!t) { res = EN_FALSE; goto done; } break;
        case IT_SOME: if (t) { res = EN_TRUE; goto done; } break;
        case IT_FIND: case IT_FIND_LAST: if (t) { res = args[0]; goto done; } break;
        case IT_FIND_INDEX: case IT_FIND_LAST_INDEX: if (t) { res = en_number((double)k); goto done; } break;
        default: break;
        }
    }
    switch (kind) {
    case IT_EVERY: res = EN_TRUE; break;
    case IT_SOME: res = EN_FALSE; break;
    case IT_FIND_INDEX: case IT_FIND_LAST_INDEX: res = en_int32(-1); break;
    default: res = EN_UNDEFINED; break;
    }
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue tp_every(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_EVERY, "every"); }
static EnValue tp_some(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_SOME, "some"); }
static EnValue tp_for_each(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_FOREACH, "forEach"); }
static EnValue tp_find(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_FIND, "find"); }
static EnValue tp_find_index(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_FIND_INDEX, "findIndex"); }
static EnValue tp_find_last(EnContext *cx, const EnArgs *a) { return iterate(cx, a, IT_FIND_LAST, "findLast"); }
static EnValue tp_find_last_index(EnContext *cx, const EnArgs *a) {
    return iterate(cx, a, IT_FIND_LAST_INDEX, "findLastIndex");
}

static EnValue tp_map(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    EnValue fn = en_arg(a, 0);
    if (!en_is_callable(fn)) return throw_not_callable(cx, "map");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *args = en_arr_handles(cx, 3);
    args[0] = en_number((double)len);
    EnValue *hr = en_handle(cx, en_ta_species_create(cx, a->this_val, 1, args));
    if (en_is_exception(*hr)) goto done;
    for (size_t k = 0; k < len; k++) {
        EnValue v = get_k(cx, a->this_val, k);
        if (en_is_exception(v)) goto done;
        args[0] = v;
        args[1] = en_number((double)k);
        args[2] = a->this_val;
        EnValue m = en_call(cx, fn, en_arg(a, 1), 3, args);
        if (en_is_exception(m)) goto done;
        if (!en_set(cx, *hr, en_key_index((uint32_t)k), m, true)) goto done;
    }
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue tp_filter(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    EnValue fn = en_arg(a, 0);
    if (!en_is_callable(fn)) return throw_not_callable(cx, "filter");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *args = en_arr_handles(cx, 3);
    EnObject *kept = en_array_new(cx, 0);
    if (!kept) goto done;
    EnValue *hk = en_handle(cx, en_object_value(kept));
    for (size_t k = 0; k < len; k++) {
        EnValue v = get_k(cx, a->this_val, k);
        if (en_is_exception(v)) goto done;
        args[0] = v;
        args[1] = en_number((double)k);
        args[2] = a->this_val;
        EnValue r = en_call(cx, fn, en_arg(a, 1), 3, args);
        if (en_is_exception(r)) goto done;
        if (en_to_boolean(r) && !en_array_push(cx, en_as_object(*hk), args[0])) goto done;
    }
    uint32_t n = ((EnArray *)en_as_object(*hk))->length;
    args[0] = en_number(n);
    EnValue *hr = en_handle(cx, en_ta_species_create(cx, a->this_val, 1, args));
    if (en_is_exception(*hr)) goto done;
    for (uint32_t i = 0; i < n; i++) {
        EnValue v;
        if (!en_arr_get(cx, *hk, i, &v) || !en_set(cx, *hr, en_key_index(i), v, true)) goto done;
    }
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue reduce(EnContext *cx, const EnArgs *a, bool right) {
    VALIDATE();
    EnValue fn = en_arg(a, 0);
    if (!en_is_callable(fn)) return throw_not_callable(cx, right ? "reduceRight" : "reduce");
    if (len == 0 && a->argc < 2) return en_throw_type_error(cx, "Reduce of empty array with no initial value");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *args = en_arr_handles(cx, 4);
    size_t i = 0;
    if (a->argc >= 2) {
        args[0] = a->argv[1];
    } else {
        args[0] = get_k(cx, a->this_val, right ? len - 1 : 0);
        if (en_is_exception(args[0])) goto done;
        i = 1;
    }
    for (; i < len; i++) {
        size_t k = right ? len - 1 - i : i;
        EnValue v = get_k(cx, a->this_val, k);
        if (en_is_exception(v)) goto done;
        args[1] = v;
        args[2] = en_number((double)k);
        args[3] = a->this_val;
        EnValue r = en_call(cx, fn, EN_UNDEFINED, 4, args);
        if (en_is_exception(r)) goto done;
        args[0] = r;
    }
    res = args[0];
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue tp_reduce(EnContext *cx, const EnArgs *a) { return reduce(cx, a, false); }
static EnValue tp_reduce_right(EnContext *cx, const EnArgs *a) { return reduce(cx, a, true); }

// --- element access -------------------------------------------------------------

static EnValue tp_at(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    double rel;
    if (!en_to_integer_or_infinity(cx, en_arg(a, 0), &rel)) return EN_EXCEPTION;
    double k = rel >= 0 ? rel : (double)len + rel;
    if (k < 0 || k >= (double)len) return EN_UNDEFINED;
    return en_ta_get_index(cx, en_as_object(a->this_val), k);
}

static EnValue tp_with(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    double rel;
    if (!en_to_integer_or_infinity(cx, en_arg(a, 0), &rel)) return EN_EXCEPTION;
    double idx = rel >= 0 ? rel : (double)len + rel;
    EnTAType t = (EnTAType)ta->type;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hv = en_handle(cx, en_arg(a, 1));
    if (en_ta_is_bigint(t)) {
        *hv = en_to_bigint(cx, *hv);
        if (en_is_exception(*hv)) goto done;
    } else {
        double d;
        if (!en_to_number(cx, *hv, &d)) goto done;
        *hv = en_number(d);
    }
    ta = en_as_ta(en_as_object(a->this_val));
    if (!(idx >= 0 && idx < (double)en_ta_length(ta))) {
        en_throw_range_error(cx, "Invalid typed array index");
        goto done;
    }
    EnValue *hr = en_handle(cx, en_ta_create_same_type(cx, a->this_val, len));
    if (en_is_exception(*hr)) goto done;
    for (size_t k = 0; k < len; k++) {
        EnValue v = (double)k == idx ? *hv : get_k(cx, a->this_val, k);
        if (!poll(cx, k) || en_is_exception(v) || !en_ta_set_index(cx, en_as_object(*hr), (double)k, v)) goto done;
    }
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue tp_fill(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    EnTAType t = (EnTAType)ta->type;
    EnTANum n;
    if (!en_ta_coerce(cx, t, en_arg(a, 0), &n)) return EN_EXCEPTION;
    double start, end;
    if (!rel_index(cx, en_arg(a, 1), (double)len, 0, &start) ||
        !rel_index(cx, en_arg(a, 2), (double)len, (double)len, &end))
        return EN_EXCEPTION;
    ta = en_as_ta(en_as_object(a->this_val));
    if (en_ta_oob(ta)) return en_throw_type_error(cx, "TypedArray.prototype.fill: typed array is detached or out of bounds");
    size_t cur = en_ta_length(ta);
    if (end > (double)cur) end = (double)cur;
    uint8_t *p = en_ta_data(ta);
    uint32_t sh = en_ta_shift[t];
    size_t s = (size_t)start, e = (size_t)end;
    if (s < e) {
        en_ta_store(p + (s << sh), t, n);
        if (sh == 0) {
            memset(p + s + 1, p[s], e - s - 1);
        } else {
            for (size_t k = s + 1; k < e; k++) {
                if (!poll(cx, k)) return EN_EXCEPTION;
                memcpy(p + (k << sh), p + (s << sh), (size_t)1 << sh);
            }
        }
    }
    return a->this_val;
}

static EnValue tp_reverse(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    uint32_t es = en_ta_elem_size((EnTAType)ta->type);
    uint8_t *p = en_ta_data(ta);
    uint8_t tmp[8];
    for (size_t lo = 0, hi = len ? len - 1 : 0; lo < hi; lo++, hi--) {
        if (!poll(cx, lo)) return EN_EXCEPTION;
        memcpy(tmp, p + lo * es, es);
        memcpy(p + lo * es, p + hi * es, es);
        memcpy(p + hi * es, tmp, es);
    }
    return a->this_val;
}

static EnValue tp_to_reversed(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    EnValue r = en_ta_create_same_type(cx, a->this_val, len);
    if (en_is_exception(r)) return r;
    ta = en_as_ta(en_as_object(a->this_val));
    EnTypedArray *d = en_as_ta(en_as_object(r));
    uint32_t es = en_ta_elem_size((EnTAType)ta->type);
    const uint8_t *s = en_ta_data(ta);
    uint8_t *q = en_ta_data(d);
    for (size_t k = 0; k < len; k++) {
        if (!poll(cx, k)) return EN_EXCEPTION;
        memcpy(q + k * es, s + (len - 1 - k) * es, es);
    }
    return r;
}

static EnValue tp_copy_within(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    double dl = (double)len, to, from, fin;
    if (!rel_index(cx, en_arg(a, 0), dl, 0, &to) || !rel_index(cx, en_arg(a, 1), dl, 0, &from) ||
        !rel_index(cx, en_arg(a, 2), dl, dl, &fin))
        return EN_EXCEPTION;
    double count = fin - from < dl - to ? fin - from : dl - to;
    if (count > 0) {
        ta = en_as_ta(en_as_object(a->this_val));
        if (en_ta_oob(ta)) return en_throw_type_error(cx, "TypedArray.prototype.copyWithin: typed array is detached or out of bounds");
        size_t cur = en_ta_length(ta);
        uint32_t sh = en_ta_shift[ta->type];
        size_t limit = cur << sh, tb = (size_t)to << sh, fb = (size_t)from << sh, nb = (size_t)count << sh;
        if (fb >= limit || tb >= limit) nb = 0;
        else {
            if (nb > limit - fb) nb = limit - fb;
            if (nb > limit - tb) nb = limit - tb;
        }
        if (nb) memmove(en_ta_data(ta) + tb, en_ta_data(ta) + fb, nb);
    }
    return a->this_val;
}

// --- searching ------------------------------------------------------------------

// Start index of indexOf / includes from fromIndex; false with *empty when
// nothing is to be searched.
static bool from_index(EnContext *cx, EnValue v, size_t len, size_t *k, bool *empty) {
    double n = 0;
    *empty = false;
    if (!en_is_undefined(v) && !en_to_integer_or_infinity(cx, v, &n)) return false;
    if (n == INFINITY || n >= (double)len) return *empty = true, true;
    if (n < 0) n = (double)len + n < 0 ? 0 : (double)len + n;
    *k = (size_t)n;
    return true;
}

enum { S_INDEX_OF, S_INCLUDES };

static EnValue search(EnContext *cx, const EnArgs *a, int kind) {
    VALIDATE();
    EnValue none = kind == S_INCLUDES ? EN_FALSE : en_int32(-1);
    if (len == 0) return none;
    size_t k;
    bool empty;
    if (!from_index(cx, en_arg(a, 1), len, &k, &empty)) return EN_EXCEPTION;
    if (empty) return none;
    EnValue x = en_arg(a, 0);
    ta = en_as_ta(en_as_object(a->this_val));
    EnTAType t = (EnTAType)ta->type;
    size_t cur = en_ta_length(ta);
    if (cur > len) cur = len;
    if (!en_ta_is_bigint(t)) {
        if (en_is_number(x)) {
            double d = en_as_number(x);
            if (d == d) {
                const uint8_t *p = en_ta_data(ta);
                uint32_t sh = en_ta_shift[t];
                for (; k < cur; k++) {
                    if (en_ta_read(p + (k << sh), t).d == d) return kind == S_INCLUDES ? EN_TRUE : en_number((double)k);
                    if (!poll(cx, k)) return EN_EXCEPTION;
                }
            } else if (kind == S_INCLUDES) {
                const uint8_t *p = en_ta_data(ta);
                uint32_t sh = en_ta_shift[t];
                for (; k < cur; k++) {
                    double e = en_ta_read(p + (k << sh), t).d;
                    if (e != e) return EN_TRUE;
                    if (!poll(cx, k)) return EN_EXCEPTION;
                }
            }
            return none;
        }
        // includes(undefined) finds the indices past a shrunk length.
        if (kind == S_INCLUDES && en_is_undefined(x) && cur < len) return EN_TRUE;
        return none;
    }
    for (; k < len; k++) {
        if (k >= cur) return kind == S_INCLUDES && en_is_undefined(x) ? EN_TRUE : none;
        if (!poll(cx, k)) return EN_EXCEPTION;
        EnValue e = get_k(cx, a->this_val, k);
        if (en_is_exception(e)) return e;
        if (kind == S_INCLUDES ? en_same_value_zero(x, e) : en_strict_equals(x, e))
            return kind == S_INCLUDES ? EN_TRUE : en_number((double)k);
    }
    return none;
}

static EnValue tp_index_of(EnContext *cx, const EnArgs *a) { return search(cx, a, S_INDEX_OF); }
static EnValue tp_includes(EnContext *cx, const EnArgs *a) { return search(cx, a, S_INCLUDES); }

static EnValue tp_last_index_of(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    if (len == 0) return en_int32(-1);
    double n = (double)len - 1;
    if (a->argc > 1 && !en_to_integer_or_infinity(cx, a->argv[1], &n)) return EN_EXCEPTION;
    if (n == -INFINITY) return en_int32(-1);
    double kd = n >= 0 ? (n < (double)len - 1 ? n : (double)len - 1) : (double)len + n;
    if (kd < 0) return en_int32(-1);
    EnValue x = en_arg(a, 0);
    ta = en_as_ta(en_as_object(a->this_val));
    size_t cur = en_ta_length(ta);
    for (size_t k = (size_t)kd + 1; k-- > 0;) {
        if (k >= cur) continue;  // HasProperty is false
        if (!poll(cx, k)) return EN_EXCEPTION;
        EnValue e = get_k(cx, a->this_val, k);
        if (en_is_exception(e)) return e;
        if (en_strict_equals(x, e)) return en_number((double)k);
    }
    return en_int32(-1);
}

// --- strings ----------------------------------------------------------------------

static EnValue tp_join(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnString *sep;
    if (en_is_undefined(en_arg(a, 0))) sep = en_str_from_cstr(cx, ",");
    else sep = en_to_string(cx, en_arg(a, 0));
    if (!sep) goto done;
    EnValue *hsep = en_handle(cx, en_string_value(sep));
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    ta = en_as_ta(en_as_object(a->this_val));
    for (size_t k = 0; k < len; k++) {
        if (k > 0) en_bi_sb_string(&sb, en_as_string(*hsep));
        if ((k & POLL_MASK) == POLL_MASK && !en_poll_interrupt(cx)) {
            en_sb_free(&sb);
            goto done;
        }
        EnValue v = get_k(cx, a->this_val, k);
        if (en_is_exception(v)) {
            en_sb_free(&sb);
            goto done;
        }
        if (en_is_undefined(v)) continue;
        if (en_is_number(v)) {
            char buf[EN_NUM_BUF];
            uint32_t n = en_num_to_cstr(en_as_number(v), buf);
            en_sb_ascii(&sb, buf, n);
        } else {
            EnValue *hv = en_handle(cx, v);
            EnString *s = en_to_string(cx, *hv);
            if (!s) {
                en_sb_free(&sb);
                goto done;
            }
            en_bi_sb_string(&sb, s);
        }
    }
    EnString *r = en_sb_finish(&sb);
    if (r) res = en_string_value(r);
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue tp_to_locale_string(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    EnString *tls = en_atom_from_cstr(cx, "toLocaleString");
    if (!tls) goto fail;
    EnValue *hk = en_handle(cx, en_string_value(tls));
    for (size_t k = 0; k < len; k++) {
        if (k > 0) en_sb_ascii(&sb, ",", 1);
        EnValue v = get_k(cx, a->this_val, k);
        if (en_is_exception(v)) goto fail;
        if (en_is_nullish(v)) continue;
        EnValue *hv = en_handle(cx, v);
        EnValue r = en_invoke(cx, *hv, *hk, 0, NULL);
        if (en_is_exception(r)) goto fail;
        EnString *s = en_to_string(cx, r);
        if (!s) goto fail;
        en_bi_sb_string(&sb, s);
    }
    EnString *r = en_sb_finish(&sb);
    if (r) res = en_string_value(r);
    goto done;
fail:
    en_sb_free(&sb);
done:
    en_handle_scope_close(&hs);
    return res;
}

// --- iterators ------------------------------------------------------------------

static EnValue make_iter(EnContext *cx, const EnArgs *a, uint32_t kind) {
    VALIDATE();
    return en_arr_iterator_new(cx, a->this_val, kind);
}
static EnValue tp_keys(EnContext *cx, const EnArgs *a) { return make_iter(cx, a, 0); }
static EnValue tp_values(EnContext *cx, const EnArgs *a) { return make_iter(cx, a, 1); }
static EnValue tp_entries(EnContext *cx, const EnArgs *a) { return make_iter(cx, a, 2); }

// --- set --------------------------------------------------------------------------

static EnValue set_from_typed_array(EnContext *cx, EnValue target, double off, EnValue source) {
    EnTypedArray *dst = en_as_ta(en_as_object(target)), *src = en_as_ta(en_as_object(source));
    if (en_ta_oob(dst)) return en_throw_type_error(cx, "TypedArray.prototype.set: target is detached or out of bounds");
    size_t dlen = en_ta_length(dst);
    if (en_ta_oob(src)) return en_throw_type_error(cx, "TypedArray.prototype.set: source is detached or out of bounds");
    size_t slen = en_ta_length(src);
    EnTAType dt = (EnTAType)dst->type, st = (EnTAType)src->type;
    if (off == INFINITY || (double)slen + off > (double)dlen)
        return en_throw_range_error(cx, "offset is out of bounds");
    if (en_ta_is_bigint(dt) != en_ta_is_bigint(st))
        return en_throw_type_error(cx, "Cannot mix BigInt and other types, use explicit conversions");
    uint32_t ds = en_ta_shift[dt], ss = en_ta_shift[st];
    uint8_t *d = en_ta_data(dst) + ((size_t)off << ds);
    const uint8_t *s = en_ta_data(src);
    if (dt == st) {
        if (slen) memmove(d, s, slen << ss);
        return EN_UNDEFINED;
    }
    uint8_t *copy = NULL;
    if (dst->buffer == src->buffer && slen) {
        // Overlapping views of different types: read from a snapshot.
        copy = malloc(slen << ss);
        if (!copy) return en_throw_range_error(cx, "out of memory");
        memcpy(copy, s, slen << ss);
        s = copy;
    }
    for (size_t k = 0; k < slen; k++) {
        if (!poll(cx, k)) {
            free(copy);
            return EN_EXCEPTION;
        }
        en_ta_store(d + (k << ds), dt, en_ta_read(s + (k << ss), st));
    }
    free(copy);
    return EN_UNDEFINED;
}

static EnValue set_from_array_like(EnContext *cx, EnValue target, double off, EnValue source) {
    EnTypedArray *dst = en_as_ta(en_as_object(target));
    if (en_ta_oob(dst)) return en_throw_type_error(cx, "TypedArray.prototype.set: target is detached or out of bounds");
    size_t dlen = en_ta_length(dst);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *so = en_to_object(cx, source);
    if (!so) goto done;
    EnValue *hs_src = en_handle(cx, en_object_value(so));
    uint64_t slen;
    if (!en_length_of_array_like(cx, *hs_src, &slen)) goto done;
    if (off == INFINITY || (double)slen + off > (double)dlen) {
        en_throw_range_error(cx, "offset is out of bounds");
        goto done;
    }
    for (uint64_t k = 0; k < slen; k++) {
        EnValue v;
        if (!poll(cx, k) || !en_arr_get(cx, *hs_src, k, &v)) goto done;
        if (!en_ta_set_index(cx, en_as_object(target), off + (double)k, v)) goto done;
    }
    res = EN_UNDEFINED;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue tp_set(EnContext *cx, const EnArgs *a) {
    if (!this_ta(cx, a->this_val, "TypedArray.prototype.set")) return EN_EXCEPTION;
    double off;
    if (!en_to_integer_or_infinity(cx, en_arg(a, 1), &off)) return EN_EXCEPTION;
    if (off < 0) return en_throw_range_error(cx, "offset is out of bounds");
    EnValue src = en_arg(a, 0);
    if (en_is_typed_array(src)) return set_from_typed_array(cx, a->this_val, off, src);
    return set_from_array_like(cx, a->this_val, off, src);
}

// --- slice / subarray ---------------------------------------------------------------

static EnValue tp_slice(EnContext *cx, const EnArgs *a) {
    VALIDATE();
    double start, end;
    if (!rel_index(cx, en_arg(a, 0), (double)len, 0, &start) ||
        !rel_index(cx, en_arg(a, 1), (double)len, (double)len, &end))
        return EN_EXCEPTION;
    double count = end - start > 0 ? end - start : 0;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hn = en_handle(cx, en_number(count));
    EnValue *hr = en_handle(cx, en_ta_species_create(cx, a->this_val, 1, hn));
    if (en_is_exception(*hr)) goto done;
    if (count > 0) {
        ta = en_as_ta(en_as_object(a->this_val));
        if (en_ta_oob(ta)) {
            en_throw_type_error(cx, "TypedArray.prototype.slice: typed array is detached or out of bounds");
            goto done;
        }
        size_t cur = en_ta_length(ta);
        if (end > (double)cur) end = (double)cur;
        size_t s = (size_t)start, e = end > start ? (size_t)end : s;
        EnTypedArray *d = en_as_ta(en_as_object(*hr));
        EnTAType st = (EnTAType)ta->type, dt = (EnTAType)d->type;
        if (st == dt) {
            uint32_t sh = en_ta_shift[st];
            const uint8_t *from = en_ta_data(ta) + (s << sh);
            uint8_t *to = en_ta_data(d);
            size_t nb = (e - s) << sh;
            if (d->buffer != ta->buffer) {
                if (nb) memcpy(to, from, nb);
            } else {
                for (size_t i = 0; i < nb; i++) to[i] = from[i];  // the spec's forward byte copy
            }
        } else {
            for (size_t k = s, n = 0; k < e; k++, n++) {
                EnValue v = get_k(cx, a->this_val, k);
                if (!poll(cx, k) || en_is_exception(v) || !en_ta_set_index(cx, en_as_object(*hr), (double)n, v)) goto done;
            }
        }
    }
    res = *hr;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue tp_subarray(EnContext *cx, const EnArgs *a) {
    EnTypedArray *ta = this_ta(cx, a->this_val, "TypedArray.prototype.subarray");
    if (!ta) return EN_EXCEPTION;
    double len = (double)en_ta_length(ta);
    double start, end = len;
    if (!rel_index(cx, en_arg(a, 0), len, 0, &start)) return EN_EXCEPTION;
    bool tracking_all = (ta->flags & EN_VIEW_LENGTH_TRACKING) && en_is_undefined(en_arg(a, 1));
    if (!tracking_all && !rel_index(cx, en_arg(a, 1), len, len, &end)) return EN_EXCEPTION;
    ta = en_as_ta(en_as_object(a->this_val));
    double begin = (double)ta->byte_offset + start * en_ta_elem_size((EnTAType)ta->type);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *args = en_arr_handles(cx, 3);
    args[0] = en_object_value(ta->buffer);
    args[1] = en_number(begin);
    args[2] = en_number(end - start > 0 ? end - start : 0);
    EnValue r = en_ta_species_create(cx, a->this_val, tracking_all ? 2 : 3, args);
    en_handle_scope_close(&hs);
    return r;
}

// --- sort -------------------------------------------------------------------------------

static int cmp_num(const void *pa, const void *pb) {
    double x = *(const double *)pa, y = *(const double *)pb;
    if (x != x) return y != y ? 0 : 1;
    if (y != y) return -1;
    if (x < y) return -1;
    if (x > y) return 1;
    if (x == 0 && y == 0) return signbit(x) ? (signbit(y) ? 0 : -1) : (signbit(y) ? 1 : 0);
    return 0;
}
static int cmp_i64(const void *pa, const void *pb) {
    int64_t x = *(const int64_t *)pa, y = *(const int64_t *)pb;
    return x < y ? -1 : x > y;
}
static int cmp_u64(const void *pa, const void *pb) {
    uint64_t x = *(const uint64_t *)pa, y = *(const uint64_t *)pb;
    return x < y ? -1 : x > y;
}

// Default numeric sort of src's first len elements into dst (same type,
// possibly the same array). No JS runs.
static bool sort_default(EnContext *cx, EnTypedArray *src, EnTypedArray *dst, size_t len) {
    EnTAType t = (EnTAType)src->type;
    uint32_t sh = en_ta_shift[t];
    EnTANum *v = malloc((len ? len : 1) * sizeof *v);
    if (!v) return en_throw_range_error(cx, "out of memory"), false;
    const uint8_t *p = en_ta_data(src);
    for (size_t k = 0; k < len; k++) v[k] = en_ta_read(p + (k << sh), t);
    qsort(v, len, sizeof *v, t == EN_TA_BIGINT64 ? cmp_i64 : t == EN_TA_BIGUINT64 ? cmp_u64 : cmp_num);
    uint8_t *q = en_ta_data(dst);
    for (size_t k = 0; k < len; k++) en_ta_store(q + (k << sh), t, v[k]);
    free(v);
    return true;
}

// SortCompare with a comparator: -1/0/1 in *out; false on throw.
static bool call_cmp(EnContext *cx, EnValue fn, EnValue *args, EnValue x, EnValue y, int *out) {
    args[0] = x;
    args[1] = y;
    EnValue r = en_call(cx, fn, EN_UNDEFINED, 2, args);
    if (en_is_exception(r)) return false;
    double d;
    if (en_is_int32(r)) d = en_as_int32(r);
    else if (!en_to_number(cx, r, &d)) return false;
    *out = d < 0 ? -1 : d > 0 ? 1 : 0;
    return true;
}

// Stable merge sort of v[0..n) with the comparator (values rooted by the
// caller's holder array).
static bool merge_sort(EnContext *cx, EnValue fn, EnValue *v, size_t n) {
    EnValue *tmp = malloc((n ? n : 1) * sizeof *tmp);
    if (!tmp) return en_throw_range_error(cx, "out of memory"), false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *args = en_arr_handles(cx, 2);
    EnValue *hfn = en_handle(cx, fn);
    bool ok = true;
    for (size_t w = 1; w < n && ok; w *= 2) {
        for (size_t lo = 0; lo < n - w && ok; lo += 2 * w) {
            size_t mid = lo + w, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                int c;
                if (!call_cmp(cx, *hfn, args, v[i], v[j], &c)) {
                    ok = false;
                    break;
                }
                tmp[k++] = c > 0 ? v[j++] : v[i++];
            }
            if (!ok) break;
            while (i < mid) tmp[k++] = v[i++];
            while (j < hi) tmp[k++] = v[j++];
            memcpy(v + lo, tmp + lo, (hi - lo) * sizeof *v);
        }
    }
    en_handle_scope_close(&hs);
    free(tmp);
    return ok;
}

static EnValue sort_impl(EnContext *cx, const EnArgs *a, bool copy) {
    EnValue fn = en_arg(a, 0);
    if (!en_is_undefined(fn) && !en_is_callable(fn))
        return en_throw_type_error(cx, "The comparison function must be either a function or undefined");
    VALIDATE();
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hdst = en_handle(cx, copy ? en_ta_create_same_type(cx, a->this_val, len) : a->this_val);
    if (en_is_exception(*hdst)) goto done;
    ta = en_as_ta(en_as_object(a->this_val));
    if (en_is_undefined(fn)) {
        if (!sort_default(cx, ta, en_as_ta(en_as_object(*hdst)), len)) goto done;
        res = *hdst;
        goto done;
    }
    // Read the elements into a holder array (roots BigInts), sort a C
    // copy, write back (writes past a shrunk length are ignored).
    EnObject *holder = en_array_new(cx, (uint32_t)len);
    if (!holder) goto done;
    EnValue *hh = en_handle(cx, en_object_value(holder));
    for (size_t k = 0; k < len; k++) {
        EnValue v = get_k(cx, a->this_val, k);
        if (en_is_exception(v) || !en_array_push(cx, en_as_object(*hh), v)) goto done;
    }
    EnValue *vals = malloc((len ? len : 1) * sizeof *vals);
    if (!vals) {
        en_throw_range_error(cx, "out of memory");
        goto done;
    }
    for (size_t k = 0; k < len; k++) vals[k] = en_as_object(*hh)->el.elements->v[k];
    bool ok = merge_sort(cx, fn, vals, len);
    for (size_t k = 0; ok && k < len; k++) ok = en_ta_set_index(cx, en_as_object(*hdst), (double)k, vals[k]);
    free(vals);
    if (ok) res = *hdst;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue tp_sort(EnContext *cx, const EnArgs *a) { return sort_impl(cx, a, false); }
static EnValue tp_to_sorted(EnContext *cx, const EnArgs *a) { return sort_impl(cx, a, true); }

// --- setup ----------------------------------------------------------------------------------

bool en_ta_init_proto(EnContext *cx, EnObject *proto) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnValue *hp = en_handle(cx, en_object_value(proto));
    static const EnBiMethod methods[] = {
        {"at", tp_at, 1}, {"copyWithin", tp_copy_within, 2}, {"entries", tp_entries, 0},
        {"every", tp_every, 1}, {"fill", tp_fill, 1}, {"filter", tp_filter, 1},
        {"find", tp_find, 1}, {"findIndex", tp_find_index, 1}, {"findLast", tp_find_last, 1},
        {"findLastIndex", tp_find_last_index, 1}, {"forEach", tp_for_each, 1},
        {"includes", tp_includes, 1}, {"indexOf", tp_index_of, 1}, {"join", tp_join, 1},
        {"keys", tp_keys, 0}, {"lastIndexOf", tp_last_index_of, 1}, {"map", tp_map, 1},
        {"reduce", tp_reduce, 1}, {"reduceRight", tp_reduce_right, 1}, {"reverse", tp_reverse, 0},
        {"set", tp_set, 1}, {"slice", tp_slice, 2}, {"some", tp_some, 1}, {"sort", tp_sort, 1},
        {"subarray", tp_subarray, 2}, {"toLocaleString", tp_to_locale_string, 0},
        {"toReversed", tp_to_reversed, 0}, {"toSorted", tp_to_sorted, 1}, {"with", tp_with, 2},
    };
    if (!en_bi_methods(cx, en_as_object(*hp), methods, sizeof methods / sizeof *methods)) goto done;
    EnObject *values = en_define_method(cx, en_as_object(*hp), "values", tp_values, 0);
    if (!values) goto done;
    EnValue *hv = en_handle(cx, en_object_value(values));
    if (!en_define_value(cx, en_as_object(*hp), en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator)), *hv,
                         EN_PROP_HIDDEN))
        goto done;
    EnValue ts = en_bi_own_value(cx, en_intrinsic(cx, EN_INTRINSIC_ArrayPrototype), "toString");
    if (en_is_object(ts) && !en_bi_value(cx, en_as_object(*hp), "toString", ts, EN_PROP_HIDDEN)) goto done;
    static const struct {
        const char *name;
        EnNativeFn fn;
    } getters[] = {
        {"buffer", tp_buffer}, {"byteLength", tp_byte_length}, {"byteOffset", tp_byte_offset}, {"length", tp_length},
    };
    for (size_t i = 0; i < sizeof getters / sizeof *getters; i++) {
        EnString *k = en_atom_from_cstr(cx, getters[i].name);
        if (!k || !en_define_getter(cx, en_as_object(*hp), en_key_atom(k), getters[i].fn, NULL)) goto done;
    }
    ok = en_define_getter(cx, en_as_object(*hp), en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)),
                          tp_to_string_tag, NULL);
done:
    en_handle_scope_close(&hs);
    return ok;
}
