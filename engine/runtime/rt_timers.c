// Timers and immediates (Node's timers API): setTimeout, setInterval,
// setImmediate, their clear functions, and the Timeout / Immediate objects
// they return (ref, unref, hasRef, refresh, close, Symbol.toPrimitive -> id).
// Timers are libuv timers, one per timer; immediates run from the loop's
// check phase (rt_int.h). Delays follow Node: a delay that is not a number
// in [1, 2^31 - 1] becomes 1 ms.
#include <math.h>
#include <string.h>

#include "rt_int.h"

#define TIMEOUT_MAX 2147483647.0

static EnValue state_get(EnContext *cx, const char *name) {
    return en_get(cx, en_object_value(en_intrinsic(cx, EN_INTRINSIC_HostState)), rt_key(cx, name));
}

// The hidden id of a Timeout/Immediate object (a private symbol key), or of
// a number/string id; 0 when v names no timer.
static uint32_t id_of(EnContext *cx, EnValue v) {
    if (en_is_object(v)) {
        EnValue sym = state_get(cx, "idKey");
        if (!en_is_symbol(sym)) return 0;
        EnPropDesc d;
        bool found = false;
        if (!en_obj_get_own_property(cx, en_as_object(v), sym, &d, &found) || !found) return 0;
        v = d.value;
    } else if (en_is_string(v)) {
        double x;
        if (!en_to_number(cx, v, &x)) return 0;
        v = en_number(x);
    }
    if (!en_is_number(v)) return 0;
    double x = en_as_number(v);
    return x >= 1 && x <= UINT32_MAX && x == floor(x) ? (uint32_t)x : 0;
}

static RtTimer *find_timer(RtHost *h, uint32_t id) {
    for (RtTimer *t = h->timers; t; t = t->next)
        if (t->id == id) return t;
    return NULL;
}

static void timer_closed(uv_handle_t *handle) { och_free(handle->data); }

static void drop_timer(RtHost *h, RtTimer *t) {
    for (RtTimer **l = &h->timers; *l; l = &(*l)->next) {
        if (*l == t) {
            *l = t->next;
            break;
        }
    }
    uv_timer_stop(&t->handle);
    uv_close((uv_handle_t *)&t->handle, timer_closed);
}

static bool delete_record(EnContext *cx, const char *table, uint32_t id) {
    EnValue tab = state_get(cx, table);
    bool ok;
    return en_is_object(tab) && en_obj_delete(cx, en_as_object(tab), en_key_index(id), &ok);
}

static void timer_fired(uv_timer_t *handle) {
    RtTimer *t = handle->data;
    RtHost *h = t->host;
    EnContext *cx = h->cx;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    uint32_t id = t->id;
    EnValue tab = state_get(cx, "timers");
    EnValue rec = en_is_object(tab) ? en_get_index(cx, tab, id) : EN_UNDEFINED;
    if (!en_is_object(rec)) {
        drop_timer(h, t);  // cleared meanwhile
        en_handle_scope_close(&hs);
        return;
    }
    EnValue *hr = en_handle(cx, rec);
    EnValue self = en_get_index(cx, *hr, 1);
    EnValue r = self == EN_EXCEPTION ? self : rt_call_record(h, *hr, 2, self);
    // A one-shot timer is done unless its callback re-armed it (refresh);
    // the callback may also have cleared it (t is gone then).
    t = find_timer(h, id);
    if (t && !t->repeat && !uv_is_active((uv_handle_t *)&t->handle)) {
        delete_record(cx, "timers", id);
        drop_timer(h, t);
    }
    rt_after_macrotask(h, r);
    en_handle_scope_close(&hs);
}

// A Timeout or Immediate object for id, with prototype HostState[proto].
static EnValue handle_object(EnContext *cx, const char *proto, uint32_t id) {
    EnValue p = state_get(cx, proto);
    if (!en_is_object(p)) return EN_EXCEPTION;
    EnObject *o = en_obj_new(cx, EN_CLASS_OBJECT, en_as_object(p), 4);
    if (!o) return EN_EXCEPTION;
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValue sym = state_get(cx, "idKey");
    if (!en_define_value(cx, en_as_object(*ho), sym, en_number(id), 0)) return EN_EXCEPTION;
    return *ho;
}

// [callback, handle object, args...] from the call's arguments.
static EnValue make_record(EnContext *cx, const EnArgs *a, EnValue self, uint32_t args_from) {
    EnObject *rec = en_array_new(cx, 0);
    if (!rec) return EN_EXCEPTION;
    EnValue *hr = en_handle(cx, en_object_value(rec));
    if (!en_array_push(cx, en_as_object(*hr), en_arg(a, 0)) ||
        !en_array_push(cx, en_as_object(*hr), self))
        return EN_EXCEPTION;
    for (uint32_t i = args_from; i < a->argc; i++)
        if (!en_array_push(cx, en_as_object(*hr), a->argv[i])) return EN_EXCEPTION;
    return *hr;
}

static EnValue callback_type_error(EnContext *cx) {
    return en_throw_type_error(cx, "The \"callback\" argument must be of type function");
}

static EnValue schedule(EnContext *cx, const EnArgs *a, bool repeat) {
    RtHost *h = rt_host_of(cx);
    if (!en_is_callable(en_arg(a, 0))) return callback_type_error(cx);
    double delay = 1;
    if (a->argc > 1 && !en_to_number(cx, a->argv[1], &delay)) return EN_EXCEPTION;
    if (!(delay >= 1 && delay <= TIMEOUT_MAX)) delay = 1;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    uint32_t id = h->next_id++;
    EnValue self = handle_object(cx, "TimeoutPrototype", id);
    if (self == EN_EXCEPTION) goto done;
    EnValue *hs_self = en_handle(cx, self);
    EnValue rec = make_record(cx, a, *hs_self, 2);
    if (rec == EN_EXCEPTION) goto done;
    EnValue tab = state_get(cx, "timers");
    if (!en_is_object(tab) || !en_set_index(cx, tab, id, rec)) goto done;
    RtTimer *t = och_calloc(1, sizeof *t);
    t->host = h;
    t->id = id;
    t->ms = (uint64_t)delay;
    t->repeat = repeat;
    t->refed = true;
    t->handle.data = t;
    uv_timer_init(&h->loop, &t->handle);
    // Delays count from now, not from the loop's cached time (the script
    // may have run for a while since).
    uv_update_time(&h->loop);
    uv_timer_start(&t->handle, timer_fired, t->ms, repeat ? t->ms : 0);
    t->next = h->timers;
    h->timers = t;
    res = *hs_self;
done:
    en_handle_scope_close(&hs);
    return res;
}

static EnValue set_timeout(EnContext *cx, const EnArgs *a) { return schedule(cx, a, false); }
static EnValue set_interval(EnContext *cx, const EnArgs *a) { return schedule(cx, a, true); }

// Whether an Immediate object still keeps the loop alive (not unref'ed).
static bool is_refed_immediate(EnContext *cx, EnValue self) {
    if (!en_is_object(self)) return false;
    EnValue rk = state_get(cx, "unrefKey");
    EnPropDesc d;
    bool found = false;
    return en_obj_get_own_property(cx, en_as_object(self), rk, &d, &found) && !found;
}

static EnValue clear_timer(EnContext *cx, const EnArgs *a) {
    RtHost *h = rt_host_of(cx);
    uint32_t id = id_of(cx, en_arg(a, 0));
    if (cx->has_exception) return EN_EXCEPTION;
    RtTimer *t = id ? find_timer(h, id) : NULL;
    if (t) {
        delete_record(cx, "timers", id);
        drop_timer(h, t);
        return EN_UNDEFINED;
    }
    // An immediate: forget its record (the queue skips it) and its hold on
    // the loop.
    EnValue byid = state_get(cx, "immediates_by_id");
    EnValue rec = id && en_is_object(byid) ? en_get_index(cx, byid, id) : EN_UNDEFINED;
    if (rec == EN_EXCEPTION) return EN_EXCEPTION;
    if (!en_is_object(rec)) return EN_UNDEFINED;
    EnValue *hr = en_handle(cx, rec);
    EnValue self = en_get_index(cx, *hr, 1);
    if (self == EN_EXCEPTION) return EN_EXCEPTION;
    if (is_refed_immediate(cx, self) && h->refed_immediates) h->refed_immediates--;
    if (!delete_record(cx, "immediates_by_id", id)) return EN_EXCEPTION;
    if (!h->refed_immediates) uv_idle_stop(&h->idle);
    return EN_UNDEFINED;
}

// --- immediates ---------------------------------------------------------------

static void idle_noop(uv_idle_t *handle) { (void)handle; }

static void run_immediates(uv_check_t *handle) {
    RtHost *h = handle->data;
    EnContext *cx = h->cx;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    // Only the immediates queued before this phase run now; those they
    // queue wait for the next loop iteration (Node's rule).
    EnValue q = state_get(cx, "immediates");
    EnValue *hq = en_handle(cx, q);
    if (!rt_state_reset_array(cx, "immediates")) {
        rt_after_macrotask(h, EN_EXCEPTION);
        goto done;
    }
    uint64_t n = 0;
    if (en_is_object(*hq)) en_length_of_array_like(cx, *hq, &n);
    for (uint32_t i = 0; i < n && h->status == EN_STATUS_OK; i++) {
        EnValue idv = en_get_index(cx, *hq, i);
        uint32_t id = en_is_number(idv) ? (uint32_t)en_as_number(idv) : 0;
        EnValue byid = state_get(cx, "immediates_by_id");
        EnValue rec = en_is_object(byid) ? en_get_index(cx, byid, id) : EN_UNDEFINED;
        if (!en_is_object(rec)) continue;  // cleared
        EnValue *hr = en_handle(cx, rec);
        EnValue self = en_get_index(cx, *hr, 1);
        EnValue *hself = en_handle(cx, self);
        if (is_refed_immediate(cx, *hself) && h->refed_immediates) h->refed_immediates--;
        delete_record(cx, "immediates_by_id", id);
        if (!rt_after_macrotask(h, rt_call_record(h, *hr, 2, *hself))) break;
    }
    uint64_t left = 0;
    EnValue nq = state_get(cx, "immediates");
    if (en_is_object(nq)) en_length_of_array_like(cx, nq, &left);
    if (!left) {
        uv_check_stop(&h->check);
        uv_idle_stop(&h->idle);
    } else if (!h->refed_immediates) {
        uv_idle_stop(&h->idle);
    }
done:
    en_handle_scope_close(&hs);
}

static void start_immediates(RtHost *h) {
    uv_check_start(&h->check, run_immediates);
    if (h->refed_immediates) {
        uv_ref((uv_handle_t *)&h->check);
        uv_idle_start(&h->idle, idle_noop);
    } else {
        uv_unref((uv_handle_t *)&h->check);
    }
}

static EnValue set_immediate(EnContext *cx, const EnArgs *a) {
    RtHost *h = rt_host_of(cx);
    if (!en_is_callable(en_arg(a, 0))) return callback_type_error(cx);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue res = EN_EXCEPTION;
    uint32_t id = h->next_id++;
    EnValue self = handle_object(cx, "ImmediatePrototype", id);
    if (self == EN_EXCEPTION) goto done;
    EnValue *hself = en_handle(cx, self);
    EnValue rec = make_record(cx, a, *hself, 1);
    if (rec == EN_EXCEPTION) goto done;
    EnValue byid = state_get(cx, "immediates_by_id");
    EnValue q = state_get(cx, "immediates");
    if (!en_is_object(byid) || !en_is_object(q) || !en_set_index(cx, byid, id, rec) ||
        !en_array_push(cx, en_as_object(q), en_number(id)))
        goto done;
    h->refed_immediates++;
    start_immediates(h);
    res = *hself;
done:
    en_handle_scope_close(&hs);
    return res;
}

// --- Timeout and Immediate methods ---------------------------------------------

static EnValue timeout_set_ref(EnContext *cx, const EnArgs *a, bool ref) {
    RtHost *h = rt_host_of(cx);
    uint32_t id = id_of(cx, a->this_val);
    RtTimer *t = id ? find_timer(h, id) : NULL;
    if (t) {
        t->refed = ref;
        if (ref) uv_ref((uv_handle_t *)&t->handle);
        else uv_unref((uv_handle_t *)&t->handle);
    }
    return a->this_val;
}
static EnValue timeout_ref(EnContext *cx, const EnArgs *a) { return timeout_set_ref(cx, a, true); }
static EnValue timeout_unref(EnContext *cx, const EnArgs *a) { return timeout_set_ref(cx, a, false); }

static EnValue timeout_has_ref(EnContext *cx, const EnArgs *a) {
    RtHost *h = rt_host_of(cx);
    uint32_t id = id_of(cx, a->this_val);
    RtTimer *t = id ? find_timer(h, id) : NULL;
    return en_bool(t && t->refed);
}

static EnValue timeout_refresh(EnContext *cx, const EnArgs *a) {
    RtHost *h = rt_host_of(cx);
    uint32_t id = id_of(cx, a->this_val);
    RtTimer *t = id ? find_timer(h, id) : NULL;
    if (t) {
        uv_update_time(&h->loop);
        uv_timer_start(&t->handle, timer_fired, t->ms, t->repeat ? t->ms : 0);
    }
    return a->this_val;
}

static EnValue timeout_close(EnContext *cx, const EnArgs *a) {
    EnArgs b = *a;
    b.argc = 1;
    b.argv = &a->this_val;
    if (clear_timer(cx, &b) == EN_EXCEPTION) return EN_EXCEPTION;
    return a->this_val;
}

static EnValue timeout_to_primitive(EnContext *cx, const EnArgs *a) {
    uint32_t id = id_of(cx, a->this_val);
    return id ? en_number(id) : EN_UNDEFINED;
}

// Immediates: unref marks the object (a private key) and drops it from the
// count that keeps the loop alive.
static EnValue immediate_set_ref(EnContext *cx, const EnArgs *a, bool ref) {
    RtHost *h = rt_host_of(cx);
    if (!en_is_object(a->this_val)) return a->this_val;
    EnValue rk = state_get(cx, "unrefKey");
    EnPropDesc d;
    bool found = false;
    if (!en_obj_get_own_property(cx, en_as_object(a->this_val), rk, &d, &found)) return EN_EXCEPTION;
    if (ref && found) {
        bool ok;
        if (!en_obj_delete(cx, en_as_object(a->this_val), rk, &ok)) return EN_EXCEPTION;
        h->refed_immediates++;
    } else if (!ref && !found) {
        if (!en_define_value(cx, en_as_object(a->this_val), rk, EN_TRUE, EN_PROP_CONFIGURABLE))
            return EN_EXCEPTION;
        if (h->refed_immediates) h->refed_immediates--;
    }
    if (uv_is_active((uv_handle_t *)&h->check)) start_immediates(h);
    return a->this_val;
}
static EnValue immediate_ref(EnContext *cx, const EnArgs *a) { return immediate_set_ref(cx, a, true); }
static EnValue immediate_unref(EnContext *cx, const EnArgs *a) { return immediate_set_ref(cx, a, false); }

static EnValue immediate_has_ref(EnContext *cx, const EnArgs *a) {
    if (!en_is_object(a->this_val)) return EN_FALSE;
    EnValue rk = state_get(cx, "unrefKey");
    EnPropDesc d;
    bool found = false;
    if (!en_obj_get_own_property(cx, en_as_object(a->this_val), rk, &d, &found)) return EN_EXCEPTION;
    return en_bool(!found);
}

// --- installation ----------------------------------------------------------------

static bool private_symbol(EnContext *cx, const char *name) {
    EnString *desc = en_atom_from_cstr(cx, name);
    EnSymbol *s = desc ? en_sym_new(cx, en_string_value(desc)) : NULL;
    if (!s) return false;
    s->hdr.flags |= EN_SYM_PRIVATE;
    return rt_state_set(cx, name, en_symbol_value(s));
}

static EnValue illegal_constructor(EnContext *cx, const EnArgs *a) {
    (void)a;
    return en_throw_type_error(cx, "Illegal constructor");
}

// A prototype whose `constructor` is named like Node's class (Timeout,
// Immediate), so that inspection shows `Timeout { ... }`.
static EnObject *prototype(EnContext *cx, const char *name, const char *class_name) {
    EnObject *p = en_obj_new_plain(cx);
    if (!p) return NULL;
    EnValue *hp = en_handle(cx, en_object_value(p));
    EnString *cn = en_atom_from_cstr(cx, class_name);
    EnObject *ctor = cn ? en_native_new(cx, illegal_constructor, cn, 0, EN_NATIVE_NOT_CTOR, 0) : NULL;
    EnKey ck = en_key_atom(en_atom(cx, EN_ATOM_constructor));  // a permanent atom
    if (!ctor || !en_define_value(cx, en_as_object(*hp), ck, en_object_value(ctor), EN_PROP_HIDDEN))
        return NULL;
    return rt_state_set(cx, name, *hp) ? en_as_object(*hp) : NULL;
}

bool rt_timers_install(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    bool ok = false;
    EnObject *byid = en_obj_new(cx, EN_CLASS_OBJECT, NULL, 0);
    if (!byid || !rt_state_set(cx, "immediates_by_id", en_object_value(byid))) goto done;
    if (!private_symbol(cx, "idKey") || !private_symbol(cx, "unrefKey")) goto done;
    EnObject *tp = prototype(cx, "TimeoutPrototype", "Timeout");
    if (!tp) goto done;
    EnValue *htp = en_handle(cx, en_object_value(tp));
    if (!en_define_method(cx, en_as_object(*htp), "ref", timeout_ref, 0) ||
        !en_define_method(cx, en_as_object(*htp), "unref", timeout_unref, 0) ||
        !en_define_method(cx, en_as_object(*htp), "hasRef", timeout_has_ref, 0) ||
        !en_define_method(cx, en_as_object(*htp), "refresh", timeout_refresh, 0) ||
        !en_define_method(cx, en_as_object(*htp), "close", timeout_close, 0) ||
        !en_define_method_sym(cx, en_as_object(*htp), EN_SYM_toPrimitive, "[Symbol.toPrimitive]",
                              timeout_to_primitive, 1))
        goto done;
    EnObject *ip = prototype(cx, "ImmediatePrototype", "Immediate");
    if (!ip) goto done;
    EnValue *hip = en_handle(cx, en_object_value(ip));
    if (!en_define_method(cx, en_as_object(*hip), "ref", immediate_ref, 0) ||
        !en_define_method(cx, en_as_object(*hip), "unref", immediate_unref, 0) ||
        !en_define_method(cx, en_as_object(*hip), "hasRef", immediate_has_ref, 0))
        goto done;
    static const struct {
        const char *name;
        EnNativeFn fn;
        uint32_t length;
    } globals[] = {
        {"setTimeout", set_timeout, 2},   {"setInterval", set_interval, 2},
        {"setImmediate", set_immediate, 1}, {"clearTimeout", clear_timer, 1},
        {"clearInterval", clear_timer, 1}, {"clearImmediate", clear_timer, 1},
    };
    for (size_t i = 0; i < sizeof globals / sizeof *globals; i++)
        if (!en_define_method(cx, cx->global, globals[i].name, globals[i].fn, globals[i].length))
            goto done;
    ok = true;
done:
    en_handle_scope_close(&hs);
    return ok;
}

void rt_timers_close(RtHost *h) {
    while (h->timers) drop_timer(h, h->timers);
}
