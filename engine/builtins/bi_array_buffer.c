// ArrayBuffer constructor and prototype (ECMA-262 §25.1), including
// resizable buffers (maxByteLength, resize) and transfer /
// transferToFixedLength / detached (ES2024).
#include <stdlib.h>

#include "../typed_array_int.h"
#include "bi_support_int.h"

// RequireInternalSlot(O, [[ArrayBufferData]]) for a non-shared buffer.
static EnArrayBuffer *this_buffer(EnContext *cx, EnValue v, const char *method) {
    if (!en_is_array_buffer(v))
        return en_throw_type_error(cx, "ArrayBuffer.prototype.%s called on incompatible receiver", method), NULL;
    return en_as_buffer(en_as_object(v));
}

static EnValue ab_ctor(EnContext *cx, const EnArgs *a) {
    if (en_is_undefined(a->new_target)) return en_throw_type_error(cx, "Constructor ArrayBuffer requires 'new'");
    uint64_t len;
    if (!en_to_index(cx, en_arg(a, 0), &len)) return EN_EXCEPTION;
    int64_t max = -1;
    EnValue opts = en_arg(a, 1);
    if (en_is_object(opts)) {
        EnString *k = en_atom_from_cstr(cx, "maxByteLength");
        if (!k) return EN_EXCEPTION;
        EnValue m = en_get(cx, opts, en_key_atom(k));
        if (en_is_exception(m)) return EN_EXCEPTION;
        if (!en_is_undefined(m)) {
            uint64_t mx;
            if (!en_to_index(cx, m, &mx)) return EN_EXCEPTION;
            max = (int64_t)mx;
        }
    }
    EnObject *o = en_ab_allocate(cx, a->new_target, len, max);
    return o ? en_object_value(o) : EN_EXCEPTION;
}

static EnValue ab_is_view(EnContext *cx, const EnArgs *a) {
    (void)cx;
    EnValue v = en_arg(a, 0);
    if (!en_is_object(v)) return EN_FALSE;
    EnClassId c = en_obj_class(en_as_object(v));
    return en_bool(c == EN_CLASS_TYPED_ARRAY || c == EN_CLASS_DATA_VIEW);
}

static EnValue return_this(EnContext *cx, const EnArgs *a) {
    (void)cx;
    return a->this_val;
}

static EnValue ab_byte_length(EnContext *cx, const EnArgs *a) {
    EnArrayBuffer *b = this_buffer(cx, a->this_val, "byteLength");
    if (!b) return EN_EXCEPTION;
    return en_number((double)b->byte_length);
}

static EnValue ab_max_byte_length(EnContext *cx, const EnArgs *a) {
    EnArrayBuffer *b = this_buffer(cx, a->this_val, "maxByteLength");
    if (!b) return EN_EXCEPTION;
    if (en_ab_detached(b)) return en_int32(0);
    return en_number((double)((b->flags & EN_AB_RESIZABLE) ? b->max_byte_length : b->byte_length));
}

static EnValue ab_resizable(EnContext *cx, const EnArgs *a) {
    EnArrayBuffer *b = this_buffer(cx, a->this_val, "resizable");
    if (!b) return EN_EXCEPTION;
    return en_bool((b->flags & EN_AB_RESIZABLE) != 0);
}

static EnValue ab_detached(EnContext *cx, const EnArgs *a) {
    EnArrayBuffer *b = this_buffer(cx, a->this_val, "detached");
    if (!b) return EN_EXCEPTION;
    return en_bool(en_ab_detached(b));
}

static EnValue ab_resize(EnContext *cx, const EnArgs *a) {
    EnArrayBuffer *b = this_buffer(cx, a->this_val, "resize");
    if (!b) return EN_EXCEPTION;
    if (!(b->flags & EN_AB_RESIZABLE))
        return en_throw_type_error(cx, "ArrayBuffer.prototype.resize: buffer is not resizable");
    uint64_t n;
    if (!en_to_index(cx, en_arg(a, 0), &n)) return EN_EXCEPTION;
    b = en_as_buffer(en_as_object(a->this_val));
    if (en_ab_detached(b)) return en_throw_type_error(cx, "ArrayBuffer.prototype.resize: buffer is detached");
    if (n > b->max_byte_length)
        return en_throw_range_error(cx, "ArrayBuffer.prototype.resize: new length exceeds maxByteLength");
    if (!en_ab_resize(cx, en_as_object(a->this_val), n)) return EN_EXCEPTION;
    return EN_UNDEFINED;
}

// Clamps a relative index argument to [0, len].
static bool rel_index(EnContext *cx, EnValue v, double len, double dflt, double *out) {
    double d = dflt;
    if (!en_is_undefined(v) && !en_to_integer_or_infinity(cx, v, &d)) return false;
    if (d < 0) d = d + len < 0 ? 0 : d + len;
    else if (d > len) d = len;
    *out = d;
    return true;
}

static EnValue ab_slice(EnContext *cx, const EnArgs *a) {
    EnArrayBuffer *b = this_buffer(cx, a->this_val, "slice");
    if (!b) return EN_EXCEPTION;
    if (en_ab_detached(b)) return en_throw_type_error(cx, "ArrayBuffer.prototype.slice: buffer is detached");
    double len = (double)b->byte_length, first, fin;
    if (!rel_index(cx, en_arg(a, 0), len, 0, &first) || !rel_index(cx, en_arg(a, 1), len, len, &fin))
        return EN_EXCEPTION;
    double new_len = fin - first > 0 ? fin - first : 0;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue ctor = en_species_constructor(cx, en_as_object(a->this_val), EN_INTRINSIC_ArrayBuffer);
    if (en_is_exception(ctor)) goto done;
    EnValue *hc = en_handle(cx, ctor);
    EnValue *harg = en_handle(cx, en_number(new_len));
    EnValue nb = en_construct(cx, *hc, 1, harg, *hc);
    if (en_is_exception(nb)) goto done;
    if (!en_is_array_buffer(nb)) {
        en_throw_type_error(cx, "ArrayBuffer species constructor did not return an ArrayBuffer");
        goto done;
    }
    EnArrayBuffer *n = en_as_buffer(en_as_object(nb));
    if (en_ab_detached(n)) {
        en_throw_type_error(cx, "ArrayBuffer species constructor returned a detached buffer");
        goto done;
    }
    if (nb == a->this_val) {
        en_throw_type_error(cx, "ArrayBuffer species constructor returned the same buffer");
        goto done;
    }
    if ((double)n->byte_length < new_len) {
        en_throw_type_error(cx, "ArrayBuffer species constructor returned a too small buffer");
        goto done;
    }
    b = en_as_buffer(en_as_object(a->this_val));
    if (en_ab_detached(b)) {
        en_throw_type_error(cx, "ArrayBuffer.prototype.slice: buffer is detached");
        goto done;
    }
    size_t f = (size_t)first, cur = b->byte_length;
    if (f < cur) {
        size_t count = (size_t)new_len;
        if (count > cur - f) count = cur - f;
        if (count) memmove(n->data, b->data + f, count);
    }
    res = nb;
done:
    en_handle_scope_close(&hs);
    return res;
}

// ArrayBufferCopyAndDetach: the new buffer takes over the old block
// (realloc'd to the new length) instead of copying it.
static EnValue copy_and_detach(EnContext *cx, const EnArgs *a, bool preserve, const char *method) {
    EnArrayBuffer *b = this_buffer(cx, a->this_val, method);
    if (!b) return EN_EXCEPTION;
    uint64_t n = b->byte_length;
    if (!en_is_undefined(en_arg(a, 0)) && !en_to_index(cx, en_arg(a, 0), &n)) return EN_EXCEPTION;
    b = en_as_buffer(en_as_object(a->this_val));
    if (en_ab_detached(b)) return en_throw_type_error(cx, "ArrayBuffer.prototype.%s: buffer is detached", method);
    int64_t max = preserve && (b->flags & EN_AB_RESIZABLE) ? (int64_t)b->max_byte_length : -1;
    if (!en_is_undefined(b->detach_key))
        return en_throw_type_error(cx, "ArrayBuffer.prototype.%s: buffer is not detachable", method);
    EnObject *nb = en_ab_allocate(cx, EN_UNDEFINED, 0, max);
    if (!nb) return EN_EXCEPTION;
    if (max >= 0 && n > (uint64_t)max)
        return en_throw_range_error(cx, "ArrayBuffer.prototype.%s: new length exceeds maxByteLength", method);
    b = en_as_buffer(en_as_object(a->this_val));
    EnArrayBuffer *nw = en_as_buffer(nb);
    // Move the block, then size it.
    free(nw->data);
    nw->data = b->data;
    nw->byte_length = b->byte_length;
    b->data = NULL;
    b->byte_length = 0;
    b->flags |= EN_AB_DETACHED;
    if (!en_ab_resize(cx, nb, n)) return EN_EXCEPTION;
    return en_object_value(nb);
}

static EnValue ab_transfer(EnContext *cx, const EnArgs *a) { return copy_and_detach(cx, a, true, "transfer"); }
static EnValue ab_transfer_fixed(EnContext *cx, const EnArgs *a) {
    return copy_and_detach(cx, a, false, "transferToFixedLength");
}

bool en_init_array_buffer(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *proto = en_obj_new_plain(cx);
    if (!proto) goto done;
    EnValue *hp = en_handle(cx, en_object_value(proto));
    EnObject *ctor = en_define_class(cx, "ArrayBuffer", ab_ctor, 1, proto, EN_INTRINSIC_ArrayBuffer,
                                     EN_INTRINSIC_ArrayBufferPrototype);
    if (!ctor) goto done;
    EnValue *hc = en_handle(cx, en_object_value(ctor));
    if (!en_define_method(cx, en_as_object(*hc), "isView", ab_is_view, 1) ||
        !en_define_getter(cx, en_as_object(*hc), en_symbol_value(en_well_known_symbol(cx, EN_SYM_species)),
                          return_this, NULL))
        goto done;
    static const EnBiMethod methods[] = {
        {"resize", ab_resize, 1},
        {"slice", ab_slice, 2},
        {"transfer", ab_transfer, 0},
        {"transferToFixedLength", ab_transfer_fixed, 0},
    };
    if (!en_bi_methods(cx, en_as_object(*hp), methods, sizeof methods / sizeof *methods)) goto done;
    static const struct {
        const char *name;
        EnNativeFn fn;
    } getters[] = {
        {"byteLength", ab_byte_length},
        {"maxByteLength", ab_max_byte_length},
        {"resizable", ab_resizable},
        {"detached", ab_detached},
    };
    for (size_t i = 0; i < sizeof getters / sizeof *getters; i++) {
        EnString *k = en_atom_from_cstr(cx, getters[i].name);
        if (!k || !en_define_getter(cx, en_as_object(*hp), en_key_atom(k), getters[i].fn, NULL)) goto done;
    }
    ok = en_bi_to_string_tag(cx, en_as_object(*hp), "ArrayBuffer");
done:
    en_handle_scope_close(&hs);
    return ok;
}
