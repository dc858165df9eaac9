// BigInt values (cell EN_CELL_BIGINT, tag EN_TAG_BIGINT): arbitrary
// precision integers. Owner: bigint.c (arithmetic on GMP), the numeric
// operators (numeric_ops.c) and the conversions (convert.c) call it.
#ifndef OCHRE_ENGINE_BIGINT_INT_H
#define OCHRE_ENGINE_BIGINT_INT_H

#include "runtime_int.h"

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

#endif
