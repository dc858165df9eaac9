// Builtin family "array": the Array constructor and its statics (ES2025
// §23.1.1-2), %ArrayIteratorPrototype% (§23.1.5) and the element-access
// helpers shared with bi_array_proto.c / bi_array_sort.c.
#include "bi_array_int.h"
#include "../typed_array_int.h"

#define ARG(i) en_arg(a, i)

bool en_init_array_from_async(EnContext *cx, EnObject *array_ctor);  // bi_async_array_from.c

// ---------------------------------------------------------------------------
// Element access helpers.

EnValue *en_arr_handles(EnContext *cx, uint32_t n) {
    EnValue *first = en_handle(cx, EN_UNDEFINED);
    for (uint32_t i = 1; i < n; i++) en_handle(cx, EN_UNDEFINED);
    return first;
}

// Fast storage is only trusted for classes whose indices are ordinary.
static inline bool fast_elems(EnObject *o) {
    EnClassId c = en_obj_class(o);
    return (c == EN_CLASS_ARRAY || c == EN_CLASS_OBJECT || c == EN_CLASS_ARGUMENTS) &&
           !(o->hdr.flags & EN_OBJ_ELEM_DICT);
}

bool en_arr_proto_chain_plain(EnObject *o) {
    for (EnObject *p = o->shape->proto; p; p = p->shape->proto) {
        EnClassId c = en_obj_class(p);
        if ((c != EN_CLASS_ARRAY && c != EN_CLASS_OBJECT) || (p->hdr.flags & EN_OBJ_ELEM_DICT) ||
            en_elem_storage_length(p) != 0)
            return false;
    }
    return true;
}

bool en_arr_is_packed(EnObject *o) {
    if (en_obj_class(o) != EN_CLASS_ARRAY || (o->hdr.flags & (EN_OBJ_ELEM_DICT | EN_OBJ_ELEM_HOLEY)))
        return false;
    return en_elem_storage_length(o) == ((EnArray *)o)->length;
}

EnValue *en_arr_fast_slot(EnValue o, uint64_t i) {
    if (!en_is_object(o)) return NULL;
    EnObject *ob = en_as_object(o);
    if (!fast_elems(ob)) return NULL;
    EnValueArray *e = ob->el.elements;
    if (!e || i >= e->length || e->v[i] == EN_HOLE) return NULL;
    return &e->v[i];
}

// The key of index i (an atom for i >= 2^32 - 1, rooted by the caller's scope).
static bool index_key(EnContext *cx, uint64_t i, EnKey *k) {
    if (i <= 0xFFFFFFFEull) return *k = en_key_index((uint32_t)i), true;
    if (!en_key_from_value(cx, en_double((double)i), k)) return false;
    en_handle(cx, *k);
    return true;
}

bool en_arr_get(EnContext *cx, EnValue o, uint64_t i, EnValue *out) {
    EnValue *s = en_arr_fast_slot(o, i);
    if (s) return *out = *s, true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnKey k;
    bool ok = index_key(cx, i, &k);
    if (ok) {
        *out = en_get(cx, o, k);
        ok = !en_is_exception(*out);
    }
    en_handle_scope_close(&hs);
    return ok;
}

bool en_arr_has(EnContext *cx, EnValue o, uint64_t i, bool *found) {
    if (en_arr_fast_slot(o, i)) return *found = true, true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnKey k;
    bool ok = index_key(cx, i, &k) && en_obj_has_property(cx, en_as_object(o), k, found);
    en_handle_scope_close(&hs);
    return ok;
}

bool en_arr_set(EnContext *cx, EnValue o, uint64_t i, EnValue v) {
    EnValue *s = en_arr_fast_slot(o, i);
    if (s && !(en_as_object(o)->hdr.flags & EN_OBJ_ELEM_FROZEN)) {
        en_store(cx, en_as_object(o)->el.elements, s, v);
        return true;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v);
    EnKey k;
    bool ok = index_key(cx, i, &k) && en_set(cx, o, k, *hv, true);
    en_handle_scope_close(&hs);
    return ok;
}

bool en_arr_create(EnContext *cx, EnValue o, uint64_t i, EnValue v) {
    EnObject *ob = en_as_object(o);
    if (en_obj_class(ob) == EN_CLASS_ARRAY && !(ob->hdr.flags & (EN_OBJ_ELEM_DICT | EN_OBJ_ELEM_FROZEN)) &&
        !(((EnArray *)ob)->flags & EN_ARRAY_LENGTH_READONLY) && en_obj_extensible_raw(ob)) {
        EnArray *arr = (EnArray *)ob;
        uint32_t slen = en_elem_storage_length(ob);
        if (i < slen && ob->el.elements->v[i] != EN_HOLE) {
            en_store(cx, ob->el.elements, &ob->el.elements->v[i], v);
            return true;
        }
        if (i == slen && i == arr->length && i < 0xFFFFFFFFull) return en_array_push(cx, ob, v);
        // Filling a preset length front to back (ArraySpeciesCreate(len) then
        // map): the storage grows, the length stays.
        if (i == slen && i < arr->length) return en_elem_put(cx, ob, (uint32_t)i, v, EN_PROP_DEFAULT);
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v), *ho = en_handle(cx, o);
    EnKey k;
    bool ok = index_key(cx, i, &k) && en_create_data_property_or_throw(cx, en_as_object(*ho), k, *hv);
    en_handle_scope_close(&hs);
    return ok;
}

bool en_arr_delete(EnContext *cx, EnValue o, uint64_t i) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnKey k;
    bool dok = true;
    bool ok = index_key(cx, i, &k) && en_obj_delete(cx, en_as_object(o), k, &dok);
    en_handle_scope_close(&hs);
    if (ok && !dok) {
        en_throw_type_error(cx, "Cannot delete property '%llu' of %s", (unsigned long long)i, "[object Array]");
        return false;
    }
    return ok;
}

bool en_arr_set_length(EnContext *cx, EnValue o, uint64_t len) {
    return en_set(cx, o, en_key_atom(en_atom(cx, EN_ATOM_length)), en_number((double)len), true);
}

EnObject *en_arr_create_array(EnContext *cx, uint64_t len, EnObject *proto) {
    if (len > 0xFFFFFFFFull) {
        en_throw_range_error(cx, "Invalid array length");
        return NULL;
    }
    EnObject *o;
    if (proto && proto != en_intrinsic(cx, EN_INTRINSIC_ArrayPrototype))
        o = en_obj_new(cx, EN_CLASS_ARRAY, proto, 0);
    else
        o = en_array_new(cx, len <= 65536 ? (uint32_t)len : 0);
    // Elements beyond the storage are holes: the length alone says so.
    if (o) ((EnArray *)o)->length = (uint32_t)len;
    return o;
}

EnValue en_arr_species_create(EnContext *cx, EnValue original, uint64_t len) {
    bool is_arr;
    if (!en_is_array(cx, original, &is_arr)) return EN_EXCEPTION;
    if (!is_arr) {
        EnObject *o = en_arr_create_array(cx, len, NULL);
        return o ? en_object_value(o) : EN_EXCEPTION;
    }
    EnValue c = en_get_atom(cx, original, EN_ATOM_constructor);
    if (en_is_exception(c)) return c;
    // TODO(#6): cross-realm Array constructors map to this realm's %Array%.
    if (en_is_object(c)) {
        c = en_get(cx, c, en_symbol_value(en_well_known_symbol(cx, EN_SYM_species)));
        if (en_is_exception(c)) return c;
        if (en_is_null(c)) c = EN_UNDEFINED;
    }
    if (en_is_undefined(c) || c == en_object_value(en_intrinsic(cx, EN_INTRINSIC_Array))) {
        EnObject *o = en_arr_create_array(cx, len, NULL);
        return o ? en_object_value(o) : EN_EXCEPTION;
    }
    if (!en_is_constructor(c)) return en_throw_type_error(cx, "object.constructor[Symbol.species] is not a constructor");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hc = en_handle(cx, c);
    EnValue *arg = en_handle(cx, en_number((double)len));
    EnValue r = en_construct(cx, *hc, 1, arg, *hc);
    en_handle_scope_close(&hs);
    return r;
}

bool en_arr_this(EnContext *cx, EnValue this_val, EnValue **ho, uint64_t *len) {
    EnObject *o = en_to_object(cx, this_val);
    if (!o) return false;
    *ho = en_handle(cx, en_object_value(o));
    if (en_obj_class(o) == EN_CLASS_ARRAY) return *len = ((EnArray *)o)->length, true;
    return en_length_of_array_like(cx, **ho, len);
}

bool en_arr_rel_index(EnContext *cx, EnValue v, uint64_t len, uint64_t dflt, uint64_t *out) {
    if (en_is_undefined(v)) return *out = dflt, true;
    double d;
    if (en_is_int32(v)) d = en_as_int32(v);
    else if (!en_to_integer_or_infinity(cx, v, &d)) return false;
    if (d < 0) d = d + (double)len < 0 ? 0 : d + (double)len;
    else if (d > (double)len) d = (double)len;
    *out = (uint64_t)d;
    return true;
}

// ---------------------------------------------------------------------------
// Constructor and statics.

static EnValue array_ctor(EnContext *cx, const EnArgs *a) {
    EnValue nt = en_is_undefined(a->new_target) ? en_object_value(a->callee) : a->new_target;
    EnObject *proto;
    if (!en_proto_from_ctor(cx, nt, EN_INTRINSIC_ArrayPrototype, &proto)) return EN_EXCEPTION;
    if (a->argc == 1 && en_is_number(ARG(0))) {
        double d = en_as_number(ARG(0));
        uint32_t u = (uint32_t)d;
        if (d < 0 || (double)u != d) return en_throw_range_error(cx, "Invalid array length");
        EnObject *o = en_arr_create_array(cx, u, proto);
        return o ? en_object_value(o) : EN_EXCEPTION;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    en_handle(cx, en_object_value(proto));
    EnObject *o = en_arr_create_array(cx, 0, proto);
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    if (a->argc && !en_elem_reserve(cx, o, a->argc)) goto done;
    for (uint32_t i = 0; i < a->argc; i++)
        if (!en_arr_create(cx, *ho, i, a->argv[i])) goto done;
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue array_is_array(EnContext *cx, const EnArgs *a) {
    bool r;
    if (!en_is_array(cx, ARG(0), &r)) return EN_EXCEPTION;
    return en_bool(r);
}

// new C(len) when `this` is a constructor, else ArrayCreate(len).
static EnValue construct_this(EnContext *cx, EnValue c, bool with_len, uint64_t len) {
    if (en_is_constructor(c)) {
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *hc = en_handle(cx, c);
        EnValue *arg = en_handle(cx, en_number((double)len));
        EnValue r = en_construct(cx, *hc, with_len ? 1 : 0, arg, *hc);
        en_handle_scope_close(&hs);
        if (!en_is_exception(r) && !en_is_object(r)) return en_throw_type_error(cx, "constructor did not return an object");
        return r;
    }
    EnObject *o = en_arr_create_array(cx, len, NULL);
    return o ? en_object_value(o) : EN_EXCEPTION;
}

static EnValue array_of(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue r = construct_this(cx, a->this_val, true, a->argc);
    if (en_is_exception(r)) goto done;
    EnValue *ho = en_handle(cx, r);
    for (uint32_t i = 0; i < a->argc; i++)
        if (!en_arr_create(cx, *ho, i, a->argv[i])) goto done;
    if (!en_arr_set_length(cx, *ho, a->argc)) goto done;
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue array_from(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *h = en_arr_handles(cx, 7);  // 0 items, 1 mapfn, 2 thisArg, 3 A, 4 iter, 5 next, 6-.. args
    EnValue *args = en_arr_handles(cx, 2);
    h[0] = ARG(0);
    h[1] = ARG(1);
    h[2] = ARG(2);
    bool mapping = !en_is_undefined(h[1]);
    if (mapping && !en_is_callable(h[1])) {
        en_throw_type_error(cx, "Array.from: when provided, the second argument must be a function");
        goto done;
    }
    EnValue using_it = en_is_nullish(h[0]) ? EN_UNDEFINED
                                           : en_get(cx, h[0], en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator)));
    if (en_is_exception(using_it)) goto done;
    if (!en_is_nullish(using_it)) {
        if (!en_is_callable(using_it)) {
            en_throw_type_error(cx, "Array.from: @@iterator is not callable");
            goto done;
        }
        EnValue *hm = en_handle(cx, using_it);
        EnValue r = construct_this(cx, a->this_val, false, 0);
        if (en_is_exception(r)) goto done;
        h[3] = r;
        EnValue it = en_call(cx, *hm, h[0], 0, NULL);
        if (en_is_exception(it)) goto done;
        if (!en_is_object(it)) {
            en_throw_type_error(cx, "Result of the Symbol.iterator method is not an object");
            goto done;
        }
        h[4] = it;
        EnValue nx = en_get_atom(cx, it, EN_ATOM_next);
        if (en_is_exception(nx)) goto done;
        h[5] = nx;
        EnIteratorRecord rec = {h[4], h[5], false};
        for (uint64_t k = 0;; k++) {
            if (k >= EN_ARR_MAX_SAFE_U) {
                en_throw_type_error(cx, "Array.from: too many elements");
                en_iterator_close(cx, &rec, true);
                goto done;
            }
            EnValue v;
            bool fin;
            if (!en_iterator_step_value(cx, &rec, &v, &fin)) goto done;
            if (fin) {
                if (!en_arr_set_length(cx, h[3], k)) goto done;
                res = h[3];
                goto done;
            }
            if (mapping) {
                args[0] = v;
                args[1] = en_number((double)k);
                v = en_call(cx, h[1], h[2], 2, args);
                if (en_is_exception(v)) {
                    en_iterator_close(cx, &rec, true);
                    goto done;
                }
            }
            if (!en_arr_create(cx, h[3], k, v)) {
                en_iterator_close(cx, &rec, true);
                goto done;
            }
        }
    }
    EnObject *al = en_to_object(cx, h[0]);
    if (!al) goto done;
    h[0] = en_object_value(al);
    uint64_t len;
    if (!en_length_of_array_like(cx, h[0], &len)) goto done;
    EnValue r = construct_this(cx, a->this_val, true, len);
    if (en_is_exception(r)) goto done;
    h[3] = r;
    for (uint64_t k = 0; k < len; k++) {
        EnValue v;
        if (!en_arr_get(cx, h[0], k, &v)) goto done;
        if (mapping) {
            args[0] = v;
            args[1] = en_number((double)k);
            v = en_call(cx, h[1], h[2], 2, args);
            if (en_is_exception(v)) goto done;
        }
        if (!en_arr_create(cx, h[3], k, v)) goto done;
        if ((k & 4095) == 4095 && !en_poll_interrupt(cx)) goto done;
    }
    if (!en_arr_set_length(cx, h[3], len)) goto done;
    res = h[3];
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue return_this(EnContext *cx, const EnArgs *a) {
    (void)cx;
    return a->this_val;
}

// ---------------------------------------------------------------------------
// %ArrayIteratorPrototype%.

typedef struct ArrayIter {
    EnObject base;
    EnValue iterated;  // undefined once exhausted
    uint64_t index;
    uint32_t kind;     // 0 keys, 1 values, 2 entries
    uint32_t _pad;
} ArrayIter;

static void array_iter_trace(EnGCTracer *t, EnObject *o) { en_gc_mark_value(t, ((ArrayIter *)o)->iterated); }
static const EnClass array_iter_class = {"Array Iterator", sizeof(ArrayIter), NULL, array_iter_trace, NULL};

EnValue en_arr_iterator_new(EnContext *cx, EnValue obj, uint32_t kind);
EnValue en_arr_iterator_new(EnContext *cx, EnValue obj, uint32_t kind) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, obj);
    EnObject *it = en_obj_new(cx, EN_CLASS_ARRAY_ITERATOR, en_intrinsic(cx, EN_INTRINSIC_ArrayIteratorPrototype), 0);
    EnValue r = EN_EXCEPTION;
    if (it) {
        ArrayIter *ai = (ArrayIter *)it;
        en_store(cx, it, &ai->iterated, *ho);
        ai->index = 0;
        ai->kind = kind;
        r = en_object_value(it);
    }
    en_handle_scope_close(&hs);
    return r;
}

static EnValue iter_result(EnContext *cx, EnValue v, bool done) {
    EnObject *r = en_create_iter_result(cx, v, done);
    return r ? en_object_value(r) : EN_EXCEPTION;
}

static EnValue array_iter_next(EnContext *cx, const EnArgs *a) {
    EnValue t = a->this_val;
    if (!en_is_object(t) || en_obj_class(en_as_object(t)) != EN_CLASS_ARRAY_ITERATOR)
        return en_throw_type_error(cx, "next method called on incompatible receiver");
    ArrayIter *ai = (ArrayIter *)en_as_object(t);
    if (en_is_undefined(ai->iterated)) return iter_result(cx, EN_UNDEFINED, true);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ht = en_handle(cx, t), *hv = en_handle(cx, ai->iterated);
    EnValue res = EN_EXCEPTION;
    uint64_t len;
    EnObject *io = en_as_object(*hv);
    if (en_obj_class(io) == EN_CLASS_ARRAY) {
        len = ((EnArray *)io)->length;
    } else if (en_obj_class(io) == EN_CLASS_TYPED_ARRAY) {
        // Detached or out-of-bounds views throw; length-tracking ones follow resizes.
        if (!en_ta_iter_length(cx, io, &len)) goto done;
    } else if (!en_length_of_array_like(cx, *hv, &len)) {
        goto done;
    }
    ai = (ArrayIter *)en_as_object(*ht);
    uint64_t idx = ai->index;
    if (idx >= len) {
        ai->iterated = EN_UNDEFINED;
        res = iter_result(cx, EN_UNDEFINED, true);
        goto done;
    }
    ai->index = idx + 1;
    if (ai->kind == 0) {
        res = iter_result(cx, en_number((double)idx), false);
        goto done;
    }
    EnValue v;
    if (!en_arr_get(cx, *hv, idx, &v)) goto done;
    if (ai->kind == 1) {
        res = iter_result(cx, v, false);
        goto done;
    }
    EnValue *pair = en_arr_handles(cx, 2);
    pair[0] = en_number((double)idx);
    pair[1] = v;
    EnObject *e = en_array_from_values(cx, pair, 2);
    if (e) res = iter_result(cx, en_object_value(e), false);
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Setup.

bool en_init_array(EnContext *cx) {
    en_class_register(EN_CLASS_ARRAY_ITERATOR, &array_iter_class);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnValue *hp = en_handle(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_ArrayPrototype)));
    EnObject *ctor = en_define_class(cx, "Array", array_ctor, 1, en_as_object(*hp), EN_INTRINSIC_Array,
                                     EN_INTRINSIC_ArrayPrototype);
    if (!ctor) goto done;
    EnValue *hc = en_handle(cx, en_object_value(ctor));
    if (!en_define_method(cx, en_as_object(*hc), "isArray", array_is_array, 1) ||
        !en_define_method(cx, en_as_object(*hc), "of", array_of, 0) ||
        !en_define_method(cx, en_as_object(*hc), "from", array_from, 1) ||
        !en_init_array_from_async(cx, en_as_object(*hc)) ||
        !en_define_getter(cx, en_as_object(*hc), en_symbol_value(en_well_known_symbol(cx, EN_SYM_species)),
                          return_this, NULL))
        goto done;
    if (!en_arr_init_proto(cx, en_as_object(*hp)) || !en_arr_init_sort(cx, en_as_object(*hp))) goto done;
    // %ArrayIteratorPrototype%
    EnObject *ip = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype), 4);
    if (!ip) goto done;
    cx->intrinsics[EN_INTRINSIC_ArrayIteratorPrototype] = ip;
    EnValue *hi = en_handle(cx, en_object_value(ip));
    if (!en_define_method(cx, en_as_object(*hi), "next", array_iter_next, 0)) goto done;
    EnString *tag = en_str_from_cstr(cx, "Array Iterator");
    if (!tag) goto done;
    ok = en_define_value(cx, en_as_object(*hi), en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)),
                         en_string_value(tag), EN_PROP_CONFIGURABLE);
done:
    en_handle_scope_close(&hs);
    return ok;
}
