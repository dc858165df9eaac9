// Binary data: ArrayBuffer (fixed-length and resizable, detachable),
// DataView and the integer-indexed exotic objects (typed arrays).
// Owner: typedarray helper (engine/exotic_typed_array.c for the object
// layouts, element conversions and the exotic internal methods;
// builtins/bi_array_buffer.c, bi_data_view.c, bi_typed_array*.c for the
// builtins).
//
// Layout: an ArrayBuffer owns its bytes as C memory (och_malloc'd, freed
// by the class finalizer, accounted with en_gc_account_external so the heap
// limit sees them). A typed array / DataView points to its buffer object
// and reads buffer->data on every access (resize may move the block, and
// detach sets it to NULL), so the fast element path is: class check,
// buffer flags check, bounds check against the view's length, one typed
// load.
#ifndef OCHRE_ENGINE_TYPED_ARRAY_INT_H
#define OCHRE_ENGINE_TYPED_ARRAY_INT_H

#include "runtime_int.h"

// Element types, in the spec's table order (Table 71) with Float16 before
// Float32 (ES2025).
#define EN_TA_TYPES(X)                                                            \
    X(INT8, "Int8Array", 0, 0) X(UINT8, "Uint8Array", 0, 0)                      \
    X(UINT8C, "Uint8ClampedArray", 0, 0) X(INT16, "Int16Array", 1, 0)            \
    X(UINT16, "Uint16Array", 1, 0) X(INT32, "Int32Array", 2, 0)                  \
    X(UINT32, "Uint32Array", 2, 0) X(FLOAT16, "Float16Array", 1, 0)              \
    X(FLOAT32, "Float32Array", 2, 0) X(FLOAT64, "Float64Array", 3, 0)            \
    X(BIGINT64, "BigInt64Array", 3, 1) X(BIGUINT64, "BigUint64Array", 3, 1)

typedef enum EnTAType {
#define EN_TA_ENUM_(id, name, shift, big) EN_TA_##id,
    EN_TA_TYPES(EN_TA_ENUM_)
#undef EN_TA_ENUM_
        EN_TA_COUNT
} EnTAType;

extern const char *const en_ta_names[EN_TA_COUNT];
extern const uint8_t en_ta_shift[EN_TA_COUNT];  // log2(element size)
static inline bool en_ta_is_bigint(EnTAType t) { return t >= EN_TA_BIGINT64; }
static inline uint32_t en_ta_elem_size(EnTAType t) { return 1u << en_ta_shift[t]; }

// ---------------------------------------------------------------------------
// ArrayBuffer (class ARRAY_BUFFER).
#define EN_AB_DETACHED 0x1u
#define EN_AB_RESIZABLE 0x2u
typedef struct EnArrayBuffer {
    EnObject base;
    uint8_t *data;            // NULL only when detached (an empty buffer has a 1-byte block)
    size_t byte_length;
    size_t max_byte_length;   // resizable buffers only
    uint32_t flags;           // EN_AB_*
    uint32_t _pad;
    EnValue detach_key;       // [[ArrayBufferDetachKey]] (undefined)
} EnArrayBuffer;

static inline EnArrayBuffer *en_as_buffer(EnObject *o) { return (EnArrayBuffer *)o; }
static inline bool en_ab_detached(const EnArrayBuffer *b) { return (b->flags & EN_AB_DETACHED) != 0; }
static inline bool en_is_array_buffer(EnValue v) {
    return en_is_object(v) && en_obj_class(en_as_object(v)) == EN_CLASS_ARRAY_BUFFER;
}

// AllocateArrayBuffer(ctor, byteLength[, maxByteLength]): prototype from
// new_target (undefined: %ArrayBuffer.prototype%); max < 0: fixed length.
// RangeError when the bytes cannot be allocated (or exceed the heap limit).
EnObject *en_ab_allocate(EnContext *cx, EnValue new_target, uint64_t len, int64_t max);
// DetachArrayBuffer(buffer, key): TypeError when the key does not match.
bool en_ab_detach(EnContext *cx, EnObject *buf, EnValue key);
// Resizes the block (zero-filling growth); false with RangeError on
// allocation failure.
bool en_ab_resize(EnContext *cx, EnObject *buf, uint64_t new_len);

// ---------------------------------------------------------------------------
// Typed arrays (class TYPED_ARRAY) and DataViews (class DATA_VIEW) share the
// view layout.
#define EN_VIEW_LENGTH_TRACKING 0x1u  // [[ArrayLength]] / [[ByteLength]] is auto
typedef struct EnTypedArray {
    EnObject base;
    EnObject *buffer;     // EnArrayBuffer
    size_t byte_offset;
    size_t length;        // elements (DataView: bytes); unused when tracking
    uint8_t type;         // EnTAType (DataView: unused)
    uint8_t flags;        // EN_VIEW_*
    uint16_t _pad;
    uint32_t _pad2;
} EnTypedArray;

static inline EnTypedArray *en_as_ta(EnObject *o) { return (EnTypedArray *)o; }
static inline bool en_is_typed_array(EnValue v) {
    return en_is_object(v) && en_obj_class(en_as_object(v)) == EN_CLASS_TYPED_ARRAY;
}

// IsTypedArrayOutOfBounds / IsViewOutOfBounds (detached counts as out of
// bounds).
static inline bool en_view_oob(const EnTypedArray *ta, uint32_t shift) {
    const EnArrayBuffer *b = (const EnArrayBuffer *)ta->buffer;
    if (b->flags & EN_AB_DETACHED) return true;
    if (!(b->flags & EN_AB_RESIZABLE)) return false;
    if (ta->byte_offset > b->byte_length) return true;
    if (ta->flags & EN_VIEW_LENGTH_TRACKING) return false;
    return ta->byte_offset + (ta->length << shift) > b->byte_length;
}
// TypedArrayLength of a view that is in bounds; 0 when out of bounds.
static inline size_t en_view_length(const EnTypedArray *ta, uint32_t shift) {
    const EnArrayBuffer *b = (const EnArrayBuffer *)ta->buffer;
    if (!(b->flags & (EN_AB_DETACHED | EN_AB_RESIZABLE))) return ta->length;
    if (en_view_oob(ta, shift)) return 0;
    if (ta->flags & EN_VIEW_LENGTH_TRACKING) return (b->byte_length - ta->byte_offset) >> shift;
    return ta->length;
}
static inline size_t en_ta_length(const EnTypedArray *ta) { return en_view_length(ta, en_ta_shift[ta->type]); }
static inline bool en_ta_oob(const EnTypedArray *ta) { return en_view_oob(ta, en_ta_shift[ta->type]); }
static inline uint8_t *en_ta_data(const EnTypedArray *ta) {
    return ((const EnArrayBuffer *)ta->buffer)->data + ta->byte_offset;
}

// A coerced element value: a double for the Number types, the 64-bit two's
// complement bits for BigInt64 / BigUint64.
typedef union EnTANum {
    double d;
    uint64_t u;
} EnTANum;

// ToNumber / ToBigInt64 of v for an element of type t (may run JS).
bool en_ta_coerce(EnContext *cx, EnTAType t, EnValue v, EnTANum *out);
// Stores / loads an element at p (native byte order, p suitably aligned
// or not). The load allocates for BigInt types (EN_EXCEPTION on failure).
void en_ta_store(uint8_t *p, EnTAType t, EnTANum n);
EnValue en_ta_load(EnContext *cx, const uint8_t *p, EnTAType t);
// The element at p as a coerced value (no allocation): converting between
// two types of the same content type is en_ta_store(q, t2, en_ta_read(p, t1)).
EnTANum en_ta_read(const uint8_t *p, EnTAType t);
// Number conversions of the element types (ToInt8... ToFloat16).
uint16_t en_f64_to_f16(double d);
double en_f16_to_f64(uint16_t h);

// Fast paths for the interpreter's keyed access (int32 keys): true when
// handled (in-bounds number element: *out is the value; store done).
static inline bool en_ta_get_fast(EnObject *o, int32_t i, EnValue *out) {
    EnTypedArray *ta = en_as_ta(o);
    if (i < 0 || (size_t)i >= en_ta_length(ta)) return false;
    const uint8_t *p = en_ta_data(ta);
    switch ((EnTAType)ta->type) {
    case EN_TA_INT8: *out = en_int32(((const int8_t *)p)[i]); return true;
    case EN_TA_UINT8:
    case EN_TA_UINT8C: *out = en_int32(p[i]); return true;
    case EN_TA_INT16: *out = en_int32(((const int16_t *)p)[i]); return true;
    case EN_TA_UINT16: *out = en_int32(((const uint16_t *)p)[i]); return true;
    case EN_TA_INT32: *out = en_int32(((const int32_t *)p)[i]); return true;
    case EN_TA_UINT32: *out = en_number(((const uint32_t *)p)[i]); return true;
    case EN_TA_FLOAT32: *out = en_number(((const float *)p)[i]); return true;
    case EN_TA_FLOAT64: *out = en_number(((const double *)p)[i]); return true;
    default: return false;
    }
}
static inline bool en_ta_set_fast(EnObject *o, int32_t i, EnValue v) {
    EnTypedArray *ta = en_as_ta(o);
    if (!en_is_number(v) || i < 0 || (size_t)i >= en_ta_length(ta)) return false;
    uint8_t *p = en_ta_data(ta);
    if (en_is_int32(v)) {
        int32_t x = en_as_int32(v);
        switch ((EnTAType)ta->type) {
        case EN_TA_INT8: case EN_TA_UINT8: ((uint8_t *)p)[i] = (uint8_t)x; return true;
        case EN_TA_UINT8C: p[i] = (uint8_t)(x < 0 ? 0 : x > 255 ? 255 : x); return true;
        case EN_TA_INT16: case EN_TA_UINT16: ((uint16_t *)p)[i] = (uint16_t)x; return true;
        case EN_TA_INT32: case EN_TA_UINT32: ((uint32_t *)p)[i] = (uint32_t)x; return true;
        case EN_TA_FLOAT32: ((float *)p)[i] = (float)x; return true;
        case EN_TA_FLOAT64: ((double *)p)[i] = x; return true;
        default: return false;
        }
    }
    if (ta->type == EN_TA_FLOAT64) { ((double *)p)[i] = en_as_double(v); return true; }
    if (ta->type == EN_TA_FLOAT32) { ((float *)p)[i] = (float)en_as_double(v); return true; }
    return false;
}

// For %ArrayIteratorPrototype%.next: the length of a typed array being
// iterated, or a TypeError when it is out of bounds / detached.
bool en_ta_iter_length(EnContext *cx, EnObject *o, uint64_t *len);

// ValidateTypedArray(O, order): TypeError unless O is a typed array that
// is in bounds. Returns the array (NULL on throw) and its length.
EnTypedArray *en_ta_validate(EnContext *cx, EnValue o, size_t *len);

// TypedArrayGetElement (undefined when the index is not valid; allocates
// for BigInt types) and TypedArraySetElement (converts v first, then
// writes if the index is still valid). o must be a typed array.
EnValue en_ta_get_index(EnContext *cx, EnObject *o, double index);
bool en_ta_set_index(EnContext *cx, EnObject *o, double index, EnValue v);

// --- builtins shared between bi_typed_array.c and bi_typed_array_proto.c
// The realm's concrete constructor / prototype of type t.
EnObject *en_ta_ctor(EnContext *cx, EnTAType t);
EnObject *en_ta_proto(EnContext *cx, EnTAType t);
// TypedArrayCreateFromConstructor(ctor, args): Construct + ValidateTypedArray
// (+ the length check when args is one Number). EN_EXCEPTION on throw.
EnValue en_ta_create_from_ctor(EnContext *cx, EnValue ctor, uint32_t argc, const EnValue *argv);
// TypedArraySpeciesCreate(exemplar, args) / TypedArrayCreateSameType.
EnValue en_ta_species_create(EnContext *cx, EnValue exemplar, uint32_t argc, const EnValue *argv);
EnValue en_ta_create_same_type(EnContext *cx, EnValue exemplar, size_t len);
// Installs the %TypedArray%.prototype methods and accessors.
bool en_ta_init_proto(EnContext *cx, EnObject *proto);

// Class registration (exotic_typed_array.c) and the family inits
// (called by en_init_typed_array).
void en_ta_register_classes(void);
bool en_init_array_buffer(EnContext *cx);
bool en_init_data_view(EnContext *cx);

#endif
