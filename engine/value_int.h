// EnValue: 64-bit NaN-boxed JavaScript values.
//
// Bit layout (the JIT tiers generate the same tests, keep them in sync):
//
//   0x0000_0000_0000_0000 .. 0xFFF8_FFFF_FFFF_FFFF   a double, stored raw.
//        Every NaN produced by the engine is canonical (EN_NAN_BITS), so no
//        double ever has the high 16 bits >= 0xFFF9.
//   0xFFF9_0000_xxxx_xxxx   int32 (low 32 bits, two's complement)
//   0xFFFA_0000_0000_000k   special constants (undefined, null, false, true,
//                           hole, uninitialized, exception)
//   0xFFFB_pppp_pppp_pppp   object     (48-bit pointer to an EnObject)
//   0xFFFC_pppp_pppp_pppp   string     (EnString, possibly a rope)
//   0xFFFD_pppp_pppp_pppp   symbol     (EnSymbol)
//   0xFFFE_pppp_pppp_pppp   bigint     (EnBigInt)
//   0xFFFF_pppp_pppp_pppp   internal cell never visible to JS (shapes,
//                           function templates, environments...)
//
// Tag >= EN_TAG_FIRST_CELL <=> the value points to a heap cell (the GC
// marks through it). Numbers: EN_TAG_INT32 or double; "is number" is
// (bits >> 48) <= EN_TAG_INT32. Int32 is the fast path: arithmetic on two
// int32 that does not overflow stays int32; a double result that is an
// integer in int32 range (and not -0) is normalised back to int32 by
// en_number().
#ifndef OCHRE_ENGINE_VALUE_INT_H
#define OCHRE_ENGINE_VALUE_INT_H

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "engine.h"

#define EN_TAG_SHIFT 48
#define EN_TAG_INT32 0xFFF9u
#define EN_TAG_SPECIAL 0xFFFAu
#define EN_TAG_OBJECT 0xFFFBu
#define EN_TAG_STRING 0xFFFCu
#define EN_TAG_SYMBOL 0xFFFDu
#define EN_TAG_BIGINT 0xFFFEu
#define EN_TAG_CELL 0xFFFFu
#define EN_TAG_FIRST_CELL EN_TAG_OBJECT
#define EN_PAYLOAD_MASK 0x0000FFFFFFFFFFFFull

#define EN_MAKE(tag, payload) ((EnValue)(((uint64_t)(tag) << EN_TAG_SHIFT) | (uint64_t)(payload)))

// Specials.
#define EN_UNDEFINED EN_MAKE(EN_TAG_SPECIAL, 0)
#define EN_NULL EN_MAKE(EN_TAG_SPECIAL, 1)
#define EN_FALSE EN_MAKE(EN_TAG_SPECIAL, 2)
#define EN_TRUE EN_MAKE(EN_TAG_SPECIAL, 3)
// Array hole in packed/holey element storage; never escapes to JS.
#define EN_HOLE EN_MAKE(EN_TAG_SPECIAL, 4)
// A lexical binding in its temporal dead zone; never escapes to JS.
#define EN_UNINIT EN_MAKE(EN_TAG_SPECIAL, 5)
// Returned by internal functions when a JS exception (or termination) is
// pending on the context. Never stored in a JS-visible place.
#define EN_EXCEPTION EN_MAKE(EN_TAG_SPECIAL, 6)

#define EN_NAN_BITS 0x7FF8000000000000ull

static inline uint32_t en_tag(EnValue v) { return (uint32_t)(v >> EN_TAG_SHIFT); }

static inline bool en_is_int32(EnValue v) { return en_tag(v) == EN_TAG_INT32; }
static inline bool en_is_double(EnValue v) { return en_tag(v) < EN_TAG_INT32; }
static inline bool en_is_number(EnValue v) { return en_tag(v) <= EN_TAG_INT32; }
static inline bool en_is_undefined(EnValue v) { return v == EN_UNDEFINED; }
static inline bool en_is_null(EnValue v) { return v == EN_NULL; }
static inline bool en_is_nullish(EnValue v) { return v == EN_UNDEFINED || v == EN_NULL; }
static inline bool en_is_bool(EnValue v) { return v == EN_TRUE || v == EN_FALSE; }
static inline bool en_is_object(EnValue v) { return en_tag(v) == EN_TAG_OBJECT; }
static inline bool en_is_string(EnValue v) { return en_tag(v) == EN_TAG_STRING; }
static inline bool en_is_symbol(EnValue v) { return en_tag(v) == EN_TAG_SYMBOL; }
static inline bool en_is_bigint(EnValue v) { return en_tag(v) == EN_TAG_BIGINT; }
static inline bool en_is_cell(EnValue v) { return en_tag(v) >= EN_TAG_FIRST_CELL; }
static inline bool en_is_exception(EnValue v) { return v == EN_EXCEPTION; }

static inline int32_t en_as_int32(EnValue v) { return (int32_t)(uint32_t)v; }
static inline double en_as_double(EnValue v) {
    double d;
    memcpy(&d, &v, sizeof d);
    return d;
}
// Number value as a double (int32 or double).
static inline double en_as_number(EnValue v) {
    return en_is_int32(v) ? (double)en_as_int32(v) : en_as_double(v);
}
static inline bool en_as_bool(EnValue v) { return v == EN_TRUE; }
static inline void *en_as_ptr(EnValue v) { return (void *)(uintptr_t)(v & EN_PAYLOAD_MASK); }

static inline EnValue en_int32(int32_t i) { return EN_MAKE(EN_TAG_INT32, (uint32_t)i); }
static inline EnValue en_bool(bool b) { return b ? EN_TRUE : EN_FALSE; }
// A double stored as a double (NaN canonicalised); see en_number.
static inline EnValue en_double(double d) {
    EnValue v;
    if (d != d) return EN_NAN_BITS;
    memcpy(&v, &d, sizeof v);
    return v;
}
// A number value, int32 when d is an integer in int32 range other than -0.
static inline EnValue en_number(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) {
        int32_t i = (int32_t)d;
        if ((double)i == d && !(i == 0 && signbit(d))) return en_int32(i);
    }
    return en_double(d);
}
static inline EnValue en_ptr_value(uint32_t tag, const void *p) {
    return EN_MAKE(tag, (uint64_t)(uintptr_t)p);
}

#endif
