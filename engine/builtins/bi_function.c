// Builtin family "function": the Function constructor and
// Function.prototype (call, apply, bind, toString, @@hasInstance).
#include "vm_int.h"

static EnValue fn_ctor(EnContext *cx, const EnArgs *a) {
    return en_vm_create_dynamic_function_kind(cx, EN_FN_KIND_NORMAL, a->argv, a->argc, a->new_target);
}

static EnValue fn_call(EnContext *cx, const EnArgs *a) {
    if (!en_is_callable(a->this_val))
        return en_throw_type_error(cx, "Function.prototype.call called on a non-function");
    return en_call(cx, a->this_val, en_arg(a, 0), a->argc ? a->argc - 1 : 0,
                   a->argc ? a->argv + 1 : NULL);
}

static EnValue fn_apply(EnContext *cx, const EnArgs *a) {
    if (!en_is_callable(a->this_val))
        return en_throw_type_error(cx, "Function.prototype.apply called on a non-function");
    EnValue list = en_arg(a, 1);
    if (en_is_nullish(list)) return en_call(cx, a->this_val, en_arg(a, 0), 0, NULL);
    if (!en_is_object(list)) return en_throw_type_error(cx, "CreateListFromArrayLike called on non-object");
    uint64_t len;
    if (!en_length_of_array_like(cx, list, &len)) return EN_EXCEPTION;
    EnVM *vm = cx->rt->vm;
    if (len > 100000 || vm->sp + len + 16 > vm->stack_end)
        return en_throw_range_error(cx, "Maximum call stack size exceeded");
    EnValue *args = vm->sp;
    for (uint64_t i = 0; i < len; i++) args[i] = EN_UNDEFINED;
    vm->sp += len;
    EnValue r = EN_EXCEPTION;
    for (uint64_t i = 0; i < len; i++) {
        EnValue v = en_get_index(cx, list, (uint32_t)i);
        if (v == EN_EXCEPTION) goto done;
        args[i] = v;
    }
    r = en_call(cx, a->this_val, en_arg(a, 0), (uint32_t)len, args);
done:
    vm->sp = args;
    return r;
}

static EnValue fn_bind(EnContext *cx, const EnArgs *a) {
    if (!en_is_callable(a->this_val))
        return en_throw_type_error(cx, "Bind must be called on a function");
    EnObject *b = en_vm_bound_function_new(cx, a->this_val, en_arg(a, 0),
                                           a->argc > 1 ? a->argv + 1 : NULL,
                                           a->argc > 1 ? a->argc - 1 : 0);
    return b ? en_object_value(b) : EN_EXCEPTION;
}

static EnValue fn_to_string(EnContext *cx, const EnArgs *a) {
    if (!en_is_callable(a->this_val))
        return en_throw_type_error(cx, "Function.prototype.toString requires that 'this' be a Function");
    OchBuf b = {0};
    if (!en_vm_function_source(cx, en_as_object(a->this_val), &b)) {
        och_buf_puts(&b, "function ");
        EnValue nm = en_get(cx, a->this_val, en_key_atom(en_atom(cx, EN_ATOM_name)));
        if (nm == EN_EXCEPTION) {
            och_buf_free(&b);
            return EN_EXCEPTION;
        }
        if (en_is_string(nm)) en_str_to_utf8(cx, en_as_string(nm), &b);
        och_buf_puts(&b, "() { [native code] }");
    }
    EnString *s = en_str_from_utf8(cx, b.data ? b.data : "", b.len);
    och_buf_free(&b);
    return s ? en_string_value(s) : EN_EXCEPTION;
}

static EnValue fn_has_instance(EnContext *cx, const EnArgs *a) {
    bool out;
    if (!en_ordinary_has_instance(cx, a->this_val, en_arg(a, 0), &out)) return EN_EXCEPTION;
    return en_bool(out);
}

static EnValue throw_type_error_fn(EnContext *cx, const EnArgs *a) {
    (void)a;
    return en_throw_type_error(cx, "'caller', 'callee', and 'arguments' properties may not be "
                                   "accessed on strict mode functions or the arguments objects "
                                   "for calls to them");
}

// %ThrowTypeError% and the restricted "caller"/"arguments" accessors of
// Function.prototype (AddRestrictedFunctionProperties).
static bool add_restricted_properties(EnContext *cx) {
    EnObject *tte = en_intrinsic(cx, EN_INTRINSIC_ThrowTypeError);
    if (!tte) {
        tte = en_native_new(cx, throw_type_error_fn, en_str_empty(cx), 0, EN_NATIVE_NOT_CTOR, 0);
        if (!tte) return false;
        cx->intrinsics[EN_INTRINSIC_ThrowTypeError] = tte;
        bool ok;
        // Its length and name are non-configurable and it is not extensible.
        if (!en_define_value(cx, tte, en_key_atom(en_atom(cx, EN_ATOM_length)), en_int32(0), 0) ||
            !en_define_value(cx, en_intrinsic(cx, EN_INTRINSIC_ThrowTypeError),
                             en_key_atom(en_atom(cx, EN_ATOM_name)),
                             en_string_value(en_str_empty(cx)), 0) ||
            !en_obj_prevent_extensions(cx, en_intrinsic(cx, EN_INTRINSIC_ThrowTypeError), &ok))
            return false;
    }
    EnValue t = en_object_value(en_intrinsic(cx, EN_INTRINSIC_ThrowTypeError));
    EnObject *fp = en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype);
    return en_define_accessor(cx, fp, en_key_atom(en_atom(cx, EN_ATOM_caller)), t, t,
                              EN_PROP_CONFIGURABLE) &&
           en_define_accessor(cx, en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype),
                              en_key_atom(en_atom(cx, EN_ATOM_arguments)), t, t,
                              EN_PROP_CONFIGURABLE);
}

bool en_init_function(EnContext *cx) {
    if (!add_restricted_properties(cx)) return false;
    EnObject *fp = en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype);
    if (!fp) return false;
    EnObject *ctor = en_define_class(cx, "Function", fn_ctor, 1, fp, EN_INTRINSIC_Function,
                                     EN_INTRINSIC_FunctionPrototype);
    if (!ctor) return false;
    fp = en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype);
    if (!en_define_method(cx, fp, "call", fn_call, 1)) return false;
    fp = en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype);
    if (!en_define_method(cx, fp, "apply", fn_apply, 2)) return false;
    fp = en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype);
    if (!en_define_method(cx, fp, "bind", fn_bind, 1)) return false;
    fp = en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype);
    if (!en_define_method(cx, fp, "toString", fn_to_string, 0)) return false;
    fp = en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype);
    EnObject *hi = en_define_method_sym(cx, fp, EN_SYM_hasInstance, "[Symbol.hasInstance]",
                                        fn_has_instance, 1);
    if (!hi) return false;
    // @@hasInstance is { writable: false, enumerable: false, configurable: false }.
    return en_define_value(cx, en_intrinsic(cx, EN_INTRINSIC_FunctionPrototype),
                           en_symbol_value(en_well_known_symbol(cx, EN_SYM_hasInstance)),
                           en_object_value(hi), 0);
}
