// Name interning: every identifier the analyzer sees is looked up once by
// its text (FNV-1a hash, open addressing with linear probing); afterwards
// names compare by pointer. The table and the AnName records live in the
// result's arena except for the slot array, which grows by doubling.
#include "analyzer_int.h"

static uint32_t hash_bytes(const char *s, uint32_t len) {
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h ^ len;
}

void an_names_init(AnWalker *w) {
    w->names_cap = 1024;
    w->names_len = 0;
    w->names = och_calloc(w->names_cap, sizeof *w->names);
    w->n_arguments = an_intern(w, "arguments", 9);
    w->n_eval = an_intern(w, "eval", 4);
    w->n_default = an_intern(w, "default", 7);
}

void an_names_free(AnWalker *w) {
    och_free(w->names);
    w->names = NULL;
    w->names_cap = w->names_len = 0;
}

static void grow(AnWalker *w) {
    uint32_t cap = w->names_cap * 2;
    AnName **slots = och_calloc(cap, sizeof *slots);
    for (uint32_t i = 0; i < w->names_cap; i++) {
        AnName *n = w->names[i];
        if (!n) continue;
        uint32_t j = n->hash & (cap - 1);
        while (slots[j]) j = (j + 1) & (cap - 1);
        slots[j] = n;
    }
    och_free(w->names);
    w->names = slots;
    w->names_cap = cap;
}

AnName *an_intern(AnWalker *w, const char *s, uint32_t len) {
    uint32_t h = hash_bytes(s, len);
    uint32_t mask = w->names_cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        AnName *n = w->names[i];
        if (!n) break;
        if (n->hash == h && n->len == len && memcmp(n->str, s, len) == 0) return n;
    }
    if ((w->names_len + 1) * 4 > w->names_cap * 3) grow(w);
    mask = w->names_cap - 1;
    uint32_t i = h & mask;
    while (w->names[i]) i = (i + 1) & mask;
    AnName *n = och_arena_alloc(w->arena, sizeof *n);
    memset(n, 0, sizeof *n);
    // Names point into the source or the parse arena, both of which outlive
    // the result (AnResult.parse is borrowed for the result's lifetime).
    n->str = s;
    n->len = len;
    n->hash = h;
    w->names[i] = n;
    w->names_len++;
    return n;
}
