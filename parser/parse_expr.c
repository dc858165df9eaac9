// Expressions: identifiers and their reserved-word rules, primary
// expressions and literals, templates, object and array literals (with the
// cover grammar that lets them become destructuring patterns), member and
// call chains with optional chaining, `new`, unary/update/await,
// binary operators by precedence climbing, conditional, yield, assignment
// and sequences. Arrow functions are recognised without backtracking: a
// parenthesized list (or `async(...)` arguments) is parsed as an expression
// and reinterpreted as parameters when `=>` follows.
#include "parser_int.h"

// ---------------------------------------------------------------------------
// Identifiers.

static PsNode *ident_from_tok(PsParser *p, const PsToken *t) {
    PsIdent *id = PS_NEW(p, PsIdent, IDENTIFIER, t->start);
    id->name = t->value;
    id->h.aux = t->value_len;
    id->h.end = t->end;
    if (t->flags & PS_TF_ESCAPED) id->h.flags |= PS_NF_ESCAPED;
    return &id->h;
}

PsNode *ps_ident_any(PsParser *p) {
    PsNode *id = ident_from_tok(p, &p->lx.tok);
    ps_next(p);
    return id;
}

void ps_check_ident(PsParser *p, const PsToken *t, bool binding) {
    PsKeyword kw = (PsKeyword)t->kw;
    if (kw == PS_KW_NONE) return;
    bool esc = (t->flags & PS_TF_ESCAPED) != 0;
    const char *word = ps_keyword_text(kw);
    if (kw < PS_KW_FIRST_STRICT_RESERVED) {
        if (esc)
            ps_error(p, PS_E_ESCAPED_KEYWORD, t->start, t->end,
                     "'%s' is the keyword '%s' written with escapes; keywords cannot be used as "
                     "identifiers, escaped or not",
                     word, word);
        else
            ps_error(p, PS_E_RESERVED_WORD, t->start, t->end,
                     "'%s' is a reserved word and cannot be used as an identifier; rename it", word);
        return;
    }
    if (kw < PS_KW_FIRST_CONTEXTUAL) {
        if (kw == PS_KW_YIELD && (p->ctx & PS_CTX_YIELD)) {
            ps_error(p, PS_E_YIELD_IDENTIFIER, t->start, t->end,
                     "'yield' cannot be used as an identifier inside a generator");
            return;
        }
        if (p->ctx & PS_CTX_STRICT)
            ps_error(p, PS_E_STRICT_RESERVED_WORD, t->start, t->end,
                     "'%s' is a reserved word in strict mode and cannot be used as an identifier; "
                     "rename it",
                     word);
        return;
    }
    switch (kw) {
    case PS_KW_AWAIT:
        if (p->ctx & PS_CTX_STATIC_BLOCK)
            ps_error(p, PS_E_AWAIT_IDENTIFIER, t->start, t->end,
                     "'await' cannot be used as an identifier in a class static block");
        else if (p->module || (p->ctx & (PS_CTX_AWAIT | PS_CTX_AWAIT_RESERVED)))
            ps_error(p, PS_E_AWAIT_IDENTIFIER, t->start, t->end,
                     "'await' cannot be used as an identifier %s",
                     (p->ctx & PS_CTX_AWAIT) && !(p->ctx & PS_CTX_RETURN) && p->module
                         ? "in a module"
                     : (p->ctx & PS_CTX_AWAIT) ? "inside an async function"
                                               : "in a module");
        else if (p->await_ident_pos == PS_NOPOS)
            p->await_ident_pos = t->start;
        break;
    case PS_KW_ARGUMENTS:
        if (p->ctx & PS_CTX_FIELD_INIT) {
            ps_error(p, PS_E_ARGUMENTS_IN_FIELD, t->start, t->end,
                     "'arguments' is not allowed in class field initializers and static blocks");
            break;
        }
        // fallthrough
    case PS_KW_EVAL:
        if (binding && (p->ctx & PS_CTX_STRICT))
            ps_error(p, PS_E_STRICT_EVAL_ARGUMENTS, t->start, t->end,
                     "cannot bind or assign to '%s' in strict mode; choose another name", word);
        break;
    default:
        break;
    }
}

PsNode *ps_binding_ident(PsParser *p) {
    if (!ps_at(p, PS_TOK_IDENT)) {
        if (ps_at(p, PS_TOK_EOF))
            ps_error_unexpected(p, "expected an identifier");
        else
            ps_error(p, PS_E_EXPECTED_TOKEN, p->lx.tok.start, p->lx.tok.end,
                     "expected an identifier, found %s", ps_tok_desc(p));
        return ps_missing(p, p->lx.tok.start);
    }
    ps_check_ident(p, &p->lx.tok, true);
    return ps_ident_any(p);
}

bool ps_tok_starts_expr(const PsParser *p) {
    switch ((PsTok)p->lx.tok.type) {
    case PS_TOK_IDENT:
        switch ((PsKeyword)p->lx.tok.kw) {
        case PS_KW_THIS:
        case PS_KW_NULL:
        case PS_KW_TRUE:
        case PS_KW_FALSE:
        case PS_KW_FUNCTION:
        case PS_KW_CLASS:
        case PS_KW_NEW:
        case PS_KW_SUPER:
        case PS_KW_IMPORT:
        case PS_KW_TYPEOF:
        case PS_KW_VOID:
        case PS_KW_DELETE:
            return true;
        default:
            return p->lx.tok.kw == PS_KW_NONE || p->lx.tok.kw >= PS_KW_FIRST_STRICT_RESERVED ||
                   (p->lx.tok.flags & PS_TF_ESCAPED);
        }
    case PS_TOK_PRIVATE_NAME:
    case PS_TOK_NUMBER:
    case PS_TOK_BIGINT:
    case PS_TOK_STRING:
    case PS_TOK_TEMPLATE:
    case PS_TOK_TEMPLATE_HEAD:
    case PS_TOK_LBRACE:
    case PS_TOK_LPAREN:
    case PS_TOK_LBRACKET:
    case PS_TOK_PLUS:
    case PS_TOK_MINUS:
    case PS_TOK_BANG:
    case PS_TOK_TILDE:
    case PS_TOK_INC:
    case PS_TOK_DEC:
    case PS_TOK_SLASH:
    case PS_TOK_SLASH_ASSIGN:
    case PS_TOK_AT:
        return true;
    case PS_TOK_LT:
        return p->jsx;
    default:
        return false;
    }
}

// ---------------------------------------------------------------------------
// Cover grammar bookkeeping.

void ps_cover_report(PsParser *p, const PsCover *c) {
    if (c->shorthand_init != PS_NOPOS)
        ps_error(p, PS_E_SHORTHAND_INIT, c->shorthand_init, c->shorthand_init + 1,
                 "'{ name = value }' is only valid in destructuring patterns; write "
                 "'{ name: value }' for an object literal");
    else if (c->double_proto != PS_NOPOS)
        ps_error(p, PS_E_DUPLICATE_PROTO, c->double_proto, c->double_proto + 9,
                 "duplicate '__proto__' property in an object literal; an object literal may set "
                 "its prototype only once");
}

static void cover_merge(PsCover *outer, const PsCover *inner) {
    if (outer->shorthand_init == PS_NOPOS) outer->shorthand_init = inner->shorthand_init;
    if (outer->double_proto == PS_NOPOS) outer->double_proto = inner->double_proto;
    if (outer->trailing_comma == PS_NOPOS) outer->trailing_comma = inner->trailing_comma;
}

static inline bool is_unparen_literal(const PsNode *n) {
    return (n->kind == PS_NODE_OBJECT_EXPR || n->kind == PS_NODE_ARRAY_EXPR) &&
           !(n->flags & PS_NF_PARENTHESIZED);
}

static inline bool is_unparen_arrow(const PsNode *n) {
    return n->kind == PS_NODE_ARROW_FUNCTION && !(n->flags & PS_NF_PARENTHESIZED);
}

// ---------------------------------------------------------------------------
// Literals.

static PsNode *lit_from_tok(PsParser *p, PsLitKind kind) {
    const PsToken *t = &p->lx.tok;
    PsLiteral *l = PS_NEW(p, PsLiteral, LITERAL, t->start);
    l->h.op = (uint8_t)kind;
    switch (kind) {
    case PS_LIT_NUMBER:
        l->u.number = t->number;
        break;
    case PS_LIT_STRING:
    case PS_LIT_BIGINT:
        l->u.str = t->value;
        l->h.aux = t->value_len;
        break;
    default:
        break;
    }
    if (t->flags & PS_TF_LEGACY_OCTAL) {
        l->h.flags |= PS_NF_LEGACY_OCTAL;
        p->last_octal_pos = t->octal_pos;
        p->last_octal_end = t->octal_end;
    }
    if (t->flags & PS_TF_ESCAPED) l->h.flags |= PS_NF_ESCAPED;
    ps_next(p);
    return ps_finish(p, l);
}

static PsNode *parse_regex(PsParser *p) {
    ps_lexer_rescan_regex(&p->lx);
    if (p->diags->v.len != p->ndiags) ps_next_slow(p);
    const PsToken *t = &p->lx.tok;
    if (t->type != PS_TOK_REGEX) {
        // Unterminated (reported by the lexer).
        PsNode *e = ps_error_node_skip(p);
        return e;
    }
    PsLiteral *l = PS_NEW(p, PsLiteral, LITERAL, t->start);
    l->h.op = PS_LIT_REGEX;
    l->u.str = t->value;
    l->h.aux = t->value_len;
    if (!p->stopped) {
        ps_regexp_validate(t->value, t->value_len, t->raw, t->raw_len, t->start + 1, p->diags);
        if (p->diags->v.len != p->ndiags) ps_next_slow(p);
    }
    ps_next(p);
    return ps_finish(p, l);
}

// TEMPLATE_ELEMENT for the current template token: its range is the text
// between the delimiters (` or } before, ` or ${ after), as in acorn.
static PsNode *template_element(PsParser *p, bool tagged) {
    const PsToken *t = &p->lx.tok;
    uint32_t start = t->start + 1, end = t->end;
    bool tail = t->type == PS_TOK_TEMPLATE || t->type == PS_TOK_TEMPLATE_TAIL;
    if (tail) {
        if (end > start && p->src[end - 1] == '`') end--;
    } else {
        end -= 2;
    }
    if (end < start) end = start;
    PsTemplateElement *el = PS_NEW(p, PsTemplateElement, TEMPLATE_ELEMENT, start);
    el->h.end = end;
    if (tail) el->h.flags |= PS_NF_TAIL;
    el->raw = t->raw;
    el->raw_len = t->raw_len;
    if (t->flags & PS_TF_INVALID_ESCAPE) {
        el->cooked = NULL;
        if (!tagged)
            ps_error(p, PS_E_INVALID_TEMPLATE_ESCAPE, t->octal_pos, t->octal_end,
                     "invalid escape sequence in a template literal (only tagged templates may "
                     "contain it); write '\\\\' for a backslash");
    } else {
        el->cooked = t->value;
        el->h.aux = t->value_len;
    }
    return &el->h;
}

PsNode *ps_parse_template(PsParser *p, bool tagged) {
    PsTemplate *tl = PS_NEW(p, PsTemplate, TEMPLATE_LITERAL, p->lx.tok.start);
    uint32_t mark = p->sp;
    for (;;) {
        PsTok type = (PsTok)p->lx.tok.type;
        ps_push(p, template_element(p, tagged));
        if (type == PS_TOK_TEMPLATE || type == PS_TOK_TEMPLATE_TAIL) {
            ps_next(p);
            break;
        }
        uint32_t open = p->lx.tok.end - 2;
        ps_next(p);
        ps_push(p, ps_parse_expression(p, 0, NULL));
        if (ps_at(p, PS_TOK_RBRACE)) {
            ps_lexer_rescan_template_continuation(&p->lx);
            if (p->diags->v.len != p->ndiags) ps_next_slow(p);
            if (ps_at(p, PS_TOK_TEMPLATE_MIDDLE) || ps_at(p, PS_TOK_TEMPLATE_TAIL)) continue;
            break;
        }
        ps_expect_close(p, PS_TOK_RBRACE, open, "template substitution");
        // Tolerant mode: end the template with an empty tail.
        PsTemplateElement *el =
            PS_NEW(p, PsTemplateElement, TEMPLATE_ELEMENT, ps_end_pos(p, p->prev_end));
        el->h.flags |= PS_NF_TAIL | PS_NF_MISSING;
        el->cooked = el->raw = "";
        ps_push(p, &el->h);
        break;
    }
    // Split the alternating quasi/expression run into the two lists.
    uint32_t n = p->sp - mark;
    uint32_t nq = (n + 1) / 2, ne = n / 2;
    tl->quasis.count = nq;
    tl->quasis.items = och_arena_alloc(p->arena, nq * sizeof(PsNode *));
    tl->expressions.count = ne;
    tl->expressions.items = ne ? och_arena_alloc(p->arena, ne * sizeof(PsNode *)) : NULL;
    for (uint32_t i = 0; i < n; i++) {
        if (i & 1)
            tl->expressions.items[i / 2] = p->scratch[mark + i];
        else
            tl->quasis.items[i / 2] = p->scratch[mark + i];
    }
    p->sp = mark;
    return ps_finish(p, tl);
}

// ---------------------------------------------------------------------------
// Object and array literals.

PsNode *ps_parse_property_name(PsParser *p, bool *computed, bool allow_private) {
    *computed = false;
    switch ((PsTok)p->lx.tok.type) {
    case PS_TOK_IDENT:
        return ps_ident_any(p);
    case PS_TOK_STRING:
        return lit_from_tok(p, PS_LIT_STRING);
    case PS_TOK_NUMBER:
        return lit_from_tok(p, PS_LIT_NUMBER);
    case PS_TOK_BIGINT:
        return lit_from_tok(p, PS_LIT_BIGINT);
    case PS_TOK_LBRACKET: {
        uint32_t open = p->lx.tok.start;
        *computed = true;
        ps_next(p);
        PsNode *e = ps_parse_assign(p, 0, NULL);
        ps_expect_close(p, PS_TOK_RBRACKET, open, "computed property name");
        return e;
    }
    case PS_TOK_PRIVATE_NAME:
        if (allow_private) {
            const PsToken *t = &p->lx.tok;
            PsIdent *id = PS_NEW(p, PsIdent, PRIVATE_IDENTIFIER, t->start);
            id->name = t->value;
            id->h.aux = t->value_len;
            ps_next(p);
            return ps_finish(p, id);
        }
        ps_error_at_tok(p, PS_E_OBJECT_MEMBER,
                        "private names like '#%.*s' can only be declared in class bodies, not in "
                        "object literals",
                        (int)p->lx.tok.value_len, p->lx.tok.value);
        return ps_error_node_skip(p);
    default:
        if (ps_at(p, PS_TOK_EOF))
            ps_error_unexpected(p, "expected a property name");
        else
            ps_error_at_tok(p, PS_E_EXPECTED_PROPERTY_NAME, "expected a property name, found %s",
                            ps_tok_desc(p));
        return ps_missing(p, p->lx.tok.start);
    }
}

// Is the (non-computed) key `__proto__` (identifier or string)?
static bool is_proto_key(const PsNode *key) {
    if (key->kind == PS_NODE_IDENTIFIER) return ps_ident_is(key, "__proto__", 9);
    if (ps_is_string_lit(key))
        return key->aux == 9 && memcmp(PS_AS(PsLiteral, key)->u.str, "__proto__", 9) == 0;
    return false;
}

static PsNode *parse_object_member(PsParser *p, PsCover *cover, bool *has_proto) {
    uint32_t start = p->lx.tok.start;
    if (ps_at(p, PS_TOK_ELLIPSIS)) {
        ps_next(p);
        PsUnary *sp = PS_NEW(p, PsUnary, SPREAD_ELEMENT, start);
        sp->arg = ps_parse_assign(p, 0, NULL);
        return ps_finish(p, sp);
    }
    PsProperty *prop = PS_NEW(p, PsProperty, PROPERTY, start);
    unsigned mf = 0;
    PsNode *key = NULL;
    bool computed = false;
    PsToken word;  // the first token when it is an identifier (shorthand check)
    bool word_is_ident = ps_at(p, PS_TOK_IDENT);
    if (word_is_ident) word = p->lx.tok;

    if (word_is_ident && !(word.flags & PS_TF_ESCAPED) &&
        (word.kw == PS_KW_ASYNC || word.kw == PS_KW_GET || word.kw == PS_KW_SET)) {
        ps_next(p);
        PsTok t = (PsTok)p->lx.tok.type;
        bool is_modifier = t != PS_TOK_COMMA && t != PS_TOK_COLON && t != PS_TOK_LPAREN &&
                           t != PS_TOK_RBRACE && t != PS_TOK_ASSIGN && t != PS_TOK_EOF;
        if (is_modifier && word.kw == PS_KW_ASYNC && ps_newline_before(p)) is_modifier = false;
        if (!is_modifier) {
            key = ident_from_tok(p, &word);
        } else {
            if (word.kw == PS_KW_ASYNC) {
                mf |= PS_M_ASYNC;
                if (ps_eat(p, PS_TOK_STAR)) mf |= PS_M_GENERATOR;
            } else {
                mf |= word.kw == PS_KW_GET ? PS_M_GETTER : PS_M_SETTER;
            }
            word_is_ident = false;
        }
    } else if (ps_at(p, PS_TOK_STAR)) {
        ps_next(p);
        mf |= PS_M_GENERATOR;
        word_is_ident = false;
    }
    if (!key) {
        if (mf) word_is_ident = ps_at(p, PS_TOK_IDENT);
        if (word_is_ident && !mf) word = p->lx.tok;
        key = ps_parse_property_name(p, &computed, false);
    }
    prop->key = key;
    if (computed) prop->h.flags |= PS_NF_COMPUTED;

    if (mf || ps_at(p, PS_TOK_LPAREN)) {
        prop->h.op = (mf & PS_M_GETTER) ? PS_PROP_GET : (mf & PS_M_SETTER) ? PS_PROP_SET : PS_PROP_INIT;
        if (!(mf & (PS_M_GETTER | PS_M_SETTER))) prop->h.flags |= PS_NF_METHOD;
        if (!ps_at(p, PS_TOK_LPAREN))
            ps_error_at_tok(p, PS_E_OBJECT_MEMBER,
                            "expected '(' to start the method's parameters, found %s; only "
                            "methods can be async, generators, getters or setters",
                            ps_tok_desc(p));
        prop->value = ps_parse_method(p, mf);
        return ps_finish(p, prop);
    }
    prop->h.op = PS_PROP_INIT;
    if (ps_at(p, PS_TOK_COLON)) {
        ps_next(p);
        if (!computed && is_proto_key(key)) {
            if (*has_proto && cover->double_proto == PS_NOPOS) cover->double_proto = key->start;
            *has_proto = true;
        }
        prop->value = ps_parse_assign(p, 0, cover);
        return ps_finish(p, prop);
    }
    // Shorthand `{a}` or cover-initialized `{a = 1}`: the key must be an
    // identifier reference.
    if (!word_is_ident || key->kind != PS_NODE_IDENTIFIER || computed) {
        ps_error(p, PS_E_EXPECTED_TOKEN, p->lx.tok.start, p->lx.tok.end,
                 "expected ':' after the property name, found %s", ps_tok_desc(p));
        prop->value = ps_missing(p, p->lx.tok.start);
        return ps_finish(p, prop);
    }
    ps_check_ident(p, &word, false);
    prop->h.flags |= PS_NF_SHORTHAND;
    if (ps_at(p, PS_TOK_ASSIGN)) {
        if (cover->shorthand_init == PS_NOPOS) cover->shorthand_init = p->lx.tok.start;
        ps_next(p);
        PsBinary *ap = PS_NEW(p, PsBinary, ASSIGN_PATTERN, key->start);
        ap->left = key;
        ap->right = ps_parse_assign(p, 0, NULL);
        prop->value = ps_finish(p, ap);
    } else {
        prop->value = key;
    }
    return ps_finish(p, prop);
}

static PsNode *parse_object(PsParser *p, PsCover *cover) {
    PsListNode *obj = PS_NEW(p, PsListNode, OBJECT_EXPR, p->lx.tok.start);
    uint32_t open = p->lx.tok.start;
    ps_next(p);
    uint32_t mark = p->sp;
    bool has_proto = false;
    while (!ps_at(p, PS_TOK_RBRACE) && !ps_at(p, PS_TOK_EOF)) {
        uint32_t before = p->lx.tok.start;
        PsNode *m = parse_object_member(p, cover, &has_proto);
        ps_push(p, m);
        if (m->kind == PS_NODE_SPREAD_ELEMENT && ps_at(p, PS_TOK_COMMA) &&
            cover->trailing_comma == PS_NOPOS)
            cover->trailing_comma = p->lx.tok.start;
        if (ps_eat(p, PS_TOK_COMMA)) continue;
        if (ps_at(p, PS_TOK_RBRACE)) break;
        // Tolerant mode: a missing comma between members on separate lines.
        if (p->tolerant && !p->stopped && p->lx.tok.start != before &&
            !(ps_newline_before(p) && ps_is_statement_keyword(&p->lx.tok)) &&
            (ps_at(p, PS_TOK_IDENT) || ps_at(p, PS_TOK_STRING) || ps_at(p, PS_TOK_NUMBER) ||
             ps_at(p, PS_TOK_LBRACKET) || ps_at(p, PS_TOK_ELLIPSIS))) {
            ps_error(p, PS_E_EXPECTED_TOKEN, p->prev_end, p->prev_end,
                     "expected ',' between object literal members");
            continue;
        }
        break;
    }
    obj->items = ps_list_take(p, mark);
    ps_expect_close(p, PS_TOK_RBRACE, open, "object literal");
    return ps_finish(p, obj);
}

static PsNode *parse_array(PsParser *p, PsCover *cover) {
    PsListNode *arr = PS_NEW(p, PsListNode, ARRAY_EXPR, p->lx.tok.start);
    uint32_t open = p->lx.tok.start;
    ps_next(p);
    uint32_t mark = p->sp;
    while (!ps_at(p, PS_TOK_RBRACKET) && !ps_at(p, PS_TOK_EOF)) {
        if (ps_at(p, PS_TOK_COMMA)) {
            ps_next(p);
            ps_push(p, NULL);
            continue;
        }
        PsNode *e;
        uint32_t before = p->lx.tok.start;
        if (ps_at(p, PS_TOK_ELLIPSIS)) {
            uint32_t s = p->lx.tok.start;
            ps_next(p);
            PsUnary *sp = PS_NEW(p, PsUnary, SPREAD_ELEMENT, s);
            sp->arg = ps_parse_assign(p, 0, cover);
            e = ps_finish(p, sp);
            if (ps_at(p, PS_TOK_COMMA) && cover->trailing_comma == PS_NOPOS) {
                // Only an error if this spread is last and the array becomes
                // a pattern; a following element is caught structurally.
                PsToken next;
                ps_peek(p, &next);
                if (next.type == PS_TOK_RBRACKET) cover->trailing_comma = p->lx.tok.start;
            }
        } else {
            e = ps_parse_assign(p, 0, cover);
        }
        ps_push(p, e);
        if (ps_at(p, PS_TOK_RBRACKET)) break;
        if (!ps_eat(p, PS_TOK_COMMA)) {
            if (p->tolerant && ps_tok_starts_expr(p) && !p->stopped && p->lx.tok.start != before &&
                !(ps_newline_before(p) && ps_is_statement_keyword(&p->lx.tok))) {
                ps_error(p, PS_E_EXPECTED_TOKEN, p->prev_end, p->prev_end,
                         "expected ',' between array elements");
                continue;
            }
            break;
        }
    }
    arr->items = ps_list_take(p, mark);
    ps_expect_close(p, PS_TOK_RBRACKET, open, "array literal");
    return ps_finish(p, arr);
}

// ---------------------------------------------------------------------------
// Parenthesized expressions and arrow functions.

static PsNode *parse_paren(PsParser *p, unsigned ef, bool can_arrow) {
    uint32_t open = p->lx.tok.start;
    ps_next(p);
    uint32_t oy = p->yield_pos, oa = p->await_pos, oai = p->await_ident_pos;
    p->yield_pos = p->await_pos = p->await_ident_pos = PS_NOPOS;
    PsCover cover;
    ps_cover_init(&cover);
    uint32_t mark = p->sp;
    uint32_t rest_pos = PS_NOPOS, trailing = PS_NOPOS;
    uint32_t inner_start = p->lx.tok.start;
    while (!ps_at(p, PS_TOK_RPAREN) && !ps_at(p, PS_TOK_EOF)) {
        if (ps_at(p, PS_TOK_ELLIPSIS)) {
            rest_pos = p->lx.tok.start;
            ps_next(p);
            PsUnary *r = PS_NEW(p, PsUnary, REST_ELEMENT, rest_pos);
            r->arg = ps_parse_binding_target(p);
            ps_push(p, ps_finish(p, r));
            if (ps_at(p, PS_TOK_COMMA)) {
                ps_error_at_tok(p, PS_E_REST_TRAILING_COMMA,
                                "a rest parameter must be last: no ',' may follow it");
                ps_next(p);
            }
            if (ps_at(p, PS_TOK_ASSIGN))
                ps_error_at_tok(p, PS_E_REST_INITIALIZER,
                                "a rest parameter cannot have a default value");
            break;
        }
        ps_push(p, ps_parse_assign(p, 0, &cover));
        if (!ps_at(p, PS_TOK_COMMA)) break;
        uint32_t comma = p->lx.tok.start;
        ps_next(p);
        if (ps_at(p, PS_TOK_RPAREN)) {
            trailing = comma;
            break;
        }
    }
    uint32_t inner_end = ps_end_pos(p, inner_start);
    ps_expect_close(p, PS_TOK_RPAREN, open, "parenthesized expression");

    if (can_arrow && ps_at(p, PS_TOK_ARROW)) {
        if (ps_newline_before(p))
            ps_error_at_tok(p, PS_E_NEWLINE_BEFORE_ARROW,
                            "'=>' must be on the same line as the arrow function's parameters");
        if (p->yield_pos != PS_NOPOS)
            ps_error(p, PS_E_YIELD_IN_PARAMS, p->yield_pos, p->yield_pos + 5,
                     "arrow function parameters cannot contain 'yield' expressions");
        else if (p->await_pos != PS_NOPOS)
            ps_error(p, PS_E_AWAIT_IN_PARAMS, p->await_pos, p->await_pos + 5,
                     "arrow function parameters cannot contain 'await' expressions");
        ps_to_params(p, p->scratch + mark, p->sp - mark, &cover);
        p->yield_pos = oy;
        p->await_pos = oa;
        p->await_ident_pos = oai != PS_NOPOS ? oai : p->await_ident_pos;
        return ps_parse_arrow(p, open, mark, false, ef);
    }

    uint32_t n = p->sp - mark;
    if (n == 0 || rest_pos != PS_NOPOS || trailing != PS_NOPOS) {
        uint32_t at = rest_pos != PS_NOPOS ? rest_pos : trailing != PS_NOPOS ? trailing : p->prev_end;
        if (!p->stopped) {
            if (ps_at(p, PS_TOK_EOF) && n == 0)
                ps_error_unexpected(p, "expected '=>' after '()'");
            else
                ps_error(p, PS_E_EXPECTED_EXPRESSION, at, at + 1,
                         n == 0 ? "'()' is not an expression; did you mean an arrow function "
                                  "'() => ...'?"
                         : rest_pos != PS_NOPOS
                             ? "'...' in parentheses is only valid in arrow function parameters"
                             : "a trailing ',' in parentheses is only valid in arrow function "
                               "parameters");
        }
        if (n == 0) {
            p->sp = mark;
            PsNode *m = ps_missing(p, inner_start);
            return m;
        }
    }
    ps_cover_report(p, &cover);
    if (oy != PS_NOPOS) p->yield_pos = oy;
    if (oa != PS_NOPOS) p->await_pos = oa;
    if (oai != PS_NOPOS) p->await_ident_pos = oai;
    PsNode *e;
    if (n == 1) {
        e = p->scratch[mark];
        p->sp = mark;
    } else {
        PsListNode *seq = PS_NEW(p, PsListNode, SEQUENCE_EXPR, inner_start);
        seq->items = ps_list_take(p, mark);
        seq->h.end = inner_end;
        e = &seq->h;
    }
    e->flags |= PS_NF_PARENTHESIZED;
    return e;
}

// `async` at the start of a primary expression: async function, async
// arrow (`async x =>`, `async (...) =>`), a call of a function named
// async, or just the identifier.
static PsNode *parse_async(PsParser *p, unsigned ef) {
    PsToken word = p->lx.tok;
    uint32_t start = word.start;
    bool can_arrow = start == p->potential_arrow_at;
    ps_next(p);
    if (ps_at_kw(p, PS_KW_FUNCTION) && !ps_newline_before(p))
        return ps_parse_function(p, start, PS_FN_ASYNC);
    bool arrow_param = can_arrow && ps_at(p, PS_TOK_IDENT) && !ps_newline_before(p) &&
                       !(p->lx.tok.kw == PS_KW_IN || p->lx.tok.kw == PS_KW_INSTANCEOF);
    if (arrow_param && ps_at_kw(p, PS_KW_OF)) {
        // `for await (async of x)`: `async of` is only an arrow before `=>`.
        PsToken nx;
        ps_peek(p, &nx);
        arrow_param = nx.type == PS_TOK_ARROW;
    }
    if (arrow_param) {
        // `async x => ...`: nothing else can follow `async x`.
        uint32_t mark = p->sp;
        uint32_t saved = p->ctx;
        p->ctx |= PS_CTX_AWAIT;  // `async await => 1` is an error
        PsNode *param = ps_binding_ident(p);
        p->ctx = saved;
        ps_push(p, param);
        if (!ps_at(p, PS_TOK_ARROW) || ps_newline_before(p)) {
            if (ps_at(p, PS_TOK_ARROW))
                ps_error_at_tok(p, PS_E_NEWLINE_BEFORE_ARROW,
                                "'=>' must be on the same line as the arrow function's "
                                "parameters");
            else
                ps_expect(p, PS_TOK_ARROW, "after the async arrow function's parameter");
        }
        return ps_parse_arrow(p, start, mark, true, ef);
    }
    PsNode *id = ident_from_tok(p, &word);
    if (can_arrow && ps_at(p, PS_TOK_LPAREN) && !ps_newline_before(p)) {
        uint32_t oy = p->yield_pos, oa = p->await_pos, oai = p->await_ident_pos;
        p->yield_pos = p->await_pos = p->await_ident_pos = PS_NOPOS;
        PsCover cover;
        ps_cover_init(&cover);
        uint32_t open = p->lx.tok.start;
        ps_next(p);
        uint32_t mark = p->sp;
        uint32_t trailing_after_spread = PS_NOPOS;
        while (!ps_at(p, PS_TOK_RPAREN) && !ps_at(p, PS_TOK_EOF)) {
            if (ps_at(p, PS_TOK_ELLIPSIS)) {
                uint32_t s = p->lx.tok.start;
                ps_next(p);
                PsUnary *sp = PS_NEW(p, PsUnary, SPREAD_ELEMENT, s);
                sp->arg = ps_parse_assign(p, 0, &cover);
                ps_push(p, ps_finish(p, sp));
                if (ps_at(p, PS_TOK_COMMA) && trailing_after_spread == PS_NOPOS)
                    trailing_after_spread = p->lx.tok.start;
            } else {
                ps_push(p, ps_parse_assign(p, 0, &cover));
            }
            if (!ps_eat(p, PS_TOK_COMMA)) break;
        }
        ps_expect_close(p, PS_TOK_RPAREN, open, "call");
        if (ps_at(p, PS_TOK_ARROW) && !ps_newline_before(p)) {
            if (p->yield_pos != PS_NOPOS)
                ps_error(p, PS_E_YIELD_IN_PARAMS, p->yield_pos, p->yield_pos + 5,
                         "arrow function parameters cannot contain 'yield' expressions");
            else if (p->await_pos != PS_NOPOS)
                ps_error(p, PS_E_AWAIT_IN_PARAMS, p->await_pos, p->await_pos + 5,
                         "async arrow function parameters cannot contain 'await' expressions");
            else if (p->await_ident_pos != PS_NOPOS)
                ps_error(p, PS_E_AWAIT_IDENTIFIER, p->await_ident_pos, p->await_ident_pos + 5,
                         "'await' cannot be a parameter name of an async arrow function");
            if (trailing_after_spread != PS_NOPOS)
                ps_error(p, PS_E_REST_TRAILING_COMMA, trailing_after_spread,
                         trailing_after_spread + 1,
                         "a rest parameter must be last: no ',' may follow it");
            ps_to_params(p, p->scratch + mark, p->sp - mark, &cover);
            p->yield_pos = oy;
            p->await_pos = oa;
            p->await_ident_pos = oai;
            return ps_parse_arrow(p, start, mark, true, ef);
        }
        ps_cover_report(p, &cover);
        if (oy != PS_NOPOS) p->yield_pos = oy;
        if (oa != PS_NOPOS) p->await_pos = oa;
        if (oai != PS_NOPOS) p->await_ident_pos = oai;
        PsCall *call = PS_NEW(p, PsCall, CALL_EXPR, start);
        call->callee = id;
        call->arguments = ps_list_take(p, mark);
        return ps_finish(p, call);
    }
    ps_check_ident(p, &word, false);
    return id;
}

// ---------------------------------------------------------------------------
// Primary expressions.

static PsNode *parse_super(PsParser *p) {
    PsNode *s = PS_NEW(p, PsNode, SUPER, p->lx.tok.start);
    ps_next(p);
    ps_finish(p, s);
    switch ((PsTok)p->lx.tok.type) {
    case PS_TOK_LPAREN:
        if (!(p->ctx & PS_CTX_SUPER_CALL))
            ps_error(p, PS_E_SUPER_CALL, s->start, s->end,
                     "'super()' is only valid in the constructor of a class that extends another");
        break;
    case PS_TOK_DOT:
    case PS_TOK_LBRACKET:
        if (!(p->ctx & PS_CTX_SUPER_PROP))
            ps_error(p, PS_E_SUPER_PROPERTY, s->start, s->end,
                     "'super' properties are only valid in methods, class fields and static "
                     "blocks");
        break;
    default:
        ps_error(p, PS_E_INVALID_SUPER, s->start, s->end,
                 "'super' must be followed by '(', '.' or '['");
        break;
    }
    return s;
}

static PsNode *parse_subscripts(PsParser *p, PsNode *base, uint32_t start, bool no_call);
static PsNode *parse_primary(PsParser *p, unsigned ef, PsCover *cover);

static PsNode *parse_new(PsParser *p) {
    uint32_t start = p->lx.tok.start;
    PsToken word = p->lx.tok;
    ps_next(p);
    if (ps_at(p, PS_TOK_DOT)) {
        ps_next(p);
        PsMember *mp = PS_NEW(p, PsMember, META_PROPERTY, start);
        mp->object = ident_from_tok(p, &word);
        if (ps_at_kw(p, PS_KW_TARGET)) {
            mp->property = ps_ident_any(p);
            if (!(p->ctx & PS_CTX_NEW_TARGET))
                ps_error(p, PS_E_NEW_TARGET_OUTSIDE, start, p->prev_end,
                         "'new.target' is only valid inside functions and class bodies");
        } else {
            ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected 'target' after 'new.', found %s",
                            ps_tok_desc(p));
            mp->property = ps_at(p, PS_TOK_IDENT) ? ps_ident_any(p) : ps_missing(p, p->lx.tok.start);
        }
        return ps_finish(p, mp);
    }
    if (!ps_enter(p)) {
        ps_leave(p);
        return ps_missing(p, p->lx.tok.start);
    }
    uint32_t cstart = p->lx.tok.start;
    PsNode *callee;
    PsToken nx;
    if (ps_at_kw(p, PS_KW_NEW)) {
        callee = parse_new(p);
    } else if (ps_at_kw(p, PS_KW_IMPORT) && (ps_peek(p, &nx), nx.type != PS_TOK_DOT)) {
        ps_error_at_tok(p, PS_E_NEW_IMPORT, "'import(...)' cannot be used with 'new'");
        callee = ps_parse_import_expr(p);
    } else {
        PsCover cover;
        ps_cover_init(&cover);
        callee = parse_primary(p, 0, &cover);
        ps_cover_report(p, &cover);
    }
    callee = parse_subscripts(p, callee, cstart, true);
    ps_leave(p);
    if (callee->kind == PS_NODE_SUPER)
        ps_error(p, PS_E_INVALID_SUPER, callee->start, callee->end,
                 "'new super' is not valid; use 'super(...)' in a constructor");
    PsCall *n = PS_NEW(p, PsCall, NEW_EXPR, start);
    n->callee = callee;
    if (ps_at(p, PS_TOK_LPAREN)) n->arguments = ps_parse_arguments(p, NULL);
    return ps_finish(p, n);
}

// An unexpected token where an expression should start. Tokens that can
// end or continue an enclosing construct are left alone (a MISSING node
// stands in); others are consumed into an ERROR node, together with an
// expression that directly follows them when there is one.
static PsNode *parse_unary(PsParser *p, unsigned ef, PsCover *cover);

static PsNode *unexpected_in_expr(PsParser *p, PsCover *cover) {
    PsTok t = (PsTok)p->lx.tok.type;
    if (t == PS_TOK_ERROR) {
        ps_error_unexpected(p, NULL);
        return ps_error_node_skip(p);
    }
    if (t == PS_TOK_EOF) {
        ps_error_unexpected(p, "expected an expression");
        return ps_missing(p, p->lx.tok.start);
    }
    ps_error_at_tok(p, PS_E_EXPECTED_EXPRESSION, "expected an expression, found %s",
                    ps_tok_desc(p));
    bool keep = t == PS_TOK_RPAREN || t == PS_TOK_RBRACKET || t == PS_TOK_RBRACE ||
                t == PS_TOK_SEMICOLON || t == PS_TOK_COMMA || t == PS_TOK_COLON ||
                t == PS_TOK_ARROW ||
                (t == PS_TOK_IDENT && p->lx.tok.kw != PS_KW_NONE &&
                 p->lx.tok.kw < PS_KW_FIRST_STRICT_RESERVED);
    if (keep) return ps_missing(p, p->lx.tok.start);
    PsListNode *e = PS_AS(PsListNode, ps_error_node_skip(p));
    // `a + * b`: keep the operand after the stray token in the tree.
    if (p->tolerant && !p->stopped && !ps_newline_before(p) && ps_tok_starts_expr(p)) {
        uint32_t mark = p->sp;
        ps_push(p, parse_unary(p, 0, cover));
        e->items = ps_list_take(p, mark);
        ps_finish(p, e);
    }
    return &e->h;
}

static PsNode *parse_primary(PsParser *p, unsigned ef, PsCover *cover) {
    const PsToken *t = &p->lx.tok;
    uint32_t start = t->start;
    switch ((PsTok)t->type) {
    case PS_TOK_IDENT: {
        if (!(t->flags & PS_TF_ESCAPED)) {
            switch ((PsKeyword)t->kw) {
            case PS_KW_THIS: {
                PsNode *n = PS_NEW(p, PsNode, THIS, start);
                ps_next(p);
                return ps_finish(p, n);
            }
            case PS_KW_NULL:
                return lit_from_tok(p, PS_LIT_NULL);
            case PS_KW_TRUE:
                return lit_from_tok(p, PS_LIT_TRUE);
            case PS_KW_FALSE:
                return lit_from_tok(p, PS_LIT_FALSE);
            case PS_KW_FUNCTION:
                return ps_parse_function(p, start, 0);
            case PS_KW_CLASS:
                return ps_parse_class(p, start, false, true, (PsList){NULL, 0});
            case PS_KW_NEW:
                return parse_new(p);
            case PS_KW_SUPER:
                return parse_super(p);
            case PS_KW_IMPORT:
                return ps_parse_import_expr(p);
            case PS_KW_ASYNC:
                return parse_async(p, ef);
            default:
                break;
            }
        }
        if (t->kw != PS_KW_NONE && t->kw < PS_KW_FIRST_STRICT_RESERVED &&
            !(t->flags & PS_TF_ESCAPED))
            return unexpected_in_expr(p, cover);
        bool can_arrow = start == p->potential_arrow_at;
        ps_check_ident(p, t, false);
        PsNode *id = ident_from_tok(p, t);
        ps_next(p);
        if (can_arrow && ps_at(p, PS_TOK_ARROW)) {
            // `x => ...`: the name becomes a parameter (binding checks).
            uint32_t mark = p->sp;
            if (ps_newline_before(p))
                ps_error_at_tok(p, PS_E_NEWLINE_BEFORE_ARROW,
                                "'=>' must be on the same line as the arrow function's parameter");
            ps_push(p, id);
            ps_to_params(p, p->scratch + mark, 1, NULL);
            return ps_parse_arrow(p, start, mark, false, ef);
        }
        return id;
    }
    case PS_TOK_NUMBER:
        return lit_from_tok(p, PS_LIT_NUMBER);
    case PS_TOK_STRING:
        return lit_from_tok(p, PS_LIT_STRING);
    case PS_TOK_BIGINT:
        return lit_from_tok(p, PS_LIT_BIGINT);
    case PS_TOK_TEMPLATE:
    case PS_TOK_TEMPLATE_HEAD:
        return ps_parse_template(p, false);
    case PS_TOK_SLASH:
    case PS_TOK_SLASH_ASSIGN:
        return parse_regex(p);
    case PS_TOK_LPAREN:
        return parse_paren(p, ef, start == p->potential_arrow_at);
    case PS_TOK_LBRACKET:
        return parse_array(p, cover);
    case PS_TOK_LBRACE:
        return parse_object(p, cover);
    case PS_TOK_LT: {
        if (p->jsx) return ps_parse_jsx(p);
        PsToken nx;
        ps_peek(p, &nx);
        if ((nx.type == PS_TOK_IDENT || nx.type == PS_TOK_GT) && !(nx.flags & PS_TF_NEWLINE_BEFORE)) {
            ps_error_at_tok(p, PS_E_JSX_DISABLED,
                            "this looks like JSX, which is not enabled for this file; use a .jsx "
                            "file or enable the jsx option");
            return ps_error_node_skip(p);
        }
        return unexpected_in_expr(p, cover);
    }
    case PS_TOK_AT: {
        if (!p->decorators) {
            ps_error_at_tok(p, PS_E_DECORATORS_DISABLED,
                            "decorators are not enabled; enable the decorators option");
        }
        PsList decs = ps_parse_decorators(p);
        if (ps_at_kw(p, PS_KW_CLASS)) return ps_parse_class(p, start, false, true, decs);
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected 'class' after decorators, found %s",
                        ps_tok_desc(p));
        return ps_missing(p, p->lx.tok.start);
    }
    case PS_TOK_PRIVATE_NAME: {
        ps_error_at_tok(p, PS_E_PRIVATE_IN,
                        "a private name can only appear after '.' or as the left side of 'in' "
                        "(e.g. '#x in obj')");
        return ps_error_node_skip(p);
    }
    default:
        return unexpected_in_expr(p, cover);
    }
}

// ---------------------------------------------------------------------------
// Member and call chains.

PsList ps_parse_arguments(PsParser *p, PsCover *cover) {
    uint32_t open = p->lx.tok.start;
    ps_next(p);
    uint32_t mark = p->sp;
    while (!ps_at(p, PS_TOK_RPAREN) && !ps_at(p, PS_TOK_EOF)) {
        // Tolerant mode: `f(a, }`: report the missing ')' rather than a
        // missing argument.
        if (p->tolerant && (ps_at(p, PS_TOK_RBRACE) || ps_at(p, PS_TOK_RBRACKET) ||
                            ps_at(p, PS_TOK_SEMICOLON)))
            break;
        PsNode *arg;
        uint32_t before = p->lx.tok.start;
        if (ps_at(p, PS_TOK_ELLIPSIS)) {
            uint32_t s = p->lx.tok.start;
            ps_next(p);
            PsUnary *sp = PS_NEW(p, PsUnary, SPREAD_ELEMENT, s);
            sp->arg = ps_parse_assign(p, 0, cover);
            arg = ps_finish(p, sp);
        } else {
            arg = ps_parse_assign(p, 0, cover);
        }
        ps_push(p, arg);
        if (ps_eat(p, PS_TOK_COMMA)) continue;
        if (ps_at(p, PS_TOK_RPAREN)) break;
        // Tolerant mode: `f(a b)` — a missing comma before an expression on
        // the same line is more likely than a missing ')'.
        if (p->tolerant && !p->stopped && ps_tok_starts_expr(p) && !ps_newline_before(p) &&
            p->lx.tok.start != before) {
            ps_error(p, PS_E_EXPECTED_TOKEN, p->prev_end, p->prev_end,
                     "expected ',' between arguments");
            continue;
        }
        break;
    }
    PsList l = ps_list_take(p, mark);
    ps_expect_close(p, PS_TOK_RPAREN, open, "call");
    return l;
}

static PsNode *member_name(PsParser *p, PsMember *m) {
    if (ps_at(p, PS_TOK_PRIVATE_NAME)) {
        if (m->object->kind == PS_NODE_SUPER)
            ps_error_at_tok(p, PS_E_SUPER_PRIVATE,
                            "private names cannot be accessed through 'super'");
        return ps_parse_private_ref(p);
    }
    if (ps_at(p, PS_TOK_IDENT)) return ps_ident_any(p);
    if (ps_at(p, PS_TOK_EOF))
        ps_error_unexpected(p, "expected a property name after '.'");
    else
        ps_error_at_tok(p, PS_E_EXPECTED_PROPERTY_NAME,
                        "expected a property name after '.', found %s", ps_tok_desc(p));
    return ps_missing(p, p->lx.tok.start);
}

static PsNode *parse_subscripts(PsParser *p, PsNode *base, uint32_t start, bool no_call) {
    if (is_unparen_arrow(base)) return base;
    bool chain = false;
    for (;;) {
        switch ((PsTok)p->lx.tok.type) {
        case PS_TOK_DOT: {
            ps_next(p);
            PsMember *m = PS_NEW(p, PsMember, MEMBER_EXPR, start);
            m->object = base;
            m->property = member_name(p, m);
            base = ps_finish(p, m);
            continue;
        }
        case PS_TOK_QDOT: {
            if (no_call) {
                ps_error_at_tok(p, PS_E_OPTIONAL_CHAIN_NEW,
                                "optional chaining '?.' cannot be used in a 'new' expression; "
                                "wrap the callee in parentheses");
            }
            chain = true;
            ps_next(p);
            if (ps_at(p, PS_TOK_LPAREN)) {
                PsCall *c = PS_NEW(p, PsCall, CALL_EXPR, start);
                c->h.flags |= PS_NF_OPTIONAL;
                c->callee = base;
                c->arguments = ps_parse_arguments(p, NULL);
                base = ps_finish(p, c);
            } else if (ps_at(p, PS_TOK_LBRACKET)) {
                uint32_t open = p->lx.tok.start;
                ps_next(p);
                PsMember *m = PS_NEW(p, PsMember, MEMBER_EXPR, start);
                m->h.flags |= PS_NF_OPTIONAL | PS_NF_COMPUTED;
                m->object = base;
                m->property = ps_parse_expression(p, 0, NULL);
                ps_expect_close(p, PS_TOK_RBRACKET, open, "computed member access");
                base = ps_finish(p, m);
            } else if (ps_at(p, PS_TOK_TEMPLATE) || ps_at(p, PS_TOK_TEMPLATE_HEAD)) {
                ps_error_at_tok(p, PS_E_OPTIONAL_CHAIN_TEMPLATE,
                                "a tagged template cannot be part of an optional chain");
                PsTaggedTemplate *tt = PS_NEW(p, PsTaggedTemplate, TAGGED_TEMPLATE, start);
                tt->tag = base;
                tt->quasi = ps_parse_template(p, true);
                base = ps_finish(p, tt);
            } else {
                PsMember *m = PS_NEW(p, PsMember, MEMBER_EXPR, start);
                m->h.flags |= PS_NF_OPTIONAL;
                m->object = base;
                m->property = member_name(p, m);
                base = ps_finish(p, m);
            }
            continue;
        }
        case PS_TOK_LBRACKET: {
            uint32_t open = p->lx.tok.start;
            ps_next(p);
            PsMember *m = PS_NEW(p, PsMember, MEMBER_EXPR, start);
            m->h.flags |= PS_NF_COMPUTED;
            m->object = base;
            m->property = ps_parse_expression(p, 0, NULL);
            ps_expect_close(p, PS_TOK_RBRACKET, open, "computed member access");
            base = ps_finish(p, m);
            continue;
        }
        case PS_TOK_LPAREN: {
            if (no_call) break;
            PsCall *c = PS_NEW(p, PsCall, CALL_EXPR, start);
            c->callee = base;
            c->arguments = ps_parse_arguments(p, NULL);
            base = ps_finish(p, c);
            continue;
        }
        case PS_TOK_TEMPLATE:
        case PS_TOK_TEMPLATE_HEAD: {
            if (chain)
                ps_error_at_tok(p, PS_E_OPTIONAL_CHAIN_TEMPLATE,
                                "a tagged template cannot be part of an optional chain");
            PsTaggedTemplate *tt = PS_NEW(p, PsTaggedTemplate, TAGGED_TEMPLATE, start);
            tt->tag = base;
            tt->quasi = ps_parse_template(p, true);
            base = ps_finish(p, tt);
            continue;
        }
        default:
            break;
        }
        break;
    }
    if (chain) {
        PsUnary *ch = PS_NEW(p, PsUnary, CHAIN_EXPR, start);
        ch->arg = base;
        base = ps_finish(p, ch);
    }
    return base;
}

PsNode *ps_parse_lhs(PsParser *p) {
    uint32_t start = p->lx.tok.start;
    PsCover cover;
    ps_cover_init(&cover);
    PsNode *e = parse_primary(p, 0, &cover);
    ps_cover_report(p, &cover);
    return parse_subscripts(p, e, start, false);
}

// ---------------------------------------------------------------------------
// Unary, update, await.

static PsNode *parse_unary(PsParser *p, unsigned ef, PsCover *cover);

static PsNode *parse_postfix(PsParser *p, unsigned ef, PsCover *cover) {
    uint32_t start = p->lx.tok.start;
    PsNode *e = parse_primary(p, ef, cover);
    e = parse_subscripts(p, e, start, false);
    if ((ps_at(p, PS_TOK_INC) || ps_at(p, PS_TOK_DEC)) && !ps_newline_before(p) &&
        !is_unparen_arrow(e)) {
        ps_check_simple_target(p, e, ps_at(p, PS_TOK_INC) ? "'++'" : "'--'", true);
        PsUnary *u = PS_NEW(p, PsUnary, UPDATE_EXPR, start);
        u->h.op = ps_at(p, PS_TOK_INC) ? PS_OP_INC : PS_OP_DEC;
        u->arg = e;
        ps_next(p);
        return ps_finish(p, u);
    }
    return e;
}

static bool is_private_member(const PsNode *n) {
    while (n->kind == PS_NODE_CHAIN_EXPR) n = PS_AS(PsUnary, n)->arg;
    return n->kind == PS_NODE_MEMBER_EXPR && PS_AS(PsMember, n)->property->kind == PS_NODE_PRIVATE_IDENTIFIER;
}

static PsNode *parse_unary(PsParser *p, unsigned ef, PsCover *cover) {
    const PsToken *t = &p->lx.tok;
    uint32_t start = t->start;
    PsOp op = PS_OP_NONE;
    switch ((PsTok)t->type) {
    case PS_TOK_BANG:
        op = PS_OP_NOT;
        break;
    case PS_TOK_TILDE:
        op = PS_OP_BITNOT;
        break;
    case PS_TOK_PLUS:
        op = PS_OP_PLUS;
        break;
    case PS_TOK_MINUS:
        op = PS_OP_NEG;
        break;
    case PS_TOK_INC:
    case PS_TOK_DEC: {
        PsUnary *u = PS_NEW(p, PsUnary, UPDATE_EXPR, start);
        u->h.op = t->type == PS_TOK_INC ? PS_OP_INC : PS_OP_DEC;
        u->h.flags |= PS_NF_PREFIX;
        const char *what = t->type == PS_TOK_INC ? "'++'" : "'--'";
        ps_next(p);
        if (!ps_enter(p)) {
            ps_leave(p);
            u->arg = ps_missing(p, p->lx.tok.start);
            return ps_finish(p, u);
        }
        u->arg = parse_unary(p, ef, cover);
        ps_leave(p);
        ps_check_simple_target(p, u->arg, what, true);
        return ps_finish(p, u);
    }
    case PS_TOK_IDENT:
        if (t->flags & PS_TF_ESCAPED) break;
        switch ((PsKeyword)t->kw) {
        case PS_KW_TYPEOF:
            op = PS_OP_TYPEOF;
            break;
        case PS_KW_VOID:
            op = PS_OP_VOID;
            break;
        case PS_KW_DELETE:
            op = PS_OP_DELETE;
            break;
        case PS_KW_AWAIT:
            if (p->ctx & (PS_CTX_AWAIT | PS_CTX_STATIC_BLOCK)) {
                if (p->ctx & PS_CTX_STATIC_BLOCK)
                    ps_error_at_tok(p, PS_E_AWAIT_IN_STATIC_BLOCK,
                                    "'await' is not allowed in class static blocks");
                else if (p->ctx & PS_CTX_PARAMS)
                    ps_error_at_tok(p, PS_E_AWAIT_IN_PARAMS,
                                    "'await' expressions are not allowed in the parameters of "
                                    "an async function");
                if (p->await_pos == PS_NOPOS) p->await_pos = start;
                ps_next(p);
                PsUnary *u = PS_NEW(p, PsUnary, AWAIT_EXPR, start);
                if (!ps_enter(p)) {
                    ps_leave(p);
                    u->arg = ps_missing(p, p->lx.tok.start);
                    return ps_finish(p, u);
                }
                u->arg = parse_unary(p, ef, cover);
                ps_leave(p);
                return ps_finish(p, u);
            }
            break;
        default:
            break;
        }
        break;
    default:
        break;
    }
    if (op == PS_OP_NONE) return parse_postfix(p, ef, cover);
    ps_next(p);
    PsUnary *u = PS_NEW(p, PsUnary, UNARY_EXPR, start);
    u->h.op = (uint8_t)op;
    if (!ps_enter(p)) {
        ps_leave(p);
        u->arg = ps_missing(p, p->lx.tok.start);
        return ps_finish(p, u);
    }
    u->arg = parse_unary(p, ef, cover);
    ps_leave(p);
    if (op == PS_OP_DELETE) {
        PsNode *a = u->arg;
        if (a->kind == PS_NODE_IDENTIFIER && (p->ctx & PS_CTX_STRICT) && !(a->flags & PS_NF_MISSING))
            ps_error(p, PS_E_DELETE_IDENTIFIER, a->start, a->end,
                     "'delete' of a plain variable is not allowed in strict mode; delete an "
                     "object property instead");
        else if (is_private_member(a))
            ps_error(p, PS_E_DELETE_PRIVATE, a->start, a->end,
                     "private fields cannot be deleted");
    }
    return ps_finish(p, u);
}

// ---------------------------------------------------------------------------
// Binary operators.

enum {
    PREC_NONE = 0,
    PREC_COALESCE = 1,  // ?? (same level as ||; mixing is checked separately)
    PREC_OR = 1,
    PREC_AND = 2,
    PREC_BITOR = 3,
    PREC_BITXOR = 4,
    PREC_BITAND = 5,
    PREC_EQUALITY = 6,
    PREC_RELATIONAL = 7,
    PREC_SHIFT = 8,
    PREC_ADDITIVE = 9,
    PREC_MULTIPLICATIVE = 10,
    PREC_EXPONENT = 11,
};

// Binary operator of the current token: its precedence and PsOp, or
// PREC_NONE. `in` is not an operator in for-statement heads.
static int binary_op(const PsParser *p, unsigned ef, PsOp *op) {
    switch ((PsTok)p->lx.tok.type) {
    case PS_TOK_QQ: *op = PS_OP_NULLISH; return PREC_COALESCE;
    case PS_TOK_PIPEPIPE: *op = PS_OP_OR; return PREC_OR;
    case PS_TOK_AMPAMP: *op = PS_OP_AND; return PREC_AND;
    case PS_TOK_PIPE: *op = PS_OP_BITOR; return PREC_BITOR;
    case PS_TOK_CARET: *op = PS_OP_BITXOR; return PREC_BITXOR;
    case PS_TOK_AMP: *op = PS_OP_BITAND; return PREC_BITAND;
    case PS_TOK_EQ: *op = PS_OP_EQ; return PREC_EQUALITY;
    case PS_TOK_NE: *op = PS_OP_NE; return PREC_EQUALITY;
    case PS_TOK_SEQ: *op = PS_OP_SEQ; return PREC_EQUALITY;
    case PS_TOK_SNE: *op = PS_OP_SNE; return PREC_EQUALITY;
    case PS_TOK_LT: *op = PS_OP_LT; return PREC_RELATIONAL;
    case PS_TOK_GT: *op = PS_OP_GT; return PREC_RELATIONAL;
    case PS_TOK_LE: *op = PS_OP_LE; return PREC_RELATIONAL;
    case PS_TOK_GE: *op = PS_OP_GE; return PREC_RELATIONAL;
    case PS_TOK_SHL: *op = PS_OP_SHL; return PREC_SHIFT;
    case PS_TOK_SAR: *op = PS_OP_SAR; return PREC_SHIFT;
    case PS_TOK_SHR: *op = PS_OP_SHR; return PREC_SHIFT;
    case PS_TOK_PLUS: *op = PS_OP_ADD; return PREC_ADDITIVE;
    case PS_TOK_MINUS: *op = PS_OP_SUB; return PREC_ADDITIVE;
    case PS_TOK_STAR: *op = PS_OP_MUL; return PREC_MULTIPLICATIVE;
    case PS_TOK_SLASH: *op = PS_OP_DIV; return PREC_MULTIPLICATIVE;
    case PS_TOK_PERCENT: *op = PS_OP_MOD; return PREC_MULTIPLICATIVE;
    case PS_TOK_STARSTAR: *op = PS_OP_EXP; return PREC_EXPONENT;
    case PS_TOK_IDENT:
        if (p->lx.tok.flags & PS_TF_ESCAPED) return PREC_NONE;
        if (p->lx.tok.kw == PS_KW_INSTANCEOF) {
            *op = PS_OP_INSTANCEOF;
            return PREC_RELATIONAL;
        }
        if (p->lx.tok.kw == PS_KW_IN && !(ef & PS_EF_NO_IN)) {
            *op = PS_OP_IN;
            return PREC_RELATIONAL;
        }
        return PREC_NONE;
    default:
        return PREC_NONE;
    }
}

static inline bool is_logical_op(PsOp op) {
    return op == PS_OP_OR || op == PS_OP_AND || op == PS_OP_NULLISH;
}

static bool is_unparen_logical(const PsNode *n, bool nullish) {
    if (n->kind != PS_NODE_LOGICAL_EXPR || (n->flags & PS_NF_PARENTHESIZED)) return false;
    return nullish ? n->op == PS_OP_NULLISH : n->op != PS_OP_NULLISH;
}

static PsNode *parse_binary(PsParser *p, unsigned ef, int min_prec, PsCover *cover);

static PsNode *parse_binary_rest(PsParser *p, unsigned ef, int min_prec, uint32_t start,
                                 PsNode *left, PsCover *cover) {
    for (;;) {
        PsOp op = PS_OP_NONE;
        int prec = binary_op(p, ef, &op);
        if (prec <= min_prec) return left;
        if (op == PS_OP_EXP && !(left->flags & PS_NF_PARENTHESIZED) &&
            (left->kind == PS_NODE_UNARY_EXPR || left->kind == PS_NODE_AWAIT_EXPR))
            ps_error_at_tok(p, PS_E_UNARY_BEFORE_EXPONENT,
                            "a unary operator before '**' is ambiguous; add parentheses: "
                            "'(-x) ** y' or '-(x ** y)'");
        uint32_t op_start = p->lx.tok.start;
        ps_next(p);
        PsNode *right;
        if (op == PS_OP_EXP) {
            // Right-associative, and unbounded recursion: count the depth.
            if (!ps_enter(p)) {
                ps_leave(p);
                return left;
            }
            right = parse_binary(p, ef, prec - 1, cover);
            ps_leave(p);
        } else {
            right = parse_binary(p, ef, prec, cover);
        }
        PsBinary *b;
        if (is_logical_op(op)) {
            bool nullish = op == PS_OP_NULLISH;
            if (is_unparen_logical(left, !nullish) || is_unparen_logical(right, !nullish))
                ps_error(p, PS_E_MIXED_NULLISH, op_start, op_start + (nullish ? 2 : 2),
                         "'?\?' cannot be mixed with '||' or '&&' without parentheses; add "
                         "parentheses to show which runs first");
            b = PS_NEW(p, PsBinary, LOGICAL_EXPR, start);
        } else {
            b = PS_NEW(p, PsBinary, BINARY_EXPR, start);
        }
        b->h.op = (uint8_t)op;
        b->left = left;
        b->right = right;
        left = ps_finish(p, b);
    }
}

static PsNode *parse_binary(PsParser *p, unsigned ef, int min_prec, PsCover *cover) {
    uint32_t start = p->lx.tok.start;
    PsNode *left;
    if (ps_at(p, PS_TOK_PRIVATE_NAME)) {
        // `#x in obj`: the only place a private name stands alone.
        PsNode *name = ps_parse_private_ref(p);
        if (!ps_at_kw(p, PS_KW_IN) || min_prec >= PREC_RELATIONAL || (ef & PS_EF_NO_IN)) {
            ps_error(p, PS_E_PRIVATE_IN, name->start, name->end,
                     "a private name can only appear after '.' or as the left side of 'in' "
                     "(e.g. '#x in obj')");
            return name;
        }
        ps_next(p);
        PsBinary *b = PS_NEW(p, PsBinary, BINARY_EXPR, start);
        b->h.op = PS_OP_IN;
        b->left = name;
        b->right = parse_binary(p, ef, PREC_RELATIONAL, cover);
        left = ps_finish(p, b);
    } else {
        left = parse_unary(p, ef, cover);
        if (is_unparen_arrow(left)) return left;
    }
    return parse_binary_rest(p, ef, min_prec, start, left, cover);
}

// ---------------------------------------------------------------------------
// Conditional, yield, assignment, sequence.

static PsNode *parse_conditional(PsParser *p, unsigned ef, PsCover *cover) {
    uint32_t start = p->lx.tok.start;
    PsNode *test = parse_binary(p, ef, PREC_NONE, cover);
    if (!ps_at(p, PS_TOK_QUESTION) || is_unparen_arrow(test)) return test;
    ps_next(p);
    PsConditional *c = PS_NEW(p, PsConditional, CONDITIONAL_EXPR, start);
    c->test = test;
    c->consequent = ps_parse_assign(p, 0, NULL);
    ps_expect(p, PS_TOK_COLON, "in the conditional expression");
    c->alternate = ps_parse_assign(p, ef, NULL);
    return ps_finish(p, c);
}

static PsNode *parse_yield(PsParser *p, unsigned ef) {
    uint32_t start = p->lx.tok.start;
    if (p->ctx & PS_CTX_PARAMS)
        ps_error_at_tok(p, PS_E_YIELD_IN_PARAMS,
                        "'yield' expressions are not allowed in the parameters of a generator");
    if (p->yield_pos == PS_NOPOS) p->yield_pos = start;
    ps_next(p);
    PsUnary *y = PS_NEW(p, PsUnary, YIELD_EXPR, start);
    if (ps_newline_before(p)) return ps_finish(p, y);
    if (ps_at(p, PS_TOK_STAR)) {
        y->h.flags |= PS_NF_DELEGATE;
        ps_next(p);
        y->arg = ps_parse_assign(p, ef, NULL);
    } else if (ps_tok_starts_expr(p)) {
        y->arg = ps_parse_assign(p, ef, NULL);
    }
    return ps_finish(p, y);
}

static PsOp assign_op(PsTok t) {
    switch (t) {
    case PS_TOK_ASSIGN: return PS_OP_ASSIGN;
    case PS_TOK_PLUS_ASSIGN: return PS_OP_ADD_ASSIGN;
    case PS_TOK_MINUS_ASSIGN: return PS_OP_SUB_ASSIGN;
    case PS_TOK_STAR_ASSIGN: return PS_OP_MUL_ASSIGN;
    case PS_TOK_SLASH_ASSIGN: return PS_OP_DIV_ASSIGN;
    case PS_TOK_PERCENT_ASSIGN: return PS_OP_MOD_ASSIGN;
    case PS_TOK_STARSTAR_ASSIGN: return PS_OP_EXP_ASSIGN;
    case PS_TOK_SHL_ASSIGN: return PS_OP_SHL_ASSIGN;
    case PS_TOK_SAR_ASSIGN: return PS_OP_SAR_ASSIGN;
    case PS_TOK_SHR_ASSIGN: return PS_OP_SHR_ASSIGN;
    case PS_TOK_PIPE_ASSIGN: return PS_OP_BITOR_ASSIGN;
    case PS_TOK_CARET_ASSIGN: return PS_OP_BITXOR_ASSIGN;
    case PS_TOK_AMP_ASSIGN: return PS_OP_BITAND_ASSIGN;
    case PS_TOK_PIPEPIPE_ASSIGN: return PS_OP_OR_ASSIGN;
    case PS_TOK_AMPAMP_ASSIGN: return PS_OP_AND_ASSIGN;
    case PS_TOK_QQ_ASSIGN: return PS_OP_NULLISH_ASSIGN;
    default: return PS_OP_NONE;
    }
}

// After an arrow function with a block body: a token that would continue
// the expression (an operator, a call, a member access) is an error, since
// the arrow function is a whole AssignmentExpression.
static bool arrow_followed(PsParser *p) {
    PsOp op;
    if (binary_op(p, 0, &op) != PREC_NONE) return true;
    if (assign_op((PsTok)p->lx.tok.type) != PS_OP_NONE) return true;
    switch ((PsTok)p->lx.tok.type) {
    case PS_TOK_LPAREN:
    case PS_TOK_LBRACKET:
    case PS_TOK_DOT:
    case PS_TOK_QDOT:
    case PS_TOK_QUESTION:
    case PS_TOK_TEMPLATE:
    case PS_TOK_TEMPLATE_HEAD:
        return true;
    default:
        return false;
    }
}

PsNode *ps_parse_assign(PsParser *p, unsigned ef, PsCover *outer) {
    if (!ps_enter(p)) {
        ps_leave(p);
        return ps_missing(p, p->lx.tok.start);
    }
    if (ps_at_kw(p, PS_KW_YIELD) && (p->ctx & PS_CTX_YIELD)) {
        PsNode *y = parse_yield(p, ef);
        ps_leave(p);
        return y;
    }
    uint32_t start = p->lx.tok.start;
    p->potential_arrow_at = start;
    PsCover local;
    ps_cover_init(&local);
    PsNode *left = parse_conditional(p, ef, &local);
    if (is_unparen_arrow(left)) {
        if (!(left->flags & PS_NF_EXPRESSION_BODY) && !ps_newline_before(p) && arrow_followed(p))
            ps_error_at_tok(p, PS_E_ARROW_BODY_OPERATOR,
                            "an arrow function with a block body cannot be followed by %s; wrap "
                            "the arrow function in parentheses",
                            ps_tok_desc(p));
        ps_leave(p);
        return left;
    }
    if (ps_at(p, PS_TOK_ARROW) && left->kind == PS_NODE_CALL_EXPR &&
        !(left->flags & PS_NF_PARENTHESIZED) && ps_ident_is(PS_AS(PsCall, left)->callee, "async", 5))
        ps_error(p, PS_E_ASYNC_NEWLINE, left->start, left->start + 5,
                 "a line break is not allowed between 'async' and the arrow function's "
                 "parameters; move '(' up to the line of 'async'");
    PsOp op = assign_op((PsTok)p->lx.tok.type);
    if (op != PS_OP_NONE) {
        if (op == PS_OP_ASSIGN && is_unparen_literal(left)) {
            ps_to_assign_target(p, left, &local);
        } else {
            ps_cover_report(p, &local);
            if (op == PS_OP_ASSIGN)
                ps_to_assign_target(p, left, NULL);
            else
                ps_check_simple_target(p, left, "the left side of a compound assignment",
                                       op < PS_OP_OR_ASSIGN);
        }
        ps_next(p);
        PsBinary *a = PS_NEW(p, PsBinary, ASSIGN_EXPR, start);
        a->h.op = (uint8_t)op;
        a->left = left;
        a->right = ps_parse_assign(p, ef, NULL);
        ps_leave(p);
        return ps_finish(p, a);
    }
    if (outer && is_unparen_literal(left))
        cover_merge(outer, &local);
    else
        ps_cover_report(p, &local);
    ps_leave(p);
    return left;
}

PsNode *ps_parse_expression(PsParser *p, unsigned ef, PsCover *cover) {
    uint32_t start = p->lx.tok.start;
    PsNode *e = ps_parse_assign(p, ef, cover);
    if (!ps_at(p, PS_TOK_COMMA)) return e;
    uint32_t mark = p->sp;
    ps_push(p, e);
    while (ps_eat(p, PS_TOK_COMMA)) ps_push(p, ps_parse_assign(p, ef, NULL));
    PsListNode *seq = PS_NEW(p, PsListNode, SEQUENCE_EXPR, start);
    seq->items = ps_list_take(p, mark);
    return ps_finish(p, seq);
}
