// Code-path and function-level rules: no-fallthrough, getter-return,
// no-setter-return, no-unsafe-finally, require-yield (reachability comes
// from the walk, lint_walk.c; no-unreachable lives there).
#include "lint_int.h"

static bool on(const AnLint *L, OchDiagCode c) { return L->on[an_rule_index(c)]; }

bool an_opts_no_fallthrough(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"commentPattern", "allowEmptyCase",
                                       "reportUnusedFallthroughComment", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    const AnJson *v = an_json_get(o, "commentPattern");
    if (v) {
        if (v->type != AN_JSON_STRING) {
            och_buf_printf(err, "\"commentPattern\" must be a string");
            return false;
        }
        const char *perr;
        AnPattern *p = an_pattern_compile(&L->tmp, v->str, &perr);
        if (!p) {
            och_buf_printf(err, "\"commentPattern\": %s", perr);
            return false;
        }
        L->o.fall_comment = p;
    }
    return an_opts_bool(o, "allowEmptyCase", &L->o.fall_allow_empty_case, err) &&
           an_opts_bool(o, "reportUnusedFallthroughComment", &L->o.fall_report_unused_comment, err);
}

bool an_opts_getter_return(AnLint *L, const AnJson *a, OchBuf *err) {
    static const char *const keys[] = {"allowImplicit", NULL};
    const AnJson *o;
    if (!an_opts_object(a, keys, &o, err)) return false;
    return an_opts_bool(o, "allowImplicit", &L->o.getter_allow_implicit, err);
}

// ---------------------------------------------------------------------------
// no-fallthrough.

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

// /falls?\s?through/i
static bool default_fall_comment(const char *s, uint32_t n) {
    for (uint32_t i = 0; i + 11 <= n + 0 && i < n; i++) {
        if (lower(s[i]) != 'f' || n - i < 11) continue;
        if (lower(s[i + 1]) != 'a' || lower(s[i + 2]) != 'l' || lower(s[i + 3]) != 'l') continue;
        uint32_t j = i + 4;
        if (j < n && lower(s[j]) == 's') j++;
        if (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r' || s[j] == '\f' ||
                      s[j] == '\v'))
            j++;
        static const char t[] = "through";
        uint32_t k = 0;
        while (k < 7 && j + k < n && lower(s[j + k]) == t[k]) k++;
        if (k == 7) return true;
    }
    return false;
}

// A directive comment (`eslint-disable ...`, `global x`...) never counts.
static bool directive_text(const char *s, uint32_t n) {
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) s++, n--;
    static const char *const words[] = {"eslint-disable-next-line", "eslint-disable-line",
                                        "eslint-disable", "eslint-enable", "eslint-env",
                                        "eslint", "exported", "globals", "global"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t l = strlen(words[i]);
        if (n >= l && memcmp(s, words[i], l) == 0 &&
            (n == l || s[l] == ' ' || s[l] == '\t' || s[l] == '\n' || s[l] == '\r'))
            return true;
    }
    return false;
}

typedef struct LastComment {
    uint32_t start, end;
    const char *body;
    uint32_t n;
    bool found;
} LastComment;

static bool last_comment(AnLint *L, uint32_t start, uint32_t end, const char *body, uint32_t n,
                         bool block, void *ctx) {
    (void)L;
    (void)block;
    LastComment *c = ctx;
    c->start = start;
    c->end = end;
    c->body = body;
    c->n = n;
    c->found = true;
    return true;
}

static bool is_fall_comment(const AnLint *L, const LastComment *c) {
    if (!c->found) return false;
    bool m = L->o.fall_comment ? an_pattern_test(L->o.fall_comment, c->body, c->n)
                               : default_fall_comment(c->body, c->n);
    return m && !directive_text(c->body, c->n);
}

void an_lint_flow_fallthrough(AnLint *L, PsSwitch *sw, uint32_t i, bool prev_live) {
    PsNode *prev = sw->cases.items[i - 1], *cur = sw->cases.items[i];
    if (!prev || prev->kind != PS_NODE_SWITCH_CASE) return;
    PsSwitchCase *pc = (PsSwitchCase *)prev;
    // The comment that allows falling through: the last one before this
    // case, or the last one inside a lone block of the previous case.
    LastComment c = {0};
    if (pc->consequent.count == 1 && pc->consequent.items[0] &&
        pc->consequent.items[0]->kind == PS_NODE_BLOCK) {
        PsListNode *blk = (PsListNode *)pc->consequent.items[0];
        uint32_t from = blk->items.count && blk->items.items[blk->items.count - 1]
                            ? blk->items.items[blk->items.count - 1]->end
                            : blk->h.start + 1;
        if (blk->h.end > from) an_lint_comments_in_gap(L, from, blk->h.end - 1, last_comment, &c);
        if (!is_fall_comment(L, &c)) memset(&c, 0, sizeof c);
    }
    if (!c.found) {
        an_lint_comments_in_gap(L, prev->end, cur->start, last_comment, &c);
        if (!is_fall_comment(L, &c)) memset(&c, 0, sizeof c);
    }
    bool fall = prev_live && (pc->consequent.count > 0 ||
                              (!L->o.fall_allow_empty_case &&
                               an_lint_newlines(L, prev->end, cur->start) > 1));
    bool is_default = ((PsSwitchCase *)cur)->test == NULL;
    if (fall && !c.found) {
        // Report the `case`/`default` clause as far as its colon.
        an_lint_report(L, AN_W_NO_FALLTHROUGH, cur->start, cur->end,
                       "Expected a 'break' statement before '%s': the previous case falls "
                       "through; add `break`, or a `// falls through` comment if it is meant.",
                       is_default ? "default" : "case");
    } else if (L->o.fall_report_unused_comment && !prev_live && c.found) {
        an_lint_report(L, AN_W_NO_FALLTHROUGH, c.start, c.end,
                       "Found a comment that would permit fallthrough, but case cannot fall "
                       "through.");
    }
}

// ---------------------------------------------------------------------------
// Accessors (getter-return, no-setter-return).

static bool is_global_member_call(const AnLint *L, const PsNode *call, const char *obj,
                                  const char *method) {
    if (!call || call->kind != PS_NODE_CALL_EXPR) return false;
    const PsNode *callee = ((const PsCall *)call)->callee;
    if (callee && callee->kind == PS_NODE_CHAIN_EXPR) callee = ((const PsUnary *)callee)->arg;
    if (!callee || callee->kind != PS_NODE_MEMBER_EXPR) return false;
    const PsMember *m = (const PsMember *)callee;
    if (!an_lint_is_global_ref(L, m->object, obj)) return false;
    OchBuf k = {0};
    bool ok = an_static_key(m->property, (callee->flags & PS_NF_COMPUTED) != 0, &k) && k.data &&
              strcmp(k.data, method) == 0;
    och_buf_free(&k);
    return ok;
}

static bool arg_at(const PsNode *call, uint32_t i, const PsNode *n) {
    const PsCall *c = (const PsCall *)call;
    return c->arguments.count > i && c->arguments.items[i] == n;
}

// ESLint's isPropertyDescriptor: obj (an OBJECT_EXPR at ancestor index k,
// i.e. an_lint_parent(L, k) == obj) is a descriptor argument.
static bool is_descriptor(const AnLint *L, const PsNode *obj, uint32_t k) {
    const PsNode *p = an_lint_parent(L, k + 1);
    if (p && p->kind == PS_NODE_CALL_EXPR && arg_at(p, 2, obj) &&
        (is_global_member_call(L, p, "Object", "defineProperty") ||
         is_global_member_call(L, p, "Reflect", "defineProperty")))
        return true;
    if (p && p->kind == PS_NODE_PROPERTY && ((const PsProperty *)p)->value == obj) {
        const PsNode *gp = an_lint_parent(L, k + 2), *call = an_lint_parent(L, k + 3);
        if (gp && gp->kind == PS_NODE_OBJECT_EXPR && call && call->kind == PS_NODE_CALL_EXPR &&
            arg_at(call, 1, gp) &&
            (is_global_member_call(L, call, "Object", "create") ||
             is_global_member_call(L, call, "Object", "defineProperties")))
            return true;
    }
    return false;
}

// 1 getter, 2 setter, 0 neither: fn is at ancestor index k.
static int accessor_kind(const AnLint *L, const PsNode *fn, uint32_t k) {
    if (fn->kind != PS_NODE_FUNCTION_EXPR && fn->kind != PS_NODE_ARROW_FUNCTION) return 0;
    const PsNode *p = an_lint_parent(L, k + 1);
    if (!p) return 0;
    if (p->kind == PS_NODE_PROPERTY || p->kind == PS_NODE_METHOD_DEF) {
        const PsNode *val = p->kind == PS_NODE_PROPERTY ? ((const PsProperty *)p)->value
                                                        : ((const PsClassMember *)p)->value;
        if (val != fn) return 0;
        if (p->op == PS_PROP_GET) return 1;
        if (p->op == PS_PROP_SET) return 2;
    }
    if (p->kind != PS_NODE_PROPERTY || p->op != PS_PROP_INIT) return 0;
    OchBuf key = {0};
    int kind = 0;
    if (an_static_key(((const PsProperty *)p)->key, (p->flags & PS_NF_COMPUTED) != 0, &key) &&
        key.data) {
        if (strcmp(key.data, "get") == 0) kind = 1;
        else if (strcmp(key.data, "set") == 0) kind = 2;
    }
    och_buf_free(&key);
    if (!kind) return 0;
    const PsNode *obj = an_lint_parent(L, k + 2);
    if (!obj || obj->kind != PS_NODE_OBJECT_EXPR || !is_descriptor(L, obj, k + 2)) return 0;
    return kind;
}

// Ancestor index of the current function node (L->flow->fn), or UINT32_MAX.
static uint32_t fn_index(const AnLint *L) {
    for (uint32_t k = 0; k < L->depth; k++)
        if (an_lint_parent(L, k) == L->flow->fn) return k;
    return UINT32_MAX;
}

static int current_accessor(AnLint *L) {
    AnFlow *f = L->flow;
    if (f->accessor < 0) {
        uint32_t k = fn_index(L);
        f->accessor = (int8_t)(k == UINT32_MAX ? 0 : accessor_kind(L, f->fn, k));
    }
    return f->accessor;
}

static void fn_name(const AnLint *L, const PsNode *fn, const PsNode *parent, OchBuf *out) {
    (void)L;
    const PsNode *key = NULL;
    bool computed = false;
    if (parent && (parent->kind == PS_NODE_PROPERTY || parent->kind == PS_NODE_METHOD_DEF)) {
        key = parent->kind == PS_NODE_PROPERTY ? ((const PsProperty *)parent)->key
                                               : ((const PsClassMember *)parent)->key;
        computed = (parent->flags & PS_NF_COMPUTED) != 0;
        och_buf_puts(out, parent->op == PS_PROP_GET ? "getter" : parent->op == PS_PROP_SET ? "setter" : "method");
    } else {
        och_buf_puts(out, "function");
    }
    OchBuf k = {0};
    if (key && an_static_key(key, computed, &k) && k.data) och_buf_printf(out, " '%s'", k.data);
    och_buf_free(&k);
    (void)fn;
}

static void getter_return_stmt(AnLint *L, PsNode *n) {
    if (current_accessor(L) != 1) return;
    L->flow->yields |= 0x80000000u;  // has a return (high bit; yields below)
    if (L->o.getter_allow_implicit || ((PsUnary *)n)->arg) return;
    uint32_t k = fn_index(L);
    OchBuf name = {0};
    fn_name(L, L->flow->fn, an_lint_parent(L, k + 1), &name);
    an_lint_report(L, AN_W_GETTER_RETURN, n->start, n->end,
                   "Expected to return a value in %s: a getter's value is what `return` gives.",
                   name.data ? name.data : "getter");
    och_buf_free(&name);
}

static void setter_return_stmt(AnLint *L, PsNode *n) {
    if (!((PsUnary *)n)->arg || current_accessor(L) != 2) return;
    an_lint_report(L, AN_W_NO_SETTER_RETURN, n->start, n->end,
                   "Setter cannot return a value: the value is ignored; remove it.");
}

static void count_yield(AnLint *L, PsNode *n) {
    (void)n;
    L->flow->yields++;
}

// ESLint's getFunctionHeadLoc: from the member (methods, accessors) or the
// function's start to its parameter list's '(' (an arrow: its `=>`).
static void fn_head(const AnLint *L, const PsNode *fn, const PsNode *parent, uint32_t *start,
                    uint32_t *end) {
    bool member = parent && (parent->kind == PS_NODE_PROPERTY || parent->kind == PS_NODE_METHOD_DEF ||
                             parent->kind == PS_NODE_PROPERTY_DEF);
    const PsFunction *f = (const PsFunction *)fn;
    if (fn->kind == PS_NODE_ARROW_FUNCTION && !member) {
        uint32_t p = f->body ? f->body->start : fn->end;
        while (p > fn->start && !(L->src[p - 1] == '>' && p >= 2 && L->src[p - 2] == '=')) p--;
        *start = p >= 2 ? p - 2 : fn->start;
        *end = p;
        return;
    }
    *start = member ? parent->start : fn->start;
    uint32_t p = fn->start;
    if (f->params.count && f->params.items[0]) {
        p = f->params.items[0]->start;
        while (p > fn->start && L->src[p - 1] != '(') p--;
        if (p > fn->start) p--;
    } else {
        uint32_t lim = f->body ? f->body->start : fn->end;
        while (p < lim && L->src[p] != '(') p++;
    }
    *end = p > *start ? p : *start + 1;
}

void an_lint_flow_function_end(AnLint *L, PsNode *fn, bool live) {
    PsFunction *f = (PsFunction *)fn;
    if (on(L, AN_W_GETTER_RETURN) && live && f->body && f->body->kind == PS_NODE_BLOCK &&
        current_accessor(L) == 1) {
        // The function node is the top of the stack while this runs.
        const PsNode *parent = an_lint_parent(L, 1);
        uint32_t start, end;
        fn_head(L, fn, parent, &start, &end);
        OchBuf name = {0};
        fn_name(L, fn, parent, &name);
        bool has_return = (L->flow->yields & 0x80000000u) != 0;
        an_lint_report(L, AN_W_GETTER_RETURN, start, end,
                       has_return ? "Expected %s to always return a value: the end of its body "
                                    "is reachable."
                                  : "Expected to return a value in %s.",
                       name.data ? name.data : "getter");
        och_buf_free(&name);
    }
    if (on(L, AN_W_NO_SETTER_RETURN) && fn->kind == PS_NODE_ARROW_FUNCTION &&
        (fn->flags & PS_NF_EXPRESSION_BODY) && f->body && current_accessor(L) == 2)
        an_lint_report(L, AN_W_NO_SETTER_RETURN, f->body->start, f->body->end,
                       "Setter cannot return a value: the value is ignored.");
    if (on(L, AN_W_REQUIRE_YIELD) && (fn->flags & PS_NF_GENERATOR) && f->body &&
        f->body->kind == PS_NODE_BLOCK && ((PsListNode *)f->body)->items.count > 0 &&
        (L->flow->yields & 0x7FFFFFFFu) == 0) {
        uint32_t start, end;
        fn_head(L, fn, an_lint_parent(L, 1), &start, &end);
        an_lint_report(L, AN_W_REQUIRE_YIELD, start, end,
                       "This generator function does not have 'yield'; make it a plain function, "
                       "or yield its values.");
    }
}

// ---------------------------------------------------------------------------
// no-unsafe-finally.

static bool is_loop_kind(uint8_t k) {
    return k == PS_NODE_WHILE_STMT || k == PS_NODE_DO_WHILE_STMT || k == PS_NODE_FOR_STMT ||
           k == PS_NODE_FOR_IN_STMT || k == PS_NODE_FOR_OF_STMT;
}

static bool is_boundary(uint8_t k) {
    return k == PS_NODE_PROGRAM || k == PS_NODE_FUNCTION_DECL || k == PS_NODE_FUNCTION_EXPR ||
           k == PS_NODE_ARROW_FUNCTION || k == PS_NODE_CLASS_DECL || k == PS_NODE_CLASS_EXPR;
}

static void unsafe_finally(AnLint *L, PsNode *n) {
    const PsNode *label = (n->kind == PS_NODE_BREAK_STMT || n->kind == PS_NODE_CONTINUE_STMT)
                              ? ((PsUnary *)n)->arg
                              : NULL;
    bool brk = n->kind == PS_NODE_BREAK_STMT && !label, cont = n->kind == PS_NODE_CONTINUE_STMT && !label;
    bool label_inside = false;
    const PsNode *child = n;
    for (uint32_t k = 0; k < L->depth; k++) {
        const PsNode *p = an_lint_parent(L, k);
        if (is_boundary(child->kind)) return;
        if ((brk || cont) && is_loop_kind(child->kind)) return;
        if (brk && child->kind == PS_NODE_SWITCH_STMT) return;
        if (label && p->kind == PS_NODE_LABELED_STMT) {
            const PsNode *l = ((const PsLabeled *)p)->label;
            if (l && l->aux == label->aux &&
                memcmp(((const PsIdent *)l)->name, ((const PsIdent *)label)->name, l->aux) == 0)
                label_inside = true;
        }
        if (p->kind == PS_NODE_TRY_STMT && ((const PsTry *)p)->finalizer == child) {
            if (label && label_inside) return;
            const char *what = n->kind == PS_NODE_RETURN_STMT  ? "ReturnStatement"
                               : n->kind == PS_NODE_THROW_STMT ? "ThrowStatement"
                               : n->kind == PS_NODE_BREAK_STMT ? "BreakStatement"
                                                               : "ContinueStatement";
            an_lint_report(L, AN_W_NO_UNSAFE_FINALLY, n->start, n->end,
                           "Unsafe usage of %s: control flow in a finally block overrides the "
                           "return or exception of the try block.",
                           what);
            return;
        }
        child = p;
    }
}

void an_lint_register_flow(AnLint *L) {
    L->need_flow = true;
    if (on(L, AN_W_GETTER_RETURN)) an_lint_on(L, PS_NODE_RETURN_STMT, getter_return_stmt);
    if (on(L, AN_W_NO_SETTER_RETURN)) an_lint_on(L, PS_NODE_RETURN_STMT, setter_return_stmt);
    if (on(L, AN_W_REQUIRE_YIELD)) an_lint_on(L, PS_NODE_YIELD_EXPR, count_yield);
    if (on(L, AN_W_NO_UNSAFE_FINALLY)) {
        an_lint_on(L, PS_NODE_RETURN_STMT, unsafe_finally);
        an_lint_on(L, PS_NODE_THROW_STMT, unsafe_finally);
        an_lint_on(L, PS_NODE_BREAK_STMT, unsafe_finally);
        an_lint_on(L, PS_NODE_CONTINUE_STMT, unsafe_finally);
    }
}

void an_lint_finish_flow(AnLint *L) { (void)L; }
