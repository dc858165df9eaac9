// Array exotic objects (ECMA-262 §10.4.2): `length` lives in EnArray (not
// in the shape) and is kept in step with index writes; ArraySetLength
// truncates, stopping at non-configurable elements.
#include "objmodel_int.h"
#include "proxy_int.h"

static inline EnArray *as_array(EnObject *o) { return (EnArray *)o; }
static inline bool is_length(EnContext *cx, EnKey k) { return k == en_key_atom(en_atom(cx, EN_ATOM_length)); }

static void length_desc(EnArray *a, EnPropDesc *out) {
    out->has = EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE | EN_DESC_HAS_ENUMERABLE |
               EN_DESC_HAS_CONFIGURABLE;
    out->attrs = (a->flags & EN_ARRAY_LENGTH_READONLY) ? 0 : EN_PROP_WRITABLE;
    out->value = en_number((double)a->length);
    out->getter = out->setter = EN_UNDEFINED;
}

static bool array_get_own(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out, bool *found) {
    if (is_length(cx, k)) {
        length_desc(as_array(o), out);
        return *found = true, true;
    }
    return en_ordinary_get_own_property(cx, o, k, out, found);
}

// ArraySetLength (§10.4.2.4).
static bool array_set_length(EnContext *cx, EnObject *o, const EnPropDesc *d, bool *ok) {
    EnPropDesc cur;
    length_desc(as_array(o), &cur);
    if (!(d->has & EN_DESC_HAS_VALUE)) {
        if (!en_validate_and_apply(cx, NULL, EN_UNDEFINED, true, d, &cur, true, ok)) return false;
        if (*ok && (d->has & EN_DESC_HAS_WRITABLE) && !(d->attrs & EN_PROP_WRITABLE))
            as_array(o)->flags |= EN_ARRAY_LENGTH_READONLY;
        return true;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    uint32_t new_len;
    double number_len;
    bool conv = en_to_uint32(cx, d->value, &new_len) && en_to_number(cx, d->value, &number_len);
    o = en_as_object(*ho);
    en_handle_scope_close(&hs);
    if (!conv) return false;
    if ((double)new_len != number_len) return en_throw_range_error(cx, "Invalid array length"), false;
    EnArray *a = as_array(o);
    EnPropDesc nd = *d;
    nd.value = en_number((double)new_len);
    length_desc(a, &cur);
    uint32_t old_len = a->length;
    if (new_len >= old_len || (a->flags & EN_ARRAY_LENGTH_READONLY)) {
        if (!en_validate_and_apply(cx, NULL, EN_UNDEFINED, true, &nd, &cur, true, ok)) return false;
        if (!*ok) return true;
        a->length = new_len;
        if ((nd.has & EN_DESC_HAS_WRITABLE) && !(nd.attrs & EN_PROP_WRITABLE))
            a->flags |= EN_ARRAY_LENGTH_READONLY;
        return true;
    }
    bool new_writable = !(nd.has & EN_DESC_HAS_WRITABLE) || (nd.attrs & EN_PROP_WRITABLE);
    EnPropDesc check = nd;
    check.attrs |= EN_PROP_WRITABLE;  // writable:false is applied after the deletions
    if (!en_validate_and_apply(cx, NULL, EN_UNDEFINED, true, &check, &cur, true, ok)) return false;
    if (!*ok) return true;
    uint32_t got = en_elem_truncate(o, new_len, old_len);
    a->length = got;
    if (!new_writable) a->flags |= EN_ARRAY_LENGTH_READONLY;
    *ok = got == new_len;
    return true;
}

static bool array_define_own(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d, bool *ok) {
    if (is_length(cx, k)) return array_set_length(cx, o, d, ok);
    uint32_t idx;
    if (en_key_is_index(k, &idx)) {
        EnArray *a = as_array(o);
        if (idx >= a->length && (a->flags & EN_ARRAY_LENGTH_READONLY)) return *ok = false, true;
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *ho = en_handle(cx, en_object_value(o));
        bool r = en_ordinary_define_own_property(cx, o, k, d, ok);
        a = as_array(en_as_object(*ho));
        en_handle_scope_close(&hs);
        if (!r || !*ok) return r;
        if (idx >= a->length) a->length = idx + 1;
        return true;
    }
    return en_ordinary_define_own_property(cx, o, k, d, ok);
}

static bool array_delete(EnContext *cx, EnObject *o, EnKey k, bool *ok) {
    if (is_length(cx, k)) return *ok = false, true;
    return en_ordinary_delete(cx, o, k, ok);
}

static bool array_own_keys(EnContext *cx, EnObject *o, EnKey **keys, uint32_t *n) {
    EnKeyVec v = {0};
    en_elem_keys(o, &v);
    en_keyvec_push(&v, en_key_atom(en_atom(cx, EN_ATOM_length)));
    EnKey *named;
    uint32_t nn;
    // Elements are own keys of the ordinary part too: take only its named keys.
    EnKeyVec tmp = {0};
    en_ordinary_own_keys(cx, o, &named, &nn);
    for (uint32_t i = 0; i < nn; i++) {
        uint32_t idx;
        if (!en_key_is_index(named[i], &idx)) en_keyvec_push(&tmp, named[i]);
    }
    och_free(named);
    for (uint32_t i = 0; i < tmp.len; i++) en_keyvec_push(&v, tmp.items[i]);
    och_free(tmp.items);
    *keys = v.items;
    *n = v.len;
    return true;
}

static const EnClassOps array_ops = {
    .get_own_property = array_get_own,
    .define_own_property = array_define_own,
    .delete_property = array_delete,
    .own_keys = array_own_keys,
};

const EnClass en_class_array = {"Array", sizeof(EnArray), &array_ops, NULL, NULL};

// ---------------------------------------------------------------------------
// Array API.

EnObject *en_array_new(EnContext *cx, uint32_t capacity) {
    EnObject *o = en_obj_new(cx, EN_CLASS_ARRAY, en_intrinsic(cx, EN_INTRINSIC_ArrayPrototype), 0);
    if (!o || !capacity) return o;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    bool ok = en_elem_reserve(cx, o, capacity);
    o = en_as_object(*ho);
    en_handle_scope_close(&hs);
    return ok ? o : NULL;
}

EnObject *en_array_from_values(EnContext *cx, const EnValue *v, uint32_t n) {
    EnObject *o = en_array_new(cx, n);
    if (!o || !n) return o;
    EnValueArray *a = o->el.elements;
    for (uint32_t i = 0; i < n; i++) {
        en_store(cx, a, &a->v[i], v[i]);
        if (v[i] == EN_HOLE) o->hdr.flags |= EN_OBJ_ELEM_HOLEY;
    }
    a->length = n;
    as_array(o)->length = n;
    return o;
}

bool en_array_push(EnContext *cx, EnObject *arr, EnValue v) {
    if (en_obj_class(arr) == EN_CLASS_ARRAY) {
        EnArray *a = as_array(arr);
        if (!(a->flags & EN_ARRAY_LENGTH_READONLY) && !(arr->hdr.flags & EN_OBJ_ELEM_DICT) &&
            en_obj_extensible_raw(arr) && en_elem_storage_length(arr) == a->length &&
            a->length < 0xFFFFFFFFu) {
            EnHandleScope hs;
            en_handle_scope_open(cx, &hs);
            EnValue *ho = en_handle(cx, en_object_value(arr));
            bool ok = en_elem_put(cx, arr, a->length, v, EN_PROP_DEFAULT);
            a = as_array(en_as_object(*ho));
            en_handle_scope_close(&hs);
            if (!ok) return false;
            a->length++;
            return true;
        }
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(arr)), *hv = en_handle(cx, v);
    uint64_t len;
    bool ok = en_length_of_array_like(cx, *ho, &len);
    if (ok && len + 1 > 9007199254740991ull) {
        en_throw_type_error(cx, "Pushing an element would exceed the maximum array length");
        ok = false;
    }
    if (ok) {
        EnKey k = len <= 0xFFFFFFFEull ? en_key_index((uint32_t)len) : EN_UNDEFINED;
        if (en_is_undefined(k)) {
            EnString *s = en_number_to_string(cx, (double)len);
            ok = s && en_key_from_value(cx, en_string_value(s), &k);
        }
        ok = ok && en_set(cx, *ho, k, *hv, true) &&
             en_set(cx, *ho, en_key_atom(en_atom(cx, EN_ATOM_length)), en_number((double)(len + 1)), true);
    }
    en_handle_scope_close(&hs);
    return ok;
}

bool en_length_of_array_like(EnContext *cx, EnValue o, uint64_t *out) {
    if (en_is_object(o) && en_obj_class(en_as_object(o)) == EN_CLASS_ARRAY) {
        *out = as_array(en_as_object(o))->length;
        return true;
    }
    EnValue v = en_get_atom(cx, o, EN_ATOM_length);
    if (en_is_exception(v)) return false;
    return en_to_length(cx, v, out);
}

bool en_is_array(EnContext *cx, EnValue v, bool *out) {
    if (!en_is_object(v)) return *out = false, true;
    EnObject *o = en_as_object(v);
    // IsArray sees through proxies (a loop: chains of proxies need no C
    // recursion); a revoked one throws.
    while (en_is_proxy(o))
        if (!en_proxy_target(cx, o, "IsArray", &o)) return false;
    *out = en_obj_class(o) == EN_CLASS_ARRAY;
    return true;
}
