// Lexer: token streams, literal values, escapes, templates, regexp rescans,
// JSX scanners, Annex B comments, invalid UTF-8 and every lexer diagnostic
// with its byte range.
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "parser.h"

// --- harness ------------------------------------------------------------------

enum { OPT_MODULE = 1, OPT_NO_ANNEX_B = 2, OPT_JSX = 4, OPT_STRICT = 8 };

typedef struct Lex {
    OchArena arena;
    OchDiagList diags;
    PsLexer lx;
    char *src;
    char out[4096];  // rendering buffer
} Lex;

static Lex *lex_open_n(const char *text, size_t n, unsigned opts) {
    Lex *l = calloc(1, sizeof *l);
    l->src = calloc(n + PS_SOURCE_PADDING, 1);
    memcpy(l->src, text, n);
    och_arena_init(&l->arena);
    l->diags.arena = &l->arena;
    ps_lexer_init(&l->lx, l->src, (uint32_t)n, &l->arena, &l->diags, opts & OPT_MODULE,
                  !(opts & OPT_NO_ANNEX_B), opts & OPT_JSX);
    if (opts & OPT_STRICT) l->lx.strict = true;
    return l;
}

static Lex *lex_open(const char *text, unsigned opts) { return lex_open_n(text, strlen(text), opts); }

static void lex_close(Lex *l) {
    och_diag_list_free(&l->diags);
    och_arena_free(&l->arena);
    free(l->src);
    free(l);
}

static PsToken *next(Lex *l) {
    ps_lexer_next(&l->lx);
    return &l->lx.tok;
}

// Opens text and scans its first token.
static Lex *lex1(const char *text, unsigned opts) {
    Lex *l = lex_open(text, opts);
    next(l);
    return l;
}

// The source slices of all remaining tokens, separated by spaces; ERROR
// tokens as `!slice`.
static const char *slices(Lex *l) {
    size_t o = 0;
    l->out[0] = 0;
    for (;;) {
        PsToken *t = next(l);
        if (t->type == PS_TOK_EOF) break;
        o += (size_t)snprintf(l->out + o, sizeof l->out - o, "%s%s%.*s", o ? " " : "",
                              t->type == PS_TOK_ERROR ? "!" : "", (int)(t->end - t->start),
                              l->src + t->start);
    }
    return l->out;
}

// All diagnostics as "E0013[19,21) E0003[0,4)".
static const char *diags(Lex *l) {
    size_t o = 0;
    l->out[0] = 0;
    for (uint32_t i = 0; i < l->diags.v.len; i++) {
        OchDiag *d = &l->diags.v.items[i];
        o += (size_t)snprintf(l->out + o, sizeof l->out - o, "%s%s[%u,%u)", o ? " " : "",
                              och_diag_code_str(d->code), d->span.start, d->span.end);
    }
    return l->out;
}

// Lexes everything and returns the diagnostics rendering.
static const char *diags_of(Lex *l) {
    while (next(l)->type != PS_TOK_EOF) {
    }
    return diags(l);
}

static void check_diags(const char *text, unsigned opts, const char *expected) {
    Lex *l = lex_open(text, opts);
    const char *got = diags_of(l);
    cr_expect_str_eq(got, expected, "diagnostics of `%s`", text);
    lex_close(l);
}

static bool value_is(const PsToken *t, const char *expected, size_t n) {
    return t->value && t->value_len == n && memcmp(t->value, expected, n) == 0;
}
#define VALUE_IS(t, lit) value_is((t), (lit), sizeof(lit) - 1)

static double number_of(const char *text) {
    Lex *l = lex1(text, 0);
    cr_expect_eq(l->lx.tok.type, PS_TOK_NUMBER, "`%s` is a number", text);
    cr_expect_eq(l->diags.v.len, 0, "`%s` has no diagnostics: %s", text, diags(l));
    double v = l->lx.tok.number;
    cr_expect_eq(l->lx.tok.end, strlen(text), "`%s` is one token", text);
    lex_close(l);
    return v;
}

static void check_number(const char *text, double expected) {
    double v = number_of(text);
    cr_expect(memcmp(&v, &expected, sizeof v) == 0 || (isnan(v) && isnan(expected)),
              "`%s` = %.17g, expected %.17g", text, v, expected);
}

// --- punctuators and token names --------------------------------------------

Test(lexer, splits_every_punctuator_by_longest_match) {
    const char *all =
        "{ } ( ) [ ] . ... ; , < > <= >= == != === !== + - * % ** ++ -- << >> >>> & | ^ ! ~ "
        "&& || ?? ? ?. : = += -= *= %= **= <<= >>= >>>= &= |= ^= &&= ||= ?\?= => / /= @";
    Lex *l = lex_open(all, 0);
    const char *p = all;
    for (;;) {
        PsToken *t = next(l);
        if (t->type == PS_TOK_EOF) break;
        size_t n = strcspn(p, " ");
        char want[8];
        snprintf(want, sizeof want, "'%.*s'", (int)n, p);
        cr_expect_str_eq(ps_token_name(t->type), want);
        cr_expect_eq(t->end - t->start, n, "length of %s", want);
        p += n + (p[n] == ' ');
    }
    cr_expect_eq(*p, 0);
    cr_expect_eq(l->diags.v.len, 0);
    lex_close(l);

    l = lex_open("a>>>=b>>=c>>>d**=e&&=f||=g?\?=h...i", 0);
    cr_expect_str_eq(slices(l), "a >>>= b >>= c >>> d **= e &&= f ||= g ?\?= h ... i");
    lex_close(l);
}

Test(lexer, question_dot_before_a_digit_is_a_conditional) {
    Lex *l = lex_open("a?.5:b", 0);
    cr_expect_eq(next(l)->type, PS_TOK_IDENT);
    cr_expect_eq(next(l)->type, PS_TOK_QUESTION);
    PsToken *t = next(l);
    cr_expect_eq(t->type, PS_TOK_NUMBER);
    cr_expect_eq(t->number, 0.5);
    cr_expect_eq(next(l)->type, PS_TOK_COLON);
    lex_close(l);
    l = lex_open("a?.b?.[0]?.(x)", 0);
    cr_expect_str_eq(slices(l), "a ?. b ?. [ 0 ] ?. ( x )");
    lex_close(l);
}

Test(lexer, dots_and_numbers) {
    Lex *l = lex_open("a.b 1..toString .5 ..", 0);
    cr_expect_str_eq(slices(l), "a . b 1. . toString .5 . .");
    lex_close(l);
}

Test(lexer, token_and_keyword_names) {
    cr_expect_str_eq(ps_token_name(PS_TOK_LPAREN), "'('");
    cr_expect_str_eq(ps_token_name(PS_TOK_QQ_ASSIGN), "'?\?='");
    cr_expect_str_eq(ps_token_name(PS_TOK_IDENT), "identifier");
    cr_expect_str_eq(ps_token_name(PS_TOK_EOF), "end of file");
    cr_expect_str_eq(ps_token_name(PS_TOK_TEMPLATE_HEAD), "template head");
    cr_expect_str_eq(ps_keyword_text(PS_KW_INSTANCEOF), "instanceof");
    cr_expect_str_eq(ps_keyword_text(PS_KW_NONE), "");
}

// --- identifiers and keywords -------------------------------------------------

Test(lexer, recognises_every_keyword) {
    for (int kw = 1; kw < PS_KW_COUNT; kw++) {
        const char *text = ps_keyword_text((PsKeyword)kw);
        Lex *l = lex1(text, 0);
        cr_expect_eq(l->lx.tok.type, PS_TOK_IDENT, "%s", text);
        cr_expect_eq(l->lx.tok.kw, kw, "%s", text);
        cr_expect_eq(l->lx.tok.flags & PS_TF_ESCAPED, 0);
        lex_close(l);
    }
    const char *plain[] = {"lets", "Let", "i", "in2", "_if", "$", "constructors", "instanceOf",
                           "asyncx", "ifx", "x"};
    for (size_t i = 0; i < sizeof plain / sizeof *plain; i++) {
        Lex *l = lex1(plain[i], 0);
        cr_expect_eq(l->lx.tok.type, PS_TOK_IDENT);
        cr_expect_eq(l->lx.tok.kw, PS_KW_NONE, "%s is no keyword", plain[i]);
        cr_expect(value_is(&l->lx.tok, plain[i], strlen(plain[i])));
        cr_expect_eq(l->lx.tok.value, l->src, "value points into the source");
        lex_close(l);
    }
}

Test(lexer, escaped_keywords_keep_their_keyword_and_flag) {
    Lex *l = lex1("\\u0061wait", 0);
    PsToken *t = &l->lx.tok;
    cr_expect_eq(t->type, PS_TOK_IDENT);
    cr_expect_eq(t->kw, PS_KW_AWAIT);
    cr_expect(t->flags & PS_TF_ESCAPED);
    cr_expect(VALUE_IS(t, "await"));
    cr_expect_eq(t->end, 10);
    lex_close(l);
    l = lex1("n\\u{65}w", 0);
    cr_expect_eq(l->lx.tok.kw, PS_KW_NEW);
    cr_expect(VALUE_IS(&l->lx.tok, "new"));
    lex_close(l);
}

Test(lexer, unicode_identifiers) {
    Lex *l = lex_open("café ℮x 𐐀 \\u{1d49c}b a\\u200d x\xe2\x80\x8c", 0);
    PsToken *t = next(l);
    cr_expect(VALUE_IS(t, "café"));
    cr_expect_eq(t->value, l->src, "no escapes: value points into the source");
    cr_expect(VALUE_IS(next(l), "℮x"));
    cr_expect(VALUE_IS(next(l), "𐐀"));
    t = next(l);
    cr_expect(VALUE_IS(t, "\xf0\x9d\x92\x9c" "b"));
    cr_expect(t->flags & PS_TF_ESCAPED);
    cr_expect(VALUE_IS(next(l), "a\xe2\x80\x8d"));
    cr_expect(VALUE_IS(next(l), "x\xe2\x80\x8c"));
    cr_expect_eq(next(l)->type, PS_TOK_EOF);
    cr_expect_eq(l->diags.v.len, 0, "%s", diags(l));
    lex_close(l);
}

Test(lexer, identifier_escapes_must_name_identifier_characters) {
    check_diags("\\u0030abc", 0, "E0010[0,6)");
    check_diags("a\\u002Db", 0, "E0010[1,7)");
    check_diags("a\\u{2F}", 0, "E0010[1,7)");
    check_diags("a\\uD835\\uDC00", 0, "E0010[1,7) E0010[7,13)");
    check_diags("a\\u00", 0, "E0008[1,5)");
    check_diags("a\\u{}", 0, "E0008[1,4)");
    check_diags("a\\u{110000}", 0, "E0009[1,11)");
    check_diags("a\\x41", 0, "E0008[1,2)");
    Lex *l = lex_open("a\\u0030 b", 0);
    PsToken *t = next(l);
    cr_expect(VALUE_IS(t, "a0"));
    cr_expect_eq(t->end, 7);
    cr_expect_eq(l->diags.v.len, 0);
    lex_close(l);
}

Test(lexer, private_names) {
    Lex *l = lex_open("#x #\\u0061b #café this.#y", 0);
    PsToken *t = next(l);
    cr_expect_eq(t->type, PS_TOK_PRIVATE_NAME);
    cr_expect(VALUE_IS(t, "x"));
    cr_expect_eq(t->start, 0);
    cr_expect_eq(t->end, 2);
    t = next(l);
    cr_expect_eq(t->type, PS_TOK_PRIVATE_NAME);
    cr_expect(VALUE_IS(t, "ab"));
    cr_expect(t->flags & PS_TF_ESCAPED);
    cr_expect(VALUE_IS(next(l), "café"));
    cr_expect_str_eq(slices(l), "this . #y");
    lex_close(l);
    check_diags("# x", 0, "E0017[0,1)");
    check_diags("a #1", 0, "E0017[2,3)");
}

// --- whitespace, comments, hashbang -----------------------------------------

Test(lexer, newline_flag_tracks_line_terminators) {
    const struct {
        const char *text;
        bool newline;
    } cases[] = {
        {"a b", false},           {"a\nb", true},          {"a\r\nb", true},
        {"a\rb", true},           {"a\xe2\x80\xa8" "b", true}, {"a\xe2\x80\xa9" "b", true},
        {"a /* x */ b", false},   {"a /* \n */ b", true},  {"a /* \xe2\x80\xa8 */ b", true},
        {"a // x\nb", true},      {"a\t\v\f b", false},    {"a\xc2\xa0\xef\xbb\xbf\xe3\x80\x80" "b", false},
        {"a\xe1\x9a\x80" "b", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        Lex *l = lex_open(cases[i].text, 0);
        cr_expect_eq(next(l)->flags & PS_TF_NEWLINE_BEFORE, 0);
        PsToken *t = next(l);
        cr_expect(VALUE_IS(t, "b"), "case %zu", i);
        cr_expect_eq((t->flags & PS_TF_NEWLINE_BEFORE) != 0, cases[i].newline, "case %zu", i);
        cr_expect_eq(l->diags.v.len, 0, "case %zu: %s", i, diags(l));
        lex_close(l);
    }
}

Test(lexer, skips_a_hashbang_only_at_offset_zero) {
    Lex *l = lex_open("#!/usr/bin/env node\nx", 0);
    PsToken *t = next(l);
    cr_expect(VALUE_IS(t, "x"));
    cr_expect_eq(t->start, 20);
    cr_expect(t->flags & PS_TF_NEWLINE_BEFORE);
    lex_close(l);
    l = lex_open("#!x", OPT_MODULE);
    cr_expect_eq(next(l)->type, PS_TOK_EOF);
    lex_close(l);
    check_diags(" #!x\ny", 0, "E0018[1,3)");
    l = lex_open("\xef\xbb\xbf#!/usr/bin/env node\nx", 0);
    cr_expect_str_eq(slices(l), "x", "a byte order mark may precede the hashbang");
    cr_expect_eq(l->diags.v.len, 0);
    lex_close(l);
    l = lex_open("x\n#! y z\nw", 0);
    cr_expect_str_eq(slices(l), "x !#! y z w");
    lex_close(l);
}

Test(lexer, unterminated_block_comment_points_at_its_start) {
    Lex *l = lex_open("a /* b\n c", 0);
    cr_expect_str_eq(diags_of(l), "E0005[2,4)");
    OchDiag *d = &l->diags.v.items[0];
    cr_expect_eq(d->nrelated, 1);
    cr_expect_eq(d->related[0].span.start, 9);
    lex_close(l);
}

Test(lexer, html_open_comment_in_scripts_only) {
    Lex *l = lex_open("a <!-- b\nc", 0);
    cr_expect_str_eq(slices(l), "a c");
    lex_close(l);
    l = lex_open("a <!-- b\nc", 0);
    next(l);
    PsToken *t = next(l);
    cr_expect(t->flags & PS_TF_HTML_COMMENT_BEFORE);
    cr_expect(t->flags & PS_TF_NEWLINE_BEFORE);
    lex_close(l);
    l = lex_open("a <!-- b", OPT_MODULE);
    cr_expect_str_eq(slices(l), "a < ! -- b");
    lex_close(l);
    l = lex_open("a <!-- b", OPT_NO_ANNEX_B);
    cr_expect_str_eq(slices(l), "a < ! -- b");
    lex_close(l);
}

Test(lexer, html_close_comment_only_at_line_start) {
    Lex *l = lex_open("a\n--> c\n  /* x */ /**/--> d\nb --> e\n/*\n*/ --> f\ng", 0);
    cr_expect_str_eq(slices(l), "a b -- > e g");
    lex_close(l);
    l = lex_open("--> first line\nx", 0);
    cr_expect_str_eq(slices(l), "x");
    lex_close(l);
    l = lex_open("/* a */ --> first line\nx", 0);
    cr_expect_str_eq(slices(l), "x");
    lex_close(l);
    l = lex_open("x\xe2\x80\xa8-->y\nz", 0);
    cr_expect_str_eq(slices(l), "x z");
    lex_close(l);
    l = lex_open("a\n--> c", OPT_MODULE);
    cr_expect_str_eq(slices(l), "a -- > c");
    lex_close(l);
}

// --- numbers ------------------------------------------------------------------

Test(lexer, decimal_number_values) {
    check_number("0", 0);
    check_number("123", 123);
    check_number("1.5", 1.5);
    check_number(".5", 0.5);
    check_number("5.", 5);
    check_number("1e3", 1000);
    check_number("1E-3", 0.001);
    check_number("1e+3", 1000);
    check_number("1.e2", 100);
    check_number("0.1", 0.1);
    check_number("0e5", 0);
    check_number("0.0", 0);
    check_number("1_000_000", 1000000);
    check_number("1e1_0", 1e10);
    check_number("0.0_1", 0.01);
    check_number("1_0.2_5e1_0", 10.25e10);
    check_number("123456789012345", 123456789012345.0);
    check_number("9007199254740993", 9007199254740992.0);  // ties to even
    check_number("9007199254740995", 9007199254740996.0);
    check_number("123456789012345678901234567890", 1.2345678901234568e29);
    check_number("1e400", HUGE_VAL);
    check_number("5e-324", 4.9406564584124654e-324);
    check_number("2e-324", 0.0);
    check_number("3e-324", 4.9406564584124654e-324);
    check_number("1.7976931348623157e308", 1.7976931348623157e308);
    check_number("1.7976931348623159e308", HUGE_VAL);
    check_number("2.2250738585072011e-308", 2.2250738585072011e-308);
    check_number("0.30000000000000004", 0.30000000000000004);
    check_number("1e22", 1e22);
    check_number("1e23", 1e23);
    check_number("8.5e-10", 8.5e-10);
    check_number("1e-99999999999999999999", 0.0);
    check_number("1e99999999999999999999", HUGE_VAL);
}

Test(lexer, decimal_values_match_strtod) {
    // The exact fast path and the strtod path must agree with strtod.
    srand(12345);
    for (int i = 0; i < 20000; i++) {
        char text[64];
        int ndig = 1 + rand() % 20, point = rand() % (ndig + 1), k = 0;
        for (int j = 0; j < ndig; j++) {
            if (j == point && j > 0) text[k++] = '.';
            text[k++] = (char)('0' + (j == 0 ? 1 + rand() % 9 : rand() % 10));
        }
        if (rand() % 2) k += snprintf(text + k, sizeof text - (size_t)k, "e%d", rand() % 80 - 40);
        text[k] = 0;
        double want = strtod(text, NULL);
        double got = number_of(text);
        cr_assert(memcmp(&got, &want, sizeof got) == 0, "`%s`: %.17g != %.17g", text, got, want);
    }
}

Test(lexer, radix_number_values_are_exact) {
    check_number("0x1F", 31);
    check_number("0X1f", 31);
    check_number("0o17", 15);
    check_number("0O17", 15);
    check_number("0b101", 5);
    check_number("0B1", 1);
    check_number("0x1_F", 31);
    check_number("0b1_0", 2);
    check_number("0x0", 0);
    check_number("0x1FFFFFFFFFFFFF", 9007199254740991.0);
    check_number("0x20000000000001", 9007199254740992.0);  // 2^53+1 ties to even
    check_number("0x20000000000003", 9007199254740996.0);  // 2^53+3 ties to even (up)
    check_number("0x20000000000002", 9007199254740994.0);
    check_number("0x100000000000000001", ldexp(1, 68));     // far below half: down
    // 2^52 * 2^24 scale: the 6 trailing hex digits are below the last kept bit
    check_number("0x10000000000001800000", ldexp(0x10000000000002, 24));  // tie, odd: up
    check_number("0x10000000000000800000", ldexp(0x10000000000000, 24));  // tie, even: down
    check_number("0x10000000000000800001", ldexp(0x10000000000001, 24));  // above half: up
    check_number("0x100000000000008000000000000000000", ldexp(0x10000000000000, 76));
    check_number("0x100000000000008000000000000000001", ldexp(0x10000000000001, 76));  // sticky
    check_number("0xFFFFFFFFFFFFFFFFFFFF", ldexp(1, 80));
    check_number("0o1000000000000000000001", ldexp(1, 63));
    char bin[80] = "0b";
    memset(bin + 2, '1', 53);
    check_number(bin, 9007199254740991.0);
    memset(bin + 2, '0', 54);
    bin[2] = bin[55] = '1';
    check_number(bin, 9007199254740992.0);  // 2^53 + 1 ties to even
    bin[54] = '1';
    check_number(bin, 9007199254740996.0);  // 2^53 + 3 ties to even (up)
    // against glibc's correctly rounded hex-float parsing
    const char *hex[] = {"123456789ABCDEF0123", "FFFFFFFFFFFFF7FF", "FFFFFFFFFFFFFC00",
                         "FFFFFFFFFFFFFC01", "1", "DEADBEEFDEADBEEFDEADBEEF"};
    for (size_t i = 0; i < sizeof hex / sizeof *hex; i++) {
        char lit[64], hf[64];
        snprintf(lit, sizeof lit, "0x%s", hex[i]);
        snprintf(hf, sizeof hf, "0x%sp0", hex[i]);
        check_number(lit, strtod(hf, NULL));
    }
    char big[600] = "0x";
    memset(big + 2, 'F', 300);
    check_number(big, HUGE_VAL);
}

Test(lexer, legacy_octal_and_leading_zero_decimals) {
    Lex *l = lex1("017", 0);
    PsToken *t = &l->lx.tok;
    cr_expect_eq(t->number, 15);
    cr_expect(t->flags & PS_TF_LEGACY_OCTAL);
    cr_expect_eq(t->octal_pos, 0);
    cr_expect_eq(t->octal_end, 3);
    lex_close(l);
    const struct {
        const char *text;
        double v;
    } cases[] = {{"08", 8}, {"019", 19}, {"08.5", 8.5}, {"09e1", 90}, {"00", 0}, {"0777", 511}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        l = lex1(cases[i].text, 0);
        cr_expect_eq(l->lx.tok.number, cases[i].v, "%s", cases[i].text);
        cr_expect(l->lx.tok.flags & PS_TF_LEGACY_OCTAL);
        cr_expect_eq(l->lx.tok.end, strlen(cases[i].text));
        cr_expect_eq(l->diags.v.len, 0);
        lex_close(l);
    }
    // `07.5` is `07` then `.5`; `07.toString()` is a member call.
    l = lex_open("07.5 07.x", 0);
    cr_expect_str_eq(slices(l), "07 .5 07 . x");
    lex_close(l);
    check_diags("010", OPT_STRICT, "E0011[0,3)");
    check_diags("x = 08.5", OPT_STRICT, "E0011[4,6)");
    check_diags("0.5 0 0n 0o10", OPT_STRICT, "");
}

Test(lexer, bigint_literals) {
    const struct {
        const char *text, *value;
    } cases[] = {{"1n", "1"},         {"0n", "0"},        {"0x1Fn", "0x1F"},
                 {"1_000n", "1000"},  {"0b1_1n", "0b11"}, {"0o7n", "0o7"},
                 {"123456789012345678901234567890n", "123456789012345678901234567890"}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        Lex *l = lex1(cases[i].text, 0);
        cr_expect_eq(l->lx.tok.type, PS_TOK_BIGINT, "%s", cases[i].text);
        cr_expect(value_is(&l->lx.tok, cases[i].value, strlen(cases[i].value)), "%s",
                  cases[i].text);
        cr_expect_eq(l->lx.tok.end, strlen(cases[i].text));
        cr_expect_eq(l->diags.v.len, 0);
        lex_close(l);
    }
    check_diags("1.5n", 0, "E0016[0,4)");
    check_diags("1e3n", 0, "E0016[0,4)");
    check_diags(".5n", 0, "E0016[0,3)");
    check_diags("017n", 0, "E0016[0,4)");
    check_diags("08n", 0, "E0016[0,3)");
}

Test(lexer, numeric_separator_errors) {
    check_diags("1__0", 0, "E0013[1,3)");
    check_diags("1_", 0, "E0013[1,2)");
    check_diags("1_n", 0, "E0013[1,2)");
    check_diags("0_1", 0, "E0013[1,2)");
    check_diags("0x_1", 0, "E0013[2,3)");
    check_diags("0x1_", 0, "E0013[3,4)");
    check_diags("1._5", 0, "E0013[2,3)");
    check_diags("1_.5", 0, "E0013[1,2)");
    check_diags("1e_1", 0, "E0013[2,3)");
    check_diags("1e+_1", 0, "E0013[3,4)");
    check_diags("1e1_", 0, "E0013[3,4)");
    check_diags("01_0", 0, "E0013[2,3)");
    check_diags("08_1", 0, "E0013[2,3)");
    check_diags("0b1__1", 0, "E0013[3,5)");
    check_diags("1_0 0x1_F 1e1_0 0.0_1", 0, "");
    Lex *l = lex1("1__0", 0);
    cr_expect_eq(l->lx.tok.number, 10, "value still computed");
    cr_expect_eq(l->lx.tok.end, 4);
    lex_close(l);
}

Test(lexer, missing_digits_and_identifiers_after_numbers) {
    check_diags("0x", 0, "E0014[0,2)");
    check_diags("0xg", 0, "E0014[0,3)");
    check_diags("0b", 0, "E0014[0,2)");
    check_diags("0o8", 0, "E0014[0,3)");
    check_diags("1e", 0, "E0014[1,2)");
    check_diags("1e+", 0, "E0014[1,3)");
    check_diags("1em", 0, "E0014[1,3)");
    check_diags("3in x", 0, "E0015[1,3)");
    check_diags("3x", 0, "E0015[1,2)");
    check_diags("0b12", 0, "E0015[3,4)");
    check_diags("0o78", 0, "E0015[3,4)");
    check_diags("1.5e3x", 0, "E0015[5,6)");
    check_diags("1\\u0061", 0, "E0015[1,7)");
    check_diags("1é", 0, "E0015[1,3)");
    check_diags("0x1g", 0, "E0015[3,4)");
    check_diags("1n2", 0, "E0015[2,3)");
    check_diags("1\\x", 0, "E0002[1,2)");
    Lex *l = lex_open("3in x", 0);
    cr_expect_str_eq(slices(l), "3in x", "the rest of the word is part of the number");
    lex_close(l);
}

// --- strings ------------------------------------------------------------------

Test(lexer, string_values) {
    const struct {
        const char *text, *value;
        size_t len;
    } cases[] = {
        {"'abc'", "abc", 3},
        {"\"a'b\"", "a'b", 3},
        {"'a\\'b'", "a'b", 3},
        {"'\\b\\t\\n\\v\\f\\r\\\"\\'\\\\'", "\b\t\n\v\f\r\"'\\", 9},
        {"'\\x41\\x7a\\xe9'", "Az\xc3\xa9", 4},
        {"'\\u0041\\u{1F600}\\u{0}'", "A\xf0\x9f\x98\x80\0", 6},
        {"'\\0'", "\0", 1},
        {"'a\\\nb\\\r\nc\\\rd\\\xe2\x80\xa8" "e'", "abcde", 5},
        {"'a\xe2\x80\xa8\xe2\x80\xa9" "b'", "a\xe2\x80\xa8\xe2\x80\xa9" "b", 8},
        {"'\\q\\é'", "q\xc3\xa9", 3},
        {"'\\uD83D\\uDE00'", "\xf0\x9f\x98\x80", 4},            // pair joins
        {"'\\uD83D\\u{DE00}'", "\xf0\x9f\x98\x80", 4},
        {"'\\uD800'", "\xed\xa0\x80", 3},                       // lone high: WTF-8
        {"'\\uDC00\\uD800'", "\xed\xb0\x80\xed\xa0\x80", 6},    // wrong order: two lone
        {"'\\uD800x\\uDC00'", "\xed\xa0\x80x\xed\xb0\x80", 7},
        {"'a\0b'", "a\0b", 3},
        {"''", "", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t n = strlen(cases[i].text);
        if (i == 15) n = 5;  // embedded NUL
        Lex *l = lex_open_n(cases[i].text, n, 0);
        PsToken *t = next(l);
        cr_expect_eq(t->type, PS_TOK_STRING, "case %zu", i);
        cr_expect(value_is(t, cases[i].value, cases[i].len), "case %zu: got %u bytes <%.*s>", i,
                  t->value_len, (int)t->value_len, t->value ? t->value : "");
        cr_expect_eq(t->end, n, "case %zu", i);
        cr_expect_eq(l->diags.v.len, 0, "case %zu: %s", i, diags(l));
        cr_expect_eq(next(l)->type, PS_TOK_EOF);
        lex_close(l);
    }
    Lex *l = lex1("'plain'", 0);
    cr_expect_eq(l->lx.tok.value, l->src + 1, "no escapes: value points into the source");
    cr_expect_eq(l->lx.tok.flags & PS_TF_ESCAPED, 0);
    lex_close(l);
    l = lex1("'use\\x20strict'", 0);
    cr_expect(VALUE_IS(&l->lx.tok, "use strict"));
    cr_expect(l->lx.tok.flags & PS_TF_ESCAPED, "escapes are flagged (directives)");
    lex_close(l);
}

Test(lexer, legacy_octal_escapes_in_strings) {
    const struct {
        const char *text, *value;
        size_t len;
        uint32_t pos, end;
    } cases[] = {
        {"'\\1'", "\x01", 1, 1, 3},       {"'\\7'", "\x07", 1, 1, 3},
        {"'\\101'", "A", 1, 1, 5},        {"'\\377'", "\xc3\xbf", 2, 1, 5},
        {"'\\400'", "\x20" "0", 2, 1, 4}, {"'\\08'", "\0" "8", 2, 1, 3},
        {"'\\8'", "8", 1, 1, 3},          {"'a\\9\\1'", "a9\x01", 3, 2, 4},
        {"'\\00'", "\0", 1, 1, 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        Lex *l = lex1(cases[i].text, 0);
        PsToken *t = &l->lx.tok;
        cr_expect(value_is(t, cases[i].value, cases[i].len), "case %zu", i);
        cr_expect(t->flags & PS_TF_LEGACY_OCTAL, "case %zu", i);
        cr_expect_eq(t->octal_pos, cases[i].pos, "case %zu", i);
        cr_expect_eq(t->octal_end, cases[i].end, "case %zu", i);
        cr_expect_eq(l->diags.v.len, 0);
        lex_close(l);
    }
    Lex *l = lex1("'\\0 \\0a'", 0);
    cr_expect_eq(l->lx.tok.flags & PS_TF_LEGACY_OCTAL, 0, "\\0 not before a digit is fine");
    lex_close(l);
    check_diags("'\\01' '\\8' '\\0' '\\08'", OPT_STRICT, "E0012[1,4) E0012[7,9) E0012[17,19)");
}

Test(lexer, string_escape_errors) {
    check_diags("'\\x4'", 0, "E0007[1,4)");
    check_diags("'\\xg1'", 0, "E0007[1,3)");
    check_diags("'\\x'", 0, "E0007[1,3)");
    check_diags("'\\u12'", 0, "E0008[1,5)");
    check_diags("'\\u{12'", 0, "E0008[1,6)");
    check_diags("'\\u{}'", 0, "E0008[1,4)");
    check_diags("'\\u{110000}'", 0, "E0009[1,11)");
    check_diags("'\\u{0000000000000041}'", 0, "");
    check_diags("'\\u{FFFFFFFFFFFFFFFFFFFF}'", 0, "E0009[1,25)");
}

Test(lexer, unterminated_strings_end_at_the_line_end) {
    Lex *l = lex_open("x = 'abc\ny", 0);
    cr_expect_str_eq(slices(l), "x = 'abc y");
    cr_expect_str_eq(diags(l), "E0003[4,8)");
    lex_close(l);
    l = lex_open("\"abc\\", 0);
    PsToken *t = next(l);
    cr_expect_eq(t->type, PS_TOK_STRING);
    cr_expect_eq(t->end, 5);
    cr_expect_eq(next(l)->type, PS_TOK_EOF);
    cr_expect_str_eq(diags(l), "E0003[0,5)");
    lex_close(l);
    check_diags("'abc\r\n'", 0, "E0003[0,4) E0003[6,7)");
    check_diags("'a\\\r\nb'", 0, "");
}

// --- templates ----------------------------------------------------------------

Test(lexer, templates_without_substitutions) {
    Lex *l = lex1("`a\\nb$c\\${d}`", 0);
    PsToken *t = &l->lx.tok;
    cr_expect_eq(t->type, PS_TOK_TEMPLATE);
    cr_expect(VALUE_IS(t, "a\nb$c${d}"));
    cr_expect(t->raw_len == 11 && memcmp(t->raw, "a\\nb$c\\${d}", 11) == 0);
    cr_expect_eq(t->end, 13);
    lex_close(l);
    l = lex1("`plain`", 0);
    cr_expect_eq(l->lx.tok.value, l->src + 1);
    cr_expect_eq(l->lx.tok.raw, l->src + 1, "no CR: raw points into the source");
    lex_close(l);
}

Test(lexer, template_line_ends_are_normalized) {
    Lex *l = lex1("`a\r\nb\rc\nd\\\r\ne`", 0);
    PsToken *t = &l->lx.tok;
    cr_expect(VALUE_IS(t, "a\nb\nc\nde"));
    cr_expect(t->raw_len == 10 && memcmp(t->raw, "a\nb\nc\nd\\\ne", 10) == 0, "raw <%.*s>",
              (int)t->raw_len, t->raw);
    lex_close(l);
}

Test(lexer, template_substitutions_need_a_rescan_of_the_brace) {
    Lex *l = lex_open("`a${x}b${ {y} }c` z", 0);
    PsToken *t = next(l);
    cr_expect_eq(t->type, PS_TOK_TEMPLATE_HEAD);
    cr_expect(VALUE_IS(t, "a"));
    cr_expect_eq(t->end, 4);
    cr_expect(VALUE_IS(next(l), "x"));
    t = next(l);
    cr_expect_eq(t->type, PS_TOK_RBRACE);
    ps_lexer_rescan_template_continuation(&l->lx);
    cr_expect_eq(t->type, PS_TOK_TEMPLATE_MIDDLE);
    cr_expect(VALUE_IS(t, "b"));
    cr_expect_eq(t->start, 5);
    cr_expect_eq(t->end, 9);
    cr_expect_eq(next(l)->type, PS_TOK_LBRACE);
    cr_expect(VALUE_IS(next(l), "y"));
    cr_expect_eq(next(l)->type, PS_TOK_RBRACE);  // the object's brace: no rescan
    t = next(l);
    ps_lexer_rescan_template_continuation(&l->lx);
    cr_expect_eq(t->type, PS_TOK_TEMPLATE_TAIL);
    cr_expect(VALUE_IS(t, "c"));
    cr_expect(VALUE_IS(next(l), "z"));
    cr_expect_eq(l->diags.v.len, 0);
    lex_close(l);
}

Test(lexer, invalid_template_escapes_are_left_to_the_parser) {
    const struct {
        const char *text;
        uint32_t pos, end;
    } cases[] = {
        {"`\\01`", 1, 3},  {"`\\1`", 1, 3},    {"`\\8`", 1, 3},      {"`a\\xg`", 2, 4},
        {"`\\x4`", 1, 4},  {"`\\u12`", 1, 5},  {"`\\u{110000}`", 1, 11}, {"`\\u{`", 1, 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        Lex *l = lex1(cases[i].text, 0);
        PsToken *t = &l->lx.tok;
        cr_expect_eq(t->type, PS_TOK_TEMPLATE, "case %zu", i);
        cr_expect_null(t->value, "case %zu: cooked is undefined", i);
        cr_expect(t->flags & PS_TF_INVALID_ESCAPE, "case %zu", i);
        cr_expect_eq(t->octal_pos, cases[i].pos, "case %zu", i);
        cr_expect_eq(t->octal_end, cases[i].end, "case %zu", i);
        cr_expect(t->raw && t->raw_len == strlen(cases[i].text) - 2, "case %zu: raw kept", i);
        cr_expect_eq(l->diags.v.len, 0, "case %zu: no diagnostic from the lexer", i);
        lex_close(l);
    }
    Lex *l = lex1("`\\0`", OPT_STRICT);
    cr_expect(value_is(&l->lx.tok, "\0", 1));
    cr_expect_eq(l->lx.tok.flags & PS_TF_INVALID_ESCAPE, 0);
    lex_close(l);
}

Test(lexer, unterminated_templates_report_their_start) {
    Lex *l = lex_open("x = `abc\ndef", 0);
    cr_expect_str_eq(diags_of(l), "E0004[4,5)");
    cr_expect_eq(l->diags.v.items[0].nrelated, 1);
    lex_close(l);
    l = lex_open("`a${b}c", 0);
    next(l);
    next(l);
    next(l);
    ps_lexer_rescan_template_continuation(&l->lx);
    cr_expect_eq(l->lx.tok.type, PS_TOK_TEMPLATE_TAIL);
    cr_expect(VALUE_IS(&l->lx.tok, "c"));
    cr_expect_str_eq(diags_of(l), "E0004[5,6)");
    lex_close(l);
}

// --- regular expressions ------------------------------------------------------

static Lex *regex_at(const char *text, int skip) {
    Lex *l = lex_open(text, 0);
    for (int i = 0; i <= skip; i++) next(l);
    ps_lexer_rescan_regex(&l->lx);
    return l;
}

Test(lexer, regex_rescan_splits_body_and_flags) {
    Lex *l = regex_at("x = /ab[/]c\\/d/gu.test(y)", 2);
    PsToken *t = &l->lx.tok;
    cr_expect_eq(t->type, PS_TOK_REGEX);
    cr_expect(VALUE_IS(t, "ab[/]c\\/d"));
    cr_expect(t->raw_len == 2 && memcmp(t->raw, "gu", 2) == 0);
    cr_expect_eq(t->start, 4);
    cr_expect_eq(t->end, 17);
    cr_expect_str_eq(slices(l), ". test ( y )");
    lex_close(l);
    l = regex_at("/=a/", 0);
    cr_expect(VALUE_IS(&l->lx.tok, "=a"));
    cr_expect_eq(l->lx.tok.raw_len, 0);
    lex_close(l);
    l = regex_at("/[\\]/]+/v", 0);
    cr_expect(VALUE_IS(&l->lx.tok, "[\\]/]+"));
    lex_close(l);
    l = regex_at("/a/\\u0067", 0);
    cr_expect_eq(l->lx.tok.raw_len, 0, "escapes are not flags");
    lex_close(l);
    l = regex_at("/é/gé", 0);
    cr_expect(VALUE_IS(&l->lx.tok, "é"));
    cr_expect(l->lx.tok.raw_len == 3 && memcmp(l->lx.tok.raw, "gé", 3) == 0);
    lex_close(l);
    l = lex_open("a\n/b/", 0);
    next(l);
    next(l);
    ps_lexer_rescan_regex(&l->lx);
    cr_expect(l->lx.tok.flags & PS_TF_NEWLINE_BEFORE, "flags survive the rescan");
    lex_close(l);
}

Test(lexer, unterminated_regex) {
    Lex *l = regex_at("/abc\nz", 0);
    cr_expect_str_eq(diags(l), "E0006[0,4)");
    cr_expect_eq(l->lx.tok.end, 4);
    cr_expect_str_eq(slices(l), "z");
    lex_close(l);
    l = regex_at("/[a/\nz", 0);
    cr_expect_str_eq(diags(l), "E0006[0,4)");
    lex_close(l);
    l = regex_at("/a\\\nb/", 0);
    cr_expect_str_eq(diags(l), "E0006[0,3)");
    lex_close(l);
    l = regex_at("/a\xe2\x80\xa8/", 0);
    cr_expect_str_eq(diags(l), "E0006[0,2)");
    lex_close(l);
    l = regex_at("/a", 0);
    cr_expect_str_eq(diags(l), "E0006[0,2)");
    lex_close(l);
}

// --- JSX ----------------------------------------------------------------------

Test(lexer, jsx_text_decodes_entities) {
    Lex *l = lex_open("a &amp; b &lt;&gt; &#123;&#x1F600; &nbsp;&apos;&hearts; &unknown; & x &#;&#x;"
                      "&#xD83D;&#xDE00;\r\nz{",
                      OPT_JSX);
    ps_lexer_next_jsx_child(&l->lx);
    PsToken *t = &l->lx.tok;
    cr_expect_eq(t->type, PS_TOK_JSX_TEXT);
    const char *want = "a & b <> {\xf0\x9f\x98\x80 \xc2\xa0'\xe2\x99\xa5 &unknown; & x &#;&#x;"
                       "\xf0\x9f\x98\x80\nz";
    cr_expect(value_is(t, want, strlen(want)), "got <%.*s>", (int)t->value_len, t->value);
    cr_expect_eq(t->start, 0);
    cr_expect_eq(l->src[t->end], '{');
    ps_lexer_next_jsx_child(&l->lx);
    cr_expect_eq(t->type, PS_TOK_LBRACE);
    cr_expect_eq(l->diags.v.len, 0);
    lex_close(l);
    l = lex_open("plain text<", OPT_JSX);
    ps_lexer_next_jsx_child(&l->lx);
    cr_expect_eq(l->lx.tok.value, l->src, "no entity: value points into the source");
    cr_expect_eq(l->lx.tok.value_len, 10);
    ps_lexer_next_jsx_child(&l->lx);
    cr_expect_eq(l->lx.tok.type, PS_TOK_LT);
    ps_lexer_next_jsx_child(&l->lx);
    cr_expect_eq(l->lx.tok.type, PS_TOK_EOF);
    lex_close(l);
}

Test(lexer, jsx_text_rejects_closing_brackets) {
    Lex *l = lex_open("a > b } c<", OPT_JSX);
    ps_lexer_next_jsx_child(&l->lx);
    cr_expect_eq(l->lx.tok.type, PS_TOK_JSX_TEXT);
    cr_expect_eq(l->lx.tok.end, 9);
    cr_expect_str_eq(diags(l), "E0019[2,3) E0019[6,7)");
    lex_close(l);
}

Test(lexer, jsx_names_strings_and_gt) {
    Lex *l = lex_open("<data-foo-bar x=\"a\\n&quot;\nb\" y='\\' class>>= z", OPT_JSX);
    cr_expect_eq(next(l)->type, PS_TOK_LT);
    PsToken *t = next(l);
    cr_expect(VALUE_IS(t, "data"));
    ps_lexer_rescan_jsx_identifier(&l->lx);
    cr_expect_eq(t->type, PS_TOK_IDENT);
    cr_expect(VALUE_IS(t, "data-foo-bar"));
    cr_expect_eq(t->end, 13);
    cr_expect(VALUE_IS(next(l), "x"));
    cr_expect_eq(next(l)->type, PS_TOK_ASSIGN);
    t = next(l);
    cr_expect_eq(t->type, PS_TOK_STRING);
    cr_expect_neq(l->diags.v.len, 0, "as a JS string it is unterminated");
    ps_lexer_rescan_jsx_string(&l->lx);
    cr_expect_eq(t->type, PS_TOK_JSX_STRING);
    cr_expect(VALUE_IS(t, "a\\n\"\nb"));
    cr_expect_eq(l->diags.v.len, 0, "the rescan dropped the string's diagnostics");
    cr_expect(VALUE_IS(next(l), "y"));
    next(l);
    next(l);
    ps_lexer_rescan_jsx_string(&l->lx);
    cr_expect(VALUE_IS(t, "\\"));
    t = next(l);
    ps_lexer_rescan_jsx_identifier(&l->lx);
    cr_expect_eq(t->kw, PS_KW_CLASS);
    t = next(l);
    cr_expect_eq(t->type, PS_TOK_SAR_ASSIGN);
    ps_lexer_rescan_jsx_gt(&l->lx);
    cr_expect_eq(t->type, PS_TOK_GT);
    cr_expect_eq(t->end, t->start + 1);
    ps_lexer_next_jsx_child(&l->lx);
    cr_expect(VALUE_IS(t, ">= z"));
    cr_expect_str_eq(diags(l), "E0019[42,43)");
    lex_close(l);
}

Test(lexer, unterminated_jsx_string) {
    Lex *l = lex_open("<a b=\"xy\nz", OPT_JSX);
    for (int i = 0; i < 5; i++) next(l);
    ps_lexer_rescan_jsx_string(&l->lx);
    cr_expect_eq(l->lx.tok.type, PS_TOK_JSX_STRING);
    cr_expect_eq(l->lx.tok.end, 10);
    cr_expect_str_eq(diags(l), "E0003[5,8)");
    lex_close(l);
}

// --- invalid input ------------------------------------------------------------

Test(lexer, invalid_utf8_is_one_diagnostic_per_run) {
    const char text[] = "a\xff\xfe" "b \"x\xc3y\" // \xe2\x82\n/* \xf0 */ `\x80` c\xc3\xa9" "d";
    Lex *l = lex_open_n(text, sizeof text - 1, 0);
    cr_expect_str_eq(slices(l), "a !\xff\xfe b \"x\xc3y\" `\x80` c\xc3\xa9" "d");
    cr_expect_str_eq(diags(l), "E0001[1,3) E0001[7,8) E0001[14,16) E0001[20,21) E0001[26,27)");
    lex_close(l);
    l = lex_open_n("'a\xc3\x28'", 5, 0);
    PsToken *t = next(l);
    cr_expect(VALUE_IS(t, "a\xef\xbf\xbd("), "invalid bytes become U+FFFD in values");
    lex_close(l);
    // truncated sequences at the very end
    const char *tails[] = {"\xc3", "\xe2\x82", "\xf0\x9f\x98", "x\xf4", "'\xe2", "`\xe2", "//\xe2"};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        l = lex_open(tails[i], 0);
        diags_of(l);
        cr_expect_geq(l->diags.v.len, 1, "case %zu", i);
        cr_expect_eq(l->diags.v.items[0].code, PS_E_INVALID_UTF8, "case %zu", i);
        lex_close(l);
    }
    check_diags("\xed\xa0\x80", 0, "E0001[0,3)");  // encoded surrogate
    check_diags("\xc0\xaf", 0, "E0001[0,2)");       // overlong
}

Test(lexer, unexpected_characters) {
    check_diags("a \x01 b", 0, "E0002[2,3)");
    check_diags("a \x7f", 0, "E0002[2,3)");
    check_diags("a \\ b", 0, "E0002[2,3)");
    check_diags("a € b", 0, "E0002[2,5)");
    check_diags("x = \xe2\x80\x9chi\xe2\x80\x9d", 0, "E0002[4,7) E0002[9,12)");
    check_diags("a \xe2\x80\x8b b", 0, "E0002[2,5)");
    Lex *l = lex_open_n("a\0b", 3, 0);
    cr_expect_str_eq(slices(l), "a ! b");  // the NUL slice prints as nothing
    lex_close(l);
    l = lex_open_n("a\0b", 3, 0);
    cr_expect_str_eq(diags_of(l), "E0002[1,2)");
    lex_close(l);
    l = lex_open_n("// a\0b\nc /* \0 */ d", 18, 0);
    cr_expect_str_eq(slices(l), "c d", "NUL is fine in comments");
    lex_close(l);
}

Test(lexer, eof_token_repeats) {
    Lex *l = lex_open("a  ", 0);
    next(l);
    for (int i = 0; i < 3; i++) {
        PsToken *t = next(l);
        cr_expect_eq(t->type, PS_TOK_EOF);
        cr_expect_eq(t->start, 3);
        cr_expect_eq(t->end, 3);
    }
    lex_close(l);
}

Test(lexer, a_copied_lexer_restores_the_position) {
    Lex *l = lex_open("a + b * c", 0);
    next(l);
    PsLexer saved = l->lx;
    uint32_t ndiags = l->diags.v.len;
    next(l);
    next(l);
    l->lx = saved;
    l->diags.v.len = ndiags;
    cr_expect_str_eq(slices(l), "+ b * c");
    lex_close(l);
}

// Random bytes (biased towards JS-significant characters) must never crash,
// hang or produce tokens outside the source.
Test(lexer, random_bytes_never_crash_or_stall) {
    static const char alphabet[] = "abc019_$xXeEnou'\"`\\/*{}[]()<>!-=+.#@?&|;:,\n\r\t \xe2\x80\xa8\xc3\xff";
    srand(777);
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = (size_t)(rand() % 200);
        char buf[256];
        for (size_t i = 0; i < n; i++)
            buf[i] = rand() % 4 ? alphabet[rand() % (int)(sizeof alphabet - 1)] : (char)(rand() % 256);
        Lex *l = lex_open_n(buf, n, (unsigned)(iter % 16) & (OPT_MODULE | OPT_JSX | OPT_STRICT));
        uint32_t last = 0;
        for (int guard = 0; guard < 1000; guard++) {
            PsToken *t = next(l);
            cr_assert_leq(t->end, n);
            cr_assert_leq(t->start, t->end);
            if (t->type == PS_TOK_EOF) break;
            cr_assert_gt(t->end, last, "progress");
            last = t->end;
            int r = rand() % 8;
            if ((t->type == PS_TOK_SLASH || t->type == PS_TOK_SLASH_ASSIGN) && r < 4) {
                ps_lexer_rescan_regex(&l->lx);
            } else if (t->type == PS_TOK_RBRACE && r < 4) {
                ps_lexer_rescan_template_continuation(&l->lx);
            } else if (t->type == PS_TOK_STRING && r < 2) {
                ps_lexer_rescan_jsx_string(&l->lx);
            } else if (t->type == PS_TOK_IDENT && r < 2) {
                ps_lexer_rescan_jsx_identifier(&l->lx);
            } else if (t->type == PS_TOK_GT && r < 3) {
                ps_lexer_next_jsx_child(&l->lx);
                if (l->lx.tok.type == PS_TOK_EOF) break;
            }
            // A JSX string can end before the JS string did (`"a\"b"`).
            cr_assert_leq(l->lx.tok.end, n);
            if (l->lx.tok.type != PS_TOK_EOF) cr_assert_gt(l->lx.tok.end, l->lx.tok.start);
            last = l->lx.tok.end;
        }
        for (uint32_t i = 0; i < l->diags.v.len; i++) cr_assert_leq(l->diags.v.items[i].span.end, n);
        lex_close(l);
    }
}
