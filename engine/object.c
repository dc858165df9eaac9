// Objects: allocation, named-slot storage, dictionary mode, the ordinary
// essential internal methods (ECMA-262 §10.1) and their dispatch to exotic
// classes (EnClassOps).
//
// GC discipline: every function here roots the objects, keys and values it
// still needs before a call that may allocate or run JS, so callers may
// pass unrooted values; pointers into slot/element storage are re-read
// after any such call.
#include "objmodel_int.h"

// ---------------------------------------------------------------------------
// Class table. Classes of other owners are registered with
// en_class_register at runtime creation; until then they behave as
// ordinary objects of size EnObject.

#define CLASS_DEFAULT_(id, nm) [EN_CLASS_##id] = {nm, sizeof(EnObject), NULL, NULL, NULL},
static const EnClass default_classes[EN_CLASS_COUNT] = {EN_CLASS_LIST(CLASS_DEFAULT_)};
#undef CLASS_DEFAULT_

#define CLASS_PTR_(id, nm) [EN_CLASS_##id] = &default_classes[EN_CLASS_##id],
const EnClass *en_class_table[EN_CLASS_COUNT] = {EN_CLASS_LIST(CLASS_PTR_)};
#undef CLASS_PTR_

// The object model's own classes, installed before main() so that even
// tests that build objects without a realm see them.
__attribute__((constructor)) static void register_own_classes(void) {
    en_class_table[EN_CLASS_ARRAY] = &en_class_array;
    en_class_table[EN_CLASS_STRING] = &en_class_string_obj;
    en_class_table[EN_CLASS_BOOLEAN] = &en_class_primitive;
    en_class_table[EN_CLASS_NUMBER] = &en_class_primitive;
    en_class_table[EN_CLASS_SYMBOL] = &en_class_primitive;
    en_class_table[EN_CLASS_BIGINT] = &en_class_primitive;
    en_class_table[EN_CLASS_ARGUMENTS] = &en_class_arguments;
}

void en_class_register(EnClassId id, const EnClass *cls) { en_class_table[id] = cls; }

// ---------------------------------------------------------------------------
// Cell ops.

static void object_trace(EnGCTracer *t, void *cell) {
    EnObject *o = cell;
    en_gc_mark_cell(t, o->shape);
    en_gc_mark_cell(t, o->slots);
    if (o->hdr.flags & EN_OBJ_ELEM_DICT)
        en_ptab_trace(t, o->el.elem_dict);
    else
        en_gc_mark_cell(t, o->el.elements);
    const EnClass *c = en_class_of(en_obj_class(o));
    if (o->shape) en_gc_mark_values(t, en_obj_inline_slots(o), o->shape->ninline);
    if (c->trace) c->trace(t, o);
}

static void object_finalize(EnRuntime *rt, void *cell) {
    EnObject *o = cell;
    if (o->hdr.flags & EN_OBJ_ELEM_DICT) {
        en_ptab_release(o->el.elem_dict);
        o->el.elem_dict = NULL;
        o->hdr.flags &= (uint16_t)~EN_OBJ_ELEM_DICT;
    }
    const EnClass *c = en_class_of(en_obj_class(o));
    if (c->finalize) c->finalize(rt, o);
}

static size_t object_size(const void *cell) {
    const EnObject *o = cell;
    return en_class_of(en_obj_class(o))->size + (o->shape ? o->shape->ninline : 0) * sizeof(EnValue);
}

const EnCellOps en_ops_object = {object_trace, object_finalize, object_size};

static void value_array_trace(EnGCTracer *t, void *cell) {
    EnValueArray *a = cell;
    en_gc_mark_values(t, a->v, a->hdr.aux);
}
static size_t value_array_size(const void *cell) {
    const EnValueArray *a = cell;
    return sizeof(EnValueArray) + a->hdr.aux * sizeof(EnValue);
}
const EnCellOps en_ops_value_array = {value_array_trace, NULL, value_array_size};

static void accessor_trace(EnGCTracer *t, void *cell) {
    EnAccessor *a = cell;
    en_gc_mark_value(t, a->getter);
    en_gc_mark_value(t, a->setter);
}
static size_t accessor_size(const void *cell) {
    (void)cell;
    return sizeof(EnAccessor);
}
const EnCellOps en_ops_accessor = {accessor_trace, NULL, accessor_size};

EnAccessor *en_accessor_new(EnContext *cx, EnValue getter, EnValue setter) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hg = en_handle(cx, getter), *hs2 = en_handle(cx, setter);
    EnAccessor *a = en_gc_alloc(cx, EN_CELL_ACCESSOR, sizeof(EnAccessor));
    if (a) {
        a->getter = *hg;
        a->setter = *hs2;
    }
    en_handle_scope_close(&hs);
    return a;
}

// ---------------------------------------------------------------------------
// Allocation and storage.

EnObject *en_obj_new(EnContext *cx, EnClassId cls, EnObject *proto, uint8_t ninline) {
    EnShape *shape = en_shape_root(cx, proto, (uint8_t)cls, ninline);  // roots proto itself
    if (!shape) return NULL;
    // The root cache holds shapes weakly: root this one across the allocation
    // (it keeps proto alive in turn).
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hsh = en_handle(cx, en_ptr_value(EN_TAG_CELL, shape));
    size_t size = en_class_of(cls)->size + (size_t)ninline * sizeof(EnValue);
    EnObject *o = en_gc_alloc(cx, EN_CELL_OBJECT, size);
    if (o) {
        o->hdr.aux = cls;
        o->shape = en_as_ptr(*hsh);
        EnValue *in = en_obj_inline_slots(o);
        for (uint32_t i = 0; i < ninline; i++) in[i] = EN_UNDEFINED;
    }
    en_handle_scope_close(&hs);
    return o;
}

EnObject *en_obj_new_plain(EnContext *cx) {
    return en_obj_new(cx, EN_CLASS_OBJECT, en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype), 4);
}

static EnValueArray *value_array_new(EnContext *cx, uint32_t cap) {
    EnValueArray *a = en_gc_alloc(cx, EN_CELL_VALUE_ARRAY, sizeof(EnValueArray) + (size_t)cap * sizeof(EnValue));
    if (a) {
        a->hdr.aux = cap;
        for (uint32_t i = 0; i < cap; i++) a->v[i] = EN_UNDEFINED;
    }
    return a;
}

bool en_obj_reserve_slots(EnContext *cx, EnObject *o, uint32_t nslots) {
    uint32_t nin = o->shape->ninline;
    if (nslots <= nin) return true;
    uint32_t need = nslots - nin, cap = o->slots ? o->slots->hdr.aux : 0;
    if (need <= cap) return true;
    uint32_t ncap = cap ? cap * 2 : 4;
    if (ncap < need) ncap = need;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValueArray *a = value_array_new(cx, ncap);
    o = en_as_object(*ho);
    en_handle_scope_close(&hs);
    if (!a) return false;
    if (o->slots) memcpy(a->v, o->slots->v, cap * sizeof(EnValue));
    en_store_ptr(cx, o, (void **)&o->slots, a);
    return true;
}

bool en_obj_make_dictionary(EnContext *cx, EnObject *o) {
    if (en_shape_is_dict(o->shape)) return true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnShape *d = en_shape_to_dictionary(cx, o->shape);
    o = en_as_object(*ho);
    en_handle_scope_close(&hs);
    if (!d) return false;
    en_store_ptr(cx, o, (void **)&o->shape, d);
    return true;
}

EnValue *en_obj_find_named(EnObject *o, EnKey k, uint8_t *attrs) {
    uint32_t slot;
    if (!en_shape_lookup(o->shape, k, &slot, attrs)) return NULL;
    return en_obj_slot_ref(o, slot);
}

// Appends a named property (k absent). Roots its arguments.
static bool add_named(EnContext *cx, EnObject *o, EnKey k, EnValue v, uint8_t attrs) {
    EnShape *s = o->shape;
    if (!en_shape_is_dict(s) && s->nprops < EN_SHAPE_MAX_PROPS) {
        EnShape *ns = en_shape_find_transition(s, k, attrs);
        if (ns && (ns->slot < ns->ninline || (o->slots && ns->slot - ns->ninline < o->slots->hdr.aux))) {
            // Fast path: known transition, room in the slots: no allocation.
            o->shape = ns;
            en_store(cx, o, en_obj_slot_ref(o, ns->slot), v);
            return true;
        }
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *ho = en_handle(cx, en_object_value(o)), *hv = en_handle(cx, v);
        if (!ns) ns = en_shape_add(cx, s, k, attrs);  // roots s and k itself
        bool ok = ns != NULL;
        if (ok) {
            // ns is held only weakly by s's transitions: root it too.
            EnValue *hn = en_handle(cx, en_ptr_value(EN_TAG_CELL, ns));
            ok = en_obj_reserve_slots(cx, en_as_object(*ho), ns->nprops);
            ns = en_as_ptr(*hn);
        }
        o = en_as_object(*ho);
        v = *hv;
        en_handle_scope_close(&hs);
        if (!ok) return false;
        en_store_ptr(cx, o, (void **)&o->shape, ns);
        en_store(cx, o, en_obj_slot_ref(o, ns->slot), v);
        return true;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o)), *hv = en_handle(cx, v), *hk = en_handle(cx, k);
    bool ok = en_obj_make_dictionary(cx, o);
    uint32_t slot = 0;
    if (ok) {
        o = en_as_object(*ho);
        EnPropTable *t = o->shape->table;
        slot = t->nfree ? t->free_slots[t->nfree - 1] : o->shape->nprops;
        ok = en_obj_reserve_slots(cx, o, slot + 1);
    }
    o = en_as_object(*ho);
    v = *hv;
    k = *hk;
    en_handle_scope_close(&hs);
    if (!ok) return false;
    EnShape *d = o->shape;
    EnPropTable *t = d->table;
    if (t->nfree && t->free_slots[t->nfree - 1] == slot)
        t->nfree--;
    else
        d->nprops = slot + 1;
    en_ptab_add(t, k, EN_UNDEFINED, slot, attrs);
    en_store(cx, o, en_obj_slot_ref(o, slot), v);
    return true;
}

static void remove_named(EnContext *cx, EnObject *o, EnKey k) {
    EnShape *s = o->shape;
    if (!en_shape_is_dict(s) && s->key == k && s->parent) {
        // Deleting the newest property: step back in the tree, stay fast.
        *en_obj_slot_ref(o, s->slot) = EN_UNDEFINED;
        en_store_ptr(cx, o, (void **)&o->shape, s->parent);
        return;
    }
    if (!en_obj_make_dictionary(cx, o)) return;  // heap limit: termination pending
    EnPropTable *t = o->shape->table;
    EnPropEntry *e = en_ptab_find(t, k);
    if (!e) return;
    uint32_t slot = e->slot;
    en_ptab_remove(t, e);
    *en_obj_slot_ref(o, slot) = EN_UNDEFINED;
    if (t->nfree == t->free_cap) {
        t->free_cap = t->free_cap ? t->free_cap * 2 : 8;
        t->free_slots = och_realloc(t->free_slots, t->free_cap * sizeof(uint32_t));
    }
    t->free_slots[t->nfree++] = slot;
}

// Changes the attributes of an existing named property (dictionary mode).
static bool reattr_named(EnContext *cx, EnObject *o, EnKey k, uint8_t attrs, EnValue v) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o)), *hv = en_handle(cx, v);
    bool ok = en_obj_make_dictionary(cx, o);
    o = en_as_object(*ho);
    v = *hv;
    en_handle_scope_close(&hs);
    if (!ok) return false;
    EnPropEntry *e = en_ptab_find(o->shape->table, k);
    if (!e) return true;
    e->attrs = attrs;
    en_store(cx, o, en_obj_slot_ref(o, e->slot), v);
    return true;
}

bool en_obj_add_property(EnContext *cx, EnObject *o, EnKey k, EnValue v, uint8_t attrs) {
    uint32_t idx;
    if (en_key_is_index(k, &idx)) return en_elem_put(cx, o, idx, v, attrs);
    return add_named(cx, o, k, v, attrs);
}

// ---------------------------------------------------------------------------
// Descriptors of raw storage.

static EnValue *own_find(EnObject *o, EnKey k, uint8_t *attrs) {
    uint32_t idx;
    if (en_key_is_index(k, &idx)) return en_elem_find(o, idx, attrs);
    return en_obj_find_named(o, k, attrs);
}

static void desc_from_raw(EnValue v, uint8_t attrs, EnPropDesc *out) {
    out->attrs = attrs & (EN_PROP_DEFAULT | EN_PROP_ACCESSOR);
    if (attrs & EN_PROP_ACCESSOR) {
        EnAccessor *a = en_as_accessor(v);
        out->has = EN_DESC_HAS_GET | EN_DESC_HAS_SET | EN_DESC_HAS_ENUMERABLE | EN_DESC_HAS_CONFIGURABLE;
        out->getter = a->getter;
        out->setter = a->setter;
        out->value = EN_UNDEFINED;
    } else {
        out->has = EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE | EN_DESC_HAS_ENUMERABLE |
                   EN_DESC_HAS_CONFIGURABLE;
        out->value = v;
        out->getter = out->setter = EN_UNDEFINED;
    }
}

bool en_ordinary_get_own_property(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out,
                                  bool *found) {
    (void)cx;
    uint8_t attrs;
    EnValue *p = own_find(o, k, &attrs);
    *found = p != NULL;
    if (p) desc_from_raw(*p, attrs, out);
    return true;
}

static inline bool desc_is_accessor(const EnPropDesc *d) {
    return (d->has & (EN_DESC_HAS_GET | EN_DESC_HAS_SET)) != 0;
}
static inline bool desc_is_data(const EnPropDesc *d) {
    return (d->has & (EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE)) != 0;
}

// Stores a property (new or replaced) with its final attributes and value
// (an accessor gets a fresh EnAccessor).
static bool store_prop(EnContext *cx, EnObject *o, EnKey k, bool exists, uint8_t attrs,
                       EnValue value, EnValue getter, EnValue setter) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o)), *hk = en_handle(cx, k);
    if (attrs & EN_PROP_ACCESSOR) {
        EnAccessor *a = en_accessor_new(cx, getter, setter);
        if (!a) {
            en_handle_scope_close(&hs);
            return false;
        }
        value = en_ptr_value(EN_TAG_CELL, a);
    }
    o = en_as_object(*ho);
    k = *hk;
    en_handle_scope_close(&hs);
    uint32_t idx;
    if (en_key_is_index(k, &idx)) return en_elem_put(cx, o, idx, value, attrs);
    if (!exists) return add_named(cx, o, k, value, attrs);
    uint8_t old;
    EnValue *p = en_obj_find_named(o, k, &old);
    if (p && old == attrs) {
        en_store(cx, o, p, value);
        return true;
    }
    return reattr_named(cx, o, k, attrs, value);
}

bool en_validate_and_apply(EnContext *cx, EnObject *o, EnKey k, bool extensible,
                           const EnPropDesc *d, const EnPropDesc *cur, bool has_current,
                           bool *ok) {
    uint8_t h = d->has;
    if (!has_current) {
        if (!extensible) return *ok = false, true;
        *ok = true;
        if (!o) return true;
        uint8_t attrs = d->attrs & (EN_PROP_ENUMERABLE | EN_PROP_CONFIGURABLE);
        if (desc_is_accessor(d)) {
            return store_prop(cx, o, k, false, attrs | EN_PROP_ACCESSOR, EN_UNDEFINED,
                              (h & EN_DESC_HAS_GET) ? d->getter : EN_UNDEFINED,
                              (h & EN_DESC_HAS_SET) ? d->setter : EN_UNDEFINED);
        }
        attrs |= d->attrs & EN_PROP_WRITABLE;
        return store_prop(cx, o, k, false, attrs,
                          (h & EN_DESC_HAS_VALUE) ? d->value : EN_UNDEFINED, EN_UNDEFINED,
                          EN_UNDEFINED);
    }
    *ok = true;
    if (!h) return true;
    bool cur_acc = (cur->attrs & EN_PROP_ACCESSOR) != 0;
    if (!(cur->attrs & EN_PROP_CONFIGURABLE)) {
        if ((h & EN_DESC_HAS_CONFIGURABLE) && (d->attrs & EN_PROP_CONFIGURABLE)) return *ok = false, true;
        if ((h & EN_DESC_HAS_ENUMERABLE) &&
            ((d->attrs ^ cur->attrs) & EN_PROP_ENUMERABLE))
            return *ok = false, true;
        bool generic = !desc_is_accessor(d) && !desc_is_data(d);
        if (!generic && desc_is_accessor(d) != cur_acc) return *ok = false, true;
        if (cur_acc) {
            if ((h & EN_DESC_HAS_GET) && !en_same_value(d->getter, cur->getter)) return *ok = false, true;
            if ((h & EN_DESC_HAS_SET) && !en_same_value(d->setter, cur->setter)) return *ok = false, true;
        } else if (!(cur->attrs & EN_PROP_WRITABLE)) {
            if ((h & EN_DESC_HAS_WRITABLE) && (d->attrs & EN_PROP_WRITABLE)) return *ok = false, true;
            if ((h & EN_DESC_HAS_VALUE) && !en_same_value(d->value, cur->value)) return *ok = false, true;
        }
    }
    if (!o) return true;
    uint8_t attrs = cur->attrs & (EN_PROP_ENUMERABLE | EN_PROP_CONFIGURABLE);
    if (h & EN_DESC_HAS_ENUMERABLE) attrs = (uint8_t)((attrs & ~EN_PROP_ENUMERABLE) | (d->attrs & EN_PROP_ENUMERABLE));
    if (h & EN_DESC_HAS_CONFIGURABLE) attrs = (uint8_t)((attrs & ~EN_PROP_CONFIGURABLE) | (d->attrs & EN_PROP_CONFIGURABLE));
    if (!cur_acc && desc_is_accessor(d)) {
        return store_prop(cx, o, k, true, attrs | EN_PROP_ACCESSOR, EN_UNDEFINED,
                          (h & EN_DESC_HAS_GET) ? d->getter : EN_UNDEFINED,
                          (h & EN_DESC_HAS_SET) ? d->setter : EN_UNDEFINED);
    }
    if (cur_acc && desc_is_data(d)) {
        attrs |= d->attrs & EN_PROP_WRITABLE;
        return store_prop(cx, o, k, true, attrs,
                          (h & EN_DESC_HAS_VALUE) ? d->value : EN_UNDEFINED, EN_UNDEFINED,
                          EN_UNDEFINED);
    }
    if (cur_acc) {
        return store_prop(cx, o, k, true, attrs | EN_PROP_ACCESSOR, EN_UNDEFINED,
                          (h & EN_DESC_HAS_GET) ? d->getter : cur->getter,
                          (h & EN_DESC_HAS_SET) ? d->setter : cur->setter);
    }
    attrs |= cur->attrs & EN_PROP_WRITABLE;
    if (h & EN_DESC_HAS_WRITABLE) attrs = (uint8_t)((attrs & ~EN_PROP_WRITABLE) | (d->attrs & EN_PROP_WRITABLE));
    return store_prop(cx, o, k, true, attrs, (h & EN_DESC_HAS_VALUE) ? d->value : cur->value,
                      EN_UNDEFINED, EN_UNDEFINED);
}

bool en_ordinary_define_own_property(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d,
                                     bool *ok) {
    EnPropDesc cur;
    uint8_t attrs;
    EnValue *p = own_find(o, k, &attrs);
    if (p) desc_from_raw(*p, attrs, &cur);
    return en_validate_and_apply(cx, o, k, en_obj_extensible_raw(o), d, &cur, p != NULL, ok);
}

bool en_ordinary_delete(EnContext *cx, EnObject *o, EnKey k, bool *ok) {
    uint8_t attrs;
    uint32_t idx = 0;
    bool is_index = en_key_is_index(k, &idx);
    EnValue *p = is_index ? en_elem_find(o, idx, &attrs) : en_obj_find_named(o, k, &attrs);
    if (!p) return *ok = true, true;
    if (!(attrs & EN_PROP_CONFIGURABLE)) return *ok = false, true;
    if (is_index)
        en_elem_remove(o, idx);
    else
        remove_named(cx, o, k);
    *ok = true;
    return !cx->terminating;
}

void en_keyvec_push(EnKeyVec *v, EnKey k) {
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 16;
        v->items = och_realloc(v->items, v->cap * sizeof(EnKey));
    }
    v->items[v->len++] = k;
}

static inline bool key_is_visible_symbol(EnKey k) {
    return en_is_symbol(k) && !(en_as_symbol(k)->hdr.flags & EN_SYM_PRIVATE);
}

// Named keys in creation order: strings, then symbols (private names skipped).
static void named_keys(EnObject *o, EnKeyVec *out) {
    EnShape *s = o->shape;
    uint32_t start = out->len;
    if (en_shape_is_dict(s)) {
        EnPropTable *t = s->table;
        for (uint32_t i = 0; i < t->used; i++)
            if (en_ptab_live(&t->entries[i])) en_keyvec_push(out, t->entries[i].key);
    } else {
        for (uint32_t i = 0; i < s->nprops; i++) en_keyvec_push(out, EN_UNDEFINED);
        uint32_t i = out->len;
        for (EnShape *c = s; c->parent; c = c->parent) out->items[--i] = c->key;
    }
    // Stable partition: strings first, then visible symbols.
    uint32_t n = out->len - start, w = start;
    if (!n) return;
    EnKey *tmp = och_malloc(n * sizeof(EnKey));
    memcpy(tmp, out->items + start, n * sizeof(EnKey));
    for (uint32_t i = 0; i < n; i++)
        if (!en_is_symbol(tmp[i])) out->items[w++] = tmp[i];
    for (uint32_t i = 0; i < n; i++)
        if (key_is_visible_symbol(tmp[i])) out->items[w++] = tmp[i];
    out->len = w;
    och_free(tmp);
}

bool en_ordinary_own_keys(EnContext *cx, EnObject *o, EnKey **keys, uint32_t *n) {
    (void)cx;
    EnKeyVec v = {0};
    en_elem_keys(o, &v);
    named_keys(o, &v);
    *keys = v.items;
    *n = v.len;
    return true;
}

// ---------------------------------------------------------------------------
// Essential internal methods: dispatch.

static inline const EnClassOps *ops_of(const EnObject *o) { return en_class_of(en_obj_class(o))->ops; }

bool en_obj_get_prototype_of(EnContext *cx, EnObject *o, EnObject **out) {
    const EnClassOps *ops = ops_of(o);
    if (ops && ops->get_prototype_of) return ops->get_prototype_of(cx, o, out);
    *out = o->shape->proto;
    return true;
}

bool en_obj_set_prototype_of(EnContext *cx, EnObject *o, EnObject *proto, bool *ok) {
    const EnClassOps *ops = ops_of(o);
    if (ops && ops->set_prototype_of) return ops->set_prototype_of(cx, o, proto, ok);
    if (o->shape->proto == proto) return *ok = true, true;
    if (!en_obj_extensible_raw(o)) return *ok = false, true;
    // %Object.prototype% is an immutable prototype exotic object.
    if (o == en_intrinsic(cx, EN_INTRINSIC_ObjectPrototype)) return *ok = false, true;
    for (EnObject *p = proto; p;) {
        if (p == o) return *ok = false, true;
        const EnClassOps *pops = ops_of(p);
        if (pops && pops->get_prototype_of) break;
        p = p->shape->proto;
    }
    *ok = true;
    EnShape *s = o->shape;
    if (!en_shape_is_dict(s) && s->nprops == 0) {
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *ho = en_handle(cx, en_object_value(o));
        EnShape *r = en_shape_root(cx, proto, (uint8_t)en_obj_class(o), s->ninline);
        o = en_as_object(*ho);
        en_handle_scope_close(&hs);
        if (!r) return false;
        en_store_ptr(cx, o, (void **)&o->shape, r);
        return true;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    en_handle(cx, proto ? en_object_value(proto) : EN_NULL);
    bool r = en_obj_make_dictionary(cx, o);
    o = en_as_object(*ho);
    en_handle_scope_close(&hs);
    if (!r) return false;
    en_store_ptr(cx, o->shape, (void **)&o->shape->proto, proto);
    return true;
}

bool en_obj_is_extensible(EnContext *cx, EnObject *o, bool *out) {
    const EnClassOps *ops = ops_of(o);
    if (ops && ops->is_extensible) return ops->is_extensible(cx, o, out);
    *out = en_obj_extensible_raw(o);
    return true;
}

bool en_obj_prevent_extensions(EnContext *cx, EnObject *o, bool *ok) {
    const EnClassOps *ops = ops_of(o);
    if (ops && ops->prevent_extensions) return ops->prevent_extensions(cx, o, ok);
    *ok = true;
    if (!en_obj_extensible_raw(o)) return true;
    if (!en_obj_make_dictionary(cx, o)) return false;
    o->shape->hdr.flags |= EN_SHAPE_NOT_EXTENSIBLE;
    return true;
}

bool en_obj_get_own_property(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out, bool *found) {
    const EnClassOps *ops = ops_of(o);
    if (ops && ops->get_own_property) return ops->get_own_property(cx, o, k, out, found);
    return en_ordinary_get_own_property(cx, o, k, out, found);
}

#define DESC_FULL_DATA (EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE | EN_DESC_HAS_ENUMERABLE | EN_DESC_HAS_CONFIGURABLE)

bool en_obj_define_own_property(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d, bool *ok) {
    const EnClassOps *ops = ops_of(o);
    if (ops && ops->define_own_property) return ops->define_own_property(cx, o, k, d, ok);
    if (!ops && d->has == DESC_FULL_DATA && d->attrs == EN_PROP_DEFAULT && !en_is_int32(k) && !en_is_double(k)) {
        // CreateDataProperty on an ordinary object (object literals, builtins'
        // results): replace a configurable property or append one.
        uint8_t attrs;
        EnValue *p = en_obj_find_named(o, k, &attrs);
        if (p && attrs == EN_PROP_DEFAULT) {
            en_store(cx, o, p, d->value);
            return *ok = true, true;
        }
        if (!p && en_obj_extensible_raw(o)) {
            *ok = true;
            return add_named(cx, o, k, d->value, EN_PROP_DEFAULT);
        }
    }
    return en_ordinary_define_own_property(cx, o, k, d, ok);
}

bool en_obj_has_property(EnContext *cx, EnObject *o, EnKey k, bool *found) {
    for (;;) {
        const EnClassOps *ops = ops_of(o);
        if (ops && ops->has_property) return ops->has_property(cx, o, k, found);
        if (ops && ops->get_own_property) {
            EnPropDesc d;
            EnHandleScope hs;
            en_handle_scope_open(cx, &hs);
            EnValue *ho = en_handle(cx, en_object_value(o));
            en_handle(cx, k);
            bool r = ops->get_own_property(cx, o, k, &d, found);
            o = en_as_object(*ho);
            en_handle_scope_close(&hs);
            if (!r) return false;
            if (*found) return true;
        } else {
            uint8_t attrs;
            if (own_find(o, k, &attrs)) return *found = true, true;
        }
        EnObject *p;
        if (!en_obj_get_prototype_of(cx, o, &p)) return false;
        if (!p) return *found = false, true;
        o = p;
    }
}

static bool call_getter(EnContext *cx, EnValue getter, EnValue receiver, EnValue *out) {
    if (en_is_undefined(getter)) return *out = EN_UNDEFINED, true;
    EnValue r = en_call(cx, getter, receiver, 0, NULL);
    if (en_is_exception(r)) return false;
    *out = r;
    return true;
}

bool en_obj_get(EnContext *cx, EnObject *o, EnKey k, EnValue receiver, EnValue *out) {
    for (;;) {
        const EnClassOps *ops = ops_of(o);
        if (ops && ops->get) return ops->get(cx, o, k, receiver, out);
        if (ops && ops->get_own_property) {
            EnPropDesc d;
            bool found;
            EnHandleScope hs;
            en_handle_scope_open(cx, &hs);
            EnValue *ho = en_handle(cx, en_object_value(o));
            EnValue *hr = en_handle(cx, receiver);
            en_handle(cx, k);
            bool r = ops->get_own_property(cx, o, k, &d, &found);
            o = en_as_object(*ho);
            receiver = *hr;
            en_handle_scope_close(&hs);
            if (!r) return false;
            if (found) {
                if (d.attrs & EN_PROP_ACCESSOR) return call_getter(cx, d.getter, receiver, out);
                *out = d.value;
                return true;
            }
        } else {
            uint8_t attrs;
            EnValue *p = own_find(o, k, &attrs);
            if (p) {
                if (attrs & EN_PROP_ACCESSOR) return call_getter(cx, en_as_accessor(*p)->getter, receiver, out);
                *out = *p;
                return true;
            }
        }
        EnObject *proto;
        if (ops && ops->get_prototype_of) {
            if (!ops->get_prototype_of(cx, o, &proto)) return false;
        } else {
            proto = o->shape->proto;
        }
        if (!proto) return *out = EN_UNDEFINED, true;
        o = proto;
    }
}

// OrdinarySetWithOwnDescriptor's tail once the property was found (or not)
// on the chain: writes to the receiver.
bool en_ordinary_set_receiver(EnContext *cx, EnKey k, EnValue v, EnValue receiver, bool *ok) {
    if (!en_is_object(receiver)) return *ok = false, true;
    EnObject *r = en_as_object(receiver);
    // Fast path: ordinary receiver with an own writable data property.
    if (!ops_of(r)) {
        uint8_t attrs;
        EnValue *p = own_find(r, k, &attrs);
        if (p) {
            if ((attrs & (EN_PROP_ACCESSOR | EN_PROP_WRITABLE)) != EN_PROP_WRITABLE) return *ok = false, true;
            en_store(cx, r, p, v);
            return *ok = true, true;
        }
        if (!en_obj_extensible_raw(r)) return *ok = false, true;
        *ok = true;
        return en_obj_add_property(cx, r, k, v, EN_PROP_DEFAULT);
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hr = en_handle(cx, receiver), *hv = en_handle(cx, v);
    en_handle(cx, k);
    EnPropDesc cur;
    bool found;
    bool res = en_obj_get_own_property(cx, r, k, &cur, &found);
    if (res) {
        r = en_as_object(*hr);
        EnPropDesc d = {0};
        if (found) {
            if ((cur.attrs & EN_PROP_ACCESSOR) || !(cur.attrs & EN_PROP_WRITABLE)) {
                *ok = false;
            } else {
                d.has = EN_DESC_HAS_VALUE;
                d.value = *hv;
                res = en_obj_define_own_property(cx, r, k, &d, ok);
            }
        } else {
            d.has = EN_DESC_HAS_VALUE | EN_DESC_HAS_WRITABLE | EN_DESC_HAS_ENUMERABLE |
                    EN_DESC_HAS_CONFIGURABLE;
            d.attrs = EN_PROP_DEFAULT;
            d.value = *hv;
            res = en_obj_define_own_property(cx, r, k, &d, ok);
        }
    }
    en_handle_scope_close(&hs);
    return res;
}

static bool call_setter(EnContext *cx, EnValue setter, EnValue receiver, EnValue v, bool *ok) {
    if (en_is_undefined(setter)) return *ok = false, true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hv = en_handle(cx, v);
    EnValue r = en_call(cx, setter, receiver, 1, hv);
    en_handle_scope_close(&hs);
    if (en_is_exception(r)) return false;
    return *ok = true, true;
}

bool en_obj_set(EnContext *cx, EnObject *o, EnKey k, EnValue v, EnValue receiver, bool *ok) {
    for (;;) {
        const EnClassOps *ops = ops_of(o);
        if (ops && ops->set) return ops->set(cx, o, k, v, receiver, ok);
        if (ops && ops->get_own_property) {
            EnPropDesc d;
            bool found;
            EnHandleScope hs;
            en_handle_scope_open(cx, &hs);
            EnValue *ho = en_handle(cx, en_object_value(o));
            EnValue *hr = en_handle(cx, receiver), *hv = en_handle(cx, v);
            en_handle(cx, k);
            bool r = ops->get_own_property(cx, o, k, &d, &found);
            o = en_as_object(*ho);
            receiver = *hr;
            v = *hv;
            en_handle_scope_close(&hs);
            if (!r) return false;
            if (found) {
                if (d.attrs & EN_PROP_ACCESSOR) return call_setter(cx, d.setter, receiver, v, ok);
                if (!(d.attrs & EN_PROP_WRITABLE)) return *ok = false, true;
                return en_ordinary_set_receiver(cx, k, v, receiver, ok);
            }
        } else {
            uint8_t attrs;
            EnValue *p = own_find(o, k, &attrs);
            if (p) {
                if (attrs & EN_PROP_ACCESSOR) return call_setter(cx, en_as_accessor(*p)->setter, receiver, v, ok);
                if (!(attrs & EN_PROP_WRITABLE)) return *ok = false, true;
                if (receiver == en_object_value(o)) {
                    en_store(cx, o, p, v);
                    return *ok = true, true;
                }
                return en_ordinary_set_receiver(cx, k, v, receiver, ok);
            }
        }
        EnObject *proto;
        if (ops && ops->get_prototype_of) {
            EnHandleScope hs;
            en_handle_scope_open(cx, &hs);
            EnValue *hr = en_handle(cx, receiver), *hv = en_handle(cx, v);
            en_handle(cx, k);
            bool r = ops->get_prototype_of(cx, o, &proto);
            receiver = *hr;
            v = *hv;
            en_handle_scope_close(&hs);
            if (!r) return false;
        } else {
            proto = o->shape->proto;
        }
        if (!proto) return en_ordinary_set_receiver(cx, k, v, receiver, ok);
        o = proto;
    }
}

bool en_obj_delete(EnContext *cx, EnObject *o, EnKey k, bool *ok) {
    const EnClassOps *ops = ops_of(o);
    if (ops && ops->delete_property) return ops->delete_property(cx, o, k, ok);
    return en_ordinary_delete(cx, o, k, ok);
}

bool en_obj_own_keys(EnContext *cx, EnObject *o, EnKey **keys, uint32_t *n) {
    const EnClassOps *ops = ops_of(o);
    if (ops && ops->own_keys) return ops->own_keys(cx, o, keys, n);
    return en_ordinary_own_keys(cx, o, keys, n);
}
