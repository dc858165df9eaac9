// Helpers shared by bigint.c and bigint_ops.c only (cell building, scratch
// limb buffers). Owner: bigint helper. Everyone else uses bigint_int.h.
#ifndef OCHRE_ENGINE_BIGINT_PRIV_INT_H
#define OCHRE_ENGINE_BIGINT_PRIV_INT_H

#include "bigint_int.h"

// A cell with room for nlimbs limbs (zeroed; aux = nlimbs). NULL with a
// RangeError (too big) or out-of-memory pending. May collect.
EnBigInt *en_bigint_alloc(EnContext *cx, size_t nlimbs);
// Normalises a freshly allocated cell to its n used limbs and sign.
EnValue en_bigint_finish(EnBigInt *b, size_t n, bool neg);
// A new BigInt copying d[0..n) (C memory or a rooted cell's limbs).
EnValue en_bigint_make(EnContext *cx, const uint64_t *d, size_t n, bool neg);

// Temporary limb buffers: inline for small sizes, och_malloc beyond.
#define EN_BIG_SCRATCH_INLINE 40
typedef struct EnBigScratch {
    uint64_t *p;
    uint64_t inline_[EN_BIG_SCRATCH_INLINE];
} EnBigScratch;
uint64_t *en_bigint_scratch(EnBigScratch *s, size_t n);
void en_bigint_scratch_free(EnBigScratch *s);

size_t en_bigint_bitlen(const uint64_t *d, size_t n);
int en_bigint_mag_cmp(const uint64_t *a, size_t an, const uint64_t *b, size_t bn);
// Limbs of a finite, integral, non-negative double (at most 17).
size_t en_bigint_from_integral_double(double m, uint64_t out[17]);

#endif
