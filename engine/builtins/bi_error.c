// Builtin family "error": Error, the NativeErrors, AggregateError and
// SuppressedError (ECMA-262 §20.5, ES2025 + explicit resource management)
// with the `cause` option; instances capture `stack` when constructed.
#include "objmodel_int.h"

#define ARG(i) en_arg(a, i)

// OrdinaryCreateFromConstructor(newTarget or the callee, proto) with
// [[ErrorData]], then `message` and InstallErrorCause.
static EnObject *error_create(EnContext *cx, const EnArgs *a, EnIntrinsic proto_id, EnValue message,
                              EnValue options, bool has_options) {
    EnValue nt = en_is_undefined(a->new_target) ? en_object_value(a->callee) : a->new_target;
    EnObject *proto;
    if (!en_proto_from_ctor(cx, nt, proto_id, &proto)) return NULL;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hm = en_handle(cx, message), *hopt = en_handle(cx, options);
    EnObject *e = en_obj_new(cx, EN_CLASS_ERROR, proto, 4);
    EnValue *he = en_handle(cx, e ? en_object_value(e) : EN_UNDEFINED);
    bool ok = e != NULL;
    if (ok && !en_is_undefined(*hm)) {
        EnString *s = en_to_string(cx, *hm);
        ok = s && en_define_value(cx, en_as_object(*he), en_key_atom(en_atom(cx, EN_ATOM_message)),
                                  en_string_value(s), EN_PROP_HIDDEN);
    }
    if (ok && has_options && en_is_object(*hopt)) {
        bool has;
        EnKey ck = en_key_atom(en_atom(cx, EN_ATOM_cause));
        ok = en_obj_has_property(cx, en_as_object(*hopt), ck, &has);
        if (ok && has) {
            EnValue c = en_get(cx, *hopt, ck);
            ok = !en_is_exception(c) && en_define_value(cx, en_as_object(*he), ck, c, EN_PROP_HIDDEN);
        }
    }
    ok = ok && en_error_capture_stack(cx, en_as_object(*he));
    e = ok ? en_as_object(*he) : NULL;
    en_handle_scope_close(&hs);
    return e;
}

#define ERROR_CTOR_(fn, proto)                                                   \
    static EnValue fn(EnContext *cx, const EnArgs *a) {                          \
        EnObject *e = error_create(cx, a, proto, ARG(0), ARG(1), a->argc > 1);   \
        return e ? en_object_value(e) : EN_EXCEPTION;                            \
    }
ERROR_CTOR_(error_ctor, EN_INTRINSIC_ErrorPrototype)
ERROR_CTOR_(eval_error_ctor, EN_INTRINSIC_EvalErrorPrototype)
ERROR_CTOR_(range_error_ctor, EN_INTRINSIC_RangeErrorPrototype)
ERROR_CTOR_(reference_error_ctor, EN_INTRINSIC_ReferenceErrorPrototype)
ERROR_CTOR_(syntax_error_ctor, EN_INTRINSIC_SyntaxErrorPrototype)
ERROR_CTOR_(type_error_ctor, EN_INTRINSIC_TypeErrorPrototype)
ERROR_CTOR_(uri_error_ctor, EN_INTRINSIC_URIErrorPrototype)
#undef ERROR_CTOR_

static EnValue aggregate_error_ctor(EnContext *cx, const EnArgs *a) {
    EnObject *e = error_create(cx, a, EN_INTRINSIC_AggregateErrorPrototype, ARG(1), ARG(2), a->argc > 2);
    if (!e) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *he = en_handle(cx, en_object_value(e));
    EnValue res = EN_EXCEPTION;
    EnObject *list = en_array_new(cx, 0);
    if (!list) goto done;
    EnValue *hl = en_handle(cx, en_object_value(list));
    EnIteratorRecord it;
    if (!en_get_iterator(cx, ARG(0), false, &it)) goto done;
    en_handle(cx, it.iterator);
    en_handle(cx, it.next_method);
    for (;;) {
        EnValue v;
        bool fin;
        if (!en_iterator_step_value(cx, &it, &v, &fin)) goto done;
        if (fin) break;
        if (!en_array_push(cx, en_as_object(*hl), v)) goto done;
    }
    if (!en_define_value(cx, en_as_object(*he), en_key_atom(en_atom(cx, EN_ATOM_errors)), *hl, EN_PROP_HIDDEN))
        goto done;
    res = *he;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue suppressed_error_ctor(EnContext *cx, const EnArgs *a) {
    EnObject *e = error_create(cx, a, EN_INTRINSIC_SuppressedErrorPrototype, ARG(2), EN_UNDEFINED, false);
    if (!e) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *he = en_handle(cx, en_object_value(e));
    EnKey ek = en_key_from_cstr(cx, "error");
    bool ok = !en_is_exception(ek) && en_define_value(cx, en_as_object(*he), ek, ARG(0), EN_PROP_HIDDEN);
    EnKey sk = ok ? en_key_from_cstr(cx, "suppressed") : EN_EXCEPTION;
    ok = ok && !en_is_exception(sk) && en_define_value(cx, en_as_object(*he), sk, ARG(1), EN_PROP_HIDDEN);
    EnValue r = ok ? *he : EN_EXCEPTION;
    en_handle_scope_close(&hs);
    return r;
}

static EnValue error_proto_to_string(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(a->this_val)) return en_throw_type_error(cx, "Error.prototype.toString called on non-object");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue nv = en_get_atom(cx, a->this_val, EN_ATOM_name);
    if (en_is_exception(nv)) goto done;
    EnString *name = en_is_undefined(nv) ? en_atom_from_cstr(cx, "Error") : en_to_string(cx, nv);
    if (!name) goto done;
    EnValue *hn = en_handle(cx, en_string_value(name));
    EnValue mv = en_get_atom(cx, a->this_val, EN_ATOM_message);
    if (en_is_exception(mv)) goto done;
    EnString *msg = en_is_undefined(mv) ? en_str_empty(cx) : en_to_string(cx, mv);
    if (!msg) goto done;
    msg = en_as_string(*en_handle(cx, en_string_value(msg)));
    name = en_as_string(*hn);
    if (!en_str_length(name)) {
        res = en_string_value(msg);
    } else if (!en_str_length(msg)) {
        res = *hn;
    } else {
        EnStrBuilder sb;
        en_sb_init(&sb, cx);
        en_sb_string(&sb, name);
        en_sb_ascii(&sb, ": ", 2);
        en_sb_string(&sb, msg);
        EnString *s = en_sb_finish(&sb);
        if (s) res = en_string_value(s);
    }
done:
    en_handle_scope_close(&hs);
    return res;
}

// Error.isError (ES2026): has [[ErrorData]].
static EnValue error_is_error(EnContext *cx, const EnArgs *a) {
    (void)cx;
    EnValue v = ARG(0);
    return en_bool(en_is_object(v) && en_obj_class(en_as_object(v)) == EN_CLASS_ERROR);
}

// A prototype object with `name` and `message`, and its constructor.
static bool make_error_class(EnContext *cx, const char *name, EnNativeFn ctor, uint32_t length,
                             EnIntrinsic ctor_id, EnIntrinsic proto_id, bool native) {
    EnObject *parent = native ? en_intrinsic(cx, EN_INTRINSIC_ErrorPrototype)
                              : en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype);
    EnObject *proto = en_obj_new(cx, EN_CLASS_OBJECT, parent, 4);
    if (!proto) return false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, en_object_value(proto));
    EnObject *c = en_define_class(cx, name, ctor, length, proto, ctor_id, proto_id);
    bool ok = c != NULL;
    if (ok && native) {
        bool sok;
        ok = en_obj_set_prototype_of(cx, c, en_intrinsic(cx, EN_INTRINSIC_Error), &sok);
    }
    EnString *nm = ok ? en_atom_from_cstr(cx, name) : NULL;
    ok = nm && en_define_value(cx, en_as_object(*hp), en_key_atom(en_atom(cx, EN_ATOM_name)), en_string_value(nm),
                               EN_PROP_HIDDEN);
    ok = ok && en_define_value(cx, en_as_object(*hp), en_key_atom(en_atom(cx, EN_ATOM_message)),
                               en_string_value(en_str_empty(cx)), EN_PROP_HIDDEN);
    en_handle_scope_close(&hs);
    return ok;
}

bool en_init_error(EnContext *cx) {
    if (!make_error_class(cx, "Error", error_ctor, 1, EN_INTRINSIC_Error, EN_INTRINSIC_ErrorPrototype, false))
        return false;
    if (!en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_ErrorPrototype), "toString", error_proto_to_string, 0) ||
        !en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_Error), "isError", error_is_error, 1))
        return false;
    static const struct {
        const char *name;
        EnNativeFn fn;
        uint32_t length;
        EnIntrinsic ctor, proto;
    } natives[] = {
        {"EvalError", eval_error_ctor, 1, EN_INTRINSIC_EvalError, EN_INTRINSIC_EvalErrorPrototype},
        {"RangeError", range_error_ctor, 1, EN_INTRINSIC_RangeError, EN_INTRINSIC_RangeErrorPrototype},
        {"ReferenceError", reference_error_ctor, 1, EN_INTRINSIC_ReferenceError, EN_INTRINSIC_ReferenceErrorPrototype},
        {"SyntaxError", syntax_error_ctor, 1, EN_INTRINSIC_SyntaxError, EN_INTRINSIC_SyntaxErrorPrototype},
        {"TypeError", type_error_ctor, 1, EN_INTRINSIC_TypeError, EN_INTRINSIC_TypeErrorPrototype},
        {"URIError", uri_error_ctor, 1, EN_INTRINSIC_URIError, EN_INTRINSIC_URIErrorPrototype},
        {"AggregateError", aggregate_error_ctor, 2, EN_INTRINSIC_AggregateError, EN_INTRINSIC_AggregateErrorPrototype},
        {"SuppressedError", suppressed_error_ctor, 3, EN_INTRINSIC_SuppressedError,
         EN_INTRINSIC_SuppressedErrorPrototype},
    };
    for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++)
        if (!make_error_class(cx, natives[i].name, natives[i].fn, natives[i].length, natives[i].ctor,
                              natives[i].proto, true))
            return false;
    return true;
}
