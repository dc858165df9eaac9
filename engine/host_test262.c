// test262 host object `$262`: createRealm, evalScript, detachArrayBuffer
// (DetachArrayBuffer with the undefined key), gc, global, agent (stubs that
// throw: no multi-agent support yet).
#include "typed_array_int.h"
#include "vm_int.h"

static EnValue t262_eval_script(EnContext *cx, const EnArgs *a) {
    EnContext *target = cx;
    EnValue realm_global = *en_native_slot(a->callee, 0);
    (void)realm_global;
    EnValue *slot = en_native_slot(a->callee, 1);
    if (en_is_object(*slot)) {
        // The realm is identified by its global object.
        for (EnContext *c = cx->rt->contexts; c; c = c->next)
            if (en_object_value(c->global) == *slot) target = c;
    }
    EnString *src = en_to_string(cx, en_arg(a, 0));
    if (!src) return EN_EXCEPTION;
    OchBuf b = {0};
    en_str_to_utf8(cx, src, &b);
    EnEvalOptions o;
    en_eval_options_default(&o);
    o.filename = "<evalScript>";
    EnValue r = EN_UNDEFINED;
    EnStatus st = en_eval(target, b.data ? b.data : "", b.len, &o, &r);
    och_buf_free(&b);
    if (st == EN_STATUS_OK) return r;
    if (target != cx && target->has_exception) {
        EnValue e = en_exception_take(target);
        return en_throw(cx, e);
    }
    return EN_EXCEPTION;
}

static EnValue t262_detach(EnContext *cx, const EnArgs *a) {
    EnValue b = en_arg(a, 0);
    if (!en_is_array_buffer(b)) return en_throw_type_error(cx, "detachArrayBuffer: not an ArrayBuffer");
    if (!en_ab_detach(cx, en_as_object(b), EN_UNDEFINED)) return EN_EXCEPTION;
    return EN_NULL;
}

static EnValue t262_gc(EnContext *cx, const EnArgs *a) {
    (void)a;
    en_gc_collect(cx->rt);
    return EN_UNDEFINED;
}

static EnValue t262_agent_stub(EnContext *cx, const EnArgs *a) {
    (void)a;
    return en_throw_type_error(cx, "$262.agent is not supported");
}

static EnObject *make_262(EnContext *cx);

static EnValue t262_create_realm(EnContext *cx, const EnArgs *a) {
    (void)a;
    EnContext *nc = en_context_new(cx->rt);
    if (!nc) return en_throw_type_error(cx, "createRealm failed");
    EnObject *o = make_262(nc);
    if (!o) return EN_EXCEPTION;
    return en_object_value(o);
}

static bool method_with_realm(EnContext *cx, EnObject *o, const char *name, EnNativeFn fn,
                              uint32_t len) {
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnString *s = en_atom_from_cstr(cx, name);
    if (!s) return false;
    EnObject *f = en_native_new(cx, fn, s, len, EN_NATIVE_NOT_CTOR, 2);
    if (!f) return false;
    *en_native_slot(f, 1) = en_object_value(cx->global);
    return en_define_value(cx, en_as_object(*ho), en_key_atom(s), en_object_value(f),
                           EN_PROP_HIDDEN);
}

static EnObject *make_262(EnContext *cx) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnObject *res = NULL;
    EnObject *o = en_obj_new_plain(cx);
    if (!o) goto done;
    EnValue *ho = en_handle(cx, en_object_value(o));
    if (!method_with_realm(cx, o, "evalScript", t262_eval_script, 1) ||
        !en_define_method(cx, en_as_object(*ho), "createRealm", t262_create_realm, 0) ||
        !en_define_method(cx, en_as_object(*ho), "detachArrayBuffer", t262_detach, 1) ||
        !en_define_method(cx, en_as_object(*ho), "gc", t262_gc, 0))
        goto done;
    if (!en_define_value(cx, en_as_object(*ho), en_key_atom(en_atom(cx, EN_ATOM_globalThis)),
                         en_object_value(cx->global), EN_PROP_HIDDEN))
        goto done;
    EnString *gname = en_atom_from_cstr(cx, "global");
    if (!gname || !en_define_value(cx, en_as_object(*ho), en_key_atom(gname),
                                   en_object_value(cx->global), EN_PROP_HIDDEN))
        goto done;
    EnObject *agent = en_obj_new_plain(cx);
    if (!agent) goto done;
    EnValue *ha = en_handle(cx, en_object_value(agent));
    static const char *const agent_fns[] = {"start", "broadcast", "getReport", "sleep",
                                            "monotonicNow", "receiveBroadcast", "report",
                                            "leaving"};
    for (size_t i = 0; i < sizeof agent_fns / sizeof *agent_fns; i++)
        if (!en_define_method(cx, en_as_object(*ha), agent_fns[i], t262_agent_stub, 0)) goto done;
    EnString *aname = en_atom_from_cstr(cx, "agent");
    if (!aname || !en_define_value(cx, en_as_object(*ho), en_key_atom(aname), *ha, EN_PROP_HIDDEN))
        goto done;
    EnString *n262 = en_atom_from_cstr(cx, "$262");
    if (!n262 || !en_define_value(cx, cx->global, en_key_atom(n262), *ho, EN_PROP_HIDDEN))
        goto done;
    res = en_as_object(*ho);
done:
    en_handle_scope_close(&hs);
    return res;
}

void en_context_install_test262(EnContext *cx) {
    if (!make_262(cx) && cx->has_exception) en_exception_take(cx);
}
