// Builtin family "weak_ref": WeakMap, WeakSet, WeakRef and
// FinalizationRegistry (ES2025 §24.3, §24.4, §26.1, §26.2).
//
// WeakMap / WeakSet are EnCollection tables (hashmap_int.h) whose trace
// marks nothing and registers the table as an ephemeron table: the
// collector marks a value once its key is marked and drops entries whose
// key died. Keys hash by identity (objects and unregistered symbols).
//
// WeakRef holds its target in a weak slot (en_gc_weak_register).
// FinalizationRegistry keeps a doubly-linked list of cells (internal heap
// cells): each holds the target in a notifying weak slot, the held value
// strongly and the unregister token in a weak slot. A collection that
// clears a target queues its cell on the heap's cleared list;
// en_weak_after_job drains that list into one cleanup job per registry.
#include "../hashmap_int.h"
#include "../weakref_int.h"
#include "bi_array_int.h"

#define ARG(i) en_arg(a, i)

bool en_can_be_held_weakly(EnValue v) {
    if (en_is_object(v)) return true;
    return en_is_symbol(v) && en_is_undefined(en_sym_key_for(en_as_symbol(v)));
}

static inline bool is_class(EnValue v, EnClassId cls) {
    return en_is_object(v) && en_obj_class(en_as_object(v)) == cls;
}

// ---------------------------------------------------------------------------
// WeakMap / WeakSet.

static bool eph_step(EnGCTracer *t, void *table) { return en_hm_ephemeron_step(t, &((EnCollection *)table)->hm); }
static void eph_sweep(EnRuntime *rt, void *table) {
    (void)rt;
    en_hm_sweep_dead_keys(&((EnCollection *)table)->hm);
}
static const EnWeakCallbacks weakmap_cb = {eph_step, eph_sweep};
static const EnWeakCallbacks weakset_cb = {NULL, eph_sweep};

static void weakmap_trace(EnGCTracer *t, EnObject *o) {
    EnCollection *c = (EnCollection *)o;
    if (c->hm.live) en_gc_add_ephemeron_table(t, c, &weakmap_cb);
}
static void weakset_trace(EnGCTracer *t, EnObject *o) {
    EnCollection *c = (EnCollection *)o;
    if (c->hm.live) en_gc_add_ephemeron_table(t, c, &weakset_cb);
}
static void coll_finalize(EnRuntime *rt, EnObject *o) {
    (void)rt;
    en_hm_free(&((EnCollection *)o)->hm);
}
static const EnClass weakmap_class = {"WeakMap", sizeof(EnCollection), NULL, weakmap_trace, coll_finalize};
static const EnClass weakset_class = {"WeakSet", sizeof(EnCollection), NULL, weakset_trace, coll_finalize};

static EnCollection *this_weak(EnContext *cx, EnValue v, EnClassId cls, const char *method) {
    if (is_class(v, cls)) return (EnCollection *)en_as_object(v);
    en_throw_type_error(cx, "%s.prototype.%s called on incompatible receiver",
                        cls == EN_CLASS_WEAKMAP ? "WeakMap" : "WeakSet", method);
    return NULL;
}

static EnValue weakmap_ctor(EnContext *cx, const EnArgs *a) { return en_coll_construct(cx, a, EN_CLASS_WEAKMAP); }
static EnValue weakset_ctor(EnContext *cx, const EnArgs *a) { return en_coll_construct(cx, a, EN_CLASS_WEAKSET); }

static EnValue weak_delete(EnContext *cx, const EnArgs *a, EnClassId cls) {
    EnCollection *c = this_weak(cx, a->this_val, cls, "delete");
    if (!c) return EN_EXCEPTION;
    if (!en_can_be_held_weakly(ARG(0))) return EN_FALSE;
    return en_bool(en_hm_delete(&c->hm, ARG(0)));
}

static EnValue weak_has(EnContext *cx, const EnArgs *a, EnClassId cls) {
    EnCollection *c = this_weak(cx, a->this_val, cls, "has");
    if (!c) return EN_EXCEPTION;
    if (!en_can_be_held_weakly(ARG(0))) return EN_FALSE;
    return en_bool(en_hm_find(&c->hm, ARG(0)) != NULL);
}

static EnValue weakmap_delete(EnContext *cx, const EnArgs *a) { return weak_delete(cx, a, EN_CLASS_WEAKMAP); }
static EnValue weakmap_has(EnContext *cx, const EnArgs *a) { return weak_has(cx, a, EN_CLASS_WEAKMAP); }
static EnValue weakset_delete(EnContext *cx, const EnArgs *a) { return weak_delete(cx, a, EN_CLASS_WEAKSET); }
static EnValue weakset_has(EnContext *cx, const EnArgs *a) { return weak_has(cx, a, EN_CLASS_WEAKSET); }

static EnValue weakmap_get(EnContext *cx, const EnArgs *a) {
    EnCollection *c = this_weak(cx, a->this_val, EN_CLASS_WEAKMAP, "get");
    if (!c) return EN_EXCEPTION;
    if (!en_can_be_held_weakly(ARG(0))) return EN_UNDEFINED;
    EnHmEntry *e = en_hm_find(&c->hm, ARG(0));
    return e ? e->value : EN_UNDEFINED;
}

static EnValue weakmap_set(EnContext *cx, const EnArgs *a) {
    EnCollection *c = this_weak(cx, a->this_val, EN_CLASS_WEAKMAP, "set");
    if (!c) return EN_EXCEPTION;
    if (!en_can_be_held_weakly(ARG(0))) return en_throw_type_error(cx, "Invalid value used as weak map key");
    en_hm_set(&c->hm, ARG(0), ARG(1));
    return a->this_val;
}

static EnValue weakset_add(EnContext *cx, const EnArgs *a) {
    EnCollection *c = this_weak(cx, a->this_val, EN_CLASS_WEAKSET, "add");
    if (!c) return EN_EXCEPTION;
    if (!en_can_be_held_weakly(ARG(0))) return en_throw_type_error(cx, "Invalid value used in weak set");
    if (!en_hm_find(&c->hm, ARG(0))) en_hm_set(&c->hm, ARG(0), EN_UNDEFINED);
    return a->this_val;
}

// ---------------------------------------------------------------------------
// WeakRef.

typedef struct EnWeakRef {
    EnObject base;
    EnValue target;  // weak slot: undefined once the target died
} EnWeakRef;

// The target is deliberately not traced (weak slot).
static const EnClass weakref_class = {"WeakRef", sizeof(EnWeakRef), NULL, NULL, NULL};

static EnValue weakref_ctor(EnContext *cx, const EnArgs *a) {
    if (en_is_undefined(a->new_target)) return en_throw_type_error(cx, "Constructor WeakRef requires 'new'");
    if (!en_can_be_held_weakly(ARG(0))) return en_throw_type_error(cx, "WeakRef: invalid target");
    EnObject *proto;
    if (!en_proto_from_ctor(cx, a->new_target, EN_INTRINSIC_WeakRefPrototype, &proto)) return EN_EXCEPTION;
    EnObject *o = en_obj_new(cx, EN_CLASS_WEAKREF, proto, 0);
    if (!o) return EN_EXCEPTION;
    EnWeakRef *w = (EnWeakRef *)o;
    en_gc_keep_alive(cx, ARG(0));
    en_store(cx, o, &w->target, ARG(0));
    en_gc_weak_register(cx->rt, o, &w->target, false);
    return en_object_value(o);
}

static EnValue weakref_deref(EnContext *cx, const EnArgs *a) {
    if (!is_class(a->this_val, EN_CLASS_WEAKREF))
        return en_throw_type_error(cx, "WeakRef.prototype.deref called on incompatible receiver");
    EnValue t = ((EnWeakRef *)en_as_object(a->this_val))->target;
    if (!en_is_undefined(t)) en_gc_keep_alive(cx, t);
    return t;
}

// ---------------------------------------------------------------------------
// FinalizationRegistry.

typedef struct FrCell {
    EnInternalCell hdr;
    EnValue target;            // weak, notifying: undefined once collected
    EnValue held;              // strong
    EnValue token;             // weak: undefined when none or collected
    EnValue registry;          // strong (a cleared cell finds its registry)
    struct FrCell *prev, *next;  // the registry's list (next traced)
    bool in_list;
} FrCell;

typedef struct EnFinReg {
    EnObject base;
    EnValue cleanup;
    FrCell *head, *tail;
    bool job_pending;
} EnFinReg;

static void fr_cell_trace(EnGCTracer *t, void *cell) {
    FrCell *c = cell;
    en_gc_mark_value(t, c->held);
    en_gc_mark_value(t, c->registry);
    en_gc_mark_cell(t, c->next);
}
static size_t fr_cell_size(const void *cell) {
    (void)cell;
    return sizeof(FrCell);
}
static const EnCellOps fr_cell_ops = {fr_cell_trace, NULL, fr_cell_size};

static void finreg_trace(EnGCTracer *t, EnObject *o) {
    EnFinReg *r = (EnFinReg *)o;
    en_gc_mark_value(t, r->cleanup);
    en_gc_mark_cell(t, r->head);
}
static const EnClass finreg_class = {"FinalizationRegistry", sizeof(EnFinReg), NULL, finreg_trace, NULL};

static EnFinReg *this_finreg(EnContext *cx, EnValue v, const char *method) {
    if (is_class(v, EN_CLASS_FINALIZATION_REGISTRY)) return (EnFinReg *)en_as_object(v);
    en_throw_type_error(cx, "FinalizationRegistry.prototype.%s called on incompatible receiver", method);
    return NULL;
}

static void unlink_cell(EnRuntime *rt, EnFinReg *r, FrCell *c) {
    if (c->prev) c->prev->next = c->next;
    else r->head = c->next;
    if (c->next) c->next->prev = c->prev;
    else r->tail = c->prev;
    c->prev = c->next = NULL;
    c->in_list = false;
    // The weak-slot registrations stay (en_gc_weak_unregister is O(slots)):
    // the collector drops them with the cell, and a cleared cell that is
    // no longer in a list is skipped by drain_cleared.
    (void)rt;
}

static EnValue finreg_ctor(EnContext *cx, const EnArgs *a) {
    if (en_is_undefined(a->new_target))
        return en_throw_type_error(cx, "Constructor FinalizationRegistry requires 'new'");
    if (!en_is_callable(ARG(0))) return en_throw_type_error(cx, "FinalizationRegistry: cleanup must be callable");
    EnObject *proto;
    if (!en_proto_from_ctor(cx, a->new_target, EN_INTRINSIC_FinalizationRegistryPrototype, &proto))
        return EN_EXCEPTION;
    EnObject *o = en_obj_new(cx, EN_CLASS_FINALIZATION_REGISTRY, proto, 0);
    if (!o) return EN_EXCEPTION;
    en_store(cx, o, &((EnFinReg *)o)->cleanup, ARG(0));
    return en_object_value(o);
}

// CleanupFinalizationRegistry(registry): the job queued for a registry
// whose cells were cleared. Calls cleanup(held) for each cleared cell.
static EnValue finreg_cleanup_job(EnContext *cx, const EnArgs *a) {
    EnValue reg = ARG(0);
    if (!is_class(reg, EN_CLASS_FINALIZATION_REGISTRY)) return EN_UNDEFINED;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hreg = en_handle(cx, reg), *hheld = en_handle(cx, EN_UNDEFINED);
    EnValue res = EN_UNDEFINED;
    ((EnFinReg *)en_as_object(*hreg))->job_pending = false;
    EnValue *hnext = en_handle(cx, EN_UNDEFINED);
    FrCell *from = ((EnFinReg *)en_as_object(*hreg))->head;
    for (;;) {
        EnFinReg *r = (EnFinReg *)en_as_object(*hreg);
        FrCell *c = from;
        while (c && !en_is_undefined(c->target)) c = c->next;
        if (!c) break;
        *hheld = c->held;
        *hnext = c->next ? en_ptr_value(EN_TAG_CELL, c->next) : EN_UNDEFINED;
        unlink_cell(cx->rt, r, c);
        if (en_call(cx, r->cleanup, EN_UNDEFINED, 1, hheld) == EN_EXCEPTION) {
            res = EN_EXCEPTION;
            break;
        }
        // The callback may have unregistered the next cell (rooted by
        // hnext meanwhile): then rescan from the head.
        FrCell *next = en_is_undefined(*hnext) ? NULL : en_as_ptr(*hnext);
        r = (EnFinReg *)en_as_object(*hreg);
        from = next && next->in_list ? next : r->head;
    }
    en_handle_scope_close(&hs);
    return res;
}

// Pops the cells the collector cleared and queues one cleanup job per
// registry that has none pending.
static bool drain_cleared(EnContext *cx) {
    EnRuntime *rt = cx->rt;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = true;
    void *cell;
    // Root every popped cell before the first allocation.
    uint32_t first = rt->handles_top, n = 0;
    while ((cell = en_gc_take_cleared(rt)) != NULL) {
        en_handle(cx, en_ptr_value(EN_TAG_CELL, cell));
        n++;
    }
    for (uint32_t i = 0; i < n && ok; i++) {
        FrCell *c = en_as_ptr(rt->handles[first + i]);
        if (!c->in_list) continue;
        EnFinReg *r = (EnFinReg *)en_as_object(c->registry);
        if (r->job_pending) continue;
        r->job_pending = true;
        EnObject *job = en_native_new(cx, finreg_cleanup_job, en_atom(cx, EN_ATOM_empty), 1, EN_NATIVE_NOT_CTOR, 0);
        if (!job) {
            ok = false;
            break;
        }
        EnValue *args = en_arr_handles(cx, 2);
        args[0] = en_object_value(job);
        c = en_as_ptr(rt->handles[first + i]);
        args[1] = c->registry;
        ok = en_enqueue_job(cx, args[0], 1, &args[1]);
    }
    en_handle_scope_close(&hs);
    return ok;
}

bool en_weak_after_job(EnContext *cx) {
    en_gc_clear_kept(cx->rt);
    return drain_cleared(cx);
}

static EnValue finreg_register(EnContext *cx, const EnArgs *a) {
    EnFinReg *r = this_finreg(cx, a->this_val, "register");
    if (!r) return EN_EXCEPTION;
    EnValue target = ARG(0), held = ARG(1), token = ARG(2);
    if (!en_can_be_held_weakly(target)) return en_throw_type_error(cx, "FinalizationRegistry.prototype.register: invalid target");
    if (en_same_value(target, held))
        return en_throw_type_error(cx, "FinalizationRegistry.prototype.register: target and holdings must not be same");
    if (!en_can_be_held_weakly(token)) {
        if (!en_is_undefined(token))
            return en_throw_type_error(cx, "FinalizationRegistry.prototype.register: invalid unregister token");
        token = EN_UNDEFINED;
    }
    // Arguments and this are rooted by the VM across the allocation.
    FrCell *c = en_gc_alloc(cx, EN_CELL_INTERNAL, sizeof(FrCell));
    if (!c) return EN_EXCEPTION;
    c->hdr.ops = &fr_cell_ops;
    r = (EnFinReg *)en_as_object(a->this_val);
    c->target = target;
    c->held = held;
    c->token = token;
    c->registry = a->this_val;
    c->prev = r->tail;
    c->next = NULL;
    c->in_list = true;
    if (r->tail) r->tail->next = c;
    else r->head = c;
    r->tail = c;
    en_gc_weak_register(cx->rt, c, &c->target, true);
    en_gc_weak_register(cx->rt, c, &c->token, false);
    // Cells cleared by earlier collections get their cleanup jobs queued
    // here too, so programs that never reach the job loop's hook still see
    // callbacks.
    if (!drain_cleared(cx)) return EN_EXCEPTION;
    return EN_UNDEFINED;
}

static EnValue finreg_unregister(EnContext *cx, const EnArgs *a) {
    EnFinReg *r = this_finreg(cx, a->this_val, "unregister");
    if (!r) return EN_EXCEPTION;
    EnValue token = ARG(0);
    if (!en_can_be_held_weakly(token))
        return en_throw_type_error(cx, "FinalizationRegistry.prototype.unregister: invalid unregister token");
    bool removed = false;
    for (FrCell *c = r->head, *next; c; c = next) {
        next = c->next;
        if (c->token != token) continue;
        unlink_cell(cx->rt, r, c);
        removed = true;
    }
    return en_bool(removed);
}


// ---------------------------------------------------------------------------
// Setup.

typedef struct Method {
    const char *name;
    EnNativeFn fn;
    uint32_t length;
} Method;

static bool init_one(EnContext *cx, const char *name, EnNativeFn ctor, EnIntrinsic cid, EnIntrinsic pid,
                     const Method *m, size_t n) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *proto = en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
    if (!proto) goto done;
    EnValue *hp = en_handle(cx, en_object_value(proto));
    if (!en_define_class(cx, name, ctor, cid == EN_INTRINSIC_WeakMap || cid == EN_INTRINSIC_WeakSet ? 0 : 1,
                         proto, cid, pid))
        goto done;
    for (size_t i = 0; i < n; i++)
        if (!en_define_method(cx, en_as_object(*hp), m[i].name, m[i].fn, m[i].length)) goto done;
    EnString *tag = en_str_from_cstr(cx, name);
    ok = tag && en_define_value(cx, en_as_object(*hp), en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag)),
                                en_string_value(tag), EN_PROP_CONFIGURABLE);
done:
    en_handle_scope_close(&hs);
    return ok;
}

bool en_init_weak_ref(EnContext *cx) {
    en_class_register(EN_CLASS_WEAKMAP, &weakmap_class);
    en_class_register(EN_CLASS_WEAKSET, &weakset_class);
    en_class_register(EN_CLASS_WEAKREF, &weakref_class);
    en_class_register(EN_CLASS_FINALIZATION_REGISTRY, &finreg_class);
    static const Method wm[] = {
        {"delete", weakmap_delete, 1}, {"get", weakmap_get, 1}, {"has", weakmap_has, 1}, {"set", weakmap_set, 2}};
    static const Method ws[] = {{"add", weakset_add, 1}, {"delete", weakset_delete, 1}, {"has", weakset_has, 1}};
    static const Method wr[] = {{"deref", weakref_deref, 0}};
    static const Method fr[] = {{"register", finreg_register, 2}, {"unregister", finreg_unregister, 1}};
    return init_one(cx, "WeakMap", weakmap_ctor, EN_INTRINSIC_WeakMap, EN_INTRINSIC_WeakMapPrototype, wm, 4) &&
           init_one(cx, "WeakSet", weakset_ctor, EN_INTRINSIC_WeakSet, EN_INTRINSIC_WeakSetPrototype, ws, 3) &&
           init_one(cx, "WeakRef", weakref_ctor, EN_INTRINSIC_WeakRef, EN_INTRINSIC_WeakRefPrototype, wr, 1) &&
           init_one(cx, "FinalizationRegistry", finreg_ctor, EN_INTRINSIC_FinalizationRegistry,
                    EN_INTRINSIC_FinalizationRegistryPrototype, fr, 2);
}
