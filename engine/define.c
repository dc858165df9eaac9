// Helpers that install builtins: methods, accessors and constructor /
// prototype pairs with the attributes of ECMA-262 §18 (methods writable
// and configurable, not enumerable; `prototype` of builtin constructors
// fully locked).
#include "objmodel_int.h"

EnObject *en_define_method(EnContext *cx, EnObject *o, const char *name, EnNativeFn fn,
                           uint32_t length) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnObject *f = NULL;
    EnString *atom = en_atom_from_cstr(cx, name);
    if (!atom) goto done;
    EnValue *ha = en_handle(cx, en_string_value(atom));
    f = en_native_new(cx, fn, atom, length, EN_NATIVE_NOT_CTOR, 0);
    if (!f) goto done;
    EnValue *hf = en_handle(cx, en_object_value(f));
    if (!en_define_value(cx, en_as_object(*ho), *ha, *hf, EN_PROP_HIDDEN)) f = NULL;
    else f = en_as_object(*hf);
done:
    en_handle_scope_close(&hs);
    return f;
}

EnObject *en_define_method_sym(EnContext *cx, EnObject *o, EnWellKnownSymbol sym,
                               const char *name, EnNativeFn fn, uint32_t length) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnObject *f = NULL;
    EnString *nm = en_str_from_cstr(cx, name);
    if (!nm) goto done;
    f = en_native_new(cx, fn, nm, length, EN_NATIVE_NOT_CTOR, 0);
    if (!f) goto done;
    EnValue *hf = en_handle(cx, en_object_value(f));
    EnKey k = en_symbol_value(en_well_known_symbol(cx, sym));
    if (!en_define_value(cx, en_as_object(*ho), k, *hf, EN_PROP_HIDDEN)) f = NULL;
    else f = en_as_object(*hf);
done:
    en_handle_scope_close(&hs);
    return f;
}

// "get name" / "set name" / "get [description]".
static EnString *accessor_name(EnContext *cx, const char *prefix, EnKey k) {
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    en_sb_ascii(&sb, prefix, strlen(prefix));
    if (en_is_symbol(k)) {
        EnValue d = en_as_symbol(k)->description;
        en_sb_unit(&sb, '[');
        if (en_is_string(d)) en_sb_string(&sb, en_as_string(d));
        en_sb_unit(&sb, ']');
    } else {
        EnValue v = en_key_to_value(cx, k);
        if (en_is_exception(v)) {
            en_sb_free(&sb);
            return NULL;
        }
        en_sb_string(&sb, en_as_string(v));
    }
    return en_sb_finish(&sb);
}

bool en_define_getter(EnContext *cx, EnObject *o, EnKey k, EnNativeFn getter, EnNativeFn setter) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o)), *hk = en_handle(cx, k);
    EnValue *hg = en_handle(cx, EN_UNDEFINED), *hs2 = en_handle(cx, EN_UNDEFINED);
    bool ok = false;
    EnString *nm = accessor_name(cx, "get ", *hk);
    EnObject *g = nm ? en_native_new(cx, getter, nm, 0, EN_NATIVE_NOT_CTOR, 0) : NULL;
    if (!g) goto done;
    *hg = en_object_value(g);
    if (setter) {
        nm = accessor_name(cx, "set ", *hk);
        EnObject *s = nm ? en_native_new(cx, setter, nm, 1, EN_NATIVE_NOT_CTOR, 0) : NULL;
        if (!s) goto done;
        *hs2 = en_object_value(s);
    }
    ok = en_define_accessor(cx, en_as_object(*ho), *hk, *hg, *hs2, EN_PROP_CONFIGURABLE);
done:
    en_handle_scope_close(&hs);
    return ok;
}

EnObject *en_define_class(EnContext *cx, const char *name, EnNativeFn ctor, uint32_t length,
                          EnObject *proto, EnIntrinsic ctor_id, EnIntrinsic proto_id) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, en_object_value(proto));
    EnObject *c = NULL;
    EnString *atom = en_atom_from_cstr(cx, name);
    if (!atom) goto done;
    EnValue *ha = en_handle(cx, en_string_value(atom));
    c = en_native_new(cx, ctor, atom, length, EN_NATIVE_CTOR, 0);
    if (!c) goto done;
    EnValue *hc = en_handle(cx, en_object_value(c));
    cx->intrinsics[ctor_id] = c;
    cx->intrinsics[proto_id] = en_as_object(*hp);
    if (!en_define_value(cx, c, en_key_atom(en_atom(cx, EN_ATOM_prototype)), *hp, 0) ||
        !en_define_value(cx, en_as_object(*hp), en_key_atom(en_atom(cx, EN_ATOM_constructor)), *hc,
                         EN_PROP_HIDDEN) ||
        !en_define_value(cx, cx->global, *ha, *hc, EN_PROP_HIDDEN)) {
        c = NULL;
        goto done;
    }
    c = en_as_object(*hc);
done:
    en_handle_scope_close(&hs);
    return c;
}
