// AST helpers: kind and operator names, and the generic child walk that
// every tree consumer (ESTree writer, analyzer, incremental reparse) uses.
#include "ast.h"

static const char *const kind_names[PS_NODE_KIND_COUNT] = {
#define PS_X(kind, name, type) name,
    PS_NODE_KINDS(PS_X)
#undef PS_X
};

static const char *const op_texts[PS_OP_COUNT] = {
#define PS_X(id, text) text,
    PS_OPS(PS_X)
#undef PS_X
};

const char *ps_node_kind_name(PsNodeKind kind) {
    return (unsigned)kind < PS_NODE_KIND_COUNT ? kind_names[kind] : "Unknown";
}

const char *ps_op_text(PsOp op) {
    return (unsigned)op < PS_OP_COUNT ? op_texts[op] : "";
}

// The walk below stops as soon as a callback returns false; these helpers
// turn "visit this child" into an early return of the whole walk.
#define VISIT(n)                                    \
    do {                                            \
        PsNode *c_ = (n);                           \
        if (c_ && !fn(c_, ctx)) return false;       \
    } while (0)
#define VISIT_LIST(l)                               \
    do {                                            \
        if (!visit_list(&(l), fn, ctx)) return false; \
    } while (0)

static bool visit_list(const PsList *l, PsChildFn fn, void *ctx) {
    for (uint32_t i = 0; i < l->count; i++)
        if (l->items[i] && !fn(l->items[i], ctx)) return false;
    return true;
}

// Shorthand properties (`{a}`, `{a = 1}`) may share the key node with the
// value; each node is visited once, where its source text is.
static bool visit_key_value(PsNode *key, PsNode *value, PsChildFn fn, void *ctx) {
    if (key == value) {
        VISIT(key);
        return true;
    }
    if (value && value->kind == PS_NODE_ASSIGN_PATTERN && PS_AS(PsBinary, value)->left == key) {
        VISIT(value);
        return true;
    }
    VISIT(key);
    VISIT(value);
    return true;
}

bool ps_node_for_each_child(PsNode *node, PsChildFn fn, void *ctx) {
    if (!node) return true;
    switch ((PsNodeKind)node->kind) {
    // No children.
    case PS_NODE_EMPTY_STMT:
    case PS_NODE_DEBUGGER_STMT:
    case PS_NODE_IDENTIFIER:
    case PS_NODE_PRIVATE_IDENTIFIER:
    case PS_NODE_LITERAL:
    case PS_NODE_THIS:
    case PS_NODE_SUPER:
    case PS_NODE_TEMPLATE_ELEMENT:
    case PS_NODE_JSX_OPENING_FRAGMENT:
    case PS_NODE_JSX_CLOSING_FRAGMENT:
    case PS_NODE_JSX_IDENTIFIER:
    case PS_NODE_JSX_EMPTY_EXPR:
    case PS_NODE_JSX_TEXT:
        return true;

    // PsListNode.
    case PS_NODE_PROGRAM:
    case PS_NODE_ERROR:
    case PS_NODE_BLOCK:
    case PS_NODE_VAR_DECL:
    case PS_NODE_ARRAY_EXPR:
    case PS_NODE_OBJECT_EXPR:
    case PS_NODE_CLASS_BODY:
    case PS_NODE_STATIC_BLOCK:
    case PS_NODE_SEQUENCE_EXPR:
    case PS_NODE_ARRAY_PATTERN:
    case PS_NODE_OBJECT_PATTERN:
        return visit_list(&PS_AS(PsListNode, node)->items, fn, ctx);

    // PsUnary.
    case PS_NODE_EXPRESSION_STMT:
    case PS_NODE_RETURN_STMT:
    case PS_NODE_BREAK_STMT:
    case PS_NODE_CONTINUE_STMT:
    case PS_NODE_THROW_STMT:
    case PS_NODE_UNARY_EXPR:
    case PS_NODE_UPDATE_EXPR:
    case PS_NODE_CHAIN_EXPR:
    case PS_NODE_YIELD_EXPR:
    case PS_NODE_AWAIT_EXPR:
    case PS_NODE_SPREAD_ELEMENT:
    case PS_NODE_DECORATOR:
    case PS_NODE_REST_ELEMENT:
    case PS_NODE_EXPORT_DEFAULT_DECL:
    case PS_NODE_JSX_CLOSING_ELEMENT:
    case PS_NODE_JSX_SPREAD_ATTRIBUTE:
    case PS_NODE_JSX_EXPR_CONTAINER:
    case PS_NODE_JSX_SPREAD_CHILD:
        VISIT(PS_AS(PsUnary, node)->arg);
        return true;

    case PS_NODE_BINARY_EXPR:
    case PS_NODE_LOGICAL_EXPR:
    case PS_NODE_ASSIGN_EXPR:
    case PS_NODE_ASSIGN_PATTERN: {
        PsBinary *b = PS_AS(PsBinary, node);
        VISIT(b->left);
        VISIT(b->right);
        return true;
    }

    case PS_NODE_IF_STMT:
    case PS_NODE_CONDITIONAL_EXPR: {
        PsConditional *c = PS_AS(PsConditional, node);
        VISIT(c->test);
        VISIT(c->consequent);
        VISIT(c->alternate);
        return true;
    }

    case PS_NODE_MEMBER_EXPR:
    case PS_NODE_META_PROPERTY:
    case PS_NODE_JSX_MEMBER_EXPR:
    case PS_NODE_JSX_NAMESPACED_NAME: {
        PsMember *m = PS_AS(PsMember, node);
        VISIT(m->object);
        VISIT(m->property);
        return true;
    }

    case PS_NODE_CALL_EXPR:
    case PS_NODE_NEW_EXPR: {
        PsCall *c = PS_AS(PsCall, node);
        VISIT(c->callee);
        VISIT_LIST(c->arguments);
        return true;
    }

    case PS_NODE_TEMPLATE_LITERAL: {
        // Source order alternates: quasi, ${expression}, quasi, ...
        PsTemplate *t = PS_AS(PsTemplate, node);
        uint32_t n = t->quasis.count > t->expressions.count ? t->quasis.count : t->expressions.count;
        for (uint32_t i = 0; i < n; i++) {
            if (i < t->quasis.count) VISIT(t->quasis.items[i]);
            if (i < t->expressions.count) VISIT(t->expressions.items[i]);
        }
        return true;
    }

    case PS_NODE_TAGGED_TEMPLATE: {
        PsTaggedTemplate *t = PS_AS(PsTaggedTemplate, node);
        VISIT(t->tag);
        VISIT(t->quasi);
        return true;
    }

    case PS_NODE_PROPERTY:
    case PS_NODE_IMPORT_ATTRIBUTE:
    case PS_NODE_JSX_ATTRIBUTE: {
        PsProperty *p = PS_AS(PsProperty, node);
        return visit_key_value(p->key, p->value, fn, ctx);
    }

    case PS_NODE_FUNCTION_DECL:
    case PS_NODE_FUNCTION_EXPR:
    case PS_NODE_ARROW_FUNCTION: {
        PsFunction *f = PS_AS(PsFunction, node);
        VISIT(f->id);
        VISIT_LIST(f->params);
        VISIT(f->body);
        return true;
    }

    case PS_NODE_CLASS_DECL:
    case PS_NODE_CLASS_EXPR: {
        PsClass *c = PS_AS(PsClass, node);
        VISIT_LIST(c->decorators);  // `@dec class ...`: decorators come first
        VISIT(c->id);
        VISIT(c->super_class);
        VISIT(c->body);
        return true;
    }

    case PS_NODE_METHOD_DEF:
    case PS_NODE_PROPERTY_DEF:
    case PS_NODE_ACCESSOR_PROPERTY: {
        PsClassMember *m = PS_AS(PsClassMember, node);
        VISIT_LIST(m->decorators);
        VISIT(m->key);
        VISIT(m->value);
        return true;
    }

    case PS_NODE_WITH_STMT: {
        PsWith *w = PS_AS(PsWith, node);
        VISIT(w->object);
        VISIT(w->body);
        return true;
    }

    case PS_NODE_LABELED_STMT: {
        PsLabeled *l = PS_AS(PsLabeled, node);
        VISIT(l->label);
        VISIT(l->body);
        return true;
    }

    case PS_NODE_SWITCH_STMT: {
        PsSwitch *s = PS_AS(PsSwitch, node);
        VISIT(s->discriminant);
        VISIT_LIST(s->cases);
        return true;
    }

    case PS_NODE_SWITCH_CASE: {
        PsSwitchCase *c = PS_AS(PsSwitchCase, node);
        VISIT(c->test);
        VISIT_LIST(c->consequent);
        return true;
    }

    case PS_NODE_TRY_STMT: {
        PsTry *t = PS_AS(PsTry, node);
        VISIT(t->block);
        VISIT(t->handler);
        VISIT(t->finalizer);
        return true;
    }

    case PS_NODE_CATCH_CLAUSE: {
        PsCatch *c = PS_AS(PsCatch, node);
        VISIT(c->param);
        VISIT(c->body);
        return true;
    }

    case PS_NODE_WHILE_STMT: {
        PsWhile *w = PS_AS(PsWhile, node);
        VISIT(w->test);
        VISIT(w->body);
        return true;
    }

    case PS_NODE_DO_WHILE_STMT: {
        PsWhile *w = PS_AS(PsWhile, node);
        VISIT(w->body);
        VISIT(w->test);
        return true;
    }

    case PS_NODE_FOR_STMT: {
        PsFor *f = PS_AS(PsFor, node);
        VISIT(f->init);
        VISIT(f->test);
        VISIT(f->update);
        VISIT(f->body);
        return true;
    }

    case PS_NODE_FOR_IN_STMT:
    case PS_NODE_FOR_OF_STMT: {
        PsForIn *f = PS_AS(PsForIn, node);
        VISIT(f->left);
        VISIT(f->right);
        VISIT(f->body);
        return true;
    }

    case PS_NODE_VAR_DECLARATOR: {
        PsVarDeclarator *d = PS_AS(PsVarDeclarator, node);
        VISIT(d->id);
        VISIT(d->init);
        return true;
    }

    case PS_NODE_IMPORT_EXPR: {
        PsImportExpr *e = PS_AS(PsImportExpr, node);
        VISIT(e->source);
        VISIT(e->options);
        return true;
    }

    case PS_NODE_IMPORT_DECL: {
        PsModuleDecl *m = PS_AS(PsModuleDecl, node);
        VISIT_LIST(m->specifiers);
        VISIT(m->source);
        VISIT_LIST(m->attributes);
        return true;
    }

    case PS_NODE_EXPORT_NAMED_DECL:
    case PS_NODE_EXPORT_ALL_DECL: {
        // `declaration` is the exported declaration, or for `export * as ns`
        // the exported name; both precede specifiers and source.
        PsModuleDecl *m = PS_AS(PsModuleDecl, node);
        VISIT(m->declaration);
        VISIT_LIST(m->specifiers);
        VISIT(m->source);
        VISIT_LIST(m->attributes);
        return true;
    }

    case PS_NODE_IMPORT_SPECIFIER: {
        // `imported as local`; `{a}` may share one node for both.
        PsSpecifier *s = PS_AS(PsSpecifier, node);
        VISIT(s->external);
        if (s->local != s->external) VISIT(s->local);
        return true;
    }

    case PS_NODE_EXPORT_SPECIFIER: {
        PsSpecifier *s = PS_AS(PsSpecifier, node);
        VISIT(s->local);
        if (s->external != s->local) VISIT(s->external);
        return true;
    }

    case PS_NODE_IMPORT_DEFAULT_SPECIFIER:
    case PS_NODE_IMPORT_NAMESPACE_SPECIFIER:
        VISIT(PS_AS(PsSpecifier, node)->local);
        return true;

    case PS_NODE_JSX_ELEMENT:
    case PS_NODE_JSX_FRAGMENT: {
        PsJsxElement *e = PS_AS(PsJsxElement, node);
        VISIT(e->opening);
        VISIT_LIST(e->children);
        VISIT(e->closing);
        return true;
    }

    case PS_NODE_JSX_OPENING_ELEMENT: {
        PsJsxOpening *o = PS_AS(PsJsxOpening, node);
        VISIT(o->name);
        VISIT_LIST(o->attributes);
        return true;
    }

    case PS_NODE_KIND_COUNT:
        break;
    }
    OCH_UNREACHABLE();
    return true;
}
