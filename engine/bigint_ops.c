// BigInt arithmetic (bigint_int.h): + - * / % ** & | ^ << >> and the unary
// operators, on GMP's mpn layer over the cells' inline limbs.
//
// GC: the public entry points root their operands, so the limb pointers of
// the views below stay valid across the allocation of the result (the
// collector does not move cells). Results are usually computed straight into
// the new cell, allocated at the size bound and then normalised.
#include <gmp.h>

#include "bigint_priv_int.h"

// A signed magnitude: limbs in a rooted cell, in C memory or a constant.
typedef struct Big {
    const mp_limb_t *d;
    size_t n;
    bool neg;
} Big;

static Big view(EnValue v) {
    const EnBigInt *b = en_as_bigint(v);
    return (Big){(const mp_limb_t *)b->limbs, b->hdr.aux, en_bigint_is_neg(b)};
}

static const mp_limb_t limb_one = 1;

static mp_limb_t *limbs_of(EnBigInt *b) { return (mp_limb_t *)b->limbs; }

static EnValue copy_big(EnContext *cx, Big a) { return en_bigint_make(cx, a.d, a.n, a.neg); }

static EnValue zero(EnContext *cx) { return en_bigint_make(cx, NULL, 0, false); }

static EnValue too_big(EnContext *cx) { return en_throw_range_error(cx, "Maximum BigInt size exceeded"); }

// --- + - ---------------------------------------------------------------------

static EnValue add_big(EnContext *cx, Big a, Big b) {
    if (b.n == 0) return copy_big(cx, a);
    if (a.n == 0) return copy_big(cx, b);
    if (a.n == 1 && b.n == 1) {
        // One limb each (the common case): no mpn call, one small cell.
        uint64_t x = a.d[0], y = b.d[0], r[2];
        if (a.neg == b.neg) {
            r[1] = __builtin_add_overflow(x, y, &r[0]);
            return en_bigint_make(cx, r, 2, a.neg);
        }
        r[0] = x >= y ? x - y : y - x;
        return en_bigint_make(cx, r, 1, x >= y ? a.neg : b.neg);
    }
    if (a.neg == b.neg) {
        if (a.n < b.n) {
            Big t = a;
            a = b, b = t;
        }
        EnBigInt *r = en_bigint_alloc(cx, a.n + 1);
        if (!r) return EN_EXCEPTION;
        limbs_of(r)[a.n] = mpn_add(limbs_of(r), a.d, (mp_size_t)a.n, b.d, (mp_size_t)b.n);
        return en_bigint_finish(r, a.n + 1, a.neg);
    }
    int c = en_bigint_mag_cmp((const uint64_t *)a.d, a.n, (const uint64_t *)b.d, b.n);
    if (c == 0) return zero(cx);
    if (c < 0) {
        Big t = a;
        a = b, b = t;
    }
    EnBigInt *r = en_bigint_alloc(cx, a.n);
    if (!r) return EN_EXCEPTION;
    mpn_sub(limbs_of(r), a.d, (mp_size_t)a.n, b.d, (mp_size_t)b.n);
    return en_bigint_finish(r, a.n, a.neg);
}

// --- * / % --------------------------------------------------------------------

static EnValue mul_big(EnContext *cx, Big a, Big b) {
    if (a.n == 0 || b.n == 0) return zero(cx);
    if (a.n == 1 && b.n == 1) {
        unsigned __int128 p = (unsigned __int128)a.d[0] * b.d[0];
        uint64_t r[2] = {(uint64_t)p, (uint64_t)(p >> 64)};
        return en_bigint_make(cx, r, 2, a.neg != b.neg);
    }
    if (a.n < b.n) {
        Big t = a;
        a = b, b = t;
    }
    EnBigInt *r = en_bigint_alloc(cx, a.n + b.n);
    if (!r) return EN_EXCEPTION;
    mp_limb_t *rd = limbs_of(r);
    if (b.n == 1) rd[a.n] = mpn_mul_1(rd, a.d, (mp_size_t)a.n, b.d[0]);
    else if (a.d == b.d && a.n == b.n) mpn_sqr(rd, a.d, (mp_size_t)a.n);
    else mpn_mul(rd, a.d, (mp_size_t)a.n, b.d, (mp_size_t)b.n);
    return en_bigint_finish(r, a.n + b.n, a.neg != b.neg);
}

// Truncating division: the quotient (want_rem false) or the remainder, whose
// sign is the dividend's.
static EnValue divmod_big(EnContext *cx, Big a, Big b, bool want_rem) {
    if (b.n == 0) return en_throw_range_error(cx, "Division by zero");
    if (en_bigint_mag_cmp((const uint64_t *)a.d, a.n, (const uint64_t *)b.d, b.n) < 0)
        return want_rem ? copy_big(cx, a) : zero(cx);
    if (b.n == 1) {
        if (want_rem) {
            mp_limb_t r = mpn_mod_1(a.d, (mp_size_t)a.n, b.d[0]);
            return en_bigint_make(cx, (const uint64_t *)&r, 1, a.neg);
        }
        EnBigInt *q = en_bigint_alloc(cx, a.n);
        if (!q) return EN_EXCEPTION;
        mpn_divrem_1(limbs_of(q), 0, a.d, (mp_size_t)a.n, b.d[0]);
        return en_bigint_finish(q, a.n, a.neg != b.neg);
    }
    size_t qn = a.n - b.n + 1;
    EnBigInt *cell = en_bigint_alloc(cx, want_rem ? b.n : qn);
    if (!cell) return EN_EXCEPTION;
    EnBigScratch s;
    mp_limb_t *other = (mp_limb_t *)en_bigint_scratch(&s, want_rem ? qn : b.n);
    mp_limb_t *qp = want_rem ? other : limbs_of(cell), *rp = want_rem ? limbs_of(cell) : other;
    mpn_tdiv_qr(qp, rp, 0, a.d, (mp_size_t)a.n, b.d, (mp_size_t)b.n);
    en_bigint_scratch_free(&s);
    return want_rem ? en_bigint_finish(cell, b.n, a.neg) : en_bigint_finish(cell, qn, a.neg != b.neg);
}

// --- ** ---------------------------------------------------------------------------

static bool is_power_of_two(Big a) {
    for (size_t i = 0; i + 1 < a.n; i++)
        if (a.d[i]) return false;
    return (a.d[a.n - 1] & (a.d[a.n - 1] - 1)) == 0;
}

static EnValue pow_big(EnContext *cx, Big a, Big e) {
    if (e.neg) return en_throw_range_error(cx, "Exponent must be non-negative");
    if (e.n == 0) return en_bigint_make(cx, &(uint64_t){1}, 1, false);
    if (a.n == 0) return zero(cx);
    bool neg = a.neg && (e.d[0] & 1);
    if (a.n == 1 && a.d[0] == 1) return en_bigint_make(cx, &(uint64_t){1}, 1, neg);
    if (e.n > 1 || e.d[0] > EN_BIGINT_MAX_BITS) return too_big(cx);
    uint64_t ex = e.d[0];
    size_t abits = en_bigint_bitlen((const uint64_t *)a.d, a.n);
    if ((abits - 1) * ex >= EN_BIGINT_MAX_BITS) return too_big(cx);
    if (is_power_of_two(a)) {
        size_t shift = (abits - 1) * ex;
        EnBigInt *r = en_bigint_alloc(cx, shift / 64 + 1);
        if (!r) return EN_EXCEPTION;
        limbs_of(r)[shift / 64] = (mp_limb_t)1 << (shift % 64);
        return en_bigint_finish(r, shift / 64 + 1, neg);
    }
    // Square and multiply, left to right, between two scratch buffers sized
    // for the result (+ slack for the unnormalised top limbs).
    size_t cap = abits * ex / 64 + a.n + 4;
    if (cap > EN_BIGINT_MAX_BITS / 64 + a.n + 4) return too_big(cx);
    EnBigScratch s1, s2;
    mp_limb_t *r = (mp_limb_t *)en_bigint_scratch(&s1, cap), *t = (mp_limb_t *)en_bigint_scratch(&s2, cap);
    memcpy(r, a.d, a.n * sizeof(mp_limb_t));
    size_t rn = a.n;
    EnValue res = EN_EXCEPTION;
    for (int bit = 62 - __builtin_clzll(ex); bit >= 0; bit--) {
        if (!en_poll_interrupt(cx)) goto out;
        mpn_sqr(t, r, (mp_size_t)rn);
        size_t tn = 2 * rn;
        while (t[tn - 1] == 0) tn--;
        mp_limb_t *x = r;
        r = t, t = x, rn = tn;
        if ((ex >> bit) & 1) {
            if (a.n == 1) {
                r[rn] = mpn_mul_1(r, r, (mp_size_t)rn, a.d[0]);
                tn = rn + 1;
                while (r[tn - 1] == 0) tn--;
                rn = tn;
            } else {
                mpn_mul(t, r, (mp_size_t)rn, a.d, (mp_size_t)a.n);
                tn = rn + a.n;
                while (t[tn - 1] == 0) tn--;
                x = r;
                r = t, t = x, rn = tn;
            }
        }
    }
    res = en_bigint_make(cx, (const uint64_t *)r, rn, neg);
out:
    // s1/s2 may have been swapped: free both through their records.
    en_bigint_scratch_free(&s1);
    en_bigint_scratch_free(&s2);
    return res;
}

// --- bitwise (two's complement semantics on sign-magnitude) -----------------------

// Writes x mod 2^(64n) in two's complement into out[0..n).
static void to_twos(Big x, mp_limb_t *out, size_t n) {
    size_t k = x.n < n ? x.n : n;
    if (k) memcpy(out, x.d, k * sizeof(mp_limb_t));
    if (n > k) memset(out + k, 0, (n - k) * sizeof(mp_limb_t));
    if (x.neg) {
        bool carry = true;
        for (size_t i = 0; i < n; i++) {
            out[i] = ~out[i] + carry;
            carry = carry && out[i] == 0;
        }
    }
}

// Negates out[0..n) modulo 2^(64n) in place.
static void negate(mp_limb_t *d, size_t n) {
    bool carry = true;
    for (size_t i = 0; i < n; i++) {
        d[i] = ~d[i] + carry;
        carry = carry && d[i] == 0;
    }
}

static EnValue bitwise_big(EnContext *cx, EnBigIntOp op, Big a, Big b) {
    size_t n = (a.n > b.n ? a.n : b.n) + 1;
    EnBigScratch s1, s2;
    mp_limb_t *x = (mp_limb_t *)en_bigint_scratch(&s1, n), *y = (mp_limb_t *)en_bigint_scratch(&s2, n);
    to_twos(a, x, n);
    to_twos(b, y, n);
    for (size_t i = 0; i < n; i++)
        x[i] = op == EN_BIGINT_AND ? x[i] & y[i] : op == EN_BIGINT_OR ? x[i] | y[i] : x[i] ^ y[i];
    bool neg = x[n - 1] >> 63;
    if (neg) negate(x, n);
    EnValue res = en_bigint_make(cx, (const uint64_t *)x, n, neg);
    en_bigint_scratch_free(&s1);
    en_bigint_scratch_free(&s2);
    return res;
}

static EnValue shl_big(EnContext *cx, Big a, uint64_t s) {
    size_t q = s / 64;
    unsigned r = s % 64;
    if (a.n + q + 1 > EN_BIGINT_MAX_BITS / 64 + 1) return too_big(cx);
    EnBigInt *res = en_bigint_alloc(cx, a.n + q + 1);
    if (!res) return EN_EXCEPTION;
    mp_limb_t *rd = limbs_of(res);
    if (r) rd[q + a.n] = mpn_lshift(rd + q, a.d, (mp_size_t)a.n, r);
    else memcpy(rd + q, a.d, a.n * sizeof(mp_limb_t));
    return en_bigint_finish(res, a.n + q + 1, a.neg);
}

// Arithmetic shift right: floor(a / 2^s).
static EnValue sar_big(EnContext *cx, Big a, uint64_t s) {
    size_t q = s / 64;
    unsigned r = s % 64;
    if (q >= a.n) return a.neg ? en_bigint_make(cx, &(uint64_t){1}, 1, true) : zero(cx);
    size_t rn = a.n - q;
    EnBigInt *res = en_bigint_alloc(cx, rn + 1);
    if (!res) return EN_EXCEPTION;
    mp_limb_t *rd = limbs_of(res);
    bool lost = false;
    if (r) lost = mpn_rshift(rd, a.d + q, (mp_size_t)rn, r) != 0;
    else memcpy(rd, a.d + q, rn * sizeof(mp_limb_t));
    for (size_t i = 0; !lost && i < q; i++) lost = a.d[i] != 0;
    if (a.neg && lost) rd[rn] = mpn_add_1(rd, rd, (mp_size_t)rn, 1);  // round toward -infinity
    return en_bigint_finish(res, rn + 1, a.neg);
}

static EnValue shift_big(EnContext *cx, EnBigIntOp op, Big a, Big b) {
    if (a.n == 0 || b.n == 0) return copy_big(cx, a);
    bool left = (op == EN_BIGINT_SHL) != b.neg;
    bool huge = b.n > 1 || b.d[0] > EN_BIGINT_MAX_BITS;
    if (left) return huge ? too_big(cx) : shl_big(cx, a, b.d[0]);
    if (huge) return a.neg ? en_bigint_make(cx, &(uint64_t){1}, 1, true) : zero(cx);
    return sar_big(cx, a, b.d[0]);
}

// --- entry points ------------------------------------------------------------------

EnValue en_bigint_binary(EnContext *cx, EnBigIntOp op, EnValue a, EnValue b) {
    // One limb each for + - *: the result is computed before the only
    // allocation, so the operands need no rooting.
    if (op <= EN_BIGINT_MUL && en_as_bigint(a)->hdr.aux == 1 && en_as_bigint(b)->hdr.aux == 1) {
        Big x = view(a), y = view(b);
        if (op == EN_BIGINT_SUB) y.neg = !y.neg;
        return op == EN_BIGINT_MUL ? mul_big(cx, x, y) : add_big(cx, x, y);
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, a);
    en_handle(cx, b);
    Big x = view(a), y = view(b);
    EnValue r;
    switch (op) {
    case EN_BIGINT_ADD: r = add_big(cx, x, y); break;
    case EN_BIGINT_SUB: y.neg = y.n && !y.neg, r = add_big(cx, x, y); break;
    case EN_BIGINT_MUL: r = mul_big(cx, x, y); break;
    case EN_BIGINT_DIV: r = divmod_big(cx, x, y, false); break;
    case EN_BIGINT_MOD: r = divmod_big(cx, x, y, true); break;
    case EN_BIGINT_EXP: r = pow_big(cx, x, y); break;
    case EN_BIGINT_SHL:
    case EN_BIGINT_SAR: r = shift_big(cx, op, x, y); break;
    default: r = bitwise_big(cx, op, x, y); break;
    }
    en_handle_scope_close(&hs);
    return r;
}

EnValue en_bigint_neg(EnContext *cx, EnValue a) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, a);
    Big x = view(a);
    x.neg = !x.neg;
    EnValue r = copy_big(cx, x);
    en_handle_scope_close(&hs);
    return r;
}

EnValue en_bigint_add_small(EnContext *cx, EnValue a, int delta) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, a);
    EnValue r = add_big(cx, view(a), (Big){&limb_one, 1, delta < 0});
    en_handle_scope_close(&hs);
    return r;
}

EnValue en_bigint_not(EnContext *cx, EnValue a) {
    EnValue r = en_bigint_add_small(cx, a, 1);  // ~a = -(a + 1); the new cell is ours to flip
    if (!en_is_exception(r) && !en_bigint_is_zero(en_as_bigint(r))) en_as_bigint(r)->hdr.flags ^= EN_BIGINT_NEG;
    return r;
}

EnValue en_bigint_as_n(EnContext *cx, uint64_t bits, EnValue v, bool is_signed) {
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    en_handle(cx, v);
    Big x = view(v);
    size_t xbits = en_bigint_bitlen((const uint64_t *)x.d, x.n);
    EnValue res;
    if (bits == 0 || x.n == 0) {
        res = zero(cx);
    } else if (is_signed ? bits > xbits : !x.neg && bits >= xbits) {
        res = v;  // already in range
    } else if (bits > EN_BIGINT_MAX_BITS) {
        res = too_big(cx);  // asUintN of a negative value: 2^bits + x
    } else {
        size_t n = (size_t)((bits + 63) / 64);
        unsigned top = bits % 64;
        EnBigScratch s;
        mp_limb_t *t = (mp_limb_t *)en_bigint_scratch(&s, n);
        to_twos(x, t, n);
        if (top) t[n - 1] &= ((mp_limb_t)1 << top) - 1;
        bool neg = false;
        if (is_signed) {
            unsigned sb = (unsigned)((bits - 1) % 64);
            if ((t[(bits - 1) / 64] >> sb) & 1) {
                // t - 2^bits: minus the two's complement of t within bits.
                neg = true;
                negate(t, n);
                if (top) t[n - 1] &= ((mp_limb_t)1 << top) - 1;
            }
        }
        res = en_bigint_make(cx, (const uint64_t *)t, n, neg);
        en_bigint_scratch_free(&s);
    }
    en_handle_scope_close(&hs);
    return res;
}
