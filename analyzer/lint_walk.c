// The lint walk: one pre-order pass over the tree that calls the hooks the
// enabled rules registered per node kind (with the node's ancestors on a
// stack), records erroneous statements and literal spans, and tracks
// reachability of statements the way ESLint's code path analysis does, for
// no-unreachable, no-fallthrough and getter-return:
// - return, throw, break and continue end the current path; `if` joins its
//   branches; a loop whose test is missing or a truthy literal exits only
//   through `break`; a switch exits from its last case, a break, or the
//   discriminant when it has no `default`;
// - a catch clause is reachable when its try block reaches a point that
//   may throw (an identifier reference, call, `new`, member access,
//   `import()` or `throw`) or its end; a finally block when anything of
//   the try statement reaches it, including paths that return or throw
//   through it; code after a try statement only through normal completion;
// - only literals count as constant tests (as in ESLint): `while (1)` is
//   infinite, `while (x === x)` is not, and `if (false)` has two branches.
#include "lint_int.h"

// Statement kinds no-unreachable reports (ESLint's list).
static bool unreach_kind(const PsNode *n) {
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_BLOCK:
    case PS_NODE_BREAK_STMT:
    case PS_NODE_CLASS_DECL:
    case PS_NODE_CONTINUE_STMT:
    case PS_NODE_DEBUGGER_STMT:
    case PS_NODE_DO_WHILE_STMT:
    case PS_NODE_EXPRESSION_STMT:
    case PS_NODE_FOR_IN_STMT:
    case PS_NODE_FOR_OF_STMT:
    case PS_NODE_FOR_STMT:
    case PS_NODE_IF_STMT:
    case PS_NODE_LABELED_STMT:
    case PS_NODE_RETURN_STMT:
    case PS_NODE_SWITCH_STMT:
    case PS_NODE_THROW_STMT:
    case PS_NODE_TRY_STMT:
    case PS_NODE_WHILE_STMT:
    case PS_NODE_WITH_STMT:
    case PS_NODE_EXPORT_NAMED_DECL:
    case PS_NODE_EXPORT_DEFAULT_DECL:
    case PS_NODE_EXPORT_ALL_DECL:
        return true;
    case PS_NODE_VAR_DECL: {
        if (n->op != PS_VAR_VAR) return true;
        const PsList *l = &((const PsListNode *)n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            const PsNode *d = l->items[i];
            if (d && d->kind == PS_NODE_VAR_DECLARATOR && ((const PsVarDeclarator *)d)->init)
                return true;
        }
        return false;
    }
    default:
        return false;
    }
}

static bool stmt_kind(uint8_t kind) {
    switch ((PsNodeKind)kind) {
    case PS_NODE_EXPRESSION_STMT: case PS_NODE_BLOCK: case PS_NODE_EMPTY_STMT:
    case PS_NODE_DEBUGGER_STMT: case PS_NODE_WITH_STMT: case PS_NODE_RETURN_STMT:
    case PS_NODE_LABELED_STMT: case PS_NODE_BREAK_STMT: case PS_NODE_CONTINUE_STMT:
    case PS_NODE_IF_STMT: case PS_NODE_SWITCH_STMT: case PS_NODE_THROW_STMT:
    case PS_NODE_TRY_STMT: case PS_NODE_WHILE_STMT: case PS_NODE_DO_WHILE_STMT:
    case PS_NODE_FOR_STMT: case PS_NODE_FOR_IN_STMT: case PS_NODE_FOR_OF_STMT:
    case PS_NODE_FUNCTION_DECL: case PS_NODE_VAR_DECL: case PS_NODE_CLASS_DECL:
    case PS_NODE_ERROR: case PS_NODE_IMPORT_DECL: case PS_NODE_EXPORT_NAMED_DECL:
    case PS_NODE_EXPORT_DEFAULT_DECL: case PS_NODE_EXPORT_ALL_DECL: case PS_NODE_SWITCH_CASE:
    case PS_NODE_METHOD_DEF: case PS_NODE_PROPERTY_DEF: case PS_NODE_ACCESSOR_PROPERTY:
    case PS_NODE_STATIC_BLOCK:
        return true;
    default:
        return false;
    }
}

// ---------------------------------------------------------------------------
// no-unreachable: consecutive unreachable statements make one finding.

static void unreach_flush(AnLint *L) {
    if (!L->unreach_open) return;
    L->unreach_open = false;
    an_lint_report(L, AN_W_NO_UNREACHABLE, L->unreach_start, L->unreach_end,
                   "Unreachable code: no path of execution reaches this statement; remove it, or "
                   "fix the return, throw, break or continue before it.");
}

// Called for each statement of the reported kinds, in pre-order.
static void unreach_check(AnLint *L, PsNode *n, bool dead) {
    if (!dead) {
        unreach_flush(L);
        return;
    }
    if (L->unreach_open) {
        if (n->start >= L->unreach_start && n->end <= L->unreach_end) return;  // nested
        // Consecutive: nothing but blanks and comments since the range's end.
        if (n->start >= L->unreach_end &&
            an_lint_comments_in_gap(L, L->unreach_end, n->start, NULL, NULL)) {
            L->unreach_end = n->end;
            return;
        }
        unreach_flush(L);
    }
    L->unreach_open = true;
    L->unreach_start = n->start;
    L->unreach_end = n->end;
}

// ---------------------------------------------------------------------------
// The walk.

static void grow_stack(AnLint *L) {
    L->cap = L->cap ? L->cap * 2 : 256;
    L->stack = och_realloc(L->stack, L->cap * sizeof *L->stack);
}

static inline void push(AnLint *L, PsNode *n) {
    if (OCH_UNLIKELY(L->depth == L->cap)) grow_stack(L);
    L->stack[L->depth++] = n;
}

// The walk is split for speed (it runs once per node): visit, inlined at
// every call site, handles the null and hookless-leaf cases (about half of
// all nodes) without a call; visit_node the hooks and the common
// expression kinds with a small frame; children the statements that change
// reachability (big frame, rarer).
static void visit_node(AnLint *L, PsNode *n, uint8_t kf);
static void leaf(AnLint *L, PsNode *n);

static inline void visit(AnLint *L, PsNode *n) {
    if (!n) return;
    uint8_t kf = L->kind_flags[n->kind];
    if (kf & AN_KF_LEAF) {
        if (n->kind == PS_NODE_IDENTIFIER ? L->flow->tries != NULL : L->literal_work) leaf(L, n);
        return;
    }
    visit_node(L, n, kf);
}

static void visit_list(AnLint *L, const PsList *l) {
    for (uint32_t i = 0; i < l->count; i++)
        if (l->items[i]) visit(L, l->items[i]);
}

static bool visit_cb(PsNode *child, void *ctx) {
    visit(ctx, child);
    return true;
}

// ---------------------------------------------------------------------------
// constructor-super and no-this-before-super.

// ESLint's isPossibleConstructor: the superclass expression may evaluate to
// a constructor.
static bool possible_constructor(const PsNode *n) {
    if (!n) return false;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_CLASS_EXPR: case PS_NODE_FUNCTION_EXPR: case PS_NODE_THIS: case PS_NODE_MEMBER_EXPR:
    case PS_NODE_CALL_EXPR: case PS_NODE_NEW_EXPR: case PS_NODE_CHAIN_EXPR: case PS_NODE_YIELD_EXPR:
    case PS_NODE_TAGGED_TEMPLATE: case PS_NODE_META_PROPERTY:
        return true;
    case PS_NODE_IDENTIFIER:
        return !(n->aux == 9 && memcmp(((const PsIdent *)n)->name, "undefined", 9) == 0);
    case PS_NODE_ASSIGN_EXPR: {
        const PsBinary *b = (const PsBinary *)n;
        if (n->op == PS_OP_ASSIGN || n->op == PS_OP_AND_ASSIGN) return possible_constructor(b->right);
        if (n->op == PS_OP_OR_ASSIGN || n->op == PS_OP_NULLISH_ASSIGN)
            return possible_constructor(b->left) || possible_constructor(b->right);
        return false;
    }
    case PS_NODE_LOGICAL_EXPR: {
        const PsBinary *b = (const PsBinary *)n;
        if (n->op == PS_OP_AND) return possible_constructor(b->right);
        return possible_constructor(b->left) || possible_constructor(b->right);
    }
    case PS_NODE_CONDITIONAL_EXPR:
        return possible_constructor(((const PsConditional *)n)->alternate) ||
               possible_constructor(((const PsConditional *)n)->consequent);
    case PS_NODE_SEQUENCE_EXPR: {
        const PsList *l = &((const PsListNode *)n)->items;
        return l->count && possible_constructor(l->items[l->count - 1]);
    }
    default:
        return false;
    }
}

// fn (on top of the stack) is the constructor of a class with `extends`.
static bool is_derived_ctor(const AnLint *L, const PsFunction *fn, bool *super_ok) {
    const PsNode *m = an_lint_parent(L, 1), *body = an_lint_parent(L, 2), *cls = an_lint_parent(L, 3);
    if (!m || m->kind != PS_NODE_METHOD_DEF || m->op != PS_PROP_CONSTRUCTOR ||
        ((const PsClassMember *)m)->value != &fn->h)
        return false;
    if (!body || body->kind != PS_NODE_CLASS_BODY || !cls ||
        (cls->kind != PS_NODE_CLASS_DECL && cls->kind != PS_NODE_CLASS_EXPR))
        return false;
    const PsNode *sc = ((const PsClass *)cls)->super_class;
    if (!sc) return false;
    *super_ok = possible_constructor(sc);
    return true;
}

static void super_call(AnLint *L, PsNode *n) {
    AnFlow *f = L->flow;
    if (!f->cur.live) return;
    bool dup = f->cur.some;
    f->cur.some = f->cur.every = true;
    if (!L->on[an_rule_index(AN_W_CONSTRUCTOR_SUPER)]) return;
    if (dup)
        an_lint_report(L, AN_W_CONSTRUCTOR_SUPER, n->start, n->end,
                       "Unexpected duplicate 'super()': it was already called on a path to here.");
    else if (!f->super_ok)
        an_lint_report(L, AN_W_CONSTRUCTOR_SUPER, n->start, n->end,
                       "Unexpected 'super()' because 'super' is not a constructor.");
    else
        och_vec_push(&L->super_calls, n);
}

// `this` or `super.x` in a derived constructor where super() may not have
// been called yet.
static void this_before_super(AnLint *L, PsNode *n) {
    AnFlow *f = L->flow;
    if (!f->ctor || !f->cur.live || f->cur.every) return;
    if (n->kind == PS_NODE_SUPER) {
        PsNode *p = an_lint_parent(L, 0);
        if (p && p->kind == PS_NODE_CALL_EXPR && ((PsCall *)p)->callee == n) return;
    }
    an_lint_report(L, AN_W_NO_THIS_BEFORE_SUPER, n->start, n->end,
                   "'%s' is not allowed before 'super()': the object does not exist until "
                   "super() returns.",
                   n->kind == PS_NODE_THIS ? "this" : "super");
}

static bool literal_is_true(const PsNode *n) {
    if (!n || n->kind != PS_NODE_LITERAL) return false;
    const PsLiteral *l = (const PsLiteral *)n;
    switch ((PsLitKind)n->op) {
    case PS_LIT_TRUE: return true;
    case PS_LIT_NUMBER: return l->u.number != 0 && l->u.number == l->u.number;
    case PS_LIT_STRING: return n->aux != 0;
    case PS_LIT_BIGINT: {
        for (uint32_t i = 0; i < n->aux; i++)
            if (l->u.str[i] != '0' && l->u.str[i] != 'x' && l->u.str[i] != 'X' &&
                l->u.str[i] != 'o' && l->u.str[i] != 'O' && l->u.str[i] != 'b' &&
                l->u.str[i] != 'B')
                return true;
        return false;
    }
    case PS_LIT_REGEX: return true;
    default: return false;
    }
}

// Identifier in a position ESLint's code path analysis counts as a
// reference (a point that may throw). Called with id on the stack.
static bool ident_is_reference(const AnLint *L, const PsNode *id) {
    const PsNode *p = an_lint_parent(L, 1);
    if (!p) return true;
    switch ((PsNodeKind)p->kind) {
    case PS_NODE_LABELED_STMT: case PS_NODE_BREAK_STMT: case PS_NODE_CONTINUE_STMT:
    case PS_NODE_ARRAY_PATTERN: case PS_NODE_REST_ELEMENT: case PS_NODE_IMPORT_SPECIFIER:
    case PS_NODE_IMPORT_DEFAULT_SPECIFIER: case PS_NODE_IMPORT_NAMESPACE_SPECIFIER:
    case PS_NODE_CATCH_CLAUSE:
        return false;
    case PS_NODE_FUNCTION_DECL: case PS_NODE_FUNCTION_EXPR: case PS_NODE_ARROW_FUNCTION:
        return ((const PsFunction *)p)->id != id;
    case PS_NODE_CLASS_DECL: case PS_NODE_CLASS_EXPR:
        return ((const PsClass *)p)->id != id;
    case PS_NODE_VAR_DECLARATOR:
        return ((const PsVarDeclarator *)p)->id != id;
    case PS_NODE_PROPERTY:
        return ((const PsProperty *)p)->key != id || (p->flags & (PS_NF_COMPUTED | PS_NF_SHORTHAND));
    case PS_NODE_PROPERTY_DEF: case PS_NODE_METHOD_DEF: case PS_NODE_ACCESSOR_PROPERTY:
        return ((const PsClassMember *)p)->key != id || (p->flags & PS_NF_COMPUTED);
    case PS_NODE_ASSIGN_PATTERN:
        return true;
    default:
        return true;
    }
}

// The try statement whose catch (or finally) a throw at the current point
// reaches: the innermost in its try block, or in a catch with a finally.
static AnTryCtx *throw_context(AnFlow *f) {
    for (AnTryCtx *t = f->tries; t; t = t->up) {
        if (t->position == 0) return t;
        if (t->position == 1 && t->has_finalizer) return t;
    }
    return NULL;
}

static inline void may_throw(AnLint *L) {
    AnFlow *f = L->flow;
    if (!f->cur.live || !f->tries) return;
    AnTryCtx *t = throw_context(f);
    // Only the first throwing point counts (as in ESLint), and throw
    // statements.
    if (t && !t->thrown) {
        t->thrown = true;
        t->thr = an_path_join(t->thr, f->cur);
    }
}

// Paths leaving through finally blocks: tries entered after `upto` (NULL:
// all of the function) in their try or catch part.
static void leave_through(AnFlow *f, AnTryCtx *upto) {
    for (AnTryCtx *t = f->tries; t && t != upto; t = t->up)
        if (t->has_finalizer && t->position != 2) t->leaving = true;
}

static void flow_begin(AnLint *L, AnFlow *f, PsNode *fn) {
    memset(f, 0, sizeof *f);
    f->up = L->flow;
    f->cur.live = true;
    f->fn = fn;
    f->accessor = -1;
    f->valid_from = L->super_calls.len;
    L->flow = f;
}

static void flow_end(AnLint *L, AnFlow *f) { L->flow = f->up; }

static AnJump *find_jump(AnFlow *f, const PsNode *label, bool cont) {
    for (AnJump *j = f->jumps; j; j = j->up) {
        if (label) {
            if (j->label && j->label_len == label->aux &&
                memcmp(j->label, ((const PsIdent *)label)->name, label->aux) == 0)
                return j;
        } else if (j->loop || (!cont && j->node->kind == PS_NODE_SWITCH_STMT)) {
            return j;
        }
    }
    return NULL;
}

static void jump_push(AnLint *L, AnJump *j, PsNode *node, bool loop) {
    memset(j, 0, sizeof *j);
    j->node = node;
    j->loop = loop;
    j->up = L->flow->jumps;
    j->try_at = L->flow->tries;
    // A loop or switch directly labeled takes its label (continue label).
    PsNode *p = an_lint_parent(L, 0);
    if (p == node) p = an_lint_parent(L, 1);
    if (node->kind != PS_NODE_LABELED_STMT && p && p->kind == PS_NODE_LABELED_STMT &&
        ((PsLabeled *)p)->body == node && ((PsLabeled *)p)->label &&
        ((PsLabeled *)p)->label->kind == PS_NODE_IDENTIFIER) {
        j->label = ((PsIdent *)((PsLabeled *)p)->label)->name;
        j->label_len = ((PsLabeled *)p)->label->aux;
    }
    L->flow->jumps = j;
}

static bool is_loop(const PsNode *n) {
    return n && (n->kind == PS_NODE_WHILE_STMT || n->kind == PS_NODE_DO_WHILE_STMT ||
                 n->kind == PS_NODE_FOR_STMT || n->kind == PS_NODE_FOR_IN_STMT ||
                 n->kind == PS_NODE_FOR_OF_STMT);
}


static void visit_switch(AnLint *L, PsSwitch *sw) {
    visit(L, sw->discriminant);
    AnFlow *f = L->flow;
    AnPath entry = f->cur, prev_end = {false, false, false};
    bool has_default = false;
    AnJump j;
    jump_push(L, &j, &sw->h, false);
    for (uint32_t i = 0; i < sw->cases.count; i++) {
        PsNode *c = sw->cases.items[i];
        if (!c) continue;
        if (c->kind != PS_NODE_SWITCH_CASE) {
            visit(L, c);
            continue;
        }
        if (!((PsSwitchCase *)c)->test) has_default = true;
        if (i > 0 && L->on[an_rule_index(AN_W_NO_FALLTHROUGH)])
            an_lint_flow_fallthrough(L, sw, i, prev_end.live);
        f->cur = an_path_join(entry, prev_end);
        visit(L, c);
        prev_end = f->cur;
    }
    L->flow->jumps = j.up;
    AnPath out = an_path_join(prev_end, j.brk);
    if (!has_default) out = an_path_join(out, entry);
    f->cur = out;
}

static void visit_try(AnLint *L, PsTry *t) {
    AnFlow *f = L->flow;
    AnTryCtx ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.up = f->tries;
    ctx.has_finalizer = t->finalizer != NULL;
    f->tries = &ctx;
    visit(L, t->block);
    AnPath try_end = f->cur, normal = try_end;
    if (t->handler) {
        // The catch clause is entered from the throwing points and the end
        // of the try block (ESLint's model).
        f->cur = an_path_join(ctx.thrown ? ctx.thr : (AnPath){false, false, false}, try_end);
        ctx.thrown = false;
        ctx.thr = (AnPath){false, false, false};
        ctx.position = 1;
        visit(L, t->handler);
        normal = an_path_join(normal, f->cur);
    }
    f->tries = ctx.up;
    if (t->finalizer) {
        ctx.position = 2;
        AnPath in = normal;
        if (ctx.thrown) in = an_path_join(in, ctx.thr);
        if (ctx.leaving && !in.live) in.live = true;
        f->cur = in;
        // Paths leaving through this finally go on leaving through outer ones.
        if (ctx.leaving) leave_through(f, NULL);
        if (ctx.thrown) may_throw(L);
        visit(L, t->finalizer);
        if (!normal.live) f->cur.live = false;
    } else {
        f->cur = normal;
    }
}

static void super_call(AnLint *L, PsNode *n);  // constructor-super bookkeeping

static bool is_derived_ctor(const AnLint *L, const PsFunction *fn, bool *super_ok);

static void visit_function(AnLint *L, PsFunction *fn) {
    visit(L, fn->id);
    AnFlow f;
    flow_begin(L, &f, &fn->h);
    if (L->super_rules && fn->h.kind == PS_NODE_FUNCTION_EXPR) f.ctor = is_derived_ctor(L, fn, &f.super_ok);
    visit_list(L, &fn->params);
    visit(L, fn->body);
    if (f.ctor) {
        f.ret = an_path_join(f.ret, f.cur);
        PsNode *m = an_lint_parent(L, 1);
        if (f.ret.live && !f.ret.every && m && L->on[an_rule_index(AN_W_CONSTRUCTOR_SUPER)])
            an_lint_report(L, AN_W_CONSTRUCTOR_SUPER, m->start, m->end,
                           f.ret.some ? "Lacked a call of 'super()' in some code paths: a derived "
                                        "class's constructor must call it before it returns."
                                      : "Expected to call 'super()': a derived class's "
                                        "constructor must call it before it returns.");
    }
    if (L->need_flow) an_lint_flow_function_end(L, &fn->h, f.cur.live);
    L->super_calls.len = f.valid_from;
    flow_end(L, &f);
}

// Joins the states reaching the top of a loop again (continue and the end
// of its body) and reports super() calls the loop repeats.
static void loop_back(AnLint *L, PsNode *loop, AnPath back) {
    AnFlow *f = L->flow;
    if (!f->ctor || !back.live || !back.some) return;
    for (uint32_t i = f->valid_from; i < L->super_calls.len; i++) {
        PsNode *c = L->super_calls.items[i];
        if (!c || c->start < loop->start || c->end > loop->end) continue;
        if (L->on[an_rule_index(AN_W_CONSTRUCTOR_SUPER)])
            an_lint_report(L, AN_W_CONSTRUCTOR_SUPER, c->start, c->end,
                           "Unexpected duplicate 'super()': this loop may call it again.");
        L->super_calls.items[i] = NULL;
    }
}

// Records the span of a string, regexp, template chunk or JSX text (for
// comment scans and no-irregular-whitespace), when wanted.
static void literal_span(AnLint *L, const PsNode *n) {
    if (n->kind == PS_NODE_LITERAL && n->op != PS_LIT_STRING && n->op != PS_LIT_REGEX) return;
    OchSpan s = {n->start, n->end};
    if (L->collect_literals) och_vec_push(&L->literals, s);
    if (L->ws_collect) {
        if (n->kind == PS_NODE_JSX_TEXT) och_vec_push(&L->ws_jsx, s);
        else if (n->kind == PS_NODE_TEMPLATE_ELEMENT) och_vec_push(&L->ws_templates, s);
        else if (n->op == PS_LIT_STRING) och_vec_push(&L->ws_strings, s);
        else och_vec_push(&L->ws_regexps, s);
    }
}

// Children of n, with the flow effects of statements.
static void children(AnLint *L, PsNode *n) {
    AnFlow *f = L->flow;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        if (f->tries && f->cur.live && ident_is_reference(L, n)) may_throw(L);
        return;
    case PS_NODE_LITERAL:
    case PS_NODE_TEMPLATE_ELEMENT:
    case PS_NODE_JSX_TEXT:
        literal_span(L, n);
        return;
    case PS_NODE_PROGRAM:
    case PS_NODE_BLOCK:
    case PS_NODE_ERROR:
        visit_list(L, &((PsListNode *)n)->items);
        return;
    case PS_NODE_STATIC_BLOCK: {
        AnFlow g;
        flow_begin(L, &g, n);
        visit_list(L, &((PsListNode *)n)->items);
        flow_end(L, &g);
        return;
    }
    case PS_NODE_PROPERTY_DEF:
    case PS_NODE_ACCESSOR_PROPERTY: {
        PsClassMember *m = (PsClassMember *)n;
        visit_list(L, &m->decorators);
        visit(L, m->key);
        AnFlow g;
        flow_begin(L, &g, n);
        visit(L, m->value);
        flow_end(L, &g);
        return;
    }
    case PS_NODE_FUNCTION_DECL:
    case PS_NODE_FUNCTION_EXPR:
    case PS_NODE_ARROW_FUNCTION:
        visit_function(L, (PsFunction *)n);
        return;
    case PS_NODE_RETURN_STMT:
        visit(L, ((PsUnary *)n)->arg);
        if (f->cur.live) {
            leave_through(f, NULL);
            if (f->ctor) {
                AnPath r = f->cur;
                if (((PsUnary *)n)->arg) r.some = r.every = true;  // returns its own object
                f->ret = an_path_join(f->ret, r);
            }
        }
        f->cur.live = false;
        return;
    case PS_NODE_THROW_STMT:
        visit(L, ((PsUnary *)n)->arg);
        if (f->cur.live) {
            AnTryCtx *t = throw_context(f);
            if (t) {
                t->thrown = true;
                t->thr = an_path_join(t->thr, f->cur);
            } else {
                leave_through(f, NULL);
            }
        }
        f->cur.live = false;
        return;
    case PS_NODE_BREAK_STMT:
    case PS_NODE_CONTINUE_STMT: {
        bool cont = n->kind == PS_NODE_CONTINUE_STMT;
        visit(L, ((PsUnary *)n)->arg);
        AnJump *j = find_jump(f, ((PsUnary *)n)->arg, cont);
        if (j && f->cur.live) {
            if (cont) j->cont = an_path_join(j->cont, f->cur);
            else j->brk = an_path_join(j->brk, f->cur);
            leave_through(f, j->try_at);
        }
        f->cur.live = false;
        return;
    }
    case PS_NODE_IF_STMT: {
        PsConditional *c = (PsConditional *)n;
        visit(L, c->test);
        AnPath entry = f->cur;
        visit(L, c->consequent);
        AnPath l1 = f->cur;
        f->cur = entry;
        visit(L, c->alternate);
        f->cur = an_path_join(l1, f->cur);
        return;
    }
    case PS_NODE_LABELED_STMT: {
        PsLabeled *l = (PsLabeled *)n;
        visit(L, l->label);
        if (is_loop(l->body) || (l->body && l->body->kind == PS_NODE_SWITCH_STMT)) {
            visit(L, l->body);  // the loop or switch takes the label
            return;
        }
        AnJump j;
        jump_push(L, &j, n, false);
        if (l->label && l->label->kind == PS_NODE_IDENTIFIER) {
            j.label = ((PsIdent *)l->label)->name;
            j.label_len = l->label->aux;
        }
        visit(L, l->body);
        f->jumps = j.up;
        f->cur = an_path_join(f->cur, j.brk);
        return;
    }
    case PS_NODE_WHILE_STMT: {
        PsWhile *w = (PsWhile *)n;
        visit(L, w->test);
        AnPath entry = f->cur;
        bool infinite = literal_is_true(w->test);
        AnJump j;
        jump_push(L, &j, n, true);
        visit(L, w->body);
        f->jumps = j.up;
        AnPath back = an_path_join(f->cur, j.cont);
        loop_back(L, n, back);
        f->cur = infinite ? j.brk : an_path_join(an_path_join(entry, back), j.brk);
        return;
    }
    case PS_NODE_DO_WHILE_STMT: {
        PsWhile *w = (PsWhile *)n;
        AnJump j;
        jump_push(L, &j, n, true);
        visit(L, w->body);
        f->jumps = j.up;
        f->cur = an_path_join(f->cur, j.cont);
        AnPath at_test = f->cur;
        visit(L, w->test);
        bool infinite = literal_is_true(w->test);
        loop_back(L, n, infinite ? at_test : f->cur);
        AnPath out = f->cur;
        if (infinite) out.live = false;
        f->cur = an_path_join(out, j.brk);
        (void)at_test;
        return;
    }
    case PS_NODE_FOR_STMT: {
        PsFor *fo = (PsFor *)n;
        visit(L, fo->init);
        visit(L, fo->test);
        AnPath entry = f->cur;
        bool infinite = !fo->test || literal_is_true(fo->test);
        AnJump j;
        jump_push(L, &j, n, true);
        visit(L, fo->body);
        f->jumps = j.up;
        f->cur = an_path_join(f->cur, j.cont);
        visit(L, fo->update);
        AnPath back = f->cur;
        loop_back(L, n, back);
        f->cur = infinite ? j.brk : an_path_join(an_path_join(entry, back), j.brk);
        return;
    }
    case PS_NODE_FOR_IN_STMT:
    case PS_NODE_FOR_OF_STMT: {
        PsForIn *fi = (PsForIn *)n;
        visit(L, fi->left);
        visit(L, fi->right);
        AnPath entry = f->cur;
        AnJump j;
        jump_push(L, &j, n, true);
        visit(L, fi->body);
        f->jumps = j.up;
        AnPath back = an_path_join(f->cur, j.cont);
        loop_back(L, n, back);
        f->cur = an_path_join(an_path_join(entry, back), j.brk);
        return;
    }
    case PS_NODE_SWITCH_STMT:
        visit_switch(L, (PsSwitch *)n);
        return;
    case PS_NODE_TRY_STMT:
        visit_try(L, (PsTry *)n);
        return;
    case PS_NODE_CALL_EXPR:
    case PS_NODE_NEW_EXPR: {
        PsCall *c = (PsCall *)n;
        visit(L, c->callee);
        visit_list(L, &c->arguments);
        if (f->ctor && n->kind == PS_NODE_CALL_EXPR && c->callee && c->callee->kind == PS_NODE_SUPER)
            super_call(L, n);
        if (f->tries) may_throw(L);
        return;
    }
    case PS_NODE_IMPORT_EXPR: {
        PsImportExpr *ie = (PsImportExpr *)n;
        visit(L, ie->source);
        visit(L, ie->options);
        if (f->tries) may_throw(L);
        return;
    }
    case PS_NODE_YIELD_EXPR:
        visit(L, ((PsUnary *)n)->arg);
        return;
    default:
        ps_node_for_each_child(n, visit_cb, L);
        return;
    }
}

// Leaves without hooks: only the walk's own bookkeeping (identifiers in a
// try block may throw; literal spans when collected). Called only when
// there may be something to do.
static void leaf(AnLint *L, PsNode *n) {
    if (n->kind == PS_NODE_IDENTIFIER) {
        AnFlow *f = L->flow;
        if (f->tries && f->cur.live) {
            push(L, n);
            if (ident_is_reference(L, n)) may_throw(L);
            L->depth--;
        }
    } else if (n->kind == PS_NODE_LITERAL || n->kind == PS_NODE_TEMPLATE_ELEMENT ||
               n->kind == PS_NODE_JSX_TEXT) {
        literal_span(L, n);
    }
}

static void error_stmt(AnLint *L, PsNode *n) {
    if (stmt_kind(n->kind)) {
        OchSpan s = {n->start, n->end};
        och_vec_push(&L->err_stmts, s);
    }
}

static void visit_node(AnLint *L, PsNode *n, uint8_t kf) {
    if (OCH_UNLIKELY(n->flags & PS_NF_HAS_ERROR)) error_stmt(L, n);
    if ((kf & AN_KF_UNREACH) && unreach_kind(n)) unreach_check(L, n, !L->flow->cur.live);
    if (kf & AN_KF_ENTER) {
        const AnHookList *h = &L->enter[n->kind];
        for (uint8_t i = 0; i < h->n; i++) h->fn[i](L, n);
    }
    push(L, n);
    // The frequent expression kinds, without flow effects beyond may_throw.
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_MEMBER_EXPR: {
        PsMember *m = (PsMember *)n;
        visit(L, m->object);
        visit(L, m->property);
        if (L->flow->tries) may_throw(L);
        break;
    }
    case PS_NODE_EXPRESSION_STMT:
    case PS_NODE_SPREAD_ELEMENT:
    case PS_NODE_AWAIT_EXPR:
    case PS_NODE_CHAIN_EXPR:
    case PS_NODE_UNARY_EXPR:
    case PS_NODE_UPDATE_EXPR:
        visit(L, ((PsUnary *)n)->arg);
        break;
    case PS_NODE_BINARY_EXPR:
    case PS_NODE_LOGICAL_EXPR:
    case PS_NODE_ASSIGN_EXPR:
    case PS_NODE_ASSIGN_PATTERN: {
        PsBinary *b = (PsBinary *)n;
        visit(L, b->left);
        visit(L, b->right);
        break;
    }
    case PS_NODE_VAR_DECL:
    case PS_NODE_ARRAY_EXPR:
    case PS_NODE_SEQUENCE_EXPR:
    case PS_NODE_OBJECT_EXPR:
    case PS_NODE_CLASS_BODY:
        visit_list(L, &((PsListNode *)n)->items);
        break;
    case PS_NODE_VAR_DECLARATOR: {
        PsVarDeclarator *d = (PsVarDeclarator *)n;
        visit(L, d->id);
        visit(L, d->init);
        break;
    }
    default:
        children(L, n);
        break;
    }
    L->depth--;
    if (kf & AN_KF_LEAVE) {
        const AnHookList *h = &L->leave[n->kind];
        for (uint8_t i = 0; i < h->n; i++) h->fn[i](L, n);
    }
}

void an_lint_walk(AnLint *L) {
    PsNode *root = L->parse->root;
    if (!root) return;
    L->super_rules = L->on[an_rule_index(AN_W_CONSTRUCTOR_SUPER)] ||
                     L->on[an_rule_index(AN_W_NO_THIS_BEFORE_SUPER)];
    if (L->on[an_rule_index(AN_W_NO_THIS_BEFORE_SUPER)]) {
        an_lint_on(L, PS_NODE_THIS, this_before_super);
        an_lint_on(L, PS_NODE_SUPER, this_before_super);
    }
    L->unreach_on = L->on[an_rule_index(AN_W_NO_UNREACHABLE)];
    for (uint32_t k = 0; k < PS_NODE_KIND_COUNT; k++) {
        uint8_t f = 0;
        if (L->enter[k].n) f |= AN_KF_ENTER;
        if (L->leave[k].n) f |= AN_KF_LEAVE;
        if (L->unreach_on) {
            PsNode probe = {0};
            probe.kind = (uint8_t)k;
            probe.op = PS_VAR_LET;  // VAR_DECL: maybe reported; decided per node
            if (unreach_kind(&probe)) f |= AN_KF_UNREACH;
        }
        // Leaves with no hook take the short path in visit.
        if (!f && (k == PS_NODE_IDENTIFIER || k == PS_NODE_LITERAL || k == PS_NODE_TEMPLATE_ELEMENT ||
                   k == PS_NODE_THIS || k == PS_NODE_JSX_TEXT || k == PS_NODE_PRIVATE_IDENTIFIER ||
                   k == PS_NODE_EMPTY_STMT))
            f |= AN_KF_LEAF;
        L->kind_flags[k] = f;
    }
    AnFlow f;
    flow_begin(L, &f, root);
    L->literal_work = L->collect_literals || L->ws_collect;
    visit(L, root);
    flow_end(L, &f);
    if (L->unreach_on) unreach_flush(L);
}
