// Insertion-ordered hash table keyed by SameValueZero: the [[MapData]] /
// [[SetData]] of Map and Set and the ephemeron tables of WeakMap / WeakSet.
// Owner: collections helper (engine/hashmap.c, prefix en_hm_).
//
// Layout (the "deterministic hash table" of Map/Set): entries are appended
// to a dense array in insertion order; a power-of-two bucket array holds
// the index of the newest entry of each chain and every entry links to the
// previous entry of its chain. Deleting leaves a tombstone (key EN_HOLE) so
// positions stay stable while JS iterates; tombstones are squeezed out when
// the entry array fills (rehash), which renumbers positions.
//
// Cursors: a position being walked (a Map/Set iterator, forEach, the Set
// methods) is registered with en_hm_cursor_add; a rehash moves every
// registered cursor to the new index of the first entry at or after its old
// position and clear() moves them to 0, so iteration sees entries added
// later and skips deleted ones (ES2025 §24.1.3.5, §24.2.3.6). A cursor
// owned by a heap cell (an iterator object) is dropped when that cell dies
// (the owner's trace registers a weak sweep callback).
//
// Keys are stored canonicalised (en_hm_key): numbers as int32 when
// integral (so -0 and +0 and 1.0 and 1 are one key), NaN canonical,
// strings flat (compared by content, hashed with the cached string hash).
// All operations but en_hm_key are allocation-free on the GC heap (the
// table lives in och_malloc memory owned by the Map object): they never
// collect and need no rooting.
#ifndef OCHRE_ENGINE_HASHMAP_INT_H
#define OCHRE_ENGINE_HASHMAP_INT_H

#include "runtime_int.h"

typedef struct EnHmEntry {
    EnValue key;     // EN_HOLE: deleted
    EnValue value;   // Set: undefined
    uint32_t hash;
    uint32_t next;   // previous entry of the chain, or EN_HM_NONE
} EnHmEntry;

#define EN_HM_NONE 0xFFFFFFFFu

typedef struct EnHmCursor {
    const void *owner;   // heap cell holding *pos (dropped when it dies), or NULL (C stack)
    uint32_t *pos;
} EnHmCursor;

typedef struct EnHashMap {
    EnHmEntry *entries;   // [cap]; [0, used) handed out (live or tombstones)
    uint32_t *buckets;    // [nbuckets]
    uint32_t cap, used, live, nbuckets;
    EnHmCursor *cursors;
    uint32_t ncursors, cursor_cap;
} EnHashMap;

// Objects of class MAP, SET, WEAKMAP, WEAKSET: the table is their
// [[MapData]] / [[SetData]] / [[WeakMapData]] / [[WeakSetData]].
typedef struct EnCollection {
    EnObject base;
    EnHashMap hm;
} EnCollection;

// The constructors of Map, Set, WeakMap, WeakSet (class cls): creates the
// collection from NewTarget and fills it from the iterable argument through
// its own "set" / "add" (AddEntriesFromIterable). bi_map_set.c.
EnValue en_coll_construct(EnContext *cx, const EnArgs *a, EnClassId cls);

// Empty table (no memory until the first insertion).
void en_hm_init(EnHashMap *m);
// Frees the table's memory (finalizers; safe during sweeping).
void en_hm_free(EnHashMap *m);

// Canonicalises a key for storage and lookup: flattens strings (may
// allocate and collect: the caller roots what it holds), normalises
// numbers. False with an exception pending on heap limit.
bool en_hm_key(EnContext *cx, EnValue *key);
// Canonical key without allocating: numbers and non-strings, and strings
// that are already flat. False when the string must be flattened first.
bool en_hm_key_fast(EnValue *key);

// Lookup of a canonical key; the entry or NULL. O(1) average.
EnHmEntry *en_hm_find(const EnHashMap *m, EnValue key);
// Inserts or updates a canonical key (appended at the end when new).
// Never collects (och_malloc growth; aborts on C OOM like every och_ alloc).
void en_hm_set(EnHashMap *m, EnValue key, EnValue value);
// Deletes a canonical key: true when it was present.
bool en_hm_delete(EnHashMap *m, EnValue key);
// Removes every entry; cursors move to 0.
void en_hm_clear(EnHashMap *m);
// The entry at position *pos or after it that is live, advancing *pos past
// it; NULL at the end.
EnHmEntry *en_hm_next(const EnHashMap *m, uint32_t *pos);

// Cursor registration (see above). Removing an absent cursor is a no-op.
void en_hm_cursor_add(EnHashMap *m, const void *owner, uint32_t *pos);
void en_hm_cursor_remove(EnHashMap *m, uint32_t *pos);

// GC: marks every live key and value (strong tables).
void en_hm_trace(EnGCTracer *t, const EnHashMap *m);
// GC weak sweep: drops cursors whose owner died. Call from a sweep
// callback registered by the owner's trace when m->ncursors != 0.
void en_hm_sweep_cursors(EnHashMap *m);
// Ephemeron tables (WeakMap/WeakSet): marks values of entries whose key is
// marked; true when something new was marked.
bool en_hm_ephemeron_step(EnGCTracer *t, EnHashMap *m);
// Drops entries whose key died (after marking). Never allocates.
void en_hm_sweep_dead_keys(EnHashMap *m);

#endif
