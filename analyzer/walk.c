// The tree walk: one pass over the AST in source order that opens and
// closes scopes, declares `var`s and parameters, records references, and
// marks the function-level facts (this, super, new.target, arguments,
// direct eval, with). Lexical names were declared by hoist.c when their
// scope opened; here their declaring identifiers are only indexed.
//
// Positions where an IDENTIFIER is not a reference (property keys, member
// names, labels, import/export names, declared names) are handled by their
// parents; the generic fallback walks children only of kinds whose
// identifier children are all references.
#include "analyzer_int.h"

static void walk(AnWalker *w, PsNode *n);

static void walk_list(AnWalker *w, const PsList *l) {
    for (uint32_t i = 0; i < l->count; i++)
        if (l->items[i]) walk(w, l->items[i]);
}

static bool walk_child(PsNode *child, void *ctx) {
    walk(ctx, child);
    return true;
}

static bool is_ident(const PsNode *n) {
    return n && n->kind == PS_NODE_IDENTIFIER && !(n->flags & PS_NF_MISSING);
}

// ---------------------------------------------------------------------------
// this, super, new.target, eval.

// Marks a use of the receiver (`this`, `super`, `new.target`) at its binding
// site and on every arrow it is inherited through.
static void mark_receiver(AnWalker *w, uint32_t flag) {
    AnScope *site = w->scope->this_scope;
    site->flags |= flag;
    AnScope *f = w->scope->fn;
    if (f == site) return;
    site->flags |= AN_SF_THIS_CAPTURED;
    while (f && f != site) {
        if (f->flags & flag) break;  // already marked up to the site
        f->flags |= flag;
        // Leave the arrow: its outermost scope is its PARAMS scope if any.
        AnScope *outer = (f->parent && f->parent->kind == AN_SCOPE_PARAMS && f->parent->fn == f)
                             ? f->parent
                             : f;
        if (!outer->parent) break;
        f = outer->parent->fn;
    }
}

// A direct eval call in the current scope: everything visible may be used
// by the eval code (captured), and sloppy eval code may add vars to the
// var scope (dynamic).
static void mark_eval(AnWalker *w) {
    AnScope *s = w->scope;
    s->flags |= AN_SF_HAS_EVAL;
    s->fn->flags |= AN_SF_HAS_EVAL;
    s->this_scope->flags |= AN_SF_HAS_EVAL;
    for (AnScope *t = s; t && !(t->flags & AN_SF_EVAL_TAINTED); t = t->parent)
        t->flags |= AN_SF_EVAL_TAINTED;
    if (s->flags & AN_SF_STRICT) return;
    for (AnScope *t = s; t; t = t->parent) {
        if (t->kind == AN_SCOPE_FUNCTION || t->kind == AN_SCOPE_PARAMS ||
            t->kind == AN_SCOPE_GLOBAL) {
            t->flags |= AN_SF_DYNAMIC;
            w->dynamic = true;
            break;
        }
    }
}

// ---------------------------------------------------------------------------
// Binding patterns (declarations, parameters, catch parameters).

typedef enum BindMode {
    BIND_VAR,      // var: declared by the pre-pass; check the scopes it is hoisted through
    BIND_LEXICAL,  // let/const/using: declared by hoist.c; look up (declare if missing)
    BIND_DECLARED, // parameters, catch parameters: declared just before; index them
} BindMode;

typedef struct BindCtx {
    BindMode mode;
    AnBindingKind kind;  // BIND_LEXICAL
    PsNode *decl;
    bool init;           // identifiers get an initializing write reference
} BindCtx;

// Parameters and catch parameters: all names are declared before any
// default value is walked (a default may refer to a later parameter, in its
// TDZ).
typedef struct ParamDecl {
    AnBindingKind kind;
    uint16_t flags;
    PsNode *decl;
    uint32_t init_pos;  // end of the element being declared
} ParamDecl;

static void declare_param_name(AnWalker *w, PsNode *id, void *ctx) {
    const ParamDecl *pd = ctx;
    AnBinding *b = an_declare(w, w->scope, id, pd->kind, pd->flags, pd->decl);
    if (b && b->id == id) b->init_pos = pd->init_pos;
}

static void bind_ident(AnWalker *w, PsNode *id, const BindCtx *c) {
    AnBinding *b = NULL;
    switch (c->mode) {
    case BIND_VAR:
        b = an_walk_var(w, id, c->decl);
        an_index_decl(w, id, b);
        // By name: a var redeclaring a catch parameter assigns the parameter.
        if (c->init) an_ref_add(w, id, AN_REF_WRITE | AN_REF_INIT);
        return;
    case BIND_LEXICAL: {
        AnName *name = an_intern_ident(w, id);
        b = an_find_in_scope(name, w->scope);
        if (!b) {
            // Not pre-declared: a declaration where the parser recovered
            // from an error (e.g. `if (x) let y = 1;`).
            b = an_declare(w, w->scope, id, c->kind, AN_BF_LEXICAL | AN_BF_TDZ, c->decl);
            if (b && b->id == id) b->init_pos = c->decl ? c->decl->end : id->end;
        }
        an_index_decl(w, id, b);
        if (c->init && b) an_ref_bound(w, id, AN_REF_WRITE | AN_REF_INIT, b);
        return;
    }
    case BIND_DECLARED:
        an_index_decl(w, id, an_find_in_scope(an_intern_ident(w, id), w->scope));
        return;
    }
}

static void walk_binding(AnWalker *w, PsNode *n, const BindCtx *c) {
    if (!n) return;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        if (!(n->flags & PS_NF_MISSING)) bind_ident(w, n, c);
        return;
    case PS_NODE_ASSIGN_PATTERN: {
        PsBinary *b = PS_AS(PsBinary, n);
        walk_binding(w, b->left, c);
        walk(w, b->right);
        return;
    }
    case PS_NODE_REST_ELEMENT:
        walk_binding(w, PS_AS(PsUnary, n)->arg, c);
        return;
    case PS_NODE_ARRAY_PATTERN: {
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) walk_binding(w, l->items[i], c);
        return;
    }
    case PS_NODE_OBJECT_PATTERN: {
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *m = l->items[i];
            if (!m) continue;
            if (m->kind == PS_NODE_PROPERTY) {
                PsProperty *p = PS_AS(PsProperty, m);
                if (m->flags & PS_NF_COMPUTED) walk(w, p->key);
                walk_binding(w, p->value, c);
            } else {
                walk_binding(w, m, c);
            }
        }
        return;
    }
    default:
        walk(w, n);  // error recovery: not a pattern
        return;
    }
}

// ---------------------------------------------------------------------------
// Assignment targets.

static void walk_target(AnWalker *w, PsNode *n) {
    if (!n) return;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        an_ref_add(w, n, AN_REF_WRITE);
        return;
    case PS_NODE_ARRAY_PATTERN: {
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) walk_target(w, l->items[i]);
        return;
    }
    case PS_NODE_OBJECT_PATTERN: {
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *m = l->items[i];
            if (!m) continue;
            if (m->kind == PS_NODE_PROPERTY) {
                PsProperty *p = PS_AS(PsProperty, m);
                if (m->flags & PS_NF_COMPUTED) walk(w, p->key);
                walk_target(w, p->value);
            } else {
                walk_target(w, m);
            }
        }
        return;
    }
    case PS_NODE_ASSIGN_PATTERN: {
        PsBinary *b = PS_AS(PsBinary, n);
        walk_target(w, b->left);
        walk(w, b->right);
        return;
    }
    case PS_NODE_REST_ELEMENT:
        walk_target(w, PS_AS(PsUnary, n)->arg);
        return;
    default:
        walk(w, n);
        return;
    }
}

// ---------------------------------------------------------------------------
// Declarations.

// var/let/const/using declaration. in_head: the left side of for-in/of
// (its names are initialized by every iteration).
static void walk_var_decl(AnWalker *w, PsNode *n, bool in_head) {
    BindCtx c = {BIND_VAR, AN_BIND_VAR, NULL, false};
    if (n->op != PS_VAR_VAR) {
        c.mode = BIND_LEXICAL;
        c.kind = n->op == PS_VAR_CONST         ? AN_BIND_CONST
                 : n->op == PS_VAR_USING       ? AN_BIND_USING
                 : n->op == PS_VAR_AWAIT_USING ? AN_BIND_AWAIT_USING
                                               : AN_BIND_LET;
    }
    const PsList *l = &PS_AS(PsListNode, n)->items;
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *d = l->items[i];
        if (!d) continue;
        if (d->kind != PS_NODE_VAR_DECLARATOR) {
            walk(w, d);
            continue;
        }
        PsVarDeclarator *v = PS_AS(PsVarDeclarator, d);
        c.decl = d;
        c.init = in_head || v->init != NULL;
        walk_binding(w, v->id, &c);
        walk(w, v->init);
    }
}

// Method kinds for walk_function.
#define FN_METHOD 0x01u
#define FN_CONSTRUCTOR 0x02u
#define FN_DERIVED 0x04u

// A function, arrow or method. create_pos: the earliest offset (in the
// enclosing activation) at which the closure may be called.
static void walk_function(AnWalker *w, PsFunction *f, unsigned mf, uint32_t create_pos) {
    PsNode *n = &f->h;
    bool arrow = n->kind == PS_NODE_ARROW_FUNCTION;
    uint32_t strict =
        ((n->flags & PS_NF_STRICT) || (w->scope->flags & AN_SF_STRICT)) ? AN_SF_STRICT : 0;

    bool name_scope = n->kind == PS_NODE_FUNCTION_EXPR && is_ident(f->id);
    if (name_scope) {
        AnScope *ns = an_scope_open(w, AN_SCOPE_FUNCTION_NAME, n, n->start, n->end, false);
        an_index_decl(w, f->id, an_declare(w, ns, f->id, AN_BIND_FUNCTION_NAME, 0, n));
    } else if (n->kind == PS_NODE_FUNCTION_DECL && is_ident(f->id)) {
        an_index_decl(w, f->id, an_find_in_scope(an_intern_ident(w, f->id), w->scope));
    }

    bool params_expr = an_params_have_expressions(&f->params);
    uint32_t body_start = f->body ? f->body->start : n->end;
    AnScope *fs =
        an_scope_alloc(w, AN_SCOPE_FUNCTION, n, params_expr ? body_start : n->start, n->end);
    fs->flags = strict | (arrow ? AN_SF_ARROW : 0) | ((mf & FN_METHOD) ? AN_SF_METHOD : 0) |
                ((mf & FN_CONSTRUCTOR) ? AN_SF_CONSTRUCTOR : 0) |
                ((mf & FN_DERIVED) ? AN_SF_DERIVED : 0);
    ParamDecl pd = {AN_BIND_PARAM, 0, n, 0};
    if (params_expr) {
        AnScope *ps = an_scope_alloc(w, AN_SCOPE_PARAMS, n, n->start, n->end);
        ps->flags = AN_SF_CLOSURE | strict | (arrow ? AN_SF_ARROW : 0);
        ps->fn = fs;
        ps->this_scope = arrow ? w->scope->this_scope : fs;
        ps->create_pos = create_pos;
        an_index_scope(w, fs);
        an_scope_enter(w, ps, false);
        fs->parent = ps;  // before fs is entered, code in the parameters may look it up
        pd.flags = AN_BF_TDZ;
    } else {
        fs->flags |= AN_SF_CLOSURE;
        fs->create_pos = create_pos;
        an_scope_enter(w, fs, true);
    }
    for (uint32_t i = 0; i < f->params.count; i++) {
        PsNode *p = f->params.items[i];
        if (!p) continue;
        pd.init_pos = p->end;
        an_pattern_names(w, p, declare_param_name, &pd);
    }
    const BindCtx c = {BIND_DECLARED, AN_BIND_PARAM, n, false};
    for (uint32_t i = 0; i < f->params.count; i++) walk_binding(w, f->params.items[i], &c);
    if (params_expr) an_scope_enter(w, fs, false);
    if (f->body) {
        if (f->body->kind == PS_NODE_BLOCK) {
            const PsList *items = &PS_AS(PsListNode, f->body)->items;
            an_hoist_list(w, items, AN_LIST_TOP, UINT32_MAX);
            an_hoist_vars(w, items);
            walk_list(w, items);
        } else {
            walk(w, f->body);
        }
    }
    an_scope_close(w);
    if (params_expr) an_scope_close(w);
    if (name_scope) an_scope_close(w);
}

// Declares the private names of a class body (getter/setter pairs share
// one binding) and pushes them on their names' private chains.
static void declare_privates(AnWalker *w, AnScope *cs, const PsList *members) {
    AnBinding *last = NULL;
    for (uint32_t i = 0; i < members->count; i++) {
        PsNode *m = members->items[i];
        if (!m || (m->kind != PS_NODE_METHOD_DEF && m->kind != PS_NODE_PROPERTY_DEF &&
                   m->kind != PS_NODE_ACCESSOR_PROPERTY))
            continue;
        PsClassMember *cm = PS_AS(PsClassMember, m);
        PsNode *key = cm->key;
        if (!key || key->kind != PS_NODE_PRIVATE_IDENTIFIER || (m->flags & PS_NF_COMPUTED))
            continue;
        AnName *name = an_intern_ident(w, key);
        uint16_t flags = (m->flags & PS_NF_STATIC) ? AN_BF_STATIC : 0;
        if (m->kind == PS_NODE_METHOD_DEF) {
            flags |= AN_BF_METHOD;
            if (m->op == PS_PROP_GET) flags |= AN_BF_GETTER;
            if (m->op == PS_PROP_SET) flags |= AN_BF_SETTER;
        } else if (m->kind == PS_NODE_ACCESSOR_PROPERTY) {
            flags |= AN_BF_METHOD | AN_BF_GETTER | AN_BF_SETTER;
        }
        AnBinding *b = name->priv_top;
        if (b && b->scope == cs) {
            // Duplicates are the parser's errors; a getter/setter pair is one name.
            b->flags |= flags;
            b->flags |= AN_BF_REDECLARED;
            continue;
        }
        b = an_binding_new(w, cs, name, key, AN_BIND_PRIVATE, flags, m);
        if (last)
            last->next = b;
        else
            cs->privates = b;
        last = b;
        b->shadow = name->priv_top;
        name->priv_top = b;
    }
}

static void pop_privates(AnScope *cs) {
    for (AnBinding *b = cs->privates; b; b = b->next) {
        AnBinding **pp = &b->iname->priv_top;
        while (*pp && *pp != b) pp = &(*pp)->shadow;
        if (*pp) *pp = b->shadow;
    }
}

static void walk_private_ref(AnWalker *w, PsNode *key) {
    if (key->flags & PS_NF_MISSING) return;
    AnName *name = an_intern_ident(w, key);
    an_ref_bound(w, key, AN_REF_PRIVATE, name->priv_top);
}

static void walk_class(AnWalker *w, PsClass *c) {
    PsNode *n = &c->h;
    walk_list(w, &c->decorators);
    if (n->kind == PS_NODE_CLASS_DECL && is_ident(c->id))
        an_index_decl(w, c->id, an_find_in_scope(an_intern_ident(w, c->id), w->scope));
    AnScope *cs = an_scope_open(w, AN_SCOPE_CLASS, n, n->start, n->end, true);
    cs->flags |= AN_SF_STRICT;
    uint32_t body_end = c->body ? c->body->end : n->end;
    if (is_ident(c->id)) {
        AnBinding *b = an_declare(w, cs, c->id, AN_BIND_CLASS_NAME, AN_BF_TDZ, n);
        if (b) b->init_pos = body_end;
        if (n->kind == PS_NODE_CLASS_EXPR) an_index_decl(w, c->id, b);
    }
    const PsList empty = {NULL, 0};
    const PsList *members = c->body ? &PS_AS(PsListNode, c->body)->items : &empty;
    declare_privates(w, cs, members);
    walk(w, c->super_class);
    unsigned ctor = FN_METHOD | FN_CONSTRUCTOR | (c->super_class ? FN_DERIVED : 0);
    for (uint32_t i = 0; i < members->count; i++) {
        PsNode *m = members->items[i];
        if (!m) continue;
        switch ((PsNodeKind)m->kind) {
        case PS_NODE_METHOD_DEF:
        case PS_NODE_PROPERTY_DEF:
        case PS_NODE_ACCESSOR_PROPERTY: {
            PsClassMember *cm = PS_AS(PsClassMember, m);
            walk_list(w, &cm->decorators);
            if (m->flags & PS_NF_COMPUTED) {
                walk(w, cm->key);
            } else if (cm->key && cm->key->kind == PS_NODE_PRIVATE_IDENTIFIER) {
                AnName *name = an_intern_ident(w, cm->key);
                AnBinding *pb = name->priv_top;
                an_index_decl(w, cm->key, pb && pb->scope == cs ? pb : NULL);
            }
            PsNode *v = cm->value;
            if (!v) break;
            if (m->kind == PS_NODE_METHOD_DEF && v->kind == PS_NODE_FUNCTION_EXPR) {
                // Methods exist only once the class is defined.
                unsigned mf = m->op == PS_PROP_CONSTRUCTOR ? ctor : FN_METHOD;
                walk_function(w, PS_AS(PsFunction, v), mf, body_end);
            } else if (m->kind == PS_NODE_METHOD_DEF) {
                walk(w, v);
            } else {
                AnScope *fs = an_scope_alloc(w, AN_SCOPE_CLASS_FIELD, m, v->start, v->end);
                fs->flags |= AN_SF_CLOSURE | AN_SF_STRICT;
                fs->create_pos = body_end;
                an_scope_enter(w, fs, true);
                walk(w, v);
                an_scope_close(w);
            }
            break;
        }
        case PS_NODE_STATIC_BLOCK: {
            AnScope *ss = an_scope_alloc(w, AN_SCOPE_STATIC_BLOCK, m, m->start, m->end);
            ss->flags |= AN_SF_CLOSURE | AN_SF_STRICT;
            ss->create_pos = body_end;
            an_scope_enter(w, ss, true);
            const PsList *items = &PS_AS(PsListNode, m)->items;
            an_hoist_list(w, items, AN_LIST_TOP, UINT32_MAX);
            an_hoist_vars(w, items);
            walk_list(w, items);
            an_scope_close(w);
            break;
        }
        default:
            walk(w, m);
            break;
        }
    }
    pop_privates(cs);
    an_scope_close(w);
}

// ---------------------------------------------------------------------------
// Statements.

static void walk_block(AnWalker *w, PsNode *n) {
    if (!n) return;
    if (n->kind != PS_NODE_BLOCK) {
        walk(w, n);
        return;
    }
    const PsList *items = &PS_AS(PsListNode, n)->items;
    if (!an_list_has_lexical(items)) {
        walk_list(w, items);
        return;
    }
    an_scope_open(w, AN_SCOPE_BLOCK, n, n->start, n->end, true);
    an_hoist_list(w, items, AN_LIST_BLOCK, UINT32_MAX);
    walk_list(w, items);
    an_scope_close(w);
}

// The body of if/else: `if (x) function f() {}` (Annex B) is a function in
// a block of its own.
static void walk_clause(AnWalker *w, PsNode *n) {
    if (n && n->kind == PS_NODE_FUNCTION_DECL) {
        an_scope_open(w, AN_SCOPE_BLOCK, n, n->start, n->end, false);
        an_hoist_item(w, n, AN_LIST_BLOCK, UINT32_MAX);
        walk(w, n);
        an_scope_close(w);
        return;
    }
    walk(w, n);
}

static bool is_lexical_decl(const PsNode *n) {
    return n && n->kind == PS_NODE_VAR_DECL && n->op != PS_VAR_VAR;
}

static void walk_for(AnWalker *w, PsFor *f) {
    PsNode *n = &f->h;
    bool lex = is_lexical_decl(f->init);
    if (lex) {
        AnScope *s = an_scope_open(w, AN_SCOPE_FOR, n, n->start, n->end, true);
        if (f->init->op == PS_VAR_LET) s->flags |= AN_SF_PER_ITERATION;
        an_hoist_item(w, f->init, AN_LIST_BLOCK, UINT32_MAX);
    }
    if (f->init && f->init->kind == PS_NODE_VAR_DECL)
        walk_var_decl(w, f->init, false);
    else
        walk(w, f->init);
    walk(w, f->test);
    walk(w, f->update);
    walk(w, f->body);
    if (lex) an_scope_close(w);
}

typedef struct HeadDecl {
    AnBindingKind kind;
    PsNode *decl;
    uint32_t init_pos;
} HeadDecl;

static void declare_head_name(AnWalker *w, PsNode *id, void *ctx) {
    const HeadDecl *h = ctx;
    AnBinding *b = an_declare(w, w->scope, id, h->kind, AN_BF_LEXICAL | AN_BF_TDZ, h->decl);
    if (b && b->id == id) b->init_pos = h->init_pos;
}

static void walk_for_in(AnWalker *w, PsForIn *f) {
    PsNode *n = &f->h;
    bool lex = is_lexical_decl(f->left);
    if (lex) {
        AnScope *s = an_scope_open(w, AN_SCOPE_FOR, n, n->start, n->end, true);
        s->flags |= AN_SF_PER_ITERATION;
        // The right side is evaluated with the head's names in their TDZ;
        // each iteration initializes them before the body.
        HeadDecl h = {AN_BIND_LET, NULL, f->body ? f->body->start : n->end};
        h.kind = f->left->op == PS_VAR_CONST         ? AN_BIND_CONST
                 : f->left->op == PS_VAR_USING       ? AN_BIND_USING
                 : f->left->op == PS_VAR_AWAIT_USING ? AN_BIND_AWAIT_USING
                                                     : AN_BIND_LET;
        const PsList *l = &PS_AS(PsListNode, f->left)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *d = l->items[i];
            if (!d || d->kind != PS_NODE_VAR_DECLARATOR) continue;
            h.decl = d;
            an_pattern_names(w, PS_AS(PsVarDeclarator, d)->id, declare_head_name, &h);
        }
    }
    if (f->left && f->left->kind == PS_NODE_VAR_DECL)
        walk_var_decl(w, f->left, true);
    else
        walk_target(w, f->left);
    walk(w, f->right);
    walk(w, f->body);
    if (lex) an_scope_close(w);
}

static void walk_switch(AnWalker *w, PsSwitch *sw) {
    PsNode *n = &sw->h;
    walk(w, sw->discriminant);
    bool lex = false;
    for (uint32_t i = 0; i < sw->cases.count && !lex; i++) {
        PsNode *c = sw->cases.items[i];
        if (c && c->kind == PS_NODE_SWITCH_CASE)
            lex = an_list_has_lexical(&PS_AS(PsSwitchCase, c)->consequent);
    }
    if (lex) {
        uint32_t start = sw->discriminant ? sw->discriminant->end : n->start;
        an_scope_open(w, AN_SCOPE_SWITCH, n, start, n->end, true);
        // A case's lexical names are initialized only if control passes
        // through their declaration: other clauses may jump past it.
        for (uint32_t i = 0; i < sw->cases.count; i++) {
            PsNode *c = sw->cases.items[i];
            if (c && c->kind == PS_NODE_SWITCH_CASE)
                an_hoist_list(w, &PS_AS(PsSwitchCase, c)->consequent, AN_LIST_BLOCK, c->end);
        }
    }
    for (uint32_t i = 0; i < sw->cases.count; i++) {
        PsNode *c = sw->cases.items[i];
        if (!c) continue;
        if (c->kind != PS_NODE_SWITCH_CASE) {
            walk(w, c);
            continue;
        }
        PsSwitchCase *sc = PS_AS(PsSwitchCase, c);
        walk(w, sc->test);
        walk_list(w, &sc->consequent);
    }
    if (lex) an_scope_close(w);
}

static void walk_try(AnWalker *w, PsTry *t) {
    walk_block(w, t->block);
    PsNode *h = t->handler;
    if (h && h->kind == PS_NODE_CATCH_CLAUSE) {
        PsCatch *c = PS_AS(PsCatch, h);
        an_scope_open(w, AN_SCOPE_CATCH, h, h->start, h->end, true);
        if (c->param) {
            ParamDecl pd = {AN_BIND_CATCH, AN_BF_LEXICAL | AN_BF_TDZ, h, c->param->end};
            an_pattern_names(w, c->param, declare_param_name, &pd);
            const BindCtx bc = {BIND_DECLARED, AN_BIND_CATCH, h, false};
            walk_binding(w, c->param, &bc);
        }
        walk_block(w, c->body);
        an_scope_close(w);
    } else {
        walk(w, h);
    }
    walk_block(w, t->finalizer);
}

static void walk_labeled(AnWalker *w, PsLabeled *l) {
    PsNode *label = l->label;
    if (!is_ident(label)) {
        walk(w, l->body);
        return;
    }
    AnScope *s = w->scope;
    AnName *name = an_intern_ident(w, label);
    AnBinding *b = an_binding_new(w, s, name, label, AN_BIND_LABEL, 0, &l->h);
    AnBinding **tail = &s->labels;
    while (*tail) tail = &(*tail)->next;
    *tail = b;
    an_index_decl(w, label, b);
    b->shadow = name->label;
    name->label = b;
    walk(w, l->body);
    name->label = b->shadow;
    b->shadow = NULL;
}

static void walk_jump(AnWalker *w, PsUnary *j) {
    PsNode *label = j->arg;
    if (!is_ident(label)) return;
    AnName *name = an_intern_ident(w, label);
    AnBinding *target = NULL;
    // Labels are visible only within their own function.
    for (AnBinding *b = name->label; b; b = b->shadow)
        if (b->scope->fn == w->scope->fn) {
            target = b;
            break;
        }
    an_ref_bound(w, label, AN_REF_LABEL, target);
}

// ---------------------------------------------------------------------------
// Modules.

static void export_declared_name(AnWalker *w, PsNode *id, void *ctx) {
    (void)ctx;
    an_export_ident(w, id);
}

static void walk_export_named(AnWalker *w, PsModuleDecl *d) {
    PsNode *decl = d->declaration;
    if (decl) {
        walk(w, decl);
        if (decl->kind == PS_NODE_VAR_DECL) {
            const PsList *l = &PS_AS(PsListNode, decl)->items;
            for (uint32_t i = 0; i < l->count; i++) {
                PsNode *v = l->items[i];
                if (v && v->kind == PS_NODE_VAR_DECLARATOR)
                    an_pattern_names(w, PS_AS(PsVarDeclarator, v)->id, export_declared_name, NULL);
            }
        } else if (decl->kind == PS_NODE_FUNCTION_DECL || decl->kind == PS_NODE_CLASS_DECL) {
            PsNode *id = decl->kind == PS_NODE_FUNCTION_DECL ? PS_AS(PsFunction, decl)->id
                                                             : PS_AS(PsClass, decl)->id;
            if (is_ident(id)) an_export_ident(w, id);
        }
    }
    for (uint32_t i = 0; i < d->specifiers.count; i++) {
        PsNode *s = d->specifiers.items[i];
        if (!s || s->kind != PS_NODE_EXPORT_SPECIFIER) continue;
        PsSpecifier *sp = PS_AS(PsSpecifier, s);
        if (!d->source && is_ident(sp->local)) an_ref_add(w, sp->local, AN_REF_EXPORT);
        if (sp->external) an_export_name(w, sp->external);
    }
}

static void walk_export_default(AnWalker *w, PsUnary *d) {
    an_export_default(w, &d->h);
    PsNode *decl = d->arg;
    walk(w, decl);
    if (decl && (decl->kind == PS_NODE_FUNCTION_DECL || decl->kind == PS_NODE_CLASS_DECL)) {
        PsNode *id = decl->kind == PS_NODE_FUNCTION_DECL ? PS_AS(PsFunction, decl)->id
                                                         : PS_AS(PsClass, decl)->id;
        if (is_ident(id)) {
            AnBinding *b = an_find_in_scope(an_intern_ident(w, id), w->scope);
            if (b) b->flags |= AN_BF_EXPORTED;
        }
    }
}

static void walk_import(AnWalker *w, PsModuleDecl *d) {
    for (uint32_t i = 0; i < d->specifiers.count; i++) {
        PsNode *s = d->specifiers.items[i];
        if (!s) continue;
        PsNode *local = PS_AS(PsSpecifier, s)->local;
        if (is_ident(local))
            an_index_decl(w, local, an_find_in_scope(an_intern_ident(w, local), w->scope));
    }
}

// ---------------------------------------------------------------------------
// Expressions.

static void walk_object(AnWalker *w, PsListNode *o) {
    for (uint32_t i = 0; i < o->items.count; i++) {
        PsNode *m = o->items.items[i];
        if (!m) continue;
        if (m->kind != PS_NODE_PROPERTY) {
            walk(w, m);
            continue;
        }
        PsProperty *p = PS_AS(PsProperty, m);
        if (m->flags & PS_NF_COMPUTED) walk(w, p->key);
        PsNode *v = p->value;
        if (!v) continue;
        if (((m->flags & PS_NF_METHOD) || m->op == PS_PROP_GET || m->op == PS_PROP_SET) &&
            v->kind == PS_NODE_FUNCTION_EXPR) {
            walk_function(w, PS_AS(PsFunction, v), FN_METHOD, v->start);
        } else {
            walk(w, v);  // shorthand `{a}`: value == key, one reference
        }
    }
}

static void walk_call(AnWalker *w, PsCall *c) {
    PsNode *callee = c->callee;
    if (callee && callee->kind == PS_NODE_IDENTIFIER) {
        an_ref_add(w, callee, AN_REF_READ | AN_REF_CALLEE);
        if (c->h.kind == PS_NODE_CALL_EXPR && !(c->h.flags & PS_NF_OPTIONAL) &&
            !(callee->flags & PS_NF_MISSING) && an_intern_ident(w, callee) == w->n_eval)
            mark_eval(w);
    } else if (callee && callee->kind == PS_NODE_SUPER) {
        if (c->h.kind == PS_NODE_CALL_EXPR) mark_receiver(w, AN_SF_USES_SUPER_CALL);
    } else {
        walk(w, callee);
    }
    walk_list(w, &c->arguments);
}

static void walk_member(AnWalker *w, PsMember *m) {
    if (m->object && m->object->kind == PS_NODE_SUPER)
        mark_receiver(w, AN_SF_USES_SUPER);
    else
        walk(w, m->object);
    PsNode *p = m->property;
    if (!p) return;
    if (m->h.flags & PS_NF_COMPUTED)
        walk(w, p);
    else if (p->kind == PS_NODE_PRIVATE_IDENTIFIER)
        walk_private_ref(w, p);
}

// JSX element names: `<Foo>` and the root of `<a.b>` are references;
// lowercase and dashed names are intrinsic elements.
static void walk_jsx_name(AnWalker *w, PsNode *n) {
    if (!n) return;
    if (n->kind == PS_NODE_JSX_MEMBER_EXPR) {
        PsNode *o = PS_AS(PsMember, n)->object;
        while (o && o->kind == PS_NODE_JSX_MEMBER_EXPR) o = PS_AS(PsMember, o)->object;
        if (o && o->kind == PS_NODE_JSX_IDENTIFIER)
            an_ref_add(w, o, AN_REF_READ);
        else
            walk(w, o);
        return;
    }
    if (n->kind != PS_NODE_JSX_IDENTIFIER || n->aux == 0) return;
    const char *s = PS_AS(PsIdent, n)->name;
    if ((s[0] >= 'a' && s[0] <= 'z') || memchr(s, '-', n->aux)) return;
    an_ref_add(w, n, AN_REF_READ);
}

// Polls AnOptions.cancel every CANCEL_POLL_NODES nodes; once it fired,
// every walk returns at once (scopes still close in order).
#define CANCEL_POLL_NODES 4096u
static bool walk_cancelled(AnWalker *w) {
    if (w->cancelled) return true;
    if (!w->opts.cancel || --w->cancel_countdown) return false;
    w->cancel_countdown = CANCEL_POLL_NODES;
    w->cancelled = w->opts.cancel(w->opts.cancel_ctx);
    return w->cancelled;
}

static void walk(AnWalker *w, PsNode *n) {
    if (!n || walk_cancelled(w)) return;
    switch ((PsNodeKind)n->kind) {
    // Identifiers in expression position are references.
    case PS_NODE_IDENTIFIER:
        an_ref_add(w, n, AN_REF_READ);
        return;
    case PS_NODE_THIS:
        mark_receiver(w, AN_SF_USES_THIS);
        return;
    case PS_NODE_META_PROPERTY: {
        PsMember *m = PS_AS(PsMember, n);
        if (m->object && m->object->kind == PS_NODE_IDENTIFIER && m->object->aux == 3 &&
            memcmp(PS_AS(PsIdent, m->object)->name, "new", 3) == 0)
            mark_receiver(w, AN_SF_USES_NEW_TARGET);
        return;
    }
    case PS_NODE_LITERAL:
    case PS_NODE_SUPER:
    case PS_NODE_EMPTY_STMT:
    case PS_NODE_DEBUGGER_STMT:
    case PS_NODE_TEMPLATE_ELEMENT:
    case PS_NODE_PRIVATE_IDENTIFIER:
    case PS_NODE_JSX_IDENTIFIER:
    case PS_NODE_JSX_TEXT:
    case PS_NODE_JSX_EMPTY_EXPR:
    case PS_NODE_JSX_OPENING_FRAGMENT:
    case PS_NODE_JSX_CLOSING_FRAGMENT:
    case PS_NODE_JSX_NAMESPACED_NAME:
        return;

    // Statements.
    case PS_NODE_PROGRAM:
        walk_list(w, &PS_AS(PsListNode, n)->items);
        return;
    case PS_NODE_BLOCK:
        walk_block(w, n);
        return;
    case PS_NODE_VAR_DECL:
        walk_var_decl(w, n, false);
        return;
    case PS_NODE_FUNCTION_DECL:
        // Instantiated when its scope is entered.
        walk_function(w, PS_AS(PsFunction, n), 0, w->scope->start);
        return;
    case PS_NODE_CLASS_DECL:
    case PS_NODE_CLASS_EXPR:
        walk_class(w, PS_AS(PsClass, n));
        return;
    case PS_NODE_IF_STMT: {
        PsConditional *c = PS_AS(PsConditional, n);
        walk(w, c->test);
        walk_clause(w, c->consequent);
        walk_clause(w, c->alternate);
        return;
    }
    case PS_NODE_FOR_STMT:
        walk_for(w, PS_AS(PsFor, n));
        return;
    case PS_NODE_FOR_IN_STMT:
    case PS_NODE_FOR_OF_STMT:
        walk_for_in(w, PS_AS(PsForIn, n));
        return;
    case PS_NODE_SWITCH_STMT:
        walk_switch(w, PS_AS(PsSwitch, n));
        return;
    case PS_NODE_TRY_STMT:
        walk_try(w, PS_AS(PsTry, n));
        return;
    case PS_NODE_LABELED_STMT:
        walk_labeled(w, PS_AS(PsLabeled, n));
        return;
    case PS_NODE_BREAK_STMT:
    case PS_NODE_CONTINUE_STMT:
        walk_jump(w, PS_AS(PsUnary, n));
        return;
    case PS_NODE_WITH_STMT: {
        PsWith *ws = PS_AS(PsWith, n);
        walk(w, ws->object);
        PsNode *body = ws->body;
        AnScope *s = an_scope_open(w, AN_SCOPE_WITH, n, body ? body->start : n->end, n->end, true);
        s->flags |= AN_SF_DYNAMIC;
        s->fn->flags |= AN_SF_CONTAINS_WITH;
        w->dynamic = true;
        walk(w, body);
        an_scope_close(w);
        return;
    }
    case PS_NODE_IMPORT_DECL:
        walk_import(w, PS_AS(PsModuleDecl, n));
        return;
    case PS_NODE_EXPORT_NAMED_DECL:
        walk_export_named(w, PS_AS(PsModuleDecl, n));
        return;
    case PS_NODE_EXPORT_DEFAULT_DECL:
        walk_export_default(w, PS_AS(PsUnary, n));
        return;
    case PS_NODE_EXPORT_ALL_DECL: {
        PsNode *exported = PS_AS(PsModuleDecl, n)->declaration;
        if (exported) an_export_name(w, exported);
        return;
    }

    // Expressions.
    case PS_NODE_FUNCTION_EXPR:
    case PS_NODE_ARROW_FUNCTION:
        walk_function(w, PS_AS(PsFunction, n), 0, n->start);
        return;
    case PS_NODE_OBJECT_EXPR:
        walk_object(w, PS_AS(PsListNode, n));
        return;
    case PS_NODE_PROPERTY: {
        // Outside an object literal only in recovered trees.
        PsProperty *p = PS_AS(PsProperty, n);
        if (n->flags & PS_NF_COMPUTED) walk(w, p->key);
        walk(w, p->value);
        return;
    }
    case PS_NODE_MEMBER_EXPR:
        walk_member(w, PS_AS(PsMember, n));
        return;
    case PS_NODE_CALL_EXPR:
    case PS_NODE_NEW_EXPR:
        walk_call(w, PS_AS(PsCall, n));
        return;
    case PS_NODE_UNARY_EXPR: {
        PsNode *a = PS_AS(PsUnary, n)->arg;
        if (a && a->kind == PS_NODE_IDENTIFIER && n->op == PS_OP_TYPEOF)
            an_ref_add(w, a, AN_REF_READ | AN_REF_TYPEOF);
        else
            walk(w, a);
        return;
    }
    case PS_NODE_UPDATE_EXPR: {
        PsNode *a = PS_AS(PsUnary, n)->arg;
        if (a && a->kind == PS_NODE_IDENTIFIER)
            an_ref_add(w, a, AN_REF_READ | AN_REF_WRITE);
        else
            walk(w, a);
        return;
    }
    case PS_NODE_ASSIGN_EXPR: {
        PsBinary *b = PS_AS(PsBinary, n);
        if (n->op == PS_OP_ASSIGN)
            walk_target(w, b->left);
        else if (b->left && b->left->kind == PS_NODE_IDENTIFIER)
            an_ref_add(w, b->left, AN_REF_READ | AN_REF_WRITE);
        else
            walk(w, b->left);
        walk(w, b->right);
        return;
    }
    case PS_NODE_BINARY_EXPR: {
        PsBinary *b = PS_AS(PsBinary, n);
        if (b->left && b->left->kind == PS_NODE_PRIVATE_IDENTIFIER)
            walk_private_ref(w, b->left);  // `#x in obj`
        else
            walk(w, b->left);
        walk(w, b->right);
        return;
    }
    case PS_NODE_ARRAY_PATTERN:
    case PS_NODE_OBJECT_PATTERN:
    case PS_NODE_REST_ELEMENT:
        walk_target(w, n);
        return;
    case PS_NODE_ASSIGN_PATTERN: {
        PsBinary *b = PS_AS(PsBinary, n);
        walk_target(w, b->left);
        walk(w, b->right);
        return;
    }

    // Class parts seen outside a class only in recovered trees.
    case PS_NODE_CLASS_BODY:
    case PS_NODE_METHOD_DEF:
    case PS_NODE_PROPERTY_DEF:
    case PS_NODE_ACCESSOR_PROPERTY:
    case PS_NODE_STATIC_BLOCK:
    case PS_NODE_SWITCH_CASE:
    case PS_NODE_CATCH_CLAUSE:
    case PS_NODE_VAR_DECLARATOR:
    case PS_NODE_IMPORT_SPECIFIER:
    case PS_NODE_IMPORT_DEFAULT_SPECIFIER:
    case PS_NODE_IMPORT_NAMESPACE_SPECIFIER:
    case PS_NODE_IMPORT_ATTRIBUTE:
    case PS_NODE_EXPORT_SPECIFIER:
        return;

    // JSX.
    case PS_NODE_JSX_OPENING_ELEMENT: {
        PsJsxOpening *o = PS_AS(PsJsxOpening, n);
        walk_jsx_name(w, o->name);
        walk_list(w, &o->attributes);
        return;
    }
    case PS_NODE_JSX_CLOSING_ELEMENT:
        walk_jsx_name(w, PS_AS(PsUnary, n)->arg);
        return;
    case PS_NODE_JSX_ATTRIBUTE:
        walk(w, PS_AS(PsProperty, n)->value);
        return;
    case PS_NODE_JSX_MEMBER_EXPR:
        walk_jsx_name(w, n);
        return;

    // Frequent kinds walked directly (same order as ps_node_for_each_child).
    case PS_NODE_EXPRESSION_STMT:
    case PS_NODE_RETURN_STMT:
    case PS_NODE_THROW_STMT:
    case PS_NODE_SPREAD_ELEMENT:
    case PS_NODE_YIELD_EXPR:
    case PS_NODE_AWAIT_EXPR:
    case PS_NODE_CHAIN_EXPR:
    case PS_NODE_DECORATOR:
    case PS_NODE_JSX_EXPR_CONTAINER:
    case PS_NODE_JSX_SPREAD_ATTRIBUTE:
    case PS_NODE_JSX_SPREAD_CHILD:
        walk(w, PS_AS(PsUnary, n)->arg);
        return;
    case PS_NODE_LOGICAL_EXPR: {
        PsBinary *b = PS_AS(PsBinary, n);
        walk(w, b->left);
        walk(w, b->right);
        return;
    }
    case PS_NODE_CONDITIONAL_EXPR: {
        PsConditional *c = PS_AS(PsConditional, n);
        walk(w, c->test);
        walk(w, c->consequent);
        walk(w, c->alternate);
        return;
    }
    case PS_NODE_ARRAY_EXPR:
    case PS_NODE_SEQUENCE_EXPR:
        walk_list(w, &PS_AS(PsListNode, n)->items);
        return;
    case PS_NODE_WHILE_STMT: {
        PsWhile *wh = PS_AS(PsWhile, n);
        walk(w, wh->test);
        walk(w, wh->body);
        return;
    }
    case PS_NODE_DO_WHILE_STMT: {
        PsWhile *wh = PS_AS(PsWhile, n);
        walk(w, wh->body);
        walk(w, wh->test);
        return;
    }
    case PS_NODE_TEMPLATE_LITERAL:
        walk_list(w, &PS_AS(PsTemplate, n)->expressions);  // quasis hold no names
        return;
    case PS_NODE_TAGGED_TEMPLATE: {
        PsTaggedTemplate *t = PS_AS(PsTaggedTemplate, n);
        walk(w, t->tag);
        walk(w, t->quasi);
        return;
    }

    // Everything else: children are expressions, statements or lists of them.
    default:
        ps_node_for_each_child(n, walk_child, w);
        return;
    }
}

void an_walk_program(AnWalker *w, PsNode *root) {
    AnScope *s = an_scope_open(w, w->module ? AN_SCOPE_MODULE : AN_SCOPE_GLOBAL, root, 0,
                               w->res->parse->len, true);
    w->res->root = s;
    if (w->module || (root->flags & PS_NF_STRICT)) s->flags |= AN_SF_STRICT;
    if (root->kind == PS_NODE_PROGRAM || root->kind == PS_NODE_ERROR) {
        const PsList *items = &PS_AS(PsListNode, root)->items;
        an_hoist_list(w, items, w->module ? AN_LIST_MODULE : AN_LIST_TOP, UINT32_MAX);
        an_hoist_vars(w, items);
        walk_list(w, items);
    }
    an_scope_close(w);
    if (w->dynamic) an_mark_dynamic_refs(w);
}
