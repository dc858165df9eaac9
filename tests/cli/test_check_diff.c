// Unit tests of the unified diff of `ochre check --fix-dry-run`
// (cli/check_diff.c): exact output on small cases, and on random texts that
// applying the hunks to the old text gives the new one and that the script
// is a shortest one (its size against a dynamic-programming LCS).
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "check_diff.h"

static char *diff_of(const char *a, const char *b) {
    OchBuf out = {0};
    chk_diff_unified("f.js", a, strlen(a), b, strlen(b), &out);
    return out.data ? och_buf_take(&out) : NULL;
}

static void expect_diff(const char *a, const char *b, const char *want) {
    char *got = diff_of(a, b);
    cr_expect_str_eq(got ? got : "", want);
    och_free(got);
}

Test(diff, equal_texts_give_nothing) {
    char *got = diff_of("a\nb\n", "a\nb\n");
    cr_expect_null(got);
    och_free(got);
}

Test(diff, one_changed_line_with_context) {
    expect_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
                "--- a/f.js\n+++ b/f.js\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

Test(diff, near_changes_share_a_hunk_far_ones_do_not) {
    // Lines 2 and 8 changed: 5 lines apart, context 3 + 3 touches: one hunk.
    expect_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\nB\n3\n4\n5\n6\n7\nH\n9\n",
                "--- a/f.js\n+++ b/f.js\n@@ -1,9 +1,9 @@\n 1\n-2\n+B\n 3\n 4\n 5\n 6\n 7\n-8\n+H\n 9\n");
    // Lines 1 and 9 of 9: 7 lines apart: two hunks.
    expect_diff("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "A\n2\n3\n4\n5\n6\n7\n8\nI\n",
                "--- a/f.js\n+++ b/f.js\n@@ -1,4 +1,4 @@\n-1\n+A\n 2\n 3\n 4\n@@ -6,4 +6,4 @@\n 6\n 7\n 8\n-9\n+I\n");
}

Test(diff, insertion_and_removal_ranges) {
    expect_diff("", "x\n", "--- a/f.js\n+++ b/f.js\n@@ -0,0 +1 @@\n+x\n");
    expect_diff("x\n", "", "--- a/f.js\n+++ b/f.js\n@@ -1 +0,0 @@\n-x\n");
    expect_diff("a\nb\n", "a\nx\nb\n", "--- a/f.js\n+++ b/f.js\n@@ -1,2 +1,3 @@\n a\n+x\n b\n");
}

Test(diff, missing_final_newline_is_marked) {
    expect_diff("a\nb", "a\nc",
                "--- a/f.js\n+++ b/f.js\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
                "\\ No newline at end of file\n");
    expect_diff("a\nb", "a\nb\n",
                "--- a/f.js\n+++ b/f.js\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

// --- random texts ---------------------------------------------------------------

typedef OCH_VEC(char *) Lines;

static void split(const char *s, Lines *out) {
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
        och_vec_push(out, och_strndup(s, n));
        s += n;
    }
}

static void free_lines(Lines *l) {
    for (uint32_t i = 0; i < l->len; i++) och_free(l->items[i]);
    och_vec_free(l);
}

// Applies a unified diff to a (checking that context and removed lines
// match); returns the new text.
static char *apply(const char *a, const char *diff) {
    Lines al = {0}, dl = {0};
    split(a, &al);
    split(diff, &dl);
    OchBuf out = {0};
    och_buf_puts(&out, "");
    uint32_t ai = 0;
    cr_assert(dl.len >= 2 && strncmp(dl.items[0], "--- a/", 6) == 0 && strncmp(dl.items[1], "+++ b/", 6) == 0);
    for (uint32_t k = 2; k < dl.len;) {
        int a0, an = 1, b0, bn = 1;
        const char *h = dl.items[k];
        cr_assert(strncmp(h, "@@ -", 4) == 0, "not a hunk header: %s", h);
        const char *p = h + 4;
        a0 = (int)strtol(p, (char **)&p, 10);
        if (*p == ',') an = (int)strtol(p + 1, (char **)&p, 10);
        cr_assert(strncmp(p, " +", 2) == 0);
        b0 = (int)strtol(p + 2, (char **)&p, 10);
        if (*p == ',') bn = (int)strtol(p + 1, (char **)&p, 10);
        (void)b0;
        uint32_t start = (uint32_t)(an ? a0 - 1 : a0);
        cr_assert(start >= ai);
        for (; ai < start; ai++) och_buf_puts(&out, al.items[ai]);
        int seen_a = 0, seen_b = 0;
        for (k++; k < dl.len && dl.items[k][0] != '@'; k++) {
            char tag = dl.items[k][0];
            const char *text = dl.items[k] + 1;
            bool no_nl = k + 1 < dl.len && dl.items[k + 1][0] == '\\';
            size_t tn = strlen(text) - (no_nl ? 1 : 0);
            if (tag == '\\') continue;
            if (tag == ' ' || tag == '-') {
                cr_assert(ai < al.len && strlen(al.items[ai]) == tn && memcmp(al.items[ai], text, tn) == 0,
                          "context or removed line does not match at line %u", ai + 1);
                ai++;
                seen_a++;
            }
            if (tag == ' ' || tag == '+') {
                och_buf_append(&out, text, tn);
                seen_b++;
            }
        }
        cr_assert_eq(seen_a, an);
        cr_assert_eq(seen_b, bn);
    }
    for (; ai < al.len; ai++) och_buf_puts(&out, al.items[ai]);
    free_lines(&al);
    free_lines(&dl);
    return och_buf_take(&out);
}

static uint32_t lcs(const Lines *a, const Lines *b) {
    uint32_t *row = och_calloc(b->len + 1, sizeof *row);
    for (uint32_t i = 1; i <= a->len; i++) {
        uint32_t diag = 0;
        for (uint32_t j = 1; j <= b->len; j++) {
            uint32_t up = row[j];
            row[j] = strcmp(a->items[i - 1], b->items[j - 1]) == 0 ? diag + 1 : (up > row[j - 1] ? up : row[j - 1]);
            diag = up;
        }
    }
    uint32_t r = row[b->len];
    och_free(row);
    return r;
}

static char *random_text(unsigned *seed, int nlines, int alphabet) {
    OchBuf b = {0};
    och_buf_puts(&b, "");
    for (int i = 0; i < nlines; i++) {
        och_buf_printf(&b, "l%d", rand_r(seed) % alphabet);
        if (i + 1 < nlines || rand_r(seed) % 4) och_buf_putc(&b, '\n');
    }
    return och_buf_take(&b);
}

Test(diff, random_texts_patch_back_with_a_shortest_script) {
    unsigned seed = 12345;
    for (int round = 0; round < 3000; round++) {
        int alphabet = 2 + round % 7;
        char *a = random_text(&seed, rand_r(&seed) % 40, alphabet);
        char *b = random_text(&seed, rand_r(&seed) % 40, alphabet);
        char *d = diff_of(a, b);
        if (!d) {
            cr_assert_str_eq(a, b);
        } else {
            char *back = apply(a, d);
            cr_assert_str_eq(back, b, "round %d:\n--a\n%s\n--b\n%s\n--diff\n%s", round, a, b, d);
            och_free(back);
            Lines al = {0}, bl = {0}, dl = {0};
            split(a, &al);
            split(b, &bl);
            split(d, &dl);
            uint32_t edits = 0;
            for (uint32_t k = 2; k < dl.len; k++) edits += dl.items[k][0] == '-' || dl.items[k][0] == '+';
            cr_assert_eq(edits, al.len + bl.len - 2 * lcs(&al, &bl), "round %d: not a shortest script", round);
            free_lines(&al);
            free_lines(&bl);
            free_lines(&dl);
        }
        och_free(a);
        och_free(b);
        och_free(d);
    }
}
