// String builder: units accumulate in C memory (never moved or collected by
// the GC), Latin-1 until the first unit above 0xFF, then UTF-16.
#include "heap_rt_int.h"

void en_sb_init(EnStrBuilder *sb, EnContext *cx) {
    sb->cx = cx;
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    sb->utf16 = false;
}

// Makes room for `extra` more units (in the current width).
static void grow(EnStrBuilder *sb, uint32_t extra) {
    if ((uint64_t)sb->len + extra <= sb->cap) return;
    uint64_t cap = sb->cap ? sb->cap : 16;
    while (cap < (uint64_t)sb->len + extra) cap *= 2;
    if (cap > 0xFFFFFFFFu) cap = 0xFFFFFFFFu;
    sb->buf = och_realloc(sb->buf, (size_t)cap * (sb->utf16 ? 2 : 1));
    sb->cap = (uint32_t)cap;
}

static void widen(EnStrBuilder *sb) {
    uint16_t *w = och_malloc((size_t)(sb->cap ? sb->cap : 16) * 2);
    const uint8_t *n = sb->buf;
    for (uint32_t i = 0; i < sb->len; i++) w[i] = n[i];
    och_free(sb->buf);
    sb->buf = w;
    if (!sb->cap) sb->cap = 16;
    sb->utf16 = true;
}

void en_sb_unit(EnStrBuilder *sb, uint16_t unit) {
    if (unit > 0xFF && !sb->utf16) widen(sb);
    grow(sb, 1);
    if (sb->utf16) ((uint16_t *)sb->buf)[sb->len++] = unit;
    else ((uint8_t *)sb->buf)[sb->len++] = (uint8_t)unit;
}

void en_sb_ascii(EnStrBuilder *sb, const char *s, size_t len) {
    if (len == 0) return;  // the buffer may still be NULL: memcpy(NULL, ..., 0) is UB
    grow(sb, (uint32_t)len);
    if (sb->utf16) {
        uint16_t *w = (uint16_t *)sb->buf + sb->len;
        for (size_t i = 0; i < len; i++) w[i] = (uint8_t)s[i];
    } else {
        memcpy((uint8_t *)sb->buf + sb->len, s, len);
    }
    sb->len += (uint32_t)len;
}

void en_sb_string(EnStrBuilder *sb, EnString *s) {
    s = en_str_flatten(sb->cx, s);
    if (!s) return;
    uint32_t n = en_str_length(s);
    if (n == 0) return;  // see en_sb_ascii
    if (!en_str_is_latin1(s) && !sb->utf16) {
        uint16_t max = 0;
        for (uint32_t i = 0; i < n; i++) max |= s->u.utf16[i];
        if (max > 0xFF) widen(sb);
    }
    grow(sb, n);
    if (sb->utf16) {
        uint16_t *w = (uint16_t *)sb->buf + sb->len;
        if (en_str_is_latin1(s)) {
            for (uint32_t i = 0; i < n; i++) w[i] = s->u.latin1[i];
        } else {
            memcpy(w, s->u.utf16, (size_t)n * 2);
        }
    } else {
        uint8_t *b = (uint8_t *)sb->buf + sb->len;
        if (en_str_is_latin1(s)) {
            memcpy(b, s->u.latin1, n);
        } else {
            for (uint32_t i = 0; i < n; i++) b[i] = (uint8_t)s->u.utf16[i];
        }
    }
    sb->len += n;
}

EnString *en_sb_finish(EnStrBuilder *sb) {
    EnString *s;
    if (sb->len > EN_STR_MAX_LENGTH) {
        en_throw_range_error(sb->cx, "Invalid string length");
        s = NULL;
    } else if (sb->utf16) {
        s = en_str_alloc(sb->cx, sb->len, false);
        if (s) memcpy(s->u.utf16, sb->buf, (size_t)sb->len * 2);
    } else {
        s = en_str_from_latin1(sb->cx, sb->buf, sb->len);
    }
    en_sb_free(sb);
    return s;
}

void en_sb_free(EnStrBuilder *sb) {
    och_free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    sb->utf16 = false;
}
