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

static void visit(AnLint *L, PsNode *n);

static inline void push(AnLint *L, PsNode *n) {
    if (L->depth == L->cap) {
        L->cap = L->cap ? L->cap * 2 : 256;
        L->stack = och_realloc(L->stack, L->cap * sizeof *L->stack);
    }
    L->stack[L->depth++] = n;
}

static void visit_list(AnLint *L, const PsList *l) {
    for (uint32_t i = 0; i < l->count; i++)
        if (l->items[i]) visit(L, l->items[i]);
}

static bool visit_cb(PsNode *child, void *ctx) {
    visit(ctx, child);
    return true;
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
    if (!f->live || !f->tries) return;
    AnTryCtx *t = throw_context(f);
    if (t) t->thrown = true;
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
    f->live = true;
    f->fn = fn;
    f->accessor = -1;
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
    bool entry = f->live, has_default = false, prev_end = false;
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
            an_lint_flow_fallthrough(L, sw, i, prev_end);
        f->live = entry || prev_end;
        visit(L, c);
        prev_end = f->live;
    }
    L->flow->jumps = j.up;
    f->live = prev_end || j.broken || (!has_default && entry);
}

static void visit_try(AnLint *L, PsTry *t) {
    AnFlow *f = L->flow;
    AnTryCtx ctx = {f->tries, 0, t->finalizer != NULL, false, false};
    f->tries = &ctx;
    visit(L, t->block);
    bool try_end = f->live, normal = try_end;
    if (t->handler) {
        f->live = ctx.thrown || try_end;
        ctx.thrown = false;
        ctx.position = 1;
        visit(L, t->handler);
        normal = normal || f->live;
    }
    f->tries = ctx.up;
    if (t->finalizer) {
        ctx.position = 2;
        f->live = normal || ctx.thrown || ctx.leaving;
        // Paths leaving through this finally go on leaving through outer ones.
        if (ctx.leaving || ctx.thrown) {
            if (ctx.thrown) may_throw(L);
            if (ctx.leaving) leave_through(f, NULL);
        }
        visit(L, t->finalizer);
        f->live = f->live && normal;
    } else {
        f->live = normal;
    }
}

static void visit_function(AnLint *L, PsFunction *fn) {
    visit(L, fn->id);
    AnFlow f;
    flow_begin(L, &f, &fn->h);
    visit_list(L, &fn->params);
    visit(L, fn->body);
    if (L->need_flow) an_lint_flow_function_end(L, &fn->h, f.live);
    flow_end(L, &f);
}

// Children of n, with the flow effects of statements.
static void children(AnLint *L, PsNode *n) {
    AnFlow *f = L->flow;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        if (f->tries && f->live && ident_is_reference(L, n)) may_throw(L);
        return;
    case PS_NODE_LITERAL:
        if (n->op == PS_LIT_STRING || n->op == PS_LIT_REGEX) {
            OchSpan s = {n->start, n->end};
            och_vec_push(&L->literals, s);
            if (L->ws_collect) {
                if (n->op == PS_LIT_STRING) och_vec_push(&L->ws_strings, s);
                else och_vec_push(&L->ws_regexps, s);
            }
        }
        return;
    case PS_NODE_TEMPLATE_ELEMENT:
    case PS_NODE_JSX_TEXT: {
        OchSpan s = {n->start, n->end};
        och_vec_push(&L->literals, s);
        if (L->ws_collect) {
            if (n->kind == PS_NODE_JSX_TEXT) och_vec_push(&L->ws_jsx, s);
            else och_vec_push(&L->ws_templates, s);
        }
        return;
    }
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
        if (f->live) leave_through(f, NULL);
        f->live = false;
        return;
    case PS_NODE_THROW_STMT:
        visit(L, ((PsUnary *)n)->arg);
        if (f->live) {
            AnTryCtx *t = throw_context(f);
            if (t) t->thrown = true;
            else leave_through(f, NULL);
        }
        f->live = false;
        return;
    case PS_NODE_BREAK_STMT:
    case PS_NODE_CONTINUE_STMT: {
        bool cont = n->kind == PS_NODE_CONTINUE_STMT;
        visit(L, ((PsUnary *)n)->arg);
        AnJump *j = find_jump(f, ((PsUnary *)n)->arg, cont);
        if (j && f->live) {
            if (cont) j->continued = true;
            else j->broken = true;
            leave_through(f, j->try_at);
        }
        f->live = false;
        return;
    }
    case PS_NODE_IF_STMT: {
        PsConditional *c = (PsConditional *)n;
        visit(L, c->test);
        bool entry = f->live;
        visit(L, c->consequent);
        bool l1 = f->live;
        f->live = entry;
        visit(L, c->alternate);
        f->live = l1 || f->live;
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
        f->live = f->live || j.broken;
        return;
    }
    case PS_NODE_WHILE_STMT: {
        PsWhile *w = (PsWhile *)n;
        visit(L, w->test);
        bool entry = f->live, infinite = literal_is_true(w->test);
        AnJump j;
        jump_push(L, &j, n, true);
        visit(L, w->body);
        f->jumps = j.up;
        f->live = infinite ? j.broken : (entry || j.broken);
        return;
    }
    case PS_NODE_DO_WHILE_STMT: {
        PsWhile *w = (PsWhile *)n;
        AnJump j;
        jump_push(L, &j, n, true);
        visit(L, w->body);
        f->jumps = j.up;
        f->live = f->live || j.continued;
        bool at_test = f->live;
        visit(L, w->test);
        f->live = (at_test && !literal_is_true(w->test)) || j.broken;
        return;
    }
    case PS_NODE_FOR_STMT: {
        PsFor *fo = (PsFor *)n;
        visit(L, fo->init);
        visit(L, fo->test);
        bool entry = f->live, infinite = !fo->test || literal_is_true(fo->test);
        AnJump j;
        jump_push(L, &j, n, true);
        visit(L, fo->body);
        f->jumps = j.up;
        f->live = f->live || j.continued;
        visit(L, fo->update);
        f->live = infinite ? j.broken : (entry || j.broken);
        return;
    }
    case PS_NODE_FOR_IN_STMT:
    case PS_NODE_FOR_OF_STMT: {
        PsForIn *fi = (PsForIn *)n;
        visit(L, fi->left);
        visit(L, fi->right);
        bool entry = f->live;
        AnJump j;
        jump_push(L, &j, n, true);
        visit(L, fi->body);
        f->jumps = j.up;
        f->live = entry || j.broken;
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
        if (f->tries) may_throw(L);
        return;
    }
    case PS_NODE_MEMBER_EXPR: {
        PsMember *m = (PsMember *)n;
        visit(L, m->object);
        visit(L, m->property);
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
    case PS_NODE_EXPRESSION_STMT:
    case PS_NODE_SPREAD_ELEMENT:
    case PS_NODE_AWAIT_EXPR:
    case PS_NODE_YIELD_EXPR:
    case PS_NODE_CHAIN_EXPR:
    case PS_NODE_UNARY_EXPR:
    case PS_NODE_UPDATE_EXPR:
        visit(L, ((PsUnary *)n)->arg);
        return;
    case PS_NODE_BINARY_EXPR:
    case PS_NODE_LOGICAL_EXPR:
    case PS_NODE_ASSIGN_EXPR:
    case PS_NODE_ASSIGN_PATTERN: {
        PsBinary *b = (PsBinary *)n;
        visit(L, b->left);
        visit(L, b->right);
        return;
    }
    case PS_NODE_VAR_DECL:
    case PS_NODE_ARRAY_EXPR:
    case PS_NODE_SEQUENCE_EXPR:
    case PS_NODE_OBJECT_EXPR:
    case PS_NODE_CLASS_BODY:
        visit_list(L, &((PsListNode *)n)->items);
        return;
    case PS_NODE_VAR_DECLARATOR: {
        PsVarDeclarator *d = (PsVarDeclarator *)n;
        visit(L, d->id);
        visit(L, d->init);
        return;
    }
    default:
        ps_node_for_each_child(n, visit_cb, L);
        return;
    }
}

static void visit(AnLint *L, PsNode *n) {
    if (!n) return;
    if (n->flags & PS_NF_HAS_ERROR) {
        if (stmt_kind(n->kind)) {
            OchSpan s = {n->start, n->end};
            och_vec_push(&L->err_stmts, s);
        }
    }
    uint8_t kf = L->kind_flags[n->kind];
    if (kf) {
        if ((kf & AN_KF_UNREACH) && unreach_kind(n)) unreach_check(L, n, !L->flow->live);
        if (kf & AN_KF_ENTER) {
            const AnHookList *h = &L->enter[n->kind];
            for (uint8_t i = 0; i < h->n; i++) h->fn[i](L, n);
        }
    }
    push(L, n);
    children(L, n);
    L->depth--;
    if (kf & AN_KF_LEAVE) {
        const AnHookList *h = &L->leave[n->kind];
        for (uint8_t i = 0; i < h->n; i++) h->fn[i](L, n);
    }
}

void an_lint_walk(AnLint *L) {
    PsNode *root = L->parse->root;
    if (!root) return;
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
        L->kind_flags[k] = f;
    }
    AnFlow f;
    flow_begin(L, &f, root);
    visit(L, root);
    flow_end(L, &f);
    if (L->unreach_on) unreach_flush(L);
}
