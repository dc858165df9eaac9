// Document text: incremental line starts (checked against a full rescan on
// random edits) and offset <-> position conversion in UTF-16 and UTF-8.
#include <criterion/criterion.h>
#include <string.h>

#include "lsp_int.h"

static void assert_lines_match(const LspText *t) {
    OchLineIndex idx;
    och_line_index_init(&idx, t->data, t->len);
    cr_assert_eq(t->lines.len, idx.nlines, "line count %u vs %u", t->lines.len, idx.nlines);
    for (uint32_t i = 0; i < idx.nlines; i++)
        cr_assert_eq(t->lines.items[i], idx.line_starts[i], "line %u", i);
    och_line_index_free(&idx);
}

Test(text, random_edits_keep_line_starts_exact) {
    static const char *pieces[] = {"\n", "\r", "\r\n", "a", "bc", "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2",
                                   "\x80", "x\ny", "\n\n", "\r\r\n", "😀", ""};
    unsigned seed = 7;
    LspText t;
    cr_assert_eq(lsp_text_init(&t, "start\r\nof\rtext\n", 16), OCH_OK);
    for (int i = 0; i < 20000; i++) {
        seed = seed * 1103515245u + 12345u;
        uint32_t a = t.len ? (seed >> 8) % (t.len + 1) : 0;
        seed = seed * 1103515245u + 12345u;
        uint32_t b = a + ((seed >> 8) % 4);
        if (b > t.len) b = t.len;
        seed = seed * 1103515245u + 12345u;
        const char *p = pieces[(seed >> 8) % (sizeof pieces / sizeof pieces[0])];
        if (t.len > 4000) b = t.len;  // keep it small
        cr_assert_eq(lsp_text_replace(&t, a, b, p, strlen(p)), OCH_OK);
        assert_lines_match(&t);
    }
    lsp_text_free(&t);
}

Test(text, positions_utf16_and_utf8) {
    LspText t;
    const char *s = "a\xc3\xa9\xf0\x9f\x98\x80z\nline2\r\nx";  // aé😀z
    cr_assert_eq(lsp_text_init(&t, s, strlen(s)), OCH_OK);
    LspPos p = lsp_text_pos(&t, 7, LSP_ENC_UTF16);  // before z
    cr_assert_eq(p.line, 0);
    cr_assert_eq(p.character, 4);
    p = lsp_text_pos(&t, 7, LSP_ENC_UTF8);
    cr_assert_eq(p.character, 7);
    cr_assert_eq(lsp_text_offset(&t, (LspPos){0, 4}, LSP_ENC_UTF16), 7);
    cr_assert_eq(lsp_text_offset(&t, (LspPos){0, 3}, LSP_ENC_UTF16), 3, "inside the pair: before it");
    cr_assert_eq(lsp_text_offset(&t, (LspPos){0, 2}, LSP_ENC_UTF8), 1, "inside é: its first byte");
    cr_assert_eq(lsp_text_offset(&t, (LspPos){0, 99}, LSP_ENC_UTF16), 8, "clamped before the LF");
    cr_assert_eq(lsp_text_offset(&t, (LspPos){1, 99}, LSP_ENC_UTF16), 14, "clamped before the CRLF");
    cr_assert_eq(lsp_text_offset(&t, (LspPos){9, 0}, LSP_ENC_UTF16), t.len, "past the last line");
    p = lsp_text_pos(&t, 1000, LSP_ENC_UTF16);
    cr_assert_eq(p.line, 2);
    cr_assert_eq(p.character, 1);
    lsp_text_free(&t);
}

Test(text, long_lines_use_checkpoints) {
    // 300 KB on one line with astral characters: the checkpoint path must
    // agree with a direct count.
    size_t n = 0;
    char *s = malloc(400000);
    for (int i = 0; n < 300000; i++) {
        const char *piece = (i % 3 == 0) ? "\xf0\x9f\x98\x80" : (i % 3 == 1) ? "\xc3\xa9" : "ab";
        memcpy(s + n, piece, strlen(piece));
        n += strlen(piece);
    }
    LspText t;
    cr_assert_eq(lsp_text_init(&t, s, n), OCH_OK);
    for (uint32_t off = 0; off < n; off += 9973) {
        LspPos p = lsp_text_pos(&t, off, LSP_ENC_UTF16);
        cr_assert_eq(p.character, lsp_text_units(&t, 0, off), "offset %u", off);
        uint32_t back = lsp_text_offset(&t, p, LSP_ENC_UTF16);
        // off may cut a character, which then counts whole: back is at most
        // one character away.
        cr_assert_leq(back, off + 4);
        cr_assert_geq(back + 4, off);
    }
    lsp_text_free(&t);
    free(s);
}

Test(text, uri_paths_and_extensions) {
    char *p = lsp_uri_to_path("file:///home/me/My%20Project/a%23b.mjs");
    cr_assert_str_eq(p, "/home/me/My Project/a#b.mjs");
    och_free(p);
    p = lsp_uri_to_path("file://localhost/x.js");
    cr_assert_str_eq(p, "/x.js");
    och_free(p);
    cr_assert_null(lsp_uri_to_path("untitled:Untitled-1"));
    cr_assert_null(lsp_uri_to_path("file:///bad%zz"));
    cr_assert_null(lsp_uri_to_path("file:///nul%00byte"));
    cr_assert_null(lsp_uri_to_path("file://server/share/x.js"));
    char ext[8];
    lsp_uri_extension("file:///a/b.MJS?x=1#f", ext, sizeof ext);
    cr_assert_str_eq(ext, "mjs");
    lsp_uri_extension("file:///a.dir/b", ext, sizeof ext);
    cr_assert_str_eq(ext, "");
}
