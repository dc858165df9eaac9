// Bytecode compiler: statements, control flow, break/continue/return
// through finally blocks (completion records), exception handler ranges.
#include "compiler_gen_int.h"


static CgTarget *push_target(Cg *cg, CgTarget *t, const PsNode *stmt, bool is_loop) {
    memset(t, 0, sizeof *t);
    t->prev = cg->targets;
    t->stmt = stmt;
    t->is_loop = is_loop;
    t->env_depth = cg->env_depth;
    t->finally_depth = cg->finally_depth;
    t->iter_reg = UINT32_MAX;
    if (cg->npending_labels) {
        const PsNode *l = cg->pending_labels[cg->npending_labels - 1];
        t->label = PS_AS(PsIdent, l)->name;
        t->label_len = l->aux;
        cg->npending_labels = 0;
    }
    cg->targets = t;
    return t;
}

static void pop_target(Cg *cg, CgTarget *t, uint32_t continue_pc, bool patch_breaks) {
    cg->targets = t->prev;
    for (uint32_t i = 0; i < t->continues.len; i++)
        cg_patch_to(cg, t->continues.items[i], continue_pc);
    och_vec_free(&t->continues);
    if (patch_breaks) cg_patch_list(cg, &t->breaks);
}

static void emit_return(Cg *cg);

static void pop_envs(Cg *cg, uint32_t n) {
    for (uint32_t i = 0; i < n; i++) cg_op(cg, EN_OP_PopEnv);
}

// Closes the for-of iterators of targets from cg->targets down to (and,
// when include_last, including) `until` that are not behind a finally.
static void close_iterators(Cg *cg, CgTarget *until, bool include_last) {
    for (CgTarget *t = cg->targets; t; t = t->prev) {
        if (t == until && !include_last) break;
        if (t->finally_depth != cg->finally_depth) break;
        if (t->iter_reg == UINT32_MAX) {
        } else if (t->iter_reg & CG_ITER_ASYNC) {
            cg_emit_async_close(cg, t->iter_reg & ~CG_ITER_ASYNC);
        } else {
            cg_op1(cg, EN_OP_IterClose, t->iter_reg);
        }
        if (t == until) break;
    }
}

static void jump_to_target(Cg *cg, CgTarget *t, bool is_continue) {
    close_iterators(cg, t, !is_continue);
    if (cg->finally && cg->finally_depth > t->finally_depth) {
        CgFinally *f = cg->finally;
        pop_envs(cg, cg->env_depth - f->env_depth);
        CgPending p = {t, is_continue};
        och_vec_push(&f->pending, p);
        cg_op1(cg, EN_OP_LdaInt, 2 + f->pending.len - 1);
        cg_op1(cg, EN_OP_Star, f->kind_reg);
        och_vec_push(&f->entries, cg_jump(cg, EN_OP_Jmp));
        return;
    }
    pop_envs(cg, cg->env_depth - t->env_depth);
    uint32_t at = cg_jump(cg, EN_OP_Jmp);
    if (is_continue) och_vec_push(&t->continues, at);
    else och_vec_push(&t->breaks, at);
}

void cg_emit_async_close(Cg *cg, uint32_t r) {
    uint32_t mark = cg->next_reg;
    uint32_t keep = cg_temp(cg);
    cg_op1(cg, EN_OP_Star, keep);
    cg_op3(cg, EN_OP_AsyncIterClose, r, 0, 0);
    uint32_t skip = cg->code.len - 1;
    cg_op(cg, EN_OP_Await);
    cg_op(cg, EN_OP_CheckObject);
    cg_patch(cg, skip);
    cg_op1(cg, EN_OP_Ldar, keep);
    cg_temps_free(cg, mark);
}

// Return with the value in acc.
void cg_emit_return(Cg *cg) { emit_return(cg); }
static void emit_return(Cg *cg) {
    close_iterators(cg, NULL, true);
    if (cg->finally) {
        CgFinally *f = cg->finally;
        cg_op1(cg, EN_OP_Star, f->value_reg);
        pop_envs(cg, cg->env_depth - f->env_depth);
        cg_op1(cg, EN_OP_LdaInt, CG_COMPLETION_RETURN);
        cg_op1(cg, EN_OP_Star, f->kind_reg);
        och_vec_push(&f->entries, cg_jump(cg, EN_OP_Jmp));
        return;
    }
    cg_op(cg, EN_OP_Return);
}

static bool label_eq(const CgTarget *t, const PsNode *label) {
    return t->label && t->label_len == label->aux &&
           !memcmp(t->label, PS_AS(PsIdent, label)->name, label->aux);
}

static void stmt_break_continue(Cg *cg, PsNode *n, bool is_continue) {
    PsNode *label = PS_AS(PsUnary, n)->arg;
    for (CgTarget *t = cg->targets; t; t = t->prev) {
        if (label) {
            if (!label_eq(t, label)) continue;
            if (is_continue && !t->is_loop) break;
        } else {
            if (t->is_label_only) continue;
            if (is_continue && !t->is_loop) continue;
        }
        jump_to_target(cg, t, is_continue);
        return;
    }
    cg_error(cg, n, "break/continue target");
}

static void add_handler(Cg *cg, uint32_t start, uint32_t end, uint32_t handler) {
    EnHandler h = {start, end, handler};
    och_vec_push(&cg->handlers, h);
}

// ---------------------------------------------------------------------------
// Declarations.

static void var_decl(Cg *cg, PsNode *n) {
    PsListNode *d = PS_AS(PsListNode, n);
    bool lexical = n->op != PS_VAR_VAR;
    if (n->op == PS_VAR_USING || n->op == PS_VAR_AWAIT_USING) {
        cg_error(cg, n, "using declarations");
        return;
    }
    for (uint32_t i = 0; i < d->items.count; i++) {
        PsVarDeclarator *v = PS_AS(PsVarDeclarator, d->items.items[i]);
        uint32_t mark = cg->next_reg;
        if (v->init) {
            cg_set_name_hint(cg, v->id);
            if (!cg_is_anon_fn(v->init)) cg->name_hint = NULL;
            cg_expr(cg, v->init);
        } else if (lexical) {
            cg_op(cg, EN_OP_LdaUndef);
        } else {
            continue;
        }
        cg_bind_pattern(cg, v->id, true);
        cg_temps_free(cg, mark);
    }
}

// ---------------------------------------------------------------------------
// Loops.

static void loop_body(Cg *cg, PsNode *body) { cg_stmt(cg, body); }

static void stmt_while(Cg *cg, PsNode *n) {
    PsWhile *w = PS_AS(PsWhile, n);
    CgTarget t;
    push_target(cg, &t, n, true);
    uint32_t top = cg_here(cg);
    cg_expr(cg, w->test);
    uint32_t exit = cg_jump(cg, EN_OP_JmpFalse);
    loop_body(cg, w->body);
    uint32_t cont = cg_here(cg);
    cg_loop_to(cg, top);
    cg_patch(cg, exit);
    pop_target(cg, &t, cont, true);
}

static void stmt_do_while(Cg *cg, PsNode *n) {
    PsWhile *w = PS_AS(PsWhile, n);
    CgTarget t;
    push_target(cg, &t, n, true);
    uint32_t top = cg_here(cg);
    loop_body(cg, w->body);
    uint32_t cont = cg_here(cg);
    cg_expr(cg, w->test);
    uint32_t skip = cg_jump(cg, EN_OP_JmpFalse);
    cg_loop_to(cg, top);
    cg_patch(cg, skip);
    pop_target(cg, &t, cont, true);
}

static void stmt_for(Cg *cg, PsNode *n) {
    PsFor *f = PS_AS(PsFor, n);
    AnScope *s = cg_scope_of(cg, n);
    uint32_t mark = cg->next_reg;
    uint32_t depth_before = cg->env_depth;
    cg_enter_scope(cg, s);
    // Copy the environment per iteration only when the loop's own scope has
    // one (captured loop variables): copying the enclosing function's
    // environment would give each closure its own copy of outer bindings.
    bool per_iter = s && (s->flags & AN_SF_PER_ITERATION) && cg->env_depth > depth_before &&
                    f->init && f->init->kind == PS_NODE_VAR_DECL;
    if (f->init) {
        if (f->init->kind == PS_NODE_VAR_DECL) var_decl(cg, f->init);
        else cg_expr(cg, f->init);
    }
    if (per_iter) cg_op(cg, EN_OP_CopyEnv);
    CgTarget t;
    push_target(cg, &t, n, true);
    uint32_t top = cg_here(cg);
    uint32_t exit = UINT32_MAX;
    if (f->test) {
        cg_expr(cg, f->test);
        exit = cg_jump(cg, EN_OP_JmpFalse);
    }
    loop_body(cg, f->body);
    uint32_t cont = cg_here(cg);
    if (per_iter) cg_op(cg, EN_OP_CopyEnv);
    if (f->update) cg_expr(cg, f->update);
    cg_loop_to(cg, top);
    if (exit != UINT32_MAX) cg_patch(cg, exit);
    pop_target(cg, &t, cont, true);
    cg_leave_scope(cg, s);
    cg_temps_free(cg, mark);
}

// Binds acc to the head of a for-in/of (declaration or assignment target).
static void for_head_bind(Cg *cg, PsNode *left) {
    if (left->kind == PS_NODE_VAR_DECL) {
        PsVarDeclarator *v = PS_AS(PsVarDeclarator, PS_AS(PsListNode, left)->items.items[0]);
        cg_bind_pattern(cg, v->id, true);
    } else {
        cg_bind_pattern(cg, left, false);
    }
}

static void stmt_for_in_of(Cg *cg, PsNode *n, bool of) {
    PsForIn *f = PS_AS(PsForIn, n);
    bool is_await = of && (n->flags & PS_NF_AWAIT);
    AnScope *s = cg_scope_of(cg, n);
    uint32_t mark = cg->next_reg;
    if (s && f->left->kind == PS_NODE_VAR_DECL && f->left->op != PS_VAR_VAR) {
        // The head expression sees the loop's bindings in TDZ
        // (ForIn/OfHeadEvaluation's TDZ environment).
        cg_enter_scope(cg, s);
        cg_expr(cg, f->right);
        cg_leave_scope(cg, s);
    } else {
        cg_expr(cg, f->right);
    }
    uint32_t r = cg_temp(cg);
    cg_temp(cg);
    cg_temp(cg);
    cg_pos(cg, f->right->start);
    if (is_await) cg_op2(cg, EN_OP_IterInit, r, 1);
    else cg_op1(cg, of ? EN_OP_GetIterator : EN_OP_ForInPrep, r);
    uint32_t env_save = cg_temp(cg);
    cg_op1(cg, EN_OP_SaveEnv, env_save);
    // The next value arrives in the accumulator; entering the head's scope
    // initialises its bindings (TDZ) through the accumulator, so park it.
    uint32_t value = cg_temp(cg);
    CgTarget t;
    push_target(cg, &t, n, true);
    if (of) t.iter_reg = r | (is_await ? CG_ITER_ASYNC : 0);
    uint32_t top = cg_here(cg);
    uint32_t exit;
    if (is_await) {
        // next() is awaited; its errors do not close the iterator.
        cg_op1(cg, EN_OP_AsyncIterNext, r);
        cg_op(cg, EN_OP_Await);
        exit = cg_jump_r(cg, EN_OP_AsyncIterResult, r);
    } else {
        exit = cg_jump_r(cg, of ? EN_OP_IterNext : EN_OP_ForInNext, r);
    }
    uint32_t body_start = cg_here(cg);
    cg_op1(cg, EN_OP_Star, value);
    cg_enter_scope(cg, s);
    cg_op1(cg, EN_OP_Ldar, value);
    for_head_bind(cg, f->left);
    loop_body(cg, f->body);
    cg_leave_scope(cg, s);
    uint32_t body_end = cg_here(cg);
    uint32_t cont = cg_here(cg);
    cg_loop_to(cg, top);
    if (of) {
        // Abrupt throw completion of the body: close the iterator, rethrow.
        uint32_t handler = cg_here(cg);
        uint32_t exc = cg_temp(cg);
        cg_op1(cg, EN_OP_RestoreEnv, env_save);
        cg_op1(cg, EN_OP_Star, exc);
        if (is_await) {
            // AsyncIteratorClose with a throw completion: errors of
            // return() and rejections of its result are dropped.
            uint32_t cstart = cg_here(cg);
            cg_op3(cg, EN_OP_AsyncIterClose, r, 1, 0);
            uint32_t skip = cg->code.len - 1;
            cg_op(cg, EN_OP_Await);
            uint32_t cend = cg_here(cg);
            cg_patch(cg, skip);
            add_handler(cg, cstart, cend, cg_here(cg));
        } else {
            cg_op1(cg, EN_OP_IterCloseThrow, r);
        }
        cg_op1(cg, EN_OP_Ldar, exc);
        cg_op(cg, EN_OP_Throw);
        add_handler(cg, body_start, body_end, handler);
    }
    cg_patch(cg, exit);
    pop_target(cg, &t, cont, true);
    cg_temps_free(cg, mark);
}

// ---------------------------------------------------------------------------
// Switch.

static void stmt_switch(Cg *cg, PsNode *n) {
    PsSwitch *sw = PS_AS(PsSwitch, n);
    uint32_t mark = cg->next_reg;
    cg_expr(cg, sw->discriminant);
    uint32_t d = cg_temp(cg);
    cg_op1(cg, EN_OP_Star, d);
    AnScope *s = cg_scope_of(cg, n);
    cg_enter_scope(cg, s);
    CgTarget t;
    push_target(cg, &t, n, false);
    uint32_t *jumps = och_calloc(sw->cases.count + 1, sizeof *jumps);
    int32_t deflt = -1;
    for (uint32_t i = 0; i < sw->cases.count; i++) {
        PsSwitchCase *c = PS_AS(PsSwitchCase, sw->cases.items[i]);
        if (!c->test) {
            deflt = (int32_t)i;
            continue;
        }
        cg_expr(cg, c->test);
        cg_op1(cg, EN_OP_SEq, d);
        jumps[i] = cg_jump(cg, EN_OP_JmpTrue);
    }
    uint32_t to_default = cg_jump(cg, EN_OP_Jmp);
    for (uint32_t i = 0; i < sw->cases.count; i++) {
        PsSwitchCase *c = PS_AS(PsSwitchCase, sw->cases.items[i]);
        if ((int32_t)i == deflt) cg_patch(cg, to_default);
        else cg_patch(cg, jumps[i]);
        cg_stmts(cg, &c->consequent);
    }
    if (deflt < 0) cg_patch(cg, to_default);
    och_free(jumps);
    pop_target(cg, &t, 0, true);
    cg_leave_scope(cg, s);
    cg_temps_free(cg, mark);
}

// ---------------------------------------------------------------------------
// try / catch / finally.

static void catch_clause(Cg *cg, PsCatch *c, uint32_t env_save) {
    cg_op1(cg, EN_OP_RestoreEnv, env_save);
    AnScope *s = cg_scope_of(cg, &c->h);
    uint32_t mark = cg->next_reg;
    uint32_t exc = cg_temp(cg);
    cg_op1(cg, EN_OP_Star, exc);
    cg_enter_scope(cg, s);
    if (c->param) {
        cg_op1(cg, EN_OP_Ldar, exc);
        cg_bind_pattern(cg, c->param, true);
    }
    // The body BLOCK has its own scope (when it declares something).
    cg_stmt(cg, c->body);
    cg_leave_scope(cg, s);
    cg_temps_free(cg, mark);
}

static void stmt_try(Cg *cg, PsNode *n) {
    PsTry *tr = PS_AS(PsTry, n);
    uint32_t mark = cg->next_reg;
    uint32_t env_save = cg_temp(cg);
    cg_op1(cg, EN_OP_SaveEnv, env_save);
    CgFinally f = {0};
    if (tr->finalizer) {
        f.kind_reg = cg_temp(cg);
        f.value_reg = cg_temp(cg);
        f.env_depth = cg->env_depth;
        f.prev = cg->finally;
        cg->finally = &f;
        cg->finally_depth++;
    }
    uint32_t start = cg_here(cg);
    cg_stmt(cg, tr->block);
    uint32_t end = cg_here(cg);
    uint32_t after_catch = UINT32_MAX;
    if (tr->handler) {
        after_catch = cg_jump(cg, EN_OP_Jmp);
        add_handler(cg, start, end, cg_here(cg));
        catch_clause(cg, PS_AS(PsCatch, tr->handler), env_save);
        cg_patch(cg, after_catch);
    }
    if (!tr->finalizer) {
        cg_temps_free(cg, mark);
        return;
    }
    uint32_t region_end = cg_here(cg);
    cg->finally = f.prev;
    cg->finally_depth--;
    // Normal completion.
    cg_op1(cg, EN_OP_LdaInt, CG_COMPLETION_NORMAL);
    cg_op1(cg, EN_OP_Star, f.kind_reg);
    uint32_t to_body = cg_jump(cg, EN_OP_Jmp);
    // Throw completion.
    add_handler(cg, start, region_end, cg_here(cg));
    cg_op1(cg, EN_OP_RestoreEnv, env_save);
    cg_op1(cg, EN_OP_Star, f.value_reg);
    cg_op1(cg, EN_OP_LdaInt, (uint32_t)CG_COMPLETION_THROW);
    cg_op1(cg, EN_OP_Star, f.kind_reg);
    cg_patch(cg, to_body);
    cg_patch_list(cg, &f.entries);
    // A finally block's own value does not replace the completion value.
    uint32_t saved_cpl = UINT32_MAX;
    if (cg->completion_reg != UINT32_MAX) {
        saved_cpl = cg_temp(cg);
        cg_op1(cg, EN_OP_Ldar, cg->completion_reg);
        cg_op1(cg, EN_OP_Star, saved_cpl);
    }
    cg_stmt(cg, tr->finalizer);
    if (saved_cpl != UINT32_MAX) {
        cg_op1(cg, EN_OP_Ldar, saved_cpl);
        cg_op1(cg, EN_OP_Star, cg->completion_reg);
    }
    // Dispatch on the completion.
    uint32_t mark2 = cg->next_reg;
    uint32_t k = cg_temp(cg);
    cg_op1(cg, EN_OP_LdaInt, (uint32_t)CG_COMPLETION_THROW);
    cg_op1(cg, EN_OP_Star, k);
    cg_op1(cg, EN_OP_Ldar, f.kind_reg);
    cg_op1(cg, EN_OP_SEq, k);
    uint32_t not_throw = cg_jump(cg, EN_OP_JmpFalse);
    cg_op1(cg, EN_OP_Ldar, f.value_reg);
    cg_op(cg, EN_OP_Throw);
    cg_patch(cg, not_throw);
    cg_op1(cg, EN_OP_LdaInt, CG_COMPLETION_RETURN);
    cg_op1(cg, EN_OP_Star, k);
    cg_op1(cg, EN_OP_Ldar, f.kind_reg);
    cg_op1(cg, EN_OP_SEq, k);
    uint32_t not_ret = cg_jump(cg, EN_OP_JmpFalse);
    cg_op1(cg, EN_OP_Ldar, f.value_reg);
    emit_return(cg);
    cg_patch(cg, not_ret);
    for (uint32_t i = 0; i < f.pending.len; i++) {
        cg_op1(cg, EN_OP_LdaInt, 2 + i);
        cg_op1(cg, EN_OP_Star, k);
        cg_op1(cg, EN_OP_Ldar, f.kind_reg);
        cg_op1(cg, EN_OP_SEq, k);
        uint32_t skip = cg_jump(cg, EN_OP_JmpFalse);
        jump_to_target(cg, f.pending.items[i].target, f.pending.items[i].is_continue);
        cg_patch(cg, skip);
    }
    och_vec_free(&f.pending);
    cg_temps_free(cg, mark2);
    cg_temps_free(cg, mark);
}

// ---------------------------------------------------------------------------

static void stmt_labeled(Cg *cg, PsNode *n) {
    PsLabeled *l = PS_AS(PsLabeled, n);
    PsNode *body = l->body;
    switch (body->kind) {
    case PS_NODE_WHILE_STMT: case PS_NODE_DO_WHILE_STMT: case PS_NODE_FOR_STMT:
    case PS_NODE_FOR_IN_STMT: case PS_NODE_FOR_OF_STMT: case PS_NODE_SWITCH_STMT:
        if (cg->npending_labels < CG_MAX_PENDING_LABELS) cg->pending_labels[cg->npending_labels++] = l->label;
        cg_stmt(cg, body);
        return;
    default: break;
    }
    CgTarget t;
    cg->npending_labels = 0;
    cg->pending_labels[cg->npending_labels++] = l->label;
    push_target(cg, &t, n, false);
    t.is_label_only = true;
    cg_stmt(cg, body);
    pop_target(cg, &t, 0, true);
}

static void stmt_function_decl(Cg *cg, PsNode *n) {
    // Hoisted at scope entry; Annex B: evaluating the declaration copies
    // the block binding to the function-level var.
    PsFunction *f = PS_AS(PsFunction, n);
    if (!f->id) return;
    AnBinding *b = an_binding_of_node(cg->an, f->id);
    if (b && (b->flags & AN_BF_ANNEXB) && b->annexb_var) {
        cg_load_ident(cg, f->id, false);
        cg_store_binding(cg, b->annexb_var, NULL, true);
    }
}

void cg_stmt(Cg *cg, PsNode *n) {
    if (cg->failed || !n) return;
    // Completion values (scripts, eval): statements that complete with
    // UpdateEmpty(result, undefined) start by resetting the value, so an
    // empty body leaves undefined.
    if (cg->completion_reg != UINT32_MAX) {
        switch ((PsNodeKind)n->kind) {
        case PS_NODE_IF_STMT: case PS_NODE_WHILE_STMT: case PS_NODE_DO_WHILE_STMT:
        case PS_NODE_FOR_STMT: case PS_NODE_FOR_IN_STMT: case PS_NODE_FOR_OF_STMT:
        case PS_NODE_SWITCH_STMT: case PS_NODE_TRY_STMT: case PS_NODE_WITH_STMT:
            cg_op(cg, EN_OP_LdaUndef);
            cg_op1(cg, EN_OP_Star, cg->completion_reg);
            break;
        default: break;
        }
    }
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_EXPRESSION_STMT:
        cg_expr(cg, PS_AS(PsUnary, n)->arg);
        if (cg->completion_reg != UINT32_MAX) cg_op1(cg, EN_OP_Star, cg->completion_reg);
        break;
    case PS_NODE_VAR_DECL: var_decl(cg, n); break;
    case PS_NODE_FUNCTION_DECL: stmt_function_decl(cg, n); break;
    case PS_NODE_EMPTY_STMT: break;
    case PS_NODE_DEBUGGER_STMT: cg_op(cg, EN_OP_Debugger); break;
    case PS_NODE_BLOCK: {
        AnScope *s = cg_scope_of(cg, n);
        uint32_t mark = cg->next_reg;
        cg_enter_scope(cg, s);
        cg_stmts(cg, &PS_AS(PsListNode, n)->items);
        cg_leave_scope(cg, s);
        cg_temps_free(cg, mark);
        break;
    }
    case PS_NODE_RETURN_STMT:
        if (PS_AS(PsUnary, n)->arg) {
            cg_expr(cg, PS_AS(PsUnary, n)->arg);
            // Async generators await the operand of `return expr`.
            if (cg_is_async_gen(cg)) cg_op(cg, EN_OP_Await);
        } else {
            cg_op(cg, EN_OP_LdaUndef);
        }
        emit_return(cg);
        break;
    case PS_NODE_THROW_STMT:
        cg_expr(cg, PS_AS(PsUnary, n)->arg);
        cg_pos(cg, n->start);
        cg_op(cg, EN_OP_Throw);
        break;
    case PS_NODE_IF_STMT: {
        PsConditional *c = PS_AS(PsConditional, n);
        cg_expr(cg, c->test);
        uint32_t to_else = cg_jump(cg, EN_OP_JmpFalse);
        cg_stmt(cg, c->consequent);
        if (c->alternate) {
            uint32_t to_end = cg_jump(cg, EN_OP_Jmp);
            cg_patch(cg, to_else);
            cg_stmt(cg, c->alternate);
            cg_patch(cg, to_end);
        } else {
            cg_patch(cg, to_else);
        }
        break;
    }
    case PS_NODE_WHILE_STMT: stmt_while(cg, n); break;
    case PS_NODE_DO_WHILE_STMT: stmt_do_while(cg, n); break;
    case PS_NODE_FOR_STMT: stmt_for(cg, n); break;
    case PS_NODE_FOR_IN_STMT: stmt_for_in_of(cg, n, false); break;
    case PS_NODE_FOR_OF_STMT: stmt_for_in_of(cg, n, true); break;
    case PS_NODE_SWITCH_STMT: stmt_switch(cg, n); break;
    case PS_NODE_TRY_STMT: stmt_try(cg, n); break;
    case PS_NODE_LABELED_STMT: stmt_labeled(cg, n); break;
    case PS_NODE_BREAK_STMT: stmt_break_continue(cg, n, false); break;
    case PS_NODE_CONTINUE_STMT: stmt_break_continue(cg, n, true); break;
    case PS_NODE_CLASS_DECL: {
        PsClass *c = PS_AS(PsClass, n);
        cg_class(cg, n);
        if (c->id) cg_store_ident(cg, c->id, true);
        break;
    }
    case PS_NODE_WITH_STMT: cg_with_stmt(cg, n); break;
    case PS_NODE_IMPORT_DECL:
    case PS_NODE_EXPORT_NAMED_DECL:
    case PS_NODE_EXPORT_DEFAULT_DECL:
    case PS_NODE_EXPORT_ALL_DECL: cg_module_decl(cg, n); break;
    default: cg_error(cg, n, ps_node_kind_name((PsNodeKind)n->kind)); break;
    }
}

void cg_stmts(Cg *cg, const PsList *l) {
    // A generator's body starts after FunctionDeclarationInstantiation:
    // the call returns the generator object there (GenStart).
    if ((cg->tmpl->flags & EN_TF_GENERATOR) && cg->fn && cg->fn->kind != PS_NODE_PROGRAM &&
        !(cg->fn->flags & PS_NF_EXPRESSION_BODY) &&
        l == &PS_AS(PsListNode, PS_AS(PsFunction, cg->fn)->body)->items)
        cg_op(cg, EN_OP_GenStart);
    for (uint32_t i = 0; i < l->count && !cg->failed; i++) cg_stmt(cg, l->items[i]);
}
