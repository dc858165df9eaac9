// Diagnostic fixtures: tests/fixtures/diagnostics/Ennnn*.{js,mjs,jsx} with
// caret lines, and their Ennnn*.fixed.{js,mjs,jsx} counterparts.
//
// A caret line is `//`, spaces, one or more `^`, then a code:
//     let x = 08;
//     //      ^^ E0011
// The carets mark a range on the nearest line above that is not itself a
// caret line (so several caret lines may stack under one line of code). The
// range runs from the first to the last caret inclusive; columns count code
// points of that line. A single caret also matches a zero-width diagnostic
// at its column (inserted-token errors). The bad file, parsed in tolerant
// mode, must report a diagnostic with that code and exactly that range; the
// fixed file must report no diagnostic of any code the bad file expects.
// Goal: `.mjs`, or a first line `// module`, selects the module goal; `.jsx`
// turns on JSX.
//
// Every code of the table (parser/diag_codes.h) needs a fixture pair and a
// `## Ennnn` section in docs/diagnostics.md or docs/diagnostics/*.md; codes
// retired as "reserved-..." are exempt. Codes outside the parser's ranges
// (E0500+ analyzer, W lints) are checked by their component's tests, so
// only their fixtures' existence is checked here.
//
// Paths are relative to the repository root, where `make` runs the tests.
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

#define FIXTURE_DIR "tests/fixtures/diagnostics"

typedef struct Expect {
    char code[8];
    uint32_t start, end;  // byte range in the file
    uint32_t line;        // 1-based line of the caret line (for messages)
} Expect;

typedef struct Fixture {
    char *name;        // file name, e.g. "E0011.js"
    char *fixed_name;  // "E0011.fixed.js"
} Fixture;

// Sorted list of bad fixtures (names starting with E or W, extension .js,
// .mjs or .jsx, not *.fixed.*).
static Fixture *list_fixtures(size_t *count) {
    *count = 0;
    DIR *d = opendir(FIXTURE_DIR);
    if (!d) return NULL;
    Fixture *v = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *name = e->d_name;
        if (name[0] != 'E' && name[0] != 'W') continue;
        const char *dot = strrchr(name, '.');
        if (!dot || (strcmp(dot, ".js") && strcmp(dot, ".mjs") && strcmp(dot, ".jsx"))) continue;
        if (strstr(name, ".fixed.")) continue;
        v = realloc(v, (n + 1) * sizeof *v);
        size_t stem = (size_t)(dot - name);
        v[n].name = strdup(name);
        v[n].fixed_name = malloc(strlen(name) + 8);
        sprintf(v[n].fixed_name, "%.*s.fixed%s", (int)stem, name, dot);
        n++;
    }
    closedir(d);
    for (size_t i = 1; i < n; i++)  // insertion sort: a few hundred names
        for (size_t j = i; j > 0 && strcmp(v[j - 1].name, v[j].name) > 0; j--) {
            Fixture t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    *count = n;
    return v;
}

static void free_fixtures(Fixture *v, size_t n) {
    for (size_t i = 0; i < n; i++) {
        free(v[i].name);
        free(v[i].fixed_name);
    }
    free(v);
}

static char *read_fixture(const char *name, size_t *len) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", FIXTURE_DIR, name);
    char *src = NULL;
    if (ps_source_read_file(path, &src, len) != OCH_OK) return NULL;
    return src;
}

// Is the line [a, b) a caret line? On success fills the caret columns
// (bytes from the line start) and the code.
static bool caret_line(const char *a, const char *b, uint32_t *first, uint32_t *last,
                       char code[8]) {
    const char *p = a;
    while (p < b && (*p == ' ' || *p == '\t')) p++;
    if (b - p < 2 || p[0] != '/' || p[1] != '/') return false;
    p += 2;
    while (p < b && *p == ' ') p++;
    if (p >= b || *p != '^') return false;
    *first = (uint32_t)(p - a);
    while (p < b && *p == '^') p++;
    *last = (uint32_t)(p - a - 1);
    while (p < b && *p == ' ') p++;
    size_t n = 0;
    while (p + n < b && n < 7 && ((p[n] >= 'A' && p[n] <= 'Z') || (p[n] >= '0' && p[n] <= '9')))
        n++;
    if (n != 5 || (p[0] != 'E' && p[0] != 'W')) return false;
    memcpy(code, p, n);
    code[n] = 0;
    return true;
}

// Byte offset of code-point column `col` in the line starting at `line`
// (ending at `end`); past the end it continues one byte per column.
static uint32_t column_to_offset(const char *line, const char *end, uint32_t col) {
    const char *p = line;
    for (uint32_t c = 0; c < col; c++) {
        if (p >= end) {
            p += col - c;
            break;
        }
        uint32_t cp;
        p += och_utf8_decode(p, (size_t)(end - p), &cp, false);
    }
    return (uint32_t)(p - line);
}

// Collects the expectations of a bad fixture.
static size_t parse_expectations(const char *src, size_t len, Expect *out, size_t cap) {
    size_t n = 0;
    const char *prev_code_line = NULL, *prev_code_end = NULL;
    for (const char *line = src; line < src + len;) {
        const char *end = memchr(line, '\n', (size_t)(src + len - line));
        if (!end) end = src + len;
        const char *content_end = end > line && end[-1] == '\r' ? end - 1 : end;
        uint32_t first, last;
        char code[8];
        if (caret_line(line, content_end, &first, &last, code)) {
            if (prev_code_line && n < cap) {
                uint32_t base = (uint32_t)(prev_code_line - src);
                Expect *e = &out[n++];
                memcpy(e->code, code, sizeof e->code);
                e->start = base + column_to_offset(prev_code_line, prev_code_end, first);
                e->end = base + column_to_offset(prev_code_line, prev_code_end, last + 1);
                uint32_t lineno = 1;
                for (const char *q = src; q < line; q++) lineno += *q == '\n';
                e->line = lineno;
            }
        } else {
            prev_code_line = line;
            prev_code_end = content_end;
        }
        line = end + 1;
    }
    return n;
}

static PsParse *parse_fixture(const char *name, const char *src, size_t len) {
    PsOptions opts;
    ps_options_default(&opts);
    opts.tolerant = true;
    const char *dot = strrchr(name, '.');
    if ((dot && strcmp(dot, ".mjs") == 0) || strncmp(src, "// module", 9) == 0)
        opts.goal = PS_GOAL_MODULE;
    if (dot && strcmp(dot, ".jsx") == 0) opts.jsx = true;
    return ps_parse(src, len, &opts);
}

// Codes of the lexer, parser and regexp ranges (E0001-E0499): the ones a
// parse can produce.
static bool parser_code(const char *code) {
    return code[0] == 'E' && atoi(code + 1) < 500;
}

static void describe_diags(const PsParse *p, char *out, size_t cap) {
    size_t used = 0;
    out[0] = 0;
    for (uint32_t i = 0; i < p->diags.v.len && used + 40 < cap; i++) {
        const OchDiag *d = &p->diags.v.items[i];
        used += (size_t)snprintf(out + used, cap - used, "%s%s [%u,%u)", i ? ", " : "",
                                 och_diag_code_str(d->code), d->span.start, d->span.end);
    }
    if (!p->diags.v.len) snprintf(out, cap, "none");
}

Test(diag_fixtures, bad_fixtures_report_their_code_at_the_carets) {
    size_t n;
    Fixture *fx = list_fixtures(&n);
    size_t checked = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        char *src = read_fixture(fx[i].name, &len);
        cr_expect(src != NULL, "%s: cannot read", fx[i].name);
        if (!src) continue;
        Expect ex[64];
        size_t nex = parse_expectations(src, len, ex, 64);
        cr_expect(nex > 0, "%s: no caret line (`//   ^^^ Ennnn`) found", fx[i].name);
        PsParse *p = parse_fixture(fx[i].name, src, len);
        for (size_t k = 0; k < nex; k++) {
            if (!parser_code(ex[k].code)) continue;
            bool found = false;
            for (uint32_t j = 0; j < p->diags.v.len && !found; j++) {
                const OchDiag *d = &p->diags.v.items[j];
                if (strcmp(och_diag_code_str(d->code), ex[k].code) != 0) continue;
                found = (d->span.start == ex[k].start && d->span.end == ex[k].end) ||
                        (ex[k].end == ex[k].start + 1 && d->span.start == ex[k].start &&
                         d->span.end == ex[k].start);
            }
            char got[1024];
            describe_diags(p, got, sizeof got);
            cr_expect(found, "%s:%u: expected %s at bytes [%u,%u); got: %s", fx[i].name,
                      ex[k].line, ex[k].code, ex[k].start, ex[k].end, got);
            checked++;
        }
        ps_parse_free(p);
        och_free(src);
    }
    free_fixtures(fx, n);
    cr_log_info("diag_fixtures: %zu expectations in %zu fixtures", checked, n);
}

Test(diag_fixtures, fixed_fixtures_are_free_of_the_code) {
    size_t n;
    Fixture *fx = list_fixtures(&n);
    for (size_t i = 0; i < n; i++) {
        size_t len, flen;
        char *src = read_fixture(fx[i].name, &len);
        char *fixed = read_fixture(fx[i].fixed_name, &flen);
        cr_expect(fixed != NULL, "%s: missing its fixed counterpart %s", fx[i].name,
                  fx[i].fixed_name);
        if (src && fixed) {
            Expect ex[64];
            size_t nex = parse_expectations(src, len, ex, 64);
            PsParse *p = parse_fixture(fx[i].fixed_name, fixed, flen);
            for (uint32_t j = 0; j < p->diags.v.len; j++) {
                const char *code = och_diag_code_str(p->diags.v.items[j].code);
                for (size_t k = 0; k < nex; k++)
                    cr_expect(strcmp(code, ex[k].code) != 0, "%s: still reports %s at [%u,%u): %s",
                              fx[i].fixed_name, code, p->diags.v.items[j].span.start,
                              p->diags.v.items[j].span.end, p->diags.v.items[j].message);
            }
            ps_parse_free(p);
        }
        och_free(src);
        och_free(fixed);
    }
    free_fixtures(fx, n);
}

// Appends every "## Ennnn" heading of the file to codes (a newline-separated
// buffer).
static void collect_doc_sections(const char *path, OchBuf *codes) {
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "## ", 3) != 0) continue;
        const char *c = line + 3;
        while (*c == ' ' || *c == '`') c++;
        if ((c[0] == 'E' || c[0] == 'W') && strspn(c + 1, "0123456789") >= 4) {
            och_buf_putc(codes, '\n');
            och_buf_append(codes, c, 5);
            och_buf_putc(codes, '\n');
        }
    }
    fclose(f);
}

// Codes that no source text can produce (e.g. a pattern ending in a lone
// backslash exists only in `RegExp("a\\")` strings) are listed, with the
// reason and the test that covers them instead, in FIXTURE_DIR/exempt.txt
// (`Ennnn  reason`). They still need a doc section.
static bool fixture_exempt(const char *code) {
    FILE *f = fopen(FIXTURE_DIR "/exempt.txt", "r");
    if (!f) return false;
    char line[512];
    bool found = false;
    while (!found && fgets(line, sizeof line, f))
        found = strncmp(line, code, 5) == 0 && (line[5] == ' ' || line[5] == '\t');
    fclose(f);
    return found;
}

Test(diag_fixtures, every_code_has_a_fixture_pair_and_a_doc_section) {
    OchBuf docs = {0};
    och_buf_puts(&docs, "\n");
    collect_doc_sections("docs/diagnostics.md", &docs);
    DIR *d = opendir("docs/diagnostics");
    if (d) {
        struct dirent *e;
        while ((e = readdir(d))) {
            size_t l = strlen(e->d_name);
            if (l < 3 || strcmp(e->d_name + l - 3, ".md") != 0) continue;
            char path[512];
            snprintf(path, sizeof path, "docs/diagnostics/%s", e->d_name);
            collect_doc_sections(path, &docs);
        }
        closedir(d);
    }
    size_t n;
    Fixture *fx = list_fixtures(&n);
    for (int c = 0; c < OCH_DIAG_COUNT; c++) {
        const char *code = och_diag_code_str((OchDiagCode)c);
        if (strncmp(och_diag_code_title((OchDiagCode)c), "reserved", 8) == 0) continue;
        bool pair = fixture_exempt(code);
        for (size_t i = 0; i < n && !pair; i++) {
            if (strncmp(fx[i].name, code, 5) != 0) continue;
            char path[512];
            snprintf(path, sizeof path, "%s/%s", FIXTURE_DIR, fx[i].fixed_name);
            FILE *f = fopen(path, "r");
            pair = f != NULL;
            if (f) fclose(f);
        }
        cr_expect(pair, "%s (%s): no fixture pair %s/%s*.js + .fixed.js", code,
                  och_diag_code_title((OchDiagCode)c), FIXTURE_DIR, code);
        char needle[16];
        snprintf(needle, sizeof needle, "\n%s\n", code);
        cr_expect(strstr(docs.data, needle) != NULL,
                  "%s (%s): no `## %s` section in docs/diagnostics.md or docs/diagnostics/*.md",
                  code, och_diag_code_title((OchDiagCode)c), code);
    }
    free_fixtures(fx, n);
    och_buf_free(&docs);
}
