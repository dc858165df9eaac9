// Incremental re-parse (parser/incremental.c): the result equals a full
// parse, the re-parsed region is the small one the ADR promises, pending
// shifts settle, and the fallbacks are taken where a region cannot be
// re-parsed alone. The random-edit property test is tool_incr_prop (suite
// `incremental` in tests/run_suites.sh).
#include <criterion/criterion.h>
#include <string.h>

#include "parser.h"

typedef struct Doc {
    char *text;
    uint32_t len;
    PsParse *tree;
    PsOptions opts;
} Doc;

static void doc_open(Doc *d, const char *text, PsGoal goal) {
    ps_options_default(&d->opts);
    d->opts.tolerant = true;
    d->opts.goal = goal;
    d->len = (uint32_t)strlen(text);
    d->text = ps_source_dup(text, d->len);
    d->tree = ps_parse(d->text, d->len, &d->opts);
}

static void doc_close(Doc *d) {
    ps_parse_free(d->tree);
    och_free(d->text);
}

static char *json_of(PsParse *p) {
    OchBuf b = {0};
    ps_estree_write(p, &b);
    for (uint32_t i = 0; i < p->diags.v.len; i++) {
        const OchDiag *dg = &p->diags.v.items[i];
        och_buf_printf(&b, "\n%s %u-%u %s", och_diag_code_str(dg->code), dg->span.start,
                       dg->span.end, dg->message);
        for (uint32_t k = 0; k < dg->nrelated; k++)
            och_buf_printf(&b, " | %u-%u %s", dg->related[k].span.start,
                           dg->related[k].span.end, dg->related[k].message);
    }
    return och_buf_take(&b);
}

// Replaces [start, end) with ins, re-parses incrementally, settles, frees
// the old text, and checks the result against a full parse.
static void doc_edit(Doc *d, uint32_t start, uint32_t end, const char *ins) {
    uint32_t n = (uint32_t)strlen(ins);
    uint32_t len = d->len - (end - start) + n;
    char *t = och_malloc((size_t)len + PS_SOURCE_PADDING);
    memcpy(t, d->text, start);
    memcpy(t + start, ins, n);
    memcpy(t + start + n, d->text + end, d->len - end);
    memset(t + len, 0, PS_SOURCE_PADDING);
    PsEdit e = {start, end, start + n};
    d->tree = ps_reparse(d->tree, t, len, &e, 1);
    ps_parse_settle(d->tree);
    och_free(d->text);
    d->text = t;
    d->len = len;
    PsParse *full = ps_parse(d->text, d->len, &d->opts);
    char *a = json_of(d->tree), *b = json_of(full);
    cr_assert_str_eq(a, b, "incremental != full for:\n%s", d->text);
    och_free(a);
    och_free(b);
    ps_parse_free(full);
}

static uint32_t off(const Doc *d, const char *needle) {
    const char *p = strstr(d->text, needle);
    cr_assert(p, "'%s' not in the document", needle);
    return (uint32_t)(p - d->text);
}

Test(incremental, edit_in_a_function_body_reparses_only_statements_of_that_body) {
    Doc d;
    doc_open(&d,
             "var a = 1;\n"
             "function f() {\n  let x = 1;\n  let y = 2;\n  let z = 3;\n  return x + y;\n}\n"
             "function g() { return 2; }\n",
             PS_GOAL_SCRIPT);
    uint32_t at = off(&d, "y = 2") + 4;  // inside `2`
    doc_edit(&d, at, at, "0");
    cr_assert(!d.tree->last_reparse.full);
    // From the statement before the edit (`let x`, the first of the body) to
    // the one after it (`let z`, reused).
    cr_assert_eq(d.tree->last_reparse.start, off(&d, "{\n  let x") + 1);
    cr_assert_eq(d.tree->last_reparse.old_end, off(&d, "let z") - 1);
    cr_assert_eq(d.tree->last_reparse.attempts, 1);
    doc_close(&d);
}

Test(incremental, unbalanced_brace_falls_back_to_the_enclosing_top_level_statements) {
    Doc d;
    doc_open(&d, "a();\nfunction f() {\n  if (x) y();\n  z();\n}\nb();\n", PS_GOAL_SCRIPT);
    doc_edit(&d, off(&d, "y();"), off(&d, "y();"), "{");
    cr_assert(!d.tree->last_reparse.full);
    cr_assert(d.tree->last_reparse.attempts >= 2, "the function body alone cannot be re-parsed");
    cr_assert_eq(d.tree->last_reparse.new_end, d.len, "the region runs to the end of the file");
    // And the undo brings the small region back.
    doc_edit(&d, off(&d, "{y();"), off(&d, "{y();") + 1, "");
    doc_close(&d);
}

Test(incremental, use_strict_added_to_a_function_rechecks_the_whole_function) {
    Doc d;
    doc_open(&d, "x;\nfunction f(a, a) {\n  foo();\n  with (o) {}\n}\n", PS_GOAL_SCRIPT);
    uint32_t body = off(&d, "foo();");
    doc_edit(&d, body, body, "'use strict';\n  ");
    cr_assert(ps_parse_has_errors(d.tree));  // duplicate parameter, with
    doc_edit(&d, body, body + 16, "");
    cr_assert(!ps_parse_has_errors(d.tree));
    doc_close(&d);
}

Test(incremental, comment_and_template_openers_swallowing_the_rest_are_handled) {
    Doc d;
    doc_open(&d, "function f() {\n  a();\n  b();\n}\nfunction g() { c(); }\n", PS_GOAL_MODULE);
    uint32_t at = off(&d, "b();");
    doc_edit(&d, at, at, "/*");
    doc_edit(&d, at, at + 2, "`");
    doc_edit(&d, at, at + 1, "`${");
    doc_edit(&d, at, at + 3, "");
    cr_assert(!ps_parse_has_errors(d.tree));
    doc_close(&d);
}

Test(incremental, positions_after_the_edit_shift_and_strings_survive_the_old_text) {
    Doc d;
    doc_open(&d, "function f() {\n  one();\n  two();\n}\nvar later = 'str';\n", PS_GOAL_SCRIPT);
    uint32_t at = off(&d, "one") + 1;
    doc_edit(&d, at, at, "\xe2\x82\xac\xe2\x82\xac");  // two euro signs: +6 bytes
    PsListNode *prog = (PsListNode *)d.tree->root;
    PsNode *var = prog->items.items[1];
    cr_assert_eq(var->start, off(&d, "var later"));
    PsVarDeclarator *decl = (PsVarDeclarator *)((PsListNode *)var)->items.items[0];
    cr_assert_eq(decl->id->aux, 5);
    cr_assert(memcmp(((PsIdent *)decl->id)->name, "later", 5) == 0);
    cr_assert(((PsIdent *)decl->id)->name >= d.text && ((PsIdent *)decl->id)->name < d.text + d.len,
              "reused names point into the new text");
    doc_close(&d);
}

Test(incremental, several_edits_at_once_are_composed) {
    Doc d;
    doc_open(&d, "function f() {\n  aa();\n  bb();\n  cc();\n}\n", PS_GOAL_SCRIPT);
    // Two edits, the second in the coordinates after the first.
    const char *after = "function f() {\n  aXa();\n  bb();\n  cYc();\n}\n";
    uint32_t len = (uint32_t)strlen(after);
    char *t = ps_source_dup(after, len);
    PsEdit e[2] = {{18, 18, 19}, {35, 35, 36}};
    d.tree = ps_reparse(d.tree, t, len, e, 2);
    ps_parse_settle(d.tree);
    PsParse *full = ps_parse(t, len, &d.opts);
    char *a = json_of(d.tree), *b = json_of(full);
    cr_assert_str_eq(a, b);
    cr_assert(!d.tree->last_reparse.full);
    och_free(a);
    och_free(b);
    ps_parse_free(full);
    och_free(d.text);
    d.text = t;
    d.len = len;
    doc_close(&d);
}

Test(incremental, edits_that_do_not_fit_the_old_text_fall_back_to_a_full_parse) {
    Doc d;
    doc_open(&d, "a; b; c;\n", PS_GOAL_SCRIPT);
    char *t = ps_source_dup("x;\n", 3);
    PsEdit bad = {5, 500, 6};
    d.tree = ps_reparse(d.tree, t, 3, &bad, 1);
    cr_assert(d.tree->last_reparse.full);
    char *a = json_of(d.tree);
    PsParse *full = ps_parse(t, 3, &d.opts);
    char *b = json_of(full);
    cr_assert_str_eq(a, b);
    och_free(a);
    och_free(b);
    ps_parse_free(full);
    och_free(d.text);
    d.text = t;
    d.len = 3;
    doc_close(&d);
}

Test(incremental, private_names_in_class_methods_stay_resolved) {
    Doc d;
    doc_open(&d,
             "class C {\n  #p = 1;\n  m() {\n    a();\n    return this.#p;\n  }\n}\n",
             PS_GOAL_MODULE);
    uint32_t at = off(&d, "a();");
    doc_edit(&d, at, at, "this.#q;\n    ");  // undeclared: an error at the class end
    cr_assert(ps_parse_has_errors(d.tree));
    doc_edit(&d, at, at + 13, "");
    cr_assert(!ps_parse_has_errors(d.tree));
    doc_edit(&d, at, at, "b();\n    ");
    cr_assert(!d.tree->last_reparse.full);
    doc_close(&d);
}

Test(incremental, asi_and_directives_at_region_boundaries) {
    Doc d;
    doc_open(&d, "function f() {\n  'a'\n  x\n  (y)\n  z\n}\n", PS_GOAL_SCRIPT);
    doc_edit(&d, off(&d, "(y)"), off(&d, "(y)"), ";");
    doc_edit(&d, off(&d, ";(y)"), off(&d, ";(y)") + 1, "");
    doc_edit(&d, off(&d, "x\n"), off(&d, "x\n") + 1, "'use strict'");
    doc_edit(&d, off(&d, "'a'"), off(&d, "'a'") + 3, "q");
    doc_close(&d);
}

Test(incremental, many_edits_in_a_row_stay_equal_to_a_full_parse) {
    Doc d;
    OchBuf b = {0};
    for (int i = 0; i < 200; i++) och_buf_printf(&b, "function f%d() { return %d; }\n", i, i);
    doc_open(&d, b.data, PS_GOAL_SCRIPT);
    och_buf_free(&b);
    for (int i = 0; i < 300; i++) {
        uint32_t at = off(&d, "return") + 7;
        doc_edit(&d, at, at, (i & 1) ? "1" : "+");
    }
    doc_close(&d);
}

Test(incremental, nesting_depth_near_the_limit_matches_a_full_parse) {
    Doc d;
    OchBuf b = {0};
    och_buf_puts(&b, "function f() {\n  a();\n  x = ");
    for (int i = 0; i < 990; i++) och_buf_putc(&b, '(');
    och_buf_putc(&b, '1');
    for (int i = 0; i < 990; i++) och_buf_putc(&b, ')');
    och_buf_puts(&b, ";\n}\nfunction g() {}\n");
    doc_open(&d, b.data, PS_GOAL_SCRIPT);
    och_buf_free(&b);
    uint32_t at = off(&d, "(1)");
    for (int i = 0; i < 12; i++) doc_edit(&d, at, at, "(");  // deeper: too deep at some point
    for (int i = 0; i < 12; i++) doc_edit(&d, at, at + 1, "");
    doc_edit(&d, off(&d, "a();"), off(&d, "a();"), "b();");
    doc_close(&d);
}

Test(incremental, recovery_items_do_not_end_the_directive_prologue) {
    Doc d;
    // `"08"c...`: the missing ';' after the directive makes an ERROR item,
    // and the prologue goes on after it, so "\08" is still a directive.
    doc_open(&d, "\"08\"c{a = 1}yzo \"\\08\"xcontinuen//s;t \n", PS_GOAL_SCRIPT);
    doc_edit(&d, 27, 27, "\"");
    doc_edit(&d, 27, 28, "");
    doc_close(&d);
}

Test(incremental, insertion_into_an_empty_body_keeps_the_diagnostic_before_it) {
    Doc d;
    // The "expected ')'" error ends where the empty body's statements start.
    doc_open(&d, "function f(a {}\nfunction g() {}\n", PS_GOAL_SCRIPT);
    uint32_t at = off(&d, "{}") + 1;
    doc_edit(&d, at, at, "x");
    doc_edit(&d, at, at + 1, "");
    at = off(&d, "g() {}") + 5;
    doc_edit(&d, at, at, "return");
    doc_close(&d);
}

Test(incremental, checks_after_a_body_see_the_same_previous_diagnostic) {
    Doc d;
    // `set d {`: the missing '(' and the setter's arity are both reported
    // at the `{`; whether the second is dropped as a duplicate depends on
    // whether the body reported something in between.
    doc_open(&d, "class C { set d { this.x = v; } }\nnew C();\n", PS_GOAL_SCRIPT);
    uint32_t at = off(&d, "this.x");
    doc_edit(&d, at, at + 2, "");
    doc_edit(&d, at, at, "th");
    doc_edit(&d, at, at, ")");
    doc_close(&d);
}
