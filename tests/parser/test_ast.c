// AST helpers: kind and operator names, and the child walk (source order,
// shared shorthand nodes visited once, early stop).
#include <criterion/criterion.h>
#include <string.h>

#include "parser.h"

static OchArena arena;

static PsNode *mk(size_t size, PsNodeKind kind, uint32_t start, uint32_t end) {
    PsNode *n = och_arena_alloc(&arena, size);
    memset(n, 0, size);
    n->kind = (uint8_t)kind;
    n->start = start;
    n->end = end;
    return n;
}

#define NEW(T, kind, s, e) ((T *)mk(sizeof(T), PS_NODE_##kind, (s), (e)))

static PsNode *ident(uint32_t s) { return mk(sizeof(PsIdent), PS_NODE_IDENTIFIER, s, s + 1); }

static PsList list2(PsNode *a, PsNode *b) {
    PsList l = {och_arena_alloc(&arena, 2 * sizeof(PsNode *)), 2};
    l.items[0] = a;
    l.items[1] = b;
    return l;
}

typedef struct Visits {
    PsNode *seen[16];
    int count;
    int stop_after;  // 0: never stop
} Visits;

static bool record(PsNode *child, void *ctx) {
    Visits *v = ctx;
    v->seen[v->count++] = child;
    return v->stop_after == 0 || v->count < v->stop_after;
}

Test(ast, kind_and_operator_names) {
    cr_assert_str_eq(ps_node_kind_name(PS_NODE_BINARY_EXPR), "BinaryExpression");
    cr_assert_str_eq(ps_node_kind_name(PS_NODE_JSX_TEXT), "JSXText");
    cr_assert_str_eq(ps_node_kind_name(PS_NODE_KIND_COUNT), "Unknown");
    cr_assert_str_eq(ps_op_text(PS_OP_SHR_ASSIGN), ">>>=");
    cr_assert_str_eq(ps_op_text(PS_OP_INSTANCEOF), "instanceof");
    cr_assert_str_eq(ps_op_text(PS_OP_NULLISH_ASSIGN), "?\?=");  // not a trigraph
    cr_assert_str_eq(ps_op_text(PS_OP_COUNT), "");
}

Test(ast, shorthand_property_visits_shared_node_once) {
    och_arena_init(&arena);
    // {a}: key and value are one node.
    PsProperty *p = NEW(PsProperty, PROPERTY, 1, 2);
    p->key = p->value = ident(1);
    Visits v = {0};
    cr_assert(ps_node_for_each_child(&p->h, record, &v));
    cr_assert_eq(v.count, 1);
    cr_assert_eq(v.seen[0], p->key);
    // {a = 1}: the key is the pattern's left side.
    PsBinary *def = NEW(PsBinary, ASSIGN_PATTERN, 1, 6);
    def->left = p->key;
    def->right = ident(5);
    p->value = &def->h;
    v.count = 0;
    ps_node_for_each_child(&p->h, record, &v);
    cr_assert_eq(v.count, 1);
    cr_assert_eq(v.seen[0], &def->h);
    och_arena_free(&arena);
}

Test(ast, template_literal_interleaves_quasis_and_expressions) {
    och_arena_init(&arena);
    // `a${x}b${y}c`
    PsTemplate *t = NEW(PsTemplate, TEMPLATE_LITERAL, 0, 13);
    PsNode *q[3];
    for (int i = 0; i < 3; i++) q[i] = mk(sizeof(PsTemplateElement), PS_NODE_TEMPLATE_ELEMENT, 1 + 5u * i, 2 + 5u * i);
    PsNode *x = ident(4), *y = ident(9);
    t->quasis = (PsList){och_arena_alloc(&arena, 3 * sizeof(PsNode *)), 3};
    memcpy(t->quasis.items, q, sizeof q);
    t->expressions = list2(x, y);
    Visits v = {0};
    ps_node_for_each_child(&t->h, record, &v);
    cr_assert_eq(v.count, 5);
    PsNode *want[5] = {q[0], x, q[1], y, q[2]};
    for (int i = 0; i < 5; i++) cr_assert_eq(v.seen[i], want[i], "child %d", i);
    och_arena_free(&arena);
}

Test(ast, children_come_in_source_order_and_walk_stops_early) {
    och_arena_init(&arena);
    // do body while (test)  -> body first; label: body -> label first
    PsWhile *dw = NEW(PsWhile, DO_WHILE_STMT, 0, 20);
    dw->body = ident(3);
    dw->test = ident(15);
    Visits v = {0};
    ps_node_for_each_child(&dw->h, record, &v);
    cr_assert_eq(v.count, 2);
    cr_assert_eq(v.seen[0], dw->body);
    // Call with a hole-free argument list; stop after the callee.
    PsCall *call = NEW(PsCall, CALL_EXPR, 0, 8);
    call->callee = ident(0);
    call->arguments = list2(ident(2), ident(5));
    Visits stop = {.stop_after = 1};
    cr_assert_not(ps_node_for_each_child(&call->h, record, &stop));
    cr_assert_eq(stop.count, 1);
    // Array holes are skipped.
    PsListNode *arr = NEW(PsListNode, ARRAY_EXPR, 0, 6);
    arr->items = list2(NULL, ident(3));
    Visits holes = {0};
    ps_node_for_each_child(&arr->h, record, &holes);
    cr_assert_eq(holes.count, 1);
    och_arena_free(&arena);
}

Test(ast, import_specifier_without_alias_is_visited_once) {
    och_arena_init(&arena);
    PsSpecifier *s = NEW(PsSpecifier, IMPORT_SPECIFIER, 8, 9);
    s->local = s->external = ident(8);
    Visits v = {0};
    ps_node_for_each_child(&s->h, record, &v);
    cr_assert_eq(v.count, 1);
    // `import {a as b}`: imported name first.
    s->local = ident(13);
    v.count = 0;
    ps_node_for_each_child(&s->h, record, &v);
    cr_assert_eq(v.count, 2);
    cr_assert_eq(v.seen[0], s->external);
    och_arena_free(&arena);
}
