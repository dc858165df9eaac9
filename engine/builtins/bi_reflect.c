// Builtin family "reflect": the Reflect namespace (ECMA-262 §28.1), one
// function per essential internal method.
#include "objmodel_int.h"

#define ARG(i) en_arg(a, i)

static bool target_of(EnContext *cx, const EnArgs *a, EnObject **out) {
    if (!en_is_object(ARG(0))) return en_throw_type_error(cx, "Reflect method called on non-object"), false;
    *out = en_as_object(ARG(0));
    return true;
}

// CreateListFromArrayLike into a private array whose packed storage then
// serves as a rooted argv.
static EnObject *list_from_array_like(EnContext *cx, EnValue v) {
    if (!en_is_object(v)) return en_throw_type_error(cx, "CreateListFromArrayLike called on non-object"), NULL;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v);
    EnObject *res = NULL;
    uint64_t len;
    if (!en_length_of_array_like(cx, v, &len)) goto done;
    if (len > 10000000) {
        en_throw_range_error(cx, "Too many arguments in function call");
        goto done;
    }
    EnObject *arr = en_array_new(cx, (uint32_t)len);
    if (!arr) goto done;
    EnValue *ha = en_handle(cx, en_object_value(arr));
    for (uint32_t i = 0; i < len; i++) {
        EnValue e = en_get_index(cx, *hv, i);
        if (en_is_exception(e) || !en_array_push(cx, en_as_object(*ha), e)) goto done;
    }
    res = en_as_object(*ha);
done:
    en_handle_scope_close(&hs);
    return res;
}

static const EnValue *list_argv(EnObject *list, uint32_t *argc) {
    *argc = ((EnArray *)list)->length;
    return *argc ? list->el.elements->v : NULL;
}

static EnValue reflect_apply(EnContext *cx, const EnArgs *a) {
    if (!en_is_callable(ARG(0))) return en_throw_type_error(cx, "Reflect.apply target is not callable");
    EnObject *list = list_from_array_like(cx, ARG(2));
    if (!list) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, en_object_value(list));
    uint32_t argc;
    const EnValue *argv = list_argv(list, &argc);
    EnValue r = en_call(cx, ARG(0), ARG(1), argc, argv);
    en_handle_scope_close(&hs);
    return r;
}

static EnValue reflect_construct(EnContext *cx, const EnArgs *a) {
    if (!en_is_constructor(ARG(0))) return en_throw_type_error(cx, "Reflect.construct target is not a constructor");
    EnValue nt = a->argc > 2 ? ARG(2) : ARG(0);
    if (!en_is_constructor(nt)) return en_throw_type_error(cx, "Reflect.construct newTarget is not a constructor");
    EnObject *list = list_from_array_like(cx, ARG(1));
    if (!list) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, en_object_value(list));
    uint32_t argc;
    const EnValue *argv = list_argv(list, &argc);
    EnValue r = en_construct(cx, ARG(0), argc, argv, nt);
    en_handle_scope_close(&hs);
    return r;
}

static EnValue reflect_define_property(EnContext *cx, const EnArgs *a) {
    EnObject *t;
    if (!target_of(cx, a, &t)) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnKey k;
    EnPropDesc d;
    bool ok = en_key_from_value(cx, ARG(1), &k);
    if (ok) en_handle(cx, k);
    ok = ok && en_desc_from_object(cx, ARG(2), &d);
    bool dok = false;
    ok = ok && en_obj_define_own_property(cx, t, k, &d, &dok);
    en_handle_scope_close(&hs);
    return ok ? en_bool(dok) : EN_EXCEPTION;
}

static EnValue reflect_delete_property(EnContext *cx, const EnArgs *a) {
    EnObject *t;
    EnKey k;
    bool ok;
    if (!target_of(cx, a, &t) || !en_key_from_value(cx, ARG(1), &k)) return EN_EXCEPTION;
    if (!en_obj_delete(cx, t, k, &ok)) return EN_EXCEPTION;
    return en_bool(ok);
}

static EnValue reflect_get(EnContext *cx, const EnArgs *a) {
    EnObject *t;
    EnKey k;
    if (!target_of(cx, a, &t) || !en_key_from_value(cx, ARG(1), &k)) return EN_EXCEPTION;
    EnValue out;
    if (!en_obj_get(cx, t, k, a->argc > 2 ? ARG(2) : ARG(0), &out)) return EN_EXCEPTION;
    return out;
}

static EnValue reflect_gopd(EnContext *cx, const EnArgs *a) {
    EnObject *t;
    EnKey k;
    if (!target_of(cx, a, &t) || !en_key_from_value(cx, ARG(1), &k)) return EN_EXCEPTION;
    EnPropDesc d;
    bool found;
    if (!en_obj_get_own_property(cx, t, k, &d, &found)) return EN_EXCEPTION;
    return found ? en_desc_to_object(cx, &d) : EN_UNDEFINED;
}

static EnValue reflect_get_prototype_of(EnContext *cx, const EnArgs *a) {
    EnObject *t, *p;
    if (!target_of(cx, a, &t) || !en_obj_get_prototype_of(cx, t, &p)) return EN_EXCEPTION;
    return p ? en_object_value(p) : EN_NULL;
}

static EnValue reflect_has(EnContext *cx, const EnArgs *a) {
    EnObject *t;
    EnKey k;
    bool found;
    if (!target_of(cx, a, &t) || !en_key_from_value(cx, ARG(1), &k)) return EN_EXCEPTION;
    if (!en_obj_has_property(cx, t, k, &found)) return EN_EXCEPTION;
    return en_bool(found);
}

static EnValue reflect_is_extensible(EnContext *cx, const EnArgs *a) {
    EnObject *t;
    bool r;
    if (!target_of(cx, a, &t) || !en_obj_is_extensible(cx, t, &r)) return EN_EXCEPTION;
    return en_bool(r);
}

static EnValue reflect_own_keys(EnContext *cx, const EnArgs *a) {
    EnObject *t;
    if (!target_of(cx, a, &t)) return EN_EXCEPTION;
    EnKey *keys;
    uint32_t n;
    if (!en_obj_own_keys(cx, t, &keys, &n)) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    for (uint32_t i = 0; i < n; i++)
        if (en_is_cell(keys[i])) en_handle(cx, keys[i]);
    EnValue res = EN_EXCEPTION;
    EnObject *arr = en_array_new(cx, n);
    bool ok = arr != NULL;
    EnValue *ha = en_handle(cx, arr ? en_object_value(arr) : EN_UNDEFINED);
    for (uint32_t i = 0; i < n && ok; i++) {
        EnValue kv = en_key_to_value(cx, keys[i]);
        ok = !en_is_exception(kv) && en_array_push(cx, en_as_object(*ha), kv);
    }
    if (ok) res = *ha;
    och_free(keys);
    en_handle_scope_close(&hs);
    return res;
}

static EnValue reflect_prevent_extensions(EnContext *cx, const EnArgs *a) {
    EnObject *t;
    bool ok;
    if (!target_of(cx, a, &t) || !en_obj_prevent_extensions(cx, t, &ok)) return EN_EXCEPTION;
    return en_bool(ok);
}

static EnValue reflect_set(EnContext *cx, const EnArgs *a) {
    EnObject *t;
    EnKey k;
    bool ok;
    if (!target_of(cx, a, &t) || !en_key_from_value(cx, ARG(1), &k)) return EN_EXCEPTION;
    if (!en_obj_set(cx, t, k, ARG(2), a->argc > 3 ? ARG(3) : ARG(0), &ok)) return EN_EXCEPTION;
    return en_bool(ok);
}

static EnValue reflect_set_prototype_of(EnContext *cx, const EnArgs *a) {
    EnObject *t;
    if (!target_of(cx, a, &t)) return EN_EXCEPTION;
    EnValue p = ARG(1);
    if (!en_is_object(p) && !en_is_null(p)) return en_throw_type_error(cx, "Object prototype may only be an Object or null");
    bool ok;
    if (!en_obj_set_prototype_of(cx, t, en_is_null(p) ? NULL : en_as_object(p), &ok)) return EN_EXCEPTION;
    return en_bool(ok);
}

bool en_init_reflect(EnContext *cx) {
    static const struct {
        const char *name;
        EnNativeFn fn;
        uint32_t length;
    } methods[] = {
        {"apply", reflect_apply, 3},
        {"construct", reflect_construct, 2},
        {"defineProperty", reflect_define_property, 3},
        {"deleteProperty", reflect_delete_property, 2},
        {"get", reflect_get, 2},
        {"getOwnPropertyDescriptor", reflect_gopd, 2},
        {"getPrototypeOf", reflect_get_prototype_of, 1},
        {"has", reflect_has, 2},
        {"isExtensible", reflect_is_extensible, 1},
        {"ownKeys", reflect_own_keys, 1},
        {"preventExtensions", reflect_prevent_extensions, 1},
        {"set", reflect_set, 3},
        {"setPrototypeOf", reflect_set_prototype_of, 2},
    };
    EnObject *r = en_obj_new_plain(cx);
    if (!r) return false;
    cx->intrinsics[EN_INTRINSIC_Reflect] = r;
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        if (!en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_Reflect), methods[i].name, methods[i].fn,
                              methods[i].length))
            return false;
    EnString *tag = en_str_from_cstr(cx, "Reflect");
    if (!tag || !en_define_value(cx, en_intrinsic(cx, EN_INTRINSIC_Reflect),
                                 en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)),
                                 en_string_value(tag), EN_PROP_CONFIGURABLE))
        return false;
    EnKey name = en_key_from_cstr(cx, "Reflect");
    return !en_is_exception(name) &&
           en_define_value(cx, cx->global, name, en_object_value(en_intrinsic(cx, EN_INTRINSIC_Reflect)),
                           EN_PROP_HIDDEN);
}
