// Builtin family "generator": %GeneratorFunction%, %GeneratorFunction.prototype%
// and %GeneratorPrototype% (next, return, throw). The frames themselves are
// suspended and resumed by the VM (interp.c: en_vm_generator_resume).
#include "vm_int.h"

static EnValue gen_next(EnContext *cx, const EnArgs *a) {
    return en_vm_generator_resume(cx, a->this_val, EN_GEN_NEXT, en_arg(a, 0));
}
static EnValue gen_return(EnContext *cx, const EnArgs *a) {
    return en_vm_generator_resume(cx, a->this_val, EN_GEN_RETURN, en_arg(a, 0));
}
static EnValue gen_throw(EnContext *cx, const EnArgs *a) {
    return en_vm_generator_resume(cx, a->this_val, EN_GEN_THROW, en_arg(a, 0));
}

static EnValue gen_fn_ctor(EnContext *cx, const EnArgs *a) {
    (void)a;
    return en_throw_syntax_error(cx, "GeneratorFunction constructor is not supported yet");
}

static bool define_tag(EnContext *cx, EnObject *o, const char *tag) {
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnString *s = en_str_from_cstr(cx, tag);
    if (!s) return false;
    return en_define_value(cx, en_as_object(*ho),
                           en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)),
                           en_string_value(s), EN_PROP_CONFIGURABLE);
}

bool en_init_generator(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *ip = en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype);
    EnObject *gp = en_obj_new(cx, EN_CLASS_OBJECT, ip ? ip : en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!gp) goto done;
    EnValue *hgp = en_handle(cx, en_object_value(gp));
    cx->intrinsics[EN_INTRINSIC_GeneratorPrototype] = gp;
    EnObject *gfp = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype), 4);
    if (!gfp) goto done;
    EnValue *hgfp = en_handle(cx, en_object_value(gfp));
    cx->intrinsics[EN_INTRINSIC_GeneratorFunctionPrototype] = gfp;
    if (!en_define_method(cx, en_as_object(*hgp), "next", gen_next, 1) ||
        !en_define_method(cx, en_as_object(*hgp), "return", gen_return, 1) ||
        !en_define_method(cx, en_as_object(*hgp), "throw", gen_throw, 1) ||
        !define_tag(cx, en_as_object(*hgp), "Generator") ||
        !define_tag(cx, en_as_object(*hgfp), "GeneratorFunction"))
        goto done;
    // GeneratorFunction.prototype.prototype / GeneratorPrototype.constructor.
    if (!en_define_value(cx, en_as_object(*hgfp), en_key_atom(en_atom(cx, EN_ATOM_prototype)), *hgp,
                         EN_PROP_CONFIGURABLE) ||
        !en_define_value(cx, en_as_object(*hgp), en_key_atom(en_atom(cx, EN_ATOM_constructor)), *hgfp,
                         EN_PROP_CONFIGURABLE))
        goto done;
    EnString *name = en_atom_from_cstr(cx, "GeneratorFunction");
    if (!name) goto done;
    EnObject *ctor = en_native_new(cx, gen_fn_ctor, name, 1, EN_NATIVE_CTOR, 0);
    if (!ctor) goto done;
    EnValue *hc = en_handle(cx, en_object_value(ctor));
    cx->intrinsics[EN_INTRINSIC_GeneratorFunction] = ctor;
    bool sok;
    if (!en_obj_set_prototype_of(cx, ctor, en_intrinsic(cx, EN_INTRINSIC_Function), &sok)) goto done;
    if (!en_define_value(cx, en_as_object(*hc), en_key_atom(en_atom(cx, EN_ATOM_prototype)), *hgfp, 0) ||
        !en_define_value(cx, en_as_object(*hgfp), en_key_atom(en_atom(cx, EN_ATOM_constructor)), *hc,
                         EN_PROP_CONFIGURABLE))
        goto done;
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}
