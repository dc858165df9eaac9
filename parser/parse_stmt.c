// Statements and declarations: the statement-list dispatch (which
// declarations may appear where), variable/lexical/using declarations,
// blocks, if, loops (for/for-in/for-of/for-await with their lookahead
// restrictions), switch, try, labels with break/continue targets, and the
// statement-level error recovery of tolerant mode.
#include "parser_int.h"

// ---------------------------------------------------------------------------
// Lookahead decisions for contextual declaration keywords.

static bool is_binding_word(const PsToken *t) {
    if (t->type != PS_TOK_IDENT) return false;
    return t->kw == PS_KW_NONE || t->kw >= PS_KW_FIRST_STRICT_RESERVED;
}

// `let` starts a lexical declaration (not the identifier `let`)?
// stmt_pos: in a single-statement position, where `let` followed by a line
// break is an expression statement.
// The byte after the current token, skipping spaces and tabs on the same
// line; 0 when something else (a line break, a comment, the end) follows.
// A cheap pre-check that spares a token of lookahead in common cases.
static uint8_t next_byte(const PsParser *p) {
    const char *s = p->src + p->lx.tok.end;
    while (*s == ' ' || *s == '\t') s++;
    uint8_t c = (uint8_t)*s;
    return c == '\n' || c == '\r' || c == '/' || c >= 0x80 ? 0 : c;
}

static inline bool is_ascii_ident_start(uint8_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

static bool let_starts_decl(PsParser *p, bool stmt_pos) {
    uint8_t c = next_byte(p);
    // `let x`, `let [`: a declaration unless the word is `in`/`instanceof`.
    if (c == '[' || (is_ascii_ident_start(c) && c != 'i')) return true;
    if (c == '=' || c == '.' || c == '(' || c == ';' || c == ',' || c == ')') return false;
    PsToken nx;
    ps_peek(p, &nx);
    if (nx.type == PS_TOK_LBRACKET) return true;
    if (stmt_pos && (nx.flags & PS_TF_NEWLINE_BEFORE)) return false;
    if (nx.type == PS_TOK_LBRACE) return !stmt_pos;
    if (nx.type == PS_TOK_IDENT)
        return !((nx.kw == PS_KW_IN || nx.kw == PS_KW_INSTANCEOF) && !(nx.flags & PS_TF_ESCAPED));
    return false;
}

// `using x` (no line break between)?
static bool using_starts_decl(PsParser *p) {
    PsToken nx;
    ps_peek(p, &nx);
    return is_binding_word(&nx) && !(nx.flags & PS_TF_NEWLINE_BEFORE);
}

// `await using x` in an async context?
static bool await_using_starts_decl(PsParser *p) {
    if (!(p->ctx & PS_CTX_AWAIT) || (p->ctx & PS_CTX_STATIC_BLOCK)) return false;
    uint8_t c = next_byte(p);
    if (c != 'u' && c != 0) return false;  // only `await using` (a comment: look ahead)
    PsToken a, b;
    ps_peek2(p, &a, &b);
    return a.type == PS_TOK_IDENT && a.kw == PS_KW_USING && !(a.flags & PS_TF_ESCAPED) &&
           !(a.flags & PS_TF_NEWLINE_BEFORE) && is_binding_word(&b) &&
           !(b.flags & PS_TF_NEWLINE_BEFORE);
}

// ---------------------------------------------------------------------------
// Declarations.

PsNode *ps_parse_var_decl(PsParser *p, uint32_t start, PsVarKind kind, unsigned ef, bool in_for) {
    PsListNode *d = PS_NEW(p, PsListNode, VAR_DECL, start);
    d->h.op = (uint8_t)kind;
    uint32_t mark = p->sp;
    bool lexical = kind != PS_VAR_VAR;
    bool using = kind == PS_VAR_USING || kind == PS_VAR_AWAIT_USING;
    for (;;) {
        PsVarDeclarator *v = PS_NEW(p, PsVarDeclarator, VAR_DECLARATOR, p->lx.tok.start);
        if (using && (ps_at(p, PS_TOK_LBRACKET) || ps_at(p, PS_TOK_LBRACE)))
            ps_error_at_tok(p, PS_E_USING_PATTERN,
                            "'using' declarations bind plain names, not destructuring patterns");
        v->id = ps_parse_binding_target(p);
        if (lexical && ps_pattern_binds(v->id, "let", 3))
            ps_error(p, PS_E_LET_BINDING, v->id->start, v->id->end,
                     "'let' cannot be the name of a let, const or using binding");
        if (ps_eat(p, PS_TOK_ASSIGN)) {
            v->init = ps_parse_assign(p, ef, NULL);
        } else if (!in_for) {
            if (kind == PS_VAR_CONST || using)
                ps_error(p, PS_E_MISSING_INITIALIZER, v->id->start, v->id->end,
                         "'%s' declarations must be initialized; add '= value'",
                         kind == PS_VAR_CONST ? "const" : "using");
            else if (v->id->kind != PS_NODE_IDENTIFIER)
                ps_error(p, PS_E_MISSING_INITIALIZER, v->id->start, v->id->end,
                         "a destructuring declaration must be initialized; add '= value'");
        }
        ps_push(p, ps_finish(p, v));
        if (!ps_eat(p, PS_TOK_COMMA)) break;
    }
    d->items = ps_list_take(p, mark);
    return ps_finish(p, d);
}

// Declaration statement: the keyword(s) are the current token(s).
static PsNode *parse_var_statement(PsParser *p, PsVarKind kind) {
    uint32_t start = p->lx.tok.start;
    ps_next(p);
    if (kind == PS_VAR_AWAIT_USING) ps_next(p);
    PsNode *d = ps_parse_var_decl(p, start, kind, 0, false);
    ps_semicolon(p);
    return ps_finish(p, d);
}

static void check_using_placement(PsParser *p, PsStmtCtx where) {
    if (where == PS_SL_SCRIPT)
        ps_error_at_tok(p, PS_E_USING_PLACEMENT,
                        "'using' declarations are not allowed at the top level of a script; put "
                        "them in a block or function");
    else if (where == PS_SL_CASE)
        ps_error_at_tok(p, PS_E_USING_PLACEMENT,
                        "'using' declarations are not allowed directly in a switch case; wrap the "
                        "case body in a block '{ ... }'");
}

static void decl_not_allowed(PsParser *p, const char *what) {
    ps_error_at_tok(p, PS_E_DECL_IN_STATEMENT,
                    "%s is not allowed as the body of an if, loop or label; wrap it in a block "
                    "'{ ... }'",
                    what);
}

PsNode *ps_parse_statement_list_item(PsParser *p, PsStmtCtx where) {
    const PsToken *t = &p->lx.tok;
    uint32_t start = t->start;
    if (t->type == PS_TOK_IDENT && !(t->flags & PS_TF_ESCAPED)) {
        switch ((PsKeyword)t->kw) {
        case PS_KW_FUNCTION:
            return ps_parse_function(p, start, PS_FN_DECL);
        case PS_KW_CLASS:
            return ps_parse_class(p, start, true, false, (PsList){NULL, 0});
        case PS_KW_CONST:
            return parse_var_statement(p, PS_VAR_CONST);
        case PS_KW_LET:
            if (let_starts_decl(p, false)) return parse_var_statement(p, PS_VAR_LET);
            break;
        case PS_KW_ASYNC: {
            uint8_t c = next_byte(p);
            if (c != 'f' && c != 0) break;  // only `async function` is a declaration
            PsToken nx;
            ps_peek(p, &nx);
            if (nx.type == PS_TOK_IDENT && nx.kw == PS_KW_FUNCTION && !(nx.flags & PS_TF_ESCAPED) &&
                !(nx.flags & PS_TF_NEWLINE_BEFORE)) {
                ps_next(p);
                return ps_parse_function(p, start, PS_FN_DECL | PS_FN_ASYNC);
            }
            break;
        }
        case PS_KW_USING:
            if (using_starts_decl(p)) {
                check_using_placement(p, where);
                return parse_var_statement(p, PS_VAR_USING);
            }
            break;
        case PS_KW_AWAIT:
            if (await_using_starts_decl(p)) {
                check_using_placement(p, where);
                return parse_var_statement(p, PS_VAR_AWAIT_USING);
            }
            break;
        case PS_KW_IMPORT: {
            uint8_t c = next_byte(p);
            if (c == '(' || c == '.') break;  // import(...), import.meta
            if (c == 0) {
                PsToken nx;
                ps_peek(p, &nx);
                if (nx.type == PS_TOK_LPAREN || nx.type == PS_TOK_DOT) break;
            }
            if (where != PS_SL_MODULE)
                ps_error_at_tok(p, PS_E_MODULE_ONLY,
                                p->module ? "import declarations are only allowed at the top level "
                                            "of a module"
                                          : "import declarations are only allowed in modules; "
                                            "parse this file as a module, or use 'import(...)'");
            return ps_parse_import_decl(p);
        }
        case PS_KW_EXPORT:
            if (where != PS_SL_MODULE)
                ps_error_at_tok(p, PS_E_MODULE_ONLY,
                                p->module ? "export declarations are only allowed at the top level "
                                            "of a module"
                                          : "export declarations are only allowed in modules; "
                                            "parse this file as a module");
            return ps_parse_export_decl(p);
        default:
            break;
        }
    } else if (t->type == PS_TOK_AT) {
        if (!p->decorators)
            ps_error_at_tok(p, PS_E_DECORATORS_DISABLED,
                            "decorators are not enabled; enable the decorators option");
        PsList decs = ps_parse_decorators(p);
        if (ps_at_kw(p, PS_KW_EXPORT)) {
            if (where != PS_SL_MODULE)
                ps_error_at_tok(p, PS_E_MODULE_ONLY,
                                "export declarations are only allowed at the top level of a "
                                "module");
            // `@dec export class C {}`: the export parser picks the
            // decorators up from the class it parses.
            PsNode *e = ps_parse_export_decl(p);
            PsModuleDecl *m = PS_AS(PsModuleDecl, e);
            PsNode *cls = e->kind == PS_NODE_EXPORT_DEFAULT_DECL ? PS_AS(PsUnary, e)->arg
                          : e->kind == PS_NODE_EXPORT_NAMED_DECL  ? m->declaration
                                                                  : NULL;
            if (cls && (cls->kind == PS_NODE_CLASS_DECL || cls->kind == PS_NODE_CLASS_EXPR)) {
                PS_AS(PsClass, cls)->decorators = decs;
            } else {
                ps_error(p, PS_E_EXPECTED_TOKEN, start, start + 1,
                         "decorators must be followed by a class");
            }
            e->start = start;
            return e;
        }
        if (ps_at_kw(p, PS_KW_CLASS)) return ps_parse_class(p, start, true, false, decs);
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected 'class' after decorators, found %s",
                        ps_tok_desc(p));
    }
    return ps_parse_statement(p);
}

// ---------------------------------------------------------------------------
// Blocks and recovery.

// Keywords that only continue an enclosing statement: in tolerant mode a
// block that meets one was left unclosed (`if (a) { b(); else ...`).
static bool continues_enclosing(const PsParser *p) {
    const PsToken *t = &p->lx.tok;
    if (t->type != PS_TOK_IDENT || (t->flags & PS_TF_ESCAPED)) return false;
    return t->kw == PS_KW_ELSE || t->kw == PS_KW_CATCH || t->kw == PS_KW_FINALLY ||
           t->kw == PS_KW_CASE || t->kw == PS_KW_DEFAULT;
}

void ps_parse_statements_until_rbrace(PsParser *p, PsStmtCtx where) {
    while (!ps_at(p, PS_TOK_RBRACE) && !ps_at(p, PS_TOK_EOF)) {
        if (p->tolerant && continues_enclosing(p)) break;
        uint32_t before = p->lx.tok.start;
        PsTok before_type = (PsTok)p->lx.tok.type;
        ps_push(p, ps_parse_statement_list_item(p, where));
        ps_recover_after(p);
        if (p->lx.tok.start == before && p->lx.tok.type == before_type && !ps_at(p, PS_TOK_EOF) &&
            !ps_at(p, PS_TOK_RBRACE))
            ps_push(p, ps_error_node_skip(p));
    }
}

PsNode *ps_parse_block(PsParser *p) {
    PsListNode *b = PS_NEW(p, PsListNode, BLOCK, p->lx.tok.start);
    uint32_t open = p->lx.tok.start;
    if (!ps_expect(p, PS_TOK_LBRACE, NULL)) return ps_finish(p, b);
    uint32_t mark = p->sp;
    ps_parse_statements_until_rbrace(p, PS_SL_BLOCK);
    b->items = ps_list_take(p, mark);
    ps_expect_close(p, PS_TOK_RBRACE, open, "block");
    return ps_finish(p, b);
}

bool ps_is_statement_keyword(const PsToken *t) {
    if (t->type != PS_TOK_IDENT || (t->flags & PS_TF_ESCAPED)) return false;
    switch ((PsKeyword)t->kw) {
    case PS_KW_VAR:
    case PS_KW_LET:
    case PS_KW_CONST:
    case PS_KW_FUNCTION:
    case PS_KW_CLASS:
    case PS_KW_IF:
    case PS_KW_FOR:
    case PS_KW_WHILE:
    case PS_KW_DO:
    case PS_KW_RETURN:
    case PS_KW_BREAK:
    case PS_KW_CONTINUE:
    case PS_KW_THROW:
    case PS_KW_TRY:
    case PS_KW_SWITCH:
    case PS_KW_IMPORT:
    case PS_KW_EXPORT:
        return true;
    default:
        return false;
    }
}

PsNode *ps_recover_statement(PsParser *p) {
    if (!p->tolerant || p->stopped) return NULL;
    uint32_t start = p->lx.tok.start;
    bool skipped = false;
    uint32_t depth = 0;
    while (!ps_at(p, PS_TOK_EOF)) {
        PsTok t = (PsTok)p->lx.tok.type;
        if (depth == 0) {
            if (t == PS_TOK_SEMICOLON) {
                ps_next(p);
                skipped = true;
                break;
            }
            if (t == PS_TOK_RBRACE || t == PS_TOK_RPAREN || t == PS_TOK_RBRACKET) break;
            if (ps_is_statement_keyword(&p->lx.tok) || (skipped && ps_newline_before(p))) break;
        }
        if (t == PS_TOK_LBRACE || t == PS_TOK_LPAREN || t == PS_TOK_LBRACKET) depth++;
        if ((t == PS_TOK_RBRACE || t == PS_TOK_RPAREN || t == PS_TOK_RBRACKET) && depth > 0) depth--;
        if (t == PS_TOK_TEMPLATE_HEAD) {
            // Skip the substitutions of a template as brackets.
            depth++;
        }
        ps_next(p);
        skipped = true;
    }
    if (!skipped) return NULL;
    PsListNode *e = PS_NEW(p, PsListNode, ERROR, start);
    return ps_finish(p, e);
}

// ---------------------------------------------------------------------------
// Labels, break and continue.

static PsLabel *find_label(PsParser *p, const char *name, uint32_t len) {
    for (uint32_t i = p->labels.len; i-- > p->label_base;)
        if (p->labels.items[i].len == len && memcmp(p->labels.items[i].name, name, len) == 0)
            return &p->labels.items[i];
    return NULL;
}

static bool tok_starts_loop(const PsToken *t) {
    return t->type == PS_TOK_IDENT && !(t->flags & PS_TF_ESCAPED) &&
           (t->kw == PS_KW_FOR || t->kw == PS_KW_WHILE || t->kw == PS_KW_DO);
}

static PsNode *parse_labeled(PsParser *p, uint32_t start, PsNode *label, bool body_pos) {
    ps_next(p);  // ':'
    PsIdent *id = PS_AS(PsIdent, label);
    if (find_label(p, id->name, label->aux))
        ps_error(p, PS_E_DUPLICATE_LABEL, label->start, label->end,
                 "label '%.*s' is already declared in an enclosing statement; rename it",
                 (int)label->aux, id->name);
    bool loop = tok_starts_loop(&p->lx.tok);
    uint32_t body_start = p->lx.tok.start;
    // `a: b: while (...)`: every label of the chain labels the loop.
    for (uint32_t i = p->labels.len; i-- > p->label_base;) {
        PsLabel *l = &p->labels.items[i];
        if (l->stmt_start != start) break;
        l->stmt_start = body_start;
        l->loop = loop;
    }
    PsLabel entry = {id->name, label->aux, body_start, loop};
    och_vec_push(&p->labels, entry);
    PsLabeled *n = PS_NEW(p, PsLabeled, LABELED_STMT, start);
    n->label = label;
    if (ps_at_kw(p, PS_KW_FUNCTION)) {
        // Annex B: labelled function declarations in sloppy scripts.
        if (ps_strict(p) || !p->annex_b)
            ps_error_at_tok(p, PS_E_LABELED_FUNCTION,
                            "a function declaration cannot be labelled in strict mode; remove the "
                            "label");
        else if (body_pos)
            ps_error_at_tok(p, PS_E_LABELED_FUNCTION,
                            "a labelled function cannot be the body of an if, loop or with; wrap "
                            "it in a block '{ ... }'");
        n->body = ps_parse_function(p, p->lx.tok.start, PS_FN_DECL | PS_FN_STATEMENT);
    } else {
        p->stmt_body = body_pos;
        n->body = ps_parse_statement(p);
        p->stmt_body = false;
    }
    p->labels.len--;
    return ps_finish(p, n);
}

static PsNode *parse_jump(PsParser *p, bool is_break) {
    PsUnary *n = ps_node_new(p, is_break ? PS_NODE_BREAK_STMT : PS_NODE_CONTINUE_STMT, sizeof(PsUnary),
                             p->lx.tok.start);
    uint32_t kw_end = p->lx.tok.end;
    ps_next(p);
    if (ps_at(p, PS_TOK_IDENT) && !ps_newline_before(p) &&
        !(p->lx.tok.kw != PS_KW_NONE && p->lx.tok.kw < PS_KW_FIRST_STRICT_RESERVED &&
          !(p->lx.tok.flags & PS_TF_ESCAPED))) {
        ps_check_ident(p, &p->lx.tok, false);
        PsNode *label = ps_ident_any(p);
        n->arg = label;
        PsLabel *l = find_label(p, PS_AS(PsIdent, label)->name, label->aux);
        if (!l)
            ps_error(p, PS_E_UNDEFINED_LABEL, label->start, label->end,
                     "undefined label '%.*s'; %s can only target a label of an enclosing "
                     "statement in the same function",
                     (int)label->aux, PS_AS(PsIdent, label)->name, is_break ? "break" : "continue");
        else if (!is_break && !l->loop)
            ps_error(p, PS_E_CONTINUE_NON_LOOP, label->start, label->end,
                     "'continue %.*s' must target a label of a loop", (int)label->aux,
                     PS_AS(PsIdent, label)->name);
    } else if (is_break ? p->break_depth == 0 : p->loop_depth == 0) {
        ps_error(p, is_break ? PS_E_BREAK_OUTSIDE : PS_E_CONTINUE_OUTSIDE, n->h.start, kw_end,
                 is_break ? "'break' outside of a loop or switch; use 'return' to leave a function"
                          : "'continue' outside of a loop");
    }
    ps_semicolon(p);
    return ps_finish(p, n);
}

// ---------------------------------------------------------------------------
// Compound statements.

// The body of an if, loop or with: a labelled function is not allowed
// there, even in sloppy mode.
static PsNode *body_statement(PsParser *p) {
    p->stmt_body = true;
    PsNode *b = ps_parse_statement(p);
    p->stmt_body = false;
    return b;
}

static PsNode *loop_body(PsParser *p) {
    p->loop_depth++;
    p->break_depth++;
    PsNode *b = body_statement(p);
    p->loop_depth--;
    p->break_depth--;
    return b;
}

// Parenthesized condition `( Expression )`.
static PsNode *paren_expression(PsParser *p, const char *construct) {
    uint32_t open = p->lx.tok.start;
    if (!ps_at(p, PS_TOK_LPAREN)) {
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected '(' after '%s', found %s", construct,
                        ps_tok_desc(p));
        if (ps_at(p, PS_TOK_LBRACE) || ps_at(p, PS_TOK_EOF)) return ps_missing(p, p->lx.tok.start);
        return ps_parse_expression(p, 0, NULL);
    }
    ps_next(p);
    PsNode *e = ps_parse_expression(p, 0, NULL);
    ps_expect_close(p, PS_TOK_RPAREN, open, construct);
    return e;
}

// The body of an if: a statement, or in sloppy scripts (Annex B) a plain
// function declaration.
static PsNode *if_body(PsParser *p) {
    if (ps_at_kw(p, PS_KW_FUNCTION)) {
        if (ps_strict(p) || !p->annex_b)
            decl_not_allowed(p, "a function declaration");
        return ps_parse_function(p, p->lx.tok.start, PS_FN_DECL | PS_FN_STATEMENT);
    }
    return body_statement(p);
}

static PsNode *parse_if(PsParser *p) {
    PsConditional *n = PS_NEW(p, PsConditional, IF_STMT, p->lx.tok.start);
    ps_next(p);
    n->test = paren_expression(p, "if");
    n->consequent = if_body(p);
    if (ps_eat_kw(p, PS_KW_ELSE)) n->alternate = if_body(p);
    return ps_finish(p, n);
}

static PsNode *for_rest(PsParser *p, uint32_t start, PsNode *init, uint32_t open) {
    PsFor *f = PS_NEW(p, PsFor, FOR_STMT, start);
    f->init = init;
    ps_expect(p, PS_TOK_SEMICOLON, "after the for-loop initializer");
    if (!ps_at(p, PS_TOK_SEMICOLON)) f->test = ps_parse_expression(p, 0, NULL);
    ps_expect(p, PS_TOK_SEMICOLON, "after the for-loop condition");
    if (!ps_at(p, PS_TOK_RPAREN)) f->update = ps_parse_expression(p, 0, NULL);
    ps_expect_close(p, PS_TOK_RPAREN, open, "for statement header");
    f->body = loop_body(p);
    return ps_finish(p, f);
}

static PsNode *for_in_of(PsParser *p, uint32_t start, PsNode *left, uint32_t open, bool is_of,
                         bool is_await) {
    PsForIn *f = ps_node_new(p, is_of ? PS_NODE_FOR_OF_STMT : PS_NODE_FOR_IN_STMT, sizeof(PsForIn), start);
    if (is_await) f->h.flags |= PS_NF_AWAIT;
    f->left = left;
    ps_next(p);  // in / of
    f->right = is_of ? ps_parse_assign(p, 0, NULL) : ps_parse_expression(p, 0, NULL);
    ps_expect_close(p, PS_TOK_RPAREN, open, is_of ? "for-of header" : "for-in header");
    f->body = loop_body(p);
    return ps_finish(p, f);
}

// `for (let`: a declaration unless `let` is used as an identifier.
static bool for_let_is_decl(PsParser *p) {
    PsToken nx;
    ps_peek(p, &nx);
    if (nx.type == PS_TOK_LBRACKET || nx.type == PS_TOK_LBRACE) return true;
    if (nx.type == PS_TOK_IDENT)
        return !((nx.kw == PS_KW_IN || nx.kw == PS_KW_INSTANCEOF) && !(nx.flags & PS_TF_ESCAPED));
    return false;
}

// `for (using`: `using x` declares, `using of of`/`using in` do not.
static bool for_using_is_decl(PsParser *p) {
    PsToken a, b;
    ps_peek2(p, &a, &b);
    if (!is_binding_word(&a) || (a.flags & PS_TF_NEWLINE_BEFORE)) return false;
    if (a.kw == PS_KW_OF && !(a.flags & PS_TF_ESCAPED)) return b.type == PS_TOK_ASSIGN ||
                                                               b.type == PS_TOK_SEMICOLON;
    return true;
}

static PsNode *parse_for(PsParser *p) {
    uint32_t start = p->lx.tok.start;
    ps_next(p);
    bool is_await = false;
    if (ps_at_kw(p, PS_KW_AWAIT)) {
        if (!(p->ctx & PS_CTX_AWAIT) || (p->ctx & PS_CTX_STATIC_BLOCK))
            ps_error_at_tok(p, PS_E_FOR_AWAIT,
                            "'for await' is only valid in async functions and at the top level of "
                            "modules; make the function async");
        is_await = true;
        ps_next(p);
    }
    uint32_t open = p->lx.tok.start;
    if (!ps_expect(p, PS_TOK_LPAREN, "after 'for'")) {
        if (!p->tolerant) return ps_missing(p, p->lx.tok.start);
    }
    if (ps_at(p, PS_TOK_SEMICOLON)) {
        if (is_await)
            ps_error_at_tok(p, PS_E_FOR_AWAIT, "'for await' requires the form 'for await (x of y)'");
        return for_rest(p, start, NULL, open);
    }
    uint32_t istart = p->lx.tok.start;
    int kind = -1;
    if (ps_at_kw(p, PS_KW_VAR))
        kind = PS_VAR_VAR;
    else if (ps_at_kw(p, PS_KW_CONST))
        kind = PS_VAR_CONST;
    else if (ps_at_kw(p, PS_KW_LET) && for_let_is_decl(p))
        kind = PS_VAR_LET;
    else if (ps_at_kw(p, PS_KW_USING) && for_using_is_decl(p))
        kind = PS_VAR_USING;
    else if (ps_at_kw(p, PS_KW_AWAIT) && await_using_starts_decl(p))
        kind = PS_VAR_AWAIT_USING;

    if (kind >= 0) {
        ps_next(p);
        if (kind == PS_VAR_AWAIT_USING) ps_next(p);
        PsNode *d = ps_parse_var_decl(p, istart, (PsVarKind)kind, PS_EF_NO_IN, true);
        PsList *decls = &PS_AS(PsListNode, d)->items;
        bool is_of = ps_at_kw(p, PS_KW_OF), is_in = ps_at_kw(p, PS_KW_IN);
        if (is_of || is_in) {
            if (decls->count != 1)
                ps_error(p, PS_E_FOR_IN_OF_DECLS, d->start, d->end,
                         "a for-%s loop declares exactly one variable", is_of ? "of" : "in");
            PsVarDeclarator *v = decls->count ? PS_AS(PsVarDeclarator, decls->items[0]) : NULL;
            if (v && v->init) {
                bool annex_b_ok = is_in && kind == PS_VAR_VAR && !ps_strict(p) && p->annex_b &&
                                  v->id->kind == PS_NODE_IDENTIFIER;
                if (!annex_b_ok)
                    ps_error(p, PS_E_FOR_IN_OF_DECLS, v->h.start, v->h.end,
                             "the variable of a for-%s loop cannot have an initializer",
                             is_of ? "of" : "in");
            }
            if (is_in && (kind == PS_VAR_USING || kind == PS_VAR_AWAIT_USING))
                ps_error(p, PS_E_USING_PLACEMENT, d->start, d->end,
                         "'using' declarations are not allowed in for-in loops");
            if (is_in && is_await)
                ps_error_at_tok(p, PS_E_FOR_AWAIT, "'for await' requires 'of', not 'in'");
            return for_in_of(p, start, d, open, is_of, is_await);
        }
        // for(;;): the usual initializer rules.
        for (uint32_t i = 0; i < decls->count; i++) {
            PsVarDeclarator *v = PS_AS(PsVarDeclarator, decls->items[i]);
            if (v->init) continue;
            if (kind == PS_VAR_CONST || kind == PS_VAR_USING || kind == PS_VAR_AWAIT_USING)
                ps_error(p, PS_E_MISSING_INITIALIZER, v->id->start, v->id->end,
                         "this declaration must be initialized; add '= value'");
            else if (v->id->kind != PS_NODE_IDENTIFIER)
                ps_error(p, PS_E_MISSING_INITIALIZER, v->id->start, v->id->end,
                         "a destructuring declaration must be initialized; add '= value'");
        }
        if (is_await)
            ps_error_at_tok(p, PS_E_FOR_AWAIT, "'for await' requires the form 'for await (x of y)'");
        return for_rest(p, start, d, open);
    }

    // Expression (or assignment pattern) head.
    bool starts_let = ps_at_kw(p, PS_KW_LET);
    PsNode *init;
    PsCover cover;
    ps_cover_init(&cover);
    if (ps_at_kw(p, PS_KW_ASYNC) && !is_await) {
        PsToken a, b;
        ps_peek2(p, &a, &b);
        if (a.type == PS_TOK_IDENT && a.kw == PS_KW_OF && !(a.flags & PS_TF_ESCAPED) &&
            b.type != PS_TOK_ARROW) {
            ps_error_at_tok(p, PS_E_FOR_ASYNC_OF,
                            "'for (async of ...)' is ambiguous and not allowed; write "
                            "'for ((async) of ...)'");
            init = ps_ident_any(p);
            return for_in_of(p, start, init, open, true, false);
        }
    }
    init = ps_parse_expression(p, PS_EF_NO_IN, &cover);
    bool is_of = ps_at_kw(p, PS_KW_OF), is_in = ps_at_kw(p, PS_KW_IN);
    if (is_of || is_in) {
        if (starts_let && is_of)
            ps_error(p, PS_E_FOR_IN_OF_LEFT, init->start, init->end,
                     "the left side of a for-of loop cannot start with 'let'; use 'let x' to "
                     "declare a variable, or parenthesize it");
        if (init->kind == PS_NODE_SEQUENCE_EXPR && !(init->flags & PS_NF_PARENTHESIZED)) {
            ps_error(p, PS_E_FOR_IN_OF_LEFT, init->start, init->end,
                     "the left side of a for-%s loop must be a single target", is_of ? "of" : "in");
        } else {
            if (init->kind != PS_NODE_OBJECT_EXPR && init->kind != PS_NODE_ARRAY_EXPR)
                ps_cover_report(p, &cover);
            ps_to_assign_target(p, init, &cover);
        }
        if (is_in && is_await) ps_error_at_tok(p, PS_E_FOR_AWAIT, "'for await' requires 'of', not 'in'");
        return for_in_of(p, start, init, open, is_of, is_await);
    }
    ps_cover_report(p, &cover);
    if (is_await) ps_error_at_tok(p, PS_E_FOR_AWAIT, "'for await' requires the form 'for await (x of y)'");
    return for_rest(p, start, init, open);
}

static PsNode *parse_while(PsParser *p) {
    PsWhile *n = PS_NEW(p, PsWhile, WHILE_STMT, p->lx.tok.start);
    ps_next(p);
    n->test = paren_expression(p, "while");
    n->body = loop_body(p);
    return ps_finish(p, n);
}

static PsNode *parse_do_while(PsParser *p) {
    PsWhile *n = PS_NEW(p, PsWhile, DO_WHILE_STMT, p->lx.tok.start);
    ps_next(p);
    n->body = loop_body(p);
    if (!ps_eat_kw(p, PS_KW_WHILE)) {
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected 'while' after the body of 'do', found %s",
                        ps_tok_desc(p));
        n->test = ps_missing(p, p->lx.tok.start);
        return ps_finish(p, n);
    }
    n->test = paren_expression(p, "do-while");
    // A semicolon is inserted after `do ... while (x)` even without a
    // line break.
    ps_eat(p, PS_TOK_SEMICOLON);
    return ps_finish(p, n);
}

static PsNode *parse_switch(PsParser *p) {
    PsSwitch *n = PS_NEW(p, PsSwitch, SWITCH_STMT, p->lx.tok.start);
    ps_next(p);
    n->discriminant = paren_expression(p, "switch");
    uint32_t open = p->lx.tok.start;
    if (!ps_expect(p, PS_TOK_LBRACE, "to start the switch body")) return ps_finish(p, n);
    uint32_t mark = p->sp;
    bool seen_default = false;
    p->break_depth++;
    while (!ps_at(p, PS_TOK_RBRACE) && !ps_at(p, PS_TOK_EOF)) {
        PsSwitchCase *c = PS_NEW(p, PsSwitchCase, SWITCH_CASE, p->lx.tok.start);
        if (ps_eat_kw(p, PS_KW_CASE)) {
            c->test = ps_parse_expression(p, 0, NULL);
        } else if (ps_at_kw(p, PS_KW_DEFAULT)) {
            if (seen_default)
                ps_error_at_tok(p, PS_E_DUPLICATE_DEFAULT,
                                "a switch statement can have only one 'default' clause; merge the "
                                "two");
            seen_default = true;
            ps_next(p);
        } else {
            // Tolerant mode: statements before the first case.
            ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected 'case' or 'default', found %s",
                            ps_tok_desc(p));
            PsNode *e = ps_recover_statement(p);
            if (!e) break;
            continue;
        }
        ps_expect(p, PS_TOK_COLON, "after the case");
        uint32_t smark = p->sp;
        while (!ps_at(p, PS_TOK_RBRACE) && !ps_at(p, PS_TOK_EOF) && !ps_at_kw(p, PS_KW_CASE) &&
               !ps_at_kw(p, PS_KW_DEFAULT)) {
            uint32_t before = p->lx.tok.start;
            ps_push(p, ps_parse_statement_list_item(p, PS_SL_CASE));
            ps_recover_after(p);
            if (p->lx.tok.start == before && !ps_at(p, PS_TOK_EOF)) ps_push(p, ps_error_node_skip(p));
        }
        c->consequent = ps_list_take(p, smark);
        ps_push(p, ps_finish(p, c));
    }
    p->break_depth--;
    n->cases = ps_list_take(p, mark);
    ps_expect_close(p, PS_TOK_RBRACE, open, "switch body");
    return ps_finish(p, n);
}

static PsNode *parse_try(PsParser *p) {
    PsTry *n = PS_NEW(p, PsTry, TRY_STMT, p->lx.tok.start);
    ps_next(p);
    n->block = ps_parse_block(p);
    if (ps_at_kw(p, PS_KW_CATCH)) {
        PsCatch *c = PS_NEW(p, PsCatch, CATCH_CLAUSE, p->lx.tok.start);
        ps_next(p);
        if (ps_at(p, PS_TOK_LPAREN)) {
            uint32_t open = p->lx.tok.start;
            ps_next(p);
            c->param = ps_parse_binding_target(p);
            if (ps_at(p, PS_TOK_ASSIGN))
                ps_error_at_tok(p, PS_E_CATCH_PARAM, "a catch parameter cannot have a default value");
            ps_expect_close(p, PS_TOK_RPAREN, open, "catch parameter");
        }
        c->body = ps_parse_block(p);
        n->handler = ps_finish(p, c);
    }
    if (ps_eat_kw(p, PS_KW_FINALLY)) n->finalizer = ps_parse_block(p);
    if (!n->handler && !n->finalizer)
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected 'catch' or 'finally' after the try block, "
                        "found %s", ps_tok_desc(p));
    return ps_finish(p, n);
}

// ---------------------------------------------------------------------------
// Statements.

static PsNode *parse_statement_inner(PsParser *p) {
    bool body_pos = p->stmt_body;
    p->stmt_body = false;
    const PsToken *t = &p->lx.tok;
    uint32_t start = t->start;
    switch ((PsTok)t->type) {
    case PS_TOK_LBRACE:
        return ps_parse_block(p);
    case PS_TOK_SEMICOLON: {
        PsNode *n = PS_NEW(p, PsNode, EMPTY_STMT, start);
        ps_next(p);
        return ps_finish(p, n);
    }
    case PS_TOK_IDENT:
        if (t->flags & PS_TF_ESCAPED) break;
        switch ((PsKeyword)t->kw) {
        case PS_KW_VAR:
            return parse_var_statement(p, PS_VAR_VAR);
        case PS_KW_IF:
            return parse_if(p);
        case PS_KW_FOR:
            return parse_for(p);
        case PS_KW_WHILE:
            return parse_while(p);
        case PS_KW_DO:
            return parse_do_while(p);
        case PS_KW_CONTINUE:
            return parse_jump(p, false);
        case PS_KW_BREAK:
            return parse_jump(p, true);
        case PS_KW_RETURN: {
            PsUnary *n = PS_NEW(p, PsUnary, RETURN_STMT, start);
            if (!(p->ctx & PS_CTX_RETURN))
                ps_error_at_tok(p, PS_E_RETURN_OUTSIDE, "'return' is only valid inside a function");
            ps_next(p);
            if (!ps_can_insert_semicolon(p)) n->arg = ps_parse_expression(p, 0, NULL);
            ps_semicolon(p);
            return ps_finish(p, n);
        }
        case PS_KW_THROW: {
            PsUnary *n = PS_NEW(p, PsUnary, THROW_STMT, start);
            ps_next(p);
            if (ps_newline_before(p))
                ps_error(p, PS_E_UNEXPECTED_TOKEN, start, start + 5,
                         "a line break is not allowed between 'throw' and its expression");
            n->arg = ps_parse_expression(p, 0, NULL);
            ps_semicolon(p);
            return ps_finish(p, n);
        }
        case PS_KW_TRY:
            return parse_try(p);
        case PS_KW_SWITCH:
            return parse_switch(p);
        case PS_KW_WITH: {
            PsWith *n = PS_NEW(p, PsWith, WITH_STMT, start);
            if (ps_strict(p))
                ps_error_at_tok(p, PS_E_WITH_IN_STRICT,
                                "'with' is not allowed in strict mode; use a local variable for the "
                                "object instead");
            ps_next(p);
            n->object = paren_expression(p, "with");
            n->body = body_statement(p);
            return ps_finish(p, n);
        }
        case PS_KW_DEBUGGER: {
            PsNode *n = PS_NEW(p, PsNode, DEBUGGER_STMT, start);
            ps_next(p);
            ps_semicolon(p);
            return ps_finish(p, n);
        }
        case PS_KW_FUNCTION:
            decl_not_allowed(p, "a function declaration");
            return ps_parse_function(p, start, PS_FN_DECL | PS_FN_STATEMENT);
        case PS_KW_CLASS:
            decl_not_allowed(p, "a class declaration");
            return ps_parse_class(p, start, true, false, (PsList){NULL, 0});
        case PS_KW_CONST:
            decl_not_allowed(p, "a 'const' declaration");
            return parse_var_statement(p, PS_VAR_CONST);
        case PS_KW_LET: {
            PsToken nx;
            ps_peek(p, &nx);
            if (nx.type == PS_TOK_LBRACKET) {
                ps_error_at_tok(p, PS_E_LET_BRACKET,
                                "'let [' cannot start a statement here: it reads as a 'let' "
                                "declaration, which is not allowed here; wrap it in a block");
                return parse_var_statement(p, PS_VAR_LET);
            }
            if (let_starts_decl(p, true)) {
                decl_not_allowed(p, "a 'let' declaration");
                return parse_var_statement(p, PS_VAR_LET);
            }
            break;
        }
        case PS_KW_ASYNC: {
            PsToken nx;
            ps_peek(p, &nx);
            if (nx.type == PS_TOK_IDENT && nx.kw == PS_KW_FUNCTION && !(nx.flags & PS_TF_ESCAPED) &&
                !(nx.flags & PS_TF_NEWLINE_BEFORE)) {
                decl_not_allowed(p, "an async function declaration");
                ps_next(p);
                return ps_parse_function(p, start, PS_FN_DECL | PS_FN_ASYNC | PS_FN_STATEMENT);
            }
            break;
        }
        case PS_KW_USING:
            if (using_starts_decl(p)) {
                decl_not_allowed(p, "a 'using' declaration");
                return parse_var_statement(p, PS_VAR_USING);
            }
            break;
        case PS_KW_AWAIT:
            if (await_using_starts_decl(p)) {
                decl_not_allowed(p, "an 'await using' declaration");
                return parse_var_statement(p, PS_VAR_AWAIT_USING);
            }
            break;
        case PS_KW_IMPORT: {
            PsToken nx;
            ps_peek(p, &nx);
            if (nx.type == PS_TOK_LPAREN || nx.type == PS_TOK_DOT) break;
            ps_error_at_tok(p, PS_E_MODULE_ONLY,
                            "import declarations are only allowed at the top level of a module");
            return ps_parse_import_decl(p);
        }
        case PS_KW_EXPORT:
            ps_error_at_tok(p, PS_E_MODULE_ONLY,
                            "export declarations are only allowed at the top level of a module");
            return ps_parse_export_decl(p);
        default:
            break;
        }
        break;
    default:
        break;
    }

    // Expression statement or labelled statement.
    if (!ps_tok_starts_expr(p) && !ps_at(p, PS_TOK_IDENT) && !ps_at(p, PS_TOK_EOF)) {
        // A token that starts neither a statement nor an expression
        // (a stray `)`, `}`, `=>`...): report it once and skip it.
        ps_error_unexpected(p, NULL);
        return ps_error_node_skip(p);
    }
    PsNode *e = ps_parse_expression(p, 0, NULL);
    if (e->kind == PS_NODE_IDENTIFIER && !(e->flags & (PS_NF_PARENTHESIZED | PS_NF_MISSING)) &&
        ps_at(p, PS_TOK_COLON) && e->start == start)
        return parse_labeled(p, start, e, body_pos);
    PsUnary *s = PS_NEW(p, PsUnary, EXPRESSION_STMT, start);
    s->arg = e;
    ps_semicolon(p);
    return ps_finish(p, s);
}

PsNode *ps_parse_statement(PsParser *p) {
    if (!ps_enter(p)) {
        ps_leave(p);
        return ps_missing(p, p->lx.tok.start);
    }
    PsNode *n = parse_statement_inner(p);
    ps_leave(p);
    return n;
}
