// Realms: creation of the global object and the intrinsics, tracing, and
// the small embedding accessors.
//
// Bootstrap order (each step only needs what the previous ones made):
//   1. the context is linked into rt->contexts, so collections during the
//      bootstrap trace whatever exists (NULL intrinsics are skipped);
//   2. %Object.prototype% (ordinary, [[Prototype]] null);
//   3. %Function.prototype%: a native function (en_native_new) that returns
//      undefined; en_native_new gives builtins the realm's
//      %Function.prototype% as prototype, which does not exist yet for this
//      one, so its prototype is set to %Object.prototype% afterwards;
//   4. %Array.prototype% (an empty Array exotic object, filled in by the
//      array family) and the global object (class GLOBAL, prototype
//      %Object.prototype%);
//   5. every builtin family in EN_BUILTIN_FAMILIES order (object first: it
//      makes %Object%; function second: %Function%, ...);
//   6. the preallocated out-of-memory error (needs %RangeError.prototype%);
//   7. en_vm_context_init (global lexical environment, template registry).
#include <stdio.h>
#include <stdlib.h>

#include "objmodel_int.h"

static EnValue function_prototype_call(EnContext *cx, const EnArgs *args) {
    (void)cx, (void)args;
    return EN_UNDEFINED;
}

static void context_unlink(EnContext *cx) {
    for (EnContext **p = &cx->rt->contexts; *p; p = &(*p)->next) {
        if (*p == cx) {
            *p = cx->next;
            break;
        }
    }
}

EnContext *en_context_new(EnRuntime *rt) {
    EnContext *cx = och_calloc(1, sizeof *cx);
    cx->rt = rt;
    cx->global_this = EN_UNDEFINED;
    cx->template_registry = EN_UNDEFINED;
    cx->exception = EN_UNDEFINED;
    cx->next = rt->contexts;
    rt->contexts = cx;
    cx->shape_cache = och_calloc(1, sizeof(struct EnShapeCache));

    EnObject *op = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 8);
    if (!op) goto fail;
    cx->intrinsics[EN_INTRINSIC_ObjectPrototype] = op;
    EnObject *fp = en_native_new(cx, function_prototype_call, en_atom(cx, EN_ATOM_empty), 0,
                                 EN_NATIVE_NOT_CTOR, 0);
    if (!fp) goto fail;
    cx->intrinsics[EN_INTRINSIC_FunctionPrototype] = fp;
    if (fp->shape->proto != op) {
        bool ok;
        if (!en_obj_set_prototype_of(cx, fp, cx->intrinsics[EN_INTRINSIC_ObjectPrototype], &ok) || !ok)
            goto fail;
    }
    // %Array.prototype% is an Array exotic object; array literals need it
    // before the array family fills it in.
    EnObject *ap = en_obj_new(cx, EN_CLASS_ARRAY, cx->intrinsics[EN_INTRINSIC_ObjectPrototype], 0);
    if (!ap) goto fail;
    cx->intrinsics[EN_INTRINSIC_ArrayPrototype] = ap;
    EnObject *global = en_obj_new(cx, EN_CLASS_GLOBAL, cx->intrinsics[EN_INTRINSIC_ObjectPrototype], 0);
    if (!global) goto fail;
    cx->global = global;
    cx->global_this = en_object_value(global);

#define EN_INIT_FAMILY_(fam) \
    if (!en_init_##fam(cx)) goto fail;
    EN_BUILTIN_FAMILIES(EN_INIT_FAMILY_)
#undef EN_INIT_FAMILY_

    EnString *msg = en_str_from_cstr(cx, "out of memory");
    if (!msg) goto fail;
    cx->shape_cache->oom_error = en_error_new(cx, EN_INTRINSIC_RangeErrorPrototype, msg);
    if (!cx->shape_cache->oom_error) goto fail;
    if (!en_vm_context_init(cx)) goto fail;
    return cx;
fail:
    // Bootstrap failures are heap-limit exhaustion or bugs; the embedder
    // gets no half-built realm.
    fputs("ochre: cannot create a context (heap limit too small?)\n", stderr);
    abort();
}

void en_context_free(EnContext *cx) {
    if (!cx) return;
    context_unlink(cx);
    en_shape_cache_free(cx);
    och_free(cx);
}

void en_context_trace(EnContext *cx, EnGCTracer *t) {
    en_gc_mark_cell(t, cx->global);
    en_gc_mark_value(t, cx->global_this);
    for (int i = 0; i < EN_INTRINSIC_COUNT; i++) en_gc_mark_cell(t, cx->intrinsics[i]);
    en_gc_mark_value(t, cx->template_registry);
    if (cx->has_exception) en_gc_mark_value(t, cx->exception);
    en_shape_cache_trace(cx, t);
}

EnRuntime *en_context_runtime(const EnContext *cx) { return cx->rt; }

void en_context_set_print(EnContext *cx, EnPrintFn fn, void *ctx) {
    cx->print_fn = fn;
    cx->print_ctx = ctx;
}
