// Functions and classes: function declarations and expressions (plain,
// async, generator), formal parameters, function bodies with their
// directive prologue and the checks a "use strict" in the body makes
// retroactive, arrow functions (after parse_expr.c recognised them),
// methods of object literals and classes, class bodies (fields, accessors,
// static blocks, constructors), private names with their declaration
// checks, and decorators.
#include "parser_int.h"

// Context of a new non-arrow function: only strictness is inherited.
static uint32_t function_ctx(const PsParser *p, bool is_async, bool is_gen) {
    return (p->ctx & PS_CTX_STRICT) | PS_CTX_RETURN | PS_CTX_NEW_TARGET |
           (is_async ? PS_CTX_AWAIT : 0) | (is_gen ? PS_CTX_YIELD : 0);
}

PsNode *ps_parse_function_body(PsParser *p, bool simple_params, const PsFnSave *save,
                               bool *became_strict, bool *strict) {
    PsListNode *b = PS_NEW(p, PsListNode, BLOCK, p->lx.tok.start);
    // The nesting depth here, so that an incremental re-parse of the body's
    // statements starts exactly as deep (incremental.c).
    b->h.aux = p->depth;
    uint32_t open = p->lx.tok.start;
    *became_strict = false;
    if (!ps_at(p, PS_TOK_LBRACE)) {
        *strict = ps_strict(p);
        ps_fn_leave(p, save);
        ps_expect(p, PS_TOK_LBRACE, "to start the function body");
        return ps_finish(p, b);
    }
    ps_next(p);
    uint32_t mark = p->sp;
    *became_strict = ps_parse_body_items(p, PS_SL_FUNCTION, simple_params);
    b->items = ps_list_take(p, mark);
    *strict = ps_strict(p);
    ps_fn_leave(p, save);
    ps_expect_close(p, PS_TOK_RBRACE, open, "function body");
    return ps_finish(p, b);
}

// Formal parameters `( ... )` (current token `(`), in the function's
// context with PS_CTX_PARAMS set.
static PsList parse_params(PsParser *p) {
    uint32_t open = p->lx.tok.start;
    uint32_t mark = p->sp;
    if (!ps_expect(p, PS_TOK_LPAREN, "to start the parameter list")) return ps_list_take(p, mark);
    p->ctx |= PS_CTX_PARAMS;
    while (!ps_at(p, PS_TOK_RPAREN) && !ps_at(p, PS_TOK_EOF)) {
        if (ps_at(p, PS_TOK_ELLIPSIS)) {
            uint32_t s = p->lx.tok.start;
            ps_next(p);
            PsUnary *r = PS_NEW(p, PsUnary, REST_ELEMENT, s);
            r->arg = ps_parse_binding_target(p);
            ps_push(p, ps_finish(p, r));
            if (ps_at(p, PS_TOK_ASSIGN))
                ps_error_at_tok(p, PS_E_REST_INITIALIZER,
                                "a rest parameter cannot have a default value");
            else if (ps_at(p, PS_TOK_COMMA))
                ps_error_at_tok(p, PS_E_REST_TRAILING_COMMA,
                                "a rest parameter must be last: no ',' or parameter may follow it");
            break;
        }
        uint32_t before = p->lx.tok.start;
        ps_push(p, ps_parse_binding_element(p));
        if (ps_eat(p, PS_TOK_COMMA)) continue;
        if (ps_at(p, PS_TOK_RPAREN) || p->lx.tok.start == before) break;
        // Tolerant mode: `function f(a b)`.
        if (p->tolerant && !p->stopped && (ps_at(p, PS_TOK_IDENT) || ps_at(p, PS_TOK_LBRACE) ||
                                            ps_at(p, PS_TOK_LBRACKET))) {
            ps_error(p, PS_E_EXPECTED_TOKEN, p->prev_end, p->prev_end,
                     "expected ',' between parameters");
            continue;
        }
        break;
    }
    p->ctx &= ~PS_CTX_PARAMS;
    PsList l = ps_list_take(p, mark);
    ps_expect_close(p, PS_TOK_RPAREN, open, "parameter list");
    return l;
}

static bool is_strict_only_name(const PsNode *id) {
    static const char *const names[] = {"eval", "arguments", "implements", "interface", "let",
                                        "package", "private", "protected", "public", "static",
                                        "yield"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (ps_ident_is(id, names[i], (uint32_t)strlen(names[i]))) return true;
    return false;
}

// Parameters and body of a function whose context ctx is already
// computed; fills f and applies the checks that need both.
static void parse_params_and_body(PsParser *p, PsFunction *f, uint32_t ctx, bool unique) {
    PsFnSave save;
    ps_fn_enter(p, &save, ctx);
    f->params = parse_params(p);
    bool simple = ps_params_simple(&f->params);
    if (simple) f->h.flags |= PS_NF_SIMPLE_PARAMS;
    bool became_strict, strict;
    f->body = ps_parse_function_body(p, simple, &save, &became_strict, &strict);
    if (strict) f->h.flags |= PS_NF_STRICT;
    ps_check_params(p, &f->params, became_strict, unique || strict || !simple);
    if (became_strict && f->id && is_strict_only_name(f->id))
        ps_error(p, PS_E_STRICT_EVAL_ARGUMENTS, f->id->start, f->id->end,
                 "'%.*s' cannot be the name of a strict mode function", (int)f->id->aux,
                 PS_AS(PsIdent, f->id)->name);
}

PsNode *ps_parse_function(PsParser *p, uint32_t start, unsigned fl) {
    bool is_decl = (fl & PS_FN_DECL) != 0, is_async = (fl & PS_FN_ASYNC) != 0;
    PsFunction *f = is_decl ? PS_NEW(p, PsFunction, FUNCTION_DECL, start)
                            : PS_NEW(p, PsFunction, FUNCTION_EXPR, start);
    ps_next(p);  // function
    bool is_gen = ps_eat(p, PS_TOK_STAR);
    if (is_async) f->h.flags |= PS_NF_ASYNC;
    if (is_gen) f->h.flags |= PS_NF_GENERATOR;
    if ((fl & PS_FN_STATEMENT) && (is_gen || is_async))
        ps_error(p, PS_E_DECL_IN_STATEMENT, start, p->prev_end,
                 "%s declarations are not allowed as the body of an if, loop or label; wrap it "
                 "in a block '{ ... }'",
                 is_gen ? "generator" : "async function");
    if (ps_at(p, PS_TOK_IDENT) && !(ps_at_kw(p, PS_KW_EXTENDS))) {
        if (is_decl) {
            f->id = ps_binding_ident(p);
        } else {
            // A function expression's name is bound inside it: `yield` and
            // `await` follow the function's own kind.
            uint32_t saved = p->ctx;
            p->ctx = (p->ctx & ~(PS_CTX_YIELD | PS_CTX_AWAIT | PS_CTX_STATIC_BLOCK)) |
                     (is_gen ? PS_CTX_YIELD : 0) | (is_async ? PS_CTX_AWAIT : 0);
            f->id = ps_binding_ident(p);
            p->ctx = saved;
        }
    } else if (is_decl && !(fl & PS_FN_DEFAULT)) {
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected the function's name, found %s",
                        ps_tok_desc(p));
    }
    parse_params_and_body(p, f, function_ctx(p, is_async, is_gen), false);
    return ps_finish(p, f);
}

PsNode *ps_parse_method(PsParser *p, unsigned mf) {
    PsFunction *f = PS_NEW(p, PsFunction, FUNCTION_EXPR, p->lx.tok.start);
    bool is_async = (mf & PS_M_ASYNC) != 0, is_gen = (mf & PS_M_GENERATOR) != 0;
    if (is_async) f->h.flags |= PS_NF_ASYNC;
    if (is_gen) f->h.flags |= PS_NF_GENERATOR;
    uint32_t ctx = function_ctx(p, is_async, is_gen) | PS_CTX_SUPER_PROP;
    if ((mf & PS_M_CONSTRUCTOR) && (mf & PS_M_DERIVED)) ctx |= PS_CTX_SUPER_CALL;
    parse_params_and_body(p, f, ctx, true);
    if (mf & PS_M_GETTER) {
        if (f->params.count != 0)
            ps_error(p, PS_E_GETTER_PARAMS, f->h.start, f->params.items[f->params.count - 1]->end + 1,
                     "a getter takes no parameters");
    } else if (mf & PS_M_SETTER) {
        if (f->params.count != 1)
            ps_error(p, PS_E_SETTER_PARAMS, f->h.start, f->h.start + 1,
                     "a setter takes exactly one parameter (found %u)", f->params.count);
        else if (f->params.items[0]->kind == PS_NODE_REST_ELEMENT)
            ps_error(p, PS_E_SETTER_PARAMS, f->params.items[0]->start, f->params.items[0]->end,
                     "a setter's parameter cannot be a rest parameter");
    }
    return ps_finish(p, f);
}

PsNode *ps_parse_arrow(PsParser *p, uint32_t start, uint32_t mark, bool is_async, unsigned ef) {
    PsFunction *f = PS_NEW(p, PsFunction, ARROW_FUNCTION, start);
    if (is_async) f->h.flags |= PS_NF_ASYNC;
    f->params = ps_list_take(p, mark);
    bool simple = ps_params_simple(&f->params);
    if (simple) f->h.flags |= PS_NF_SIMPLE_PARAMS;
    if (ps_at(p, PS_TOK_ARROW)) ps_next(p);
    // Arrows see the enclosing function's this/super/new.target/arguments
    // restrictions, but have their own yield/await.
    uint32_t ctx = (p->ctx & (PS_CTX_STRICT | PS_CTX_NEW_TARGET | PS_CTX_SUPER_PROP |
                              PS_CTX_SUPER_CALL | PS_CTX_FIELD_INIT)) |
                   PS_CTX_RETURN | (is_async ? PS_CTX_AWAIT : 0);
    PsFnSave save;
    bool became_strict = false, strict;
    ps_fn_enter(p, &save, ctx);
    if (ps_at(p, PS_TOK_LBRACE)) {
        f->body = ps_parse_function_body(p, simple, &save, &became_strict, &strict);
    } else {
        f->h.flags |= PS_NF_EXPRESSION_BODY;
        f->body = ps_parse_assign(p, ef, NULL);
        strict = ps_strict(p);
        ps_fn_leave(p, &save);
    }
    if (strict) f->h.flags |= PS_NF_STRICT;
    ps_check_params(p, &f->params, became_strict, true);
    return ps_finish(p, f);
}

// ---------------------------------------------------------------------------
// Private names.

PsNode *ps_parse_private_ref(PsParser *p) {
    const PsToken *t = &p->lx.tok;
    PsIdent *id = PS_NEW(p, PsIdent, PRIVATE_IDENTIFIER, t->start);
    id->name = t->value;
    id->h.aux = t->value_len;
    if (p->class_depth == 0) {
        ps_error(p, PS_E_UNDECLARED_PRIVATE, t->start, t->end,
                 "private name '#%.*s' used outside of a class body", (int)t->value_len, t->value);
    } else {
        PsPrivName ref = {t->value, t->value_len, t->start, t->end, 0, false};
        och_vec_push(&p->priv_refs, ref);
    }
    ps_next(p);
    return ps_finish(p, id);
}

static void declare_private(PsParser *p, const PsNode *key, uint8_t kind, bool is_static) {
    const PsIdent *id = PS_AS(PsIdent, key);
    if (key->aux == 11 && memcmp(id->name, "constructor", 11) == 0) {
        ps_error(p, PS_E_PRIVATE_CONSTRUCTOR, key->start, key->end,
                 "'#constructor' is not a valid private name");
        return;
    }
    for (uint32_t i = p->class_decl_base; i < p->priv_decls.len; i++) {
        PsPrivName *d = &p->priv_decls.items[i];
        if (d->len != key->aux || memcmp(d->name, id->name, d->len) != 0) continue;
        // A getter and a setter of the same staticness may share a name.
        bool pair = ((d->kind == PS_PRIV_GETTER && kind == PS_PRIV_SETTER) ||
                     (d->kind == PS_PRIV_SETTER && kind == PS_PRIV_GETTER)) &&
                    d->is_static == is_static;
        if (pair) {
            d->kind = PS_PRIV_METHOD;  // the pair is complete: a third use is a duplicate
            return;
        }
        OchDiag *diag = ps_error(p, PS_E_DUPLICATE_PRIVATE, key->start, key->end,
                                 "private name '#%.*s' is already declared in this class",
                                 (int)key->aux, id->name);
        if (diag) och_diag_related(p->diags, diag, d->start, d->end, "first declared here");
        return;
    }
    PsPrivName decl = {id->name, key->aux, key->start, key->end, kind, is_static};
    och_vec_push(&p->priv_decls, decl);
}

// Resolves the private-name references of the class being closed: names it
// declares are done, the rest go to the enclosing class or are errors.
static void close_private_scope(PsParser *p, uint32_t decl_base, uint32_t ref_base) {
    uint32_t keep = ref_base;
    for (uint32_t i = ref_base; i < p->priv_refs.len; i++) {
        PsPrivName r = p->priv_refs.items[i];
        bool found = false;
        for (uint32_t j = decl_base; j < p->priv_decls.len; j++) {
            const PsPrivName *d = &p->priv_decls.items[j];
            if (d->len == r.len && memcmp(d->name, r.name, r.len) == 0) {
                found = true;
                break;
            }
        }
        if (found) continue;
        if (p->class_depth > 1)
            p->priv_refs.items[keep++] = r;
        else
            ps_error(p, PS_E_UNDECLARED_PRIVATE, r.start, r.end,
                     "private name '#%.*s' is not declared in an enclosing class; declare it in "
                     "the class body, e.g. '#%.*s;'",
                     (int)r.len, r.name, (int)r.len, r.name);
    }
    p->priv_refs.len = keep;
    p->priv_decls.len = decl_base;
}

// ---------------------------------------------------------------------------
// Decorators (stage 3 proposal, behind opts->decorators).

PsList ps_parse_decorators(PsParser *p) {
    uint32_t mark = p->sp;
    while (ps_at(p, PS_TOK_AT)) {
        uint32_t start = p->lx.tok.start;
        ps_next(p);
        PsUnary *d = PS_NEW(p, PsUnary, DECORATOR, start);
        if (ps_at(p, PS_TOK_LPAREN)) {
            uint32_t open = p->lx.tok.start;
            ps_next(p);
            PsNode *e = ps_parse_expression(p, 0, NULL);
            ps_expect_close(p, PS_TOK_RPAREN, open, "decorator expression");
            e->flags |= PS_NF_PARENTHESIZED;
            d->arg = e;
        } else {
            uint32_t estart = p->lx.tok.start;
            PsNode *e = ps_binding_ident(p);
            while (ps_at(p, PS_TOK_DOT)) {
                ps_next(p);
                PsMember *m = PS_NEW(p, PsMember, MEMBER_EXPR, estart);
                m->object = e;
                m->property = ps_at(p, PS_TOK_PRIVATE_NAME) ? ps_parse_private_ref(p)
                              : ps_at(p, PS_TOK_IDENT)      ? ps_ident_any(p)
                                                            : ps_missing(p, p->lx.tok.start);
                e = ps_finish(p, m);
            }
            if (ps_at(p, PS_TOK_LPAREN)) {
                PsCall *c = PS_NEW(p, PsCall, CALL_EXPR, estart);
                c->callee = e;
                c->arguments = ps_parse_arguments(p, NULL);
                e = ps_finish(p, c);
            }
            d->arg = e;
        }
        ps_push(p, ps_finish(p, d));
    }
    return ps_list_take(p, mark);
}

// ---------------------------------------------------------------------------
// Classes.

static bool key_is_named(const PsNode *key, bool computed, const char *name, uint32_t len) {
    if (computed) return false;
    if (key->kind == PS_NODE_IDENTIFIER) return ps_ident_is(key, name, len);
    if (ps_is_string_lit(key))
        return key->aux == len && memcmp(PS_AS(PsLiteral, key)->u.str, name, len) == 0;
    return false;
}

static PsNode *ident_from_word(PsParser *p, const PsToken *t) {
    PsIdent *id = PS_NEW(p, PsIdent, IDENTIFIER, t->start);
    id->name = t->value;
    id->h.aux = t->value_len;
    id->h.end = t->end;
    if (t->flags & PS_TF_ESCAPED) id->h.flags |= PS_NF_ESCAPED;
    return &id->h;
}

// After a modifier word (`static`, `async`, `get`, ...): does a member name
// follow, making the word a modifier rather than the member's own name?
static bool name_follows(const PsParser *p) {
    switch ((PsTok)p->lx.tok.type) {
    case PS_TOK_LPAREN:
    case PS_TOK_ASSIGN:
    case PS_TOK_SEMICOLON:
    case PS_TOK_RBRACE:
    case PS_TOK_EOF:
        return false;
    default:
        return true;
    }
}

static PsNode *parse_static_block(PsParser *p, uint32_t start) {
    PsListNode *b = PS_NEW(p, PsListNode, STATIC_BLOCK, start);
    uint32_t open = p->lx.tok.start;
    ps_next(p);  // {
    PsFnSave save;
    ps_fn_enter(p, &save,
                PS_CTX_STRICT | PS_CTX_NEW_TARGET | PS_CTX_SUPER_PROP | PS_CTX_FIELD_INIT |
                    PS_CTX_STATIC_BLOCK);
    uint32_t mark = p->sp;
    ps_parse_statements_until_rbrace(p, PS_SL_FUNCTION);
    b->items = ps_list_take(p, mark);
    ps_fn_leave(p, &save);
    ps_expect_close(p, PS_TOK_RBRACE, open, "static block");
    return ps_finish(p, b);
}

typedef struct ClassState {
    bool derived;
    bool has_ctor;
} ClassState;

static PsNode *parse_class_member(PsParser *p, ClassState *cs) {
    uint32_t start = p->lx.tok.start;
    PsList decorators = {NULL, 0};
    if (ps_at(p, PS_TOK_AT)) {
        if (!p->decorators)
            ps_error_at_tok(p, PS_E_DECORATORS_DISABLED,
                            "decorators are not enabled; enable the decorators option");
        decorators = ps_parse_decorators(p);
    }
    bool is_static = false, is_accessor = false;
    unsigned mf = 0;
    PsNode *key = NULL;
    bool computed = false;

    if (ps_at_kw(p, PS_KW_STATIC)) {
        PsToken word = p->lx.tok;
        ps_next(p);
        if (ps_at(p, PS_TOK_LBRACE) && decorators.count == 0) return parse_static_block(p, start);
        if (name_follows(p))
            is_static = true;
        else
            key = ident_from_word(p, &word);
    }
    if (!key && p->decorators && ps_at_kw(p, PS_KW_ACCESSOR)) {
        PsToken word = p->lx.tok;
        ps_next(p);
        if (name_follows(p) && !ps_newline_before(p))
            is_accessor = true;
        else
            key = ident_from_word(p, &word);
    }
    if (!key && !is_accessor && ps_at_kw(p, PS_KW_ASYNC)) {
        PsToken word = p->lx.tok;
        ps_next(p);
        if (name_follows(p) && !ps_newline_before(p)) {
            mf |= PS_M_ASYNC;
        } else {
            key = ident_from_word(p, &word);
        }
    }
    if (!key && !is_accessor && ps_at(p, PS_TOK_STAR)) {
        ps_next(p);
        mf |= PS_M_GENERATOR;
    }
    if (!key && !is_accessor && !mf && (ps_at_kw(p, PS_KW_GET) || ps_at_kw(p, PS_KW_SET))) {
        PsToken word = p->lx.tok;
        ps_next(p);
        // `get *g() {}` is not an accessor: `get` is a field (ASI), then a
        // generator method.
        if (name_follows(p) && !ps_at(p, PS_TOK_STAR))
            mf |= word.kw == PS_KW_GET ? PS_M_GETTER : PS_M_SETTER;
        else
            key = ident_from_word(p, &word);
    }
    if (!key) key = ps_parse_property_name(p, &computed, true);
    bool is_private = key->kind == PS_NODE_PRIVATE_IDENTIFIER;

    if (mf || ps_at(p, PS_TOK_LPAREN)) {
        PsClassMember *m = PS_NEW(p, PsClassMember, METHOD_DEF, start);
        m->decorators = decorators;
        m->key = key;
        if (is_static) m->h.flags |= PS_NF_STATIC;
        if (computed) m->h.flags |= PS_NF_COMPUTED;
        PsPropKind kind = (mf & PS_M_GETTER)   ? PS_PROP_GET
                          : (mf & PS_M_SETTER) ? PS_PROP_SET
                                               : PS_PROP_METHOD;
        if (is_accessor)
            ps_error(p, PS_E_CLASS_MEMBER, key->start, key->end,
                     "'accessor' can only be used on fields, not methods");
        unsigned vmf = mf | PS_M_CLASS;
        if (!is_static && key_is_named(key, computed, "constructor", 11)) {
            if (mf & (PS_M_GETTER | PS_M_SETTER | PS_M_GENERATOR | PS_M_ASYNC)) {
                ps_error(p, PS_E_SPECIAL_CONSTRUCTOR, key->start, key->end,
                         "a class constructor cannot be %s; move that code to another method",
                         (mf & PS_M_GETTER)      ? "a getter"
                         : (mf & PS_M_SETTER)    ? "a setter"
                         : (mf & PS_M_GENERATOR) ? "a generator"
                                                 : "async");
            } else {
                kind = PS_PROP_CONSTRUCTOR;
                vmf |= PS_M_CONSTRUCTOR | (cs->derived ? PS_M_DERIVED : 0);
                if (cs->has_ctor)
                    ps_error(p, PS_E_DUPLICATE_CONSTRUCTOR, key->start, key->end,
                             "a class can have only one constructor");
                cs->has_ctor = true;
            }
        }
        if (is_static && key_is_named(key, computed, "prototype", 9))
            ps_error(p, PS_E_STATIC_PROTOTYPE, key->start, key->end,
                     "a class cannot have a static member named 'prototype'");
        if (is_private)
            declare_private(p, key,
                            kind == PS_PROP_GET   ? PS_PRIV_GETTER
                            : kind == PS_PROP_SET ? PS_PRIV_SETTER
                                                  : PS_PRIV_METHOD,
                            is_static);
        m->h.op = (uint8_t)kind;
        if (!ps_at(p, PS_TOK_LPAREN))
            ps_error_at_tok(p, PS_E_CLASS_MEMBER,
                            "expected '(' to start the method's parameters, found %s; a field "
                            "cannot be %s",
                            ps_tok_desc(p),
                            (mf & PS_M_ASYNC)       ? "async"
                            : (mf & PS_M_GENERATOR) ? "a generator"
                                                    : "a getter or setter");
        m->value = ps_parse_method(p, vmf);
        return ps_finish(p, m);
    }

    // Field.
    PsClassMember *m = is_accessor ? PS_NEW(p, PsClassMember, ACCESSOR_PROPERTY, start)
                                   : PS_NEW(p, PsClassMember, PROPERTY_DEF, start);
    m->decorators = decorators;
    m->key = key;
    if (is_static) m->h.flags |= PS_NF_STATIC;
    if (computed) m->h.flags |= PS_NF_COMPUTED;
    if (key_is_named(key, computed, "constructor", 11))
        ps_error(p, PS_E_FIELD_CONSTRUCTOR, key->start, key->end,
                 "a class field cannot be named 'constructor'");
    if (is_static && key_is_named(key, computed, "prototype", 9))
        ps_error(p, PS_E_STATIC_PROTOTYPE, key->start, key->end,
                 "a class cannot have a static field named 'prototype'");
    if (is_private) declare_private(p, key, PS_PRIV_FIELD, is_static);
    if (ps_eat(p, PS_TOK_ASSIGN)) {
        PsFnSave save;
        ps_fn_enter(p, &save,
                    PS_CTX_STRICT | PS_CTX_NEW_TARGET | PS_CTX_SUPER_PROP | PS_CTX_FIELD_INIT |
                        (p->ctx & (PS_CTX_AWAIT | PS_CTX_AWAIT_RESERVED) ? PS_CTX_AWAIT_RESERVED : 0));
        m->value = ps_parse_assign(p, 0, NULL);
        ps_fn_leave(p, &save);
    }
    ps_semicolon(p);
    return ps_finish(p, m);
}

PsNode *ps_parse_class(PsParser *p, uint32_t start, bool is_decl, bool name_optional,
                       PsList decorators) {
    PsClass *c = is_decl ? PS_NEW(p, PsClass, CLASS_DECL, start) : PS_NEW(p, PsClass, CLASS_EXPR, start);
    c->decorators = decorators;
    uint32_t saved_ctx = p->ctx;
    // The whole class, heritage included, is strict code; switch before
    // the next token is scanned.
    ps_set_strict(p, true);
    ps_next(p);  // class
    if (ps_at(p, PS_TOK_IDENT) && !ps_at_kw(p, PS_KW_EXTENDS)) {
        c->id = ps_binding_ident(p);
    } else if (is_decl && !name_optional) {
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected the class name, found %s", ps_tok_desc(p));
    }
    ClassState cs = {false, false};
    // Private names of the heritage belong to the enclosing class.
    if (ps_eat_kw(p, PS_KW_EXTENDS)) {
        c->super_class = ps_parse_lhs(p);
        cs.derived = true;
    }
    PsListNode *body = PS_NEW(p, PsListNode, CLASS_BODY, p->lx.tok.start);
    c->body = &body->h;
    uint32_t open = p->lx.tok.start;
    if (!ps_expect(p, PS_TOK_LBRACE, "to start the class body")) {
        p->ctx = saved_ctx;
        p->lx.strict = (saved_ctx & PS_CTX_STRICT) != 0;
        ps_finish(p, body);
        return ps_finish(p, c);
    }
    uint32_t decl_base = p->class_decl_base, ref_base = p->class_ref_base;
    p->class_decl_base = p->priv_decls.len;
    p->class_ref_base = p->priv_refs.len;
    p->class_depth++;
    uint32_t mark = p->sp;
    while (!ps_at(p, PS_TOK_RBRACE) && !ps_at(p, PS_TOK_EOF)) {
        if (ps_eat(p, PS_TOK_SEMICOLON)) continue;
        uint32_t before = p->lx.tok.start;
        if (!ps_enter(p)) {
            ps_leave(p);
            break;
        }
        PsNode *m = parse_class_member(p, &cs);
        ps_leave(p);
        ps_push(p, m);
        ps_recover_after(p);
        if (p->lx.tok.start == before && !ps_at(p, PS_TOK_EOF) && !ps_at(p, PS_TOK_RBRACE))
            ps_push(p, ps_error_node_skip(p));
    }
    body->items = ps_list_take(p, mark);
    close_private_scope(p, p->class_decl_base, p->class_ref_base);
    p->class_depth--;
    p->class_decl_base = decl_base;
    p->class_ref_base = ref_base;
    p->ctx = saved_ctx;
    p->lx.strict = (saved_ctx & PS_CTX_STRICT) != 0;
    ps_expect_close(p, PS_TOK_RBRACE, open, "class body");
    ps_finish(p, body);
    return ps_finish(p, c);
}
