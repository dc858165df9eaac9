// Early errors reported by the analyzer (E0500-E0505): each with its exact
// range, and the look-alikes that are valid.
#include "an_test.h"

// Expects exactly one diagnostic `code` at occurrence n of word.
static void expect_error(const char *src, unsigned flags, OchDiagCode code, const char *word, int n) {
    TCtx c = t_analyze(src, flags);
    t_error_at(&c, code, word, n);
    t_free(&c);
}

static void expect_clean(const char *src, unsigned flags) {
    TCtx c = t_analyze(src, flags);
    t_clean(&c);
    t_free(&c);
}

// ---------------------------------------------------------------------------
// E0500 redeclaration.

Test(early_errors, redeclared_lexical_names_in_one_scope) {
    expect_error("let a; let a;", 0, AN_E_REDECLARATION, "a", 1);
    expect_error("let a; var a;", 0, AN_E_REDECLARATION, "a", 1);
    expect_error("var a; let a;", 0, AN_E_REDECLARATION, "a", 1);
    expect_error("const a = 1; function a() {}", 0, AN_E_REDECLARATION, "a", 1);
    expect_error("function a() {} class a {}", 0, AN_E_REDECLARATION, "a", 1);
    expect_error("class C {} class C {}", 0, AN_E_REDECLARATION, "C", 1);
    expect_error("{ function f() {} let f; }", 0, AN_E_REDECLARATION, "f", 1);
    expect_error("let [a, a] = [];", 0, AN_E_REDECLARATION, "a", 1);
    expect_error("const {x, y: {x}} = o;", 0, AN_E_REDECLARATION, "x", 1);
    expect_error("for (let [a, a] of []) ;", 0, AN_E_REDECLARATION, "a", 1);
    expect_error("for (const a = 1, a = 2;;) ;", 0, AN_E_REDECLARATION, "a", 1);
    expect_error("try {} catch ([e, e]) {}", 0, AN_E_REDECLARATION, "e", 1);
    expect_error("switch (0) { case 0: let a; break; default: let a; }", 0, AN_E_REDECLARATION, "a", 1);
    expect_error("class C { static { let a; var a; } }", 0, AN_E_REDECLARATION, "a", 1);
    expect_error("function f() { var g; let g; }", 0, AN_E_REDECLARATION, "g", 1);
    expect_error("() => { let a; const a = 1; }", 0, AN_E_REDECLARATION, "a", 1);
}

Test(early_errors, redeclaration_message_names_both_declarations) {
    TCtx c = t_analyze("let total = 0;\nvar total;", 0);
    const OchDiag *d = t_error_at(&c, AN_E_REDECLARATION, "total", 1);
    cr_assert(strstr(d->message, "'total'"), "%s", d->message);
    cr_assert(strstr(d->message, "'let' declaration"), "%s", d->message);
    cr_assert_eq(d->nrelated, 1);
    cr_assert_eq(d->related[0].span.start, 4);
    cr_assert_eq(d->related[0].span.end, 9);
    cr_assert(strstr(d->related[0].message, "first declared here"));
    t_free(&c);
}

Test(early_errors, block_function_duplicates_only_in_sloppy_scripts) {
    expect_clean("{ function f() {} function f() {} }", 0);
    expect_clean("switch (0) { case 0: function f() {} default: function f() {} }", 0);
    expect_error("'use strict'; { function f() {} function f() {} }", 0, AN_E_REDECLARATION, "f", 1);
    expect_error("{ function f() {} function f() {} }", T_STRICT, AN_E_REDECLARATION, "f", 1);
    expect_error("{ function f() {} function f() {} }", T_MODULE, AN_E_REDECLARATION, "f", 1);
    expect_error("{ function f() {} async function f() {} }", 0, AN_E_REDECLARATION, "f", 1);
    expect_error("{ function* f() {} function f() {} }", 0, AN_E_REDECLARATION, "f", 1);
    expect_error("{ function f() {} function f() {} }", T_NO_ANNEX_B, AN_E_REDECLARATION, "f", 1);
}

Test(early_errors, module_top_level_functions_and_imports_are_lexical) {
    expect_error("function f() {} function f() {}", T_MODULE, AN_E_REDECLARATION, "f", 1);
    expect_error("function f() {} var f;", T_MODULE, AN_E_REDECLARATION, "f", 1);
    expect_error("import a from 'x'; let a;", T_MODULE, AN_E_REDECLARATION, "a", 1);
    expect_error("import {a, b as a} from 'x';", T_MODULE, AN_E_REDECLARATION, "a", 1);
    expect_error("import * as ns from 'x'; function ns() {}", T_MODULE, AN_E_REDECLARATION, "ns", 1);
    expect_clean("function f() {} function f() {}", 0);
}

Test(early_errors, valid_redeclarations_are_not_reported) {
    expect_clean("var a; var a; function a() {} function a() {}", 0);
    expect_clean("function f(a) { var a; function a() {} }", 0);
    expect_clean("let a; { let a; } function g() { let a; }", 0);
    expect_clean("for (let i;;) { let i; }", 0);
    expect_clean("function f() { let f; } (function g() { let g; });", 0);
    expect_clean("class C { m() { let C; } }", 0);
    expect_clean("try {} catch (e) { { let e; } }", 0);
    expect_clean("let x; x: for (;;) break x;", 0);
    expect_clean("var undefined; let NaN2;", 0);
}

// ---------------------------------------------------------------------------
// E0501 var-conflicts-with-lexical-declaration.

Test(early_errors, var_hoisted_through_a_block_with_the_same_lexical_name) {
    expect_error("{ let a; { var a; } }", 0, AN_E_VAR_LEXICAL_CONFLICT, "a", 1);
    expect_error("{ { var a; } let a; }", 0, AN_E_VAR_LEXICAL_CONFLICT, "a", 1);
    expect_error("function f() { { const a = 1; var a; } }", 0, AN_E_VAR_LEXICAL_CONFLICT, "a", 1);
    expect_error("for (let i;;) { var i; }", 0, AN_E_VAR_LEXICAL_CONFLICT, "i", 1);
    expect_error("for (const k of []) { var k; }", 0, AN_E_VAR_LEXICAL_CONFLICT, "k", 1);
    expect_error("switch (0) { case 0: let a; case 1: var a; }", 0, AN_E_VAR_LEXICAL_CONFLICT, "a", 1);
    expect_error("{ class K {} for (var K in o) ; }", 0, AN_E_VAR_LEXICAL_CONFLICT, "K", 1);
    expect_error("{ function f() {} var f; }", 0, AN_E_VAR_LEXICAL_CONFLICT, "f", 1);
}

Test(early_errors, one_report_per_var_conflicting_at_two_levels) {
    expect_error("let a; { let a; { var a; } }", 0, AN_E_REDECLARATION, "a", 2);
}

// ---------------------------------------------------------------------------
// E0502 parameter-redeclared-in-body.

Test(early_errors, lexical_declaration_repeating_a_parameter) {
    expect_error("function f(a) { let a; }", 0, AN_E_PARAM_REDECLARATION, "a", 1);
    expect_error("function f(a = 1) { let a; }", 0, AN_E_PARAM_REDECLARATION, "a", 1);
    expect_error("function f({a}) { const a = 1; }", 0, AN_E_PARAM_REDECLARATION, "a", 1);
    expect_error("function f(...a) { class a {} }", 0, AN_E_PARAM_REDECLARATION, "a", 1);
    expect_error("(a) => { let a; };", 0, AN_E_PARAM_REDECLARATION, "a", 1);
    expect_error("({ m(a) { let a; } });", 0, AN_E_PARAM_REDECLARATION, "a", 1);
    expect_error("function f(a) { 'use strict'; function g() {} let a; }", 0,
                 AN_E_PARAM_REDECLARATION, "a", 1);
    expect_clean("function f(a) { var a; function a() {} { let a; } }", 0);
}

// ---------------------------------------------------------------------------
// E0503 catch-parameter-redeclared.

Test(early_errors, catch_parameter_redeclared_in_its_block) {
    expect_error("try {} catch (e) { let e; }", 0, AN_E_CATCH_REDECLARATION, "e", 1);
    expect_error("try {} catch (e) { function e() {} }", 0, AN_E_CATCH_REDECLARATION, "e", 1);
    expect_error("try {} catch ([e]) { var e; }", 0, AN_E_CATCH_REDECLARATION, "e", 1);
    expect_error("try {} catch ({e}) { for (var e of []) ; }", 0, AN_E_CATCH_REDECLARATION, "e", 1);
    expect_error("try {} catch (e) { { var e; } }", T_NO_ANNEX_B, AN_E_CATCH_REDECLARATION, "e", 1);
    expect_clean("try {} catch (e) { var e; for (var e of []) ; for (var e in {}) ; }", 0);
    expect_clean("try {} catch (e) { var e; }", T_STRICT);
}

// ---------------------------------------------------------------------------
// E0504 duplicate-export, E0505 export-of-undeclared-name.

Test(early_errors, duplicate_export_names) {
    expect_error("export let a = 1; export { a };", T_MODULE, AN_E_DUPLICATE_EXPORT, "a", 1);
    expect_error("export default 1; export default 2;", T_MODULE, AN_E_DUPLICATE_EXPORT, "default", 1);
    expect_error("var x; export { x as default }; export default 1;", T_MODULE,
                 AN_E_DUPLICATE_EXPORT, "default", 1);
    expect_error("export * as ns from 'a'; export * as ns from 'b';", T_MODULE,
                 AN_E_DUPLICATE_EXPORT, "ns", 1);
    expect_error("var a; export { a as \"b\" }; export { a as b };", T_MODULE,
                 AN_E_DUPLICATE_EXPORT, "b", 1);
    expect_error("export function f() {} export { f };", T_MODULE, AN_E_DUPLICATE_EXPORT, "f", 1);
    expect_error("export { a, b as a } from 'm';", T_MODULE, AN_E_DUPLICATE_EXPORT, "a", 1);
    expect_clean("export * from 'a'; export * from 'b'; var a; export { a as b, a as c };", T_MODULE);
}

Test(early_errors, duplicate_export_points_at_the_first_export) {
    TCtx c = t_analyze("export default 1;\nexport default 2;", T_MODULE);
    const OchDiag *d = t_error_at(&c, AN_E_DUPLICATE_EXPORT, "default", 1);
    cr_assert_eq(d->nrelated, 1);
    cr_assert_eq(d->related[0].span.start, 7);
    cr_assert_eq(d->related[0].span.end, 14);
    t_free(&c);
}

Test(early_errors, export_of_a_name_the_module_does_not_declare) {
    expect_error("export { x };", T_MODULE, AN_E_UNDECLARED_EXPORT, "x", 0);
    expect_error("function f() { var y; } export { y };", T_MODULE, AN_E_UNDECLARED_EXPORT, "y", 1);
    expect_error("{ let z; } export { z as w };", T_MODULE, AN_E_UNDECLARED_EXPORT, "z", 1);
    expect_clean("export { x } from 'm'; export { y }; var y; import { a } from 'n'; export { a };",
                 T_MODULE);
    expect_clean("export { f, C }; function f() {} class C {}", T_MODULE);
}

Test(early_errors, early_errors_can_be_turned_off) {
    TCtx c;
    c.len = strlen("let a; let a;");
    c.src = ps_source_dup("let a; let a;", c.len);
    PsOptions po;
    ps_options_default(&po);
    c.parse = ps_parse(c.src, c.len, &po);
    AnOptions ao;
    an_options_default(&ao);
    ao.early_errors = false;
    c.res = an_analyze(c.parse, &ao);
    cr_assert_eq(c.res->diags.v.len, 0);
    cr_assert(!an_result_has_errors(c.res));
    cr_assert_eq(c.res->root->nbindings, 1);
    t_free(&c);
}
