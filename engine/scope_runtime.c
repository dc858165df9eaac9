// Runtime functions (CallRuntime, interp_runtime_int.h) of the code the
// compiler emits for modules, direct eval, `with` and mapped arguments
// (compiler_scope.c).
#include "interp_runtime_int.h"
#include "module_int.h"
#include "scope_int.h"

// The script or module of the running code: direct eval code belongs to
// its caller's (GetActiveScriptOrModule).
static EnSource *active_source(EnFrame *fr) {
    EnSource *src = fr->tmpl->src;
    for (const EnEvalInfo *e; (e = en_eval_info_of(src)) && e->caller;) src = e->caller;
    return src;
}

// Module top level entry: `this` is undefined whatever the caller passed.
EnValue en_rt_module_enter(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args,
                           uint32_t argc) {
    (void)cx, (void)args, (void)argc;
    fr->this_val = EN_UNDEFINED;
    return acc;
}

// acc = import binding number acc (an int32) of the running module.
EnValue en_rt_import_get(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc) {
    (void)args, (void)argc;
    return en_module_import_get(cx, active_source(fr), (uint32_t)en_as_int32(acc));
}

// acc = import.meta of the running module.
EnValue en_rt_import_meta(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc) {
    (void)acc, (void)args, (void)argc;
    return en_module_import_meta(cx, active_source(fr));
}

// acc = import(R[base], R[base+1]) from the running code's source.
EnValue en_rt_dynamic_import(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args,
                             uint32_t argc) {
    (void)acc;
    return en_module_dynamic_import(cx, active_source(fr), args[0], argc > 1 ? args[1] : EN_UNDEFINED);
}

// ---------------------------------------------------------------------------
// `with` environments and dynamic references (scope_int.h).

// acc = the value of `with (expr)`: pushes its object environment.
EnValue en_rt_push_with(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc) {
    (void)args, (void)argc;
    EnObject *o = en_to_object(cx, acc);
    if (!o) return EN_EXCEPTION;
    fr->acc = en_object_value(o);  // a root while the environment is allocated
    EnEnv *e = en_env_new(cx, fr->env, 1);
    if (!e) return EN_EXCEPTION;
    e->hdr.flags |= EN_ENV_WITH;
    e->slots[0] = fr->acc;
    fr->env = e;
    return acc;
}

// The environment just pushed is a function var environment that sloppy
// direct eval code may add vars to (its last slot).
EnValue en_rt_mark_eval_vars(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args,
                             uint32_t argc) {
    (void)cx, (void)args, (void)argc;
    fr->env->hdr.flags |= EN_ENV_VARS;
    return acc;
}

// The first dynamic environment below `limit` hops whose object has name
// (`with`: HasProperty and not blocked by @@unscopables; eval vars: own
// property): *out (NULL when none), *is_with. False on a thrown error.
static bool dyn_find(EnContext *cx, EnFrame *fr, EnKey name, uint32_t limit, EnObject **out,
                     bool *is_with) {
    *out = NULL;
    *is_with = false;
    EnEnv *e = fr->env;
    for (uint32_t h = 0; e && h < limit; h++, e = e->parent) {
        if (!(e->hdr.flags & (EN_ENV_WITH | EN_ENV_VARS))) continue;
        bool found = false;
        if (e->hdr.flags & EN_ENV_WITH) {
            EnObject *o = en_as_object(e->slots[0]);
            if (!en_obj_has_property(cx, o, name, &found)) return false;
            if (!found) continue;
            EnKey k = en_symbol_value(en_well_known_symbol(cx, EN_SYM_unscopables));
            EnValue u = en_get(cx, en_object_value(o), k);
            if (u == EN_EXCEPTION) return false;
            if (en_is_object(u)) {
                EnValue blocked = en_get(cx, u, name);
                if (blocked == EN_EXCEPTION) return false;
                if (en_to_boolean(blocked)) continue;
            }
            *out = o;
            *is_with = true;
            return true;
        }
        EnValue vars = e->slots[e->hdr.aux - 1];
        if (!en_is_object(vars)) continue;
        if (!en_has_own_property(cx, en_as_object(vars), name, &found)) return false;
        if (found) {
            *out = en_as_object(vars);
            return true;
        }
    }
    return true;
}

static EnValue throw_not_defined(EnContext *cx, EnKey name) {
    EnValue nm = en_key_to_value(cx, name);
    OchBuf b = {0};
    if (en_is_string(nm)) en_str_to_utf8(cx, en_as_string(nm), &b);
    en_throw_reference_error(cx, "%s is not defined", b.data ? b.data : "");
    och_buf_free(&b);
    return EN_EXCEPTION;
}

// R[base] name, R[base+1] limit. Found: acc = true, R[base+2] = value,
// R[base+1] = the this of a call through it (the `with` object or
// undefined); else acc = false.
EnValue en_rt_dyn_get(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc) {
    (void)acc, (void)argc;
    EnObject *o;
    bool is_with;
    if (!dyn_find(cx, fr, args[0], (uint32_t)en_as_int32(args[1]), &o, &is_with))
        return EN_EXCEPTION;
    if (!o) return EN_FALSE;
    args[1] = en_object_value(o);  // keeps o rooted across the getter
    if (is_with) {
        // GetBindingValue of an object environment checks HasProperty again.
        bool still = false;
        if (!en_obj_has_property(cx, o, args[0], &still)) return EN_EXCEPTION;
        if (!still) {
            if (fr->tmpl->flags & EN_TF_STRICT) return throw_not_defined(cx, args[0]);
            args[2] = EN_UNDEFINED;
            return EN_TRUE;
        }
    }
    EnValue v = en_get(cx, args[1], args[0]);
    if (v == EN_EXCEPTION) return EN_EXCEPTION;
    args[2] = v;
    if (!is_with) args[1] = EN_UNDEFINED;
    return EN_TRUE;
}

// R[base] name, R[base+1] limit, R[base+2] value: stores it into the
// dynamic binding when there is one (acc = true), else acc = false.
EnValue en_rt_dyn_set(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc) {
    (void)acc, (void)argc;
    EnObject *o;
    bool is_with;
    if (!dyn_find(cx, fr, args[0], (uint32_t)en_as_int32(args[1]), &o, &is_with))
        return EN_EXCEPTION;
    if (!o) return EN_FALSE;
    bool strict = (fr->tmpl->flags & EN_TF_STRICT) != 0;
    args[1] = en_object_value(o);
    if (is_with && strict) {
        // SetMutableBinding of an object environment: the property must
        // still exist in strict code.
        bool still = false;
        if (!en_obj_has_property(cx, o, args[0], &still)) return EN_EXCEPTION;
        if (!still) return throw_not_defined(cx, args[0]);
    }
    if (!en_set(cx, args[1], args[0], args[2], strict)) return EN_EXCEPTION;
    return EN_TRUE;
}

// R[base] name, R[base+1] limit: `delete name` (sloppy). A dynamic
// binding's property is deleted; else a global property (limit
// EN_DYN_ALL) unless a global lexical declaration has the name; else
// false (declared bindings cannot be deleted).
EnValue en_rt_dyn_delete(EnContext *cx, EnFrame *fr, EnValue acc, EnValue *args, uint32_t argc) {
    (void)acc, (void)argc;
    EnObject *o;
    bool is_with, ok = false;
    uint32_t limit = (uint32_t)en_as_int32(args[1]);
    if (!dyn_find(cx, fr, args[0], limit, &o, &is_with)) return EN_EXCEPTION;
    if (!o) {
        if (limit != EN_DYN_ALL) return EN_FALSE;
        bool lex = false;
        if (!en_has_own_property(cx, en_vm_global_lexicals(cx), args[0], &lex)) return EN_EXCEPTION;
        if (lex) return EN_FALSE;
        o = cx->global;
    }
    if (!en_obj_delete(cx, o, args[0], &ok)) return EN_EXCEPTION;
    return en_bool(ok);
}
