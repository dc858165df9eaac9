// JSON helpers around jansson. jansson accepts only valid UTF-8 and paired
// surrogate escapes, but an editor buffer can hold a lone surrogate (a JS
// string can) and a broken client can send raw invalid bytes. Rejecting the
// whole didOpen would lose the document, so such bytes are masked as
// private-use code points before parsing and restored in the document text,
// where the parser reports them as invalid UTF-8 like in a file on disk.
#include <string.h>

#include "lsp_int.h"

// Masks: U+10F700 + byte for an invalid raw byte, U+10F800 + (cp - 0xD800)
// for a lone surrogate escape. Both encode as F4 8F xx xx.
#define MASK_BYTE 0x10F700u
#define MASK_SURROGATE 0x10F800u

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// The code unit of a `\uXXXX` escape at s (s[0] == '\\'), or -1.
static int32_t escape_unit(const char *s, const char *end) {
    if (end - s < 6 || s[0] != '\\' || s[1] != 'u') return -1;
    int32_t v = 0;
    for (int i = 2; i < 6; i++) {
        int h = hexval(s[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

static void put_mask(OchBuf *out, uint32_t cp) {
    char tmp[4];
    uint32_t n = och_utf8_encode(tmp, cp);
    och_buf_append(out, tmp, n);
}

// Copies body with the bytes jansson would reject inside strings masked.
// Returns false when nothing needed masking.
static bool mask_body(const char *body, size_t len, OchBuf *out) {
    bool changed = false;
    bool in_string = false;
    const char *p = body, *end = body + len;
    och_buf_reserve(out, len + 16);
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (!in_string) {
            if (c == '"') in_string = true;
            och_buf_putc(out, (char)c);
            p++;
            continue;
        }
        if (c == '"') {
            in_string = false;
            och_buf_putc(out, '"');
            p++;
        } else if (c == '\\') {
            int32_t u = escape_unit(p, end);
            if (u >= 0xD800 && u <= 0xDBFF) {
                int32_t lo = escape_unit(p + 6, end);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    och_buf_append(out, p, 12);
                    p += 12;
                    continue;
                }
            }
            if (u >= 0xD800 && u <= 0xDFFF) {
                put_mask(out, MASK_SURROGATE + (uint32_t)(u - 0xD800));
                p += 6;
                changed = true;
                continue;
            }
            size_t n = (end - p >= 2) ? 2 : 1;
            och_buf_append(out, p, n);
            p += n;
        } else if (c < 0x80) {
            och_buf_putc(out, (char)c);
            p++;
        } else {
            uint32_t cp;
            uint32_t n = och_utf8_decode(p, (size_t)(end - p), &cp, false);
            if (cp == OCH_UTF8_INVALID) {
                put_mask(out, MASK_BYTE + c);
                changed = true;
                p++;
            } else {
                och_buf_append(out, p, n);
                p += n;
            }
        }
    }
    return changed;
}

json_t *lsp_json_parse(const char *body, size_t len, bool *masked, json_error_t *err) {
    *masked = false;
    json_t *v = json_loadb(body, len, JSON_ALLOW_NUL | JSON_DECODE_ANY, err);
    if (v) return v;
    OchBuf fixed = {0};
    if (mask_body(body, len, &fixed)) {
        json_error_t err2;
        v = json_loadb(fixed.data, fixed.len, JSON_ALLOW_NUL | JSON_DECODE_ANY, &err2);
        if (v) *masked = true;
    }
    och_buf_free(&fixed);
    return v;
}

void lsp_json_unmask(char *s, size_t *len) {
    size_t n = *len, w = 0;
    for (size_t r = 0; r < n;) {
        unsigned char c = (unsigned char)s[r];
        if (c == 0xF4 && r + 3 < n && (unsigned char)s[r + 1] == 0x8F) {
            uint32_t cp;
            uint32_t k = och_utf8_decode(s + r, n - r, &cp, false);
            if (k == 4 && cp >= MASK_SURROGATE) {
                // WTF-8 of the surrogate: ED A0..BF 80..BF.
                w += och_utf8_encode(s + w, 0xD800 + (cp - MASK_SURROGATE));
                r += 4;
                continue;
            }
            if (k == 4 && cp >= MASK_BYTE) {
                s[w++] = (char)(cp - MASK_BYTE);
                r += 4;
                continue;
            }
        }
        s[w++] = (char)c;
        r++;
    }
    *len = w;
}

// Appends s[0..n) with invalid sequences replaced by U+FFFD.
static void append_valid(OchBuf *out, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t run = i;
        while (run < n && (unsigned char)s[run] < 0x80) run++;
        if (run > i) och_buf_append(out, s + i, run - i);
        i = run;
        if (i >= n) break;
        uint32_t cp;
        uint32_t k = och_utf8_decode(s + i, n - i, &cp, false);
        if (cp == OCH_UTF8_INVALID) {  // one U+FFFD per bad byte
            och_buf_append(out, "\xEF\xBF\xBD", 3);
            i += 1;
        } else {
            och_buf_append(out, s + i, k);
            i += k;
        }
    }
}

static bool valid_utf8(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        uint32_t k = och_utf8_decode(s + i, n - i, &cp, false);
        if (cp == OCH_UTF8_INVALID) return false;
        i += k;
    }
    return true;
}

json_t *lsp_json_str(const char *s, size_t n) {
    if (valid_utf8(s, n)) {
        json_t *v = json_stringn_nocheck(s, n);
        if (v) return v;
    }
    OchBuf b = {0};
    append_valid(&b, s, n);
    json_t *v = json_stringn_nocheck(b.data ? b.data : "", b.len);
    och_buf_free(&b);
    return v;
}

void lsp_json_buf_str(OchBuf *out, const char *s, size_t n) {
    OchBuf tmp = {0};
    if (!valid_utf8(s, n)) {
        append_valid(&tmp, s, n);
        s = tmp.data ? tmp.data : "";
        n = tmp.len;
    }
    och_buf_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': och_buf_append(out, "\\\"", 2); break;
        case '\\': och_buf_append(out, "\\\\", 2); break;
        case '\n': och_buf_append(out, "\\n", 2); break;
        case '\r': och_buf_append(out, "\\r", 2); break;
        case '\t': och_buf_append(out, "\\t", 2); break;
        default:
            if (c < 0x20) och_buf_printf(out, "\\u%04x", c);
            else och_buf_putc(out, (char)c);
        }
    }
    och_buf_putc(out, '"');
    och_buf_free(&tmp);
}
