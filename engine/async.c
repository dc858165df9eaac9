// Async functions: the body runs as a generator frame (await compiles to
// the Yield instruction); each await resolves the awaited value with
// PromiseResolve and resumes the frame from native promise reactions
// carrying (generator, result promise) in their slots.
#include "promise_int.h"
#include "vm_int.h"

static void async_step(EnContext *cx, EnValue gen, EnValue promise, int mode, EnValue v);

static EnValue on_fulfilled(EnContext *cx, const EnArgs *a) {
    async_step(cx, *en_native_slot(a->callee, 0), *en_native_slot(a->callee, 1), EN_GEN_NEXT,
               en_arg(a, 0));
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}

static EnValue on_rejected(EnContext *cx, const EnArgs *a) {
    async_step(cx, *en_native_slot(a->callee, 0), *en_native_slot(a->callee, 1), EN_GEN_THROW,
               en_arg(a, 0));
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}

static EnObject *reaction(EnContext *cx, EnNativeFn fn, EnValue gen, EnValue promise) {
    EnValue *hg = en_handle(cx, gen), *hp = en_handle(cx, promise);
    EnObject *f = en_native_new(cx, fn, en_str_empty(cx), 1, EN_NATIVE_NOT_CTOR, 2);
    if (!f) return NULL;
    *en_native_slot(f, 0) = *hg;
    *en_native_slot(f, 1) = *hp;
    return f;
}

// Runs the body until the next await or its end; settles the promise at
// the end. Errors other than termination go to the promise.
static void async_step(EnContext *cx, EnValue gen, EnValue promise, int mode, EnValue v) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hg = en_handle(cx, gen), *hp = en_handle(cx, promise);
    for (;;) {
        bool done;
        EnValue r = en_vm_generator_resume_raw(cx, *hg, mode, v, &done);
        if (r == EN_EXCEPTION) {
            if (cx->terminating) break;
            EnValue e = en_exception_take(cx);
            en_promise_reject_fn(cx, en_as_object(*hp), e);
            break;
        }
        if (done) {
            en_promise_resolve_fn(cx, en_as_object(*hp), r);
            break;
        }
        EnValue pr = en_promise_resolve(cx, r);
        if (pr == EN_EXCEPTION) {
            if (cx->terminating) break;
            mode = EN_GEN_THROW;
            v = en_exception_take(cx);
            continue;  // resume the body with the error at the await
        }
        EnValue *hpr = en_handle(cx, pr);
        EnObject *f = reaction(cx, on_fulfilled, *hg, *hp);
        if (!f) break;
        EnValue *hf = en_handle(cx, en_object_value(f));
        EnObject *rj = reaction(cx, on_rejected, *hg, *hp);
        if (!rj) break;
        en_promise_then_native(cx, en_as_object(*hpr), *hf, en_object_value(rj));
        break;
    }
    en_handle_scope_close(&hs);
}

EnValue en_vm_async_start(EnContext *cx, EnValue f, EnValue this_val, uint32_t argc,
                          const EnValue *argv) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hf = en_handle(cx, f);
    EnValue *ht = en_handle(cx, this_val);
    EnObject *p = en_promise_new(cx);
    if (!p) goto done;
    EnValue *hp = en_handle(cx, en_object_value(p));
    EnValue gen = en_vm_generator_create(cx, *hf, *ht, argc, argv);
    if (gen == EN_EXCEPTION) {
        if (cx->terminating) goto done;
        en_promise_reject_fn(cx, en_as_object(*hp), en_exception_take(cx));
        res = *hp;
        goto done;
    }
    async_step(cx, gen, *hp, EN_GEN_NEXT, EN_UNDEFINED);
    if (!cx->terminating) res = *hp;
done:
    en_handle_scope_close(&hs);
    return res;
}
