// Builtin family "typed_array" (EN_BUILTIN_FAMILIES): %TypedArray%, the
// twelve concrete constructors (ECMA-262 §23.2, Float16Array from ES2025),
// %TypedArray%.from / of / @@species, Math.f16round, and the inits of
// ArrayBuffer and DataView. The prototype methods are in
// bi_typed_array_proto.c.
//
// The realm's concrete constructors and prototypes have no intrinsic ids:
// they live in internal slots of %TypedArray% (slots 0..11 constructors,
// 12..23 prototypes, 24 the original %ArrayIteratorPrototype%.next).
#include "../typed_array_int.h"
#include "bi_array_int.h"
#include "bi_support_int.h"

#define POLL_MASK 0xFFFFu
#define SLOT_PROTO EN_TA_COUNT
#define SLOT_ITER_NEXT (2 * EN_TA_COUNT)
#define NSLOTS (2 * EN_TA_COUNT + 1)

// Long loops let a time limit or an interrupt stop them (every 64K steps).
static inline bool poll(EnContext *cx, uint64_t k) {
    return (k & POLL_MASK) != POLL_MASK || en_poll_interrupt(cx);
}

static EnValue *ta_slot(EnContext *cx, uint32_t i) {
    return en_native_slot(en_intrinsic(cx, EN_INTRINSIC_TypedArray), i);
}
EnObject *en_ta_ctor(EnContext *cx, EnTAType t) { return en_as_object(*ta_slot(cx, t)); }
EnObject *en_ta_proto(EnContext *cx, EnTAType t) { return en_as_object(*ta_slot(cx, SLOT_PROTO + t)); }

// A typed array object over `buffer` (rooted by the caller's handles).
static EnObject *ta_new(EnContext *cx, EnObject *proto, EnTAType t, EnObject *buffer, size_t off,
                        size_t len, bool tracking) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, en_object_value(proto));
    EnValue *hb = en_handle(cx, en_object_value(buffer));
    EnObject *o = en_obj_new(cx, EN_CLASS_TYPED_ARRAY, proto, 0);
    if (o) {
        EnTypedArray *ta = en_as_ta(o);
        ta->buffer = en_as_object(*hb);
        ta->byte_offset = off;
        ta->length = len;
        ta->type = (uint8_t)t;
        ta->flags = tracking ? EN_VIEW_LENGTH_TRACKING : 0;
    }
    en_handle_scope_close(&hs);
    return o;
}

// AllocateTypedArray with a length: a fresh buffer of len elements.
static EnObject *ta_alloc(EnContext *cx, EnObject *proto, EnTAType t, uint64_t len) {
    uint32_t shift = en_ta_shift[t];
    if (len > ((uint64_t)1 << 53) >> shift) return en_throw_range_error(cx, "Invalid typed array length: %llu", (unsigned long long)len), NULL;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, en_object_value(proto));
    EnObject *o = NULL;
    EnObject *buf = en_ab_allocate(cx, EN_UNDEFINED, len << shift, -1);
    if (buf) o = ta_new(cx, proto, t, buf, 0, (size_t)len, false);
    en_handle_scope_close(&hs);
    return o;
}

static bool proto_from_ctor(EnContext *cx, EnValue new_target, EnTAType t, EnObject **out) {
    if (en_is_object(new_target)) {
        EnValue p = en_get_atom(cx, new_target, EN_ATOM_prototype);
        if (en_is_exception(p)) return false;
        if (en_is_object(p)) return *out = en_as_object(p), true;
    }
    *out = en_ta_proto(cx, t);
    return true;
}

// InitializeTypedArrayFromTypedArray.
static EnObject *from_typed_array(EnContext *cx, EnObject *proto, EnTAType t, EnObject *src_o) {
    EnTypedArray *src = en_as_ta(src_o);
    if (en_ta_oob(src)) return en_throw_type_error(cx, "source typed array is detached or out of bounds"), NULL;
    size_t len = en_ta_length(src);
    EnTAType st = (EnTAType)src->type;
    if (en_ta_is_bigint(st) != en_ta_is_bigint(t))
        return en_throw_type_error(cx, "Cannot mix BigInt and other types, use explicit conversions"), NULL;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hs_src = en_handle(cx, en_object_value(src_o));
    EnObject *o = ta_alloc(cx, proto, t, len);
    if (o) {
        src = en_as_ta(en_as_object(*hs_src));
        EnTypedArray *ta = en_as_ta(o);
        uint8_t *d = en_ta_data(ta);
        const uint8_t *s = en_ta_data(src);
        if (st == t) {
            if (len) memcpy(d, s, len << en_ta_shift[t]);
        } else {
            uint32_t ds = en_ta_shift[t], ss = en_ta_shift[st];
            for (size_t i = 0; i < len; i++) {
                if (!poll(cx, i)) {
                    o = NULL;
                    break;
                }
                en_ta_store(d + (i << ds), t, en_ta_read(s + (i << ss), st));
            }
        }
    }
    en_handle_scope_close(&hs);
    return o;
}

// InitializeTypedArrayFromArrayBuffer.
static EnObject *from_buffer(EnContext *cx, EnObject *proto, EnTAType t, EnValue buf, EnValue off_v,
                             EnValue len_v) {
    uint32_t shift = en_ta_shift[t];
    uint64_t off, new_len = 0;
    if (!en_to_index(cx, off_v, &off)) return NULL;
    if (off & ((1u << shift) - 1))
        return en_throw_range_error(cx, "start offset of %s should be a multiple of %u", en_ta_names[t], 1u << shift), NULL;
    if (!en_is_undefined(len_v) && !en_to_index(cx, len_v, &new_len)) return NULL;
    EnArrayBuffer *b = en_as_buffer(en_as_object(buf));
    if (en_ab_detached(b)) return en_throw_type_error(cx, "Cannot construct a typed array on a detached ArrayBuffer"), NULL;
    uint64_t blen = b->byte_length;
    bool tracking = false;
    if (en_is_undefined(len_v) && (b->flags & EN_AB_RESIZABLE)) {
        if (off > blen) return en_throw_range_error(cx, "Start offset %llu is outside the bounds of the buffer", (unsigned long long)off), NULL;
        tracking = true;
    } else if (en_is_undefined(len_v)) {
        if (blen & ((1u << shift) - 1))
            return en_throw_range_error(cx, "byte length of %s should be a multiple of %u", en_ta_names[t], 1u << shift), NULL;
        if (off > blen) return en_throw_range_error(cx, "Start offset %llu is outside the bounds of the buffer", (unsigned long long)off), NULL;
        new_len = (blen - off) >> shift;
    } else {
        if (new_len > (((uint64_t)1 << 53) >> shift) || off + (new_len << shift) > blen)
            return en_throw_range_error(cx, "Invalid typed array length: %llu", (unsigned long long)new_len), NULL;
    }
    return ta_new(cx, proto, t, en_as_object(buf), (size_t)off, (size_t)new_len, tracking);
}

// A fresh typed array filled from the values of a JS array (a list).
static EnObject *from_list(EnContext *cx, EnObject *proto, EnTAType t, EnValue list) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hl = en_handle(cx, list);
    uint32_t n = ((EnArray *)en_as_object(list))->length;
    EnObject *o = ta_alloc(cx, proto, t, n);
    if (o) {
        EnValue *ho = en_handle(cx, en_object_value(o));
        for (uint32_t k = 0; k < n; k++) {
            EnValue v;
            if (!poll(cx, k) || !en_arr_get(cx, *hl, k, &v) || !en_ta_set_index(cx, en_as_object(*ho), k, v)) {
                o = NULL;
                break;
            }
        }
    }
    en_handle_scope_close(&hs);
    return o;
}

// GetMethod(obj, @@iterator): undefined, a callable, or EN_EXCEPTION.
static EnValue iterator_method(EnContext *cx, EnValue obj) {
    EnValue m = en_get(cx, obj, en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator)));
    if (en_is_exception(m) || en_is_nullish(m)) return en_is_exception(m) ? m : EN_UNDEFINED;
    if (!en_is_callable(m)) return en_throw_type_error(cx, "Symbol.iterator is not a function");
    return m;
}

// IteratorToList(GetIteratorFromMethod(obj, method)) as a JS array. An
// unmodified packed array is copied without running its iterator.
static EnValue iterate_to_list(EnContext *cx, EnValue obj, EnValue method) {
    if (en_is_object(obj) && en_obj_class(en_as_object(obj)) == EN_CLASS_ARRAY &&
        en_arr_is_packed(en_as_object(obj)) &&
        method == en_object_value(en_intrinsic(cx, EN_INTRINSIC_ArrayProtoValues))) {
        EnValue next = en_bi_own_value(cx, en_intrinsic(cx, EN_INTRINSIC_ArrayIteratorPrototype), "next");
        if (next == *ta_slot(cx, SLOT_ITER_NEXT)) {
            EnObject *a = en_as_object(obj);
            uint32_t n = ((EnArray *)a)->length;
            EnObject *copy = en_array_from_values(cx, n ? a->el.elements->v : NULL, n);
            return copy ? en_object_value(copy) : EN_EXCEPTION;
        }
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue it = en_call(cx, method, obj, 0, NULL);
    if (en_is_exception(it)) goto done;
    if (!en_is_object(it)) {
        en_throw_type_error(cx, "Result of the Symbol.iterator method is not an object");
        goto done;
    }
    EnValue *hit = en_handle(cx, it);
    EnValue next = en_get_atom(cx, *hit, EN_ATOM_next);
    if (en_is_exception(next)) goto done;
    EnValue *hn = en_handle(cx, next);
    EnObject *list = en_array_new(cx, 0);
    if (!list) goto done;
    EnValue *hl = en_handle(cx, en_object_value(list));
    EnIteratorRecord rec = {*hit, *hn, false};
    EnValue *hv = en_handle(cx, EN_UNDEFINED);
    for (;;) {
        bool fin;
        if (!en_iterator_step_value(cx, &rec, hv, &fin)) goto done;
        if (fin) break;
        if (!en_array_push(cx, en_as_object(*hl), *hv)) goto done;
    }
    res = *hl;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue ta_construct(EnContext *cx, const EnArgs *a, EnTAType t) {
    if (en_is_undefined(a->new_target)) return en_throw_type_error(cx, "Constructor %s requires 'new'", en_ta_names[t]);
    EnValue first = en_arg(a, 0);
    EnObject *proto, *o = NULL;
    if (!en_is_object(first)) {
        uint64_t len = 0;
        if (a->argc > 0 && !en_to_index(cx, first, &len)) return EN_EXCEPTION;
        if (!proto_from_ctor(cx, a->new_target, t, &proto)) return EN_EXCEPTION;
        o = ta_alloc(cx, proto, t, len);
        return o ? en_object_value(o) : EN_EXCEPTION;
    }
    if (!proto_from_ctor(cx, a->new_target, t, &proto)) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, en_object_value(proto));
    EnClassId c = en_obj_class(en_as_object(first));
    if (c == EN_CLASS_TYPED_ARRAY) {
        o = from_typed_array(cx, proto, t, en_as_object(first));
    } else if (c == EN_CLASS_ARRAY_BUFFER) {
        o = from_buffer(cx, proto, t, first, en_arg(a, 1), en_arg(a, 2));
    } else {
        EnValue m = iterator_method(cx, first);
        if (en_is_exception(m)) goto done;
        if (!en_is_undefined(m)) {
            EnValue list = iterate_to_list(cx, first, m);
            if (!en_is_exception(list)) o = from_list(cx, proto, t, list);
            goto done;
        }
        // Array-like.
        uint64_t len;
        if (!en_length_of_array_like(cx, first, &len)) goto done;
        o = ta_alloc(cx, proto, t, len);
        if (!o) goto done;
        EnValue *ho = en_handle(cx, en_object_value(o));
        for (uint64_t k = 0; k < len; k++) {
            EnValue v;
            if (!poll(cx, k) || !en_arr_get(cx, first, k, &v) ||
                !en_ta_set_index(cx, en_as_object(*ho), (double)k, v)) {
                o = NULL;
                goto done;
            }
        }
        o = en_as_object(*ho);
    }
done:
    en_handle_scope_close(&hs);
    return o ? en_object_value(o) : EN_EXCEPTION;
}

static EnValue ta_concrete_ctor(EnContext *cx, const EnArgs *a) {
    EnTAType t = (EnTAType)en_as_int32(*en_native_slot(a->callee, 0));
    return ta_construct(cx, a, t);
}

static EnValue ta_abstract_ctor(EnContext *cx, const EnArgs *a) {
    (void)a;
    return en_throw_type_error(cx, "Abstract class TypedArray not directly constructable");
}

EnValue en_ta_create_from_ctor(EnContext *cx, EnValue ctor, uint32_t argc, const EnValue *argv) {
    EnValue r = en_construct(cx, ctor, argc, argv, ctor);
    if (en_is_exception(r)) return r;
    size_t len;
    if (!en_ta_validate(cx, r, &len)) return EN_EXCEPTION;
    if (argc == 1 && en_is_number(argv[0]) && (double)len < en_as_number(argv[0]))
        return en_throw_type_error(cx, "species constructor returned a typed array that is too short");
    return r;
}

EnValue en_ta_species_create(EnContext *cx, EnValue exemplar, uint32_t argc, const EnValue *argv) {
    EnTAType t = (EnTAType)en_as_ta(en_as_object(exemplar))->type;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hd = en_handle(cx, en_object_value(en_ta_ctor(cx, t)));
    EnValue c = en_get_atom(cx, exemplar, EN_ATOM_constructor);
    if (en_is_exception(c)) goto done;
    EnValue ctor = *hd;
    if (!en_is_undefined(c)) {
        if (!en_is_object(c)) {
            en_throw_type_error(cx, "object.constructor is not an object");
            goto done;
        }
        EnValue s = en_get(cx, c, en_symbol_value(en_well_known_symbol(cx, EN_SYM_species)));
        if (en_is_exception(s)) goto done;
        if (!en_is_nullish(s)) {
            if (!en_is_constructor(s)) {
                en_throw_type_error(cx, "object.constructor[Symbol.species] is not a constructor");
                goto done;
            }
            ctor = s;
        }
    }
    EnValue *hc = en_handle(cx, ctor);
    EnValue r = en_ta_create_from_ctor(cx, *hc, argc, argv);
    if (en_is_exception(r)) goto done;
    if (en_ta_is_bigint((EnTAType)en_as_ta(en_as_object(r))->type) != en_ta_is_bigint(t)) {
        en_throw_type_error(cx, "species constructor returned a typed array of another content type");
        goto done;
    }
    res = r;
done:
    en_handle_scope_close(&hs);
    return res;
}

EnValue en_ta_create_same_type(EnContext *cx, EnValue exemplar, size_t len) {
    EnTAType t = (EnTAType)en_as_ta(en_as_object(exemplar))->type;
    EnObject *o = ta_alloc(cx, en_ta_proto(cx, t), t, len);
    return o ? en_object_value(o) : EN_EXCEPTION;
}

// %TypedArray%.from(source, mapfn, thisArg).
static EnValue ta_from(EnContext *cx, const EnArgs *a) {
    EnValue c = a->this_val, src = en_arg(a, 0), mapfn = en_arg(a, 1);
    if (!en_is_constructor(c)) return en_throw_type_error(cx, "%%TypedArray%%.from: this is not a constructor");
    bool mapping = !en_is_undefined(mapfn);
    if (mapping && !en_is_callable(mapfn)) return en_throw_type_error(cx, "%%TypedArray%%.from: mapper is not a function");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue m = iterator_method(cx, src);
    if (en_is_exception(m)) goto done;
    EnValue *hsrc, *hlist = NULL;
    uint64_t len;
    if (!en_is_undefined(m)) {
        EnValue list = iterate_to_list(cx, src, m);
        if (en_is_exception(list)) goto done;
        hlist = en_handle(cx, list);
        hsrc = hlist;
        len = ((EnArray *)en_as_object(list))->length;
    } else {
        EnObject *o = en_to_object(cx, src);
        if (!o) goto done;
        hsrc = en_handle(cx, en_object_value(o));
        if (!en_length_of_array_like(cx, *hsrc, &len)) goto done;
    }
    EnValue *args = en_arr_handles(cx, 2);
    args[0] = en_number((double)len);
    EnValue target = en_ta_create_from_ctor(cx, c, 1, args);
    if (en_is_exception(target)) goto done;
    EnValue *ht = en_handle(cx, target);
    for (uint64_t k = 0; k < len; k++) {
        EnValue v;
        if (!poll(cx, k) || !en_arr_get(cx, *hsrc, k, &v)) goto done;
        if (mapping) {
            args[0] = v;
            args[1] = en_number((double)k);
            v = en_call(cx, mapfn, en_arg(a, 2), 2, args);
            if (en_is_exception(v)) goto done;
        }
        if (!en_set(cx, *ht, en_key_index((uint32_t)k), v, true)) goto done;
    }
    res = *ht;
done:
    en_handle_scope_close(&hs);
    return res;
}

// %TypedArray%.of(...items).
static EnValue ta_of(EnContext *cx, const EnArgs *a) {
    EnValue c = a->this_val;
    if (!en_is_constructor(c)) return en_throw_type_error(cx, "%%TypedArray%%.of: this is not a constructor");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hn = en_handle(cx, en_number(a->argc));
    EnValue target = en_ta_create_from_ctor(cx, c, 1, hn);
    if (en_is_exception(target)) goto done;
    EnValue *ht = en_handle(cx, target);
    for (uint32_t k = 0; k < a->argc; k++)
        if (!en_set(cx, *ht, en_key_index(k), a->argv[k], true)) goto done;
    res = *ht;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue return_this(EnContext *cx, const EnArgs *a) {
    (void)cx;
    return a->this_val;
}

// Math.f16round (ES2025), installed here with the Float16 conversions.
static EnValue math_f16round(EnContext *cx, const EnArgs *a) {
    double d;
    if (!en_to_number(cx, en_arg(a, 0), &d)) return EN_EXCEPTION;
    return en_number(en_f16_to_f64(en_f64_to_f16(d)));
}

static bool init_concrete(EnContext *cx, EnTAType t) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnString *name = en_atom_from_cstr(cx, en_ta_names[t]);
    if (!name) goto done;
    EnValue *hname = en_handle(cx, en_string_value(name));
    EnObject *c = en_native_new(cx, ta_concrete_ctor, name, 3, EN_NATIVE_CTOR, 1);
    if (!c) goto done;
    *en_native_slot(c, 0) = en_int32((int32_t)t);
    EnValue *hc = en_handle(cx, en_object_value(c));
    bool set;
    if (!en_obj_set_prototype_of(cx, c, en_intrinsic(cx, EN_INTRINSIC_TypedArray), &set)) goto done;
    EnObject *p = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_TypedArrayPrototype), 4);
    if (!p) goto done;
    EnValue *hp = en_handle(cx, en_object_value(p));
    EnValue bpe = en_int32((int32_t)en_ta_elem_size(t));
    if (!en_define_value(cx, en_as_object(*hc), en_key_atom(en_atom(cx, EN_ATOM_prototype)), *hp, 0) ||
        !en_bi_value(cx, en_as_object(*hc), "BYTES_PER_ELEMENT", bpe, 0) ||
        !en_define_value(cx, en_as_object(*hp), en_key_atom(en_atom(cx, EN_ATOM_constructor)), *hc, EN_PROP_HIDDEN) ||
        !en_bi_value(cx, en_as_object(*hp), "BYTES_PER_ELEMENT", bpe, 0) ||
        !en_define_value(cx, cx->global, *hname, *hc, EN_PROP_HIDDEN))
        goto done;
    *ta_slot(cx, t) = *hc;
    *ta_slot(cx, SLOT_PROTO + t) = *hp;
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}

bool en_init_typed_array(EnContext *cx) {
    en_ta_register_classes();
    if (!en_init_array_buffer(cx) || !en_init_data_view(cx)) return false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnString *name = en_atom_from_cstr(cx, "TypedArray");
    if (!name) goto done;
    EnObject *c = en_native_new(cx, ta_abstract_ctor, name, 0, EN_NATIVE_CTOR, NSLOTS);
    if (!c) goto done;
    EnValue *hc = en_handle(cx, en_object_value(c));
    for (uint32_t i = 0; i < NSLOTS; i++) *en_native_slot(c, i) = EN_UNDEFINED;
    cx->intrinsics[EN_INTRINSIC_TypedArray] = c;
    EnObject *p = en_obj_new_plain(cx);
    if (!p) goto done;
    EnValue *hp = en_handle(cx, en_object_value(p));
    cx->intrinsics[EN_INTRINSIC_TypedArrayPrototype] = p;
    EnObject *aip = en_intrinsic(cx, EN_INTRINSIC_ArrayIteratorPrototype);
    if (aip) *en_native_slot(en_as_object(*hc), SLOT_ITER_NEXT) = en_bi_own_value(cx, aip, "next");
    if (!en_define_value(cx, en_as_object(*hc), en_key_atom(en_atom(cx, EN_ATOM_prototype)), *hp, 0) ||
        !en_define_value(cx, en_as_object(*hp), en_key_atom(en_atom(cx, EN_ATOM_constructor)), *hc, EN_PROP_HIDDEN) ||
        !en_define_method(cx, en_as_object(*hc), "from", ta_from, 1) ||
        !en_define_method(cx, en_as_object(*hc), "of", ta_of, 0) ||
        !en_define_getter(cx, en_as_object(*hc), en_symbol_value(en_well_known_symbol(cx, EN_SYM_species)),
                          return_this, NULL))
        goto done;
    if (!en_ta_init_proto(cx, en_as_object(*hp))) goto done;
    for (int t = 0; t < EN_TA_COUNT; t++)
        if (!init_concrete(cx, (EnTAType)t)) goto done;
    EnObject *math = en_intrinsic(cx, EN_INTRINSIC_Math);
    if (math && !en_define_method(cx, math, "f16round", math_f16round, 1)) goto done;
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}
