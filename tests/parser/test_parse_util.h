// Helpers shared by the parser's Criterion tests (test_parse_*.c): parse a
// string and compare an S-expression dump of the tree, or check the
// diagnostics in both parser modes.
//
// Dump format, one node per parenthesized group:
//   identifiers         name        (`#name` for private names, `<missing>`
//                                    for nodes inserted by recovery)
//   literals            their source text: 1, "s", /re/g, null, 10n
//   template elements   `raw` in backquotes
//   other nodes         (Type[:op][ flags] children...)
// where op is the operator, declaration kind or property kind, and flags
// are the kind-specific PS_NF_* flags that are set (async, gen, computed,
// opt, static, method, short, prefix, delegate, await, tail, directive,
// selfclosing, paren, exprbody). Holes in arrays print as `_`, children
// appear in source order (ps_node_for_each_child), except that array holes
// are listed where they are.
#ifndef OCHRE_TESTS_PARSER_TEST_PARSE_UTIL_H
#define OCHRE_TESTS_PARSER_TEST_PARSE_UTIL_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser.h"

// Not every test file uses every helper.
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-variable"
#pragma GCC diagnostic ignored "-Wunused-const-variable"

typedef struct TpDump {
    OchBuf out;
    const char *src;
} TpDump;

static void tp_dump_node(TpDump *d, const PsNode *n);

static bool tp_dump_child(PsNode *child, void *ctx) {
    TpDump *d = ctx;
    och_buf_putc(&d->out, ' ');
    tp_dump_node(d, child);
    return true;
}

static void tp_flag(TpDump *d, const PsNode *n, uint16_t bit, const char *name) {
    if (n->flags & bit) {
        och_buf_putc(&d->out, ' ');
        och_buf_puts(&d->out, name);
    }
}

static const char *tp_var_kind(unsigned op) {
    static const char *const k[] = {"var", "let", "const", "using", "await using"};
    return op < 5 ? k[op] : "?";
}

static const char *tp_prop_kind(unsigned op) {
    static const char *const k[] = {"init", "get", "set", "constructor", "method"};
    return op < 5 ? k[op] : "?";
}

static void tp_dump_node(TpDump *d, const PsNode *n) {
    OchBuf *o = &d->out;
    if (!n) {
        och_buf_putc(o, '_');
        return;
    }
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
    case PS_NODE_JSX_IDENTIFIER:
        if (n->flags & PS_NF_MISSING)
            och_buf_puts(o, "<missing>");
        else
            och_buf_append(o, PS_AS(PsIdent, n)->name, n->aux);
        return;
    case PS_NODE_PRIVATE_IDENTIFIER:
        och_buf_putc(o, '#');
        och_buf_append(o, PS_AS(PsIdent, n)->name, n->aux);
        return;
    case PS_NODE_LITERAL:
        och_buf_append(o, d->src + n->start, n->end - n->start);
        if (n->flags & PS_NF_PARENTHESIZED) och_buf_puts(o, "/paren");
        return;
    case PS_NODE_TEMPLATE_ELEMENT: {
        const PsTemplateElement *t = PS_AS(PsTemplateElement, n);
        och_buf_putc(o, '`');
        och_buf_append(o, t->raw ? t->raw : "", t->raw_len);
        och_buf_putc(o, '`');
        if (!t->cooked) och_buf_puts(o, "/nocooked");
        return;
    }
    default:
        break;
    }
    och_buf_putc(o, '(');
    och_buf_puts(o, ps_node_kind_name((PsNodeKind)n->kind));
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_UNARY_EXPR:
    case PS_NODE_UPDATE_EXPR:
    case PS_NODE_BINARY_EXPR:
    case PS_NODE_LOGICAL_EXPR:
    case PS_NODE_ASSIGN_EXPR:
        och_buf_putc(o, ':');
        och_buf_puts(o, ps_op_text((PsOp)n->op));
        break;
    case PS_NODE_VAR_DECL:
        och_buf_putc(o, ':');
        och_buf_puts(o, tp_var_kind(n->op));
        break;
    case PS_NODE_PROPERTY:
    case PS_NODE_METHOD_DEF:
        if (n->op != PS_PROP_INIT && n->op != PS_PROP_METHOD) {
            och_buf_putc(o, ':');
            och_buf_puts(o, tp_prop_kind(n->op));
        }
        break;
    case PS_NODE_PROGRAM:
        if (n->op == PS_GOAL_MODULE) och_buf_puts(o, ":module");
        break;
    default:
        break;
    }
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_FUNCTION_DECL:
    case PS_NODE_FUNCTION_EXPR:
    case PS_NODE_ARROW_FUNCTION:
        tp_flag(d, n, PS_NF_ASYNC, "async");
        tp_flag(d, n, PS_NF_GENERATOR, "gen");
        tp_flag(d, n, PS_NF_EXPRESSION_BODY, "exprbody");
        break;
    case PS_NODE_UPDATE_EXPR:
        tp_flag(d, n, PS_NF_PREFIX, "prefix");
        break;
    case PS_NODE_YIELD_EXPR:
        tp_flag(d, n, PS_NF_DELEGATE, "delegate");
        break;
    case PS_NODE_FOR_OF_STMT:
        tp_flag(d, n, PS_NF_AWAIT, "await");
        break;
    case PS_NODE_EXPRESSION_STMT:
        tp_flag(d, n, PS_NF_DIRECTIVE, "directive");
        break;
    case PS_NODE_JSX_OPENING_ELEMENT:
        tp_flag(d, n, PS_NF_SELF_CLOSING, "selfclosing");
        break;
    case PS_NODE_MEMBER_EXPR:
    case PS_NODE_CALL_EXPR:
    case PS_NODE_PROPERTY:
    case PS_NODE_METHOD_DEF:
    case PS_NODE_PROPERTY_DEF:
    case PS_NODE_ACCESSOR_PROPERTY:
        tp_flag(d, n, PS_NF_COMPUTED, "computed");
        tp_flag(d, n, PS_NF_OPTIONAL, "opt");
        tp_flag(d, n, PS_NF_STATIC, "static");
        tp_flag(d, n, PS_NF_METHOD, "method");
        tp_flag(d, n, PS_NF_SHORTHAND, "short");
        break;
    default:
        break;
    }
    tp_flag(d, n, PS_NF_PARENTHESIZED, "paren");
    tp_flag(d, n, PS_NF_MISSING, "missing");
    // Array holes are NULL items the child walk skips: print them here.
    if (n->kind == PS_NODE_ARRAY_EXPR || n->kind == PS_NODE_ARRAY_PATTERN) {
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            och_buf_putc(o, ' ');
            tp_dump_node(d, l->items[i]);
        }
    } else {
        ps_node_for_each_child((PsNode *)n, tp_dump_child, d);
    }
    och_buf_putc(o, ')');
}

// S-expression of a parse's tree (free with free()).
static char *tp_dump(const PsParse *r) {
    TpDump d = {{0}, r->src};
    tp_dump_node(&d, r->root);
    return d.out.data;
}

typedef struct TpOpts {
    bool module, jsx, decorators, strict;
} TpOpts;

static PsParse *tp_parse(const char *src, TpOpts to, bool tolerant) {
    PsOptions o;
    ps_options_default(&o);
    o.goal = to.module ? PS_GOAL_MODULE : PS_GOAL_SCRIPT;
    o.jsx = to.jsx;
    o.decorators = to.decorators;
    o.strict = to.strict;
    o.tolerant = tolerant;
    size_t len = strlen(src);
    // ps_parse borrows the padded copy; it is freed with the result below.
    char *copy = ps_source_dup(src, len);
    PsParse *r = ps_parse(copy, len, &o);
    return r;
}

static void tp_free(PsParse *r) {
    char *src = (char *)r->src;
    ps_parse_free(r);
    och_free(src);
}

static const char *tp_first_diag(const PsParse *r) {
    static char buf[512];
    if (r->diags.v.len == 0) return "(none)";
    const OchDiag *d = &r->diags.v.items[0];
    snprintf(buf, sizeof buf, "%s [%u,%u) %s", och_diag_code_str(d->code), d->span.start,
             d->span.end, d->message);
    return buf;
}

// The source parses without errors in both modes, to the expected tree.
static void tp_check_tree(const char *src, TpOpts to, const char *expected) {
    for (int tol = 0; tol < 2; tol++) {
        PsParse *r = tp_parse(src, to, tol);
        cr_expect(r->diags.v.len == 0, "%s: unexpected error (%s mode): %s", src,
                  tol ? "tolerant" : "strict", tp_first_diag(r));
        char *got = tp_dump(r);
        cr_expect_str_eq(got, expected, "%s (%s mode)\n  got:      %s\n  expected: %s", src,
                         tol ? "tolerant" : "strict", got, expected);
        free(got);
        tp_free(r);
    }
}

// The source is rejected: strict mode reports exactly one diagnostic, with
// this code; tolerant mode reports it too and still returns a program.
static void tp_check_error(const char *src, TpOpts to, const char *code) {
    PsParse *r = tp_parse(src, to, false);
    cr_expect(r->diags.v.len == 1, "%s: expected one error %s in strict mode, got %u (%s)", src,
              code, r->diags.v.len, tp_first_diag(r));
    if (r->diags.v.len >= 1)
        cr_expect_str_eq(och_diag_code_str(r->diags.v.items[0].code), code, "%s: %s", src,
                         tp_first_diag(r));
    cr_expect(r->root && r->root->kind == PS_NODE_PROGRAM);
    tp_free(r);
    r = tp_parse(src, to, true);
    bool found = false;
    for (uint32_t i = 0; i < r->diags.v.len; i++)
        if (strcmp(och_diag_code_str(r->diags.v.items[i].code), code) == 0) found = true;
    cr_expect(found, "%s: tolerant mode did not report %s (first: %s)", src, code,
              tp_first_diag(r));
    cr_expect(r->root && r->root->kind == PS_NODE_PROGRAM);
    tp_free(r);
}

static const TpOpts TP_SCRIPT = {false, false, false, false};
static const TpOpts TP_MODULE = {true, false, false, false};
static const TpOpts TP_STRICT = {false, false, false, true};
static const TpOpts TP_JSX = {false, true, false, false};

#define TREE(src, expected) tp_check_tree((src), TP_SCRIPT, (expected))
#define TREE_M(src, expected) tp_check_tree((src), TP_MODULE, (expected))
#define OK(src) tp_check_ok((src), TP_SCRIPT)
#define OK_M(src) tp_check_ok((src), TP_MODULE)
#define OK_STRICT(src) tp_check_ok((src), TP_STRICT)
#define ERR(src, code) tp_check_error((src), TP_SCRIPT, (code))
#define ERR_M(src, code) tp_check_error((src), TP_MODULE, (code))
#define ERR_STRICT(src, code) tp_check_error((src), TP_STRICT, (code))

// Parses without errors in both modes (tree not checked).
static void tp_check_ok(const char *src, TpOpts to) {
    for (int tol = 0; tol < 2; tol++) {
        PsParse *r = tp_parse(src, to, tol);
        cr_expect(r->diags.v.len == 0, "%s: unexpected error (%s mode): %s", src,
                  tol ? "tolerant" : "strict", tp_first_diag(r));
        tp_free(r);
    }
}

// Finds the first node of a kind in pre-order (NULL if none).
typedef struct TpFind {
    PsNodeKind kind;
    PsNode *found;
} TpFind;

static bool tp_find_cb(PsNode *n, void *ctx) {
    TpFind *f = ctx;
    if (f->found) return false;
    if (n->kind == f->kind) {
        f->found = n;
        return false;
    }
    ps_node_for_each_child(n, tp_find_cb, f);
    return !f->found;
}

static PsNode *tp_find(PsNode *root, PsNodeKind kind) {
    TpFind f = {kind, NULL};
    if (root->kind == kind) return root;
    ps_node_for_each_child(root, tp_find_cb, &f);
    return f.found;
}

#endif
