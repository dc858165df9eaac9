// Async functions: the body runs as a generator frame that suspends at
// Await instructions; each await reacts to PromiseResolve(value) with
// native reactions carrying (generator, result promise) in their slots,
// which resume the frame (en_vm_generator_step). en_vm_await is shared
// with async generators (builtins/bi_async_generator.c).
#include "promise_int.h"
#include "vm_int.h"

bool en_vm_await(EnContext *cx, EnValue v, EnNativeFn on_ok, EnNativeFn on_err, EnValue gen,
                 EnValue extra) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnValue *hg = en_handle(cx, gen), *hx = en_handle(cx, extra);
    EnValue pr = en_promise_resolve(cx, v);
    if (pr == EN_EXCEPTION) goto done;
    EnValue *hpr = en_handle(cx, pr);
    EnObject *f = en_native_new(cx, on_ok, en_str_empty(cx), 1, EN_NATIVE_NOT_CTOR, 2);
    if (!f) goto done;
    *en_native_slot(f, 0) = *hg;
    *en_native_slot(f, 1) = *hx;
    EnValue *hf = en_handle(cx, en_object_value(f));
    EnObject *rj = en_native_new(cx, on_err, en_str_empty(cx), 1, EN_NATIVE_NOT_CTOR, 2);
    if (!rj) goto done;
    *en_native_slot(rj, 0) = *hg;
    *en_native_slot(rj, 1) = *hx;
    ok = en_promise_then_native(cx, en_as_object(*hpr), *hf, en_object_value(rj));
done:
    en_handle_scope_close(&hs);
    return ok;
}

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

// Runs the body until the next await or its end; settles the promise at
// the end. Errors other than termination go to the promise.
static void async_step(EnContext *cx, EnValue gen, EnValue promise, int mode, EnValue v) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hg = en_handle(cx, gen), *hp = en_handle(cx, promise);
    for (;;) {
        int stop;
        EnValue r = en_vm_generator_step(cx, *hg, mode, v, &stop);
        if (r == EN_EXCEPTION) {
            if (cx->terminating) break;
            EnValue e = en_exception_take(cx);
            en_promise_reject_fn(cx, en_as_object(*hp), e);
            break;
        }
        if (stop != EN_GEN_STOP_AWAIT) {
            en_promise_resolve_fn(cx, en_as_object(*hp), r);
            break;
        }
        if (en_vm_await(cx, r, on_fulfilled, on_rejected, *hg, *hp)) break;
        if (cx->terminating || !cx->has_exception) break;
        mode = EN_GEN_THROW;
        v = en_exception_take(cx);  // resume the body with the error at the await
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
