// Compiler-style rendering of diagnostics, in the layout of GCC and Clang:
//
//   file.js:3:14: error[E0102]: expected `)` after the condition
//       3 | if (a > b {
//         |           ^
//     note: file.js:3:4: the `(` is here
//       3 | if (a > b {
//         |    ^
//
// Columns in the location are 1-based code points (a tab counts one). In
// the displayed line tabs expand to 4-column stops and East Asian wide
// characters take two columns, so that the carets sit under the text in a
// terminal. Control characters and invalid UTF-8 display as U+FFFD (never
// raw: a source file must not be able to send escape sequences to the
// terminal). Lines wider than MAX_WIDTH are shown through a window around
// the range, with `…` where text was cut.
#include "parser.h"

#include <string.h>

#define TAB_STOP 4
#define MAX_WIDTH 100    // widest displayed source text
#define LEAD_CONTEXT 40  // columns kept before the range in a window

#define ANSI_RESET "\x1b[0m"
#define ANSI_BOLD "\x1b[1m"
#define ANSI_RED "\x1b[1;31m"
#define ANSI_YELLOW "\x1b[1;33m"
#define ANSI_CYAN "\x1b[1;36m"

static const char REPLACEMENT[] = "\xEF\xBF\xBD";  // U+FFFD
static const char ELLIPSIS[] = "\xE2\x80\xA6";     // U+2026

// Terminal width of a code point: 2 for East Asian Wide/Fullwidth ranges and
// emoji, 1 otherwise. Approximate (no combining marks), but it keeps carets
// aligned for CJK text and common emoji.
static uint32_t cp_width(uint32_t cp) {
    if (cp < 0x1100) return 1;
    if ((cp <= 0x115F) ||                    // Hangul Jamo
        (cp >= 0x2E80 && cp <= 0x303E) ||    // CJK radicals, punctuation
        (cp >= 0x3041 && cp <= 0x33FF) ||    // kana, CJK compatibility
        (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
        (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
        (cp >= 0xA000 && cp <= 0xA4CF) ||    // Yi
        (cp >= 0xAC00 && cp <= 0xD7A3) ||    // Hangul syllables
        (cp >= 0xF900 && cp <= 0xFAFF) ||    // CJK compatibility ideographs
        (cp >= 0xFE30 && cp <= 0xFE4F) ||    // CJK compatibility forms
        (cp >= 0xFF00 && cp <= 0xFF60) ||    // fullwidth forms
        (cp >= 0xFFE0 && cp <= 0xFFE6) ||
        (cp >= 0x1F300 && cp <= 0x1F64F) ||  // pictographs, emoticons
        (cp >= 0x1F900 && cp <= 0x1F9FF) ||  // supplemental pictographs
        (cp >= 0x20000 && cp <= 0x3FFFD))    // CJK extensions B..
        return 2;
    return 1;
}

// One displayed character of a source line.
typedef struct Cell {
    uint32_t cp;     // code point, or OCH_UTF8_INVALID
    uint32_t bytes;  // bytes consumed in the source
    uint32_t width;  // display columns
} Cell;

static Cell next_cell(const char *s, uint32_t avail, uint32_t col) {
    Cell c;
    c.bytes = och_utf8_decode(s, avail, &c.cp, false);
    if (c.cp == '\t') c.width = TAB_STOP - col % TAB_STOP;
    else if (c.cp == OCH_UTF8_INVALID || c.cp < 0x20 || (c.cp >= 0x7F && c.cp < 0xA0)) c.width = 1;
    else c.width = cp_width(c.cp);
    return c;
}

// Display column of byte offset `off` within line[0..n).
static uint32_t display_col(const char *line, uint32_t n, uint32_t off) {
    uint32_t col = 0, i = 0;
    while (i < off && i < n) {
        Cell c = next_cell(line + i, n - i, col);
        col += c.width;
        i += c.bytes;
    }
    return col;
}

// Writes the columns [from, to) of the line.
static void put_columns(OchBuf *out, const char *line, uint32_t n, uint32_t from, uint32_t to) {
    uint32_t col = 0, i = 0;
    while (i < n && col < to) {
        Cell c = next_cell(line + i, n - i, col);
        uint32_t end = col + c.width;
        if (end > from) {
            bool whole = col >= from && end <= to;
            if (c.cp == '\t' || !whole) {
                // Tabs, and characters cut by the window edge, become spaces.
                uint32_t a = col > from ? col : from, b = end < to ? end : to;
                for (uint32_t k = a; k < b; k++) och_buf_putc(out, ' ');
            } else if (c.cp == OCH_UTF8_INVALID || c.cp < 0x20 || (c.cp >= 0x7F && c.cp < 0xA0)) {
                och_buf_append(out, REPLACEMENT, 3);
            } else {
                och_buf_append(out, line + i, c.bytes);
            }
        }
        col = end;
        i += c.bytes;
    }
}

static void put_spaces(OchBuf *out, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) och_buf_putc(out, ' ');
}

static uint32_t digits(uint32_t v) {
    uint32_t d = 1;
    while (v >= 10) v /= 10, d++;
    return d;
}

// Byte range of line `line` without its terminator.
static void line_bounds(const OchLineIndex *li, uint32_t line, uint32_t *start, uint32_t *end) {
    uint32_t s = li->line_starts[line];
    uint32_t e = line + 1 < li->nlines ? li->line_starts[line + 1] : li->len;
    const unsigned char *t = (const unsigned char *)li->text;
    if (e > s && t[e - 1] == '\n') e--;
    if (e > s && t[e - 1] == '\r') e--;
    if (e >= s + 3 && t[e - 3] == 0xE2 && t[e - 2] == 0x80 && (t[e - 1] == 0xA8 || t[e - 1] == 0xA9)) e -= 3;
    *start = s;
    *end = e;
}

// The source line of span and its caret underline, behind a gutter of
// `gutter` columns holding the 1-based line number.
static void put_snippet(OchBuf *out, const OchLineIndex *li, OchSpan span, uint32_t gutter,
                        const char *color) {
    uint32_t len = li->len;
    uint32_t start = span.start < len ? span.start : len;
    uint32_t end = span.end < start ? start : (span.end < len ? span.end : len);
    uint32_t line = och_line_index_lookup(li, start, OCH_COL_BYTES).line;
    uint32_t ls, le;
    line_bounds(li, line, &ls, &le);
    const char *text = li->text + ls;
    uint32_t n = le - ls;
    // A range running past the line is underlined to the line's end.
    uint32_t c0 = display_col(text, n, start - ls < n ? start - ls : n);
    uint32_t c1 = end - ls < n ? display_col(text, n, end - ls) : display_col(text, n, n);
    if (c1 <= c0) c1 = c0 + 1;  // zero-width: one caret
    uint32_t total = display_col(text, n, n);

    uint32_t from = 0, to = total;
    if (total > MAX_WIDTH) {
        from = c0 > LEAD_CONTEXT ? c0 - LEAD_CONTEXT : 0;
        to = from + MAX_WIDTH;
        if (to > total) {
            to = total;
            from = total > MAX_WIDTH ? total - MAX_WIDTH : 0;
            if (from > c0) from = c0;
        }
    }
    bool cut_left = from > 0, cut_right = to < total;

    och_buf_printf(out, " %*u | ", (int)gutter, line + 1);
    if (cut_left) och_buf_append(out, ELLIPSIS, 3);
    put_columns(out, text, n, from, to);
    if (cut_right) och_buf_append(out, ELLIPSIS, 3);
    och_buf_putc(out, '\n');

    put_spaces(out, gutter + 1);
    och_buf_puts(out, " | ");
    put_spaces(out, c0 - from + (cut_left ? 1 : 0));
    uint32_t carets = (c1 < to + 1 ? c1 : to + 1) - c0;  // +1: a caret may sit at the end
    if (carets == 0) carets = 1;
    if (color) och_buf_puts(out, color);
    for (uint32_t i = 0; i < carets; i++) och_buf_putc(out, '^');
    if (color) och_buf_puts(out, ANSI_RESET);
    och_buf_putc(out, '\n');
}

static OchLineCol location(const OchLineIndex *li, uint32_t off) {
    OchLineCol lc = och_line_index_lookup(li, off, OCH_COL_CODEPOINTS);
    lc.line++;
    lc.column++;
    return lc;
}

void ps_diag_render(const OchDiag *d, const char *filename, const char *src, uint32_t len,
                    const OchLineIndex *lines, bool color, OchBuf *out) {
    OchLineIndex own;
    if (!lines) {
        och_line_index_init(&own, src, len);
        lines = &own;
    }
    const char *label, *sev_color;
    switch (d->severity) {
    case OCH_SEV_ERROR: label = "error", sev_color = ANSI_RED; break;
    case OCH_SEV_WARNING: label = "warning", sev_color = ANSI_YELLOW; break;
    case OCH_SEV_INFO: label = "info", sev_color = ANSI_CYAN; break;
    default: label = "hint", sev_color = ANSI_CYAN; break;
    }

    // One gutter width for the whole diagnostic, so the bars line up.
    OchLineCol at = location(lines, d->span.start);
    uint32_t max_line = at.line;
    for (uint32_t i = 0; i < d->nrelated; i++) {
        uint32_t l = location(lines, d->related[i].span.start).line;
        if (l > max_line) max_line = l;
    }
    uint32_t gutter = digits(max_line) > 4 ? digits(max_line) : 4;

    if (color) och_buf_puts(out, ANSI_BOLD);
    och_buf_printf(out, "%s:%u:%u: ", filename, at.line, at.column);
    if (color) och_buf_printf(out, ANSI_RESET "%s", sev_color);
    och_buf_printf(out, "%s[%s]:", label, och_diag_code_str(d->code));
    if (color) och_buf_puts(out, ANSI_RESET ANSI_BOLD);
    och_buf_printf(out, " %s", d->message ? d->message : "");
    if (color) och_buf_puts(out, ANSI_RESET);
    och_buf_putc(out, '\n');
    put_snippet(out, lines, d->span, gutter, color ? sev_color : NULL);

    for (uint32_t i = 0; i < d->nrelated; i++) {
        const OchRelated *r = &d->related[i];
        OchLineCol rl = location(lines, r->span.start);
        och_buf_puts(out, "  ");
        if (color) och_buf_puts(out, ANSI_CYAN);
        och_buf_puts(out, "note:");
        if (color) och_buf_puts(out, ANSI_RESET);
        och_buf_printf(out, " %s:%u:%u: %s\n", filename, rl.line, rl.column, r->message ? r->message : "");
        put_snippet(out, lines, r->span, gutter, color ? ANSI_CYAN : NULL);
    }
    if (lines == &own) och_line_index_free(&own);
}
