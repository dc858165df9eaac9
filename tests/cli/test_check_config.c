// Unit tests of ochre.json validation (cli/check_config.c) and the rule
// table (cli/check_rules.c).
#include <criterion/criterion.h>
#include <string.h>

#include "check_config.h"
#include "check_rules.h"
#include "parser.h"

// Parses text; returns the configuration (NULL when invalid) and leaves the
// messages in *errors.
static ChkConfig *parse(const char *text, OchBuf *errors) {
    ChkConfig *cfg = NULL;
    OchStatus st = chk_config_parse(text, strlen(text), "ochre.json", "/proj", &cfg, errors);
    cr_assert_eq(st == OCH_OK, cfg != NULL);
    return cfg;
}

static void expect_error(const char *text, const char *message) {
    OchBuf errors = {0};
    ChkConfig *cfg = parse(text, &errors);
    cr_expect_null(cfg, "accepted: %s", text);
    cr_expect(errors.data && strstr(errors.data, message), "for %s\nexpected: %s\ngot: %s", text, message,
              errors.data ? errors.data : "(nothing)");
    chk_config_free(cfg);
    och_buf_free(&errors);
}

Test(config, full_example_is_accepted) {
    OchBuf errors = {0};
    ChkConfig *cfg = parse("{\"$schema\": \"x\", \"env\": [\"browser\", \"es2025\"],"
                           " \"globals\": {\"jQuery\": \"readonly\", \"G\": \"writable\", \"H\": \"off\"},"
                           " \"rules\": {\"no-undef\": \"error\", \"no-unused-vars\": [\"warn\", {\"args\": \"none\"}],"
                           "            \"no-debugger\": \"off\"},"
                           " \"ignore\": [\"dist/\", \"**/*.min.js\"], \"jsx\": true, \"sourceType\": \"module\"}",
                           &errors);
    cr_assert_not_null(cfg, "%s", errors.data);
    cr_expect_eq(cfg->env.len, 2);
    cr_expect_str_eq(cfg->env.items[0], "browser");
    cr_expect_eq(cfg->globals.len, 3);
    cr_expect_eq(cfg->globals.items[1].mode, CHK_GLOBAL_WRITABLE);
    cr_expect_eq(cfg->globals.items[2].mode, CHK_GLOBAL_OFF);
    const ChkRuleSetting *r = chk_config_rule(cfg, "no-unused-vars");
    cr_assert_not_null(r);
    cr_expect_eq(r->level, CHK_RULE_WARN);
    cr_expect_str_eq(r->options, "[{\"args\":\"none\"}]");
    cr_expect_eq(chk_config_rule(cfg, "no-debugger")->level, CHK_RULE_OFF);
    cr_expect_null(chk_config_rule(cfg, "no-with"));
    cr_expect_eq(cfg->jsx, 1);
    cr_expect_eq(cfg->source_type, PS_GOAL_MODULE);
    cr_expect(chk_config_ignores(cfg, "/proj/dist", true));
    cr_expect(chk_config_ignores(cfg, "/proj/dist/a.js", false));
    cr_expect(chk_config_ignores(cfg, "/proj/lib/x.min.js", false));
    cr_expect(!chk_config_ignores(cfg, "/proj/lib/x.js", false));
    cr_expect(!chk_config_ignores(cfg, "/other/dist/a.js", false));
    chk_config_free(cfg);
    och_buf_free(&errors);
}

Test(config, empty_object_is_all_defaults) {
    OchBuf errors = {0};
    ChkConfig *cfg = parse("{}", &errors);
    cr_assert_not_null(cfg);
    cr_expect_eq(cfg->jsx, -1);
    cr_expect_eq(cfg->source_type, -1);
    cr_expect_eq(cfg->rules.len, 0);
    chk_config_free(cfg);
    och_buf_free(&errors);
}

Test(config, env_as_object) {
    OchBuf errors = {0};
    ChkConfig *cfg = parse("{\"env\": {\"node\": true, \"browser\": false}}", &errors);
    cr_assert_not_null(cfg);
    cr_expect_eq(cfg->env.len, 1);
    cr_expect_str_eq(cfg->env.items[0], "node");
    chk_config_free(cfg);
    och_buf_free(&errors);
}

Test(config, bad_rule_level_names_the_json_path) {
    expect_error("{\"rules\": {\"no-undef\": \"on\"}}",
                 "ochre.json: rules.no-undef: expected \"off\", \"warn\" or \"error\"");
    expect_error("{\"rules\": {\"no-undef\": 2}}", "ochre.json: rules.no-undef: expected \"off\", \"warn\" or \"error\"");
    expect_error("{\"rules\": {\"no-undef\": [\"loud\"]}}",
                 "ochre.json: rules.no-undef[0]: expected \"off\", \"warn\" or \"error\"");
    expect_error("{\"rules\": {\"no-undef\": []}}", "rules.no-undef[0]: expected");
}

Test(config, unknown_rule_ids_are_errors_with_a_hint) {
    expect_error("{\"rules\": {\"no-undefined-thing\": \"error\"}}", "rules.no-undefined-thing: unknown rule id");
    expect_error("{\"rules\": {\"no-undf\": \"error\"}}", "(did you mean \"no-undef\"?)");
}

Test(config, unknown_keys_are_errors) {
    expect_error("{\"rule\": {}}", "ochre.json: rule: unknown key (did you mean \"rules\"?)");
    expect_error("{\"extends\": \"x\"}", "ochre.json: extends: unknown key");
}

Test(config, wrong_types_are_errors) {
    expect_error("[]", "ochre.json: (top level): expected an object, got an array");
    expect_error("{\"jsx\": \"yes\"}", "ochre.json: jsx: expected true or false, got a string");
    expect_error("{\"sourceType\": \"commonjs\"}", "ochre.json: sourceType: expected \"module\" or \"script\"");
    expect_error("{\"ignore\": \"dist\"}", "ochre.json: ignore: expected an array");
    expect_error("{\"ignore\": [\"dist\", 3]}", "ochre.json: ignore[1]: expected a pattern (a string), got a number");
    expect_error("{\"ignore\": [\"#x\"]}", "ignore[0]: \"#x\" is not a pattern");
    expect_error("{\"globals\": {\"$\": \"readable\"}}",
                 "ochre.json: globals.$: expected \"readonly\", \"writable\" or \"off\"");
    expect_error("{\"env\": [\"browsr\"]}", "ochre.json: env[0]: unknown environment \"browsr\" (did you mean \"browser\"?)");
    expect_error("{\"env\": {\"node\": 1}}", "ochre.json: env.node: expected true or false, got a number");
}

Test(config, keys_with_dots_are_quoted_in_paths) {
    expect_error("{\"globals\": {\"a.b\": 1}}", "ochre.json: globals[\"a.b\"]: expected");
}

Test(config, every_problem_is_reported) {
    OchBuf errors = {0};
    ChkConfig *cfg = parse("{\"jsx\": 1, \"sourceType\": 2, \"bogus\": 3}", &errors);
    cr_expect_null(cfg);
    uint32_t lines = 0;
    for (size_t i = 0; i < errors.len; i++) lines += errors.data[i] == '\n';
    cr_expect_eq(lines, 3, "%s", errors.data);
    och_buf_free(&errors);
}

Test(config, json_syntax_errors_have_a_position) {
    expect_error("{\"jsx\": true,}", "ochre.json:1:");
    expect_error("{\"jsx\": true, \"jsx\": false}", "invalid JSON");
}

Test(rules, table_is_sorted_and_findable) {
    for (uint32_t i = 1; i < chk_rule_count(); i++)
        cr_expect_lt(strcmp(chk_rule_at(i - 1)->id, chk_rule_at(i)->id), 0, "%s", chk_rule_at(i)->id);
    cr_expect_not_null(chk_rule_find("no-undef"));
    cr_expect_not_null(chk_rule_find("valid-typeof"));
    cr_expect_null(chk_rule_find("no-such-rule"));
}

Test(rules, syntax_codes_have_no_rule) {
    cr_expect_null(chk_rule_of_code(PS_E_INVALID_UTF8));
    cr_expect_null(chk_rule_of_code(AN_E_REDECLARATION));
}

Test(rules, every_implemented_lint_rule_is_known) {
    for (int c = 0; c < OCH_DIAG_COUNT; c++) {
        const char *id = chk_rule_of_code((OchDiagCode)c);
        if (id) cr_expect_not_null(chk_rule_find(id), "lint code %s reports unknown rule %s",
                                   och_diag_code_str((OchDiagCode)c), id);
    }
}

// Rule options are validated by the analyzer and reported at the option's
// JSON path, so that a typo never leaves a rule silently at its defaults.
Test(config, bad_rule_options_are_errors_with_their_path) {
    expect_error("{\"rules\": {\"no-unused-vars\": [\"warn\", {\"argz\": \"none\"}]}}",
                 "ochre.json: rules.no-unused-vars[1]: invalid options: ");
    expect_error("{\"rules\": {\"no-unused-vars\": [\"warn\", {\"args\": \"some\"}]}}",
                 "ochre.json: rules.no-unused-vars[1]: invalid options: ");
    // A rule that takes no options.
    expect_error("{\"rules\": {\"no-debugger\": [\"error\", true]}}",
                 "ochre.json: rules.no-debugger[1]: invalid options: this rule takes no options");
    // More options than the rule takes: the path is the rule's.
    expect_error("{\"rules\": {\"no-unused-vars\": [\"warn\", {}, {}]}}",
                 "ochre.json: rules.no-unused-vars: invalid options: ");
    // The message does not repeat the rule id (the path names it).
    OchBuf errors = {0};
    ChkConfig *cfg = parse("{\"rules\": {\"no-debugger\": [\"error\", 1]}}", &errors);
    cr_expect_null(cfg);
    cr_expect(errors.data && !strstr(errors.data, "options: no-debugger"), "%s", errors.data);
    chk_config_free(cfg);
    och_buf_free(&errors);
}

Test(config, good_rule_options_are_kept) {
    OchBuf errors = {0};
    ChkConfig *cfg = parse("{\"rules\": {\"no-unused-vars\": [\"error\", {\"args\": \"none\", \"vars\": \"local\"}],"
                           " \"no-empty\": [\"warn\", {\"allowEmptyCatch\": true}]}}",
                           &errors);
    cr_assert_not_null(cfg, "%s", errors.data);
    cr_expect_str_eq(chk_config_rule(cfg, "no-empty")->options, "[{\"allowEmptyCatch\":true}]");
    chk_config_free(cfg);
    och_buf_free(&errors);
}
