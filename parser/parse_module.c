// Modules: import and export declarations in all their forms, module
// export names written as strings, import attributes (`with { type: "json"
// }`), and the expression forms `import(...)` and `import.meta`.
#include "parser_int.h"

static PsNode *string_lit(PsParser *p) {
    const PsToken *t = &p->lx.tok;
    PsLiteral *l = PS_NEW(p, PsLiteral, LITERAL, t->start);
    l->h.op = PS_LIT_STRING;
    l->u.str = t->value;
    l->h.aux = t->value_len;
    if (t->flags & PS_TF_LEGACY_OCTAL) l->h.flags |= PS_NF_LEGACY_OCTAL;
    if (t->flags & PS_TF_ESCAPED) l->h.flags |= PS_NF_ESCAPED;
    ps_next(p);
    return ps_finish(p, l);
}

// Module specifier `"..."` after `from` (or `import`).
static PsNode *module_source(PsParser *p) {
    if (ps_at(p, PS_TOK_STRING)) return string_lit(p);
    if (ps_at(p, PS_TOK_EOF))
        ps_error_unexpected(p, "expected a module specifier string");
    else
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected a module specifier string, found %s",
                        ps_tok_desc(p));
    return ps_missing(p, p->lx.tok.start);
}

// Whether WTF-8 text encodes a lone surrogate (ED A0..BF xx).
static bool has_lone_surrogate(const char *s, uint32_t n) {
    for (uint32_t i = 0; i + 1 < n; i++)
        if ((uint8_t)s[i] == 0xED && ((uint8_t)s[i + 1] & 0xE0) == 0xA0) return true;
    return false;
}

// ModuleExportName: any identifier name, or a string that is well-formed
// Unicode.
static PsNode *module_export_name(PsParser *p) {
    if (ps_at(p, PS_TOK_IDENT)) return ps_ident_any(p);
    if (ps_at(p, PS_TOK_STRING)) {
        PsNode *s = string_lit(p);
        if (has_lone_surrogate(PS_AS(PsLiteral, s)->u.str, s->aux))
            ps_error(p, PS_E_MODULE_NAME, s->start, s->end,
                     "a module export name must be valid Unicode; it contains a lone surrogate");
        return s;
    }
    if (ps_at(p, PS_TOK_EOF))
        ps_error_unexpected(p, "expected a name");
    else
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected a name or a string, found %s",
                        ps_tok_desc(p));
    return ps_missing(p, p->lx.tok.start);
}

static bool same_key(const PsNode *a, const PsNode *b) {
    const char *sa = a->kind == PS_NODE_IDENTIFIER ? PS_AS(PsIdent, a)->name : PS_AS(PsLiteral, a)->u.str;
    const char *sb = b->kind == PS_NODE_IDENTIFIER ? PS_AS(PsIdent, b)->name : PS_AS(PsLiteral, b)->u.str;
    return a->aux == b->aux && memcmp(sa, sb, a->aux) == 0;
}

// `with { key: "value", ... }` (optional). Returns the attribute list.
static PsList parse_attributes(PsParser *p) {
    uint32_t mark = p->sp;
    if (!ps_at_kw(p, PS_KW_WITH)) return ps_list_take(p, mark);
    ps_next(p);
    uint32_t open = p->lx.tok.start;
    if (!ps_expect(p, PS_TOK_LBRACE, "after 'with' in an import")) return ps_list_take(p, mark);
    while (!ps_at(p, PS_TOK_RBRACE) && !ps_at(p, PS_TOK_EOF)) {
        PsProperty *a = PS_NEW(p, PsProperty, IMPORT_ATTRIBUTE, p->lx.tok.start);
        if (ps_at(p, PS_TOK_IDENT))
            a->key = ps_ident_any(p);
        else if (ps_at(p, PS_TOK_STRING))
            a->key = string_lit(p);
        else {
            ps_error_at_tok(p, PS_E_IMPORT_ATTRIBUTES,
                            "expected an attribute name (identifier or string), found %s",
                            ps_tok_desc(p));
            break;
        }
        for (uint32_t i = mark; i < p->sp; i++) {
            if (same_key(PS_AS(PsProperty, p->scratch[i])->key, a->key)) {
                ps_error(p, PS_E_DUPLICATE_ATTRIBUTE, a->key->start, a->key->end,
                         "duplicate import attribute '%.*s'", (int)a->key->aux,
                         a->key->kind == PS_NODE_IDENTIFIER ? PS_AS(PsIdent, a->key)->name
                                                            : PS_AS(PsLiteral, a->key)->u.str);
                break;
            }
        }
        ps_expect(p, PS_TOK_COLON, "after the attribute name");
        if (ps_at(p, PS_TOK_STRING)) {
            a->value = string_lit(p);
        } else {
            ps_error_at_tok(p, PS_E_IMPORT_ATTRIBUTES, "an import attribute value must be a string");
            a->value = ps_missing(p, p->lx.tok.start);
        }
        ps_push(p, ps_finish(p, a));
        if (!ps_eat(p, PS_TOK_COMMA)) break;
    }
    PsList l = ps_list_take(p, mark);
    ps_expect_close(p, PS_TOK_RBRACE, open, "import attributes");
    return l;
}

static void expect_from(PsParser *p) {
    if (ps_eat_kw(p, PS_KW_FROM)) return;
    if (ps_at(p, PS_TOK_EOF))
        ps_error_unexpected(p, "expected 'from'");
    else
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected 'from' and a module specifier, found %s",
                        ps_tok_desc(p));
}

PsNode *ps_parse_import_decl(PsParser *p) {
    PsModuleDecl *d = PS_NEW(p, PsModuleDecl, IMPORT_DECL, p->lx.tok.start);
    ps_next(p);  // import
    if (ps_at(p, PS_TOK_STRING)) {
        d->source = string_lit(p);
        d->attributes = parse_attributes(p);
        ps_semicolon(p);
        return ps_finish(p, d);
    }
    uint32_t mark = p->sp;
    bool need_more = true;
    if (ps_at(p, PS_TOK_IDENT)) {
        PsSpecifier *s = PS_NEW(p, PsSpecifier, IMPORT_DEFAULT_SPECIFIER, p->lx.tok.start);
        s->local = ps_binding_ident(p);
        ps_push(p, ps_finish(p, s));
        need_more = ps_eat(p, PS_TOK_COMMA);
    }
    if (need_more) {
        if (ps_at(p, PS_TOK_STAR)) {
            PsSpecifier *s = PS_NEW(p, PsSpecifier, IMPORT_NAMESPACE_SPECIFIER, p->lx.tok.start);
            ps_next(p);
            if (!ps_eat_kw(p, PS_KW_AS))
                ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected 'as' after 'import *', found %s",
                                ps_tok_desc(p));
            s->local = ps_binding_ident(p);
            ps_push(p, ps_finish(p, s));
        } else if (ps_at(p, PS_TOK_LBRACE)) {
            uint32_t open = p->lx.tok.start;
            ps_next(p);
            while (!ps_at(p, PS_TOK_RBRACE) && !ps_at(p, PS_TOK_EOF)) {
                PsSpecifier *s = PS_NEW(p, PsSpecifier, IMPORT_SPECIFIER, p->lx.tok.start);
                PsToken word = p->lx.tok;
                bool is_ident = ps_at(p, PS_TOK_IDENT);
                s->external = module_export_name(p);
                if (ps_eat_kw(p, PS_KW_AS)) {
                    s->local = ps_binding_ident(p);
                } else {
                    if (is_ident)
                        ps_check_ident(p, &word, true);
                    else if (s->external->kind == PS_NODE_LITERAL)
                        ps_error(p, PS_E_EXPECTED_TOKEN, s->external->start, s->external->end,
                                 "an imported string name needs a local name: add 'as name'");
                    s->local = s->external;
                }
                ps_push(p, ps_finish(p, s));
                if (!ps_eat(p, PS_TOK_COMMA)) break;
            }
            ps_expect_close(p, PS_TOK_RBRACE, open, "import list");
        } else {
            ps_error_at_tok(p, PS_E_EXPECTED_TOKEN,
                            "expected an import binding, '*' or '{', found %s", ps_tok_desc(p));
        }
    }
    d->specifiers = ps_list_take(p, mark);
    expect_from(p);
    d->source = module_source(p);
    d->attributes = parse_attributes(p);
    ps_semicolon(p);
    return ps_finish(p, d);
}

PsNode *ps_parse_export_decl(PsParser *p) {
    uint32_t start = p->lx.tok.start;
    ps_next(p);  // export
    if (ps_at(p, PS_TOK_STAR)) {
        PsModuleDecl *d = PS_NEW(p, PsModuleDecl, EXPORT_ALL_DECL, start);
        ps_next(p);
        if (ps_eat_kw(p, PS_KW_AS)) d->declaration = module_export_name(p);
        expect_from(p);
        d->source = module_source(p);
        d->attributes = parse_attributes(p);
        ps_semicolon(p);
        return ps_finish(p, d);
    }
    if (ps_at_kw(p, PS_KW_DEFAULT)) {
        PsUnary *d = PS_NEW(p, PsUnary, EXPORT_DEFAULT_DECL, start);
        ps_next(p);
        uint32_t dstart = p->lx.tok.start;
        if (ps_at_kw(p, PS_KW_FUNCTION)) {
            d->arg = ps_parse_function(p, dstart, PS_FN_DECL | PS_FN_DEFAULT);
        } else if (ps_at_kw(p, PS_KW_CLASS)) {
            d->arg = ps_parse_class(p, dstart, true, true, (PsList){NULL, 0});
        } else if (ps_at(p, PS_TOK_AT)) {
            if (!p->decorators)
                ps_error_at_tok(p, PS_E_DECORATORS_DISABLED,
                                "decorators are not enabled; enable the decorators option");
            PsList decs = ps_parse_decorators(p);
            d->arg = ps_parse_class(p, dstart, true, true, decs);
        } else {
            bool async_fn = false;
            if (ps_at_kw(p, PS_KW_ASYNC)) {
                PsToken nx;
                ps_peek(p, &nx);
                async_fn = nx.type == PS_TOK_IDENT && nx.kw == PS_KW_FUNCTION &&
                           !(nx.flags & (PS_TF_ESCAPED | PS_TF_NEWLINE_BEFORE));
            }
            if (async_fn) {
                ps_next(p);
                d->arg = ps_parse_function(p, dstart, PS_FN_DECL | PS_FN_DEFAULT | PS_FN_ASYNC);
            } else {
                d->arg = ps_parse_assign(p, 0, NULL);
                ps_semicolon(p);
            }
        }
        return ps_finish(p, d);
    }
    PsModuleDecl *d = PS_NEW(p, PsModuleDecl, EXPORT_NAMED_DECL, start);
    if (ps_at(p, PS_TOK_LBRACE)) {
        uint32_t open = p->lx.tok.start;
        ps_next(p);
        uint32_t mark = p->sp;
        while (!ps_at(p, PS_TOK_RBRACE) && !ps_at(p, PS_TOK_EOF)) {
            PsSpecifier *s = PS_NEW(p, PsSpecifier, EXPORT_SPECIFIER, p->lx.tok.start);
            s->local = module_export_name(p);
            s->external = ps_eat_kw(p, PS_KW_AS) ? module_export_name(p) : s->local;
            ps_push(p, ps_finish(p, s));
            if (!ps_eat(p, PS_TOK_COMMA)) break;
        }
        d->specifiers = ps_list_take(p, mark);
        ps_expect_close(p, PS_TOK_RBRACE, open, "export list");
        if (ps_eat_kw(p, PS_KW_FROM)) {
            d->source = module_source(p);
            d->attributes = parse_attributes(p);
        } else {
            // Without `from`, the local names are references to bindings of
            // this module: no strings, no reserved words.
            for (uint32_t i = 0; i < d->specifiers.count; i++) {
                PsNode *local = PS_AS(PsSpecifier, d->specifiers.items[i])->local;
                if (local->kind == PS_NODE_LITERAL) {
                    ps_error(p, PS_E_EXPORT_LOCAL, local->start, local->end,
                             "a string can only name a local binding in 'export { ... } from'; "
                             "use an identifier");
                } else if (local->kind == PS_NODE_IDENTIFIER && !(local->flags & PS_NF_MISSING)) {
                    PsToken t;
                    memset(&t, 0, sizeof t);
                    t.type = PS_TOK_IDENT;
                    t.start = local->start;
                    t.end = local->end;
                    t.flags = (local->flags & PS_NF_ESCAPED) ? PS_TF_ESCAPED : 0;
                    // Look the keyword up again from the name.
                    for (int kw = 1; kw < PS_KW_FIRST_CONTEXTUAL; kw++) {
                        const char *text = ps_keyword_text((PsKeyword)kw);
                        if (strlen(text) == local->aux &&
                            memcmp(text, PS_AS(PsIdent, local)->name, local->aux) == 0) {
                            t.kw = (uint8_t)kw;
                            break;
                        }
                    }
                    if (ps_ident_is(local, "await", 5)) t.kw = PS_KW_AWAIT;
                    if (t.kw != PS_KW_NONE) ps_check_ident(p, &t, false);
                }
            }
        }
        ps_semicolon(p);
        return ps_finish(p, d);
    }
    // export var/let/const/function/async function/class
    const PsToken *t = &p->lx.tok;
    bool ok = false;
    if (t->type == PS_TOK_IDENT && !(t->flags & PS_TF_ESCAPED)) {
        switch ((PsKeyword)t->kw) {
        case PS_KW_VAR:
        case PS_KW_LET:
        case PS_KW_CONST:
        case PS_KW_FUNCTION:
        case PS_KW_CLASS:
            ok = true;
            break;
        case PS_KW_ASYNC: {
            PsToken nx;
            ps_peek(p, &nx);
            ok = nx.type == PS_TOK_IDENT && nx.kw == PS_KW_FUNCTION &&
                 !(nx.flags & (PS_TF_ESCAPED | PS_TF_NEWLINE_BEFORE));
            break;
        }
        default:
            break;
        }
    } else if (t->type == PS_TOK_AT) {
        ok = true;
    }
    if (!ok) {
        ps_error_at_tok(p, PS_E_EXPECTED_TOKEN,
                        "expected a declaration, 'default', '{' or '*' after 'export', found %s",
                        ps_tok_desc(p));
        return ps_finish(p, d);
    }
    d->declaration = ps_parse_statement_list_item(p, PS_SL_MODULE);
    return ps_finish(p, d);
}

PsNode *ps_parse_import_expr(PsParser *p) {
    PsToken word = p->lx.tok;
    uint32_t start = word.start;
    ps_next(p);
    if (ps_at(p, PS_TOK_DOT)) {
        ps_next(p);
        PsMember *mp = PS_NEW(p, PsMember, META_PROPERTY, start);
        PsIdent *id = PS_NEW(p, PsIdent, IDENTIFIER, start);
        id->name = word.value;
        id->h.aux = word.value_len;
        id->h.end = word.end;
        mp->object = &id->h;
        if (ps_at_kw(p, PS_KW_META)) {
            mp->property = ps_ident_any(p);
            if (!p->module)
                ps_error(p, PS_E_IMPORT_META_SCRIPT, start, p->prev_end,
                         "'import.meta' is only valid in modules");
        } else {
            ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected 'meta' after 'import.', found %s",
                            ps_tok_desc(p));
            mp->property = ps_missing(p, p->lx.tok.start);
        }
        return ps_finish(p, mp);
    }
    PsImportExpr *e = PS_NEW(p, PsImportExpr, IMPORT_EXPR, start);
    if (!ps_at(p, PS_TOK_LPAREN)) {
        ps_error_at_tok(p, PS_E_IMPORT_CALL, "expected '(' or '.meta' after 'import', found %s",
                        ps_tok_desc(p));
        e->source = ps_missing(p, p->lx.tok.start);
        return ps_finish(p, e);
    }
    uint32_t open = p->lx.tok.start;
    ps_next(p);
    if (ps_at(p, PS_TOK_RPAREN) || ps_at(p, PS_TOK_ELLIPSIS)) {
        ps_error_at_tok(p, PS_E_IMPORT_CALL,
                        "'import(...)' takes a module specifier and an optional options object "
                        "(no spread)");
        if (ps_at(p, PS_TOK_ELLIPSIS)) ps_next(p);
    }
    e->source = ps_at(p, PS_TOK_RPAREN) ? ps_missing(p, p->lx.tok.start) : ps_parse_assign(p, 0, NULL);
    if (ps_eat(p, PS_TOK_COMMA) && !ps_at(p, PS_TOK_RPAREN)) {
        e->options = ps_parse_assign(p, 0, NULL);
        ps_eat(p, PS_TOK_COMMA);
    }
    if (!ps_at(p, PS_TOK_RPAREN) && !ps_at(p, PS_TOK_EOF))
        ps_error_at_tok(p, PS_E_IMPORT_CALL,
                        "'import(...)' takes at most two arguments: the specifier and options");
    ps_expect_close(p, PS_TOK_RPAREN, open, "import call");
    return ps_finish(p, e);
}
