// Line index: byte offsets <-> (line, column) in bytes, UTF-16 units or
// code points. Offsets stay the internal currency; this converts at the
// edges (CLI output, LSP positions, acorn-compatible JSON).
#include "base.h"

#include <string.h>

void och_line_index_init(OchLineIndex *self, const char *text, uint32_t len) {
    OCH_VEC(uint32_t) starts = {0};
    och_vec_push(&starts, 0);
    const unsigned char *t = (const unsigned char *)text;
    for (uint32_t i = 0; i < len; i++) {
        unsigned char c = t[i];
        if (c == '\n') {
            och_vec_push(&starts, i + 1);
        } else if (c == '\r') {
            if (i + 1 < len && t[i + 1] == '\n') i++;
            och_vec_push(&starts, i + 1);
        } else if (c == 0xE2 && i + 2 < len && t[i + 1] == 0x80 && (t[i + 2] == 0xA8 || t[i + 2] == 0xA9)) {
            i += 2;  // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
            och_vec_push(&starts, i + 1);
        }
    }
    self->text = text;
    self->len = len;
    self->line_starts = starts.items;
    self->nlines = starts.len;
}

void och_line_index_free(OchLineIndex *self) {
    och_free(self->line_starts);
    memset(self, 0, sizeof *self);
}

static uint32_t line_of(const OchLineIndex *self, uint32_t offset) {
    uint32_t lo = 0, hi = self->nlines;  // invariant: starts[lo] <= offset
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (self->line_starts[mid] <= offset) lo = mid;
        else hi = mid;
    }
    return lo;
}

// Width of the sequence at p in the given unit; advances *len_out bytes.
static uint32_t unit_width(const char *p, size_t avail, OchColumnUnit unit, uint32_t *len_out) {
    uint32_t cp;
    uint32_t n = och_utf8_decode(p, avail, &cp, true);
    *len_out = n;
    if (unit == OCH_COL_BYTES) return n;
    if (unit == OCH_COL_UTF16) return (cp != OCH_UTF8_INVALID && cp >= 0x10000) ? 2 : 1;
    return 1;
}

OchLineCol och_line_index_lookup(const OchLineIndex *self, uint32_t offset, OchColumnUnit unit) {
    if (offset > self->len) offset = self->len;
    uint32_t line = line_of(self, offset);
    uint32_t p = self->line_starts[line];
    if (unit == OCH_COL_BYTES) return (OchLineCol){line, offset - p};
    uint32_t col = 0;
    while (p < offset) {
        uint32_t n;
        col += unit_width(self->text + p, self->len - p, unit, &n);
        p += n;
    }
    return (OchLineCol){line, col};
}

uint32_t och_line_index_offset(const OchLineIndex *self, OchLineCol lc, OchColumnUnit unit) {
    if (lc.line >= self->nlines) return self->len;
    uint32_t p = self->line_starts[lc.line];
    uint32_t line_end = lc.line + 1 < self->nlines ? self->line_starts[lc.line + 1] : self->len;
    // Do not step past the line terminator into the next line.
    while (line_end > p && (self->text[line_end - 1] == '\n' || self->text[line_end - 1] == '\r'))
        line_end--;
    if (line_end >= p + 3 && line_end > p && (unsigned char)self->text[line_end - 3] == 0xE2 &&
        (unsigned char)self->text[line_end - 2] == 0x80 &&
        ((unsigned char)self->text[line_end - 1] == 0xA8 || (unsigned char)self->text[line_end - 1] == 0xA9))
        line_end -= 3;
    uint32_t col = 0;
    while (p < line_end && col < lc.column) {
        uint32_t n;
        uint32_t w = unit_width(self->text + p, line_end - p, unit, &n);
        if (col + w > lc.column) break;  // inside a surrogate pair: stay before it
        col += w;
        p += n;
    }
    return p;
}
