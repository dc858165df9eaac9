// Elements: the integer-indexed properties of any object, kept apart from
// named properties. Fast storage is an EnValueArray (v[0 .. length), holes
// as EN_HOLE, EN_OBJ_ELEM_HOLEY once any hole exists); elements move to a
// dictionary (EnPropTable keyed by index) when a write would leave too many
// holes (a[1e9] = 1 allocates one entry, not 1e9 slots) or when an element
// gets non-default attributes or an accessor.
#include <stdlib.h>

#include "objmodel_int.h"

// A write at `index` past the storage goes sparse when it would leave more
// than this many holes and more holes than twice the present elements.
#define ELEM_MAX_GAP 1024u

static inline bool is_dict(const EnObject *o) { return (o->hdr.flags & EN_OBJ_ELEM_DICT) != 0; }

uint32_t en_elem_storage_length(const EnObject *o) {
    if (is_dict(o)) return 0;
    return o->el.elements ? o->el.elements->length : 0;
}

EnValue *en_elem_find(EnObject *o, uint32_t index, uint8_t *attrs) {
    if (is_dict(o)) {
        EnPropEntry *e = en_ptab_find(o->el.elem_dict, en_key_index(index));
        if (!e) return NULL;
        *attrs = e->attrs;
        return &e->value;
    }
    EnValueArray *a = o->el.elements;
    if (!a || index >= a->length || a->v[index] == EN_HOLE) return NULL;
    *attrs = EN_PROP_DEFAULT;
    return &a->v[index];
}

bool en_elem_to_dict(EnContext *cx, EnObject *o) {
    (void)cx;
    if (is_dict(o)) return true;
    EnValueArray *a = o->el.elements;
    uint32_t n = a ? a->length : 0;
    EnPropTable *t = en_ptab_new(n + 4);
    for (uint32_t i = 0; i < n; i++)
        if (a->v[i] != EN_HOLE) en_ptab_add(t, en_key_index(i), a->v[i], 0, EN_PROP_DEFAULT);
    o->el.elem_dict = t;
    o->hdr.flags = (uint16_t)((o->hdr.flags | EN_OBJ_ELEM_DICT) & ~EN_OBJ_ELEM_HOLEY);
    return true;
}

static EnValueArray *elem_array_new(EnContext *cx, uint32_t cap) {
    EnValueArray *a =
        en_gc_alloc(cx, EN_CELL_VALUE_ARRAY, sizeof(EnValueArray) + (size_t)cap * sizeof(EnValue));
    if (a) {
        a->hdr.aux = cap;
        for (uint32_t i = 0; i < cap; i++) a->v[i] = EN_HOLE;
    }
    return a;
}

bool en_elem_put(EnContext *cx, EnObject *o, uint32_t index, EnValue v, uint8_t attrs) {
    if (!is_dict(o) && attrs != EN_PROP_DEFAULT) en_elem_to_dict(cx, o);
    if (is_dict(o)) {
        EnKey k = en_key_index(index);
        EnPropEntry *e = en_ptab_find(o->el.elem_dict, k);
        if (e) {
            e->attrs = attrs;
            en_store(cx, o, &e->value, v);
        } else {
            en_ptab_add(o->el.elem_dict, k, v, 0, attrs);
        }
        return true;
    }
    EnValueArray *a = o->el.elements;
    uint32_t len = a ? a->length : 0, cap = a ? a->hdr.aux : 0;
    if (index < len) {
        en_store(cx, a, &a->v[index], v);
        return true;
    }
    if (index >= cap) {
        if (index - len > ELEM_MAX_GAP && index - len > 2 * len) {
            en_elem_to_dict(cx, o);
            return en_elem_put(cx, o, index, v, attrs);
        }
        uint64_t ncap = (uint64_t)cap + cap / 2 + 4;
        if (ncap < (uint64_t)index + 1) ncap = (uint64_t)index + 1;
        if (ncap > 0xFFFFFFFFu) ncap = 0xFFFFFFFFu;
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *ho = en_handle(cx, en_object_value(o)), *hv = en_handle(cx, v);
        EnValueArray *na = elem_array_new(cx, (uint32_t)ncap);
        o = en_as_object(*ho);
        v = *hv;
        en_handle_scope_close(&hs);
        if (!na) return false;
        a = o->el.elements;
        if (a) memcpy(na->v, a->v, len * sizeof(EnValue));
        na->length = len;
        en_store_ptr(cx, o, (void **)&o->el.elements, na);
        a = na;
    }
    if (index > len) o->hdr.flags |= EN_OBJ_ELEM_HOLEY;
    for (uint32_t i = len; i < index; i++) a->v[i] = EN_HOLE;
    en_store(cx, a, &a->v[index], v);
    a->length = index + 1;
    return true;
}

void en_elem_remove(EnObject *o, uint32_t index) {
    if (is_dict(o)) {
        EnPropEntry *e = en_ptab_find(o->el.elem_dict, en_key_index(index));
        if (e) en_ptab_remove(o->el.elem_dict, e);
        return;
    }
    EnValueArray *a = o->el.elements;
    if (!a || index >= a->length) return;
    a->v[index] = EN_HOLE;
    if (index + 1 == a->length) {
        while (a->length && a->v[a->length - 1] == EN_HOLE) a->length--;
    } else {
        o->hdr.flags |= EN_OBJ_ELEM_HOLEY;
    }
}

static int cmp_index_key(const void *a, const void *b) {
    uint32_t x = 0, y = 0;
    en_key_is_index(*(const EnKey *)a, &x);
    en_key_is_index(*(const EnKey *)b, &y);
    return x < y ? -1 : x > y;
}

void en_elem_keys(EnObject *o, EnKeyVec *out) {
    if (is_dict(o)) {
        EnPropTable *t = o->el.elem_dict;
        uint32_t start = out->len;
        for (uint32_t i = 0; i < t->used; i++)
            if (en_ptab_live(&t->entries[i])) en_keyvec_push(out, t->entries[i].key);
        qsort(out->items + start, out->len - start, sizeof(EnKey), cmp_index_key);
        return;
    }
    EnValueArray *a = o->el.elements;
    if (!a) return;
    for (uint32_t i = 0; i < a->length; i++)
        if (a->v[i] != EN_HOLE) en_keyvec_push(out, en_key_index(i));
}

uint32_t en_elem_truncate(EnObject *o, uint32_t from, uint32_t old_len) {
    (void)old_len;
    if (!is_dict(o)) {
        EnValueArray *a = o->el.elements;
        if (a && a->length > from) {
            for (uint32_t i = from; i < a->length; i++) a->v[i] = EN_HOLE;
            a->length = from;
        }
        return from;
    }
    EnPropTable *t = o->el.elem_dict;
    uint32_t new_len = from;
    for (uint32_t i = 0; i < t->used; i++) {
        EnPropEntry *e = &t->entries[i];
        uint32_t idx;
        if (!en_ptab_live(e) || !en_key_is_index(e->key, &idx)) continue;
        if (idx >= new_len && !(e->attrs & EN_PROP_CONFIGURABLE)) new_len = idx + 1;
    }
    for (uint32_t i = 0; i < t->used; i++) {
        EnPropEntry *e = &t->entries[i];
        uint32_t idx;
        if (!en_ptab_live(e) || !en_key_is_index(e->key, &idx)) continue;
        if (idx >= new_len) en_ptab_remove(t, e);
    }
    return new_len;
}

bool en_elem_set_integrity(EnContext *cx, EnObject *o, bool frozen) {
    if (!is_dict(o)) {
        if (!o->el.elements || !o->el.elements->length) return true;
        en_elem_to_dict(cx, o);
    }
    EnPropTable *t = o->el.elem_dict;
    for (uint32_t i = 0; i < t->used; i++) {
        EnPropEntry *e = &t->entries[i];
        if (!en_ptab_live(e)) continue;
        e->attrs &= (uint8_t)~EN_PROP_CONFIGURABLE;
        if (frozen && !(e->attrs & EN_PROP_ACCESSOR)) e->attrs &= (uint8_t)~EN_PROP_WRITABLE;
    }
    return true;
}

bool en_elem_reserve(EnContext *cx, EnObject *o, uint32_t cap) {
    if (is_dict(o)) return true;
    EnValueArray *a = o->el.elements;
    if (a && a->hdr.aux >= cap) return true;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *ho = en_handle(cx, en_object_value(o));
    EnValueArray *na = elem_array_new(cx, cap);
    o = en_as_object(*ho);
    en_handle_scope_close(&hs);
    if (!na) return false;
    a = o->el.elements;
    if (a) {
        memcpy(na->v, a->v, a->length * sizeof(EnValue));
        na->length = a->length;
    }
    en_store_ptr(cx, o, (void **)&o->el.elements, na);
    return true;
}
