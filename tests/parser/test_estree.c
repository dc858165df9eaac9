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
