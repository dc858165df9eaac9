// %AsyncFromSyncIteratorPrototype% (ES2025 27.1.6): the async iterator
// that for await and yield* in async generators put around a sync
// iterator. Each method settles a fresh promise; values that are promises
// are awaited, and a rejected value closes the sync iterator (next and
// throw only).
#include "promise_int.h"
#include "vm_int.h"

// Class ASYNC_FROM_SYNC_ITERATOR: [[SyncIteratorRecord]].
typedef struct EnAsyncFromSync {
    EnObject base;
    EnValue iterator;
    EnValue next_method;
} EnAsyncFromSync;

static void afs_trace(EnGCTracer *t, EnObject *o) {
    en_gc_mark_value(t, ((EnAsyncFromSync *)o)->iterator);
    en_gc_mark_value(t, ((EnAsyncFromSync *)o)->next_method);
}
static const EnClass afs_class = {"Async-from-Sync Iterator", sizeof(EnAsyncFromSync), NULL, afs_trace,
                                  NULL};

EnValue en_vm_async_from_sync(EnContext *cx, EnValue iterator, EnValue next_method) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hi = en_handle(cx, iterator), *hn = en_handle(cx, next_method);
    EnObject *o = en_obj_new(cx, EN_CLASS_ASYNC_FROM_SYNC_ITERATOR,
                             en_intrinsic(cx, EN_INTRINSIC_AsyncFromSyncIteratorPrototype), 0);
    EnValue res = EN_EXCEPTION;
    if (o) {
        ((EnAsyncFromSync *)o)->iterator = *hi;
        ((EnAsyncFromSync *)o)->next_method = *hn;
        res = en_object_value(o);
    }
    en_handle_scope_close(&hs);
    return res;
}

// Rejects p with the pending exception (IfAbruptRejectPromise).
static EnValue reject_pending(EnContext *cx, EnValue *hp) {
    if (cx->terminating) return EN_EXCEPTION;
    en_promise_reject_fn(cx, en_as_object(*hp), en_exception_take(cx));
    return *hp;
}

// Slots: 0 result promise, 1 done (bool), 2 sync iterator (close on rejection).
static EnValue unwrap(EnContext *cx, const EnArgs *a) {
    EnValue *hp = en_handle(cx, *en_native_slot(a->callee, 0));
    EnObject *r = en_create_iter_result(cx, en_arg(a, 0), *en_native_slot(a->callee, 1) == EN_TRUE);
    if (!r) return EN_EXCEPTION;
    en_promise_resolve_fn(cx, en_as_object(*hp), en_object_value(r));
    return EN_UNDEFINED;
}
static EnValue close_and_reject(EnContext *cx, const EnArgs *a) {
    EnValue *hp = en_handle(cx, *en_native_slot(a->callee, 0));
    EnValue *he = en_handle(cx, en_arg(a, 0));
    EnValue it = *en_native_slot(a->callee, 2);
    if (it != EN_UNDEFINED) {
        // IteratorClose with a throw completion: the rejection reason wins.
        EnIteratorRecord rec = {it, EN_UNDEFINED, false};
        en_throw(cx, *he);
        en_iterator_close(cx, &rec, true);
        if (cx->terminating) return EN_EXCEPTION;
        if (cx->has_exception) en_exception_take(cx);
    }
    en_promise_reject_fn(cx, en_as_object(*hp), *he);
    return EN_UNDEFINED;
}

static EnObject *reaction(EnContext *cx, EnNativeFn fn, EnValue *hp, bool done, EnValue *hit) {
    EnObject *f = en_native_new(cx, fn, en_str_empty(cx), 1, EN_NATIVE_NOT_CTOR, 3);
    if (!f) return NULL;
    *en_native_slot(f, 0) = *hp;
    *en_native_slot(f, 1) = en_bool(done);
    *en_native_slot(f, 2) = hit ? *hit : EN_UNDEFINED;
    return f;
}

// AsyncFromSyncIteratorContinuation(result, promise, syncIteratorRecord,
// closeOnRejection).
static EnValue continuation(EnContext *cx, EnValue result, EnValue *hp, EnValue *hit, bool close_on_rejection) {
    EnValue *hr = en_handle(cx, result);
    EnValue d = en_get_atom(cx, *hr, EN_ATOM_done);
    if (d == EN_EXCEPTION) return reject_pending(cx, hp);
    bool done = en_to_boolean(d);
    EnValue v = en_get_atom(cx, *hr, EN_ATOM_value);
    if (v == EN_EXCEPTION) return reject_pending(cx, hp);
    EnValue w = en_promise_resolve(cx, v);
    if (w == EN_EXCEPTION) {
        if (!done && close_on_rejection) {
            EnIteratorRecord rec = {*hit, EN_UNDEFINED, false};
            en_iterator_close(cx, &rec, true);
        }
        return reject_pending(cx, hp);
    }
    EnValue *hw = en_handle(cx, w);
    EnObject *ok = reaction(cx, unwrap, hp, done, NULL);
    if (!ok) return EN_EXCEPTION;
    EnValue *hok = en_handle(cx, en_object_value(ok));
    EnObject *err = reaction(cx, close_and_reject, hp, done, done || !close_on_rejection ? NULL : hit);
    if (!err) return EN_EXCEPTION;
    if (!en_promise_then_native(cx, en_as_object(*hw), *hok, en_object_value(err))) return EN_EXCEPTION;
    return *hp;
}

static bool check_this(EnContext *cx, const EnArgs *a, EnValue *hp) {
    if (en_is_object(a->this_val) && en_obj_class(en_as_object(a->this_val)) == EN_CLASS_ASYNC_FROM_SYNC_ITERATOR)
        return true;
    en_throw_type_error(cx, "not an Async-from-Sync Iterator");
    reject_pending(cx, hp);
    return false;
}

static EnValue afs_next(EnContext *cx, const EnArgs *a) {
    EnObject *p = en_promise_new(cx);
    if (!p) return EN_EXCEPTION;
    EnValue *hp = en_handle(cx, en_object_value(p));
    if (!check_this(cx, a, hp)) return cx->terminating ? EN_EXCEPTION : *hp;
    EnAsyncFromSync *o = (EnAsyncFromSync *)en_as_object(a->this_val);
    EnValue *hit = en_handle(cx, o->iterator);
    EnValue r = en_call(cx, o->next_method, o->iterator, a->argc ? 1 : 0, a->argv);
    if (r == EN_EXCEPTION) return reject_pending(cx, hp);
    if (!en_is_object(r)) {
        en_throw_type_error(cx, "Iterator result is not an object");
        return reject_pending(cx, hp);
    }
    return continuation(cx, r, hp, hit, true);
}

static EnValue afs_return_throw(EnContext *cx, const EnArgs *a, bool is_throw) {
    EnObject *p = en_promise_new(cx);
    if (!p) return EN_EXCEPTION;
    EnValue *hp = en_handle(cx, en_object_value(p));
    if (!check_this(cx, a, hp)) return cx->terminating ? EN_EXCEPTION : *hp;
    EnValue *hit = en_handle(cx, ((EnAsyncFromSync *)en_as_object(a->this_val))->iterator);
    EnValue m = en_get_atom(cx, *hit, is_throw ? EN_ATOM_throw_ : EN_ATOM_return_);
    if (m == EN_EXCEPTION) return reject_pending(cx, hp);
    if (en_is_nullish(m)) {
        if (!is_throw) {
            EnObject *r = en_create_iter_result(cx, en_arg(a, 0), true);
            if (!r) return EN_EXCEPTION;
            en_promise_resolve_fn(cx, en_as_object(*hp), en_object_value(r));
            return *hp;
        }
        // No throw method: close the sync iterator, then reject with a
        // TypeError (protocol violation).
        EnIteratorRecord rec = {*hit, EN_UNDEFINED, false};
        if (!en_iterator_close(cx, &rec, false)) return reject_pending(cx, hp);
        en_throw_type_error(cx, "The iterator does not provide a 'throw' method");
        return reject_pending(cx, hp);
    }
    if (!en_is_callable(m)) {
        en_throw_type_error(cx, "iterator.%s is not a function", is_throw ? "throw" : "return");
        return reject_pending(cx, hp);
    }
    EnValue r = en_call(cx, m, *hit, a->argc ? 1 : 0, a->argv);
    if (r == EN_EXCEPTION) return reject_pending(cx, hp);
    if (!en_is_object(r)) {
        en_throw_type_error(cx, "Iterator result is not an object");
        return reject_pending(cx, hp);
    }
    return continuation(cx, r, hp, hit, is_throw);
}
static EnValue afs_return(EnContext *cx, const EnArgs *a) { return afs_return_throw(cx, a, false); }
static EnValue afs_throw(EnContext *cx, const EnArgs *a) { return afs_return_throw(cx, a, true); }

bool en_init_async_from_sync(EnContext *cx);
bool en_init_async_from_sync(EnContext *cx) {
    en_class_register(EN_CLASS_ASYNC_FROM_SYNC_ITERATOR, &afs_class);
    EnObject *aip = en_intrinsic(cx, EN_INTRINSIC_AsyncIteratorPrototype);
    EnObject *p = en_obj_new(cx, EN_CLASS_OBJECT, aip ? aip : en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!p) return false;
    cx->intrinsics[EN_INTRINSIC_AsyncFromSyncIteratorPrototype] = p;
    return en_define_method(cx, p, "next", afs_next, 1) &&
           en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_AsyncFromSyncIteratorPrototype), "return",
                            afs_return, 1) &&
           en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_AsyncFromSyncIteratorPrototype), "throw",
                            afs_throw, 1);
}
