// BigInt values (cell EN_CELL_BIGINT, tag EN_TAG_BIGINT): arbitrary
// precision integers. Owner: bigint.c (arithmetic on GMP's mpn layer), the
// numeric operators (numeric_ops.c) and the conversions (convert.c) call it.
// Representation (docs/adr/0010-bigint.md): sign and magnitude, the
// magnitude's 64-bit limbs inline in the cell, so the GC owns every byte and
// --max-heap counts it. Cells are immutable once built.
#ifndef OCHRE_ENGINE_BIGINT_INT_H
#define OCHRE_ENGINE_BIGINT_INT_H

#include "runtime_int.h"

// Invariants: hdr.aux = number of limbs n; limbs[n-1] != 0 (normalised);
// 0n has n == 0 and never EN_BIGINT_NEG. Limbs are least significant first.
typedef struct EnBigInt {
    EnCell hdr;          // flags: EN_BIGINT_NEG
    uint64_t limbs[];    // [hdr.aux] magnitude limbs (GMP mp_limb_t layout)
} EnBigInt;
#define EN_BIGINT_NEG 0x0001u
// Largest magnitude in bits (as V8: 2^30); larger results throw RangeError.
#define EN_BIGINT_MAX_BITS (1u << 30)

static inline EnBigInt *en_as_bigint(EnValue v) { return (EnBigInt *)en_as_ptr(v); }
static inline EnValue en_bigint_value(const EnBigInt *b) { return en_ptr_value(EN_TAG_BIGINT, b); }
static inline bool en_bigint_is_neg(const EnBigInt *b) { return (b->hdr.flags & EN_BIGINT_NEG) != 0; }
static inline bool en_bigint_is_zero(const EnBigInt *b) { return b->hdr.aux == 0; }

// The value of a BigInt literal: `digits` is the literal's text without
// the `n` suffix and numeric separators (0x/0o/0b prefixes kept).
// EN_EXCEPTION with a SyntaxError (or out-of-memory) pending on failure.
EnValue en_bigint_from_literal(EnContext *cx, const char *digits, uint32_t len);

// Conversions used by other builtins (typed arrays, DataView, Number...).
EnValue en_to_bigint(EnContext *cx, EnValue v);                 // ToBigInt; EN_EXCEPTION on throw
bool en_to_bigint64(EnContext *cx, EnValue v, int64_t *out);    // ToBigInt64
bool en_to_biguint64(EnContext *cx, EnValue v, uint64_t *out);  // ToBigUint64
EnValue en_bigint_from_int64(EnContext *cx, int64_t v);
EnValue en_bigint_from_uint64(EnContext *cx, uint64_t v);

// StringToBigInt: the BigInt, EN_UNDEFINED when s is not a
// StringIntegerLiteral, EN_EXCEPTION on heap limit.
EnValue en_string_to_bigint(EnContext *cx, EnString *s);
// NumberToBigInt: RangeError unless d is an integral Number.
EnValue en_number_to_bigint(EnContext *cx, double d);
// BigInt::toString(x, radix), radix 2..36. NULL on heap limit.
EnString *en_bigint_to_string(EnContext *cx, const EnBigInt *x, int radix);
// The Number closest to x (ties to even), ±Infinity beyond the range.
double en_bigint_to_double(const EnBigInt *x);
// Low 64 bits of x's two's complement (x mod 2^64).
uint64_t en_bigint_low64(const EnBigInt *x);

// Exact comparisons: <0, 0, >0. With a Number: 2 when d is NaN.
int en_bigint_compare(const EnBigInt *a, const EnBigInt *b);
int en_bigint_compare_double(const EnBigInt *a, double d);
bool en_bigint_equal(const EnBigInt *a, const EnBigInt *b);
// Hash of the value (equal BigInts hash equally), for Map/Set tables.
uint32_t en_bigint_hash(const EnBigInt *x);

// Arithmetic: operands are BigInt values (rooted by the callee); results
// are new BigInts or EN_EXCEPTION (RangeError: division by zero, negative
// exponent, too big; heap limit).
typedef enum EnBigIntOp {
    EN_BIGINT_ADD, EN_BIGINT_SUB, EN_BIGINT_MUL, EN_BIGINT_DIV, EN_BIGINT_MOD, EN_BIGINT_EXP,
    EN_BIGINT_AND, EN_BIGINT_OR, EN_BIGINT_XOR, EN_BIGINT_SHL, EN_BIGINT_SAR
} EnBigIntOp;
EnValue en_bigint_binary(EnContext *cx, EnBigIntOp op, EnValue a, EnValue b);
EnValue en_bigint_neg(EnContext *cx, EnValue a);
EnValue en_bigint_not(EnContext *cx, EnValue a);           // ~a == -a - 1
EnValue en_bigint_add_small(EnContext *cx, EnValue a, int delta);  // ++ / -- (delta ±1)
// BigInt.asIntN / asUintN with bits already ToIndex'ed (<= 2^53-1).
EnValue en_bigint_as_n(EnContext *cx, uint64_t bits, EnValue v, bool is_signed);

#endif
