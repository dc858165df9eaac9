// Base layer implementation: allocation, arena, vectors, strings, UTF-8,
// diagnostics.
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void och_assert_fail(const char *expr, const char *file, int line) {
    fprintf(stderr, "ochre: internal error: assertion `%s` failed at %s:%d\n", expr, file, line);
    abort();
}

// --- allocation -------------------------------------------------------------

static OchReallocFn alloc_hook;
static void *alloc_hook_ctx;

void och_set_allocator(OchReallocFn fn, void *ctx) {
    alloc_hook = fn;
    alloc_hook_ctx = ctx;
}

static void *out_of_memory(size_t size) {
    fprintf(stderr, "ochre: out of memory (allocating %zu bytes)\n", size);
    abort();
}

void *och_realloc(void *ptr, size_t size) {
    if (size == 0) size = 1;
    void *p = alloc_hook ? alloc_hook(alloc_hook_ctx, ptr, size) : realloc(ptr, size);
    if (!p) return out_of_memory(size);
    return p;
}

void *och_malloc(size_t size) { return och_realloc(NULL, size); }

void *och_calloc(size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) return out_of_memory(SIZE_MAX);
    void *p = och_malloc(n * size);
    memset(p, 0, n * size);
    return p;
}

void och_free(void *ptr) {
    if (!ptr) return;
    if (alloc_hook) alloc_hook(alloc_hook_ctx, ptr, 0);
    else free(ptr);
}

char *och_strndup(const char *s, size_t n) {
    char *p = och_malloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

// --- arena ------------------------------------------------------------------

struct OchArenaChunk {
    OchArenaChunk *next;
    size_t size;
};

#define ARENA_MIN_CHUNK (64 * 1024)

void och_arena_init(OchArena *self) { memset(self, 0, sizeof *self); }

void och_arena_free(OchArena *self) {
    OchArenaChunk *c = self->chunks;
    while (c) {
        OchArenaChunk *next = c->next;
        och_free(c);
        c = next;
    }
    memset(self, 0, sizeof *self);
}

void *och_arena_alloc_slow(OchArena *self, size_t size) {
    // Chunks double with the arena's size so big trees need few chunks, and a
    // huge single request gets a chunk of its own.
    size_t chunk = self->reserved < ARENA_MIN_CHUNK ? ARENA_MIN_CHUNK : self->reserved;
    if (chunk > 16u * 1024 * 1024) chunk = 16u * 1024 * 1024;
    size_t header = (sizeof(OchArenaChunk) + 15) & ~(size_t)15;
    if (chunk < size + header) chunk = size + header;
    OchArenaChunk *c = och_malloc(chunk);
    c->size = chunk;
    c->next = self->chunks;
    self->chunks = c;
    self->reserved += chunk;
    self->cur = (char *)c + header + size;
    self->limit = (char *)c + chunk;
    self->total += size;
    return (char *)c + header;
}

void *och_arena_memdup(OchArena *self, const void *p, size_t n) {
    void *q = och_arena_alloc(self, n ? n : 1);
    if (n) memcpy(q, p, n);
    return q;
}

char *och_arena_strndup(OchArena *self, const char *s, size_t n) {
    char *q = och_arena_alloc(self, n + 1);
    memcpy(q, s, n);
    q[n] = 0;
    return q;
}

// --- vectors ----------------------------------------------------------------

void och_vec_grow_(void **items, uint32_t *cap, size_t elem_size, uint32_t need) {
    uint64_t ncap = *cap ? (uint64_t)*cap * 2 : 8;
    while (ncap < need) ncap *= 2;
    if (ncap > UINT32_MAX) ncap = UINT32_MAX;
    *items = och_realloc(*items, (size_t)ncap * elem_size);
    *cap = (uint32_t)ncap;
}

// --- string builder ---------------------------------------------------------

void och_buf_reserve(OchBuf *self, size_t extra) {
    if (self->len + extra + 1 <= self->cap) return;
    size_t ncap = self->cap ? self->cap * 2 : 64;
    while (ncap < self->len + extra + 1) ncap *= 2;
    self->data = och_realloc(self->data, ncap);
    self->cap = ncap;
}

void och_buf_append(OchBuf *self, const char *s, size_t n) {
    och_buf_reserve(self, n);
    memcpy(self->data + self->len, s, n);
    self->len += n;
    self->data[self->len] = 0;
}

void och_buf_puts(OchBuf *self, const char *s) { och_buf_append(self, s, strlen(s)); }

void och_buf_vprintf(OchBuf *self, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) return;
    och_buf_reserve(self, (size_t)n);
    vsnprintf(self->data + self->len, (size_t)n + 1, fmt, ap);
    self->len += (size_t)n;
}

void och_buf_printf(OchBuf *self, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    och_buf_vprintf(self, fmt, ap);
    va_end(ap);
}

void och_buf_put_utf8(OchBuf *self, uint32_t cp) {
    char tmp[4];
    och_buf_append(self, tmp, och_utf8_encode(tmp, cp));
}

void och_buf_free(OchBuf *self) {
    och_free(self->data);
    memset(self, 0, sizeof *self);
}

char *och_buf_take(OchBuf *self) {
    char *d = self->data;
    if (!d) d = och_strndup("", 0);
    memset(self, 0, sizeof *self);
    return d;
}

// --- UTF-8 ------------------------------------------------------------------

uint32_t och_utf8_decode(const char *s, size_t avail, uint32_t *cp, bool allow_surrogates) {
    const unsigned char *u = (const unsigned char *)s;
    if (avail == 0) {
        *cp = OCH_UTF8_INVALID;
        return 1;
    }
    unsigned c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    uint32_t n, min, v;
    if (c >= 0xC2 && c <= 0xDF) n = 2, min = 0x80, v = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, min = 0x800, v = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, min = 0x10000, v = c & 0x07;
    else goto invalid;
    if (avail < n) goto invalid;
    for (uint32_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) goto invalid;
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF) goto invalid;
    if (!allow_surrogates && v >= 0xD800 && v <= 0xDFFF) goto invalid;
    *cp = v;
    return n;
invalid:
    *cp = OCH_UTF8_INVALID;
    return 1;
}

uint32_t och_utf8_encode(char *out, uint32_t cp) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

// --- diagnostics ------------------------------------------------------------

static const char *const diag_code_strs[] = {
#define OCH_DIAG(id, code, title) code,
#include "diag_codes.h"
#undef OCH_DIAG
};
static const char *const diag_code_titles[] = {
#define OCH_DIAG(id, code, title) title,
#include "diag_codes.h"
#undef OCH_DIAG
};

const char *och_diag_code_str(OchDiagCode code) {
    return (unsigned)code < OCH_DIAG_COUNT ? diag_code_strs[code] : "E????";
}

const char *och_diag_code_title(OchDiagCode code) {
    return (unsigned)code < OCH_DIAG_COUNT ? diag_code_titles[code] : "unknown";
}

void och_diag_doc_url(OchDiagCode code, OchBuf *out) {
    const char *c = och_diag_code_str(code);
    // GitHub heading anchors: "## E0001 invalid-utf8" -> "#e0001-invalid-utf8".
    och_buf_printf(out, OCH_DIAG_DOCS_URL "#%c%s-%s", c[0] + ('a' - 'A'), c + 1,
                   och_diag_code_title(code));
}

static const char *arena_vprintf(OchArena *arena, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) n = 0;
    char *s = och_arena_alloc(arena, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

OchDiag *och_diag_vadd(OchDiagList *self, OchDiagCode code, OchSeverity sev,
                       uint32_t start, uint32_t end, const char *fmt, va_list ap) {
    OchDiag d = {
        .code = code,
        .severity = sev,
        .span = {start, end < start ? start : end},
        .message = arena_vprintf(self->arena, fmt, ap),
    };
    och_vec_push(&self->v, d);
    return &self->v.items[self->v.len - 1];
}

OchDiag *och_diag_add(OchDiagList *self, OchDiagCode code, OchSeverity sev,
                      uint32_t start, uint32_t end, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    OchDiag *d = och_diag_vadd(self, code, sev, start, end, fmt, ap);
    va_end(ap);
    return d;
}

void och_diag_related(OchDiagList *self, OchDiag *d, uint32_t start, uint32_t end,
                      const char *fmt, ...) {
    OchRelated *r = och_arena_alloc(self->arena, sizeof(OchRelated) * (d->nrelated + 1));
    if (d->nrelated) memcpy(r, d->related, sizeof(OchRelated) * d->nrelated);
    va_list ap;
    va_start(ap, fmt);
    r[d->nrelated].span = (OchSpan){start, end < start ? start : end};
    r[d->nrelated].message = arena_vprintf(self->arena, fmt, ap);
    va_end(ap);
    d->related = r;
    d->nrelated++;
}

void och_diag_sort(OchDiagList *self) {
    // Insertion sort: stable, and diagnostics arrive nearly sorted.
    OchDiag *a = self->v.items;
    for (uint32_t i = 1; i < self->v.len; i++) {
        OchDiag x = a[i];
        uint32_t j = i;
        while (j > 0 && a[j - 1].span.start > x.span.start) {
            a[j] = a[j - 1];
            j--;
        }
        a[j] = x;
    }
}

void och_diag_list_free(OchDiagList *self) { och_vec_free(&self->v); }
