// Helpers shared by the numbers helper's builtin families (see
// bi_support_int.h).
#include <string.h>

#include "bi_support_int.h"

bool en_bi_methods(EnContext *cx, EnObject *o, const EnBiMethod *m, size_t n) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++)
        ok = en_define_method(cx, en_as_object(*ho), m[i].name, m[i].fn, m[i].length) != NULL;
    en_handle_scope_close(&hs);
    return ok;
}

bool en_bi_value(EnContext *cx, EnObject *o, const char *name, EnValue v, uint8_t attrs) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue *hv = en_handle(cx, v);
    EnString *atom = en_atom_from_cstr(cx, name);
    bool ok = false;
    if (atom) {
        EnValue *hk = en_handle(cx, en_string_value(atom));
        ok = en_define_value(cx, en_as_object(*ho), en_key_atom(en_as_string(*hk)), *hv, attrs);
    }
    en_handle_scope_close(&hs);
    return ok;
}

bool en_bi_to_string_tag(EnContext *cx, EnObject *o, const char *tag) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnString *s = en_str_from_cstr(cx, tag);
    bool ok = false;
    if (s) {
        EnValue *hs_ = en_handle(cx, en_string_value(s));
        EnSymbol *sym = en_well_known_symbol(cx, EN_SYM_toStringTag);
        ok = en_define_value(cx, en_as_object(*ho), en_symbol_value(sym), *hs_, EN_PROP_CONFIGURABLE);
    }
    en_handle_scope_close(&hs);
    return ok;
}

EnValue en_bi_own_value(EnContext *cx, EnObject *o, const char *name) {
    EnString *atom = en_atom_from_cstr(cx, name);
    if (!atom) return EN_UNDEFINED;
    EnPropDesc d;
    bool found = false;
    if (!en_obj_get_own_property(cx, o, en_key_atom(atom), &d, &found) || !found) return EN_UNDEFINED;
    return (d.has & EN_DESC_HAS_VALUE) ? d.value : EN_UNDEFINED;
}

bool en_bi_this_number(EnContext *cx, EnValue v, const char *method, double *out) {
    EnValue inner;
    if (en_is_number(v)) {
        *out = en_as_number(v);
        return true;
    }
    if (en_is_object(v) && en_primitive_unwrap(en_as_object(v), EN_CLASS_NUMBER, &inner)) {
        *out = en_as_number(inner);
        return true;
    }
    en_throw_type_error(cx, "Number.prototype.%s requires that 'this' be a Number", method);
    return false;
}

bool en_bi_this_boolean(EnContext *cx, EnValue v, const char *method, bool *out) {
    EnValue inner;
    if (en_is_bool(v)) {
        *out = en_as_bool(v);
        return true;
    }
    if (en_is_object(v) && en_primitive_unwrap(en_as_object(v), EN_CLASS_BOOLEAN, &inner)) {
        *out = en_as_bool(inner);
        return true;
    }
    en_throw_type_error(cx, "Boolean.prototype.%s requires that 'this' be a Boolean", method);
    return false;
}

EnString *en_bi_this_string_value(EnContext *cx, EnValue v, const char *method) {
    EnValue inner;
    if (en_is_string(v)) return en_as_string(v);
    if (en_is_object(v) && en_primitive_unwrap(en_as_object(v), EN_CLASS_STRING, &inner))
        return en_as_string(inner);
    en_throw_type_error(cx, "String.prototype.%s requires that 'this' be a String", method);
    return NULL;
}

EnObject *en_bi_new_wrapper(EnContext *cx, EnValue new_target, EnClassId cls,
                            EnIntrinsic fallback, EnValue prim) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, prim);
    EnObject *proto = NULL, *o = NULL;
    if (en_proto_from_ctor(cx, new_target, fallback, &proto)) {
        en_handle(cx, en_object_value(proto));
        o = en_obj_new(cx, cls, proto, 0);
        if (o) en_store(cx, o, &((EnPrimitiveObject *)o)->value, *hp);
    }
    en_handle_scope_close(&hs);
    return o;
}

EnValue en_bi_ascii(EnContext *cx, const char *s, size_t len) {
    EnString *str = en_str_from_latin1(cx, (const uint8_t *)s, len);
    return str ? en_string_value(str) : EN_EXCEPTION;
}
