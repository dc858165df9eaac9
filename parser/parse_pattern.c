// Destructuring patterns: binding patterns parsed directly (declarations,
// parameters, catch), and the reinterpretation of already parsed
// expressions as patterns (the cover grammar): an object or array literal
// on the left of `=` or in for-in/of heads becomes an assignment pattern, a
// parenthesized list before `=>` becomes arrow parameters. Nodes are
// converted in place (OBJECT_EXPR -> OBJECT_PATTERN, SPREAD_ELEMENT ->
// REST_ELEMENT, ASSIGN_EXPR -> ASSIGN_PATTERN; the structs are the same).
// Also the parameter-name checks that need the whole list (duplicates,
// names that a later "use strict" makes invalid).
#include "parser_int.h"

#include <stdlib.h>

// ---------------------------------------------------------------------------
// Binding patterns.

static PsNode *parse_array_binding(PsParser *p) {
    PsListNode *arr = PS_NEW(p, PsListNode, ARRAY_PATTERN, p->lx.tok.start);
    uint32_t open = p->lx.tok.start;
    ps_next(p);
    uint32_t mark = p->sp;
    while (!ps_at(p, PS_TOK_RBRACKET) && !ps_at(p, PS_TOK_EOF)) {
        if (ps_at(p, PS_TOK_COMMA)) {
            ps_next(p);
            ps_push(p, NULL);
            continue;
        }
        if (ps_at(p, PS_TOK_ELLIPSIS)) {
            uint32_t s = p->lx.tok.start;
            ps_next(p);
            PsUnary *r = PS_NEW(p, PsUnary, REST_ELEMENT, s);
            r->arg = ps_parse_binding_target(p);
            ps_push(p, ps_finish(p, r));
            if (ps_at(p, PS_TOK_ASSIGN))
                ps_error_at_tok(p, PS_E_REST_INITIALIZER,
                                "a rest element cannot have a default value");
            else if (ps_at(p, PS_TOK_COMMA))
                ps_error_at_tok(p, PS_E_REST_TRAILING_COMMA,
                                "a rest element must be last: no ',' may follow it");
            break;
        }
        uint32_t before = p->lx.tok.start;
        ps_push(p, ps_parse_binding_element(p));
        if (ps_at(p, PS_TOK_RBRACKET)) break;
        if (!ps_eat(p, PS_TOK_COMMA)) {
            if (p->lx.tok.start == before) break;
            break;
        }
    }
    arr->items = ps_list_take(p, mark);
    ps_expect_close(p, PS_TOK_RBRACKET, open, "array pattern");
    return ps_finish(p, arr);
}

static PsNode *parse_object_binding(PsParser *p) {
    PsListNode *obj = PS_NEW(p, PsListNode, OBJECT_PATTERN, p->lx.tok.start);
    uint32_t open = p->lx.tok.start;
    ps_next(p);
    uint32_t mark = p->sp;
    while (!ps_at(p, PS_TOK_RBRACE) && !ps_at(p, PS_TOK_EOF)) {
        uint32_t start = p->lx.tok.start;
        if (ps_at(p, PS_TOK_ELLIPSIS)) {
            ps_next(p);
            PsUnary *r = PS_NEW(p, PsUnary, REST_ELEMENT, start);
            if (!ps_at(p, PS_TOK_IDENT))
                ps_error_at_tok(p, PS_E_ASSIGN_IN_PATTERN_REST,
                                "the rest element of an object pattern must be a plain name");
            r->arg = ps_parse_binding_target(p);
            ps_push(p, ps_finish(p, r));
            if (ps_at(p, PS_TOK_COMMA))
                ps_error_at_tok(p, PS_E_REST_TRAILING_COMMA,
                                "a rest element must be last: no ',' may follow it");
            break;
        }
        PsProperty *prop = PS_NEW(p, PsProperty, PROPERTY, start);
        prop->h.op = PS_PROP_INIT;
        bool computed;
        PsToken word = p->lx.tok;
        bool is_ident = ps_at(p, PS_TOK_IDENT);
        prop->key = ps_parse_property_name(p, &computed, false);
        if (computed) prop->h.flags |= PS_NF_COMPUTED;
        if (ps_eat(p, PS_TOK_COLON)) {
            prop->value = ps_parse_binding_element(p);
        } else if (is_ident && !computed) {
            ps_check_ident(p, &word, true);
            prop->h.flags |= PS_NF_SHORTHAND;
            if (ps_eat(p, PS_TOK_ASSIGN)) {
                PsBinary *ap = PS_NEW(p, PsBinary, ASSIGN_PATTERN, prop->key->start);
                ap->left = prop->key;
                ap->right = ps_parse_assign(p, 0, NULL);
                prop->value = ps_finish(p, ap);
            } else {
                prop->value = prop->key;
            }
        } else {
            ps_error_at_tok(p, PS_E_EXPECTED_TOKEN, "expected ':' after the property name, found %s",
                            ps_tok_desc(p));
            prop->value = ps_missing(p, p->lx.tok.start);
        }
        ps_push(p, ps_finish(p, prop));
        if (!ps_eat(p, PS_TOK_COMMA)) break;
    }
    obj->items = ps_list_take(p, mark);
    ps_expect_close(p, PS_TOK_RBRACE, open, "object pattern");
    return ps_finish(p, obj);
}

PsNode *ps_parse_binding_target(PsParser *p) {
    if (ps_at(p, PS_TOK_LBRACKET) || ps_at(p, PS_TOK_LBRACE)) {
        if (!ps_enter(p)) {
            ps_leave(p);
            return ps_missing(p, p->lx.tok.start);
        }
        PsNode *n = ps_at(p, PS_TOK_LBRACKET) ? parse_array_binding(p) : parse_object_binding(p);
        ps_leave(p);
        return n;
    }
    return ps_binding_ident(p);
}

PsNode *ps_parse_binding_element(PsParser *p) {
    uint32_t start = p->lx.tok.start;
    PsNode *target = ps_parse_binding_target(p);
    if (!ps_at(p, PS_TOK_ASSIGN)) return target;
    ps_next(p);
    PsBinary *ap = PS_NEW(p, PsBinary, ASSIGN_PATTERN, start);
    ap->left = target;
    ap->right = ps_parse_assign(p, 0, NULL);
    return ps_finish(p, ap);
}

// ---------------------------------------------------------------------------
// Reinterpreting expressions.

static bool is_eval_or_arguments(const PsNode *n) {
    return ps_ident_is(n, "eval", 4) || ps_ident_is(n, "arguments", 9);
}

static void check_target_ident(PsParser *p, PsNode *n) {
    if ((p->ctx & PS_CTX_STRICT) && is_eval_or_arguments(n))
        ps_error(p, PS_E_STRICT_EVAL_ARGUMENTS, n->start, n->end,
                 "cannot assign to '%.*s' in strict mode", (int)n->aux, PS_AS(PsIdent, n)->name);
}

// Annex B: in sloppy scripts a call may be assigned to (it throws a
// ReferenceError at run time), for web compatibility.
static bool web_compat_call(const PsParser *p, const PsNode *n) {
    return n->kind == PS_NODE_CALL_EXPR && !(p->ctx & PS_CTX_STRICT) && p->annex_b;
}

void ps_check_simple_target(PsParser *p, PsNode *n, const char *what, bool allow_call) {
    if (n->flags & PS_NF_MISSING) return;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        check_target_ident(p, n);
        return;
    case PS_NODE_MEMBER_EXPR:
        return;
    case PS_NODE_CALL_EXPR:
        if (allow_call && web_compat_call(p, n)) return;
        break;
    case PS_NODE_ERROR:
        return;
    default:
        break;
    }
    ps_error(p, PS_E_INVALID_ASSIGN_TARGET, n->start, n->end,
                 "invalid target for %s: only variables and object properties can be assigned%s",
                 what,
                 n->kind == PS_NODE_CHAIN_EXPR ? " (an optional chain '?.' cannot be assigned)" : "");
}

static void to_target(PsParser *p, PsNode *n, bool binding);

// An element of an array/object pattern: a target with an optional default.
static void to_element(PsParser *p, PsNode *n, bool binding) {
    if (n->kind == PS_NODE_ASSIGN_EXPR && n->op == PS_OP_ASSIGN && !(n->flags & PS_NF_PARENTHESIZED)) {
        n->kind = PS_NODE_ASSIGN_PATTERN;
        n->op = PS_OP_NONE;
        // The left side was checked as an assignment target when parsed;
        // bindings are stricter (no member expressions, no parentheses).
        if (binding) to_target(p, PS_AS(PsBinary, n)->left, true);
        return;
    }
    if (n->kind == PS_NODE_ASSIGN_PATTERN) {
        // Shorthand `{a = 1}`: the name was only checked as a reference.
        to_target(p, PS_AS(PsBinary, n)->left, binding);
        return;
    }
    to_target(p, n, binding);
}

static void invalid_target(PsParser *p, PsNode *n, bool binding) {
    if (n->flags & PS_NF_MISSING) return;
    if (n->kind == PS_NODE_ERROR) return;
    ps_error(p, binding ? PS_E_INVALID_ARROW_PARAMS : PS_E_INVALID_DESTRUCTURING, n->start, n->end,
             binding ? "invalid arrow function parameter: expected a name or a destructuring "
                       "pattern"
                     : "invalid destructuring target: expected a variable, a property access or "
                       "a nested pattern");
}

static void to_target(PsParser *p, PsNode *n, bool binding) {
    bool paren = (n->flags & PS_NF_PARENTHESIZED) != 0;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        if (n->flags & PS_NF_MISSING) return;
        if (binding && paren) {
            ps_error(p, PS_E_INVALID_ARROW_PARAMS, n->start, n->end,
                     "parameter names cannot be parenthesized");
            return;
        }
        check_target_ident(p, n);
        return;
    case PS_NODE_MEMBER_EXPR:
        if (binding) invalid_target(p, n, binding);
        return;
    case PS_NODE_OBJECT_EXPR: {
        if (paren) {
            ps_error(p, binding ? PS_E_INVALID_ARROW_PARAMS : PS_E_INVALID_DESTRUCTURING, n->start,
                     n->end, "a destructuring pattern cannot be parenthesized");
            return;
        }
        n->kind = PS_NODE_OBJECT_PATTERN;
        PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *m = l->items[i];
            if (m->kind == PS_NODE_SPREAD_ELEMENT) {
                m->kind = PS_NODE_REST_ELEMENT;
                PsNode *a = PS_AS(PsUnary, m)->arg;
                if (i + 1 != l->count)
                    ps_error(p, PS_E_REST_NOT_LAST, m->start, m->end,
                             "a rest element must be the last element of a pattern");
                if (a->kind == PS_NODE_IDENTIFIER || (!binding && a->kind == PS_NODE_MEMBER_EXPR))
                    to_target(p, a, binding);
                else
                    ps_error(p, PS_E_ASSIGN_IN_PATTERN_REST, a->start, a->end,
                             "the rest element of an object pattern must be %s",
                             binding ? "a plain name" : "a variable or a property access");
                continue;
            }
            if (m->kind != PS_NODE_PROPERTY) {
                invalid_target(p, m, binding);
                continue;
            }
            if ((m->flags & PS_NF_METHOD) || m->op != PS_PROP_INIT) {
                ps_error(p, PS_E_INVALID_DESTRUCTURING, m->start, m->end,
                         "methods and accessors cannot appear in a destructuring pattern");
                continue;
            }
            PsProperty *prop = PS_AS(PsProperty, m);
            if (prop->value == prop->key) {
                // Shorthand `{a}`: the name is the target.
                to_target(p, prop->value, binding);
            } else {
                to_element(p, prop->value, binding);
            }
        }
        return;
    }
    case PS_NODE_ARRAY_EXPR: {
        if (paren) {
            ps_error(p, binding ? PS_E_INVALID_ARROW_PARAMS : PS_E_INVALID_DESTRUCTURING, n->start,
                     n->end, "a destructuring pattern cannot be parenthesized");
            return;
        }
        n->kind = PS_NODE_ARRAY_PATTERN;
        PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *e = l->items[i];
            if (!e) continue;
            if (e->kind == PS_NODE_SPREAD_ELEMENT) {
                e->kind = PS_NODE_REST_ELEMENT;
                PsNode *a = PS_AS(PsUnary, e)->arg;
                if (i + 1 != l->count)
                    ps_error(p, PS_E_REST_NOT_LAST, e->start, e->end,
                             "a rest element must be the last element of a pattern");
                if (a->kind == PS_NODE_ASSIGN_EXPR && !(a->flags & PS_NF_PARENTHESIZED))
                    ps_error(p, PS_E_REST_INITIALIZER, a->start, a->end,
                             "a rest element cannot have a default value");
                else
                    to_target(p, a, binding);
                continue;
            }
            to_element(p, e, binding);
        }
        return;
    }
    case PS_NODE_OBJECT_PATTERN:
    case PS_NODE_ARRAY_PATTERN:
    case PS_NODE_REST_ELEMENT:
        return;  // parsed as a binding pattern already
    default:
        invalid_target(p, n, binding);
        return;
    }
}

PsNode *ps_to_assign_target(PsParser *p, PsNode *n, const PsCover *cover) {
    if (cover && cover->trailing_comma != PS_NOPOS)
        ps_error(p, PS_E_REST_TRAILING_COMMA, cover->trailing_comma, cover->trailing_comma + 1,
                 "a rest element must be last: no ',' may follow it");
    if (n->kind == PS_NODE_IDENTIFIER || n->kind == PS_NODE_MEMBER_EXPR ||
        n->kind == PS_NODE_OBJECT_EXPR || n->kind == PS_NODE_ARRAY_EXPR) {
        to_target(p, n, false);
    } else if (web_compat_call(p, n)) {
        // Annex B: `f() = 1` in sloppy code.
    } else if (!(n->flags & PS_NF_MISSING) && n->kind != PS_NODE_ERROR) {
        ps_error(p, PS_E_INVALID_ASSIGN_TARGET, n->start, n->end,
                 "invalid assignment target: only variables, object properties and destructuring "
                 "patterns can be assigned%s",
                 n->kind == PS_NODE_CHAIN_EXPR ? " (an optional chain '?.' cannot be assigned)" : "");
    }
    return n;
}

void ps_to_params(PsParser *p, PsNode **items, uint32_t count, const PsCover *cover) {
    if (cover && cover->trailing_comma != PS_NOPOS)
        ps_error(p, PS_E_REST_TRAILING_COMMA, cover->trailing_comma, cover->trailing_comma + 1,
                 "a rest element must be last: no ',' may follow it");
    for (uint32_t i = 0; i < count; i++) {
        PsNode *n = items[i];
        switch ((PsNodeKind)n->kind) {
        case PS_NODE_SPREAD_ELEMENT:
        case PS_NODE_REST_ELEMENT: {
            n->kind = PS_NODE_REST_ELEMENT;
            PsNode *a = PS_AS(PsUnary, n)->arg;
            if (i + 1 != count)
                ps_error(p, PS_E_REST_NOT_LAST, n->start, n->end,
                         "a rest parameter must be the last parameter");
            if (a->kind == PS_NODE_ASSIGN_EXPR && !(a->flags & PS_NF_PARENTHESIZED))
                ps_error(p, PS_E_REST_INITIALIZER, a->start, a->end,
                         "a rest parameter cannot have a default value");
            else
                to_target(p, a, true);
            break;
        }
        default:
            to_element(p, n, true);
            break;
        }
    }
}

bool ps_params_simple(const PsList *params) {
    for (uint32_t i = 0; i < params->count; i++)
        if (params->items[i]->kind != PS_NODE_IDENTIFIER) return false;
    return true;
}

// ---------------------------------------------------------------------------
// Parameter names.

// Collects the identifiers a pattern binds (iteratively bounded by the
// pattern nesting, which the parser already limited).
static void collect_names(PsParser *p, PsNode *n) {
    if (!n) return;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        if (!(n->flags & PS_NF_MISSING)) ps_push(p, n);
        return;
    case PS_NODE_ASSIGN_PATTERN:
        collect_names(p, PS_AS(PsBinary, n)->left);
        return;
    case PS_NODE_REST_ELEMENT:
        collect_names(p, PS_AS(PsUnary, n)->arg);
        return;
    case PS_NODE_ARRAY_PATTERN: {
        PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) collect_names(p, l->items[i]);
        return;
    }
    case PS_NODE_OBJECT_PATTERN: {
        PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *m = l->items[i];
            if (m->kind == PS_NODE_PROPERTY)
                collect_names(p, PS_AS(PsProperty, m)->value);
            else
                collect_names(p, m);
        }
        return;
    }
    default:
        return;
    }
}

static const char *const strict_reserved[] = {
    "implements", "interface", "let", "package", "private", "protected", "public", "static",
    "yield",
};

static bool is_strict_reserved(const PsNode *n) {
    for (size_t i = 0; i < sizeof strict_reserved / sizeof *strict_reserved; i++)
        if (ps_ident_is(n, strict_reserved[i], (uint32_t)strlen(strict_reserved[i]))) return true;
    return false;
}

static int cmp_names(const void *a, const void *b) {
    const PsNode *x = *(PsNode *const *)a, *y = *(PsNode *const *)b;
    if (x->aux != y->aux) return x->aux < y->aux ? -1 : 1;
    int c = memcmp(PS_AS(PsIdent, x)->name, PS_AS(PsIdent, y)->name, x->aux);
    if (c) return c;
    return x->start < y->start ? -1 : x->start > y->start;
}

static bool same_name(const PsNode *x, const PsNode *y) {
    return x->aux == y->aux && memcmp(PS_AS(PsIdent, x)->name, PS_AS(PsIdent, y)->name, x->aux) == 0;
}

static void report_duplicate(PsParser *p, const PsNode *first, const PsNode *dup) {
    OchDiag *d = ps_error(p, PS_E_DUPLICATE_PARAM, dup->start, dup->end,
                          "duplicate parameter name '%.*s'; rename one of them", (int)dup->aux,
                          PS_AS(PsIdent, dup)->name);
    if (d) och_diag_related(p->diags, d, first->start, first->end, "first declared here");
}

void ps_check_params(PsParser *p, const PsList *params, bool strict_now, bool unique) {
    if (params->count == 0) return;
    uint32_t mark = p->sp;
    for (uint32_t i = 0; i < params->count; i++) collect_names(p, params->items[i]);
    PsNode **names = p->scratch + mark;
    uint32_t n = p->sp - mark;
    if (strict_now) {
        for (uint32_t i = 0; i < n; i++) {
            if (is_eval_or_arguments(names[i]))
                ps_error(p, PS_E_STRICT_EVAL_ARGUMENTS, names[i]->start, names[i]->end,
                         "a parameter cannot be named '%.*s' in strict mode", (int)names[i]->aux,
                         PS_AS(PsIdent, names[i])->name);
            else if (is_strict_reserved(names[i]))
                ps_error(p, PS_E_STRICT_RESERVED_WORD, names[i]->start, names[i]->end,
                         "'%.*s' is a reserved word in strict mode and cannot be a parameter name",
                         (int)names[i]->aux, PS_AS(PsIdent, names[i])->name);
        }
    }
    if (unique || strict_now) {
        if (n <= 16) {
            for (uint32_t i = 1; i < n; i++)
                for (uint32_t j = 0; j < i; j++)
                    if (same_name(names[i], names[j])) {
                        report_duplicate(p, names[j], names[i]);
                        i = n;
                        break;
                    }
        } else {
            qsort(names, n, sizeof *names, cmp_names);
            for (uint32_t i = 1; i < n; i++)
                if (same_name(names[i], names[i - 1])) {
                    report_duplicate(p, names[i - 1], names[i]);
                    break;
                }
        }
    }
    p->sp = mark;
}

bool ps_pattern_binds(const PsNode *n, const char *name, uint32_t len) {
    if (!n) return false;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        return ps_ident_is(n, name, len);
    case PS_NODE_ASSIGN_PATTERN:
        return ps_pattern_binds(PS_AS(PsBinary, n)->left, name, len);
    case PS_NODE_REST_ELEMENT:
        return ps_pattern_binds(PS_AS(PsUnary, n)->arg, name, len);
    case PS_NODE_ARRAY_PATTERN:
    case PS_NODE_OBJECT_PATTERN: {
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            const PsNode *m = l->items[i];
            if (m && m->kind == PS_NODE_PROPERTY) m = PS_AS(PsProperty, m)->value;
            if (ps_pattern_binds(m, name, len)) return true;
        }
        return false;
    }
    default:
        return false;
    }
}
