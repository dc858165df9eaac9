// Objects: property keys, hidden classes (shapes), named slots, elements,
// property attributes, accessors, the internal-method table of exotic
// objects. Owner: engine/shape.c, engine/object.c, engine/elements.c,
// engine/exotic_*.c (prefix en_shape_ / en_obj_ / en_elem_).
//
// Named properties: an object's shape maps keys to slot indices and
// attributes; values live in the object's inline slots (capacity fixed at
// allocation, the same for every shape of one transition tree) and then in
// an out-of-line EnValueArray. Adding a property follows (or creates) a
// transition from the current shape; the prototype is part of the shape, so
// one shape check validates both own layout and [[GetPrototypeOf]].
// Deleting a property, or more than EN_SHAPE_MAX_PROPS properties, switches
// the object to dictionary mode: a unique shape (EN_SHAPE_DICTIONARY) with
// its own mutable table; inline caches never cache dictionary shapes.
//
// Elements (integer-indexed properties) are separate: packed (no holes),
// holey (EN_HOLE marks absent entries) or dictionary (sparse: an
// EnPropTable keyed by index) — the kind is in the object's flags. Elements
// with non-default attributes or accessors force dictionary elements.
//
// Inline caches (the VM's feedback slots) rely on: obj->shape identity,
// en_shape_lookup for (shape, key) -> (slot, attrs), and
// en_obj_slot_ref(obj, slot) for the storage of a slot.
#ifndef OCHRE_ENGINE_OBJECT_INT_H
#define OCHRE_ENGINE_OBJECT_INT_H

#include "heap_int.h"
#include "string_int.h"

typedef struct EnObject EnObject;

// ---------------------------------------------------------------------------
// Property keys: an atom (EN_TAG_STRING with EN_STR_ATOM), a symbol, or an
// array index 0 .. 2^32-2 (EN_TAG_INT32 below 2^31, else a double).
typedef EnValue EnKey;

static inline bool en_key_is_index(EnKey k, uint32_t *index) {
    if (en_is_int32(k)) { *index = (uint32_t)en_as_int32(k); return true; }
    if (en_is_double(k)) { *index = (uint32_t)en_as_double(k); return true; }
    return false;
}
static inline EnKey en_key_index(uint32_t i) {
    return i <= 0x7FFFFFFFu ? en_int32((int32_t)i) : en_double((double)i);
}
static inline EnKey en_key_atom(const EnString *atom) { return en_string_value(atom); }
// ToPropertyKey(v) canonicalised: numeric-index strings become index keys,
// other strings are interned. May run JS (objects: ToPrimitive). Returns
// false with an exception pending.
bool en_key_from_value(EnContext *cx, EnValue v, EnKey *out);
// The key as a JS value (index keys become strings): for ownKeys, errors.
EnValue en_key_to_value(EnContext *cx, EnKey k);

// ---------------------------------------------------------------------------
// Property attributes.
#define EN_PROP_WRITABLE 0x01u
#define EN_PROP_ENUMERABLE 0x02u
#define EN_PROP_CONFIGURABLE 0x04u
#define EN_PROP_ACCESSOR 0x08u   // slot holds an EnAccessor cell (EN_TAG_CELL value)
#define EN_PROP_DEFAULT (EN_PROP_WRITABLE | EN_PROP_ENUMERABLE | EN_PROP_CONFIGURABLE)
#define EN_PROP_HIDDEN (EN_PROP_WRITABLE | EN_PROP_CONFIGURABLE)  // builtin methods

typedef struct EnAccessor {
    EnCell hdr;
    EnValue getter;  // function object or undefined
    EnValue setter;
} EnAccessor;

// Property descriptor (for [[DefineOwnProperty]] / [[GetOwnProperty]]).
#define EN_DESC_HAS_VALUE 0x01u
#define EN_DESC_HAS_WRITABLE 0x02u
#define EN_DESC_HAS_GET 0x04u
#define EN_DESC_HAS_SET 0x08u
#define EN_DESC_HAS_ENUMERABLE 0x10u
#define EN_DESC_HAS_CONFIGURABLE 0x20u
typedef struct EnPropDesc {
    uint8_t has;     // EN_DESC_HAS_*
    uint8_t attrs;   // EN_PROP_* for the present fields
    EnValue value, getter, setter;
} EnPropDesc;

// ---------------------------------------------------------------------------
// Shapes.
#define EN_SHAPE_DICTIONARY 0x0001u    // hdr.flags: unique shape of a dictionary-mode object
#define EN_SHAPE_NOT_EXTENSIBLE 0x0002u
#define EN_SHAPE_HAS_INDEX_ATTRS 0x0004u  // (reserved)
#define EN_SHAPE_MAX_PROPS 128u

typedef struct EnPropTable EnPropTable;      // shape.c: open-addressing key -> entry
typedef struct EnTransitions EnTransitions;  // shape.c

typedef struct EnShape {
    EnCell hdr;                // hdr.aux = class id (EnClassId) of objects using it
    struct EnShape *parent;    // previous shape in the transition chain; NULL for a root
    struct EnObject *proto;    // [[Prototype]] (NULL for null)
    EnKey key;                 // property added by the transition (EN_UNDEFINED for a root)
    uint32_t slot;             // its slot
    uint8_t attrs;             // its attributes (EN_PROP_*)
    uint8_t ninline;           // inline slot capacity of objects of this tree
    uint16_t _pad;
    uint32_t nprops;           // properties (= slots in use) up to and including this one
    EnPropTable *table;        // lookup table (built lazily for chains longer than a few)
    EnTransitions *transitions;
} EnShape;

// Looks key up in shape: true with *slot and *attrs when present. O(1)
// amortised (hash table built lazily per shape chain).
bool en_shape_lookup(EnShape *shape, EnKey key, uint32_t *slot, uint8_t *attrs);
// Root shape for objects of class `cls` with prototype `proto` and `ninline`
// inline slots (cached per (proto, class, ninline)).
EnShape *en_shape_root(EnContext *cx, EnObject *proto, uint8_t cls, uint8_t ninline);

// ---------------------------------------------------------------------------
// Objects.

// Class ids (EnShape.hdr.aux and EnObject.hdr.aux). Each class has an entry
// in the class table (en_class_of) giving its C struct size, its internal
// methods (exotics), its trace/finalize and its name.
#define EN_CLASS_LIST(X)                                                          \
    X(OBJECT, "Object") X(ARRAY, "Array") X(FUNCTION, "Function")               \
    X(BOUND_FUNCTION, "Function") X(NATIVE_FUNCTION, "Function")                 \
    X(ERROR, "Error") X(BOOLEAN, "Boolean") X(NUMBER, "Number")                  \
    X(STRING, "String") X(SYMBOL, "Symbol") X(BIGINT, "BigInt")                  \
    X(ARGUMENTS, "Arguments") X(MAPPED_ARGUMENTS, "Arguments") X(DATE, "Date")   \
    X(REGEXP, "RegExp") X(MAP, "Map") X(SET, "Set") X(WEAKMAP, "WeakMap")        \
    X(WEAKSET, "WeakSet") X(WEAKREF, "WeakRef")                                  \
    X(FINALIZATION_REGISTRY, "FinalizationRegistry") X(PROMISE, "Promise")       \
    X(GENERATOR, "Generator") X(ASYNC_GENERATOR, "AsyncGenerator")               \
    X(ASYNC_FUNCTION_STATE, "AsyncFunction")                                     \
    X(ITERATOR_HELPER, "Iterator Helper") X(ARRAY_ITERATOR, "Array Iterator")    \
    X(STRING_ITERATOR, "String Iterator") X(MAP_ITERATOR, "Map Iterator")        \
    X(SET_ITERATOR, "Set Iterator") X(REGEXP_STRING_ITERATOR, "RegExp String Iterator") \
    X(FOR_IN_ITERATOR, "ForIn Iterator") X(ASYNC_FROM_SYNC_ITERATOR, "Async-from-Sync Iterator") \
    X(WRAP_FOR_VALID_ITERATOR, "Iterator") X(PROXY, "Proxy")                     \
    X(ARRAY_BUFFER, "ArrayBuffer") X(SHARED_ARRAY_BUFFER, "SharedArrayBuffer")   \
    X(DATA_VIEW, "DataView") X(TYPED_ARRAY, "TypedArray")                        \
    X(MODULE_NAMESPACE, "Module") X(GLOBAL, "global")                            \
    X(DISPOSABLE_STACK, "DisposableStack")                                       \
    X(ASYNC_DISPOSABLE_STACK, "AsyncDisposableStack") X(HOST, "Object")

typedef enum EnClassId {
#define EN_CLASS_ENUM_(id, name) EN_CLASS_##id,
    EN_CLASS_LIST(EN_CLASS_ENUM_)
#undef EN_CLASS_ENUM_
        EN_CLASS_COUNT
} EnClassId;

// EnObject.hdr.flags
#define EN_OBJ_ELEM_HOLEY 0x0001u      // elements may contain EN_HOLE
#define EN_OBJ_ELEM_DICT 0x0002u       // elements are an EnPropTable (sparse / attributes)
#define EN_OBJ_ELEM_FROZEN 0x0004u     // elements non-writable/non-configurable (fast check)
#define EN_OBJ_CALLABLE 0x0008u        // has [[Call]]
#define EN_OBJ_CONSTRUCTOR 0x0010u     // has [[Construct]]
#define EN_OBJ_HTMLDDA 0x0020u         // [[IsHTMLDDA]] (test262 only)
#define EN_OBJ_CLASS_CONSTRUCTOR 0x0040u  // class constructor: [[Call]] throws

typedef struct EnValueArray {
    EnCell hdr;          // hdr.aux = capacity
    uint32_t length;     // elements: used length (for slots: unused)
    uint32_t _pad;
    EnValue v[];
} EnValueArray;

// Base of every object; class-specific structs embed it first and add
// their fields; inline slots follow the class struct at
// en_class_of(cls)->size bytes (see en_obj_inline_slots).
typedef struct EnObject {
    EnCell hdr;              // type EN_CELL_OBJECT, aux = class id, flags EN_OBJ_*
    EnShape *shape;
    EnValueArray *slots;     // out-of-line named slots (slot >= shape->ninline), or NULL
    union {
        EnValueArray *elements;  // packed/holey: v[0 .. length); NULL when none
        EnPropTable *elem_dict;  // EN_OBJ_ELEM_DICT
    } el;
} EnObject;

static inline EnObject *en_as_object(EnValue v) { return (EnObject *)en_as_ptr(v); }
static inline EnValue en_object_value(const EnObject *o) { return en_ptr_value(EN_TAG_OBJECT, o); }
static inline EnClassId en_obj_class(const EnObject *o) { return (EnClassId)o->hdr.aux; }
static inline bool en_obj_is_callable(const EnObject *o) { return (o->hdr.flags & EN_OBJ_CALLABLE) != 0; }
static inline bool en_is_callable(EnValue v) { return en_is_object(v) && en_obj_is_callable(en_as_object(v)); }
static inline bool en_is_constructor(EnValue v) {
    return en_is_object(v) && (en_as_object(v)->hdr.flags & EN_OBJ_CONSTRUCTOR) != 0;
}

// Internal methods of exotic classes; NULL entries use the ordinary
// algorithm. Return false with an exception pending on error; the bool
// results of the spec ([[Set]] returned false...) go through *ok.
typedef struct EnClassOps {
    bool (*get_own_property)(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out, bool *found);
    bool (*define_own_property)(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d, bool *ok);
    bool (*has_property)(EnContext *cx, EnObject *o, EnKey k, bool *found);
    bool (*get)(EnContext *cx, EnObject *o, EnKey k, EnValue receiver, EnValue *out);
    bool (*set)(EnContext *cx, EnObject *o, EnKey k, EnValue v, EnValue receiver, bool *ok);
    bool (*delete_property)(EnContext *cx, EnObject *o, EnKey k, bool *ok);
    // Appends own keys in spec order (indices ascending, strings in
    // creation order, symbols in creation order) to *keys (an och_malloc'd
    // vector the caller roots by rooting the object: keys are atoms/symbols
    // kept alive by the object itself, or index keys).
    bool (*own_keys)(EnContext *cx, EnObject *o, EnKey **keys, uint32_t *n);
    bool (*get_prototype_of)(EnContext *cx, EnObject *o, EnObject **out);  // Proxy
    bool (*set_prototype_of)(EnContext *cx, EnObject *o, EnObject *proto, bool *ok);
    bool (*is_extensible)(EnContext *cx, EnObject *o, bool *out);
    bool (*prevent_extensions)(EnContext *cx, EnObject *o, bool *ok);
} EnClassOps;

typedef struct EnClass {
    const char *name;        // for Object.prototype.toString fallbacks and inspection
    uint32_t size;           // sizeof the class struct (inline slots follow)
    const EnClassOps *ops;   // NULL: ordinary object
    void (*trace)(EnGCTracer *t, EnObject *o);       // class fields beyond EnObject; NULL: none
    void (*finalize)(EnRuntime *rt, EnObject *o);    // C memory owned; NULL: none
} EnClass;

// The class table; owners of a class register its entry at runtime
// creation (en_class_register) before any object of it exists.
// The table is read on hot paths (inline slot addressing), hence inline.
extern const EnClass *en_class_table[EN_CLASS_COUNT];
static inline const EnClass *en_class_of(EnClassId id) { return en_class_table[id]; }
void en_class_register(EnClassId id, const EnClass *cls);

static inline EnValue *en_obj_inline_slots(EnObject *o) {
    return (EnValue *)((char *)o + en_class_of(en_obj_class(o))->size);
}
// Storage of a named slot (inline or out-of-line).
static inline EnValue *en_obj_slot_ref(EnObject *o, uint32_t slot) {
    return slot < o->shape->ninline ? &en_obj_inline_slots(o)[slot]
                                    : &o->slots->v[slot - o->shape->ninline];
}

// Allocates an object of class cls with prototype proto (NULL: null) and
// `ninline` inline slots (0..255; ordinary objects default to 4).
// The class struct beyond EnObject is zeroed. NULL on heap limit.
EnObject *en_obj_new(EnContext *cx, EnClassId cls, EnObject *proto, uint8_t ninline);
// Ordinary object with %Object.prototype%.
EnObject *en_obj_new_plain(EnContext *cx);

// --- the essential internal methods (dispatching to exotics). All return
// false with an exception pending on error (thrown TypeError, getter threw,
// proxy trap threw...).
bool en_obj_get_prototype_of(EnContext *cx, EnObject *o, EnObject **out);
bool en_obj_set_prototype_of(EnContext *cx, EnObject *o, EnObject *proto, bool *ok);
bool en_obj_is_extensible(EnContext *cx, EnObject *o, bool *out);
bool en_obj_prevent_extensions(EnContext *cx, EnObject *o, bool *ok);
bool en_obj_get_own_property(EnContext *cx, EnObject *o, EnKey k, EnPropDesc *out, bool *found);
bool en_obj_define_own_property(EnContext *cx, EnObject *o, EnKey k, const EnPropDesc *d, bool *ok);
bool en_obj_has_property(EnContext *cx, EnObject *o, EnKey k, bool *found);
bool en_obj_get(EnContext *cx, EnObject *o, EnKey k, EnValue receiver, EnValue *out);
bool en_obj_set(EnContext *cx, EnObject *o, EnKey k, EnValue v, EnValue receiver, bool *ok);
bool en_obj_delete(EnContext *cx, EnObject *o, EnKey k, bool *ok);
bool en_obj_own_keys(EnContext *cx, EnObject *o, EnKey **keys, uint32_t *n);  // och_free(*keys)

// --- conveniences used everywhere (builtins, VM slow paths)
// GetV / Get(O, P) on any value (primitives use their prototype).
EnValue en_get(EnContext *cx, EnValue obj, EnKey k);          // EN_EXCEPTION on throw
EnValue en_get_atom(EnContext *cx, EnValue obj, EnAtomId id);
EnValue en_get_index(EnContext *cx, EnValue obj, uint32_t i);
// Set(O, P, V, Throw=true): TypeError when it fails and throw_on_fail.
bool en_set(EnContext *cx, EnValue obj, EnKey k, EnValue v, bool throw_on_fail);
bool en_set_index(EnContext *cx, EnValue obj, uint32_t i, EnValue v);
// CreateDataProperty / CreateDataPropertyOrThrow.
bool en_create_data_property(EnContext *cx, EnObject *o, EnKey k, EnValue v, bool *ok);
bool en_create_data_property_or_throw(EnContext *cx, EnObject *o, EnKey k, EnValue v);
// DefinePropertyOrThrow with a data value and attributes.
bool en_define_value(EnContext *cx, EnObject *o, EnKey k, EnValue v, uint8_t attrs);
bool en_define_accessor(EnContext *cx, EnObject *o, EnKey k, EnValue getter, EnValue setter,
                        uint8_t attrs);
// Fast definition on a fresh ordinary object known not to have k (builtin
// setup, object literals): appends via a shape transition. No checks.
bool en_obj_add_property(EnContext *cx, EnObject *o, EnKey k, EnValue v, uint8_t attrs);
bool en_has_own_property(EnContext *cx, EnObject *o, EnKey k, bool *found);

// --- integrity, conversions of descriptors
bool en_obj_set_integrity(EnContext *cx, EnObject *o, bool frozen, bool *ok);  // seal/freeze
bool en_obj_test_integrity(EnContext *cx, EnObject *o, bool frozen, bool *out);
bool en_desc_from_object(EnContext *cx, EnValue v, EnPropDesc *out);  // ToPropertyDescriptor
EnValue en_desc_to_object(EnContext *cx, const EnPropDesc *d);        // FromPropertyDescriptor

// --- arrays (class ARRAY: `length` is an exotic own property)
typedef struct EnArray {
    EnObject base;
    uint32_t length;
    uint32_t flags;   // EN_ARRAY_LENGTH_READONLY
} EnArray;
#define EN_ARRAY_LENGTH_READONLY 0x1u
EnObject *en_array_new(EnContext *cx, uint32_t capacity);  // length 0, %Array.prototype%
EnObject *en_array_from_values(EnContext *cx, const EnValue *v, uint32_t n);
bool en_array_push(EnContext *cx, EnObject *arr, EnValue v);  // fast path, falls back to Set
// LengthOfArrayLike (ToLength(Get(o, "length"))).
bool en_length_of_array_like(EnContext *cx, EnValue o, uint64_t *out);
bool en_is_array(EnContext *cx, EnValue v, bool *out);  // IsArray (sees through proxies)

// --- primitive wrappers (classes BOOLEAN, NUMBER, STRING, SYMBOL, BIGINT):
// [[BooleanData]] / [[NumberData]] / [[StringData]] ... in `value`. String
// objects are exotic for their indices; `length` is an ordinary own
// property (non-writable, non-enumerable, non-configurable).
typedef struct EnPrimitiveObject {
    EnObject base;
    EnValue value;
} EnPrimitiveObject;
// Wraps a primitive with the realm's prototype for its type (ToObject).
EnObject *en_primitive_wrap(EnContext *cx, EnValue prim);
// The wrapped primitive of a wrapper of class cls, or false.
bool en_primitive_unwrap(EnObject *o, EnClassId cls, EnValue *out);

// --- unmapped arguments object (exotic_arguments.c): CreateUnmappedArgumentsObject.
EnObject *en_arguments_new_unmapped(EnContext *cx, uint32_t argc, const EnValue *argv);

#endif
