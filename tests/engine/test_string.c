// String tests: representations, UTF-8/WTF-8 conversion, ropes (deep
// flattening, equality, hashing), substring, comparison, the builder. Each
// behaviour runs normally and in gc_stress mode.
#include <criterion/criterion.h>
#include <stdio.h>

#include "runtime_int.h"

typedef struct SEnv {
    EnRuntime *rt;
    EnContext cx;  // a bare context (no realm)
    EnHandleScope hs;
} SEnv;

static void senv_open(SEnv *e, bool stress) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.gc_stress = stress;
    e->rt = en_runtime_new(&lim);
    memset(&e->cx, 0, sizeof e->cx);
    e->cx.rt = e->rt;
    en_handle_scope_open(&e->cx, &e->hs);
}

static void senv_close(SEnv *e) {
    en_handle_scope_close(&e->hs);
    en_runtime_free(e->rt);
}

static EnString *root(SEnv *e, EnString *s) {
    cr_assert_not_null(s);
    en_handle(&e->cx, en_string_value(s));
    return s;
}

static char *utf8_of(SEnv *e, EnString *s, size_t *len) {
    OchBuf b = {0};
    en_str_to_utf8(&e->cx, s, &b);
    *len = b.len;
    return och_buf_take(&b);
}

#define BOTH_MODES(name)                                            \
    static void name##_body(bool stress);                           \
    Test(string, name) { name##_body(false); }                      \
    Test(string, name##_gc_stress) { name##_body(true); }           \
    static void name##_body(bool stress)

BOTH_MODES(representations_and_preallocated_strings) {
    SEnv e;
    senv_open(&e, stress);
    EnContext *cx = &e.cx;
    EnString *a = root(&e, en_str_from_cstr(cx, "hello"));
    cr_assert(en_str_is_latin1(a));
    cr_assert_eq(en_str_length(a), 5);
    cr_assert_eq(a->u.latin1[5], 0, "Latin-1 data is NUL-terminated");
    EnString *l1 = root(&e, en_str_from_cstr(cx, "caf\xc3\xa9"));  // é fits Latin-1
    cr_assert(en_str_is_latin1(l1));
    cr_assert_eq(en_str_at(l1, 3), 0xE9);
    EnString *u = root(&e, en_str_from_cstr(cx, "\xe2\x82\xac" "1"));  // €1
    cr_assert_not(en_str_is_latin1(u));
    cr_assert_eq(en_str_at(u, 0), 0x20AC);
    cr_assert_eq(en_str_from_cstr(cx, ""), en_str_empty(cx));
    cr_assert_eq(en_str_from_cstr(cx, "x"), en_str_from_unit(cx, 'x'));
    cr_assert_eq(en_str_from_unit(cx, 0xFF), e.rt->unit_strings[0xFF]);
    EnString *w = en_str_from_unit(cx, 0x3A9);
    cr_assert_eq(en_str_length(w), 1);
    cr_assert_eq(en_str_at(w, 0), 0x3A9);
    uint16_t units[3] = {'a', 'b', 0xFF};
    cr_assert(en_str_is_latin1(en_str_from_utf16(cx, units, 3)), "UTF-16 input narrows when it can");
    senv_close(&e);
}

BOTH_MODES(utf8_round_trips_with_lone_surrogates) {
    SEnv e;
    senv_open(&e, stress);
    EnContext *cx = &e.cx;
    // U+1F600 (pair), a lone high surrogate, a lone low surrogate, U+FFFF, NUL.
    uint16_t units[] = {'a', 0xD83D, 0xDE00, 0xD800, 'b', 0xDC00, 0xFFFF, 0, 0xE9};
    size_t n = sizeof units / sizeof *units;
    EnString *s = root(&e, en_str_from_utf16(cx, units, n));
    size_t len;
    char *bytes = utf8_of(&e, s, &len);
    const char expect[] = "a\xF0\x9F\x98\x80\xED\xA0\x80" "b\xED\xB0\x80\xEF\xBF\xBF\0\xC3\xA9";
    cr_assert_eq(len, sizeof expect - 1);
    cr_assert_eq(memcmp(bytes, expect, len), 0);
    EnString *back = root(&e, en_str_from_utf8(cx, bytes, len));
    cr_assert_eq(en_str_length(back), n);
    for (size_t i = 0; i < n; i++) cr_assert_eq(en_str_at(back, (uint32_t)i), units[i]);
    cr_assert(en_str_equal(cx, s, back));
    och_free(bytes);
    // Latin-1 to UTF-8 and back.
    EnString *l = root(&e, en_str_from_cstr(cx, "na\xc3\xafve \xc2\xa0!"));
    bytes = utf8_of(&e, l, &len);
    cr_assert_eq(len, strlen("na\xc3\xafve \xc2\xa0!"));
    cr_assert_eq(memcmp(bytes, "na\xc3\xafve \xc2\xa0!", len), 0);
    och_free(bytes);
    senv_close(&e);
}

BOTH_MODES(invalid_utf8_becomes_replacement_characters) {
    SEnv e;
    senv_open(&e, stress);
    EnContext *cx = &e.cx;
    struct {
        const char *in;
        size_t len;
        uint16_t out[8];
        size_t n;
    } cases[] = {
        {"\x80", 1, {0xFFFD}, 1},                       // stray continuation
        {"a\xC3", 2, {'a', 0xFFFD}, 2},                 // truncated
        {"\xE2\x82" "A", 3, {0xFFFD, 'A'}, 2},          // maximal subpart, resume at A
        {"\xC0\xAF", 2, {0xFFFD, 0xFFFD}, 2},           // overlong lead
        {"\xF4\x90\x80\x80", 4, {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}, 4},  // > U+10FFFF
        {"\xF0\x9F\x98", 3, {0xFFFD}, 1},               // truncated 4-byte
        {"\xFF" "z", 2, {0xFFFD, 'z'}, 2},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        EnString *s = en_str_from_utf8(cx, cases[c].in, cases[c].len);
        cr_assert_eq(en_str_length(s), cases[c].n, "case %zu", c);
        for (size_t i = 0; i < cases[c].n; i++)
            cr_assert_eq(en_str_at(s, (uint32_t)i), cases[c].out[i], "case %zu unit %zu", c, i);
    }
    senv_close(&e);
}

BOTH_MODES(concat_makes_ropes_above_the_threshold) {
    SEnv e;
    senv_open(&e, stress);
    EnContext *cx = &e.cx;
    EnString *a = root(&e, en_str_from_cstr(cx, "short"));
    EnString *b = root(&e, en_str_from_cstr(cx, "er"));
    EnString *ab = root(&e, en_str_concat(cx, a, b));
    cr_assert_not(en_str_is_rope(ab));
    cr_assert(en_str_equal_cstr(cx, ab, "shorter"));
    EnString *long1 = root(&e, en_str_from_cstr(cx, "0123456789abcdefghij"));
    EnString *r = root(&e, en_str_concat(cx, long1, long1));
    cr_assert(en_str_is_rope(r));
    cr_assert_eq(en_str_length(r), 40);
    cr_assert_eq(en_str_concat(cx, r, en_str_empty(cx)), r);
    cr_assert(en_str_equal_cstr(cx, r, "0123456789abcdefghij0123456789abcdefghij"));
    EnString *flat = en_str_flatten(cx, r);
    cr_assert_eq(en_str_flatten(cx, r), flat, "flattening happens once, in place");
    cr_assert(en_str_is_latin1(flat));
    // Mixed widths flatten to UTF-16.
    EnString *wide = root(&e, en_str_from_cstr(cx, "\xe2\x82\xac\xe2\x82\xac\xe2\x82\xac"));
    EnString *m = root(&e, en_str_concat(cx, long1, wide));
    m = root(&e, en_str_concat(cx, m, long1));
    EnString *mf = en_str_flatten(cx, m);
    cr_assert_not(en_str_is_latin1(mf));
    cr_assert_eq(en_str_at(mf, 20), 0x20AC);
    cr_assert_eq(en_str_at(mf, 23), '0');
    senv_close(&e);
}

// Builds a rope of n one-unit pieces; left-deep (s = s + x), right-deep
// (s = x + s) or alternating.
static EnString *build_rope(SEnv *e, uint32_t n, int shape) {
    EnContext *cx = &e->cx;
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *acc = en_handle(cx, en_string_value(root(e, en_str_from_cstr(cx, "0123456789012345678901234"))));
    for (uint32_t i = 0; i < n; i++) {
        EnString *piece = en_str_from_unit(cx, (uint16_t)('a' + i % 26));
        bool left = shape == 0 || (shape == 2 && (i & 1));
        EnString *s = left ? en_str_concat(cx, en_as_string(*acc), piece)
                           : en_str_concat(cx, piece, en_as_string(*acc));
        cr_assert_not_null(s);
        *acc = en_string_value(s);
    }
    EnValue v = en_handle_scope_escape(&hs, *acc);
    return en_as_string(v);
}

BOTH_MODES(deep_ropes_flatten_without_recursion) {
    SEnv e;
    senv_open(&e, stress);
    EnContext *cx = &e.cx;
    for (int shape = 0; shape < 3; shape++) {
        uint32_t n = stress ? 2000 : shape == 0 ? 1000000 : 200000;
        EnString *r = build_rope(&e, n, shape);
        cr_assert(en_str_is_rope(r));
        cr_assert_eq(en_str_length(r), n + 25);
        en_gc_collect(e.rt);  // marking a deep rope uses the mark stack too
        EnString *f = en_str_flatten(cx, r);
        cr_assert_not_null(f);
        cr_assert_eq(en_str_length(f), n + 25);
        if (shape == 0) {
            cr_assert_eq(en_str_at(f, 0), '0');
            cr_assert_eq(en_str_at(f, 25), 'a');
            cr_assert_eq(en_str_at(f, 25 + n - 1), (uint16_t)('a' + (n - 1) % 26));
        } else if (shape == 1) {
            cr_assert_eq(en_str_at(f, 0), (uint16_t)('a' + (n - 1) % 26));
            cr_assert_eq(en_str_at(f, n), '0');
        }
        // Equality and hashing of a rope equal those of the same flat content.
        EnString *copy = root(&e, en_str_from_latin1(cx, f->u.latin1, en_str_length(f)));
        EnString *r2 = build_rope(&e, n, shape);
        cr_assert(en_str_equal(cx, r2, copy));
        cr_assert_eq(en_str_hash(en_str_flatten(cx, r2)), en_str_hash(copy));
        cr_assert_eq(en_str_hash(r2), en_str_hash(copy), "a flattened rope hashes as its content");
        cr_assert_eq(en_str_compare(cx, r, copy), 0);
    }
    senv_close(&e);
}

BOTH_MODES(hash_and_equality_ignore_representation) {
    SEnv e;
    senv_open(&e, stress);
    EnContext *cx = &e.cx;
    EnString *wide = root(&e, en_str_alloc(cx, 5, false));  // UTF-16 holding ASCII
    for (int i = 0; i < 5; i++) en_str_utf16(wide)[i] = (uint16_t)"hello"[i];
    EnString *narrow = root(&e, en_str_from_cstr(cx, "hello"));
    cr_assert(en_str_equal(cx, wide, narrow));
    cr_assert_eq(en_str_hash(wide), en_str_hash(narrow));
    cr_assert_eq(en_str_compare(cx, wide, narrow), 0);
    // Interning a non-canonical UTF-16 string gives the Latin-1 atom.
    EnString *atom = en_atom_intern(cx, wide);
    cr_assert(en_str_is_latin1(atom));
    cr_assert_eq(en_atom_from_cstr(cx, "hello"), atom);
    cr_assert_neq(en_str_hash(narrow), en_str_hash(root(&e, en_str_from_cstr(cx, "hellp"))));
    senv_close(&e);
}

BOTH_MODES(compare_orders_by_code_units) {
    SEnv e;
    senv_open(&e, stress);
    EnContext *cx = &e.cx;
    EnString *a = root(&e, en_str_from_cstr(cx, "abc"));
    EnString *b = root(&e, en_str_from_cstr(cx, "abd"));
    EnString *ab = root(&e, en_str_from_cstr(cx, "ab"));
    EnString *hi = root(&e, en_str_from_cstr(cx, "\xef\xbf\xbd"));            // U+FFFD
    uint16_t astral[2] = {0xD83D, 0xDE00};                                       // U+1F600
    EnString *emoji = root(&e, en_str_from_utf16(cx, astral, 2));
    cr_assert_lt(en_str_compare(cx, a, b), 0);
    cr_assert_gt(en_str_compare(cx, b, a), 0);
    cr_assert_lt(en_str_compare(cx, ab, a), 0);
    cr_assert_eq(en_str_compare(cx, a, a), 0);
    cr_assert_lt(en_str_compare(cx, emoji, hi), 0, "UTF-16 code unit order, not code points");
    cr_assert_lt(en_str_compare(cx, en_str_empty(cx), a), 0);
    senv_close(&e);
}

BOTH_MODES(substring_narrows_and_shares_units) {
    SEnv e;
    senv_open(&e, stress);
    EnContext *cx = &e.cx;
    EnString *s = root(&e, en_str_from_cstr(cx, "abc\xe2\x82\xac" "def"));
    cr_assert_not(en_str_is_latin1(s));
    EnString *x = en_str_substring(cx, s, 4, 7);
    cr_assert(en_str_is_latin1(x), "the ASCII tail of a UTF-16 string is Latin-1");
    cr_assert(en_str_equal_cstr(cx, x, "def"));
    cr_assert_eq(en_str_substring(cx, s, 0, 7), s);
    cr_assert_eq(en_str_substring(cx, s, 2, 2), en_str_empty(cx));
    cr_assert_eq(en_str_substring(cx, s, 1, 2), en_str_from_unit(cx, 'b'));
    EnString *y = en_str_substring(cx, s, 2, 5);
    cr_assert_eq(en_str_at(y, 1), 0x20AC);
    EnString *long1 = root(&e, en_str_from_cstr(cx, "0123456789abcdefghijklmnop"));
    EnString *r = root(&e, en_str_concat(cx, long1, long1));
    cr_assert(en_str_equal_cstr(cx, en_str_substring(cx, r, 24, 28), "op01"));
    senv_close(&e);
}

BOTH_MODES(builder_widens_on_the_first_wide_unit) {
    SEnv e;
    senv_open(&e, stress);
    EnContext *cx = &e.cx;
    EnStrBuilder sb;
    en_sb_init(&sb, cx);
    for (int i = 0; i < 1000; i++) en_sb_ascii(&sb, "ab", 2);
    en_sb_unit(&sb, 0xE9);
    EnString *tail = root(&e, en_str_from_cstr(cx, "\xe2\x82\xac!"));
    en_sb_string(&sb, tail);
    en_sb_ascii(&sb, "z", 1);
    EnString *s = en_sb_finish(&sb);
    cr_assert_not_null(s);
    cr_assert_not(en_str_is_latin1(s));
    cr_assert_eq(en_str_length(s), 2004);
    cr_assert_eq(en_str_at(s, 1999), 'b');
    cr_assert_eq(en_str_at(s, 2000), 0xE9);
    cr_assert_eq(en_str_at(s, 2001), 0x20AC);
    cr_assert_eq(en_str_at(s, 2003), 'z');
    en_sb_init(&sb, cx);
    en_sb_ascii(&sb, "plain", 5);
    EnString *p = en_sb_finish(&sb);
    cr_assert(en_str_is_latin1(p));
    cr_assert(en_str_equal_cstr(cx, p, "plain"));
    en_sb_init(&sb, cx);
    cr_assert_eq(en_sb_finish(&sb), en_str_empty(cx));
    senv_close(&e);
}

// A balanced rope (both children ropes at every level) needs the explicit
// stack of the flattener.
static EnString *balanced(SEnv *e, uint32_t depth, uint32_t *counter) {
    EnContext *cx = &e->cx;
    if (depth == 0) {
        char buf[32];
        snprintf(buf, sizeof buf, "leaf-%08u-xxxxxxxxxxxx", (*counter)++);
        return en_str_from_cstr(cx, buf);
    }
    EnHandleScope hs;
    en_handle_scope_open(cx, &hs);
    EnValue *l = en_handle(cx, en_string_value(balanced(e, depth - 1, counter)));
    EnString *r = balanced(e, depth - 1, counter);
    EnString *s = en_str_concat(cx, en_as_string(*l), r);
    cr_assert_not_null(s);
    return en_as_string(en_handle_scope_escape(&hs, en_string_value(s)));
}

BOTH_MODES(balanced_ropes_flatten_in_order) {
    SEnv e;
    senv_open(&e, stress);
    EnContext *cx = &e.cx;
    uint32_t counter = 0, depth = stress ? 6 : 14;
    EnString *r = balanced(&e, depth, &counter);
    cr_assert(en_str_is_rope(r));
    EnString *f = en_str_flatten(cx, r);
    cr_assert_eq(en_str_length(f), counter * 26);
    for (uint32_t i = 0; i < counter; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "leaf-%08u-xxxxxxxxxxxx", i);
        cr_assert_eq(memcmp(en_str_latin1(f) + i * 26, buf, 26), 0, "leaf %u", i);
    }
    senv_close(&e);
}
