// ESTree JSON writer. The expected strings are acorn 8.19.0's output
// (`JSON.stringify(acorn.parse(src, {ecmaVersion: "latest"}))`, with RegExp
// and BigInt values mapped to null) for the same source.
//
// The trees here are built by hand so that the writer is tested on its own:
// offsets, escaping, number formatting, field order and the shapes of
// error-recovery nodes. Whole-parser agreement with acorn is checked by the
// corpus suite.
#include <criterion/criterion.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parser.h"

// --- tree building --------------------------------------------------------

typedef struct Fixture {
    PsParse parse;
    char *src;
} Fixture;

static Fixture fx;

static void fx_init(const char *src, size_t len) {
    memset(&fx, 0, sizeof fx);
    och_arena_init(&fx.parse.arena);
    fx.src = ps_source_dup(src, len);
    fx.parse.src = fx.src;
    fx.parse.len = (uint32_t)len;
}

static void fx_fini(void) {
    och_arena_free(&fx.parse.arena);
    och_free(fx.src);
}

static PsNode *mk(size_t size, PsNodeKind kind, uint32_t start, uint32_t end) {
    PsNode *n = och_arena_alloc(&fx.parse.arena, size);
    memset(n, 0, size);
    n->kind = (uint8_t)kind;
    n->start = start;
    n->end = end;
    return n;
}

#define NEW(T, kind, s, e) ((T *)mk(sizeof(T), PS_NODE_##kind, (s), (e)))

static PsList list(uint32_t count, ...) {
    PsList l = {och_arena_alloc(&fx.parse.arena, sizeof(PsNode *) * (count ? count : 1)), count};
    va_list ap;
    va_start(ap, count);
    for (uint32_t i = 0; i < count; i++) l.items[i] = va_arg(ap, PsNode *);
    va_end(ap);
    return l;
}

static PsNode *program(PsGoal goal, PsList body) {
    PsListNode *p = NEW(PsListNode, PROGRAM, 0, fx.parse.len);
    p->h.op = (uint8_t)goal;
    p->items = body;
    fx.parse.root = &p->h;
    return &p->h;
}

static PsNode *stmt(PsNode *e, uint32_t end) {
    PsUnary *s = NEW(PsUnary, EXPRESSION_STMT, e->start, end);
    s->arg = e;
    return &s->h;
}

static PsNode *ident(uint32_t s, uint32_t e) {
    PsIdent *id = NEW(PsIdent, IDENTIFIER, s, e);
    id->name = fx.src + s;
    id->h.aux = e - s;
    return &id->h;
}

static PsNode *str_lit(uint32_t s, uint32_t e, const char *value, uint32_t vlen) {
    PsLiteral *l = NEW(PsLiteral, LITERAL, s, e);
    l->h.op = PS_LIT_STRING;
    l->u.str = value;
    l->h.aux = vlen;
    return &l->h;
}

static PsNode *num_lit(uint32_t s, uint32_t e, double v) {
    PsLiteral *l = NEW(PsLiteral, LITERAL, s, e);
    l->h.op = PS_LIT_NUMBER;
    l->u.number = v;
    return &l->h;
}

static PsNode *raw_lit(PsLitKind kind, uint32_t s, uint32_t e) {
    PsLiteral *l = NEW(PsLiteral, LITERAL, s, e);
    l->h.op = (uint8_t)kind;
    l->u.str = fx.src + s;
    l->h.aux = e - s;
    return &l->h;
}

static PsNode *quasi(uint32_t s, uint32_t e, const char *cooked, uint32_t clen, bool tail) {
    PsTemplateElement *t = NEW(PsTemplateElement, TEMPLATE_ELEMENT, s, e);
    t->raw = fx.src + s;
    t->raw_len = e - s;
    t->cooked = cooked;
    t->h.aux = clen;
    if (tail) t->h.flags |= PS_NF_TAIL;
    return &t->h;
}

// Offset of the n-th occurrence (1-based) of needle in the source.
static uint32_t at(const char *needle, int nth) {
    const char *p = fx.src;
    for (;;) {
        p = strstr(p, needle);
        cr_assert_not_null(p, "no `%s` in the source", needle);
        if (--nth == 0) return (uint32_t)(p - fx.src);
        p++;
    }
}

static void expect_json(const char *want) {
    OchBuf out = {0};
    ps_estree_write(&fx.parse, &out);
    cr_assert_str_eq(out.data, want);
    och_buf_free(&out);
}

// --- tests ----------------------------------------------------------------

Test(estree, offsets_count_utf16_units_after_emoji_and_cjk) {
    // "😀中"; a      (😀 is 4 bytes / 2 units, 中 3 bytes / 1 unit)
    const char *src = "\"\xF0\x9F\x98\x80\xE4\xB8\xAD\"; a";
    fx_init(src, strlen(src));
    PsNode *lit = str_lit(0, 9, fx.src + 1, 7);
    PsNode *s1 = stmt(lit, 10);
    s1->flags |= PS_NF_DIRECTIVE;
    program(PS_GOAL_SCRIPT, list(2, s1, stmt(ident(11, 12), 12)));
    expect_json("{\"type\":\"Program\",\"start\":0,\"end\":8,\"body\":["
                "{\"type\":\"ExpressionStatement\",\"start\":0,\"end\":6,\"expression\":"
                "{\"type\":\"Literal\",\"start\":0,\"end\":5,\"value\":\"\xF0\x9F\x98\x80\xE4\xB8\xAD\","
                "\"raw\":\"\\\"\xF0\x9F\x98\x80\xE4\xB8\xAD\\\"\"},\"directive\":\"\xF0\x9F\x98\x80\xE4\xB8\xAD\"},"
                "{\"type\":\"ExpressionStatement\",\"start\":7,\"end\":8,\"expression\":"
                "{\"type\":\"Identifier\",\"start\":7,\"end\":8,\"name\":\"a\"}}],\"sourceType\":\"script\"}");
    fx_fini();
}

Test(estree, offsets_stay_exact_across_many_blocks_of_mixed_text) {
    // Identifiers after long runs of multi-byte text exercise the block table
    // and the word-at-a-time counting at every alignment.
    OchBuf src = {0};
    uint32_t expect_u16[300], starts[300];
    uint32_t units = 0;
    static const char *pieces[] = {"\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "ab"};
    static const uint32_t piece_units[] = {1, 1, 2, 2};
    for (int i = 0; i < 300; i++) {
        och_buf_puts(&src, "/*");
        units += 2;
        for (int k = 0; k < i % 23; k++) {
            och_buf_puts(&src, pieces[(i + k) % 4]);
            units += piece_units[(i + k) % 4];
        }
        och_buf_puts(&src, "*/");
        units += 2;
        starts[i] = (uint32_t)src.len;
        expect_u16[i] = units;
        och_buf_puts(&src, "x;");
        units += 2;
    }
    fx_init(src.data, src.len);
    PsList body = {och_arena_alloc(&fx.parse.arena, sizeof(PsNode *) * 300), 300};
    for (int i = 0; i < 300; i++) body.items[i] = stmt(ident(starts[i], starts[i] + 1), starts[i] + 2);
    program(PS_GOAL_SCRIPT, body);
    OchBuf out = {0};
    ps_estree_write(&fx.parse, &out);
    const char *p = out.data;
    for (int i = 0; i < 300; i++) {
        p = strstr(p, "{\"type\":\"Identifier\",\"start\":");
        cr_assert_not_null(p);
        unsigned s, e;
        cr_assert_eq(sscanf(p, "{\"type\":\"Identifier\",\"start\":%u,\"end\":%u", &s, &e), 2);
        cr_assert_eq(s, expect_u16[i], "statement %d", i);
        cr_assert_eq(e, expect_u16[i] + 1);
        p++;
    }
    char tail[64];
    snprintf(tail, sizeof tail, "],\"sourceType\":\"script\"}");
    cr_assert(strstr(out.data, tail));
    snprintf(tail, sizeof tail, "{\"type\":\"Program\",\"start\":0,\"end\":%u,", units);
    cr_assert_eq(strncmp(out.data, tail, strlen(tail)), 0, "%.60s", out.data);
    och_buf_free(&out);
    och_buf_free(&src);
    fx_fini();
}

Test(estree, strings_are_escaped_like_json_stringify) {
    // "\ud800\u0001\n\"\\\u2028\ud83d\ude00"   (the lexer's value is WTF-8:
    // a lone surrogate, and a pair of surrogates that JS joins into 😀)
    const char *src = "\"\\ud800\\u0001\\n\\\"\\\\\\u2028\\ud83d\\ude00\"";
    fx_init(src, strlen(src));
    static const char value[] = "\xED\xA0\x80\x01\n\"\\\xE2\x80\xA8\xED\xA0\xBD\xED\xB8\x80";
    PsNode *s = stmt(str_lit(0, 38, value, sizeof value - 1), 38);
    s->flags |= PS_NF_DIRECTIVE;
    program(PS_GOAL_SCRIPT, list(1, s));
    expect_json("{\"type\":\"Program\",\"start\":0,\"end\":38,\"body\":[{\"type\":\"ExpressionStatement\","
                "\"start\":0,\"end\":38,\"expression\":{\"type\":\"Literal\",\"start\":0,\"end\":38,"
                "\"value\":\"\\ud800\\u0001\\n\\\"\\\\\xE2\x80\xA8\xF0\x9F\x98\x80\","
                "\"raw\":\"\\\"\\\\ud800\\\\u0001\\\\n\\\\\\\"\\\\\\\\\\\\u2028\\\\ud83d\\\\ude00\\\"\"},"
                "\"directive\":\"\\\\ud800\\\\u0001\\\\n\\\\\\\"\\\\\\\\\\\\u2028\\\\ud83d\\\\ude00\"}],"
                "\"sourceType\":\"script\"}");
    fx_fini();
}

Test(estree, control_characters_and_invalid_utf8_stay_valid_json) {
    // A string value with every short escape, DEL (printed raw, like
    // JSON.stringify) and a lone low surrogate; an identifier whose source
    // holds an invalid byte prints U+FFFD.
    const char *src = "x\xFFy";
    fx_init(src, strlen(src));
    static const char value[] = "\b\f\n\r\t\x0b\x1f\x7f\xED\xBF\xBF";
    PsNode *lit = str_lit(0, 3, value, sizeof value - 1);
    PsNode *id = ident(0, 3);
    program(PS_GOAL_SCRIPT, list(2, stmt(lit, 3), stmt(id, 3)));
    OchBuf out = {0};
    ps_estree_write(&fx.parse, &out);
    cr_assert(strstr(out.data, "\"value\":\"\\b\\f\\n\\r\\t\\u000b\\u001f\x7f\\udfff\""), "%s", out.data);
    cr_assert(strstr(out.data, "\"name\":\"x\xEF\xBF\xBDy\""), "%s", out.data);
    cr_assert(strstr(out.data, "\"raw\":\"x\xEF\xBF\xBDy\""), "%s", out.data);
    och_buf_free(&out);
    fx_fini();
}

Test(estree, numbers_print_like_javascript) {
    const char *src = "0.1; 1e21; 1e-7; 0x10; 1_000; 5e-324; 1e400";
    fx_init(src, strlen(src));
    static const double values[] = {0.1, 1e21, 1e-7, 16, 1000, 5e-324, INFINITY};
    static const char *raws[] = {"0.1", "1e21", "1e-7", "0x10", "1_000", "5e-324", "1e400"};
    PsList body = list(7, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
    for (int i = 0; i < 7; i++) {
        uint32_t s = at(raws[i], 1), e = s + (uint32_t)strlen(raws[i]);
        body.items[i] = stmt(num_lit(s, e, values[i]), i < 6 ? e + 1 : e);
    }
    program(PS_GOAL_SCRIPT, body);
    expect_json(
        "{\"type\":\"Program\",\"start\":0,\"end\":43,\"body\":["
        "{\"type\":\"ExpressionStatement\",\"start\":0,\"end\":4,\"expression\":{\"type\":\"Literal\",\"start\":0,\"end\":3,\"value\":0.1,\"raw\":\"0.1\"}},"
        "{\"type\":\"ExpressionStatement\",\"start\":5,\"end\":10,\"expression\":{\"type\":\"Literal\",\"start\":5,\"end\":9,\"value\":1e+21,\"raw\":\"1e21\"}},"
        "{\"type\":\"ExpressionStatement\",\"start\":11,\"end\":16,\"expression\":{\"type\":\"Literal\",\"start\":11,\"end\":15,\"value\":1e-7,\"raw\":\"1e-7\"}},"
        "{\"type\":\"ExpressionStatement\",\"start\":17,\"end\":22,\"expression\":{\"type\":\"Literal\",\"start\":17,\"end\":21,\"value\":16,\"raw\":\"0x10\"}},"
        "{\"type\":\"ExpressionStatement\",\"start\":23,\"end\":29,\"expression\":{\"type\":\"Literal\",\"start\":23,\"end\":28,\"value\":1000,\"raw\":\"1_000\"}},"
        "{\"type\":\"ExpressionStatement\",\"start\":30,\"end\":37,\"expression\":{\"type\":\"Literal\",\"start\":30,\"end\":36,\"value\":5e-324,\"raw\":\"5e-324\"}},"
        "{\"type\":\"ExpressionStatement\",\"start\":38,\"end\":43,\"expression\":{\"type\":\"Literal\",\"start\":38,\"end\":43,\"value\":null,\"raw\":\"1e400\"}}"
        "],\"sourceType\":\"script\"}");
    fx_fini();
}

Test(estree, regex_and_bigint_literals) {
    const char *src = "/a\\/[/]b/gi; 0x1_Fn; 123n; 0n; 1_0n";
    fx_init(src, strlen(src));
    PsNode *re = raw_lit(PS_LIT_REGEX, 0, 11);
    re->aux = 7;  // the pattern
    program(PS_GOAL_SCRIPT, list(5, stmt(re, 12), stmt(raw_lit(PS_LIT_BIGINT, 13, 19), 20),
                                 stmt(raw_lit(PS_LIT_BIGINT, 21, 25), 26),
                                 stmt(raw_lit(PS_LIT_BIGINT, 27, 29), 30),
                                 stmt(raw_lit(PS_LIT_BIGINT, 31, 35), 35)));
    expect_json(
        "{\"type\":\"Program\",\"start\":0,\"end\":35,\"body\":["
        "{\"type\":\"ExpressionStatement\",\"start\":0,\"end\":12,\"expression\":{\"type\":\"Literal\",\"start\":0,\"end\":11,\"value\":null,\"raw\":\"/a\\\\/[/]b/gi\",\"regex\":{\"pattern\":\"a\\\\/[/]b\",\"flags\":\"gi\"}}},"
        "{\"type\":\"ExpressionStatement\",\"start\":13,\"end\":20,\"expression\":{\"type\":\"Literal\",\"start\":13,\"end\":19,\"value\":null,\"raw\":\"0x1_Fn\",\"bigint\":\"31\"}},"
        "{\"type\":\"ExpressionStatement\",\"start\":21,\"end\":26,\"expression\":{\"type\":\"Literal\",\"start\":21,\"end\":25,\"value\":null,\"raw\":\"123n\",\"bigint\":\"123\"}},"
        "{\"type\":\"ExpressionStatement\",\"start\":27,\"end\":30,\"expression\":{\"type\":\"Literal\",\"start\":27,\"end\":29,\"value\":null,\"raw\":\"0n\",\"bigint\":\"0\"}},"
        "{\"type\":\"ExpressionStatement\",\"start\":31,\"end\":35,\"expression\":{\"type\":\"Literal\",\"start\":31,\"end\":35,\"value\":null,\"raw\":\"1_0n\",\"bigint\":\"10\"}}"
        "],\"sourceType\":\"script\"}");
    fx_fini();
}

Test(estree, big_radix_bigints_convert_to_decimal) {
    const char *src = "0xffffffffffffffffffffffn; 0b1000000000000000000000000000000000000000000000000000000000000000n";
    fx_init(src, strlen(src));
    uint32_t s2 = at("0b", 1);
    program(PS_GOAL_SCRIPT, list(2, stmt(raw_lit(PS_LIT_BIGINT, 0, 25), 26),
                                 stmt(raw_lit(PS_LIT_BIGINT, s2, (uint32_t)strlen(src)), (uint32_t)strlen(src))));
    OchBuf out = {0};
    ps_estree_write(&fx.parse, &out);
    cr_assert(strstr(out.data, "\"bigint\":\"309485009821345068724781055\""), "%s", out.data);
    cr_assert(strstr(out.data, "\"bigint\":\"9223372036854775808\""), "%s", out.data);
    och_buf_free(&out);
    fx_fini();
}

Test(estree, templates_with_cooked_and_invalid_escapes) {
    const char *src = "`a${b}c`; t`\\u{`";
    fx_init(src, strlen(src));
    PsTemplate *t1 = NEW(PsTemplate, TEMPLATE_LITERAL, 0, 8);
    t1->quasis = list(2, quasi(1, 2, "a", 1, false), quasi(6, 7, "c", 1, true));
    t1->expressions = list(1, ident(4, 5));
    PsTemplate *t2 = NEW(PsTemplate, TEMPLATE_LITERAL, 11, 16);
    t2->quasis = list(1, quasi(12, 15, NULL, 0, true));
    t2->expressions = list(0);
    PsTaggedTemplate *tt = NEW(PsTaggedTemplate, TAGGED_TEMPLATE, 10, 16);
    tt->tag = ident(10, 11);
    tt->quasi = &t2->h;
    program(PS_GOAL_SCRIPT, list(2, stmt(&t1->h, 9), stmt(&tt->h, 16)));
    expect_json(
        "{\"type\":\"Program\",\"start\":0,\"end\":16,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":0,\"end\":9,"
        "\"expression\":{\"type\":\"TemplateLiteral\",\"start\":0,\"end\":8,\"expressions\":[{\"type\":\"Identifier\",\"start\":4,\"end\":5,\"name\":\"b\"}],"
        "\"quasis\":[{\"type\":\"TemplateElement\",\"start\":1,\"end\":2,\"value\":{\"raw\":\"a\",\"cooked\":\"a\"},\"tail\":false},"
        "{\"type\":\"TemplateElement\",\"start\":6,\"end\":7,\"value\":{\"raw\":\"c\",\"cooked\":\"c\"},\"tail\":true}]}},"
        "{\"type\":\"ExpressionStatement\",\"start\":10,\"end\":16,\"expression\":{\"type\":\"TaggedTemplateExpression\",\"start\":10,\"end\":16,"
        "\"tag\":{\"type\":\"Identifier\",\"start\":10,\"end\":11,\"name\":\"t\"},\"quasi\":{\"type\":\"TemplateLiteral\",\"start\":11,\"end\":16,"
        "\"expressions\":[],\"quasis\":[{\"type\":\"TemplateElement\",\"start\":12,\"end\":15,\"value\":{\"raw\":\"\\\\u{\",\"cooked\":null},\"tail\":true}]}}}],"
        "\"sourceType\":\"script\"}");
    fx_fini();
}

Test(estree, functions_properties_and_members_in_acorn_field_order) {
    // x = {a, async *[k](){}}; a?.b[c]
    const char *src = "x = {a, async *[k](){}}; a?.b[c]";
    fx_init(src, strlen(src));
    PsNode *a = ident(5, 6);
    PsProperty *p1 = NEW(PsProperty, PROPERTY, 5, 6);
    p1->h.flags = PS_NF_SHORTHAND;
    p1->key = p1->value = a;
    PsListNode *body = NEW(PsListNode, BLOCK, 20, 22);
    body->items = list(0);
    PsFunction *f = NEW(PsFunction, FUNCTION_EXPR, 18, 22);
    f->h.flags = PS_NF_ASYNC | PS_NF_GENERATOR;
    f->params = list(0);
    f->body = &body->h;
    PsProperty *p2 = NEW(PsProperty, PROPERTY, 8, 22);
    p2->h.flags = PS_NF_METHOD | PS_NF_COMPUTED;
    p2->key = ident(16, 17);
    p2->value = &f->h;
    PsListNode *obj = NEW(PsListNode, OBJECT_EXPR, 4, 23);
    obj->items = list(2, &p1->h, &p2->h);
    PsBinary *asg = NEW(PsBinary, ASSIGN_EXPR, 0, 23);
    asg->h.op = PS_OP_ASSIGN;
    asg->left = ident(0, 1);
    asg->right = &obj->h;
    PsMember *m1 = NEW(PsMember, MEMBER_EXPR, 25, 29);
    m1->h.flags = PS_NF_OPTIONAL;
    m1->object = ident(25, 26);
    m1->property = ident(28, 29);
    PsMember *m2 = NEW(PsMember, MEMBER_EXPR, 25, 32);
    m2->h.flags = PS_NF_COMPUTED;
    m2->object = &m1->h;
    m2->property = ident(30, 31);
    PsUnary *chain = NEW(PsUnary, CHAIN_EXPR, 25, 32);
    chain->arg = &m2->h;
    program(PS_GOAL_MODULE, list(2, stmt(&asg->h, 24), stmt(&chain->h, 32)));
    expect_json(
        "{\"type\":\"Program\",\"start\":0,\"end\":32,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":0,\"end\":24,"
        "\"expression\":{\"type\":\"AssignmentExpression\",\"start\":0,\"end\":23,\"operator\":\"=\","
        "\"left\":{\"type\":\"Identifier\",\"start\":0,\"end\":1,\"name\":\"x\"},"
        "\"right\":{\"type\":\"ObjectExpression\",\"start\":4,\"end\":23,\"properties\":["
        "{\"type\":\"Property\",\"start\":5,\"end\":6,\"method\":false,\"shorthand\":true,\"computed\":false,"
        "\"key\":{\"type\":\"Identifier\",\"start\":5,\"end\":6,\"name\":\"a\"},"
        "\"value\":{\"type\":\"Identifier\",\"start\":5,\"end\":6,\"name\":\"a\"},\"kind\":\"init\"},"
        "{\"type\":\"Property\",\"start\":8,\"end\":22,\"method\":true,\"shorthand\":false,\"computed\":true,"
        "\"key\":{\"type\":\"Identifier\",\"start\":16,\"end\":17,\"name\":\"k\"},"
        "\"value\":{\"type\":\"FunctionExpression\",\"start\":18,\"end\":22,\"id\":null,\"expression\":false,"
        "\"generator\":true,\"async\":true,\"params\":[],\"body\":{\"type\":\"BlockStatement\",\"start\":20,\"end\":22,\"body\":[]}},"
        "\"kind\":\"init\"}]}}},"
        "{\"type\":\"ExpressionStatement\",\"start\":25,\"end\":32,\"expression\":{\"type\":\"ChainExpression\",\"start\":25,\"end\":32,"
        "\"expression\":{\"type\":\"MemberExpression\",\"start\":25,\"end\":32,"
        "\"object\":{\"type\":\"MemberExpression\",\"start\":25,\"end\":29,"
        "\"object\":{\"type\":\"Identifier\",\"start\":25,\"end\":26,\"name\":\"a\"},"
        "\"property\":{\"type\":\"Identifier\",\"start\":28,\"end\":29,\"name\":\"b\"},\"computed\":false,\"optional\":true},"
        "\"property\":{\"type\":\"Identifier\",\"start\":30,\"end\":31,\"name\":\"c\"},\"computed\":true,\"optional\":false}}}],"
        "\"sourceType\":\"module\"}");
    fx_fini();
}

Test(estree, error_and_missing_nodes_from_recovery) {
    // `let = ; @@` recovered: the missing binding name becomes a zero-width
    // MISSING identifier, the unparseable tokens an Error node.
    const char *src = "let = ; @@";
    fx_init(src, strlen(src));
    PsIdent *missing = NEW(PsIdent, IDENTIFIER, 3, 3);
    missing->h.flags = PS_NF_MISSING;
    PsVarDeclarator *d = NEW(PsVarDeclarator, VAR_DECLARATOR, 3, 5);
    d->id = &missing->h;
    PsListNode *decl = NEW(PsListNode, VAR_DECL, 0, 7);
    decl->h.op = PS_VAR_LET;
    decl->items = list(1, &d->h);
    PsListNode *err = NEW(PsListNode, ERROR, 8, 10);
    err->items = list(0);
    program(PS_GOAL_SCRIPT, list(2, &decl->h, &err->h));
    expect_json("{\"type\":\"Program\",\"start\":0,\"end\":10,\"body\":[{\"type\":\"VariableDeclaration\",\"start\":0,\"end\":7,"
                "\"declarations\":[{\"type\":\"VariableDeclarator\",\"start\":3,\"end\":5,"
                "\"id\":{\"type\":\"Identifier\",\"start\":3,\"end\":3,\"missing\":true,\"name\":\"\"},\"init\":null}],"
                "\"kind\":\"let\"},{\"type\":\"Error\",\"start\":8,\"end\":10,\"children\":[]}],\"sourceType\":\"script\"}");
    fx_fini();
}

Test(estree, array_holes_print_null) {
    const char *src = "[a,,b]";
    fx_init(src, strlen(src));
    PsListNode *arr = NEW(PsListNode, ARRAY_EXPR, 0, 6);
    arr->items = list(3, ident(1, 2), NULL, ident(4, 5));
    program(PS_GOAL_SCRIPT, list(1, stmt(&arr->h, 6)));
    expect_json("{\"type\":\"Program\",\"start\":0,\"end\":6,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":0,\"end\":6,"
                "\"expression\":{\"type\":\"ArrayExpression\",\"start\":0,\"end\":6,\"elements\":["
                "{\"type\":\"Identifier\",\"start\":1,\"end\":2,\"name\":\"a\"},null,"
                "{\"type\":\"Identifier\",\"start\":4,\"end\":5,\"name\":\"b\"}]}}],\"sourceType\":\"script\"}");
    fx_fini();
}

Test(estree, very_deep_trees_do_not_recurse) {
    // a+a+...+a with 300000 operands: a left-deep tree 300000 levels deep.
    enum { N = 300000 };
    char *src = och_malloc(2 * N);
    for (int i = 0; i < N; i++) src[2 * i] = 'a', src[2 * i + 1] = '+';
    fx_init(src, 2 * N - 1);
    och_free(src);
    PsNode *e = ident(0, 1);
    for (uint32_t i = 1; i < N; i++) {
        PsBinary *b = NEW(PsBinary, BINARY_EXPR, 0, 2 * i + 1);
        b->h.op = PS_OP_ADD;
        b->left = e;
        b->right = ident(2 * i, 2 * i + 1);
        e = &b->h;
    }
    program(PS_GOAL_SCRIPT, list(1, stmt(e, 2 * N - 1)));
    OchBuf out = {0};
    ps_estree_write(&fx.parse, &out);
    const char *tail = ",\"operator\":\"+\",\"right\":{\"type\":\"Identifier\",\"start\":599998,\"end\":599999,\"name\":\"a\"}}}],\"sourceType\":\"script\"}";
    cr_assert_eq(strcmp(out.data + out.len - strlen(tail), tail), 0);
    och_buf_free(&out);
    fx_fini();
}

Test(estree, appends_to_existing_buffer_content) {
    const char *src = "a";
    fx_init(src, 1);
    program(PS_GOAL_SCRIPT, list(1, stmt(ident(0, 1), 1)));
    OchBuf out = {0};
    och_buf_puts(&out, "prefix:");
    ps_estree_write(&fx.parse, &out);
    cr_assert_eq(strncmp(out.data, "prefix:{\"type\":\"Program\"", 24), 0);
    cr_assert_eq(out.len, strlen(out.data));
    och_buf_free(&out);
    fx_fini();
}

// --- whole parses -----------------------------------------------------------
// The cases below were produced by running acorn 8.19.0 (with acorn-jsx
// 5.3.2 for JSX) on each source; any difference is a bug in the parser or
// in the writer.

static void expect_parse_json(PsGoal goal, bool jsx, const char *src, const char *want) {
    PsOptions opts;
    ps_options_default(&opts);
    opts.goal = goal;
    opts.jsx = jsx;
    size_t len = strlen(src);
    char *buf = ps_source_dup(src, len);
    PsParse *r = ps_parse(buf, len, &opts);
    cr_assert_not(ps_parse_has_errors(r), "unexpected error: %s",
                  r->diags.v.len ? r->diags.v.items[0].message : "?");
    OchBuf out = {0};
    ps_estree_write(r, &out);
    cr_assert_str_eq(out.data, want);
    och_buf_free(&out);
    ps_parse_free(r);
    och_free(buf);
}

Test(estree, parsed_classes_match_acorn) {
    expect_parse_json(PS_GOAL_SCRIPT, false,
        "class A extends B { static x = 1; #y; static { this.z = 2 } get [k]() { return this.#y } set v(a) {}"
        " static async *m(...r) { yield* r } constructor() { super(); new.target } }",
        "{\"type\":\"Program\",\"start\":0,\"end\":175,\"body\":[{\"type\":\"ClassDeclaration\",\"start\":0,\""
        "end\":175,\"id\":{\"type\":\"Identifier\",\"start\":6,\"end\":7,\"name\":\"A\"},\"superClass\":{\"ty"
        "pe\":\"Identifier\",\"start\":16,\"end\":17,\"name\":\"B\"},\"body\":{\"type\":\"ClassBody\",\"start"
        "\":18,\"end\":175,\"body\":[{\"type\":\"PropertyDefinition\",\"start\":20,\"end\":33,\"static\":true"
        ",\"computed\":false,\"key\":{\"type\":\"Identifier\",\"start\":27,\"end\":28,\"name\":\"x\"},\"value"
        "\":{\"type\":\"Literal\",\"start\":31,\"end\":32,\"value\":1,\"raw\":\"1\"}},{\"type\":\"PropertyDef"
        "inition\",\"start\":34,\"end\":37,\"static\":false,\"computed\":false,\"key\":{\"type\":\"PrivateIde"
        "ntifier\",\"start\":34,\"end\":36,\"name\":\"y\"},\"value\":null},{\"type\":\"StaticBlock\",\"start\""
        ":38,\"end\":59,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":47,\"end\":57,\"expression\":{\""
        "type\":\"AssignmentExpression\",\"start\":47,\"end\":57,\"operator\":\"=\",\"left\":{\"type\":\"Memb"
        "erExpression\",\"start\":47,\"end\":53,\"object\":{\"type\":\"ThisExpression\",\"start\":47,\"end\":"
        "51},\"property\":{\"type\":\"Identifier\",\"start\":52,\"end\":53,\"name\":\"z\"},\"computed\":false"
        ",\"optional\":false},\"right\":{\"type\":\"Literal\",\"start\":56,\"end\":57,\"value\":2,\"raw\":\"2"
        "\"}}}]},{\"type\":\"MethodDefinition\",\"start\":60,\"end\":88,\"static\":false,\"computed\":true,\""
        "key\":{\"type\":\"Identifier\",\"start\":65,\"end\":66,\"name\":\"k\"},\"kind\":\"get\",\"value\":{\""
        "type\":\"FunctionExpression\",\"start\":67,\"end\":88,\"id\":null,\"expression\":false,\"generator\""
        ":false,\"async\":false,\"params\":[],\"body\":{\"type\":\"BlockStatement\",\"start\":70,\"end\":88,\""
        "body\":[{\"type\":\"ReturnStatement\",\"start\":72,\"end\":86,\"argument\":{\"type\":\"MemberExpress"
        "ion\",\"start\":79,\"end\":86,\"object\":{\"type\":\"ThisExpression\",\"start\":79,\"end\":83},\"pro"
        "perty\":{\"type\":\"PrivateIdentifier\",\"start\":84,\"end\":86,\"name\":\"y\"},\"computed\":false,\""
        "optional\":false}}]}}},{\"type\":\"MethodDefinition\",\"start\":89,\"end\":100,\"static\":false,\"co"
        "mputed\":false,\"key\":{\"type\":\"Identifier\",\"start\":93,\"end\":94,\"name\":\"v\"},\"kind\":\"s"
        "et\",\"value\":{\"type\":\"FunctionExpression\",\"start\":94,\"end\":100,\"id\":null,\"expression\":"
        "false,\"generator\":false,\"async\":false,\"params\":[{\"type\":\"Identifier\",\"start\":95,\"end\":"
        "96,\"name\":\"a\"}],\"body\":{\"type\":\"BlockStatement\",\"start\":98,\"end\":100,\"body\":[]}}},{\""
        "type\":\"MethodDefinition\",\"start\":101,\"end\":135,\"static\":true,\"computed\":false,\"key\":{\""
        "type\":\"Identifier\",\"start\":115,\"end\":116,\"name\":\"m\"},\"kind\":\"method\",\"value\":{\"typ"
        "e\":\"FunctionExpression\",\"start\":116,\"end\":135,\"id\":null,\"expression\":false,\"generator\":"
        "true,\"async\":true,\"params\":[{\"type\":\"RestElement\",\"start\":117,\"end\":121,\"argument\":{\""
        "type\":\"Identifier\",\"start\":120,\"end\":121,\"name\":\"r\"}}],\"body\":{\"type\":\"BlockStatemen"
        "t\",\"start\":123,\"end\":135,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":125,\"end\":133,"
        "\"expression\":{\"type\":\"YieldExpression\",\"start\":125,\"end\":133,\"delegate\":true,\"argument\""
        ":{\"type\":\"Identifier\",\"start\":132,\"end\":133,\"name\":\"r\"}}}]}}},{\"type\":\"MethodDefiniti"
        "on\",\"start\":136,\"end\":173,\"static\":false,\"computed\":false,\"key\":{\"type\":\"Identifier\","
        "\"start\":136,\"end\":147,\"name\":\"constructor\"},\"kind\":\"constructor\",\"value\":{\"type\":\"F"
        "unctionExpression\",\"start\":147,\"end\":173,\"id\":null,\"expression\":false,\"generator\":false,\""
        "async\":false,\"params\":[],\"body\":{\"type\":\"BlockStatement\",\"start\":150,\"end\":173,\"body\""
        ":[{\"type\":\"ExpressionStatement\",\"start\":152,\"end\":160,\"expression\":{\"type\":\"CallExpress"
        "ion\",\"start\":152,\"end\":159,\"callee\":{\"type\":\"Super\",\"start\":152,\"end\":157},\"argument"
        "s\":[],\"optional\":false}},{\"type\":\"ExpressionStatement\",\"start\":161,\"end\":171,\"expression"
        "\":{\"type\":\"MetaProperty\",\"start\":161,\"end\":171,\"meta\":{\"type\":\"Identifier\",\"start\":"
        "161,\"end\":164,\"name\":\"new\"},\"property\":{\"type\":\"Identifier\",\"start\":165,\"end\":171,\""
        "name\":\"target\"}}}]}}}]}}],\"sourceType\":\"script\"}");
}

Test(estree, parsed_module_syntax_match_acorn) {
    expect_parse_json(PS_GOAL_MODULE, false,
        "import d, * as ns from \"m\"; import {a as b, \"s\" as c} from \"n\" with {type: \"json\"}; export *"
        " as e from \"x\"; export * from \"y\"; export {b as bb, c}; export default async function () {} expo"
        "rt const q = import(\"z\", {with: {}}), r = import.meta.url;",
        "{\"type\":\"Program\",\"start\":0,\"end\":246,\"body\":[{\"type\":\"ImportDeclaration\",\"start\":0,"
        "\"end\":27,\"specifiers\":[{\"type\":\"ImportDefaultSpecifier\",\"start\":7,\"end\":8,\"local\":{\"t"
        "ype\":\"Identifier\",\"start\":7,\"end\":8,\"name\":\"d\"}},{\"type\":\"ImportNamespaceSpecifier\",\""
        "start\":10,\"end\":17,\"local\":{\"type\":\"Identifier\",\"start\":15,\"end\":17,\"name\":\"ns\"}}],"
        "\"source\":{\"type\":\"Literal\",\"start\":23,\"end\":26,\"value\":\"m\",\"raw\":\"\\\"m\\\"\"},\"at"
        "tributes\":[]},{\"type\":\"ImportDeclaration\",\"start\":28,\"end\":83,\"specifiers\":[{\"type\":\"I"
        "mportSpecifier\",\"start\":36,\"end\":42,\"imported\":{\"type\":\"Identifier\",\"start\":36,\"end\":"
        "37,\"name\":\"a\"},\"local\":{\"type\":\"Identifier\",\"start\":41,\"end\":42,\"name\":\"b\"}},{\"ty"
        "pe\":\"ImportSpecifier\",\"start\":44,\"end\":52,\"imported\":{\"type\":\"Literal\",\"start\":44,\"e"
        "nd\":47,\"value\":\"s\",\"raw\":\"\\\"s\\\"\"},\"local\":{\"type\":\"Identifier\",\"start\":51,\"end"
        "\":52,\"name\":\"c\"}}],\"source\":{\"type\":\"Literal\",\"start\":59,\"end\":62,\"value\":\"n\",\"r"
        "aw\":\"\\\"n\\\"\"},\"attributes\":[{\"type\":\"ImportAttribute\",\"start\":69,\"end\":81,\"key\":{\""
        "type\":\"Identifier\",\"start\":69,\"end\":73,\"name\":\"type\"},\"value\":{\"type\":\"Literal\",\"s"
        "tart\":75,\"end\":81,\"value\":\"json\",\"raw\":\"\\\"json\\\"\"}}]},{\"type\":\"ExportAllDeclaratio"
        "n\",\"start\":84,\"end\":107,\"exported\":{\"type\":\"Identifier\",\"start\":96,\"end\":97,\"name\":"
        "\"e\"},\"source\":{\"type\":\"Literal\",\"start\":103,\"end\":106,\"value\":\"x\",\"raw\":\"\\\"x\\\""
        "\"},\"attributes\":[]},{\"type\":\"ExportAllDeclaration\",\"start\":108,\"end\":126,\"exported\":nul"
        "l,\"source\":{\"type\":\"Literal\",\"start\":122,\"end\":125,\"value\":\"y\",\"raw\":\"\\\"y\\\"\"},"
        "\"attributes\":[]},{\"type\":\"ExportNamedDeclaration\",\"start\":127,\"end\":147,\"declaration\":nu"
        "ll,\"specifiers\":[{\"type\":\"ExportSpecifier\",\"start\":135,\"end\":142,\"local\":{\"type\":\"Ide"
        "ntifier\",\"start\":135,\"end\":136,\"name\":\"b\"},\"exported\":{\"type\":\"Identifier\",\"start\":"
        "140,\"end\":142,\"name\":\"bb\"}},{\"type\":\"ExportSpecifier\",\"start\":144,\"end\":145,\"local\":"
        "{\"type\":\"Identifier\",\"start\":144,\"end\":145,\"name\":\"c\"},\"exported\":{\"type\":\"Identifi"
        "er\",\"start\":144,\"end\":145,\"name\":\"c\"}}],\"source\":null,\"attributes\":[]},{\"type\":\"Expo"
        "rtDefaultDeclaration\",\"start\":148,\"end\":183,\"declaration\":{\"type\":\"FunctionDeclaration\",\""
        "start\":163,\"end\":183,\"id\":null,\"expression\":false,\"generator\":false,\"async\":true,\"params"
        "\":[],\"body\":{\"type\":\"BlockStatement\",\"start\":181,\"end\":183,\"body\":[]}}},{\"type\":\"Exp"
        "ortNamedDeclaration\",\"start\":184,\"end\":246,\"declaration\":{\"type\":\"VariableDeclaration\",\""
        "start\":191,\"end\":246,\"declarations\":[{\"type\":\"VariableDeclarator\",\"start\":197,\"end\":224"
        ",\"id\":{\"type\":\"Identifier\",\"start\":197,\"end\":198,\"name\":\"q\"},\"init\":{\"type\":\"Impo"
        "rtExpression\",\"start\":201,\"end\":224,\"source\":{\"type\":\"Literal\",\"start\":208,\"end\":211,"
        "\"value\":\"z\",\"raw\":\"\\\"z\\\"\"},\"options\":{\"type\":\"ObjectExpression\",\"start\":213,\"en"
        "d\":223,\"properties\":[{\"type\":\"Property\",\"start\":214,\"end\":222,\"method\":false,\"shorthan"
        "d\":false,\"computed\":false,\"key\":{\"type\":\"Identifier\",\"start\":214,\"end\":218,\"name\":\"w"
        "ith\"},\"value\":{\"type\":\"ObjectExpression\",\"start\":220,\"end\":222,\"properties\":[]},\"kind\""
        ":\"init\"}]}}},{\"type\":\"VariableDeclarator\",\"start\":226,\"end\":245,\"id\":{\"type\":\"Identif"
        "ier\",\"start\":226,\"end\":227,\"name\":\"r\"},\"init\":{\"type\":\"MemberExpression\",\"start\":23"
        "0,\"end\":245,\"object\":{\"type\":\"MetaProperty\",\"start\":230,\"end\":241,\"meta\":{\"type\":\"I"
        "dentifier\",\"start\":230,\"end\":236,\"name\":\"import\"},\"property\":{\"type\":\"Identifier\",\"s"
        "tart\":237,\"end\":241,\"name\":\"meta\"}},\"property\":{\"type\":\"Identifier\",\"start\":242,\"end"
        "\":245,\"name\":\"url\"},\"computed\":false,\"optional\":false}}],\"kind\":\"const\"},\"specifiers\""
        ":[],\"source\":null,\"attributes\":[]}],\"sourceType\":\"module\"}");
}

Test(estree, parsed_using_declarations_match_acorn) {
    expect_parse_json(PS_GOAL_MODULE, false,
        "using a = f(); { await using b = g(); } for (using c of d);",
        "{\"type\":\"Program\",\"start\":0,\"end\":59,\"body\":[{\"type\":\"VariableDeclaration\",\"start\":0"
        ",\"end\":14,\"declarations\":[{\"type\":\"VariableDeclarator\",\"start\":6,\"end\":13,\"id\":{\"type"
        "\":\"Identifier\",\"start\":6,\"end\":7,\"name\":\"a\"},\"init\":{\"type\":\"CallExpression\",\"star"
        "t\":10,\"end\":13,\"callee\":{\"type\":\"Identifier\",\"start\":10,\"end\":11,\"name\":\"f\"},\"argu"
        "ments\":[],\"optional\":false}}],\"kind\":\"using\"},{\"type\":\"BlockStatement\",\"start\":15,\"end"
        "\":39,\"body\":[{\"type\":\"VariableDeclaration\",\"start\":17,\"end\":37,\"declarations\":[{\"type\""
        ":\"VariableDeclarator\",\"start\":29,\"end\":36,\"id\":{\"type\":\"Identifier\",\"start\":29,\"end\""
        ":30,\"name\":\"b\"},\"init\":{\"type\":\"CallExpression\",\"start\":33,\"end\":36,\"callee\":{\"type"
        "\":\"Identifier\",\"start\":33,\"end\":34,\"name\":\"g\"},\"arguments\":[],\"optional\":false}}],\"k"
        "ind\":\"await using\"}]},{\"type\":\"ForOfStatement\",\"start\":40,\"end\":59,\"await\":false,\"left"
        "\":{\"type\":\"VariableDeclaration\",\"start\":45,\"end\":52,\"declarations\":[{\"type\":\"VariableD"
        "eclarator\",\"start\":51,\"end\":52,\"id\":{\"type\":\"Identifier\",\"start\":51,\"end\":52,\"name\""
        ":\"c\"},\"init\":null}],\"kind\":\"using\"},\"right\":{\"type\":\"Identifier\",\"start\":56,\"end\":"
        "57,\"name\":\"d\"},\"body\":{\"type\":\"EmptyStatement\",\"start\":58,\"end\":59}}],\"sourceType\":\""
        "module\"}");
}

Test(estree, parsed_statements_match_acorn) {
    expect_parse_json(PS_GOAL_SCRIPT, false,
        "\"use strict\"; 'x'; (\"not a directive\"); out: for (var i = 0, j; i < 2; i++) { if (i) continue ou"
        "t; else break out; } switch (x) { case 1: default: y() } try { throw e } catch ({message}) {} finall"
        "y {} do ; while (0) for (k in o); with_ = 1; debugger;",
        "{\"type\":\"Program\",\"start\":0,\"end\":250,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":"
        "0,\"end\":13,\"expression\":{\"type\":\"Literal\",\"start\":0,\"end\":12,\"value\":\"use strict\",\""
        "raw\":\"\\\"use strict\\\"\"},\"directive\":\"use strict\"},{\"type\":\"ExpressionStatement\",\"star"
        "t\":14,\"end\":18,\"expression\":{\"type\":\"Literal\",\"start\":14,\"end\":17,\"value\":\"x\",\"raw"
        "\":\"'x'\"},\"directive\":\"x\"},{\"type\":\"ExpressionStatement\",\"start\":19,\"end\":39,\"express"
        "ion\":{\"type\":\"Literal\",\"start\":20,\"end\":37,\"value\":\"not a directive\",\"raw\":\"\\\"not "
        "a directive\\\"\"}},{\"type\":\"LabeledStatement\",\"start\":40,\"end\":116,\"body\":{\"type\":\"For"
        "Statement\",\"start\":45,\"end\":116,\"init\":{\"type\":\"VariableDeclaration\",\"start\":50,\"end\""
        ":62,\"declarations\":[{\"type\":\"VariableDeclarator\",\"start\":54,\"end\":59,\"id\":{\"type\":\"Id"
        "entifier\",\"start\":54,\"end\":55,\"name\":\"i\"},\"init\":{\"type\":\"Literal\",\"start\":58,\"end"
        "\":59,\"value\":0,\"raw\":\"0\"}},{\"type\":\"VariableDeclarator\",\"start\":61,\"end\":62,\"id\":{\""
        "type\":\"Identifier\",\"start\":61,\"end\":62,\"name\":\"j\"},\"init\":null}],\"kind\":\"var\"},\"te"
        "st\":{\"type\":\"BinaryExpression\",\"start\":64,\"end\":69,\"left\":{\"type\":\"Identifier\",\"star"
        "t\":64,\"end\":65,\"name\":\"i\"},\"operator\":\"<\",\"right\":{\"type\":\"Literal\",\"start\":68,\""
        "end\":69,\"value\":2,\"raw\":\"2\"}},\"update\":{\"type\":\"UpdateExpression\",\"start\":71,\"end\":"
        "74,\"operator\":\"++\",\"prefix\":false,\"argument\":{\"type\":\"Identifier\",\"start\":71,\"end\":7"
        "2,\"name\":\"i\"}},\"body\":{\"type\":\"BlockStatement\",\"start\":76,\"end\":116,\"body\":[{\"type\""
        ":\"IfStatement\",\"start\":78,\"end\":114,\"test\":{\"type\":\"Identifier\",\"start\":82,\"end\":83,"
        "\"name\":\"i\"},\"consequent\":{\"type\":\"ContinueStatement\",\"start\":85,\"end\":98,\"label\":{\""
        "type\":\"Identifier\",\"start\":94,\"end\":97,\"name\":\"out\"}},\"alternate\":{\"type\":\"BreakStat"
        "ement\",\"start\":104,\"end\":114,\"label\":{\"type\":\"Identifier\",\"start\":110,\"end\":113,\"nam"
        "e\":\"out\"}}}]}},\"label\":{\"type\":\"Identifier\",\"start\":40,\"end\":43,\"name\":\"out\"}},{\"t"
        "ype\":\"SwitchStatement\",\"start\":117,\"end\":152,\"discriminant\":{\"type\":\"Identifier\",\"star"
        "t\":125,\"end\":126,\"name\":\"x\"},\"cases\":[{\"type\":\"SwitchCase\",\"start\":130,\"end\":137,\""
        "consequent\":[],\"test\":{\"type\":\"Literal\",\"start\":135,\"end\":136,\"value\":1,\"raw\":\"1\"}}"
        ",{\"type\":\"SwitchCase\",\"start\":138,\"end\":150,\"consequent\":[{\"type\":\"ExpressionStatement\""
        ",\"start\":147,\"end\":150,\"expression\":{\"type\":\"CallExpression\",\"start\":147,\"end\":150,\"c"
        "allee\":{\"type\":\"Identifier\",\"start\":147,\"end\":148,\"name\":\"y\"},\"arguments\":[],\"option"
        "al\":false}}],\"test\":null}]},{\"type\":\"TryStatement\",\"start\":153,\"end\":200,\"block\":{\"typ"
        "e\":\"BlockStatement\",\"start\":157,\"end\":168,\"body\":[{\"type\":\"ThrowStatement\",\"start\":15"
        "9,\"end\":166,\"argument\":{\"type\":\"Identifier\",\"start\":165,\"end\":166,\"name\":\"e\"}}]},\"h"
        "andler\":{\"type\":\"CatchClause\",\"start\":169,\"end\":189,\"param\":{\"type\":\"ObjectPattern\",\""
        "start\":176,\"end\":185,\"properties\":[{\"type\":\"Property\",\"start\":177,\"end\":184,\"method\":"
        "false,\"shorthand\":true,\"computed\":false,\"key\":{\"type\":\"Identifier\",\"start\":177,\"end\":1"
        "84,\"name\":\"message\"},\"value\":{\"type\":\"Identifier\",\"start\":177,\"end\":184,\"name\":\"mes"
        "sage\"},\"kind\":\"init\"}]},\"body\":{\"type\":\"BlockStatement\",\"start\":187,\"end\":189,\"body\""
        ":[]}},\"finalizer\":{\"type\":\"BlockStatement\",\"start\":198,\"end\":200,\"body\":[]}},{\"type\":\""
        "DoWhileStatement\",\"start\":201,\"end\":215,\"body\":{\"type\":\"EmptyStatement\",\"start\":204,\"e"
        "nd\":205},\"test\":{\"type\":\"Literal\",\"start\":213,\"end\":214,\"value\":0,\"raw\":\"0\"}},{\"ty"
        "pe\":\"ForInStatement\",\"start\":216,\"end\":229,\"left\":{\"type\":\"Identifier\",\"start\":221,\""
        "end\":222,\"name\":\"k\"},\"right\":{\"type\":\"Identifier\",\"start\":226,\"end\":227,\"name\":\"o\""
        "},\"body\":{\"type\":\"EmptyStatement\",\"start\":228,\"end\":229}},{\"type\":\"ExpressionStatement\""
        ",\"start\":230,\"end\":240,\"expression\":{\"type\":\"AssignmentExpression\",\"start\":230,\"end\":2"
        "39,\"operator\":\"=\",\"left\":{\"type\":\"Identifier\",\"start\":230,\"end\":235,\"name\":\"with_\""
        "},\"right\":{\"type\":\"Literal\",\"start\":238,\"end\":239,\"value\":1,\"raw\":\"1\"}}},{\"type\":\""
        "DebuggerStatement\",\"start\":241,\"end\":250}],\"sourceType\":\"script\"}");
}

Test(estree, parsed_expressions_match_acorn) {
    expect_parse_json(PS_GOAL_SCRIPT, false,
        "a?.b?.(c)[d]; (a?.b).c; x ||= y \?? z; v = (-a) ** 2, typeof b, void 0, delete c.d, --e, f++; w = c "
        "? d : e; async function f() { for await (const x of y) await x; } tag`a${b}c\\u{41}`; [a, , ...b] = "
        "[{c = 1, d: [e] = [], ...f}] = g;",
        "{\"type\":\"Program\",\"start\":0,\"end\":231,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":"
        "0,\"end\":13,\"expression\":{\"type\":\"ChainExpression\",\"start\":0,\"end\":12,\"expression\":{\"t"
        "ype\":\"MemberExpression\",\"start\":0,\"end\":12,\"object\":{\"type\":\"CallExpression\",\"start\":"
        "0,\"end\":9,\"callee\":{\"type\":\"MemberExpression\",\"start\":0,\"end\":4,\"object\":{\"type\":\"I"
        "dentifier\",\"start\":0,\"end\":1,\"name\":\"a\"},\"property\":{\"type\":\"Identifier\",\"start\":3,"
        "\"end\":4,\"name\":\"b\"},\"computed\":false,\"optional\":true},\"arguments\":[{\"type\":\"Identifie"
        "r\",\"start\":7,\"end\":8,\"name\":\"c\"}],\"optional\":true},\"property\":{\"type\":\"Identifier\","
        "\"start\":10,\"end\":11,\"name\":\"d\"},\"computed\":true,\"optional\":false}}},{\"type\":\"Expressi"
        "onStatement\",\"start\":14,\"end\":23,\"expression\":{\"type\":\"MemberExpression\",\"start\":14,\"e"
        "nd\":22,\"object\":{\"type\":\"ChainExpression\",\"start\":15,\"end\":19,\"expression\":{\"type\":\""
        "MemberExpression\",\"start\":15,\"end\":19,\"object\":{\"type\":\"Identifier\",\"start\":15,\"end\":"
        "16,\"name\":\"a\"},\"property\":{\"type\":\"Identifier\",\"start\":18,\"end\":19,\"name\":\"b\"},\"c"
        "omputed\":false,\"optional\":true}},\"property\":{\"type\":\"Identifier\",\"start\":21,\"end\":22,\""
        "name\":\"c\"},\"computed\":false,\"optional\":false}},{\"type\":\"ExpressionStatement\",\"start\":24"
        ",\"end\":37,\"expression\":{\"type\":\"AssignmentExpression\",\"start\":24,\"end\":36,\"operator\":\""
        "||=\",\"left\":{\"type\":\"Identifier\",\"start\":24,\"end\":25,\"name\":\"x\"},\"right\":{\"type\":"
        "\"LogicalExpression\",\"start\":30,\"end\":36,\"left\":{\"type\":\"Identifier\",\"start\":30,\"end\""
        ":31,\"name\":\"y\"},\"operator\":\"\??\",\"right\":{\"type\":\"Identifier\",\"start\":35,\"end\":36,"
        "\"name\":\"z\"}}}},{\"type\":\"ExpressionStatement\",\"start\":38,\"end\":92,\"expression\":{\"type\""
        ":\"SequenceExpression\",\"start\":38,\"end\":91,\"expressions\":[{\"type\":\"AssignmentExpression\","
        "\"start\":38,\"end\":51,\"operator\":\"=\",\"left\":{\"type\":\"Identifier\",\"start\":38,\"end\":39"
        ",\"name\":\"v\"},\"right\":{\"type\":\"BinaryExpression\",\"start\":42,\"end\":51,\"left\":{\"type\""
        ":\"UnaryExpression\",\"start\":43,\"end\":45,\"operator\":\"-\",\"prefix\":true,\"argument\":{\"type"
        "\":\"Identifier\",\"start\":44,\"end\":45,\"name\":\"a\"}},\"operator\":\"**\",\"right\":{\"type\":\""
        "Literal\",\"start\":50,\"end\":51,\"value\":2,\"raw\":\"2\"}}},{\"type\":\"UnaryExpression\",\"start"
        "\":53,\"end\":61,\"operator\":\"typeof\",\"prefix\":true,\"argument\":{\"type\":\"Identifier\",\"sta"
        "rt\":60,\"end\":61,\"name\":\"b\"}},{\"type\":\"UnaryExpression\",\"start\":63,\"end\":69,\"operator"
        "\":\"void\",\"prefix\":true,\"argument\":{\"type\":\"Literal\",\"start\":68,\"end\":69,\"value\":0,\""
        "raw\":\"0\"}},{\"type\":\"UnaryExpression\",\"start\":71,\"end\":81,\"operator\":\"delete\",\"prefix"
        "\":true,\"argument\":{\"type\":\"MemberExpression\",\"start\":78,\"end\":81,\"object\":{\"type\":\"I"
        "dentifier\",\"start\":78,\"end\":79,\"name\":\"c\"},\"property\":{\"type\":\"Identifier\",\"start\":"
        "80,\"end\":81,\"name\":\"d\"},\"computed\":false,\"optional\":false}},{\"type\":\"UpdateExpression\""
        ",\"start\":83,\"end\":86,\"operator\":\"--\",\"prefix\":true,\"argument\":{\"type\":\"Identifier\",\""
        "start\":85,\"end\":86,\"name\":\"e\"}},{\"type\":\"UpdateExpression\",\"start\":88,\"end\":91,\"oper"
        "ator\":\"++\",\"prefix\":false,\"argument\":{\"type\":\"Identifier\",\"start\":88,\"end\":89,\"name\""
        ":\"f\"}}]}},{\"type\":\"ExpressionStatement\",\"start\":93,\"end\":107,\"expression\":{\"type\":\"As"
        "signmentExpression\",\"start\":93,\"end\":106,\"operator\":\"=\",\"left\":{\"type\":\"Identifier\",\""
        "start\":93,\"end\":94,\"name\":\"w\"},\"right\":{\"type\":\"ConditionalExpression\",\"start\":97,\"e"
        "nd\":106,\"test\":{\"type\":\"Identifier\",\"start\":97,\"end\":98,\"name\":\"c\"},\"consequent\":{\""
        "type\":\"Identifier\",\"start\":101,\"end\":102,\"name\":\"d\"},\"alternate\":{\"type\":\"Identifier"
        "\",\"start\":105,\"end\":106,\"name\":\"e\"}}}},{\"type\":\"FunctionDeclaration\",\"start\":108,\"en"
        "d\":164,\"id\":{\"type\":\"Identifier\",\"start\":123,\"end\":124,\"name\":\"f\"},\"expression\":fal"
        "se,\"generator\":false,\"async\":true,\"params\":[],\"body\":{\"type\":\"BlockStatement\",\"start\":"
        "127,\"end\":164,\"body\":[{\"type\":\"ForOfStatement\",\"start\":129,\"end\":162,\"await\":true,\"le"
        "ft\":{\"type\":\"VariableDeclaration\",\"start\":140,\"end\":147,\"declarations\":[{\"type\":\"Varia"
        "bleDeclarator\",\"start\":146,\"end\":147,\"id\":{\"type\":\"Identifier\",\"start\":146,\"end\":147,"
        "\"name\":\"x\"},\"init\":null}],\"kind\":\"const\"},\"right\":{\"type\":\"Identifier\",\"start\":151"
        ",\"end\":152,\"name\":\"y\"},\"body\":{\"type\":\"ExpressionStatement\",\"start\":154,\"end\":162,\""
        "expression\":{\"type\":\"AwaitExpression\",\"start\":154,\"end\":161,\"argument\":{\"type\":\"Identi"
        "fier\",\"start\":160,\"end\":161,\"name\":\"x\"}}}}]}},{\"type\":\"ExpressionStatement\",\"start\":1"
        "65,\"end\":183,\"expression\":{\"type\":\"TaggedTemplateExpression\",\"start\":165,\"end\":182,\"tag"
        "\":{\"type\":\"Identifier\",\"start\":165,\"end\":168,\"name\":\"tag\"},\"quasi\":{\"type\":\"Templa"
        "teLiteral\",\"start\":168,\"end\":182,\"expressions\":[{\"type\":\"Identifier\",\"start\":172,\"end\""
        ":173,\"name\":\"b\"}],\"quasis\":[{\"type\":\"TemplateElement\",\"start\":169,\"end\":170,\"value\":"
        "{\"raw\":\"a\",\"cooked\":\"a\"},\"tail\":false},{\"type\":\"TemplateElement\",\"start\":174,\"end\""
        ":181,\"value\":{\"raw\":\"c\\\\u{41}\",\"cooked\":\"cA\"},\"tail\":true}]}}},{\"type\":\"ExpressionS"
        "tatement\",\"start\":184,\"end\":231,\"expression\":{\"type\":\"AssignmentExpression\",\"start\":184"
        ",\"end\":230,\"operator\":\"=\",\"left\":{\"type\":\"ArrayPattern\",\"start\":184,\"end\":195,\"elem"
        "ents\":[{\"type\":\"Identifier\",\"start\":185,\"end\":186,\"name\":\"a\"},null,{\"type\":\"RestElem"
        "ent\",\"start\":190,\"end\":194,\"argument\":{\"type\":\"Identifier\",\"start\":193,\"end\":194,\"na"
        "me\":\"b\"}}]},\"right\":{\"type\":\"AssignmentExpression\",\"start\":198,\"end\":230,\"operator\":\""
        "=\",\"left\":{\"type\":\"ArrayPattern\",\"start\":198,\"end\":226,\"elements\":[{\"type\":\"ObjectPa"
        "ttern\",\"start\":199,\"end\":225,\"properties\":[{\"type\":\"Property\",\"start\":200,\"end\":205,\""
        "method\":false,\"shorthand\":true,\"computed\":false,\"key\":{\"type\":\"Identifier\",\"start\":200,"
        "\"end\":201,\"name\":\"c\"},\"value\":{\"type\":\"AssignmentPattern\",\"start\":200,\"end\":205,\"le"
        "ft\":{\"type\":\"Identifier\",\"start\":200,\"end\":201,\"name\":\"c\"},\"right\":{\"type\":\"Litera"
        "l\",\"start\":204,\"end\":205,\"value\":1,\"raw\":\"1\"}},\"kind\":\"init\"},{\"type\":\"Property\","
        "\"start\":207,\"end\":218,\"method\":false,\"shorthand\":false,\"computed\":false,\"key\":{\"type\":"
        "\"Identifier\",\"start\":207,\"end\":208,\"name\":\"d\"},\"value\":{\"type\":\"AssignmentPattern\",\""
        "start\":210,\"end\":218,\"left\":{\"type\":\"ArrayPattern\",\"start\":210,\"end\":213,\"elements\":["
        "{\"type\":\"Identifier\",\"start\":211,\"end\":212,\"name\":\"e\"}]},\"right\":{\"type\":\"ArrayExpr"
        "ession\",\"start\":216,\"end\":218,\"elements\":[]}},\"kind\":\"init\"},{\"type\":\"RestElement\",\""
        "start\":220,\"end\":224,\"argument\":{\"type\":\"Identifier\",\"start\":223,\"end\":224,\"name\":\"f"
        "\"}}]}]},\"right\":{\"type\":\"Identifier\",\"start\":229,\"end\":230,\"name\":\"g\"}}}}],\"sourceTy"
        "pe\":\"script\"}");
}

Test(estree, parsed_functions_match_acorn) {
    expect_parse_json(PS_GOAL_SCRIPT, false,
        "function* g(a = 1, {b}, [c], ...d) { \"use asm\"; yield; } const h = async (x) => x, k = () => { ret"
        "urn }, m = function n() {}; o = {p() {}, async *q() {}, get r() { return 1 }, set r(v) {}, [s]: t, u"
        ", \"w\": 1, 2: 3, __proto__: null};",
        "{\"type\":\"Program\",\"start\":0,\"end\":231,\"body\":[{\"type\":\"FunctionDeclaration\",\"start\":"
        "0,\"end\":56,\"id\":{\"type\":\"Identifier\",\"start\":10,\"end\":11,\"name\":\"g\"},\"expression\":"
        "false,\"generator\":true,\"async\":false,\"params\":[{\"type\":\"AssignmentPattern\",\"start\":12,\""
        "end\":17,\"left\":{\"type\":\"Identifier\",\"start\":12,\"end\":13,\"name\":\"a\"},\"right\":{\"type"
        "\":\"Literal\",\"start\":16,\"end\":17,\"value\":1,\"raw\":\"1\"}},{\"type\":\"ObjectPattern\",\"sta"
        "rt\":19,\"end\":22,\"properties\":[{\"type\":\"Property\",\"start\":20,\"end\":21,\"method\":false,\""
        "shorthand\":true,\"computed\":false,\"key\":{\"type\":\"Identifier\",\"start\":20,\"end\":21,\"name\""
        ":\"b\"},\"value\":{\"type\":\"Identifier\",\"start\":20,\"end\":21,\"name\":\"b\"},\"kind\":\"init\""
        "}]},{\"type\":\"ArrayPattern\",\"start\":24,\"end\":27,\"elements\":[{\"type\":\"Identifier\",\"star"
        "t\":25,\"end\":26,\"name\":\"c\"}]},{\"type\":\"RestElement\",\"start\":29,\"end\":33,\"argument\":{"
        "\"type\":\"Identifier\",\"start\":32,\"end\":33,\"name\":\"d\"}}],\"body\":{\"type\":\"BlockStatemen"
        "t\",\"start\":35,\"end\":56,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":37,\"end\":47,\"ex"
        "pression\":{\"type\":\"Literal\",\"start\":37,\"end\":46,\"value\":\"use asm\",\"raw\":\"\\\"use asm"
        "\\\"\"},\"directive\":\"use asm\"},{\"type\":\"ExpressionStatement\",\"start\":48,\"end\":54,\"expre"
        "ssion\":{\"type\":\"YieldExpression\",\"start\":48,\"end\":53,\"delegate\":false,\"argument\":null}}"
        "]}},{\"type\":\"VariableDeclaration\",\"start\":57,\"end\":125,\"declarations\":[{\"type\":\"Variabl"
        "eDeclarator\",\"start\":63,\"end\":81,\"id\":{\"type\":\"Identifier\",\"start\":63,\"end\":64,\"name"
        "\":\"h\"},\"init\":{\"type\":\"ArrowFunctionExpression\",\"start\":67,\"end\":81,\"id\":null,\"expre"
        "ssion\":true,\"generator\":false,\"async\":true,\"params\":[{\"type\":\"Identifier\",\"start\":74,\""
        "end\":75,\"name\":\"x\"}],\"body\":{\"type\":\"Identifier\",\"start\":80,\"end\":81,\"name\":\"x\"}}"
        "},{\"type\":\"VariableDeclarator\",\"start\":83,\"end\":103,\"id\":{\"type\":\"Identifier\",\"start\""
        ":83,\"end\":84,\"name\":\"k\"},\"init\":{\"type\":\"ArrowFunctionExpression\",\"start\":87,\"end\":1"
        "03,\"id\":null,\"expression\":false,\"generator\":false,\"async\":false,\"params\":[],\"body\":{\"ty"
        "pe\":\"BlockStatement\",\"start\":93,\"end\":103,\"body\":[{\"type\":\"ReturnStatement\",\"start\":9"
        "5,\"end\":101,\"argument\":null}]}}},{\"type\":\"VariableDeclarator\",\"start\":105,\"end\":124,\"id"
        "\":{\"type\":\"Identifier\",\"start\":105,\"end\":106,\"name\":\"m\"},\"init\":{\"type\":\"FunctionE"
        "xpression\",\"start\":109,\"end\":124,\"id\":{\"type\":\"Identifier\",\"start\":118,\"end\":119,\"na"
        "me\":\"n\"},\"expression\":false,\"generator\":false,\"async\":false,\"params\":[],\"body\":{\"type\""
        ":\"BlockStatement\",\"start\":122,\"end\":124,\"body\":[]}}}],\"kind\":\"const\"},{\"type\":\"Expres"
        "sionStatement\",\"start\":126,\"end\":231,\"expression\":{\"type\":\"AssignmentExpression\",\"start\""
        ":126,\"end\":230,\"operator\":\"=\",\"left\":{\"type\":\"Identifier\",\"start\":126,\"end\":127,\"na"
        "me\":\"o\"},\"right\":{\"type\":\"ObjectExpression\",\"start\":130,\"end\":230,\"properties\":[{\"ty"
        "pe\":\"Property\",\"start\":131,\"end\":137,\"method\":true,\"shorthand\":false,\"computed\":false,\""
        "key\":{\"type\":\"Identifier\",\"start\":131,\"end\":132,\"name\":\"p\"},\"value\":{\"type\":\"Funct"
        "ionExpression\",\"start\":132,\"end\":137,\"id\":null,\"expression\":false,\"generator\":false,\"asy"
        "nc\":false,\"params\":[],\"body\":{\"type\":\"BlockStatement\",\"start\":135,\"end\":137,\"body\":[]"
        "}},\"kind\":\"init\"},{\"type\":\"Property\",\"start\":139,\"end\":152,\"method\":true,\"shorthand\""
        ":false,\"computed\":false,\"key\":{\"type\":\"Identifier\",\"start\":146,\"end\":147,\"name\":\"q\"}"
        ",\"value\":{\"type\":\"FunctionExpression\",\"start\":147,\"end\":152,\"id\":null,\"expression\":fal"
        "se,\"generator\":true,\"async\":true,\"params\":[],\"body\":{\"type\":\"BlockStatement\",\"start\":1"
        "50,\"end\":152,\"body\":[]}},\"kind\":\"init\"},{\"type\":\"Property\",\"start\":154,\"end\":174,\"m"
        "ethod\":false,\"shorthand\":false,\"computed\":false,\"key\":{\"type\":\"Identifier\",\"start\":158,"
        "\"end\":159,\"name\":\"r\"},\"value\":{\"type\":\"FunctionExpression\",\"start\":159,\"end\":174,\"i"
        "d\":null,\"expression\":false,\"generator\":false,\"async\":false,\"params\":[],\"body\":{\"type\":\""
        "BlockStatement\",\"start\":162,\"end\":174,\"body\":[{\"type\":\"ReturnStatement\",\"start\":164,\"e"
        "nd\":172,\"argument\":{\"type\":\"Literal\",\"start\":171,\"end\":172,\"value\":1,\"raw\":\"1\"}}]}}"
        ",\"kind\":\"get\"},{\"type\":\"Property\",\"start\":176,\"end\":187,\"method\":false,\"shorthand\":f"
        "alse,\"computed\":false,\"key\":{\"type\":\"Identifier\",\"start\":180,\"end\":181,\"name\":\"r\"},\""
        "value\":{\"type\":\"FunctionExpression\",\"start\":181,\"end\":187,\"id\":null,\"expression\":false,"
        "\"generator\":false,\"async\":false,\"params\":[{\"type\":\"Identifier\",\"start\":182,\"end\":183,\""
        "name\":\"v\"}],\"body\":{\"type\":\"BlockStatement\",\"start\":185,\"end\":187,\"body\":[]}},\"kind\""
        ":\"set\"},{\"type\":\"Property\",\"start\":189,\"end\":195,\"method\":false,\"shorthand\":false,\"co"
        "mputed\":true,\"key\":{\"type\":\"Identifier\",\"start\":190,\"end\":191,\"name\":\"s\"},\"value\":{"
        "\"type\":\"Identifier\",\"start\":194,\"end\":195,\"name\":\"t\"},\"kind\":\"init\"},{\"type\":\"Pro"
        "perty\",\"start\":197,\"end\":198,\"method\":false,\"shorthand\":true,\"computed\":false,\"key\":{\""
        "type\":\"Identifier\",\"start\":197,\"end\":198,\"name\":\"u\"},\"value\":{\"type\":\"Identifier\",\""
        "start\":197,\"end\":198,\"name\":\"u\"},\"kind\":\"init\"},{\"type\":\"Property\",\"start\":200,\"en"
        "d\":206,\"method\":false,\"shorthand\":false,\"computed\":false,\"key\":{\"type\":\"Literal\",\"star"
        "t\":200,\"end\":203,\"value\":\"w\",\"raw\":\"\\\"w\\\"\"},\"value\":{\"type\":\"Literal\",\"start\""
        ":205,\"end\":206,\"value\":1,\"raw\":\"1\"},\"kind\":\"init\"},{\"type\":\"Property\",\"start\":208,"
        "\"end\":212,\"method\":false,\"shorthand\":false,\"computed\":false,\"key\":{\"type\":\"Literal\",\""
        "start\":208,\"end\":209,\"value\":2,\"raw\":\"2\"},\"value\":{\"type\":\"Literal\",\"start\":211,\"e"
        "nd\":212,\"value\":3,\"raw\":\"3\"},\"kind\":\"init\"},{\"type\":\"Property\",\"start\":214,\"end\":"
        "229,\"method\":false,\"shorthand\":false,\"computed\":false,\"key\":{\"type\":\"Identifier\",\"start"
        "\":214,\"end\":223,\"name\":\"__proto__\"},\"value\":{\"type\":\"Literal\",\"start\":225,\"end\":229"
        ",\"value\":null,\"raw\":\"null\"},\"kind\":\"init\"}]}}}],\"sourceType\":\"script\"}");
}

Test(estree, parsed_literals_match_acorn) {
    expect_parse_json(PS_GOAL_SCRIPT, false,
        "x = [null, true, false, 0, 1.5, .5e-10, 0x1F, 0o17, 0b101, 1_000_000, 08, 1e400, 1234567890123456789"
        "0n, 0xFFn, \"s\\x41\\u{1F600}\\0\", 'q', /[/]\\//dgimsuy, `\\r\\n${1}`];",
        "{\"type\":\"Program\",\"start\":0,\"end\":164,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":"
        "0,\"end\":164,\"expression\":{\"type\":\"AssignmentExpression\",\"start\":0,\"end\":163,\"operator\""
        ":\"=\",\"left\":{\"type\":\"Identifier\",\"start\":0,\"end\":1,\"name\":\"x\"},\"right\":{\"type\":\""
        "ArrayExpression\",\"start\":4,\"end\":163,\"elements\":[{\"type\":\"Literal\",\"start\":5,\"end\":9,"
        "\"value\":null,\"raw\":\"null\"},{\"type\":\"Literal\",\"start\":11,\"end\":15,\"value\":true,\"raw\""
        ":\"true\"},{\"type\":\"Literal\",\"start\":17,\"end\":22,\"value\":false,\"raw\":\"false\"},{\"type\""
        ":\"Literal\",\"start\":24,\"end\":25,\"value\":0,\"raw\":\"0\"},{\"type\":\"Literal\",\"start\":27,\""
        "end\":30,\"value\":1.5,\"raw\":\"1.5\"},{\"type\":\"Literal\",\"start\":32,\"end\":38,\"value\":5e-1"
        "1,\"raw\":\".5e-10\"},{\"type\":\"Literal\",\"start\":40,\"end\":44,\"value\":31,\"raw\":\"0x1F\"},{"
        "\"type\":\"Literal\",\"start\":46,\"end\":50,\"value\":15,\"raw\":\"0o17\"},{\"type\":\"Literal\",\""
        "start\":52,\"end\":57,\"value\":5,\"raw\":\"0b101\"},{\"type\":\"Literal\",\"start\":59,\"end\":68,\""
        "value\":1000000,\"raw\":\"1_000_000\"},{\"type\":\"Literal\",\"start\":70,\"end\":72,\"value\":8,\"r"
        "aw\":\"08\"},{\"type\":\"Literal\",\"start\":74,\"end\":79,\"value\":null,\"raw\":\"1e400\"},{\"type"
        "\":\"Literal\",\"start\":81,\"end\":102,\"value\":null,\"raw\":\"12345678901234567890n\",\"bigint\":"
        "\"12345678901234567890\"},{\"type\":\"Literal\",\"start\":104,\"end\":109,\"value\":null,\"raw\":\"0"
        "xFFn\",\"bigint\":\"255\"},{\"type\":\"Literal\",\"start\":111,\"end\":129,\"value\":\"sA😀\\u0000\""
        ",\"raw\":\"\\\"s\\\\x41\\\\u{1F600}\\\\0\\\"\"},{\"type\":\"Literal\",\"start\":131,\"end\":134,\"va"
        "lue\":\"q\",\"raw\":\"'q'\"},{\"type\":\"Literal\",\"start\":136,\"end\":150,\"value\":null,\"raw\":"
        "\"/[/]\\\\//dgimsuy\",\"regex\":{\"pattern\":\"[/]\\\\/\",\"flags\":\"dgimsuy\"}},{\"type\":\"Templa"
        "teLiteral\",\"start\":152,\"end\":162,\"expressions\":[{\"type\":\"Literal\",\"start\":159,\"end\":1"
        "60,\"value\":1,\"raw\":\"1\"}],\"quasis\":[{\"type\":\"TemplateElement\",\"start\":153,\"end\":157,\""
        "value\":{\"raw\":\"\\\\r\\\\n\",\"cooked\":\"\\r\\n\"},\"tail\":false},{\"type\":\"TemplateElement\""
        ",\"start\":161,\"end\":161,\"value\":{\"raw\":\"\",\"cooked\":\"\"},\"tail\":true}]}]}}}],\"sourceTy"
        "pe\":\"script\"}");
}

Test(estree, parsed_offsets_after_astral_and_cjk_match_acorn) {
    expect_parse_json(PS_GOAL_SCRIPT, false,
        "let s = \"😀😀\"; // 中文 comment\n/* é */ t = `中${s}😀` + s;\n𝒳 = 1;",
        "{\"type\":\"Program\",\"start\":0,\"end\":64,\"body\":[{\"type\":\"VariableDeclaration\",\"start\":0"
        ",\"end\":15,\"declarations\":[{\"type\":\"VariableDeclarator\",\"start\":4,\"end\":14,\"id\":{\"type"
        "\":\"Identifier\",\"start\":4,\"end\":5,\"name\":\"s\"},\"init\":{\"type\":\"Literal\",\"start\":8,\""
        "end\":14,\"value\":\"😀😀\",\"raw\":\"\\\"😀😀\\\"\"}}],\"kind\":\"let\"},{\"type\":\"ExpressionStat"
        "ement\",\"start\":38,\"end\":56,\"expression\":{\"type\":\"AssignmentExpression\",\"start\":38,\"end"
        "\":55,\"operator\":\"=\",\"left\":{\"type\":\"Identifier\",\"start\":38,\"end\":39,\"name\":\"t\"},\""
        "right\":{\"type\":\"BinaryExpression\",\"start\":42,\"end\":55,\"left\":{\"type\":\"TemplateLiteral\""
        ",\"start\":42,\"end\":51,\"expressions\":[{\"type\":\"Identifier\",\"start\":46,\"end\":47,\"name\":"
        "\"s\"}],\"quasis\":[{\"type\":\"TemplateElement\",\"start\":43,\"end\":44,\"value\":{\"raw\":\"中\",\""
        "cooked\":\"中\"},\"tail\":false},{\"type\":\"TemplateElement\",\"start\":48,\"end\":50,\"value\":{\"r"
        "aw\":\"😀\",\"cooked\":\"😀\"},\"tail\":true}]},\"operator\":\"+\",\"right\":{\"type\":\"Identifier\""
        ",\"start\":54,\"end\":55,\"name\":\"s\"}}}},{\"type\":\"ExpressionStatement\",\"start\":57,\"end\":6"
        "4,\"expression\":{\"type\":\"AssignmentExpression\",\"start\":57,\"end\":63,\"operator\":\"=\",\"lef"
        "t\":{\"type\":\"Identifier\",\"start\":57,\"end\":59,\"name\":\"𝒳\"},\"right\":{\"type\":\"Literal\""
        ",\"start\":62,\"end\":63,\"value\":1,\"raw\":\"1\"}}}],\"sourceType\":\"script\"}");
}

Test(estree, parsed_jsx_match_acorn) {
    expect_parse_json(PS_GOAL_SCRIPT, true,
        "x = <A.B.C d=\"e &amp; f\" g={h} {...i} j:k=\"l\" m><n:o/>text {p} {/* empty */}<>frag</><q r=<s/> /"
        "></A.B.C>;",
        "{\"type\":\"Program\",\"start\":0,\"end\":106,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":"
        "0,\"end\":106,\"expression\":{\"type\":\"AssignmentExpression\",\"start\":0,\"end\":105,\"operator\""
        ":\"=\",\"left\":{\"type\":\"Identifier\",\"start\":0,\"end\":1,\"name\":\"x\"},\"right\":{\"type\":\""
        "JSXElement\",\"start\":4,\"end\":105,\"openingElement\":{\"type\":\"JSXOpeningElement\",\"start\":4,"
        "\"end\":48,\"attributes\":[{\"type\":\"JSXAttribute\",\"start\":11,\"end\":24,\"name\":{\"type\":\"J"
        "SXIdentifier\",\"start\":11,\"end\":12,\"name\":\"d\"},\"value\":{\"type\":\"Literal\",\"start\":13,"
        "\"end\":24,\"value\":\"e & f\",\"raw\":\"\\\"e &amp; f\\\"\"}},{\"type\":\"JSXAttribute\",\"start\":"
        "25,\"end\":30,\"name\":{\"type\":\"JSXIdentifier\",\"start\":25,\"end\":26,\"name\":\"g\"},\"value\""
        ":{\"type\":\"JSXExpressionContainer\",\"start\":27,\"end\":30,\"expression\":{\"type\":\"Identifier\""
        ",\"start\":28,\"end\":29,\"name\":\"h\"}}},{\"type\":\"JSXSpreadAttribute\",\"start\":31,\"end\":37,"
        "\"argument\":{\"type\":\"Identifier\",\"start\":35,\"end\":36,\"name\":\"i\"}},{\"type\":\"JSXAttrib"
        "ute\",\"start\":38,\"end\":45,\"name\":{\"type\":\"JSXNamespacedName\",\"start\":38,\"end\":41,\"nam"
        "espace\":{\"type\":\"JSXIdentifier\",\"start\":38,\"end\":39,\"name\":\"j\"},\"name\":{\"type\":\"JS"
        "XIdentifier\",\"start\":40,\"end\":41,\"name\":\"k\"}},\"value\":{\"type\":\"Literal\",\"start\":42,"
        "\"end\":45,\"value\":\"l\",\"raw\":\"\\\"l\\\"\"}},{\"type\":\"JSXAttribute\",\"start\":46,\"end\":4"
        "7,\"name\":{\"type\":\"JSXIdentifier\",\"start\":46,\"end\":47,\"name\":\"m\"},\"value\":null}],\"na"
        "me\":{\"type\":\"JSXMemberExpression\",\"start\":5,\"end\":10,\"object\":{\"type\":\"JSXMemberExpres"
        "sion\",\"start\":5,\"end\":8,\"object\":{\"type\":\"JSXIdentifier\",\"start\":5,\"end\":6,\"name\":\""
        "A\"},\"property\":{\"type\":\"JSXIdentifier\",\"start\":7,\"end\":8,\"name\":\"B\"}},\"property\":{\""
        "type\":\"JSXIdentifier\",\"start\":9,\"end\":10,\"name\":\"C\"}},\"selfClosing\":false},\"closingEle"
        "ment\":{\"type\":\"JSXClosingElement\",\"start\":97,\"end\":105,\"name\":{\"type\":\"JSXMemberExpres"
        "sion\",\"start\":99,\"end\":104,\"object\":{\"type\":\"JSXMemberExpression\",\"start\":99,\"end\":10"
        "2,\"object\":{\"type\":\"JSXIdentifier\",\"start\":99,\"end\":100,\"name\":\"A\"},\"property\":{\"ty"
        "pe\":\"JSXIdentifier\",\"start\":101,\"end\":102,\"name\":\"B\"}},\"property\":{\"type\":\"JSXIdenti"
        "fier\",\"start\":103,\"end\":104,\"name\":\"C\"}}},\"children\":[{\"type\":\"JSXElement\",\"start\":"
        "48,\"end\":54,\"openingElement\":{\"type\":\"JSXOpeningElement\",\"start\":48,\"end\":54,\"attribute"
        "s\":[],\"name\":{\"type\":\"JSXNamespacedName\",\"start\":49,\"end\":52,\"namespace\":{\"type\":\"JS"
        "XIdentifier\",\"start\":49,\"end\":50,\"name\":\"n\"},\"name\":{\"type\":\"JSXIdentifier\",\"start\""
        ":51,\"end\":52,\"name\":\"o\"}},\"selfClosing\":true},\"closingElement\":null,\"children\":[]},{\"ty"
        "pe\":\"JSXText\",\"start\":54,\"end\":59,\"value\":\"text \",\"raw\":\"text \"},{\"type\":\"JSXExpre"
        "ssionContainer\",\"start\":59,\"end\":62,\"expression\":{\"type\":\"Identifier\",\"start\":60,\"end\""
        ":61,\"name\":\"p\"}},{\"type\":\"JSXText\",\"start\":62,\"end\":63,\"value\":\" \",\"raw\":\" \"},{\""
        "type\":\"JSXExpressionContainer\",\"start\":63,\"end\":76,\"expression\":{\"type\":\"JSXEmptyExpress"
        "ion\",\"start\":64,\"end\":75}},{\"type\":\"JSXFragment\",\"start\":76,\"end\":85,\"openingFragment\""
        ":{\"type\":\"JSXOpeningFragment\",\"start\":76,\"end\":78,\"attributes\":[],\"selfClosing\":false},\""
        "closingFragment\":{\"type\":\"JSXClosingFragment\",\"start\":82,\"end\":85},\"children\":[{\"type\":"
        "\"JSXText\",\"start\":78,\"end\":82,\"value\":\"frag\",\"raw\":\"frag\"}]},{\"type\":\"JSXElement\","
        "\"start\":85,\"end\":97,\"openingElement\":{\"type\":\"JSXOpeningElement\",\"start\":85,\"end\":97,\""
        "attributes\":[{\"type\":\"JSXAttribute\",\"start\":88,\"end\":94,\"name\":{\"type\":\"JSXIdentifier\""
        ",\"start\":88,\"end\":89,\"name\":\"r\"},\"value\":{\"type\":\"JSXElement\",\"start\":90,\"end\":94,"
        "\"openingElement\":{\"type\":\"JSXOpeningElement\",\"start\":90,\"end\":94,\"attributes\":[],\"name\""
        ":{\"type\":\"JSXIdentifier\",\"start\":91,\"end\":92,\"name\":\"s\"},\"selfClosing\":true},\"closing"
        "Element\":null,\"children\":[]}}],\"name\":{\"type\":\"JSXIdentifier\",\"start\":86,\"end\":87,\"nam"
        "e\":\"q\"},\"selfClosing\":true},\"closingElement\":null,\"children\":[]}]}}}],\"sourceType\":\"scri"
        "pt\"}");
}

Test(estree, parsed_jsx_entities_and_lines_match_acorn) {
    expect_parse_json(PS_GOAL_SCRIPT, true,
        "y = <div>\n  a &lt; b &#65; &#x42; &nbsp;\n  <br />\n</div>;",
        "{\"type\":\"Program\",\"start\":0,\"end\":57,\"body\":[{\"type\":\"ExpressionStatement\",\"start\":0"
        ",\"end\":57,\"expression\":{\"type\":\"AssignmentExpression\",\"start\":0,\"end\":56,\"operator\":\""
        "=\",\"left\":{\"type\":\"Identifier\",\"start\":0,\"end\":1,\"name\":\"y\"},\"right\":{\"type\":\"JS"
        "XElement\",\"start\":4,\"end\":56,\"openingElement\":{\"type\":\"JSXOpeningElement\",\"start\":4,\"e"
        "nd\":9,\"attributes\":[],\"name\":{\"type\":\"JSXIdentifier\",\"start\":5,\"end\":8,\"name\":\"div\""
        "},\"selfClosing\":false},\"closingElement\":{\"type\":\"JSXClosingElement\",\"start\":50,\"end\":56,"
        "\"name\":{\"type\":\"JSXIdentifier\",\"start\":52,\"end\":55,\"name\":\"div\"}},\"children\":[{\"typ"
        "e\":\"JSXText\",\"start\":9,\"end\":43,\"value\":\"\\n  a < b A B  \\n  \",\"raw\":\"\\n  a &lt; b &"
        "#65; &#x42; &nbsp;\\n  \"},{\"type\":\"JSXElement\",\"start\":43,\"end\":49,\"openingElement\":{\"ty"
        "pe\":\"JSXOpeningElement\",\"start\":43,\"end\":49,\"attributes\":[],\"name\":{\"type\":\"JSXIdentif"
        "ier\",\"start\":44,\"end\":46,\"name\":\"br\"},\"selfClosing\":true},\"closingElement\":null,\"child"
        "ren\":[]},{\"type\":\"JSXText\",\"start\":49,\"end\":50,\"value\":\"\\n\",\"raw\":\"\\n\"}]}}}],\"so"
        "urceType\":\"script\"}");
}
