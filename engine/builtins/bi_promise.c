// Builtin family "promise": the Promise constructor, its statics, the
// prototype (ES2025 §27.2) and the internal API of promise_int.h.
//
// Representation: class PROMISE objects (EnPromise). Pending reactions are
// internal arrays [capPromise, capResolve, capReject, onFulfilled,
// onRejected] in an internal list array. The spec's abstract closures
// (resolving functions, element functions, finally thunks, executors) are
// native functions whose state lives in their slots. The %Promise%
// constructor is a native with CTOR_SLOTS slots holding the realm's job
// functions and the unhandled-rejection list (rooted by the intrinsics).
#include "../promise_int.h"
#include "bi_array_int.h"

#define ARG(i) en_arg(a, i)

enum { CTOR_SLOT_REACTION_JOB, CTOR_SLOT_THENABLE_JOB, CTOR_SLOT_UNHANDLED, CTOR_SLOTS };
enum { R_CAP_PROMISE, R_CAP_RESOLVE, R_CAP_REJECT, R_ON_FULFILLED, R_ON_REJECTED, R_SIZE };

static void promise_trace(EnGCTracer *t, EnObject *o) {
    EnPromise *p = (EnPromise *)o;
    en_gc_mark_value(t, p->result);
    en_gc_mark_value(t, p->reactions);
}
static const EnClass promise_class = {"Promise", sizeof(EnPromise), NULL, promise_trace, NULL};

static inline bool is_promise(EnValue v) {
    return en_is_object(v) && en_obj_class(en_as_object(v)) == EN_CLASS_PROMISE;
}
static inline EnPromise *as_promise(EnValue v) { return (EnPromise *)en_as_object(v); }
static EnValue *ctor_slot(EnContext *cx, uint32_t i) {
    return en_native_slot(en_intrinsic(cx, EN_INTRINSIC_Promise), i);
}

static EnObject *native(EnContext *cx, EnNativeFn fn, uint32_t length, uint32_t nslots) {
    return en_native_new(cx, fn, en_atom(cx, EN_ATOM_empty), length, EN_NATIVE_NOT_CTOR, nslots);
}

// ---------------------------------------------------------------------------
// Unhandled-rejection list (HostPromiseRejectionTracker).

static void track(EnContext *cx, EnValue p, bool handled) {
    EnValue *list = ctor_slot(cx, CTOR_SLOT_UNHANDLED);
    if (!en_is_object(*list)) return;
    EnObject *arr = en_as_object(*list);
    EnValueArray *e = arr->el.elements;
    uint32_t n = ((EnArray *)arr)->length;
    if (handled) {
        for (uint32_t i = 0; i < n; i++) {
            if (e->v[i] != p) continue;
            e->v[i] = e->v[n - 1];
            e->v[n - 1] = EN_HOLE;
            e->length--;
            ((EnArray *)arr)->length--;
            return;
        }
        return;
    }
    en_array_push(cx, arr, p);  // heap limit: the rejection goes unreported
}

uint32_t en_promise_unhandled_count(EnContext *cx) {
    EnValue *list = ctor_slot(cx, CTOR_SLOT_UNHANDLED);
    return en_is_object(*list) ? ((EnArray *)en_as_object(*list))->length : 0;
}

EnObject *en_promise_unhandled_at(EnContext *cx, uint32_t i) {
    EnValue *list = ctor_slot(cx, CTOR_SLOT_UNHANDLED);
    return en_as_object(en_as_object(*list)->el.elements->v[i]);
}

void en_promise_unhandled_clear(EnContext *cx) {
    EnValue *list = ctor_slot(cx, CTOR_SLOT_UNHANDLED);
    if (!en_is_object(*list)) return;
    EnObject *arr = en_as_object(*list);
    EnValueArray *e = arr->el.elements;
    if (e) {
        for (uint32_t i = 0; i < e->length; i++) e->v[i] = EN_HOLE;
        e->length = 0;
    }
    ((EnArray *)arr)->length = 0;
}

// ---------------------------------------------------------------------------
// Settling.

static bool enqueue_reaction(EnContext *cx, EnValue reaction, bool rejected, EnValue argument) {
    EnValue args[3] = {reaction, en_bool(rejected), argument};
    return en_enqueue_job(cx, *ctor_slot(cx, CTOR_SLOT_REACTION_JOB), 3, args);
}

static bool settle(EnContext *cx, EnValue pv, uint32_t state, EnValue value) {
    EnPromise *p = as_promise(pv);
    if (p->state != EN_PROMISE_PENDING) return true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hr = en_handle(cx, p->reactions), *hv = en_handle(cx, value), *hp = en_handle(cx, pv);
    en_store(cx, p, &p->result, value);
    p->reactions = EN_UNDEFINED;
    p->state = state;
    if (state == EN_PROMISE_REJECTED && !p->handled) track(cx, *hp, false);
    bool ok = true;
    if (!en_is_object(*hr)) goto done;
    uint32_t n = ((EnArray *)en_as_object(*hr))->length;
    for (uint32_t i = 0; i < n && ok; i++)
        ok = enqueue_reaction(cx, en_as_object(*hr)->el.elements->v[i], state == EN_PROMISE_REJECTED, *hv);
done:
    en_handle_scope_close(&hs);
    return ok;
}

bool en_promise_reject_fn(EnContext *cx, EnObject *p, EnValue reason) {
    return settle(cx, en_object_value(p), EN_PROMISE_REJECTED, reason);
}

// The resolve steps of §27.2.1.3.2 once alreadyResolved was checked.
bool en_promise_resolve_fn(EnContext *cx, EnObject *p, EnValue resolution) {
    EnValue pv = en_object_value(p);
    if (as_promise(pv)->state != EN_PROMISE_PENDING) return true;
    if (resolution == pv) {
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *hp = en_handle(cx, pv);
        EnObject *err = en_error_new(cx, EN_INTRINSIC_TypeErrorPrototype,
                                     en_str_from_cstr(cx, "Chaining cycle detected for promise #<Promise>"));
        bool ok = err && settle(cx, *hp, EN_PROMISE_REJECTED, en_object_value(err));
        en_handle_scope_close(&hs);
        return ok;
    }
    if (!en_is_object(resolution)) return settle(cx, pv, EN_PROMISE_FULFILLED, resolution);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, pv), *hr = en_handle(cx, resolution);
    bool ok;
    EnValue then = en_get_atom(cx, *hr, EN_ATOM_then);
    if (en_is_exception(then)) {
        if (cx->terminating) { ok = false; goto done; }
        EnValue exc = en_exception_take(cx);
        ok = settle(cx, *hp, EN_PROMISE_REJECTED, exc);
    } else if (!en_is_callable(then)) {
        ok = settle(cx, *hp, EN_PROMISE_FULFILLED, *hr);
    } else {
        EnValue args[3] = {*hp, *hr, then};
        ok = en_enqueue_job(cx, *ctor_slot(cx, CTOR_SLOT_THENABLE_JOB), 3, args);
    }
done:
    en_handle_scope_close(&hs);
    return ok;
}

// Resolving functions: slot 0 the promise (undefined once used), slot 1 the
// sibling function (its slot 0 is cleared too: the shared alreadyResolved).
static EnValue resolving_fn(EnContext *cx, const EnArgs *a, bool reject) {
    EnValue *self = en_native_slot(a->callee, 0);
    EnValue pv = *self;
    if (en_is_undefined(pv)) return EN_UNDEFINED;
    *self = EN_UNDEFINED;
    EnValue sib = *en_native_slot(a->callee, 1);
    if (en_is_object(sib)) *en_native_slot(en_as_object(sib), 0) = EN_UNDEFINED;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, pv);
    bool ok = reject ? en_promise_reject_fn(cx, en_as_object(*hp), ARG(0))
                     : en_promise_resolve_fn(cx, en_as_object(*hp), ARG(0));
    en_handle_scope_close(&hs);
    return ok ? EN_UNDEFINED : EN_EXCEPTION;
}
static EnValue resolve_fn(EnContext *cx, const EnArgs *a) { return resolving_fn(cx, a, false); }
static EnValue reject_fn(EnContext *cx, const EnArgs *a) { return resolving_fn(cx, a, true); }

// CreateResolvingFunctions: out[0] resolve, out[1] reject (rooted slots).
static bool create_resolving(EnContext *cx, EnValue p, EnValue *out) {
    EnObject *r = native(cx, resolve_fn, 1, 2);
    if (!r) return false;
    out[0] = en_object_value(r);
    *en_native_slot(r, 0) = p;
    EnObject *j = native(cx, reject_fn, 1, 2);
    if (!j) return false;
    out[1] = en_object_value(j);
    *en_native_slot(j, 0) = p;
    *en_native_slot(j, 1) = out[0];
    *en_native_slot(en_as_object(out[0]), 1) = out[1];
    return true;
}

// ---------------------------------------------------------------------------
// Jobs.

// (reaction, rejected, argument)
static EnValue reaction_job(EnContext *cx, const EnArgs *a) {
    EnObject *rec = en_as_object(ARG(0));
    bool rejected = en_as_bool(ARG(1));
    EnValueArray *r = rec->el.elements;
    EnValue handler = r->v[rejected ? R_ON_REJECTED : R_ON_FULFILLED];
    EnValue result;
    bool abrupt = false;
    if (en_is_undefined(handler)) {
        result = ARG(2);
        abrupt = rejected;
    } else {
        result = en_call(cx, handler, EN_UNDEFINED, 1, &a->argv[2]);
        if (en_is_exception(result)) {
            if (cx->terminating) return EN_EXCEPTION;
            result = en_exception_take(cx);
            abrupt = true;
        }
    }
    r = rec->el.elements;
    if (en_is_undefined(r->v[R_CAP_PROMISE])) {
        if (abrupt && en_is_undefined(handler)) return EN_UNDEFINED;
        return abrupt ? en_throw(cx, result) : EN_UNDEFINED;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, result);
    EnValue fn = r->v[abrupt ? R_CAP_REJECT : R_CAP_RESOLVE];
    EnValue res = en_call(cx, fn, EN_UNDEFINED, 1, hv);
    en_handle_scope_close(&hs);
    return res;
}

// (promise, thenable, then)
static EnValue thenable_job(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *fns = en_arr_handles(cx, 2);
    EnValue res = EN_EXCEPTION;
    if (!create_resolving(cx, ARG(0), fns)) goto done;
    EnValue r = en_call(cx, ARG(2), ARG(1), 2, fns);
    if (en_is_exception(r)) {
        if (cx->terminating) goto done;
        EnValue *exc = en_handle(cx, en_exception_take(cx));
        res = en_call(cx, fns[1], EN_UNDEFINED, 1, exc);
        goto done;
    }
    res = EN_UNDEFINED;
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Capabilities and then.

EnObject *en_promise_new(EnContext *cx) {
    EnObject *p = en_obj_new(cx, EN_CLASS_PROMISE, en_intrinsic(cx, EN_INTRINSIC_PromisePrototype), 0);
    if (p) {
        EnPromise *pp = (EnPromise *)p;
        pp->result = pp->reactions = EN_UNDEFINED;
        pp->state = EN_PROMISE_PENDING;
        pp->handled = 0;
    }
    return p;
}

static EnValue cap_executor(EnContext *cx, const EnArgs *a) {
    EnValue *res = en_native_slot(a->callee, 0), *rej = en_native_slot(a->callee, 1);
    if (!en_is_undefined(*res) || !en_is_undefined(*rej))
        return en_throw_type_error(cx, "Promise executor has already been invoked with non-undefined arguments");
    *res = ARG(0);
    *rej = ARG(1);
    return EN_UNDEFINED;
}

// NewPromiseCapability(C): cap[0] promise, cap[1] resolve, cap[2] reject
// (3 rooted slots).
static bool new_capability(EnContext *cx, EnValue c, EnValue *cap) {
    if (c == en_object_value(en_intrinsic(cx, EN_INTRINSIC_Promise))) {
        EnObject *p = en_promise_new(cx);
        if (!p) return false;
        cap[0] = en_object_value(p);
        return create_resolving(cx, cap[0], cap + 1);
    }
    if (!en_is_constructor(c)) return en_throw_type_error(cx, "Promise capability target is not a constructor"), false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *ex = native(cx, cap_executor, 2, 2);
    if (!ex) goto done;
    EnValue *hx = en_handle(cx, en_object_value(ex));
    *en_native_slot(ex, 0) = *en_native_slot(ex, 1) = EN_UNDEFINED;
    EnValue p = en_construct(cx, c, 1, hx, c);
    if (en_is_exception(p)) goto done;
    cap[0] = p;
    cap[1] = *en_native_slot(en_as_object(*hx), 0);
    cap[2] = *en_native_slot(en_as_object(*hx), 1);
    if (!en_is_callable(cap[1]) || !en_is_callable(cap[2])) {
        en_throw_type_error(cx, "Promise resolve or reject function is not callable");
        goto done;
    }
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}

// PerformPromiseThen; cap may be NULL (no result capability).
static bool perform_then(EnContext *cx, EnValue pv, EnValue on_f, EnValue on_r, const EnValue *cap) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, pv);
    EnValue vals[R_SIZE] = {cap ? cap[0] : EN_UNDEFINED, cap ? cap[1] : EN_UNDEFINED, cap ? cap[2] : EN_UNDEFINED,
                            en_is_callable(on_f) ? on_f : EN_UNDEFINED, en_is_callable(on_r) ? on_r : EN_UNDEFINED};
    EnValue *hv = en_arr_handles(cx, R_SIZE);
    memcpy(hv, vals, sizeof vals);
    bool ok = false;
    EnObject *rec = en_array_from_values(cx, hv, R_SIZE);
    if (!rec) goto done;
    EnValue *hrec = en_handle(cx, en_object_value(rec));
    EnPromise *p = as_promise(*hp);
    if (p->state == EN_PROMISE_PENDING) {
        if (!en_is_object(p->reactions)) {
            EnObject *list = en_array_new(cx, 2);
            if (!list) goto done;
            p = as_promise(*hp);
            en_store(cx, p, &p->reactions, en_object_value(list));
        }
        ok = en_array_push(cx, en_as_object(p->reactions), *hrec);
    } else {
        if (p->state == EN_PROMISE_REJECTED && !p->handled) track(cx, *hp, true);
        ok = enqueue_reaction(cx, *hrec, p->state == EN_PROMISE_REJECTED, p->result);
    }
    as_promise(*hp)->handled = 1;
done:
    en_handle_scope_close(&hs);
    return ok;
}

bool en_promise_then_native(EnContext *cx, EnObject *p, EnValue on_fulfilled, EnValue on_rejected) {
    return perform_then(cx, en_object_value(p), on_fulfilled, on_rejected, NULL);
}

// PromiseResolve(C, x).
static EnValue promise_resolve_c(EnContext *cx, EnValue c, EnValue x) {
    if (is_promise(x)) {
        EnValue xc = en_get_atom(cx, x, EN_ATOM_constructor);
        if (en_is_exception(xc)) return xc;
        if (xc == c) return x;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hx = en_handle(cx, x), *cap = en_arr_handles(cx, 3);
    EnValue res = EN_EXCEPTION;
    if (!new_capability(cx, c, cap)) goto done;
    if (en_is_exception(en_call(cx, cap[1], EN_UNDEFINED, 1, hx))) goto done;
    res = cap[0];
done:
    en_handle_scope_close(&hs);
    return res;
}

EnValue en_promise_resolve(EnContext *cx, EnValue v) {
    return promise_resolve_c(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_Promise)), v);
}

// ---------------------------------------------------------------------------
// Constructor.

static EnValue promise_ctor(EnContext *cx, const EnArgs *a) {
    if (en_is_undefined(a->new_target)) return en_throw_type_error(cx, "Promise constructor cannot be invoked without 'new'");
    if (!en_is_callable(ARG(0))) return en_throw_type_error(cx, "Promise resolver is not a function");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *proto;
    if (!en_proto_from_ctor(cx, a->new_target, EN_INTRINSIC_PromisePrototype, &proto)) goto done;
    en_handle(cx, en_object_value(proto));
    EnObject *p = en_obj_new(cx, EN_CLASS_PROMISE, proto, 0);
    if (!p) goto done;
    ((EnPromise *)p)->result = ((EnPromise *)p)->reactions = EN_UNDEFINED;
    EnValue *hp = en_handle(cx, en_object_value(p));
    EnValue *fns = en_arr_handles(cx, 2);
    if (!create_resolving(cx, *hp, fns)) goto done;
    EnValue r = en_call(cx, ARG(0), EN_UNDEFINED, 2, fns);
    if (en_is_exception(r)) {
        if (cx->terminating) goto done;
        EnValue *exc = en_handle(cx, en_exception_take(cx));
        if (en_is_exception(en_call(cx, fns[1], EN_UNDEFINED, 1, exc))) goto done;
    }
    res = *hp;
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Prototype.

static EnValue proto_then(EnContext *cx, const EnArgs *a) {
    if (!is_promise(a->this_val)) return en_throw_type_error(cx, "Promise.prototype.then called on incompatible receiver");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *cap = en_arr_handles(cx, 3);
    EnValue c = en_species_constructor(cx, en_as_object(a->this_val), EN_INTRINSIC_Promise);
    if (en_is_exception(c)) goto done;
    EnValue *hc = en_handle(cx, c);
    if (!new_capability(cx, *hc, cap)) goto done;
    if (!perform_then(cx, a->this_val, ARG(0), ARG(1), cap)) goto done;
    res = cap[0];
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue proto_catch(EnContext *cx, const EnArgs *a) {
    EnValue args[2] = {EN_UNDEFINED, ARG(0)};
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *h = en_arr_handles(cx, 2);
    memcpy(h, args, sizeof args);
    EnValue r = en_invoke(cx, a->this_val, en_key_atom(en_atom(cx, EN_ATOM_then)), 2, h);
    en_handle_scope_close(&hs);
    return r;
}

// finally closures: slot 0 onFinally, slot 1 C; thunks: slot 0 the value.
static EnValue value_thunk(EnContext *cx, const EnArgs *a) {
    (void)cx;
    return *en_native_slot(a->callee, 0);
}
static EnValue thrower_thunk(EnContext *cx, const EnArgs *a) { return en_throw(cx, *en_native_slot(a->callee, 0)); }

static EnValue finally_step(EnContext *cx, const EnArgs *a, bool rejected) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hv = en_handle(cx, ARG(0));
    EnValue r = en_call(cx, *en_native_slot(a->callee, 0), EN_UNDEFINED, 0, NULL);
    if (en_is_exception(r)) goto done;
    EnValue p = promise_resolve_c(cx, *en_native_slot(a->callee, 1), r);
    if (en_is_exception(p)) goto done;
    EnValue *hp = en_handle(cx, p);
    EnObject *thunk = native(cx, rejected ? thrower_thunk : value_thunk, 0, 1);
    if (!thunk) goto done;
    *en_native_slot(thunk, 0) = *hv;
    EnValue *ht = en_handle(cx, en_object_value(thunk));
    res = en_invoke(cx, *hp, en_key_atom(en_atom(cx, EN_ATOM_then)), 1, ht);
done:
    en_handle_scope_close(&hs);
    return res;
}
static EnValue then_finally(EnContext *cx, const EnArgs *a) { return finally_step(cx, a, false); }
static EnValue catch_finally(EnContext *cx, const EnArgs *a) { return finally_step(cx, a, true); }

static EnValue proto_finally(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(a->this_val)) return en_throw_type_error(cx, "Promise.prototype.finally called on a non-object");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue c = en_species_constructor(cx, en_as_object(a->this_val), EN_INTRINSIC_Promise);
    if (en_is_exception(c)) goto done;
    EnValue *hc = en_handle(cx, c);
    EnValue *args = en_arr_handles(cx, 2);
    if (!en_is_callable(ARG(0))) {
        args[0] = args[1] = ARG(0);
    } else {
        for (int i = 0; i < 2; i++) {
            EnObject *f = native(cx, i ? catch_finally : then_finally, 1, 2);
            if (!f) goto done;
            *en_native_slot(f, 0) = ARG(0);
            *en_native_slot(f, 1) = *hc;
            args[i] = en_object_value(f);
        }
    }
    res = en_invoke(cx, a->this_val, en_key_atom(en_atom(cx, EN_ATOM_then)), 2, args);
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Statics.

static EnValue static_resolve(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(a->this_val)) return en_throw_type_error(cx, "Promise.resolve called on a non-object");
    return promise_resolve_c(cx, a->this_val, ARG(0));
}

static EnValue static_reject(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *cap = en_arr_handles(cx, 3), *hr = en_handle(cx, ARG(0));
    if (!new_capability(cx, a->this_val, cap)) goto done;
    if (en_is_exception(en_call(cx, cap[2], EN_UNDEFINED, 1, hr))) goto done;
    res = cap[0];
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue static_with_resolvers(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *cap = en_arr_handles(cx, 3);
    if (!new_capability(cx, a->this_val, cap)) goto done;
    EnObject *o = en_obj_new_plain(cx);
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    static const char *const names[3] = {"promise", "resolve", "reject"};
    for (int i = 0; i < 3; i++) {
        EnString *k = en_atom_from_cstr(cx, names[i]);
        if (!k || !en_create_data_property_or_throw(cx, en_as_object(*ho), en_key_atom(k), cap[i])) goto done;
    }
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue static_try(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(a->this_val)) return en_throw_type_error(cx, "Promise.try called on a non-object");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION, *cap = en_arr_handles(cx, 3);
    if (!new_capability(cx, a->this_val, cap)) goto done;
    EnValue r = en_call(cx, ARG(0), EN_UNDEFINED, a->argc ? a->argc - 1 : 0, a->argc ? a->argv + 1 : NULL);
    bool abrupt = en_is_exception(r);
    if (abrupt) {
        if (cx->terminating) goto done;
        r = en_exception_take(cx);
    }
    EnValue *hr = en_handle(cx, r);
    if (en_is_exception(en_call(cx, cap[abrupt ? 2 : 1], EN_UNDEFINED, 1, hr))) goto done;
    res = cap[0];
done:
    en_handle_scope_close(&hs);
    return res;
}

// Combinators. Element functions' slots:
enum { E_CALLED, E_INDEX, E_VALUES, E_CAP_FN, E_REMAINING, E_KIND, E_SLOTS };
enum { K_ALL, K_SETTLED_OK, K_SETTLED_ERR, K_ANY };

static EnValue aggregate_error(EnContext *cx, EnValue errors) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *he = en_handle(cx, errors);
    EnValue res = EN_EXCEPTION;
    EnObject *e = en_error_new(cx, EN_INTRINSIC_AggregateErrorPrototype,
                               en_str_from_cstr(cx, "All promises were rejected"));
    if (e && en_define_value(cx, e, en_key_atom(en_atom(cx, EN_ATOM_errors)), *he, EN_PROP_HIDDEN))
        res = en_object_value(e);
    en_handle_scope_close(&hs);
    return res;
}

// remaining is a one-element internal array; returns the decremented count.
static int32_t dec_remaining(EnValue rem) {
    EnValueArray *e = en_as_object(rem)->el.elements;
    int32_t n = en_as_int32(e->v[0]) - 1;
    e->v[0] = en_int32(n);
    return n;
}

static EnValue element_fn(EnContext *cx, const EnArgs *a) {
    EnObject *f = a->callee;
    if (en_as_bool(*en_native_slot(f, E_CALLED))) return EN_UNDEFINED;
    *en_native_slot(f, E_CALLED) = EN_TRUE;
    int kind = en_as_int32(*en_native_slot(f, E_KIND));
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hf = en_handle(cx, en_object_value(f));
    EnValue *hv = en_handle(cx, ARG(0));
    if (kind == K_SETTLED_OK || kind == K_SETTLED_ERR) {
        EnObject *o = en_obj_new_plain(cx);
        if (!o) goto done;
        EnValue *ho = en_handle(cx, en_object_value(o));
        EnString *st = en_atom(cx, kind == K_SETTLED_OK ? EN_ATOM_fulfilled : EN_ATOM_rejected);
        if (!en_create_data_property_or_throw(cx, en_as_object(*ho), en_key_atom(en_atom(cx, EN_ATOM_status)),
                                              en_string_value(st)) ||
            !en_create_data_property_or_throw(
                cx, en_as_object(*ho), en_key_atom(en_atom(cx, kind == K_SETTLED_OK ? EN_ATOM_value : EN_ATOM_reason)),
                *hv))
            goto done;
        *hv = *ho;
    }
    f = en_as_object(*hf);
    uint32_t idx = (uint32_t)en_as_int32(*en_native_slot(f, E_INDEX));
    if (!en_arr_create(cx, *en_native_slot(f, E_VALUES), idx, *hv)) goto done;
    f = en_as_object(*hf);
    res = EN_UNDEFINED;
    if (dec_remaining(*en_native_slot(f, E_REMAINING)) == 0) {
        EnValue *vals = en_handle(cx, *en_native_slot(f, E_VALUES));
        if (kind == K_ANY) {
            EnValue err = aggregate_error(cx, *vals);
            if (en_is_exception(err)) { res = err; goto done; }
            *vals = err;
        }
        res = en_call(cx, *en_native_slot(en_as_object(*hf), E_CAP_FN), EN_UNDEFINED, 1, vals);
    }
done:
    en_handle_scope_close(&hs);
    return res;
}

enum { COMB_ALL, COMB_ALL_SETTLED, COMB_ANY, COMB_RACE };

static EnValue combinator(EnContext *cx, const EnArgs *a, int comb) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *cap = en_arr_handles(cx, 3);
    EnValue *h = en_arr_handles(cx, 6);  // 0 C, 1 resolveFn, 2 values, 3 remaining, 4 iterator, 5 next
    EnValue *args = en_arr_handles(cx, 2);
    h[0] = a->this_val;
    if (!new_capability(cx, h[0], cap)) goto done;
    EnIteratorRecord it = {EN_UNDEFINED, EN_UNDEFINED, true};
    EnValue pr = en_get_atom(cx, h[0], EN_ATOM_resolve);
    if (en_is_exception(pr)) goto reject;
    if (!en_is_callable(pr)) {
        en_throw_type_error(cx, "Promise resolve is not a function");
        goto reject;
    }
    h[1] = pr;
    if (!en_get_iterator(cx, ARG(0), false, &it)) goto reject;
    h[4] = it.iterator;
    h[5] = it.next_method;
    if (comb != COMB_RACE) {
        EnObject *vals = en_array_new(cx, 0);
        if (!vals) goto close;
        h[2] = en_object_value(vals);
        EnValue one = en_int32(1);
        EnObject *rem = en_array_from_values(cx, &one, 1);
        if (!rem) goto close;
        h[3] = en_object_value(rem);
    }
    for (uint32_t index = 0;; index++) {
        EnValue v;
        bool fin;
        it.iterator = h[4];
        it.next_method = h[5];
        if (!en_iterator_step_value(cx, &it, &v, &fin)) goto reject;
        if (fin) {
            if (comb == COMB_RACE) break;
            if (dec_remaining(h[3]) == 0) {
                EnValue *vals = &h[2];
                if (comb == COMB_ANY) {
                    EnValue err = aggregate_error(cx, *vals);
                    if (en_is_exception(err)) goto reject;
                    en_throw(cx, err);
                    goto reject;
                }
                if (en_is_exception(en_call(cx, cap[1], EN_UNDEFINED, 1, vals))) goto reject;
            }
            break;
        }
        args[0] = v;
        EnValue np = en_call(cx, h[1], h[0], 1, args);
        if (en_is_exception(np)) goto close;
        EnValue *hnp = en_handle(cx, np);
        if (comb == COMB_RACE) {
            args[0] = cap[1];
            args[1] = cap[2];
        } else {
            if (!en_arr_create(cx, h[2], index, EN_UNDEFINED)) goto close;
            EnValue *hfs = en_arr_handles(cx, 2);
            for (int i = 0; i < 2; i++) {
                int kind;
                if (comb == COMB_ALL) { if (i) { hfs[1] = cap[2]; break; } kind = K_ALL; }
                else if (comb == COMB_ANY) { if (!i) { hfs[0] = cap[1]; continue; } kind = K_ANY; }
                else kind = i ? K_SETTLED_ERR : K_SETTLED_OK;
                EnObject *f = native(cx, element_fn, 1, E_SLOTS);
                if (!f) goto close;
                *en_native_slot(f, E_CALLED) = EN_FALSE;
                *en_native_slot(f, E_INDEX) = en_int32((int32_t)index);
                *en_native_slot(f, E_VALUES) = h[2];
                *en_native_slot(f, E_CAP_FN) = cap[kind == K_ANY ? 2 : 1];
                *en_native_slot(f, E_REMAINING) = h[3];
                *en_native_slot(f, E_KIND) = en_int32(kind);
                hfs[i] = en_object_value(f);
            }
            EnValueArray *re = en_as_object(h[3])->el.elements;
            re->v[0] = en_int32(en_as_int32(re->v[0]) + 1);
            args[0] = hfs[0];
            args[1] = hfs[1];
        }
        if (en_is_exception(en_invoke(cx, *hnp, en_key_atom(en_atom(cx, EN_ATOM_then)), 2, args))) goto close;
    }
    res = cap[0];
    goto done;
close:
    it.iterator = h[4];
    it.next_method = h[5];
    it.done = false;
    en_iterator_close(cx, &it, true);
reject:
    if (cx->terminating) goto done;
    {
        EnValue *exc = en_handle(cx, en_exception_take(cx));
        if (!en_is_exception(en_call(cx, cap[2], EN_UNDEFINED, 1, exc))) res = cap[0];
    }
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue static_all(EnContext *cx, const EnArgs *a) { return combinator(cx, a, COMB_ALL); }
static EnValue static_all_settled(EnContext *cx, const EnArgs *a) { return combinator(cx, a, COMB_ALL_SETTLED); }
static EnValue static_any(EnContext *cx, const EnArgs *a) { return combinator(cx, a, COMB_ANY); }
static EnValue static_race(EnContext *cx, const EnArgs *a) { return combinator(cx, a, COMB_RACE); }

static EnValue return_this(EnContext *cx, const EnArgs *a) {
    (void)cx;
    return a->this_val;
}

// ---------------------------------------------------------------------------
// Setup.

bool en_init_promise(EnContext *cx) {
    en_class_register(EN_CLASS_PROMISE, &promise_class);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *proto = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!proto) goto done;
    EnValue *hp = en_handle(cx, en_object_value(proto));
    EnString *name = en_atom_from_cstr(cx, "Promise");
    if (!name) goto done;
    EnValue *hn = en_handle(cx, en_string_value(name));
    // Created by hand rather than with en_define_class: the constructor
    // carries the realm's job functions and rejection list in its slots.
    EnObject *c = en_native_new(cx, promise_ctor, en_as_string(*hn), 1, EN_NATIVE_CTOR, CTOR_SLOTS);
    if (!c) goto done;
    EnValue *hc = en_handle(cx, en_object_value(c));
    for (uint32_t i = 0; i < CTOR_SLOTS; i++) *en_native_slot(c, i) = EN_UNDEFINED;
    cx->intrinsics[EN_INTRINSIC_Promise] = c;
    cx->intrinsics[EN_INTRINSIC_PromisePrototype] = en_as_object(*hp);
    if (!en_define_value(cx, en_as_object(*hc), en_key_atom(en_atom(cx, EN_ATOM_prototype)), *hp, 0) ||
        !en_define_value(cx, en_as_object(*hp), en_key_atom(en_atom(cx, EN_ATOM_constructor)), *hc, EN_PROP_HIDDEN) ||
        !en_define_value(cx, cx->global, *hn, *hc, EN_PROP_HIDDEN))
        goto done;
    EnObject *j = native(cx, reaction_job, 3, 0);
    if (!j) goto done;
    *en_native_slot(en_as_object(*hc), CTOR_SLOT_REACTION_JOB) = en_object_value(j);
    j = native(cx, thenable_job, 3, 0);
    if (!j) goto done;
    *en_native_slot(en_as_object(*hc), CTOR_SLOT_THENABLE_JOB) = en_object_value(j);
    EnObject *list = en_array_new(cx, 0);
    if (!list) goto done;
    *en_native_slot(en_as_object(*hc), CTOR_SLOT_UNHANDLED) = en_object_value(list);
    static const struct { const char *n; EnNativeFn f; uint32_t len; } statics[] = {
        {"all", static_all, 1}, {"allSettled", static_all_settled, 1}, {"any", static_any, 1},
        {"race", static_race, 1}, {"reject", static_reject, 1}, {"resolve", static_resolve, 1},
        {"try", static_try, 1}, {"withResolvers", static_with_resolvers, 0},
    };
    for (size_t i = 0; i < sizeof statics / sizeof statics[0]; i++)
        if (!en_define_method(cx, en_as_object(*hc), statics[i].n, statics[i].f, statics[i].len)) goto done;
    if (!en_define_getter(cx, en_as_object(*hc), en_symbol_value(en_well_known_symbol(cx, EN_SYM_species)),
                          return_this, NULL) ||
        !en_define_method(cx, en_as_object(*hp), "then", proto_then, 2) ||
        !en_define_method(cx, en_as_object(*hp), "catch", proto_catch, 1) ||
        !en_define_method(cx, en_as_object(*hp), "finally", proto_finally, 1))
        goto done;
    EnString *tag = en_str_from_cstr(cx, "Promise");
    if (!tag) goto done;
    ok = en_define_value(cx, en_as_object(*hp), en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)),
                         en_string_value(tag), EN_PROP_CONFIGURABLE);
done:
    en_handle_scope_close(&hs);
    return ok;
}
