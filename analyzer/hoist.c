// Declaration pre-pass: when a scope with a statement list opens, its
// lexically scoped names (let, const, using, class, block-level and module
// functions, imports) and its top-level function declarations are declared
// before anything inside is walked, so that every name that can shadow or
// conflict is known when references and `var`s below it are seen. Also
// Annex B.3.3 hoisting of block functions to the function's var scope.
#include "analyzer_int.h"

// A lexical declaration statement being declared.
typedef struct LexDecl {
    AnBindingKind kind;
    uint16_t flags;
    PsNode *decl;
    uint32_t init_pos, tdz_end;
} LexDecl;

static void declare_lexical_name(AnWalker *w, PsNode *id, void *ctx) {
    const LexDecl *c = ctx;
    AnBinding *b = an_declare(w, w->scope, id, c->kind, c->flags, c->decl);
    if (b && b->id == id) {
        b->init_pos = c->init_pos;
        b->tdz_end = c->tdz_end;
    }
}

void an_pattern_names(AnWalker *w, PsNode *n, AnNameFn fn, void *ctx) {
    if (!n) return;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_IDENTIFIER:
        if (!(n->flags & PS_NF_MISSING)) fn(w, n, ctx);
        return;
    case PS_NODE_ASSIGN_PATTERN:
        an_pattern_names(w, PS_AS(PsBinary, n)->left, fn, ctx);
        return;
    case PS_NODE_REST_ELEMENT:
        an_pattern_names(w, PS_AS(PsUnary, n)->arg, fn, ctx);
        return;
    case PS_NODE_ARRAY_PATTERN: {
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) an_pattern_names(w, l->items[i], fn, ctx);
        return;
    }
    case PS_NODE_OBJECT_PATTERN: {
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *m = l->items[i];
            if (!m) continue;
            if (m->kind == PS_NODE_PROPERTY)
                an_pattern_names(w, PS_AS(PsProperty, m)->value, fn, ctx);
            else
                an_pattern_names(w, m, fn, ctx);
        }
        return;
    }
    default:
        return;
    }
}

static bool pattern_has_expressions(const PsNode *n) {
    if (!n) return false;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_ASSIGN_PATTERN:
        return true;
    case PS_NODE_REST_ELEMENT:
        return pattern_has_expressions(PS_AS(PsUnary, n)->arg);
    case PS_NODE_ARRAY_PATTERN: {
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++)
            if (pattern_has_expressions(l->items[i])) return true;
        return false;
    }
    case PS_NODE_OBJECT_PATTERN: {
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            const PsNode *m = l->items[i];
            if (!m) continue;
            if (m->kind == PS_NODE_PROPERTY) {
                if (m->flags & PS_NF_COMPUTED) return true;
                if (pattern_has_expressions(PS_AS(PsProperty, m)->value)) return true;
            } else if (pattern_has_expressions(m)) {
                return true;
            }
        }
        return false;
    }
    case PS_NODE_IDENTIFIER:
        return false;
    default:
        return true;  // error recovery: something else; keep the spec's separate scope
    }
}

bool an_params_have_expressions(const PsList *params) {
    for (uint32_t i = 0; i < params->count; i++)
        if (pattern_has_expressions(params->items[i])) return true;
    return false;
}

static PsNode *unwrap_labels(PsNode *n) {
    while (n && n->kind == PS_NODE_LABELED_STMT) n = PS_AS(PsLabeled, n)->body;
    return n;
}

bool an_list_has_lexical(const PsList *items) {
    for (uint32_t i = 0; i < items->count; i++) {
        PsNode *n = unwrap_labels(items->items[i]);
        if (!n) continue;
        switch ((PsNodeKind)n->kind) {
        case PS_NODE_VAR_DECL:
            if (n->op != PS_VAR_VAR) return true;
            break;
        case PS_NODE_FUNCTION_DECL:
        case PS_NODE_CLASS_DECL:
            return true;
        default:
            break;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------
// Var pre-pass and Annex B.3.3.
//
// B.3.3: in sloppy scripts, a plain function declared in a block is also
// assigned to a var of the same name in the enclosing function (or global)
// scope when that var could have been declared there without an early
// error: no lexical declaration of the name in the blocks in between or at
// the function's top level, no parameter of that name, and not `arguments`
// of a non-arrow function (it counts as a parameter name there). The
// decision must be known before anything in the function is resolved, so it
// is made by the pre-pass, which keeps the chain of enclosing statement
// containers (Frame) to look for such lexical declarations.

typedef enum FrameKind {
    FRAME_LIST,   // a block's or case clause's statement list
    FRAME_SWITCH, // all clauses of a switch
    FRAME_HEAD,   // let/const/using head of a for loop (a VAR_DECL)
    FRAME_CATCH,  // a catch clause (its parameter)
} FrameKind;

typedef struct Frame {
    const struct Frame *up;
    FrameKind kind;
    const PsNode *node;   // FRAME_SWITCH: SWITCH_STMT; FRAME_HEAD: VAR_DECL; FRAME_CATCH: clause
    const PsList *items;  // FRAME_LIST
} Frame;

typedef struct Prepass {
    AnScope *v;      // the var scope being filled
    AnScope *params; // its PARAMS scope, if any
    bool annex_b;    // B.3.3 applies
} Prepass;

typedef struct NameMatch {
    const char *name;
    uint32_t len;
    bool found;
} NameMatch;

static void match_name(AnWalker *w, PsNode *id, void *ctx) {
    (void)w;
    NameMatch *m = ctx;
    if (id->aux == m->len && memcmp(((const PsIdent *)id)->name, m->name, m->len) == 0)
        m->found = true;
}

static bool ident_named(const PsNode *id, const NameMatch *m) {
    return id && id->kind == PS_NODE_IDENTIFIER && id->aux == m->len &&
           memcmp(((const PsIdent *)id)->name, m->name, m->len) == 0;
}

// Whether a statement list lexically declares the name, other than by the
// function fn itself or, in fn's own list, by sibling functions (sloppy
// duplicates, B.3.2.4).
static bool list_declares(AnWalker *w, const PsList *items, NameMatch *m, const PsNode *fn,
                          bool own) {
    for (uint32_t i = 0; i < items->count; i++) {
        PsNode *n = unwrap_labels(items->items[i]);
        if (!n || n == fn) continue;
        switch ((PsNodeKind)n->kind) {
        case PS_NODE_VAR_DECL:
            if (n->op == PS_VAR_VAR) break;
            for (uint32_t j = 0; j < PS_AS(PsListNode, n)->items.count; j++) {
                PsNode *d = PS_AS(PsListNode, n)->items.items[j];
                if (d && d->kind == PS_NODE_VAR_DECLARATOR)
                    an_pattern_names(w, PS_AS(PsVarDeclarator, d)->id, match_name, m);
            }
            if (m->found) return true;
            break;
        case PS_NODE_CLASS_DECL:
            if (ident_named(PS_AS(PsClass, n)->id, m)) return true;
            break;
        case PS_NODE_FUNCTION_DECL:
            if (ident_named(PS_AS(PsFunction, n)->id, m) &&
                (!own || (n->flags & (PS_NF_ASYNC | PS_NF_GENERATOR))))
                return true;
            break;
        default:
            break;
        }
    }
    return false;
}

static bool frames_declare(AnWalker *w, const Frame *fr, NameMatch *m, const PsNode *fn) {
    for (bool own = true; fr; fr = fr->up, own = false) {
        switch (fr->kind) {
        case FRAME_LIST:
            if (list_declares(w, fr->items, m, fn, own)) return true;
            break;
        case FRAME_SWITCH: {
            const PsSwitch *sw = (const PsSwitch *)fr->node;
            for (uint32_t i = 0; i < sw->cases.count; i++) {
                const PsNode *c = sw->cases.items[i];
                if (c && c->kind == PS_NODE_SWITCH_CASE &&
                    list_declares(w, &PS_AS(PsSwitchCase, c)->consequent, m, fn, own))
                    return true;
            }
            break;
        }
        case FRAME_HEAD: {
            const PsList *l = &PS_AS(PsListNode, fr->node)->items;
            for (uint32_t i = 0; i < l->count; i++) {
                PsNode *d = l->items[i];
                if (d && d->kind == PS_NODE_VAR_DECLARATOR)
                    an_pattern_names(w, PS_AS(PsVarDeclarator, d)->id, match_name, m);
            }
            if (m->found) return true;
            break;
        }
        case FRAME_CATCH: {
            // A plain `catch (f)` may be redeclared by a var (B.3.4).
            PsNode *param = ((const PsCatch *)fr->node)->param;
            if (param && param->kind != PS_NODE_IDENTIFIER) {
                an_pattern_names(w, param, match_name, m);
                if (m->found) return true;
            }
            break;
        }
        }
    }
    return false;
}

static void annexb_consider(AnWalker *w, const Prepass *pp, PsNode *fn, const Frame *fr) {
    if (!pp->annex_b || fn->kind != PS_NODE_FUNCTION_DECL) return;
    if (fn->flags & (PS_NF_ASYNC | PS_NF_GENERATOR)) return;
    PsNode *id = PS_AS(PsFunction, fn)->id;
    if (!id || id->kind != PS_NODE_IDENTIFIER || (id->flags & PS_NF_MISSING)) return;
    AnName *name = an_intern_ident(w, id);
    AnScope *v = pp->v;
    if (name == w->n_arguments && v->kind == AN_SCOPE_FUNCTION && !(v->flags & AN_SF_ARROW)) return;
    AnBinding *at_v = an_find_in_scope(name, v);
    if (at_v && ((at_v->flags & AN_BF_LEXICAL) || at_v->kind == AN_BIND_PARAM)) return;
    if (pp->params) {
        AnBinding *param = an_find_in_scope(name, pp->params);
        if (param && param->kind == AN_BIND_PARAM) return;
    }
    NameMatch m = {name->str, name->len, false};
    if (frames_declare(w, fr, &m, fn)) return;
    an_annexb_var(w, v, name, id, fn);
    och_vec_push(&w->annexb, fn);
}

typedef struct VarDecl {
    AnScope *v;
    PsNode *declarator;
} VarDecl;

static void declare_var_name(AnWalker *w, PsNode *id, void *ctx) {
    const VarDecl *vd = ctx;
    an_declare(w, vd->v, id, AN_BIND_VAR, 0, vd->declarator);
}

static void prepass_var_decl(AnWalker *w, const Prepass *pp, PsNode *n) {
    const PsList *l = &PS_AS(PsListNode, n)->items;
    for (uint32_t i = 0; i < l->count; i++) {
        PsNode *d = l->items[i];
        if (!d || d->kind != PS_NODE_VAR_DECLARATOR) continue;
        VarDecl vd = {pp->v, d};
        an_pattern_names(w, PS_AS(PsVarDeclarator, d)->id, declare_var_name, &vd);
    }
}

static void prepass(AnWalker *w, const Prepass *pp, PsNode *n, const Frame *fr);

static void prepass_list(AnWalker *w, const Prepass *pp, const PsList *items, const Frame *fr,
                         bool block) {
    for (uint32_t i = 0; i < items->count; i++) {
        PsNode *n = items->items[i];
        if (!n) continue;
        if (block) {
            PsNode *f = unwrap_labels(n);
            if (f && f->kind == PS_NODE_FUNCTION_DECL) {
                annexb_consider(w, pp, f, fr);
                continue;
            }
        }
        prepass(w, pp, n, fr);
    }
}

// A statement in a single-statement position (if/loop/label body).
static void prepass_body(AnWalker *w, const Prepass *pp, PsNode *n, const Frame *fr) {
    if (n && n->kind == PS_NODE_FUNCTION_DECL) {
        // `if (x) function f() {}`: a block of its own (Annex B).
        Frame f = {fr, FRAME_LIST, NULL, &(const PsList){&n, 1}};
        annexb_consider(w, pp, n, &f);
        return;
    }
    prepass(w, pp, n, fr);
}

static void prepass(AnWalker *w, const Prepass *pp, PsNode *n, const Frame *fr) {
    if (!n) return;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_VAR_DECL:
        if (n->op == PS_VAR_VAR) prepass_var_decl(w, pp, n);
        return;
    case PS_NODE_BLOCK: {
        Frame f = {fr, FRAME_LIST, n, &PS_AS(PsListNode, n)->items};
        prepass_list(w, pp, f.items, &f, true);
        return;
    }
    case PS_NODE_IF_STMT: {
        PsConditional *c = PS_AS(PsConditional, n);
        prepass_body(w, pp, c->consequent, fr);
        prepass_body(w, pp, c->alternate, fr);
        return;
    }
    case PS_NODE_FOR_STMT: {
        PsFor *f = PS_AS(PsFor, n);
        if (f->init && f->init->kind == PS_NODE_VAR_DECL && f->init->op != PS_VAR_VAR) {
            Frame h = {fr, FRAME_HEAD, f->init, NULL};
            prepass(w, pp, f->body, &h);
            return;
        }
        if (f->init && f->init->kind == PS_NODE_VAR_DECL) prepass_var_decl(w, pp, f->init);
        prepass(w, pp, f->body, fr);
        return;
    }
    case PS_NODE_FOR_IN_STMT:
    case PS_NODE_FOR_OF_STMT: {
        PsForIn *f = PS_AS(PsForIn, n);
        if (f->left && f->left->kind == PS_NODE_VAR_DECL && f->left->op != PS_VAR_VAR) {
            Frame h = {fr, FRAME_HEAD, f->left, NULL};
            prepass(w, pp, f->body, &h);
            return;
        }
        if (f->left && f->left->kind == PS_NODE_VAR_DECL) prepass_var_decl(w, pp, f->left);
        prepass(w, pp, f->body, fr);
        return;
    }
    case PS_NODE_WHILE_STMT:
    case PS_NODE_DO_WHILE_STMT:
        prepass(w, pp, PS_AS(PsWhile, n)->body, fr);
        return;
    case PS_NODE_WITH_STMT:
        prepass(w, pp, PS_AS(PsWith, n)->body, fr);
        return;
    case PS_NODE_LABELED_STMT:
        prepass(w, pp, PS_AS(PsLabeled, n)->body, fr);
        return;
    case PS_NODE_TRY_STMT: {
        PsTry *t = PS_AS(PsTry, n);
        prepass(w, pp, t->block, fr);
        PsNode *h = t->handler;
        if (h && h->kind == PS_NODE_CATCH_CLAUSE) {
            Frame c = {fr, FRAME_CATCH, h, NULL};
            prepass(w, pp, PS_AS(PsCatch, h)->body, &c);
        }
        prepass(w, pp, t->finalizer, fr);
        return;
    }
    case PS_NODE_SWITCH_STMT: {
        PsSwitch *sw = PS_AS(PsSwitch, n);
        Frame f = {fr, FRAME_SWITCH, n, NULL};
        for (uint32_t i = 0; i < sw->cases.count; i++) {
            PsNode *c = sw->cases.items[i];
            if (c && c->kind == PS_NODE_SWITCH_CASE)
                prepass_list(w, pp, &PS_AS(PsSwitchCase, c)->consequent, &f, true);
        }
        return;
    }
    case PS_NODE_EXPORT_NAMED_DECL:
        prepass(w, pp, PS_AS(PsModuleDecl, n)->declaration, fr);
        return;
    case PS_NODE_ERROR:
        prepass_list(w, pp, &PS_AS(PsListNode, n)->items, fr, false);
        return;
    default:
        return;  // expressions, functions, classes: no vars of this scope
    }
}

void an_hoist_vars(AnWalker *w, const PsList *items) {
    AnScope *v = w->scope;
    Prepass pp = {v, NULL, false};
    if (v->parent && v->parent->kind == AN_SCOPE_PARAMS && v->parent->fn == v)
        pp.params = v->parent;
    pp.annex_b = w->opts.annex_b && !w->module && !(v->flags & AN_SF_STRICT);
    v->annexb_next = w->annexb.len;
    prepass_list(w, &pp, items, NULL, false);
    v->annexb_end = w->annexb.len;
}

// At a block's entry: whether the pre-pass of the var scope decided to
// hoist block function fn (the var scope's list is in source order, and so
// are block entries).
static bool annexb_hoisted(AnWalker *w, AnScope *v, const PsNode *fn) {
    while (v->annexb_next < v->annexb_end &&
           w->annexb.items[v->annexb_next]->start < fn->start)
        v->annexb_next++;
    return v->annexb_next < v->annexb_end && w->annexb.items[v->annexb_next] == fn;
}

void an_hoist_item(AnWalker *w, PsNode *n, AnListKind where, uint32_t tdz_end) {
    n = unwrap_labels(n);
    if (!n) return;
    switch ((PsNodeKind)n->kind) {
    case PS_NODE_VAR_DECL: {
        if (n->op == PS_VAR_VAR) return;
        LexDecl c = {AN_BIND_LET, AN_BF_LEXICAL | AN_BF_TDZ, NULL, 0, tdz_end};
        c.kind = n->op == PS_VAR_CONST   ? AN_BIND_CONST
                 : n->op == PS_VAR_USING ? AN_BIND_USING
                 : n->op == PS_VAR_AWAIT_USING ? AN_BIND_AWAIT_USING
                                               : AN_BIND_LET;
        const PsList *l = &PS_AS(PsListNode, n)->items;
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *d = l->items[i];
            if (!d || d->kind != PS_NODE_VAR_DECLARATOR) continue;
            c.decl = d;
            c.init_pos = d->end;
            an_pattern_names(w, PS_AS(PsVarDeclarator, d)->id, declare_lexical_name, &c);
        }
        return;
    }
    case PS_NODE_CLASS_DECL: {
        PsNode *id = PS_AS(PsClass, n)->id;
        if (!id) return;
        LexDecl c = {AN_BIND_CLASS, AN_BF_LEXICAL | AN_BF_TDZ, n, n->end, tdz_end};
        declare_lexical_name(w, id, &c);
        return;
    }
    case PS_NODE_FUNCTION_DECL: {
        PsNode *id = PS_AS(PsFunction, n)->id;
        if (!id) return;
        if (where == AN_LIST_TOP) {
            an_declare(w, w->scope, id, AN_BIND_FUNCTION, 0, n);
            return;
        }
        AnBinding *b = an_declare(w, w->scope, id, AN_BIND_FUNCTION, AN_BF_LEXICAL, n);
        AnScope *v = w->scope->fn;
        if (b && where == AN_LIST_BLOCK && annexb_hoisted(w, v, n)) {
            b->flags |= AN_BF_ANNEXB;
            b->annexb_var = an_find_in_scope(an_intern_ident(w, id), v);
        }
        return;
    }
    case PS_NODE_EXPORT_NAMED_DECL:
        an_hoist_item(w, PS_AS(PsModuleDecl, n)->declaration, where, tdz_end);
        return;
    case PS_NODE_EXPORT_DEFAULT_DECL: {
        PsNode *d = PS_AS(PsUnary, n)->arg;
        if (d && (d->kind == PS_NODE_FUNCTION_DECL || d->kind == PS_NODE_CLASS_DECL))
            an_hoist_item(w, d, where, tdz_end);
        return;
    }
    case PS_NODE_IMPORT_DECL: {
        const PsList *l = &PS_AS(PsModuleDecl, n)->specifiers;
        // Imports are initialized by module linking, which may not have
        // happened yet for a cycle: every use needs a check.
        for (uint32_t i = 0; i < l->count; i++) {
            PsNode *s = l->items[i];
            if (!s) continue;
            LexDecl c = {AN_BIND_IMPORT, AN_BF_LEXICAL | AN_BF_TDZ, s, UINT32_MAX, tdz_end};
            declare_lexical_name(w, PS_AS(PsSpecifier, s)->local, &c);
        }
        return;
    }
    default:
        return;
    }
}

void an_hoist_list(AnWalker *w, const PsList *items, AnListKind where, uint32_t tdz_end) {
    for (uint32_t i = 0; i < items->count; i++) an_hoist_item(w, items->items[i], where, tdz_end);
}
