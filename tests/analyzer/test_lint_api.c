// The lint API: configuration (levels, options, environments, globals),
// option validation, fixes, error regions, and a few rule options that the
// fixtures (default options only) do not cover.
#include "an_test.h"

typedef struct LCtx {
    char *src;
    PsParse *parse;
    AnResult *res;
} LCtx;

// Lints src with the rule `only` on (others off; NULL: defaults for all)
// with options opts (JSON array text or NULL).
static LCtx lint(const char *src, const char *only, const char *opts, const AnOptions *base) {
    LCtx c;
    size_t len = strlen(src);
    c.src = ps_source_dup(src, len);
    PsOptions po;
    ps_options_default(&po);
    po.tolerant = true;
    if (strncmp(src, "// module", 9) == 0) po.goal = PS_GOAL_MODULE;
    c.parse = ps_parse(c.src, len, &po);
    static AnRuleConfig rules[AN_RULE_COUNT];
    OchDiagCode code = only ? an_rule_find(only) : OCH_DIAG_COUNT;
    if (only) cr_assert(code != OCH_DIAG_COUNT, "no rule %s", only);
    for (uint32_t i = 0; i < AN_RULE_COUNT; i++)
        rules[i] = (AnRuleConfig){only ? (an_rule_code(i) == code ? AN_LEVEL_ERROR : AN_LEVEL_OFF)
                                       : AN_LEVEL_DEFAULT,
                                  an_rule_code(i) == code ? opts : NULL};
    AnOptions ao;
    if (base) ao = *base;
    else an_options_default(&ao);
    ao.lint = true;
    ao.rules = rules;
    c.res = an_analyze(c.parse, &ao);
    return c;
}

static void lfree(LCtx *c) {
    an_result_free(c->res);
    ps_parse_free(c->parse);
    och_free(c->src);
}

static unsigned count(const LCtx *c, const char *rule) {
    OchDiagCode code = an_rule_find(rule);
    unsigned n = 0;
    for (uint32_t i = 0; i < c->res->diags.v.len; i++) n += c->res->diags.v.items[i].code == code;
    return n;
}

Test(lint_api, rule_ids_and_codes_round_trip) {
    for (uint32_t i = 0; i < AN_RULE_COUNT; i++) {
        OchDiagCode code = an_rule_code(i);
        cr_assert(an_code_is_rule(code));
        cr_assert_eq(an_rule_index(code), i);
        cr_assert_eq(an_rule_find(an_rule_id(code)), code);
        cr_assert_eq(och_diag_code_str(code)[0], 'W');
    }
    cr_assert_eq(an_rule_find("no-such-rule"), OCH_DIAG_COUNT);
    cr_assert_eq(an_rule_default_level(AN_W_NO_UNDEF), AN_LEVEL_ERROR);
    cr_assert_eq(an_rule_default_level(AN_W_NO_SELF_COMPARE), AN_LEVEL_OFF);
    cr_assert(!an_code_is_rule(AN_E_REDECLARATION));
}

Test(lint_api, lint_is_off_unless_asked) {
    TCtx c = t_analyze("undeclared();", 0);
    cr_assert_eq(c.res->diags.v.len, 0);
    t_free(&c);
}

Test(lint_api, defaults_enable_the_recommended_rules_as_errors) {
    LCtx c = lint("undeclared(); if (x === x) {}", NULL, NULL, NULL);
    cr_assert_eq(count(&c, "no-undef"), 3);
    cr_assert_eq(count(&c, "no-self-compare"), 0);  // not recommended: off
    cr_assert_eq(c.res->diags.v.items[0].severity, OCH_SEV_ERROR);
    cr_assert(an_result_has_errors(c.res));
    lfree(&c);
}

Test(lint_api, options_are_validated) {
    OchBuf err = {0};
    cr_assert(an_rule_options_check(AN_W_NO_UNUSED_VARS, "[{\"args\": \"none\"}]", &err));
    cr_assert(an_rule_options_check(AN_W_NO_UNUSED_VARS, "[\"local\"]", &err));
    cr_assert(an_rule_options_check(AN_W_NO_UNUSED_VARS, NULL, &err));
    cr_assert(an_rule_options_check(AN_W_NO_DEBUGGER, "[]", &err));
    cr_assert_eq(err.len, 0);
    cr_assert(!an_rule_options_check(AN_W_NO_UNUSED_VARS, "[{\"args\": \"some\"}]", &err));
    cr_assert(strstr(err.data, "no-unused-vars"), "%s", err.data);
    err.len = 0;
    cr_assert(!an_rule_options_check(AN_W_NO_UNUSED_VARS, "[{\"bogus\": 1}]", &err));
    cr_assert(strstr(err.data, "bogus"), "%s", err.data);
    err.len = 0;
    cr_assert(!an_rule_options_check(AN_W_NO_DEBUGGER, "[1]", &err));
    cr_assert(!an_rule_options_check(AN_W_NO_UNUSED_VARS, "{", &err));
    cr_assert(!an_rule_options_check(AN_W_NO_UNUSED_VARS, "[{\"varsIgnorePattern\": \"(?<=x)\"}]", &err));
    cr_assert(an_rule_options_check(AN_W_NO_UNUSED_VARS, "[{\"varsIgnorePattern\": \"^(_|ignored)\"}]", &err));
    och_buf_free(&err);
}

Test(lint_api, configured_level_sets_severity) {
    static AnRuleConfig rules[AN_RULE_COUNT];
    for (uint32_t i = 0; i < AN_RULE_COUNT; i++) rules[i] = (AnRuleConfig){AN_LEVEL_OFF, NULL};
    rules[an_rule_index(AN_W_NO_DEBUGGER)].level = AN_LEVEL_WARN;
    char *src = ps_source_dup("debugger; undeclared();", 23);
    PsOptions po;
    ps_options_default(&po);
    PsParse *p = ps_parse(src, 23, &po);
    AnOptions ao;
    an_options_default(&ao);
    ao.lint = true;
    ao.rules = rules;
    AnResult *r = an_analyze(p, &ao);
    cr_assert_eq(r->diags.v.len, 1);
    cr_assert_eq(r->diags.v.items[0].code, AN_W_NO_DEBUGGER);
    cr_assert_eq(r->diags.v.items[0].severity, OCH_SEV_WARNING);
    cr_assert(!an_result_has_errors(r));
    an_result_free(r);
    ps_parse_free(p);
    och_free(src);
}

Test(lint_api, environments_and_globals) {
    const char *envs[] = {"browser"};
    AnGlobal globals[] = {{"myLib", AN_GLOBAL_READONLY}, {"window", AN_GLOBAL_OFF},
                          {"counter", AN_GLOBAL_WRITABLE}};
    AnOptions ao;
    an_options_default(&ao);
    ao.env = envs;
    ao.nenv = 1;
    ao.globals = globals;
    ao.nglobals = 3;
    LCtx c = lint("document.title = myLib(window); counter = 1; process;", "no-undef", NULL, &ao);
    cr_assert_eq(count(&c, "no-undef"), 2);  // window (off), process (not browser)
    lfree(&c);
    LCtx g = lint("myLib = 1; counter = 2; document = 3;", "no-global-assign", NULL, &ao);
    cr_assert_eq(count(&g, "no-global-assign"), 2);
    lfree(&g);
    cr_assert(an_env_known("node") && an_env_known("es2025") && !an_env_known("nodejs"));
}

Test(lint_api, eslint_env_comment_adds_an_environment) {
    LCtx c = lint("/* eslint-env node */\nrequire('x'); process.exit();", "no-undef", NULL, NULL);
    cr_assert_eq(count(&c, "no-undef"), 0);
    lfree(&c);
}

Test(lint_api, typeof_option_of_no_undef) {
    LCtx c = lint("typeof a;", "no-undef", "[{\"typeof\": true}]", NULL);
    cr_assert_eq(count(&c, "no-undef"), 1);
    lfree(&c);
}

Test(lint_api, unused_vars_options) {
    LCtx a = lint("function f(a, b) { return b; } f();", "no-unused-vars", "[{\"args\": \"all\"}]", NULL);
    cr_assert_eq(count(&a, "no-unused-vars"), 1);
    lfree(&a);
    LCtx b = lint("function f(a, b) {} f();", "no-unused-vars", "[{\"args\": \"none\"}]", NULL);
    cr_assert_eq(count(&b, "no-unused-vars"), 0);
    lfree(&b);
    LCtx c = lint("var _x; var y; function f(_a, b) {} f();", "no-unused-vars",
                  "[{\"varsIgnorePattern\": \"^_\", \"argsIgnorePattern\": \"^_\"}]", NULL);
    cr_assert_eq(count(&c, "no-unused-vars"), 2);  // y, b
    lfree(&c);
    LCtx d = lint("try {} catch (ignoredErr) {} try {} catch (e) {}", "no-unused-vars",
                  "[{\"caughtErrorsIgnorePattern\": \"^ignored\"}]", NULL);
    cr_assert_eq(count(&d, "no-unused-vars"), 1);
    lfree(&d);
    LCtx e = lint("var x = 1;", "no-unused-vars", "[\"local\"]", NULL);
    cr_assert_eq(count(&e, "no-unused-vars"), 0);
    lfree(&e);
    LCtx f = lint("const { a, ...rest } = o; use(rest);", "no-unused-vars",
                  "[{\"ignoreRestSiblings\": true}]", NULL);
    cr_assert_eq(count(&f, "no-unused-vars"), 0);
    lfree(&f);
    LCtx g = lint("const [_a, b] = o; use(b); var _c = 1; use(_c);", "no-unused-vars",
                  "[{\"destructuredArrayIgnorePattern\": \"^_\", \"varsIgnorePattern\": \"^_\", "
                  "\"reportUsedIgnorePattern\": true}]",
                  NULL);
    cr_assert_eq(count(&g, "no-unused-vars"), 1);  // _c is used though ignored
    lfree(&g);
}

Test(lint_api, ignore_pattern_subset) {
    const char *ok[] = {"^_", "^(_|ignore)", "[iI]gnored$", "^_+$", "^(?:unused|_)\\w*", "^x{2,3}$",
                        "^a.c", "^[^a-z]"};
    const char *names[] = {"_a", "ignoreMe", "isIgnored", "__", "unusedX", "xxx", "abc", "Zed"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        char opts[128];
        snprintf(opts, sizeof opts, "[{\"varsIgnorePattern\": \"%s\"}]", ok[i]);
        char src[64];
        snprintf(src, sizeof src, "var %s;", names[i]);
        // JSON needs the backslash escaped.
        OchBuf js = {0};
        for (const char *p = opts; *p; p++) {
            if (*p == '\\') och_buf_putc(&js, '\\');
            och_buf_putc(&js, *p);
        }
        LCtx c = lint(src, "no-unused-vars", js.data, NULL);
        cr_expect_eq(count(&c, "no-unused-vars"), 0, "pattern %s should match %s", ok[i], names[i]);
        lfree(&c);
        och_buf_free(&js);
    }
    LCtx c = lint("var x_;", "no-unused-vars", "[{\"varsIgnorePattern\": \"^_\"}]", NULL);
    cr_assert_eq(count(&c, "no-unused-vars"), 1);
    lfree(&c);
}

Test(lint_api, other_rule_options) {
    LCtx a = lint("try { f(); } catch (e) {}", "no-empty", "[{\"allowEmptyCatch\": true}]", NULL);
    cr_assert_eq(count(&a, "no-empty"), 0);
    lfree(&a);
    LCtx b = lint("if ((x = 1)) {} while (f(y = 2)) {}", "no-cond-assign", "[\"always\"]", NULL);
    cr_assert_eq(count(&b, "no-cond-assign"), 2);
    lfree(&b);
    LCtx c = lint("while (true) {} for (;1;) {}", "no-constant-condition",
                  "[{\"checkLoops\": \"none\"}]", NULL);
    cr_assert_eq(count(&c, "no-constant-condition"), 0);
    lfree(&c);
    LCtx d = lint("while (true) {}", "no-constant-condition", "[{\"checkLoops\": \"all\"}]", NULL);
    cr_assert_eq(count(&d, "no-constant-condition"), 1);
    lfree(&d);
    LCtx e = lint("typeof x === y;", "valid-typeof", "[{\"requireStringLiterals\": true}]", NULL);
    cr_assert_eq(count(&e, "valid-typeof"), 1);
    lfree(&e);
    LCtx f = lint("[].indexOf(NaN); switch (NaN) {}", "use-isnan",
                  "[{\"enforceForIndexOf\": true, \"enforceForSwitchCase\": false}]", NULL);
    cr_assert_eq(count(&f, "use-isnan"), 1);
    lfree(&f);
    LCtx g = lint("a.b = a.b;", "no-self-assign", "[{\"props\": false}]", NULL);
    cr_assert_eq(count(&g, "no-self-assign"), 0);
    lfree(&g);
    LCtx h = lint("var Object;", "no-redeclare", "[{\"builtinGlobals\": false}]", NULL);
    cr_assert_eq(count(&h, "no-redeclare"), 0);
    lfree(&h);
    LCtx i = lint("if (!a < b) {}", "no-unsafe-negation", "[{\"enforceForOrderingRelations\": true}]", NULL);
    cr_assert_eq(count(&i, "no-unsafe-negation"), 1);
    lfree(&i);
    LCtx j = lint("var o = { get a() { return; } };", "getter-return", "[{\"allowImplicit\": true}]", NULL);
    cr_assert_eq(count(&j, "getter-return"), 0);
    lfree(&j);
    LCtx k = lint("function f({}) {} f();", "no-empty-pattern",
                  "[{\"allowObjectPatternsAsParameters\": true}]", NULL);
    cr_assert_eq(count(&k, "no-empty-pattern"), 0);
    lfree(&k);
    LCtx m = lint("Object = 1;", "no-global-assign", "[{\"exceptions\": [\"Object\"]}]", NULL);
    cr_assert_eq(count(&m, "no-global-assign"), 0);
    lfree(&m);
    LCtx n = lint("var globalThis;", "no-shadow-restricted-names", "[{\"reportGlobalThis\": false}]", NULL);
    cr_assert_eq(count(&n, "no-shadow-restricted-names"), 0);
    lfree(&n);
    LCtx o = lint("switch (x) { case 1: a();\n // ok to continue\n case 2: b(); }", "no-fallthrough",
                  "[{\"commentPattern\": \"ok to continue\"}]", NULL);
    cr_assert_eq(count(&o, "no-fallthrough"), 0);
    lfree(&o);
    LCtx p = lint("switch (x) { case 1:\n\n case 2: b(); }", "no-fallthrough",
                  "[{\"allowEmptyCase\": true}]", NULL);
    cr_assert_eq(count(&p, "no-fallthrough"), 0);
    lfree(&p);
}

Test(lint_api, invalid_options_fall_back_to_defaults) {
    LCtx c = lint("function f(a) {} f();", "no-unused-vars", "[{\"args\": 7}]", NULL);
    cr_assert_eq(count(&c, "no-unused-vars"), 1);  // after-used (default) still reports a
    lfree(&c);
}

Test(lint_api, fixes_apply) {
    LCtx c = lint("a: for (;;) { break; }\nif (x === -0) {}", NULL, NULL, NULL);
    cr_assert_eq(count(&c, "no-unused-labels"), 1);
    uint32_t with_fix = 0;
    for (uint32_t i = 0; i < c.res->diags.v.len; i++) {
        const AnFix *f = an_result_fix(c.res, i);
        if (!f) continue;
        with_fix++;
        cr_assert(f->title && f->nedits > 0);
    }
    cr_assert(with_fix >= 2);  // the label (safe) and -0 (suggestion)
    OchBuf out = {0};
    uint32_t n = an_result_apply_fixes(c.res, c.src, (uint32_t)strlen(c.src), &out);
    cr_assert_eq(n, 1);  // suggestions are not applied
    cr_assert_str_eq(out.data, "for (;;) { break; }\nif (x === -0) {}");
    och_buf_free(&out);
    lfree(&c);
}

Test(lint_api, findings_inside_a_syntax_error_statement_are_dropped) {
    // The broken statement holds an undefined name; the rest is linted.
    LCtx c = lint("undefinedA();\nfoo(undefinedB +);\nundefinedC();", "no-undef", NULL, NULL);
    cr_assert(ps_parse_has_errors(c.parse));
    cr_assert_eq(count(&c, "no-undef"), 2, "got %u", count(&c, "no-undef"));
    lfree(&c);
}

Test(lint_api, findings_and_early_errors_are_in_source_order) {
    LCtx c = lint("debugger;\nlet a; let a;\ndebugger;", NULL, NULL, NULL);
    cr_assert(c.res->diags.v.len >= 3);
    for (uint32_t i = 1; i < c.res->diags.v.len; i++)
        cr_assert(c.res->diags.v.items[i - 1].span.start <= c.res->diags.v.items[i].span.start);
    lfree(&c);
}

Test(lint_api, misleading_character_class_allow_escape) {
    LCtx a = lint("var r = /[\\u0041\\u0301]/u;", "no-misleading-character-class", NULL, NULL);
    cr_assert_eq(count(&a, "no-misleading-character-class"), 1);
    lfree(&a);
    LCtx b = lint("var r = /[\\u0041\\u0301]/u;", "no-misleading-character-class",
                  "[{\"allowEscape\": true}]", NULL);
    cr_assert_eq(count(&b, "no-misleading-character-class"), 0);
    lfree(&b);
}

Test(lint_api, string_patterns_are_reported_at_their_characters) {
    // In a RegExp string, the finding covers the escapes that make the pair.
    LCtx c = lint("new RegExp(\"x[\\uD83D\\uDC4D]\");", "no-misleading-character-class", NULL, NULL);
    cr_assert_eq(count(&c, "no-misleading-character-class"), 1);
    const OchDiag *d = &c.res->diags.v.items[0];
    cr_assert_eq(d->span.start, 14);
    cr_assert_eq(d->span.end, 26);
    lfree(&c);
}

Test(lint_api, names_mentioned_in_a_broken_statement_are_not_reported) {
    // `helper` is declared in the statement the parser could not read: its
    // use elsewhere is not reported as undefined.
    LCtx c = lint("function helper( { return 1; }\nhelper();\nother();", "no-undef", NULL, NULL);
    cr_assert(ps_parse_has_errors(c.parse));
    for (uint32_t i = 0; i < c.res->diags.v.len; i++) {
        const OchDiag *d = &c.res->diags.v.items[i];
        if (d->code != AN_W_NO_UNDEF) continue;
        cr_expect(strncmp(c.src + d->span.start, "helper", 6) != 0, "helper reported");
    }
    lfree(&c);
}

// Issue 5 (bug): `let` redeclared in one scope is the early error E0500;
// no-redeclare must not report the same declaration again. A `var`
// redeclaration (no early error) is still the rule's.
Test(lint_api, bug5_redeclaration_early_error_is_reported_once) {
    LCtx c = lint("let total = 1;\nlet total = 2;\nvar v = 1;\nvar v = 2;\nv(total);", "no-redeclare",
                  NULL, NULL);
    unsigned early = 0;
    for (uint32_t i = 0; i < c.res->diags.v.len; i++) early += c.res->diags.v.items[i].code == AN_E_REDECLARATION;
    cr_assert_eq(early, 1);
    cr_assert_eq(count(&c, "no-redeclare"), 1, "got %u", count(&c, "no-redeclare"));
    const OchDiag *d = NULL;
    for (uint32_t i = 0; i < c.res->diags.v.len; i++)
        if (c.res->diags.v.items[i].code == AN_W_NO_REDECLARE) d = &c.res->diags.v.items[i];
    cr_assert(d && strncmp(c.src + d->span.start, "v =", 3) == 0);
    lfree(&c);
    // Also across kinds: `var` after `let` (E0500 on the var) and a
    // parameter redeclared by a body `let` (E0502).
    LCtx b = lint("let a = 1;\nvar a = 2;\nfunction f(p) { let p; return p; }\nf(a);", "no-redeclare",
                  NULL, NULL);
    cr_assert_eq(count(&b, "no-redeclare"), 0, "got %u", count(&b, "no-redeclare"));
    lfree(&b);
}

// no-use-before-define: without options only TDZ uses; with options,
// ESLint's semantics and ESLint's defaults for the keys not given.
Test(lint_api, use_before_define_modes) {
    const char *src = "f(); function f() {}\nv; var v = 1;\nconst g = () => c; const c = 1;\nc2; let c2;\n";
    LCtx d = lint(src, "no-use-before-define", NULL, NULL);
    cr_assert_eq(count(&d, "no-use-before-define"), 1, "default: got %u", count(&d, "no-use-before-define"));
    lfree(&d);
    LCtx e = lint(src, "no-use-before-define", "[]", NULL);
    cr_assert_eq(count(&e, "no-use-before-define"), 1, "[]: got %u", count(&e, "no-use-before-define"));
    lfree(&e);
    // ESLint's defaults: f, v, c (closure, variables: true) and c2.
    LCtx a = lint(src, "no-use-before-define", "[{}]", NULL);
    cr_assert_eq(count(&a, "no-use-before-define"), 4, "{}: got %u", count(&a, "no-use-before-define"));
    lfree(&a);
    LCtx n = lint(src, "no-use-before-define", "[\"nofunc\"]", NULL);
    cr_assert_eq(count(&n, "no-use-before-define"), 3, "nofunc: got %u", count(&n, "no-use-before-define"));
    lfree(&n);
    LCtx v = lint(src, "no-use-before-define", "[{\"functions\": false, \"variables\": false}]", NULL);
    cr_assert_eq(count(&v, "no-use-before-define"), 2, "vars off: got %u", count(&v, "no-use-before-define"));
    lfree(&v);
    const char *mod = "// module\nexport { x };\nconst x = 1;\n";
    LCtx m1 = lint(mod, "no-use-before-define", "[{}]", NULL);
    cr_assert_eq(count(&m1, "no-use-before-define"), 1);
    lfree(&m1);
    LCtx m2 = lint(mod, "no-use-before-define", "[{\"allowNamedExports\": true}]", NULL);
    cr_assert_eq(count(&m2, "no-use-before-define"), 0);
    lfree(&m2);
    OchBuf err = {0};
    cr_assert(an_rule_options_check(AN_W_NO_USE_BEFORE_DEFINE, "[{\"classes\": false}]", &err));
    cr_assert(!an_rule_options_check(AN_W_NO_USE_BEFORE_DEFINE, "[\"func\"]", &err));
    cr_assert(!an_rule_options_check(AN_W_NO_USE_BEFORE_DEFINE, "[{\"enums\": true}]", &err));
    och_buf_free(&err);
}
