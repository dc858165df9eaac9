// DataView constructor and prototype (ECMA-262 §25.3): views with
// explicit byte order over fixed-length and resizable (length-tracking)
// buffers, Float16 accessors (ES2025).
#include "../typed_array_int.h"
#include "bi_support_int.h"

static bool host_little_endian(void) {
    const uint16_t one = 1;
    uint8_t b;
    memcpy(&b, &one, 1);
    return b == 1;
}

static EnValue dv_ctor(EnContext *cx, const EnArgs *a) {
    if (en_is_undefined(a->new_target)) return en_throw_type_error(cx, "Constructor DataView requires 'new'");
    EnValue buf = en_arg(a, 0);
    if (!en_is_array_buffer(buf)) return en_throw_type_error(cx, "DataView: first argument must be an ArrayBuffer");
    uint64_t off, vlen = 0;
    if (!en_to_index(cx, en_arg(a, 1), &off)) return EN_EXCEPTION;
    EnArrayBuffer *b = en_as_buffer(en_as_object(buf));
    if (en_ab_detached(b)) return en_throw_type_error(cx, "DataView: buffer is detached");
    uint64_t blen = b->byte_length;
    if (off > blen) return en_throw_range_error(cx, "DataView: start offset %llu is outside the bounds of the buffer", (unsigned long long)off);
    bool fixed = !(b->flags & EN_AB_RESIZABLE);
    bool tracking = false;
    EnValue lv = en_arg(a, 2);
    if (en_is_undefined(lv)) {
        if (fixed) vlen = blen - off;
        else tracking = true;
    } else {
        if (!en_to_index(cx, lv, &vlen)) return EN_EXCEPTION;
        if (off + vlen > blen) return en_throw_range_error(cx, "DataView: invalid length %llu", (unsigned long long)vlen);
    }
    EnObject *proto;
    if (!en_proto_from_ctor(cx, a->new_target, EN_INTRINSIC_DataViewPrototype, &proto)) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, en_object_value(proto));
    EnValue res = EN_EXCEPTION;
    EnObject *o = en_obj_new(cx, EN_CLASS_DATA_VIEW, proto, 0);
    if (!o) goto done;
    b = en_as_buffer(en_as_object(en_arg(a, 0)));
    if (en_ab_detached(b)) {
        en_throw_type_error(cx, "DataView: buffer is detached");
        goto done;
    }
    blen = b->byte_length;
    if (off > blen || (!en_is_undefined(lv) && off + vlen > blen)) {
        en_throw_range_error(cx, "DataView: offset/length outside the bounds of the buffer");
        goto done;
    }
    EnTypedArray *v = en_as_ta(o);
    v->buffer = en_as_object(en_arg(a, 0));
    v->byte_offset = (size_t)off;
    v->length = (size_t)vlen;
    v->flags = tracking ? EN_VIEW_LENGTH_TRACKING : 0;
    res = en_object_value(o);
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnTypedArray *this_view(EnContext *cx, EnValue v, const char *method) {
    if (!en_is_object(v) || en_obj_class(en_as_object(v)) != EN_CLASS_DATA_VIEW)
        return en_throw_type_error(cx, "DataView.prototype.%s called on incompatible receiver", method), NULL;
    return en_as_ta(en_as_object(v));
}

static EnValue dv_buffer(EnContext *cx, const EnArgs *a) {
    EnTypedArray *v = this_view(cx, a->this_val, "buffer");
    return v ? en_object_value(v->buffer) : EN_EXCEPTION;
}

static EnValue dv_byte_length(EnContext *cx, const EnArgs *a) {
    EnTypedArray *v = this_view(cx, a->this_val, "byteLength");
    if (!v) return EN_EXCEPTION;
    if (en_view_oob(v, 0)) return en_throw_type_error(cx, "DataView is detached or out of bounds");
    return en_number((double)en_view_length(v, 0));
}

static EnValue dv_byte_offset(EnContext *cx, const EnArgs *a) {
    EnTypedArray *v = this_view(cx, a->this_val, "byteOffset");
    if (!v) return EN_EXCEPTION;
    if (en_view_oob(v, 0)) return en_throw_type_error(cx, "DataView is detached or out of bounds");
    return en_number((double)v->byte_offset);
}

static void swap_bytes(uint8_t *p, uint32_t n) {
    for (uint32_t i = 0; i < n / 2; i++) {
        uint8_t t = p[i];
        p[i] = p[n - 1 - i];
        p[n - 1 - i] = t;
    }
}

// GetViewValue.
static EnValue get_view_value(EnContext *cx, const EnArgs *a, EnTAType t, const char *method) {
    EnTypedArray *v = this_view(cx, a->this_val, method);
    if (!v) return EN_EXCEPTION;
    uint64_t idx;
    if (!en_to_index(cx, en_arg(a, 0), &idx)) return EN_EXCEPTION;
    bool little = en_to_boolean(en_arg(a, 1));
    v = en_as_ta(en_as_object(a->this_val));
    if (en_view_oob(v, 0)) return en_throw_type_error(cx, "DataView is detached or out of bounds");
    uint32_t size = en_ta_elem_size(t);
    if (idx + size > en_view_length(v, 0)) return en_throw_range_error(cx, "Offset is outside the bounds of the DataView");
    uint8_t tmp[8];
    memcpy(tmp, en_ta_data(v) + idx, size);
    if (little != host_little_endian()) swap_bytes(tmp, size);
    return en_ta_load(cx, tmp, t);
}

// SetViewValue.
static EnValue set_view_value(EnContext *cx, const EnArgs *a, EnTAType t, const char *method) {
    EnTypedArray *v = this_view(cx, a->this_val, method);
    if (!v) return EN_EXCEPTION;
    uint64_t idx;
    if (!en_to_index(cx, en_arg(a, 0), &idx)) return EN_EXCEPTION;
    EnTANum n;
    if (!en_ta_coerce(cx, t, en_arg(a, 1), &n)) return EN_EXCEPTION;
    bool little = en_to_boolean(en_arg(a, 2));
    v = en_as_ta(en_as_object(a->this_val));
    if (en_view_oob(v, 0)) return en_throw_type_error(cx, "DataView is detached or out of bounds");
    uint32_t size = en_ta_elem_size(t);
    if (idx + size > en_view_length(v, 0)) return en_throw_range_error(cx, "Offset is outside the bounds of the DataView");
    uint8_t tmp[8];
    en_ta_store(tmp, t, n);
    if (little != host_little_endian()) swap_bytes(tmp, size);
    memcpy(en_ta_data(v) + idx, tmp, size);
    return EN_UNDEFINED;
}

#define DV_ACCESSORS(X)                                                                  \
    X(Int8, INT8) X(Uint8, UINT8) X(Int16, INT16) X(Uint16, UINT16) X(Int32, INT32)     \
    X(Uint32, UINT32) X(Float16, FLOAT16) X(Float32, FLOAT32) X(Float64, FLOAT64)       \
    X(BigInt64, BIGINT64) X(BigUint64, BIGUINT64)

#define DV_FNS_(name, type)                                                              \
    static EnValue dv_get_##name(EnContext *cx, const EnArgs *a) {                       \
        return get_view_value(cx, a, EN_TA_##type, "get" #name);                         \
    }                                                                                    \
    static EnValue dv_set_##name(EnContext *cx, const EnArgs *a) {                       \
        return set_view_value(cx, a, EN_TA_##type, "set" #name);                         \
    }
DV_ACCESSORS(DV_FNS_)
#undef DV_FNS_

bool en_init_data_view(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *proto = en_obj_new_plain(cx);
    if (!proto) goto done;
    EnValue *hp = en_handle(cx, en_object_value(proto));
    if (!en_define_class(cx, "DataView", dv_ctor, 1, proto, EN_INTRINSIC_DataView, EN_INTRINSIC_DataViewPrototype))
        goto done;
    static const EnBiMethod methods[] = {
#define DV_METHODS_(name, type) {"get" #name, dv_get_##name, 1}, {"set" #name, dv_set_##name, 2},
        DV_ACCESSORS(DV_METHODS_)
#undef DV_METHODS_
    };
    if (!en_bi_methods(cx, en_as_object(*hp), methods, sizeof methods / sizeof *methods)) goto done;
    static const struct {
        const char *name;
        EnNativeFn fn;
    } getters[] = {{"buffer", dv_buffer}, {"byteLength", dv_byte_length}, {"byteOffset", dv_byte_offset}};
    for (size_t i = 0; i < sizeof getters / sizeof *getters; i++) {
        EnString *k = en_atom_from_cstr(cx, getters[i].name);
        if (!k || !en_define_getter(cx, en_as_object(*hp), en_key_atom(k), getters[i].fn, NULL)) goto done;
    }
    ok = en_bi_to_string_tag(cx, en_as_object(*hp), "DataView");
done:
    en_handle_scope_close(&hs);
    return ok;
}
