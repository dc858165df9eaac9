// Iterator protocol abstract operations (ECMA-262 §7.4): GetIterator,
// IteratorStepValue, IteratorClose, CreateIterResultObject.
#include "objmodel_int.h"
#include "vm_int.h"

static bool iterator_from_method(EnContext *cx, EnValue obj, EnValue method, EnIteratorRecord *out) {
    EnValue it = en_call(cx, method, obj, 0, NULL);
    if (en_is_exception(it)) return false;
    if (!en_is_object(it)) return en_throw_type_error(cx, "Result of the Symbol.iterator method is not an object"), false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hi = en_handle(cx, it);
    EnValue next = en_get_atom(cx, it, EN_ATOM_next);
    en_handle_scope_close(&hs);
    if (en_is_exception(next)) return false;
    out->iterator = *hi;
    out->next_method = next;
    out->done = false;
    return true;
}

bool en_get_iterator(EnContext *cx, EnValue obj, bool async, EnIteratorRecord *out) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, obj);
    bool ok = false;
    EnValue m;
    if (async) {
        m = en_get(cx, obj, en_symbol_value(en_well_known_symbol(cx, EN_SYM_asyncIterator)));
        if (en_is_exception(m)) goto done;
        if (en_is_nullish(m)) {
            m = en_get(cx, *ho, en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator)));
            if (en_is_exception(m)) goto done;
            if (!en_is_callable(m)) {
                en_throw_type_error(cx, "object is not async iterable");
                goto done;
            }
            // CreateAsyncFromSyncIterator(GetIteratorFromMethod(obj, m)).
            en_handle(cx, m);
            EnIteratorRecord sync;
            if (!iterator_from_method(cx, *ho, m, &sync)) goto done;
            EnValue w = en_vm_async_from_sync(cx, sync.iterator, sync.next_method);
            if (en_is_exception(w)) goto done;
            EnValue *hw = en_handle(cx, w);
            EnValue nm = en_get_atom(cx, w, EN_ATOM_next);
            if (en_is_exception(nm)) goto done;
            out->iterator = *hw;
            out->next_method = nm;
            out->done = false;
            ok = true;
            goto done;
        }
    } else {
        m = en_get(cx, obj, en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator)));
        if (en_is_exception(m)) goto done;
    }
    if (!en_is_callable(m)) {
        en_throw_type_error(cx, async ? "object is not async iterable" : "object is not iterable");
        goto done;
    }
    en_handle(cx, m);
    ok = iterator_from_method(cx, *ho, m, out);
done:
    en_handle_scope_close(&hs);
    return ok;
}

bool en_iterator_step_value(EnContext *cx, EnIteratorRecord *it, EnValue *value, bool *done) {
    EnValue r = en_call(cx, it->next_method, it->iterator, 0, NULL);
    if (en_is_exception(r)) return it->done = true, false;
    if (!en_is_object(r)) {
        it->done = true;
        return en_throw_type_error(cx, "Iterator result is not an object"), false;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hr = en_handle(cx, r);
    EnValue d = en_get_atom(cx, r, EN_ATOM_done);
    bool ok = !en_is_exception(d);
    if (!ok) {
        it->done = true;
    } else if (en_to_boolean(d)) {
        it->done = true;
        *done = true;
        *value = EN_UNDEFINED;
    } else {
        EnValue v = en_get_atom(cx, *hr, EN_ATOM_value);
        if (en_is_exception(v)) {
            it->done = true;
            ok = false;
        } else {
            *done = false;
            *value = v;
        }
    }
    en_handle_scope_close(&hs);
    return ok;
}

bool en_iterator_close(EnContext *cx, EnIteratorRecord *it, bool throwing) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *saved = en_handle(cx, cx->exception);
    bool had = cx->has_exception;
    bool ok = true;
    EnValue ret = en_get_atom(cx, it->iterator, EN_ATOM_return_);
    if (en_is_exception(ret)) {
        ok = false;
    } else if (!en_is_nullish(ret)) {
        if (!en_is_callable(ret)) {
            en_throw_type_error(cx, "iterator.return is not a function");
            ok = false;
        } else {
            EnValue r = en_call(cx, ret, it->iterator, 0, NULL);
            if (en_is_exception(r)) ok = false;
            else if (!throwing && !en_is_object(r)) {
                en_throw_type_error(cx, "Iterator result is not an object");
                ok = false;
            }
        }
    }
    if (throwing && !cx->terminating) {
        // The original throw completion wins over anything return() did.
        cx->exception = *saved;
        cx->has_exception = had;
        ok = false;
    }
    en_handle_scope_close(&hs);
    return ok;
}

EnObject *en_create_iter_result(EnContext *cx, EnValue value, bool done) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, value);
    EnObject *o = en_obj_new_plain(cx);
    if (o) {
        EnValue *ho = en_handle(cx, en_object_value(o));
        if (!en_obj_add_property(cx, o, en_key_atom(en_atom(cx, EN_ATOM_value)), *hv, EN_PROP_DEFAULT) ||
            !en_obj_add_property(cx, en_as_object(*ho), en_key_atom(en_atom(cx, EN_ATOM_done)), en_bool(done),
                                 EN_PROP_DEFAULT))
            o = NULL;
        else
            o = en_as_object(*ho);
    }
    en_handle_scope_close(&hs);
    return o;
}
