// Unit tests of the output formats (cli/check_format*.c) on a hand-made
// result with a lint finding, a related location and a fix: the parts the
// end-to-end tests cannot reach until rules report them.
#include <criterion/criterion.h>
#include <jansson.h>
#include <string.h>

#include "check_format.h"

typedef struct Fixture {
    ChkFileResult r;
    AnEdit edits[2];
    AnFix fix;
    OchRelated related;
} Fixture;

// `let unused = 1, x = 2;\nx;\n` with a no-unused-vars finding on `unused`
// (fix: remove the declarator), a related location on `x`.
static void make(Fixture *fx) {
    static const char text[] = "let unused = 1, x = 2;\nx;\n";
    memset(fx, 0, sizeof *fx);
    ChkFileResult *r = &fx->r;
    r->src = text;
    r->len = (uint32_t)strlen(text);
    och_line_index_init(&r->lines, r->src, r->len);
    r->have_lines = true;
    fx->edits[0] = (AnEdit){{4, 16}, "", 0};
    fx->fix = (AnFix){"Remove the unused variable 'unused'", false, 1, fx->edits, NULL};
    fx->related = (OchRelated){{16, 17}, "'x' is used: line 2"};
    ChkFinding f;
    memset(&f, 0, sizeof f);
    f.diag.code = AN_W_NO_UNUSED_VARS;
    f.diag.severity = OCH_SEV_WARNING;
    f.diag.span = (OchSpan){4, 10};
    f.diag.message = "'unused' is assigned a value but never used";
    f.diag.related = &fx->related;
    f.diag.nrelated = 1;
    f.code = och_diag_code_str(AN_W_NO_UNUSED_VARS);
    f.rule = och_diag_code_title(AN_W_NO_UNUSED_VARS);
    f.fix = &fx->fix;
    och_vec_push(&r->findings, f);
    r->warnings = 1;
}

static void fixture_free(Fixture *fx) {
    och_vec_free(&fx->r.findings);
    och_line_index_free(&fx->r.lines);
}

// Runs a whole output (header, the file, footer) into a string.
static char *render(ChkFormat fmt, const Fixture *fx) {
    ChkFormatOptions o = {fmt, false, "/proj"};
    ChkFileReport rep;
    chk_format_file(&o, "src/a b.js", &fx->r, &rep);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    ChkOutput out;
    chk_output_begin(&out, &o, f);
    chk_output_file(&out, &rep);
    cr_assert(chk_output_end(&out));
    fclose(f);
    chk_file_report_free(&rep);
    return buf;
}

Test(format, json_has_rule_related_and_fix) {
    Fixture fx;
    make(&fx);
    char *s = render(CHK_FMT_JSON, &fx);
    json_error_t err;
    json_t *doc = json_loads(s, 0, &err);
    cr_assert_not_null(doc, "%s: %s", err.text, s);
    json_t *d = json_array_get(json_object_get(json_array_get(json_object_get(doc, "files"), 0), "diagnostics"), 0);
    cr_expect_str_eq(json_string_value(json_object_get(d, "code")), "W1002");
    cr_expect_str_eq(json_string_value(json_object_get(d, "rule")), "no-unused-vars");
    cr_expect_str_eq(json_string_value(json_object_get(d, "severity")), "warning");
    cr_expect_eq(json_integer_value(json_object_get(json_object_get(d, "start"), "column")), 5);
    json_t *fix = json_object_get(d, "fix");
    cr_assert_not_null(fix, "%s", s);
    cr_expect(json_is_false(json_object_get(fix, "suggestion")));
    json_t *edit = json_array_get(json_object_get(fix, "edits"), 0);
    cr_expect_eq(json_integer_value(json_object_get(json_object_get(edit, "end"), "offset")), 16);
    cr_expect_str_eq(json_string_value(json_object_get(edit, "text")), "");
    cr_expect_eq(json_array_size(json_object_get(d, "related")), 1);
    cr_expect_eq(json_integer_value(json_object_get(json_object_get(doc, "summary"), "warnings")), 1);
    json_decref(doc);
    free(s);
    fixture_free(&fx);
}

Test(format, sarif_uses_the_rule_id_and_lists_the_rule) {
    Fixture fx;
    make(&fx);
    char *s = render(CHK_FMT_SARIF, &fx);
    json_error_t err;
    json_t *doc = json_loads(s, 0, &err);
    cr_assert_not_null(doc, "%s: %s", err.text, s);
    json_t *run = json_array_get(json_object_get(doc, "runs"), 0);
    json_t *res = json_array_get(json_object_get(run, "results"), 0);
    cr_expect_str_eq(json_string_value(json_object_get(res, "ruleId")), "no-unused-vars");
    cr_expect_str_eq(json_string_value(json_object_get(res, "level")), "warning");
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(res, "properties"), "code")), "W1002");
    json_t *loc = json_object_get(json_array_get(json_object_get(res, "locations"), 0), "physicalLocation");
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(loc, "artifactLocation"), "uri")),
                     "src/a%20b.js");
    json_t *fixes = json_object_get(res, "fixes");
    cr_expect_eq(json_array_size(fixes), 1, "%s", s);
    json_t *rule = json_array_get(json_object_get(json_object_get(json_object_get(run, "tool"), "driver"), "rules"), 0);
    cr_expect_str_eq(json_string_value(json_object_get(rule, "id")), "no-unused-vars");
    cr_expect_str_eq(json_string_value(json_object_get(json_object_get(rule, "shortDescription"), "text")),
                     "Disallow unused variables");
    cr_expect(strstr(json_string_value(json_object_get(rule, "helpUri")), "#w1002-no-unused-vars"));
    json_decref(doc);
    free(s);
    fixture_free(&fx);
}

Test(format, compact_github_pretty_show_the_rule) {
    Fixture fx;
    make(&fx);
    char *s = render(CHK_FMT_COMPACT, &fx);
    cr_expect_str_eq(s, "src/a b.js:1:5: warning no-unused-vars 'unused' is assigned a value but never used\n");
    free(s);
    s = render(CHK_FMT_GITHUB, &fx);
    cr_expect_str_eq(s, "::warning file=src/a b.js,line=1,col=5,endLine=1,endColumn=11,title=no-unused-vars::"
                        "'unused' is assigned a value but never used%0Anote: src/a b.js:1:17: 'x' is used: line 2\n");
    free(s);
    s = render(CHK_FMT_PRETTY, &fx);
    cr_expect(strstr(s, "src/a b.js:1:5: warning[W1002]: 'unused' is assigned a value but never used "
                        "[no-unused-vars]\n"),
              "%s", s);
    free(s);
    fixture_free(&fx);
}

Test(format, suggestions_stay_out_of_sarif_fixes) {
    Fixture fx;
    make(&fx);
    fx.fix.suggestion = true;
    char *s = render(CHK_FMT_SARIF, &fx);
    cr_expect_null(strstr(s, "\"fixes\""));
    free(s);
    s = render(CHK_FMT_JSON, &fx);
    cr_expect(strstr(s, "\"suggestion\":true"));
    free(s);
    fixture_free(&fx);
}

Test(format, github_escapes_properties_and_data) {
    Fixture fx;
    make(&fx);
    fx.r.findings.items[0].diag.message = "100% sure:\r\nyes, really";
    fx.r.findings.items[0].diag.nrelated = 0;
    ChkFormatOptions o = {CHK_FMT_GITHUB, false, "/proj"};
    ChkFileReport rep;
    chk_format_file(&o, "a,b:c%.js", &fx.r, &rep);
    cr_expect_str_eq(rep.text.data, "::warning file=a%2Cb%3Ac%25.js,line=1,col=5,endLine=1,endColumn=11,"
                                    "title=no-unused-vars::100%25 sure:%0D%0Ayes, really\n");
    chk_file_report_free(&rep);
    fixture_free(&fx);
}
