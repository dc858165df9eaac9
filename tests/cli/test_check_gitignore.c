// Unit tests of the gitignore pattern language (cli/check_gitignore.c).
#include <criterion/criterion.h>

#include "check_gitignore.h"

// --- glob matching ------------------------------------------------------------

Test(wildmatch, literal_text_matches_only_itself) {
    cr_expect(chk_wildmatch("foo.js", "foo.js"));
    cr_expect(!chk_wildmatch("foo.js", "foo.jsx"));
    cr_expect(!chk_wildmatch("foo.js", "xfoo.js"));
    cr_expect(chk_wildmatch("", ""));
    cr_expect(!chk_wildmatch("", "a"));
}

Test(wildmatch, star_matches_within_one_component) {
    cr_expect(chk_wildmatch("*.js", "a.js"));
    cr_expect(chk_wildmatch("*.js", ".js"));
    cr_expect(!chk_wildmatch("*.js", "dir/a.js"));
    cr_expect(chk_wildmatch("a*", "a"));
    cr_expect(chk_wildmatch("a*b*c", "aXXbYYc"));
    cr_expect(!chk_wildmatch("a*b*c", "aXXbYY"));
    cr_expect(chk_wildmatch("dir/*", "dir/a.js"));
    cr_expect(!chk_wildmatch("dir/*", "dir/sub/a.js"));
    cr_expect(chk_wildmatch("*/b", "a/b"));
    cr_expect(!chk_wildmatch("*/b", "x/a/b"));
}

Test(wildmatch, question_mark_is_one_character_but_not_slash) {
    cr_expect(chk_wildmatch("?.js", "a.js"));
    cr_expect(!chk_wildmatch("?.js", "ab.js"));
    cr_expect(!chk_wildmatch("a?b", "a/b"));
    cr_expect(!chk_wildmatch("?", ""));
}

Test(wildmatch, double_star_spans_directories) {
    cr_expect(chk_wildmatch("**/foo", "foo"));
    cr_expect(chk_wildmatch("**/foo", "a/foo"));
    cr_expect(chk_wildmatch("**/foo", "a/b/c/foo"));
    cr_expect(!chk_wildmatch("**/foo", "a/xfoo"));
    cr_expect(chk_wildmatch("abc/**", "abc/x"));
    cr_expect(chk_wildmatch("abc/**", "abc/x/y/z.js"));
    cr_expect(!chk_wildmatch("abc/**", "abcd/x"));
    cr_expect(chk_wildmatch("a/**/b", "a/b"));
    cr_expect(chk_wildmatch("a/**/b", "a/x/b"));
    cr_expect(chk_wildmatch("a/**/b", "a/x/y/b"));
    cr_expect(!chk_wildmatch("a/**/b", "a/x/y/bc"));
    cr_expect(chk_wildmatch("**", "anything/at/all"));
    cr_expect(chk_wildmatch("**/*.min.js", "vendor/lib/x.min.js"));
    cr_expect(chk_wildmatch("**/*.min.js", "x.min.js"));
}

Test(wildmatch, double_star_inside_a_component_is_a_single_star) {
    cr_expect(chk_wildmatch("a**b", "axxb"));
    cr_expect(!chk_wildmatch("a**b", "ax/xb"));
    cr_expect(!chk_wildmatch("**foo", "a/foo"));
    cr_expect(chk_wildmatch("**foo", "xfoo"));
}

Test(wildmatch, bracket_expressions) {
    cr_expect(chk_wildmatch("[abc].js", "b.js"));
    cr_expect(!chk_wildmatch("[abc].js", "d.js"));
    cr_expect(chk_wildmatch("[a-c]x", "bx"));
    cr_expect(!chk_wildmatch("[a-c]x", "dx"));
    cr_expect(chk_wildmatch("[!a-c]x", "dx"));
    cr_expect(chk_wildmatch("[^a-c]x", "dx"));
    cr_expect(!chk_wildmatch("[!a-c]x", "ax"));
    cr_expect(chk_wildmatch("[]]", "]"));
    cr_expect(chk_wildmatch("[!]]", "a"));
    cr_expect(chk_wildmatch("[a-]", "-"));
    cr_expect(chk_wildmatch("[[:digit:]][[:alpha:]]", "1z"));
    cr_expect(!chk_wildmatch("[[:digit:]]", "z"));
    cr_expect(chk_wildmatch("[[:upper:][:digit:]]", "Q"));
    cr_expect(chk_wildmatch("[\\]]", "]"));
    cr_expect(!chk_wildmatch("a[/]b", "a/b"));
    cr_expect(!chk_wildmatch("[abc", "a"));  // unterminated: matches nothing
}

Test(wildmatch, backslash_escapes_specials) {
    cr_expect(chk_wildmatch("\\*.js", "*.js"));
    cr_expect(!chk_wildmatch("\\*.js", "a.js"));
    cr_expect(chk_wildmatch("a\\?", "a?"));
    cr_expect(!chk_wildmatch("a\\?", "ab"));
    cr_expect(chk_wildmatch("\\[x]", "[x]"));
    cr_expect(!chk_wildmatch("abc\\", "abc"));
}

Test(wildmatch, pathological_patterns_finish_quickly) {
    // Exponential without the abort rules: about 2^25 attempts.
    const char *pat = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
    char text[200];
    memset(text, 'a', sizeof text - 1);
    text[sizeof text - 1] = 0;
    cr_expect(!chk_wildmatch(pat, text));
    cr_expect(!chk_wildmatch("**/**/**/**/**/**/**/**/**/**/**/**/x", "a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/a/y"));
}

// --- lists --------------------------------------------------------------------

static ChkIgnoreList list_of(const char *text) {
    ChkIgnoreList l;
    chk_ignore_init(&l);
    chk_ignore_add_text(&l, text, strlen(text));
    return l;
}

static bool excluded(const ChkIgnoreList *l, const char *path, bool is_dir) {
    return chk_ignore_match(l, path, is_dir) == CHK_IGNORE_EXCLUDE;
}

Test(gitignore, comments_and_blank_lines_add_nothing) {
    ChkIgnoreList l = list_of("# comment\n\n   \n#*.js\n");
    cr_expect_eq(l.v.len, 0);
    cr_expect(!excluded(&l, "a.js", false));
    chk_ignore_free(&l);
}

Test(gitignore, escaped_hash_and_bang_are_literal) {
    ChkIgnoreList l = list_of("\\#notes.js\n\\!bang.js\n");
    cr_expect(excluded(&l, "#notes.js", false));
    cr_expect(excluded(&l, "!bang.js", false));
    chk_ignore_free(&l);
}

Test(gitignore, name_patterns_match_at_any_depth) {
    ChkIgnoreList l = list_of("*.min.js\nbuild\n");
    cr_expect(excluded(&l, "a.min.js", false));
    cr_expect(excluded(&l, "deep/down/a.min.js", false));
    cr_expect(excluded(&l, "build", true));
    cr_expect(excluded(&l, "src/build", true));
    cr_expect(excluded(&l, "src/build", false));
    cr_expect(!excluded(&l, "src/builder", true));
    chk_ignore_free(&l);
}

Test(gitignore, slash_anchors_to_the_base_directory) {
    ChkIgnoreList l = list_of("/dist\nsrc/gen\n");
    cr_expect(excluded(&l, "dist", true));
    cr_expect(!excluded(&l, "pkg/dist", true));
    cr_expect(excluded(&l, "src/gen", true));
    cr_expect(!excluded(&l, "lib/src/gen", true));
    chk_ignore_free(&l);
}

Test(gitignore, trailing_slash_matches_directories_only) {
    ChkIgnoreList l = list_of("out/\n");
    cr_expect(excluded(&l, "out", true));
    cr_expect(excluded(&l, "a/out", true));
    cr_expect(!excluded(&l, "out", false));
    chk_ignore_free(&l);
}

Test(gitignore, negation_reincludes_and_last_match_wins) {
    ChkIgnoreList l = list_of("*.js\n!keep.js\n");
    cr_expect(excluded(&l, "a.js", false));
    cr_expect_eq(chk_ignore_match(&l, "keep.js", false), CHK_IGNORE_INCLUDE);
    cr_expect_eq(chk_ignore_match(&l, "x/keep.js", false), CHK_IGNORE_INCLUDE);
    cr_expect_eq(chk_ignore_match(&l, "a.ts", false), CHK_IGNORE_NONE);
    ChkIgnoreList l2 = list_of("!keep.js\n*.js\n");
    cr_expect(excluded(&l2, "keep.js", false));
    chk_ignore_free(&l);
    chk_ignore_free(&l2);
}

Test(gitignore, trailing_spaces_are_dropped_unless_escaped) {
    ChkIgnoreList l = list_of("a.js   \nb.js\\ \n");
    cr_expect(excluded(&l, "a.js", false));
    cr_expect(excluded(&l, "b.js ", false));
    cr_expect(!excluded(&l, "b.js", false));
    chk_ignore_free(&l);
}

Test(gitignore, crlf_line_endings) {
    ChkIgnoreList l = list_of("a.js\r\nb/\r\n");
    cr_expect(excluded(&l, "a.js", false));
    cr_expect(excluded(&l, "b", true));
    chk_ignore_free(&l);
}

Test(gitignore, double_star_patterns) {
    ChkIgnoreList l = list_of("**/fixtures\nlogs/**\na/**/z.js\n");
    cr_expect(excluded(&l, "fixtures", true));
    cr_expect(excluded(&l, "x/y/fixtures", true));
    cr_expect(excluded(&l, "logs/a.js", false));
    cr_expect(!excluded(&l, "logs", true));  // `logs/**` is what is inside
    cr_expect(excluded(&l, "a/z.js", false));
    cr_expect(excluded(&l, "a/b/c/z.js", false));
    chk_ignore_free(&l);
}

Test(gitignore, a_file_in_an_excluded_directory_stays_excluded) {
    ChkIgnoreList l = list_of("build/\n!build/keep.js\n");
    cr_expect(chk_ignore_path_excluded(&l, "build/keep.js", false));
    cr_expect(chk_ignore_path_excluded(&l, "build/x.js", false));
    cr_expect(!chk_ignore_path_excluded(&l, "src/x.js", false));
    chk_ignore_free(&l);
}

Test(gitignore, lone_slashes_and_bangs_are_not_patterns) {
    ChkIgnoreList l;
    chk_ignore_init(&l);
    cr_expect(!chk_ignore_add_line(&l, "/", 1));
    cr_expect(!chk_ignore_add_line(&l, "!", 1));
    cr_expect(!chk_ignore_add_line(&l, "", 0));
    cr_expect(chk_ignore_add_line(&l, "x", 1));
    chk_ignore_free(&l);
}
