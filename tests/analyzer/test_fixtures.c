// The analyzer's diagnostic fixtures: tests/fixtures/diagnostics/E05nn*.js
// (and .mjs/.jsx) with caret lines under the expected range, and their
// E05nn*.fixed.* counterparts. The bad file, parsed in tolerant mode and
// analyzed, must report each expected analyzer code at exactly the caret
// range; the fixed file must parse and analyze without any error.
//
// A caret line is `//`, spaces, carets, a code; the carets mark code-point
// columns of the nearest non-caret line above. `// module` as the first line
// (or `.mjs`) selects the module goal, `.jsx` enables JSX. The parser's own
// fixture test checks that every code has a fixture pair and a doc section.
#include <dirent.h>
#include <stdlib.h>

#include "an_test.h"

#define FIXTURE_DIR "tests/fixtures/diagnostics"

typedef struct Expect {
    char code[8];
    uint32_t start, end, line;
} Expect;

static bool analyzer_fixture(const char *name) {
    if (name[0] != 'E' || atoi(name + 1) < 500 || atoi(name + 1) > 999) return false;
    const char *dot = strrchr(name, '.');
    if (!dot || (strcmp(dot, ".js") && strcmp(dot, ".mjs") && strcmp(dot, ".jsx"))) return false;
    return strstr(name, ".fixed.") == NULL;
}

static bool caret_line(const char *a, const char *b, uint32_t *first, uint32_t *last, char code[8]) {
    const char *p = a;
    while (p < b && (*p == ' ' || *p == '\t')) p++;
    if (b - p < 3 || p[0] != '/' || p[1] != '/') return false;
    p += 2;
    while (p < b && *p == ' ') p++;
    if (p >= b || *p != '^') return false;
    *first = (uint32_t)(p - a);
    while (p < b && *p == '^') p++;
    *last = (uint32_t)(p - a - 1);
    while (p < b && *p == ' ') p++;
    if (b - p < 5 || p[0] != 'E') return false;
    memcpy(code, p, 5);
    code[5] = 0;
    return true;
}

// Byte offset of code-point column col in [line, end).
static uint32_t col_offset(const char *line, const char *end, uint32_t col) {
    const char *p = line;
    for (uint32_t c = 0; c < col && p < end; c++) {
        uint32_t cp;
        p += och_utf8_decode(p, (size_t)(end - p), &cp, false);
    }
    return (uint32_t)(p - line);
}

static size_t expectations(const char *src, size_t len, Expect *out, size_t cap) {
    size_t n = 0;
    const char *code_line = NULL, *code_end = NULL;
    uint32_t lineno = 1;
    for (const char *line = src; line < src + len; lineno++) {
        const char *end = memchr(line, '\n', (size_t)(src + len - line));
        if (!end) end = src + len;
        uint32_t first, last;
        char code[8];
        if (caret_line(line, end, &first, &last, code)) {
            if (code_line && n < cap) {
                Expect *e = &out[n++];
                memcpy(e->code, code, sizeof code);
                uint32_t base = (uint32_t)(code_line - src);
                e->start = base + col_offset(code_line, code_end, first);
                e->end = base + col_offset(code_line, code_end, last + 1);
                e->line = lineno;
            }
        } else {
            code_line = line;
            code_end = end;
        }
        line = end + 1;
    }
    return n;
}

static TCtx analyze_file(const char *name, bool *ok) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", FIXTURE_DIR, name);
    char *src = NULL;
    size_t len = 0;
    *ok = ps_source_read_file(path, &src, &len) == OCH_OK;
    TCtx c = {0};
    if (!*ok) return c;
    unsigned flags = 0;
    const char *dot = strrchr(name, '.');
    if (strncmp(src, "// module", 9) == 0 || strcmp(dot, ".mjs") == 0) flags |= T_MODULE;
    if (strcmp(dot, ".jsx") == 0) flags |= T_JSX;
    c = t_analyze(src, flags);
    och_free(src);
    return c;
}

Test(fixtures, analyzer_fixtures_report_their_code_at_the_carets) {
    DIR *d = opendir(FIXTURE_DIR);
    cr_assert_not_null(d, "run from the repository root");
    struct dirent *e;
    unsigned files = 0;
    while ((e = readdir(d))) {
        if (!analyzer_fixture(e->d_name)) continue;
        files++;
        bool ok;
        TCtx c = analyze_file(e->d_name, &ok);
        cr_assert(ok, "%s: cannot read", e->d_name);
        cr_expect(!ps_parse_has_errors(c.parse), "%s: parse error: %s", e->d_name,
                  c.parse->diags.v.len ? c.parse->diags.v.items[0].message : "");
        Expect ex[16];
        size_t n = expectations(c.src, c.len, ex, 16);
        cr_expect(n > 0, "%s: no caret line", e->d_name);
        for (size_t k = 0; k < n; k++) {
            bool found = false;
            for (uint32_t i = 0; i < c.res->diags.v.len && !found; i++) {
                const OchDiag *dg = &c.res->diags.v.items[i];
                found = strcmp(och_diag_code_str(dg->code), ex[k].code) == 0 &&
                        dg->span.start == ex[k].start && dg->span.end == ex[k].end;
            }
            cr_expect(found, "%s:%u: expected %s at [%u,%u); got %u diagnostic(s)%s%s", e->d_name,
                      ex[k].line, ex[k].code, ex[k].start, ex[k].end, c.res->diags.v.len,
                      c.res->diags.v.len ? ", first: " : "",
                      c.res->diags.v.len ? c.res->diags.v.items[0].message : "");
        }
        cr_expect_eq(c.res->diags.v.len, n, "%s: %u analyzer diagnostics for %zu carets", e->d_name,
                     c.res->diags.v.len, n);
        t_free(&c);

        char fixed[300];
        const char *dot = strrchr(e->d_name, '.');
        snprintf(fixed, sizeof fixed, "%.*s.fixed%s", (int)(dot - e->d_name), e->d_name, dot);
        TCtx f = analyze_file(fixed, &ok);
        cr_expect(ok, "%s: missing %s", e->d_name, fixed);
        if (!ok) continue;
        cr_expect(!ps_parse_has_errors(f.parse) && f.res->diags.v.len == 0,
                  "%s: still has errors: %s", fixed,
                  f.res->diags.v.len ? f.res->diags.v.items[0].message
                                     : (f.parse->diags.v.len ? f.parse->diags.v.items[0].message : ""));
        t_free(&f);
    }
    closedir(d);
    cr_expect_geq(files, 6, "E0500-E0505 each have a fixture");
}
