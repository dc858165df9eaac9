// Source text helpers for lint rules: comments (the parser keeps none, so
// they are found in the text: in a gap between tokens directly, and in the
// whole file by skipping the literal spans the walk collected), blanks and
// line numbers.
#include <stdlib.h>

#include "lint_int.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Length of the JavaScript whitespace or line terminator at p (< end), or 0.
static uint32_t ws_len(const char *p, const char *end) {
    unsigned char c = (unsigned char)*p;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') return 1;
    if (c < 0x80) return 0;
    uint32_t cp;
    uint32_t n = och_utf8_decode(p, (size_t)(end - p), &cp, false);
    switch (cp) {
    case 0xA0: case 0xFEFF: case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F:
    case 0x3000:
        return n;
    default:
        return cp >= 0x2000 && cp <= 0x200A ? n : 0;
    }
}

static bool is_line_term(const char *p, const char *end, uint32_t *n) {
    if (*p == '\n' || *p == '\r') {
        *n = 1;
        return true;
    }
    if ((unsigned char)*p == 0xE2 && end - p >= 3 && (unsigned char)p[1] == 0x80 &&
        ((unsigned char)p[2] == 0xA8 || (unsigned char)p[2] == 0xA9)) {
        *n = 3;
        return true;
    }
    return false;
}

// Reads the comment at p ("//" or "/*"); returns its end offset and reports
// it through fn. *stop is set when fn returned false.
static uint32_t read_comment(AnLint *L, uint32_t p, uint32_t limit, AnCommentFn fn, void *ctx,
                             bool *stop) {
    const char *s = L->src, *end = L->src + limit;
    bool block = s[p + 1] == '*';
    uint32_t q = p + 2, body_end;
    if (block) {
        const char *e = NULL;
        for (const char *t = s + q; t + 1 < end; t++)
            if (t[0] == '*' && t[1] == '/') {
                e = t;
                break;
            }
        body_end = e ? (uint32_t)(e - s) : limit;
        q = e ? body_end + 2 : limit;
    } else {
        uint32_t n;
        while (q < limit && !is_line_term(s + q, end, &n)) q++;
        body_end = q;
    }
    if (fn && !fn(L, p, q, s + p + 2, body_end - (p + 2), block, ctx)) *stop = true;
    return q;
}

bool an_lint_comments_in_gap(AnLint *L, uint32_t start, uint32_t end, AnCommentFn fn, void *ctx) {
    const char *s = L->src;
    uint32_t p = start;
    while (p < end) {
        uint32_t w = ws_len(s + p, s + end);
        if (w) {
            p += w;
            continue;
        }
        if (s[p] == '/' && p + 1 < end && (s[p + 1] == '/' || s[p + 1] == '*')) {
            bool stop = false;
            p = read_comment(L, p, end, fn, ctx, &stop);
            if (stop) return false;
            continue;
        }
        return false;
    }
    return true;
}

bool an_lint_blank(const AnLint *L, uint32_t start, uint32_t end) {
    const char *s = L->src;
    for (uint32_t p = start; p < end;) {
        uint32_t w = ws_len(s + p, s + end);
        if (!w) return false;
        p += w;
    }
    return true;
}

static int cmp_span(const void *a, const void *b) {
    const OchSpan *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static void sort_literals(AnLint *L) {
    OchSpan *lit = L->literals.items;
    uint32_t nlit = L->literals.len;
    for (uint32_t i = 1; i < nlit; i++)
        if (lit[i].start < lit[i - 1].start) {
            qsort(lit, nlit, sizeof *lit, cmp_span);
            return;
        }
}

// Whether off lies inside a string, template, regexp or JSX text.
static bool in_literal(const AnLint *L, uint32_t off) {
    const OchSpan *lit = L->literals.items;
    uint32_t lo = 0, hi = L->literals.len;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (lit[mid].end <= off) lo = mid + 1;
        else hi = mid;
    }
    return lo < L->literals.len && lit[lo].start <= off;
}

void an_lint_scan_directives(AnLint *L) {
    static const char *const words[] = {"global", "eslint-env", "exported"};
    const char *s = L->src, *end = L->src + L->len;
    // Every `/*` (found through its '/', which memchr finds fast) whose
    // text starts with one of the words after blanks.
    for (const char *p = s; p < end && (p = memchr(p, '/', (size_t)(end - p))); p++) {
        if (p + 1 >= end || p[1] != '*') continue;
        const char *q = p + 2;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')) q++;
        bool hit = false;
        for (size_t w = 0; w < sizeof words / sizeof words[0] && !hit; w++) {
            size_t wl = strlen(words[w]);
            hit = (size_t)(end - q) >= wl && memcmp(q, words[w], wl) == 0;
        }
        if (hit) och_vec_push(&L->directives, (uint32_t)(p - s));
    }
    if (L->directives.len) L->collect_literals = true;
}

void an_lint_directive_comments(AnLint *L, AnCommentFn fn, void *ctx) {
    if (!L->directives.len) return;
    const char *s = L->src;
    sort_literals(L);
    uint32_t done = 0;  // end of the last comment read
    for (uint32_t i = 0; i < L->directives.len; i++) {
        uint32_t start = L->directives.items[i];
        if (start < done || in_literal(L, start)) continue;
        // Not inside a line comment that starts earlier on the line.
        const char *p = s + start, *ls = p;
        while (ls > s && ls[-1] != '\n' && ls[-1] != '\r') ls--;
        if (p > ls && memmem(ls, (size_t)(p - ls), "//", 2)) continue;
        bool stop = false;
        done = read_comment(L, start, L->len, fn, ctx, &stop);
        if (stop) return;
    }
}

void an_lint_comments_all(AnLint *L, AnCommentFn fn, void *ctx) {
    const char *s = L->src;
    uint32_t len = L->len;
    OchSpan *lit = L->literals.items;
    uint32_t nlit = L->literals.len, k = 0;
    sort_literals(L);
    uint32_t p = 0;
    if (len >= 2 && s[0] == '#' && s[1] == '!') {
        uint32_t n;
        while (p < len && !is_line_term(s + p, s + len, &n)) p++;
    }
    while (p < len) {
        const char *slash = memchr(s + p, '/', len - p);
        if (!slash) return;
        p = (uint32_t)(slash - s);
        while (k < nlit && lit[k].end <= p) k++;
        if (k < nlit && lit[k].start <= p) {
            p = lit[k].end;
            continue;
        }
        if (p + 1 < len && (s[p + 1] == '/' || s[p + 1] == '*')) {
            bool stop = false;
            p = read_comment(L, p, len, fn, ctx, &stop);
            if (stop) return;
        } else {
            p++;
        }
    }
}

uint32_t an_lint_newlines(const AnLint *L, uint32_t start, uint32_t end) {
    const char *s = L->src;
    uint32_t n = 0;
    for (uint32_t p = start; p < end; p++) {
        if (s[p] == '\n') n++;
        else if (s[p] == '\r') n += p + 1 >= end || s[p + 1] != '\n';
        else if ((unsigned char)s[p] == 0xE2 && p + 2 < end && (unsigned char)s[p + 1] == 0x80 &&
                 ((unsigned char)s[p + 2] == 0xA8 || (unsigned char)s[p + 2] == 0xA9))
            n++;
    }
    return n;
}

// ---------------------------------------------------------------------------
// no-irregular-whitespace: whitespace other than space, tab and the line
// terminators LF/CR, anywhere outside string literals (by default).

bool an_opts_no_irregular_whitespace(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"skipComments", "skipStrings", "skipTemplates",
                                       "skipRegExps", "skipJSXText", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "skipComments", &L->o.ws_skip_comments, err) &&
           an_opts_bool(o, "skipStrings", &L->o.ws_skip_strings, err) &&
           an_opts_bool(o, "skipTemplates", &L->o.ws_skip_templates, err) &&
           an_opts_bool(o, "skipRegExps", &L->o.ws_skip_regexps, err) &&
           an_opts_bool(o, "skipJSXText", &L->o.ws_skip_jsx_text, err);
}

// Length of the irregular whitespace at p (0 if none); *lt set for
// U+2028/U+2029 (irregular line terminators).
static uint32_t irregular_at(const char *p, const char *end, bool *lt) {
    unsigned char c = (unsigned char)*p;
    *lt = false;
    if (c == 0x0B || c == 0x0C) return 1;
    if (c < 0xC2) return 0;
    uint32_t cp;
    uint32_t n = och_utf8_decode(p, (size_t)(end - p), &cp, false);
    switch (cp) {
    case 0x85: case 0xFEFF: case 0xA0: case 0x1680: case 0x180E: case 0x202F: case 0x205F:
    case 0x3000:
        return n;
    case 0x2028: case 0x2029:
        *lt = true;
        return n;
    default:
        return cp >= 0x2000 && cp <= 0x200B ? n : 0;
    }
}

// Whether off lies in one of the sorted spans.
static bool in_spans(const OchSpan *v, uint32_t n, uint32_t off) {
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (v[mid].end <= off) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && v[lo].start <= off;
}

typedef struct WsComment {
    OCH_VEC(OchSpan) spans;
} WsComment;

static bool collect_comment(AnLint *L, uint32_t start, uint32_t end, const char *b, uint32_t n,
                            bool block, void *ctx) {
    (void)L, (void)b, (void)n, (void)block;
    WsComment *c = ctx;
    OchSpan s = {start, end};
    och_vec_push(&c->spans, s);
    return true;
}

// Whether byte c can start irregular whitespace: \v, \f, or the UTF-8 lead
// byte of one of the code points irregular_at accepts (U+0085/U+00A0: C2;
// U+1680/U+180E: E1; U+2000-U+205F: E2; U+3000: E3; U+FEFF: EF).
static inline bool ws_lead(unsigned char c) {
    return c == 0x0B || c == 0x0C || c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 ||
           c == 0xEF;
}

// The first irregular whitespace at or after p, or end. ASCII words
// without \v and \f are skipped eight (or 32) bytes at a time; other
// non-ASCII text byte by byte on its lead bytes, so a file with many
// non-ASCII characters stays linear without decoding each one.
static const char *ws_next(const char *p, const char *end, bool *lt) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    while (p < end) {
#if defined(__SSE2__)
        // 64 bytes per step: a bit per byte that is \v, \f or non-ASCII.
        const __m128i vt = _mm_set1_epi8(0x0B), ff = _mm_set1_epi8(0x0C);
        while (end - p >= 64) {
            int m = 0;
            for (int k = 0; k < 4; k++) {
                __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * k));
                m |= _mm_movemask_epi8(_mm_or_si128(
                    x, _mm_or_si128(_mm_cmpeq_epi8(x, vt), _mm_cmpeq_epi8(x, ff))));
            }
            if (m) break;
            p += 64;
        }
#endif
        if (end - p >= 32) {
            uint64_t w[4], acc = 0;
            memcpy(w, p, 32);
            for (int k = 0; k < 4; k++) {
                uint64_t v = w[k] ^ (ones * 0x0B), f = w[k] ^ (ones * 0x0C);
                acc |= (w[k] & highs) | ((v - ones) & ~v & highs) | ((f - ones) & ~f & highs);
            }
            if (!acc) {
                p += 32;
                continue;
            }
        }
        if (end - p >= 8) {
            uint64_t w;
            memcpy(&w, p, 8);
            uint64_t v = w ^ (ones * 0x0B), f = w ^ (ones * 0x0C);
            uint64_t hit = (w & highs) | ((v - ones) & ~v & highs) | ((f - ones) & ~f & highs);
            if (!hit) {
                p += 8;
                continue;
            }
        }
        const char *stop = end - p >= 8 ? p + 8 : end;
        for (; p < stop; p++)
            if (ws_lead((unsigned char)*p) && irregular_at(p, end, lt)) return p;
    }
    return end;
}

void an_lint_irregular_whitespace(AnLint *L) {
    const char *s = L->src, *end = L->src + L->len;
    const char *p = s;
    if (L->len >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        p += 3;  // a byte order mark is not part of the text
    bool lt0;
    const char *first = ws_next(p, end, &lt0);
    if (first == end) return;
    WsComment com = {{0}};
    if (L->o.ws_skip_comments) an_lint_comments_all(L, collect_comment, &com);
    for (const char *q = first; (q = ws_next(q, end, &lt0)) < end;) {
        bool lt;
        uint32_t n = irregular_at(q, end, &lt);
        uint32_t start = (uint32_t)(q - s), stop = start + n;
        if (!lt) {
            // A run on one line is one finding.
            bool lt2;
            uint32_t m;
            while (stop < L->len && (m = irregular_at(s + stop, end, &lt2)) && !lt2) stop += m;
        }
        q = s + stop;
        if (L->o.ws_skip_strings && in_spans(L->ws_strings.items, L->ws_strings.len, start)) continue;
        if (L->o.ws_skip_regexps && in_spans(L->ws_regexps.items, L->ws_regexps.len, start)) continue;
        if (L->o.ws_skip_templates && in_spans(L->ws_templates.items, L->ws_templates.len, start))
            continue;
        if (L->o.ws_skip_jsx_text && in_spans(L->ws_jsx.items, L->ws_jsx.len, start)) continue;
        if (L->o.ws_skip_comments && in_spans(com.spans.items, com.spans.len, start)) continue;
        an_lint_report(L, AN_W_NO_IRREGULAR_WHITESPACE, start, lt ? start + n : stop,
                       "Irregular whitespace not allowed: this is not a plain space or line "
                       "break; replace it with a space.");
    }
    och_vec_free(&com.spans);
}
