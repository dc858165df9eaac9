// Async generators (ES2025 27.6): the AsyncGenerator objects' request
// queue and its driver (AsyncGeneratorEnqueue / Resume / CompleteStep /
// DrainQueue / AwaitReturn), %AsyncGeneratorPrototype% (next, return,
// throw), %AsyncGeneratorFunction% and its prototype. The body is a
// generator frame (interp.c) stopping at Yield/YieldDelegate (a value for
// the first request), Await (the driver awaits and resumes it) or its end.
#include "promise_int.h"
#include "vm_int.h"

#define REQ_SIZE 3u  // (kind int32, value, promise)

static bool is_agen(EnValue v) {
    return en_is_object(v) && en_obj_class(en_as_object(v)) == EN_CLASS_ASYNC_GENERATOR;
}
static EnGenerator *agen(EnValue v) { return (EnGenerator *)en_as_object(v); }

static bool queue_empty(EnGenerator *g) {
    return !g->queue || g->qhead * REQ_SIZE >= g->queue->length;
}
static EnValue *queue_first(EnGenerator *g) { return &g->queue->v[g->qhead * REQ_SIZE]; }

static bool queue_push(EnContext *cx, EnValue genv, int kind, EnValue v, EnValue promise) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hg = en_handle(cx, genv), *hv = en_handle(cx, v), *hp = en_handle(cx, promise);
    bool ok = false;
    EnGenerator *g = agen(*hg);
    uint32_t used = g->queue ? g->queue->length : 0;
    if (!g->queue || used + REQ_SIZE > g->queue->hdr.aux) {
        uint32_t head = g->qhead * REQ_SIZE, live = used - head;
        uint32_t cap = live * 2 + REQ_SIZE * 4;
        EnValueArray *q = en_gc_alloc(cx, EN_CELL_VALUE_ARRAY, sizeof(EnValueArray) + cap * sizeof(EnValue));
        if (!q) goto done;
        q->hdr.aux = cap;
        for (uint32_t i = 0; i < cap; i++) q->v[i] = EN_UNDEFINED;
        g = agen(*hg);
        if (live) memcpy(q->v, &g->queue->v[head], live * sizeof(EnValue));
        q->length = live;
        g->queue = q;
        g->qhead = 0;
        used = live;
    }
    g->queue->v[used] = en_int32(kind);
    g->queue->v[used + 1] = *hv;
    g->queue->v[used + 2] = *hp;
    g->queue->length = used + REQ_SIZE;
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}

static void queue_shift(EnGenerator *g) {
    EnValue *e = queue_first(g);
    e[0] = e[1] = e[2] = EN_UNDEFINED;
    g->qhead++;
    if (g->qhead * REQ_SIZE >= g->queue->length) {
        g->qhead = 0;
        g->queue->length = 0;
    }
}

// AsyncGeneratorCompleteStep: settles the first request's promise.
static void complete_step(EnContext *cx, EnValue genv, bool is_throw, EnValue v, bool done) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnGenerator *g = agen(genv);
    EnValue *hp = en_handle(cx, queue_first(g)[2]);
    EnValue *hv = en_handle(cx, v);
    queue_shift(g);
    if (is_throw) {
        en_promise_reject_fn(cx, en_as_object(*hp), *hv);
    } else {
        EnObject *r = en_create_iter_result(cx, *hv, done);
        if (r) en_promise_resolve_fn(cx, en_as_object(*hp), en_object_value(r));
    }
    en_handle_scope_close(&hs);
}

static void drain_queue(EnContext *cx, EnValue genv);

static EnValue await_return_ok(EnContext *cx, const EnArgs *a) {
    EnValue *hg = en_handle(cx, *en_native_slot(a->callee, 0));
    complete_step(cx, *hg, false, en_arg(a, 0), true);
    drain_queue(cx, *hg);
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}
static EnValue await_return_err(EnContext *cx, const EnArgs *a) {
    EnValue *hg = en_handle(cx, *en_native_slot(a->callee, 0));
    complete_step(cx, *hg, true, en_arg(a, 0), true);
    drain_queue(cx, *hg);
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}

// AsyncGeneratorAwaitReturn: the first request is a return completion of
// a generator that is not running its body.
static void await_return(EnContext *cx, EnValue genv) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hg = en_handle(cx, genv);
    EnValue v = queue_first(agen(genv))[1];
    if (!en_vm_await(cx, v, await_return_ok, await_return_err, *hg, EN_UNDEFINED) && !cx->terminating &&
        cx->has_exception) {
        EnValue e = en_exception_take(cx);
        complete_step(cx, *hg, true, e, true);
        drain_queue(cx, *hg);
    }
    en_handle_scope_close(&hs);
}

// AsyncGeneratorDrainQueue (state draining-queue).
static void drain_queue(EnContext *cx, EnValue genv) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hg = en_handle(cx, genv);
    for (;;) {
        EnGenerator *g = agen(*hg);
        if (queue_empty(g)) {
            g->state = EN_GEN_COMPLETED;
            break;
        }
        int kind = en_as_int32(queue_first(g)[0]);
        if (kind == EN_GEN_RETURN) {
            g->state = EN_GEN_DRAINING;
            await_return(cx, *hg);
            break;
        }
        if (kind == EN_GEN_THROW) complete_step(cx, *hg, true, queue_first(g)[1], true);
        else complete_step(cx, *hg, false, EN_UNDEFINED, true);
        if (cx->terminating) break;
    }
    en_handle_scope_close(&hs);
}

static void run_body(EnContext *cx, EnValue genv, int mode, EnValue v, bool unwrapped);

static EnValue await_ok(EnContext *cx, const EnArgs *a) {
    run_body(cx, *en_native_slot(a->callee, 0), EN_GEN_NEXT, en_arg(a, 0), true);
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}
static EnValue await_err(EnContext *cx, const EnArgs *a) {
    run_body(cx, *en_native_slot(a->callee, 0), EN_GEN_THROW, en_arg(a, 0), true);
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}
// AsyncGeneratorUnwrapYieldResumption: a return(v) received at a yield
// awaits v, then resumes with return (or throw when v rejects).
static EnValue unwrap_ok(EnContext *cx, const EnArgs *a) {
    run_body(cx, *en_native_slot(a->callee, 0), EN_GEN_RETURN, en_arg(a, 0), true);
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}

// AsyncGeneratorResume and what follows until the body stops without a
// pending request: yields settle the first request and go on with the
// next one, awaits suspend, the end drains the queue.
static void run_body(EnContext *cx, EnValue genv, int mode, EnValue v, bool unwrapped) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hg = en_handle(cx, genv);
    for (;;) {
        EnGenerator *g = agen(*hg);
        if (mode == EN_GEN_RETURN && !unwrapped) {
            g->state = EN_GEN_AWAITING;
            if (en_vm_await(cx, v, unwrap_ok, await_err, *hg, EN_UNDEFINED)) break;
            if (cx->terminating || !cx->has_exception) break;
            mode = EN_GEN_THROW;
            v = en_exception_take(cx);
        }
        int stop;
        EnValue r = en_vm_generator_step(cx, *hg, mode, v, &stop);
        if (r == EN_EXCEPTION) {
            if (cx->terminating) break;
            EnValue e = en_exception_take(cx);
            agen(*hg)->state = EN_GEN_DRAINING;
            complete_step(cx, *hg, true, e, true);
            drain_queue(cx, *hg);
            break;
        }
        if (stop == EN_GEN_STOP_AWAIT) {
            if (en_vm_await(cx, r, await_ok, await_err, *hg, EN_UNDEFINED)) break;
            if (cx->terminating || !cx->has_exception) break;
            mode = EN_GEN_THROW;
            v = en_exception_take(cx);
            unwrapped = true;
            continue;
        }
        if (stop == EN_GEN_STOP_DONE) {
            agen(*hg)->state = EN_GEN_DRAINING;
            complete_step(cx, *hg, false, r, true);
            drain_queue(cx, *hg);
            break;
        }
        // AsyncGeneratorYield: settle the request; a queued one resumes
        // the body at once.
        complete_step(cx, *hg, false, r, false);
        g = agen(*hg);
        if (cx->terminating || queue_empty(g)) break;
        EnValue *first = queue_first(g);
        mode = en_as_int32(first[0]);
        v = first[1];
        unwrapped = false;
    }
    en_handle_scope_close(&hs);
}

EnValue en_vm_async_generator_start(EnContext *cx, EnValue f, EnValue this_val, uint32_t argc,
                                    const EnValue *argv) {
    return en_vm_generator_create(cx, f, this_val, argc, argv);
}

// The three prototype methods: validate, enqueue, resume when suspended.
static EnValue agen_request(EnContext *cx, const EnArgs *a, int kind) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *p = en_promise_new(cx);
    if (!p) goto done;
    EnValue *hp = en_handle(cx, en_object_value(p));
    EnValue genv = a->this_val, v = en_arg(a, 0);
    if (!is_agen(genv)) {
        en_throw_type_error(cx, "AsyncGenerator method called on incompatible receiver");
        en_promise_reject_fn(cx, en_as_object(*hp), en_exception_take(cx));
        res = *hp;
        goto done;
    }
    EnGenerator *g = agen(genv);
    uint32_t state = g->state;
    if (kind == EN_GEN_THROW && state == EN_GEN_SUSPENDED_START) g->state = state = EN_GEN_COMPLETED;
    if (state == EN_GEN_COMPLETED && kind != EN_GEN_RETURN) {
        if (kind == EN_GEN_THROW) {
            en_promise_reject_fn(cx, en_as_object(*hp), v);
        } else {
            EnObject *r = en_create_iter_result(cx, EN_UNDEFINED, true);
            if (!r) goto done;
            en_promise_resolve_fn(cx, en_as_object(*hp), en_object_value(r));
        }
        res = *hp;
        goto done;
    }
    if (!queue_push(cx, genv, kind, v, *hp)) goto done;
    g = agen(genv);
    if (kind == EN_GEN_RETURN && (state == EN_GEN_SUSPENDED_START || state == EN_GEN_COMPLETED)) {
        g->state = EN_GEN_DRAINING;
        await_return(cx, genv);
    } else if (state == EN_GEN_SUSPENDED_START || state == EN_GEN_SUSPENDED_YIELD) {
        run_body(cx, genv, kind, v, false);
    }
    if (!cx->terminating) res = *hp;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue agen_next(EnContext *cx, const EnArgs *a) { return agen_request(cx, a, EN_GEN_NEXT); }
static EnValue agen_return(EnContext *cx, const EnArgs *a) { return agen_request(cx, a, EN_GEN_RETURN); }
static EnValue agen_throw(EnContext *cx, const EnArgs *a) { return agen_request(cx, a, EN_GEN_THROW); }

bool en_init_async_generator(EnContext *cx);
bool en_init_async_generator(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *aip = en_intrinsic(cx, EN_INTRINSIC_AsyncIteratorPrototype);
    EnObject *gp = en_obj_new(cx, EN_CLASS_OBJECT, aip ? aip : en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!gp) goto done;
    cx->intrinsics[EN_INTRINSIC_AsyncGeneratorPrototype] = gp;
    if (!en_define_method(cx, gp, "next", agen_next, 1) ||
        !en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_AsyncGeneratorPrototype), "return", agen_return, 1) ||
        !en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_AsyncGeneratorPrototype), "throw", agen_throw, 1))
        goto done;
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}
