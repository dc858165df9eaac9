// ochre base layer: allocation hook, arena, growable vectors, string
// builder, spans and diagnostics. Every component builds on this header.
#ifndef OCHRE_PARSER_BASE_H
#define OCHRE_PARSER_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define OCH_MUST_CHECK __attribute__((warn_unused_result))
#define OCH_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define OCH_LIKELY(x) __builtin_expect(!!(x), 1)
#define OCH_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define OCH_EXPORT __attribute__((visibility("default")))
#else
#define OCH_MUST_CHECK
#define OCH_PRINTF(fmt, args)
#define OCH_LIKELY(x) (x)
#define OCH_UNLIKELY(x) (x)
#define OCH_EXPORT
#endif

// Status of internal operations (I/O, OOM, protocol). Problems in user
// JavaScript are diagnostics, never statuses.
typedef int OchStatus;
#define OCH_OK 0
#define OCH_ERR_NOMEM (-1)
#define OCH_ERR_IO (-2)
#define OCH_ERR_INVALID (-3)

// Assertions for bugs in ochre itself, never for user input. Active unless
// NDEBUG is defined.
void och_assert_fail(const char *expr, const char *file, int line);
#ifdef NDEBUG
#define OCH_ASSERT(x) ((void)0)
#define OCH_UNREACHABLE() __builtin_unreachable()
#else
#define OCH_ASSERT(x) ((x) ? (void)0 : och_assert_fail(#x, __FILE__, __LINE__))
#define OCH_UNREACHABLE() och_assert_fail("unreachable", __FILE__, __LINE__)
#endif

// ---------------------------------------------------------------------------
// Allocation. All heap allocation goes through these, so that tests can
// install a hook that fails the n-th allocation. On failure (hook or real
// OOM) och_malloc/och_realloc print a message and abort: the project treats
// exhaustion of C heap as fatal; JS-level allocation limits live in the
// engine's GC instead.
typedef void *(*OchReallocFn)(void *ctx, void *ptr, size_t size);
void och_set_allocator(OchReallocFn fn, void *ctx);
void *och_malloc(size_t size);
void *och_calloc(size_t n, size_t size);
void *och_realloc(void *ptr, size_t size);
void och_free(void *ptr);
char *och_strndup(const char *s, size_t n);

// ---------------------------------------------------------------------------
// Arena: bump allocation in chunks; everything is freed at once by
// och_arena_free. Allocations are 8-byte aligned. O(1) amortised.
typedef struct OchArenaChunk OchArenaChunk;
typedef struct OchArena {
    char *cur;            // next free byte in the current chunk
    char *limit;          // end of the current chunk
    OchArenaChunk *chunks; // newest first
    size_t total;         // bytes handed out (for memory statistics)
    size_t reserved;      // bytes obtained from the allocator
} OchArena;

void och_arena_init(OchArena *self);
void och_arena_free(OchArena *self);  // frees all chunks; self can be re-inited
void *och_arena_alloc_slow(OchArena *self, size_t size);
static inline void *och_arena_alloc(OchArena *self, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (OCH_LIKELY((size_t)(self->limit - self->cur) >= size)) {
        void *p = self->cur;
        self->cur += size;
        self->total += size;
        return p;
    }
    return och_arena_alloc_slow(self, size);
}
void *och_arena_memdup(OchArena *self, const void *p, size_t n);
// Copies n bytes and appends a NUL.
char *och_arena_strndup(OchArena *self, const char *s, size_t n);

// ---------------------------------------------------------------------------
// Growable vector of any element type: `OCH_VEC(int) v = {0};`.
#define OCH_VEC(T) struct { T *items; uint32_t len, cap; }
void och_vec_grow_(void **items, uint32_t *cap, size_t elem_size, uint32_t need);
#define och_vec_push(v, x)                                                      \
    do {                                                                        \
        if ((v)->len == (v)->cap)                                               \
            och_vec_grow_((void **)&(v)->items, &(v)->cap, sizeof(*(v)->items), \
                          (v)->len + 1);                                        \
        (v)->items[(v)->len++] = (x);                                           \
    } while (0)
#define och_vec_reserve(v, n)                                                  \
    do {                                                                       \
        if ((v)->cap < (n))                                                    \
            och_vec_grow_((void **)&(v)->items, &(v)->cap, sizeof(*(v)->items), \
                          (n));                                                \
    } while (0)
#define och_vec_free(v) (och_free((v)->items), (v)->items = NULL, (v)->len = (v)->cap = 0)

// ---------------------------------------------------------------------------
// String builder (always NUL-terminated once anything was appended).
typedef struct OchBuf {
    char *data;
    size_t len, cap;
} OchBuf;

void och_buf_reserve(OchBuf *self, size_t extra);
void och_buf_append(OchBuf *self, const char *s, size_t n);
void och_buf_puts(OchBuf *self, const char *s);
static inline void och_buf_putc(OchBuf *self, char c) {
    if (self->len + 2 > self->cap) och_buf_reserve(self, 1);
    self->data[self->len++] = c;
    self->data[self->len] = 0;
}
void och_buf_printf(OchBuf *self, const char *fmt, ...) OCH_PRINTF(2, 3);
void och_buf_vprintf(OchBuf *self, const char *fmt, va_list ap);
// Appends the code point as UTF-8 (surrogates as WTF-8, 3 bytes).
void och_buf_put_utf8(OchBuf *self, uint32_t cp);
void och_buf_free(OchBuf *self);
// Transfers the data to the caller (free with och_free); self is reset.
char *och_buf_take(OchBuf *self);

// ---------------------------------------------------------------------------
// UTF-8. Source text is UTF-8; string values are WTF-8 (UTF-8 that may also
// encode lone surrogates), since JS strings can hold them.

// Decodes one code point at s (at most `avail` bytes). Returns the number of
// bytes consumed (>= 1) and stores the code point; on an invalid sequence
// stores OCH_UTF8_INVALID and consumes 1 byte. Accepts encoded surrogates
// only when allow_surrogates is set (WTF-8).
#define OCH_UTF8_INVALID 0xFFFFFFFFu
uint32_t och_utf8_decode(const char *s, size_t avail, uint32_t *cp, bool allow_surrogates);
// Encodes cp (<= 0x10FFFF) into out (>= 4 bytes); returns the byte count.
uint32_t och_utf8_encode(char *out, uint32_t cp);

// ---------------------------------------------------------------------------
// Number formatting: the ECMAScript Number::toString(10) of d (shortest
// round-trip digits; "1e+21", "-0" printed as "0", "NaN", "Infinity").
// out needs at least 32 bytes; returns the length written.
uint32_t och_number_to_string(double d, char out[32]);

// ---------------------------------------------------------------------------
// Spans and diagnostics. Positions are byte offsets into the source.
typedef struct OchSpan {
    uint32_t start, end;
} OchSpan;

typedef enum OchSeverity {
    OCH_SEV_ERROR = 1,
    OCH_SEV_WARNING = 2,
    OCH_SEV_INFO = 3,
    OCH_SEV_HINT = 4,
} OchSeverity;

// Stable diagnostic codes. The table lives in parser/diag_codes.h.
typedef enum OchDiagCode {
#define OCH_DIAG(id, code, title) id,
#include "diag_codes.h"
#undef OCH_DIAG
    OCH_DIAG_COUNT
} OchDiagCode;

// Documentation URL of a code: the `## E0012 title` heading of
// docs/diagnostics.md ("...diagnostics.md#e0012-title"). The base is the
// project's planned public home; change OCH_DIAG_DOCS_URL when it moves.
#define OCH_DIAG_DOCS_URL "https://github.com/ochre-js/ochre/blob/main/docs/diagnostics.md"
void och_diag_doc_url(OchDiagCode code, OchBuf *out);

// "E0012" for a code; its short kebab-case title.
const char *och_diag_code_str(OchDiagCode code);
const char *och_diag_code_title(OchDiagCode code);

typedef struct OchRelated {
    OchSpan span;
    const char *message;  // arena-owned
} OchRelated;

typedef struct OchDiag {
    OchDiagCode code;
    OchSeverity severity;
    OchSpan span;
    const char *message;  // arena-owned, complete sentence(s)
    OchRelated *related;  // arena-owned array, may be NULL
    uint32_t nrelated;
} OchDiag;

// A list of diagnostics whose strings live in `arena` (borrowed).
typedef struct OchDiagList {
    OCH_VEC(OchDiag) v;
    OchArena *arena;
} OchDiagList;

// Appends a diagnostic with a printf-formatted message; returns it so that
// related spans can be attached with och_diag_related.
OchDiag *och_diag_add(OchDiagList *self, OchDiagCode code, OchSeverity sev,
                      uint32_t start, uint32_t end, const char *fmt, ...)
    OCH_PRINTF(6, 7);
OchDiag *och_diag_vadd(OchDiagList *self, OchDiagCode code, OchSeverity sev,
                       uint32_t start, uint32_t end, const char *fmt, va_list ap);
void och_diag_related(OchDiagList *self, OchDiag *d, uint32_t start, uint32_t end,
                      const char *fmt, ...) OCH_PRINTF(5, 6);
// Sorts by start offset (stable) so output is in source order.
void och_diag_sort(OchDiagList *self);
void och_diag_list_free(OchDiagList *self);  // frees the vector, not the arena

// ---------------------------------------------------------------------------
// Line index: converts byte offsets to lines and columns. Built once per
// text in O(n); lookups are O(log lines).
typedef struct OchLineIndex {
    const char *text;
    uint32_t len;
    uint32_t *line_starts;  // byte offset of each line start
    uint32_t nlines;
} OchLineIndex;

typedef enum OchColumnUnit {
    OCH_COL_BYTES,
    OCH_COL_UTF16,       // LSP default, acorn offsets
    OCH_COL_CODEPOINTS,  // what humans count
} OchColumnUnit;

typedef struct OchLineCol {
    uint32_t line;    // 0-based
    uint32_t column;  // 0-based, in the requested unit
} OchLineCol;

// Line terminators are LF, CR, CRLF, U+2028 and U+2029, as in JavaScript.
void och_line_index_init(OchLineIndex *self, const char *text, uint32_t len);
void och_line_index_free(OchLineIndex *self);
OchLineCol och_line_index_lookup(const OchLineIndex *self, uint32_t offset, OchColumnUnit unit);
// Inverse of lookup; clamps out-of-range lines/columns to the nearest valid offset.
uint32_t och_line_index_offset(const OchLineIndex *self, OchLineCol lc, OchColumnUnit unit);

#endif
