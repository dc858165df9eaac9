// Expression rules: no-cond-assign, no-constant-condition, valid-typeof,
// use-isnan, no-compare-neg-zero, no-self-assign, no-self-compare,
// no-unsafe-negation, no-sparse-arrays, no-async-promise-executor,
// no-prototype-builtins, for-direction, no-obj-calls, no-delete-var,
// no-octal.
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "lint_int.h"

static bool on(const AnLint *L, OchDiagCode c) { return L->on[an_rule_index(c)]; }

// ---------------------------------------------------------------------------
// Options.

bool an_opts_no_cond_assign(AnLint *L, const AnJson *a, OchBuf *err) {
    if (a->count == 0) return true;
    static const char *const v[] = {"except-parens", "always", NULL};
    uint8_t e;
    if (a->count > 1 || !an_opts_enum(a->items[0], "the option", v, &e, err)) return false;
    L->o.cond_always = e == 1;
    return true;
}

bool an_opts_no_constant_condition(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"checkLoops", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    const AnJson *v = an_json_get(o, "checkLoops");
    if (!v) return true;
    if (v->type == AN_JSON_BOOL) {
        L->o.const_loops = v->boolean ? 2 : 0;
        return true;
    }
    static const char *const vals[] = {"none", "allExceptWhileTrue", "all", NULL};
    return an_opts_enum(v, "\"checkLoops\"", vals, &L->o.const_loops, err);
}

bool an_opts_valid_typeof(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"requireStringLiterals", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "requireStringLiterals", &L->o.typeof_require_string_literals, err);
}

bool an_opts_use_isnan(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"enforceForSwitchCase", "enforceForIndexOf", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "enforceForSwitchCase", &L->o.isnan_switch_case, err) &&
           an_opts_bool(o, "enforceForIndexOf", &L->o.isnan_index_of, err);
}

bool an_opts_no_self_assign(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"props", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "props", &L->o.self_assign_props, err);
}

bool an_opts_no_unsafe_negation(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"enforceForOrderingRelations", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "enforceForOrderingRelations", &L->o.negation_ordering, err);
}

// ---------------------------------------------------------------------------
// Helpers.

static PsNode *skip_chain(PsNode *n) {
    return n && n->kind == PS_NODE_CHAIN_EXPR ? ((PsUnary *)n)->arg : n;
}

// Static property name of a member expression (ESLint's
// getStaticPropertyName); false when dynamic.
static bool member_name(const PsNode *m, OchBuf *out) {
    m = skip_chain((PsNode *)m);
    if (!m || m->kind != PS_NODE_MEMBER_EXPR) return false;
    return an_static_key(((const PsMember *)m)->property, (m->flags & PS_NF_COMPUTED) != 0, out);
}

static bool member_is(const PsNode *m, const char *name) {
    m = skip_chain((PsNode *)m);
    if (!m || m->kind != PS_NODE_MEMBER_EXPR) return false;
    return an_key_is(((const PsMember *)m)->property, (m->flags & PS_NF_COMPUTED) != 0, name);
}

// Truthiness of a literal: 1 true, 0 false.
static int literal_bool(const PsNode *n) {
    const PsLiteral *l = (const PsLiteral *)n;
    switch ((PsLitKind)n->op) {
    case PS_LIT_NULL: case PS_LIT_FALSE: return 0;
    case PS_LIT_TRUE: case PS_LIT_REGEX: return 1;
    case PS_LIT_NUMBER: return l->u.number != 0 && !isnan(l->u.number);
    case PS_LIT_STRING: return n->aux != 0;
    case PS_LIT_BIGINT:
        for (uint32_t i = 0; i < n->aux; i++)
            if (l->u.str[i] >= '1' && l->u.str[i] <= '9') return 1;
            else if ((l->u.str[i] >= 'a' && l->u.str[i] <= 'f' && l->u.str[i] != 'b') ||
                     (l->u.str[i] >= 'A' && l->u.str[i] <= 'F' && l->u.str[i] != 'B'))
                return 1;
        return 0;
    default: return 0;
    }
}

// A reference to an ECMAScript/environment global (not shadowed).
static bool global_ref(AnLint *L, const PsNode *id) {
    if (!id || id->kind != PS_NODE_IDENTIFIER) return false;
    AnRef *r = an_lint_ref(L, id);
    if (!r || r->binding) return false;
    return an_lint_global(L, ((const PsIdent *)id)->name, id->aux) != NULL;
}

// ---------------------------------------------------------------------------
// no-constant-condition (ESLint's isConstant).

static bool logical_identity(const PsNode *n, PsOp op) {
    if (!n) return false;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_LITERAL:
        return (op == PS_OP_OR && literal_bool(n) == 1) || (op == PS_OP_AND && literal_bool(n) == 0);
    case PS_NODE_UNARY_EXPR:
        return op == PS_OP_AND && n->op == PS_OP_VOID;
    case PS_NODE_LOGICAL_EXPR:
        return n->op == op && (logical_identity(((const PsBinary *)n)->left, op) ||
                               logical_identity(((const PsBinary *)n)->right, op));
    case PS_NODE_ASSIGN_EXPR:
        return ((n->op == PS_OP_OR_ASSIGN && op == PS_OP_OR) ||
                (n->op == PS_OP_AND_ASSIGN && op == PS_OP_AND)) &&
               logical_identity(((const PsBinary *)n)->right, op);
    default:
        return false;
    }
}

static bool is_constant(AnLint *L, const PsNode *n, bool boolpos) {
    if (!n) return true;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_LITERAL: case PS_NODE_ARROW_FUNCTION: case PS_NODE_FUNCTION_EXPR:
    case PS_NODE_CLASS_EXPR: case PS_NODE_OBJECT_EXPR:
        return true;
    case PS_NODE_TEMPLATE_LITERAL: {
        const PsTemplate *t = (const PsTemplate *)n;
        if (boolpos)
            for (uint32_t i = 0; i < t->quasis.count; i++) {
                const PsTemplateElement *q = (const PsTemplateElement *)t->quasis.items[i];
                if (q && q->cooked && q->h.aux) return true;
            }
        for (uint32_t i = 0; i < t->expressions.count; i++)
            if (!is_constant(L, t->expressions.items[i], false)) return false;
        return true;
    }
    case PS_NODE_ARRAY_EXPR: {
        if (boolpos) return true;
        const PsList *l = &((const PsListNode *)n)->items;
        for (uint32_t i = 0; i < l->count; i++)
            if (!is_constant(L, l->items[i], false)) return false;
        return true;
    }
    case PS_NODE_UNARY_EXPR:
        if (n->op == PS_OP_VOID || (n->op == PS_OP_TYPEOF && boolpos)) return true;
        if (n->op == PS_OP_NOT) return is_constant(L, ((const PsUnary *)n)->arg, true);
        return is_constant(L, ((const PsUnary *)n)->arg, false);
    case PS_NODE_BINARY_EXPR: {
        const PsBinary *b = (const PsBinary *)n;
        if (b->left && b->left->kind == PS_NODE_PRIVATE_IDENTIFIER) return false;
        return is_constant(L, b->left, false) && is_constant(L, b->right, false) && n->op != PS_OP_IN;
    }
    case PS_NODE_LOGICAL_EXPR: {
        const PsBinary *b = (const PsBinary *)n;
        bool lc = is_constant(L, b->left, boolpos), rc = is_constant(L, b->right, boolpos);
        return (lc && rc) || (lc && logical_identity(b->left, (PsOp)n->op)) ||
               (boolpos && rc && logical_identity(b->right, (PsOp)n->op));
    }
    case PS_NODE_NEW_EXPR:
        return boolpos;
    case PS_NODE_ASSIGN_EXPR: {
        const PsBinary *b = (const PsBinary *)n;
        if (n->op == PS_OP_ASSIGN) return is_constant(L, b->right, boolpos);
        if ((n->op == PS_OP_OR_ASSIGN || n->op == PS_OP_AND_ASSIGN) && boolpos)
            return logical_identity(b->right, n->op == PS_OP_OR_ASSIGN ? PS_OP_OR : PS_OP_AND);
        return false;
    }
    case PS_NODE_SEQUENCE_EXPR: {
        const PsList *l = &((const PsListNode *)n)->items;
        return l->count ? is_constant(L, l->items[l->count - 1], boolpos) : false;
    }
    case PS_NODE_SPREAD_ELEMENT:
        return is_constant(L, ((const PsUnary *)n)->arg, boolpos);
    case PS_NODE_CALL_EXPR: {
        const PsCall *c = (const PsCall *)n;
        if (an_is_ident(c->callee, "Boolean") &&
            (c->arguments.count == 0 || is_constant(L, c->arguments.items[0], true)))
            return global_ref(L, c->callee);
        return false;
    }
    case PS_NODE_IDENTIFIER:
        return an_is_ident(n, "undefined") && global_ref(L, n);
    default:
        return false;
    }
}

static void const_report(AnLint *L, const PsNode *test) {
    an_lint_report(L, AN_W_NO_CONSTANT_CONDITION, test->start, test->end,
                   "Unexpected constant condition: this test always has the same result.");
}

static void const_if(AnLint *L, PsNode *n) {
    const PsNode *t = ((PsConditional *)n)->test;
    if (t && is_constant(L, t, true)) const_report(L, t);
}

// Loops are reported when they end, unless a yield in the same function
// may leave them (generators looping forever on purpose).
typedef struct ConstLoop {
    PsNode *loop;
    AnFlow *flow;
} ConstLoop;

typedef OCH_VEC(ConstLoop) ConstLoopVec;
static ConstLoopVec *const_loops(AnLint *L);

static void const_loop_enter(AnLint *L, PsNode *n) {
    if (L->o.const_loops == 0) return;
    PsNode *t = n->kind == PS_NODE_FOR_STMT ? ((PsFor *)n)->test : ((PsWhile *)n)->test;
    if (!t) return;
    if (n->kind == PS_NODE_WHILE_STMT && L->o.const_loops == 1 && t->kind == PS_NODE_LITERAL &&
        t->op == PS_LIT_TRUE)
        return;
    if (!is_constant(L, t, true)) return;
    ConstLoop c = {n, L->flow};
    och_vec_push(const_loops(L), c);
}

static void const_loop_leave(AnLint *L, PsNode *n) {
    ConstLoopVec *v = const_loops(L);
    if (!v->len || v->items[v->len - 1].loop != n) return;
    v->len--;
    PsNode *t = n->kind == PS_NODE_FOR_STMT ? ((PsFor *)n)->test : ((PsWhile *)n)->test;
    const_report(L, t);
}

// A yield drops the pending loops of its function (ESLint: of the current
// non-arrow function).
static void const_yield(AnLint *L, PsNode *n) {
    (void)n;
    ConstLoopVec *v = const_loops(L);
    AnFlow *f = L->flow;
    while (v->len && v->items[v->len - 1].flow == f) v->len--;
}

// ---------------------------------------------------------------------------
// no-cond-assign.

// Parenthesis pairs directly around a node (counted in the text).
static uint32_t paren_depth(const AnLint *L, const PsNode *n) {
    uint32_t a = n->start, b = n->end, d = 0;
    for (;;) {
        while (a > 0 && (L->src[a - 1] == ' ' || L->src[a - 1] == '\t' || L->src[a - 1] == '\n' ||
                         L->src[a - 1] == '\r'))
            a--;
        while (b < L->len && (L->src[b] == ' ' || L->src[b] == '\t' || L->src[b] == '\n' ||
                              L->src[b] == '\r'))
            b++;
        if (a == 0 || b >= L->len || L->src[a - 1] != '(' || L->src[b] != ')') return d;
        a--;
        b++;
        d++;
    }
}

static void cond_assign_test(AnLint *L, PsNode *n) {
    PsNode *t = n->kind == PS_NODE_FOR_STMT ? ((PsFor *)n)->test
                : (n->kind == PS_NODE_WHILE_STMT || n->kind == PS_NODE_DO_WHILE_STMT)
                    ? ((PsWhile *)n)->test
                    : ((PsConditional *)n)->test;
    if (!t || t->kind != PS_NODE_ASSIGN_EXPR) return;
    bool paren = (t->flags & PS_NF_PARENTHESIZED) != 0;
    bool ok;
    if (n->kind == PS_NODE_FOR_STMT) ok = paren;
    else if (n->kind == PS_NODE_CONDITIONAL_EXPR) ok = paren && paren_depth(L, t) >= 2;
    else ok = paren;
    if (ok) return;
    an_lint_report(L, AN_W_NO_COND_ASSIGN, t->start, t->end,
                   "Expected a conditional expression and instead saw an assignment; compare "
                   "with `===`, or wrap the assignment in extra parentheses if it is meant.");
}

static const char *test_owner(const PsNode *p, const PsNode *child) {
    switch ((PsNodeKind)p->kind) {
    case PS_NODE_IF_STMT:
        return ((const PsConditional *)p)->test == child ? "an 'if' statement" : NULL;
    case PS_NODE_CONDITIONAL_EXPR:
        return ((const PsConditional *)p)->test == child ? "a conditional expression" : NULL;
    case PS_NODE_WHILE_STMT:
        return ((const PsWhile *)p)->test == child ? "a 'while' statement" : NULL;
    case PS_NODE_DO_WHILE_STMT:
        return ((const PsWhile *)p)->test == child ? "a 'do...while' statement" : NULL;
    case PS_NODE_FOR_STMT:
        return ((const PsFor *)p)->test == child ? "a 'for' statement" : NULL;
    default:
        return NULL;
    }
}

static void cond_assign_always(AnLint *L, PsNode *n) {
    const PsNode *child = n;
    for (uint32_t k = 0; k < L->depth; k++) {
        const PsNode *p = an_lint_parent(L, k);
        const char *what = test_owner(p, child);
        if (what) {
            an_lint_report(L, AN_W_NO_COND_ASSIGN, n->start, n->end,
                           "Unexpected assignment within %s.", what);
            return;
        }
        if (p->kind == PS_NODE_FUNCTION_DECL || p->kind == PS_NODE_FUNCTION_EXPR ||
            p->kind == PS_NODE_ARROW_FUNCTION)
            return;
        child = p;
    }
}

// ---------------------------------------------------------------------------
// Binary expressions: valid-typeof, use-isnan, no-compare-neg-zero,
// no-self-compare, no-unsafe-negation.

static bool is_equality(uint8_t op) {
    return op == PS_OP_EQ || op == PS_OP_NE || op == PS_OP_SEQ || op == PS_OP_SNE;
}
static bool is_relational(uint8_t op) {
    return op == PS_OP_LT || op == PS_OP_LE || op == PS_OP_GT || op == PS_OP_GE;
}

static bool valid_type_name(const char *s, uint32_t n) {
    static const char *const types[] = {"symbol", "undefined", "object", "boolean",
                                        "number", "string",    "function", "bigint"};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strlen(types[i]) == n && memcmp(types[i], s, n) == 0) return true;
    return false;
}

static void check_typeof_side(AnLint *L, PsNode *sib) {
    if (sib->kind == PS_NODE_LITERAL) {
        bool ok = sib->op == PS_LIT_STRING && valid_type_name(((PsLiteral *)sib)->u.str, sib->aux);
        if (!ok)
            an_lint_report(L, AN_W_VALID_TYPEOF, sib->start, sib->end,
                           "Invalid typeof comparison value: typeof gives one of \"undefined\", "
                           "\"object\", \"boolean\", \"number\", \"bigint\", \"string\", "
                           "\"symbol\" or \"function\".");
        return;
    }
    if (sib->kind == PS_NODE_TEMPLATE_LITERAL) {
        PsTemplate *t = (PsTemplate *)sib;
        if (t->expressions.count == 0 && t->quasis.count == 1) {
            PsTemplateElement *q = (PsTemplateElement *)t->quasis.items[0];
            if (q && q->cooked && !valid_type_name(q->cooked, q->h.aux))
                an_lint_report(L, AN_W_VALID_TYPEOF, sib->start, sib->end,
                               "Invalid typeof comparison value.");
            return;
        }
    }
    if (an_is_ident(sib, "undefined") && global_ref(L, sib)) {
        uint32_t d = an_lint_report(L, AN_W_VALID_TYPEOF, sib->start, sib->end,
                                    L->o.typeof_require_string_literals
                                        ? "Typeof comparisons should be to string literals: "
                                          "typeof never gives undefined; compare with "
                                          "\"undefined\"."
                                        : "Invalid typeof comparison value: typeof never gives "
                                          "undefined; compare with \"undefined\".");
        an_lint_fix1(L, d, "Use \"undefined\" instead of undefined", true, sib->start, sib->end,
                     "\"undefined\"");
        return;
    }
    if (L->o.typeof_require_string_literals &&
        !(sib->kind == PS_NODE_UNARY_EXPR && sib->op == PS_OP_TYPEOF))
        an_lint_report(L, AN_W_VALID_TYPEOF, sib->start, sib->end,
                       "Typeof comparisons should be to string literals.");
}

static void valid_typeof(AnLint *L, PsNode *n) {
    if (!is_equality(n->op)) return;
    PsBinary *b = (PsBinary *)n;
    if (!b->left || !b->right) return;
    if (b->left->kind == PS_NODE_UNARY_EXPR && b->left->op == PS_OP_TYPEOF)
        check_typeof_side(L, b->right);
    if (b->right->kind == PS_NODE_UNARY_EXPR && b->right->op == PS_OP_TYPEOF)
        check_typeof_side(L, b->left);
}

static bool is_nan(AnLint *L, PsNode *n) {
    if (!n) return false;
    if (n->kind == PS_NODE_SEQUENCE_EXPR) {
        const PsList *l = &((PsListNode *)n)->items;
        n = l->count ? l->items[l->count - 1] : NULL;
        if (!n) return false;
    }
    if (an_is_ident(n, "NaN")) return an_lint_is_global_ref(L, n, "NaN");
    PsNode *m = skip_chain(n);
    if (m && m->kind == PS_NODE_MEMBER_EXPR && member_is(m, "NaN"))
        return an_lint_is_global_ref(L, ((PsMember *)m)->object, "Number");
    return false;
}

static void use_isnan_binary(AnLint *L, PsNode *n) {
    if (!is_equality(n->op) && !is_relational(n->op)) return;
    PsBinary *b = (PsBinary *)n;
    if (is_nan(L, b->left) || is_nan(L, b->right))
        an_lint_report(L, AN_W_USE_ISNAN, n->start, n->end,
                       "Use the isNaN function to compare with NaN: NaN is not equal to "
                       "anything, itself included (use Number.isNaN(x)).");
}

static void use_isnan_switch(AnLint *L, PsNode *n) {
    PsSwitch *s = (PsSwitch *)n;
    if (is_nan(L, s->discriminant))
        an_lint_report(L, AN_W_USE_ISNAN, n->start, n->end,
                       "'switch(NaN)' can never match a case clause. Use Number.isNaN instead of "
                       "the switch.");
    for (uint32_t i = 0; i < s->cases.count; i++) {
        PsNode *c = s->cases.items[i];
        if (c && c->kind == PS_NODE_SWITCH_CASE && is_nan(L, ((PsSwitchCase *)c)->test))
            an_lint_report(L, AN_W_USE_ISNAN, c->start, c->end,
                           "'case NaN' can never match. Use Number.isNaN before the switch.");
    }
}

static void use_isnan_call(AnLint *L, PsNode *n) {
    PsCall *c = (PsCall *)n;
    PsNode *callee = skip_chain(c->callee);
    if (!callee || callee->kind != PS_NODE_MEMBER_EXPR || c->arguments.count > 2 ||
        c->arguments.count == 0)
        return;
    bool idx = member_is(callee, "indexOf"), last = !idx && member_is(callee, "lastIndexOf");
    if ((idx || last) && is_nan(L, c->arguments.items[0]))
        an_lint_report(L, AN_W_USE_ISNAN, n->start, n->end,
                       "Array prototype method '%s' cannot find NaN.",
                       idx ? "indexOf" : "lastIndexOf");
}

static bool is_neg_zero(const PsNode *n) {
    if (!n || n->kind != PS_NODE_UNARY_EXPR || n->op != PS_OP_NEG) return false;
    const PsNode *a = ((const PsUnary *)n)->arg;
    return a && a->kind == PS_NODE_LITERAL && a->op == PS_LIT_NUMBER &&
           ((const PsLiteral *)a)->u.number == 0;
}

static void neg_zero(AnLint *L, PsNode *n) {
    if (!is_equality(n->op) && !is_relational(n->op)) return;
    PsBinary *b = (PsBinary *)n;
    bool l = is_neg_zero(b->left), r = is_neg_zero(b->right);
    if (!l && !r) return;
    uint32_t d = an_lint_report(L, AN_W_NO_COMPARE_NEG_ZERO, n->start, n->end,
                                "Do not use the '%s' operator to compare against -0: it is equal "
                                "to 0; use Object.is(x, -0) to tell them apart.",
                                ps_op_text((PsOp)n->op));
    AnEdit e[2];
    uint32_t k = 0;
    if (l) e[k++] = (AnEdit){{b->left->start, b->left->end}, "0", 1};
    if (r) e[k++] = (AnEdit){{b->right->start, b->right->end}, "0", 1};
    an_lint_fix(L, d, "Replace '-0' with '0' (keeps the current comparison behavior)", true, k, e);
}

// Token equality (ESLint compares token types and values).
static bool same_tokens(const AnLint *L, const PsNode *a, const PsNode *b);

static void self_compare(AnLint *L, PsNode *n) {
    if (!is_equality(n->op) && !is_relational(n->op)) return;
    PsBinary *b = (PsBinary *)n;
    if (b->left && b->right && b->left->kind != PS_NODE_PRIVATE_IDENTIFIER &&
        same_tokens(L, b->left, b->right))
        an_lint_report(L, AN_W_NO_SELF_COMPARE, n->start, n->end,
                       "Comparing to itself is potentially pointless: the result is always the "
                       "same (use Number.isNaN(x) to test for NaN).");
}

static void unsafe_negation(AnLint *L, PsNode *n) {
    bool applies = n->op == PS_OP_IN || n->op == PS_OP_INSTANCEOF ||
                   (L->o.negation_ordering && is_relational(n->op));
    PsNode *left = ((PsBinary *)n)->left;
    if (!applies || !left || left->kind != PS_NODE_UNARY_EXPR || left->op != PS_OP_NOT ||
        (left->flags & PS_NF_PARENTHESIZED))
        return;
    uint32_t d = an_lint_report(L, AN_W_NO_UNSAFE_NEGATION, left->start, left->end,
                                "Unexpected negating the left operand of '%s' operator: `!a %s b` "
                                "means `(!a) %s b`.",
                                ps_op_text((PsOp)n->op), ps_op_text((PsOp)n->op),
                                ps_op_text((PsOp)n->op));
    // Suggestion: negate the whole expression.
    PsNode *arg = ((PsUnary *)left)->arg;
    if (!arg) return;
    OchBuf t = {0};
    och_buf_puts(&t, "!(");
    och_buf_append(&t, L->src + arg->start, n->end - arg->start);
    och_buf_putc(&t, ')');
    an_lint_fix1(L, d, "Negate the whole expression instead of its left operand", true,
                 n->start, n->end, t.data);
    och_buf_free(&t);
}

// ---------------------------------------------------------------------------
// no-self-assign.

static bool same_reference(const AnLint *L, PsNode *a, PsNode *b);

static bool literal_equal(const AnLint *L, const PsNode *a, const PsNode *b) {
    if (a->op != b->op) return false;
    const PsLiteral *x = (const PsLiteral *)a, *y = (const PsLiteral *)b;
    switch ((PsLitKind)a->op) {
    case PS_LIT_NUMBER: return x->u.number == y->u.number;
    case PS_LIT_STRING: case PS_LIT_BIGINT:
        return a->aux == b->aux && memcmp(x->u.str, y->u.str, a->aux) == 0;
    case PS_LIT_REGEX: {
        uint32_t la = a->end - a->start, lb = b->end - b->start;
        return la == lb && memcmp(L->src + a->start, L->src + b->start, la) == 0;
    }
    default: return true;
    }
}

static bool same_reference(const AnLint *L, PsNode *a, PsNode *b) {
    if (!a || !b) return false;
    if (a->kind != b->kind) {
        if (a->kind == PS_NODE_CHAIN_EXPR) return same_reference(L, ((PsUnary *)a)->arg, b);
        if (b->kind == PS_NODE_CHAIN_EXPR) return same_reference(L, a, ((PsUnary *)b)->arg);
        return false;
    }
    switch ((PsNodeKind)a->kind) {
    case PS_NODE_SUPER: case PS_NODE_THIS: return true;
    case PS_NODE_IDENTIFIER: case PS_NODE_PRIVATE_IDENTIFIER:
        return a->aux == b->aux && memcmp(((PsIdent *)a)->name, ((PsIdent *)b)->name, a->aux) == 0;
    case PS_NODE_LITERAL: return literal_equal(L, a, b);
    case PS_NODE_CHAIN_EXPR: return same_reference(L, ((PsUnary *)a)->arg, ((PsUnary *)b)->arg);
    case PS_NODE_MEMBER_EXPR: {
        PsMember *x = (PsMember *)a, *y = (PsMember *)b;
        OchBuf na = {0}, nb = {0};
        bool sa = member_name(a, &na);
        if (sa) {
            bool sb = member_name(b, &nb);
            bool eq = sb && na.len == nb.len && (na.len == 0 || memcmp(na.data, nb.data, na.len) == 0);
            och_buf_free(&na);
            och_buf_free(&nb);
            return eq && same_reference(L, x->object, y->object);
        }
        och_buf_free(&na);
        return ((a->flags ^ b->flags) & PS_NF_COMPUTED) == 0 &&
               same_reference(L, x->object, y->object) &&
               same_reference(L, x->property, y->property);
    }
    default:
        return false;
    }
}

static void self_assign_report(AnLint *L, PsNode *right) {
    // The name without blanks, as ESLint prints it.
    OchBuf name = {0};
    for (uint32_t i = right->start; i < right->end; i++) {
        char c = L->src[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') och_buf_putc(&name, c);
    }
    an_lint_report(L, AN_W_NO_SELF_ASSIGN, right->start, right->end,
                   "'%s' is assigned to itself; the assignment has no effect.",
                   name.data ? name.data : "");
    och_buf_free(&name);
}

static void each_self_assign(AnLint *L, PsNode *left, PsNode *right) {
    if (!left || !right) return;
    if (left->kind == PS_NODE_IDENTIFIER && right->kind == PS_NODE_IDENTIFIER) {
        if (left->aux == right->aux &&
            memcmp(((PsIdent *)left)->name, ((PsIdent *)right)->name, left->aux) == 0)
            self_assign_report(L, right);
    } else if (left->kind == PS_NODE_ARRAY_PATTERN && right->kind == PS_NODE_ARRAY_EXPR) {
        const PsList *l = &((PsListNode *)left)->items, *r = &((PsListNode *)right)->items;
        uint32_t end = l->count < r->count ? l->count : r->count;
        for (uint32_t i = 0; i < end; i++) {
            PsNode *le = l->items[i], *re = r->items[i];
            if (le && le->kind == PS_NODE_REST_ELEMENT && i + 1 < r->count) break;
            each_self_assign(L, le, re);
            if (re && re->kind == PS_NODE_SPREAD_ELEMENT) break;
        }
    } else if (left->kind == PS_NODE_REST_ELEMENT && right->kind == PS_NODE_SPREAD_ELEMENT) {
        each_self_assign(L, ((PsUnary *)left)->arg, ((PsUnary *)right)->arg);
    } else if (left->kind == PS_NODE_OBJECT_PATTERN && right->kind == PS_NODE_OBJECT_EXPR) {
        const PsList *l = &((PsListNode *)left)->items, *r = &((PsListNode *)right)->items;
        if (!r->count) return;
        uint32_t startj = 0;
        for (uint32_t i = r->count; i-- > 0;)
            if (r->items[i] && r->items[i]->kind == PS_NODE_SPREAD_ELEMENT) {
                startj = i + 1;
                break;
            }
        for (uint32_t i = 0; i < l->count; i++)
            for (uint32_t j = startj; j < r->count; j++) each_self_assign(L, l->items[i], r->items[j]);
    } else if (left->kind == PS_NODE_PROPERTY && right->kind == PS_NODE_PROPERTY &&
               right->op == PS_PROP_INIT && !(right->flags & PS_NF_METHOD)) {
        OchBuf a = {0}, b = {0};
        bool sa = an_static_key(((PsProperty *)left)->key, (left->flags & PS_NF_COMPUTED) != 0, &a);
        bool sb = sa && an_static_key(((PsProperty *)right)->key, (right->flags & PS_NF_COMPUTED) != 0, &b);
        bool eq = sa && sb && a.len == b.len && (a.len == 0 || memcmp(a.data, b.data, a.len) == 0);
        och_buf_free(&a);
        och_buf_free(&b);
        if (eq) each_self_assign(L, ((PsProperty *)left)->value, ((PsProperty *)right)->value);
    } else if (L->o.self_assign_props && skip_chain(left)->kind == PS_NODE_MEMBER_EXPR &&
               skip_chain(right)->kind == PS_NODE_MEMBER_EXPR && same_reference(L, left, right)) {
        self_assign_report(L, right);
    }
}

static void self_assign(AnLint *L, PsNode *n) {
    if (n->op != PS_OP_ASSIGN && n->op != PS_OP_AND_ASSIGN && n->op != PS_OP_OR_ASSIGN &&
        n->op != PS_OP_NULLISH_ASSIGN)
        return;
    each_self_assign(L, ((PsBinary *)n)->left, ((PsBinary *)n)->right);
}

// ---------------------------------------------------------------------------
// Token comparison for no-self-compare: the texts of the two nodes as
// token sequences (blanks and comments between tokens ignored; strings and
// other literals compared by their source text).

static bool same_tokens(const AnLint *L, const PsNode *a, const PsNode *b) {
    uint32_t la = a->end - a->start, lb = b->end - b->start;
    if (la == lb && memcmp(L->src + a->start, L->src + b->start, la) == 0) return true;
    // Differences in blanks only (outside literals): compare with blanks
    // removed, but only when neither side has string or template text
    // (where blanks matter).
    const char *p = L->src + a->start, *pe = L->src + a->end;
    const char *q = L->src + b->start, *qe = L->src + b->end;
    for (const char *t = p; t < pe; t++)
        if (*t == '"' || *t == '\'' || *t == '`' || *t == '/') return false;
    for (const char *t = q; t < qe; t++)
        if (*t == '"' || *t == '\'' || *t == '`' || *t == '/') return false;
    for (;;) {
        bool sp = false, sq = false;
        while (p < pe && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) p++, sp = true;
        while (q < qe && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')) q++, sq = true;
        if (p == pe || q == qe) return p == pe && q == qe;
        // A blank between two word characters separates tokens.
        if (sp != sq && p > L->src + a->start && q > L->src + b->start) {
            char pc = p[-1 - 0];
            (void)pc;
        }
        if (*p != *q) return false;
        p++;
        q++;
    }
}

// ---------------------------------------------------------------------------
// Others.

// The next ',' at or after from, skipping blanks, comments and closing
// parentheses (of a parenthesized element).
static uint32_t next_comma(const AnLint *L, uint32_t from, uint32_t limit) {
    const char *s = L->src;
    uint32_t p = from;
    while (p < limit) {
        char c = s[p];
        if (c == ',') return p;
        if (c == '/' && p + 1 < limit && s[p + 1] == '/') {
            while (p < limit && s[p] != '\n') p++;
        } else if (c == '/' && p + 1 < limit && s[p + 1] == '*') {
            p += 2;
            while (p + 1 < limit && !(s[p] == '*' && s[p + 1] == '/')) p++;
            p += 2;
        } else {
            p++;
        }
    }
    return UINT32_MAX;
}

static void sparse_arrays(AnLint *L, PsNode *n) {
    const PsList *l = &((PsListNode *)n)->items;
    bool holes = false;
    for (uint32_t i = 0; i < l->count && !holes; i++) holes = l->items[i] == NULL;
    if (!holes) return;
    uint32_t comma = n->start;  // the `[` stands for "no comma yet"
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *e = l->items[i];
        if (i + 1 == l->count && e) return;
        uint32_t from = e ? e->end : comma + 1;
        comma = next_comma(L, from, n->end);
        if (comma == UINT32_MAX) return;
        if (e) continue;
        an_lint_report(L, AN_W_NO_SPARSE_ARRAYS, comma, comma + 1,
                       "Unexpected comma in middle of array: the array has a hole here; write "
                       "`undefined` explicitly if it is meant.");
    }
}

static void async_executor(AnLint *L, PsNode *n) {
    PsCall *c = (PsCall *)n;
    if (!an_is_ident(c->callee, "Promise") || !c->arguments.count) return;
    PsNode *fn = c->arguments.items[0];
    if (!fn || (fn->kind != PS_NODE_FUNCTION_EXPR && fn->kind != PS_NODE_ARROW_FUNCTION) ||
        !(fn->flags & PS_NF_ASYNC))
        return;
    // Report the `async` keyword.
    an_lint_report(L, AN_W_NO_ASYNC_PROMISE_EXECUTOR, fn->start, fn->start + 5,
                   "Promise executor functions should not be async: errors thrown in it are "
                   "lost and the promise never settles; use a plain function.");
}

static void prototype_builtins(AnLint *L, PsNode *n) {
    PsCall *c = (PsCall *)n;
    PsNode *callee = skip_chain(c->callee);
    if (!callee || callee->kind != PS_NODE_MEMBER_EXPR) return;
    static const char *const names[] = {"hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable"};
    PsNode *prop = ((PsMember *)callee)->property;
    bool computed = (callee->flags & PS_NF_COMPUTED) != 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (!an_key_is(prop, computed, names[i])) continue;
        an_lint_report(L, AN_W_NO_PROTOTYPE_BUILTINS, prop->start, prop->end,
                       "Do not access Object.prototype method '%s' from target object: it may "
                       "be shadowed or missing (Object.create(null)); use Object.hasOwn() or "
                       "Object.prototype.%s.call().",
                       names[i], names[i]);
        return;
    }
}

// for-direction: the counter moves away from the bound.
static int static_sign(const PsNode *n) {
    if (!n) return 0;
    if (n->kind == PS_NODE_LITERAL) {
        const PsLiteral *l = (const PsLiteral *)n;
        if (n->op == PS_LIT_NUMBER) return l->u.number > 0 ? 1 : l->u.number < 0 ? -1 : 0;
        if (n->op == PS_LIT_TRUE) return 1;
        if (n->op == PS_LIT_FALSE) return 0;
        if (n->op == PS_LIT_BIGINT) return literal_bool(n) ? 1 : 0;
        return 0;
    }
    if (n->kind == PS_NODE_UNARY_EXPR && (n->op == PS_OP_NEG || n->op == PS_OP_PLUS)) {
        int s = static_sign(((const PsUnary *)n)->arg);
        return n->op == PS_OP_NEG ? -s : s;
    }
    return 0;
}

static bool ident_eq(const PsNode *a, const PsNode *b) {
    return a && b && a->kind == PS_NODE_IDENTIFIER && b->kind == PS_NODE_IDENTIFIER &&
           a->aux == b->aux && memcmp(((const PsIdent *)a)->name, ((const PsIdent *)b)->name, a->aux) == 0;
}

static int update_direction(const PsNode *e, const PsNode *counter) {
    if (e->kind == PS_NODE_UPDATE_EXPR && ident_eq(((const PsUnary *)e)->arg, counter))
        return e->op == PS_OP_INC ? 1 : e->op == PS_OP_DEC ? -1 : 0;
    if (e->kind == PS_NODE_ASSIGN_EXPR && ident_eq(((const PsBinary *)e)->left, counter)) {
        int s = static_sign(((const PsBinary *)e)->right);
        if (e->op == PS_OP_ADD_ASSIGN) return s;
        if (e->op == PS_OP_SUB_ASSIGN) return -s;
    }
    return 0;
}

static void for_direction(AnLint *L, PsNode *n) {
    PsFor *f = (PsFor *)n;
    if (!f->test || f->test->kind != PS_NODE_BINARY_EXPR || !f->update) return;
    PsBinary *t = (PsBinary *)f->test;
    for (int side = 0; side < 2; side++) {
        PsNode *counter = side == 0 ? t->left : t->right;
        if (!counter || counter->kind != PS_NODE_IDENTIFIER) continue;
        int wrong;
        if (t->h.op == PS_OP_LT || t->h.op == PS_OP_LE) wrong = side == 0 ? -1 : 1;
        else if (t->h.op == PS_OP_GT || t->h.op == PS_OP_GE) wrong = side == 0 ? 1 : -1;
        else return;
        // The modifying expressions of the update.
        PsNode *one[1] = {f->update};
        PsNode **items = one;
        uint32_t count = 1;
        if (f->update->kind == PS_NODE_SEQUENCE_EXPR) {
            items = ((PsListNode *)f->update)->items.items;
            count = ((PsListNode *)f->update)->items.count;
        }
        uint32_t mods = 0;
        int total = 0;
        bool all_wrong = true;
        for (uint32_t i = 0; i < count; i++) {
            PsNode *e = items[i];
            if (!e) continue;
            bool modifies = (e->kind == PS_NODE_UPDATE_EXPR && ident_eq(((PsUnary *)e)->arg, counter)) ||
                            (e->kind == PS_NODE_ASSIGN_EXPR && ident_eq(((PsBinary *)e)->left, counter));
            if (!modifies) continue;
            mods++;
            int d = update_direction(e, counter);
            total += d;
            if (d != wrong) all_wrong = false;
        }
        (void)total;
        if (mods && all_wrong) {
            uint32_t end = f->body ? f->body->start : n->end;
            while (end > n->start && L->src[end - 1] != ')') end--;
            an_lint_report(L, AN_W_FOR_DIRECTION, n->start, end,
                           "The update clause in this loop moves the variable in the wrong "
                           "direction: the loop never ends or never runs.");
            return;
        }
    }
}

// no-obj-calls: calling Math, JSON, Reflect, Atomics or Intl.
static const char *non_callable(AnLint *L, PsNode *callee) {
    static const char *const names[] = {"Math", "JSON", "Reflect", "Atomics", "Intl"};
    static const uint8_t lens[] = {4, 4, 7, 7, 4};
    callee = skip_chain(callee);
    if (!callee) return NULL;
    const PsNode *id = NULL;
    if (callee->kind == PS_NODE_IDENTIFIER) {
        // Cheap name test first: the reference lookup is a binary search.
        if (callee->aux != 4 && callee->aux != 7) return NULL;
        bool named = false;
        for (size_t i = 0; i < sizeof names / sizeof names[0] && !named; i++)
            named = callee->aux == lens[i] && memcmp(((PsIdent *)callee)->name, names[i], lens[i]) == 0;
        if (!named) return NULL;
        AnRef *r = an_lint_ref(L, callee);
        if (r && !r->binding) id = callee;
    } else if (callee->kind == PS_NODE_MEMBER_EXPR) {
        PsMember *m = (PsMember *)callee;
        if (an_lint_is_global_ref(L, m->object, "globalThis") ||
            an_lint_is_global_ref(L, m->object, "window") || an_lint_is_global_ref(L, m->object, "self") ||
            an_lint_is_global_ref(L, m->object, "global")) {
            if (!an_lint_global(L, ((PsIdent *)m->object)->name, m->object->aux)) return NULL;
            OchBuf k = {0};
            if (member_name(callee, &k) && k.data)
                for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
                    if (!strcmp(k.data, names[i])) {
                        och_buf_free(&k);
                        return names[i];
                    }
            och_buf_free(&k);
        }
        return NULL;
    }
    if (!id) return NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (an_is_ident(id, names[i]))
            return an_lint_global(L, names[i], (uint32_t)strlen(names[i])) ? names[i] : NULL;
    return NULL;
}

static void obj_calls(AnLint *L, PsNode *n) {
    const char *name = non_callable(L, ((PsCall *)n)->callee);
    if (!name) return;
    an_lint_report(L, AN_W_NO_OBJ_CALLS, n->start, n->end,
                   n->kind == PS_NODE_NEW_EXPR
                       ? "'%s' is not a constructor: it is a namespace object."
                       : "'%s' is not a function: it is a namespace object; call one of its "
                         "methods.",
                   name);
}

static void delete_var(AnLint *L, PsNode *n) {
    if (n->op != PS_OP_DELETE) return;
    PsNode *a = ((PsUnary *)n)->arg;
    if (a && a->kind == PS_NODE_IDENTIFIER)
        an_lint_report(L, AN_W_NO_DELETE_VAR, n->start, n->end,
                       "Variables should not be deleted: `delete` works on properties; assign "
                       "undefined instead.");
}

static void octal(AnLint *L, PsNode *n) {
    if (n->op != PS_LIT_NUMBER || !(n->flags & PS_NF_LEGACY_OCTAL)) return;
    // `08`/`09` (decimal with a leading zero) count as well.
    const char *s = L->src + n->start;
    if (n->end - n->start < 2 || s[0] != '0' || s[1] < '0' || s[1] > '9') return;
    bool octal = true;
    for (uint32_t i = 1; i < n->end - n->start && octal; i++) octal = s[i] >= '0' && s[i] <= '7';
    if (octal)
        an_lint_report(L, AN_W_NO_OCTAL, n->start, n->end,
                       "Octal literals should not be used: write 0o%.*s for an octal number.",
                       (int)(n->end - n->start - 1), s + 1);
    else
        an_lint_report(L, AN_W_NO_OCTAL, n->start, n->end,
                       "Number literals with a leading zero should not be used: write %.*s.",
                       (int)(n->end - n->start - 1), s + 1);
}

// no-nonoctal-decimal-escape: `\8` and `\9` in string literals.
static void nonoctal_escape(AnLint *L, PsNode *n) {
    if (n->op != PS_LIT_STRING) return;
    const char *s = L->src;
    uint32_t end = n->end;
    if (!memchr(s + n->start, '\\', end - n->start)) return;
    bool prev_zero = false;
    for (uint32_t p = n->start + 1; p + 1 < end;) {
        if (s[p] != '\\') {
            p++;
            prev_zero = false;
            continue;
        }
        char e = s[p + 1];
        if (e == '8' || e == '9') {
            uint32_t d = an_lint_report(L, AN_W_NO_NONOCTAL_DECIMAL_ESCAPE, p, p + 2,
                                        "Don't use '\\%c' escape sequence: it means just '%c' "
                                        "(and is an error in strict mode and templates).",
                                        e, e);
            char one[2] = {e, 0};
            if (prev_zero) {
                char rep[16];
                snprintf(rep, sizeof rep, "\\u0000%c", e);
                AnEdit ed = {{p - 2, p + 2}, rep, (uint32_t)strlen(rep)};
                an_lint_fix(L, d, "Replace the escapes with '\\u0000' followed by the digit", true,
                            1, &ed);
            } else {
                an_lint_fix1(L, d, "Replace the escape with the digit (same meaning)", true, p, p + 2,
                             one);
            }
            char bs[4] = {'\\', '\\', e, 0};
            an_lint_fix1(L, d, "Escape the backslash to include it in the string", true, p, p + 2, bs);
        }
        prev_zero = e == '0';
        p += 2;
    }
}

// Stack of pending constant loops (no-constant-condition).
static ConstLoopVec *const_loops(AnLint *L) {
    if (!L->const_loops) L->const_loops = och_calloc(1, sizeof(ConstLoopVec));
    return (ConstLoopVec *)L->const_loops;
}

void an_lint_expr_free(AnLint *L) {
    if (!L->const_loops) return;
    ConstLoopVec *v = L->const_loops;
    och_vec_free(v);
    och_free(v);
    L->const_loops = NULL;
}

void an_lint_register_expr2(AnLint *L);
void an_lint_register_expr3(AnLint *L);

void an_lint_register_expr(AnLint *L) {
    an_lint_register_expr2(L);
    an_lint_register_expr3(L);
    if (on(L, AN_W_NO_CONSTANT_CONDITION)) {
        an_lint_on(L, PS_NODE_IF_STMT, const_if);
        an_lint_on(L, PS_NODE_CONDITIONAL_EXPR, const_if);
        an_lint_on(L, PS_NODE_WHILE_STMT, const_loop_enter);
        an_lint_on(L, PS_NODE_DO_WHILE_STMT, const_loop_enter);
        an_lint_on(L, PS_NODE_FOR_STMT, const_loop_enter);
        an_lint_on_leave(L, PS_NODE_WHILE_STMT, const_loop_leave);
        an_lint_on_leave(L, PS_NODE_DO_WHILE_STMT, const_loop_leave);
        an_lint_on_leave(L, PS_NODE_FOR_STMT, const_loop_leave);
        an_lint_on(L, PS_NODE_YIELD_EXPR, const_yield);
    }
    if (on(L, AN_W_NO_COND_ASSIGN)) {
        if (L->o.cond_always) {
            an_lint_on(L, PS_NODE_ASSIGN_EXPR, cond_assign_always);
        } else {
            an_lint_on(L, PS_NODE_IF_STMT, cond_assign_test);
            an_lint_on(L, PS_NODE_WHILE_STMT, cond_assign_test);
            an_lint_on(L, PS_NODE_DO_WHILE_STMT, cond_assign_test);
            an_lint_on(L, PS_NODE_FOR_STMT, cond_assign_test);
            an_lint_on(L, PS_NODE_CONDITIONAL_EXPR, cond_assign_test);
        }
    }
    if (on(L, AN_W_VALID_TYPEOF)) an_lint_on(L, PS_NODE_BINARY_EXPR, valid_typeof);
    if (on(L, AN_W_USE_ISNAN)) {
        an_lint_on(L, PS_NODE_BINARY_EXPR, use_isnan_binary);
        if (L->o.isnan_switch_case) an_lint_on(L, PS_NODE_SWITCH_STMT, use_isnan_switch);
        if (L->o.isnan_index_of) an_lint_on(L, PS_NODE_CALL_EXPR, use_isnan_call);
    }
    if (on(L, AN_W_NO_COMPARE_NEG_ZERO)) an_lint_on(L, PS_NODE_BINARY_EXPR, neg_zero);
    if (on(L, AN_W_NO_SELF_COMPARE)) an_lint_on(L, PS_NODE_BINARY_EXPR, self_compare);
    if (on(L, AN_W_NO_UNSAFE_NEGATION)) an_lint_on(L, PS_NODE_BINARY_EXPR, unsafe_negation);
    if (on(L, AN_W_NO_SELF_ASSIGN)) an_lint_on(L, PS_NODE_ASSIGN_EXPR, self_assign);
    if (on(L, AN_W_NO_SPARSE_ARRAYS)) an_lint_on(L, PS_NODE_ARRAY_EXPR, sparse_arrays);
    if (on(L, AN_W_NO_ASYNC_PROMISE_EXECUTOR)) an_lint_on(L, PS_NODE_NEW_EXPR, async_executor);
    if (on(L, AN_W_NO_PROTOTYPE_BUILTINS)) an_lint_on(L, PS_NODE_CALL_EXPR, prototype_builtins);
    if (on(L, AN_W_FOR_DIRECTION)) an_lint_on(L, PS_NODE_FOR_STMT, for_direction);
    if (on(L, AN_W_NO_OBJ_CALLS)) {
        an_lint_on(L, PS_NODE_CALL_EXPR, obj_calls);
        an_lint_on(L, PS_NODE_NEW_EXPR, obj_calls);
    }
    if (on(L, AN_W_NO_DELETE_VAR)) an_lint_on(L, PS_NODE_UNARY_EXPR, delete_var);
    if (on(L, AN_W_NO_OCTAL)) an_lint_on(L, PS_NODE_LITERAL, octal);
    if (on(L, AN_W_NO_NONOCTAL_DECIMAL_ESCAPE)) an_lint_on(L, PS_NODE_LITERAL, nonoctal_escape);
}

// ---------------------------------------------------------------------------
// no-loss-of-precision: a number literal whose written digits the stored
// double does not reproduce (ESLint's algorithm on the raw text).

typedef struct SciNum {
    char digits[128];  // significant digits ("coefficient")
    uint32_t n;
    long magnitude;
    bool too_long;
} SciNum;

// ESLint's convertNumberToScientificNotation on a raw decimal string.
static void sci_from_decimal(const char *s, uint32_t len, bool as_float, SciNum *out) {
    uint32_t e = 0;
    while (e < len && s[e] != 'e') e++;
    const char *c = s;
    uint32_t cl = e;
    bool has_dot = memchr(s, '.', len) != NULL;
    out->n = 0;
    out->too_long = false;
    // Leading zeros go.
    uint32_t i = 0;
    while (i < cl && c[i] == '0') i++;
    if (as_float || has_dot) {
        const char *t = c + i;
        uint32_t tl = cl - i;
        const char *dot = memchr(t, '.', tl);
        if (dot == t) {
            uint32_t k = 1;
            while (k < tl && t[k] == '0') k++;
            for (uint32_t m = k; m < tl; m++) {
                if (out->n < sizeof out->digits) out->digits[out->n++] = t[m];
                else out->too_long = true;
            }
            out->magnitude = (long)(tl - k) - (long)tl;
        } else if (!dot) {
            for (uint32_t m = 0; m < tl; m++) {
                if (out->n < sizeof out->digits) out->digits[out->n++] = t[m];
                else out->too_long = true;
            }
            out->magnitude = (long)tl - 1;
        } else {
            for (uint32_t m = 0; m < tl; m++) {
                if (t[m] == '.') continue;
                if (out->n < sizeof out->digits) out->digits[out->n++] = t[m];
                else out->too_long = true;
            }
            out->magnitude = (long)(dot - t) - 1;
        }
    } else {
        uint32_t tl = cl - i;
        uint32_t sig = tl;
        while (sig > 0 && c[i + sig - 1] == '0') sig--;
        for (uint32_t m = 0; m < sig; m++) {
            if (out->n < sizeof out->digits) out->digits[out->n++] = c[i + m];
            else out->too_long = true;
        }
        out->magnitude = (long)tl - 1;
    }
    if (e < len) out->magnitude += strtol(s + e + 1, NULL, 10);
}

static bool loses_precision(const AnLint *L, const PsNode *n) {
    double value = ((const PsLiteral *)n)->u.number;
    char raw[160];
    uint32_t rl = 0;
    for (uint32_t p = n->start; p < n->end; p++) {
        char c = L->src[p];
        if (c == '_') continue;
        if (rl + 1 >= sizeof raw) return false;  // absurdly long: leave alone
        raw[rl++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
    }
    raw[rl] = 0;
    bool legacy_octal = rl >= 2 && raw[0] == '0';
    for (uint32_t i = 1; i < rl && legacy_octal; i++) legacy_octal = raw[i] >= '0' && raw[i] <= '7';
    int base = 10;
    if (rl > 2 && raw[0] == '0' && (raw[1] == 'x' || raw[1] == 'b' || raw[1] == 'o'))
        base = raw[1] == 'x' ? 16 : raw[1] == 'b' ? 2 : 8;
    else if (legacy_octal)
        base = 8;
    if (base != 10) {
        // Integers below 2^53 are exact.
        if (value >= 0 && value < 9007199254740992.0) return false;
        // The raw digits must end with the value written in that base
        // (exact for integers: bases are powers of two).
        if (!(value >= 0) || isinf(value)) return true;
        char digs[1100];
        uint32_t nd = 0;
        int bits = base == 16 ? 4 : base == 8 ? 3 : 1;
        // value = m * 2^ex with m < 2^53 integer.
        int ex;
        double m = frexp(value, &ex);  // value = m * 2^ex, 0.5 <= m < 1
        uint64_t mant = (uint64_t)ldexp(m, 53);
        ex -= 53;
        // Binary digits, least significant first.
        uint8_t bin[1100];
        uint32_t nb = 0;
        if (value == 0) bin[nb++] = 0;
        else {
            while (ex < 0 && !(mant & 1)) mant >>= 1, ex++;
            for (int z = 0; z < ex && nb < sizeof bin; z++) bin[nb++] = 0;
            while (mant && nb < sizeof bin) bin[nb++] = mant & 1, mant >>= 1;
        }
        for (uint32_t i = 0; i < nb; i += (uint32_t)bits) {
            int d = 0;
            for (int b = bits - 1; b >= 0; b--)
                d = d * 2 + ((i + (uint32_t)b) < nb ? bin[i + (uint32_t)b] : 0);
            if (nd < sizeof digs) digs[nd++] = "0123456789abcdef"[d];
        }
        while (nd > 1 && digs[nd - 1] == '0') nd--;
        // digs is least significant first; compare with the raw tail.
        if (nd > rl) return true;
        for (uint32_t i = 0; i < nd; i++)
            if (raw[rl - 1 - i] != digs[i]) return true;
        return false;
    }
    // Base ten: drop a '.' before 'e' or at the end.
    char r2[160];
    uint32_t r2l = 0;
    for (uint32_t i = 0; i < rl; i++) {
        if (raw[i] == '.' && (i + 1 == rl || raw[i + 1] == 'e')) continue;
        r2[r2l++] = raw[i];
    }
    r2[r2l] = 0;  // the exponent is read with strtol
    SciNum a;
    sci_from_decimal(r2, r2l, false, &a);
    if (value == 0) {
        for (uint32_t i = 0; i < a.n; i++)
            if (a.digits[i] != '0') return true;
        return false;
    }
    if (a.too_long || a.n > 100) return true;
    if (a.n == 0) return false;
    // Up to 15 significant digits survive the round trip through a double
    // (DBL_DIG) in the normal range: no need to print the value.
    if (a.n <= 15 && a.magnitude > -300 && a.magnitude < 300) return false;
    char stored[160];
    int sl = snprintf(stored, sizeof stored, "%.*e", (int)a.n - 1, value);
    if (sl <= 0 || (size_t)sl >= sizeof stored) return false;
    // "d.ddde+XX" -> digits and magnitude.
    SciNum b;
    b.n = 0;
    const char *p = stored;
    while (*p && *p != 'e') {
        if (*p >= '0' && *p <= '9') b.digits[b.n++] = *p;
        p++;
    }
    b.magnitude = *p == 'e' ? strtol(p + 1, NULL, 10) : 0;
    return a.magnitude != b.magnitude || a.n != b.n || memcmp(a.digits, b.digits, a.n) != 0;
}

static void loss_of_precision(AnLint *L, PsNode *n) {
    if (n->op != PS_LIT_NUMBER) return;
    // Fast path: up to 15 plain digits (and a dot) round-trip exactly.
    if (n->end - n->start <= 15) {
        bool plain = true;
        for (uint32_t p = n->start; p < n->end && plain; p++) {
            char c = L->src[p];
            plain = (c >= '0' && c <= '9') || c == '.';
        }
        if (plain && !(L->src[n->start] == '0' && n->end - n->start > 1 && L->src[n->start + 1] != '.'))
            return;
    }
    if (!loses_precision(L, n)) return;
    an_lint_report(L, AN_W_NO_LOSS_OF_PRECISION, n->start, n->end,
                   "This number literal will lose precision at runtime: the stored value is not "
                   "the number written.");
}

// ---------------------------------------------------------------------------
// no-unsafe-optional-chaining.

bool an_opts_no_unsafe_optional_chaining(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"disallowArithmeticOperators", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "disallowArithmeticOperators", &L->o.optchain_arith, err);
}

static void chain_check(AnLint *L, const PsNode *n, bool arith) {
    if (!n) return;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_LOGICAL_EXPR: {
        const PsBinary *b = (const PsBinary *)n;
        if (n->op == PS_OP_OR || n->op == PS_OP_NULLISH) {
            chain_check(L, b->right, arith);
        } else {
            chain_check(L, b->left, arith);
            chain_check(L, b->right, arith);
        }
        return;
    }
    case PS_NODE_SEQUENCE_EXPR: {
        const PsList *l = &((const PsListNode *)n)->items;
        if (l->count) chain_check(L, l->items[l->count - 1], arith);
        return;
    }
    case PS_NODE_CONDITIONAL_EXPR:
        chain_check(L, ((const PsConditional *)n)->consequent, arith);
        chain_check(L, ((const PsConditional *)n)->alternate, arith);
        return;
    case PS_NODE_AWAIT_EXPR:
        chain_check(L, ((const PsUnary *)n)->arg, arith);
        return;
    case PS_NODE_CHAIN_EXPR:
        if (arith)
            an_lint_report(L, AN_W_NO_UNSAFE_OPTIONAL_CHAINING, n->start, n->end,
                           "Unsafe arithmetic operation on optional chaining. It can result in NaN.");
        else
            an_lint_report(L, AN_W_NO_UNSAFE_OPTIONAL_CHAINING, n->start, n->end,
                           "Unsafe usage of optional chaining. If it short-circuits with "
                           "'undefined' the evaluation will throw TypeError.");
        return;
    default:
        return;
    }
}

static bool is_pattern(const PsNode *n) {
    return n && (n->kind == PS_NODE_OBJECT_PATTERN || n->kind == PS_NODE_ARRAY_PATTERN);
}

static bool arith_op(uint8_t op) {
    return op == PS_OP_ADD || op == PS_OP_SUB || op == PS_OP_DIV || op == PS_OP_MUL ||
           op == PS_OP_MOD || op == PS_OP_EXP;
}

static void optchain(AnLint *L, PsNode *n) {
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_ASSIGN_EXPR: {
        PsBinary *b = (PsBinary *)n;
        if (is_pattern(b->left)) chain_check(L, b->right, false);
        if (L->o.optchain_arith && (n->op == PS_OP_ADD_ASSIGN || n->op == PS_OP_SUB_ASSIGN ||
                                    n->op == PS_OP_DIV_ASSIGN || n->op == PS_OP_MUL_ASSIGN ||
                                    n->op == PS_OP_MOD_ASSIGN || n->op == PS_OP_EXP_ASSIGN))
            chain_check(L, b->right, true);
        return;
    }
    case PS_NODE_ASSIGN_PATTERN: {
        PsBinary *b = (PsBinary *)n;
        if (is_pattern(b->left)) chain_check(L, b->right, false);
        return;
    }
    case PS_NODE_CLASS_DECL: case PS_NODE_CLASS_EXPR:
        chain_check(L, ((PsClass *)n)->super_class, false);
        return;
    case PS_NODE_CALL_EXPR:
        if (!(n->flags & PS_NF_OPTIONAL)) chain_check(L, ((PsCall *)n)->callee, false);
        return;
    case PS_NODE_NEW_EXPR:
        chain_check(L, ((PsCall *)n)->callee, false);
        return;
    case PS_NODE_VAR_DECLARATOR:
        if (is_pattern(((PsVarDeclarator *)n)->id)) chain_check(L, ((PsVarDeclarator *)n)->init, false);
        return;
    case PS_NODE_MEMBER_EXPR:
        if (!(n->flags & PS_NF_OPTIONAL)) chain_check(L, ((PsMember *)n)->object, false);
        return;
    case PS_NODE_TAGGED_TEMPLATE:
        chain_check(L, ((PsTaggedTemplate *)n)->tag, false);
        return;
    case PS_NODE_FOR_OF_STMT:
        chain_check(L, ((PsForIn *)n)->right, false);
        return;
    case PS_NODE_SPREAD_ELEMENT: {
        PsNode *p = an_lint_parent(L, 0);
        if (p && p->kind != PS_NODE_OBJECT_EXPR) chain_check(L, ((PsUnary *)n)->arg, false);
        return;
    }
    case PS_NODE_YIELD_EXPR:
        if (n->flags & PS_NF_DELEGATE) chain_check(L, ((PsUnary *)n)->arg, false);
        return;
    case PS_NODE_BINARY_EXPR: {
        PsBinary *b = (PsBinary *)n;
        if (n->op == PS_OP_IN || n->op == PS_OP_INSTANCEOF) chain_check(L, b->right, false);
        if (L->o.optchain_arith && arith_op(n->op)) {
            chain_check(L, b->right, true);
            chain_check(L, b->left, true);
        }
        return;
    }
    case PS_NODE_WITH_STMT:
        chain_check(L, ((PsWith *)n)->object, false);
        return;
    case PS_NODE_UNARY_EXPR:
        if (L->o.optchain_arith && (n->op == PS_OP_NEG || n->op == PS_OP_PLUS))
            chain_check(L, ((PsUnary *)n)->arg, true);
        return;
    default:
        return;
    }
}

void an_lint_register_expr2(AnLint *L) {
    if (on(L, AN_W_NO_LOSS_OF_PRECISION)) an_lint_on(L, PS_NODE_LITERAL, loss_of_precision);
    if (on(L, AN_W_NO_UNSAFE_OPTIONAL_CHAINING)) {
        static const PsNodeKind kinds[] = {
            PS_NODE_ASSIGN_EXPR, PS_NODE_ASSIGN_PATTERN, PS_NODE_CLASS_DECL, PS_NODE_CLASS_EXPR,
            PS_NODE_CALL_EXPR, PS_NODE_NEW_EXPR, PS_NODE_VAR_DECLARATOR, PS_NODE_MEMBER_EXPR,
            PS_NODE_TAGGED_TEMPLATE, PS_NODE_FOR_OF_STMT, PS_NODE_SPREAD_ELEMENT,
            PS_NODE_YIELD_EXPR, PS_NODE_BINARY_EXPR, PS_NODE_WITH_STMT, PS_NODE_UNARY_EXPR};
        for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) an_lint_on(L, kinds[i], optchain);
    }
}

// ---------------------------------------------------------------------------
// no-constant-binary-expression.

bool an_opts_no_constant_binary_expression(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"checkRelationalComparisons", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "checkRelationalComparisons", &L->o.cbe_relational, err);
}

static const PsNode *last_of_sequence(const PsNode *n) {
    const PsList *l = &((const PsListNode *)n)->items;
    return l->count ? l->items[l->count - 1] : NULL;
}

static bool is_global_named(AnLint *L, const PsNode *id, const char *name) {
    return an_is_ident(id, name) && global_ref(L, id);
}

static bool null_or_undefined(AnLint *L, const PsNode *n) {
    return (n->kind == PS_NODE_LITERAL && n->op == PS_LIT_NULL) || is_global_named(L, n, "undefined") ||
           (n->kind == PS_NODE_UNARY_EXPR && n->op == PS_OP_VOID);
}

static bool constant_nullishness(AnLint *L, const PsNode *n, bool non_nullish) {
    if (!n) return false;
    if (non_nullish && null_or_undefined(L, n)) return false;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_OBJECT_EXPR: case PS_NODE_ARRAY_EXPR: case PS_NODE_ARROW_FUNCTION:
    case PS_NODE_FUNCTION_EXPR: case PS_NODE_CLASS_EXPR: case PS_NODE_NEW_EXPR: case PS_NODE_LITERAL:
    case PS_NODE_TEMPLATE_LITERAL: case PS_NODE_UPDATE_EXPR: case PS_NODE_BINARY_EXPR:
    case PS_NODE_UNARY_EXPR:
        return true;
    case PS_NODE_CALL_EXPR: {
        const PsNode *c = ((const PsCall *)n)->callee;
        return (is_global_named(L, c, "Boolean") || is_global_named(L, c, "String") ||
                is_global_named(L, c, "Number") || is_global_named(L, c, "Symbol") ||
                is_global_named(L, c, "BigInt"));
    }
    case PS_NODE_LOGICAL_EXPR:
        return n->op == PS_OP_NULLISH && constant_nullishness(L, ((const PsBinary *)n)->right, true);
    case PS_NODE_ASSIGN_EXPR:
        if (n->op == PS_OP_ASSIGN) return constant_nullishness(L, ((const PsBinary *)n)->right, non_nullish);
        return !(n->op == PS_OP_AND_ASSIGN || n->op == PS_OP_OR_ASSIGN || n->op == PS_OP_NULLISH_ASSIGN);
    case PS_NODE_SEQUENCE_EXPR:
        return constant_nullishness(L, last_of_sequence(n), non_nullish);
    case PS_NODE_IDENTIFIER:
        return is_global_named(L, n, "undefined");
    default:
        return false;
    }
}

static bool boolean_call_constant(AnLint *L, const PsNode *n) {
    const PsCall *c = (const PsCall *)n;
    return is_global_named(L, c->callee, "Boolean") &&
           (c->arguments.count == 0 || is_constant(L, c->arguments.items[0], true));
}

static bool static_boolean(AnLint *L, const PsNode *n) {
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_LITERAL: return n->op == PS_LIT_TRUE || n->op == PS_LIT_FALSE;
    case PS_NODE_CALL_EXPR: return boolean_call_constant(L, n);
    case PS_NODE_UNARY_EXPR: return n->op == PS_OP_NOT && is_constant(L, ((const PsUnary *)n)->arg, true);
    default: return false;
    }
}

static bool loose_boolean_comparison(AnLint *L, const PsNode *n) {
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_OBJECT_EXPR: case PS_NODE_CLASS_EXPR: case PS_NODE_ARROW_FUNCTION:
    case PS_NODE_FUNCTION_EXPR: case PS_NODE_LITERAL:
        return true;
    case PS_NODE_ARRAY_EXPR: {
        const PsList *l = &((const PsListNode *)n)->items;
        uint32_t non_spread = 0;
        for (uint32_t i = 0; i < l->count; i++)
            non_spread += l->items[i] && l->items[i]->kind != PS_NODE_SPREAD_ELEMENT;
        return l->count == 0 || non_spread > 1;
    }
    case PS_NODE_UNARY_EXPR:
        if (n->op == PS_OP_VOID || n->op == PS_OP_TYPEOF) return true;
        if (n->op == PS_OP_NOT) return is_constant(L, ((const PsUnary *)n)->arg, true);
        return false;
    case PS_NODE_CALL_EXPR:
        return is_global_named(L, ((const PsCall *)n)->callee, "Boolean") && boolean_call_constant(L, n);
    case PS_NODE_IDENTIFIER:
        return is_global_named(L, n, "undefined");
    case PS_NODE_TEMPLATE_LITERAL:
        return ((const PsTemplate *)n)->expressions.count == 0;
    case PS_NODE_ASSIGN_EXPR:
        return n->op == PS_OP_ASSIGN && loose_boolean_comparison(L, ((const PsBinary *)n)->right);
    case PS_NODE_SEQUENCE_EXPR: {
        const PsNode *last = last_of_sequence(n);
        return last && loose_boolean_comparison(L, last);
    }
    default:
        return false;
    }
}

static bool strict_boolean_comparison(AnLint *L, const PsNode *n) {
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_OBJECT_EXPR: case PS_NODE_ARRAY_EXPR: case PS_NODE_ARROW_FUNCTION:
    case PS_NODE_FUNCTION_EXPR: case PS_NODE_CLASS_EXPR: case PS_NODE_NEW_EXPR:
    case PS_NODE_TEMPLATE_LITERAL: case PS_NODE_LITERAL: case PS_NODE_UPDATE_EXPR:
        return true;
    case PS_NODE_BINARY_EXPR:
        switch ((PsOp)n->op) {
        case PS_OP_ADD: case PS_OP_SUB: case PS_OP_MUL: case PS_OP_DIV: case PS_OP_MOD:
        case PS_OP_BITOR: case PS_OP_BITXOR: case PS_OP_BITAND: case PS_OP_EXP: case PS_OP_SHL:
        case PS_OP_SAR: case PS_OP_SHR:
            return true;
        default:
            return false;
        }
    case PS_NODE_UNARY_EXPR:
        if (n->op == PS_OP_DELETE) return false;
        if (n->op == PS_OP_NOT) return is_constant(L, ((const PsUnary *)n)->arg, true);
        return true;
    case PS_NODE_SEQUENCE_EXPR: {
        const PsNode *last = last_of_sequence(n);
        return last && strict_boolean_comparison(L, last);
    }
    case PS_NODE_IDENTIFIER:
        return is_global_named(L, n, "undefined");
    case PS_NODE_ASSIGN_EXPR:
        if (n->op == PS_OP_ASSIGN) return strict_boolean_comparison(L, ((const PsBinary *)n)->right);
        return !(n->op == PS_OP_AND_ASSIGN || n->op == PS_OP_OR_ASSIGN || n->op == PS_OP_NULLISH_ASSIGN);
    case PS_NODE_CALL_EXPR: {
        const PsNode *c = ((const PsCall *)n)->callee;
        if (is_global_named(L, c, "String") || is_global_named(L, c, "Number") ||
            is_global_named(L, c, "BigInt") || is_global_named(L, c, "Symbol"))
            return true;
        return is_global_named(L, c, "Boolean") && boolean_call_constant(L, n);
    }
    default:
        return false;
    }
}

static bool always_new(AnLint *L, const PsNode *n) {
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_OBJECT_EXPR: case PS_NODE_ARRAY_EXPR: case PS_NODE_ARROW_FUNCTION:
    case PS_NODE_FUNCTION_EXPR: case PS_NODE_CLASS_EXPR:
        return true;
    case PS_NODE_NEW_EXPR: {
        const PsNode *c = ((const PsCall *)n)->callee;
        if (!c || c->kind != PS_NODE_IDENTIFIER) return false;
        AnRef *r = an_lint_ref(L, c);
        if (!r || r->binding) return false;
        const AnGlobalDef *g = an_lint_global(L, ((const PsIdent *)c)->name, c->aux);
        return g && g->builtin;
    }
    case PS_NODE_LITERAL:
        return n->op == PS_LIT_REGEX;
    case PS_NODE_SEQUENCE_EXPR: {
        const PsNode *last = last_of_sequence(n);
        return last && always_new(L, last);
    }
    case PS_NODE_ASSIGN_EXPR:
        return n->op == PS_OP_ASSIGN && always_new(L, ((const PsBinary *)n)->right);
    case PS_NODE_CONDITIONAL_EXPR:
        return always_new(L, ((const PsConditional *)n)->consequent) &&
               always_new(L, ((const PsConditional *)n)->alternate);
    default:
        return false;
    }
}

static const PsNode *constant_operand(AnLint *L, const PsNode *a, const PsNode *b, uint8_t op) {
    if (op == PS_OP_EQ || op == PS_OP_NE) {
        if ((null_or_undefined(L, a) && constant_nullishness(L, b, false)) ||
            (static_boolean(L, a) && loose_boolean_comparison(L, b)))
            return b;
    } else if (op == PS_OP_SEQ || op == PS_OP_SNE) {
        if ((null_or_undefined(L, a) && constant_nullishness(L, b, false)) ||
            (static_boolean(L, a) && strict_boolean_comparison(L, b)))
            return b;
    }
    return NULL;
}

static bool static_literal(AnLint *L, const PsNode *n) {
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_LITERAL: return true;
    case PS_NODE_UNARY_EXPR:
        return (n->op == PS_OP_NEG || n->op == PS_OP_PLUS || n->op == PS_OP_BITNOT) &&
               ((const PsUnary *)n)->arg && ((const PsUnary *)n)->arg->kind == PS_NODE_LITERAL;
    case PS_NODE_IDENTIFIER: return is_global_named(L, n, "undefined");
    case PS_NODE_TEMPLATE_LITERAL: return ((const PsTemplate *)n)->expressions.count == 0;
    default: return false;
    }
}

static void cbe_logical(AnLint *L, PsNode *n) {
    const PsNode *left = ((PsBinary *)n)->left;
    if (!left) return;
    if ((n->op == PS_OP_AND || n->op == PS_OP_OR) && is_constant(L, left, true))
        an_lint_report(L, AN_W_NO_CONSTANT_BINARY_EXPRESSION, left->start, left->end,
                       "Unexpected constant truthiness on the left-hand side of a `%s` expression: "
                       "the right side %s.",
                       ps_op_text((PsOp)n->op), "always or never runs");
    else if (n->op == PS_OP_NULLISH && constant_nullishness(L, left, false))
        an_lint_report(L, AN_W_NO_CONSTANT_BINARY_EXPRESSION, left->start, left->end,
                       "Unexpected constant nullishness on the left-hand side of a `??` "
                       "expression: the right side always or never runs.");
}

static void cbe_binary(AnLint *L, PsNode *n) {
    const PsBinary *b = (const PsBinary *)n;
    if (!b->left || !b->right || b->left->kind == PS_NODE_PRIVATE_IDENTIFIER) return;
    const PsNode *r = constant_operand(L, b->left, b->right, n->op);
    const PsNode *l = r ? NULL : constant_operand(L, b->right, b->left, n->op);
    if (r || l) {
        const PsNode *at = r ? r : l;
        an_lint_report(L, AN_W_NO_CONSTANT_BINARY_EXPRESSION, at->start, at->end,
                       "Unexpected constant binary expression. Compares constantly with the "
                       "%s-hand side of the `%s`.",
                       r ? "left" : "right", ps_op_text((PsOp)n->op));
    } else if (n->op == PS_OP_SEQ || n->op == PS_OP_SNE) {
        const PsNode *at = always_new(L, b->left) ? b->left : always_new(L, b->right) ? b->right : NULL;
        if (at)
            an_lint_report(L, AN_W_NO_CONSTANT_BINARY_EXPRESSION, at->start, at->end,
                           "Unexpected comparison to newly constructed object. These two values "
                           "can never be equal.");
    } else if (n->op == PS_OP_EQ || n->op == PS_OP_NE) {
        if (always_new(L, b->left) && always_new(L, b->right))
            an_lint_report(L, AN_W_NO_CONSTANT_BINARY_EXPRESSION, b->left->start, b->left->end,
                           "Unexpected comparison of two newly constructed objects. These two "
                           "values can never be equal.");
    } else if (L->o.cbe_relational && is_relational(n->op) && static_literal(L, b->left) &&
               static_literal(L, b->right)) {
        an_lint_report(L, AN_W_NO_CONSTANT_BINARY_EXPRESSION, n->start, n->end,
                       "Unexpected constant relational comparison. Both sides of the `%s` are "
                       "literal values.",
                       ps_op_text((PsOp)n->op));
    }
}

void an_lint_register_expr3(AnLint *L) {
    if (on(L, AN_W_NO_CONSTANT_BINARY_EXPRESSION)) {
        an_lint_on(L, PS_NODE_LOGICAL_EXPR, cbe_logical);
        an_lint_on(L, PS_NODE_BINARY_EXPR, cbe_binary);
    }
}
