// JSX (opts->jsx): elements, fragments, attributes (strings, expressions,
// spreads, nested elements), children (text, expression containers, spread
// children, nested elements), namespaced and member names, in the ESTree
// shape of acorn-jsx. The lexer has JSX-specific scanners; this file decides
// when to use them: children text after `>` and `}`, attribute strings
// after `=`, dashed names after `<` and in attributes, and a single `>` at
// the end of tags.
#include "parser_int.h"

// Scans the next token in normal JavaScript mode without checking the
// lexer's diagnostics yet (the caller may rescan the token, which drops
// diagnostics of the first scan).
static void next_raw(PsParser *p) {
    p->prev_end = p->lx.tok.end;
    p->missing_at = 0;
    if (p->stopped) return;
    ps_lexer_next(&p->lx);
}

static void check_diags(PsParser *p) {
    if (p->diags->v.len != p->ndiags) ps_next_slow(p);
}

// Consumes the current token and scans the next one as JSX children text.
static void next_child(PsParser *p) {
    p->prev_end = p->lx.tok.end;
    p->missing_at = 0;
    if (p->stopped) return;
    p->lx.pos = p->lx.tok.end;
    ps_lexer_next_jsx_child(&p->lx);
    check_diags(p);
}

static PsNode *jsx_identifier(PsParser *p) {
    if (!ps_at(p, PS_TOK_IDENT)) {
        ps_error_at_tok(p, PS_E_JSX_SYNTAX, "expected a JSX tag or attribute name, found %s",
                        ps_tok_desc(p));
        PsIdent *id = PS_NEW(p, PsIdent, JSX_IDENTIFIER, p->lx.tok.start);
        id->h.flags |= PS_NF_MISSING;
        id->name = "";
        return &id->h;
    }
    ps_lexer_rescan_jsx_identifier(&p->lx);
    const PsToken *t = &p->lx.tok;
    PsIdent *id = PS_NEW(p, PsIdent, JSX_IDENTIFIER, t->start);
    id->name = t->value;
    id->h.aux = t->value_len;
    ps_next(p);
    return ps_finish(p, id);
}

// Element name: `a`, `a-b`, `a:b`, `a.b.c`.
static PsNode *jsx_element_name(PsParser *p) {
    uint32_t start = p->lx.tok.start;
    PsNode *name = jsx_identifier(p);
    if (ps_at(p, PS_TOK_COLON)) {
        ps_next(p);
        PsMember *ns = PS_NEW(p, PsMember, JSX_NAMESPACED_NAME, start);
        ns->object = name;
        ns->property = jsx_identifier(p);
        return ps_finish(p, ns);
    }
    while (ps_at(p, PS_TOK_DOT)) {
        ps_next(p);
        PsMember *m = PS_NEW(p, PsMember, JSX_MEMBER_EXPR, start);
        m->object = name;
        m->property = jsx_identifier(p);
        name = ps_finish(p, m);
    }
    return name;
}

static bool same_name(const PsNode *a, const PsNode *b) {
    if (a->kind != b->kind) return false;
    if (a->kind == PS_NODE_JSX_IDENTIFIER)
        return a->aux == b->aux &&
               memcmp(PS_AS(PsIdent, a)->name, PS_AS(PsIdent, b)->name, a->aux) == 0;
    return same_name(PS_AS(PsMember, a)->object, PS_AS(PsMember, b)->object) &&
           same_name(PS_AS(PsMember, a)->property, PS_AS(PsMember, b)->property);
}

static PsNode *parse_element_at(PsParser *p, uint32_t start, bool in_children);

// Expression container after `{` (current token), for attribute values
// (in_children false: the token after `}` is JavaScript) and children.
static PsNode *expression_container(PsParser *p, bool in_children) {
    uint32_t open = p->lx.tok.start;
    PsUnary *c = PS_NEW(p, PsUnary, JSX_EXPR_CONTAINER, open);
    ps_next(p);
    if (ps_at(p, PS_TOK_ELLIPSIS) && in_children) {
        c->h.kind = PS_NODE_JSX_SPREAD_CHILD;
        ps_next(p);
        c->arg = ps_parse_expression(p, 0, NULL);
    } else if (ps_at(p, PS_TOK_RBRACE)) {
        // `{}` or `{/* comment */}`: the empty expression spans the inside.
        PsNode *e = PS_NEW(p, PsNode, JSX_EMPTY_EXPR, p->prev_end);
        e->end = p->lx.tok.start;
        if (!in_children)
            ps_error(p, PS_E_JSX_SYNTAX, open, p->lx.tok.end,
                     "a JSX attribute value cannot be an empty expression");
        c->arg = e;
    } else {
        c->arg = ps_parse_expression(p, 0, NULL);
    }
    if (!ps_at(p, PS_TOK_RBRACE)) {
        ps_expect_close(p, PS_TOK_RBRACE, open, "JSX expression");
        return ps_finish(p, c);
    }
    if (in_children)
        next_child(p);
    else
        ps_next(p);
    return ps_finish(p, c);
}

static PsNode *attribute(PsParser *p) {
    uint32_t start = p->lx.tok.start;
    if (ps_at(p, PS_TOK_LBRACE)) {
        PsUnary *s = PS_NEW(p, PsUnary, JSX_SPREAD_ATTRIBUTE, start);
        ps_next(p);
        ps_expect(p, PS_TOK_ELLIPSIS, "in a JSX spread attribute '{...props}'");
        s->arg = ps_parse_assign(p, 0, NULL);
        ps_expect_close(p, PS_TOK_RBRACE, start, "JSX spread attribute");
        return ps_finish(p, s);
    }
    PsProperty *a = PS_NEW(p, PsProperty, JSX_ATTRIBUTE, start);
    PsNode *name = jsx_identifier(p);
    if (ps_at(p, PS_TOK_COLON)) {
        ps_next(p);
        PsMember *ns = PS_NEW(p, PsMember, JSX_NAMESPACED_NAME, start);
        ns->object = name;
        ns->property = jsx_identifier(p);
        name = ps_finish(p, ns);
    }
    a->key = name;
    if (!ps_at(p, PS_TOK_ASSIGN)) return ps_finish(p, a);
    next_raw(p);
    switch ((PsTok)p->lx.tok.type) {
    case PS_TOK_STRING: {
        ps_lexer_rescan_jsx_string(&p->lx);
        check_diags(p);
        const PsToken *t = &p->lx.tok;
        PsLiteral *l = PS_NEW(p, PsLiteral, LITERAL, t->start);
        l->h.op = PS_LIT_STRING;
        l->u.str = t->value;
        l->h.aux = t->value_len;
        ps_next(p);
        a->value = ps_finish(p, l);
        break;
    }
    case PS_TOK_LBRACE:
        check_diags(p);
        a->value = expression_container(p, false);
        break;
    case PS_TOK_LT: {
        check_diags(p);
        uint32_t s = p->lx.tok.start;
        ps_next(p);
        a->value = parse_element_at(p, s, false);
        break;
    }
    default:
        check_diags(p);
        ps_error_at_tok(p, PS_E_JSX_SYNTAX,
                        "a JSX attribute value must be a string, '{expression}' or an element");
        a->value = ps_missing(p, p->lx.tok.start);
        break;
    }
    return ps_finish(p, a);
}

// Expects the `>` ending a tag; then scans children (in_children) or the
// next JavaScript token.
static bool tag_end(PsParser *p, bool children_follow) {
    ps_lexer_rescan_jsx_gt(&p->lx);
    if (!ps_at(p, PS_TOK_GT)) {
        if (ps_at(p, PS_TOK_EOF)) {
            ps_error_unexpected(p, "expected '>' to end the JSX tag");
            p->res->incomplete = true;
        } else {
            ps_error_at_tok(p, PS_E_JSX_SYNTAX, "expected '>' to end the JSX tag, found %s",
                            ps_tok_desc(p));
        }
        return false;
    }
    if (children_follow)
        next_child(p);
    else
        ps_next(p);
    return true;
}

// Children until `</`; pushes them on the scratch stack. Returns the
// closing element/fragment (NULL when the input ended).
static PsNode *children(PsParser *p, PsNode *open_name, uint32_t open_start, bool in_children) {
    for (;;) {
        switch ((PsTok)p->lx.tok.type) {
        case PS_TOK_JSX_TEXT: {
            const PsToken *t = &p->lx.tok;
            PsLiteral *txt = PS_NEW(p, PsLiteral, JSX_TEXT, t->start);
            txt->h.op = PS_LIT_JSX_TEXT;
            txt->u.str = t->value;
            txt->h.aux = t->value_len;
            next_child(p);
            ps_push(p, ps_finish(p, txt));
            continue;
        }
        case PS_TOK_LBRACE:
            ps_push(p, expression_container(p, true));
            continue;
        case PS_TOK_LT: {
            uint32_t lt = p->lx.tok.start;
            ps_next(p);
            if (ps_at(p, PS_TOK_SLASH)) {
                ps_next(p);
                if (!open_name) {
                    PsNode *cf = PS_NEW(p, PsNode, JSX_CLOSING_FRAGMENT, lt);
                    if (!ps_at(p, PS_TOK_GT)) {
                        ps_lexer_rescan_jsx_gt(&p->lx);
                    }
                    if (!ps_at(p, PS_TOK_GT)) {
                        ps_error_at_tok(p, PS_E_JSX_CLOSING_TAG,
                                        "expected '</>' to close the fragment, found %s",
                                        ps_tok_desc(p));
                        // `</name>` for a fragment: skip the name.
                        if (ps_at(p, PS_TOK_IDENT)) jsx_element_name(p);
                    }
                    tag_end(p, in_children);
                    return ps_finish(p, cf);
                }
                PsUnary *ce = PS_NEW(p, PsUnary, JSX_CLOSING_ELEMENT, lt);
                ps_lexer_rescan_jsx_gt(&p->lx);
                if (ps_at(p, PS_TOK_GT)) {
                    ps_error_at_tok(p, PS_E_JSX_CLOSING_TAG,
                                    "expected the closing tag's name, found '>'");
                    ce->arg = ps_missing(p, p->lx.tok.start);
                } else {
                    ce->arg = jsx_element_name(p);
                    if (!same_name(ce->arg, open_name)) {
                        OchDiag *d = ps_error(
                            p, PS_E_JSX_CLOSING_TAG, ce->arg->start, ce->arg->end,
                            "closing tag '%.*s' does not match the opening tag '%.*s'",
                            (int)(ce->arg->end - ce->arg->start), p->src + ce->arg->start,
                            (int)(open_name->end - open_name->start), p->src + open_name->start);
                        if (d)
                            och_diag_related(p->diags, d, open_start, open_name->end,
                                             "opening tag here");
                    }
                }
                tag_end(p, in_children);
                return ps_finish(p, ce);
            }
            ps_push(p, parse_element_at(p, lt, true));
            continue;
        }
        case PS_TOK_EOF: {
            OchDiag *d = ps_error(p, PS_E_UNCLOSED_DELIMITER, p->lx.tok.start, p->lx.tok.start,
                                  "the JSX %s is not closed; add '</%.*s>'",
                                  open_name ? "element" : "fragment",
                                  open_name ? (int)(open_name->end - open_name->start) : 0,
                                  open_name ? p->src + open_name->start : "");
            if (d) och_diag_related(p->diags, d, open_start, open_start + 1, "opened here");
            p->res->incomplete = true;
            return NULL;
        }
        default:
            // An ERROR token from the children scanner (already reported).
            next_child(p);
            continue;
        }
    }
}

// Element or fragment whose `<` (at start) was consumed; the current token
// is the one after it.
static PsNode *parse_element_at(PsParser *p, uint32_t start, bool in_children) {
    if (!ps_enter(p)) {
        ps_leave(p);
        return ps_missing(p, start);
    }
    PsJsxElement *el = PS_NEW(p, PsJsxElement, JSX_ELEMENT, start);
    uint32_t mark = p->sp;
    if (ps_at(p, PS_TOK_GT)) {
        el->h.kind = PS_NODE_JSX_FRAGMENT;
        PsNode *of = PS_NEW(p, PsNode, JSX_OPENING_FRAGMENT, start);
        next_child(p);
        el->opening = ps_finish(p, of);
        el->closing = children(p, NULL, start, in_children);
        el->children = ps_list_take(p, mark);
        ps_leave(p);
        return ps_finish(p, el);
    }
    PsJsxOpening *op = PS_NEW(p, PsJsxOpening, JSX_OPENING_ELEMENT, start);
    op->name = jsx_element_name(p);
    while (ps_at(p, PS_TOK_IDENT) || ps_at(p, PS_TOK_LBRACE)) ps_push(p, attribute(p));
    op->attributes = ps_list_take(p, mark);
    el->opening = &op->h;
    if (ps_at(p, PS_TOK_SLASH)) {
        ps_next(p);
        op->h.flags |= PS_NF_SELF_CLOSING;
        tag_end(p, in_children);
        ps_finish(p, op);
        ps_leave(p);
        return ps_finish(p, el);
    }
    bool ok = tag_end(p, true);
    ps_finish(p, op);
    if (!ok) {
        ps_leave(p);
        return ps_finish(p, el);
    }
    el->closing = children(p, op->name, start, in_children);
    el->children = ps_list_take(p, mark);
    ps_leave(p);
    return ps_finish(p, el);
}

PsNode *ps_parse_jsx(PsParser *p) {
    uint32_t start = p->lx.tok.start;
    ps_next(p);  // <
    return parse_element_at(p, start, false);
}
