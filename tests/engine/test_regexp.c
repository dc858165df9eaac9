// Regexp compiler and matcher (regexp_int.h): match positions and
// captures for a table of patterns (flags, lookaround, backreferences,
// case folding, Unicode sets), the bounded backtrack stack, the time limit
// stopping a catastrophic pattern, and the program cache.
#include <criterion/criterion.h>
#include <string.h>
#include <time.h>

#include "regexp_int.h"

typedef struct REnv {
    EnRuntime *rt;
    EnContext *cx;
} REnv;

static void renv_open(REnv *e, uint64_t time_limit_ms) {
    EnLimits lim;
    en_limits_default(&lim);
    lim.time_limit_ms = time_limit_ms;
    e->rt = en_runtime_new(&lim);
    e->cx = en_context_new(e->rt);
    cr_assert_not_null(e->cx);
}

static void renv_close(REnv *e) {
    en_context_free(e->cx);
    en_runtime_free(e->rt);
}

static uint32_t flag_bits(const char *f) {
    uint32_t b = 0;
    for (; *f; f++) {
        const char *all = "dgimsuvy";
        const char *p = strchr(all, *f);
        cr_assert_not_null(p);
        b |= 1u << (p - all);
    }
    return b;
}

typedef struct Case {
    const char *pattern, *flags, *input;
    int start, end;  // -1: no match
    int g1s, g1e;    // group 1 (-1: unset or not checked when g1s == -2)
} Case;

static const Case cases[] = {
    {"abc", "", "xxabcx", 2, 5, -2, 0},
    {"a(b)c", "", "abc", 0, 3, 1, 2},
    {"(a)|(b)", "", "b", 0, 1, -1, -1},
    {"a*?b", "", "aaab", 0, 4, -2, 0},
    {"(a*)*b", "", "aaab", 0, 4, 0, 3},
    {"(a*)?", "", "b", 0, 0, -1, -1},
    {"(a|ab)(c|bcd)(d*)", "", "abcd", 0, 4, 0, 1},
    {"x{2,3}?", "", "xxxx", 0, 2, -2, 0},
    {"^b", "m", "a\nb", 2, 3, -2, 0},
    {"^b", "", "a\nb", -1, -1, -2, 0},
    {"a$", "m", "a\nb", 0, 1, -2, 0},
    {"\\bfoo\\b", "", "a foo b", 2, 5, -2, 0},
    {"\\Boo", "", "foo", 1, 3, -2, 0},
    {"(?=(a+))a*b\\1", "", "baaabac", 3, 6, 3, 4},
    {"(?!a)\\w", "", "ab", 1, 2, -2, 0},
    {"(?<=\\$)\\d+", "", "cost $42", 6, 8, -2, 0},
    {"(?<!\\$)\\b\\d+", "", "$4 56", 3, 5, -2, 0},
    {"(?<=(\\d)(\\d))x", "", "12x", 2, 3, 0, 1},
    {"(?<=\\1(a))b", "", "aab", 2, 3, 1, 2},
    {"(a)\\1", "i", "aA", 0, 2, 0, 1},
    {"\\u212A", "i", "k", -1, -1, -2, 0},
    {"\\u212A", "iu", "k", 0, 1, -2, 0},
    {"[a-z]+", "i", "ABC", 0, 3, -2, 0},
    {"\\w", "iu", "\xc5\xbf", 0, 1, -2, 0},  // U+017F folds to s
    {"[^\\W]", "iu", "\xc5\xbf", 0, 1, -2, 0},
    {"^.$", "u", "\xf0\x9f\x98\x80", 0, 2, -2, 0},
    {"^.$", "", "\xf0\x9f\x98\x80", -1, -1, -2, 0},
    {"^..$", "", "\xf0\x9f\x98\x80", 0, 2, -2, 0},
    {"\\ud83d", "u", "\xf0\x9f\x98\x80", -1, -1, -2, 0},
    {"\\ud83d", "", "\xf0\x9f\x98\x80", 0, 1, -2, 0},
    {"a.c", "s", "a\nc", 0, 3, -2, 0},
    {"a.c", "", "a\nc", -1, -1, -2, 0},
    {"\\p{Script=Greek}+", "u", "ab \xce\xb1\xce\xb2", 3, 5, -2, 0},
    {"\\P{L}", "u", "ab1", 2, 3, -2, 0},
    {"[\\p{L}--[a-z]]", "v", "abC", 2, 3, -2, 0},
    {"[\\w&&\\d]", "v", "a1", 1, 2, -2, 0},
    {"[\\q{abc|d}x]", "v", "zabc", 1, 4, -2, 0},
    {"^\\p{RGI_Emoji}$", "v", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 0, 4, -2, 0},
    {"(?i:a)b", "", "Ab", 0, 2, -2, 0},
    {"(?i:a)b", "", "AB", -1, -1, -2, 0},
    {"(?-i:a)b", "i", "aB", 0, 2, -2, 0},
    {"(?<a>x)|(?<a>y)\\k<a>", "", "yy", 0, 2, -1, -1},
    {"(?:a|b)*c", "", "ababababx", -1, -1, -2, 0},
    {"(?:)", "", "abc", 0, 0, -2, 0},
    {"a{2}", "", "aaa", 0, 2, -2, 0},
    {"(?:a{0,2}){2}b", "", "aaab", 0, 4, -2, 0},
    {"[\\d-z]+", "", "1-z", 0, 3, -2, 0},
    {"\\8", "", "8", 0, 1, -2, 0},
    {"[\\b]", "", "\b", 0, 1, -2, 0},
};

static void check_case(REnv *e, const Case *c) {
    char *err = NULL;
    EnReProg *p = en_re_compile_utf8(c->pattern, (uint32_t)strlen(c->pattern), flag_bits(c->flags), &err);
    cr_assert_not_null(p, "/%s/%s did not compile: %s", c->pattern, c->flags, err ? err : "");
    EnString *s = en_str_from_utf8(e->cx, c->input, strlen(c->input));
    cr_assert_not_null(s);
    int32_t caps[64];
    int r = en_re_exec(e->cx, p, s, 0, false, caps);
    if (c->start < 0) {
        cr_expect_eq(r, EN_RE_NOMATCH, "/%s/%s on '%s': expected no match, got [%d,%d)", c->pattern, c->flags,
                     c->input, caps[0], caps[1]);
    } else {
        cr_expect_eq(r, EN_RE_MATCHED, "/%s/%s on '%s': expected a match", c->pattern, c->flags, c->input);
        if (r == EN_RE_MATCHED) {
            cr_expect(caps[0] == c->start && caps[1] == c->end, "/%s/%s on '%s': [%d,%d) want [%d,%d)",
                      c->pattern, c->flags, c->input, caps[0], caps[1], c->start, c->end);
            if (c->g1s != -2)
                cr_expect(caps[2] == c->g1s && caps[3] == c->g1e, "/%s/%s: group 1 [%d,%d) want [%d,%d)",
                          c->pattern, c->flags, caps[2], caps[3], c->g1s, c->g1e);
        }
    }
    en_re_prog_release(p);
}

Test(regexp, matcher_cases) {
    REnv e;
    renv_open(&e, 0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) check_case(&e, &cases[i]);
    renv_close(&e);
}

Test(regexp, syntax_errors_come_from_the_parser) {
    static const char *bad[][2] = {{"(", ""}, {"a**", ""}, {"\\p{Foo}", "u"}, {"[z-a]", ""}, {"(?<a>x)(?<a>y)", ""}};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *err = NULL;
        EnReProg *p = en_re_compile_utf8(bad[i][0], (uint32_t)strlen(bad[i][0]), flag_bits(bad[i][1]), &err);
        cr_expect_null(p, "/%s/ compiled", bad[i][0]);
        cr_expect_not_null(err);
        free(err);
    }
}

Test(regexp, backtrack_stack_is_bounded) {
    REnv e;
    renv_open(&e, 0);
    // Every iteration of (?:a|b)* leaves a choice point: 10M iterations
    // need more than the stack limit, which is a RangeError, not a crash.
    uint32_t n = 10u << 20;
    char *in = malloc(n + 1);
    memset(in, 'a', n);
    in[n] = 0;
    EnString *s = en_str_from_utf8(e.cx, in, n);
    free(in);
    cr_assert_not_null(s);
    char *err = NULL;
    EnReProg *p = en_re_compile_utf8("(?:a|b)*c", 9, 0, &err);
    cr_assert_not_null(p);
    int32_t caps[2];
    int r = en_re_exec(e.cx, p, s, 0, true, caps);
    cr_expect_eq(r, EN_RE_FAILED);
    cr_expect(e.cx->has_exception && !e.cx->terminating);
    en_re_prog_release(p);
    renv_close(&e);
}

Test(regexp, time_limit_stops_catastrophic_backtracking) {
    REnv e;
    renv_open(&e, 200);
    const char *src = "/(a+)+b/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')";
    EnEvalOptions opts;
    en_eval_options_default(&opts);
    EnValue v;
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    EnStatus st = en_eval(e.cx, src, strlen(src), &opts, &v);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    cr_expect_eq(st, EN_STATUS_TERMINATED);
    cr_expect(secs < 5.0, "took %.2fs", secs);
    renv_close(&e);
}

Test(regexp, interrupt_request_stops_a_match) {
    REnv e;
    renv_open(&e, 0);
    en_runtime_interrupt(e.rt);
    char *err = NULL;
    EnReProg *p = en_re_compile_utf8("(a+)+b", 6, 0, &err);
    EnString *s = en_str_from_utf8(e.cx, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 36);
    int32_t caps[4];
    cr_expect_eq(en_re_exec(e.cx, p, s, 0, false, caps), EN_RE_FAILED);
    en_re_prog_release(p);
    renv_close(&e);
}

Test(regexp, programs_are_cached_per_pattern_and_flags) {
    REnv e;
    renv_open(&e, 0);
    EnString *pat = en_str_from_utf8(e.cx, "cache(d)?-test", 14);
    EnReProg *a = en_re_compile(e.cx, pat, PS_RE_FLAG_G);
    EnReProg *b = en_re_compile(e.cx, pat, PS_RE_FLAG_G);
    EnReProg *c = en_re_compile(e.cx, pat, PS_RE_FLAG_I);
    cr_expect_eq(a, b);
    cr_expect_neq(a, c);
    en_re_prog_release(a);
    en_re_prog_release(b);
    en_re_prog_release(c);
    renv_close(&e);
}

Test(regexp, canonicalize_follows_the_flags) {
    cr_expect_eq(en_re_canonicalize('a', false), 'A');
    cr_expect_eq(en_re_canonicalize('A', true), 'a');
    cr_expect_eq(en_re_canonicalize(0x212A, true), 'k');
    cr_expect_eq(en_re_canonicalize(0x17F, false), 0x17F);  // non-ASCII never maps into ASCII
    cr_expect_eq(en_re_canonicalize(0xDF, false), 0xDF);    // toUppercase("ß") is "SS"
}
