// Binary data object layouts (ArrayBuffer, DataView, typed arrays), element
// conversions, and the integer-indexed exotic internal methods of typed
// arrays (ECMA-262 §10.4.5).
#include <math.h>
#include <stdlib.h>

#include "bigint_int.h"
#include "objmodel_int.h"
#include "typed_array_int.h"
#include "vm_int.h"

#define EN_TA_NAME_(id, name, shift, big) name,
const char *const en_ta_names[EN_TA_COUNT] = {EN_TA_TYPES(EN_TA_NAME_)};
#undef EN_TA_NAME_
#define EN_TA_SHIFT_(id, name, shift, big) shift,
const uint8_t en_ta_shift[EN_TA_COUNT] = {EN_TA_TYPES(EN_TA_SHIFT_)};
#undef EN_TA_SHIFT_

// ---------------------------------------------------------------------------
// ArrayBuffer memory.

// Finalizers only see the runtime; the external-bytes accounting needs only
// the heap behind it.
static void account(EnRuntime *rt, ptrdiff_t delta) {
    EnContext tmp = {0};
    tmp.rt = rt;
    en_gc_account_external(&tmp, delta);
}

static void ab_trace(EnGCTracer *t, EnObject *o) { en_gc_mark_value(t, en_as_buffer(o)->detach_key); }

static void ab_finalize(EnRuntime *rt, EnObject *o) {
    EnArrayBuffer *b = en_as_buffer(o);
    if (b->data) {
        account(rt, -(ptrdiff_t)b->byte_length);
        free(b->data);
        b->data = NULL;
    }
}

static const EnClass ab_class = {"ArrayBuffer", sizeof(EnArrayBuffer), NULL, ab_trace, ab_finalize};

// Guards the heap limit: external bytes count against --max-heap like cells.
static bool room_for(EnContext *cx, uint64_t n) {
    size_t max = cx->rt->limits.max_heap_bytes;
    if (!max) return true;
    EnHeapStats st;
    en_gc_stats(cx->rt, &st);
    if (st.allocated_bytes + n <= max) return true;
    en_gc_collect(cx->rt);
    en_gc_stats(cx->rt, &st);
    return st.allocated_bytes + n <= max;
}

// Blocks above this are refused up front (RangeError), like other engines.
#define EN_AB_MAX_BYTES ((uint64_t)1 << 40)

static uint8_t *block_alloc(EnContext *cx, uint64_t n) {
    if (n > EN_AB_MAX_BYTES || !room_for(cx, n)) return NULL;
    uint8_t *p = calloc(1, n ? (size_t)n : 1);
    return p;
}

EnObject *en_ab_allocate(EnContext *cx, EnValue new_target, uint64_t len, int64_t max) {
    if (max >= 0 && len > (uint64_t)max)
        return en_throw_range_error(cx, "byteLength exceeds maxByteLength"), NULL;
    EnObject *proto = en_intrinsic(cx, EN_INTRINSIC_ArrayBufferPrototype);
    if (!en_is_undefined(new_target) &&
        !en_proto_from_ctor(cx, new_target, EN_INTRINSIC_ArrayBufferPrototype, &proto))
        return NULL;
    if (max >= 0 && (uint64_t)max > EN_AB_MAX_BYTES)
        return en_throw_range_error(cx, "Invalid array buffer max length"), NULL;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, en_object_value(proto));
    EnObject *o = en_obj_new(cx, EN_CLASS_ARRAY_BUFFER, proto, 0);
    if (o) {
        EnValue *ho = en_handle(cx, en_object_value(o));
        // Never NULL while attached (even when empty): views compute
        // data + offset without special cases.
        uint8_t *data = block_alloc(cx, len);
        o = en_as_object(*ho);
        if (!data) {
            en_throw_range_error(cx, "Array buffer allocation failed");
            o = NULL;
        } else {
            EnArrayBuffer *b = en_as_buffer(o);
            b->data = data;
            b->byte_length = (size_t)len;
            b->detach_key = EN_UNDEFINED;
            if (max >= 0) {
                b->flags |= EN_AB_RESIZABLE;
                b->max_byte_length = (size_t)max;
            }
            if (len) en_gc_account_external(cx, (ptrdiff_t)len);
        }
    }
    en_handle_scope_close(&hs);
    return o;
}

bool en_ab_detach(EnContext *cx, EnObject *o, EnValue key) {
    EnArrayBuffer *b = en_as_buffer(o);
    if (!en_same_value(b->detach_key, key))
        return en_throw_type_error(cx, "ArrayBuffer detach key mismatch"), false;
    if (b->data) {
        en_gc_account_external(cx, -(ptrdiff_t)b->byte_length);
        free(b->data);
    }
    b->data = NULL;
    b->byte_length = 0;
    b->flags |= EN_AB_DETACHED;
    return true;
}

bool en_ab_resize(EnContext *cx, EnObject *o, uint64_t n) {
    EnArrayBuffer *b = en_as_buffer(o);
    size_t old = b->byte_length;
    if (n == old) return true;
    if (n > old && !room_for(cx, n - old))
        return en_throw_range_error(cx, "Array buffer allocation failed"), false;
    uint8_t *p = realloc(b->data, n ? (size_t)n : 1);
    if (!p) return en_throw_range_error(cx, "Array buffer allocation failed"), false;
    if (n > old) memset(p + old, 0, (size_t)(n - old));
    b->data = p;
    b->byte_length = (size_t)n;
    en_gc_account_external(cx, (ptrdiff_t)n - (ptrdiff_t)old);
    return true;
}

// ---------------------------------------------------------------------------
// Element conversions.

uint16_t en_f64_to_f16(double d) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    uint16_t sign = (uint16_t)((bits >> 48) & 0x8000u);
    double a = fabs(d);
    if (a != a) return sign | 0x7E00u;
    if (a >= 65520.0) return sign | 0x7C00u;  // rounds to infinity (ties to even)
    if (a < 0x1p-14) {
        // Subnormal (or zero): a = m * 2^-24, m rounded to even; m == 1024
        // is the smallest normal, whose encoding is the same integer.
        return sign | (uint16_t)nearbyint(a * 0x1p24);
    }
    int e;
    frexp(a, &e);
    int ex = e - 1;                              // a = 1.f * 2^ex, ex in [-14, 15]
    double m = nearbyint(ldexp(a, 10 - ex));     // 1024 .. 2048, ties to even
    if (m == 2048.0) m = 1024.0, ex++;
    if (ex > 15) return sign | 0x7C00u;
    return (uint16_t)(sign | (uint16_t)((ex + 15) << 10) | (uint16_t)((int)m - 1024));
}

double en_f16_to_f64(uint16_t h) {
    int ex = (h >> 10) & 0x1F;
    int m = h & 0x3FF;
    double v;
    if (ex == 0) v = ldexp(m, -24);
    else if (ex == 31) v = m ? NAN : INFINITY;
    else v = ldexp(m + 1024, ex - 25);
    return (h & 0x8000u) ? -v : v;
}

// ToUint32 of a double (modulo 2^32).
static uint32_t d_to_u32(double d) {
    if (d >= -2147483648.0 && d <= 4294967295.0) {
        if (d >= 0) return (uint32_t)d;
        return (uint32_t)(int32_t)d;
    }
    if (!isfinite(d)) return 0;
    double m = fmod(trunc(d), 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return (uint32_t)m;
}

bool en_ta_coerce(EnContext *cx, EnTAType t, EnValue v, EnTANum *out) {
    if (en_ta_is_bigint(t)) {
        if (t == EN_TA_BIGINT64) {
            int64_t i;
            if (!en_to_bigint64(cx, v, &i)) return false;
            out->u = (uint64_t)i;
            return true;
        }
        return en_to_biguint64(cx, v, &out->u);
    }
    if (en_is_int32(v)) return out->d = en_as_int32(v), true;
    if (en_is_double(v)) return out->d = en_as_double(v), true;
    return en_to_number(cx, v, &out->d);
}

void en_ta_store(uint8_t *p, EnTAType t, EnTANum n) {
    union {
        uint8_t u8;
        uint16_t u16;
        uint32_t u32;
        uint64_t u64;
        float f;
        double d;
    } x;
    size_t sz = en_ta_elem_size(t);
    switch (t) {
    case EN_TA_INT8:
    case EN_TA_UINT8: x.u8 = (uint8_t)d_to_u32(n.d); break;
    case EN_TA_UINT8C: {
        double d = n.d;
        x.u8 = d != d || d <= 0 ? 0 : d >= 255 ? 255 : (uint8_t)nearbyint(d);
        break;
    }
    case EN_TA_INT16:
    case EN_TA_UINT16: x.u16 = (uint16_t)d_to_u32(n.d); break;
    case EN_TA_INT32:
    case EN_TA_UINT32: x.u32 = d_to_u32(n.d); break;
    case EN_TA_FLOAT16: x.u16 = en_f64_to_f16(n.d); break;
    case EN_TA_FLOAT32: x.f = (float)n.d; break;
    case EN_TA_FLOAT64: x.d = n.d; break;
    default: x.u64 = n.u; break;
    }
    memcpy(p, &x, sz);
}

EnValue en_ta_load(EnContext *cx, const uint8_t *p, EnTAType t) {
    switch (t) {
    case EN_TA_INT8: return en_int32((int8_t)p[0]);
    case EN_TA_UINT8:
    case EN_TA_UINT8C: return en_int32(p[0]);
    case EN_TA_INT16: { int16_t v; memcpy(&v, p, 2); return en_int32(v); }
    case EN_TA_UINT16: { uint16_t v; memcpy(&v, p, 2); return en_int32(v); }
    case EN_TA_INT32: { int32_t v; memcpy(&v, p, 4); return en_int32(v); }
    case EN_TA_UINT32: { uint32_t v; memcpy(&v, p, 4); return en_number(v); }
    case EN_TA_FLOAT16: { uint16_t v; memcpy(&v, p, 2); return en_number(en_f16_to_f64(v)); }
    case EN_TA_FLOAT32: { float v; memcpy(&v, p, 4); return en_number(v); }
    case EN_TA_FLOAT64: { double v; memcpy(&v, p, 8); return en_number(v); }
    case EN_TA_BIGINT64: { int64_t v; memcpy(&v, p, 8); return en_bigint_from_int64(cx, v); }
    default: { uint64_t v; memcpy(&v, p, 8); return en_bigint_from_uint64(cx, v); }
    }
}

// ---------------------------------------------------------------------------
// Views.

static void view_trace(EnGCTracer *t, EnObject *o) { en_gc_mark_cell(t, en_as_ta(o)->buffer); }

static const EnClass dv_class = {"DataView", sizeof(EnTypedArray), NULL, view_trace, NULL};

bool en_ta_iter_length(EnContext *cx, EnObject *o, uint64_t *len) {
    EnTypedArray *ta = en_as_ta(o);
    if (en_ta_oob(ta)) return en_throw_type_error(cx, "Cannot perform Array Iterator.prototype.next on a detached or out-of-bounds TypedArray"), false;
    *len = en_ta_length(ta);
    return true;
}

EnTypedArray *en_ta_validate(EnContext *cx, EnValue v, size_t *len) {
    if (!en_is_typed_array(v)) return en_throw_type_error(cx, "this is not a typed array"), NULL;
    EnTypedArray *ta = en_as_ta(en_as_object(v));
    if (en_ta_oob(ta)) return en_throw_type_error(cx, "typed array is detached or out of bounds"), NULL;
    *len = en_ta_length(ta);
    return ta;
}

// CanonicalNumericIndexString(k) for property keys: index keys are always
// numeric; strings only when they round-trip through Number::toString.
static bool numeric_key(EnKey k, double *out) {
    if (en_is_int32(k)) return *out = en_as_int32(k), true;
    if (en_is_double(k)) return *out = en_as_double(k), true;
    if (!en_is_string(k)) return false;
    EnString *s = en_as_string(k);
    uint32_t n = en_str_length(s);
    if (n == 0 || n >= EN_NUM_BUF || en_str_is_rope(s)) return false;
    uint16_t c0 = en_str_at(s, 0);
    if (!((c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == 'I' || c0 == 'N')) return false;
    if (n == 2 && c0 == '-' && en_str_at(s, 1) == '0') return *out = -0.0, true;
    double d = en_num_parse_units(s);
    char buf[EN_NUM_BUF];
    uint32_t m = en_num_to_cstr(d, buf);
    if (m != n) return false;
    for (uint32_t i = 0; i < n; i++)
        if (en_str_at(s, i) != (uint8_t)buf[i]) return false;
    *out = d;
    return true;
}

// IsValidIntegerIndex(O, index): the element offset when valid.
static bool valid_index(EnTypedArray *ta, double d, size_t *idx) {
    if (d >= 0 && d < 2147483648.0 && d == (double)(int32_t)d && !(d == 0 && signbit(d))) {
        size_t i = (size_t)(int32_t)d;
        if (i >= en_ta_length(ta)) return false;
        *idx = i;
        return true;
    }
    if (d != d || d != trunc(d) || (d == 0 && signbit(d)) || d < 0) return false;
    size_t len = en_ta_length(ta);
    if (d >= (double)len) return false;
    *idx = (size_t)d;
    return true;
}

// TypedArrayGetElement.
static EnValue ta_get_element(EnContext *cx, EnTypedArray *ta, double d) {
    size_t i;
    if (!valid_index(ta, d, &i)) return EN_UNDEFINED;
    return en_ta_load(cx, en_ta_data(ta) + (i << en_ta_shift[ta->type]), (EnTAType)ta->type);
}

// TypedArraySetElement: converts first (may run JS, which may detach or
// shrink the buffer), then writes when the index is still valid.
static bool ta_set_element(EnContext *cx, EnObject *o, double d, EnValue v) {
    EnTANum n;
    EnTAType t = (EnTAType)en_as_ta(o)->type;
    if (en_is_int32(v) && !en_ta_is_bigint(t)) {
        n.d = en_as_int32(v);
    } else {
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *ho = en_handle(cx, en_object_value(o));
        bool r = en_ta_coerce(cx, t, v, &n);
        o = en_as_object(*ho);
        en_handle_scope_close(&hs);
        if (!r) return false;
    }
    EnTypedArray *ta = en_as_ta(o);
    size_t i;
    if (valid_index(ta, d, &i)) en_ta_store(en_ta_data(ta) + (i << en_ta_shift[t]), t, n);
    return true;
}

static void data_desc(EnPropDesc *out, EnValue v) {
    out->has = EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE | EN_DESC_HAS_ENUMERABLE | EN_DESC_HAS_CONFIGURABLE;
    out->attrs = EN_PROP_DEFAULT;
    out->value = v;
    out->getter = out->setter = EN_UNDEFINED;
}

static bool ta_get_own(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out, bool *found) {
    double d;
    if (!numeric_key(k, &d)) return en_ordinary_get_own_property(cx, o, k, out, found);
    EnValue v = ta_get_element(cx, en_as_ta(o), d);
    if (en_is_exception(v)) return false;
    *found = !en_is_undefined(v);
    if (*found) data_desc(out, v);
    return true;
}

static bool ta_has(EnContext *cx, EnObject *o, EnKey k, bool *found) {
    double d;
    size_t i;
    if (numeric_key(k, &d)) return *found = valid_index(en_as_ta(o), d, &i), true;
    uint8_t attrs;
    if (en_obj_find_named(o, k, &attrs)) return *found = true, true;
    EnObject *p = o->shape->proto;
    if (!p) return *found = false, true;
    return en_obj_has_property(cx, p, k, found);
}

static bool ta_define_own(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d, bool *ok) {
    double n;
    if (!numeric_key(k, &n)) return en_ordinary_define_own_property(cx, o, k, d, ok);
    size_t i;
    *ok = false;
    if (!valid_index(en_as_ta(o), n, &i)) return true;
    if ((d->has & EN_DESC_HAS_CONFIGURABLE) && !(d->attrs & EN_PROP_CONFIGURABLE)) return true;
    if ((d->has & EN_DESC_HAS_ENUMERABLE) && !(d->attrs & EN_PROP_ENUMERABLE)) return true;
    if (d->has & (EN_DESC_HAS_GET | EN_DESC_HAS_SET)) return true;
    if ((d->has & EN_DESC_HAS_WRITABLE) && !(d->attrs & EN_PROP_WRITABLE)) return true;
    *ok = true;
    if (d->has & EN_DESC_HAS_VALUE) return ta_set_element(cx, o, n, d->value);
    return true;
}

static bool ta_get(EnContext *cx, EnObject *o, EnKey k, EnValue receiver, EnValue *out) {
    if (en_is_int32(k)) {
        if (en_ta_get_fast(o, en_as_int32(k), out)) return true;
        EnValue v = ta_get_element(cx, en_as_ta(o), en_as_int32(k));
        if (en_is_exception(v)) return false;
        return *out = v, true;
    }
    double d;
    if (numeric_key(k, &d)) {
        EnValue v = ta_get_element(cx, en_as_ta(o), d);
        if (en_is_exception(v)) return false;
        *out = v;
        return true;
    }
    uint8_t attrs;
    EnValue *p = en_obj_find_named(o, k, &attrs);
    if (p) {
        if (!(attrs & EN_PROP_ACCESSOR)) return *out = *p, true;
        EnValue g = en_as_accessor(*p)->getter;
        if (en_is_undefined(g)) return *out = EN_UNDEFINED, true;
        EnValue r = en_call(cx, g, receiver, 0, NULL);
        if (en_is_exception(r)) return false;
        return *out = r, true;
    }
    EnObject *proto = o->shape->proto;
    if (!proto) return *out = EN_UNDEFINED, true;
    return en_obj_get(cx, proto, k, receiver, out);
}

static bool ta_set(EnContext *cx, EnObject *o, EnKey k, EnValue v, EnValue receiver, bool *ok) {
    if (en_is_int32(k) && receiver == en_object_value(o) && en_ta_set_fast(o, en_as_int32(k), v))
        return *ok = true, true;
    double d;
    if (numeric_key(k, &d)) {
        if (receiver == en_object_value(o)) {
            *ok = true;
            return ta_set_element(cx, o, d, v);
        }
        size_t i;
        if (!valid_index(en_as_ta(o), d, &i)) return *ok = true, true;
        return en_ordinary_set_receiver(cx, k, v, receiver, ok);
    }
    uint8_t attrs;
    EnValue *p = en_obj_find_named(o, k, &attrs);
    if (p) {
        if (attrs & EN_PROP_ACCESSOR) {
            EnValue s = en_as_accessor(*p)->setter;
            if (en_is_undefined(s)) return *ok = false, true;
            EnHandleScope hs;
            en_handle_scope_open(cx, &hs);
            EnValue *hv = en_handle(cx, v);
            EnValue r = en_call(cx, s, receiver, 1, hv);
            en_handle_scope_close(&hs);
            if (en_is_exception(r)) return false;
            return *ok = true, true;
        }
        if (!(attrs & EN_PROP_WRITABLE)) return *ok = false, true;
        if (receiver == en_object_value(o)) {
            en_store(cx, o, p, v);
            return *ok = true, true;
        }
        return en_ordinary_set_receiver(cx, k, v, receiver, ok);
    }
    EnObject *proto = o->shape->proto;
    if (!proto) return en_ordinary_set_receiver(cx, k, v, receiver, ok);
    return en_obj_set(cx, proto, k, v, receiver, ok);
}

static bool ta_delete(EnContext *cx, EnObject *o, EnKey k, bool *ok) {
    double d;
    if (numeric_key(k, &d)) {
        size_t i;
        *ok = !valid_index(en_as_ta(o), d, &i);
        return true;
    }
    return en_ordinary_delete(cx, o, k, ok);
}

static bool ta_own_keys(EnContext *cx, EnObject *o, EnKey **keys, uint32_t *n) {
    EnKeyVec v = {0};
    size_t len = en_ta_length(en_as_ta(o));
    for (size_t i = 0; i < len; i++) en_keyvec_push(&v, en_key_index((uint32_t)i));
    EnKey *rest;
    uint32_t nrest;
    if (!en_ordinary_own_keys(cx, o, &rest, &nrest)) {
        och_free(v.items);
        return false;
    }
    for (uint32_t i = 0; i < nrest; i++) en_keyvec_push(&v, rest[i]);
    och_free(rest);
    *keys = v.items;
    *n = v.len;
    return true;
}

// IsTypedArrayFixedLength: length-tracking views and views on resizable
// buffers cannot be made non-extensible (their index set may change).
static bool ta_prevent_extensions(EnContext *cx, EnObject *o, bool *ok) {
    EnTypedArray *ta = en_as_ta(o);
    if ((ta->flags & EN_VIEW_LENGTH_TRACKING) ||
        (en_as_buffer(ta->buffer)->flags & EN_AB_RESIZABLE))
        return *ok = false, true;
    *ok = true;
    if (!en_obj_extensible_raw(o)) return true;
    if (!en_obj_make_dictionary(cx, o)) return false;
    o->shape->hdr.flags |= EN_SHAPE_NOT_EXTENSIBLE;
    return true;
}

static const EnClassOps ta_ops = {
    .get_own_property = ta_get_own,
    .define_own_property = ta_define_own,
    .has_property = ta_has,
    .get = ta_get,
    .set = ta_set,
    .delete_property = ta_delete,
    .own_keys = ta_own_keys,
    .prevent_extensions = ta_prevent_extensions,
};

static const EnClass ta_class = {"TypedArray", sizeof(EnTypedArray), &ta_ops, view_trace, NULL};

void en_ta_register_classes(void) {
    en_class_register(EN_CLASS_ARRAY_BUFFER, &ab_class);
    en_class_register(EN_CLASS_DATA_VIEW, &dv_class);
    en_class_register(EN_CLASS_TYPED_ARRAY, &ta_class);
}

EnValue en_ta_get_index(EnContext *cx, EnObject *o, double index) {
    return ta_get_element(cx, en_as_ta(o), index);
}

bool en_ta_set_index(EnContext *cx, EnObject *o, double index, EnValue v) {
    return ta_set_element(cx, o, index, v);
}

EnTANum en_ta_read(const uint8_t *p, EnTAType t) {
    EnTANum n;
    switch (t) {
    case EN_TA_INT8: n.d = (int8_t)p[0]; break;
    case EN_TA_UINT8:
    case EN_TA_UINT8C: n.d = p[0]; break;
    case EN_TA_INT16: { int16_t v; memcpy(&v, p, 2); n.d = v; break; }
    case EN_TA_UINT16: { uint16_t v; memcpy(&v, p, 2); n.d = v; break; }
    case EN_TA_INT32: { int32_t v; memcpy(&v, p, 4); n.d = v; break; }
    case EN_TA_UINT32: { uint32_t v; memcpy(&v, p, 4); n.d = v; break; }
    case EN_TA_FLOAT16: { uint16_t v; memcpy(&v, p, 2); n.d = en_f16_to_f64(v); break; }
    case EN_TA_FLOAT32: { float v; memcpy(&v, p, 4); n.d = v; break; }
    case EN_TA_FLOAT64: memcpy(&n.d, p, 8); break;
    default: memcpy(&n.u, p, 8); break;
    }
    return n;
}
