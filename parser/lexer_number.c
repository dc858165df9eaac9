// Numeric literals: decimal (with fraction and exponent), `0x` `0o` `0b`,
// numeric separators, BigInt suffixes, Annex B legacy octal (`017`) and
// non-octal decimal (`08`) integers.
//
// Values are exact: short integers are accumulated directly, decimals go
// through the exact fast path (mantissa <= 2^53 and |exponent| <= 22, one
// correctly rounded IEEE operation) or else glibc's correctly rounded strtod
// on a copy without separators (the C locale is never changed, so the
// decimal point is '.'). Binary/octal/hex values keep 64 significant bits
// plus a sticky bit and round to nearest-even once.
#include "lexer_int.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static inline bool is_radix_digit(uint8_t c, uint32_t radix) {
    switch (radix) {
    case 16: return ps_lex_is(c, PS_LC_HEX);
    case 10: return ps_lex_is(c, PS_LC_DIGIT);
    case 8: return c >= '0' && c <= '7';
    default: return c == '0' || c == '1';
    }
}

static const char *radix_name(uint32_t radix) {
    switch (radix) {
    case 16: return "hexadecimal";
    case 8: return "octal";
    case 2: return "binary";
    default: return "decimal";
    }
}

// Skips identifier characters, digits and escapes from p (the rest of a
// malformed literal such as `0xg` or `3in`), so that one diagnostic covers
// it and the next token starts after it.
static uint32_t skip_word(const PsLexer *self, uint32_t p) {
    const char *s = self->src;
    for (;;) {
        uint8_t c = (uint8_t)s[p];
        if (ps_lex_is(c, PS_LC_ID_PART)) {
            p++;
        } else if (c == '\\' && s[p + 1] == 'u') {
            uint32_t end;
            ps_lex_unicode_escape(self, p + 1, &end);
            p = end;
        } else if (c >= 0x80) {
            uint32_t cp, n = ps_lex_decode(self, p, &cp);
            if (cp == OCH_UTF8_INVALID || !ps_is_id_continue(cp)) return p;
            p += n;
        } else {
            return p;
        }
    }
}

// Scans digits of `radix` with numeric separators from p and returns the
// end. A separator must sit between two digits: each bad run of underscores
// gets one diagnostic. *sep is set when any `_` was seen.
static uint32_t scan_digits(PsLexer *self, uint32_t p, uint32_t radix, bool *sep) {
    const char *s = self->src;
    uint32_t first = p;
    for (;;) {
        uint8_t c = (uint8_t)s[p];
        if (is_radix_digit(c, radix)) {
            p++;
            continue;
        }
        if (c != '_') return p;
        uint32_t q = p;
        while (s[q] == '_') q++;
        *sep = true;
        if (p == first || !is_radix_digit((uint8_t)s[q], radix))
            och_diag_add(self->diags, PS_E_MISPLACED_SEPARATOR, OCH_SEV_ERROR, p, q,
                         "numeric separator `_` must be between digits; remove it");
        else if (q - p > 1)
            och_diag_add(self->diags, PS_E_MISPLACED_SEPARATOR, OCH_SEV_ERROR, p, q,
                         "only one numeric separator `_` is allowed between digits; "
                         "remove the extra ones");
        p = q;
    }
}

// Exact value of binary/octal/hex digits (separators skipped), rounded to
// nearest-even. bits is 1, 3 or 4.
static double radix_value(const char *d, uint32_t n, uint32_t bits) {
    uint64_t m = 0;
    int64_t exp = 0;  // binary exponent of the digits dropped after m filled up
    bool sticky = false;
    for (uint32_t i = 0; i < n; i++) {
        uint8_t c = (uint8_t)d[i];
        if (c == '_') continue;
        uint32_t v = ps_lex_hex_value(c);
        if ((m >> (64 - bits)) == 0) {
            m = (m << bits) | v;
        } else {
            // m holds more than 60 significant bits, so the rounding bit is
            // inside m; further digits only matter as "nonzero" (sticky).
            exp += bits;
            sticky |= v != 0;
        }
    }
    if (m == 0) return 0.0;
    if (exp > 2048) return HUGE_VAL;
    int len = 64 - __builtin_clzll(m);
    if (len <= 53) return ldexp((double)m, (int)exp);  // exact (nothing was dropped)
    int shift = len - 53;
    uint64_t kept = m >> shift;
    uint64_t rem = m & ((UINT64_C(1) << shift) - 1);
    uint64_t half = UINT64_C(1) << (shift - 1);
    if (rem > half || (rem == half && (sticky || (kept & 1)))) kept++;
    return ldexp((double)kept, (int)exp + shift);
}

// Exact fast path for a decimal without separators (NUL-terminated):
// mantissa <= 2^53 and a power of ten <= 10^22 are both exact doubles, so
// one multiplication or division rounds correctly. Returns false when the
// literal needs strtod.
static bool decimal_fast(const char *d, double *out) {
#if defined(FLT_EVAL_METHOD) && FLT_EVAL_METHOD == 0
    static const double pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t m = 0;
    int digits = 0, frac = 0;
    bool in_frac = false;
    for (;; d++) {
        if (*d == '.') {
            in_frac = true;
            continue;
        }
        if (*d < '0' || *d > '9') break;
        if (m == 0 && *d == '0') {  // leading zeros are not significant
            if (in_frac) frac++;
            continue;
        }
        if (++digits > 19) return false;
        m = m * 10 + (uint64_t)(*d - '0');
        if (in_frac) frac++;
    }
    long e = 0;
    if (*d == 'e' || *d == 'E') {
        d++;
        bool neg = *d == '-';
        if (*d == '+' || *d == '-') d++;
        for (; *d >= '0' && *d <= '9'; d++)
            if (e < 100000) e = e * 10 + (*d - '0');
        if (neg) e = -e;
    }
    if (m == 0) {
        *out = 0.0;
        return true;
    }
    e -= frac;
    if (m > (UINT64_C(1) << 53) || e < -22 || e > 22) return false;
    *out = e < 0 ? (double)m / pow10[-e] : (double)m * pow10[e];
    return true;
#else
    (void)d;
    (void)out;
    return false;
#endif
}

// Value of the decimal literal text [start, end), separators skipped.
static double decimal_value(const PsLexer *self, uint32_t start, uint32_t end) {
    char stack[96];
    uint32_t n = end - start;
    char *buf = n < sizeof stack ? stack : och_malloc((size_t)n + 1);
    uint32_t k = 0;
    for (uint32_t i = start; i < end; i++)
        if (self->src[i] != '_') buf[k++] = self->src[i];
    buf[k] = 0;
    double v;
    if (!decimal_fast(buf, &v)) v = strtod(buf, NULL);
    if (buf != stack) och_free(buf);
    return v;
}

// Sets the BigInt value: the literal [start, end) without `_` (acorn's
// `bigint`: "0x1F" for `0x1_Fn`).
static void set_bigint(PsLexer *self, uint32_t start, uint32_t end, bool sep) {
    PsToken *t = &self->tok;
    t->type = PS_TOK_BIGINT;
    if (!sep) {
        t->value = self->src + start;
        t->value_len = end - start;
        return;
    }
    char *buf = och_arena_alloc(self->arena, end - start);
    uint32_t k = 0;
    for (uint32_t i = start; i < end; i++)
        if (self->src[i] != '_') buf[k++] = self->src[i];
    t->value = buf;
    t->value_len = k;
}

// After a complete literal: an IdentifierStart or a digit must not follow
// directly (`3in`, `0b12`). Sets the raw text of NUMBER tokens.
static uint32_t finish(PsLexer *self, uint32_t start, uint32_t p, uint32_t radix) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    if (t->type == PS_TOK_NUMBER) {
        t->value = s + start;
        t->value_len = p - start;
    }
    uint8_t c = (uint8_t)s[p];
    if (!ps_lex_is(c, PS_LC_DIGIT) && !ps_lex_ident_starts_at(self, p)) return p;
    uint32_t w = skip_word(self, p);
    if (ps_lex_is(c, PS_LC_DIGIT) && radix != 10)
        och_diag_add(self->diags, PS_E_IDENT_AFTER_NUMBER, OCH_SEV_ERROR, p, p + 1,
                     "`%c` is not a %s digit; %s", (char)c, radix_name(radix),
                     radix == 2 ? "binary literals only use 0 and 1" : "octal digits are 0 to 7");
    else
        och_diag_add(self->diags, PS_E_IDENT_AFTER_NUMBER, OCH_SEV_ERROR, p, w,
                     "a number cannot be directly followed by `%.*s`; put a space or an "
                     "operator between them",
                     (int)(w - p), s + p);
    return w;
}

// `0x` `0o` `0b` literals; start is at the `0`.
static uint32_t scan_radix(PsLexer *self, uint32_t start, uint32_t radix, uint32_t bits) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    uint32_t p = start + 2;
    bool sep = false;
    if (!is_radix_digit((uint8_t)s[p], radix) && s[p] != '_') {
        uint32_t w = skip_word(self, p);
        och_diag_add(self->diags, PS_E_MISSING_DIGITS, OCH_SEV_ERROR, start, w,
                     "`%.2s` must be followed by %s digits (as in `%s`)", s + start,
                     radix_name(radix),
                     radix == 16 ? "0xFF" : radix == 8 ? "0o17" : "0b101");
        t->value = s + start;
        t->value_len = w - start;
        return w;
    }
    p = scan_digits(self, p, radix, &sep);
    if (s[p] == 'n') {
        set_bigint(self, start, p, sep);
        return finish(self, start, p + 1, radix);
    }
    t->number = radix_value(s + start + 2, p - start - 2, bits);
    return finish(self, start, p, radix);
}

// Fraction, exponent and suffix of a decimal literal whose integer part
// [start, p) was consumed (empty for `.5`). legacy: the integer part was a
// NonOctalDecimalIntegerLiteral (`08`).
static uint32_t scan_decimal_tail(PsLexer *self, uint32_t start, uint32_t p, bool sep, bool legacy) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    bool integer = true;
    if (s[p] == '.') {
        integer = false;
        p++;
        if (ps_lex_is((uint8_t)s[p], PS_LC_DIGIT) || s[p] == '_') p = scan_digits(self, p, 10, &sep);
    }
    uint32_t value_end = p;
    if ((s[p] | 0x20) == 'e') {
        uint32_t q = p + 1;
        if (s[q] == '+' || s[q] == '-') q++;
        if (ps_lex_is((uint8_t)s[q], PS_LC_DIGIT) || s[q] == '_') {
            integer = false;
            p = value_end = scan_digits(self, q, 10, &sep);
        } else {
            uint32_t w = skip_word(self, q);
            och_diag_add(self->diags, PS_E_MISSING_DIGITS, OCH_SEV_ERROR, p, w,
                         "the exponent `%.*s` must be followed by digits (as in `1e3`)",
                         (int)(q - p), s + p);
            t->number = decimal_value(self, start, value_end);
            t->value = s + start;
            t->value_len = w - start;
            return w;
        }
    }
    if (s[p] == 'n') {
        if (integer && !legacy) {
            set_bigint(self, start, p, sep);
            return finish(self, start, p + 1, 10);
        }
        och_diag_add(self->diags, PS_E_INVALID_BIGINT, OCH_SEV_ERROR, start, p + 1,
                     legacy ? "a BigInt literal cannot start with `0`; remove the leading zero"
                            : "a BigInt literal must be an integer; remove the fraction and "
                              "exponent, or the `n`");
        t->number = decimal_value(self, start, value_end);
        return finish(self, start, p + 1, 10);
    }
    t->number = decimal_value(self, start, value_end);
    return finish(self, start, p, 10);
}

// `0` followed by a digit: LegacyOctalIntegerLiteral (`017`) or
// NonOctalDecimalIntegerLiteral (`08`, `019`, which may have a fraction).
static uint32_t scan_legacy(PsLexer *self, uint32_t start) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    uint32_t p = start + 1;
    bool decimal = false, sep = false;
    for (;;) {
        uint8_t c = (uint8_t)s[p];
        if (ps_lex_is(c, PS_LC_DIGIT)) {
            decimal |= c >= '8';
            p++;
        } else if (c == '_') {
            uint32_t q = p;
            while (s[q] == '_') q++;
            och_diag_add(self->diags, PS_E_MISPLACED_SEPARATOR, OCH_SEV_ERROR, p, q,
                         "numeric separators are not allowed in a number with a leading "
                         "zero; remove the `_`");
            sep = true;
            p = q;
        } else {
            break;
        }
    }
    t->flags |= PS_TF_LEGACY_OCTAL;
    t->octal_pos = start;
    t->octal_end = p;
    if (self->strict) {
        if (decimal)
            och_diag_add(self->diags, PS_E_LEGACY_OCTAL_NUMBER_STRICT, OCH_SEV_ERROR, start, p,
                         "a decimal number with a leading zero is not allowed in strict mode; "
                         "remove the leading zero");
        else
            och_diag_add(self->diags, PS_E_LEGACY_OCTAL_NUMBER_STRICT, OCH_SEV_ERROR, start, p,
                         "legacy octal literals are not allowed in strict mode; write `0o%.*s` "
                         "for an octal number",
                         (int)(p - start - 1), s + start + 1);
    }
    if (decimal) return scan_decimal_tail(self, start, p, sep, true);
    if (s[p] == 'n') {
        och_diag_add(self->diags, PS_E_INVALID_BIGINT, OCH_SEV_ERROR, start, p + 1,
                     "a BigInt literal cannot start with `0`; write `0o%.*sn` for an octal "
                     "BigInt",
                     (int)(p - start - 1), s + start + 1);
        t->number = radix_value(s + start + 1, p - start - 1, 3);
        return finish(self, start, p + 1, 8);
    }
    t->number = radix_value(s + start + 1, p - start - 1, 3);
    return finish(self, start, p, 8);
}

uint32_t ps_lex_scan_number(PsLexer *self, uint32_t start) {
    const char *s = self->src;
    PsToken *t = &self->tok;
    t->type = PS_TOK_NUMBER;
    uint32_t p = start;
    if (s[p] == '0') {
        switch (s[p + 1] | 0x20) {
        case 'x': return scan_radix(self, start, 16, 4);
        case 'o': return scan_radix(self, start, 8, 3);
        case 'b': return scan_radix(self, start, 2, 1);
        default: break;
        }
        if (ps_lex_is((uint8_t)s[p + 1], PS_LC_DIGIT)) return scan_legacy(self, start);
        if (s[p + 1] == '_') {
            uint32_t q = p + 1;
            while (s[q] == '_') q++;
            och_diag_add(self->diags, PS_E_MISPLACED_SEPARATOR, OCH_SEV_ERROR, p + 1, q,
                         "a numeric separator cannot follow a leading `0`; remove it");
            p = ps_lex_is((uint8_t)s[q], PS_LC_DIGIT) ? scan_digits(self, q, 10, &(bool){false}) : q;
            return scan_decimal_tail(self, start, p, true, false);
        }
    }
    if (s[p] == '.') return scan_decimal_tail(self, start, p, false, false);
    // Fast path: a short plain integer, the most common literal.
    uint64_t v = 0;
    while (ps_lex_is((uint8_t)s[p], PS_LC_DIGIT)) v = v * 10 + (uint64_t)(s[p++] - '0');
    uint8_t c = (uint8_t)s[p];
    if (p - start <= 15 && !ps_lex_is(c, PS_LC_ID_PART) && c != '.' && c != '\\' && c < 0x80) {
        t->number = (double)v;
        t->value = s + start;
        t->value_len = p - start;
        return p;
    }
    bool sep = false;
    p = scan_digits(self, start, 10, &sep);
    return scan_decimal_tail(self, start, p, sep, false);
}
