// Builtin family "iterator": %IteratorPrototype%, %AsyncIteratorPrototype%,
// the Iterator constructor with Iterator.from, and the ES2025 iterator
// helpers. Lazy helpers (map, filter, take, drop, flatMap) are native
// objects of class ITERATOR_HELPER whose state machine replaces the
// spec's abstract closures: `state` plays the generator state
// (suspended-start / suspended-yield / running / completed).
#include <math.h>

#include "objmodel_int.h"

#define ARG(i) en_arg(a, i)

enum { HELPER_MAP, HELPER_FILTER, HELPER_TAKE, HELPER_DROP, HELPER_FLAT_MAP };
enum { ST_START, ST_YIELD, ST_RUNNING, ST_DONE };

typedef struct IterHelper {
    EnObject base;
    EnValue iterator, next_method;  // the underlying iterator record
    EnValue fn;                     // mapper / predicate
    EnValue inner, inner_next;      // flatMap's current inner iterator (undefined: none)
    double counter;                 // index passed to fn
    double limit;                   // take: remaining; drop: still to skip
    uint8_t kind, state;
} IterHelper;

typedef struct WrapIter {
    EnObject base;
    EnValue iterator, next_method;
} WrapIter;

static void helper_trace(EnGCTracer *t, EnObject *o) {
    IterHelper *h = (IterHelper *)o;
    en_gc_mark_value(t, h->iterator);
    en_gc_mark_value(t, h->next_method);
    en_gc_mark_value(t, h->fn);
    en_gc_mark_value(t, h->inner);
    en_gc_mark_value(t, h->inner_next);
}
static void wrap_trace(EnGCTracer *t, EnObject *o) {
    WrapIter *w = (WrapIter *)o;
    en_gc_mark_value(t, w->iterator);
    en_gc_mark_value(t, w->next_method);
}
static const EnClass helper_class = {"Iterator Helper", sizeof(IterHelper), NULL, helper_trace, NULL};
static const EnClass wrap_class = {"Iterator", sizeof(WrapIter), NULL, wrap_trace, NULL};

static EnValue iter_result(EnContext *cx, EnValue v, bool done) {
    EnObject *r = en_create_iter_result(cx, v, done);
    return r ? en_object_value(r) : EN_EXCEPTION;
}

// Closes `it` after a throw: keeps the pending exception.
static EnValue close_throw(EnContext *cx, EnValue iterator) {
    EnIteratorRecord rec = {iterator, EN_UNDEFINED, false};
    en_iterator_close(cx, &rec, true);
    return EN_EXCEPTION;
}

// GetIteratorDirect.
static bool iterator_direct(EnContext *cx, EnValue o, EnIteratorRecord *out) {
    EnValue next = en_get_atom(cx, o, EN_ATOM_next);
    if (en_is_exception(next)) return false;
    out->iterator = o;
    out->next_method = next;
    out->done = false;
    return true;
}

// GetIteratorFlattenable(obj, strings allowed?).
static bool iterator_flattenable(EnContext *cx, EnValue obj, bool allow_strings, EnIteratorRecord *out) {
    if (!en_is_object(obj) && !(allow_strings && en_is_string(obj)))
        return en_throw_type_error(cx, "value is not an object"), false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, obj);
    bool ok = false;
    EnValue m = en_get(cx, obj, en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator)));
    if (en_is_exception(m)) goto done;
    EnValue it = *ho;
    if (!en_is_nullish(m)) {
        if (!en_is_callable(m)) {
            en_throw_type_error(cx, "Symbol.iterator is not a function");
            goto done;
        }
        it = en_call(cx, m, *ho, 0, NULL);
        if (en_is_exception(it)) goto done;
    }
    if (!en_is_object(it)) {
        en_throw_type_error(cx, "iterator is not an object");
        goto done;
    }
    en_handle(cx, it);
    ok = iterator_direct(cx, it, out);
done:
    en_handle_scope_close(&hs);
    return ok;
}

// ---------------------------------------------------------------------------
// %IteratorPrototype% and the Iterator constructor.

static EnValue return_this(EnContext *cx, const EnArgs *a) {
    (void)cx;
    return a->this_val;
}

// %IteratorPrototype%[@@dispose] (explicit resource management).
static EnValue iterator_dispose(EnContext *cx, const EnArgs *a) {
    EnValue m = en_get_atom(cx, a->this_val, EN_ATOM_return_);
    if (en_is_exception(m)) return m;
    if (en_is_nullish(m)) return EN_UNDEFINED;
    if (!en_is_callable(m)) return en_throw_type_error(cx, "iterator.return is not a function");
    EnValue r = en_call(cx, m, a->this_val, 0, NULL);
    return en_is_exception(r) ? r : EN_UNDEFINED;
}

static EnValue iterator_ctor(EnContext *cx, const EnArgs *a) {
    if (en_is_undefined(a->new_target) || a->new_target == en_object_value(a->callee))
        return en_throw_type_error(cx, "Iterator is an abstract class");
    EnObject *proto;
    if (!en_proto_from_ctor(cx, a->new_target, EN_INTRINSIC_IteratorPrototype, &proto)) return EN_EXCEPTION;
    EnObject *o = en_obj_new(cx, EN_CLASS_OBJECT, proto, 4);
    return o ? en_object_value(o) : EN_EXCEPTION;
}

// SetterThatIgnoresPrototypeProperties.
static EnValue setter_ignoring_proto(EnContext *cx, EnValue this_val, EnKey k, EnValue v) {
    if (!en_is_object(this_val)) return en_throw_type_error(cx, "setter called on non-object");
    EnObject *home = en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype);
    if (en_as_object(this_val) == home) return en_throw_type_error(cx, "Cannot assign to this property of Iterator.prototype");
    EnPropDesc d;
    bool found;
    if (!en_obj_get_own_property(cx, en_as_object(this_val), k, &d, &found)) return EN_EXCEPTION;
    bool ok = found ? en_set(cx, this_val, k, v, true)
                    : en_create_data_property_or_throw(cx, en_as_object(this_val), k, v);
    return ok ? EN_UNDEFINED : EN_EXCEPTION;
}

static EnValue iter_proto_get_ctor(EnContext *cx, const EnArgs *a) {
    (void)a;
    return en_object_value(en_intrinsic(cx, EN_INTRINSIC_Iterator));
}
static EnValue iter_proto_set_ctor(EnContext *cx, const EnArgs *a) {
    return setter_ignoring_proto(cx, a->this_val, en_key_atom(en_atom(cx, EN_ATOM_constructor)), ARG(0));
}
static EnValue iter_proto_get_tag(EnContext *cx, const EnArgs *a) {
    (void)a;
    EnString *s = en_atom_from_cstr(cx, "Iterator");
    return s ? en_string_value(s) : EN_EXCEPTION;
}
static EnValue iter_proto_set_tag(EnContext *cx, const EnArgs *a) {
    return setter_ignoring_proto(cx, a->this_val, en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)),
                                 ARG(0));
}

// ---------------------------------------------------------------------------
// Lazy helpers.

static EnValue make_helper(EnContext *cx, const EnArgs *a, int kind) {
    EnValue o = a->this_val;
    if (!en_is_object(o)) return en_throw_type_error(cx, "Iterator helper called on non-object");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, o);
    EnValue res = EN_EXCEPTION;
    double limit = 0;
    if (kind == HELPER_TAKE || kind == HELPER_DROP) {
        double n;
        if (!en_to_number(cx, ARG(0), &n)) {
            close_throw(cx, *ho);
            goto done;
        }
        if (n != n) {
            en_throw_range_error(cx, "%s must be a number", kind == HELPER_TAKE ? "limit" : "count");
            close_throw(cx, *ho);
            goto done;
        }
        limit = isinf(n) ? n : trunc(n);
        // test262 (iterator-helpers, ES2025 errata): finite limits past
        // 2^53 - 1 are RangeErrors too.
        if (limit < 0 || (!isinf(limit) && limit > 9007199254740991.0)) {
            en_throw_range_error(cx, "%s must be positive", kind == HELPER_TAKE ? "limit" : "count");
            close_throw(cx, *ho);
            goto done;
        }
        limit += 0.0;
    } else if (!en_is_callable(ARG(0))) {
        en_throw_type_error(cx, "callback is not a function");
        close_throw(cx, *ho);
        goto done;
    }
    EnIteratorRecord rec;
    if (!iterator_direct(cx, *ho, &rec)) goto done;
    EnValue *hn = en_handle(cx, rec.next_method);
    EnObject *h = en_obj_new(cx, EN_CLASS_ITERATOR_HELPER, en_intrinsic(cx, EN_INTRINSIC_IteratorHelperPrototype), 0);
    if (!h) goto done;
    IterHelper *ih = (IterHelper *)h;
    ih->iterator = *ho;
    ih->next_method = *hn;
    ih->fn = (kind == HELPER_TAKE || kind == HELPER_DROP) ? EN_UNDEFINED : ARG(0);
    ih->inner = ih->inner_next = EN_UNDEFINED;
    ih->limit = limit;
    ih->kind = (uint8_t)kind;
    ih->state = ST_START;
    res = en_object_value(h);
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue iter_map(EnContext *cx, const EnArgs *a) { return make_helper(cx, a, HELPER_MAP); }
static EnValue iter_filter(EnContext *cx, const EnArgs *a) { return make_helper(cx, a, HELPER_FILTER); }
static EnValue iter_take(EnContext *cx, const EnArgs *a) { return make_helper(cx, a, HELPER_TAKE); }
static EnValue iter_drop(EnContext *cx, const EnArgs *a) { return make_helper(cx, a, HELPER_DROP); }
static EnValue iter_flat_map(EnContext *cx, const EnArgs *a) { return make_helper(cx, a, HELPER_FLAT_MAP); }

// One step of the helper's closure; *done at completion. hh is rooted.
static bool helper_step(EnContext *cx, EnValue *hh, EnValue *out, bool *done) {
    IterHelper *h = (IterHelper *)en_as_object(*hh);
    EnIteratorRecord rec = {h->iterator, h->next_method, false};
    EnValue v;
    bool fin;
    *done = false;
    switch (h->kind) {
    case HELPER_DROP:
        while (h->limit > 0) {
            if (!isinf(h->limit)) h->limit--;
            if (!en_iterator_step_value(cx, &rec, &v, &fin)) return false;
            h = (IterHelper *)en_as_object(*hh);
            if (fin) return *done = true, true;
        }
        __attribute__((fallthrough));  // then yield the rest
    case HELPER_TAKE:
        if (h->kind == HELPER_TAKE) {
            if (h->limit == 0) {
                *done = true;
                return en_iterator_close(cx, &rec, false);
            }
            if (!isinf(h->limit)) h->limit--;
        }
        if (!en_iterator_step_value(cx, &rec, &v, &fin)) return false;
        if (fin) return *done = true, true;
        *out = v;
        return true;
    case HELPER_MAP:
    case HELPER_FILTER:
        for (;;) {
            if (!en_iterator_step_value(cx, &rec, &v, &fin)) return false;
            if (fin) return *done = true, true;
            EnHandleScope hs;
            en_handle_scope_open(cx, &hs);
            h = (IterHelper *)en_as_object(*hh);
            EnValue *args = en_handle(cx, v);
            en_handle(cx, en_number(h->counter));
            EnValue r = en_call(cx, h->fn, EN_UNDEFINED, 2, args);
            v = *args;
            en_handle_scope_close(&hs);
            h = (IterHelper *)en_as_object(*hh);
            if (en_is_exception(r)) return close_throw(cx, h->iterator), false;
            h->counter++;
            if (h->kind == HELPER_MAP) return *out = r, true;
            if (en_to_boolean(r)) return *out = v, true;
        }
    case HELPER_FLAT_MAP:
        for (;;) {
            h = (IterHelper *)en_as_object(*hh);
            if (!en_is_undefined(h->inner)) {
                EnIteratorRecord in = {h->inner, h->inner_next, false};
                if (!en_iterator_step_value(cx, &in, &v, &fin)) {
                    return close_throw(cx, ((IterHelper *)en_as_object(*hh))->iterator), false;
                }
                h = (IterHelper *)en_as_object(*hh);
                if (!fin) return *out = v, true;
                h->inner = h->inner_next = EN_UNDEFINED;
                continue;
            }
            if (!en_iterator_step_value(cx, &rec, &v, &fin)) return false;
            if (fin) return *done = true, true;
            EnHandleScope hs;
            en_handle_scope_open(cx, &hs);
            h = (IterHelper *)en_as_object(*hh);
            EnValue *args = en_handle(cx, v);
            en_handle(cx, en_number(h->counter));
            EnValue r = en_call(cx, h->fn, EN_UNDEFINED, 2, args);
            EnIteratorRecord in;
            bool ok = !en_is_exception(r) && iterator_flattenable(cx, r, false, &in);
            en_handle_scope_close(&hs);
            h = (IterHelper *)en_as_object(*hh);
            if (!ok) return close_throw(cx, h->iterator), false;
            h->inner = in.iterator;
            h->inner_next = in.next_method;
            h->counter++;
        }
    }
    return *done = true, true;
}

static bool this_helper(EnContext *cx, EnValue t, IterHelper **out) {
    if (!en_is_object(t) || en_obj_class(en_as_object(t)) != EN_CLASS_ITERATOR_HELPER)
        return en_throw_type_error(cx, "not an Iterator Helper object"), false;
    *out = (IterHelper *)en_as_object(t);
    return true;
}

static EnValue helper_next(EnContext *cx, const EnArgs *a) {
    IterHelper *h;
    if (!this_helper(cx, a->this_val, &h)) return EN_EXCEPTION;
    if (h->state == ST_RUNNING) return en_throw_type_error(cx, "Iterator Helper is already running");
    if (h->state == ST_DONE) return iter_result(cx, EN_UNDEFINED, true);
    h->state = ST_RUNNING;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hh = en_handle(cx, a->this_val);
    EnValue v = EN_UNDEFINED;
    bool done;
    bool ok = helper_step(cx, hh, &v, &done);
    h = (IterHelper *)en_as_object(*hh);
    h->state = (!ok || done) ? ST_DONE : ST_YIELD;
    EnValue r = ok ? iter_result(cx, done ? EN_UNDEFINED : v, done) : EN_EXCEPTION;
    en_handle_scope_close(&hs);
    return r;
}

static EnValue helper_return(EnContext *cx, const EnArgs *a) {
    IterHelper *h;
    if (!this_helper(cx, a->this_val, &h)) return EN_EXCEPTION;
    if (h->state == ST_RUNNING) return en_throw_type_error(cx, "Iterator Helper is already running");
    if (h->state == ST_DONE) return iter_result(cx, EN_UNDEFINED, true);
    h->state = ST_DONE;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hh = en_handle(cx, a->this_val);
    bool ok = true;
    if (!en_is_undefined(h->inner)) {
        EnIteratorRecord in = {h->inner, h->inner_next, false};
        ok = en_iterator_close(cx, &in, false);
        h = (IterHelper *)en_as_object(*hh);
        if (!ok) close_throw(cx, h->iterator);
    }
    if (ok) {
        EnIteratorRecord rec = {h->iterator, h->next_method, false};
        ok = en_iterator_close(cx, &rec, false);
    }
    EnValue r = ok ? iter_result(cx, EN_UNDEFINED, true) : EN_EXCEPTION;
    en_handle_scope_close(&hs);
    return r;
}

// ---------------------------------------------------------------------------
// Eager helpers.

enum { EAGER_REDUCE, EAGER_TO_ARRAY, EAGER_FOR_EACH, EAGER_SOME, EAGER_EVERY, EAGER_FIND };

static EnValue eager(EnContext *cx, const EnArgs *a, int kind) {
    EnValue o = a->this_val;
    if (!en_is_object(o)) return en_throw_type_error(cx, "Iterator method called on non-object");
    if (kind != EAGER_TO_ARRAY && !en_is_callable(ARG(0))) {
        en_throw_type_error(cx, "callback is not a function");
        return close_throw(cx, o);
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, o);
    EnValue res = EN_EXCEPTION;
    EnIteratorRecord rec;
    if (!iterator_direct(cx, *ho, &rec)) goto done;
    en_handle(cx, rec.next_method);
    EnValue *acc = en_handle(cx, EN_UNDEFINED);
    double counter = 0;
    bool have_acc = true;
    if (kind == EAGER_REDUCE) {
        if (a->argc < 2) {
            EnValue v;
            bool fin;
            if (!en_iterator_step_value(cx, &rec, &v, &fin)) goto done;
            if (fin) {
                en_throw_type_error(cx, "Reduce of empty iterator with no initial value");
                goto done;
            }
            *acc = v;
            counter = 1;
        } else {
            *acc = ARG(1);
        }
    } else if (kind == EAGER_TO_ARRAY) {
        EnObject *arr = en_array_new(cx, 0);
        if (!arr) goto done;
        *acc = en_object_value(arr);
    }
    (void)have_acc;
    for (;; counter++) {
        EnValue v;
        bool fin;
        if (!en_iterator_step_value(cx, &rec, &v, &fin)) goto done;
        if (fin) break;
        if (kind == EAGER_TO_ARRAY) {
            if (!en_array_push(cx, en_as_object(*acc), v)) goto done;
            continue;
        }
        EnHandleScope inner;
        en_handle_scope_open(cx, &inner);
        EnValue r;
        if (kind == EAGER_REDUCE) {
            EnValue *args = en_handle(cx, *acc);
            en_handle(cx, v);
            en_handle(cx, en_number(counter));
            r = en_call(cx, ARG(0), EN_UNDEFINED, 3, args);
        } else {
            EnValue *args = en_handle(cx, v);
            en_handle(cx, en_number(counter));
            r = en_call(cx, ARG(0), EN_UNDEFINED, 2, args);
            v = *args;
        }
        en_handle_scope_close(&inner);
        if (en_is_exception(r)) {
            close_throw(cx, *ho);
            goto done;
        }
        bool t = en_to_boolean(r);
        bool stop = (kind == EAGER_SOME && t) || (kind == EAGER_EVERY && !t) || (kind == EAGER_FIND && t);
        if (kind == EAGER_REDUCE) *acc = r;
        if (stop) {
            *acc = kind == EAGER_SOME ? EN_TRUE : kind == EAGER_EVERY ? EN_FALSE : v;
            EnIteratorRecord close = {*ho, EN_UNDEFINED, false};
            if (en_iterator_close(cx, &close, false)) res = *acc;
            goto done;
        }
    }
    switch (kind) {
    case EAGER_REDUCE:
    case EAGER_TO_ARRAY: res = *acc; break;
    case EAGER_FOR_EACH:
    case EAGER_FIND: res = EN_UNDEFINED; break;
    case EAGER_SOME: res = EN_FALSE; break;
    default: res = EN_TRUE; break;
    }
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue iter_reduce(EnContext *cx, const EnArgs *a) { return eager(cx, a, EAGER_REDUCE); }
static EnValue iter_to_array(EnContext *cx, const EnArgs *a) { return eager(cx, a, EAGER_TO_ARRAY); }
static EnValue iter_for_each(EnContext *cx, const EnArgs *a) { return eager(cx, a, EAGER_FOR_EACH); }
static EnValue iter_some(EnContext *cx, const EnArgs *a) { return eager(cx, a, EAGER_SOME); }
static EnValue iter_every(EnContext *cx, const EnArgs *a) { return eager(cx, a, EAGER_EVERY); }
static EnValue iter_find(EnContext *cx, const EnArgs *a) { return eager(cx, a, EAGER_FIND); }

// ---------------------------------------------------------------------------
// Iterator.from and %WrapForValidIteratorPrototype%.

static EnValue iterator_from(EnContext *cx, const EnArgs *a) {
    EnIteratorRecord rec;
    if (!iterator_flattenable(cx, ARG(0), true, &rec)) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hi = en_handle(cx, rec.iterator), *hn = en_handle(cx, rec.next_method);
    EnValue res = EN_EXCEPTION;
    bool inst;
    if (!en_ordinary_has_instance(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_Iterator)), *hi, &inst)) goto done;
    if (inst) {
        res = *hi;
        goto done;
    }
    EnObject *w = en_obj_new(cx, EN_CLASS_WRAP_FOR_VALID_ITERATOR,
                             en_intrinsic(cx, EN_INTRINSIC_WrapForValidIteratorPrototype), 0);
    if (!w) goto done;
    ((WrapIter *)w)->iterator = *hi;
    ((WrapIter *)w)->next_method = *hn;
    res = en_object_value(w);
done:
    en_handle_scope_close(&hs);
    return res;
}

static bool this_wrap(EnContext *cx, EnValue t, WrapIter **out) {
    if (!en_is_object(t) || en_obj_class(en_as_object(t)) != EN_CLASS_WRAP_FOR_VALID_ITERATOR)
        return en_throw_type_error(cx, "not a wrapped iterator"), false;
    *out = (WrapIter *)en_as_object(t);
    return true;
}

static EnValue wrap_next(EnContext *cx, const EnArgs *a) {
    WrapIter *w;
    if (!this_wrap(cx, a->this_val, &w)) return EN_EXCEPTION;
    return en_call(cx, w->next_method, w->iterator, 0, NULL);
}

static EnValue wrap_return(EnContext *cx, const EnArgs *a) {
    WrapIter *w;
    if (!this_wrap(cx, a->this_val, &w)) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hi = en_handle(cx, w->iterator);
    EnValue res = EN_EXCEPTION;
    EnValue m = en_get_atom(cx, *hi, EN_ATOM_return_);
    if (en_is_exception(m)) goto done;
    if (en_is_nullish(m)) {
        res = iter_result(cx, EN_UNDEFINED, true);
        goto done;
    }
    if (!en_is_callable(m)) {
        en_throw_type_error(cx, "iterator.return is not a function");
        goto done;
    }
    res = en_call(cx, m, *hi, 0, NULL);
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------

typedef struct Method {
    const char *name;
    EnNativeFn fn;
    uint32_t length;
} Method;

static bool define_methods(EnContext *cx, EnIntrinsic target, const Method *m, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!en_define_method(cx, en_intrinsic(cx, target), m[i].name, m[i].fn, m[i].length)) return false;
    return true;
}

static bool define_tag(EnContext *cx, EnIntrinsic target, const char *tag) {
    EnString *s = en_str_from_cstr(cx, tag);
    return s && en_define_value(cx, en_intrinsic(cx, target),
                                en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)), en_string_value(s),
                                EN_PROP_CONFIGURABLE);
}

bool en_init_iterator(EnContext *cx) {
    en_class_register(EN_CLASS_ITERATOR_HELPER, &helper_class);
    en_class_register(EN_CLASS_WRAP_FOR_VALID_ITERATOR, &wrap_class);
    EnObject *op = en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype);
    EnObject *ip = en_obj_new(cx, EN_CLASS_OBJECT, op, 4);
    if (!ip) return false;
    cx->intrinsics[EN_INTRINSIC_IteratorPrototype] = ip;
    if (!en_define_method_sym(cx, ip, EN_SYM_iterator, "[Symbol.iterator]", return_this, 0) ||
        !en_define_method_sym(cx, en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype), EN_SYM_dispose,
                              "[Symbol.dispose]", iterator_dispose, 0))
        return false;
    if (!en_define_class(cx, "Iterator", iterator_ctor, 0, en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype),
                         EN_INTRINSIC_Iterator, EN_INTRINSIC_IteratorPrototype))
        return false;
    // ES2025: `constructor` and @@toStringTag are accessors on Iterator.prototype.
    ip = en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype);
    if (!en_define_getter(cx, ip, en_key_atom(en_atom(cx, EN_ATOM_constructor)), iter_proto_get_ctor,
                          iter_proto_set_ctor) ||
        !en_define_getter(cx, en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype),
                          en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)), iter_proto_get_tag,
                          iter_proto_set_tag))
        return false;
    static const Method proto_methods[] = {
        {"map", iter_map, 1},         {"filter", iter_filter, 1},   {"take", iter_take, 1},
        {"drop", iter_drop, 1},       {"flatMap", iter_flat_map, 1}, {"reduce", iter_reduce, 1},
        {"toArray", iter_to_array, 0}, {"forEach", iter_for_each, 1}, {"some", iter_some, 1},
        {"every", iter_every, 1},     {"find", iter_find, 1},
    };
    if (!define_methods(cx, EN_INTRINSIC_IteratorPrototype, proto_methods, sizeof proto_methods / sizeof *proto_methods))
        return false;
    if (!en_define_method(cx, en_intrinsic(cx, EN_INTRINSIC_Iterator), "from", iterator_from, 1)) return false;

    EnObject *hp = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype), 4);
    if (!hp) return false;
    cx->intrinsics[EN_INTRINSIC_IteratorHelperPrototype] = hp;
    static const Method helper_methods[] = {{"next", helper_next, 0}, {"return", helper_return, 0}};
    if (!define_methods(cx, EN_INTRINSIC_IteratorHelperPrototype, helper_methods, 2) ||
        !define_tag(cx, EN_INTRINSIC_IteratorHelperPrototype, "Iterator Helper"))
        return false;

    EnObject *wp = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype), 4);
    if (!wp) return false;
    cx->intrinsics[EN_INTRINSIC_WrapForValidIteratorPrototype] = wp;
    static const Method wrap_methods[] = {{"next", wrap_next, 0}, {"return", wrap_return, 0}};
    if (!define_methods(cx, EN_INTRINSIC_WrapForValidIteratorPrototype, wrap_methods, 2)) return false;

    EnObject *aip = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!aip) return false;
    cx->intrinsics[EN_INTRINSIC_AsyncIteratorPrototype] = aip;
    return en_define_method_sym(cx, aip, EN_SYM_asyncIterator, "[Symbol.asyncIterator]", return_this, 0) != NULL;
}
