// Module namespace exotic objects (ES2025 §10.4.6), class
// MODULE_NAMESPACE: a null-prototype, non-extensible object whose string
// keys are the module's sorted export names, read live from the exporting
// modules' environments (a ReferenceError while a binding is in its TDZ),
// and whose only symbol key is @@toStringTag ("Module", read-only). The
// object stores no properties: every internal method answers from
// EnModule.ns_entries.
#include "module_rec_int.h"

typedef struct EnModuleNamespace {
    EnObject base;
    EnModule *module;
} EnModuleNamespace;

static EnModule *ns_module(EnObject *o) { return ((EnModuleNamespace *)o)->module; }

static void ns_trace(EnGCTracer *t, EnObject *o) { en_gc_mark_cell(t, ns_module(o)); }

// The export entry for key k (string keys only; index keys are looked up
// by their decimal string) in *out, NULL when none. False on heap limit.
static bool ns_find(EnContext *cx, EnObject *o, EnKey k, EnModNsEntry **out) {
    EnString *name = NULL;
    uint32_t idx;
    *out = NULL;
    if (en_is_symbol(k)) return true;
    if (en_key_is_index(k, &idx)) {
        EnValue v = en_key_to_value(cx, k);
        if (v == EN_EXCEPTION) return false;
        name = en_as_string(v);
    } else {
        name = en_as_string(k);
    }
    // Binary search in code-unit order (atoms are flat).
    EnModule *m = ns_module(o);
    uint32_t lo = 0, hi = m->ns_count, n = en_str_length(name);
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        EnString *x = m->ns_entries[mid].name;
        int c = 0;
        if (x != name) {
            uint32_t xl = en_str_length(x), l = xl < n ? xl : n;
            for (uint32_t i = 0; i < l && !c; i++) {
                uint16_t a = en_str_at(x, i), b = en_str_at(name, i);
                c = a < b ? -1 : a > b;
            }
            if (!c) c = xl < n ? -1 : xl > n;
        }
        if (!c) {
            *out = &m->ns_entries[mid];
            return true;
        }
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return true;
}

static bool is_tag(EnContext *cx, EnKey k) {
    return en_is_symbol(k) && en_as_symbol(k) == en_well_known_symbol(cx, EN_SYM_toStringTag);
}

// The value of an export (a ReferenceError in TDZ).
static bool ns_value(EnContext *cx, EnModNsEntry *e, EnValue *out) {
    if (e->ns) {
        EnValue v = en_module_namespace(cx, e->target);
        if (v == EN_EXCEPTION) return false;
        *out = v;
        return true;
    }
    EnEnv *env = e->target->env;
    EnValue v = env && e->slot < env->hdr.aux ? env->slots[e->slot] : EN_UNINIT;
    if (v == EN_UNINIT) {
        OchBuf b = {0};
        en_str_to_utf8(cx, e->name, &b);
        en_throw_reference_error(cx, "Cannot access '%s' before initialization",
                                 b.data ? b.data : "");
        och_buf_free(&b);
        return false;
    }
    *out = v;
    return true;
}

static bool ns_tag_desc(EnContext *cx, EnPropDesc *out) {
    EnString *s = en_atom_from_cstr(cx, "Module");
    if (!s) return false;
    out->has = EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE | EN_DESC_HAS_ENUMERABLE |
               EN_DESC_HAS_CONFIGURABLE;
    out->attrs = 0;
    out->value = en_string_value(s);
    out->getter = out->setter = EN_UNDEFINED;
    return true;
}

static bool ns_get_own(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out, bool *found) {
    *found = false;
    if (en_is_symbol(k)) {
        if (!is_tag(cx, k)) return true;
        *found = true;
        return ns_tag_desc(cx, out);
    }
    EnModNsEntry *e;
    if (!ns_find(cx, o, k, &e)) return false;
    if (!e) return true;
    EnValue v;
    if (!ns_value(cx, e, &v)) return false;
    out->has = EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE | EN_DESC_HAS_ENUMERABLE |
               EN_DESC_HAS_CONFIGURABLE;
    out->attrs = EN_PROP_WRITABLE | EN_PROP_ENUMERABLE;
    out->value = v;
    out->getter = out->setter = EN_UNDEFINED;
    *found = true;
    return true;
}

static bool ns_define_own(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d, bool *ok) {
    EnPropDesc cur;
    bool found;
    *ok = false;
    if (!ns_get_own(cx, o, k, &cur, &found)) return false;
    if (!found) return true;
    uint8_t attrs = cur.attrs;
    if ((d->has & EN_DESC_HAS_CONFIGURABLE) && (d->attrs & EN_PROP_CONFIGURABLE)) return true;
    if ((d->has & EN_DESC_HAS_ENUMERABLE) &&
        ((d->attrs & EN_PROP_ENUMERABLE) != 0) != ((attrs & EN_PROP_ENUMERABLE) != 0))
        return true;
    if (d->has & (EN_DESC_HAS_GET | EN_DESC_HAS_SET)) return true;
    if ((d->has & EN_DESC_HAS_WRITABLE) &&
        ((d->attrs & EN_PROP_WRITABLE) != 0) != ((attrs & EN_PROP_WRITABLE) != 0))
        return true;
    if (d->has & EN_DESC_HAS_VALUE) *ok = en_same_value(d->value, cur.value);
    else *ok = true;
    return true;
}

static bool ns_has(EnContext *cx, EnObject *o, EnKey k, bool *found) {
    if (en_is_symbol(k)) {
        *found = is_tag(cx, k);
        return true;
    }
    EnModNsEntry *e;
    if (!ns_find(cx, o, k, &e)) return false;
    *found = e != NULL;
    return true;
}

static bool ns_get(EnContext *cx, EnObject *o, EnKey k, EnValue receiver, EnValue *out) {
    (void)receiver;
    if (en_is_symbol(k)) {
        if (!is_tag(cx, k)) {
            *out = EN_UNDEFINED;
            return true;
        }
        EnPropDesc d;
        if (!ns_tag_desc(cx, &d)) return false;
        *out = d.value;
        return true;
    }
    EnModNsEntry *e;
    if (!ns_find(cx, o, k, &e)) return false;
    if (!e) {
        *out = EN_UNDEFINED;
        return true;
    }
    return ns_value(cx, e, out);
}

static bool ns_set(EnContext *cx, EnObject *o, EnKey k, EnValue v, EnValue receiver, bool *ok) {
    (void)cx, (void)o, (void)k, (void)v, (void)receiver;
    *ok = false;
    return true;
}

static bool ns_delete(EnContext *cx, EnObject *o, EnKey k, bool *ok) {
    if (en_is_symbol(k)) {
        *ok = !is_tag(cx, k);
        return true;
    }
    EnModNsEntry *e;
    if (!ns_find(cx, o, k, &e)) return false;
    *ok = e == NULL;
    return true;
}

static bool ns_own_keys(EnContext *cx, EnObject *o, EnKey **keys, uint32_t *n) {
    EnModule *m = ns_module(o);
    uint32_t cnt = m->ns_count;
    EnKey *v = och_malloc((cnt + 1) * sizeof *v);
    for (uint32_t i = 0; i < cnt; i++) {
        EnString *s = m->ns_entries[i].name;
        // Canonical numeric names are index keys.
        EnKey k = en_key_atom(s);
        uint32_t len = en_str_length(s);
        if (len && len <= 10) {
            uint64_t x = 0;
            bool digits = true;
            for (uint32_t j = 0; j < len && digits; j++) {
                uint16_t c = en_str_at(s, j);
                digits = c >= '0' && c <= '9';
                x = x * 10 + (uint64_t)(c - '0');
            }
            if (digits && (len == 1 || en_str_at(s, 0) != '0') && x <= 0xFFFFFFFEull)
                k = en_key_index((uint32_t)x);
        }
        v[i] = k;
    }
    v[cnt] = en_symbol_value(en_well_known_symbol(cx, EN_SYM_toStringTag));
    *keys = v;
    *n = cnt + 1;
    return true;
}

static bool ns_get_proto(EnContext *cx, EnObject *o, EnObject **out) {
    (void)cx, (void)o;
    *out = NULL;
    return true;
}

static bool ns_set_proto(EnContext *cx, EnObject *o, EnObject *proto, bool *ok) {
    (void)cx, (void)o;
    *ok = proto == NULL;  // SetImmutablePrototype
    return true;
}

static bool ns_is_extensible(EnContext *cx, EnObject *o, bool *out) {
    (void)cx, (void)o;
    *out = false;
    return true;
}

static bool ns_prevent_extensions(EnContext *cx, EnObject *o, bool *ok) {
    (void)cx, (void)o;
    *ok = true;
    return true;
}

static const EnClassOps ns_ops = {
    ns_get_own, ns_define_own, ns_has,      ns_get,       ns_set,
    ns_delete,  ns_own_keys,   ns_get_proto, ns_set_proto, ns_is_extensible,
    ns_prevent_extensions,
};

static const EnClass ns_class = {"Module", sizeof(EnModuleNamespace), &ns_ops, ns_trace, NULL};

EnObject *en_module_ns_new(EnContext *cx, EnModule *m) {
    en_class_register(EN_CLASS_MODULE_NAMESPACE, &ns_class);
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hm = en_handle(cx, en_cell_value(m));
    EnObject *o = en_obj_new(cx, EN_CLASS_MODULE_NAMESPACE, NULL, 0);
    if (o) ((EnModuleNamespace *)o)->module = en_as_ptr(*hm);
    en_handle_scope_close(&hs);
    return o;
}
