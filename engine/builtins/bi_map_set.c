// Builtin family "map_set": Map, Set, their iterators, Map.groupBy and the
// ES2025 Set methods (ES2025 §24.1, §24.2).
//
// Map and Set objects are EnCollection (hashmap_int.h): the ordered
// SameValueZero table lives in C memory freed by the class finalizer.
// Iterators and forEach walk the table with registered cursors, so entries
// added during iteration are visited and deleted ones skipped even when the
// table rehashes underneath.
#include "../hashmap_int.h"
#include "bi_array_int.h"

#define ARG(i) en_arg(a, i)

// ---------------------------------------------------------------------------
// Classes.

static void coll_sweep(EnRuntime *rt, void *table) {
    (void)rt;
    en_hm_sweep_cursors(&((EnCollection *)table)->hm);
}
static const EnWeakCallbacks coll_cursor_cb = {NULL, coll_sweep};

static void coll_trace(EnGCTracer *t, EnObject *o) {
    EnCollection *c = (EnCollection *)o;
    en_hm_trace(t, &c->hm);
    // Iterator cursors are weak: drop those of dead iterators after marking.
    if (c->hm.ncursors) en_gc_add_ephemeron_table(t, c, &coll_cursor_cb);
}
static void coll_finalize(EnRuntime *rt, EnObject *o) {
    (void)rt;
    en_hm_free(&((EnCollection *)o)->hm);
}
static const EnClass map_class = {"Map", sizeof(EnCollection), NULL, coll_trace, coll_finalize};
static const EnClass set_class = {"Set", sizeof(EnCollection), NULL, coll_trace, coll_finalize};

typedef struct CollIter {
    EnObject base;
    EnValue target;  // the Map / Set, undefined once exhausted
    uint32_t pos;    // cursor registered in the target's table while live
    uint32_t kind;   // ITER_KEYS / ITER_VALUES / ITER_ENTRIES
} CollIter;
enum { ITER_KEYS, ITER_VALUES, ITER_ENTRIES };

static void iter_trace(EnGCTracer *t, EnObject *o) { en_gc_mark_value(t, ((CollIter *)o)->target); }
static const EnClass map_iter_class = {"Map Iterator", sizeof(CollIter), NULL, iter_trace, NULL};
static const EnClass set_iter_class = {"Set Iterator", sizeof(CollIter), NULL, iter_trace, NULL};

static inline bool is_class(EnValue v, EnClassId cls) {
    return en_is_object(v) && en_obj_class(en_as_object(v)) == cls;
}

static EnCollection *this_coll(EnContext *cx, EnValue v, EnClassId cls, const char *method) {
    if (is_class(v, cls)) return (EnCollection *)en_as_object(v);
    en_throw_type_error(cx, "%s.prototype.%s called on incompatible receiver",
                        cls == EN_CLASS_MAP ? "Map" : "Set", method);
    return NULL;
}

// Creates an empty Map/Set with prototype `proto`.
static EnCollection *coll_new(EnContext *cx, EnClassId cls, EnObject *proto) {
    EnCollection *c = (EnCollection *)en_obj_new(cx, cls, proto, 0);
    if (c) en_hm_init(&c->hm);
    return c;
}

// Canonical key of argument v (flattens ropes: may collect; v is rooted by
// the caller, the result is used before the next allocation).
static bool canon(EnContext *cx, EnValue *key) { return en_hm_key_fast(key) || en_hm_key(cx, key); }

static EnValue return_this(EnContext *cx, const EnArgs *a) {
    (void)cx;
    return a->this_val;
}

// ---------------------------------------------------------------------------
// Constructors (AddEntriesFromIterable and the Set analogue).

EnValue en_coll_construct(EnContext *cx, const EnArgs *a, EnClassId cls) {
    bool is_map = cls == EN_CLASS_MAP || cls == EN_CLASS_WEAKMAP;
    const char *name = cls == EN_CLASS_MAP ? "Map" : cls == EN_CLASS_SET ? "Set" : is_map ? "WeakMap" : "WeakSet";
    EnIntrinsic pid = cls == EN_CLASS_MAP ? EN_INTRINSIC_MapPrototype
                      : cls == EN_CLASS_SET ? EN_INTRINSIC_SetPrototype
                      : is_map ? EN_INTRINSIC_WeakMapPrototype : EN_INTRINSIC_WeakSetPrototype;
    if (en_is_undefined(a->new_target)) return en_throw_type_error(cx, "Constructor %s requires 'new'", name);
    EnObject *proto;
    if (!en_proto_from_ctor(cx, a->new_target, pid, &proto)) return EN_EXCEPTION;
    EnCollection *c = coll_new(cx, cls, proto);
    if (!c) return EN_EXCEPTION;
    EnValue iterable = ARG(0);
    if (en_is_nullish(iterable)) return en_object_value(&c->base);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *h = en_arr_handles(cx, 6);  // coll, adder, iterator, next, k, v
    h[0] = en_object_value(&c->base);
    h[1] = en_get_atom(cx, h[0], is_map ? EN_ATOM_set : EN_ATOM_add);
    if (h[1] == EN_EXCEPTION) goto done;
    if (!en_is_callable(h[1])) {
        en_throw_type_error(cx, "'%s' returned for property '%s' of object '#<%s>' is not callable",
                            en_is_undefined(h[1]) ? "undefined" : "value", is_map ? "set" : "add", name);
        goto done;
    }
    EnIteratorRecord it;
    if (!en_get_iterator(cx, iterable, false, &it)) goto done;
    h[2] = it.iterator;
    h[3] = it.next_method;
    for (;;) {
        EnValue v;
        bool fin;
        it.iterator = h[2];
        it.next_method = h[3];
        if (!en_iterator_step_value(cx, &it, &v, &fin)) goto done;
        if (fin) break;
        h[4] = v;
        if (is_map) {
            if (!en_is_object(v)) {
                en_throw_type_error(cx, "Iterator value is not an entry object");
                goto close;
            }
            h[4] = en_get_index(cx, v, 0);
            if (h[4] == EN_EXCEPTION) goto close;
            h[5] = en_get_index(cx, v, 1);
            if (h[5] == EN_EXCEPTION) goto close;
        }
        if (en_call(cx, h[1], h[0], is_map ? 2 : 1, &h[4]) == EN_EXCEPTION) goto close;
    }
    res = h[0];
    goto done;
close:
    it.iterator = h[2];
    it.next_method = h[3];
    it.done = false;
    en_iterator_close(cx, &it, true);
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue map_ctor(EnContext *cx, const EnArgs *a) { return en_coll_construct(cx, a, EN_CLASS_MAP); }
static EnValue set_ctor(EnContext *cx, const EnArgs *a) { return en_coll_construct(cx, a, EN_CLASS_SET); }

// ---------------------------------------------------------------------------
// Map.groupBy (GroupBy with key coercion "zero").

static EnValue map_group_by(EnContext *cx, const EnArgs *a) {
    EnValue items = ARG(0), cb = ARG(1);
    if (en_is_nullish(items)) return en_throw_type_error(cx, "Map.groupBy called on null or undefined");
    if (!en_is_callable(cb)) return en_throw_type_error(cx, "Map.groupBy: callback is not a function");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *h = en_arr_handles(cx, 6);  // map, iterator, next, value, index, key
    EnCollection *m = coll_new(cx, EN_CLASS_MAP, en_intrinsic(cx, EN_INTRINSIC_MapPrototype));
    if (!m) goto done;
    h[0] = en_object_value(&m->base);
    EnIteratorRecord it;
    if (!en_get_iterator(cx, items, false, &it)) goto done;
    h[1] = it.iterator;
    h[2] = it.next_method;
    for (double k = 0;; k++) {
        it.iterator = h[1];
        it.next_method = h[2];
        if (k >= EN_ARR_MAX_SAFE) {
            en_throw_type_error(cx, "Map.groupBy: too many elements");
            goto close;
        }
        EnValue v;
        bool fin;
        if (!en_iterator_step_value(cx, &it, &v, &fin)) goto done;
        if (fin) break;
        h[3] = v;
        h[4] = en_number(k);
        EnValue key = en_call(cx, cb, EN_UNDEFINED, 2, &h[3]);
        if (key == EN_EXCEPTION) goto close;
        h[5] = key;
        if (!canon(cx, &h[5])) goto done;
        m = (EnCollection *)en_as_object(h[0]);
        EnHmEntry *e = en_hm_find(&m->hm, h[5]);
        if (e) {
            if (!en_array_push(cx, en_as_object(e->value), h[3])) goto done;
            continue;
        }
        EnObject *arr = en_array_from_values(cx, &h[3], 1);
        if (!arr) goto done;
        m = (EnCollection *)en_as_object(h[0]);
        en_hm_set(&m->hm, h[5], en_object_value(arr));
    }
    res = h[0];
    goto done;
close:
    it.iterator = h[1];
    it.next_method = h[2];
    it.done = false;
    en_iterator_close(cx, &it, true);
done:
    en_handle_scope_close(&hs);
    return res;
}

// ---------------------------------------------------------------------------
// Shared prototype methods.

static EnValue coll_clear(EnContext *cx, const EnArgs *a, EnClassId cls) {
    EnCollection *c = this_coll(cx, a->this_val, cls, "clear");
    if (!c) return EN_EXCEPTION;
    en_hm_clear(&c->hm);
    return EN_UNDEFINED;
}

static EnValue coll_delete(EnContext *cx, const EnArgs *a, EnClassId cls) {
    EnCollection *c = this_coll(cx, a->this_val, cls, "delete");
    if (!c) return EN_EXCEPTION;
    EnValue k = ARG(0);
    if (!canon(cx, &k)) return EN_EXCEPTION;
    return en_bool(en_hm_delete(&c->hm, k));
}

static EnValue coll_has(EnContext *cx, const EnArgs *a, EnClassId cls) {
    EnCollection *c = this_coll(cx, a->this_val, cls, "has");
    if (!c) return EN_EXCEPTION;
    EnValue k = ARG(0);
    if (!canon(cx, &k)) return EN_EXCEPTION;
    return en_bool(en_hm_find(&c->hm, k) != NULL);
}

static EnValue coll_size(EnContext *cx, const EnArgs *a, EnClassId cls) {
    EnCollection *c = this_coll(cx, a->this_val, cls, "size");
    if (!c) return EN_EXCEPTION;
    return en_number((double)c->hm.live);
}

static EnValue coll_for_each(EnContext *cx, const EnArgs *a, EnClassId cls) {
    EnCollection *c = this_coll(cx, a->this_val, cls, "forEach");
    if (!c) return EN_EXCEPTION;
    EnValue cb = ARG(0), this_arg = ARG(1);
    if (!en_is_callable(cb)) return en_throw_type_error(cx, "%s.prototype.forEach: callback is not a function",
                                                        cls == EN_CLASS_MAP ? "Map" : "Set");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *h = en_arr_handles(cx, 3);
    EnValue res = EN_UNDEFINED;
    uint32_t pos = 0;
    // c is this_val (rooted by the VM) and never moves.
    en_hm_cursor_add(&c->hm, NULL, &pos);
    EnHmEntry *e;
    while ((e = en_hm_next(&c->hm, &pos)) != NULL) {
        h[0] = cls == EN_CLASS_MAP ? e->value : e->key;
        h[1] = e->key;
        h[2] = a->this_val;
        if (en_call(cx, cb, this_arg, 3, h) == EN_EXCEPTION) {
            res = EN_EXCEPTION;
            break;
        }
    }
    en_hm_cursor_remove(&c->hm, &pos);
    en_handle_scope_close(&hs);
    return res;
}

static EnValue iter_new(EnContext *cx, EnValue target, EnClassId cls, uint32_t kind) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ht = en_handle(cx, target);
    bool map = cls == EN_CLASS_MAP;
    EnObject *o = en_obj_new(cx, map ? EN_CLASS_MAP_ITERATOR : EN_CLASS_SET_ITERATOR,
                             en_intrinsic(cx, map ? EN_INTRINSIC_MapIteratorPrototype
                                                  : EN_INTRINSIC_SetIteratorPrototype),
                             0);
    EnValue r = EN_EXCEPTION;
    if (o) {
        CollIter *it = (CollIter *)o;
        en_store(cx, o, &it->target, *ht);
        it->pos = 0;
        it->kind = kind;
        en_hm_cursor_add(&((EnCollection *)en_as_object(*ht))->hm, o, &it->pos);
        r = en_object_value(o);
    }
    en_handle_scope_close(&hs);
    return r;
}

static EnValue coll_iter(EnContext *cx, const EnArgs *a, EnClassId cls, uint32_t kind, const char *name) {
    if (!this_coll(cx, a->this_val, cls, name)) return EN_EXCEPTION;
    return iter_new(cx, a->this_val, cls, kind);
}

static EnValue iter_result(EnContext *cx, EnValue v, bool done) {
    EnObject *r = en_create_iter_result(cx, v, done);
    return r ? en_object_value(r) : EN_EXCEPTION;
}

static EnValue iter_next(EnContext *cx, const EnArgs *a, EnClassId icls) {
    EnValue t = a->this_val;
    if (!is_class(t, icls))
        return en_throw_type_error(cx, "%s Iterator.prototype.next called on incompatible receiver",
                                   icls == EN_CLASS_MAP_ITERATOR ? "Map" : "Set");
    CollIter *it = (CollIter *)en_as_object(t);
    if (en_is_undefined(it->target)) return iter_result(cx, EN_UNDEFINED, true);
    EnCollection *c = (EnCollection *)en_as_object(it->target);
    EnHmEntry *e = en_hm_next(&c->hm, &it->pos);
    if (!e) {
        en_hm_cursor_remove(&c->hm, &it->pos);
        it->target = EN_UNDEFINED;
        return iter_result(cx, EN_UNDEFINED, true);
    }
    // A Set's entries are [v, v]; its keys and values are both v.
    EnValue val = icls == EN_CLASS_SET_ITERATOR ? e->key : e->value;
    if (it->kind == ITER_KEYS) return iter_result(cx, e->key, false);
    if (it->kind == ITER_VALUES) return iter_result(cx, val, false);
    EnValue pair[2] = {e->key, val};
    // The entry's key and value stay reachable from the collection (rooted
    // through the iterator, this_val) while the pair array is allocated.
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_arr_handles(cx, 2);
    hp[0] = pair[0];
    hp[1] = pair[1];
    EnObject *arr = en_array_from_values(cx, hp, 2);
    EnValue r = arr ? iter_result(cx, en_object_value(arr), false) : EN_EXCEPTION;
    en_handle_scope_close(&hs);
    return r;
}

// ---------------------------------------------------------------------------
// Map.prototype.

static EnValue map_get(EnContext *cx, const EnArgs *a) {
    EnCollection *c = this_coll(cx, a->this_val, EN_CLASS_MAP, "get");
    if (!c) return EN_EXCEPTION;
    EnValue k = ARG(0);
    if (!canon(cx, &k)) return EN_EXCEPTION;
    EnHmEntry *e = en_hm_find(&c->hm, k);
    return e ? e->value : EN_UNDEFINED;
}

static EnValue map_set(EnContext *cx, const EnArgs *a) {
    EnCollection *c = this_coll(cx, a->this_val, EN_CLASS_MAP, "set");
    if (!c) return EN_EXCEPTION;
    EnValue k = ARG(0);
    if (!canon(cx, &k)) return EN_EXCEPTION;
    en_hm_set(&c->hm, k, ARG(1));
    return a->this_val;
}

static EnValue map_clear(EnContext *cx, const EnArgs *a) { return coll_clear(cx, a, EN_CLASS_MAP); }
static EnValue map_delete(EnContext *cx, const EnArgs *a) { return coll_delete(cx, a, EN_CLASS_MAP); }
static EnValue map_has(EnContext *cx, const EnArgs *a) { return coll_has(cx, a, EN_CLASS_MAP); }
static EnValue map_size(EnContext *cx, const EnArgs *a) { return coll_size(cx, a, EN_CLASS_MAP); }
static EnValue map_for_each(EnContext *cx, const EnArgs *a) { return coll_for_each(cx, a, EN_CLASS_MAP); }
static EnValue map_keys(EnContext *cx, const EnArgs *a) { return coll_iter(cx, a, EN_CLASS_MAP, ITER_KEYS, "keys"); }
static EnValue map_values(EnContext *cx, const EnArgs *a) {
    return coll_iter(cx, a, EN_CLASS_MAP, ITER_VALUES, "values");
}
static EnValue map_entries(EnContext *cx, const EnArgs *a) {
    return coll_iter(cx, a, EN_CLASS_MAP, ITER_ENTRIES, "entries");
}
static EnValue map_iter_next(EnContext *cx, const EnArgs *a) { return iter_next(cx, a, EN_CLASS_MAP_ITERATOR); }

// ---------------------------------------------------------------------------
// Set.prototype.

static EnValue set_add(EnContext *cx, const EnArgs *a) {
    EnCollection *c = this_coll(cx, a->this_val, EN_CLASS_SET, "add");
    if (!c) return EN_EXCEPTION;
    EnValue k = ARG(0);
    if (!canon(cx, &k)) return EN_EXCEPTION;
    if (!en_hm_find(&c->hm, k)) en_hm_set(&c->hm, k, EN_UNDEFINED);
    return a->this_val;
}

static EnValue set_clear(EnContext *cx, const EnArgs *a) { return coll_clear(cx, a, EN_CLASS_SET); }
static EnValue set_delete(EnContext *cx, const EnArgs *a) { return coll_delete(cx, a, EN_CLASS_SET); }
static EnValue set_has(EnContext *cx, const EnArgs *a) { return coll_has(cx, a, EN_CLASS_SET); }
static EnValue set_size(EnContext *cx, const EnArgs *a) { return coll_size(cx, a, EN_CLASS_SET); }
static EnValue set_for_each(EnContext *cx, const EnArgs *a) { return coll_for_each(cx, a, EN_CLASS_SET); }
static EnValue set_values(EnContext *cx, const EnArgs *a) {
    return coll_iter(cx, a, EN_CLASS_SET, ITER_VALUES, "values");
}
static EnValue set_entries(EnContext *cx, const EnArgs *a) {
    return coll_iter(cx, a, EN_CLASS_SET, ITER_ENTRIES, "entries");
}
static EnValue set_iter_next(EnContext *cx, const EnArgs *a) { return iter_next(cx, a, EN_CLASS_SET_ITERATOR); }

// ---------------------------------------------------------------------------
// Set methods (ES2025 §24.2.4): GetSetRecord, GetKeysIterator.

typedef struct SetRecord {
    double size;
    // handles: [0] set object, [1] has, [2] keys, [3] keys iterator, [4] its next
    EnValue *h;
} SetRecord;

static bool get_set_record(EnContext *cx, EnValue obj, SetRecord *r) {
    r->h = en_arr_handles(cx, 5);
    if (!en_is_object(obj)) {
        en_throw_type_error(cx, "set-like argument is not an object");
        return false;
    }
    r->h[0] = obj;
    EnValue raw = en_get_atom(cx, obj, EN_ATOM_size);
    if (raw == EN_EXCEPTION) return false;
    double num;
    if (!en_to_number(cx, raw, &num)) return false;
    if (num != num) {
        en_throw_type_error(cx, "set-like 'size' is NaN");
        return false;
    }
    double sz;
    if (!en_to_integer_or_infinity(cx, en_number(num), &sz)) return false;
    if (sz < 0) {
        en_throw_range_error(cx, "set-like 'size' is negative");
        return false;
    }
    r->size = sz;
    r->h[1] = en_get_atom(cx, r->h[0], EN_ATOM_has);
    if (r->h[1] == EN_EXCEPTION) return false;
    if (!en_is_callable(r->h[1])) {
        en_throw_type_error(cx, "set-like 'has' is not a function");
        return false;
    }
    EnString *keys = en_atom_from_cstr(cx, "keys");
    if (!keys) return false;
    r->h[2] = en_get(cx, r->h[0], en_key_atom(keys));
    if (r->h[2] == EN_EXCEPTION) return false;
    if (!en_is_callable(r->h[2])) {
        en_throw_type_error(cx, "set-like 'keys' is not a function");
        return false;
    }
    return true;
}

static bool get_keys_iterator(EnContext *cx, SetRecord *r) {
    EnValue it = en_call(cx, r->h[2], r->h[0], 0, NULL);
    if (it == EN_EXCEPTION) return false;
    if (!en_is_object(it)) {
        en_throw_type_error(cx, "keys() result is not an object");
        return false;
    }
    r->h[3] = it;
    r->h[4] = en_get_atom(cx, it, EN_ATOM_next);
    if (r->h[4] == EN_EXCEPTION) return false;
    if (!en_is_callable(r->h[4])) {
        en_throw_type_error(cx, "keys() iterator 'next' is not a function");
        return false;
    }
    return true;
}

// IteratorStepValue on the keys iterator; the value is canonicalised.
static bool keys_step(EnContext *cx, SetRecord *r, EnValue *v, bool *fin) {
    EnIteratorRecord it = {r->h[3], r->h[4], false};
    if (!en_iterator_step_value(cx, &it, v, fin)) return false;
    if (*fin) return true;
    return canon(cx, v);
}

static bool keys_close(EnContext *cx, SetRecord *r) {
    EnIteratorRecord it = {r->h[3], r->h[4], false};
    return en_iterator_close(cx, &it, false);
}

// ToBoolean(Call(has, set, [e])): -1 on throw.
static int other_has(EnContext *cx, SetRecord *r, EnValue *arg) {
    EnValue v = en_call(cx, r->h[1], r->h[0], 1, arg);
    if (v == EN_EXCEPTION) return -1;
    return en_to_boolean(v) ? 1 : 0;
}

// A new Set (%Set.prototype%) holding a copy of src's entries.
static EnCollection *set_copy(EnContext *cx, EnValue src) {
    EnCollection *c = coll_new(cx, EN_CLASS_SET, en_intrinsic(cx, EN_INTRINSIC_SetPrototype));
    if (!c) return NULL;
    EnCollection *s = (EnCollection *)en_as_object(src);
    uint32_t pos = 0;
    EnHmEntry *e;
    while ((e = en_hm_next(&s->hm, &pos)) != NULL) en_hm_set(&c->hm, e->key, EN_UNDEFINED);
    return c;
}

enum { SM_UNION, SM_INTERSECTION, SM_DIFFERENCE, SM_SYMDIFF, SM_SUBSET, SM_SUPERSET, SM_DISJOINT };

static const char *const sm_names[] = {"union", "intersection", "difference", "symmetricDifference",
                                       "isSubsetOf", "isSupersetOf", "isDisjointFrom"};

// Walks this set's entries (live cursor) calling other.has on each:
// intersection / difference / isSubsetOf / isDisjointFrom when this set is
// not larger than the other.
static EnValue walk_this(EnContext *cx, int op, EnValue *hthis, EnValue *hres, SetRecord *r) {
    EnValue *he = en_handle(cx, EN_UNDEFINED);
    // difference walks its own result copy; the others walk this set.
    EnValue *walked = op == SM_DIFFERENCE ? hres : hthis;
    EnCollection *w = (EnCollection *)en_as_object(*walked);
    uint32_t pos = 0;
    en_hm_cursor_add(&w->hm, NULL, &pos);
    EnValue res = EN_UNDEFINED;
    EnHmEntry *e;
    while ((e = en_hm_next(&w->hm, &pos)) != NULL) {
        *he = e->key;
        int in = other_has(cx, r, he);
        if (in < 0) {
            res = EN_EXCEPTION;
            break;
        }
        if (op == SM_INTERSECTION && in) {
            EnCollection *rc = (EnCollection *)en_as_object(*hres);
            if (!en_hm_find(&rc->hm, *he)) en_hm_set(&rc->hm, *he, EN_UNDEFINED);
        } else if (op == SM_DIFFERENCE && in) {
            en_hm_delete(&w->hm, *he);
        } else if (op == SM_SUBSET && !in) {
            res = EN_FALSE;
            break;
        } else if (op == SM_DISJOINT && in) {
            res = EN_FALSE;
            break;
        }
    }
    en_hm_cursor_remove(&w->hm, &pos);
    if (res != EN_UNDEFINED) return res;
    if (op == SM_SUBSET || op == SM_DISJOINT) return EN_TRUE;
    return *hres;
}

// Walks the other set's keys iterator: union, symmetricDifference,
// isSupersetOf, and intersection / difference / isDisjointFrom when this
// set is larger.
static EnValue walk_other(EnContext *cx, int op, EnValue *hthis, EnValue *hres, SetRecord *r) {
    EnValue *hv = en_handle(cx, EN_UNDEFINED);
    for (;;) {
        bool fin;
        EnValue v;
        if (!keys_step(cx, r, &v, &fin)) return EN_EXCEPTION;
        if (fin) break;
        *hv = v;
        EnCollection *self = (EnCollection *)en_as_object(*hthis);
        EnCollection *rc = en_is_object(*hres) ? (EnCollection *)en_as_object(*hres) : NULL;
        bool in_this = en_hm_find(&self->hm, v) != NULL;
        switch (op) {
        case SM_UNION:
            if (!en_hm_find(&rc->hm, v)) en_hm_set(&rc->hm, v, EN_UNDEFINED);
            break;
        case SM_INTERSECTION:
            if (in_this && !en_hm_find(&rc->hm, v)) en_hm_set(&rc->hm, v, EN_UNDEFINED);
            break;
        case SM_DIFFERENCE:
            en_hm_delete(&rc->hm, v);
            break;
        case SM_SYMDIFF: {
            bool in_res = en_hm_find(&rc->hm, v) != NULL;
            if (in_this) {
                if (in_res) en_hm_delete(&rc->hm, v);
            } else if (!in_res) {
                en_hm_set(&rc->hm, v, EN_UNDEFINED);
            }
            break;
        }
        case SM_SUPERSET:
            if (!in_this) return keys_close(cx, r) ? EN_FALSE : EN_EXCEPTION;
            break;
        case SM_DISJOINT:
            if (in_this) return keys_close(cx, r) ? EN_FALSE : EN_EXCEPTION;
            break;
        default:
            break;
        }
    }
    if (op == SM_SUPERSET || op == SM_DISJOINT) return EN_TRUE;
    return *hres;
}

static EnValue set_method(EnContext *cx, const EnArgs *a, int op) {
    if (!this_coll(cx, a->this_val, EN_CLASS_SET, sm_names[op])) return EN_EXCEPTION;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue *hthis = en_handle(cx, a->this_val), *hres = en_handle(cx, EN_UNDEFINED);
    SetRecord r;
    if (!get_set_record(cx, ARG(0), &r)) goto done;
    double this_size = ((EnCollection *)en_as_object(*hthis))->hm.live;
    bool use_iter;
    switch (op) {
    case SM_UNION:
    case SM_SYMDIFF:
        use_iter = true;
        break;
    case SM_SUBSET:
        if (this_size > r.size) {
            res = EN_FALSE;
            goto done;
        }
        use_iter = false;
        break;
    case SM_SUPERSET:
        if (this_size < r.size) {
            res = EN_FALSE;
            goto done;
        }
        use_iter = true;
        break;
    default:  // intersection, difference, isDisjointFrom
        use_iter = !(this_size <= r.size);
        break;
    }
    if ((op == SM_UNION || op == SM_SYMDIFF) && !get_keys_iterator(cx, &r)) goto done;
    if (op == SM_UNION || op == SM_SYMDIFF || op == SM_DIFFERENCE) {
        EnCollection *c = set_copy(cx, *hthis);
        if (!c) goto done;
        *hres = en_object_value(&c->base);
    } else if (op == SM_INTERSECTION) {
        EnCollection *c = coll_new(cx, EN_CLASS_SET, en_intrinsic(cx, EN_INTRINSIC_SetPrototype));
        if (!c) goto done;
        *hres = en_object_value(&c->base);
    }
    if (use_iter) {
        if (op != SM_UNION && op != SM_SYMDIFF && !get_keys_iterator(cx, &r)) goto done;
        res = walk_other(cx, op, hthis, hres, &r);
    } else {
        res = walk_this(cx, op, hthis, hres, &r);
    }
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue set_union(EnContext *cx, const EnArgs *a) { return set_method(cx, a, SM_UNION); }
static EnValue set_intersection(EnContext *cx, const EnArgs *a) { return set_method(cx, a, SM_INTERSECTION); }
static EnValue set_difference(EnContext *cx, const EnArgs *a) { return set_method(cx, a, SM_DIFFERENCE); }
static EnValue set_sym_diff(EnContext *cx, const EnArgs *a) { return set_method(cx, a, SM_SYMDIFF); }
static EnValue set_is_subset(EnContext *cx, const EnArgs *a) { return set_method(cx, a, SM_SUBSET); }
static EnValue set_is_superset(EnContext *cx, const EnArgs *a) { return set_method(cx, a, SM_SUPERSET); }
static EnValue set_is_disjoint(EnContext *cx, const EnArgs *a) { return set_method(cx, a, SM_DISJOINT); }

// ---------------------------------------------------------------------------
// Setup.

static bool to_string_tag(EnContext *cx, EnObject *o, const char *tag) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnString *s = en_str_from_cstr(cx, tag);
    bool ok = s && en_define_value(cx, en_as_object(*ho),
                                   en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)),
                                   en_string_value(s), EN_PROP_CONFIGURABLE);
    en_handle_scope_close(&hs);
    return ok;
}

typedef struct Method {
    const char *name;
    EnNativeFn fn;
    uint32_t length;
} Method;

static bool methods(EnContext *cx, EnObject *o, const Method *m, size_t n) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) ok = en_define_method(cx, en_as_object(*ho), m[i].name, m[i].fn, m[i].length);
    en_handle_scope_close(&hs);
    return ok;
}

// Defines proto[name] = the function already stored at proto[from]
// (Set.prototype.keys === values, @@iterator === entries / values).
// `to` NULL: @@iterator.
static bool alias(EnContext *cx, EnObject *proto, const char *to, const char *from) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, en_object_value(proto));
    EnValue *hk = en_handle(cx, en_symbol_value(en_well_known_symbol(cx, EN_SYM_iterator)));
    bool ok = false;
    if (to) {
        EnString *t = en_atom_from_cstr(cx, to);
        if (!t) goto done;
        *hk = en_key_atom(t);
    }
    EnString *f = en_atom_from_cstr(cx, from);
    if (f) {
        EnValue fn = en_get(cx, *hp, en_key_atom(f));
        ok = fn != EN_EXCEPTION && en_define_value(cx, en_as_object(*hp), *hk, fn, EN_PROP_HIDDEN);
    }
done:
    en_handle_scope_close(&hs);
    return ok;
}

static bool init_iter_proto(EnContext *cx, EnIntrinsic id, EnNativeFn next, const char *tag) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *ip = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_IteratorPrototype), 4);
    if (!ip) goto done;
    cx->intrinsics[id] = ip;
    EnValue *hi = en_handle(cx, en_object_value(ip));
    ok = en_define_method(cx, en_as_object(*hi), "next", next, 0) && to_string_tag(cx, en_as_object(*hi), tag);
done:
    en_handle_scope_close(&hs);
    return ok;
}

static bool init_class(EnContext *cx, bool is_map) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *proto = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!proto) goto done;
    EnValue *hp = en_handle(cx, en_object_value(proto));
    EnObject *ctor = is_map ? en_define_class(cx, "Map", map_ctor, 0, proto, EN_INTRINSIC_Map, EN_INTRINSIC_MapPrototype)
                            : en_define_class(cx, "Set", set_ctor, 0, proto, EN_INTRINSIC_Set, EN_INTRINSIC_SetPrototype);
    if (!ctor) goto done;
    EnValue *hc = en_handle(cx, en_object_value(ctor));
    EnValue species = en_symbol_value(en_well_known_symbol(cx, EN_SYM_species));
    if (!en_define_getter(cx, en_as_object(*hc), species, return_this, NULL)) goto done;
    if (is_map) {
        static const Method m[] = {
            {"clear", map_clear, 0}, {"delete", map_delete, 1},   {"entries", map_entries, 0},
            {"forEach", map_for_each, 1}, {"get", map_get, 1},    {"has", map_has, 1},
            {"keys", map_keys, 0},   {"set", map_set, 2},         {"values", map_values, 0},
        };
        if (!en_define_method(cx, en_as_object(*hc), "groupBy", map_group_by, 2) ||
            !methods(cx, en_as_object(*hp), m, sizeof m / sizeof m[0]) ||
            !en_define_getter(cx, en_as_object(*hp), en_key_atom(en_atom(cx, EN_ATOM_size)), map_size, NULL) ||
            !alias(cx, en_as_object(*hp), NULL, "entries") || !to_string_tag(cx, en_as_object(*hp), "Map") ||
            !init_iter_proto(cx, EN_INTRINSIC_MapIteratorPrototype, map_iter_next, "Map Iterator"))
            goto done;
    } else {
        static const Method m[] = {
            {"add", set_add, 1},
            {"clear", set_clear, 0},
            {"delete", set_delete, 1},
            {"difference", set_difference, 1},
            {"entries", set_entries, 0},
            {"forEach", set_for_each, 1},
            {"has", set_has, 1},
            {"intersection", set_intersection, 1},
            {"isDisjointFrom", set_is_disjoint, 1},
            {"isSubsetOf", set_is_subset, 1},
            {"isSupersetOf", set_is_superset, 1},
            {"symmetricDifference", set_sym_diff, 1},
            {"union", set_union, 1},
            {"values", set_values, 0},
        };
        if (!methods(cx, en_as_object(*hp), m, sizeof m / sizeof m[0]) ||
            !en_define_getter(cx, en_as_object(*hp), en_key_atom(en_atom(cx, EN_ATOM_size)), set_size, NULL) ||
            !alias(cx, en_as_object(*hp), "keys", "values") ||
            !alias(cx, en_as_object(*hp), NULL, "values") || !to_string_tag(cx, en_as_object(*hp), "Set") ||
            !init_iter_proto(cx, EN_INTRINSIC_SetIteratorPrototype, set_iter_next, "Set Iterator"))
            goto done;
    }
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}

bool en_init_map_set(EnContext *cx) {
    en_class_register(EN_CLASS_MAP, &map_class);
    en_class_register(EN_CLASS_SET, &set_class);
    en_class_register(EN_CLASS_MAP_ITERATOR, &map_iter_class);
    en_class_register(EN_CLASS_SET_ITERATOR, &set_iter_class);
    return init_class(cx, true) && init_class(cx, false);
}
