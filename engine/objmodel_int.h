// Private interface between the object-model files (shape.c, object.c,
// elements.c, exotic_*.c, convert.c, context.c). Not for other modules:
// they use object_int.h / runtime_int.h.
#ifndef OCHRE_ENGINE_OBJMODEL_INT_H
#define OCHRE_ENGINE_OBJMODEL_INT_H

#include "runtime_int.h"

// ---------------------------------------------------------------------------
// Property tables (EN_CELL_PROP_TABLE): an insertion-ordered hash map from
// key to (slot, attrs, value). One structure serves three users:
//   - lookup tables of shapes (value unused; entries of a shared table whose
//     slot >= shape->nprops belong to descendants and are ignored),
//   - dictionary-mode shapes (slot = storage slot of the object),
//   - dictionary elements (key = index key, value = the element or its
//     EnAccessor, slot unused).
// Tables live in C memory (never on the GC heap: building one never
// collects, and en_shape_lookup needs no context). hdr.aux counts the
// references (shapes of one chain share a lookup table); en_ptab_release
// frees at zero. Whoever references a table traces its keys and values.
// Invariant: entries[0..used) in insertion order; removed entries have
// key == EN_HOLE (tombstones) until the next compaction.
typedef struct EnPropEntry {
    EnKey key;
    EnValue value;
    uint32_t slot;
    uint8_t attrs;
    uint8_t _pad[3];
} EnPropEntry;

struct EnPropTable {
    EnCell hdr;
    uint32_t count;      // live entries
    uint32_t used;       // entries in use including tombstones
    uint32_t cap;        // entries capacity
    uint32_t mask;       // index size - 1 (index size = power of two >= 2 * cap)
    uint32_t tip;        // shape tables: nprops of the deepest shape sharing it
    uint32_t nfree;      // dictionary shapes: free slots available for reuse
    uint32_t free_cap;
    uint32_t _pad;
    EnPropEntry *entries;
    uint32_t *index;     // entry index + 1; 0 empty
    uint32_t *free_slots;
};

EnPropTable *en_ptab_new(uint32_t cap);  // one reference
void en_ptab_release(EnPropTable *t);
EnPropEntry *en_ptab_find(EnPropTable *t, EnKey k);
// Adds (k must be absent). The returned pointer is valid until the next add.
EnPropEntry *en_ptab_add(EnPropTable *t, EnKey k, EnValue value, uint32_t slot, uint8_t attrs);
void en_ptab_trace(EnGCTracer *t, EnPropTable *tab);  // keys and values
void en_ptab_remove(EnPropTable *t, EnPropEntry *e);
static inline bool en_ptab_live(const EnPropEntry *e) { return e->key != EN_HOLE; }

// ---------------------------------------------------------------------------
// Shapes (shape.c).
// The child of `shape` adding key with attrs (created when missing). NULL on
// heap limit.
EnShape *en_shape_add(EnContext *cx, EnShape *shape, EnKey key, uint8_t attrs);
// The existing child of `shape` for (key, attrs), or NULL. Never allocates.
EnShape *en_shape_find_transition(EnShape *shape, EnKey key, uint8_t attrs);
// A fresh dictionary shape holding every property of `shape` (same slots),
// with prototype `proto`. NULL on heap limit.
EnShape *en_shape_to_dictionary(EnContext *cx, EnShape *shape);
static inline bool en_shape_is_dict(const EnShape *s) {
    return (s->hdr.flags & EN_SHAPE_DICTIONARY) != 0;
}
static inline EnClassId en_shape_class(const EnShape *s) { return (EnClassId)s->hdr.aux; }
// Per-context root-shape cache lifetime and tracing (weak entries).
void en_shape_cache_free(EnContext *cx);
void en_shape_cache_trace(EnContext *cx, EnGCTracer *t);

// Private per-context data of the object model (cx->shape_cache).
typedef struct EnRootEntry {
    EnObject *proto;
    EnShape *shape;
    uint32_t cls_inline;  // class << 8 | ninline
    uint32_t _pad;
} EnRootEntry;
struct EnShapeCache {
    EnRootEntry *entries;  // open addressing; shape == NULL: empty
    uint32_t mask, count;
    EnObject *oom_error;   // preallocated error thrown at the heap limit
    uint32_t error_depth;  // recursion guard of en_error_new
};

// ---------------------------------------------------------------------------
// Objects (object.c).
// Ensures out-of-line slot capacity for `nslots` named slots in total.
bool en_obj_reserve_slots(EnContext *cx, EnObject *o, uint32_t nslots);
// Switches o to dictionary mode (no-op when already). False on heap limit.
bool en_obj_make_dictionary(EnContext *cx, EnObject *o);
// Ordinary own lookup of a named (non-index) key: a pointer to its value
// storage and its attributes, or NULL. Valid until the next allocation.
EnValue *en_obj_find_named(EnObject *o, EnKey k, uint8_t *attrs);
// The ordinary algorithms (exotic classes call them for their other keys).
bool en_ordinary_get_own_property(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out,
                                  bool *found);
bool en_ordinary_define_own_property(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d,
                                     bool *ok);
bool en_ordinary_delete(EnContext *cx, EnObject *o, EnKey k, bool *ok);
bool en_ordinary_own_keys(EnContext *cx, EnObject *o, EnKey **keys, uint32_t *n);
// ValidateAndApplyPropertyDescriptor with O = NULL: IsCompatiblePropertyDescriptor.
bool en_validate_and_apply(EnContext *cx, EnObject *o, EnKey k, bool extensible,
                           const EnPropDesc *d, const EnPropDesc *current, bool has_current,
                           bool *ok);
EnAccessor *en_accessor_new(EnContext *cx, EnValue getter, EnValue setter);
static inline EnAccessor *en_as_accessor(EnValue v) { return (EnAccessor *)en_as_ptr(v); }
static inline bool en_obj_extensible_raw(const EnObject *o) {
    return (o->shape->hdr.flags & EN_SHAPE_NOT_EXTENSIBLE) == 0;
}
// Key vector helper for own_keys implementations.
typedef struct EnKeyVec {
    EnKey *items;
    uint32_t len, cap;
} EnKeyVec;
void en_keyvec_push(EnKeyVec *v, EnKey k);
// OrdinarySet's write to the receiver once the chain allowed it (object.c).
bool en_ordinary_set_receiver(EnContext *cx, EnKey k, EnValue v, EnValue receiver, bool *ok);

// ---------------------------------------------------------------------------
// Elements (elements.c): integer-indexed storage of any object.
// Own element lookup: pointer to value storage and attrs, or NULL.
EnValue *en_elem_find(EnObject *o, uint32_t index, uint8_t *attrs);
// Adds or overwrites element `index` with a data value / an accessor
// (attrs EN_PROP_*). No extensibility or attribute checks. False on heap limit.
bool en_elem_put(EnContext *cx, EnObject *o, uint32_t index, EnValue v, uint8_t attrs);
// Removes element index (no configurability check).
void en_elem_remove(EnObject *o, uint32_t index);
// Moves elements to dictionary mode.
bool en_elem_to_dict(EnContext *cx, EnObject *o);
// Appends own element keys in ascending order.
void en_elem_keys(EnObject *o, EnKeyVec *out);
// Elements with index >= from, deleted from the top down, stopping at a
// non-configurable one: returns the new length (ArraySetLength's loop).
uint32_t en_elem_truncate(EnObject *o, uint32_t from, uint32_t old_len);
// Applies attrs to every element (seal: clear CONFIGURABLE; freeze: also
// WRITABLE on data elements).
bool en_elem_set_integrity(EnContext *cx, EnObject *o, bool frozen);
uint32_t en_elem_storage_length(const EnObject *o);
// Ensures fast storage capacity (no-op for dictionary elements).
bool en_elem_reserve(EnContext *cx, EnObject *o, uint32_t cap);

// ---------------------------------------------------------------------------
// Class ops of the exotics (exotic_*.c).
extern const EnClass en_class_array, en_class_string_obj, en_class_arguments;
extern const EnClass en_class_primitive;

// ---------------------------------------------------------------------------
// Errors (error.c): defines `stack` ("Name: message" + frames) on e.
bool en_error_capture_stack(EnContext *cx, EnObject *e);

// ---------------------------------------------------------------------------
// Keys (convert.c).
bool en_string_to_index(EnString *s, uint32_t *index);  // s flat
EnKey en_key_from_cstr(EnContext *cx, const char *s);  // EN_EXCEPTION on heap limit

#endif
