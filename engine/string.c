// Flat strings: creation, the preallocated empty and unit strings,
// substring, hashing, equality, comparison, UTF-8/WTF-8 conversion.
// Ropes are in rope.c, the builder in string_builder.c.
#include <stddef.h>

#include "heap_rt_int.h"

#define STR_HEADER offsetof(EnString, u)

static size_t flat_size(uint32_t len, bool latin1) {
    return STR_HEADER + (latin1 ? (size_t)len + 1 : (size_t)len * 2);
}

static size_t string_size(const void *cell) {
    const EnString *s = cell;
    if (en_str_is_rope(s)) return sizeof(EnRope);
    return flat_size(en_str_length(s), en_str_is_latin1(s));
}

static void string_trace(EnGCTracer *t, void *cell) {
    EnString *s = cell;
    if (en_str_is_rope(s)) {
        EnRope *r = cell;
        en_gc_mark_cell(t, r->left);
        en_gc_mark_cell(t, r->right);
    }
}

const EnCellOps en_ops_string = {string_trace, NULL, string_size};

EnString *en_str_alloc(EnContext *cx, uint32_t length, bool latin1) {
    if (length > EN_STR_MAX_LENGTH) {
        en_throw_range_error(cx, "Invalid string length");
        return NULL;
    }
    EnString *s = en_gc_alloc(cx, EN_CELL_STRING, flat_size(length, latin1));
    if (!s) return NULL;
    s->hdr.aux = length;
    if (latin1) s->hdr.flags = EN_STR_LATIN1;
    return s;  // zeroed: the Latin-1 NUL terminator is already there
}

EnString *en_str_empty(EnContext *cx) { return cx->rt->empty_string; }

EnString *en_str_from_unit(EnContext *cx, uint16_t unit) {
    if (unit < 256) return cx->rt->unit_strings[unit];
    EnString *s = en_str_alloc(cx, 1, false);
    if (s) s->u.utf16[0] = unit;
    return s;
}

bool en_strings_init(EnContext *boot) {
    EnRuntime *rt = boot->rt;
    rt->empty_string = en_str_alloc(boot, 0, true);
    if (!rt->empty_string) return false;
    for (int i = 0; i < 256; i++) {
        EnString *s = en_str_alloc(boot, 1, true);
        if (!s) return false;
        s->u.latin1[0] = (uint8_t)i;
        rt->unit_strings[i] = s;
    }
    return true;
}

EnString *en_str_from_latin1(EnContext *cx, const uint8_t *p, size_t len) {
    if (len == 0) return en_str_empty(cx);
    if (len == 1) return cx->rt->unit_strings[p[0]];
    if (len > EN_STR_MAX_LENGTH) {
        en_throw_range_error(cx, "Invalid string length");
        return NULL;
    }
    EnString *s = en_str_alloc(cx, (uint32_t)len, true);
    if (s) memcpy(s->u.latin1, p, len);
    return s;
}

EnString *en_str_from_utf16(EnContext *cx, const uint16_t *p, size_t len) {
    uint16_t max = 0;
    for (size_t i = 0; i < len; i++) max |= p[i];
    if (max <= 0xFF) {
        if (len == 0) return en_str_empty(cx);
        if (len == 1) return cx->rt->unit_strings[p[0]];
        if (len > EN_STR_MAX_LENGTH) {
            en_throw_range_error(cx, "Invalid string length");
            return NULL;
        }
        EnString *s = en_str_alloc(cx, (uint32_t)len, true);
        if (!s) return NULL;
        for (size_t i = 0; i < len; i++) s->u.latin1[i] = (uint8_t)p[i];
        return s;
    }
    if (len > EN_STR_MAX_LENGTH) {
        en_throw_range_error(cx, "Invalid string length");
        return NULL;
    }
    EnString *s = en_str_alloc(cx, (uint32_t)len, false);
    if (s) memcpy(s->u.utf16, p, len * 2);
    return s;
}

// --- UTF-8 / WTF-8 ---------------------------------------------------------

// Decodes one code point at s[*i] (WHATWG decoder with maximal-subpart
// replacement: a bad sequence yields one U+FFFD and decoding resumes at the
// first byte that did not fit). Encoded surrogates (ED A0..BF xx) are
// accepted as WTF-8 and give the lone surrogate unit.
static uint32_t decode_one(const uint8_t *s, size_t len, size_t *i) {
    uint8_t b = s[(*i)++];
    if (b < 0x80) return b;
    uint32_t need, cp;
    uint8_t lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
        cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        cp = b & 0x0F;
        if (b == 0xE0) lo = 0xA0;
    } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        cp = b & 0x07;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else {
        return 0xFFFD;
    }
    for (uint32_t k = 0; k < need; k++) {
        if (*i >= len) return 0xFFFD;
        uint8_t c = s[*i];
        if (c < lo || c > hi) return 0xFFFD;
        lo = 0x80;
        hi = 0xBF;
        cp = (cp << 6) | (c & 0x3F);
        (*i)++;
    }
    return cp;
}

EnString *en_str_from_utf8(EnContext *cx, const char *str, size_t len) {
    const uint8_t *s = (const uint8_t *)str;
    size_t ascii = 0;
    while (ascii < len && s[ascii] < 0x80) ascii++;
    if (ascii == len) return en_str_from_latin1(cx, s, len);
    // Pass 1: count units and find the widest.
    size_t units = 0;
    uint32_t max = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = decode_one(s, len, &i);
        units += cp >= 0x10000 ? 2 : 1;
        if (cp > max) max = cp;
    }
    if (units > EN_STR_MAX_LENGTH) {
        en_throw_range_error(cx, "Invalid string length");
        return NULL;
    }
    if (units == 1 && max < 256) return cx->rt->unit_strings[max];
    bool latin1 = max <= 0xFF;
    EnString *out = en_str_alloc(cx, (uint32_t)units, latin1);
    if (!out) return NULL;
    size_t u = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = decode_one(s, len, &i);
        if (latin1) {
            out->u.latin1[u++] = (uint8_t)cp;
        } else if (cp >= 0x10000) {
            cp -= 0x10000;
            out->u.utf16[u++] = (uint16_t)(0xD800 + (cp >> 10));
            out->u.utf16[u++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            out->u.utf16[u++] = (uint16_t)cp;
        }
    }
    return out;
}

EnString *en_str_from_cstr(EnContext *cx, const char *s) { return en_str_from_utf8(cx, s, strlen(s)); }

static void put_utf8(OchBuf *out, uint32_t cp) {
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    och_buf_append(out, b, n);
}

void en_str_to_utf8(EnContext *cx, EnString *s, OchBuf *out) {
    s = en_str_flatten(cx, s);
    if (!s) return;
    uint32_t n = en_str_length(s);
    if (en_str_is_latin1(s)) {
        och_buf_reserve(out, (size_t)n * 2);
        uint32_t i = 0;
        while (i < n) {
            uint32_t j = i;
            while (j < n && s->u.latin1[j] < 0x80) j++;
            if (j > i) och_buf_append(out, (const char *)s->u.latin1 + i, j - i);
            if (j < n) put_utf8(out, s->u.latin1[j++]);
            i = j;
        }
        return;
    }
    och_buf_reserve(out, (size_t)n * 3);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t c = s->u.utf16[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && s->u.utf16[i + 1] >= 0xDC00 &&
            s->u.utf16[i + 1] <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (s->u.utf16[i + 1] - 0xDC00);
            i++;
        }
        put_utf8(out, c);  // lone surrogates: 3-byte WTF-8
    }
}

// --- hashing, equality, order ----------------------------------------------

// FNV-1a over code units (not bytes), so a Latin-1 and a UTF-16 string with
// the same content hash alike, then a final avalanche for open addressing.
static inline uint32_t hash_finish(uint32_t h) {
    h ^= h >> 16;
    h *= 0x85EBCA6Bu;
    h ^= h >> 13;
    return h;
}

uint32_t en_str_hash_latin1(const uint8_t *s, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ s[i]) * 16777619u;
    return hash_finish(h);
}

uint32_t en_str_hash_utf16(const uint16_t *s, size_t len) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) h = (h ^ s[i]) * 16777619u;
    return hash_finish(h);
}

uint32_t en_str_hash(EnString *s) {
    if (en_str_is_rope(s)) {
        EnRope *r = (EnRope *)s;
        OCH_ASSERT(r->right == NULL);  // callers flatten first
        s = r->left;
    }
    if (s->hdr.flags & EN_STR_HASHED) return s->hash;
    uint32_t n = en_str_length(s);
    s->hash = en_str_is_latin1(s) ? en_str_hash_latin1(s->u.latin1, n)
                                  : en_str_hash_utf16(s->u.utf16, n);
    s->hdr.flags |= EN_STR_HASHED;
    return s->hash;
}

// Content equality of two flat strings of equal length.
static bool units_equal(const EnString *a, const EnString *b, uint32_t n) {
    bool la = en_str_is_latin1(a), lb = en_str_is_latin1(b);
    if (la && lb) return memcmp(a->u.latin1, b->u.latin1, n) == 0;
    if (!la && !lb) return memcmp(a->u.utf16, b->u.utf16, (size_t)n * 2) == 0;
    for (uint32_t i = 0; i < n; i++) {
        if (en_str_at(a, i) != en_str_at(b, i)) return false;
    }
    return true;
}

bool en_str_equal(EnContext *cx, EnString *a, EnString *b) {
    if (a == b) return true;
    uint32_t n = en_str_length(a);
    if (n != en_str_length(b)) return false;
    if ((a->hdr.flags & b->hdr.flags & EN_STR_ATOM)) return false;  // atoms are unique
    if (en_str_is_rope(a) || en_str_is_rope(b)) {
        EnHandleScope hs;
        en_handle_scope_open(cx, &hs);
        EnValue *hb = en_handle(cx, en_string_value(b));
        a = en_str_flatten(cx, a);
        if (a) {
            en_handle(cx, en_string_value(a));
            b = en_str_flatten(cx, en_as_string(*hb));
        }
        en_handle_scope_close(&hs);
        if (!a || !b) return false;  // heap limit: the caller sees the pending termination
        if (a == b) return true;
    }
    if ((a->hdr.flags & b->hdr.flags & EN_STR_HASHED) && a->hash != b->hash) return false;
    return units_equal(a, b, n);
}

bool en_str_equal_cstr(EnContext *cx, EnString *s, const char *ascii) {
    size_t n = strlen(ascii);
    if (en_str_length(s) != n) return false;
    s = en_str_flatten(cx, s);
    if (!s) return false;
    for (size_t i = 0; i < n; i++) {
        if (en_str_at(s, (uint32_t)i) != (uint8_t)ascii[i]) return false;
    }
    return true;
}

int en_str_compare(EnContext *cx, EnString *a, EnString *b) {
    if (a == b) return 0;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hb = en_handle(cx, en_string_value(b));
    a = en_str_flatten(cx, a);
    if (a) {
        en_handle(cx, en_string_value(a));
        b = en_str_flatten(cx, en_as_string(*hb));
    }
    en_handle_scope_close(&hs);
    if (!a || !b) return 0;
    uint32_t na = en_str_length(a), nb = en_str_length(b);
    uint32_t n = na < nb ? na : nb;
    if (en_str_is_latin1(a) && en_str_is_latin1(b)) {
        int c = memcmp(a->u.latin1, b->u.latin1, n);
        if (c) return c < 0 ? -1 : 1;
    } else {
        for (uint32_t i = 0; i < n; i++) {
            uint16_t x = en_str_at(a, i), y = en_str_at(b, i);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    return na < nb ? -1 : na > nb ? 1 : 0;
}

EnString *en_str_substring(EnContext *cx, EnString *s, uint32_t start, uint32_t end) {
    OCH_ASSERT(start <= end && end <= en_str_length(s));
    uint32_t n = end - start;
    if (n == 0) return en_str_empty(cx);
    if (n == en_str_length(s)) return s;
    s = en_str_flatten(cx, s);
    if (!s) return NULL;
    if (n == 1) return en_str_from_unit(cx, en_str_at(s, start));
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *hs_s = en_handle(cx, en_string_value(s));
    EnString *out;
    if (en_str_is_latin1(s)) {
        out = en_str_alloc(cx, n, true);
        s = en_as_string(*hs_s);
        if (out) memcpy(out->u.latin1, s->u.latin1 + start, n);
    } else {
        uint16_t max = 0;
        for (uint32_t i = start; i < end; i++) max |= s->u.utf16[i];
        bool latin1 = max <= 0xFF;
        out = en_str_alloc(cx, n, latin1);
        s = en_as_string(*hs_s);
        if (out && latin1) {
            for (uint32_t i = 0; i < n; i++) out->u.latin1[i] = (uint8_t)s->u.utf16[start + i];
        } else if (out) {
            memcpy(out->u.utf16, s->u.utf16 + start, (size_t)n * 2);
        }
    }
    en_handle_scope_close(&hs);
    return out;
}
