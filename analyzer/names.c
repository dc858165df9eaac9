// Name interning: every identifier the analyzer sees is looked up once by
// its text; afterwards names compare by pointer. Open addressing with
// linear probing over slots that carry the hash, so a probe rarely touches
// an AnName that does not match; each AnName keeps a copy of its text right
// after it, so the final comparison stays on the same cache line. The slot
// array grows by doubling (och_malloc); the names live in an arena of their
// own (dense, so the frequent ones share cache lines) that is freed with the
// walker: nothing in the result points to them afterwards.
#include "analyzer_int.h"

struct AnNameSlot {
    uint32_t hash;
    AnName *name;  // NULL: empty
};

static inline uint64_t load64(const char *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return v;
}

static inline uint32_t finish(uint64_t h) {
    h ^= h >> 32;
    h *= 0xd6e8feb86659fd93ull;
    h ^= h >> 32;
    return (uint32_t)h;
}

// Hash of a name that may be read 8 bytes at a time past its end (a slice
// of the NUL-padded source): whole words, the last one masked.
static uint32_t hash_padded(const char *s, uint32_t len) {
    uint64_t h = len * 0x9e3779b97f4a7c15ull;
    uint32_t i = 0;
    for (; i + 8 <= len; i += 8) h = (h ^ load64(s + i)) * 0xff51afd7ed558ccdull;
    if (i < len) {
        uint64_t w = load64(s + i) & (~0ull >> (8 * (8 - (len - i))));
        h = (h ^ w) * 0xff51afd7ed558ccdull;
    }
    return finish(h);
}

// The same hash for names that must not be over-read (decoded escapes in
// the parse arena, C strings).
static uint32_t hash_exact(const char *s, uint32_t len) {
    char buf[8];
    uint64_t h = len * 0x9e3779b97f4a7c15ull;
    uint32_t i = 0;
    for (; i + 8 <= len; i += 8) h = (h ^ load64(s + i)) * 0xff51afd7ed558ccdull;
    if (i < len) {
        memset(buf, 0, 8);
        memcpy(buf, s + i, len - i);
        h = (h ^ load64(buf)) * 0xff51afd7ed558ccdull;
    }
    return finish(h);
}

void an_names_init(AnWalker *w) {
    // Both tables are sized by the source: zeroing the full-size ones
    // (112 KB) cost more than analyzing a small file (projects of many
    // small files spent ~2% of `ochre check` in that memset). About one
    // distinct name per 32 bytes and one cache entry per 16 bytes of
    // source, within the old fixed sizes.
    size_t len = w->src_end && w->src ? (size_t)(w->src_end - w->src) : 0;
    w->names_cap = 64;
    while (w->names_cap < 1024 && w->names_cap * 32 < len) w->names_cap *= 2;
    w->name_cache_bits = 6;
    while (w->name_cache_bits < AN_NAME_CACHE_BITS && ((size_t)16 << w->name_cache_bits) < len)
        w->name_cache_bits++;
    w->names_len = 0;
    w->names = och_calloc(w->names_cap, sizeof *w->names);
    w->name_cache = och_calloc(1u << w->name_cache_bits, sizeof *w->name_cache);
    och_arena_init(&w->names_arena);
    w->n_arguments = an_intern(w, "arguments", 9);
    w->n_eval = an_intern(w, "eval", 4);
    w->n_default = an_intern(w, "default", 7);
}

void an_names_free(AnWalker *w) {
    och_arena_free(&w->names_arena);
    och_free(w->name_cache);
    och_free(w->names);
    w->names = NULL;
    w->names_cap = w->names_len = 0;
}

static void grow(AnWalker *w) {
    uint32_t cap = w->names_cap * 2;
    struct AnNameSlot *slots = och_calloc(cap, sizeof *slots);
    for (uint32_t i = 0; i < w->names_cap; i++) {
        if (!w->names[i].name) continue;
        uint32_t j = w->names[i].hash & (cap - 1);
        while (slots[j].name) j = (j + 1) & (cap - 1);
        slots[j] = w->names[i];
    }
    och_free(w->names);
    w->names = slots;
    w->names_cap = cap;
}

// Whether an interned name's text (8-byte aligned, its allocation rounded
// up to 8 bytes past the NUL) equals s[0..len). When s may be over-read
// (a slice of the padded source), whole words are compared, the last one
// masked; else memcmp.
static inline bool name_eq(const char *interned, const char *s, uint32_t len, bool padded) {
    if (!padded) return len == 0 || memcmp(interned, s, len) == 0;
    uint32_t i = 0;
    for (; i + 8 <= len; i += 8)
        if (load64(interned + i) != load64(s + i)) return false;
    if (i < len) {
        uint64_t mask = ~0ull >> (8 * (8 - (len - i)));
        if ((load64(interned + i) ^ load64(s + i)) & mask) return false;
    }
    return true;
}

static AnName *intern_slow(AnWalker *w, const char *s, uint32_t len, bool padded) {
    uint32_t h = padded ? hash_padded(s, len) : hash_exact(s, len);
    uint32_t mask = w->names_cap - 1;
    uint32_t i = h & mask;
    for (;; i = (i + 1) & mask) {
        struct AnNameSlot *slot = &w->names[i];
        if (!slot->name) break;
        if (slot->hash == h && slot->name->len == len && name_eq(slot->name->str, s, len, padded))
            return slot->name;
    }
    if ((w->names_len + 1) * 4 > w->names_cap * 3) {
        grow(w);
        mask = w->names_cap - 1;
        i = h & mask;
        while (w->names[i].name) i = (i + 1) & mask;
    }
    AnName *n = och_arena_alloc(&w->names_arena, sizeof *n + len + 1);
    memset(n, 0, sizeof *n);
    char *copy = (char *)(n + 1);
    if (len) memcpy(copy, s, len);
    copy[len] = 0;
    n->str = copy;
    n->len = len;
    n->hash = h;
    w->names[i].hash = h;
    w->names[i].name = n;
    w->names_len++;
    return n;
}

// Most lookups hit a small direct-mapped cache keyed by the name's first 8
// bytes and length (frequent names repeat): no hashing of the whole name,
// and for names of up to 8 bytes no access to the name table at all.
AnName *an_intern(AnWalker *w, const char *s, uint32_t len) {
    // Source slices are followed by at least PS_SOURCE_PADDING bytes.
    bool padded = s >= w->src && s + len <= w->src_end;
    uint64_t w0;
    if (padded) {
        w0 = len ? load64(s) : 0;
        if (len && len < 8) w0 &= ~0ull >> (8 * (8 - len));
    } else {
        char buf[8] = {0};
        if (len) memcpy(buf, s, len < 8 ? len : 8);
        w0 = load64(buf);
    }
    uint32_t i = (uint32_t)(((w0 ^ len) * 0x9e3779b97f4a7c15ull) >> (64 - w->name_cache_bits));
    struct AnNameCacheEntry *e = &w->name_cache[i];
    if (e->w0 == w0 && e->len == len && e->name &&
        (len <= 8 || name_eq(e->name->str + 8, s + 8, len - 8, padded)))
        return e->name;
    AnName *n = intern_slow(w, s, len, padded);
    e->w0 = w0;
    e->len = len;
    e->name = n;
    return n;
}
