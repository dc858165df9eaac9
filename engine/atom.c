// Atoms: the runtime's weak table of interned strings (open addressing,
// linear probing, power-of-two capacity, load <= 1/2). The table does not
// keep atoms alive: after marking, en_atom_table_sweep drops the dead ones
// (and rebuilds the probe sequences, so there are no tombstones); an atom
// that died and is interned again becomes a new cell. Predefined atoms
// (rt->atoms) are strong roots traced by runtime.c.
#include "heap_rt_int.h"

typedef struct EnAtomTable EnAtomTable;
struct EnAtomTable {
    EnString **slots;  // NULL: empty
    uint32_t cap, count;
};

void en_atom_table_init(EnRuntime *rt) {
    EnAtomTable *t = och_calloc(1, sizeof *t);
    t->cap = 512;
    t->slots = och_calloc(t->cap, sizeof *t->slots);
    rt->atom_table = t;
}

void en_atom_table_free(EnRuntime *rt) {
    if (!rt->atom_table) return;
    och_free(rt->atom_table->slots);
    och_free(rt->atom_table);
    rt->atom_table = NULL;
}

uint32_t en_atom_table_count(EnRuntime *rt) { return rt->atom_table->count; }

static void insert_slot(EnAtomTable *t, EnString *s) {
    uint32_t mask = t->cap - 1;
    uint32_t i = s->hash & mask;
    while (t->slots[i]) i = (i + 1) & mask;
    t->slots[i] = s;
}

static void resize(EnAtomTable *t, uint32_t cap) {
    EnString **old = t->slots;
    uint32_t oldcap = t->cap;
    t->slots = och_calloc(cap, sizeof *t->slots);
    t->cap = cap;
    for (uint32_t i = 0; i < oldcap; i++) {
        if (old[i]) insert_slot(t, old[i]);
    }
    och_free(old);
}

void en_atom_table_sweep(EnRuntime *rt) {
    EnAtomTable *t = rt->atom_table;
    if (!t) return;
    uint32_t live = 0;
    for (uint32_t i = 0; i < t->cap; i++) {
        EnString *s = t->slots[i];
        if (!s) continue;
        if (en_gc_is_marked(s)) live++;
        else t->slots[i] = NULL;
    }
    if (live == t->count) return;
    t->count = live;
    uint32_t cap = t->cap;
    while (cap > 512 && live * 8 < cap) cap /= 2;  // shrink after mass death
    resize(t, cap);  // rehash: removed entries broke probe chains
}

// Finds the atom with these units; NULL when absent.
static EnString *find_latin1(EnAtomTable *t, uint32_t h, const uint8_t *p, uint32_t n) {
    uint32_t mask = t->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        EnString *s = t->slots[i];
        if (!s) return NULL;
        if (s->hash != h || en_str_length(s) != n) continue;
        if (en_str_is_latin1(s)) {
            if (memcmp(s->u.latin1, p, n) == 0) return s;
        }
        // A UTF-16 atom always has a unit > 0xFF (atoms are canonical), so
        // it never equals Latin-1 units.
    }
}

static EnString *find_string(EnAtomTable *t, uint32_t h, const EnString *x) {
    uint32_t n = en_str_length(x);
    if (en_str_is_latin1(x)) return find_latin1(t, h, x->u.latin1, n);
    uint32_t mask = t->cap - 1;
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        EnString *s = t->slots[i];
        if (!s) return NULL;
        if (s->hash != h || en_str_length(s) != n || en_str_is_latin1(s)) continue;
        if (memcmp(s->u.utf16, x->u.utf16, (size_t)n * 2) == 0) return s;
    }
}

static void add(EnAtomTable *t, EnString *s) {
    if ((t->count + 1) * 2 > t->cap) resize(t, t->cap * 2);
    s->hdr.flags |= EN_STR_ATOM;
    insert_slot(t, s);
    t->count++;
}

// Copies a UTF-16 string whose units all fit in Latin-1 into a Latin-1 one,
// so every atom is canonical (find_latin1 relies on it).
static EnString *canonical(EnContext *cx, EnString *s) {
    if (en_str_is_latin1(s)) return s;
    uint32_t n = en_str_length(s);
    uint16_t max = 0;
    for (uint32_t i = 0; i < n; i++) max |= en_str_utf16(s)[i];
    if (max > 0xFF) return s;
    // en_str_from_utf16 reads s's units after allocating: keep s alive.
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, en_string_value(s));
    EnString *out = en_str_from_utf16(cx, en_str_utf16(s), n);
    en_handle_scope_close(&hs);
    return out;
}

EnString *en_atom_intern(EnContext *cx, EnString *s) {
    if (s->hdr.flags & EN_STR_ATOM) return s;
    s = en_str_flatten(cx, s);
    if (!s) return NULL;
    if (s->hdr.flags & EN_STR_ATOM) return s;
    s = canonical(cx, s);
    if (!s) return NULL;
    EnAtomTable *t = cx->rt->atom_table;
    uint32_t h = en_str_hash(s);
    EnString *found = find_string(t, h, s);
    if (found) return found;
    add(t, s);
    return s;
}

EnString *en_atom_from_utf8(EnContext *cx, const char *p, size_t len) {
    size_t i = 0;
    while (i < len && (uint8_t)p[i] < 0x80) i++;
    if (i == len && len <= EN_STR_MAX_LENGTH) {
        // ASCII: look up before allocating (the common case is a hit).
        uint32_t h = en_str_hash_latin1((const uint8_t *)p, len);
        EnString *found = find_latin1(cx->rt->atom_table, h, (const uint8_t *)p, (uint32_t)len);
        if (found) return found;
    }
    EnString *s = en_str_from_utf8(cx, p, len);
    return s ? en_atom_intern(cx, s) : NULL;
}

EnString *en_atom_from_cstr(EnContext *cx, const char *ascii) {
    return en_atom_from_utf8(cx, ascii, strlen(ascii));
}

EnString *en_atom(EnContext *cx, EnAtomId id) { return cx->rt->atoms[id]; }
