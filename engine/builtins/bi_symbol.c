// Builtin family "symbol" (ECMA-262 §20.4): the Symbol constructor,
// Symbol.for / Symbol.keyFor, the well-known symbol properties and
// Symbol.prototype (toString, valueOf, description, @@toPrimitive,
// @@toStringTag).
#include "runtime_int.h"

// thisSymbolValue(value): the symbol, or the one a Symbol object wraps.
static bool this_symbol(EnContext *cx, EnValue v, const char *method, EnSymbol **out) {
    if (en_is_symbol(v)) {
        *out = en_as_symbol(v);
        return true;
    }
    EnValue prim;
    if (en_is_object(v) && en_primitive_unwrap(en_as_object(v), EN_CLASS_SYMBOL, &prim)) {
        *out = en_as_symbol(prim);
        return true;
    }
    en_throw_type_error(cx, "Symbol.prototype.%s requires that 'this' be a Symbol", method);
    return false;
}

// Symbol([description]): callable only, `new Symbol()` throws.
static EnValue symbol_ctor(EnContext *cx, const EnArgs *args) {
    if (!en_is_undefined(args->new_target)) return en_throw_type_error(cx, "Symbol is not a constructor");
    EnValue desc = en_arg(args, 0);
    if (!en_is_undefined(desc)) {
        EnString *s = en_to_string(cx, desc);
        if (!s) return EN_EXCEPTION;
        desc = en_string_value(s);
    }
    EnSymbol *sym = en_sym_new(cx, desc);
    return sym ? en_symbol_value(sym) : EN_EXCEPTION;
}

static EnValue symbol_for(EnContext *cx, const EnArgs *args) {
    EnString *key = en_to_string(cx, en_arg(args, 0));
    if (!key) return EN_EXCEPTION;
    EnSymbol *sym = en_sym_for(cx, key);
    return sym ? en_symbol_value(sym) : EN_EXCEPTION;
}

static EnValue symbol_key_for(EnContext *cx, const EnArgs *args) {
    EnValue v = en_arg(args, 0);
    if (!en_is_symbol(v)) return en_throw_type_error(cx, "Symbol.keyFor: argument is not a symbol");
    return en_sym_key_for(en_as_symbol(v));
}

// SymbolDescriptiveString: "Symbol(" + description + ")".
static EnValue descriptive_string(EnContext *cx, EnSymbol *sym) {
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    en_sb_ascii(&sb, "Symbol(", 7);
    if (en_is_string(sym->description)) en_sb_string(&sb, en_as_string(sym->description));
    en_sb_unit(&sb, ')');
    EnString *s = en_sb_finish(&sb);
    return s ? en_string_value(s) : EN_EXCEPTION;
}

static EnValue symbol_to_string(EnContext *cx, const EnArgs *args) {
    EnSymbol *sym;
    if (!this_symbol(cx, args->this_val, "toString", &sym)) return EN_EXCEPTION;
    return descriptive_string(cx, sym);
}

static EnValue symbol_value_of(EnContext *cx, const EnArgs *args) {
    EnSymbol *sym;
    if (!this_symbol(cx, args->this_val, "valueOf", &sym)) return EN_EXCEPTION;
    return en_symbol_value(sym);
}

static EnValue symbol_to_primitive(EnContext *cx, const EnArgs *args) {
    EnSymbol *sym;
    if (!this_symbol(cx, args->this_val, "[Symbol.toPrimitive]", &sym)) return EN_EXCEPTION;
    return en_symbol_value(sym);
}

static EnValue symbol_description(EnContext *cx, const EnArgs *args) {
    EnSymbol *sym;
    if (!this_symbol(cx, args->this_val, "description", &sym)) return EN_EXCEPTION;
    return sym->description;
}

static const struct {
    const char *name;
    EnNativeFn fn;
    uint32_t length;
} symbol_statics[] = {
    {"for", symbol_for, 1},
    {"keyFor", symbol_key_for, 1},
};

bool en_init_symbol(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *proto = en_obj_new_plain(cx);  // an ordinary object, not a Symbol wrapper
    if (!proto) goto out;
    EnValue *hproto = en_handle(cx, en_object_value(proto));
    EnObject *ctor = en_define_class(cx, "Symbol", symbol_ctor, 0, proto, EN_INTRINSIC_Symbol,
                                     EN_INTRINSIC_SymbolPrototype);
    if (!ctor) goto out;
    EnValue *hctor = en_handle(cx, en_object_value(ctor));

    for (size_t i = 0; i < sizeof symbol_statics / sizeof symbol_statics[0]; i++) {
        if (!en_define_method(cx, en_as_object(*hctor), symbol_statics[i].name, symbol_statics[i].fn,
                              symbol_statics[i].length))
            goto out;
    }
    // Symbol.iterator etc.: { writable: false, enumerable: false, configurable: false }.
    static const char *const wks_names[EN_SYM_COUNT] = {
#define EN_WKS_PROP_(id) #id,
        EN_WELL_KNOWN_SYMBOLS(EN_WKS_PROP_)
#undef EN_WKS_PROP_
    };
    for (int i = 0; i < EN_SYM_COUNT; i++) {
        EnString *name = en_atom_from_cstr(cx, wks_names[i]);
        if (!name) goto out;
        EnValue sym = en_symbol_value(en_well_known_symbol(cx, (EnWellKnownSymbol)i));
        if (!en_define_value(cx, en_as_object(*hctor), en_key_atom(name), sym, 0)) goto out;
    }

    if (!en_define_method(cx, en_as_object(*hproto), "toString", symbol_to_string, 0) ||
        !en_define_method(cx, en_as_object(*hproto), "valueOf", symbol_value_of, 0))
        goto out;
    EnString *dname = en_atom_from_cstr(cx, "description");
    if (!dname || !en_define_getter(cx, en_as_object(*hproto), en_key_atom(dname), symbol_description, NULL))
        goto out;
    // Symbol.prototype[@@toPrimitive]: { writable: false, configurable: true }.
    EnString *tpname = en_str_from_cstr(cx, "[Symbol.toPrimitive]");
    EnObject *tp = tpname ? en_native_new(cx, symbol_to_primitive, tpname, 1, EN_NATIVE_NOT_CTOR, 0) : NULL;
    if (!tp) goto out;
    EnValue *htp = en_handle(cx, en_object_value(tp));
    EnKey tpkey = en_symbol_value(en_well_known_symbol(cx, EN_SYM_toPrimitive));
    if (!en_define_value(cx, en_as_object(*hproto), tpkey, *htp, EN_PROP_CONFIGURABLE))
        goto out;
    // Symbol.prototype[@@toStringTag] = "Symbol": { writable: false, configurable: true }.
    EnKey tagkey = en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag));
    if (!en_define_value(cx, en_as_object(*hproto), tagkey, en_string_value(en_atom(cx, EN_ATOM_Symbol_)),
                         EN_PROP_CONFIGURABLE))
        goto out;
    ok = true;
out:
    en_handle_scope_close(&hs);
    return ok;
}
