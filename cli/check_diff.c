// Unified diff (see check_diff.h).
//
// Lines are matched with Myers' "middle snake" divide and conquer (An
// O(ND) Difference Algorithm and Its Variations, 1986, section 4b): find
// the middle of a shortest edit path by running it from both ends at once,
// then solve the two halves. The result is a mark per line (removed from a,
// added in b); hunks are cut from the marks.
#include "check_diff.h"

#include <string.h>

typedef struct Line {
    const char *s;
    uint32_t len;   // bytes, including the '\n' when there is one
    uint32_t hash;  // of the bytes, to reject most unequal pairs at once
} Line;

typedef OCH_VEC(Line) LineVec;

typedef struct Diff {
    const Line *a, *b;
    uint8_t *del;  // del[i]: line i of a is removed
    uint8_t *ins;  // ins[j]: line j of b is added
    int32_t *vf;   // furthest x per diagonal k, forward (index k + voff)
    int32_t *vb;   // furthest y per diagonal c, backward (index c + voff)
    int32_t voff;
} Diff;

static void split_lines(const char *s, size_t len, LineVec *out) {
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) + 1 : len;
        uint32_t h = 2166136261u;  // FNV-1a
        for (size_t k = i; k < end; k++) h = (h ^ (uint8_t)s[k]) * 16777619u;
        och_vec_push(out, ((Line){s + i, (uint32_t)(end - i), h}));
        i = end;
    }
}

static bool eq(const Diff *d, int32_t i, int32_t j) {
    const Line *x = &d->a[i], *y = &d->b[j];
    return x->hash == y->hash && x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

typedef struct Snake {
    int32_t x1, y1, x2, y2;
} Snake;

// The middle snake of the box [left, right) x [top, bottom) (both sides
// non-empty and differing at both ends): an edit step plus a diagonal run
// that lies on a shortest edit path, about half way along it.
static bool middle_snake(Diff *d, int32_t left, int32_t top, int32_t right, int32_t bottom, Snake *s) {
    int32_t w = right - left, h = bottom - top, delta = w - h;
    int32_t max = (w + h + 1) / 2;
    int32_t *vf = d->vf + d->voff, *vb = d->vb + d->voff;
    vf[1] = left;
    vb[1] = bottom;
    for (int32_t dd = 0; dd <= max; dd++) {
        // Forward: the furthest-reaching dd-paths from the top left.
        for (int32_t k = dd; k >= -dd; k -= 2) {
            int32_t x, px;
            if (k == -dd || (k != dd && vf[k - 1] < vf[k + 1])) px = x = vf[k + 1];  // down: insertion
            else px = vf[k - 1], x = px + 1;                                         // right: deletion
            int32_t y = top + (x - left) - k;
            int32_t py = (dd == 0 || x != px) ? y : y - 1;
            while (x < right && y < bottom && eq(d, x, y)) x++, y++;
            vf[k] = x;
            int32_t c = k - delta;
            if ((delta & 1) && c >= -(dd - 1) && c <= dd - 1 && y >= vb[c]) {
                *s = (Snake){px, py, x, y};
                return true;
            }
        }
        // Backward: the furthest-reaching dd-paths from the bottom right.
        for (int32_t c = dd; c >= -dd; c -= 2) {
            int32_t y, py;
            if (c == -dd || (c != dd && vb[c - 1] > vb[c + 1])) py = y = vb[c + 1];
            else py = vb[c - 1], y = py - 1;
            int32_t k = c + delta;
            int32_t x = left + (y - top) + k;
            int32_t px = (dd == 0 || y != py) ? x : x + 1;
            while (x > left && y > top && eq(d, x - 1, y - 1)) x--, y--;
            vb[c] = y;
            if (!(delta & 1) && k >= -dd && k <= dd && x <= vf[k]) {
                *s = (Snake){x, y, px, py};
                return true;
            }
        }
    }
    return false;
}

static void mark_all(Diff *d, int32_t left, int32_t top, int32_t right, int32_t bottom) {
    for (int32_t i = left; i < right; i++) d->del[i] = 1;
    for (int32_t j = top; j < bottom; j++) d->ins[j] = 1;
}

static bool box_is(const Snake *s, int32_t l, int32_t t, int32_t r, int32_t b) {
    return s->x1 == l && s->y1 == t && s->x2 == r && s->y2 == b;
}

static void compare(Diff *d, int32_t left, int32_t top, int32_t right, int32_t bottom) {
    while (left < right && top < bottom && eq(d, left, top)) left++, top++;
    while (left < right && top < bottom && eq(d, right - 1, bottom - 1)) right--, bottom--;
    if (left == right || top == bottom) {
        mark_all(d, left, top, right, bottom);
        return;
    }
    Snake s;
    // Each part is strictly smaller than the box for a true middle snake;
    // should one not be, all-removed-then-added is still a correct diff and
    // no recursion can loop.
    if (!middle_snake(d, left, top, right, bottom, &s) || box_is(&s, left, top, right, bottom) ||
        (s.x1 == right && s.y1 == bottom) || (s.x2 == left && s.y2 == top) || s.x1 < left || s.y1 < top ||
        s.x2 > right || s.y2 > bottom || s.x1 > s.x2 || s.y1 > s.y2) {
        mark_all(d, left, top, right, bottom);
        return;
    }
    compare(d, left, top, s.x1, s.y1);
    compare(d, s.x1, s.y1, s.x2, s.y2);
    compare(d, s.x2, s.y2, right, bottom);
}

// A run of changed lines: a[a0, a1) replaced by b[b0, b1).
typedef struct Change {
    int32_t a0, a1, b0, b1;
} Change;

static void put_line(OchBuf *out, char tag, const Line *l) {
    och_buf_putc(out, tag);
    och_buf_append(out, l->s, l->len);
    if (!l->len || l->s[l->len - 1] != '\n') och_buf_puts(out, "\n\\ No newline at end of file\n");
}

// "l,n" of a hunk header: the first line (1-based) and the count; an empty
// range names the line before it, and a count of 1 is left out (as diff -u).
static void put_range(OchBuf *out, int32_t start, int32_t n) {
    if (n == 1) och_buf_printf(out, "%d", start + 1);
    else och_buf_printf(out, "%d,%d", n ? start + 1 : start, n);
}

static void put_hunk(OchBuf *out, const Diff *d, const Change *c, uint32_t n, int32_t na) {
    int32_t ctx_before = c[0].a0 < CHK_DIFF_CONTEXT ? c[0].a0 : CHK_DIFF_CONTEXT;
    int32_t after = na - c[n - 1].a1;
    int32_t ctx_after = after < CHK_DIFF_CONTEXT ? after : CHK_DIFF_CONTEXT;
    int32_t a0 = c[0].a0 - ctx_before, a1 = c[n - 1].a1 + ctx_after;
    int32_t b0 = c[0].b0 - ctx_before, b1 = c[n - 1].b1 + ctx_after;
    och_buf_puts(out, "@@ -");
    put_range(out, a0, a1 - a0);
    och_buf_puts(out, " +");
    put_range(out, b0, b1 - b0);
    och_buf_puts(out, " @@\n");
    int32_t i = a0;
    for (uint32_t k = 0; k < n; k++) {
        for (; i < c[k].a0; i++) put_line(out, ' ', &d->a[i]);
        for (; i < c[k].a1; i++) put_line(out, '-', &d->a[i]);
        for (int32_t j = c[k].b0; j < c[k].b1; j++) put_line(out, '+', &d->b[j]);
    }
    for (; i < a1; i++) put_line(out, ' ', &d->a[i]);
}

void chk_diff_unified(const char *name, const char *a, size_t alen, const char *b, size_t blen, OchBuf *out) {
    if (alen == blen && memcmp(a, b, alen) == 0) return;
    LineVec la = {0}, lb = {0};
    split_lines(a, alen, &la);
    split_lines(b, blen, &lb);
    int32_t na = (int32_t)la.len, nb = (int32_t)lb.len;
    Diff d = {la.items, lb.items, och_calloc((size_t)na + 1, 1), och_calloc((size_t)nb + 1, 1), NULL, NULL, 0};
    int32_t max = (na + nb + 1) / 2;
    d.voff = max + 1;
    d.vf = och_malloc(((size_t)max * 2 + 3) * sizeof *d.vf);
    d.vb = och_malloc(((size_t)max * 2 + 3) * sizeof *d.vb);
    compare(&d, 0, 0, na, nb);

    OCH_VEC(Change) changes = {0};
    for (int32_t i = 0, j = 0; i < na || j < nb;) {
        if (i < na && j < nb && !d.del[i] && !d.ins[j]) {
            i++, j++;
            continue;
        }
        Change c = {i, i, j, j};
        while (c.a1 < na && d.del[c.a1]) c.a1++;
        while (c.b1 < nb && d.ins[c.b1]) c.b1++;
        if (c.a1 == c.a0 && c.b1 == c.b0) c.a1 = na, c.b1 = nb;  // inconsistent marks (a bug): no loop
        och_vec_push(&changes, c);
        i = c.a1, j = c.b1;
    }

    if (changes.len) {
        och_buf_printf(out, "--- a/%s\n+++ b/%s\n", name, name);
        // A hunk takes the following changes while their context would touch.
        uint32_t first = 0;
        for (uint32_t k = 1; k <= changes.len; k++) {
            if (k < changes.len && changes.items[k].a0 - changes.items[k - 1].a1 <= 2 * CHK_DIFF_CONTEXT) continue;
            put_hunk(out, &d, changes.items + first, k - first, na);
            first = k;
        }
    }
    och_vec_free(&changes);
    och_free(d.vf);
    och_free(d.vb);
    och_free(d.del);
    och_free(d.ins);
    och_vec_free(&la);
    och_vec_free(&lb);
}
