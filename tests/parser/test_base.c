// Base layer: arena, vectors, string builder, UTF-8, line index, number
// formatting (expected strings are what node prints for String(x)).
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "base.h"

// --- arena --------------------------------------------------------------------

Test(base, arena_allocations_are_aligned_and_distinct) {
    OchArena a;
    och_arena_init(&a);
    char *prev = NULL;
    for (int i = 1; i < 2000; i++) {
        char *p = och_arena_alloc(&a, (size_t)(i % 37) + 1);
        cr_assert_eq((uintptr_t)p % 8, 0);
        cr_assert_neq(p, prev);
        memset(p, 0xAB, (size_t)(i % 37) + 1);  // ASan checks the size
        prev = p;
    }
    cr_assert_gt(a.total, 0);
    cr_assert_geq(a.reserved, a.total);
    och_arena_free(&a);
    cr_assert_null(a.chunks);
}

Test(base, arena_serves_requests_larger_than_a_chunk) {
    OchArena a;
    och_arena_init(&a);
    char *small = och_arena_alloc(&a, 16);
    char *big = och_arena_alloc(&a, 1u << 20);
    memset(big, 1, 1u << 20);
    char *after = och_arena_alloc(&a, 16);
    memset(small, 2, 16);
    memset(after, 3, 16);
    cr_assert_eq(big[(1u << 20) - 1], 1);
    och_arena_free(&a);
}

Test(base, arena_strndup_and_memdup_copy) {
    OchArena a;
    och_arena_init(&a);
    char *s = och_arena_strndup(&a, "hello world", 5);
    cr_assert_str_eq(s, "hello");
    int v[3] = {1, 2, 3};
    int *c = och_arena_memdup(&a, v, sizeof v);
    cr_assert_eq(c[2], 3);
    cr_assert_not_null(och_arena_memdup(&a, v, 0));
    och_arena_free(&a);
}

// --- vectors and buffers ------------------------------------------------------

Test(base, vec_push_grows_and_keeps_items) {
    OCH_VEC(uint32_t) v = {0};
    for (uint32_t i = 0; i < 10000; i++) och_vec_push(&v, i * 3);
    cr_assert_eq(v.len, 10000);
    cr_assert_geq(v.cap, v.len);
    for (uint32_t i = 0; i < 10000; i++) cr_assert_eq(v.items[i], i * 3);
    och_vec_reserve(&v, 50000);
    cr_assert_geq(v.cap, 50000);
    cr_assert_eq(v.items[9999], 9999 * 3);
    och_vec_free(&v);
    cr_assert_null(v.items);
    cr_assert_eq(v.len, 0);
}

Test(base, buf_appends_and_stays_nul_terminated) {
    OchBuf b = {0};
    och_buf_puts(&b, "abc");
    och_buf_putc(&b, 'd');
    och_buf_append(&b, "efgh", 2);
    och_buf_printf(&b, "-%d-%s", 42, "x");
    cr_assert_str_eq(b.data, "abcdef-42-x");
    cr_assert_eq(b.len, strlen("abcdef-42-x"));
    for (int i = 0; i < 1000; i++) och_buf_printf(&b, "%04d", i);
    cr_assert_eq(b.len, 11 + 4000);
    cr_assert_eq(b.data[b.len], 0);
    char *taken = och_buf_take(&b);
    cr_assert_null(b.data);
    cr_assert_eq(strncmp(taken, "abcdef-42-x0000", 15), 0);
    och_free(taken);
    och_buf_free(&b);
}

Test(base, buf_take_of_empty_buffer_is_empty_string) {
    OchBuf b = {0};
    char *s = och_buf_take(&b);
    cr_assert_str_eq(s, "");
    och_free(s);
}

Test(base, buf_put_utf8_encodes_surrogates_as_wtf8) {
    OchBuf b = {0};
    och_buf_put_utf8(&b, 'A');
    och_buf_put_utf8(&b, 0xE9);
    och_buf_put_utf8(&b, 0x20AC);
    och_buf_put_utf8(&b, 0x1F600);
    och_buf_put_utf8(&b, 0xD800);
    cr_assert_eq(b.len, 1 + 2 + 3 + 4 + 3);
    cr_assert_eq(memcmp(b.data, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xED\xA0\x80", b.len), 0);
    och_buf_free(&b);
}

// --- UTF-8 --------------------------------------------------------------------

static uint32_t decode1(const char *s, size_t n, uint32_t *cp, bool wtf8) {
    return och_utf8_decode(s, n, cp, wtf8);
}

Test(base, utf8_decodes_every_length) {
    uint32_t cp;
    cr_assert_eq(decode1("A", 1, &cp, false), 1);
    cr_assert_eq(cp, 'A');
    cr_assert_eq(decode1("\xC3\xA9", 2, &cp, false), 2);
    cr_assert_eq(cp, 0xE9);
    cr_assert_eq(decode1("\xE4\xB8\xAD", 3, &cp, false), 3);
    cr_assert_eq(cp, 0x4E2D);
    cr_assert_eq(decode1("\xF0\x9F\x98\x80", 4, &cp, false), 4);
    cr_assert_eq(cp, 0x1F600);
    cr_assert_eq(decode1("\xF4\x8F\xBF\xBF", 4, &cp, false), 4);
    cr_assert_eq(cp, 0x10FFFF);
}

Test(base, utf8_rejects_invalid_sequences_one_byte_at_a_time) {
    static const struct {
        const char *s;
        size_t n;
    } bad[] = {
        {"\x80", 1},              // lone continuation
        {"\xBF", 1},
        {"\xC0\x80", 2},          // overlong NUL
        {"\xC1\xBF", 2},          // overlong
        {"\xE0\x80\x80", 3},      // overlong 3-byte
        {"\xF0\x80\x80\x80", 4},  // overlong 4-byte
        {"\xF4\x90\x80\x80", 4},  // > U+10FFFF
        {"\xF5\x80\x80\x80", 4},
        {"\xFF", 1},
        {"\xC3", 1},              // truncated by the end
        {"\xE4\xB8", 2},
        {"\xC3\x41", 2},          // bad continuation
        {"\xE4\x41\xAD", 3},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint32_t cp = 0;
        cr_assert_eq(decode1(bad[i].s, bad[i].n, &cp, true), 1, "case %zu", i);
        cr_assert_eq(cp, OCH_UTF8_INVALID, "case %zu", i);
    }
    uint32_t cp = 0;
    cr_assert_eq(och_utf8_decode("", 0, &cp, false), 1);
    cr_assert_eq(cp, OCH_UTF8_INVALID);
}

Test(base, utf8_surrogates_only_in_wtf8_mode) {
    uint32_t cp;
    cr_assert_eq(decode1("\xED\xA0\x80", 3, &cp, false), 1);
    cr_assert_eq(cp, OCH_UTF8_INVALID);
    cr_assert_eq(decode1("\xED\xA0\x80", 3, &cp, true), 3);
    cr_assert_eq(cp, 0xD800);
    cr_assert_eq(decode1("\xED\xBF\xBF", 3, &cp, true), 3);
    cr_assert_eq(cp, 0xDFFF);
    cr_assert_eq(decode1("\xED\x9F\xBF", 3, &cp, false), 3);  // U+D7FF is fine
    cr_assert_eq(cp, 0xD7FF);
}

Test(base, utf8_encode_round_trips) {
    static const uint32_t cps[] = {0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDFFF,
                                   0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    static const uint32_t lens[] = {1, 1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        char buf[4];
        uint32_t n = och_utf8_encode(buf, cps[i]);
        cr_assert_eq(n, lens[i], "U+%X", cps[i]);
        uint32_t cp;
        cr_assert_eq(och_utf8_decode(buf, n, &cp, true), n);
        cr_assert_eq(cp, cps[i]);
    }
}

// --- line index ---------------------------------------------------------------

static OchLineCol lc(uint32_t line, uint32_t col) { return (OchLineCol){line, col}; }

Test(base, line_index_splits_on_every_js_line_terminator) {
    // LF, CRLF, CR, U+2028, U+2029
    const char *t = "a\nb\r\nc\rd\xE2\x80\xA8" "e\xE2\x80\xA9" "f";
    OchLineIndex li;
    och_line_index_init(&li, t, (uint32_t)strlen(t));
    cr_assert_eq(li.nlines, 6);
    uint32_t starts[] = {0, 2, 5, 7, 11, 15};
    for (int i = 0; i < 6; i++) cr_assert_eq(li.line_starts[i], starts[i], "line %d", i);
    OchLineCol p = och_line_index_lookup(&li, 15, OCH_COL_UTF16);
    cr_assert_eq(p.line, 5);
    cr_assert_eq(p.column, 0);
    // The CR of a CRLF belongs to the line it ends.
    p = och_line_index_lookup(&li, 3, OCH_COL_BYTES);
    cr_assert_eq(p.line, 1);
    cr_assert_eq(p.column, 1);
    och_line_index_free(&li);
}

Test(base, line_index_columns_in_each_unit) {
    // x = "é中😀"; y   (é: 2 bytes, 中: 3 bytes, 😀: 4 bytes / 2 UTF-16 units)
    const char *t = "\nx = \"\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\"; y";
    OchLineIndex li;
    och_line_index_init(&li, t, (uint32_t)strlen(t));
    uint32_t y = (uint32_t)(strchr(t, 'y') - t);
    OchLineCol b = och_line_index_lookup(&li, y, OCH_COL_BYTES);
    OchLineCol u = och_line_index_lookup(&li, y, OCH_COL_UTF16);
    OchLineCol c = och_line_index_lookup(&li, y, OCH_COL_CODEPOINTS);
    cr_assert_eq(b.line, 1);
    cr_assert_eq(b.column, 5 + 2 + 3 + 4 + 3);
    cr_assert_eq(u.column, 5 + 1 + 1 + 2 + 3);
    cr_assert_eq(c.column, 5 + 1 + 1 + 1 + 3);
    och_line_index_free(&li);
}

Test(base, line_index_offsets_round_trip) {
    const char *t = "let a = 1;\r\n\t\"\xF0\x9F\x98\x80\xE4\xB8\xAD\" + b\xE2\x80\xA8z\n\nend";
    uint32_t len = (uint32_t)strlen(t);
    OchLineIndex li;
    och_line_index_init(&li, t, len);
    OchColumnUnit units[] = {OCH_COL_BYTES, OCH_COL_UTF16, OCH_COL_CODEPOINTS};
    for (uint32_t off = 0; off <= len; off++) {
        // Only offsets at code point boundaries round-trip.
        if (off < len && ((unsigned char)t[off] & 0xC0) == 0x80) continue;
        for (int k = 0; k < 3; k++) {
            OchLineCol p = och_line_index_lookup(&li, off, units[k]);
            uint32_t back = och_line_index_offset(&li, p, units[k]);
            // A line terminator's second byte maps back to the terminator.
            if (off > 0 && t[off] == '\n' && t[off - 1] == '\r') continue;
            cr_assert_eq(back, off, "offset %u unit %d", off, k);
        }
    }
    och_line_index_free(&li);
}

Test(base, line_index_offset_clamps_out_of_range_positions) {
    const char *t = "ab\ncd\xF0\x9F\x98\x80x";
    OchLineIndex li;
    och_line_index_init(&li, t, (uint32_t)strlen(t));
    cr_assert_eq(och_line_index_offset(&li, lc(0, 99), OCH_COL_UTF16), 2);  // end of line 0
    cr_assert_eq(och_line_index_offset(&li, lc(7, 0), OCH_COL_UTF16), li.len);
    // Column 3 is the middle of the surrogate pair: stays before the emoji.
    cr_assert_eq(och_line_index_offset(&li, lc(1, 3), OCH_COL_UTF16), 5);
    cr_assert_eq(och_line_index_offset(&li, lc(1, 4), OCH_COL_UTF16), 9);
    och_line_index_free(&li);
}

Test(base, line_index_of_empty_text_has_one_line) {
    OchLineIndex li;
    och_line_index_init(&li, "", 0);
    cr_assert_eq(li.nlines, 1);
    OchLineCol p = och_line_index_lookup(&li, 0, OCH_COL_UTF16);
    cr_assert_eq(p.line, 0);
    cr_assert_eq(p.column, 0);
    och_line_index_free(&li);
}

// --- numbers ------------------------------------------------------------------

static void expect_number(double d, const char *want) {
    char out[32];
    uint32_t n = och_number_to_string(d, out);
    cr_assert_str_eq(out, want, "%.17g", d);
    cr_assert_eq(n, strlen(want));
}

Test(base, number_to_string_matches_javascript) {
    expect_number(0, "0");
    expect_number(-0.0, "0");
    expect_number(NAN, "NaN");
    expect_number(INFINITY, "Infinity");
    expect_number(-INFINITY, "-Infinity");
    expect_number(100, "100");
    expect_number(-1.5, "-1.5");
    expect_number(0.1, "0.1");
    expect_number(0.1 + 0.2, "0.30000000000000004");
    expect_number(1.0 / 3, "0.3333333333333333");
    expect_number(4.35, "4.35");
    expect_number(5e-324, "5e-324");
    expect_number(1.5e-323, "1.5e-323");
    expect_number(1.7976931348623157e308, "1.7976931348623157e+308");
    expect_number(123456789012345680000.0, "123456789012345680000");
    expect_number(1e20, "100000000000000000000");
    expect_number(1e21, "1e+21");
    expect_number(9.999999999999999e22, "1e+23");
    expect_number(1e100, "1e+100");
    expect_number(9007199254740992.0, "9007199254740992");
    expect_number(4294967296.5, "4294967296.5");
    expect_number(0.000001, "0.000001");
    expect_number(0.000001234, "0.000001234");
    expect_number(2.5e-6, "0.0000025");
    expect_number(1e-7, "1e-7");
    expect_number(5e-7, "5e-7");
    expect_number(123e-20, "1.23e-18");
    expect_number(1.2345678901234567e-7, "1.2345678901234566e-7");
}
