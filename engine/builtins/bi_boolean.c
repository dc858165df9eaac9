// Builtin family "boolean": the Boolean constructor and Boolean.prototype
// (toString, valueOf).
#include "bi_support_int.h"

static EnValue boolean_ctor(EnContext *cx, const EnArgs *args) {
    bool b = en_to_boolean(en_arg(args, 0));
    if (en_is_undefined(args->new_target)) return en_bool(b);
    EnObject *o = en_bi_new_wrapper(cx, args->new_target, EN_CLASS_BOOLEAN,
                                    EN_INTRINSIC_BooleanPrototype, en_bool(b));
    return o ? en_object_value(o) : EN_EXCEPTION;
}

static EnValue boolean_to_string(EnContext *cx, const EnArgs *args) {
    bool b;
    if (!en_bi_this_boolean(cx, args->this_val, "toString", &b)) return EN_EXCEPTION;
    return en_string_value(en_atom(cx, b ? EN_ATOM_true_ : EN_ATOM_false_));
}

static EnValue boolean_value_of(EnContext *cx, const EnArgs *args) {
    bool b;
    if (!en_bi_this_boolean(cx, args->this_val, "valueOf", &b)) return EN_EXCEPTION;
    return en_bool(b);
}

static const EnBiMethod boolean_methods[] = {
    {"toString", boolean_to_string, 0},
    {"valueOf", boolean_value_of, 0},
};

bool en_init_boolean(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    // %Boolean.prototype% is itself a Boolean object whose value is false.
    EnObject *proto = en_obj_new(cx, EN_CLASS_BOOLEAN, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!proto) goto out;
    ((EnPrimitiveObject *)proto)->value = EN_FALSE;
    EnValue *hproto = en_handle(cx, en_object_value(proto));
    if (!en_define_class(cx, "Boolean", boolean_ctor, 1, proto, EN_INTRINSIC_Boolean,
                         EN_INTRINSIC_BooleanPrototype))
        goto out;
    ok = en_bi_methods(cx, en_as_object(*hproto), boolean_methods,
                       sizeof boolean_methods / sizeof boolean_methods[0]);
out:
    en_handle_scope_close(&hs);
    return ok;
}
