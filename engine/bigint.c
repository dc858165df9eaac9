// BigInt values (bigint_int.h): the cell, conversions to and from strings
// and Numbers, comparisons, hashing. Arithmetic lives in bigint_ops.c.
//
// Limbs are GMP's mp_limb_t (64 bits here); the mpn_* layer works on limb
// arrays we own, so every BigInt is one GC cell and no mpz_t ever
// allocates behind the collector's back. Temporaries (digit buffers,
// conversion scratch) come from the C stack when small, och_malloc else.
#include <gmp.h>

#include "bigint_priv_int.h"
#include "numconv_int.h"

_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t) && GMP_NUMB_BITS == 64,
               "BigInt cells store 64-bit GMP limbs without nails");

// --- the cell ---------------------------------------------------------------

static size_t bigint_size(const void *cell) {
    const EnBigInt *b = cell;
    return sizeof(EnBigInt) + (size_t)b->hdr.aux * sizeof(uint64_t);
}

// No children, no C memory: limbs are inline.
const EnCellOps en_ops_bigint = {NULL, NULL, bigint_size};

EnBigInt *en_bigint_alloc(EnContext *cx, size_t nlimbs) {
    if (nlimbs > EN_BIGINT_MAX_BITS / 64) {
        en_throw_range_error(cx, "Maximum BigInt size exceeded");
        return NULL;
    }
    EnBigInt *b = en_gc_alloc(cx, EN_CELL_BIGINT, sizeof(EnBigInt) + nlimbs * sizeof(uint64_t));
    if (b) b->hdr.aux = (uint32_t)nlimbs;
    return b;
}

EnValue en_bigint_finish(EnBigInt *b, size_t n, bool neg) {
    while (n && b->limbs[n - 1] == 0) n--;
    b->hdr.aux = (uint32_t)n;
    b->hdr.flags = (uint16_t)(n && neg ? EN_BIGINT_NEG : 0);
    return en_bigint_value(b);
}

EnValue en_bigint_make(EnContext *cx, const uint64_t *d, size_t n, bool neg) {
    while (n && d[n - 1] == 0) n--;
    EnBigInt *b = en_bigint_alloc(cx, n);
    if (!b) return EN_EXCEPTION;
    if (n <= 2) {  // the common sizes: no memcpy call
        for (size_t i = 0; i < n; i++) b->limbs[i] = d[i];
    } else {
        memcpy(b->limbs, d, n * sizeof(uint64_t));
    }
    b->hdr.flags = (uint16_t)(n && neg ? EN_BIGINT_NEG : 0);  // aux set by en_bigint_alloc
    return en_bigint_value(b);
}

uint64_t *en_bigint_scratch(EnBigScratch *s, size_t n) {
    s->p = n <= EN_BIG_SCRATCH_INLINE ? s->inline_ : och_malloc((n ? n : 1) * sizeof(uint64_t));
    return s->p;
}

void en_bigint_scratch_free(EnBigScratch *s) {
    if (s->p && s->p != s->inline_) och_free(s->p);
    s->p = NULL;
}

size_t en_bigint_bitlen(const uint64_t *d, size_t n) {
    return n ? n * 64 - (size_t)__builtin_clzll(d[n - 1]) : 0;
}

EnValue en_bigint_from_uint64(EnContext *cx, uint64_t v) {
    return en_bigint_make(cx, &v, 1, false);
}

EnValue en_bigint_from_int64(EnContext *cx, int64_t v) {
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    return en_bigint_make(cx, &m, 1, v < 0);
}

uint64_t en_bigint_low64(const EnBigInt *x) {
    uint64_t lo = x->hdr.aux ? x->limbs[0] : 0;
    return en_bigint_is_neg(x) ? 0 - lo : lo;
}

// --- parsing ----------------------------------------------------------------

// Code units of a flat string or of ASCII text.
typedef struct Units {
    const uint8_t *l1;
    const uint16_t *u16;
    size_t len;
} Units;

static uint32_t unit_at(const Units *u, size_t i) { return u->l1 ? u->l1[i] : u->u16[i]; }

static int digit_value(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'z') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z') return (int)(c - 'A' + 10);
    return 99;
}

// Bits per digit, rounded up (sizes the limb buffer of mpn_set_str).
static unsigned bits_per_digit(int base) { return base == 2 ? 1 : base == 8 ? 3 : 4; }

// Digits u[i..j) in `base` (2, 8, 10, 16). *bad when empty or a unit is not
// a digit. The units are read into C memory before the cell is allocated,
// so a heap string holding them needs no rooting.
static EnValue parse_digits(EnContext *cx, const Units *u, size_t i, size_t j, int base, bool neg,
                            bool *bad) {
    *bad = false;
    if (i >= j) return *bad = true, EN_UNDEFINED;
    size_t len = j - i;
    uint8_t small[128];
    uint8_t *dig = len <= sizeof small ? small : och_malloc(len);
    size_t nd = 0;
    for (size_t k = i; k < j; k++) {
        int v = digit_value(unit_at(u, k));
        if (v >= base) {
            *bad = true;
            break;
        }
        if (nd == 0 && v == 0) continue;  // leading zeros
        dig[nd++] = (uint8_t)v;
    }
    EnValue res = EN_UNDEFINED;
    if (*bad) goto out;
    if ((size_t)nd * bits_per_digit(base) <= 64) {
        uint64_t acc = 0;
        for (size_t k = 0; k < nd; k++) acc = acc * (uint64_t)base + dig[k];
        res = en_bigint_make(cx, &acc, 1, neg);
        goto out;
    }
    size_t cap = nd * bits_per_digit(base) / 64 + 2;
    if (cap > EN_BIGINT_MAX_BITS / 64 + 2) {
        res = en_throw_range_error(cx, "Maximum BigInt size exceeded");
        goto out;
    }
    EnBigScratch s;
    uint64_t *limbs = en_bigint_scratch(&s, cap);
    mp_size_t rn = mpn_set_str((mp_limb_t *)limbs, dig, nd, base);
    res = en_bigint_make(cx, limbs, (size_t)rn, neg);
    en_bigint_scratch_free(&s);
out:
    if (dig != small) och_free(dig);
    return res;
}

// Prefix 0x / 0o / 0b at u[i]: the base, or 0.
static int radix_prefix(const Units *u, size_t i, size_t j) {
    if (j - i < 2 || unit_at(u, i) != '0') return 0;
    switch (unit_at(u, i + 1)) {
    case 'x': case 'X': return 16;
    case 'o': case 'O': return 8;
    case 'b': case 'B': return 2;
    default: return 0;
    }
}

EnValue en_bigint_from_literal(EnContext *cx, const char *digits, uint32_t len) {
    Units u = {(const uint8_t *)digits, NULL, len};
    int base = radix_prefix(&u, 0, len);
    bool bad;
    EnValue v = parse_digits(cx, &u, base ? 2 : 0, len, base ? base : 10, false, &bad);
    if (bad) return en_throw_syntax_error(cx, "Invalid BigInt literal %.*s", (int)len, digits);
    return v;
}

EnValue en_string_to_bigint(EnContext *cx, EnString *s) {
    s = en_str_flatten(cx, s);
    if (!s) return EN_EXCEPTION;
    Units u = {NULL, NULL, en_str_length(s)};
    if (en_str_is_latin1(s)) u.l1 = en_str_latin1(s);
    else u.u16 = en_str_utf16(s);
    size_t i = 0, j = u.len;
    while (i < j && en_num_is_space(unit_at(&u, i))) i++;
    while (j > i && en_num_is_space(unit_at(&u, j - 1))) j--;
    if (i == j) return en_bigint_make(cx, NULL, 0, false);  // "" and blanks: 0n
    int base = radix_prefix(&u, i, j);
    bool neg = false, bad;
    if (base) {
        i += 2;
    } else {
        base = 10;
        uint32_t c = unit_at(&u, i);
        if (c == '+' || c == '-') neg = c == '-', i++;
    }
    EnValue v = parse_digits(cx, &u, i, j, base, neg, &bad);
    return bad ? EN_UNDEFINED : v;
}

// --- Numbers ----------------------------------------------------------------

size_t en_bigint_from_integral_double(double m, uint64_t out[17]) {
    if (m < 18446744073709551616.0) {
        out[0] = (uint64_t)m;
        return out[0] ? 1 : 0;
    }
    int e;
    double f = frexp(m, &e);  // m = f * 2^e, f in [0.5, 1), 64 < e <= 1024
    uint64_t mant = (uint64_t)ldexp(f, 53);
    unsigned shift = (unsigned)(e - 53), q = shift / 64, r = shift % 64;
    memset(out, 0, (q + 2) * sizeof(uint64_t));
    out[q] = mant << r;
    if (r) out[q + 1] = mant >> (64 - r);
    size_t n = q + 2;
    while (n && out[n - 1] == 0) n--;
    return n;
}

EnValue en_number_to_bigint(EnContext *cx, double d) {
    if (!isfinite(d) || trunc(d) != d) {
        char buf[EN_NUM_BUF];
        en_num_to_cstr(d, buf);
        return en_throw_range_error(cx, "The number %s cannot be converted to a BigInt because it is not an integer", buf);
    }
    uint64_t limbs[17];
    size_t n = en_bigint_from_integral_double(fabs(d), limbs);
    return en_bigint_make(cx, limbs, n, d < 0);
}

double en_bigint_to_double(const EnBigInt *x) {
    size_t n = x->hdr.aux;
    const uint64_t *d = x->limbs;
    double r;
    if (n == 0) return 0;
    if (n == 1) {
        r = (double)d[0];
    } else {
        size_t bits = en_bigint_bitlen(d, n);
        if (bits > 1025) {
            r = INFINITY;
        } else {
            // The top 64 bits, with every lower bit folded into bit 0 (sticky)
            // so the one rounding of the u64 -> double conversion is exact.
            unsigned sh = (unsigned)__builtin_clzll(d[n - 1]);
            uint64_t top = sh ? d[n - 1] << sh | d[n - 2] >> (64 - sh) : d[n - 1];
            bool sticky = sh ? (d[n - 2] << sh) != 0 : d[n - 2] != 0;
            for (size_t i = 0; !sticky && i + 2 < n; i++) sticky = d[i] != 0;
            r = ldexp((double)(top | (uint64_t)sticky), (int)bits - 64);
        }
    }
    return en_bigint_is_neg(x) ? -r : r;
}

// --- comparisons -------------------------------------------------------------

int en_bigint_mag_cmp(const uint64_t *a, size_t an, const uint64_t *b, size_t bn) {
    if (an != bn) return an < bn ? -1 : 1;
    return an ? mpn_cmp((const mp_limb_t *)a, (const mp_limb_t *)b, (mp_size_t)an) : 0;
}

int en_bigint_compare(const EnBigInt *a, const EnBigInt *b) {
    bool an = en_bigint_is_neg(a), bn = en_bigint_is_neg(b);
    if (an != bn) return an ? -1 : 1;
    int c = en_bigint_mag_cmp(a->limbs, a->hdr.aux, b->limbs, b->hdr.aux);
    return an ? -c : c;
}

bool en_bigint_equal(const EnBigInt *a, const EnBigInt *b) {
    return a == b || (a->hdr.aux == b->hdr.aux && a->hdr.flags == b->hdr.flags &&
                      memcmp(a->limbs, b->limbs, a->hdr.aux * sizeof(uint64_t)) == 0);
}

int en_bigint_compare_double(const EnBigInt *a, double d) {
    if (d != d) return 2;
    if (isinf(d)) return d > 0 ? -1 : 1;
    int sa = en_bigint_is_zero(a) ? 0 : en_bigint_is_neg(a) ? -1 : 1;
    int sd = d > 0 ? 1 : d < 0 ? -1 : 0;
    if (sa != sd || sa == 0) return sa < sd ? -1 : sa > sd ? 1 : 0;
    double m = fabs(d), t = trunc(m);
    uint64_t limbs[17];
    size_t n = en_bigint_from_integral_double(t, limbs);
    int c = en_bigint_mag_cmp(a->limbs, a->hdr.aux, limbs, n);
    if (c == 0 && m > t) c = -1;  // |a| == trunc|d| < |d|
    return sa < 0 ? -c : c;
}

uint32_t en_bigint_hash(const EnBigInt *x) {
    uint32_t h = 2166136261u ^ (uint32_t)en_bigint_is_neg(x);
    for (uint32_t i = 0; i < x->hdr.aux; i++) {
        h = (h ^ (uint32_t)x->limbs[i]) * 16777619u;
        h = (h ^ (uint32_t)(x->limbs[i] >> 32)) * 16777619u;
    }
    return h;
}

// --- toString ----------------------------------------------------------------

EnString *en_bigint_to_string(EnContext *cx, const EnBigInt *x, int radix) {
    static const char chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    size_t n = x->hdr.aux;
    bool neg = en_bigint_is_neg(x);
    if (n == 0) return en_str_from_unit(cx, '0');
    if (n == 1) {
        char buf[72];
        size_t p = sizeof buf;
        uint64_t v = x->limbs[0];
        do buf[--p] = chars[v % (unsigned)radix]; while ((v /= (unsigned)radix) != 0);
        if (neg) buf[--p] = '-';
        return en_str_from_latin1(cx, (const uint8_t *)buf + p, sizeof buf - p);
    }
    // mpn_get_str clobbers its input (n + 1 limbs) and writes digit values.
    size_t bits = en_bigint_bitlen(x->limbs, n);
    size_t maxd = (size_t)((double)bits / log2((double)radix)) + 3;
    EnBigScratch s;
    uint64_t *tmp = en_bigint_scratch(&s, n + 1);
    memcpy(tmp, x->limbs, n * sizeof(uint64_t));
    unsigned char *dig = och_malloc(maxd + 1);
    size_t nd = mpn_get_str(dig + 1, radix, (mp_limb_t *)tmp, (mp_size_t)n);
    en_bigint_scratch_free(&s);
    size_t start = 1;
    while (start < nd && dig[start] == 0) start++;  // leading zeros may appear
    size_t len = nd + 1 - start;
    for (size_t i = 0; i < len; i++) dig[start + i] = (unsigned char)chars[dig[start + i]];
    if (neg) dig[--start] = '-', len++;
    EnString *str = en_str_from_latin1(cx, dig + start, len);
    och_free(dig);
    return str;
}

// --- ToBigInt ----------------------------------------------------------------

EnValue en_to_bigint(EnContext *cx, EnValue v) {
    EnValue p = en_to_primitive(cx, v, EN_HINT_NUMBER);
    if (en_is_exception(p) || en_is_bigint(p)) return p;
    if (en_is_bool(p)) return en_bigint_from_uint64(cx, p == EN_TRUE);
    if (en_is_string(p)) {
        EnValue r = en_string_to_bigint(cx, en_as_string(p));
        if (en_is_undefined(r)) return en_throw_syntax_error(cx, "Cannot convert string to a BigInt");
        return r;
    }
    if (en_is_number(p)) {
        char buf[EN_NUM_BUF];
        en_num_to_cstr(en_as_number(p), buf);
        return en_throw_type_error(cx, "Cannot convert %s to a BigInt", buf);
    }
    if (en_is_symbol(p)) return en_throw_type_error(cx, "Cannot convert a Symbol value to a BigInt");
    return en_throw_type_error(cx, "Cannot convert %s to a BigInt", en_is_null(p) ? "null" : "undefined");
}

bool en_to_biguint64(EnContext *cx, EnValue v, uint64_t *out) {
    EnValue b = en_to_bigint(cx, v);
    if (en_is_exception(b)) return false;
    *out = en_bigint_low64(en_as_bigint(b));
    return true;
}

bool en_to_bigint64(EnContext *cx, EnValue v, int64_t *out) {
    uint64_t u;
    if (!en_to_biguint64(cx, v, &u)) return false;
    *out = (int64_t)u;  // two's complement (implementation-defined, gcc/clang: modular)
    return true;
}
