// Document text and positions. The text is kept NUL-padded so the parser can
// borrow it as is, and its line starts are updated around each edit instead
// of rescanning the document (an edit touches a few lines of what may be a
// 50 MB file). Line terminators are JavaScript's (LF, CR, CRLF, U+2028,
// U+2029), the same as the parser's line index, so LSP lines agree with
// what the parser and `ochre check` call a line.
#include <string.h>

#include "lsp_int.h"

#define BLOCK_SHIFT 10u  // UTF-16 checkpoint every 1 KiB
#define SHORT_LINE 2048u // lines up to this many bytes are scanned directly

// Appends the line starts found in data[from..to) (starts > from) to v,
// stopping after the first one at or beyond stop_after.
static void scan_lines(const char *data, uint32_t len, uint32_t from, uint32_t to, LspU32Vec *v,
                       uint32_t stop_after) {
    const unsigned char *t = (const unsigned char *)data;
    for (uint32_t i = from; i < to && i < len; i++) {
        unsigned char c = t[i];
        if (c > '\r' && c != 0xE2) continue;
        uint32_t next;
        if (c == '\n') {
            next = i + 1;
        } else if (c == '\r') {
            if (i + 1 < len && t[i + 1] == '\n') i++;
            next = i + 1;
        } else if (c == 0xE2 && i + 2 < len && t[i + 1] == 0x80 && (t[i + 2] == 0xA8 || t[i + 2] == 0xA9)) {
            i += 2;
            next = i + 1;
        } else {
            continue;
        }
        och_vec_push(v, next);
        if (next >= stop_after) return;
    }
}

static void clear_blocks(LspText *self) {
    och_free(self->units);
    och_free(self->bounds);
    self->units = self->bounds = NULL;
    self->nblocks = 0;
}

OchStatus lsp_text_init(LspText *self, const char *s, size_t n) {
    memset(self, 0, sizeof *self);
    if (n > LSP_TEXT_MAX) return OCH_ERR_INVALID;
    self->cap = (uint32_t)n;
    self->data = och_malloc(n + PS_SOURCE_PADDING);
    if (n) memcpy(self->data, s, n);
    memset(self->data + n, 0, PS_SOURCE_PADDING);
    self->len = (uint32_t)n;
    och_vec_push(&self->lines, 0);
    scan_lines(self->data, self->len, 0, self->len, &self->lines, UINT32_MAX);
    return OCH_OK;
}

void lsp_text_free(LspText *self) {
    och_free(self->data);
    och_vec_free(&self->lines);
    clear_blocks(self);
    memset(self, 0, sizeof *self);
}

char *lsp_text_take_copy(LspText *self) {
    char *old = self->data;
    self->data = och_malloc((size_t)self->cap + PS_SOURCE_PADDING);
    memcpy(self->data, old, (size_t)self->len + PS_SOURCE_PADDING);
    return old;
}

uint32_t lsp_text_line_of(const LspText *self, uint32_t offset) {
    uint32_t lo = 0, hi = self->lines.len;  // invariant: lines[lo] <= offset
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (self->lines.items[mid] <= offset) lo = mid;
        else hi = mid;
    }
    return lo;
}

uint32_t lsp_text_line_end(const LspText *self, uint32_t line) {
    if (line >= self->lines.len) return self->len;
    uint32_t start = self->lines.items[line];
    uint32_t end = line + 1 < self->lines.len ? self->lines.items[line + 1] : self->len;
    const unsigned char *t = (const unsigned char *)self->data;
    if (end > start && t[end - 1] == '\n') end--;
    if (end > start && t[end - 1] == '\r') end--;
    if (end >= start + 3 && t[end - 3] == 0xE2 && t[end - 2] == 0x80 && (t[end - 1] == 0xA8 || t[end - 1] == 0xA9) &&
        line + 1 < self->lines.len)
        end -= 3;
    return end;
}

OchStatus lsp_text_replace(LspText *self, uint32_t start, uint32_t end, const char *s, size_t n) {
    if (start > self->len) start = self->len;
    if (end > self->len) end = self->len;
    if (end < start) {
        uint32_t t = start;
        start = end;
        end = t;
    }
    size_t new_len = (size_t)self->len - (end - start) + n;
    if (new_len > LSP_TEXT_MAX) return OCH_ERR_INVALID;
    if (new_len > self->cap) {
        size_t cap = (size_t)self->cap + self->cap / 2;
        if (cap < new_len) cap = new_len;
        if (cap > LSP_TEXT_MAX) cap = LSP_TEXT_MAX;
        self->data = och_realloc(self->data, cap + PS_SOURCE_PADDING);
        self->cap = (uint32_t)cap;
    }
    uint32_t old_len = self->len;
    memmove(self->data + start + n, self->data + end, old_len - end);
    if (n) memcpy(self->data + start, s, n);
    self->len = (uint32_t)new_len;
    memset(self->data + new_len, 0, PS_SOURCE_PADDING);
    clear_blocks(self);

    // Line starts. Keep those up to the line containing `start` (one more
    // back when `start` is a line start, since a CR before it may now join
    // an LF of the inserted text); rescan from there through the first line
    // start at least 3 bytes past the inserted text (past any terminator
    // that straddles the edit); the old line starts after that point are the
    // same, shifted by the size change.
    int64_t delta = (int64_t)new_len - old_len;
    uint32_t new_end = start + (uint32_t)n;
    uint32_t *old = self->lines.items;
    uint32_t nold = self->lines.len;
    uint32_t keep = lsp_text_line_of(self, start);  // binary search uses the old starts only
    if (keep > 0 && old[keep] == start) keep--;
    uint32_t from = old[keep];
    LspU32Vec mid = {0};
    uint32_t stop = new_end + 3;
    scan_lines(self->data, self->len, from, self->len, &mid, stop);
    uint32_t last = mid.len ? mid.items[mid.len - 1] : from;
    // Old starts strictly after `last` (in new coordinates), which lie past
    // the rescanned region.
    uint32_t first_old = nold;
    if (last >= stop) {
        // Binary search for the first old start e with e + delta > last.
        int64_t want = (int64_t)last - delta;  // old coordinate of `last`
        uint32_t lo = 0, hi = nold;
        while (lo < hi) {
            uint32_t m = lo + (hi - lo) / 2;
            if ((int64_t)old[m] <= want) lo = m + 1;
            else hi = m;
        }
        first_old = lo;
    }
    uint32_t ntail = nold - first_old;
    uint32_t total = keep + 1 + mid.len + ntail;
    if (total > self->lines.cap) och_vec_reserve(&self->lines, total);
    old = self->lines.items;
    // Move the tail first (it may overlap the middle's destination).
    memmove(old + keep + 1 + mid.len, old + first_old, (size_t)ntail * sizeof *old);
    for (uint32_t i = 0; i < ntail; i++) old[keep + 1 + mid.len + i] = (uint32_t)((int64_t)old[keep + 1 + mid.len + i] + delta);
    if (mid.len) memcpy(old + keep + 1, mid.items, (size_t)mid.len * sizeof *old);
    self->lines.len = total;
    och_vec_free(&mid);
    return OCH_OK;
}

// Position conversion ---------------------------------------------------------

// UTF-16 units of data[from..to) (to may fall inside a character, which then
// counts whole, like och_line_index_lookup).
static uint32_t units_between(const char *data, uint32_t len, uint32_t from, uint32_t to) {
    uint32_t col = 0;
    uint32_t p = from;
    while (p < to) {
        unsigned char c = (unsigned char)data[p];
        if (c < 0x80) {
            col++;
            p++;
            continue;
        }
        uint32_t cp;
        uint32_t n = och_utf8_decode(data + p, len - p, &cp, true);
        col += (cp != OCH_UTF8_INVALID && cp >= 0x10000) ? 2 : 1;
        p += n;
    }
    return col;
}

uint32_t lsp_text_units(const LspText *self, uint32_t from, uint32_t to) {
    if (to > self->len) to = self->len;
    return from < to ? units_between(self->data, self->len, from, to) : 0;
}

// Builds the UTF-16 checkpoints (O(len)), once per text version.
static void build_blocks(LspText *self) {
    uint32_t nb = (self->len >> BLOCK_SHIFT) + 1;
    self->units = och_malloc((size_t)nb * sizeof *self->units);
    self->bounds = och_malloc((size_t)nb * sizeof *self->bounds);
    uint32_t p = 0, units = 0;
    for (uint32_t k = 0; k < nb; k++) {
        uint32_t target = k << BLOCK_SHIFT;
        while (p < target && p < self->len) {
            unsigned char c = (unsigned char)self->data[p];
            if (c < 0x80) {
                units++;
                p++;
                continue;
            }
            uint32_t cp;
            uint32_t n = och_utf8_decode(self->data + p, self->len - p, &cp, true);
            units += (cp != OCH_UTF8_INVALID && cp >= 0x10000) ? 2 : 1;
            p += n;
        }
        self->units[k] = units;
        self->bounds[k] = p;
    }
    self->nblocks = nb;
}

// UTF-16 units in data[0..offset).
static uint32_t units_to(LspText *self, uint32_t offset) {
    if (!self->units) build_blocks(self);
    uint32_t k = offset >> BLOCK_SHIFT;
    if (k >= self->nblocks) k = self->nblocks - 1;
    while (k > 0 && self->bounds[k] > offset) k--;
    return self->units[k] + units_between(self->data, self->len, self->bounds[k], offset);
}

LspPos lsp_text_pos(LspText *self, uint32_t offset, LspEncoding enc) {
    if (offset > self->len) offset = self->len;
    uint32_t line = lsp_text_line_of(self, offset);
    uint32_t ls = self->lines.items[line];
    if (enc == LSP_ENC_UTF8) return (LspPos){line, offset - ls};
    if (offset - ls <= SHORT_LINE) return (LspPos){line, units_between(self->data, self->len, ls, offset)};
    return (LspPos){line, units_to(self, offset) - units_to(self, ls)};
}

uint32_t lsp_text_offset(const LspText *self, LspPos pos, LspEncoding enc) {
    if (pos.line >= self->lines.len) return self->len;
    uint32_t p = self->lines.items[pos.line];
    uint32_t end = lsp_text_line_end(self, pos.line);
    if (enc == LSP_ENC_UTF8) {
        uint64_t want = (uint64_t)p + pos.character;
        uint32_t q = want > end ? end : (uint32_t)want;
        // Inside a UTF-8 sequence: back to its first byte.
        uint32_t s = q;
        while (s > p && ((unsigned char)self->data[s] & 0xC0) == 0x80) s--;
        if (s < q) {
            uint32_t cp;
            uint32_t n = och_utf8_decode(self->data + s, self->len - s, &cp, true);
            if (s + n > q) q = s;
        }
        return q;
    }
    uint32_t col = 0;
    while (p < end && col < pos.character) {
        unsigned char c = (unsigned char)self->data[p];
        if (c < 0x80) {
            col++;
            p++;
            continue;
        }
        uint32_t cp;
        uint32_t n = och_utf8_decode(self->data + p, end - p, &cp, true);
        uint32_t w = (cp != OCH_UTF8_INVALID && cp >= 0x10000) ? 2 : 1;
        if (col + w > pos.character) break;  // inside a surrogate pair: stay before it
        col += w;
        p += n;
    }
    return p;
}
