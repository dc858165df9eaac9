// Insertion-ordered SameValueZero hash table (hashmap_int.h).
#include "hashmap_int.h"

#include <stdlib.h>

#include "bigint_int.h"

#define HM_MIN_CAP 8u

static inline uint32_t mix64(uint64_t x) {
    // Murmur3 finalizer: pointers and doubles differ mostly in low/high bits.
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return (uint32_t)x;
}

static uint32_t key_hash(EnValue k) {
    if (en_is_string(k)) return en_str_hash(en_as_string(k));
    if (en_is_bigint(k)) return en_bigint_hash(en_as_bigint(k));  // by value
    return mix64(k);
}

static bool flat_equal(const EnString *a, const EnString *b) {
    uint32_t n = en_str_length(a);
    if (n != en_str_length(b)) return false;
    bool la = en_str_is_latin1(a), lb = en_str_is_latin1(b);
    if (la && lb) return memcmp(en_str_latin1(a), en_str_latin1(b), n) == 0;
    if (!la && !lb) return memcmp(en_str_utf16(a), en_str_utf16(b), (size_t)n * 2) == 0;
    for (uint32_t i = 0; i < n; i++)
        if (en_str_at(a, i) != en_str_at(b, i)) return false;
    return true;
}

static bool key_equal(EnValue a, EnValue b) {
    if (a == b) return true;
    if (en_is_string(a) && en_is_string(b)) return flat_equal(en_as_string(a), en_as_string(b));
    if (en_is_bigint(a) && en_is_bigint(b)) return en_strict_equals(a, b);
    return false;
}

static void canon_number(EnValue *key) {
    if (!en_is_double(*key)) return;
    double d = en_as_double(*key);
    if (d == 0) {
        *key = en_int32(0);  // SameValueZero: -0 is +0 (and Map stores +0)
        return;
    }
    *key = en_number(d);  // integral int32-range doubles become int32; NaN canonical
}

bool en_hm_key_fast(EnValue *key) {
    if (en_is_string(*key)) return !en_str_is_rope(en_as_string(*key));
    canon_number(key);
    return true;
}

bool en_hm_key(EnContext *cx, EnValue *key) {
    if (en_is_string(*key)) {
        EnString *s = en_as_string(*key);
        if (!en_str_is_rope(s)) return true;
        EnString *f = en_str_flatten(cx, s);
        if (!f) return false;
        *key = en_string_value(f);
        return true;
    }
    canon_number(key);
    return true;
}

void en_hm_init(EnHashMap *m) { memset(m, 0, sizeof *m); }

void en_hm_free(EnHashMap *m) {
    och_free(m->entries);
    och_free(m->buckets);
    och_free(m->cursors);
    memset(m, 0, sizeof *m);
}

EnHmEntry *en_hm_find(const EnHashMap *m, EnValue key) {
    if (!m->nbuckets) return NULL;
    uint32_t h = key_hash(key);
    for (uint32_t i = m->buckets[h & (m->nbuckets - 1)]; i != EN_HM_NONE; i = m->entries[i].next) {
        EnHmEntry *e = &m->entries[i];
        if (e->hash == h && key_equal(e->key, key)) return e;
    }
    return NULL;
}

// Rebuilds the table with capacity ncap, squeezing tombstones out and
// moving registered cursors to their entries' new positions.
static void rehash(EnHashMap *m, uint32_t ncap) {
    EnHmEntry *old = m->entries;
    uint32_t oused = m->used;
    // newpos[i]: live entries before old position i (a cursor at i moves there).
    uint32_t *newpos = NULL;
    if (m->ncursors) {
        newpos = och_malloc(((size_t)oused + 1) * sizeof *newpos);
        uint32_t c = 0;
        for (uint32_t i = 0; i < oused; i++) {
            newpos[i] = c;
            if (old[i].key != EN_HOLE) c++;
        }
        newpos[oused] = c;
    }
    EnHmEntry *ne = och_malloc((size_t)ncap * sizeof *ne);
    uint32_t nb = ncap;  // load factor <= 1
    uint32_t *bk = m->buckets;
    if (nb != m->nbuckets) {
        och_free(bk);
        bk = och_malloc((size_t)nb * sizeof *bk);
    }
    memset(bk, 0xFF, (size_t)nb * sizeof *bk);
    uint32_t n = 0;
    for (uint32_t i = 0; i < oused; i++) {
        if (old[i].key == EN_HOLE) continue;
        EnHmEntry *e = &ne[n];
        *e = old[i];
        uint32_t b = e->hash & (nb - 1);
        e->next = bk[b];
        bk[b] = n++;
    }
    och_free(old);
    m->entries = ne;
    m->buckets = bk;
    m->cap = ncap;
    m->nbuckets = nb;
    m->used = n;
    m->live = n;
    for (uint32_t i = 0; i < m->ncursors; i++) {
        uint32_t *p = m->cursors[i].pos;
        *p = *p >= oused ? n : newpos[*p];
    }
    och_free(newpos);
}

void en_hm_set(EnHashMap *m, EnValue key, EnValue value) {
    EnHmEntry *e = en_hm_find(m, key);
    if (e) {
        e->value = value;
        return;
    }
    if (m->used == m->cap) {
        uint32_t ncap = m->cap ? m->cap : HM_MIN_CAP;
        // Grow unless at least half the entries are tombstones.
        if (m->live >= m->cap / 2) ncap = m->cap ? m->cap * 2 : HM_MIN_CAP;
        rehash(m, ncap);
    }
    uint32_t h = key_hash(key);
    uint32_t i = m->used++;
    e = &m->entries[i];
    e->key = key;
    e->value = value;
    e->hash = h;
    uint32_t b = h & (m->nbuckets - 1);
    e->next = m->buckets[b];
    m->buckets[b] = i;
    m->live++;
}

bool en_hm_delete(EnHashMap *m, EnValue key) {
    EnHmEntry *e = en_hm_find(m, key);
    if (!e) return false;
    // The tombstone stays on its chain: EN_HOLE never equals a key.
    e->key = EN_HOLE;
    e->value = EN_UNDEFINED;
    m->live--;
    // Shrink tables that emptied out (positions move; cursors follow).
    if (m->cap > 4 * HM_MIN_CAP && m->live < m->cap / 8) rehash(m, m->cap / 4);
    return true;
}

void en_hm_clear(EnHashMap *m) {
    if (m->cap > 4 * HM_MIN_CAP) {
        och_free(m->entries);
        och_free(m->buckets);
        m->entries = NULL;
        m->buckets = NULL;
        m->cap = m->nbuckets = 0;
    } else if (m->nbuckets) {
        memset(m->buckets, 0xFF, (size_t)m->nbuckets * sizeof *m->buckets);
    }
    m->used = m->live = 0;
    for (uint32_t i = 0; i < m->ncursors; i++) *m->cursors[i].pos = 0;
}

EnHmEntry *en_hm_next(const EnHashMap *m, uint32_t *pos) {
    while (*pos < m->used) {
        EnHmEntry *e = &m->entries[(*pos)++];
        if (e->key != EN_HOLE) return e;
    }
    return NULL;
}

void en_hm_cursor_add(EnHashMap *m, const void *owner, uint32_t *pos) {
    if (m->ncursors == m->cursor_cap) {
        m->cursor_cap = m->cursor_cap ? m->cursor_cap * 2 : 4;
        m->cursors = och_realloc(m->cursors, m->cursor_cap * sizeof *m->cursors);
    }
    m->cursors[m->ncursors++] = (EnHmCursor){owner, pos};
}

void en_hm_cursor_remove(EnHashMap *m, uint32_t *pos) {
    // Newest first: C-stack cursors nest (forEach inside forEach).
    for (uint32_t i = m->ncursors; i-- > 0;) {
        if (m->cursors[i].pos != pos) continue;
        m->cursors[i] = m->cursors[--m->ncursors];
        return;
    }
}

void en_hm_trace(EnGCTracer *t, const EnHashMap *m) {
    for (uint32_t i = 0; i < m->used; i++) {
        const EnHmEntry *e = &m->entries[i];
        if (e->key == EN_HOLE) continue;
        en_gc_mark_value(t, e->key);
        en_gc_mark_value(t, e->value);
    }
}

void en_hm_sweep_cursors(EnHashMap *m) {
    uint32_t j = 0;
    for (uint32_t i = 0; i < m->ncursors; i++) {
        if (m->cursors[i].owner && !en_gc_is_marked(m->cursors[i].owner)) continue;
        m->cursors[j++] = m->cursors[i];
    }
    m->ncursors = j;
}

bool en_hm_ephemeron_step(EnGCTracer *t, EnHashMap *m) {
    bool changed = false;
    for (uint32_t i = 0; i < m->used; i++) {
        EnHmEntry *e = &m->entries[i];
        if (e->key == EN_HOLE || !en_gc_is_marked(en_as_ptr(e->key))) continue;
        if (en_is_cell(e->value) && !en_gc_is_marked(en_as_ptr(e->value))) {
            en_gc_mark_value(t, e->value);
            changed = true;
        }
    }
    return changed;
}

void en_hm_sweep_dead_keys(EnHashMap *m) {
    for (uint32_t i = 0; i < m->used; i++) {
        EnHmEntry *e = &m->entries[i];
        if (e->key == EN_HOLE || en_gc_is_marked(en_as_ptr(e->key))) continue;
        e->key = EN_HOLE;
        e->value = EN_UNDEFINED;
        m->live--;
    }
}
