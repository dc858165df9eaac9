// Parser: tolerant-mode error recovery on the fixtures in
// tests/fixtures/parser/recovery/*.js. Each fixture starts with
//   // tree: <S-expression of the recovered tree, see test_parse_util.h>
//   // errors: <diagnostic codes in source order>
//   // incomplete: yes|no
// and may add `// options: module jsx` (any of them). The test parses the
// file in tolerant mode and compares all three; it also checks that strict
// mode stops at exactly one diagnostic (the first error) when there is one.
#include <dirent.h>

#include "test_parse_util.h"

#define RECOVERY_DIR "tests/fixtures/parser/recovery"

// Value of a `// key: value` header line (NULL if absent), malloc'd.
static char *header(const char *src, const char *key) {
    char pat[64];
    snprintf(pat, sizeof pat, "// %s:", key);
    const char *p = strstr(src, pat);
    if (!p) return NULL;
    p += strlen(pat);
    while (*p == ' ') p++;
    const char *e = strchr(p, '\n');
    if (!e) e = p + strlen(p);
    return strndup(p, (size_t)(e - p));
}

static void check_fixture(const char *name) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", RECOVERY_DIR, name);
    char *src;
    size_t len;
    cr_assert_eq(ps_source_read_file(path, &src, &len), OCH_OK, "cannot read %s", path);
    char *tree = header(src, "tree"), *errors = header(src, "errors");
    char *incomplete = header(src, "incomplete"), *options = header(src, "options");
    cr_assert(tree && errors && incomplete, "%s: missing header lines", name);
    PsOptions o;
    ps_options_default(&o);
    o.tolerant = true;
    if (options && strstr(options, "module")) o.goal = PS_GOAL_MODULE;
    if (options && strstr(options, "jsx")) o.jsx = true;
    PsParse *r = ps_parse(src, len, &o);
    char *got = tp_dump(r);
    cr_expect_str_eq(got, tree, "%s: recovered tree\n  got:      %s\n  expected: %s", name, got,
                     tree);
    OchBuf codes = {0};
    for (uint32_t i = 0; i < r->diags.v.len; i++) {
        if (i) och_buf_putc(&codes, ' ');
        och_buf_puts(&codes, och_diag_code_str(r->diags.v.items[i].code));
    }
    cr_expect_str_eq(codes.data ? codes.data : "", errors, "%s: diagnostics %s, expected %s", name,
                     codes.data ? codes.data : "(none)", errors);
    cr_expect_eq(r->incomplete, strcmp(incomplete, "yes") == 0, "%s: incomplete flag", name);
    bool had_errors = r->diags.v.len > 0;
    ps_parse_free(r);
    o.tolerant = false;
    r = ps_parse(src, len, &o);
    cr_expect_eq(r->diags.v.len, had_errors ? 1u : 0u, "%s: strict mode reported %u diagnostics",
                 name, r->diags.v.len);
    cr_expect(r->root != NULL);
    ps_parse_free(r);
    och_buf_free(&codes);
    free(got);
    free(tree);
    free(errors);
    free(incomplete);
    free(options);
    och_free(src);
}

Test(parse_recovery, fixtures) {
    DIR *d = opendir(RECOVERY_DIR);
    cr_assert(d, "cannot open %s (run the tests from the repository root)", RECOVERY_DIR);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d))) {
        const char *dot = strrchr(e->d_name, '.');
        if (!dot || (strcmp(dot, ".js") && strcmp(dot, ".mjs") && strcmp(dot, ".jsx"))) continue;
        check_fixture(e->d_name);
        n++;
    }
    closedir(d);
    cr_expect(n >= 20, "only %d recovery fixtures found", n);
}

Test(parse_recovery, has_error_marks_ancestors) {
    PsParse *r = tp_parse("function f() { g(a b); }\nh();", TP_SCRIPT, true);
    PsList *body = &PS_AS(PsListNode, r->root)->items;
    cr_assert_eq(body->count, 2);
    cr_expect(r->root->flags & PS_NF_HAS_ERROR);
    cr_expect(!(body->items[1]->flags & PS_NF_HAS_ERROR));
    tp_free(r);
    r = tp_parse("x = (a + ;", TP_SCRIPT, true);
    PsNode *bin = tp_find(r->root, PS_NODE_BINARY_EXPR);
    cr_expect(bin->flags & PS_NF_HAS_ERROR);
    PsNode *missing = PS_AS(PsBinary, bin)->right;
    cr_expect(missing->flags & PS_NF_MISSING);
    cr_expect_eq(missing->start, missing->end);
    tp_free(r);
}

Test(parse_recovery, incomplete_input_for_a_repl) {
    static const char *const incomplete[] = {
        "function f() {", "a +", "f(a,", "if (x) {", "x = [1,", "`a${", "/* comment", "class A {",
        "x = {", "for (;;", "a ? b :",
    };
    static const char *const complete_or_invalid[] = {"a )", "f()", "x = 1;", "a b", "}"};
    for (size_t i = 0; i < sizeof incomplete / sizeof *incomplete; i++) {
        for (int tol = 0; tol < 2; tol++) {
            PsParse *r = tp_parse(incomplete[i], TP_SCRIPT, tol);
            cr_expect(r->incomplete, "'%s' should be incomplete (%s)", incomplete[i],
                      tol ? "tolerant" : "strict");
            tp_free(r);
        }
    }
    for (size_t i = 0; i < sizeof complete_or_invalid / sizeof *complete_or_invalid; i++) {
        PsParse *r = tp_parse(complete_or_invalid[i], TP_SCRIPT, false);
        cr_expect(!r->incomplete, "'%s' should not be incomplete", complete_or_invalid[i]);
        tp_free(r);
    }
}

Test(parse_recovery, unclosed_bracket_points_at_its_opening) {
    PsParse *r = tp_parse("f(a, b\nbar();", TP_SCRIPT, true);
    cr_assert(r->diags.v.len >= 1);
    OchDiag *d = &r->diags.v.items[0];
    cr_expect_str_eq(och_diag_code_str(d->code), "E0102");
    cr_assert_eq(d->nrelated, 1);
    cr_expect_eq(d->related[0].span.start, 1);
    cr_expect_eq(d->related[0].span.end, 2);
    tp_free(r);
}

Test(parse_recovery, strict_mode_stops_at_the_first_error) {
    PsParse *r = tp_parse("a b; c d; e f;", TP_SCRIPT, false);
    cr_expect_eq(r->diags.v.len, 1);
    cr_expect_eq(r->diags.v.items[0].span.start, 2);
    tp_free(r);
    r = tp_parse("a b; c d; e f;", TP_SCRIPT, true);
    cr_expect_eq(r->diags.v.len, 3);
    tp_free(r);
}
