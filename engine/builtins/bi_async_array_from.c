// Array.fromAsync (ES2026 / stage 4 proposal, test262 feature
// Array.fromAsync): the async closure of the spec as a C state machine.
// The state is a value array; each Await reacts (en_vm_await) with
// native closures holding it, and `phase` says where to continue.
#include "promise_int.h"
#include "vm_int.h"

enum {
    S_PROMISE, S_C, S_ITEMS, S_MAPFN, S_THIS_ARG, S_A, S_ITER, S_NEXT, S_K, S_LEN, S_PHASE, S_ERROR,
    S_COUNT
};
// Phases (what the pending await delivers).
enum {
    PH_NEXT_RESULT,   // iterator mode: next() result
    PH_ITER_MAPPED,   // iterator mode: mapfn result
    PH_LIKE_VALUE,    // array-like mode: element value
    PH_LIKE_MAPPED,   // array-like mode: mapfn result
    PH_CLOSING,       // AsyncIteratorClose after an error (S_ERROR wins)
};

#define ST(i) (((EnValueArray *)en_as_ptr(*hs_))->v[i])

static void step(EnContext *cx, EnValue state);
static void resume(EnContext *cx, EnValue state, bool ok, EnValue v);

static EnValue on_ok(EnContext *cx, const EnArgs *a) {
    resume(cx, *en_native_slot(a->callee, 0), true, en_arg(a, 0));
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}
static EnValue on_err(EnContext *cx, const EnArgs *a) {
    resume(cx, *en_native_slot(a->callee, 0), false, en_arg(a, 0));
    return cx->terminating ? EN_EXCEPTION : EN_UNDEFINED;
}

// Settles the result promise with the pending exception.
static void reject_pending(EnContext *cx, EnValue *hs_) {
    if (cx->terminating) return;
    en_promise_reject_fn(cx, en_as_object(ST(S_PROMISE)), en_exception_take(cx));
}

static bool await_value(EnContext *cx, EnValue *hs_, int phase, EnValue v) {
    ST(S_PHASE) = en_int32(phase);
    return en_vm_await(cx, v, on_ok, on_err, *hs_, EN_UNDEFINED);
}

// IfAbruptCloseAsyncIterator: the pending exception closes the iterator
// (return() awaited, its outcome ignored), then rejects.
static void close_with_pending(EnContext *cx, EnValue *hs_) {
    if (cx->terminating) return;
    ST(S_ERROR) = en_exception_take(cx);
    EnValue m = en_get_atom(cx, ST(S_ITER), EN_ATOM_return_);
    if (m != EN_EXCEPTION && !en_is_nullish(m)) {
        EnValue r = en_is_callable(m) ? en_call(cx, m, ST(S_ITER), 0, NULL) : EN_EXCEPTION;
        if (r != EN_EXCEPTION && await_value(cx, hs_, PH_CLOSING, r)) return;
    }
    if (cx->terminating) return;
    if (cx->has_exception) en_exception_take(cx);
    en_promise_reject_fn(cx, en_as_object(ST(S_PROMISE)), ST(S_ERROR));
}

static bool finish(EnContext *cx, EnValue *hs_) {
    EnValue len = ST(S_K);
    if (!en_set(cx, ST(S_A), en_key_atom(en_atom(cx, EN_ATOM_length)), len, true)) return false;
    en_promise_resolve_fn(cx, en_as_object(ST(S_PROMISE)), ST(S_A));
    return true;
}

// Stores the value at k (CreateDataPropertyOrThrow) and goes on.
static void store_and_continue(EnContext *cx, EnValue *hs_, EnValue v, bool iter_mode) {
    EnValue *hv = en_handle(cx, v);
    EnString *pk = en_to_string(cx, ST(S_K));
    bool ok = pk != NULL;
    if (ok) {
        EnKey k;
        ok = en_key_from_value(cx, en_string_value(pk), &k) &&
             en_create_data_property_or_throw(cx, en_as_object(ST(S_A)), k, *hv);
    }
    if (!ok) {
        if (iter_mode) close_with_pending(cx, hs_);
        else reject_pending(cx, hs_);
        return;
    }
    ST(S_K) = en_number(en_as_number(ST(S_K)) + 1);
    step(cx, *hs_);
}

static void resume(EnContext *cx, EnValue state, bool ok, EnValue v) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hs_ = en_handle(cx, state);
    EnValue *hv = en_handle(cx, v);
    int phase = en_as_int32(ST(S_PHASE));
    bool mapping = ST(S_MAPFN) != EN_UNDEFINED;
    if (phase == PH_CLOSING) {
        en_promise_reject_fn(cx, en_as_object(ST(S_PROMISE)), ST(S_ERROR));
        goto done;
    }
    if (!ok) {
        en_throw(cx, *hv);
        if (phase == PH_ITER_MAPPED) close_with_pending(cx, hs_);
        else reject_pending(cx, hs_);
        goto done;
    }
    switch (phase) {
    case PH_NEXT_RESULT: {
        if (!en_is_object(*hv)) {
            en_throw_type_error(cx, "Iterator result is not an object");
            reject_pending(cx, hs_);
            goto done;
        }
        EnValue d = en_get_atom(cx, *hv, EN_ATOM_done);
        if (d == EN_EXCEPTION) goto reject;
        if (en_to_boolean(d)) {
            if (!finish(cx, hs_)) goto reject;
            goto done;
        }
        EnValue val = en_get_atom(cx, *hv, EN_ATOM_value);
        if (val == EN_EXCEPTION) goto reject;
        if (!mapping) {
            store_and_continue(cx, hs_, val, true);
            goto done;
        }
        EnValue args[2] = {val, ST(S_K)};
        EnValue *ha = en_handle(cx, args[0]);
        en_handle(cx, args[1]);
        EnValue m = en_call(cx, ST(S_MAPFN), ST(S_THIS_ARG), 2, ha);
        if (m == EN_EXCEPTION || !await_value(cx, hs_, PH_ITER_MAPPED, m)) close_with_pending(cx, hs_);
        goto done;
    }
    case PH_ITER_MAPPED: store_and_continue(cx, hs_, *hv, true); goto done;
    case PH_LIKE_VALUE: {
        if (!mapping) {
            store_and_continue(cx, hs_, *hv, false);
            goto done;
        }
        EnValue *ha = en_handle(cx, *hv);
        en_handle(cx, ST(S_K));
        EnValue m = en_call(cx, ST(S_MAPFN), ST(S_THIS_ARG), 2, ha);
        if (m == EN_EXCEPTION || !await_value(cx, hs_, PH_LIKE_MAPPED, m)) goto reject;
        goto done;
    }
    default: store_and_continue(cx, hs_, *hv, false); goto done;
    }
reject:
    reject_pending(cx, hs_);
done:
    en_handle_scope_close(&hs);
}

// Runs up to the next await (or the end).
static void step(EnContext *cx, EnValue state) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hs_ = en_handle(cx, state);
    if (ST(S_LEN) == EN_UNDEFINED) {
        EnValue r = en_call(cx, ST(S_NEXT), ST(S_ITER), 0, NULL);
        if (r == EN_EXCEPTION || !await_value(cx, hs_, PH_NEXT_RESULT, r)) reject_pending(cx, hs_);
    } else if (en_as_number(ST(S_K)) < en_as_number(ST(S_LEN))) {
        EnKey k;
        EnValue v = en_key_from_value(cx, ST(S_K), &k) ? en_get(cx, ST(S_ITEMS), k) : EN_EXCEPTION;
        if (v == EN_EXCEPTION || !await_value(cx, hs_, PH_LIKE_VALUE, v)) reject_pending(cx, hs_);
    } else if (!finish(cx, hs_)) {
        reject_pending(cx, hs_);
    }
    en_handle_scope_close(&hs);
}

static EnValue construct_c(EnContext *cx, EnValue c, bool with_len, EnValue len) {
    if (en_is_constructor(c)) {
        EnValue *hc = en_handle(cx, c);
        EnValue *hl = en_handle(cx, len);
        EnValue r = en_construct(cx, *hc, with_len ? 1 : 0, hl, *hc);
        if (r != EN_EXCEPTION && !en_is_object(r)) return en_throw_type_error(cx, "constructor did not return an object");
        return r;
    }
    EnObject *o = en_array_new(cx, 0);
    if (!o) return EN_EXCEPTION;
    if (with_len) {
        EnValue *ho = en_handle(cx, en_object_value(o));
        if (!en_set(cx, *ho, en_key_atom(en_atom(cx, EN_ATOM_length)), len, true)) return EN_EXCEPTION;
        return *ho;
    }
    return en_object_value(o);
}

// The synchronous part of the async closure (until the first await).
static bool start(EnContext *cx, EnValue *hs_, const EnArgs *a) {
    ST(S_C) = a->this_val;
    ST(S_ITEMS) = en_arg(a, 0);
    ST(S_MAPFN) = en_arg(a, 1);
    ST(S_THIS_ARG) = en_arg(a, 2);
    ST(S_K) = en_int32(0);
    if (ST(S_MAPFN) != EN_UNDEFINED && !en_is_callable(ST(S_MAPFN)))
        return en_throw_type_error(cx, "Array.fromAsync: the mapper is not a function"), false;
    EnValue items = ST(S_ITEMS);
    if (en_is_nullish(items)) return en_throw_type_error(cx, "Array.fromAsync: items is null or undefined"), false;
    EnValue am = en_get(cx, items, en_symbol_value(en_well_known_symbol(cx, EN_SYM_asyncIterator)));
    if (am == EN_EXCEPTION) return false;
    EnValue sm = EN_UNDEFINED;
    if (en_is_nullish(am)) {
        sm = en_get(cx, ST(S_ITEMS), en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator)));
        if (sm == EN_EXCEPTION) return false;
    }
    if (!en_is_nullish(am) || !en_is_nullish(sm)) {
        bool is_async = !en_is_nullish(am);
        EnValue *hm = en_handle(cx, is_async ? am : sm);
        if (!en_is_callable(*hm)) return en_throw_type_error(cx, "Array.fromAsync: iterator method is not callable"), false;
        EnValue r = construct_c(cx, ST(S_C), false, EN_UNDEFINED);
        if (r == EN_EXCEPTION) return false;
        ST(S_A) = r;
        // GetIteratorFromMethod, wrapped by CreateAsyncFromSyncIterator
        // for a sync iterator.
        EnValue it = en_call(cx, *hm, ST(S_ITEMS), 0, NULL);
        if (it == EN_EXCEPTION) return false;
        if (!en_is_object(it)) return en_throw_type_error(cx, "Result of the iterator method is not an object"), false;
        ST(S_ITER) = it;
        EnValue next = en_get_atom(cx, it, EN_ATOM_next);
        if (next == EN_EXCEPTION) return false;
        ST(S_NEXT) = next;
        if (!is_async) {
            EnValue w = en_vm_async_from_sync(cx, ST(S_ITER), ST(S_NEXT));
            if (w == EN_EXCEPTION) return false;
            ST(S_ITER) = w;
            next = en_get_atom(cx, w, EN_ATOM_next);
            if (next == EN_EXCEPTION) return false;
            ST(S_NEXT) = next;
        }
        ST(S_LEN) = EN_UNDEFINED;
        return true;
    }
    EnObject *like = en_to_object(cx, ST(S_ITEMS));
    if (!like) return false;
    ST(S_ITEMS) = en_object_value(like);
    uint64_t len;
    if (!en_length_of_array_like(cx, ST(S_ITEMS), &len)) return false;
    ST(S_LEN) = en_number((double)len);
    EnValue r = construct_c(cx, ST(S_C), true, ST(S_LEN));
    if (r == EN_EXCEPTION) return false;
    ST(S_A) = r;
    return true;
}

static EnValue array_from_async(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnObject *p = en_promise_new(cx);
    if (!p) goto done;
    EnValue *hp = en_handle(cx, en_object_value(p));
    EnValueArray *st = en_gc_alloc(cx, EN_CELL_VALUE_ARRAY, sizeof(EnValueArray) + S_COUNT * sizeof(EnValue));
    if (!st) goto done;
    st->hdr.aux = S_COUNT;
    st->length = S_COUNT;
    for (uint32_t i = 0; i < S_COUNT; i++) st->v[i] = EN_UNDEFINED;
    EnValue *hs_ = en_handle(cx, en_ptr_value(EN_TAG_CELL, st));
    ST(S_PROMISE) = *hp;
    if (start(cx, hs_, a)) step(cx, *hs_);
    else reject_pending(cx, hs_);
    if (!cx->terminating) res = *hp;
done:
    en_handle_scope_close(&hs);
    return res;
}

bool en_init_array_from_async(EnContext *cx, EnObject *array_ctor);
bool en_init_array_from_async(EnContext *cx, EnObject *array_ctor) {
    return en_define_method(cx, array_ctor, "fromAsync", array_from_async, 1) != NULL;
}
