// Scopes, bindings and references: opening and closing scopes, declaring
// names (with the redeclaration early errors), and resolving references as
// they are seen (see analyzer_int.h for the scheme).
#include <stdarg.h>

#include "analyzer_int.h"

OchDiag *an_error(AnWalker *w, OchDiagCode code, uint32_t start, uint32_t end, const char *fmt,
                  ...) {
    if (!w->early) return NULL;
    va_list ap;
    va_start(ap, fmt);
    OchDiag *d = och_diag_vadd(&w->res->diags, code, OCH_SEV_ERROR, start, end, fmt, ap);
    va_end(ap);
    return d;
}

// ---------------------------------------------------------------------------
// Scopes.

AnScope *an_scope_alloc(AnWalker *w, AnScopeKind kind, PsNode *node, uint32_t start, uint32_t end) {
    AnScope *s = och_arena_alloc(&w->res->decl_arena, sizeof *s);
    memset(s, 0, sizeof *s);
    s->kind = (uint8_t)kind;
    s->node = node;
    s->start = start;
    s->end = end;
    w->res->nscopes++;
    return s;
}

void an_index_scope(AnWalker *w, AnScope *s) {
    uint32_t start = s->node->start;
    if (start < w->scopes_last) w->scopes_unsorted = true;
    w->scopes_last = start;
    och_vec_push(&w->scope_ix, s);
}

void an_scope_enter(AnWalker *w, AnScope *s, bool index) {
    AnScope *p = w->scope;
    s->parent = p;
    if (p) {
        s->depth = p->depth + 1;
        if (p->last_child)
            p->last_child->next_sibling = s;
        else
            p->first_child = s;
        p->last_child = s;
        if (p->flags & AN_SF_STRICT) s->flags |= AN_SF_STRICT;
    }
    if (!s->fn) {
        switch ((AnScopeKind)s->kind) {
        case AN_SCOPE_GLOBAL:
        case AN_SCOPE_MODULE:
        case AN_SCOPE_CLASS_FIELD:
        case AN_SCOPE_STATIC_BLOCK:
            s->fn = s;
            s->this_scope = s;
            break;
        case AN_SCOPE_FUNCTION:
            s->fn = s;
            s->this_scope = (s->flags & AN_SF_ARROW) && p ? p->this_scope : s;
            break;
        default:
            s->fn = p ? p->fn : s;
            s->this_scope = p ? p->this_scope : s;
            break;
        }
    }
    if (!p) {
        s->level = 0;
        w->acts[0] = s;
    } else if ((s->flags & AN_SF_CLOSURE) && p->level + 1 < AN_MAX_LEVELS) {
        s->level = p->level + 1;
        w->acts[s->level] = s;
    } else {
        s->level = p->level;
    }
    w->scope = s;
    if (index) an_index_scope(w, s);
}

AnScope *an_scope_open(AnWalker *w, AnScopeKind kind, PsNode *node, uint32_t start, uint32_t end,
                       bool index) {
    AnScope *s = an_scope_alloc(w, kind, node, start, end);
    an_scope_enter(w, s, index);
    return s;
}

// Removes b from its name's chain of open bindings (usually the top).
static void unlink_name(AnBinding *b) {
    AnBinding **pp = &b->iname->top;
    while (*pp && *pp != b) pp = &(*pp)->shadow;
    if (*pp) *pp = b->shadow;
    b->shadow = NULL;
}

// Inserts b into its name's chain, which stays ordered innermost first
// (normally at the top: scopes declare their names when they open).
static void chain_insert(AnBinding *b) {
    AnBinding **pp = &b->iname->top;
    while (*pp && (*pp)->scope->depth > b->scope->depth) pp = &(*pp)->shadow;
    b->shadow = *pp;
    *pp = b;
}

static void ref_link_binding(AnRef *r, AnBinding *b) {
    r->binding = b;
    // Newest first: appending would touch the previous reference, often long
    // evicted from the cache.
    r->next_for_binding = b->refs;
    b->refs = r;
    b->nrefs++;
}

static void resolve(AnWalker *w, AnRef *r, AnBinding *b) {
    ref_link_binding(r, b);
    uint32_t f = r->flags;
    if (f & AN_REF_EXPORT) {
        b->flags |= AN_BF_EXPORTED;
        return;
    }
    if (f & AN_REF_READ) {
        b->flags |= AN_BF_READ;
        // A function read only from inside itself is still unused (lint).
        if (!(b->flags & AN_BF_READ_OUTSIDE)) {
            const PsNode *fn = NULL;
            if (b->kind == AN_BIND_FUNCTION) fn = b->decl;
            else if (b->flags & AN_BF_FN_INIT) fn = ((const PsVarDeclarator *)b->decl)->init;
            if (!fn || r->node->start < fn->start || r->node->start >= fn->end)
                b->flags |= AN_BF_READ_OUTSIDE;
        }
    }
    if ((f & AN_REF_WRITE) && !(f & AN_REF_INIT)) b->flags |= AN_BF_WRITTEN;
    uint32_t lb = b->scope->level;
    // The earliest offset at which this code may run, relative to the
    // binding's activation (only needed here: not kept in AnRef).
    uint32_t closure_pos = 0;
    if (w->scope->level > lb) {
        // The closure that matters is the one created in the binding's own
        // activation: it decides when this code may first run.
        f |= AN_REF_CLOSURE;
        closure_pos = w->acts[lb + 1]->create_pos;
        b->flags |= AN_BF_CAPTURED;
    }
    if (b->flags & AN_BF_TDZ) {
        // Code at pos runs after the initialization only if pos is inside
        // the safe range (see AnBinding.init_pos); a closure counts from
        // where it is created, since it may be called right away.
        uint32_t pos = (f & AN_REF_CLOSURE) ? closure_pos : r->node->start;
        if (pos < b->init_pos || pos >= b->tdz_end) f |= AN_REF_TDZ;
    }
    r->flags = f;
}

// The outermost scope of a non-arrow function: where its `arguments` lives.
static bool is_arguments_site(const AnScope *s) {
    if ((s->flags & (AN_SF_CLOSURE | AN_SF_ARROW)) != AN_SF_CLOSURE) return false;
    return s->kind == AN_SCOPE_PARAMS || s->kind == AN_SCOPE_FUNCTION;
}

static AnBinding *bind(AnWalker *w, AnScope *s, AnName *name, PsNode *id, AnBindingKind kind,
                       uint16_t flags, PsNode *decl);

// The implicit `arguments` binding of the function whose outermost scope is a.
static AnBinding *arguments_binding(AnWalker *w, AnScope *a) {
    for (AnBinding *b = a->bindings; b; b = b->next)
        if (b->kind == AN_BIND_ARGUMENTS) return b;
    a->fn->flags |= AN_SF_USES_ARGUMENTS;
    return bind(w, a, w->n_arguments, NULL, AN_BIND_ARGUMENTS, 0, NULL);
}

// `arguments` used in the current scope, whose innermost binding so far is
// top: the enclosing non-arrow function's own arguments object unless a
// declaration inside that function shadows it.
static AnBinding *resolve_arguments(AnWalker *w, AnBinding *top) {
    AnScope *site = w->scope->this_scope;
    if (site->kind != AN_SCOPE_FUNCTION) return top;
    AnScope *a = site->parent && site->parent->kind == AN_SCOPE_PARAMS && site->parent->fn == site
                     ? site->parent
                     : site;
    if (top && top->scope->depth >= a->depth) {
        // `var arguments` aliases the object.
        if (top->kind == AN_BIND_VAR && top->scope == site) site->flags |= AN_SF_USES_ARGUMENTS;
        return top;
    }
    return arguments_binding(w, a);
}

void an_scope_close(AnWalker *w) {
    AnScope *s = w->scope;
    // Direct eval code may read `arguments`.
    if (is_arguments_site(s) && (s->fn->flags & AN_SF_HAS_EVAL)) arguments_binding(w, s);
    bool tainted = (s->flags & AN_SF_EVAL_TAINTED) != 0;
    for (AnBinding *b = s->bindings; b; b = b->next) {
        if (tainted) b->flags |= AN_BF_CAPTURED;
        unlink_name(b);
    }
    w->scope = s->parent;
}

void an_mark_dynamic_refs(AnWalker *w) {
    for (uint32_t i = 0; i < w->idents.len; i++) {
        uintptr_t e = w->idents.items[i];
        if (!an_ix_is_ref(e)) continue;
        AnRef *r = (AnRef *)e;
        if (r->flags & (AN_REF_LABEL | AN_REF_PRIVATE | AN_REF_EXPORT)) continue;
        const AnScope *stop = r->binding ? r->binding->scope : NULL;
        for (const AnScope *s = r->scope; s && s != stop; s = s->parent)
            if (s->flags & AN_SF_DYNAMIC) {
                r->flags |= AN_REF_DYNAMIC;
                break;
            }
    }
}

// ---------------------------------------------------------------------------
// Bindings.

AnBinding *an_binding_new(AnWalker *w, AnScope *s, AnName *name, PsNode *id, AnBindingKind kind,
                          uint16_t flags, PsNode *decl) {
    AnBinding *b = och_arena_alloc(&w->res->decl_arena, sizeof *b);
    memset(b, 0, sizeof *b);
    // The name's text outlives the walker's name table: point at the
    // declaring identifier (the parse outlives the result).
    b->name = id ? ((const PsIdent *)id)->name : kind == AN_BIND_ARGUMENTS ? "arguments" : "";
    if (decl && decl->kind == PS_NODE_VAR_DECLARATOR && ((const PsVarDeclarator *)decl)->id == id) {
        const PsNode *init = ((const PsVarDeclarator *)decl)->init;
        if (init && (init->kind == PS_NODE_FUNCTION_EXPR || init->kind == PS_NODE_ARROW_FUNCTION))
            flags |= AN_BF_FN_INIT;
    }
    b->len = name->len;
    b->kind = (uint8_t)kind;
    b->flags = flags;
    b->scope = s;
    b->id = id;
    b->decl = decl;
    b->iname = name;
    b->tdz_end = UINT32_MAX;
    w->res->nbindings++;
    return b;
}

// Appends b to s's bindings and pushes it on its name's chain.
static AnBinding *bind(AnWalker *w, AnScope *s, AnName *name, PsNode *id, AnBindingKind kind,
                       uint16_t flags, PsNode *decl) {
    AnBinding *b = an_binding_new(w, s, name, id, kind, flags, decl);
    if (s->bindings_last)
        s->bindings_last->next = b;
    else
        s->bindings = b;
    s->bindings_last = b;
    s->nbindings++;
    chain_insert(b);
    return b;
}

static void index_ident(AnWalker *w, uint32_t start, uintptr_t e) {
    if (start < w->idents_last) w->idents_unsorted = true;
    w->idents_last = start;
    och_vec_push(&w->idents, e);
}

void an_index_decl(AnWalker *w, const PsNode *id, AnBinding *b) {
    if (!b || !id) return;
    if (b->id == id) {
        index_ident(w, id->start, (uintptr_t)b | AN_IX_BINDING);
        return;
    }
    AnDecl *d = och_arena_alloc(w->arena, sizeof *d);
    d->id = id;
    d->binding = b;
    index_ident(w, id->start, (uintptr_t)d | AN_IX_DECL);
}

// "a 'let' declaration": how a binding is declared, for messages.
static const char *decl_desc(const AnBinding *b) {
    switch ((AnBindingKind)b->kind) {
    case AN_BIND_VAR: return "'var' declaration";
    case AN_BIND_LET: return "'let' declaration";
    case AN_BIND_CONST: return "'const' declaration";
    case AN_BIND_USING: return "'using' declaration";
    case AN_BIND_AWAIT_USING: return "'await using' declaration";
    case AN_BIND_FUNCTION:
        return (b->flags & AN_BF_LEXICAL) ? "block-scoped function declaration"
                                          : "function declaration";
    case AN_BIND_CLASS: return "class declaration";
    case AN_BIND_PARAM: return "parameter";
    case AN_BIND_CATCH: return "catch parameter";
    case AN_BIND_IMPORT: return "import";
    default: return "declaration";
    }
}

static const char *kind_desc(AnBindingKind kind, uint16_t flags) {
    AnBinding tmp;
    tmp.kind = (uint8_t)kind;
    tmp.flags = flags;
    return decl_desc(&tmp);
}

// Reports the conflict between an earlier binding and a new declaration at
// whichever of the two comes later in the source, the other as related.
static void report_conflict(AnWalker *w, OchDiagCode code, const AnBinding *old, PsNode *id,
                            AnBindingKind kind, uint16_t flags) {
    if (!w->early || !old->id) return;
    const PsNode *first = old->id, *second = id;
    const char *first_desc = decl_desc(old), *second_desc = kind_desc(kind, flags);
    if (first->start > second->start) {
        const PsNode *t = first;
        first = second;
        second = t;
        const char *td = first_desc;
        first_desc = second_desc;
        second_desc = td;
    }
    int len = (int)id->aux;
    const char *name = ((const PsIdent *)id)->name;
    OchDiag *d = NULL;
    switch (code) {
    case AN_E_PARAM_REDECLARATION:
        d = an_error(w, code, second->start, second->end,
                     "'%.*s' is already a parameter of this function; a %s in the function body "
                     "cannot redeclare it: rename it, or assign to the parameter instead",
                     len, name,
                     old->kind == AN_BIND_PARAM ? kind_desc(kind, flags) : decl_desc(old));
        break;
    case AN_E_CATCH_REDECLARATION:
        d = an_error(w, code, second->start, second->end,
                     "'%.*s' is already the catch parameter; a %s in the catch block cannot "
                     "redeclare it: rename one of them",
                     len, name,
                     old->kind == AN_BIND_CATCH ? kind_desc(kind, flags) : decl_desc(old));
        break;
    case AN_E_VAR_LEXICAL_CONFLICT:
        if (kind == AN_BIND_VAR || (kind == AN_BIND_FUNCTION && !(flags & AN_BF_LEXICAL)))
            d = an_error(w, code, second->start, second->end,
                         second == id
                             ? "'%.*s' is declared with 'var' but an enclosing block already has a "
                               "%s of it; 'var' is hoisted out of the block and cannot share its "
                               "name with the block's lexical declaration: rename one of them"
                             : "'%.*s' cannot be declared here as a %s: a 'var' of the same name "
                               "inside this block is hoisted through it; rename one of them",
                         len, name, decl_desc(old));
        else
            d = an_error(w, code, second->start, second->end,
                         "'%.*s' cannot be declared here as a %s: a 'var' of the same name inside "
                         "this block is hoisted through it; rename one of them",
                         len, name, kind_desc(kind, flags));
        break;
    default:
        d = an_error(w, AN_E_REDECLARATION, second->start, second->end,
                     "'%.*s' has already been declared in this scope as a %s; a %s cannot share "
                     "its name with it: rename one of them",
                     len, name, first_desc, second_desc);
        break;
    }
    if (d)
        och_diag_related(&w->res->diags, d, first->start, first->end,
                         "'%.*s' was first declared here", len, name);
}

// Whether two block-level function declarations may share a name: only
// plain functions in sloppy scripts (B.3.2.4).
static bool sloppy_duplicate_ok(const AnWalker *w, const AnScope *s, const PsNode *a,
                                const PsNode *b) {
    if (!w->opts.annex_b || w->module || (s->flags & AN_SF_STRICT)) return false;
    if (!a || !b || a->kind != PS_NODE_FUNCTION_DECL || b->kind != PS_NODE_FUNCTION_DECL)
        return false;
    return !((a->flags | b->flags) & (PS_NF_ASYNC | PS_NF_GENERATOR));
}

AnBinding *an_declare(AnWalker *w, AnScope *s, PsNode *id, AnBindingKind kind, uint16_t flags,
                      PsNode *decl) {
    if (!id || id->kind != PS_NODE_IDENTIFIER || (id->flags & PS_NF_MISSING)) return NULL;
    AnName *name = an_intern_ident(w, id);
    AnBinding *old = an_find_in_scope(name, s);
    if (old) {
        bool new_lex = (flags & AN_BF_LEXICAL) != 0, old_lex = (old->flags & AN_BF_LEXICAL) != 0;
        if ((!new_lex && !old_lex) ||
            (kind == AN_BIND_FUNCTION && old->kind == AN_BIND_FUNCTION &&
             sloppy_duplicate_ok(w, s, old->decl, decl))) {
            old->flags |= AN_BF_REDECLARED;
            old->flags &= (uint16_t)~AN_BF_ANNEXB_VAR;  // a real declaration now
            return old;
        }
        OchDiagCode code = AN_E_REDECLARATION;
        if (old->kind == AN_BIND_PARAM || kind == AN_BIND_PARAM) code = AN_E_PARAM_REDECLARATION;
        report_conflict(w, code, old, id, kind, flags);
        return old;
    }
    if ((flags & AN_BF_LEXICAL) && s->parent) {
        // Lexical names of a function body may not repeat a parameter; those
        // of a catch block may not repeat the catch parameter.
        AnScope *p = s->parent;
        if (s->kind == AN_SCOPE_FUNCTION && p->kind == AN_SCOPE_PARAMS && p->fn == s) {
            AnBinding *param = an_find_in_scope(name, p);
            if (param && param->kind == AN_BIND_PARAM)
                report_conflict(w, AN_E_PARAM_REDECLARATION, param, id, kind, flags);
        } else if (s->kind == AN_SCOPE_BLOCK && p->kind == AN_SCOPE_CATCH &&
                   s->node == ((PsCatch *)p->node)->body) {
            AnBinding *param = an_find_in_scope(name, p);
            if (param) report_conflict(w, AN_E_CATCH_REDECLARATION, param, id, kind, flags);
        }
    }
    return bind(w, s, name, id, kind, flags, decl);
}

// Whether a catch clause's parameter is a plain identifier (B.3.4 lets a
// `var` redeclare it).
static bool catch_param_simple(const AnBinding *b) {
    const PsNode *c = b->decl;
    return c && c->kind == PS_NODE_CATCH_CLAUSE && ((const PsCatch *)c)->param &&
           ((const PsCatch *)c)->param->kind == PS_NODE_IDENTIFIER;
}

AnBinding *an_walk_var(AnWalker *w, PsNode *id, PsNode *decl) {
    if (!id || id->kind != PS_NODE_IDENTIFIER || (id->flags & PS_NF_MISSING)) return NULL;
    AnScope *v = w->scope->fn;
    AnName *name = an_intern_ident(w, id);
    AnBinding *in_v = NULL, *conflict = NULL;
    // The chain holds bindings of open scopes, innermost first: those deeper
    // than v are in the block scopes the var is hoisted through.
    for (AnBinding *b = name->top; b; b = b->shadow) {
        if (b->scope->depth <= v->depth) {
            if (b->scope == v) in_v = b;
            break;
        }
        if (b->kind == AN_BIND_CATCH) {
            if (!w->opts.annex_b || !catch_param_simple(b)) conflict = b;
        } else if (b->flags & AN_BF_LEXICAL) {
            conflict = b;
        }
    }
    // Conflicts with v's own declarations were reported by the pre-pass
    // (one report per declaration is enough); a var it did not see
    // (recovered trees) is declared now.
    if (conflict && !(in_v && (in_v->flags & AN_BF_LEXICAL)))
        report_conflict(w, conflict->kind == AN_BIND_CATCH ? AN_E_CATCH_REDECLARATION
                                                           : AN_E_VAR_LEXICAL_CONFLICT,
                        conflict, id, AN_BIND_VAR, 0);
    if (!in_v) in_v = an_declare(w, v, id, AN_BIND_VAR, 0, decl);
    return in_v;
}

AnBinding *an_annexb_var(AnWalker *w, AnScope *v, AnName *name, PsNode *id, PsNode *decl) {
    AnBinding *b = an_find_in_scope(name, v);
    if (b) return b;
    return bind(w, v, name, id, AN_BIND_VAR, AN_BF_ANNEXB_VAR, decl);
}

// ---------------------------------------------------------------------------
// References.

static AnRef *ref_alloc(AnWalker *w, PsNode *id, uint32_t flags) {
    AnRef *r = och_arena_alloc(w->arena, sizeof *r);
    r->node = id;
    r->scope = w->scope;
    r->binding = NULL;
    r->next_for_binding = NULL;
    r->flags = flags;
    w->res->nrefs++;
    index_ident(w, id->start, (uintptr_t)r);
    return r;
}

AnRef *an_ref_add(AnWalker *w, PsNode *id, uint32_t flags) {
    if (!id || (id->flags & PS_NF_MISSING) || id->aux == 0) return NULL;
    AnRef *r = ref_alloc(w, id, flags);
    AnName *name = an_intern_ident(w, id);
    AnBinding *b = name->top;
    if (name == w->n_arguments) b = resolve_arguments(w, b);
    if (b)
        resolve(w, r, b);
    else if (flags & AN_REF_EXPORT)
        an_report_undeclared_export(w, r);
    else
        och_vec_push(&w->unresolved, r);
    return r;
}

AnRef *an_ref_bound(AnWalker *w, PsNode *id, uint32_t flags, AnBinding *b) {
    if (!id || (id->flags & PS_NF_MISSING)) return NULL;
    AnRef *r = ref_alloc(w, id, flags);
    if (b) {
        ref_link_binding(r, b);
        if (flags & AN_REF_READ) b->flags |= AN_BF_READ;
        if ((flags & AN_REF_WRITE) && !(flags & AN_REF_INIT)) b->flags |= AN_BF_WRITTEN;
    }
    return r;
}
