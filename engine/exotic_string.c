// String exotic objects (ECMA-262 §10.4.3) and the other primitive
// wrappers (Boolean, Number, Symbol, BigInt objects): the wrapped value in
// EnPrimitiveObject.value; a String object's indices below its length are
// read-only own properties answered from the string.
#include "objmodel_int.h"

static void primitive_trace(EnGCTracer *t, EnObject *o) { en_gc_mark_value(t, ((EnPrimitiveObject *)o)->value); }

const EnClass en_class_primitive = {"Object", sizeof(EnPrimitiveObject), NULL, primitive_trace, NULL};

static EnString *string_of(EnObject *o) { return en_as_string(((EnPrimitiveObject *)o)->value); }

// The string's own index property, when k is one.
static bool string_index(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out, bool *found) {
    uint32_t idx;
    EnString *s = string_of(o);
    *found = false;
    if (!en_key_is_index(k, &idx) || idx >= en_str_length(s)) return true;
    s = en_str_flatten(cx, s);
    if (!s) return false;
    EnString *u = en_str_from_unit(cx, en_str_at(s, idx));
    if (!u) return false;
    out->has = EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE | EN_DESC_HAS_ENUMERABLE | EN_DESC_HAS_CONFIGURABLE;
    out->attrs = EN_PROP_ENUMERABLE;
    out->value = en_string_value(u);
    out->getter = out->setter = EN_UNDEFINED;
    *found = true;
    return true;
}

static bool string_get_own(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out, bool *found) {
    if (!string_index(cx, o, k, out, found)) return false;
    if (*found) return true;
    return en_ordinary_get_own_property(cx, o, k, out, found);
}

static bool string_define_own(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d, bool *ok) {
    EnPropDesc cur;
    bool found;
    if (!string_index(cx, o, k, &cur, &found)) return false;
    if (found) return en_validate_and_apply(cx, NULL, k, false, d, &cur, true, ok);
    return en_ordinary_define_own_property(cx, o, k, d, ok);
}

static bool string_delete(EnContext *cx, EnObject *o, EnKey k, bool *ok) {
    uint32_t idx;
    if (en_key_is_index(k, &idx) && idx < en_str_length(string_of(o))) return *ok = false, true;
    return en_ordinary_delete(cx, o, k, ok);
}

static bool string_own_keys(EnContext *cx, EnObject *o, EnKey **keys, uint32_t *n) {
    EnKeyVec v = {0};
    uint32_t len = en_str_length(string_of(o));
    for (uint32_t i = 0; i < len; i++) en_keyvec_push(&v, en_key_index(i));
    EnKey *rest;
    uint32_t nrest;
    en_ordinary_own_keys(cx, o, &rest, &nrest);
    for (uint32_t i = 0; i < nrest; i++) en_keyvec_push(&v, rest[i]);  // indices >= len first, in order
    och_free(rest);
    *keys = v.items;
    *n = v.len;
    return true;
}

static const EnClassOps string_ops = {
    .get_own_property = string_get_own,
    .define_own_property = string_define_own,
    .delete_property = string_delete,
    .own_keys = string_own_keys,
};

const EnClass en_class_string_obj = {"String", sizeof(EnPrimitiveObject), &string_ops, primitive_trace, NULL};

EnObject *en_primitive_wrap(EnContext *cx, EnValue prim) {
    EnClassId cls;
    EnIntrinsic proto;
    if (en_is_string(prim)) cls = EN_CLASS_STRING, proto = EN_INTRINSIC_StringPrototype;
    else if (en_is_number(prim)) cls = EN_CLASS_NUMBER, proto = EN_INTRINSIC_NumberPrototype;
    else if (en_is_bool(prim)) cls = EN_CLASS_BOOLEAN, proto = EN_INTRINSIC_BooleanPrototype;
    else if (en_is_symbol(prim)) cls = EN_CLASS_SYMBOL, proto = EN_INTRINSIC_SymbolPrototype;
    else cls = EN_CLASS_BIGINT, proto = EN_INTRINSIC_BigIntPrototype;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, prim);
    EnObject *o = en_obj_new(cx, cls, en_intrinsic(cx, proto), cls == EN_CLASS_STRING ? 1 : 0);
    if (o) {
        ((EnPrimitiveObject *)o)->value = *hp;
        if (cls == EN_CLASS_STRING) {
            EnValue *ho = en_handle(cx, en_object_value(o));
            EnValue len = en_int32((int32_t)en_str_length(en_as_string(*hp)));
            if (!en_obj_add_property(cx, o, en_key_atom(en_atom(cx, EN_ATOM_length)), len, 0)) o = NULL;
            else o = en_as_object(*ho);
        }
    }
    en_handle_scope_close(&hs);
    return o;
}

bool en_primitive_unwrap(EnObject *o, EnClassId cls, EnValue *out) {
    if (en_obj_class(o) != cls) return false;
    *out = ((EnPrimitiveObject *)o)->value;
    return true;
}
