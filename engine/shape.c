// Hidden classes: property tables, shapes, transition trees, root shapes.
//
// A shape chain records the insertion order of an object's named
// properties; shapes of objects built the same way are shared through the
// transition tree rooted at a root shape per (prototype, class, ninline).
// Transitions and the root cache are weak: a shape lives while an object
// (or a descendant shape) uses it, so transient layouts do not accumulate.
#include "objmodel_int.h"

// ---------------------------------------------------------------------------
// Property tables.

static inline uint32_t key_hash(EnKey k) {
    uint64_t x = k;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    return (uint32_t)x;
}

static void ptab_reindex(EnPropTable *t, uint32_t index_size) {
    och_free(t->index);
    t->index = och_calloc(index_size, sizeof(uint32_t));
    t->mask = index_size - 1;
    for (uint32_t i = 0; i < t->used; i++) {
        if (!en_ptab_live(&t->entries[i])) continue;
        uint32_t h = key_hash(t->entries[i].key) & t->mask;
        while (t->index[h]) h = (h + 1) & t->mask;
        t->index[h] = i + 1;
    }
}

EnPropTable *en_ptab_new(uint32_t cap) {
    EnPropTable *t = och_calloc(1, sizeof *t);
    t->hdr.type = EN_CELL_PROP_TABLE;
    t->hdr.aux = 1;
    if (cap < 4) cap = 4;
    t->cap = cap;
    t->entries = och_malloc(cap * sizeof(EnPropEntry));
    uint32_t isz = 8;
    while (isz < cap * 2) isz <<= 1;
    ptab_reindex(t, isz);
    return t;
}

void en_ptab_release(EnPropTable *t) {
    if (!t || --t->hdr.aux > 0) return;
    och_free(t->entries);
    och_free(t->index);
    och_free(t->free_slots);
    och_free(t);
}

EnPropEntry *en_ptab_find(EnPropTable *t, EnKey k) {
    uint32_t h = key_hash(k) & t->mask;
    for (;;) {
        uint32_t e = t->index[h];
        if (!e) return NULL;
        if (t->entries[e - 1].key == k) return &t->entries[e - 1];
        h = (h + 1) & t->mask;
    }
}

EnPropEntry *en_ptab_add(EnPropTable *t, EnKey k, EnValue value, uint32_t slot, uint8_t attrs) {
    if (t->used == t->cap) {
        if (t->count < t->used / 2 + 1 && t->used > 8) {
            // Many tombstones: compact in place (keeps insertion order).
            uint32_t j = 0;
            for (uint32_t i = 0; i < t->used; i++)
                if (en_ptab_live(&t->entries[i])) t->entries[j++] = t->entries[i];
            t->used = j;
        } else {
            t->cap *= 2;
            t->entries = och_realloc(t->entries, t->cap * sizeof(EnPropEntry));
        }
        uint32_t isz = t->mask + 1;
        while (isz < t->cap * 2) isz <<= 1;
        ptab_reindex(t, isz);
    }
    EnPropEntry *e = &t->entries[t->used];
    e->key = k;
    e->value = value;
    e->slot = slot;
    e->attrs = attrs;
    uint32_t h = key_hash(k) & t->mask;
    while (t->index[h]) h = (h + 1) & t->mask;
    t->index[h] = ++t->used;
    t->count++;
    return e;
}

void en_ptab_remove(EnPropTable *t, EnPropEntry *e) {
    // The index keeps pointing at the tombstone; probing skips it because no
    // key equals EN_HOLE. Compaction on the next growth drops it.
    e->key = EN_HOLE;
    e->value = EN_UNDEFINED;
    t->count--;
}

void en_ptab_trace(EnGCTracer *t, EnPropTable *tab) {
    if (!tab) return;
    for (uint32_t i = 0; i < tab->used; i++) {
        EnPropEntry *e = &tab->entries[i];
        if (!en_ptab_live(e)) continue;
        en_gc_mark_value(t, e->key);
        en_gc_mark_value(t, e->value);
    }
}

// Never allocated on the GC heap (see objmodel_int.h); listed for gc.c.
const EnCellOps en_ops_prop_table = {NULL, NULL, NULL};

// ---------------------------------------------------------------------------
// Transitions: children of a shape, keyed by (key, attrs). Linear scan for
// a few children, a hash index beyond (prototype objects of big class
// hierarchies and literal-heavy code get many).
#define TRANS_LINEAR 8u

struct EnTransitions {
    uint32_t count, cap, mask;
    uint32_t _pad;
    EnShape **kids;
    uint32_t *index;  // kid index + 1; NULL while count <= TRANS_LINEAR
};

static inline uint32_t trans_hash(EnKey k, uint8_t attrs) { return key_hash(k ^ attrs); }

static void trans_reindex(EnTransitions *tr) {
    och_free(tr->index);
    tr->index = NULL;
    if (tr->count <= TRANS_LINEAR) return;
    uint32_t isz = 16;
    while (isz < tr->count * 2) isz <<= 1;
    tr->index = och_calloc(isz, sizeof(uint32_t));
    tr->mask = isz - 1;
    for (uint32_t i = 0; i < tr->count; i++) {
        uint32_t h = trans_hash(tr->kids[i]->key, tr->kids[i]->attrs) & tr->mask;
        while (tr->index[h]) h = (h + 1) & tr->mask;
        tr->index[h] = i + 1;
    }
}

static EnShape *trans_find(EnTransitions *tr, EnKey k, uint8_t attrs) {
    if (!tr) return NULL;
    if (!tr->index) {
        for (uint32_t i = 0; i < tr->count; i++)
            if (tr->kids[i]->key == k && tr->kids[i]->attrs == attrs) return tr->kids[i];
        return NULL;
    }
    uint32_t h = trans_hash(k, attrs) & tr->mask;
    for (;;) {
        uint32_t e = tr->index[h];
        if (!e) return NULL;
        EnShape *s = tr->kids[e - 1];
        if (s->key == k && s->attrs == attrs) return s;
        h = (h + 1) & tr->mask;
    }
}

static void trans_add(EnShape *parent, EnShape *kid) {
    EnTransitions *tr = parent->transitions;
    if (!tr) tr = parent->transitions = och_calloc(1, sizeof *tr);
    if (tr->count == tr->cap) {
        tr->cap = tr->cap ? tr->cap * 2 : 2;
        tr->kids = och_realloc(tr->kids, tr->cap * sizeof(EnShape *));
    }
    tr->kids[tr->count++] = kid;
    if (tr->count > TRANS_LINEAR) {
        if (!tr->index || tr->count * 2 > tr->mask + 1) {
            trans_reindex(tr);
        } else {
            uint32_t h = trans_hash(kid->key, kid->attrs) & tr->mask;
            while (tr->index[h]) h = (h + 1) & tr->mask;
            tr->index[h] = tr->count;
        }
    }
}

static void trans_free(EnTransitions *tr) {
    if (!tr) return;
    och_free(tr->kids);
    och_free(tr->index);
    och_free(tr);
}

// Weak sweep: drop children that died in this collection.
static bool trans_step(EnGCTracer *t, void *table) {
    (void)t, (void)table;
    return false;
}
static void trans_sweep(EnRuntime *rt, void *table) {
    (void)rt;
    EnShape *s = table;
    EnTransitions *tr = s->transitions;
    if (!tr) return;
    uint32_t j = 0;
    for (uint32_t i = 0; i < tr->count; i++)
        if (en_gc_is_marked(tr->kids[i])) tr->kids[j++] = tr->kids[i];
    if (j != tr->count) {
        tr->count = j;
        trans_reindex(tr);
    }
}
static const EnWeakCallbacks trans_weak = {trans_step, trans_sweep};

// ---------------------------------------------------------------------------
// Shapes.

static void shape_trace(EnGCTracer *t, void *cell) {
    EnShape *s = cell;
    en_gc_mark_cell(t, s->parent);
    en_gc_mark_cell(t, s->proto);
    en_gc_mark_value(t, s->key);
    // A dictionary shape's table is its only record of the keys; chain
    // tables hold keys that the chain's shapes mark anyway.
    if (en_shape_is_dict(s)) en_ptab_trace(t, s->table);
    if (s->transitions && s->transitions->count) en_gc_add_ephemeron_table(t, s, &trans_weak);
}

static void shape_finalize(EnRuntime *rt, void *cell) {
    (void)rt;
    EnShape *s = cell;
    en_ptab_release(s->table);
    trans_free(s->transitions);
    s->table = NULL;
    s->transitions = NULL;
}

static size_t shape_size(const void *cell) {
    (void)cell;
    return sizeof(EnShape);
}

const EnCellOps en_ops_shape = {shape_trace, shape_finalize, shape_size};

static EnShape *shape_alloc(EnContext *cx) { return en_gc_alloc(cx, EN_CELL_SHAPE, sizeof(EnShape)); }

// Chains up to this many properties are searched by walking parents;
// longer ones get a (shared) hash table on first lookup.
#define SHAPE_LINEAR 8u

// Builds or extends the lookup table of s (non-dictionary, nprops > 0).
static void shape_ensure_table(EnShape *s) {
    EnShape *a = s->parent;
    while (a && !a->table) a = a->parent;
    EnPropTable *t;
    EnShape *from;  // shapes below `from` (exclusive) up to s get added
    if (a && a->table->tip == a->nprops) {
        t = a->table;
        from = a;
    } else {
        t = en_ptab_new(s->nprops + 4);
        t->hdr.aux = 0;
        from = NULL;
    }
    // Collect the shapes to add (s up to, not including, from), oldest first.
    uint32_t n = s->nprops - (from ? from->nprops : 0);
    EnShape *stack_buf[64];
    EnShape **chain = n <= 64 ? stack_buf : och_malloc(n * sizeof(EnShape *));
    uint32_t i = n;
    for (EnShape *c = s; c != from && c->parent; c = c->parent) chain[--i] = c;
    for (i = 0; i < n; i++) {
        en_ptab_add(t, chain[i]->key, EN_UNDEFINED, chain[i]->slot, chain[i]->attrs);
        // Every long-enough shape of the extended part shares the table;
        // shapes that have one already (an ancestor whose table another
        // branch extended) keep theirs: replacing it would leak it.
        if (chain[i]->nprops > SHAPE_LINEAR && !chain[i]->table) {
            chain[i]->table = t;
            t->hdr.aux++;
        }
    }
    if (chain != stack_buf) och_free(chain);
    t->tip = s->nprops;
}

bool en_shape_lookup(EnShape *shape, EnKey key, uint32_t *slot, uint8_t *attrs) {
    if (shape->table && en_shape_is_dict(shape)) {
        EnPropEntry *e = en_ptab_find(shape->table, key);
        if (!e) return false;
        *slot = e->slot;
        *attrs = e->attrs;
        return true;
    }
    if (shape->nprops <= SHAPE_LINEAR) {
        for (EnShape *s = shape; s->parent; s = s->parent) {
            if (s->key == key) {
                *slot = s->slot;
                *attrs = s->attrs;
                return true;
            }
        }
        return false;
    }
    if (!shape->table) shape_ensure_table(shape);
    EnPropEntry *e = en_ptab_find(shape->table, key);
    if (!e || e->slot >= shape->nprops) return false;
    *slot = e->slot;
    *attrs = e->attrs;
    return true;
}

EnShape *en_shape_find_transition(EnShape *shape, EnKey key, uint8_t attrs) {
    return trans_find(shape->transitions, key, attrs);
}

EnShape *en_shape_add(EnContext *cx, EnShape *shape, EnKey key, uint8_t attrs) {
    EnShape *kid = trans_find(shape->transitions, key, attrs);
    if (kid) return kid;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, en_ptr_value(EN_TAG_CELL, shape));
    EnValue *hk = en_handle(cx, key);
    kid = shape_alloc(cx);
    shape = en_as_ptr(*hp);
    key = *hk;
    en_handle_scope_close(&hs);
    if (!kid) return NULL;
    kid->hdr.aux = shape->hdr.aux;
    kid->hdr.flags = shape->hdr.flags & EN_SHAPE_NOT_EXTENSIBLE;
    kid->parent = shape;
    kid->proto = shape->proto;
    kid->key = key;
    kid->slot = shape->nprops;
    kid->attrs = attrs;
    kid->ninline = shape->ninline;
    kid->nprops = shape->nprops + 1;
    trans_add(shape, kid);
    return kid;
}

EnShape *en_shape_to_dictionary(EnContext *cx, EnShape *shape) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, en_ptr_value(EN_TAG_CELL, shape));
    EnShape *d = shape_alloc(cx);
    shape = en_as_ptr(*hp);
    en_handle_scope_close(&hs);
    if (!d) return NULL;
    d->hdr.aux = shape->hdr.aux;
    d->hdr.flags = (uint16_t)((shape->hdr.flags & EN_SHAPE_NOT_EXTENSIBLE) | EN_SHAPE_DICTIONARY);
    d->proto = shape->proto;
    d->key = EN_UNDEFINED;
    d->ninline = shape->ninline;
    EnPropTable *t = en_ptab_new(shape->nprops + 4);
    if (en_shape_is_dict(shape)) {
        EnPropTable *src = shape->table;
        for (uint32_t i = 0; i < src->used; i++)
            if (en_ptab_live(&src->entries[i]))
                en_ptab_add(t, src->entries[i].key, EN_UNDEFINED, src->entries[i].slot,
                            src->entries[i].attrs);
        for (uint32_t i = 0; i < src->nfree; i++) {
            if (t->nfree == t->free_cap) {
                t->free_cap = t->free_cap ? t->free_cap * 2 : 8;
                t->free_slots = och_realloc(t->free_slots, t->free_cap * sizeof(uint32_t));
            }
            t->free_slots[t->nfree++] = src->free_slots[i];
        }
    } else {
        uint32_t n = shape->nprops, i = n;
        EnShape **chain = och_malloc((n ? n : 1) * sizeof(EnShape *));
        for (EnShape *c = shape; c->parent; c = c->parent) chain[--i] = c;
        for (i = 0; i < n; i++) en_ptab_add(t, chain[i]->key, EN_UNDEFINED, chain[i]->slot, chain[i]->attrs);
        och_free(chain);
    }
    d->nprops = shape->nprops;
    d->table = t;
    return d;
}

// ---------------------------------------------------------------------------
// Root shapes per (proto, class, ninline), cached weakly per context.

static inline uint32_t root_hash(EnObject *proto, uint32_t cls_inline) {
    return key_hash((uint64_t)(uintptr_t)proto ^ ((uint64_t)cls_inline << 48));
}

static void root_insert(struct EnShapeCache *c, EnRootEntry e) {
    uint32_t h = root_hash(e.proto, e.cls_inline) & c->mask;
    while (c->entries[h].shape) h = (h + 1) & c->mask;
    c->entries[h] = e;
    c->count++;
}

static void root_rehash(struct EnShapeCache *c, uint32_t size) {
    EnRootEntry *old = c->entries;
    uint32_t old_size = old ? c->mask + 1 : 0;
    c->entries = och_calloc(size, sizeof(EnRootEntry));
    c->mask = size - 1;
    c->count = 0;
    for (uint32_t i = 0; i < old_size; i++)
        if (old[i].shape) root_insert(c, old[i]);
    och_free(old);
}

static struct EnShapeCache *cache_of(EnContext *cx) {
    if (!cx->shape_cache) cx->shape_cache = och_calloc(1, sizeof(struct EnShapeCache));
    return cx->shape_cache;
}

EnShape *en_shape_root(EnContext *cx, EnObject *proto, uint8_t cls, uint8_t ninline) {
    struct EnShapeCache *c = cache_of(cx);
    uint32_t ci = (uint32_t)cls << 8 | ninline;
    if (c->entries) {
        uint32_t h = root_hash(proto, ci) & c->mask;
        for (EnRootEntry *e; (e = &c->entries[h])->shape; h = (h + 1) & c->mask)
            if (e->proto == proto && e->cls_inline == ci) return e->shape;
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hp = en_handle(cx, proto ? en_object_value(proto) : EN_NULL);
    EnShape *s = shape_alloc(cx);
    proto = en_is_object(*hp) ? en_as_object(*hp) : NULL;
    en_handle_scope_close(&hs);
    if (!s) return NULL;
    s->hdr.aux = cls;
    s->proto = proto;
    s->key = EN_UNDEFINED;
    s->ninline = ninline;
    if (!c->entries || (c->count + 1) * 2 > c->mask + 1)
        root_rehash(c, c->entries ? (c->mask + 1) * 2 : 64);
    root_insert(c, (EnRootEntry){proto, s, ci, 0});
    return s;
}

static bool cache_step(EnGCTracer *t, void *table) {
    (void)t, (void)table;
    return false;
}
static void cache_sweep(EnRuntime *rt, void *table) {
    (void)rt;
    struct EnShapeCache *c = table;
    if (!c->entries) return;
    bool dropped = false;
    for (uint32_t i = 0; i <= c->mask; i++) {
        if (c->entries[i].shape && !en_gc_is_marked(c->entries[i].shape)) {
            c->entries[i].shape = NULL;
            dropped = true;
        }
    }
    if (dropped) root_rehash(c, c->mask + 1);
}
static const EnWeakCallbacks cache_weak = {cache_step, cache_sweep};

void en_shape_cache_trace(EnContext *cx, EnGCTracer *t) {
    struct EnShapeCache *c = cx->shape_cache;
    if (!c) return;
    en_gc_mark_cell(t, c->oom_error);
    if (c->count) en_gc_add_ephemeron_table(t, c, &cache_weak);
}

void en_shape_cache_free(EnContext *cx) {
    struct EnShapeCache *c = cx->shape_cache;
    if (!c) return;
    och_free(c->entries);
    och_free(c);
    cx->shape_cache = NULL;
}
