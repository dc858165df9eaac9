// Regexp case folding (Canonicalize) and character-set arithmetic for the
// compiler: union, intersection, subtraction, complement and closure under
// case equivalence, over sorted code point ranges. The case tables are
// generated from Debian's unicode-data by tools/gen_regexp_tables.py.
#include <stdlib.h>
#include <string.h>

#include "regexp_int.h"
#include "unicode.h"

#include "regexp_unicode_generated.h"

#define NCANON (sizeof re_canon_nonu / sizeof re_canon_nonu[0])
#define NORBIT_NONU (sizeof re_orbit_nonu / sizeof re_orbit_nonu[0])
#define NORBIT_U (sizeof re_orbit_u / sizeof re_orbit_u[0])

uint32_t en_re_canonicalize(uint32_t ch, bool unicode) {
    if (unicode) {
        if (ch < 0x41) return ch;
        if (ch <= 0x7A) return ch <= 0x5A ? ch + 0x20 : ch;
        return ps_unicode_simple_fold(ch);
    }
    if (ch < 0x61) return ch;
    if (ch <= 0x7A) return ch - 0x20;
    if (ch > 0xFFFF) return ch;
    size_t lo = 0, hi = NCANON;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (re_canon_nonu[mid][0] < ch)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < NCANON && re_canon_nonu[lo][0] == ch ? re_canon_nonu[lo][1] : ch;
}

void en_re_set_add(EnReSet *s, uint32_t lo, uint32_t hi) {
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->r = och_realloc(s->r, sizeof(uint32_t) * 2 * s->cap);
    }
    s->r[2 * s->n] = lo;
    s->r[2 * s->n + 1] = hi;
    s->n++;
}

static int range_cmp(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

void en_re_set_normalize(EnReSet *s) {
    if (s->n < 2) return;
    qsort(s->r, s->n, sizeof(uint32_t) * 2, range_cmp);
    uint32_t w = 0;
    for (uint32_t i = 1; i < s->n; i++) {
        uint32_t lo = s->r[2 * i], hi = s->r[2 * i + 1];
        if (lo <= s->r[2 * w + 1] + 1) {
            if (hi > s->r[2 * w + 1]) s->r[2 * w + 1] = hi;
        } else {
            w++;
            s->r[2 * w] = lo;
            s->r[2 * w + 1] = hi;
        }
    }
    s->n = w + 1;
}

void en_re_set_union(EnReSet *s, const EnReSet *b) {
    for (uint32_t i = 0; i < b->n; i++) en_re_set_add(s, b->r[2 * i], b->r[2 * i + 1]);
    en_re_set_normalize(s);
}

void en_re_set_intersect(EnReSet *s, const EnReSet *b) {
    EnReSet out = {0};
    uint32_t i = 0, j = 0;
    while (i < s->n && j < b->n) {
        uint32_t lo = s->r[2 * i] > b->r[2 * j] ? s->r[2 * i] : b->r[2 * j];
        uint32_t hi = s->r[2 * i + 1] < b->r[2 * j + 1] ? s->r[2 * i + 1] : b->r[2 * j + 1];
        if (lo <= hi) en_re_set_add(&out, lo, hi);
        if (s->r[2 * i + 1] < b->r[2 * j + 1])
            i++;
        else
            j++;
    }
    och_free(s->r);
    *s = out;
}

void en_re_set_invert(EnReSet *s, uint32_t max) {
    EnReSet out = {0};
    uint32_t next = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        if (s->r[2 * i] > next) en_re_set_add(&out, next, s->r[2 * i] - 1);
        next = s->r[2 * i + 1] + 1;
    }
    if (next <= max) en_re_set_add(&out, next, max);
    och_free(s->r);
    *s = out;
}

void en_re_set_subtract(EnReSet *s, const EnReSet *b) {
    EnReSet nb = {0};
    en_re_set_union(&nb, b);
    en_re_set_invert(&nb, 0x10FFFF);
    en_re_set_intersect(s, &nb);
    en_re_set_free(&nb);
}

bool en_re_set_has(const EnReSet *s, uint32_t c) {
    uint32_t lo = 0, hi = s->n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (s->r[2 * mid + 1] < c)
            lo = mid + 1;
        else if (s->r[2 * mid] > c)
            hi = mid;
        else
            return true;
    }
    return false;
}

void en_re_set_case_close(EnReSet *s, bool unicode) {
    EnReSet add = {0};
    if (unicode) {
        for (size_t i = 0; i < NORBIT_U; i++)
            if (en_re_set_has(s, re_orbit_u[i][0]))
                en_re_set_add(&add, re_orbit_u[i][1], re_orbit_u[i][1]);
    } else {
        for (size_t i = 0; i < NORBIT_NONU; i++)
            if (en_re_set_has(s, re_orbit_nonu[i][0]))
                en_re_set_add(&add, re_orbit_nonu[i][1], re_orbit_nonu[i][1]);
    }
    // Each member's successor in its ring was added; rings are closed, so
    // repeating until nothing new appears covers whole orbits (rings are
    // short: at most a few members).
    while (add.n) {
        EnReSet fresh = {0};
        for (uint32_t i = 0; i < add.n; i++) {
            uint32_t c = add.r[2 * i];
            if (en_re_set_has(s, c)) continue;
            en_re_set_add(&fresh, c, c);
        }
        en_re_set_union(s, &fresh);
        en_re_set_free(&add);
        if (!fresh.n) break;
        // successors of the fresh members
        for (uint32_t i = 0; i < fresh.n; i++) {
            uint32_t c = fresh.r[2 * i];
            if (unicode) {
                size_t lo = 0, hi = NORBIT_U;
                while (lo < hi) {
                    size_t mid = (lo + hi) / 2;
                    if (re_orbit_u[mid][0] < c) lo = mid + 1; else hi = mid;
                }
                if (lo < NORBIT_U && re_orbit_u[lo][0] == c) en_re_set_add(&add, re_orbit_u[lo][1], re_orbit_u[lo][1]);
            } else {
                size_t lo = 0, hi = NORBIT_NONU;
                while (lo < hi) {
                    size_t mid = (lo + hi) / 2;
                    if (re_orbit_nonu[mid][0] < c) lo = mid + 1; else hi = mid;
                }
                if (lo < NORBIT_NONU && re_orbit_nonu[lo][0] == c)
                    en_re_set_add(&add, re_orbit_nonu[lo][1], re_orbit_nonu[lo][1]);
            }
        }
        en_re_set_free(&fresh);
    }
    en_re_set_free(&add);
}

void en_re_set_free(EnReSet *s) {
    och_free(s->r);
    s->r = NULL;
    s->n = s->cap = 0;
}
