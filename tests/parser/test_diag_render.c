// Compiler-style diagnostic rendering: exact text, including tabs,
// multi-byte characters, windows over long lines and colors.
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"

typedef struct Case {
    OchArena arena;
    OchDiagList diags;
    const char *src;
    uint32_t len;
} Case;

static Case c;

static OchDiag *diag(const char *src, OchSeverity sev, uint32_t start, uint32_t end, const char *msg) {
    memset(&c, 0, sizeof c);
    och_arena_init(&c.arena);
    c.diags.arena = &c.arena;
    c.src = src;
    c.len = (uint32_t)strlen(src);
    return och_diag_add(&c.diags, PS_E_UNEXPECTED_TOKEN, sev, start, end, "%s", msg);
}

static void expect_render(const OchDiag *d, bool color, const char *want) {
    OchLineIndex li;
    och_line_index_init(&li, c.src, c.len);
    OchBuf out = {0};
    ps_diag_render(d, "t.js", c.src, c.len, &li, color, &out);
    cr_assert_str_eq(out.data, want);
    // Without a line index the renderer builds its own.
    OchBuf again = {0};
    ps_diag_render(d, "t.js", c.src, c.len, NULL, color, &again);
    cr_assert_str_eq(again.data, want);
    och_buf_free(&again);
    och_buf_free(&out);
    och_line_index_free(&li);
    och_diag_list_free(&c.diags);
    och_arena_free(&c.arena);
}

Test(diag_render, zero_width_range_gets_one_caret) {
    OchDiag *d = diag("let x = (1;\n", OCH_SEV_ERROR, 10, 10, "expected `)`");
    expect_render(d, false,
                  "t.js:1:11: error[E0100]: expected `)`\n"
                  "    1 | let x = (1;\n"
                  "      |           ^\n");
}

Test(diag_render, related_locations_print_as_notes) {
    const char *src = "function f() {\n  if (a {\n}\n";
    OchDiag *d = diag(src, OCH_SEV_ERROR, 23, 24, "expected `)` before `{`");
    och_diag_related(&c.diags, d, 20, 21, "the `(` opened here");
    expect_render(d, false,
                  "t.js:2:9: error[E0100]: expected `)` before `{`\n"
                  "    2 |   if (a {\n"
                  "      |         ^\n"
                  "  note: t.js:2:6: the `(` opened here\n"
                  "    2 |   if (a {\n"
                  "      |      ^\n");
}

Test(diag_render, tabs_expand_to_four_columns_and_carets_follow) {
    // Column 7 counts each tab as one code point; the display expands them.
    const char *src = "if (a) {\n\tfoo(\tbar, 1)\n}\n";
    OchDiag *d = diag(src, OCH_SEV_ERROR, 15, 18, "`bar` is not defined");
    expect_render(d, false,
                  "t.js:2:7: error[E0100]: `bar` is not defined\n"
                  "    2 |     foo(    bar, 1)\n"
                  "      |             ^^^\n");
}

Test(diag_render, columns_count_code_points_and_wide_characters_take_two_cells) {
    // x = "中文" + 😀 + y;    y is byte 23, code point 16
    const char *src = "x = \"\xE4\xB8\xAD\xE6\x96\x87\" + \xF0\x9F\x98\x80 + y;\n";
    uint32_t y = (uint32_t)(strchr(src, 'y') - src);
    OchDiag *d = diag(src, OCH_SEV_WARNING, y, y + 1, "unused");
    expect_render(d, false,
                  "t.js:1:16: warning[E0100]: unused\n"
                  "    1 | x = \"\xE4\xB8\xAD\xE6\x96\x87\" + \xF0\x9F\x98\x80 + y;\n"
                  "      |                   ^\n");
}

Test(diag_render, multi_line_range_underlines_to_end_of_first_line) {
    const char *src = "call(a,\n  b";
    OchDiag *d = diag(src, OCH_SEV_ERROR, 4, 11, "unclosed call");
    expect_render(d, false,
                  "t.js:1:5: error[E0100]: unclosed call\n"
                  "    1 | call(a,\n"
                  "      |     ^^^\n");
}

Test(diag_render, invalid_utf8_and_control_characters_print_replacement) {
    const char *src = "a\xFF\x1b[31mb = 1";
    OchDiag *d = diag(src, OCH_SEV_ERROR, 1, 2, "invalid UTF-8");
    expect_render(d, false,
                  "t.js:1:2: error[E0100]: invalid UTF-8\n"
                  "    1 | a\xEF\xBF\xBD\xEF\xBF\xBD[31mb = 1\n"
                  "      |  ^\n");
}

Test(diag_render, long_lines_are_windowed_around_the_range) {
    char src[301];
    memset(src, 'x', 300);
    src[300] = 0;
    memcpy(src + 200, "ERR", 3);
    OchDiag *d = diag(src, OCH_SEV_ERROR, 200, 203, "here");
    char want[512];
    char xs40[41], xs57[58];
    memset(xs40, 'x', 40), xs40[40] = 0;
    memset(xs57, 'x', 57), xs57[57] = 0;
    // 40 columns of context before the range, 100 shown, `…` on both cuts.
    snprintf(want, sizeof want,
             "t.js:1:201: error[E0100]: here\n"
             "    1 | \xE2\x80\xA6%sERR%s\xE2\x80\xA6\n"
             "      | %*s^^^\n",
             xs40, xs57, 41, "");
    expect_render(d, false, want);
}

Test(diag_render, error_at_end_of_file_after_crlf) {
    OchDiag *d = diag("a\r\nb", OCH_SEV_ERROR, 4, 4, "unexpected end of file");
    expect_render(d, false,
                  "t.js:2:2: error[E0100]: unexpected end of file\n"
                  "    2 | b\n"
                  "      |  ^\n");
}

Test(diag_render, gutter_widens_for_large_line_numbers) {
    OchBuf src = {0};
    for (int i = 0; i < 123456; i++) och_buf_putc(&src, '\n');
    och_buf_puts(&src, "oops");
    OchDiag *d = diag(src.data, OCH_SEV_ERROR, 123456, 123460, "bad");
    expect_render(d, false,
                  "t.js:123457:1: error[E0100]: bad\n"
                  " 123457 | oops\n"
                  "        | ^^^^\n");
    och_buf_free(&src);
}

Test(diag_render, colors_mark_severity_and_notes) {
    OchDiag *d = diag("a b", OCH_SEV_ERROR, 2, 3, "unexpected identifier");
    och_diag_related(&c.diags, d, 0, 1, "after this");
    expect_render(d, true,
                  "\x1b[1mt.js:1:3: \x1b[0m\x1b[1;31merror[E0100]:\x1b[0m\x1b[1m unexpected identifier\x1b[0m\n"
                  "    1 | a b\n"
                  "      |   \x1b[1;31m^\x1b[0m\n"
                  "  \x1b[1;36mnote:\x1b[0m t.js:1:1: after this\n"
                  "    1 | a b\n"
                  "      | \x1b[1;36m^\x1b[0m\n");
}

Test(diag_render, warnings_are_yellow) {
    OchDiag *d = diag("x", OCH_SEV_WARNING, 0, 1, "w");
    expect_render(d, true,
                  "\x1b[1mt.js:1:1: \x1b[0m\x1b[1;33mwarning[E0100]:\x1b[0m\x1b[1m w\x1b[0m\n"
                  "    1 | x\n"
                  "      | \x1b[1;33m^\x1b[0m\n");
}
