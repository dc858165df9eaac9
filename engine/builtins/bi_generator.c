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
    return en_vm_create_dynamic_function_kind(cx, EN_FN_KIND_GENERATOR, a->argv, a->argc, a->new_target);
}
static EnValue async_gen_fn_ctor(EnContext *cx, const EnArgs *a) {
    return en_vm_create_dynamic_function_kind(cx, EN_FN_KIND_ASYNC_GENERATOR, a->argv, a->argc,
                                              a->new_target);
}
static EnValue async_fn_ctor(EnContext *cx, const EnArgs *a) {
    return en_vm_create_dynamic_function_kind(cx, EN_FN_KIND_ASYNC, a->argv, a->argc, a->new_target);
}

static bool define_tag(EnContext *cx, EnObject *o, const char *tag) {
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnString *s = en_str_from_cstr(cx, tag);
    if (!s) return false;
    return en_define_value(cx, en_as_object(*ho),
                           en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)),
                           en_string_value(s), EN_PROP_CONFIGURABLE);
}

// One function kind (ES2025 27.3-27.7): the constructor `name` (not a
// global; [[Prototype]] %Function%), its prototype object (tagged `name`,
// [[Prototype]] %Function.prototype%) and, for generator kinds, the link
// to the prototype of the generator objects (inst_id).
static bool init_kind(EnContext *cx, const char *name, EnNativeFn ctor_fn, EnIntrinsic ctor_id,
                      EnIntrinsic fproto_id, int inst_id) {
    EnObject *fp = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype), 4);
    if (!fp) return false;
    cx->intrinsics[fproto_id] = fp;
    if (!define_tag(cx, fp, name)) return false;
    if (inst_id >= 0) {
        EnValue ip = en_object_value(en_intrinsic(cx, (EnIntrinsic)inst_id));
        // F.prototype.prototype / GeneratorPrototype.constructor.
        if (!en_define_value(cx, en_intrinsic(cx, fproto_id), en_key_atom(en_atom(cx, EN_ATOM_prototype)), ip,
                             EN_PROP_CONFIGURABLE) ||
            !en_define_value(cx, en_intrinsic(cx, (EnIntrinsic)inst_id),
                             en_key_atom(en_atom(cx, EN_ATOM_constructor)),
                             en_object_value(en_intrinsic(cx, fproto_id)), EN_PROP_CONFIGURABLE))
            return false;
    }
    EnString *nm = en_atom_from_cstr(cx, name);
    if (!nm) return false;
    EnObject *ctor = en_native_new(cx, ctor_fn, nm, 1, EN_NATIVE_CTOR, 0);
    if (!ctor) return false;
    cx->intrinsics[ctor_id] = ctor;
    bool sok;
    if (!en_obj_set_prototype_of(cx, ctor, en_intrinsic(cx, EN_INTRINSIC_Function), &sok)) return false;
    return en_define_value(cx, en_intrinsic(cx, ctor_id), en_key_atom(en_atom(cx, EN_ATOM_prototype)),
                           en_object_value(en_intrinsic(cx, fproto_id)), 0) &&
           en_define_value(cx, en_intrinsic(cx, fproto_id), en_key_atom(en_atom(cx, EN_ATOM_constructor)),
                           en_object_value(en_intrinsic(cx, ctor_id)), EN_PROP_CONFIGURABLE);
}

bool en_init_async_generator(EnContext *cx);  // bi_async_generator.c
bool en_init_async_from_sync(EnContext *cx);  // bi_async_from_sync.c

bool en_init_generator(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *ip = en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype);
    EnObject *gp = en_obj_new(cx, EN_CLASS_OBJECT, ip ? ip : en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!gp) goto done;
    cx->intrinsics[EN_INTRINSIC_GeneratorPrototype] = gp;
    if (!en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_GeneratorPrototype), "next", gen_next, 1) ||
        !en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_GeneratorPrototype), "return", gen_return, 1) ||
        !en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_GeneratorPrototype), "throw", gen_throw, 1) ||
        !define_tag(cx, en_intrinsic(cx, EN_INTRINSIC_GeneratorPrototype), "Generator"))
        goto done;
    if (!init_kind(cx, "GeneratorFunction", gen_fn_ctor, EN_INTRINSIC_GeneratorFunction,
                   EN_INTRINSIC_GeneratorFunctionPrototype, EN_INTRINSIC_GeneratorPrototype))
        goto done;
    if (!en_init_async_generator(cx) ||
        !define_tag(cx, en_intrinsic(cx, EN_INTRINSIC_AsyncGeneratorPrototype), "AsyncGenerator") ||
        !init_kind(cx, "AsyncGeneratorFunction", async_gen_fn_ctor, EN_INTRINSIC_AsyncGeneratorFunction,
                   EN_INTRINSIC_AsyncGeneratorFunctionPrototype, EN_INTRINSIC_AsyncGeneratorPrototype) ||
        !init_kind(cx, "AsyncFunction", async_fn_ctor, EN_INTRINSIC_AsyncFunction,
                   EN_INTRINSIC_AsyncFunctionPrototype, -1) ||
        !en_init_async_from_sync(cx))
        goto done;
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}
