// The base protocol's framing: `Content-Length: N\r\n\r\n` then N bytes of
// JSON. The reader tolerates what real clients and broken pipes produce:
// input in chunks of any size, `Content-Type` (ignored), headers in any
// order and case, bare `\n` line ends, blank lines between messages. What it
// cannot make sense of (an unknown or malformed header line, a missing,
// duplicated or non-numeric Content-Length, a header block longer than
// LSP_HEADER_MAX) is reported once and skipped up to the next
// `Content-Length` header, so one bad message never takes the stream down.
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "lsp_int.h"

static const char CL_NAME[] = "content-length";
#define CL_NAME_LEN (sizeof CL_NAME - 1)

void lsp_reader_init(LspReader *self, size_t body_max) {
    memset(self, 0, sizeof *self);
    self->body_max = body_max;
    self->body_len = -1;
}

void lsp_reader_free(LspReader *self) {
    och_free(self->buf);
    memset(self, 0, sizeof *self);
}

size_t lsp_reader_pending(const LspReader *self) { return self->len - self->pos; }

void lsp_reader_feed(LspReader *self, const char *data, size_t n) {
    if (n == 0) return;
    // After a large message, give the memory back instead of keeping a
    // buffer the size of the largest message ever received.
    if (self->pos >= self->len && self->cap > (4u << 20) && n < (1u << 20)) {
        och_free(self->buf);
        self->buf = NULL;
        self->cap = self->len = self->pos = 0;
    }
    // Drop consumed bytes before growing, so the buffer stays about the size
    // of the largest message.
    if (self->pos > 0 && (self->pos >= self->len || self->len + n > self->cap)) {
        memmove(self->buf, self->buf + self->pos, self->len - self->pos);
        self->len -= self->pos;
        self->pos = 0;
    }
    if (self->len + n > self->cap) {
        size_t cap = self->cap ? self->cap : 65536;
        while (cap < self->len + n) cap *= 2;
        self->buf = och_realloc(self->buf, cap);
        self->cap = cap;
    }
    memcpy(self->buf + self->len, data, n);
    self->len += n;
}

// Case-insensitive search for "content-length" in buf[from..to).
static size_t find_cl(const char *buf, size_t from, size_t to) {
    for (size_t i = from; i + CL_NAME_LEN <= to; i++)
        if ((buf[i] | 0x20) == 'c' && strncasecmp(buf + i, CL_NAME, CL_NAME_LEN) == 0) return i;
    return SIZE_MAX;
}

// Skips input after a framing error: up to the next "Content-Length" after
// `from`, or all but a tail that could be the start of one.
static void resync(LspReader *self, size_t from, LspFrame *out) {
    size_t at = find_cl(self->buf, from, self->len);
    size_t skip_to;
    if (at != SIZE_MAX) {
        skip_to = at;
    } else {
        skip_to = self->len > from + CL_NAME_LEN ? self->len - (CL_NAME_LEN - 1) : from;
        if (skip_to < self->pos) skip_to = self->pos;
    }
    size_t n = strlen(out->error);
    snprintf(out->error + n, sizeof out->error - n, "; skipped %zu bytes", skip_to - self->pos);
    self->pos = skip_to;
    self->body_len = -1;
    self->skipping = at == SIZE_MAX;
}

// Reports a framing error and resynchronises; when the error is only the
// rest of something already reported, resynchronises silently.
static bool fail(LspReader *self, size_t from, LspFrame *out) {
    bool report = !self->skipping;
    resync(self, from, out);
    if (report) out->kind = LSP_FRAME_ERROR;
    return report;
}

static bool is_tchar(unsigned char c) {
    return isalnum(c) || (c && strchr("!#$%&'*+-.^_`|~", c));
}

// Parses a decimal Content-Length value (whitespace around it allowed).
static bool parse_length(const char *s, const char *e, size_t max, size_t *out) {
    while (s < e && (*s == ' ' || *s == '\t')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) e--;
    if (s == e || e - s > 12) return false;
    size_t v = 0;
    for (; s < e; s++) {
        if (*s < '0' || *s > '9') return false;
        v = v * 10 + (size_t)(*s - '0');
    }
    if (v > max) return false;
    *out = v;
    return true;
}

// Parses the header block buf[start..end) (without the blank line). Returns
// true with the body length, or false with out->error set and *bad_at the
// offset from which to resynchronise.
static bool parse_header(LspReader *self, size_t start, size_t end, size_t *body_len,
                         size_t *bad_at, LspFrame *out) {
    const char *b = self->buf;
    bool have_len = false;
    size_t len = 0;
    size_t p = start;
    while (p < end) {
        size_t eol = p;
        while (eol < end && b[eol] != '\n') eol++;
        size_t line_end = eol;
        if (line_end > p && b[line_end - 1] == '\r') line_end--;
        size_t colon = p;
        while (colon < line_end && is_tchar((unsigned char)b[colon])) colon++;
        if (colon == p || colon >= line_end || b[colon] != ':') {
            snprintf(out->error, sizeof out->error, "malformed header line");
            *bad_at = p + 1;
            return false;
        }
        size_t name_len = colon - p;
        if (name_len == CL_NAME_LEN && strncasecmp(b + p, CL_NAME, CL_NAME_LEN) == 0) {
            size_t v;
            if (!parse_length(b + colon + 1, b + line_end, self->body_max, &v)) {
                snprintf(out->error, sizeof out->error,
                         "invalid Content-Length value (a decimal number up to %zu expected)",
                         self->body_max);
                *bad_at = end;
                return false;
            }
            if (have_len && v != len) {
                snprintf(out->error, sizeof out->error, "conflicting Content-Length headers");
                *bad_at = end;
                return false;
            }
            have_len = true;
            len = v;
        } else if (!(name_len == 12 && strncasecmp(b + p, "content-type", 12) == 0)) {
            // The base protocol has only these two headers: anything else is
            // most likely the tail of a broken message glued to a header.
            snprintf(out->error, sizeof out->error, "unknown header '%.*s'",
                     (int)(name_len > 40 ? 40 : name_len), b + p);
            *bad_at = p + 1;
            return false;
        }
        p = eol + 1;
    }
    if (!have_len) {
        snprintf(out->error, sizeof out->error, "message without a Content-Length header");
        *bad_at = end;
        return false;
    }
    *body_len = len;
    return true;
}

LspFrameKind lsp_reader_next(LspReader *self, LspFrame *out) {
    out->kind = LSP_FRAME_NONE;
    out->body = NULL;
    out->len = 0;
    out->error[0] = 0;
    for (;;) {
        if (self->body_len >= 0) {
            if (self->len - self->pos < (size_t)self->body_len) return LSP_FRAME_NONE;
            out->kind = LSP_FRAME_MESSAGE;
            out->body = self->buf + self->pos;
            out->len = (size_t)self->body_len;
            self->pos += (size_t)self->body_len;
            self->body_len = -1;
            return LSP_FRAME_MESSAGE;
        }
        // Blank lines between messages are harmless.
        while (self->pos < self->len && (self->buf[self->pos] == '\r' || self->buf[self->pos] == '\n'))
            self->pos++;
        if (self->pos >= self->len) return LSP_FRAME_NONE;
        // Find the end of the header block: an empty line.
        size_t limit = self->len;
        if (limit - self->pos > LSP_HEADER_MAX) limit = self->pos + LSP_HEADER_MAX;
        size_t hdr_end = SIZE_MAX, body_start = 0;
        for (size_t i = self->pos; i < limit; i++) {
            if (self->buf[i] != '\n') continue;
            if (i + 1 < self->len && self->buf[i + 1] == '\n') {
                hdr_end = i;
                body_start = i + 2;
                break;
            }
            if (i + 2 < self->len && self->buf[i + 1] == '\r' && self->buf[i + 2] == '\n') {
                hdr_end = i;
                body_start = i + 3;
                break;
            }
        }
        if (hdr_end == SIZE_MAX) {
            if (self->len - self->pos < LSP_HEADER_MAX) {
                // A header line that cannot start a valid header is garbage
                // even before its block ends: skip it now rather than wait.
                size_t i = self->pos;
                while (i < self->len && is_tchar((unsigned char)self->buf[i])) i++;
                if (i < self->len && self->buf[i] != ':') {
                    snprintf(out->error, sizeof out->error, "malformed header line");
                    if (fail(self, self->pos + 1, out)) return LSP_FRAME_ERROR;
                    continue;
                }
                return LSP_FRAME_NONE;
            }
            snprintf(out->error, sizeof out->error, "header longer than %u bytes", LSP_HEADER_MAX);
            if (fail(self, self->pos + 1, out)) return LSP_FRAME_ERROR;
            continue;
        }
        if (hdr_end > self->pos && self->buf[hdr_end - 1] == '\r') hdr_end--;
        size_t body_len, bad_at;
        if (!parse_header(self, self->pos, hdr_end, &body_len, &bad_at, out)) {
            if (bad_at >= hdr_end) bad_at = body_start;
            if (fail(self, bad_at, out)) return LSP_FRAME_ERROR;
            continue;
        }
        self->skipping = false;
        self->pos = body_start;
        self->body_len = (int64_t)body_len;
    }
}
