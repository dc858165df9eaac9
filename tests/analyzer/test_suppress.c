// Unit tests of suppression comments (analyzer/suppress.c).
#include <criterion/criterion.h>
#include <string.h>

#include "analyzer.h"

typedef struct Scan {
    PsParse *parse;
    OchLineIndex lines;
    AnSuppressions sup;
    char *src;
} Scan;

static void scan(Scan *s, const char *text, bool jsx) {
    s->src = ps_source_dup(text, strlen(text));
    PsOptions o;
    ps_options_default(&o);
    o.tolerant = true;
    o.jsx = jsx;
    o.goal = PS_GOAL_MODULE;
    s->parse = ps_parse(s->src, strlen(text), &o);
    och_line_index_init(&s->lines, s->src, (uint32_t)strlen(text));
    an_suppress_init(&s->sup);
    an_suppress_scan(&s->sup, s->parse, &s->lines);
}

static void scan_free(Scan *s) {
    an_suppress_free(&s->sup);
    och_line_index_free(&s->lines);
    ps_parse_free(s->parse);
    och_free(s->src);
}

// Is a finding of `rule` at the start of 0-based line `line` hidden?
static bool hidden(const Scan *s, const char *rule, uint32_t line) {
    uint32_t off = s->lines.line_starts[line];
    return an_suppress_hides(&s->sup, rule, "W1000", off, line);
}

Test(suppress, ochre_ignore_next_line_all_rules) {
    Scan s;
    scan(&s, "// ochre-ignore-next-line\nx;\ny;\n", false);
    cr_expect(hidden(&s, "no-undef", 1));
    cr_expect(!hidden(&s, "no-undef", 2));
    cr_expect(!an_suppress_hides(&s.sup, NULL, "E0102", 3, 1), "syntax errors are never hidden");
    scan_free(&s);
}

Test(suppress, ochre_ignore_next_line_listed_rules_and_codes) {
    Scan s;
    scan(&s, "// ochre-ignore-next-line no-undef no-debugger\nx;\n// ochre-ignore-next-line W1000\ny;\n", false);
    cr_expect(hidden(&s, "no-undef", 1));
    cr_expect(hidden(&s, "no-debugger", 1));
    cr_expect(!hidden(&s, "no-unused-vars", 1));
    cr_expect(hidden(&s, "no-unused-vars", 3), "a code names its rule");
    scan_free(&s);
}

Test(suppress, ochre_ignore_file) {
    Scan s;
    scan(&s, "a;\nb;\n/* ochre-ignore-file */\n", false);
    cr_expect(hidden(&s, "no-undef", 0));
    cr_expect(hidden(&s, "anything", 1));
    scan_free(&s);
}

Test(suppress, eslint_disable_and_enable_regions) {
    Scan s;
    scan(&s,
         "a;\n"
         "/* eslint-disable no-undef, no-debugger -- legacy code */\n"
         "b;\n"
         "/* eslint-enable no-undef */\n"
         "c;\n"
         "/* eslint-enable */\n"
         "d;\n",
         false);
    cr_expect(!hidden(&s, "no-undef", 0));
    cr_expect(hidden(&s, "no-undef", 2));
    cr_expect(hidden(&s, "no-debugger", 2));
    cr_expect(!hidden(&s, "no-unused-vars", 2));
    cr_expect(!hidden(&s, "no-undef", 4));
    cr_expect(hidden(&s, "no-debugger", 4));
    cr_expect(!hidden(&s, "no-debugger", 6));
    scan_free(&s);
}

Test(suppress, eslint_disable_without_rules_covers_all) {
    Scan s;
    scan(&s, "/* eslint-disable */\na;\n", false);
    cr_expect(hidden(&s, "no-undef", 1));
    scan_free(&s);
}

Test(suppress, eslint_disable_in_a_line_comment_is_not_a_directive) {
    Scan s;
    scan(&s, "// eslint-disable\na;\n", false);
    cr_expect(!hidden(&s, "no-undef", 1));
    scan_free(&s);
}

Test(suppress, eslint_disable_line_and_next_line) {
    Scan s;
    scan(&s, "a; // eslint-disable-line no-undef\n/* eslint-disable-next-line */\nb;\nc;\n", false);
    cr_expect(hidden(&s, "no-undef", 0));
    cr_expect(!hidden(&s, "no-debugger", 0));
    cr_expect(hidden(&s, "no-debugger", 2));
    cr_expect(!hidden(&s, "no-debugger", 3));
    scan_free(&s);
}

Test(suppress, directives_inside_strings_and_templates_do_not_count) {
    Scan s;
    scan(&s,
         "let a = \"// ochre-ignore-file\";\n"
         "let b = `/* eslint-disable */ ${a /* eslint-disable no-undef */} `;\n"
         "let r = /\\/\\/ ochre-ignore-file/;\n"
         "c;\n",
         false);
    cr_expect(!hidden(&s, "no-debugger", 3));
    cr_expect(hidden(&s, "no-undef", 3), "the comment inside ${} is real");
    scan_free(&s);
}

Test(suppress, jsx_text_is_not_a_comment) {
    Scan s;
    scan(&s, "let e = <p>// ochre-ignore-file</p>;\nx;\n", true);
    cr_expect(!hidden(&s, "no-undef", 1));
    scan_free(&s);
}

Test(suppress, word_must_stand_alone) {
    AnSuppressions sup;
    an_suppress_init(&sup);
    cr_expect(!an_suppress_add_comment(&sup, " eslint-disabled", 16, true, 0, 0, 0));
    cr_expect(!an_suppress_add_comment(&sup, " see eslint-disable", 19, true, 0, 0, 0));
    cr_expect(an_suppress_add_comment(&sup, " eslint-disable", 15, true, 0, 0, 0));
    an_suppress_free(&sup);
}

Test(suppress, multiline_disable_line_is_ignored) {
    AnSuppressions sup;
    an_suppress_init(&sup);
    cr_expect(!an_suppress_add_comment(&sup, " eslint-disable-line\n", 21, true, 0, 0, 1));
    an_suppress_free(&sup);
}

Test(suppress, directive_words_inside_another_comment_do_not_count) {
    Scan s;
    scan(&s, "/* see // eslint-disable-line */ a;\n// note: eslint-disable-next-line\nb;\nc; /* x */ // ochre-ignore-next-line\nd;\n",
         false);
    cr_expect(!hidden(&s, "no-undef", 0));
    cr_expect(!hidden(&s, "no-undef", 2));
    cr_expect(hidden(&s, "no-undef", 4), "a comment after another comment on the line is real");
    scan_free(&s);
}

Test(suppress, directives_in_nested_code_and_hashbang) {
    Scan s;
    scan(&s,
         "#!/usr/bin/env node // ochre-ignore-file\n"
         "function f() {\n"
         "    if (x) {\n"
         "        g(a, /* eslint-disable-line no-undef */ b);\n"
         "    }\n"
         "    return `${h(/* not */ 1)}` + \" // eslint-disable \";\n"
         "}\n",
         false);
    cr_expect(!hidden(&s, "no-undef", 1), "a hashbang line is not a comment");
    cr_expect(hidden(&s, "no-undef", 3));
    cr_expect(!hidden(&s, "no-undef", 5));
    cr_expect_eq(s.sup.v.len, 1);
    scan_free(&s);
}
