// Parser entry point: options, the token helpers every grammar file uses
// (consume, look ahead, expect, automatic semicolon insertion),
// diagnostics and the strict-mode stop, node and list allocation, the
// program with its directive prologue, and the final pass that marks
// subtrees containing errors.
#include "parser_int.h"

#include <stdio.h>

void ps_options_default(PsOptions *opts) {
    memset(opts, 0, sizeof *opts);
    opts->goal = PS_GOAL_SCRIPT;
    opts->annex_b = true;
}

bool ps_parse_has_errors(const PsParse *self) {
    for (uint32_t i = 0; i < self->diags.v.len; i++)
        if (self->diags.v.items[i].severity == OCH_SEV_ERROR) return true;
    return false;
}

void ps_parse_free(PsParse *self) {
    if (!self) return;
    ps_incr_pending_free(self);
    och_diag_list_free(&self->diags);
    och_arena_free(&self->arena);
    och_free(self);
}

// ---------------------------------------------------------------------------
// Tokens.

// The lexer added diagnostics while scanning the token just read (or a
// regexp pattern was rejected). Strict mode stops at the first one; both
// modes note input that ends inside a template or comment (a REPL should
// read another line rather than fail).
void ps_next_slow(PsParser *p) {
    for (uint32_t i = p->ndiags; i < p->diags->v.len; i++) {
        OchDiagCode c = p->diags->v.items[i].code;
        if (c == PS_E_UNTERMINATED_TEMPLATE || c == PS_E_UNTERMINATED_COMMENT)
            p->res->incomplete = true;
    }
    if (!p->tolerant && p->diags->v.len > 0) {
        p->diags->v.len = 1;
        p->stopped = true;
        p->lx.tok.type = PS_TOK_EOF;
        p->lx.tok.kw = PS_KW_NONE;
        p->lx.tok.end = p->lx.tok.start;
    }
    p->ndiags = p->diags->v.len;
}

void ps_peek(PsParser *p, PsToken *out) {
    if (p->stopped) {
        *out = p->lx.tok;
        return;
    }
    PsLexer saved = p->lx;
    uint32_t nd = p->diags->v.len;
    ps_lexer_next(&p->lx);
    *out = p->lx.tok;
    p->lx = saved;
    p->diags->v.len = nd;
}

void ps_peek2(PsParser *p, PsToken *first, PsToken *second) {
    if (p->stopped) {
        *first = *second = p->lx.tok;
        return;
    }
    PsLexer saved = p->lx;
    uint32_t nd = p->diags->v.len;
    ps_lexer_next(&p->lx);
    *first = p->lx.tok;
    ps_lexer_next(&p->lx);
    *second = p->lx.tok;
    p->lx = saved;
    p->diags->v.len = nd;
}

const char *ps_tok_desc(PsParser *p) {
    const PsToken *t = &p->lx.tok;
    char buf[96];
    switch ((PsTok)t->type) {
    case PS_TOK_EOF:
        return "end of input";
    case PS_TOK_IDENT: {
        uint32_t n = t->end - t->start;
        if (n > 40) n = 40;
        snprintf(buf, sizeof buf, "%s '%.*s'",
                 t->kw != PS_KW_NONE && t->kw < PS_KW_FIRST_STRICT_RESERVED ? "keyword" : "identifier",
                 (int)n, p->src + t->start);
        break;
    }
    case PS_TOK_PRIVATE_NAME:
    case PS_TOK_NUMBER:
    case PS_TOK_BIGINT:
    case PS_TOK_STRING: {
        uint32_t n = t->end - t->start;
        if (n > 40) n = 40;
        snprintf(buf, sizeof buf, "%s %.*s", ps_token_name((PsTok)t->type), (int)n,
                 p->src + t->start);
        break;
    }
    case PS_TOK_TEMPLATE:
    case PS_TOK_TEMPLATE_HEAD:
    case PS_TOK_TEMPLATE_MIDDLE:
    case PS_TOK_TEMPLATE_TAIL:
    case PS_TOK_REGEX:
    case PS_TOK_ERROR:
    case PS_TOK_JSX_TEXT:
    case PS_TOK_JSX_STRING:
        return ps_token_name((PsTok)t->type);
    default:
        return ps_token_name((PsTok)t->type);
    }
    return och_arena_strndup(p->arena, buf, strlen(buf));
}

// ---------------------------------------------------------------------------
// Diagnostics.

static void stop(PsParser *p) {
    if (p->lx.tok.type == PS_TOK_EOF) p->res->incomplete = true;
    if (p->tolerant) return;
    p->stopped = true;
    p->lx.tok.type = PS_TOK_EOF;
    p->lx.tok.kw = PS_KW_NONE;
    p->lx.tok.flags = 0;
    p->lx.tok.end = p->lx.tok.start;
}

static OchDiag *verror(PsParser *p, OchDiagCode code, uint32_t start, uint32_t end,
                       const char *fmt, va_list ap) {
    if (p->stopped) return NULL;
    // Tolerant mode: one error per position is enough; a second one at the
    // same offset is almost always a consequence of the first.
    if (p->tolerant && p->diags->v.len > 0 &&
        p->diags->v.items[p->diags->v.len - 1].span.start == start)
        return NULL;
    OchDiag *d = och_diag_vadd(p->diags, code, OCH_SEV_ERROR, start, end, fmt, ap);
    p->ndiags = p->diags->v.len;
    stop(p);
    return d;
}

OchDiag *ps_error(PsParser *p, OchDiagCode code, uint32_t start, uint32_t end, const char *fmt,
                  ...) {
    va_list ap;
    va_start(ap, fmt);
    OchDiag *d = verror(p, code, start, end, fmt, ap);
    va_end(ap);
    return d;
}

OchDiag *ps_error_at_tok(PsParser *p, OchDiagCode code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    OchDiag *d = verror(p, code, p->lx.tok.start, p->lx.tok.end, fmt, ap);
    va_end(ap);
    return d;
}

void ps_error_unexpected(PsParser *p, const char *hint) {
    if (p->stopped) return;
    if (p->lx.tok.type == PS_TOK_ERROR) {
        // The lexer already explained this token.
        if (!p->tolerant) stop(p);
        return;
    }
    const char *desc = ps_tok_desc(p);
    if (p->lx.tok.type == PS_TOK_EOF)
        // Zero-width after the last token: where the missing code belongs.
        ps_error(p, PS_E_UNTERMINATED_EOF, p->prev_end, p->prev_end, "unexpected end of input%s%s",
                 hint ? "; " : "", hint ? hint : "");
    else
        ps_error_at_tok(p, PS_E_UNEXPECTED_TOKEN, "unexpected %s%s%s", desc, hint ? "; " : "",
                        hint ? hint : "");
}

void ps_report_too_deep(PsParser *p) {
    if (p->too_deep) return;
    p->too_deep = true;
    bool tolerant = p->tolerant;
    p->tolerant = false;  // the rest of the input is not parsed in either mode
    ps_error_at_tok(p, PS_E_TOO_DEEP,
                    "nesting too deep: more than %d nested expressions or statements; split this "
                    "code into smaller functions or variables",
                    PS_MAX_DEPTH);
    p->tolerant = tolerant;
    p->stopped = true;
    p->lx.tok.type = PS_TOK_EOF;
}

bool ps_expect(PsParser *p, PsTok t, const char *what) {
    if (p->lx.tok.type == t) {
        ps_next(p);
        return true;
    }
    if (p->lx.tok.type == PS_TOK_ERROR) {
        ps_error_unexpected(p, NULL);
        return false;
    }
    const char *desc = ps_tok_desc(p);
    if (what)
        ps_error(p, PS_E_EXPECTED_TOKEN, p->lx.tok.start, p->lx.tok.end, "expected %s %s, found %s",
                 ps_token_name(t), what, desc);
    else
        ps_error(p, PS_E_EXPECTED_TOKEN, p->lx.tok.start, p->lx.tok.end, "expected %s, found %s",
                 ps_token_name(t), desc);
    return false;
}

bool ps_expect_close(PsParser *p, PsTok t, uint32_t open_start, const char *construct) {
    if (p->lx.tok.type == t) {
        ps_next(p);
        return true;
    }
    if (p->stopped) return false;
    const char *close = ps_token_name(t);
    const char *open = t == PS_TOK_RPAREN ? "'('" : t == PS_TOK_RBRACKET ? "'['" : "'{'";
    OchDiag *d;
    if (p->lx.tok.type == PS_TOK_EOF) {
        // Report at the end of the last token: that is where ')' belongs.
        d = ps_error(p, PS_E_UNCLOSED_DELIMITER, p->prev_end, p->prev_end,
                     "expected %s to close the %s, found end of input; add %s", close, construct,
                     close);
        p->res->incomplete = true;
    } else {
        const char *desc = ps_tok_desc(p);
        d = ps_error(p, PS_E_UNCLOSED_DELIMITER, p->lx.tok.start, p->lx.tok.end,
                     "expected %s to close the %s, found %s; add %s", close, construct, desc,
                     close);
    }
    if (d) och_diag_related(p->diags, d, open_start, open_start + 1, "%s opened here", open);
    return false;
}

// The statement before the current token ended without a semicolon where
// none can be inserted. Tolerant mode remembers the spot: the enclosing
// statement list then skips the rest of the broken statement into an ERROR
// node after it (ps_recover_after), so the statement's own range stays
// what it parsed.
static void semicolon_recover(PsParser *p) {
    if (p->tolerant && !p->stopped) p->recover_at = p->lx.tok.start;
}

void ps_recover_after(PsParser *p) {
    if (OCH_LIKELY(p->recover_at == PS_NOPOS)) return;
    bool here = p->recover_at == p->lx.tok.start;
    p->recover_at = PS_NOPOS;
    if (!here) return;
    PsNode *junk = ps_recover_statement(p);
    if (junk) ps_push(p, junk);
}

void ps_semicolon(PsParser *p) {
    if (p->lx.tok.type == PS_TOK_SEMICOLON) {
        ps_next(p);
        return;
    }
    if (ps_can_insert_semicolon(p)) return;
    if (p->lx.tok.type == PS_TOK_ERROR) {
        ps_error_unexpected(p, NULL);
        semicolon_recover(p);
        return;
    }
    const PsToken *t = &p->lx.tok;
    if (p->prev_end >= 5 && memcmp(p->src + p->prev_end - 5, "await", 5) == 0 &&
        !(p->ctx & PS_CTX_AWAIT) && ps_tok_starts_expr(p)) {
        // `await x` outside async functions reads as the identifier `await`
        // followed by an expression: explain the likely intent instead.
        ps_error(p, PS_E_AWAIT_NOT_ASYNC, p->prev_end - 5, p->prev_end,
                 "'await' is only valid in async functions and at the top level of modules; "
                 "make the function async");
    } else {
        ps_error(p, PS_E_MISSING_SEMICOLON, t->start, t->end,
                 "expected ';' or a line break before %s", ps_tok_desc(p));
    }
    semicolon_recover(p);
}

// ---------------------------------------------------------------------------
// Nodes and lists.

void ps_scratch_grow(PsParser *p) {
    uint32_t cap = p->scratch_cap ? p->scratch_cap * 2 : 256;
    p->scratch = och_realloc(p->scratch, cap * sizeof(PsNode *));
    p->scratch_cap = cap;
}

PsList ps_list_take(PsParser *p, uint32_t mark) {
    PsList l = {NULL, p->sp - mark};
    if (l.count) {
        l.items = och_arena_alloc(p->arena, l.count * sizeof(PsNode *));
        memcpy(l.items, p->scratch + mark, l.count * sizeof(PsNode *));
    }
    p->sp = mark;
    return l;
}

PsNode *ps_missing(PsParser *p, uint32_t pos) {
    if (pos > p->missing_at) p->missing_at = pos;
    PsIdent *id = PS_NEW(p, PsIdent, IDENTIFIER, pos);
    id->h.flags = PS_NF_MISSING;
    id->name = "";
    return &id->h;
}

PsNode *ps_error_node_skip(PsParser *p) {
    PsListNode *e = PS_NEW(p, PsListNode, ERROR, p->lx.tok.start);
    if (p->lx.tok.type != PS_TOK_EOF) ps_next(p);
    return ps_finish(p, e);
}

// ---------------------------------------------------------------------------
// Marking subtrees with errors (tolerant mode): an explicit-stack walk,
// since left-nested chains (`a + b + c ...`) can be far deeper than the C
// stack allows recursion.

typedef struct MarkItem {
    PsNode *node;
    uint32_t parent;
} MarkItem;

typedef struct MarkCtx {
    OCH_VEC(MarkItem) order;
    OCH_VEC(MarkItem) stack;
    uint32_t parent;
} MarkCtx;

static bool mark_push_child(PsNode *child, void *ctx) {
    MarkCtx *m = ctx;
    och_vec_push(&m->stack, ((MarkItem){child, m->parent}));
    return true;
}

// Whether a diagnostic starts inside [start, end) (or exactly at end for a
// zero-width one, e.g. an inserted ')'); diags is sorted by start.
bool ps_range_has_diag(const OchDiagList *diags, uint32_t start, uint32_t end) {
    const OchDiag *d = diags->v.items;
    uint32_t lo = 0, hi = diags->v.len;
    while (lo < hi) {  // first diagnostic starting at or after `start`
        uint32_t mid = (lo + hi) / 2;
        if (d[mid].span.start < start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t i = lo; i < diags->v.len && d[i].span.start <= end; i++)
        if (d[i].span.start < end || d[i].span.end == d[i].span.start) return true;
    return false;
}

// Sets PS_NF_HAS_ERROR on ERROR and MISSING nodes, on nodes whose range
// holds a diagnostic, and on all their ancestors.
void ps_mark_errors(PsNode *root, const OchDiagList *diags) {
    MarkCtx m = {0};
    och_vec_push(&m.stack, ((MarkItem){root, UINT32_MAX}));
    while (m.stack.len) {
        MarkItem it = m.stack.items[--m.stack.len];
        m.parent = m.order.len;
        och_vec_push(&m.order, it);
        ps_node_for_each_child(it.node, mark_push_child, &m);
    }
    // Reverse pre-order visits every child before its parent.
    for (uint32_t i = m.order.len; i-- > 0;) {
        PsNode *n = m.order.items[i].node;
        if (n->kind == PS_NODE_ERROR || (n->flags & PS_NF_MISSING) ||
            ps_range_has_diag(diags, n->start, n->end))
            n->flags |= PS_NF_HAS_ERROR;
        uint32_t parent = m.order.items[i].parent;
        if ((n->flags & PS_NF_HAS_ERROR) && parent != UINT32_MAX)
            m.order.items[parent].node->flags |= PS_NF_HAS_ERROR;
    }
    och_vec_free(&m.order);
    och_vec_free(&m.stack);
}

// ---------------------------------------------------------------------------
// Functions shared by all bodies.

void ps_fn_enter(PsParser *p, PsFnSave *save, uint32_t ctx) {
    save->ctx = p->ctx;
    save->label_base = p->label_base;
    save->loop_depth = p->loop_depth;
    save->break_depth = p->break_depth;
    save->yield_pos = p->yield_pos;
    save->await_pos = p->await_pos;
    save->await_ident_pos = p->await_ident_pos;
    p->ctx = ctx;
    p->lx.strict = (ctx & PS_CTX_STRICT) != 0;
    p->label_base = p->labels.len;
    p->loop_depth = p->break_depth = 0;
    p->yield_pos = p->await_pos = p->await_ident_pos = PS_NOPOS;
}

void ps_fn_leave(PsParser *p, const PsFnSave *save) {
    p->ctx = save->ctx;
    p->lx.strict = (save->ctx & PS_CTX_STRICT) != 0;
    p->labels.len = p->label_base;
    p->label_base = save->label_base;
    p->loop_depth = save->loop_depth;
    p->break_depth = save->break_depth;
    p->yield_pos = save->yield_pos;
    p->await_pos = save->await_pos;
    p->await_ident_pos = save->await_ident_pos;
}

// ---------------------------------------------------------------------------
// Program.

bool ps_parse_body_items(PsParser *p, PsStmtCtx where, bool simple_params) {
    return ps_parse_body_items_from(p, where, simple_params, true);
}

bool ps_parse_body_items_from(PsParser *p, PsStmtCtx where, bool simple_params, bool in_prologue) {
    bool until_rbrace = where == PS_SL_FUNCTION;
    bool became_strict = false;
    p->body_level++;
    uint32_t first_octal = PS_NOPOS, first_octal_end = 0;
    while (!ps_at(p, PS_TOK_EOF) && !(until_rbrace && ps_at(p, PS_TOK_RBRACE))) {
        // Tolerant mode: `else`/`catch`/... in a function body means the
        // body's '}' is missing (the caller reports it).
        if (until_rbrace && p->tolerant && p->lx.tok.type == PS_TOK_IDENT &&
            !(p->lx.tok.flags & PS_TF_ESCAPED) &&
            (p->lx.tok.kw == PS_KW_ELSE || p->lx.tok.kw == PS_KW_CATCH ||
             p->lx.tok.kw == PS_KW_FINALLY))
            break;
        uint32_t before = p->lx.tok.start;
        PsTok before_type = (PsTok)p->lx.tok.type;
        bool is_string = before_type == PS_TOK_STRING;
        PsNode *s = ps_parse_statement_list_item(p, where);
        ps_push(p, s);
        ps_recover_after(p);
        if (in_prologue) {
            PsNode *e = s->kind == PS_NODE_EXPRESSION_STMT ? PS_AS(PsUnary, s)->arg : NULL;
            if (is_string && e && ps_is_string_lit(e) && !(e->flags & PS_NF_PARENTHESIZED) &&
                e->start == s->start) {
                s->flags |= PS_NF_DIRECTIVE;
                if ((e->flags & PS_NF_LEGACY_OCTAL) && first_octal == PS_NOPOS) {
                    first_octal = p->last_octal_pos;
                    first_octal_end = p->last_octal_end;
                }
                if (e->end - e->start == 12 && memcmp(p->src + e->start + 1, "use strict", 10) == 0) {
                    if (!simple_params)
                        ps_error(p, PS_E_USE_STRICT_NON_SIMPLE, e->start, e->end,
                                 "\"use strict\" is not allowed in a function with default, rest "
                                 "or destructured parameters; move the directive to the enclosing "
                                 "scope");
                    if (!ps_strict(p)) {
                        ps_set_strict(p, true);
                        became_strict = true;
                        if (first_octal != PS_NOPOS)
                            ps_error(p, PS_E_OCTAL_IN_STRICT, first_octal, first_octal_end,
                                     "octal escape sequences are not allowed in strict mode, and "
                                     "a later \"use strict\" makes this code strict; use \\x or "
                                     "\\u escapes");
                        else if (p->lx.tok.flags & PS_TF_LEGACY_OCTAL)
                            ps_error(p, PS_E_OCTAL_IN_STRICT, p->lx.tok.octal_pos,
                                     p->lx.tok.octal_end,
                                     "legacy octal literals and escapes are not allowed in strict "
                                     "mode; use 0o17, or \\x / \\u escapes");
                    }
                }
            } else {
                in_prologue = false;
            }
        }
        // Tolerant mode: make progress on a token no statement can start with.
        if (p->lx.tok.start == before && p->lx.tok.type == before_type && !ps_at(p, PS_TOK_EOF) &&
            !(until_rbrace && ps_at(p, PS_TOK_RBRACE)))
            ps_push(p, ps_error_node_skip(p));
        if (OCH_UNLIKELY(p->item_hook != NULL) && p->body_level == 1) {
            p->prologue_open = in_prologue;
            if (p->item_hook(p, p->item_hook_ctx)) break;
        }
    }
    p->body_level--;
    return became_strict;
}

static PsNode *parse_program(PsParser *p, PsGoal goal) {
    PsListNode *prog = PS_NEW(p, PsListNode, PROGRAM, 0);
    prog->h.op = (uint8_t)goal;
    uint32_t mark = p->sp;
    if (ps_parse_body_items(p, goal == PS_GOAL_MODULE ? PS_SL_MODULE : PS_SL_SCRIPT, true))
        prog->h.flags |= PS_NF_STRICT;
    prog->items = ps_list_take(p, mark);
    prog->h.end = p->len;
    return &prog->h;
}

PsParse *ps_parse(const char *src, size_t len, const PsOptions *opts) {
    PsOptions defaults;
    if (!opts) {
        ps_options_default(&defaults);
        opts = &defaults;
    }
    PsParse *res = och_calloc(1, sizeof *res);
    och_arena_init(&res->arena);
    res->diags.arena = &res->arena;
    res->src = src;
    res->opts = *opts;
    if ((uint64_t)len >= (uint64_t)UINT32_MAX) {
        res->len = 0;
        och_diag_add(&res->diags, PS_E_TOO_DEEP, OCH_SEV_ERROR, 0, 0,
                     "the source is %zu bytes; the parser accepts less than 4 GiB", len);
        PsListNode *prog = och_arena_alloc(&res->arena, sizeof *prog);
        memset(prog, 0, sizeof *prog);
        prog->h.kind = PS_NODE_PROGRAM;
        prog->h.op = (uint8_t)opts->goal;
        res->root = &prog->h;
        res->node_count = 1;
        return res;
    }
    res->len = (uint32_t)len;

    PsParser p;
    memset(&p, 0, sizeof p);
    p.res = res;
    p.arena = &res->arena;
    p.diags = &res->diags;
    p.src = src;
    p.len = (uint32_t)len;
    p.module = opts->goal == PS_GOAL_MODULE;
    p.tolerant = opts->tolerant;
    p.jsx = opts->jsx;
    p.decorators = opts->decorators;
    p.annex_b = opts->annex_b && !p.module;
    p.potential_arrow_at = PS_NOPOS;
    p.yield_pos = p.await_pos = p.await_ident_pos = PS_NOPOS;
    p.last_octal_pos = PS_NOPOS;
    p.recover_at = PS_NOPOS;
    uint32_t ctx = 0;
    if (p.module || opts->strict) ctx |= PS_CTX_STRICT;
    // Top-level await: modules only.
    if (p.module) ctx |= PS_CTX_AWAIT;
    p.ctx = ctx;

    ps_lexer_init(&p.lx, src, (uint32_t)len, &res->arena, &res->diags, p.module, p.annex_b,
                  p.jsx);
    p.lx.strict = (ctx & PS_CTX_STRICT) != 0;
    ps_lexer_next(&p.lx);
    if (res->diags.v.len) ps_next_slow(&p);

    PsNode *root = parse_program(&p, opts->goal);
    if (ctx & PS_CTX_STRICT) root->flags |= PS_NF_STRICT;
    res->root = root;

    if (!p.tolerant && res->diags.v.len > 1) res->diags.v.len = 1;
    och_diag_sort(&res->diags);
    if (p.tolerant && res->diags.v.len) ps_mark_errors(root, &res->diags);
    res->arena_base = res->arena.total;

    och_free(p.scratch);
    och_vec_free(&p.labels);
    och_vec_free(&p.priv_decls);
    och_vec_free(&p.priv_refs);
    return res;
}
