// Regular expression pattern parser (parser/regexp.c) and the Unicode
// tables behind it (parser/unicode.c, generated data). Trees are compared
// through ps_regexp_dump; errors by code and byte range.
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"
#include "regexp.h"
#include "unicode.h"

#define BASE 100u  // pattern offset used for diagnostics in these tests

typedef struct RxResult {
    bool ok;
    OchDiagCode code;  // first diagnostic
    uint32_t start, end;
    char message[1024];
    char tree[4096];
    uint32_t ndiags;
    uint32_t ngroups;
} RxResult;

// Validates /pattern/flags as ps_regexp_validate does (flags first, at
// BASE + len + 1), and also dumps the tree when the pattern is valid.
static RxResult rx(const char *pattern, const char *flags) {
    RxResult r;
    memset(&r, 0, sizeof r);
    OchArena arena;
    och_arena_init(&arena);
    OchDiagList diags = {.arena = &arena};
    uint32_t len = (uint32_t)strlen(pattern), flen = (uint32_t)strlen(flags);
    r.ok = ps_regexp_validate(pattern, len, flags, flen, BASE, &diags);
    uint32_t bits;
    OchDiagList quiet = {.arena = &arena};
    ps_regexp_parse_flags(flags, flen, 0, &quiet, &bits);
    PsRegexp re;
    bool parsed = ps_regexp_parse(pattern, len, bits, BASE, &arena, NULL, &re);
    if (parsed) {
        OchBuf b = {0};
        ps_regexp_dump(re.root, &b);
        snprintf(r.tree, sizeof r.tree, "%s", b.data ? b.data : "");
        och_buf_free(&b);
        r.ngroups = re.ngroups;
    }
    r.ndiags = diags.v.len;
    if (diags.v.len) {
        r.code = diags.v.items[0].code;
        r.start = diags.v.items[0].span.start;
        r.end = diags.v.items[0].span.end;
        snprintf(r.message, sizeof r.message, "%s", diags.v.items[0].message);
    }
    och_diag_list_free(&diags);
    och_diag_list_free(&quiet);
    och_arena_free(&arena);
    return r;
}

static void expect_tree(const char *pattern, const char *flags, const char *tree) {
    RxResult r = rx(pattern, flags);
    cr_assert(r.ok, "/%s/%s should be valid: %s", pattern, flags, r.message);
    cr_assert_str_eq(r.tree, tree, "/%s/%s", pattern, flags);
}

static void expect_ok(const char *pattern, const char *flags) {
    RxResult r = rx(pattern, flags);
    cr_assert(r.ok, "/%s/%s should be valid: %s", pattern, flags, r.message);
    cr_assert_eq(r.ndiags, 0);
}

// Expects an error with `code` on pattern bytes [start, end) (relative).
static void expect_err(const char *pattern, const char *flags, OchDiagCode code, uint32_t start,
                       uint32_t end) {
    RxResult r = rx(pattern, flags);
    cr_assert(!r.ok, "/%s/%s should be invalid", pattern, flags);
    cr_assert_str_eq(och_diag_code_str(r.code), och_diag_code_str(code), "/%s/%s: %s", pattern,
                     flags, r.message);
    cr_assert_eq(r.start, BASE + start, "/%s/%s: start %u, expected %u (%s)", pattern, flags,
                 r.start - BASE, start, r.message);
    cr_assert_eq(r.end, BASE + end, "/%s/%s: end %u, expected %u (%s)", pattern, flags,
                 r.end - BASE, end, r.message);
}

static void expect_invalid(const char *pattern, const char *flags, OchDiagCode code) {
    RxResult r = rx(pattern, flags);
    cr_assert(!r.ok, "/%s/%s should be invalid", pattern, flags);
    cr_assert_str_eq(och_diag_code_str(r.code), och_diag_code_str(code), "/%s/%s: %s", pattern,
                     flags, r.message);
}

// --- trees -------------------------------------------------------------------------

Test(regexp, builds_trees_for_alternatives_terms_and_assertions) {
    expect_tree("a|bc", "", "(| 'a' (seq 'b' 'c'))");
    expect_tree("", "", "(seq)");
    expect_tree("a|", "", "(| 'a' (seq))");
    expect_tree("^a.$", "", "(seq ^ 'a' . $)");
    expect_tree("\\bx\\B", "u", "(seq \\b 'x' \\B)");
    expect_tree("(?=a)(?!b)(?<=c)(?<!d)", "", "(seq (?= 'a') (?! 'b') (?<= 'c') (?<! 'd'))");
}

Test(regexp, parses_greedy_and_lazy_quantifiers_with_bounds) {
    expect_tree("a*b+?c?d??", "", "(seq ({0,inf} 'a') ({1,inf}? 'b') ({0,1} 'c') ({0,1}? 'd'))");
    expect_tree("a{2}b{2,}c{2,5}?", "u", "(seq ({2,2} 'a') ({2,inf} 'b') ({2,5}? 'c'))");
    // Bounds beyond 32 bits saturate just below "unbounded".
    expect_tree("a{99999999999999999999}", "", "({4294967294,4294967294} 'a')");
    expect_ok("a{0010,00020}", "u");
}

Test(regexp, numbers_groups_in_order_of_their_opening_parens) {
    RxResult r = rx("((a)(?:b)(?<n>c))\\3", "");
    cr_assert(r.ok);
    cr_assert_eq(r.ngroups, 3);
    cr_assert_str_eq(r.tree, "(seq (group 1 (seq (group 2 'a') (?: 'b') (group 3 <n> 'c'))) \\3)");
}

Test(regexp, resolves_backreferences_to_later_groups) {
    expect_tree("\\k<a>(?<a>x)", "u", "(seq \\k<a>=1 (group 1 <a> 'x'))");
    expect_tree("\\2(a)(b)", "u", "(seq \\2 (group 1 'a') (group 2 'b'))");
    expect_err("(a)\\2", "u", PS_E_REGEXP_INVALID_BACKREFERENCE, 3, 5);
    expect_err("(?<a>x)\\k<b>", "u", PS_E_REGEXP_UNDEFINED_GROUP_NAME, 7, 12);
    expect_err("\\k<a>", "u", PS_E_REGEXP_UNDEFINED_GROUP_NAME, 0, 5);
}

Test(regexp, allows_duplicate_group_names_in_different_alternatives) {
    expect_tree("(?<y>a)|(?<y>b)", "", "(| (group 1 <y> 'a') (group 2 <y> 'b'))");
    expect_ok("(?:(?<y>a)|(?<y>b))\\k<y>", "u");
    expect_ok("(?:(?<y>a)|(?<y>b)|(?<y>c))", "v");
    expect_ok("((?<y>a)|b)|(?<y>c)", "");
    expect_ok("(?<x>a)(?:(?<y>b)|(?<y>c))|(?<x>d)", "");
}

Test(regexp, rejects_duplicate_group_names_that_might_both_participate) {
    expect_err("(?<a>x)(?<a>y)", "", PS_E_REGEXP_DUPLICATE_GROUP_NAME, 9, 12);
    expect_invalid("(?<a>x)(?<b>y)(?<a>z)", "u", PS_E_REGEXP_DUPLICATE_GROUP_NAME);
    expect_invalid("(?:(?<a>x)|(?<a>y))(?<a>z)", "", PS_E_REGEXP_DUPLICATE_GROUP_NAME);
    expect_invalid("(?<a>(?<a>x))", "", PS_E_REGEXP_DUPLICATE_GROUP_NAME);
    expect_invalid("(?<a>x)|(?:(?<a>y))(?<a>z)", "", PS_E_REGEXP_DUPLICATE_GROUP_NAME);
    // The related location points at the first definition.
    OchArena arena;
    och_arena_init(&arena);
    OchDiagList d = {.arena = &arena};
    cr_assert(!ps_regexp_validate("(?<a>x)(?<a>y)", 14, "", 0, 0, &d));
    cr_assert_eq(d.v.len, 1);
    cr_assert_eq(d.v.items[0].nrelated, 1);
    cr_assert_eq(d.v.items[0].related[0].span.start, 2);
    cr_assert_eq(d.v.items[0].related[0].span.end, 5);
    och_diag_list_free(&d);
    och_arena_free(&arena);
}

Test(regexp, parses_and_checks_modifier_groups) {
    expect_tree("(?i:a)(?-m:b)(?s-i:c)(?ims:d)", "",
                "(seq (?i: 'a') (?-m: 'b') (?s-i: 'c') (?ims: 'd'))");
    expect_err("(?ii:a)", "", PS_E_REGEXP_INVALID_MODIFIERS, 3, 4);
    expect_err("(?i-i:a)", "u", PS_E_REGEXP_INVALID_MODIFIERS, 4, 5);
    expect_err("(?-:a)", "", PS_E_REGEXP_INVALID_MODIFIERS, 0, 4);
    expect_err("(?i)", "", PS_E_REGEXP_INVALID_MODIFIERS, 0, 4);
    expect_err("(?i-y:a)", "", PS_E_REGEXP_INVALID_MODIFIERS, 4, 5);
    expect_err("(?x:a)", "", PS_E_REGEXP_INVALID_GROUP, 0, 3);
}

Test(regexp, reports_nothing_to_repeat_with_the_quantifier_span) {
    expect_err("*a", "", PS_E_REGEXP_NOTHING_TO_REPEAT, 0, 1);
    expect_err("a|+?", "u", PS_E_REGEXP_NOTHING_TO_REPEAT, 2, 4);
    expect_err("a**", "", PS_E_REGEXP_NOTHING_TO_REPEAT, 2, 3);
    expect_err("^*", "", PS_E_REGEXP_NOTHING_TO_REPEAT, 1, 2);
    expect_err("\\b{2}", "", PS_E_REGEXP_NOTHING_TO_REPEAT, 2, 5);
    expect_err("{1,2}", "", PS_E_REGEXP_NOTHING_TO_REPEAT, 0, 5);
    expect_err("a(?<=b)*", "", PS_E_REGEXP_NOTHING_TO_REPEAT, 7, 8);
    expect_err("(?<!b){1}", "u", PS_E_REGEXP_NOTHING_TO_REPEAT, 6, 9);
    expect_err("(?=b)+", "u", PS_E_REGEXP_NOTHING_TO_REPEAT, 5, 6);
    RxResult r = rx("*", "");
    cr_assert(strstr(r.message, "nothing to repeat before '*'"), "%s", r.message);
    cr_assert(strstr(r.message, "'\\*'"), "%s", r.message);
}

Test(regexp, checks_quantifier_bound_order_exactly) {
    expect_err("a{2,1}", "", PS_E_REGEXP_QUANTIFIER_ORDER, 1, 6);
    expect_invalid("a{99999999999999999999,99999999999999999998}", "u",
                   PS_E_REGEXP_QUANTIFIER_ORDER);
    expect_ok("a{99999999999999999998,99999999999999999999}", "u");
    expect_ok("a{0002,2}", "");
}

Test(regexp, reports_unbalanced_groups_and_classes) {
    expect_err("a(b", "", PS_E_REGEXP_UNTERMINATED_GROUP, 1, 2);
    expect_err("(?<n>a", "u", PS_E_REGEXP_UNTERMINATED_GROUP, 0, 5);
    expect_err("a)", "", PS_E_REGEXP_UNMATCHED_PAREN, 1, 2);
    expect_err("[abc", "", PS_E_REGEXP_UNTERMINATED_CLASS, 0, 1);
    expect_err("[a[b]", "v", PS_E_REGEXP_UNTERMINATED_CLASS, 0, 1);
    expect_err("(?", "", PS_E_REGEXP_INVALID_GROUP, 0, 2);
}

Test(regexp, accepts_annex_b_syntax_without_u_or_v) {
    const char *ok[] = {
        "]",        "}",       "{",        "a{",        "a{1",    "a{1,",  "x{,5}",
        "{a}",      "\\c",     "\\c1",     "[\\c1]",    "[\\c_]", "\\a",   "\\-",
        "\\k",      "\\k<a>",  "\\p{Foo}", "\\u{12}",   "\\x1",   "\\u12", "\\8",
        "\\9",      "\\01",    "\\377",    "\\400",     "\\1",    "[\\1]", "(?=a)*",
        "(?!a){2}", "[\\d-z]", "[a-\\w]",  "[\\s-\\d]", "\\c*",   "[\\B]", "[\\-]",
        "a{2}{",    "\\/",     "/",        "\\q",       "(?:)",   "[]",    "[^]",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) expect_ok(ok[i], "");
    expect_tree("\\c", "", "(seq '\\' 'c')");
    expect_tree("\\cJ", "", "U+000A");
    expect_tree("[\\c1]", "", "[ U+0011 ]");
    expect_tree("\\1", "", "U+0001");  // no group: octal
    expect_tree("\\1(a)", "", "(seq \\1 (group 1 'a'))");
    expect_tree("\\18(a)", "", "(seq U+0001 '8' (group 1 'a'))");
    expect_tree("\\400", "", "(seq U+0020 '0')");  // \40 then '0'
    expect_tree("\\u{2}", "", "({2,2} 'u')");
    expect_tree("[\\d-z]", "", "[ \\d '-' 'z' ]");
    expect_tree("\\k<a>", "", "(seq 'k' '<' 'a' '>')");
}

Test(regexp, named_groups_make_k_strict_in_annex_b) {
    expect_err("(?<a>.)\\k", "", PS_E_REGEXP_INVALID_NAMED_REFERENCE, 7, 9);
    expect_invalid("\\k<b>(?<a>.)", "", PS_E_REGEXP_UNDEFINED_GROUP_NAME);
    expect_invalid("(?<a>.)[\\k]", "", PS_E_REGEXP_INVALID_NAMED_REFERENCE);
    expect_ok("(?<a>.)\\k<a>", "");
    expect_ok("\\k[\\k]", "");
}

Test(regexp, unicode_mode_is_strict_about_escapes_and_lone_brackets) {
    expect_err("\\a", "u", PS_E_REGEXP_INVALID_ESCAPE, 0, 2);
    expect_err("\\-", "u", PS_E_REGEXP_INVALID_ESCAPE, 0, 2);
    expect_ok("[\\-]", "u");
    expect_ok("\\^\\$\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/", "u");
    expect_err("]", "u", PS_E_REGEXP_LONE_SYNTAX_CHAR, 0, 1);
    expect_err("a{", "u", PS_E_REGEXP_LONE_SYNTAX_CHAR, 1, 2);
    expect_err("}", "v", PS_E_REGEXP_LONE_SYNTAX_CHAR, 0, 1);
    expect_err("\\c1", "u", PS_E_REGEXP_INVALID_CONTROL_ESCAPE, 0, 2);
    expect_err("\\x4", "u", PS_E_REGEXP_INVALID_HEX_ESCAPE, 0, 3);
    expect_err("\\u12", "u", PS_E_REGEXP_INVALID_UNICODE_ESCAPE, 0, 4);
    expect_err("\\u{110000}", "u", PS_E_REGEXP_INVALID_UNICODE_ESCAPE, 0, 10);
    expect_err("\\u{}", "u", PS_E_REGEXP_INVALID_UNICODE_ESCAPE, 0, 4);
    expect_err("\\01", "u", PS_E_REGEXP_INVALID_DECIMAL_ESCAPE, 0, 3);
    expect_err("[\\1]", "u", PS_E_REGEXP_INVALID_DECIMAL_ESCAPE, 1, 3);
    expect_err("a\\", "u", PS_E_REGEXP_TRAILING_BACKSLASH, 1, 2);
    expect_err("a\\", "", PS_E_REGEXP_TRAILING_BACKSLASH, 1, 2);
    expect_err("[\\B]", "u", PS_E_REGEXP_INVALID_ESCAPE, 1, 3);
    expect_tree("\\0", "u", "U+0000");
}

Test(regexp, unicode_escapes_join_surrogate_pairs_only_in_unicode_mode) {
    expect_tree("\\u{1F600}", "u", "U+1F600");
    expect_tree("\\uD83D\\uDE00", "u", "U+1F600");
    expect_tree("\\uD83D\\uDE00", "", "(seq U+D83D U+DE00)");
    expect_tree("\\uD83D", "u", "U+D83D");
    expect_tree("\\u{0000000041}", "u", "'A'");
    // Literal astral characters are two code units without u/v.
    expect_tree("\xF0\x9F\x98\x80{2}", "", "(seq U+D83D ({2,2} U+DE00))");
    expect_tree("\xF0\x9F\x98\x80{2}", "u", "({2,2} U+1F600)");
    expect_err("[\xF0\x9F\x92\xA9-\xF0\x9F\x92\xAB]", "", PS_E_REGEXP_RANGE_ORDER, 1, 10);
    expect_ok("[\xF0\x9F\x92\xA9-\xF0\x9F\x92\xAB]", "u");
    // A WTF-8 lead/trail surrogate pair is one code point with u.
    expect_tree("\xED\xA0\xBD\xED\xB8\x80", "u", "U+1F600");
}

Test(regexp, group_names_are_identifiers_with_escapes) {
    expect_tree("(?<$x_1>.)", "", "(group 1 <$x_1> .)");
    expect_tree("(?<\\u0061b>.)", "", "(group 1 <ab> .)");
    expect_tree("(?<a\\u{62}>.)", "", "(group 1 <ab> .)");
    expect_tree("(?<\\ud835\\udc9c>.)", "", "(group 1 <\xF0\x9D\x92\x9C> .)");
    expect_tree("(?<\xF0\x9D\x92\x9C>.)", "", "(group 1 <\xF0\x9D\x92\x9C> .)");
    expect_ok("(?<a\xE2\x80\x8C>.)", "u");  // ZWNJ continues a name
    expect_err("(?<>a)", "", PS_E_REGEXP_INVALID_GROUP_NAME, 2, 4);
    expect_err("(?<42>a)", "u", PS_E_REGEXP_INVALID_GROUP_NAME, 3, 4);
    expect_err("(?<a-b>.)", "", PS_E_REGEXP_INVALID_GROUP_NAME, 4, 5);
    expect_err("(?<a\\uD801>.)", "", PS_E_REGEXP_INVALID_GROUP_NAME, 4, 10);
    expect_err("(?<a\\x41>.)", "", PS_E_REGEXP_INVALID_GROUP_NAME, 4, 6);
    expect_err("(?<ab", "", PS_E_REGEXP_INVALID_GROUP_NAME, 2, 5);
}

Test(regexp, character_class_ranges) {
    expect_tree("[a-z0-9_]", "", "[ 'a'-'z' '0'-'9' '_' ]");
    expect_tree("[^-a-]", "", "[^ '-' 'a' '-' ]");
    expect_tree("[\\b\\-]", "u", "[ U+0008 '-' ]");
    expect_tree("[\\w\\D]", "u", "[ \\w \\D ]");
    expect_err("[z-a]", "", PS_E_REGEXP_RANGE_ORDER, 1, 4);
    expect_err("[a\\d-z]", "u", PS_E_REGEXP_CLASS_ESCAPE_IN_RANGE, 2, 6);
    expect_err("[a-\\p{L}]", "u", PS_E_REGEXP_CLASS_ESCAPE_IN_RANGE, 1, 8);
}

Test(regexp, property_escapes_accept_names_values_and_aliases) {
    expect_tree("\\p{L}\\p{Letter}\\p{gc=Lu}\\p{General_Category=Decimal_Number}", "u",
                "(seq \\p{Letter} \\p{Letter} \\p{Uppercase_Letter} \\p{Decimal_Number})");
    expect_tree("\\p{Script=Greek}\\p{sc=Grek}\\p{scx=Latn}\\P{Script_Extensions=Latin}", "u",
                "(seq \\p{sc=Greek} \\p{sc=Greek} \\p{scx=Latin} \\P{scx=Latin})");
    const char *ok[] = {
        "\\p{ASCII}",      "\\p{Any}",         "\\p{Assigned}",   "\\p{space}",
        "\\p{Alpha}",      "\\p{ID_Start}",    "\\p{XIDC}",       "\\p{Emoji_Presentation}",
        "\\p{ExtPict}",    "\\p{punct}",       "\\p{digit}",      "\\p{Combining_Mark}",
        "\\p{LC}",         "\\p{Script=Zyyy}", "\\p{sc=Qaac}",    "\\p{scx=Zinh}",
        "\\p{sc=Unknown}", "\\p{CWKCF}",       "[\\p{Lu}\\P{Ll}]"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        expect_ok(ok[i], "u");
        expect_ok(ok[i], "v");
    }
    // Without u/v, \p is an identity escape.
    expect_tree("\\p{L}", "", "(seq 'p' '{' 'L' '}')");
}

Test(regexp, property_escapes_report_unknown_or_malformed_properties) {
    expect_err("\\p{Foo}", "u", PS_E_REGEXP_UNKNOWN_PROPERTY, 0, 7);
    expect_err("x\\p{ascii}", "u", PS_E_REGEXP_UNKNOWN_PROPERTY, 1, 10);
    expect_err("\\p{Line_Break=Alphabetic}", "u", PS_E_REGEXP_UNKNOWN_PROPERTY, 0, 25);
    expect_err("\\p{Script=Foo}", "u", PS_E_REGEXP_UNKNOWN_PROPERTY_VALUE, 0, 14);
    expect_err("\\p{gc=Alphabetic}", "u", PS_E_REGEXP_UNKNOWN_PROPERTY_VALUE, 0, 17);
    expect_err("\\p{Script}", "u", PS_E_REGEXP_PROPERTY_VALUE_MISMATCH, 0, 10);
    expect_err("\\P{ASCII=Yes}", "u", PS_E_REGEXP_PROPERTY_VALUE_MISMATCH, 0, 13);
    expect_err("\\p", "u", PS_E_REGEXP_INVALID_PROPERTY_SYNTAX, 0, 2);
    expect_err("\\p{}", "u", PS_E_REGEXP_INVALID_PROPERTY_SYNTAX, 0, 4);
    expect_err("\\p{L", "u", PS_E_REGEXP_INVALID_PROPERTY_SYNTAX, 0, 4);
    expect_err("\\p{ L}", "u", PS_E_REGEXP_INVALID_PROPERTY_SYNTAX, 0, 6);
    expect_err("\\p{Script=}", "v", PS_E_REGEXP_INVALID_PROPERTY_SYNTAX, 0, 11);
    expect_invalid("\\p{Other_ID_Start}", "u", PS_E_REGEXP_UNKNOWN_PROPERTY);
    expect_invalid("\\p{WSpace}", "u", PS_E_REGEXP_UNKNOWN_PROPERTY);
}

Test(regexp, properties_of_strings_need_v_and_cannot_be_negated) {
    expect_tree("\\p{RGI_Emoji}", "v", "\\p{RGI_Emoji}");
    expect_ok("\\p{Basic_Emoji}\\p{Emoji_Keycap_Sequence}\\p{RGI_Emoji_Flag_Sequence}", "v");
    expect_ok("[\\p{RGI_Emoji_Modifier_Sequence}\\p{RGI_Emoji_Tag_Sequence}]", "v");
    expect_err("\\p{RGI_Emoji_ZWJ_Sequence}", "u", PS_E_REGEXP_STRINGS_NEED_V, 0, 26);
    expect_err("a\\P{RGI_Emoji}", "v", PS_E_REGEXP_NEGATED_STRINGS, 1, 14);
    expect_err("[^\\p{RGI_Emoji}]", "v", PS_E_REGEXP_NEGATED_STRINGS, 0, 16);
    expect_err("[^[^\\p{RGI_Emoji}]]", "v", PS_E_REGEXP_NEGATED_STRINGS, 2, 18);
    expect_ok("[^\\p{RGI_Emoji}&&\\p{L}]", "v");  // an intersection with single characters
}

Test(regexp, v_flag_class_set_operations) {
    expect_tree("[\\w--\\d]", "v", "[-- \\w \\d ]");
    expect_tree("[a&&[a-z]&&\\p{L}]", "v", "[&& 'a' [ 'a'-'z' ] \\p{Letter} ]");
    expect_tree("[[a-c][x]]", "v", "[ [ 'a'-'c' ] [ 'x' ] ]");
    expect_tree("[^[a]--b]", "v", "[^-- [ 'a' ] 'b' ]");
    expect_err("[ab&&c]", "v", PS_E_REGEXP_MIXED_CLASS_OPERATORS, 3, 5);
    expect_err("[a&&b--c]", "v", PS_E_REGEXP_MIXED_CLASS_OPERATORS, 5, 7);
    expect_err("[a&&bc]", "v", PS_E_REGEXP_MIXED_CLASS_OPERATORS, 5, 6);
    expect_err("[a-z&&b]", "v", PS_E_REGEXP_INVALID_SET_OPERAND, 1, 4);
    expect_err("[a&&b-c]", "v", PS_E_REGEXP_INVALID_SET_OPERAND, 4, 7);
    expect_err("[&&a]", "v", PS_E_REGEXP_INVALID_SET_OPERAND, 1, 3);
    expect_err("[a&&]", "v", PS_E_REGEXP_INVALID_SET_OPERAND, 2, 4);
    expect_err("[a--]", "v", PS_E_REGEXP_INVALID_SET_OPERAND, 2, 4);
    expect_err("[a&&&b]", "v", PS_E_REGEXP_RESERVED_DOUBLE_PUNCTUATOR, 2, 5);
    expect_err("[a-\\d]", "v", PS_E_REGEXP_INVALID_SET_OPERAND, 3, 5);
    expect_err("[z-a]", "v", PS_E_REGEXP_RANGE_ORDER, 1, 4);
    // Without v, && and -- are plain characters.
    expect_tree("[a&&b]", "u", "[ 'a' '&' '&' 'b' ]");
    expect_tree("[&&--]", "", "[ '&' '&'-'-' ]");
}

Test(regexp, v_flag_requires_escaping_syntax_and_reserved_punctuators) {
    const char *bad[] = {"[(]", "[)]", "[{]", "[}]", "[/]", "[-]", "[|]", "[a-]"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        expect_invalid(bad[i], "v", PS_E_REGEXP_UNESCAPED_CLASS_CHAR);
    const char *reserved[] = {"[!!]", "[##]", "[$$]", "[%%]",  "[**]", "[++]",
                              "[,,]", "[..]", "[::]", "[;;]",  "[<<]", "[==]",
                              "[>>]", "[??]", "[@@]", "[^^^]", "[``]", "[~~]"};
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        expect_invalid(reserved[i], "v", PS_E_REGEXP_RESERVED_DOUBLE_PUNCTUATOR);
    expect_ok("[\\(\\)\\{\\}\\/\\-\\|\\&\\!\\#\\%\\,\\:\\;\\<\\=\\>\\@\\`\\~]", "v");
    expect_ok("[!#%&]", "v");
    expect_err("[a!!b]", "v", PS_E_REGEXP_RESERVED_DOUBLE_PUNCTUATOR, 2, 4);
    expect_err("[\\a]", "v", PS_E_REGEXP_INVALID_ESCAPE, 1, 3);
    // Outside classes, v follows the u rules.
    expect_invalid("\\-", "v", PS_E_REGEXP_INVALID_ESCAPE);
}

Test(regexp, v_flag_class_string_disjunctions) {
    expect_tree("[\\q{abc|d|}]", "v", "[ \\q{'a' 'b' 'c'|'d'|} ]");
    expect_tree("[\\q{a}--\\q{b}]", "v", "[-- \\q{'a'} \\q{'b'} ]");
    expect_ok("[^\\q{a|b}]", "v");  // single characters only: no strings
    expect_err("[^\\q{ab}]", "v", PS_E_REGEXP_NEGATED_STRINGS, 0, 9);
    expect_err("[^\\q{}]", "v", PS_E_REGEXP_NEGATED_STRINGS, 0, 7);
    expect_ok("[^\\q{ab}&&a]", "v");  // intersection with a single char: no strings
    expect_err("[^\\q{ab}--a]", "v", PS_E_REGEXP_NEGATED_STRINGS, 0, 12);
    expect_err("[\\q{a]", "v", PS_E_REGEXP_INVALID_CLASS_STRINGS, 1, 4);
    expect_err("[\\q{a(}]", "v", PS_E_REGEXP_UNESCAPED_CLASS_CHAR, 5, 6);
    expect_err("[\\q{a", "v", PS_E_REGEXP_INVALID_CLASS_STRINGS, 1, 4);
    expect_err("[\\q]", "v", PS_E_REGEXP_INVALID_CLASS_STRINGS, 1, 3);
    expect_err("[\\q{\\d}]", "v", PS_E_REGEXP_INVALID_SET_OPERAND, 4, 6);
    expect_invalid("\\q{a}", "v", PS_E_REGEXP_INVALID_ESCAPE);
    expect_invalid("[\\q{a}]", "u", PS_E_REGEXP_INVALID_ESCAPE);
}

Test(regexp, validates_flags_at_their_positions) {
    // Flags start at BASE + len + 1 (after the closing slash).
    expect_err("a", "gx", PS_E_REGEXP_INVALID_FLAG, 3, 4);
    expect_err("ab", "gig", PS_E_REGEXP_DUPLICATE_FLAG, 5, 6);
    expect_err("a", "uv", PS_E_REGEXP_CONFLICTING_FLAGS, 3, 4);
    expect_err("a", "vgu", PS_E_REGEXP_CONFLICTING_FLAGS, 4, 5);
    expect_ok("a", "dgimsuy");
    expect_ok("a", "dgimsvy");
    expect_err("a", "\xC3\xA9", PS_E_REGEXP_INVALID_FLAG, 2, 4);
    uint32_t bits;
    cr_assert(ps_regexp_parse_flags("yg", 2, 0, NULL, &bits));
    cr_assert_eq(bits, PS_RE_FLAG_Y | PS_RE_FLAG_G);
}

Test(regexp, reports_flag_and_pattern_errors_together) {
    OchArena arena;
    och_arena_init(&arena);
    OchDiagList d = {.arena = &arena};
    // "/(/xgg" at offset 10: pattern error at 10, flag errors at 12 and 14.
    cr_assert(!ps_regexp_validate("(", 1, "xgg", 3, 10, &d));
    och_diag_sort(&d);
    cr_assert_eq(d.v.len, 3);
    cr_assert_eq(d.v.items[0].code, PS_E_REGEXP_UNTERMINATED_GROUP);
    cr_assert_eq(d.v.items[0].span.start, 10);
    cr_assert_eq(d.v.items[1].code, PS_E_REGEXP_INVALID_FLAG);
    cr_assert_eq(d.v.items[1].span.start, 12);
    cr_assert_eq(d.v.items[2].code, PS_E_REGEXP_DUPLICATE_FLAG);
    cr_assert_eq(d.v.items[2].span.start, 14);
    och_diag_list_free(&d);
    och_arena_free(&arena);
}

Test(regexp, messages_say_what_is_wrong_and_what_to_write) {
    RxResult r = rx("a{2,1}", "");
    cr_assert(strstr(r.message, "invalid regular expression: numbers out of order"), "%s",
              r.message);
    r = rx("\\a", "u");
    cr_assert(strstr(r.message, "invalid escape '\\a' with the u flag"), "%s", r.message);
    r = rx("[z-a]", "");
    cr_assert(strstr(r.message, "'z-a'"), "%s", r.message);
    r = rx("(?<a>x)(?<a>y)", "");
    cr_assert(strstr(r.message, "duplicate group name 'a'"), "%s", r.message);
    r = rx("\\p{Foo}", "u");
    cr_assert(strstr(r.message, "'Foo'"), "%s", r.message);
    r = rx("(?i)a", "");
    cr_assert(strstr(r.message, "'(?i:...)'"), "%s", r.message);
}

Test(regexp, bounds_nesting_depth_instead_of_overflowing_the_stack) {
    static char deep[2 * (PS_RE_MAX_DEPTH + 10) + 1];
    size_t n = 0;
    for (int i = 0; i < PS_RE_MAX_DEPTH; i++) deep[n++] = '(';
    for (int i = 0; i < PS_RE_MAX_DEPTH; i++) deep[n++] = ')';
    deep[n] = 0;
    expect_ok(deep, "");
    n = 0;
    for (int i = 0; i < PS_RE_MAX_DEPTH + 1; i++) deep[n++] = '(';
    for (int i = 0; i < PS_RE_MAX_DEPTH + 1; i++) deep[n++] = ')';
    deep[n] = 0;
    expect_err(deep, "", PS_E_REGEXP_TOO_DEEP, PS_RE_MAX_DEPTH, PS_RE_MAX_DEPTH + 1);
    n = 0;
    for (int i = 0; i < PS_RE_MAX_DEPTH + 1; i++) deep[n++] = '[';
    deep[n] = 0;
    expect_invalid(deep, "v", PS_E_REGEXP_TOO_DEEP);
}

Test(regexp, handles_large_patterns_in_linear_time) {
    // 200k alternatives that all define the same name, and 100k distinct
    // names: quadratic checks would take minutes.
    OchBuf b = {0};
    for (int i = 0; i < 200000; i++) och_buf_puts(&b, "(?<n>a)|");
    och_buf_puts(&b, "\\k<n>");
    OchArena arena;
    och_arena_init(&arena);
    PsRegexp re;
    cr_assert(ps_regexp_parse(b.data, (uint32_t)b.len, PS_RE_FLAG_U, 0, &arena, NULL, &re));
    cr_assert_eq(re.ngroups, 200000);
    cr_assert_str_eq(re.group_names[200000], "n");
    b.len = 0;
    for (int i = 0; i < 100000; i++) och_buf_printf(&b, "(?<n%d>a)\\k<n%d>", i, i);
    cr_assert(ps_regexp_parse(b.data, (uint32_t)b.len, 0, 0, &arena, NULL, &re));
    cr_assert(re.has_named_groups && re.has_backrefs);
    och_buf_free(&b);
    och_arena_free(&arena);
}

Test(regexp, tolerates_invalid_utf8_and_nul_bytes) {
    OchArena arena;
    och_arena_init(&arena);
    OchDiagList d = {.arena = &arena};
    cr_assert(ps_regexp_validate("a\xFF\0b", 4, "", 0, 0, &d));
    cr_assert(!ps_regexp_validate("(\xC3", 2, "u", 1, 0, &d));
    cr_assert(ps_regexp_validate("\xED\xA0\x80", 3, "u", 1, 0, &d));  // lone surrogate (WTF-8)
    och_diag_list_free(&d);
    och_arena_free(&arena);
}

// --- Unicode functions --------------------------------------------------------------

Test(regexp, unicode_identifier_classes) {
    cr_assert(ps_is_id_start('a') && ps_is_id_start('$') && ps_is_id_start('_'));
    cr_assert(!ps_is_id_start('1') && !ps_is_id_start('-') && !ps_is_id_start(' '));
    cr_assert(ps_is_id_continue('1') && ps_is_id_continue('$'));
    cr_assert(ps_is_id_start(0xE9));      // é
    cr_assert(ps_is_id_start(0x1D49C));   // 𝒜
    cr_assert(ps_is_id_start(0x2118));    // ℘ (Other_ID_Start)
    cr_assert(!ps_is_id_start(0x2764));   // ❤
    cr_assert(!ps_is_id_start(0x104A4));  // 𐒤 (a digit)
    cr_assert(ps_is_id_continue(0x104A4));
    cr_assert(ps_is_id_continue(0x200C) && ps_is_id_continue(0x200D));
    cr_assert(!ps_is_id_start(0x200C));
    cr_assert(ps_is_id_continue(0x0301));  // combining acute
    cr_assert(!ps_is_id_continue(0xD800) && !ps_is_id_continue(0x110000));
}

Test(regexp, unicode_javascript_whitespace) {
    const uint32_t ws[] = {' ',    '\t',   0x0B,   0x0C,   0xA0,   0xFEFF,
                           0x1680, 0x2000, 0x200A, 0x202F, 0x205F, 0x3000};
    for (size_t i = 0; i < sizeof ws / sizeof ws[0]; i++)
        cr_assert(ps_is_js_whitespace(ws[i]), "U+%04X", ws[i]);
    const uint32_t not_ws[] = {'\n', '\r', 0x2028, 0x2029, 0x85, 0x200B, 'a', 0x180E};
    for (size_t i = 0; i < sizeof not_ws / sizeof not_ws[0]; i++)
        cr_assert(!ps_is_js_whitespace(not_ws[i]), "U+%04X", not_ws[i]);
}

Test(regexp, unicode_property_lookup_and_ranges) {
    const PsUniProp *p;
    cr_assert_eq(ps_unicode_property_lookup("Lu", 2, NULL, 0, false, false, &p), PS_UNI_OK);
    cr_assert_str_eq(p->name, "Uppercase_Letter");
    cr_assert(ps_unicode_prop_has(p, 'A') && !ps_unicode_prop_has(p, 'a'));
    cr_assert_eq(ps_unicode_property_lookup("Script", 6, "Grek", 4, true, false, &p), PS_UNI_OK);
    cr_assert_eq(p->kind, PS_UNI_KIND_SCRIPT);
    cr_assert(ps_unicode_prop_has(p, 0x3B1) && !ps_unicode_prop_has(p, 'a'));
    cr_assert_eq(ps_unicode_property_lookup("scx", 3, "Deva", 4, true, false, &p), PS_UNI_OK);
    cr_assert(ps_unicode_prop_has(p, 0x964));  // DEVANAGARI DANDA: Script=Common, scx has Deva
    cr_assert_eq(ps_unicode_property_lookup("Any", 3, NULL, 0, false, false, &p), PS_UNI_OK);
    uint32_t n;
    const PsUniRange *r = ps_unicode_prop_ranges(p, &n);
    cr_assert_eq(n, 1);
    cr_assert(r[0].lo == 0 && r[0].hi == 0x10FFFF);
    cr_assert_eq(ps_unicode_property_lookup("Assigned", 8, NULL, 0, false, false, &p), PS_UNI_OK);
    cr_assert(ps_unicode_prop_has(p, 'a') && !ps_unicode_prop_has(p, 0x378));
    cr_assert_eq(ps_unicode_property_lookup("Foo", 3, NULL, 0, false, false, &p),
                 PS_UNI_UNKNOWN_NAME);
    cr_assert_eq(ps_unicode_property_lookup("sc", 2, "Foo", 3, true, false, &p),
                 PS_UNI_UNKNOWN_VALUE);
    cr_assert_eq(ps_unicode_property_lookup("gc", 2, NULL, 0, false, false, &p),
                 PS_UNI_VALUE_REQUIRED);
    cr_assert_eq(ps_unicode_property_lookup("Math", 4, "Y", 1, true, false, &p),
                 PS_UNI_VALUE_NOT_ALLOWED);
    cr_assert_eq(ps_unicode_property_lookup("RGI_Emoji", 9, NULL, 0, false, false, &p),
                 PS_UNI_NEEDS_SETS);
    cr_assert_str_neq(ps_unicode_version(), "unknown");
}

Test(regexp, unicode_properties_of_strings_carry_sequences) {
    const PsUniProp *p;
    cr_assert_eq(ps_unicode_property_lookup("Emoji_Keycap_Sequence", 21, NULL, 0, false, true, &p),
                 PS_UNI_OK);
    cr_assert_eq(p->seq_count, 12);  // #, *, 0-9 with U+FE0F U+20E3
    const uint32_t *s = ps_unicode_prop_seqs(p);
    cr_assert_eq(s[0], 3);
    cr_assert_eq(s[2], 0xFE0F);
    cr_assert_eq(s[3], 0x20E3);
    cr_assert_eq(ps_unicode_property_lookup("RGI_Emoji", 9, NULL, 0, false, true, &p), PS_UNI_OK);
    cr_assert_gt(p->seq_count, 2000);
    cr_assert(ps_unicode_prop_has(p, 0x1F600));  // single code points are ranges
    uint32_t total = 0;
    const uint32_t *q = ps_unicode_prop_seqs(p);
    for (uint32_t i = 0; i < p->seq_count; i++) {
        cr_assert_geq(q[0], 2);
        total += q[0];
        q += q[0] + 1;
    }
    cr_assert_gt(total, p->seq_count * 2 - 1);
}

Test(regexp, unicode_simple_case_folding) {
    cr_assert_eq(ps_unicode_simple_fold('A'), 'a');
    cr_assert_eq(ps_unicode_simple_fold('a'), 'a');
    cr_assert_eq(ps_unicode_simple_fold(0x212A), 'k');   // KELVIN SIGN
    cr_assert_eq(ps_unicode_simple_fold(0x1E9E), 0xDF);  // capital sharp s (status S)
    cr_assert_eq(ps_unicode_simple_fold(0x10400), 0x10428);
    cr_assert_eq(ps_unicode_simple_fold('1'), '1');
}
