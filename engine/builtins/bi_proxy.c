// Builtin family "proxy": Proxy exotic objects (ECMA-262 §10.5) and the
// Proxy constructor with Proxy.revocable (§28.2).
//
// Every internal method follows the specification step by step: fetch the
// trap from the handler (GetMethod), forward to the target when it is
// missing, otherwise call it and check the invariants that keep a proxy
// consistent with a non-configurable / non-extensible target. The order of
// the observable operations (trap lookups, target calls) is the
// specification's, which test262 checks with logging handlers.
//
// Recursion: a chain of proxies without traps forwards from C to C (no JS
// frame in between), so every internal method counts itself in the VM's
// C-depth counter and throws a RangeError past PROXY_MAX_DEPTH; traps that
// are JS functions go through en_call and its own stack checks.
#include "objmodel_int.h"
#include "proxy_int.h"
#include "vm_int.h"

// Nested C levels (proxy internal methods + native calls + interpreter
// entries) before "Maximum call stack size exceeded"; the interpreter
// allows 4 * 200 native levels, a proxy level costs about as much stack.
#define PROXY_MAX_DEPTH 800u

#define TRAP_LIST(X)                                                                         \
    X(GET_PROTOTYPE_OF, "getPrototypeOf") X(SET_PROTOTYPE_OF, "setPrototypeOf")             \
    X(IS_EXTENSIBLE, "isExtensible") X(PREVENT_EXTENSIONS, "preventExtensions")             \
    X(GET_OWN_PROPERTY, "getOwnPropertyDescriptor") X(DEFINE_PROPERTY, "defineProperty")    \
    X(HAS, "has") X(GET, "get") X(SET, "set") X(DELETE_PROPERTY, "deleteProperty")          \
    X(OWN_KEYS, "ownKeys") X(APPLY, "apply") X(CONSTRUCT, "construct")

typedef enum TrapId {
#define TRAP_ENUM_(id, name) TRAP_##id,
    TRAP_LIST(TRAP_ENUM_)
#undef TRAP_ENUM_
        TRAP_COUNT
} TrapId;

static const char *const trap_names[TRAP_COUNT] = {
#define TRAP_NAME_(id, name) name,
    TRAP_LIST(TRAP_NAME_)
#undef TRAP_NAME_
};

static inline EnProxy *as_proxy(EnObject *o) { return (EnProxy *)o; }

// The trap-name atoms live in the internal slots of the realm's Proxy
// constructor (an intrinsic, hence rooted), interned once at realm setup.
static EnKey trap_key(EnContext *cx, TrapId id) {
    return *en_native_slot(en_intrinsic(cx, EN_INTRINSIC_ProxyConstructor), id);
}

// ---------------------------------------------------------------------------
// Class.

static void proxy_trace(EnGCTracer *t, EnObject *o) {
    EnProxy *p = as_proxy(o);
    en_gc_mark_cell(t, p->target);
    en_gc_mark_cell(t, p->handler);
    en_gc_mark_cell(t, p->keys);
}

bool en_proxy_target(EnContext *cx, EnObject *proxy, const char *op, EnObject **target) {
    EnProxy *p = as_proxy(proxy);
    if (!p->handler) {
        en_throw_type_error(cx, "Cannot perform '%s' on a proxy that has been revoked", op);
        return false;
    }
    *target = p->target;
    return true;
}

// The state of one internal-method invocation: rooted target, handler and
// trap (EN_UNDEFINED when the handler has none).
typedef struct Trap {
    EnValue *target, *handler, *trap;
} Trap;

static inline EnObject *tgt(const Trap *t) { return en_as_object(*t->target); }

// Steps 1-6 of every internal method: revocation check, depth guard,
// GetMethod(handler, name). On success the caller must call trap_end.
static bool trap_begin(EnContext *cx, EnObject *o, TrapId id, Trap *t) {
    EnProxy *p = as_proxy(o);
    if (!p->handler) {
        en_throw_type_error(cx, "Cannot perform '%s' on a proxy that has been revoked", trap_names[id]);
        return false;
    }
    EnVM *vm = cx->rt->vm;
    if (vm->c_depth >= PROXY_MAX_DEPTH) {
        en_throw_range_error(cx, "Maximum call stack size exceeded");
        return false;
    }
    t->target = en_handle(cx, en_object_value(p->target));
    t->handler = en_handle(cx, en_object_value(p->handler));
    t->trap = en_handle(cx, EN_UNDEFINED);
    vm->c_depth++;
    EnValue m = en_get(cx, *t->handler, trap_key(cx, id));
    if (en_is_exception(m)) goto fail;
    if (en_is_nullish(m)) return true;
    if (!en_is_callable(m)) {
        en_throw_type_error(cx, "'%s' on proxy: trap is not a function", trap_names[id]);
        goto fail;
    }
    *t->trap = m;
    return true;
fail:
    vm->c_depth--;
    return false;
}

static inline void trap_end(EnContext *cx) { cx->rt->vm->c_depth--; }

// Call(trap, handler, argv): argv values must be rooted by the caller.
static EnValue trap_call(EnContext *cx, const Trap *t, uint32_t argc, const EnValue *argv) {
    return en_call(cx, *t->trap, *t->handler, argc, argv);
}

static bool fail(EnContext *cx, TrapId id, const char *why) {
    en_throw_type_error(cx, "'%s' on proxy: %s", trap_names[id], why);
    return false;
}

static bool key_value(EnContext *cx, EnKey k, EnValue *out) {
    EnValue v = en_key_to_value(cx, k);
    if (en_is_exception(v)) return false;
    *out = *en_handle(cx, v);
    return true;
}

// target.[[GetOwnProperty]](k) with the descriptor's values rooted.
static bool target_desc(EnContext *cx, const Trap *t, EnKey k, EnPropDesc *d, bool *found) {
    if (!en_obj_get_own_property(cx, tgt(t), k, d, found)) return false;
    if (*found) {
        en_handle(cx, d->value);
        en_handle(cx, d->getter);
        en_handle(cx, d->setter);
    }
    return true;
}

static inline bool desc_configurable(const EnPropDesc *d) { return (d->attrs & EN_PROP_CONFIGURABLE) != 0; }
static inline bool desc_accessor(const EnPropDesc *d) { return (d->attrs & EN_PROP_ACCESSOR) != 0; }

// Private names (#x) are not properties in the specification but private
// elements of the object itself: a field added to a proxy (a class whose
// constructor returns one) lives in the proxy's own storage, never reaches
// the handler, and still works once the proxy is revoked.
static inline bool key_is_private(EnKey k) {
    return en_is_symbol(k) && (en_as_symbol(k)->hdr.flags & EN_SYM_PRIVATE);
}

static bool private_get(EnContext *cx, EnObject *o, EnKey k, EnValue receiver, EnValue *out) {
    uint8_t attrs;
    EnValue *p = en_obj_find_named(o, k, &attrs);
    if (!p) return *out = EN_UNDEFINED, true;
    if (!(attrs & EN_PROP_ACCESSOR)) return *out = *p, true;
    EnValue getter = en_as_accessor(*p)->getter;
    if (en_is_undefined(getter)) return *out = EN_UNDEFINED, true;
    EnValue r = en_call(cx, getter, receiver, 0, NULL);
    if (en_is_exception(r)) return false;
    return *out = r, true;
}

static bool private_set(EnContext *cx, EnObject *o, EnKey k, EnValue v, EnValue receiver, bool *ok) {
    uint8_t attrs;
    EnValue *p = en_obj_find_named(o, k, &attrs);
    if (!p) return *ok = false, true;
    if (attrs & EN_PROP_ACCESSOR) {
        EnValue setter = en_as_accessor(*p)->setter;
        if (en_is_undefined(setter)) return *ok = false, true;
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *hv = en_handle(cx, v);
        EnValue r = en_call(cx, setter, receiver, 1, hv);
        en_handle_scope_close(&hs);
        if (en_is_exception(r)) return false;
        return *ok = true, true;
    }
    if (!(attrs & EN_PROP_WRITABLE)) return *ok = false, true;
    en_store(cx, o, p, v);
    return *ok = true, true;
}

// ---------------------------------------------------------------------------
// The internal methods (§10.5.1 - §10.5.11).

static bool get_prototype_of_(EnContext *cx, Trap *t, EnObject **out) {
    if (en_is_undefined(*t->trap)) return en_obj_get_prototype_of(cx, tgt(t), out);
    EnValue r = trap_call(cx, t, 1, t->target);
    if (en_is_exception(r)) return false;
    if (!en_is_object(r) && !en_is_null(r)) return fail(cx, TRAP_GET_PROTOTYPE_OF, "trap returned neither object nor null");
    EnValue *hr = en_handle(cx, r);
    bool ext;
    if (!en_obj_is_extensible(cx, tgt(t), &ext)) return false;
    EnObject *handler_proto = en_is_null(*hr) ? NULL : en_as_object(*hr);
    if (!ext) {
        EnObject *target_proto;
        if (!en_obj_get_prototype_of(cx, tgt(t), &target_proto)) return false;
        if (target_proto != handler_proto)
            return fail(cx, TRAP_GET_PROTOTYPE_OF, "proxy target is non-extensible but the trap did not return its actual prototype");
    }
    *out = handler_proto;
    return true;
}

static bool proxy_get_prototype_of(EnContext *cx, EnObject *o, EnObject **out) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    Trap t;
    bool r = trap_begin(cx, o, TRAP_GET_PROTOTYPE_OF, &t);
    if (r) {
        r = get_prototype_of_(cx, &t, out);
        trap_end(cx);
    }
    en_handle_scope_close(&hs);
    return r;
}

static bool set_prototype_of_(EnContext *cx, Trap *t, EnValue *hproto, bool *ok) {
    EnObject *proto = en_is_null(*hproto) ? NULL : en_as_object(*hproto);
    if (en_is_undefined(*t->trap)) return en_obj_set_prototype_of(cx, tgt(t), proto, ok);
    EnValue argv[2] = {*t->target, *hproto};
    EnValue r = trap_call(cx, t, 2, argv);
    if (en_is_exception(r)) return false;
    if (!en_to_boolean(r)) return *ok = false, true;
    bool ext;
    if (!en_obj_is_extensible(cx, tgt(t), &ext)) return false;
    if (!ext) {
        EnObject *target_proto;
        if (!en_obj_get_prototype_of(cx, tgt(t), &target_proto)) return false;
        if (target_proto != (en_is_null(*hproto) ? NULL : en_as_object(*hproto)))
            return fail(cx, TRAP_SET_PROTOTYPE_OF, "trap returned truish for setting a new prototype on the non-extensible proxy target");
    }
    return *ok = true, true;
}

static bool proxy_set_prototype_of(EnContext *cx, EnObject *o, EnObject *proto, bool *ok) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, proto ? en_object_value(proto) : EN_NULL);
    Trap t;
    bool r = trap_begin(cx, o, TRAP_SET_PROTOTYPE_OF, &t);
    if (r) {
        r = set_prototype_of_(cx, &t, hp, ok);
        trap_end(cx);
    }
    en_handle_scope_close(&hs);
    return r;
}

static bool is_extensible_(EnContext *cx, Trap *t, bool *out) {
    if (en_is_undefined(*t->trap)) return en_obj_is_extensible(cx, tgt(t), out);
    EnValue r = trap_call(cx, t, 1, t->target);
    if (en_is_exception(r)) return false;
    bool b = en_to_boolean(r), target_result;
    if (!en_obj_is_extensible(cx, tgt(t), &target_result)) return false;
    if (b != target_result)
        return fail(cx, TRAP_IS_EXTENSIBLE, "trap result does not reflect extensibility of proxy target");
    *out = b;
    return true;
}

static bool proxy_is_extensible(EnContext *cx, EnObject *o, bool *out) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    Trap t;
    bool r = trap_begin(cx, o, TRAP_IS_EXTENSIBLE, &t);
    if (r) {
        r = is_extensible_(cx, &t, out);
        trap_end(cx);
    }
    en_handle_scope_close(&hs);
    return r;
}

static bool prevent_extensions_(EnContext *cx, Trap *t, bool *ok) {
    if (en_is_undefined(*t->trap)) return en_obj_prevent_extensions(cx, tgt(t), ok);
    EnValue r = trap_call(cx, t, 1, t->target);
    if (en_is_exception(r)) return false;
    bool b = en_to_boolean(r);
    if (b) {
        bool ext;
        if (!en_obj_is_extensible(cx, tgt(t), &ext)) return false;
        if (ext) return fail(cx, TRAP_PREVENT_EXTENSIONS, "trap returned truish but the proxy target is extensible");
    }
    *ok = b;
    return true;
}

static bool proxy_prevent_extensions(EnContext *cx, EnObject *o, bool *ok) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    Trap t;
    bool r = trap_begin(cx, o, TRAP_PREVENT_EXTENSIONS, &t);
    if (r) {
        r = prevent_extensions_(cx, &t, ok);
        trap_end(cx);
    }
    en_handle_scope_close(&hs);
    return r;
}

// CompletePropertyDescriptor (§6.2.6.6).
static void complete_desc(EnPropDesc *d) {
    if (d->attrs & EN_PROP_ACCESSOR) {
        if (!(d->has & EN_DESC_HAS_GET)) d->getter = EN_UNDEFINED;
        if (!(d->has & EN_DESC_HAS_SET)) d->setter = EN_UNDEFINED;
        d->has |= EN_DESC_HAS_GET | EN_DESC_HAS_SET;
    } else {
        if (!(d->has & EN_DESC_HAS_VALUE)) d->value = EN_UNDEFINED;
        d->has |= EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE;
    }
    d->has |= EN_DESC_HAS_ENUMERABLE | EN_DESC_HAS_CONFIGURABLE;
}

static bool get_own_property_(EnContext *cx, Trap *t, EnKey k, EnPropDesc *out, bool *found) {
    if (en_is_undefined(*t->trap)) return target_desc(cx, t, k, out, found);
    EnValue argv[2] = {*t->target, EN_UNDEFINED};
    if (!key_value(cx, k, &argv[1])) return false;
    EnValue r = trap_call(cx, t, 2, argv);
    if (en_is_exception(r)) return false;
    if (!en_is_object(r) && !en_is_undefined(r))
        return fail(cx, TRAP_GET_OWN_PROPERTY, "trap returned neither object nor undefined");
    EnValue *hr = en_handle(cx, r);
    EnPropDesc td;
    bool has_td;
    if (!target_desc(cx, t, k, &td, &has_td)) return false;
    bool ext;
    if (en_is_undefined(*hr)) {
        if (!has_td) return *found = false, true;
        if (!desc_configurable(&td))
            return fail(cx, TRAP_GET_OWN_PROPERTY, "trap returned undefined for a property which is non-configurable in the proxy target");
        if (!en_obj_is_extensible(cx, tgt(t), &ext)) return false;
        if (!ext)
            return fail(cx, TRAP_GET_OWN_PROPERTY, "trap returned undefined for a property which exists in the non-extensible proxy target");
        return *found = false, true;
    }
    if (!en_obj_is_extensible(cx, tgt(t), &ext)) return false;
    EnPropDesc rd;
    if (!en_desc_from_object(cx, *hr, &rd)) return false;  // roots its values here
    complete_desc(&rd);
    bool valid;
    if (!en_validate_and_apply(cx, NULL, k, ext, &rd, &td, has_td, &valid)) return false;
    if (!valid)
        return fail(cx, TRAP_GET_OWN_PROPERTY, "trap returned a descriptor incompatible with the existing property in the proxy target");
    if (!desc_configurable(&rd)) {
        if (!has_td || desc_configurable(&td))
            return fail(cx, TRAP_GET_OWN_PROPERTY, "trap reported non-configurability for a property which is either non-existent or configurable in the proxy target");
        if ((rd.has & EN_DESC_HAS_WRITABLE) && !(rd.attrs & EN_PROP_WRITABLE) && !desc_accessor(&td) &&
            (td.attrs & EN_PROP_WRITABLE))
            return fail(cx, TRAP_GET_OWN_PROPERTY, "trap reported non-configurable and writable for a property which is non-configurable, non-writable in the proxy target");
    }
    *out = rd;
    *found = true;
    return true;
}

static bool proxy_get_own_property(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out, bool *found) {
    if (key_is_private(k)) return en_ordinary_get_own_property(cx, o, k, out, found);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, k);
    Trap t;
    bool r = trap_begin(cx, o, TRAP_GET_OWN_PROPERTY, &t);
    if (r) {
        r = get_own_property_(cx, &t, k, out, found);
        trap_end(cx);
    }
    en_handle_scope_close(&hs);
    // The descriptor's values may come from the trap only: keep them rooted
    // in the caller's scope.
    if (r && *found) {
        en_handle(cx, out->value);
        en_handle(cx, out->getter);
        en_handle(cx, out->setter);
    }
    return r;
}

static bool define_own_property_(EnContext *cx, Trap *t, EnKey k, const EnPropDesc *d, bool *ok) {
    if (en_is_undefined(*t->trap)) return en_obj_define_own_property(cx, tgt(t), k, d, ok);
    EnValue argv[3] = {*t->target, EN_UNDEFINED, EN_UNDEFINED};
    if (!key_value(cx, k, &argv[1])) return false;
    EnValue dobj = en_desc_to_object(cx, d);
    if (en_is_exception(dobj)) return false;
    argv[2] = *en_handle(cx, dobj);
    EnValue r = trap_call(cx, t, 3, argv);
    if (en_is_exception(r)) return false;
    if (!en_to_boolean(r)) return *ok = false, true;
    EnPropDesc td;
    bool has_td, ext;
    if (!target_desc(cx, t, k, &td, &has_td)) return false;
    if (!en_obj_is_extensible(cx, tgt(t), &ext)) return false;
    bool setting_config_false = (d->has & EN_DESC_HAS_CONFIGURABLE) && !(d->attrs & EN_PROP_CONFIGURABLE);
    if (!has_td) {
        if (!ext) return fail(cx, TRAP_DEFINE_PROPERTY, "trap returned truish for adding property to the non-extensible proxy target");
        if (setting_config_false)
            return fail(cx, TRAP_DEFINE_PROPERTY, "trap returned truish for defining non-configurable property which is non-existent in the proxy target");
    } else {
        bool valid;
        if (!en_validate_and_apply(cx, NULL, k, ext, d, &td, true, &valid)) return false;
        if (!valid)
            return fail(cx, TRAP_DEFINE_PROPERTY, "trap returned truish for adding property that is incompatible with the existing property in the proxy target");
        if (setting_config_false && desc_configurable(&td))
            return fail(cx, TRAP_DEFINE_PROPERTY, "trap returned truish for defining non-configurable property which is configurable in the proxy target");
        if (!desc_accessor(&td) && !desc_configurable(&td) && (td.attrs & EN_PROP_WRITABLE) &&
            (d->has & EN_DESC_HAS_WRITABLE) && !(d->attrs & EN_PROP_WRITABLE))
            return fail(cx, TRAP_DEFINE_PROPERTY, "trap returned truish for defining non-configurable, non-writable property which is writable in the proxy target");
    }
    return *ok = true, true;
}

static bool proxy_define_own_property(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d, bool *ok) {
    if (key_is_private(k)) return en_ordinary_define_own_property(cx, o, k, d, ok);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, k);
    en_handle(cx, d->value);
    en_handle(cx, d->getter);
    en_handle(cx, d->setter);
    Trap t;
    bool r = trap_begin(cx, o, TRAP_DEFINE_PROPERTY, &t);
    if (r) {
        r = define_own_property_(cx, &t, k, d, ok);
        trap_end(cx);
    }
    en_handle_scope_close(&hs);
    return r;
}

static bool has_property_(EnContext *cx, Trap *t, EnKey k, bool *found) {
    if (en_is_undefined(*t->trap)) return en_obj_has_property(cx, tgt(t), k, found);
    EnValue argv[2] = {*t->target, EN_UNDEFINED};
    if (!key_value(cx, k, &argv[1])) return false;
    EnValue r = trap_call(cx, t, 2, argv);
    if (en_is_exception(r)) return false;
    bool b = en_to_boolean(r);
    if (!b) {
        EnPropDesc td;
        bool has_td;
        if (!target_desc(cx, t, k, &td, &has_td)) return false;
        if (has_td) {
            if (!desc_configurable(&td))
                return fail(cx, TRAP_HAS, "trap returned falsish for property which exists in the proxy target as non-configurable");
            bool ext;
            if (!en_obj_is_extensible(cx, tgt(t), &ext)) return false;
            if (!ext) return fail(cx, TRAP_HAS, "trap returned falsish for property but the proxy target is not extensible");
        }
    }
    *found = b;
    return true;
}

static bool proxy_has_property(EnContext *cx, EnObject *o, EnKey k, bool *found) {
    if (key_is_private(k)) {
        uint8_t attrs;
        return *found = en_obj_find_named(o, k, &attrs) != NULL, true;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, k);
    Trap t;
    bool r = trap_begin(cx, o, TRAP_HAS, &t);
    if (r) {
        r = has_property_(cx, &t, k, found);
        trap_end(cx);
    }
    en_handle_scope_close(&hs);
    return r;
}

static bool get_(EnContext *cx, Trap *t, EnKey k, EnValue *hrecv, EnValue *out) {
    if (en_is_undefined(*t->trap)) return en_obj_get(cx, tgt(t), k, *hrecv, out);
    EnValue argv[3] = {*t->target, EN_UNDEFINED, *hrecv};
    if (!key_value(cx, k, &argv[1])) return false;
    EnValue r = trap_call(cx, t, 3, argv);
    if (en_is_exception(r)) return false;
    EnValue *hr = en_handle(cx, r);
    EnPropDesc td;
    bool has_td;
    if (!target_desc(cx, t, k, &td, &has_td)) return false;
    if (has_td && !desc_configurable(&td)) {
        if (!desc_accessor(&td) && !(td.attrs & EN_PROP_WRITABLE) && !en_same_value(*hr, td.value))
            return fail(cx, TRAP_GET, "the proxy target has a non-configurable, non-writable data property with a different value");
        if (desc_accessor(&td) && en_is_undefined(td.getter) && !en_is_undefined(*hr))
            return fail(cx, TRAP_GET, "the proxy target has a non-configurable accessor property without a getter");
    }
    *out = *hr;
    return true;
}

static bool proxy_get(EnContext *cx, EnObject *o, EnKey k, EnValue receiver, EnValue *out) {
    if (key_is_private(k)) return private_get(cx, o, k, receiver, out);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, k);
    EnValue *hrecv = en_handle(cx, receiver);
    Trap t;
    bool r = trap_begin(cx, o, TRAP_GET, &t);
    if (r) {
        r = get_(cx, &t, k, hrecv, out);
        trap_end(cx);
    }
    en_handle_scope_close(&hs);
    return r;
}

static bool set_(EnContext *cx, Trap *t, EnKey k, EnValue *hv, EnValue *hrecv, bool *ok) {
    if (en_is_undefined(*t->trap)) return en_obj_set(cx, tgt(t), k, *hv, *hrecv, ok);
    EnValue argv[4] = {*t->target, EN_UNDEFINED, *hv, *hrecv};
    if (!key_value(cx, k, &argv[1])) return false;
    EnValue r = trap_call(cx, t, 4, argv);
    if (en_is_exception(r)) return false;
    if (!en_to_boolean(r)) return *ok = false, true;
    EnPropDesc td;
    bool has_td;
    if (!target_desc(cx, t, k, &td, &has_td)) return false;
    if (has_td && !desc_configurable(&td)) {
        if (!desc_accessor(&td) && !(td.attrs & EN_PROP_WRITABLE) && !en_same_value(*hv, td.value))
            return fail(cx, TRAP_SET, "trap returned truish for property which exists in the proxy target as a non-configurable and non-writable data property with a different value");
        if (desc_accessor(&td) && en_is_undefined(td.setter))
            return fail(cx, TRAP_SET, "trap returned truish for property which exists in the proxy target as a non-configurable and non-writable accessor property without a setter");
    }
    return *ok = true, true;
}

static bool proxy_set(EnContext *cx, EnObject *o, EnKey k, EnValue v, EnValue receiver, bool *ok) {
    if (key_is_private(k)) return private_set(cx, o, k, v, receiver, ok);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, k);
    EnValue *hv = en_handle(cx, v), *hrecv = en_handle(cx, receiver);
    Trap t;
    bool r = trap_begin(cx, o, TRAP_SET, &t);
    if (r) {
        r = set_(cx, &t, k, hv, hrecv, ok);
        trap_end(cx);
    }
    en_handle_scope_close(&hs);
    return r;
}

static bool delete_(EnContext *cx, Trap *t, EnKey k, bool *ok) {
    if (en_is_undefined(*t->trap)) return en_obj_delete(cx, tgt(t), k, ok);
    EnValue argv[2] = {*t->target, EN_UNDEFINED};
    if (!key_value(cx, k, &argv[1])) return false;
    EnValue r = trap_call(cx, t, 2, argv);
    if (en_is_exception(r)) return false;
    if (!en_to_boolean(r)) return *ok = false, true;
    EnPropDesc td;
    bool has_td;
    if (!target_desc(cx, t, k, &td, &has_td)) return false;
    if (!has_td) return *ok = true, true;
    if (!desc_configurable(&td))
        return fail(cx, TRAP_DELETE_PROPERTY, "trap returned truish for property which is non-configurable in the proxy target");
    bool ext;
    if (!en_obj_is_extensible(cx, tgt(t), &ext)) return false;
    if (!ext) return fail(cx, TRAP_DELETE_PROPERTY, "trap returned truish for property but the proxy target is non-extensible");
    return *ok = true, true;
}

static bool proxy_delete(EnContext *cx, EnObject *o, EnKey k, bool *ok) {
    if (key_is_private(k)) return en_ordinary_delete(cx, o, k, ok);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, k);
    Trap t;
    bool r = trap_begin(cx, o, TRAP_DELETE_PROPERTY, &t);
    if (r) {
        r = delete_(cx, &t, k, ok);
        trap_end(cx);
    }
    en_handle_scope_close(&hs);
    return r;
}

// ---------------------------------------------------------------------------
// [[OwnPropertyKeys]] (§10.5.11).

// Key -> position in the trap result: open addressing on the key bits
// (keys are canonical: atoms and symbols unique, indices int32/double).
typedef struct KeySet {
    uint32_t *slots;  // position + 1; 0 empty
    uint32_t mask;
} KeySet;

static uint32_t key_hash(EnKey k) {
    uint64_t x = (uint64_t)k;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (uint32_t)x;
}

static void keyset_init(KeySet *s, uint32_t n) {
    uint32_t cap = 16;
    while (cap < n * 2) cap *= 2;
    s->slots = och_calloc(cap, sizeof(uint32_t));
    s->mask = cap - 1;
}

// Position of k, or UINT32_MAX; with `insert`, adds k at position `pos`
// when absent.
static uint32_t keyset_find(KeySet *s, const EnKey *keys, EnKey k, bool insert, uint32_t pos) {
    for (uint32_t i = key_hash(k) & s->mask;; i = (i + 1) & s->mask) {
        uint32_t e = s->slots[i];
        if (!e) {
            if (insert) s->slots[i] = pos + 1;
            return UINT32_MAX;
        }
        if (keys[e - 1] == k) return e - 1;
    }
}

// Stores the keys in the proxy's keep-alive array (see EnProxy.keys).
static bool keep_keys(EnContext *cx, EnValue *hproxy, const EnKey *keys, uint32_t n) {
    EnValueArray *a = en_gc_alloc(cx, EN_CELL_VALUE_ARRAY, sizeof(EnValueArray) + (size_t)n * sizeof(EnValue));
    if (!a) return false;
    a->hdr.aux = n;
    a->length = n;
    if (n) memcpy(a->v, keys, n * sizeof(EnValue));
    EnObject *p = en_as_object(*hproxy);
    en_store_ptr(cx, p, (void **)&as_proxy(p)->keys, a);
    return true;
}

static bool own_keys_(EnContext *cx, Trap *t, EnKeyVec *res) {
    if (en_is_undefined(*t->trap)) {
        EnKey *keys;
        uint32_t n;
        if (!en_obj_own_keys(cx, tgt(t), &keys, &n)) return false;
        res->items = keys;
        res->len = res->cap = n;
        return true;
    }
    EnValue arr = trap_call(cx, t, 1, t->target);
    if (en_is_exception(arr)) return false;
    EnValue *harr = en_handle(cx, arr);
    // CreateListFromArrayLike(trapResultArray, « String, Symbol »).
    if (!en_is_object(arr)) return fail(cx, TRAP_OWN_KEYS, "trap result is not an object");
    uint64_t len;
    if (!en_length_of_array_like(cx, *harr, &len)) return false;
    if (len > 0x7FFFFFF) {
        en_throw_range_error(cx, "Invalid array length");
        return false;
    }
    for (uint32_t i = 0; i < (uint32_t)len; i++) {
        EnValue e = en_get_index(cx, *harr, i);
        if (en_is_exception(e)) return false;
        if (!en_is_string(e) && !en_is_symbol(e))
            return fail(cx, TRAP_OWN_KEYS, "trap result contains a value that is neither a string nor a symbol");
        en_handle(cx, e);
        EnKey k;
        if (!en_key_from_value(cx, e, &k)) return false;
        en_handle(cx, k);
        en_keyvec_push(res, k);
    }
    KeySet set;
    keyset_init(&set, res->len);
    uint8_t *checked = NULL;
    bool ok = false;
    for (uint32_t i = 0; i < res->len; i++)
        if (keyset_find(&set, res->items, res->items[i], true, i) != UINT32_MAX) {
            fail(cx, TRAP_OWN_KEYS, "trap returned duplicate entries");
            goto done;
        }
    bool ext;
    if (!en_obj_is_extensible(cx, tgt(t), &ext)) goto done;
    EnKey *tkeys;
    uint32_t tn;
    if (!en_obj_own_keys(cx, tgt(t), &tkeys, &tn)) goto done;
    for (uint32_t i = 0; i < tn; i++) en_handle(cx, tkeys[i]);
    // Partition the target keys: non-configurable first (checked first,
    // per the specification), configurable after; `nconf` counts the former.
    EnKey *order = och_malloc((tn ? tn : 1) * sizeof(EnKey));
    uint32_t nnc = 0, nc = 0;
    for (uint32_t i = 0; i < tn; i++) {
        EnPropDesc d;
        bool found;
        if (!en_obj_get_own_property(cx, tgt(t), tkeys[i], &d, &found)) {
            och_free(order);
            och_free(tkeys);
            goto done;
        }
        if (found && !desc_configurable(&d)) order[nnc++] = tkeys[i];
        else tkeys[nc++] = tkeys[i];
    }
    if (nc) memcpy(order + nnc, tkeys, nc * sizeof(EnKey));
    och_free(tkeys);
    if (ext && nnc == 0) {
        och_free(order);
        ok = true;
        goto done;
    }
    checked = och_calloc(res->len ? res->len : 1, 1);
    uint32_t remaining = res->len;
    for (uint32_t i = 0; i < nnc + (ext ? 0 : nc); i++) {
        uint32_t pos = keyset_find(&set, res->items, order[i], false, 0);
        if (pos == UINT32_MAX || checked[pos]) {
            och_free(order);
            fail(cx, TRAP_OWN_KEYS, i < nnc ? "trap result did not include a non-configurable key of the proxy target"
                                            : "trap result did not include a key of the non-extensible proxy target");
            goto done;
        }
        checked[pos] = 1;
        remaining--;
    }
    och_free(order);
    if (!ext && remaining) {
        fail(cx, TRAP_OWN_KEYS, "trap returned extra keys but the proxy target is non-extensible");
        goto done;
    }
    ok = true;
done:
    och_free(set.slots);
    och_free(checked);
    return ok;
}

static bool proxy_own_keys(EnContext *cx, EnObject *o, EnKey **keys, uint32_t *n) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hproxy = en_handle(cx, en_object_value(o));
    EnKeyVec v = {0};
    Trap t;
    bool r = trap_begin(cx, o, TRAP_OWN_KEYS, &t);
    if (r) {
        r = own_keys_(cx, &t, &v);
        trap_end(cx);
    }
    if (r) {
        for (uint32_t i = 0; i < v.len; i++) en_handle(cx, v.items[i]);
        r = keep_keys(cx, hproxy, v.items, v.len);
    }
    en_handle_scope_close(&hs);
    if (!r) {
        och_free(v.items);
        return false;
    }
    *keys = v.items;
    *n = v.len;
    return true;
}

// ---------------------------------------------------------------------------
// [[Call]] and [[Construct]] (§10.5.12, §10.5.13).

EnValue en_proxy_call(EnContext *cx, EnObject *proxy, EnValue this_val, uint32_t argc,
                      const EnValue *argv) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hthis = en_handle(cx, this_val);
    for (uint32_t i = 0; i < argc; i++) en_handle(cx, argv[i]);
    Trap t;
    EnValue res = EN_EXCEPTION;
    if (!trap_begin(cx, proxy, TRAP_APPLY, &t)) goto done;
    if (en_is_undefined(*t.trap)) {
        res = en_call(cx, *t.target, *hthis, argc, argv);
    } else {
        EnObject *arr = en_array_from_values(cx, argv, argc);
        if (arr) {
            EnValue targs[3] = {*t.target, *hthis, *en_handle(cx, en_object_value(arr))};
            res = trap_call(cx, &t, 3, targs);
        }
    }
    trap_end(cx);
done:
    en_handle_scope_close(&hs);
    return res;
}

EnValue en_proxy_construct(EnContext *cx, EnObject *proxy, uint32_t argc, const EnValue *argv,
                           EnValue new_target) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hnt = en_handle(cx, new_target);
    for (uint32_t i = 0; i < argc; i++) en_handle(cx, argv[i]);
    Trap t;
    EnValue res = EN_EXCEPTION;
    if (!trap_begin(cx, proxy, TRAP_CONSTRUCT, &t)) goto done;
    if (en_is_undefined(*t.trap)) {
        res = en_construct(cx, *t.target, argc, argv, *hnt);
    } else {
        EnObject *arr = en_array_from_values(cx, argv, argc);
        if (arr) {
            EnValue targs[3] = {*t.target, *en_handle(cx, en_object_value(arr)), *hnt};
            res = trap_call(cx, &t, 3, targs);
            if (!en_is_exception(res) && !en_is_object(res)) {
                fail(cx, TRAP_CONSTRUCT, "trap returned non-object");
                res = EN_EXCEPTION;
            }
        }
    }
    trap_end(cx);
done:
    en_handle_scope_close(&hs);
    return res;
}

static const EnClassOps proxy_ops = {
    .get_own_property = proxy_get_own_property,
    .define_own_property = proxy_define_own_property,
    .has_property = proxy_has_property,
    .get = proxy_get,
    .set = proxy_set,
    .delete_property = proxy_delete,
    .own_keys = proxy_own_keys,
    .get_prototype_of = proxy_get_prototype_of,
    .set_prototype_of = proxy_set_prototype_of,
    .is_extensible = proxy_is_extensible,
    .prevent_extensions = proxy_prevent_extensions,
};

static const EnClass proxy_class = {"Proxy", sizeof(EnProxy), &proxy_ops, proxy_trace, NULL};

// ---------------------------------------------------------------------------
// Constructor (§28.2).

// ProxyCreate(target, handler) (§10.5.14).
static EnValue proxy_create(EnContext *cx, EnValue target, EnValue handler) {
    if (!en_is_object(target) || !en_is_object(handler))
        return en_throw_type_error(cx, "Cannot create proxy with a non-object as target or handler");
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ht = en_handle(cx, target), *hh = en_handle(cx, handler);
    EnObject *p = en_obj_new(cx, EN_CLASS_PROXY, NULL, 0);
    EnValue res = EN_EXCEPTION;
    if (p) {
        EnObject *t = en_as_object(*ht);
        p->hdr.flags |= (uint16_t)(t->hdr.flags & (EN_OBJ_CALLABLE | EN_OBJ_CONSTRUCTOR));
        en_store_ptr(cx, p, (void **)&as_proxy(p)->target, t);
        en_store_ptr(cx, p, (void **)&as_proxy(p)->handler, en_as_object(*hh));
        res = en_object_value(p);
    }
    en_handle_scope_close(&hs);
    return res;
}

static EnValue proxy_ctor(EnContext *cx, const EnArgs *a) {
    if (en_is_undefined(a->new_target)) return en_throw_type_error(cx, "Constructor Proxy requires 'new'");
    return proxy_create(cx, en_arg(a, 0), en_arg(a, 1));
}

// The revoke function: slot 0 holds the proxy until the first call.
static EnValue proxy_revoke(EnContext *cx, const EnArgs *a) {
    EnValue *slot = en_native_slot(a->callee, 0);
    if (en_is_null(*slot)) return EN_UNDEFINED;
    EnObject *p = en_as_object(*slot);
    en_store(cx, ((EnNativeFunction *)a->callee)->slots, slot, EN_NULL);
    en_store_ptr(cx, p, (void **)&as_proxy(p)->target, NULL);
    en_store_ptr(cx, p, (void **)&as_proxy(p)->handler, NULL);
    en_store_ptr(cx, p, (void **)&as_proxy(p)->keys, NULL);
    return EN_UNDEFINED;
}

static EnValue proxy_revocable(EnContext *cx, const EnArgs *a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    EnValue p = proxy_create(cx, en_arg(a, 0), en_arg(a, 1));
    if (en_is_exception(p)) goto done;
    EnValue *hp = en_handle(cx, p);
    EnObject *revoke = en_native_new(cx, proxy_revoke, en_atom(cx, EN_ATOM_empty), 0, EN_NATIVE_NOT_CTOR, 1);
    if (!revoke) goto done;
    en_store(cx, ((EnNativeFunction *)revoke)->slots, en_native_slot(revoke, 0), *hp);
    EnValue *hr = en_handle(cx, en_object_value(revoke));
    EnObject *o = en_obj_new_plain(cx);
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnKey kp = en_key_from_cstr(cx, "proxy");
    if (en_is_exception(kp)) goto done;
    en_handle(cx, kp);
    EnKey kr = en_key_from_cstr(cx, "revoke");
    if (en_is_exception(kr)) goto done;
    en_handle(cx, kr);
    if (!en_create_data_property_or_throw(cx, en_as_object(*ho), kp, *hp) ||
        !en_create_data_property_or_throw(cx, en_as_object(*ho), kr, *hr))
        goto done;
    res = *ho;
done:
    en_handle_scope_close(&hs);
    return res;
}

bool en_init_proxy(EnContext *cx) {
    en_class_register(EN_CLASS_PROXY, &proxy_class);
    EnString *name = en_atom_from_cstr(cx, "Proxy");
    if (!name) return false;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnValue *hn = en_handle(cx, en_string_value(name));
    EnObject *ctor = en_native_new(cx, proxy_ctor, name, 2, EN_NATIVE_CTOR, TRAP_COUNT);
    if (!ctor) goto done;
    EnValue *hc = en_handle(cx, en_object_value(ctor));
    cx->intrinsics[EN_INTRINSIC_ProxyConstructor] = ctor;
    for (uint32_t i = 0; i < TRAP_COUNT; i++) {
        EnString *atom = en_atom_from_cstr(cx, trap_names[i]);
        if (!atom) goto done;
        EnObject *c = en_as_object(*hc);
        en_store(cx, ((EnNativeFunction *)c)->slots, en_native_slot(c, i), en_string_value(atom));
    }
    if (!en_define_method(cx, en_as_object(*hc), "revocable", proxy_revocable, 2)) goto done;
    ok = en_define_value(cx, cx->global, *hn, *hc, EN_PROP_HIDDEN);
done:
    en_handle_scope_close(&hs);
    return ok;
}
