// Promises (ES2025 §27.2): the internal API the VM (await, async
// functions, dynamic import) and the runtime (unhandled rejections) code
// against, next to the promise object's layout (engine/builtins/bi_promise.c
// implements it). runtime_int.h keeps only the job queue.
#ifndef OCHRE_ENGINE_PROMISE_INT_H
#define OCHRE_ENGINE_PROMISE_INT_H

#include "runtime_int.h"

#define EN_PROMISE_PENDING 0u
#define EN_PROMISE_FULFILLED 1u
#define EN_PROMISE_REJECTED 2u

// Class PROMISE objects.
typedef struct EnPromise {
    EnObject base;
    EnValue result;     // [[PromiseResult]]
    EnValue reactions;  // pending: internal array of reaction records; else undefined
    uint32_t state;     // EN_PROMISE_*
    uint32_t handled;   // [[PromiseIsHandled]]
} EnPromise;

// A new pending promise with %Promise.prototype%. NULL on heap limit.
EnObject *en_promise_new(EnContext *cx);
// The promise's resolve function semantics (thenables adopted through a
// job; resolving with itself rejects with a TypeError). No-op when p is
// already settled. False on heap limit.
bool en_promise_resolve_fn(EnContext *cx, EnObject *p, EnValue resolution);
// RejectPromise(p, reason) when p is pending (no-op otherwise).
bool en_promise_reject_fn(EnContext *cx, EnObject *p, EnValue reason);
// PromiseResolve(%Promise%, v): v itself when it is a promise whose
// constructor is %Promise%, else a new promise resolved with v.
// EN_EXCEPTION on throw.
EnValue en_promise_resolve(EnContext *cx, EnValue v);
// PerformPromiseThen(p, on_fulfilled, on_rejected) without a result
// capability (Await and the VM's internal reactions). Handlers are
// callables (usually native functions with slots) or undefined.
bool en_promise_then_native(EnContext *cx, EnObject *p, EnValue on_fulfilled, EnValue on_rejected);

// HostPromiseRejectionTracker: promises rejected while no handler was
// attached are kept in a per-realm list until a handler is attached (then
// they leave it). The runtime reports what is left after draining jobs.
uint32_t en_promise_unhandled_count(EnContext *cx);
// The promise at position i of the list (0 .. count-1).
EnObject *en_promise_unhandled_at(EnContext *cx, uint32_t i);
// Empties the list (after the runtime reported them).
void en_promise_unhandled_clear(EnContext *cx);

#endif
